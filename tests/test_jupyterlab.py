"""The live panels in the front ends readers run them in: JupyterLab and Jupyter Notebook 7.

One local Jupyter server for the whole session (127.0.0.1, a free port, a token; its settings,
workspaces and runtime files in a temporary folder, its network-dependent features off; stopped
at the end even when a test fails) serves a copy of the chapters, and one Debian chromium (through
Playwright) drives them.  Each chapter is opened once in JupyterLab and once in Notebook 7, run
there with *Run → Run All Cells* (one kernel per chapter and front end, shut down afterwards: each
front end makes its own widget views, after its own Run All), and then every live panel is checked
in one pass:

* it shows its picture (an ``<img>`` with a natural width > 0) and no widget error is anywhere
  on the page;
* a slider moved by the keyboard and one moved by a drag change the picture;
* a toggle or dropdown, where the panel has one, redraws;
* a value the model rejects (typed in) shows the model's message over the last good picture;
* *Reset* restores the first picture, to the byte;

and every numbered figure of the chapter is displayed, and its Markdown reads well through
jupyterlab-myst: no raw role, no bare BibTeX key (a ``{cite:t}`` shows its key there: the
chapters cite with ``{citation}`Schiff (2014)```, see _ext/book_citations.py), math typeset
without error, every admonition drawn as one.  The server reads Binder's setting overrides
(``binder/jupyter/labconfig``, as ``make lab`` does): without them an arrow key on a focused slider
moves Notebook 7's cursor, not the slider.  The same rules as tests/test_browser.py:
no browser download, skipped loudly without chromium, a failure under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import numpy as np
import pytest

from .conftest import CHAPTERS, ROOT, figure_directives
from .test_browser import launch_chromium

pytestmark = pytest.mark.jupyterlab

SCREENSHOTS = ROOT / "_build" / "screenshots" / "jupyterlab"
FIGURE_CALL = re.compile(r"chapter\.(figure|live_panel)\(\"(fig-[a-z0-9-]+)\"([^)]*)\)")


def _live_labels(stem):
    """The labels of the live panels a chapter shows, in order (``lib.chapter`` calls)."""
    from lib import registry

    specs = registry.figure_specs()
    nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
    out = []
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        for kind, label, args in FIGURE_CALL.findall(c.source):
            if kind == "live_panel" or (specs[label].live and "live=False" not in args):
                out.append(label)
    return out


CHAPTER_STEMS = sorted(p.stem for p in CHAPTERS.glob("*.ipynb") if _live_labels(p.stem))
# What the widget front ends show when a view cannot be made (ipywidgets 8 and JupyterLab).
WIDGET_ERRORS = re.compile(r"Click to show javascript error|Error displaying widget|"
                           r"Failed to create view|Failed to render widget|Model not found")
RUN_ALL_TIMEOUT = 300  # s: generous on a busy 2-core machine; the note gives the measured times

# The lab's settings for the test: every cell in the DOM (no virtual scrolling), the notebook's
# kernel started without asking (JupyterLab 4.6 asks by default), no autosave (the
# copy is thrown away anyway), and nothing that reaches the network (news, update checks).
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none", "autoStartDefaultKernel": True},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False, "doNotDisturbMode": True, "fetchNews": "false"},
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """One ``jupyter lab`` process serving a copy of the book's chapters."""

    def __init__(self, tmp: Path):
        self.root = tmp / "book"
        (self.root / "chapters").mkdir(parents=True)
        for nb in CHAPTERS.glob("*.ipynb"):
            shutil.copy(nb, self.root / "chapters" / nb.name)
        for name in ("_config.yml", "_toc.yml"):  # lib.figures.book_root finds the copy
            shutil.copy(ROOT / name, self.root / name)
        home = tmp / "jupyter"
        settings = home / "settings"
        for rel, value in SETTINGS.items():
            (settings / rel).parent.mkdir(parents=True, exist_ok=True)
            (settings / rel).write_text(json.dumps(value))
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
               "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
               "JUPYTERLAB_SETTINGS_DIR": str(settings),
               "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
               "IPYTHONDIR": str(home / "ipython"), "JUPYTER_PLATFORM_DIRS": "1"}
        env.pop("JUPYTER_PATH", None)
        # Binder's default setting overrides (the slider arrow keys), as `make lab` reads them
        env["JUPYTER_CONFIG_PATH"] = str(ROOT / "binder" / "jupyter")
        self.port, self.token = _free_port(), secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        lab = Path(sys.executable).parent / "jupyter-lab"
        cmd = [str(lab), "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
               f"--ServerApp.root_dir={self.root}", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.terminals_enabled=False", "--LabApp.extension_manager=readonly",
               "--allow-root"]
        self.log = tmp / "jupyter.log"
        self._log = self.log.open("w")
        self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout=120):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited: {self.log.read_text()[-3000:]}")
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not start in {timeout} s: {self.log.read_text()[-3000:]}")

    def api(self, method, path):
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        for attempt in range(6):
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    body = r.read()
                return json.loads(body) if body else None
            except urllib.error.HTTPError as err:
                # jupyter_server answers 500 to GET /api/kernels while a kernel is starting (its
                # last_activity is not set yet: TraitError in kernel_model); ask again
                if method != "GET" or err.code != 500 or attempt == 5:
                    raise
                time.sleep(0.5)

    def url(self, path):
        return f"{self.base}{path}?token={self.token}"

    def shutdown_kernels(self):
        for k in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{k['id']}")

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=20)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._log.close()


