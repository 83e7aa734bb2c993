"""A fifth paper is a declaration: a toy package, written by the scaffold into a temporary
directory and registered, is picked up everywhere with no other file of the book edited."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import lib  # noqa: E402
from lib import chapter, controls, explorer, live, new_paper, registry  # noqa: E402
from lib.contract import Paper  # noqa: E402

from .conftest import ROOT, figure_directives  # noqa: E402

TOY = Paper("toy", "Toy (2020)", "A Toy Model of Trade", 2020, "toy_chapter", "toy2020",
            "toy_model")


def _repo_state() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture
def toy(tmp_path, monkeypatch):
    """The toy paper written by the scaffold under ``tmp_path`` and put on ``lib``'s path."""
    before = _repo_state()
    written = new_paper.write(TOY, tmp_path)
    monkeypatch.setattr(lib, "__path__", [*lib.__path__, str(tmp_path / "lib")])
    monkeypatch.setenv("BOOK_FIGURES_DIR", str(tmp_path / "_static" / "figures"))  # exports there
    registry.refresh()
    yield tmp_path, written
    registry.refresh()
    for name in [m for m in sys.modules if m == "lib.toy_model" or m.startswith("lib.toy_model.")]:
        del sys.modules[name]
    plt.close("all")
    assert _repo_state() == before, "the toy paper edited a file of the book"


def test_the_scaffold_writes_package_chapter_and_test(toy):
    root, written = toy
    assert {p.relative_to(root).as_posix() for p in written} == {
        "lib/toy_model/__init__.py", "lib/toy_model/model.py", "lib/toy_model/figures.py",
        "chapters/toy_chapter.ipynb", "tests/test_toy_model.py"}
    with pytest.raises(FileExistsError):
        new_paper.write(TOY, root)
    nb = nbformat.read(root / "chapters" / "toy_chapter.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert 'chapter.figure("fig-toy-1")' in code
    assert figure_directives(text) == [("../_static/figures/fig-toy-1.svg", {
        "name": "fig-toy-1", "enumerator": "TOY-1", "alt": "TODO: describe what the reader sees"})]
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--config",
                           str(ROOT / "pyproject.toml"), str(root / "lib"), str(root / "tests")],
                          capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout


def test_registry_status_and_citation_tables_pick_it_up(toy):
    assert list(registry.PAPERS)[-1] == "toy"  # not in _toc.yml yet: last
    assert registry.PAPERS["toy"] == TOY
    items = registry.collect(["toy"])
    assert [it.id for it in items] == ["Fig. 1", "Result 1"]
    assert items[0].chapter == "toy_chapter" and items[0].number == "TOY-1"
    status = registry.summary_markdown()
    assert "{doc}`Toy (2020) <toy_chapter>`" in status
    assert len(status.splitlines()) == 2 + len(registry.PAPERS)
    index = registry.figure_index_markdown()
    assert "{numref}`fig-toy-1`" in index and "Toy (2020), Fig. 1" in index
    assert registry.figure_labels()["fig-toy-1"] == "toy_chapter"
    assert registry.NUMBER_PREFIX["toy"] == "TOY"
    # README's table of chapters: the toy has a row, and the check says how to rewrite it
    from lib import readme

    row = registry.readme_table().splitlines()[-1]
    assert row.startswith("| Toy (2020), *A Toy Model of Trade* | [`chapters/toy_chapter.ipynb`]")
    assert "[`lib.toy_model`](lib/toy_model/)" in row and "2 replicated" in row
    assert readme.main(["--check"]) == 1


def test_live_panel_explorer_and_chapter_helper_pick_it_up(toy, monkeypatch):
    root, _ = toy
    spec = registry.figure_specs()["fig-toy-1"]
    assert spec.live and spec.paper == "toy"
    # the live-panel machinery: a reader's session, pixels independent of the path
    lf = live.LiveFigure(spec.draw, spec.params, **{k: c.default for k, c in spec.extras.items()})
    moves = list(live.reader_moves(spec.params, spec.controls, spec.extras, points=3))
    for params, extras, _ in moves:
        lf.update(params, **extras)
    fresh = live.LiveFigure(spec.draw, *moves[-1][:1], **moves[-1][1])
    assert np.array_equal(lf.rgba(), fresh.rgba())
    box = controls.LivePanel.from_spec(spec).show()
    assert bytes(box.image.value).startswith(b"\x89PNG")
    # the explorer machinery
    ex = explorer.explorer(spec.draw, spec.params, spec.explore[0].grid, extras=spec.extras)
    assert len(ex.frames) == 5 and all("src" in f for f in ex.frames.values())
    # the chapter helper, as the book's build runs it
    monkeypatch.setenv(chapter.STATIC_ENV, "1")
    block = chapter.figure("fig-toy-1")
    assert (root / "_static" / "figures" / "fig-toy-1.svg").is_file()
    assert (root / "_static" / "figures" / "fig-toy-1.png").is_file()
    assert len(block.explorers) == 1 and block.live


def test_its_model_examples_and_first_test_run(toy):
    model = importlib.import_module("lib.toy_model.model")
    result = doctest.testmod(model)
    assert result.attempted >= 4 and result.failed == 0
    root, _ = toy
    ns: dict = {}
    exec(compile((root / "tests" / "test_toy_model.py").read_text(), "test_toy_model", "exec"), ns)
    ns["test_result_1"]()


def test_the_scaffold_command_line(tmp_path):
    assert new_paper.main(["smith", "--root", str(tmp_path), "--year", "1999"]) == 0
    assert (tmp_path / "lib" / "smith_model" / "figures.py").is_file()
    assert 'PAPER = Paper(\'smith\', \'Smith (1999)\'' in (
        tmp_path / "lib" / "smith_model" / "__init__.py").read_text()
    with pytest.raises(SystemExit):
        new_paper.main(["Bad-Key", "--root", str(tmp_path)])


def test_it_follows_the_package_contract(toy):
    from .test_contract import parameter_argument_problems

    assert parameter_argument_problems("toy_model") == []  # the scaffold names it params
