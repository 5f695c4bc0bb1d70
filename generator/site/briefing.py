"""What the briefing PDF says, as data for its template (site_templates/pdf/): the key points, the
caveat's figures, each proposal's positions with their endnotes, the summary grid's conditions.

Two documents share it: the briefing (each actor's current position on each proposal and the
evidence it rests on, as a research briefing gives it) and the record (every claim, oldest first,
with all its evidence). Ordering is the model's (`Dossier.current`, `Dossier.history`,
`views.latest`); nothing here orders claims by date itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass

from ..data import order
from ..data.dates import MONTHS
from ..data.model import Actor, Claim, Dossier, Evidence, Position, Proposal, Source, Stance
from . import passages, views

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
KEY_WORDS = 12  # of each passage of the outlet's that a change in the key points rests on
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
    inferred: str | None = None  # why the chain is inferred, where the text only implies it


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
        stance rests on, and the passage that stands for the claim (`passages.excerpt`) where the
        stance does not rest on it: a stance on the outlet's framing alone is never printed
        without the speaker's words the claim records."""
        if record or not stance.rests_on:
            return claim.evidence
        first = passages.excerpt(claim)
        return tuple(ev for ev in claim.evidence if ev.number in stance.rests_on or ev is first)


# an actor's name, the bases its stance rests on (marks after the name), and its claim's date in
# words when one claim takes it ("date unknown" for none), else ""
Named = tuple[str, tuple[str, ...], str]
# a stance value, the bases it rests on, and how many different conditions it is taken with
Marked = tuple[str, tuple[str, ...], int]
Side = tuple[str, tuple[str, ...]]  # a side of a change: its stance value, and the bases it rests on


@dataclass(frozen=True)
class ProposalPoint:
    """A proposal in the key points: who takes which current stance, each name with the marks of
    what it rests on; whose latest occasion takes several stances; whose latest is uncertain."""

    proposal: Proposal
    stances: tuple[tuple[str, tuple[Named, ...]], ...]  # (stance, actors), in the schema's order
    several: tuple[tuple[str, tuple[Marked, ...]], ...]  # (actor, its stances): one occasion, certainly the latest
    uncertain: tuple[tuple[str, tuple[Marked, ...]], ...]  # (actor, the stances that may be its latest)


@dataclass(frozen=True)
class Dated:
    """When the dated claims were made, as far as their dates say: a span only for the dates that
    are certain and bounded on both sides; the others counted by what they leave open, each in one
    count only (an uncertain date is counted as uncertain, whatever its bounds)."""

    count: int  # claims with a date
    bounded: int  # of them, certain and bounded on both sides
    first: dt.date | None  # the earliest day those bounded dates can mean
    last: dt.date | None  # the latest
    open_end: int  # certain, with no later bound ("… or later")
    open_start: int  # certain, with no earlier bound ("by …")
    uncertain: int  # uncertain or approximate, bounded or not


@dataclass(frozen=True)
class Shift:
    """A change of position the dates show or a text reports: the stances before and after, each
    with its bases; whether the dates alone order the two sides; the outlet's own words a side
    rests on where that side is only the outlet's account ("He abruptly changed tack last week")."""

    actor: str
    proposal: str  # its title
    before: Side
    after: Side
    by_dates: bool = True  # False: a text's words order them (a stated ordering), not the dates alone
    outlets_words: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()  # the ids of the claims on its earlier side (one change, however found)
    others: tuple[str, ...] = ()  # the titles of the other proposals the same change is recorded on


