"""Attribution checks: whose words a passage is, and what each stance rests on.

The letters of a quote are proven by `quotes`; here the gate proves what can be proven about
attribution: a direct quote lies inside quotation marks in its source and is not its headline
(found by the recorded title), and an ellipsis in it cuts only an attribution (`elision`); a
stance names evidence of its own claim; a conditional stance names its condition; no stance
rests on a headline alone (a headline is the outlet's, whatever kind it is recorded as); a
stance that rests only on the outlet's account (framing, paraphrase) is either acknowledged as
such or reported. A lead recorded as framing is the outlet's account, not a headline: nothing
in a text tells a lead from the body reliably. Reported speech needs no acknowledgement: its
basis (`reported`) is derived and shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..errors import ERROR, WARNING
from . import quotemarks
from .quotes import Passage

Finding = tuple[tuple, str, str]  # (path inside the claim, message, severity)


HEADLINE_LINES = 8  # the non-empty lines searched for the recorded title: datelines, outlet lines come first


def headline_span(text: str, title: str) -> tuple[tuple[int, int] | None, bool]:
    """Where the source's headline stands, and whether it was found by its recorded title: the
    first of its first HEADLINE_LINES non-empty lines that reads as the title (letters and
    digits compared, case aside; an outlet's name may follow it on the line), else its first
    non-empty line when more text follows it (a text of one line is all body: no headline)."""
    wanted = _letters(title)
    longest = 2 * len(title) + 100  # a longer line is body text, whatever it begins with
    seen = 0
    offset = 0
    while offset <= len(text):  # line by line from the top: a source may be megabytes
        found = _LINE_BREAK.search(text, offset)
        end = found.start() if found else len(text)
        if not text[offset:end].isspace() and end > offset:
            seen += 1
            if wanted and end - offset <= longest and _reads_as(_letters(text[offset:end]), wanted):
                return (offset, end), True
            if seen == HEADLINE_LINES:
                break
        if not found:
            break
        offset = end + (2 if text.startswith("\r\n", end) else 1)
    return (quotemarks.first_line(text) if seen > 1 else None), False


_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # a plain class: no backtracking


def title_not_found(line: int) -> str:
    return (
        f"the recorded title is not among the text's first {HEADLINE_LINES} non-empty lines, so the check takes "
        f"line {line} for the headline (never a direct quote, never a stance's only ground): record the title as "
        "the text has it"
    )


def _letters(text: str) -> str:
    # \W is every character but str.isalnum()'s and the underscore (the `re` documentation).
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFC", text).casefold())


_NOT_ALNUM = re.compile(r"[\W_]+")


def _reads_as(line: str, title: str) -> bool:
    """The same letters, or one begins with the other and holds most of it (`Title | Outlet`)."""
    if line == title:
        return True
    shorter, longer = sorted((line, title), key=len)
    return bool(shorter) and longer.startswith(shorter) and len(shorter) * 5 >= len(longer) * 3


def direct_quote_problem(text: str, passage: Passage, regions, headline: tuple[int, int] | None) -> str | None:
    return quotemarks.direct_quote_problem(text, passage.parts, regions, headline)


def stance_findings(
    claim: dict[str, Any], bases: dict[str, str], on_headline: dict[int, str] | None = None
) -> Iterator[Finding]:
    """Problems of a claim's stances; `claim` has passed the schema as far as its shape goes.
    `bases` is the basis each evidence kind gives; `on_headline` maps the index of each evidence
    item whose passage stands on its source's headline to where (`line N of source `x``)."""
    on_headline = on_headline or {}
    # Any shape the schema refuses (an alias the loader refused reads as None) is skipped here.
    listed = claim.get("evidence")
    evidence = [(e, ev) for e, ev in enumerate(listed) if isinstance(ev, dict)] if isinstance(listed, list) else []
    ids = {ev["id"]: (e, ev) for e, ev in evidence if isinstance(ev.get("id"), str)}
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
            if isinstance(ident, str) and ident not in ids:  # not text: the schema says so
                yield (
                    (*where, "rests_on", n),
                    (f"`rests_on` names `{ident}`, which is not the id of an evidence item of this claim"),
                    ERROR,
                )
        basis = [ids[i] for i in named if isinstance(i, str) and i in ids] if named else evidence
        if not basis or not all(isinstance(ev.get("kind"), str) and ev["kind"] in bases for _, ev in basis):
            continue  # the schema reports an unknown kind
        headlines = [on_headline[e] for e, _ in basis if e in on_headline]
        if len(headlines) == len(basis):
            yield (where, HEADLINE_ONLY.format(where=headlines[0]), ERROR)
            continue
        given = {"outlets-account" if e in on_headline else bases[ev["kind"]] for e, ev in basis}
        yield from _outlet_findings(where, detail, given)


HEADLINE_ONLY = (
    "this stance rests only on a headline ({where}): a headline is the outlet's, never the speaker's; rest the "
    "stance on the body's words (`rests_on` an item of the body), or remove the stance and keep the headline as "
    "`framing` evidence"
)
HEADLINE_KIND = (
    "this passage is the source's headline (line {line}), which is the outlet's framing whatever it reports: "
    "use kind `framing`"
)


_REPORTED = "reported speech (the speaker's words as the outlet reports them)"


def _outlet_findings(where: tuple, detail: dict, given: set[str]) -> Iterator[Finding]:
    acknowledged = detail.get("outlets_account") is True
    if acknowledged and given & {"quoted", "reported"}:
        words = "a direct quote of the speaker" if "quoted" in given else _REPORTED
        message = f"`outlets_account: true` but this stance rests on {words}: remove the line"
        yield ((*where, "outlets_account"), message, ERROR)
    elif given == {"outlets-account"} and not acknowledged:
        yield (
            where,
            (
                "this stance rests only on the outlet's account (framing or paraphrase), not on the speaker's words: "
                "cite their words, or mark it with `outlets_account: true` so the site says so"
            ),
            WARNING,
        )
