"""A quote's proof: where an evidence text stands in its source, and what the checks on that
passage alone found (whether it stands on the source's headline, a direct quote's quotation
marks). All of it follows from the source's text and record and the evidence item, which is what
its key in the check's cache (data/cache.py) is made of: a cached proof answers these checks too,
so a check whose proofs are all cached neither normalizes a text nor scans it for quotation marks.

The validator and the check's second process (data/prepare.py) both prove through this module:
the same evidence item gives the same arguments, hence the same value under the same key.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any

import orjson

from . import attribution, quotes
from .cache import digest
from .quotes import Miss, Passage, SourceText

Span = tuple[int, int]
# Made once: json.dumps with these options builds an encoder per call, five times the cost.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Proof:
    passage: Passage
    headline: int | None = None  # the line of the source's headline, when the passage touches it
    marks: str | None = None  # a direct quote's problem with the quotation marks around it


def canonical(value: Any) -> bytes:
    """JSON with sorted keys: the same data gives the same bytes, whatever order it was written in,
    and two values never the same. By orjson (a fifth of json's time: a check makes one for every
    quote, twice on a first check), except where it would write a NaN or an infinity as null (in
    a text holding null, json's, which writes NaN) or refuses (a lone surrogate, a whole number
    past 64 bits): a text orjson made holds no null, so it is never the text of another value."""
    try:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        text = None
    if text is None or b"null" in text:
        return _CANONICAL.encode(value).encode("utf-8", "surrogatepass")
    return text


def record_key(record: dict) -> str:
    """The part of a proof's key that its source gives: the source's whole record (its sha256 pins
    the text, its title places the headline) and the checker's code (`cache.digest`)."""
    return digest("proof", canonical(record))


def key(source_key: str, ev: dict) -> str:
    """The cache key of `ev`'s proof: its source's `record_key` (64 hex digits: nothing it is
    followed by can shift what it covers) and the whole evidence item (its text, occurrence,
    prefix, kind, and any field a later matcher reads)."""
    return hashlib.sha256(source_key.encode("ascii") + canonical(ev)).hexdigest()


def provable(ev: dict) -> bool:
    """Whether the evidence item has what a search needs (else the schema reports it)."""
    text, occurrence = ev.get("text"), ev.get("occurrence")
    return isinstance(text, str) and bool(text) and (occurrence is None or _whole(occurrence) is not None)


def headline(record: dict, text: str) -> tuple[Span | None, bool]:
    """Where the source's headline stands, and whether its recorded title found it."""
    return attribution.headline_span(text, _title(record))


def text_key(record: dict) -> str:
    """The cache's key of what a check finds of a source's stored text (`text_check`): all it
    reads, the text (by the sha256 its bytes were found to have) and the title."""
    return digest("text", record["sha256"], _title(record))


def text_check(value: Any) -> tuple[Span | None, bool] | None:
    """A stored `text_key` entry (the text decoded without fault; its `headline`), or None when
    it is not one."""
    if not (isinstance(value, list) and len(value) == 2 and type(value[1]) is bool):
        return None
    span = value[0]
    if span is None:
        return None, value[1]
    if isinstance(span, list) and len(span) == 2 and all(type(x) is int and x >= 0 for x in span):
        return (span[0], span[1]), value[1]
    return None


def _title(record: dict) -> str:
    title = record.get("title")
    return title if isinstance(title, str) else ""


def prove(source: SourceText, headline: Span | None, ev: dict) -> Proof | Miss:
    """Find a `provable` item's text in `source` (whose headline stands at `headline`) and check
    the passage."""
    prefix = ev.get("prefix")
    found = quotes.find(
        source,
        ev["text"],
        occurrence=_whole(ev.get("occurrence")),
        prefix=prefix if isinstance(prefix, str) else None,
    )
    if isinstance(found, Miss):
        return found
    on_headline = headline is not None and any(a < headline[1] and b > headline[0] for a, b in found.parts)
    line = source.line_of(headline[0]) if on_headline and headline else None
    marks = None
    if ev.get("kind") == "direct-quote":
        marks = attribution.direct_quote_problem(
            source.text, found, source.regions_near(found.start, found.end), headline
        )
    return Proof(found, line, marks)


def to_value(proof: Proof) -> list:
    """The proof as plain JSON data."""
    p = proof.passage
    parts = [list(x) for x in p.parts]
    return [p.start, p.end, p.line, p.exact, p.prefix, p.suffix, parts, proof.headline, proof.marks]


def from_value(value: Any) -> Proof | None:
    """A proof as the cache holds it, or None when it is not one (an entry of another shape)."""
    try:
        start, end, line, exact, prefix, suffix, parts, headline, marks = value
    except (TypeError, ValueError):
        return None
    passage = passage_of(start, end, line, exact, prefix, suffix, parts)
    if passage is None or not ((headline is None or type(headline) is int) and (marks is None or type(marks) is str)):
        return None
    return Proof(passage, headline, marks)


def passage_of(start: Any, end: Any, line: Any, exact: Any, prefix: Any, suffix: Any, parts: Any) -> Passage | None:
    """A passage from the plain values the cache holds (a proof's, a verdict's), or None when they
    are not those of one: offsets and lines whole and not negative, texts. Spelled out rather than
    looped over: a warm check reads one per quote."""
    try:
        spans = tuple([(a, b) for a, b in parts])
    except (TypeError, ValueError):
        return None
    if not (
        type(start) is int
        and type(end) is int
        and type(line) is int
        and type(exact) is str
        and type(prefix) is str
        and type(suffix) is str
        and start >= 0
        and end >= 0
        and line >= 0
        and all(type(a) is int and type(b) is int and a >= 0 and b >= 0 for a, b in spans)
    ):
        return None
    return Passage(start, end, line, exact, prefix, suffix, spans)


def _whole(value: Any) -> int | None:
    """A positive whole number as JSON Schema counts them (1 and 1.0), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):  # however large: math.isfinite cannot take one past a float's range
        return value if value >= 1 else None
    if not math.isfinite(value):
        return None
    return int(value) if value >= 1 and value == int(value) else None
