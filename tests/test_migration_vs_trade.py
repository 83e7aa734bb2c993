"""Gordon (2010): the claims table, the propositions' pin cites and the book's illustrations F1-F4.

Each illustration's claim is checked over sweeps / hypothesis searches of its
admissible parameters; closed forms are checked against the numerical solvers
and, where there is algebra, with sympy.
"""

import dataclasses
import hashlib
import math
import re
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from lib.migration_vs_trade import data, essay
from lib.migration_vs_trade import model as m
from lib.migration_vs_trade.checks import f1_wage_signs_margin
from lib.migration_vs_trade.data import ClaimsFormatError, load_claims, parse_claims

CSV_SHA256 = "18a95d8603844c6987bec174a259ba29646bc3af20cdc8d485f2c3af63b907e6"

# ---------------------------------------------------------------- data


def test_claims_file_unchanged():
    assert hashlib.sha256(data.CLAIMS_PATH.read_bytes()).hexdigest() == CSV_SHA256


def test_claims_table_shape_and_spot_values():
    c = load_claims()
    assert len(c) == 93
    assert list(c) == [f"Q{i:02d}" for i in range(1, 94)]
    spot = {"Q04": 4.3, "Q05": 9.2, "Q07": 11.6, "Q12": 356, "Q36": 2265, "Q69": 176}
    for k, v in spot.items():
        assert c[k].value == v
    assert c["Q35"].bound == "lower" and c["Q81"].bound == "upper" and c["Q08"].bound == "approx"
    assert c["Q04"].bound == "point"
    assert c["Q19"].value == 0 and c["Q74"].value == 0  # zeros are claims
    assert all(isinstance(x.value, float) for x in c.values())


def _write(tmp_path, text):
    p = tmp_path / "claims.csv"
    p.write_text(text, encoding="utf-8")
    return p


HEAD = "id,section_or_footnote,quantity,value,unit,year,cited_source\n"


@pytest.mark.parametrize("body,msg", [
    ("Q01,x,thing,1,u,2010,s\nQ01,x,thing,2,u,2010,s\n", "duplicate id"),
    ("Q01,x,thing,one,u,2010,s\n", "not a number"),
    ("Q1,x,thing,1,u,2010,s\n", "id must look like"),
    ("Q01,x,thing [roughly],1,u,2010,s\n", "unknown hedge"),
    ("Q01,x,,1,u,2010,s\n", "non-empty"),
    ("Q01,x,thing,nan,u,2010,s\n", "finite"),
])
def test_malformed_claims_raise(tmp_path, body, msg):
    with pytest.raises(ClaimsFormatError, match=msg):
        load_claims(_write(tmp_path, HEAD + body))


def test_missing_column_raises(tmp_path):
    with pytest.raises(ClaimsFormatError, match="missing required column"):
        load_claims(_write(tmp_path, "id,quantity,value\nQ01,a,1\n"))
    with pytest.raises(ClaimsFormatError, match="no rows"):
        parse_claims([])
    assert isinstance(ClaimsFormatError("x"), ValueError)


def test_claim_accessor():
    assert data.value("Q22") == 153
    with pytest.raises(KeyError, match="Q99"):
        data.claim("Q99")


# ---------------------------------------------------------------- propositions and tables


def test_proposition_pin_cites():
    ids = [p.id for p in essay.PROPOSITIONS]
    assert ids == [f"P{i}" for i in range(21)] + ["C1", "C2", "C3"]
    rows = load_claims()
    for p in essay.PROPOSITIONS:
        lo, hi = essay.SECTION_PAGES[p.section]
        assert lo <= p.pages[0] <= p.pages[1] <= hi, p.id
        for q in p.claims:
            assert q in rows, (p.id, q)
        assert p.normative == p.id.startswith("C")
        assert p.figure == "" or re.match(r"^fig-gordon-[df]\d$", p.figure)
    # sections follow the essay's order, pages never go backwards
    starts = [p.pages[0] for p in essay.PROPOSITIONS]
    assert starts == sorted(starts)
    assert essay.SECTION_PAGES["Intro"][0] == 1109 and essay.SECTION_PAGES["Concl."][1] == 1145


