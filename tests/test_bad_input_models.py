"""Keep it closed (issue #15): every model answers with finite numbers or a ValueError.

For each package, two hypothesis properties (deterministic profile, tests/conftest.py):

* over the *whole* range each parameter class accepts (not only the sliders'): each field is
  its default, a value in its slider range or any real number the class might accept (from
  ±1e-12 to ±1e12, zero, the edges of the supported range); a constructed parameter set gives
  ``results()`` whose numbers are finite (except the keys its docstring names as possibly
  non-finite) or a ``ValueError``, in bounded time;
* over each public function's extra arguments (φ, τ, m, c, μ, grids, ``tau_max`` …): NaN, ±inf,
  huge, tiny, negative, wrong types (strings, ``None``, bools, lists of those) give a
  ``ValueError``; real numbers give finite results or a ``ValueError``.

Each property also has its issue's examples as explicit regression cases.
"""

from __future__ import annotations

import dataclasses
import math
import os
import time
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import customs_unions as cu
from lib import offshoring as bo
from lib.controls import SUPPORTED_MAGNITUDE, specs
from lib.migration_vs_trade import model as gm
from lib.negotiating_blocs import hos as nbh
from lib.negotiating_blocs import model as nbm

#: Seconds one results() call may take anywhere in the accepted range.
BOUND = 10.0
#: Examples per property (the suite's time budget); ``BAD_INPUT_EXAMPLES=500`` for a long run.
N_EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", 25))
EXAMPLES = settings(max_examples=N_EXAMPLES)

LO, HI = SUPPORTED_MAGNITUDE


def _finite_numbers(obj, path=""):
    """Paths of the non-finite numbers in a result (dicts, dataclasses, arrays, tuples)."""
    if isinstance(obj, bool) or obj is None or isinstance(obj, str):
        return []
    if isinstance(obj, int | float | np.floating | np.integer):
        return [] if math.isfinite(float(obj)) else [path]
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind not in "fiu":
            return []
        return [] if np.all(np.isfinite(obj)) else [path]
    if isinstance(obj, dict):
        return [p for k, v in obj.items() for p in _finite_numbers(v, f"{path}{k}")]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [p for f in dataclasses.fields(obj)
                for p in _finite_numbers(getattr(obj, f.name), f"{path}.{f.name}")]
    if isinstance(obj, tuple | list):
        return [p for i, v in enumerate(obj) for p in _finite_numbers(v, f"{path}[{i}]")]
    return []


def finite_or_value_error(fn, allowed=frozenset()):
    """Call ``fn``: a ``ValueError`` is fine; otherwise every number must be finite."""
    t0 = time.perf_counter()
    try:
        out = fn()
    except ValueError:
        return None
    finally:
        plt.close("all")
        assert time.perf_counter() - t0 < BOUND, "took longer than the bound"
    if isinstance(out, plt.Figure):
        return out
    bad = [p for p in _finite_numbers(out) if p.split(".")[0] not in allowed]
    assert bad == [], f"non-finite without a ValueError: {bad}"
    return out


# --- values --------------------------------------------------------------------------------------

#: Any real number a parameter class might accept, across the supported magnitudes.
WIDE = st.one_of(
    st.builds(lambda s, e: s * 10.0**e, st.sampled_from([-1.0, 1.0]), st.floats(-12, 12)),
    st.sampled_from([0.0, LO, HI, -HI, 1.0, 1.0 + 2**-52, 1.0 - 2**-53, 0.5, 2.0]),
    st.floats(-HI, HI, allow_nan=False),
)


def field_values(cls):
    """Per numeric field: its default, a value in its slider range, or anything in WIDE."""
    out = {}
    for name, spec in specs(cls).items():
        if spec.kind not in ("float", "int"):
            out[name] = st.sampled_from(spec.options) if spec.options else st.just(spec.default)
            continue
        slider = st.floats(spec.lo, spec.hi)
        if spec.kind == "int":
            slider = st.integers(int(spec.lo), int(spec.hi))
        out[name] = st.one_of(st.just(spec.default), slider, WIDE)
    return st.fixed_dictionaries(out)


def construct(cls, values):
    try:
        return cls(**values)
    except ValueError:
        return None


#: Extra-argument values that are never admissible.
NOT_A_NUMBER = [math.nan, math.inf, -math.inf, "0.5", True, 1 + 1j, [0.5, None], 10**400]
#: Real numbers (admissible or not: a finite result or a ValueError).
REALS = st.one_of(WIDE, st.sampled_from([5e-324, 1e-300, 1e300, 1.79e308, -1e300,
                                          Fraction(1, 3), np.float32(0.25), np.int64(1)]))


