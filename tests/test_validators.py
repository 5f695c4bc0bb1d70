"""The schema's item validators compiled ahead (generator/data/validators/gen_*.py): each is the
code fastjsonschema makes from the schema today, the check uses it, and a stale one is not used."""

from __future__ import annotations

import importlib
from pathlib import Path

import fastjsonschema
import pytest

from generator.data import schema

FOLDER = Path(schema.__file__).parent / "validators"
STALE = "run `make validators`: the schema or fastjsonschema changed since they were written"


@pytest.fixture(autouse=True)
def _fresh_validators():
    schema._fast.cache_clear()
    yield
    schema._fast.cache_clear()


def test_every_list_has_a_validator_made_ahead_and_no_other_file_is_there():
    made = sorted(p.name for p in FOLDER.glob("gen_*.py"))
    assert made == ["gen_actors.py", "gen_claims.py", "gen_proposals.py", "gen_sources.py"]
    assert made == [f"gen_{key}.py" for key in schema.item_keys()]


@pytest.mark.parametrize("key", schema.item_keys())
def test_each_is_what_fastjsonschema_makes_from_the_schema_now(key):
    assert (FOLDER / f"gen_{key}.py").read_text("utf-8") == schema.validator_code(key), STALE


@pytest.mark.parametrize("key", schema.item_keys())
def test_the_check_uses_the_one_made_ahead(key):
    assert schema._fast(key) is importlib.import_module(f"generator.data.validators.gen_{key}").validate


def test_a_stale_one_is_not_used(monkeypatch):
    ahead = importlib.import_module("generator.data.validators.gen_claims")
    monkeypatch.setattr(ahead, "MADE_FROM", "0" * 64)
    compiled = schema._fast("claims")
    assert compiled is not ahead.validate
    with pytest.raises(fastjsonschema.JsonSchemaException):
        compiled({"id": "Not An Id"})


def test_a_missing_one_is_compiled_instead(monkeypatch):
    real = importlib.import_module

    def no_ahead(name, *args):
        if name.startswith("generator.data.validators.gen_"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(schema.importlib, "import_module", no_ahead)
    compiled = schema._fast("actors")
    assert compiled is not real("generator.data.validators.gen_actors").validate
    compiled({"id": "someone", "name": "Someone", "kind": "person"})


def test_made_from_names_the_schema_the_library_and_the_key(monkeypatch):
    first = schema.made_from("claims")
    assert first != schema.made_from("sources")
    monkeypatch.setattr(fastjsonschema, "VERSION", "0.0.0")
    assert schema.made_from("claims") != first


def _leaves(value, path=()):
    """Every path to a leaf of a YAML value (through mappings and lists)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else None
    if items is None:
        yield path
        return
    for key, inner in items:
        yield from _leaves(inner, (*path, key))


def _replaced(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


def _outcome(validate, item):
    try:
        validate(item)
    except fastjsonschema.JsonSchemaValueException as exc:
        return exc.message, exc.name, exc.rule
    return None


@pytest.mark.parametrize("key", schema.item_keys())
def test_each_judges_as_fastjsonschemas_own_code_does(key):
    """The paths rewritten as f-strings (schema._EAGER_PATH) change nothing a check sees: every item
    of the fixture, and each with any one of its values replaced by one of the wrong shape, is
    accepted or refused alike, with the same message and path."""
    from generator.data.load import parse_yaml
    from tests.conftest import FIXTURE

    rel = "claims.yaml" if key == "claims" else f"content/{key}.yaml"
    doc, problems = parse_yaml(rel, (FIXTURE / rel).read_bytes(), key)
    assert doc is not None and not problems
    items = doc.data[key]
    ahead = importlib.import_module(f"generator.data.validators.gen_{key}").validate
    own = fastjsonschema.compile(schema._item_schema(key))
    refused = 0
    for item in items:
        assert _outcome(ahead, item) is None
        for path in _leaves(item):
            for wrong in ([], {"x": 1}, "", "Not An Id!"):
                changed = _replaced(item, path, wrong)
                assert _outcome(ahead, changed) == _outcome(own, changed), (path, wrong)
                refused += _outcome(own, changed) is not None
    assert refused > len(items)
