"""Figures of the Fernández-Arias & Spiegel chapter: one function per figure.

``fig_1`` rebuilds the paper's Figure 1 (the Northern partner's welfare
diagram; the original is lost from the OCR copy and is reconstructed from the
text).  ``fig_s1`` … ``fig_s3`` are supplementary (not in the paper).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from lib.contract import Explore, FigureSpec, figures
from lib.figures import COLORS, new_axes
from lib.params import Control, as_real

from .model import (
    PRESETS,
    TAU_MAX,
    ThreeCountryParams,
    TwoCountryParams,
    country_supply,
    demand,
    figure1_areas,
    three_country,
    two_country,
)
from .model import (
    preset as preset_params,
)

NO_PRESET = "(sliders)"

#: Dropdown of the brief's presets: each shows one of the paper's ambiguities.
PRESET_CONTROL = Control(NO_PRESET, label="preset", doc="a preset replaces every slider value",
                         options=(NO_PRESET, *PRESETS))

#: Non-field controls of :func:`fig_1`.
FIG1_EXTRAS = {
    "preset": PRESET_CONTROL,
    "show_supply": Control(True, label="show supply curves", doc="aggregate Southern supply before and after"),
}
#: The dataclass fields the Figure-1 panel exposes.
FIG1_CONTROLS = ["T", "a", "b", "theta_bar_A", "theta_bar_B", "eps"]

#: Non-field controls of the supplementary three-country figures.
S23_EXTRAS = {"preset": PRESET_CONTROL}
S23_CONTROLS = ["T", "a", "b", "theta_bar_A", "theta_bar_B", "eps", "sA_s", "sB_s"]

#: Non-field controls of :func:`fig_s1`.
S1_EXTRAS = {"tau_max": Control(0.5, 0.1, 1.0, 0.05, "τ range", doc="right end of the τ axis")}


def _resolve(params: ThreeCountryParams, preset: str) -> tuple[ThreeCountryParams, str]:
    if preset in (None, NO_PRESET):
        return params, ""
    return preset_params(preset), f" — preset “{preset}”"


def fig_1(params: ThreeCountryParams, *, preset: str = NO_PRESET, show_supply: bool = True, ax=None):
    """Figure 1: the Northern partner's welfare change from a full accord (τ: 0 → T).

    Demand D(s), aggregate Southern supply before and after the accord against
    the consumer price, the consumer prices P0 and P1, the producer prices
    P0/(1+T) and P1/(1+T), and the areas III (trade-distortion relief, gain), V
    (price cut on B's tariff-paying imports, gain) and IV (tariff revenue lost on
    the imports that become duty-free, net of the price cut, a loss); ΔW_N =
    III + V − IV (§3.4.1).  The light grey rectangle I+II (our label) is a pure
    transfer from tariff revenue to consumers.

    Parameters
    ----------
    params : ThreeCountryParams
    preset : str
        One of :data:`PRESET_CONTROL`'s options; a named preset replaces ``params``.
    show_supply : bool
        Draw the aggregate supply curves S₀(q) and S_T(q).
    ax : matplotlib Axes, optional
    """
    pr, tag = _resolve(params, preset)
    ar = figure1_areas(pr)
    fig, ax = new_axes(ax, figsize=(6.6, 4.8) if ax is None else None)
    T = pr.T
    s_max = 1.45 * ar.s1
    span = ar.P0 - min(ar.p1, ar.P1)
    y_top = ar.P0 + 0.9 * span
    y_bot = max(0.0, min(ar.p1, ar.P1) - 0.6 * span)
    s = np.linspace(0.02 * s_max, s_max, 200)
    # I+II: the transfer rectangle (drawn first, lightest)
    ax.add_patch(_rect(0, ar.P1, ar.s0, ar.P0 - ar.P1, "#e3e3e3", zorder=0))
    # III: between demand and P1 on [s0, s1]
    xs = np.linspace(ar.s0, ar.s1, 100)
    ax.fill_between(xs, ar.P1, demand(pr, xs), color=COLORS["world"], alpha=0.45, lw=0, zorder=1)
    # V: [0, sB1] x [p1, p0]
    ax.add_patch(_rect(0, ar.p1, ar.sB1, ar.p0 - ar.p1, COLORS["shade"], zorder=1))
    # IV: [sB1, s0] x [p0, P1] (hatched when it is a gain)
    iv = _rect(ar.sB1, min(ar.p0, ar.P1), ar.s0 - ar.sB1, abs(ar.P1 - ar.p0), COLORS["south"], zorder=1,
               alpha=0.35)
    if ar.IV < 0:  # a gain: hatched, outlined and above I+II, which it overlaps (hatches use the edge colour)
        iv.set(hatch="//", edgecolor=COLORS["south"], linewidth=1.2, alpha=0.6, zorder=1.5)
    ax.add_patch(iv)
    ax.plot(s, demand(pr, s), color="black", lw=2, label="demand D(s)", zorder=3)
    if show_supply:
        q = np.linspace(y_bot, y_top, 300)
        for tau, style, lab in ((0.0, "--", "Southern supply, τ = 0"), (T, "-", "Southern supply, τ = T")):
            KA, KB = country_supply(pr, q / (1 + T), tau)
            sq = pr.sA_s + pr.sB_s + pr.a * KA + pr.b * KB
            sq = np.where(np.isfinite(sq) & (sq <= s_max), sq, np.nan)
            ax.plot(sq, q, style, color=COLORS["south"], lw=1.4, label=lab, zorder=2)
    for y, c in ((ar.P0, COLORS["north"]), (ar.P1, COLORS["north"]), (ar.p0, COLORS["neutral"]),
                 (ar.p1, COLORS["neutral"])):
        ax.axhline(y, color=c, lw=0.9, ls="-" if c == COLORS["north"] else ":", zorder=2)
    for x in (ar.sB1, ar.s0, ar.s1):
        ax.axvline(x, color=COLORS["neutral"], lw=0.8, ls=":", zorder=2)
    # textbook-style axes: ticks only at the diagram's prices and quantities
    ax.set_yticks([ar.p1, ar.p0, ar.P1, ar.P0], ["P₁/(1+T)", "P₀/(1+T)", "P₁", "P₀"], fontsize=8)
    ax.set_xticks([ar.sB1, ar.s0, ar.s1], ["sᴮ₁", "s₀", "s₁"], fontsize=8)
    ax.grid(False)
    xl, yl = ax.get_xticklabels(), ax.get_yticklabels()
    xl[1].set_horizontalalignment("right")      # s₀ and s₁ can be close: push the labels apart
    xl[2].set_horizontalalignment("left")
    for lab, va in zip(yl, ("top", "bottom", "top", "bottom"), strict=True):
        lab.set_verticalalignment(va)
    # area labels
    ax.text(0.5 * (ar.s0 + ar.s1), ar.P1 + 0.25 * (float(demand(pr, ar.s0)) - ar.P1), "III",
            ha="center", va="center", fontsize=10, weight="bold", zorder=4)
    ax.text(0.5 * ar.sB1, 0.5 * (ar.p0 + ar.p1), "V", ha="center", va="center", fontsize=10,
            weight="bold", zorder=4)
    ax.text(0.5 * (ar.sB1 + ar.s0), 0.5 * (ar.p0 + ar.P1), "IV", ha="center", va="center", fontsize=10,
            weight="bold", zorder=4)
    ax.text(0.5 * ar.s0, 0.5 * (ar.P0 + max(ar.P1, ar.p0)), "I+II", ha="center", va="center", fontsize=8,
            color=COLORS["neutral"], zorder=4)
    box = (f"III = {ar.III:.4f}\nIV = {ar.IV:.4f}\nV = {ar.V:.4f}\n"
           f"ΔW_N = III + V − IV = {ar.dW_N:.4f}")
    ax.text(0.98, 0.97, box, transform=ax.transAxes, ha="right", va="top", fontsize=8.5,
            bbox=dict(boxstyle="round", fc="white", ec="#bbbbbb"), zorder=5)
    ax.set_xlim(0, s_max)
    ax.set_ylim(y_bot, y_top)
    ax.set_xlabel("imports of the good, s")
    ax.set_ylabel("price")
    ax.set_title(f"Northern welfare from a full accord (τ: 0 → T = {T:g}){tag}", fontsize=10)
    ax.legend(loc="lower left", fontsize=8)
    return fig


def _compact(fig, hspace=0.45):
    """Fixed margins for the two-panel figures (``tight_layout`` would move the axes on every redraw).

    The panels are stacked, not side by side: at the book's column width a wide pair shrinks its type.
    """
    fig.subplots_adjust(left=0.13, right=0.87, bottom=0.08, top=0.94, hspace=hspace)
    for ax in fig.axes:
        ax.locator_params(nbins=5)


def _rect(x, y, w, h, color, zorder=1, alpha=0.6):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=color, edgecolor="none", alpha=alpha, zorder=zorder)


def fig_s1(params: TwoCountryParams, *, tau_max: float = 0.5, ax=None):
    """Supplementary: the two-country equilibrium K, θ, Ω* against τ, and the two channels of (9).

    Top: K(τ) (left axis), equilibrium θ(τ) and Ω*(τ) (right axis).  Bottom:
    dK/dτ stacked into the terms-of-trade channel (θ/(1+τ))/(−∂θ/∂K) and the
    credibility channel (∂θ/∂τ)/(−∂θ/∂K).  Two panels: ``ax``, if given, is a pair of axes.
    """
    tau_max = as_real(tau_max, "tau_max")
    if not 0 < tau_max <= TAU_MAX:
        raise ValueError(f"tau_max = {tau_max:g} must satisfy 0 < tau_max <= {TAU_MAX:g} (right end "
                         "of the τ axis)")
    tau = np.linspace(0.0, tau_max, 121)
    eq = two_country(params, tau)
    fig, (a1, a2) = new_axes(ax, nrows=2, figsize=(6.4, 7.4))
    a1.plot(tau, eq.K, color=COLORS["north"], label="K (left axis)")
    a1.set_xlabel("preference margin τ")
    a1.set_ylabel("foreign capital K")
    b1 = a1.twinx()
    b1.plot(tau, eq.theta, color=COLORS["south"], label="θ = 1 − F(Ω*)")
    b1.plot(tau, eq.omega_star, color=COLORS["highlight"], ls="--", label="Ω*")
    b1.set_ylim(0, 1)
    b1.set_ylabel("probability / threshold")
    b1.grid(False)
    b1.spines["right"].set_visible(True)
    for ax_ in (a1, a2):
        ax_.axvline(params.T, color=COLORS["neutral"], ls=":", lw=1)
    a1.annotate("T", (params.T, 0), xytext=(2, 2), textcoords="offset points", fontsize=8,
                xycoords=("data", "axes fraction"))
    h1, l1 = a1.get_legend_handles_labels()
    h2, l2 = b1.get_legend_handles_labels()
    a1.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8)
    a1.set_title("Equilibrium: K rises, θ falls with τ", fontsize=10)
    a2.fill_between(tau, 0, eq.dK_tot, color=COLORS["shade"], label="terms of trade: θ/(1+τ) ÷ (−∂θ/∂K)")
    a2.fill_between(tau, eq.dK_tot, eq.dK_dtau, color=COLORS["highlight"], alpha=0.6,
                    label="credibility: ∂θ/∂τ ÷ (−∂θ/∂K)")
    a2.plot(tau, eq.dK_dtau, color="black", lw=1.4, label="dK/dτ, (9)")
    a2.set_xlabel("preference margin τ")
    a2.set_ylabel("dK/dτ")
    a2.set_title("The two channels of (9)", fontsize=10)
    a2.legend(loc="upper left", fontsize=8)
    _compact(fig)
    return fig


def fig_s2(params: ThreeCountryParams, *, preset: str = NO_PRESET, ax=None):
    """Supplementary: three-country Kᴬ, Kᴮ, Kᴬ + Kᴮ and the three prices against τ ∈ [0, T].

    Two panels: ``ax``, if given, is a pair of axes.
    """
    pr, tag = _resolve(params, preset)
    tau = np.linspace(0.0, pr.T, 101)
    eq = three_country(pr, tau)
    fig, (a1, a2) = new_axes(ax, nrows=2, figsize=(6.4, 7.4))
    a1.plot(tau, eq.KA, color=COLORS["north"], label="Kᴬ (partner)")
    a1.plot(tau, eq.KB, color=COLORS["south"], label="Kᴮ (non-partner)")
    a1.plot(tau, eq.KA + eq.KB, color="black", ls="--", label="Kᴬ + Kᴮ")
    a1.set_xlabel("preference margin τ")
    a1.set_ylabel("foreign capital")
    a1.set_title("FDI creation and diversion (24)" + tag, fontsize=10)
    a1.legend(fontsize=8)
    a2.plot(tau, (1 + pr.T) * eq.P, color=COLORS["north"], label="consumer price (1+T)P")
    a2.plot(tau, (1 + tau) * eq.P, color=COLORS["world"], label="A's price (1+τ)P")
    a2.plot(tau, eq.P, color=COLORS["south"], label="B's price P")
    a2.axhline(pr.r / ((1 - pr.t_B) * pr.b), color=COLORS["south"], ls=":", lw=1,
               label="B's break-even r/((1−tᴮ)b), (20)")
    a2.set_xlabel("preference margin τ")
    a2.set_ylabel("price")
    a2.set_title("Prices", fontsize=10)
    a2.legend(loc="upper right", fontsize=8)
    _compact(fig)
    return fig


def _cumtrapz(y, x):
    out = np.zeros_like(y)
    out[1:] = np.cumsum(0.5 * (y[1:] + y[:-1]) * np.diff(x))
    return out


def fig_s3(params: ThreeCountryParams, *, preset: str = NO_PRESET, ax=None):
    """Supplementary: decomposition of the Northern and Southern welfare changes against τ.

    Top: W_N(τ) − W_N(0) and the four flow components of dW_N/dτ integrated
    from 0 to τ, with the no-link counterfactual.  Bottom: E(Uᴬ), E(Uᴮ) and
    their sum relative to τ = 0, with the three terms of (30) integrated.
    Two panels: ``ax``, if given, is a pair of axes.
    """
    pr, tag = _resolve(params, preset)
    tau = np.linspace(0.0, pr.T, 161)
    eq = three_country(pr, tau)
    nl = three_country(pr, tau, link=False)
    fig, (a1, a2) = new_axes(ax, nrows=2, figsize=(6.4, 7.8))
    for y, lab, c in ((eq.flow_B_revenue, "tariff revenue lost on B", COLORS["south"]),
                      (eq.flow_creation, "creation (wedge on A's extra imports)", COLORS["world"]),
                      (eq.flow_transfer, "transfer to A (preference)", COLORS["highlight"]),
                      (eq.flow_tot, "terms of trade (lower P)", COLORS["north"])):
        a1.plot(tau, _cumtrapz(y, tau), color=c, lw=1.3, label=lab)
    a1.plot(tau, eq.WN - eq.WN[0], color="black", lw=2.2, label="ΔW_N, (28)")
    a1.plot(tau, nl.WN - nl.WN[0], color="black", lw=1.4, ls="--", label="ΔW_N without the link")
    a1.axhline(0, color=COLORS["neutral"], lw=0.8)
    a1.set_xlabel("preference margin τ")
    a1.set_ylabel("change from τ = 0")
    a1.set_title("Northern welfare" + tag, fontsize=10)
    a1.legend(fontsize=8.5)
    for y, lab, c in ((eq.dEUA_direct, "A: direct (tariff advantage)", COLORS["world"]),
                      (eq.dEUA_tot, "A: terms of trade", COLORS["north"]),
                      (eq.dEUA_fdi, "A: FDI revenue", COLORS["highlight"])):
        a2.plot(tau, _cumtrapz(y, tau), color=c, lw=1.1, ls="--", label=lab)
    a2.plot(tau, eq.EUA - eq.EUA[0], color=COLORS["north"], lw=2, label="ΔE(Uᴬ), (30)")
    a2.plot(tau, eq.EUB - eq.EUB[0], color=COLORS["south"], lw=2, label="ΔE(Uᴮ), (32)")
    a2.plot(tau, eq.EUA + eq.EUB - eq.EUA[0] - eq.EUB[0], color="black", lw=2, label="South total")
    a2.axhline(0, color=COLORS["neutral"], lw=0.8)
    a2.set_xlabel("preference margin τ")
    a2.set_ylabel("change from τ = 0")
    a2.set_title("Southern expected incomes", fontsize=10)
    a2.legend(fontsize=8.5)
    _compact(fig)
    return fig


def with_preset(params: ThreeCountryParams, name: str) -> ThreeCountryParams:
    """``params`` replaced by a named preset (``"(sliders)"`` keeps ``params``)."""
    return _resolve(params, name)[0] if name != NO_PRESET else dataclasses.replace(params)


_ALT = "Figure 1, Northern welfare diagram"

#: The chapter's figures: static version, caption values, explorers and live panel
#: (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    FigureSpec("fig-fas-1", fig_1, ThreeCountryParams(), title="Northern welfare from a full accord",
               explore=[Explore({"preset": list(PRESETS)}, "Figure 1 under the brief's presets", 80, _ALT),
                        Explore({"T": np.round(np.arange(0.02, 0.43, 0.04), 2)},
                                "Figure 1 as the tariff preference T grows (other parameters at the "
                                "chapter's values)", 80, _ALT)],
               controls=FIG1_CONTROLS, extras=FIG1_EXTRAS, live=True,
               live_title="Figure 1: Northern welfare from a full accord"),
    FigureSpec("fig-fas-s1", fig_s1, TwoCountryParams(), title="Two-country model against τ",
               extras=S1_EXTRAS),
    FigureSpec("fig-fas-s2", fig_s2, ThreeCountryParams(), title="Three-country model (S2)",
               controls=S23_CONTROLS, extras=S23_EXTRAS),
    FigureSpec("fig-fas-s3", fig_s3, ThreeCountryParams(), title="Three-country model (S3)",
               controls=S23_CONTROLS, extras=S23_EXTRAS),
)
