"""The JSON Schema: the one definition of the data format, and its checks.

Each list item is validated with a compiled validator (fastjsonschema, fast); only an item that
fails is validated again with jsonschema, which can list every error with its path.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # imported where a detailed message is needed: most checks never need it
    import jsonschema

from ..errors import ERROR, WARNING, Problem, echo
from .load import Document, locate

SCHEMA_FILE = "schema/dossier.schema.json"


@cache
def _schema_bytes() -> bytes:
    return resources.files("generator").joinpath(SCHEMA_FILE).read_bytes()


@cache
def schema() -> dict:
    return json.loads(_schema_bytes())


@cache
def data_files() -> dict[str, str]:
    """Each YAML file of a dossier that holds a list (relative to its root) and the one top-level
    key it holds."""
    return {spec["x-file"]: key for key, spec in schema()["properties"].items() if spec.get("type") == "array"}


@cache
def settings_files() -> dict[str, str]:
    """Optional YAML files that hold one mapping about the dossier itself (`content/dossier.yaml`)
    and the top-level key each holds."""
    return {spec["x-file"]: key for key, spec in schema()["properties"].items() if spec.get("x-optional")}


@cache
def data_folders() -> dict[str, tuple[str, str]]:
    """Folders whose YAML files hold more of a list (`x-files: claims/*.yaml`, so a large dossier
    splits its claims by actor, source or topic): the folder -> (the files' suffix, the key)."""
    out = {}
    for key, spec in schema()["properties"].items():
        pattern = spec.get("x-files")
        if pattern:
            folder, _, name = pattern.rpartition("/")
            assert name.startswith("*") and "*" not in folder + name[1:], f"unsupported x-files pattern {pattern}"
            out[folder] = (name[1:], key)
    return out


def key_of(rel: str) -> str | None:
    """The top-level key a data file holds (`claims/x.yaml` -> `claims`), None for other files."""
    if rel in data_files():
        return data_files()[rel]
    if rel in settings_files():
        return settings_files()[rel]
    folder, _, name = rel.rpartition("/")
    suffix, key = data_folders().get(folder, ("", None))
    return key if key and name.endswith(suffix) else None


@cache
def vocabulary(definition: str) -> tuple[str, ...]:
    """The allowed values of an enumeration, e.g. `vocabulary("stance")`."""
    return tuple(schema()["definitions"][definition]["enum"])


@cache
def date_keys() -> frozenset[str]:
    """Keys whose values are dates: there an unquoted YAML date (which YAML types) is welcome."""
    date_refs = {"#/definitions/date", "#/definitions/edtf"}
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict) and value.get("$ref") in date_refs:
                    found.add(key)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema())
    return frozenset(found)


def _item_definition(top_key: str) -> str:
    spec = schema()["properties"][top_key]
    return spec.get("items", spec)["$ref"].rsplit("/", 1)[1]


def _item_schema(top_key: str) -> dict:
    return {"$ref": f"#/definitions/{_item_definition(top_key)}", "definitions": schema()["definitions"]}


def item_keys() -> list[str]:
    """The keys of the lists whose items the compiled validators check."""
    return sorted(set(data_files().values()) | {key for _, key in data_folders().values()})


@cache
def _fast(top_key: str):
    """The items' validator: the one compiled ahead (data/validators/) when it was made from this
    schema by this fastjsonschema, else compiled now. Compiling the claims' validator is most of a
    one-claim edit's parse (60 ms); importing the one made ahead, a fraction of a millisecond."""
    try:
        ahead = importlib.import_module(f"{__package__}.validators.gen_{top_key}")
    except ImportError:
        ahead = None
    if ahead is not None and getattr(ahead, "MADE_FROM", None) == made_from(top_key):
        return ahead.validate
    return fastjsonschema.compile(_item_schema(top_key))


def made_from(top_key: str) -> str:
    """What a compiled validator depends on: the schema's bytes, fastjsonschema's version, the key,
    and how its paths are rewritten."""
    made = b"\0".join(
        (fastjsonschema.VERSION.encode(), top_key.encode(), _schema_bytes(), _EAGER_PATH.pattern.encode())
    )
    return hashlib.sha256(made).hexdigest()


# fastjsonschema's code spells each nested value's path (for its error messages) as
# `"...{name}...".format(**locals())` before validating the value: a dict of the function's fifty
# locals per value, a fifth of a claims file's schema check. The same text as an f-string.
_EAGER_PATH = re.compile(r'"([^"{}\\]*)\{([A-Za-z_][A-Za-z0-9_]*)\}([^"{}\\]*)"\.format\(\*\*locals\(\)\)')


