"""`dossier changes`: what a pull request changes in the dossier, said in its terms, not the YAML's.

The base's files are read from git into a temporary root; both sides are loaded with the data
layer (the same loader and check as `dossier check`), then compared item by item: claims, actors,
proposals and sources added, removed and changed (which fields; stances as old → new), and the
quotes whose passage moved in their source.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.check import check, split_files
from ..data.load import load_yaml
from ..data.model import Dossier
from ..data.schema import data_files, schema
from ..errors import DossierError, InputError, md_code, md_text, one_line
from ..site.check import checking_day
from . import gitread

KINDS = ("claims", "actors", "proposals", "sources")
NOUN = {"claims": "claim", "actors": "actor", "proposals": "proposal", "sources": "source"}


@dataclass
class Side:
    """One version of the dossier: its items by kind and id, and its model when it checks clean."""

    items: dict[str, dict[str, dict]] = field(default_factory=dict)
    dossier: Dossier | None = None


@dataclass(frozen=True)
class Change:
    kind: str
    ident: str
    what: str  # added, removed, changed, moved
    details: str


def load(root: Path) -> Side:
    side = Side({kind: {} for kind in KINDS})
    files = {rel: key for rel, key in data_files().items() if (root / rel).exists()}
    files.update(split_files(root)[0])
    for rel, key in files.items():
        try:
            doc, _ = load_yaml(root, rel, key)
        except InputError:
            continue
        items = doc.data.get(key) if doc is not None and isinstance(doc.data, dict) else None
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                side.items[key].setdefault(item["id"], item)
    try:
        side.dossier = check(root, today=checking_day()).dossier  # the day every check takes ($DOSSIER_TODAY)
    except DossierError:
        side.dossier = None
    return side


def compare(old: Side, new: Side) -> list[Change]:
    out: list[Change] = []
    for kind in KINDS:
        before, after = old.items.get(kind, {}), new.items.get(kind, {})
        for ident, item in after.items():
            if ident not in before:
                out.append(Change(kind, ident, "added", _describe(kind, item)))
            elif item != before[ident]:
                out.append(Change(kind, ident, "changed", _fields(kind, before[ident], item)))
        out += [Change(kind, i, "removed", _describe(kind, item)) for i, item in before.items() if i not in after]
    return out + moved(old.dossier, new.dossier)


def _describe(kind: str, item: dict) -> str:
    if kind == "claims":
        return f"actor {_code(item.get('actor'))}: {_plain(item.get('summary', ''))}"
    return _plain(item.get("name") or item.get("title") or "")


def _code(value: Any) -> str:
    """An id as a code span; the only backticks in a change's details are these (each output
    escapes the text between them for its channel)."""
    return "`" + _plain(value) + "`"


def _plain(value: Any) -> str:
    # White space runs as one space, then every control character shown escaped (`\x1b`).
    return one_line(" ".join(str(value).split())).replace("`", "'")


def _fields(kind: str, old: dict, new: dict) -> str:
    order = list(schema()["definitions"][NOUN[kind]]["properties"])
    changed = sorted({k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}, key=_position(order))
    parts = [", ".join(_code(k) for k in changed)]
    if "stances" in changed:
        parts += _stances(old.get("stances"), new.get("stances"))
    return "; ".join(parts)


def _position(order: list[str]):
    return lambda key: (order.index(key) if key in order else len(order), key)


def _stances(old: Any, new: Any) -> list[str]:
    old, new = (s if isinstance(s, dict) else {} for s in (old, new))
    out = []
    for proposal in [*old, *(p for p in new if p not in old)]:
        a, b = old.get(proposal), new.get(proposal)
        if a != b:
            out.append(f"stance on {_code(proposal)}: {_stance(a)} → {_stance(b)}")
    return out


def _stance(value: Any) -> str:
    """A stance as a reader says it: `opposes`, `conditional (if …; rests on e1, e2)`."""
    if not value:
        return "(none)"
    if not isinstance(value, dict):
        return _plain(value)
    notes = []
    if value.get("condition") is not None:
        notes.append(f"if {_plain(value['condition'])}")
    rests_on = value.get("rests_on")
    if rests_on:
        items = rests_on if isinstance(rests_on, list) else [rests_on]
        notes.append("rests on " + ", ".join(_plain(item) for item in items))
    if value.get("outlets_account"):
        notes.append("the outlet's account")
    head = _plain(value.get("stance", "(no stance)"))
    return f"{head} ({'; '.join(notes)})" if notes else head


def moved(old: Dossier | None, new: Dossier | None) -> list[Change]:
    """Evidence of the same claim, source and text whose passage now stands elsewhere."""
    if old is None or new is None:
        return []
    out = []
    for ident, claim in new.claims.items():
        before = old.claims.get(ident)
        for ev in claim.evidence:
            prev = before.evidence[ev.number - 1] if before and ev.number <= len(before.evidence) else None
            if prev is None or prev.source != ev.source or prev.passage.span == ev.passage.span:
                continue
            (a, b), (c, d) = prev.passage.span, ev.passage.span
            out.append(
                Change(
                    "passages",
                    ident,
                    "moved",
                    f"evidence {ev.number} in source {_code(ev.source)}: line {prev.passage.line} → {ev.passage.line} "
                    f"(characters {a}-{b} → {c}-{d})",
                )
            )
    return out


def changes(root: Path, base: str | None, fmt: str = "text") -> str:
    """The report, comparing the dossier at `root` (its working tree) with `base`."""
    _, prefix = gitread.repository(root)
    name, commit = gitread.resolve(root, base)
    tmp = Path(tempfile.mkdtemp(prefix="dossier-base-"))
    try:
        gitread.export(root, prefix, commit, tmp)
        old = load(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    new = load(root)
    found = compare(old, new)
    notes = [
        f"passages not compared: {what} does not pass `dossier check`"
        for what, side in (("the base", old), ("the working tree", new))
        if side.dossier is None
    ]
    where = (name if name.startswith("the ") else _code(name)) + f" ({commit[:12]})"
    return (markdown if fmt == "markdown" else text)(where, found, notes)


def _counts(found: list[Change], kind: str) -> str:
    words = [(w, sum(1 for c in found if c.kind == kind and c.what == w)) for w in ("added", "removed", "changed")]
    return ", ".join(f"{n} {w}" for w, n in words if n)


SIGN = {"added": "+", "removed": "-", "changed": "~", "moved": "→"}
TITLE = {"claims": "Claims", "actors": "Actors", "proposals": "Proposals", "sources": "Sources", "passages": "Moved"}


def text(where: str, found: list[Change], notes: list[str]) -> str:
    lines = [f"Dossier changes compared with {one_line(where).replace('`', '')}:"]
    if not found:
        lines.append("  no change to claims, actors, proposals, sources or quoted passages")
    for kind in (*KINDS, "passages"):
        mine = [c for c in found if c.kind == kind]
        if not mine:
            continue
        count = _counts(mine, kind) if kind != "passages" else f"{len(mine)} quoted passages moved"
        lines.append(f"{kind if kind != 'passages' else 'passages'}: {count}")
        lines += [f"  {SIGN[c.what]} {_plain(c.ident)}: {c.details.replace('`', '')}" for c in mine]
    lines += [f"note: {n}" for n in notes]
    return "\n".join(lines) + "\n"


def markdown(where: str, found: list[Change], notes: list[str]) -> str:
    """For a pull-request comment or $GITHUB_STEP_SUMMARY: one table per kind, every cell escaped."""
    lines = ["## Dossier changes", "", f"Compared with {md_text(where)}."]
    if not found:
        lines += ["", "No change to claims, actors, proposals, sources or quoted passages."]
    for kind in (*KINDS, "passages"):
        mine = [c for c in found if c.kind == kind]
        if not mine:
            continue
        noun = NOUN.get(kind, "claim").capitalize()
        lines += ["", f"### {TITLE[kind]} ({len(mine)})", "", f"| {noun} | Change | Details |", "| --- | --- | --- |"]
        lines += [f"| {md_code(c.ident)} | {c.what} | {md_text(c.details)} |" for c in mine]
    if notes:
        lines += ["", *(f"*{md_text(n)}*" for n in notes)]
    return "\n".join(lines) + "\n"
