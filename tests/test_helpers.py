"""Unit tests of the shared helpers: figures/export, controls/panel, explorer, registry, book."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import FrozenInstanceError, dataclass

import numpy as np
import pytest

from lib import book, controls, explorer, figures, registry, tables
from lib.controls import Control, control

# --- a toy model with one regularity condition, to exercise the helpers -------------------------


@dataclass(frozen=True)
class Toy:
    a: float = control(1.0, 0.5, 3.0, 0.1, "a", "", "slope")
    n: int = control(3, 1, 9, 1, "n", "firms", "number of firms")

    def __post_init__(self):
        if self.a > 2.5:
            raise ValueError("a must not exceed 2.5 (toy regularity condition)")


PHI = Control(0.5, 0.0, 1.0, 0.05, "φ", "", "freeness of trade")


def draw(p, *, phi=0.5, show=True, ax=None):
    fig, ax = figures.new_axes(ax)
    x = np.linspace(0, 1, 20)
    if show:
        ax.plot(x, p.a * x**phi + p.n)
    return fig


def boom(p, *, phi=0.5, ax=None):
    raise ZeroDivisionError("solver blew up")


# --- figures ------------------------------------------------------------------------------------


def test_style_applied_on_import():
    import matplotlib.pyplot as plt

    assert plt.rcParams["axes.spines.top"] is False
    assert plt.rcParams["svg.fonttype"] == "none"


def test_new_axes_reuses_given_axes():
    fig, ax = figures.new_axes()
    fig2, ax2 = figures.new_axes(ax)
    assert fig2 is fig and ax2 is ax


def test_export_writes_valid_svg_and_png(tmp_path):
    fig = draw(Toy())
    svg, png = figures.export(fig, "fig-bo-test", folder=tmp_path)
    assert svg.name == "fig-bo-test.svg" and png.name == "fig-bo-test.png"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 100 and height > 100


def test_export_default_folder_is_served_static(tmp_path, monkeypatch):
    from .conftest import ROOT

    (tmp_path / "_config.yml").write_text((ROOT / "_config.yml").read_text())
    (tmp_path / "_toc.yml").write_text("root: intro\n")
    sub = tmp_path / "chapters"
    sub.mkdir()
    monkeypatch.chdir(sub)
    svg, _ = figures.export(draw(Toy()), "fig-bo-x")
    assert svg == tmp_path / "_static" / "figures" / "fig-bo-x.svg"


@pytest.mark.parametrize("bad", ["", "a/b", "has space"])
def test_export_rejects_bad_labels(tmp_path, bad):
    with pytest.raises(ValueError):
        figures.export(draw(Toy()), bad, folder=tmp_path)


def test_format_params_uses_control_labels():
    text = figures.format_params(Toy(a=2.0), extra={"φ": 0.25})
    assert text == "a = 2, n = 3, φ = 0.25"


# --- controls -----------------------------------------------------------------------------------


def test_control_spec_validates_itself():
    with pytest.raises(ValueError):
        Control(5.0, 0.0, 1.0)
    with pytest.raises(ValueError):
        Control(1.0)  # numeric without a range
    with pytest.raises(ValueError):
        Control("x", options=("a", "b"))
    assert Control(True).kind == "checkbox"
    assert Control("a", options=("a", "b")).kind == "dropdown"
    assert Control(3, 1, 9, 1).kind == "int"
    assert PHI.kind == "float"


def test_control_rejects_out_of_range_values():
    with pytest.raises(ValueError, match="outside the control range"):
        PHI.check(1.5)
    PHI.check(0.3)
    with pytest.raises(ValueError):
        Control("a", options=("a", "b")).check("c")


def test_specs_come_from_field_metadata():
    s = controls.specs(Toy)
    assert set(s) == {"a", "n"} and s["n"].unit == "firms"
    with pytest.raises(FrozenInstanceError):
        Toy().a = 2.0


def test_require_real_names_the_bad_field():
    @dataclass(frozen=True)
    class Mixed:
        a: float = 1.0
        n: int = 3
        flag: bool = True
        kind: str = "x"

    controls.require_real(Mixed())  # bools and strings are not numbers to check
    controls.require_real(Mixed(a=np.float64(2.0), n=np.int64(4)))
    for bad, match in ((dict(a=float("nan")), "a must be a finite number"),
                       (dict(n=float("inf")), "n must be a finite number"),
                       (dict(a="2"), "a must be a real number"),
                       (dict(a=True), "a must be a real number")):
        with pytest.raises(ValueError, match=match):
            controls.require_real(Mixed(**bad))
    controls.require_real(Mixed(a=float("nan")), names=["n"])  # only the named fields


def test_safe_draw_reports_model_message_not_traceback():
    fig, msg = controls.safe_draw(draw, Toy(), {"a": 2.8}, {"phi": PHI})
    assert fig is None and "toy regularity condition" in msg
    fig, msg = controls.safe_draw(draw, Toy(), {"phi": 7.0}, {"phi": PHI})
    assert fig is None and "outside the control range" in msg
    fig, msg = controls.safe_draw(boom, Toy(), {"phi": 0.2}, {"phi": PHI})
    assert fig is None and "ZeroDivisionError" in msg
    fig, msg = controls.safe_draw(draw, Toy(), {"a": 2.0, "phi": 0.2}, {"phi": PHI})
    assert msg is None and fig is not None


def test_panel_shows_message_and_resets():
    box = controls.panel(draw, Toy(), extras={"phi": PHI, "show": Control(True, label="curve")})
    assert set(box.controls) == {"a", "n", "phi", "show"}
    assert box.controls["a"].description == "a" and box.controls["n"].description == "n (firms)"
    assert box.message.value == ""
    assert box.controls["a"].max == 2.5  # bounded by the model: a slider cannot reach 2.8
    box.values["a"].value = 2.8  # typed: the model rejects it, and says which slider to move
    assert "toy regularity condition" in box.message.value and "Move a." in box.message.value
    box.values["a"].value = 9.0  # outside the slider's range: reported, not clamped
    assert "outside the slider&#x27;s range" in box.message.value and box.controls["a"].value == 1.0
    box.values["a"].value = 2.0
    assert box.controls["a"].value == 2.0 and box.message.value == ""
    box.controls["phi"].value = 0.9
    box.reset.click()
    assert box.controls["a"].value == 1.0 and box.controls["phi"].value == 0.5
    assert box.message.value == ""


class _Loop:
    """A kernel's event loop, driven by hand: timers and callbacks run when the test says."""

    def __init__(self):
        self.timers, self.soon = [], []

    def call_later(self, delay, fn):
        self.timers.append((delay, fn))

    def add_callback(self, fn):
        self.soon.append(fn)

    def run(self):
        timers, self.timers = self.timers, []
        for _, fn in timers:
            fn()
            while self.soon:
                self.soon.pop(0)()


