"""The essay's argument as data: propositions P0-P20, conclusions C1-C3, tables T1-T2.

Statements are the book's paraphrases (the essay's hedges kept in quotation
marks); page cites follow the essay's own table of contents (104 Nw. U. L.
Rev. 1109).  The chapter renders these; the tests check the pin cites against
:data:`SECTION_PAGES` and that every claim id cited exists in the CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import tables
from .model import RESULTS_DOC

#: Section -> (first page, last page), from the essay's table of contents
#: (the end page 1145 is inferred from the page layout; see the brief).
SECTION_PAGES: dict[str, tuple[int, int]] = {
    "Intro": (1109, 1111), "I": (1111, 1116), "II": (1116, 1117), "II.A": (1117, 1121),
    "II.B": (1121, 1128), "III": (1128, 1130), "IV": (1130, 1132), "IV.A": (1132, 1133),
    "IV.B": (1133, 1137), "IV.C": (1137, 1137), "IV.D": (1137, 1139), "V": (1139, 1142),
    "Concl.": (1142, 1145),
}


@dataclass(frozen=True)
class Proposition:
    """One step of the essay's argument (the book's paraphrase).

    ``figure`` is the chapter's figure label that speaks to it (or ``""``);
    ``claims`` the CSV rows whose numbers the statement uses.
    """

    id: str
    section: str
    pages: tuple[int, int]
    title: str
    statement: str
    figure: str = ""
    claims: tuple[str, ...] = ()
    normative: bool = False

    @property
    def cite(self) -> str:
        a, b = self.pages
        return f"§{self.section}, p. {a}" if a == b else f"§{self.section}, pp. {a}–{str(b)[-2:]}"


PROPOSITIONS: tuple[Proposition, ...] = (
    Proposition("P0", "Intro", (1109, 1111), "The puzzle",
                "Classical economics treats trade and labour migration as two routes to the same "
                "end, higher world income; yet many rich countries keep migration barriers high "
                "while trade barriers have fallen, and the U.S. negotiates trade at every level "
                "but stays \"stubbornly unilateral\" on labour migration. The essay sets out to "
                "explain this; \"as far as I know\" no law-review work has (fn 3).",
                "fig-gordon-d2"),
    Proposition("P1", "I", (1111, 1112), "The classical claim",
                "With unequal endowments, free trade (comparative advantage, fn 4) and free labour "
                "migration (usually read as absolute advantage, fn 5) both maximise world wealth "
                "(fn 6; Trebilcock: theory \"suggests\" the optimal immigration policy is none). "
                "The argument extends to capital, with less consensus (fn 7-8).",
                "fig-gordon-f1"),
    Proposition("P2", "I", (1112, 1113), "Two dimensions of asymmetry",
                "For about twenty years states have \"largely\" acted as if the theory held for "
                "trade and investment, liberalising mostly through agreements; \"many\" wealthy "
                "destinations act as if it failed for (especially low-skilled) migration, and "
                "where they run temporary programmes they do so unilaterally or bilaterally. "
                "Migration differs in restrictiveness and in coordination (fn 10).",
                "fig-gordon-d2", ("Q02",)),
    Proposition("P3", "I", (1113, 1113), "Substitutes, part 1: outsourcing",
                "Free trade cannot make migration unnecessary by moving jobs abroad, because most "
                "U.S. work is locally rooted services: service-plus-construction workers "
                "outnumbered manufacturing workers by more than 8 to 1 in July 2010 (fn 11); "
                "service industries lead the lobbying for migration (fn 12).",
                "", ("Q01",)),
    Proposition("P4", "I", (1113, 1114), "Substitutes, part 2: Heckscher-Ohlin-Samuelson",
                "From the developing-country side, HOS says trade lets poor countries specialise "
                "in labour-intensive goods, raising wages and the incentive to stay. The essay "
                "reports Bhandari (complete substitutes for relative wages) and Razin & Sadka "
                "(perfect substitutes if countries differ only in labour abundance; with "
                "technology gaps trade \"may even widen the wage gap\") (fn 13).",
                "fig-gordon-f1"),
    Proposition("P5", "I", (1114, 1115), "NAFTA as the counter-example",
                "NAFTA was sold as letting Mexico \"export goods and not people\" (fn 14-15); "
                "instead Mexican migration rose and stayed high for over a decade: the "
                "Mexican-born U.S. population \"more than doubled\", from 4.3M (1990) to 9.2M (2000), "
                "and peaked at 11.6M (2008) (fn 16-18). The mechanism offered is qualitative: capital inflows, "
                "agribusiness displacing small farmers, internal then northward moves (fn 19-20).",
                "fig-gordon-d1", ("Q04", "Q05", "Q07", "Q08", "Q09")),
    Proposition("P6", "I", (1115, 1116), "Economists' pivot: migration's bigger potential gains",
                "Economists increasingly argue that the potential gains from migration \"dwarf\" "
                "those from freer trade: one model gives $52bn more from a small rise in migration "
                "than from removing all goods-trade barriers (fn 22); the World Bank gives $356bn "
                "by 2025 for a 3% larger rich-country labour force, Walmsley & Winters $156bn "
                "(fn 23). Low-skilled migration \"appears to deliver\" more (fn 24). Why, then, "
                "does migration lag?",
                "fig-gordon-d5", ("Q11", "Q12", "Q14")),
    Proposition("P7", "II", (1116, 1117), "U.S. unilateralism",
                "The last U.S. negotiation with an origin country over low-wage migration was the "
                "Bracero accord (more than 4M workers, 1942-64, fn 26); since then policy has been "
                "unilateral with rare exceptions (fn 27), and no bilateral low-wage agreement "
                "(fn 28). Skilled provisions appear only occasionally (e.g. NAFTA's TN visa; 1,400 "
                "Chilean visas under the 2003 FTA).",
                "fig-gordon-d4", ("Q17", "Q19", "Q21")),
    Proposition("P8", "II.A", (1117, 1119), "Trade is governed at every level",
                "The WTO (153 members, fn 29); regional accords covering almost a third of world "
                "trade (fn 31); well over 200 BFTAs (fn 33), driven by powerful states (2007: U.S. "
                "15+9, EU 32+4, Singapore 9+12; fn 36), \"generally\" with MFN and national "
                "treatment (fn 35).",
                "fig-gordon-d4", ("Q22", "Q23", "Q25", "Q26", "Q27", "Q28", "Q29", "Q30", "Q31")),
    Proposition("P9", "II.A", (1119, 1121), "Investment: no multilateral regime, dense bilateral one",
                "The MAI failed (1998) and the Doha investment track broke down (2003), but well "
                "over 2,000 BITs were signed in twenty years (2,265 in 1989-2007) and govern 43% "
                "of FDI (fn 38-43). All trade and investment regimes are binding, with fora and "
                "penalties (fn 50). U.S. in 2007: WTO, 2 regional arrangements, 48 BITs, 15 BFTAs.",
                "fig-gordon-d3", ("Q32", "Q33", "Q35", "Q36", "Q37", "Q41", "Q42", "Q43")),
    Proposition("P10", "II.B", (1121, 1121), "Migration: more restricted, less coordinated",
                "No binding multilateral mechanism exists or is seriously contemplated; regional "
                "free movement at all skill levels exists only in the EU; bilateral agreements are "
                "rising but many are nonbinding and they cover a small share of migration.",
                "fig-gordon-d2", ("Q44", "Q56")),
    Proposition("P11", "II.B", (1121, 1123), "No multilateral regime",
                "The nearest is the refugee regime (UNHCR, nearly 34M displaced people; its "
                "readings of the 1951 Convention not binding), and most of the nearly 200M "
                "migrants (a count of those abroad \"for a year or more\", fn 56) fall outside it. Proposals since 2000 (Ghosh, Bhagwati's WMO, GCIM, the "
                "2006 UN dialogue, the GFMD) have produced no binding accord (fn 54-63).",
                "fig-gordon-d7", ("Q45", "Q46", "Q48", "Q50", "Q51", "Q52", "Q54", "Q55")),
    Proposition("P12", "II.B", (1123, 1125), "Limited regional governance",
                "The EU has had free movement since it was founded in 1957, with customary seven-year "
                "transitions for new members, as for the ten central and eastern European countries "
                "that joined in 2004 and 2007 (fn 66). Elsewhere regional accords favour the high-skilled; low-skilled "
                "mobility is at most an intention (ECOWAS 15 states, COMESA 19 \"still "
                "aspirational\", the Andean Community \"moving toward\" it), and the major "
                "destinations are absent (fn 64-74).",
                "fig-gordon-d2", ("Q57", "Q59", "Q63", "Q64", "Q65")),
    Proposition("P13", "II.B", (1125, 1128), "Weak but growing bilateral governance",
                "BLMAs are old but re-emerging: 176 in the 30 OECD countries (2004), more than 140 "
                "in Latin America, the Philippines with at least 14 partners, Spain 8. They cover "
                "a small share of migration, supplement domestic law, are often nonbinding MOUs "
                "without dispute procedures; the U.S. and many Gulf states have none (fn 75-88).",
                "fig-gordon-d3", ("Q69", "Q71", "Q72", "Q73", "Q74", "Q75")),
    Proposition("P14", "III", (1128, 1130), "Bilateral trade and investment accords are stronger",
                "On comprehensiveness, protection and enforceability, relation to domestic law, "
                "bilateral-versus-regional strength and uniformity, bilateral trade and investment "
                "agreements beat BLMAs (Table T1). The author found no satisfactory measure of "
                "how much migration BLMAs govern (fn 89).",
                ""),
    Proposition("P15", "IV", (1130, 1132), "Parallels, and the three-step thesis",
                "Trade and migration \"appear\" to make similar winners and losers (Table T2) and "
                "draw similar charges from \"the same types of people\" (fn 101), yet politics gave "
                "way on trade only. Thesis: people differ from goods; rich states see a lower "
                "payoff, partly because trade is reciprocal and migration one-way; and they can "
                "\"in almost all cases\" meet labour needs unilaterally. Cooperation is attractive "
                "only when it beats acting alone.",
                "fig-gordon-f4"),
    Proposition("P16", "IV.A", (1132, 1133), "People have different impacts",
                "Migrants put down roots, use public services and claim rights, and eventually "
                "they or their children vote (fn 102-103). Those who gain most are \"less likely "
                "to be able to vote\", consumer gains are diffuse, and employers \"have trouble\" "
                "organising as beneficiaries (Rodrik, fn 105; fn 106)."),
    Proposition("P17", "IV.B", (1133, 1137), "Gains are distributed differently",
                "(a) A destination's national gain \"appears to be greater\" from trade than from "
                "immigration, where evidence \"appears to be settling\" on a small net positive "
                "(fn 107-112). (b) \"More speculatively\", the distribution of the global gains \"may favor "
                "developed countries more in the case of trade than in the case of immigration\" "
                "(fn 113-119). (c) \"Assuming economists are correct\", \"it appears\" "
                "that most of migration's gains go to migrants and origin countries (fn 120-121).",
                "fig-gordon-f3"),
    Proposition("P18", "IV.C", (1137, 1137), "Trade is reciprocal, immigration is not",
                "For rich countries trade is never pure import, while migration nearly is (fn 123). "
                "Trade is sold politically on exports (fn 124-125); migration lacks that quid pro "
                "quo, which \"becomes an obstacle\" in destination politics.",
                "fig-gordon-f4"),
    Proposition("P19", "IV.D", (1137, 1139), "Rich states have unilateral alternatives",
                "To export or invest, Country A needs Country B's cooperation; to get workers it "
                "can legislate alone, since would-be migrants are oversupplied (fn 126). The "
                "author's refinement of Hatton (pp. 1138-39): reciprocity alone \"appears "
                "inadequate\"; what matters is whether the stronger state needs the weaker one's "
                "cooperation. Trade and investment have both \"the genuine possibility of "
                "reciprocity\" and no unilateral route; low-wage migration has neither.",
                "fig-gordon-f4"),
    Proposition("P20", "V", (1139, 1142), "Why BLMAs are signed anyway",
                "Possible reasons, each hedged: (i) issue linkage (Hatton, Meyers; but BLMAs are "
                "generally not tied to trade); (ii) labour needs without integration duties, which "
                "does not explain bilateralism; (iii) the \"most commonly floated\": enlisting "
                "origin states against unauthorized migration, though \"few BLMAs appear\" built "
                "so; (iv) cheap, low-profile experimentation (\"may be perceived\" as low-cost); "
                "(v) historical or cultural ties. Closing worry: deals under an \"overwhelming "
                "imbalance of power\".",
                "fig-gordon-f4", ("Q79", "Q80")),
    Proposition("C1", "Concl.", (1142, 1143), "\"Migration as development\" understates costs",
                "The author's position: migration's costs to migrants, families, origin "
                "communities and some destination workers are understated. She reports that "
                "\"a number of policy experts\" find that remittances \"appear\" to go mostly to "
                "consumption and construction (fn 147), and that they may have let governments avoid "
                "investing in growth that makes staying a real option (fn 148). OECD aid was "
                "nearly $119.8bn in 2008 (fn 145).",
                "fig-gordon-d5", ("Q81",), True),
    Proposition("C2", "Concl.", (1143, 1145), "Structuring inevitable migration",
                "The author's position: some migration is inevitable, so the question is how to "
                "structure it fairly: top-down (a WMO or WTO-style body, fn 149-150), bottom-up "
                "(her Transnational Labor Citizenship proposal, fn 151), and the EU as a \"natural "
                "experiment\" with full mobility despite wage gaps as high as 16:1, more than twice "
                "the U.S.-Mexico gap of about 6:1 (fn 152-155).",
                "fig-gordon-d6", ("Q82", "Q83", "Q90"), True),
    Proposition("C3", "Concl.", (1145, 1145), "The inconsistency and the next step",
                "The author's position: the inconsistent governance of money, goods and people has "
                "produced mass undocumented migration; the next step is politically realistic "
                "regional cooperation and openness.",
                "", (), True),
)

#: Table T1 (Part III scorecard): dimension -> (bilateral trade/investment, BLMAs).
TABLE_T1: tuple[tuple[str, str, str], ...] = (
    ("Comprehensiveness", "cover most or all flows of goods and capital between the parties",
     "narrow: a special, often capped class of migrants"),
    ("Protection and enforceability", "penalties, dispute procedures, special tribunals",
     "minimal rights; rarely enforcement; often nonbinding MOUs"),
    ("Relation to domestic law", "routinely supersede it",
     "merely supplement it (South Korea's six BLMAs sit inside its Employment Permit System, fn 91)"),
    ("Bilateral vs regional", "bilateral deals stronger than regional ones",
     "reversed: bilateral deals weaker than regional ones"),
    ("Uniformity and transparency", "terms echo each other (investment more than trade)",
     "vary widely; often secret (fn 93-94)"),
)

#: Table T2 (Part IV intro): the classical lineup of winners and losers, as the essay "appears" to see it.
TABLE_T2_HEAD = ("", "Foreign seller / migrant", "Domestic firm", "Consumers",
                 "Competing domestic producers / workers")
TABLE_T2: tuple[tuple[str, ...], ...] = (
    ("Trade: a baker imports flour", "gain (higher price than at home)", "gain (cheaper flour)",
     "gain (cheaper crackers)", "loss (prices, jobs); a tiny gain as consumers"),
    ("Migration: a cannery hires migrants", "gain (higher wage than at home)", "gain (cheaper labour)",
     "gain (cheaper canned tomatoes)", "loss (wages fall); a tiny gain as consumers"),
)


def table_t1_markdown() -> str:
    """Table T1 as a Markdown table."""
    return tables.markdown_table(["Dimension", "Bilateral trade and investment accords", "BLMAs"],
                                 TABLE_T1)


def table_t2_markdown() -> str:
    """Table T2 as a Markdown table."""
    return tables.markdown_table(TABLE_T2_HEAD, TABLE_T2)


def proposition(pid: str) -> Proposition:
    """The proposition with id ``pid``."""
    for p in PROPOSITIONS:
        if p.id == pid:
            return p
    raise KeyError(f"no proposition {pid!r}")


def propositions_markdown(ids) -> str:
    """The propositions ``ids`` as MyST Markdown, one paragraph each, with pin cite and figure."""
    out = []
    for pid in ids:
        p = proposition(pid)
        fig = f" See {{numref}}`{p.figure}`." if p.figure else ""
        who = " *(the author's position)*" if p.normative else ""
        text = p.statement.replace("$", "\\$")  # dollars, not MyST math
        out.append(f"**{p.id}** ({p.cite}) — *{p.title}.*{who} {text}{fig}")
    return "\n\n".join(out)


def results_markdown(res: dict) -> str:
    """A Markdown table of ``results()`` (pandas-free)."""
    return tables.results_markdown(res, RESULTS_DOC)


def presets_markdown(params=None) -> str:
    """F4's presets and their outcomes at ``params`` (default parameters) as a Markdown table."""
    from .model import PRESETS, BargainParams, apply_preset, bargain

    base = params if params is not None else BargainParams()
    rows = []
    for name, (_, anchor, _) in PRESETS.items():
        q = apply_preset(base, name)
        o = bargain(q)
        rows.append([name, anchor, f"{q.theta:g}", f"{q.rho:g}", f"{o.a0:.3f}", f"{o.b0:.3f}",
                     "yes" if o.feasible else "no", f"{o.e:.4f}", f"{o.dA:.4f}", f"{o.dB:.4f}"])
    return tables.markdown_table(["Preset (the book's encoding)", "Essay anchor", "θ", "ρ", "a₀", "b₀",
                                  "deal", "e*", "ΔA", "ΔB"], rows)
