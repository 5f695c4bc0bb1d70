"""Presentation: the words and groupings pages show. The vocabulary comes from the schema; what
each value is called on a page is decided here, in one place, and templates read it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..data.attribution import headline_span
from ..data.dates import MONTHS, Interval
from ..data.model import Actor, Claim, Dating, Dossier, Evidence, Position, Proposal, Source, Stance
from ..data.schema import vocabulary

STANCE_LABELS = {
    "supports": "supports",
    "conditional": "supports with conditions",
    "open": "open to",
    "skeptical": "skeptical of",
    "opposes": "opposes",
    "neutral": "neutral on",
}
KIND_LABELS = {
    "direct-quote": "Direct quote",
    "reported-speech": "Reported speech",
    "paraphrase": "Paraphrase",
    "framing": "The outlet's framing",
}
# Whose words a passage is, for the badge on each quote card.
VOICE_LABELS = {
    "direct-quote": "the speaker's own words",
    "reported-speech": "the outlet's report of what was said",
    "paraphrase": "the outlet's paraphrase",
    "framing": "the outlet's headline or framing",
}
PERSPECTIVE_LABELS = {
    "one-sides-terminology": "Uses one side's official terms",
    "evaluative-wording": "Uses evaluative wording of its own",
    "relays-other-outlets": "Relays other outlets",
    "unnamed-sources": "Relies on unnamed sources",
    "no-sources-cited": "Cites no sources",
    "headline-goes-beyond-body": "Its headline goes beyond its body",
}
QUOTES_LABELS = {
    "original": "quoted in the language they were spoken in",
    "translated": "translations",
    "mixed": "some translated, some not",
    "no-quotes": "the text quotes nobody",
    "unknown": "the text does not say whether they are translations",
}
LANGUAGES = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "de": "German", "fr": "French"}
# relation -> (words from the proposal that declares it, words from the other side)
RELATION_WORDS = {
    "variant-of": ("A variant of", "Has a variant:"),
    "part-of": ("Part of", "Includes"),
    "alternative-to": ("An alternative to", "An alternative to"),
    "conflicts-with": ("Conflicts with", "Conflicts with"),
    "precondition-for": ("A precondition for", "Has as a precondition:"),
    "related-to": ("Related to", "Related to"),
}
GRID_ACTORS, GRID_PROPOSALS = 60, 30  # the most a grid shows: larger ones cannot be read anyway
TIMELINE_PAGE_CLAIMS = 400  # a year with more claims is split by month
UNDATED = "Date unknown"
SPANNING = "Spanning years"  # the timeline band of dates that no single year holds
UNCERTAIN = "Date uncertain"  # the band of dates marked uncertain: no year page holds them
BANDS = (SPANNING, UNCERTAIN, UNDATED)  # after the years, in this order
SEASONS = {3: "spring", 6: "summer", 9: "autumn"}  # by first month, as the dates module reads EDTF seasons


def missing_labels() -> dict[str, set[str]]:
    """Schema values without words here, per word list (a test keeps this empty)."""
    lists: list[tuple[str, str, dict[str, Any]]] = [
        ("stance", "STANCE_LABELS", STANCE_LABELS),
        ("evidence-kind", "KIND_LABELS", KIND_LABELS),
        ("evidence-kind", "VOICE_LABELS", VOICE_LABELS),
        ("relation-kind", "RELATION_WORDS", RELATION_WORDS),
        ("perspective-label", "PERSPECTIVE_LABELS", PERSPECTIVE_LABELS),
        ("quotes-language", "QUOTES_LABELS", QUOTES_LABELS),
    ]
    missing = {name: set(vocabulary(vocab)) - set(words) for vocab, name, words in lists}
    return {name: values for name, values in missing.items() if values}


def date_display(dating: Dating) -> str:
    """The date in words, at its precision: `18 October 2024`, `14–17 March 2022`, `September 2022
    or later`, `by 3 November 2024`; `about` and `(uncertain)` as the EDTF marks say."""
    return "".join(text for text, _ in date_parts(dating))


DatePart = tuple[str, str | None]  # words, and the valid `<time datetime>` value they name (or None)


def date_parts(dating: Dating) -> tuple[DatePart, ...]:
    """`date_display` in pieces, each bound of an interval with its machine-readable value (a valid
    HTML date, month or year), so that a page marks each bound with `<time>` and the rest as text;
    a season or an unknown date has none."""
    i = dating.interval
    if i is None:
        return (("date unknown", None),)
    start, end = i.endpoints()
    parts: list[DatePart]
    if i.kind in ("open-end", "unknown-end"):
        parts = [_point(start), (" or later", None)] if start else [("date unknown", None)]
    elif i.kind in ("open-start", "unknown-start"):
        parts = [("by ", None), _point(end)] if end else [("date unknown", None)]
    elif i.kind == "interval" and start and end:
        parts = _range(start, end)
    else:
        parts = [_point(i)]
    if i.approximate:
        parts.insert(0, ("about ", None))
    if i.uncertain:
        parts.append((" (uncertain)", None))
    return tuple(parts)


def _point(i: Interval | None) -> DatePart:
    if i is None:
        return ("", None)
    day = i.lower
    if i.kind == "year":
        return str(day.year), f"{day.year:04d}"
    if i.kind == "season":
        return f"{SEASONS[day.month]} {day.year}", None
    if i.kind == "month":
        return f"{MONTHS[day.month - 1]} {day.year}", f"{day.year:04d}-{day.month:02d}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}", day.isoformat()


def _range(start: Interval, end: Interval) -> list[DatePart]:
    a, b = start.lower, end.upper
    if start.kind == end.kind == "day" and (a.year, a.month) == (b.year, b.month):
        return [(str(a.day), a.isoformat()), ("–", None), (f"{b.day} {MONTHS[a.month - 1]} {a.year}", b.isoformat())]
    return [_point(start), (" – ", None), _point(end)]


def related(d: Dossier, proposal: str) -> list[tuple[str, Proposal]]:
    """Relations from and to a proposal, in words."""
    return [(RELATION_WORDS[relation][0 if forward else 1], other) for relation, forward, other in d.related(proposal)]


def grid(d: Dossier) -> tuple[tuple[Actor, ...], tuple[Proposal, ...]]:
    """The grid's rows and columns: every actor and proposal; in a large dossier, the ones with the
    most claims (in their usual order), so that the page does not grow as actors times proposals
    (1,000 × 333 cells, 17 MB, at 10,000 claims)."""
    return (
        _most_cited(d.actors, d.claims_by_actor, GRID_ACTORS),
        _most_cited(d.proposals, d.claims_by_proposal, GRID_PROPOSALS),
    )


def timeline(d: Dossier) -> list[tuple[str, list[Claim]]]:
    """Claims grouped by year, in chronological order; then the claims whose dates span more than
    a year (open-ended ones too), which no year holds; undated ones last. A year with more claims
    than a page should hold is split by month (by each claim's first day: its dates lie within the
    year), and the other two groups into parts of that size, so that no timeline page grows
    without bound."""
    years: dict[str, list[Claim]] = {}
    for claim in d.chronology:
        years.setdefault(timeline_year(claim.said), []).append(claim)
    order = sorted(years, key=lambda k: (BANDS.index(k) if k in BANDS else -1, k))
    groups: list[tuple[str, list[Claim]]] = []
    for year in order:
        claims = years[year]
        if len(claims) <= TIMELINE_PAGE_CLAIMS:
            groups.append((year, claims))
            continue
        if year in BANDS:
            for n, start in enumerate(range(0, len(claims), TIMELINE_PAGE_CLAIMS), 1):
                groups.append((year if n == 1 else f"{year} {n}", claims[start : start + TIMELINE_PAGE_CLAIMS]))
            continue
        months: dict[str, list[Claim]] = {}
        for claim in claims:
            day = claim.said.interval.lower if claim.said.interval else dt.date.max
            months.setdefault(f"{year}-{day.month:02d}", []).append(claim)
        groups += months.items()
    return groups


def timeline_label(key: str) -> str:
    for band in BANDS:
        if key.startswith(band):
            part = key.removeprefix(band).strip()
            return f"{band} (part {part})" if part else key
    if "-" not in key:
        return key
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def first_words(text: str, count: int = 10) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _most_cited(items: dict, claims: dict, limit: int) -> tuple:
    if len(items) <= limit:
        return tuple(items.values())
    keep = set(sorted(items, key=lambda ident: (-len(claims.get(ident, ())), ident))[:limit])
    return tuple(item for ident, item in items.items() if ident in keep)


def timeline_year(dating: Dating) -> str:
    """The timeline group a claim is placed in: the year its date lies in, when it lies within
    one and is certain; a date marked uncertain ("8–17 March 2022 (uncertain)", "by 17 March
    2022 (uncertain)"), the band of uncertain dates, whatever its bounds; a certain date across
    years or with an open end, the band of dates spanning years; else undated. A claim dated
    "February 2022 or later" is not a claim from 2022, nor is one whose year the text does not
    give."""
    i = dating.interval
    if i is None:
        return UNDATED
    if i.uncertain:
        return UNCERTAIN
    return SPANNING if i.lower.year != i.upper.year else str(i.lower.year)


def language_name(tag: str) -> str:
    return LANGUAGES.get(tag.split("-")[0], tag)


def translation_badge(source: Source, ev: Evidence) -> str:
    """What a reader should know about the language of a quote, in a few words."""
    lang = language_name(ev.language)
    t = source.translation
    if ev.language != source.language or t is None or t.quotes in ("unknown", "mixed"):
        return f"{lang} text; not stated whether translated"
    if t.quotes == "translated":
        return f"{lang} translation, translator {t.translator or 'unknown'}"
    if t.quotes == "original":
        return f"{lang}, as spoken"
    return f"{lang} text"


_INSERTION = re.compile(r"\[[^\[\]\n]{1,80}\]")


def insertions(text: str) -> Markup:
    """Text on one line, escaped, with editorial insertions in square brackets (`[Russia]`) marked
    as the outlet's, not the speaker's."""
    flat = " ".join(str(text).split())
    out, last = [], 0
    for m in _INSERTION.finditer(flat):
        out += [escape(flat[last : m.start()]), Markup('<span class="dq-insertion" title="inserted by the outlet">')]
        out += [escape(m.group()), Markup("</span>")]
        last = m.end()
    out.append(escape(flat[last:]))
    return Markup("").join(out)


def step_label(step) -> str | None:
    """The words before a step of several claims (model.Step) that no arrow joins, other than
    "order uncertain" (which has its mark): one occasion; the claims no certain date places, as
    undated, uncertainly dated, or one undated occasion."""
    if step.kind == "occasion":
        return "one occasion:"
    if step.kind != "undated":
        return None
    claims = [point.claim for point in step.positions]
    occasions = {c.occasion for c in claims}
    one = len(claims) > 1 and len(occasions) == 1 and None not in occasions
    if any(c.said.interval is not None for c in claims):
        if all(c.said.interval is not None for c in claims):
            return "one occasion, date uncertain:" if one else "date uncertain:"
        return "date unknown or uncertain:"
    return "one occasion, date unknown:" if one else "date unknown:"


@dataclass(frozen=True)
class Latest:
    """What a reader is shown as an actor's latest stance on a proposal: the distinct stances (value
    and condition) that may be the latest (one, when the order is certain or every candidate
    agrees), each with the newest claim that takes it and how many candidates do; `bases` gives,
    for each, every basis its candidates rest on (quoted, reported, outlet's account, in that
    order), since one stance may rest on a quote in one claim and on a report in another."""

    stances: tuple[tuple[Position, int], ...]
    certain: bool = False  # the candidates are certainly the latest (one claim, or one occasion)
    bases: tuple[tuple[str, ...], ...] = ()

    @property
    def uncertain(self) -> bool:
        """Several stances may be the latest, and neither the dates nor the texts say which: "order
        uncertain"."""
        return len(self.stances) > 1 and not self.certain