def test_propositions_quote_csv_numbers():
    """Every number a proposition states for a cited row is that row's value."""
    rows = load_claims()
    words = {"Q23": "a third", "Q56": "only in the EU"}  # words for 33.3 and 1
    checked = 0
    for p in essay.PROPOSITIONS:
        text = p.statement.replace(",", "")
        for q in p.claims:
            r = rows[q]
            if r.unit.startswith("year") or r.unit in ("years", "persons per year") or r.value == 0:
                continue
            assert words.get(q, f"{r.value:g}") in text, (p.id, q)
            checked += 1
    assert checked > 30


def test_p3_outsourcing_ratio():
    q = data.claim("Q01")
    assert q.value == 8 and q.hedge == "over" and q.bound == "lower"
    assert "more than 8 to 1" in essay.proposition("P3").statement


def test_table_t1():
    dims = [r[0] for r in essay.TABLE_T1]
    assert dims == ["Comprehensiveness", "Protection and enforceability", "Relation to domestic law",
                    "Bilateral vs regional", "Uniformity and transparency"]
    md = essay.table_t1_markdown().splitlines()
    assert len(md) == 2 + 5 and all(line.count("|") == 4 for line in md)
    assert "reversed" in essay.TABLE_T1[3][2]
    assert str(int(data.value("Q77"))) in "".join(essay.TABLE_T1[2]).replace("six", "6")


def test_table_t2():
    assert len(essay.TABLE_T2_HEAD) == 5
    for row in essay.TABLE_T2:
        assert len(row) == 5
        assert all(cell.startswith("gain") for cell in row[1:4])
        assert row[4].startswith("loss") and "tiny gain as consumers" in row[4]
    md = essay.table_t2_markdown().splitlines()
    assert all(line.count("|") == 6 for line in md)


# ---------------------------------------------------------------- F1: HOS


hos = st.builds(
    m.HOSParams,
    K_H=st.floats(20, 280), L_H=st.floats(20, 280),
    alpha=st.floats(0.55, 0.95), beta=st.floats(0.05, 0.45), gamma=st.floats(0.1, 0.9),
)


def test_f1_checkpoints():
    P = m.HOSParams()
    aut, tr = m.autarky(P), m.free_trade(P)
    assert P.s == pytest.approx(0.5)
    np.testing.assert_allclose(aut.real_wage, [0.383875, 0.191938], atol=1e-6)
    assert aut.wage_ratio == pytest.approx(2.0, rel=1e-12)
    np.testing.assert_allclose(tr.real_wage, 0.271441, atol=1e-6)
    np.testing.assert_allclose(aut.w / aut.r, [2.0, 0.5])
    integ = m.integrated(P)
    assert integ["omega"] == pytest.approx(1.0)
    assert (integ["kX"], integ["kY"]) == pytest.approx((3 / 7, 7 / 3))
    assert m.migration_M_star(P) == pytest.approx(100.0)


@given(hos)
def test_f1_autarky_closed_forms_match_solver(P):
    closed, num = m.autarky(P), m.autarky_numeric(P)
    np.testing.assert_allclose(num.pX, closed.pX, rtol=1e-9)
    np.testing.assert_allclose(num.real_wage, closed.real_wage, rtol=1e-9)
    np.testing.assert_allclose(closed.real_wage, m.autarky_real_wage_closed(P), rtol=1e-10)
    np.testing.assert_allclose(closed.w / closed.r, P.s / (1 - P.s) * P.K / P.L, rtol=1e-12)
    assert closed.wage_ratio == pytest.approx(m.autarky_gap_closed(P), rel=1e-10)


