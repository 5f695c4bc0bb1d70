"""The machine-readable dossier: claims.json (in xz) and claims.csv (zipped), with provenance; the
CSL-JSON of every claim (zipped); Atom feeds (the JSON-LD embedded in pages is site/jsonld.py).

Written into the generated docs folder, so MkDocs copies them into the site (and `serve` and
Zensical have them too). The JSON's `format_version` follows semantic versioning: a new field
is a minor change, a renamed or removed one a major change (see README, "Data contract").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import lzma
import re
import uuid
import zipfile
from importlib import resources
from typing import Any

from ..data.model import Claim, Dating, Dossier, Evidence, Source, date_range
from . import passages, views
from .plan import SitePlan

FORMAT = "dossier-claims"
FORMAT_VERSION = "2.3.0"
EXPORT_SCHEMA = "schema/claims-export.schema.json"
CSV_COLUMNS = (
    "claim_id",
    "actor_id",
    "actor_name",
    "stances",
    "said_date",
    "said_earliest",
    "said_latest",
    "said_basis",
    "added",
    "summary",
    "evidence_number",
    "evidence_id",
    "kind",
    "language",
    "source_id",
    "source_sha256",
    "start",
    "end",
    "line",
    "exact",
    "prefix",
    "suffix",
    "via",
    "text",
    "url",
    "occasion",
    "evidence_basis",
    "said_before",
    "said_after",
    "said_uncertain",
)
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection), white
# space before it or not; some read the full-width forms as the ASCII ones.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What a cell never holds raw: every C0 and C1 control but tab and LF, and the Unicode line and
# paragraph separators (some readers end a row at any of them, quoted or not).
_CSV_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# How the CSV's stances column marks a basis (a quoted stance goes unmarked, as on the site).
_CSV_BASIS = {"quoted": "", "reported": " (reported)", "outlets-account": " (outlet's account)"}
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:dossier")


def atom_id(kind: str, ident: str) -> str:
    """A stable, globally unique Atom id that needs no domain of ours."""
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'{kind}/{ident}')}"


def _dating(d: Dating) -> dict[str, Any]:
    """An EDTF date with its bounds (null where open or unknown) and how it is known."""
    i = d.interval
    out: dict[str, Any] = {
        "date": d.date,
        "kind": i.kind if i else None,
        "earliest": _bound(i.lower) if i else None,
        "latest": _bound(i.upper) if i else None,
        "uncertain": i.uncertain if i else False,
        "approximate": i.approximate if i else False,
        "basis": d.basis,
    }
    if d.reason:
        out["reason"] = d.reason
    return out


def _orderings(dossier: Dossier, claim: Claim) -> dict[str, list[dict[str, str]]]:
    """The orders texts state for a claim, whichever of the two claims records them."""
    found = dossier.orderings(claim)
    return {
        word: [{"claim": other.id, "reason": why} for said, other, why in found if said == word]
        for word in ("before", "after")
    }


def _bound(day: dt.date) -> str | None:
    return None if day in (dt.date.min, dt.date.max) else day.isoformat()


def _stances(dossier: Dossier, claim: Claim) -> list[dict[str, Any]]:
    return [
        {
            "proposal": s.proposal,
            "title": dossier.proposals[s.proposal].title,
            "stance": s.value,
            "condition": s.condition,
            "rests_on": list(s.rests_on),
            "basis": s.basis,
        }
        for s in claim.stances
    ]


def _source_assessment(source: Source) -> dict[str, Any]:
    t = source.translation
    return {
        "perspective": [{"label": p.label, "note": p.note} for p in source.perspective],
        "translation": {"quotes": t.quotes, "spoken": list(t.spoken), "translator": t.translator, "reason": t.reason}
        if t
        else None,
    }


def _evidence(plan: SitePlan, ev: Evidence) -> dict[str, Any]:
    source = plan.dossier.sources[ev.source]
    p = ev.passage
    return {
        "number": ev.number,
        "id": ev.id,
        "kind": ev.kind,
        "basis": ev.basis,
        "language": ev.language,
        "text": ev.text,
        "via": list(ev.via),
        "via_reason": ev.via_reason,
        "headline": ev.on_headline,
        "translation_of": ev.translation_of,
        "notes": ev.notes,
        "source": {
            "id": source.id,
            "title": source.title,
            "file": source.file,
            "sha256": source.sha256,
            **_source_assessment(source),
        },
        "selector": {
            "start": p.start,
            "end": p.end,
            "line": p.line,
            "exact": p.exact,
            "prefix": p.prefix,
            "suffix": p.suffix,
            "parts": [list(part) for part in p.parts],
        },
        "url": plan.passage_url(ev),
    }


def claims_document(plan: SitePlan) -> dict[str, Any]:
    dossier = plan.dossier
    claims = []
    for claim in dossier.chronology:
        actor = dossier.actors[claim.actor]
        claims.append(
            {
                "id": claim.id,
                "url": plan.claim_url(claim),
                "actor": {"id": actor.id, "name": actor.name, "kind": actor.kind},
                "stances": _stances(dossier, claim),
                "corrections": [{"date": c.date, "change": c.change, "reason": c.reason} for c in claim.corrections],
                "formerly": list(claim.formerly),
                "said": {**_dating(claim.said), **_orderings(dossier, claim)},
                "added": claim.added,
                "summary": claim.summary,
                "tags": list(claim.tags),
                "see_also": list(claim.see_also),
                "notes": claim.notes,
                "occasion": claim.occasion,
                "evidence": [_evidence(plan, ev) for ev in claim.evidence],
            }
        )
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "published": dossier.published, "claims": claims}


def _cell(value: Any) -> str:
    """A value as a spreadsheet shows it and never runs it: line breaks as LF (CR LF and a lone
    CR from a source text too), other control characters as escapes (`\\x07`, `\\u2028`: the
    exact characters are in claims.json), and a leading ' before a formula."""
    text = "" if value is None else str(value)
    if _CSV_UNSHOWN.search(text):
        text = _CSV_UNSHOWN.sub(_csv_escape, text.replace("\r\n", "\n").replace("\r", "\n"))
    return "'" + text if text.lstrip(" \n\u00a0\u3000").startswith(_FORMULA_START) else text


