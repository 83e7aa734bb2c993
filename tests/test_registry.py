"""Every paper's registry is complete and points at things that exist."""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest

from lib import registry

from .conftest import CHAPTERS, ROOT

ITEMS = registry.collect()


def test_registry_is_not_empty_for_written_chapters():
    papers = {it.paper for it in ITEMS}
    for key, (_, chapter, _, _) in registry.PAPERS.items():
        nb = nbformat.read(CHAPTERS / f"{chapter}.ipynb", as_version=4)
        if len(nb.cells) > 5:  # a written chapter, not a stub
            assert key in papers, f"chapter {chapter} has no registry"


def test_ids_and_labels_are_unique():
    ids = Counter((it.paper, it.id) for it in ITEMS)
    assert [k for k, n in ids.items() if n > 1] == []
    labels = Counter(it.ours for it in ITEMS if it.is_figure_label)
    assert [k for k, n in labels.items() if n > 1] == []


@pytest.mark.parametrize("item", [it for it in ITEMS if it.is_figure_label], ids=lambda it: it.ours)
def test_figure_label_is_a_named_figure_in_its_chapter(item):
    source = (CHAPTERS / f"{item.chapter}.ipynb").read_text()
    assert re.search(rf":name: {re.escape(item.ours)}\\n", source), (
        f"{item.ours} is not a :name: in chapters/{item.chapter}.ipynb")


@pytest.mark.parametrize("item", [it for it in ITEMS if it.ours.startswith("tests/")],
                         ids=lambda it: f"{it.paper}-{it.id}")
def test_registry_tests_exist(item):
    path, _, name = item.ours.partition("::")
    source = (ROOT / path).read_text()
    func = name.split("[")[0].split("::")[-1]
    assert re.search(rf"^\s*(async )?def {re.escape(func)}\(", source, re.M), item.ours


def test_every_item_points_somewhere():
    for it in ITEMS:
        assert it.is_figure_label or it.ours.startswith("tests/"), it


def test_summary_and_figure_index_tables():
    items = registry.collect()
    text = registry.summary_markdown()
    lines = text.splitlines()
    assert lines[0] == "| Paper | replicated | partial | differs | not | total |"
    assert len(lines) == 2 + len(registry.PAPERS)
    bo_row = next(line for line in lines if "baldwin_okubo" in line)
    counts = registry.summary([it for it in items if it.paper == "bo"])
    assert bo_row.endswith(" | ".join(str(counts[s]) for s in registry.STATUSES)
                           + f" | {sum(counts.values())} |")
    index = registry.figure_index_markdown()
    labels = [it.ours for it in items if it.is_figure_label]
    assert len(index.splitlines()) == 2 + len(labels)
    assert all(f"{{numref}}`{label}`" in index for label in labels)
