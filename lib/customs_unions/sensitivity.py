"""Two checks of the three-country model across parameters (issue #12 of the book).

* :func:`aggregate_fdi_by_eps`: the change of aggregate FDI, ``d(Kᴬ + Kᴮ)/dτ``, as the
  inverse-demand flexibility ε = −D′s/D varies (a *large* ε is an *inelastic* demand);
* :func:`corner_share`: how often uniform draws over the sliders' box land on the corner
  equilibrium at A's break-even price, which :func:`~.model.three_country` refuses.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from lib.params import specs

from .model import ThreeCountryParams, three_country

__all__ = ["aggregate_fdi_by_eps", "corner_share", "CornerShare"]


def aggregate_fdi_by_eps(params: ThreeCountryParams, eps_values, tau: float = 0.0) -> np.ndarray:
    """``d(Kᴬ + Kᴮ)/dτ`` at ``tau`` for each ε in ``eps_values`` (other parameters as ``params``).

    The price elasticity of Northern demand is ``1/ε``: the paper's gloss "demand is highly
    elastic" for a large ελ reads ε as an elasticity, but diversion grows as ε rises, i.e. as
    demand becomes *less* elastic.
    """
    out = []
    for e in np.atleast_1d(np.asarray(eps_values, dtype=float)):
        pr = dataclasses.replace(params, eps=float(e))
        out.append(float(three_country(pr, np.array([tau])).dK_total[0]))
    return np.array(out)


@dataclasses.dataclass(frozen=True)
class CornerShare:
    """Counts of uniform slider draws: interior on [0, T], corner at A's break-even price, failing (20)."""

    draws: int
    interior: int
    corner: int
    fails_20: int

    @property
    def share(self) -> float:
        """Corner draws among those that do not fail (20) strictly."""
        return self.corner / (self.interior + self.corner)


#: The parameters drawn by :func:`corner_share` (every slider of :class:`ThreeCountryParams`).
DRAWN = ("a", "b", "t_A", "t_B", "theta_bar_A", "theta_bar_B", "sA_s", "sB_s", "r", "T", "D_bar",
         "s_bar", "eps", "p")


def corner_share(n: int = 1000, seed: int = 12) -> CornerShare:
    """Classify ``n`` uniform draws over the sliders' ranges (fixed seed) at τ = 0 and τ = T."""
    sp = specs(ThreeCountryParams())
    rng = np.random.default_rng(seed)
    counts = {"interior": 0, "corner": 0, "fails_20": 0}
    for _ in range(n):
        pr = ThreeCountryParams(**{k: float(rng.uniform(sp[k].lo, sp[k].hi)) for k in DRAWN})
        try:
            three_country(pr, np.array([0.0, pr.T]))
            counts["interior"] += 1
        except ValueError as err:
            counts["corner" if str(err).startswith("corner equilibrium") else "fails_20"] += 1
    return CornerShare(n, **counts)