@dataclass(frozen=True)
class KeyPoints:
    dated: Dated
    undated: int
    proposals: tuple[ProposalPoint, ...]
    more_proposals: int  # proposals on record beyond those described
    shifts: tuple[Shift, ...]
    shift_count: int
    shifts_by: str  # what orders the changes: "dates", "texts" or "both" (the key point's words)
    bases: tuple[tuple[str, int], ...]  # the latest stances by basis (one resting on several, under each)
    translation: tuple[tuple[int, str], ...]  # how many sources do what with quotations
    relays: tuple[str, ...]  # outlets and offices that passed words on, most used first
    accounts: tuple[str, ...]  # speakers through whose account another party's words or position are known


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
                chain = passages.relay(dossier, point.claim, ev)
                key = (ev.source, ev.passage.span, chain.names)  # a passage cited twice gets one note
                if key not in numbers:
                    numbers[key] = len(notes) + 1
                    notes.append(Note(numbers[key], ev, chain.names, chain.inferred if chain.names else None))
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
    shifts = _unique(dossier, [*_shifts(dossier, pairs), *_stated_shifts(dossier, claims, proposals)])
    bases: Counter[str] = Counter()
    for a, p in pairs:
        for found in views.latest(dossier, a, p).bases:  # a grid chip's bases: all its claims'
            bases.update(found)
    relays: Counter[str] = Counter()
    accounts: Counter[str] = Counter()
    for claim in claims:
        for ev in claim.evidence:
            chain = passages.relay(dossier, claim, ev)
            for name in chain.names:
                (accounts if name in chain.speakers else relays)[name] += 1
    translation = Counter(s.translation.quotes if s.translation else "unknown" for s in sources)
    return KeyPoints(
        dated=_dated(claims),
        undated=sum(1 for c in claims if c.said.interval is None),
        proposals=described,
        more_proposals=sum(1 for p in proposals if dossier.actors_on(p)) - len(described),
        shifts=tuple(shifts[:KEY_SHIFTS]),
        shift_count=len(shifts),
        shifts_by=_shifts_by(shifts),
        bases=tuple((b, bases[b]) for b in BASIS_MARKS if bases[b]),
        translation=tuple((count, QUOTES_PHRASES[q][count != 1]) for q in QUOTES_PHRASES if (count := translation[q])),
        relays=_most_used(relays),
        accounts=_most_used(accounts),
    )


def _most_used(counts: Counter[str]) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _shifts(dossier: Dossier, pairs: list[tuple[str, str]]):
    """Each change the dates show or a text reports: between a step and the one before it
    (`order.changes`), with the bases of the claims on either side, whether the dates alone order
    them, and the outlet's words a side rests on where it is only the outlet's account."""
    for a, p in pairs:
        steps = dossier.steps[(a, p)]
        for earlier, step in itertools.pairwise(steps):
            if step.changed_from:
                before = (step.changed_from, _bases(pos.stance.basis for pos in earlier.positions))
                after = (step.positions[0].stance.value, _bases(pos.stance.basis for pos in step.positions))
                pairs_across = itertools.product(earlier.positions, step.positions)
                by_dates = all(order.dated_before(_item(x.claim), _item(y.claim)) for x, y in pairs_across)
                words = _outlets_words((*earlier.positions, *step.positions))
                ids = tuple(pos.claim.id for pos in earlier.positions)
                yield Shift(dossier.actors[a].name, dossier.proposals[p].title, before, after, by_dates, words, ids)


def _stated_shifts(dossier: Dossier, claims: tuple[Claim, ...], proposals: tuple[str, ...]):
    """Each change a text reports (`Dossier.stated_changes`) among these claims and proposals."""
    shown = {c.id for c in claims}
    for proposal in proposals:
        for actor in dossier.actors_on(proposal):
            for earlier, later, was, now in dossier.stated_changes.get((actor, proposal), ()):
                if {earlier.id, later.id} <= shown:
                    yield Shift(
                        dossier.actors[actor].name,
                        dossier.proposals[proposal].title,
                        (was.value, (was.basis,)),
                        (now.value, (now.basis,)),
                        False,
                        _outlets_words((Position(earlier, was), Position(later, now))),
                        (earlier.id,),
                    )


def _unique(dossier: Dossier, shifts: list[Shift]) -> list[Shift]:
    """A change counts once: the same earlier claims of one actor (one change a text reports,
    found by the steps and by the order it states, or recorded on several proposals) are one
    change, shown on the proposal its earlier claim names first (what the change is about, as
    the curator ordered its stances), with the other proposals it is recorded on."""

    def rank(shift: Shift) -> int:
        titles = [dossier.proposals[s.proposal].title for s in dossier.claims[shift.earlier[0]].stances]
        return titles.index(shift.proposal) if shift.earlier and shift.proposal in titles else len(titles)

    groups: dict[tuple, list[Shift]] = {}
    for shift in shifts:
        groups.setdefault((shift.actor, shift.earlier), []).append(shift)
    out = []
    for found in groups.values():
        first = min(found, key=rank)  # the first found among equals
        others = tuple(dict.fromkeys(s.proposal for s in found if s.proposal != first.proposal))
        out.append(dataclasses.replace(first, others=others))
    return out


def _item(claim: Claim) -> order.Item:
    return (claim.id, claim.said.interval, claim.occasion)