def test_panel_in_a_kernel_draws_at_once_and_bounds_sliders_after_a_pause(monkeypatch):
    # issue #11 item 4: a value is drawn inside the kernel's message handler (the front end then
    # merges a drag's later values); the sliders are re-bounded only after a pause, and a newer
    # value stops the re-bounding of an older one; values shown before come from memory
    loop = _Loop()
    monkeypatch.setattr(controls, "_kernel_loop", lambda: loop)
    box = controls.panel(draw, Toy(), extras={"phi": PHI})
    first = bytes(box.image.value)
    assert box.controls["a"].max == 3.0 and len(loop.timers) == 1  # not bounded yet
    assert loop.timers[0][0] == controls.REBOUND_DELAY
    loop.run()
    assert box.controls["a"].max == 2.5  # bounded by the model once the kernel is free
    box.controls["phi"].value = 0.9
    moved = bytes(box.image.value)
    assert moved != first and len(loop.timers) == 1  # drawn at once, not deferred
    box.controls["a"].max = 3.0  # as if the re-bounding were still to come
    box.controls["phi"].value = 0.8  # a newer value before the pause: the older chain stops
    older, newer = loop.timers
    older[1]()
    assert not loop.soon and box.controls["a"].max == 3.0
    loop.timers = [newer]
    loop.run()
    assert box.controls["a"].max == 2.5
    box.controls["phi"].value = 0.9  # back to a value shown before: the same picture
    assert bytes(box.image.value) == moved
    box.reset.click()
    assert bytes(box.image.value) == first and box.controls["phi"].value == 0.5


def test_panel_unknown_control_is_an_error():
    with pytest.raises(KeyError):
        controls.panel(draw, Toy(), controls=["nope"])


# --- explorer -----------------------------------------------------------------------------------


def test_explorer_one_control_frames_and_markup():
    grid = np.linspace(0.1, 0.9, 5)
    ex = explorer.explorer(draw, Toy(), grid={"phi": grid}, extras={"phi": PHI})
    assert list(ex.frames) == ["0", "1", "2", "3", "4"]
    assert all(f["src"].startswith("data:image/png;base64,") for f in ex.frames.values())
    assert len({f["src"] for f in ex.frames.values()}) == 5  # every frame differs
    html = ex._repr_html_()
    assert 'type="range"' in html and "<script>" in html
    assert "http" not in re.sub(r"data:image[^\"']+", "", html)  # no external resource
    m = re.search(r'<script type="application/json" data-frames>(.*?)</script>', html, re.S)
    assert json.loads(m.group(1).replace("<\\/", "</")) == ex.frames
    assert 'value="2"' in html  # default phi = 0.5 snaps to the middle


