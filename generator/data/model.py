"""The dossier as frozen dataclasses, and the one place that knows their relations: claims by
actor, by proposal and by source; stance history and latest positions; passages per source."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .dates import Interval
from .order import NO_STATED, Item, Stated, candidates, changes, sequence, stated
from .quotes import Passage

Origin = tuple[str, int, int]  # the file, line and column where an item is defined
Span = tuple[int, int]  # a passage's start and end offsets in its source
_NEVER = (dt.date.max, dt.date.max)


@lru_cache(maxsize=4096)
def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a `YYYY[-MM[-DD]]` date can mean. Raises ValueError if impossible."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    day = dt.date(year, month, parts[2])
    return day, day


@dataclass(frozen=True)
class Ordering:
    """A text's statement that a claim was said before or after another (`said.before`/`after`)."""

    claim: str
    reason: str  # the words of the text that state it


@dataclass(frozen=True)
class Dating:
    date: str | None
    basis: str
    reason: str | None = None
    interval: Interval | None = None  # what `date` means, as EDTF; None when unknown
    before: tuple[Ordering, ...] = ()  # a claim's `said` only: claims the text says it precedes
    after: tuple[Ordering, ...] = ()  # ... and claims it says it follows

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        # Unknown dates sort last; an interval sorts by its earliest, then its latest day.
        return self.interval.sort_key if self.interval else _NEVER


@dataclass(frozen=True)
class Attribution:
    name: str | None
    basis: str
    reason: str | None = None


@dataclass(frozen=True)
class Perspective:
    label: str
    note: str


@dataclass(frozen=True)
class Translation:
    quotes: str  # original, translated, mixed, no-quotes or unknown
    spoken: tuple[str, ...] = ()
    translator: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Original:
    """The saved page or web archive a source's text was extracted from."""

    file: str  # relative to content/sources/
    sha256: str
    format: str  # html | warc
    extracted_by: str
    retrieved_url: str | None = None
    retrieved_at: str | None = None  # UTC, as the archive records it
    found: tuple[tuple[str, str], ...] = ()  # (field, where the page's markup states it)


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    sha256: str
    title: str
    outlet: Attribution
    published: Dating
    language: str
    text: str
    url: str | None = None
    notes: str | None = None
    perspective: tuple[Perspective, ...] = ()
    translation: Translation | None = None
    formerly: tuple[str, ...] = ()  # ids it had before it was renamed
    original: Original | None = None


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    notes: str | None = None
    formerly: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    proposal: str
    relation: str


@dataclass(frozen=True)
class Proposal:
    id: str
    title: str
    summary: str
    related: tuple[Relation, ...] = ()
    notes: str | None = None
    formerly: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    number: int  # 1-based position in its claim
    source: str
    text: str
    kind: str
    language: str
    passage: Passage
    id: str | None = None
    via: tuple[str, ...] = ()
    translation_of: str | None = None
    notes: str | None = None
    via_reason: str | None = None  # why the relay chain is inferred, where the text implies it without stating it
    basis: str = "outlets-account"  # the basis it gives a stance (assemble.evidence_basis)
    on_headline: bool = False  # it stands on its source's headline: the outlet's, never a stance's ground


@dataclass(frozen=True)
class Stance:
    """A claim's stance on one proposal, and whose words it rests on (derived, never typed)."""

    proposal: str
    value: str
    rests_on: tuple[int, ...]  # the evidence numbers it rests on
    basis: str  # quoted, reported or outlets-account (schema: stance-basis), from the evidence kinds
    condition: str | None = None


@dataclass(frozen=True)
class Correction:
    date: str
    change: str
    reason: str


@dataclass(frozen=True)
class Claim:
    id: str
    actor: str
    stances: tuple[Stance, ...]
    said: Dating
    summary: str
    evidence: tuple[Evidence, ...]
    added: str | None = None
    see_also: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str | None = None
    corrections: tuple[Correction, ...] = ()
    origin: str = "claims.yaml"  # the file that holds it
    formerly: tuple[str, ...] = ()
    occasion: str | None = None  # claims of one occasion are simultaneous

    def translation_partner(self, ev: Evidence) -> Evidence | None:
        """The other side of a translation pair (`translation_of` names it, either way round)."""
        for other in self.evidence:
            if other is ev:
                continue
            if (ev.translation_of and other.id == ev.translation_of) or (ev.id and other.translation_of == ev.id):
                return other
        return None

    def stance_on(self, proposal: str) -> Stance | None:
        return next((s for s in self.stances if s.proposal == proposal), None)


