"""`dossier add-source FILE`: store a source and append its entry to sources.yaml.

FILE is a text (stored byte for byte), a saved web page or a web archive (WARC). From a page the
article's text is extracted (generator/tools/webpage.py) and stored as the source, the text quotes
are proven against; the page or the WARC is kept beside it, byte for byte, with its own sha256.

The entry is appended as text, so the file's existing text, comments and order stay exactly as
they were (a YAML round trip would rewrite them). Nothing is guessed: what the page's own markup
states is recorded with `basis: stated` and where it was found; what nothing states is recorded
as unknown, and the command says so and how to fill it in.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..data import dates
from ..data.files import MAX_SOURCE_BYTES, SOURCES_DIR
from ..data.load import decode_utf8, load_yaml
from ..data.originals import MAX_ORIGINAL_BYTES
from ..data.schema import data_files, schema
from ..errors import ERROR, DossierError, UsageError
from . import contentwrite, entry_rules
from .yamltext import one_line, scalar

if TYPE_CHECKING:
    from . import webpage

KEY = "sources"
TITLE_LIMIT = 200  # characters of a first line used as a title; a text without line breaks is one line
FIRST_LINE_NOTE = "Title taken from the text's first line by `dossier add-source`: check it."
ORIGINALS = "originals"  # under content/sources/
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
AGAIN = "run dossier add-source again"  # the advice after removing a link in the way


@dataclass(frozen=True)
class Added:
    id: str
    file: str  # relative to the dossier root
    size: int
    sha256: str
    line: int  # of the new entry in sources.yaml
    title_from_text: bool
    original: str | None = None  # the kept page or WARC, relative to the dossier root
    stated: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (value, where found)
    unknown: tuple[str, ...] = ("outlet", "published")


@dataclass(frozen=True)
class Given:
    """What the curator says on the command line; each overrides what the page states."""

    language: str
    ident: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class _Read:
    text: bytes  # what is stored as the source
    page: webpage.Page | None = None
    original: bytes | None = None
    format: str | None = None  # html | warc
    retrieved: dict[str, str] = field(default_factory=dict)


def sources_file() -> str:
    return next(rel for rel, key in data_files().items() if key == KEY)


def add_source(root: Path, file: Path, language: str, ident: str | None = None, title: str | None = None,
               **given: str | None) -> Added:  # fmt: skip
    rel_yaml = sources_file()
    if not (root / rel_yaml).is_file():
        raise UsageError(f"{root} has no {rel_yaml}: run `dossier init` first, or pass --root DIR")
    flags = Given(language, ident, title, **given)
    _check_flags(flags)
    read = _read_source(file, flags.url)
    digest = hashlib.sha256(read.text).hexdigest()
    kept = hashlib.sha256(read.original).hexdigest() if read.original is not None else None
    entries = recorded(root, rel_yaml)
    for entry, _ in entries:
        original: dict = entry["original"] if isinstance(entry.get("original"), dict) else {}
        if entry.get("sha256") == digest or (kept and original.get("sha256") == kept):
            stored = original.get("file") if kept and original.get("sha256") == kept else entry.get("file")
            raise DossierError(
                f"{file} is already stored as source `{entry.get('id')}` ({SOURCES_DIR}/{stored}, "
                "the same sha256): nothing to add"
            )
    ident = _identifier(file, flags.ident)
    for entry, line in entries:
        if entry.get("id") == ident:
            raise DossierError(
                f"the source id `{ident}` is already in use ({rel_yaml}:{line}): choose another with --id"
            )
    names = {str(entry.get("file")) for entry, _ in entries}
    name = _free_name(root, _text_name(file, read), names)
    original_name = _free_name(root, file.name, names, ORIGINALS) if read.original is not None else None
    fields, stated = _fields(flags, ident, name, digest, read)
    if original_name and kept and read.format:
        fields["original"] = _original_fields(original_name, kept, read, stated)
    entry_rules.refuse(fields, {"id": flags.ident is not None, "title": flags.title is not None})
    line = _store(root, rel_yaml, name, read, original_name, fields)
    unknown = tuple(k for k in ("outlet", "published") if fields[k] == {"basis": "unknown"})
    return Added(
        ident, f"{SOURCES_DIR}/{name}", len(read.text), digest, line, "notes" in fields and flags.title is None,
        f"{SOURCES_DIR}/{original_name}" if original_name else None, stated, unknown,
    )  # fmt: skip


def _check_flags(flags: Given) -> None:
    _require("language", flags.language, "--language")
    for value, definition, option in (
        (flags.title, "line", "--title"),
        (flags.ident, "id", "--id"),
        (flags.url, "url", "--url"),
        (flags.outlet, "line", "--outlet"),
    ):
        if value is not None:
            _require(definition, value, option)
    if flags.published is not None:
        try:
            dates.parse(flags.published)
        except dates.DateError as exc:
            raise UsageError(f"--published {flags.published!r}: {one_line(str(exc))}") from None


def _read_source(file: Path, url: str | None) -> _Read:
    """The text to store, and for a page or a WARC the original and what it states."""
    from . import warc, webpage  # here: the extractor takes a second to import, and `quote` needs none of it

    raw = _read(file)
    name = str(file)
    lower = file.name.lower()
    if lower.endswith(WARC_SUFFIXES) and not warc.is_warc(raw):
        raise DossierError(f"{name} is not a WARC (it does not start with a WARC record): give the .warc or .warc.gz")
    if warc.is_warc(raw):
        capture = warc.capture(raw, name, url, MAX_SOURCE_BYTES)
        page = webpage.read_page(capture.body, f"{name} ({capture.url})", capture.charset)
        retrieved = {"url": capture.url, "at": capture.date, "found": "WARC-Target-URI, WARC-Date"}
        if not webpage.URL.fullmatch(capture.url) or not re.fullmatch(r"[0-9T:.-]+Z", capture.date):
            retrieved = {}
        return _Read(page.text.encode("utf-8"), page, raw, "warc", retrieved)
    if lower.endswith(HTML_SUFFIXES) or webpage.looks_like_html(raw):
        if len(raw) > MAX_SOURCE_BYTES:
            raise DossierError(_too_big(file, len(raw), MAX_SOURCE_BYTES))
        page = webpage.read_page(raw, name)
        saved = page.saved_from
        retrieved = {"url": saved.value, "found": saved.found} if saved else {}
        return _Read(page.text.encode("utf-8"), page, raw, "html", retrieved)
    if url is not None:
        raise UsageError("--url names a page of a saved web page or WARC; for a text, write `url:` in the entry")
    if len(raw) > MAX_SOURCE_BYTES:
        raise DossierError(_too_big(file, len(raw), MAX_SOURCE_BYTES))
    text, problem = decode_utf8(raw, name)
    if problem:
        raise DossierError(f"{problem.path}:{problem.line}:{problem.col}: {problem.message}")
    if not text.strip():
        raise DossierError(f"{file} holds no text: a source is the text a claim quotes")
    return _Read(raw)


def _fields(flags: Given, ident: str, name: str, digest: str, read: _Read) -> tuple[dict, dict]:
    page = read.page
    stated: dict[str, tuple[str, str]] = {}

    def pick(key: str, flag: str | None, found: webpage.Stated | None) -> str | None:
        if flag is not None:
            return flag
        if found is not None:
            stated[key] = (found.value, found.found)
            return found.value
        return None

    from .webpage import Stated

    text = read.text.decode("utf-8")
    title = pick("title", flags.title, page.title if page else None)
    url = pick("url", flags.url, page.url if page else None)
    if url is None and read.retrieved.get("url"):
        url = pick("url", None, Stated(read.retrieved["url"], read.retrieved["found"].split(",")[0]))
    outlet = pick("outlet", flags.outlet, page.outlet if page else None)
    published = pick("published", flags.published, page.published if page else None)
    fields: dict = {
        "id": ident,
        "file": name,
        "sha256": digest,
        "title": title if title is not None else _first_line(text),
        "outlet": {"name": outlet, "basis": "stated"} if outlet else {"basis": "unknown"},
        "published": {"date": published, "basis": "stated"} if published else {"basis": "unknown"},
        "language": flags.language,
    }
    if url:
        fields["url"] = url
    if title is None:
        fields["notes"] = FIRST_LINE_NOTE
    return fields, stated


def _original_fields(name: str, digest: str, read: _Read, stated: dict) -> dict:
    import trafilatura

    out: dict = {"file": name, "sha256": digest, "format": read.format}
    out["extracted_by"] = f"trafilatura {trafilatura.__version__}"
    if read.retrieved:
        out["retrieved"] = dict(read.retrieved)
    if stated:
        out["found"] = {key: where for key, (_, where) in stated.items()}
    return out


def _text_name(file: Path, read: _Read) -> str:
    if read.original is None:
        return file.name
    stem = file.name
    for suffix in (*WARC_SUFFIXES, *HTML_SUFFIXES):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return f"{stem or 'page'}.txt"


def _require(definition: str, value: str, option: str) -> None:
    spec = schema()["definitions"][definition]
    if not re.fullmatch(spec["pattern"].removeprefix("^").removesuffix("$"), value):
        raise UsageError(f"{option} {value!r} {spec['x-message']}")


def _read(file: Path) -> bytes:
    if not file.is_file():
        raise UsageError(f"{file}: {'not a regular file' if file.exists() else 'no such file'}")
    size = file.stat().st_size
    if size > MAX_ORIGINAL_BYTES:
        raise DossierError(_too_big(file, size, MAX_ORIGINAL_BYTES))
    with open(file, "rb") as fh:
        raw = fh.read(MAX_ORIGINAL_BYTES + 1)
    if len(raw) > MAX_ORIGINAL_BYTES:
        raise DossierError(_too_big(file, len(raw), MAX_ORIGINAL_BYTES))
    return raw


def _too_big(file: Path, size: int, limit: int) -> str:
    what = "a source" if limit == MAX_SOURCE_BYTES else "a saved page or web archive"
    return f"{file} is {size / 2**20:.1f} MiB, over the {limit // 2**20} MiB limit of {what}"


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
    stem = next((file.name[: -len(s)] for s in WARC_SUFFIXES if file.name.lower().endswith(s)), file.stem)
    derived = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:80].strip("-")
    if not derived:
        raise UsageError(f"no source id can be made from the name {file.name!r}: give one with --id")
    return derived


def _free_name(root: Path, name: str, recorded: set[str], folder: str = "") -> str:
    """The file's own name (made fit for the format), or NAME-2.EXT, NAME-3.EXT... if taken;
    under `folder` of content/sources/ when given."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name)
    name = name if re.match(r"[A-Za-z0-9_]", name) else "_" + name
    double = next((s for s in (".warc.gz", ".tar.gz") if name.lower().endswith(s) and len(name) > len(s)), None)
    stem, dot, suffix = (
        (name[: -len(double)], ".", double[1:])
        if double
        else name.rpartition(".")
        if "." in name[1:]
        else (name, "", "")
    )
    prefix = f"{folder}/" if folder else ""
    candidate, n = prefix + name, 1
    while candidate in recorded or os.path.lexists(root / SOURCES_DIR / candidate):
        n += 1
        candidate = f"{prefix}{stem}-{n}{dot}{suffix}"
    return candidate


