"""The live panel of a chapter: ipywidgets controls over a :class:`lib.live.LiveFigure`.

The control specs and validation helpers are plain data in :mod:`lib.params` (no UI), which every
model imports; this module re-exports them (``lib.controls.control``, ``Control``, ``specs``,
``require_real``, ``as_real`` ... keep working).  :func:`panel` wires the controls to a figure
function ``draw(params, **extras) -> Figure`` (redrawn in place by :class:`lib.live.LiveFigure`)
and shows the model's own message, never a traceback, when a combination is rejected.
"""

from __future__ import annotations

import html
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


def _widget_for(name: str, spec: Control, value):
    import ipywidgets as w

    common = dict(description=spec.description, tooltip=spec.doc or name,
                  style={"description_width": "initial"}, layout=w.Layout(width="420px"))
    if spec.kind == "dropdown":
        return w.Dropdown(options=list(spec.options), value=value, **common)
    if spec.kind == "checkbox":
        return w.Checkbox(value=value, indent=False, **common)
    if spec.kind == "int":
        return w.IntSlider(value=int(value), min=int(spec.lo), max=int(spec.hi),
                           step=int(spec.step or 1), continuous_update=False, **common)
    step = spec.step or (spec.hi - spec.lo) / 100
    decimals = max(0, -int(f"{step:e}".split("e")[1]))
    return w.FloatSlider(value=float(value), min=spec.lo, max=spec.hi, step=step,
                         readout_format=f".{decimals}f", continuous_update=False, **common)


def panel(draw: Callable, params, controls: Sequence[str] | None = None,
          extras: Mapping[str, Control] | None = None, title: str | None = None):
    """A live ipywidgets panel for ``draw(params, **extras) -> Figure``.

    The figure is a :class:`lib.live.LiveFigure`: made once, then redrawn in place when a
    control moves, re-rendering only the parts that changed, and shown as a PNG image.

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
        A heading above the controls (also the image's tooltip).

    Returns
    -------
    ipywidgets.VBox
        Controls, a reset button, a message line and the figure.  The widgets are reachable as
        ``box.controls`` (dict), ``box.reset``, ``box.message`` and ``box.image``; the figure as
        ``box.live`` (the :class:`~lib.live.LiveFigure`); ``box.redraw()`` redraws.  A rejected
        combination leaves the last admissible figure in place under the model's message
        (HTML-escaped).

    Raises
    ------
    Exception
        Whatever ``draw`` raises at the starting values: a panel that cannot draw its own
        starting point is a bug in the chapter, and a book build must fail on it.
    """
    import ipywidgets as w

    from lib.live import LiveFigure

    extras = dict(extras or {})
    field_specs = specs(params)
    names = list(controls) if controls is not None else list(field_specs)
    for n in names:
        if n not in field_specs:
            raise KeyError(f"{n!r} has no control spec on {type(params).__name__}")
    start = {n: getattr(params, n) for n in names} | {k: c.default for k, c in extras.items()}
    all_specs = {n: field_specs[n] for n in names} | extras
    widgets = {n: _widget_for(n, all_specs[n], start[n]) for n in start}
    reset = w.Button(description="Reset", icon="undo", tooltip="Back to the chapter's parameter values")
    message = w.HTML(value="")
    name = title or (draw.__doc__ or getattr(draw, "__name__", "figure")).strip().splitlines()[0]
    name = name.replace("``", "")
    image = w.Image(format="png", tooltip=f"Live figure: {name}",
                    layout=w.Layout(max_width="100%", height="auto"))
    box = w.VBox()

    def show(p, **ex):
        if box.live is None:
            box.live = LiveFigure(draw, p, **ex)
        else:
            box.live.update(p, **ex)
        return box.live.png()

    def redraw(*_):
        values = {n: wd.value for n, wd in widgets.items()}
        png, msg = safe_call(show, params, values, extras)
        message.value = (f"<span style='color:#a00000'>{html.escape(msg)}</span>" if msg else "")
        if png is not None:
            image.value = png

    def do_reset(*_):
        for n, wd in widgets.items():
            wd.unobserve(redraw, names="value")
            wd.value = start[n]
            wd.observe(redraw, names="value")
        redraw()

    for wd in widgets.values():
        wd.observe(redraw, names="value")
    reset.on_click(do_reset)
    box.children = ([w.HTML(f"<b>{html.escape(title)}</b>")] if title else []) + list(widgets.values()) + [
        reset, message, image]
    box.controls, box.reset, box.message, box.image, box.redraw = widgets, reset, message, image, redraw
    box.live = None
    # The starting point is drawn outside safe_call: if the chapter's own parameters cannot be
    # drawn, the error raises through, so a book build (which hides panel output) fails.
    p0, ex0 = split_values(params, {n: start[n] for n in names}, extras)
    image.value = show(p0, **ex0)
    return box


def live_panels(figures) -> dict[str, LivePanel]:
    """``{label: LivePanel}`` of the figure specs that declare a live panel (``live=True``)."""
    items = figures.values() if isinstance(figures, Mapping) else figures
    return {s.label: LivePanel.from_spec(s) for s in items if s.live}
