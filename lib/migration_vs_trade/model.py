"""The book's formal illustrations of arguments Gordon (2010) engages.

The essay has **no model**.  The four small textbook models here are this
book's, built to make concrete the sentences and footnotes the chapter cites:

* **F1** (:class:`HOSParams`): the 2x2x2 Heckscher-Ohlin-Samuelson economy with
  Cobb-Douglas technology and preferences, in which free trade and free
  migration are perfect substitutes inside the diversification cone
  (essay Part I, pp. 1113-14, fn 13: Bhandari; Razin & Sadka 1997).
* **F2** (:class:`TechParams`): the same economy with a Hicks-neutral productivity
  edge, where trade can *widen* the wage gap (fn 13: Razin & Sadka 2001 at 26).
* **F3** (:class:`GainsParams`): a one-good model of who gains from migration:
  the immigration surplus against migrants' and the origin's gains (IV.B,
  pp. 1134-36, fn 120-121).
* **F4** (:class:`BargainParams`): a negotiation game between a destination
  (Country A) and an origin (Country B) with reciprocity and unilateral
  alternatives, and Part V's mechanisms as switches (IV intro-IV.D, V).

Equation labels refer to the replication brief's Section 4b (there are no
equation numbers in the essay).  Everything is pure numpy/scipy; bad
parameters raise ``ValueError`` naming the violated condition.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import brentq

from lib.params import (
    SUPPORTED_MAGNITUDE,
    as_real,
    as_real_array,
    control,
    require_finite,
    require_real,
    validate,
)

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


def price_index(P: HOSParams, pX):
    """Cobb-Douglas price index ``(p_X/γ)^γ (p_Y/(1-γ))^(1-γ)`` with ``p_Y = 1`` (brief eq. P)."""
    g = P.gamma
    pX = as_real_array(pX, "pX", 0.0, SUPPORTED_MAGNITUDE[1], lo_open=True, why="a price")
    return (pX / g) ** g * (1 / (1 - g)) ** (1 - g)


def factor_prices(P: HOSParams, pX, AX, AY):
    """Wage and rental of a diversified economy at relative price ``pX`` (``p_Y = 1``).

    Solves the two zero-profit conditions ``p_g = w^a r^(1-a) / (A_g a^a (1-a)^(1-a))``,
    which are linear in ``(ln w, ln r)``.  Vectorised over all arguments.
    """
    a, b = P.alpha, P.beta
    b1 = np.log(pX) + np.log(AX) + np.log(_kappa(a))  # np.log: a, b may be arrays (checks.py)
    b2 = np.log(AY) + np.log(_kappa(b))
    det = a - b
    lw = ((1 - b) * b1 - (1 - a) * b2) / det
    lr = (a * b2 - b * b1) / det
    return np.exp(lw), np.exp(lr)


def country_supply(P: HOSParams, pX, L, K, AX, AY):
    """Competitive outputs and factor prices of one country at price ``pX``.

    Inside its cone ``k_X(p) ≤ K/L ≤ k_Y(p)`` the country is diversified; below
    it specialises in X (labour-intensive), above it in Y.

    Returns
    -------
    X, Y, w, r, regime : ndarrays
        ``regime`` is 0 (diversified), 1 (only X) or 2 (only Y).
    """
    a, b = P.alpha, P.beta
    pX, L, K, AX, AY = np.broadcast_arrays(*(np.asarray(v, float) for v in (pX, L, K, AX, AY)))
    w, r = factor_prices(P, pX, AX, AY)
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


def _equilibrium(P, pX, w, r, regime, L_work) -> Equilibrium:
    pX = np.broadcast_to(np.asarray(pX, float), (2,)).copy()
    Pi = price_index(P, pX)
    income = (w * P.L + r * P.K) / Pi
    return Equilibrium(pX, np.asarray(w, float), np.asarray(r, float), w / Pi, income,
                       np.asarray(regime), np.asarray(L_work, float))


def autarky(P: HOSParams) -> Equilibrium:
    """Autarky in closed form (brief F1/F2, 'Autarky').

    ``w/r = s/(1-s) k_c``; with zero profits in Y, ``ln r = ln(A_Y κ_β) - β ln(w/r)``,
    and ``p_X`` from zero profits in X.  The real wage equals
    ``s C A_X^γ A_Y^(1-γ) k_c^(1-s)`` (:func:`autarky_real_wage_closed`).
    """
    a, b, s = P.alpha, P.beta, P.s
    A = P.technology()
    k = P.K / P.L
    om = s / (1 - s) * k
    lr = np.log(A[:, 1] * _kappa(b)) - b * np.log(om)
    lw = np.log(om) + lr
    lp = a * lw + (1 - a) * lr - np.log(A[:, 0] * _kappa(a))
    return _equilibrium(P, np.exp(lp), np.exp(lw), np.exp(lr), np.zeros(2, int), P.L)


def autarky_constant(P: HOSParams) -> float:
    """The constant ``C`` of the brief's autarky real-wage formula."""
    a, b, g, s = P.alpha, P.beta, P.gamma, P.s
    cx = (a * g / s) ** a * ((1 - a) * g / (1 - s)) ** (1 - a)
    cy = (b * (1 - g) / s) ** b * ((1 - b) * (1 - g) / (1 - s)) ** (1 - b)
    return cx**g * cy ** (1 - g)