@given(hos)
def test_f1_fpe_iff_inside_cone(P):
    tr = m.free_trade(P)
    if m.integrated(P)["in_cone"]:
        assert tr.wage_ratio == pytest.approx(1.0, abs=1e-9)
        assert np.all(tr.regime == 0)
    else:
        assume(True)
        assert abs(tr.wage_ratio - 1.0) > 1e-9
        assert np.any(tr.regime != 0)


@given(hos)
def test_f1_trade_and_migration_equivalent_inside_cone(P):
    mig, tr, aut = m.free_migration(P), m.free_trade(P), m.autarky(P)
    np.testing.assert_allclose(mig.real_wage[0], mig.real_wage[1], rtol=1e-12)
    assert mig.L_work[0] - P.L_H == pytest.approx(m.migration_M_star(P), rel=1e-12, abs=1e-9)
    assert mig.L_work[0] / P.K_H == pytest.approx(P.L_W / P.K_W)
    if m.integrated(P)["in_cone"]:
        np.testing.assert_allclose(tr.real_income, mig.real_income, rtol=1e-9)
        np.testing.assert_allclose(tr.real_wage, mig.real_wage, rtol=1e-9)
    else:  # outside the cone the two are not substitutes
        assert not np.allclose(tr.real_income, mig.real_income, rtol=1e-9)
    # both regimes raise every country's real income (gains from trade / from migration)
    assert np.all(tr.real_income >= aut.real_income - 1e-9)
    assert np.all(mig.real_income >= aut.real_income - 1e-9)


@given(hos)
def test_f1_wage_signs(P):
    aut = m.autarky(P)
    k = P.K / P.L
    assume(abs(k[0] - k[1]) > 1e-3 * k.max())
    rich = 0 if k[0] > k[1] else 1
    # Stolper-Samuelson signs for trade need diversification (inside the cone); with
    # complete specialisation the scarce factor can gain from cheaper imports.
    regimes = [m.free_migration(P)] + ([m.free_trade(P)] if m.integrated(P)["in_cone"] else [])
    for eq in regimes:
        assert eq.real_wage[rich] < aut.real_wage[rich]
        assert eq.real_wage[1 - rich] > aut.real_wage[1 - rich]
    if m.integrated(P)["in_cone"]:  # the claim map's predicate agrees (lib.migration_vs_trade.checks)
        assert f1_wage_signs_margin(**dataclasses.asdict(P)) > 0


def test_f1_specialised_scarce_factor_can_gain_from_trade():
    """Qualification of the brief's sign check: outside the cone, with complete
    specialisation, the capital-rich country's workers gain from cheaper imports."""
    P = m.HOSParams(K_H=20.0, L_H=259.0, alpha=0.75, beta=0.4375, gamma=0.5)
    aut, tr = m.autarky(P), m.free_trade(P)
    assert not m.integrated(P)["in_cone"] and list(tr.regime) == [1, 2]
    assert tr.real_wage[1] > aut.real_wage[1]  # F is capital-rich here, and its workers gain
    assert f1_wage_signs_margin(**dataclasses.asdict(P)) < 0  # the claim map marks it as a failure
    np.testing.assert_allclose([aut.real_wage[1], tr.real_wage[1]], [0.6823, 0.6852], atol=1e-4)
    assert m.free_migration(P).real_wage[1] < aut.real_wage[1]  # migration still lowers it


def test_f1_asymmetric_gains_equal_across_regimes_not_countries():
    P = m.HOSParams(K_H=220, L_H=120)
    aut = m.autarky(P)
    g_tr = m.free_trade(P).real_income - aut.real_income
    g_mig = m.free_migration(P).real_income - aut.real_income
    np.testing.assert_allclose(g_tr, g_mig, rtol=1e-9)
    np.testing.assert_allclose(g_tr, [4.0821, 5.4288], rtol=2e-5)
    assert abs(g_tr[0] - g_tr[1]) > 1
    np.testing.assert_allclose(m.free_trade(m.HOSParams()).real_income - m.autarky(m.HOSParams()).real_income,
                               4.6572, rtol=2e-5)


