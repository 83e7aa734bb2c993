"""Every notebook executes top to bottom (kernel working directory ``chapters/``) without errors."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import CHAPTERS

NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_without_error_output(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(CHAPTERS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name} cell {i}: {out.get('ename')}"
            if out.output_type == "stream" and out.name == "stderr":
                assert "Traceback" not in out.text, f"{path.name} cell {i} printed a traceback"