def autarky_real_wage_closed(P: HOSParams) -> np.ndarray:
    """``w_c/P_c = s C A_cX^γ A_cY^(1-γ) k_c^(1-s)`` (closed form; brief F1, F2)."""
    A = P.technology()
    k = P.K / P.L
    return P.s * autarky_constant(P) * A[:, 0] ** P.gamma * A[:, 1] ** (1 - P.gamma) * k ** (1 - P.s)


def autarky_gap_closed(P: HOSParams) -> float:
    """Autarky real-wage gap ``(A_HX/A_FX)^γ (A_HY/A_FY)^(1-γ) (k_H/k_F)^(1-s)``.

    With the edge ``τ`` in X this is the brief's ``τ^γ (k_H/k_F)^(1-s)``.
    """
    A = P.technology()
    k = P.K / P.L
    return float((A[0, 0] / A[1, 0]) ** P.gamma * (A[0, 1] / A[1, 1]) ** (1 - P.gamma)
                 * (k[0] / k[1]) ** (1 - P.s))


def _x_share(P, pX, L, K, A):
    """World expenditure share on X minus γ: the (monotone) goods-market excess."""
    X, Y, *_ = country_supply(P, pX[..., None], L, K, A[:, 0], A[:, 1])
    XW, YW = X.sum(-1), Y.sum(-1)
    return pX * XW / (pX * XW + YW) - P.gamma


def _solve_market(P, L, K, A) -> float:
    """Root of the goods market, bracketed by the countries' autarky prices; brentq on ln p."""
    lo, hi = _bracket(P, L, K, A)

    def f(lp):
        return float(_x_share(P, np.array([math.exp(lp)]), L, K, A)[0])

    flo, fhi = f(lo), f(hi)
    if not flo < 0 < fhi:
        raise RuntimeError(f"goods-market excess does not change sign on [{lo:.3g}, {hi:.3g}] "
                           f"(f = {flo:.3g}, {fhi:.3g})")
    return math.exp(brentq(f, lo, hi, xtol=1e-14, rtol=4 * np.finfo(float).eps, maxiter=200))


def _bracket(P, L, K, A) -> tuple[float, float]:
    """Log-price bracket: one unit beyond the autarky prices of the countries given."""
    a, b, s = P.alpha, P.beta, P.s
    k = K / L
    om = s / (1 - s) * k
    lr = np.log(A[:, 1] * _kappa(b)) - b * np.log(om)
    lp = a * (np.log(om) + lr) + (1 - a) * lr - np.log(A[:, 0] * _kappa(a))
    return float(lp.min()) - 1.0, float(lp.max()) + 1.0


def free_trade(P: HOSParams) -> Equilibrium:
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
    A = P.technology()
    p = _solve_market(P, P.L, P.K, A)
    X, Y, w, r, regime = country_supply(P, p, P.L, P.K, A[:, 0], A[:, 1])
    return _equilibrium(P, p, w, r, regime, P.L)


