"""Claim maps (issue 16): time of each claim's predicate over 40,000 points, and of everything
the maps add to a book build.

Prints medians (wall clock and CPU time of this process; on a shared machine the wall clock
also counts waiting for a core).  Budgets (issue 16 item 5): 40,000 points under 1 s for the
Baldwin & Okubo and Fernández-Arias & Spiegel claims, under 3 s for a claim that needs a
root-find per point; all maps together add at most 30 s to ``make book``.

    .venv/bin/python benchmarks/claim_maps.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import timings_ms  # noqa: E402

from lib import claim_maps as C  # noqa: E402

#: Budget per claim over 40,000 points (issue 16 item 5): 1 s for Baldwin & Okubo and
#: Fernández-Arias & Spiegel (the latter solve the price by vectorised bisection, and still meet it),
#: 3 s for the others, which need a root-find per point (Schiff's optimal migration, Gordon's
#: free-trade price).
BUDGET_MS = {"bo": 1000, "fas": 1000, "schiff": 3000, "gordon": 3000}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    print(f"{'claim map':28s} {'share':>7s} {'admissible':>10s} {'wall ms':>8s} {'cpu ms':>8s} "
          f"{'budget':>7s}")
    for cm in C.collect():
        v = C.sample(cm)  # 40,000 points

        def run(cm=cm, v=v):
            cm.evaluate(**v)

        wall, cpu = timings_ms(run, repeat=args.repeat, warmup=1)
        s = C.compute_share(cm)
        budget = BUDGET_MS[cm.paper]
        print(f"{cm.label:28s} {100 * s.share:6.1f}% {s.admissible:10,d} {wall:8.0f} {cpu:8.0f} "
              f"{budget:7d}")

    # what the book build pays: each share once, each static map (grid + draw + export), each
    # explorer (frames), and the atlas/status tables (shares cached)
    with tempfile.TemporaryDirectory() as tmp:
        import matplotlib.pyplot as plt

        from lib.figures import export

        t0, c0 = time.perf_counter(), time.process_time()
        for cm in C.collect():
            C.compute_share(cm)
            fig = C.fig_map(cm)
            export(fig, cm.label, folder=tmp)
            plt.close(fig)
            if cm.z:
                C.explore_map(cm)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"\nall maps, shares and explorers of the book (one build, median of 1): wall {wall:.1f} s, "
          f"cpu {cpu:.1f} s (budget 30 s)")


if __name__ == "__main__":
    main()
