"""Small HTML fixes for the built book (a local Sphinx extension).

* sphinx-thebe registers its inline configuration script twice under Jupyter Book 1.x, which makes
  the browser raise "Identifier 'THEBE_JS_URL' has already been declared" on every page.  We keep
  the first copy of every script.

(pydata-sphinx-theme also needs a theme mode, or it logs a console error on every page: that is
``html_context.default_mode`` in ``_config.yml``.)
"""

from __future__ import annotations


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        key = (getattr(js, "filename", None) or "", repr(sorted(getattr(js, "attributes", {}).items())))
        if key in seen:
            continue
        seen.add(key)
        kept.append(js)
    context["script_files"] = kept


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
