"""F3 of the Gordon chapter: who gains from migration, in a one-good model with capital fixed in
place (:class:`GainsParams`).  The book's model, not the essay's (see
:mod:`lib.migration_vs_trade.model`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.params import (
    SUPPORTED_MAGNITUDE,
    as_real_array,
    control,
    require_real,
    validate,
)

__all__ = ['GainsParams', 'Gains', 'migration_gains', 'surplus_approx', 'wage_D', 'wage_O']


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


def migration_gains(params: GainsParams, m=None) -> Gains:
    """Group-by-group gains from moving ``M = m L_D`` workers from O to D (brief F3).

    ``m`` defaults to ``params.m`` and may be an array (vectorised).

    Examples
    --------
    >>> gains = migration_gains(GainsParams())
    >>> round(float(gains.M), 4), round(float(gains.migrants), 4)
    (3.0, 2.4735)
    """
    m = as_real_array(params.m if m is None else m, "m")
    if np.any(m < 0) or np.any(m >= params.LO_ratio):
        raise ValueError("need 0 ≤ m < L_O/L_D")
    a, LD, LO, rho = params.a, params.L_D, params.L_O, params.rho
    ZD = 1.0 / (a * LD ** (a - 1))
    ZO = 1.0 / (rho * a * LO ** (a - 1))
    M = m * LD
    QD0, QO0 = ZD * LD**a, ZO * LO**a
    QD1, QO1 = ZD * (LD + M) ** a, ZO * (LO - M) ** a
    wD1 = a * ZD * (LD + M) ** (a - 1)
    wO1 = a * ZO * (LO - M) ** (a - 1)
    natives = LD * (wD1 - 1.0)
    capital_D = (1 - a) * (QD1 - QD0)
    migrants = M * ((1 - params.phi) * wD1 - 1 / rho) - params.c * M
    stayers = (LO - M) * (wO1 - 1 / rho) + params.phi * M * wD1
    capital_O = (1 - a) * (QO1 - QO0)
    return Gains(M, wD1, wO1, natives, capital_D, migrants, stayers, capital_O,
                 QD1 - QD0, QO1 - QO0, params.c * M)


def surplus_approx(params: GainsParams) -> float:
    """Second-order approximation of the immigration surplus, ``½ (1-a) M²/L_D``."""
    M = params.m * params.L_D
    return 0.5 * (1 - params.a) * M**2 / params.L_D


def wage_D(params: GainsParams, L):
    """Destination labour demand ``w_D(L) = a Z_D L^(a-1)`` (normalised: ``w_D(L_D) = 1``)."""
    L = as_real_array(L, "L", SUPPORTED_MAGNITUDE[0], SUPPORTED_MAGNITUDE[1], why="labour")
    return (L / params.L_D) ** (params.a - 1)


def wage_O(params: GainsParams, L):
    """Origin labour demand, normalised so that ``w_O(L_O) = 1/ϱ``."""
    L = as_real_array(L, "L", SUPPORTED_MAGNITUDE[0], SUPPORTED_MAGNITUDE[1], why="labour")
    return (L / params.L_O) ** (params.a - 1) / params.rho
