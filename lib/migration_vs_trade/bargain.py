"""F4 of the Gordon chapter: the negotiation game between a destination and an origin, with
reciprocity, unilateral alternatives and Part V's mechanisms as switches (:class:`BargainParams`).
The book's model, not the essay's (see :mod:`lib.migration_vs_trade.model`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lib.params import (
    as_real,
    as_real_array,
    control,
    require_real,
    validate,
)

__all__ = ['BargainParams', 'theta_from_supply', 'Bargain', 'a_zero', 'b_zero', 'deal_feasible', 'boundary_rho', 'bargain', 'PRESETS', 'apply_preset']


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


def a_zero(params: BargainParams, theta=None, rho=None):
    """A's gain from a deal over acting alone: ``(1-θ)G + ρR + λ - κ`` (brief F4)."""
    theta = params.theta if theta is None else as_real_array(theta, "theta", 0.0, 1.0, why="a share")
    rho = params.rho if rho is None else as_real_array(rho, "rho", 0.0, 1.0, why="reciprocity")
    return (1 - theta) * params.G + rho * params.R + params.lam - params.kappa


def b_zero(params: BargainParams) -> float:
    """B's gain from a deal over A's unilateral programme: ``(1-s_B)W - K_B``."""
    return (1 - params.s_B) * params.W - params.K_B


def deal_feasible(params: BargainParams, theta=None, rho=None):
    """A deal exists iff ``b0 ≥ 0`` and ``a0 + ε b0 ≥ 0`` (vectorised over θ, ρ)."""
    b0 = b_zero(params)
    a0 = a_zero(params, theta, rho)
    return (b0 >= 0) & (a0 + params.eps * max(b0, 0.0) >= 0)


def boundary_rho(params: BargainParams, theta):
    """The feasibility boundary ``ρ = (κ - λ - ε b0 - (1-θ)G)/R`` in the (θ, ρ) square."""
    b0 = b_zero(params)
    theta = as_real_array(theta, "theta", 0.0, 1.0, why="a share")
    return (params.kappa - params.lam - params.eps * b0 - (1 - theta) * params.G) / params.R


def bargain(params: BargainParams) -> Bargain:
    """Generalised Nash bargaining over B's enforcement effort ``e`` (brief F4).

    ``e* = min{b0, max{e_min, (η ε b0 - (1-η) a0)/ε}}``, ``e_min = max{0, -a0/ε}``;
    ``ΔA = a0 + ε e*``, ``ΔB = b0 - e*``.  With ``ε = 0`` a deal needs
    ``a0 ≥ 0`` and ``b0 ≥ 0`` and ``e* = 0``.

    Examples
    --------
    >>> bool(bargain(BargainParams()).feasible)
    False
    """
    a0, b0 = float(a_zero(params)), float(b_zero(params))
    feasible = bool(deal_feasible(params))
    if not feasible:
        return Bargain(a0, b0, False, 0.0, 0.0, 0.0)
    if params.eps == 0:
        e = 0.0
    else:
        e_min = max(0.0, -a0 / params.eps)
        e = min(b0, max(e_min, (params.eta * params.eps * b0 - (1 - params.eta) * a0) / params.eps))
    return Bargain(a0, b0, True, e, a0 + params.eps * e, b0 - e)


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


def apply_preset(params: BargainParams, name: str) -> BargainParams:
    """``params`` with the preset's overrides (other fields kept)."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {list(PRESETS)}")
    return dataclasses.replace(params, **PRESETS[name][0])
