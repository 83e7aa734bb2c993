"""Figures of the Baldwin-Okubo chapter: one function per figure, all drawn from :mod:`.model`.

Each ``fig_n(params, *, <extras>, ax=None) -> Figure`` can be driven by
:func:`lib.controls.panel` and :func:`lib.explorer.explorer`; the controls that
are not model parameters are declared once here (``PHI``, ``PHI0``, ...) and
grouped per figure in ``FIG*_EXTRAS``.  Every figure accepts ``ax``: one Axes for a
single-panel figure, a pair for the two-panel ones (Fig. 5, S1, S3).
"""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, MaxNLocator

from lib.contract import Explore, FigureSpec, figures
from lib.figures import COLORS, new_axes, nice_ceil
from lib.params import Control

from . import model

__all__ = ["PHI", "PHI_FIG3", "PHI0", "PHI1", "STAGE", "FIG1_EXTRAS", "FIG2_EXTRAS",
           "FIG3_EXTRAS", "FIG4_EXTRAS", "FIG5_EXTRAS", "FIGS3_EXTRAS", "PANEL_CONTROLS",
           "fig_1", "fig_2", "fig_3", "fig_4", "fig_5", "fig_s1", "fig_s2", "fig_s3", "FIGURES"]

#: The running variable and the pre/post pair of a trade opening.
PHI = Control(0.5, 0.0, 0.99, 0.01, "φ", doc="freeness of trade, φ = (1+t)^(1-σ)")
PHI_FIG3 = Control(0.3, 0.01, 0.95, 0.01, "φ", doc="freeness of trade just after opening")
PHI0 = Control(0.4, 0.01, 0.98, 0.01, "φ₀", doc="freeness of trade before the opening")
PHI1 = Control(0.55, 0.01, 0.98, 0.01, "φ₁", doc="freeness of trade after the opening")
STAGE = Control("final", label="stage", options=("final", "relocation stage"),
                doc="relocation-then-entry equilibrium, or relocation before any entry/exit")

FIG1_EXTRAS = {"phi": PHI}
FIG2_EXTRAS = {"phi0": PHI0, "phi1": PHI1}
FIG3_EXTRAS = {"phi": PHI_FIG3}
FIG4_EXTRAS = {"phi": PHI, "stage": STAGE}
FIG5_EXTRAS = {"phi0": PHI0, "phi1": PHI1}
FIGS3_EXTRAS = {"phi": PHI}
#: The parameter fields that get a slider in the live panels.
PANEL_CONTROLS = ["sigma", "kappa", "sE", "fI"]

_LOWER = "average unit input ã (lower = more productive)"


def _check_pair(phi0, phi1):
    model.check_phi(phi0, "phi0")
    model.check_phi(phi1, "phi1")
    if not phi1 > phi0:
        raise ValueError(f"phi1 = {phi1:g} must exceed phi0 = {phi0:g} (a trade opening)")


def _lean(ax, nbins=5):
    """At most ``nbins`` ticks per axis (the panels are small)."""
    ax.xaxis.set_major_locator(MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_locator(MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]))


def _title(ax, text):
    # above the a_R, a_X, a_D labels that _vline puts on top of the axes
    ax.set_title(text, y=1.06)


def _vline(ax, x, label, color, ls="-", text_y=0.97, **kw):
    # the line stops just under its label, so it never runs through it
    ax.axvline(x, color=color, lw=1, ls=ls, alpha=0.8, ymax=text_y - 0.01)
    ax.text(x, text_y, label, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
            fontsize=9, color=color, **kw)


