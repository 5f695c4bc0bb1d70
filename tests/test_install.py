"""Installed as a tool: the wheel `pip install .` would install holds the templates, the schema,
the theme overrides and the `dossier init` skeleton, and runs from anywhere (no repository).

The wheel is built from a copy of the package's sources (so the repository gets no build/ folder)
and run from its unpacked files, with the test environment's dependencies, from a folder outside
the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds and installs the wheel

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "generator", "site_templates")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    built = subprocess.run([*pip, "-w", str(out), str(src)], capture_output=True, text=True)
    if built.returncode != 0 and "bdist_wheel" in built.stderr:
        pytest.skip("this environment's setuptools cannot build wheels (needs setuptools>=70.1 or wheel)")
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("dossier-*.whl")
    return found


def test_the_wheel_holds_everything_a_build_needs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for must in (
        "generator/schema/dossier.schema.json",
        "generator/schema/claims-export.schema.json",
        "generator/templates/pages/actor.md.j2",
        "generator/templates/feeds/atom.xml.j2",
        "generator/templates/overrides/main.html",
        "generator/templates/assets/dossier.css",
        "generator/templates/init/mkdocs.yml",
        "generator/templates/init/gitignore",
        "generator/templates/init/content/pages/methodology.md",
        "generator/publish/plugin.py",
        "generator/tools/changes.py",
    ):
        assert must in names, must
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt")))
    assert b"dossier = generator.cli:run" in entry_points


def test_the_installed_package_starts_and_builds_a_dossier_outside_the_repository(wheel, tmp_path):
    lib = tmp_path / "lib"
    zipfile.ZipFile(wheel).extractall(lib)
    env = {**os.environ, "PYTHONPATH": str(lib), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DOSSIER_EDIT_URI", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True)

    where = run("-c", "import generator.site.render as r; print(r.__file__); print(r.TEMPLATES)")
    assert where.stdout.splitlines() == [str(lib / "generator/site/render.py"), str(lib / "generator/templates")]
    assert run("-m", "generator", "init", "news").returncode == 0
    (tmp_path / "text.txt").write_text("A headline\nShe said: “Not now.”\n", "utf-8")
    added = run("-m", "generator", "add-source", "text.txt", "--language", "en", "--root", "news")
    assert added.returncode == 0, added.stderr
    quoted = run("-m", "generator", "quote", "text", "Not now.", "--root", "news")
    assert quoted.returncode == 0 and 'text: "Not now."' in quoted.stdout
    built = run("-m", "generator", "build", "--root", "news")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "news/site/sources/text.html").is_file()
    assert "dossier.css" in (tmp_path / "news/site/index.html").read_text("utf-8")
