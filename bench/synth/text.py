"""The made-up prose of the synthetic dossier: random choices, dates and sentences with quoted
speech, all drawn from one `random.Random`, so a seed always gives the same text."""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .words import (
    ADJECTIVES,
    ADVERBS,
    BELIEFS,
    CITIES,
    CITIES_CYR,
    COUNTRIES,
    MODALS,
    NOUNS,
    REGIONS,
    SAID,
    SUBJECTS,
    TAILS,
    UK_WORDS,
    VERBS,
    WEEKDAYS,
)

FIRST_DAY, LAST_DAY = dt.date(2014, 1, 1), dt.date(2024, 12, 31)  # every date lies in the past
T = TypeVar("T")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slug(text: str) -> str:
    """An id made of a name: ASCII letters, digits and hyphens (what the schema allows)."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("’", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def clip(ident: str, limit: int) -> str:
    """An id cut to at most `limit` characters at a hyphen."""
    if len(ident) <= limit:
        return ident
    cut = ident[: limit + 1].rsplit("-", 1)[0]
    return cut if cut else ident[:limit]


@dataclass
class Speaker:
    """An actor as the prose needs it: the YAML record (a plain dict, written as is) and how a
    text names the actor after the first mention, in Latin and, if it has one, Cyrillic script."""

    record: dict
    short: str
    cyrillic: str | None = None
    cited_in: list[str] = field(default_factory=list)  # ids of the sources that quote the actor


class Prose:
    """Random choices and sentences. Every draw goes through `self.rng`, in program order, which is
    what makes a seed reproduce its files byte for byte."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.speakers: list[Speaker] = []

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day(self, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def fill(self, template: str) -> str:
        return template.format(
            year=self.rng.randrange(2015, 2025),
            n=self.rng.randrange(2, 25),
            adj=self.pick(ADJECTIVES),
            country=self.pick(COUNTRIES),
            country2=self.pick(COUNTRIES),
            city=self.pick(CITIES),
            region=self.pick(REGIONS),
            noun=self.pick(NOUNS),
        )

    def zipf(self, count: int, exponent: float = 0.6) -> list[float]:
        """Cumulative weights of a Zipf-like popularity, shuffled: a few actors (or proposals)
        are cited often and most rarely, as in a real dossier."""
        weights = [1 / (rank + 1) ** exponent for rank in range(count)]
        self.rng.shuffle(weights)
        total, out = 0.0, []
        for w in weights:
            total += w
            out.append(total)
        return out

    def weighted(self, cumulative: list[float]) -> int:
        return min(bisect.bisect_left(cumulative, self.rng.random() * cumulative[-1]), len(cumulative) - 1)

    # -- English ---------------------------------------------------------------------------------

    def noun_phrase(self) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return f"the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
        if form == 1:
            return f"the {self.pick(NOUNS)} in {self.pick(REGIONS + CITIES)}"
        if form == 2:
            adj = self.pick(ADJECTIVES)
            article = "an" if adj[0] in "aeiou" else "a"
            return f"{article} {adj} {self.pick(NOUNS)} with {self.pick(COUNTRIES)}"
        return f"any {self.pick(NOUNS)} on {self.pick(NOUNS)}"

    def clause(self) -> str:
        subject, modal, verb = self.pick(SUBJECTS), self.pick(MODALS), self.pick(VERBS)
        return f"{subject} {modal} {verb} {self.noun_phrase()}{self.fill(self.pick(TAILS))}"

    def spoken(self) -> str:
        """Words in the speaker's own voice (no double quotation marks inside)."""
        form = self.rng.randrange(7)
        if form == 0:
            words = f"We {self.pick(MODALS)} {self.pick(VERBS)} {self.noun_phrase()}{self.fill(self.pick(TAILS))}."
        elif form == 1:
            words = f"{self.pick(BELIEFS)} {self.clause()}."
        elif form == 2:
            words = (
                f"This is {self.pick(ADJECTIVES)} for {self.pick(COUNTRIES)}, "
                f"and it’s {self.pick(ADJECTIVES)} for all of us."
            )
        elif form == 3:
            modal, verb = self.pick(["will", "can", "should"]), self.pick(VERBS)
            words = f"Nobody {modal} {verb} {self.noun_phrase()} — not in {self.rng.randrange(2015, 2030)}, not ever."
        elif form == 4:
            words = f"We don’t {self.pick(VERBS)} {self.noun_phrase()}; we {self.pick(VERBS)} {self.noun_phrase()}…"
        elif form == 5:
            words = f"{cap(self.clause())}. {self.pick(BELIEFS)} {self.clause()}."
        else:
            words = f"Our partners know that {self.clause()}, and {self.clause()}."
        return cap(words)

    def english_sentence(self, speakers: list[int], quotes_out: list[int]) -> str:
        """A sentence of an English source; a quoted speaker is appended to `quotes_out`, in text order."""
        who = self.pick(speakers)
        short = self.speakers[who].short
        form = self.rng.randrange(12)
        if form <= 2:
            quotes_out.append(who)
            return f"“{self.spoken()[:-1]},” {short} {self.pick(SAID)} in {self.pick(CITIES)}."
        if form == 3:
            quotes_out.append(who)
            return f"Asked about {self.noun_phrase()}, {short} replied: “{self.spoken()}”"
        if form == 4:
            return f"{cap(short)} {self.pick(SAID)} on {self.pick(WEEKDAYS)} that {self.clause()}."
        if form == 5:
            return f"According to {short}, {self.clause()}, although {self.clause()}."
        return self.narration(form, short)

    def narration(self, form: int, short: str) -> str:
        """A sentence that quotes nobody (forms 6-11 of `english_sentence`)."""
        if form == 6:
            called = self.pick(["called", "described as", "dismissed as"])
            return (
                f"{self.pick(ADVERBS)}, {self.clause()} — a step that {self.pick(SUBJECTS)} {called} "
                f"{self.pick(ADJECTIVES)}."
            )
        if form == 7:
            city = self.pick(list(CITIES_CYR))
            hours = self.rng.randrange(2, 9)
            return f"The meeting in {city} ({CITIES_CYR[city]}) lasted {hours}\u00a0hours; {self.clause()}."
        if form == 8:
            word = self.pick(UK_WORDS)
            return f"The Ukrainian word used was «{word}», which {short}’s office translated as “{self.pick(NOUNS)}”."
        if form == 9:
            return f"{cap(self.clause())}, and {self.clause()}."
        if form == 10:
            did = self.pick(["proposed", "rejected", "discussed", "signed"])
            return (
                f"In {self.rng.randrange(2014, 2025)} {self.pick(SUBJECTS)} {did} {self.noun_phrase()}, "
                f"but {self.clause()}."
            )
        return f"{self.pick(ADVERBS)}, {self.clause()}."

    # -- Ukrainian and Russian -------------------------------------------------------------------

    def cyrillic_words(self, words: list[str], low: int, high: int) -> str:
        return cap(" ".join(self.pick(words) for _ in range(self.rng.randrange(low, high))))

    def cyrillic_quote(self, words: list[str], said: list[str], who: int, low: int, high: int) -> str:
        body = self.cyrillic_words(words, low, high)
        speaker = self.speakers[who]
        return f"«{body}», — {self.pick(said)} {speaker.cyrillic or speaker.short}."

    def cyrillic_sentence(self, words: list[str], said: list[str], speakers: list[int], quotes_out: list[int]) -> str:
        if self.chance(0.35):
            who = self.pick(speakers)
            quotes_out.append(who)
            return self.cyrillic_quote(words, said, who, 6, 16)
        body = self.cyrillic_words(words, 6, 16)
        if self.chance(0.15):
            return f"{body} — {' '.join(self.pick(words) for _ in range(4))}…"
        return body + "."