def autarky_numeric(P: HOSParams) -> Equilibrium:
    """Autarky solved numerically, country by country, with the free-trade solver.

    Used by the tests to check the closed forms of :func:`autarky`.
    """
    A = P.technology()
    out = []
    for c in range(2):
        sl = slice(c, c + 1)
        p = _solve_market(P, P.L[sl], P.K[sl], A[sl])
        out.append((p, *country_supply(P, p, P.L[c], P.K[c], A[c, 0], A[c, 1])))
    pX = np.array([o[0] for o in out])
    w = np.array([float(o[3]) for o in out])
    r = np.array([float(o[4]) for o in out])
    reg = np.array([int(o[5]) for o in out])
    return _equilibrium(P, pX, w, r, reg, P.L)


def integrated(P: HOSParams) -> dict:
    """Integrated-equilibrium quantities (identical technologies).

    Returns ``omega`` (= w/r = s/(1-s) K_W/L_W), the sector intensities
    ``kX = (1-α)/α ω`` and ``kY = (1-β)/β ω`` (the diversification cone), and
    whether each country's ``k_c`` lies in the cone (factor-price equalisation).
    """
    om = P.s / (1 - P.s) * P.K_W / P.L_W
    kX, kY = (1 - P.alpha) / P.alpha * om, (1 - P.beta) / P.beta * om
    k = P.K / P.L
    return {"omega": om, "kX": kX, "kY": kY, "in_cone": bool(np.all((kX <= k) & (k <= kY)))}


def _require_identical_technology(P: HOSParams) -> None:
    if not np.allclose(P.technology(), 1.0):
        raise ValueError("free migration is solved for identical technologies only (τ = 1)")


def migration_M_star(P: HOSParams) -> float:
    """Migrants from F to H under free migration: ``M* = L_W K_H/K_W - L_H`` (brief F1).

    Negative values mean migration from H to F.
    """
    _require_identical_technology(P)
    return float(P.L_W * P.K_H / P.K_W - P.L_H)


def free_migration(P: HOSParams) -> Equilibrium:
    """Free labour migration, capital immobile, no goods trade (brief F1).

    Labour moves until ``k`` is equal everywhere (``L_H' = L_W K_H/K_W``); both
    countries then have the world's autarky prices.  Real income is by
    ownership: migrants' wages count for F.
    """
    _require_identical_technology(P)
    M = migration_M_star(P)
    world = HOSParams(K_H=P.K_W / 2, L_H=P.L_W / 2, alpha=P.alpha, beta=P.beta,
                      gamma=P.gamma, K_W=P.K_W, L_W=P.L_W)
    aut = autarky(world)
    L_work = np.array([P.L_H + M, P.L_W - P.L_H - M])
    return _equilibrium(P, aut.pX[0], np.full(2, aut.w[0]), np.full(2, aut.r[0]),
                        np.zeros(2, int), L_work)


def tau_sweep(P: HOSParams, taus, iters: int = 64) -> dict:
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
    edge = getattr(P, "edge", "X")
    A = np.ones((taus.size, 2, 2))
    A[:, 0, 0 if edge == "X" else 1] = taus
    L, K = P.L, P.K
    a, b, s = P.alpha, P.beta, P.s
    om = s / (1 - s) * K / L
    lr = np.log(A[:, :, 1] * _kappa(b)) - b * np.log(om)
    lp_aut = a * (np.log(om) + lr) + (1 - a) * lr - np.log(A[:, :, 0] * _kappa(a))
    lo, hi = lp_aut.min(1) - 1.0, lp_aut.max(1) + 1.0

    def excess(lp):
        p = np.exp(lp)[:, None]
        X, Y, *_ = country_supply(P, p, L[None, :], K[None, :], A[:, :, 0], A[:, :, 1])
        XW, YW = X.sum(1), Y.sum(1)
        return p[:, 0] * XW / (p[:, 0] * XW + YW) - P.gamma

    if not (np.all(excess(lo) < 0) and np.all(excess(hi) > 0)):
        raise RuntimeError("goods-market excess does not change sign for every τ")
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        pos = excess(mid) > 0
        hi = np.where(pos, mid, hi)
        lo = np.where(pos, lo, mid)
    p = np.exp(0.5 * (lo + hi))
    X, Y, w, r, regime = country_supply(P, p[:, None], L[None, :], K[None, :], A[:, :, 0], A[:, :, 1])
    k = K / L
    aut_gap = (A[:, 0, 0] / A[:, 1, 0]) ** P.gamma * (A[:, 0, 1] / A[:, 1, 1]) ** (1 - P.gamma) \
        * (k[0] / k[1]) ** (1 - s)
    return {"tau": taus, "autarky_gap": aut_gap, "trade_gap": w[:, 0] / w[:, 1], "pX": p,
            "regime": regime, "autarky_pX": np.exp(lp_aut)}


