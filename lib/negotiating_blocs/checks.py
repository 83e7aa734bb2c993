"""Numerical checks of Schiff's propositions at one parameter point, and the chapter's tables.

Each check is computed by :mod:`.model`; the chapter shows them as Markdown
tables (``IPython.display.Markdown`` of the strings returned here).  The same
statements are tested over the admissible parameter space in
``tests/test_negotiating_blocs.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import tables
from . import geometry, hos, model


@dataclass(frozen=True)
class Check:
    """One part of a proposition checked at the current parameters."""

    id: str
    claim: str
    evidence: str
    holds: bool
    test: str


def _f(v: float) -> str:
    return f"{0.0 if abs(v) < 1e-14 else v:.4g}"


def _esc(text: str) -> str:
    """Escape Markdown emphasis characters (``n*``, ``B*_OR``) for MyST tables."""
    return text.replace("*", "\\*")


def _alpha_hat_migration(params: model.Params, regime: str) -> float:
    from scipy.optimize import brentq

    ahat = model.alpha_hat_no_fee(params)

    def g(a):
        try:
            return model.optimal_migration(params, regime, alpha0=a).G
        except ValueError:
            return -1.0  # no bloc at all: negative value
    lo, hi = ahat, 1.65 * ahat
    if not (g(lo) > 0 > g(hi)):
        raise ValueError("no sign change of G~ in [alpha_hat, 1.65 alpha_hat]")
    return brentq(g, lo, hi, xtol=1e-8)


def proposition_1(params: model.Params) -> list[Check]:
    """Prop. 1 (i)-(v) at ``params`` (no migration)."""
    nE, BE, nS, BS, _ = model.solve_static(params)
    h = 1e-5
    BEx = float(model.average_benefit(params, model.n_no_fee(params, x=params.x + h), x=params.x + h))
    BEa = float(model.average_benefit(params, model.n_no_fee(params, params.alpha + h), params.alpha + h))
    aE, aS = model.alpha_hat_no_fee(params), model.alpha_hat_fee(params)
    aE2 = model.alpha_hat_no_fee(params, params.x + 0.1)
    cs = model.comparative_statics(params)
    Vn = float(model.marginal_value(params, nE))
    eps = nS * float(model.benefit_slope(params, nS)) / BS
    BOR = nS * BS / nE
    t = "tests/test_negotiating_blocs.py::"
    return [
        Check("1(i)", "B^E rises with x and falls with α; α̂^E rises with x",
              f"dB^E/dx = {_f((BEx - BE) / h)}, dB^E/dα = {_f((BEa - BE) / h)}, "
              f"α̂^E(x) = {_f(aE)} < α̂^E(x+0.1) = {_f(aE2)}",
              (BEx > BE) and (BEa < BE) and aE2 > aE, t + "test_prop1_i"),
        Check("1(ii)", "n^E maximises B, but V still rises there (V_n = B^E > 0)",
              f"n^E = {_f(nE)}, V_n(n^E) = {_f(Vn)} = B^E = {_f(BE)}",
              abs(Vn - BE) < 1e-9 and BE > 0, t + "test_prop1_ii"),
        Check("1(iii)", "n* > n^E, ε_B,n(n*) = −1, founders get n*B*/n^E > B^E",
              f"n* = {_f(nS)}, ε = {_f(eps)}, B*_OR = {_f(BOR)} > B^E = {_f(BE)}",
              nS > nE and abs(eps + 1) < 1e-9 and BOR > BE, t + "test_prop1_iii"),
        Check("1(iv)", "dn^j/dα < 0 and dn^j/dx > 0 (j = E, *), with corrected (7)",
              f"dn^E/dα = {_f(cs['dnE_dalpha'])}, dn^E/dx = {_f(cs['dnE_dx'])}, "
              f"dn*/dα = {_f(cs['dnstar_dalpha'])}, dn*/dx = {_f(cs['dnstar_dx'])} "
              f"(printed (7): {_f(cs['dnstar_dx_printed'])})",
              cs["dnE_dalpha"] < 0 < cs["dnE_dx"] and cs["dnstar_dalpha"] < 0 < cs["dnstar_dx"],
              t + "test_prop1_iv"),
        Check("1(v)", "paper: α̂* > α̂^E, so a fee rescues some blocs (does not hold)",
              f"α̂^E = {aE:.10f}, α̂* = {aS:.10f}", aS > aE + 1e-8, t + "test_prop1_v"),
    ]


def proposition_2(params: model.Params) -> list[Check]:
    """Prop. 2 (i)-(iv) at ``params`` (with optimal migration)."""
    s = model.solve(params)
    mE, mS = s.mig_E, s.mig_star
    h = 1e-4
    rows = []
    t = "tests/test_negotiating_blocs.py::"
    d_a = {r: (model.optimal_migration(params, r, alpha0=params.alpha + h).dG
               - model.optimal_migration(params, r, alpha0=params.alpha - h).dG) / (2 * h) for r in ("E", "star")}
    d_c = {r: (model.optimal_migration(params, r, c=params.c + h).dG
               - model.optimal_migration(params, r, c=params.c - h).dG) / (2 * h) for r in ("E", "star")}
    rows.append(Check("2(i)", "ΔG^j rises with heterogeneity α₀ (conditional, see below)",
                      f"dΔG^E/dα₀ = {_f(d_a['E'])}, dΔG*/dα₀ = {_f(d_a['star'])}",
                      d_a["E"] > 0 and d_a["star"] > 0, t + "test_prop2_i"))
    rows.append(Check("2(ii)", "ΔG^j falls with the migration cost c (dΔG/dc = −M̃)",
                      f"dΔG^E/dc = {_f(d_c['E'])} (−M̃^E = {_f(-mE.M)}), "
                      f"dΔG*/dc = {_f(d_c['star'])} (−M̃* = {_f(-mS.M)})",
                      d_c["E"] <= 0 and d_c["star"] <= 0, t + "test_prop2_ii"))
    aE = model.alpha_hat_no_fee(params)
    try:
        aEM, aSM = _alpha_hat_migration(params, "E"), _alpha_hat_migration(params, "star")
        lik3 = f"α̂^E_M = {_f(aEM)} > α̂^E = {_f(aE)}"
        lik4 = f"α̂*_M = {_f(aSM)} > α̂^E_M = {_f(aEM)}"
        ok3, ok4 = aEM > aE, aSM > aEM
    except (ValueError, RuntimeError) as err:
        lik3 = lik4 = f"formation thresholds not found ({err})"
        ok3 = ok4 = False
    rows.append(Check("2(iii)", "with cheap migration: larger value and size, more likely to form",
                      f"G̃^E = {_f(mE.G)} ≥ V^E = {_f(mE.V0)}, ñ^E = {_f(mE.n)} ≥ n^E = {_f(s.nE)}; {lik3}",
                      mE.G >= mE.V0 and mE.n >= s.nE and ok3, t + "test_prop2_iii"))
    rows.append(Check("2(iv)", "with migration, a fee raises value, size and formation likelihood",
                      f"G̃* = {_f(mS.G)} ≥ G̃^E = {_f(mE.G)}, ñ* = {_f(mS.n)} > ñ^E = {_f(mE.n)}; {lik4}",
                      mS.G >= mE.G and mS.n > mE.n and ok4, t + "test_prop2_iv"))
    return rows


def proposition_3(params: model.Params) -> list[Check]:
    """Prop. 3 in the Heckscher-Ohlin block: trade along M from 0 to M̃^j."""
    rows = []
    t = "tests/test_negotiating_blocs.py::test_prop3"
    for regime, sup in (("E", "E"), ("star", "*")):
        A = hos.trade_path(params, regime, "transfers")
        B = hos.trade_path(params, regime, "market access")
        dA = A["volume"][-1] - A["volume"][0]
        dB = B["volume"][-1] - B["volume"][0]
        rows.append(Check(f"3 ({sup})", "trade falls with migration under transfers, rises under market access",
                          f"Δ volume: transfers {_f(dA)}, market access {_f(dB)} "
                          f"(p from {_f(B['p'][0])} to {_f(B['p'][-1])})",
                          dA < 0 < dB, t))
    return rows


def markdown(checks: list[Check]) -> str:
    """A Markdown table of checks."""
    rows = [[c.id, _esc(c.claim), _esc(c.evidence), "yes" if c.holds else "**no**"] for c in checks]
    return tables.markdown_table(["Part", "Claim", "At these parameters", "Holds?"], rows)


def results_markdown(params: model.Params | None = None) -> str:
    """``results()`` as a Markdown table (name, meaning, value)."""
    meanings = {k: _esc(v) for k, v in model.RESULTS_DOC.items()}
    return tables.results_markdown(model.results(params), meanings, fmt="{:.4f}")


def areas_markdown(params: model.Params) -> str:
    """The areas of Figure 1, each computed by integration and compared with its closed form."""
    s = model.solve(params)
    a = geometry.areas_no_migration(params) | geometry.areas_migration(params, s)
    rows = [
        ("C0AD", "rectangle [0, n^E]×[0, B^E]", a["C0AD"], "V^E = n^E B^E", s.VE),
        ("F0EG", "rectangle [0, n*]×[0, B*]", a["F0EG"], "V* = n^E B*_OR", s.n_star * s.B_star),
        ("EAD", "∫ V_n(n; α₀) dn over [n^E, n*]", a["EAD"], "V* − V^E", s.V_star - s.VE),
        ("C′0A′D′", "rectangle [0, ñ^E]×[0, B̃^E − z^E]", a["C0AD_t"], "G̃^E", s.mig_E.G),
        ("C′D′A′ADC", "L-shaped polygon (C′0A′D′ minus C0AD)", a["CDAADC"], "ΔG^E", s.mig_E.dG),
        ("D′A′E′", "∫ V_n(n; α̃*) dn over [ñ^E, ñ*]", a["DAE"], "G̃* − G̃^E (approx.)", a["Gdiff"]),
        ("C′0E′D′ − C0AD", "total gain from fee and migration", a["total"], "G̃* − V^E", s.mig_star.G - s.VE),
    ]
    ic = s.B_star_OR - s.BE
    rows += [("IC (segment), IC/C0", "B*_OR − B^E; relative gain of founders", ic, "(B*_OR − B^E)/B^E",
              ic / s.BE),
             ("JE/GE", "B*_OR/B*", s.B_star_OR / s.B_star, "E0/A0 = n*/n^E", s.n_star / s.nE)]
    cells = [(name, _esc(how), float(val), _esc(eq), float(cf)) for name, how, val, eq, cf in rows]
    return tables.markdown_table(["Area", "Computed as", "Area", "Equals", "Closed form"], cells,
                                 fmt="{:.4f}")


# ---------------------------------------------------------------------------
# Claim maps (issue 16): one vectorised predicate per mapped claim
# ---------------------------------------------------------------------------
_MAP_FIELDS = ("N", "rho", "x", "gamma0", "gamma1", "alpha", "c")


def _array_params(params: dict, ok=None):
    """A stand-in for :class:`~.model.Params` (paper map (8)) whose Section II-III fields are
    column arrays, one row per point; the model's closed forms broadcast over it."""
    from types import SimpleNamespace

    col = {k: np.asarray(params[k], dtype=float)[:, None] for k in _MAP_FIELDS}
    if ok is not None:
        col = {k: v[ok] for k, v in col.items()}
    ns = SimpleNamespace(spec="paper", **col)
    ns.n1 = 1.0 / ns.N
    ns.phi = lambda a=None: ns.gamma0 + ns.gamma1 * np.asarray(ns.alpha if a is None else a, dtype=float) ** 2
    return ns