def test_f1_outside_cone():
    P = m.HOSParams(L_H=100, K_H=500, K_W=520, L_W=300)
    assert not m.integrated(P)["in_cone"]
    tr = m.free_trade(P)
    assert tr.wage_ratio == pytest.approx(2.213397, rel=1e-6)
    assert tr.regime[1] == 1 and tr.regime[0] == 0  # F specialises in X


def test_f1_sympy_autarky_wage_rental():
    """w/r = s/(1-s) k from Cobb-Douglas factor shares: labour earns s of GDP, capital 1-s."""
    a, b, g, L, K = sp.symbols("alpha beta gamma L K", positive=True)
    s = a * g + b * (1 - g)
    wL = a * g + b * (1 - g)  # labour's share of GDP (= 1): alpha of X's value gamma, beta of Y's
    rK = (1 - a) * g + (1 - b) * (1 - g)
    assert sp.simplify(rK - (1 - s)) == 0
    assert sp.simplify((wL / L) / (rK / K) - s / (1 - s) * K / L) == 0


# ---------------------------------------------------------------- F2: technology gap


def test_f2_tau_one_is_f1():
    T, P = m.TechParams(tau=1.0), m.HOSParams()
    np.testing.assert_allclose(m.free_trade(T).real_wage, m.free_trade(P).real_wage, rtol=1e-12)
    np.testing.assert_allclose(m.autarky(T).real_wage, m.autarky(P).real_wage, rtol=1e-14)


@given(st.floats(1.0, 4.0), st.sampled_from(["X", "Y"]), st.floats(0.2, 0.8))
def test_f2_autarky_gap_closed_form(tau, edge, gamma):
    T = m.TechParams(tau=tau, edge=edge, gamma=gamma)
    expo = gamma if edge == "X" else 1 - gamma
    expected = tau**expo * (2.0 / 0.5) ** (1 - T.s)
    assert m.autarky_gap_closed(T) == pytest.approx(expected, rel=1e-12)
    assert m.autarky_numeric(T).wage_ratio == pytest.approx(expected, rel=1e-9)


def test_f2_checkpoints_and_crossing():
    T = m.TechParams()
    assert m.autarky_gap_closed(T) == pytest.approx(2.828427, rel=1e-6)
    assert m.free_trade(T).wage_ratio == pytest.approx(3.363586, rel=1e-6)
    T15 = m.TechParams(tau=1.5)
    assert (m.autarky_gap_closed(T15), m.free_trade(T15).wage_ratio) == pytest.approx((2.449490, 2.033105), rel=1e-6)
    assert np.all(m.free_trade(T).regime == 0)  # both diversified at the default
    tstar = m.crossing_tau(T)
    assert 1.5 < tstar < 2.0 and tstar == pytest.approx(1.741101, rel=1e-6)
    sw = m.tau_sweep(T, np.linspace(1.2, 3.0, 181))
    d = np.sign(sw["trade_gap"] - sw["autarky_gap"])
    assert np.count_nonzero(np.diff(d)) == 1
    assert m.specialisation_tau(T) == pytest.approx(2.99, abs=0.01)


def test_f2_equal_endowments_widen_for_every_tau():
    T = dataclasses.replace(m.TechParams(), **m.ENDOWMENT_PRESETS["equal endowments"])
    for tau in (1.25, 1.5, 2.0, 3.0):
        Q = dataclasses.replace(T, tau=tau)
        assert m.free_trade(Q).wage_ratio > m.autarky_gap_closed(Q)
    with pytest.raises(ValueError, match="no crossing"):
        m.crossing_tau(T)


def test_f2_edge_in_y_narrows_and_reverses():
    T = m.TechParams(edge="Y")
    tr = m.free_trade(T).wage_ratio
    assert tr < m.autarky_gap_closed(T)
    assert tr == pytest.approx(0.92, abs=0.01) and tr < 1


