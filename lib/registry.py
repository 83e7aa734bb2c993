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
_LABEL = re.compile(r"^fig-(bo|schiff|fas|gordon)-([a-z0-9]+|map-[a-z0-9]+(-[a-z0-9]+)*)$")


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
            raise ValueError(f"figure label {self.ours!r} must look like 'fig-<paper>-<n>' "
                             f"or 'fig-<paper>-map-<claim>'")
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
        from . import release

        return release.verdict_since(self.paper, self.id)

    @property
    def is_book_own(self) -> bool:
        """True for the book's own charts and illustrations (counted apart from the paper's items)."""
        return self.kind in BOOK_KINDS

    @property
    def rebuilds(self) -> str:
        """What the item stands for: ``"Gordon (2010), F1"`` is never claimed for the book's own items."""
        short = PAPERS[self.paper][2]
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


def label_of_function(fn) -> str | None:
    """The figure label a lib figure function draws: ``lib.offshoring.fig_s2`` -> ``"fig-bo-s2"``.

    None for a function that is not a paper package's ``fig_<x>``.
    """
    name, module = getattr(fn, "__name__", ""), getattr(fn, "__module__", "") or ""
    parts = module.split(".")
    if not name.startswith("fig_") or len(parts) < 2 or parts[0] != "lib":
        return None
    for key, (package, *_rest) in PAPERS.items():
        if package == parts[1]:
            label = f"fig-{key}-" + name.removeprefix("fig_").replace("_", "-")
            return label if _NUMBERED.match(label) else None
    return None


def numbered_title(title: str | None, fn) -> str | None:
    """``title`` naming the figure ``fn`` draws by its book number ("Figure BO-1 at other ...").

    A leading "Figure <n>" or "<X><n>:" is replaced by "Figure <number>"; any other title is
    prefixed with "Figure <number>: ".  Unchanged if ``fn`` draws no book figure.
    """
    label = label_of_function(fn)
    if title is None or label is None:
        return title
    number = f"Figure {figure_number(label)}"
    m = re.match(r"^(?:Fig(?:ure|\.)\s+[A-Za-z]*-?[A-Za-z]*\d+[a-z]?\b|[A-Z]\d+(?=:))", title)
    if m:
        return number + title[m.end():]
    return f"{number}: {title}"


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


_BADGE = {"replicated": "✅ replicated", "partial": "🟡 partial", "differs": "🔶 differs",
          "not rebuilt": "⛔ not rebuilt", "illustration": "🖼️ illustration"}


def badge(status: str) -> str:
    """The badge of a status (any status in :data:`STATUSES`)."""
    return _BADGE.get(status, status)


def find(paper: str, id: str) -> Item:
    """The registry item ``id`` of ``paper`` (``ValueError`` naming it if there is none)."""
    for it in collect([paper]):
        if it.id == id:
            return it
    raise ValueError(f"no registry item {id!r} for paper {paper!r}")


#: Box title prefix and admonition class per status (a chapter's verdict box).
_BOX = {"replicated": ("Replicated", "note"), "partial": ("Partial", "note"),
        "differs": ("Differs from the paper", "warning"),
        "not rebuilt": ("Not rebuilt", "note"), "illustration": ("Illustration only", "note")}


def _items(paper: str, ids) -> list[Item]:
    ids = [ids] if isinstance(ids, str) else list(ids)
    items = [find(paper, i) for i in ids]
    if len({it.status for it in items}) != 1:
        raise ValueError(f"one box for items of different grades: {[(it.id, it.status) for it in items]}")
    return items


def box_title(paper: str, ids, topic: str = "") -> str:
    """The title of the verdict box of item(s) ``ids``: the grade from the registry, the ids, the topic."""
    items = _items(paper, ids)
    head = _BOX.get(items[0].status, (items[0].status.capitalize(), "note"))[0]
    which = ", ".join(it.id for it in items)
    return f"{head} ({which}): {topic}" if topic else f"{head} ({which})"