def latest(d: Dossier, actor: str, proposal: str) -> Latest:
    current = d.current(actor, proposal)
    groups: dict[tuple[str, str | None], list[Position]] = {}
    for point in current.positions:
        groups.setdefault((point.stance.value, point.stance.condition), []).append(point)
    bases = tuple(tuple(b for b in BASIS_MARKS if any(p.stance.basis == b for p in ps)) for ps in groups.values())
    return Latest(tuple((points[-1], len(points)) for points in groups.values()), current.certain, bases)


def context_edges(passage) -> tuple[str, str]:
    """The words around a passage on one line, with a space next to the passage only where the
    source has one (`“<mark>finished for now</mark>”`, not `“ finished for now ”`)."""
    before, after = " ".join(passage.prefix.split()), " ".join(passage.suffix.split())
    if before and passage.prefix[-1:].isspace():
        before += " "
    if after and passage.suffix[:1].isspace():
        after = " " + after
    return before, after


# -- marks: what a stance rests on, and what is uncertain about it ------------------------------------
# (symbol, words) per basis; each view shows the symbol with its words for screen readers, and a
# legend says what it means. README and the methodology page describe the same marks.
BASIS_MARKS = {
    "quoted": ("“", "quoted: rests on the speaker's own words, in quotation marks"),
    "reported": ("≈", "reported: rests on the outlet's report of what was said, without a direct quote"),
    "outlets-account": ("◇", "outlet's account: rests only on the outlet's framing or paraphrase"),
}
BASIS_WORDS = {"quoted": "quoted", "reported": "reported speech", "outlets-account": "outlet's account"}
UNCERTAIN_MARK = ("?", "order uncertain: neither the dates nor the texts show which of these claims came last")
STANCE_SHORT = {
    "supports": "supports",
    "conditional": "conditional",
    "open": "open",
    "skeptical": "skeptical",
    "opposes": "opposes",
    "neutral": "neutral",
}