def validator_code(top_key: str) -> str:
    """The module data/validators/gen_KEY.py: fastjsonschema's code for the key's items, each path
    written as an f-string (`_EAGER_PATH`)."""
    code = _EAGER_PATH.sub(r'f"\1{\2}\3"', fastjsonschema.compile_to_code(_item_schema(top_key)))
    return (
        f'"""The validator of a `{top_key}` item, compiled ahead from the schema by fastjsonschema: written by\n'
        '`make validators`, never by hand (tests/test_validators.py holds it to the schema)."""\n\n'
        f'MADE_FROM = "{made_from(top_key)}"\n\n{code}'
    )


def _pattern(validator, pattern: str, instance: Any, _schema: dict) -> Iterator[jsonschema.ValidationError]:
    # JSON Schema patterns are ECMA-262, where `$` (no multiline flag) matches only at the very
    # end; Python's `$` also matches before a final newline, which let `"id\n"` pass as an id.
    if validator.is_type(instance, "string") and not re.search(_ecma_end(pattern), instance):
        import jsonschema

        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma_end(pattern: str) -> str:
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern


@cache
def _detailed(top_key: str) -> jsonschema.protocols.Validator:
    import jsonschema

    return jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": _pattern})(_item_schema(top_key))


def check_document(doc: Document) -> list[Problem]:
    """Every schema problem of one file, each at the line of the offending node."""
    key = key_of(doc.path)
    assert key is not None, doc.path
    if key in settings_files().values():
        problems = _check_settings(doc, key)
        items = None
    else:
        problems = _check_top(doc, key)
        items = doc.data.get(key) if isinstance(doc.data, dict) else None
    if isinstance(items, list):
        fast = _fast(key)
        for index, item in enumerate(items):
            try:
                fast(item)
            except fastjsonschema.JsonSchemaException as exc:
                problems += _item_problems(doc, key, index, item) or [_fallback(doc, key, index, exc)]
    problems += _implicit_problems(doc)
    if not doc.has_modeline:
        problems.append(
            Problem(
                doc.path,
                1,
                1,
                WARNING,
                "first line should be the editor modeline `# yaml-language-server: "
                f"$schema=.../generator/{SCHEMA_FILE}`",
            )
        )
    return problems


def _fallback(doc: Document, key: str, index: int, exc: fastjsonschema.JsonSchemaException) -> Problem:
    # Both validators read the same schema; should they ever disagree, the item is still refused.
    path = getattr(exc, "path", None) or []
    where = (key, index, *tuple(p for p in path[1:] if isinstance(p, (str, int))))
    line, col = locate(doc.data, where)
    return Problem(doc.path, line, col, ERROR, f"`{_field_name(where)}` does not fit the format: {exc}")


def _check_top(doc: Document, key: str) -> list[Problem]:
    def at(where: tuple, message: str, on_key: bool = False) -> Problem:
        line, col = locate(doc.data, where, key=on_key)
        return Problem(doc.path, line, col, ERROR, message)

    if not isinstance(doc.data, dict):
        return [at((), f"the file must be a mapping with a `{key}:` list at the top, not {_describe(doc.data)}")]
    problems = [
        at((other,), f"unknown top-level key `{other}`: this file holds only `{key}:`", True)
        for other in doc.data
        if other != key
    ]
    if key not in doc.data:
        problems.append(at((), f"missing the top-level `{key}:` list"))
    elif not isinstance(doc.data[key], list):
        problems.append(at((key,), f"`{key}` must be a list (items start with `- `), not {_describe(doc.data[key])}"))
    return problems


def _check_settings(doc: Document, key: str) -> list[Problem]:
    """A settings file: a mapping with one top-level mapping `key:`, checked against its schema."""
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), dict) or len(doc.data) != 1:
        line, col = locate(doc.data, ())
        message = f"the file must be a mapping with one top-level `{key}:` mapping (e.g. `{key}: {{published: ...}}`)"
        return [Problem(doc.path, line, col, ERROR, message)]
    out = []
    for error in _detailed(key).iter_errors(doc.data[key]):
        where = (key, *tuple(error.absolute_path))
        for rel, on_key, message in _messages(error, doc, where):
            line, col = locate(doc.data, where + rel, key=on_key)
            out.append(Problem(doc.path, line, col, ERROR, message))
    return out


