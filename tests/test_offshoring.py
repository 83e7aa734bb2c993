"""Baldwin & Okubo: the model, its closed forms and every result, over the admissible space.

Property tests draw admissible parameters (the brief's box: sigma in [1.3, 8],
beta in [1.05, 15], sE in [0.51, 0.95], (beta-1) fI/f in (0.01, 0.95)) with
hypothesis (deterministic profile from conftest).  Closed forms are checked
symbolically (sympy, :mod:`lib.offshoring.derivations`) *and* against the
numerical model, so a wrong model fails here.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from scipy.integrate import quad

from lib import offshoring as bo
from lib.offshoring import checks as K
from lib.offshoring import derivations as D
from lib.offshoring import model as m

P0 = bo.Params()
ODD = bo.Params(sigma=3.3, kappa=4.7, sE=0.7, f=1.0, fI=0.3)  # non-integer: exponents do not collapse


@st.composite
def params(draw, sigma=(1.3, 8.0), beta=(1.05, 15.0), sE=(0.51, 0.95)):
    sig = draw(st.floats(*sigma))
    b = draw(st.floats(*beta))
    s = draw(st.floats(*sE))
    scale = draw(st.floats(0.01, 0.95))
    return bo.Params(sigma=sig, kappa=b * (sig - 1), sE=s, f=1.0, fI=scale / (b - 1))


def rel(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300))


# ---------------------------------------------------------------------------
# Parameters and bad input
# ---------------------------------------------------------------------------
def test_defaults_are_set_A():
    assert (P0.sigma, P0.kappa, P0.sE, P0.f, P0.fI) == (2.0, 2.0, 0.6, 1.0, 0.5)
    assert P0.beta == 2.0 and math.isclose(bo.phi_P(P0), 2 / 3)
    assert math.isclose(bo.phi_S(P0), math.sqrt(2 / 3))


@pytest.mark.parametrize("kw, words", [
    (dict(sigma=1.0), "sigma"),
    (dict(sigma=0.5), "sigma"),
    (dict(kappa=0.9), "beta = kappa/(sigma-1)"),
    (dict(sigma=3.0, kappa=2.0), "regularity"),
    (dict(sE=0.5), "1/2 < sE < 1"),
    (dict(sE=1.0), "1/2 < sE < 1"),
    (dict(f=0.0), "f and fI must be positive"),
    (dict(fI=-1.0), "f and fI must be positive"),
    (dict(fI=1.0), "(beta-1)*fI < f"),
    (dict(sigma=float("nan")), "finite"),
    (dict(kappa="2"), "real number"),
])
def test_params_reject_with_the_condition_named(kw, words):
    with pytest.raises(ValueError, match=None) as err:
        bo.Params(**kw)
    assert words in str(err.value)


def test_params_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        P0.sigma = 3.0


@pytest.mark.parametrize("phi", [-0.1, 1.0, 1.5, float("nan"), [0.2, 1.0]])
def test_phi_outside_unit_interval_rejected(phi):
    for fn in (bo.hft, bo.relocation_equilibrium, bo.relocation_stage, bo.pre_relocation,
               bo.stage_export_cutoff, bo.south_welfare, bo.hme_slope):
        with pytest.raises(ValueError, match="0 <= phi < 1"):
            fn(P0, phi)
    for nation in ("north", "south"):
        with pytest.raises(ValueError, match="0 <= phi < 1"):
            bo.productivity(P0, phi, nation)
    if np.ndim(phi) == 0:
        with pytest.raises(ValueError, match="0 <= phi < 1"):
            bo.results(P0, phi=phi)


def test_solver_raises_when_it_cannot_bracket():
    from types import SimpleNamespace

    bad = SimpleNamespace(sigma=1.0, kappa=2.0, beta=2.0)  # g(t) = log(1 - A e^-kt) < 0 for all t
    with pytest.raises(RuntimeError, match="bracket"), np.errstate(divide="ignore"):  # log(sigma - 1)
        m._export_root(bad, np.array([0.5]), 1.0, "dummy")


# ---------------------------------------------------------------------------
# Autarky and the HFT equilibrium (9)
# ---------------------------------------------------------------------------
def test_autarky_solves_cutoff_and_free_entry_by_quadrature():
    for p in (P0, ODD):
        au = bo.autarky(p)
        aD, n = au["aD"], au["n"]
        # (3): B = E/(n mbar) with mbar = int a^(1-sigma) dG[a|aD]; a_D^(1-sigma) B = f
        def cond_density(a, p=p, aD=aD):
            return a ** (1 - p.sigma) * p.kappa * a ** (p.kappa - 1) / aD ** p.kappa

        mbar = quad(cond_density, 0, aD)[0]
        B = p.sE / (n * mbar)
        assert math.isclose(aD ** (1 - p.sigma) * B, p.f, rel_tol=1e-7)

        # (4): int_0^aD (a^(1-sigma) B - f) dG = fI
        def profit(a, p=p, B=B):
            return (a ** (1 - p.sigma) * B - p.f) * p.kappa * a ** (p.kappa - 1)

        fe = quad(profit, 0, aD)[0]
        assert math.isclose(fe, p.fI, rel_tol=1e-7)


@given(params(), st.floats(0.001, 0.999))
def test_hft_solves_the_cutoff_and_free_entry_conditions(p, phi):
    if phi >= bo.phi_S(p):
        phi = 0.5 * bo.phi_S(p)
    e = bo.hft(p, phi)
    B, Bs = bo.market_B(p, e)
    assert rel(B, Bs) < 1e-9  # B = B*
    assert rel(e.aD ** (1 - p.sigma) * B, p.f) < 1e-9  # (7)
    assert rel(phi * e.aX ** (1 - p.sigma) * Bs, p.f) < 1e-9
    lam, c = p.lam, p.c
    for b_home, b_away in ((B, Bs), (Bs, B)):  # (8), North and South
        fe = (lam * b_home * e.aD ** c - p.f * e.aD ** p.kappa
              + lam * phi * b_away * e.aX ** c - p.f * e.aX ** p.kappa)
        assert rel(fe, p.fI) < 1e-8
    assert p.sE <= e.sn <= 1


def test_hft_symbolic_solution_matches_model():
    sol = D.hft_solution()
    assert all(d.holds for d in sol.values()) and D.hft_equal_B().holds
    for p in (P0, ODD):
        for phi in (0.2, 0.5):
            pb = phi ** p.beta
            subs = {D.p: pb, D.s: p.sE, D.beta: p.beta, D.f: p.f, D.fI: p.fI}
            e = bo.hft(p, phi)
            assert math.isclose(float(sol["sn"].derived.subs(subs)), e.sn, rel_tol=1e-12)
            assert math.isclose(float(sol["nw"].derived.subs(subs)), e.nw, rel_tol=1e-12)
            assert math.isclose(float(sol["aD"].derived.subs(subs)) ** (1 / p.kappa), e.aD, rel_tol=1e-12)


@given(params(), st.floats(0.001, 0.98))
def test_hme(p, phi):
    """HME lemma: sE <= s_n <= 1, rising in phi and sE; slope (1+phi^beta)/(1-phi^beta)."""
    phiS = bo.phi_S(p)
    grid = np.linspace(0, phiS, 60)[:-1]
    sn = bo.hft(p, grid).sn
    assert np.all(sn >= p.sE - 1e-12) and np.all(sn <= 1)
    assert np.all(np.diff(sn) >= -1e-12)
    phi = min(phi, 0.9 * phiS)
    h = 1e-6
    if 0.51 < p.sE - h and p.sE + h < 0.95:
        up = bo.hft(dataclasses.replace(p, sE=p.sE + h), phi).sn
        dn = bo.hft(dataclasses.replace(p, sE=p.sE - h), phi).sn
        if up < 1 and dn < 1:
            assert math.isclose((up - dn) / (2 * h), bo.hme_slope(p, phi), rel_tol=1e-5)
    assert bo.hme_slope(p, phi) < (1 + phi) / (1 - phi)  # heterogeneity dampens the HME
    d = D.hme_slope()
    assert d.holds
    assert math.isclose(float(d.derived.subs(D.p, phi ** p.beta)), bo.hme_slope(p, phi), rel_tol=1e-12)


# ---------------------------------------------------------------------------
# Result 1: entry/exit is a perfect substitute for relocation
# ---------------------------------------------------------------------------
@given(params(), st.floats(0.001, 0.999))
def test_result_1(p, phi):
    phi = min(phi, 0.999 * bo.phi_S(p))
    e = bo.hft(p, phi)
    B, Bs = bo.market_B(p, e)
    a = np.linspace(1e-3, 1, 200) * e.aD
    vX, vD = (p.f * v for v in bo.hft_relocation_gains(p, phi, a))  # (13)-(14), raw units
    assert np.max(np.abs(vX)) <= 1e-9 * np.max(a ** (1 - p.sigma) * B)
    nonexp = a >= e.aX
    assert np.all(vD[nonexp] <= 1e-9 * p.f)
    assert D.hft_equal_B().holds


def test_chapter_checks_of_results_1_and_7():
    """The chapter's Result 1 row and Result 7 gap (lib helpers) are the direct computations."""
    p = bo.Params()
    c = bo.hft_no_mover_check(p, 0.5)
    e = bo.hft(p, 0.5)
    B, Bs = bo.market_B(p, e)
    a = np.linspace(1e-3, 1, 200) * e.aD
    vX, vD = bo.hft_relocation_gains(p, 0.5, a)
    assert c == {"B": B, "B*": Bs, "max |v_X|": np.max(np.abs(vX[a <= e.aX])),
                 "max v_D": np.max(vD[a >= e.aX])}
    assert c["max |v_X|"] < 1e-12 and c["max v_D"] <= 0
    assert bo.hft_no_mover_check(p, 1e-9)["max |v_X|"] == 0.0  # no exporter on the grid
    grid = np.linspace(0.01, 0.99 * bo.phi_S(p), 200)
    gap = np.max(np.abs(bo.south_welfare(p, grid, "relocation") - bo.south_welfare(p, grid, "hft")))
    assert bo.polar_welfare_gap(p) == gap < 1e-12