def basis(stance: Stance) -> str:
    """A stance's basis (`Stance.basis`: quoted, reported or outlets-account)."""
    return stance.basis


# -- the picture of time --------------------------------------------------------------------------------
PICTURE_WIDTH, LANE, BAR, MARGIN, AXIS = 800, 16, 12, 12, 34  # SVG user units, about CSS pixels


def svg_number(x: float) -> str:
    """A coordinate as the picture writes it: `34` for 34.0, `106.1`, `35.7143` for a third of a
    stripe (six significant digits: a hundred-thousandth of a pixel)."""
    return format(x, "g")


PICTURE_CLAIMS = TIMELINE_PAGE_CLAIMS  # more marks than a timeline page holds cannot be read: no picture


@dataclass(frozen=True)
class Mark:
    claim: Claim
    x: float
    width: float
    y: float
    stances: tuple[str, ...]  # stance values, one stripe each
    open_start: bool
    open_end: bool
    fuzzy: bool  # approximate or uncertain: drawn dashed


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    marks: tuple[Mark, ...]
    ticks: tuple[tuple[float, str], ...]  # (x, year)
    minor: tuple[tuple[float, str], ...]  # (x, month label or ""): months, in a picture of a few years
    undated: int  # claims the picture cannot place


def picture(claims) -> Picture | None:
    """One mark per dated claim spanning its interval, packed into lanes so that no two marks in a
    lane overlap; open ends run to the picture's edge. None when no claim is dated, or when more are
    than a picture can show (each timeline page then has its own)."""
    dated = []
    for claim in claims:  # each timeline page asks about the whole chronology: stop once too many
        if claim.said.interval is not None:
            dated.append(claim)
            if len(dated) > PICTURE_CLAIMS:
                return None
    if not dated:
        return None
    days = [b for c in dated for b in (c.said.interval.lower, c.said.interval.upper) if dt.date.min < b < dt.date.max]
    if not days:
        return None
    first = min(days).replace(month=1, day=1)
    last = max(days).replace(month=12, day=31)
    span = (last - first).days + 1
    inner = PICTURE_WIDTH - 2 * MARGIN

    def x_of(day: dt.date) -> float:
        day = min(max(day, first), last)
        return MARGIN + inner * (day - first).days / span

    lanes: list[float] = []
    marks = []
    for claim in sorted(dated, key=lambda c: (c.said.sort_key, c.id)):
        i = claim.said.interval
        x0 = x_of(i.lower)
        x1 = max(x_of(i.upper + dt.timedelta(days=1) if i.upper < last else last), x0 + 3)
        lane = next((n for n, end in enumerate(lanes) if end + 2 <= x0), len(lanes))
        lanes[lane : lane + 1] = [x1]
        stances = tuple(s.value for s in claim.stances)
        y = AXIS + lane * LANE
        marks.append(
            Mark(
                claim,
                round(x0, 1),
                round(x1 - x0, 1),
                y,
                stances,
                i.lower == dt.date.min,
                i.upper == dt.date.max,
                i.approximate or i.uncertain,
            )
        )
    years = range(first.year, last.year + 1)
    ticks = tuple((round(x_of(dt.date(year, 1, 1)), 1), str(year)) for year in years)
    minor: tuple[tuple[float, str], ...] = ()
    if len(years) <= 3:
        labelled = (4, 7, 10) if len(years) <= 2 else ()
        minor = tuple(
            (round(x_of(dt.date(year, month, 1)), 1), MONTHS[month - 1][:3] if month in labelled else "")
            for year in years
            for month in range(2, 13)
        )
    height = AXIS + len(lanes) * LANE + MARGIN
    return Picture(PICTURE_WIDTH, height, tuple(marks), ticks, minor, len(claims) - len(dated))


