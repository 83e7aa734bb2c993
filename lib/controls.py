"""The live panel of a chapter: ipywidgets controls over a :class:`lib.live.LiveFigure`.

The control specs and validation helpers are plain data in :mod:`lib.params` (no UI), which every
model imports; this module re-exports them (``lib.controls.control``, ``Control``, ``specs``,
``require_real``, ``as_real`` ... keep working).  :func:`panel` wires the controls to a figure
function ``draw(params, **extras) -> Figure`` (redrawn in place by :class:`lib.live.LiveFigure`)
and shows the model's own message, never a traceback, when a combination is rejected.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lib.params import (  # noqa: F401 - re-exported: lib.controls.control etc. keep working
    SUPPORTED_MAGNITUDE,
    Control,
    as_real,
    as_real_array,
    control,
    reader_moves,
    require_finite,
    require_real,
    safe_call,
    safe_draw,
    spec_for,
    specs,
    split_values,
)


@dataclass(frozen=True)
class LivePanel:
    """A chapter's live panel, declared once in lib: what :func:`panel` needs, and the parameters.

    The chapters show it with :meth:`show`; the tests and benchmarks drive the same panels
    (:func:`lib.live.reader_moves`), so what is measured and checked is what readers get.
    """

    draw: Callable
    params: Any
    controls: tuple[str, ...] | None = None
    extras: Mapping[str, Control] = field(default_factory=dict)
    title: str | None = None

    def __post_init__(self):
        if self.controls is not None:
            object.__setattr__(self, "controls", tuple(self.controls))
            for n in self.controls:
                spec_for(n, self.params)  # KeyError for a control the parameters do not have

    @classmethod
    def from_spec(cls, spec) -> LivePanel:
        """The live panel of a :class:`lib.contract.FigureSpec` (its draw, params, controls, extras)."""
        return cls(spec.draw, spec.params, spec.controls, spec.extras, spec.live_title)

    def show(self, params=None):
        """The ipywidgets panel, starting from ``params`` (default: the declared ones)."""
        return panel(self.draw, self.params if params is None else params, self.controls,
                     self.extras, self.title)


# --- the panel (ipywidgets) ---------------------------------------------------------------------

def symbols(message: str, labels: Mapping[str, str]) -> str:
    """``message`` with field names replaced by the controls' symbols (``kappa`` -> ``κ``).

    The models name their fields in their messages (``"fI must be below f"``); the reader sees
    the sliders' labels.  Only whole words are replaced, and one-letter names only where they
    stand as a variable (before ``=``, ``<``, ``>``, ``≤``, ``≥``, ``must``, ``is``...).
    """
    import re

    for name in sorted(labels, key=len, reverse=True):
        label = labels[name]
        if not label or label == name:
            continue
        if len(name) == 1:
            pattern = rf"(?<![\w.]){re.escape(name)}(?=\s*(?:[=<>≤≥≠]|must\b|is\b|has\b|and\b|or\b|,|\)))"
        else:
            pattern = rf"(?<![\w.]){re.escape(name)}(?![\w])"
        message = re.sub(pattern, lambda _m, lab=label: lab, message)
    return message


def admissible_range(params, values: Mapping[str, Any], name: str, extras=None,
                     samples: int = 41) -> tuple[float, float]:
    """The part of control ``name``'s range the model admits, the other values held fixed.

    Tries ``samples`` points of the control's step grid (every point if there are fewer), keeps
    the run of admitted points around the current value, and refines both ends to the step by
    bisection.  The current value (admitted, or it would not be shown) is always inside.  Only
    the parameter dataclass's own validation is consulted (it is cheap: microseconds).
    """
    spec = spec_for(name, params, extras)
    lo, hi = spec.lo, spec.hi
    step = spec.step or (hi - lo) / 100
    n = int(math.floor((hi - lo) / step + 1e-9))
    grid = [lo + k * step for k in range(n + 1)]
    if grid[-1] < hi - 1e-12:
        grid.append(hi)
    if spec.kind == "int":
        grid = [int(round(v)) for v in grid]
    current = values[name]

    def ok(k):
        try:
            split_values(params, {**values, name: grid[k]}, extras)
            return True
        except ValueError:
            return False

    here = min(range(len(grid)), key=lambda k: abs(grid[k] - current))
    stride = max(1, (len(grid) - 1) // (samples - 1))
    bounds = []
    for direction in (-1, +1):  # walk outwards from the current value, then bisect the gap
        end = 0 if direction < 0 else len(grid) - 1
        good, k = here, here + direction * stride
        while 0 <= k < len(grid) and ok(k):
            good, k = k, k + direction * stride
        if not 0 <= k < len(grid):
            if good == end or ok(end):
                bounds.append(grid[end])
                continue
            k = end
        bad = k
        while abs(bad - good) > 1:
            mid = (good + bad) // 2
            if ok(mid):
                good = mid
            else:
                bad = mid
        bounds.append(grid[good])
    low, high = bounds
    return min(low, current), max(high, current)


def fixes(params, values: Mapping[str, Any], names: Sequence[str], extras=None,
          samples: int = 21) -> list[str]:
    """The controls among ``names`` that alone can make ``values`` admissible (others fixed)."""
    out = []
    for n in names:
        spec = spec_for(n, params, extras)
        if spec.kind not in ("float", "int"):
            continue
        for k in range(samples):
            v = spec.lo + (spec.hi - spec.lo) * k / (samples - 1)
            v = int(round(v)) if spec.kind == "int" else v
            try:
                split_values(params, {**values, n: v}, extras)
            except ValueError:
                continue
            out.append(n)
            break
    return out


#: The panel's layout at a 1440x900 window (JupyterLab 4.5 with its file browser open: a notebook
#: output area 1008 px wide, a notebook area 779 px tall), measured in chromium
#: (tests/test_jupyterlab.py checks it on every panel):
#: a picture is at most this tall (so is the panel: seen whole on the screen) ...
PICTURE_MAX_PX = 720
#: ... the controls' column is this narrow, so that a picture of up to 660 px sits beside it at
#: its natural size (a slider, with its label, and its value box; a dropdown or checkbox) ...
SLIDER_PX, VALUE_WIDTH, CONTROL_PX = 250, "5.5em", 330
#: ... and a picture's frame that scrolls keeps room for its scrollbar.
SCROLLBAR_PX = 16


def _decimals(step: float) -> int:
    return max(0, -int(f"{step:e}".split("e")[1]))


def _places(x: float) -> int:
    """Decimal places of ``x`` as written (``0.025`` -> 3; ``2.0`` -> 0)."""
    from decimal import Decimal

    return max(0, -Decimal(repr(float(x))).as_tuple().exponent)


def snap(value: float, lo: float, step: float, anchor: float) -> float:
    """A slider's value without the float noise its front end adds.

    The front end's slider (noUiSlider) steps in binary floats from its current minimum and
    sends back what it lands on, e.g. ``0.19999999999999996`` for ``0.2``; drawn as such, a
    figure differs from the one drawn at ``0.2`` by tens of antialiased pixels.  A value within
    a millionth of a step of ``anchor`` (the chapter's starting value) is ``anchor``; one within
    a millionth of a step of the grid ``lo + k * step`` is that grid point, written with the
    decimals of ``lo`` and ``step``; any other value (typed in a box) is kept as it is.
    """
    tol = 1e-6 * step
    if abs(value - anchor) <= tol:
        return anchor
    point = lo + round((value - lo) / step) * step
    if abs(value - point) <= tol:
        return round(point, max(_places(lo), _places(step)))
    return value


def _widget_for(name: str, spec: Control, value):
    """The control's widget: a dropdown, a checkbox, or a slider with a box to type a value in.

    Returns ``(widget, row, value_box)``: ``row`` is what the panel lays out, ``value_box`` the
    text box beside a slider (``None`` for the others).  The slider shows no readout of its own:
    the box is the readout, and a value typed there is checked by the panel (a value outside
    the slider's range is reported, never clamped silently as a slider's readout would).
    """
    import ipywidgets as w

    common = dict(description=spec.description, tooltip=spec.doc or name,
                  style={"description_width": "7em"})
    if spec.kind == "dropdown":
        wd = w.Dropdown(options=list(spec.options), value=value, layout=w.Layout(width=f"{CONTROL_PX}px"),
                        **common)
        return wd, wd, None
    if spec.kind == "checkbox":
        wd = w.Checkbox(value=value, indent=False, layout=w.Layout(width=f"{CONTROL_PX}px"), **common)
        return wd, wd, None
    # continuous_update: the picture follows a drag; ipywidgets holds back a model's changes
    # while the kernel handles the last one, and the panel draws in that handler (coalescing).
    if spec.kind == "int":
        wd = w.IntSlider(value=int(value), min=int(spec.lo), max=int(spec.hi),
                         step=int(spec.step or 1), readout=False, continuous_update=True,
                         layout=w.Layout(width=f"{SLIDER_PX}px"), **common)
        box = w.IntText(value=int(value), layout=w.Layout(width=VALUE_WIDTH))
    else:
        step = spec.step or (spec.hi - spec.lo) / 100
        wd = w.FloatSlider(value=float(value), min=spec.lo, max=spec.hi, step=step, readout=False,
                           continuous_update=True, layout=w.Layout(width=f"{SLIDER_PX}px"), **common)
        box = w.FloatText(value=round(float(value), _decimals(step) + 2),
                          layout=w.Layout(width=VALUE_WIDTH))
    box.add_class("bk-live-value")
    row = w.HBox([wd, box], layout=w.Layout(align_items="center"))
    return wd, row, box


#: Memory for the pictures of values shown before, per panel (a slider moved back, Reset).
PICTURE_CACHE_BYTES = 6 * 2**20
#: How many admissible ranges a panel remembers ((slider, values) -> range).
RANGE_CACHE = 512
#: In a kernel, the sliders are re-bounded once no new value arrived for this long (seconds).
REBOUND_DELAY = 0.2


def _hashable(key):
    """``key`` if it can be a dict key, else ``None`` (a dropdown's options may be anything)."""
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _message_waiting() -> bool:
    """Whether the kernel has a request from the front end queued (a new value to draw).

    Only the kernel's own queue is read: asking the ZMQ socket (``EVENTS``) could swallow the
    edge-triggered wake-up of the kernel's event loop.
    """
    try:
        from IPython import get_ipython

        return bool(get_ipython().kernel.msg_queue.qsize())
    except Exception:  # outside a kernel, or a kernel without that queue: nothing known to wait
        return False


def _kernel_loop():
    """The running kernel's event loop (to defer a redraw), or ``None`` outside a kernel."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    kernel = getattr(get_ipython(), "kernel", None)
    return getattr(kernel, "io_loop", None)


def panel(draw: Callable, params, controls: Sequence[str] | None = None,
          extras: Mapping[str, Control] | None = None, title: str | None = None):
    """A live ipywidgets panel for ``draw(params, **extras) -> Figure``.

    The figure is a :class:`lib.live.LiveFigure`: made once, then redrawn in place when a
    control moves, re-rendering only the parts that changed, and shown as a PNG image at its
    natural size, scaled down only to fit and never below a scale at which its smallest text
    stays legible (a picture taller than a screen at every legible scale scrolls in its frame),
    beside the controls when the notebook is wide.

    * **Admissible controls.**  Each numeric slider of a parameter field is bounded by the
      current values of the others: after every redraw its range shrinks to the values the
      parameter class admits (:func:`admissible_range`), so a reader moving sliders rarely
      meets a rejection.
    * **Typed values.**  Beside each slider a box shows its value; a value typed there outside
      the slider's range is reported, and one the model rejects shows the model's message
      (in the sliders' symbols, :func:`symbols`) and which sliders can fix it (:func:`fixes`),
      over the last admissible picture.
    * **Coalescing.**  A moved control is drawn at once, in the kernel's handler of the front
      end's message; ipywidgets' front end sends a model's next value only once the kernel is
      idle again, merging the values that came in between.  So during a drag each picture is
      of the latest value, the values that arrived while one was drawn are dropped (never
      queued), and after the release the final value waits for at most the picture being
      drawn.  Values shown before (a slider moved back, *Reset*) are shown again from memory;
      in a kernel the sliders are re-bounded only once the reader pauses, a slider at a time.

    Parameters
    ----------
    draw : callable
        A lib figure function that accepts its own axes back through ``ax``.
    params : dataclass instance
        The starting parameters (also what *reset* returns to).
    controls : sequence of str, optional
        Which dataclass fields get a control (default: all with a spec).
    extras : mapping of str to Control, optional
        Further keyword controls passed to ``draw`` (e.g. ``phi``, toggles).
    title : str, optional
        A heading above the controls.

    Returns
    -------
    ipywidgets.VBox
        The widgets are reachable as ``box.controls`` (dict of sliders, checkboxes and
        dropdowns), ``box.values`` (dict of the text boxes beside the sliders), ``box.reset``,
        ``box.message``, ``box.image`` and ``box.heading`` (the title's widget, or ``None``);
        the figure as ``box.live`` (the :class:`~lib.live.LiveFigure`); ``box.redraw()``
        redraws at once.  A rejected combination
        leaves the last admissible figure in place under the model's message
        (HTML-escaped).

    Raises
    ------
    Exception
        Whatever ``draw`` raises at the starting values: a panel that cannot draw its own
        starting point is a bug in the chapter, and a book build must fail on it.
    """
    import ipywidgets as w

    from lib.live import LiveFigure, legible_scale

    extras = dict(extras or {})
    field_specs = specs(params)
    names = list(controls) if controls is not None else list(field_specs)
    for n in names:
        if n not in field_specs:
            raise KeyError(f"{n!r} has no control spec on {type(params).__name__}")
    start = {n: getattr(params, n) for n in names} | {k: c.default for k, c in extras.items()}
    all_specs = {n: field_specs[n] for n in names} | extras
    made = {n: _widget_for(n, all_specs[n], start[n]) for n in start}
    widgets = {n: m[0] for n, m in made.items()}
    values = {n: m[2] for n, m in made.items() if m[2] is not None}
    labels = {n: all_specs[n].label or n for n in start}
    bounded = [n for n in names if all_specs[n].kind in ("float", "int")]
    digits = {n: _decimals(all_specs[n].step or (all_specs[n].hi - all_specs[n].lo) / 100) + 3
              for n in values}
    for _, row, _ in made.values():
        row.add_class("bk-live-control")
    reset = w.Button(description="Reset", icon="undo", tooltip="Back to the chapter's parameter values")
    message = w.HTML(value="", layout=w.Layout(max_width=f"{CONTROL_PX}px"))
    # No ``tooltip=`` on the Image: the front end builds an Image's tooltip from a description
    # it does not have, fails to create the view, and the reader sees no picture at all (the
    # real-browser test, tests/test_jupyterlab.py, catches this).
    image = w.Image(format="png")
    image.add_class("bk-live-image")
    box = w.VBox()
    box.add_class("bk-live-panel")
    reset.add_class("bk-live-reset")
    message.add_class("bk-live-message")
    state = {"quiet": False, "generation": 0, "drawn": None}
    loop = _kernel_loop()
    pictures: dict = {}  # the values drawn before -> their PNG (the pixels never depend on the path)
    ranges: dict = {}    # (slider, the values) -> its admissible range

    def current():
        """The controls' values, without the front end's float noise (:func:`snap`)."""
        out = {}
        for n, wd in widgets.items():
            spec, v = all_specs[n], wd.value
            if spec.kind == "float":
                v = snap(v, spec.lo, spec.step or (spec.hi - spec.lo) / 100, start[n])
            out[n] = v
        return out

    def show(params, **ex):
        if box.live is None:
            box.live = LiveFigure(draw, params, **ex)
            # the first picture is drawn the way every later one is (in place): in a kernel, a
            # fresh render and an in-place one of the same values were seen to differ by a few
            # pixels on two panels, and Reset must bring back exactly the first picture
        box.live.update(params, **ex)
        return box.live.png()

    def say(text):
        message.value = f"<span style='color:#a00000'>{html.escape(text)}</span>" if text else ""

    def explain(vals, msg):
        msg = symbols(msg, labels)
        movable = [labels[n] for n in fixes(params, vals, bounded, extras)]
        if movable:
            msg += f" Move {', '.join(movable[:-1])}{' or ' if len(movable) > 1 else ''}{movable[-1]}."
        return msg + " (The picture shows the last admissible values.)"

    def set_quietly(fn):
        state["quiet"] = True
        try:
            fn()
        finally:
            state["quiet"] = False

    def bound(n, vals):
        """Bound slider ``n`` by the current values of the others (:func:`admissible_range`)."""
        key = _hashable((n, *vals.items()))  # the range also depends on where the slider is
        lo, hi = ranges.get(key) or admissible_range(params, vals, n, extras)
        if key is not None:
            ranges[key] = (lo, hi)
            while len(ranges) > RANGE_CACHE:
                ranges.pop(next(iter(ranges)))
        wd = widgets[n]

        def apply():
            with wd.hold_trait_notifications():
                if lo > wd.max:
                    wd.max, wd.min = hi, lo
                else:
                    wd.min, wd.max = lo, hi
        set_quietly(apply)

    def rebound(vals):
        """Bound every numeric field slider by the values of the others: at once outside a
        kernel; in a kernel once the reader pauses, one slider at a time (below)."""
        generation = state["generation"]
        if loop is None:
            for n in bounded:
                bound(n, vals)
            return
        pending = list(bounded)

        def step():
            # a newer value arrived (or waits): it is drawn and bounds again; these are stale
            if state["generation"] != generation or not pending or _message_waiting():
                return
            bound(pending.pop(0), vals)
            if pending:
                loop.add_callback(step)  # the kernel takes a new message between two sliders
        loop.call_later(REBOUND_DELAY, step)

    def place(width, height):
        """Legible first: natural size, scaled down only to fit, never below a legible scale.

        The picture is never stretched.  It is scaled down to fit the row beside the controls,
        or a 1440x900 window's notebook area (:data:`PICTURE_MAX_PX` tall), only as far as its
        smallest text stays legible (:func:`lib.live.legible_scale`).  A picture that would
        need more (a tall one) is shown at its natural size in a frame :data:`PICTURE_MAX_PX`
        tall that scrolls, so that sliders and picture are still seen together.  It sits beside
        the controls when the row has room for its legible width, and wraps below them otherwise.
        """
        legible = legible_scale(box.live.fig)
        fit = min(1.0, PICTURE_MAX_PX / height)
        scale = fit if fit >= legible else 1.0
        shown = math.floor(width * scale)
        scrolls = height * scale > PICTURE_MAX_PX + 0.5
        room = shown + (SCROLLBAR_PX if scrolls else 0)
        frame.layout.flex = f"1 1 {room}px"
        frame.layout.max_width = f"{room}px"
        frame.layout.min_width = f"min({math.ceil(width * legible) + (room - shown)}px, 100%)"
        frame.layout.max_height = f"{PICTURE_MAX_PX}px"
        image.layout.max_width = f"{shown}px"
        state["placed"] = True

    def redraw(*_):
        state["generation"] += 1  # stops the re-bounding of older values
        vals = current()
        key = _hashable(tuple(vals.items()))
        png = pictures.pop(key, None)
        if png is None:
            png, msg = safe_call(show, params, vals, extras)
            if msg:
                say(explain(vals, msg) if msg.startswith("Not admissible") else msg)
                return
        if key is not None:  # most recently shown last; the oldest go first
            pictures[key] = png
            while sum(map(len, pictures.values())) > PICTURE_CACHE_BYTES and len(pictures) > 1:
                pictures.pop(next(iter(pictures)))
        shown(vals, png)

    def shown(vals, png):
        say("")
        image.value = png
        state["drawn"] = dict(vals)
        if not state.get("placed") and box.live is not None:
            place(*box.live.fig.canvas.get_width_height())

        def sync():
            for n, vb in values.items():
                vb.value = round(vals[n], digits[n]) if isinstance(vb.value, float) else vals[n]
        set_quietly(sync)
        rebound(vals)

    def request(*_):
        # Drawn at once, inside the kernel's handler of the front end's message: the kernel
        # stays busy until the picture is sent, and the front end sends a model's next value
        # only when the kernel has gone idle after the last one, merging the values of a drag
        # in between.  So a drag draws the latest value each time and drops the others
        # (coalescing), and the final value waits for at most the picture being drawn.
        if state["quiet"]:
            return
        if not message.value and current() == state["drawn"]:
            return  # the front end echoing the values shown (its slider re-stepped them)
        redraw()

    def typed(change):
        if state["quiet"]:
            return
        n = next(k for k, vb in values.items() if vb is change["owner"])
        v, spec = change["new"], all_specs[n]
        if not spec.lo <= v <= spec.hi:
            say(f"{labels[n]} = {v:g} is outside the slider's range [{spec.lo:g}, {spec.hi:g}]; "
                "the picture is unchanged.")
            return
        vals = {**current(), n: v}
        try:
            split_values(params, vals, extras)
        except ValueError as err:
            say(explain(vals, f"Not admissible: {err}"))
            return
        wd = widgets[n]

        def widen():
            wd.min, wd.max = min(wd.min, v), max(wd.max, v)
        set_quietly(widen)
        wd.value = v  # redraws (and re-bounds the others)

    def do_reset(*_):
        def restore():
            for n, wd in widgets.items():
                spec = all_specs[n]
                if spec.kind in ("float", "int"):
                    wd.min, wd.max = spec.lo, spec.hi
                wd.value = start[n]
        set_quietly(restore)
        redraw()

    for wd in widgets.values():
        wd.observe(request, names="value")
    for vb in values.values():
        vb.observe(typed, names="value")
    reset.on_click(do_reset)
    rows = [m[1] for m in made.values()]
    # the title heads the controls' column (not the panel): beside a picture as tall as the
    # screen's notebook area it adds no height
    heading = w.HTML(f"<b>{html.escape(title)}</b>") if title else None
    controls_box = w.VBox(([heading] if heading else []) + rows + [reset, message],
                          layout=w.Layout(flex="0 0 auto"))
    controls_box.add_class("bk-live-controls")
    image.layout = w.Layout(width="100%", height="auto", flex="0 0 auto", align_self="flex-start",
                            margin="0")  # a margin would make the frame scroll
    # the picture's frame: scrolls only when the picture is taller than a screen at every
    # legible scale (see place)
    frame = w.Box([image], layout=w.Layout(flex="1 1 380px", min_width="0", overflow="auto",
                                           align_self="flex-start"))
    frame.add_class("bk-live-frame")
    body = w.HBox([controls_box, frame], layout=w.Layout(flex_flow="row wrap",
                                                         align_items="flex-start"))
    box.children = [body]
    box.heading = heading
    box.controls, box.values, box.reset, box.message, box.image = widgets, values, reset, message, image
    box.redraw = redraw
    box.live = None
    # The starting point is drawn outside safe_call: if the chapter's own parameters cannot be
    # drawn, the error raises through, so a book build (which hides panel output) fails.
    p0, ex0 = split_values(params, {n: start[n] for n in names}, extras)
    first = show(p0, **ex0)
    key0 = _hashable(tuple(current().items()))
    if key0 is not None:
        pictures[key0] = first  # Reset shows exactly the first picture
    shown(dict(start), first)
    return box


def live_panels(figures) -> dict[str, LivePanel]:
    """``{label: LivePanel}`` of the figure specs that declare a live panel (``live=True``)."""
    items = figures.values() if isinstance(figures, Mapping) else figures
    return {s.label: LivePanel.from_spec(s) for s in items if s.live}