# ---------------------------------------------------------------------------
# Result 2: the most efficient Southern exporters move first
# ---------------------------------------------------------------------------
@given(params(), st.floats(0.01, 0.95))
def test_result_2(p, phi):
    stt = bo.pre_relocation(p, phi)
    s, sig, kap = p.sE, p.sigma, p.kappa
    # the two export cut-offs solve their conditions
    assert rel(phi * stt.xS ** (1 - sig) * (s - (1 - s) * stt.xS ** kap), s) < 1e-9
    assert rel(phi * stt.xN ** (1 - sig) * ((1 - s) - s * stt.xN ** kap), 1 - s) < 1e-9
    assert 0 < stt.xN <= stt.xS * (1 + 1e-12) and stt.xS <= phi ** (1 / (sig - 1)) * (1 + 1e-12)
    assert stt.b >= stt.bs  # the North is more attractive before anyone moves
    if phi ** p.beta > 1e-8:  # strict where the gap is not below rounding
        assert stt.xN < stt.xS and stt.b > stt.bs
    aXS = stt.xS * stt.aD
    a_ex = np.linspace(0.05, 1, 40) * aXS
    a_nx = aXS + np.linspace(0, 1, 40) * (stt.aD - aXS)
    vX, _ = bo.relocation_gains(p, phi, a_ex)
    _, vD = bo.relocation_gains(p, phi, a_nx)
    scale = np.abs(vX).max() + np.abs(vD).max()
    assert np.all(vX >= 0) and np.all(np.diff(vX) <= 1e-12 * scale)
    assert np.all(np.diff(vD) < 0)
    if phi ** p.beta > 1e-8:
        assert np.all(vX > 0) and np.all(np.diff(vX) < 0)
    vXt, vDt = bo.relocation_gains(p, phi, aXS)
    assert abs(vXt - vDt) <= 1e-10 * max(1.0, abs(vXt))  # they touch at a_X
    assert vX.min() >= vD.max() - 1e-10 * max(1.0, abs(vD.max()))


