"""Claim maps (lib.claim_maps): predicates, shares, maps, for every declared claim.

Each claim's predicate is also called by the existing test of that claim (in the paper's own
test module), which checks that the two agree on the test's examples.  Here: every map's share
agrees with a Monte Carlo estimate from an independent sample, a claim the paper proves in
general shows no failure on its map, and the maps are well-formed figures.
"""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import numpy as np
import pytest

from lib import claim_maps as C
from lib import registry

MAPS = C.collect()
IDS = [cm.label for cm in MAPS]


def test_every_paper_with_a_checks_module_declares_maps_with_valid_unique_labels():
    assert len(set(IDS)) == len(IDS)
    for cm in MAPS:
        assert registry._LABEL.match(cm.label), cm.label
        items = {it.id for it in registry.collect([cm.paper])}
        assert cm.item in items, f"{cm.label}: {cm.item!r} is not a registry item of {cm.paper}"
        assert cm.why, f"{cm.label}: say why these two parameters"


@pytest.mark.parametrize("cm", MAPS, ids=IDS)
def test_share_agrees_with_an_independent_monte_carlo_sample(cm):
    s = C.share(cm.label)
    assert s.admissible > 1000 and s.points == C.SHARE_POINTS
    mc = C.compute_share(cm, n=20_000, seed=20261204)
    se = np.hypot(s.se, mc.se)
    # within three standard errors of the difference (both samples are fixed: deterministic)
    assert abs(s.share - mc.share) <= max(3 * se, 1e-12), (s, mc)


@pytest.mark.parametrize("cm", MAPS, ids=IDS)
def test_share_is_deterministic(cm):
    a, b = C.compute_share(cm), C.compute_share(cm)
    assert (a.share, a.holds, a.admissible) == (b.share, b.holds, b.admissible)


@pytest.mark.parametrize("cm", [cm for cm in MAPS if cm.proved], ids=[cm.label for cm in MAPS if cm.proved])
def test_a_claim_proved_in_general_shows_no_failure(cm):
    _, _, m = C.grid(cm)
    k = C.codes(m)
    assert np.any(k == 2) and not np.any(k == 1)
    assert C.share(cm.label).share == 1.0


@pytest.mark.parametrize("cm", MAPS, ids=IDS)
def test_map_is_a_legible_figure_with_defaults_marked(cm, tmp_path):
    fig = C.fig_map(cm, n=40)
    ax = fig.axes[0]
    leg = ax.get_legend()
    assert leg is not None and leg.get_frame().get_facecolor()[:3] == (1.0, 1.0, 1.0)
    labels = [t.get_text() for t in leg.get_texts()]
    assert "chapter's defaults" in labels and "claim holds" in labels
    if cm.example:
        assert "paper's example" in labels
    assert ax.get_xlabel() and ax.get_ylabel() and "book's map" in ax.get_title()
    for t in (*leg.get_texts(), ax.title, ax.xaxis.label, ax.yaxis.label):
        assert t.get_fontsize() >= 8
    from lib.figures import export

    svg, png = export(fig, cm.label, folder=tmp_path)
    assert svg.stat().st_size > 0 and png.stat().st_size > 0
    plt.close(fig)


def test_codes_and_share_of():
    m = np.array([1.0, -1.0, 0.0, np.nan])
    assert list(C.codes(m)) == [2, 1, 1, 0]
    s = C.share_of(m)
    assert (s.holds, s.admissible, s.points) == (1, 3, 4) and s.share == pytest.approx(1 / 3)
    assert "33.3 %" in s.text()


def test_declaration_rejects_unknown_parameters():
    cm = MAPS[0]
    with pytest.raises(ValueError, match="not a parameter"):
        dataclasses.replace(cm, x="nope")
    with pytest.raises(ValueError, match="must differ"):
        dataclasses.replace(cm, y=cm.x)


def test_shares_table_lists_every_map():
    md = C.shares_markdown()
    for cm in MAPS:
        assert f"{{numref}}`{cm.label}`" in md


# --- Baldwin & Okubo -----------------------------------------------------------------------

def test_bo_admissible_matches_params():
    from lib.offshoring import Params
    from lib.offshoring.checks import admissible

    cm = C.get("fig-bo-map-r5-north")
    v = C.sample(cm, n=3000, seed=7)
    mask = admissible(**v)
    for i in range(3000):
        try:
            Params(**{k: float(v[k][i]) for k in v})
            ok = True
        except ValueError:
            ok = False
        assert ok == mask[i]


def test_bo_verdicts_at_the_defaults():
    assert C.get("fig-bo-map-r5-north").verdict() == "fails"
    assert C.get("fig-bo-map-r5-south").verdict() == "holds"
    assert C.get("fig-bo-map-fn11").verdict() == "holds"


def test_bo_r5_north_holds_mostly_at_high_sE():
    cm = C.get("fig-bo-map-r5-north")
    v = C.sample(cm)
    m = cm.evaluate(**v)
    adm = ~np.isnan(m)
    low, high = adm & (v["sE"] < 0.65), adm & (v["sE"] > 0.85)
    assert np.mean(m[low] > 0) < 0.01 < 0.2 < np.mean(m[high] > 0)


def test_bo_predicates_broadcast_and_mark_inadmissible_points():
    from lib.offshoring import checks as K

    m = K.r5_north_margin(2.0, np.array([2.0, 0.5, 2.5]), 0.6, 1.0, 0.5)
    assert m.shape == (3,) and np.isnan(m[1]) and m[0] < 0