def gap_difference(P: TechParams, tau: float) -> float:
    """Trade gap minus autarky gap at ``tau`` (positive: trade widens the gap)."""
    Q = dataclasses.replace(P, tau=as_real(tau, "tau"))
    return free_trade(Q).wage_ratio - autarky_gap_closed(Q)


def crossing_tau(P: TechParams, lo: float = 1.2, hi: float = 3.0) -> float:
    """The ``tau*`` at which free trade starts to widen the wage gap (F2).

    Bracketed root of :func:`gap_difference` on ``[lo, hi]``; raises
    ``ValueError`` if the difference does not change sign there (e.g. with
    equal endowments trade widens the gap for every ``tau > 1``, or with the
    edge in Y it never does).
    """
    flo, fhi = gap_difference(P, lo), gap_difference(P, hi)
    if not flo * fhi < 0:
        raise ValueError(f"trade gap minus autarky gap does not change sign on τ ∈ [{lo}, {hi}] "
                         f"({flo:.3g}, {fhi:.3g}): no crossing at these parameters")
    return float(brentq(lambda t: gap_difference(P, t), lo, hi, xtol=1e-12))


def specialisation_tau(P: TechParams, lo: float = 1.0, hi: float = 4.0, n: int = 301) -> float:
    """Smallest ``tau`` in ``[lo, hi]`` at which some country specialises under free trade.

    Located on a grid, then refined by bisection on the regime; ``nan`` is
    never returned: ``inf`` means no specialisation on the interval.
    """
    sw = tau_sweep(P, np.linspace(lo, hi, n))
    spec = np.any(sw["regime"] != 0, axis=1)
    if not spec.any():
        return math.inf
    i = int(np.argmax(spec))
    if i == 0:
        return float(lo)
    a, b = sw["tau"][i - 1], sw["tau"][i]
    for _ in range(40):
        m = 0.5 * (a + b)
        if np.any(tau_sweep(P, [m])["regime"] != 0):
            b = m
        else:
            a = m
    return float(b)


# ---------------------------------------------------------------------------
# F3: who gains from migration (one good, capital fixed in place)
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class GainsParams:
    """Parameters of the F3 illustration (brief F3).

    Output ``Q_c = Z_c L^a``; ``Z_D`` normalises the destination wage to 1 and
    ``Z_O`` the origin wage to ``1/rho`` before migration.  ``m`` migrants per
    destination worker move; ``c`` is a moving cost per migrant (units of the
    destination wage) and ``phi`` the share of migrants' wages remitted.

    Examples
    --------
    >>> GainsParams().m
    0.03
    >>> GainsParams(m=-0.1)
    Traceback (most recent call last):
    ...
    ValueError: need m ≥ 0 and c ≥ 0
    """

    m: float = control(0.03, 0.0, 0.5, 0.01, "m", "share of L_D", "migrants as a share of L_D")
    rho: float = control(6.0, 1.0, 20.0, 0.5, "ϱ", "x to 1", "initial wage ratio destination/origin")
    a: float = control(0.7, 0.5, 0.9, 0.05, "a", "", "labour exponent (labour share)")
    c: float = control(0.0, 0.0, 0.5, 0.01, "c", "units of w_D", "moving cost per migrant")
    phi: float = control(0.0, 0.0, 0.5, 0.05, "φ", "", "remittance share of migrants' wages")
    LO_ratio: float = control(1.0, 0.5, 5.0, 0.5, "L_O/L_D", "", "origin labour force relative to L_D")
    L_D: float = control(100.0, 10.0, 1000.0, 10.0, "L_D", "workers", "destination labour force")

    def __post_init__(self):
        require_real(self)
        validate([
            (0 < self.a < 1, "need 0 < a < 1 (diminishing returns to labour)"),
            (self.rho >= 1, "need ϱ ≥ 1 (the destination wage is not below the origin wage)"),
            (self.m >= 0 and self.c >= 0, "need m ≥ 0 and c ≥ 0"),
            (0 <= self.phi < 1, "need 0 ≤ φ < 1 (remittance share)"),
            (self.L_D > 0 and self.LO_ratio > 0, "labour forces must be positive"),
            (self.m * self.L_D < self.LO_ratio * self.L_D,
             "migrants must be fewer than the origin's workers (m < L_O/L_D)"),
        ])

    @property
    def L_O(self) -> float:
        return self.LO_ratio * self.L_D


