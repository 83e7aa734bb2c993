"""Schiff (2014): model, closed forms, sympy derivations and Propositions 1-3.

Every proposition is checked over a (deterministic) hypothesis search of the
brief's admissible box, restricted to interior solutions with ``assume``.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.optimize import brentq

from lib.negotiating_blocs import REGISTRY, geometry, hos
from lib.negotiating_blocs import checks as K
from lib.negotiating_blocs import derivations as sym
from lib.negotiating_blocs import model as m
from lib.registry import Item

P0 = m.Params()


@st.composite
def params(draw, c=True):
    """The brief's test box (Section 4), with an interior Section II solution."""
    P = m.Params(
        N=draw(st.integers(8, 30)),
        rho=draw(st.floats(0.5, 8.0)),
        x=draw(st.floats(0.1, 12.0)),
        gamma0=draw(st.floats(0.03, 0.3)),
        gamma1=draw(st.floats(0.02, 1.5)),
        alpha=draw(st.floats(0.05, 1.0)),
        c=draw(st.floats(0.2, 6.0)) if c else 1.0,
    )
    try:
        m.solve_static(P)
    except ValueError:
        assume(False)
    return P


def _fields(P):
    """The fields the claim-map predicates take (lib.negotiating_blocs.checks)."""
    return {k: getattr(P, k) for k in K._MAP_FIELDS}


def _migration(P, regime, **kw):
    try:
        return m.optimal_migration(P, regime, **kw)
    except ValueError:
        assume(False)


# ---------------------------------------------------------------------------
# Sign conditions, closed forms, sympy derivations
# ---------------------------------------------------------------------------


def test_sign_conditions_symbolic():
    """Every sign condition of (1)-(3), and B_nn < 0, holds for the book's forms."""
    for name, expr, sign in sym.sign_conditions():
        assert getattr(expr, f"is_{sign}") is True, (name, expr)


def test_eq6_symbolic():
    """(6) is an identity of implicit differentiation of B_n = 0 (abstract R, C^I, C^R)."""
    d = sym.comparative_statics()
    assert d["residual_eq6_alpha"] == 0
    assert d["residual_eq6_x"] == 0


def test_eq7_symbolic():
    """(7): the α part is an identity; the x part needs the −1 the paper omits."""
    d = sym.comparative_statics()
    assert d["Vnn_identity"] == 0 and d["Vn_elasticity_identity"] == 0
    assert d["residual_eq7_alpha"] == 0
    assert d["residual_eq7_x_corrected"] == 0
    assert d["residual_eq7_x_printed"] != 0  # the printed numerator is wrong
    assert sym.printed_eq7x_numerator_book() == 0  # and is identically 0 under C^I = x/(Nn)


def test_eq8_10_13_symbolic():
    """(8): dα/dM = −4/(2M+1), α_MM = 8/(2M+1)²; (10), (13) and footnote 14's SOC algebra."""
    d = sym.migration_algebra()
    M = sym.sp.Symbol("M", positive=True)
    assert sym.sp.simplify(d["alpha_M"] + 4 / (2 * M + 1)) == 0
    assert sym.sp.simplify(d["alpha_MM"] - 8 / (2 * M + 1) ** 2) == 0
    assert d["M_tilde_residual"] == 0 and d["eq13_residual"] == 0 and d["soc_residual"] == 0


@given(params())
def test_closed_forms_match_root_finding(P):
    """Cardano n^E and Lambert-W n* equal bracketed roots of B_n = 0 and V_n = 0."""
    nE, nS = float(m.n_no_fee(P)), float(m.n_fee(P))
    rE = brentq(lambda n: float(m.benefit_slope(P, n)), P.n1 * 1.0001, 1.0, xtol=1e-15)
    assert nE == pytest.approx(rE, rel=1e-9)
    rS = brentq(lambda n: float(m.marginal_value(P, n)), nE, 1.0, xtol=1e-15)
    assert nS == pytest.approx(rS, rel=1e-9)
    assert float(m.average_benefit(P, m.n_open_access(P))) == pytest.approx(0, abs=1e-9)


