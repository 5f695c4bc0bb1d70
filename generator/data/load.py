"""Read the dossier's files: YAML into plain data that remembers where each value stood.

PyYAML's constructors lose positions, keep the last of two duplicate keys and expand aliases,
so we compose the node graph with libyaml (CSafeLoader) and convert it ourselves. The block
YAML most files are written in is read faster by `blockyaml`, into the same data, where it reads
the text exactly; libyaml reads everything it declines.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ERROR, Problem
from .blockyaml import parse_block
from .files import MAX_YAML_BYTES, read_input
from .hygiene import has_bad_block, has_odd, long_marks, prescan_depth, text_problem
from .marked import MAX_DEPTH, Mark, MDict, MList

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: same behaviour, slower
    _Loader = yaml.SafeLoader

MODELINE = "# yaml-language-server: $schema="
# Checked on the text before libyaml composes it (libyaml recurses per level and crashes near
# 50,000); the scan may count up to twice the real depth, hence a limit well above MAX_DEPTH.
MAX_SCANNED_DEPTH = 200

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_ScalarNode = yaml.ScalarNode
_YAML11_BOOLS = {"y", "yes", "n", "no", "on", "off"}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """One YAML file: its data and the scalars YAML typed implicitly (for friendly errors).

    A document from the check's cache holds plain data and the bytes it was parsed from: where a
    value stood is found by parsing those bytes again, only when a problem must be placed."""

    path: str
    data: Any
    # path inside the data -> ("date" | "bool", the text as written)
    implicit: dict[tuple, tuple[str, str]] = field(default_factory=dict)
    has_modeline: bool = True
    raw: bytes | None = None  # set on a cached document: what `marked` is parsed from
    id_marks: list | None = None  # a cached document's (line, column) of each listed item's id
    exact: bool = True  # orjson's JSON holds its data as it is (`_Converter.exact`)
    _marked: Any = None

    def locate(self, where: tuple, *, key: bool = False) -> Mark:
        """The line and column of the value at `where`, as `locate` finds it in marked data."""
        data = self.data
        if self.raw is not None and not isinstance(data, (MDict, MList)):
            if self._marked is None:
                parsed, _ = parse_yaml(self.path, self.raw, "")
                self._marked = parsed.data if parsed is not None else data
            data = self._marked
        return locate(data, where, key=key)

    def id_mark(self, key: str, index: int) -> Mark:
        """Where the id of item `index` of the list `key` stands."""
        if self.id_marks is not None and index < len(self.id_marks) and self.id_marks[index]:
            line, col = self.id_marks[index]
            return (line, col)
        return self.locate((key, index, "id"))


class _CachingLoader(_Loader):  # type: ignore[valid-type,misc]
    """The loader, remembering how each plain scalar resolved: a large file repeats its keys and
    values (ids, `basis: stated`) thousands of times, and resolving is a series of regex tries.
    SafeLoader has no path resolvers, so a plain scalar's tag depends on its text alone."""

    def __init__(self, stream):
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is _ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0]:  # quoted, or tagged `!`: never resolved implicitly
                return _STR
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


