"""Benchmarks of lib/customs_unions: the live panel's updates and the three-country solve.

Run with the venv python: ``.venv/bin/python benchmarks/bench_customs_unions.py``.
Prints medians next to the issue's targets (no assertions).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from live_panels import session  # noqa: E402
from timing import median_ms  # noqa: E402
from timing import static_render as draw_update  # noqa: E402

from lib import customs_unions as cu  # noqa: E402


def main():
    P3, P2 = cu.ThreeCountryParams(), cu.TwoCountryParams()
    rows = []
    for label, spec in ((k, s) for k, s in cu.FIGURES.items() if s.live):
        r = session(spec)
        rows.append((f"{label} live update (median of {r['n']})", r["median"], 50.0))
    # the supplementary figures are static in the chapter (no live panel): timed for information
    for label, draw, params in [("fig_s1 draw (static, two panels)", cu.fig_s1, P2),
                                ("fig_s2 draw (static, two panels)", cu.fig_s2, P3),
                                ("fig_s3 draw (static, two panels)", cu.fig_s3, P3)]:
        rows.append((label, median_ms(draw_update(draw, params), repeat=9), float("nan")))
    grid = np.linspace(0.0, P3.T, 200)
    rows.append(("three-country equilibrium, 200-point τ grid", median_ms(lambda: cu.three_country(P3, grid)), 100.0))
    rows.append(("three-country, 200 points, no-link counterfactual",
                 median_ms(lambda: cu.three_country(P3, grid, link=False)), 100.0))
    rows.append(("two-country equilibrium, 200-point τ grid",
                 median_ms(lambda: cu.two_country(P2, np.linspace(0, P2.T, 200))), 100.0))
    rows.append(("results()", median_ms(cu.results), float("nan")))
    rows.append(("ΔW_N by (28), 48-point Gauss-Legendre",
                 median_ms(lambda: cu.northern_welfare_change(P3, "integral")), float("nan")))
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  median (ms)  target (ms)")
    for label, ms, target in rows:
        tgt = "" if np.isnan(target) else f"< {target:g}" + ("  ok" if ms < target else "  SLOW")
        print(f"{label:<{width}}  {ms:11.2f}  {tgt}")


if __name__ == "__main__":
    main()
