"""Numerical checks of results R1-R19 at given parameters, for the chapter.

:func:`check` evaluates one result at the reader's parameters and returns a
:class:`Check` (whether it holds and the numbers behind it);
:func:`check_markdown` formats it as one Markdown line.  The proofs over the
admissible parameter space are in ``tests/test_customs_unions.py``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.optimize import brentq

from .. import tables
from .model import (
    F,
    ThreeCountryParams,
    TwoCountryParams,
    compliance_probability,
    figure1_areas,
    northern_welfare_change,
    payoffs,
    three_country,
    two_country,
    welfare_changes,
    zero_profit_residual,
)


@dataclass(frozen=True)
class Check:
    """One result checked at given parameters: ``holds`` and the numbers ``(label, value)``."""

    rid: str
    holds: bool
    numbers: tuple
    ambiguous: bool = False


def _fmt(v):
    if isinstance(v, bool | np.bool_):
        return "yes" if v else "no"
    if isinstance(v, str):
        return v
    return f"{float(v):.5g}"


@lru_cache(maxsize=16)
def _solve(params: ThreeCountryParams, two: TwoCountryParams):
    tau2 = np.array([0.0, two.T])
    tau3 = np.linspace(0.0, params.T, 41)
    return two_country(two, tau2), three_country(params, tau3)


def check(rid: str, params: ThreeCountryParams | None = None, two: TwoCountryParams | None = None) -> Check:
    """Check result ``rid`` (``"R1"`` … ``"R19"``) at ``params`` (three-country) and ``two`` (two-country)."""
    params = params or ThreeCountryParams()
    two = two or TwoCountryParams()
    e2, e3 = _solve(params, two)
    T2 = two.T
    i = -1  # τ = T
    if rid == "R1":
        K, om = e2.K[i], e2.omega_star[i]
        W, Wlo = payoffs(two, K, T2, om - 0.01)
        _, Whi = payoffs(two, K, T2, om + 0.01)
        th = float(compliance_probability(two, K, T2))
        ok = bool(W < Wlo) and bool(W > Whi) and np.isclose(th, 1 - F(om, two.p))
        return Check(rid, bool(ok), (("Ω*", om), ("W − W̃(Ω* − 0.01)", W - Wlo), ("W − W̃(Ω* + 0.01)", W - Whi),
                                     ("θ = 1 − F(Ω*)", th)))
    if rid == "R2":
        return Check(rid, bool(e2.dtheta_dK[i] < 0 and e3.gA[i] < 0 and e3.gB[i] < 0),
                     (("∂θ/∂K (7)", e2.dtheta_dK[i]), ("∂θᴬ/∂Kᴬ (21)", e3.gA[i]), ("∂θᴮ/∂Kᴮ (22)", e3.gB[i])))
    if rid == "R3":
        return Check(rid, bool(e2.dtheta_dtau[i] > 0 and e3.hA[i] > 0),
                     (("∂θ/∂τ (6)", e2.dtheta_dtau[i]), ("∂θᴬ/∂τ (23a)", e3.hA[i]), ("∂θᴮ/∂τ (23b)", 0.0)))
    if rid == "R4":
        K = e2.K[i]
        root = brentq(lambda k: float(zero_profit_residual(two, k, T2)), 1e-12, 50 * K + 1, xtol=1e-14)
        return Check(rid, bool(np.isclose(root, K, rtol=1e-9) and 0 < e2.theta[i] < 1),
                     (("K closed form", K), ("K by brentq on (8)", root), ("θ", e2.theta[i])))
    if rid == "R5":
        return Check(rid, bool(e2.dK_tot[i] > 0 and e2.dK_cred[i] > 0),
                     (("dK/dτ (9)", e2.dK_dtau[i]), ("terms-of-trade channel", e2.dK_tot[i]),
                      ("credibility channel", e2.dK_cred[i])))
    if rid == "R6":
        h = 1e-6
        th = two_country(two, np.array([T2 - h, T2 + h])).theta
        d = (th[1] - th[0]) / (2 * h)
        return Check(rid, bool(np.isclose(d, -e2.theta[i] / (1 + T2), rtol=1e-6) and d < 0),
                     (("dθ/dτ (finite difference)", d), ("−θ/(1+τ)", -e2.theta[i] / (1 + T2)),
                      ("∂θ/∂τ at fixed K", e2.dtheta_dtau[i])))
    if rid == "R7":
        return Check(rid, bool(e2.dEU_direct[i] > 0 and e2.dEU_fdi[i] > 0),
                     (("dE(U)/dτ (11)", e2.dEU_dtau[i]), ("direct term", e2.dEU_direct[i]),
                      ("FDI-revenue term", e2.dEU_fdi[i])))
    if rid == "R8":
        big = two_country(dataclasses.replace(two, s_s=2 * two.s_s), T2)
        h = 1e-5
        lo = two_country(dataclasses.replace(two, theta_bar=max(two.theta_bar - h, 1e-9)), T2)
        hi = two_country(dataclasses.replace(two, theta_bar=min(two.theta_bar + h, 1.0)), T2)
        return Check(rid, bool(np.isclose(big.dEU_dtau / e2.dEU_dtau[i], 2) and hi.dK_dtau > lo.dK_dtau
                               and hi.dEU_dtau > lo.dEU_dtau),
                     (("dE(U)/dτ with 2sˢ ÷ with sˢ", big.dEU_dtau / e2.dEU_dtau[i]),
                      ("∂(dK/dτ)/∂θ̄", (hi.dK_dtau - lo.dK_dtau) / (2 * h)),
                      ("∂(dE(U)/dτ)/∂θ̄", (hi.dEU_dtau - lo.dEU_dtau) / (2 * h))))
    if rid == "R9":
        zpA = e3.thetaA * (1 - params.t_A) * e3.P * (1 + e3.tau) * params.a
        return Check(rid, bool(np.all(e3.gA < 0) and np.all(e3.gB < 0) and np.allclose(zpA, params.r)),
                     (("max |(13a) − r| on [0, T]", np.max(np.abs(zpA - params.r))), ("θᴬ(0)", e3.thetaA[0]),
                      ("θᴮ(0)", e3.thetaB[0])))
    if rid == "R10":
        return Check(rid, bool(np.all(e3.Delta > 0)), (("min Δ on [0, T]", e3.Delta.min()),))
    if rid == "R11":
        return Check(rid, bool(np.all(e3.dKA > 0) and np.all(e3.dKB < 0)),
                     (("dKᴬ/dτ at τ = 0", e3.dKA[0]), ("dKᴮ/dτ at τ = 0", e3.dKB[0]),
                      ("dKᴬ/dτ at τ = T", e3.dKA[i]), ("dKᴮ/dτ at τ = T", e3.dKB[i])))
    if rid == "R12":
        r25 = params.b * e3.dKB / (params.a * e3.dKA)
        return Check(rid, bool(np.all(e3.ds > 0) and np.all(e3.dP < 0) and np.all((r25 > -1) & (r25 < 0))),
                     (("ds/dτ at τ = 0", e3.ds[0]), ("dP/dτ at τ = 0", e3.dP[0]), ("(25) at τ = 0", r25[0])))
    if rid == "R13":
        return Check(rid, bool(np.all(np.sign(e3.dK_total) == np.sign(e3.criterion27))),
                     (("d(Kᴬ+Kᴮ)/dτ at τ = 0", e3.dK_total[0]), ("m − (a−b)θᴮελ at τ = 0", e3.criterion27[0]),
                      ("(26) = (27) at τ = 0", e3.ratio26[0])), ambiguous=True)
    if rid == "R14":
        r9 = e3.dKA / (-e3.X / e3.gA)
        return Check(rid, bool(np.all(r9 <= 1 + 1e-12)),
                     (("λ at τ = 0", e3.lam[0]), ("(24a) ÷ two-country (9) at τ = 0", r9[0])))
    if rid == "R15":
        ar = figure1_areas(params)
        lv = northern_welfare_change(params, "levels")
        it = northern_welfare_change(params, "integral")
        return Check(rid, bool(np.isclose(lv, it, rtol=1e-8, atol=1e-10) and np.isclose(lv, ar.dW_N, rtol=1e-10)),
                     (("ΔW_N (levels)", lv), ("∫₀ᵀ (28) dτ", it), ("III + V − IV", ar.dW_N), ("min Ψ", e3.Psi.min()),
                      ("max Ψ", e3.Psi.max())), ambiguous=True)
    if rid == "R16":
        w = welfare_changes(params)
        return Check(rid, bool(np.all(e3.dEUA_direct > 0) and np.all(e3.dEUA_tot < 0) and np.all(e3.dEUA_fdi > 0)),
                     (("direct (τ = 0)", e3.dEUA_direct[0]), ("terms of trade (τ = 0)", e3.dEUA_tot[0]),
                      ("FDI (τ = 0)", e3.dEUA_fdi[0]), ("ΔE(Uᴬ)", w["dEUA"])), ambiguous=True)
    if rid == "R17":
        w = welfare_changes(params)
        return Check(rid, bool(np.all(e3.dEUB < 0)),
                     (("max dE(Uᴮ)/dτ on [0, T]", e3.dEUB.max()), ("ΔE(Uᴮ)", w["dEUB"])))
    if rid == "R18":
        w = welfare_changes(params)
        return Check(rid, True, (("ΔE(Uᴬ) + ΔE(Uᴮ)", w["dEU_South"]),), ambiguous=True)
    if rid == "R19":
        w1, w0 = welfare_changes(params)["dW_N"], welfare_changes(params, link=False)["dW_N"]
        return Check(rid, bool(w1 > w0), (("ΔW_N with the link", w1), ("ΔW_N without the link", w0)),
                     ambiguous=True)
    raise ValueError(f"unknown result {rid!r}; expected R1 … R19")


#: Where on the path τ ∈ [0, T] each check is made (the key numbers use τ = 0 and τ = T).
CHECKED_AT = {**{f"R{n}": "at τ = T (two-country model)" for n in range(1, 9)},
              "R9": "at every τ on a grid of [0, T]", "R10": "at every τ on a grid of [0, T]",
              "R11": "at every τ on a grid of [0, T] (numbers at τ = 0 and τ = T)",
              "R12": "at every τ on a grid of [0, T] (numbers at τ = 0)",
              "R13": "at every τ on a grid of [0, T] (numbers at τ = 0)",
              "R14": "at every τ on a grid of [0, T] (numbers at τ = 0)",
              "R15": "for the full accord, τ from 0 to T", "R16": "at every τ on a grid of [0, T]; ΔE(Uᴬ) from 0 to T",
              "R17": "at every τ on a grid of [0, T]; ΔE(Uᴮ) from 0 to T", "R18": "for the full accord, τ from 0 to T",
              "R19": "for the full accord, τ from 0 to T"}


def check_markdown(rid: str, params=None, two=None) -> str:
    """One Markdown line: the numbers, where on the path they are taken (:data:`CHECKED_AT`) and
    whether the result holds at these parameters."""
    try:
        c = check(rid, params, two)
    except ValueError as err:
        return f"**Check ({rid})**: not available at these parameters: {err}"
    nums = "; ".join(f"{k} = {_fmt(v)}" for k, v in c.numbers)
    if c.ambiguous:
        verdict = ("the sign shown here is one of the two the paper allows" if rid != "R19"
                   else ("the link raises ΔW_N here" if c.holds else "the link does not raise ΔW_N here"))
        if rid in ("R13", "R15") and c.holds:
            verdict = "identity holds ✅; " + verdict
    else:
        verdict = "holds ✅" if c.holds else "FAILS ❌"
    return f"**Check at the chapter's parameters ({rid}, {CHECKED_AT[rid]})**: {nums}. Verdict: {verdict}."


def presets_markdown() -> str:
    """A Markdown table of the ambiguous quantities at each of the brief's presets (both signs appear)."""
    from .model import PRESETS, preset

    head = ["preset", "d(Kᴬ+Kᴮ)/dτ at τ = 0", "min Ψ", "max Ψ", "ΔW_N", "ΔE(Uᴬ)", "ΔE(Uᴮ)",
            "South total", "ΔW_N without the link"]
    rows = []
    for name in PRESETS:
        pr = preset(name)
        eq = three_country(pr, np.linspace(0.0, pr.T, 41))
        w, w0 = welfare_changes(pr), welfare_changes(pr, link=False)
        vals = (eq.dK_total[0], eq.Psi.min(), eq.Psi.max(), w["dW_N"], w["dEUA"], w["dEUB"], w["dEU_South"],
                w0["dW_N"])
        rows.append([name, *vals])
    return tables.markdown_table(head, rows, fmt="{:+.4f}")


