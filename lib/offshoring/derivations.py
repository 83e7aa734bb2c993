"""Symbolic derivations (sympy) of the closed forms that survive in the paper's text.

Each function derives one closed form *from the model's conditions* (not by
restating it) and returns a :class:`Derivation`: the expression obtained, the
paper's closed form, and whether the two agree.  The chapter shows them; the
tests assert them.  Derived: the HFT solution (9) and its home-market-effect
slope, the relocation thresholds (17)/(20), the partitioning and sustain
points, (21)-(22), footnote 11, the ``kappa = sigma = 2`` derivative, Result 4
and the welfare metric (26).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sympy as sp

# Symbols, all positive.  kappa is written as beta*(sigma-1) where convenient.
phi, s, beta, sigma, f, fI = sp.symbols("phi s_E beta sigma f f_I", positive=True)
B, Bs, N, M, IX, IR, ID, sn = sp.symbols("B B^* n^w M I_X I_R I_D s_n", positive=True)
p = sp.Symbol("p", positive=True)  # p = phi**beta, the "effective freeness"
lam = beta / (beta - 1)


@dataclass(frozen=True)
class Derivation:
    """One symbolic result: what we derived, the paper's form, and whether they agree."""

    name: str
    derived: sp.Expr
    paper: sp.Expr
    holds: bool
    note: str = ""
    #: What ``paper`` is: one of :data:`AGAINST`.
    against: str = "reconstruction"
    #: ``derived = factor * paper`` is what ``holds`` checks (a positive factor the printed form lacks).
    factor: sp.Expr = sp.Integer(1)


#: What a derivation is checked against: a closed form that survives in the paper's text, the
#: paper's words (no formula survives), or a reconstruction / conjecture of a lost display.
AGAINST = {
    "paper": "the paper's closed form (survives in the text)",
    "paper, printed form up to a factor": "the paper's printed closed form, times a positive factor it lacks",
    "paper's words": "the paper's statement in words (the formula is ours)",
    "reconstruction": "our reconstruction of a lost display (not a check of the paper)",
    "conjecture": "a conjectured reconstruction of a lost display (not a check of the paper)",
}


def _same(a, b) -> bool:
    return sp.simplify(sp.powsimp(sp.expand_power_base(a - b, force=True), force=True)) == 0


@cache
def hft_equal_B() -> Derivation:
    """Free entry in both nations forces ``B = B*`` (Result 1, footnote 7).

    At the cut-offs each free-entry integral equals ``f a**kappa/(beta-1)``, so with
    ``X = (B/f)**beta`` and ``Y = (B*/f)**beta`` the North's and South's
    conditions read ``X + p Y = K`` and ``Y + p X = K``.
    """
    X, Y, K = sp.symbols("X Y K", positive=True)
    sol = sp.solve([X + p * Y - K, Y + p * X - K], [X, Y], dict=True)[0]
    return Derivation(r"free entry North $-$ South: $(B/f)^\beta - (B^*/f)^\beta$", sol[X] - sol[Y], sp.Integer(0),
                      _same(sol[X], sol[Y]), against="paper's words")


@cache
def hft_solution() -> dict:
    """(9): ``a_D**kappa``, ``n^w`` and ``s_n`` from the cut-offs, free entry and market clearing."""
    aDk = sp.Symbol("a_D^kappa", positive=True)
    # free entry with B = B*: (lambda - 1) f (1 + p) aD^kappa = fI
    aDk_sol = sp.solve(sp.Eq((lam - 1) * f * (1 + p) * aDk, fI), aDk)[0]
    # B = sE/(n^w mbar), B* = (1-sE)/(n^w mbar*), with B aD^(1-sigma) = f and
    # n^w mbar = n^w lam aD^(1-sigma) [sn + p (1-sn)]: unknowns N = n^w, M = n^w sn
    sol = sp.solve([lam * (M + p * (N - M)) - s / f, lam * (p * M + N - M) - (1 - s) / f],
                   [N, M], dict=True)[0]
    nw_sol = sp.simplify(sol[N])
    sn_sol = sp.simplify(sol[M] / sol[N])
    return {
        "aD": Derivation(r"$a_D^\kappa$ in (9)", aDk_sol, (beta - 1) * fI / (f * (1 + p)),
                         _same(aDk_sol, (beta - 1) * fI / (f * (1 + p)))),
        "nw": Derivation(r"$n^w$ in (9)", nw_sol, (beta - 1) / (beta * f * (1 + p)),
                         _same(nw_sol, (beta - 1) / (beta * f * (1 + p)))),
        "sn": Derivation(r"$s_n$ in (9)", sn_sol, sp.Rational(1, 2) + (1 + p) / (1 - p) * (s - sp.Rational(1, 2)),
                         _same(sn_sol, sp.Rational(1, 2) + (1 + p) / (1 - p) * (s - sp.Rational(1, 2)))),
    }


