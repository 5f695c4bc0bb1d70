"""The data-format reference (FORMAT.md), generated from the JSON Schema.

`python -m generator.formatdoc FORMAT.md` (or `make docs`) writes it atomically; a test fails
when FORMAT.md is not what the schema gives, so the schema stays the one source of truth.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .data.schema import data_files, schema, settings_files
from .site.render import TEMPLATES
from .site.write import write_if_changed

# The order sections appear in.
SECTIONS = (
    "source",
    "actor",
    "proposal",
    "claim",
    "dossier-settings",
    "stance-detail",
    "evidence",
    "correction",
    "said",
    "ordering",
    "dating",
    "attribution",
    "perspective",
    "translation",
    "original",
    "role",
    "relation",
)


def _files() -> dict[str, str]:
    """Each item definition and the file its list lives in."""
    top = schema()["properties"]
    files = {rel: top[key]["items"]["$ref"] for rel, key in data_files().items()}
    files.update((rel, top[key]["$ref"]) for rel, key in settings_files().items())
    return {ref.rsplit("/", 1)[1]: rel for rel, ref in files.items()}


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    kind: str
    description: str


def _kind(spec: dict, definitions: dict) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        if name in SECTIONS:
            return f"[{name}](#{name})"
        return _kind({**definitions[name], **{k: v for k, v in spec.items() if k != "$ref"}}, definitions)
    if "enum" in spec:
        return "one of " + ", ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("type") == "array":
        return f"list of {_kind(spec['items'], definitions)}"
    if spec.get("type") == "object" and isinstance(spec.get("additionalProperties"), dict):
        return f"mapping of id → {_kind(spec['additionalProperties'], definitions)}"
    kind = str(spec.get("type"))
    return {"string": "text", "integer": "whole number"}.get(kind, kind)


def description(spec: dict, definitions: dict) -> str:
    """A field's own description, else that of the definition it refers to."""
    if spec.get("description"):
        return spec["description"]
    if "$ref" in spec:
        return description(definitions[spec["$ref"].rsplit("/", 1)[-1]], definitions)
    if spec.get("type") == "array":
        return description(spec["items"], definitions)
    return ""


def fields(name: str) -> list[Field]:
    definitions = schema()["definitions"]
    spec = definitions[name]
    required = set(spec.get("required", ()))
    return [
        Field(key, key in required, _kind(sub, definitions), description(sub, definitions))
        for key, sub in spec["properties"].items()
    ]


def render() -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / "docs")),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    definitions = schema()["definitions"]
    files = _files()
    sections = [(name, definitions[name].get("description", ""), files.get(name), fields(name)) for name in SECTIONS]
    return env.get_template("format.md.j2").render(schema=schema(), sections=sections, definitions=definitions)


if __name__ == "__main__":
    if len(sys.argv) > 1:  # through a temporary file and a rename: a failure leaves the old file
        write_if_changed(Path(sys.argv[1]), render().encode("utf-8"))
    else:
        print(render(), end="")
