"""The claims' checks, file by file: each claims file's verdict taken from the cache, or its
claims checked one by one (references, dates, each evidence item's quote proved), half of the
files a second process's work when many need it (data/apart.py); and the date checks every
kind of item uses. A part of `validate.Validator`, whose state (`ClaimChecks`' annotations) it
reads and whose problems it adds to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ERROR, Problem
from . import apart, attribution, dates, elision, proofs, publication, quotes, verdicts
from .cache import Store
from .files import SOURCES_DIR
from .load import Document
from .model import date_range
from .schema import key_of
from .shapes import dict_or_empty as _dict
from .shapes import evidence_items as _evidence
from .shapes import interval_or_none as _interval
from .shapes import list_or_empty as _list
from .shapes import str_or_none as _s

DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")  # a calendar date: a year, a month or a day


@dataclass
class Validated:
    """What validation learned that the model needs."""

    texts: dict[str, quotes.SourceText] = field(default_factory=dict)  # source id -> stored text
    passages: dict[tuple[int, int], quotes.Passage] = field(default_factory=dict)  # (claim, evidence) index
    headlines: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # source id -> its headline's span


@dataclass
class Item:
    """One item of a list (a claim, a source, an actor...), in its file."""

    doc: Document
    key: str
    index: int  # in its file
    data: dict
    number: int = 0  # in its list across files (claims.yaml, then claims/*.yaml): keys the passages

    def at(self, *where) -> tuple:
        return (self.key, self.index, *where)


class ClaimChecks:
    """What `validate.Validator` checks of claims and of dates (see the module's docstring)."""

    today: dt.date
    published: str | None  # the dossier's first publication (content/dossier.yaml), when valid
    passages: bool  # whether the quotes' passages are wanted (for a model), or only the problems
    store: Store
    problems: list[Problem]
    items: dict[str, list[Item]]
    ids: dict[str, dict[str, Item]]
    _published: dict[str, dates.Interval | None]  # source id -> when it was published
    _source_keys: dict[str, str]  # source id -> what its record gives its proofs' keys
    _bases: dict[str, str]  # evidence kind -> the basis it gives a stance (assemble.kind_bases)

    def report(self, item: Item, where: tuple, message: str, severity: str = ERROR, key: bool = False) -> None:
        line, col = item.doc.locate(item.at(*where), key=key)
        self.problems.append(Problem(item.doc.path, line, col, severity, message))

    def _report_all(self, findings) -> None:
        for item, where, message in findings:
            self.report(item, where, message)

    def _exists(self, kind: str, ident: str) -> bool:
        # A kind whose file did not load is not known: its absence is already reported there.
        return kind not in self.ids or ident in self.ids[kind]

    # -- claims ----------------------------------------------------------------------------
    def _claims_by_file(self) -> list[list[Item]]:
        files: dict[str, list[Item]] = {}
        for item in self.items.get("claims", []):
            files.setdefault(item.doc.path, []).append(item)
        return list(files.values())

    def _verdict_context(self, checked: Validated) -> str:
        files = {rel: key for rel, key in self.store.keys.items() if key_of(rel) != "claims"}
        claims = list(self.ids["claims"]) if "claims" in self.ids else ["\0no claims"]
        return verdicts.context(self.today, self.published, files, claims, set(checked.texts), checked.headlines)

    def _check_all_claims(self, files: list[list[Item]], checked: Validated, context: str | None) -> None:
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

    def _made_apart(self, files: list[list[Item]], checked: Validated, context: str | None) -> dict:
        """In the second process: these files checked, and what was made for each."""
        for items in files:
            self._check_claims_of(items, checked, context)
        return {items[0].doc.path: self.store.made_verdict(items[0].doc.path) for items in files}

    def _verdict_of(self, items: list[Item], context: str) -> Any:
        document_key = self.store.keys.get(items[0].doc.path)
        return self.store.verdict(items[0].doc.path, verdicts.key(document_key, context)) if document_key else None

    def _check_claims_of(self, items: list[Item], checked: Validated, context: str | None) -> None:
        """One claims file's claims: from its verdict in the cache when it has one under this file's
        bytes and this check's `context` (data/verdicts.py), else checked, and the verdict offered."""
        rel, document_key = items[0].doc.path, self.store.keys.get(items[0].doc.path)
        key = verdicts.key(document_key, context) if context and document_key else None
        found = verdicts.from_entry(rel, self.store.verdict(rel, key), self.passages) if key else None
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

    def _check_claim(self, item: Item, checked: Validated) -> None:
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

    def _check_evidence_ids(self, item: Item) -> set[str]:
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

    def _proof(self, item: Item, source_id: str, source, ev: dict, checked: Validated):
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

    def _check_said_before(self, item: Item, source_id: str, said: dates.Interval) -> None:
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
    def _check_dating(self, item: Item, where: tuple, dating) -> bool:
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

    def _check_date(self, item: Item, where: tuple, value, future_ok: bool = False) -> bool:
        """True when the value is absent or a real date not in the future."""
        if value is None:
            return True
        if not isinstance(value, str) or not DATE.match(value):
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