# ---------------------------------------------------------------------------
# Figure 1: the two adjustment paths
# ---------------------------------------------------------------------------
def fig_1(params: model.Params, *, phi: float = 0.5, ax=None):
    """Fig. 1: the two polar adjustment paths from autarky, annotated at ``phi``.

    Horizontal axis: speed of entry/exit; vertical: speed of relocation.  Over
    then up is the HFT route (section 3.1); up then over the relocation-first
    ('NEG') route (section 3.2).  Corners carry the model's numbers at ``phi``.
    """
    phi = float(model.check_phi(phi))
    fig, ax = new_axes(ax, figsize=(6.5, 4.8), margins=dict(left=0.2, right=0.97, top=0.9))
    h = model.hft(params, phi)
    st = model.relocation_stage(params, phi)
    rl = model.relocation_equilibrium(params, phi)
    au = model.autarky(params)
    ax.set_xlim(-0.1, 1.22)
    ax.set_ylim(-0.1, 1.2)
    ax.grid(False)
    ax.set_xticks([0, 1], ["0", "instantaneous"])
    ax.set_yticks([0, 1], ["0", "instantaneous"])
    ax.set_xlabel("speed of entry/exit")
    ax.set_ylabel("speed of relocation")
    arrow = dict(arrowstyle="-|>", lw=2, shrinkA=9, shrinkB=9, mutation_scale=16)
    for (x0, y0), (x1, y1), col in [((0, 0), (1, 0), COLORS["north"]), ((1, 0), (1, 1), COLORS["north"]),
                                    ((0, 0), (0, 1), COLORS["south"]), ((0, 1), (1, 1), COLORS["south"])]:
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=dict(arrow, color=col))
    ax.plot([0, 1], [0, 1], "o", ms=16, mfc="white", mec="black", mew=1.5, zorder=5, ls="none")
    box = dict(boxstyle="round,pad=0.35", fc="white", ec="#bbbbbb", lw=0.8)
    # plain text, not mathtext: these strings change with every redraw
    ax.text(0.07, 0.07, f"autarky\na_D = {au['aD']:.3f}\nnʷ = {au['nw']:.3f}",
            fontsize=8.5, va="bottom", bbox=box)
    ax.text(0.95, 0.07,
            f"entry/exit first (HFT)\ns_n = {float(h.sn):.3f} > s_E = {params.sE:g}\n"
            f"a_R = 0: nobody relocates",
            fontsize=8.5, ha="right", va="bottom", color=COLORS["north"], bbox=box)
    phase = "XX" if phi < model.phi_P(params) else "DD"
    ax.text(0.07, 0.70,  # below the top-right box: both are wide at column width
            f"relocation first (NEG)\ns_n = s_E = {params.sE:g}, nʷ frozen\n"
            f"a_X = {float(st.aX):.3f} from (18)\na_R = {float(st.aR):.3f} ({phase} phase)",
            fontsize=8.5, va="top", color=COLORS["south"], bbox=box)
    ax.text(0.95, 0.93,
            f"end of both paths\na_D = {float(h.aD):.3f}, nʷ = {float(h.nw):.3f}\n"
            f"via HFT: a_R = 0, s_n = {float(h.sn):.3f}\n"
            f"via NEG: a_R = {float(rl.aR):.3f}, s_n = {params.sE:g}",
            fontsize=8.5, ha="right", va="top", bbox=box)
    ax.text(1.07, 0.0, "HFT", fontsize=12, fontweight="bold", va="center", color=COLORS["north"])
    ax.text(0.0, 1.08, "NEG", fontsize=12, fontweight="bold", ha="center", color=COLORS["south"])
    _title(ax, f"Two adjustment paths from autarky to trade (φ = {phi:g})")
    return fig


# ---------------------------------------------------------------------------
# Figure 2: HFT reweighting
# ---------------------------------------------------------------------------
def _step(ax, pieces, ls, color, label):
    xs, ys = [], []
    for lo, hi, w in pieces:
        xs += [lo, hi]
        ys += [w, w]
    xs += [xs[-1], 1.0]
    ys += [0.0, 0.0]
    ax.plot(xs, ys, ls=ls, color=color, label=label, drawstyle="default")


def _h_curve(ax, params, top, label="a^(κ+1−σ), rescaled: the term weighted"):
    """The weighted curve ``a**(kappa+1-sigma)``, rescaled to the axis top (no twin axis: cheaper)."""
    a = np.linspace(0, 1, 120)
    ax.plot(a, top * a ** params.c, color=COLORS["neutral"], lw=1.3, label=label)


