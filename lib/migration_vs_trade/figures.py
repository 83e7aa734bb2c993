"""Figures of the Gordon chapter.

Two kinds, kept apart:

* **Data figures** ``fig_d1`` … ``fig_d7``: charts of numbers the essay itself
  reports, every value read by id from ``gordon_claims.csv`` (see
  :data:`DATA_ROWS`, which the tests compare with the CSV).  Bounds ("well
  over", "nearly" …) are drawn with arrows or open markers, never as points.
* **Illustrations** ``fig_f1`` … ``fig_f4``: the book's small models of
  arguments the essay engages (the models are not in the essay).
"""

from __future__ import annotations

import dataclasses

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from lib.contract import Explore, FigureSpec, figures
from lib.figures import COLORS, new_axes, nice_ceil
from lib.params import Control

from . import model as mdl
from .data import DATA_ROWS, load_claims  # noqa: F401 - DATA_ROWS re-exported

H_COL, F_COL = COLORS["north"], COLORS["south"]

# ---------------------------------------------------------------------------
# Data figures
# ---------------------------------------------------------------------------



def _claims(claims):
    return claims if claims is not None else load_claims()


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


def _hedged(c) -> str:
    """A value with the essay's hedge in words: 'well over 200'."""
    return f"{c.hedge} {_num(c.value)}" if c.hedge else _num(c.value)


def _year(c) -> int:
    """First four-digit year of a row's ``year`` column."""
    import re

    found = re.search(r"\d{4}", c.year)
    if not found:
        raise ValueError(f"{c.id} has no year")
    return int(found.group(0))


def fig_d1(claims=None, *, ax=None):
    """D1: Mexican-born population in the U.S. (essay Part I, fn 16-18).

    Three markers (Q04, Q05, Q07), each labelled with its own source; a thin
    dashed guide that changes style where the source changes; NAFTA's
    signature (Q20, 17 Dec 1992); fn 16's flow rates (Q08, Q09) as text.  No
    fitted curve.
    """
    c = _claims(claims)
    fig, ax = new_axes(ax, figsize=(6.5, 4.4))
    q4, q5, q7 = c["Q04"], c["Q05"], c["Q07"]
    xs = [_year(q4), _year(q5), _year(q7)]
    ys = [q4.value, q5.value, q7.value]
    ax.plot(xs[:2], ys[:2], ls="--", lw=0.9, color=COLORS["neutral"])
    ax.plot(xs[1:], ys[1:], ls=":", lw=1.2, color=COLORS["neutral"])
    ax.plot(xs[:2], ys[:2], "o", ms=8, color=COLORS["north"], label="Grieco 2003 (fn 17)")
    ax.plot(xs[2:], ys[2:], "s", ms=8, color=COLORS["south"], label="Passel & Cohn, Pew 2009 (fn 18)")
    # under its marker: to the right, NAFTA's line ran through it
    ax.annotate(f"{_num(q4.value)}M ({xs[0]})", (xs[0], ys[0]), (0, -18), textcoords="offset points",
                ha="center")
    ax.annotate(f"{_num(q5.value)}M ({xs[1]})", (xs[1], ys[1]), (-78, 6), textcoords="offset points")
    ax.annotate(f"peak {_num(q7.value)}M ({xs[2]})", (xs[2], ys[2]), (-96, 6), textcoords="offset points")
    nafta = _year(c["Q20"]) + 350 / 365
    ax.axvline(nafta, color=COLORS["highlight"], lw=1.2)
    ax.text(nafta - 0.3, 8.6, "NAFTA signed\n17 Dec 1992 (fn 28)", fontsize=8.5,  # left: clear of the guide
            color=COLORS["highlight"], va="top", ha="right")
    q8, q9 = c["Q08"], c["Q09"]
    ax.text(0.985, 0.03,
            f"fn 16 flows: {q8.hedge} {q8.value / 1e3:,.0f}k a year over the decade to 2006\n"
            f"(Passel 2006); {q9.hedge} {q9.value / 1e3:,.0f}k a year in the early 1990s "
            "(Uchitelle 2007)", transform=ax.transAxes, ha="right", va="bottom", fontsize=8,
            bbox={"boxstyle": "round", "fc": "white", "ec": "#cccccc"})
    ax.set_xlim(1987, 2011)
    ax.set_ylim(0, 13.5)
    ax.set_xlabel("year")
    ax.set_ylabel("Mexican-born population in the U.S. (million)")
    ax.set_title("D1. Mexican-born population in the U.S., as the essay reports it")
    ax.legend(loc="upper left")
    return fig


#: D2 cells: (row, column) -> (binding code 0/1/2, text template with {Qnn} fields).
_D2 = {
    (0, 0): (2, "WTO: {Q22} members\n(July 2008); binding"),
    (0, 1): (2, "regional accords:\nalmost a third of\nworld trade; binding"),
    (0, 2): (2, "BFTAs: well over {Q25};\nbinding"),
    (1, 0): (0, "no multilateral regime:\nMAI failed {Q32},\nDoha track\ncollapsed {Q33}"),
    (1, 1): (1, "side issue in regional\naccords; rarely\nenforceable (fn 41)"),
    (1, 2): (2, "BITs: well over {Q35};\n{Q37}% of FDI; binding"),
    (2, 0): (0, "no binding regime;\nno binding accord\nfrom the advisory\nbodies; refugee\nregime nonbinding"),
    (2, 1): (1, "free movement at all\nskills only in the EU;\nECOWAS ({Q63}),\nCOMESA ({Q64}),\nAndean ({Q65}\nnamed): intentions,\nnot yet realised"),
    (2, 2): (1, "BLMAs: {Q69} in OECD\n(2004), more than\n{Q71} in Latin Am.;\nmany nonbinding\nMOUs; small coverage"),
}


