"""Scaffold a new paper: ``python -m lib.new_paper <key> [options]``.

Writes, under the book's root (or ``--root``):

* ``lib/<package>/__init__.py``: the paper's ``PAPER`` declaration and its ``REGISTRY``;
* ``lib/<package>/model.py``: one parameter class (controls, validation table), one relation and
  ``results()`` with ``RESULTS_DOC``, with doctest examples;
* ``lib/<package>/figures.py``: one figure function and its ``FIGURES`` declaration (explorer
  grid, live panel);
* ``chapters/<chapter>.ipynb``: the chapter skeleton (imports, the registry table, the figure
  block: prose + ``{figure}`` of the exported SVG + ``chapter.figure(label)``, the key numbers);
* ``tests/test_<package>.py``: a first test of the result.

The registry finds the package by itself (it declares ``PAPER``): the status page, the
how-to-cite index, the live-panel tests and benchmarks and the chapter helper pick it up with no
other file edited.  What the scaffold does not do, because it is the book's metadata and not
code, it prints: add the chapter to ``_toc.yml``, the paper's entry to ``references.bib`` and its
reference to ``CITATION.cff``.  Every ``TODO`` in the written files is for the author.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lib.book import book_root
from lib.contract import Paper

__all__ = ["files", "write", "main"]

_INIT = '''"""{short}: {title}.

``from lib.{package} import Params, results`` gives the model's parameters and key numbers
(:mod:`.model`); :mod:`.figures` draws the chapter's figures (loaded on first use); ``REGISTRY``
lists every original figure and result of the paper and what became of it.
"""

from lib.contract import Item, Paper, lazy_attributes

from .model import RESULTS_DOC, Params, curve, results

__all__ = ["PAPER", "REGISTRY", "RESULTS_DOC", "Params", "curve", "results"]

#: The paper, its chapter and its citation (see :class:`lib.contract.Paper`).
PAPER = Paper({key!r}, {short!r}, {title!r}, {year}, {chapter!r}, {bibtex!r}, {package!r})

_T = "tests/test_{package}.py::"

#: Every original figure and result of the paper, and where the book rebuilds it.
REGISTRY: list[Item] = [
    Item({key!r}, "Fig. 1", "figure", "TODO: what the paper's Figure 1 shows", "fig-{key}-1",
         "replicated"),
    Item({key!r}, "Result 1", "result", "TODO: the paper's Result 1 in a few words",
         _T + "test_result_1", "replicated"),
]

#: The figures (:mod:`.figures`: pyplot and the book's style) load on first use of one of their names.
__getattr__ = lazy_attributes(__name__, "figures")
'''

_MODEL = '''"""{short}: the model (pure numerics: no matplotlib, no ipywidgets).

TODO: the paper's model, with its equations numbered as in the paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.params import control, require_real, validate


@dataclass(frozen=True)
class Params:
    """Parameters of the model (defaults: TODO, the paper's or the brief's).

    Examples
    --------
    >>> Params().a
    1.0
    >>> Params(a=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: a must be positive (TODO: the paper's condition)
    """

    a: float = control(1.0, 0.1, 5.0, 0.1, "a", doc="TODO: what a is")
    b: float = control(0.5, 0.0, 1.0, 0.05, "b", doc="TODO: what b is")

    def __post_init__(self):
        require_real(self)
        validate([
            (self.a > 0, "a must be positive (TODO: the paper's condition)"),
            (0 <= self.b <= 1, "b must lie in [0, 1]"),
        ])


def curve(params: Params, x):
    """TODO: the model's main relation, here ``y = a x^b``.

    Examples
    --------
    >>> float(curve(Params(a=2.0, b=0.5), 4.0))
    4.0
    """
    x = np.asarray(x, dtype=float)
    return params.a * x**params.b


#: What each key of :func:`results` means (the chapter's table of key numbers).
RESULTS_DOC = {{"y_at_1": "TODO: y at x = 1 (equals a)"}}


def results(params: Params | None = None) -> dict[str, float]:
    """The chapter's key numbers, by key (meanings in :data:`RESULTS_DOC`).

    Examples
    --------
    >>> results()["y_at_1"]
    1.0
    """
    params = Params() if params is None else params
    return {{"y_at_1": float(curve(params, 1.0))}}
'''

_FIGURES = '''"""{short}: the chapter's figures, one function each, drawn from :mod:`.model`."""

from __future__ import annotations

import numpy as np

from lib.contract import Explore, FigureSpec, figures
from lib.figures import new_axes
from lib.params import Control

from .model import Params, curve

__all__ = ["X_MAX", "fig_1", "FIGURES"]

#: A control that is not a model parameter: the right end of the x axis.
X_MAX = Control(2.0, 1.0, 5.0, 0.5, "x max", doc="right end of the x axis")


def fig_1(params: Params, *, x_max: float = 2.0, ax=None):
    """Figure 1: TODO (what it shows)."""
    fig, ax = new_axes(ax)
    x = np.linspace(0.0, x_max, 101)
    ax.plot(x, curve(params, x), label="y(x)")
    ax.set_xlim(0.0, x_max)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"y = a x^b at a = {{params.a:g}}, b = {{params.b:g}}")
    ax.legend(loc="upper left")
    return fig


