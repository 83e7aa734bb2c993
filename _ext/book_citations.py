"""Citations that read the same in JupyterLab and in the book (a local Sphinx extension).

A chapter cites a work as the reader should read it::

    {citation}`Schiff (2014)` showed ...          (textual:       Schiff (2014))
    ... small states {citation}`(Andriamananjara and Schiff, 1998)`.   (parenthetical)

* **In JupyterLab** (jupyterlab-myst, which resolves no citation: a ``{cite:t}`key``` shows
  the bare BibTeX key there), a role it does not know shows its text as is: the reader reads
  "Schiff (2014)".
* **In the book** the role finds the one entry of ``references.bib`` whose first author's
  surname and year the text names, and becomes exactly what ``{cite:t}`key``` (text in
  parentheses: ``{cite:p}`key```) of sphinxcontrib-bibtex makes: the same link, the same
  tooltip, the same entry in the bibliography.  Once resolved, the citation's text must be the
  role's text, character for character (so the notebook never says something the book does
  not): otherwise a warning, which fails the ``-W`` build; so does a text that names no entry,
  or more than one.  ``{citation}`Text <key>``` names the key outright (for two works of one
  author and year; it shows the key in JupyterLab, so use it only then).
* **Round brackets.** The book's referencing style is sphinxcontrib-bibtex's author-year style
  with round brackets (``author_year_round``): "Schiff (2014)", "(Baldwin and Okubo, 2014)",
  as economists write them and as the book's own tables name the papers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.util import logging
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

logger = logging.getLogger(__name__)

ROLE = "citation"
STYLE = "author_year_round"
_EXPLICIT = re.compile(r"^(?P<text>.*?\S)\s*<(?P<key>[^<>\s]+)>$", re.S)


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclass
class AuthorYearRound(AuthorYearReferenceStyle):
    """sphinxcontrib-bibtex's author-year referencing style with round brackets."""

    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)


class citation_check(nodes.inline):
    """Holds a resolved citation until its text is compared with the role's (then unwrapped)."""


def _surnames(entry) -> list[str]:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    return [" ".join(n.render_as("text") for n in p.rich_last_names) for p in people]


def matching_keys(text: str, entries) -> list[str]:
    """The keys of ``entries`` (pybtex) whose first author's surname and year ``text`` names."""
    found = []
    for key, entry in entries.items():
        names, year = _surnames(entry), entry.fields.get("year", "")
        if names and year and re.search(rf"\b{re.escape(year)}\b", text) \
                and re.search(rf"(?<!\w){re.escape(names[0])}(?!\w)", text):
            found.append(key)
    return found


def citation_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{citation}`Schiff (2014)```: the sphinxcontrib-bibtex citation the text names."""
    env = inliner.document.settings.env
    domain = env.get_domain("cite")
    shown = " ".join(text.split())
    explicit = _EXPLICIT.match(shown)
    if explicit:
        shown, keys = explicit["text"], [explicit["key"]]
    else:
        keys = matching_keys(shown, domain.bibdata.data.entries)
    if len(keys) != 1:
        what = "no entry" if not keys else f"{len(keys)} entries ({', '.join(keys)})"
        msg = inliner.reporter.error(
            f"{{{ROLE}}}`{text}`: the text names {what} of the bibliography (write the first "
            f"author's surname and the year as the book prints them, e.g. 'Schiff (2014)'; "
            f"'Text <key>' names the key outright)", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    kind = "p" if shown.startswith("(") else "t"
    made, messages = domain.role(kind)(f"cite:{kind}", f"{{cite:{kind}}}`{keys[0]}`", keys[0],
                                      lineno, inliner, options or {}, list(content))
    holder = citation_check("", "", *made, expected=shown)
    holder.source, holder.line = inliner.reporter.get_source_and_line(lineno)
    return [holder], messages


def _check(app, doctree, docname):
    """Each citation reads as its role's text; then the holder goes (the page is as with cite:t)."""
    for holder in list(doctree.findall(citation_check)):
        got = " ".join(holder.astext().split())
        if got != holder["expected"]:
            logger.warning(f"{{{ROLE}}}`{holder['expected']}` reads {got!r} in the book: write "
                           "what the book prints, so that the notebook says the same",
                           location=holder)
        holder.replace_self(holder.children)


def setup(app):
    register_plugin("sphinxcontrib.bibtex.style.referencing", STYLE, AuthorYearRound)
    app.add_node(citation_check)
    app.add_role(ROLE, citation_role)
    app.connect("doctree-resolved", _check, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
