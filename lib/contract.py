"""The package contract: what a paper package declares, as plain data (no UI, no plotting).

A paper package ``lib/<package>/`` declares

* ``PAPER``: one :class:`Paper` (key, citation, chapter, BibTeX key, package), in its
  ``__init__.py``;
* ``REGISTRY``: a list of :class:`Item`, every original figure and claim and what became of it;
* ``FIGURES``: one :class:`FigureSpec` per figure of its chapter, in its ``figures.py``
  (drawing function, the chapter's parameters, caption values, explorer grids, live controls).

Everything that lists the papers or their figures (:mod:`lib.registry`, the status and
how-to-cite pages, the live-panel tests and benchmarks, the chapter helper
:func:`lib.chapter.figure`) iterates over these declarations; nothing lists the papers by hand.
This module sits at the bottom of ``lib`` with :mod:`lib.params`: the models import it, it
imports no model, no figure and no UI.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.params import Control

__all__ = ["Paper", "FigureSpec", "Explore", "Item", "STATUSES", "KINDS", "BOOK_KINDS", "LABEL",
           "figures", "lazy_attributes"]

#: The grades, in the order tables show them.  ``illustration``: the paper's (verbal) claim is
#: only *illustrated* by a model of the book, which cannot replicate it; it is also the grade of
#: every item of a :data:`BOOK_KINDS` kind (the book's own charts and illustrations).
STATUSES = ("replicated", "partial", "differs", "not rebuilt", "illustration")
#: Kinds of an original item of a paper, then the book's own kinds (:data:`BOOK_KINDS`).
KINDS = ("figure", "table", "proposition", "result", "lemma", "equation", "claim",
         "chart", "illustration")
#: Kinds of items that are the book's, not the paper's: a chart or table of an essay's numbers
#: (``chart``) and a model of the book that illustrates an argument (``illustration``).  They are
#: counted apart from the paper's items and their "Rebuilds" reads "charts fn 16-18" or
#: "illustrates P4 (essay §I)".
BOOK_KINDS = ("chart", "illustration")
#: Older spelling of a status, still accepted.
_ALIASES = {"not": "not rebuilt"}

#: A figure label: ``fig-<paper>-<n>`` (``fig-bo-1``, ``fig-bo-s1``) or a claim map of the book,
#: ``fig-<paper>-map-<claim>`` (``fig-bo-map-r5-north``, :mod:`lib.claim_maps`).
LABEL = re.compile(r"^fig-([a-z0-9]+)-([a-z0-9]+|map-[a-z0-9]+(?:-[a-z0-9]+)*)$")

_KEY = re.compile(r"^[a-z][a-z0-9]*$")


@dataclass(frozen=True)
class Paper:
    """One replicated paper: who wrote it, where the book rebuilds it.

    Parameters
    ----------
    key : str
        Short key in figure labels and registry items (``"bo"`` gives ``fig-bo-1``).
    short : str
        Short citation, e.g. ``"Baldwin & Okubo (2014)"``.
    title : str
        The paper's title.
    year : int
        Year of the cited version (must match ``references.bib``).
    chapter : str
        Stem of the chapter notebook, ``chapters/<chapter>.ipynb``.
    bibtex : str
        Key of the paper's entry in ``references.bib``.
    package : str
        Name of the package in ``lib`` (``"offshoring"`` for ``lib.offshoring``).
    prefix : str, optional
        Prefix of the book's figure numbers (``"BO"`` gives "Figure BO-1"); default: the key in
        capitals if it has at most three letters (an acronym), else capitalised (``"Schiff"``).

    Examples
    --------
    >>> p = Paper("toy", "Toy (2020)", "A toy paper", 2020, "toy", "toy2020", "toy_pkg")
    >>> p.label("1")
    'fig-toy-1'
    """

    key: str
    short: str
    title: str
    year: int
    chapter: str
    bibtex: str
    package: str
    prefix: str = ""

    def __post_init__(self):
        if not self.prefix:
            object.__setattr__(self, "prefix", self.key.upper() if len(self.key) <= 3
                               else self.key.capitalize())
        if not _KEY.match(self.key):
            raise ValueError(f"paper key must be lower-case letters and digits, got {self.key!r}")
        for name in ("short", "title", "chapter", "bibtex", "package"):
            if not getattr(self, name):
                raise ValueError(f"Paper {self.key!r}: {name} must be non-empty")
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            raise ValueError(f"Paper {self.key!r}: year must be an int, got {self.year!r}")

    def label(self, name: str) -> str:
        """The figure label ``fig-<key>-<name>``."""
        return f"fig-{self.key}-{name}"

    # The registry's former 4-tuples ``(package, chapter, short, bibtex)``: code written against
    # ``registry.PAPERS[key][1]`` or ``for _, chapter, _, _ in PAPERS.values()`` keeps working.
    def _legacy(self) -> tuple[str, str, str, str]:
        return (self.package, self.chapter, self.short, self.bibtex)

    def __iter__(self):
        return iter(self._legacy())

    def __getitem__(self, index):
        return self._legacy()[index]

    def __len__(self) -> int:
        return 4


@dataclass(frozen=True)
class Explore:
    """One kernel-free explorer of a figure (:func:`lib.explorer.explorer`'s arguments).

    Parameters
    ----------
    grid : mapping of str to sequence
        One or two controls and their precomputed values.
    title : str, optional
        Heading above the sliders.
    dpi : int
        Resolution of the frames.
    alt : str, optional
        Alt-text prefix of every frame.
    """

    grid: Mapping[str, Sequence]
    title: str | None = None
    dpi: int = 72
    alt: str | None = None


@dataclass(frozen=True)
class FigureSpec:
    """One figure of a chapter: how it is drawn, captioned, explored and made live.

    Parameters
    ----------
    label : str
        ``fig-<paper key>-<name>``: the figure's name in the chapter, its export file name.
    draw : callable
        The lib figure function ``draw(params, *, ax=None, **kwargs) -> Figure`` (or
        ``draw(*, ax=None)`` for a figure of data, with ``params=None``).
    params : dataclass instance, optional
        The chapter's parameters for the numbered figure (also the explorer's and the live
        panel's starting point).
    kwargs : mapping
        Keyword values of the numbered figure, e.g. ``{"phi": 0.5}``.
    caption : mapping
        Further values listed in the caption after the parameters, e.g. ``{"φ": 0.5}``
        (:func:`lib.figures.publish`'s ``extra``).
    names : sequence of str, optional
        Which parameter fields the caption lists (default: all).
    title : str
        A short title (the figure in a list).
    explore : sequence of Explore
        The kernel-free explorers shown under the figure.
    controls : sequence of str, optional
        The parameter fields the live panel exposes (default: every field with a spec).
    extras : mapping of str to Control
        Keyword controls of ``draw`` (the explorers' and the live panel's).
    live : bool
        Whether the chapter shows a live panel of this figure.
    live_title : str, optional
        Heading of the live panel.
    """

    label: str
    draw: Callable
    params: Any = None
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    caption: Mapping[str, Any] | None = None
    names: Sequence[str] | None = None
    title: str = ""
    explore: Sequence[Explore] = ()
    controls: Sequence[str] | None = None
    extras: Mapping[str, Control] = field(default_factory=dict)
    live: bool = False
    live_title: str | None = None

    def __post_init__(self):
        if not LABEL.match(self.label):
            raise ValueError(f"figure label {self.label!r} must look like 'fig-<paper>-<name>'")
        if not callable(self.draw):
            raise ValueError(f"{self.label}: draw must be callable")
        object.__setattr__(self, "explore", tuple(self.explore))
        if self.controls is not None:
            object.__setattr__(self, "controls", tuple(self.controls))
        if self.names is not None:
            object.__setattr__(self, "names", list(self.names))
        if self.live and self.params is None:
            raise ValueError(f"{self.label}: a live panel needs the figure's parameters")

    @property
    def paper(self) -> str:
        """The paper key in the label."""
        return LABEL.match(self.label).group(1)

    def make(self, params=None, **kwargs):
        """Draw the numbered figure (at ``params`` and ``kwargs`` if given, else the declared ones)."""
        kw = {**self.kwargs, **kwargs}
        if self.params is None and params is None:
            return self.draw(**kw)
        return self.draw(self.params if params is None else params, **kw)


def figures(*specs: FigureSpec) -> dict[str, FigureSpec]:
    """``{label: spec}`` in declaration order; a label declared twice is an error."""
    out: dict[str, FigureSpec] = {}
    for s in specs:
        if s.label in out:
            raise ValueError(f"figure {s.label} declared twice")
        out[s.label] = s
    return out


def lazy_attributes(package: str, submodule: str) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that finds missing names in ``package.submodule``.

    A paper package sets ``__getattr__ = lazy_attributes(__name__, "figures")``: its figure
    functions and ``FIGURES`` stay reachable as ``lib.<pkg>.fig_1``, but importing the package
    loads the model only (the figures load pyplot and the book's global style).  The package names
    its own sub-module, so the dependency is the package's on its figures, as with an import.
    """
    def __getattr__(name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        module = importlib.import_module(f"{package}.{submodule}")
        if name == submodule:
            return module
        try:
            return getattr(module, name)
        except AttributeError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None

    return __getattr__


@dataclass(frozen=True)
class Item:
    """One original figure, table, proposition or result of a paper.

    Parameters
    ----------
    paper : str
        The key of the paper (its package's ``PAPER.key``: ``"bo"``, ``"schiff"``, ...); that the
        key is declared, and a figure label that paper's, is checked when the registry collects
        the package's items (:func:`lib.registry.collect`).
    id : str
        The paper's own name for it: ``"Fig. 1"``, ``"Result 3"``, ``"Prop. 1(ii)"``.
    kind : str
        One of :data:`KINDS`.
    title : str
        What it shows or says, in a few words.
    ours : str
        Where the book rebuilds it: a figure label (``"fig-bo-1"``) or the test
        that checks it (``"tests/test_offshoring.py::test_result_1"``).
    status : str
        One of :data:`STATUSES`.
    note : str
        Why, when the status is not plainly ``replicated``.
    source : str
        For a :data:`BOOK_KINDS` item only (and required there): what of the paper it charts or
        illustrates, e.g. ``"fn 16-18, 28"`` (a chart) or ``"P1, P4 (essay §I, pp. 1113-14)"``.
    since : str
        The version (``x.y.z``) since which the verdict stands, if it must be pinned here.  Normally
        empty: :attr:`verdict_since` reads it from ``CHANGELOG.md`` (the newest release with a
        ``verdict`` line for the item, else the first edition), so a change of grade needs only
        its changelog line.
    """

    paper: str
    id: str
    kind: str
    title: str
    ours: str
    status: str
    note: str = ""
    source: str = ""
    since: str = ""

    def __post_init__(self):
        if self.status in _ALIASES:
            object.__setattr__(self, "status", _ALIASES[self.status])
        if not _KEY.match(self.paper):
            raise ValueError(f"unknown paper key {self.paper!r}")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")
        if not self.id or not self.title or not self.ours:
            raise ValueError("id, title and ours must be non-empty")
        if self.status != "replicated" and not self.note:
            raise ValueError(f"{self.paper} {self.id}: a status other than 'replicated' needs a note")
        if self.ours.startswith("fig-"):
            m = LABEL.match(self.ours)
            if not m or m.group(1) != self.paper:
                raise ValueError(f"figure label {self.ours!r} must look like 'fig-{self.paper}-<n>' "
                                 f"or 'fig-{self.paper}-map-<claim>'")
        if self.kind in BOOK_KINDS and not (self.status == "illustration" and self.source):
            raise ValueError(f"{self.paper} {self.id}: an item of the book's own kind {self.kind!r} "
                             "has status 'illustration' and says what it charts or illustrates (source)")
        if self.source and self.kind not in BOOK_KINDS:
            raise ValueError(f"{self.paper} {self.id}: source is only for the book's own kinds {BOOK_KINDS}")
        if self.since and not re.fullmatch(r"\d+\.\d+\.\d+", self.since):
            raise ValueError(f"{self.paper} {self.id}: since must be a version 'x.y.z', got {self.since!r}")

    @property
    def verdict_since(self) -> str:
        """The version since which this verdict stands (``"unreleased"`` if changed since the last)."""
        if self.since:
            return self.since
        return _reg()._verdict_since(self)

    @property
    def is_book_own(self) -> bool:
        """True for the book's own charts and illustrations (counted apart from the paper's items)."""
        return self.kind in BOOK_KINDS

    @property
    def rebuilds(self) -> str:
        """What the item stands for: ``"Gordon (2010), F1"`` is never claimed for the book's own items."""
        short = _reg().PAPERS[self.paper].short
        if self.kind == "chart":
            verb = "charts" if self.is_figure_label else "tabulates"
            return f"{verb} {short}, {self.source} (the book's {'chart' if self.is_figure_label else 'table'})"
        if self.kind == "illustration":
            return f"illustrates {short}, {self.source} (the book's model)"
        return f"{short}, {self.id}"

    @property
    def is_figure_label(self) -> bool:
        return self.ours.startswith("fig-")

    @property
    def number(self) -> str:
        """The book's figure number (:func:`figure_number`), e.g. ``"BO-1"``; empty if no figure."""
        return _reg().figure_number(self.ours) if self.is_figure_label else ""

    @property
    def chapter(self) -> str:
        """Stem of the chapter notebook of this item's paper."""
        return _reg()._paper_of(self.paper).chapter


#: The registry module, set by :mod:`lib.registry` when it is imported: an item looks its paper
#: up there (chapter, short citation, figure number) without this module importing the layer above.
_registry = None


def _reg():
    if _registry is None:
        raise LookupError("import lib.registry to look up an item's paper")
    return _registry