@pytest.fixture(scope="module")
def chromium():
    yield from launch_chromium("JUPYTERLAB BROWSER TESTS")


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory):
    srv = JupyterServer(tmp_path_factory.mktemp("jupyterlab"))
    try:
        yield srv
    finally:
        srv.stop()


# --- what the panels should do, computed in-process from the same declarations ------------------

def _panels():
    from lib import controls, registry

    return controls.live_panels(registry.figure_specs())


def _plan(spec):
    """Which control to move, and a value the model rejects, for one declared panel.

    Returns ``(names, key_move, rejected)``: the controls in panel order; ``(index, +1 or -1)``
    for a numeric control whose one-step move the model admits; ``(index, value, message)``
    for a typed value the model rejects (or, if no single move is rejected, one outside the
    control's range, which the panel must report too).
    """
    from lib import controls

    names = list(spec.controls if spec.controls is not None else controls.specs(spec.params))
    names += [k for k in spec.extras if k not in names]
    start = {n: controls.spec_for(n, spec.params, spec.extras).default if n in spec.extras
             else getattr(spec.params, n) for n in names}

    def admitted(values):
        try:
            controls.split_values(spec.params, values, spec.extras)
            return None
        except ValueError as err:
            return str(err)

    key_move = rejected = None
    for i, n in enumerate(names):
        c = controls.spec_for(n, spec.params, spec.extras)
        if c.kind not in ("float", "int"):
            continue
        step = c.step or (c.hi - c.lo) / 100
        for sign in (+1, -1):
            v = start[n] + sign * step
            if key_move is None and c.lo <= v <= c.hi and admitted({**start, n: v}) is None:
                key_move = (i, sign)
        for v in np.linspace(c.lo, c.hi, 41):
            v = int(round(v)) if c.kind == "int" else round(float(v), 6)
            msg = admitted({**start, n: v})
            if rejected is None and msg is not None:
                labels = {m: controls.spec_for(m, spec.params, spec.extras).label or m for m in names}
                rejected = (i, v, controls.symbols(msg, labels))
    if rejected is None:
        for i, n in enumerate(names):
            c = controls.spec_for(n, spec.params, spec.extras)
            if c.kind in ("float", "int"):
                rejected = (i, c.hi + 10 * (c.step or 1), "outside")
                break
    return names, key_move, rejected


# --- driving a notebook ---------------------------------------------------------------------------

_DIGEST = """img => new Promise(resolve => {
    if (!img || !img.src) { resolve(null); return; }
    fetch(img.src).then(r => r.arrayBuffer()).then(buf => {
        const b = new Uint8Array(buf); let h = 2166136261 >>> 0;
        for (let i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
        resolve(b.length + ':' + h + ':' + img.naturalWidth);
    }).catch(() => resolve(null));
})"""


