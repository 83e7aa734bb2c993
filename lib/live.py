"""Live figures: a figure that stays put while its parameters change, redrawing only what changed.

A chapter's live panel (:func:`lib.controls.panel`) shows one :class:`LiveFigure`.  When a
control moves, the panel does not build a new figure: it empties the figure's axes, lets the
same lib figure function draw into them again (every figure function accepts its own axes
back through ``ax``), and renders in two layers:

* the **frame** of each axes: background, grid, ticks, tick labels and axis labels.  It is
  most of the cost of a render (text), and it rarely changes when one parameter moves.  It is
  kept as pixels, with a fingerprint of everything that decides how it looks (limits, tick
  positions and labels, label texts, fonts, colours, visibility, position).  When an axes'
  fingerprint changes, only that axes' frame is rendered again, into its own *cell* of the
  figure;
* the **content**: every line, patch, collection, image, text, title, spine and legend,
  drawn over the frame at each update in z-order (blitting, as in matplotlib's "Faster
  rendering by using blitting" guide).  A legend whose look and place do not depend on the
  data is drawn once on a transparent canvas and composited.

The pixels never depend on the path taken (a fresh figure or any sequence of updates; the
tests check this exactly, panel by panel).  A live view differs from the ordinary render of
the same figure (the static figure a reader cites) in one way: content always lies over the
frame, so an artist with a z-order below the grid (an image at ``zorder=0``) covers it.  With
the book's style (``axes.axisbelow``) nothing else changes; the tests bound the difference.

Matplotlib internals
--------------------
The layered redraw reads and resets ten private names of matplotlib (listed in
:data:`PRIVATE_NAMES`; ``tests/test_live.py`` asserts each exists in the installed version):

* ``Axis._update_ticks()`` (the ticks a render would draw, for the frame's fingerprint),
  ``Axis._scale`` and ``Axis._set_axes_scale()`` (reset the scale without rebuilding the ticks);
* ``Axes._left_title``, ``Axes._right_title`` (the two titles beside ``Axes.title``),
  ``Axes._autotitlepos``, ``Axes._update_title_position()`` (place titles as ``Axes.draw``
  does), ``Axes._request_autoscale_view()`` (autoscale on the next draw, as ``Axes.clear`` does);
* ``Legend._loc``, ``Legend._ncols`` (what decides where a legend lands and how it is laid out).

matplotlib is pinned (:data:`TESTED_MATPLOTLIB`, the same in ``requirements-model.txt`` and
``pyproject.toml``).  With another version, or if any of these names is missing, a
:class:`LiveFigure` falls back to a full redraw of the reused figure (``Axes.clear``, draw, render
the whole canvas: correct and slower) and warns once (:func:`layered_redraw_available`).
"""

from __future__ import annotations

import math
import struct
import warnings
import zlib
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
from matplotlib.legend import Legend

from lib.params import reader_moves  # noqa: F401 - its old home; the panels' session is plain data

__all__ = ["LiveFigure", "encode_png", "fit_content", "reader_moves", "PRIVATE_NAMES", "TESTED_MATPLOTLIB",
           "layered_redraw_available"]

#: The matplotlib version the layered redraw is tested with (pinned in requirements-model.txt).
TESTED_MATPLOTLIB = "3.10.8"

#: Every private matplotlib name this module uses: (where, name).  ``where`` is a class for
#: methods, or ``"axes"``/``"axis"``/``"legend"`` for attributes of an instance.
PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("matplotlib.axis.Axis", "_update_ticks"),
    ("matplotlib.axis.Axis", "_set_axes_scale"),
    ("axis", "_scale"),
    ("axes", "_left_title"),
    ("axes", "_right_title"),
    ("axes", "_autotitlepos"),
    ("matplotlib.axes.Axes", "_update_title_position"),
    ("matplotlib.axes.Axes", "_request_autoscale_view"),
    ("legend", "_loc"),
    ("legend", "_ncols"),
)


def missing_private_names() -> list[str]:
    """The names of :data:`PRIVATE_NAMES` the installed matplotlib lacks (checked on a probe)."""
    import importlib

    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure()
    ax = fig.add_subplot()
    leg = ax.legend(handles=[Line2D([], [], label="probe")], loc="upper left")
    instances = {"axes": ax, "axis": ax.xaxis, "legend": leg}
    missing = []
    for where, name in PRIVATE_NAMES:
        if where in instances:
            obj = instances[where]
        else:
            module, _, cls = where.rpartition(".")
            obj = getattr(importlib.import_module(module), cls)
        if not hasattr(obj, name):
            missing.append(f"{where}.{name}")
    return missing


