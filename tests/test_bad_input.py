"""Bad input: one promise, kept everywhere (issue #15).

A clear ``ValueError`` or a correct answer, never another exception or a silent NaN.  This file
holds the shared pieces: the one validation path (:func:`lib.controls.as_real`), escaping of
markup from data (explorer frames, the live panel's message), and a panel that cannot draw its
starting point raising through.  The per-package property tests are in ``test_bad_input_*.py``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import pytest

from lib import controls, explorer
from lib import offshoring as bo
from lib.controls import as_real, as_real_array, control, require_real

HOSTILE = "<!--<script>alert('x')</script>&amp;\u2028\u2029 \"'"


# --- item 4: one validation path ----------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    (Fraction(1, 2), 0.5), (np.float32(0.5), 0.5), (np.float64(0.25), 0.25), (np.int64(3), 3.0),
    (3, 3.0), (np.array(0.5), 0.5), (10**300, 1e300),
])
def test_real_numbers_become_floats(value, expected):
    out = as_real(value, "x")
    assert type(out) is float and out == expected


@pytest.mark.parametrize("value,match", [
    (10**400, "too large"), ("0.5", "real number"), (None, "real number"), (True, "real number"),
    (1 + 2j, "real number"), (math.nan, "finite"), (math.inf, "finite"), (-math.inf, "finite"),
    ([0.5], "real number"), (np.bool_(True), "real number"),
])
def test_anything_else_is_a_value_error_naming_the_argument(value, match):
    with pytest.raises(ValueError, match=f"x.*{match}|{match}.*x"):
        as_real(value, "x")


def test_as_real_array():
    assert as_real_array([Fraction(1, 4), 0.5], "phi").tolist() == [0.25, 0.5]
    assert as_real_array(np.array([1, 2]), "phi").dtype == float
    for bad in ([0.5, None], ["0.5"], [math.nan], [], np.array([np.inf])):
        with pytest.raises(ValueError, match="phi"):
            as_real_array(bad, "phi")


@dataclasses.dataclass(frozen=True)
class _P:
    a: float = control(1.0, 0.5, 2.0, 0.1, "a")   # a positive parameter (control range above 0)
    b: float = control(0.0, -1.0, 1.0, 0.1, "b")  # may be zero or negative

    def __post_init__(self):
        require_real(self)


def test_require_real_converts_and_names_the_supported_range():
    p = _P(a=Fraction(3, 2), b=np.float32(0.5))
    assert type(p.a) is float and p.a == 1.5 and type(p.b) is float
    assert _P(b=1e-300).b == 1e-300  # tiny is fine where zero is
    for kw, match in [({"a": 1e-300}, "supported numerical range.*0 or between 1e-12 and 1e"),
                      ({"b": 1e13}, "supported numerical range.*at most 1e"),
                      ({"a": 10**400}, "too large"), ({"a": "1"}, "real number"),
                      ({"b": None}, "real number")]:
        with pytest.raises(ValueError, match=match):
            _P(**kw)


# --- item 6: markup from data ----------------------------------------------------------------------

def _frames_block(ex):
    return ex.html.split("data-frames>", 1)[1].split("</script>", 1)[0]


def _rejects(params, **_):
    raise ValueError(HOSTILE)


def _draws(params, **_):
    return plt.figure(figsize=(1, 1))


def test_explorer_frames_json_escapes_markup():
    for ex in (explorer.explorer(_rejects, bo.Params(), {"sigma": [2.0]}),
               explorer.explorer(_draws, bo.Params(), {"sigma": [2.0]}, title=HOSTILE, alt=HOSTILE)):
        block = _frames_block(ex)
        assert not any(c in block for c in "<>&\u2028\u2029"), block[:200]
        frames = json.loads(block)  # and the data round-trips
        assert any(HOSTILE in f.get("message", "") + f.get("alt", "") for f in frames.values())
        assert ex.html.count("<script") == 2  # the JSON block and the one script: nothing injected
        assert "<!--" not in ex.html
    assert json.loads(explorer.script_json({"k": HOSTILE})) == {"k": HOSTILE}


def test_panel_message_is_html_escaped():
    def rejects_moves(params, ax=None, **_):
        if params.sE != bo.Params().sE:
            raise ValueError(HOSTILE)
        return bo.fig_3(params, ax=ax)

    box = controls.panel(rejects_moves, bo.Params(), ["sE"], title="<b>σ</b> & <i>κ</i>")
    box.controls["sE"].value = 0.7
    assert "<script>" not in box.message.value and "&lt;script&gt;" in box.message.value
    assert "<!--" not in box.message.value
    assert box.heading.value == "<b>&lt;b&gt;σ&lt;/b&gt; &amp; &lt;i&gt;κ&lt;/i&gt;</b>"
    plt.close("all")


# --- item 7: a panel that cannot draw its starting point raises -------------------------------------

def test_panel_raises_when_its_starting_point_cannot_be_drawn():
    def broken(params, ax=None, **_):
        raise ZeroDivisionError("a bug in the figure function")

    with pytest.raises(ZeroDivisionError, match="a bug"):
        controls.panel(broken, bo.Params(), ["sigma"])
    with pytest.raises(ValueError, match="alert"):
        controls.panel(_rejects, bo.Params(), ["sigma"])
    plt.close("all")


# --- item 5: exports are atomic; tests write them elsewhere -----------------------------------------

def test_export_is_atomic_under_concurrent_readers(tmp_path):
    """A writer exports over and over while readers read: every read is a whole SVG or PNG."""
    import threading
    import time

    from lib import figures

    figs = []
    for n in (3, 40):
        fig, ax = plt.subplots(figsize=(1.5, 1))
        ax.plot(np.arange(n), np.sin(np.arange(n)))
        figs.append(fig)
    figures.export(figs[0], "fig-bo-race", folder=tmp_path)
    svg, png = tmp_path / "fig-bo-race.svg", tmp_path / "fig-bo-race.png"
    stop, bad, reads = threading.Event(), [], [0]

    def reader():
        while not stop.is_set():
            s, p = svg.read_bytes(), png.read_bytes()
            reads[0] += 1
            if not s.rstrip().endswith(b"</svg>"):
                bad.append(("svg", len(s)))
            if not (p.startswith(b"\x89PNG\r\n\x1a\n") and p.endswith(b"IEND\xaeB`\x82")):
                bad.append(("png", len(p)))
            time.sleep(0.0002)  # leave the writer some of the GIL

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    i = 0
    while i < 5 or (i < 40 and time.perf_counter() - t0 < 1.0):  # bounded: at most 40 exports
        figures.export(figs[i % 2], "fig-bo-race", folder=tmp_path)
        i += 1
    stop.set()
    for t in threads:
        t.join()
    plt.close("all")
    assert reads[0] > 10 and i > 3
    assert bad == [], f"{len(bad)} partial reads of {reads[0]}: {bad[:5]}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig-bo-race.png", "fig-bo-race.svg"]  # no leftovers


def test_export_folder_from_environment(tmp_path, monkeypatch):
    from lib import figures

    monkeypatch.setenv(figures.EXPORT_DIR_ENV, str(tmp_path / "elsewhere"))
    fig, _ = plt.subplots(figsize=(1, 1))
    svg, png = figures.export(fig, "fig-bo-env")
    plt.close(fig)
    assert svg == tmp_path / "elsewhere" / "fig-bo-env.svg" and png.is_file()
