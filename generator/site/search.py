"""What the site's search finds: one record per claim, actor, proposal and source, plus the
hand-written pages. `generate` writes them (plain JSON) beside the docs; after MkDocs has built
the site, `publish.pagefind` turns them into a Pagefind bundle that the reader's browser fetches
in small pieces, only when searching.

- Each claim is indexed once (not once per page that shows it) and its result opens the claim's
  card on its actor's page (`actors/ACTOR.html#claim-ID`); actors, proposals and sources open
  their pages; a source is found by its title, outlet and the passages cited from it (not its
  full text: that doubled the indexer's memory at 10,000 claims for little).
- An actor is found by any alias: the aliases are in the actor's record and in each claim's.
- Filters: kind, actor, proposal, stance, year, source, language.
- Language: Pagefind keeps one index per language and a page searches only the index of its own
  `<html lang>`; every page here is English, so every record is filed as `en`: one index, found
  from every page. Russian and Ukrainian words match as typed and by prefix, without stemming.
"""

from __future__ import annotations

from typing import Any

from ..data.model import Claim
from . import passages
from .plan import SitePlan
from .views import KIND_LABELS, STANCE_LABELS, date_display, language_name

LANGUAGE = "en"  # the one index (see above)
EXCERPT_WORDS = 30
Record = dict[str, Any]


def _flat(text: str | None) -> str:
    return " ".join(str(text or "").split())


def claim_records(plan: SitePlan) -> list[Record]:
    d = plan.dossier
    records = []
    for claim in d.chronology:
        actor = d.actors[claim.actor]
        titles = [d.proposals[s.proposal].title for s in claim.stances]
        sources = list(dict.fromkeys(d.sources[ev.source] for ev in claim.evidence))
        lines = [claim.summary, *(f"{passages.passage_label(ev)}: “{_flat(ev.text)}”" for ev in claim.evidence)]
        lines.append(", ".join([actor.name, *actor.aliases]))
        lines += [f"{STANCE_LABELS[s.value]}: {t}." for s, t in zip(claim.stances, titles, strict=True)]
        lines += [f"Source: {s.title}, {s.outlet.name or 'outlet unknown'}." for s in sources]
        lines += [_flat(claim.notes)] if claim.notes else []
        records.append(
            {
                "url": plan.claim_url(claim),
                "content": "\n".join(lines),
                "meta": {
                    "title": f"{actor.name}: {claim.summary}",
                    "said": date_display(claim.said),
                    "excerpt": excerpt(claim),
                },
                "filters": {
                    "kind": ["Claim"],
                    "actor": [actor.name],
                    "proposal": sorted(set(titles)),
                    "stance": sorted({STANCE_LABELS[s.value] for s in claim.stances}),
                    "year": [claim.said.date[:4] if claim.said.date else "date unknown"],
                    "source": sorted({s.title for s in sources}),
                    "language": sorted({language_name(ev.language) for ev in claim.evidence}),
                },
            }
        )
    return records


def excerpt(claim: Claim) -> str:
    """What a claim's result shows under its title (actor and summary): its excerpt (`passages.excerpt`,
    never a headline), never the alias list Pagefind would cut around a matched alias."""
    ev = passages.excerpt(claim)
    if ev is None:
        return claim.summary
    words = _flat(ev.text).split()
    text = " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")
    return f"“{text}”" if ev.kind == "direct-quote" else f"{KIND_LABELS[ev.kind]}: {text}"


def page_records(plan: SitePlan) -> list[Record]:
    d = plan.dossier
    records = []
    for a in d.actors.values():
        words = [a.name, ", ".join(a.aliases), a.affiliation, *(r.title for r in a.roles), _flat(a.notes)]
        records.append(_page(plan.url(plan.item_page("actors", a.id)), a.name, "Actor", words))
    for p in d.proposals.values():
        words = [p.title, _flat(p.summary), _flat(p.notes)]
        records.append(_page(plan.url(plan.item_page("proposals", p.id)), p.title, "Proposal", words))
    for s in d.sources.values():
        cited = [_flat(cp.exact) for cp in d.passages(s.id).values()]
        words = [s.title, s.outlet.name, *cited]
        record = _page(plan.url(plan.item_page("sources", s.id)), s.title, "Source", words)
        record["filters"]["language"] = [language_name(s.language)]
        records.append(record)
    return records


def _page(url: str, title: str, kind: str, words: list[str | None]) -> Record:
    return {
        "url": url,
        "content": "\n".join(w for w in words if w),
        "meta": {"title": title},
        "filters": {"kind": [kind]},
    }


def records(plan: SitePlan, hand_written: list[str]) -> list[Record]:
    """Every record, in a fixed order; `hand_written` are docs paths of hand-written pages,
    indexed from their built HTML."""
    html = [{"html": plan.url(path)} for path in sorted(hand_written)]
    return claim_records(plan) + page_records(plan) + html