# -- source pages: whose words each highlighted passage is ------------------------------------------------
MARK_KINDS = {
    "direct-quote": "a direct quote: the speaker's own words",
    "reported-speech": "reported speech: the outlet's report of what was said",
    "paraphrase": "the outlet's paraphrase",
    "framing": "the outlet's framing (a headline is always the outlet's)",
}


# Whose words a passage is, the speaker's first: a passage several claims cite is marked with the
# strongest kind any of them records (`passage_kinds`).
SPEAKER_FIRST = ("direct-quote", "reported-speech", "paraphrase", "framing")


def passage_kinds(d: Dossier, source_id: str) -> dict[tuple[int, int], str]:
    """Each cited passage's kind, for its highlight: the strongest kind its claims record, so that a
    speaker's quoted words cited by another claim as an account of someone else are never marked
    as the outlet's (each claim's own kind is `citation_kind`); a passage on the source's headline
    is the outlet's framing, whatever its recorded kind."""
    source = d.sources[source_id]
    headline, _ = headline_span(source.text, source.title)
    out: dict[tuple[int, int], str] = {}
    for _, ev in d.citations_by_source.get(source_id, ()):
        span = ev.passage.span
        on_headline = headline is not None and span[0] < headline[1] and span[1] > headline[0]
        kind = "framing" if on_headline else ev.kind
        if span not in out or SPEAKER_FIRST.index(kind) < SPEAKER_FIRST.index(out[span]):
            out[span] = kind
    return out


