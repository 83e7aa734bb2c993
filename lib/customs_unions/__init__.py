"""Fernández-Arias & Spiegel (1996): North-South customs unions and FDI under sovereign risk.

``from lib.customs_unions import results, ThreeCountryParams, fig_1`` — the
model (:mod:`.model`), the figures (:mod:`.figures`), the sympy derivations
(:mod:`.derivations`, imported on demand), the numerical checks of R1-R19
(:mod:`.checks`) and the replication registry.
"""

from lib.contract import Paper, lazy_attributes

from .checks import Check, check, check_markdown, presets_markdown  # noqa: F401
from .model import (  # noqa: F401 - the package's model, re-exported
    PRESETS,
    RESULTS_DOC,
    F,
    F_inv,
    Figure1Areas,
    ThreeCountryEquilibrium,
    ThreeCountryParams,
    TwoCountryEquilibrium,
    TwoCountryParams,
    compliance_probability,
    country_supply,
    demand,
    demand_integral,
    demand_slope,
    dtheta_dK,
    dtheta_dtau,
    excess_supply_gap,
    expected_income,
    f,
    figure1_areas,
    northern_welfare,
    northern_welfare_change,
    omega_star,
    payoffs,
    preset,
    psi_integral,
    results,
    theta_country,
    three_country,
    two_country,
    welfare_changes,
    zero_profit_residual,
)
from .registry_items import REGISTRY  # noqa: F401

#: The paper, its chapter and its citation (see :class:`lib.contract.Paper`).
PAPER = Paper("fas", "Fernández-Arias & Spiegel (1996)",
              "North-South Customs Unions and International Capital Mobility",
              1996, "fernandez_arias_spiegel", "fernandezarias1996north", "customs_unions")

#: The house name for the chapter's main parameter dataclass (three-country model).
Params = ThreeCountryParams


#: The figures (:mod:`.figures`, which loads pyplot and the book's style) load on first use of one
#: of their names: importing the package loads the model only.
__getattr__ = lazy_attributes(__name__, "figures")
