"""The schema's item validators compiled ahead (`gen_KEY.py`, one per list): fastjsonschema's
code, written by `make validators` (`python -m generator.data.validators`) whenever the schema or
fastjsonschema changes. `schema._fast` takes one only when it was made from the schema and the
fastjsonschema at hand, and compiles the validator itself otherwise, so a stale file costs time,
never a result; tests/test_validators.py fails until the files are written again."""
