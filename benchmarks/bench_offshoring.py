"""Benchmarks for the Baldwin & Okubo chapter (a plain script, not a test).

Run with the book's virtualenv::

    .venv/bin/python benchmarks/bench_offshoring.py

Prints the median time of (1) each interactive figure's update, i.e. what a
live-panel slider move costs (model recompute + draw with the Agg backend,
rendered to a canvas, figure closed), and (2) the full set of equilibrium
objects on a 1,000-point ``phi`` grid, each next to the issue's target.
"""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from timing import timings_ms as median_ms  # noqa: E402

from lib import offshoring as bo  # noqa: E402
from lib.controls import safe_draw  # noqa: E402

TARGET_MS = 50.0
P = bo.Params()


def figure_update(draw, extras, values):
    """One slider move: recompute + draw (rendered to the Agg canvas) + close."""

    def run():
        fig, msg = safe_draw(draw, P, values, extras)
        if fig is None:
            raise RuntimeError(msg)
        fig.canvas.draw()
        plt.close(fig)

    return run


def all_equilibrium_objects(phi):
    """Every equilibrium object of the chapter on a phi grid."""
    bo.hft(P, phi)
    bo.relocation_equilibrium(P, phi)
    bo.relocation_stage(P, phi)  # includes the implicit export cut-off (18)
    bo.pre_relocation(P, phi)  # two more implicit cut-offs (section 3.5)
    for case in ("relocation", "hft"):
        for nation in ("north", "south"):
            bo.productivity(P, phi, nation, case)
        bo.south_welfare(P, phi, case)


def main():
    rows = []
    updates = [
        ("Fig. 1 update (sigma = 2.3, phi = 0.55)", bo.fig_1, bo.FIG1_EXTRAS, {"sigma": 2.3, "phi": 0.55}),
        ("Fig. 2 update (kappa = 2.4, phi1 = 0.6)", bo.fig_2, bo.FIG2_EXTRAS, {"kappa": 2.4, "phi1": 0.6}),
        ("Fig. 3 update (sE = 0.65, phi = 0.35)", bo.fig_3, bo.FIG3_EXTRAS, {"sE": 0.65, "phi": 0.35}),
        ("Fig. 4 update (phi = 0.6, relocation stage)", bo.fig_4, bo.FIG4_EXTRAS,
         {"phi": 0.6, "stage": "relocation stage"}),
        ("Fig. 5 update (sigma = 1.8, phi1 = 0.6)", bo.fig_5, bo.FIG5_EXTRAS, {"sigma": 1.8, "phi1": 0.6}),
    ]
    for name, draw, extras, values in updates:
        rows.append((name, median_ms(figure_update(draw, extras, values))))
    grid = np.linspace(0, 0.999, 1000)
    rows.append(("All equilibrium objects, 1,000-point phi grid",
                 median_ms(lambda: all_equilibrium_objects(grid), repeat=25)))
    rows.append(("  of which the implicit cut-offs (18) and section 3.5",
                 median_ms(lambda: (bo.stage_export_cutoff(P, grid), bo.pre_relocation(P, grid)),
                           repeat=25)))
    width = max(len(r[0]) for r in rows)
    print(f"load average (1 min) {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'benchmark':<{width}}  wall median (ms)  cpu median (ms)  target (ms)")
    for name, (wall, cpu) in rows:
        flag = "ok" if wall < TARGET_MS else ("ok (cpu)" if cpu < TARGET_MS else "SLOW")
        print(f"{name:<{width}}  {wall:16.2f}  {cpu:15.2f}  {TARGET_MS:11.0f}  {flag}")


if __name__ == "__main__":
    main()
