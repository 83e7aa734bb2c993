"""Every paper's registry is complete and points at things that exist."""

from __future__ import annotations

import ast
import re
from collections import Counter

import nbformat
import pytest

from lib import registry

from .conftest import CHAPTERS, ROOT

ITEMS = registry.collect()


def test_registry_is_not_empty_for_written_chapters():
    papers = {it.paper for it in ITEMS}
    for key, paper in registry.PAPERS.items():
        nb = nbformat.read(CHAPTERS / f"{paper.chapter}.ipynb", as_version=4)
        if len(nb.cells) > 5:  # a written chapter, not a stub
            assert key in papers, f"chapter {paper.chapter} has no registry"


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
    assert lines[0] == "| Paper | Items | By status | " + registry.BOOK_OWN_HEAD + " |"
    assert len(lines) == 2 + len(registry.PAPERS)
    bo_row = next(line for line in lines if "baldwin_okubo" in line)
    counts = registry.summary([it for it in items if it.paper == "bo"])
    assert f" | {sum(counts.values())} | " in bo_row and bo_row.endswith(" | 0 |")
    for status, n in counts.items():
        assert (f"{n} {registry.badge(status)}" in bo_row) == (n > 0)
    index = registry.figure_index_markdown()
    labels = [it.ours for it in items if it.is_figure_label]
    assert len(index.splitlines()) == 2 + len(labels)
    assert all(f"{{numref}}`{label}`" in index for label in labels)


@pytest.mark.parametrize("label,number", [
    ("fig-bo-1", "BO-1"), ("fig-bo-s2", "BO-S2"), ("fig-schiff-1", "Schiff-1"), ("fig-fas-1", "FAS-1"),
    ("fig-gordon-d3", "Gordon-D3"), ("fig-gordon-f1", "Gordon-F1"), ("fig-fas-s3", "FAS-S3"),
    ("fig-bo-map-r5-north", "BO-Map-R5-North"),
])
def test_figure_number_is_derived_from_the_label(label, number):
    assert registry.figure_number(label) == number


@pytest.mark.parametrize("bad", ["fig-xx-1", "bo-1", "fig-bo-", "fig-BO-1", "fig-bo--1", "", None])
def test_figure_number_rejects_bad_labels(bad):
    with pytest.raises(ValueError, match="fig-"):
        registry.figure_number(bad)


def test_every_registry_figure_has_a_unique_number_naming_its_paper():
    numbers = Counter(it.number for it in ITEMS if it.is_figure_label)
    assert [k for k, n in numbers.items() if n > 1] == []
    for it in ITEMS:
        if it.is_figure_label:
            assert it.number.startswith(registry.NUMBER_PREFIX[it.paper] + "-"), it
            if it.kind == "figure" and it.id.startswith("Fig. "):  # the paper's own Figure n
                assert it.number == f"{registry.NUMBER_PREFIX[it.paper]}-{it.id.removeprefix('Fig. ')}"
        else:
            assert it.number == ""
# --- item 27 of issue #12: one grade, one source --------------------------------------------------

_STATUS_WORDS = re.compile(r"\{admonition\}[^\n]*\b(Differs|Partial|Replicated|Not rebuilt|Illustration)",
                           re.I)