def _item_problems(doc: Document, key: str, index: int, item: Any) -> list[Problem]:
    out = []
    for error in _detailed(key).iter_errors(item):
        where = (key, index, *tuple(error.absolute_path))
        for rel, on_key, message in _messages(error, doc, where):
            line, col = locate(doc.data, where + rel, key=on_key)
            out.append(Problem(doc.path, line, col, ERROR, message))
    return out


def _messages(error: jsonschema.ValidationError, doc: Document, where: tuple) -> Iterator[tuple[tuple, bool, str]]:
    """(extra path, point at the key?, message) for one jsonschema error."""
    field = _field_name(where)
    kind, value = error.validator, error.validator_value
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - set(allowed)):
            yield (extra,), True, _unknown_field(extra, allowed)
    elif kind == "required" and not custom:
        for name in value:
            if name not in error.instance:
                yield (), False, f"missing required field `{name}` in {_thing(where)}"
    elif kind == "type":
        yield (), False, _type_message(field, value, error.instance, doc.implicit.get(where))
    elif kind == "enum":
        yield (), False, _enum_message(field, value, error.instance)
    elif kind == "anyOf" and isinstance(error.instance, str) and _enums(value):
        # A value that may be a word or a mapping (a stance): a word is the likely intent.
        yield (), False, _enum_message(field, _enums(value), error.instance)
    elif custom:
        shown = f" (found `{_short(error.instance)}`)" if isinstance(error.instance, str) else ""
        yield (), False, f"`{field}` {custom}{shown}"
    elif kind == "minItems":
        yield (), False, f"`{field}` needs at least {value} item{'s' if value != 1 else ''}"
    elif kind == "minProperties":
        yield (), False, f"`{field}` needs at least one entry"
    elif kind == "uniqueItems":
        yield (), False, f"`{field}` lists the same item more than once"
    elif kind == "minimum":
        yield (), False, f"`{field}` must be {value} or more"
    else:
        yield (), False, f"`{field}`: {error.message}"


def _enums(branches: list) -> list:
    """The allowed words among a list of alternative schemas."""
    out: list = []
    for branch in branches:
        ref = branch.get("$ref", "") if isinstance(branch, dict) else ""
        spec = schema()["definitions"].get(ref.rsplit("/", 1)[-1], {}) if ref else branch
        out += spec.get("enum", []) if isinstance(spec, dict) else []
    return out


def _implicit_problems(doc: Document) -> list[Problem]:
    out = []
    for where, (kind, text) in doc.implicit.items():
        if kind == "date" and where and where[-1] not in date_keys():
            line, col = locate(doc.data, where)
            out.append(
                Problem(
                    doc.path,
                    line,
                    col,
                    ERROR,
                    f'`{text}` is read by YAML as a date; put it in quotes ("{text}") if you mean text',
                )
            )
    return out


def _field_name(where: tuple) -> str:
    names = [step for step in where if isinstance(step, str)]
    return names[-1] if names else "value"


def _thing(where: tuple) -> str:
    top = where[0] if where else ""
    if len(where) > 2:
        return f"`{_field_name(where)}`"
    return _item_definition(top) if top in schema()["properties"] else "item"


def _unknown_field(extra: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
    hint = f"did you mean `{close[0]}`?" if close else "allowed: " + ", ".join(f"`{a}`" for a in allowed)
    return f"unknown field `{extra}`: {hint}"


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (`key: value` lines)",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _type_message(field: str, expected: Any, instance: Any, implicit: tuple[str, str] | None) -> str:
    want = _TYPE_WORDS.get(expected, str(expected))
    if implicit and implicit[0] == "bool":
        text = implicit[1]
        return f'`{field}` must be {want}, but YAML reads `{text}` as a boolean: put it in quotes ("{text}")'
    if instance is None:
        return f"`{field}` is empty: give it {want}"
    if expected == "string" and isinstance(instance, (bool, int, float)):
        kind = "boolean" if isinstance(instance, bool) else "number"
        return f"`{field}` must be text, but YAML reads `{_short(instance)}` as a {kind}: put it in quotes"
    return f"`{field}` must be {want}, not {_describe(instance)}"


def _enum_message(field: str, allowed: list, instance: Any) -> str:
    options = ", ".join(f"`{a}`" for a in allowed)
    close = difflib.get_close_matches(str(instance), [str(a) for a in allowed], n=1, cutoff=0.6)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"`{field}` must be one of {options} (found `{_short(instance)}`){hint}"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"`{_short(value)}`"


def _short(value: Any, limit: int = 60) -> str:
    # Escaped, not collapsed: a trailing line break or a control character must show.
    return echo(str(value), limit - 1)
