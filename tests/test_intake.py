"""`dossier add-source` on what curators actually have: a saved web page, a web archive (WARC), a
page full of hostile payloads; what it records, what it refuses (one line each), and how the kept
original is published (never as a live page)."""

from __future__ import annotations

import hashlib
import io
import json
import mimetypes
import os

import pytest
import yaml

from generator import api
from generator.tools import picker, quote
from tests import intake_pages as pages
from tests.test_tools import fresh, run  # noqa: F401 (the fixture)

EXTRACTED = "\n".join([pages.HEADLINE, *pages.BODY]) + "\n"


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    return pages.write(folder)


def entry(root, ident: str) -> dict:
    data = yaml.safe_load((root / "content/sources.yaml").read_text("utf-8"))
    return next(e for e in data["sources"] if e["id"] == ident)


def test_a_saved_page_stores_its_article_text_and_keeps_the_page(fresh, files, capsys, check):  # noqa: F811
    code, out, err = run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    assert (code, err) == (0, "")
    stored = (fresh / "content/sources/article.txt").read_bytes()
    assert stored.decode("utf-8") == EXTRACTED  # no navigation, cookie notice, "most read" or footer
    assert (fresh / "content/sources/originals/article.html").read_bytes() == files["article.html"].read_bytes()
    original = hashlib.sha256(files["article.html"].read_bytes()).hexdigest()
    assert entry(fresh, "article") == {
        "id": "article",
        "file": "article.txt",
        "sha256": hashlib.sha256(stored).hexdigest(),
        "title": pages.HEADLINE,
        "outlet": {"name": pages.OUTLET, "basis": "stated"},
        "published": {"date": "2024-10-18", "basis": "stated"},
        "language": "en",
        "url": pages.URL,
        "original": {
            "file": "originals/article.html",
            "sha256": original,
            "format": "html",
            "extracted_by": "trafilatura 2.3.1",
            "found": {
                "title": "JSON-LD headline",
                "url": "link rel=canonical",
                "outlet": "JSON-LD publisher.name",
                "published": "JSON-LD datePublished",
            },
        },
    }
    lines = out.splitlines()
    assert lines[0] == (
        f"dossier add-source: stored content/sources/article.txt ({len(stored)} bytes, sha256 "
        f"{hashlib.sha256(stored).hexdigest()[:12]}…), the article's text extracted from "
        "content/sources/originals/article.html, kept byte for byte"
    )
    assert lines[2] == (
        f"dossier add-source: as the page states it (basis: stated): title {pages.HEADLINE} (JSON-LD headline), "
        f"url {pages.URL} (link rel=canonical), outlet {pages.OUTLET} (JSON-LD publisher.name), "
        "published 2024-10-18 (JSON-LD datePublished)"
    )
    assert not any("left unknown" in line for line in lines)
    assert lines[-1].startswith("dossier add-source: translation left out: say whose words are translated")
    dossier, problems = check(fresh)
    assert dossier is not None and dossier.sources["article"].original.retrieved_url is None
    assert [p.gcc() for p in problems] == [
        "content/sources.yaml:5:9: warning: source `article` is not cited by any claim"
    ]


def test_a_warc_records_where_and_when_the_page_was_retrieved(fresh, files, capsys, check):  # noqa: F811
    code, _, err = run(capsys, "add-source", str(files["capture.warc.gz"]), "--language", "en", "--root", str(fresh))
    assert (code, err) == (0, "")
    got = entry(fresh, "capture")
    assert (fresh / "content/sources/capture.txt").read_text("utf-8") == EXTRACTED
    assert got["url"] == pages.URL  # the canonical address, not the one captured with its tracking tail
    assert got["original"]["file"] == "originals/capture.warc.gz"
    assert got["original"]["format"] == "warc"
    assert got["original"]["retrieved"] == {
        "url": pages.CAPTURED_URL,
        "at": "2024-10-19T08:10:00Z",
        "found": "WARC-Target-URI, WARC-Date",
    }
    dossier, _ = check(fresh)
    assert dossier is not None and dossier.sources["capture"].original.retrieved_at == "2024-10-19T08:10:00Z"