@given(params())
def test_envelope_derivatives(P):
    """Analytic V^j_α equal central differences of V^j(α)."""
    h = 1e-6
    for regime in ("E", "star"):
        fd = (m.value(P, regime, P.alpha + h) - m.value(P, regime, P.alpha - h)) / (2 * h)
        assert float(m.value_alpha(P, regime)) == pytest.approx(float(fd), rel=1e-5, abs=1e-7)


def test_alpha_of_M_maps():
    """(8) and the uniform-exact map: values, inverse, derivative, M_max."""
    M = np.linspace(0, m.M_max(P0), 7)
    a = m.alpha_of_M(P0, M)
    assert np.allclose(m.M_of_alpha(P0, a), M)
    assert a[-1] == pytest.approx(0, abs=1e-12)
    h = 1e-7
    assert float((m.alpha_of_M(P0, 0.3 + h) - m.alpha_of_M(P0, 0.3 - h)) / (2 * h)) == pytest.approx(
        -4 / 1.6, rel=1e-7)
    U = replace(P0, spec="uniform")
    n0 = float(m.n_no_fee(U))
    # with alpha0 = n^E_0 the uniform map is alpha0 - 2 sqrt(2M) (density 1)
    U1 = replace(U, alpha=n0)
    assert float(m.alpha_of_M(U1, 0.002)) == pytest.approx(n0 - 2 * math.sqrt(0.004), rel=1e-4)
    assert np.allclose(m.M_of_alpha(U, m.alpha_of_M(U, M[:3] / 10)), M[:3] / 10)


# ---------------------------------------------------------------------------
# Proposition 1
# ---------------------------------------------------------------------------


@given(params(c=False))
def test_prop1_i(P):
    """B^E rises with x and falls with α (envelope theorem); α̂^E rises with x."""
    h = 1e-5

    def BE(**kw):
        Q = replace(P, **kw)
        return float(m.average_benefit(Q, m.n_no_fee(Q)))

    dBdx = (BE(x=P.x + h) - BE(x=P.x - h)) / (2 * h)
    dBda = (BE(alpha=P.alpha + h) - BE(alpha=P.alpha - h)) / (2 * h)
    nE = float(m.n_no_fee(P))
    assert dBdx > 0 and dBda < 0
    assert dBdx == pytest.approx(1 - 1 / (P.N * nE), rel=1e-5)
    assert dBda == pytest.approx(-2 * P.gamma1 * P.alpha * (P.N * nE) ** 2, rel=1e-5)
    assert m.alpha_hat_no_fee(P, P.x + 0.05) > m.alpha_hat_no_fee(P)
    # at the threshold the bloc's best average benefit is exactly zero
    Q = replace(P, alpha=m.alpha_hat_no_fee(P))
    assert float(m.average_benefit(Q, m.n_no_fee(Q))) == pytest.approx(0, abs=1e-9)


@given(params(c=False))
def test_prop1_ii(P):
    """Without a fee, n^E maximises B, V_n(n^E) = B^E > 0, so V still rises past n^E."""
    nE, BE, *_ = m.solve_static(P)
    assert float(m.marginal_value(P, nE)) == pytest.approx(BE, rel=1e-9)
    grid = np.linspace(P.n1, 1, 2001)
    assert BE >= float(np.max(m.average_benefit(P, grid))) - 1e-12
    d = 1e-4
    assert float(m.bloc_value(P, nE + d)) > float(m.bloc_value(P, nE))


@given(params(c=False))
def test_prop1_iii(P):
    """With a fee: n* > n^E, ε_{B,n}(n*) = −1, V* = max V = n^E B*_OR, B*_OR > B^E."""
    nE, BE, nS, BS, _ = m.solve_static(P)
    assert nS > nE
    eps = nS * float(m.benefit_slope(P, nS)) / BS
    assert eps == pytest.approx(-1, abs=1e-9)
    grid = np.linspace(P.n1, 1, 4001)
    VS = nS * BS
    assert VS >= float(np.max(m.bloc_value(P, grid))) - 1e-12
    BOR = VS / nE
    assert BOR > BE
    assert VS == pytest.approx(nE * BOR)
    assert BS < BE  # the average over all n* members falls (G below D)


