"""Reading online (issue 13): status badges, compact registry tables, hidden import cells, the
offline zip.  The browser checks (math, axe, widths, dark mode, the zip from disk) are in
tests/test_browser.py."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from lib import book, registry

from .conftest import CHAPTERS, ROOT

PAPER_CHAPTERS = [stem for _, stem, _, _ in registry.PAPERS.values()]
EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001faff]")


def test_badges_are_words_with_a_class_per_status():
    for status in registry.STATUSES:
        html = registry.badge(status)
        assert re.search(r'class="bk-status bk-status--[a-z0-9-]+"', html)
        assert f">{registry.status_label(status)}</span>" in html
        assert not EMOJI.search(html)
    assert registry.badge("not rebuilt").startswith('<span class="bk-status bk-status--not-rebuilt">')
    # a status the registry may add later still renders, as its own words
    assert ">new kind</span>" in registry.badge("new_kind")


def test_every_status_has_its_colour_in_both_modes():
    css = (ROOT / "_static" / "book.css").read_text(encoding="utf-8")
    for status in registry.STATUSES:
        cls = re.search(r"(bk-status--[a-z0-9-]+)", registry.badge(status)).group(1)
        assert f".{cls} " in css
        assert f'html[data-theme="dark"] .{cls} ' in css


def test_registry_table_is_three_columns_with_short_test_links():
    items = registry.collect(["gordon"])
    table = registry.markdown_table(items)
    lines = table.splitlines()
    assert lines[0].count("|") == 4 and len(lines) == 2 + len(items)
    assert not EMOJI.search(table)
    test_item = next(it for it in items if not it.is_figure_label)
    path, _, name = test_item.ours.partition("::")
    assert f'{book.repo_url()}/blob/main/{path} "{test_item.ours}")' in table
    assert f"[{name.removeprefix('test_').replace('_', ' ')}]" in table
    assert "{numref}`fig-gordon-d1`" in table


def test_long_chapter_tables_start_collapsed_with_their_counts():
    long = registry.show(["gordon"]).data
    assert long.startswith("::::{dropdown} The ") and ":open:" not in long.splitlines()[1]
    short = registry.show(["fas"]).data
    n = len(registry.collect(["fas"]))
    assert (":open:" in short) == (n <= registry.OPEN_UP_TO)


@pytest.mark.parametrize("stem", PAPER_CHAPTERS)
def test_first_code_cell_is_hidden_on_the_page(stem):
    nb = json.loads((CHAPTERS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "code")
    assert "import" in "".join(first["source"])
    assert "hide-input" in first.get("metadata", {}).get("tags", [])


def test_intro_links_the_offline_copy_on_the_published_site():
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    assert f"({book.base_url()}book-html.zip)" in intro


@pytest.mark.book
def test_make_book_writes_a_self_contained_zip(built_book):
    archive = built_book.html.parent / "book-html.zip"
    assert archive.is_file()
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    pages = {f"replication-book/{p.relative_to(built_book.html).as_posix()}"
             for p in built_book.html.rglob("*.html")}
    assert pages <= names
    assert "replication-book/_static/mathjax/tex-chtml.js" in names
    for label in registry.figure_labels():
        for ext in ("svg", "png"):
            assert f"replication-book/_static/figures/{label}.{ext}" in names