@given(st.floats(1.0, 4.0), st.sampled_from(["X", "Y"]), st.floats(60, 240), st.floats(60, 240))
def test_f2_world_price_between_autarky_prices_and_sweep_matches_brentq(tau, edge, K_H, L_H):
    T = m.TechParams(tau=tau, edge=edge, K_H=K_H, L_H=L_H)
    pa = m.autarky(T).pX
    tr = m.free_trade(T)
    assert pa.min() * (1 - 1e-12) <= tr.pX[0] <= pa.max() * (1 + 1e-12)
    sw = m.tau_sweep(T, [tau])
    assert sw["pX"][0] == pytest.approx(tr.pX[0], rel=1e-9)
    assert sw["trade_gap"][0] == pytest.approx(tr.wage_ratio, rel=1e-9)


# ---------------------------------------------------------------- F3: who gains


gains = st.builds(m.GainsParams, m=st.floats(0, 0.45), rho=st.floats(1, 20), a=st.floats(0.5, 0.9),
                  c=st.floats(0, 0.5), phi=st.floats(0, 0.5), LO_ratio=st.floats(1, 5))


@given(gains)
def test_f3_groups_sum_to_world(P):
    g = m.migration_gains(P)
    scale = max(1.0, float(abs(g.dQ_D)) + float(abs(g.dQ_O)))
    assert float(g.world) == pytest.approx(float(g.dQ_D + g.dQ_O - g.cost), abs=1e-12 * scale * 100)
    assert float(g.surplus) >= -1e-12  # immigration surplus is never negative
    # surplus = integral of the demand curve minus the migrants' wage bill
    from scipy.integrate import quad
    integral = quad(lambda x: float(m.wage_D(P, x)), P.L_D, P.L_D + float(g.M))[0]
    assert float(g.surplus) == pytest.approx(integral - float(g.M * g.w_D), abs=1e-9)
    if P.m > 1e-6:
        assert g.w_D < 1 and g.w_O > 1 / P.rho
    if float(g.world) > 1e-9:  # shares of the world gain add up to one
        assert sum(float(v) for v in g.shares().values()) == pytest.approx(1.0, rel=1e-9)


def test_f3_defaults():
    P = m.GainsParams()
    g = m.migration_gains(P)
    assert float(g.surplus) == pytest.approx(0.013158, rel=1e-4)
    assert abs(float(g.surplus) / m.surplus_approx(P) - 1) < 0.05
    sh = g.shares()
    assert sh["migrants"] > 0.95
    assert (sh["natives"] + sh["capital_D"]) < 0.01
    assert sum(sh.values()) == pytest.approx(1.0)
    z = m.migration_gains(dataclasses.replace(P, m=0.0))
    assert all(abs(float(getattr(z, k))) < 1e-12 for k in z.GROUPS)


@given(st.floats(0.01, 0.45), st.floats(1.5, 20), st.floats(0.05, 0.5))
def test_f3_remittances_move_gains_only(mm, rho, phi):
    P0 = m.GainsParams(m=mm, rho=rho)
    g0, g1 = m.migration_gains(P0), m.migration_gains(dataclasses.replace(P0, phi=phi))
    assert float(g1.world) == pytest.approx(float(g0.world), rel=1e-12, abs=1e-12)
    assert g1.migrants < g0.migrants and g1.stayers > g0.stayers
    assert float(g0.migrants - g1.migrants) == pytest.approx(float(g1.stayers - g0.stayers), rel=1e-10)


@given(st.floats(0.01, 0.45), st.floats(0.5, 0.9))
def test_f3_no_gap_no_gain(mm, a):
    g = m.migration_gains(m.GainsParams(m=mm, rho=1.0, a=a))
    assert float(g.world) < 0
    with pytest.raises(ValueError, match="positive world gain"):
        g.shares()


