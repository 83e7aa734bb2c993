"""Every built page in a real browser (Debian's chromium driven by Playwright), from ``file://``.

The network is cut off inside the browser (every non-``file:`` request is aborted), as on a
reader's offline copy.  Without chromium these tests are skipped loudly; with ``CI=true`` its
absence fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import warnings
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from lib import registry

from .conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "_build" / "screenshots"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

# Nothing may be blocked: MathJax is served from the book itself (sphinx-mathjax-offline), no widget
# JavaScript is loaded at all (``nb_ipywidgets_js: {}`` in _config.yml; live panels are removed from
# static pages).  Any request that leaves ``file:`` is a failure.
ALLOWED_BLOCKED = re.compile(r"(?!)")  # matches nothing
ALLOWED_CONSOLE = re.compile(r"(?!)")


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def launch_chromium(suite: str):
    """Yield one headless Debian chromium (Playwright, no downloaded browser) for a module of tests.

    Without chromium the ``suite`` is skipped with a loud banner; with ``CI=true`` its absence fails.
    """
    if not _chromium_available():
        msg = ("\n" + "!" * 78 + f"\n!! {suite} SKIPPED: chromium not found at "
               f"{CHROMIUM}. Install Debian's chromium (apt-get install chromium).\n" + "!" * 78)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but chromium is missing: " + msg)
        warnings.warn(msg, stacklevel=1)
        print(msg)
        pytest.skip(msg)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # pragma: no cover - playwright is in requirements-dev.txt
        pytest.fail(f"playwright is not installed: {err}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                              else shutil.which("chromium"), args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def browser():
    yield from launch_chromium("BROWSER TESTS")


def _pages(built_book):
    html = built_book.html
    return [html / "intro.html", *sorted((html / "chapters").glob("*.html"))]


# Waits for MathJax (when the page loads it) to finish typesetting; says what happened.
MATH_READY = """async () => {
  if (!document.querySelector('.math')) return 'no math';
  if (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) return 'MathJax not loaded';
  await MathJax.startup.promise;
  return 'typeset';
}"""


class Visit:
    """One page opened offline, with every error it raised recorded."""

    def __init__(self, browser, path: Path, math: bool = True):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.blocked, self.errors, self.console = [], [], []

        def route(r):
            if not math and "/_static/mathjax/" in r.request.url:
                r.fulfill(status=200, content_type="text/javascript", body="")  # skip typesetting
            elif r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.goto(path.as_uri(), wait_until="load")
        self.math = self.page.evaluate(MATH_READY)
        self.page.wait_for_timeout(150)

    def unexpected(self):
        bad = [u for u in self.blocked if not ALLOWED_BLOCKED.match(u)]
        bad += [f"console: {m}" for m in self.console if not ALLOWED_CONSOLE.search(m)]
        bad += [f"pageerror: {e}" for e in self.errors]
        return bad

    def close(self):
        self.context.close()


# --- every page, once: errors, images, math, accessibility, widths, dark mode ---------------------

WIDTHS = (1280, 768, 390)
SHOT_STEM = "baldwin_okubo"  # the chapter whose first screen is kept at every width and in both modes
AXE_BLOCKING = ("serious", "critical")

MATH_STATE = r"""() => {
  const raw = [];
  for (const el of document.querySelectorAll('.math')) {
    if (!el.querySelector('mjx-container')) raw.push(el.textContent.trim().slice(0, 80));
  }
  const root = document.querySelector('main') || document.body;
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.parentElement.closest('mjx-container, pre, code, script, style, textarea')) continue;
    if (/\\[()\[\]]|\$\$/.test(n.textContent)) raw.push(n.textContent.trim().slice(0, 80));
  }
  const errors = Array.from(document.querySelectorAll('mjx-merror'))
    .map(e => e.getAttribute('data-mjx-error') || e.textContent);
  return {typeset: document.querySelectorAll('mjx-container').length, raw, errors};
}"""

LAYOUT_STATE = """async () => {
  for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(r));  // resize handlers ran
  const doc = document.documentElement;
  const tables = [], breaking = new Set();
  for (const t of document.querySelectorAll('main table')) {
    const box = t.parentElement, width = t.getBoundingClientRect().width;
    const name = (t.querySelector('th, td') || t).textContent.trim().slice(0, 40);
    if (width > box.clientWidth + 0.5 || t.scrollWidth > t.clientWidth + 0.5)
      tables.push(`${name}: table ${Math.round(width)} px in a ${box.clientWidth} px container`);
    for (const c of t.querySelectorAll('th, td')) {
      const st = getComputedStyle(c);
      if (['anywhere', 'break-word'].includes(st.overflowWrap) || st.wordBreak.startsWith('break')
          || st.hyphens === 'auto') breaking.add(`${st.overflowWrap}/${st.wordBreak}/${st.hyphens}`);
    }
  }
  return {sideways: doc.scrollWidth - doc.clientWidth, tables, breaking: Array.from(breaking)};
}"""

DARK_STATE = """() => {
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.dataset.mode = 'dark';
  const bad = [];
  for (const img of document.querySelectorAll('main figure img, main .bk-explorer img, main .cell_output img')) {
    if (!img.getAttribute('src')) continue;
    const bg = getComputedStyle(img).backgroundColor;
    if (bg !== 'rgb(255, 255, 255)') bad.push(`${img.getAttribute('alt') || img.src.slice(0, 60)}: ${bg}`);
  }
  return bad;
}"""


def _axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    # preload off: axe would re-fetch the stylesheets by XHR, which file:// refuses (a console error)
    result = Axe().run(page, options={"resultTypes": ["violations"], "preload": False})
    out = []
    for v in result.response["violations"]:
        if v["impact"] in AXE_BLOCKING:
            where = [", ".join(map(str, n["target"])) for n in v["nodes"][:4]]
            out.append(f"{v['impact']} {v['id']} ({len(v['nodes'])}): {v['help']} at {where}")
    return out


@pytest.fixture(scope="module")
def page_reports(browser, built_book):
    """Open every page ONCE, at 1280 px, and record everything the tests below assert.

    Per page: blocked requests and JS errors; images that did not load; MathJax's result; axe-core's
    serious and critical violations; at 1280, 768 and 390 px the tables wider than their container
    and sideways scroll; dark mode's figure backgrounds.  Screenshots (light, and dark at 1280 px)
    go to ``_build/screenshots/``.  The time the pass took is printed.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    reports, t0 = {}, time.perf_counter()
    for path in _pages(built_book):
        visit = Visit(browser, path)
        page, rep = visit.page, {"math_ready": visit.math}
        try:
            rep["broken_images"] = page.evaluate(
                "Array.from(document.querySelectorAll('article img'))"
                ".filter(i => i.getAttribute('src') && !(i.complete && i.naturalWidth > 0))"
                ".map(i => i.src.slice(0, 80))")
            rep["math"] = page.evaluate(MATH_STATE)
            rep["axe"] = _axe_violations(page)
            page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"))
            rep["layout"] = {}
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                rep["layout"][width] = page.evaluate(LAYOUT_STATE)
                if path.stem == SHOT_STEM and width != 768:
                    page.screenshot(path=str(SCREENSHOTS / f"{path.stem}-{width}.png"))
            page.set_viewport_size({"width": 1280, "height": 900})
            rep["dark"] = page.evaluate(DARK_STATE)
            target = page.locator("main figure, main .bk-explorer").first
            if target.count():
                target.scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / f"{path.stem}-dark.png"))
            rep["unexpected"] = visit.unexpected()
        finally:
            visit.close()
        reports[path.stem] = rep
    print(f"\nbrowser pass over {len(reports)} pages: {time.perf_counter() - t0:.1f} s")
    return reports


