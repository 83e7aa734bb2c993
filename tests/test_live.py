"""lib.live: live figures redraw in place and never depend on the path taken.

The central check runs every chapter's live panel through a reader's session (each control
swept over its range and set back) and compares the pixels after the updates with those of a
live figure made afresh at the same point: they must be identical, whichever mix of cached
frames, re-rendered cells, cached legends and full renders the session went through.
"""

from __future__ import annotations

import io
import itertools
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from lib import controls, live, registry  # noqa: E402
from lib.figures import NICE_STEPS, new_axes, nice_ceil  # noqa: E402

#: Every live panel the chapters declare (``FigureSpec(..., live=True)`` in each paper's figures).
PANELS = {label: spec for label, spec in registry.figure_specs().items() if spec.live}


def _defaults(spec):
    return {k: c.default for k, c in spec.extras.items()}


def _fresh(draw, params, extras=None, fit=None):
    lf = live.LiveFigure(draw, params, fit=fit, **(extras or {}))
    px = lf.rgba()
    plt.close(lf.fig)
    return px


def test_every_chapter_panel_is_declared():
    """Every paper with a live panel contributes it, and every panel is a figure of its chapter."""
    assert PANELS, "no live panel declared"
    for label, spec in PANELS.items():
        assert label == spec.label and callable(spec.draw)
        assert label in registry.figure_labels() or spec.paper in registry.PAPERS


@pytest.mark.parametrize("label", sorted(PANELS))
def test_live_panel_pixels_do_not_depend_on_the_path(label):
    spec = PANELS[label]
    lf = live.LiveFigure(spec.draw, spec.params, **_defaults(spec))
    moves = list(live.reader_moves(spec.params, spec.controls, spec.extras, points=5))
    checkpoints = set(range(4, len(moves), 9)) | {len(moves) - 1}
    compared = 0
    for k, (params, extras, step) in enumerate(moves):
        try:
            lf.update(params, **extras)
        except ValueError:
            continue  # the panel shows the model's message; the next update redraws in full
        if k in checkpoints:
            fresh = _fresh(spec.draw, params, extras, fit=lf.margins)  # the same canvas
            assert np.array_equal(lf.rgba(), fresh), f"{label}: pixels differ after {step}"
            compared += 1
    assert compared >= 2
    # the session exercised the shortcuts, so the comparison above could have failed
    s = lf.stats
    assert s["updates"] > s["frames"] + s["cells"] / max(1, len(lf.fig.axes)), s
    plt.close(lf.fig)


@pytest.mark.parametrize("label", sorted(PANELS))
def test_live_view_matches_the_static_figure(label):
    """The only difference allowed: content over the frame (grid under a zorder-0 image)."""
    spec = PANELS[label]
    lf = live.LiveFigure(spec.draw, spec.params, **_defaults(spec))
    fig = spec.draw(spec.params, **_defaults(spec))
    live.fit_content(fig, margins=lf.margins)
    fig.canvas.draw()
    static = np.asarray(fig.canvas.buffer_rgba())
    got = lf.rgba()
    assert got.shape == static.shape
    diff = np.abs(got.astype(int) - static.astype(int)).max(axis=2)
    assert (diff > 40).mean() < 1e-3, f"{label}: {(diff > 40).mean():.2%} of pixels differ"
    plt.close(fig)
    plt.close(lf.fig)


def _content_box(rgb):
    """Width and height of the non-white part of an image."""
    ink = np.any(rgb[..., :3] < 250, axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return cols[-1] - cols[0] + 1, rows[-1] - rows[0] + 1


@pytest.mark.parametrize("label", sorted(PANELS))
def test_live_picture_holds_what_the_exported_figure_shows(label):
    """Nothing cut: the live picture's content box is the exported (``bbox_inches="tight"``) one's."""
    spec = PANELS[label]
    fig = spec.draw(spec.params, **_defaults(spec))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)  # savefig.bbox: tight, as lib.figures.export
    plt.close(fig)
    static = np.asarray(Image.open(buf).convert("RGB"))
    lf = live.LiveFigure(spec.draw, spec.params, **_defaults(spec))
    got, want = _content_box(lf.rgba()), _content_box(static)
    plt.close(lf.fig)
    assert abs(got[0] - want[0]) <= 2 and abs(got[1] - want[1]) <= 2, (label, got, want)


