"""Figures of the Gordon chapter, and their declarations (``FIGURES``).

Two kinds, kept apart:

* **Data figures** ``fig_d1`` … ``fig_d7``: charts of numbers the essay itself
  reports, drawn in :mod:`.charts` and imported here (every value read by id
  from ``gordon_claims.csv``).
* **Illustrations** ``fig_f1`` … ``fig_f4``: the book's small models of
  arguments the essay engages (the models are not in the essay), drawn here.

``FIGURES`` declares both (one :class:`lib.contract.FigureSpec` per figure).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from lib.contract import Explore, FigureSpec, figures
from lib.figures import COLORS, new_axes, nice_ceil
from lib.params import Control

from . import model
from .charts import fig_d1, fig_d2, fig_d3, fig_d4, fig_d5, fig_d6, fig_d7
from .data import DATA_ROWS  # noqa: F401 - re-exported

H_COL, F_COL = COLORS["north"], COLORS["south"]

# ---------------------------------------------------------------------------
# Illustrations (the book's models)
# ---------------------------------------------------------------------------

def fig_f1(params: model.HOSParams, *, ax=None):
    """F1: HOS factor-price equalisation; trade and migration as substitutes.

    (a) The integrated-equilibrium box (world endowments, sector factor-use
    vectors at the integrated factor prices, the FPE parallelogram, the
    endowment point E measured from H's origin and the free-migration point).
    (b) Real wages of H's and F's workers under autarky, free trade and free
    migration, with the H/F ratio and ``M*``.
    """
    # stacked, not side by side: at the book's column width a wide pair shrinks its type
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 8.6))
    integ = model.integrated(params)
    kX, kY = integ["kX"], integ["kY"]
    LW, KW = params.L_W, params.K_W
    LX = (kY * LW - KW) / (kY - kX)
    KX = kX * LX
    para = np.array([[0, 0], [LX, KX], [LW, KW], [LW - LX, KW - KX]])
    a.add_patch(Polygon(para, closed=True, fc=COLORS["shade"], ec="none", alpha=0.6,
                        label="FPE set (diversification cone)"))
    a.plot([0, LX, LW], [0, KX, KW], color=COLORS["north"], lw=1.6)
    a.plot([0, LW - LX, LW], [0, KW - KX, KW], color=COLORS["world"], lw=1.6)
    a.annotate("X (labour-intensive)", (LX / 2, KX / 2), (6, -12), textcoords="offset points", fontsize=8.5)
    a.annotate("Y", ((LW - LX) / 2, (KW - KX) / 2), (-12, 4), textcoords="offset points", fontsize=8.5)
    a.plot([0, LW], [0, KW], color=COLORS["neutral"], lw=0.7, ls=":")
    E = (params.L_H, params.K_H)
    a.plot(*E, "o", color=COLORS["highlight"], ms=8, zorder=4, label="endowment E (from H's origin)")
    M = model.migration_M_star(params)
    a.annotate("", (params.L_H + M, params.K_H), E,
               arrowprops={"arrowstyle": "-|>", "color": COLORS["south"], "lw": 1.4})
    a.text(params.L_H + M / 2, params.K_H + 0.03 * KW, f"migration M* = {M:.4g}", ha="center",
           fontsize=8.5, color=COLORS["south"])
    a.text(0.01 * LW, -0.07 * KW, "$O_H$", fontsize=9)
    a.text(0.97 * LW, 1.02 * KW, "$O_F$", fontsize=9)
    a.set_xlim(-0.02 * LW, 1.05 * LW)
    a.set_ylim(-0.09 * KW, 1.08 * KW)
    a.set_xlabel("labour (H's from the left)")
    a.set_ylabel("capital (H's from the bottom)")
    a.legend(loc="upper left", fontsize=8.5)
    a.set_title("(a) FPE holds: trade alone equalises wages" if integ["in_cone"]
                else "(a) FPE fails: trade alone leaves a wage gap", fontsize=10)
    regimes = [("autarky", model.autarky(params)), ("free trade", model.free_trade(params)),
               ("free migration", model.free_migration(params))]
    x = np.arange(3)
    hw = [e.real_wage[0] for _, e in regimes]
    fw = [e.real_wage[1] for _, e in regimes]
    b.bar(x - 0.18, hw, 0.36, color=H_COL, label="H workers (destination)")
    b.bar(x + 0.18, fw, 0.36, color=F_COL, label="F workers (origin)")
    top = max(hw + fw)
    for i, (_, e) in enumerate(regimes):
        b.text(i, max(hw[i], fw[i]) + 0.04 * top, f"H/F = {e.wage_ratio:.3g}", ha="center", fontsize=9)
    b.set_xticks(x, [r[0] for r in regimes])
    b.set_ylim(0, nice_ceil(1.25 * top))
    b.set_ylabel("real wage w/P")
    b.legend(loc="upper right", fontsize=8.5)
    gains = [e.real_income - regimes[0][1].real_income for _, e in regimes[1:]]
    b.set_title("(b) real wages; national gains: trade "
                f"{gains[0][0]:.3g}/{gains[0][1]:.3g}, migration {gains[1][0]:.3g}/{gains[1][1]:.3g}",
                fontsize=9)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.32)
    return fig


F2_EXTRAS = {
    "endowments": Control("F1 endowments", label="endowments",
                          options=("F1 endowments", "equal endowments", "as in the parameters"),
                          doc="F1: H=(L 100, K 200), F=(L 200, K 100); equal: (150, 150) each"),
}


def _f2_params(params, endowments):
    if endowments in model.ENDOWMENT_PRESETS:
        return dataclasses.replace(params, **model.ENDOWMENT_PRESETS[endowments])
    if endowments != "as in the parameters":
        raise ValueError(f"unknown endowment preset {endowments!r}")
    return params


def fig_f2(params: model.TechParams, *, endowments: str = "F1 endowments", ax=None):
    """F2: technology differences; where free trade widens the wage gap.

    (a) Autarky and free-trade H/F real-wage gaps against ``tau`` in [1, 4],
    the region where trade widens the gap shaded, the current ``tau`` and
    the first ``tau`` on the grid where a country specialises.
    (b) At the current ``tau``: each country's autarky price of X and the
    world price under free trade (the world price lies between them).
    """
    P = _f2_params(params, endowments)
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 8.4))
    sw = model.tau_sweep(P, np.linspace(1.0, 4.0, 121))
    t, ag, tg = sw["tau"], sw["autarky_gap"], sw["trade_gap"]
    a.plot(t, ag, color=COLORS["neutral"], label="autarky gap")
    a.plot(t, tg, color=COLORS["highlight"], label="free-trade gap")
    a.fill_between(t, ag, tg, where=tg > ag, color=COLORS["south"], alpha=0.15,
                   label="trade widens the gap")
    a.axhline(1.0, color="black", lw=0.5)
    spec = np.any(sw["regime"] != 0, axis=1)
    if spec.any():
        ts = t[int(np.argmax(spec))]
        a.axvline(ts, color=COLORS["neutral"], ls=":", lw=1)
        a.text(ts, a.get_ylim()[0], f" specialisation\n from τ≈{ts:.2f}", fontsize=8.5, va="bottom")
    now = model.tau_sweep(P, [P.tau])
    a.plot([P.tau], now["trade_gap"], "o", color=COLORS["highlight"])
    a.plot([P.tau], now["autarky_gap"], "o", color=COLORS["neutral"])
    a.axvline(P.tau, color=COLORS["highlight"], lw=0.8, ls="--")
    a.set_xlabel(f"τ: H's productivity edge in {P.edge}")
    a.set_ylabel("H/F real-wage ratio")
    a.legend(loc="upper left", fontsize=8.5)
    a.set_title(f"(a) wage gap: autarky {float(now['autarky_gap'][0]):.3g}, "
                f"trade {float(now['trade_gap'][0]):.3g} at τ = {P.tau:.3g}", fontsize=10)
    pa = now["autarky_pX"][0]
    b.bar([0, 1, 2], [pa[0], pa[1], now["pX"][0]], color=[H_COL, F_COL, COLORS["world"]], width=0.55)
    for i, v in enumerate([pa[0], pa[1], now["pX"][0]]):
        b.text(i, v * 1.02, f"{v:.3g}", ha="center", fontsize=9)
    b.set_xticks([0, 1, 2], ["H autarky", "F autarky", "world (free trade)"])
    b.set_ylabel("relative price of X ($p_X/p_Y$)")
    b.set_title("(b) prices of the labour-intensive good X", fontsize=10)
    if P.edge == "Y":
        b.text(0.5, 0.92, "edge in Y: trade narrows the gap, and can even reverse it;\n"
               "this is the model, not a bug", transform=b.transAxes, ha="center", fontsize=8.5)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.32)
    return fig


def fig_f3(params: model.GainsParams, *, ax=None):
    """F3: who gains from migration (one good, capital fixed in place).

    (a) The destination labour market: demand ``w_D(L)``, natives' wage loss
    (a transfer to capital), the immigration-surplus triangle, migrants' wage
    bill.  (b) Changes by group and the world total.  (c) Shares of the world
    gain against ``m``.
    """
    g = model.migration_gains(params)
    fig, (a, b, d) = new_axes(ax, nrows=3, figsize=(6.4, 11.6))
    LD, M = params.L_D, float(g.M)
    L = np.linspace(0.02 * LD, nice_ceil(max(1.25 * LD, LD + 1.2 * M)), 300)
    a.plot(L, model.wage_D(params, L), color=H_COL, label="labour demand $w_D(L)$")
    w1 = float(g.w_D)
    a.add_patch(Rectangle((0, w1), LD, 1 - w1, fc=COLORS["south"], alpha=0.3,
                          label="natives' wage loss (to capital)"))
    Ls = np.linspace(LD, LD + M, 50)
    a.fill_between(Ls, w1, model.wage_D(params, Ls), color=COLORS["world"], alpha=0.8,
                   label="immigration surplus")
    a.add_patch(Rectangle((LD, 0), M, w1, fc=COLORS["highlight"], alpha=0.35, label="migrants' wage bill"))
    a.axhline(1.0, color=COLORS["neutral"], lw=0.6, ls=":")
    a.set_xlim(0, L[-1])
    a.set_ylim(0, 1.6)
    a.set_xlabel("employment in D")
    a.set_ylabel("wage (pre-migration $w_D$ = 1)")
    a.legend(loc="upper right", fontsize=8.5)
    a.set_title(f"(a) destination market: M = {M:.3g}, wage {w1:.4g}", fontsize=10)
    names = ["D natives'\nwages", "D\ncapital", "migrants", "O stayers\n(+remit.)", "O\ncapital", "world"]
    vals = [float(getattr(g, k)) for k in g.GROUPS] + [float(g.world)]
    cols = [H_COL, H_COL, COLORS["highlight"], F_COL, F_COL, COLORS["world"]]
    b.bar(range(6), vals, color=cols)
    b.axhline(0, color="black", lw=0.6)
    for i, v in enumerate(vals):
        b.text(i, v, f"{v:.3g}", ha="center", va="bottom" if v >= 0 else "top", fontsize=8.5)
    b.set_xticks(range(6), names, fontsize=8.5)
    b.set_ylabel("change in income (units of pre-migration $w_D$)")
    b.set_title(f"(b) by group; immigration surplus = {float(g.surplus):.3g}", fontsize=10)
    m = np.linspace(0.005, min(0.5, 0.99 * params.LO_ratio), 100)
    gm = model.migration_gains(params, m)
    W = gm.world
    ok = W > 1e-12
    with np.errstate(divide="ignore", invalid="ignore"):
        for vals_m, lab, col in ((gm.surplus, "destination (natives + capital)", H_COL),
                                 (gm.migrants, "migrants", COLORS["highlight"]),
                                 (gm.stayers + gm.capital_O, "origin (stayers + capital)", F_COL)):
            d.plot(m[ok], (vals_m / W)[ok], color=col, label=lab)
    d.axvline(params.m, color=COLORS["neutral"], ls="--", lw=0.8)
    d.axhline(0, color="black", lw=0.5)
    d.set_xlabel("m: migrants as a share of $L_D$")
    d.set_ylabel("share of the world gain")
    d.legend(loc="center right", fontsize=8.5)
    if not ok.any():
        d.text(0.5, 0.5, "no positive world gain\n(no wage gap to arbitrage)", ha="center",
               transform=d.transAxes)
    d.set_title("(c) who gets the world gain", fontsize=10)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.05, top=0.96, hspace=0.42)
    return fig


NO_PRESET = "(sliders)"
F4_EXTRAS = {
    "preset": Control(NO_PRESET, label="preset", options=(NO_PRESET, *model.PRESETS),
                      doc="a preset overrides θ, ρ and the switches it names"),
}


def fig_f4(params: model.BargainParams, *, preset: str = NO_PRESET, ax=None):
    """F4: the negotiation game in the (θ, ρ) square and the payoffs at the current point.

    (a) Where a deal is feasible (shaded) at the current parameters, the
    boundary ``ρ = (κ - λ - ε b0 - (1-θ)G)/R``, dashed boundaries when each
    Part V mechanism is switched on, and the trade / investment / low-wage
    presets.  (b) ``a0``, ``b0``, ``e*``, ``ΔA``, ``ΔB``.
    """
    P = params if preset in (None, NO_PRESET) else model.apply_preset(params, preset)
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 9.0))
    th = np.linspace(0, 1, 201)
    T, R = np.meshgrid(th, th)
    feas = model.deal_feasible(P, T, R)
    from matplotlib.colors import ListedColormap

    a.imshow(feas.astype(float), origin="lower", extent=(0, 1, 0, 1), aspect="auto", vmin=0, vmax=1,
             cmap=ListedColormap(["white", COLORS["shade"]]), interpolation="nearest", zorder=0)
    a.plot(th, model.boundary_rho(P, th), color="black", lw=1.4, label="deal boundary (current)")
    switches = [("ε = 1 (V(iii) enforcement)", {"eps": 1.0}, ":"),
                ("κ = -0.1 (V(iv) experimentation)", {"kappa": -0.1}, "--"),
                ("λ = 0.3 (V(i)/(v) linkage, ties)", {"lam": 0.3}, "-.")]
    for lab, ov, ls in switches:
        Q = dataclasses.replace(P, **ov)
        br = model.boundary_rho(Q, th)
        if model.b_zero(Q) >= 0 and np.all(br < 0):
            lab += ": no-deal corner vanishes"
        a.plot(th, br, color=COLORS["neutral"], ls=ls, lw=1.1, label=lab)
    for name, pos_col in (("Trade", COLORS["north"]), ("Investment", COLORS["world"]),
                          ("Low-wage migration", COLORS["south"])):
        ov, anchor, _ = model.PRESETS[name]
        Q = dataclasses.replace(P, theta=ov["theta"], rho=ov["rho"])
        deal = model.bargain(Q).feasible
        # not clipped: a preset on the edge of the square shows its whole marker
        a.plot([ov["theta"]], [ov["rho"]], "o", ms=9, mec=pos_col, mew=2,
               mfc=pos_col if deal else "white", zorder=4, clip_on=False)
        a.annotate(f"{name} ({anchor})", (ov["theta"], ov["rho"]),
                   (-48 if ov["theta"] > 0.5 else 8, 8), textcoords="offset points",
                   ha="right" if ov["theta"] > 0.5 else "left", fontsize=8.5)
    # an open ring, so a preset's marker at the same point stays visible under it
    a.plot([P.theta], [P.rho], "o", ms=17, mfc="none", mec=COLORS["highlight"], mew=2.2, zorder=5,
           label="current point")
    a.set_xlim(0, 1)
    a.set_ylim(0, 1)
    a.set_xlabel("θ: share of A's goal reachable unilaterally (IV.D)")
    a.set_ylabel("ρ: reciprocity, A's own demand for access (IV.C)")
    a.legend(loc="upper right", fontsize=8.5)
    a.set_title("(a) shaded: a deal beats acting alone (filled marker: deal)", fontsize=9.5)
    out = model.bargain(P)
    vals = [out.a0, out.b0, out.e, out.dA, out.dB]
    cols = [H_COL, F_COL, COLORS["neutral"], H_COL, F_COL]
    b.bar(range(5), vals, color=cols)
    b.axhline(0, color="black", lw=0.6)
    for i, v in enumerate(vals):
        b.text(i, v, f"{v:.3g}", ha="center", va="bottom" if v >= 0 else "top", fontsize=8.5)
    b.set_xticks(range(5), ["$a_0$ (A)", "$b_0$ (B)", "$e^*$ (B's effort)", "ΔA", "ΔB"])
    b.set_ylabel("gain over A's unilateral outcome")
    tag = "" if preset in (None, NO_PRESET) else f" [{preset}]"
    b.set_title(("(b) DEAL" if out.feasible else "(b) NO DEAL: A acts alone") + tag, fontsize=10)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.3)
    return fig


_ALT = "{}, the book's illustrative model (not in the essay)"

#: The chapter's figures: static version, caption values, explorers and live panels
#: (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    *(FigureSpec(f"fig-gordon-d{n}", draw, title=f"D{n}")
      for n, draw in enumerate((fig_d1, fig_d2, fig_d3, fig_d4, fig_d5, fig_d6, fig_d7), start=1)),
    FigureSpec("fig-gordon-f1", fig_f1, model.HOSParams(), title="F1",
               explore=[Explore({"K_H": np.arange(20.0, 281.0, 20.0)},
                                "F1 (the book's model, not the essay's): move H's capital K_H (K_F = 300 − K_H)", 60,
                                _ALT.format("F1"))],
               controls=("K_H", "L_H", "alpha", "beta", "gamma"), live=True, live_title="F1 live"),
    FigureSpec("fig-gordon-f2", fig_f2, model.TechParams(),
               caption={"endowments": "H = (L 100, K 200), F = (L 200, K 100)"},
               names=["tau", "edge", "alpha", "beta", "gamma"], title="F2",
               explore=[Explore({"tau": np.round(np.arange(1.0, 4.01, 0.25), 2)},
                                "F2 (the book's model, not the essay's): move H's productivity edge τ", 60,
                                _ALT.format("F2"))],
               controls=("tau", "edge"), extras=F2_EXTRAS, live=True, live_title="F2 live"),
    FigureSpec("fig-gordon-f3", fig_f3, model.GainsParams(), title="F3",
               explore=[Explore({"m": [0.0, 0.01, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
                                       0.45, 0.5]},
                                "F3 (the book's model, not the essay's): move the number of migrants m "
                                "(share of L_D)", 55, _ALT.format("F3"))],
               controls=("m", "rho", "a", "c", "phi", "LO_ratio"), live=True, live_title="F3 live"),
    FigureSpec("fig-gordon-f4", fig_f4, model.BargainParams(),
               names=["theta", "rho", "kappa", "lam", "eps", "eta"], title="F4",
               explore=[Explore({"preset": list(F4_EXTRAS["preset"].options)},
                                "F4 (the book's model, not the essay's): choose a preset (the book's "
                                "encodings of the essay's claims)", 60, _ALT.format("F4"))],
               controls=("theta", "rho", "kappa", "lam", "eps", "eta", "W", "s_B", "K_B"),
               extras=F4_EXTRAS, live=True, live_title="F4 live"),
)