def citation_kind(kinds: dict[tuple[int, int], str], ev) -> str:
    """The kind one claim records for a passage, as a list of the claims citing it shows it: its
    own, not the passage's highlight; a passage on the headline is the outlet's framing."""
    return "framing" if kinds[ev.passage.span] == "framing" else ev.kind


def segment_kind(kinds: dict[tuple[int, int], str], spans) -> str:
    """The kind a highlighted run is marked with: its passages' kind, the outlet's (framing, then
    paraphrase) when overlapping passages differ, since a run is the speaker's only if all agree."""
    found = {kinds[span] for span in spans}
    for kind in ("framing", "paraphrase", "reported-speech", "direct-quote"):
        if kind in found:
            return kind
    return "direct-quote"


def context_pieces(passage) -> tuple[tuple[str, bool], ...]:
    """The passage as (text, cited?) pieces on one line: its parts, and between them the words
    an ellipsis left out (the attribution), shown unmarked so the highlight covers only what the
    evidence cites."""
    exact, start = passage.exact, passage.start
    pieces: list[tuple[str, bool]] = []
    at = start
    for a, b in passage.parts:
        if a > at:
            pieces.append((exact[at - start : a - start], False))
        pieces.append((exact[a - start : b - start], True))
        at = b
    return tuple((_one_line_keeping_edges(text), cited) for text, cited in pieces)


def _one_line_keeping_edges(text: str) -> str:
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[:1].isspace() else "") + inner + (" " if text[-1:].isspace() else "")
