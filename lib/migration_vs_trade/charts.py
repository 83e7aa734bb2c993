"""Charts of the essay's own numbers: the data figures D1-D7 of the Gordon chapter.

Gordon's essay has no figures; these are the book's charts of numbers the essay itself
reports, every value read by id from ``gordon_claims.csv`` (see :data:`.data.DATA_ROWS`,
which the tests compare with the CSV).  Bounds ("well over", "nearly" ...) are drawn with
arrows or open markers, never as points.  Each ``fig_d<n>(claims=None, *, ax=None)`` takes
the claims (default: the CSV).  :mod:`.figures` declares them in ``FIGURES`` with the book's
model figures F1-F4.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from lib.figures import COLORS, new_axes

from .data import load_claims


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
