"""Baldwin & Okubo (2014): international trade, offshoring and heterogeneous firms.

``from lib.offshoring import Params, results`` gives the model's parameters and
headline numbers (the numerics are in :mod:`.model`, the sympy derivations in
:mod:`.derivations`, imported on demand); the figure functions ``fig_1`` ... ``fig_5`` (and the
supplementary ``fig_s1`` ... ``fig_s3``) draw the chapter's figures; ``REGISTRY``
lists every original figure and result and what became of it.
"""

from lib.contract import Item, Paper, lazy_attributes

from .model import (  # noqa: F401
    RESULTS_DOC,
    Equilibrium,
    Params,
    PreRelocation,
    autarky,
    check_phi,
    dd_mover_gain,
    equilibrium,
    hft,
    hft_no_mover_check,
    hft_productivity_terms,
    hft_relocation_gains,
    hft_weights,
    hme_slope,
    market_B,
    north_productivity_min,
    north_welfare,
    phase,
    phi_P,
    phi_S,
    polar_welfare_gap,
    pre_relocation,
    productivity,
    productivity_pieces,
    relocation_equilibrium,
    relocation_gains,
    relocation_stage,
    relocation_threshold,
    results,
    south_varieties,
    south_welfare,
    stage_export_cutoff,
    weight_changes,
    welfare_metric,
    with_beta,
)

#: The paper, its chapter and its citation (see :class:`lib.contract.Paper`).
PAPER = Paper("bo", "Baldwin & Okubo (2014)", "International Trade, Offshoring and Heterogeneous Firms",
              2014, "baldwin_okubo", "baldwin2014offshoring", "offshoring")

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
    Item("bo", "§3.2.2 North's weights", "claim",
         "Freer trade pivots the North's weights and 'unambiguously' shifts weight to lower a",
         _T + "test_north_weights_do_not_pivot", "differs",
         "Between φ₀ = 0.4 and φ₁ = 0.55 (Figure 5's values) the North's weight changes sign four times "
         "along a: it falls below the old a_R and rises on (a_R, a_R′), not a single clockwise pivot."),
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
    Item("bo", "§3.2 DD location condition", "claim",
         "In the DD phase non-exporters move North until B = B*",
         _T + "test_dd_movers_lose_under_14", "partial",
         "The book moves firms until B = B* (the paper's location condition, which gives its φ_P and φ_S). "
         "Under the reconstructed (14) every non-exporter loses from moving at B = B* (the marginal DD "
         "mover's gain is −0.11 f at φ = 0.75 at the defaults), and the paper's own text says both that all Southern "
         "firms would wish to move and that re-sinking F is why no D-type moves."),
    Item("bo", "Result 4", "result", "The sustain point rises with β; no full agglomeration at β = ∞",
         _T + "test_result_4", "replicated"),
    Item("bo", "Result 5 (levels)", "result",
         "Relocation gives the North an extra productivity gain and dampens the South's",
         _T + "test_result_5_levels", "replicated",
         "Holds as a comparison of levels with the HFT benchmark at the same φ."),
    Item("bo", "Result 5 (North, DD)", "result",
         "In the DD phase freer trade always raises Northern productivity",
         _T + "test_result_5_north_differs", "differs",
         "Fails at the defaults: Northern productivity falls throughout the DD phase (its minimum is at "
         "φ ≈ 0.6136, just below φ_P). Over the admissible space the claim holds only in a minority of "
         "draws, mostly at high s_E (share and map in the chapter)."),
    Item("bo", "Result 5 (South)", "result",
         "Freer trade may lower the South's productivity; it does for large κ",
         _T + "test_result_5_south", "partial",
         "Southern productivity falls throughout the DD phase at every tested point (κ = σ = 2 closed "
         "form confirmed); the claim that a large κ is what makes it fall is not borne out."),
    Item("bo", "κ = σ = 2 derivative", "equation", "dã*/dφ in the DD phase for κ = σ = 2",
         _T + "test_kappa_sigma_2", "replicated",
         "The sign claim holds; the true derivative is φ√(f_I/f) times the printed formula, a positive "
         "factor (the φ almost surely lost in extraction; √(f_I/f) is the scale of a_D)."),
    Item("bo", "Footnote 11", "equation", "d ln W_X/dφ = (1-φ^(β-1))/((1+φ)(1+φ^β)) > 0",
         _T + "test_footnote_11", "replicated"),
    Item("bo", "§3.2 phase order", "claim", "DD migration begins 'when φ falls below φ_P'",
         _T + "test_phase_order", "differs",
         "A slip: the DD phase begins when φ rises above φ_P (the paper's own XX phase is φ < φ_P)."),
    Item("bo", "§3.2.1 mass of firms", "claim", "After relocation 'the global mass of firms must rise'",
         _T + "test_world_mass_of_firms_falls", "differs",
         "A slip: n^w falls by the factor 1/(1+φ^β), as the paper's neighbouring sentences say."),
    Item("bo", "§3.3 general case", "claim",
         "The two free-entry conditions and the location condition are dependent: any two imply the third",
         _T + "test_general_case_invariance", "replicated",
         "Two free-entry conditions imply B = B*; the book draws from this that the cut-offs do not depend "
         "on s_n, which the paper does not (it writes (21)-(22) with s_n; see Result 7, general case)."),
    Item("bo", "Result 6", "result", "Trade liberalisation always raises the South's welfare",
         _T + "test_result_6", "replicated"),
    Item("bo", "Result 7 (polar cases)", "result",
         "Instantaneous relocation leaves the South's welfare as under forbidden relocation",
         _T + "test_result_7", "replicated",
         "Identical at every φ, as the paper itself says in Section 4."),
    Item("bo", "Result 7 (general case)", "result",
         "Allowing relocation improves the South's welfare more when neither adjustment is instantaneous",
         _T + "test_general_case_invariance", "differs",
         "The paper's argument needs cut-offs that depend on s_n ((21)-(22) written with s_n, (25) 'from (9) "
         "and (22)'); with two free-entry conditions, which imply B = B* (the paper's Section 3.3), "
         "Δ + Δ* does not depend on where firms sit, so the cut-offs and the South's welfare do not "
         "depend on s_n in any steady state."),
    Item("bo", "§4 big-nation welfare", "claim",
         "The big nation's welfare rises unambiguously, the pro-productivity effect reinforcing cheaper imports",
         _T + "test_north_welfare_rises", "partial",
         "The welfare claim holds: the North's welfare rises with φ up to φ_S (and is constant beyond) in "
         "both polar cases. Its stated reason does not: Northern productivity falls through the DD phase "
         "at the defaults (Result 5, North)."),
    Item("bo", "§5 varieties in the South", "claim",
         "In the DD phase relocation reduces the number of varieties available in the small market",
         _T + "test_south_varieties_fall_in_dd", "partial",
         "Over the DD phase as a whole, and at its end, the South's varieties fall (a moving non-exporter "
         "stops selling there); at the defaults they fall throughout, but not everywhere (at s_E = 0.75 they "
         "first rise). At the defaults, against forbidden relocation at the same φ, the South has more "
         "varieties, not fewer."),
]


#: The figures (:mod:`.figures`, which loads pyplot and the book's style) load on first use of one
#: of their names: importing the package loads the model only.
__getattr__ = lazy_attributes(__name__, "figures")
