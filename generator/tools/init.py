"""`dossier init DIR`: a new, empty dossier that passes `dossier check --strict` and builds.

The skeleton ships inside the package (site_templates/init/, installed as generator.templates),
so an installed `dossier` can start a dossier anywhere. Files whose names start with a dot are
stored without it (packaging tools skip hidden files) and renamed here.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..data.files import SOURCES_DIR
from ..data.schema import SCHEMA_FILE
from ..errors import DossierError
from ..site.render import TEMPLATES

SKELETON = TEMPLATES / "init"
RENAMED = {
    "gitignore": ".gitignore",
    "github-workflow.yml": ".github/workflows/dossier.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
# The YAML files' modelines point here: a copy of the schema, kept in the repository, is the one
# address that exists for every editor and every clone (the schema has no public URL).
SCHEMA_COPY = ".dossier-schema.json"
FORMAT_COPY = "FORMAT.md"  # the format reference, made from the same schema (`dossier format` prints it)
KEEP = f"{SOURCES_DIR}/.gitkeep"  # git keeps no empty folder


def skeleton() -> dict[str, bytes]:
    """Every file of a new dossier, by its path in the dossier."""
    files = {
        RENAMED.get(rel, rel): path.read_bytes()
        for path in sorted(SKELETON.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
        for rel in [path.relative_to(SKELETON).as_posix()]
    }
    files[SCHEMA_COPY] = schema_bytes()
    files[FORMAT_COPY] = format_reference().encode("utf-8")
    files[KEEP] = b""
    return files


def format_reference() -> str:
    from ..formatdoc import render

    return render()


def schema_bytes() -> bytes:
    return resources.files("generator").joinpath(SCHEMA_FILE).read_bytes()


def init(target: Path) -> list[str]:
    """Write the skeleton into `target` (created if missing); refuses a folder that holds anything."""
    if target.exists() and not target.is_dir():
        raise DossierError(f"{target} is a file: `dossier init` needs a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise DossierError(f"{target} is not empty: `dossier init` starts a dossier in a new or empty folder")
    files = skeleton()
    for rel, data in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as fh:  # never over a file that appeared meanwhile
            fh.write(data)
    return sorted(files)
