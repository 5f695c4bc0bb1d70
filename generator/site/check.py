"""`dossier check`: everything `build` enforces before it writes anything, the data
(data/check.py) and the site's own rules (two outputs on one path, what hand-written pages may
hold); and the day it takes as today."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from ..data.check import Checked, gc_paused
from ..data.check import check as check_data
from ..data.model import Dossier
from ..errors import Problem, UsageError, one_line, sort_problems
from . import pages as hand_written
from .navcheck import nav_problems
from .plan import SitePlan

TODAY_VARIABLE = "DOSSIER_TODAY"


def checking_day() -> dt.date:
    """The day the checks take as today: $DOSSIER_TODAY (YYYY-MM-DD) when set (the tests pin it;
    a curator may rebuild an old state as of its day), else the machine's date."""
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{TODAY_VARIABLE}={one_line(value)} is not a date: write it as YYYY-MM-DD, or unset it"
        ) from None


@gc_paused
def check(
    root: Path,
    today: dt.date | None = None,
    directory_urls: bool = False,
    outline: bool = False,
    leaving: list | None = None,
) -> Checked:
    """Everything `build` enforces before it writes anything: the data, and the site's own rules
    (two outputs on one path, what hand-written pages may hold). With `outline` (`dossier
    check`), no model: two outputs on one path are found on its outline (`assemble.outline`: the
    same pages on the same paths), beside the data's checks; `leaving` as data/check.py's."""
    day = today or checking_day()

    def placed(outlined: Dossier, pages: Mapping[str, str]) -> list[Problem]:
        return SitePlan(outlined, directory_urls).collisions(pages)

    checked = check_data(root, day, placed if outline else None, leaving)
    found = [p for rel, text in checked.pages.items() for p in hand_written.page_problems(text, rel)]
    if checked.dossier is not None:
        found += SitePlan(checked.dossier, directory_urls).collisions(checked.pages)
    # A page refused already (a taken name, one differing only in case...) needs no nav entry; the
    # data's check gives the collisions found on the outline, about pages it read.
    refused = [*found, *(p for p in checked.problems if p.path in checked.pages)]
    named = {p.path.casefold() for p in refused}
    found += nav_problems(root, {rel: text for rel, text in checked.pages.items() if rel.casefold() not in named})
    if not found:
        return checked
    return Checked(None, checked.pages, sort_problems(checked.problems + found))
