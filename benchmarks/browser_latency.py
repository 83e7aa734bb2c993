"""Latency of the live panels as a reader sees it: input event -> new picture displayed, in chromium.

Starts the same local JupyterLab as tests/test_jupyterlab.py (127.0.0.1, a free port, a token,
stopped at the end), opens each chapter, runs it (Run -> Run All Cells), and for every live panel:

* **keyboard**: a reader's session with each numeric slider (``PRESSES`` arrow presses one way,
  then back), timing each press from the ``keydown`` event to the ``load`` of the new picture
  plus the next animation frame (the picture on screen).  Median and 90th percentile.
* **drag**: one quick drag across a quarter of a slider's track (``DRAG_STEPS`` mouse moves,
  one every ``DRAG_STEP_MS``), timing the ``mouseup`` to the last picture (the one for the
  final value), and counting the pictures drawn during the drag: far fewer than the moves
  when updates are coalesced (intermediate values dropped), with no backlog after release.

Goals (issue #11): median <= 100 ms, 90th percentile <= 200 ms, end of drag -> final picture
<= 150 ms, for every panel.  Prints a table; no assertions (not a test).

Run: ``python benchmarks/browser_latency.py [chapter-stem ...]``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_browser import CHROMIUM, FLAGS  # noqa: E402
from tests.test_jupyterlab import (  # noqa: E402
    CHAPTER_STEMS,
    JupyterServer,
    Panel,
    _live_labels,
    _open,
    _run_all,
)

PRESSES = 4        # per numeric slider, one way then back
DRAG_STEPS = 15
DRAG_STEP_MS = 20

_ARM = """(img) => {
    window.__lat = window.__lat || [];
    if (!window.__armed) {
        document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
        document.addEventListener('mouseup', () => { window.__t0 = performance.now(); }, true);
        window.__armed = true;
    }
    if (!img.__timed) {
        img.addEventListener('load', () => requestAnimationFrame(() => {
            window.__lat.push({t: performance.now(), since: performance.now() - window.__t0});
        }));
        img.__timed = true;
    }
    window.__lat.length = 0;
}"""


def _wait_pictures(page, count, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if page.evaluate("() => window.__lat.length") >= count:
            return True
        time.sleep(0.01)
    return False


def _quiet(page, quiet=0.5, timeout=10):
    """Wait until no new picture arrived for ``quiet`` s; return every arrival."""
    last, since, end = -1, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < end:
        n = page.evaluate("() => window.__lat.length")
        if n != last:
            last, since = n, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        time.sleep(0.03)
    return page.evaluate("() => window.__lat.slice()")


def measure_panel(page, index):
    panel = Panel(page, index)
    panel.root.scroll_into_view_if_needed()
    panel.settle()
    panel.img.evaluate(_ARM)
    sliders = panel.root.locator(".bk-live-control .noUi-handle")
    keys = []
    for s in range(sliders.count()):
        handle = sliders.nth(s)
        handle.focus()
        for key in ["ArrowRight"] * PRESSES + ["ArrowLeft"] * PRESSES:
            page.evaluate("() => { window.__lat.length = 0; }")
            handle.press(key)
            if _wait_pictures(page, 1, 2.0):  # none: at the end of the track, or same picture
                keys.append(page.evaluate("() => window.__lat[0].since"))
            _quiet(page, quiet=0.15, timeout=3)
    # a quick drag over a quarter of the first slider's track
    handle = sliders.first
    box = handle.bounding_box()
    track = panel.root.locator(".bk-live-control .noUi-target").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = track["width"] / 4 * (1 if x < track["x"] + track["width"] / 2 else -1)
    page.evaluate("() => { window.__lat.length = 0; }")
    page.mouse.move(x, y)
    page.mouse.down()
    t_down = page.evaluate("() => performance.now()")
    for k in range(1, DRAG_STEPS + 1):
        page.mouse.move(x + dx * k / DRAG_STEPS, y)
        page.wait_for_timeout(DRAG_STEP_MS)
    page.mouse.up()
    arrivals = _quiet(page, quiet=0.6, timeout=10)
    t_up = page.evaluate("() => window.__t0")
    during = sum(1 for a in arrivals if t_down <= a["t"] <= t_up)
    after = [a["t"] - t_up for a in arrivals if a["t"] > t_up]
    end_of_drag = max(after) if after else 0.0
    # the picture shown at the end is the one for the final value (no stale picture left)
    panel.settle()
    return keys, end_of_drag, during, len(after)


def main(stems):
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        server = JupyterServer(Path(tmp))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for stem in stems or CHAPTER_STEMS:
                import nbformat

                nb = nbformat.read(ROOT / "chapters" / f"{stem}.ipynb", as_version=4)
                context, page, _ = _open(browser, server, stem, "lab")
                try:
                    secs = _run_all(page, server, sum(c.cell_type == "code" for c in nb.cells))
                    page.wait_for_function(
                        "n => Array.from(document.querySelectorAll('.bk-live-panel img'))"
                        ".filter(i => i.naturalWidth > 0).length >= n",
                        arg=len(_live_labels(stem)), timeout=60_000)
                    print(f"{stem}: Run All {secs:.1f} s", flush=True)
                    for i, label in enumerate(_live_labels(stem)):
                        keys, eod, during, after = measure_panel(page, i)
                        q = statistics.quantiles(keys, n=10) if len(keys) >= 2 else [float("nan")] * 9
                        row = (label, len(keys), statistics.median(keys) if keys else float("nan"),
                               q[8], eod, during, after)
                        rows.append(row)
                        print("  {:16s} n={:3d} median {:6.1f} ms  p90 {:6.1f} ms  end-of-drag "
                              "{:6.1f} ms  pictures during drag {:2d} / {} moves, after {}".format(
                                  *row[:6], DRAG_STEPS, row[6]), flush=True)
                finally:
                    context.close()
                    server.shutdown_kernels()
        finally:
            browser.close()
            server.stop()
    print("\npanel            presses  median ms  p90 ms  end-of-drag ms   goal: 100 / 200 / 150")
    for label, n, med, p90, eod, _, _ in rows:
        ok = "ok" if med <= 100 and p90 <= 200 and eod <= 150 else "MISSES"
        print(f"{label:16s} {n:7d} {med:10.1f} {p90:7.1f} {eod:15.1f}   {ok}")


if __name__ == "__main__":
    main(sys.argv[1:])
