"""Gordon: the vectorised predicate of the mapped claim of the book's HOS illustration (F1).

``f1_wage_signs_margin`` takes the fields of :class:`~lib.migration_vs_trade.model.HOSParams`
as broadcastable arrays and returns an array whose sign is the verdict (> 0 holds, <= 0
fails, ``nan`` where the parameters are not admissible).  Free trade is solved for every point
at once by bisection on the log price of X (the model's :func:`~.model.country_supply` over
arrays of parameters); autarky is the model's closed form.  ``tests/test_migration_vs_trade.py``,
the chapter's map and share (:mod:`lib.claim_maps`) call it.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from lib.claim_maps import ClaimMap

from .model import HOSParams, autarky_real_wage_closed, country_supply, price_index

__all__ = ["admissible", "free_trade_arrays", "f1_wage_signs_margin", "CLAIM_MAPS"]

_FIELDS = ("K_H", "L_H", "alpha", "beta", "gamma", "K_W", "L_W")


def admissible(K_H, L_H, alpha, beta, gamma, K_W, L_W) -> np.ndarray:
    """Where :class:`HOSParams` accepts the values (vectorised)."""
    return ((0 < beta) & (beta < alpha) & (alpha < 1) & (0 < gamma) & (gamma < 1)
            & (0 < K_H) & (K_H < K_W) & (0 < L_H) & (L_H < L_W))


def _namespace(v: dict, ok: np.ndarray) -> SimpleNamespace:
    """A stand-in for :class:`HOSParams` over the admissible points (rows; columns H, F)."""
    col = {k: np.asarray(v[k])[ok][:, None] for k in _FIELDS}
    a, b, g = col["alpha"], col["beta"], col["gamma"]
    L = np.hstack([col["L_H"], col["L_W"] - col["L_H"]])
    K = np.hstack([col["K_H"], col["K_W"] - col["K_H"]])
    return SimpleNamespace(alpha=a, beta=b, gamma=g, s=a * g + b * (1 - g), L=L, K=K,
                           technology=lambda: np.ones((2, 2)))


def free_trade_arrays(params: SimpleNamespace, iters: int = 60):
    """Free-trade price, wages and real wages for every row of ``params`` (bisection on ln p_X).

    The bracket is one unit of ln p beyond the two autarky prices (as :func:`.model.free_trade`);
    the world share of spending on X falls short of γ at its lower end and exceeds it at the
    upper end.  60 halvings of a bracket a few units wide reach ~1e-17 in ln p.
    """
    a, b, s = params.alpha, params.beta, params.s
    k = params.K / params.L
    om = s / (1 - s) * k
    lr = np.log(_kappa(b)) - b * np.log(om)
    lp_aut = a * (np.log(om) + lr) + (1 - a) * lr - np.log(_kappa(a))
    lo, hi = lp_aut.min(axis=1) - 1.0, lp_aut.max(axis=1) + 1.0

    def excess(lp):
        pX = np.exp(lp)[:, None]
        X, Y, *_ = country_supply(params, pX, params.L, params.K, 1.0, 1.0)
        XW, YW = X.sum(-1), Y.sum(-1)
        return pX[:, 0] * XW / (pX[:, 0] * XW + YW) - params.gamma[:, 0]

    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        up = excess(mid) < 0
        lo, hi = np.where(up, mid, lo), np.where(up, hi, mid)
    pX = np.exp(0.5 * (lo + hi))[:, None]
    _, _, w, r, regime = country_supply(params, pX, params.L, params.K, 1.0, 1.0)
    return pX, w, r, regime, w / price_index(params, pX)


def _kappa(e):
    return e**e * (1 - e) ** (1 - e)


def f1_wage_signs_margin(**params):
    """F1's sign check: free trade lowers the real wage of the capital-rich country and raises
    the capital-poor country's (Stolper-Samuelson), as free migration does.

    The margin is the smaller of the two relative changes in the right direction
    (``1 - w_rich^trade/w_rich^aut`` and ``w_poor^trade/w_poor^aut - 1``); it is 0 where the
    two countries have the same capital-labour ratio (no trade).
    """
    v = {k: np.asarray(params[k], dtype=float) for k in _FIELDS}
    arrs = np.broadcast_arrays(*(v[k] for k in _FIELDS))
    v = dict(zip(_FIELDS, (x.ravel() for x in arrs), strict=True))
    ok = admissible(**v)
    out = np.full(ok.size, np.nan)
    if np.any(ok):
        P = _namespace(v, ok)
        with np.errstate(all="ignore"):
            aut = autarky_real_wage_closed(P)
            *_, trade = free_trade_arrays(P)
        rich = (P.K / P.L)[:, 0] > (P.K / P.L)[:, 1]
        ratio = trade / aut
        r_rich = np.where(rich, ratio[:, 0], ratio[:, 1])
        r_poor = np.where(rich, ratio[:, 1], ratio[:, 0])
        out[ok] = np.minimum(1 - r_rich, r_poor - 1)
    return out.reshape(arrs[0].shape)


#: The chapter's claim maps (see :mod:`lib.claim_maps`).
CLAIM_MAPS = [
    ClaimMap("gordon", "f1-signs", "F1",
             "trade lowers the capital-rich country's real wage and raises the other's",
             f1_wage_signs_margin, HOSParams(), x="K_H", y="L_H", z="alpha", z_values=(0.6, 0.7, 0.8, 0.9),
             why=("the verdict turns on where each country's capital-labour ratio lies against the "
                  "diversification cone, and with the world totals fixed that is set by H's endowments "
                  "K_H and L_H (F's are the rest); the explorer moves α, the labour intensity of X, "
                  "which widens or narrows the cone."),
             grade="illustration"),
]