def _open(chromium, server, stem, ui, folder="chapters"):
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # ``reset``: a fresh workspace, or the lab reopens the previous chapter too (and its kernel)
    workspace = re.sub(r"\W", "-", f"{folder}-{stem}")
    path = (f"/lab/workspaces/{workspace}/tree/{folder}/{stem}.ipynb" if ui == "lab"
            else f"/notebooks/{folder}/{stem}.ipynb")
    page.goto(server.url(path) + ("&reset" if ui == "lab" else ""), wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
    return context, page, errors


def _run_all(page, server, n_code):
    """Run → Run All Cells from the menu bar; wait until every code cell has run.  Seconds taken."""
    end = time.monotonic() + 120  # the kernel the notebook starts on opening, idle
    while True:
        kernels = server.api("GET", "/api/kernels")
        if kernels and all(k["execution_state"] == "idle" for k in kernels):
            break
        assert time.monotonic() < end, f"no idle kernel after 120 s: {kernels}"
        time.sleep(0.25)
    page.wait_for_function(
        "() => { const k = document.querySelector('.jp-Notebook-ExecutionIndicator');"
        " return !k || k.getAttribute('data-status') === 'idle'; }", timeout=120_000)
    page.wait_for_timeout(500)
    t0 = time.monotonic()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).first.click()
    page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()
    done = """n => { const ps = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
                     return ps.length >= n && ps.every(p => /\\[\\d+\\]/.test(p.textContent)); }"""
    end = t0 + RUN_ALL_TIMEOUT
    while not page.evaluate(done, n_code):
        dialog = page.locator(".jp-Dialog .jp-mod-accept")  # "Select Kernel": the default one
        if dialog.count():
            dialog.first.click()
        bad = _widget_errors(page)
        assert not [b for b in bad if b.startswith("error output")], bad
        assert time.monotonic() < end, f"Run All did not finish in {RUN_ALL_TIMEOUT} s"
        time.sleep(0.25)
    return time.monotonic() - t0


def _widget_errors(page):
    text = page.evaluate("() => document.body.innerText")
    found = sorted({m.group(0) for m in WIDGET_ERRORS.finditer(text)})
    found += [f"error output: {t[:300]}" for t in page.evaluate(
        "() => Array.from(document.querySelectorAll("
        "'.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"],"
        " .jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.error\"]'))"
        ".map(e => e.innerText)")]
    return found


class Panel:
    """One live panel on the page, by position."""

    def __init__(self, page, index):
        self.page, self.index = page, index
        self.root = page.locator(".bk-live-panel").nth(index)
        self.img = self.root.locator("img").first

    def digest(self):
        return self.img.evaluate(_DIGEST)

    def wait_picture(self, unlike=None, like=None, timeout=15.0, what=""):
        end = time.monotonic() + timeout
        while True:
            d = self.digest()
            if d and (unlike is None or d != unlike) and (like is None or d == like):
                return d
            if time.monotonic() > end:
                raise AssertionError(f"panel {self.index}: no new picture after {what} "
                                     f"(message: {self.message()!r})")
            time.sleep(0.1)

    def settle(self, quiet=0.6, timeout=15.0):
        """The picture once it has stopped changing (the updates of a drag have all arrived)."""
        last, since, end = self.digest(), time.monotonic(), time.monotonic() + timeout
        while time.monotonic() < end:
            time.sleep(0.15)
            d = self.digest()
            if d != last:
                last, since = d, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last

    def snapshot(self):
        """Keep the picture's pixels in the page, to compare with later (:meth:`differs`)."""
        self.img.evaluate("""i => { const c = document.createElement('canvas');
            c.width = i.naturalWidth; c.height = i.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(i, 0, 0);
            i.__first = g.getImageData(0, 0, c.width, c.height).data; }""")

    def differs(self):
        """Share of pixels that differ (in any channel) from :meth:`snapshot`'s."""
        return self.img.evaluate("""i => { const c = document.createElement('canvas');
            c.width = i.naturalWidth; c.height = i.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(i, 0, 0);
            const a = g.getImageData(0, 0, c.width, c.height).data, b = i.__first;
            if (!b || a.length !== b.length) return 1;
            let n = 0;
            for (let k = 0; k < a.length; k += 4) {
                if (a[k] !== b[k] || a[k+1] !== b[k+1] || a[k+2] !== b[k+2]) n++; }
            return n / (a.length / 4); }""")

    def values(self):
        return self.root.locator(".bk-live-value input").evaluate_all("els => els.map(e => e.value)")

    def message(self):
        return self.root.locator(".bk-live-message").inner_text().strip()

    def control(self, i):
        return self.root.locator(".bk-live-control").nth(i)


