"""Make a Pagefind bundle byte-identical from one build of the same input to the next.

Pagefind 1.5.2 writes each filter's values in the order of a Rust HashMap, whose seed is random
per process; the filter files, their hashed names, and the metadata file that names them (and
its own hashed name in pagefind-entry.json) therefore change from build to build. The index
chunks and fragments do not. This rewrites what changes: each filter file with its values
sorted, under a name made from its content; the metadata naming them; the entry file naming
the metadata. The files are gzip streams of `pagefind_dcd` + CBOR (RFC 8949); only the few CBOR
types Pagefind writes are handled (integers, strings, arrays, maps), anything else is an error.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

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
        raise BuildError("Pagefind's metadata has no filter list where expected: is pagefind pinned to 1.5.2?")
    return meta


def _is_pair(x: Any) -> bool:
    return isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x)


def _hashed(lang: str, data: bytes, length: int) -> str:
    return f"{lang}_{hashlib.sha256(data).hexdigest()[:length]}"


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(MAGIC):
        raise BuildError(f"{path}: not a Pagefind file")
    value, end = _decode(raw, len(MAGIC))
    if end != len(raw):
        raise BuildError(f"{path}: trailing bytes after the CBOR value")
    return value


def _pack(value: Any) -> bytes:
    out = bytearray(MAGIC)
    _encode(value, out)
    return gzip.compress(bytes(out), compresslevel=9, mtime=0)


def _decode(b: bytes, i: int) -> tuple[Any, int]:
    major, info = b[i] >> 5, b[i] & 31
    i += 1
    if info < 24:
        n = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        n = int.from_bytes(b[i : i + size], "big")
        i += size
    else:
        raise BuildError(f"Pagefind file: unsupported CBOR item {b[i - 1]:#x}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major in (2, 3):
        chunk = b[i : i + n]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(b, i)
            items.append(item)
        return items, i
    if major == 5:
        pairs = {}
        for _ in range(n):
            key, i = _decode(b, i)
            pairs[key], i = _decode(b, i)
        return pairs, i
    if major == 7 and info < 24:
        return {20: False, 21: True, 22: None}[n], i
    raise BuildError(f"Pagefind file: unsupported CBOR item {b[i - 1]:#x}")


def _head(major: int, n: int, out: bytearray) -> None:
    if n < 24:
        out.append(major << 5 | n)
    else:
        for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
            if n < 1 << (8 * size):
                out.append(major << 5 | info)
                out += n.to_bytes(size, "big")
                return


def _encode(value: Any, out: bytearray) -> None:
    if isinstance(value, bool) or value is None:
        out.append({False: 0xF4, True: 0xF5, None: 0xF6}[value])
    elif isinstance(value, int):
        _head(0, value, out) if value >= 0 else _head(1, -1 - value, out)
    elif isinstance(value, str):
        data = value.encode("utf-8")
        _head(3, len(data), out)
        out += data
    elif isinstance(value, bytes):
        _head(2, len(value), out)
        out += value
    elif isinstance(value, list):
        _head(4, len(value), out)
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        _head(5, len(value), out)
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    else:
        raise BuildError(f"Pagefind file: cannot encode {type(value).__name__}")
