"""Pick a passage where you read it: under `dossier serve`, selecting words on a source page offers
the evidence item that cites them, made by `dossier quote`'s own functions (one matcher, the
check's), so what is copied is what `dossier check` accepts.

Only the preview has it: the item is for curators, and the matcher runs in Python (readers of the
static site already have, for each cited passage, its anchor and a copyable citation). The
endpoint answers only the preview's own pages: a POST of JSON (a cross-site page cannot send one
without a preflight, which is never granted), from the preview's own origin and host name (no DNS
rebinding), naming a source recorded in sources.yaml (no other file is read, and only through the
check's reader). It writes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..data.schema import schema
from ..errors import DossierError, echo
from ..site.render import TEMPLATES
from . import quote

ENDPOINT = "/_dossier/passage"
SCRIPT = "/_dossier/picker.js"
MAX_BODY = 64 * 1024  # a passage and its place, as JSON
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
Handler = Callable[[dict, Callable], Iterable[bytes] | None]


def script_tag() -> bytes:
    return f'<script src="{SCRIPT}" defer></script>'.encode()


def handler(root: Path, port: int) -> Handler:
    """A WSGI handler for the picker's two addresses (None for every other path)."""
    hosts = {f"{name}:{port}" for name in LOOPBACK}
    origins = {f"http://{host}" for host in hosts}

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        path = environ.get("PATH_INFO", "")
        if path not in (ENDPOINT, SCRIPT):
            return None
        if environ.get("HTTP_HOST") not in hosts:
            return _reply(start_response, "403 Forbidden", {"error": "the picker answers only on the loopback address"})
        if path == SCRIPT:
            body = (TEMPLATES / "serve" / "picker.js").read_bytes()
            start_response("200 OK", _headers("text/javascript; charset=utf-8", len(body)))
            return [body]
        refused = _refused(environ, origins)
        if refused:
            return _reply(start_response, "403 Forbidden", {"error": refused})
        try:
            request = json.loads(environ["wsgi.input"].read(min(_length(environ), MAX_BODY)) or b"null")
            return _reply(start_response, "200 OK", pick(root, request))
        except DossierError as exc:
            return _reply(start_response, "200 OK", {"error": str(exc)})
        except ValueError:
            return _reply(start_response, "400 Bad Request", {"error": "not a picked passage"})

    return serve


def _refused(environ: dict, origins: set[str]) -> str | None:
    if environ.get("REQUEST_METHOD") != "POST":
        return "POST only"
    if (environ.get("CONTENT_TYPE") or "").split(";")[0].strip() != "application/json":
        return "JSON only"
    if environ.get("HTTP_ORIGIN") not in origins or environ.get("HTTP_SEC_FETCH_SITE", "same-origin") != "same-origin":
        return "only the preview's own pages may ask"
    if _length(environ) > MAX_BODY:
        return "the selection is too long for a passage"
    return None


def _length(environ: dict) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def pick(root: Path, request: object) -> dict:
    """The evidence item for the words picked on a source page: {"yaml": ..., "line": N}.
    `request` is {"source": id, "text": the words, "at": where the selection starts, in
    characters of the page's text}; of several occurrences, the one nearest `at` is meant."""
    if not isinstance(request, dict):
        raise ValueError(request)
    source, text, at = request.get("source"), request.get("text"), request.get("at")
    pattern = schema()["definitions"]["id"]["pattern"]
    if not (isinstance(source, str) and re.fullmatch(pattern.strip("^$"), source)):
        raise DossierError(f"not a source id: {echo(str(source))}")
    if not isinstance(text, str) or not isinstance(at, int):
        raise ValueError(request)
    found = quote.locate(root, source, text)
    if found.more:
        raise DossierError("these words occur more than 20 times in the source: select more of them")
    n = min(range(len(found.passages)), key=lambda i: abs(found.passages[i].start - at)) + 1
    return {"yaml": quote.evidence_items(found, None, only=n), "line": found.passages[n - 1].line}


def _headers(ctype: str, length: int) -> list[tuple[str, str]]:
    return [
        ("Content-Type", ctype),
        ("Content-Length", str(length)),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ]


def _reply(start_response: Callable, status: str, data: dict) -> list[bytes]:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    start_response(status, _headers("application/json", len(body)))
    return [body]