# What a chapter's Markdown cells look like in the page once jupyterlab-myst has rendered them.
_RENDERED = """() => {
    const cells = Array.from(document.querySelectorAll('.jp-MarkdownCell'));
    const q = s => cells.flatMap(c => Array.from(c.querySelectorAll(s)));
    return {text: cells.map(c => c.innerText).join('\\n'), math: q('.katex').length,
            mathErrors: q('.katex-error').map(e => e.textContent.slice(0, 80)),
            admonitions: q('aside.myst-admonition').length,
            evalErrors: q('[data-mime-type="application/vnd.jupyter.stderr"]')
                .map(e => e.textContent.slice(0, 120))};
}"""
#: A glued value in a chapter's Markdown: ``{eval}`glued("key")``` or ``glued("key", ".4f")``.
GLUED_KEY = re.compile(r"""\{eval\}`glued\(["']([^"']+)["']""")
_ADMONITION = re.compile(r"^(?:`{3,}|:{3,})\{(?:admonition|note|important|tip|hint|warning|caution|"
                         r"attention|danger|error|seealso)\}", re.M)


def _markup_problems(page, stem):
    """What a reader of the chapter in JupyterLab would see as raw markup, in words (``[]``: none).

    Raw role or directive text, a bare BibTeX key of ``references.bib`` (what jupyterlab-myst
    shows for ``{cite:t}`key```), a bare glue key (what it shows for ``{glue:text}`key```: the
    chapters write ``{eval}`glued("key")```, _ext/book_glued.py), an ``{eval}`` role left
    unevaluated or evaluated to an error, a directive or role jupyterlab-myst does not know (it
    shows a folded "<name> - Unknown Directive" box, as it did for ``{glue:figure}``), raw TeX
    between dollars, math that KaTeX could not typeset, and fewer admonition boxes than the
    chapter's Markdown declares.
    """
    from pybtex.database import parse_file

    nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    if GLUED_KEY.search(source):  # Run All has queued their evaluation behind the code cells
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            page.wait_for_function("() => !Array.from(document.querySelectorAll('.jp-MarkdownCell'))"
                                   ".some(c => /\\bglued\\(/.test(c.innerText))", timeout=30_000)
        except PlaywrightTimeout:
            pass  # reported below as unevaluated
    seen = page.evaluate(_RENDERED)
    text, out = seen["text"], []
    out += [f"raw role {m!r}" for m in sorted(set(re.findall(r"\{[a-z][\w:-]*\}`", text)))]
    out += [f"jupyterlab-myst does not know {m!r}" for m in sorted(set(re.findall(
        r"(\S+) [-–] Unknown (?:Directive|Role)", text)))]
    out += [f"raw directive {m!r}" for m in sorted(set(re.findall(r"^\s*(?:`{3,}|:{3,})\{[\w:-]+\}.*$",
                                                                    text, re.M)))]
    keys = parse_file(ROOT / "references.bib").entries
    out += [f"bare BibTeX key {k!r}" for k in keys if re.search(rf"(?<![\w-]){k}(?![\w-])", text)]
    out += [f"raw glue markup {m!r}" for m in sorted(set(re.findall(r"\{(?:glue|eval)\b[^}]*\}", text)))]
    glue_keys = set(re.findall(r"\{glue:text\}`([^`:]+)", source)) | set(GLUED_KEY.findall(source))
    out += [f"bare glue key {k!r}" for k in sorted(glue_keys)
            if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)]
    out += [f"unevaluated {m!r}" for m in sorted(set(re.findall(r"\bglued\([^)]*\)", text)))]
    out += [f"{{eval}} error: {e!r}" for e in seen["evalErrors"]]
    out += [f"raw TeX {m!r}" for m in re.findall(r"\$[^$\n]*[\\^_][^$\n]*\$", text)]
    out += [f"math not typeset: {e!r}" for e in seen["mathErrors"]]
    if re.search(r"(?<!\\)\$", source) and seen["math"] == 0:
        out.append("no typeset math although the Markdown has some")
    expected = len(_ADMONITION.findall(source))
    if seen["admonitions"] < expected:
        out.append(f"{seen['admonitions']} admonition boxes for {expected} admonitions")
    return out


