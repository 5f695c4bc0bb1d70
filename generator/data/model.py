"""The dossier as frozen dataclasses, and the one place that knows their relations."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .quotes import Passage

PRECISION = {4: "year", 7: "month", 10: "day"}
Origin = tuple[str, int, int]
Span = tuple[
    int, int
]  # a passage's start and end offsets in its source  # the file, line and column where an item is defined


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
class Dating:
    date: str | None
    basis: str
    reason: str | None = None

    @property
    def precision(self) -> str | None:
        return PRECISION.get(len(self.date)) if self.date else None

    @property
    def sort_key(self) -> str:
        # Unknown dates sort last; a month sorts before the days within it.
        return self.date or "9999"


@dataclass(frozen=True)
class Attribution:
    name: str | None
    basis: str
    reason: str | None = None


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


@dataclass(frozen=True)
class Claim:
    id: str
    actor: str
    stances: tuple[tuple[str, str], ...]
    said: Dating
    summary: str
    evidence: tuple[Evidence, ...]
    added: str | None = None
    see_also: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str | None = None

    def translation_partner(self, ev: Evidence) -> Evidence | None:
        """The other side of a translation pair (`translation_of` names it, either way round)."""
        for other in self.evidence:
            if other is ev:
                continue
            if (ev.translation_of and other.id == ev.translation_of) or (ev.id and other.translation_of == ev.id):
                return other
        return None


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
    stance: str
    shift_from: str | None = None  # the previous, different stance, if this one changed it


@dataclass(frozen=True)
class Dossier:
    sources: dict[str, Source]
    actors: dict[str, Actor]
    proposals: dict[str, Proposal]
    claims: dict[str, Claim]
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (kind, id) -> where defined

    @cached_property
    def chronology(self) -> tuple[Claim, ...]:
        """All claims, oldest first; undated last; ties by id for a stable order."""
        return tuple(sorted(self.claims.values(), key=lambda c: (c.said.sort_key, c.id)))

    @cached_property
    def claims_by_actor(self) -> dict[str, tuple[Claim, ...]]:
        return _group(self.chronology, lambda c: [c.actor])

    @cached_property
    def claims_by_proposal(self) -> dict[str, tuple[Claim, ...]]:
        return _group(self.chronology, lambda c: [p for p, _ in c.stances])

    @cached_property
    def citations_by_source(self) -> dict[str, tuple[tuple[Claim, Evidence], ...]]:
        out: dict[str, list] = defaultdict(list)
        for claim in self.chronology:
            for ev in claim.evidence:
                out[ev.source].append((claim, ev))
        return {k: tuple(sorted(v, key=lambda ce: (ce[1].passage.start, ce[0].id))) for k, v in out.items()}

    @cached_property
    def history(self) -> dict[tuple[str, str], tuple[Position, ...]]:
        """Stance over time per (actor, proposal). A shift is flagged only where the data shows
        it: a different stance in a claim dated wholly after the previous dated one (two claims
        of the same day, or one undated, say nothing about which came first)."""
        out: dict[tuple[str, str], list[Position]] = defaultdict(list)
        for claim in self.chronology:
            for proposal, stance in claim.stances:
                points = out[(claim.actor, proposal)]
                before = next((p for p in reversed(points) if p.claim.said.date), None)
                later = (
                    before is not None
                    and claim.said.date is not None
                    and date_range(before.claim.said.date)[1] < date_range(claim.said.date)[0]
                )
                shift = before.stance if before is not None and later and before.stance != stance else None
                points.append(Position(claim, stance, shift))
        return {k: tuple(v) for k, v in out.items()}

    def current(self, actor: str, proposal: str) -> tuple[Position, ...]:
        """The latest dated position; with no dated claim, one position per distinct stance
        (undated claims have no order, so none of them can be called the latest)."""
        points = self.history.get((actor, proposal), ())
        dated = [p for p in points if p.claim.said.date]
        if dated:
            return (dated[-1],)
        distinct: dict[str, Position] = {}
        for point in points:
            distinct.setdefault(point.stance, point)
        return tuple(distinct.values())

    def segments(self, source_id: str) -> tuple[Segment, ...]:
        """The source's text cut at every passage boundary, for highlighting overlaps correctly."""
        text = self.sources[source_id].text
        spans = {
            (ev.passage.start, ev.passage.end, (ev.passage.start, ev.passage.end))
            for _, ev in self.citations_by_source.get(source_id, ())
        }
        cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
        out = []
        for a, b in itertools.pairwise(cuts):
            covering = tuple(sorted(span for s, e, span in spans if s <= a and b <= e))
            opens = tuple(sorted(span for s, _, span in spans if s == a))
            closes = tuple(sorted(span for _, e, span in spans if e == b))
            out.append(Segment(a, b, covering, opens, closes))
        return tuple(out)

    def passages(self, source_id: str) -> dict[Span, CitedPassage]:
        """Cited passages of a source in text order, numbered from 1."""
        grouped: dict[Span, list] = {}
        for claim, ev in self.citations_by_source.get(source_id, ()):
            grouped.setdefault((ev.passage.start, ev.passage.end), []).append((claim, ev))
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
        return any(p.shift_from for p in self.history.get((actor, proposal), ()))

    def proposals_of(self, actor: str) -> list[str]:
        return [p for p in self.proposals if (actor, p) in self.history]

    def actors_on(self, proposal: str) -> list[str]:
        return [a for a in self.actors if (a, proposal) in self.history]

    def latest_claims(self, count: int) -> list[Claim]:
        dated = [c for c in reversed(self.chronology) if c.said.date]
        return dated[:count]

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


