"""A fast reader for the block YAML a dossier is written in: exact, or it declines.

Most of a large check's time went to libyaml's composer building a node, two marks and a resolver
call per scalar in Python, then to our converter walking those nodes. Claims files use a small part
of YAML: block mappings and sequences, plain scalars folded over lines, quoted scalars, `>`/`|`
block scalars, one-line flow collections of words (`{stance: open, rests_on: [lead]}`), comments.
This module reads that part into the same marked data `load`'s converter builds and declines
(returns None) anything else: a tab, a flow collection over lines or of quoted text, an anchor,
a tag, a key that is not a plain name, an empty value, a trailing comment, an indent it would have
to guess. The caller then gives the file to libyaml, so what a check reports never
depends on which reader read a file. Plain scalars are typed by PyYAML's own resolver and, when
not text, built by the converter's `scalar`; tests compare both readers on the dossier, generated
dossiers and random documents (tests/test_blockyaml.py).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import yaml

from .marked import MAX_DEPTH, Mark, MDict, MList

# Characters libyaml reads differently from a line split on "\n" (other line breaks, NEL among
# them, tabs, a byte-order mark past the start): a file holding one is libyaml's.
_NOT_MINE = re.compile("[\t\r\x85\u2028\u2029\ufeff]")
# Every line: its indent, a sequence entry's dash, a key that is a plain name, and the rest.
_LINE = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$))?(.*)", re.M)
# A line of a single-quoted scalar: its text, the closing quote if on this line, what follows.
_SINGLE_PART = re.compile(r"((?:[^']|'')*)(')?(.*)")
_DOUBLE = re.compile(r'"([^"\\]*)" *')
# In a one-line flow collection: an indicator, a key (a name and ": "), or a word.
_FLOW_TOKEN = re.compile(r" *(?:([\[\]{},])|([A-Za-z_][A-Za-z0-9_-]{0,127}): +|([A-Za-z0-9_][A-Za-z0-9_.-]*))")
_BLOCK_HEADERS = {">": (True, False), ">-": (True, True), "|": (False, False), "|-": (False, True)}
# What may not start a plain scalar here (YAML's indicators; quotes and `[` are read above).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_resolver = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_ScalarNode = yaml.ScalarNode


class Scalars(Protocol):
    """Builds a plain scalar YAML resolved to something other than text (load's converter)."""

    path: str

    def scalar(self, node: yaml.ScalarNode, where: tuple) -> Any: ...


class _Decline(Exception):
    """The text leaves the part of YAML this reader knows."""


def parse_block(text: str, conv: Scalars, *, odd: bool = True) -> Any:
    """The marked data of `text`, or None if libyaml must read it. `odd=False`: the caller found
    none of `hygiene.has_odd`'s characters (a superset of this reader's) in the text."""
    if odd and _NOT_MINE.search(text):
        return None
    try:
        return _Reader(text, conv).document()
    except _Decline:
        return None


def _plain_text(rest: str) -> bool:
    """Whether `rest` (stripped) reads as plain text to its end: no `: `, ` #` or final colon."""
    return ": " not in rest and " #" not in rest and rest[-1] != ":"


class _Reader:
    def __init__(self, text: str, conv: Scalars):
        self.lines = text.split("\n")
        self.toks: list[tuple[str, str, str, str]] = _LINE.findall(text)
        self.n = len(self.lines)
        if len(self.toks) != self.n:
            raise _Decline
        self.conv = conv
        self.tags: dict[str, str] = {}

    def skip(self, i: int) -> int:
        """The first line from `i` on that holds something (not blank, not a comment)."""
        toks, n = self.toks, self.n
        while i < n:
            _, dash, key, rest = toks[i]
            if dash or key or (rest and rest[0] != "#"):
                return i
            i += 1
        return i

    def document(self) -> MDict:
        i = self.skip(0)
        if i == self.n or self.toks[i][0] or self.toks[i][1]:
            raise _Decline
        data, i = self.mapping(i, 0, ())
        if i != self.n:
            raise _Decline
        return data

    def mapping(self, i: int, col: int, where: tuple) -> tuple[MDict, int]:
        """The mapping whose first key is on line `i` at column `col`, and the next line after it."""
        if len(where) >= MAX_DEPTH:
            raise _Decline
        toks, lines, n = self.toks, self.lines, self.n
        out = MDict()
        key_marks: dict[str, Mark] = {}
        value_marks: dict[str, Mark] = {}
        out.mark, out.key_marks, out.value_marks = (i + 1, col + 1), key_marks, value_marks
        while True:
            key, rest = toks[i][2], toks[i][3]
            if not key or key in out or (key[0] in _RESOLVERS and self.tag(key) != _STR):
                raise _Decline  # a key YAML types (yes, null), or a duplicate: the converter's message
            key_marks[key] = (i + 1, col + 1)
            if not rest:
                nested, i = self.nested(i + 1, col, (*where, key))
                value_marks[key], out[key] = nested.mark, nested
            else:
                value_col = len(lines[i]) - len(rest)
                value_marks[key] = (i + 1, value_col + 1)
                following = toks[i + 1] if i + 1 < n else None
                if (  # the common case inline: one line of plain text, the next line a key or an entry
                    following is not None
                    and (following[1] or following[2])
                    and len(following[0]) <= col
                    and rest[0] not in _RESOLVERS
                    and rest[0] not in _INDICATORS
                    and rest[-1] != " "
                    and _plain_text(rest)
                ):
                    out[key] = rest
                    i += 1
                else:
                    out[key], i = self.scalar(i, rest, col, value_col, (*where, key))
            if i == n:
                return out, i
            indent, dash = len(toks[i][0]), toks[i][1]
            if indent < col:
                return out, i
            if indent > col or dash:
                raise _Decline

    def nested(self, i: int, col: int, where: tuple) -> tuple[MList | MDict, int]:
        """The value of a key at `col` written on the lines from `i` on."""
        i = self.skip(i)
        if i == self.n:
            raise _Decline  # an empty value: libyaml places its null
        indent, dash = len(self.toks[i][0]), self.toks[i][1]
        if indent < col or (indent == col and not dash):
            raise _Decline
        if dash:
            return self.sequence(i, indent, where)
        return self.mapping(i, indent, where)

    def sequence(self, i: int, col: int, where: tuple) -> tuple[MList, int]:
        """The sequence whose first dash is on line `i` at column `col`, and the next line after it."""
        if len(where) >= MAX_DEPTH:
            raise _Decline
        toks = self.toks
        out = MList()
        marks: list[Mark] = []
        out.mark, out.item_marks = (i + 1, col + 1), marks
        while True:
            _, dash, key, rest = toks[i]
            item_col = col + len(dash)
            marks.append((i + 1, item_col + 1))
            if key:
                item, i = self.mapping(i, item_col, (*where, len(out)))
            elif rest:
                item, i = self.scalar(i, rest, col, item_col, (*where, len(out)))
            else:
                raise _Decline  # a dash alone: a nested block or a null
            out.append(item)
            if i == self.n or len(toks[i][0]) != col or not toks[i][1]:
                return out, i

    def scalar(self, i: int, rest: str, col: int, value_col: int, where: tuple) -> tuple[Any, int]:
        """The scalar starting at `value_col` of line `i`, in a block at `col`, and the next line after it."""
        first = rest[0]
        value: Any
        if first == "'":
            value, i = self.single_quoted(i, rest, col)
            return value, self.skip(i)
        if first == '"' or first == "[" or first == "{":
            value = _double(rest) if first == '"' else self.flow(i, rest, value_col, where)
            return value, self.skip(i + 1)
        if first == ">" or first == "|":
            value, i = self.block_scalar(i, rest, col)
            return value, self.skip(i)
        if rest[-1] == " ":
            rest = rest.rstrip(" ")
        if first in _INDICATORS or not _plain_text(rest):
            raise _Decline
        line = i
        i += 1
        if i < self.n and len(self.toks[i][0]) <= col and (self.toks[i][1] or self.toks[i][2] or self.toks[i][3]):
            value = rest  # the next line is not indented past the block: one line
        else:
            value, i = self.folded(i, rest, col)
        i = self.skip(i)
        if value[0] not in _RESOLVERS:
            return value, i
        tag = self.tag(value)
        if tag == _STR:
            return value, i
        return self.typed(tag, value, (line + 1, value_col + 1), where), i

    def folded(self, i: int, value: str, col: int) -> tuple[str, int]:
        """`value` and the lines from `i` on that continue it (indented past `col`), folded."""
        lines = self.lines
        parts = [value]
        breaks = 0
        end = i
        while i < self.n:
            line = lines[i]
            content = line.lstrip(" ")
            if not content:
                breaks += 1
                i += 1
                continue
            if len(line) - len(content) <= col:
                break
            content = content.rstrip(" ")
            if content[0] == "#" or not _plain_text(content):
                raise _Decline
            parts.append("\n" * breaks if breaks else " ")
            parts.append(content)
            breaks = 0
            i += 1
            end = i
        return "".join(parts), end

    def single_quoted(self, i: int, rest: str, col: int) -> tuple[str, int]:
        """A single-quoted scalar, over as many lines as it takes (each indented past `col`)."""
        text, closed, after = _single_part(rest, 1)
        parts = [text]
        breaks = 0
        while not closed:
            i += 1
            if i == self.n:
                raise _Decline
            line = self.lines[i]
            content = line.lstrip(" ")
            if not content:
                breaks += 1
                continue
            if len(line) - len(content) <= col:
                raise _Decline  # libyaml reads on whatever the indent; a mistake is likelier
            text, closed, after = _single_part(content, 0)
            parts[-1] = parts[-1].rstrip(" ")
            parts.append("\n" * breaks if breaks else " ")
            parts.append(text)
            breaks = 0
        if after.strip(" "):
            raise _Decline
        return "".join(parts).replace("''", "'"), i + 1

    def block_scalar(self, i: int, rest: str, col: int) -> tuple[str, int]:
        """A `>`, `>-`, `|` or `|-` scalar whose lines all share one indent past `col`."""
        header = _BLOCK_HEADERS.get(rest.rstrip(" "))
        first = i + 1
        if header is None or first == self.n:
            raise _Decline
        folding, strip = header
        lines = self.lines
        indent = len(lines[first]) - len(lines[first].lstrip(" "))
        if indent <= col or indent == len(lines[first]):
            raise _Decline  # a blank first line, or no deeper line: libyaml's indent rules
        parts: list[str] = []
        breaks = 0
        i = end = first
        while i < self.n:
            line = lines[i]
            if len(line) <= indent and not line.strip(" "):
                breaks += 1
            elif line[:indent].strip(" "):
                break  # less indented: the scalar has ended
            elif line[indent] == " ":
                raise _Decline  # a more-indented line keeps its break: not read here
            else:
                if parts:  # a literal keeps each break; folding makes one a space
                    parts.append(("\n" * breaks or " ") if folding else "\n" * (breaks + 1))
                parts.append(line[indent:])
                breaks = 0
                end = i + 1
            i += 1
        if end == self.n:
            raise _Decline  # the file ends on the scalar's last line, with no break to clip
        return "".join(parts) + ("" if strip else "\n"), end

    def flow(self, i: int, rest: str, value_col: int, where: tuple) -> Any:
        """A flow collection on one line, of names and flow collections: `[a, b]`, `{k: v, l: [a]}`."""
        self.flow_line, self.flow_text, self.flow_col = i, rest, value_col
        value, _, end = self.flow_node(0, where)
        if rest[end:].strip(" "):
            raise _Decline
        return value

    def flow_node(self, at: int, where: tuple) -> tuple[Any, Mark, int]:
        """The flow node at offset `at` of the line, its mark, and the offset after it."""
        token = _FLOW_TOKEN.match(self.flow_text, at)
        if token is None or len(where) >= MAX_DEPTH or token.group(2):
            raise _Decline  # not a node here, or a key
        word = token.group(3)
        mark = (self.flow_line + 1, self.flow_col + token.start(3 if word else 1) + 1)
        if word:
            if word[0] in _RESOLVERS and (tag := self.tag(word)) != _STR:
                return self.typed(tag, word, mark, where), mark, token.end()
            return word, mark, token.end()
        if token.group(1) == "[":
            items, end = self.flow_list(mark, token.end(), where)
            return items, mark, end
        if token.group(1) == "{":
            mapping, end = self.flow_mapping(mark, token.end(), where)
            return mapping, mark, end
        raise _Decline

    def flow_list(self, mark: Mark, at: int, where: tuple) -> tuple[MList, int]:
        out = MList()
        marks: list[Mark] = []
        out.mark, out.item_marks = mark, marks
        closed, at = self.flow_open(at, "]")
        while not closed:
            item, item_mark, at = self.flow_node(at, (*where, len(out)))
            marks.append(item_mark)
            out.append(item)
            closed, at = self.flow_next(at, "]")
        return out, at

    def flow_mapping(self, mark: Mark, at: int, where: tuple) -> tuple[MDict, int]:
        out = MDict()
        key_marks: dict[str, Mark] = {}
        value_marks: dict[str, Mark] = {}
        out.mark, out.key_marks, out.value_marks = mark, key_marks, value_marks
        closed, at = self.flow_open(at, "}")
        while not closed:
            token = _FLOW_TOKEN.match(self.flow_text, at)
            key = token.group(2) if token is not None else None
            if token is None or not key or key in out or (key[0] in _RESOLVERS and self.tag(key) != _STR):
                raise _Decline
            key_marks[key] = (self.flow_line + 1, self.flow_col + token.start(2) + 1)
            value_marks[key] = (self.flow_line + 1, self.flow_col + token.end() + 1)  # spaces are the key's
            out[key], _, at = self.flow_node(token.end(), (*where, key))
            closed, at = self.flow_next(at, "}")
        return out, at

    def flow_open(self, at: int, close: str) -> tuple[bool, int]:
        """After an opening bracket: (True, offset past it) if `close` follows at once (empty)."""
        token = _FLOW_TOKEN.match(self.flow_text, at)
        if token is not None and token.group(1) == close:
            return True, token.end()
        return False, at

    def flow_next(self, at: int, close: str) -> tuple[bool, int]:
        """After an entry: `close` ends the collection, a comma leads to the next entry."""
        token = _FLOW_TOKEN.match(self.flow_text, at)
        if token is None or token.group(1) not in (",", close):
            raise _Decline
        return token.group(1) == close, token.end()  # a trailing comma: the next entry declines

    def typed(self, tag: str, value: str, mark: Mark, where: tuple) -> Any:
        """A plain scalar YAML types as `tag`, built by the converter as from libyaml's node."""
        start = yaml.error.Mark(self.conv.path, 0, mark[0] - 1, mark[1] - 1, None, None)
        return self.conv.scalar(_ScalarNode(tag, value, start, start), where)

    def tag(self, value: str) -> str:
        tag = self.tags.get(value)
        if tag is None:
            tag = self.tags[value] = _resolver.resolve(_ScalarNode, value, (True, False))
        return tag


def _double(rest: str) -> str:
    match = _DOUBLE.fullmatch(rest)
    if match is None:
        raise _Decline
    return match.group(1)


def _single_part(line: str, at: int) -> tuple[str, bool, str]:
    """A line of a single-quoted scalar from `at`: its text, whether it closes here, what follows."""
    match = _SINGLE_PART.match(line, at)
    if match is None:  # the pattern matches any text; kept for the type checker
        raise _Decline
    return match.group(1), match.group(2) is not None, match.group(3)