def test_every_page_loads_offline_without_js_errors(page_reports):
    bad = {stem: r["unexpected"] for stem, r in page_reports.items() if r["unexpected"]}
    assert bad == {}
    broken = {stem: r["broken_images"] for stem, r in page_reports.items() if r["broken_images"]}
    assert broken == {}, f"images that did not load: {broken}"


def test_every_equation_is_typeset_without_error(page_reports):
    """MathJax runs from the book itself: no raw TeX is left and no equation is a MathJax error."""
    for stem, r in page_reports.items():
        assert r["math_ready"] in ("typeset", "no math"), f"{stem}: {r['math_ready']}"
        assert r["math"]["raw"] == [], f"{stem}: TeX left untypeset: {r['math']['raw'][:5]}"
        assert r["math"]["errors"] == [], f"{stem}: MathJax errors: {r['math']['errors'][:5]}"
    assert sum(r["math"]["typeset"] for r in page_reports.values()) > 0


def test_no_serious_or_critical_accessibility_violations(page_reports):
    bad = {stem: r["axe"] for stem, r in page_reports.items() if r["axe"]}
    assert bad == {}, "\n".join(f"{stem}: {v}" for stem, vs in bad.items() for v in vs)


@pytest.mark.parametrize("width", WIDTHS)
def test_tables_fit_and_no_page_scrolls_sideways(page_reports, width):
    """At each width: every table fits its container, wrapping between words only; no sideways scroll."""
    for stem, r in page_reports.items():
        lay = r["layout"][width]
        assert lay["tables"] == [], f"{stem} at {width} px: {lay['tables']}"
        assert lay["breaking"] == [], f"{stem} at {width} px: cells may break words: {lay['breaking']}"
        assert lay["sideways"] <= 0, f"{stem} at {width} px scrolls sideways by {lay['sideways']} px"