def _mark(node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Converter:
    def __init__(self, path: str, anchors: bool = True, hygiene: bool = True):
        self.path = path
        # Only text holding a suspect character or a backslash (a double-quoted escape such as
        # "\x07") can yield a string that fails text hygiene; the rest skips the per-string check.
        self.hygiene = hygiene
        self.problems: list[Problem] = []
        self.implicit: dict[tuple, tuple[str, str]] = {}
        # Only an anchor (`&`) lets two places share a node; without one there is nothing to track.
        self.seen: set[int] | None = set() if anchors else None
        self.aliased = False
        # Whether JSON by orjson holds the data as it is: no NaN or infinity (orjson writes null),
        # no whole number past 64 bits (orjson reads it back as a float). The check's cache and
        # its second process's answer take json, or nothing, for data that is not.
        self.exact = True

    def problem(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark[0], mark[1], ERROR, message))

    def text(self, node) -> None:
        """Every string the dossier holds (keys too) passes text hygiene."""
        found = text_problem(node.value, block=True)
        if found:
            self.problem(_mark(node), f"text {found}")

    def convert(self, node, where: tuple) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                # Aliases share the anchored node; refusing them also defuses "billion laughs".
                # Where each alias stands is found afterwards, from the parser's events.
                self.aliased = True
                return None
            self.seen.add(id(node))
        if len(where) > MAX_DEPTH:
            self.problem(_mark(node), f"nested more than {MAX_DEPTH} levels deep: the format needs no more than a few")
            return None
        if not node.tag.startswith(_TAG):
            self.problem(_mark(node), f"unsupported YAML tag `{node.tag}`: remove it")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            out = MList(self.convert(item, (*where, i)) for i, item in enumerate(node.value))
            out.mark = _mark(node)
            out.item_marks = [_mark(item) for item in node.value]
            return out
        return self.scalar(node, where)

    def _mapping(self, node, where: tuple) -> MDict:
        out = MDict()
        key_marks: dict[str, Mark] = {}
        value_marks: dict[str, Mark] = {}
        out.mark, out.key_marks, out.value_marks = _mark(node), key_marks, value_marks
        # The common case inline (a text value, no anchors, not too deep): one call per node
        # less, which is most of the time spent here on a large file.
        plain_values = self.seen is None and len(where) < MAX_DEPTH
        for key_node, value_node in node.value:
            if key_node.__class__ is _ScalarNode and key_node.tag == _STR:
                key = key_node.value
                if self.hygiene:
                    self.text(key_node)
            elif key_node.tag == _TAG + "merge":
                self.problem(_mark(key_node), "YAML merge keys (<<) are not supported: write the fields out")
                continue
            else:
                key = self.scalar(key_node, where) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    self.problem(_mark(key_node), "a key must be plain text")
                    continue
            if key in out:
                line, col = key_marks[key]
                self.problem(
                    _mark(key_node),
                    f"duplicate key `{key}` (first at line {line}, column {col}): YAML would keep only this one; "
                    "remove one of them",
                )
                continue
            mark = key_node.start_mark
            key_marks[key] = (mark.line + 1, mark.column + 1)
            mark = value_node.start_mark
            value_marks[key] = (mark.line + 1, mark.column + 1)
            if plain_values and value_node.__class__ is _ScalarNode and value_node.tag == _STR:
                out[key] = value_node.value
                if self.hygiene:
                    self.text(value_node)
            else:
                out[key] = self.convert(value_node, (*where, key))
        return out

    def scalar(self, node, where: tuple) -> Any:
        tag = node.tag
        if tag == _TAG + "str":
            if self.hygiene:
                self.text(node)
            return node.value
        if not tag.startswith(_TAG):
            self.problem(_mark(node), f"unsupported YAML tag `{tag}`: remove it")
            return None
        if tag == _TAG + "timestamp":
            # Keep the text: a date field wants "2024-11-03", not a date object.
            self.implicit[where] = ("date", node.value)
            return node.value
        if tag == _TAG + "bool":
            if node.value.lower() in _YAML11_BOOLS:
                self.implicit[where] = ("bool", node.value)
            return _constructor.construct_yaml_bool(node)
        if tag == _TAG + "int":
            try:
                whole = _constructor.construct_yaml_int(node)
            except ValueError:  # past Python's 4,300 digits
                self.problem(_mark(node), "number too long: quote it if it is text")
                return None
            self.exact = self.exact and -(2**63) <= whole < 2**64
            return whole
        if tag == _TAG + "float":
            try:
                number = _constructor.construct_yaml_float(node)
            except (OverflowError, ValueError):  # a base-60 float of hundreds of places: 1:0:0:…:0.0
                self.problem(_mark(node), "number too large for a float: quote it if it is text")
                return None
            self.exact = self.exact and math.isfinite(number)
            return number
        if tag == _TAG + "null":
            return None
        self.problem(_mark(node), f"unsupported YAML type {tag.removeprefix(_TAG)!r}: write plain text")
        return None


