"""The schema.org JSON-LD in the head of actor, proposal and source pages (the dossier's MkDocs
plugin puts it there): what search engines read, each thing on its own page, its @id relative to
the page. An actor's page describes the speaker, not its claims: schema.org's `Claim` and
`Quotation` are in neither Google's nor Bing's list of the structured data they read, and were
8 MiB of the 10,000-claim site's heads; data/claims.json.zip describes every claim, with more
than schema.org can say."""

from __future__ import annotations

import json
from typing import Any

from ..data.model import Dating, Dossier, Source
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
    return {"@context": "https://schema.org", **node}


def proposal_jsonld(dossier: Dossier, link: Links, proposal_id: str) -> dict[str, Any]:
    proposal = dossier.proposals[proposal_id]
    return {
        "@context": "https://schema.org",
        "@type": "Thing",
        "@id": link.proposal(proposal.id) + "#proposal",
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