def _first_line(text: str) -> str:
    line = one_line(next(line for line in text.splitlines() if line.strip()))
    return line if len(line) <= TITLE_LIMIT else line[: TITLE_LIMIT - 1].rstrip() + "…"


def _mapping_lines(fields: dict) -> list[str]:
    """A flat mapping of strings flow style (`{name: "Example News", basis: stated}`); one
    holding mappings in block style, indented by two spaces a level."""
    lines = []
    for key, value in fields.items():
        if isinstance(value, dict) and any(isinstance(v, dict) for v in value.values()):
            lines.append(f"{key}:")
            lines.extend(f"  {line}" for line in _mapping_lines(value))
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}: {scalar(v)}" for k, v in value.items())
            lines.append(f"{key}: {{{inner}}}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return lines


def entry_text(fields: dict, indent: str, newline: str) -> str:
    first, *rest = _mapping_lines(fields)
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


def _store(root: Path, rel_yaml: str, name: str, read: _Read, original: str | None, fields: dict) -> int:
    """Write the text (and the original), then the new sources.yaml (a new file renamed over
    it); what was written is removed again if the list cannot be. Returns the entry's line."""
    old = (root / rel_yaml).read_bytes().decode("utf-8")
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
    files = [(f"{SOURCES_DIR}/{name}", read.text)]
    if original is not None and read.original is not None:
        files.append((f"{SOURCES_DIR}/{original}", read.original))
    written: list[str] = []
    try:
        for rel, data in files:
            contentwrite.create_file(root, rel, data, AGAIN)
            written.append(rel)
        contentwrite.replace_file(root, rel_yaml, new.encode("utf-8"), AGAIN)
    except BaseException:
        for rel in written:
            contentwrite.remove_file(root, rel)
        raise
    return new.count("\n", 0, new.rindex(f"- id: {scalar(fields['id'])}")) + 1
