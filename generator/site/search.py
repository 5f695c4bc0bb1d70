"""What the site's search finds: one record per claim, actor, proposal and source, plus the
hand-written pages. `render_all` makes them in memory; `publish.pagefind` writes each as a small
page (`document`) and has Pagefind's CLI turn them into a bundle that the reader's browser
fetches in small pieces, only when searching.

- Each claim is indexed once (not once per page that shows it) and its result opens the claim's
  card on its actor's page (`actors/ACTOR.html#claim-ID`); actors, proposals and sources open
  their pages; a source is found by its title, outlet and the passages cited from it (not its
  full text: that doubled the indexer's memory at 10,000 claims for little).
- An actor is found by any alias: the aliases are in the actor's record and in each claim's.
- Filters: kind, actor, proposal, stance, year, source, language.
- Hand-written pages are indexed from their Markdown rendered here with the build's own engine
  and cleaning (`pages.render_page`: the HTML MkDocs puts in the page's article), so the
  search does not wait for MkDocs.
- Language: Pagefind keeps one index per language and a page searches only the index of its own
  `<html lang>`; every page here is English, so every record is filed as `en`: one index, found
  from every page. Russian and Ukrainian words match as typed and by prefix, without stemming.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from markupsafe import Markup

from ..data.model import Claim
from . import pages, passages, render
from .plan import SitePlan
from .views import KIND_LABELS, STANCE_LABELS, date_display, language_name

LANGUAGE = "en"  # the one index (see above)
EXCERPT_WORDS = 30
Record = dict[str, Any]


def _flat(text: str | None) -> str:
    return " ".join(str(text or "").split())


def claim_records(plan: SitePlan) -> list[Record]:
    d = plan.dossier
    records = []
    for claim in d.chronology:
        actor = d.actors[claim.actor]
        titles = [d.proposals[s.proposal].title for s in claim.stances]
        sources = list(dict.fromkeys(d.sources[ev.source] for ev in claim.evidence))
        lines = [claim.summary, *(f"{passages.passage_label(ev)}: “{_flat(ev.text)}”" for ev in claim.evidence)]
        lines.append(", ".join([actor.name, *actor.aliases]))
        lines += [f"{STANCE_LABELS[s.value]}: {t}." for s, t in zip(claim.stances, titles, strict=True)]
        lines += [f"Source: {s.title}, {s.outlet.name or 'outlet unknown'}." for s in sources]
        lines += [_flat(claim.notes)] if claim.notes else []
        records.append(
            {
                "url": plan.claim_url(claim),
                "content": "\n".join(lines),
                "meta": {
                    "title": f"{actor.name}: {claim.summary}",
                    "said": date_display(claim.said),
                    "excerpt": excerpt(claim),
                },
                "filters": {
                    "kind": ["Claim"],
                    "actor": [actor.name],
                    "proposal": sorted(set(titles)),
                    "stance": sorted({STANCE_LABELS[s.value] for s in claim.stances}),
                    "year": [claim.said.date[:4] if claim.said.date else "date unknown"],
                    "source": sorted({s.title for s in sources}),
                    "language": sorted({language_name(ev.language) for ev in claim.evidence}),
                },
            }
        )
    return records


def excerpt(claim: Claim) -> str:
    """What a claim's result shows under its title (actor and summary): its excerpt (`passages.excerpt`,
    never a headline), never the alias list Pagefind would cut around a matched alias."""
    ev = passages.excerpt(claim)
    if ev is None:
        return claim.summary
    words = _flat(ev.text).split()
    text = " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")
    return f"“{text}”" if ev.kind == "direct-quote" else f"{KIND_LABELS[ev.kind]}: {text}"


def page_records(plan: SitePlan) -> list[Record]:
    d = plan.dossier
    records = []
    for a in d.actors.values():
        words = [a.name, ", ".join(a.aliases), a.affiliation, *(r.title for r in a.roles), _flat(a.notes)]
        records.append(_page(plan.url(plan.item_page("actors", a.id)), a.name, "Actor", words))
    for p in d.proposals.values():
        words = [p.title, _flat(p.summary), _flat(p.notes)]
        records.append(_page(plan.url(plan.item_page("proposals", p.id)), p.title, "Proposal", words))
    for s in d.sources.values():
        cited = [_flat(cp.exact) for cp in d.passages(s.id).values()]
        words = [s.title, s.outlet.name, *cited]
        record = _page(plan.url(plan.item_page("sources", s.id)), s.title, "Source", words)
        record["filters"]["language"] = [language_name(s.language)]
        records.append(record)
    return records


def _page(url: str, title: str, kind: str, words: list[str | None]) -> Record:
    return {
        "url": url,
        "content": "\n".join(w for w in words if w),
        "meta": {"title": title},
        "filters": {"kind": [kind]},
    }


def hand_written_records(plan: SitePlan, texts: dict[str, str]) -> list[Record]:
    """A record per hand-written page (`texts`: content path -> Markdown): its clean HTML, as
    the page's article shows it, under the title Pagefind would take from the built page (its
    first heading; without one, the title Material shows)."""
    records = []
    for rel in sorted(texts, key=plan.hand_written_path):
        meta, clean = pages.render_page(texts[rel], rel)
        title = pages.first_heading(clean) or meta.get("title") or _title_from_name(rel)
        url = plan.url(plan.hand_written_path(rel))
        records.append({"url": url, "html": Markup(clean), "meta": {"title": title}, "filters": {}})
    return records


def _title_from_name(rel: str) -> str:
    """MkDocs' title for a page with neither a title nor a heading: its file name, in words."""
    title = PurePosixPath(rel).stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def records(plan: SitePlan, hand_written: dict[str, str]) -> list[Record]:
    """Every record, in a fixed order; `hand_written`: content path -> Markdown of each
    hand-written page."""
    return claim_records(plan) + page_records(plan) + hand_written_records(plan, hand_written)


def documents(records: list[Record]):
    """(url, the page Pagefind indexes) per record: site_templates/search/record.html.j2."""
    template = render.environment(("search",)).get_template("record.html.j2")
    for record in records:
        yield record["url"], template.render(record=record, language=LANGUAGE)
