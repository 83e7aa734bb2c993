"""Benchmarks for Schiff (2014): model solves and interactive figure updates.

Run with the venv's python (no pytest)::

    .venv/bin/python benchmarks/bench_negotiating_blocs.py

Prints the median time of each measured operation next to the issue's target.
A live update is what a panel does on every slider move, over a reader's session
(:mod:`live_panels`); a static render is a fresh figure drawn on the Agg canvas.
"""

from __future__ import annotations

from dataclasses import replace

import matplotlib

matplotlib.use("Agg")


from live_panels import session  # noqa: E402
from timing import median_ms  # noqa: E402
from timing import static_render as update  # noqa: E402

from lib.negotiating_blocs import checks, figures, model  # noqa: E402

P = model.Params()


def main():
    rows = []
    # the whole model: Sections II and III, both regimes, with optimal migration
    rows.append(("solve(): both regimes with migration", median_ms(lambda: model.solve(P), 50), 20))
    rows.append(("results(): + critical heterogeneities", median_ms(lambda: model.results(P), 50), 20))
    rows.append(("solve() at the uniform map (c = 30)",
                 median_ms(lambda: model.solve(replace(P, spec="uniform", c=30.0)), 50), 20))
    rows.append(("Figure 1 geometry and areas (no drawing)",
                 median_ms(lambda: figures.fig1_geometry(P), 30), 20))
    for label, spec in ((k, s) for k, s in figures.FIGURES.items() if s.live):
        r = session(spec)
        rows.append((f"{label} live update (median of {r['n']})", r["median"], 50))
    for name in ("fig_s1", "fig_s2", "fig_s3", "fig_s4", "fig_s5"):
        rows.append((f"{name} static render (supplementary)",
                     median_ms(update(getattr(figures, name), P), 5, 1), None))
    rows.append(("proposition checks (1-3) at P",
                 median_ms(lambda: (checks.proposition_1(P), checks.proposition_2(P),
                                    checks.proposition_3(P)), 5, 1), None))
    width = max(len(r[0]) for r in rows)
    print(f"{'operation':{width}s}  median ms  target ms")
    for name, ms, target in rows:
        tgt = f"{target:>9}" if target is not None else "        -"
        flag = "" if target is None or ms < target else "  (over target)"
        print(f"{name:{width}s}  {ms:9.2f}  {tgt}{flag}")


if __name__ == "__main__":
    main()