def test_result_2_gain_is_bigger_for_exporters_at_odd_parameters():
    vX, vD = bo.relocation_gains(ODD, 0.3, [0.01, 0.1])
    assert vX[0] > vX[1] > 0


# ---------------------------------------------------------------------------
# Result 3: two phases, phi_P and phi_S
# ---------------------------------------------------------------------------
@given(params())
def test_result_3(p):
    pP, pS = bo.phi_P(p), bo.phi_S(p)
    assert 0 < pP < pS < 1
    grid = np.unique(np.concatenate([np.linspace(1e-4, 0.999, 400), [pP, pS]]))
    e = bo.relocation_equilibrium(p, grid)
    inner = grid < pS
    # a_R continuous and strictly increasing until phi_S
    aR = e.aR[inner]
    assert np.all(np.diff(aR) > 0) or np.all(np.diff(aR) >= -1e-15 * aR[1:])
    assert np.all((e.aR < e.aX * (1 - 1e-12)) == (grid < pP * (1 - 1e-9))) or p.beta < 1.2
    assert np.all((e.aR < e.aD) == inner)
    # the location condition B = B* holds on raw accounting (15)/(19); where a_R underflows
    # to 0 (beta near 1, tiny phi: a_R/a_X = rho**(1/c) < 1e-308) I(a_R) is not representable
    inside = bo.relocation_equilibrium(p, grid[inner])
    ok = (inside.aR > 1e-300) | (inside.phi == 0)
    B, Bs = bo.market_B(p, inside)
    assert rel(B[ok], Bs[ok]) < 1e-9
    # levels continuous at phi_S (core-periphery extension)
    both = bo.relocation_equilibrium(p, [pS * (1 - 1e-9), pS])
    for k in ("aD", "aX", "nw", "aR"):
        assert rel(getattr(both, k)[0], getattr(both, k)[1]) < 1e-6
    # partitioning point: aR = aX there
    ep = bo.relocation_equilibrium(p, pP)
    assert rel(ep.aR, ep.aX) < 1e-9


def test_result_3_symbolic():
    for d in (*D.relocation_thresholds().values(), D.partition_point(), D.sustain_point()):
        assert d.holds, d.name
    for p in (P0, ODD):
        subs = {D.s: p.sE, D.beta: p.beta}
        assert math.isclose(float(D.partition_point().derived.subs(subs)), bo.phi_P(p), rel_tol=1e-12)
        assert math.isclose(float(D.sustain_point().derived.subs(subs)), bo.phi_S(p), rel_tol=1e-12)
        # (17)/(20) in the model = the symbolic solutions of B = B*
        for phi, ph in ((0.3 * bo.phi_P(p), "XX"), (0.5 * (bo.phi_P(p) + bo.phi_S(p)), "DD")):
            e = bo.relocation_equilibrium(p, phi)
            ratio = float(D.relocation_thresholds()[ph].derived.subs({D.phi: phi, D.s: p.sE}))
            assert math.isclose((e.aR / e.aX) ** p.c, ratio, rel_tol=1e-10)


