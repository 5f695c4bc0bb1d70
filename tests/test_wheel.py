"""What `pip install .` (not editable) installs is enough: the wheel carries the templates and the
schemas, and the `generator` inside it builds a dossier from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.refresh_golden import copy_fixture

ROOT = Path(__file__).resolve().parent.parent
# What the package needs at run time besides its modules, as installed paths.
PACKAGE_DATA = [
    "generator/templates/overrides/main.html",
    "generator/templates/assets/dossier.css",
    "generator/schema/dossier.schema.json",
    "generator/schema/claims-export.schema.json",
]
PAGE_TEMPLATES = sorted(f"generator/templates/pages/{p.name}" for p in (ROOT / "site_templates" / "pages").glob("*.j2"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of what the source distribution holds (the checkout stays clean:
    setuptools writes build/ and *.egg-info beside pyproject.toml)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    for folder in ("generator", "site_templates"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    run = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (built,) = (work / "dist").glob("dossier-*.whl")
    return built


def test_the_wheel_ships_the_templates_and_the_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert len(PAGE_TEMPLATES) >= 10
    missing = [name for name in PAGE_TEMPLATES + PACKAGE_DATA if name not in names]
    assert missing == []


def test_the_installed_package_builds_a_dossier_from_another_folder(wheel, tmp_path):
    unpacked = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(unpacked)
    root = copy_fixture(tmp_path / "dossier")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The unpacked wheel goes first on sys.path, ahead of the editable install's finder (which
    # comes after the path finder); the dependencies still come from the virtual environment.
    program = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\n"
        "import generator, generator.cli\n"
        "from generator.site import render\n"
        "here = Path(sys.argv[1]).resolve()\n"
        "assert Path(generator.__file__).resolve().is_relative_to(here), generator.__file__\n"
        "assert render.TEMPLATES.resolve().is_relative_to(here), render.TEMPLATES\n"
        "sys.exit(generator.cli.main(['build', '--root', sys.argv[2]]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DOSSIER_SITE_URL", "DOSSIER_EDIT_URI")}
    run = subprocess.run(
        [sys.executable, "-c", program, str(unpacked), str(root)],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "dossier build: 16 pages" in run.stderr
    assert (root / "site" / "sources" / "vilne.html").is_file()
    assert list(elsewhere.iterdir()) == []
