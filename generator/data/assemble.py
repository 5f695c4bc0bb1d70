"""Build the model from validated data (every reference resolves, every date parses)."""

from __future__ import annotations

from . import dates
from .attribution import headline_span
from .model import (
    Actor,
    Attribution,
    Claim,
    Correction,
    Dating,
    Dossier,
    Evidence,
    Ordering,
    Origin,
    Original,
    Perspective,
    Proposal,
    Relation,
    Role,
    Source,
    Stance,
    Translation,
)
from .quotes import Passage
from .schema import schema

BASES = ("quoted", "reported", "outlets-account")  # strongest first; the schema's stance-basis
_RANK = {basis: n for n, basis in enumerate(BASES)}


def kind_bases() -> dict[str, str]:
    """The basis each evidence kind gives a stance (the schema says which)."""
    return dict(schema()["definitions"]["evidence-kind"]["x-basis"])


def on_headline(passage: Passage, headline: tuple[int, int] | None) -> bool:
    """Whether a passage (any of its quoted parts) stands on the source's headline."""
    return headline is not None and any(start < headline[1] and end > headline[0] for start, end in passage.parts)


def evidence_basis(ev: Evidence, headline: tuple[int, int] | None, bases: dict[str, str]) -> str:
    """The basis one evidence item gives: its kind's, except that a passage on the source's
    headline is the outlet's framing whatever kind it is recorded as."""
    return "outlets-account" if on_headline(ev.passage, headline) else bases[ev.kind]


def _evidence(e: int, ev: dict, language: str, passage: Passage, headline, bases: dict[str, str]) -> Evidence:
    top = on_headline(passage, headline)
    get = ev.get
    # positional, in the fields' order: a keyword call of thirteen fields costs a third more, 16,000 times
    return Evidence(
        e + 1,
        ev["source"],
        ev["text"],
        ev["kind"],
        get("language") or language,
        passage,
        get("id"),
        tuple(get("via", ())),
        get("translation_of"),
        get("notes"),
        get("via_reason"),
        "outlets-account" if top else bases[ev["kind"]],
        top,
    )


def assemble(
    items: dict[str, list[dict]],
    texts: dict,
    passages: dict,
    origins: dict[tuple[str, str], Origin] | None = None,
    claim_files: dict[str, str] | None = None,
    published: str | None = None,
    headlines: dict[str, tuple[int, int] | None] | None = None,
) -> Dossier:
    """`items` maps each top-level key to its list; `passages` maps (claim index, evidence index)
    to where the evidence stands; `claim_files` maps a claim id to the file that holds it;
    `headlines` where each source's headline stands, when the validator has found it already."""
    sources = {d["id"]: _source(d, texts[d["id"]].text) for d in items.get("sources", [])}
    actors = {d["id"]: _actor(d) for d in items.get("actors", [])}
    proposals = {d["id"]: _proposal(d) for d in items.get("proposals", [])}
    bases = kind_bases()
    if headlines is None:
        headlines = {s.id: headline_span(s.text, s.title)[0] for s in sources.values()}
    origin_of = (claim_files or {}).get
    claims = {}
    for index, d in enumerate(items.get("claims", [])):
        evidence = tuple(
            [
                _evidence(e, ev, sources[ev["source"]].language, passages[(index, e)], headlines[ev["source"]], bases)
                for e, ev in enumerate(d["evidence"])
            ]
        )
        get = d.get
        claims[d["id"]] = Claim(
            d["id"],
            d["actor"],
            _stances(d["stances"], evidence),
            dating(d["said"]),
            d["summary"],
            evidence,
            get("added"),
            tuple(get("see_also", ())),
            tuple(get("tags", ())),
            get("notes"),
            tuple([Correction(c["date"], c["change"], c["reason"]) for c in get("corrections", ())]),
            origin_of(d["id"], "claims.yaml"),
            tuple(get("formerly", ())),
            get("occasion"),
        )
    return Dossier(sources, actors, proposals, claims, origins or {}, published)


