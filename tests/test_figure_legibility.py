"""Every exported figure is legible at the book's column width.

Each figure a chapter publishes is drawn here with Agg at its default parameters (as the chapter
draws it) and checked for what a reader meets on the page:

* no two texts overlap (tick labels, titles, annotations, legend entries alike), and no text lies
  under a legend that is not its own;
* no text leaves the canvas (a live panel shows the canvas as is, without a tight crop);
* no text is crossed by a plotted line (the text's box against the line's path in pixels, less a
  small tolerance), unless the text sits on an opaque box or legend frame drawn above the line;
  a label that sits on its own curve on purpose goes in :data:`ALLOWED`, with the reason;
* every legend has a background (a frame whose alpha is at least :data:`MIN_LEGEND_ALPHA`);
* the smallest text is at least :data:`MIN_PT` points once the figure is shown at its displayed
  width: ``min(natural width, COLUMN_PX)`` pixels, where the natural width is the exported
  figure's width at the style's 100 dpi (a figure wider than the column is scaled down, and its
  type with it).

The figures come from the packages' declarations, not from a hand list (see
:func:`figure_factories`); a test checks that every numbered figure of every chapter is among them.  Run this file as a script to write a contact
sheet of all figures at column width: ``python -m tests.test_figure_legibility out.png``.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
import typing
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from lib import registry  # noqa: E402

from .conftest import figure_directives  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

#: Width in CSS pixels of the text column a figure is shown in (Jupyter Book's theme at a
#: 1280 px window: a figure's <img> is at most 672 px wide there,
#: 720 px at 768 px and 342 px at 390 px; measured in Chromium on a built page).
COLUMN_PX = 672
#: Smallest type a reader must be able to read, in points at the displayed size.
MIN_PT = 8.0
#: A legend's frame must be at least this opaque to count as a background.
MIN_LEGEND_ALPHA = 0.7
#: Pixels (at 100 dpi) by which two boxes may touch, or a line may graze a text's box.
TOL = 1.5

#: ``(figure label, text, what) -> reason``: problems accepted on purpose.  ``text`` is the text
#: flagged (exactly as drawn); ``what`` is the start of the problem's description.
ALLOWED: dict[tuple[str, str, str], str] = {}

#: Figures not yet fixed (strict xfail: a figure that passes must leave this set).  Empty when
#: issue #13's item 4 is done; a new figure never goes here.
PENDING: set[str] = set()


# --------------------------------------------------------------------------------------------
# Which figures, and how to draw them
# --------------------------------------------------------------------------------------------

_FIG_FN = re.compile(r"^fig_([a-z0-9]+)$")


def _default_call(fn):
    """A zero-argument callable drawing ``fn`` as a chapter does: first argument its type's defaults."""
    sig = inspect.signature(fn)
    first = next(iter(sig.parameters.values()))
    if first.default is not inspect.Parameter.empty:
        return fn
    cls = typing.get_type_hints(fn)[first.name]
    return lambda: fn(cls())


def figure_factories() -> dict[str, typing.Callable]:
    """Figure label -> zero-argument callable returning the figure as its chapter draws it.

    From the packages' own declarations: the registry's figure specs where they exist
    (``lib.registry.figure_specs()``, each drawn by its ``make``), else every ``fig_<x>`` function of
    ``lib.<package>.figures`` (drawn there or in another module of the package, e.g. ``charts``) as
    ``fig-<paper>-<x>`` at its parameter class's defaults; plus the claim
    maps of ``lib.claim_maps`` where that module exists.
    """
    out: dict[str, typing.Callable] = {}
    if hasattr(registry, "figure_specs"):
        out.update({label: spec.make for label, spec in registry.figure_specs().items()})
    else:
        for key, (package, *_rest) in registry.PAPERS.items():
            try:
                mod = importlib.import_module(f"lib.{package}.figures")
            except ModuleNotFoundError:  # pragma: no cover - a chapter not written yet
                continue
            for name, fn in vars(mod).items():
                match = _FIG_FN.match(name)
                if match and inspect.isfunction(fn) and fn.__module__.startswith(f"lib.{package}."):
                    out[f"fig-{key}-{match.group(1)}"] = _default_call(fn)
    try:
        maps = importlib.import_module("lib.claim_maps")
    except ModuleNotFoundError:
        maps = None
    if maps is not None and hasattr(maps, "collect") and hasattr(maps, "fig_map"):
        for cm in maps.collect():
            out[cm.label] = (lambda cm=cm: maps.fig_map(cm))
    return out


