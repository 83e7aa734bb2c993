"""Small HTML fixes for the built book (a local Sphinx extension).

* sphinx-thebe registers its inline configuration script twice under Jupyter Book 1.x, which makes
  the browser raise "Identifier 'THEBE_JS_URL' has already been declared" on every page.  We keep
  the first copy of every script.

* The live ipywidgets panels run in Binder/Jupyter only; their outputs are removed from the static
  pages (cell tag ``remove-output``), but myst-nb still embeds the executed notebook's widget state
  (tens of kB of dead JSON per page).  We drop it: the static page's explorers need none of it.

* A chapter that goes wrong quietly must fail the build (``-W`` and ``raise_on_error`` only catch
  an uncaught exception).  :func:`setup` points ``PYTHONSTARTUP`` at ``kernel_startup.py``, which
  every executing kernel runs first: a Python warning in a chapter becomes an error.  Output on
  stderr (a caught traceback printed with ``traceback.print_exc()``, a logged error) is a build
  warning through ``nb_output_stderr: warn`` in ``_config.yml``, so ``-W`` fails the build.  A live
  panel whose figure raises at its starting values raises through (``lib.controls.panel``).
* docutils marks each bibliography entry ``role="doc-biblioentry"`` inside a ``role="list"``; that
  role is deprecated (ARIA 1.2) and a list must hold list items, which axe-core reports as a
  critical violation.  The entries become ``role="listitem"``.

* After a successful HTML build, the whole site is zipped into ``book-html.zip`` beside the HTML
  folder (``_build/book-html.zip`` for ``make book``): a self-contained copy a reader downloads and
  opens from disk (``index.html``), math included (MathJax is in ``_static/mathjax``).  It runs
  after sphinx-mathjax-offline has copied MathJax (both at ``build-finished``; ours runs later).

* The chapters' figure calls (:func:`lib.chapter.figure`) show a live panel when a notebook runs
  in Jupyter or Binder.  The book's build sets ``TRADE_BOOK_STATIC=1`` before it executes the
  notebooks (their kernels inherit the environment), so the static pages show a line pointing to
  the live version instead of a dead widget.

(pydata-sphinx-theme also needs a theme mode, or it logs a console error on every page: that is
``html_context.default_mode`` in ``_config.yml``.)
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from lib.chapter import STATIC_ENV

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _clean_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        if getattr(js, "attributes", {}).get("type") == WIDGET_STATE:
            continue
        key = (getattr(js, "filename", None) or "", repr(sorted(getattr(js, "attributes", {}).items())))
        if key in seen:
            continue
        seen.add(key)
        kept.append(js)
    context["script_files"] = kept


ZIP_NAME = "book-html.zip"
ZIP_ROOT = "replication-book"  # the folder the archive unpacks into
_SKIP = {".buildinfo", ".nojekyll"}


def write_zip(html: Path, target: Path) -> Path:
    """Zip the built site ``html`` into ``target`` (written atomically), under :data:`ZIP_ROOT`/."""
    tmp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for folder, dirs, files in os.walk(html):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder) / name
                if name in _SKIP or name.endswith(".part"):
                    continue
                zf.write(path, f"{ZIP_ROOT}/{path.relative_to(html).as_posix()}")
    os.replace(tmp, target)
    return target


def _zip_site(app, exc):
    if exc is None and app.builder.format == "html":
        html = Path(app.outdir)
        write_zip(html, html.parent / ZIP_NAME)


def _aria_fixes(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


#: The start-up file of every kernel that executes a chapter (warnings are errors).
KERNEL_STARTUP = Path(__file__).resolve().parent / "kernel_startup.py"


def setup(app):
    os.environ["PYTHONSTARTUP"] = str(KERNEL_STARTUP)  # inherited by the kernels myst-nb starts

    os.environ[STATIC_ENV] = "1"  # inherited by the kernels that execute the chapters
    app.connect("html-page-context", _aria_fixes)
    app.connect("html-page-context", _clean_scripts, priority=900)
    app.connect("build-finished", _zip_site, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