#: The chapter's figures (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    FigureSpec("fig-{key}-1", fig_1, Params(), title="TODO",
               explore=[Explore({{"b": [0.0, 0.25, 0.5, 0.75, 1.0]}}, "Figure 1 as b changes")],
               extras={{"x_max": X_MAX}}, live=True, live_title="Figure 1, live"),
)
'''

_TEST = '''"""{short}: the model's results (lib/{package})."""

from __future__ import annotations

import pytest

from lib import {package} as paper


def test_result_1():
    """TODO: the paper's Result 1, checked over the admissible space."""
    for a in (0.5, 1.0, 2.0):
        assert paper.results(paper.Params(a=a))["y_at_1"] == pytest.approx(a)
'''


def _notebook(paper: Paper) -> str:
    import nbformat

    v4 = nbformat.v4
    label = paper.label("1")
    cells = [
        v4.new_markdown_cell(f"# {paper.short}: TODO (the chapter's title)\n\n"
                             f"{{citation}}`{paper.short}`, *{paper.title}*. TODO: what the paper "
                             "asks and what this chapter rebuilds."),
        v4.new_code_cell(f"from lib import chapter\nfrom lib import {paper.package} as paper\n"
                         "from lib.figures import glued  # the Markdown's {eval}`glued(...)` values\n"
                         "from lib.registry import show\nfrom lib.tables import results_table\n\n"
                         "P = paper.Params()  # TODO: where the defaults come from"),
        v4.new_markdown_cell("## What this chapter rebuilds"),
        v4.new_code_cell(f"show([{paper.key!r}])"),
        v4.new_markdown_cell("## The model\n\nTODO: the model, its equations numbered as in the paper."),
        v4.new_markdown_cell(
            f"TODO: what Figure 1 shows.\n\n```{{figure}} ../_static/figures/{label}.svg\n"
            f":name: {label}\n:enumerator: {paper.prefix}-1\n"
            ":alt: TODO: describe what the reader sees\n\n"
            f"Rebuilds {paper.short}'s **Figure 1** at {{eval}}`glued(\"{label}-params\")`.\n"
            f"Download: [SVG](../_static/figures/{label}.svg), [PNG](../_static/figures/{label}.png).\n"
            "```"),
        v4.new_code_cell(f'chapter.figure("{label}")'),
        v4.new_markdown_cell("## Key numbers"),
        v4.new_code_cell("results_table(paper.results(P), paper.RESULTS_DOC)"),
    ]
    nb = v4.new_notebook(cells=cells)
    nb.metadata.update({"kernelspec": {"display_name": "Python 3", "language": "python",
                                       "name": "python3"},
                        "language_info": {"name": "python"}})
    return nbformat.writes(nb) + "\n"


def files(paper: Paper) -> dict[str, str]:
    """Relative path -> text of every file the scaffold writes for ``paper``."""
    fields = {name: getattr(paper, name) for name in
              ("key", "short", "title", "year", "chapter", "bibtex", "package")}
    pkg = Path("lib") / paper.package
    return {
        str(pkg / "__init__.py"): _INIT.format(**fields),
        str(pkg / "model.py"): _MODEL.format(**fields),
        str(pkg / "figures.py"): _FIGURES.format(**fields),
        str(Path("chapters") / f"{paper.chapter}.ipynb"): _notebook(paper),
        str(Path("tests") / f"test_{paper.package}.py"): _TEST.format(**fields),
    }


def write(paper: Paper, root: str | Path | None = None, overwrite: bool = False) -> list[Path]:
    """Write :func:`files` under ``root`` (default: the book's root); refuse to overwrite."""
    root = Path(root) if root is not None else book_root()
    out = []
    for rel, text in files(paper).items():
        path = root / rel
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} exists; the scaffold writes new papers only")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.new_paper", description=__doc__.split("\n\n")[0])
    parser.add_argument("key", help="short key in figure labels, e.g. 'smith' gives fig-smith-1")
    parser.add_argument("--package", help="package name in lib (default: <key>_model)")
    parser.add_argument("--chapter", help="chapter notebook stem (default: <key>)")
    parser.add_argument("--short", help="short citation (default: '<Key> (<year>)')")
    parser.add_argument("--title", default="TODO: the paper's title")
    parser.add_argument("--year", type=int, default=2000)
    parser.add_argument("--bibtex", help="BibTeX key (default: <key><year>)")
    parser.add_argument("--root", help="book root to write into (default: this book)")
    a = parser.parse_args(argv)
    if not re.fullmatch(r"[a-z][a-z0-9]*", a.key):
        parser.error("the key is lower-case letters and digits, starting with a letter")
    paper = Paper(a.key, a.short or f"{a.key.capitalize()} ({a.year})", a.title, a.year,
                  a.chapter or a.key, a.bibtex or f"{a.key}{a.year}", a.package or f"{a.key}_model")
    for path in write(paper, a.root):
        print(f"wrote {path}")
    print(f"""
Still to do by hand (the book's metadata, not code):
  1. _toc.yml: add `- file: chapters/{paper.chapter}` under "Chapters";
  2. references.bib: add the paper's entry `{paper.bibtex}` (year {paper.year});
  3. CITATION.cff: add the paper under `references`;
then fill in every TODO, regenerate README.md's table of chapters (`make readme`, i.e.
`python -m lib.readme`: it reads PAPER and REGISTRY), and run
  .venv/bin/python -m pytest tests/test_{paper.package}.py tests/test_chapter.py tests/test_registry.py -q""")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
