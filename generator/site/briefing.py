"""What the briefing PDF says, as data for its template (site_templates/pdf/): the key points, the
caveat's figures, each proposal's positions with their endnotes, the summary grid's conditions.

Two documents share it: the briefing (each actor's current position on each proposal and the
evidence it rests on, as a research briefing gives it) and the record (every claim, oldest first,
with all its evidence). Ordering is the model's (`Dossier.current`, `Dossier.history`,
`views.latest`); nothing here orders claims by date itself.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..data.dates import MONTHS
from ..data.model import Actor, Claim, Dossier, Evidence, Position, Proposal, Source, Stance
from . import views

# Each basis has its own mark, the site's (views.BASIS_MARKS), explained in the same words.
BASIS_MARKS = {basis: mark for basis, (mark, _) in views.BASIS_MARKS.items()}
BASIS_LABELS = {basis: words for basis, (_, words) in views.BASIS_MARKS.items()}
# What sources do with quotations, as the caveat says it ("4 do not say whether ..."), by the
# schema's `quotes-language` values.
QUOTES_PHRASES = {
    "original": ("quotes speakers in the language they spoke", "quote speakers in the language they spoke"),
    "translated": ("gives translations", "give translations"),
    "mixed": ("mixes translated and untranslated quotations", "mix translated and untranslated quotations"),
    "no-quotes": ("quotes nobody", "quote nobody"),
    "unknown": (
        "does not say whether its quotations are translations",
        "do not say whether their quotations are translations",
    ),
}
KEY_PROPOSALS = 6  # proposals the key points describe one by one (those with the most actors)
KEY_SHIFTS = 6  # changes of position the key points name
# The briefing gives the evidence of every actor's current position while there are at most this many
# (actor, proposal) pairs; beyond, of as many actors per proposal as share this budget, those with the
# most claims on it, and lists the others' stances in a line each (the record has everything). The
# real dossier has 42 pairs; at 1,000 claims (1,074 pairs on 33 proposals) 2 a proposal are printed.
CARD_BUDGET = 80
# The summary grid in print: at most a landscape page of rows, and columns that stay legible (the
# site's grid goes to 60 × 30; 1,800 cells took WeasyPrint 8 s and three pages).
GRID_ACTORS, GRID_PROPOSALS = 36, 24
KEY_NAMES = 5  # actors the key points name per stance of a proposal ("and 12 more")


@dataclass(frozen=True)
class Note:
    """An endnote: one per distinct passage (and relay chain) in a section."""

    number: int
    evidence: Evidence
    relay: tuple[str, ...]  # who passed the words on, from the speaker to the source


@dataclass(frozen=True)
class Entry:
    """One actor's part of a proposal's section."""

    actor: Actor
    points: tuple[Position, ...]  # briefing: the positions that may be the latest; record: all
    certain: bool  # the dates order the points shown (briefing: one is certainly the latest)
    earlier: int  # the actor's claims on this proposal that are not shown (briefing only)


@dataclass(frozen=True)
class Section:
    proposal: Proposal
    entries: tuple[Entry, ...]  # with their evidence
    others: tuple[Entry, ...]  # briefing: the other actors on record, their stances only
    calls: dict[tuple[str, int], int]  # (claim id, evidence number) -> note number
    notes: tuple[Note, ...]

    def shown(self, claim: Claim, stance: Stance, record: bool) -> tuple[Evidence, ...]:
        """The evidence printed for a claim: all of it in the record; in the briefing, what the
        stance rests on."""
        if record or not stance.rests_on:
            return claim.evidence
        return tuple(ev for ev in claim.evidence if ev.number in stance.rests_on)


@dataclass(frozen=True)
class ProposalPoint:
    """A proposal in the key points: who takes which current stance; whose latest is uncertain."""

    proposal: Proposal
    stances: tuple[tuple[str, tuple[str, ...]], ...]  # (stance, actor names), in the schema's order
    uncertain: tuple[str, ...]  # actors whose claims that may be the latest disagree


@dataclass(frozen=True)
class KeyPoints:
    span: str | None  # when the dated claims were made, in words
    undated: int
    proposals: tuple[ProposalPoint, ...]
    more_proposals: int  # proposals on record beyond those described
    shifts: tuple[tuple[str, str, str, str], ...]  # (actor, proposal title, from, to)
    shift_count: int
    bases: tuple[tuple[str, int], ...]  # current stances by basis
    translation: tuple[tuple[int, str], ...]  # how many sources do what with quotations
    relays: tuple[str, ...]  # outlets and people that passed words on, most used first


def relay(dossier: Dossier, claim: Claim, ev: Evidence) -> tuple[str, ...]:
    """The evidence's relay chain without the speaker: `via: [Volodymyr Zelenskyy]` on his own
    words says where they come from, not who passed them on."""
    actor = dossier.actors[claim.actor]
    own = {actor.name.casefold(), *(alias.casefold() for alias in actor.aliases)}
    return tuple(name for name in ev.via if name.casefold() not in own)


def section(dossier: Dossier, proposal_id: str, record: bool, principal: int) -> Section:
    """A proposal's section; in the briefing, `principal` actors get their evidence printed."""
    actors = dossier.actors_on(proposal_id)
    chosen = set(actors) if record else set(_principal(dossier, proposal_id, actors, principal))
    entries = tuple(_entry(dossier, actor, proposal_id, record) for actor in actors if actor in chosen)
    others = tuple(_entry(dossier, actor, proposal_id, record) for actor in actors if actor not in chosen)
    calls: dict[tuple[str, int], int] = {}
    numbers: dict[tuple, int] = {}
    notes: list[Note] = []
    sec = Section(dossier.proposals[proposal_id], entries, others, calls, ())
    for entry in entries:
        for point in entry.points:
            for ev in sec.shown(point.claim, point.stance, record):
                chain = relay(dossier, point.claim, ev)
                key = (ev.source, ev.passage.span, chain)  # a passage cited twice gets one note
                if key not in numbers:
                    numbers[key] = len(notes) + 1
                    notes.append(Note(numbers[key], ev, chain))
                calls[(point.claim.id, ev.number)] = numbers[key]
    return Section(sec.proposal, entries, others, calls, tuple(notes))


