"""Figure functions of lib/customs_unions: defaults, presets, control corners, messages not tracebacks."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest

from lib import customs_unions as cu
from lib.controls import safe_draw, specs

P3 = cu.ThreeCountryParams()
P2 = cu.TwoCountryParams()


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_fig_1_defaults_draws_areas():
    fig = cu.fig_1(P3)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Northern welfare")
    texts = " ".join(t.get_text() for t in ax.texts)
    for lab in ("III", "IV", "V", "ΔW_N"):
        assert lab in texts
    ar = cu.figure1_areas(P3)
    assert f"{ar.dW_N:.4f}" in texts
    # the demand curve passes through (s0, P0) and (s1, P1)
    line = next(ln for ln in ax.lines if ln.get_label() == "demand D(s)")
    x, y = line.get_data()
    assert np.interp(ar.s1, x, y) == pytest.approx(ar.P1, rel=1e-3)


def test_fig_1_accepts_ax():
    fig, ax = plt.subplots()
    assert cu.fig_1(P3, ax=ax) is fig


@pytest.mark.parametrize("name", cu.PRESET_CONTROL.options)
def test_fig_1_every_preset(name):
    fig, msg = safe_draw(cu.fig_1, P3, {"preset": name}, cu.FIG1_EXTRAS)
    assert msg is None and fig is not None
    if name != cu.NO_PRESET:
        assert name in fig.axes[0].get_title()


def test_fig_1_hatches_IV_when_it_is_a_gain():
    fig = cu.fig_1(P3, preset="ToT hurts A")
    assert cu.figure1_areas(cu.preset("ToT hurts A")).IV < 0
    hatched = [p for p in fig.axes[0].patches if p.get_hatch() == "//"]
    assert len(hatched) == 1
    # the hatch is drawn in the edge colour: an invisible edge ("none") hides it (issue #12, item 17)
    assert hatched[0].get_edgecolor()[3] > 0 and hatched[0].get_alpha() > 0
    # ... and it really shows: rendering with and without the hatch changes pixels inside IV
    import io

    def pixels(f):
        buf = io.BytesIO()
        f.savefig(buf, format="rgba", dpi=60)
        return np.frombuffer(buf.getvalue(), dtype=np.uint8)

    with_hatch = pixels(fig)
    hatched[0].set_hatch(None)
    assert np.count_nonzero(with_hatch != pixels(fig)) > 100
    plt.close(fig)
    # a positive IV (the defaults) is a loss: not hatched
    assert cu.figure1_areas(P3).IV > 0
    assert not any(p.get_hatch() for p in cu.fig_1(P3).axes[0].patches)
    plt.close("all")


def test_fig_1_control_corners_give_figure_or_message():
    """Every corner of the panel's slider box draws or returns a message naming a condition."""
    sp = specs(P3)
    n_msg = 0
    for combo in itertools.product(*[(sp[n].lo, sp[n].hi) for n in cu.FIG1_CONTROLS]):
        values = dict(zip(cu.FIG1_CONTROLS, combo, strict=True))
        fig, msg = safe_draw(cu.fig_1, P3, values, cu.FIG1_EXTRAS)
        assert (fig is None) != (msg is None)
        if msg is not None:
            n_msg += 1
            assert msg.startswith("Not admissible") and ("(20)" in msg or "interior" in msg), msg
        plt.close("all")
    assert n_msg > 0   # some corners are outside the interior region and say so


def test_bad_input_message_names_condition():
    fig, msg = safe_draw(cu.fig_1, P3, {"b": 0.5, "a": 0.5}, cu.FIG1_EXTRAS)
    assert fig is None and "(20)" in msg
    fig, msg = safe_draw(cu.fig_s1, P2, {"r": 1.5}, cu.S1_EXTRAS)
    assert fig is None and "(E1)" in msg
    fig, msg = safe_draw(cu.fig_s1, P2, {"t": 0.6, "theta_bar": 1.0, "A": 3.0}, cu.S1_EXTRAS)
    assert fig is None and "(E2)" in msg


def test_supplementary_defaults():
    f1 = cu.fig_s1(P2)
    assert len(f1.axes) == 3     # two panels and a twin axis
    f2 = cu.fig_s2(P3)
    assert len(f2.axes) == 2
    f3 = cu.fig_s3(P3)
    labels = [ln.get_label() for ln in f3.axes[0].lines]
    assert "ΔW_N without the link" in labels
    for f in (cu.fig_s1, cu.fig_s2, cu.fig_s3):
        with pytest.raises(ValueError):
            f(P2 if f is cu.fig_s1 else P3, ax=plt.gca())


@pytest.mark.parametrize("draw", [cu.fig_s2, cu.fig_s3])
def test_supplementary_presets_and_corners(draw):
    for name in cu.PRESET_CONTROL.options:
        fig, msg = safe_draw(draw, P3, {"preset": name}, cu.S23_EXTRAS)
        assert msg is None
        plt.close("all")
    sp = specs(P3)
    for n in cu.S23_CONTROLS:
        for v in (sp[n].lo, sp[n].hi):
            fig, msg = safe_draw(draw, P3, {n: v}, cu.S23_EXTRAS)
            assert (fig is None) != (msg is None)
            if msg:
                assert "(20)" in msg or "interior" in msg, msg
            plt.close("all")


def test_fig_s1_corners():
    sp = specs(P2)
    for n in sp:
        for v in (sp[n].lo, sp[n].hi):
            fig, msg = safe_draw(cu.fig_s1, P2, {n: v}, cu.S1_EXTRAS)
            assert (fig is None) != (msg is None)
            if msg:
                assert "(E1)" in msg or "(E2)" in msg, msg
            plt.close("all")
    for v in (0.1, 1.0):
        fig, msg = safe_draw(cu.fig_s1, P2, {"tau_max": v}, cu.S1_EXTRAS)
        assert msg is None
