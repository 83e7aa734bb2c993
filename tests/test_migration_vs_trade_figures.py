"""Gordon chapter figures: every data figure (:mod:`lib.migration_vs_trade.charts`) shows exactly
its CSV rows; every illustration (:mod:`lib.migration_vs_trade.figures`) draws at its defaults and
at the corners of its controls (or explains why not)."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from lib.controls import safe_draw, specs  # noqa: E402
from lib.migration_vs_trade import charts as D  # noqa: E402
from lib.migration_vs_trade import figures as F  # noqa: E402
from lib.migration_vs_trade import model as m  # noqa: E402
from lib.migration_vs_trade.data import DATA_ROWS, load_claims  # noqa: E402
from lib.registry import collect  # noqa: E402

C = load_claims()


def _texts(fig):
    out = []
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts] + [ax.get_title()]
    return " ".join(out + [t.get_text() for t in fig.texts])


def _bar_heights(ax):
    return [p.get_height() for p in ax.patches if isinstance(p, Rectangle) and p.get_width() < 5]


def teardown_function(_):
    plt.close("all")


def test_every_data_row_exists():
    for fig_id, ids in DATA_ROWS.items():
        for q in ids:
            assert q in C, (fig_id, q)


def test_d1_values_and_no_fitted_curve():
    fig = D.fig_d1()
    ax = fig.axes[0]
    ys = sorted(y for line in ax.lines if line.get_marker() in ("o", "s") for y in line.get_ydata())
    assert ys == sorted([C["Q04"].value, C["Q05"].value, C["Q07"].value])
    xs = sorted(x for line in ax.lines if line.get_marker() in ("o", "s") for x in line.get_xdata())
    assert xs == [1990, 2000, 2008]
    # only straight guides between the reported points: no curve with more than 2 vertices
    assert all(len(line.get_xdata()) <= 2 for line in ax.lines)
    txt = _texts(fig)
    assert "1994" not in txt and "NAFTA signed" in txt and "500k" in txt and "400k" in txt


def test_d3_values_and_bounds():
    ax = D.fig_d3().axes[0]
    xs = sorted({float(x) for line in ax.lines for x in line.get_xdata()})
    assert xs == sorted(C[q].value for q in ("Q35", "Q36", "Q25", "Q69", "Q71"))
    open_markers = [line for line in ax.lines if line.get_markerfacecolor() == "white"]
    assert len(open_markers) == sum(C[q].bound == "lower" for q in ("Q35", "Q36", "Q25", "Q69", "Q71"))


def test_d4_values():
    fig = D.fig_d4()
    a, b, d = fig.axes[:3]
    hs = _bar_heights(a)
    assert hs == [C[q].value for q in ("Q26", "Q28", "Q30", "Q27", "Q29", "Q31")]
    assert _bar_heights(b) == [C[q].value for q in ("Q41", "Q42", "Q43", "Q74", "Q19")]
    widths = [p.get_width() for p in d.patches if isinstance(p, Rectangle)]
    assert widths == [C[q].value for q in ("Q72", "Q73", "Q77", "Q74")]
    assert "(2010)" in _texts(fig) and "Gulf" in _texts(fig)


def test_d5_values_and_52bn_not_a_bar():
    fig = D.fig_d5()
    hs = _bar_heights(fig.axes[0])
    assert hs == [C["Q12"].value, C["Q14"].value, C["Q81"].value]
    assert C["Q11"].value not in hs
    txt = _texts(fig)
    assert "$52bn" in txt and "not a level" in txt and "104" not in txt


def test_d6_values_and_no_computed_12():
    fig = D.fig_d6()
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches if isinstance(p, Rectangle)]
    lo, hi = C["Q85"].value, C["Q86"].value
    assert widths == [C["Q88"].value, C["Q87"].value, lo, hi - lo, C["Q90"].value]
    assert all(12 not in line.get_xdata() for line in ax.lines)
    assert "more than twice" in _texts(fig)


def test_d2_and_d7_cite_csv_values():
    txt = _texts(D.fig_d2())
    for q in ("Q22", "Q25", "Q35", "Q37", "Q69", "Q71", "Q63", "Q64", "Q65"):
        v = C[q].value
        assert (f"{v:,.0f}" if v.is_integer() else f"{v:g}") in txt, q
    txt = _texts(D.fig_d7())
    for cid, _, _ in D._D7:
        assert str(int(C[cid].value if C[cid].unit.startswith("year") else 2004)) in txt, cid


@pytest.mark.parametrize("name", ["d1", "d2", "d3", "d4", "d5", "d6", "d7"])
def test_data_figures_draw(name):
    fig = getattr(D, f"fig_{name}")()
    assert fig.axes


def test_charts_and_model_figures_are_declared_once():
    """The essay's charts live in ``charts``, the book's model figures in ``figures``; the one
    ``FIGURES`` declares all eleven, and the package reaches each by its name (issue #17)."""
    import lib.migration_vs_trade as g

    draws = {label: spec.draw for label, spec in F.FIGURES.items()}
    assert sorted(draws) == sorted([f"fig-gordon-d{n}" for n in range(1, 8)]
                                   + [f"fig-gordon-f{n}" for n in range(1, 5)])
    for label, draw in draws.items():
        kind = label.rsplit("-", 1)[1]
        assert draw.__module__ == (D.__name__ if kind.startswith("d") else F.__name__), label
        assert getattr(g, draw.__name__) is draw


ILLUSTRATIONS = {
    "f1": (F.fig_f1, m.HOSParams(), {}),
    "f2": (F.fig_f2, m.TechParams(), F.F2_EXTRAS),
    "f3": (F.fig_f3, m.GainsParams(), {}),
    "f4": (F.fig_f4, m.BargainParams(), F.F4_EXTRAS),
}


@pytest.mark.parametrize("name", list(ILLUSTRATIONS))
def test_illustrations_draw_at_defaults(name):
    draw, P, extras = ILLUSTRATIONS[name]
    fig, msg = safe_draw(draw, P, {}, extras)
    assert msg is None and fig is not None


@pytest.mark.parametrize("name", list(ILLUSTRATIONS))
def test_illustrations_at_control_corners(name):
    """Each control alone at each end of its range: a figure or a clear message, never a crash."""
    draw, P, extras = ILLUSTRATIONS[name]
    sp = {k: v for k, v in specs(P).items() if v.kind in ("float", "int")}
    for field, spec in sp.items():
        for val in (spec.lo, spec.hi):
            fig, msg = safe_draw(draw, P, {field: val}, extras)
            assert (fig is None) != (msg is None)
            if msg is not None:
                assert msg.startswith("Not admissible"), (field, val, msg)
            plt.close("all")


def test_illustrations_joint_corners():
    # F3: all sliders at once at their corners (32 combinations over the main five)
    P = m.GainsParams()
    keys = ["m", "rho", "a", "c", "phi"]
    sp = specs(P)
    for combo in itertools.product(*[(sp[k].lo, sp[k].hi) for k in keys]):
        fig, msg = safe_draw(F.fig_f3, P, dict(zip(keys, combo, strict=True)))
        assert fig is not None or msg.startswith("Not admissible")
        plt.close("all")
    fig, msg = safe_draw(F.fig_f3, P, {"m": 0.5, "LO_ratio": 0.5})
    assert fig is None and "fewer than the origin" in msg
    # F4: every preset, and with switches at their extremes
    for preset in F.F4_EXTRAS["preset"].options:
        for eps in (0.0, 2.0):
            fig, msg = safe_draw(F.fig_f4, m.BargainParams(), {"preset": preset, "eps": eps}, F.F4_EXTRAS)
            assert msg is None, msg
            plt.close("all")
    # F2: both endowment presets, both edges, both ends of τ
    for endow, edge, tau in itertools.product(F.F2_EXTRAS["endowments"].options, ("X", "Y"), (1.0, 4.0)):
        fig, msg = safe_draw(F.fig_f2, m.TechParams(), {"endowments": endow, "edge": edge, "tau": tau},
                             F.F2_EXTRAS)
        assert msg is None, msg
        plt.close("all")
    # F1: the four corners of the endowment box
    for kh, lh in itertools.product((10.0, 290.0), (10.0, 290.0)):
        fig, msg = safe_draw(F.fig_f1, m.HOSParams(), {"K_H": kh, "L_H": lh})
        assert msg is None, msg
        plt.close("all")


def test_f1_title_tracks_the_cone():
    assert "FPE holds" in F.fig_f1(m.HOSParams()).axes[0].get_title()
    assert "FPE fails" in F.fig_f1(m.HOSParams(K_H=290.0, L_H=10.0)).axes[0].get_title()


def test_f4_panel_reports_deal():
    assert "NO DEAL" in F.fig_f4(m.BargainParams()).axes[1].get_title()
    assert "DEAL" in F.fig_f4(m.BargainParams(), preset="Trade").axes[1].get_title()
    assert "NO DEAL" not in F.fig_f4(m.BargainParams(), preset="Trade").axes[1].get_title()


def test_multi_panel_figures_draw_into_given_axes_and_check_their_number():
    fig, axs = plt.subplots(1, 2)
    assert F.fig_f1(m.HOSParams(), ax=axs) is fig
    assert axs[1].get_title().startswith("(b)")
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="draws 2 panels"):
        F.fig_f1(m.HOSParams(), ax=ax)
    _, axs = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="draws 3 panels"):
        F.fig_f3(m.GainsParams(), ax=axs)
    plt.close("all")


def test_registry_items():
    items = collect(["gordon"])
    ids = [it.id for it in items]
    assert ids[:13] == ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "F1", "F2", "F3", "F4", "T1", "T2"]
    assert [i for i in ids if i.startswith(("P", "C"))] == [f"P{i}" for i in range(21)] + ["C1", "C2", "C3"]
    import tests.test_migration_vs_trade as tm
    for it in items:
        if not it.is_figure_label:
            path, func = it.ours.split("::")
            assert path == "tests/test_migration_vs_trade.py" and hasattr(tm, func), it.ours
        else:
            assert it.ours in {f"fig-gordon-d{i}" for i in range(1, 8)} | {f"fig-gordon-f{i}" for i in range(1, 5)}
    assert np.all([it.kind in ("chart", "illustration", "claim") for it in items])
    assert all(it.status == "illustration" and it.is_book_own for it in items[:13])
