"""The briefing as a PDF: one HTML document (site_templates/pdf/) printed by WeasyPrint.

WeasyPrint is imported lazily: it needs Pango from the system, and the site must build
without it. The output depends only on the dossier (dates come from the claims, not the
clock), so two runs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..data.model import Claim, Dossier, Source, date_range
from ..errors import DossierError
from . import briefing, views
from .plan import SitePlan
from .render import TEMPLATES, environment

PDF_TEMPLATES = TEMPLATES / "pdf"
# The grid has up to 30 columns on a landscape page: stances are abbreviated there, with a legend.
ABBREVIATIONS = {
    "supports": "supp",
    "conditional": "cond",
    "open": "open",
    "skeptical": "skep",
    "opposes": "opp",
    "neutral": "neut",
}
# libpangoft2 depends on libpango, GLib (gobject), HarfBuzz and fontconfig: one package pulls in
# every library WeasyPrint opens.
PANGO_PACKAGE = "libpangoft2-1.0-0"


class PdfUnavailable(DossierError):
    """WeasyPrint or the system libraries it needs are missing; the message says what to install."""


@dataclass(frozen=True)
class Scope:
    """What the document covers: the whole dossier, or one proposal and what bears on it."""

    proposals: tuple[str, ...]
    claims: tuple[Claim, ...]
    actors: tuple[str, ...]
    sources: tuple[Source, ...]


def site_link(site_url: str | None, address: str) -> str | None:
    """The absolute address of a site address from the plan (`actors/x.html#claim-y`), or None
    without a site URL."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}{address}"


def dossier_date(dossier: Dossier) -> dt.date | None:
    """The day the newest claim was added: the document's date, stable for the same input."""
    days = [date_range(c.added)[1] for c in dossier.claims.values() if c.added]
    return max(days, default=None)


def created_at(dossier: Dossier) -> dt.datetime:
    """The time to stamp into the PDF's metadata (midnight UTC of `dossier_date`)."""
    day = dossier_date(dossier) or dt.date(2000, 1, 1)  # as build.build_epoch falls back
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def scope_of(dossier: Dossier, proposal: str | None) -> Scope:
    if proposal is not None and proposal not in dossier.proposals:
        raise ValueError(f"no proposal has the id `{proposal}`")
    proposals = (proposal,) if proposal else tuple(dossier.proposals)
    if proposal:
        claims = dossier.claims_by_proposal.get(proposal, ())
        actors = tuple(dossier.actors_on(proposal))
    else:
        claims, actors = dossier.chronology, tuple(dossier.actors)
    cited = {ev.source for claim in claims for ev in claim.evidence}
    sources = tuple(s for s in dossier.sources.values() if s.id in cited or not proposal)
    return Scope(proposals, claims, actors, sources)


def _environment() -> jinja2.Environment:
    env = environment(("pdf",))
    env.filters.update(sha=lambda digest: digest[:12])
    return env


def briefing_html(
    dossier: Dossier,
    *,
    title: str,
    scope: str,
    site_url: str | None,
    proposal: str | None = None,
    record: bool = False,
) -> str:
    """The briefing as one HTML document for print: cover with the sourcing caveat, key points,
    contents, summary grid, a section per proposal (or only `proposal`) with each actor's current
    position and the evidence it rests on, annex of sources. With `record`, the full record
    instead: every claim with all its evidence, oldest first. Everything from the YAML is escaped."""
    covered = scope_of(dossier, proposal)
    grid_actors, grid_proposals = briefing.grid(dossier)
    plan = SitePlan(dossier)
    if proposal:
        grid_actors = tuple(dossier.actors[a] for a in covered.actors)
        grid_proposals = (dossier.proposals[proposal],)
    shown = (len(grid_actors), len(grid_proposals))  # the site's grid leaves out the least-cited
    day = dossier_date(dossier)
    principal = briefing.principal_count(dossier, covered.proposals)
    sections = tuple(briefing.section(dossier, pid, record, principal) for pid in covered.proposals)
    css = (PDF_TEMPLATES / "briefing.css").read_text(encoding="utf-8")
    return (
        _environment()
        .get_template("briefing.html.j2")
        .render(
            d=dossier,
            title=title,
            scope=scope,
            record=record,
            covered=covered,
            css=Markup(css),
            abbreviations=ABBREVIATIONS,
            marks=briefing.BASIS_MARKS,
            key_names=briefing.KEY_NAMES,
            basis_labels=briefing.BASIS_LABELS,
            basis_words=views.BASIS_WORDS,
            quotes_labels=views.QUOTES_LABELS,
            date=f"{day.day} {day:%B} {day.year}" if day else "no claim records when it was added",
            keys=briefing.key_points(dossier, covered.claims, covered.proposals, covered.sources),
            grid_actors=grid_actors,
            grid_proposals=grid_proposals,
            conditions=briefing.conditions(dossier, grid_actors, grid_proposals),
            truncated=not proposal and shown != (len(dossier.actors), len(dossier.proposals)),
            claim_link=lambda claim: site_link(site_url, plan.claim_url(claim)),
            proposal_link=lambda pid: site_link(site_url, plan.url(plan.item_page("proposals", pid))),
            site_home=site_link(site_url, ""),
            month_year=briefing.month_year,
            passage_link=lambda ev: site_link(site_url, plan.passage_url(ev)),
            latest=lambda actor, proposal: views.latest(dossier, actor, proposal),
            source_label=briefing.source_label,
            sections=sections,
            annexed=briefing.cited(sections, covered.sources),
            printed={(sec.proposal.id, p.claim.id) for sec in sections for e in sec.entries for p in e.points},
        )
    )


def _weasyprint():
    """Import WeasyPrint, turning a missing system library into one line that says what to do."""
    try:
        import weasyprint
    except ImportError as error:
        raise PdfUnavailable("PDF output needs WeasyPrint: pip install weasyprint") from error
    except OSError as error:  # raised by cffi's dlopen when Pango, GLib or fontconfig is missing
        raise PdfUnavailable(f"PDF output needs the Pango library: apt-get install {PANGO_PACKAGE}") from error
    return weasyprint


def write_pdf(html: str, out: Path, *, base_url: str | Path | None, created: dt.datetime) -> None:
    """Print `html` to `out` as tagged PDF (PDF/UA-1) with fonts embedded. `created` is the date
    in the metadata; with it fixed, the same HTML gives the same bytes."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None).render()
    stamp = created.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.created = document.metadata.modified = stamp
    # The file identifier must not be random; derive it from the input, as PDF 1.7 suggests.
    digest = hashlib.md5(html.encode("utf-8") + stamp.encode("ascii"), usedforsecurity=False)
    identifier = digest.hexdigest().encode("ascii")
    out.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(out, pdf_variant="pdf/ua-1", pdf_identifier=identifier)
