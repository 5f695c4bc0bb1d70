"""The package's layers import one way: errors ← data ← site ← publish (the MkDocs adapter) ←
the command line; and no module imports itself back through others."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
# Lower numbers are lower layers; a module may import only from its own layer or lower ones.
LAYERS = {"errors": 0, "data": 1, "site": 2, "publish": 3, "tools": 4, "cli": 4, "api": 4, "formatdoc": 4}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str | None = None) -> set[str]:
    """The generator modules a file imports, at any depth in the file (lazy imports count);
    `module`: the file's module name, when it is not inside the package."""
    here = (module or _module(path)).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names = [f"{target}.{alias.name}" for alias in node.names]
            found |= {n if _exists(n) else target for n in names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {name for name in found if name.split(".")[0] == "generator" and name != "generator"}


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


@functools.cache  # the package does not change during a session: read it once for the three tests
def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer():
    assert [m for m in _graph() if m != "generator" and m != "generator.__main__" and _layer(m) is None] == []


def test_imports_point_down_only():
    upward = [
        f"{module} ({_layer(module)}) imports {target} ({_layer(target)})"
        for module, targets in _graph().items()
        for target in targets
        if _layer(module) is not None and (_layer(target) or 0) > (_layer(module) or 0)
    ]
    assert upward == []


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target in graph and state.get(target) is None:
                visit(target, [*path, target])
        state[module] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_checker_sees_an_upward_import(tmp_path):
    """The test above is only as good as its import reading: a lazy, relative, upward import."""
    probe = tmp_path / "_probe_layers.py"  # read as if it were generator/data/_probe_layers.py
    probe.write_text("def f():\n    from ..site import plan\n", "utf-8")
    assert "generator.site.plan" in _imports(probe, "generator.data._probe_layers")
    assert _layer("generator.data._probe_layers") == 1 < _layer("generator.site.plan") == 2