def optimal_alpha(params, regime: str, K: int = 48, iters: int = 40):
    """Optimal post-migration heterogeneity α̃ for every row of ``params`` (as :func:`.model.optimal_migration`).

    The same method over arrays: a coarse grid of ``K + 1`` target heterogeneities finds the
    global maximum of G, then the first-order condition is solved by bisection in the two grid
    cells beside it (where it changes sign) and the better point kept.  ``nan`` where the
    model raises (no bloc without migration, corner migration, or a corner bloc size).
    """
    a0 = params.alpha
    n0_raw = model.n_no_fee(params, a0)
    n0 = np.minimum(n0_raw, 1.0)
    alphas = a0 * (1.0 - np.linspace(0.0, 1.0, K + 1))[None, :]
    G = model._G_grid(params, regime, a0, params.c, n0, alphas)
    k = np.argmax(G, axis=1)
    rows = np.arange(a0.shape[0])

    def g(al):
        return model.value_alpha(params, regime, al) - params.c * model._dM_dalpha(params, al, a0, n0)

    best_a, best_G = alphas[rows, k][:, None], G[rows, k][:, None]
    for dlo, dhi in ((1, 0), (0, -1)):
        li, hi_ = k + dlo, k + dhi
        valid = (li <= K) & (hi_ >= 0)
        lo = alphas[rows, np.clip(li, 0, K)][:, None]
        hi = alphas[rows, np.clip(hi_, 0, K)][:, None]
        sign = (valid[:, None] & (g(lo) > 0) & (g(hi) < 0))[:, 0]
        if not np.any(sign):
            continue
        Q, a, b, q0, qn0 = _take(params, sign), lo[sign], hi[sign], a0[sign], n0[sign]

        def gq(al, Q=Q, q0=q0, qn0=qn0):
            return model.value_alpha(Q, regime, al) - Q.c * model._dM_dalpha(Q, al, q0, qn0)

        for _ in range(iters):  # the cell is at most a0/K wide: 2**-40 of it is below 1e-13
            mid = 0.5 * (a + b)
            pos = gq(mid) > 0
            a, b = np.where(pos, mid, a), np.where(pos, b, mid)
        root = 0.5 * (a + b)
        Gr = model._G_grid(Q, regime, q0, Q.c, qn0, root)
        better = np.zeros_like(sign)
        better[sign] = (Gr >= best_G[sign])[:, 0]
        sub = better[sign]
        best_a[better], best_G[better] = root[sub], Gr[sub]
    n_reg = (model.n_no_fee if regime == "E" else model.n_fee)(params, best_a)
    bad = (n0_raw <= params.n1) | (best_a <= 1e-12 * np.maximum(a0, 1.0)) | (n_reg >= 1.0)
    return np.where(bad, np.nan, best_a)[:, 0]


