"""Fernández-Arias & Spiegel (1996): North-South customs unions and FDI under sovereign risk.

``from lib.customs_unions import results, ThreeCountryParams, fig_1`` — the
model (:mod:`.model`), the figures (:mod:`.figures`), the sympy derivations
(:mod:`.derivations`, imported on demand), the numerical checks of R1-R19
(:mod:`.checks`) and the replication registry.
"""

from .checks import Check, check, check_markdown, presets_markdown  # noqa: F401
from .figures import (  # noqa: F401
    FIG1_CONTROLS,
    FIG1_EXTRAS,
    LIVE_PANELS,
    NO_PRESET,
    PRESET_CONTROL,
    S1_EXTRAS,
    S23_CONTROLS,
    S23_EXTRAS,
    fig_1,
    fig_s1,
    fig_s2,
    fig_s3,
)
from .model import *  # noqa: F401,F403
from .model import ThreeCountryParams, TwoCountryParams, results  # noqa: F401
from .registry_items import REGISTRY  # noqa: F401

#: The house name for the chapter's main parameter dataclass (three-country model).
Params = ThreeCountryParams
