"""The replication registry: every original figure and proposition, and what became of it.

Each paper package declares ``REGISTRY``, a list of :class:`Item`.  This module
collects them (importing the paper packages lazily, by name, so that shared
helpers never depend on a paper at import time) and renders the tables shown
in each chapter and on the replication-status page.  The tests read the same
registry.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

from . import tables

#: Paper key -> (package in lib, chapter notebook stem, short citation, BibTeX key).
PAPERS: dict[str, tuple[str, str, str, str]] = {
    "bo": ("offshoring", "baldwin_okubo", "Baldwin & Okubo (2014)", "baldwin2014offshoring"),
    "schiff": ("negotiating_blocs", "schiff", "Schiff (2014)", "schiff2014small"),
    "fas": ("customs_unions", "fernandez_arias_spiegel", "Fernández-Arias & Spiegel (1996)",
            "fernandezarias1996north"),
    "gordon": ("migration_vs_trade", "gordon", "Gordon (2010)", "gordon2010people"),
}

#: Paper key -> the prefix of its figure numbers ("Figure BO-1", "Figure Schiff-1").
NUMBER_PREFIX: dict[str, str] = {"bo": "BO", "schiff": "Schiff", "fas": "FAS", "gordon": "Gordon"}

STATUSES = ("replicated", "partial", "differs", "not")
KINDS = ("figure", "table", "proposition", "result", "lemma", "equation", "claim")

_LABEL = re.compile(r"^fig-(bo|schiff|fas|gordon)-[a-z0-9]+$")


@dataclass(frozen=True)
class Item:
    """One original figure, table, proposition or result of a paper.

    Parameters
    ----------
    paper : str
        Key in :data:`PAPERS` (``"bo"``, ``"schiff"``, ``"fas"``, ``"gordon"``).
    id : str
        The paper's own name for it: ``"Fig. 1"``, ``"Result 3"``, ``"Prop. 1(ii)"``.
    kind : str
        One of :data:`KINDS`.
    title : str
        What it shows or says, in a few words.
    ours : str
        Where the book rebuilds it: a figure label (``"fig-bo-1"``) or the test
        that checks it (``"tests/test_offshoring_model.py::test_result_1"``).
    status : str
        One of :data:`STATUSES`.
    note : str
        Why, when the status is not plainly ``replicated``.
    """

    paper: str
    id: str
    kind: str
    title: str
    ours: str
    status: str
    note: str = ""

    def __post_init__(self):
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper key {self.paper!r}; expected one of {list(PAPERS)}")
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, got {self.status!r}")
        if not self.id or not self.title or not self.ours:
            raise ValueError("id, title and ours must be non-empty")
        if self.status != "replicated" and not self.note:
            raise ValueError(f"{self.paper} {self.id}: a status other than 'replicated' needs a note")
        if self.ours.startswith("fig-") and not _LABEL.match(self.ours):
            raise ValueError(f"figure label {self.ours!r} must look like 'fig-<paper>-<n>'")

    @property
    def is_figure_label(self) -> bool:
        return self.ours.startswith("fig-")

    @property
    def number(self) -> str:
        """The book's figure number (:func:`figure_number`), e.g. ``"BO-1"``; empty if no figure."""
        return figure_number(self.ours) if self.is_figure_label else ""

    @property
    def chapter(self) -> str:
        return PAPERS[self.paper][1]