def test_phase_order():
    """The DD phase starts when phi *rises above* phi_P (the seed's 'falls below' is a slip)."""
    for p in (P0, ODD):
        pP = bo.phi_P(p)
        below, above = bo.relocation_equilibrium(p, [0.9 * pP, min(1.05 * pP, 0.99 * bo.phi_S(p))]).aR, None
        e = bo.relocation_equilibrium(p, [0.9 * pP, min(1.05 * pP, 0.99 * bo.phi_S(p))])
        above = e.aR[1] > e.aX[1]
        assert below[0] < e.aX[0] and above
        assert bo.phase(p, 0.9 * pP) == "XX" and bo.phase(p, 1.01 * pP) == "DD"


@given(params(), st.floats(0.01, 0.99))
def test_relocation_stage(p, phi):
    x = bo.stage_export_cutoff(p, phi)
    assert 0 < x <= phi ** (1 / (p.sigma - 1)) * (1 + 1e-12)
    if phi ** p.beta > 1e-8:
        assert x < phi ** (1 / (p.sigma - 1))
    assert rel(phi * x ** (1 - p.sigma) * (1 - x ** p.kappa), 1.0) < 1e-9  # (18)
    assert bo.stage_export_cutoff(p, min(phi * 1.01, 0.995)) > x
    e = bo.relocation_stage(p, phi)
    B, Bs = bo.market_B(p, e)
    if e.aR < e.aD:
        assert rel(B, Bs) < 1e-9
        # the marginal firm loses money, f/(1 + phi x^c) < f: net exit follows
        assert rel(e.aD ** (1 - p.sigma) * B, p.f / (1 + phi * x ** p.c)) < 1e-9
        assert e.aD ** (1 - p.sigma) * B <= p.f * (1 + 1e-12)


def test_relocation_stage_need_not_empty_the_south():
    e = bo.relocation_stage(P0, np.linspace(0.01, 0.99, 99))
    assert np.all(e.aR < e.aD)  # kappa = sigma = 2, sE = 0.6: never empty before entry/exit


# ---------------------------------------------------------------------------
# Entry/exit after relocation (21)-(22); the general case
# ---------------------------------------------------------------------------
@given(params(), st.floats(0.001, 0.999))
def test_entry_after_relocation(p, phi):
    phi = min(phi, 0.999 * bo.phi_S(p))
    e = bo.relocation_equilibrium(p, phi)
    B, Bs = bo.market_B(p, e)
    assert rel(e.aD ** (1 - p.sigma) * B, p.f) < 1e-9  # domestic cut-off restored
    assert rel(phi * e.aX ** (1 - p.sigma) * B, p.f) < 1e-9  # export cut-off
    # global free entry (footnote 15): E^w/n^w = fI/G[aD] + f (1 + G[aX]/G[aD])
    assert rel(1 / e.nw, p.fI / e.aD ** p.kappa + p.f * (1 + (e.aX / e.aD) ** p.kappa)) < 1e-9
    h = bo.hft(p, phi)
    assert rel(e.aD, h.aD) < 1e-12 and rel(e.nw, h.nw) < 1e-12
    assert all(d.holds for d in D.entry_after_relocation().values())


@given(params(), st.floats(0.001, 0.999))
def test_world_mass_of_firms_falls(p, phi):
    """'global mass of firms must rise' is a slip: n^w falls by 1/(1+phi^beta) from autarky."""
    e = bo.relocation_equilibrium(p, phi)
    nwA = bo.autarky(p)["nw"]
    assert e.nw <= nwA
    if phi ** p.beta > 1e-12:
        assert e.nw < nwA
    if phi < bo.phi_S(p):
        assert rel(e.nw, nwA / (1 + phi ** p.beta)) < 1e-12


@given(params(), st.floats(0.01, 0.99), st.floats(0.0, 1.0))
def test_general_case_invariance(p, phi, w):
    """With any s_n and a_R solving B = B*, B is unchanged: cut-offs as in (22) (section 3.3)."""
    phi = min(phi, 0.95 * bo.phi_P(p))
    e = bo.relocation_equilibrium(p, phi)
    sn = p.sE + w * (bo.hft(p, phi).sn - p.sE)  # between the two polar cases
    def integral(y):  # int_0^y a^(1-sigma) dG[a|aD]
        return p.lam * y ** p.c / e.aD ** p.kappa

    s = p.sE
    IR = (integral(e.aD) * (s - sn) + phi * integral(e.aX) * (s + sn - 1)) / ((1 - sn) * (1 - phi))
    if not 0 <= IR <= integral(e.aX):
        return
    aR = (IR * e.aD ** p.kappa / p.lam) ** (1 / p.c)
    g = dataclasses.replace(e, aR=aR, sn=sn)
    B, Bs = bo.market_B(p, g)
    B0, _ = bo.market_B(p, e)
    assert rel(B, Bs) < 1e-8 and rel(B, B0) < 1e-8