def fig_2(params: model.Params, *, phi0: float = 0.4, phi1: float = 0.55, ax=None):
    """Fig. 2: HFT productivity as a reweighting of a fixed curve, before and after an opening.

    Step functions: the sales weights ``W_X`` on ``[0, a_X]`` and ``W_D`` on
    ``[a_X, a_D]`` at ``phi0`` (solid, 'pre') and ``phi1`` (dashed, 'post');
    grey: the weighted term ``a**(kappa+1-sigma)``, rescaled to the plot.
    """
    _check_pair(phi0, phi1)
    fig, ax = new_axes(ax)
    col = COLORS["north"]
    e0, e1 = model.hft(params, phi0), model.hft(params, phi1)
    for e, ph, ls, lab in [(e0, phi0, "-", "pre"), (e1, phi1, "--", "post")]:
        WX, WD = model.hft_weights(params, ph)
        _step(ax, [(0.0, float(e.aX), WX), (float(e.aX), float(e.aD), WD)], ls, col,
              f"Weights ({lab}), φ = {ph:g}")
    top = max(model.hft_weights(params, phi1)[0], model.hft_weights(params, phi0)[0])
    _h_curve(ax, params, 1.1 * top)
    ax.set_ylim(0, nice_ceil(1.25 * top))
    ax.set_xlim(0, 1)
    _vline(ax, float(e0.aX), "$a_X$", col)
    _vline(ax, float(e0.aD), "$a_D$", col)
    _vline(ax, float(e1.aX), "$a_X'$", col, ls="--", text_y=0.90)
    _vline(ax, float(e1.aD), "$a_D'$", col, ls="--", text_y=0.90)
    ax.set_xlabel("unit input coefficient a (firm's marginal cost; a₀ = 1)")
    ax.set_ylabel("sales weight W(a)")
    a0 = model.productivity(params, phi0, "north", "hft")
    a1 = model.productivity(params, phi1, "north", "hft")
    ax.legend(loc="upper right", bbox_to_anchor=(0.99, 0.86))
    _title(ax, f"North (big), HFT: ã falls from {a0:.4f} to {a1:.4f}")
    _lean(ax)
    return fig


# ---------------------------------------------------------------------------
# Figure 3: relocation gains
# ---------------------------------------------------------------------------
def fig_3(params: model.Params, *, phi: float = 0.3, ax=None):
    """Fig. 3: incipient gains from moving North, ``v_X`` (13) and ``v_D`` (14), in units of ``f``.

    Computed in the pre-relocation trade state (autarky firms, optimal export
    cut-offs, nobody moved).  The curves meet at the South's export cut-off ``a_X``.
    """
    phi = float(model.check_phi(phi, "phi"))
    if phi <= 0:
        raise ValueError("phi must be positive: with phi = 0 there is no trade and no gain from moving")
    fig, ax = new_axes(ax)
    st = model.pre_relocation(params, phi)
    aD = st.aD
    aXS = float(st.xS) * aD
    ax_lo = aXS * 1e-3
    aX_grid = np.geomspace(ax_lo, aXS, 200)
    aD_grid = np.linspace(aXS, aD, 100)
    vX, _ = model.relocation_gains(params, phi, aX_grid)
    _, vD = model.relocation_gains(params, phi, aD_grid)
    v_touch = float(vX[-1])
    ax.plot(aX_grid, vX, color=COLORS["north"], label="v_X: exporters (13)")
    ax.plot(aD_grid, vD, color=COLORS["south"], label="v_D: non-exporters (14)")
    ax.axhline(0, color="black", lw=0.8)
    ax.plot([aXS], [v_touch], "o", color="black", ms=5, zorder=5)
    lo = min(float(vD[-1]), 0.0)
    hi = max(4 * v_touch, 0.1 * (v_touch - lo))
    ax.set_ylim(lo - 0.08 * (hi - lo), hi)
    ax.set_xlim(0, aD * 1.1)
    _vline(ax, aXS, "$a_X$", COLORS["neutral"])
    _vline(ax, aD, "$a_D$", COLORS["neutral"])
    ax.set_xlabel("unit input coefficient a of a Southern firm")
    ax.set_ylabel("gain from moving North, v/f")
    ax.legend(loc="upper right", bbox_to_anchor=(0.99, 0.9))
    _title(ax, f"Relocation gains before anyone moves (φ = {phi:g}; B/B* = {float(st.b / st.bs):.3f})")
    _lean(ax)
    return fig