#: The smallest text a reader must read, in CSS px (lib.live.MIN_TEXT_PT at the style's 100 dpi:
#: the exported figures' threshold, tests/test_figure_legibility.py).
MIN_TEXT_PX = 8.0 * 100 / 72  # tests/test_helpers.py checks it is lib.live.MIN_TEXT_PT's
#: The tallest panel seen whole in a 1440x900 window (JupyterLab's notebook area is 779 px tall).
PICTURE_MAX_PX = 720  # lib.controls.PICTURE_MAX_PX (tests/test_helpers.py checks it)
#: What the panels' pictures look like on the page, by label (printed after each chapter).
LAYOUT: dict = {}
_GEOMETRY = """p => {
    const i = p.querySelector('img'), f = p.querySelector('.bk-live-frame') || i.parentElement;
    const c = p.querySelector('.bk-live-controls') || p.querySelector('.bk-live-control').parentElement;
    const ib = i.getBoundingClientRect(), cb = c.getBoundingClientRect();
    const fit = getComputedStyle(i).objectFit, nw = i.naturalWidth, nh = i.naturalHeight;
    // the picture's scale: in its box, as object-fit draws it there
    const scale = fit === 'fill' ? ib.width / nw : Math.min(ib.width / nw, ib.height / nh,
                                                            fit === 'contain' ? Infinity : 1);
    return {nw, nh, iw: ib.width, ih: ib.height, fit, scale,
            panel: p.getBoundingClientRect().height, beside: ib.left >= cb.right - 1,
            scrolls: f.scrollHeight > f.clientHeight + 1 || f.scrollWidth > f.clientWidth + 1};
}"""


def _text_of(spec):
    """``(smallest text in CSS px at scale 1, legible scale)`` of the panel's starting picture."""
    from lib import live

    fig = spec.show().live.fig
    return live.smallest_text_pt(fig) * fig.dpi / 72, live.legible_scale(fig)


