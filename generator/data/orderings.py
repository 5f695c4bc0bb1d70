"""Checks of the orders a curator records from a text (`said: {before: [...], after: [...]}`).

A stated ordering makes one claim certainly before another on every page that orders claims
(`order.py` combines it with the dates), so each must be one the text states and one that can
hold: another, existing claim, not of the same occasion (simultaneous), not against the dates, stated
once, and no circle with the other orderings and the dates (`order.cycles`). Its `reason` quotes the
words that state it, and the check finds them in a source one of the two claims cites.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..errors import echo
from . import dates, order
from .normalize import normalize_needle
from .publication import Finding
from .quotes import SourceText

WORDS = ("before", "after")
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")


class _Entry:
    """One ordering as written: the claim that holds it, where, and the pair it states."""

    def __init__(self, item: Any, data: dict, word: str, n: int, entry: dict) -> None:
        self.item, self.data, self.word, self.n = item, data, word, n
        self.other, self.reason = entry["claim"], entry.get("reason")
        self.cid = data["id"]
        self.pair = (self.cid, self.other) if word == "before" else (self.other, self.cid)

    def at(self, *more) -> tuple:
        return ("said", self.word, self.n, *more)


def findings(claims: list[tuple[Any, dict]], texts: Mapping[str, SourceText], line_of: Callable) -> Iterator[Finding]:
    """Every problem of the stated orderings; `line_of(item, path)` gives `FILE:LINE` of a place,
    for messages that point at another. `texts`: the stored texts of the sources that loaded."""
    entries = list(_entries(claims))
    if not entries:  # nothing to check, and no circle without a stated ordering
        return
    by_id: dict[str, dict] = {}
    for _, data in claims:
        if isinstance(data.get("id"), str):
            by_id.setdefault(data["id"], data)
    items = _items(by_id, entries)
    kept: list[_Entry] = []
    seen: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        problem = _problem(entry, items, by_id) or _again(entry, seen, line_of)
        if problem:
            yield (entry.item, entry.at("claim"), problem)
            continue
        seen[entry.pair] = entry
        kept.append(entry)
        wrong = _reason_problem(entry, by_id, texts)
        if wrong:
            yield (entry.item, entry.at("reason"), wrong)
    for blame, steps in order.cycles(list(items.values()), [e.pair for e in kept]):
        entry = kept[blame]
        first = next(n for n, step in enumerate(steps) if step[2] == blame)  # the message starts at it
        shown = "; ".join(_step(step, kept, entry, line_of) for step in steps[first:] + steps[:first])
        yield (
            entry.item,
            entry.at("claim"),
            f"this ordering closes a circle ({shown}): they cannot all hold; remove the ordering the text does "
            "not state, or correct the date that is wrong",
        )


def _entries(claims: list[tuple[Any, dict]]) -> Iterator[_Entry]:
    for item, data in claims:
        said = data.get("said")
        if not isinstance(said, dict) or not isinstance(data.get("id"), str):
            continue
        for word in [key for key in said if key in WORDS]:  # as written: the last one closes a circle
            found = said.get(word)
            for n, entry in enumerate(found if isinstance(found, list) else ()):
                if isinstance(entry, dict) and isinstance(entry.get("claim"), str):
                    yield _Entry(item, data, word, n, entry)


def _items(by_id: dict[str, dict], entries: list[_Entry]) -> dict[str, order.Item]:
    """Each claim as order.py takes it, its date read only where the checks can look at it: a claim
    an ordering names, or a claim of an occasion one of those belongs to (an occasion spans its
    claims' dates). `order.cycles` places only the units the orderings name, and a dossier's
    claims are mostly of none: reading every date was a tenth of a warm 10,000-claim check."""
    named = {cid for entry in entries for cid in (entry.cid, entry.other) if cid in by_id}
    occasions = {_occasion(by_id[cid]) for cid in named} - {None}
    return {cid: _item(data, cid in named or _occasion(data) in occasions) for cid, data in by_id.items()}


def _occasion(data: dict) -> str | None:
    occasion = data.get("occasion")
    return occasion if isinstance(occasion, str) else None


def _item(data: dict, dated: bool) -> order.Item:
    said = data.get("said")
    value = said.get("date") if dated and isinstance(said, dict) else None
    try:
        interval = dates.parse(value) if value is not None else None
    except dates.DateError:
        interval = None  # reported where the date stands
    return (data["id"], interval, _occasion(data))


def _problem(entry: _Entry, items: dict[str, order.Item], by_id: dict[str, dict]) -> str | None:
    other, word = entry.other, entry.word
    if other == entry.cid:
        return f"a claim cannot be said {word} itself: name another claim"
    if other not in items:
        close = difflib.get_close_matches(other, list(items), n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "add the claim or correct the id"
        return f"`{other}` is not a claim id: {hint}"
    mine, theirs = items[entry.cid], items[other]
    if mine[2] is not None and mine[2] == theirs[2]:
        return (
            f"`{other}` is of the same occasion `{mine[2]}` as this claim, and claims of one occasion are "
            "simultaneous: remove the ordering, or name different occasions"
        )
    earlier, later = (mine, theirs) if word == "before" else (theirs, mine)
    if order.dated_before(later, earlier):
        return (
            f"this claim is said {_said(by_id[entry.cid])} and `{other}` {_said(by_id[other])}: the dates put it "
            f"wholly {'after' if word == 'before' else 'before'} `{other}`, so it cannot be said {word} it; "
            "correct the date or remove the ordering"
        )
    return None


def _again(entry: _Entry, seen: dict[tuple[str, str], _Entry], line_of: Callable) -> str | None:
    first = seen.get(entry.pair)
    if first is None:
        return None
    where = line_of(first.item, first.at("claim"))
    return f"the order of `{entry.pair[0]}` before `{entry.pair[1]}` is already stated at {where}: state it once"


def _reason_problem(entry: _Entry, by_id: dict[str, dict], texts: Mapping[str, SourceText]) -> str | None:
    reason = entry.reason
    if not isinstance(reason, str):
        return None  # the schema reports it
    quoted = [a or b for a, b in _QUOTED.findall(reason)]
    if not quoted:
        return (
            "`reason` quotes nothing: give the words of the text that state the order, in double quotation marks "
            '(e.g. "insisted in the past")'
        )
    cited = sorted({*_sources(entry.data), *_sources(by_id[entry.other])})
    stored = [texts[s] for s in cited if s in texts]
    if len(stored) < len(cited):
        return None  # a source that did not load is reported there
    for words in quoted:
        pieces = [normalize_needle(p) for p in _ELLIPSIS.split(words) if p.strip()]
        if not any(all(p in text.norm.text for p in pieces) for text in stored):
            names = ", ".join(f"`{s}`" for s in cited)
            return (
                f'`reason` quotes "{echo(words)}", which is not in the text of any source the two claims '
                f"cite ({names}): copy the words exactly"
            )
    return None


def _sources(data: dict) -> list[str]:
    evidence = data.get("evidence")
    found = evidence if isinstance(evidence, list) else []
    return [ev["source"] for ev in found if isinstance(ev, dict) and isinstance(ev.get("source"), str)]


def _said(data: dict) -> str:
    said = data.get("said")
    value = said.get("date") if isinstance(said, dict) else None
    return "with no date" if value is None else f"`{echo(str(value))}`"


def _step(step: order.Step, kept: list[_Entry], blamed: _Entry, line_of: Callable) -> str:
    earlier, later, pair = step
    how = "by the dates"
    if pair is not None:
        entry = kept[pair]
        how = "this ordering" if entry is blamed else f"stated at {line_of(entry.item, entry.at('claim'))}"
    return f"{_name(earlier)} before {_name(later)}, {how}"


def _name(key: order.Key) -> str:
    kind, ident = key
    return f"`{ident}`" if kind == "claim" else f"occasion `{ident}`"
