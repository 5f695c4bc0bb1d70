"""`make validators`: write the compiled validators again (after the schema or fastjsonschema changed)."""

from pathlib import Path

from .. import schema

folder = Path(__file__).resolve().parent
for key in schema.item_keys():
    (folder / f"gen_{key}.py").write_text(schema.validator_code(key), "utf-8")
    print(f"wrote {(folder / f'gen_{key}.py').name}")
