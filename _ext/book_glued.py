"""Glued values that read the same in JupyterLab and in the book (a local Sphinx extension).

A chapter's Markdown shows a glued value (``lib.figures.glue``) as::

    Drawn at {eval}`glued("fig-bo-1-params")`.          ({glue:text}`fig-bo-1-params`)
    $\\phi_P=$ {eval}`glued("bo-phiP", ".4f")`            ({glue:text}`bo-phiP:.4f`)

* **In JupyterLab** jupyterlab-myst evaluates an ``{eval}`` role in the kernel when Run All
  reaches its Markdown cell, and ``lib.figures.glued`` returns exactly the text myst-nb's
  ``{glue:text}`` prints for that key (where a ``{glue:text}`key``` showed the bare key).
* **In the book** (myst-nb evaluates no ``{eval}`` role: the chapters are executed with
  ``execution_mode: force``, not ``inline``) this extension replaces myst-nb's ``eval`` role: a
  text ``glued("key")`` or ``glued("key", "spec")`` becomes myst-nb's own ``{glue:text}`` role
  for ``key`` (``key:spec``): the same node, the same HTML.  Any other text goes to myst-nb's
  ``eval`` role as before (which, without an inline kernel, warns: the ``-W`` build fails).
"""

from __future__ import annotations

import re

from myst_nb.ext.eval import EvalRoleAny
from myst_nb.ext.glue.roles import PasteTextRole

#: ``glued("key")`` or ``glued("key", ".4f")`` (either quote), nothing else.
GLUED = re.compile(r"""^\s*glued\(\s*(?P<q>["'])(?P<key>[^"'\s:]+)(?P=q)\s*"""
                   r"""(?:,\s*(?P<r>["'])(?P<spec>[^"']*)(?P=r)\s*)?\)\s*$""")


def glue_text(text: str) -> str | None:
    """The ``{glue:text}`` text an ``{eval}`` text stands for (``None``: not a ``glued`` call).

    >>> glue_text('glued("fig-bo-1-params")'), glue_text("glued('bo-phiP', '.4f')"), glue_text("1 + 1")
    ('fig-bo-1-params', 'bo-phiP:.4f', None)
    """
    m = GLUED.match(text)
    if m is None:
        return None
    return m["key"] + (f":{m['spec']}" if m["spec"] else "")


class GluedOrEvalRole:
    """``{eval}``: ``glued(...)`` texts through myst-nb's glue text role, others through its eval role."""

    def __init__(self):
        self._glue, self._eval = PasteTextRole(), EvalRoleAny()

    def __call__(self, name, rawtext, text, lineno, inliner, options=None, content=()):
        key = glue_text(text)
        if key is None:
            return self._eval(name, rawtext, text, lineno, inliner, options, content)
        return self._glue("glue:text", rawtext, key, lineno, inliner, options, content)


def _register(app) -> None:
    # after every extension's setup (myst-nb registers its own ``eval`` role in its setup)
    app.add_role("eval", GluedOrEvalRole(), override=True)


def setup(app):
    app.setup_extension("myst_nb")
    app.connect("builder-inited", _register)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
