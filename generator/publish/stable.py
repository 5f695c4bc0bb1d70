"""Make a Pagefind bundle byte-identical from one build of the same input to the next.

Pagefind 1.5.2 writes each filter's values in the order of a Rust HashMap, whose seed is random
per process; the filter files, their hashed names, and the metadata file that names them (and
its own hashed name in pagefind-entry.json) therefore change from build to build. The index
chunks and fragments do not. This rewrites what changes: each filter file with its values
sorted, under a name made from its content; the metadata naming them; the entry file naming
the metadata. The files are gzip streams of `pagefind_dcd` + CBOR (RFC 8949), read and written
with cbor2; their layout is Pagefind's own (hence its exact pin).

Pagefind numbers the pages in the order its folder is listed (publish/pagefind.py writes one
file per record, in memory where there is room): the same on one file system from build to
build, but not necessarily on another (ext4 lists a folder by a hash seeded per file system,
Linux's tmpfs in the order the files were made). Renumbering them here would
mean rewriting every index chunk (8 s of CPU at 10,000 claims), so it is not done: two file
systems may give bundles that differ in that numbering, with the same pages, words and filters
(results of exactly equal score may then come in another order).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import cbor2

from ..errors import BuildError

MAGIC = b"pagefind_dcd"


def rewrite(bundle: Path) -> None:
    """Sort and rename the filter files of every language, then its metadata and the entry."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text("utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        renamed = {}
        for path in sorted((bundle / "filter").glob(f"{lang}_*.pf_filter")):
            name, values = _read(path)
            data = _pack([name, sorted(values, key=lambda v: v[0])])
            new = _hashed(lang, data, 7)
            renamed[path.stem] = new
            path.unlink()
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_file)
        meta = _rename_filters(meta, renamed)
        data = _pack(meta)
        info["hash"] = _hashed(lang, data, 10)
        meta_file.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _rename_filters(meta: Any, renamed: dict[str, str]) -> Any:
    """The metadata lists filters as [name, file hash] pairs: new hashes, sorted by name."""
    found = False
    for i, item in enumerate(meta):
        if isinstance(item, list) and item and all(_is_pair(x) and x[1] in renamed for x in item):
            meta[i] = sorted(([name, renamed[h]] for name, h in item), key=lambda pair: pair[0])
            found = True
    if renamed and not found:
        raise BuildError("Pagefind's metadata has no filter list where expected: is pagefind-bin pinned to 1.5.2?")
    return meta


def _is_pair(x: Any) -> bool:
    return isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x)


def _hashed(lang: str, data: bytes, length: int) -> str:
    return f"{lang}_{hashlib.sha256(data).hexdigest()[:length]}"


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise BuildError(f"{path}: not a Pagefind file")
    stream = io.BytesIO(raw[len(MAGIC) :])
    try:
        value = cbor2.CBORDecoder(stream).decode()
    except (cbor2.CBORDecodeError, ValueError) as exc:
        raise BuildError(f"{path}: not a Pagefind file ({exc})") from None
    if stream.tell() != len(raw) - len(MAGIC):
        raise BuildError(f"{path}: trailing bytes after the CBOR value")
    return value


def _pack(value: Any) -> bytes:
    # Definite lengths and the shortest heads, as Pagefind writes them: the same bytes.
    return gzip.compress(MAGIC + cbor2.dumps(value), compresslevel=9, mtime=0)
