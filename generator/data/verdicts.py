"""A claims file's verdict: what its claims' own checks found (each problem where it stands) and
where their quotes stand in their sources, kept in the check's cache (data/cache.py) so that a
check after a one-claim edit checks that file's claims only.

The checks of one claim read the claim and, beyond it: which ids each list holds (an unknown
actor, proposal, source or claim), the sources' records (their dates, files and hashes, which key
the proofs), which texts were read and where their headlines stand, the day the check takes as
today and the dossier's publication date. `context` is a digest of all of that (the other data
files by their bytes, the claim ids, the texts read, the headlines, the two dates), made once per
check; a verdict is stored under the file's document key (its very bytes) and that digest, so an
edit anywhere else those checks look is a miss for every file, never a stale answer.

An entry is plain JSON, refused whole (`from_entry` returns None) for any fault of shape or type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ERROR, WARNING, Problem
from .cache import digest
from .proofs import canonical, passage_of
from .quotes import Passage

# Each quote's passage, by its claim's index in the file and its evidence's index in the claim.
Passages = dict[tuple[int, int], Passage]


def context(
    today: dt.date,
    published: str | None,
    files: dict[str, str],
    claims: list[str],
    read: set[str],
    headlines: dict[str, tuple[int, int] | None],
) -> str:
    """A digest of everything a claim's own checks read besides the claim: `files`, every data
    file but the claims files, by its document key (its very bytes: the actors', proposals' and
    sources' ids and records); `claims`, every claim id (a `see_also` names one)."""
    spans = {ident: list(span) if span else None for ident, span in sorted(headlines.items())}
    return digest(
        "verdict",
        today.isoformat(),
        published or "",
        canonical(sorted(files.items())),
        canonical(sorted(claims)),
        canonical(sorted(read)),
        canonical(spans),
    )


def key(document_key: str, context_digest: str) -> str:
    return digest("verdict of", document_key, context_digest)


def to_entry(problems: list[Problem], passages: Passages) -> dict:
    return {
        "problems": [[p.line, p.col, p.severity, p.message] for p in problems],
        "passages": [
            [i, e, p.start, p.end, p.line, p.exact, p.prefix, p.suffix, [list(x) for x in p.parts]]
            for (i, e), p in passages.items()
        ],
    }


def from_entry(rel: str, entry: Any, passages: bool = True) -> tuple[list[Problem], Passages] | None:
    """The problems (in `rel`) and passages of a stored verdict, or None when it is not one.
    `passages=False` (a check that makes no model, whose result they are not part of): the
    problems only, and no passage read (a third of a warm 10,000-claim check's verdicts)."""
    try:
        problems = [_problem(rel, *p) for p in entry["problems"]]
        if not passages:
            return problems, {}
        found = {(i, e): _passage(*rest) for i, e, *rest in entry["passages"] if _whole(i, e)}
        if len(found) != len(entry["passages"]):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return problems, found


def _problem(rel: str, line: Any, col: Any, severity: Any, message: Any) -> Problem:
    if not (_whole(line, col) and severity in (ERROR, WARNING) and type(message) is str):
        raise ValueError("not a problem")
    return Problem(rel, line, col, severity, message)


def _passage(*values: Any) -> Passage:
    passage = passage_of(*values)
    if passage is None:
        raise ValueError("not a passage")
    return passage


def _whole(*values: Any) -> bool:
    return all(type(v) is int and v >= 0 for v in values)