# ---------------------------------------------------------------------------
# Claim maps (issue 16): one vectorised predicate per mapped claim
# ---------------------------------------------------------------------------
def _array_params(params: dict):
    """A stand-in for :class:`ThreeCountryParams` whose fields are arrays (broadcast together).

    Points the dataclass would reject are marked in the returned mask; the model's
    ``three_country(..., strict=False)`` gives ``nan`` where the equilibrium is not interior.
    """
    from types import SimpleNamespace

    names = [f.name for f in dataclasses.fields(ThreeCountryParams)]
    arrs = np.broadcast_arrays(*(np.asarray(params[n], dtype=float) for n in names))
    kw = dict(zip(names, (a.ravel() for a in arrs), strict=True))
    ok = np.ones(arrs[0].size, dtype=bool)
    for n in ("a", "b", "sA_s", "sB_s", "r", "D_bar", "s_bar", "eps"):
        ok &= kw[n] > 0
    for n in ("t_A", "t_B"):
        ok &= (kw[n] >= 0) & (kw[n] < 1)
    for n in ("theta_bar_A", "theta_bar_B"):
        ok &= (kw[n] > 0) & (kw[n] <= 1)
    ok &= (kw["p"] >= 1) & (kw["T"] >= 0)
    safe = {n: np.where(ok, v, getattr(ThreeCountryParams(), n)) for n, v in kw.items()}
    return SimpleNamespace(**safe), ok, arrs[0].shape


