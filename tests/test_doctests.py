"""Examples that run: the numpydoc ``Examples`` sections of lib are doctests of this suite.

Each paper package's main entry points (its parameter classes and ``results``) carry an
``Examples`` section; the doctests of every model module, and of the shared plain-data modules,
run here.
"""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import inspect
import pkgutil

import pytest

from lib import registry

PACKAGES = [p.package for p in registry.PAPERS.values()]
SHARED = ["lib.params", "lib.contract", "lib.registry"]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


#: A package's figure-level modules (CONTRIBUTING, "The package contract"); the others are model-level.
FIGURE_MODULES = ("figures", "charts")


def _model_modules(package: str) -> list[str]:
    """The modules of a package that must have examples: ``model`` and the modules it re-exports from."""
    model = importlib.import_module(f"lib.{package}.model")
    names = {f"lib.{package}.model"}
    names |= {getattr(obj, "__module__", "") for obj in vars(model).values()
              if getattr(obj, "__module__", "").startswith(f"lib.{package}.")}
    return sorted(names)


def _other_model_level_modules(package: str) -> list[str]:
    """Every other model-level module of a package (e.g. Schiff's ``hos`` and ``geometry``, which
    build on ``model``): their examples, where they have some, run too."""
    found = {f"lib.{package}.{m.name}" for m in pkgutil.iter_modules(
        importlib.import_module(f"lib.{package}").__path__) if m.name not in FIGURE_MODULES}
    return sorted(found - set(_model_modules(package)))


@pytest.mark.parametrize("name", SHARED + [m for p in PACKAGES for m in _model_modules(p)])
def test_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


@pytest.mark.parametrize("name", [m for p in PACKAGES for m in _other_model_level_modules(p)])
def test_examples_of_the_other_model_modules_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=FLAGS)
    assert result.failed == 0


def _parameter_classes(module):
    """The parameter classes a model module defines or re-exports from its package."""
    package = module.__name__.rpartition(".")[0]
    return [obj for _, obj in inspect.getmembers(module, inspect.isclass)
            if obj.__module__.startswith(package + ".") and dataclasses.is_dataclass(obj)
            and any("control" in f.metadata for f in dataclasses.fields(obj))]


@pytest.mark.parametrize("package", PACKAGES)
def test_main_entry_points_have_examples(package):
    model = importlib.import_module(f"lib.{package}.model")
    entry_points = [model.results, *_parameter_classes(model)]
    missing = [getattr(e, "__name__", e) for e in entry_points
               if "Examples\n" not in (inspect.getdoc(e) or "")
               and not any("Examples\n" in (inspect.getdoc(b) or "") for b in e.__mro__[1:-1]
                           if isinstance(e, type))]
    assert missing == [], f"lib.{package}.model: no Examples in {missing}"