def load_yaml(root: Path, rel: str, key: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file, which must hold `key:`. A file that cannot be parsed yields problems
    and no document."""
    return parse_yaml(rel, read_input(root, rel, MAX_YAML_BYTES), key)


def parse_yaml(rel: str, raw: bytes, key: str) -> tuple[Document | None, list[Problem]]:
    """`load_yaml` on bytes already read."""
    text, problem = decode_utf8(raw, rel)
    if problem:
        return None, [problem]
    odd = has_odd(text)
    hygiene = "\\" in text or (odd and has_bad_block(text)) or long_marks(text) is not None
    conv = _Converter(rel, anchors="&" in text, hygiene=hygiene)
    # The block reader for what it reads exactly (text hygiene is the converter's); libyaml for
    # the rest, after a scan that bounds its recursion (the block reader's is bounded by MAX_DEPTH).
    data = None if hygiene else parse_block(text, conv, odd=odd)
    if data is None:
        deep = prescan_depth(text, MAX_SCANNED_DEPTH)
        if deep:
            message = f"nested more than {MAX_SCANNED_DEPTH} levels deep: the format needs no more than a few"
            return None, [Problem(rel, deep[0], deep[1], ERROR, message)]
        conv = _Converter(rel, anchors="&" in text, hygiene=hygiene)  # the reader may have typed part of it
        data, problems = _compose(rel, text, key, conv)
        if problems:
            return None, problems
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    doc = Document(rel, data, conv.implicit, first_line.startswith(MODELINE), exact=conv.exact)
    return doc, conv.problems


def _compose(rel: str, text: str, key: str, conv: _Converter) -> tuple[Any, list[Problem]]:
    """libyaml's reading of `text`: the data, or the problems that leave no document."""
    loader = _CachingLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(rel, exc)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        return None, [
            Problem(rel, line, col, ERROR, f"YAML cannot hold the control character U+{ord(char):04X}: remove it")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1, 1, ERROR, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(rel, 1, 1, ERROR, f"file is empty: it must hold a mapping with a `{key}:` list")]
    data = conv.convert(node, ())
    if conv.aliased:
        conv.problems += _alias_problems(rel, text)
    return data, []


def decode_utf8(raw: bytes, rel: str) -> tuple[str, Problem | None]:
    """Strict UTF-8; an initial byte-order mark is dropped (offsets count from after it)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        return "", Problem(rel, line, col, ERROR, f"not valid UTF-8 (byte 0x{byte:02X}): save the file as UTF-8")
    return text.removeprefix("\ufeff"), None


def _alias_problems(rel: str, text: str, shown: int = 5) -> list[Problem]:
    marks = [e.start_mark for e in yaml.parse(text, Loader=_Loader) if isinstance(e, yaml.AliasEvent)]
    problems = [
        Problem(
            rel,
            m.line + 1,
            m.column + 1,
            ERROR,
            "YAML anchors and aliases (&name, *name) are not supported: write the value out",
        )
        for m in marks[:shown]
    ]
    if len(marks) > shown:
        m = marks[shown]
        problems.append(Problem(rel, m.line + 1, m.column + 1, ERROR, f"…and {len(marks) - shown} more aliases"))
    return problems


def _syntax_problem(rel: str, exc: yaml.MarkedYAMLError) -> Problem:
    # An unclosed quote or bracket is found at the end of the file; where it opened is the
    # context mark, the line the curator must fix.
    unclosed = (
        exc.context_mark and exc.context and exc.context.startswith(("while scanning a quoted", "while parsing a flow"))
    )
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}, {what}"
    if "\\t" in what or "'\\t'" in what or "tab" in what:
        what += " (indent with spaces, not tabs)"
    return Problem(rel, line, col, ERROR, f"YAML syntax: {what}")


def locate(data: Any, where: tuple, *, key: bool = False) -> Mark:
    """The line and column of the value at `where` (or of its key), else of its nearest parent."""
    mark: Mark = getattr(data, "mark", (1, 1))
    node = data
    for i, step in enumerate(where):
        last = i == len(where) - 1
        if isinstance(node, MDict) and step in node:
            mark = node.key_marks[step] if (key and last) else node.value_marks[step]
            node = node[step]
        elif isinstance(node, MList) and isinstance(step, int) and 0 <= step < len(node):
            mark = node.item_marks[step]
            node = node[step]
        else:
            break
    return mark
