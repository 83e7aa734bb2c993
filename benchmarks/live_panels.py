"""Benchmark of every chapter's live panel: the median update over a reader's session.

Run: ``.venv/bin/python benchmarks/live_panels.py [label ...]`` (plain script, no pytest).

An *update* is what a panel does when a control moves: rebuild the parameters, recompute,
redraw the :class:`lib.live.LiveFigure` in place and encode the PNG the panel sends.  The
session is :func:`lib.live.reader_moves`: each control of the panel swept over its range and
set back, one at a time.  Target (issues 3, 4, 6): median under 50 ms.  The script also
prints the 90th percentile and how often an update had to re-render axes frames.
"""

from __future__ import annotations

import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from lib import registry  # noqa: E402
from lib.live import LiveFigure, reader_moves  # noqa: E402

TARGET_MS = 50.0
#: Every live panel the chapters declare (``FigureSpec(..., live=True)`` in each paper's figures).
PANELS = {label: spec for label, spec in registry.figure_specs().items() if spec.live}


def session(spec, points: int = 9) -> dict:
    """Time every update of one reader session on ``spec``'s panel (milliseconds)."""
    live = LiveFigure(spec.draw, spec.params, **{k: c.default for k, c in spec.extras.items()})
    times, cpu = [], []
    for params, extras, _ in reader_moves(spec.params, spec.controls, spec.extras, points):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            live.update(params, **extras)
            live.png()
        except ValueError:
            continue  # the panel shows the model's message and keeps the figure
        times.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    plt.close(live.fig)
    return {"n": len(times), "median": statistics.median(times),
            "cpu": statistics.median(cpu),
            "p90": statistics.quantiles(times, n=10)[-1], **live.stats}


def main(labels) -> None:
    print(f"{'panel':16s} {'updates':>7s} {'median':>7s} {'cpu':>6s} {'p90':>6s} "
          f"{'cells':>6s} {'frames':>6s}  target < {TARGET_MS:.0f} ms")
    for label in labels or PANELS:
        r = session(PANELS[label])
        flag = "ok" if r["median"] < TARGET_MS else "SLOW"
        print(f"{label:16s} {r['n']:7d} {r['median']:7.1f} {r['cpu']:6.1f} {r['p90']:6.1f} "
              f"{r['cells']:6d} {r['frames']:6d}  {flag}")


if __name__ == "__main__":
    main(sys.argv[1:])
