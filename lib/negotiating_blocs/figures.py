"""Figures of Schiff (2014), drawn from :mod:`lib.negotiating_blocs.model`.

``fig_1`` rebuilds the paper's Figure 1 (the only figure).  ``fig_s1`` ...
``fig_s5`` are supplementary (not in the paper): the comparative statics of
Proposition 1, the formation threshold (Prop. 1(i), (v)), optimal migration
and its gain (Prop. 2), bloc value with and without migration (Prop. 2(iii),
(iv)) and the Heckscher-Ohlin block of Proposition 3.  Every number comes
from the book's functional forms [B]; the paper is purely qualitative.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from lib.contract import Explore, FigureSpec, figures
from lib.figures import COLORS, new_axes, nice_ceil
from lib.params import Control

from . import geometry, hos, model

NO_MIG = COLORS["north"]
MIG = COLORS["south"]

#: Extra (non-field) controls of :func:`fig_1`: one toggle per curve family.
FIG1_EXTRAS = {
    "no_migration": Control(True, label="curves without migration", doc="B^E(0), B*(0), V_n(0)"),
    "migration": Control(True, label="curves with migration", doc="B^E(M̃)−z^E, B*(M̃)−z*, V*_n(M̃)"),
    "areas": Control(True, label="shaded areas", doc="C0AD, F0EG, EAD, C′D′A′ADC, D′A′E′"),
    "point_K": Control(False, label="point K (footnote 12)", doc="remainder bloc's average benefit"),
    "path": Control(False, label="adjustment path N→D′", doc="(n^E(α(M)), B^E(α(M)) − z^E), 0 ≤ M ≤ M̃^E"),
}

#: Controls of the live panel of :func:`fig_1` (dataclass fields).
FIG1_CONTROLS = ["alpha", "x", "c", "gamma0", "gamma1", "rho", "N", "spec", "z_base"]


def _points(ax, pts, color):
    """Mark and letter points ``[(x, y, name, dx, dy), ...]`` (one scatter, plain texts)."""
    if not pts:
        return
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    ax.plot(xs, ys, "o", ms=3.5, color=color, zorder=6, clip_on=False, ls="none")
    for x, y, name, dx, dy in pts:
        ax.text(x + dx, y + dy, name, fontsize=9, color=color, zorder=7, clip_on=False)


def fig1_geometry(params: model.Params):
    """All points, curves and areas of Figure 1 (no drawing).

    Returns ``(sol, geo, message)``: the :class:`~model.Solution` (or the
    Section II tuple when migration has no interior solution), a dict of
    coordinates and areas, and a message explaining missing migration parts.
    """
    nE, BE, nS, BS, nH = model.solve_static(params)
    geo = {"nE": nE, "BE": BE, "nS": nS, "BS": BS, "nH": nH, "BOR": nS * BS / nE}
    A = geometry.areas_no_migration(params)
    geo.update(A)
    msg = ""
    try:
        sol = model.solve(params)
    except ValueError as err:
        return None, geo, f"Migration curves not drawn: {err}"
    geo.update(geometry.areas_migration(params, sol))
    return sol, geo, msg


def fig_1(params: model.Params, *, no_migration: bool = True, migration: bool = True,
          areas: bool = True, point_K: bool = False, path: bool = False, ax=None):
    """Figure 1: average and marginal bloc benefit, with and without migration and fee.

    Four average curves and two marginal curves (the paper's footnote 9), every
    lettered point, and the shaded areas with their values (computed by
    integration, see :func:`geometry.areas_no_migration`, :func:`geometry.areas_migration`).

    Parameters
    ----------
    params : Params
    no_migration, migration : bool
        Toggle the curve families at ``alpha0`` and at the optimal migration.
    areas : bool
        Shade the areas and list their values.
    point_K : bool
        Footnote 12's remainder bloc (point K).
    path : bool
        Overlay the adjustment path ``(n^E(alpha(M)), B^E(alpha(M)) - z^E)``.
    ax : matplotlib Axes, optional
    """
    sol, g, msg = fig1_geometry(params)
    # column width: the plot on top, its legend and the area values under it (not beside it)
    fig, ax = new_axes(ax, figsize=(6.5, 7.6), margins=dict(left=0.11, right=0.97, top=0.98, bottom=0.42))
    n1, nE, BE, nS, BS, nH, BOR = params.n1, g["nE"], g["BE"], g["nS"], g["BS"], g["nH"], g["BOR"]
    ymax = BOR
    if sol is not None:
        ymax = max(ymax, g["Iprime"], g["Cprime"])
    top = nice_ceil(1.22 * ymax)
    lines = []

    if no_migration:
        n = np.linspace(n1, min(1.0, nH + 0.06), 300)
        lines += ax.plot(n, model.average_benefit(params, n), color=NO_MIG, label="Bᴱ(0) = B(n; α₀)")
        n = np.linspace(nE, nH, 200)
        lines += ax.plot(n, model.benefit_per_founder(params, n, nE), color=NO_MIG, ls="--",
                         label="B*(0) = nB/nᴱ₀")
        n = np.linspace(n1, min(1.0, nS + 0.06), 300)
        lines += ax.plot(n, model.marginal_value(params, n), color=NO_MIG, ls=":", lw=2.0,
                         label="Vᴱₙ(0): marginal value")
    if migration and sol is not None:
        mE, mS, nfS = sol.mig_E, sol.mig_star, sol.n_founders_star
        n = np.linspace(nE, 1.0, 250)
        lines += ax.plot(n, model.average_benefit(params, n, mE.alpha) - mE.z, color=MIG,
                         label="Bᴱ(M̃) − zᴱ")
        n = np.linspace(nfS, min(1.0, nH + 0.08), 250)
        lines += ax.plot(n, model.benefit_per_founder(params, n, nfS, mS.alpha) - mS.z, color=MIG, ls="--",
                         label="B*(M̃) − z*")
        n = np.linspace(0.6 * nE, min(1.0, mS.n + 0.06), 250)
        lines += ax.plot(n, model.marginal_value(params, n, mS.alpha), color=MIG, ls=":", lw=2.0,
                         label="V*ₙ(M̃): marginal value")
        if path and mE.M > 0:
            Ms = np.linspace(0, mE.M, 60)
            al = model.alpha_of_M(params, Ms, n0=nE)
            nn = model.n_no_fee(params, al)
            lines += ax.plot(nn, model.average_benefit(params, nn, al) - mE.z, color=COLORS["highlight"],
                             lw=1.2, label="path (nᴱ(α(M)), Bᴱ(α(M)) − zᴱ)")

    if areas:
        ax.add_patch(Rectangle((0, 0), nE, BE, color=NO_MIG, alpha=0.13, lw=0,
                               label="C0AD = Vᴱ"))
        ax.add_patch(Rectangle((0, 0), nS, BS, fill=False, ec=NO_MIG, lw=1.0, ls=(0, (4, 2)),
                               label="F0EG = V*"))
        n = np.linspace(nE, nS, 100)
        ax.fill_between(n, 0, model.marginal_value(params, n), color=COLORS["highlight"], alpha=0.35, lw=0,
                        label="EAD = V* − Vᴱ")
        if sol is not None and migration:
            if g["L_ok"]:
                ax.add_patch(Polygon(g["L_poly"], closed=True, color=MIG, alpha=0.22, lw=0,
                                     label="C′D′A′ADC = ΔGᴱ"))
            n = np.linspace(sol.mig_E.n, sol.mig_star.n, 100)
            # hatched, not a second tint: it overlaps EAD, and two tints blend into a third colour
            ax.fill_between(n, 0, model.marginal_value(params, n, sol.mig_star.alpha), facecolor="none",
                            edgecolor=COLORS["world"], hatch="///", lw=0.8, label="D′A′E′")

    # lettered points: (x, y, name, dx, dy) with offsets chosen to keep letters apart
    k = 0.035 * top
    below = -1.5 * k
    if no_migration:
        pts = [(0, 0, "0", -0.022, below), (nE, 0, "A", -0.024, below), (nE, BE, "D", -0.03, -1.3 * k),
               (0, BE, "C", -0.03, -0.45 * k), (nS, 0, "E", -0.024, below), (nS, BS, "G", -0.03, -1.3 * k),
               (0, BS, "F", -0.03, -0.3 * k), (nS, BOR, "J", -0.01, 0.6 * k),
               (0, BOR, "I", -0.03, -0.45 * k), (nH, 0, "H", -0.03, below)]
        _points(ax, pts, "black")
        # in the free space on the right, pointing at G (next to G it sat on the curves)
        ax.annotate("ε(B, n) = −1 at G", (nS, BS), (0.99, 0.88), textcoords="axes fraction", ha="right",
                    fontsize=8.5, color=NO_MIG,
                    arrowprops=dict(arrowstyle="-", color=NO_MIG, lw=0.6, shrinkB=3))
        if point_K and g["K_r"] >= n1:
            _points(ax, [(0, g["K_B"], "K", -0.03, -0.3 * k)], COLORS["neutral"])
    if migration and sol is not None:
        pts = [(g["nEt"], 0, "A′", 0.006, below), (g["nEt"], g["Cprime"], "D′", 0.04, 0.12 * k),
               (0, g["Cprime"], "C′", -0.035, 0.25 * k), (g["nSt"], 0, "E′", 0.022, below),
               (g["nSt"], g["Iprime"], "J′", 0.008, 0.5 * k), (0, g["Iprime"], "I′", -0.035, 0.25 * k),
               (nE, g["N_y"], "N", -0.012, 0.6 * k)]
        _points(ax, pts, MIG)

    ax.axhline(0, color="black", lw=0.8)
    ax.set_xlim(-0.045, 1.0)
    ax.set_ylim(-0.09 * top, top)
    ax.set_xlabel("bloc size n (share of the region's states)")
    ax.set_ylabel("benefit per member")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(-0.1, -0.11), fontsize=8.5)
    if areas:  # the values of the shaded areas (the legend names them: it then never changes)
        rows = [f"C0AD = Vᴱ = {g['C0AD']:.3f}", f"F0EG = V* = {g['F0EG']:.3f}",
                f"EAD = V* − Vᴱ = {g['EAD']:.3f}"]
        if sol is not None and migration:
            if g["L_ok"]:
                rows.append(f"C′D′A′ADC = ΔGᴱ = {g['CDAADC']:.3f}")
            rows += [f"D′A′E′ = {g['DAE']:.3f}",
                     f"C′0A′D′ = G̃ᴱ = {g['C0AD_t']:.3f}",
                     f"G̃* − G̃ᴱ = {g['Gdiff']:.3f} (vs D′A′E′)",
                     f"C′0E′D′ − C0AD = G̃* − Vᴱ = {g['total']:.3f}"]
            if sol.mig_E.M == 0:
                rows.append("C′D′A′ADC = 0: no migration without a fee")
            elif not g["L_ok"]:
                rows.append("C′D′A′ADC: geometry reversed at these parameters")
        ax.text(0.5, -0.13, "\n".join(rows), transform=ax.transAxes, fontsize=8.5, va="top")
    if sol is not None and migration:
        flags = [f"no migration pays in regime {sup} (c ≥ c̄ = {model.c_bar(params, r):.3g})"
                 for r, sup, mg in (("E", "E", sol.mig_E), ("star", "*", sol.mig_star)) if mg.M == 0]
        flags += [f"second-order condition fails at α̃ ({sup})"
                  for r, sup, mg in (("E", "E", sol.mig_E), ("star", "*", sol.mig_star))
                  if params.spec != "uniform" and mg.M > 0 and model.soc_migration(params, r, mg.alpha) >= 0]
        if flags:
            msg = "; ".join(flags)
    if msg:
        ax.text(0.5, 0.97, msg, transform=ax.transAxes, ha="center", va="top", fontsize=8,
                color="#a00000", wrap=True)
    return fig


# ---------------------------------------------------------------------------
# Supplementary figures
# ---------------------------------------------------------------------------


def fig_s1(params: model.Params, ax=None):
    """Supplementary: Prop. 1(i), (iv): bloc sizes and values against alpha and against x."""
    model.solve_static(params)
    fig, axs = new_axes(ax, ncols=2, nrows=2, figsize=(6.6, 6.8))
    ahat = model.alpha_hat_no_fee(params)
    al = np.linspace(0.02, 0.999 * ahat, 120)
    xs = np.linspace(0.1, 12.0, 120)
    for col, (grid, kw, lab, cur) in enumerate((
            (al, "alpha", r"heterogeneity $\alpha$", params.alpha), (xs, "x", "international cost $x$", params.x))):
        nE = np.clip(model.n_no_fee(params, **{kw: grid}), params.n1, 1)
        nS = np.clip(model.n_fee(params, **{kw: grid}), params.n1, 1)
        VE = nE * model.average_benefit(params, nE, **{kw: grid})
        VS = nS * model.average_benefit(params, nS, **{kw: grid})
        a0 = axs[0, col]
        a0.plot(grid, nE, color=NO_MIG, label="$n^E$ (no fee)")
        a0.plot(grid, nS, color=NO_MIG, ls="--", label="$n^*$ (fee)")
        a0.set_ylabel("bloc size $n$")
        a1 = axs[1, col]
        a1.plot(grid, VE, color=NO_MIG, label="$V^E$")
        a1.plot(grid, VS, color=NO_MIG, ls="--", label="$V^*$")
        a1.set_ylabel("bloc value $V$")
        a1.set_xlabel(lab)
        for a in (a0, a1):
            a.axvline(cur, color=COLORS["neutral"], lw=0.8, ls="-.")
            a.legend()
        if kw == "alpha":
            a1.axvline(ahat, color=COLORS["highlight"], lw=0.8)
            a1.annotate(r"$\hat\alpha^E$", (ahat, 0), xytext=(ahat - 0.3, 0.1 * VS.max()), fontsize=9)
    fig.suptitle("Prop. 1 (i), (iv): size and value fall with α, rise with x (other parameters fixed)")
    fig.tight_layout()
    return fig


def fig_s2(params: model.Params, ax=None):
    """Supplementary: Prop. 1(i) formation region in (x, alpha) and Prop. 1(v): one common threshold."""
    fig, (a0, a1) = new_axes(ax, nrows=2, figsize=(6.4, 7.2))
    xs = np.linspace(0.1, 12.0, 60)
    ah = np.array([model.alpha_hat_no_fee(params, x) for x in xs])
    a0.fill_between(xs, 0, ah, color=COLORS["shade"], alpha=0.7, label=r"bloc forms: $B^E>0$")
    a0.plot(xs, ah, color=NO_MIG, label=r"$\hat\alpha^E(x)=\hat\alpha^*(x)$")
    a0.plot([params.x], [params.alpha], "o", color=COLORS["highlight"], label="current (x, α)")
    a0.set_xlabel("international cost $x$")
    a0.set_ylabel(r"heterogeneity $\alpha$")
    a0.set_ylim(0, 1.1 * ah.max())
    a0.legend(loc="upper left")
    a0.set_title("Prop. 1(i): formation region")
    ahat = model.alpha_hat_no_fee(params)
    al = np.linspace(0.5 * ahat, 1.25 * ahat, 200)
    nE = np.clip(model.n_no_fee(params, al), params.n1, 1)
    BE = model.average_benefit(params, nE, al)
    nS = np.clip(model.n_fee(params, al), params.n1, 1)
    BOR = nS * model.average_benefit(params, nS, al) / nE
    a1.plot(al, BE, color=NO_MIG, label="$B^E$ (no fee)")
    a1.plot(al, BOR, color=NO_MIG, ls="--", label=r"$B^*_{OR}=V^*/n^E$ (fee)")
    a1.axhline(0, color="black", lw=0.8)
    a1.axvline(ahat, color=COLORS["highlight"], lw=0.8)
    a1.annotate(r"$\hat\alpha^E=\hat\alpha^*$" + f" = {ahat:.3f}", (ahat, 0),
                xytext=(ahat + 0.02 * ahat, 0.5 * BOR.max()), fontsize=9)
    a1.set_xlabel(r"heterogeneity $\alpha$")
    a1.set_ylabel("benefit per founder")
    a1.legend()
    a1.set_title("Prop. 1(v): both regimes stop at the same α̂")
    fig.tight_layout()
    return fig


def fig_s3(params: model.Params, ax=None):
    """Supplementary: Prop. 2 (i), (ii): optimal migration and Delta G against alpha0 and c."""
    model.solve_static(params)
    fig, axs = new_axes(ax, ncols=2, nrows=2, figsize=(6.6, 6.8))
    a_grid = np.linspace(0.05, 2.5, 26)
    cmax = 1.3 * max(model.c_bar(params, "star"), 1.0) if params.spec != "uniform" else 3.0 * params.c
    c_grid = np.linspace(0.1, cmax, 26)
    for col, (grid, kw, lab, cur) in enumerate((
            (a_grid, "alpha0", r"initial heterogeneity $\alpha_0$", params.alpha),
            (c_grid, "c", "cost per migrant $c$", params.c))):
        for regime, ls, name in (("E", "-", "E (no fee)"), ("star", "--", "* (fee)")):
            Ms, dGs, xs = [], [], []
            for v in grid:
                try:
                    mg = model.optimal_migration(params, regime, **{kw: v})
                except ValueError:
                    continue
                xs.append(v)
                Ms.append(mg.M)
                dGs.append(mg.dG)
            axs[0, col].plot(xs, Ms, color=MIG, ls=ls, label=rf"$\tilde M^{{{name[0]}}}$ {name[2:]}")
            axs[1, col].plot(xs, dGs, color=MIG, ls=ls, label=rf"$\Delta G^{{{name[0]}}}$ {name[2:]}")
        axs[0, col].set_ylabel(r"optimal migration $\tilde M$")
        axs[1, col].set_ylabel(r"gain $\Delta G$")
        axs[1, col].set_xlabel(lab)
        for a in axs[:, col]:
            a.axvline(cur, color=COLORS["neutral"], lw=0.8, ls="-.")
            a.legend()
            if kw == "alpha0":
                a.axvspan(1.0, grid[-1], color=COLORS["neutral"], alpha=0.12, lw=0)
    axs[0, 0].text(1.03, axs[0, 0].get_ylim()[1] * 0.9, "outside α₀ ≤ 1", fontsize=8)
    fig.suptitle("Prop. 2 (i), (ii): the gain from migration against heterogeneity and cost")
    fig.tight_layout()
    return fig


def fig_s4(params: model.Params, ax=None):
    """Supplementary: Prop. 2(iii), (iv): bloc value with and without migration beyond alpha_hat^E."""
    fig, ax = new_axes(ax)
    ahat = model.alpha_hat_no_fee(params)
    grid = np.linspace(0.6 * ahat, 1.8 * ahat, 40)
    for regime, ls, sup in (("E", "-", "E"), ("star", "--", "*")):
        xs, G = [], []
        for a0 in grid:
            try:
                G.append(model.optimal_migration(params, regime, alpha0=a0).G)
                xs.append(a0)
            except ValueError:
                continue
        ax.plot(xs, G, color=MIG, ls=ls, label=rf"$\tilde G^{sup}$ (optimal migration)")
        ax.plot(grid, model.value(params, regime, grid), color=NO_MIG, ls=ls, label=rf"$V^{sup}$ (no migration)")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(ahat, color=COLORS["highlight"], lw=0.8)
    ax.annotate(r"$\hat\alpha^E$", (ahat, 0), xytext=(ahat + 0.03, 0.2), fontsize=9)
    ax.set_ylim(-1.0, None)
    ax.set_xlabel(r"initial heterogeneity $\alpha_0$ (Section II index; $\alpha_0>1$)")
    ax.set_ylabel("bloc value")
    ax.legend(fontsize=8)
    ax.set_title(r"Prop. 2 (iii), (iv): migration lets a bloc form beyond $\hat\alpha^E$")
    return fig


def fig_s5(params: model.Params, ax=None):
    """Supplementary: Prop. 3: trade against migration, transfers (A) vs market access (B)."""
    # stacked, not side by side: at the book's column width a wide pair shrinks its type
    fig, axs = new_axes(ax, nrows=2, figsize=(6.4, 7.2))
    for a, obj, title in ((axs[0], "transfers", "(A) transfers in Y: substitutes"),
                          (axs[1], "market access", "(B) market access: complements")):
        for regime, ls, sup in (("E", "-", "E"), ("star", "--", "*")):
            tp = hos.trade_path(params, regime, obj)
            base = tp["volume"][0]
            a.plot(tp["M"], 100 * (tp["volume"] / base - 1), color=MIG, ls=ls,
                   label=rf"trade volume, regime {sup}")
            a.plot(tp["M"], 100 * (tp["E_X"] / tp["E_X"][0] - 1), color=NO_MIG, ls=ls, lw=1.0,
                   label=rf"exports $E_X$, regime {sup}")
        a.axhline(0, color="black", lw=0.8)
        a.set_xlabel(r"migration $M$ (from 0 to $\tilde M^j$)")
        a.set_ylabel("% change from M = 0")
        a.set_title(title)
        a.legend(fontsize=8, loc="lower left" if obj == "transfers" else "upper left")
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.08, top=0.95, hspace=0.4)
    return fig


_P = model.Params()  # the brief's defaults
_BLOC = ["N", "rho", "x", "gamma0", "gamma1", "alpha"]

#: The chapter's figures: static version, caption values, explorers and live panels
#: (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    FigureSpec("fig-schiff-1", fig_1, _P, names=[*_BLOC, "c", "spec"], title="Bloc benefit curves",
               explore=[Explore({"alpha": np.round(np.linspace(0.1, 1.0, 19), 3)},
                                "Figure 1 as heterogeneity α changes", 64, "Figure 1")],
               controls=FIG1_CONTROLS, extras=FIG1_EXTRAS, live=True, live_title="Figure 1, live"),
    FigureSpec("fig-schiff-s1", fig_s1, _P, names=_BLOC, title="Comparative statics (Prop. 1)"),
    FigureSpec("fig-schiff-s2", fig_s2, _P, names=_BLOC, title="Formation threshold"),
    FigureSpec("fig-schiff-s3", fig_s3, _P, names=[*_BLOC, "c"], title="Optimal migration"),
    FigureSpec("fig-schiff-s4", fig_s4, _P, names=["N", "rho", "x", "gamma0", "gamma1", "c"],
               title="Bloc value with and without migration"),
    FigureSpec("fig-schiff-s5", fig_s5, _P,
               names=["a", "b", "s_X", "L_bar", "p_N", "tau0", "kappa_T", "omega"],
               title="Heckscher-Ohlin block (Prop. 3)",
               controls=("a", "b", "s_X", "L_bar", "p_N", "tau0", "kappa_T", "omega", "c"), live=True,
               live_title="Proposition 3, live (Heckscher-Ohlin block)"),
)