def outline(
    items: dict[str, list[dict]],
    origins: dict[tuple[str, str], Origin],
    claim_files: dict[str, str],
    published: str | None = None,
) -> Dossier:
    """The dossier as the site plan places its pages: every source, actor and proposal, and each
    claim's actor, stances and date; but no evidence, no source text and no stance's ground (a
    stance rests on nothing here). What `dossier check` needs to find two pages on one path, at
    under half the cost of `assemble`; never rendered."""
    claims = {}
    for d in items.get("claims", []):
        stances = tuple([Stance(p, v["stance"] if isinstance(v, dict) else v, (), "") for p, v in d["stances"].items()])
        claims[d["id"]] = Claim(
            d["id"],
            d["actor"],
            stances,
            dating(d["said"]),
            d["summary"],
            (),
            origin=claim_files.get(d["id"], "claims.yaml"),
        )
    return Dossier(
        {d["id"]: _source(d, "") for d in items.get("sources", [])},
        {d["id"]: _actor(d) for d in items.get("actors", [])},
        {d["id"]: _proposal(d) for d in items.get("proposals", [])},
        claims,
        origins,
        published,
    )


def _stances(stances: dict, evidence: tuple[Evidence, ...]) -> tuple[Stance, ...]:
    """The claim's stances; those that name no `rests_on` share one ground, worked out once."""
    shared: tuple[tuple[int, ...], str] | None = None
    out = []
    for proposal, value in stances.items():
        if isinstance(value, dict):
            named = value.get("rests_on")
            rests_on, basis = _ground(evidence, named) if named else (shared or _ground(evidence, None))
            if not named:
                shared = (rests_on, basis)
            out.append(Stance(proposal, value["stance"], rests_on, basis, value.get("condition")))
        else:
            if shared is None:
                shared = _ground(evidence, None)
            out.append(Stance(proposal, value, shared[0], shared[1]))
    return tuple(out)


def _ground(evidence: tuple[Evidence, ...], named) -> tuple[tuple[int, ...], str]:
    """What a stance rests on: the items `rests_on` names (all, by default) less any on a
    headline, which is never a ground (the check refuses a stance on a headline alone; leaving it
    out cannot change the basis, the strongest of the items, since a headline gives the weakest);
    and the strongest basis of those."""
    chosen = [ev for ev in evidence if not named or ev.id in named]
    chosen = [ev for ev in chosen if not ev.on_headline] or chosen
    return tuple([ev.number for ev in chosen]), min([ev.basis for ev in chosen], key=_RANK.__getitem__)


def dating(d: dict) -> Dating:
    date = d.get("date")
    before = tuple([Ordering(o["claim"], o["reason"]) for o in d["before"]]) if "before" in d else ()
    after = tuple([Ordering(o["claim"], o["reason"]) for o in d["after"]]) if "after" in d else ()
    return Dating(date, d["basis"], d.get("reason"), dates.parse(date) if date else None, before, after)


def _source(d: dict, text: str) -> Source:
    outlet = Attribution(d["outlet"].get("name"), d["outlet"]["basis"], d["outlet"].get("reason"))
    t = d.get("translation")
    translation = (
        Translation(t["quotes"], tuple(t.get("spoken", ())), t.get("translator"), t.get("reason")) if t else None
    )
    return Source(
        d["id"],
        d["file"],
        d["sha256"],
        d["title"],
        outlet,
        dating(d["published"]),
        d["language"],
        text,
        d.get("url"),
        d.get("notes"),
        tuple(Perspective(p["label"], p["note"]) for p in d.get("perspective", ())),
        translation,
        tuple(d.get("formerly", ())),
        _original(d.get("original")),
    )


def _original(d: dict | None) -> Original | None:
    if d is None:
        return None
    retrieved = d.get("retrieved", {})
    return Original(
        d["file"],
        d["sha256"],
        d["format"],
        d["extracted_by"],
        retrieved.get("url"),
        retrieved.get("at"),
        tuple(d.get("found", {}).items()),
    )


def _actor(d: dict) -> Actor:
    roles = tuple(
        Role(r["title"], r.get("from"), r.get("until"), tuple(r.get("sources", ()))) for r in d.get("roles", ())
    )
    return Actor(
        d["id"],
        d["name"],
        d["kind"],
        tuple(d.get("aliases", ())),
        roles,
        d.get("affiliation"),
        d.get("notes"),
        tuple(d.get("formerly", ())),
    )


def _proposal(d: dict) -> Proposal:
    related = tuple(Relation(r["proposal"], r["relation"]) for r in d.get("related", ()))
    return Proposal(d["id"], d["title"], d["summary"], related, d.get("notes"), tuple(d.get("formerly", ())))