def published_labels() -> set[str]:
    """Every figure a chapter shows as a numbered figure (``{figure}`` with ``:name: <label>``)."""
    found = set()
    for nb in sorted((ROOT / "chapters").glob("*.ipynb")):
        for cell in json.loads(nb.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                found |= {opts.get("name") for _, opts in figure_directives("".join(cell["source"]))}
    return found


FIGURES = figure_factories()


# --------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    label: str
    text: str
    what: str

    def __str__(self) -> str:
        return f"{self.label}: {self.text!r}: {self.what}"


@contextmanager
def _recording():
    """Record the texts, lines and legends actually drawn (a tick outside the view is not)."""
    drawn: dict[str, list] = {"text": [], "line": [], "legend": []}
    originals = {Text: Text.draw, Line2D: Line2D.draw, Legend: Legend.draw}
    kinds = {Text: "text", Line2D: "line", Legend: "legend"}

    def wrap(cls):
        orig = originals[cls]

        def draw(self, renderer, *args, **kwargs):
            if self.get_visible():
                drawn[kinds[cls]].append(self)
            return orig(self, renderer, *args, **kwargs)
        return draw

    try:
        for cls in originals:
            cls.draw = wrap(cls)
        yield drawn
    finally:
        for cls, orig in originals.items():
            cls.draw = orig


def _overlap(a: Bbox, b: Bbox, tol: float = TOL) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > tol) and (min(a.y1, b.y1) - max(a.y0, b.y0) > tol)


def _name(t: Text) -> str:
    return t.get_text()


def _legend_of(t: Text, legends) -> Legend | None:
    for leg in legends:
        if t in leg.texts or t is leg.get_title():
            return leg
    return None


def _backing_alpha(t: Text, legends) -> tuple[float, float]:
    """(alpha, zorder) of what a text is drawn on: its own box, or its legend's frame."""
    leg = _legend_of(t, legends)
    if leg is not None:
        frame = leg.get_frame()
        return (_face_alpha(frame) if leg.get_frame_on() else 0.0), leg.get_zorder()
    patch = t.get_bbox_patch()
    if patch is not None and patch.get_visible():
        return _face_alpha(patch), t.get_zorder()
    return 0.0, t.get_zorder()


def _face_alpha(patch) -> float:
    return 0.0 if not patch.get_fill() else float(patch.get_facecolor()[3])


def _is_stroked(line: Line2D) -> bool:
    return line.get_linestyle() not in ("None", "none", " ", "") and line.get_linewidth() > 0


def check_figure(label: str, fig) -> list[Problem]:
    """Draw ``fig`` with Agg and return what makes it hard to read at column width."""
    fig.set_canvas(matplotlib.backends.backend_agg.FigureCanvasAgg(fig))
    with _recording() as drawn:
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    problems: list[Problem] = []

    texts = []
    for t in drawn["text"]:
        if t.get_text().strip() and t.get_alpha() != 0:
            texts.append((t, Text.get_window_extent(t, renderer)))  # an annotation's text, not its arrow
    legends = drawn["legend"]

    # 1. legends have a background
    for leg in legends:
        alpha = _face_alpha(leg.get_frame()) if leg.get_frame_on() else 0.0
        if alpha < MIN_LEGEND_ALPHA:
            first = leg.texts[0].get_text() if leg.texts else "(legend)"
            problems.append(Problem(label, first, f"legend without a background (frame alpha {alpha:.2f})"))

    # 2. texts inside the canvas
    canvas = fig.bbox
    for t, bb in texts:
        if (bb.x0 < canvas.x0 - TOL or bb.y0 < canvas.y0 - TOL or bb.x1 > canvas.x1 + TOL
                or bb.y1 > canvas.y1 + TOL):
            problems.append(Problem(label, _name(t), "leaves the canvas"))

    # 3. no two texts overlap; no text under a legend that is not its own
    for i, (t, bb) in enumerate(texts):
        for u, cc in texts[i + 1:]:
            if _overlap(bb, cc):
                problems.append(Problem(label, _name(t), f"overlaps text {_name(u)!r}"))
        own = _legend_of(t, legends)
        for leg in legends:
            if leg is not own and _overlap(bb, leg.get_window_extent(renderer)):
                problems.append(Problem(label, _name(t), "lies under a legend"))

    # 4. no text crossed by a plotted line (grid lines and legend handles excluded)
    skip = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            skip |= {id(tk.gridline) for tk in axis.majorTicks + axis.minorTicks}
    for leg in legends:
        skip |= {id(h) for h in leg.legend_handles} | {id(ln) for ln in leg.get_lines()}
    lines = [ln for ln in drawn["line"] if id(ln) not in skip and _is_stroked(ln)]
    # an annotation's arrow is a line too (not across its own text: it starts there)
    arrows = [(a, a.arrow_patch) for a in drawn["text"]
              if isinstance(a, Annotation) and a.arrow_patch is not None and a.arrow_patch.get_visible()]
    for t, bb in texts:
        alpha, z = _backing_alpha(t, legends)
        inner = Bbox.from_extents(bb.x0 + TOL, bb.y0 + TOL, bb.x1 - TOL, bb.y1 - TOL)
        if inner.width <= 0 or inner.height <= 0:
            continue
        for ln in lines:
            if alpha >= MIN_LEGEND_ALPHA and z > ln.get_zorder():
                continue  # the text's own opaque box (or legend frame) hides the line
            region = inner
            clip = ln.get_clip_box() if ln.get_clip_on() else None
            if clip is not None:
                region = Bbox.intersection(inner, clip)
                if region is None:
                    continue
            path = ln._get_transformed_path().get_fully_transformed_path()
            if path.intersects_bbox(region, filled=False):
                what = ln.get_label() if not ln.get_label().startswith("_") else "a line"
                problems.append(Problem(label, _name(t), f"crossed by {what!r}"))
        for owner, patch in arrows:
            if owner is t or (alpha >= MIN_LEGEND_ALPHA and z > patch.get_zorder()):
                continue
            path = patch.get_transform().transform_path(patch.get_path())
            # piece by piece: a CLOSEPOLY vertex of the arrow head is not a point of the drawing
            if any(MplPath(poly).intersects_bbox(inner, filled=False)
                   for poly in path.to_polygons(closed_only=False)):
                problems.append(Problem(label, _name(t), f"crossed by the arrow of {_name(owner)!r}"))

    # 5. smallest text at the displayed width
    natural = fig.get_tightbbox(renderer).padded(0.1).width * 100.0  # CSS px at the style's dpi
    scale = min(1.0, COLUMN_PX / natural)
    for t, _bb in texts:
        shown = t.get_fontsize() * scale
        if shown < MIN_PT - 0.05:
            problems.append(Problem(label, _name(t), f"{shown:.1f} pt when shown (needs {MIN_PT:g})"))
    return problems