def test_frame_cells_compose_to_a_full_render():
    spec = PANELS["fig-gordon-f3"]
    lf = live.LiveFigure(spec.draw, spec.params)
    for m in (0.05, 0.3, 0.45, 0.1):
        lf.update(type(spec.params)(m=m))
    assert lf._cells is not None and lf.stats["cells"] > 0
    content = [a for ax in lf.fig.axes for a in live._content(ax)]
    for a in content:
        a.set_visible(False)
    lf.fig.canvas.draw()
    assert np.array_equal(np.asarray(lf.fig.canvas.buffer_rgba()), lf._background)
    plt.close(lf.fig)


# --- behaviour on odd figures ---------------------------------------------------------------------


class _P:
    """Minimal parameters for toy figures."""

    def __init__(self, k=1.0):
        self.k = k


def _two_panels(p, *, ax=None):
    fig, (a, b) = new_axes(ax, ncols=2, figsize=(8, 3))
    x = np.linspace(0, 1, 50)
    a.plot(x, p.k * x, label="line")
    a.legend(loc="best")  # placed by the data: never cached
    b.bar([0, 1], [p.k, 1.0])
    b.set_title(f"k = {p.k:g}")
    return fig


def _overlapping(p, *, ax=None):
    if ax is None:
        fig, a = plt.subplots(figsize=(5, 3))
        b = fig.add_axes([0.6, 0.6, 0.3, 0.3])
    else:
        a, b = ax
        fig = a.figure
    a.plot([0, 1], [0, p.k])
    b.plot([0, 1], [p.k, 0])
    return fig


def _stateful(p, *, ax=None):
    """Sets axes state only for some parameters: a redraw must not inherit it."""
    fig, ax = new_axes(ax)
    ax.plot([1, 2, 3], [1, 10 * p.k, 100])
    if p.k > 2:
        ax.set_yscale("log")
        ax.set_aspect(0.5)
        ax.set_xticks([1, 2, 3], ["a", "b", "c"], fontsize=14)
        ax.set_xlabel("big", fontsize=16, color="red")
        ax.spines["right"].set_visible(True)
        ax.set_title("placed by hand", y=1.1)
        ax.set_axis_off() if p.k > 20 else None
    else:
        ax.set_xlabel("small")
        ax.set_title("placed automatically")
    return fig


def _adds_axes(p, *, ax=None):
    fig, ax = new_axes(ax)
    ax.plot([0, 1], [0, p.k])
    ax.twinx()
    return fig


@pytest.mark.parametrize("draw", [_two_panels, _overlapping, _stateful])
def test_toy_figures_are_path_independent(draw):
    lf = live.LiveFigure(draw, _P(1.0))
    for k in (2.0, 1.5, 30.0, 2.0):
        lf.update(_P(k))
        assert np.array_equal(lf.rgba(), _fresh(draw, _P(k), fit=lf.margins))
    if draw is _overlapping:
        assert lf._cells is None and lf.stats["frames"] > 0  # overlapping axes: whole frames
    elif draw is _two_panels:
        assert lf.stats["cells"] > 0
        assert live._legend_key(lf.fig.axes[0].get_legend()) is None  # "best": drawn each time
    plt.close(lf.fig)


def test_a_figure_that_adds_axes_cannot_be_live():
    lf = live.LiveFigure(_adds_axes, _P())
    with pytest.raises(ValueError, match="draws one panel"):  # it is handed its twin as well
        lf.update(_P(2.0))

    def adds_later(p, *, ax=None):
        fig, ax = new_axes(ax)
        ax.plot([0, 1], [0, p.k])
        if ax.figure.axes[0] is not ax or p.k > 1:
            ax.figure.add_axes([0.7, 0.7, 0.2, 0.2])
        return fig

    lf = live.LiveFigure(adds_later, _P())
    with pytest.raises(RuntimeError, match="added or removed axes"):
        lf.update(_P(2.0))


def test_a_failed_update_keeps_the_last_pixels_and_recovers():
    def picky(p, *, ax=None):
        if p.k < 0:
            raise ValueError("k must be positive")
        return _two_panels(p, ax=ax)

    lf = live.LiveFigure(picky, _P(1.0))
    before = lf.png()
    with pytest.raises(ValueError, match="positive"):
        lf.update(_P(-1.0))
    assert lf.png() == before
    lf.update(_P(3.0))
    assert np.array_equal(lf.rgba(), _fresh(picky, _P(3.0), fit=lf.margins))


# --- helpers ------------------------------------------------------------------------------------


def test_encode_png_round_trips():
    rng = np.random.default_rng(0)
    px = rng.integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    got = np.asarray(Image.open(io.BytesIO(live.encode_png(px))))
    assert got.shape == (37, 53, 3) and np.array_equal(got, px[..., :3])