def _take(params, rows):
    """The rows ``rows`` of an array stand-in made by :func:`_array_params`."""
    from types import SimpleNamespace

    Q = SimpleNamespace(spec=params.spec, **{k: getattr(params, k)[rows] for k in _MAP_FIELDS})
    Q.n1 = 1.0 / Q.N
    Q.phi = lambda a=None: Q.gamma0 + Q.gamma1 * np.asarray(Q.alpha if a is None else a, dtype=float) ** 2
    return Q


def _schiff_admissible(v: dict) -> np.ndarray:
    N = v["N"]
    return ((N >= 2) & (N == np.round(N)) & (v["rho"] > 0) & (v["x"] > 0) & (v["gamma0"] >= 0)
            & (v["gamma1"] > 0) & (v["alpha"] > 0) & (v["c"] > 0))


def _per_regime(params: dict, fn):
    v = {k: np.asarray(params[k], dtype=float) for k in _MAP_FIELDS}
    arrs = np.broadcast_arrays(*(v[k] for k in _MAP_FIELDS))
    v = dict(zip(_MAP_FIELDS, (a.ravel() for a in arrs), strict=True))
    ok = _schiff_admissible(v)
    out = np.full(ok.size, np.nan)
    if np.any(ok):
        P = _array_params(v, ok)
        with np.errstate(all="ignore"):
            out[ok] = np.minimum(*(fn(P, regime, optimal_alpha(P, regime)) for regime in ("E", "star")))
    return out.reshape(arrs[0].shape)