# ---------------------------------------------------------------------------
# Result 4
# ---------------------------------------------------------------------------
@given(params(beta=(1.05, 14.0)))
def test_result_4(p):
    def with_beta(b):  # keeps a_D^A fixed while beta rises
        q = bo.with_beta(p, b)
        assert math.isclose((q.beta - 1) * q.fI, (p.beta - 1) * p.fI) and math.isclose(q.beta, b)
        return q

    assert bo.phi_S(with_beta(p.beta * 1.01)) > bo.phi_S(p)
    assert bo.phi_S(with_beta(p.beta * 1e3)) > bo.phi_S(with_beta(p.beta * 10)) > bo.phi_S(p)
    d = D.sustain_point_beta()
    assert d["slope"].holds and d["limit"].holds
    slope = float(d["slope"].derived.subs({D.s: p.sE, D.beta: p.beta}))
    assert slope > 0


# ---------------------------------------------------------------------------
# Productivity (10), (23), (24) and Result 5
# ---------------------------------------------------------------------------
def _atilde_quad(p, phi, nation, case):
    num = den = 0.0
    for lo, hi, mm in bo.productivity_pieces(p, phi, nation, case):
        if hi <= lo:
            continue
        def dens(a, mm=mm):
            return mm * a ** (1 - p.sigma) * p.kappa * a ** (p.kappa - 1)

        num += quad(lambda a, dens=dens: a * dens(a), lo, hi, limit=200)[0]
        den += quad(dens, lo, hi, limit=200)[0]
    return num / den


@pytest.mark.parametrize("p", [P0, ODD, bo.Params(sigma=1.5, kappa=0.8, sE=0.55, fI=0.4)],
                         ids=["setA", "odd", "kappa<sigma"])
@pytest.mark.parametrize("frac", [0.3, 0.8, 1.2, 1.6])
def test_productivity_closed_forms_match_quadrature(p, frac):
    phi = min(frac * bo.phi_P(p), 0.5 * (bo.phi_P(p) + bo.phi_S(p)) if frac > 1 else 1)
    if frac == 1.6:
        phi = min(0.995, 1.05 * bo.phi_S(p))  # core-periphery: North only
    for nation in ("north", "south"):
        for case in ("relocation", "hft", "stage"):
            closed = bo.productivity(p, phi, nation, case)
            if not bo.productivity_pieces(p, phi, nation, case):
                assert np.isnan(closed)
                continue
            assert math.isclose(closed, _atilde_quad(p, phi, nation, case), rel_tol=1e-7)


@given(params(), st.floats(0.001, 0.999))
def test_result_5_levels(p, phi):
    """Relocation: extra gain North, dampened gain South, against HFT at the same phi."""
    phi = min(phi, 0.999 * bo.phi_S(p))
    n = bo.productivity(p, phi, "north")
    h = bo.productivity(p, phi, "north", "hft")
    s = bo.productivity(p, phi, "south")
    tol = 1e-12 * h
    assert n <= h + tol and h <= s + tol


@given(params())
def test_result_5_hft_benchmark_pro_productive(p):
    grid = np.linspace(0, 0.999 * bo.phi_S(p), 200)
    a = bo.productivity(p, grid, "north", "hft")
    assert np.all(np.diff(a) < 1e-15 * a[1:])
    au = p.c / p.d * bo.autarky(p)["aD"]
    assert math.isclose(a[0], au, rel_tol=1e-12)


@given(params(), st.floats(0.02, 0.98))
def test_hft_derivative_11(p, frac):
    """(11): the four Leibniz terms add up to d atilde/d phi, which is negative (5b)."""
    phi = frac * bo.phi_S(p)
    terms = bo.hft_productivity_terms(p, phi)
    h = 1e-6 * phi
    num = (bo.productivity(p, phi + h, "north", "hft") - bo.productivity(p, phi - h, "north", "hft")) / (2 * h)
    scale = bo.productivity(p, phi, "north", "hft") / phi
    assert abs(terms["total"] - num) < 1e-5 * scale + 1e-7 * abs(num)
    assert terms["total"] <= 0
    assert terms["domestic_cutoff"] <= 0 <= terms["export_cutoff"]
    with pytest.raises(ValueError, match="phi_S"):
        bo.hft_productivity_terms(p, 0.0)


def test_kappa_sigma_2():
    d = D.kappa_sigma_2()
    assert d.holds
    f = sp.lambdify((D.phi, D.s, D.f, D.fI), d.derived)
    for sE, fI in ((0.6, 0.5), (0.75, 0.3), (0.55, 0.9)):
        p = bo.Params(sigma=2, kappa=2, sE=sE, fI=fI)
        for phi in np.linspace(bo.phi_P(p), bo.phi_S(p), 7)[1:-1]:
            h = 1e-6
            num = (bo.productivity(p, phi + h, "south") - bo.productivity(p, phi - h, "south")) / (2 * h)
            assert math.isclose(num, f(phi, sE, 1.0, fI), rel_tol=1e-5)
            assert num > 0