def test_f3_sympy_surplus_second_order():
    from lib.migration_vs_trade.derivations import surplus_leading_term

    surplus, lead = surplus_leading_term()
    a, L, M = (next(v for v in lead.free_symbols if v.name == n) for n in ("a", "L_D", "M"))
    assert sp.simplify(lead - sp.Rational(1, 2) * (1 - a) * M**2 / L) == 0
    # and the symbolic surplus matches the model's numbers
    P = m.GainsParams(m=0.07, a=0.65)
    val = float(surplus.subs({a: P.a, L: P.L_D, M: P.m * P.L_D}))
    assert val == pytest.approx(float(m.migration_gains(P).surplus), rel=1e-12)


# ---------------------------------------------------------------- F4: negotiation game


def test_f4_presets():
    base = m.BargainParams()
    for name, (_, _, expected) in m.PRESETS.items():
        out = m.bargain(m.apply_preset(base, name))
        assert out.feasible == expected.startswith("deal"), name
    out = m.bargain(m.apply_preset(base, "Shared responsibility"))
    assert (out.e, out.dA, out.dB) == pytest.approx((0.4625, 0.3375, 0.3375))
    assert m.bargain(m.apply_preset(base, "Shared resp. + power imbalance")).dB == pytest.approx(0.0)
    assert not m.bargain(base).feasible
    with pytest.raises(ValueError, match="unknown preset"):
        m.apply_preset(base, "nope")


bargains = st.builds(m.BargainParams, theta=st.floats(0, 1), rho=st.floats(0, 1), kappa=st.floats(-0.5, 1),
                     lam=st.floats(0, 1), eps=st.floats(0, 2), eta=st.floats(0, 1), W=st.floats(0, 3),
                     s_B=st.floats(0, 1), K_B=st.floats(0, 1))


@given(bargains, st.floats(0.01, 0.5))
def test_f4_comparative_statics(P, d):
    a0 = m.a_zero(P)
    assert m.a_zero(P, theta=min(1, P.theta + d)) <= a0
    assert m.a_zero(P, rho=min(1, P.rho + d)) >= a0
    assert m.a_zero(dataclasses.replace(P, kappa=P.kappa + d)) < a0
    assert m.a_zero(dataclasses.replace(P, lam=P.lam + d)) > a0
    more = dataclasses.replace(P, eps=P.eps + d)
    assert m.deal_feasible(more) >= m.deal_feasible(P)  # region never shrinks as ε rises


@given(bargains)
def test_f4_nash_solution(P):
    out = m.bargain(P)
    if not out.feasible:
        assert out.e == 0 and out.dA == 0 and out.dB == 0
        assert out.b0 < 0 or out.a0 + P.eps * out.b0 < 0
        return
    assert -1e-12 <= out.e <= out.b0 + 1e-12
    assert out.dA >= -1e-12 and out.dB >= -1e-12
    if P.eps == 0:
        assert out.e == 0 and out.a0 >= 0
        return
    lo = max(0.0, -out.a0 / P.eps)
    if out.b0 - lo < 1e-6 or P.eta in (0.0, 1.0):
        return
    def neg(e):  # noqa: E306
        x, y = out.a0 + P.eps * e, out.b0 - e
        return -(P.eta * math.log(max(x, 1e-300)) + (1 - P.eta) * math.log(max(y, 1e-300)))
    best = minimize_scalar(neg, bounds=(lo, out.b0), method="bounded", options={"xatol": 1e-10})
    assert out.e == pytest.approx(best.x, abs=1e-5)


def test_f4_symmetric_split_and_no_deal_cases():
    P = m.BargainParams(eps=1.0, eta=0.5)
    out = m.bargain(P)
    assert 0 < out.e < out.b0 and out.dA == pytest.approx(out.dB)
    assert m.bargain(dataclasses.replace(P, eta=1.0)).dB == pytest.approx(0.0, abs=1e-12)
    Q = m.BargainParams(eps=0.0)
    assert m.a_zero(Q) < 0 and not m.bargain(Q).feasible