@dataclass(frozen=True)
class Gains:
    """Changes by group from migration (brief F3); arrays if ``m`` was an array.

    ``natives`` (destination workers' wage change), ``capital_D`` (destination
    profits), ``migrants``, ``stayers`` (origin workers who stay, plus
    remittances), ``capital_O``; ``world`` is their sum, which equals
    ``dQ_D + dQ_O - c M``; ``surplus`` is the immigration surplus
    ``natives + capital_D``.
    """

    M: np.ndarray
    w_D: np.ndarray
    w_O: np.ndarray
    natives: np.ndarray
    capital_D: np.ndarray
    migrants: np.ndarray
    stayers: np.ndarray
    capital_O: np.ndarray
    dQ_D: np.ndarray
    dQ_O: np.ndarray
    cost: np.ndarray

    GROUPS = ("natives", "capital_D", "migrants", "stayers", "capital_O")

    @property
    def world(self):
        return self.natives + self.capital_D + self.migrants + self.stayers + self.capital_O

    @property
    def surplus(self):
        return self.natives + self.capital_D

    def shares(self) -> dict:
        """Each group's share of the world gain; ``ValueError`` unless the world gain is positive."""
        W = np.asarray(self.world, float)
        if np.any(W <= 0):
            raise ValueError("shares of the world gain need a positive world gain "
                             "(ϱ > 1, m > 0 and a moving cost below the wage gap)")
        return {g: getattr(self, g) / W for g in self.GROUPS}


def migration_gains(P: GainsParams, m=None) -> Gains:
    """Group-by-group gains from moving ``M = m L_D`` workers from O to D (brief F3).

    ``m`` defaults to ``P.m`` and may be an array (vectorised).

    Examples
    --------
    >>> gains = migration_gains(GainsParams())
    >>> round(float(gains.M), 4), round(float(gains.migrants), 4)
    (3.0, 2.4735)
    """
    m = as_real_array(P.m if m is None else m, "m")
    if np.any(m < 0) or np.any(m >= P.LO_ratio):
        raise ValueError("need 0 ≤ m < L_O/L_D")
    a, LD, LO, rho = P.a, P.L_D, P.L_O, P.rho
    ZD = 1.0 / (a * LD ** (a - 1))
    ZO = 1.0 / (rho * a * LO ** (a - 1))
    M = m * LD
    QD0, QO0 = ZD * LD**a, ZO * LO**a
    QD1, QO1 = ZD * (LD + M) ** a, ZO * (LO - M) ** a
    wD1 = a * ZD * (LD + M) ** (a - 1)
    wO1 = a * ZO * (LO - M) ** (a - 1)
    natives = LD * (wD1 - 1.0)
    capital_D = (1 - a) * (QD1 - QD0)
    migrants = M * ((1 - P.phi) * wD1 - 1 / rho) - P.c * M
    stayers = (LO - M) * (wO1 - 1 / rho) + P.phi * M * wD1
    capital_O = (1 - a) * (QO1 - QO0)
    return Gains(M, wD1, wO1, natives, capital_D, migrants, stayers, capital_O,
                 QD1 - QD0, QO1 - QO0, P.c * M)


def surplus_approx(P: GainsParams) -> float:
    """Second-order approximation of the immigration surplus, ``½ (1-a) M²/L_D``."""
    M = P.m * P.L_D
    return 0.5 * (1 - P.a) * M**2 / P.L_D


