"""The fast paths taken for speed at scale give exactly what the plain ways give.

- quotes: white space and ellipses found without scanning every character with a regex;
  text not in NFC normalized in runs of words, the NFC runs the fast way;
- load: values converted inline when the file has no anchor.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from bench.synth import synthesize
from generator.data import load, normalize, quotes

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dossier"
# Characters that make normalization do something: white space of every kind, the ellipsis,
# curly quotes and dashes, decomposed letters, lone combining marks, Hangul jamo, singletons.
ALPHABET = [
    *list("ab c\n\t\r  ."),
    "\xa0",
    "…",
    "’",
    "“",
    "—",
    "é",
    "́",
    "̈",
    "가",
    "ᅡ",
    "ᆨ",
    "가",
    "Å",
    "ཱི",
    "̈́",
    "й",
    "й",
    "\u2028",
    "\u3000",
    "x̧́",
    "क़",
    "—́",
    "…̈",
]


def _random_texts(count: int, longest: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(longest)))


def _same_mapping(a: quotes.Normalized, b: quotes.Normalized) -> bool:
    return a.text == b.text and all(
        a.to_original_start(i) == b.to_original_start(i)
        and a.to_original_end(i) == b.to_original_end(i)
        and a.splits(i) == b.splits(i)
        for i in range(len(a.text) + 1)
    )


def test_white_space_list_is_exactly_what_python_calls_white_space():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and c != 0x20)
    assert every == quotes.WHITE_SPACE


def test_changes_finds_what_the_regex_finds():
    for text in _random_texts(3000, 60, seed=1):
        assert normalize._changes(text) == [m.span() for m in normalize._CHANGES.finditer(text)], repr(text)


# A sample in `make test-fast`, the whole sweep in `make test`.
@pytest.mark.parametrize(("count", "at_least"), [(150, 140), pytest.param(1500, 1400, marks=pytest.mark.slow)])
def test_text_not_in_nfc_normalizes_as_unit_by_unit(count, at_least):
    checked = 0
    for text in _random_texts(count, 300, seed=2):
        if unicodedata.is_normalized("NFC", text):
            continue
        reference = normalize.Normalized(*normalize._normalize_units(text))
        assert _same_mapping(quotes.normalize(text), reference), repr(text)
        checked += 1
    assert checked > at_least


def _compare(a, b, where="") -> None:
    assert type(a) is type(b), where
    if isinstance(a, load.MDict):
        assert (
            list(a) == list(b) and a.mark == b.mark and a.key_marks == b.key_marks and a.value_marks == b.value_marks
        ), where
        for key in a:
            _compare(a[key], b[key], f"{where}/{key}")
    elif isinstance(a, load.MList):
        assert len(a) == len(b) and a.mark == b.mark and a.item_marks == b.item_marks, where
        for i, (x, y) in enumerate(zip(a, b)):
            _compare(x, y, f"{where}/{i}")
    else:
        assert a == b, where


YAMLS = [
    ROOT / "claims.yaml",
    ROOT / "content" / "actors.yaml",
    FIXTURE / "claims.yaml",
    FIXTURE / "content" / "sources.yaml",
]


@pytest.mark.parametrize(
    "text",
    [p.read_text("utf-8") for p in YAMLS]
    + [
        synthesize(40, seed=5)["claims.yaml"].decode("utf-8"),
        "claims:\n  - id: a\n    added: 2024-01-02\n    tags: [yes, 'no']\n    n: 1.5\n    x: ~\n    ? [a]\n    : "
        "b\n    id: again\n",
    ],
)
def test_inline_conversion_equals_the_node_by_node_walk(text):
    def convert(anchors: bool):
        loader = load._CachingLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        conv = load._Converter("claims.yaml", anchors=anchors)
        return conv.convert(node, ()), conv.implicit, conv.problems

    fast, slow = convert(False), convert(True)
    _compare(fast[0], slow[0])
    assert fast[1:] == slow[1:]


def test_caching_resolver_types_plain_scalars_like_pyyaml():
    text = "a: [yes, No, on, 1, 0x1F, 1.5e3, .inf, ~, null, 2024-01-02, 2024-01, abc, '1', yes, 1]\n"
    expected = yaml.load(text, Loader=yaml.SafeLoader)
    loader = load._CachingLoader(text)
    try:
        assert loader.get_single_data() == expected
    finally:
        loader.dispose()


def test_a_template_is_compiled_once_per_process_and_again_when_it_changes(tmp_path, monkeypatch):
    """The compiled templates a preview keeps between rebuilds (site/render.py COMPILED) never
    serve an edited template's old code."""
    import jinja2

    from generator.site import render

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "t.j2").write_text("one {{ x }}", "utf-8")
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def spy(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    monkeypatch.setattr(render, "TEMPLATES", tmp_path)
    assert render.environment(("pages",)).get_template("t.j2").render(x=1) == "one 1"
    assert render.environment(("pages",)).get_template("t.j2").render(x=2) == "one 2"
    assert compiled == ["t.j2"]
    (folder / "t.j2").write_text("two {{ x }}", "utf-8")
    assert render.environment(("pages",)).get_template("t.j2").render(x=3) == "two 3"
    assert compiled == ["t.j2", "t.j2"]