@given(params(c=False))
def test_prop1_iv(P):
    """dn^j/dα < 0, dn^j/dx > 0; analytic (6), corrected (7) equal finite differences."""
    cs = m.comparative_statics(P)
    h = 1e-6
    fd = {
        "dnE_dalpha": (m.n_no_fee(P, P.alpha + h) - m.n_no_fee(P, P.alpha - h)) / (2 * h),
        "dnE_dx": (m.n_no_fee(P, x=P.x + h) - m.n_no_fee(P, x=P.x - h)) / (2 * h),
        "dnstar_dalpha": (m.n_fee(P, P.alpha + h) - m.n_fee(P, P.alpha - h)) / (2 * h),
        "dnstar_dx": (m.n_fee(P, x=P.x + h) - m.n_fee(P, x=P.x - h)) / (2 * h),
    }
    for k, v in fd.items():
        assert float(cs[k]) == pytest.approx(float(v), rel=1e-5, abs=1e-9), k
    assert cs["dnE_dalpha"] < 0 and cs["dnstar_dalpha"] < 0
    assert cs["dnE_dx"] > 0 and cs["dnstar_dx"] > 0
    assert abs(cs["dnstar_dx_printed"]) < 1e-9 * cs["dnstar_dx"]  # the paper's printed (7b) would say n* ignores x


@given(params(c=False))
def test_prop1_v(P):
    """Differs: α̂* = α̂^E exactly (V = nB), so a fee never rescues a bloc without migration."""
    aE, aS = m.alpha_hat_no_fee(P), m.alpha_hat_fee(P)
    assert aS == pytest.approx(aE, abs=1e-8)
    Q = replace(P, alpha=aE)
    assert float(m.n_fee(Q)) == pytest.approx(float(m.n_no_fee(Q)), rel=1e-6)
    above = replace(P, alpha=aE * 1.01)
    grid = np.linspace(P.n1, 1, 2001)
    assert float(np.max(m.bloc_value(above, grid))) < 0  # no size has positive value


# ---------------------------------------------------------------------------
# Proposition 2 and the migration block
# ---------------------------------------------------------------------------


@given(params())
def test_eq13_and_eq11_numerically(P):
    """At an interior M̃: (11) M̃ = −(4V_α + c)/(2c) and (13) α̃ = α₀ − 2 ln(−4V_α(α̃)/c)."""
    for regime in ("E", "star"):
        mg = _migration(P, regime)
        assume(mg.M > 1e-6)
        Va = float(m.value_alpha(P, regime, mg.alpha))
        assert mg.M == pytest.approx(-(4 * Va + P.c) / (2 * P.c), rel=1e-8, abs=1e-10)
        assert mg.alpha - (P.alpha - 2 * math.log(-4 * Va / P.c)) == pytest.approx(0, abs=1e-10)


@given(params())
def test_migration_is_global_optimum(P):
    """M̃ beats a fine grid of M (G need not be concave)."""
    for regime in ("E", "star"):
        mg = _migration(P, regime)
        Ms = np.linspace(0, m.M_max(P), 2001)
        G = m.value(P, regime, m.alpha_of_M(P, Ms)) - P.c * Ms
        assert mg.G >= float(G.max()) - 1e-9
        assert mg.G >= mg.V0 - 1e-12


@given(params())
def test_prop2_i(P):
    """Conditional: dΔG/dα₀ = V_α(α̃) − V_α(α₀) (envelope) and > 0 where V^j is concave."""
    h = 1e-5
    envs = []
    for regime in ("E", "star"):
        mg = _migration(P, regime)
        up = _migration(P, regime, alpha0=P.alpha + h)
        dn = _migration(P, regime, alpha0=P.alpha - h)
        assume(min(mg.M, up.M, dn.M) > 1e-4)
        fd = (up.dG - dn.dG) / (2 * h)
        env = float(m.value_alpha(P, regime, mg.alpha) - m.value_alpha(P, regime, P.alpha))
        assert fd == pytest.approx(env, rel=1e-4, abs=1e-6)
        al = np.linspace(mg.alpha, P.alpha, 41)
        k = 1e-5
        vaa = (m.value_alpha(P, regime, al + k) - m.value_alpha(P, regime, al - k)) / (2 * k)
        if np.all(vaa < 0):
            assert env > 0
        envs.append(env)
    # the claim map's predicate (lib.negotiating_blocs.checks.prop2_i_margin): the smaller envelope
    assert K.prop2_i_margin(**_fields(P)) == pytest.approx(min(envs), rel=1e-6, abs=1e-9)