def fig_d2(claims=None, *, ax=None):
    """D2: the governance architecture matrix (Parts II-III).

    Rows trade / investment / labour migration; columns multilateral /
    regional / bilateral.  Each cell holds the essay's facts; its colour is
    the book's summary of the essay's verbal coding of whether the regime is
    binding and enforceable (yes / partial / no).
    """
    c = _claims(claims)
    vals = {k: str(int(v.value)) if v.unit.startswith("year") else _num(v.value)
            for k, v in c.items()}
    fig, ax = new_axes(ax, figsize=(6.5, 6.6), margins=dict(left=0.14, right=0.99, top=0.86, bottom=0.1))
    cmap = {2: "#cfe3c6", 1: "#f7e2b5", 0: "#f2c4c0"}
    for (i, j), (code, text) in _D2.items():
        ax.add_patch(Rectangle((j, 2 - i), 1, 1, fc=cmap[code], ec="white", lw=3))
        ax.text(j + 0.5, 2 - i + 0.5, text.format(**vals), ha="center", va="center", fontsize=9.5)
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 3)
    ax.set_xticks([0.5, 1.5, 2.5], ["multilateral", "regional", "bilateral"])
    ax.set_yticks([2.5, 1.5, 0.5], ["trade", "investment", "labour\nmigration"])
    ax.tick_params(length=0)
    ax.grid(False)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.xaxis.tick_top()
    handles = [Rectangle((0, 0), 1, 1, fc=cmap[k]) for k in (2, 1, 0)]
    ax.legend(handles, ["binding and enforceable", "partly / in places", "no binding regime"],
              loc="upper center", bbox_to_anchor=(0.45, -0.02), ncol=3, fontsize=8.5, handlelength=1.2,
              columnspacing=1.0)
    ax.set_title("D2. How trade, investment and migration are governed\n(essay Parts II-III)", pad=28)
    return fig


def _bound_marker(ax, x, y, c, color, *, horizontal=True, scale=1.35):
    """Draw a claim: filled point, or open marker plus an arrow for a bound."""
    if c.bound in ("lower", "upper"):
        ax.plot([x], [y], "o", mfc="white", mec=color, mew=1.8, ms=8, zorder=3)
        end = x * scale if c.bound == "lower" else x / scale
        if horizontal:
            ax.annotate("", (end, y), (x, y), arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.5})
        else:
            end = y * scale if c.bound == "lower" else y / scale
            ax.annotate("", (x, end), (x, y), arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.5})
    else:
        ax.plot([x], [y], "o", color=color, ms=8, zorder=3)


def fig_d3(claims=None, *, ax=None):
    """D3: counts of bilateral agreements (log scale), lower bounds as arrows.

    Counts are not strength or coverage, and the universes and dates differ
    (world, OECD, Latin America); always read with table T1.
    """
    c = _claims(claims)
    rows = [("Q35", "BITs signed in past\n20 years (world)", COLORS["world"]),
            ("Q36", "BITs 1989-2007, Brummer's\ncount (world)", COLORS["world"]),
            ("Q25", "bilateral free trade\nagreements (world, 2010)", COLORS["north"]),
            ("Q69", "BLMAs in 30 OECD\ncountries (2004 survey)", COLORS["south"]),
            ("Q71", "BLMAs signed by Latin\nAmerican countries", COLORS["south"])]
    fig, ax = new_axes(ax, figsize=(6.5, 4.6), margins=dict(left=0.3, right=0.97, top=0.92, bottom=0.17))
    for i, (cid, _label, col) in enumerate(rows):
        y = len(rows) - 1 - i
        cl = c[cid]
        _bound_marker(ax, cl.value, y, cl, col)
        ax.annotate(f"{_hedged(cl)}  ({cid})", (cl.value, y), (0, 9), textcoords="offset points",
                    ha="center", fontsize=8.5)
    ax.set_yticks(range(len(rows)), [r[1] for r in rows][::-1], fontsize=9)
    ax.set_xscale("log")
    ax.set_xlim(60, 5000)  # room left of the leftmost label
    ax.set_ylim(-0.6, len(rows) - 0.3)
    ax.set_xlabel("number of agreements (log scale);\nopen marker + arrow = the essay gives a lower bound")
    ax.set_title("D3. Counts of bilateral agreements\n(not strength, not coverage)")
    return fig