@given(params(sigma=(1.3, 8.0)))
def test_result_5_south(p):
    """DD phase: freer trade lowers Southern productivity (atilde* rises) at every tested point."""
    pP, pS = bo.phi_P(p), bo.phi_S(p)
    grid = np.linspace(pP, pS, 80)[1:-1]
    a = bo.productivity(p, grid, "south")
    assert np.all(np.diff(a) > -1e-12 * a[1:])
    assert K.r5_south_margin(**dataclasses.asdict(p)) > 0  # the claim map's predicate agrees
    # relocation dampens the South's gain: atilde* ends above its HFT value
    assert a[-1] > bo.productivity(p, grid[-1], "north", "hft")


def test_result_5_south_can_gain_first_at_set_A():
    a = bo.productivity(P0, np.array([0.02, 0.2, 0.6]), "south")
    assert a[1] < a[0] < a[2]  # U-shaped: a pro-productive stretch, then anti-productive


def test_result_5_north_differs():
    """Counter-example: at set A Northern productivity falls throughout the DD phase."""
    grid = np.linspace(bo.phi_P(P0), bo.phi_S(P0), 50)[1:-1]
    a = bo.productivity(P0, grid, "north")
    assert np.all(np.diff(a) > 0)  # atilde rises = productivity falls
    assert K.r5_north_margin(**dataclasses.asdict(P0)) < 0  # the claim map's predicate agrees
    assert K.r5_north_margin(**dataclasses.asdict(ODD)) < 0
    # the minimum lies in the XX phase, just below phi_P (0.6136 at set A)
    g = np.linspace(0.5, bo.phi_P(P0), 20001)
    amin = g[np.argmin(bo.productivity(P0, g, "north"))]
    assert abs(amin - 0.6136) < 1e-3


@given(params())
def test_result_5_north_early_xx(p):
    """What does hold: freer trade raises Northern productivity at small phi."""
    phi = np.linspace(0.01, 0.1, 10) * bo.phi_P(p)
    a = bo.productivity(p, phi, "north")
    assert np.all(np.diff(a) <= 1e-13 * a[1:])
    if phi[0] ** p.beta > 1e-10:
        assert np.all(np.diff(a) < 0)


@given(params())
def test_hft_weights_integrate_to_one_for_every_phi(p):
    """Issue #12, item 1: the weights of (10) integrate to one and give the ã of Figure 2's title
    for every φ in [0, 1), beyond the sustain point too (the interior form gave 0.93 at φ = 0.95)."""
    phi = np.unique(np.concatenate([np.linspace(0.0, 0.999, 200), [bo.phi_S(p)]]))
    WX, WD = bo.hft_weights(p, phi)
    e = bo.hft(p, phi)
    aX, aD, c, d = e.aX, e.aD, p.c, p.d
    mass = WX * aX ** c / c + WD * (aD ** c - aX ** c) / c
    assert np.allclose(mass, 1.0, rtol=1e-12, atol=0)
    atilde = WX * aX ** d / d + WD * (aD ** d - aX ** d) / d
    assert np.allclose(atilde, bo.productivity(p, phi, "north", "hft"), rtol=1e-12, atol=0)


def test_hft_weights_at_set_a_beyond_phi_s():
    WX, WD = bo.hft_weights(P0, 0.95)
    e = bo.hft(P0, 0.95)
    assert math.isclose(WX * e.aX ** P0.c / P0.c + WD * (e.aD ** P0.c - e.aX ** P0.c) / P0.c, 1.0,
                        rel_tol=1e-12)


@given(params(), st.floats(0.01, 0.98))
def test_footnote_11(p, phi):
    d = D.footnote_11()
    assert d.holds
    phi = min(phi, 0.98 * bo.phi_S(p))
    h = 1e-6 * phi
    WXu, WDu = bo.hft_weights(p, phi + h)
    WXd, WDd = bo.hft_weights(p, phi - h)
    num = (math.log(WXu) - math.log(WXd)) / (2 * h)
    closed = float(d.paper.subs({D.phi: phi, D.beta: p.beta}))
    assert math.isclose(num, closed, rel_tol=1e-5, abs_tol=1e-9)
    assert K.footnote_11_margin(**dataclasses.asdict(p)) > 0  # the claim map's predicate agrees
    assert closed > 0 and (math.log(WDu) - math.log(WDd)) <= 1e-12


# ---------------------------------------------------------------------------
# Welfare: Results 6 and 7
# ---------------------------------------------------------------------------
@given(params())
def test_result_6(p):
    pS = bo.phi_S(p)
    grid = np.unique(np.concatenate([np.linspace(0, 0.995, 300), [pS]]))
    for case in ("relocation", "hft"):
        w = bo.south_welfare(p, grid, case)
        assert np.all(np.diff(w) >= -1e-12)
        visible = grid[1:] ** p.beta > 1e-10  # below that the gain is under rounding
        assert np.all(np.diff(w)[visible] > 0)
        lo, at = bo.south_welfare(p, [pS * (1 - 1e-10), pS], case)
        assert abs(lo - at) < 1e-7
    # South welfare = -mu ln(aD/aD^A) while the South has firms
    inner = grid[grid < pS]
    aD = bo.relocation_equilibrium(p, inner).aD
    assert np.max(np.abs(bo.south_welfare(p, inner) + np.log(aD / bo.autarky(p)["aD"]))) < 1e-9


