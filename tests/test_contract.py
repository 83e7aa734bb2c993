"""The package contract: every paper package speaks the same dialect (CONTRIBUTING, "The package
contract").  What is not unified yet is listed in :data:`NOT_YET` with its reason, so this test
fails on a new divergence and shrinks as the list does."""

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