def _allowed(p: Problem) -> bool:
    return any(p.label == lab and p.text == text and p.what.startswith(what)
               for lab, text, what in ALLOWED)


def problems_of(label: str) -> list[Problem]:
    fig = FIGURES[label]()
    try:
        return check_figure(label, fig)
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------

def test_the_checked_figures_are_the_published_ones():
    missing = published_labels() - set(FIGURES)
    assert not missing, (
        f"{sorted(missing)}: every numbered figure of a chapter must be declared by its package "
        "(a figure spec, or a fig_<x> function of lib.<package>.figures), so that this test checks it")
    assert len(FIGURES) >= 29


@pytest.mark.parametrize("label", [
    pytest.param(lab, marks=pytest.mark.xfail(strict=True, reason="not fixed yet (#13 item 4)"))
    if lab in PENDING else lab for lab in sorted(FIGURES)])
def test_figure_is_legible_at_column_width(label):
    problems = [p for p in problems_of(label) if not _allowed(p)]
    assert not problems, "\n".join(map(str, problems))


def test_every_allowance_is_still_needed():
    for (label, text, what), reason in ALLOWED.items():
        assert reason, (label, text)
        assert any(p.text == text and p.what.startswith(what) for p in problems_of(label)), (
            f"ALLOWED entry {(label, text, what)} no longer matches a problem: remove it")


def test_the_checks_can_fail():
    fig, ax = plt.subplots(figsize=(12, 4))
    ax.plot([0, 1], [0, 1], label="a line")
    ax.text(0.5, 0.5, "crossed", ha="center", va="center")
    ax.text(0.5, 0.5, "overlapping", ha="center", va="center", fontsize=6)
    ax.text(1.3, 0.5, "outside")
    ax.legend(frameon=False)
    whats = " | ".join(p.what for p in check_figure("toy", fig))
    plt.close(fig)
    for expected in ("legend without a background", "leaves the canvas", "overlaps text",
                     "crossed by 'a line'", "pt when shown"):
        assert expected in whats, whats


# --------------------------------------------------------------------------------------------
# Contact sheet: every figure at its displayed width
# --------------------------------------------------------------------------------------------

def contact_sheet(out: str | Path, columns: int = 3) -> Path:
    """Write a PNG of every figure at column width (as a reader sees it), labelled, in a grid."""
    import io

    from PIL import Image, ImageDraw

    tiles = []
    for label in sorted(FIGURES):
        fig = FIGURES[label]()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
        im = Image.open(buf).convert("RGB")
        if im.width > COLUMN_PX:
            im = im.resize((COLUMN_PX, round(im.height * COLUMN_PX / im.width)), Image.LANCZOS)
        n = len(problems_of(label))
        tiles.append((f"{label}  ({n} problem{'s' * (n != 1)})", im))
    cell_w, pad, head = COLUMN_PX + 20, 10, 24
    rows = [tiles[i:i + columns] for i in range(0, len(tiles), columns)]
    heights = [max(im.height for _, im in row) + head + pad for row in rows]
    sheet = Image.new("RGB", (cell_w * columns, sum(heights)), "#dddddd")
    draw = ImageDraw.Draw(sheet)
    y = 0
    for row, h in zip(rows, heights, strict=True):
        for k, (title, im) in enumerate(row):
            x = k * cell_w + pad
            draw.text((x, y + 6), title, fill="black")
            sheet.paste(im, (x, y + head))
        y += h
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    return out


if __name__ == "__main__":  # pragma: no cover - a tool for contributors
    target = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "_build" / "contact-sheet.png")
    total = 0
    for lab in sorted(FIGURES):
        found = problems_of(lab)
        total += len(found)
        print(f"{lab}: {len(found)}")
        for p in found:
            print(f"    {p.text!r}: {p.what}")
    print(f"total: {total}")
    print(contact_sheet(target))
