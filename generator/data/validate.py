"""Cross-checks the schema cannot express: references, paths, hashes, dates, and the quotes
(the claims' own checks are data/claimchecks.py); and the hand-written pages read.

Runs on items that passed the schema; every problem is collected, none raised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from ..errors import ERROR, WARNING, InputError, Problem
from . import attribution, dates, orderings, proofs, publication, quotes
from .assemble import kind_bases
from .cache import Store
from .claimchecks import DATE, ClaimChecks, Item, Validated
from .files import MAX_PAGE_BYTES, PAGES_DIR, SOURCES_DIR, SourceFiles, inside, list_inputs, read_input
from .hygiene import name_problem
from .load import Document, decode_utf8
from .model import date_range
from .originals import original_problem
from .schema import key_of
from .shapes import dict_or_empty as _dict
from .shapes import evidence_items as _evidence
from .shapes import list_or_empty as _list
from .shapes import str_or_none as _s

__all__ = ["Validated", "Validator", "check_pages"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Validator(ClaimChecks):
    """Every cross-check of the loaded files; `run` gives what the model needs, `problems` the rest."""

    def __init__(
        self, root: Path, docs: dict[str, Document], today: dt.date, store: Store | None = None, passages: bool = True
    ):
        """`passages=False`: a check that makes no model; `run` finds every problem, but the
        passages of the quotes a verdict answers for are not read (`Validated.passages` lacks them)."""
        self.root, self.today, self.passages = root, today, passages
        self.store = store or Store(root, enabled=False)
        self._source_keys: dict[str, str] = {}  # source id -> what its record gives its proofs' keys
        self._published: dict[str, dates.Interval | None] = {}  # source id -> when it was published
        self.problems: list[Problem] = []
        self.items: dict[str, list[Item]] = {}
        self.ids: dict[str, dict[str, Item]] = {}
        self._bases = kind_bases()
        self.counts: dict[str, int] = {}
        settings = [doc for rel, doc in docs.items() if key_of(rel) == publication.SETTINGS_KEY]
        self.published = publication.published(settings[0].data) if settings else None
        if self.published and DATE.match(self.published) and self.published > today.isoformat():
            line, col = settings[0].locate((publication.SETTINGS_KEY, "published"))
            message = f"`{self.published}` is in the future: record the first publication once it has happened"
            self.problems.append(Problem(settings[0].path, line, col, ERROR, message))
            self.published = None
        for rel, doc in docs.items():
            # The file decides what it holds, not its own keys: a stray top-level key must not
            # hide the rest of the file's problems.
            key = key_of(rel)
            items = doc.data.get(key) if key and isinstance(doc.data, dict) else None
            if key is None or not isinstance(items, list):
                continue
            # Items that failed the schema are checked too, as far as their shape allows,
            # so that one run reports every problem.
            start = self.counts.get(key, 0)
            self.counts[key] = start + len(items)
            self.items.setdefault(key, []).extend(
                Item(doc, key, i, d, start + i) for i, d in enumerate(items) if isinstance(d, dict)
            )
        for key, found in self.items.items():
            self._index_ids(key, found)

    def run(self) -> Validated:
        checked = Validated()
        for item in self.items.get("sources", []):
            self._check_source(item, checked)
        for item in self.items.get("actors", []):
            self._check_actor(item)
        for item in self.items.get("proposals", []):
            self._check_proposal(item)
        context = self._verdict_context(checked) if self.store.folder is not None else None
        self._check_all_claims(self._claims_by_file(), checked, context)
        claims = [(item, item.data) for item in self.items.get("claims", [])]
        self._report_all(publication.occasion_findings(claims, self._where))
        self._check_orderings(claims, checked)
        self._check_unused()
        return checked

    def _check_orderings(self, claims: list[tuple[Item, dict]], checked: Validated) -> None:
        """The orders stated in claims' `said.before`/`after` (orderings.py), once the sources' texts are read."""

        def line_of(item: Item, where: tuple) -> str:
            return f"{item.doc.path}:{item.doc.locate(item.at(*where))[0]}"

        self._report_all(orderings.findings(claims, checked.texts, line_of))

    def _where(self, item: Item) -> str:
        return f"{item.doc.path}:{item.doc.locate(item.at('id'))[0]}"

    # -- ids -------------------------------------------------------------------------------
    def _index_ids(self, key: str, items: list[Item]) -> None:
        seen: dict[str, Item] = {}
        for item in items:
            ident = item.data.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                other = seen[ident].doc
                first = other.locate(seen[ident].at("id"))[0]
                where = f"line {first}" if other is item.doc else f"{other.path}:{first}"
                self.report(item, ("id",), f"duplicate id `{ident}` (first at {where}): ids must be unique")
                continue
            seen[ident] = item
        self.ids[key] = seen
        self._check_formerly(items, seen)

    def _check_formerly(self, items: list[Item], current: dict[str, Item]) -> None:
        """An old id leads to its new item: it must not be a current id, nor another item's old one."""
        named: dict[str, Item] = {}
        for item in items:
            self._report_all(publication.formerly_findings(item, item.data, self.published))
            for n, old in enumerate(_list(item.data.get("formerly"))):
                if not _s(old):
                    continue
                if old in current:
                    self.report(
                        item,
                        ("formerly", n),
                        f"`formerly` names `{old}`, which is a current id: an old id is never reused",
                    )
                elif old in named and named[old] is not item:
                    self.report(item, ("formerly", n), f"`formerly` names `{old}`, which another item names too")
                named.setdefault(old, item)

    @cached_property
    def _citing(self) -> dict[str, list[str]]:
        """The claims that cite each source (named in a source's problem: only asked for then)."""
        out: dict[str, list[str]] = defaultdict(list)
        for item in self.items.get("claims", []):
            for ev in _evidence(item.data):
                source, claim = _s(ev.get("source")), _s(item.data.get("id"))
                if source and claim and claim not in out[source]:
                    out[source].append(claim)
        return out

    # -- sources ---------------------------------------------------------------------------
    @cached_property
    def _sources(self) -> SourceFiles:
        return SourceFiles(self.root)

    def _affected(self, item: Item) -> str:
        citing = self._citing.get(item.data["id"], [])
        if not citing:
            return ""
        names = ", ".join(citing[:8]) + (f" and {len(citing) - 8} more" if len(citing) > 8 else "")
        return f" (cited by {len(citing)} claim{'s' if len(citing) != 1 else ''}: {names})"

    def _check_source(self, item: Item, checked: Validated) -> None:
        data = item.data
        self._check_dating(item, ("published",), data.get("published"))
        if not (_s(data.get("id")) and _s(data.get("file")) and _SHA256.match(_s(data.get("sha256")) or "")):
            return  # the schema has said what is missing or malformed
        if data["file"].startswith("/") or ".." in data["file"].split("/"):
            return  # the schema pattern reports it
        raw = self._source_bytes(item)
        if raw is None:
            return
        rel = f"{SOURCES_DIR}/{data['file']}"
        digest = hashlib.sha256(raw).hexdigest()
        if digest != data["sha256"]:
            self.report(
                item,
                ("sha256",),
                f"`{rel}` has sha256 {digest[:12]}…, not the recorded {data['sha256'][:12]}…: the text "
                f"changed{self._affected(item)}; sources are never edited: restore it or add the new text as a new "
                "source",
            )
            return
        found = self._text_check(item, raw, rel)
        if found is None:
            return
        source, (span, title_found) = found
        checked.texts[data["id"]] = source
        wrong = original_problem(self.root, data.get("original"))
        if wrong:
            self.report(item, ("original", "file"), wrong)
        checked.headlines[data["id"]] = span
        if _s(data.get("title")) and span and not title_found:
            self.report(item, ("title",), attribution.title_not_found(source.line_of(span[0])), WARNING)

    def _text_check(self, item: Item, raw: bytes, rel: str) -> tuple[quotes.SourceText, tuple] | None:
        """A source's text, whose bytes hash to the recorded sha256, and where its headline stands
        (and whether its title found it); None when it is not UTF-8 (reported). From the cache's
        `text_check` when it knows these bytes: then decoded only when read."""
        key = proofs.text_key(item.data)
        known = proofs.text_check(self.store.text_check(item.doc.path, key))
        if known is not None:
            return quotes.SourceText.stored(raw), known
        text, problem = decode_utf8(raw, rel)
        if problem:
            self.problems.append(problem)
            return None
        span, title_found = proofs.headline(item.data, text)
        self.store.put_text_check(item.doc.path, key, [list(span) if span else None, title_found])
        return quotes.SourceText.of(text), (span, title_found)

    def _source_bytes(self, item: Item) -> bytes | None:
        """The bytes of a source's stored text, or None when its file is missing, leads out of the
        sources' folder or cannot be read (reported)."""
        file = item.data["file"]
        rel = f"{SOURCES_DIR}/{file}"
        try:
            real = self._sources.path(file)
            if not inside(real, self._sources.real_folder):
                message = f"`{rel}` leads outside {SOURCES_DIR}/ (through a symbolic link): store the text itself there"
                self.report(item, ("file",), message)
                return None
            return self._sources.read(file, real)
        except InputError as exc:
            if os.path.lexists(os.path.join(self.root, SOURCES_DIR, file)):  # there, but leads nowhere
                self.report(item, ("file",), f"`{rel}` {exc.problem.message}")
            else:  # only when it is not there: one `lstat` a source, not two
                message = f"`{rel}` does not exist{self._affected(item)}: add the file or correct `file`"
                self.report(item, ("file",), message)
            return None

    # -- actors and proposals ------------------------------------------------------------
    def _check_actor(self, item: Item) -> None:
        for r, role in enumerate(_list(item.data.get("roles"))):
            role = _dict(role)
            ok = [
                self._check_date(item, ("roles", r, key), role.get(key), future_ok=key == "until")
                for key in ("from", "until")
            ]
            if (
                all(ok)
                and _s(role.get("from"))
                and _s(role.get("until"))
                and date_range(role["from"])[0] > date_range(role["until"])[1]
            ):
                self.report(
                    item, ("roles", r, "until"), f"role ends ({role['until']}) before it begins ({role['from']})"
                )
            for s, source in enumerate(_list(role.get("sources"))):
                if _s(source) and not self._exists("sources", source):
                    self.report(
                        item,
                        ("roles", r, "sources", s),
                        f"unknown source `{source}`: add it to content/sources.yaml or correct the id",
                    )

    def _check_proposal(self, item: Item) -> None:
        for r, rel in enumerate(_list(item.data.get("related"))):
            other = _s(_dict(rel).get("proposal"))
            if other is None:
                continue
            if other == item.data.get("id"):
                self.report(item, ("related", r, "proposal"), "a proposal cannot be related to itself")
            elif not self._exists("proposals", other):
                self.report(
                    item,
                    ("related", r, "proposal"),
                    f"unknown proposal `{other}`: add it to content/proposals.yaml or correct the id",
                )

    # -- unused ----------------------------------------------------------------------------
    def _check_unused(self) -> None:
        if "claims" not in self.ids:
            return
        claims = [it.data for it in self.items.get("claims", [])]
        used = {
            "sources": {_s(ev.get("source")) for c in claims for ev in _evidence(c)},
            "actors": {_s(c.get("actor")) for c in claims},
            "proposals": {p for c in claims for p in _dict(c.get("stances")) if _s(p)},
        }
        for kind, noun in (("sources", "source"), ("actors", "actor"), ("proposals", "proposal")):
            for ident, item in self.ids.get(kind, {}).items():
                if ident not in used[kind]:
                    self.report(item, ("id",), f"{noun} `{ident}` is not cited by any claim", WARNING)


def check_pages(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """Hand-written pages (path -> text) and the problems reading them; what their Markdown may
    hold is the site's business (site/pages.py)."""
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    for rel in list_inputs(root, PAGES_DIR, ".md"):
        wrong = name_problem(rel)
        if wrong:
            problems.append(Problem(rel, 1, 1, ERROR, wrong))
            continue
        try:
            text, problem = decode_utf8(read_input(root, rel, MAX_PAGE_BYTES), rel)
        except InputError as exc:
            problems.append(exc.problem)
            continue
        if problem:
            problems.append(problem)
            continue
        pages[rel] = text
    return pages, problems
