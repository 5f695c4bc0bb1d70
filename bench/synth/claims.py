"""The claims of the synthetic dossier. Every evidence text is cut from its source at word
boundaries, as a curator copies it, and placed with the check's own matcher; where the words occur
more than once, the claim tells them apart with a `prefix` or an `occurrence`, as the check asks."""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata

from . import proof
from .dump import Date
from .sources import Source
from .text import FIRST_DAY, LAST_DAY, Prose, cap, clip, slug
from .words import NOUNS, SAYS, STANCES, TAGS, VIA, WEEKDAYS

ENDS = '.!?…”»"'  # characters that end a sentence
# How a curator without typographic keys types a passage: straight quotes, hyphens, three dots.
TYPED = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "..."})
EVIDENCE_KEYS = ("id", "source", "text", "kind", "via", "occurrence", "prefix", "translation_of")  # written order
ADDED_FIRST = dt.date(2025, 1, 6)  # claims were added over 200 days from here


class Claims:
    def __init__(self, p: Prose, sources: list[Source], proposals: list[str]) -> None:
        self.p = p
        self.sources = sources
        self.by_id = {source.id: source for source in sources}
        self.by_speaker: dict[int, list[Source]] = {}
        for source in sources:
            for who in source.speakers:
                self.by_speaker.setdefault(who, []).append(source)
        self.proposals = proposals
        self.popularity = p.zipf(len(proposals))
        self.earlier: dict[int, list[str]] = {}  # ids of each actor's claims so far, for see_also

    def make(self, count: int) -> list[dict]:
        """`count` claims. The first ones cite every source (and so every actor) and every proposal
        once; the rest pick a source at random and one of its speakers."""
        p, out = self.p, []
        for i in range(count):
            source = self.sources[i] if i < len(self.sources) else p.pick(self.sources)
            speaker = source.speakers[0] if i < len(self.sources) else p.pick(source.speakers)
            out.append(self.claim(i, count, source, speaker))
        return out

    def claim(self, i: int, count: int, source: Source, speaker: int) -> dict:
        p = self.p
        actor = p.speakers[speaker]
        evidence = self.cite(source, speaker)
        stances = self.stances(i, evidence)
        ident = f"{clip(actor.record['id'], 40)}-{slug(p.pick(NOUNS))}-{i + 1}"
        claim = {
            "id": ident,
            "actor": actor.record["id"],
            "stances": stances,
            "said": self.said(evidence),
            "summary": f"{cap(actor.short)} {p.pick(SAYS)} {p.clause()}",
            "evidence": [{key: ev[key] for key in EVIDENCE_KEYS if key in ev} for ev in evidence],
            "added": Date((ADDED_FIRST + dt.timedelta(days=i * 200 // max(1, count))).isoformat()),
        }
        earlier = self.earlier.setdefault(speaker, [])
        if earlier and p.chance(0.15):
            claim["see_also"] = sorted(set(p.rng.sample(earlier, min(len(earlier), p.rng.randrange(1, 3)))))
        if p.chance(0.3):
            claim["tags"] = sorted(set(p.rng.sample(TAGS, p.rng.randrange(1, 3))))
        if p.chance(0.2):
            claim["notes"] = (
                f"The stance is “{p.pick(STANCES)}” because {p.clause()}; the text does not say whether {p.clause()}."
            )
        earlier.append(ident)
        return claim

    def stances(self, i: int, evidence: list[dict]) -> dict[str, str | dict]:
        """A stance per proposal: a conditional one names its condition, and one that rests only on
        the outlet's account (no quote or reported speech among the evidence) says so."""
        p, stances = self.p, {}
        if i < len(self.proposals):
            stances[self.proposals[i]] = p.pick(STANCES)
        for _ in range(1 if p.chance(0.7) else p.rng.randrange(2, 4)):
            stances.setdefault(self.proposals[p.weighted(self.popularity)], p.pick(STANCES))
        outlets = all(ev["kind"] in ("paraphrase", "framing") for ev in evidence)
        out: dict[str, str | dict] = {}
        for proposal, value in stances.items():
            detail: dict = {"stance": value}
            if value == "conditional":
                detail["condition"] = f"if {p.clause()}"
            if outlets:
                detail["outlets_account"] = True
            out[proposal] = detail if len(detail) > 1 else value
        return out

    def said(self, evidence: list[dict]) -> dict:
        """When: no later than the earliest dated source the claim rests on."""
        p = self.p
        dated = [self.by_id[ev["source"]].published for ev in evidence]
        latest = min((day for day in dated if day), default=LAST_DAY)
        roll = p.rng.random()
        if roll < 0.6:
            day = p.day(max(FIRST_DAY, latest - dt.timedelta(days=120)), latest)
            return {"date": Date(day.isoformat()[: p.pick([10, 10, 10, 7, 4])]), "basis": "stated"}
        if roll < 0.75:
            day = p.day(max(FIRST_DAY, latest - dt.timedelta(days=60)), latest)
            reason = f"The text says the remark was made “last {p.pick(WEEKDAYS)}” before publication."
            return {"date": Date(day.isoformat()[:7]), "basis": "inferred", "reason": reason}
        if roll < 0.82:  # an EDTF interval: some day in a week, or on or after a day
            day = p.day(max(FIRST_DAY, latest - dt.timedelta(days=90)), latest - dt.timedelta(days=7))
            end = "/.." if p.chance(0.3) else f"/{(day + dt.timedelta(days=p.rng.randrange(1, 8))).isoformat()}"
            reason = f"The text says the remark was made in the week after {day:%d %B}."
            return {"date": Date(day.isoformat() + end), "basis": "inferred", "reason": reason}
        return {"basis": "unknown"}

    # -- evidence --------------------------------------------------------------------------------

    def cite(self, source: Source, speaker: int) -> list[dict]:
        """Evidence from `source`, and sometimes from the speaker's other sources (a translation
        when their language differs)."""
        p, evidence = self.p, []
        while not evidence:  # the first item from the body: no stance rests on a headline alone
            item = self.evidence(source, speaker, self.kind())
            if item and item["kind"] != "framing":
                evidence.append(item)
        others = [s for s in self.by_speaker.get(speaker, []) if s is not source]
        for _ in range(2):
            if not (others and p.chance(0.3)):
                continue
            other = p.pick(others)
            item = self.evidence(other, speaker, self.kind())
            if not item or item in evidence:
                continue
            if other.language != source.language and p.chance(0.5):
                evidence[0].setdefault("id", source.language)
                if evidence[0]["id"] != other.language and not any("id" in e for e in evidence[1:]):
                    item["id"] = other.language
                    item["translation_of"] = evidence[0]["id"]
            if p.chance(0.1):
                item["via"] = p.rng.sample(VIA, p.rng.randrange(1, 3))
            evidence.append(item)
        if p.chance(0.1):
            evidence[0]["via"] = p.rng.sample(VIA, p.rng.randrange(1, 3))
        return evidence

    def kind(self) -> str:
        roll = self.p.rng.random()
        return "direct-quote" if roll < 0.55 else "reported-speech" if roll < 0.85 else "paraphrase"

    def evidence(self, source: Source, speaker: int, kind: str) -> dict | None:
        """One evidence item, or None when its words cannot be placed where they were cut."""
        found = self.passage(source, speaker, kind)
        if found is None:
            return None
        a, b, kind = found
        words = self.as_copied(source.text[a:b])
        fields = self.locate(source, words, a)
        if fields is None:
            return None
        return {"source": source.id, "text": words, "kind": kind, **fields}

    def passage(self, source: Source, speaker: int, kind: str) -> tuple[int, int, str] | None:
        """Where to cut: the speaker's own quoted words for a direct quote, the headline or a
        stock sentence now and then, else a run of words anywhere (then not a direct quote)."""
        p, text, span = self.p, source.text, None
        headline = (0, len(text.split("\n", 1)[0].rstrip("\r")))
        mine = [(a, b) for a, b, who in source.quote_spans if who == speaker]
        if kind == "direct-quote" and mine:
            a, b = p.pick(mine)
            span = (a, b) if p.chance(0.5) else self.span_in(source, a + p.rng.randrange(b - a), b)
            if span and not proof.inside_quotes(text, source.quoted, *span):
                kind = "reported-speech"  # the check's reading of the marks is the one that counts
        elif kind == "paraphrase" and p.chance(0.3):
            span = headline
        elif source.stock_spans and p.chance(0.12):
            span = p.pick(source.stock_spans)
        if span is None:
            if kind == "direct-quote":
                kind = "reported-speech"
            span = self.span_in(source, p.rng.randrange(len(text)), len(text)) or self.span_in(source, 0, len(text))
        if span and span[0] < headline[1]:
            kind = "framing"  # a headline is the outlet's framing, whatever the words
        return None if span is None else (*span, kind)

    def span_in(self, source: Source, lo: int, hi: int) -> tuple[int, int] | None:
        """A run of whole words inside [lo, hi): from a sentence start to a sentence end when
        one comes soon enough, as a curator copies it; without its quotation marks."""
        tokens, text = source.tokens, source.text
        i = bisect.bisect_left(source.token_starts, lo)
        if i >= len(tokens) or tokens[i][1] > hi:
            return None
        for k in range(i, min(len(tokens), i + 30)):
            if tokens[k][1] > hi:
                break
            if k == 0 or text[tokens[k - 1][1] - 1] in ENDS:
                i = k
                break
        longest = self.p.rng.randrange(8, 40)
        j = i
        while j + 1 < len(tokens) and tokens[j + 1][1] <= hi and j - i < longest:
            if j - i >= 5 and text[tokens[j][1] - 1] in ENDS:
                break
            j += 1
        a, b = max(tokens[i][0], lo), min(tokens[j][1], hi)
        while a < b and text[a] in '“«"(':
            a += 1
        while b > a and text[b - 1] in '”»")':
            b -= 1
        return (a, b) if b > a and not text[a].isspace() and not text[b - 1].isspace() else None

    def as_copied(self, words: str) -> str:
        """The words as a curator pastes them: often on one line, sometimes retyped."""
        style = self.p.rng.random()
        if style < 0.45 or "\n" in words or "\r" in words:
            words = " ".join(words.split())
        if style > 0.85:
            words = words.translate(TYPED)
        if self.p.chance(0.05) and not unicodedata.is_normalized("NFC", words):
            words = unicodedata.normalize("NFC", words)
        return words

    def locate(self, source: Source, words: str, a: int) -> dict | None:
        """The fields that make the check place `words` at offset `a`: none when they occur once;
        a `prefix` (the words before them) or an `occurrence` when they repeat. None if nothing does."""
        start = proof.start_of(source.stored, words)
        if start is not None:
            return {} if start == a else None
        before = source.text[max(0, a - 80) : a].split()[-3:]
        if before and self.p.chance(0.4):
            prefix = " ".join(before)
            if proof.start_of(source.stored, words, prefix=prefix) == a:
                return {"prefix": prefix}
        for k in range(1, 50):
            start = proof.start_of(source.stored, words, occurrence=k)
            if start is None or start >= a:
                break
        return {"occurrence": k} if start == a else None
