"""Dates as EDTF (ISO 8601-2) intervals: the first and last day a written date can mean.

Accepted: EDTF level 0 and the level 1 forms a curator needs, nothing more:

| written                 | lower                 | upper                  | kind          |
|-------------------------|-----------------------|------------------------|---------------|
| `2024-10-18`            | 2024-10-18            | 2024-10-18             | day           |
| `2024-10`               | 2024-10-01            | 2024-10-31             | month         |
| `2024`                  | 2024-01-01            | 2024-12-31             | year          |
| `2022-21` (22, 23)      | 2022-03-01 (06, 09)   | 2022-05-31 (08, 11)    | season        |
| `2022-03-14/2022-03-17` | start's lower         | end's upper            | interval      |
| `2022-09/..`            | 2022-09-01            | `date.max` (open)      | open-end      |
| `../2022-09`            | `date.min` (open)     | 2022-09-30             | open-start    |
| `2022-09/`              | 2022-09-01            | `date.max` (unknown)   | unknown-end   |
| `/2022-09`              | `date.min` (unknown)  | 2022-09-30             | unknown-start |
| `2024?` `2022-03~` `%`  | as without the mark   | as without the mark    | as without    |

Open (`..`) and unknown (empty) ends both bound nothing: EDTF says `2022-09/..` runs on with no
end and `2022-09/` has an end nobody knows. Either way no day after the start can be ruled out,
so both map to `date.max` (`date.min` for a start); `kind` keeps them apart for the wording.

Refused, each with its own message: winter (`-24`, which straddles two years), a qualified
season, times of day, unspecified digits (`201X`), and everything else of level 2.

Syntax is checked here, strictly, not by `edtf.parse_edtf`: that parser takes 5-9 ms a string
(10,000 claims would spend a minute in it), accepts `2019-02-29` and surrounding whitespace,
prints to stdout and raises TypeError on `../`. A season's day bounds come from the edtf library's
own class (`Season`, imported when first needed: the library takes longer to import than a cached
check takes to run); a day, month or year is its own calendar span. A test checks every accepted
string against `parse_edtf`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Kind = Literal["day", "month", "year", "season", "interval", "open-start", "open-end", "unknown-start", "unknown-end"]

HINT = "write YYYY, YYYY-MM, YYYY-MM-DD or an interval START/END (e.g. 2022-03-14/2022-03-17)"
UNKNOWN_HINT = "write a date, or leave out date and set basis: unknown"
QUALIFIERS = "?~%"
SEASONS = {21: "spring", 22: "summer", 23: "autumn"}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not calendar.month_name, which follows the locale
_SHOWN = 60  # characters of a bad value quoted in a message; the rest is elided


class DateError(ValueError):
    """A date a curator must fix: `message` is one line; `column` is 1-based within the written text."""

    def __init__(self, message: str, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Interval:
    """Every day a written date can mean: `lower` to `upper`, both included."""

    text: str
    lower: dt.date
    upper: dt.date
    uncertain: bool  # `?` or `%` on an end: the source may be wrong
    approximate: bool  # `~` or `%` on an end: the source says "about"
    kind: Kind

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.lower, self.upper)

    def certainly_before(self, other: Interval) -> bool:
        """True when every day this can mean comes before every day `other` can mean."""
        return self.upper < other.lower

    def endpoints(self) -> tuple[Interval | None, Interval | None]:
        """The start and end as dates of their own, for wording an interval (None: open or unknown)."""
        if "/" not in self.text:
            return self, self
        start, end = self.text.split("/")
        return (None if start in ("", "..") else parse(start)), (None if end in ("", "..") else parse(end))


def is_future(interval: Interval, today: dt.date) -> bool:
    """True when even the earliest day the date can mean is after `today`."""
    return interval.lower > today


def parse(value: str | dt.date) -> Interval:
    """The interval a written date means. Raises DateError, and nothing else, for anything else."""
    if isinstance(value, dt.date):  # YAML reads unquoted 2024-10-18 as a date; a datetime keeps its time
        value = value.isoformat()
    elif not isinstance(value, str):
        raise _not_text(value)
    return _parse_text(value)


@dataclass(frozen=True)
class _Point:
    """One written date: an end of an interval, or the whole of a single date."""

    text: str
    year: int
    month: int | None
    day: int | None
    qualifier: str

    @property
    def kind(self) -> Kind:
        if self.day is not None:
            return "day"
        if self.month is None:
            return "year"
        return "season" if self.month in SEASONS else "month"

    def bounds(self) -> tuple[dt.date, dt.date]:
        # Strict bounds: the days the text itself names. The library's fuzzy bounds widen `?` and `~`
        # by fixed margins (a year, a month) that no source states; stretching them would make
        # `latest` refuse orderings the dossier does know, so a qualifier is shown, not computed.
        if self.day is not None:
            day = dt.date(self.year, self.month or 1, self.day)
            return day, day
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.month not in SEASONS:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        import edtf

        obj = edtf.Season(f"{self.year:04d}", f"{self.month:02d}")
        return _day(obj.lower_strict()), _day(obj.upper_strict())


def _day(t) -> dt.date:
    return dt.date(t.tm_year, t.tm_mon, t.tm_mday)


@lru_cache(maxsize=8192)  # a dossier repeats its dates; the result is immutable
def _parse_text(text: str) -> Interval:
    if text == "":
        raise _error(text, "it is empty", UNKNOWN_HINT)
    parts = text.split("/")
    if len(parts) > 2:
        second = text.index("/", text.index("/") + 1)
        raise _error(
            text, 'it has more than one "/"', "an interval is START/END (e.g. 2022-03-14/2022-03-17)", second + 1
        )
    if len(parts) == 2:
        return _interval(text, parts[0], parts[1])
    if text == "..":
        raise _error(text, '".." only marks an open end of an interval', "write e.g. 2022-09/.. or ../2022-09")
    point = _point(text, text, 0)
    lower, upper = point.bounds()
    return Interval(text, lower, upper, point.qualifier in ("?", "%"), point.qualifier in ("~", "%"), point.kind)


def _interval(text: str, start: str, end: str) -> Interval:
    if start in ("", "..") and end in ("", ".."):
        raise _error(text, "it has neither a start nor an end", UNKNOWN_HINT)
    first = None if start in ("", "..") else _point(text, start, 0)
    last = None if end in ("", "..") else _point(text, end, len(start) + 1)
    lower = dt.date.min if first is None else first.bounds()[0]
    upper = dt.date.max if last is None else last.bounds()[1]
    if lower > upper:
        raise _error(text, f"it starts ({start}) after it ends ({end})", "write the earlier date first", len(start) + 2)
    if first is None:
        kind: Kind = "open-start" if start == ".." else "unknown-start"
    elif last is None:
        kind = "open-end" if end == ".." else "unknown-end"
    else:
        kind = "interval"
    marks = "".join(p.qualifier for p in (first, last) if p is not None)
    return Interval(text, lower, upper, "?" in marks or "%" in marks, "~" in marks or "%" in marks, kind)


def _point(text: str, part: str, offset: int) -> _Point:
    """Read `YYYY[-MM[-DD]][?~%]` (MM may be a season, 21-23); `offset` is where `part` starts in `text`."""
    fields: list[int] = []
    pos = 0
    for name, width, example in (("year", 4, "2024"), ("month", 2, "03 for March"), ("day", 2, "05")):
        if name != "year":
            if pos == len(part) or part[pos] in QUALIFIERS:
                break
            if part[pos] != "-":
                raise _unexpected(text, part, offset, pos)
            pos += 1
        digits = _digits(part, pos)
        if pos + len(digits) < len(part) and part[pos + len(digits)] == "X":  # 201X: say so, not "4 digits"
            raise _unexpected(text, part, offset, pos + len(digits))
        if not digits:
            if pos == len(part):
                raise _error(text, f'the {name} is missing after "-"', HINT, offset + pos + 1)
            raise _unexpected(text, part, offset, pos)
        if len(digits) != width:
            raise _error(text, f"the {name} must have {width} digits (e.g. {example})", HINT, offset + pos + 1)
        fields.append(int(digits))
        pos += width
    qualifier = part[pos] if pos < len(part) and part[pos] in QUALIFIERS else ""
    pos += len(qualifier)
    if pos < len(part):
        if qualifier:
            raise _error(
                text,
                f'"{qualifier}" can only end a date',
                f"qualify the whole date, e.g. 2022-03{qualifier}",
                offset + pos,
            )
        raise _unexpected(text, part, offset, pos)
    month = fields[1] if len(fields) > 1 else None
    day = fields[2] if len(fields) > 2 else None
    point = _Point(part, fields[0], month, day, qualifier)
    _check_calendar(text, point, offset)
    return point


def _check_calendar(text: str, point: _Point, offset: int) -> None:
    """Refuse a well-formed date that names no day. Columns: year at +1, month at +6, day at +9."""
    year, month, day, written = point.year, point.month, point.day, point.text
    if year == 0:
        raise _error(text, "year 0000 is not in the calendar", "years start at 0001", offset + 1)
    if month is None:
        return
    if day is None and month == 24:
        raise _error(
            text,
            "winter (24) spans two years, so its months are unclear",
            f"write them as an interval, e.g. {year:04d}-12/{year + 1:04d}-02",
            offset + 6,
        )
    if day is None and month in SEASONS:
        if point.qualifier:
            raise _error(
                text,
                f'a season cannot carry "{point.qualifier}"',
                f"qualify months instead, e.g. {year:04d}-03{point.qualifier}/{year:04d}-05{point.qualifier}",
                offset + 8,
            )
        return
    if not 1 <= month <= 12:
        raise _error(text, f"month {written[5:7]} does not exist", HINT, offset + 6)
    days = calendar.monthrange(year, month)[1]
    if day is not None and not 1 <= day <= days:
        raise _error(
            text,
            f"{MONTHS[month - 1]} {year:04d} has no day {written[8:10]} (it has {days})",
            "check the day",
            offset + 9,
        )


def _digits(part: str, pos: int) -> str:
    end = pos
    while end < len(part) and part[end] in "0123456789":  # not str.isdigit: that takes ٢ and ²
        end += 1
    return part[pos:end]


def _unexpected(text: str, part: str, offset: int, pos: int) -> DateError:
    """The error for a character the grammar has no place for, naming the likeliest intent."""
    char, column = part[pos], offset + pos + 1
    if pos == 10 and (char == "T" or (char == " " and part[11:12].isdigit())):  # 2024-10-18T10:00, YAML's 10:00
        return _error(text, "it has a time of day", f"write the day alone ({part[:10]})", column)
    if char.isspace():
        return _error(text, f"unexpected whitespace at column {column}", "remove it", column)
    if char == "X":
        return _error(
            text,
            "unspecified digits (X) are not accepted",
            "write the range as an interval (e.g. 2010/2019 for 201X)",
            column,
        )
    if char in "[]{}":
        return _error(
            text,
            "sets of dates ([...] or {...}) are not accepted",
            "write an interval START/END (e.g. 2022-03-14/2022-03-17)",
            column,
        )
    return _error(text, f"unexpected {_quote(char)} at column {column}", HINT, column)


def _not_text(value: object) -> DateError:
    if isinstance(value, int) and not isinstance(value, bool):
        return DateError(f'{value} is not a valid EDTF date: YAML read it as a number; put it in quotes ("{value}")')
    return _error(str(value), f"it is {type(value).__name__}, not text", HINT)


def _error(text: str, problem: str, remedy: str, column: int = 1) -> DateError:
    return DateError(f"{_quote(text)} is not a valid EDTF date: {problem}; {remedy}", column)


def _quote(text: str) -> str:
    """The text in double quotes on one line: control and line-breaking characters escaped, long text cut."""
    shown = text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
    out = []
    for char in shown:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() or char == " ":
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'
