"""The synthetic dossier maker: a complete dossier root of any size, for benchmarks and scale tests.

Everything is drawn from one `random.Random(seed)`, so a seed always writes byte-identical files.
Sizes for N claims: about N/5 sources (2-10 KB each, sources.py), N/10 actors, N/30 proposals.
The claims are split over files as a large dossier splits them (CLAIMS_PER_FILE a file): the first
ones in claims.yaml, the rest in claims/NNNN.yaml.
The YAML files are plain dicts and lists written by PyYAML (dump.py); the site's configuration and
pages come from templates (site.py).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from . import site
from .claims import Claims
from .dump import SCHEMA, Date, document
from .sources import make_sources
from .text import LAST_DAY, Prose, Speaker, clip, slug
from .words import (
    ADJECTIVES,
    ANONYMOUS,
    BLOCS,
    BODIES,
    CITIES,
    COUNTRIES,
    FIRST_NAMES,
    LAST_NAMES,
    NOUNS,
    PROPOSAL_TEMPLATES,
    REGIONS,
    RELATIONS,
    ROLE_TEMPLATES,
)

MAX_CLAIMS = 1_000_000
CLAIMS_PER_FILE = 100


def synthesize(claims: int, seed: int = 1) -> dict[str, bytes]:
    """The files of a synthetic dossier root: relative POSIX path → bytes."""
    p = Prose(random.Random(seed))
    n_sources, n_actors, n_proposals = (max(1, round(claims / share)) for share in (5, 10, 30))
    p.speakers = make_actors(p, n_actors)
    proposals = make_proposals(p, n_proposals)
    sources = make_sources(p, n_sources)
    make_roles(p)
    claim_list = Claims(p, sources, [x["id"] for x in proposals]).make(claims)
    files = claim_files(claim_list)
    # The content files sit one folder down: their modeline reaches the schema through "..".
    files["content/sources.yaml"] = document("sources", [s.record for s in sources], "../" + SCHEMA)
    files["content/actors.yaml"] = document("actors", [s.record for s in p.speakers], "../" + SCHEMA)
    files["content/proposals.yaml"] = document("proposals", proposals, "../" + SCHEMA)
    files.update((f"content/sources/{s.record['file']}", s.raw) for s in sources)
    files["content/pages/introduction.md"] = site.introduction(claims, seed, n_actors, n_proposals, n_sources).encode(
        "utf-8"
    )
    files["content/pages/methodology.md"] = site.methodology(seed).encode("utf-8")
    files["mkdocs.yml"] = site.mkdocs_config(claims, seed).encode("utf-8")
    return files


def claim_files(claim_list: list[dict]) -> dict[str, bytes]:
    """claims.yaml with the first CLAIMS_PER_FILE claims, claims/0002.yaml the next, and so on."""
    chunks = [claim_list[i : i + CLAIMS_PER_FILE] for i in range(0, len(claim_list), CLAIMS_PER_FILE)] or [[]]
    files = {"claims.yaml": document("claims", chunks[0])}
    for n, chunk in enumerate(chunks[1:], start=2):
        files[f"claims/{n:04d}.yaml"] = document("claims", chunk, "../" + SCHEMA)
    return files


def write(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# -- actors ------------------------------------------------------------------------------------


def make_actors(p: Prose, count: int) -> list[Speaker]:
    """Three in four are people (some with a Cyrillic spelling), the rest organizations and
    anonymous sources; names and ids are unique."""
    used_ids: set[str] = set()
    used_names: set[str] = set()
    speakers = []
    for _ in range(count):
        name, kind, short, cyrillic = actor_name(p)
        base, n = name, 2
        while name in used_names or slug(name) in used_ids:
            name = f"{base} ({n})"
            n += 1
        used_names.add(name)
        ident = clip(slug(name), 60)
        while ident in used_ids:
            ident = f"{ident}-{n}"
            n += 1
        used_ids.add(ident)
        record: dict = {"id": ident, "name": name, "kind": kind, "aliases": [], "roles": [], "affiliation": None}
        if kind == "person":
            aliases = [short] + ([cyrillic] if cyrillic else [])
            record["aliases"] = [x for x in dict.fromkeys(aliases) if x != name]
            record["affiliation"] = p.pick(COUNTRIES)
        elif kind == "organization" and " of " in name:
            record["affiliation"] = name.split(" of ", 1)[1]
        speakers.append(Speaker(record, short if name == base else name, cyrillic))
    return speakers


def actor_name(p: Prose) -> tuple[str, str, str, str | None]:
    """(name, kind, how a text refers to the actor after the first mention, Cyrillic name)."""
    roll = p.rng.random()
    if roll < 0.75:
        (first, first_cyr), (last, last_cyr) = p.pick(FIRST_NAMES), p.pick(LAST_NAMES)
        cyrillic = f"{first_cyr} {last_cyr}" if first_cyr and last_cyr else None
        return f"{first} {last}", "person", last, cyrillic
    if roll < 0.93:
        if p.chance(0.2):
            name = p.pick(BLOCS)
            name = name[0].upper() + name[1:]
        else:
            name = f"{p.pick(BODIES)} of {p.pick(COUNTRIES)}"
        short = f"the {name.split(' of ')[0].lower()}" if " of " in name else name
        return name, "organization", short, None
    name = p.fill(p.pick(ANONYMOUS))
    return name, "anonymous", name[0].lower() + name[1:], None


def make_roles(p: Prose) -> None:
    """Up to two roles for each person, some dated, some resting on the sources that quote them."""
    for speaker in p.speakers:
        if speaker.record["kind"] != "person":
            continue
        for _ in range(p.rng.randrange(0, 3)):
            role: dict = {"title": p.fill(p.pick(ROLE_TEMPLATES))}
            if p.chance(0.5):
                start = p.day(dt.date(2010, 1, 1), dt.date(2022, 12, 31))
                role["from"] = Date(start.isoformat()[: p.pick([4, 7, 10])])
                if p.chance(0.4):
                    role["until"] = Date(p.day(start, LAST_DAY).isoformat()[: p.pick([7, 10])])
            mine = speaker.cited_in
            if mine:
                role["sources"] = sorted(set(p.rng.sample(mine, min(len(mine), p.rng.randrange(1, 3)))))
            speaker.record["roles"].append(role)


# -- proposals ---------------------------------------------------------------------------------


def make_proposals(p: Prose, count: int) -> list[dict]:
    used: set[str] = set()
    proposals = []
    for _ in range(count):
        title_t, summary_t = p.pick(PROPOSAL_TEMPLATES)
        adj, noun = p.pick(ADJECTIVES), p.pick(NOUNS)
        values = {
            "year": p.rng.randrange(2015, 2030),
            "adj": adj,
            "country": p.pick(COUNTRIES),
            "city": p.pick(CITIES),
            "region": p.pick(REGIONS),
            "noun": noun,
            "adj_cap": adj.capitalize(),
            "noun_cap": noun.capitalize(),
        }
        title = title_t.format(**values)
        summary = summary_t.format(**values)
        ident = base = clip(slug(title), 60)
        n = 2
        while ident in used:
            ident = f"{base}-{n}"
            title = f"{title_t.format(**values)} (variant {n})"
            n += 1
        used.add(ident)
        proposals.append({"id": ident, "title": title, "summary": summary[0].upper() + summary[1:], "related": []})
    ids = [x["id"] for x in proposals]
    for proposal in proposals:
        others = [x for x in ids if x != proposal["id"]]
        if others and p.chance(0.35):
            picked = sorted(set(p.rng.sample(others, min(len(others), p.rng.randrange(1, 3)))))
            proposal["related"] = [{"proposal": other, "relation": p.pick(RELATIONS)} for other in picked]
    return proposals
