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
    a, b = C.compute_share(cm, n=4000), C.compute_share(cm, n=4000)
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


def _assert_accepts_exactly(cls, values, mask):
    """The parameter class accepts point i of ``values`` iff ``mask[i]``."""
    for i in range(mask.size):
        try:
            cls(**{k: float(values[k][i]) for k in values})
            ok = True
        except ValueError:
            ok = False
        assert ok == mask[i], {k: values[k][i] for k in values}


# --- Baldwin & Okubo -----------------------------------------------------------------------

def test_bo_admissible_matches_params():
    from lib.offshoring import Params
    from lib.offshoring.checks import admissible

    v = C.sample(C.get("fig-bo-map-r5-north"), n=3000, seed=7)
    _assert_accepts_exactly(Params, v, admissible(**v))


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


# --- the other papers: array predicates equal the model at single points --------------------

def test_fas_predicates_equal_the_scalar_model_at_the_defaults_and_presets():
    from lib import customs_unions as cu
    from lib.customs_unions import checks as K

    for name in cu.PRESETS:
        pr = cu.preset(name)
        kw = dataclasses.asdict(pr)
        d = float(cu.three_country(pr, 0.0).dK_total)
        assert float(K.r13_margin(**kw)) == pytest.approx(d, rel=1e-9)
        w = cu.welfare_changes(pr)["dW_N"] - cu.welfare_changes(pr, link=False)["dW_N"]
        assert float(K.r19_margin(**kw)) == pytest.approx(w, rel=1e-7, abs=1e-12)
    bad = {**dataclasses.asdict(cu.ThreeCountryParams()), "r": 5.0}  # outside (20): no interior point
    assert np.isnan(K.r13_margin(**bad)) and np.isnan(K.r19_margin(**bad))


def test_gordon_admissible_matches_params_and_margin_uses_the_model():
    from lib.migration_vs_trade import model as m
    from lib.migration_vs_trade.checks import admissible, f1_wage_signs_margin

    v = C.sample(C.get("fig-gordon-map-f1-signs"), n=2000, seed=3)
    _assert_accepts_exactly(m.HOSParams, v, admissible(**v))
    for P in (m.HOSParams(), m.HOSParams(K_H=20.0, L_H=259.0, alpha=0.75, beta=0.4375, gamma=0.5),
              m.HOSParams(L_H=100, K_H=500, K_W=520, L_W=300)):
        aut, tr = m.autarky(P), m.free_trade(P)
        ratio = tr.real_wage / aut.real_wage
        rich = 0 if P.K_H / P.L_H > (P.K_W - P.K_H) / (P.L_W - P.L_H) else 1
        expect = min(1 - ratio[rich], ratio[1 - rich] - 1)
        assert float(f1_wage_signs_margin(**dataclasses.asdict(P))) == pytest.approx(expect, rel=1e-7, abs=1e-10)


def test_schiff_optimum_equals_the_model():
    from lib.negotiating_blocs import checks as K
    from lib.negotiating_blocs import model as m

    for kw in ({}, {"gamma1": 0.5, "c": 4.0, "alpha": 1.0}, {"alpha": 0.6, "c": 2.0}):
        P = dataclasses.replace(m.Params(), **kw)
        ns = K._array_params({k: np.array([getattr(P, k)]) for k in K._MAP_FIELDS})
        for regime in ("E", "star"):
            assert K.optimal_alpha(ns, regime)[0] == pytest.approx(m.optimal_migration(P, regime).alpha,
                                                                   rel=1e-9, abs=1e-12)