def fig_d4(claims=None, *, ax=None):
    """D4: agreement portfolios: (a) BFTAs 2007; (b) the U.S. portfolio; (c) BLMA partners."""
    c = _claims(claims)
    # stacked, not side by side: at the book's column width three wide panels shrink their type
    fig, axs = new_axes(ax, nrows=3, figsize=(6.5, 11.0))
    a, b, d = axs
    names = ["U.S.", "EU", "Singapore"]
    done = [c["Q26"].value, c["Q28"].value, c["Q30"].value]
    neg = [c["Q27"].value, c["Q29"].value, c["Q31"].value]
    a.bar(names, done, color=COLORS["north"], label="concluded / signed")
    a.bar(names, neg, bottom=done, color=COLORS["shade"], label="under negotiation")
    for i in range(3):
        a.text(i, done[i] + neg[i] + 0.6, f"{_num(done[i])} + {_num(neg[i])}", ha="center", fontsize=9)
    a.set_ylabel("bilateral free trade agreements")
    a.set_title("(a) BFTAs, 2007 (fn 36)")
    a.legend(loc="upper right")
    a.set_ylim(0, 50)
    items = [("regional\narrangements", c["Q41"].value, "2007"), ("BITs", c["Q42"].value, "2007"),
             ("BFTAs", c["Q43"].value, "2007"), ("BLMAs", c["Q74"].value, "2010"),
             ("low-wage deals\nsince Bracero", c["Q19"].value, "2010")]
    cols = [COLORS["north"]] * 3 + [COLORS["south"]] * 2
    b.bar([i[0] for i in items], [i[1] for i in items], color=cols)
    for k, (_, v, yr) in enumerate(items):
        b.text(k, v + 1, f"{_num(v)}\n({yr})", ha="center", fontsize=8.5)
    b.text(0.02, 0.97, "also a WTO member (fn 52)", transform=b.transAxes, va="top", fontsize=8.5)
    b.set_ylim(0, 70)  # room for the note above the tallest bar's label
    b.set_ylabel("agreements")
    b.set_title("(b) the United States: trade vs migration")
    partners = [("Philippines", c["Q72"]), ("Spain", c["Q73"]), ("South Korea", c["Q77"]),
                ("U.S.", c["Q74"])]
    ys = np.arange(len(partners))[::-1]
    for y, (_n, cl) in zip(ys, partners, strict=True):
        if cl.bound == "lower":
            d.barh(y, cl.value, color="white", ec=COLORS["south"], hatch="//")
            d.annotate("", (cl.value + 3, y), (cl.value, y),
                       arrowprops={"arrowstyle": "-|>", "color": COLORS["south"]})
            d.text(cl.value + 3.5, y, f"at least {_num(cl.value)}", va="center", fontsize=8.5)
        else:
            d.barh(y, cl.value, color=COLORS["south"])
            d.text(cl.value + 0.3, y, _num(cl.value), va="center", fontsize=8.5)
    d.set_yticks(ys, [p[0] for p in partners])
    d.text(0.98, 0.02, "“many Gulf states”: none (II.B.3)", transform=d.transAxes, ha="right",
           fontsize=8.5, style="italic")
    d.set_xlim(0, 24)
    d.set_xlabel("countries with a BLMA")
    d.set_title("(c) BLMA partners by country")
    fig.suptitle("D4. Agreement portfolios, as the essay reports them")
    fig.tight_layout(h_pad=1.5)
    return fig


def fig_d5(claims=None, *, ax=None):
    """D5: estimated world gains from migration versus OECD aid.

    Bars for Q12, Q14 and Q81 (a bound: open bar); the $52bn (Q11) is a
    *difference* between two model scenarios and is shown only as a note.
    """
    c = _claims(claims)
    fig, ax = new_axes(ax, figsize=(6.5, 4.8), margins=dict(left=0.11, right=0.97, top=0.91, bottom=0.19))
    q12, q14, q81, q11 = c["Q12"], c["Q14"], c["Q81"], c["Q11"]
    labels = ["World Bank GEP 2006:\n+3% labour force,\ngains by 2025",
              "Walmsley & Winters 2005:\n+3%, other labour-\nmarket assumptions",
              "OECD aid to developing\nnations, 2008 (fn 145)"]
    ax.bar([0, 1], [q12.value, q14.value], color=COLORS["world"], width=0.6)
    ax.bar([2], [q81.value], color="white", ec=COLORS["neutral"], hatch="//", width=0.6)
    ax.text(0, q12.value + 6, f"${_num(q12.value)}bn", ha="center")
    ax.text(1, q14.value + 6, f"${_num(q14.value)}bn", ha="center")
    ax.text(2, q81.value + 6, f"nearly ${_num(q81.value)}bn", ha="center")
    ax.set_xticks([0, 1, 2], labels, fontsize=8.5)
    ax.set_xlim(-0.6, 2.6)
    ax.set_ylabel("US$ billion")
    ax.set_ylim(0, 420)
    ax.text(0.98, 0.97,
            f"fn 22: in Walmsley & Winters' model, a relatively small rise in migration\n"
            f"gives ${_num(q11.value)}bn more world income than removing all remaining\n"
            "barriers to goods trade. A difference between two scenarios, not a level.",
            transform=ax.transAxes, ha="right", va="top", fontsize=8,
            bbox={"boxstyle": "round", "fc": "white", "ec": "#cccccc"})
    ax.set_title("D5. Estimated world gains from more migration vs aid\n(fn 22-23, 145)")
    return fig


