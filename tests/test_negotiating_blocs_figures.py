"""Schiff (2014): every figure draws at the defaults and explains itself at the control corners."""

from __future__ import annotations

import itertools
from dataclasses import replace

import matplotlib.pyplot as plt
import pytest

from lib.controls import safe_draw, specs
from lib.negotiating_blocs import (
    FIG1_CONTROLS,
    FIG1_EXTRAS,
    Params,
    fig_1,
    fig_s1,
    fig_s2,
    fig_s3,
    fig_s4,
    fig_s5,
)
from lib.negotiating_blocs import model as m

P0 = Params()


@pytest.mark.parametrize("draw", [fig_1, fig_s1, fig_s2, fig_s3, fig_s4, fig_s5])
def test_figures_draw_at_defaults(draw):
    fig = draw(P0)
    assert fig.axes and all(ax.has_data() for ax in fig.axes if ax.get_visible())
    plt.close(fig)


def test_fig1_has_every_curve_point_and_area():
    fig = fig_1(P0)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    for name in ("0", "A", "D", "C", "E", "G", "F", "J", "I", "H", "A′", "D′", "C′", "E′", "J′", "I′", "N"):
        assert name in labels, name
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sum(("B" in s and "marginal" not in s) for s in legend[:6]) == 4  # four average curves
    assert sum("marginal" in s for s in legend) == 2  # two marginal curves (footnote 9)
    for area in ("C0AD", "F0EG", "EAD", "C′D′A′ADC", "D′A′E′"):
        assert any(s.startswith(area) for s in legend), area
    s = m.solve(P0)
    values = [t for t in labels if "C0AD = Vᴱ =" in t]  # the legend names, a text block gives values
    assert len(values) == 1 and f"C0AD = Vᴱ = {s.VE:.3f}" in values[0]
    for area in ("F0EG", "EAD", "C′D′A′ADC", "D′A′E′", "C′0A′D′", "G̃* − G̃ᴱ"):
        assert area in values[0], area
    plt.close(fig)


def test_fig1_toggles_and_extras():
    for values in itertools.product([True, False], repeat=len(FIG1_EXTRAS)):
        fig, msg = safe_draw(fig_1, P0, dict(zip(FIG1_EXTRAS, values, strict=True)), FIG1_EXTRAS)
        assert msg is None, msg
        plt.close(fig)


@pytest.mark.parametrize("name", FIG1_CONTROLS)
def test_fig1_at_control_corners(name):
    """At each end of each control: a figure or a 'Not admissible' message, never a crash."""
    spec = specs(P0)[name]
    values = spec.options if spec.options else (spec.lo, spec.hi)
    for v in values:
        fig, msg = safe_draw(fig_1, P0, {name: v}, FIG1_EXTRAS)
        assert (fig is None) != (msg is None)
        if msg is not None:
            assert msg.startswith("Not admissible:"), msg
        else:
            plt.close(fig)


def test_fig1_reports_missing_migration_in_figure():
    fn7 = replace(P0, gamma0=0.0, gamma1=1.0)  # footnote 7: Section II fine, Section III a corner
    m.solve_static(fn7)
    with pytest.raises(ValueError, match="corner"):
        m.solve(fn7)
    Q = fn7
    fig = fig_1(Q)
    assert any("Migration curves not drawn" in t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)


@pytest.mark.parametrize("draw", [fig_s1, fig_s2, fig_s3, fig_s4, fig_s5])
def test_supplementary_at_corners(draw):
    for changes in ({"alpha": 0.05}, {"alpha": 1.0}, {"x": 12.0}, {"c": 0.1}, {"c": 12.0},
                    {"gamma0": 0.3}, {"spec": "uniform", "c": 30.0}):
        fig, msg = safe_draw(draw, P0, changes)
        assert msg is None or msg.startswith("Not admissible:"), (changes, msg)
        if fig is not None:
            plt.close(fig)


def test_fig1_flags_zero_migration():
    """Between c̄^E and c̄* only the fee regime migrates: the figure says so."""
    fig = fig_1(replace(P0, c=8.0))
    assert any("no migration pays in regime E" in t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)
