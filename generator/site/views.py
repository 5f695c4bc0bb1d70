"""Presentation: the words and groupings pages show. The vocabulary comes from the schema; what
each value is called on a page is decided here, in one place, and templates read it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..data.dates import MONTHS, Interval
from ..data.model import Actor, Claim, Dating, Dossier, Evidence, Position, Proposal, Source
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
    i = dating.interval
    if i is None:
        return "date unknown"
    start, end = i.endpoints()
    if i.kind in ("open-end", "unknown-end"):
        words = f"{_point(start)} or later" if start else "date unknown"
    elif i.kind in ("open-start", "unknown-start"):
        words = f"by {_point(end)}" if end else "date unknown"
    elif i.kind == "interval" and start and end:
        words = _range(start, end)
    else:
        words = _point(i)
    if i.approximate:
        words = f"about {words}"
    return f"{words} (uncertain)" if i.uncertain else words


def _point(i: Interval | None) -> str:
    if i is None:
        return ""
    day = i.lower
    if i.kind == "year":
        return str(day.year)
    if i.kind == "season":
        return f"{SEASONS[day.month]} {day.year}"
    if i.kind == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _range(start: Interval, end: Interval) -> str:
    a, b = start.lower, end.upper
    if start.kind == end.kind == "day" and (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {MONTHS[a.month - 1]} {a.year}"
    return f"{_point(start)} – {_point(end)}"


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
    """Claims grouped by year, oldest first; undated ones last; a year with more claims than a
    page should hold is split by month, and undated claims into parts of that size, so that no
    timeline page grows without bound."""
    years: dict[str, list[Claim]] = {}
    for claim in d.chronology:
        years.setdefault(timeline_year(claim.said), []).append(claim)
    groups: list[tuple[str, list[Claim]]] = []
    for year, claims in years.items():
        if len(claims) <= TIMELINE_PAGE_CLAIMS:
            groups.append((year, claims))
            continue
        if year == UNDATED:
            for n, start in enumerate(range(0, len(claims), TIMELINE_PAGE_CLAIMS), 1):
                groups.append((UNDATED if n == 1 else f"{UNDATED} {n}", claims[start : start + TIMELINE_PAGE_CLAIMS]))
            continue
        months: dict[str, list[Claim]] = {}
        for claim in claims:
            i = claim.said.interval
            day = i.lower if i and i.lower.year == int(year) else (i.upper if i else dt.date.max)
            months.setdefault(f"{year}-{day.month:02d}", []).append(claim)
        groups += months.items()
    return groups


def timeline_label(key: str) -> str:
    if key.startswith(UNDATED):
        part = key.removeprefix(UNDATED).strip()
        return f"{UNDATED} (part {part})" if part else key
    if "-" not in key:
        return key
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def first_words(text: str, count: int = 12) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _most_cited(items: dict, claims: dict, limit: int) -> tuple:
    if len(items) <= limit:
        return tuple(items.values())
    keep = set(sorted(items, key=lambda ident: (-len(claims.get(ident, ())), ident))[:limit])
    return tuple(item for ident, item in items.items() if ident in keep)


def timeline_year(dating: Dating) -> str:
    """The year a claim is placed under: its earliest year, else its latest (an interval open at
    the start), else undated."""
    i = dating.interval
    if i is None:
        return UNDATED
    if i.lower != dt.date.min:
        return str(i.lower.year)
    return str(i.upper.year) if i.upper != dt.date.max else UNDATED


def language_name(tag: str) -> str:
    return LANGUAGES.get(tag.split("-")[0], tag)


def translation_badge(source: Source, ev: Evidence) -> str:
    """What a reader should know about the language of a quote, in a few words."""
    lang = language_name(ev.language)
    t = source.translation
    if ev.language != source.language or t is None or t.quotes in ("unknown", "mixed"):
        return f"{lang} text; whether it is a translation is not stated"
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


@dataclass(frozen=True)
class Latest:
    """What a reader is shown as an actor's latest stance on a proposal: the distinct stances that
    may be the latest (one, when the dates order the claims or every candidate agrees), each with
    the newest claim that takes it and how many candidates do."""

    stances: tuple[tuple[Position, int], ...]

    @property
    def uncertain(self) -> bool:
        return len(self.stances) > 1


def latest(d: Dossier, actor: str, proposal: str) -> Latest:
    current = d.current(actor, proposal)
    groups: dict[tuple[str, str], list[Position]] = {}
    for point in current.positions:
        groups.setdefault((point.stance.value, point.stance.basis), []).append(point)
    return Latest(tuple((points[-1], len(points)) for points in groups.values()))


def context_edges(passage) -> tuple[str, str]:
    """The words around a passage on one line, with a space next to the passage only where the
    source has one (`“<mark>finished for now</mark>”`, not `“ finished for now ”`)."""
    before, after = " ".join(passage.prefix.split()), " ".join(passage.suffix.split())
    if before and passage.prefix[-1:].isspace():
        before += " "
    if after and passage.suffix[:1].isspace():
        after = " " + after
    return before, after


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