# ---------------------------------------------------------------------------
# Figure 4: where firms of each efficiency produce
# ---------------------------------------------------------------------------
def fig_4(params: model.Params, *, phi: float = 0.5, stage: str = "final", ax=None):
    """Fig. 4: densities of active firms over ``a``, North above and South below the axis.

    ``stage="final"``: the relocation-then-entry equilibrium; ``"relocation
    stage"``: relocation before entry/exit (``a_D = a_D^A``, ``a_X`` from (18)).
    Exporters (``a < a_X``) are shaded dark.
    """
    if stage not in STAGE.options:
        raise ValueError(f"stage must be one of {STAGE.options}, got {stage!r}")
    phi = float(model.check_phi(phi))
    e = model.equilibrium(params, phi, "relocation" if stage == "final" else "stage")
    fig, ax = new_axes(ax)
    s, kap = params.sE, params.kappa
    aD, aX, aR, nw = float(e.aD), float(e.aX), float(e.aR), float(e.nw)
    # grid with the kinks (a_R, a_X) included exactly, so each shaded piece is one polygon
    a = np.unique(np.concatenate([np.linspace(1e-9, aD, 120), [aR, aX, aD]]))
    a = a[(a > 0) & (a <= aD)]
    g = kap * a ** (kap - 1) / aD ** kap
    north = nw * (s + (1 - s) * (a < aR)) * g
    south = nw * (1 - s) * ((a >= aR) & (aR < aD)) * g  # empty South from phi_S on
    exp = a <= aX
    for dens, sign, col in [(north, 1, COLORS["north"]), (south, -1, COLORS["south"])]:
        ax.fill_between(a[~exp | (a == aX)], 0, sign * dens[~exp | (a == aX)], color=col,
                        alpha=0.35, lw=0)
        ax.fill_between(a[exp], 0, sign * dens[exp], color=col, alpha=0.8, lw=0)
        ax.plot(a, sign * dens, color=col, lw=1.2)
    own = nw * s * g
    ax.plot(a, own, color="white", lw=1.0, ls=":")  # the North's own firms
    ax.axhline(0, color="black", lw=0.8)
    # kappa < 1: the density is unbounded at a = 0; scale the plot on a >= 2% of a_D
    ymax = max(float(np.max(north[a >= 0.02 * aD])), 1e-12) * 1.2
    ax.set_ylim(-ymax, ymax)
    ax.set_xlim(0, 1)
    for x, lab in [(aR, "$a_R$"), (aX, "$a_X$"), (aD, "$a_D$")]:
        _vline(ax, x, lab, COLORS["neutral"], ls="--")
    ax.text(0.99, 0.9, "North (big)", transform=ax.transAxes, ha="right", color=COLORS["north"],
            fontweight="bold")
    ax.text(0.99, 0.06, "South (small)", transform=ax.transAxes, ha="right", color=COLORS["south"],
            fontweight="bold")
    # a key in one text box: it explains the shading, which has no legend handles
    ax.text(0.99, 0.5, "dark: exporters (a < a_X)\nlight: non-exporters\ndotted: North-born",
            transform=ax.transAxes, ha="right", va="center", multialignment="left", fontsize=8.5,
            color="#444444",
            bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="#cccccc", lw=0.6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.set_xlabel("unit input coefficient a")
    ax.set_ylabel("density of active firms (South mirrored)")
    what = "relocation then entry/exit" if stage == "final" else "relocation stage, no entry/exit yet"
    _title(ax, f"Where firms produce: {what}, φ = {phi:g} ({model.phase(params, phi)} phase)")
    _lean(ax)
    return fig


# ---------------------------------------------------------------------------
# Figure 5: productivity with relocation, North and South
# ---------------------------------------------------------------------------
def _weights(params, phi, nation):
    pieces = model.productivity_pieces(params, phi, nation)
    if not pieces:
        return []
    Z = sum(mm * (hi ** params.c - lo ** params.c) / params.c for lo, hi, mm in pieces)
    return [(lo, hi, mm / Z) for lo, hi, mm in pieces]


def _step_pieces(ax, pieces, ls, color, label):
    if not pieces:
        return
    xs, ys = [0.0], [0.0]
    for lo, hi, w in pieces:
        xs += [lo, lo, hi, hi]
        ys += [ys[-1], w, w, 0.0]
    xs.append(1.0)
    ys.append(0.0)
    ax.plot(xs, ys, ls=ls, color=color, label=label)


def fig_5(params: model.Params, *, phi0: float = 0.4, phi1: float = 0.55, ax=None):
    """Fig. 5: sales weights with free relocation, North (top) and South (bottom).

    Like Fig. 2, but over the firms *located* in each nation in the
    relocation-then-entry equilibrium: the North gains a block of weight on
    ``[0, a_R]``; the South loses all weight there.  Pre ``phi0`` solid, post
    ``phi1`` dashed.  The paper draws the XX phase (both below ``phi_P``).
    Two panels, so ``ax`` must be ``None``.
    """
    _check_pair(phi0, phi1)
    # stacked, not side by side: at the book's column width a wide pair shrinks its type
    fig, axes = new_axes(ax, nrows=2, figsize=(6.4, 7.6),
                         margins=dict(left=0.11, right=0.97, bottom=0.07, top=0.93, hspace=0.42))
    e0, e1 = model.relocation_equilibrium(params, phi0), model.relocation_equilibrium(params, phi1)
    for axis, nation, col, name in [(axes[0], "north", COLORS["north"], "North (big)"),
                                    (axes[1], "south", COLORS["south"], "South (small)")]:
        tops = []
        for ph, ls, lab in [(phi0, "-", f"pre, φ₀ = {phi0:g}"), (phi1, "--", f"post, φ₁ = {phi1:g}")]:
            w = _weights(params, ph, nation)
            tops += [x[2] for x in w]
            _step_pieces(axis, w, ls, col, lab)
        top = max(tops) if tops else 1.0
        _h_curve(axis, params, 1.15 * top, label="a^(κ+1−σ), rescaled")
        axis.set_xlim(0, 1)
        axis.set_ylim(0, nice_ceil(1.3 * top))
        for e, ls, prime, ty in [(e0, "-", "", 0.97), (e1, "--", "'", 0.90)]:
            for x, lab in [(float(e.aR), "a_R"), (float(e.aX), "a_X"), (float(e.aD), "a_D")]:
                _vline(axis, x, f"${lab}{prime}$", COLORS["neutral"], ls=ls, text_y=ty)
        axis.set_xlabel("unit input coefficient a")
        a_pre = model.productivity(params, phi0, nation)
        a_post = model.productivity(params, phi1, nation)
        if np.isnan(a_post):
            _title(axis, f"{name}: no firms left at φ₁")
        else:
            change = "falls" if a_post < a_pre else "rises"
            _title(axis, f"{name}: ã {change} {a_pre:.4f} → {a_post:.4f}")
        _lean(axis)
    for axis in axes:
        axis.set_ylabel("sales weight W(a)")
    # one legend for both panels; the phase in its title rather than a suptitle (a figure-level
    # text would make a live figure re-render every frame, see lib.live)
    ph = "both in the XX phase" if phi1 < model.phi_P(params) else (
        "φ₁ in the DD phase" if phi1 < model.phi_S(params) else "φ₁ beyond φ_S")
    axes[0].legend(loc="upper right", bbox_to_anchor=(0.99, 0.86), fontsize=8.5,
                   title=f"{ph} (φ_P = {model.phi_P(params):.3f})", title_fontsize=8.5)
    return fig


# ---------------------------------------------------------------------------
# Supplementary figures
# ---------------------------------------------------------------------------
def _regimes(ax, params, label=True):
    pP, pS = model.phi_P(params), model.phi_S(params)
    ax.axvspan(pS, 1, color=COLORS["shade"], alpha=0.35, lw=0)
    for x, lab in [(pP, "$\\phi_P$"), (pS, "$\\phi_S$")]:
        ax.axvline(x, color=COLORS["neutral"], lw=1, ls="--")
        if label:
            ax.text(x, 1.0, lab, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=9)
    if label:
        for x0, x1, lab in [(0, pP, "XX"), (pP, pS, "DD"), (pS, 1, "CP")]:
            ax.text((x0 + x1) / 2, 0.02, lab, transform=ax.get_xaxis_transform(), ha="center",
                    fontsize=8, color=COLORS["neutral"])


def _phi_grid(params, n=600):
    g = np.linspace(0, 0.995, n)
    return np.unique(np.concatenate([g, [model.phi_P(params), model.phi_S(params)]]))


def fig_s1(params: model.Params, *, ax=None):
    """S1: cut-offs ``a_D, a_X, a_R`` and the North's share of firms ``s_n`` against ``phi``."""
    fig, (a1, a2) = new_axes(ax, nrows=2, figsize=(6.4, 7.6),
                             margins=dict(left=0.11, right=0.97, bottom=0.07, top=0.93, hspace=0.42))
    phi = _phi_grid(params)
    e = model.relocation_equilibrium(params, phi)
    h = model.hft(params, phi)
    a1.plot(phi, e.aD, color=COLORS["north"], label="$a_D$ (9)/(22)")
    a1.plot(phi, e.aX, color=COLORS["world"], label="$a_X$")
    a1.plot(phi, e.aR, color=COLORS["south"], label="$a_R$ (17)/(20)")
    a1.set_xlabel("freeness of trade φ")
    a1.set_ylabel("cut-off")
    a1.set_xlim(0, 1)
    a1.set_ylim(0, None)
    _regimes(a1, params)
    a1.legend(loc="center left")
    _title(a1, "Relocation then entry: cut-offs")
    a2.plot(phi, e.sn_located, color=COLORS["south"], label="located in North, relocation")
    a2.plot(phi, h.sn, color=COLORS["north"], ls="--", label="$s_n$, HFT (9)")
    a2.axhline(params.sE, color=COLORS["neutral"], lw=1, label="$s_E$ (owned, relocation)")
    a2.set_xlabel("freeness of trade φ")
    a2.set_ylabel("North's share of active firms")
    a2.set_xlim(0, 1)
    _regimes(a2, params)
    a2.legend(loc="upper left")
    _title(a2, "Industry in the North")
    return fig


def fig_s2(params: model.Params, *, ax=None):
    """S2: average productivity (``atilde``) in the North and South with relocation, and under HFT."""
    fig, ax = new_axes(ax)
    phi = _phi_grid(params)
    ax.plot(phi, model.productivity(params, phi, "north"), color=COLORS["north"], label="North, relocation")
    ax.plot(phi, model.productivity(params, phi, "south"), color=COLORS["south"], label="South, relocation")
    ax.plot(phi, model.productivity(params, phi, "north", "hft"), color=COLORS["world"], ls="--",
            label="HFT (both nations)")
    ax.set_xlim(0, 1)
    ax.set_xlabel("freeness of trade φ")
    ax.set_ylabel(_LOWER)
    _regimes(ax, params)
    ax.legend(loc="upper left")
    _title(ax, "Average productivity (lower ã = more productive)")
    return fig


def fig_s3(params: model.Params, *, phi: float = 0.5, ax=None):
    """S3: South welfare against ``phi`` (both polar cases) and the conjectural metric (26) at ``phi``."""
    phi_now = float(model.check_phi(phi))
    fig, (a1, a2) = new_axes(ax, nrows=2, figsize=(6.4, 7.6),
                             margins=dict(left=0.12, right=0.97, bottom=0.07, top=0.93, hspace=0.42))
    grid = _phi_grid(params)
    a1.plot(grid, model.south_welfare(params, grid, "relocation"), color=COLORS["south"], lw=3,
            alpha=0.6, label="relocation then entry")
    a1.plot(grid, model.south_welfare(params, grid, "hft"), color=COLORS["north"], ls="--",
            label="HFT (no relocation)")
    a1.set_xlim(0, 1)
    a1.set_xlabel("freeness of trade φ")
    a1.set_ylabel("South welfare gain $W^* - W^*_A$ (μ = 1)")
    _regimes(a1, params)
    a1.legend(loc="upper left")
    _title(a1, "Result 6: South welfare rises with φ")
    if phi_now < model.phi_S(params):
        sn_hi = float(model.hft(params, phi_now).sn)
        sn = np.linspace(params.sE, sn_hi, 50)
        a2.plot(sn, np.log(model.welfare_metric(params, phi_now, sn)) / params.kappa,
                color=COLORS["highlight"])
        a2.axhline(0, color="black", lw=0.8)
        a2.set_xlabel("North's share of firms $s_n$ with relocation")
        a2.set_ylabel("$\\ln M/\\kappa$ (conjectural (26))")
        _title(a2, f"Result 7 metric at φ = {phi_now:g} [conjecture]")
    else:
        a2.text(0.5, 0.5, "φ ≥ φ_S: no firms left in the South", ha="center", transform=a2.transAxes)
        a2.set_axis_off()
    return fig


_PHI_GRID = np.round(np.linspace(0.05, 0.95, 19), 2)
_PHI1_GRID = np.round(np.linspace(0.45, 0.95, 11), 2)
_P = model.Params()  # the chapter's parameters (the brief's set A)
#: The caption's name of each running variable.
CAPTION = {"phi": "φ", "phi0": "φ₀", "phi1": "φ₁"}

#: The chapter's figures: static version, caption values, explorers and live panels
#: (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    *(FigureSpec(f"fig-bo-{n}", draw, _P, kwargs, {CAPTION[k]: v for k, v in kwargs.items()},
                 title=title, explore=[Explore({name: grid}, f"Figure {n} {where}")],
                 controls=PANEL_CONTROLS, extras=extras, live=True)
      for n, draw, kwargs, extras, title, (name, grid), where in [
          (1, fig_1, {"phi": 0.5}, FIG1_EXTRAS, "Two adjustment paths", ("phi", _PHI_GRID),
           "at other levels of trade freeness"),
          (2, fig_2, {"phi0": 0.4, "phi1": 0.55}, FIG2_EXTRAS, "HFT productivity weights",
           ("phi1", _PHI1_GRID), "for larger openings (φ₁)"),
          (3, fig_3, {"phi": 0.3}, FIG3_EXTRAS, "Gains from relocation", ("phi", _PHI_GRID),
           "at other levels of trade freeness"),
          (4, fig_4, {"phi": 0.5}, FIG4_EXTRAS, "Where firms produce", ("phi", _PHI_GRID),
           "from the XX phase to full agglomeration"),
          (5, fig_5, {"phi0": 0.4, "phi1": 0.55}, FIG5_EXTRAS, "Productivity with free relocation",
           ("phi1", _PHI1_GRID), "for larger openings (φ₁)")]),
    FigureSpec("fig-bo-s1", fig_s1, _P, title="Cut-offs and the North's share of firms"),
    FigureSpec("fig-bo-s2", fig_s2, _P, title="Productivity against φ"),
    FigureSpec("fig-bo-s3", fig_s3, _P, {"phi": 0.5}, {"φ": 0.5}, title="Welfare", extras=FIGS3_EXTRAS),
)
