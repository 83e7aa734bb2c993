"""Fernández-Arias & Spiegel (1996): North-South customs unions and FDI under sovereign risk.

Pure numerics (numpy/scipy only).  Equation numbers follow the paper (World
Bank Policy Research Working Paper 1573) as reconstructed in the replication
brief; equations lost in the OCR are marked *reconstructed* in the docstrings.

Notation (the OCR uses one glyph for two things; we keep them apart):

* ``theta_bar`` (θ̄) is the **penalty scale**: violating national treatment
  costs the host a share θ̄·Ω of the value of its output;
* ``theta`` (θ) is the **compliance probability**, θ = 1 − F(Ω*).

Primitives: F(Ω) = Ω^p on [0, 1] (density f = pΩ^{p−1}, f' > 0 for p > 1);
three-country Northern inverse demand D(s) = D̄ (s/s̄)^{−ε}.  ``P`` is the
producer price received by the non-partner B; the Northern consumer price is
(1+T)P and the partner A receives (1+τ)P, τ ∈ [0, T] the preference margin.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.params import as_real_array, control, require_finite, require_real, validate

__all__ = [
    "TwoCountryParams", "ThreeCountryParams", "PRESETS", "preset",
    "F", "f", "F_inv", "psi_integral",
    "omega_star", "compliance_probability", "dtheta_dtau", "dtheta_dK", "payoffs",
    "zero_profit_residual", "expected_income", "TwoCountryEquilibrium", "two_country",
    "demand", "demand_slope", "demand_integral", "country_supply", "excess_supply_gap",
    "theta_country", "ThreeCountryEquilibrium", "three_country",
    "Figure1Areas", "figure1_areas", "northern_welfare", "northern_welfare_change",
    "welfare_changes", "results", "RESULTS_DOC",
]


# ---------------------------------------------------------------------------
# The distribution of the goodwill shock Ω and the expected violation payoff
# ---------------------------------------------------------------------------

#: The tariff preferences τ the model is solved for (the supported numerical range): a price
#: multiplier 1 + τ > 0, and at most a preference of TAU_MAX (10 000 %).
TAU_MAX = 100.0


def _tau(tau) -> np.ndarray:
    """``tau`` as a float array, or ``ValueError`` unless every value is a real -1 < τ ≤ TAU_MAX."""
    arr = as_real_array(tau, "tau")
    if np.any(arr <= -1.0) or np.any(arr > TAU_MAX):
        bad = arr[(arr <= -1.0) | (arr > TAU_MAX)].ravel()[0]
        raise ValueError(f"tau = {bad:g} is outside the supported range -1 < tau <= {TAU_MAX:g} "
                         "(tariff preference: 1 + tau is a price multiplier)")
    return arr


def _nonneg(x, name: str, hi: float = 1e12) -> np.ndarray:
    """``x`` as a float array, or ``ValueError`` unless every value is a real in [0, hi]."""
    arr = as_real_array(x, name)
    if np.any(arr < 0) or np.any(arr > hi):
        raise ValueError(f"{name} must lie in [0, {hi:g}] (the supported range), got "
                         f"{arr[(arr < 0) | (arr > hi)].ravel()[0]:g}")
    return arr


def _positive(x, name: str, hi: float = 1e12) -> np.ndarray:
    """``x`` as a float array, or ``ValueError`` unless every value is a real in [1e-12, hi]."""
    arr = _nonneg(x, name, hi)
    if np.any(arr < 1e-12):
        raise ValueError(f"{name} must be positive, at least 1e-12 (the supported range)")
    return arr


def F(omega, p):
    """Cdf of the goodwill shock, F(Ω) = Ω^p on [0, 1] (brief §5)."""
    return np.clip(omega, 0.0, 1.0) ** p


def f(omega, p):
    """Density f(Ω) = pΩ^{p−1} on [0, 1] (f' > 0 for p > 1)."""
    om = np.clip(omega, 0.0, 1.0)
    return p * om ** (p - 1.0)


def F_inv(u, p):
    """Quantile function F⁻¹(u) = u^{1/p}."""
    return np.asarray(u, dtype=float) ** (1.0 / p)


def psi_integral(omega_s, theta_bar, p):
    """ψ = ∫₀^{Ω*} (1 − θ̄Ω) f(Ω) dΩ, equations (11) and (31), in closed form for F = Ω^p.

    ψ = Ω*^p − θ̄ p Ω*^{p+1}/(p+1).
    """
    om = np.clip(omega_s, 0.0, 1.0)
    return om ** p - theta_bar * p * om ** (p + 1.0) / (p + 1.0)


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------

def _shared_checks(params) -> list[tuple[bool, str]]:
    """The conditions both models put on the shock distribution and the MFN tariff."""
    return [
        (params.p >= 1.0, "F(Ω) = Ω^p needs p ≥ 1 (the paper assumes f' ≥ 0; p = 1 is the uniform limit)"),
        (params.T >= 0.0, "the MFN tariff must satisfy T ≥ 0"),
    ]


@dataclass(frozen=True)
class TwoCountryParams:
    """Parameters of the two-country model (paper §II; defaults from the brief §5).

    The partner is small: the world price ``P`` is exogenous.  Validation
    covers the primitives; whether an *interior* equilibrium exists at a given
    τ — conditions (E1) and (E2) — is checked by :func:`two_country`.

    Examples
    --------
    >>> TwoCountryParams().A
    1.2
    """

    P: float = control(1.0, 0.5, 2.0, 0.05, "P", doc="world (producer) price of the good")
    A: float = control(1.2, 0.5, 3.0, 0.05, "A", doc="productivity of foreign capital, (1)")
    t: float = control(0.25, 0.0, 0.6, 0.01, "t", doc="pledged (national-treatment) tax rate")
    theta_bar: float = control(0.6, 0.1, 1.0, 0.01, "θ̄", doc="penalty scale: a violator loses θ̄Ω of output")
    s_s: float = control(1.0, 0.1, 5.0, 0.1, "sˢ", doc="output of the domestic sector")
    r: float = control(0.6, 0.1, 1.5, 0.01, "r", doc="investors' gross cost of capital")
    p: float = control(2.0, 1.0, 6.0, 0.1, "p", doc="shape of F(Ω) = Ω^p")
    T: float = control(0.2, 0.0, 0.5, 0.01, "T", doc="Northern MFN tariff (the full preference)")

    def __post_init__(self):
        require_real(self)
        validate([
            (self.P > 0 and self.A > 0 and self.s_s > 0 and self.r > 0, "P, A, sˢ and r must be positive"),
            (0.0 <= self.t < 1.0, "the pledged tax rate must satisfy 0 ≤ t < 1 (national-treatment pledge)"),
            (0.0 < self.theta_bar <= 1.0, "the penalty scale must satisfy 0 < θ̄ ≤ 1"),
            *_shared_checks(self),
        ])


@dataclass(frozen=True)
class ThreeCountryParams:
    """Parameters of the three-country model (paper §III; defaults from the brief §5).

    Partner A and non-partner B sell perfect substitutes to the North, whose
    inverse demand is D(s) = D̄ (s/s̄)^{−ε}; P(1+T) = D(s).  Whether the
    equilibrium is interior on [0, T] (restriction (20) at the equilibrium
    price) is checked by :func:`three_country`.

    Examples
    --------
    >>> ThreeCountryParams().a
    1.2
    >>> ThreeCountryParams(eps=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: eps must be positive
    """

    a: float = control(1.2, 0.5, 3.0, 0.05, "a", doc="productivity of foreign capital in the partner A")
    b: float = control(1.0, 0.5, 3.0, 0.05, "b", doc="productivity of foreign capital in the non-partner B")
    t_A: float = control(0.25, 0.0, 0.6, 0.01, "tᴬ", doc="A's pledged tax rate")
    t_B: float = control(0.25, 0.0, 0.6, 0.01, "tᴮ", doc="B's pledged tax rate")
    theta_bar_A: float = control(0.6, 0.1, 1.0, 0.01, "θ̄_A", doc="A's penalty scale")
    theta_bar_B: float = control(0.6, 0.1, 1.0, 0.01, "θ̄_B", doc="B's penalty scale")
    sA_s: float = control(0.5, 0.05, 5.0, 0.05, "sᴬₛ", doc="A's domestic-sector output")
    sB_s: float = control(0.5, 0.05, 5.0, 0.05, "sᴮₛ", doc="B's domestic-sector output")
    r: float = control(0.6, 0.2, 1.2, 0.01, "r", doc="investors' gross cost of capital")
    T: float = control(0.2, 0.01, 0.5, 0.01, "T", doc="Northern MFN tariff (A's full preference)")
    D_bar: float = control(1.2, 0.5, 3.0, 0.05, "D̄", doc="demand anchor: D(s̄) = D̄")
    s_bar: float = control(2.0, 0.5, 6.0, 0.1, "s̄", doc="demand anchor quantity")
    eps: float = control(0.8, 0.1, 4.0, 0.05, "ε", doc="inverse-demand flexibility −D's/D")
    p: float = control(2.0, 1.0, 6.0, 0.1, "p", doc="shape of F(Ω) = Ω^p")

    def __post_init__(self):
        require_real(self)
        validate([
            *((getattr(self, n) > 0, f"{n} must be positive")
              for n in ("a", "b", "sA_s", "sB_s", "r", "D_bar", "s_bar", "eps")),
            *((0.0 <= getattr(self, n) < 1.0, f"the pledged tax rate {n} must satisfy 0 ≤ t < 1")
              for n in ("t_A", "t_B")),
            *((0.0 < getattr(self, n) <= 1.0, f"the penalty scale {n} must satisfy 0 < θ̄ ≤ 1")
              for n in ("theta_bar_A", "theta_bar_B")),
            *_shared_checks(self),
        ])


#: The brief's presets (§5): changes from the three-country defaults that show
#: each ambiguity of the paper.
PRESETS: dict[str, dict] = {
    "Default": {},
    "ToT hurts A": dict(eps=4.0, sA_s=1.0, sB_s=0.25, s_bar=2.25, T=0.1),  # very inelastic demand
    "FDI diversion": dict(a=2.5, theta_bar_B=0.9, sB_s=1.0, D_bar=1.5, s_bar=2.5, T=0.05),
    "B near break-even": dict(p=4.0, theta_bar_B=1.0, eps=2.0, sB_s=1.0, s_bar=2.5),
    "Small partner": dict(sA_s=0.05),
}


#: Former preset names, still accepted by :func:`preset` ("Elastic rest of South" read as a statement
#: about demand, whose ε = 2 is an *inelastic* demand; the preset is about B's break-even price).
_OLD_PRESET_NAMES = {"Elastic rest of South": "B near break-even"}


def preset(name: str) -> ThreeCountryParams:
    """The three-country parameters of a named preset (see :data:`PRESETS`)."""
    name = _OLD_PRESET_NAMES.get(name, name)
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {list(PRESETS)}")
    return ThreeCountryParams(**PRESETS[name])


# ---------------------------------------------------------------------------
# Two-country model (§II), equations (1)-(11)
# ---------------------------------------------------------------------------

def payoffs(params: TwoCountryParams, K, tau, omega):
    """Host payoffs under compliance and violation, (2) and (3) **[reconstructed]**.

    W = P(1+τ)(sˢ + t sⁿ);  W̃(Ω) = P (sˢ + sⁿ)(1 − θ̄Ω), with sⁿ = AK (1).
    A violator taxes foreign output fully, loses the preference (price P) and
    pays the goodwill penalty.
    """
    pr = params
    s_n = pr.A * _nonneg(K, 'K')
    W = pr.P * (1.0 + _tau(tau)) * (pr.s_s + pr.t * s_n)
    Wt = pr.P * (pr.s_s + s_n) * (1.0 - pr.theta_bar * as_real_array(omega, "omega", -1e12, 1e12))
    return W, Wt


def omega_star(params: TwoCountryParams, K, tau):
    """Critical shock Ω* solving W = W̃, equation (4) **[reconstructed]**; the host complies iff Ω ≥ Ω*.

    Ω* = [1 − (1+τ)(sˢ + t sⁿ)/(sˢ + sⁿ)]/θ̄ (not clipped to [0, 1]).
    """
    pr = params
    s_n = pr.A * _nonneg(K, 'K')
    return (1.0 - (1.0 + _tau(tau)) * (pr.s_s + pr.t * s_n) / (pr.s_s + s_n)) / pr.theta_bar


def compliance_probability(params: TwoCountryParams, K, tau):
    """θ = 1 − F(Ω*), equation (5) **[reconstructed]**, clipped: θ = 1 if Ω* ≤ 0, 0 if Ω* ≥ 1."""
    return 1.0 - F(omega_star(params, K, tau), params.p)


def dtheta_dtau(params: TwoCountryParams, K, tau):
    """∂θ/∂τ at fixed K, equation (6) **[reconstructed]**: f(Ω*)(sˢ + t sⁿ)/(θ̄(sˢ + sⁿ)) > 0."""
    pr = params
    s_n = pr.A * _nonneg(K, 'K')
    return f(omega_star(pr, K, tau), pr.p) * (pr.s_s + pr.t * s_n) / (pr.theta_bar * (pr.s_s + s_n))


def dtheta_dK(params: TwoCountryParams, K, tau):
    """∂θ/∂K, equation (7): −f(Ω*)(1+τ)A(1−t)sˢ/(θ̄(sˢ + sⁿ)²) < 0."""
    pr = params
    s_n = pr.A * _nonneg(K, 'K')
    return (-f(omega_star(pr, K, tau), pr.p) * (1.0 + _tau(tau)) * pr.A * (1.0 - pr.t) * pr.s_s
            / (pr.theta_bar * (pr.s_s + s_n) ** 2))


def zero_profit_residual(params: TwoCountryParams, K, tau):
    """Left minus right side of the zero-profit condition (8): θ(K)(1−t)P(1+τ)A − r."""
    pr = params
    return compliance_probability(pr, K, tau) * (1.0 - pr.t) * pr.P * (1.0 + _tau(tau)) * pr.A - pr.r


def expected_income(params: TwoCountryParams, K, tau):
    """Host's expected income (10), E(U) = θW + ∫₀^{Ω*} W̃ f dΩ, at any K (not only the equilibrium)."""
    pr = params
    om = np.clip(omega_star(pr, K, tau), 0.0, 1.0)
    W, _ = payoffs(pr, K, tau, 0.0)
    s = pr.s_s + pr.A * _nonneg(K, 'K')
    return (1.0 - F(om, pr.p)) * W + pr.P * s * psi_integral(om, pr.theta_bar, pr.p)


@dataclass(frozen=True)
class TwoCountryEquilibrium:
    """The two-country equilibrium along a τ grid (arrays of the shape of ``tau``).

    ``dK_tot`` and ``dK_cred`` are the terms-of-trade and credibility channels of
    (9); ``dEU_direct`` and ``dEU_fdi`` the two terms of (11).
    """

    tau: np.ndarray
    K: np.ndarray
    theta: np.ndarray
    omega_star: np.ndarray
    s_n: np.ndarray
    dtheta_dtau: np.ndarray
    dtheta_dK: np.ndarray
    dK_dtau: np.ndarray
    dK_tot: np.ndarray
    dK_cred: np.ndarray
    psi: np.ndarray
    EU: np.ndarray
    dEU_dtau: np.ndarray
    dEU_direct: np.ndarray
    dEU_fdi: np.ndarray


def _where(mask, tau):
    bad = np.atleast_1d(tau)[np.atleast_1d(mask)]
    return f"τ = {bad[0]:.4g}" + (f" (and {bad.size - 1} more grid points)" if bad.size > 1 else "")


def two_country(params: TwoCountryParams, tau) -> TwoCountryEquilibrium:
    """Solve the two-country equilibrium in closed form at each τ.

    Zero profit (8) pins θ̂ = r/((1−t)P(1+τ)A); then Ω̂ = F⁻¹(1 − θ̂), the
    foreign share x = [1 − (1 − θ̄Ω̂)/(1+τ)]/(1 − t) and K = sˢx/(A(1 − x)).

    Raises
    ------
    ValueError
        If (E1) (1−t)P(1+τ)A > r fails (no risk-free profit: K = 0, the
        two-country form of restriction (20)), or (E2) 1 − θ̄Ω̂ > (1+τ)t fails
        (no finite equilibrium K), at any τ.

    Examples
    --------
    >>> eq = two_country(TwoCountryParams(), 0.1)
    >>> round(float(eq.K), 4), round(float(eq.theta), 4)
    (1.1399, 0.6061)
    """
    pr = params
    tau = _tau(tau)
    m = 1.0 + tau
    theta = pr.r / ((1.0 - pr.t) * pr.P * m * pr.A)
    bad = theta >= 1.0
    if np.any(bad):
        raise ValueError("condition (E1)/(20) fails: (1−t)P(1+τ)A > r is violated at "
                         f"{_where(bad, tau)}, so no foreign capital enters (corner K = 0)")
    om = F_inv(1.0 - theta, pr.p)
    bad = 1.0 - pr.theta_bar * om <= m * pr.t
    if np.any(bad):
        raise ValueError("condition (E2) fails: 1 − θ̄Ω* > (1+τ)t is violated at "
                         f"{_where(bad, tau)}, so no finite equilibrium K exists")
    x = (1.0 - (1.0 - pr.theta_bar * om) / m) / (1.0 - pr.t)
    K = pr.s_s * x / (pr.A * (1.0 - x))
    s_n = pr.A * K
    s = pr.s_s + s_n
    fs = f(om, pr.p)
    h = fs * (pr.s_s + pr.t * s_n) / (pr.theta_bar * s)                       # (6)
    g = -fs * m * pr.A * (1.0 - pr.t) * pr.s_s / (pr.theta_bar * s ** 2)      # (7)
    tot, cred = (theta / m) / (-g), h / (-g)                                  # the two channels of (9)
    dK = tot + cred                                                           # (9)
    ps = psi_integral(om, pr.theta_bar, pr.p)
    W = pr.P * m * (pr.s_s + pr.t * s_n)
    EU = theta * W + pr.P * s * ps                                            # (10)
    direct = pr.P * theta * (pr.s_s + pr.t * s_n)                             # (11), first term
    fdi = pr.P * pr.A * (theta * pr.t * m + ps) * dK                          # (11), second term
    return TwoCountryEquilibrium(tau, K, theta, om, s_n, h, g, dK, tot, cred, ps, EU,
                                 direct + fdi, direct, fdi)


# ---------------------------------------------------------------------------
# Three-country model (§III), equations (12)-(32)
# ---------------------------------------------------------------------------

def demand(params: ThreeCountryParams, s):
    """Northern inverse demand D(s) = D̄ (s/s̄)^{−ε} (consumer price)."""
    with np.errstate(over="ignore", divide="ignore"):
        out = _demand(params, _positive(s, "s"))
    require_finite({"D(s)": out}, "the demand D(s)")
    return out


def _demand(params: ThreeCountryParams, s):
    """D(s) without checks (the solver passes s = inf where supply is unbounded)."""
    return params.D_bar * (s / params.s_bar) ** (-params.eps)


def demand_slope(params: ThreeCountryParams, s):
    """D'(s) = −ε D(s)/s."""
    s = _positive(s, "s")
    with np.errstate(over="ignore"):
        out = -params.eps * demand(params, s) / s
    require_finite({"D'(s)": out}, "the demand slope D'(s)")
    return out


def demand_integral(params: ThreeCountryParams, s):
    """G(s) = ∫_{s̄}^{s} D(x) dx (a fixed reference s̄, so it is finite for every ε)."""
    pr = params
    L = np.log(_positive(s, 's') / pr.s_bar)
    k = 1.0 - np.asarray(pr.eps, dtype=float)  # an array of ε too (three_country(strict=False))
    near = np.abs(k) < 1e-12
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(near, L, np.expm1(k * L) / np.where(near, 1.0, k))
    return pr.D_bar * pr.s_bar * (out if np.ndim(out) else float(out))


def _country(P, m_zp, m_om, z, t, tb, s_s, r, p):
    """One Southern country's foreign capital at producer price P (brief §6 step 1).

    ``m_zp`` multiplies P in zero profit, ``m_om`` in the violation threshold
    (both 1+τ for the partner with the enforcement link, 1 for B).  Returns
    (K, θ̂, Ω̂, x) with K = 0 at a corner (θ̂ ≥ 1) and K = ∞ where no finite K
    exists.
    """
    with np.errstate(divide="ignore", over="ignore"):  # theta = inf: a corner (K = 0)
        theta = r / ((1.0 - t) * P * m_zp * z)
    corner = theta >= 1.0
    th = np.minimum(theta, 1.0)
    om = (1.0 - th) ** (1.0 / p)
    num = 1.0 - (1.0 - tb * om) / m_om
    x = num / (1.0 - t)
    with np.errstate(divide="ignore", invalid="ignore"):
        K = np.where(corner, 0.0, np.where(x >= 1.0, np.inf, s_s * x / (z * (1.0 - x))))
    return K, th, om, x


def country_supply(params: ThreeCountryParams, P, tau, link: bool = True):
    """Foreign capital (K_A, K_B) that zero profit (13a)-(13b) supports at producer price P.

    Arrays broadcast over ``P`` and ``tau``.  ``link=False`` is the
    counterfactual without the enforcement link (a violating A keeps the
    preference; brief §6.5, not in the paper).
    """
    pr = params
    P = _nonneg(P, "P")
    m = 1.0 + _tau(tau)
    KA, *_ = _country(P, m, m if link else 1.0, pr.a, pr.t_A, pr.theta_bar_A, pr.sA_s, pr.r, pr.p)
    KB, *_ = _country(P, 1.0, 1.0, pr.b, pr.t_B, pr.theta_bar_B, pr.sB_s, pr.r, pr.p)
    return KA, KB


def excess_supply_gap(params: ThreeCountryParams, P, tau, link: bool = True):
    """E(P) = D(s(P))/(1+T) − P, decreasing in P; its root is the equilibrium price (brief §6 step 2)."""
    pr = params
    KA, KB = country_supply(pr, P, tau, link)
    s = pr.sA_s + pr.sB_s + pr.a * KA + pr.b * KB
    with np.errstate(divide="ignore", over="ignore"):
        return np.where(np.isfinite(s), _demand(pr, s) / (1.0 + pr.T), 0.0) - P


def theta_country(params: ThreeCountryParams, country: str, K, tau, link: bool = True):
    """θᶻ = 1 − F(Ωᶻ*) at any K (not only the equilibrium), with Ω* from (16) or (19).

    Ω^{B*} = (1−tᴮ)sᴮₙ/(θ̄_B sᴮ)  (16, **reconstructed**);
    Ω^{A*} = [1 − (1+τ)(tᴬsᴬₙ + sᴬₛ)/sᴬ]/θ̄_A  (19).  P cancels from both.
    """
    pr = params
    K = _nonneg(K, "K")
    m = 1.0 + _tau(tau)
    if country == "A":
        sn, ss, t, tb, mo = pr.a * K, pr.sA_s, pr.t_A, pr.theta_bar_A, (m if link else 1.0)
    elif country == "B":
        sn, ss, t, tb, mo = pr.b * K, pr.sB_s, pr.t_B, pr.theta_bar_B, 1.0
    else:
        raise ValueError("country must be 'A' or 'B'")
    om = (1.0 - mo * (t * sn + ss) / (ss + sn)) / tb
    return 1.0 - F(om, pr.p)


@dataclass(frozen=True)
class ThreeCountryEquilibrium:
    """The three-country equilibrium and its comparative statics along a τ grid.

    All attributes are arrays of the shape of ``tau``.  Names follow the brief:
    ``gA = ∂θᴬ/∂Kᴬ`` (21), ``gB = ∂θᴮ/∂Kᴮ`` (22), ``hA = ∂θᴬ/∂τ`` (23a),
    ``X = θᴬ/(1+τ) + hA``, ``Pp = dP/ds``, ``Delta`` the determinant, ``dKA``
    and ``dKB`` (24a)-(24b), ``ds`` and ``dP`` the output and price responses,
    ``ratio26`` = (dKᴮ/dτ)/(dKᴬ/dτ) (26)-(27), ``lam``, ``m27`` the λ and m of
    (27), ``Psi`` and ``integrand28`` of (28), the four ``flow_*`` components of
    dW_N/dτ, ``WN`` the Northern welfare level, ``EUA``/``EUB`` (29) and the
    terms of (30) and (32).
    """

    tau: np.ndarray
    P: np.ndarray
    KA: np.ndarray
    KB: np.ndarray
    sA: np.ndarray
    sB: np.ndarray
    s: np.ndarray
    thetaA: np.ndarray
    thetaB: np.ndarray
    omegaA: np.ndarray
    omegaB: np.ndarray
    gA: np.ndarray
    gB: np.ndarray
    hA: np.ndarray
    X: np.ndarray
    Pp: np.ndarray
    Delta: np.ndarray
    dKA: np.ndarray
    dKB: np.ndarray
    ds: np.ndarray
    dP: np.ndarray
    ratio26: np.ndarray
    lam: np.ndarray
    m27: np.ndarray
    eps: float
    Psi: np.ndarray
    integrand28: np.ndarray
    flow_B_revenue: np.ndarray
    flow_creation: np.ndarray
    flow_transfer: np.ndarray
    flow_tot: np.ndarray
    WN: np.ndarray
    psiA: np.ndarray
    psiB: np.ndarray
    EUA: np.ndarray
    EUB: np.ndarray
    dEUA_direct: np.ndarray
    dEUA_tot: np.ndarray
    dEUA_fdi: np.ndarray
    dEUB_tot: np.ndarray
    dEUB_fdi: np.ndarray
    a_minus_b: float
    link: bool

    @property
    def dWN(self):
        """dW_N/dτ (the sum of the four flow components; equals the integrand of (28))."""
        return self.flow_B_revenue + self.flow_creation + self.flow_transfer + self.flow_tot

    @property
    def dEUA(self):
        """dE(Uᴬ)/dτ, equation (30)."""
        return self.dEUA_direct + self.dEUA_tot + self.dEUA_fdi

    @property
    def dEUB(self):
        """dE(Uᴮ)/dτ, equation (32)."""
        return self.dEUB_tot + self.dEUB_fdi

    @property
    def dK_total(self):
        """d(Kᴬ + Kᴮ)/dτ: aggregate FDI (ambiguous, (26)-(27))."""
        return self.dKA + self.dKB

    @property
    def criterion27(self):
        """m − (a − b)θᴮελ: aggregate FDI falls iff this is negative (exact test (27))."""
        return self.m27 - self.a_minus_b * self.thetaB * self.eps * self.lam


def _solve_price(params: ThreeCountryParams, tau: np.ndarray, link: bool, strict: bool = True) -> np.ndarray:
    """Equilibrium producer price at each τ by vectorised bisection on the bracket [P_lo, P_hi].

    P_hi = D(sᴬₛ + sᴮₛ)/(1+T): since s(P) ≥ sᴬₛ + sᴮₛ, E(P_hi) ≤ 0.
    P_lo = the lower of the two break-even prices: both K are 0 below it, so
    E(P_lo) = P_hi − P_lo.  If P_lo ≥ P_hi no Southern country attracts any
    capital and restriction (20) fails.  Bisection halves the bracket 80 times
    (to the last bit of a double) after the sign change is checked.

    ``strict=False`` (for arrays of parameters, :mod:`.checks`): the price is ``nan`` where the
    equilibrium is not interior, instead of raising.
    """
    m = 1.0 + tau
    P_hi = np.asarray(demand(params, params.sA_s + params.sB_s), dtype=float) / (1.0 + params.T)
    be_A = params.r / ((1.0 - params.t_A) * m * params.a)
    be_B = params.r / ((1.0 - params.t_B) * params.b)
    # just below both break-even prices neither country invests (A's supply jumps at its
    # break-even price when τ > 0: investors enter with θ = 1 until Ω^{A*} reaches 0)
    lo = np.minimum(be_A, be_B) * (1.0 - 1e-12)
    shape = np.broadcast_shapes(np.shape(lo), np.shape(P_hi), np.shape(tau))
    lo, hi = np.broadcast_to(lo, shape).astype(float), np.broadcast_to(P_hi, shape).astype(float)
    failed = np.zeros(shape, dtype=bool)
    bad = lo >= hi
    failed |= bad
    if strict and np.any(bad):
        raise ValueError("restriction (20) fails: investment is unprofitable in both A and B even at the "
                         f"highest possible price at {_where(bad, tau)} (no foreign capital anywhere)")
    E_lo = excess_supply_gap(params, lo, tau, link)
    E_hi = excess_supply_gap(params, hi, tau, link)
    bad = E_hi >= 0  # both countries at a corner at the highest possible price
    failed |= bad
    if strict and np.any(bad):
        raise ValueError("restriction (20) fails: no foreign capital enters A or B at the equilibrium "
                         f"price at {_where(bad, tau)}")
    if np.any((E_lo <= 0) & ~failed):  # pragma: no cover - excluded by the bracket's construction
        raise RuntimeError("price bracket [P_lo, P_hi] has no sign change")
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        pos = excess_supply_gap(params, mid, tau, link) > 0
        lo = np.where(pos, mid, lo)
        hi = np.where(pos, hi, mid)
        if np.all((hi - lo <= 4e-16 * hi) | failed):
            break
    P = 0.5 * (lo + hi)
    bad = np.abs(excess_supply_gap(params, P, tau, link)) > 1e-9 * P
    failed |= bad
    if not strict:
        return np.where(failed, np.nan, P)
    if np.any(bad):
        raise ValueError("corner equilibrium: A's capital is at its break-even price, where A's supply is "
                         "vertical (θᴬ = 1, Ω^{A*} ≤ 0, restriction (20) holds with equality); this is an "
                         "equilibrium, but not an interior one, and the paper's comparative statics (24)-(32) "
                         f"do not apply there; at {_where(bad, tau)}")
    return P


def three_country(params: ThreeCountryParams, tau, link: bool = True,
                  strict: bool = True) -> ThreeCountryEquilibrium:
    """Solve the three-country equilibrium and its comparative statics at each τ.

    The price solves D(s(P))/(1+T) = P, with each country's K(P) from the
    closed form of zero profit (13a)-(13b) (brief §6); the derivatives are the
    analytic (21)-(32) and the appendix system (A.1)-(A.4) **[reconstructed]**.

    Parameters
    ----------
    params : ThreeCountryParams
    tau : float or array
        Preference margins, 0 ≤ τ ≤ T (τ slightly outside is well defined).
    link : bool
        True (the paper): a violating A loses its preference.  False: the
        counterfactual without the enforcement link (supplementary).
    strict : bool
        True: raise on a non-interior point.  False (:mod:`.checks`, where ``params`` may hold
        arrays of parameter values and ``tau`` has their shape): such points come out ``nan``.

    Raises
    ------
    ValueError
        If restriction (20) fails at the equilibrium price for A or B at any τ
        (a corner with Kᶻ = 0): the paper rules corners out.

    Examples
    --------
    >>> eq = three_country(ThreeCountryParams(), 0.1)
    >>> round(float(eq.P), 4), round(float(eq.KA), 4)
    (1.0087, 0.577)
    """
    pr = params
    tau = _tau(tau)
    shape = tau.shape
    tau = np.atleast_1d(tau)
    m = 1.0 + tau
    mo = m if link else np.ones_like(m)
    P = _solve_price(pr, tau, link, strict)
    none = np.isnan(P)  # strict=False only: points without an interior equilibrium
    P = np.where(none, 1.0, P)  # any positive price: those points come out nan at the end
    KA, thA, omA, _ = _country(P, m, mo, pr.a, pr.t_A, pr.theta_bar_A, pr.sA_s, pr.r, pr.p)
    KB, thB, omB, _ = _country(P, 1.0, 1.0, pr.b, pr.t_B, pr.theta_bar_B, pr.sB_s, pr.r, pr.p)
    if not strict:
        none = none | ~((KA > 0) & np.isfinite(KA) & (KB > 0) & np.isfinite(KB))
        KA, KB = np.where(none, 1.0, KA), np.where(none, 1.0, KB)
    for name, K, cond in (("A", KA, "(1−tᴬ)P(1+τ)a > r"), ("B", KB, "(1−tᴮ)Pb > r")):
        bad = ~(K > 0)
        if strict and np.any(bad):
            raise ValueError(f"restriction (20) fails for {name}: {cond} is violated at the equilibrium "
                             f"price at {_where(bad, tau)}, so {name} attracts no foreign capital (a corner)")
    snA, snB = pr.a * KA, pr.b * KB
    sA, sB = pr.sA_s + snA, pr.sB_s + snB
    s = sA + sB
    fA, fB = f(omA, pr.p), f(omB, pr.p)
    gA = -fA * mo * pr.a * (1.0 - pr.t_A) * pr.sA_s / (pr.theta_bar_A * sA ** 2)      # (21)
    gB = -fB * pr.b * (1.0 - pr.t_B) * pr.sB_s / (pr.theta_bar_B * sB ** 2)          # (22)
    hA = (fA * (pr.t_A * snA + pr.sA_s) / (pr.theta_bar_A * sA) if link             # (23a)
          else np.zeros_like(tau))
    X = thA / m + hA
    Pp = demand_slope(pr, s) / (1.0 + pr.T)
    Delta = P * (P * gA * gB + pr.a * thA * Pp * gB + pr.b * thB * Pp * gA)
    dKA = -P * X * (P * gB + pr.b * thB * Pp) / Delta                                # (24a)
    dKB = pr.a * thB * P * Pp * X / Delta                                            # (24b)
    ds = pr.a * dKA + pr.b * dKB
    dP = Pp * ds
    lam = sB / s
    m27 = -gB * sB
    ratio26 = -pr.a * thB * pr.eps * lam / (pr.b * thB * pr.eps * lam + m27)         # (27) = (26)
    T = pr.T
    Psi = tau * pr.b * thB * Pp - (T - tau) * P * gB + Pp * gB * (sB + m * sA)       # (28) [reconstructed]
    integrand = pr.a * P ** 2 * X * Psi / Delta - P * sA
    flow_B = P * T * pr.b * dKB
    flow_c = P * (T - tau) * pr.a * dKA
    flow_t = -P * sA
    flow_tot = -dP * (sB + m * sA)
    WN = demand_integral(pr, s) - P * sB - P * m * sA
    psA = psi_integral(omA, pr.theta_bar_A, pr.p)
    psB = psi_integral(omB, pr.theta_bar_B, pr.p)
    wA = pr.t_A * snA + pr.sA_s
    wB = pr.t_B * snB + pr.sB_s
    if link:
        EUA = thA * P * m * wA + P * sA * psA                                          # (29)
        dA_dir = P * thA * wA                                                          # (30)
        dA_tot = dP * (thA * m * wA + sA * psA)
        dA_fdi = pr.a * P * (thA * pr.t_A * m + psA) * dKA
    else:  # violation valued at P(1+τ): the envelope argument gives a different split
        EUA = P * m * (thA * wA + sA * psA)
        dA_dir = P * (thA * wA + sA * psA)
        dA_tot = dP * m * (thA * wA + sA * psA)
        dA_fdi = pr.a * P * m * (thA * pr.t_A + psA) * dKA
    EUB = thB * P * wB + P * sB * psB                                                  # (29)
    dB_tot = dP * (thB * wB + sB * psB)                                                # (32)
    dB_fdi = pr.b * P * (thB * pr.t_B + psB) * dKB

    def r_(x):
        return np.reshape(np.where(none, np.nan, x) if not strict else x, shape)

    out = ThreeCountryEquilibrium(
        r_(tau), r_(P), r_(KA), r_(KB), r_(sA), r_(sB), r_(s), r_(thA), r_(thB), r_(omA), r_(omB),
        r_(gA), r_(gB), r_(hA), r_(X), r_(Pp), r_(Delta), r_(dKA), r_(dKB), r_(ds), r_(dP),
        r_(ratio26), r_(lam), r_(m27), pr.eps, r_(Psi), r_(integrand), r_(flow_B), r_(flow_c),
        r_(flow_t), r_(flow_tot), r_(WN), r_(psA), r_(psB), r_(EUA), r_(EUB), r_(dA_dir),
        r_(dA_tot), r_(dA_fdi), r_(dB_tot), r_(dB_fdi), pr.a - pr.b, link)
    return out


def northern_welfare(params: ThreeCountryParams, tau, link: bool = True):
    """W_N(τ) = ∫_{s̄}^{s} D − P sᴮ − P(1+τ) sᴬ  **[reconstructed, standard]**."""
    return three_country(params, tau, link).WN


_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(48)


def northern_welfare_change(params: ThreeCountryParams, method: str = "levels", link: bool = True) -> float:
    """ΔW_N of the full accord (τ from 0 to T), three ways that must agree.

    ``"levels"``: W_N(T) − W_N(0); ``"integral"``: (28), ∫₀ᵀ [aP²XΨ/Δ − Psᴬ] dτ
    by 48-point Gauss-Legendre quadrature; ``"areas"``: III + V − IV of Figure 1.
    """
    pr = params
    if method == "levels":
        WN = northern_welfare(pr, np.array([0.0, pr.T]), link)
        return float(WN[1] - WN[0])
    if method == "integral":
        taus = 0.5 * pr.T * (_GL_NODES + 1.0)
        eq = three_country(pr, taus, link)
        return float(0.5 * pr.T * np.sum(_GL_WEIGHTS * eq.integrand28))
    if method == "areas":
        ar = figure1_areas(pr, link)
        return ar.III + ar.V - ar.IV
    raise ValueError("method must be 'levels', 'integral' or 'areas'")


@dataclass(frozen=True)
class Figure1Areas:
    """The quantities of Figure 1 (consumer prices P0, P1; producer prices p0, p1) and its areas.

    III = ∫_{s0}^{s1} (D − P1); V = (p0 − p1) sB1; IV = (P1 − p0)(s0 − sB1)
    (signed: IV < 0 is a gain when P1 < p0).  ΔW_N = III + V − IV exactly.
    """

    P0: float
    P1: float
    p0: float
    p1: float
    s0: float
    s1: float
    sB0: float
    sB1: float
    III: float
    IV: float
    V: float

    @property
    def dW_N(self) -> float:
        return self.III + self.V - self.IV


def figure1_areas(params: ThreeCountryParams, link: bool = True) -> Figure1Areas:
    """Solve τ = 0 and τ = T and measure the areas III, IV and V of Figure 1 (§3.4.1)."""
    pr = params
    eq = three_country(pr, np.array([0.0, pr.T]), link)
    p0, p1 = float(eq.P[0]), float(eq.P[1])
    P0, P1 = (1.0 + pr.T) * p0, (1.0 + pr.T) * p1
    s0, s1 = float(eq.s[0]), float(eq.s[1])
    sB0, sB1 = float(eq.sB[0]), float(eq.sB[1])
    III = float(demand_integral(pr, s1) - demand_integral(pr, s0)) - P1 * (s1 - s0)
    V = (p0 - p1) * sB1
    IV = (P1 - p0) * (s0 - sB1)
    return Figure1Areas(P0, P1, p0, p1, s0, s1, sB0, sB1, III, IV, V)


def welfare_changes(params: ThreeCountryParams, link: bool = True) -> dict:
    """ΔW_N, ΔE(Uᴬ), ΔE(Uᴮ) and the Southern total of the full accord (levels at τ = T minus τ = 0)."""
    eq = three_country(params, np.array([0.0, params.T]), link)
    d = {"dW_N": eq.WN[1] - eq.WN[0], "dEUA": eq.EUA[1] - eq.EUA[0], "dEUB": eq.EUB[1] - eq.EUB[0]}
    d["dEU_South"] = d["dEUA"] + d["dEUB"]
    return {k: float(v) for k, v in d.items()}


#: What each key of :func:`results` means (the chapter's table of key numbers).  Suffix 0: τ = 0
#: (no accord); T: τ = T (full accord).
RESULTS_DOC = {
    "omega_star_0": "two-country: threshold Ω* of the shock at τ = 0 (θ = 1 − F(Ω*))",
    "theta_0": "two-country: compliance probability θ at τ = 0",
    "K_0": "two-country: FDI K at τ = 0",
    "K_T": "two-country: FDI K at τ = T",
    "theta_T": "two-country: compliance probability θ at τ = T",
    "dK_dtau_0": "two-country: dK/dτ (9) at τ = 0",
    "dK_dtau_T": "two-country: dK/dτ (9) at τ = T",
    "EU_0": "two-country: host's expected income E(U) (10) at τ = 0",
    "EU_T": "two-country: host's expected income E(U) (10) at τ = T",
    "P_0": "three-country: producer price P received by B at τ = 0",
    "KA_0": "three-country: FDI in the partner A at τ = 0",
    "KB_0": "three-country: FDI in the non-partner B at τ = 0",
    "thetaA_0": "three-country: A's compliance probability θᴬ at τ = 0",
    "thetaB_0": "three-country: B's compliance probability θᴮ at τ = 0",
    "P_T": "three-country: producer price P received by B at τ = T",
    "KA_T": "three-country: FDI in the partner A at τ = T",
    "KB_T": "three-country: FDI in the non-partner B at τ = T",
    "dKA_dtau_0": "three-country: dKᴬ/dτ (24a) at τ = 0",
    "dKB_dtau_0": "three-country: dKᴮ/dτ (24b) at τ = 0",
    "area_III": "Figure 1: area III",
    "area_IV": "Figure 1: area IV",
    "area_V": "Figure 1: area V",
    "dW_N": "Figure 1: Northern welfare change from a full accord, III + V − IV",
    "EUA_0": "three-country: A's expected income (29) at τ = 0",
    "EUA_T": "three-country: A's expected income (29) at τ = T",
    "EUB_0": "three-country: B's expected income at τ = 0",
    "EUB_T": "three-country: B's expected income at τ = T",
}


def results(params: ThreeCountryParams | None = None, two: TwoCountryParams | None = None) -> dict:
    """Headline numbers of the chapter (plain floats).

    Two-country (at ``two``, default :class:`TwoCountryParams`): ``omega_star_0,
    theta_0, K_0, K_T, theta_T, dK_dtau_0, dK_dtau_T, EU_0, EU_T``.
    Three-country (at ``params``): ``P_0, KA_0, KB_0, thetaA_0, thetaB_0, P_T,
    KA_T, KB_T, dKA_dtau_0, dKB_dtau_0, area_III, area_IV, area_V, dW_N,
    EUA_0, EUA_T, EUB_0, EUB_T`` (suffix 0: τ = 0, no accord; T: τ = T, full accord).

    Every value is a finite float.

    Raises
    ------
    ValueError
        No interior equilibrium (a corner, see :func:`two_country` and :func:`three_country`),
        or a value that cannot be computed as a finite number at these parameters.

    Examples
    --------
    >>> round(results()["K_0"], 4)
    0.7153
    """
    two = two or TwoCountryParams()
    params = params or ThreeCountryParams()
    e2 = two_country(two, np.array([0.0, two.T]))
    e3 = three_country(params, np.array([0.0, params.T]))
    ar = figure1_areas(params)
    out = {
        "omega_star_0": e2.omega_star[0], "theta_0": e2.theta[0], "K_0": e2.K[0], "K_T": e2.K[1],
        "theta_T": e2.theta[1], "dK_dtau_0": e2.dK_dtau[0], "dK_dtau_T": e2.dK_dtau[1],
        "EU_0": e2.EU[0], "EU_T": e2.EU[1],
        "P_0": e3.P[0], "KA_0": e3.KA[0], "KB_0": e3.KB[0], "thetaA_0": e3.thetaA[0],
        "thetaB_0": e3.thetaB[0], "P_T": e3.P[1], "KA_T": e3.KA[1], "KB_T": e3.KB[1],
        "dKA_dtau_0": e3.dKA[0], "dKB_dtau_0": e3.dKB[0],
        "area_III": ar.III, "area_IV": ar.IV, "area_V": ar.V, "dW_N": ar.dW_N,
        "EUA_0": e3.EUA[0], "EUA_T": e3.EUA[1], "EUB_0": e3.EUB[0], "EUB_T": e3.EUB[1],
    }
    out = {k: float(v) for k, v in out.items()}
    require_finite(out, "results()")
    return out