def test_prop2_i_defaults_and_counterexample():
    """At the defaults ΔG^j rises over α₀ ≤ 1; at γ₁ = 0.5, c = 4 it falls before α₀ = 1."""
    a0 = np.linspace(0.05, 1.0, 20)
    for regime in ("E", "star"):
        dG = [m.optimal_migration(P0, regime, alpha0=a).dG for a in a0]
        assert np.all(np.diff(dG) > 0)
    Q = replace(P0, gamma1=0.5, c=4.0)
    for regime, peak in (("E", 0.77), ("star", 0.83)):
        assert m.optimal_migration(Q, regime, alpha0=1.0).dG < m.optimal_migration(
            Q, regime, alpha0=peak).dG
    assert np.all(K.prop2_i_margin(**{**_fields(P0), "alpha": a0}) > 0)  # the claim map agrees
    assert K.prop2_i_margin(**_fields(replace(Q, alpha=1.0))) < 0


@given(params())
def test_prop2_ii(P):
    """ΔG^j falls with c: dΔG/dc = −M̃ ≤ 0; zero for c ≥ c̄^j when V^j is concave."""
    h = 1e-5
    for regime in ("E", "star"):
        mg = _migration(P, regime)
        up = _migration(P, regime, c=P.c + h)
        dn = _migration(P, regime, c=P.c - h)
        assume(abs(up.M - dn.M) < 0.1 * max(mg.M, 1e-3))  # no jump between optima
        assert (up.dG - dn.dG) / (2 * h) == pytest.approx(-mg.M, rel=1e-4, abs=1e-7)
        assert up.dG <= dn.dG + 1e-12


def test_prop2_ii_threshold():
    """At the defaults migration stops exactly at c̄^j = −4 V^j_α(α₀)."""
    for regime in ("E", "star"):
        cb = m.c_bar(P0, regime)
        assert m.optimal_migration(P0, regime, c=cb * 1.001).M == 0
        assert m.optimal_migration(P0, regime, c=cb * 0.99).M > 0
    assert m.c_bar(P0, "E") == pytest.approx(6.497, abs=2e-3)
    assert m.c_bar(P0, "star") == pytest.approx(8.819, abs=2e-3)


def _alpha_hat_migration(P, regime):
    f = lambda a: m.optimal_migration(P, regime, alpha0=a).G  # noqa: E731
    ahat = m.alpha_hat_no_fee(P)
    return brentq(f, ahat, 1.65 * ahat, xtol=1e-10)


@given(params())
def test_prop2_iii(P):
    """G̃^j ≥ V^j(α₀); with M̃ > 0 the bloc is larger: ñ^j > n^j(α₀)."""
    for regime, size in (("E", m.n_no_fee), ("star", m.n_fee)):
        mg = _migration(P, regime)
        assert mg.G >= mg.V0 - 1e-12 and mg.dG >= -1e-12
        if mg.M > 1e-8:
            assert mg.n > float(size(P)) and mg.dG > 0


def test_prop2_iii_likelihood():
    """With migration the bloc forms beyond α̂^E (at the defaults α̂^E_M ≈ 3.5 > 2.4)."""
    aE = m.alpha_hat_no_fee(P0)
    aEM = _alpha_hat_migration(P0, "E")
    assert aEM > aE + 1.0
    assert aEM == pytest.approx(3.5, abs=0.15)


@given(params())
def test_prop2_iv(P):
    """With migration a fee gives G̃* ≥ G̃^E, ñ* > ñ^E and c̄* > c̄^E."""
    mE, mS = _migration(P, "E"), _migration(P, "star")
    assert mS.G >= mE.G - 1e-12
    assert mS.n > mE.n
    assert m.c_bar(P, "star") > m.c_bar(P, "E")