@pytest.mark.slow  # builds the site
def test_a_warcs_source_page_says_where_and_when_it_was_retrieved(fresh, files, capsys):  # noqa: F811
    assert run(capsys, "add-source", str(files["capture.warc.gz"]), "--language", "en", "--root", str(fresh))[0] == 0
    api.build(fresh)
    page = (fresh / "site/sources/capture.html").read_text("utf-8")
    assert (
        f'<dt>Retrieved</dt><dd>from <a href="{pages.CAPTURED_URL}" rel="nofollow noopener noreferrer">'
        f"{pages.CAPTURED_URL}</a>, 2024-10-19 08:10:00 UTC</dd>"
    ) in page
    assert '<a href="../originals/capture.warc.gz" download type="application/warc">the web archive (WARC)</a>' in page
    assert f"<dt>Outlet</dt><dd>{pages.OUTLET}" in page
    kept = (fresh / "site/originals/capture.warc.gz").read_bytes()
    assert kept == files["capture.warc.gz"].read_bytes()


def test_a_page_that_states_nothing_leaves_it_unknown_and_says_how_to_fill_it(fresh, files, capsys):  # noqa: F811
    code, out, _ = run(capsys, "add-source", str(files["bare.html"]), "--language", "en", "--root", str(fresh))
    got = entry(fresh, "bare")
    assert code == 0
    assert (got["outlet"], got["published"], "url" in got) == ({"basis": "unknown"}, {"basis": "unknown"}, False)
    assert got["original"]["found"] == {"title": "the page's h1"}
    assert (
        "dossier add-source: left unknown: outlet, published: fill in only what the text states: "
        "`outlet: {name: NAME, basis: stated}` (or --outlet NAME); `published: {date: YYYY-MM-DD, basis: stated}` "
        "(or --published DATE); a value worked out from the text is `basis: inferred` with its `reason`"
    ) in out.splitlines()


def test_flags_override_what_the_page_states(fresh, files, capsys):  # noqa: F811
    args = ["--outlet", "Other Outlet", "--published", "2024-10-17", "--title", "Given title"]
    url = "https://other.test/a"
    code, _, err = run(
        capsys, "add-source", str(files["article.html"]), "--language", "en", "--url", url, *args, "--root", str(fresh)
    )
    got = entry(fresh, "article")
    assert (code, err) == (0, "")
    assert (got["title"], got["outlet"]["name"], got["published"]["date"], got["url"]) == (
        "Given title",
        "Other Outlet",
        "2024-10-17",
        url,
    )
    assert "found" not in got["original"]  # nothing recorded came from the markup


def _warc(records) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


