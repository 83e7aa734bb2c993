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

The three models live in :mod:`.hos` (F1, F2), :mod:`.gains` (F3) and :mod:`.bargain` (F4);
this module re-exports them and computes the chapter's key numbers (:func:`results`).

Equation labels refer to the replication brief's Section 4b (there are no
equation numbers in the essay).  Everything is pure numpy/scipy; bad
parameters raise ``ValueError`` naming the violated condition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from lib.params import (
    require_finite,
)

from .bargain import (  # noqa: F401 - the chapter's models, re-exported here
    PRESETS,
    Bargain,
    BargainParams,
    a_zero,
    apply_preset,
    b_zero,
    bargain,
    boundary_rho,
    deal_feasible,
    theta_from_supply,
)
from .gains import (  # noqa: F401 - the chapter's models, re-exported here
    Gains,
    GainsParams,
    migration_gains,
    surplus_approx,
    wage_D,
    wage_O,
)
from .hos import (  # noqa: F401 - the chapter's models, re-exported here
    ENDOWMENT_PRESETS,
    Equilibrium,
    HOSParams,
    TechParams,
    autarky,
    autarky_constant,
    autarky_gap_closed,
    autarky_numeric,
    autarky_real_wage_closed,
    country_supply,
    crossing_tau,
    factor_prices,
    free_migration,
    free_trade,
    gap_difference,
    integrated,
    migration_M_star,
    price_index,
    specialisation_tau,
    tau_sweep,
)

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
