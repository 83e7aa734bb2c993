"""The chapter helper: one declaration per figure (FigureSpec), one call per figure in its chapter."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402

from lib import chapter, registry  # noqa: E402
from lib.params import spec_for  # noqa: E402

from .conftest import CHAPTERS  # noqa: E402

SPECS = registry.figure_specs()
_CALL = re.compile(r'chapter\.(figure|live_panel)\("(fig-[a-z0-9-]+)"')


def _calls(stem: str) -> list[tuple[str, str]]:
    nb = nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4)
    return [m.groups() for c in nb.cells if c.cell_type == "code" for m in _CALL.finditer(c.source)]


def test_every_registered_figure_is_declared():
    """Each original figure the registry lists has a FigureSpec (supplementary ones have one too)."""
    labels = registry.figure_labels()
    assert set(labels) <= set(SPECS)
    for label, stem in labels.items():
        assert registry.PAPERS[SPECS[label].paper].chapter == stem


@pytest.mark.parametrize("key", list(registry.PAPERS))
def test_each_chapter_shows_each_of_its_figures_with_one_call(key):
    paper = registry.PAPERS[key]
    calls = _calls(paper.chapter)
    figures = [label for kind, label in calls if kind == "figure"]
    assert sorted(figures) == sorted(label for label, s in SPECS.items() if s.paper == key)
    assert len(figures) == len(set(figures))
    panels = {label for kind, label in calls if kind == "live_panel"}
    for label in panels:
        assert SPECS[label].live
    nb = nbformat.read(CHAPTERS / f"{paper.chapter}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for word in ("publish(", "explorer(", "LIVE_PANELS"):  # the helper does these
        assert word not in code, f"{paper.chapter}: a figure block by hand ({word})"


@pytest.mark.parametrize("label", sorted(SPECS))
def test_explorer_grids_and_live_controls_name_real_controls(label):
    s = SPECS[label]
    for e in s.explore:
        assert 1 <= len(e.grid) <= 2
        for name, values in e.grid.items():
            spec = spec_for(name, s.params, s.extras)
            assert len(values) > 0
            for v in values:
                spec.check(v)
    for name in (*(s.controls or ()), *s.extras):
        spec_for(name, s.params, s.extras)


def test_static_build_shows_a_note_instead_of_a_widget(monkeypatch, tmp_path):
    monkeypatch.setenv(chapter.STATIC_ENV, "1")
    monkeypatch.setenv("BOOK_FIGURES_DIR", str(tmp_path / "_static" / "figures"))
    label = next(k for k, s in SPECS.items() if s.live and s.explore)
    block = chapter.figure(label)
    assert (tmp_path / "_static" / "figures" / f"{label}.svg").is_file()
    assert len(block.explorers) == len(SPECS[label].explore) and block.live
    note = chapter._panel_or_note(SPECS[label])
    assert "launch" in note.data and "widget" not in type(note).__name__.lower()
    plt.close("all")


def test_live_panel_in_a_kernel(monkeypatch):
    monkeypatch.delenv(chapter.STATIC_ENV, raising=False)
    label = next(k for k, s in SPECS.items() if s.live)
    box = chapter.live_panel(label)
    assert bytes(box.image.value).startswith(b"\x89PNG")
    plt.close(box.live.fig)
    with pytest.raises(ValueError, match="no live panel"):
        chapter.live_panel(next(k for k, s in SPECS.items() if not s.live))
