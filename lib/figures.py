"""One look for every figure of the book, and the export readers download.

Every replicated figure function in ``lib`` draws through :func:`new_axes`, so
the whole book shares one matplotlib style (:data:`STYLE`).  A chapter
publishes a replicated figure with :func:`publish`, which

* exports it as ``<label>.svg`` and ``<label>.png`` into ``_static/figures/``
  at the book's root (Jupyter Book copies ``_static`` into the built site, so
  the files are served at ``<book>/_static/figures/<label>.svg``), and
* glues a short text ``<label>-params`` listing the parameter values drawn, for the
  caption (``{eval}`glued("<label>-params")```, :func:`glued`).

The chapter shows the figure with MyST's ``{figure}`` directive of the exported SVG,
``../_static/figures/<label>.svg`` (with ``:name: <label>`` and ``:enumerator: <number>``): the
same Markdown is the numbered, captioned figure in the book and in JupyterLab or Notebook 7
(jupyterlab-myst), and the picture a reader sees is the file a citer downloads.  So
:func:`publish` displays nothing: the directive shows the figure, once.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

from .book import (  # noqa: F401 - re-exported (lib.figures.book_root etc.)
    EXPORT_DIR_ENV,
    EXPORT_SUBDIR,
    book_root,
    export_folder,
)

#: The book's matplotlib style: one place, applied on import of this module.
STYLE: dict = {
    "figure.figsize": (6.4, 4.2),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,  # grid and ticks under every artist, as in a live figure (lib.live)
    # autoscaled axes end on tick marks, so they move in steps, not with every change of the
    # data: a reader sees a curve move against fixed axes, and a live figure can keep its frame
    "axes.autolimit_mode": "round_numbers",
    "axes.xmargin": 0.0,  # no empty band left of a curve that starts at zero
    "grid.alpha": 0.25,
    # a legend sits on a near-opaque box, so the curves under it never cross its text
    "legend.frameon": True,
    "legend.framealpha": 0.9,
    "legend.edgecolor": "#cccccc",
    "legend.fontsize": 9,
    "lines.linewidth": 1.8,
    "svg.fonttype": "none",
    "svg.hashsalt": "trade-migration-book",
    "axes.prop_cycle": matplotlib.cycler(
        color=["#1f4e79", "#c0504d", "#4f8a3c", "#8064a2", "#d98c1f", "#4bacc6", "#7f7f7f"]
    ),
}

#: Colours with a meaning, shared across chapters.
COLORS = {
    "north": "#1f4e79",
    "south": "#c0504d",
    "world": "#4f8a3c",
    "neutral": "#7f7f7f",
    "highlight": "#d98c1f",
    "shade": "#b7cde3",
}

#: Resolution of the exported PNG (the SVG is resolution-free).
EXPORT_DPI = 200



def apply_style() -> None:
    """Apply :data:`STYLE` to matplotlib's global rcParams."""
    plt.rcParams.update(STYLE)


apply_style()


def new_axes(ax=None, figsize=None, ncols: int = 1, nrows: int = 1, margins: Mapping | None = None,
             **subplot_kw):
    """Return ``(fig, ax)``: the given axes and their figure, or a new styled figure.

    Every figure function takes an optional ``ax`` and draws through this helper, so readers
    can place a figure in their own layout and a live panel can redraw a figure into its own
    axes (:mod:`lib.live`).  A figure of several panels takes a sequence of ``nrows * ncols``
    axes and gets them back shaped as :func:`matplotlib.pyplot.subplots` would return them.
    ``margins`` (``left``, ``right``, ``bottom``, ``top``, ``wspace``, ``hspace``) are applied to a
    new figure only: axes handed in keep their place.
    """
    n = nrows * ncols
    if ax is None:
        fig, axs = plt.subplots(nrows=nrows, ncols=ncols, figsize=figsize, **subplot_kw)
        if margins:
            fig.subplots_adjust(**margins)
        return fig, axs
    if n == 1:
        if isinstance(ax, list | tuple | np.ndarray):
            if len(ax) != 1:
                raise ValueError(f"this figure draws one panel: ax must be one Axes, got {len(ax)}")
            ax = ax[0]
        return ax.figure, ax
    axs = np.empty(n, dtype=object)
    given = list(ax) if isinstance(ax, list | tuple | np.ndarray) else [ax]
    if len(given) != n:
        raise ValueError(f"this figure draws {n} panels: ax must be a sequence of {n} Axes, "
                         f"got {len(given)}")
    axs[:] = given
    return given[0].figure, (axs.reshape(nrows, ncols) if nrows > 1 and ncols > 1 else axs)