def _check_panel(page, index, label, spec):
    names, key_move, rejected = _plan(spec)
    panel = Panel(page, index)
    panel.root.scroll_into_view_if_needed()
    natural = panel.img.evaluate("i => i.naturalWidth")
    assert natural > 0, f"{label}: the picture did not load"
    panel.wait_picture(what="Run All")
    first = panel.settle()
    first_values = panel.values()
    panel.snapshot()
    # legible (never stretched, never scaled below its legible scale), beside the controls, the
    # whole panel on a 1440x900 screen (a picture too tall for it at every legible scale scrolls
    # in its frame beside the controls)
    g = panel.root.evaluate(_GEOMETRY)
    px, g["legible"] = _text_of(spec)
    g["px"] = px * g["scale"]
    LAYOUT[label] = g
    assert g["scale"] <= 1.001, f"{label}: picture stretched from {g['nw']} to {g['iw']} px"
    if g["fit"] == "fill":
        assert abs(g["ih"] / g["iw"] - g["nh"] / g["nw"]) < 0.01, f"{label}: picture distorted: {g}"
    assert g["px"] >= MIN_TEXT_PX - 0.05, (
        f"{label}: smallest text {g['px']:.1f} px at scale {g['scale']:.2f} "
        f"(needs {MIN_TEXT_PX:.1f} px): {g}")
    assert g["beside"], f"{label}: the picture is not beside the controls: {g}"
    assert g["panel"] <= PICTURE_MAX_PX + 0.5, (
        f"{label}: the panel is {g['panel']:.0f} px tall: not on one 1440x900 screen")
    if g["scrolls"]:  # only a picture taller than a screen even at its legible scale
        assert g["nh"] * g["legible"] > PICTURE_MAX_PX, f"{label}: the picture scrolls but could fit: {g}"
    assert panel.root.locator(".bk-live-control").count() == len(names), label

    # keyboard: one step of a slider the model admits there
    assert key_move is not None, f"{label}: no admissible one-step move to try"
    i, sign = key_move
    handle = panel.control(i).locator(".noUi-handle")
    handle.click()  # as a reader does: the click focuses the handle (and does not move it)
    assert handle.evaluate("h => h === document.activeElement"), f"{label}: the handle has no focus"
    page.keyboard.press("ArrowRight" if sign > 0 else "ArrowLeft")  # real key events, to the focus
    panel.wait_picture(unlike=first, what=f"the {names[i]} slider moved by the keyboard")
    now = panel.settle()

    # drag: the same slider, a short way in the same direction
    box = handle.bounding_box()
    track = panel.control(i).locator(".noUi-target").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    dx = sign * max(6.0, track["width"] / 25)
    page.mouse.move(x, y)
    page.mouse.down()
    for k in range(1, 6):
        page.mouse.move(x + dx * k / 5, y)
    page.mouse.up()
    panel.wait_picture(unlike=now, what=f"the {names[i]} slider dragged")
    now = panel.settle()

    # a toggle or a dropdown (the panel's first one) redraws
    for j, n in enumerate(names):
        row = panel.control(j)
        if row.locator("select").count():
            sel = row.locator("select")
            current = sel.evaluate("s => s.selectedIndex")
            sel.select_option(index=1 if current == 0 else 0)
        elif row.locator('input[type="checkbox"]').count():
            row.locator('input[type="checkbox"]').click()
        else:
            continue
        panel.wait_picture(unlike=now, what=f"the {n} toggle changed")
        now = panel.settle()
        break

    # a rejected value, typed in: the model's message over the last good picture
    j, value, msg = rejected
    box_ = panel.control(j).locator(".bk-live-value input").first
    box_.click()
    box_.press("Control+a")
    box_.type(str(value))
    box_.press("Enter")
    end = time.monotonic() + 15
    while not panel.message() and time.monotonic() < end:
        time.sleep(0.1)
    shown = panel.message()
    assert shown, f"{label}: typing {names[j]} = {value} showed no message"
    if msg == "outside":
        assert "outside the slider's range" in shown, (label, shown)
    else:
        assert _plain(msg)[:30] in _plain(shown) and "Move " in shown, (label, msg, shown)
    assert panel.digest() == now, f"{label}: the picture changed under a rejected value"

    # Reset: every value and the first picture again, the same PNG bytes, and no message.  (The
    # slider in the page sends back its own float, 0.19999999999999996 for 0.2, which drawn as
    # such changed tens of antialiased pixels of BO-5 and Gordon F4: lib.controls.snap.)
    panel.root.locator(".bk-live-reset").click()
    panel.wait_picture(unlike=now, what="Reset")
    after = panel.settle()
    assert panel.values() == first_values, (label, first_values, panel.values())
    assert after == first, (f"{label}: after Reset {panel.differs():.3%} of the pixels differ "
                            "from the first picture")
    assert panel.message() == "", f"{label}: message left after Reset: {panel.message()!r}"


def _plain(text):
    return re.sub(r"\s+", " ", text).strip()


#: Whether a Markdown cell draws figure ``name`` (the exported SVG, loaded: jupyterlab-myst resolves
#: ``../_static/figures/<name>.svg`` to the server's /files/ URL), and the cell's text (its caption).
_FIGURE_DRAWN = """(c, name) => ({drawn: Array.from(c.querySelectorAll('img')).some(i =>
    new URL(i.src).pathname.endsWith('/_static/figures/' + name + '.svg') && i.complete
    && i.naturalWidth > 0), text: c.textContent.replace(/\\s+/g, ' ')})"""


def _check_figure(cells, i, name, number, where):
    """Figure ``name`` drawn in cell ``i`` and captioned "Figure <number>:" (jupyterlab-myst draws
    the cell again once its ``{eval}`` has run: wait until both are seen in one look, up to 30 s)."""
    end = time.monotonic() + 30
    while True:
        seen = cells.nth(i).evaluate(_FIGURE_DRAWN, name)
        captioned = f"Figure {number}:" in seen["text"]
        if (seen["drawn"] and captioned) or time.monotonic() > end:
            break
        time.sleep(0.25)
    assert seen["drawn"], f"{where}: cell {i} does not draw {name} ({seen['text'][:200]!r})"
    assert captioned, f"{where}: {name} is not captioned 'Figure {number}' ({seen['text'][:200]!r})"