def test_f4_boundary_matches_grid():
    for P in (m.BargainParams(), m.BargainParams(kappa=0.9, R=0.6), m.BargainParams(kappa=1.0, eps=0.1, lam=0.1)):
        th = np.linspace(0, 1, 101)
        T, R = np.meshgrid(th, th)
        brute = (m.b_zero(P) >= 0) & (m.a_zero(P, T, R) + P.eps * m.b_zero(P) >= 0)
        closed = R >= m.boundary_rho(P, T)
        far = np.abs(R - m.boundary_rho(P, T)) > 1e-9
        assert np.array_equal(brute[far], closed[far])
        assert np.array_equal(brute, m.deal_feasible(P, T, R))
    np.testing.assert_allclose(m.boundary_rho(m.BargainParams(), th), 2 * th - 1.6, atol=1e-12)


def test_f4_sympy_nash_foc():
    from lib.migration_vs_trade.derivations import nash_effort

    sol = nash_effort()
    sym = {v.name: v for v in sol.free_symbols}
    a0, b0, eps, eta = sym["a_0"], sym["b_0"], sym["varepsilon"], sym["eta"]
    assert sp.simplify(sol - (eta * eps * b0 - (1 - eta) * a0) / eps) == 0
    P = m.BargainParams(eps=1.3, eta=0.4, theta=0.9, rho=0.1)
    out = m.bargain(P)
    interior = float(sol.subs({a0: out.a0, b0: out.b0, eps: P.eps, eta: P.eta}))
    assert 0 < interior < out.b0 and out.e == pytest.approx(interior, rel=1e-12)


def test_f4_theta_micro_foundation():
    assert m.theta_from_supply(10, 0.1) == 1.0
    assert m.theta_from_supply(0.5, 0.5) == pytest.approx(0.25)
    with pytest.raises(ValueError):
        m.theta_from_supply(0, 0.5)


# ---------------------------------------------------------------- validation and results


@pytest.mark.parametrize("cls,kw,msg", [
    (m.HOSParams, {"alpha": 0.3, "beta": 0.4}, "β < α"),
    (m.HOSParams, {"gamma": 1.0}, "γ"),
    (m.HOSParams, {"K_H": 300.0}, "K_H < K_W"),
    (m.HOSParams, {"L_H": float("nan")}, "finite"),
    (m.TechParams, {"tau": 0.5}, "τ"),
    (m.TechParams, {"edge": "Z"}, "edge"),
    (m.GainsParams, {"rho": 0.5}, "ϱ ≥ 1"),
    (m.GainsParams, {"m": 0.5, "LO_ratio": 0.5}, "fewer than the origin"),
    (m.GainsParams, {"a": 1.0}, "0 < a < 1"),
    (m.BargainParams, {"theta": 1.5}, "theta"),
    (m.BargainParams, {"R": 0.0}, "R > 0"),
])
def test_bad_parameters_raise(cls, kw, msg):
    with pytest.raises(ValueError, match=msg):
        cls(**kw)


def test_free_migration_needs_identical_technology():
    with pytest.raises(ValueError, match="identical technologies"):
        m.free_migration(m.TechParams())


def test_results():
    r = m.results()
    for k in ("autarky_wage_ratio", "trade_wage_ratio", "migration_M_star", "crossing_tau",
              "immigration_surplus", "migrants_share", "world_gain"):
        assert isinstance(r[k], float) and math.isfinite(r[k])
    assert r["autarky_wage_ratio"] == pytest.approx(2.0)
    assert r["trade_wage_ratio"] == pytest.approx(1.0)
    assert r["migration_M_star"] == pytest.approx(100.0)
    assert r["crossing_tau"] == pytest.approx(1.741101, rel=1e-6)
    assert r["migrants_share"] > 0.95 and r["bargain_deal"] == 0.0
    r2 = m.results(m.GainsParams(m=0.2))
    assert r2["immigration_surplus"] > r["immigration_surplus"]
    assert m.results(m.Illustrations())["world_gain"] == r["world_gain"]
    with pytest.raises(ValueError, match="world gain"):
        m.results(m.GainsParams(rho=1.0))
    with pytest.raises(ValueError, match="results"):
        m.results(42)


