"""Documented limits on what one file may ask of the checker, so the work stays bounded whatever
a pull request holds. The sizes of files (YAML, sources, pages) are limited where they are read
(files.read_input); nesting before libyaml parses (load.MAX_SCANNED_DEPTH); the rest is here."""

from __future__ import annotations

from ..errors import ERROR, Problem
from .load import Document, locate

MAX_EVIDENCE_TEXT = 10_000  # characters: a quote is a passage, not the whole article
MAX_EVIDENCE = 20  # evidence items per claim: the same words in a few sources, or a translation
MAX_STANCES = 20  # proposals one statement takes a stance on
# Each stance is shown with the evidence it rests on, on the claim's card, and the card on every
# page that lists the claim: the product bounds a page's size (20 × 20 made one page 180 MB).
MAX_STANCE_EVIDENCE = 60


def limit_problems(doc: Document, key: str) -> list[Problem]:
    """Claims over the limits: each at the place the curator trims."""
    items = doc.data.get(key) if key == "claims" and isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    problems = []

    def add(where: tuple, message: str) -> None:
        line, col = locate(doc.data, where)
        problems.append(Problem(doc.path, line, col, ERROR, message))

    for i, claim in enumerate(items):
        if not isinstance(claim, dict):
            continue
        stances, evidence = claim.get("stances"), claim.get("evidence")
        if isinstance(stances, dict) and len(stances) > MAX_STANCES:
            add((key, i, "stances"), f"{len(stances)} stances, over the limit of {MAX_STANCES}: split the claim")
        if not isinstance(evidence, list):
            continue
        count = len(stances) if isinstance(stances, dict) else 0
        if count * len(evidence) > MAX_STANCE_EVIDENCE and count <= MAX_STANCES and len(evidence) <= MAX_EVIDENCE:
            add(
                (key, i, "stances"),
                f"{count} stances × {len(evidence)} evidence items, over the limit of {MAX_STANCE_EVIDENCE} "
                "(each stance is shown with its evidence): split the claim",
            )
        if len(evidence) > MAX_EVIDENCE:
            add(
                (key, i, "evidence"),
                f"{len(evidence)} evidence items, over the limit of {MAX_EVIDENCE}: keep the passages that show the "
                "statement best",
            )
        for j, ev in enumerate(evidence):
            text = ev.get("text") if isinstance(ev, dict) else None
            if isinstance(text, str) and len(text) > MAX_EVIDENCE_TEXT:
                add(
                    (key, i, "evidence", j, "text"),
                    f"evidence text is {len(text):,} characters, over the {MAX_EVIDENCE_TEXT:,} limit: quote the "
                    "passage that shows the statement, not the whole source",
                )
    return problems
