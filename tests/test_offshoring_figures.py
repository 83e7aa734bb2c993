"""Baldwin & Okubo figures: each draws with defaults, at the corners of its controls, and says
what is wrong (never a traceback) where the model rejects the values."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from lib import offshoring as bo
from lib.controls import safe_draw, specs

P0 = bo.Params()

FIGURES = {
    "fig_1": (bo.fig_1, bo.FIG1_EXTRAS),
    "fig_2": (bo.fig_2, bo.FIG2_EXTRAS),
    "fig_3": (bo.fig_3, bo.FIG3_EXTRAS),
    "fig_4": (bo.fig_4, bo.FIG4_EXTRAS),
    "fig_5": (bo.fig_5, bo.FIG5_EXTRAS),
    "fig_s1": (bo.fig_s1, {}),
    "fig_s2": (bo.fig_s2, {}),
    "fig_s3": (bo.fig_s3, bo.FIGS3_EXTRAS),
}

# The conditions a rejection message may name (Params.__post_init__ and the figure checks).
CONDITIONS = ("regularity condition", "(beta-1)*fI < f", "1/2 < sE < 1", "0 <= phi", "phi1",
              "phi must be positive")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", FIGURES)
def test_draws_with_defaults(name):
    draw, extras = FIGURES[name]
    fig = draw(P0)
    assert isinstance(fig, Figure) and fig.axes


def _corners(extras):
    field = specs(P0)
    names = list(bo.PANEL_CONTROLS)
    ranges = [(field[n].lo, field[n].hi) for n in names]
    for k, c in extras.items():
        if c.kind == "float":
            names.append(k)
            ranges.append((c.lo, c.hi))
    for combo in itertools.product(*ranges):
        yield dict(zip(names, combo, strict=True))


@pytest.mark.parametrize("name", ["fig_1", "fig_2", "fig_3", "fig_4", "fig_5"])
def test_corners_draw_or_name_the_condition(name):
    draw, extras = FIGURES[name]
    drawn = 0
    for values in _corners(extras):
        fig, msg = safe_draw(draw, P0, values, extras)
        if fig is None:
            assert msg.startswith("Not admissible:"), (values, msg)
            assert any(c in msg for c in CONDITIONS), (values, msg)
        else:
            drawn += 1
            for ax in fig.axes:  # nothing silently NaN in what is drawn
                for line in ax.get_lines():
                    y = np.asarray(line.get_ydata(), dtype=float)
                    assert np.all(np.isfinite(y)), (values, line.get_label())
            plt.close(fig)
    assert drawn > 0


@pytest.mark.parametrize("name", ["fig_s1", "fig_s2", "fig_s3"])
def test_supplementary_at_admissible_corners(name):
    draw, extras = FIGURES[name]
    for values in [dict(sigma=1.2, kappa=12.0, fI=0.01), dict(sigma=8.0, kappa=12.0, sE=0.95),
                   dict(sigma=1.2, kappa=0.25, sE=0.51, fI=3.9)]:
        fig, msg = safe_draw(draw, P0, values, extras)
        assert fig is not None, (values, msg)
        plt.close(fig)


def test_default_corner_message_names_the_entry_condition():
    fig, msg = safe_draw(bo.fig_1, P0, {"kappa": 4.0}, bo.FIG1_EXTRAS)  # beta = 4, 3*0.5 > 1
    assert fig is None and "(beta-1)*fI < f" in msg and "lower fI" in msg


def test_pre_post_order_is_checked():
    fig, msg = safe_draw(bo.fig_2, P0, {"phi0": 0.6, "phi1": 0.5}, bo.FIG2_EXTRAS)
    assert fig is None and "phi1" in msg
    fig, msg = safe_draw(bo.fig_5, P0, {"phi0": 0.6, "phi1": 0.6}, bo.FIG5_EXTRAS)
    assert fig is None and "phi1" in msg


def test_fig_3_curves_touch_at_the_export_cutoff():
    fig = bo.fig_3(P0, phi=0.3)
    ax = fig.axes[0]
    vX, vD = ax.get_lines()[0], ax.get_lines()[1]
    assert np.isclose(vX.get_xdata()[-1], vD.get_xdata()[0])
    assert np.isclose(vX.get_ydata()[-1], vD.get_ydata()[0], rtol=1e-10)
    assert np.all(np.diff(vX.get_ydata()) < 0) and np.all(np.diff(vD.get_ydata()) < 0)


def test_fig_2_weights_pivot_clockwise():
    fig = bo.fig_2(P0, phi0=0.4, phi1=0.55)
    pre, post = fig.axes[0].get_lines()[:2]
    # (x, y) of the steps: W_X up, W_D down after the opening
    assert post.get_ydata()[0] > pre.get_ydata()[0]
    assert post.get_ydata()[2] < pre.get_ydata()[2]


def test_fig_4_stage_toggle_and_bad_stage():
    assert isinstance(bo.fig_4(P0, phi=0.5, stage="relocation stage"), Figure)
    with pytest.raises(ValueError, match="stage"):
        bo.fig_4(P0, stage="later")


def test_fig_4_and_5_beyond_sustain_point():
    assert isinstance(bo.fig_4(P0, phi=0.95), Figure)  # South empty
    assert isinstance(bo.fig_5(P0, phi0=0.7, phi1=0.95), Figure)


def test_two_panel_figures_need_two_axes():
    fig, ax = plt.subplots()
    fig2, pair = plt.subplots(1, 2)
    for draw in (bo.fig_5, bo.fig_s1, bo.fig_s3):
        with pytest.raises(ValueError, match="draws 2 panels"):
            draw(P0, ax=ax)
        assert draw(P0, ax=pair) is fig2
        for a in pair:
            a.clear()
    plt.close("all")


def test_single_panel_figures_draw_into_a_given_axes():
    fig, ax = plt.subplots()
    for draw in (bo.fig_1, bo.fig_2, bo.fig_3, bo.fig_4, bo.fig_s2):
        assert draw(P0, ax=ax) is fig