def _box_calls(source: str):
    """(paper, ids) of every ``registry.box(...)`` call in a code cell."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [(ast.literal_eval(node.args[0]), ast.literal_eval(node.args[1]))
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "box" and len(node.args) >= 2]


def _cells(kind):
    for key, (_, chapter, _, _) in registry.PAPERS.items():
        nb = nbformat.read(CHAPTERS / f"{chapter}.ipynb", as_version=4)
        yield from ((key, chapter, c) for c in nb.cells if c.cell_type == kind)


def _row(table: str, it: registry.Item) -> str:
    """The one line of ``table`` that is ``it`` (by id and title, or by figure label)."""
    title = it.title.replace("|", "\\|")
    if "| Rebuilds |" in table:
        keys = [f"`{it.ours}` (`{it.ours}`)"]
    else:  # registry.markdown_table: | [paper<br>]**id** | badge | title<br>where. note |
        with_paper = "<br>**" in table.splitlines()[2].split(" | ")[0]
        paper = f"{registry.PAPERS[it.paper][2]}<br>" if with_paper else ""
        keys = [f"| {paper}**{it.id}** | ", f" | {title}<br>"]
    rows = [line for line in table.splitlines() if all(k in line for k in keys)]
    assert len(rows) == 1, (it.paper, it.id, len(rows))
    return rows[0]


def test_one_grade_everywhere():
    """A chapter's verdict box, its table, the status page and the how-to-cite table show one grade,
    each generated from the same registry entry (issue #12, item 27)."""
    status_page = registry.markdown_table(ITEMS, with_paper=True)
    cite_page = registry.figure_index_markdown()
    for key in registry.PAPERS:
        chapter_table = registry.markdown_table(registry.collect([key]))
        for it in registry.collect([key]):
            badge = registry.badge(it.status)
            assert badge in _row(chapter_table, it), (key, it.id)
            assert badge in _row(status_page, it), it.id
            if it.is_figure_label:
                row = _row(cite_page, it)
                assert badge in row and it.rebuilds in row, it.ours
    for _key, chapter, cell in _cells("code"):
        for paper, ids in _box_calls(cell.source):
            items = [registry.find(paper, i) for i in ([ids] if isinstance(ids, str) else ids)]
            assert all(it.chapter == chapter for it in items), (chapter, ids)
            title = registry.box_markdown(paper, ids, "body").splitlines()[0]
            assert title.removeprefix("```{admonition} ").startswith(
                registry._BOX[items[0].status][0]), title


def test_book_own_items_are_counted_apart():
    """The book's own charts and illustrations never read as the paper's figures (issue #12, 21)."""
    own = [it for it in ITEMS if it.is_book_own]
    assert own and all(it.status == "illustration" and it.source for it in own)
    summary = registry.summary(ITEMS)
    assert sum(summary.values()) == len(ITEMS) - len(own)
    index = registry.figure_index_markdown()
    for it in own:
        if it.is_figure_label:
            row = _row(index, it)
            assert ("charts" in row or "illustrates" in row) and f"{registry.PAPERS[it.paper][2]}, {it.id}" not in row
    with pytest.raises(ValueError, match="book's own kind"):
        registry.Item("gordon", "F9", "illustration", "x", "fig-gordon-f9", "replicated", "n", source="P1")
    with pytest.raises(ValueError, match="source is only"):
        registry.Item("bo", "Fig. 9", "figure", "x", "fig-bo-9", "replicated", source="fn 1")
    assert registry.Item("bo", "X", "claim", "x", "tests/t.py::f", "not", "n").status == "not rebuilt"


def test_every_regrade_since_the_last_release_has_a_changelog_line():
    """A grade that changed since the last release (lib/released_verdicts.json) is in CHANGELOG.md."""
    from lib import release

    verdicts = {f"{it.paper}|{it.id}": it.status for it in ITEMS}
    missing = release.unlisted_verdict_changes(verdicts=verdicts)
    assert missing == [], ("add a line under 'Unreleased' in CHANGELOG.md for each (format at its top): "
                           + "; ".join(missing or []))


def test_no_hand_written_verdict_box():
    """Item 13/27 of issue #12: every verdict box ("Differs from the paper", "Partial", …) is drawn by
    ``registry.box`` from the registry entry, so its title cannot disagree with the grade."""
    for _key, chapter, cell in _cells("markdown"):
        hand = _STATUS_WORDS.search(cell.source)
        assert hand is None, f"{chapter}: a hand-written verdict box {hand.group(0)!r}"
    calls = [ids for _k, _c, cell in _cells("code") for _p, ids in _box_calls(cell.source)]
    assert len(calls) >= 13
