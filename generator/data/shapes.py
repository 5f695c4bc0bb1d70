"""YAML values whose shape the schema may have refused, read as the shape a check expects or
as nothing: every problem of shape is the schema's to report, once."""

from __future__ import annotations

from . import dates


def str_or_none(value):
    return value if isinstance(value, str) else None


def list_or_empty(value) -> list:
    return value if isinstance(value, list) else []


def dict_or_empty(value) -> dict:
    return value if isinstance(value, dict) else {}


def evidence_items(claim: dict) -> list[dict]:
    return [ev for ev in list_or_empty(claim.get("evidence")) if isinstance(ev, dict)]


def interval_or_none(value) -> dates.Interval | None:
    try:
        return dates.parse(value) if value is not None else None
    except dates.DateError:
        return None  # reported where the date stands