def check_extras(calls, value, allowed=frozenset()):
    """Every call at ``value``: not a number -> ValueError; a number -> finite or ValueError."""
    for name, fn in calls:
        if any(value is v for v in NOT_A_NUMBER) or (isinstance(value, float) and not math.isfinite(value)):
            try:
                fn(value)
            except ValueError:
                pass
            else:
                raise AssertionError(f"{name}: {value!r} accepted without a ValueError")
            finally:
                plt.close("all")
        else:
            try:
                finite_or_value_error(lambda fn=fn: fn(value), allowed)
            except AssertionError as err:
                raise AssertionError(f"{name}({value!r}): {err}") from None


# --- Baldwin & Okubo (offshoring) -----------------------------------------------------------------

BO_NONFINITE = {"atilde_south"}  # nan beyond phi_S: no Southern firms (results() docstring)


@EXAMPLES
@given(field_values(bo.Params), st.one_of(st.just(0.5), st.floats(0, 1, exclude_max=True), WIDE))
def test_offshoring_whole_range(values, phi):
    p = construct(bo.Params, values)
    if p is not None:
        finite_or_value_error(lambda: bo.results(p, phi=phi), BO_NONFINITE)


@pytest.mark.parametrize("make", [
    lambda: bo.results(bo.Params(kappa=1.0000000000000002, sigma=2)),
    lambda: bo.results(bo.Params(), phi=1e-170),
    lambda: bo.results(bo.Params(), phi=5e-324),
    lambda: bo.results(bo.Params(kappa=12, fI=0.01, sigma=1.2, f=5)),
    lambda: bo.results(bo.Params(kappa=1e-3, sigma=1.0001, fI=1e-3, f=5)),
    lambda: bo.results(bo.Params(f=1.79e308)),
    lambda: bo.results(bo.with_beta(bo.Params(), 1e300)),
    lambda: bo.relocation_gains(bo.Params(), 1e-300, 0.5),
    lambda: bo.relocation_gains(bo.Params(), 0.3, 5e-324),
], ids=["beta-just-above-1", "phi-1e-170", "phi-denormal", "kappa12-fI", "sigma-near-1",
        "f-max", "with-beta-huge", "gains-phi-tiny", "gains-a-denormal"])
def test_offshoring_issue_examples(make):
    finite_or_value_error(make, BO_NONFINITE)


def _bo_calls():
    P = bo.Params()
    return [
        ("check_phi", lambda v: bo.check_phi(v)),
        ("results phi", lambda v: bo.results(P, phi=v)),
        ("hft", lambda v: bo.hft(P, v)),
        ("relocation_gains phi", lambda v: bo.relocation_gains(P, v, 0.5)),
        ("relocation_gains a", lambda v: bo.relocation_gains(P, 0.3, v)),
        ("hft_relocation_gains a", lambda v: bo.hft_relocation_gains(P, 0.3, v)),
        ("south_welfare mu", lambda v: bo.south_welfare(P, 0.5, mu=v)),
        ("with_beta", lambda v: bo.with_beta(P, v)),
        ("welfare_metric sn", lambda v: bo.welfare_metric(P, 0.5, v)),
        ("phase", lambda v: bo.phase(P, v)),
        ("hme_slope", lambda v: bo.hme_slope(P, v)),
        ("hft_weights", lambda v: bo.hft_weights(P, v)),
        ("productivity", lambda v: bo.productivity(P, v, "north")),  # south: nan beyond phi_S (documented)
        ("stage_export_cutoff", lambda v: bo.stage_export_cutoff(P, v)),
        ("pre_relocation", lambda v: bo.pre_relocation(P, v)),
        ("relocation_threshold aX", lambda v: bo.relocation_threshold(P, 0.3, v)),
        ("equilibrium hft", lambda v: bo.equilibrium(P, v, "hft")),
        ("hft_no_mover_check phi", lambda v: bo.hft_no_mover_check(P, v)),
        ("hft_no_mover_check points", lambda v: bo.hft_no_mover_check(P, 0.5, points=v)),
        ("polar_welfare_gap points", lambda v: bo.polar_welfare_gap(P, points=v)),
        ("polar_welfare_gap upto", lambda v: bo.polar_welfare_gap(P, upto=v)),
    ]


@pytest.mark.parametrize("value", NOT_A_NUMBER, ids=repr)
def test_offshoring_extras_reject_non_numbers(value):
    check_extras(_bo_calls(), value)


@EXAMPLES
@given(REALS)
def test_offshoring_extras_reals(value):
    check_extras(_bo_calls(), value, BO_NONFINITE)


# --- Fernández-Arias & Spiegel (customs_unions) -------------------------------------------------