NAV_ONLY = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav><script>var a = 1;</script></body></html>"
TWO = [("https://a.test/one", "text/html", pages.ARTICLE.encode()), ("https://a.test/two", "text/html", b"<html>")]
REFUSALS = [
    ("not-html", "page.html", b"%PDF-1.7\n...", [],
     "{file} is not HTML: give a saved web page (.html), a web archive (.warc) or a text (.txt)"),
    ("no-text", "page.html", NAV_ONLY, [],
     "{file} has no article text that can be found (only navigation, notices or scripts): save the article's own "
     "page, or its text as .txt"),
    ("no-html-response", "c.warc", _warc([("https://a.test/logo.png", "image/png", b"\x89PNG")]), [],
     "{file} holds no HTML response: a WARC source needs the capture of a web page"),
    ("several-pages", "c.warc", _warc(TWO), [],
     "{file} holds 2 HTML pages (https://a.test/one, https://a.test/two): name the one with --url URL"),
    ("url-not-captured", "c.warc", _warc(TWO), ["--url", "https://a.test/three"],
     "{file} has no HTML capture of https://a.test/three; it has https://a.test/one, https://a.test/two"),
    ("not-a-warc", "c.warc.gz", b"\x1f\x8b\x08\x00garbage", [],
     "{file} is not a WARC (it does not start with a WARC record): give the .warc or .warc.gz"),
    ("broken-warc", "c.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nabc", [],
     "{file} is not a WARC that can be read"),
    ("unknown-encoding", "page.html", b'<html><head><meta charset="x-klingon"></head><body><p>Hi</p></body></html>', [],
     "{file} declares the encoding 'x-klingon' (meta charset), which cannot be read: save the page as UTF-8"),
    ("bad-bytes", "page.html", b'<html><head><meta charset="utf-8"></head><body><p>\xff</p></body></html>', [],
     "{file} is not valid utf-8 (meta charset) at byte 50: save the page as UTF-8"),
    ("bad-bytes-undeclared", "page.html", b"<html><body><p>caf\xe9</p></body></html>", [],
     "{file} is not valid utf-8 (no encoding declared, so UTF-8) at byte 18: save the page as UTF-8"),
    ("too-big", "page.html", None, [], "{file} is 17.0 MiB, over the 16 MiB limit of a saved page or web archive"),
    ("page-over-source-limit", "page.html", b"<html><body>" + b" " * (5 * 2**20) + b"</body></html>", [],
     "{file} is 5.0 MiB, over the 4 MiB limit of a source"),
    ("url-for-a-text", "t.txt", b"A text\n", ["--url", "https://a.test/"],
     "--url names a page of a saved web page or WARC; for a text, write `url:` in the entry"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "name", "data", "extra", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals_are_one_line(fresh, tmp_path, capsys, case, name, data, extra, message):  # noqa: F811
    file = tmp_path / name
    if data is None:
        with open(file, "wb") as fh:
            fh.truncate(17 * 2**20)
    else:
        file.write_bytes(data)
    before = {p: p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "add-source", str(file), "--language", "en", *extra, "--root", str(fresh))
    expected = message.format(file=file)
    assert (code, out) == (2 if case == "url-for-a-text" else 1, "")
    if case == "broken-warc":  # warcio's own reason follows in brackets
        assert err.startswith(f"dossier: error: {expected} (") and err.endswith("): give the .warc or .warc.gz\n")
    else:
        assert err == f"dossier: error: {expected}\n"
    assert err.count("\n") == 1
    assert {p: p.read_bytes() for p in fresh.rglob("*") if p.is_file()} == before  # nothing written


def test_the_same_page_again_is_refused_by_its_original(fresh, files, capsys):  # noqa: F811
    run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    code, _, err = run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    assert (code, err) == (
        1,
        f"dossier: error: {files['article.html']} is already stored as source `article` "
        "(content/sources/originals/article.html, the same sha256): nothing to add\n",
    )


def test_nothing_is_written_through_a_symbolic_link(fresh, files, tmp_path, capsys):  # noqa: F811
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, fresh / "content/sources/originals")
    code, _, err = run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    assert code == 1 and err.count("\n") == 1
    assert list(elsewhere.iterdir()) == []
    assert not (fresh / "content/sources/article.txt").exists()  # the text written first was taken back
    assert "article" not in (fresh / "content/sources.yaml").read_text("utf-8")


def test_a_hostile_pages_text_and_metadata_are_plain_text(fresh, files, capsys):  # noqa: F811
    assert run(capsys, "add-source", str(files["hostile.html"]), "--language", "en", "--root", str(fresh))[0] == 0
    text = (fresh / "content/sources/hostile.txt").read_text("utf-8")
    assert text == (
        "A statement on the talks\nThe minister said the talks would go on.\n"
        '"We will keep talking," she said. more\nOfficials gave no date for the next round.\n'
    )
    got = entry(fresh, "hostile")
    assert (got["title"], got["outlet"]["name"]) == (
        "A statement on the talks",  # the page's own headline, not the differing og:title
        "Evil <b onmouseover=alert(1)>News",
    )
    assert "url" not in got  # a javascript: address is no address


@pytest.mark.slow  # builds the site
def test_a_hostile_page_is_published_as_text_never_as_a_live_page(fresh, files, capsys):  # noqa: F811
    assert run(capsys, "add-source", str(files["hostile.html"]), "--language", "en", "--root", str(fresh))[0] == 0
    api.build(fresh)
    site = fresh / "site"
    published = sorted(p.relative_to(site).as_posix() for p in (site / "originals").iterdir())
    assert published == ["originals/hostile.html.txt"]
    assert (site / published[0]).read_bytes() == files["hostile.html"].read_bytes()  # byte for byte
    assert mimetypes.guess_type(published[0])[0] == "text/plain"  # what static servers send
    page = (site / "sources/hostile.html").read_text("utf-8")
    assert "evil.test" not in page and "<script>window" not in page and "<b onmouseover" not in page
    assert "<dt>Outlet</dt><dd>Evil &lt;b onmouseover=alert(1)&gt;News" in page  # shown, as text
    assert '<a href="../originals/hostile.html.txt" download type="text/plain">' in page
    payloads = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".js", ".css", ".xml")]
    assert not [p for p in payloads if b"<script>window.__pwned" in p.read_bytes()]