def _check_chapter(chromium, server, stem, ui, times):
    nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    live = _live_labels(stem)
    figures = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
               and ("publish(" in c.source or "chapter.figure(" in c.source)]
    shown = _figures_shown(stem)
    panels = _panels()
    t0 = time.monotonic()
    context, page, errors = _open(chromium, server, stem, ui)
    try:
        times[(stem, ui, "run all")] = _run_all(page, server, len(code))
        times[(stem, ui, "open")] = time.monotonic() - t0 - times[(stem, ui, "run all")]
        # every panel's picture arrives (or a widget error shows up: report that first)
        end = time.monotonic() + 60
        while time.monotonic() < end:
            bad = _widget_errors(page)
            assert bad == [], f"{stem} ({ui}): {bad}"
            ready = page.evaluate(
                "() => Array.from(document.querySelectorAll('.bk-live-panel'))"
                ".filter(p => { const i = p.querySelector('img'); return i && i.naturalWidth > 0; })"
                ".length")
            if ready >= len(live):
                break
            time.sleep(0.25)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{stem}-{ui}.png"))
        assert _widget_errors(page) == [], f"{stem} ({ui}): {_widget_errors(page)}"
        if ui == "lab":  # how jupyterlab-myst renders the Markdown (once, in JupyterLab)
            assert _markup_problems(page, stem) == [], f"{stem} ({ui}): {_markup_problems(page, stem)}"
        assert page.locator(".bk-live-panel").count() == len(live), \
            f"{stem} ({ui}): {page.locator('.bk-live-panel').count()} panels shown, {len(live)} made"
        assert ready == len(live), f"{stem} ({ui}): only {ready} of {len(live)} panels show a picture"
        # every numbered figure is drawn by its Markdown cell's {figure} (the exported SVG, with
        # its caption and the book's number), and only there: the publishing cell shows none
        cells = page.locator(".jp-Notebook > .jp-Cell, .jp-WindowedPanel-viewport > .jp-Cell")
        assert cells.count() == len(nb.cells), (cells.count(), len(nb.cells))
        for i, name, number in shown:
            _check_figure(cells, i, name, number, f"{stem} ({ui})")
        for i in figures:
            twice = cells.nth(i).evaluate(  # the figure itself, not an explorer's or a panel's picture
                "c => c.querySelectorAll('.jp-OutputArea .jp-RenderedImage img').length")
            assert twice == 0, f"{stem} ({ui}): cell {i} shows its figure under the code too"
        t1 = time.monotonic()
        for index, label in enumerate(live):
            _check_panel(page, index, label, panels[label])
        times[(stem, ui, "panels")] = time.monotonic() - t1
        assert _widget_errors(page) == [], f"{stem} ({ui}): {_widget_errors(page)}"
        assert not [e for e in errors if "widget" in e.lower()], errors
    finally:
        page.screenshot(path=str(SCREENSHOTS / f"{stem}-{ui}-end.png"), full_page=False)
        context.close()
        server.shutdown_kernels()


TIMES: dict = {}


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_live_panels_in_jupyterlab(chromium, server, stem):
    _check_chapter(chromium, server, stem, "lab", TIMES)
    print(_timing(stem, "lab", "JupyterLab"))
    for label in _live_labels(stem):
        g = LAYOUT[label]
        print(f"  {label}: natural {g['nw']}x{g['nh']}, shown {g['iw']:.0f}x{g['ih']:.0f} "
              f"(scale {g['scale']:.2f}), smallest text {g['px']:.1f} px, panel {g['panel']:.0f} px"
              f"{', scrolls in its frame' if g['scrolls'] else ''}")


def _timing(stem, ui, name):
    opened, run_all, panels = (TIMES[(stem, ui, part)] for part in ("open", "run all", "panels"))
    return (f"{stem}: in {name}, opened with an idle kernel in {opened:.1f} s, Run All took "
            f"{run_all:.1f} s, the panels' checks {panels:.1f} s")


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_live_panels_in_notebook7(chromium, server, stem):
    """Jupyter Notebook 7 on the same server and browser: every chapter, every panel.

    Notebook 7 opens the chapter in its own page and runs it in its own kernel (a reader's Run
    All there), so the panels are made and checked by Notebook 7's widget manager, not JupyterLab's.
    """
    _check_chapter(chromium, server, stem, "notebook", TIMES)
    print(_timing(stem, "notebook", "Notebook 7"))