def test_presets_table_matches_bargain():
    md = essay.presets_markdown().splitlines()
    assert len(md) == 2 + len(m.PRESETS)
    for line, (name, (_, _, expected)) in zip(md[2:], m.PRESETS.items(), strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[0] == name and cells[6] == ("yes" if expected.startswith("deal") else "no")


# --- issue #12 (referee), items 22-25 -----------------------------------------------------------

def test_statements_keep_the_essays_words():
    """Items 22-23: hedges, comparisons and attributions the chapter had dropped."""
    s = {p.id: p.statement for p in essay.PROPOSITIONS}
    assert "may favor developed countries more in the case of trade than in the case of immigration" in s["P17"]
    assert "the genuine possibility of reciprocity" in s["P19"]
    assert "policy experts" in s["C1"]
    assert "more than doubled" in s["P5"]
    assert "for a year or more" in s["P11"] and "fn 56" in s["P11"]
    assert "ten central and eastern European" in s["P12"] and "fn 66" in s["P12"]


def test_registry_notes_say_what_is_charted():
    """Item 25: 'its numbers charted' only where every number is in a data figure."""
    from lib.migration_vs_trade import REGISTRY
    from lib.migration_vs_trade.data import DATA_ROWS

    charted = set().union(*DATA_ROWS.values())
    for p in essay.PROPOSITIONS:
        it = next(i for i in REGISTRY if i.id == p.id)
        if "numbers charted" in it.note:
            assert p.claims and set(p.claims) <= charted, p.id
    for pid in ("P2", "P7", "P11", "P12"):
        assert "numbers charted" not in next(i for i in REGISTRY if i.id == pid).note


def test_chapter_labels_the_book_models_and_anchors():
    """Items 24-25: F1-F4 alt texts and explorers say the model is the book's; 'little clamor' is IV.D;
    no multilateral investment regime in the opener; no unsourced NAFTA entry-into-force date."""
    import re

    import nbformat

    nb = nbformat.read(Path(__file__).parent.parent / "chapters" / "gordon.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for lab in ("f1", "f2", "f3", "f4"):
        alt = re.search(rf":name: fig-gordon-{lab}\n(?::[\w-]+: [^\n]*\n)*?:alt: ([^\n]*)", text).group(1)
        assert "book's own illustrative model" in alt, lab
    from lib.migration_vs_trade.figures import FIGURES  # the explorers are declared there (#17)

    for lab in ("F1", "F2", "F3", "F4"):
        explore = FIGURES[f"fig-gordon-{lab.lower()}"].explore
        assert [e.alt for e in explore] == [f"{lab}, the book's illustrative model (not in the essay)"]
        assert all("the book's model, not the essay's" in e.title for e in explore)
    assert "IV.C: trade is reciprocal, migration nearly one-way (\"little clamor\"" not in text
    assert "at every level (multilateral, regional, bilateral)" not in text
    assert "1994" not in text
    assert "every illustration above reproduces" not in text


def test_d6_hedged_values_are_bounds():
    """Item 24: 'as high as' 16:1 and 'approximately' 6:1 are open hatched bars, not solid ones."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    from lib.migration_vs_trade import charts

    fig = charts.fig_d6()
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    by_width = {round(p.get_width(), 6): p for p in bars}
    C = load_claims()
    for q in ("Q88", "Q90"):
        assert by_width[C[q].value].get_hatch() == "//", q
    assert not by_width[C["Q87"].value].get_hatch()      # 10:1 is not hedged: solid
    labels = " ".join(t.get_text() for t in fig.axes[0].get_yticklabels())
    assert "often" in labels and "source dated" in labels
    plt.close("all")
