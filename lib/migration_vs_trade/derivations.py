"""Symbolic derivations behind the F3 and F4 closed forms (sympy; the derivation is the point)."""

from __future__ import annotations

import sympy as sp


def surplus_leading_term():
    """Leading term in ``M`` of the immigration surplus of F3.

    With ``w_D(L) = (L/L_D)^(a-1)`` (so ``w_D(L_D) = 1``) and ``Q_D(L) = (L_D/a)(L/L_D)^a``,
    the surplus ``L_D[w_D(L_D+M) - 1] + (1-a)[Q_D(L_D+M) - Q_D(L_D)]`` expands to
    ``(1-a) M^2 / (2 L_D) + O(M^3)``.

    Returns
    -------
    (surplus, leading) : tuple of sympy expressions
    """
    a, L, M = sp.symbols("a L_D M", positive=True)
    x = sp.Symbol("x", positive=True)
    w = (x / L) ** (a - 1)
    Q = L / a * (x / L) ** a
    surplus = L * (w.subs(x, L + M) - 1) + (1 - a) * (Q.subs(x, L + M) - Q.subs(x, L))
    leading = sp.simplify(sp.series(surplus, M, 0, 3).removeO())
    return surplus, leading


def nash_effort():
    """B's effort in F4 from the first-order condition of the generalised Nash product.

    Maximises ``η log(a0 + ε e) + (1-η) log(b0 - e)`` over ``e``; the interior
    solution is ``e = (η ε b0 - (1-η) a0)/ε``.
    """
    a0, b0, eps, eta, e = sp.symbols("a_0 b_0 varepsilon eta e", real=True)
    obj = eta * sp.log(a0 + eps * e) + (1 - eta) * sp.log(b0 - e)
    (sol,) = sp.solve(sp.diff(obj, e), e)
    return sp.simplify(sol)
