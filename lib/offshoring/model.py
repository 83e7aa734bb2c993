"""Baldwin & Okubo: international trade, offshoring and heterogeneous firms.

Pure numerics for the two-nation model of :cite:`baldwin2014offshoring`
(NBER WP 16660): a Melitz-type M-sector with Pareto unit-input coefficients
``a ~ G[a] = a**kappa`` on ``[0, 1]``, footloose firms (one unit of capital
each), a big North (expenditure share ``sE``) and a small South.

Two polar adjustment paths from autarky are compared:

* **HFT** (instantaneous entry/exit, then relocation): the standard
  heterogeneous-firms equilibrium (9); nobody wants to move (Result 1).
* **Relocation, then entry/exit**: the most efficient Southern firms move
  North first (Result 2), exporters in the *XX* phase (``phi < phi_P``), then
  non-exporters in the *DD* phase, until the South is empty at the sustain
  point ``phi_S`` (Results 3-4); entry/exit then restores the cut-off and
  free-entry conditions, (21)-(22).

Equation numbers follow the paper.  The text extraction lost every displayed
equation, so all of them are reconstructions from the model (see the
replication brief): they reproduce exactly the closed forms that survive in
the text (``phi_P``, ``phi_S``, the home-market-effect slope, footnote 11 and
the ``kappa = sigma = 2`` derivative).

Normalisations: ``E^w = 1`` (North ``sE``, South ``1 - sE``); ``f = sigma*delta*F``
and ``fI = sigma*delta*F_I``; a firm with cost ``a`` in a market of
per-firm demand ``B`` earns normalised operating profit ``a**(1-sigma) * B``.
A lower average unit-input coefficient ``atilde`` means *higher* productivity.

Everything here is vectorised over the freeness of trade ``phi`` and imports
only numpy and scipy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
from scipy.optimize import elementwise

from lib.params import as_real, as_real_array, control, require_finite, require_real, validate

__all__ = [
    "Params", "Equilibrium", "PreRelocation", "RESULTS_DOC",
    "check_phi", "phi_P", "phi_S", "with_beta", "phase", "autarky",
    "hft", "hme_slope", "hft_weights", "hft_productivity_terms", "hft_no_mover_check",
    "pre_relocation", "relocation_gains", "stage_export_cutoff", "relocation_stage",
    "relocation_threshold", "relocation_equilibrium", "equilibrium", "market_B",
    "productivity", "productivity_pieces", "south_welfare", "polar_welfare_gap", "welfare_metric", "results",
    "north_welfare", "south_varieties", "dd_mover_gain", "weight_changes", "north_productivity_min",
]


#: How far beta and sigma must stay above 1 (the supported numerical range).
BETA_MARGIN = 1e-9
#: Largest |ln| of a cut-off power the model computes (exp(±600) is well inside a double).
LN_RANGE = 600.0


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Params:
    """Parameters of the Baldwin-Okubo model (defaults: the brief's set A).

    Parameters
    ----------
    sigma : float
        Elasticity of substitution between varieties, ``sigma > 1``.
    kappa : float
        Pareto shape of ``G[a] = a**kappa`` on ``[0, 1]``; regularity needs
        ``beta = kappa/(sigma-1) > 1``.
    sE : float
        North's share of world M-expenditure, ``1/2 < sE < 1``.
    f : float
        Beachhead cost per market, in ``sigma*delta*F`` units, ``f > 0``.
    fI : float
        Innovation (entry) cost ``sigma*delta*F_I``; admissible if
        ``(beta - 1) * fI < f`` (so the autarky cut-off ``a_D < a_0 = 1``).

    Raises
    ------
    ValueError
        Naming the violated condition.

    Examples
    --------
    >>> Params()
    Params(sigma=2.0, kappa=2.0, sE=0.6, f=1.0, fI=0.5)
    >>> Params(sigma=0.5)
    Traceback (most recent call last):
    ...
    ValueError: sigma = 0.5 must exceed 1 (CES demand: sigma > 1)
    """

    sigma: float = control(2.0, 1.2, 8.0, 0.05, "σ",
                           doc="elasticity of substitution between varieties")
    kappa: float = control(2.0, 0.25, 12.0, 0.05, "κ",
                           doc="Pareto shape of the unit-input distribution G[a] = a^κ")
    sE: float = control(0.6, 0.51, 0.95, 0.01, "s_E",
                        doc="North's share of world expenditure on manufactures")
    f: float = control(1.0, 0.1, 5.0, 0.05, "f", unit="σδF",
                       doc="beachhead cost per market (present value × σ)")
    fI: float = control(0.5, 0.01, 5.0, 0.01, "f_I", unit="σδF_I",
                        doc="innovation (entry) cost (present value × σ)")

    def __post_init__(self):
        require_real(self)
        for name in ("sigma", "kappa", "sE", "f", "fI"):
            object.__setattr__(self, name, float(getattr(self, name)))
        # three tables, each read top to bottom: the later ones use beta and ln a_D, which the
        # earlier ones make well defined
        validate([
            (self.sigma > 1, f"sigma = {self.sigma:g} must exceed 1 (CES demand: sigma > 1)"),
            (self.kappa > 0, f"kappa = {self.kappa:g} must be positive (Pareto shape)"),
        ])
        validate([
            (self.beta > 1,
             f"beta = kappa/(sigma-1) = {self.beta:.4g} must exceed 1 (regularity condition: "
             f"kappa > sigma - 1 = {self.sigma - 1:.4g})"),
            (not (self.beta - 1 < BETA_MARGIN or self.c <= 0 or self.sigma - 1 < BETA_MARGIN),
             f"beta - 1 = {self.beta - 1:.3g} and sigma - 1 = {self.sigma - 1:.3g} must be at "
             f"least {BETA_MARGIN:g} (the supported numerical range: closer to 1, "
             "kappa + 1 - sigma and the model's exponents lose all precision)"),
            (0.5 < self.sE < 1, f"sE = {self.sE:g} must satisfy 1/2 < sE < 1 (the North is the bigger nation)"),
            (self.f > 0 and self.fI > 0, "f and fI must be positive (beachhead and innovation costs)"),
            ((self.beta - 1) * self.fI < self.f,
             f"(beta-1)*fI < f is required so that the autarky cut-off a_D < a_0 = 1: here "
             f"(beta-1)*fI = {(self.beta - 1) * self.fI:.4g} >= f = {self.f:.4g} "
             f"(lower fI or kappa, or raise sigma or f)"),
        ])
        ln_aD = math.log((self.beta - 1) * self.fI / self.f) / self.kappa
        validate([
            (not (ln_aD < -LN_RANGE or -(self.sigma - 1) * ln_aD > LN_RANGE),
             f"the autarky cut-off a_D = ((beta-1) fI/f)^(1/kappa) = exp({ln_aD:.4g}) is outside "
             f"the supported numerical range: ln a_D and (1-sigma) ln a_D must lie within "
             f"±{LN_RANGE:g} (raise kappa or fI/f)"),
        ])

    # Derived exponents (the brief's notation) --------------------------------
    @property
    def beta(self) -> float:
        """``beta = kappa/(sigma-1)``: the paper's 'collection of parameters'."""
        return self.kappa / (self.sigma - 1)

    @property
    def lam(self) -> float:
        """``lambda = kappa/(kappa-sigma+1) = beta/(beta-1)``."""
        return self.beta / (self.beta - 1)

    @property
    def c(self) -> float:
        """``c = kappa + 1 - sigma = (sigma-1)(beta-1) > 0``."""
        return self.kappa + 1 - self.sigma

    @property
    def d(self) -> float:
        """``d = kappa + 2 - sigma = c + 1``."""
        return self.kappa + 2 - self.sigma


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def check_phi(phi, name: str = "phi") -> np.ndarray:
    """Return ``phi`` as a float array; raise ``ValueError`` unless ``0 <= phi < 1``.

    Anything but real numbers (strings, ``None``, NaN, infinities) is a ``ValueError`` too
    (:func:`lib.controls.as_real_array`).
    """
    try:
        arr = as_real_array(phi, name)
    except ValueError as err:
        raise ValueError(f"{name} (freeness of trade) must satisfy 0 <= {name} < 1: {err}") from None
    if np.any(arr < 0) or np.any(arr >= 1):
        bad = arr[~(np.isfinite(arr) & (arr >= 0) & (arr < 1))].ravel()[0]
        raise ValueError(f"{name} (freeness of trade) must satisfy 0 <= {name} < 1, got {bad:g}")
    return arr


def _out(x):
    """0-d arrays become plain floats; arrays are returned as they are."""
    x = np.asarray(x)
    return float(x) if x.ndim == 0 else x


def _pow(base, expo):
    """``base**expo`` for ``base >= 0`` via logs (``0**expo = 0`` for ``expo > 0``)."""
    base = np.asarray(base, dtype=float)
    with np.errstate(divide="ignore"):
        return np.exp(expo * np.log(base))


def phi_P(params: Params) -> float:
    """Partitioning point ``phi_P = (1-sE)/sE`` (Result 3): XX phase below, DD above.

    Examples
    --------
    >>> round(phi_P(Params()), 4)
    0.6667
    """
    return (1 - params.sE) / params.sE


def phi_S(params: Params) -> float:
    """Sustain point ``phi_S = ((1-sE)/sE)**(1/beta)`` (Result 3): the South is empty beyond.

    Examples
    --------
    >>> round(phi_S(Params()), 4)
    0.8165
    """
    return ((1 - params.sE) / params.sE) ** (1 / params.beta)


def with_beta(params: Params, beta: float) -> Params:
    """``params`` with the Pareto shape set so that ``kappa/(sigma-1) = beta`` (Result 4's experiment).

    ``fI`` is rescaled to keep ``(beta-1)*fI`` -- hence the autarky cut-off (6) and the
    regularity condition ``(beta-1) fI < f`` -- unchanged, so any ``beta > 1`` is admissible.
    """
    beta = as_real(beta, "beta")
    if not beta > 1:
        raise ValueError(f"beta = {beta} must exceed 1 (regularity condition)")
    return replace(params, kappa=beta * (params.sigma - 1), fI=(params.beta - 1) * params.fI / (beta - 1))


def phase(params: Params, phi):
    """Regime label at ``phi``: ``"XX"`` (phi < phi_P), ``"DD"`` (phi < phi_S) or ``"CP"``."""
    phi = check_phi(phi)
    lab = np.where(phi < phi_P(params), "XX", np.where(phi < phi_S(params), "DD", "CP"))
    return str(lab) if lab.ndim == 0 else lab


# ---------------------------------------------------------------------------
# Autarky and HFT
# ---------------------------------------------------------------------------
def autarky(params: Params) -> dict:
    """Autarky (6) in each nation and the world initial conditions (12).

    Returns
    -------
    dict
        ``aD`` (common cut-off ``[(beta-1) fI/f]**(1/kappa)``), ``nw`` (world
        mass of active firms ``(beta-1)/(beta f)``), ``n`` and ``ns`` (North
        and South masses, ``sE*nw`` and ``(1-sE)*nw``).
    """
    aD = ((params.beta - 1) * params.fI / params.f) ** (1 / params.kappa)
    nw = (params.beta - 1) / (params.beta * params.f)
    return {"aD": aD, "nw": nw, "n": params.sE * nw, "ns": (1 - params.sE) * nw}


@dataclass(frozen=True)
class Equilibrium:
    """Cut-offs and masses of one equilibrium at each ``phi`` (arrays or floats).

    Attributes
    ----------
    phi, aD, aX, aR, nw : array
        Freeness, domestic and export cut-offs, relocation threshold (0 under
        HFT), world mass of active firms.
    sn : array
        North's share of firms *owned* (HFT: also located there).
    sn_located : array
        Share of active firms *producing* in the North.
    """

    phi: np.ndarray
    aD: np.ndarray
    aX: np.ndarray
    aR: np.ndarray
    nw: np.ndarray
    sn: np.ndarray
    sn_located: np.ndarray


def _cutoffs_after_entry(params: Params, phi: np.ndarray):
    """(9)/(22) and the core-periphery extension (section 3.13): aD, aX, nw, inner mask."""
    inner = phi < phi_S(params)
    pb = _pow(phi, params.beta)
    aD_in = ((params.beta - 1) * params.fI / (params.f * (1 + pb))) ** (1 / params.kappa)
    aD_cp = (params.sE * (params.beta - 1) * params.fI / params.f) ** (1 / params.kappa)
    rX = np.where(inner, _pow(phi, 1 / (params.sigma - 1)), ((1 - params.sE) / params.sE) ** (1 / params.kappa))
    aD = np.where(inner, aD_in, aD_cp)
    nw = np.where(inner, (params.beta - 1) / (params.beta * params.f * (1 + pb)),
                  params.sE * (params.beta - 1) / (params.beta * params.f))
    return aD, rX * aD, nw, inner, pb


def hft(params: Params, phi) -> Equilibrium:
    """The HFT equilibrium (9): instantaneous entry/exit, no relocation.

    ``a_D = [(beta-1) fI / (f (1+phi**beta))]**(1/kappa)``,
    ``a_X = phi**(1/(sigma-1)) a_D``, ``n^w = (beta-1)/(beta f (1+phi**beta))`` and
    ``s_n = 1/2 + (1+phi**beta)/(1-phi**beta) (sE - 1/2)``, interior while
    ``phi < phi_S``; from ``phi_S`` on all firms are in the North (core-periphery
    extension, section 3.13 of the brief; levels are continuous at ``phi_S``).
    """
    phi = check_phi(phi)
    aD, aX, nw, inner, pb = _cutoffs_after_entry(params, phi)
    safe = np.where(inner, pb, 0.0)
    sn = np.where(inner, 0.5 + (1 + safe) / (1 - safe) * (params.sE - 0.5), 1.0)
    return Equilibrium(phi=_out(phi), aD=_out(aD), aX=_out(aX), aR=_out(np.zeros_like(aD)),
                       nw=_out(nw), sn=_out(sn), sn_located=_out(sn))


def hme_slope(params: Params, phi):
    """Home-market-effect slope ``ds_n/ds_E = (1+phi**beta)/(1-phi**beta)`` (section 3.1)."""
    pb = _pow(check_phi(phi), params.beta)
    return _out((1 + pb) / (1 - pb))


def hft_weights(params: Params, phi) -> tuple:
    """Sales weights of the HFT productivity measure (10): ``(W_X, W_D)``.

    The weights make the sales-weighted density integrate to one,
    ``W_X a_X**c/c + W_D (a_D**c - a_X**c)/c = 1``, so that
    ``atilde = W_X int_0^{a_X} a**(kappa+1-sigma) da + W_D int_{a_X}^{a_D} ...``:
    ``W_D = c / (a_D**c (1 + phi r_X**c))`` with ``r_X = a_X/a_D`` and ``W_X = (1+phi) W_D``.
    In the interior (``phi < phi_S``) ``r_X = phi**(1/(sigma-1))`` and ``phi r_X**c = phi**beta``,
    which is (10)'s ``W_D = c/(a_D**c (1+phi**beta))``; beyond ``phi_S`` (all firms in the North)
    ``r_X`` is the core-periphery ratio and the interior form would not integrate to one.
    Footnote 11: ``d ln W_X/d phi = (1-phi**(beta-1))/((1+phi)(1+phi**beta)) > 0``.
    """
    e = hft(params, phi)
    phi = np.asarray(e.phi, dtype=float)
    aD, aX = np.asarray(e.aD, dtype=float), np.asarray(e.aX, dtype=float)
    WD = params.c / (aD ** params.c * (1 + phi * (aX / aD) ** params.c))
    return _out((1 + phi) * WD), _out(WD)


def hft_productivity_terms(params: Params, phi) -> dict:
    """The four Leibniz terms of (11), ``d atilde/d phi`` under HFT, and their sum.

    With ``H(y) = y**d/d`` (so ``atilde = W_X H(a_X) + W_D [H(a_D) - H(a_X)]``):

    * ``"weights"``: ``W_X' H(a_X) + W_D' [H(a_D) - H(a_X)]`` (the switch of weights,
      first and second terms);
    * ``"export_cutoff"``: ``(W_X - W_D) a_X**c a_X'`` (third term: the move of ``a_X``);
    * ``"domestic_cutoff"``: ``W_D a_D**c a_D'`` (fourth term: the move of ``a_D``);
    * ``"total"``: their sum, negative for every admissible ``0 < phi < phi_S``
      (``d ln atilde/d phi`` has the sign of ``phi**(1/(sigma-1)) - 1``).

    Requires ``0 < phi < phi_S`` (the interior HFT equilibrium).
    """
    phi = check_phi(phi)
    if np.any(phi <= 0) or np.any(phi >= phi_S(params)):
        raise ValueError("the derivative (11) needs 0 < phi < phi_S (interior HFT equilibrium)")
    e = hft(params, phi)
    aD, aX = np.asarray(e.aD), np.asarray(e.aX)
    c, d, b = params.c, params.d, params.beta
    pb = phi ** b
    WD = c / (aD ** c * (1 + pb))
    WX = (1 + phi) * WD
    dlnaD = -(b / params.kappa) * phi ** (b - 1) / (1 + pb)
    dlnWD = -phi ** (b - 1) / (1 + pb)
    dlnWX = 1 / (1 + phi) + dlnWD
    # a_X' a_X**c = a_X**d dln a_X, with dln a_X = 1/((sigma-1) phi) + dln a_D
    aX_term = aX ** d * (1 / ((params.sigma - 1) * phi) + dlnaD)
    H = lambda y: y ** d / d  # noqa: E731
    weights = WX * dlnWX * H(aX) + WD * dlnWD * (H(aD) - H(aX))
    export = (WX - WD) * aX_term
    domestic = WD * aD ** d * dlnaD
    return {"weights": _out(weights), "export_cutoff": _out(export),
            "domestic_cutoff": _out(domestic), "total": _out(weights + export + domestic)}


# ---------------------------------------------------------------------------
# Bracketed root-finding in log space
# ---------------------------------------------------------------------------
def _export_root(params: Params, phi: np.ndarray, coef: float, what: str) -> np.ndarray:
    """:func:`_export_root_1d` on an array of any shape (0-d included)."""
    phi = np.asarray(phi, dtype=float)
    return _export_root_1d(params, phi.ravel(), coef, what).reshape(phi.shape)


def _export_root_1d(params: Params, phi: np.ndarray, coef: float, what: str) -> np.ndarray:
    """Export cut-off ratio ``x`` solving ``phi x**(1-sigma) [1 - coef x**kappa] = 1``, elementwise.

    All three implicit cut-offs of the model have this form: (18) with
    ``coef = 1``, and the pre-relocation South->North (``coef = (1-s)/s``) and
    North->South (``coef = s/(1-s)``) cut-offs.  Write ``x = phi**(1/(sigma-1)) e**(-t)``;
    in ``t`` (log space, so tiny ``x`` never underflow) the condition is

        ``g(t) = (sigma-1) t + log(1 - A e**(-kappa t)) = 0``,  ``A = coef phi**beta``,

    with ``g`` strictly increasing on ``t > max(0, ln(A)/kappa)`` and ``-inf`` or
    negative at that lower end.  The upper bracket is stepped up by doubling
    until ``g > 0``; the sign change is checked, then SciPy's vectorised
    bracketed solver (Chandrupatla) finds the root.  Raises ``RuntimeError``
    if no bracket is found or the solver fails.  ``x = 0`` where ``phi = 0``.
    """
    x = np.zeros_like(phi)
    pos = phi > 0
    if not np.any(pos):
        return x
    sig, kap = params.sigma, params.kappa
    lnA = np.log(coef) + params.beta * np.log(phi[pos])
    # Where A/(sigma-1) < 1e-17 the root t ~ A/(sigma-1) is 0 to double precision (x is
    # phi**(1/(sigma-1)) exactly): solve only the others (a tiny phi has no bracket in floats).
    limit = lnA - np.log(sig - 1) < -40
    if np.any(limit):
        idx = np.flatnonzero(pos)
        x[idx[limit]] = _pow(phi[idx[limit]], 1 / (sig - 1))
        if np.all(limit):
            return x
        pos = pos.copy()
        pos[idx[limit]] = False
        lnA = lnA[~limit]

    def g(t, lnA):
        with np.errstate(divide="ignore", invalid="ignore"):
            return (sig - 1) * t + np.log1p(-np.exp(lnA - kap * t))

    t_min = np.maximum(0.0, lnA / kap)
    width = np.maximum(1e-300, 1e-12 * (1 + t_min))
    t_lo = np.where(lnA < 0, 0.0, t_min + width)
    for _ in range(60):  # a lower end just above the singularity with g < 0
        bad = ~(g(t_lo, lnA) < 0)
        if not np.any(bad):
            break
        width = np.where(bad, width / 16, width)
        t_lo = np.where(bad, t_min + width, t_lo)
    else:
        raise RuntimeError(f"{what}: no sign change at the lower bracket")
    step = np.ones_like(t_lo)
    t_hi = t_lo + step
    for _ in range(80):
        bad = ~(g(t_hi, lnA) > 0)
        if not np.any(bad):
            break
        step = np.where(bad, 2 * step, step)
        t_hi = np.where(bad, t_lo + step, t_hi)
    else:
        raise RuntimeError(f"{what}: could not bracket the root")
    res = elementwise.find_root(g, (t_lo, t_hi), args=(lnA,),
                                tolerances={"xatol": 1e-300, "xrtol": 4e-16})
    if not np.all(res.success):
        raise RuntimeError(f"{what}: root-finding failed (status {np.unique(res.status)})")
    x[pos] = _pow(phi[pos], 1 / (sig - 1)) * np.exp(-res.x)  # never above phi**(1/(sigma-1))
    return x


def stage_export_cutoff(params: Params, phi):
    """Export cut-off of the relocation stage (18), ``x = a_X/a_D^A``.

    Solves ``phi x**(1-sigma) (1 - x**kappa) = 1`` (the left side falls from
    ``+inf`` at ``x = 0``): the root lies in ``(0, phi**(1/(sigma-1)))``; it
    does not depend on ``sE`` or ``fI/f``.  ``x = 0`` at ``phi = 0``.
    Bracketed root-finding in log space, vectorised over ``phi``.
    """
    phi = check_phi(phi)
    return _out(_export_root(params, phi, 1.0, "export cut-off (18)"))


# ---------------------------------------------------------------------------
# Pre-relocation trade state and gains from relocation (13)-(14)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PreRelocation:
    """Trade just opened, nobody moved yet, no entry/exit (section 3.5 of the brief).

    ``xS = a_XS/a_D^A`` and ``xN = a_XN/a_D^A`` are the South->North and
    North->South export cut-offs; ``b = B (a_D^A)**(1-sigma)/f`` and ``bs``
    the same for the South's ``B*``.  ``b > bs``: the North is more attractive.
    """

    phi: np.ndarray
    xS: np.ndarray
    xN: np.ndarray
    b: np.ndarray
    bs: np.ndarray
    aD: float


def pre_relocation(params: Params, phi) -> PreRelocation:
    """Solve the pre-relocation state: ``phi xS**(1-sigma) [s - (1-s) xS**kappa] = s`` and
    ``phi xN**(1-sigma) [(1-s) - s xN**kappa] = 1-s``, then
    ``b = s/(s + phi (1-s) xS**c)``, ``bs = (1-s)/((1-s) + phi s xN**c)``.
    """
    phi = check_phi(phi)
    s, c = params.sE, params.c
    xS = _export_root(params, phi, (1 - s) / s, "South export cut-off (pre-relocation)")
    xN = _export_root(params, phi, s / (1 - s), "North export cut-off (pre-relocation)")
    b = s / (s + phi * (1 - s) * xS ** c)
    bs = (1 - s) / ((1 - s) + phi * s * xN ** c)
    return PreRelocation(phi=_out(phi), xS=_out(xS), xN=_out(xN), b=_out(b), bs=_out(bs),
                         aD=autarky(params)["aD"])


def relocation_gains(params: Params, phi: float, a):
    """Incipient gains from moving North for a Southern firm, (13)-(14), in units of ``f``.

    ``v_X[a] = (1-phi) a**(1-sigma) (B - B*)`` for exporters (``a <= a_XS``) and
    ``v_D[a] = a**(1-sigma) [B - (1-phi) B*] - f`` for non-exporters (reconstructed:
    the only simple form under which the two curves touch at ``a_X``, as the
    paper says).  Both are returned on the whole of ``a``; which one applies
    depends on ``a`` versus ``a_XS``.

    Returns
    -------
    vX, vD : array
    """
    phi = float(check_phi(phi))
    st = pre_relocation(params, phi)
    a = as_real_array(a, "a")
    if np.any(a <= 0):
        raise ValueError("unit input coefficients a must be positive")
    with np.errstate(over="ignore"):
        z = (a / st.aD) ** (1 - params.sigma)  # a**(1-sigma) B / (f b)
        vX = (1 - phi) * z * (st.b - st.bs)
        vD = z * (st.b - (1 - phi) * st.bs) - 1
    require_finite({"v_X": vX, "v_D": vD}, "the relocation gain a**(1-sigma)(...)")
    return _out(vX), _out(vD)


def hft_relocation_gains(params: Params, phi: float, a):
    """The gains (13)-(14) from moving North at the HFT equilibrium (Result 1), in units of ``f``.

    The forms of :func:`relocation_gains`, with ``B, B*`` from raw market accounting
    (:func:`market_B`) at :func:`hft`: ``v_X = (1-phi) a**(1-sigma) (B - B*) / f`` and
    ``v_D = a**(1-sigma) [B - (1-phi) B*] / f - 1``.  Result 1: ``v_X = 0`` for exporters and
    ``v_D <= 0`` for non-exporters (``a >= a_X``), so no firm gains from moving.

    Returns
    -------
    vX, vD : array
    """
    phi = float(check_phi(phi))
    a = as_real_array(a, "a")
    if np.any(a <= 0):
        raise ValueError("unit input coefficients a must be positive")
    B, Bs = market_B(params, hft(params, phi))
    with np.errstate(over="ignore"):
        w = a ** (1 - params.sigma) / params.f
        vX, vD = (1 - phi) * w * (B - Bs), w * (B - (1 - phi) * Bs) - 1
    require_finite({"v_X": vX, "v_D": vD}, "the relocation gain a**(1-sigma)(...)")
    return _out(vX), _out(vD)


def _grid_points(points) -> int:
    """``points`` of a check's grid as an ``int`` in [2, 10**5], or ``ValueError``."""
    n = as_real(points, "points")
    if not (2 <= n <= 100_000 and n == int(n)):
        raise ValueError(f"points = {points!r} must be a whole number from 2 to 100000")
    return int(n)


def hft_no_mover_check(params: Params, phi: float, points: int = 200) -> dict[str, float]:
    """Result 1 at one ``phi``: the HFT market sizes and the largest gains from moving North.

    Evaluates :func:`market_B` and :func:`hft_relocation_gains` over ``points`` firms evenly
    spread on ``(0, a_D]`` (from ``a = 10**-3 a_D``).  Result 1 holds when ``B = B*``, no
    exporter gains (``max |v_X|`` is rounding) and no non-exporter gains
    (``max v_D <= 0``).

    Returns
    -------
    dict
        ``"B"``, ``"B*"``, ``"max |v_X|"`` (over exporters, ``a <= a_X``) and ``"max v_D"``
        (over non-exporters, ``a >= a_X``), gains in units of ``f``.

    Examples
    --------
    >>> c = hft_no_mover_check(Params(), 0.5)
    >>> abs(c["B"] - c["B*"]) < 1e-12, c["max |v_X|"] < 1e-12, c["max v_D"] <= 0
    (True, True, True)
    """
    n = _grid_points(points)
    e = hft(params, phi)
    B, Bs = market_B(params, e)
    a = np.linspace(1e-3, 1, n) * e.aD
    vX, vD = hft_relocation_gains(params, phi, a)
    # the grid ends at a_D >= a_X, so it always holds a non-exporter; with phi tiny it may hold
    # no exporter (a_X < 10**-3 a_D): then no exporter can gain and the maximum is 0
    return {"B": float(B), "B*": float(Bs),
            "max |v_X|": float(np.max(np.abs(vX[a <= e.aX]), initial=0.0)),
            "max v_D": float(np.max(vD[a >= e.aX]))}


# ---------------------------------------------------------------------------
# Relocation (17)/(20), the relocation stage, and relocation-then-entry (21)-(22)
# ---------------------------------------------------------------------------
def relocation_threshold(params: Params, phi, aX):
    """Relocation threshold ``a_R`` solving ``B = B*`` given the export cut-off ``a_X``.

    XX phase (17): ``a_R = a_X [phi (2sE-1) / ((1-phi)(1-sE))]**(1/c)``;
    DD phase (20): ``a_R = a_X [phi sE/(1-sE)]**(1/c)``, with ``c = kappa+1-sigma``.
    The two agree at ``phi_P`` (where ``a_R = a_X``).
    """
    phi = check_phi(phi)
    s = params.sE
    xx = phi < phi_P(params)
    with np.errstate(divide="ignore"):
        rho = np.where(xx, phi * (2 * s - 1) / ((1 - phi) * (1 - s)), phi * s / (1 - s))
    return _out(as_real_array(aX, "aX", 0.0) * _pow(rho, 1 / params.c))


def relocation_stage(params: Params, phi) -> Equilibrium:
    """Instantaneous relocation before any entry/exit (the 'NEG corner' of Fig. 1).

    ``a_D = a_D^A`` and ``n^w = n^w_A`` are frozen; ``a_X = x a_D^A`` with ``x``
    from (18); ``a_R`` from (17)/(20), capped at ``a_D`` (this stage need not
    ever empty the South: ``phi_S`` does not apply here).  ``sn = sE``.
    """
    phi = check_phi(phi)
    au = autarky(params)
    aD = np.full_like(phi, au["aD"])
    aX = np.asarray(stage_export_cutoff(params, phi)) * aD
    aR = np.minimum(np.asarray(relocation_threshold(params, phi, aX)), aD)
    located = params.sE + (1 - params.sE) * (aR / aD) ** params.kappa
    return Equilibrium(phi=_out(phi), aD=_out(aD), aX=_out(aX), aR=_out(aR),
                       nw=_out(np.full_like(phi, au["nw"])), sn=_out(np.full_like(phi, params.sE)),
                       sn_located=_out(located))


def relocation_equilibrium(params: Params, phi) -> Equilibrium:
    """Relocation-then-entry equilibrium: (21), (22) and (17)/(20).

    ``a_D`` and ``n^w`` equal their HFT values (9); ``a_X = phi**(1/(sigma-1)) a_D``;
    ``a_R`` from (17) for ``phi < phi_P`` and (20) for ``phi_P <= phi < phi_S``;
    ``s_n = sE`` (ownership, the paper's pro-rata assumption).  From ``phi_S``
    on the South is empty (``a_R = a_D``) and the cut-offs follow the
    core-periphery extension.
    """
    phi = check_phi(phi)
    aD, aX, nw, inner, _ = _cutoffs_after_entry(params, phi)
    aR = np.where(inner, np.minimum(np.asarray(relocation_threshold(params, phi, aX)), aD), aD)
    located = params.sE + (1 - params.sE) * (aR / aD) ** params.kappa
    return Equilibrium(phi=_out(phi), aD=_out(aD), aX=_out(aX), aR=_out(aR), nw=_out(nw),
                       sn=_out(np.full_like(phi, params.sE)), sn_located=_out(located))


def equilibrium(params: Params, phi, case: str = "relocation") -> Equilibrium:
    """Dispatch: ``case`` in ``{"relocation", "stage", "hft"}``.

    Examples
    --------
    >>> eq = equilibrium(Params(), 0.5)
    >>> round(float(eq.aD), 4), round(float(eq.aR), 4)
    (0.6325, 0.1581)
    """
    if case == "relocation":
        return relocation_equilibrium(params, phi)
    if case == "stage":
        return relocation_stage(params, phi)
    if case == "hft":
        return hft(params, phi)
    raise ValueError(f"case must be 'relocation', 'stage' or 'hft', got {case!r}")


def market_B(params: Params, e: Equilibrium):
    """Per-firm demands ``(B, B*)`` from raw market accounting, (15)/(19) and footnote 8.

    ``B = sE/Delta`` and ``B* = (1-sE)/Delta*``, with ``Delta`` the sum of
    ``a**(1-sigma)`` over the varieties sold in a market (imports times
    ``phi``), built from who is located where.  Used to *check* the location
    condition ``B = B*`` rather than impose it.
    """
    s, lam, c, kap = params.sE, params.lam, params.c, params.kappa
    phi, aD, aX, aR, nw, sn = (np.asarray(v, dtype=float)
                               for v in (e.phi, e.aD, e.aX, e.aR, e.nw, e.sn))

    def I(y):  # noqa: E743 - int_0^y a^(1-sigma) dG[a|aD], the brief's I(y)
        return lam * y ** c / aD ** kap

    xx = aR <= aX
    # owners: share sn of firms is Northern-born; Southern-born firms below aR sit in the North
    D_xx = sn * I(aD) + (1 - sn) * I(aR) + phi * (1 - sn) * (I(aX) - I(aR))
    Ds_xx = (1 - sn) * (I(aD) - I(aR)) + phi * (1 - sn) * I(aR) + phi * sn * I(aX)
    D_dd = sn * I(aD) + (1 - sn) * I(aR)
    Ds_dd = phi * I(aX) + (1 - sn) * (I(aD) - I(aR))
    D = nw * np.where(xx, D_xx, D_dd)
    Ds = nw * np.where(xx, Ds_xx, Ds_dd)
    with np.errstate(divide="ignore"):
        return _out(s / D), _out((1 - s) / Ds)


# ---------------------------------------------------------------------------
# Productivity (10), (23), (24)
# ---------------------------------------------------------------------------
def productivity_pieces(params: Params, phi: float, nation: str = "north", case: str = "relocation"):
    """Firms located in ``nation`` as pieces ``(lo, hi, m)`` of the a-axis (scalar ``phi``).

    ``m`` is (mass-density factor) x (sales multiplier): the density of active
    firms located there is ``m0 * g(a|a_D)`` and sales are multiplied by
    ``1 + phi`` for exporters.  The measure (10)/(23)/(24) is then
    ``atilde = sum m (hi**d - lo**d)/d / sum m (hi**c - lo**c)/c``.  An empty
    South returns no pieces.
    """
    e = equilibrium(params, float(check_phi(phi)), case)
    phi = float(e.phi)
    s = params.sE
    aD, aX, aR = float(e.aD), float(e.aX), float(e.aR)
    if case == "hft":
        if nation not in ("north", "south"):
            raise ValueError(f"nation must be 'north' or 'south', got {nation!r}")
        if nation == "south" and e.sn >= 1:
            return []
        return [(0.0, aX, 1 + phi), (aX, aD, 1.0)]
    if nation == "north":
        if aR <= aX:
            return [(0.0, aR, 1 + phi), (aR, aX, (1 + phi) * s), (aX, aD, s)]
        return [(0.0, aX, 1 + phi), (aX, aR, 1.0), (aR, aD, s)]
    if nation == "south":
        if aR >= aD:
            return []
        if aR <= aX:
            return [(aR, aX, (1 + phi) * (1 - s)), (aX, aD, 1 - s)]
        return [(aR, aD, 1 - s)]
    raise ValueError(f"nation must be 'north' or 'south', got {nation!r}")


def productivity(params: Params, phi, nation: str = "north", case: str = "relocation"):
    """Sales-weighted average unit-input coefficient ``atilde`` (lower = more productive).

    Closed forms, with ``r_X = a_X/a_D``, ``r_R = a_R/a_D``:

    * HFT (10): ``(c/d) a_D (1 + phi r_X**d)/(1 + phi**beta)``, equal in both nations;
    * relocation, XX phase: North
      ``(c/d) a_D [s(1+phi r_X**d) + (1-s)(1+phi) r_R**d] / [s(1+phi**beta) + (1-s)(1+phi) r_R**c]``,
      South (23) ``(c/d) a_D [1 + phi r_X**d - (1+phi) r_R**d] / [1 + phi**beta - (1+phi) r_R**c]``;
    * relocation, DD phase: North ``(c/d) a_D [s + phi r_X**d + (1-s) r_R**d]/[s + phi**beta + (1-s) r_R**c]``,
      South (24) ``(c/d) a_D (1 - r_R**d)/(1 - r_R**c)``.

    ``case`` is ``"relocation"`` (the relocation-then-entry equilibrium),
    ``"stage"`` (relocation before entry/exit) or ``"hft"``.  Beyond the
    sustain point the South has no firms: its ``atilde`` is *undefined* and is
    returned as ``nan`` (so a plotted curve shows a gap); everything else is finite.
    """
    if nation not in ("north", "south"):
        raise ValueError(f"nation must be 'north' or 'south', got {nation!r}")
    e = equilibrium(params, phi, case)
    c, d, s = params.c, params.d, params.sE
    phi, aD, aX, aR = (np.asarray(v, dtype=float) for v in (e.phi, e.aD, e.aX, e.aR))
    rX, rR = aX / aD, aR / aD
    pX_c, pX_d = phi * rX ** c, phi * rX ** d
    if case == "hft":
        out = (c / d) * aD * (1 + pX_d) / (1 + pX_c)
        if nation == "south":
            out = np.where(np.asarray(e.sn) < 1, out, np.nan)
        return _out(out)
    xx = rR <= rX
    if nation == "north":
        num = np.where(xx, s * (1 + pX_d) + (1 - s) * (1 + phi) * rR ** d,
                       s + pX_d + (1 - s) * rR ** d)
        den = np.where(xx, s * (1 + pX_c) + (1 - s) * (1 + phi) * rR ** c,
                       s + pX_c + (1 - s) * rR ** c)
        return _out((c / d) * aD * num / den)
    empty = rR >= 1
    num = np.where(xx, 1 + pX_d - (1 + phi) * rR ** d, 1 - rR ** d)
    den = np.where(xx, 1 + pX_c - (1 + phi) * rR ** c, 1 - rR ** c)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(empty, np.nan, (c / d) * aD * num / np.where(empty, 1.0, den))
    return _out(out)


# ---------------------------------------------------------------------------
# Welfare (section 4)
# ---------------------------------------------------------------------------
def south_welfare(params: Params, phi, case: str = "relocation", mu: float = 1.0):
    """South's per-capita welfare gain over autarky, ``W*(phi) - W*(0)``.

    ``W* = const + mu/(sigma-1) ln Delta*`` with ``Delta*`` built from who sells
    in the South (footnote 8, (15), (19); core-periphery beyond ``phi_S``).
    With the South's cut-off this equals ``-mu ln(a_D/a_D^A)`` while firms
    remain in the South.  ``case`` is ``"relocation"`` or ``"hft"``.
    """
    mu = as_real(mu, "mu")
    if not mu > 0:
        raise ValueError(f"mu = {mu} must be positive (weight of manufactures in utility)")
    if case not in ("relocation", "hft"):
        raise ValueError(f"case must be 'relocation' or 'hft', got {case!r}")
    e = equilibrium(params, phi, case)
    B, Bs = market_B(params, e)
    Ds = (1 - params.sE) / np.asarray(Bs)
    Ds_A = (1 - params.sE) * autarky(params)["aD"] ** (1 - params.sigma) / params.f
    return _out(mu / (params.sigma - 1) * np.log(Ds / Ds_A))


def polar_welfare_gap(params: Params, points: int = 200, upto: float = 0.99) -> float:
    """Largest gap between the South's welfare in the two polar cases (Result 7).

    ``max |W*_relocation(phi) - W*_HFT(phi)|`` (:func:`south_welfare`) over ``points`` values
    of ``phi`` evenly spread from 0.01 to ``upto * phi_S``.  Rounding-sized: with each
    equilibrium's own market accounting the two cases give the South the same welfare.

    Examples
    --------
    >>> polar_welfare_gap(Params()) < 1e-12
    True
    """
    n = _grid_points(points)
    upto = as_real(upto, "upto")
    if not 0 < upto < 1 or upto * phi_S(params) <= 0.01:
        raise ValueError(f"upto = {upto} must lie in (0, 1) with upto * phi_S > 0.01")
    grid = np.linspace(0.01, upto * phi_S(params), n)
    return float(np.max(np.abs(south_welfare(params, grid, "relocation")
                               - south_welfare(params, grid, "hft"))))


def north_welfare(params: Params, phi, case: str = "relocation", mu: float = 1.0):
    """North's per-capita welfare gain over autarky, ``W(phi) - W(0)`` (Section 4's big nation).

    ``W = const + mu/(sigma-1) ln Delta`` with ``Delta = sE/B`` from who sells in the North
    (:func:`market_B`), as :func:`south_welfare` does for the South.
    """
    if not mu > 0:
        raise ValueError(f"mu = {mu} must be positive (weight of manufactures in utility)")
    if case not in ("relocation", "hft"):
        raise ValueError(f"case must be 'relocation' or 'hft', got {case!r}")
    e = equilibrium(params, phi, case)
    B, _ = market_B(params, e)
    D = params.sE / np.asarray(B)
    D_A = params.sE * autarky(params)["aD"] ** (1 - params.sigma) / params.f
    return _out(mu / (params.sigma - 1) * np.log(D / D_A))


def south_varieties(params: Params, phi, case: str = "relocation"):
    """Number of varieties sold in the South (the conclusion's "varieties available in the small market").

    Firms located in the South that are active there, plus the exporters located in the North:
    relocation, XX phase ``n^w[(1-s_E) + s_E r_X**kappa]``; DD phase
    ``n^w[(1-s_E)(1 - r_R**kappa) + r_X**kappa]`` (a moving non-exporter stops selling in the
    South); HFT ``n^w[(1-s_n) + s_n r_X**kappa]``; zero Southern firms beyond ``phi_S``.
    """
    e = equilibrium(params, phi, case)
    k = params.kappa
    nw, aD, aX, aR, sn = (np.asarray(v, dtype=float) for v in (e.nw, e.aD, e.aX, e.aR, e.sn))
    rX, rR = aX / aD, np.minimum(aR / aD, 1.0)
    if case == "hft":
        return _out(nw * ((1 - sn) + sn * rX ** k))
    s = params.sE
    xx = rR <= rX
    return _out(nw * np.where(xx, (1 - s) + s * rX ** k, (1 - s) * (1 - rR ** k) + rX ** k))


def dd_mover_gain(params: Params, phi):
    """Gain (14) of the marginal Southern mover at the relocation equilibrium, in units of ``f``.

    At ``B = B*`` the reconstructed (14) reads ``v_D[a] = phi a**(1-sigma) B - f``, and the
    export cut-off ``phi a_X**(1-sigma) B = f`` turns it into ``(a/a_X)**(1-sigma) - 1`` (in units
    of ``f``): negative for every non-exporter ``a > a_X``, so at the DD phase's marginal mover
    ``a_R > a_X`` the firms that the location condition ``B = B*`` moves lose from moving under
    (14).  ``nan`` outside the DD phase.
    """
    e = relocation_equilibrium(params, phi)
    phi_ = np.asarray(e.phi, dtype=float)
    aR, aX, aD = (np.asarray(v, dtype=float) for v in (e.aR, e.aX, e.aD))
    dd = (aR > aX) & (aR < aD)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = (aR / aX) ** (1 - params.sigma) - 1
    return _out(np.where(dd & (phi_ > 0), v, np.nan))


def weight_changes(params: Params, phi0: float, phi1: float, nation: str = "north",
                   case: str = "relocation") -> list[tuple[float, float, int]]:
    """Where the sales weight of ``atilde`` rises (+1) or falls (-1) from ``phi0`` to ``phi1``.

    The weight density on ``a`` is ``m(a) a**(c-1) / sum m (hi**c - lo**c)/c`` over the pieces of
    :func:`productivity_pieces`; the result lists the intervals of ``a`` between consecutive
    breakpoints of both equilibria, with the sign of (weight after) - (weight before), merging
    neighbours of equal sign.  A uniform shift of weight towards low ``a`` is a single change of
    sign, from +1 to -1.
    """
    pieces = [productivity_pieces(params, ph, nation, case) for ph in (phi0, phi1)]
    c = params.c

    def density(pcs, a):
        norm = sum(m * (hi ** c - lo ** c) / c for lo, hi, m in pcs)
        return sum(m for lo, hi, m in pcs if lo <= a < hi) / norm if norm > 0 else 0.0

    cuts = sorted({x for pcs in pieces for lo, hi, _ in pcs for x in (lo, hi)})
    out: list[tuple[float, float, int]] = []
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        mid = 0.5 * (lo + hi)
        d = density(pieces[1], mid) - density(pieces[0], mid)
        sign = int(np.sign(d)) if abs(d) > 1e-12 else 0
        if out and out[-1][2] == sign:
            out[-1] = (out[-1][0], hi, sign)
        else:
            out.append((lo, hi, sign))
    return out


def north_productivity_min(params: Params) -> dict:
    """The North's ``atilde`` (relocation) on ``(0, phi_S]``: its minimiser and its values at
    ``phi_P`` and at ``phi_S`` itself (the one set of numbers the chapter, tests and registry show).

    Returns ``{"phi_min", "atilde_min", "at_phi_P", "at_phi_S"}``; the minimiser is found by a
    bounded scalar minimisation on a bracket from a grid of 2001 points.
    """
    from scipy.optimize import minimize_scalar

    pS = phi_S(params)
    grid = np.linspace(1e-3 * pS, pS, 2001)
    a = np.asarray(productivity(params, grid, "north"))
    i = int(np.argmin(a))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    res = minimize_scalar(lambda x: float(productivity(params, x, "north")), bounds=(lo, hi),
                          method="bounded", options={"xatol": 1e-12})
    return {"phi_min": float(res.x), "atilde_min": float(res.fun),
            "at_phi_P": float(productivity(params, phi_P(params), "north")),
            "at_phi_S": float(productivity(params, pS, "north"))}


def welfare_metric(params: Params, phi, sn):
    """The paper's welfare metric for relocation (26), **[conjecture]** of the brief.

    ``M = {lambda [sn/sE + phi**beta (1-sn)/(1-sE)] - (1+phi**beta)} / ((lambda-1)(1+phi**beta))``;
    relocation 'improves' Southern welfare iff ``M > 1``, and
    ``W*_reloc - W*_no-reloc = (mu/kappa) ln M``.  ``M = 1`` at ``sn = sE``.
    """
    phi = check_phi(phi)
    sn = as_real_array(sn, "sn")
    if np.any(sn < 0) or np.any(sn > 1):
        raise ValueError("sn must lie in [0, 1]")
    pb = _pow(phi, params.beta)
    s, lam = params.sE, params.lam
    return _out((lam * (sn / s + pb * (1 - sn) / (1 - s)) - (1 + pb)) / ((lam - 1) * (1 + pb)))


# ---------------------------------------------------------------------------
# Key numbers
# ---------------------------------------------------------------------------
def results(params: Params | None = None, phi: float = 0.5) -> dict:
    """Headline numbers of the relocation-then-entry equilibrium at ``phi`` (plain floats).

    Keys: ``beta, phi_P, phi_S, aD, aX, aR, sn, sn_located, sn_hft, nw, nw_autarky,
    aD_autarky, atilde_north, atilde_south, atilde_hft, atilde_autarky,
    welfare_south, x_stage``.  ``atilde_hft`` comes from the HFT equilibrium (9).

    Every value is a finite float except ``atilde_south``, which is ``nan`` beyond ``phi_S``
    (no Southern firms: the South has no average productivity).

    Raises
    ------
    ValueError
        ``phi`` outside ``[0, 1)`` or not a number, or (at the edge of the supported numerical
        range) a value that cannot be computed as a finite number.

    Examples
    --------
    >>> r = results()
    >>> round(r["phi_P"], 4), round(r["phi_S"], 4)
    (0.6667, 0.8165)
    """
    p = params if params is not None else Params()
    phi = float(check_phi(phi))
    e = relocation_equilibrium(p, phi)
    h = hft(p, phi)
    au = autarky(p)
    out = {
        "beta": p.beta,
        "phi_P": phi_P(p),
        "phi_S": phi_S(p),
        "aD": float(e.aD),
        "aX": float(e.aX),
        "aR": float(e.aR),
        "sn": float(e.sn),
        "sn_located": float(e.sn_located),
        "sn_hft": float(h.sn),
        "nw": float(e.nw),
        "nw_autarky": float(au["nw"]),
        "aD_autarky": float(au["aD"]),
        "atilde_north": float(productivity(p, phi, "north")),
        "atilde_south": float(productivity(p, phi, "south")),
        "atilde_hft": float(productivity(p, phi, "north", "hft")),
        "atilde_autarky": float(p.c / p.d * au["aD"]),
        "welfare_south": float(south_welfare(p, phi)),
        "x_stage": float(stage_export_cutoff(p, phi)),
    }
    require_finite(out, "results()", allowed={"atilde_south"})
    return out


#: What each key of :func:`results` means (for the chapter's table).
RESULTS_DOC = {
    "beta": "β = κ/(σ−1), regularity needs β > 1",
    "phi_P": "partitioning point φ_P = (1−s_E)/s_E: DD migration beyond",
    "phi_S": "sustain point φ_S = ((1−s_E)/s_E)^(1/β): South empty beyond",
    "aD": "domestic cut-off a_D, (22) (= HFT (9))",
    "aX": "export cut-off a_X = φ^(1/(σ−1)) a_D",
    "aR": "relocation threshold a_R, (17)/(20)",
    "sn": "North's share of firms owned, s_n = s_E",
    "sn_located": "share of active firms producing in the North",
    "sn_hft": "North's share of firms under HFT, (9)",
    "nw": "world mass of active firms n^w, (21)",
    "nw_autarky": "world mass of active firms in autarky, (12)",
    "aD_autarky": "autarky cut-off a_D^A, (6)",
    "atilde_north": "North's average unit input ã (lower = more productive)",
    "atilde_south": "South's average unit input $\\tilde a^*$ (nan beyond φ_S)",
    "atilde_hft": "average unit input under HFT, (10) (both nations)",
    "atilde_autarky": "average unit input in autarky",
    "welfare_south": "South welfare gain over autarky, $W^*-W^*_A$ (μ = 1)",
    "x_stage": "export cut-off ratio a_X/a_D^A of the relocation stage, (18)",
}