def wage_D(P: GainsParams, L):
    """Destination labour demand ``w_D(L) = a Z_D L^(a-1)`` (normalised: ``w_D(L_D) = 1``)."""
    L = as_real_array(L, "L", SUPPORTED_MAGNITUDE[0], SUPPORTED_MAGNITUDE[1], why="labour")
    return (L / P.L_D) ** (P.a - 1)


def wage_O(P: GainsParams, L):
    """Origin labour demand, normalised so that ``w_O(L_O) = 1/ϱ``."""
    L = as_real_array(L, "L", SUPPORTED_MAGNITUDE[0], SUPPORTED_MAGNITUDE[1], why="labour")
    return (L / P.L_O) ** (P.a - 1) / P.rho


# ---------------------------------------------------------------------------
# F4: the negotiation game
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class BargainParams:
    """Parameters of the F4 negotiation game (brief F4); all payoffs relative to A acting alone.

    Examples
    --------
    >>> BargainParams().theta
    0.95
    >>> BargainParams(theta=2.0)
    Traceback (most recent call last):
    ...
    ValueError: need 0 ≤ theta ≤ 1
    """

    theta: float = control(0.95, 0.0, 1.0, 0.01, "θ", "", "share of A's objective reachable unilaterally")
    rho: float = control(0.05, 0.0, 1.0, 0.01, "ρ", "", "reciprocity: A's own demand for access to B")
    kappa: float = control(0.2, -0.5, 1.0, 0.05, "κ", "", "A's political cost of the negotiated route")
    lam: float = control(0.0, 0.0, 1.0, 0.05, "λ", "", "non-migration goals (linkage, ties)")
    eps: float = control(0.0, 0.0, 2.0, 0.05, "ε", "", "value to A of B's enforcement effort")
    eta: float = control(0.5, 0.0, 1.0, 0.05, "η", "", "A's bargaining weight")
    W: float = control(1.0, 0.0, 3.0, 0.1, "W", "", "B's value of access for its nationals")
    s_B: float = control(0.1, 0.0, 1.0, 0.05, "s_B", "", "B's share of A's unilateral programme")
    K_B: float = control(0.1, 0.0, 1.0, 0.05, "K_B", "", "B's cost of a deal")
    G: float = control(1.0, 0.1, 3.0, 0.1, "G", "", "value of A's objective")
    R: float = control(0.5, 0.05, 3.0, 0.05, "R", "", "value of access to B for A's citizens")

    def __post_init__(self):
        require_real(self)
        validate([
            *((0 <= getattr(self, n) <= 1, f"need 0 ≤ {n} ≤ 1") for n in ("theta", "rho", "eta", "s_B")),
            (self.G > 0 and self.R > 0, "need G > 0 and R > 0"),
            (self.W >= 0 and self.K_B >= 0 and self.eps >= 0 and self.lam >= 0, "need W, K_B, ε, λ ≥ 0"),
        ])


def theta_from_supply(S_over_Q: float, sigma_B: float) -> float:
    """Optional micro-foundation ``θ = min{1, (S/Q)(1-σ_B)}`` (brief F4)."""
    S_over_Q, sigma_B = as_real(S_over_Q, "S/Q"), as_real(sigma_B, "sigma_B")
    if S_over_Q <= 0 or not 0 <= sigma_B <= 1:
        raise ValueError("need S/Q > 0 and 0 ≤ σ_B ≤ 1")
    return float(min(1.0, S_over_Q * (1 - sigma_B)))


@dataclass(frozen=True)
class Bargain:
    """Outcome of the F4 game: ``a0``, ``b0`` (gains from a deal before transfers),
    whether a deal is ``feasible``, B's enforcement effort ``e`` and the gains
    ``dA``, ``dB`` over the unilateral outcome (zero without a deal)."""

    a0: float
    b0: float
    feasible: bool
    e: float
    dA: float
    dB: float


def a_zero(P: BargainParams, theta=None, rho=None):
    """A's gain from a deal over acting alone: ``(1-θ)G + ρR + λ - κ`` (brief F4)."""
    theta = P.theta if theta is None else as_real_array(theta, "theta", 0.0, 1.0, why="a share")
    rho = P.rho if rho is None else as_real_array(rho, "rho", 0.0, 1.0, why="reciprocity")
    return (1 - theta) * P.G + rho * P.R + P.lam - P.kappa