def _group(claims, keys) -> dict[str, tuple[Claim, ...]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        for key in keys(claim):
            out[key].append(claim)
    return {k: tuple(v) for k, v in out.items()}


def assemble(
    items: dict[str, list[dict]], texts: dict, passages: dict, origins: dict[tuple[str, str], Origin] | None = None
) -> Dossier:
    """Build the model from validated data. `items` maps each top-level key to its list."""
    sources = {d["id"]: _source(d, texts[d["id"]].text) for d in items.get("sources", [])}
    actors = {d["id"]: _actor(d) for d in items.get("actors", [])}
    proposals = {d["id"]: _proposal(d) for d in items.get("proposals", [])}
    claims = {}
    for index, d in enumerate(items.get("claims", [])):
        evidence = tuple(
            Evidence(
                number=e + 1,
                source=ev["source"],
                text=ev["text"],
                kind=ev["kind"],
                language=ev.get("language") or sources[ev["source"]].language,
                passage=passages[(index, e)],
                id=ev.get("id"),
                via=tuple(ev.get("via", ())),
                translation_of=ev.get("translation_of"),
                notes=ev.get("notes"),
            )
            for e, ev in enumerate(d["evidence"])
        )
        claims[d["id"]] = Claim(
            id=d["id"],
            actor=d["actor"],
            stances=tuple(d["stances"].items()),
            said=_dating(d["said"]),
            summary=d["summary"],
            evidence=evidence,
            added=d.get("added"),
            see_also=tuple(d.get("see_also", ())),
            tags=tuple(d.get("tags", ())),
            notes=d.get("notes"),
        )
    return Dossier(sources, actors, proposals, claims, origins or {})


def _dating(d: dict) -> Dating:
    return Dating(d.get("date"), d["basis"], d.get("reason"))


def _source(d: dict, text: str) -> Source:
    outlet = Attribution(d["outlet"].get("name"), d["outlet"]["basis"], d["outlet"].get("reason"))
    return Source(
        d["id"],
        d["file"],
        d["sha256"],
        d["title"],
        outlet,
        _dating(d["published"]),
        d["language"],
        text,
        d.get("url"),
        d.get("notes"),
    )


def _actor(d: dict) -> Actor:
    roles = tuple(
        Role(r["title"], r.get("from"), r.get("until"), tuple(r.get("sources", ()))) for r in d.get("roles", ())
    )
    return Actor(
        d["id"], d["name"], d["kind"], tuple(d.get("aliases", ())), roles, d.get("affiliation"), d.get("notes")
    )


def _proposal(d: dict) -> Proposal:
    related = tuple(Relation(r["proposal"], r["relation"]) for r in d.get("related", ()))
    return Proposal(d["id"], d["title"], d["summary"], related, d.get("notes"))
