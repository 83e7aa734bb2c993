"""The package contract: every paper package speaks the same dialect (CONTRIBUTING, "The package
contract"): its declarations and modules, RESULTS_DOC, ``__init__`` style, validation tables and
the name of the parameter argument."""

from __future__ import annotations

import importlib
import importlib.util

import pytest

from lib import registry
from lib.contract import FigureSpec, Paper

PAPERS = registry.PAPERS
MODULES = ("model", "figures", "derivations")


@pytest.mark.parametrize("key", list(PAPERS))
def test_package_declares_the_contract(key):
    paper = PAPERS[key]
    assert isinstance(paper, Paper) and paper.key == key
    package = importlib.import_module(f"lib.{paper.package}")
    assert package.PAPER is paper
    assert all(it.paper == key for it in package.REGISTRY)
    for name in MODULES:
        assert importlib.util.find_spec(f"lib.{paper.package}.{name}"), f"lib.{paper.package}.{name}"
    figures = importlib.import_module(f"lib.{paper.package}.figures").FIGURES
    assert figures and all(isinstance(s, FigureSpec) and s.paper == key for s in figures.values())


@pytest.mark.parametrize("key", list(PAPERS))
def test_results_doc_explains_every_key_number(key):
    package = importlib.import_module(f"lib.{PAPERS[key].package}")
    model = importlib.import_module(f"lib.{PAPERS[key].package}.model")
    assert package.RESULTS_DOC is model.RESULTS_DOC
    assert set(model.results()) == set(model.RESULTS_DOC)
    assert all(isinstance(v, str) and v for v in model.RESULTS_DOC.values())


@pytest.mark.parametrize("key", list(PAPERS))
def test_package_init_imports_by_name(key):
    """One ``__init__`` style: explicit imports (no ``import *``), PAPER, REGISTRY, lazy figures."""
    import ast

    path = importlib.util.find_spec(f"lib.{PAPERS[key].package}").origin
    tree = ast.parse(open(path, encoding="utf-8").read())
    stars = [n.module for n in ast.walk(tree)
             if isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)]
    assert stars == [], f"{path}: import * from {stars}"
    package = importlib.import_module(f"lib.{PAPERS[key].package}")
    assert callable(getattr(package, "__getattr__", None))  # figures load on first use


def _package_sources(key):
    """``(path, ast)`` of every module of a paper package."""
    import ast
    import pathlib

    root = pathlib.Path(importlib.util.find_spec(f"lib.{PAPERS[key].package}").origin).parent
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(root.glob("*.py"))]


@pytest.mark.parametrize("key", list(PAPERS))
def test_modules_name_the_model_and_its_table_one_way(key):
    """One dialect inside a package: the model module is ``model`` (``from . import model`` or
    names imported from ``.model``, never ``as m``/``as mdl``), and the meanings of the key
    numbers are ``RESULTS_DOC`` (no second name such as ``RESULT_LABELS``)."""
    import ast

    problems = []
    for path, tree in _package_sources(key):
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module is None:
                problems += [f"{path.name}: from . import model as {a.asname}"
                             for a in node.names if a.name == "model" and a.asname]
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module == "model":
                problems += [f"{path.name}: from .model import {a.name} as {a.asname}"
                             for a in node.names if a.name == "RESULTS_DOC" and a.asname]
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name | ast.Attribute):
                source = ast.unparse(node.value)
                if source.split(".")[-1] == "RESULTS_DOC":
                    problems += [f"{path.name}: {ast.unparse(t)} = {source}" for t in node.targets]
    assert problems == [], problems