#: The mantissas :func:`nice_ceil` rounds up to.
NICE_STEPS = (1, 1.1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10)


def nice_ceil(x: float) -> float:
    """The smallest "round" number ``>= x``: 1, 1.1, 1.2, 1.4, ..., 8, 9 times a power of ten.

    Consecutive round numbers are 10-20 % apart, so the result wastes at most that much room.
    For axis limits set by hand: they then move in steps as the parameters change (see
    ``axes.autolimit_mode`` in :data:`STYLE` for autoscaled ones).  ``x <= 0`` gives 0.
    """
    if not np.isfinite(x):
        raise ValueError(f"nice_ceil needs a finite number, got {x}")
    if x <= 0:
        return 0.0
    power = 10.0 ** np.floor(np.log10(x))
    for step in NICE_STEPS:
        if step * power >= x * (1 - 1e-12):
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def export(fig, label: str, folder: str | os.PathLike | None = None,
           parameters_text: str = "") -> tuple[Path, Path]:
    """Write ``fig`` as ``<label>.svg`` and ``<label>.png``, with their provenance; return both paths.

    Both files carry the figure's title and number, the paper it rebuilds, the book's version
    and commit, the parameter values and the licence (:func:`lib.citation.file_metadata`):
    the SVG as ``<title>``, ``<desc>`` and Dublin Core ``<metadata>``, the PNG as text chunks.
    Nothing in them depends on the time or the machine, so two builds of one commit write
    the same bytes.

    Each file is written to a temporary file in the same folder and renamed into place, so a
    concurrent reader never sees a partial file.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    label : str
        The figure's label, e.g. ``"fig-bo-1"``: the stable file name.
    folder : path, optional
        Defaults to :func:`export_folder` (``$BOOK_FIGURES_DIR``, else
        ``<book root>/_static/figures``).
    parameters_text : str, optional
        The parameter values drawn, as the caption shows them (:func:`format_params`).
    """
    if not label or any(c in label for c in "/\\ "):
        raise ValueError(f"label must be a plain name such as 'fig-bo-1', got {label!r}")
    from . import citation

    meta = citation.file_metadata(label, parameters_text)
    out = Path(folder) if folder is not None else export_folder()
    out.mkdir(parents=True, exist_ok=True)
    svg, png = out / f"{label}.svg", out / f"{label}.png"
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata={
        "Date": None, "Title": meta["Title"], "Description": meta["Description"],
        "Creator": meta["Author"], "Rights": meta["Copyright"], "Source": meta["Source"],
        "Identifier": f"Figure {meta['Figure']}", "Relation": meta["Paper"],
        "Coverage": f"version {meta['Version']}, commit {meta['Commit']}",
        "Keywords": [f"Figure {meta['Figure']}", label, f"parameters: {meta['Parameters']}",
                     f"version {meta['Version']}", f"commit {meta['Commit']}",
                     f"license {meta['License']}"]})
    _write(svg, _svg_title_desc(buf.getvalue(), meta["Title"], meta["Description"]))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=EXPORT_DPI, metadata={"Software": None, **meta})
    _write(png, buf.getvalue())
    return svg, png


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename).

    The temporary file is unique to this call (two writers in one process never share it) and in
    ``path``'s folder, so the rename is atomic: a concurrent reader (a build copying ``_static``,
    a test, a browser) sees the old file or the new one, never an empty or partial one.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _svg_title_desc(svg: bytes, title: str, desc: str) -> bytes:
    """``svg`` with ``<title>`` and ``<desc>`` as the first children of its root element.

    matplotlib writes the ``<title>`` itself when given a ``Title``; the ``<desc>`` follows it.
    """
    text = svg.decode("utf-8")
    start = text.index("<svg ")
    end = text.index(">", start) + 1
    rest = text[end:]
    if rest.lstrip().startswith("<title>"):
        end += rest.index("</title>") + len("</title>")
        inserted = f"\n <desc>{_xml(desc)}</desc>"
    else:
        inserted = f"\n <title>{_xml(title)}</title>\n <desc>{_xml(desc)}</desc>"
    return (text[:end] + inserted + text[end:]).encode("utf-8")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def format_params(params=None, extra: Mapping | None = None, names=None) -> str:
    """A short human-readable list of parameter values: ``"σ = 4, κ = 5, φ = 0.5"``.

    Uses each dataclass field's control ``label`` (see :mod:`lib.controls`) when
    it has one.
    """
    parts: list[str] = []
    if params is not None:
        for f in dataclasses.fields(params):
            if names is not None and f.name not in names:
                continue
            label = f.metadata.get("label", f.name)
            parts.append(f"{label} = {_fmt(getattr(params, f.name))}")
    for k, v in (extra or {}).items():
        parts.append(f"{k} = {_fmt(v)}")
    return ", ".join(parts)


