"""The block reader (data/blockyaml.py) reads a file exactly as libyaml and the converter do, or
declines it: compared on the dossier, on generated dossiers and on random block YAML, valid or
not, down to every value's type, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.synth import synthesize
from generator.data import load
from generator.data.blockyaml import parse_block
from generator.data.marked import MDict, MList

ROOT = Path(__file__).resolve().parent.parent


def _shape(value: Any) -> Any:
    """Everything the check can see of marked data: types, values and every mark."""
    if isinstance(value, MDict):
        items = [(k, value.key_marks[k], value.value_marks[k], _shape(v)) for k, v in value.items()]
        return ("map", value.mark, items)
    if isinstance(value, MList):
        return ("seq", value.mark, list(zip(value.item_marks, map(_shape, value), strict=True)))
    assert not isinstance(value, (dict, list)), "unmarked container"
    return (type(value).__name__, repr(value))


def _libyaml(text: str) -> tuple[Any, Any]:
    """libyaml's reading: (shape, converter state), or (None, problems) where it refuses."""
    conv = load._Converter("f.yaml", anchors="&" in text, hygiene=False)
    data, problems = load._compose("f.yaml", text, "claims", conv)
    if problems:
        return None, problems
    return _shape(data), (conv.implicit, conv.exact, conv.problems)


def _block(text: str) -> tuple[Any, Any]:
    conv = load._Converter("f.yaml", anchors=False, hygiene=False)
    data = parse_block(text, conv)
    return (None, None) if data is None else (_shape(data), (conv.implicit, conv.exact, conv.problems))


def _agrees(text: str) -> bool:
    """The block reader declines `text` or reads it as libyaml does; True when it read it."""
    shape, state = _block(text)
    if shape is None:
        return False
    assert (shape, state) == _libyaml(text)
    return True


def test_the_dossier_is_read_as_libyaml_reads_it():
    files = [ROOT / "claims.yaml", *sorted((ROOT / "content").rglob("*.yaml"))]
    read = [f.relative_to(ROOT).as_posix() for f in files if _agrees(f.read_text("utf-8"))]
    assert "claims.yaml" in read and "content/sources.yaml" in read  # the block reader is what reads them


def test_a_generated_dossier_is_read_whole_by_the_block_reader():
    files = synthesize(400, seed=7)
    texts = {rel: raw.decode("utf-8") for rel, raw in files.items() if rel.endswith(".yaml")}
    assert len(texts) > 4
    assert all(_agrees(text) for text in texts.values()), "a generated file was declined"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: yes\n", {"a": True}),
        ("a: 2024-01-02\nb: '2024-01-02'\n", {"a": "2024-01-02", "b": "2024-01-02"}),
        ("a: 1_000\nb: 0x1F\nc: 1:20\nd: .inf\ne: ~\n", {"a": 1000, "b": 31, "c": 80, "d": float("inf"), "e": None}),
        ("a: one\n  two\n\n  three\nb: x\n", {"a": "one two\nthree", "b": "x"}),
        ("a: 'it''s\n  here'\n", {"a": "it's here"}),
        ("a: >-\n  one\n  two\n\n  three\nb: |\n  x\n  y\n", {"a": "one two\nthree", "b": "x\ny\n"}),
        ("a: [x, y]\nb: []\n", {"a": ["x", "y"], "b": []}),
        ("a: {b: c, d: [e], f: true, g: {}}\n", {"a": {"b": "c", "d": ["e"], "f": True, "g": {}}}),
        ("a:\n- x\n- k: v\n  l: w\n", {"a": ["x", {"k": "v", "l": "w"}]}),
        ("a: one - two\n  - three\n", {"a": "one - two - three"}),
    ],
)
def test_what_the_block_reader_reads(text, expected):
    conv = load._Converter("f.yaml", anchors=False, hygiene=False)
    assert parse_block(text, conv) == expected
    assert _agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # a tag
        "a:\tb\n",  # a tab
        "a: {b: c d}\n",  # a flow scalar of two words
        "a: [x, ]\n",  # a trailing comma
        "a: [,]\n",  # a comma alone
        "a: {k: v, , l: w}\n",  # an empty entry
        "a: b\r\nc: d\n",  # a carriage return
        "a: x\u2028y\n",  # a line break YAML reads and str.split("\\n") does not
        "a: x\ufeffy\n",  # a byte-order mark inside
        "a: x\x85y\n",  # NEL, a line break to YAML 1.1
        "a: [x]]\n",  # libyaml refuses it
        "a:\nb: c\n",  # an empty value
        "a: b # note\n",  # a trailing comment
        "a: b\na: c\n",  # a duplicate key: the converter's message
        "? a\n: b\n",  # a complex key
        "yes: b\n",  # a key YAML types
        "a: |2\n   x\n",  # an indentation indicator
        "a: b\n c: d\n",  # libyaml refuses it
        "--- \na: b\n",  # a document marker
        "a: 'open\n",  # an unclosed quote
    ],
)
def test_what_the_block_reader_leaves_to_libyaml(text):
    assert parse_block(text, load._Converter("f.yaml", anchors=False, hygiene=False)) is None