@EXAMPLES
@given(field_values(cu.ThreeCountryParams), field_values(cu.TwoCountryParams))
def test_customs_unions_whole_range(three, two):
    p3, p2 = construct(cu.ThreeCountryParams, three), construct(cu.TwoCountryParams, two)
    if p3 is not None and p2 is not None:
        finite_or_value_error(lambda: cu.results(p3, p2))


@pytest.mark.parametrize("make", [
    lambda: cu.results(cu.ThreeCountryParams(sB_s=1e-300)),
    lambda: cu.results(two=cu.TwoCountryParams(s_s=1e300)),
    lambda: cu.three_country(cu.ThreeCountryParams(), math.inf),
    lambda: cu.three_country(cu.ThreeCountryParams(), 1e300),
    lambda: cu.two_country(cu.TwoCountryParams(), math.nan),
    lambda: cu.fig_s1(cu.TwoCountryParams(), tau_max=math.nan),
    lambda: cu.fig_s1(cu.TwoCountryParams(), tau_max=-1e300),
], ids=["sB_s-tiny", "s_s-huge", "tau-inf", "tau-huge", "tau-nan", "tau_max-nan", "tau_max-negative"])
def test_customs_unions_issue_examples(make):
    finite_or_value_error(make)


def _cu_calls():
    P2, P3 = cu.TwoCountryParams(), cu.ThreeCountryParams()
    return [
        ("two_country tau", lambda v: cu.two_country(P2, v)),
        ("three_country tau", lambda v: cu.three_country(P3, v)),
        ("omega_star tau", lambda v: cu.omega_star(P2, 1.0, v)),
        ("omega_star K", lambda v: cu.omega_star(P2, v, 0.1)),
        ("demand s", lambda v: cu.demand(P3, v)),
        ("northern_welfare tau", lambda v: cu.northern_welfare(P3, v)),
        ("payoffs omega", lambda v: cu.payoffs(P2, 1.0, 0.1, v)),
        ("compliance_probability tau", lambda v: cu.compliance_probability(P2, 1.0, v)),
        ("dtheta_dtau K", lambda v: cu.dtheta_dtau(P2, v, 0.1)),
        ("dtheta_dK tau", lambda v: cu.dtheta_dK(P2, 1.0, v)),
        ("zero_profit_residual K", lambda v: cu.zero_profit_residual(P2, v, 0.1)),
        ("expected_income tau", lambda v: cu.expected_income(P2, 1.0, v)),
        ("country_supply P", lambda v: cu.country_supply(P3, v, 0.1)),
        ("excess_supply_gap tau", lambda v: cu.excess_supply_gap(P3, 1.0, v)),
        ("theta_country K", lambda v: cu.theta_country(P3, "A", v, 0.1)),
        ("demand_slope s", lambda v: cu.demand_slope(P3, v)),
        ("demand_integral s", lambda v: cu.demand_integral(P3, v)),
    ]


@pytest.mark.parametrize("value", NOT_A_NUMBER, ids=repr)
def test_customs_unions_extras_reject_non_numbers(value):
    check_extras(_cu_calls() + [("fig_s1", lambda v: cu.fig_s1(cu.TwoCountryParams(), tau_max=v))],
                 value)


@EXAMPLES
@given(REALS)
def test_customs_unions_extras_reals(value):
    check_extras(_cu_calls(), value)


# --- Schiff (negotiating_blocs) ------------------------------------------------------------------

