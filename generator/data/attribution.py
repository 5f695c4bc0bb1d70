"""Attribution checks: whose words a passage is, and what each stance rests on.

The letters of a quote are proven by `quotes`; here the gate proves what can be proven about
attribution: a direct quote lies inside quotation marks in its source and is not its headline;
a stance names evidence of its own claim; a conditional stance names its condition; a stance
that rests only on the outlet's account (framing, paraphrase) is either acknowledged as such or
reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import ERROR, WARNING
from . import quotemarks
from .quotes import Passage
from .schema import vocabulary

Finding = tuple[tuple, str, str]  # (path inside the claim, message, severity)


def headline_span(text: str, title: str) -> tuple[int, int] | None:
    """Where the source's headline stands: the first of its first five non-empty lines that is
    its recorded title (a text may open with a date line), else its first non-empty line."""
    wanted = " ".join(title.split()).casefold()
    lines, first, offset = 0, None, 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines += 1
            span = (offset, offset + len(line.rstrip("\r\n")))
            first = first or span
            if " ".join(line.split()).casefold() == wanted:
                return span
            if lines == 5:
                break
        offset += len(line)
    return first


def direct_quote_problem(text: str, passage: Passage, regions, headline: tuple[int, int] | None) -> str | None:
    if headline and any(start < headline[1] and end > headline[0] for start, end in passage.parts):
        line = text.count("\n", 0, headline[0]) + 1
        return (
            f"a headline is never a direct quote: this passage is the source's headline (line {line}); "
            "use kind `framing`"
        )
    return quotemarks.direct_quote_problem(text, passage.parts, regions)


def stance_findings(claim: dict[str, Any], speakers_kinds: frozenset[str]) -> Iterator[Finding]:
    """Problems of a claim's stances; `claim` has passed the schema as far as its shape goes."""
    # Any shape the schema refuses (an alias the loader refused reads as None) is skipped here.
    listed = claim.get("evidence")
    evidence = [ev for ev in listed if isinstance(ev, dict)] if isinstance(listed, list) else []
    ids = {ev["id"]: ev for ev in evidence if isinstance(ev.get("id"), str)}
    stances = claim.get("stances")
    for proposal, value in stances.items() if isinstance(stances, dict) else ():
        where = ("stances", proposal)
        if value == "conditional":
            yield (
                where,
                (
                    "a `conditional` stance needs its condition: write "
                    f"`{proposal}: {{stance: conditional, condition: ...}}`"
                ),
                ERROR,
            )
            continue
        detail = value if isinstance(value, dict) else {"stance": value}
        named = detail.get("rests_on") if isinstance(detail.get("rests_on"), list) else None
        for n, ident in enumerate(named or ()):
            if isinstance(ident, str) and ident not in ids:
                yield (
                    (*where, "rests_on", n),
                    (f"`rests_on` names `{ident}`, which is not the id of an evidence item of this claim"),
                    ERROR,
                )
        basis = [ids[i] for i in named if isinstance(i, str) and i in ids] if named else evidence
        own = any(ev.get("kind") in speakers_kinds for ev in basis)
        known = all(ev.get("kind") in vocabulary("evidence-kind") for ev in basis)  # else the schema reports it
        yield from _outlet_findings(where, detail, own, bool(basis) and known)


def _outlet_findings(where: tuple, detail: dict, own: bool, has_basis: bool) -> Iterator[Finding]:
    acknowledged = detail.get("outlets_account") is True
    if acknowledged and own:
        yield (
            (*where, "outlets_account"),
            (
                "`outlets_account: true` but this stance rests on the speaker's own words (a direct quote or "
                "reported speech): remove the line"
            ),
            ERROR,
        )
    elif has_basis and not own and not acknowledged:
        yield (
            where,
            (
                "this stance rests only on the outlet's account (framing or paraphrase), not on the speaker's words: "
                "cite their words, or mark it with `outlets_account: true` so the site says so"
            ),
            WARNING,
        )