_NUMBERED = re.compile(r"^fig-([a-z]+)-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def figure_number(label: str) -> str:
    """The book's number of a figure, derived from its label alone: no running number.

    The number names the paper and the figure it rebuilds; the book's own (supplementary,
    data, illustration, map) figures keep their letter: ``fig-bo-1`` -> ``"BO-1"``,
    ``fig-bo-s2`` -> ``"BO-S2"``, ``fig-schiff-1`` -> ``"Schiff-1"``, ``fig-fas-1`` ->
    ``"FAS-1"``, ``fig-gordon-d3`` -> ``"Gordon-D3"``, ``fig-bo-map-r5-north`` ->
    ``"BO-Map-R5-North"``.  Captions, cross-references, the status and how-to-cite pages,
    explorer titles, exported files and citations all show "Figure <number>".

    Parameters
    ----------
    label : str
        A figure label ``fig-<paper>-<part>[-<part>...]`` with ``<paper>`` a key of
        :data:`NUMBER_PREFIX`.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If the label does not have that form or names no known paper.

    Examples
    --------
    >>> figure_number("fig-gordon-f1")
    'Gordon-F1'
    """
    m = _NUMBERED.match(label) if isinstance(label, str) else None
    if not m:
        raise ValueError(f"figure label {label!r} must look like 'fig-<paper>-<n>' "
                         "(lower-case letters, digits and hyphens)")
    paper, rest = m.groups()
    if paper not in NUMBER_PREFIX:
        raise ValueError(f"figure label {label!r} names no known paper; "
                         f"expected one of {list(NUMBER_PREFIX)}")
    parts = [p.upper() if re.fullmatch(r"[a-z]{1,2}\d+|\d+", p) else p.capitalize()
             for p in rest.split("-")]
    return "-".join([NUMBER_PREFIX[paper], *parts])


def collect(papers=None) -> list[Item]:
    """All items of the given paper keys (default: every paper whose package exists)."""
    items: list[Item] = []
    for key in papers or PAPERS:
        module_name = PAPERS[key][0]
        try:
            module = importlib.import_module(f"lib.{module_name}")
        except ModuleNotFoundError as err:
            if err.name == f"lib.{module_name}":
                continue  # chapter not written yet
            raise
        items.extend(getattr(module, "REGISTRY", []))
    return items


def figure_labels(papers=None) -> dict[str, str]:
    """Figure label -> chapter stem, for every registry item rebuilt as a figure."""
    return {it.ours: it.chapter for it in collect(papers) if it.is_figure_label}


_BADGE = {"replicated": "✅ replicated", "partial": "🟡 partial", "differs": "🔶 differs", "not": "⛔ not"}


def _where(it: Item) -> str:
    """A figure as a numbered cross-reference; a test as its name and file (wraps in narrow tables)."""
    if it.is_figure_label:
        return f"{{numref}}`{it.ours}`"
    path, _, name = it.ours.partition("::")
    return f"`{name}` in {path.removeprefix('tests/')}" if name else f"`{path}`"


def markdown_table(items: list[Item], with_paper: bool = False) -> str:
    """A Markdown table of ``items`` (figure labels become cross-references)."""
    head = (["Paper"] if with_paper else []) + ["Original", "What", "Status", "In this book", "Note"]
    rows = [([PAPERS[it.paper][2]] if with_paper else [])
            + [it.id, it.title, _BADGE[it.status], _where(it), it.note] for it in items]
    return tables.markdown_table(head, rows)


def summary(items: list[Item]) -> dict[str, int]:
    """Count of items per status."""
    return {s: sum(it.status == s for it in items) for s in STATUSES}


def summary_markdown(papers=None) -> str:
    """A Markdown table: per paper (linked to its chapter), the count of items per status."""
    items = collect(papers)
    rows = []
    for key, (_, chapter, short, _) in PAPERS.items():
        if papers is None or key in papers:
            counts = summary([it for it in items if it.paper == key])
            rows.append([f"{{doc}}`{short} <{chapter}>`", *(counts[s] for s in STATUSES),
                         sum(counts.values())])
    return tables.markdown_table(["Paper", *STATUSES, "total"], rows)


def figure_index_markdown(papers=None) -> str:
    """A Markdown table of every rebuilt figure: its label, chapter and the original it rebuilds."""
    rows = [[f"{{numref}}`{it.ours}` (`{it.ours}`)", f"{{doc}}`{it.chapter}`",
             f"{PAPERS[it.paper][2]}, {it.id}"] for it in collect(papers) if it.is_figure_label]
    return tables.markdown_table(["Label", "Chapter", "Rebuilds"], rows)


def show(papers=None, with_paper: bool | None = None):
    """Display the registry table of ``papers`` as Markdown (in a notebook)."""
    from IPython.display import Markdown

    items = collect(papers)
    wp = with_paper if with_paper is not None else (papers is None or len(papers) > 1)
    return Markdown(markdown_table(items, with_paper=wp))