def test_dark_mode_keeps_figures_on_white(page_reports):
    bad = {stem: r["dark"] for stem, r in page_reports.items() if r["dark"]}
    assert bad == {}
    assert (SCREENSHOTS / f"{SHOT_STEM}-dark.png").is_file()


def _labels_by_page() -> dict[str, list[str]]:
    by_page: dict[str, list[str]] = {}
    for label, stem in sorted(registry.figure_labels().items()):
        by_page.setdefault(stem, []).append(label)
    return by_page


@pytest.mark.parametrize("stem,labels", sorted(_labels_by_page().items()))
def test_numbered_figures_are_shown_with_captions(browser, built_book, stem, labels):
    """Each chapter page opened once; every registry figure on it visible, numbered and loaded."""
    visit = Visit(browser, built_book.page(stem), math=False)
    try:
        for label in labels:
            fig = visit.page.locator(f"figure#{label}")
            fig.scroll_into_view_if_needed()
            assert fig.is_visible(), label
            assert visit.page.evaluate(
                f"(() => {{const i = document.querySelector('figure#{label} img');"
                " return i.complete && i.naturalWidth > 0;})()"), label
            caption = fig.locator("figcaption")
            assert caption.is_visible() and caption.inner_text().strip().startswith(
                f"Figure {registry.figure_number(label)}"), label
            fig.screenshot(path=str(SCREENSHOTS / f"{label}.png"))
    finally:
        visit.close()


def _explorers(built_book):
    found = []
    for path in _pages(built_book):
        text = path.read_text(encoding="utf-8")
        for ident in re.findall(r'class="bk-explorer" data-explorer="([^"]+)"', text):
            found.append((path, ident))
    return found


def test_explorer_sliders_swap_to_the_precomputed_frame(browser, built_book):
    explorers = _explorers(built_book)
    chapters_with_figures = set(registry.figure_labels().values())
    pages_with_explorers = {p.stem for p, _ in explorers}
    assert chapters_with_figures <= pages_with_explorers, "a chapter with figures has no explorer"
    by_page: dict[Path, list[str]] = {}
    for path, ident in explorers:
        by_page.setdefault(path, []).append(ident)
    for path, idents in by_page.items():
        visit = Visit(browser, path, math=False)
        try:
            for ident in idents:
                _check_explorer(visit.page, ident)
            assert visit.unexpected() == [], f"{path.name}: {visit.unexpected()}"
        finally:
            visit.close()