@cache
def hme_slope() -> Derivation:
    """``ds_n/ds_E = (1+phi**beta)/(1-phi**beta)`` from the derived (9)."""
    d = sp.simplify(sp.diff(hft_solution()["sn"].derived, s))
    paper = (1 + p) / (1 - p)
    return Derivation(r"HME slope $ds_n/ds_E$", d, paper, _same(d, paper), against="paper")


def _location_ratio(phase: str):
    """Solve ``sE Delta* = (1-sE) Delta`` (i.e. ``B = B*``) for ``I_R/I_X``."""
    if phase == "XX":  # (15)
        D = s * ID + (1 - s) * IR + phi * (1 - s) * (IX - IR)
        Ds = (1 - s) * (ID - IR) + phi * (1 - s) * IR + phi * s * IX
    else:  # (19)
        D = s * ID + (1 - s) * IR
        Ds = phi * IX + (1 - s) * (ID - IR)
    IR_sol = sp.solve(sp.Eq(s * Ds, (1 - s) * D), IR)[0]
    return sp.simplify(IR_sol / IX), D


@cache
def relocation_thresholds() -> dict:
    """(17) and (20): ``(a_R/a_X)**c = I_R/I_X`` from ``B = B*``; and the common ``B``."""
    rxx, Dxx = _location_ratio("XX")
    rdd, _ = _location_ratio("DD")
    paper_xx = phi * (2 * s - 1) / ((1 - phi) * (1 - s))
    paper_dd = phi * s / (1 - s)
    # substituting (17) into (16): B = sE/(n^w Delta) becomes 1/(n^w (I_D + phi I_X))
    Bxx = sp.simplify(s / (N * Dxx.subs(IR, rxx * IX)))
    return {
        "XX": Derivation(r"$(a_R/a_X)^{c}$ in the XX phase (17)", rxx, paper_xx, _same(rxx, paper_xx)),
        "DD": Derivation(r"$(a_R/a_X)^{c}$ in the DD phase (20)", rdd, paper_dd, _same(rdd, paper_dd)),
        "B": Derivation(r"common $B = B^*$ after relocation, first part of (18)", Bxx, 1 / (N * (ID + phi * IX)),
                        _same(Bxx, 1 / (N * (ID + phi * IX)))),
    }


@cache
def partition_point() -> Derivation:
    """``phi_P``: set ``a_R = a_X`` in (17)."""
    sol = sp.solve(sp.Eq(relocation_thresholds()["XX"].derived, 1), phi)[0]
    return Derivation(r"partitioning point $\phi_P$", sol, (1 - s) / s, _same(sol, (1 - s) / s), against="paper")


@cache
def sustain_point() -> Derivation:
    """``phi_S``: set ``a_R = a_D`` in (20) with ``(a_X/a_D)**c = phi**(beta-1)``."""
    expr = phi ** (beta - 1) * relocation_thresholds()["DD"].derived  # (a_R/a_D)^c
    sol = sp.solve(sp.Eq(sp.powsimp(expr), 1), phi)[0]
    paper = ((1 - s) / s) ** (1 / beta)
    return Derivation(r"sustain point $\phi_S$", sol, paper, _same(sol, paper), against="paper")


@cache
def entry_after_relocation() -> dict:
    """(21)-(22): the domestic cut-off and global free entry after relocation.

    With ``I_D + phi I_X = lam a_D**(1-sigma) (1 + phi**beta)``, the cut-off
    ``a_D**(1-sigma) B = f`` gives ``n^w``; footnote 15's global free entry
    ``1/n^w = fI/a_D**kappa + f (1 + phi**beta)`` then gives ``a_D``.
    """
    nw = sp.solve(sp.Eq(1 / (N * lam * (1 + p)), f), N)[0]
    aDk = sp.Symbol("a_D^kappa", positive=True)
    aDk_sol = sp.solve(sp.Eq(1 / nw, fI / aDk + f * (1 + p)), aDk)[0]
    return {
        "nw": Derivation(r"$n^w$ in (21)", nw, (beta - 1) / (beta * f * (1 + p)),
                         _same(nw, (beta - 1) / (beta * f * (1 + p)))),
        "aD": Derivation(r"$a_D^\kappa$ in (22)", sp.simplify(aDk_sol), (beta - 1) * fI / (f * (1 + p)),
                         _same(aDk_sol, (beta - 1) * fI / (f * (1 + p)))),
    }