def b_zero(P: BargainParams) -> float:
    """B's gain from a deal over A's unilateral programme: ``(1-s_B)W - K_B``."""
    return (1 - P.s_B) * P.W - P.K_B


def deal_feasible(P: BargainParams, theta=None, rho=None):
    """A deal exists iff ``b0 ≥ 0`` and ``a0 + ε b0 ≥ 0`` (vectorised over θ, ρ)."""
    b0 = b_zero(P)
    a0 = a_zero(P, theta, rho)
    return (b0 >= 0) & (a0 + P.eps * max(b0, 0.0) >= 0)


def boundary_rho(P: BargainParams, theta):
    """The feasibility boundary ``ρ = (κ - λ - ε b0 - (1-θ)G)/R`` in the (θ, ρ) square."""
    b0 = b_zero(P)
    theta = as_real_array(theta, "theta", 0.0, 1.0, why="a share")
    return (P.kappa - P.lam - P.eps * b0 - (1 - theta) * P.G) / P.R


def bargain(P: BargainParams) -> Bargain:
    """Generalised Nash bargaining over B's enforcement effort ``e`` (brief F4).

    ``e* = min{b0, max{e_min, (η ε b0 - (1-η) a0)/ε}}``, ``e_min = max{0, -a0/ε}``;
    ``ΔA = a0 + ε e*``, ``ΔB = b0 - e*``.  With ``ε = 0`` a deal needs
    ``a0 ≥ 0`` and ``b0 ≥ 0`` and ``e* = 0``.

    Examples
    --------
    >>> bool(bargain(BargainParams()).feasible)
    False
    """
    a0, b0 = float(a_zero(P)), float(b_zero(P))
    feasible = bool(deal_feasible(P))
    if not feasible:
        return Bargain(a0, b0, False, 0.0, 0.0, 0.0)
    if P.eps == 0:
        e = 0.0
    else:
        e_min = max(0.0, -a0 / P.eps)
        e = min(b0, max(e_min, (P.eta * P.eps * b0 - (1 - P.eta) * a0) / P.eps))
    return Bargain(a0, b0, True, e, a0 + P.eps * e, b0 - e)


#: Stylised encodings of the essay's qualitative claims (brief F4): the book's, not measurements.
#: name -> (overrides, essay anchor, expected outcome)
PRESETS: dict[str, tuple[dict, str, str]] = {
    "Trade": ({"theta": 0.0, "rho": 0.9}, "IV.C-D", "deal"),
    "Investment": ({"theta": 0.0, "rho": 0.3}, "IV.D", "deal"),
    "Low-wage migration": ({"theta": 0.95, "rho": 0.05}, "IV.C-D", "no deal"),
    "Shared responsibility": ({"theta": 0.95, "rho": 0.05, "eps": 1.0}, "V(iii)", "deal"),
    "Shared resp. + power imbalance": ({"theta": 0.95, "rho": 0.05, "eps": 1.0, "eta": 1.0},
                                       "V(iii), V end", "deal, ΔB = 0"),
    "Cheap experimentation": ({"theta": 0.95, "rho": 0.05, "kappa": -0.1}, "V(iv)", "deal"),
    "Linkage or ties": ({"theta": 0.95, "rho": 0.05, "lam": 0.3}, "V(i), V(v)", "deal"),
}


