"""Schiff (2014): small states, negotiating blocs and intra-bloc migration.

``from lib.negotiating_blocs import Params, results, fig_1`` is all a chapter needs.
See :mod:`.model` (numerics of Sections II and III), :mod:`.hos` (Section IV: the book's
Heckscher-Ohlin block for Proposition 3), :mod:`.geometry` (Figure 1's areas), :mod:`.figures`
(figures) and :mod:`.derivations` (sympy derivations of (6), (7), (8), (10), (13)).
"""

from lib.contract import Item, Paper, lazy_attributes

from .model import RESULTS_DOC, Params, results, solve

__all__ = ["Params", "RESULTS_DOC", "results", "solve", "fig_1", "fig_s1", "fig_s2", "fig_s3", "fig_s4", "fig_s5",
           "FIG1_CONTROLS", "FIG1_EXTRAS", "REGISTRY"]

#: The paper, its chapter and its citation (see :class:`lib.contract.Paper`).
PAPER = Paper("schiff", "Schiff (2014)",
              "Small States, Micro States, and their International Negotiation and Migration",
              2014, "schiff", "schiff2014small", "negotiating_blocs")

_T = "tests/test_negotiating_blocs.py::"

#: Every figure, equation and proposition of the paper, and what became of it.
REGISTRY: list[Item] = [
    Item("schiff", "Fig. 1", "figure",
         "Average and marginal bloc benefit, with/without migration and accession fee",
         "fig-schiff-1", "partial",
         "Rebuilt in full from the book's functional forms [B] (the paper is qualitative). "
         "Sketch simplifications: point N is not z^E below D when the migration curve is a curve "
         "in n (it is on the optional adjustment path); one marginal curve serves both regimes "
         "only approximately (D′A′E′ ≈ G̃*−G̃^E)."),
    Item("schiff", "Eq. (6)", "equation", "Comparative statics of the no-fee size n^E",
         _T + "test_eq6_symbolic", "replicated"),
    Item("schiff", "Eq. (7)", "equation", "Comparative statics of the fee size n*",
         _T + "test_eq7_symbolic", "differs",
         "dn*/dx: the printed numerator C^I_x + nC^I_nx lacks a −1 (from −B^1(x)); with C^I ∝ x/n "
         "it is identically 0. The α part is correct."),
    Item("schiff", "Eq. (8)", "equation", "Heterogeneity after migration α(M)",
         _T + "test_eq8_10_13_symbolic", "partial",
         "Lost in the extraction; reconstructed by integrating the surviving derivative, read as −4/(2M+1). "
         "Its glyphs also parse as −2/(M+1): the same map with M in units twice as large, so every verdict "
         "is the same and the example costs halve. A literal uniform distribution gives α₀ − 2√(2Mα₀/n⁰) "
         "instead (offered as a switch)."),
    Item("schiff", "Eqs. (10), (11), (13)", "equation", "Optimal migration and heterogeneity",
         _T + "test_eq8_10_13_symbolic", "partial",
         "Lost in the extraction; reconstructed from (8) and (9) and checked with sympy."),
    Item("schiff", "Footnote 14", "claim", "Second-order condition of the migration choice holds",
         _T + "test_footnote14_soc", "partial",
         "Not implied by (1)-(3), so it depends on functional forms. Holds in the book's forms at the defaults; "
         "it is the reason the book adds γ₀: with the book's R = ρ ln(Nn), the reconstructed (8) and footnote "
         "7's cost alone it would fail (a property of the book's choices, not a fault found in the paper)."),
    Item("schiff", "Prop. 1(i)", "proposition",
         "Formation likelihood rises with x and falls with α", _T + "test_prop1_i", "replicated"),
    Item("schiff", "Prop. 1(ii)", "proposition",
         "No fee: n^E maximises B but not regional welfare", _T + "test_prop1_ii", "replicated"),
    Item("schiff", "Prop. 1(iii)", "proposition",
         "Fee: n* > n^E, founders get n*B*/n^E > B^E, welfare maximised", _T + "test_prop1_iii",
         "replicated"),
    Item("schiff", "Prop. 1(iv)", "proposition", "dn^j/dα < 0 and dn^j/dx > 0 (j = E, *)",
         _T + "test_prop1_iv", "replicated",
         "dn*/dx > 0 holds with the corrected (7); the printed formula would give 0."),
    Item("schiff", "Prop. 1(v)", "proposition",
         "A fee lets a bloc form for α̂^E < α < α̂*", _T + "test_prop1_v", "differs",
         "α̂* = α̂^E exactly for any functional forms, because V = nB: if max B ≤ 0 then V ≤ 0. "
         "The strict version holds only with migration (Prop. 2(iv))."),
    Item("schiff", "Prop. 2(i)", "proposition", "ΔG^j rises with heterogeneity",
         _T + "test_prop2_i", "partial",
         "Conditional: needs V^j_α(α̃) > V^j_α(α₀) (e.g. concave V^j), not implied by (1)-(3). "
         "Holds for α₀ ≤ 1 at the defaults; fails e.g. at γ₁ = 0.5, c = 4 (moving α₀ off the identity "
         "α₀ = n^E₀), and, keeping the identity, for the no-fee regime at ρ = 2.9, x = 1, γ₀ = 0.06, "
         "γ₁ = 0.6, N = 8, c = 13; none found for the fee regime."),
    Item("schiff", "Prop. 2(ii)", "proposition", "ΔG^j falls with the migration cost c",
         _T + "test_prop2_ii", "replicated"),
    Item("schiff", "Prop. 2(iii)", "proposition",
         "With cheap migration the bloc is larger, worth more and more likely to form",
         _T + "test_prop2_iii", "replicated",
         "The formation thresholds with migration lie beyond the Section III range α₀ ≤ 1."),
    Item("schiff", "Prop. 2(iv)", "proposition",
         "With migration, a fee raises value, size and formation likelihood",
         _T + "test_prop2_iv", "replicated"),
    Item("schiff", "Prop. 3", "proposition",
         "Migration and trade: substitutes under transfers, complements under market access",
         _T + "test_prop3", "replicated",
         "In the book's small Heckscher-Ohlin block [B]; the paper argues verbally."),
]


#: The figures (:mod:`.figures`, which loads pyplot and the book's style) load on first use of one
#: of their names: importing the package loads the model only.
__getattr__ = lazy_attributes(__name__, "figures")
