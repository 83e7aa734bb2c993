"""Gordon (2010), "People Are Not Bananas: How Immigration Differs from Trade".

The essay has no model and no figures.  This package keeps three things apart:

* :mod:`.essay`: the essay's propositions P0-P20 and conclusions C1-C3 (the
  book's paraphrases, with pin cites) and the tables T1-T2;
* :mod:`.data`: the essay's own numbers (``data/gordon_claims.csv``) and the
  data figures D1-D7 that chart them (:mod:`.charts`);
* :mod:`.model`: the book's small illustrations F1-F4 of arguments the essay
  engages (HOS factor-price equalisation, technology gaps, who gains from
  migration, a negotiation game), drawn by :mod:`.figures`, which declares
  all eleven figures (``FIGURES``).  None of these models is the author's.
"""

from lib.contract import Item, Paper, lazy_attributes

from .data import DATA_ROWS, Claim, ClaimsFormatError, claim, load_claims
from .essay import (
    PROPOSITIONS,
    TABLE_T1,
    TABLE_T2,
    proposition,
    table_t1_markdown,
    table_t2_markdown,
)
from .model import (
    PRESETS,
    RESULTS_DOC,
    BargainParams,
    GainsParams,
    HOSParams,
    Illustrations,
    TechParams,
    apply_preset,
    autarky,
    bargain,
    crossing_tau,
    free_migration,
    free_trade,
    migration_gains,
    migration_M_star,
    results,
)

__all__ = [
    "REGISTRY", "Claim", "ClaimsFormatError", "claim", "load_claims", "PROPOSITIONS", "TABLE_T1",
    "TABLE_T2", "proposition", "table_t1_markdown", "table_t2_markdown", "DATA_ROWS", "F2_EXTRAS",
    "F4_EXTRAS", "NO_PRESET", "fig_d1", "fig_d2", "fig_d3", "fig_d4", "fig_d5", "fig_d6", "fig_d7",
    "fig_f1", "fig_f2", "fig_f3", "fig_f4", "PRESETS", "BargainParams", "GainsParams", "HOSParams",
    "Illustrations", "RESULTS_DOC", "TechParams", "apply_preset", "autarky", "bargain", "crossing_tau",
    "free_migration", "free_trade", "migration_gains", "migration_M_star", "results",
]

#: The paper, its chapter and its citation (see :class:`lib.contract.Paper`).
PAPER = Paper("gordon", "Gordon (2010)", "People Are Not Bananas: How Immigration Differs from Trade",
              2010, "gordon", "gordon2010people", "migration_vs_trade")

_T = "tests/test_migration_vs_trade.py::"

# The essay has no figures or tables: D1-D7 and T1-T2 are the book's charts and tables of the
# essay's numbers and text (kind "chart"), F1-F4 the book's models (kind "illustration").  They are
# the book's own items, counted apart from the essay's propositions (lib.registry.BOOK_KINDS).
_FIGS = [
    ("D1", "Mexican-born population in the U.S., 1990-2008", "fig-gordon-d1", "fn 16-18 and 28 (P5)",
     "Grieco 2003; Passel & Cohn 2009; NAFTA signature from fn 28"),
    ("D2", "Governance matrix: three flows x three levels", "fig-gordon-d2", "Parts II-III, fn 29-88 (P2, P8-P12)",
     "colours are the book's summary of the essay's verbal account"),
    ("D3", "Counts of bilateral agreements (BITs, BFTAs, BLMAs)", "fig-gordon-d3", "fn 33, 42, 77, 79 (P9, P13)",
     "counts are not strength or coverage (fn 89)"),
    ("D4", "Agreement portfolios: BFTAs 2007, the U.S. portfolio, BLMA partners", "fig-gordon-d4",
     "fn 28, 36, 52, 81-82, 91 (P7-P9, P13)", "two zeros are the essay's 2010 present"),
    ("D5", "Estimated world gains from migration vs OECD aid", "fig-gordon-d5", "fn 22-23 and 145 (P6, C1)",
     "the cited CGE studies' numbers (World Bank 2005; Walmsley & Winters 2005) and OECD 2009"),
    ("D6", "Wage ratios compared in the Conclusion", "fig-gordon-d6", "fn 153 (C2)",
     "Eurostat; McRae 2003; Jus Semper 2008; hedged values drawn as bounds"),
    ("D7", "Timeline of governance events", "fig-gordon-d7", "fn 17-18, 26-28, 32, 38-40, 47, 55-63, 65, 73, 77, 87, 137",
     "dated events as the essay reports them"),
]
_ILLS = [
    ("F1", "HOS factor-price equalisation: trade and migration as perfect substitutes", "fig-gordon-f1",
     "P1, P4 (essay §I, pp. 1113-14, fn 13)", "Bhandari; Razin & Sadka 1997"),
    ("F2", "Technology differences: trade can widen the wage gap", "fig-gordon-f2",
     "P4 (essay §I, fn 13)", "Razin & Sadka 2001 at 26; not the essay's NAFTA mechanism"),
    ("F3", "Who gains from migration: immigration surplus vs migrants and origin", "fig-gordon-f3",
     "P17(a), (c) (essay §IV.B, pp. 1134-36, fn 120-121)",
     "echoes signs and shares; does not reproduce the cited studies' numbers"),
    ("F4", "Negotiation game: reciprocity, unilateral alternatives, Part V switches", "fig-gordon-f4",
     "P15, P18-P20 (essay §IV-§V)", "presets are stylised encodings, not measurements"),
]

