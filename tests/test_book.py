"""The whole book builds with zero warnings, and its HTML keeps the book's promises."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from lib import book, registry

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
    assert book.base_url() in cite and "@book{" in cite and "@misc{" in cite


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
