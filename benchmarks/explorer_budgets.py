"""Budgets of the kernel-free explorers (issue: controls that work on the static page).

Run with the project's virtualenv:  .venv/bin/python benchmarks/explorer_budgets.py

Prints, and asserts nothing:
1. the time every explorer adds to a build: each chapter notebook is executed with nbclient with
   ``lib.explorer.explorer`` wrapped by a timer (budget: 60 s for the whole book);
2. each chapter page's weight, HTML plus the images it loads (budget: 6 MB), from a fresh build;
3. the frame swap in headless chromium: median time from a slider's input event until the new
   frame is decoded (budget: 16 ms), for every explorer.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"

TIMER = """
import time as _t, lib.explorer as _ex
_ex_total = [0.0, 0]
_ex_orig = _ex.explorer
def _ex_timed(*a, **k):
    t0 = _t.perf_counter(); r = _ex_orig(*a, **k); _ex_total[0] += _t.perf_counter() - t0; _ex_total[1] += 1
    return r
_ex.explorer = _ex_timed
"""


def explorer_seconds(path: Path) -> tuple[float, int]:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(TIMER))
    nb.cells.append(nbformat.v4.new_code_cell("print(_ex_total[0], _ex_total[1])"))
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(CHAPTERS)}}).execute()
    out = nb.cells[-1].outputs[0]["text"].split()
    return float(out[0]), int(out[1])


def page_weight(page: Path) -> int:
    text = page.read_text(encoding="utf-8")
    total = len(text.encode())
    for url in re.findall(r'<img[^>]+src="([^"]+)"', text):
        p = urlparse(url)
        if p.scheme or url.startswith("data:"):
            continue
        target = (page.parent / unquote(p.path)).resolve()
        if target.is_file():
            total += target.stat().st_size
    return total


SWAP_JS = """async id => {
  const r = document.querySelector(`[data-explorer="${id}"]`);
  const s = r.querySelector('input[type=range]'), img = r.querySelector('img');
  const n = parseInt(s.max, 10) + 1, times = [];
  for (let k = 0; k < 40; k++) {
    const t0 = performance.now();
    s.value = (parseInt(s.value, 10) + 1) % n;
    s.dispatchEvent(new Event('input'));
    if (img.getAttribute('src')) { try { await img.decode(); } catch (e) {} }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}"""


def swap_medians(html_dir: Path) -> list[tuple[str, str, float]]:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.test_browser import CHROMIUM, FLAGS

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for page_path in sorted((html_dir / "chapters").glob("*.html")):
            ids = re.findall(r'class="bk-explorer" data-explorer="([^"]+)"', page_path.read_text(encoding="utf-8"))
            if not ids:
                continue
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(page_path.as_uri())
            for ident in ids:
                rows.append((page_path.stem, ident, page.evaluate(SWAP_JS, ident)))
            page.close()
        browser.close()
    return rows


def main() -> None:
    print("1. time the explorers add to a build (budget 60 s in all):")
    total = 0.0
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        secs, n = explorer_seconds(path)
        total += secs
        if n:
            print(f"   {path.stem:28s} {n:2d} explorers {secs:6.1f} s")
    print(f"   all chapters: {total:.1f} s")

    with tempfile.TemporaryDirectory() as out:
        jb = Path(sys.executable).parent / "jupyter-book"
        t0 = time.perf_counter()
        proc = subprocess.run([str(jb), "build", "--all", "-W", "-n", "--keep-going", "--path-output",
                               out, str(ROOT)], capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(proc.stdout[-3000:] + proc.stderr[-3000:])
        html_dir = Path(out) / "_build" / "html"
        print(f"2. page weight, HTML + images (budget 6 MB); build took {time.perf_counter() - t0:.0f} s:")
        for page in sorted((html_dir / "chapters").glob("*.html")):
            print(f"   {page.stem:28s} {page_weight(page) / 1e6:6.2f} MB")
        print("3. frame swap in chromium, input event to decoded frame (budget 16 ms), medians:")
        rows = swap_medians(html_dir)
        for stem, ident, ms in rows:
            print(f"   {stem:28s} {ident:34s} {ms:6.2f} ms")
        if rows:
            print(f"   median over all explorers: {statistics.median(r[2] for r in rows):.2f} ms; "
                  f"worst: {max(r[2] for r in rows):.2f} ms")


if __name__ == "__main__":
    main()