def fig_d6(claims=None, *, ax=None):
    """D6: wage ratios the Conclusion compares (fn 153); measures and years differ."""
    c = _claims(claims)
    fig, ax = new_axes(ax, figsize=(6.5, 4.6), margins=dict(left=0.33, right=0.98, top=0.92, bottom=0.12))
    q82, q88, q87, q90 = c["Q82"], c["Q88"], c["Q87"], c["Q90"]
    # a hedged value ("as high as", "approximately", "often estimated at") is drawn as a bound:
    # an open, hatched bar, never a solid one (the chapter's data conventions)
    rows = [("UK : Bulgaria\n(2006, hourly labour costs)", q88.value, None, COLORS["north"],
             f"{q82.hedge} {_num(q88.value)} : 1", bool(q82.hedge)),
            ("UK : Romania\n(2006, hourly labour costs)", q87.value, None, COLORS["north"],
             f"{_num(q87.value)} : 1", bool(q87.hedge)),
            ("UK : Poland/Hungary/\nCzech Rep. (source dated\n2003; pay at 13% of UK)",
             c["Q85"].value, c["Q86"].value, COLORS["north"],
             f"between {_num(c['Q85'].value)} and {_num(c['Q86'].value)} : 1", False),
            ("U.S. : Mexico (“often\nestimated at” 17%)", q90.value, None, COLORS["south"],
             f"{q90.hedge} {_num(q90.value)} : 1", True)]
    ys = np.arange(len(rows))[::-1]
    for y, (_, lo, hi, col, txt, hedged) in zip(ys, rows, strict=True):
        if hi is None:
            if hedged:
                ax.barh(y, lo, height=0.55, hatch="//", fc="white", ec=col)
            else:
                ax.barh(y, lo, color=col, height=0.55)
            ax.text(lo + 0.25, y, txt, va="center", fontsize=8.5)
        else:
            ax.barh(y, lo, color=col, height=0.55, alpha=0.45)
            ax.barh(y, hi - lo, left=lo, height=0.55, hatch="//", fc="white", ec=col)
            ax.text(hi + 0.25, y, txt, va="center", fontsize=8.5)
    ax.set_yticks(ys, [r[0] for r in rows], fontsize=8.5)
    top, bottom = ys[0], ys[-1]
    x = c["Q88"].value + 9.0  # clear of the longest bar label
    ax.annotate("", (x, bottom), (x, top), arrowprops={"arrowstyle": "<->", "color": COLORS["neutral"]})
    ax.text(x + 0.3, (top + bottom) / 2, f"EU's largest gap\n“more than twice”\nthe U.S.-Mexico gap\n(fn 153, Q83: > {_num(c['Q83'].value)}x)",
            va="center", fontsize=8)
    ax.set_xlim(0, 34.5)
    ax.set_xlabel("wage ratio, richer : poorer (x to 1)")
    ax.set_title("D6. Wage gaps the Conclusion compares (fn 153)")
    return fig


#: D7 events: (claim id, lane, short label).  Lane 0 trade/investment, 1 migration.
_D7 = [("Q20", 0, "NAFTA signed"), ("Q32", 0, "MAI fails"), ("Q24", 0, "Doha Round opens"),
       ("Q33", 0, "Doha investment\ntrack collapses"), ("Q40", 0, "U.S. Model BIT"),
       ("Q47", 1, "Refugee\nConvention"), ("Q57", 1, "EU founded:\nfree movement"), ("Q80", 1, "Spain-Morocco"),
       ("Q50", 1, "Ghosh"), ("Q18", 1, "Bush-Fox talks"), ("Q76", 1, "Indonesia-Malaysia MOU"),
       ("Q51", 1, "Bhagwati WMO"), ("Q66", 1, "Andean Decision 545"), ("Q69", 1, "OECD survey: 176 BLMAs"),
       ("Q52", 1, "GCIM"), ("Q54", 1, "UN High-Level Dialogue"), ("Q55", 1, "GFMD")]


def _event_year(c) -> int:
    return int(c.value) if c.unit.startswith("year") else _year(c)