_TRICKY = st.sampled_from(
    [
        "yes",
        "No",
        "on",
        "null",
        "~",
        "2024-01-02",
        "2001-12-14t21:59:43.10-05:00",
        "1:20",
        "0x1F",
        "0o7",
        "1e3",
        "1_000",
        ".inf",
        ".NaN",
        "12",
        "-3",
        "+1",
        "<<",
        "=",
        "a: b",
        "a #b",
        "#x",
        "- x",
        "---",
        "...",
        "a:b",
        "[x]",
        "{y}",
        "&a",
        "*a",
        "!t",
        "|",
        ">",
        "%",
        "@",
        "`",
        "?",
        "'",
        '"',
        ",",
        "''",
        "\\",
        "",
        "x:",
        ":",
    ]
)
# Mostly words a claims file holds, so that most documents are read by both readers and compared.
_PLAIN = ["a", "id", "word", "é", "“q”", "C#", "x-y", "2", "a.b", "it's", "don't", "(b)"]
_KEYS = st.sampled_from(["id", "a", "b", "k-1", "_k", "t"])
# Two documents in three hold only plain words and names; the others a tricky word or key anywhere.
_MIXED_WORDS = st.one_of(st.sampled_from(_PLAIN), _TRICKY)
_MIXED_KEYS = st.one_of(_KEYS, st.sampled_from(["yes", "null", "on", "<<", "x y", "1"]))


@st.composite
def _scalar(draw, col: int, words: st.SearchStrategy, keys: st.SearchStrategy) -> list[str]:
    """A scalar's text and the lines after it, in one of YAML's styles, wrapped past `col`."""
    text = " ".join(draw(st.lists(words, min_size=1, max_size=5)))
    style = draw(st.sampled_from(["plain", "single", "double", "block", "flow"]))
    pad = " " * (col + draw(st.integers(0, 3)))
    if style == "flow":
        items = draw(st.lists(words, max_size=3))
        if draw(st.booleans()):
            return ["[" + ", ".join(items) + "]"]
        return ["{" + ", ".join(f"{draw(keys)}: {item}" for item in items) + "}"]
    if style == "block":
        header = draw(st.sampled_from([">", ">-", "|", "|-", ">", ">-", "|", "|-", ">+", "|1"]))
        body = [pad + draw(st.sampled_from(["", "", "", "", " ", "  "])) + line for line in text.split(" ")]
        return [header, *body]
    if style == "single":
        text = "'" + text.replace("'", "''") + "'"
    elif style == "double":
        text = '"' + text + '"'
    words = text.split(" ")
    cut = draw(st.integers(0, len(words)))
    lines = [" ".join(words[:cut]) or words[0]]
    if cut and cut < len(words):
        lines += [""] * draw(st.integers(0, 2)) + [pad + " ".join(words[cut:])]
    return lines


@st.composite
def _node(draw, col: int, depth: int, words: st.SearchStrategy, keys: st.SearchStrategy) -> list[str]:
    """A mapping or sequence whose first line starts at `col` (the caller writes its indent)."""
    lines: list[str] = []
    seq = depth > 0 and draw(st.booleans())  # a claims file is a mapping
    names = draw(st.lists(keys, min_size=1, max_size=3, unique=True))  # a duplicate is libyaml's: tested apart
    for key in names:
        indent = "" if not lines else " " * col
        lead = indent + ("- " + " " * draw(st.integers(0, 1)) if seq else "")
        inner = len(lead) if seq else col
        if seq and draw(st.booleans()):
            first, *rest = draw(_scalar(inner, words, keys))
            lines += [lead + first, *rest]
            continue
        kinds = ["scalar", "scalar", "scalar", "map", "map", "seq", "seq", "scalar", "map", "seq", "empty"]
        kind = draw(st.sampled_from(kinds if depth < 3 else ["scalar"]))
        if kind == "scalar":
            first, *rest = draw(_scalar(inner, words, keys))
            lines += [f"{lead}{key}: {first}", *rest]
        elif kind == "empty":
            lines.append(f"{lead}{key}:")
        else:
            child = inner + draw(st.integers(0 if kind == "seq" else 1, 3))
            body = draw(_node(child, depth + 1, words, keys))
            lines += [f"{lead}{key}:", " " * child + body[0], *body[1:]]
        if draw(st.integers(0, 5)) == 0:
            lines.append(" " * draw(st.integers(0, col + 2)) + draw(st.sampled_from(["# c", "", "#"])))
    return lines


@st.composite
def _documents(draw) -> str:
    plain = draw(st.sampled_from([True, True, False]))
    lines = draw(_node(0, 0, st.sampled_from(_PLAIN) if plain else _MIXED_WORDS, _KEYS if plain else _MIXED_KEYS))
    text = "\n".join(line + " " * draw(st.integers(0, 1)) for line in lines) + draw(st.sampled_from(["\n", ""]))
    if draw(st.integers(0, 4)) == 0:  # a mistake somewhere: a character in, or one out
        at = draw(st.integers(1, len(text)))
        text = text[:at] + draw(st.sampled_from(["", " ", "\n", "-", ":", "'", "#", "\t", "[", "  "])) + text[at + 1 :]
    return text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_documents())
@example("a: one\n\n\n  two\n")
@example("a:\n- x\n\n- y\n")
@example("a:\n  b: x\n\n  c\n")
@example("a:\n  - x\n  -  y: 1\n     z: 2\n")
@example("a: >\n  x\n\n\n  y\n\nb: c\n")
@example("a: |-\n  x\n \n  y\n")
@example("k: 'a''\n\n   ''b'\n")
def test_block_reader_agrees_with_libyaml_on_random_block_yaml(text):
    _agrees(text)


def test_the_gate_looks_closer_at_every_character_hygiene_refuses_or_the_reader_declines():
    # parse_yaml skips the hygiene scan and the reader's own when `has_odd` finds nothing: it
    # must find every character either would act on.
    from generator.data import blockyaml, hygiene

    missed = [
        hex(cp)
        for cp in range(0x110000)
        if (hygiene.BAD_BLOCK.match(chr(cp)) or blockyaml._NOT_MINE.match(chr(cp))) and not hygiene.has_odd(chr(cp))
    ]
    assert missed == []