def test_prop2_iv_likelihood():
    """Strictly: α̂*_M > α̂^E_M (the migration outlay acts like a formation cost)."""
    aEM, aSM = _alpha_hat_migration(P0, "E"), _alpha_hat_migration(P0, "star")
    assert aSM > aEM + 0.1
    assert aSM == pytest.approx(3.83, abs=0.15)


def test_footnote14_soc():
    """SOC 2V_αα + V_α < 0 holds at the defaults, fails with footnote 7's pure α²m²."""
    for regime in ("E", "star"):
        mg = m.optimal_migration(P0, regime)
        assert m.soc_migration(P0, regime, mg.alpha) < 0
        assert m.soc_migration(P0, regime) < 0
    fn7 = replace(P0, gamma0=0.0, gamma1=1.0)
    assert m.soc_migration(fn7, "E") > 0
    assert K.footnote14_margin(**_fields(P0)) > 0 > K.footnote14_margin(**_fields(fn7))  # the claim map
    with pytest.raises(ValueError, match="corner"):
        m.optimal_migration(fn7, "E")


# ---------------------------------------------------------------------------
# Figure 1 geometry and results()
# ---------------------------------------------------------------------------


def test_figure1_order_at_defaults():
    """The paper's Figure-1 ordering at the defaults (brief section 3)."""
    s = m.solve(P0)
    g = geometry.areas_migration(P0, s) | geometry.areas_no_migration(P0)
    assert P0.n1 < s.nE < s.mig_E.n < s.n_star < s.mig_star.n < s.nH < 1
    assert s.B_star < s.BE < s.B_star_OR
    assert s.BE < g["Cprime"] and s.B_star_OR < g["Iprime"]
    assert g["C0AD"] == pytest.approx(s.VE) and g["F0EG"] == pytest.approx(s.V_star)
    assert g["EAD"] == pytest.approx(s.V_star - s.VE, rel=1e-9)
    assert g["CDAADC"] == pytest.approx(s.mig_E.dG, rel=1e-9)
    assert g["C0AD_t"] == pytest.approx(s.mig_E.G, rel=1e-9)
    assert g["DAE"] == pytest.approx(g["Gdiff"], rel=0.01)
    assert g["N_y"] > s.BE  # N lies above D at the defaults (curve-in-n reading)


def test_results_defaults():
    """results(): plain floats under the issue's names; the brief's rough values."""
    r = m.results()
    for k in ("nE", "BE", "VE", "n_star", "B_star", "B_star_OR", "V_star", "nH", "alpha_hat_E",
              "alpha_hat_star", "M_tilde_E", "alpha_tilde_E", "n_tilde_E", "dG_E", "M_tilde_star",
              "alpha_tilde_star", "n_tilde_star", "dG_star"):
        assert type(r[k]) is float and math.isfinite(r[k]), k
    assert r["nE"] == pytest.approx(0.30, abs=5e-4)  # alpha0 = n^E_0 (Section III identity)
    assert r["n_star"] == pytest.approx(0.434, abs=1e-3)
    assert r["nH"] == pytest.approx(0.686, abs=1e-3)
    assert r["alpha_hat_E"] == pytest.approx(2.395, abs=1e-3)
    assert r["M_tilde_star"] > r["M_tilde_E"] > 0
    assert m.alpha_fixed_point(P0) == pytest.approx(0.30, abs=1e-3)


@given(params())
def test_results_never_nan(P):
    """results() either returns finite numbers or raises ValueError naming the reason."""
    try:
        r = m.results(P)
    except ValueError as err:
        assert str(err)
        return
    assert all(math.isfinite(v) or k.startswith("c_bar") for k, v in r.items())


@pytest.mark.parametrize("changes, match", [
    ({"N": 1}, "N"), ({"rho": 0.0}, "ρ"), ({"x": 0.0}, "x"), ({"gamma1": 0.0}, "γ₁"),
    ({"alpha": -0.1}, "α"), ({"c": 0.0}, "c"), ({"a": 0.3, "b": 0.4}, "labour-intensive"),
    ({"spec": "other"}, "spec"), ({"omega": 1.5}, "ω"), ({"rho": float("nan")}, "finite|ρ"),
])
def test_bad_params_raise(changes, match):
    with pytest.raises(ValueError, match=match):
        replace(P0, **changes)