def fig_d7(claims=None, *, ax=None):
    """D7: timeline of governance events in two lanes, with the Bracero span (Q17).

    Two panels with a broken year axis (1940-66 and 1989-2010); events of the
    same lane and year share one label.  The Mexican-born peak (Q07) is overlaid.
    """
    c = _claims(claims)
    fig, axs = new_axes(ax, ncols=2, figsize=(6.6, 7.4),
                        gridspec_kw={"width_ratios": [1, 2.6], "wspace": 0.04},
                        margins=dict(left=0.15, right=0.96, top=0.95, bottom=0.08))
    spans = [(1939, 1967), (1989, 2010)]
    groups: dict[tuple[int, int], list[str]] = {}
    for cid, lane, label in _D7:
        groups.setdefault((lane, _event_year(c[cid])), []).append(label.replace("\n", " "))
    for k, axk in enumerate(axs):
        lo, hi = spans[k]
        axk.set_xlim(lo, hi)
        axk.set_ylim(-3.9, 3.9)  # room for the longest rotated label above the tick labels
        axk.set_xticks([1940, 1960] if k == 0 else [1990, 2000, 2010])
        axk.axhline(0.35, color=COLORS["north"], lw=0.8)
        axk.axhline(-0.35, color=COLORS["south"], lw=0.8)
        axk.grid(axis="y", visible=False)
        for (lane, yr), labels in groups.items():
            if not lo <= yr <= hi:
                continue
            col = COLORS["north"] if lane == 0 else COLORS["south"]
            y0 = 0.35 if lane == 0 else -0.35
            axk.plot([yr], [y0], "o", color=col, ms=6, zorder=3)
            axk.text(yr, y0 + (0.12 if lane == 0 else -0.12), f"{yr} " + "; ".join(labels),
                     rotation=90, fontsize=8.5, ha="center", va="bottom" if lane == 0 else "top")
    b = c["Q17"]
    if b.year != "1942-1964":
        raise ValueError("Q17's period changed; D7 draws 1942-1964")
    axs[0].add_patch(Rectangle((1942, -0.42), 1964 - 1942, 0.14, fc=COLORS["shade"], ec="none"))
    axs[0].text(1953, 0.0, f"Bracero 1942-64\n(more than\n{_num(b.value)}M workers)", ha="center",
                va="center", fontsize=8.5)
    peak = c["Q07"]
    axs[1].plot([_year(peak)], [0.0], "s", color=COLORS["highlight"])
    axs[1].text(_year(peak) - 0.3, 0.0, f"Mexican-born peak {_num(peak.value)}M", ha="right",
                va="center", fontsize=8.5)
    axs[0].set_yticks([0.35, -0.35], ["trade and\ninvestment", "labour\nmigration"])
    axs[1].set_yticks([])
    axs[1].spines["left"].set_visible(False)
    axs[0].spines["right"].set_visible(True)
    axs[0].spines["right"].set_linestyle((0, (2, 2)))
    fig.supxlabel("year (axis broken between 1967 and 1989)", fontsize=9)
    fig.suptitle("D7. Governance events the essay dates", y=0.98)
    return fig


# ---------------------------------------------------------------------------
# Illustrations (the book's models)
# ---------------------------------------------------------------------------

def fig_f1(params: mdl.HOSParams, *, ax=None):
    """F1: HOS factor-price equalisation; trade and migration as substitutes.

    (a) The integrated-equilibrium box (world endowments, sector factor-use
    vectors at the integrated factor prices, the FPE parallelogram, the
    endowment point E measured from H's origin and the free-migration point).
    (b) Real wages of H's and F's workers under autarky, free trade and free
    migration, with the H/F ratio and ``M*``.
    """
    P = params
    # stacked, not side by side: at the book's column width a wide pair shrinks its type
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 8.6))
    integ = mdl.integrated(P)
    kX, kY = integ["kX"], integ["kY"]
    LW, KW = P.L_W, P.K_W
    LX = (kY * LW - KW) / (kY - kX)
    KX = kX * LX
    para = np.array([[0, 0], [LX, KX], [LW, KW], [LW - LX, KW - KX]])
    a.add_patch(Polygon(para, closed=True, fc=COLORS["shade"], ec="none", alpha=0.6,
                        label="FPE set (diversification cone)"))
    a.plot([0, LX, LW], [0, KX, KW], color=COLORS["north"], lw=1.6)
    a.plot([0, LW - LX, LW], [0, KW - KX, KW], color=COLORS["world"], lw=1.6)
    a.annotate("X (labour-intensive)", (LX / 2, KX / 2), (6, -12), textcoords="offset points", fontsize=8.5)
    a.annotate("Y", ((LW - LX) / 2, (KW - KX) / 2), (-12, 4), textcoords="offset points", fontsize=8.5)
    a.plot([0, LW], [0, KW], color=COLORS["neutral"], lw=0.7, ls=":")
    E = (P.L_H, P.K_H)
    a.plot(*E, "o", color=COLORS["highlight"], ms=8, zorder=4, label="endowment E (from H's origin)")
    M = mdl.migration_M_star(P)
    a.annotate("", (P.L_H + M, P.K_H), E,
               arrowprops={"arrowstyle": "-|>", "color": COLORS["south"], "lw": 1.4})
    a.text(P.L_H + M / 2, P.K_H + 0.03 * KW, f"migration M* = {M:.4g}", ha="center",
           fontsize=8.5, color=COLORS["south"])
    a.text(0.01 * LW, -0.07 * KW, "$O_H$", fontsize=9)
    a.text(0.97 * LW, 1.02 * KW, "$O_F$", fontsize=9)
    a.set_xlim(-0.02 * LW, 1.05 * LW)
    a.set_ylim(-0.09 * KW, 1.08 * KW)
    a.set_xlabel("labour (H's from the left)")
    a.set_ylabel("capital (H's from the bottom)")
    a.legend(loc="upper left", fontsize=8.5)
    a.set_title("(a) FPE holds: trade alone equalises wages" if integ["in_cone"]
                else "(a) FPE fails: trade alone leaves a wage gap", fontsize=10)
    regimes = [("autarky", mdl.autarky(P)), ("free trade", mdl.free_trade(P)),
               ("free migration", mdl.free_migration(P))]
    x = np.arange(3)
    hw = [e.real_wage[0] for _, e in regimes]
    fw = [e.real_wage[1] for _, e in regimes]
    b.bar(x - 0.18, hw, 0.36, color=H_COL, label="H workers (destination)")
    b.bar(x + 0.18, fw, 0.36, color=F_COL, label="F workers (origin)")
    top = max(hw + fw)
    for i, (_, e) in enumerate(regimes):
        b.text(i, max(hw[i], fw[i]) + 0.04 * top, f"H/F = {e.wage_ratio:.3g}", ha="center", fontsize=9)
    b.set_xticks(x, [r[0] for r in regimes])
    b.set_ylim(0, nice_ceil(1.25 * top))
    b.set_ylabel("real wage w/P")
    b.legend(loc="upper right", fontsize=8.5)
    gains = [e.real_income - regimes[0][1].real_income for _, e in regimes[1:]]
    b.set_title("(b) real wages; national gains: trade "
                f"{gains[0][0]:.3g}/{gains[0][1]:.3g}, migration {gains[1][0]:.3g}/{gains[1][1]:.3g}",
                fontsize=9)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.32)
    return fig


