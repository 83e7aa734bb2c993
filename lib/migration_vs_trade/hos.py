"""F1 and F2 of the Gordon chapter: the book's Heckscher-Ohlin-Samuelson economy (Cobb-Douglas
technology and tastes), with identical technologies (F1, :class:`HOSParams`) or a Hicks-neutral
productivity edge (F2, :class:`TechParams`).  The book's model, not the essay's (see
:mod:`lib.migration_vs_trade.model`)."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from lib.params import (
    SUPPORTED_MAGNITUDE,
    as_real,
    as_real_array,
    control,
    require_real,
    validate,
)

__all__ = ['ENDOWMENT_PRESETS', 'HOSParams', 'TechParams', 'price_index', 'factor_prices', 'country_supply', 'Equilibrium', 'autarky', 'autarky_constant', 'autarky_real_wage_closed', 'autarky_gap_closed', 'free_trade', 'autarky_numeric', 'integrated', 'migration_M_star', 'free_migration', 'tau_sweep', 'gap_difference', 'crossing_tau', 'specialisation_tau']


# ---------------------------------------------------------------------------
# F1/F2: Heckscher-Ohlin-Samuelson with Cobb-Douglas technology and tastes
# ---------------------------------------------------------------------------

ENDOWMENT_PRESETS = {
    "F1 endowments": {"K_H": 200.0, "L_H": 100.0, "K_W": 300.0, "L_W": 300.0},
    "equal endowments": {"K_H": 150.0, "L_H": 150.0, "K_W": 300.0, "L_W": 300.0},
}


@dataclass(frozen=True)
class HOSParams:
    """Parameters of the 2x2x2 HOS illustration (F1).

    Country H (destination) holds ``K_H`` capital and ``L_H`` labour, country F
    (origin) the rest of the world totals ``K_W``, ``L_W``.  Good X uses labour
    with exponent ``alpha``, good Y with ``beta`` (X is labour-intensive:
    ``0 < beta < alpha < 1``); consumers spend the share ``gamma`` on X.

    Examples
    --------
    >>> HOSParams().K_W
    300.0
    >>> HOSParams(K_H=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: need 0 < K_H < K_W (both countries hold capital)
    """

    K_H: float = control(200.0, 10.0, 290.0, 10.0, "K_H", "units", "capital in H (K_F = K_W - K_H)")
    L_H: float = control(100.0, 10.0, 290.0, 10.0, "L_H", "workers", "labour in H (L_F = L_W - L_H)")
    alpha: float = control(0.7, 0.55, 0.95, 0.05, "α", "", "labour exponent of X (labour-intensive)")
    beta: float = control(0.3, 0.05, 0.45, 0.05, "β", "", "labour exponent of Y")
    gamma: float = control(0.5, 0.1, 0.9, 0.05, "γ", "", "expenditure share of X")
    K_W: float = control(300.0, 50.0, 1000.0, 10.0, "K_W", "units", "world capital")
    L_W: float = control(300.0, 50.0, 1000.0, 10.0, "L_W", "workers", "world labour")

    def __post_init__(self):
        require_real(self)
        validate([
            (0 < self.beta < self.alpha < 1, "need 0 < β < α < 1 (X labour-intensive, both goods use both factors)"),
            (0 < self.gamma < 1, "need 0 < γ < 1 (both goods consumed)"),
            (0 < self.K_H < self.K_W, "need 0 < K_H < K_W (both countries hold capital)"),
            (0 < self.L_H < self.L_W, "need 0 < L_H < L_W (both countries hold labour)"),
        ])

    # Technology: F1 has identical technologies everywhere.
    def technology(self) -> np.ndarray:
        """Productivities ``A[c, g]`` (rows H, F; columns X, Y); all ones in F1."""
        return np.ones((2, 2))

    @property
    def L(self) -> np.ndarray:
        """Labour endowments ``[L_H, L_F]``."""
        return np.array([self.L_H, self.L_W - self.L_H])

    @property
    def K(self) -> np.ndarray:
        """Capital endowments ``[K_H, K_F]``."""
        return np.array([self.K_H, self.K_W - self.K_H])

    @property
    def s(self) -> float:
        """Labour's share of national income, ``s = αγ + β(1-γ)``."""
        return self.alpha * self.gamma + self.beta * (1 - self.gamma)


@dataclass(frozen=True)
class TechParams(HOSParams):
    """F2: the HOS economy with a Hicks-neutral productivity edge ``tau`` for H.

    ``edge="X"`` (default) puts the edge in H's labour-intensive sector
    (``A_HX = tau``); ``edge="Y"`` in its capital-intensive sector.
    """

    tau: float = control(2.0, 1.0, 4.0, 0.05, "τ", "", "H's productivity edge (Hicks-neutral)")
    edge: str = control("X", label="sector with the edge", options=("X", "Y"),
                        doc="which of H's sectors has the edge τ")

    def __post_init__(self):
        super().__post_init__()
        validate([
            (isinstance(self.tau, int | float) and 1 <= self.tau <= 50, "need 1 ≤ τ ≤ 50 (H's productivity edge)"),
            (self.edge in ("X", "Y"), "edge must be 'X' or 'Y'"),
        ])

    def technology(self) -> np.ndarray:
        A = np.ones((2, 2))
        A[0, 0 if self.edge == "X" else 1] = self.tau
        return A


def _kappa(e: float) -> float:
    """``e^e (1-e)^(1-e)``: the constant in a Cobb-Douglas unit cost."""
    return e**e * (1 - e) ** (1 - e)


def price_index(params: HOSParams, pX):
    """Cobb-Douglas price index ``(p_X/γ)^γ (p_Y/(1-γ))^(1-γ)`` with ``p_Y = 1`` (brief eq. P)."""
    g = params.gamma
    pX = as_real_array(pX, "pX", 0.0, SUPPORTED_MAGNITUDE[1], lo_open=True, why="a price")
    return (pX / g) ** g * (1 / (1 - g)) ** (1 - g)


def factor_prices(params: HOSParams, pX, AX, AY):
    """Wage and rental of a diversified economy at relative price ``pX`` (``p_Y = 1``).

    Solves the two zero-profit conditions ``p_g = w^a r^(1-a) / (A_g a^a (1-a)^(1-a))``,
    which are linear in ``(ln w, ln r)``.  Vectorised over all arguments.
    """
    a, b = params.alpha, params.beta
    b1 = np.log(pX) + np.log(AX) + np.log(_kappa(a))  # np.log: a, b may be arrays (checks.py)
    b2 = np.log(AY) + np.log(_kappa(b))
    det = a - b
    lw = ((1 - b) * b1 - (1 - a) * b2) / det
    lr = (a * b2 - b * b1) / det
    return np.exp(lw), np.exp(lr)


def country_supply(params: HOSParams, pX, L, K, AX, AY):
    """Competitive outputs and factor prices of one country at price ``pX``.

    Inside its cone ``k_X(p) ≤ K/L ≤ k_Y(p)`` the country is diversified; below
    it specialises in X (labour-intensive), above it in Y.

    Returns
    -------
    X, Y, w, r, regime : ndarrays
        ``regime`` is 0 (diversified), 1 (only X) or 2 (only Y).
    """
    a, b = params.alpha, params.beta
    pX, L, K, AX, AY = np.broadcast_arrays(*(np.asarray(v, float) for v in (pX, L, K, AX, AY)))
    w, r = factor_prices(params, pX, AX, AY)
    om = w / r
    kX, kY = (1 - a) / a * om, (1 - b) / b * om
    k = K / L
    LX = np.clip((kY * L - K) / (kY - kX), 0.0, L)
    X = AX * LX * kX ** (1 - a)
    Y = AY * (L - LX) * kY ** (1 - b)
    regime = np.where(k < kX, 1, np.where(k > kY, 2, 0))
    Xs = AX * L**a * K ** (1 - a)
    Ys = AY * L**b * K ** (1 - b)
    X = np.where(regime == 1, Xs, np.where(regime == 2, 0.0, X))
    Y = np.where(regime == 2, Ys, np.where(regime == 1, 0.0, Y))
    w = np.where(regime == 1, a * pX * Xs / L, np.where(regime == 2, b * Ys / L, w))
    r = np.where(regime == 1, (1 - a) * pX * Xs / K, np.where(regime == 2, (1 - b) * Ys / K, r))
    return X, Y, w, r, regime


@dataclass(frozen=True)
class Equilibrium:
    """An equilibrium of the HOS illustration; arrays are ``[H, F]``.

    Attributes
    ----------
    pX : ndarray
        Relative price of X in each country (equal under free trade).
    w, r : ndarray
        Nominal wage and rental (``p_Y = 1``).
    real_wage : ndarray
        ``w / P``, with ``P`` the Cobb-Douglas price index.
    real_income : ndarray
        Real national income by ownership, ``(w L_c + r K_c)/P`` over each
        country's *own* endowments (migrants count for their origin).
    regime : ndarray
        0 diversified, 1 only X, 2 only Y (production location).
    L_work : ndarray
        Labour employed in each country (differs from endowments under migration).
    """

    pX: np.ndarray
    w: np.ndarray
    r: np.ndarray
    real_wage: np.ndarray
    real_income: np.ndarray
    regime: np.ndarray
    L_work: np.ndarray

    @property
    def wage_ratio(self) -> float:
        """H/F real-wage ratio (the 'wage gap')."""
        return float(self.real_wage[0] / self.real_wage[1])


def _equilibrium(params, pX, w, r, regime, L_work) -> Equilibrium:
    pX = np.broadcast_to(np.asarray(pX, float), (2,)).copy()
    Pi = price_index(params, pX)
    income = (w * params.L + r * params.K) / Pi
    return Equilibrium(pX, np.asarray(w, float), np.asarray(r, float), w / Pi, income,
                       np.asarray(regime), np.asarray(L_work, float))


def autarky(params: HOSParams) -> Equilibrium:
    """Autarky in closed form (brief F1/F2, 'Autarky').

    ``w/r = s/(1-s) k_c``; with zero profits in Y, ``ln r = ln(A_Y κ_β) - β ln(w/r)``,
    and ``p_X`` from zero profits in X.  The real wage equals
    ``s C A_X^γ A_Y^(1-γ) k_c^(1-s)`` (:func:`autarky_real_wage_closed`).
    """
    a, b, s = params.alpha, params.beta, params.s
    A = params.technology()
    k = params.K / params.L
    om = s / (1 - s) * k
    lr = np.log(A[:, 1] * _kappa(b)) - b * np.log(om)
    lw = np.log(om) + lr
    lp = a * lw + (1 - a) * lr - np.log(A[:, 0] * _kappa(a))
    return _equilibrium(params, np.exp(lp), np.exp(lw), np.exp(lr), np.zeros(2, int), params.L)


def autarky_constant(params: HOSParams) -> float:
    """The constant ``C`` of the brief's autarky real-wage formula."""
    a, b, g, s = params.alpha, params.beta, params.gamma, params.s
    cx = (a * g / s) ** a * ((1 - a) * g / (1 - s)) ** (1 - a)
    cy = (b * (1 - g) / s) ** b * ((1 - b) * (1 - g) / (1 - s)) ** (1 - b)
    return cx**g * cy ** (1 - g)


def autarky_real_wage_closed(params: HOSParams) -> np.ndarray:
    """``w_c/P_c = s C A_cX^γ A_cY^(1-γ) k_c^(1-s)`` (closed form; brief F1, F2)."""
    A = params.technology()
    k = params.K / params.L
    return params.s * autarky_constant(params) * A[:, 0] ** params.gamma * A[:, 1] ** (1 - params.gamma) * k ** (1 - params.s)


def autarky_gap_closed(params: HOSParams) -> float:
    """Autarky real-wage gap ``(A_HX/A_FX)^γ (A_HY/A_FY)^(1-γ) (k_H/k_F)^(1-s)``.

    With the edge ``τ`` in X this is the brief's ``τ^γ (k_H/k_F)^(1-s)``.
    """
    A = params.technology()
    k = params.K / params.L
    return float((A[0, 0] / A[1, 0]) ** params.gamma * (A[0, 1] / A[1, 1]) ** (1 - params.gamma)
                 * (k[0] / k[1]) ** (1 - params.s))


def _x_share(params, pX, L, K, A):
    """World expenditure share on X minus γ: the (monotone) goods-market excess."""
    X, Y, *_ = country_supply(params, pX[..., None], L, K, A[:, 0], A[:, 1])
    XW, YW = X.sum(-1), Y.sum(-1)
    return pX * XW / (pX * XW + YW) - params.gamma


def _solve_market(params, L, K, A) -> float:
    """Root of the goods market, bracketed by the countries' autarky prices; brentq on ln p."""
    lo, hi = _bracket(params, L, K, A)

    def f(lp):
        return float(_x_share(params, np.array([math.exp(lp)]), L, K, A)[0])

    flo, fhi = f(lo), f(hi)
    if not flo < 0 < fhi:
        raise RuntimeError(f"goods-market excess does not change sign on [{lo:.3g}, {hi:.3g}] "
                           f"(f = {flo:.3g}, {fhi:.3g})")
    return math.exp(brentq(f, lo, hi, xtol=1e-14, rtol=4 * np.finfo(float).eps, maxiter=200))


def _bracket(params, L, K, A) -> tuple[float, float]:
    """Log-price bracket: one unit beyond the autarky prices of the countries given."""
    a, b, s = params.alpha, params.beta, params.s
    k = K / L
    om = s / (1 - s) * k
    lr = np.log(A[:, 1] * _kappa(b)) - b * np.log(om)
    lp = a * (np.log(om) + lr) + (1 - a) * lr - np.log(A[:, 0] * _kappa(a))
    return float(lp.min()) - 1.0, float(lp.max()) + 1.0


def free_trade(params: HOSParams) -> Equilibrium:
    """Free trade in goods, factors immobile (brief F1 'integrated equilibrium', F2).

    Solves world goods-market clearing ``(1-γ) p X_W = γ Y_W`` by bracketed
    root-finding on ``ln p`` (:func:`scipy.optimize.brentq`, after checking the
    sign change); each country's supply comes from :func:`country_supply`.

    Examples
    --------
    >>> eq = free_trade(HOSParams())
    >>> eq.w.round(4).tolist()
    [0.5429, 0.5429]
    """
    A = params.technology()
    p = _solve_market(params, params.L, params.K, A)
    X, Y, w, r, regime = country_supply(params, p, params.L, params.K, A[:, 0], A[:, 1])
    return _equilibrium(params, p, w, r, regime, params.L)


def autarky_numeric(params: HOSParams) -> Equilibrium:
    """Autarky solved numerically, country by country, with the free-trade solver.

    Used by the tests to check the closed forms of :func:`autarky`.
    """
    A = params.technology()
    out = []
    for c in range(2):
        sl = slice(c, c + 1)
        p = _solve_market(params, params.L[sl], params.K[sl], A[sl])
        out.append((p, *country_supply(params, p, params.L[c], params.K[c], A[c, 0], A[c, 1])))
    pX = np.array([o[0] for o in out])
    w = np.array([float(o[3]) for o in out])
    r = np.array([float(o[4]) for o in out])
    reg = np.array([int(o[5]) for o in out])
    return _equilibrium(params, pX, w, r, reg, params.L)


def integrated(params: HOSParams) -> dict:
    """Integrated-equilibrium quantities (identical technologies).

    Returns ``omega`` (= w/r = s/(1-s) K_W/L_W), the sector intensities
    ``kX = (1-α)/α ω`` and ``kY = (1-β)/β ω`` (the diversification cone), and
    whether each country's ``k_c`` lies in the cone (factor-price equalisation).
    """
    om = params.s / (1 - params.s) * params.K_W / params.L_W
    kX, kY = (1 - params.alpha) / params.alpha * om, (1 - params.beta) / params.beta * om
    k = params.K / params.L
    return {"omega": om, "kX": kX, "kY": kY, "in_cone": bool(np.all((kX <= k) & (k <= kY)))}


def _require_identical_technology(params: HOSParams) -> None:
    if not np.allclose(params.technology(), 1.0):
        raise ValueError("free migration is solved for identical technologies only (τ = 1)")


def migration_M_star(params: HOSParams) -> float:
    """Migrants from F to H under free migration: ``M* = L_W K_H/K_W - L_H`` (brief F1).

    Negative values mean migration from H to F.
    """
    _require_identical_technology(params)
    return float(params.L_W * params.K_H / params.K_W - params.L_H)


def free_migration(params: HOSParams) -> Equilibrium:
    """Free labour migration, capital immobile, no goods trade (brief F1).

    Labour moves until ``k`` is equal everywhere (``L_H' = L_W K_H/K_W``); both
    countries then have the world's autarky prices.  Real income is by
    ownership: migrants' wages count for F.
    """
    _require_identical_technology(params)
    M = migration_M_star(params)
    world = HOSParams(K_H=params.K_W / 2, L_H=params.L_W / 2, alpha=params.alpha, beta=params.beta,
                      gamma=params.gamma, K_W=params.K_W, L_W=params.L_W)
    aut = autarky(world)
    L_work = np.array([params.L_H + M, params.L_W - params.L_H - M])
    return _equilibrium(params, aut.pX[0], np.full(2, aut.w[0]), np.full(2, aut.r[0]),
                        np.zeros(2, int), L_work)


def tau_sweep(params: HOSParams, taus, iters: int = 64) -> dict:
    """Autarky and free-trade wage gaps over a grid of ``tau`` (F2a), vectorised.

    Free-trade prices come from a vectorised bisection on ``ln p`` inside the
    bracket of :func:`_bracket` (sign change checked for every ``tau``; the
    excess is monotone, so the root is unique); ``iters=64`` halvings of a
    bracket of width < 40 reach ~1e-17, i.e. machine precision.

    Returns
    -------
    dict
        ``tau``, ``autarky_gap``, ``trade_gap``, ``pX`` (world), ``regime`` (shape (n, 2)).
    """
    taus = np.atleast_1d(as_real_array(taus, "taus"))
    if np.any(taus < 1) or np.any(taus > SUPPORTED_MAGNITUDE[1]):
        raise ValueError(f"need 1 ≤ τ ≤ {SUPPORTED_MAGNITUDE[1]:g} (the supported range)")
    edge = getattr(params, "edge", "X")
    A = np.ones((taus.size, 2, 2))
    A[:, 0, 0 if edge == "X" else 1] = taus
    L, K = params.L, params.K
    a, b, s = params.alpha, params.beta, params.s
    om = s / (1 - s) * K / L
    lr = np.log(A[:, :, 1] * _kappa(b)) - b * np.log(om)
    lp_aut = a * (np.log(om) + lr) + (1 - a) * lr - np.log(A[:, :, 0] * _kappa(a))
    lo, hi = lp_aut.min(1) - 1.0, lp_aut.max(1) + 1.0

    def excess(lp):
        p = np.exp(lp)[:, None]
        X, Y, *_ = country_supply(params, p, L[None, :], K[None, :], A[:, :, 0], A[:, :, 1])
        XW, YW = X.sum(1), Y.sum(1)
        return p[:, 0] * XW / (p[:, 0] * XW + YW) - params.gamma

    if not (np.all(excess(lo) < 0) and np.all(excess(hi) > 0)):
        raise RuntimeError("goods-market excess does not change sign for every τ")
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        pos = excess(mid) > 0
        hi = np.where(pos, mid, hi)
        lo = np.where(pos, lo, mid)
    p = np.exp(0.5 * (lo + hi))
    X, Y, w, r, regime = country_supply(params, p[:, None], L[None, :], K[None, :], A[:, :, 0], A[:, :, 1])
    k = K / L
    aut_gap = (A[:, 0, 0] / A[:, 1, 0]) ** params.gamma * (A[:, 0, 1] / A[:, 1, 1]) ** (1 - params.gamma) \
        * (k[0] / k[1]) ** (1 - s)
    return {"tau": taus, "autarky_gap": aut_gap, "trade_gap": w[:, 0] / w[:, 1], "pX": p,
            "regime": regime, "autarky_pX": np.exp(lp_aut)}


def gap_difference(params: TechParams, tau: float) -> float:
    """Trade gap minus autarky gap at ``tau`` (positive: trade widens the gap)."""
    Q = dataclasses.replace(params, tau=as_real(tau, "tau"))
    return free_trade(Q).wage_ratio - autarky_gap_closed(Q)


def crossing_tau(params: TechParams, lo: float = 1.2, hi: float = 3.0) -> float:
    """The ``tau*`` at which free trade starts to widen the wage gap (F2).

    Bracketed root of :func:`gap_difference` on ``[lo, hi]``; raises
    ``ValueError`` if the difference does not change sign there (e.g. with
    equal endowments trade widens the gap for every ``tau > 1``, or with the
    edge in Y it never does).
    """
    flo, fhi = gap_difference(params, lo), gap_difference(params, hi)
    if not flo * fhi < 0:
        raise ValueError(f"trade gap minus autarky gap does not change sign on τ ∈ [{lo}, {hi}] "
                         f"({flo:.3g}, {fhi:.3g}): no crossing at these parameters")
    return float(brentq(lambda t: gap_difference(params, t), lo, hi, xtol=1e-12))


def specialisation_tau(params: TechParams, lo: float = 1.0, hi: float = 4.0, n: int = 301) -> float:
    """Smallest ``tau`` in ``[lo, hi]`` at which some country specialises under free trade.

    Located on a grid, then refined by bisection on the regime; ``nan`` is
    never returned: ``inf`` means no specialisation on the interval.
    """
    sw = tau_sweep(params, np.linspace(lo, hi, n))
    spec = np.any(sw["regime"] != 0, axis=1)
    if not spec.any():
        return math.inf
    i = int(np.argmax(spec))
    if i == 0:
        return float(lo)
    a, b = sw["tau"][i - 1], sw["tau"][i]
    for _ in range(40):
        m = 0.5 * (a + b)
        if np.any(tau_sweep(params, [m])["regime"] != 0):
            b = m
        else:
            a = m
    return float(b)