@given(params(), st.floats(0.01, 0.99))
def test_result_7(p, phi):
    """Differs: the two polar cases give the South identical welfare; (26) is a conjecture."""
    phi = min(phi, 0.99 * bo.phi_S(p))
    w_rel = bo.south_welfare(p, phi, "relocation")
    w_hft = bo.south_welfare(p, phi, "hft")
    assert abs(w_rel - w_hft) < 1e-10  # independent accounting (15)/(19) vs (9), same welfare
    d = D.welfare_metric()
    assert d["M_at_sE"].holds and d["dM"].holds
    assert math.isclose(bo.welfare_metric(p, phi, p.sE), 1.0, rel_tol=1e-12)
    sn_hi = bo.hft(p, phi).sn
    if sn_hi > p.sE + 1e-9:
        assert bo.welfare_metric(p, phi, sn_hi) > 1


# ---------------------------------------------------------------------------
# Key numbers and vectorisation
# ---------------------------------------------------------------------------
def test_results_dict():
    r = bo.results()
    need = {"beta", "phi_P", "phi_S", "aD", "aX", "aR", "sn", "nw", "atilde_north",
            "atilde_south", "atilde_hft"}
    assert need <= set(r)
    assert all(type(v) is float for v in r.values())
    assert math.isclose(r["aD"], math.sqrt(0.5 / 1.25))
    assert math.isclose(r["aX"], 0.5 * r["aD"])  # phi**(1/(sigma-1))
    assert math.isclose(r["nw"], 0.4) and r["sn"] == 0.6
    assert math.isclose(r["aR"], r["aX"] * 0.5)  # (17): rho = 0.5*0.2/(0.5*0.4) = 0.5, c = 1
    assert r["atilde_north"] < r["atilde_hft"] < r["atilde_south"]
    assert np.isnan(bo.results(P0, 0.9)["atilde_south"])  # beyond phi_S: no Southern firms


def test_vectorised_equals_scalar():
    grid = np.linspace(0, 0.99, 1000)
    for p in (P0, ODD):
        e = bo.relocation_equilibrium(p, grid)
        for i in (0, 333, 700, 999):
            s = bo.relocation_equilibrium(p, grid[i])
            assert s.aR == e.aR[i] and s.aD == e.aD[i]
        x = bo.stage_export_cutoff(p, grid)
        assert x[500] == pytest.approx(bo.stage_export_cutoff(p, grid[500]), rel=1e-12)
        for nation in ("north", "south"):
            a = bo.productivity(p, grid, nation)
            finite = grid < bo.phi_S(p) if nation == "south" else np.ones_like(grid, bool)
            assert np.all(np.isfinite(a[finite])) and np.all(np.isnan(a[~finite]))


# ---------------------------------------------------------------------------
# Issue #12 (referee corrections), items 2-9
# ---------------------------------------------------------------------------
def _item(id_):
    return next(it for it in bo.REGISTRY if it.id == id_)


def test_north_productivity_numbers_are_one_set():
    """Item 9: the minimiser and the values at φ_P and at φ_S itself come from one lib function,
    and the registry quotes the same minimiser."""
    r = bo.north_productivity_min(P0)
    assert round(r["phi_min"], 4) == 0.6136 and r["phi_min"] < bo.phi_P(P0)
    assert r["at_phi_P"] < r["at_phi_S"]
    below = float(bo.productivity(P0, bo.phi_S(P0) * (1 - 1e-12), "north"))
    assert math.isclose(r["at_phi_S"], below, rel_tol=1e-9)  # φ_S itself, continuous from below
    assert f"φ ≈ {r['phi_min']:.4f}" in _item("Result 5 (North, DD)").note


def test_result_5_north_share_and_region():
    """Item 4: the paper's claim fails at the defaults and holds in a minority of the admissible
    space, mostly at high s_E (the claim map's predicate and sample)."""
    from lib import claim_maps

    cm = claim_maps.get("fig-bo-map-r5-north")
    assert cm.evaluate(**cm.base(P0)) <= 0
    share = claim_maps.share("fig-bo-map-r5-north")
    assert 0.01 < share.share < 0.25
    draws = claim_maps.sample(cm)
    margin = cm.evaluate(**draws)
    ok = ~np.isnan(margin)
    assert np.mean(draws["sE"][ok & (margin > 0)]) > np.mean(draws["sE"][ok]) + 0.05


def test_kappa_sigma_2_factor_and_grade():
    """Item 5: derived / printed = φ√(f_I/f) > 0, so the sign claim is replicated."""
    d = D.kappa_sigma_2()
    assert sp.simplify(d.derived / d.paper - D.phi * sp.sqrt(D.fI / D.f)) == 0
    assert d.against == "paper, printed form up to a factor" and d.holds
    assert _item("κ = σ = 2 derivative").status == "replicated"