@pytest.mark.parametrize("changes, match", [
    ({"alpha": 2.6}, "no bloc forms"),
    ({"gamma0": 0.0, "gamma1": 0.02, "alpha": 0.05}, "corner"),
    ({"gamma0": 0.0, "gamma1": 1.0}, "corner"),
    ({"rho": 0.5, "x": 0.1, "gamma0": 0.3, "alpha": 1.0}, "no bloc forms"),
])
def test_no_interior_solution_raises(changes, match):
    with pytest.raises(ValueError, match=match):
        m.results(replace(P0, **changes))


# ---------------------------------------------------------------------------
# Proposition 3: the Heckscher-Ohlin block
# ---------------------------------------------------------------------------


@st.composite
def ho_params(draw):
    a = draw(st.floats(0.55, 0.9))
    b = draw(st.floats(0.1, 0.45))
    P = replace(P0, a=a, b=b, s_X=draw(st.floats(0.1, 0.9)), L_bar=draw(st.floats(0.3, 0.8)))
    return P, draw(st.floats(0.3, 3.0))


@given(ho_params())
def test_prop3(Pp):
    """(A) dE_X/dt = −s_X/p, dM_Y/dt = −s_X; (B) dX/dp > 0, dY/dp < 0, dE_X/dp, dM_Y/dp > 0."""
    P, p = Pp
    h = 1e-6
    try:
        base = hos.ho_equilibrium(P, p)
        up, dn = hos.ho_equilibrium(P, p * (1 + h)), hos.ho_equilibrium(P, p * (1 - h))
    except ValueError:
        assume(False)
    tr = hos.ho_equilibrium(P, p, t=0.01)
    assert (tr.E_X - base.E_X) / 0.01 == pytest.approx(-P.s_X / p, rel=1e-9)
    assert (tr.M_Y - base.M_Y) / 0.01 == pytest.approx(-P.s_X, rel=1e-9)
    assert base.p * base.E_X == pytest.approx(base.M_Y, rel=1e-9, abs=1e-12)  # trade balance
    assert up.X > dn.X and up.Y < dn.Y and up.E_X > dn.E_X and up.M_Y > dn.M_Y
    # "a fortiori": with a share omega of the outlay Z bought as X, exports fall by omega Z/p more
    plain = hos.ho_equilibrium(P, p, t=0.01, Z=0.02)
    a_fortiori = hos.ho_equilibrium(replace(P, omega=0.5), p, t=0.01, Z=0.02)
    assert a_fortiori.E_X - plain.E_X == pytest.approx(-0.5 * 0.02 / p, rel=1e-9)


def test_prop3_chain_and_neutrality():
    """As M rises to M̃^j trade falls under transfers, rises under market access; dp/dn > 0."""
    for regime in ("E", "star"):
        A = hos.trade_path(P0, regime, "transfers")
        B = hos.trade_path(P0, regime, "market access")
        assert np.all(np.diff(A["volume"]) < 0) and np.all(np.diff(A["E_X"]) < 0)
        assert np.all(np.diff(B["volume"]) > 0) and np.all(np.diff(B["E_X"]) > 0)
    n = np.linspace(P0.n1, 1, 50)
    assert np.all(np.diff(hos.export_price(P0, n)) > 0)
    # integrated equilibrium: moving labour between states inside the cone leaves (X, Y) unchanged
    p = float(hos.export_price(P0, m.n_no_fee(P0)))
    L = np.linspace(0.26, 0.74, 9)
    L2 = L + np.array([0.05, -0.05, 0.03, 0, 0, 0, -0.03, 0.02, -0.02])
    X1, Y1 = hos.outputs(P0, p, L)
    X2, Y2 = hos.outputs(P0, p, L2)
    assert X1.sum() == pytest.approx(X2.sum(), rel=1e-12) and Y1.sum() == pytest.approx(Y2.sum(), rel=1e-12)
    with pytest.raises(ValueError, match="cone"):
        hos.outputs(P0, 5.0)


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------