F2_EXTRAS = {
    "endowments": Control("F1 endowments", label="endowments",
                          options=("F1 endowments", "equal endowments", "as in the parameters"),
                          doc="F1: H=(L 100, K 200), F=(L 200, K 100); equal: (150, 150) each"),
}


def _f2_params(params, endowments):
    if endowments in mdl.ENDOWMENT_PRESETS:
        return dataclasses.replace(params, **mdl.ENDOWMENT_PRESETS[endowments])
    if endowments != "as in the parameters":
        raise ValueError(f"unknown endowment preset {endowments!r}")
    return params


def fig_f2(params: mdl.TechParams, *, endowments: str = "F1 endowments", ax=None):
    """F2: technology differences; where free trade widens the wage gap.

    (a) Autarky and free-trade H/F real-wage gaps against ``tau`` in [1, 4],
    the region where trade widens the gap shaded, the current ``tau`` and
    the first ``tau`` on the grid where a country specialises.
    (b) At the current ``tau``: each country's autarky price of X and the
    world price under free trade (the world price lies between them).
    """
    P = _f2_params(params, endowments)
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 8.4))
    sw = mdl.tau_sweep(P, np.linspace(1.0, 4.0, 121))
    t, ag, tg = sw["tau"], sw["autarky_gap"], sw["trade_gap"]
    a.plot(t, ag, color=COLORS["neutral"], label="autarky gap")
    a.plot(t, tg, color=COLORS["highlight"], label="free-trade gap")
    a.fill_between(t, ag, tg, where=tg > ag, color=COLORS["south"], alpha=0.15,
                   label="trade widens the gap")
    a.axhline(1.0, color="black", lw=0.5)
    spec = np.any(sw["regime"] != 0, axis=1)
    if spec.any():
        ts = t[int(np.argmax(spec))]
        a.axvline(ts, color=COLORS["neutral"], ls=":", lw=1)
        a.text(ts, a.get_ylim()[0], f" specialisation\n from τ≈{ts:.2f}", fontsize=8.5, va="bottom")
    now = mdl.tau_sweep(P, [P.tau])
    a.plot([P.tau], now["trade_gap"], "o", color=COLORS["highlight"])
    a.plot([P.tau], now["autarky_gap"], "o", color=COLORS["neutral"])
    a.axvline(P.tau, color=COLORS["highlight"], lw=0.8, ls="--")
    a.set_xlabel(f"τ: H's productivity edge in {P.edge}")
    a.set_ylabel("H/F real-wage ratio")
    a.legend(loc="upper left", fontsize=8.5)
    a.set_title(f"(a) wage gap: autarky {float(now['autarky_gap'][0]):.3g}, "
                f"trade {float(now['trade_gap'][0]):.3g} at τ = {P.tau:.3g}", fontsize=10)
    pa = now["autarky_pX"][0]
    b.bar([0, 1, 2], [pa[0], pa[1], now["pX"][0]], color=[H_COL, F_COL, COLORS["world"]], width=0.55)
    for i, v in enumerate([pa[0], pa[1], now["pX"][0]]):
        b.text(i, v * 1.02, f"{v:.3g}", ha="center", fontsize=9)
    b.set_xticks([0, 1, 2], ["H autarky", "F autarky", "world (free trade)"])
    b.set_ylabel("relative price of X ($p_X/p_Y$)")
    b.set_title("(b) prices of the labour-intensive good X", fontsize=10)
    if P.edge == "Y":
        b.text(0.5, 0.92, "edge in Y: trade narrows the gap, and can even reverse it;\n"
               "this is the model, not a bug", transform=b.transAxes, ha="center", fontsize=8.5)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.32)
    return fig