@dataclass(frozen=True)
class Segment:
    """A run of a source's text, and the passages that cover it (none: plain text)."""

    start: int
    end: int
    spans: tuple[Span, ...] = ()  # the passages covering this run
    opens: tuple[Span, ...] = ()  # passages that start here
    closes: tuple[Span, ...] = ()  # passages that end here


@dataclass(frozen=True)
class CitedPassage:
    """A highlighted passage of a source and every claim that cites it."""

    number: int
    line: int
    exact: str
    citations: tuple  # (Claim, Evidence) pairs


@dataclass(frozen=True)
class Position:
    """One point of an actor's stance history on a proposal."""

    claim: Claim
    stance: Stance
    shift_from: str | None = None  # the earlier, different stance it certainly follows


@dataclass(frozen=True)
class Step:
    """Positions a view shows together, in the certain order of `order.sequence`: one claim, the
    claims of one occasion, claims whose order is uncertain (`kind` "uncertain") or the undated
    ones. `changed_from` is the stance the step certainly changed from, when one is."""

    positions: tuple[Position, ...]
    kind: str
    changed_from: str | None = None


@dataclass(frozen=True)
class Current:
    """An actor's latest position on a proposal: one, when it is certainly after every other claim
    (`order.py`: by the dates or by an order a text states); otherwise every position that may be
    the latest (`certain` False)."""

    positions: tuple[Position, ...]
    certain: bool


