"""The replication registry of Fernández-Arias & Spiegel (1996): every figure and result."""

from lib.registry import Item

_T = "tests/test_customs_unions.py::test_result_"


def _r(n, title, status="replicated", note="", kind="result"):
    return Item("fas", f"R{n}", kind, title, f"{_T}{n}", status, note)


REGISTRY: list[Item] = [
    Item("fas", "Fig. 1", "figure", "Northern partner's welfare: areas III, IV, V", "fig-fas-1", "partial",
         "The figure itself is missing from the only (OCR) copy; rebuilt from the text's description. "
         "ΔW_N = III + V − IV holds exactly; the label I+II is ours."),
    _r(1, "The host complies iff Ω ≥ Ω*; θ = 1 − F(Ω*), (4)-(5)", note="",
       status="replicated"),
    _r(2, "More FDI makes the host riskier: (7), (21), (22) < 0"),
    _r(3, "The accord raises credibility at given K: (6), (23a) > 0, (23b) = 0",
       status="partial", note="(6) and (23a) are illegible in the OCR; reconstructed and checked with sympy."),
    _r(4, "Two-country equilibrium exists, is interior and unique iff (E1)-(E2)", status="partial",
       note="(E2) (finite K) is not in the legible text; §2.2 of the paper is lost."),
    _r(5, "The accord attracts FDI: dK/dτ > 0 through two channels, (9)"),
    _r(6, "Equilibrium θ falls with τ: dθ/dτ = −θ/(1+τ) (implied)"),
    _r(7, "The partner's expected income rises: dE(U)/dτ > 0, (11)"),
    _r(8, "Gains larger with more trade and a safer partner (informal)", status="partial",
       note="True for trade volume, for the paper's own ceteris-paribus reading and for the penalty scale θ̄; "
            "ambiguous if 'safer' means a higher equilibrium θ (depends on which primitive moves it)."),
    _r(9, "Three-country risk derivatives (21)-(23); P cancels from Ω^{Z*}"),
    _r(10, "The determinant Δ of the appendix system is positive", status="partial",
       note="The appendix is lost; our Δ may differ from the paper's by a positive factor."),
    _r(11, "FDI creation and diversion: dKᴬ/dτ > 0 > dKᴮ/dτ, (24)"),
    _r(12, "Trade creation: output rises, P falls; |b dKᴮ| < a dKᴬ, (25)"),
    _r(13, "Aggregate FDI ambiguous; rises if a ≤ b; exact test (26)-(27)",
       status="partial", note="m in (27) is garbled in the OCR; m = −(∂θᴮ/∂Kᴮ)sᴮ is our reading (bounded)."),
    _r(14, "Limits: λ → 0 removes diversion; a small partner gives back (9)"),
    _r(15, "Northern welfare (28) = III + V − IV; sign ambiguous; needs Ψ > 0", status="partial",
       note="Ψ is defined in the lost appendix; ours has every property the text states."),
    _r(16, "Partner's income change (30) ambiguous: direct +, terms of trade −, FDI +"),
    _r(17, "The non-member loses: dE(Uᴮ)/dτ < 0, (32)"),
    _r(18, "The South as a whole: ambiguous", status="partial",
       note="The paper's combined expression is lost; both signs shown numerically."),
    _r(19, "The enforcement link makes a welfare-raising accord more likely for the North", kind="claim",
       status="partial", note="Not a theorem: holds at the defaults and in most draws, not in all; our test "
                              "of the paper's main message with a no-link counterfactual."),
]