def r13_margin(tau=0.0, **params):
    """R13: the preference raises aggregate FDI, d(Kᴬ + Kᴮ)/dτ > 0 (at ``tau``, default τ = 0).

    The paper: ambiguous in general (exact test (26)-(27)), positive if a ≤ b.  The margin is
    d(Kᴬ + Kᴮ)/dτ; ``nan`` where the parameters are rejected or the equilibrium is not interior.
    """
    pr, ok, shape = _array_params(params)
    t = np.broadcast_to(np.asarray(tau, dtype=float), shape).ravel() if np.ndim(tau) else np.full(ok.size, tau)
    with np.errstate(all="ignore"):
        d = three_country(pr, t, strict=False).dK_total
    return np.where(ok, d, np.nan).reshape(shape)


def r19_margin(**params):
    """R19: the enforcement link raises the North's welfare gain from the accord, ΔW_N(link) > ΔW_N(no link).

    Both accords start from the same τ = 0 equilibrium (the link binds only with a preference),
    so the margin is W_N(T, link) − W_N(T, no link).
    """
    pr, ok, shape = _array_params(params)
    T = pr.T
    with np.errstate(all="ignore"):
        w0 = three_country(pr, np.zeros(ok.size), strict=False).WN
        w1 = three_country(pr, T, strict=False).WN - w0
        w1n = three_country(pr, T, link=False, strict=False).WN - w0
        m = w1 - w1n
    return np.where(ok, m, np.nan).reshape(shape)


