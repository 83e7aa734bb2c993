"""Symbolic derivations (sympy) of the equations the OCR lost or garbled.

Each function derives an equation from the model's primitives and returns a
:class:`Derivation` holding the derived expression, the paper's (or brief's)
printed form and their simplified difference, which must be 0.  Used by the
chapter (collapsed cells) and by ``tests/test_customs_unions.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp


@dataclass(frozen=True)
class Derivation:
    """An equation derived with sympy and compared with its printed form."""

    equation: str
    derived: sp.Expr
    printed: sp.Expr
    residual: sp.Expr

    @property
    def holds(self) -> bool:
        return sp.simplify(self.residual) == 0


def _d(eq, derived, printed):
    return Derivation(eq, derived, printed, sp.simplify(derived - printed))


# two-country symbols
P, A, t, tb, tau, K, ss, Om, fs, r = sp.symbols("P A t thetabar tau K s_s Omega f^* r", positive=True)


@lru_cache(maxsize=1)
def two_country() -> dict[str, Derivation]:
    """(4) from W = W̃; (6) and (7) by Leibniz on θ = 1 − F(Ω*); (9) by the implicit-function theorem."""
    sn = A * K
    W = P * (1 + tau) * (ss + t * sn)                       # (2)
    Wt = P * (ss + sn) * (1 - tb * Om)                      # (3)
    om_star = sp.solve(sp.Eq(W, Wt), Om)[0]
    printed4 = (1 - (1 + tau) * (ss + t * sn) / (ss + sn)) / tb
    # θ = 1 − F(Ω*): ∂θ/∂x = −f(Ω*) ∂Ω*/∂x, with f(Ω*) written f_star
    th_tau = -fs * sp.diff(om_star, tau)
    th_K = -fs * sp.diff(om_star, K)
    printed6 = fs * (ss + t * sn) / (tb * (ss + sn))
    printed6b = fs * (1 - tb * om_star) / (tb * (1 + tau))
    printed7 = -fs * (1 + tau) * A * (1 - t) * ss / (tb * (ss + sn) ** 2)
    # (9): implicit-function theorem on Z(K, τ) = θ(K, τ)(1−t)P(1+τ)A − r = 0, θ a function of (K, τ)
    th = sp.Function("theta")(K, tau)
    Z = th * (1 - t) * P * (1 + tau) * A - r
    dK_ift = -sp.diff(Z, tau) / sp.diff(Z, K)
    dK_printed = -(th / (1 + tau) + sp.diff(th, tau)) / sp.diff(th, K)
    # closed form of (9) in equilibrium: substitute (6), (7)
    dK_eq = -(th / (1 + tau) + th_tau) / th_K
    closed = (ss + sn) ** 2 / ((1 + tau) ** 2 * A * (1 - t) * ss) * (tb * th / fs + 1 - tb * om_star)
    return {
        "(4)": _d("(4)", om_star, printed4),
        "(6)": _d("(6)", th_tau, printed6),
        "(6) second form": _d("(6) second form", th_tau, printed6b),
        "(7)": _d("(7)", th_K, printed7),
        "(9)": _d("(9)", dK_ift, dK_printed),
        "(9) closed form": _d("(9) closed form", dK_eq, closed),
    }


@lru_cache(maxsize=1)
def three_country() -> dict[str, Derivation]:
    """The comparative statics (24a)-(24b) by Cramer's rule on the appendix system, and (25)-(27), (28)."""
    a, b, thA, thB, gA, gB, hA, Pp, dKA, dKB = sp.symbols("a b theta_A theta_B g_A g_B h_A Pp dKA dKB")
    P3, tau3, T, eps, s, sA, sB = sp.symbols("P tau T epsilon s s_A s_B", positive=True)
    dP = Pp * (a * dKA + b * dKB)
    # d(13a)/[(1−tᴬ)a] and d(13b)/[(1−tᴮ)b] per unit dτ
    e1 = (1 + tau3) * P3 * gA * dKA + thA * (1 + tau3) * dP + thA * P3 + (1 + tau3) * P3 * hA
    e2 = P3 * gB * dKB + thB * dP
    sol = sp.solve([e1, e2], [dKA, dKB], dict=True)[0]
    X = thA / (1 + tau3) + hA
    Delta = P3 * (P3 * gA * gB + Pp * a * gB * thA + Pp * b * gA * thB)
    p24a = -P3 * X * (P3 * gB + b * thB * Pp) / Delta
    p24b = a * thB * P3 * Pp * X / Delta
    ds = a * sol[dKA] + b * sol[dKB]
    p_ds = -a * P3 ** 2 * X * gB / Delta
    ratio25 = (b * sol[dKB]) / (a * sol[dKA])
    p25 = -a * b * thB * Pp / (a * b * thB * Pp + a * P3 * gB)
    ratio26 = sol[dKB] / sol[dKA]
    p26 = -a * thB * Pp / (b * thB * Pp + P3 * gB)
    # (27): constant-elasticity demand at equilibrium, P' = −εP/s; λ = s_B/s, m = −g_B s_B
    lam, m = sB / s, -gB * sB
    p27 = -a * thB * eps * lam / (b * thB * eps * lam + m)
    d27 = p26.subs(Pp, -eps * P3 / s)
    # (28): dW_N/dτ as a four-term flow equals aP²XΨ/Δ − P sᴬ
    flow = (P3 * T * b * sol[dKB] + P3 * (T - tau3) * a * sol[dKA] - P3 * sA
            - Pp * ds * (sB + (1 + tau3) * sA))
    Psi = tau3 * b * thB * Pp - (T - tau3) * P3 * gB + Pp * gB * (sB + (1 + tau3) * sA)
    p28 = a * P3 ** 2 * X * Psi / Delta - P3 * sA
    return {
        "(24a)": _d("(24a)", sol[dKA], p24a),
        "(24b)": _d("(24b)", sol[dKB], p24b),
        "ds/dτ": _d("ds/dτ", ds, p_ds),
        "(25)": _d("(25)", ratio25, p25),
        "(26)": _d("(26)", ratio26, p26),
        "(27)": _d("(27)", d27, p27),
        "(28)": _d("(28)", flow, p28),
    }


def all_derivations() -> dict[str, Derivation]:
    """Every derivation of the chapter, by equation."""
    return {**two_country(), **three_country()}


def markdown_table(group: str = "two", show_expr: bool = True) -> str:
    """A Markdown table of one group's derivations (``"two"`` or ``"three"``) and their residuals."""
    items = two_country() if group == "two" else three_country()
    head = "| Equation | derived by sympy | printed form − derived |" if show_expr else \
        "| Equation | printed form − derived |"
    rows = [head, "|---|---|---|" if show_expr else "|---|---|"]
    for name, d in items.items():
        res = f"${sp.latex(d.residual)}$"
        if show_expr:
            rows.append(f"| {name} | ${sp.latex(sp.simplify(d.derived))}$ | {res} |")
        else:
            rows.append(f"| {name} | {res} |")
    return "\n".join(rows)
