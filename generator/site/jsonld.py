"""The schema.org JSON-LD in the head of actor, proposal and source pages (the dossier's MkDocs
plugin puts it there). Each thing is described once, on its own page: a speaker on the actor's,
a source on its page, a proposal on its page, a claim on its card's page; wherever else a page
refers to one, it names it by @id (relative to the page, so every page's ids agree)."""

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


def _claim(dossier: Dossier, link: Links, claim: Claim) -> dict[str, Any]:
    """A claim in full; its speaker, sources and proposals by @id (each described on its own page:
    on every card's page they were a third of the bytes)."""
    works = list(dict.fromkeys(link.source(ev.source) for ev in claim.evidence))
    speaker = {"@id": link.actor(claim.actor, "actor")}
    out: dict[str, Any] = {
        "@type": "Claim",
        "@id": link.claim(claim),
        "text": claim.summary,
        "author": speaker,
        "appearance": [{"@id": work} for work in works],
        "firstAppearance": {"@id": works[0]},
        "about": [{"@id": _topic_id(link, s.proposal)} for s in claim.stances],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": ev.text,
                "inLanguage": ev.language,
                "creator": speaker,
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


def _topic_id(link: Links, proposal_id: str) -> str:
    return link.proposal(proposal_id) + "#proposal"


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
    if actor.id in link.plan.split_actors:  # each claim in full on its first proposal's page
        claims = [{"@type": "Claim", "@id": link.claim(c)} for c in mine]
    else:
        claims = [_claim(dossier, link, c) for c in mine]
    return {"@context": "https://schema.org", "@graph": [node, *claims]}


def actor_part_jsonld(dossier: Dossier, link: Links, actor_id: str, proposal_id: str) -> dict[str, Any]:
    """A busy actor's claims on one proposal, each described in full on the page of its first
    proposal (its own anchor's page), the actor by reference."""
    claims = [
        _claim(dossier, link, c)
        for c in dossier.claims_by_actor.get(actor_id, ())
        if c.stances and c.stances[0].proposal == proposal_id
    ]
    return {"@context": "https://schema.org", "@graph": claims}


def proposal_jsonld(dossier: Dossier, link: Links, proposal_id: str) -> dict[str, Any]:
    """The proposal; its claims name it (`about`) where they are described, on their cards' pages
    (listing them here too was 2.5 MiB of references at 10,000 claims)."""
    proposal = dossier.proposals[proposal_id]
    return {
        "@context": "https://schema.org",
        "@type": "Thing",
        "@id": _topic_id(link, proposal.id),
        "name": proposal.title,
        "description": proposal.summary,
    }


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