def _check_explorer(page, ident):
    root = page.locator(f'[data-explorer="{ident}"]')
    root.scroll_into_view_if_needed()
    frames = json.loads(root.locator("script[data-frames]").text_content())
    sliders = root.locator('input[type="range"]')
    img = root.locator("img")

    def state():
        return page.evaluate(
            """id => { const r = document.querySelector(`[data-explorer="${id}"]`);
                       const i = r.querySelector('img');
                       return {key: i.dataset.frame, src: i.getAttribute('src'),
                               readouts: Array.from(r.querySelectorAll('output')).map(o => o.textContent),
                               values: Array.from(r.querySelectorAll('input[type=range]')).map(s => s.value)}; }""",
            ident)

    def expect_frame(st):
        assert st["key"] == "-".join(st["values"])
        frame = frames[st["key"]]
        if "src" in frame:
            assert st["src"] == frame["src"]
        for s, readout in zip(range(sliders.count()), st["readouts"], strict=True):
            slider = sliders.nth(s)
            shown = json.loads(slider.get_attribute("data-values"))[int(st["values"][s])]
            assert readout.startswith(shown)
            # accessible name and value: a screen reader hears "φ, 0.55", not the grid index
            assert slider.get_attribute("aria-label") or slider.get_attribute("id")
            assert slider.get_attribute("aria-valuetext") == readout

    before = state()
    expect_frame(before)
    for s in range(sliders.count()):
        slider = sliders.nth(s)
        n = int(slider.get_attribute("max")) + 1
        if n < 2:
            continue
        # keyboard: one step towards the far end
        slider.focus()
        key = "ArrowLeft" if int(slider.input_value()) == n - 1 else "ArrowRight"
        slider.press(key)
        after = state()
        assert after["key"] != before["key"] and after["readouts"] != before["readouts"]
        expect_frame(after)
        # setting the value directly (as a drag does): the first and the last grid point
        for target in (0, n - 1):
            slider.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }", target)
            expect_frame(state())
        before = state()
    assert img.count() == 1


# --- the offline copy: _build/book-html.zip, unzipped and opened from disk -------------------------


def test_offline_zip_opens_from_disk_with_everything_working(browser, built_book, tmp_path_factory):
    """``make book``'s book-html.zip, unzipped: one page of each chapter with the network cut.

    Per page: nothing requested off disk, no JS error, images load, every equation typeset without
    error, the first explorer swaps its frame on a key press, every download link is in the copy.
    """
    archive = built_book.html.parent / "book-html.zip"
    assert archive.is_file(), "make book did not write _build/book-html.zip"
    t0 = time.perf_counter()
    root = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(root)
    site = root / "replication-book"
    assert (site / "index.html").is_file() and (site / "_static" / "mathjax" / "tex-chtml.js").is_file()
    pages = [site / "intro.html", *sorted((site / "chapters").glob("*.html"))]
    assert len(pages) == len(_pages(built_book))
    for path in pages:
        visit = Visit(browser, path)
        page = visit.page
        try:
            assert visit.math in ("typeset", "no math"), f"{path.name}: {visit.math}"
            math = page.evaluate(MATH_STATE)
            assert math["raw"] == [] and math["errors"] == [], f"{path.name}: {math}"
            assert page.evaluate("Array.from(document.querySelectorAll('article img'))"
                                 ".every(i => !i.getAttribute('src') || (i.complete && i.naturalWidth > 0))")
            explorer = page.locator(".bk-explorer").first
            if explorer.count():
                img = explorer.locator("img")
                before = img.get_attribute("data-frame")
                slider = explorer.locator('input[type="range"]').first
                slider.focus()
                slider.press("End" if slider.input_value() == "0" else "Home")
                assert img.get_attribute("data-frame") != before, f"{path.name}: explorer did not move"
            hrefs = page.evaluate("Array.from(document.querySelectorAll('a.download, figcaption a'))"
                                  ".map(a => a.href).filter(h => h.startsWith('file:'))")
            missing = [h for h in hrefs if not Path(unquote(urlparse(h).path)).is_file()]
            assert missing == [], f"{path.name}: downloads missing from the copy: {missing}"
            assert visit.unexpected() == [], f"{path.name}: {visit.unexpected()}"
        finally:
            visit.close()
    print(f"\noffline copy: {archive.stat().st_size / 1e6:.1f} MB, {len(pages)} pages checked "
          f"in {time.perf_counter() - t0:.1f} s")
