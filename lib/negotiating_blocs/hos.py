"""Schiff (2014), Section IV: the book's Heckscher-Ohlin block for Proposition 3 [B].

The paper argues Proposition 3 verbally; this module is the brief's small
Heckscher-Ohlin block (brief section 6) for a representative member with endowment
``(L_bar, 1)``: Cobb-Douglas technologies (labour shares ``a > b``) and demand
(``s_X``), the South's price of ``X`` under market access :func:`export_price`,
the member's production, demand and trade :func:`ho_equilibrium`, and its trade as
migration rises to the optimum of :mod:`.model` (:func:`trade_path`).  Its
parameters are the Section IV fields of :class:`.model.Params`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from lib.params import as_real, as_real_array, require_finite

from .model import ARG_MAX, Params, _n, alpha_of_M, n_fee, n_no_fee, optimal_migration, value


@dataclass(frozen=True)
class HO:
    """Production, demand and trade of the representative member at price ``p``."""

    p: float
    w: float
    r: float
    X: float
    Y: float
    D_X: float
    D_Y: float
    E_X: float
    M_Y: float

    @property
    def volume(self) -> float:
        """Trade volume ``p E_X + M_Y``."""
        return self.p * self.E_X + self.M_Y


def factor_prices(params: Params, p):
    """``(w, r)`` from the zero-profit conditions (log-linear in ``ln w, ln r``)."""
    a, b = params.a, params.b
    lp = np.log(as_real_array(p, "p", 1.0 / ARG_MAX, ARG_MAX, why="a price, the supported range"))
    ka = a * math.log(a) + (1 - a) * math.log(1 - a)
    kb = b * math.log(b) + (1 - b) * math.log(1 - b)
    # a lw + (1-a) lr = lp + ka ; b lw + (1-b) lr = kb
    det = a * (1 - b) - b * (1 - a)
    lw = ((lp + ka) * (1 - b) - (1 - a) * kb) / det
    lr = (a * kb - b * (lp + ka)) / det
    return np.exp(lw), np.exp(lr)


def outputs(params: Params, p, L=None):
    """Outputs ``(X, Y)`` at price ``p`` for endowment ``(L, 1)`` (Rybczynski system).

    Raises ``ValueError`` when ``p`` lies outside the diversification cone
    (``X`` or ``Y`` would be negative).
    """
    L = params.L_bar if L is None else as_real_array(L, "L", 0.0, ARG_MAX, lo_open=True)
    w, r = factor_prices(params, p)
    p = as_real_array(p, "p")
    aLX, aKX = params.a * p / w, (1 - params.a) * p / r
    aLY, aKY = params.b / w, (1 - params.b) / r
    det = aLX * aKY - aLY * aKX
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        X = (np.asarray(L) * aKY - aLY * 1.0) / det
        Y = (aLX * 1.0 - aKX * np.asarray(L)) / det
    require_finite({"X": X, "Y": Y}, f"the outputs at p = {p}")
    if np.any(X <= 0) or np.any(Y <= 0):
        raise ValueError(
            f"price outside the diversification cone for L = {L}: X or Y would be negative "
            "(the HO block needs k_Y < L < k_X)")
    return X, Y


def ho_equilibrium(params: Params, p: float, t: float = 0.0, Z: float = 0.0) -> HO:
    """Representative member at price ``p`` with net transfer ``t`` and migration outlay ``Z``.

    Income ``I = pX + Y + t``; ``D_X = s_X I/p``, ``D_Y = (1-s_X) I``; a share
    ``omega`` of ``Z`` is bought as ``X``.  Exports ``E_X = X - D_X - omega Z/p``;
    commercial imports ``M_Y = D_Y + (1-omega) Z - Y - (t + Z)`` (transfers
    ``T = t + Z`` arrive in ``Y``).  Trade balances: ``p E_X = M_Y``.

    Examples
    --------
    >>> params = Params()
    >>> h = ho_equilibrium(params, float(export_price(params, 0.3)))
    >>> round(h.p, 4), round(h.E_X, 4), round(h.M_Y, 4)
    (1.4876, 0.1184, 0.1761)
    >>> abs(h.p * h.E_X - h.M_Y) < 1e-12
    True
    """
    p = as_real(p, "p")
    t = as_real(t, "t")
    Z = as_real(Z, "Z")
    X, Y = outputs(params, p)
    X, Y = float(X), float(Y)
    w, r = factor_prices(params, p)
    I = p * X + Y + t  # noqa: E741
    DX, DY = params.s_X * I / p, (1 - params.s_X) * I
    EX = X - DX - params.omega * Z / p
    MY = DY + (1 - params.omega) * Z - Y - (t + Z)
    out = HO(float(p), float(w), float(r), X, Y, DX, DY, EX, MY)
    require_finite(dataclasses.asdict(out), "the HO equilibrium")
    return out


def export_price(params: Params, n):
    """South's price of X under market access: ``p(n) = p^N/(1 + tau0 (1 - n))``."""
    return params.p_N / (1.0 + params.tau0 * (1.0 - _n(n)))


def trade_path(params: Params, regime: str = "star", objective: str = "transfers", num: int = 25):
    """Trade of the representative member as migration rises from 0 to ``M~^j`` (Prop. 3).

    ``objective="transfers"`` (regime A): price fixed at ``p(n^E_0)``, net transfer
    ``t = kappa_T G^j(M)/n^E_0`` in ``Y`` and outlay ``Z = kappa_T c M/n^E_0``.
    ``objective="market access"`` (regime B): no transfer, price ``p(n^j(alpha(M)))``.

    Returns a dict of arrays ``M, p, X, Y, E_X, M_Y, volume``.

    Examples
    --------
    Under transfers, trade falls as migration rises (substitutes, Prop. 3):

    >>> path = trade_path(Params(), "star", "transfers", num=5)
    >>> [round(float(v), 4) for v in path["volume"]]
    [0.2732, 0.269, 0.2657, 0.2638, 0.2631]
    """
    if objective not in ("transfers", "market access"):
        raise ValueError("objective must be 'transfers' or 'market access'")
    mg = optimal_migration(params, regime)
    n0 = float(n_no_fee(params))
    Ms = np.linspace(0.0, mg.M, num)
    al = alpha_of_M(params, Ms, n0=n0)
    rows = []
    for M, a in zip(Ms, al, strict=True):
        if objective == "transfers":
            p = float(export_price(params, n0))
            G = float(value(params, regime, a)) - params.c * M
            t = params.kappa_T * G / n0
            Z = params.kappa_T * params.c * M / n0
            rows.append(ho_equilibrium(params, p, t, Z))
        else:
            n = float((n_no_fee if regime == "E" else n_fee)(params, a, clip=True))
            rows.append(ho_equilibrium(params, float(export_price(params, n))))
    out = {"M": Ms}
    for key in ("p", "X", "Y", "E_X", "M_Y"):
        out[key] = np.array([getattr(h, key) for h in rows])
    out["volume"] = out["p"] * out["E_X"] + out["M_Y"]
    return out