def principal_count(dossier: Dossier, proposals: tuple[str, ...]) -> int:
    """How many actors per proposal the briefing prints with their evidence."""
    if sum(len(dossier.actors_on(p)) for p in proposals) <= CARD_BUDGET:
        return len(dossier.actors)
    return max(1, CARD_BUDGET // max(1, len(proposals)))


def _principal(dossier: Dossier, proposal: str, actors: list[str], count: int) -> list[str]:
    ranked = sorted(actors, key=lambda a: -len(dossier.history[(a, proposal)]))  # stable: ties keep actor order
    return ranked[:count]


def cited(sections: tuple[Section, ...], sources: tuple[Source, ...]) -> tuple[Source, ...]:
    """The sources the document's notes cite, in the dossier's order."""
    used = {note.evidence.source for sec in sections for note in sec.notes}
    return tuple(s for s in sources if s.id in used)


def _entry(dossier: Dossier, actor: str, proposal: str, record: bool) -> Entry:
    history = dossier.history[(actor, proposal)]
    if record:
        return Entry(dossier.actors[actor], history, True, 0)
    current = dossier.current(actor, proposal)
    return Entry(dossier.actors[actor], current.positions, current.certain, len(history) - len(current.positions))


def grid(dossier: Dossier) -> tuple[tuple[Actor, ...], tuple[Proposal, ...]]:
    """The summary grid's rows and columns: the site's, less the least-cited beyond the print limits."""
    actors, proposals = views.grid(dossier)
    return (
        _most_cited(actors, dossier.claims_by_actor, GRID_ACTORS),
        _most_cited(proposals, dossier.claims_by_proposal, GRID_PROPOSALS),
    )


def _most_cited(items: tuple, claims: dict, limit: int) -> tuple:
    if len(items) <= limit:
        return items
    keep = {item.id for item in sorted(items, key=lambda item: (-len(claims.get(item.id, ())), item.id))[:limit]}
    return tuple(item for item in items if item.id in keep)


def conditions(dossier: Dossier, actors: tuple[Actor, ...], proposals: tuple[Proposal, ...]) -> dict:
    """The conditions of the conditional stances the summary grid shows, numbered in reading order:
    {(actor id, proposal id, condition): number}."""
    out: dict[tuple[str, str, str], int] = {}
    for actor in actors:
        for proposal in proposals:
            if (actor.id, proposal.id) not in dossier.history:
                continue
            for point, _ in views.latest(dossier, actor.id, proposal.id).stances:
                if point.stance.condition:
                    out.setdefault((actor.id, proposal.id, point.stance.condition), len(out) + 1)
    return out


def key_points(dossier: Dossier, claims: tuple[Claim, ...], proposals: tuple[str, ...], sources) -> KeyPoints:
    pairs = [(a, p) for p in proposals for a in dossier.actors_on(p)]
    ranked = sorted(proposals, key=lambda p: (-len(dossier.actors_on(p)), list(dossier.proposals).index(p)))
    described = tuple(_proposal_point(dossier, p) for p in ranked[:KEY_PROPOSALS] if dossier.actors_on(p))
    shifts = list(  # one actor's same change on a proposal, proven by several claims, counts once
        dict.fromkeys(
            (dossier.actors[a].name, dossier.proposals[p].title, point.shift_from, point.stance.value)
            for a, p in pairs
            for point in dossier.history[(a, p)]
            if point.shift_from
        )
    )
    bases: Counter[str] = Counter()
    for a, p in pairs:
        for point, _ in views.latest(dossier, a, p).stances:
            bases[point.stance.basis] += 1
    relays: Counter[str] = Counter(
        name for claim in claims for ev in claim.evidence for name in relay(dossier, claim, ev)
    )
    translation = Counter(s.translation.quotes if s.translation else "unknown" for s in sources)
    return KeyPoints(
        span=_span(claims),
        undated=sum(1 for c in claims if c.said.interval is None),
        proposals=described,
        more_proposals=sum(1 for p in proposals if dossier.actors_on(p)) - len(described),
        shifts=tuple(shifts[:KEY_SHIFTS]),
        shift_count=len(shifts),
        bases=tuple((b, bases[b]) for b in BASIS_MARKS if bases[b]),
        translation=tuple((count, QUOTES_PHRASES[q][count != 1]) for q in QUOTES_PHRASES if (count := translation[q])),
        relays=tuple(name for name, _ in sorted(relays.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _proposal_point(dossier: Dossier, proposal: str) -> ProposalPoint:
    by_stance: dict[str, list[str]] = {}
    uncertain = []
    for actor in dossier.actors_on(proposal):
        latest = views.latest(dossier, actor, proposal)
        name = dossier.actors[actor].name
        if latest.uncertain:
            uncertain.append(name)
        else:
            by_stance.setdefault(latest.stances[0][0].stance.value, []).append(name)
    stances = tuple((s, tuple(by_stance[s])) for s in views.STANCE_LABELS if s in by_stance)
    return ProposalPoint(dossier.proposals[proposal], stances, tuple(uncertain))


def _span(claims: tuple[Claim, ...]) -> str | None:
    """From the earliest day any dated claim can mean to the latest, where the dates bound them."""
    lows = [c.said.interval.lower for c in claims if c.said.interval and c.said.interval.lower != dt.date.min]
    highs = [c.said.interval.upper for c in claims if c.said.interval and c.said.interval.upper != dt.date.max]
    if not lows or not highs:
        return None
    first, last = min(lows), max(highs)
    return f"{MONTHS[first.month - 1]} {first.year} and {MONTHS[last.month - 1]} {last.year}"


def source_label(source: Source) -> str:
    """A source as a reader names it: its outlet, or its headline when the outlet is unknown."""
    return source.outlet.name or f"“{' '.join(source.title.split())}”"
