"""Schiff (2014), Figure 1: its points and areas, by integration.

The areas the paper names in Figure 1 (``C0AD``, ``F0EG``, ``EAD`` without migration;
``C'0A'D'``, the L-shaped region, ``D'A'E'`` with it), computed from the model
(:mod:`.model`) by the shoelace formula and by quadrature of the marginal value, so
that the figure (:mod:`.figures`) and the checks (:mod:`.checks`) read the same numbers.
"""

from __future__ import annotations

import math

import numpy as np

from .model import Params, Solution, average_benefit, bloc_value, marginal_value, solve_static


def _shoelace(poly) -> float:
    x, y = np.asarray(poly, dtype=float).T
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def areas_no_migration(params: Params) -> dict:
    """Areas of Figure 1 without migration, by integration.

    ``C0AD`` (rectangle, ``= V^E``), ``F0EG`` (rectangle, ``= V^*``), ``EAD``
    (quadrature of ``V_n`` over ``[n^E, n^*]``, ``= V^* - V^E``) and footnote
    12's remainder bloc (``K_q``, ``K_r``, ``K_B = B(r)``).

    Examples
    --------
    >>> a = areas_no_migration(Params())
    >>> round(a["C0AD"], 4), round(a["F0EG"], 4), round(a["EAD"], 4)
    (1.9045, 2.3674, 0.4629)
    """
    from scipy.integrate import quad

    nE, BE, nS, BS, _ = solve_static(params)
    ead, _err = quad(lambda n: float(marginal_value(params, n)), nE, nS, epsabs=1e-12, epsrel=1e-12)
    q = math.floor((1.0 - nE) / nE)
    r = 1.0 - nE - q * nE
    KB = float(average_benefit(params, r)) if r >= params.n1 else float("-inf")
    return {"C0AD": _shoelace([(0, 0), (nE, 0), (nE, BE), (0, BE)]),
            "F0EG": _shoelace([(0, 0), (nS, 0), (nS, BS), (0, BS)]),
            "EAD": ead, "K_q": q, "K_r": r, "K_B": KB}


def areas_migration(params: Params, sol: Solution) -> dict:
    """Points and areas of Figure 1 with migration (uses ``sol`` from :func:`solve`).

    ``Cprime = B~^E - z^E`` (C', D'), ``Iprime = B~*_OR - z^*`` (I', J'),
    ``N_y`` (point N), ``C0AD_t`` (C'0A'D' = ``G~^E``), ``CDAADC`` (the L-shaped
    region = ``Delta G^E``, only when ``L_ok``), ``DAE`` (quadrature of
    ``V_n(.; alpha~*)`` over ``[n~^E, n~^*]``), ``Gdiff = G~^* - G~^E`` and
    ``total = G~^* - V^E_0`` (C'0E'D' - C0AD).
    """
    from scipy.integrate import quad

    mE, mS = sol.mig_E, sol.mig_star
    nE, BE = sol.nE, sol.BE
    h = float(average_benefit(params, mE.n, mE.alpha)) - mE.z
    Ip = float(bloc_value(params, mS.n, mS.alpha)) / sol.n_founders_star - mS.z
    L_ok = bool(h > BE and mE.n > nE)
    poly = [(0, h), (mE.n, h), (mE.n, 0), (nE, 0), (nE, BE), (0, BE)]
    dae, _err = quad(lambda n: float(marginal_value(params, n, mS.alpha)), mE.n, mS.n,
                     epsabs=1e-12, epsrel=1e-12)
    rect = _shoelace([(0, 0), (mE.n, 0), (mE.n, h), (0, h)])
    return {"nEt": mE.n, "nSt": mS.n, "Cprime": h, "Iprime": Ip,
            "N_y": float(average_benefit(params, nE, mE.alpha)) - mE.z,
            "C0AD_t": rect, "L_ok": L_ok, "L_poly": poly,
            "CDAADC": _shoelace(poly) if L_ok else rect - sol.VE,
            "DAE": dae, "Gdiff": mS.G - mE.G, "total": mS.G - sol.VE}

