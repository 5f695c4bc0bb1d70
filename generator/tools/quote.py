"""`dossier quote SOURCE TEXT`: find a passage the way the check does, and print an evidence
item that passes it (the text exactly as the source has it, and which occurrence when the text
occurs more than once)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import yaml

from ..data import attribution, quotemarks, quotes
from ..data.files import SOURCES_DIR, SourceFiles
from ..data.load import decode_utf8
from ..data.schema import vocabulary
from ..errors import DossierError, UsageError
from ..errors import one_line as escaped
from .add_source import recorded, sources_file
from .yamltext import one_line, quoted, scalar

INDENT = " " * 6  # under `    evidence:` of a claim, as claims.yaml lays them out
MAX_SHOWN = 20  # occurrences offered when a text is everywhere (a word, a name)


@dataclass(frozen=True)
class Found:
    source: str  # its id
    path: str  # relative to the dossier root
    passages: tuple[quotes.Passage, ...]  # one per occurrence, in text order
    more: bool  # occurrences beyond those shown
    quotable: tuple[bool, ...] = ()  # per passage: may it be a direct quote (in quotation marks)?
    texts: tuple[str, ...] = ()  # per passage: the evidence text to print (an ellipsis where it was cut)
    headline: tuple[int | None, ...] = ()  # per passage: the headline's line when it stands on it

    def text_of(self, n: int) -> str:
        return self.texts[n] if self.texts else self.passages[n].exact


def locate(root, source_id: str, text: str) -> Found:
    """Every occurrence of `text` in the source, or a DossierError with the check's message."""
    if not quotes.normalize_needle(text):
        raise UsageError("the text to find is empty")
    rel_yaml = sources_file()
    entries = {entry.get("id"): entry for entry, _ in recorded(root, rel_yaml)}
    entry = entries.get(source_id)
    if entry is None or not isinstance(entry.get("file"), str):
        known = ", ".join(f"`{k}`" for k in list(entries)[:10] if isinstance(k, str)) or "none yet"
        raise DossierError(f"unknown source `{source_id}`: {rel_yaml} has {known}")
    rel = f"{SOURCES_DIR}/{entry['file']}"
    raw = SourceFiles(root).read(entry["file"])
    if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
        raise DossierError(f"{rel} does not have the sha256 recorded for `{source_id}`: run `dossier check`")
    decoded, problem = decode_utf8(raw, rel)
    if problem:
        raise DossierError(problem.gcc())
    source = quotes.SourceText.of(decoded)
    found = quotes.find(source, text, occurrence=1)
    if isinstance(found, quotes.Miss):
        raise DossierError(f"{found.message} [source `{source_id}`, {rel}]")
    passages = [found]
    while len(passages) <= MAX_SHOWN:
        nxt = quotes.find(source, text, occurrence=len(passages) + 1)
        if isinstance(nxt, quotes.Miss):
            break
        passages.append(nxt)
    several = len(passages) > 1
    shown = tuple(passages[:MAX_SHOWN])
    texts = tuple(_as_stored(source, p, n if several else None) for n, p in enumerate(shown, 1))
    regions = quotemarks.quoted_regions(source.text)
    headline, _ = attribution.headline_span(source.text, str(entry.get("title") or ""))
    problems = [attribution.direct_quote_problem(source.text, p, regions, headline) for p in shown]
    cut = [problem for p, problem in zip(shown, problems) if len(p.parts) > 1 and problem]
    if cut and len(cut) == len(shown):  # an ellipsis the check refuses, whatever the kind: say why
        raise DossierError(f"{cut[0]} [source `{source_id}`, {rel}]")
    on_headline = tuple(_headline_line(source, p, headline) for p in shown)
    quotable = tuple(problem is None for problem in problems)
    return Found(source_id, rel, shown, len(passages) > MAX_SHOWN, quotable, texts, on_headline)


def _headline_line(source: quotes.SourceText, passage: quotes.Passage, headline) -> int | None:
    if headline and any(a < headline[1] and b > headline[0] for a, b in passage.parts):
        return source.line_of(headline[0])
    return None


