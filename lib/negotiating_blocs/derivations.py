"""Symbolic derivations for Schiff (2014) (sympy; the derivation is the point here).

* :func:`comparative_statics` differentiates the first-order conditions
  ``B_n = 0`` and ``V_n = 0`` implicitly with *abstract* ``R, C^I, C^R`` and
  compares with the paper's (6) and (7): (6) and (7) for ``alpha`` hold as
  identities; (7) for ``x`` holds only with the extra ``-1`` that comes from
  ``-B^1(x)``.
* :func:`sign_conditions` lists every derivative of (1)-(3) for the book's
  forms with its required sign.
* :func:`migration_algebra` checks (8), (10), (13) and the second-order
  condition of footnote 14 [reconstructed].
"""

from __future__ import annotations

import sympy as sp


def _abstract():
    n, x, a, R1 = sp.symbols("n x alpha R_1", positive=True)
    R = sp.Function("R")(n)
    CI = sp.Function("C^I")(n, x)
    CR = sp.Function("C^R")(n, a)
    B = R - CI - CR - (R1 - x)  # eq. (5) with B^1(x) = R(1) - x
    return n, x, a, B, CI, CR


def comparative_statics() -> dict:
    """Implicit differentiation of the first-order conditions with abstract forms.

    Returns a dict of sympy expressions: the implicit derivatives, the
    paper's printed formulas and the residual ``implicit - printed`` for each
    (``0`` means the paper's formula is an identity).
    """
    n, x, a, B, CI, CR = _abstract()
    Bn, Bnn = sp.diff(B, n), sp.diff(B, n, 2)
    V = n * B
    Vn = sp.diff(V, n)
    out = {}
    # (6): total differential of B_n = 0
    out["dnE_dalpha"] = -sp.diff(Bn, a) / sp.diff(Bn, n)
    out["dnE_dx"] = -sp.diff(Bn, x) / sp.diff(Bn, n)
    out["eq6_alpha_printed"] = sp.diff(CR, n, a) / Bnn
    out["eq6_x_printed"] = sp.diff(CI, n, x) / Bnn
    # (7): total differential of V_n = 0
    den = 2 * Bn + n * Bnn
    out["Vnn_identity"] = sp.simplify(sp.diff(Vn, n) - den)
    out["dnstar_dalpha"] = -sp.diff(Vn, a) / sp.diff(Vn, n)
    out["dnstar_dx"] = -sp.diff(Vn, x) / sp.diff(Vn, n)
    out["eq7_alpha_printed"] = (sp.diff(CR, a) + n * sp.diff(CR, n, a)) / den
    out["eq7_x_printed"] = (sp.diff(CI, x) + n * sp.diff(CI, n, x)) / den
    out["eq7_x_corrected"] = (sp.diff(CI, x) + n * sp.diff(CI, n, x) - 1) / den
    out["Vn_elasticity_identity"] = sp.simplify(Vn - B * (1 + n * Bn / B))
    for key, (lhs, rhs) in {
        "residual_eq6_alpha": ("dnE_dalpha", "eq6_alpha_printed"),
        "residual_eq6_x": ("dnE_dx", "eq6_x_printed"),
        "residual_eq7_alpha": ("dnstar_dalpha", "eq7_alpha_printed"),
        "residual_eq7_x_printed": ("dnstar_dx", "eq7_x_printed"),
        "residual_eq7_x_corrected": ("dnstar_dx", "eq7_x_corrected"),
    }.items():
        out[key] = sp.simplify(out[lhs] - out[rhs])
    return out


def book_forms():
    """The book's forms [B] as sympy expressions (share units, ``m = N n``)."""
    n, N, x, rho, a, g1 = sp.symbols("n N x rho alpha gamma_1", positive=True)
    g0 = sp.Symbol("gamma_0", nonnegative=True)
    R = rho * sp.log(N * n)
    CI = x / (N * n)
    CR = (g0 + g1 * a**2) * N**2 * n**2
    B = R - CI - CR + x  # B^1 = R(1/N) - x = -x
    return {"n": n, "N": N, "x": x, "rho": rho, "alpha": a, "gamma0": g0, "gamma1": g1,
            "R": R, "CI": CI, "CR": CR, "B": B}


def sign_conditions() -> list[tuple[str, sp.Expr, str]]:
    """``(name, expression, required sign)`` for every sign in (1)-(3) and ``B_nn < 0``."""
    f = book_forms()
    n, x, a = f["n"], f["x"], f["alpha"]
    R, CI, CR, B = f["R"], f["CI"], f["CR"], f["B"]
    return [
        ("R_n", sp.diff(R, n), "positive"), ("R_{nn}", sp.diff(R, n, 2), "negative"),
        ("C^I_n", sp.diff(CI, n), "negative"), ("C^I_{nn}", sp.diff(CI, n, 2), "positive"),
        ("C^I_x", sp.diff(CI, x), "positive"), ("C^I_{nx}", sp.diff(CI, n, x), "negative"),
        ("C^R_n", sp.diff(CR, n), "positive"), ("C^R_{nn}", sp.diff(CR, n, 2), "positive"),
        ("C^R_\\alpha", sp.diff(CR, a), "positive"),
        ("C^R_{\\alpha\\alpha}", sp.diff(CR, a, 2), "positive"),
        ("C^R_{n\\alpha}", sp.diff(CR, n, a), "positive"), ("B_{nn}", sp.diff(B, n, 2), "negative"),
    ]


def printed_eq7x_numerator_book():
    """The paper's printed numerator of (7) for ``x``, ``C^I_x + n C^I_nx``, under the book forms (= 0)."""
    f = book_forms()
    n, x, CI = f["n"], f["x"], f["CI"]
    return sp.simplify(sp.diff(CI, x) + n * sp.diff(CI, n, x))


def migration_algebra() -> dict:
    """(8), (10), (13) and the second-order condition under the reconstructed map (8).

    Returns the derivative of (8), the solution of (10) for ``M``, the
    residual of (13) and ``G''(M)`` rewritten as ``8 (2 V_aa + V_a)/(1+2M)^2``.
    """
    M, c, a0 = sp.symbols("M c alpha_0", positive=True)
    Va = sp.Symbol("V_alpha", negative=True)  # the paper's necessary condition for M~ > 0
    Vaa = sp.Symbol(r"V_{\alpha\alpha}", real=True)
    alpha = a0 - 2 * sp.log(1 + 2 * M)
    aM = sp.diff(alpha, M)
    aMM = sp.diff(alpha, M, 2)
    foc = Va * aM - c  # eq. (9)-(10): dG/dM = V_alpha alpha_M - c
    M_tilde = sp.solve(sp.Eq(foc, 0), M)[0]
    alpha_tilde = alpha.subs(M, M_tilde)
    eq13 = a0 - 2 * sp.log(-4 * Va / c)
    Gpp = Vaa * aM**2 + Va * aMM
    return {
        "alpha_M": sp.simplify(aM), "alpha_MM": sp.simplify(aMM),
        "M_tilde": sp.simplify(M_tilde),
        "M_tilde_residual": sp.simplify(M_tilde - (-(4 * Va + c) / (2 * c))),
        # compare exp((alpha0 - alpha)/2), i.e. the arguments of the logs (no branch issues)
        "eq13_residual": sp.simplify(sp.exp((a0 - alpha_tilde) / 2) - sp.exp((a0 - eq13) / 2)),
        "G_MM": sp.factor(sp.simplify(Gpp)),
        "soc_residual": sp.simplify(Gpp - 8 * (2 * Vaa + Va) / (1 + 2 * M) ** 2),
    }
