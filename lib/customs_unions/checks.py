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