def test_over_composites_straight_alpha():
    dst = np.full((1, 3, 4), 255, np.uint8)
    src = np.array([[[0, 0, 0, 0], [0, 0, 0, 255], [0, 0, 0, 128]]], np.uint8)
    live._over(dst, src)
    assert dst[0, 0].tolist() == [255, 255, 255, 255]
    assert dst[0, 1].tolist() == [0, 0, 0, 255]
    assert abs(int(dst[0, 2, 0]) - 127) <= 1


def test_nice_ceil():
    for x in (0.0123, 0.9, 1.0, 1.05, 7.3, 10.1, 123.0, 9.99e5):
        y = nice_ceil(x)
        assert x <= y <= 1.2 * x + 1e-12
        mantissa = y / 10 ** np.floor(np.log10(y))
        assert any(np.isclose(mantissa, s) for s in NICE_STEPS)
    assert nice_ceil(0.0) == 0.0 and nice_ceil(-3.0) == 0.0
    with pytest.raises(ValueError):
        nice_ceil(float("nan"))
    # steps: nearby values share a limit, so a live figure's frame stays put
    assert len({nice_ceil(x) for x in np.linspace(10.1, 10.9, 9)}) == 1


def test_reader_moves_cover_every_control_and_return():
    spec = PANELS["fig-bo-4"]
    moves = list(live.reader_moves(spec.params, spec.controls, spec.extras, points=3))
    names = {step.split("=")[0] for _, _, step in moves}
    assert names == set(spec.controls) | set(spec.extras)
    params, extras, _ = moves[-1]
    assert params == spec.params and extras == _defaults(spec)
    for params, _, _ in moves:  # only admissible points
        type(params)(**{f: getattr(params, f) for f in params.__dataclass_fields__})


def test_panel_shows_an_image_and_keeps_it_on_a_rejected_value():
    box = controls.LivePanel.from_spec(PANELS["fig-bo-3"]).show()
    first = bytes(box.image.value)
    assert first.startswith(b"\x89PNG") and box.live is not None
    box.controls["sigma"].value = 2.3
    assert bytes(box.image.value) != first and box.message.value == ""
    shown = bytes(box.image.value)
    box.values["kappa"].value = 1.0  # typed: beta = kappa/(sigma-1) < 1, outside the model
    assert "Not admissible" in box.message.value and bytes(box.image.value) == shown
    assert "κ" in box.message.value and "kappa" not in box.message.value  # the slider's symbol
    box.reset.click()
    assert box.message.value == "" and bytes(box.image.value) == first
    # no tooltip on the Image: the front end cannot make an Image view with one (issue #11)
    assert box.image.tooltip is None
    plt.close(box.live.fig)


def _float_controls(spec):
    """``(name, Control, start)`` of a panel's float sliders, in panel order."""
    names = list(spec.controls if spec.controls is not None else controls.specs(spec.params))
    names += [k for k in spec.extras if k not in names]
    for n in names:
        c = controls.spec_for(n, spec.params, spec.extras)
        if c.kind == "float":
            yield n, c, (c.default if n in spec.extras else getattr(spec.params, n))


def test_snap_removes_a_front_ends_float_noise_only():
    assert controls.snap(0.19999999999999996, 0.05, 0.05, 0.95) == 0.2  # on the grid
    assert controls.snap(0.7999999999999999, 0.1, 0.05, 0.8) == 0.8  # the start itself
    assert controls.snap(0.21000000000000002, 0.0, 0.01, 0.2) == 0.21
    assert controls.snap(0.125 + 1e-16, 0.0, 0.025, 0.5) == 0.125
    assert controls.snap(0.123, 0.0, 0.05, 0.5) == 0.123  # typed between grid points: kept
    assert controls.snap(0.37, 0.0, 0.05, 0.37) == 0.37  # a start off the grid: kept


@pytest.mark.parametrize("label", sorted(PANELS))
def test_every_start_value_is_on_its_sliders_grid(label):
    """The front end's slider snaps to its step grid: a start off it would be moved on display."""
    for n, c, v in _float_controls(PANELS[label]):
        k = (v - c.lo) / (c.step or (c.hi - c.lo) / 100)
        assert abs(k - round(k)) < 1e-6, f"{label}: {n} = {v} is off the grid of its slider"