def _csv_escape(found: re.Match) -> str:
    point = ord(found.group())
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def claims_csv(plan: SitePlan) -> str:
    """One row per evidence item. Cells a spreadsheet would run as formulas get a leading '."""
    dossier = plan.dossier
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in dossier.chronology:
        actor = dossier.actors[claim.actor]
        stances = "; ".join(f"{s.proposal}:{s.value}{_CSV_BASIS[s.basis]}" for s in claim.stances)
        order = {word: " ".join(o["claim"] for o in found) for word, found in _orderings(dossier, claim).items()}
        for ev in claim.evidence:
            p = ev.passage
            row = (
                claim.id,
                actor.id,
                actor.name,
                stances,
                claim.said.date,
                _dating(claim.said)["earliest"],
                _dating(claim.said)["latest"],
                claim.said.basis,
                claim.added,
                claim.summary,
                ev.number,
                ev.id,
                ev.kind,
                ev.language,
                ev.source,
                dossier.sources[ev.source].sha256,
                p.start,
                p.end,
                p.line,
                p.exact,
                p.prefix,
                p.suffix,
                " > ".join(ev.via),
                ev.text,
                plan.passage_url(ev),
                claim.occasion,
                ev.basis,
                order["before"],
                order["after"],
                # the date's earliest and latest day above are its bounds, not a certainty
                "true" if claim.said.interval is not None and claim.said.interval.uncertain else "false",
            )
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _date_parts(date: str) -> list[list[int]]:
    return [[int(part) for part in date.split("-")]]


