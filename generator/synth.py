"""`dossier synth`: a complete synthetic dossier of any size, for benchmarks and scale tests.

Everything is drawn from one `random.Random(seed)`, so a seed always writes byte-identical files.
The prose is made from the word lists in synth_words.py by synth_text.py (no network, no downloads): headlines, paragraphs
with quoted speech by the source's speakers, reported speech, stock sentences that repeat (so some
evidence needs `occurrence` or `prefix`), curly quotes, apostrophes, em dashes, ellipses,
no-break spaces, Ukrainian and Russian words, whole Ukrainian and Russian texts, a few texts in
decomposed Unicode (NFD), with CRLF line ends or a byte-order mark. Every evidence text is cut
from its source at word boundaries and placed with `quotes.find`, the check's own matcher, so
the written dossier passes `dossier check --strict` and verification does real work.

Sizes for N claims: about N/5 sources (2-10 KB each), N/10 actors, N/30 proposals.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import quotes
from .load import MODELINE
from .synth_text import FIRST_DAY, LAST_DAY, Prose, cap
from .synth_words import (
    FIRST_NAMES,
    LAST_NAMES,
    COUNTRIES,
    BODIES,
    BLOCS,
    ANONYMOUS,
    CITIES,
    REGIONS,
    WEEKDAYS,
    NOUNS,
    ADJECTIVES,
    SAID,
    SAYS,
    HEADLINE_VERBS,
    STOCK,
    TAGS,
    OUTLETS,
    VIA,
    UK_WORDS,
    RU_WORDS,
    UK_SAID,
    RU_SAID,
    PROPOSAL_TEMPLATES,
    RELATIONS,
    STANCES,
    ROLE_TEMPLATES,
)

REPO = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().with_name("mkdocs_hooks.py")
SCHEMA = "generator/schema/dossier.schema.json"
_ENDS = ".!?…”»\""  # characters that end a sentence
ADDED_FIRST = dt.date(2025, 1, 6)
MAX_CLAIMS = 1_000_000

@dataclass
class Actor:
    id: str
    name: str
    kind: str
    short: str  # how a text refers to the actor after the first mention
    cyrillic: str | None = None
    affiliation: str | None = None
    roles: list = field(default_factory=list)
    aliases: list = field(default_factory=list)


@dataclass
class Source:
    id: str
    file: str
    language: str
    title: str
    text: str  # as decoded (no byte-order mark)
    raw: bytes  # as stored
    speakers: list[int]
    quote_spans: list[tuple[int, int, int]]  # (start, end, actor index) of quoted words
    stock_spans: list[tuple[int, int]]  # original spans of repeated stock sentences
    published: dt.date | None
    published_yaml: list[str]
    outlet_yaml: list[str]
    extra_yaml: list[str] = field(default_factory=list)
    stored: quotes.SourceText = None
    tokens: list[tuple[int, int]] = None
    token_starts: list[int] = None


def slug(text: str) -> str:
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("’", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def clip(ident: str, limit: int) -> str:
    """An id cut to at most `limit` characters at a hyphen."""
    if len(ident) <= limit:
        return ident
    cut = ident[:limit + 1].rsplit("-", 1)[0]
    return cut if cut else ident[:limit]


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def folded(key: str, text: str, indent: int) -> list[str]:
    """`key: >-` and the text wrapped below it, as curators write notes."""
    pad = " " * indent
    if "\n" in text or "  " in text or text != text.strip() or "#" in text:
        return [f"{pad}{key}: {q(text)}"]
    return [f"{pad}{key}: >-"] + [pad + "  " + line for line in textwrap.wrap(text, 92, break_long_words=False, break_on_hyphens=False)]


class Synth(Prose):
    def __init__(self, claims: int, seed: int):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_claims = claims
        self.n_sources = max(1, round(claims / 5))
        self.n_actors = max(1, round(claims / 10))
        self.n_proposals = max(1, round(claims / 30))
        self.actors: list[Actor] = []
        self.proposals: list[tuple[str, str, str]] = []  # (id, title, summary)
        self.sources: list[Source] = []

    def make_actors(self) -> None:
        used_ids: set[str] = set()
        used_names: set[str] = set()
        for _i in range(self.n_actors):
            roll = self.rng.random()
            if roll < 0.75:
                (first, first_cyr), (last, last_cyr) = self.pick(FIRST_NAMES), self.pick(LAST_NAMES)
                name, kind, short = f"{first} {last}", "person", last
                cyr = f"{first_cyr} {last_cyr}" if first_cyr and last_cyr else None
            elif roll < 0.93:
                if self.chance(0.2):
                    name = self.pick(BLOCS)
                    name = name[0].upper() + name[1:]
                else:
                    name = f"{self.pick(BODIES)} of {self.pick(COUNTRIES)}"
                kind, short, cyr = "organization", f"the {name.split(' of ')[0].lower()}" if " of " in name else name, None
            else:
                name = self.fill(self.pick(ANONYMOUS))
                kind, short, cyr = "anonymous", name[0].lower() + name[1:], None
            base = name
            n = 2
            while name in used_names or slug(name) in used_ids:
                name = f"{base} ({n})"
                n += 1
            used_names.add(name)
            ident = clip(slug(name), 60)
            while ident in used_ids:
                ident = f"{ident}-{n}"
                n += 1
            used_ids.add(ident)
            actor = Actor(ident, name, kind, short if name == base else name, cyr)
            if kind == "person":
                actor.aliases = [short] + ([cyr] if cyr else [])
                actor.affiliation = self.pick(COUNTRIES)
            elif kind == "organization" and " of " in name:
                actor.affiliation = name.split(" of ", 1)[1]
            self.actors.append(actor)

    def make_proposals(self) -> None:
        used: set[str] = set()
        for _i in range(self.n_proposals):
            title_t, summary_t = self.pick(PROPOSAL_TEMPLATES)
            values = dict(year=self.rng.randrange(2015, 2030), adj=self.pick(ADJECTIVES), country=self.pick(COUNTRIES),
                          city=self.pick(CITIES), region=self.pick(REGIONS), noun=self.pick(NOUNS))
            values.update(adj_cap=values["adj"].capitalize(), noun_cap=values["noun"].capitalize())
            title = title_t.format(**values)
            summary = summary_t.format(**values)
            summary = summary[0].upper() + summary[1:]
            ident = clip(slug(title), 60)
            base, n = ident, 2
            while ident in used:
                ident = f"{base}-{n}"
                title = f"{title_t.format(**values)} (variant {n})"
                n += 1
            used.add(ident)
            self.proposals.append((ident, title, summary))

    def make_sources(self) -> None:
        popularity = self.zipf(self.n_actors)
        for j in range(self.n_sources):
            speakers = [j % self.n_actors]
            for _ in range(self.rng.randrange(1, 5)):
                other = self.weighted(popularity)
                if other not in speakers:
                    speakers.append(other)
            self.sources.append(self.make_source(j, speakers))

    def make_source(self, j: int, speakers: list[int]) -> Source:
        rng = self.rng
        roll = rng.random()
        language = "uk" if roll < 0.05 else "ru" if roll < 0.09 else "en"
        target = rng.randrange(2000, 9001)  # bytes; the last paragraph may add up to about 1 KB
        quote_speakers: list[int] = []
        lead = self.actors[speakers[0]]
        if language == "en":
            title = f"{cap(lead.short)} {self.pick(HEADLINE_VERBS)} {self.noun_phrase()} at talks in {self.pick(CITIES)}"
        else:
            words = UK_WORDS if language == "uk" else RU_WORDS
            title = " ".join(self.pick(words) for _ in range(rng.randrange(5, 10)))
            title = title[0].upper() + title[1:]
        paragraphs: list[str] = []
        size = len(title.encode("utf-8"))
        stock = rng.sample(STOCK, 2)
        must_quote = list(speakers)  # every speaker is quoted at least once
        while size < target or must_quote:
            sentences = []
            for _ in range(rng.randrange(2, 6)):
                if must_quote and language == "en":
                    who = must_quote.pop(0)
                    quote_speakers.append(who)
                    sentences.append(f"“{self.spoken()}” {cap(self.actors[who].short)} {self.pick(SAID)}.")
                elif must_quote:
                    who = must_quote.pop(0)
                    quote_speakers.append(who)
                    words, said = (UK_WORDS, UK_SAID) if language == "uk" else (RU_WORDS, RU_SAID)
                    body = " ".join(self.pick(words) for _ in range(rng.randrange(6, 14)))
                    sentences.append(f"«{body[0].upper() + body[1:]}», — {self.pick(said)} {self.actors[who].cyrillic or self.actors[who].short}.")
                elif language == "en" and rng.random() < 0.12:
                    sentences.append(self.pick(stock))
                elif language == "en":
                    sentences.append(self.english_sentence(speakers, quote_speakers))
                else:
                    words, said = (UK_WORDS, UK_SAID) if language == "uk" else (RU_WORDS, RU_SAID)
                    sentences.append(self.cyrillic_sentence(words, said, speakers, quote_speakers))
            paragraph = " ".join(sentences)
            if rng.random() < 0.05:
                paragraph = paragraph.replace(". ", ".  ", 1)  # a double space, as pasted text has
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 1
        layout = rng.random()
        if layout < 0.15:  # wrapped at 72 columns, blank lines between paragraphs
            body = "\n\n".join(textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False) for p in paragraphs)
        elif layout < 0.35:
            body = "\n\n".join(paragraphs)
        else:
            body = "\n".join(paragraphs)
        text = f"{title}\n{body}\n"
        if rng.random() < 0.03:
            text = unicodedata.normalize("NFD", text)  # decomposed, as some editors save it
        if rng.random() < 0.05:
            text = text.replace("\n", "\r\n")
        raw = (b"\xef\xbb\xbf" if rng.random() < 0.02 else b"") + text.encode("utf-8")
        digest = hashlib.sha256(raw).hexdigest()
        ident = f"{clip(slug(lead.short), 24) or 'source'}-{slug(self.pick(NOUNS))}-{j + 1}"
        file = f"{j:05d}_{digest[:16]}.txt"

        published = None
        roll = rng.random()
        if roll < 0.6:
            published = self.day(dt.date(2015, 1, 1))
            published_yaml = [f"      date: {published.isoformat() if rng.random() < 0.5 else q(published.isoformat())}", "      basis: stated"]
        elif roll < 0.75:
            first = self.day(dt.date(2015, 1, 1))
            published = first.replace(day=1)
            published_yaml = [f"      date: {q(published.isoformat()[:7])}", "      basis: inferred",
                              f"      reason: {q('The text refers to ' + self.pick(WEEKDAYS) + '’s meeting in ' + self.pick(CITIES) + ' as “last week”.')}"]
        else:
            published_yaml = ["      basis: unknown"]
        meta = []
        roll = rng.random()
        if roll < 0.55:
            meta += ["    outlet:", f"      name: {q(self.pick(OUTLETS))}", "      basis: stated"]
        elif roll < 0.7:
            meta += ["    outlet:", f"      name: {q(self.pick(OUTLETS))}", "      basis: inferred",
                     f"      reason: {q('The page footer names the newsroom — “' + self.pick(OUTLETS) + '”.')}"]
        else:
            meta += ["    outlet:", "      basis: unknown"]
        source = Source(ident, file, language, title, text, raw, speakers, [], [], published, published_yaml, meta)
        if rng.random() < 0.3:
            source.extra_yaml.append(f"    url: https://example.org/{language}/{rng.randrange(2015, 2025)}/{ident}")
        if rng.random() < 0.4:
            source.extra_yaml += folded("notes", f"The title is the headline as the text gives it. The text spells {lead.name} as “{lead.short}”; "
                                       f"it calls {self.noun_phrase()} {self.pick(ADJECTIVES)} — the outlet’s wording, not the dossier’s.", 4)
        self._index(source, quote_speakers)
        return source

    def _index(self, source: Source, quote_speakers: list[int]) -> None:
        text = source.text
        source.stored = quotes.SourceText.of(text)
        source.tokens = [m.span() for m in re.finditer(r"\S+", text)]
        source.token_starts = [s for s, _ in source.tokens]
        opening, closing = ("«", "»") if source.language != "en" else ("“", "”")
        spans = [m.span(1) for m in re.finditer(f"{opening}([^{closing}]+){closing}", text)]
        # Quotes are found in text order, which is the order they were written in, except for the
        # «word» glosses of English texts, which belong to no speaker (their pattern differs).
        assert len(spans) == len(quote_speakers) or source.language == "en", (len(spans), len(quote_speakers))
        if source.language == "en":
            spans = [m.span(1) for m in re.finditer("“([^”]+)”", text)]
            glosses = [m.span(1) for m in re.finditer(r"translated as “([^”]+)”", text)]
            spans = [s for s in spans if s not in glosses]
        source.quote_spans = [(a, b, who) for (a, b), who in zip(spans, quote_speakers)]
        norm = source.stored.norm
        for sentence in STOCK:
            needle = quotes.normalize_needle(sentence)
            at = norm.text.find(needle)
            while at != -1:
                source.stock_spans.append((norm.to_original_start(at), norm.to_original_end(at + len(needle))))
                at = norm.text.find(needle, at + 1)

    def make_roles(self) -> None:
        cited_in: dict[int, list[str]] = {}
        for source in self.sources:
            for who in source.speakers:
                cited_in.setdefault(who, []).append(source.id)
        for i, actor in enumerate(self.actors):
            if actor.kind != "person":
                continue
            for _ in range(self.rng.randrange(0, 3)):
                role = {"title": self.fill(self.pick(ROLE_TEMPLATES))}
                if self.chance(0.5):
                    start = self.day(dt.date(2010, 1, 1), dt.date(2022, 12, 31))
                    role["from"] = start.isoformat()[: self.pick([4, 7, 10])]
                    if self.chance(0.4):
                        role["until"] = self.day(start, LAST_DAY).isoformat()[: self.pick([7, 10])]
                mine = cited_in.get(i, [])
                if mine:
                    role["sources"] = sorted(set(self.rng.sample(mine, min(len(mine), self.rng.randrange(1, 3)))))
                actor.roles.append(role)

    # -- evidence -------------------------------------------------------------------------------
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
            if k == 0 or text[tokens[k - 1][1] - 1] in _ENDS:
                i = k
                break
        longest = self.rng.randrange(8, 40)
        j = i
        while j + 1 < len(tokens) and tokens[j + 1][1] <= hi and j - i < longest:
            if j - i >= 5 and text[tokens[j][1] - 1] in _ENDS:
                break
            j += 1
        a, b = max(tokens[i][0], lo), min(tokens[j][1], hi)
        while a < b and text[a] in "“«\"(":
            a += 1
        while b > a and text[b - 1] in "”»\")":
            b -= 1
        return (a, b) if b > a and not text[a].isspace() and not text[b - 1].isspace() else None

    def evidence(self, source: Source, speaker: int, kind: str) -> dict | None:
        rng = self.rng
        text = source.text
        span, fields = None, {}
        mine = [(a, b) for a, b, who in source.quote_spans if who == speaker]
        if kind == "direct-quote" and mine:
            a, b = self.pick(mine)
            span = (a, b) if rng.random() < 0.5 else self.span_in(source, a + rng.randrange(b - a), b)
        elif kind == "paraphrase" and rng.random() < 0.3:
            span = (0, len(source.title))  # the headline
        elif source.stock_spans and rng.random() < 0.12:
            span = self.pick(source.stock_spans)
        if span is None:
            if kind == "direct-quote":
                kind = "reported-speech"
            start = rng.randrange(len(text))
            span = self.span_in(source, start, len(text)) or self.span_in(source, 0, len(text))
        a, b = span
        words = text[a:b]
        style = rng.random()
        if style < 0.45 or "\n" in words or "\r" in words:
            words = " ".join(words.split())
        if style > 0.85:  # typed with straight quotes, hyphens and three dots
            words = words.translate(quotes._TABLE).replace("\u2026", "...")
        if rng.random() < 0.05 and not unicodedata.is_normalized("NFC", words):
            words = unicodedata.normalize("NFC", words)
        found = quotes.find(source.stored, words)
        if isinstance(found, quotes.Miss):
            # Repeated words: tell them apart by the words before them, or by their number.
            before = text[max(0, a - 80):a].split()[-3:]
            if before and rng.random() < 0.4:
                prefix = " ".join(before)
                found = quotes.find(source.stored, words, prefix=prefix)
                if isinstance(found, quotes.Passage) and found.start == a:
                    fields["prefix"] = prefix
            if "prefix" not in fields:
                for k in range(1, 50):
                    found = quotes.find(source.stored, words, occurrence=k)
                    if isinstance(found, quotes.Miss) or found.start >= a:
                        break
                if isinstance(found, quotes.Miss) or found.start != a:
                    return None
                fields["occurrence"] = k
        elif found.start != a:
            return None
        return {"source": source.id, "text": words, "kind": kind, **fields}

    def kind(self) -> str:
        roll = self.rng.random()
        return "direct-quote" if roll < 0.55 else "reported-speech" if roll < 0.85 else "paraphrase"

    # -- claims ---------------------------------------------------------------------------------
    def claims_yaml(self) -> list[str]:
        rng = self.rng
        by_speaker: dict[int, list[Source]] = {}
        for source in self.sources:
            for who in source.speakers:
                by_speaker.setdefault(who, []).append(source)
        proposal_weights = self.zipf(self.n_proposals)
        out = [f"{MODELINE}{SCHEMA}", "claims:"]
        by_actor_ids: dict[int, list[str]] = {}
        for i in range(self.n_claims):
            # The first claims cite every source (and so every actor) and every proposal once.
            source = self.sources[i] if i < len(self.sources) else self.pick(self.sources)
            speaker = source.speakers[0] if i < len(self.sources) else self.pick(source.speakers)
            actor = self.actors[speaker]
            evidence = []
            while not evidence:
                item = self.evidence(source, speaker, self.kind())
                if item:
                    evidence.append(item)
            others = [s for s in by_speaker.get(speaker, []) if s is not source]
            for _ in range(2):
                if others and rng.random() < 0.3:
                    other = self.pick(others)
                    item = self.evidence(other, speaker, self.kind())
                    if item and item not in evidence:
                        if other.language != source.language and rng.random() < 0.5:
                            evidence[0].setdefault("id", source.language)
                            if evidence[0]["id"] != other.language and not any("id" in e for e in evidence[1:]):
                                item["id"] = other.language
                                item["translation_of"] = evidence[0]["id"]
                        if rng.random() < 0.1:
                            item["via"] = rng.sample(VIA, rng.randrange(1, 3))
                        evidence.append(item)
            if rng.random() < 0.1:
                evidence[0]["via"] = rng.sample(VIA, rng.randrange(1, 3))
            stances: dict[str, str] = {}
            if i < self.n_proposals:
                stances[self.proposals[i][0]] = self.pick(STANCES)
            for _ in range(1 if rng.random() < 0.7 else rng.randrange(2, 4)):
                stances.setdefault(self.proposals[self.weighted(proposal_weights)][0], self.pick(STANCES))
            topic = slug(self.pick(NOUNS))
            ident = f"{clip(actor.id, 40)}-{topic}-{i + 1}"
            # Said no later than the earliest dated source it rests on.
            dated = [s.published for s in self.sources_of(evidence) if s.published]
            latest = min(dated) if dated else LAST_DAY
            lines = [f"  - id: {ident}", f"    actor: {actor.id}", "    stances:"]
            lines += [f"      {p}: {s}" for p, s in stances.items()]
            roll = rng.random()
            if roll < 0.6:
                said = self.day(max(FIRST_DAY, latest - dt.timedelta(days=120)), latest)
                lines += ["    said:", f"      date: {q(said.isoformat()[: self.pick([10, 10, 10, 7, 4])])}", "      basis: stated"]
            elif roll < 0.75:
                said = self.day(max(FIRST_DAY, latest - dt.timedelta(days=60)), latest)
                lines += ["    said:", f"      date: {q(said.isoformat()[:7])}", "      basis: inferred",
                          f"      reason: {q('The text says the remark was made “last ' + self.pick(WEEKDAYS) + '” before publication.')}"]
            else:
                lines += ["    said:", "      basis: unknown"]
            summary = f"{cap(actor.short)} {self.pick(SAYS)} {self.clause()}"
            lines.append(f"    summary: {q(summary)}")
            lines.append("    evidence:")
            for ev in evidence:
                first = True
                for key in ("id", "source", "text", "kind", "language", "via", "occurrence", "prefix", "translation_of"):
                    if key not in ev:
                        continue
                    value = ev[key]
                    if key == "via":
                        rendered = "[" + ", ".join(q(v) for v in value) + "]"
                    elif key in ("text", "prefix"):
                        rendered = q(value)
                    else:
                        rendered = str(value)
                    lines.append(f"      {'- ' if first else '  '}{key}: {rendered}")
                    first = False
            added = ADDED_FIRST + dt.timedelta(days=i * 200 // max(1, self.n_claims))
            lines.append(f"    added: {q(added.isoformat()) if rng.random() < 0.5 else added.isoformat()}")
            earlier = by_actor_ids.get(speaker, [])
            if earlier and rng.random() < 0.15:
                lines.append("    see_also:")
                lines += [f"      - {other}" for other in sorted(set(rng.sample(earlier, min(len(earlier), rng.randrange(1, 3)))))]
            if rng.random() < 0.3:
                lines.append(f"    tags: [{', '.join(sorted(set(rng.sample(TAGS, rng.randrange(1, 3)))))}]")
            if rng.random() < 0.2:
                lines += folded("notes", f"The stance is “{self.pick(STANCES)}” because {self.clause()}; the text does not say whether {self.clause()}.", 4)
            by_actor_ids.setdefault(speaker, []).append(ident)
            out += lines
            out.append("")
        return out

    def sources_of(self, evidence: list[dict]) -> list[Source]:
        return [self.by_id[e["source"]] for e in evidence]

    # -- files ----------------------------------------------------------------------------------
    def files(self) -> dict[str, bytes]:
        self.make_actors()
        self.make_proposals()
        self.make_sources()
        self.by_id = {s.id: s for s in self.sources}
        self.make_roles()
        claims = self.claims_yaml()
        out: dict[str, bytes] = {"claims.yaml": "\n".join(claims).encode("utf-8")}

        lines = [f"{MODELINE}../{SCHEMA}", "sources:"]
        for s in self.sources:
            lines += [f"  - id: {s.id}", f"    file: {s.file}", f"    sha256: {hashlib.sha256(s.raw).hexdigest()}",
                      f"    title: {q(s.title)}"]
            lines += s.outlet_yaml + ["    published:"] + s.published_yaml + [f"    language: {s.language}"]
            lines += s.extra_yaml + [""]
            out[f"content/sources/{s.file}"] = s.raw
        out["content/sources.yaml"] = "\n".join(lines).encode("utf-8")

        lines = [f"{MODELINE}../{SCHEMA}", "actors:"]
        for a in self.actors:
            lines += [f"  - id: {a.id}", f"    name: {q(a.name)}", f"    kind: {a.kind}"]
            aliases = [x for x in dict.fromkeys(a.aliases) if x != a.name]
            if aliases:
                lines.append("    aliases:")
                lines += [f"      - {q(x)}" for x in aliases]
            if a.roles:
                lines.append("    roles:")
                for role in a.roles:
                    lines.append(f"      - title: {q(role['title'])}")
                    for key in ("from", "until"):
                        if key in role:
                            lines.append(f"        {key}: {q(role[key])}")
                    if "sources" in role:
                        lines.append("        sources:")
                        lines += [f"          - {x}" for x in role["sources"]]
            if a.affiliation:
                lines.append(f"    affiliation: {q(a.affiliation)}")
            lines.append("")
        out["content/actors.yaml"] = "\n".join(lines).encode("utf-8")

        lines = [f"{MODELINE}../{SCHEMA}", "proposals:"]
        ids = [p[0] for p in self.proposals]
        for ident, title, summary in self.proposals:
            lines += [f"  - id: {ident}", f"    title: {q(title)}"] + folded("summary", summary, 4)
            others = [x for x in ids if x != ident]
            if others and self.rng.random() < 0.35:
                lines.append("    related:")
                for other in sorted(set(self.rng.sample(others, min(len(others), self.rng.randrange(1, 3))))):
                    lines += [f"      - proposal: {other}", f"        relation: {self.pick(RELATIONS)}"]
            lines.append("")
        out["content/proposals.yaml"] = "\n".join(lines).encode("utf-8")

        out["content/pages/introduction.md"] = self.introduction().encode("utf-8")
        out["content/pages/methodology.md"] = methodology().encode("utf-8")
        out["mkdocs.yml"] = mkdocs_config(self.n_claims, self.seed).encode("utf-8")
        return out

    def introduction(self) -> str:
        return (
            "# Introduction\n\n"
            f"A synthetic dossier, written by `dossier synth --claims {self.n_claims} --seed {self.seed}` to measure how the\n"
            "generator scales. Its sources, actors, proposals and claims are made up from word lists;\n"
            "they describe no real events and quote no real people.\n\n"
            f"It holds {self.n_claims} claims by {self.n_actors} actors on {self.n_proposals} proposals, proven against\n"
            f"{self.n_sources} stored sources — in English, Ukrainian («українською») and Russian.\n"
        )


def methodology() -> str:
    page = REPO / "content" / "pages" / "methodology.md"
    if page.is_file():
        return page.read_text("utf-8")
    return "# Methodology\n\nThe stances and evidence kinds are defined in FORMAT.md.\n"


def mkdocs_config(claims: int, seed: int) -> str:
    """The repository's MkDocs configuration, renamed, with the hooks at their absolute path."""
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"(?m)^site_name:.*$", f"site_name: {q(f'Synthetic dossier: {claims} claims (seed {seed})')}", config, count=1)
    config = re.sub(r"(?m)^site_description:.*\n(?:[ \t]+\S.*\n)*",
                    f"site_description: {q('Made-up statements generated for benchmarks; no real events or people.')}\n", config, count=1)
    config = re.sub(r"(?m)^hooks:\n(?:[ \t]*-.*\n)+", f"hooks:\n  - {q(str(HOOKS))}\n", config, count=1)
    return config


def synthesize(claims: int, seed: int = 1) -> dict[str, bytes]:
    """The files of a synthetic dossier root: relative POSIX path → bytes."""
    return Synth(claims, seed).files()


def write(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