@pytest.mark.parametrize("stem", sorted(p.stem for p in CHAPTERS.glob("*.ipynb")
                                         if p.stem not in CHAPTER_STEMS))
def test_chapters_without_panels_read_well_in_jupyterlab(chromium, server, stem):
    """The chapters without live panels, opened (their Markdown renders without running them).

    A chapter whose Markdown shows glued values (``{eval}`glued(...)```) is run first: Run All
    evaluates those roles (before, jupyterlab-myst shows each expression as code).
    """
    context, page, _ = _open(chromium, server, stem, "lab")
    try:
        nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
        if any(GLUED_KEY.search(c.source) for c in nb.cells if c.cell_type == "markdown"):
            _run_all(page, server, sum(c.cell_type == "code" for c in nb.cells))
        page.wait_for_function("() => document.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown,"
                               " .jp-MarkdownCell .myst').length > 0", timeout=60_000)
        page.wait_for_timeout(1500)
        assert _markup_problems(page, stem) == [], f"{stem}: {_markup_problems(page, stem)}"
    finally:
        context.close()
        server.shutdown_kernels()


def _figures_shown(stem):
    """``(cell index, label, number)`` of each numbered figure a chapter's Markdown shows."""
    nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
    return [(i, o["name"], o["enumerator"]) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
            for _, o in figure_directives(c.source)]


def test_figures_show_when_a_chapter_opens_after_binders_export(chromium, server):
    """Binder's postBuild (and ``make lab``) export the numbered figures before any notebook runs
    (``python -m lib.chapter``; the same bytes as Run All, tests/test_notebooks.py), so a chapter
    shows every numbered figure, captioned, as soon as it opens in JupyterLab, before Run All."""
    assert "\npython -m lib.chapter\n" in (ROOT / "binder" / "postBuild").read_text()
    copy = server.root / "exported"
    (copy / "chapters").mkdir(parents=True)
    stems = [p.stem for p in sorted(CHAPTERS.glob("*.ipynb")) if _figures_shown(p.stem)]
    for stem in stems:
        shutil.copy(CHAPTERS / f"{stem}.ipynb", copy / "chapters")
    env = {k: v for k, v in os.environ.items() if k != "BOOK_FIGURES_DIR"}
    subprocess.run([sys.executable, "-m", "lib.chapter", str(copy / "_static" / "figures")],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    for stem in stems:
        context, page, _ = _open(chromium, server, stem, "lab", folder="exported/chapters")
        try:
            cells = page.locator(".jp-Notebook > .jp-Cell, .jp-WindowedPanel-viewport > .jp-Cell")
            for i, name, number in _figures_shown(stem):
                _check_figure(cells, i, name, number, f"{stem}, on opening")
        finally:
            context.close()
            server.shutdown_kernels()


@pytest.mark.book
def test_book_pages_show_each_numbered_figure_once(built_book):
    """``publish`` shows the figure under its cell in Jupyter, but not in the book build.

    On a chapter page, the cell that publishes a numbered figure has no image output (the
    ``{glue:figure}`` below it shows the figure, numbered and captioned): no figure twice.
    """
    from bs4 import BeautifulSoup

    for stem in CHAPTER_STEMS:
        soup = BeautifulSoup(built_book.page(stem).read_text(encoding="utf-8"), "html.parser")
        publishing = [c for c in soup.select("div.cell")
                      if re.search(r"publish\(|chapter\.figure\(",
                                   (c.select_one("div.cell_input") or c).get_text())]
        assert publishing, f"{stem}: no cell publishes a figure"
        for cell in publishing:
            out = cell.select_one("div.cell_output")
            shown = [] if out is None else [
                i for i in out.find_all("img") if not i.find_parent(class_="bk-explorer")]
            assert not shown, f"{stem}: a publishing cell also shows its figure: {cell.get_text()[:120]!r}"