_layered: bool | None = None


def layered_redraw_available(refresh: bool = False) -> bool:
    """Whether the layered redraw can run: the tested matplotlib, with every private name present.

    Checked once per session (``refresh`` checks again); when it cannot, warns once
    (``RuntimeWarning``) that live figures fall back to full redraws.
    """
    global _layered
    if _layered is None or refresh:
        problems = []
        if mpl.__version__ != TESTED_MATPLOTLIB:
            problems.append(f"matplotlib {mpl.__version__} is not the tested {TESTED_MATPLOTLIB}")
        missing = missing_private_names()
        if missing:
            problems.append("missing " + ", ".join(missing))
        _layered = not problems
        if problems:
            warnings.warn("lib.live: " + "; ".join(problems) + ": live figures redraw in full "
                          "(correct, slower)", RuntimeWarning, stacklevel=2)
    return _layered


def _text_key(t) -> tuple:
    """What decides how a Text looks.  Not where: the layout places it from the rest of the key."""
    if not t.get_visible() or not t.get_text():
        return ()
    return (t.get_text(), t.get_fontsize(), t.get_fontfamily()[0] if t.get_fontfamily() else "",
            t.get_fontweight(), t.get_fontstyle(), str(t.get_color()), t.get_rotation(),
            t.get_ha(), t.get_va(), t.get_alpha())


def _line_key(line) -> tuple:
    if not line.get_visible():
        return ()
    return (str(line.get_color()), line.get_linewidth(), line.get_linestyle(), line.get_alpha(),
            line.get_marker(), line.get_markersize())


def _axis_key(axis) -> tuple:
    if not axis.get_visible():
        return ()
    ticks = axis._update_ticks()  # the ticks a render would draw, with their labels set
    return (axis.get_scale(), axis.get_inverted(),
            tuple((t.get_loc(), _text_key(t.label1), _text_key(t.label2), _line_key(t.gridline),
                   _line_key(t.tick1line), _line_key(t.tick2line)) for t in ticks),
            _text_key(axis.label), _text_key(axis.offsetText))


def _axes_key(ax) -> tuple:
    """Fingerprint of the frame of ``ax``: equal keys render to equal frame pixels."""
    if not ax.get_visible():
        return ()
    return (ax.get_position().bounds, ax.get_xlim(), ax.get_ylim(), ax.axison, ax.get_aspect(),
            str(ax.get_facecolor()), ax.patch.get_visible(),
            _axis_key(ax.xaxis), _axis_key(ax.yaxis))


def _frame_artists(ax) -> set:
    return {ax.patch, ax.xaxis, ax.yaxis}


def _titles(ax) -> tuple:
    return (ax.title, ax._left_title, ax._right_title)


def _kept(ax) -> set:
    """Content that belongs to the axes itself: a redraw resets it rather than removing it."""
    return {*_titles(ax), *ax.spines.values()}


def _content(ax) -> list:
    """What is drawn over the frame of ``ax``, in draw order: everything but the frame.

    Titles are content: they often carry live numbers, and drawing one is cheaper than
    rendering a frame again.  Spines are content too, so that they cover or are covered by
    the figure's artists in z-order, as in an ordinary render.
    """
    frame = _frame_artists(ax)
    return sorted((a for a in ax.get_children() if a not in frame), key=lambda a: a.get_zorder())


