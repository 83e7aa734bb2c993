"""The replication registry: every original figure and proposition, and what became of it.

Nothing here lists the papers.  Each paper package in ``lib`` declares ``PAPER`` (a
:class:`lib.contract.Paper`), ``REGISTRY`` (a list of :class:`Item`) and, in its
``figures.py``, ``FIGURES`` (:class:`lib.contract.FigureSpec`); this module discovers the
packages (every sub-package of ``lib`` that declares ``PAPER``, in the order of their chapters
in ``_toc.yml``), collects their declarations and renders the tables shown in each chapter and
on the replication-status and how-to-cite pages.  The tests read the same registry.

The packages import only :mod:`lib.contract` and :mod:`lib.params` (below this module); this
module imports them by discovery, so the import graph has no circle.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from functools import cache

import lib

from . import contract, tables
from .contract import (  # noqa: F401 - re-exported: lib.registry.Item etc. keep working
    _ALIASES,
    BOOK_KINDS,
    KINDS,
    STATUSES,
    FigureSpec,
    Item,
    Paper,
)
from .contract import LABEL as _LABEL  # noqa: F401 - its old name here

__all__ = ["STATUSES", "KINDS", "BOOK_KINDS", "Item", "Paper", "papers", "collect", "figure_specs",
           "figure_labels", "figure_number", "markdown_table", "summary", "summary_markdown",
           "figure_index_markdown", "readme_table", "show", "refresh", "badge", "find", "box", "box_markdown"]


def _toc_order() -> list[str]:
    """Chapter stems in the order of ``_toc.yml`` (empty if there is none)."""
    import yaml

    from .book import book_root

    path = book_root() / "_toc.yml"
    if not path.is_file():
        return []
    toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    files = [c.get("file", "") for part in toc.get("parts", []) for c in part.get("chapters", [])]
    return [f.rsplit("/", 1)[-1] for f in files]


@cache
def papers() -> dict[str, Paper]:
    """Paper key -> :class:`Paper`: every sub-package of ``lib`` that declares ``PAPER``.

    Ordered as the chapters in ``_toc.yml`` (a paper whose chapter is not there yet comes last).
    A package added to ``lib.__path__`` (as the fifth-paper test does) is found too; call
    :func:`refresh` after changing what is installed.
    """
    found: dict[str, Paper] = {}
    for info in pkgutil.iter_modules(lib.__path__):
        if not info.ispkg:
            continue
        module = importlib.import_module(f"lib.{info.name}")
        paper = getattr(module, "PAPER", None)
        if paper is None:
            continue
        if not isinstance(paper, Paper):
            raise TypeError(f"lib.{info.name}.PAPER must be a lib.contract.Paper")
        if paper.package != info.name:
            raise ValueError(f"lib.{info.name}.PAPER.package is {paper.package!r}")
        if paper.key in found:
            raise ValueError(f"paper key {paper.key!r} declared by two packages")
        found[paper.key] = paper
    order = _toc_order()
    rank = {stem: i for i, stem in enumerate(order)}
    keys = sorted(found, key=lambda k: (rank.get(found[k].chapter, len(rank)), found[k].package))
    return {k: found[k] for k in keys}


def refresh() -> None:
    """Forget the discovered papers (after adding a package to ``lib.__path__``)."""
    papers.cache_clear()
    _figure_specs.cache_clear()


def __getattr__(name):
    if name == "PAPERS":  # discovered on first use: importing this module imports no paper
        return papers()
    if name == "NUMBER_PREFIX":  # paper key -> the prefix of its figure numbers ("BO", "Schiff")
        return {k: p.prefix for k, p in papers().items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _paper_of(key: str) -> Paper:
    found = papers()
    if key not in found:
        raise ValueError(f"unknown paper key {key!r}; expected one of {list(found)}")
    return found[key]


def _verdict_since(item: Item) -> str:
    """The version since which ``item``'s verdict stands (``CHANGELOG.md``, :mod:`lib.changelog`)."""
    from . import changelog

    return changelog.verdict_since(item.paper, item.id)


