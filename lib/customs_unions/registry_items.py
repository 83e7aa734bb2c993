"""The replication registry of Fernández-Arias & Spiegel (1996): every figure and result."""

from lib.contract import Item

_T = "tests/test_customs_unions.py::test_result_"


#: One rule for every result (issue #12 of the book, item 19): the grade is about the claim as the
#: legible text states it.  A claim that survives legibly (in words or as a sign) and holds in the
#: model is ``replicated``, even if the formula behind it had to be rebuilt (the note says so).  It
#: is ``partial`` when its statement itself is lost and survives only through our reconstruction
#: (STATEMENT_LOST), or when it holds only under one reading (CONDITIONAL).
STATEMENT_LOST = ("R1", "R4", "R13", "R15", "R18")
CONDITIONAL = ("R8", "R19")


def _r(n, title, status=None, note="", kind="result"):
    rid = f"R{n}"
    grade = "partial" if rid in STATEMENT_LOST or rid in CONDITIONAL else "replicated"
    if status is not None and status != grade:
        raise ValueError(f"{rid}: status {status!r} breaks the registry's rule ({grade!r})")
    return Item("fas", rid, kind, title, f"{_T}{n}", grade, note)


REGISTRY: list[Item] = [
    Item("fas", "Fig. 1", "figure", "Northern partner's welfare: areas III, IV, V", "fig-fas-1", "partial",
         "The figure itself is missing from the only (OCR) copy; rebuilt from the text's description. "
         "ΔW_N = III + V − IV holds exactly; the label I+II is ours."),
    _r(1, "The host complies iff Ω ≥ Ω*; θ = 1 − F(Ω*), (4)-(5)",
       note="§2.2, where (2)-(6) stood, is lost; the rule survives only through our reconstruction of (4)-(5) "
            "(the three-country §3.2 refers back to it). Holds in the reconstructed model."),
    _r(2, "More FDI makes the host riskier: (7), (21), (22) < 0"),
    _r(3, "The accord raises credibility at given K: (6), (23a) > 0, (23b) = 0",
       note="The signs survive in the text ('> 0', '= 0'); the formulas (6) and (23a) are illegible and "
            "were reconstructed and checked with sympy."),
    _r(4, "Two-country equilibrium exists, is interior and unique iff (E1)-(E2)",
       note="(E2) (finite K) is not in the legible text; §2.2 of the paper is lost."),
    _r(5, "The accord attracts FDI: dK/dτ > 0 through two channels, (9)"),
    _r(6, "Equilibrium θ falls with τ: dθ/dτ = −θ/(1+τ) (implied)"),
    _r(7, "The partner's expected income rises: dE(U)/dτ > 0, (11)"),
    _r(8, "Gains larger with more trade and a safer partner (informal)",
       note="True for trade volume, for the paper's own ceteris-paribus reading and for the penalty scale θ̄; "
            "ambiguous if 'safer' means a higher equilibrium θ (depends on which primitive moves it)."),
    _r(9, "Three-country risk derivatives (21)-(23); P cancels from Ω^{Z*}"),
    _r(10, "The determinant Δ of the appendix system is positive",
       note="The text states Δ > 0 ('shown to be positive in the appendix'); the appendix is lost, and our Δ "
            "may differ from the paper's by a positive factor."),
    _r(11, "FDI creation and diversion: dKᴬ/dτ > 0 > dKᴮ/dτ, (24)"),
    _r(12, "Trade creation: output rises, P falls; |b dKᴮ| < a dKᴬ, (25)"),
    _r(13, "Aggregate FDI ambiguous; rises if a ≤ b; exact test (26)-(27)",
       note="m in (27) is garbled in the OCR; m = −(∂θᴮ/∂Kᴮ)sᴮ is our reading (bounded)."),
    _r(14, "Limits: λ → 0 removes diversion; a small partner gives back (9)"),
    _r(15, "Northern welfare (28) = III + V − IV; sign ambiguous; needs Ψ > 0",
       note="Ψ is defined in the lost appendix; ours has every property the text states."),
    _r(16, "Partner's income change (30) ambiguous: direct +, terms of trade −, FDI +"),
    _r(17, "The non-member loses: dE(Uᴮ)/dτ < 0, (32)"),
    _r(18, "The South as a whole: ambiguous",
       note="The paper's combined expression is lost; both signs shown numerically."),
    _r(19, "The enforcement link makes a welfare-raising accord more likely for the North", kind="claim",
       note="Not a theorem: holds at the defaults and in most draws, not in all; our test "
                              "of the paper's main message with a no-link counterfactual."),
    Item("fas", "§3.3 ε gloss", "claim",
         "A large ελ means 'demand is highly elastic', which makes aggregate FDI fall",
         "tests/test_customs_unions.py::test_eps_gloss_is_backwards", "differs",
         "The paper defines ε = −D′s/D, the flexibility of inverse demand: a large ε is an inelastic demand "
         "(price elasticity 1/ε). (27) is right, but the gloss is backwards: diversion grows as demand "
         "becomes less elastic. At the 'FDI diversion' preset d(Kᴬ+Kᴮ)/dτ at τ = 0 is +1.03 at ε = 0.1 "
         "(elasticity 10) and −1.36 at ε = 4 (elasticity 0.25)."),
]
