"""`dossier quote SOURCE TEXT`: find a passage the way the check does, and print an evidence
item that passes it (the text exactly as the source has it, and which occurrence when the text
occurs more than once)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import yaml

from ..data import attribution, quotemarks, quotes
from ..data.files import SOURCES_DIR, read_input
from ..data.load import decode_utf8
from ..data.schema import vocabulary
from ..data.validate import MAX_SOURCE_BYTES
from ..errors import DossierError, UsageError
from ..errors import one_line as shown
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
    raw = read_input(root, rel, MAX_SOURCE_BYTES)
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
    shown = tuple(
        _as_stored(source, p, n if len(passages) > 1 else None) for n, p in enumerate(passages[:MAX_SHOWN], 1)
    )
    regions = quotemarks.quoted_regions(source.text)
    headline = attribution.headline_span(source.text, str(entry.get("title") or ""))
    quotable = tuple(attribution.direct_quote_problem(source.text, p, regions, headline) is None for p in shown)
    return Found(source_id, rel, shown, len(passages) > MAX_SHOWN, quotable)


def _as_stored(source: quotes.SourceText, passage: quotes.Passage, occurrence: int | None) -> quotes.Passage:
    """The passage, proven to be found again from its own stored text (what gets printed); a
    failure here is a bug, never evidence the check would refuse."""
    again = quotes.find(source, passage.exact, occurrence=occurrence)
    assert isinstance(again, quotes.Passage) and again.span == passage.span, (passage, again)
    return passage


def evidence_items(found: Found, kind: str | None) -> str:
    """The YAML to paste under a claim's `evidence:`: one item, or one per occurrence (keep the
    one meant)."""
    several = len(found.passages) > 1
    out = []
    if several:
        more = " (the first shown)" if found.more else ""
        out.append(f"{INDENT}# the text occurs {len(found.passages)}{'+' if found.more else ''} times{more}: keep one")
    for n, passage in enumerate(found.passages, start=1):
        context = one_line(f"{passage.prefix}[{passage.exact}]{passage.suffix}")
        # A comment is YAML and terminal text: a source's control characters are shown escaped.
        out.append(shown(f"{INDENT}# {found.path}, line {passage.line}: …{context}…"))
        out.append(f"{INDENT}- source: {scalar(found.source)}")
        out.append(f"{INDENT}  text: {quoted(passage.exact)}")
        if several:
            out.append(f"{INDENT}  occurrence: {n}")
        # The check proves a direct quote's quotation marks: offer it only where they are.
        marks = not found.quotable or found.quotable[n - 1]
        default = "direct-quote" if marks else "reported-speech"
        excluded = {kind or default} | (set() if marks else {"direct-quote"})
        others = [k for k in vocabulary("evidence-kind") if k not in excluded]
        why = "" if marks else "not in quotation marks in the source, so not a direct quote; "
        hint = "" if kind else f"  # {why}or {', '.join(others)}: which is it?"
        out.append(f"{INDENT}  kind: {kind or default}{hint}")
    text = "\n".join(out) + "\n"
    _prove(found, text)
    return text


def _prove(found: Found, text: str) -> None:
    """The printed items must place exactly the passages found (a bug here would hand curators
    evidence the check then refuses)."""
    items = yaml.safe_load(text)
    assert len(items) == len(found.passages)
    for item, passage in zip(items, found.passages):
        assert item["text"] == passage.exact and item["source"] == found.source


def quote(root, source_id: str, text: str, kind: str | None = None) -> tuple[str, Found]:
    found = locate(root, source_id, text)
    return evidence_items(found, kind), found