@pytest.mark.parametrize("key", list(PAPERS))
def test_parameter_classes_state_their_conditions_as_a_table(key):
    """Every parameter class: ``require_real`` (directly or through its base), then
    ``validate([(condition, message), ...])`` tables."""
    import dataclasses
    import inspect

    model = importlib.import_module(f"lib.{PAPERS[key].package}.model")
    classes = [c for _, c in inspect.getmembers(model, inspect.isclass)
               if c.__module__.startswith(f"lib.{PAPERS[key].package}.") and dataclasses.is_dataclass(c)
               and any("control" in f.metadata for f in dataclasses.fields(c))]
    assert classes
    for cls in classes:
        source = inspect.getsource(cls.__post_init__)
        assert "validate(" in source, f"{cls.__name__}.__post_init__ has no validation table"
        assert "require_real(self)" in source or "super().__post_init__()" in source, cls.__name__


# --- one name for the parameter argument -------------------------------------------------------

#: First-argument names taken to mean the parameter dataclass whatever their annotation says.
PARAMETER_LIKE_NAMES = frozenset({"p", "P", "par", "pars", "param", "params", "parameters", "prm", "pr"})


def _package_modules(package: str) -> list:
    """Every module of paper package ``lib.<package>`` (sub-packages included), imported."""
    import pkgutil

    root = importlib.import_module(f"lib.{package}")
    names = [m.name for m in pkgutil.walk_packages(root.__path__, prefix=f"{root.__name__}.")]
    return [root, *(importlib.import_module(n) for n in sorted(names))]


def _parameter_classes(modules) -> tuple[type, ...]:
    """The package's parameter dataclasses: dataclasses with fields declared by ``control``."""
    import dataclasses
    import inspect

    return tuple({c for m in modules for _, c in inspect.getmembers(m, inspect.isclass)
                  if c.__module__ == m.__name__ and dataclasses.is_dataclass(c)
                  and any("control" in f.metadata for f in dataclasses.fields(c))})


def _documented_type(doc: str | None, name: str) -> str:
    """The type a numpydoc ``Parameters`` section gives argument ``name`` ('' if none)."""
    import re

    m = re.search(rf"^\s*{re.escape(name)}\s*:\s*(.+)$", doc or "", re.M)
    return m.group(1) if m else ""


def parameter_argument_problems(package: str) -> list[str]:
    """Public functions of ``lib.<package>`` whose first argument is the parameter dataclass but is
    not named ``params`` (CONTRIBUTING, "The package contract").

    The first positional argument is the parameter dataclass if its annotation or its numpydoc type
    names one of the package's parameter classes, if its default is an instance of one, or if it is
    called like one (:data:`PARAMETER_LIKE_NAMES`: ``p``, ``P``, ``par``, ...).
    """
    import inspect
    import re

    modules = _package_modules(package)
    classes = _parameter_classes(modules)
    assert classes, f"lib.{package} declares no parameter class"
    alternatives = "|".join(sorted(c.__name__ for c in classes))
    names = re.compile(rf"\b(?:{alternatives})\b")
    problems = []
    for module in modules:
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            if fname.startswith("_") or fn.__module__ != module.__name__:
                continue
            positional = [q for q in inspect.signature(fn).parameters.values()
                          if q.kind in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD)]
            if not positional:
                continue
            first = positional[0]
            annotation = first.annotation
            if annotation is not first.empty and not isinstance(annotation, str):
                annotation = inspect.formatannotation(annotation)
            is_params = (first.name in PARAMETER_LIKE_NAMES
                         or (isinstance(annotation, str) and names.search(annotation) is not None)
                         or isinstance(first.default, classes)
                         or names.search(_documented_type(fn.__doc__, first.name)) is not None)
            if is_params and first.name != "params":
                problems.append(f"{module.__name__}.{fname}({first.name}, ...)")
    return problems


@pytest.mark.parametrize("key", list(PAPERS))
def test_the_parameter_argument_is_called_params(key):
    """One name for the parameter dataclass as an argument: ``params`` (the shared helpers' name;
    ``P`` as an argument is not PEP 8, and ``p``/``P`` collide with prices and probabilities)."""
    problems = parameter_argument_problems(PAPERS[key].package)
    assert problems == [], (f"name the parameter argument 'params' in {len(problems)} function(s): "
                            + ", ".join(problems))
