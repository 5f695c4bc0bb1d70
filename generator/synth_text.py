"""The prose of `dossier synth`: random choices, dates and sentences with quoted speech, all
drawn from one `random.Random`, so a seed always gives the same text."""

from __future__ import annotations

import bisect
import datetime as dt

from .synth_words import (
    COUNTRIES,
    CITIES,
    CITIES_CYR,
    REGIONS,
    WEEKDAYS,
    NOUNS,
    ADJECTIVES,
    SUBJECTS,
    MODALS,
    VERBS,
    TAILS,
    SAID,
    ADVERBS,
    BELIEFS,
    UK_WORDS,
)

FIRST_DAY, LAST_DAY = dt.date(2014, 1, 1), dt.date(2024, 12, 31)  # every date lies in the past


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    """The sentence maker that `synth.Synth` builds its sources from; it needs `self.rng`
    (a random.Random) and `self.actors`."""

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day(self, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))

    def fill(self, template: str) -> str:
        return template.format(
            year=self.rng.randrange(2015, 2025), n=self.rng.randrange(2, 25), adj=self.pick(ADJECTIVES),
            country=self.pick(COUNTRIES), country2=self.pick(COUNTRIES), city=self.pick(CITIES),
            region=self.pick(REGIONS), noun=self.pick(NOUNS),
        )

    def zipf(self, count: int, exponent: float = 0.6) -> list[float]:
        weights = [1 / (rank + 1) ** exponent for rank in range(count)]
        self.rng.shuffle(weights)
        total, out = 0.0, []
        for w in weights:
            total += w
            out.append(total)
        return out

    def weighted(self, cumulative: list[float]) -> int:
        return min(bisect.bisect_left(cumulative, self.rng.random() * cumulative[-1]), len(cumulative) - 1)

    # -- prose ----------------------------------------------------------------------------------

    def noun_phrase(self) -> str:
        form = self.rng.randrange(4)
        if form == 0:
            return f"the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
        if form == 1:
            return f"the {self.pick(NOUNS)} in {self.pick(REGIONS + CITIES)}"
        if form == 2:
            adj = self.pick(ADJECTIVES)
            return f"{'an' if adj[0] in 'aeiou' else 'a'} {adj} {self.pick(NOUNS)} with {self.pick(COUNTRIES)}"
        return f"any {self.pick(NOUNS)} on {self.pick(NOUNS)}"

    def clause(self) -> str:
        return f"{self.pick(SUBJECTS)} {self.pick(MODALS)} {self.pick(VERBS)} {self.noun_phrase()}{self.fill(self.pick(TAILS))}"

    def spoken(self) -> str:
        """Words in the speaker's own voice (no double quotation marks inside)."""
        form = self.rng.randrange(7)
        if form == 0:
            words = f"We {self.pick(MODALS)} {self.pick(VERBS)} {self.noun_phrase()}{self.fill(self.pick(TAILS))}."
        elif form == 1:
            words = f"{self.pick(BELIEFS)} {self.clause()}."
        elif form == 2:
            words = f"This is {self.pick(ADJECTIVES)} for {self.pick(COUNTRIES)}, and it’s {self.pick(ADJECTIVES)} for all of us."
        elif form == 3:
            words = f"Nobody {self.pick(['will', 'can', 'should'])} {self.pick(VERBS)} {self.noun_phrase()} — not in {self.rng.randrange(2015, 2030)}, not ever."
        elif form == 4:
            words = f"We don’t {self.pick(VERBS)} {self.noun_phrase()}; we {self.pick(VERBS)} {self.noun_phrase()}…"
        elif form == 5:
            words = f"{cap(self.clause())}. {self.pick(BELIEFS)} {self.clause()}."
        else:
            words = f"Our partners know that {self.clause()}, and {self.clause()}."
        return words[0].upper() + words[1:]

    def english_sentence(self, speakers: list[int], quotes_out: list[int]) -> str:
        who = self.pick(speakers)
        actor = self.actors[who]
        form = self.rng.randrange(12)
        if form <= 2:
            quotes_out.append(who)
            return f"“{self.spoken()[:-1]},” {actor.short} {self.pick(SAID)} in {self.pick(CITIES)}."
        if form == 3:
            quotes_out.append(who)
            return f"Asked about {self.noun_phrase()}, {actor.short} replied: “{self.spoken()}”"
        if form == 4:
            return f"{cap(actor.short)} {self.pick(SAID)} on {self.pick(WEEKDAYS)} that {self.clause()}."
        if form == 5:
            return f"According to {actor.short}, {self.clause()}, although {self.clause()}."
        if form == 6:
            return f"{self.pick(ADVERBS)}, {self.clause()} — a step that {self.pick(SUBJECTS)} {self.pick(['called', 'described as', 'dismissed as'])} {self.pick(ADJECTIVES)}."
        if form == 7:
            city = self.pick(list(CITIES_CYR))
            return f"The meeting in {city} ({CITIES_CYR[city]}) lasted {self.rng.randrange(2, 9)}\u00a0hours; {self.clause()}."
        if form == 8:
            word = self.pick(UK_WORDS)
            return f"The Ukrainian word used was «{word}», which {actor.short}’s office translated as “{self.pick(NOUNS)}”."
        if form == 9:
            return f"{cap(self.clause())}, and {self.clause()}."
        if form == 10:
            return f"In {self.rng.randrange(2014, 2025)} {self.pick(SUBJECTS)} {self.pick(['proposed', 'rejected', 'discussed', 'signed'])} {self.noun_phrase()}, but {self.clause()}."
        return f"{self.pick(ADVERBS)}, {self.clause()}."

    def cyrillic_sentence(self, words: list[str], said: list[str], speakers: list[int], quotes_out: list[int]) -> str:
        body = " ".join(self.pick(words) for _ in range(self.rng.randrange(6, 16)))
        body = body[0].upper() + body[1:]
        if self.chance(0.35):
            who = self.pick(speakers)
            quotes_out.append(who)
            name = self.actors[who].cyrillic or self.actors[who].short
            return f"«{body}», — {self.pick(said)} {name}."
        if self.chance(0.15):
            return f"{body} — {' '.join(self.pick(words) for _ in range(4))}…"
        return body + "."

    # -- the parts ------------------------------------------------------------------------------
