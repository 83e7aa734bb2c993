"""Every notebook executes top to bottom (kernel working directory ``chapters/``) without errors."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import CHAPTERS, ROOT

NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_without_error_output(path, tmp_path, monkeypatch):
    # as in the build: a warning is an error (kernel start-up file); figures are exported into a
    # temporary folder, never into the source tree's _static/figures (issue #15 items 5 and 7)
    monkeypatch.setenv("PYTHONSTARTUP", str(ROOT / "_ext" / "kernel_startup.py"))
    monkeypatch.setenv("BOOK_FIGURES_DIR", str(tmp_path / "figures"))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(CHAPTERS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name} cell {i}: {out.get('ename')}"
            if out.output_type == "stream" and out.name == "stderr":  # a build warning (nb_output_stderr)
                raise AssertionError(f"{path.name} cell {i} wrote to stderr: {out.text[:500]}")
    # what Run All exported is what `python -m lib.chapter` (binder/postBuild, make lab) exports
    # before any notebook runs, to the byte: the chapters' {figure} shows those files on opening
    ran = {f.name: f.read_bytes() for f in sorted((tmp_path / "figures").glob("fig-*.*"))}
    if ran:
        from lib import chapter

        labels = {name.rsplit(".", 1)[0] for name in ran}
        assert sorted(chapter.export_all(tmp_path / "before", labels)) == sorted(labels)
        before = {f.name: f.read_bytes() for f in sorted((tmp_path / "before").glob("fig-*.*"))}
        assert set(ran) <= set(before), sorted(set(ran) - set(before))  # the atlas writes no record
        differ = [name for name in ran if before[name] != ran[name]]
        assert differ == [], f"{path.name}: exported before running differs from Run All: {differ}"