#: Every chart, table, illustration and proposition of the chapter, and where the book has it.
REGISTRY: list[Item] = (
    [Item("gordon", i, "chart", t, lab, "illustration",
          "The book's chart of the essay's numbers (the essay has no figures): " + n, source=src)
     for i, t, lab, src, n in _FIGS]
    + [Item("gordon", i, "illustration", t, lab, "illustration",
            "The book's model, not in the essay: " + n, source=src)
       for i, t, lab, src, n in _ILLS]
    + [
        Item("gordon", "T1", "chart", "Part III scorecard: bilateral trade/investment accords vs BLMAs",
             _T + "test_table_t1", "illustration", "The book's table of the Part III text (the essay has no tables)",
             source="Part III, pp. 1128-30 (P14)"),
        Item("gordon", "T2", "chart", "Part IV parallel: flour-importing baker vs tomato cannery",
             _T + "test_table_t2", "illustration", "The book's table of the essay's two examples",
             source="§IV, pp. 1130-31 (P15)"),
    ]
)

_ILLUSTRATED = ("A model of the book cannot replicate a verbal claim; graded as illustrated. ")
_STATUS = {
    # id: (status, note)
    "P1": ("illustration", _ILLUSTRATED + "F1 shows the claim in the book's HOS model (equal world and "
           "national gains from trade and migration)"),
    "P3": ("replicated", "Verbal plus one number (Q01, fn 11), checked against the CSV"),
    "P4": ("illustration", _ILLUSTRATED + "F1 (inside the cone) and F2 (technology gap) illustrate the "
           "two halves the essay reports from Bhandari and Razin & Sadka"),
    "P14": ("replicated", "Verbal comparison; restated as Table T1"),
    "P15": ("illustration", _ILLUSTRATED + "Table T2 restates the parallel, F4 the 'beats acting alone' "
            "logic in a stylised game"),
    "P16": ("not rebuilt", "Verbal political-economy argument; restated with pin cite, nothing numerical or formal to rebuild"),
    "P17": ("illustration", _ILLUSTRATED + "F3 echoes (a)'s small destination gain and (c)'s migrants' large "
            "share in a one-good model; (b), which the essay offers 'more speculatively' and comparatively, "
            "is not modelled; the essay's hedges stand"),
    "P18": ("illustration", _ILLUSTRATED + "F4's ρ switch encodes it (a stylised game)"),
    "P19": ("illustration", _ILLUSTRATED + "F4's θ and ρ together encode the author's refinement (a stylised game)"),
    "P20": ("illustration", _ILLUSTRATED + "F4's ε, κ, λ switches encode V(i), (iii)-(v) (a stylised game); "
            "V(ii) is not modelled; its numbers (Q79, Q80) are checked against the CSV"),
    "C1": ("not rebuilt", "The author's normative position (the remittances point reports policy experts' view, "
           "fn 147); presented with pin cite, not tested; D5 charts the aid figure"),
    "C2": ("not rebuilt", "The author's normative position; presented with pin cite, not tested; D6 charts the wage ratios"),
    "C3": ("not rebuilt", "The author's normative position; presented with pin cite, not tested"),
}

#: The test that checks each proposition's restatement, numbers or illustration.
_TESTS = {"P1": "test_f1_trade_and_migration_equivalent_inside_cone",
          "P3": "test_p3_outsourcing_ratio",
          "P4": "test_f2_checkpoints_and_crossing",
          "P14": "test_table_t1", "P15": "test_table_t2",
          "P17": "test_f3_defaults", "P18": "test_f4_presets", "P19": "test_f4_presets",
          "P20": "test_f4_presets"}


def _charted_in(claims) -> list[str]:
    """The data figures (``D1`` ...) that chart every one of ``claims``; [] if some are not charted."""
    figs = sorted({k.upper() for k, rows in DATA_ROWS.items() if set(claims) & set(rows)})
    charted = set().union(*(DATA_ROWS[f.lower()] for f in figs)) if figs else set()
    return figs if set(claims) <= charted else []


def _default_note(p) -> str:
    if not p.claims:
        return "Paraphrased with pin cite"
    figs = _charted_in(p.claims)
    if figs:
        return f"Paraphrased with pin cite; its numbers charted in {', '.join(figs)} and checked against the CSV"
    return "Paraphrased with pin cite; its numbers checked against the CSV (not all of them are charted)"


for _p in PROPOSITIONS:
    _status, _note = _STATUS.get(_p.id, ("replicated", _default_note(_p)))
    _test = _TESTS.get(_p.id, "test_propositions_quote_csv_numbers" if _p.claims
                       else "test_proposition_pin_cites")
    _fig = f" (see {_p.figure.replace('fig-gordon-', '').upper()})" if _p.figure else ""
    REGISTRY.append(Item("gordon", _p.id, "claim", f"{_p.title} ({_p.cite})", _T + _test,
                         _status, _note + _fig))


#: The figures (:mod:`.figures`, which loads pyplot and the book's style) load on first use of one
#: of their names: importing the package loads the model only.
__getattr__ = lazy_attributes(__name__, "figures")
