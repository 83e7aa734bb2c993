"""Numerical checks of Schiff's propositions at one parameter point, and the chapter's tables.

Each check is computed by :mod:`.model`; the chapter shows them as Markdown
tables (``IPython.display.Markdown`` of the strings returned here).  The same
statements are tested over the admissible parameter space in
``tests/test_negotiating_blocs.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import tables
from . import model as m


@dataclass(frozen=True)
class Check:
    """One part of a proposition checked at the current parameters."""

    id: str
    claim: str
    evidence: str
    holds: bool
    test: str


def _f(v: float) -> str:
    return f"{0.0 if abs(v) < 1e-14 else v:.4g}"


def _esc(text: str) -> str:
    """Escape Markdown emphasis characters (``n*``, ``B*_OR``) for MyST tables."""
    return text.replace("*", "\\*")


def _alpha_hat_migration(P: m.Params, regime: str) -> float:
    from scipy.optimize import brentq

    ahat = m.alpha_hat_no_fee(P)

    def g(a):
        try:
            return m.optimal_migration(P, regime, alpha0=a).G
        except ValueError:
            return -1.0  # no bloc at all: negative value
    lo, hi = ahat, 1.65 * ahat
    if not (g(lo) > 0 > g(hi)):
        raise ValueError("no sign change of G~ in [alpha_hat, 1.65 alpha_hat]")
    return brentq(g, lo, hi, xtol=1e-8)


def proposition_1(P: m.Params) -> list[Check]:
    """Prop. 1 (i)-(v) at ``P`` (no migration)."""
    nE, BE, nS, BS, _ = m.solve_static(P)
    h = 1e-5
    BEx = float(m.average_benefit(P, m.n_no_fee(P, x=P.x + h), x=P.x + h))
    BEa = float(m.average_benefit(P, m.n_no_fee(P, P.alpha + h), P.alpha + h))
    aE, aS = m.alpha_hat_no_fee(P), m.alpha_hat_fee(P)
    aE2 = m.alpha_hat_no_fee(P, P.x + 0.1)
    cs = m.comparative_statics(P)
    Vn = float(m.marginal_value(P, nE))
    eps = nS * float(m.benefit_slope(P, nS)) / BS
    BOR = nS * BS / nE
    t = "tests/test_negotiating_blocs.py::"
    return [
        Check("1(i)", "B^E rises with x and falls with α; α̂^E rises with x",
              f"dB^E/dx = {_f((BEx - BE) / h)}, dB^E/dα = {_f((BEa - BE) / h)}, "
              f"α̂^E(x) = {_f(aE)} < α̂^E(x+0.1) = {_f(aE2)}",
              (BEx > BE) and (BEa < BE) and aE2 > aE, t + "test_prop1_i"),
        Check("1(ii)", "n^E maximises B, but V still rises there (V_n = B^E > 0)",
              f"n^E = {_f(nE)}, V_n(n^E) = {_f(Vn)} = B^E = {_f(BE)}",
              abs(Vn - BE) < 1e-9 and BE > 0, t + "test_prop1_ii"),
        Check("1(iii)", "n* > n^E, ε_B,n(n*) = −1, founders get n*B*/n^E > B^E",
              f"n* = {_f(nS)}, ε = {_f(eps)}, B*_OR = {_f(BOR)} > B^E = {_f(BE)}",
              nS > nE and abs(eps + 1) < 1e-9 and BOR > BE, t + "test_prop1_iii"),
        Check("1(iv)", "dn^j/dα < 0 and dn^j/dx > 0 (j = E, *), with corrected (7)",
              f"dn^E/dα = {_f(cs['dnE_dalpha'])}, dn^E/dx = {_f(cs['dnE_dx'])}, "
              f"dn*/dα = {_f(cs['dnstar_dalpha'])}, dn*/dx = {_f(cs['dnstar_dx'])} "
              f"(printed (7): {_f(cs['dnstar_dx_printed'])})",
              cs["dnE_dalpha"] < 0 < cs["dnE_dx"] and cs["dnstar_dalpha"] < 0 < cs["dnstar_dx"],
              t + "test_prop1_iv"),
        Check("1(v)", "paper: α̂* > α̂^E, so a fee rescues some blocs (does not hold)",
              f"α̂^E = {aE:.10f}, α̂* = {aS:.10f}", aS > aE + 1e-8, t + "test_prop1_v"),
    ]


def proposition_2(P: m.Params) -> list[Check]:
    """Prop. 2 (i)-(iv) at ``P`` (with optimal migration)."""
    s = m.solve(P)
    mE, mS = s.mig_E, s.mig_star
    h = 1e-4
    rows = []
    t = "tests/test_negotiating_blocs.py::"
    d_a = {r: (m.optimal_migration(P, r, alpha0=P.alpha + h).dG
               - m.optimal_migration(P, r, alpha0=P.alpha - h).dG) / (2 * h) for r in ("E", "star")}
    d_c = {r: (m.optimal_migration(P, r, c=P.c + h).dG
               - m.optimal_migration(P, r, c=P.c - h).dG) / (2 * h) for r in ("E", "star")}
    rows.append(Check("2(i)", "ΔG^j rises with heterogeneity α₀ (conditional, see below)",
                      f"dΔG^E/dα₀ = {_f(d_a['E'])}, dΔG*/dα₀ = {_f(d_a['star'])}",
                      d_a["E"] > 0 and d_a["star"] > 0, t + "test_prop2_i"))
    rows.append(Check("2(ii)", "ΔG^j falls with the migration cost c (dΔG/dc = −M̃)",
                      f"dΔG^E/dc = {_f(d_c['E'])} (−M̃^E = {_f(-mE.M)}), "
                      f"dΔG*/dc = {_f(d_c['star'])} (−M̃* = {_f(-mS.M)})",
                      d_c["E"] <= 0 and d_c["star"] <= 0, t + "test_prop2_ii"))
    aE = m.alpha_hat_no_fee(P)
    try:
        aEM, aSM = _alpha_hat_migration(P, "E"), _alpha_hat_migration(P, "star")
        lik3 = f"α̂^E_M = {_f(aEM)} > α̂^E = {_f(aE)}"
        lik4 = f"α̂*_M = {_f(aSM)} > α̂^E_M = {_f(aEM)}"
        ok3, ok4 = aEM > aE, aSM > aEM
    except (ValueError, RuntimeError) as err:
        lik3 = lik4 = f"formation thresholds not found ({err})"
        ok3 = ok4 = False
    rows.append(Check("2(iii)", "with cheap migration: larger value and size, more likely to form",
                      f"G̃^E = {_f(mE.G)} ≥ V^E = {_f(mE.V0)}, ñ^E = {_f(mE.n)} ≥ n^E = {_f(s.nE)}; {lik3}",
                      mE.G >= mE.V0 and mE.n >= s.nE and ok3, t + "test_prop2_iii"))
    rows.append(Check("2(iv)", "with migration, a fee raises value, size and formation likelihood",
                      f"G̃* = {_f(mS.G)} ≥ G̃^E = {_f(mE.G)}, ñ* = {_f(mS.n)} > ñ^E = {_f(mE.n)}; {lik4}",
                      mS.G >= mE.G and mS.n > mE.n and ok4, t + "test_prop2_iv"))
    return rows


def proposition_3(P: m.Params) -> list[Check]:
    """Prop. 3 in the Heckscher-Ohlin block: trade along M from 0 to M̃^j."""
    rows = []
    t = "tests/test_negotiating_blocs.py::test_prop3"
    for regime, sup in (("E", "E"), ("star", "*")):
        A = m.trade_path(P, regime, "transfers")
        B = m.trade_path(P, regime, "market access")
        dA = A["volume"][-1] - A["volume"][0]
        dB = B["volume"][-1] - B["volume"][0]
        rows.append(Check(f"3 ({sup})", "trade falls with migration under transfers, rises under market access",
                          f"Δ volume: transfers {_f(dA)}, market access {_f(dB)} "
                          f"(p from {_f(B['p'][0])} to {_f(B['p'][-1])})",
                          dA < 0 < dB, t))
    return rows


def markdown(checks: list[Check]) -> str:
    """A Markdown table of checks."""
    rows = [[c.id, _esc(c.claim), _esc(c.evidence), "yes" if c.holds else "**no**"] for c in checks]
    return tables.markdown_table(["Part", "Claim", "At these parameters", "Holds?"], rows)


RESULT_LABELS = {
    "nE": "no-fee bloc size n^E (point A)", "BE": "its average benefit B^E (DA = C0)",
    "VE": "its value V^E (area C0AD)", "n_star": "fee bloc size n* (point E)",
    "B_star": "average benefit B* (GE = F0)", "B_star_OR": "benefit per founder B*_OR (JE = I0)",
    "V_star": "value V* (area F0EG)", "nH": "open-access size n^H (point H)",
    "alpha_hat_E": "critical heterogeneity α̂^E", "alpha_hat_star": "critical heterogeneity α̂*",
    "M_tilde_E": "optimal migration M̃^E", "alpha_tilde_E": "heterogeneity after migration α̃^E",
    "n_tilde_E": "bloc size ñ^E (A′)", "dG_E": "gain from migration ΔG^E",
    "M_tilde_star": "optimal migration M̃*", "alpha_tilde_star": "heterogeneity after migration α̃*",
    "n_tilde_star": "bloc size ñ* (E′)", "dG_star": "gain from migration ΔG*",
    "z_E": "migration cost per founder z^E", "z_star": "migration cost per founder z*",
    "G_tilde_E": "net value with migration G̃^E", "G_tilde_star": "net value with migration G̃*",
    "c_bar_E": "cost threshold c̄^E", "c_bar_star": "cost threshold c̄*",
    "M_max": "largest admissible migration M_max",
}


def results_markdown(P: m.Params | None = None) -> str:
    """``results()`` as a Markdown table (name, meaning, value)."""
    meanings = {k: _esc(v) for k, v in RESULT_LABELS.items()}
    return tables.results_markdown(m.results(P), meanings, fmt="{:.4f}")


def areas_markdown(P: m.Params) -> str:
    """The areas of Figure 1, each computed by integration and compared with its closed form."""
    s = m.solve(P)
    a = m.areas_no_migration(P) | m.areas_migration(P, s)
    rows = [
        ("C0AD", "rectangle [0, n^E]×[0, B^E]", a["C0AD"], "V^E = n^E B^E", s.VE),
        ("F0EG", "rectangle [0, n*]×[0, B*]", a["F0EG"], "V* = n^E B*_OR", s.n_star * s.B_star),
        ("EAD", "∫ V_n(n; α₀) dn over [n^E, n*]", a["EAD"], "V* − V^E", s.V_star - s.VE),
        ("C′0A′D′", "rectangle [0, ñ^E]×[0, B̃^E − z^E]", a["C0AD_t"], "G̃^E", s.mig_E.G),
        ("C′D′A′ADC", "L-shaped polygon (C′0A′D′ minus C0AD)", a["CDAADC"], "ΔG^E", s.mig_E.dG),
        ("D′A′E′", "∫ V_n(n; α̃*) dn over [ñ^E, ñ*]", a["DAE"], "G̃* − G̃^E (approx.)", a["Gdiff"]),
        ("C′0E′D′ − C0AD", "total gain from fee and migration", a["total"], "G̃* − V^E", s.mig_star.G - s.VE),
    ]
    ic = s.B_star_OR - s.BE
    rows += [("IC (segment), IC/C0", "B*_OR − B^E; relative gain of founders", ic, "(B*_OR − B^E)/B^E",
              ic / s.BE),
             ("JE/GE", "B*_OR/B*", s.B_star_OR / s.B_star, "E0/A0 = n*/n^E", s.n_star / s.nE)]
    cells = [(name, _esc(how), float(val), _esc(eq), float(cf)) for name, how, val, eq, cf in rows]
    return tables.markdown_table(["Area", "Computed as", "Area", "Equals", "Closed form"], cells,
                                 fmt="{:.4f}")