def csl(dossier: Dossier, claim: Claim) -> list[dict[str, Any]]:
    """CSL-JSON items, one per evidence item: the source as the work, the quote in the note."""
    actor = dossier.actors[claim.actor]
    items = []
    for ev in passages.reading_order(claim):  # the excerpt first: what a reference manager shows as the claim's
        source = dossier.sources[ev.source]
        voice = "the outlet's headline" if ev.on_headline else views.VOICE_LABELS[ev.kind]
        item: dict[str, Any] = {
            "id": f"{claim.id}-{ev.number}",
            "type": "article-newspaper" if source.outlet.name else "article",
            "title": source.title,
            "language": source.language,
            "note": f"{actor.name} ({views.date_display(claim.said)}), {voice}: {ev.text} "
            f"[{ev.kind}; line {ev.passage.line} of the stored text, sha256 {source.sha256}]",
        }
        if source.outlet.name:
            item["container-title"] = source.outlet.name
        issued = _csl_date(source.published)
        if issued:
            item["issued"] = issued
        if source.url:
            item["URL"] = source.url
        items.append(item)
    return items


def csl_items(dossier: Dossier) -> list[dict[str, Any]]:
    """The CSL-JSON of every claim, actor by actor (the same names and sources together: a quarter
    smaller zipped than in claims.json's order), each actor's oldest first. A claim's items are
    those whose id is the claim's, a hyphen and an evidence number."""
    return [
        item
        for actor in dossier.actors
        for claim in dossier.claims_by_actor.get(actor, ())
        for item in csl(dossier, claim)
    ]


def _csl_date(d: Dating) -> dict[str, Any] | None:
    """CSL date-parts: the date at its precision, or the range of a bounded interval; `circa` when
    the date is uncertain or approximate (CSL has one flag for both), so that a reference manager
    does not import it as certain."""
    i = d.interval
    if i is None:
        return None
    out: dict[str, Any]
    if i.kind in ("day", "month", "year") and not (i.uncertain or i.approximate):
        return {"date-parts": _date_parts(i.text)}
    if i.lower != dt.date.min and i.upper != dt.date.max:
        out = {"date-parts": [[i.lower.year, i.lower.month, i.lower.day], [i.upper.year, i.upper.month, i.upper.day]]}
    else:
        out = {"literal": i.text}
    if i.uncertain or i.approximate:
        out["circa"] = True
    return out


def feed_entries(claims, limit: int | None = None) -> list[Claim]:
    """Newest first: by the day a claim entered the dossier, then by when it was said (undated
    last); the newest `limit` of them when given."""
    newest = sorted(
        claims, key=lambda c: (c.added or "", c.said.interval is not None, c.said.sort_key, c.id), reverse=True
    )
    return newest[:limit] if limit is not None else newest


def timestamp(date: str | None, fallback: dt.date) -> str:
    day = date_range(date)[1] if date else fallback
    return f"{day.isoformat()}T00:00:00Z"


def export_schema() -> bytes:
    return resources.files("generator").joinpath(EXPORT_SCHEMA).read_bytes()


def json_bytes(data: Any) -> bytes:
    """Machine-readable JSON: compact (no indentation: a tenth of the bytes at 10,000 claims)."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def xz(data: bytes) -> bytes:
    """`data` in xz, the same bytes for the same input: LZMA2 at preset 3 (xz's fast mode) with
    xz's default dictionary, 8 MiB (smaller for smaller data), which finds a source's sha256,
    title and assessment where they were last repeated (deflate looks back 32 KB). At 10,000
    claims (23.7 MB): 2.3 MB in about 1.5 s of CPU, the encoder using about 60 MiB; zipped, 4.1 MB
    in 0.5 s; xz's default (preset 6), 1.7 MB in 5 s."""
    window = min(max(1 << (len(data) - 1).bit_length(), 1 << 16), 1 << 23)
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 3, "dict_size": window}
    return lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, filters=[lzma2])


def zipped(name: str, data: bytes, day: dt.date) -> bytes:
    """A zip archive of one file, the same bytes for the same input: its date is `day` (the build's,
    see generate.build_epoch), its permissions and system fixed."""
    info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, wherever it is built
    info.external_attr = 0o644 << 16
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(info, data, compresslevel=9)
    return out.getvalue()
