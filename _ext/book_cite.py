"""Citable figures (a local Sphinx extension): numbers from labels, a citation under each, an index.

* **Numbers.** Sphinx numbers figures with a running count across the book ("Fig. 9").  A
  figure labelled ``fig-<paper>-<x>`` is instead numbered by :func:`lib.registry.figure_number`
  ("Figure BO-1", "Figure Gordon-D3"): we rewrite ``env.toc_fignumbers`` right after Sphinx
  assigns its numbers (``env-get-updated``), so the caption and every ``{numref}`` show the
  derived number.  A numbered figure with any other label is a warning (a ``-W`` build fails).
* **Cite this figure.** Under each such figure, the block of :func:`lib.citation.cite_block_html`
  (plain ``<details>``; no JavaScript).  The figure's record (parameters, redraw call) is the
  ``<label>.json`` that :func:`lib.figures.publish` saved; a figure without one is a warning.
* **figures.json.** At the end of an HTML build, ``<outdir>/figures.json``: one record per
  figure (:func:`lib.citation.figures_index`), with the SHA-256 of the files served.
* **The figure directive.** A chapter shows a numbered figure with MyST's ``{figure}`` of the
  exported SVG (``../_static/figures/<label>.svg``, written by :func:`lib.figures.publish` when
  the notebook runs) and ``:enumerator: <number>``, the option with which jupyterlab-myst shows
  the book's number ("Figure BO-1") in JupyterLab.  Sphinx's figure directive does not know that
  option: :class:`BookFigure` accepts it and checks it against the label (a mismatch is a
  warning, so a ``-W`` build fails); the number on the page comes from the label, as above.
* **Footer.** Every page's footer names the version, the commit and the licences
  (:func:`lib.book.footer_html`).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.patches import Figure as _SphinxFigure
from sphinx.util import logging

from lib import book, citation, registry

logger = logging.getLogger(__name__)

_BOOK_LABEL = re.compile(r"^fig-[a-z]+-[a-z0-9]+(?:-[a-z0-9]+)*$")


def _is_book_label(label: str) -> bool:
    if not _BOOK_LABEL.match(label):
        return False
    try:
        registry.figure_number(label)
    except ValueError:
        return False
    return True


class BookFigure(_SphinxFigure):
    """Sphinx's ``figure`` directive, also taking MyST's ``:enumerator:`` (see the module docstring)."""

    option_spec = {**_SphinxFigure.option_spec, "enumerator": directives.unchanged_required}

    def run(self):
        enumerator = self.options.pop("enumerator", None)
        if enumerator is not None:
            name = self.options.get("name", "")
            env = self.state.document.settings.env
            if not _is_book_label(name):
                logger.warning("figure %r has ':enumerator: %s' but no book label 'fig-<paper>-<n>' "
                               "to number it by", name, enumerator, location=(env.docname, self.lineno))
            elif enumerator != registry.figure_number(name):
                expected = registry.figure_number(name)
                logger.warning("figure %r has ':enumerator: %s', but its number is %s: write "
                               "':enumerator: %s' (lib.registry.figure_number of its :name:)",
                               name, enumerator, expected, expected,
                               location=(env.docname, self.lineno))
        return super().run()


def _config_inited(app, config):
    # One build, one commit and edition: the notebook kernels (child processes) that export the
    # figures inherit them, even if the working tree changes while the book builds.
    os.environ["BOOK_COMMIT"] = book.commit()
    os.environ["BOOK_RELEASE"] = "1" if book.is_release() else "0"
    config.numfig_format = {**config.numfig_format, "figure": "Figure %s"}
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = (options.get("extra_footer") or "") + book.footer_html()
    config.html_theme_options = options


def _doctree_read(app, doctree):
    """Remember each book figure of the page, in order, with its caption (for figures.json)."""
    env = app.env
    found = {}
    for fig in doctree.findall(nodes.figure):
        ids = fig.get("ids") or []
        if ids and _is_book_label(ids[0]):
            caption = next(iter(fig.findall(nodes.caption)), None)
            found[ids[0]] = caption.astext().strip() if caption is not None else ""
    if not hasattr(env, "book_figures"):
        env.book_figures = {}
    env.book_figures[env.docname] = found


def _purge(app, env, docname):
    getattr(env, "book_figures", {}).pop(docname, None)


def _merge(app, env, docnames, other):
    if not hasattr(env, "book_figures"):
        env.book_figures = {}
    for doc in docnames:
        if doc in getattr(other, "book_figures", {}):
            env.book_figures[doc] = other.book_figures[doc]


def _renumber(app, env):
    """Replace Sphinx's running figure numbers by the numbers derived from the labels."""
    for docname, per_type in env.toc_fignumbers.items():
        for figure_id in list(per_type.get("figure", {})):
            if _is_book_label(figure_id):
                per_type["figure"][figure_id] = (registry.figure_number(figure_id),)
            else:
                logger.warning("figure %r has no label 'fig-<paper>-<n>': it would get a running "
                               "number; label it after the paper and the figure it rebuilds",
                               figure_id, location=docname)
    return []


def _add_cite_blocks(app, doctree, docname):
    if app.builder.format != "html":
        return
    folder = Path(app.srcdir) / "_static" / "figures"
    for fig in list(doctree.findall(nodes.figure)):
        ids = fig.get("ids") or []
        if not ids or not _is_book_label(ids[0]):
            continue
        label = ids[0]
        try:
            published = citation.load_published(label, folder)
        except FileNotFoundError:
            logger.warning("figure %s has no record %s.json: publish it with lib.figures.publish",
                           label, label, location=fig)
            published = None
        block = nodes.raw("", citation.cite_block_html(label, published), format="html")
        fig.parent.insert(fig.parent.index(fig) + 1, block)


def _order(app) -> list[str]:
    """Book figures in reading order: chapters as the table of contents lists them."""
    env = app.env
    figures = getattr(env, "book_figures", {})
    docs = [app.config.root_doc]
    seen = set()
    order = []
    while docs:
        doc = docs.pop(0)
        if doc in seen:
            continue
        seen.add(doc)
        order.append(doc)
        docs[0:0] = [d for d in env.toctree_includes.get(doc, []) if d not in seen]
    order += sorted(set(figures) - set(order))
    return [label for doc in order for label in figures.get(doc, {})]


def _write_index(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    captions = {lb: cap for doc in getattr(app.env, "book_figures", {}).values()
                for lb, cap in doc.items()}
    labels = [lb for lb in _order(app)
              if citation.record_path(lb, outdir / "_static" / "figures").is_file()]
    index = citation.figures_index(labels, outdir / "_static" / "figures", captions)
    (outdir / "figures.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n",
                                         encoding="utf-8")


def setup(app):
    app.add_directive("figure", BookFigure, override=True)
    app.connect("config-inited", _config_inited, priority=900)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _renumber, priority=900)
    app.connect("doctree-resolved", _add_cite_blocks)
    app.connect("build-finished", _write_index)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