@dataclass(frozen=True)
class Dossier:
    sources: dict[str, Source]
    actors: dict[str, Actor]
    proposals: dict[str, Proposal]
    claims: dict[str, Claim]
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (kind, id) -> where defined
    published: str | None = None  # the day the dossier was first published; None: never

    @cached_property
    def chronology(self) -> tuple[Claim, ...]:
        """All claims, oldest first (by their intervals); undated last; ties by id."""
        return tuple(sorted(self.claims.values(), key=lambda c: (c.said.sort_key, c.id)))

    @cached_property
    def claims_by_actor(self) -> dict[str, tuple[Claim, ...]]:
        return _group(self.chronology, lambda c: [c.actor])

    @cached_property
    def claims_by_proposal(self) -> dict[str, tuple[Claim, ...]]:
        return _group(self.chronology, lambda c: [s.proposal for s in c.stances])

    @cached_property
    def citations_by_source(self) -> dict[str, tuple[tuple[Claim, Evidence], ...]]:
        out: dict[str, list] = defaultdict(list)
        for claim in self.chronology:
            for ev in claim.evidence:
                out[ev.source].append((claim, ev))
        return {k: tuple(sorted(v, key=lambda ce: (ce[1].passage.start, ce[0].id))) for k, v in out.items()}

    @cached_property
    def order(self) -> Stated:
        """The orders the texts state (`said.before`/`after`), for `order.py` to combine with the
        dates; validation has refused any that close a cycle."""
        found = self._orderings.items()
        pairs = [(cid, other.id) for cid, told in found for word, other, _ in told if word == "before"]
        return stated([when(c) for c in self.claims.values()], pairs) if pairs else NO_STATED

    def orderings(self, claim: Claim) -> tuple[tuple[str, Claim, str], ...]:
        """What the texts state about a claim's order, from either side: ("before" or "after", the
        other claim, the words that state it), in the order written."""
        return self._orderings.get(claim.id, ())

    @cached_property
    def _orderings(self) -> dict[str, tuple[tuple[str, Claim, str], ...]]:
        out: dict[str, list[tuple[str, Claim, str]]] = defaultdict(list)
        for claim in self.claims.values():
            for word, inverse, told in (("before", "after", claim.said.before), ("after", "before", claim.said.after)):
                for o in told:
                    out[claim.id].append((word, self.claims[o.claim], o.reason))
                    out[o.claim].append((inverse, claim, o.reason))
        return {cid: tuple(told) for cid, told in out.items()}

    @cached_property
    def history(self) -> dict[tuple[str, str], tuple[Position, ...]]:
        """Stance over time per (actor, proposal), in the order of `steps`. A shift is flagged only
        where `order.changes` finds one: between neighbouring groups in certain order."""
        return {key: tuple(p for step in steps for p in step.positions) for key, steps in self.steps.items()}

    @cached_property
    def steps(self) -> dict[tuple[str, str], tuple[Step, ...]]:
        """Per (actor, proposal), the positions as groups in certain order (`order.sequence`)."""
        groups: dict[tuple[str, str], list[tuple[Claim, Stance]]] = defaultdict(list)
        for claim in self.chronology:
            for stance in claim.stances:
                groups[(claim.actor, stance.proposal)].append((claim, stance))
        out = {}
        for key, pairs in groups.items():
            by_id = {claim.id: (claim, stance) for claim, stance in pairs}
            follows = changes([(*when(c), s.value) for c, s in pairs], self.order)
            steps = []
            for group in sequence([when(c) for c, _ in pairs], self.order):
                chrono = sorted(group.ids, key=lambda cid: (by_id[cid][0].said.sort_key, cid))
                points = tuple(Position(*by_id[cid], follows.get(cid)) for cid in chrono)
                steps.append(Step(points, group.kind, follows.get(chrono[0])))
            out[key] = tuple(steps)
        return out

    @cached_property
    def actors_by_name(self) -> dict[str, str]:
        """Every actor's name and aliases, case folded, to its id (the first actor, where two share one)."""
        out: dict[str, str] = {}
        for actor in self.actors.values():
            for name in (actor.name, *actor.aliases):
                out.setdefault(name.casefold(), actor.id)
        return out

    def current(self, actor: str, proposal: str) -> Current:
        points = self.history.get((actor, proposal), ())
        ids, certain = candidates([when(p.claim) for p in points], self.order)
        by_id = {p.claim.id: p for p in points}
        ordered = sorted(ids, key=lambda cid: (by_id[cid].claim.said.sort_key, cid))
        return Current(tuple(by_id[i] for i in ordered), certain)

    def segments(self, source_id: str) -> tuple[Segment, ...]:
        """The source's text cut at every passage boundary, for highlighting overlaps correctly."""
        text = self.sources[source_id].text
        spans = {ev.passage.span for _, ev in self.citations_by_source.get(source_id, ())}
        cuts = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
        # One sweep over the cuts (was every span for every cut: quadratic in a source's passages).
        starting: dict[int, list[Span]] = {}
        ending: dict[int, list[Span]] = {}
        for span in sorted(spans):
            starting.setdefault(span[0], []).append(span)
            ending.setdefault(span[1], []).append(span)
        active: set[Span] = set()
        out = []
        for a, b in itertools.pairwise(cuts):
            active.difference_update(ending.get(a, ()))
            active.update(starting.get(a, ()))
            covering = tuple(sorted(active))
            opens = tuple(starting.get(a, ()))
            closes = tuple(span for span in covering if span[1] == b)
            out.append(Segment(a, b, covering, opens, closes))
        return tuple(out)

    def passages(self, source_id: str) -> dict[Span, CitedPassage]:
        """Cited passages of a source in text order, numbered from 1."""
        grouped: dict[Span, list] = {}
        for claim, ev in self.citations_by_source.get(source_id, ()):
            grouped.setdefault(ev.passage.span, []).append((claim, ev))
        return {
            span: CitedPassage(n, pairs[0][1].passage.line, pairs[0][1].passage.exact, tuple(pairs))
            for n, (span, pairs) in enumerate(grouped.items(), start=1)
        }

    def position(self, claim: Claim, proposal: str) -> Position | None:
        return self._positions.get((claim.id, proposal))

    @cached_property
    def _positions(self) -> dict[tuple[str, str], Position]:
        # Every card asks for its claim's position: index them once, not a scan per card.
        return {(p.claim.id, proposal): p for (_, proposal), points in self.history.items() for p in points}

    def has_shift(self, actor: str, proposal: str) -> bool:
        """Whether the dates show, or a text reports, a change of the actor's stance on it."""
        return any(p.shift_from for p in self.history.get((actor, proposal), ())) or bool(
            self.stated_changes.get((actor, proposal))
        )

    @cached_property
    def stated_changes(self) -> dict[tuple[str, str], tuple[tuple[Claim, Claim, Stance, Stance], ...]]:
        """The changes a text reports, per (actor, proposal): two claims of one actor that a text
        orders (`said.before`/`after`) and that take different stances on it, as (earlier, later,
        its stance, its stance), whether or not their dates place them among the actor's others."""
        out: dict[tuple[str, str], list[tuple[Claim, Claim, Stance, Stance]]] = defaultdict(list)
        pairs = [(c, self.claims[o.claim]) for c in self.claims.values() for o in c.said.before]
        pairs += [(self.claims[o.claim], c) for c in self.claims.values() for o in c.said.after]
        for earlier, later in pairs:
            if earlier.actor != later.actor:
                continue
            before = {s.proposal: s for s in earlier.stances}
            for after in later.stances:
                was = before.get(after.proposal)
                if was is not None and was.value != after.value:
                    out[(earlier.actor, after.proposal)].append((earlier, later, was, after))
        return {key: tuple(found) for key, found in out.items()}

    def stated_earlier(self, claim: Claim, proposal: str) -> tuple[Claim, ...]:
        """The claims a text places before `claim` with another stance on `proposal`."""
        return tuple(e for e, later, _, _ in self.stated_changes.get((claim.actor, proposal), ()) if later is claim)

    def stated_later(self, claim: Claim, proposal: str) -> tuple[Claim, ...]:
        """The claims a text places after `claim` with another stance on `proposal`."""
        return tuple(later for e, later, _, _ in self.stated_changes.get((claim.actor, proposal), ()) if e is claim)

    def proposals_of(self, actor: str) -> list[str]:
        return [p for p in self.proposals if (actor, p) in self._pairs]

    def actors_on(self, proposal: str) -> list[str]:
        return [a for a in self.actors if (a, proposal) in self._pairs]

    @cached_property
    def _pairs(self) -> frozenset[tuple[str, str]]:
        """The (actor, proposal) pairs some claim takes a stance on: the keys of `history`, without
        ordering every actor's claims (the site plan asks before it renders anything)."""
        return frozenset((c.actor, s.proposal) for c in self.claims.values() for s in c.stances)

    def recently_added(self, count: int) -> list[Claim]:
        """The claims added last (by their `added` date, newest first; ties by id). Not "the latest
        said": open-ended and overlapping dates rarely say which claim that is. Only those added
        after the first publication: before it, the order of `added` is editing history."""
        if self.published is None:
            return []
        added = [c for c in self.claims.values() if c.added and c.added > self.published]
        return sorted(added, key=lambda c: (c.added or "", c.id), reverse=True)[:count]

    @cached_property
    def corrections(self) -> tuple[tuple[Claim, Correction], ...]:
        """Every correction, newest first."""
        pairs = [(c, fix) for c in self.claims.values() for fix in c.corrections]
        return tuple(sorted(pairs, key=lambda cf: (cf[1].date, cf[0].id), reverse=True))

    def related(self, proposal: str) -> list[tuple[str, bool, Proposal]]:
        """Relations from and to a proposal: (relation, declared by this proposal?, the other
        proposal), each other proposal once."""
        out: dict[str, tuple[str, bool]] = {}
        for rel in self.proposals[proposal].related:
            out.setdefault(rel.proposal, (rel.relation, True))
        for other in self.proposals.values():
            for rel in other.related:
                if rel.proposal == proposal:
                    out.setdefault(other.id, (rel.relation, False))
        return [(relation, forward, self.proposals[pid]) for pid, (relation, forward) in out.items()]


def when(claim: Claim) -> Item:
    """A claim as the order module sees it."""
    return (claim.id, claim.said.interval, claim.occasion)


def _group(claims, keys) -> dict[str, tuple[Claim, ...]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        for key in keys(claim):
            out[key].append(claim)
    return {k: tuple(v) for k, v in out.items()}
