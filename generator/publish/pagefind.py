"""The search bundle: Pagefind (`pagefind[bin]`, pinned) indexes the records the site layer made
(site/search.py, handed over in memory) into `SITE/pagefind/`, taking them while MkDocs builds.

The Python client as shipped is slow (its read loop sleeps 0.1 s per answer) and may stop the
binary before its last writes have landed, so this module drives the service itself (see
`_FastService`, `_settled`), and makes the bundle byte-identical from one build to the next
(see `stable`)."""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import shutil
import threading
from pathlib import Path
from typing import Any

from ..errors import BuildError
from ..site.plan import SEARCH_BUNDLE
from ..site.search import LANGUAGE
from . import stable

BATCH = 500  # requests in flight at once
# In a hand-written page: its article (Material's content), less the permalinks.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = [".headerlink", "[data-search-exclude]", ".md-source-file"]
# What Pagefind writes that the site does not use: its ready-made interfaces (the site's search
# box is Material's, driven by site_templates/assets/search.js) and the wasm of unknown languages.
UNUSED = (
    "pagefind-component-ui.css",
    "pagefind-component-ui.js",
    "pagefind-highlight.js",
    "pagefind-modular-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-ui.css",
    "pagefind-ui.js",
    "wasm.unknown.pagefind",
)


class Indexer:
    """Pagefind, fed while MkDocs builds: a thread of its own sends the records to the binary
    (a process of its own, on the other core) at once; the hand-written pages follow when
    `finish` is given the built site, and the bundle is written into it."""

    def __init__(self, records: list[dict[str, Any]]):
        self._records = records
        self._site: Path | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            asyncio.run(self._index())
        except BaseException as exc:  # raised again in the caller's thread by finish()
            self._error = exc

    async def _index(self) -> None:
        from pagefind.index import IndexConfig

        config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=EXCLUDE, force_language=LANGUAGE)
        service = await _service().launch()
        try:
            index = await service.create_index(config)
            custom = [r for r in self._records if "html" not in r]
            await _batched(
                index.add_custom_record(
                    url=r["url"], content=r["content"], language=LANGUAGE, meta=r["meta"], filters=r["filters"]
                )
                for r in custom
            )
            await asyncio.get_running_loop().run_in_executor(None, self._ready.wait)
            site = self._site
            if site is None:  # cancelled
                return
            pages = [r["html"] for r in self._records if "html" in r]
            await _batched(index.add_html_file(content=(site / rel).read_text("utf-8"), url=rel) for rel in pages)
            bundle = site.resolve() / SEARCH_BUNDLE
            shutil.rmtree(bundle, ignore_errors=True)  # write_files adds to the folder, never clears it
            await index.write_files(output_path=str(bundle))
            await _settled(bundle)
        finally:
            await service.close()

    def finish(self, site_dir: Path) -> None:
        """Index the built pages of `site_dir` and write the bundle into it."""
        self._site = Path(site_dir)
        self._ready.set()
        self._thread.join()
        if self._error is not None:
            raise self._error
        bundle = self._site.resolve() / SEARCH_BUNDLE
        for name in UNUSED:
            (bundle / name).unlink(missing_ok=True)
        stable.rewrite(bundle)
        _check_bundle(bundle)

    def cancel(self) -> None:
        self._ready.set()
        self._thread.join()


async def _batched(requests) -> None:
    pending = []
    for request in requests:
        pending.append(request)
        if len(pending) == BATCH:
            await asyncio.gather(*pending)
            pending = []
    await asyncio.gather(*pending)


def index_site(site_dir: Path, records: list[dict[str, Any]]) -> None:
    """Write the bundle into `site_dir/pagefind/`, replacing any there. A record is a Pagefind
    custom record (url relative to the site root, content, meta, filters), or {"html": PATH}:
    a built page of `site_dir`, indexed from its article."""
    Indexer(records).finish(site_dir)


def _service():
    """pagefind 1.5.2's PagefindService, without the 0.1 s sleep before each read (13,000
    records took 22 minutes; the read itself waits for data). Pinned to pagefind==1.5.2."""
    from pagefind.service import PagefindService

    class FastService(PagefindService):
        async def _wait_for_responses(self) -> None:
            stdout = self._backend.stdout
            assert stdout is not None  # launched with stdout=PIPE
            while True:
                output = await stdout.readuntil(b",")
                resp = json.loads(base64.b64decode(output[:-1]))
                if resp is None:
                    continue
                message_id = resp.get("message_id")
                payload = resp["payload"]
                if message_id is None and (original := payload.get("original_message")):
                    message_id = json.loads(original).get("message_id")
                future = self._responses.get(message_id)
                if future is None or future.done():
                    continue
                if payload["type"] == "Error":
                    future.set_exception(BuildError(f"Pagefind: {payload['message']}"))
                else:
                    future.set_result(payload)

    return FastService()


async def _settled(bundle: Path, interval: float = 0.1, limit: float = 30.0) -> None:
    """The binary answers WriteFiles while its last writes may still be in flight; stopping it
    then once left a file cut short. Wait until no file in the bundle changes size."""

    def sizes() -> dict[Path, int]:
        return {p: p.stat().st_size for p in bundle.rglob("*") if p.is_file()}

    before = sizes()
    for _ in range(int(limit / interval)):
        await asyncio.sleep(interval)
        after = sizes()
        if after == before:
            return
        before = after
    raise BuildError(f"Pagefind: the files in {bundle} were still changing after {limit:.0f} s")


def _check_bundle(bundle: Path) -> None:
    """Every index file whole (gzip streams: a cut one does not decompress)."""
    for path in bundle.rglob("*"):
        if path.is_file() and (path.suffix.startswith(".pf_") or path.name.startswith("wasm.")):
            try:
                gzip.decompress(path.read_bytes())
            except (OSError, EOFError) as exc:
                raise BuildError(f"Pagefind wrote a broken file {path}: {exc}") from None
