"""`dossier add-source FILE`: store a text byte for byte and append its entry to sources.yaml.

The entry is appended as text, so the file's existing text, comments and order stay exactly as
they were (a YAML round trip would rewrite them). What the text does not say is recorded as
unknown; nothing is guessed: the outlet and the publication date are `basis: unknown`, and the
title, unless given, is the text's first line, which the entry's notes say.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data.files import SOURCES_DIR
from ..data.load import decode_utf8, load_yaml
from ..data.schema import data_files, schema
from ..data.validate import MAX_SOURCE_BYTES
from ..errors import ERROR, DossierError, UsageError
from . import entry_rules
from .yamltext import one_line, scalar

KEY = "sources"
TITLE_LIMIT = 200  # characters of a first line used as a title; a text without line breaks is one line
FIRST_LINE_NOTE = "Title taken from the text's first line by `dossier add-source`: check it."


@dataclass(frozen=True)
class Added:
    id: str
    file: str  # relative to the dossier root
    size: int
    sha256: str
    line: int  # of the new entry in sources.yaml
    title_from_text: bool


def sources_file() -> str:
    return next(rel for rel, key in data_files().items() if key == KEY)


def add_source(root: Path, file: Path, language: str, ident: str | None = None, title: str | None = None) -> Added:
    rel_yaml = sources_file()
    if not (root / rel_yaml).is_file():
        raise UsageError(f"{root} has no {rel_yaml}: run `dossier init` first, or pass --root DIR")
    _require("language", language, "--language")
    if title is not None:
        _require("line", title, "--title")
    if ident is not None:
        _require("id", ident, "--id")
    raw = _read(file)
    text, problem = decode_utf8(raw, str(file))
    if problem:
        raise DossierError(f"{problem.path}:{problem.line}:{problem.col}: {problem.message}")
    if not text.strip():
        raise DossierError(f"{file} holds no text: a source is the text a claim quotes")
    digest = hashlib.sha256(raw).hexdigest()
    entries = recorded(root, rel_yaml)
    for entry, _ in entries:
        if entry.get("sha256") == digest:
            raise DossierError(
                f"{file} is already stored as source `{entry.get('id')}` ({SOURCES_DIR}/{entry.get('file')}, "
                "the same sha256): nothing to add"
            )
    ident_given = ident is not None
    ident = _identifier(file, ident)
    for entry, line in entries:
        if entry.get("id") == ident:
            raise DossierError(
                f"the source id `{ident}` is already in use ({rel_yaml}:{line}): choose another with --id"
            )
    name = _free_name(root, file.name, {str(entry.get("file")) for entry, _ in entries})
    fields = {
        "id": ident,
        "file": name,
        "sha256": digest,
        "title": title if title is not None else _first_line(text),
        "outlet": {"basis": "unknown"},
        "published": {"basis": "unknown"},
        "language": language,
    }
    if title is None:
        fields["notes"] = FIRST_LINE_NOTE
    entry_rules.refuse(fields, {"id": ident_given, "title": title is not None})
    line = _store(root, rel_yaml, name, raw, fields)
    return Added(ident, f"{SOURCES_DIR}/{name}", len(raw), digest, line, title is None)


def _require(definition: str, value: str, option: str) -> None:
    spec = schema()["definitions"][definition]
    if not re.fullmatch(spec["pattern"].removeprefix("^").removesuffix("$"), value):
        raise UsageError(f"{option} {value!r} {spec['x-message']}")


def _read(file: Path) -> bytes:
    if not file.is_file():
        raise UsageError(f"{file}: {'not a regular file' if file.exists() else 'no such file'}")
    size = file.stat().st_size
    if size > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // 2**20
        raise DossierError(f"{file} is {size / 2**20:.1f} MiB, over the {limit} MiB limit of a source")
    return file.read_bytes()


def recorded(root: Path, rel: str) -> list[tuple[dict, int]]:
    """The entries already recorded, each with its line; refuses a file with errors (the new
    entry could not be checked against it)."""
    doc, problems = load_yaml(root, rel, KEY)
    errors = [p for p in problems if p.severity == ERROR]
    if doc is None or errors or not isinstance(doc.data, dict) or not isinstance(doc.data.get(KEY), list):
        where = errors[0].gcc() if errors else f"{rel}: no `{KEY}:` list"
        raise DossierError(f"{rel} must load before a source is added ({where}): run `dossier check`")
    items = doc.data[KEY]
    return [(item, items.item_marks[i][0]) for i, item in enumerate(items) if isinstance(item, dict)]


def _identifier(file: Path, ident: str | None) -> str:
    if ident is not None:
        return ident
    derived = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-")[:80].strip("-")
    if not derived:
        raise UsageError(f"no source id can be made from the name {file.name!r}: give one with --id")
    return derived


def _free_name(root: Path, name: str, recorded: set[str]) -> str:
    """The file's own name (made fit for the format), or NAME-2.EXT, NAME-3.EXT... if taken."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name)
    name = name if re.match(r"[A-Za-z0-9_]", name) else "_" + name
    stem, dot, suffix = name.rpartition(".") if "." in name[1:] else (name, "", "")
    candidate, n = name, 1
    while candidate in recorded or os.path.lexists(root / SOURCES_DIR / candidate):
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    return candidate


