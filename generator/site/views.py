"""Presentation: the words and groupings pages show. The vocabulary comes from the schema; what
each value is called on a page is decided here, in one place, and templates read it."""

from __future__ import annotations

from typing import Any

from ..data.model import Actor, Claim, Dating, Dossier, Proposal, date_range
from ..data.schema import vocabulary

STANCE_LABELS = {
    "supports": "supports",
    "conditional": "supports with conditions",
    "open": "open to",
    "skeptical": "skeptical of",
    "opposes": "opposes",
    "neutral": "neutral on",
}
KIND_LABELS = {"direct-quote": "Direct quote", "reported-speech": "Reported speech", "paraphrase": "Paraphrase"}
# relation -> (words from the proposal that declares it, words from the other side)
RELATION_WORDS = {
    "variant-of": ("A variant of", "Has a variant:"),
    "part-of": ("Part of", "Includes"),
    "alternative-to": ("An alternative to", "An alternative to"),
    "conflicts-with": ("Conflicts with", "Conflicts with"),
    "precondition-for": ("A precondition for", "Has as a precondition:"),
    "related-to": ("Related to", "Related to"),
}
GRID_ACTORS, GRID_PROPOSALS = 60, 30  # the most a grid shows: larger ones cannot be read anyway
UNDATED = "Date unknown"


def missing_labels() -> dict[str, set[str]]:
    """Schema values without a label here (a test keeps this empty)."""
    pairs: dict[str, dict[str, Any]] = {
        "stance": STANCE_LABELS,
        "evidence-kind": KIND_LABELS,
        "relation-kind": RELATION_WORDS,
    }
    return {
        name: set(vocabulary(name)) - set(labels)
        for name, labels in pairs.items()
        if set(vocabulary(name)) - set(labels)
    }


def date_display(dating: Dating) -> str:
    if not dating.date:
        return "date unknown"
    first, _ = date_range(dating.date)
    if dating.precision == "year":
        return str(first.year)
    if dating.precision == "month":
        return f"{first:%B} {first.year}"
    return f"{first.day} {first:%B} {first.year}"


def related(d: Dossier, proposal: str) -> list[tuple[str, Proposal]]:
    """Relations from and to a proposal, in words."""
    return [(RELATION_WORDS[relation][0 if forward else 1], other) for relation, forward, other in d.related(proposal)]


def grid(d: Dossier) -> tuple[tuple[Actor, ...], tuple[Proposal, ...]]:
    """The grid's rows and columns: every actor and proposal; in a large dossier, the ones with the
    most claims (in their usual order), so that the page does not grow as actors times proposals
    (1,000 × 333 cells, 17 MB, at 10,000 claims)."""
    return (
        _most_cited(d.actors, d.claims_by_actor, GRID_ACTORS),
        _most_cited(d.proposals, d.claims_by_proposal, GRID_PROPOSALS),
    )


def timeline(d: Dossier) -> list[tuple[str, list[Claim]]]:
    """Claims grouped by year, oldest first; undated ones last."""
    groups: dict[str, list[Claim]] = {}
    for claim in d.chronology:
        label = claim.said.date[:4] if claim.said.date else UNDATED
        groups.setdefault(label, []).append(claim)
    return list(groups.items())


def _most_cited(items: dict, claims: dict, limit: int) -> tuple:
    if len(items) <= limit:
        return tuple(items.values())
    keep = set(sorted(items, key=lambda ident: (-len(claims.get(ident, ())), ident))[:limit])
    return tuple(item for ident, item in items.items() if ident in keep)