def _welfare_change(params: dict, who: str):
    """ΔW_N (``who="north"``) or ΔE(Uᴬ) + ΔE(Uᴮ) (``"south"``) of the full accord, over arrays."""
    pr, ok, shape = _array_params(params)
    with np.errstate(all="ignore"):
        e0 = three_country(pr, np.zeros(ok.size), strict=False)
        e1 = three_country(pr, pr.T, strict=False)
        d = e1.WN - e0.WN if who == "north" else (e1.EUA + e1.EUB) - (e0.EUA + e0.EUB)
    return np.where(ok, d, np.nan).reshape(shape)


def r15_margin(**params):
    """R15: the full accord raises Northern welfare, ΔW_N = III + V − IV > 0 (the paper: either sign)."""
    return _welfare_change(params, "north")


def r18_margin(**params):
    """R18: the South as a whole gains from the full accord, ΔE(Uᴬ) + ΔE(Uᴮ) > 0 (the paper: either sign)."""
    return _welfare_change(params, "south")


def _claim_maps():
    from lib.claim_maps import ClaimMap

    pairs = ("of all 91 pairs of the model's parameters, at the chapter's other values, the one over which "
             "the sign of the change splits most evenly (measured on a 20 × 20 grid of each pair)")

    P = ThreeCountryParams()
    return [
        ClaimMap("fas", "r13", "R13", "the first preference raises aggregate FDI, d(Kᴬ+Kᴮ)/dτ > 0 at τ = 0",
                 r13_margin, P, x="a", y="eps", z="theta_bar_B", z_values=(0.3, 0.6, 0.9),
                 why=("the paper's own test (27) compares m with (a − b)θᴮελ: FDI can fall only if the "
                      "partner's capital is more productive than the non-partner's (a > b), and the more "
                      "so the larger the inverse-demand flexibility ε; b stays at the chapter's 1, so a = 1 "
                      "is the paper's sufficient condition a ≤ b. The explorer moves θ̄_B, which sets how "
                      "much the non-partner's risk responds."),
                 grade="partial"),
        ClaimMap("fas", "r19", "R19", "the enforcement link raises the North's welfare gain ΔW_N",
                 r19_margin, P, x="theta_bar_B", y="p", z="t_B", z_values=(0.1, 0.25, 0.4, 0.55),
                 why=("over a fixed-seed sample of the whole box, the non-partner's penalty scale θ̄_B moves "
                      "the share where the link helps the most (from the lowest to the highest quarter of "
                      "its range the share falls by 27 points), then B's tax rate t_B (20 points) and the "
                      "shape p of F(Ω) (12 points); at the chapter's other values, (θ̄_B, p) is the one pair "
                      "of parameters under which the link can fail, so the map is over them and the "
                      "explorer moves t_B."),
                 grade="partial"),
        ClaimMap("fas", "r15", "R15", "the full accord raises the North's welfare, ΔW_N = III + V − IV > 0",
                 r15_margin, P, x="theta_bar_B", y="p", z="t_A", z_values=(0.1, 0.25, 0.4),
                 why=pairs + ": the non-partner's penalty scale θ̄_B and the shape p of F(Ω); the "
                     "explorer moves A's tax rate t_A.",
                 grade="partial"),
        ClaimMap("fas", "r18", "R18", "the South as a whole gains, ΔE(Uᴬ) + ΔE(Uᴮ) > 0",
                 r18_margin, P, x="theta_bar_B", y="eps", z="t_A", z_values=(0.1, 0.25, 0.4),
                 why=pairs + ": θ̄_B and the inverse-demand flexibility ε, which sets the terms-of-trade "
                     "loss; the explorer moves A's tax rate t_A.",
                 grade="partial"),
    ]


#: The chapter's claim maps (see :mod:`lib.claim_maps`).
CLAIM_MAPS = _claim_maps()
