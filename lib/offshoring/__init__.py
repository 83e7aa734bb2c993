"""Baldwin & Okubo (2014): international trade, offshoring and heterogeneous firms.

``from lib.offshoring import Params, results`` gives the model's parameters and
headline numbers (the numerics are in :mod:`.model`, the sympy derivations in
:mod:`.derivations`, imported on demand); the figure functions ``fig_1`` ... ``fig_5`` (and the
supplementary ``fig_s1`` ... ``fig_s3``) draw the chapter's figures; ``REGISTRY``
lists every original figure and result and what became of it.
"""

from lib.registry import Item

from .figures import (  # noqa: F401
    FIG1_EXTRAS,
    FIG2_EXTRAS,
    FIG3_EXTRAS,
    FIG4_EXTRAS,
    FIG5_EXTRAS,
    FIGS3_EXTRAS,
    LIVE_PANELS,
    PANEL_CONTROLS,
    PHI,
    PHI0,
    PHI1,
    PHI_FIG3,
    STAGE,
    fig_1,
    fig_2,
    fig_3,
    fig_4,
    fig_5,
    fig_s1,
    fig_s2,
    fig_s3,
)
from .model import (  # noqa: F401
    RESULTS_DOC,
    Equilibrium,
    Params,
    PreRelocation,
    autarky,
    check_phi,
    equilibrium,
    hft,
    hft_productivity_terms,
    hft_relocation_gains,
    hft_weights,
    hme_slope,
    market_B,
    phase,
    phi_P,
    phi_S,
    pre_relocation,
    productivity,
    productivity_pieces,
    relocation_equilibrium,
    relocation_gains,
    relocation_stage,
    relocation_threshold,
    results,
    south_welfare,
    stage_export_cutoff,
    welfare_metric,
    with_beta,
)

_T = "tests/test_offshoring.py::"

#: Every original figure and result of the paper, and where the book rebuilds it.
REGISTRY: list[Item] = [
    Item("bo", "Fig. 1", "figure", "Two adjustment paths: entry/exit first (HFT) or relocation first (NEG)",
         "fig-bo-1", "replicated", "A schematic in the paper; here annotated with the model's numbers."),
    Item("bo", "Fig. 2", "figure", "HFT productivity: weights before and after a trade opening",
         "fig-bo-2", "replicated"),
    Item("bo", "Fig. 3", "figure", "Gains from relocation v_X, v_D touching at a_X",
         "fig-bo-3", "replicated",
         "Equations (13)-(14) were lost; v_D is reconstructed as the one simple form under which the "
         "curves touch at a_X, as the text says."),
    Item("bo", "Fig. 4", "figure", "Where firms of each efficiency produce (XX phase)",
         "fig-bo-4", "replicated"),
    Item("bo", "Fig. 5", "figure", "Productivity with free relocation, North and South (XX phase)",
         "fig-bo-5", "replicated"),
    Item("bo", "HME (§3.1)", "claim", "Home-market effect: s_n > s_E, slope (1+φ^β)/(1-φ^β)",
         _T + "test_hme", "replicated",
         "'n rises' holds for firms created and for the share s_n; the North's mass of active "
         "firms first falls."),
    Item("bo", "Result 1", "result", "Instantaneous entry/exit is a perfect substitute for relocation",
         _T + "test_result_1", "replicated"),
    Item("bo", "Result 2", "result", "The most efficient Southern exporters move first",
         _T + "test_result_2", "replicated"),
    Item("bo", "Result 3", "result", "Two phases of relocation, φ_P = (1-s_E)/s_E, sustain point φ_S",
         _T + "test_result_3", "replicated"),
    Item("bo", "Result 4", "result", "The sustain point rises with β; no full agglomeration at β = ∞",
         _T + "test_result_4", "replicated"),
    Item("bo", "Result 5 (levels)", "result",
         "Relocation gives the North an extra productivity gain and dampens the South's",
         _T + "test_result_5_levels", "replicated",
         "Holds as a comparison of levels with the HFT benchmark at the same φ."),
    Item("bo", "Result 5 (North, DD)", "result",
         "In the DD phase freer trade always raises Northern productivity",
         _T + "test_result_5_north_differs", "differs",
         "Northern average productivity is U-shaped in φ; at the defaults it falls throughout the DD "
         "phase (and just below φ_P)."),
    Item("bo", "Result 5 (South)", "result",
         "Freer trade may lower the South's productivity; it does for large κ",
         _T + "test_result_5_south", "partial",
         "Southern productivity falls throughout the DD phase at every tested point (κ = σ = 2 closed "
         "form confirmed); the claim that a large κ is what makes it fall is not borne out."),
    Item("bo", "κ = σ = 2 derivative", "equation", "dã*/dφ in the DD phase for κ = σ = 2",
         _T + "test_kappa_sigma_2", "partial",
         "Sign confirmed; the printed formula lacks a factor φ and the scale √(f_I/f)."),
    Item("bo", "Footnote 11", "equation", "d ln W_X/dφ = (1-φ^(β-1))/((1+φ)(1+φ^β)) > 0",
         _T + "test_footnote_11", "replicated"),
    Item("bo", "§3.2 phase order", "claim", "DD migration begins 'when φ falls below φ_P'",
         _T + "test_phase_order", "differs",
         "A slip: the DD phase begins when φ rises above φ_P (the paper's own XX phase is φ < φ_P)."),
    Item("bo", "§3.2.1 mass of firms", "claim", "After relocation 'the global mass of firms must rise'",
         _T + "test_world_mass_of_firms_falls", "differs",
         "A slip: n^w falls by the factor 1/(1+φ^β), as the paper's neighbouring sentences say."),
    Item("bo", "§3.3 general case", "claim",
         "Free entry and the location condition are dependent; cut-offs as in (22) for any s_n",
         _T + "test_general_case_invariance", "replicated"),
    Item("bo", "Result 6", "result", "Trade liberalisation always raises the South's welfare",
         _T + "test_result_6", "replicated"),
    Item("bo", "Result 7", "result", "Allowing relocation improves the South's welfare",
         _T + "test_result_7", "differs",
         "In both polar cases South welfare is identical at every φ, and in any steady state with "
         "free entry it does not depend on s_n; the strict gain rests on a metric (26) that is "
         "reconstructed as a conjecture."),
    Item("bo", "Appendix (27)-(28)", "claim", "Quadratic relocation costs: firms move in order of efficiency",
         _T + "test_result_2", "not rebuilt",
         "The adjustment path is not simulated; the ordering it implies is Result 2's."),
]
