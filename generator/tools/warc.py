"""A web archive (WARC, ISO 28500) as a source: the captured page, where and when it was fetched.

A crawler's WARC holds requests, responses, images and scripts; the source is the one HTML
response (or the one whose address is given). The capture's own headers say where the page was
retrieved from (`WARC-Target-URI`) and when (`WARC-Date`)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import DossierError, echo

HTML_TYPES = ("text/html", "application/xhtml+xml")
SHOWN = 5  # candidate pages named in a refusal


@dataclass(frozen=True)
class Capture:
    url: str  # WARC-Target-URI
    date: str  # WARC-Date, e.g. 2024-10-19T08:10:00Z
    body: bytes  # the page's bytes, content and transfer encodings undone
    charset: str | None  # as its server declared it


def is_warc(raw: bytes) -> bool:
    if raw.startswith(b"\x1f\x8b"):
        import gzip

        try:
            return gzip.GzipFile(fileobj=io.BytesIO(raw[:65536])).read(8).startswith(b"WARC/")
        except (OSError, EOFError):
            return False
    return raw.startswith(b"WARC/")


def capture(raw: bytes, name: str, url: str | None, limit: int) -> Capture:
    """The page the WARC captured (the one at `url`, when given)."""
    pages = _pages(raw, name, limit)
    if not pages:
        raise DossierError(f"{name} holds no HTML response: a WARC source needs the capture of a web page")
    if url is not None:
        chosen = [p for p in pages if p.url == url]
        if not chosen:
            raise DossierError(f"{name} has no HTML capture of {echo(url, 120)}; it has {_named(pages)}")
        pages = chosen
    if len({p.url for p in pages}) > 1:
        raise DossierError(f"{name} holds {len(pages)} HTML pages ({_named(pages)}): name the one with --url URL")
    if len(pages) > 1:
        when = ", ".join(p.date for p in pages[:SHOWN])
        raise DossierError(
            f"{name} captures {echo(pages[0].url, 120)} {len(pages)} times ({when}): keep one capture per WARC"
        )
    return pages[0]


def _named(pages: list[Capture]) -> str:
    urls = list(dict.fromkeys(p.url for p in pages))
    more = f" and {len(urls) - SHOWN} more" if len(urls) > SHOWN else ""
    return ", ".join(echo(u, 120) for u in urls[:SHOWN]) + more


def _pages(raw: bytes, name: str, limit: int) -> list[Capture]:
    pages = []
    try:
        for record in ArchiveIterator(io.BytesIO(raw)):
            found = _page(record, name, limit)
            if found:
                pages.append(found)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError, TypeError) as exc:
        raise DossierError(
            f"{name} is not a WARC that can be read ({_first_line(exc)}): give the .warc or .warc.gz"
        ) from None
    return pages


def _page(record, name: str, limit: int) -> Capture | None:
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        ctype = record.http_headers.get_header("Content-Type") or ""
        if status != "200":
            return None
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    media, _, params = ctype.partition(";")
    if media.strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise DossierError(
            f"{name}: the page captured at {echo(record.rec_headers.get_header('WARC-Target-URI') or '', 120)} is "
            f"over the {limit // 2**20} MiB limit of a source"
        )
    charset = next(
        (
            v.strip().strip("\"'")
            for k, _, v in (p.partition("=") for p in params.split(";"))
            if k.strip().lower() == "charset"
        ),
        None,
    )
    return Capture(
        record.rec_headers.get_header("WARC-Target-URI") or "",
        record.rec_headers.get_header("WARC-Date") or "",
        body,
        charset or None,
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
