"""Schiff (2014): negotiating blocs of small states and intra-bloc migration.

Pure numerics (numpy/scipy).  The paper gives only sign conditions (1)-(3);
this module implements the book's functional forms (the brief's
specification [B]) in *share* units ``n`` (share of the region's ``N`` small
states in the bloc), with the footnote-7 examples read in *counts* ``m = N n``:

.. math::

    R(n) = \\rho \\ln(Nn),\\quad C^I(n,x) = \\frac{x}{Nn},\\quad
    C^R(n,\\alpha) = (\\gamma_0+\\gamma_1\\alpha^2) N^2 n^2,\\quad B^1(x) = R(n_1) - x = -x,

so that eq. (5) reads
``B(n, alpha, x) = rho ln(Nn) + x (1 - 1/(Nn)) - (gamma0 + gamma1 alpha^2) N^2 n^2``.
``gamma0 = 0, gamma1 = 1`` is footnote 7's ``C^R = alpha^2 m^2`` exactly.

Section II (no migration): :func:`average_benefit` (5), :func:`bloc_value`,
:func:`n_no_fee` (``B_n = 0``), :func:`n_fee` (``V_n = 0``),
:func:`n_open_access` (``B = 0``), :func:`alpha_hat_no_fee`,
:func:`alpha_hat_fee`, the comparative statics (6)-(7).  Section III
(migration): :func:`alpha_of_M` (8) [reconstructed], :func:`optimal_migration`
(9)-(13).  :func:`solve` solves Sections II and III at once; :func:`results`
returns the headline numbers.  Two parts live in their own modules on top of this one:
:mod:`.hos` (Section IV, the brief's Heckscher-Ohlin block for Proposition 3, whose
parameters are the Section IV fields of :class:`Params`) and :mod:`.geometry` (Figure 1's
points and areas, by integration).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import brentq
from scipy.special import lambertw

from lib.params import as_real_array, control, require_finite, require_real, validate

#: The α(M) maps: ``paper`` decodes the surviving derivative of (8) as -4/(2M+1) (the chapter's
#: reading); ``paper_alt`` as -2/(M+1), the other parse of the garbled glyphs (the same map with
#: migration counted in units twice as large: M_alt = 2 M, so cost c under it is 2c under ``paper``);
#: ``uniform`` is a uniform distribution of L taken literally.
SPECS = ("paper", "paper_alt", "uniform")
_LOG_MAP = {"paper": 2.0, "paper_alt": 1.0}   # alpha0 - 2 ln(1 + k M)
Z_BASES = ("post", "initial")

# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Params:
    """Parameters of the book's specification [B] of Schiff (2014).

    Section II: ``N, rho, x, gamma0, gamma1, alpha``; Section III: ``c``, the
    migration map ``spec`` and the denominator of ``z^j`` (``z_base``);
    Section IV (Heckscher-Ohlin block): ``a, b, s_X, L_bar, p_N, tau0,
    kappa_T, omega``.  Defaults are the brief's.

    Examples
    --------
    >>> Params().N
    15
    >>> Params(rho=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: ρ must be positive: R_n > 0 in (1)
    """

    N: int = control(15, 5, 30, 1, "N", "states", "number of small states in the region")
    rho: float = control(4.0, 0.5, 8.0, 0.1, "ρ", doc="bargaining-power scale, R(n) = ρ ln(Nn)")
    x: float = control(3.5, 0.1, 12.0, 0.1, "x", doc="stand-alone international negotiation cost")
    gamma0: float = control(0.10, 0.0, 0.3, 0.005, "γ₀",
                            doc="pure size cost of coordination (0 = footnote-7 form)")
    gamma1: float = control(0.20, 0.02, 1.5, 0.01, "γ₁", doc="heterogeneity cost")
    alpha: float = control(0.30, 0.01, 3.0, 0.01, "α",
                           doc="heterogeneity α (Section III: initial α₀ = L_max − L_min)")
    c: float = control(1.0, 0.1, 60.0, 0.1, "c",
                       doc="cost per migrant (≈1 for the paper's map, ≈30 for the uniform map)")
    spec: str = control("paper", label="α(M) map", options=SPECS,
                        doc="paper (8): α₀ − 2 ln(1+2M); paper_alt: α₀ − 2 ln(1+M); uniform: α₀ − 2√(2Mα₀/n⁰)")
    z_base: str = control("post", label="z denominator", options=Z_BASES,
                          doc="founders counted at post-migration n^E(α̃) or initial n^E₀")
    a: float = control(0.7, 0.55, 0.9, 0.01, "a", doc="labour share in X (labour-intensive)")
    b: float = control(0.3, 0.1, 0.45, 0.01, "b", doc="labour share in Y (capital-intensive)")
    s_X: float = control(0.5, 0.1, 0.9, 0.05, "s_X", doc="expenditure share of X")
    L_bar: float = control(0.5, 0.3, 0.8, 0.01, "L̄", doc="labour of the representative member (K = 1)")
    p_N: float = control(1.8, 1.4, 2.2, 0.01, "p^N", doc="North's price of X")
    tau0: float = control(0.3, 0.0, 0.6, 0.01, "τ₀", doc="North's tariff on X against a one-state bloc")
    kappa_T: float = control(0.01, 0.001, 0.05, 0.001, "κ_T", doc="goods per unit of bloc value")
    omega: float = control(0.0, 0.0, 1.0, 0.05, "ω", doc="share of migration outlay bought as X")

    def __post_init__(self):
        require_real(self)
        if isinstance(self.N, bool) or int(self.N) != self.N or self.N < 2:
            raise ValueError(f"N = {self.N} must be an integer of at least 2 (states in the region)")
        object.__setattr__(self, "N", int(self.N))
        checks = [
            (self.rho > 0, "ρ must be positive: R_n > 0 in (1)"),
            (self.x > 0, "x must be positive: C^I_n < 0 and C^I_nx < 0 in (2) need x > 0"),
            (self.gamma0 >= 0, "γ₀ must be non-negative (C^R_n > 0 in (3))"),
            (self.gamma1 > 0, "γ₁ must be positive: C^R_α > 0 in (3)"),
            (self.alpha > 0, "α must be positive: C^R_α > 0 in (3) needs α > 0"),
            (self.c > 0, "c must be positive (cost per migrant)"),
            (self.spec in SPECS, f"spec must be one of {SPECS}"),
            (self.z_base in Z_BASES, f"z_base must be one of {Z_BASES}"),
            (0 < self.b < self.a < 1, "need 0 < b < a < 1: X is labour-intensive (Section IV)"),
            (0 < self.s_X < 1, "s_X must lie in (0, 1)"),
            (self.L_bar > 0, "L̄ must be positive"),
            (self.p_N > 0, "p^N must be positive"),
            (self.tau0 >= 0, "τ₀ must be non-negative"),
            (self.kappa_T > 0, "κ_T must be positive"),
            (0 <= self.omega <= 1, "ω must lie in [0, 1]"),
        ]
        validate(checks)

    @property
    def n1(self) -> float:
        """Share of one state, ``1/N`` (the stand-alone benchmark)."""
        return 1.0 / self.N

    def phi(self, alpha=None):
        """Regional-cost coefficient ``phi(alpha) = gamma0 + gamma1 alpha^2``."""
        a = self.alpha if alpha is None else alpha
        return self.gamma0 + self.gamma1 * np.asarray(a, dtype=float) ** 2


#: Largest magnitude of an extra argument (heterogeneity, cost, migration, price) the model is
#: solved for; a bloc share n must lie in [N_MIN, 1].
ARG_MAX = 1e12
N_MIN = 1e-12


def _alpha(params: Params, alpha, name: str = "alpha"):
    return as_real_array(params.alpha if alpha is None else alpha, name, 0.0, ARG_MAX,
                         why="heterogeneity, the supported range")


def _x(params: Params, x):
    return as_real_array(params.x if x is None else x, "x", 0.0, ARG_MAX, lo_open=True,
                         why="the stand-alone negotiation cost, the supported range")


def _n(n, name: str = "n"):
    """A bloc size (share of the region's states) in [N_MIN, 1], or ``ValueError``."""
    return as_real_array(n, name, N_MIN, 1.0, why="a share of the region's states")


# ---------------------------------------------------------------------------
# Section II: the primitives (1)-(5)
# ---------------------------------------------------------------------------


def revenue(params: Params, n):
    """Revenue from collective action ``R(n) = rho ln(N n)``, eq. (1) [B]."""
    return params.rho * np.log(params.N * _n(n))


def cost_international(params: Params, n, x=None):
    """International cost per member ``C^I(n, x) = x/(N n)``, eq. (2) (footnote 7, in counts)."""
    return _x(params, x) / (params.N * _n(n))


def cost_regional(params: Params, n, alpha=None):
    """Regional cost ``C^R(n, alpha) = (gamma0 + gamma1 alpha^2) N^2 n^2``, eq. (3) [B]."""
    return params.phi(_alpha(params, alpha)) * (params.N * _n(n)) ** 2


def average_benefit(params: Params, n, alpha=None, x=None):
    """Average net benefit of membership ``B(n, alpha, x)``, eq. (5).

    ``B = R(n) - C^I(n, x) - C^R(n, alpha) - B^1(x)`` with ``B^1(x) = R(n_1) - x = -x``.
    """
    n = _n(n)
    xx = _x(params, x)
    m = params.N * n
    return params.rho * np.log(m) + xx * (1.0 - 1.0 / m) - params.phi(_alpha(params, alpha)) * m**2


def benefit_slope(params: Params, n, alpha=None, x=None):
    """``B_n = R_n - C^I_n - C^R_n``."""
    n = _n(n)
    return params.rho / n + _x(params, x) / (params.N * n**2) - 2.0 * params.phi(_alpha(params, alpha)) * params.N**2 * n


def benefit_curvature(params: Params, n, alpha=None, x=None):
    """``B_nn = -rho/n^2 - 2x/(N n^3) - 2 phi N^2 < 0``."""
    n = _n(n)
    return -params.rho / n**2 - 2.0 * _x(params, x) / (params.N * n**3) - 2.0 * params.phi(_alpha(params, alpha)) * params.N**2


def bloc_value(params: Params, n, alpha=None, x=None):
    """Bloc value ``V = n B`` (Section II.A)."""
    return _n(n) * average_benefit(params, n, alpha, x)


def marginal_value(params: Params, n, alpha=None, x=None):
    """Marginal bloc value ``V_n = B + n B_n = B (1 + eps_{B,n})``."""
    n = _n(n)
    return average_benefit(params, n, alpha, x) + n * benefit_slope(params, n, alpha, x)


def benefit_per_founder(params: Params, n, n_founders, alpha=None, x=None):
    """``B_OR(n) = V(n)/n^E``: bloc value per founding member (Section II.C)."""
    return bloc_value(params, n, alpha, x) / _n(n_founders, "n_founders")


# ---------------------------------------------------------------------------
# Section II: bloc sizes (closed forms) and critical heterogeneity
# ---------------------------------------------------------------------------

_TINY = 1e-300


def _m_no_fee(params: Params, alpha=None, x=None):
    """Positive root (in counts) of ``2 phi m^3 - rho m - x = 0`` (trigonometric Cardano)."""
    phi = np.maximum(params.phi(_alpha(params, alpha)), _TINY)
    xx = _x(params, x)
    p = -params.rho / (2.0 * phi)
    q = -xx / (2.0 * phi)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        disc = (q / 2.0) ** 2 + (p / 3.0) ** 3
        sq = np.sqrt(np.maximum(disc, 0.0))
        one_real = np.cbrt(-q / 2.0 + sq) + np.cbrt(-q / 2.0 - sq)
        arg = np.clip(3.0 * q / (2.0 * p) * np.sqrt(-3.0 / p), -1.0, 1.0)
        three_real = 2.0 * np.sqrt(-p / 3.0) * np.cos(np.arccos(arg) / 3.0)
    m = np.where(disc >= 0, one_real, three_real)
    return np.where(np.isfinite(m), m, np.inf)


def n_no_fee(params: Params, alpha=None, x=None, clip: bool = False):
    """No-fee bloc size ``n^E``: ``B_n = 0`` (Section II.B), closed form.

    In counts ``m = N n`` the condition is the cubic ``2 phi m^3 - rho m - x = 0``
    with exactly one positive root (Descartes).  With ``clip=True`` the result is
    clipped to ``[1/N, 1]`` (corner blocs), as the migration solver needs.
    """
    n = _m_no_fee(params, alpha, x) / params.N
    return np.clip(n, params.n1, 1.0) if clip else n


def _m_fee(params: Params, alpha=None, x=None):
    """Root of ``rho ln m + rho + x - 3 phi m^2 = 0`` on the W_{-1} branch (``inf`` if none)."""
    phi = np.maximum(params.phi(_alpha(params, alpha)), _TINY)
    xx = _x(params, x)
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        lnz = np.log(6.0 * phi / params.rho) - 2.0 * (params.rho + xx) / params.rho  # ln(-z)
        z = -np.exp(lnz)
        valid = z >= -1.0 / np.e
        w = lambertw(np.where(valid, z, -0.1), k=-1).real
        # where z is (nearly) 0 in floats, solve w + ln(-w) = ln(-z) in logs instead (W_{-1})
        tiny = lnz < -600
        if np.any(tiny):
            w = np.where(tiny, _lambertw_m1_log(np.where(tiny, lnz, -700.0)), w)
        m = np.sqrt(-params.rho / (6.0 * phi) * w)
    m = np.where(np.isfinite(m), m, np.inf)
    return np.where(valid, m, 0.0)


def _lambertw_m1_log(lnz):
    """``W_{-1}(z)`` from ``ln(-z)`` (``z -> 0-``): Newton on ``w + ln(-w) = ln(-z)`` from the asymptotic series."""
    L1 = np.asarray(lnz, dtype=float)
    L2 = np.log(-L1)
    w = L1 - L2 + L2 / L1
    for _ in range(4):
        w = w - (w + np.log(-w) - L1) / (1.0 + 1.0 / w)
    return w


def n_fee(params: Params, alpha=None, x=None, clip: bool = False):
    """Bloc size with an accession fee ``n^*``: ``V_n = 0``, i.e. ``eps_{B,n} = -1`` (Section II.C).

    Closed form ``m*^2 = -(rho/(6 phi)) W_{-1}(-(6 phi/rho) exp(-2(rho+x)/rho))``.
    Returns 0 where ``V_n < 0`` for every size (no root).  ``clip=True`` clips to
    ``[1/N, 1]`` (footnote 11's corner ``n* = 1``).
    """
    n = _m_fee(params, alpha, x) / params.N
    return np.clip(n, params.n1, 1.0) if clip else n


def value_no_fee(params: Params, alpha=None, x=None):
    """``V^E(alpha) = n^E B(n^E)`` (corners clipped to ``[1/N, 1]``)."""
    n = n_no_fee(params, alpha, x, clip=True)
    return n * average_benefit(params, n, alpha, x)


def value_fee(params: Params, alpha=None, x=None):
    """``V^*(alpha) = max_n V = n^* B(n^*)`` (corners clipped to ``[1/N, 1]``)."""
    n = n_fee(params, alpha, x, clip=True)
    return n * average_benefit(params, n, alpha, x)


def value_alpha(params: Params, regime: str, alpha=None):
    """Envelope derivative ``dV^j/d alpha`` (unnumbered equation of Section III).

    ``V^*_alpha = n^* B_alpha(n^*) = -2 gamma1 alpha N^2 n*^3``;
    ``V^E_alpha = B^E dn^E/dalpha + n^E B_alpha(n^E)`` with ``dn^E/dalpha`` from (6).
    At a corner (size clipped to 1) the size does not respond.
    """
    a = _alpha(params, alpha)
    if regime == "star":
        n = n_fee(params, a, clip=True)
        return -2.0 * params.gamma1 * a * params.N**2 * n**3
    if regime != "E":
        raise ValueError(f"regime must be 'E' or 'star', got {regime!r}")
    n_raw = n_no_fee(params, a)
    n = np.clip(n_raw, params.n1, 1.0)
    interior = (n_raw > params.n1) & (n_raw < 1.0)
    dn = np.where(interior, 4.0 * params.gamma1 * a * params.N**2 * n / benefit_curvature(params, n, a), 0.0)
    return average_benefit(params, n, a) * dn - 2.0 * params.gamma1 * a * params.N**2 * n**3


def value(params: Params, regime: str, alpha=None):
    """``V^j(alpha)`` for ``regime`` in ``("E", "star")``."""
    if regime == "E":
        return value_no_fee(params, alpha)
    if regime == "star":
        return value_fee(params, alpha)
    raise ValueError(f"regime must be 'E' or 'star', got {regime!r}")


def n_open_access(params: Params, alpha=None):
    """Open-access size ``n^H``: ``B(n^H) = 0`` beyond ``n^E`` (point H), by bracketed ``brentq``.

    Raises ``ValueError`` if ``B^E <= 0`` (no bloc) or ``B(1) > 0`` (open access
    takes in the whole region, a corner).
    """
    a = float(_alpha(params, alpha))
    nE = float(n_no_fee(params, a))
    lo = min(max(nE, params.n1), 1.0)
    if float(average_benefit(params, lo, a)) <= 0:
        raise ValueError("no bloc forms: B^E ≤ 0 (α ≥ α̂^E), so there is no open-access size")
    if float(average_benefit(params, 1.0, a)) > 0:
        raise ValueError("corner: B(1) > 0, so open access takes in the whole region (n^H = 1)")
    return brentq(lambda n: float(average_benefit(params, n, a)), lo, 1.0, xtol=1e-14, rtol=1e-13)


def alpha_hat_no_fee(params: Params, x=None):
    """Critical heterogeneity ``alpha_hat^E``: ``max_n B(n; alpha_hat) = 0`` (Prop. 1(i), (v)).

    Combining ``B_m = 0`` and ``B = 0`` gives ``rho ln m + x - rho/2 - 3x/(2m) = 0``
    (increasing in ``m``, negative at ``m = 1``); then
    ``phi_hat = (rho m + x)/(2 m^3)`` and ``alpha_hat = sqrt((phi_hat - gamma0)/gamma1)``.
    """
    xx = float(_x(params, x))

    def f(m):
        return params.rho * math.log(m) + xx - params.rho / 2 - 1.5 * xx / m

    hi = 2.0
    while f(hi) <= 0:
        hi *= 2.0
        if hi > 1e12:  # pragma: no cover - f grows like log m
            raise RuntimeError("alpha_hat: no bracket found")
    m = brentq(f, 1.0, hi, xtol=1e-15, rtol=1e-15)
    if m >= params.N:
        raise ValueError(f"the bloc at the formation threshold would exceed the region (m̂ = {m:.3g} ≥ N)")
    phi_hat = (params.rho * m + xx) / (2 * m**3)
    if phi_hat <= params.gamma0:
        raise ValueError("no bloc forms at any heterogeneity: the pure size cost γ₀ alone makes B^E ≤ 0")
    return math.sqrt((phi_hat - params.gamma0) / params.gamma1)


def alpha_hat_fee(params: Params, x=None):
    """Critical heterogeneity with a fee, ``alpha_hat^*``: ``V^*(alpha) = max_n V = 0``.

    Found independently of :func:`alpha_hat_no_fee` by ``brentq`` on the fee
    regime's value.  It coincides with ``alpha_hat^E`` (Prop. 1(v) fails).
    """
    xx = float(_x(params, x))

    def v_star(a):
        n = float(n_fee(params, a, xx))
        if n <= params.n1:  # V_n < 0 everywhere: best is a one-state "bloc"
            return float(bloc_value(params, params.n1, a, xx))
        n = min(n, 1.0)
        return float(bloc_value(params, n, a, xx))

    guess = alpha_hat_no_fee(params, xx)
    lo, hi = 0.5 * guess, 1.5 * guess
    if not (v_star(lo) > 0 > v_star(hi)):
        raise RuntimeError("alpha_hat_fee: no sign change of V* in the bracket")
    return brentq(v_star, lo, hi, xtol=1e-14, rtol=1e-13)


# ---------------------------------------------------------------------------
# Section II: comparative statics (6) and (7)
# ---------------------------------------------------------------------------


def _partials(params: Params, n, alpha=None):
    a = _alpha(params, alpha)
    N = params.N
    return {
        "CI_x": 1.0 / (N * n),
        "CI_nx": -1.0 / (N * n**2),
        "CR_a": 2.0 * params.gamma1 * a * N**2 * n**2,
        "CR_na": 4.0 * params.gamma1 * a * N**2 * n,
        "B_n": benefit_slope(params, n, a),
        "B_nn": benefit_curvature(params, n, a),
    }


def comparative_statics(params: Params, alpha=None):
    """Comparative statics (6) and (7) at ``(alpha, x)``.

    Returns a dict with ``dnE_dalpha = C^R_na/B_nn`` and ``dnE_dx = C^I_nx/B_nn``
    (eq. 6), ``dnstar_dalpha = (C^R_a + n C^R_na)/(2B_n + n B_nn)`` (eq. 7) and
    ``dnstar_dx = (C^I_x + n C^I_nx - 1)/(2B_n + n B_nn)`` (eq. 7 **corrected**:
    the ``-1`` from ``-B^1(x)``), plus ``dnstar_dx_printed`` (the paper's numerator
    without ``-1``, identically 0 under ``C^I = x/(Nn)``).
    """
    nE = n_no_fee(params, alpha)
    nS = n_fee(params, alpha)
    e, s = _partials(params, nE, alpha), _partials(params, nS, alpha)
    vnn = 2 * s["B_n"] + nS * s["B_nn"]
    return {
        "dnE_dalpha": e["CR_na"] / e["B_nn"],
        "dnE_dx": e["CI_nx"] / e["B_nn"],
        "dnstar_dalpha": (s["CR_a"] + nS * s["CR_na"]) / vnn,
        "dnstar_dx": (s["CI_x"] + nS * s["CI_nx"] - 1.0) / vnn,
        "dnstar_dx_printed": (s["CI_x"] + nS * s["CI_nx"]) / vnn,
    }


# ---------------------------------------------------------------------------
# Section III: migration
# ---------------------------------------------------------------------------


def alpha_of_M(params: Params, M, alpha0=None, n0=None):
    """Heterogeneity after migration ``alpha(M)``, eq. (8) [reconstructed].

    ``spec == "paper"``: ``alpha0 - 2 ln(1 + 2M)`` (integrates the printed
    ``d alpha/dM = -4/(2M+1)``); ``spec == "paper_alt"``: ``alpha0 - 2 ln(1 + M)`` (the other
    reading, ``-2/(M+1)``).  ``spec == "uniform"``: the exact map for a
    uniform distribution of ``L``, ``alpha0 - 2 sqrt(2 M alpha0/n^E_0)``.
    """
    a0 = _alpha(params, alpha0, "alpha0")
    M = as_real_array(M, "M", 0.0, ARG_MAX, why="migration, the supported range")
    if params.spec in _LOG_MAP:
        out = a0 - 2.0 * np.log1p(_LOG_MAP[params.spec] * M)
        # at M = M_max the map is 0 up to rounding: do not hand a -1e-16 on to the validated model
        return np.where((out < 0) & (out > -1e-12 * np.maximum(a0, 1.0)), 0.0, out)
    n0 = n_no_fee(params, a0, clip=True) if n0 is None else n0
    return a0 - 2.0 * np.sqrt(2.0 * M * a0 / n0)


def M_of_alpha(params: Params, alpha, alpha0=None, n0=None):
    """Inverse of (8): migration needed to bring heterogeneity down to ``alpha``."""
    a0 = _alpha(params, alpha0, "alpha0")
    gap = a0 - _alpha(params, alpha)
    if params.spec in _LOG_MAP:
        with np.errstate(over="ignore"):
            out = np.expm1(gap / 2.0) / _LOG_MAP[params.spec]
        require_finite({"M": out}, "the migration M(alpha) of (8)")
        return out
    n0 = n_no_fee(params, a0, clip=True) if n0 is None else n0
    return n0 * gap**2 / (8.0 * a0)


def _dM_dalpha(params: Params, alpha, alpha0, n0):
    gap = alpha0 - alpha
    if params.spec in _LOG_MAP:
        return -np.exp(gap / 2.0) / (2.0 * _LOG_MAP[params.spec])
    return -n0 * gap / (4.0 * alpha0)


def M_max(params: Params, alpha0=None):
    """Largest admissible migration (``alpha(M_max) = 0``)."""
    return float(M_of_alpha(params, 0.0, alpha0))


def c_bar(params: Params, regime: str, alpha0=None):
    """Cost threshold ``c_bar^j = -2k V^j_alpha(alpha0)`` below which migration pays (``k = 2`` for the
    paper map, ``-4 V_alpha``; ``k = 1`` for ``paper_alt``)."""
    if params.spec not in _LOG_MAP:
        return math.inf  # alpha_M -> -inf at M = 0: migration pays for every c
    return float(-2.0 * _LOG_MAP[params.spec] * value_alpha(params, regime, alpha0))


@dataclass(frozen=True)
class Migration:
    """Optimal migration in one regime (Section III, eqs. (9)-(13)).

    ``M`` = ``M~^j``, ``alpha`` = ``alpha~^j`` (13), ``n`` = ``n~^j``,
    ``n_founders`` = the denominator of ``z^j``, ``G`` = ``G~^j`` (9),
    ``V0`` = ``V^j(alpha0)``, ``dG`` = ``Delta G^j`` (12), ``z`` = ``c M~/n~^E``,
    ``corner`` in ``("none", "zero")`` (``"zero"``: no migration pays).
    """

    regime: str
    M: float
    alpha: float
    n: float
    n_founders: float
    G: float
    V0: float
    dG: float
    z: float
    corner: str


def _G_grid(params, regime, a0, c, n0, alphas):
    return value(params, regime, alphas) - c * M_of_alpha(params, alphas, a0, n0)


def optimal_migration(params: Params, regime: str, alpha0=None, c=None, K: int = 48) -> Migration:
    """Optimal migration ``M~^j`` maximising ``G(M) = V^j(alpha(M)) - c M`` (9)-(11).

    Works in the target heterogeneity ``alpha in [0, alpha0]`` (one-to-one with
    ``M`` by (8)): a vectorised coarse grid of ``K`` points finds the global
    maximum (``G`` need not be concave), then the first-order condition (10)/(11)
    ``V^j_alpha(alpha) = c dM/dalpha`` is solved by ``brentq`` inside the
    bracketing grid cell after checking the sign change.

    Raises
    ------
    ValueError
        If the optimum is the corner ``M = M_max`` (all heterogeneity removed),
        or the regime's bloc size at the optimum is a corner (``n = 1``), or no
        bloc forms without migration (``n^E_0 <= 1/N``).
    """
    if regime not in ("E", "star"):
        raise ValueError(f"regime must be 'E' or 'star', got {regime!r}")
    a0 = float(_alpha(params, alpha0, "alpha0"))
    c = float(as_real_array(params.c if c is None else c, "c", 0.0, ARG_MAX, lo_open=True,
                            why="cost per migrant, the supported range"))
    n0_raw = float(n_no_fee(params, a0))
    if n0_raw <= params.n1:
        raise ValueError("no bloc forms: n^E ≤ 1/N (average benefit falls from the first member)")
    n0 = min(n0_raw, 1.0)
    alphas = a0 * (1.0 - np.linspace(0.0, 1.0, K + 1))  # alphas[0] = a0 (M = 0)
    G = _G_grid(params, regime, a0, c, n0, alphas)
    k = int(np.argmax(G))

    def g(al):  # dG/dalpha
        return float(value_alpha(params, regime, al) - c * _dM_dalpha(params, al, a0, n0))

    best_a, best_G = float(alphas[k]), float(G[k])
    for lo_i, hi_i in ((k + 1, k), (k, k - 1)):
        if lo_i > K or hi_i < 0:
            continue
        lo, hi = float(alphas[lo_i]), float(alphas[hi_i])  # lo < hi
        glo, ghi = g(lo), g(hi)
        if glo > 0 > ghi:
            root = brentq(g, lo, hi, xtol=1e-14, rtol=1e-13)
            Gr = float(_G_grid(params, regime, a0, c, n0, root))
            if Gr >= best_G:
                best_a, best_G = root, Gr
    if best_a <= 1e-12 * max(a0, 1.0):
        raise ValueError(
            f"corner migration ({regime}): removing all heterogeneity (M̃ = M_max) is optimal at "
            f"c = {c:g}; no interior solution of (11) (raise c or γ₀; the uniform map needs c ≈ 30)")
    M = 0.0 if best_a == a0 else float(M_of_alpha(params, best_a, a0, n0))
    n_reg = float((n_no_fee if regime == "E" else n_fee)(params, best_a))
    if n_reg >= 1.0:
        raise ValueError(f"corner bloc size ({regime}): with migration the bloc would take in the whole region")
    nf = float(n_no_fee(params, best_a)) if params.z_base == "post" else n0
    V0 = float(value(params, regime, a0))
    z = c * M / nf
    return Migration(regime, M, best_a, n_reg, nf, best_G, V0, best_G - V0, z,
                     "zero" if M == 0.0 else "none")


def soc_migration(params: Params, regime: str, alpha=None, h: float = 1e-5) -> float:
    """Second-order condition of (10) under map (8): ``2 V_aa + V_a`` (must be < 0).

    ``V_aa`` by a central difference of the analytic envelope derivative.
    """
    a = float(_alpha(params, alpha))
    va = float(value_alpha(params, regime, a))
    vaa = float((value_alpha(params, regime, a + h) - value_alpha(params, regime, a - h)) / (2 * h))
    return 2 * vaa + va


def alpha_fixed_point(params: Params) -> float:
    """The heterogeneity with ``alpha0 = n^E(alpha0)`` (the paper's Section III identity)."""
    f = lambda a: float(n_no_fee(params, a)) - a  # noqa: E731
    lo, hi = 1e-3, 1.0
    if not (f(lo) > 0 > f(hi)):
        raise ValueError("no fixed point α₀ = n^E(α₀) in (0, 1) at these parameters")
    return brentq(f, lo, hi, xtol=1e-14)


# ---------------------------------------------------------------------------
# Whole model
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Solution:
    """Every number of Figure 1 (Sections II and III) at one parameter point."""

    params: Params
    nE: float
    BE: float
    VE: float
    n_star: float
    B_star: float
    B_star_OR: float
    V_star: float
    nH: float
    mig_E: Migration
    mig_star: Migration
    n_founders_star: float  # n^E(alpha~^*): founders under migration with a fee


def solve_static(params: Params):
    """Section II at ``params.alpha``: ``(nE, BE, n_star, B_star, nH)``; raises ``ValueError`` without an interior bloc."""
    nE = float(n_no_fee(params))
    if nE <= params.n1:
        raise ValueError("no bloc forms: n^E ≤ 1/N (ρ + x ≤ 2φ: average benefit falls from the first member)")
    if nE >= 1.0:
        raise ValueError("corner: n^E ≥ 1, the no-fee bloc takes in the whole region")
    BE = float(average_benefit(params, nE))
    if BE <= 0:
        raise ValueError(f"no bloc forms: B^E = {BE:.3g} ≤ 0 because α ≥ α̂^E (Prop. 1(i))")
    nS = float(n_fee(params))
    if nS >= 1.0:
        raise ValueError("corner: n* ≥ 1, the fee bloc takes in the whole region (paper's footnote 11)")
    BS = float(average_benefit(params, nS))
    nH = n_open_access(params)
    return nE, BE, nS, BS, nH


def solve(params: Params | None = None, migration: bool = True) -> Solution | tuple:
    """Solve Sections II and III at ``params`` (both regimes, with optimal migration).

    Examples
    --------
    >>> s = solve(Params())
    >>> round(s.nE, 4), round(s.n_star, 4)
    (0.3, 0.4338)
    """
    params = params or Params()
    nE, BE, nS, BS, nH = solve_static(params)
    mE = optimal_migration(params, "E")
    mS = optimal_migration(params, "star")
    return Solution(params, nE, BE, nE * BE, nS, BS, nS * BS / nE, nS * BS, nH, mE, mS,
                    float(n_no_fee(params, mS.alpha)))


#: What each key of :func:`results` means (the chapter's table of key numbers).
RESULTS_DOC = {
    "nE": "no-fee bloc size n^E (point A)", "BE": "its average benefit B^E (DA = C0)",
    "VE": "its value V^E (area C0AD)", "n_star": "fee bloc size n* (point E)",
    "B_star": "average benefit B* (GE = F0)", "B_star_OR": "benefit per founder B*_OR (JE = I0)",
    "V_star": "value V* (area F0EG)", "nH": "open-access size n^H (point H)",
    "alpha_hat_E": "critical heterogeneity α̂^E", "alpha_hat_star": "critical heterogeneity α̂*",
    "M_tilde_E": "optimal migration M̃^E", "alpha_tilde_E": "heterogeneity after migration α̃^E",
    "n_tilde_E": "bloc size ñ^E (A′)", "dG_E": "gain from migration ΔG^E",
    "M_tilde_star": "optimal migration M̃*", "alpha_tilde_star": "heterogeneity after migration α̃*",
    "n_tilde_star": "bloc size ñ* (E′)", "dG_star": "gain from migration ΔG*",
    "z_E": "migration cost per founder z^E", "z_star": "migration cost per founder z*",
    "G_tilde_E": "net value with migration G̃^E", "G_tilde_star": "net value with migration G̃*",
    "c_bar_E": "cost threshold c̄^E", "c_bar_star": "cost threshold c̄*",
    "M_max": "largest admissible migration M_max",
}


def results(params: Params | None = None) -> dict:
    """Headline numbers of the chapter (plain floats).

    Keys: ``nE, BE, VE, n_star, B_star, B_star_OR, V_star, nH, alpha_hat_E,
    alpha_hat_star, M_tilde_E, alpha_tilde_E, n_tilde_E, dG_E, M_tilde_star,
    alpha_tilde_star, n_tilde_star, dG_star`` plus ``z_E, z_star, G_tilde_E,
    G_tilde_star, c_bar_E, c_bar_star, M_max``.  Every value is a finite float.

    Raises
    ------
    ValueError
        No interior solution (no bloc, corner migration or bloc size), or a value that cannot
        be computed as a finite number at these parameters.

    Examples
    --------
    >>> round(results()["alpha_hat_E"], 4)
    2.3954
    """
    params = params or Params()
    s = solve(params)
    out = {
        "nE": s.nE, "BE": s.BE, "VE": s.VE,
        "n_star": s.n_star, "B_star": s.B_star, "B_star_OR": s.B_star_OR, "V_star": s.V_star,
        "nH": s.nH,
        "alpha_hat_E": alpha_hat_no_fee(params), "alpha_hat_star": alpha_hat_fee(params),
    }
    for tag, mg in (("E", s.mig_E), ("star", s.mig_star)):
        out |= {f"M_tilde_{tag}": mg.M, f"alpha_tilde_{tag}": mg.alpha, f"n_tilde_{tag}": mg.n,
                f"dG_{tag}": mg.dG, f"z_{tag}": mg.z, f"G_tilde_{tag}": mg.G}
    out |= {"c_bar_E": c_bar(params, "E"), "c_bar_star": c_bar(params, "star"), "M_max": M_max(params)}
    out = {k: float(v) for k, v in out.items()}
    require_finite(out, "results()")
    return out


def with_(params: Params, **changes) -> Params:
    """``dataclasses.replace`` with validation (a convenience for sweeps)."""
    return replace(params, **changes)