@settings(max_examples=max(1, N_EXAMPLES * 3 // 5))
@given(field_values(nbm.Params))
def test_negotiating_blocs_whole_range(values):
    p = construct(nbm.Params, values)
    if p is not None:
        finite_or_value_error(lambda: nbm.results(p))


@pytest.mark.parametrize("make", [
    lambda: nbm.results(nbm.Params(N=1e300)),
    lambda: nbm.results(nbm.Params(N=10**400)),
    lambda: nbm.results(nbm.Params(rho=5e-324)),
    lambda: nbm.results(nbm.Params(gamma1=5e-324)),
    lambda: nbm.optimal_migration(nbm.Params(), "star", c=math.nan),
], ids=["N-huge", "N-bigint", "rho-denormal", "gamma1-denormal", "c-nan"])
def test_negotiating_blocs_issue_examples(make):
    finite_or_value_error(make)


def _nb_calls():
    P = nbm.Params()
    return [
        ("average_benefit n", lambda v: nbm.average_benefit(P, v)),
        ("n_no_fee alpha", lambda v: nbm.n_no_fee(P, alpha=v)),
        ("value_fee x", lambda v: nbm.value_fee(P, x=v)),
        ("alpha_of_M", lambda v: nbm.alpha_of_M(P, v)),
        ("optimal_migration c", lambda v: nbm.optimal_migration(P, "star", c=v)),
        ("optimal_migration alpha0", lambda v: nbm.optimal_migration(P, "E", alpha0=v)),
        ("ho_equilibrium p", lambda v: nbh.ho_equilibrium(P, v)),
        ("ho_equilibrium t", lambda v: nbh.ho_equilibrium(P, 1.8, t=v)),
        ("revenue n", lambda v: nbm.revenue(P, v)),
        ("cost_international x", lambda v: nbm.cost_international(P, 0.5, x=v)),
        ("cost_regional alpha", lambda v: nbm.cost_regional(P, 0.5, alpha=v)),
        ("benefit_slope n", lambda v: nbm.benefit_slope(P, v)),
        ("benefit_curvature n", lambda v: nbm.benefit_curvature(P, v)),
        ("bloc_value n", lambda v: nbm.bloc_value(P, v)),
        ("marginal_value n", lambda v: nbm.marginal_value(P, v)),
        ("value_no_fee alpha", lambda v: nbm.value_no_fee(P, alpha=v)),
        ("n_fee x", lambda v: nbm.n_fee(P, x=v)),
        ("alpha_hat_no_fee x", lambda v: nbm.alpha_hat_no_fee(P, x=v)),
        ("M_of_alpha", lambda v: nbm.M_of_alpha(P, v)),
        ("M_max alpha0", lambda v: nbm.M_max(P, v)),
        ("c_bar alpha0", lambda v: nbm.c_bar(P, "E", v)),
        ("soc_migration alpha", lambda v: nbm.soc_migration(P, "E", v)),
        ("export_price n", lambda v: nbh.export_price(P, v)),
        ("factor_prices p", lambda v: nbh.factor_prices(P, v)),
        ("outputs p", lambda v: nbh.outputs(P, v)),
    ]


@pytest.mark.parametrize("value", NOT_A_NUMBER, ids=repr)
def test_negotiating_blocs_extras_reject_non_numbers(value):
    check_extras(_nb_calls(), value)


@settings(max_examples=max(1, N_EXAMPLES * 3 // 5))
@given(REALS)
def test_negotiating_blocs_extras_reals(value):
    check_extras(_nb_calls(), value)


# --- Gordon (migration_vs_trade) -----------------------------------------------------------------

GORDON_NONFINITE = {"crossing_tau"}  # inf when the F2 gap curves never cross (results() docstring)


@EXAMPLES
@given(st.sampled_from([gm.HOSParams, gm.TechParams, gm.GainsParams, gm.BargainParams]), st.data())
def test_migration_vs_trade_whole_range(cls, data):
    p = construct(cls, data.draw(field_values(cls)))
    if p is not None:
        finite_or_value_error(lambda: gm.results(p), GORDON_NONFINITE)


@pytest.mark.parametrize("make", [
    lambda: gm.results(gm.HOSParams(beta=1e-300)),
    lambda: gm.results(gm.GainsParams(a=5e-324)),
    lambda: gm.results(gm.GainsParams(L_D=1e307, LO_ratio=100)),
    lambda: gm.results(gm.GainsParams(L_D=1.79e308)),
    lambda: gm.results(gm.BargainParams(G=1e308, R=1e308, theta=0, rho=1)),
    lambda: gm.migration_gains(gm.GainsParams(), math.nan),
], ids=["beta-tiny", "a-denormal", "L_D-huge", "L_D-max", "bargain-huge", "m-nan"])
def test_migration_vs_trade_issue_examples(make):
    finite_or_value_error(make, GORDON_NONFINITE)


def _gm_calls():
    G, H, T, B = gm.GainsParams(), gm.HOSParams(), gm.TechParams(), gm.BargainParams()
    return [
        ("migration_gains m", lambda v: gm.migration_gains(G, v)),
        ("tau_sweep", lambda v: gm.tau_sweep(H, [v])),
        ("gap_difference", lambda v: gm.gap_difference(T, v)),
        ("deal_feasible theta", lambda v: gm.deal_feasible(B, theta=v)),
        ("boundary_rho", lambda v: gm.boundary_rho(B, v)),
        ("a_zero rho", lambda v: gm.a_zero(B, rho=v)),
        ("wage_D L", lambda v: gm.wage_D(G, v)),
        ("wage_O L", lambda v: gm.wage_O(G, v)),
        ("price_index pX", lambda v: gm.price_index(H, v)),
        ("theta_from_supply", lambda v: gm.theta_from_supply(v, 2.0)),
        ("crossing_tau lo", lambda v: gm.crossing_tau(T, lo=v)),
    ]


@pytest.mark.parametrize("value", NOT_A_NUMBER, ids=repr)
def test_migration_vs_trade_extras_reject_non_numbers(value):
    check_extras(_gm_calls(), value)


@EXAMPLES
@given(REALS)
def test_migration_vs_trade_extras_reals(value):
    check_extras(_gm_calls(), value)