@cache
def footnote_11() -> Derivation:
    """``d ln W_X/d phi = (1 - phi**(beta-1)) / ((1+phi)(1+phi**beta))``.

    ``W_X = (1+phi) c / (a_D**c (1+phi**beta))`` with ``a_D**kappa`` from (9) and
    ``c/kappa = 1 - 1/beta``.
    """
    K, c = sp.symbols("K c", positive=True)
    aD_c = (K / (1 + phi ** beta)) ** (1 - 1 / beta)  # a_D**c, K = (beta-1) fI/f
    WX = (1 + phi) * c / (aD_c * (1 + phi ** beta))
    d = sp.simplify(sp.diff(sp.expand_log(sp.log(WX), force=True), phi))
    paper = (1 - phi ** (beta - 1)) / ((1 + phi) * (1 + phi ** beta))
    return Derivation(r"footnote 11: $d\ln W_X/d\phi$", d, paper, _same(d, paper), against="paper")


@cache
def kappa_sigma_2() -> Derivation:
    """``kappa = sigma = 2``: ``d atilde*/d phi`` in the DD phase, from (24).

    The paper prints ``{s(2+phi**2)/(1-s) - 1}/2(1+phi**2)**(3/2)``; the
    derivation adds the factor ``phi`` (lost in extraction) and the scale
    ``sqrt(fI/f)``.
    """
    aD = sp.sqrt(fI / (f * (1 + phi ** 2)))  # (22) with beta = 2, kappa = 2
    rR = s * phi ** 2 / (1 - s)  # (20) with c = 1: r_R = a_R/a_D = z
    atilde = sp.Rational(1, 2) * aD * (1 - rR ** 2) / (1 - rR)  # (24), c/d = 1/2
    d = sp.simplify(sp.diff(atilde, phi))
    printed = (s * (2 + phi ** 2) / (1 - s) - 1) / (2 * (1 + phi ** 2) ** sp.Rational(3, 2))
    factor = phi * sp.sqrt(fI / f)
    return Derivation(r"$\kappa=\sigma=2$: $d\tilde a^*/d\phi$, DD phase", d, printed, _same(d, factor * printed),
                      against="paper, printed form up to a factor", factor=factor)


@cache
def sustain_point_beta() -> dict:
    """Result 4: ``d phi_S/d beta = -phi_S ln((1-s)/s)/beta**2 > 0`` and ``phi_S -> 1``."""
    phiS = ((1 - s) / s) ** (1 / beta)
    d = sp.diff(phiS, beta)
    paper = -phiS * sp.log((1 - s) / s) / beta ** 2
    lim = sp.limit(phiS, beta, sp.oo)
    return {
        "slope": Derivation(r"Result 4: $\partial\phi_S/\partial\beta$", d, paper, _same(d, paper), against="paper's words"),
        "limit": Derivation(r"Result 4: $\lim_{\beta\to\infty}\phi_S$", lim, sp.Integer(1), lim == 1, against="paper's words"),
    }


@cache
def welfare_metric() -> dict:
    """(26) [conjecture]: ``M(s_n = s_E) = 1`` and ``dM/ds_n``, positive iff ``phi**beta < (1-s)/s``."""
    Mexpr = (lam * (sn / s + p * (1 - sn) / (1 - s)) - (1 + p)) / ((lam - 1) * (1 + p))
    at_sE = sp.simplify(Mexpr.subs(sn, s))
    dM = sp.simplify(sp.diff(Mexpr, sn))
    paper_dM = lam * (1 / s - p / (1 - s)) / ((lam - 1) * (1 + p))
    return {
        "M_at_sE": Derivation(r"(26): $M(s_n = s_E)$", at_sE, sp.Integer(1), at_sE == 1, against="conjecture"),
        "dM": Derivation(r"(26): $\partial M/\partial s_n$", dM, paper_dM, _same(dM, paper_dM), against="conjecture"),
    }


def all_derivations() -> list[Derivation]:
    """Every derivation above, in the chapter's order."""
    out = [hft_equal_B(), *hft_solution().values(), hme_slope(),
           *relocation_thresholds().values(), partition_point(), sustain_point(),
           *entry_after_relocation().values(), footnote_11(), kappa_sigma_2(),
           *sustain_point_beta().values(), *welfare_metric().values()]
    return out


def markdown_table(items: list[Derivation] | None = None) -> str:
    """The derivations as a Markdown table (sympy's LaTeX; rendered by MyST)."""
    rows = ["| Closed form | Derived from the model's conditions | Checked against | That form | Agree |",
            "|---|---|---|---|---|"]
    for d in items if items is not None else all_derivations():
        shown = [sp.latex(x.subs(p, phi ** beta)) for x in (d.derived, d.paper)]
        against = AGAINST[d.against]
        if d.factor != 1:
            against += f" (${sp.latex(d.factor)}$)"
        rows.append(f"| {d.name} | ${shown[0]}$ | {against} | ${shown[1]}$ | "
                    f"{'✅' if d.holds else '❌'} |")
    return "\n".join(rows)