def apply_preset(P: BargainParams, name: str) -> BargainParams:
    """``P`` with the preset's overrides (other fields kept)."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {list(PRESETS)}")
    return dataclasses.replace(P, **PRESETS[name][0])


# ---------------------------------------------------------------------------
# Key numbers
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Illustrations:
    """The four illustrations' parameters together (each at the brief's defaults)."""

    hos: HOSParams = field(default_factory=HOSParams)
    tech: TechParams = field(default_factory=TechParams)
    gains: GainsParams = field(default_factory=GainsParams)
    bargain: BargainParams = field(default_factory=BargainParams)


#: What each key of :func:`results` means (the chapter's table of key numbers).
RESULTS_DOC: dict[str, str] = {
    "autarky_wage_ratio": "F1: H/F real-wage ratio in autarky",
    "trade_wage_ratio": "F1: H/F real-wage ratio under free trade (1 = factor-price equalisation)",
    "migration_M_star": "F1: migrants from F to H under free migration, M*",
    "f2_autarky_wage_ratio": "F2: autarky wage gap at τ = 2 (edge in X)",
    "f2_trade_wage_ratio": "F2: free-trade wage gap at τ = 2",
    "crossing_tau": "F2: τ* above which trade widens the gap",
    "immigration_surplus": "F3: immigration surplus of the destination (units of pre-migration w_D)",
    "migrants_share": "F3: migrants' share of the world gain",
    "natives_share": "F3: destination's (natives + capital) share of the world gain",
    "world_gain": "F3: world gain (units of pre-migration w_D)",
    "bargain_a0": "F4: A's gain from a deal over acting alone, a₀ (low-wage migration)",
    "bargain_b0": "F4: B's gain from a deal, b₀",
    "bargain_deal": "F4: deal reached (1) or not (0) at the low-wage-migration defaults",
}


def results(params=None) -> dict:
    """Headline numbers of the book's illustrations, as plain floats.

    Parameters
    ----------
    params : Illustrations, HOSParams, TechParams, GainsParams or BargainParams, optional
        A single parameter object replaces the matching part of the defaults.

    Returns
    -------
    dict
        ``autarky_wage_ratio``, ``trade_wage_ratio``, ``migration_M_star`` (F1);
        ``f2_autarky_wage_ratio``, ``f2_trade_wage_ratio``, ``crossing_tau`` (F2);
        ``immigration_surplus``, ``migrants_share``, ``natives_share``,
        ``world_gain`` (F3); ``bargain_a0``, ``bargain_b0``, ``bargain_deal`` (F4).
        Every value is a finite float except ``crossing_tau``, which is ``inf`` when the F2
        gap curves do not cross on τ ∈ [1.2, 3] (trade never widens the wage gap there).

    Raises
    ------
    ValueError
        Parameters the model rejects, a world gain from migration that is not positive, or a
        value that cannot be computed as a finite number at these parameters.

    Examples
    --------
    >>> round(results()["crossing_tau"], 4)
    1.7411
    """
    if params is None:
        ill = Illustrations()
    elif isinstance(params, Illustrations):
        ill = params
    elif isinstance(params, TechParams):
        ill = Illustrations(tech=params)
    elif isinstance(params, HOSParams):
        ill = Illustrations(hos=params)
    elif isinstance(params, GainsParams):
        ill = Illustrations(gains=params)
    elif isinstance(params, BargainParams):
        ill = Illustrations(bargain=params)
    else:
        raise ValueError(f"results() takes an Illustrations or one parameter object, got {params!r}")
    aut, tr = autarky(ill.hos), free_trade(ill.hos)
    g = migration_gains(ill.gains)
    world = float(g.world)
    b = bargain(ill.bargain)
    try:
        tau_star = crossing_tau(ill.tech)
    except ValueError:
        tau_star = math.inf
    out = {
        "autarky_wage_ratio": aut.wage_ratio,
        "trade_wage_ratio": tr.wage_ratio,
        "migration_M_star": migration_M_star(ill.hos),
        "f2_autarky_wage_ratio": autarky_gap_closed(ill.tech),
        "f2_trade_wage_ratio": free_trade(ill.tech).wage_ratio,
        "crossing_tau": tau_star,
        "immigration_surplus": float(g.surplus),
        "migrants_share": float(g.migrants) / world if world > 0 else math.nan,
        "natives_share": float(g.surplus) / world if world > 0 else math.nan,
        "world_gain": world,
        "bargain_a0": b.a0,
        "bargain_b0": b.b0,
        "bargain_deal": float(b.feasible),
    }
    if not world > 0:
        raise ValueError("the world gain from migration is not positive at these F3 parameters; "
                         "shares of it are undefined (need ϱ > 1 and m > 0)")
    out = {k: float(v) for k, v in out.items()}
    require_finite(out, "results()", allowed={"crossing_tau"})
    return out
