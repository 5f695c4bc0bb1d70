"""The schema.org JSON-LD in the head of actor, proposal and source pages (the dossier's MkDocs
plugin puts it there): each claim described once, on its card's page, as a schema.org Claim with
its sources, speaker and proposals; elsewhere named by its @id."""

from __future__ import annotations

import json
from typing import Any

from ..data.model import Claim, Dating, Dossier, Source
from .plan import Links


def schema_org_date(d: Dating) -> str | None:
    """schema.org wants an ISO 8601 date: only a plain day, month or year qualifies."""
    i = d.interval
    return i.text if i and i.kind in ("day", "month", "year") and not (i.uncertain or i.approximate) else None


def _source_work(source: Source, page: str) -> dict[str, Any]:
    original: dict[str, Any] = {
        "@type": "NewsArticle" if source.outlet.name else "CreativeWork",
        "headline": source.title,
        "inLanguage": source.language,
    }
    if source.outlet.name:
        original["publisher"] = {"@type": "Organization", "name": source.outlet.name}
    if schema_org_date(source.published):
        original["datePublished"] = schema_org_date(source.published)
    if source.url:
        original["url"] = source.url
    return {
        "@type": "CreativeWork",
        "@id": page,
        "name": source.title,
        "inLanguage": source.language,
        "identifier": f"sha256:{source.sha256}",
        "isBasedOn": original,
    }


class _Graph:
    """A page's JSON-LD nodes: each source and speaker a claim points at is described once
    in the page's @graph and named by its @id wherever else the page refers to it (the same
    graph for a reader of JSON-LD; it was a third of the bytes of a busy actor's head)."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}

    def ref(self, node: dict[str, Any]) -> dict[str, str]:
        self.nodes.setdefault(node["@id"], node)
        return {"@id": node["@id"]}


def _claim(dossier: Dossier, link: Links, claim: Claim, graph: _Graph) -> dict[str, Any]:
    actor = dossier.actors[claim.actor]
    author = {"@type": _actor_type(actor.kind), "@id": link.actor(actor.id, "actor"), "name": actor.name}
    works = list(
        dict.fromkeys(
            graph.ref(_source_work(dossier.sources[ev.source], link.source(ev.source)))["@id"] for ev in claim.evidence
        )
    )
    out: dict[str, Any] = {
        "@type": "Claim",
        "@id": link.claim(claim),
        "text": claim.summary,
        "author": graph.ref(author),
        "appearance": [{"@id": work} for work in works],
        "firstAppearance": {"@id": works[0]},
        # inline: a proposal's @id and name once per page took more bytes than its name per claim
        "about": [{"@type": "Thing", "name": dossier.proposals[s.proposal].title} for s in claim.stances],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": ev.text,
                "inLanguage": ev.language,
                "creator": {"@id": link.actor(actor.id, "actor")},
                "isPartOf": {"@id": link.source(ev.source)},
                "url": link.passage(ev),
            }
            for ev in claim.evidence
            if ev.kind == "direct-quote"
        ],
    }
    if schema_org_date(claim.said):
        out["datePublished"] = schema_org_date(claim.said)
    outlets = _interpreters(dossier, claim)
    if outlets:
        out["claimInterpreter"] = outlets
    return out


def _interpreters(dossier: Dossier, claim: Claim) -> list[dict[str, Any]]:
    """A claim whose every stance rests only on the outlet's account is the outlets' reading of
    the actor: schema.org's `claimInterpreter` names them (those the sources name)."""
    if any(s.basis != "outlets-account" for s in claim.stances):
        return []
    names = dict.fromkeys(dossier.sources[ev.source].outlet.name for ev in claim.evidence)
    return [{"@type": "Organization", "name": name} for name in names if name]


def _actor_type(kind: str) -> str:
    return "Person" if kind == "person" else "Organization"


def actor_jsonld(dossier: Dossier, link: Links, actor_id: str) -> dict[str, Any]:
    actor = dossier.actors[actor_id]
    node: dict[str, Any] = {"@type": _actor_type(actor.kind), "@id": link.actor(actor.id, "actor"), "name": actor.name}
    if actor.aliases:
        node["alternateName"] = list(actor.aliases)
    if actor.roles and actor.kind == "person":
        node["jobTitle"] = [role.title for role in actor.roles]
    if actor.affiliation:
        node["affiliation"] = {"@type": "Organization", "name": actor.affiliation}
    mine = dossier.claims_by_actor.get(actor.id, ())
    graph = _Graph()
    graph.ref(node)
    if actor.id in link.plan.split_actors:  # each claim in full on its first proposal's page
        claims = [{"@type": "Claim", "@id": link.claim(c)} for c in mine]
    else:
        claims = [_claim(dossier, link, c, graph) for c in mine]
    rest = list(graph.nodes.values())[1:]
    return {"@context": "https://schema.org", "@graph": [node, *claims, *rest]}


def actor_part_jsonld(dossier: Dossier, link: Links, actor_id: str, proposal_id: str) -> dict[str, Any]:
    """A busy actor's claims on one proposal, each described in full on the page of its first
    proposal (its own anchor's page); no claim described here, no JSON-LD."""
    graph = _Graph()
    claims = [
        _claim(dossier, link, c, graph)
        for c in dossier.claims_by_actor.get(actor_id, ())
        if c.stances and c.stances[0].proposal == proposal_id
    ]
    return {"@context": "https://schema.org", "@graph": [*claims, *graph.nodes.values()] if claims else []}


def proposal_jsonld(dossier: Dossier, link: Links, proposal_id: str) -> dict[str, Any]:
    """The proposal and its claims as references: each claim is described once, in full, on its
    actor's page (a busy proposal's page repeated 800 KB of them at 4,000 claims)."""
    proposal = dossier.proposals[proposal_id]
    topic = {
        "@type": "Thing",
        "@id": link.proposal(proposal.id) + "#proposal",
        "name": proposal.title,
        "description": proposal.summary,
    }
    about = {"@id": topic["@id"]}
    claims = [
        {"@type": "Claim", "@id": link.claim(c), "about": about}
        for c in dossier.claims_by_proposal.get(proposal_id, ())
    ]
    return {"@context": "https://schema.org", "@graph": [topic, *claims]}


def source_jsonld(dossier: Dossier, link: Links, source_id: str) -> dict[str, Any]:
    work = _source_work(dossier.sources[source_id], link.source(source_id))
    return {"@context": "https://schema.org", **work}


def front_matter_json(data: Any) -> str:
    """JSON for a page's <script type="application/ld+json"> (the plugin puts it in <head>):
    ASCII only, and no `<`, `>` or `&`, so nothing in it can end the script or mean HTML."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text
