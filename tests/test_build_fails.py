"""A chapter that goes wrong quietly fails the build (issue #15 item 7).

Each test builds a tiny book in a temporary folder with the book's own ``_config.yml`` and
``_ext`` (so exactly the build's settings): an intro page and one notebook that goes wrong
in one way, then checks that ``jupyter-book build`` fails and says why.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT

pytestmark = pytest.mark.book

CASES = {
    # a Python warning in a chapter (kernel start-up: warnings are errors)
    "warning": ("import warnings\nwarnings.warn('the chapter quietly went wrong')",
                "the chapter quietly went wrong"),
    # an error caught and printed, so that the cell itself succeeds (stderr is a build warning)
    "printed-traceback": ("import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n"
                          "    traceback.print_exc()", "stderr"),
    # a live panel whose figure function raises, with the panel's output removed as in the chapters
    "panel": ("from lib import controls\nfrom lib import offshoring as bo\n"
              "def draw(params, ax=None):\n    raise ZeroDivisionError('figure function failed')\n"
              "controls.panel(draw, bo.Params(), ['sigma'])", "figure function failed"),
    # a numbered figure whose :enumerator: (the number JupyterLab shows) is not the book's number
    "enumerator": ("from lib import chapter\nchapter.figure('fig-bo-1', live=False, note=False)",
                   "':enumerator: BO-1'"),
}
#: Markdown after the code cell, by case.
MARKDOWN = {
    "enumerator": ("```{figure} ../_static/figures/fig-bo-1.svg\n:name: fig-bo-1\n:enumerator: BO-2\n"
                   ":alt: Two adjustment paths.\n\nA figure numbered for JupyterLab as another.\n```"),
}


def _tiny_book(folder: Path, source: str, tags=(), markdown: str = "") -> Path:
    shutil.copy(ROOT / "_config.yml", folder / "_config.yml")
    shutil.copy(ROOT / "references.bib", folder / "references.bib")
    shutil.copytree(ROOT / "_ext", folder / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "intro.md").write_text("# Tiny book\n\nA page.\n")
    (folder / "chapters").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A chapter"),
                nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)})]
    if markdown:
        nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "chapters" / "chapter.ipynb")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n- file: chapters/chapter\n")
    return folder


@pytest.mark.parametrize("case", list(CASES))
def test_build_fails_on_a_quiet_error(tmp_path, case):
    source, expected = CASES[case]
    (tmp_path / "book").mkdir()
    book = _tiny_book(tmp_path / "book", source, tags=["remove-output"] if case == "panel" else (),
                      markdown=MARKDOWN.get(case, ""))
    jb = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run([str(jb), "build", "--all", "-W", "-n", "--keep-going", str(book)],
                          cwd=book, capture_output=True, text=True, timeout=600)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log[-3000:]
    assert expected in log, log[-3000:]
