"""The whole book builds with zero warnings, and its HTML keeps the book's promises."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from lib import book, citation, registry

from .conftest import CHAPTERS

pytestmark = pytest.mark.book

CHAPTER_STEMS = sorted(p.stem for p in CHAPTERS.glob("*.ipynb"))
PAGE_BUDGET = 6 * 1024 * 1024  # bytes: HTML plus the images it loads


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_build_succeeds_with_zero_warnings(built_book):
    assert built_book.returncode == 0, built_book.log[-5000:]
    warnings = [ln for ln in built_book.log.splitlines()
                if re.search(r"\bWARNING\b|\bERROR\b", ln) and "[IPKernelApp]" not in ln]
    assert warnings == [], "\n".join(warnings[:30])


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_page_has_no_error_outputs(built_book, stem):
    soup = _soup(built_book.page(stem))
    assert soup.select("div.output.error") == []
    assert soup.select("div.output.traceback") == []
    text = soup.get_text()
    assert "Traceback (most recent call last)" not in text
    assert "Not admissible" not in text  # a published figure was rejected by its model


@pytest.mark.parametrize("label,stem", sorted(registry.figure_labels().items()))
def test_registry_figure_is_a_numbered_anchor(built_book, label, stem):
    soup = _soup(built_book.page(stem))
    fig = soup.find("figure", id=label)
    assert fig is not None, f"no <figure id={label}> on chapters/{stem}.html"
    number = fig.select_one("figcaption .caption-number")
    assert number is not None
    assert number.get_text().strip() == f"Figure {registry.figure_number(label)}"  # no running number
    img = fig.find("img")
    assert img is not None and img.get("alt"), f"{label} has no alt text"


def _local_targets(page: Path, soup: BeautifulSoup):
    for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for el in soup.find_all(tag):
            url = el.get(attr)
            if not url or url.startswith(("#", "data:", "mailto:", "javascript:")):
                continue
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc:
                continue
            yield url, (page.parent / unquote(parsed.path)).resolve()


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_every_local_link_and_download_resolves(built_book, stem):
    page = built_book.page(stem)
    soup = _soup(page)
    missing = [url for url, target in _local_targets(page, soup) if not target.exists()]
    assert missing == []
    for a in soup.select("a.download"):
        assert a["href"].endswith((".svg", ".png", ".csv", ".bib")), a["href"]


@pytest.mark.parametrize("label,stem", sorted(registry.figure_labels().items()))
def test_figure_caption_offers_svg_and_png(built_book, label, stem):
    soup = _soup(built_book.page(stem))
    caption = soup.find("figure", id=label).find("figcaption")
    hrefs = [a["href"] for a in caption.find_all("a", href=True)]
    for ext in ("svg", "png"):
        assert any(h.endswith(f"/{label}.{ext}") for h in hrefs), f"{label}: no {ext} download"
        assert (built_book.html / "_static" / "figures" / f"{label}.{ext}").is_file()


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_binder_link_opens_this_chapter(built_book, stem):
    soup = _soup(built_book.page(stem))
    links = [a["href"] for a in soup.find_all("a", href=True) if "mybinder.org" in a["href"]]
    assert links, f"no Binder launch link on {stem}"
    expected = book.binder_url(f"chapters/{stem}.ipynb")
    assert expected in links, (expected, links)


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_page_weight_within_budget(built_book, stem):
    page = built_book.page(stem)
    soup = _soup(page)
    total = page.stat().st_size
    for url, target in _local_targets(page, soup):
        if url.split("?")[0].endswith((".png", ".svg", ".jpg", ".gif")) and target.is_file():
            total += target.stat().st_size
    assert total <= PAGE_BUDGET, f"{stem}: {total / 1e6:.2f} MB"


def test_status_and_cite_pages_render(built_book):
    status = _soup(built_book.page("replication_status"))
    assert status.find("table") is not None
    n_rows = len(status.select("table")[-1].select("tbody tr"))
    assert n_rows == len(registry.collect())
    cite = _soup(built_book.page("how_to_cite")).get_text()
    assert book.base_url() in cite and "@book{" in cite and "@incollection{tmb-BO-1" in cite


@pytest.mark.parametrize("stem", CHAPTER_STEMS)
def test_no_dead_widget_controls_on_static_pages(built_book, stem):
    text = built_book.page(stem).read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in text
    assert "jupyter-widgets" not in text


def test_static_explorers_need_no_external_script(built_book):
    for stem in CHAPTER_STEMS:
        soup = _soup(built_book.page(stem))
        for ex in soup.select("div.bk-explorer"):
            assert ex.find("script", src=True) is None


# --- citing (issue 14): numbers, editions, citation blocks, figures.json ---------------------------


def _book_figures(built_book):
    """(label, chapter stem, <figure>) of every figure with a book label, on every chapter page."""
    for stem in CHAPTER_STEMS:
        soup = _soup(built_book.page(stem))
        for fig in soup.find_all("figure", id=re.compile(r"^fig-")):
            yield fig["id"], stem, fig


def test_each_numbered_figure_shows_the_file_citers_download(built_book):
    """The picture of a numbered figure is its exported SVG, to the byte (the chapter's ``{figure}``
    of ``../_static/figures/<label>.svg``; no second copy of the figure drawn elsewhere)."""
    seen = 0
    for label, stem, fig in _book_figures(built_book):
        imgs = fig.find_all("img")
        assert len(imgs) == 1, f"{label}: {len(imgs)} pictures"
        shown = (built_book.page(stem).parent / unquote(urlparse(imgs[0]["src"]).path)).resolve()
        served = built_book.html / "_static" / "figures" / f"{label}.svg"
        assert shown.read_bytes() == served.read_bytes(), f"{label}: {imgs[0]['src']} is not {served.name}"
        seen += 1
    assert seen >= len(registry.figure_labels())


def test_no_running_figure_numbers_anywhere(built_book):
    """Every caption and every cross-reference to a figure shows the number derived from its label."""
    for page in [built_book.html / "intro.html", *(built_book.page(s) for s in CHAPTER_STEMS)]:
        soup = _soup(page)
        for fig in soup.find_all("figure"):
            number = fig.select_one("figcaption .caption-number")
            if number is not None:
                assert number.get_text().strip() == f"Figure {registry.figure_number(fig['id'])}", page
        for ref in soup.select("a.reference span.std-numref"):
            target = ref.parent["href"].rpartition("#")[2]
            if target.startswith("fig-"):
                assert ref.get_text().strip() == f"Figure {registry.figure_number(target)}", (page, target)
        assert not re.search(r"\bFig\. \d+\b", " ".join(
            el.get_text() for el in soup.select(".caption-number, .std-numref, .bk-title"))), page


def test_explorer_titles_name_the_figure_number(built_book):
    titles = [t.get_text() for s in CHAPTER_STEMS for t in _soup(built_book.page(s)).select(".bk-title")]
    assert titles
    for t in titles:
        assert re.match(r"Figure [A-Z][A-Za-z]*(-[A-Za-z0-9]+)+\b", t), t


def _built(built_book) -> dict:
    """The edition and commit the book was built as (figures.json), checked against this checkout.

    The working tree may have changed since the build (``-dirty``), so the page's facts are
    compared with the build's own record, and that record with the commit checked out.
    """
    index = json.loads((built_book.html / "figures.json").read_text())
    assert index["version"] == book.version()
    assert index["commit"].removesuffix("-dirty") == book.commit().removesuffix("-dirty")
    return index


def test_every_figure_has_a_cite_block_whose_bibtex_matches_the_registry(built_book):
    from pybtex.database import parse_string

    built = _built(built_book)
    seen = 0
    for label, stem, fig in _book_figures(built_book):
        block = fig.find_next_sibling("details")
        assert block is not None and block.get("id") == f"cite-{label}", f"{label}: no cite block"
        assert block.find("script") is None
        bib = block.select_one("pre.cite-bibtex").get_text()
        entry = parse_string(bib, "bibtex").entries[f"tmb-{registry.figure_number(label)}"]
        f = entry.fields
        d = citation.describe(label)
        assert f["number"] == d["number"] and f["related"] == d["paper"]["bibkey"]
        assert f["version"] == book.version() and f["edition"] == built["edition"]
        assert f["commit"] == built["commit"] and f["url"] == book.page_url(stem, label)
        assert ("doi" in f) == bool(book.doi())
        text = block.get_text()
        for fmt in ("svg", "png"):
            assert book.figure_url(label, fmt) in text
        assert "fig = " in block.select_one("pre.cite-redraw").get_text()
        assert book.CONTENT_LICENSE_NAME in text and "copyright of their authors" in text
        seen += 1
    assert seen >= len(registry.figure_labels())


def test_figures_json_follows_its_schema_and_the_files(built_book):
    import jsonschema

    from .conftest import ROOT

    index = json.loads((built_book.html / "figures.json").read_text())
    jsonschema.validate(index, json.loads((ROOT / "schemas" / "figures.schema.json").read_text()))
    _built(built_book)
    labels = [r["label"] for r in index["figures"]]
    assert sorted(labels) == sorted(lb for lb, _, _ in _book_figures(built_book))
    assert set(registry.figure_labels()) <= set(labels)
    items = {it.ours: it for it in registry.collect() if it.is_figure_label}
    for rec in index["figures"]:
        assert rec["number"] == registry.figure_number(rec["label"])
        if rec["label"] in items:
            it = items[rec["label"]]
            assert (rec["original"], rec["status"]) == (it.id, it.status)
            assert rec["paper"]["bibtex_key"] == registry.PAPERS[it.paper][3]
        for fmt in ("svg", "png"):
            f = rec["files"][fmt]
            assert citation.sha256(built_book.html / f["path"]) == f["sha256"], (rec["label"], fmt)
            assert f["url"] == book.figure_url(rec["label"], fmt)
    cite = _soup(built_book.page("how_to_cite"))
    assert any(a["href"] == "../figures.json" for a in cite.find_all("a", href=True))


def test_footer_shows_version_commit_and_licences(built_book):
    built = _built(built_book)
    for page in [built_book.html / "intro.html", *(built_book.page(s) for s in CHAPTER_STEMS)]:
        footer = _soup(page).select_one(".book-edition")
        assert footer is not None, page
        text = footer.get_text(" ")
        assert built["edition"] in text and built["commit"][:7] in text
        assert "CC BY 4.0" in text and "MIT" in text and "copyright of their authors" in text


def test_status_page_shows_since_which_version_each_verdict_stands(built_book):
    table = _soup(built_book.page("replication_status")).select("table")[-1]
    head = [th.get_text().strip() for th in table.select("thead th")]
    col = head.index("Since")
    since = [tr.select("td")[col].get_text().strip() for tr in table.select("tbody tr")]
    assert since == [it.verdict_since for it in registry.collect()]


def test_citations_resolve_to_the_bibliography_as_written(built_book):
    """Each ``{citation}`Schiff (2014)``` of a chapter (and the intro) is a sphinxcontrib-bibtex citation:
    it reads as written, links to its entry in the bibliography, whose tooltip is the reference;
    the bibliography lists every entry of references.bib (tests/test_citations.py checks the role).
    """
    import nbformat
    from pybtex.database import parse_file

    entries = parse_file(CHAPTERS.parent / "references.bib").entries
    bib = _soup(built_book.page("bibliography"))
    listed = bib.select("div.citation")
    assert len(listed) == len(entries)
    ids = {d["id"] for d in listed}
    sources = {stem: "\n".join(c.source for c in nbformat.read(CHAPTERS / f"{stem}.ipynb", as_version=4).cells
                               if c.cell_type == "markdown") for stem in CHAPTER_STEMS}
    sources["intro"] = (CHAPTERS.parent / "intro.md").read_text(encoding="utf-8")
    for stem, source in sources.items():
        written = re.findall(r"\{citation\}`([^`]+)`", source)
        page = built_book.html / "intro.html" if stem == "intro" else built_book.page(stem)
        spans = _soup(page).select("span.bibtex-citation")
        assert [" ".join(s.get_text().split()) for s in spans] == written, stem
        for s in spans:
            a = s.find("a", class_="reference")
            assert a is not None and a.get("title"), (stem, s.get_text())
            assert unquote(urlparse(a["href"]).path).endswith("bibliography.html"), (stem, a["href"])
            assert urlparse(a["href"]).fragment in ids, (stem, a["href"])
