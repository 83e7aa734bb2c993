"""Facts about the book itself, read from its one source of truth (``_config.yml``).

The repository URL is set once, in ``_config.yml`` (``repository.url``); the
published site is ``html.baseurl``.  The how-to-cite page and the tests read
them from here, so a citation snippet can never point elsewhere.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .figures import book_root


@cache
def config(root: str | None = None) -> dict:
    """The parsed ``_config.yml`` of the book."""
    import yaml

    path = Path(root) if root else book_root()
    with open(path / "_config.yml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def repo_url() -> str:
    """The repository URL, e.g. ``https://github.com/owner/name``."""
    return config()["repository"]["url"].rstrip("/")


def repo_slug() -> str:
    """``owner/name`` of the repository."""
    m = re.match(r"https://github\.com/([^/]+/[^/]+)$", repo_url())
    if not m:
        raise ValueError(f"repository.url must be a GitHub repository URL, got {repo_url()!r}")
    return m.group(1)


def base_url() -> str:
    """The published book's URL, ending with ``/``."""
    url = config()["html"]["baseurl"]
    return url if url.endswith("/") else url + "/"


def binder_url(notebook: str | None = None) -> str:
    """mybinder.org launch URL for the repository (optionally opening ``notebook`` in JupyterLab)."""
    branch = config()["repository"].get("branch", "main")
    url = f"https://mybinder.org/v2/gh/{repo_slug()}/{branch}"
    return url + (f"?urlpath=lab/tree/{notebook}" if notebook else "?urlpath=lab")


def title() -> str:
    return config()["title"]


def page_url(chapter: str, anchor: str | None = None) -> str:
    """URL of a chapter page (``chapter`` is its stem), optionally with ``#anchor``."""
    return f"{base_url()}chapters/{chapter}.html" + (f"#{anchor}" if anchor else "")


def figure_url(label: str, fmt: str = "svg") -> str:
    """Stable URL of an exported figure file."""
    return f"{base_url()}_static/figures/{label}.{fmt}"


def bibtex_book(year: int = 2026) -> str:
    """BibTeX entry for the whole book."""
    return (
        "@book{trademigrationbook,\n"
        f"  title  = {{{title()}}},\n"
        f"  author = {{{{{config()['author']}}}}},\n"
        f"  year   = {{{year}}},\n"
        f"  url    = {{{base_url()}}},\n"
        f"  note   = {{Jupyter Book; code at {repo_url()}}}\n"
        "}"
    )


def bibtex_chapter(chapter: str, chapter_title: str, key: str, year: int = 2026) -> str:
    """BibTeX entry for one chapter (``@incollection`` within the book)."""
    return (
        f"@incollection{{{key},\n"
        f"  title     = {{{chapter_title}}},\n"
        f"  booktitle = {{{title()}}},\n"
        f"  author    = {{{{{config()['author']}}}}},\n"
        f"  year      = {{{year}}},\n"
        f"  url       = {{{page_url(chapter)}}}\n"
        "}"
    )


def bibtex_figure(label: str, chapter: str, caption: str, year: int = 2026) -> str:
    """BibTeX entry for one numbered figure: its anchor URL plus the exported file."""
    key = label.replace("-", "_")
    return (
        f"@misc{{{key},\n"
        f"  title        = {{{caption}}},\n"
        f"  author       = {{{{{config()['author']}}}}},\n"
        f"  howpublished = {{In: {title()}, figure {label}}},\n"
        f"  year         = {{{year}}},\n"
        f"  url          = {{{page_url(chapter, label)}}},\n"
        f"  note         = {{Vector file: {figure_url(label)}}}\n"
        "}"
    )
