"""``{citation}`Schiff (2014)```: reads the same in JupyterLab and in the book (_ext/book_citations.py).

A small Sphinx project (MyST, sphinxcontrib-bibtex, the extension, the book's references.bib)
is built in a temporary folder: each work cited with the role gives exactly the HTML that
``{cite:t}``/``{cite:p}`` of its key gives; a text that names no entry, or that reads otherwise
than the book prints it, fails the build.  And the chapters cite only with the role (a
``{cite:...}`` role shows the bare BibTeX key in JupyterLab; tests/test_jupyterlab.py checks the
rendering in a real JupyterLab).
"""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest
from pybtex.database import parse_file

from .conftest import CHAPTERS, ROOT

sys.path.insert(0, str(ROOT / "_ext"))
import book_citations  # noqa: E402

ENTRIES = parse_file(ROOT / "references.bib").entries
#: What the book prints for each entry (author-year, round brackets), textual form.
TEXTUAL = {
    "baldwin2014offshoring": ("Baldwin and Okubo", 2014), "schiff2014small": ("Schiff", 2014),
    "fernandezarias1996north": ("Fernández-Arias and Spiegel", 1996),
    "gordon2010people": ("Gordon", 2010), "mundell1957international": ("Mundell", 1957),
    "markusen1983factor": ("Markusen", 1983), "dixit1980theory": ("Dixit and Norman", 1980),
    "borjas1995economic": ("Borjas", 1995),
    "andriamananjara1998regional": ("Andriamananjara and Schiff", 1998),
}


def _build(tmp_path, pages: dict[str, str]):
    (tmp_path / "references.bib").write_text((ROOT / "references.bib").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'book_citations']\n"
        "bibtex_bibfiles = ['references.bib']\nbibtex_reference_style = 'author_year_round'\n")
    toc = "\n".join(pages)
    (tmp_path / "index.md").write_text(f"# Index\n\n```{{toctree}}\n{toc}\n```\n\n```{{bibliography}}\n```\n")
    for name, text in pages.items():
        (tmp_path / f"{name}.md").write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                          str(tmp_path), str(tmp_path / "_build")], capture_output=True, text=True)
    return run


def _citations(html: str) -> list[str]:
    """The citation spans of a page, without their ids (which count up through the page)."""
    return [re.sub(r' id="id\d+"', "", s) for s in
            re.findall(r'<span class="bibtex-citation".*?</span>', html, re.S)]


def test_every_entry_is_in_the_table():
    assert set(TEXTUAL) == set(ENTRIES)
    for key, (authors, year) in TEXTUAL.items():
        assert book_citations.matching_keys(f"{authors} ({year})", ENTRIES) == [key]
        assert book_citations.matching_keys(f"({authors}, {year})", ENTRIES) == [key]


def test_role_gives_what_cite_t_and_cite_p_give(tmp_path):
    old = [f"- {{cite:t}}`{k}` / {{cite:p}}`{k}`" for k in TEXTUAL]
    new = [f"- {{citation}}`{a} ({y})` / {{citation}}`({a}, {y})`" for a, y in TEXTUAL.values()]
    run = _build(tmp_path, {"old": "\n".join(old), "new": "\n".join(new)})
    assert run.returncode == 0, run.stderr
    out = tmp_path / "_build"
    was = _citations((out / "old.html").read_text(encoding="utf-8"))
    now = _citations((out / "new.html").read_text(encoding="utf-8"))
    assert len(now) == 2 * len(TEXTUAL) and now == was
    assert "Schiff (<a" in " ".join(now) and ">Andriamananjara and Schiff, 1998</a>)" in " ".join(now)
    # the role leaves no trace of its own in the page
    assert "citation_check" not in (out / "new.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, says", [
    ("Schiff (2015)", "names no entry"),
    ("Schiff [2014]", "reads 'Schiff (2014)' in the book"),
    ("Baldwin (2014)", "reads 'Baldwin and Okubo (2014)' in the book"),
])
def test_a_text_the_book_does_not_print_fails_the_build(tmp_path, text, says):
    run = _build(tmp_path, {"page": f"{{citation}}`{text}` wrote it."})
    assert run.returncode != 0 and says in run.stderr, run.stderr


def test_chapters_cite_with_the_role_only():
    """A ``{cite:...}`` role in a chapter shows the bare BibTeX key in JupyterLab."""
    for path in sorted(CHAPTERS.glob("*.ipynb")) + [ROOT / "intro.md"]:
        if path.suffix == ".ipynb":
            text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                             if c.cell_type == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        assert not re.search(r"\{cite(:\w+)?\}`", text), f"{path.name}: cite with {{citation}}`Author (Year)`"
