"""Latency of the live panels as a reader sees it: input event -> new picture displayed, in chromium.

Starts the same local JupyterLab as tests/test_jupyterlab.py (127.0.0.1, a free port, a token,
stopped at the end), opens each chapter, runs it (Run -> Run All Cells), and for every live panel:

* **keyboard**: a reader's session with each numeric slider (``PRESSES`` arrow presses one way,
  then back), timing each press from the ``keydown`` event to the ``load`` of the new picture
  plus the next animation frame (the picture on screen).  Median and 90th percentile; and the
  median of the presses one way only (values not shown before: the panel shows a value seen
  before from memory, so the way back is quicker).
* **drag**: ``DRAGS`` quick drags across a quarter of the first slider's track, back and forth
  (``DRAG_STEPS`` mouse moves each, one every ``DRAG_STEP_MS``), timing each from the
  ``mouseup`` to the last picture (the one for the final value): median and worst.  It also
  counts the pictures shown during each drag (far fewer than the moves when updates are
  coalesced: intermediate values dropped) and after the release (1 when there is no backlog:
  the final value's picture; 2 when the kernel was drawing an older value at release).

The notebook uses JupyterLab's default windowing (``contentVisibility``, what a reader gets), not
the test's ``none`` (see :data:`WINDOWING`; ``--windowing=none`` measures that).  The machine's load average is printed with every panel (the machine is shared; the numbers
depend on it).  ``BK_LIVE_TRACE=<file>`` in the environment appends the browser's timeline of
each panel (input events, picture loads, long tasks; epoch ms) to ``<file>.browser``.

Goals (issue #11): median <= 100 ms, 90th percentile <= 200 ms, end of drag -> final picture
<= 150 ms, for every panel.  Prints a table; no assertions (not a test).

Run: ``python benchmarks/browser_latency.py [chapter-stem | panel-label ...]`` (default: all).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tests.test_jupyterlab as lab_test  # noqa: E402
from tests.test_browser import CHROMIUM, FLAGS  # noqa: E402
from tests.test_jupyterlab import (  # noqa: E402
    CHAPTER_STEMS,
    JupyterServer,
    Panel,
    _live_labels,
    _open,
    _run_all,
)

#: The notebook's windowing mode: JupyterLab's default, what a reader gets.  The browser test
#: uses "none" (every cell attached, so that it can find every panel); with it, every mouse
#: press and release on a slider costs a style recalculation of the whole notebook (noUiSlider
#: sets the body's ``cursor``, an inherited property), hundreds of ms on a long chapter.
#: ``--windowing=none`` measures that case.
WINDOWING = "contentVisibility"
PRESSES = 4        # per numeric slider, one way then back
DRAGS = 6          # per panel, alternately one way and back
DRAG_STEPS = 15
DRAG_STEP_MS = 20

_ARM = """(img) => {
    window.__lat = window.__lat || [];
    if (!window.__armed) {
        window.__events = [];
        const mark = (ev) => { window.__t0 = performance.now();
            window.__events.push({ev: ev, t: performance.timeOrigin + window.__t0}); };
        document.addEventListener('keydown', () => mark('keydown'), true);
        document.addEventListener('mousedown', () => window.__events.push(
            {ev: 'mousedown', t: performance.timeOrigin + performance.now()}), true);
        document.addEventListener('mouseup', () => mark('mouseup'), true);
        window.__armed = true;
        try {
            new PerformanceObserver(list => { for (const e of list.getEntries())
                window.__events.push({ev: 'longtask', t: performance.timeOrigin + e.startTime,
                                      dur: e.duration}); }).observe({entryTypes: ['longtask']});
        } catch (e) { /* no long-task timing */ }
    }
    if (!img.__timed) {
        img.addEventListener('load', () => {
            window.__events.push({ev: 'load', t: performance.timeOrigin + performance.now()});
            requestAnimationFrame(() => {
                window.__events.push({ev: 'frame', t: performance.timeOrigin + performance.now()});
                window.__lat.push({t: performance.now(), since: performance.now() - window.__t0});
            });
        });
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
    keys, new = [], []
    for s in range(sliders.count()):
        handle = sliders.nth(s)
        handle.focus()
        for k, key in enumerate(["ArrowRight"] * PRESSES + ["ArrowLeft"] * PRESSES):
            page.evaluate("() => { window.__lat.length = 0; }")
            handle.press(key)
            if _wait_pictures(page, 1, 2.0):  # none: at the end of the track, or same picture
                keys.append(page.evaluate("() => window.__lat[0].since"))
                if k < PRESSES:  # a value not shown before (the way back shows known ones)
                    new.append(keys[-1])
            _quiet(page, quiet=0.15, timeout=3)
    # quick drags over a quarter of the first slider's track, one way and back, each ending at
    # a new place (so that the final value has not been shown before)
    handle, track = sliders.first, panel.root.locator(".bk-live-control .noUi-target").first
    drags = []
    box, bar = handle.bounding_box(), track.bounding_box()
    first = 1 if box["x"] + box["width"] / 2 < bar["x"] + bar["width"] / 2 else -1
    for d in range(DRAGS):
        box, bar = handle.bounding_box(), track.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        dx = bar["width"] * (0.25 + 0.03 * d) * (first if d % 2 == 0 else -first)
        dx = min(max(dx, bar["x"] + 2 - x), bar["x"] + bar["width"] - 2 - x)
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
        drags.append((max(after) if after else 0.0, during, len(after)))
        panel.settle(quiet=0.3)  # the picture shown at the end is the final value's
    trace = os.environ.get("BK_LIVE_TRACE")
    if trace:
        with open(trace + ".browser", "a") as f:
            f.write(json.dumps(page.evaluate("() => window.__events.splice(0)")) + "\n")
    return keys, new, drags


def _load():
    return os.getloadavg()[0]


def main(args):
    """``args``: chapter stems and/or panel labels (a label measures that panel only)."""
    global WINDOWING
    for a in [a for a in args if a.startswith("--windowing=")]:
        WINDOWING = a.split("=", 1)[1]
        args.remove(a)
    tracker = "@jupyterlab/notebook-extension/tracker.jupyterlab-settings"
    lab_test.SETTINGS = {**lab_test.SETTINGS,
                         tracker: {**lab_test.SETTINGS[tracker], "windowingMode": WINDOWING}}
    labels = {a for a in args if a.startswith("fig-")}
    stems = [s for s in CHAPTER_STEMS
             if s in args or any(lab in labels for lab in _live_labels(s))]
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
                    print(f"{stem}: Run All {secs:.1f} s (windowing {WINDOWING}, load {_load():.1f})",
                          flush=True)
                    for i, label in enumerate(_live_labels(stem)):
                        if labels and label not in labels and stem not in args:
                            continue
                        load0 = _load()
                        keys, new, drags = measure_panel(page, i)
                        q = statistics.quantiles(keys, n=10) if len(keys) >= 2 else [float("nan")] * 9
                        eods = [d[0] for d in drags]
                        row = (label, len(keys), statistics.median(keys) if keys else float("nan"),
                               q[8], statistics.median(new) if new else float("nan"),
                               statistics.median(eods), max(eods),
                               "/".join(str(d[1]) for d in drags), "/".join(str(d[2]) for d in drags),
                               f"{load0:.1f}-{_load():.1f}")
                        rows.append(row)
                        print("  {:16s} n={:3d} median {:6.1f} ms  p90 {:6.1f} ms  (new values: median "
                              "{:6.1f})  end-of-drag median {:6.1f} worst {:6.1f} ms  pictures during "
                              "drags {} (of {} moves), after {}  load {}".format(
                                  *row[:7], row[7], DRAG_STEPS, *row[8:]), flush=True)
                finally:
                    context.close()
                    server.shutdown_kernels()
        finally:
            browser.close()
            server.stop()
    print("\npanel            presses  median ms  p90 ms  new-value median  end-of-drag median/worst ms"
          "  pictures during / after drags  load      goal: 100 / 200 / 150")
    for label, n, med, p90, med_new, eod, worst, during, after, load in rows:
        ok = "ok" if med <= 100 and p90 <= 200 and eod <= 150 else "MISSES"
        print(f"{label:16s} {n:7d} {med:10.1f} {p90:7.1f} {med_new:17.1f} {eod:12.1f} / {worst:6.1f}"
              f"  {during:>17s} / {after:11s}  {load:9s} {ok}")


if __name__ == "__main__":
    main(sys.argv[1:])