def fig_f3(params: mdl.GainsParams, *, ax=None):
    """F3: who gains from migration (one good, capital fixed in place).

    (a) The destination labour market: demand ``w_D(L)``, natives' wage loss
    (a transfer to capital), the immigration-surplus triangle, migrants' wage
    bill.  (b) Changes by group and the world total.  (c) Shares of the world
    gain against ``m``.
    """
    P = params
    g = mdl.migration_gains(P)
    fig, (a, b, d) = new_axes(ax, nrows=3, figsize=(6.4, 11.6))
    LD, M = P.L_D, float(g.M)
    L = np.linspace(0.02 * LD, nice_ceil(max(1.25 * LD, LD + 1.2 * M)), 300)
    a.plot(L, mdl.wage_D(P, L), color=H_COL, label="labour demand $w_D(L)$")
    w1 = float(g.w_D)
    a.add_patch(Rectangle((0, w1), LD, 1 - w1, fc=COLORS["south"], alpha=0.3,
                          label="natives' wage loss (to capital)"))
    Ls = np.linspace(LD, LD + M, 50)
    a.fill_between(Ls, w1, mdl.wage_D(P, Ls), color=COLORS["world"], alpha=0.8,
                   label="immigration surplus")
    a.add_patch(Rectangle((LD, 0), M, w1, fc=COLORS["highlight"], alpha=0.35, label="migrants' wage bill"))
    a.axhline(1.0, color=COLORS["neutral"], lw=0.6, ls=":")
    a.set_xlim(0, L[-1])
    a.set_ylim(0, 1.6)
    a.set_xlabel("employment in D")
    a.set_ylabel("wage (pre-migration $w_D$ = 1)")
    a.legend(loc="upper right", fontsize=8.5)
    a.set_title(f"(a) destination market: M = {M:.3g}, wage {w1:.4g}", fontsize=10)
    names = ["D natives'\nwages", "D\ncapital", "migrants", "O stayers\n(+remit.)", "O\ncapital", "world"]
    vals = [float(getattr(g, k)) for k in g.GROUPS] + [float(g.world)]
    cols = [H_COL, H_COL, COLORS["highlight"], F_COL, F_COL, COLORS["world"]]
    b.bar(range(6), vals, color=cols)
    b.axhline(0, color="black", lw=0.6)
    for i, v in enumerate(vals):
        b.text(i, v, f"{v:.3g}", ha="center", va="bottom" if v >= 0 else "top", fontsize=8.5)
    b.set_xticks(range(6), names, fontsize=8.5)
    b.set_ylabel("change in income (units of pre-migration $w_D$)")
    b.set_title(f"(b) by group; immigration surplus = {float(g.surplus):.3g}", fontsize=10)
    m = np.linspace(0.005, min(0.5, 0.99 * P.LO_ratio), 100)
    gm = mdl.migration_gains(P, m)
    W = gm.world
    ok = W > 1e-12
    with np.errstate(divide="ignore", invalid="ignore"):
        for vals_m, lab, col in ((gm.surplus, "destination (natives + capital)", H_COL),
                                 (gm.migrants, "migrants", COLORS["highlight"]),
                                 (gm.stayers + gm.capital_O, "origin (stayers + capital)", F_COL)):
            d.plot(m[ok], (vals_m / W)[ok], color=col, label=lab)
    d.axvline(P.m, color=COLORS["neutral"], ls="--", lw=0.8)
    d.axhline(0, color="black", lw=0.5)
    d.set_xlabel("m: migrants as a share of $L_D$")
    d.set_ylabel("share of the world gain")
    d.legend(loc="center right", fontsize=8.5)
    if not ok.any():
        d.text(0.5, 0.5, "no positive world gain\n(no wage gap to arbitrage)", ha="center",
               transform=d.transAxes)
    d.set_title("(c) who gets the world gain", fontsize=10)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.05, top=0.96, hspace=0.42)
    return fig


NO_PRESET = "(sliders)"
F4_EXTRAS = {
    "preset": Control(NO_PRESET, label="preset", options=(NO_PRESET, *mdl.PRESETS),
                      doc="a preset overrides θ, ρ and the switches it names"),
}


