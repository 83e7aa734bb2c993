"""Benchmarks of the Gordon chapter: median time of each interactive update and model solve.

Run: ``.venv/bin/python benchmarks/bench_migration_vs_trade.py`` (plain script, no pytest).
A live update is what a panel does when a control moves, over a reader's session
(:mod:`live_panels`: recompute, redraw in place, encode the PNG).  Target: median under 50 ms.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from live_panels import session  # noqa: E402
from timing import timings_ms as median_ms  # noqa: E402

from lib.figures import new_axes  # noqa: E402
from lib.migration_vs_trade import figures as F  # noqa: E402
from lib.migration_vs_trade import model as m  # noqa: E402

TARGET_MS = 50.0


def empty(ncols: int, figsize):
    """Context: an empty figure in the book style with the same panels (no model, no content)."""
    def run():
        fig, _ = new_axes(None, ncols=ncols, figsize=figsize)
        fig.canvas.draw()
        plt.close(fig)
    return run


def main() -> None:
    solves = [
        ("solve: free trade (F1)", lambda: m.free_trade(m.HOSParams())),
        ("solve: τ sweep, 121 points (F2a)", lambda: m.tau_sweep(m.TechParams(), [1 + 0.025 * i for i in range(121)])),
        ("solve: crossing τ* (F2)", lambda: m.crossing_tau(m.TechParams())),
        ("solve: migration gains (F3)", lambda: m.migration_gains(m.GainsParams())),
        ("solve: bargain (F4)", lambda: m.bargain(m.BargainParams(eps=1.0))),
        ("results()", m.results),
        ("context: empty 2-panel figure", empty(2, (11.0, 4.6))),
        ("context: empty 3-panel figure", empty(3, (13.5, 4.3))),
    ]
    print(f"{'case':36s} {'wall ms':>8s} {'cpu ms':>8s} {'target':>8s}")
    for label, spec in ((k, s) for k, s in F.FIGURES.items() if s.live):
        r = session(spec)
        flag = "ok" if r["median"] < TARGET_MS else "SLOW"
        name = f"{label} live (median of {r['n']})"
        print(f"{name:36s} {r['median']:8.1f} {r['cpu']:8.1f} {'< ' + str(int(TARGET_MS)):>8s} {flag}")
    for name, fn in solves:
        w, c = median_ms(fn)
        print(f"{name:36s} {w:8.2f} {c:8.2f} {'-':>8s}")


if __name__ == "__main__":
    main()