def _outlets_words(positions: tuple[Position, ...]) -> tuple[str, ...]:
    """The first passage, on one line and cut to its first KEY_WORDS words, that a position
    resting only on the outlet's account rests on, for each side of a change that has one."""
    words: dict[str, None] = {}
    taken: list[tuple[str, tuple[int, int]]] = []  # passages quoted: one overlapping them adds nothing
    for pos in positions:
        if pos.stance.basis == "outlets-account":
            grounds = [ev for ev in pos.claim.evidence if not pos.stance.rests_on or ev.number in pos.stance.rests_on]
            ev = grounds[0]
            if not any(src == ev.source and a < ev.passage.span[1] and ev.passage.span[0] < b for src, (a, b) in taken):
                taken.append((ev.source, ev.passage.span))
                words.setdefault(views.first_words(ev.passage.exact, KEY_WORDS))
    return tuple(words)


def _shifts_by(shifts: list[Shift]) -> str:
    found = {shift.by_dates for shift in shifts}
    return "both" if len(found) == 2 else "dates" if found == {True} else "texts"


def _bases(found) -> tuple[str, ...]:
    seen = set(found)
    return tuple(b for b in BASIS_MARKS if b in seen)


def _proposal_point(dossier: Dossier, proposal: str) -> ProposalPoint:
    """Every actor on the proposal, by its latest: under its stance when it has one (the key points
    give no conditions, so stances that differ only in their condition are one); with each of its
    stances when its latest occasion takes several (none of them is "the" stance); among the
    uncertain when the claims that may be the latest disagree, in their stance or its condition
    (the grid marks both "?"), with how many conditions a stance is taken on."""
    by_stance: dict[str, list[Named]] = {}
    several, uncertain = [], []
    for actor in dossier.actors_on(proposal):
        latest = views.latest(dossier, actor, proposal)
        name = _as_told(dossier, actor, [point for point, _ in latest.stances])
        found: dict[str, set[str]] = {}
        conditions: dict[str, set[str | None]] = {}
        for (point, _), bases in zip(latest.stances, latest.bases, strict=True):
            found.setdefault(point.stance.value, set()).update(bases)
            conditions.setdefault(point.stance.value, set()).add(point.stance.condition)
        marked = tuple(
            (value, _bases(found[value]), len(conditions[value])) for value in views.STANCE_LABELS if value in found
        )
        # one stance, unless the claims that may be the latest take it on different conditions
        if len(marked) == 1 and (latest.certain or marked[0][2] == 1):
            by_stance.setdefault(marked[0][0], []).append((name, marked[0][1], _when(latest)))
        elif latest.certain:
            several.append((name, marked))
        else:
            uncertain.append((name, marked))
    stances = tuple((s, tuple(by_stance[s])) for s in views.STANCE_LABELS if s in by_stance)
    return ProposalPoint(dossier.proposals[proposal], stances, tuple(several), tuple(uncertain))


def _when(latest: views.Latest) -> str:
    """The date of the one claim an actor's latest stance rests on, in words: beside the name in
    the key points, so that stances of different years are not read as one moment's split."""
    if len(latest.stances) != 1 or latest.stances[0][1] != 1:
        return ""
    said = latest.stances[0][0].claim.said
    return views.date_display(said) if said.interval is not None else "date unknown"


def _as_told(dossier: Dossier, actor: str, points) -> str:
    """The actor's name, with whose account it is when its latest stances are known only from
    another speaker's (`passages.told_by`): a key point must not read as the actor's own position."""
    name = dossier.actors[actor].name
    told = [passages.told_by(dossier, point) for point in points]
    if not told or not all(told):
        return name
    tellers = sorted({t for ts in told for t in ts})
    return f"{name} (as {' and '.join(tellers)} tells it)"


def _dated(claims: tuple[Claim, ...]) -> Dated:
    """What the dated claims' dates say about when they were made. A span would be false for an
    open end ("February 2022 or later" may be 2025) or an uncertain year, so only the dates that
    are certain and bounded on both sides give it; the rest are counted by what they leave open."""
    dated = [c.said.interval for c in claims if c.said.interval is not None]
    certain = [i for i in dated if not (i.uncertain or i.approximate)]
    open_end = [i for i in certain if i.upper == dt.date.max]
    open_start = [i for i in certain if i.lower == dt.date.min]
    bounded = [i for i in certain if dt.date.min < i.lower and i.upper < dt.date.max]
    return Dated(
        count=len(dated),
        bounded=len(bounded),
        first=min((i.lower for i in bounded), default=None),
        last=max((i.upper for i in bounded), default=None),
        open_end=len(open_end),
        open_start=len(open_start),
        uncertain=len(dated) - len(certain),
    )


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def source_label(source: Source) -> str:
    """A source as a reader names it: its outlet, or its headline when the outlet is unknown."""
    return source.outlet.name or f"“{' '.join(source.title.split())}”"