def test_explorer_two_controls_and_rejected_frames():
    ex = explorer.explorer(draw, Toy(), grid={"a": [1.0, 2.0, 3.0], "phi": [0.2, 0.8]},
                           extras={"phi": PHI})
    assert set(ex.frames) == {f"{i}-{j}" for i in range(3) for j in range(2)}
    assert "message" in ex.frames["2-0"] and "toy regularity condition" in ex.frames["2-0"]["message"]
    assert "src" in ex.frames["1-1"]


def test_explorer_rejects_bad_grids():
    with pytest.raises(ValueError):
        explorer.explorer(draw, Toy(), grid={"phi": [0.5, 1.5]}, extras={"phi": PHI})
    with pytest.raises(ValueError):
        explorer.explorer(draw, Toy(), grid={}, extras={"phi": PHI})
    with pytest.raises(KeyError):
        explorer.explorer(draw, Toy(), grid={"nope": [1]})


# --- registry -----------------------------------------------------------------------------------


def test_item_schema_is_enforced():
    ok = registry.Item("bo", "Fig. 1", "figure", "paths", "fig-bo-1", "replicated")
    assert ok.chapter == "baldwin_okubo" and ok.is_figure_label
    with pytest.raises(ValueError):
        registry.Item("bo", "Fig. 1", "figure", "paths", "fig-xx-1", "replicated")  # not bo's
    with pytest.raises(ValueError):
        registry.Item("bo", "Fig. 1", "figure", "paths", "fig-bo-1", "done")
    with pytest.raises(ValueError):
        registry.Item("bo", "Fig. 1", "figure", "paths", "fig-bo-1", "differs")  # needs a note
    with pytest.raises(ValueError):
        registry.Item("bo", "Fig. 1", "figure", "paths", "fig-1", "replicated")
    with pytest.raises(ValueError, match="unknown paper key"):  # no package declares it
        _ = registry.Item("xx", "Fig. 1", "figure", "paths", "fig-xx-1", "replicated").chapter


def test_markdown_table_escapes_and_links():
    it = registry.Item("bo", "Fig. 1", "figure", "a | b", "fig-bo-1", "differs", "because")
    table = registry.markdown_table([it])
    assert "{numref}`fig-bo-1`" in table and "a \\| b" in table and "differs" in table


# --- tables -------------------------------------------------------------------------------------


def test_markdown_table_formats_floats_and_escapes_pipes():
    text = tables.markdown_table(["a", "b|c"], [[1.23456, "x|y"], [np.float64(2.0), 3]], fmt="{:.2f}")
    assert text.splitlines() == ["| a | b\\|c |", "|---|---|", "| 1.23 | x\\|y |", "| 2.00 | 3 |"]
    with pytest.raises(ValueError):
        tables.markdown_table(["a", "b"], [[1.0]])


def test_results_markdown_lists_every_key_with_its_meaning():
    text = tables.results_markdown({"phi_P": 0.5, "sn": 0.75}, {"phi_P": "break point"})
    lines = text.splitlines()
    assert lines[0] == "| Key | Value | Meaning |"
    assert lines[2] == "| `phi_P` | 0.5 | break point |" and lines[3] == "| `sn` | 0.75 |  |"
    assert tables.results_markdown({"x": 1.0}).splitlines()[0] == "| Key | Value |"


# --- book facts ---------------------------------------------------------------------------------


def test_book_urls_are_derived_from_the_config():
    slug = book.repo_slug()
    assert book.repo_url().endswith(slug)
    assert book.binder_url("chapters/x.ipynb").endswith(f"{slug}/main?urlpath=lab/tree/chapters/x.ipynb")
    assert book.figure_url("fig-bo-1").startswith(book.base_url())
    from lib import citation  # the figure's BibTeX entry (lib.book.bibtex_figure until #17)

    assert "fig-bo-1" in citation.bibtex("fig-bo-1") or "BO-1" in citation.bibtex("fig-bo-1")


def test_every_lib_module_is_loaded_at_start():
    """Hypothesis's pool of local constants cannot grow between tests (issue #12, item 26)."""
    import pkgutil
    import sys

    import lib

    from .conftest import LIB_MODULES

    names = {m.name for m in pkgutil.walk_packages(lib.__path__, "lib.")}
    assert names == set(LIB_MODULES) and names <= set(sys.modules)


def test_live_pictures_and_exported_figures_share_one_legibility_threshold():
    from lib import controls, live

    from . import test_figure_legibility, test_jupyterlab

    assert live.MIN_TEXT_PT == test_figure_legibility.MIN_PT
    assert test_jupyterlab.MIN_TEXT_PX == live.MIN_TEXT_PT * 100 / 72
    assert test_jupyterlab.PICTURE_MAX_PX == controls.PICTURE_MAX_PX
