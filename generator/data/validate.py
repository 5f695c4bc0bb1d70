"""Cross-checks the schema cannot express: references, paths, hashes, dates, and the quotes.

Runs on items that passed the schema; every problem is collected, none raised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import ERROR, WARNING, InputError, Problem
from . import apart, attribution, dates, elision, orderings, proofs, publication, quotes, verdicts
from .assemble import kind_bases
from .cache import Store
from .files import MAX_PAGE_BYTES, PAGES_DIR, SOURCES_DIR, SourceFiles, inside, list_inputs, read_input
from .hygiene import name_problem
from .load import Document, decode_utf8
from .model import date_range
from .originals import original_problem
from .schema import key_of


@dataclass
class Validated:
    """What validation learned that the model needs."""

    texts: dict[str, quotes.SourceText] = field(default_factory=dict)  # source id -> stored text
    passages: dict[tuple[int, int], quotes.Passage] = field(default_factory=dict)  # (claim, evidence) index
    headlines: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # source id -> its headline's span


@dataclass
class _Item:
    doc: Document
    key: str
    index: int  # in its file
    data: dict
    number: int = 0  # in its list across files (claims.yaml, then claims/*.yaml): keys the passages

    def at(self, *where) -> tuple:
        return (self.key, self.index, *where)


class Validator:
    def __init__(self, root: Path, docs: dict[str, Document], today: dt.date, store: Store | None = None):
        self.root, self.today = root, today
        self.store = store or Store(root, enabled=False)
        self._source_keys: dict[str, str] = {}  # source id -> what its record gives its proofs' keys
        self._published: dict[str, dates.Interval | None] = {}  # source id -> when it was published
        self.problems: list[Problem] = []
        self.items: dict[str, list[_Item]] = {}
        self.ids: dict[str, dict[str, _Item]] = {}
        self._bases = kind_bases()
        self.counts: dict[str, int] = {}
        settings = [doc for rel, doc in docs.items() if key_of(rel) == publication.SETTINGS_KEY]
        self.published = publication.published(settings[0].data) if settings else None
        if self.published and _DATE.match(self.published) and self.published > today.isoformat():
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
                _Item(doc, key, i, d, start + i) for i, d in enumerate(items) if isinstance(d, dict)
            )
        for key, found in self.items.items():
            self._index_ids(key, found)

    def report(self, item: _Item, where: tuple, message: str, severity: str = ERROR, key: bool = False) -> None:
        line, col = item.doc.locate(item.at(*where), key=key)
        self.problems.append(Problem(item.doc.path, line, col, severity, message))

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

    def _check_orderings(self, claims: list[tuple[_Item, dict]], checked: Validated) -> None:
        """The orders stated in claims' `said.before`/`after` (orderings.py), once the sources' texts are read."""

        def line_of(item: _Item, where: tuple) -> str:
            return f"{item.doc.path}:{item.doc.locate(item.at(*where))[0]}"

        self._report_all(orderings.findings(claims, checked.texts, line_of))

    def _report_all(self, findings) -> None:
        for item, where, message in findings:
            self.report(item, where, message)

    def _where(self, item: _Item) -> str:
        return f"{item.doc.path}:{item.doc.locate(item.at('id'))[0]}"

    # -- ids -------------------------------------------------------------------------------
    def _index_ids(self, key: str, items: list[_Item]) -> None:
        seen: dict[str, _Item] = {}
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

    def _check_formerly(self, items: list[_Item], current: dict[str, _Item]) -> None:
        """An old id leads to its new item: it must not be a current id, nor another item's old one."""
        named: dict[str, _Item] = {}
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

    def _exists(self, kind: str, ident: str) -> bool:
        # A kind whose file did not load is not known: its absence is already reported there.
        return kind not in self.ids or ident in self.ids[kind]

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

    def _affected(self, item: _Item) -> str:
        citing = self._citing.get(item.data["id"], [])
        if not citing:
            return ""
        names = ", ".join(citing[:8]) + (f" and {len(citing) - 8} more" if len(citing) > 8 else "")
        return f" (cited by {len(citing)} claim{'s' if len(citing) != 1 else ''}: {names})"

    def _check_source(self, item: _Item, checked: Validated) -> None:
        data = item.data
        self._check_dating(item, ("published",), data.get("published"))
        if not (_s(data.get("id")) and _s(data.get("file")) and _SHA256.match(_s(data.get("sha256")) or "")):
            return  # the schema has said what is missing or malformed
        path = os.path.join(self.root, SOURCES_DIR, data["file"])
        rel = f"{SOURCES_DIR}/{data['file']}"
        if data["file"].startswith("/") or ".." in data["file"].split("/"):
            return  # the schema pattern reports it
        if not os.path.lexists(path):
            message = f"`{rel}` does not exist{self._affected(item)}: add the file or correct `file`"
            self.report(item, ("file",), message)
            return
        try:
            real = self._sources.path(data["file"])
            if not inside(real, self._sources.real_folder):
                self.report(
                    item,
                    ("file",),
                    f"`{rel}` leads outside {SOURCES_DIR}/ (through a symbolic link): store the text itself there",
                )
                return
            raw = self._sources.read(data["file"], real)
        except InputError as exc:
            self.report(item, ("file",), f"`{rel}` {exc.problem.message}")
            return
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
        text, problem = decode_utf8(raw, rel)
        if problem:
            self.problems.append(problem)
            return
        checked.texts[data["id"]] = quotes.SourceText.of(text)
        wrong = original_problem(self.root, data.get("original"))
        if wrong:
            self.report(item, ("original", "file"), wrong)
        self._check_headline(item, text, checked)

    def _check_headline(self, item: _Item, text: str, checked: Validated) -> None:
        span, found = proofs.headline(item.data, text)
        checked.headlines[item.data["id"]] = span
        if _s(item.data.get("title")) and span and not found:
            self.report(
                item,
                ("title",),
                attribution.title_not_found(text.count("\n", 0, span[0]) + 1),
                WARNING,
            )

    # -- actors and proposals ------------------------------------------------------------
    def _check_actor(self, item: _Item) -> None:
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

    def _check_proposal(self, item: _Item) -> None:
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

    # -- claims ----------------------------------------------------------------------------
    def _claims_by_file(self) -> list[list[_Item]]:
        files: dict[str, list[_Item]] = {}
        for item in self.items.get("claims", []):
            files.setdefault(item.doc.path, []).append(item)
        return list(files.values())

    def _verdict_context(self, checked: Validated) -> str:
        files = {rel: key for rel, key in self.store.keys.items() if key_of(rel) != "claims"}
        claims = list(self.ids["claims"]) if "claims" in self.ids else ["\0no claims"]
        return verdicts.context(self.today, self.published, files, claims, set(checked.texts), checked.headlines)

    def _check_all_claims(self, files: list[list[_Item]], checked: Validated, context: str | None) -> None:
        """Each claims file's claims (`_check_claims_of`); where many files have no verdict, half of
        those checked by a second process meanwhile, and answered by what it sends back (data/apart.py)."""
        missing = [items for items in files if context and self._verdict_of(items, context) is None]
        theirs = apart.halves(missing, len)[1] if apart.pays(missing) else []
        helper = apart.Apart(apart.in_json(lambda: self._made_apart(theirs, checked, context))) if theirs else None
        skipped = {id(items) for items in theirs}
        try:
            for items in files:
                if id(items) not in skipped:
                    self._check_claims_of(items, checked, context)
            answer = apart.loads(helper.answer()) if helper else None
        except BaseException:
            if helper:
                helper.cancel()
            raise
        self.store.offer_verdicts(answer, {items[0].doc.path for items in theirs})
        for items in theirs:
            self._check_claims_of(items, checked, context)

    def _made_apart(self, files: list[list[_Item]], checked: Validated, context: str | None) -> dict:
        """In the second process: these files checked, and what was made for each."""
        for items in files:
            self._check_claims_of(items, checked, context)
        return {items[0].doc.path: self.store.made_verdict(items[0].doc.path) for items in files}

    def _verdict_of(self, items: list[_Item], context: str) -> Any:
        document_key = self.store.keys.get(items[0].doc.path)
        return self.store.verdict(items[0].doc.path, verdicts.key(document_key, context)) if document_key else None

    def _check_claims_of(self, items: list[_Item], checked: Validated, context: str | None) -> None:
        """One claims file's claims: from its verdict in the cache when it has one under this file's
        bytes and this check's `context` (data/verdicts.py), else checked, and the verdict offered."""
        rel, document_key = items[0].doc.path, self.store.keys.get(items[0].doc.path)
        key = verdicts.key(document_key, context) if context and document_key else None
        found = verdicts.from_entry(rel, self.store.verdict(rel, key)) if key else None
        indexes = {item.index: item.number for item in items}
        if found is not None and all(i in indexes for i, _ in found[1]):
            self.problems += found[0]
            checked.passages.update(((indexes[i], e), passage) for (i, e), passage in found[1].items())
            self.store.keep(rel)
            return
        before = len(self.problems)
        for item in items:
            self._check_claim(item, checked)
        made = self.problems[before:]
        if key and all(p.path == rel for p in made):
            passages = {
                (item.index, e): checked.passages[(item.number, e)]
                for item in items
                for e in range(len(_list(item.data.get("evidence"))))
                if (item.number, e) in checked.passages
            }
            self.store.put_verdict(rel, key, verdicts.to_entry(made, passages))

    def _check_claim(self, item: _Item, checked: Validated) -> None:
        data = item.data
        actor = _s(data.get("actor"))
        if actor and not self._exists("actors", actor):
            self.report(item, ("actor",), f"unknown actor `{actor}`: add it to content/actors.yaml or correct the id")
        for proposal in _dict(data.get("stances")):
            if _s(proposal) and not self._exists("proposals", proposal):
                self.report(
                    item,
                    ("stances", proposal),
                    f"unknown proposal `{proposal}`: add it to content/proposals.yaml or correct the id",
                    key=True,
                )
        for s, other in enumerate(_list(data.get("see_also"))):
            if _s(other) and (other == data.get("id") or not self._exists("claims", other)):
                self.report(
                    item,
                    ("see_also", s),
                    f"`see_also` names `{other}`, which is "
                    f"{'this claim' if other == data.get('id') else 'not a claim id'}",
                )
        self._check_date(item, ("added",), data.get("added"))
        for c, fix in enumerate(_list(data.get("corrections"))):
            self._check_date(item, ("corrections", c, "date"), _dict(fix).get("date"))
        self._report_all(publication.correction_findings(item, data, self.published))
        said_ok = self._check_dating(item, ("said",), data.get("said"))
        said = _interval(_dict(data.get("said")).get("date")) if said_ok else None
        local_ids = self._check_evidence_ids(item)
        on_headline: dict[int, str] = {}
        for e, ev in enumerate(_list(data.get("evidence"))):
            if isinstance(ev, dict):
                self._check_evidence(item, e, ev, (local_ids, said, on_headline), checked)
        for where, message, severity in attribution.stance_findings(data, self._bases, on_headline):
            self.report(item, where, message, severity, key=len(where) == 2)

    def _check_evidence_ids(self, item: _Item) -> set[str]:
        ids: set[str] = set()
        for e, ev in enumerate(_evidence(item.data)):
            if _s(ev.get("id")):
                if ev["id"] in ids:
                    self.report(item, ("evidence", e, "id"), f"duplicate evidence id `{ev['id']}` in this claim")
                ids.add(ev["id"])
        return ids

    def _check_evidence(self, item, e, ev, claim_state: tuple, checked: Validated) -> None:
        """`claim_state`: the claim's evidence ids, its `said` date when valid, and the map of its
        evidence on a headline, which this fills in."""
        local_ids, said, on_headline = claim_state
        where = ("evidence", e)
        if _s(ev.get("translation_of")) and (
            ev["translation_of"] not in local_ids or ev["translation_of"] == ev.get("id")
        ):
            self.report(
                item,
                (*where, "translation_of"),
                f"`translation_of` names `{ev['translation_of']}`, which is not the id of another evidence item of "
                "this claim",
            )
        if ev.get("via_reason") is not None and not ev.get("via"):
            self.report(
                item,
                (*where, "via_reason"),
                "`via_reason` says why the relay chain is inferred, but this item has no `via`: add the chain or "
                "remove the line",
            )
        source_id = _s(ev.get("source"))
        if source_id is None:
            return
        if not self._exists("sources", source_id):
            self.report(
                item,
                (*where, "source"),
                f"unknown source `{source_id}`: add it to content/sources.yaml or correct the id",
            )
            return
        if said:
            self._check_said_before(item, source_id, said)
        source = checked.texts.get(source_id)
        if source is None or not proofs.provable(ev):
            return  # the source's own problem, or the schema's, is reported there
        found = self._proof(item, source_id, source, ev, checked)
        if isinstance(found, quotes.Miss):
            self.report(
                item,
                (*where, "text"),
                f"{found.message} [source `{source_id}`, {SOURCES_DIR}/{self.ids['sources'][source_id].data['file']}]",
            )
            return
        checked.passages[(item.number, e)] = found.passage
        if found.headline is not None:
            on_headline[e] = f"line {found.headline} of source `{source_id}`"
            if ev.get("kind") in ("reported-speech", "paraphrase"):  # a direct quote is refused at its text
                self.report(item, (*where, "kind"), attribution.HEADLINE_KIND.format(line=found.headline))
        if ev.get("kind") == "direct-quote":
            if found.marks:
                self.report(item, (*where, "text"), found.marks)
        elif len(found.passage.parts) > 1 and isinstance(ev.get("kind"), str):
            self.report(item, (*where, "text"), elision.OTHER_KINDS.format(kind=ev["kind"]))

    def _proof(self, item: _Item, source_id: str, source, ev: dict, checked: Validated):
        """proofs.prove, through the cache (`proofs.key`: everything a proof may depend on). A Miss
        is always made anew."""
        source_key = self._source_keys.get(source_id)
        if source_key is None:
            source_key = self._source_keys[source_id] = proofs.record_key(self.ids["sources"][source_id].data)
        key = proofs.key(source_key, ev)
        stored = self.store.proof(key, item.doc.path)
        cached = proofs.from_value(stored)
        if cached is not None:
            self.store.put_proof(item.doc.path, key, stored)
            return cached
        found = proofs.prove(source, checked.headlines.get(source_id), ev)
        if isinstance(found, proofs.Proof):
            self.store.put_proof(item.doc.path, key, proofs.to_value(found), made=True)
        return found

    def _check_said_before(self, item: _Item, source_id: str, said: dates.Interval) -> None:
        if source_id not in self.ids.get("sources", {}):
            return
        if source_id not in self._published:
            published_text = _dict(self.ids["sources"][source_id].data.get("published")).get("date")
            self._published[source_id] = _interval(published_text)
        published = self._published[source_id]
        if published and said.lower > published.upper:
            self.report(
                item,
                ("said", "date"),
                f"said {said.text}, after source `{source_id}` was published ({published.text}): correct the date or "
                "the source",
            )

    # -- dates -----------------------------------------------------------------------------
    def _check_dating(self, item: _Item, where: tuple, dating) -> bool:
        """True when the EDTF date is absent or valid and not wholly in the future."""
        value = _dict(dating).get("date")
        if value is None:
            return True
        try:
            interval = dates.parse(value)
        except dates.DateError as exc:
            self.report(item, (*where, "date"), exc.message)
            return False
        if dates.is_future(interval, self.today):
            self.report(item, (*where, "date"), f"`{interval.text}` is in the future")
            return False
        return True

    def _check_date(self, item: _Item, where: tuple, value, future_ok: bool = False) -> bool:
        """True when the value is absent or a real date not in the future."""
        if value is None:
            return True
        if not isinstance(value, str) or not _DATE.match(value):
            return False  # the schema reports the form
        try:
            first, _ = date_range(value)
        except ValueError:
            self.report(item, where, f"`{value}` is not a date in the calendar")
            return False
        if first > self.today and not future_ok:
            self.report(item, where, f"`{value}` is in the future")
            return False
        return True

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


_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


# An HTML tag, closing tag, comment or processing instruction; not an autolink (<https://…>).
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


def _s(value):
    return value if isinstance(value, str) else None


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _evidence(claim: dict) -> list[dict]:
    return [ev for ev in _list(claim.get("evidence")) if isinstance(ev, dict)]


def _interval(value) -> dates.Interval | None:
    try:
        return dates.parse(value) if value is not None else None
    except dates.DateError:
        return None  # reported where the date stands
