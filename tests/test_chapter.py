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

from .conftest import CHAPTERS, figure_directives  # noqa: E402

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


_PUBLISHES = re.compile(r'(?:chapter\.figure|claim_maps\.figure)\("(fig-[a-z0-9-]+)"')


@pytest.mark.parametrize("path", sorted(CHAPTERS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_numbered_figures_are_figure_directives_of_the_exported_svg(path):
    """Every figure a chapter publishes is shown by MyST's ``{figure}`` of its exported SVG.

    ``../_static/figures/<label>.svg`` (what lib.figures.publish writes), ``:name: <label>`` and
    ``:enumerator: <the book's number>``: jupyterlab-myst then draws the figure with its caption
    and the book's number ("Figure BO-1"), where a ``{glue:figure}`` was a folded "Unknown
    Directive" box; the book checks the enumerator too (_ext/book_cite.py).
    """
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert not re.search(r"\{glue(?::\w+)?\}", markdown), f"{path.name}: a glue directive or role"
    shown = {}
    for image, options in figure_directives(markdown):
        name = options.get("name", "")
        assert name.startswith("fig-"), f"{path.name}: a figure of {image} without a book label"
        assert image == f"../_static/figures/{name}.svg", (name, image)
        assert options.get("enumerator") == registry.figure_number(name), (name, options)
        assert options.get("alt"), f"{name}: no alt text"
        assert name not in shown, f"{name} shown twice"
        shown[name] = options
    published = [m for c in nb.cells if c.cell_type == "code" for m in _PUBLISHES.findall(c.source)]
    assert sorted(shown) == sorted(published), f"{path.name}: figures shown != figures published"


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


# --- glued values in the prose: {eval}`glued("key")` (_ext/book_glued.py) ----------------------

def _glued_ext():
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("book_glued", ROOT / "_ext" / "book_glued.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_chapters_show_glued_values_with_eval_glued_only():
    """No ``{glue:text}`` (JupyterLab shows its bare key); every ``{eval}`` is a ``glued(...)`` call
    the book turns into ``{glue:text}``, and a code cell above it imports ``glued`` (whether each
    value is there when Run All evaluates the role is checked in a real JupyterLab:
    tests/test_jupyterlab.py, CONTRIBUTING "A glued value in the prose")."""
    ext = _glued_ext()
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code_so_far = ""
        for i, c in enumerate(nb.cells):
            if c.cell_type == "code":
                code_so_far += c.source
                continue
            assert "{glue:text}" not in c.source, f"{path.name} cell {i}: use {{eval}}`glued(\"key\")`"
            for expr in re.findall(r"\{eval\}`([^`]*)`", c.source):
                assert ext.glue_text(expr) is not None, f"{path.name} cell {i}: {{eval}}`{expr}`"
            if "{eval}`glued(" in c.source:
                assert "import glued" in code_so_far or "glued  #" in code_so_far, \
                    f"{path.name} cell {i}: no code cell above imports glued"


def test_export_all_writes_what_a_chapter_publishes(tmp_path):
    """``python -m lib.chapter``: each declared figure and claim map, SVG + PNG + record (the same
    bytes as Run All: tests/test_notebooks.py); an unknown label is a ValueError naming it."""
    done = chapter.export_all(tmp_path, ["fig-bo-map-fn11", "fig-bo-1"])
    assert done == ["fig-bo-1", "fig-bo-map-fn11"]  # declared figures first, then the maps
    assert sorted(p.name for p in tmp_path.glob("fig-*")) == sorted(
        f"{label}.{ext}" for label in done for ext in ("svg", "png", "json"))
    assert chapter.export_all(tmp_path / "one", "fig-bo-2") == ["fig-bo-2"]
    with pytest.raises(ValueError, match="'fig-bo-99'"):
        chapter.export_all(tmp_path, ["fig-bo-1", "fig-bo-99"])
    plt.close("all")


def test_glued_prints_what_glue_text_prints():
    from myst_nb.core.variables import format_plain_text as myst_format

    from lib import figures

    cases = [("0.666666666667", ".4f"), ("0.666666666667", ""), ("'a text'", ""), ("40,000 points", ""),
             ("3", "d"), ("0.5", ".1%"), ("holds in 100.0 % of the space", "")]
    for text, spec in cases:
        assert figures.format_plain_text(text, spec) == myst_format(text, spec or "s"), (text, spec)
    figures.glue("test-glued-number", 2 / 3, display=False)
    figures.glue("test-glued-text", figures._Text("holds"), display=False)
    assert repr(figures.glued("test-glued-number", ".4f")) == "0.6667"
    assert repr(figures.glued("test-glued-text")) == "holds"
    with pytest.raises(ValueError, match="nothing is glued under 'test-no-such-key'"):
        figures.glued("test-no-such-key")
    ext = _glued_ext()
    assert ext.glue_text('glued("bo-phiP", ".4f")') == "bo-phiP:.4f"
    assert ext.glue_text("glued('fig-bo-1-params')") == "fig-bo-1-params"
    assert ext.glue_text("glued(key)") is None and ext.glue_text("1 + 1") is None