def test_derivations_say_what_they_check():
    """Item 8: each row names what it is checked against; only surviving closed forms are 'paper'."""
    rows = D.all_derivations()
    assert all(d.against in D.AGAINST for d in rows)
    on_paper = {d.name for d in rows if d.against.startswith("paper") and d.against != "paper's words"}
    assert on_paper == {r"HME slope $ds_n/ds_E$", r"partitioning point $\phi_P$", r"sustain point $\phi_S$",
                        r"footnote 11: $d\ln W_X/d\phi$", r"$\kappa=\sigma=2$: $d\tilde a^*/d\phi$, DD phase"}
    table = D.markdown_table()
    assert "| Checked against |" in table and table.count("not a check of the paper") >= 8


def test_north_weights_do_not_pivot():
    """Item 6: Figure 5's North weights change sign four times between φ₀ = 0.4 and φ₁ = 0.55
    (no single clockwise pivot); Figure 2's HFT weights do pivot once."""
    north = bo.weight_changes(P0, 0.4, 0.55, "north")
    assert [s for _, _, s in north] == [-1, 1, -1, 1, -1]
    hft = bo.weight_changes(P0, 0.4, 0.55, "north", "hft")
    assert [s for _, _, s in hft] == [1, -1]
    assert _item("§3.2.2 North's weights").status == "differs"


@given(params())
def test_dd_movers_lose_under_14(p):
    """Item 3: at B = B* the reconstructed (14) makes every DD mover lose: v_D(a_R) < 0."""
    pP, pS = bo.phi_P(p), bo.phi_S(p)
    for phi in np.linspace(pP, pS, 9)[1:-1]:
        v = float(bo.dd_mover_gain(p, phi))
        e = bo.relocation_equilibrium(p, phi)
        B, Bs = bo.market_B(p, e)
        direct = float(e.aR ** (1 - p.sigma) * (B - (1 - phi) * Bs) / p.f - 1)
        assert v < 0 and math.isclose(v, direct, rel_tol=1e-8, abs_tol=1e-10)
    assert np.isnan(bo.dd_mover_gain(p, 0.5 * pP))


def test_dd_movers_lose_at_defaults():
    """At set A (c = 1) a_R/a_X = φ s_E/(1 − s_E), so v_D(a_R)/f = (1 − s_E)/(φ s_E) − 1."""
    phi = np.array([0.7, 0.75, 0.8])
    assert np.allclose(bo.dd_mover_gain(P0, phi), 0.4 / (0.6 * phi) - 1)
    assert "−0.11 f at φ = 0.75" in _item("§3.2 DD location condition").note


@given(params())
def test_north_welfare_rises(p):
    """Item 7: the big nation's welfare rises with φ up to φ_S and is constant beyond, in both
    polar cases (the paper's claim), although its productivity need not rise (its reason)."""
    pS = bo.phi_S(p)
    grid = np.linspace(0, 0.999, 200)
    for case in ("relocation", "hft"):
        w = bo.north_welfare(p, grid, case)
        inside = grid < pS
        steps = np.diff(w)[inside[1:]]
        visible = grid[1:][inside[1:]] ** p.beta > 1e-10
        assert np.all(steps >= -1e-12) and np.all(steps[visible] > 0)
        assert np.allclose(np.diff(w)[~inside[:-1]], 0, atol=1e-12)
    assert np.allclose(bo.north_welfare(p, grid), bo.north_welfare(p, grid, "hft"), atol=1e-10)


def test_north_welfare_rises_while_productivity_falls_at_defaults():
    grid = np.linspace(bo.phi_P(P0), bo.phi_S(P0), 20)[1:-1]
    assert np.all(np.diff(bo.north_welfare(P0, grid)) > 0)
    assert np.all(np.diff(bo.productivity(P0, grid, "north")) > 0)  # ã rises: productivity falls
    assert _item("§4 big-nation welfare").status == "partial"


@given(params())
def test_south_varieties_fall_in_dd(p):
    """Item 7: the conclusion's 'relocation reduces the number of varieties available in the small
    market' in the DD phase: over the phase as a whole, and at its end, the number falls."""
    grid = np.linspace(bo.phi_P(p), bo.phi_S(p), 40)
    v = bo.south_varieties(p, grid)
    assert v[-1] < v[0] and v[-1] < v[-2]


def test_south_varieties_can_rise_early_in_dd():
    """...but not at every step: at s_E = 0.75 (σ = κ = 2) the number first rises in the DD phase."""
    p = bo.Params(sE=0.75)
    grid = np.linspace(bo.phi_P(p), bo.phi_S(p), 12)
    assert np.diff(bo.south_varieties(p, grid))[0] > 0
    assert _item("§5 varieties in the South").status == "partial"


def test_south_varieties_at_defaults():
    v = bo.south_varieties(P0, [0.3, 0.6, 0.7, 0.8])
    assert v[0] < v[1] and v[1] > v[2] > v[3]          # rise in XX, fall in DD
    assert np.all(v > bo.south_varieties(P0, [0.3, 0.6, 0.7, 0.8], "hft"))


def test_result_7_split_grades():
    """Item 2: identical polar cases are the paper's own statement (replicated); the general-case
    gain is what differs."""
    assert _item("Result 7 (polar cases)").status == "replicated"
    assert _item("Result 7 (general case)").status == "differs"
    assert "Section 3.3" in _item("Result 7 (general case)").note
