"""Baldwin & Okubo: one vectorised predicate per mapped claim, and the claim maps.

Each ``*_margin`` takes the parameters of :class:`~lib.offshoring.model.Params` as
broadcastable arrays (``sigma, kappa, sE, f, fI``) and returns an array whose sign is the
verdict: > 0 the claim holds, <= 0 it fails, ``nan`` the parameters are not admissible
(``beta <= 1`` or ``(beta-1) fI >= f``).  The tests of the claims
(``tests/test_offshoring.py``), the chapter's maps and shares (:mod:`lib.claim_maps`) and the
atlas page call these functions; the model itself is :mod:`.model`'s, evaluated over arrays
of parameters at once (:func:`array_params`).
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from lib.claim_maps import ClaimMap

from .model import Params, productivity

__all__ = ["admissible", "array_params", "dd_nodes", "r5_north_margin", "r5_south_margin",
           "footnote_11_margin", "CLAIM_MAPS"]

#: Where in the DD phase (phi_P, phi_S) the slope of productivity is checked, as fractions of
#: the interval: 64 Chebyshev nodes, clustered at both ends (where a U-shaped curve turns);
#: the outermost lie 6e-4 of the interval inside it.
DD_NODES = (1 - np.cos(np.pi * np.arange(1, 65) / 65)) / 2
#: Changes of ``ln atilde`` between nodes smaller than this count as flat (rounding), as in the tests.
FLAT = 1e-12


def admissible(sigma, kappa, sE, f, fI) -> np.ndarray:
    """Where :class:`~lib.offshoring.model.Params` accepts the values (vectorised)."""
    sigma, kappa, sE, f, fI = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                    for v in (sigma, kappa, sE, f, fI)))
    with np.errstate(all="ignore"):
        beta = kappa / (sigma - 1)
        return ((sigma > 1) & (kappa > 0) & (beta > 1) & (sE > 0.5) & (sE < 1) & (f > 0) & (fI > 0)
                & ((beta - 1) * fI < f))


def array_params(sigma, kappa, sE, f, fI) -> SimpleNamespace:
    """A stand-in for :class:`Params` whose fields are arrays (no validation: see :func:`admissible`).

    The model's functions broadcast over it, so one call evaluates many parameter points.
    """
    sigma, kappa, sE, f, fI = (np.asarray(v, dtype=float) for v in (sigma, kappa, sE, f, fI))
    beta = kappa / (sigma - 1)
    return SimpleNamespace(sigma=sigma, kappa=kappa, sE=sE, f=f, fI=fI, beta=beta,
                           lam=beta / (beta - 1), c=kappa + 1 - sigma, d=kappa + 2 - sigma)


def _columns(values, ok):
    """The admissible points as column vectors (one row per point)."""
    return array_params(*(np.asarray(v)[ok][:, None] for v in values))


def dd_nodes(params) -> np.ndarray:
    """Freeness values across the DD phase of each point of ``params`` (rows), :data:`DD_NODES`."""
    pP = (1 - params.sE) / params.sE
    pS = pP ** (1 / params.beta)
    return pP + DD_NODES * (pS - pP)


def _dd_slopes(values, nation):
    """Changes of ``ln atilde`` between consecutive DD nodes (one row per point)."""
    arrs = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in values))
    ok = admissible(*arrs)
    out = np.full(arrs[0].shape + (DD_NODES.size - 1,), np.nan)
    if np.any(ok):
        p = _columns(arrs, ok)
        a = productivity(p, dd_nodes(p), nation)
        out[ok] = np.diff(np.log(a), axis=1)
    return out, ok


def r5_north_margin(sigma, kappa, sE, f, fI):
    """Result 5 (North, DD): freer trade raises Northern productivity *throughout* the DD phase.

    Holds where ``atilde_north`` (lower = more productive) falls between every pair of
    consecutive :data:`DD_NODES`; the margin is minus the largest change of ``ln atilde``.
    ``f`` and ``fI`` only scale ``a_D`` (they matter for admissibility, not for the verdict).
    """
    s, ok = _dd_slopes((sigma, kappa, sE, f, fI), "north")
    return np.where(ok, -np.max(s, axis=-1, initial=-np.inf), np.nan)


def r5_south_margin(sigma, kappa, sE, f, fI):
    """Result 5 (South, DD): freer trade lowers the South's productivity throughout the DD phase.

    Holds where ``atilde_south`` does not fall between any pair of consecutive
    :data:`DD_NODES` by more than rounding (:data:`FLAT`, the tolerance of
    ``test_result_5_south``); the margin is the smallest change of ``ln atilde*`` plus ``FLAT``.
    """
    s, ok = _dd_slopes((sigma, kappa, sE, f, fI), "south")
    return np.where(ok, np.min(s, axis=-1, initial=np.inf) + FLAT, np.nan)


#: Freeness values at which footnote 11's derivative is checked.
FN11_PHI = np.linspace(0.01, 0.99, 50)


def footnote_11_margin(sigma, kappa, sE, f, fI):
    """Footnote 11: ``d ln W_X/d phi = (1 - phi**(beta-1))/((1+phi)(1+phi**beta)) > 0`` on (0, 1).

    The paper's proof rests on the regularity condition ``beta > 1``; the margin is the
    smallest value of the derivative over :data:`FN11_PHI`.
    """
    arrs = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (sigma, kappa, sE, f, fI)))
    ok = admissible(*arrs)
    beta = (arrs[1] / (arrs[0] - 1))[..., None]
    phi = FN11_PHI
    with np.errstate(all="ignore"):
        d = (1 - phi ** (beta - 1)) / ((1 + phi) * (1 + phi ** beta))
    return np.where(ok, np.min(d, axis=-1), np.nan)


_WHY_R5 = ("f and f_I only scale the cut-off a_D, so the verdict depends on σ, κ and s_E alone; "
           "s_E sets where the DD phase lies (φ_P = (1−s_E)/s_E) and κ (with σ, through β = κ/(σ−1)) "
           "how fast the relocation threshold moves, so the map is over (s_E, κ) at the chapter's σ, "
           "and the explorer moves σ. The maps are drawn at f_I = 0.05 instead of the chapter's 0.5: "
           "f_I moves only the admissibility bound (β−1)f_I < f, which at f_I = 0.5 and σ = 2 would cut "
           "the map off at κ = 3.")

#: The maps' slice: a small f_I, so that the admissibility bound (beta-1) fI < f does not hide
#: most of the kappa range (fI does not change any verdict).
_SLICE = {"fI": 0.05}

#: The chapter's claim maps (see :mod:`lib.claim_maps`).
CLAIM_MAPS = [
    ClaimMap("bo", "r5-north", "Result 5 (North, DD)",
             "freer trade raises Northern productivity throughout the DD phase",
             r5_north_margin, Params(), x="sE", y="kappa", z="sigma", z_values=(1.5, 2.0, 3.0, 4.0, 6.0),
             fixed=_SLICE, why=_WHY_R5, grade="differs"),
    ClaimMap("bo", "r5-south", "Result 5 (South)",
             "freer trade lowers Southern productivity throughout the DD phase",
             r5_south_margin, Params(), x="sE", y="kappa",
             fixed=_SLICE, why=_WHY_R5, grade="partial"),
    ClaimMap("bo", "fn11", "Footnote 11",
             "d ln W_X/dφ > 0 for every φ in (0, 1)",
             footnote_11_margin, Params(), x="sigma", y="kappa", fixed=_SLICE,
             why=("the derivative depends on β = κ/(σ−1) only, and the paper's proof on β > 1: the map "
                  "over (σ, κ) shows the condition's boundary."),
             grade="replicated", proved=True),
]
