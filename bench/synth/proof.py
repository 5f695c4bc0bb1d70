"""The synthetic dossier's only use of the generator: its quote matcher (public names only).

Every evidence text is placed with the matcher `dossier check` uses, so the written dossier passes
the strict check and every `occurrence` or `prefix` it needs is one the check agrees with.
"""

from __future__ import annotations

from generator.data import quotemarks, quotes  # the one import of the generator in bench/synth

Stored = quotes.SourceText  # a source's text, normalized once


def stored(text: str) -> Stored:
    return quotes.SourceText.of(text)


def spans_of(source: Stored, sentence: str) -> list[tuple[int, int]]:
    """The original (start, end) of every occurrence of `sentence` in the source, as the check
    matches it (curly quotes, dashes, white space and ellipses normalized)."""
    needle, norm = quotes.normalize_needle(sentence), source.norm
    spans, at = [], norm.text.find(needle)
    while at != -1:
        spans.append((norm.to_original_start(at), norm.to_original_end(at + len(needle))))
        at = norm.text.find(needle, at + 1)
    return spans


def start_of(source: Stored, words: str, *, prefix: str | None = None, occurrence: int | None = None) -> int | None:
    """Where the check places `words` (an offset into the source's text), or None when it would
    not: the words occur more than once (and neither `prefix` nor `occurrence` tells them apart),
    or not at all."""
    found = quotes.find(source, words, prefix=prefix, occurrence=occurrence)
    return found.start if isinstance(found, quotes.Passage) else None


# What the matcher forgives, for the generated methodology page.
NORMALIZATIONS: tuple[str, ...] = quotes.NORMALIZATIONS


def quoted(text: str) -> tuple[tuple[int, int], ...]:
    """The regions of `text` inside quotation marks, as the check finds them."""
    return quotemarks.quoted_regions(text)


def inside_quotes(text: str, regions: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether the check accepts text[start:end] as a direct quote (all of it in quotation marks)."""
    return not quotemarks.outside_parts(regions, start, end, text)
