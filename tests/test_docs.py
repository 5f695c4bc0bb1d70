"""Docs and code change together: these fail when an option, a field or a term goes undocumented."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import cli, formatdoc
from generator.data.schema import schema, vocabulary
from generator.site import views

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_in_the_readme():
    for name, sub in _subcommands().items():
        assert f"`dossier {name}" in README, f"command `{name}` is not documented in README.md"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert f"{flag}" in README, f"option {flag} of `dossier {name}` is not documented in README.md"
            if action.choices and action.option_strings:
                for choice in action.choices:
                    assert choice in README, f"value {choice} of {action.option_strings[0]} is not documented"


def _properties(spec, where=""):
    if isinstance(spec, dict):
        for key, sub in spec.get("properties", {}).items():
            yield f"{where}.{key}", key, sub
        for key, sub in spec.items():
            if key != "properties":
                yield from _properties(sub, f"{where}/{key}")
    elif isinstance(spec, list):
        for item in spec:
            yield from _properties(item, where)


def test_every_schema_field_has_a_description_and_is_in_format_md():
    text = (ROOT / "FORMAT.md").read_text("utf-8")
    definitions = schema()["definitions"]
    for where, key, sub in _properties(schema()):
        if "/allOf" in where or "/if" in where:
            continue
        assert formatdoc.description(sub, definitions), f"schema field {where} has no description"
        assert f"`{key}`" in text, f"schema field {where} is missing from FORMAT.md"


def test_format_md_is_generated_from_the_current_schema():
    assert (ROOT / "FORMAT.md").read_text("utf-8") == formatdoc.render(), "FORMAT.md is stale: run `make docs`"


def test_every_schema_value_has_words_on_the_site_and_the_methodology_page():
    # The page defines each by the words readers see on the site (a chip's word, a card's label),
    # not by the curators' value.
    assert views.missing_labels() == {}
    methodology = (ROOT / "content" / "pages" / "methodology.md").read_text("utf-8")
    for term in vocabulary("stance"):
        assert f"**{views.STANCE_SHORT[term]}**" in methodology, f"{term} is not defined on the methodology page"
    for term in vocabulary("evidence-kind"):
        assert f"**{views.KIND_LABELS[term]}**" in methodology, f"{term} is not defined on the methodology page"


def test_every_make_target_in_the_readme_exists():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("site", "test", "check", "serve", "golden", "docs"):
        assert f"make {target}" in README
        assert f"\n{target}:" in makefile