def prop2_i_margin(**params):
    """Prop. 2(i): ΔG^j rises with the initial heterogeneity α₀ (j = E and *), where migration pays.

    By the envelope theorem dΔG^j/dα₀ = V^j_α(α̃^j) − V^j_α(α₀) (``test_prop2_i``); the margin is
    the smaller of the two regimes'.  ``nan`` where the model has no interior migration optimum
    (no bloc, corner migration or bloc size) and where no migration pays (M̃ = 0: ΔG^j = 0).
    """
    def one(P, regime, at):
        at = at[:, None]
        safe = np.where(np.isnan(at), P.alpha, at)  # the model takes finite α only
        d = model.value_alpha(P, regime, safe) - model.value_alpha(P, regime, P.alpha)
        return np.where(safe < P.alpha * (1 - 1e-12), d, np.nan)[:, 0]

    return _per_regime(params, one)


def footnote14_margin(**params):
    """Footnote 14: the second-order condition 2V_αα + V_α < 0 of the migration choice holds,
    at the initial heterogeneity α₀ and, where there is an interior optimum, at α̃^j (j = E, *).

    The margin is −(2V_αα + V_α), the smallest of those; ``nan`` only where no bloc forms
    without migration.  (With footnote 7's pure cost, γ₀ = 0, the condition fails and the
    optimum is a corner: ``test_footnote14_soc``.)
    """
    h = 1e-5

    def soc(P, regime, a):
        va = model.value_alpha(P, regime, a)
        vaa = (model.value_alpha(P, regime, a + h) - model.value_alpha(P, regime, a - h)) / (2 * h)
        return -(2 * vaa + va)[:, 0]

    def one(P, regime, at):
        at = at[:, None]
        at_opt = soc(P, regime, np.where(np.isnan(at), P.alpha, at))
        out = np.minimum(soc(P, regime, P.alpha), np.where(np.isnan(at[:, 0]), np.inf, at_opt))
        return np.where(model.n_no_fee(P, P.alpha)[:, 0] <= P.n1[:, 0], np.nan, out)

    return _per_regime(params, one)