def _first_line(text: str) -> str:
    line = one_line(next(line for line in text.splitlines() if line.strip()))
    return line if len(line) <= TITLE_LIMIT else line[: TITLE_LIMIT - 1].rstrip() + "…"


def entry_text(fields: dict, indent: str, newline: str) -> str:
    lines = []
    for key, value in fields.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items())  # fixed words: plain is safe
            lines.append(f"{key}: {{{inner}}}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    first, *rest = lines
    return f"{indent}- {first}{newline}" + "".join(f"{indent}  {line}{newline}" for line in rest)


def appended(text: str, fields: dict) -> str:
    """sources.yaml with the entry added at the end; `sources: []` opens into a block list."""
    newline = "\r\n" if "\r\n" in text else "\n"
    empty = re.compile(rf"(?m)^{KEY}:[ \t]*\[\]([ \t]*#[^\r\n]*)?[ \t]*(?=\r?$)")
    text = empty.sub(lambda m: f"{KEY}:" + (m.group(1) or ""), text, count=1)
    first_item = re.search(rf"(?ms)^{KEY}:.*?^( *)- ", text)
    indent = first_item.group(1) if first_item else "  "
    if text and not text.endswith("\n"):
        text += newline
    return text + entry_text(fields, indent, newline)


def _store(root: Path, rel_yaml: str, name: str, raw: bytes, fields: dict) -> int:
    """Write the text, then the new sources.yaml (through a temporary file and a rename); the
    text is removed again if the list cannot be written. Returns the entry's line."""
    path = root / rel_yaml
    old = path.read_bytes().decode("utf-8")
    new = appended(old, fields)
    try:
        loaded = yaml.safe_load(new)
    except yaml.YAMLError:
        loaded = None
    # The append is text: prove it added exactly this entry before anything is written.
    if not (isinstance(loaded, dict) and isinstance(loaded.get(KEY), list) and loaded[KEY][-1] == fields):
        raise DossierError(
            f"{rel_yaml}: the new entry cannot be appended safely (the `{KEY}:` list is not the file's last "
            "block): move the list to the end of the file"
        )
    (root / SOURCES_DIR).mkdir(parents=True, exist_ok=True)
    stored = root / SOURCES_DIR / name
    with open(stored, "xb") as fh:
        fh.write(raw)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new.encode("utf-8"))
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        stored.unlink(missing_ok=True)
        raise
    return new.count("\n", 0, new.rindex(f"- id: {scalar(fields['id'])}")) + 1
