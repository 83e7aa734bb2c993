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
import warnings
from pathlib import Path

import pytest

from lib import registry

from .conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "_build" / "screenshots"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

# The only failure allowed: the CDN script an offline page cannot fetch.  Pages with math load
# MathJax from a CDN (offline, the TeX source shows instead).  No widget JavaScript is loaded at
# all (``nb_ipywidgets_js: {}`` in _config.yml; live panels are removed from static pages).
ALLOWED_BLOCKED = re.compile(r"^https://cdn\.jsdelivr\.net/npm/mathjax@3/")
ALLOWED_CONSOLE = re.compile(r"Failed to load resource: net::ERR_FAILED")


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@pytest.fixture(scope="module")
def browser():
    if not _chromium_available():
        msg = ("\n" + "!" * 78 + "\n!! BROWSER TESTS SKIPPED: chromium not found at "
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


def _pages(built_book):
    html = built_book.html
    return [html / "intro.html", *sorted((html / "chapters").glob("*.html"))]


class Visit:
    """One page opened offline, with every error it raised recorded."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.blocked, self.errors, self.console = [], [], []

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.goto(path.as_uri(), wait_until="load")
        self.page.wait_for_timeout(150)

    def unexpected(self):
        bad = [u for u in self.blocked if not ALLOWED_BLOCKED.match(u)]
        bad += [f"console: {m}" for m in self.console if not ALLOWED_CONSOLE.search(m)]
        bad += [f"pageerror: {e}" for e in self.errors]
        return bad

    def close(self):
        self.context.close()


def test_every_page_loads_offline_without_js_errors(browser, built_book):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in _pages(built_book):
        visit = Visit(browser, path)
        try:
            assert visit.unexpected() == [], f"{path.name}: {visit.unexpected()}"
            broken = visit.page.evaluate(
                "Array.from(document.querySelectorAll('article img'))"
                ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 80))")
            assert broken == [], f"{path.name}: images that did not load: {broken}"
            visit.page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"), full_page=False)
        finally:
            visit.close()


@pytest.mark.parametrize("label,stem", sorted(registry.figure_labels().items()))
def test_numbered_figure_is_shown_with_caption(browser, built_book, label, stem):
    visit = Visit(browser, built_book.page(stem))
    try:
        fig = visit.page.locator(f"figure#{label}")
        fig.scroll_into_view_if_needed()
        assert fig.is_visible()
        assert visit.page.evaluate(
            f"(() => {{const i = document.querySelector('figure#{label} img');"
            " return i.complete && i.naturalWidth > 0;})()")
        caption = fig.locator("figcaption")
        assert caption.is_visible() and caption.inner_text().strip().startswith(
            f"Figure {registry.figure_number(label)}")
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
        visit = Visit(browser, path)
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
            shown = json.loads(sliders.nth(s).get_attribute("data-values"))[int(st["values"][s])]
            assert readout.startswith(shown)

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
