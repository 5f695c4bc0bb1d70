"""The passages a view shows for a claim, and who passed them on: one rule each, used by every page,
feed, export and the briefing.

- `excerpt`: the one passage that stands for a claim beside its summary (never a headline).
- `relay`: a passage's relay chain as readers are told it (the speaker left out, actors by their
  display names, an inferred chain marked so).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.model import Claim, Dossier, Evidence
from .views import KIND_LABELS

# The passage a list shows for a claim, strongest first: the speaker's words, then the outlet's report
# of them, then the outlet's own. A headline is never it (`excerpt`).
EXCERPT_KINDS = ("direct-quote", "reported-speech", "paraphrase", "framing")


def excerpt(claim: Claim) -> Evidence | None:
    """The one passage that stands for a claim wherever a view shows one beside it (a timeline or
    proposal row, the home page, "Cite this", the feeds, the search results, the CSL-JSON's first
    item): its strongest kind, the first such in the claim's order, never a passage on a headline.
    None only for a claim whose every passage is a headline (the check refuses a stance on one)."""
    body = [ev for ev in claim.evidence if not ev.on_headline]
    return min(body, key=lambda ev: (EXCERPT_KINDS.index(ev.kind), ev.number), default=None)


def reading_order(claim: Claim) -> tuple[Evidence, ...]:
    """A claim's passages with its excerpt first, then the rest in their order (headlines last)."""
    first = excerpt(claim)
    rest = sorted((ev for ev in claim.evidence if ev is not first), key=lambda ev: (ev.on_headline, ev.number))
    return ((first,) if first else ()) + tuple(rest)


def passage_label(ev: Evidence) -> str:
    """What a passage is, in a list of a claim's passages: its kind, or the outlet's headline."""
    return "The outlet's headline" if ev.on_headline else KIND_LABELS[ev.kind]


@dataclass(frozen=True)
class Relay:
    """Who passed a passage's words on, from the speaker toward the source, as a reader is told."""

    names: tuple[str, ...]  # each as the dossier names it: an actor's display name, else as written
    speakers: tuple[str, ...]  # those of them that are actors: an account of another speaker's, not an outlet's
    inferred: str | None  # why the chain is inferred, where the text implies it without stating it


def relay(d: Dossier, claim: Claim, ev: Evidence) -> Relay:
    """The relay chain of a passage without the claim's own speaker (`via: [Volodymyr Zelenskyy]` on
    his own words says where they come from, not who passed them on), every name that is an actor's
    (an alias or a spelling of it) given as that actor's display name, once."""
    names: dict[str, bool] = {}
    for name in ev.via:
        actor = d.actors_by_name.get(name.casefold())
        if actor == claim.actor:
            continue
        names.setdefault(d.actors[actor].name if actor else name, actor is not None)
    return Relay(tuple(names), tuple(n for n, is_actor in names.items() if is_actor), ev.via_reason)


def told_by(d: Dossier, point) -> tuple[str, ...]:
    """Whose account a position (model.Position) is known from: the speakers every passage its
    stance rests on relays it through ("Zelenskyy accused Ukraine's partners of ..."), by display
    name; none when any of those passages is not another speaker's account."""
    tellers: dict[str, None] = {}
    for ev in point.claim.evidence:
        if ev.number in point.stance.rests_on:
            speakers = relay(d, point.claim, ev).speakers
            if not speakers:
                return ()
            tellers.update(dict.fromkeys(speakers))
    return tuple(sorted(tellers))