def _fmt(v) -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


class _Text:
    """Glue payload whose plain-text form is the string itself (no quotes)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


#: The text/plain form of every value glued in this kernel, by key (what :func:`glued` reads).
_GLUED: dict[str, str] = {}


def _plain_text(value) -> str:
    """``value``'s text/plain form, as IPython formats it (what myst-nb's glue stores)."""
    try:
        from IPython import get_ipython
        from IPython.lib.pretty import pretty
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return repr(value)
    ip = get_ipython()
    if ip is not None:
        return ip.display_formatter.formatters["text/plain"](value)
    return pretty(value)


def format_plain_text(text: str, spec: str = "") -> str:
    """The text ``{glue:text}`key:spec``` prints for a glued text/plain ``text`` (myst-nb 1.4's rule).

    >>> format_plain_text("0.123456789", ".4f"), format_plain_text("40,000 points")
    ('0.1235', '40,000 points')
    """
    from ast import literal_eval

    spec = spec or "s"
    try:  # as myst-nb: a literal is read (quotes go), anything else stays text
        value = literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    kind = spec[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, spec)


def glued(key: str, spec: str = "") -> _Text:
    """The text a glued value shows in the prose: ``{eval}`glued("key")``` in a chapter's Markdown.

    In JupyterLab (jupyterlab-myst evaluates ``{eval}`` roles in the kernel; under Run All after
    the code cells, CONTRIBUTING "A glued value in the prose") this returns exactly what the book prints for ``{glue:text}`key:spec``` (the book's
    extension ``_ext/book_glued.py`` turns the role into that glue role), so the notebook and the
    book read the same.  ``spec`` is a format specification (``".4f"``) as after glue:text's colon.

    Raises
    ------
    ValueError
        Nothing is glued under ``key`` in this kernel yet (its cell has not run).
    """
    if not isinstance(key, str) or key not in _GLUED:
        raise ValueError(f"nothing is glued under {key!r} yet: run the cell that glues it "
                       "(Run → Run All Cells)")
    return _Text(format_plain_text(_GLUED[key], spec))


def glue(name: str, value, display: bool = True) -> None:
    """``myst_nb.glue`` where myst-nb is installed (the book build); otherwise only shows ``value``.

    Binder installs the model stack, not the book toolchain: there a chapter's glued numbers
    are simply displayed (or nothing, with ``display=False``).  Either way a value that is not a
    figure is remembered for :func:`glued`.
    """
    if not isinstance(value, matplotlib.figure.Figure):
        _GLUED[name] = _plain_text(value)
    try:
        from myst_nb import glue as _glue
    except ImportError:
        if display:
            _show(value)
        return
    _glue(name, value, display=display)


def _show(obj) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return
    if get_ipython() is not None:
        display(obj)


def publish(fig, label: str, params=None, extra: Mapping | None = None, names=None,
            folder=None, close: bool = True, parameters_text: str | None = None):
    """Export ``fig`` (SVG + PNG), record how to cite and redraw it, glue its parameter text.

    Glues ``<label>-params`` (the parameter values as text, for the caption via
    ``{eval}`glued("<label>-params")```).  Saves ``<label>.json`` next to the files: the
    parameter values and the two lines that redraw the figure from ``lib``
    (:func:`lib.citation.call_record`), which the book's "Cite this figure" blocks and
    ``figures.json`` read.  Displays nothing: the chapter's ``{figure}`` directive of the
    exported ``<label>.svg`` shows the figure, numbered and captioned, in the book and in
    JupyterLab alike (module docstring).  Returns nothing; the files are at
    :func:`export`'s paths.  ``parameters_text`` replaces the text :func:`format_params` would
    make (e.g. a claim map's values held fixed).
    """
    from . import citation

    call = citation.call_record(label, params, extra)
    default_text = call.pop("parameters_text", "")
    text = parameters_text if parameters_text is not None else (
        format_params(params, extra, names) or default_text)
    svg, _ = export(fig, label, folder=folder, parameters_text=text)
    record = {"label": label, "parameters_text": text, **call}
    _write(svg.with_suffix(".json"),
           (json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    glue(f"{label}-params", _Text(text), display=False)
    if close:
        plt.close(fig)