def fig_f4(params: mdl.BargainParams, *, preset: str = NO_PRESET, ax=None):
    """F4: the negotiation game in the (θ, ρ) square and the payoffs at the current point.

    (a) Where a deal is feasible (shaded) at the current parameters, the
    boundary ``ρ = (κ - λ - ε b0 - (1-θ)G)/R``, dashed boundaries when each
    Part V mechanism is switched on, and the trade / investment / low-wage
    presets.  (b) ``a0``, ``b0``, ``e*``, ``ΔA``, ``ΔB``.
    """
    P = params if preset in (None, NO_PRESET) else mdl.apply_preset(params, preset)
    fig, (a, b) = new_axes(ax, nrows=2, figsize=(6.4, 9.0))
    th = np.linspace(0, 1, 201)
    T, R = np.meshgrid(th, th)
    feas = mdl.deal_feasible(P, T, R)
    from matplotlib.colors import ListedColormap

    a.imshow(feas.astype(float), origin="lower", extent=(0, 1, 0, 1), aspect="auto", vmin=0, vmax=1,
             cmap=ListedColormap(["white", COLORS["shade"]]), interpolation="nearest", zorder=0)
    a.plot(th, mdl.boundary_rho(P, th), color="black", lw=1.4, label="deal boundary (current)")
    switches = [("ε = 1 (V(iii) enforcement)", {"eps": 1.0}, ":"),
                ("κ = -0.1 (V(iv) experimentation)", {"kappa": -0.1}, "--"),
                ("λ = 0.3 (V(i)/(v) linkage, ties)", {"lam": 0.3}, "-.")]
    for lab, ov, ls in switches:
        Q = dataclasses.replace(P, **ov)
        br = mdl.boundary_rho(Q, th)
        if mdl.b_zero(Q) >= 0 and np.all(br < 0):
            lab += ": no-deal corner vanishes"
        a.plot(th, br, color=COLORS["neutral"], ls=ls, lw=1.1, label=lab)
    for name, pos_col in (("Trade", COLORS["north"]), ("Investment", COLORS["world"]),
                          ("Low-wage migration", COLORS["south"])):
        ov, anchor, _ = mdl.PRESETS[name]
        Q = dataclasses.replace(P, theta=ov["theta"], rho=ov["rho"])
        deal = mdl.bargain(Q).feasible
        # not clipped: a preset on the edge of the square shows its whole marker
        a.plot([ov["theta"]], [ov["rho"]], "o", ms=9, mec=pos_col, mew=2,
               mfc=pos_col if deal else "white", zorder=4, clip_on=False)
        a.annotate(f"{name} ({anchor})", (ov["theta"], ov["rho"]),
                   (-48 if ov["theta"] > 0.5 else 8, 8), textcoords="offset points",
                   ha="right" if ov["theta"] > 0.5 else "left", fontsize=8.5)
    # an open ring, so a preset's marker at the same point stays visible under it
    a.plot([P.theta], [P.rho], "o", ms=17, mfc="none", mec=COLORS["highlight"], mew=2.2, zorder=5,
           label="current point")
    a.set_xlim(0, 1)
    a.set_ylim(0, 1)
    a.set_xlabel("θ: share of A's goal reachable unilaterally (IV.D)")
    a.set_ylabel("ρ: reciprocity, A's own demand for access (IV.C)")
    a.legend(loc="upper right", fontsize=8.5)
    a.set_title("(a) shaded: a deal beats acting alone (filled marker: deal)", fontsize=9.5)
    out = mdl.bargain(P)
    vals = [out.a0, out.b0, out.e, out.dA, out.dB]
    cols = [H_COL, F_COL, COLORS["neutral"], H_COL, F_COL]
    b.bar(range(5), vals, color=cols)
    b.axhline(0, color="black", lw=0.6)
    for i, v in enumerate(vals):
        b.text(i, v, f"{v:.3g}", ha="center", va="bottom" if v >= 0 else "top", fontsize=8.5)
    b.set_xticks(range(5), ["$a_0$ (A)", "$b_0$ (B)", "$e^*$ (B's effort)", "ΔA", "ΔB"])
    b.set_ylabel("gain over A's unilateral outcome")
    tag = "" if preset in (None, NO_PRESET) else f" [{preset}]"
    b.set_title(("(b) DEAL" if out.feasible else "(b) NO DEAL: A acts alone") + tag, fontsize=10)
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.06, top=0.95, hspace=0.3)
    return fig


_ALT = "{}, the book's illustrative model (not in the essay)"

#: The chapter's figures: static version, caption values, explorers and live panels
#: (see :class:`lib.contract.FigureSpec`; shown by :func:`lib.chapter.figure`).
FIGURES = figures(
    *(FigureSpec(f"fig-gordon-d{n}", draw, title=f"D{n}")
      for n, draw in enumerate((fig_d1, fig_d2, fig_d3, fig_d4, fig_d5, fig_d6, fig_d7), start=1)),
    FigureSpec("fig-gordon-f1", fig_f1, mdl.HOSParams(), title="F1",
               explore=[Explore({"K_H": np.arange(20.0, 281.0, 20.0)},
                                "F1 (the book's model, not the essay's): move H's capital K_H (K_F = 300 − K_H)", 60,
                                _ALT.format("F1"))],
               controls=("K_H", "L_H", "alpha", "beta", "gamma"), live=True, live_title="F1 live"),
    FigureSpec("fig-gordon-f2", fig_f2, mdl.TechParams(),
               caption={"endowments": "H = (L 100, K 200), F = (L 200, K 100)"},
               names=["tau", "edge", "alpha", "beta", "gamma"], title="F2",
               explore=[Explore({"tau": np.round(np.arange(1.0, 4.01, 0.25), 2)},
                                "F2 (the book's model, not the essay's): move H's productivity edge τ", 60,
                                _ALT.format("F2"))],
               controls=("tau", "edge"), extras=F2_EXTRAS, live=True, live_title="F2 live"),
    FigureSpec("fig-gordon-f3", fig_f3, mdl.GainsParams(), title="F3",
               explore=[Explore({"m": [0.0, 0.01, 0.03, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
                                       0.45, 0.5]},
                                "F3 (the book's model, not the essay's): move the number of migrants m "
                                "(share of L_D)", 55, _ALT.format("F3"))],
               controls=("m", "rho", "a", "c", "phi", "LO_ratio"), live=True, live_title="F3 live"),
    FigureSpec("fig-gordon-f4", fig_f4, mdl.BargainParams(),
               names=["theta", "rho", "kappa", "lam", "eps", "eta"], title="F4",
               explore=[Explore({"preset": list(F4_EXTRAS["preset"].options)},
                                "F4 (the book's model, not the essay's): choose a preset (the book's "
                                "encodings of the essay's claims)", 60, _ALT.format("F4"))],
               controls=("theta", "rho", "kappa", "lam", "eps", "eta", "W", "s_B", "K_B"),
               extras=F4_EXTRAS, live=True, live_title="F4 live"),
)
