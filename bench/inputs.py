"""Large and hostile inputs, shared by the unit tests (which check the result on them) and by
bench.py's `inputs` section (which times them): a billion-laughs YAML file and a two-megabyte
source with a changed word in one sentence."""

from __future__ import annotations

import itertools
import random

# A billion laughs: nine levels of nine aliases, 9**9 (387 million) strings if anything expanded them.
_LEVELS = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'] + [
    f"  {name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]" for prev, name in itertools.pairwise("abcdefghij")
]


def billion_laughs_proposals(modeline: str) -> str:
    """A content/proposals.yaml whose one proposal's `notes` is a billion laughs."""
    return (
        modeline + "proposals:\n  - id: border-deal\n    title: A border deal\n    summary: Settle it.\n"
        "    notes:\n" + "\n".join("    " + line for line in _LEVELS) + "\n"
    )


WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey",
    "xray",
    "yankee",
    "zulu",
]
TARGET = "The ambassador insisted that the ceasefire would hold through the winter months."
# TARGET with one word changed: not in the source, its nearest passage is TARGET.
CHANGED = TARGET.replace("ceasefire", "truce")


def two_megabyte_source(seed: int = 20261123) -> str:
    """Two megabytes of random twelve-word lines, with TARGET on a line of its own near the end."""
    rng = random.Random(seed)
    lines, size = [], 0
    while size < 2_000_000:
        lines.append(" ".join(rng.choices(WORDS, k=12)) + ".\n")
        size += len(lines[-1])
    lines.insert(len(lines) - 3, TARGET + "\n")
    return "".join(lines)
