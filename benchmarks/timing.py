"""Timing helpers shared by the benchmark scripts: medians only, never assertions.

The scripts run as ``.venv/bin/python benchmarks/<script>.py``, so this module is importable as
``timing`` from them.
"""

from __future__ import annotations

import statistics
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402


def timings_ms(fn, repeat: int = 15, warmup: int = 2) -> tuple[float, float]:
    """Median wall-clock and CPU (this process) time of ``fn()`` in milliseconds.

    On a shared machine the wall clock also counts time spent waiting for a core; the CPU time
    does not, so scripts may print both.
    """
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    return statistics.median(wall), statistics.median(cpu)


def median_ms(fn, repeat: int = 15, warmup: int = 2) -> float:
    """Median wall-clock time of ``fn()`` in milliseconds."""
    return timings_ms(fn, repeat, warmup)[0]


def static_render(draw, params, **kw):
    """A fresh figure drawn on the Agg canvas, then closed: what a static (exported) figure costs.

    Not what a live panel pays per update: that is :func:`live_panels.session`.
    """

    def run():
        fig = draw(params, **kw)
        fig.canvas.draw()
        plt.close(fig)

    return run
