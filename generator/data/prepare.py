"""The data files a check reads, each from the check's cache when its bytes are the bytes an entry
was made from, else parsed and schema-checked and offered to the cache.

When much is to parse (a first check, a new version of the checker, a pull that changed many
files) and a second core is free, a forked second process parses half of the files (but the
sources' records, which both parse) and proves the quotes of its claims, while this one does the
other half and proves its quotes too: both only
fill the cache ahead of the validator, which then finds every proof it asks for. What the second
process made comes back as the plain JSON the cache holds and is taken as cache entries are
(checked, and refused for any fault), so an answer lost, cut short or garbled costs time, never
a result: the files it should have parsed are parsed here, the quotes proved by the validator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ..errors import InputError, Problem
from . import ahead, apart, schema
from .cache import Store, can_fork, digest
from .files import read_input
from .limits import limit_problems
from .load import MAX_YAML_BYTES, Document, parse_yaml

# Less YAML than this to parse is done sooner in one process than by forking a second.
MIN_PARALLEL_BYTES = 1024 * 1024
# The list whose items cite sources (their quotes are proved ahead), and the list they cite (its
# files are parsed before the second process starts: the proofs are made against its records).
CITING_KEY, CITED_KEY = "claims", "sources"


@dataclass(frozen=True)
class _File:
    rel: str
    key: str
    raw: bytes
    entry_key: str  # its cache key: the very bytes read, its path and what it holds


@dataclass
class Loaded:
    """The data files read: their documents in the order asked for, the problems found on the way
    (a file that cannot be read, syntax, schema, limits), and the files read."""

    docs: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    read: set[str] = field(default_factory=set)


def load_all(root: Path, wanted: dict[str, str], store: Store) -> Loaded:
    """Every file of `wanted` (path -> the key it holds) that can be read, checked on its own."""
    out = Loaded()
    done: dict[str, tuple[Document | None, list[Problem]]] = {}
    missed: list[_File] = []
    for rel, key in wanted.items():
        try:
            raw = read_input(root, rel, MAX_YAML_BYTES)
        except InputError as exc:
            out.problems.append(exc.problem)
            continue
        out.read.add(rel)
        file = _File(rel, key, raw, digest("document", rel, key, raw))
        cached = _cached(store, file)
        if cached is None:
            missed.append(file)
        else:
            done[rel] = cached
    cited = [f for f in missed if f.key == CITED_KEY]
    shared = [f for f in missed if f.key != CITED_KEY]
    if _two_processes_pay(shared):
        done.update(_in_two_processes(root, shared, cited, done, store))
    else:
        done.update((f.rel, _parse(f, store)) for f in cited)
        done.update((f.rel, _parse(f, store)) for f in shared)
    for rel in wanted:  # in the order asked for: the validator numbers the items by it
        if rel in done:
            doc, found = done[rel]
            out.problems += found
            if doc is not None:
                out.docs[rel] = doc
    return out


def _cached(store: Store, file: _File) -> tuple[Document | None, list[Problem]] | None:
    entry = store.document(file.rel, file.entry_key)
    if entry is None:
        return None
    try:
        return _from_entry(file.rel, file.raw, entry)
    except (KeyError, TypeError, ValueError):
        return None  # not an entry this code wrote: parse the file


def _parse(file: _File, store: Store) -> tuple[Document | None, list[Problem]]:
    doc, problems = _parse_checked(file)
    store.put_document(file.rel, file.entry_key, _entry(doc, file.key, problems))
    return doc, problems


def _parse_checked(file: _File) -> tuple[Document | None, list[Problem]]:
    """One data file parsed and checked on its own (syntax, schema, limits)."""
    doc, problems = parse_yaml(file.rel, file.raw, file.key)
    if doc is not None:
        problems += schema.check_document(doc) + limit_problems(doc, file.key)
    return doc, problems


def _entry(doc: Document | None, key: str, problems: list[Problem]) -> dict:
    found = [[p.path, p.line, p.col, p.severity, p.message] for p in problems]
    if doc is None:
        return {"doc": False, "problems": found, "exact": True}
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    ids = [
        list(doc.id_mark(key, i)) if isinstance(item, dict) and "id" in item else None
        for i, item in enumerate(items if isinstance(items, list) else [])
    ]
    return {
        "doc": True,
        "data": doc.data,
        "modeline": doc.has_modeline,
        "ids": ids,
        "problems": found,
        "exact": doc.exact,
    }


def _from_entry(rel: str, raw: bytes, entry: dict) -> tuple[Document | None, list[Problem]]:
    problems = [Problem(str(p), int(li), int(co), str(sev), str(m)) for p, li, co, sev, m in entry["problems"]]
    if entry["doc"] is not True:
        return None, problems
    ids = entry["ids"]
    if not isinstance(ids, list) or not all(m is None or (len(m) == 2 and all(type(x) is int for x in m)) for m in ids):
        raise ValueError("id marks")
    return Document(rel, entry["data"], {}, bool(entry["modeline"]), raw=raw, id_marks=ids), problems


# -- two processes ---------------------------------------------------------------------------
def _two_processes_pay(files: list[_File]) -> bool:
    return len(files) >= 2 and sum(len(f.raw) for f in files) >= MIN_PARALLEL_BYTES and can_fork()


def _in_two_processes(
    root: Path, files: list[_File], cited: list[_File], done: dict, store: Store
) -> dict[str, tuple[Document | None, list[Problem]]]:
    """`files` parsed and their quotes proved by two processes, a half each; the files of the
    sources' records (`cited`, unless `done` holds them from the cache) parsed by both, each for
    its own proofs: the second process starts at once instead of after them."""
    store.load_proofs()  # before the fork: neither process proves what the cache holds
    mine, theirs = _halves(files)
    handover = ahead.Handover()

    def second() -> bytes:  # in the second process: its half, as JSON down the pipe
        handover.be(1)
        records = _records({**done, **{f.rel: _parse_checked(f) for f in cited}})
        return _dumps(_made_apart(root, theirs, records, store, handover))

    helper = apart.Apart(second)
    if not helper.started:  # no memory or no process to spare: this one does it all
        handover.abandon()
        return {f.rel: _parse(f, store) for f in [*cited, *files]}
    handover.be(0)
    try:
        parsed = {f.rel: _parse(f, store) for f in cited}
        records = _records({**done, **parsed})
        ours = {f.rel: _parse(f, store) for f in mine}
        made = _prove_share(root, [doc for doc, _ in ours.values() if doc is not None], records, store, handover, 0)
        _offer(store, made)
        parsed.update(ours)
        body = helper.answer()
    except BaseException:  # interrupted: the second process's work is of no use any more
        helper.cancel()
        raise
    finally:
        handover.remove()
    return {**parsed, **_taken(body, theirs, store)}


def _prove_share(
    root: Path, docs: list[Document], records: dict[str, dict], store: Store, handover: ahead.Handover, me: int
) -> dict[str, list]:
    """This process's share of the proving (data/ahead.py): its half's quotes of the other
    share's sources handed over first, then its half's own and those the other hands over."""
    items = ahead.cited(docs, records)
    handover.give([item for item in items if ahead.share(item[0]) != me])
    prover = ahead.Prover(root, records, store)
    prover.prove([item for item in items if ahead.share(item[0]) == me])
    prover.prove(handover.take())
    return prover.made


def _halves(files: list[_File]) -> tuple[list[_File], list[_File]]:
    """Two lists of about the same bytes."""
    return apart.halves(files, lambda f: len(f.raw))


def _made_apart(
    root: Path, files: list[_File], records: dict[str, dict], store: Store, handover: ahead.Handover
) -> dict:
    docs, parsed = {}, []
    for file in files:
        doc, problems = _parse_checked(file)
        docs[file.rel] = [file.entry_key, _entry(doc, file.key, problems)]
        if doc is not None:
            parsed.append(doc)
    return {"docs": docs, "proofs": _prove_share(root, parsed, records, store, handover, 1)}


def _taken(body: bytes, files: list[_File], store: Store) -> dict[str, tuple[Document | None, list[Problem]]]:
    """The second process's documents, taken as the cache's entries are; any it did not give
    back whole is parsed here."""
    try:
        answer = _loads(body)
        docs, made = answer["docs"], answer["proofs"]
        if not isinstance(docs, dict) or not isinstance(made, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        docs, made = {}, {}
    out = {}
    for file in files:
        given = docs.get(file.rel)
        loaded = None
        if isinstance(given, list) and len(given) == 2 and given[0] == file.entry_key and isinstance(given[1], dict):
            try:
                loaded = _from_entry(file.rel, file.raw, given[1])
                store.put_document(file.rel, file.entry_key, given[1])
            except (KeyError, TypeError, ValueError):
                loaded = None
        out[file.rel] = loaded or _parse(file, store)
    _offer(store, made)
    return out


def _dumps(answer: dict) -> bytes:
    """The second process's answer as JSON, after a byte that names its writer: orjson (a quarter
    of json's time) where every document is `exact`, else json, which keeps a NaN and a whole
    number past 64 bits as they are."""
    if all(entry.get("exact") is True for _, entry in answer["docs"].values()):
        return b"o" + orjson.dumps(answer)
    return b"j" + json.dumps(answer).encode("ascii")


def _loads(body: bytes) -> Any:
    """The second process's JSON, read by the library that wrote it (orjson would read a json
    NaN as nothing and a whole number past 64 bits as a float)."""
    if body[:1] == b"o":
        return orjson.loads(body[1:])
    if body[:1] == b"j":
        return json.loads(body[1:])
    raise ValueError("no answer")


def _offer(store: Store, made: dict[str, Any]) -> None:
    # Taken as they came: the validator reads each proof it uses with `proofs.from_value`, as it
    # reads a stored one, and proves anew whatever is not one (a garbled answer costs time).
    for key, value in made.items():
        if isinstance(key, str):
            store.offer_proof(key, value)


# -- proving ahead ---------------------------------------------------------------------------
def _records(done: dict[str, tuple[Document | None, list[Problem]]]) -> dict[str, dict]:
    """Each source's record by id (the first, where two share one: as the validator takes it)."""
    records: dict[str, dict] = {}
    for rel, (doc, _) in done.items():
        items = doc.data.get(CITED_KEY) if doc is not None and isinstance(doc.data, dict) else None
        if schema.key_of(rel) == CITED_KEY and isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    records.setdefault(item["id"], item)
    return records