def _claim_maps():
    from lib.claim_maps import ClaimMap

    P = model.Params()
    names = ("rho", "x", "gamma0", "gamma1", "alpha", "c")
    return [
        ClaimMap("schiff", "p2-i", "Prop. 2(i)", "ΔG^j rises with the initial heterogeneity α₀ (j = E, *)",
                 prop2_i_margin, P, x="gamma1", y="c", z="alpha", z_values=(0.3, 0.6, 1.0), names=names,
                 ranges={"c": (0.1, 12.0)}, fixed={"alpha": 1.0},
                 none_label="no interior migration optimum or none pays",
                 why=("the proof needs V^j_α(α̃) > V^j_α(α₀), a condition on how fast the value of the "
                      "bloc falls with heterogeneity (γ₁) compared with how far migration takes α "
                      "(its cost c); γ₁ = 0.5, c = 4 is the chapter's counter-example. c is shown up to "
                      "12, beyond which little migration pays. The map is drawn at α₀ = 1, the top of Section "
                 "III's range, where the counter-example lies; the explorer moves α₀."),
                 grade="partial"),
        ClaimMap("schiff", "fn14", "Footnote 14", "the SOC 2V_αα + V_α < 0 holds at α₀ and at the optimum",
                 footnote14_margin, P, x="gamma0", y="gamma1", z="c", z_values=(0.5, 1.0, 2.0, 4.0), names=names,
                 ranges={"c": (0.1, 12.0)}, none_label="no bloc forms without migration",
                 why=("the condition fails with footnote 7's pure heterogeneity cost (γ₀ = 0) and holds "
                      "with the book's size cost γ₀ > 0, against the heterogeneity cost γ₁; the explorer "
                      "moves the migration cost c."),
                 grade="partial"),
    ]


#: The chapter's claim maps (see :mod:`lib.claim_maps`).
CLAIM_MAPS = _claim_maps()