# -- the passage picker under `dossier serve` ---------------------------------------------------
def _ask(handler, body: bytes, **environ):
    answer: dict = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    env = {
        "PATH_INFO": "/_dossier/passage",
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_HOST": "127.0.0.1:8123",
        "HTTP_ORIGIN": "http://127.0.0.1:8123",
        "wsgi.input": io.BytesIO(body),
        **environ,
    }
    out = handler(env, start_response)
    if out is None:
        return None
    return answer["status"], json.loads(b"".join(out))


@pytest.fixture
def picked(fresh, files, capsys):  # noqa: F811
    run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    return fresh, picker.handler(fresh, 8123)


def test_the_picker_gives_the_item_quote_gives_for_the_occurrence_picked(picked):
    root, handler = picked
    text = "The invitation is"
    at = EXTRACTED.rindex(text)  # the second occurrence
    status, answer = _ask(handler, json.dumps({"source": "article", "text": text, "at": at}).encode())
    assert status == "200 OK"
    assert answer["yaml"] == quote.evidence_items(quote.locate(root, "article", text), None, only=2)
    assert "        occurrence: 2\n" in answer["yaml"] and answer["line"] == 5
    first = _ask(handler, json.dumps({"source": "article", "text": text, "at": EXTRACTED.index(text)}).encode())
    assert "        occurrence: 1\n" in first[1]["yaml"]


REFUSED = [
    ({"HTTP_HOST": "evil.test:8123"}, "403 Forbidden", "the picker answers only on the loopback address"),
    ({"REQUEST_METHOD": "GET"}, "403 Forbidden", "POST only"),
    ({"CONTENT_TYPE": "text/plain"}, "403 Forbidden", "JSON only"),
    ({"HTTP_ORIGIN": "https://evil.test"}, "403 Forbidden", "only the preview's own pages may ask"),
    ({"HTTP_SEC_FETCH_SITE": "cross-site"}, "403 Forbidden", "only the preview's own pages may ask"),
]


@pytest.mark.parametrize(("environ", "status", "message"), REFUSED)
def test_the_picker_answers_only_the_previews_own_pages(picked, environ, status, message):
    body = json.dumps({"source": "article", "text": "We are not discussing this.", "at": 0}).encode()
    assert _ask(picked[1], body, **environ) == (status, {"error": message})


def test_the_picker_reads_only_recorded_sources(picked):
    handler = picked[1]
    ask = lambda source: _ask(handler, json.dumps({"source": source, "text": "root", "at": 0}).encode())  # noqa: E731
    assert ask("../../etc/passwd") == ("200 OK", {"error": "not a source id: ../../etc/passwd"})
    assert ask("other") == ("200 OK", {"error": "unknown source `other`: content/sources.yaml has `article`"})
    assert _ask(handler, b"[1]") == ("400 Bad Request", {"error": "not a picked passage"})
    assert handler({"PATH_INFO": "/sources/article.html"}, None) is None  # the site's own files


def test_an_edited_original_fails_the_check(fresh, files, capsys, check):  # noqa: F811
    run(capsys, "add-source", str(files["article.html"]), "--language", "en", "--root", str(fresh))
    kept = fresh / "content/sources/originals/article.html"
    recorded = hashlib.sha256(kept.read_bytes()).hexdigest()
    kept.write_bytes(b"<html>changed</html>")
    now = hashlib.sha256(b"<html>changed</html>").hexdigest()
    dossier, problems = check(fresh)
    assert dossier is None
    assert [p.gcc() for p in problems if p.severity == "error"] == [
        f"content/sources.yaml:14:13: error: `content/sources/originals/article.html` has sha256 {now[:12]}…, not the "
        f"recorded {recorded[:12]}…: the original changed; originals are never edited: restore it"
    ]