def box_markdown(paper: str, ids, body: str, topic: str = "") -> str:
    """A chapter's verdict box (a MyST admonition) whose title and class come from the registry.

    ``ids`` is one registry id or several of the same grade; ``body`` is the chapter's Markdown.
    The title says the grade as the registry has it, so the box, the chapter table, the status
    page and the how-to-cite table cannot disagree (``tests/test_registry.py``).
    """
    items = _items(paper, ids)
    cls = _BOX.get(items[0].status, ("", "note"))[1]
    fence = "````" if "```" in body else "```"
    return f"{fence}{{admonition}} {box_title(paper, ids, topic)}\n:class: {cls}\n{body.strip()}\n{fence}"


def box(paper: str, ids, body: str, topic: str = ""):
    """Display :func:`box_markdown` in a notebook (a ``remove-input`` code cell calls it)."""
    from IPython.display import Markdown

    return Markdown(box_markdown(paper, ids, body, topic))


def _where(it: Item) -> str:
    """A figure as a numbered cross-reference; a test as its name and file (wraps in narrow tables)."""
    if it.is_figure_label:
        return f"{{numref}}`{it.ours}`"
    path, _, name = it.ours.partition("::")
    return f"`{name}` in {path.removeprefix('tests/')}" if name else f"`{path}`"


def markdown_table(items: list[Item], with_paper: bool = False, with_since: bool = False) -> str:
    """A Markdown table of ``items`` (figure labels become cross-references).

    ``with_since`` adds the version since which each verdict stands (:attr:`Item.verdict_since`).
    """
    head = ((["Paper"] if with_paper else []) + ["Original", "What", "Status"]
            + (["Since"] if with_since else []) + ["In this book", "Note"])
    rows = [([PAPERS[it.paper][2]] if with_paper else [])
            + [it.id, it.title, badge(it.status)] + ([it.verdict_since] if with_since else [])
            + [_where(it), it.note] for it in items]
    return tables.markdown_table(head, rows)


def summary(items: list[Item]) -> dict[str, int]:
    """Count of the paper's own items per status (the book's own charts and illustrations,
    :data:`BOOK_KINDS`, are not counted: see :func:`book_own_count`)."""
    return {s: sum(it.status == s and not it.is_book_own for it in items) for s in STATUSES}


def book_own_count(items: list[Item]) -> int:
    """How many of ``items`` are the book's own charts and illustrations."""
    return sum(it.is_book_own for it in items)


#: Column head of the book's own items in :func:`summary_markdown`.
BOOK_OWN_HEAD = "book's own charts & illustrations"


def summary_markdown(papers=None) -> str:
    """A Markdown table: per paper (linked to its chapter), the count of the paper's items per
    status, their total, and apart from them the book's own charts and illustrations."""
    items = collect(papers)
    rows = []
    for key, (_, chapter, short, _) in PAPERS.items():
        if papers is None or key in papers:
            mine = [it for it in items if it.paper == key]
            counts = summary(mine)
            rows.append([f"{{doc}}`{short} <{chapter}>`", *(counts[s] for s in STATUSES),
                         sum(counts.values()), book_own_count(mine)])
    return tables.markdown_table(["Paper", *STATUSES, "total", BOOK_OWN_HEAD], rows)


def figure_index_markdown(papers=None) -> str:
    """A Markdown table of every figure: its label, chapter, what it rebuilds (or, for the book's
    own charts and illustrations, what it charts or illustrates) and its grade."""
    rows = [[f"{{numref}}`{it.ours}` (`{it.ours}`)", f"{{doc}}`{it.chapter}`", it.rebuilds,
             badge(it.status)] for it in collect(papers) if it.is_figure_label]
    return tables.markdown_table(["Label", "Chapter", "Rebuilds", "Status"], rows)


def show(papers=None, with_paper: bool | None = None, with_since: bool | None = None):
    """Display the registry table of ``papers`` as Markdown (in a notebook).

    The whole registry (the replication-status page) shows since which version each verdict
    stands; a chapter's table does not, unless ``with_since``.
    """
    from IPython.display import Markdown

    items = collect(papers)
    wp = with_paper if with_paper is not None else (papers is None or len(papers) > 1)
    ws = with_since if with_since is not None else papers is None
    return Markdown(markdown_table(items, with_paper=wp, with_since=ws))