def test_registry_points_at_real_tests():
    assert all(isinstance(it, Item) and it.paper == "schiff" for it in REGISTRY)
    ids = {it.id for it in REGISTRY}
    for want in ("Fig. 1", "Prop. 1(i)", "Prop. 1(v)", "Prop. 2(i)", "Prop. 2(iv)", "Prop. 3"):
        assert want in ids
    for it in REGISTRY:
        if not it.is_figure_label:
            path, name = it.ours.split("::")
            assert name in globals() and path.endswith("test_negotiating_blocs.py"), it.ours


# --- issue #12 (referee), items 11, 12, 14 ------------------------------------------------------

def test_eq8_both_readings():
    """Item 11: the other decoding of (8), −2/(M+1), is (8) with M in units twice as large: at cost c it
    gives the chosen reading's optimum at cost 2c (M̃ doubled, same α̃, ΔG); every check of Props 1-3
    has the same verdict at the defaults; the second-order condition is the same; c̄ halves."""
    from lib.negotiating_blocs import checks

    alt = replace(P0, spec="paper_alt")
    for regime in ("E", "star"):
        a, b = m.optimal_migration(replace(P0, c=2 * P0.c), regime), m.optimal_migration(alt, regime)
        assert b.M == pytest.approx(2 * a.M, rel=1e-9)
        assert (b.alpha, b.dG) == pytest.approx((a.alpha, a.dG), rel=1e-9)
        assert m.c_bar(alt, regime) == pytest.approx(m.c_bar(P0, regime) / 2, rel=1e-12)
        assert m.soc_migration(alt, regime) == m.soc_migration(P0, regime)
    verdicts = [[c.holds for c in f(Q)] for Q in (P0, alt)
                for f in (checks.proposition_1, checks.proposition_2, checks.proposition_3)]
    assert verdicts[:3] == verdicts[3:]
    # the Prop. 2(i) counter-example carries over at half the cost
    Q = replace(alt, gamma1=0.5, c=2.0)
    assert m.optimal_migration(Q, "E", alpha0=1.0).dG < m.optimal_migration(Q, "E", alpha0=0.77).dG


def test_prop2_i_counterexample_keeps_identity():
    """Item 12: at a point where α₀ = n^E(α₀) holds, ΔG^E falls with α₀ (interior optima)."""
    R = replace(P0, rho=2.9, x=1.0, gamma0=0.06, gamma1=0.6, N=8, c=13.0)
    a = m.alpha_fixed_point(R)
    assert m.n_no_fee(replace(R, alpha=a), a) == pytest.approx(a, rel=1e-10)
    lo, mid, hi = (m.optimal_migration(R, "E", alpha0=x) for x in (a - 0.01, a, a + 0.01))
    assert lo.dG > mid.dG > hi.dG
    assert all(g.corner == "none" and g.M > 0 for g in (lo, mid, hi))
    item = next(it for it in REGISTRY if it.id == "Prop. 2(i)")
    assert item.status == "partial" and "ρ = 2.9" in item.note


def test_cosmetics_render():
    """Item 14: no literal 'alphaalpha' in the SOC output, no literal '^' in fig-schiff-s4's title."""
    import matplotlib.pyplot as plt

    from lib.negotiating_blocs import figures as nbf

    assert "alphaalpha" not in sym.sp.latex(sym.migration_algebra()["G_MM"])
    title = nbf.fig_s4(P0).axes[0].get_title()
    outside_math = "".join(title.split("$")[::2])
    assert "^" not in outside_math
    plt.close("all")


def test_alpha_at_M_max_is_zero_not_rounding_below():
    """α(M_max) is exactly 0 (a −1e-16 would fail the model's α ≥ 0 validation downstream)."""
    P = replace(P0, N=8, rho=1.0, x=3.0, gamma0=0.125, gamma1=0.5, alpha=0.9372697865249737)
    for spec in ("paper", "paper_alt"):
        Q = replace(P, spec=spec)
        a = m.alpha_of_M(Q, np.linspace(0, m.M_max(Q), 2001))
        assert a.min() == 0.0
        m.value(Q, "E", a)  # no ValueError
