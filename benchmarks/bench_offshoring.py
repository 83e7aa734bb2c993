"""Benchmarks for the Baldwin & Okubo chapter (a plain script, not a test).

Run with the book's virtualenv::

    .venv/bin/python benchmarks/bench_offshoring.py

Prints the median time of (1) each live panel's update over a reader's session
(:mod:`live_panels`: recompute, redraw in place, encode the PNG) and (2) the full
set of equilibrium objects on a 1,000-point ``phi`` grid, each next to the
issue's target.
"""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from live_panels import session  # noqa: E402
from timing import timings_ms as median_ms  # noqa: E402

from lib import offshoring as bo  # noqa: E402

TARGET_MS = 50.0
P = bo.Params()


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
    for label, spec in ((k, s) for k, s in bo.FIGURES.items() if s.live):
        r = session(spec)
        rows.append((f"{label} live update (median of {r['n']})", (r["median"], r["cpu"])))
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
