"""Quotes proved ahead of the validator by the check's two processes (data/prepare.py).

Each process proves the quotes of its share of the sources (`share`: a stable split of the source
ids), those of its own half of the claims files and those the other process hands over once both
have parsed their halves. So each source is read, normalized and scanned for quotation marks in
one process only, where both halves cite nearly every source and each process did it for all.
What is handed over is plain JSON, taken as data: an item that is not an evidence item of a known
source is not proved, and a proof made from an item that differs from the file's own is found by
no key the validator asks for (it proves that quote itself): a garbled handover costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import zlib
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import proofs
from .cache import Store
from .files import SOURCES_DIR, SourceFiles
from .load import Document, decode_utf8
from .quotes import SourceText

CITING_KEY = "claims"  # the list whose items cite sources
Item = tuple[str, dict]  # a source id, and an evidence item that cites it


def share(source_id: str) -> int:
    """Which of the two processes proves the quotes of this source: 0 or 1, the same in both."""
    return zlib.crc32(source_id.encode("utf-8", "surrogatepass")) & 1


def cited(docs: list[Document], records: dict[str, dict]) -> list[Item]:
    """Each provable evidence item of these claims files whose source has a record."""
    found = []
    for doc in docs:
        items = doc.data.get(CITING_KEY) if isinstance(doc.data, dict) else None
        for item in items if isinstance(items, list) else ():
            evidence = item.get("evidence") if isinstance(item, dict) else None
            for ev in evidence if isinstance(evidence, list) else ():
                source_id = ev.get("source") if isinstance(ev, dict) else None
                if isinstance(source_id, str) and source_id in records and proofs.provable(ev):
                    found.append((source_id, ev))
    return found


class Prover:
    """Proofs of quotes the cache does not hold, by key (`made`), each source's text read once."""

    def __init__(self, root: Path, records: dict[str, dict], store: Store):
        self.root, self.records, self.store = root, records, store
        self._files = SourceFiles(root)
        self.made: dict[str, list] = {}
        self._texts: dict[str, tuple[SourceText, tuple[int, int] | None] | None] = {}
        self._keys: dict[str, str] = {}

    def prove(self, items: list[Item]) -> None:
        for source_id, ev in items:
            record = self.records.get(source_id)
            if record is None or not isinstance(ev, dict) or not proofs.provable(ev):
                continue  # a handed-over item that is none: the validator sees to the file's own
            if source_id not in self._keys:
                self._keys[source_id] = proofs.record_key(record)
            key = proofs.key(self._keys[source_id], ev)
            if key in self.made or self.store.proof(key) is not None:
                continue
            if source_id not in self._texts:
                self._texts[source_id] = _text(self._files, record)
            text = self._texts[source_id]
            if text is not None:
                found = proofs.prove(text[0], text[1], ev)
                if isinstance(found, proofs.Proof):
                    self.made[key] = proofs.to_value(found)


def _text(files: SourceFiles, record: dict) -> tuple[SourceText, tuple[int, int] | None] | None:
    """The source's text and where its headline stands, when its bytes are the ones its sha256
    names (whatever else is wrong with it, the validator reports)."""
    name, sha256 = record.get("file"), record.get("sha256")
    if not isinstance(name, str) or not isinstance(sha256, str):
        return None
    rel = f"{SOURCES_DIR}/{name}"
    try:
        raw = files.read(name)
    except InputError:
        return None
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    text, problem = decode_utf8(raw, rel)
    if problem:
        return None
    return SourceText.of(text), proofs.headline(record, text)[0]


class Handover:
    """The items of the other process's share, each way through a file in a private folder and
    a byte on a pipe that says the file is whole: a pipe alone could fill both ways at once, and
    each process wait for the other to read. The other process gone, its pipe ends at once, empty,
    and nothing is handed over."""

    def __init__(self) -> None:
        import tempfile  # a first check's only: not among a warm check's imports

        self.folder = Path(tempfile.mkdtemp(prefix="dossier-check-"))
        self._pipes = (os.pipe(), os.pipe())  # the pipe to the first process, to the second
        self._me = -1

    def be(self, me: int) -> None:
        """After the fork: this is process `me` (0, the first; 1, the second)."""
        self._me = me
        os.close(self._pipes[me][1])  # only the other process says its file for me is whole
        os.close(self._pipes[1 - me][0])

    def give(self, items: list[Item]) -> None:
        name = f"to-{1 - self._me}.json"
        with contextlib.suppress(OSError, ValueError, TypeError):
            staged = self.folder / f".{name}"
            staged.write_text(json.dumps(items), "utf-8")
            staged.replace(self.folder / name)
            os.write(self._pipes[1 - self._me][1], b"1")
        os.close(self._pipes[1 - self._me][1])

    def take(self) -> list[Item]:
        ready = os.read(self._pipes[self._me][0], 1)
        os.close(self._pipes[self._me][0])
        if not ready:
            return []
        try:
            found: Any = json.loads((self.folder / f"to-{self._me}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(found, list):
            return []
        return [(i[0], i[1]) for i in found if isinstance(i, list) and len(i) == 2 and isinstance(i[0], str)]

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def abandon(self) -> None:
        """No second process after all (a fork refused): its pipes closed and its folder gone."""
        for pipe in self._pipes:
            for fd in pipe:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.remove()