def cut_text(source: quotes.SourceText, passage: quotes.Passage) -> str:
    """The evidence text as the check proves it: the source's words, with ` ... ` where an
    ellipsis left the attribution out (never the whole span, attribution included)."""
    return " ... ".join(source.text[a:b] for a, b in passage.parts)


def _as_stored(source: quotes.SourceText, passage: quotes.Passage, occurrence: int | None) -> str:
    """The text to print for the passage, proven to be found again at the same place (what gets
    printed); a failure here is a bug, never evidence the check would refuse."""
    text = cut_text(source, passage)
    again = quotes.find(source, text, occurrence=occurrence)
    assert isinstance(again, quotes.Passage) and again.parts == passage.parts, (passage, again)
    return text


def _context(found: Found, n: int) -> str:
    """`…before[part]cut[part]after…`: the brackets mark what the item cites."""
    passage = found.passages[n]
    exact, start = passage.exact, passage.start
    pieces, at = [], start
    for a, b in passage.parts:
        pieces.append(exact[at - start : a - start] + "[" + exact[a - start : b - start] + "]")
        at = b
    return one_line(f"{passage.prefix}{''.join(pieces)}{passage.suffix}")


def evidence_items(found: Found, kind: str | None, only: int | None = None) -> str:
    """The YAML to paste under a claim's `evidence:`: one item, or one per occurrence (keep the
    one meant); with `only`, the item of that occurrence alone (the passage picked on a page)."""
    several = len(found.passages) > 1
    out = []
    if several and only is None:
        more = " (the first shown)" if found.more else ""
        out.append(f"{INDENT}# the text occurs {len(found.passages)}{'+' if found.more else ''} times{more}: keep one")
    for n, passage in enumerate(found.passages, start=1):
        if only is not None and n != only:
            continue
        # A comment is YAML and terminal text: a source's control characters are shown escaped.
        out.append(escaped(f"{INDENT}# {found.path}, line {passage.line}: …{_context(found, n - 1)}…"))
        headline = found.headline[n - 1] if found.headline else None
        if headline:
            out.append(f"{INDENT}# {HEADLINE_NOTE.format(line=headline)}")
        out.append(f"{INDENT}- source: {scalar(found.source)}")
        out.append(f"{INDENT}  text: {quoted(found.text_of(n - 1))}")
        if several:
            out.append(f"{INDENT}  occurrence: {n}")
        out.append(f"{INDENT}  kind: {_kind_line(found, n - 1, kind, headline)}")
    text = "\n".join(out) + "\n"
    _prove(found, text, only)
    return text


HEADLINE_NOTE = (
    "this is the source's headline (line {line}): the outlet's words, so `framing`, and never a stance's only ground"
)


def _kind_line(found: Found, n: int, kind: str | None, headline: int | None) -> str:
    """The kind asked for, else the one the check would accept, with the others offered."""
    if kind:
        return kind
    # The check proves a direct quote's quotation marks: offer it only where they are.
    marks = not found.quotable or found.quotable[n]
    default = "framing" if headline else "direct-quote" if marks else "reported-speech"
    excluded = {default} | (set() if marks else {"direct-quote"})
    others = [k for k in vocabulary("evidence-kind") if k not in excluded]
    why = "" if marks or headline else "not in quotation marks in the source, so not a direct quote; "
    return f"{default}  # {why}or {', '.join(others)}: which is it?"


def _prove(found: Found, text: str, only: int | None = None) -> None:
    """The printed items must place exactly the passages found (a bug here would hand curators
    evidence the check then refuses)."""
    items = yaml.safe_load(text)
    numbers = range(len(found.passages)) if only is None else [only - 1]
    assert len(items) == len(numbers)
    for n, item in zip(numbers, items):
        assert item["text"] == found.text_of(n) and item["source"] == found.source


def quote(root, source_id: str, text: str, kind: str | None = None) -> tuple[str, Found]:
    found = locate(root, source_id, text)
    return evidence_items(found, kind), found