@pytest.mark.parametrize("label", sorted(PANELS))
def test_a_front_ends_float_noise_neither_redraws_nor_changes_the_picture(label):
    """The slider in the browser sends back ``0.19999999999999996`` for ``0.2`` (noUiSlider steps
    in binary floats from its minimum): the panel draws nothing for such an echo, and a picture
    drawn at a noisy value is the one drawn at the clean value, so *Reset* (and moving a slider
    back) restores the first picture exactly.  Drawn as such, a one-ulp change of a value changes
    13-104 antialiased pixels of BO-5 and Gordon F4."""
    box = controls.LivePanel.from_spec(PANELS[label]).show()
    first, updates = bytes(box.image.value), box.live.stats["updates"]
    for n, _c, v in _float_controls(PANELS[label]):
        wd = box.controls[n]
        for noisy in (np.nextafter(v, -np.inf), np.nextafter(np.nextafter(v, np.inf), np.inf)):
            wd.value = float(noisy)
            assert box.live.stats["updates"] == updates, f"{label}: {n} = {noisy!r} redrew"
            assert bytes(box.image.value) == first, f"{label}: {n} = {noisy!r}"
        wd.value = v
    # a real move, then back by a noisy value, then Reset: the first picture each time
    n, c, v = next(iter(_float_controls(PANELS[label])))
    wd, step = box.controls[n], c.step or (c.hi - c.lo) / 100
    there = v + step if v + step <= wd.max else v - step
    wd.value = there
    wd.value = float(np.nextafter(v, -np.inf))
    assert bytes(box.image.value) == first, f"{label}: {n} moved back to a noisy {v}"
    wd.value = there
    box.reset.click()
    assert bytes(box.image.value) == first, f"{label}: Reset did not restore the first picture"
    plt.close(box.live.fig)


def test_live_panel_specs_name_real_controls():
    for spec in PANELS.values():
        for name in itertools.chain(spec.controls or (), spec.extras):
            controls.spec_for(name, spec.params, spec.extras)


# --- the guard on matplotlib's private names ------------------------------------------------------


def test_every_private_matplotlib_name_is_listed_documented_and_present():
    import inspect
    import re

    source = inspect.getsource(live)
    used = set(re.findall(r"\b(?:ax|axis|leg)\._([a-zA-Z]\w*)", source))
    listed = {name.lstrip("_") for _, name in live.PRIVATE_NAMES}
    assert used == listed, f"used but not listed: {used - listed}; listed but unused: {listed - used}"
    assert len(live.PRIVATE_NAMES) == 10
    for _, name in live.PRIVATE_NAMES:
        assert f"._{name.lstrip('_')}" in live.__doc__ or f"{name}" in live.__doc__, name
    assert live.missing_private_names() == []
    assert live.layered_redraw_available(refresh=True)


def test_matplotlib_is_pinned_alike_everywhere():
    import tomllib

    from .conftest import ROOT

    req = re.search(r"^matplotlib==(\S+)", (ROOT / "requirements-model.txt").read_text(), re.M).group(1)
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"matplotlib=={req}" in deps
    assert req == live.TESTED_MATPLOTLIB == matplotlib.__version__


@pytest.mark.parametrize("break_it", ["version", "private name"])
def test_unexpected_matplotlib_falls_back_to_full_redraws_with_one_warning(monkeypatch, break_it):
    monkeypatch.setattr(live, "_layered", None)
    if break_it == "version":
        monkeypatch.setattr(live, "TESTED_MATPLOTLIB", "0.0.0")
    else:
        # (deleting a name matplotlib itself uses would break every render, not only ours)
        monkeypatch.setattr(live, "PRIVATE_NAMES",
                            (*live.PRIVATE_NAMES, ("matplotlib.axis.Axis", "_gone_in_a_new_version")))
    with pytest.warns(RuntimeWarning, match="redraw in full") as caught:
        lf = live.LiveFigure(_two_panels, _P(1.0))
        other = live.LiveFigure(_stateful, _P(1.0))
    assert len(caught) == 1 and not lf.layered and not other.layered
    assert ("_gone_in_a_new_version" in str(caught[0].message)) == (break_it == "private name")
    for k in (2.0, 1.5, 30.0, 2.0):
        lf.update(_P(k))
        other.update(_P(k))
        for f, draw in ((lf, _two_panels), (other, _stateful)):
            fresh = live.LiveFigure(draw, _P(k), fit=f.margins)  # the same canvas
            assert np.array_equal(f.rgba(), fresh.rgba())
            plt.close(fresh.fig)
    assert lf.stats["frames"] == lf.stats["updates"] + 1 and lf.stats["cells"] == 0
    plt.close(lf.fig)
    plt.close(other.fig)
