"""Layers with one direction: plain data at the bottom, models, figures, then the UI.

* Importing a model package (``lib.<package>``, as a chapter or a test does) loads neither
  ipywidgets nor pyplot and changes no global matplotlib setting: checked in a fresh interpreter.
* The import graph of ``lib`` (every ``import``, at module level or inside a function) has no
  circle, and the bottom modules import nothing from the layers above them.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib import registry

from .conftest import ROOT

LIB = ROOT / "lib"
PACKAGES = sorted(p.package for p in registry.PAPERS.values())

#: The bottom of lib: plain data and helpers every model may import.
BOTTOM = {"lib", "lib.params", "lib.contract", "lib.tables"}
#: A paper package's figure-level modules (CONTRIBUTING, "The package contract"): ``figures`` and,
#: where the paper reports numbers of its own, ``charts``; every other module is model-level.
FIGURE_MODULES = ("figures", "charts")
#: What a model-level module (anything of a paper package but its figure modules) must never import.
UI_AND_PLOTS = ("matplotlib", "ipywidgets", "IPython", "lib.figures", "lib.controls", "lib.live",
                "lib.explorer", "lib.chapter", "lib.registry")

_PROBE = """
import json, sys
import matplotlib as mpl
before = dict(dict.items(mpl.rcParams))  # raw values: reading rcParams["backend"] loads pyplot
import importlib
importlib.import_module(sys.argv[1])
after = dict(dict.items(mpl.rcParams))
changed = sorted(k for k in before if str(before[k]) != str(after.get(k)))
print(json.dumps({"modules": sorted(m for m in sys.modules
                                    if m.split(".")[0] in ("ipywidgets", "IPython")
                                    or m == "matplotlib.pyplot"),
                  "changed": changed}))
"""


@pytest.mark.parametrize("module", [f"lib.{p}" for p in PACKAGES]
                         + ["lib.params", "lib.contract", "lib.registry", "lib.book", "lib.tables"])
def test_importing_a_model_loads_no_ui_and_no_pyplot(module):
    out = subprocess.run([sys.executable, "-c", _PROBE, module], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["modules"] == [], f"importing {module} loaded {got['modules']}"
    assert got["changed"] == [], f"importing {module} changed rcParams {got['changed']}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in LIB.rglob("*.py")}


def import_graph() -> dict[str, set[str]]:
    """``module -> modules it imports`` over ``lib``: every import statement, wherever it is.

    ``from x import y`` counts as an import of ``x.y`` when that is a module, else of ``x``.
    Third-party modules are kept by their full name (so the layer checks can see them).
    """
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module
                for a in node.names:
                    full = f"{target}.{a.name}"
                    edges.add(full if full in modules else target)
        graph[name] = {e for e in edges if e != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if m not in graph:
                continue
            if state.get(m) == 1:
                found.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return found


def test_import_graph_of_lib_has_no_circle():
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def _imports(graph, name) -> set[str]:
    return {e for e in graph[name] if e.split(".")[0] in ("lib", "matplotlib", "ipywidgets")}


def test_bottom_modules_import_no_model_no_plot_no_ui():
    graph = import_graph()
    for name in BOTTOM:
        bad = {e for e in _imports(graph, name) if e not in BOTTOM}
        assert bad == set(), f"{name} imports {sorted(bad)}"


def test_models_import_no_figures_and_no_ui():
    """Every module of a paper package but its figure modules (and the package's lazy ``__getattr__``)."""
    graph = import_graph()
    for name in graph:
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in PACKAGES or parts[2] in FIGURE_MODULES:
            continue
        bad = {e for e in graph[name] if e.startswith(UI_AND_PLOTS)}
        assert bad == set(), f"{name} imports {sorted(bad)}"


def test_book_facts_do_not_load_the_plot_style():
    assert "lib.figures" not in import_graph()["lib.book"]