def _cells(inks, width, height) -> list | None:
    """One pixel rectangle ``(x0, y0, x1, y1)`` per axes (rows from the top, ends excluded).

    ``inks`` are the rectangles each axes' frame actually inked.  Each cell extends to the
    figure's edges and is cut half-way across the gap to each neighbouring ink rectangle; the
    result is ``None`` when two ink rectangles overlap.
    """
    cells = []
    for i, (a0, b0, a1, b1) in enumerate(inks):
        x0, y0, x1, y1 = 0, 0, width, height
        for j, (c0, d0, c1, d1) in enumerate(inks):
            if j == i:
                continue
            rows = d0 < b1 and b0 < d1
            cols = c0 < a1 and a0 < c1
            if rows and cols:
                return None
            if rows and c1 <= a0:
                x0 = max(x0, (c1 + a0) // 2)
            if rows and c0 >= a1:
                x1 = min(x1, (c0 + a1) // 2)
            if cols and d1 <= b0:
                y0 = max(y0, (d1 + b0) // 2)
            if cols and d0 >= b1:
                y1 = min(y1, (d0 + b1) // 2)
        cells.append((x0, y0, x1, y1))
    for i, a in enumerate(cells):  # diagonal neighbours may still meet
        for b in cells[i + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                return None
    return cells


def _ink(px, blank) -> tuple | None:
    """Rectangle ``(x0, y0, x1, y1)`` of the pixels of ``px`` that differ from ``blank``."""
    diff = np.any(px != blank, axis=2)
    rows, cols = np.flatnonzero(diff.any(axis=1)), np.flatnonzero(diff.any(axis=0))
    if rows.size == 0:
        return None
    return (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)


def _reset_spines(ax) -> None:
    """Spines as the style sets them (public methods only)."""
    for name, spine in ax.spines.items():
        spine.set_visible(mpl.rcParams[f"axes.spines.{name}"])
        spine.set_linestyle("solid")
        spine.set_edgecolor(mpl.rcParams["axes.edgecolor"])
        spine.set_linewidth(mpl.rcParams["axes.linewidth"])


def _clear(ax) -> None:
    """Empty ``ax`` for the figure function to draw again, keeping its frame's objects.

    ``Axes.clear`` would also rebuild the ticks, which costs more than the rest of an update;
    this removes what a figure function adds (artists, legend, texts) and resets what it sets
    (limits and autoscaling, scales, aspect, locators and formatters, labels, titles, tick
    label sizes, spines, the colour cycle).  Tick parameters (``tick_params``) are not reset: a
    live figure function sets them on every call or never.  The tests check, panel by panel,
    that a live figure drawn after any sequence of updates has the pixels of one made afresh.
    """
    kept = _kept(ax)
    for a in _content(ax):
        if a not in kept:
            a.remove()
    _reset_spines(ax)
    ax.set_axis_on()
    ax.containers.clear()
    ax.legend_ = None
    for t in _titles(ax):
        t.set_text("")
        t.set_y(1.0)
    ax._autotitlepos = mpl.rcParams["axes.titley"] is None  # as Axes.clear leaves it
    ax.set_aspect("auto")
    for axis, name in ((ax.xaxis, "xtick"), (ax.yaxis, "ytick")):
        if axis.get_scale() != "linear":
            axis._set_axes_scale("linear")
        axis.label.set_text("")
        axis.label.set_fontsize(mpl.rcParams["axes.labelsize"])
        axis.label.set_color(mpl.rcParams["axes.labelcolor"])
        axis._scale.set_default_locators_and_formatters(axis)
        for tick in axis.majorTicks:  # set_xticks(..., fontsize=...) styles the ticks themselves
            tick.label1.set_fontsize(mpl.rcParams[f"{name}.labelsize"])
            tick.label2.set_fontsize(mpl.rcParams[f"{name}.labelsize"])
    ax.set_prop_cycle(None)
    ax.ignore_existing_data_limits = True
    ax.dataLim.set_points(np.array([[np.inf, np.inf], [-np.inf, -np.inf]]))
    ax.set_autoscale_on(True)
    ax._request_autoscale_view()


def _clear_public(ax) -> None:
    """The fallback's :func:`_clear`: ``Axes.clear`` (slower: it rebuilds the ticks), plus what it
    leaves as the figure function set it (spines, aspect), with public methods only."""
    ax.clear()
    _reset_spines(ax)
    ax.set_aspect("auto")


def _place_titles(ax, renderer) -> None:
    """Put the titles where ``Axes.draw`` would (cheaply when nothing can push them up)."""
    titles = _titles(ax)
    if not ax._autotitlepos or not any(t.get_text() for t in titles):
        return  # placed by hand (``set_title(..., y=...)``), or nothing to place
    if (ax.xaxis.get_ticks_position() in ("top", "unknown") or ax.xaxis.get_label_position() == "top"
            or ax.yaxis.offsetText.get_text() or ax.child_axes):
        ax._update_title_position(renderer)
    else:
        for t in titles:
            t.set_position((t.get_position()[0], 1.0))


def _only_inside(px, blank, cell) -> bool:
    """Whether ``px`` equals ``blank`` everywhere outside ``cell``."""
    x0, y0, x1, y1 = cell
    return (np.array_equal(px[:y0], blank[:y0]) and np.array_equal(px[y1:], blank[y1:])
            and np.array_equal(px[y0:y1, :x0], blank[y0:y1, :x0])
            and np.array_equal(px[y0:y1, x1:], blank[y0:y1, x1:]))


def _handle_key(h) -> tuple:
    """What decides how a legend handle looks (colours, widths, styles, markers)."""
    out = [type(h).__name__]
    for name in ("get_visible", "get_color", "get_facecolor", "get_edgecolor", "get_linewidth",
                 "get_linestyle", "get_alpha", "get_marker", "get_markersize",
                 "get_markerfacecolor", "get_markeredgecolor", "get_markeredgewidth", "get_hatch"):
        getter = getattr(h, name, None)
        if getter is not None:
            v = getter()
            out.append(np.asarray(v).tolist() if isinstance(v, np.ndarray) else str(v))
    return tuple(out)


def _legend_key(leg) -> tuple | None:
    """What decides a legend's pixels, or ``None`` if its place depends on the data (``"best"``)."""
    if leg._loc in (0, "best"):
        return None
    frame = leg.get_frame()
    title = leg.get_title()
    return (leg._loc, leg.get_bbox_to_anchor().bounds, leg.get_frame_on(), str(frame.get_facecolor()),
            str(frame.get_edgecolor()), frame.get_alpha(), _text_key(title),
            tuple(_text_key(t) for t in leg.get_texts()),
            tuple(_handle_key(h) for h in leg.legend_handles),
            leg._ncols, leg.markerscale, leg.numpoints, leg.handlelength, leg.handleheight,
            leg.handletextpad, leg.borderpad, leg.labelspacing, leg.columnspacing,
            leg.borderaxespad, leg.axes.get_position().bounds, leg.get_visible())


def _over(dst, src) -> None:
    """Composite straight-alpha RGBA ``src`` over ``dst`` in place (both uint8, same shape)."""
    a = src[..., 3:4].astype(np.uint32)
    da = dst[..., 3:4].astype(np.uint32)
    out_a = a * 255 + da * (255 - a)  # times 255
    num = src[..., :3].astype(np.uint32) * a * 255 + dst[..., :3].astype(np.uint32) * da * (255 - a)
    safe = np.maximum(out_a, 1)
    dst[..., :3] = ((num + safe // 2) // safe).astype(np.uint8)
    dst[..., 3:4] = ((out_a + 127) // 255).astype(np.uint8)


#: Smallest type a reader must be able to read, in points at the figure style's 100 dpi, once the
#: picture is shown at its displayed size (the exported figures are held to the same threshold:
#: tests/test_figure_legibility.py's ``MIN_PT``).  In CSS pixels: ``MIN_TEXT_PT * 100 / 72``.
MIN_TEXT_PT = 8.0


def smallest_text_pt(fig) -> float | None:
    """The size in points of the smallest visible, non-empty text of ``fig`` (``None``: no text)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes) if sizes else None


def legible_scale(fig, min_pt: float = MIN_TEXT_PT) -> float:
    """The smallest display scale (CSS px per figure pixel, at most 1) that keeps ``fig`` legible.

    Shown at scale ``s``, a text of ``pt`` points at ``fig.dpi`` is ``pt * dpi / 72 * s`` CSS px
    tall; it must be at least ``min_pt * 100 / 72`` (``min_pt`` points at the style's 100 dpi).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(dpi=100)
    >>> _ = ax.set_title("a title", fontsize=10); _ = ax.set_xticks([]); _ = ax.set_yticks([])
    >>> legible_scale(fig)
    0.8
    >>> plt.close(fig)
    """
    pt = smallest_text_pt(fig)
    if pt is None:
        return 0.0
    return min(1.0, min_pt * 100.0 / (pt * fig.dpi))


def fit_content(fig, pad: float = 0.1, margins: tuple | None = None) -> tuple[dict, tuple]:
    """Grow ``fig`` so that everything it draws lies inside it.

    The exported figure is saved with ``bbox_inches="tight"``, which keeps a legend or a tick
    label that sticks out of the figure; a live picture shows the figure's canvas, which would
    cut them.  This enlarges the figure by what sticks out on each side (plus ``pad`` inches,
    rounded up to a quarter inch, so that small changes of the content keep the size), keeping
    every axes' size and place in inches: the live picture holds the same content as the static
    one.  ``margins`` ``(left, right, bottom, top)`` in inches imposes the growth instead.

    Returns ``({axes: (old bounds, new bounds)}, margins)``; both empty/zero when nothing
    sticks out.  :class:`LiveFigure` keeps the margins found for its first picture.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    width, height = fig.get_size_inches()
    if margins is None:
        tight = fig.get_tightbbox(fig.canvas.get_renderer())

        def grow(out):
            return math.ceil((out + pad) * 4) / 4 if out > 0 else 0.0

        margins = (grow(-tight.x0), grow(tight.x1 - width), grow(-tight.y0), grow(tight.y1 - height))
    left, right, bottom, top = margins
    if not any(margins):
        return {}, (0.0, 0.0, 0.0, 0.0)
    new_w, new_h = width + left + right, height + bottom + top
    moved = {}
    for ax in fig.axes:
        x0, y0, w, h = ax.get_position().bounds
        new = ((x0 * width + left) / new_w, (y0 * height + bottom) / new_h, w * width / new_w,
               h * height / new_h)
        moved[ax] = ((x0, y0, w, h), new)
    fig.set_size_inches(new_w, new_h)
    for ax, (_, new) in moved.items():
        ax.set_position(new)
    return moved, tuple(margins)


class LiveFigure:
    """One figure of a live panel, updated in place.

    Parameters
    ----------
    draw : callable
        A lib figure function ``draw(params, *, ax=None, **extras) -> Figure``.  Called once
        without ``ax`` to make the figure; afterwards with ``ax`` set to the figure's own axes
        (a single Axes, or a tuple of them for a multi-panel figure), into which it must draw.
    params : dataclass instance
    fit : tuple, optional
        The margins :func:`fit_content` adds, in inches (default: found for the first picture).
    **extras
        Keyword controls passed on to ``draw``.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        Detached from pyplot, with its own Agg canvas.
    stats : dict
        ``updates``; ``cells`` (axes frames rendered alone into their cells); ``frames`` (whole
        frame layers rendered at once, the fallback).  Updates that rendered neither only
        redrew content over the cached frame.

    Notes
    -----
    Each axes owns a *cell* of the figure: the figure cut half-way across the gaps between the
    pixels the axes' frames ink.  A changed frame is rendered alone (the other axes hidden) and
    pasted into its cell, provided its pixels stay inside the cell, which is checked each time
    on the pixels.  Otherwise (and for overlapping axes or figure-level artists) the whole frame
    layer is rendered at once.  So the pixels never depend on the path taken; the tests check
    that exactly.
    """

    #: Memory for frames seen before, per live figure.
    FRAME_CACHE_BYTES = 12 * 2**20

    def __init__(self, draw: Callable, params, *, fit: tuple | None = None, **extras):
        import matplotlib.pyplot as plt
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        #: False when the installed matplotlib cannot run the layered redraw: full redraws.
        self.layered = layered_redraw_available()
        self.draw = draw
        fig = draw(params, **extras)
        plt.close(fig)  # detach from pyplot: the panel shows it, not the notebook backend
        fig.stale_callback = None  # and no redraw behind our back in interactive mode (a kernel)
        FigureCanvasAgg(fig)
        # nothing cut: the live picture holds what the exported figure shows
        self._moved, self.margins = fit_content(fig, margins=fit)
        self.fig = fig
        self._axes = tuple(fig.axes)
        self._keys: list | None = None   # frame fingerprint of each axes in the background
        self._inside: list[bool] = []    # whether each axes' frame is known to stay in its cell
        self._fig_key = None
        self._background = None          # the frame layer's pixels
        self._blank = None               # the empty figure's pixels
        self._cells = None
        self._no_cells = False
        self._sprites: dict = {}         # legend key -> (x0, y0, straight-alpha RGBA pixels)
        self._frames: dict = {}          # frame fingerprint -> pixels (a cell, or the whole)
        self._scratch = None             # a transparent renderer to draw legends on
        self.stats = {"updates": 0, "cells": 0, "frames": 0}
        self._render()

    def _ax_arg(self):
        return self._axes[0] if len(self._axes) == 1 else self._axes

    def update(self, params, **extras) -> None:
        """Redraw for new parameters.  Exceptions from ``draw`` propagate (the model's message).

        After an exception the figure keeps its last good pixels (:meth:`png` is unchanged) and
        the next successful update renders its frame again.
        """
        for ax in self._axes:
            if self.layered:
                _clear(ax)
            else:
                _clear_public(ax)  # the fallback: public API only
        try:
            self.draw(params, ax=self._ax_arg(), **extras)
            for ax, (old, new) in self._moved.items():  # a figure function re-placed its axes
                if np.allclose(ax.get_position().bounds, old):
                    ax.set_position(new)
            if tuple(self.fig.axes) != self._axes:
                raise RuntimeError(f"{getattr(self.draw, '__name__', 'draw')} added or removed axes "
                                   "when drawing into its own; it cannot be a live figure")
        except Exception:
            self._keys = None
            raise
        self.stats["updates"] += 1
        self._render()

    # -- rendering -----------------------------------------------------------------------------

    def _figure_key(self) -> tuple:
        fig = self.fig
        return (tuple(fig.get_size_inches()), fig.dpi, str(fig.get_facecolor()),
                tuple(ax.get_position().bounds for ax in self._axes),
                tuple(_text_key(t) for t in fig.texts), len(fig.legends), len(fig.patches),
                len(fig.lines), len(fig.images))

    def _pixels(self) -> np.ndarray:
        """The canvas buffer itself (writable): writing into it changes what the canvas shows."""
        return np.asarray(self.fig.canvas.buffer_rgba())

    def _render(self) -> None:
        if not self.layered:  # the fallback: render the whole reused figure
            self.fig.canvas.draw()
            self.stats["frames"] += 1
            return
        fig_key = self._figure_key()
        keys = [_axes_key(ax) for ax in self._axes]
        content = [_content(ax) for ax in self._axes]
        hidden = [a for c in content for a in c if a.get_visible()]
        for a in hidden:
            a.set_visible(False)
        try:
            if fig_key != self._fig_key:
                self._new_layout(fig_key)
            changed = (list(range(len(self._axes))) if self._keys is None
                       else [i for i, k in enumerate(keys) if k != self._keys[i]])
            if changed and not self._render_cells(changed, keys):
                self._render_frames(changed, keys)
        finally:
            for a in hidden:
                a.set_visible(True)
        self._keys = keys
        self._pixels()[...] = self._background
        renderer = self.fig.canvas.get_renderer()
        for ax, artists in zip(self._axes, content, strict=True):
            _place_titles(ax, renderer)
            for a in artists:
                if not (isinstance(a, Legend) and self._paste_legend(a)):
                    a.draw(renderer)

    def _paste_legend(self, leg) -> bool:
        """Composite a cached picture of ``leg`` (drawn once on a transparent canvas).

        A legend is mostly text, the dearest thing to draw, and rarely changes with the
        parameters.  Returns False (draw it normally) for a legend placed by ``"best"``.
        """
        key = _legend_key(leg)
        if key is None:
            return False
        sprite = self._sprites.get(key)
        if sprite is None:
            from matplotlib.backends.backend_agg import RendererAgg

            if self._scratch is None:  # the canvas renderer's own (float) size: text lands alike
                main = self.fig.canvas.get_renderer()
                self._scratch = RendererAgg(main.width, main.height, main.dpi)
            self._scratch.clear()
            leg.draw(self._scratch)
            px = np.asarray(self._scratch.buffer_rgba())
            ink = _ink(px[..., 3:], np.zeros((1, 1, 1), np.uint8))
            if ink is None:
                return True
            x0, y0, x1, y1 = ink
            sprite = (x0, y0, px[y0:y1, x0:x1].copy())
            if len(self._sprites) >= 64:
                self._sprites.pop(next(iter(self._sprites)))
            self._sprites[key] = sprite
        x0, y0, rgba = sprite
        h, w = rgba.shape[:2]
        _over(self._pixels()[y0:y0 + h, x0:x0 + w], rgba)
        return True

    def _alone(self, index) -> np.ndarray | None:
        """Render only the frame of axes ``index`` (``None``: no axes) and return the buffer."""
        shown = [ax.get_visible() for ax in self._axes]
        for j, ax in enumerate(self._axes):
            ax.set_visible(j == index and shown[j])
        try:
            self.fig.canvas.draw()
        finally:
            for ax, s in zip(self._axes, shown, strict=True):
                ax.set_visible(s)
        return self._pixels()

    def _new_layout(self, fig_key) -> None:
        """A new size or layout: forget the cells, keep the empty figure's pixels."""
        self._blank = self._alone(None).copy()
        self._background = self._blank.copy()
        self._cells = None
        self._no_cells = False
        self._inside = [False] * len(self._axes)
        self._keys = None
        self._sprites.clear()
        self._frames.clear()
        self._scratch = None
        self._fig_key = fig_key

    def _remember(self, key, pixels: np.ndarray) -> None:
        """Keep rendered frame pixels for a fingerprint seen again later (a slider moved back)."""
        self._frames[key] = pixels
        while sum(v.nbytes for v in self._frames.values()) > self.FRAME_CACHE_BYTES:
            self._frames.pop(next(iter(self._frames)))

    def _render_frames(self, changed, keys) -> None:
        """The fallback: render every axes' frame at once and keep it as the background."""
        key = ("all", tuple(keys))
        if key in self._frames:
            self._background = self._frames[key].copy()
        else:
            self.fig.canvas.draw()
            self._background = self._pixels().copy()
            self._remember(key, self._background.copy())
            self.stats["frames"] += 1
        for i in changed:
            self._inside[i] = False

    def _render_cells(self, changed, keys) -> bool:
        """Render the frames of the ``changed`` axes alone and paste each into its cell.

        Returns False, leaving the background as it was, when that would not give the pixels
        of rendering every frame at once: a single axes (nothing to gain), overlapping axes,
        figure-level artists, or a frame that leaves its cell.  An unchanged frame not yet
        known to stay in its cell is rendered alone too, to find out.
        """
        fig, n = self.fig, len(self._axes)
        if n == 1 or self._no_cells or fig.texts or fig.legends or fig.patches or fig.lines \
                or fig.images:
            return False
        changed = sorted(set(changed) | {j for j in range(n) if not self._inside[j]})
        background = self._background.copy()
        if self._cells is not None:  # frames seen before are pasted as they were
            for i in list(changed):
                piece = self._frames.get((i, keys[i]))
                if piece is not None:
                    x0, y0, x1, y1 = self._cells[i]
                    background[y0:y1, x0:x1] = piece
                    self._inside[i] = True
                    changed.remove(i)
        renders = {i: self._alone(i).copy() for i in changed}
        if self._cells is None:  # first time for this layout: cut cells between the inks
            inks = [_ink(renders[i], self._blank) for i in range(n)]
            self._cells = None if None in inks else _cells(inks, *self._blank.shape[1::-1])
            if self._cells is None:
                self._no_cells = True
                return False
        for i, px in renders.items():
            x0, y0, x1, y1 = self._cells[i]
            self._inside[i] = _only_inside(px, self._blank, self._cells[i])
            if not self._inside[i]:
                return False
            background[y0:y1, x0:x1] = px[y0:y1, x0:x1]
            self._remember((i, keys[i]), px[y0:y1, x0:x1].copy())
        self._background = background
        self.stats["cells"] += len(changed)
        return True

    # -- output --------------------------------------------------------------------------------

    def rgba(self) -> np.ndarray:
        """The current pixels, ``(height, width, 4)`` uint8 (a copy)."""
        return self._pixels().copy()

    def png(self) -> bytes:
        """The current pixels as PNG bytes (:func:`encode_png`; the panel sends one per update)."""
        return encode_png(self._pixels())


def encode_png(rgba: np.ndarray, level: int = 1) -> bytes:
    """Lossless PNG of an ``(h, w, 4)`` uint8 image, dropping alpha: no row filter, zlib ``level``.

    A live panel sends one image per update, so speed beats size here: on a mostly white
    figure this takes under half the time of Pillow's encoder, for a file of similar size.
    """
    h, w = rgba.shape[:2]
    raw = np.zeros((h, 3 * w + 1), dtype=np.uint8)  # each row: filter byte 0, then RGB
    raw[:, 1:] = rgba[..., :3].reshape(h, 3 * w)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw.tobytes(), level)) + chunk(b"IEND", b""))
