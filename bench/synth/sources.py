"""The stored texts of the synthetic dossier, 2-10 KB each, and their sources.yaml entries.

A text is a headline and paragraphs in English, Ukrainian or Russian: quoted speech by the source's
speakers (each quoted at least once), reported speech, stock sentences that repeat (so some evidence
needs `occurrence` or `prefix`), curly quotes, apostrophes, dashes, ellipses and no-break spaces;
a few are wrapped at 72 columns, decomposed (NFD), with CRLF line ends or a byte-order mark.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

from . import proof
from .dump import Date
from .text import Prose, Speaker, cap, clip, slug
from .words import (
    ADJECTIVES,
    CITIES,
    HEADLINE_VERBS,
    NOUNS,
    OUTLETS,
    RU_SAID,
    RU_WORDS,
    SAID,
    STOCK,
    UK_SAID,
    UK_WORDS,
    WEEKDAYS,
)

CYRILLIC = {"uk": (UK_WORDS, UK_SAID), "ru": (RU_WORDS, RU_SAID)}  # words, verbs of saying
EARLIEST = dt.date(2015, 1, 1)  # the earliest publication date


@dataclass
class Source:
    """A source as the claims need it: its sources.yaml entry (a plain dict, written as is), the
    stored bytes and text, and where its quoted words and repeated stock sentences stand."""

    record: dict
    raw: bytes
    text: str  # as decoded, without a byte-order mark: what offsets refer to
    speakers: list[int]  # indexes into Prose.speakers; the first is the lead
    published: dt.date | None
    stored: proof.Stored
    quote_spans: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, speaker)
    stock_spans: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of every word
    token_starts: list[int] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record["id"]

    @functools.cached_property
    def quoted(self) -> tuple[tuple[int, int], ...]:
        return proof.quoted(self.text)

    @property
    def language(self) -> str:
        return self.record["language"]


def make_sources(p: Prose, count: int) -> list[Source]:
    """`count` sources; source j leads with speaker j (mod the actors), so every actor is quoted,
    and quotes one to four more, popular actors more often."""
    popularity = p.zipf(len(p.speakers))
    sources = []
    for j in range(count):
        speakers = [j % len(p.speakers)]
        for _ in range(p.rng.randrange(1, 5)):
            other = p.weighted(popularity)
            if other not in speakers:
                speakers.append(other)
        source = make_source(p, j, speakers)
        for who in speakers:
            p.speakers[who].cited_in.append(source.id)
        sources.append(source)
    return sources


def make_source(p: Prose, j: int, speakers: list[int]) -> Source:
    roll = p.rng.random()
    language = "uk" if roll < 0.05 else "ru" if roll < 0.09 else "en"
    lead = p.speakers[speakers[0]]
    title = headline(p, language, lead)
    paragraphs, quoted = body(p, language, speakers, len(title.encode("utf-8")))
    text = lay_out(p, title, paragraphs)
    raw = (b"\xef\xbb\xbf" if p.chance(0.02) else b"") + text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    ident = f"{clip(slug(lead.short), 24) or 'source'}-{slug(p.pick(NOUNS))}-{j + 1}"
    record = {"id": ident, "file": f"{j:05d}_{digest[:16]}.txt", "sha256": digest, "title": title, "outlet": outlet(p)}
    published, record["published"] = publication(p)
    record["language"] = language
    if p.chance(0.3):
        record["url"] = f"https://example.org/{language}/{p.rng.randrange(2015, 2025)}/{ident}"
    if p.chance(0.4):
        record["notes"] = (
            f"The title is the headline as the text gives it. The text spells {lead.record['name']} "
            f"as “{lead.short}”; it calls {p.noun_phrase()} {p.pick(ADJECTIVES)} — the outlet’s "
            "wording, not the dossier’s."
        )
    source = Source(record, raw, text, speakers, published, proof.stored(text))
    index(source, quoted)
    return source


def headline(p: Prose, language: str, lead: Speaker) -> str:
    if language == "en":
        return f"{cap(lead.short)} {p.pick(HEADLINE_VERBS)} {p.noun_phrase()} at talks in {p.pick(CITIES)}"
    return p.cyrillic_words(CYRILLIC[language][0], 5, 10)


def body(p: Prose, language: str, speakers: list[int], size: int) -> tuple[list[str], list[int]]:
    """Paragraphs until the text reaches its size (in bytes) and every speaker is quoted; and the
    speakers of the quotations, in text order."""
    target = p.rng.randrange(2000, 9001)  # the last paragraph may add up to about 1 KB
    stock = p.rng.sample(STOCK, 2)
    must_quote = list(speakers)
    quoted: list[int] = []
    paragraphs: list[str] = []
    while size < target or must_quote:
        count = p.rng.randrange(2, 6)
        paragraph = " ".join(sentence(p, language, speakers, must_quote, quoted, stock) for _ in range(count))
        if p.chance(0.05):
            paragraph = paragraph.replace(". ", ".  ", 1)  # a double space, as pasted text has
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return paragraphs, quoted


def sentence(
    p: Prose, language: str, speakers: list[int], must_quote: list[int], quoted: list[int], stock: list[str]
) -> str:
    if must_quote:
        who = must_quote.pop(0)
        quoted.append(who)
        if language == "en":
            return f"“{p.spoken()}” {cap(p.speakers[who].short)} {p.pick(SAID)}."
        return p.cyrillic_quote(*CYRILLIC[language], who, 6, 14)
    if language != "en":
        return p.cyrillic_sentence(*CYRILLIC[language], speakers, quoted)
    if p.chance(0.12):
        return p.pick(stock)
    return p.english_sentence(speakers, quoted)


def lay_out(p: Prose, title: str, paragraphs: list[str]) -> str:
    layout = p.rng.random()
    if layout < 0.15:  # wrapped at 72 columns, blank lines between paragraphs
        body = "\n\n".join(textwrap.fill(x, 72, break_long_words=False, break_on_hyphens=False) for x in paragraphs)
    elif layout < 0.35:
        body = "\n\n".join(paragraphs)
    else:
        body = "\n".join(paragraphs)
    text = f"{title}\n{body}\n"
    if p.chance(0.03):
        text = unicodedata.normalize("NFD", text)  # decomposed, as some editors save it
    if p.chance(0.05):
        text = text.replace("\n", "\r\n")
    return text


def outlet(p: Prose) -> dict:
    roll = p.rng.random()
    if roll < 0.55:
        return {"name": p.pick(OUTLETS), "basis": "stated"}
    if roll < 0.7:
        reason = f"The page footer names the newsroom — “{p.pick(OUTLETS)}”."
        return {"name": p.pick(OUTLETS), "basis": "inferred", "reason": reason}
    return {"basis": "unknown"}


def publication(p: Prose) -> tuple[dt.date | None, dict]:
    """The date a claim resting on the source may not be later than, and the `published` entry."""
    roll = p.rng.random()
    if roll < 0.6:
        day = p.day(EARLIEST)
        return day, {"date": Date(day.isoformat()), "basis": "stated"}
    if roll < 0.75:
        month = p.day(EARLIEST).replace(day=1)
        reason = f"The text refers to {p.pick(WEEKDAYS)}’s meeting in {p.pick(CITIES)} as “last week”."
        return month, {"date": Date(month.isoformat()[:7]), "basis": "inferred", "reason": reason}
    return None, {"basis": "unknown"}


def index(source: Source, quoted: list[int]) -> None:
    """Find the words, the quotations (matched to `quoted`, their speakers in text order) and the
    stock sentences of the source's text, for cutting evidence from it."""
    text = source.text
    source.tokens = [m.span() for m in re.finditer(r"\S+", text)]
    source.token_starts = [start for start, _ in source.tokens]
    if source.language == "en":
        # «word» glosses quote no speaker, nor do the “translations” that follow them.
        glosses = {m.span(1) for m in re.finditer(r"translated\s+as\s+“([^”]+)”", text)}
        spans = [m.span(1) for m in re.finditer("“([^”]+)”", text) if m.span(1) not in glosses]
    else:
        spans = [m.span(1) for m in re.finditer("«([^»]+)»", text)]
    assert len(spans) == len(quoted), (source.id, len(spans), len(quoted))
    source.quote_spans = [(a, b, who) for (a, b), who in zip(spans, quoted)]
    source.stock_spans = [span for line in STOCK for span in proof.spans_of(source.stored, line)]