contract._registry = sys.modules[__name__]  # how an Item finds its paper (see lib.contract)


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
        ``NUMBER_PREFIX`` (each paper's :attr:`Paper.prefix`).

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
    prefixes = {k: p.prefix for k, p in papers().items()}
    if paper not in prefixes:
        raise ValueError(f"figure label {label!r} names no known paper; "
                         f"expected one of {list(prefixes)}")
    parts = [p.upper() if re.fullmatch(r"[a-z]{1,2}\d+|\d+", p) else p.capitalize()
             for p in rest.split("-")]
    return "-".join([prefixes[paper], *parts])


def label_of_function(fn) -> str | None:
    """The figure label a lib figure function draws: ``lib.offshoring.fig_s2`` -> ``"fig-bo-s2"``.

    None for a function that is not a paper package's ``fig_<x>``.
    """
    name, module = getattr(fn, "__name__", ""), getattr(fn, "__module__", "") or ""
    parts = module.split(".")
    if not name.startswith("fig_") or len(parts) < 2 or parts[0] != "lib":
        return None
    for key, paper in papers().items():
        if paper.package == parts[1]:
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


def _keys(selection) -> list[str]:
    found = papers()
    keys = list(selection) if selection is not None else list(found)
    for key in keys:
        _paper_of(key)
    return keys


def collect(papers=None) -> list[Item]:
    """All items of the given paper keys (default: every paper), checked against their package."""
    items: list[Item] = []
    for key in _keys(papers):
        module = importlib.import_module(f"lib.{_paper_of(key).package}")
        for it in getattr(module, "REGISTRY", []):
            if it.paper != key:
                raise ValueError(f"lib.{_paper_of(key).package}.REGISTRY holds an item of {it.paper!r}")
            items.append(it)
    return items


@cache
def _figure_specs() -> dict[str, FigureSpec]:
    out: dict[str, FigureSpec] = {}
    for key, paper in papers().items():
        try:
            module = importlib.import_module(f"lib.{paper.package}.figures")
        except ModuleNotFoundError as err:
            if err.name == f"lib.{paper.package}.figures":
                continue  # a paper without figures
            raise
        for label, spec in getattr(module, "FIGURES", {}).items():
            if label != spec.label or spec.paper != key:
                raise ValueError(f"lib.{paper.package}.figures.FIGURES: {label} is not a figure of {key}")
            out[label] = spec
    return out


def claim_maps(papers=None) -> list:
    """Every claim map (:class:`lib.claim_maps.ClaimMap`) the papers declare in ``checks.CLAIM_MAPS``.

    Found like the papers themselves, by discovery (``lib.<package>.checks``), in paper order.
    """
    out = []
    for key in _keys(papers):
        name = f"lib.{_paper_of(key).package}.checks"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name == name:
                continue  # no claim of this paper mapped (yet)
            raise
        out.extend(getattr(module, "CLAIM_MAPS", []))
    return out


def claim_map(label: str):
    """The claim map with figure label ``label`` (``KeyError`` if none)."""
    for cm in claim_maps():
        if cm.label == label:
            return cm
    raise KeyError(f"no claim map labelled {label!r}")


def figure_specs(papers=None) -> dict[str, FigureSpec]:
    """Figure label -> :class:`FigureSpec` of the given papers (default: all), from their ``FIGURES``.

    Imports each paper's ``figures`` module (and so matplotlib): the chapter helper, the live-panel
    tests and the benchmarks read this, the models never do.
    """
    keys = set(_keys(papers))
    return {label: s for label, s in _figure_specs().items() if s.paper in keys}



def figure_labels(papers=None) -> dict[str, str]:
    """Figure label -> chapter stem, for every registry item rebuilt as a figure."""
    return {it.ours: it.chapter for it in collect(papers) if it.is_figure_label}


#: How each status reads on the page (a status missing here reads as itself, underscores as spaces).
STATUS_LABELS = {"replicated": "replicated", "partial": "partial", "differs": "differs",
                 "not rebuilt": "not rebuilt", "illustration": "illustration"}

#: Above this many items a chapter's table starts collapsed (its counts stay visible).
OPEN_UP_TO = 20


def status_label(status: str) -> str:
    """The words shown for ``status`` (any status in :data:`STATUSES`, or one added later)."""
    return STATUS_LABELS.get(status, status.replace("_", " "))


def badge(status: str) -> str:
    """A status as a text badge: the word itself (read as is by screen readers), coloured by CSS.

    The colours live in ``_static/book.css`` (class ``bk-status--<status>``); a status without
    its own colour still shows, in the neutral badge style.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", status.lower()).strip("-")
    return f'<span class="bk-status bk-status--{slug}">{status_label(status)}</span>'


def _test_link(ours: str) -> str:
    """A test as a short link to its source: ``tests/test_x.py::test_result_1`` -> "result 1"."""
    from . import book

    path, _, name = ours.partition("::")
    words = (name or path.rsplit("/", 1)[-1]).removeprefix("test_").replace("_", " ")
    branch = book.config()["repository"].get("branch", "main")
    return f'test [{words}]({book.repo_url()}/blob/{branch}/{path} "{ours}")'


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
    """Where the book rebuilds ``it``: a numbered figure reference, or the test that checks it."""
    return f"{{numref}}`{it.ours}`" if it.is_figure_label else _test_link(it.ours)


def markdown_table(items: list[Item], with_paper: bool = False, with_since: bool = False) -> str:
    """A compact Markdown table of ``items``: three columns that fit a phone's width.

    Original (with the paper when ``with_paper``) | status badge | (with ``with_since``: the
    version since which the verdict stands, :attr:`Item.verdict_since`) | what it is, then, under
    it, where this book rebuilds it (a figure reference or a short link to the test) and the note.
    """
    rows = []
    for it in items:
        original = f"{_paper_of(it.paper).short}<br>**{it.id}**" if with_paper else f"**{it.id}**"
        what = f"{it.title}<br>In this book: {_where(it)}" + (f". {it.note}" if it.note else "")
        rows.append([original, badge(it.status), *([it.verdict_since] if with_since else []), what])
    head = ["Original", "Status", *(["Since"] if with_since else []), "What, and where this book rebuilds it"]
    return tables.markdown_table(head, rows)


def counts_markdown(items: list[Item]) -> str:
    """"12 replicated, 3 partial …" with each status as its badge (statuses with no item left out)."""
    counts = summary(items)
    return ", ".join(f"{n} {badge(s)}" for s, n in counts.items() if n)


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
    """A Markdown table: per paper (linked to its chapter), the paper's items counted by status
    (badges), their total, and apart from them the book's own charts and illustrations."""
    items = collect(papers)
    rows = []
    for key in _keys(papers):
        paper = _paper_of(key)
        mine = [it for it in items if it.paper == key]
        counts = summary(mine)
        rows.append([f"{{doc}}`{paper.short} <{paper.chapter}>`", sum(counts.values()), counts_markdown(mine),
                     book_own_count(mine)])
    return tables.markdown_table(["Paper", "Items", "By status", BOOK_OWN_HEAD], rows)


def readme_table(papers=None) -> str:
    """README.md's table of chapters (plain Markdown, as GitHub shows it; :mod:`lib.readme` writes it).

    Per paper, in the chapters' order: its short citation and title, its chapter notebook (and the
    chapter's page on the book's site), its model package, and the paper's own items counted by
    status (:func:`summary`), the book's own charts and illustrations apart.
    """
    from . import book

    items = collect(papers)
    rows = []
    for key in _keys(papers):
        paper = _paper_of(key)
        mine = [it for it in items if it.paper == key]
        counts = ", ".join(f"{n} {status_label(s)}" for s, n in summary(mine).items() if n)
        own = book_own_count(mine)
        if own:
            counts += f" (and {own} of the book's own charts and illustrations)"
        notebook = f"chapters/{paper.chapter}.ipynb"
        rows.append([f"{paper.short}, *{paper.title}*",
                     f"[`{notebook}`]({notebook}) ([online]({book.base_url()}chapters/{paper.chapter}.html))",
                     f"[`lib.{paper.package}`](lib/{paper.package}/)", counts or "no item yet"])
    return tables.markdown_table(["Paper", "Chapter", "Model package", "Replication status of the paper's items"],
                                 rows)


def figure_index_markdown(papers=None) -> str:
    """A Markdown table of every figure: its label, chapter, what it rebuilds (or, for the book's
    own charts and illustrations, what it charts or illustrates) and its grade."""
    rows = [[f"{{numref}}`{it.ours}` (`{it.ours}`)", f"{{doc}}`{it.chapter}`", it.rebuilds,
             badge(it.status)] for it in collect(papers) if it.is_figure_label]
    return tables.markdown_table(["Label", "Chapter", "Rebuilds", "Status"], rows)


def show(papers=None, with_paper: bool | None = None, with_since: bool | None = None):
    """Display the registry table of ``papers`` as Markdown (in a notebook).

    The whole registry (the replication-status page) shows since which version each verdict
    stands; a chapter's table does not, unless ``with_since``.  A chapter's table (one paper) sits
    in a collapsible block whose title gives the counts by status; it starts open up to
    :data:`OPEN_UP_TO` items.
    """
    from IPython.display import Markdown

    items = collect(papers)
    wp = with_paper if with_paper is not None else (papers is None or len(papers) > 1)
    ws = with_since if with_since is not None else papers is None
    table = markdown_table(items, with_paper=wp, with_since=ws)
    if wp:
        return Markdown(table)
    counts = ", ".join(f"{n} {status_label(s)}" for s, n in summary(items).items() if n)
    if book_own_count(items):
        counts += f", and {book_own_count(items)} of the {BOOK_OWN_HEAD}"
    opened = "\n:open:" if len(items) <= OPEN_UP_TO else ""
    return Markdown(f"::::{{dropdown}} The {len(items)} items, by status: {counts}{opened}\n"
                    f"\n{table}\n::::")
