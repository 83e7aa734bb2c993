"""Facts about the book itself, each read from its one source of truth.

* The repository URL is set once, in ``_config.yml`` (``repository.url``); the
  published site is ``html.baseurl``; a DOI, once a release is archived, is ``doi``.
* The **version** is :data:`lib.__version__` (semantic, ``x.y.z``); ``CITATION.cff``,
  ``.zenodo.json``, the page footer and every citation snippet read it or are checked
  against it, and ``make release VERSION=x.y.z`` (:mod:`lib.release`) is the one way to
  change it.  The release date is ``date-released`` in ``CITATION.cff``.
* The **commit** the book is built from is asked of git at build time (or taken from
  the environment variable ``BOOK_COMMIT``); without git it is ``"unknown"``.
* An **edition** is a released version: a build of the commit tagged ``v<version>`` is
  served at ``<site>/v<version>/`` (:func:`edition_url`) next to the latest build at
  ``<site>``; any other build is the development version ``<version>+<commit>``.

The how-to-cite page, the citation blocks (:mod:`lib.citation`) and the tests read
them from here, so a citation snippet can never point elsewhere.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from functools import cache
from pathlib import Path

from . import __version__

#: Folder (relative to the book root) that the built site serves the exported figures from.
EXPORT_SUBDIR = Path("_static") / "figures"


def book_root(start: str | os.PathLike | None = None) -> Path:
    """The book's root: the first folder at or above ``start`` holding ``_config.yml``.

    Falls back to the repository containing this package.  (Here, not in :mod:`lib.figures`,
    so that reading the book's facts loads neither pyplot nor the book's plotting style.)
    """
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / "_toc.yml").is_file():
            return folder
    return Path(__file__).resolve().parent.parent

#: Licence of the code (``LICENSE``) and of the text and figures (``LICENSE-CC-BY-4.0.txt``).
CODE_LICENSE = "MIT"
CONTENT_LICENSE = "CC-BY-4.0"
CONTENT_LICENSE_NAME = "CC BY 4.0"
CONTENT_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: What the licences do not cover: the replicated papers.
PAPERS_COPYRIGHT = ("The replicated papers remain the copyright of their authors and publishers; "
                    "the book quotes them for comment and replicates their results.")

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


#: Environment variable naming a folder that :func:`lib.figures.export` writes to instead of
#: ``<book root>/_static/figures`` (tests that execute the chapters set it, so they never
#: rewrite the source tree).
EXPORT_DIR_ENV = "BOOK_FIGURES_DIR"


#: Set (to ``1``) while the book's static pages are built (by the ``book_html`` extension, inherited
#: by the kernels that execute the chapters): live panels then show a pointer to the launch button.
STATIC_ENV = "TRADE_BOOK_STATIC"


def static_build() -> bool:
    """Whether the notebook is executed to build the book's static pages."""
    return os.environ.get(STATIC_ENV, "") not in ("", "0")


def export_folder() -> Path:
    """Where :func:`lib.figures.export` writes by default: ``$BOOK_FIGURES_DIR`` or ``<book root>/_static/figures``."""
    env = os.environ.get(EXPORT_DIR_ENV)
    return Path(env) if env else book_root() / EXPORT_SUBDIR


def check_version(v: str) -> str:
    """Return ``v`` if it is a semantic version ``x.y.z``, else raise ``ValueError``."""
    if not isinstance(v, str) or not _SEMVER.match(v):
        raise ValueError(f"a version must be semantic, 'x.y.z' with integers, got {v!r}")
    return v


def version() -> str:
    """The book's version, ``x.y.z`` (:data:`lib.__version__`, its one place)."""
    return check_version(__version__)


def _git(*args: str) -> str | None:
    """Output of ``git <args>`` in the book's repository, or None without git or repository."""
    try:
        out = subprocess.run(["git", *args], cwd=book_root(), capture_output=True, text=True,
                             timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


@cache
def commit() -> str:
    """The commit the book is built from: ``BOOK_COMMIT``, else ``git rev-parse HEAD``.

    A build from a working tree whose tracked files differ from that commit gets the suffix
    ``-dirty``: such a build cannot be reproduced from the commit alone.  Without git (a
    source archive), ``"unknown"``.
    """
    env = os.environ.get("BOOK_COMMIT", "").strip()
    if env:
        return env
    sha = _git("rev-parse", "HEAD")
    if not sha:
        return "unknown"
    changed = _git("status", "--porcelain", "--untracked-files=no")
    return sha + ("-dirty" if changed else "")


def short_commit() -> str:
    """The first 7 characters of :func:`commit` (with ``-dirty`` if so), or ``"unknown"``."""
    c = commit()
    if c == "unknown":
        return c
    sha, _, dirty = c.partition("-")
    return sha[:7] + (f"-{dirty}" if dirty else "")


@cache
def is_release() -> bool:
    """Whether this build is the released edition :func:`version`.

    True when the commit is tagged ``v<version>`` and clean; ``BOOK_RELEASE=1`` or ``0``
    overrides (the publishing workflow sets it from the tag it builds).
    """
    env = os.environ.get("BOOK_RELEASE", "").strip()
    if env in ("0", "1"):
        return env == "1"
    if commit().endswith("-dirty") or commit() == "unknown":
        return False
    tags = (_git("tag", "--points-at", "HEAD") or "").split()
    return f"v{version()}" in tags


def edition() -> str:
    """The edition a citation names: ``"1.2.0"`` if released, else ``"1.2.0+<commit>"``."""
    return version() if is_release() else f"{version()}+{short_commit()}"


def doi() -> str:
    """The DOI of the archived release (``doi`` in ``_config.yml``), or ``""`` if none yet."""
    value = str(config().get("doi") or "").strip()
    if value and not re.match(r"^10\.\d{4,9}/\S+$", value):
        raise ValueError(f"doi in _config.yml must look like '10.5281/zenodo.123', got {value!r}")
    return value


def date_released() -> str:
    """``date-released`` of ``CITATION.cff`` (``YYYY-MM-DD``): the date of :func:`version`."""
    import yaml

    with open(book_root() / "CITATION.cff", encoding="utf-8") as fh:
        value = yaml.safe_load(fh)["date-released"]
    return str(value)


def year() -> int:
    """The year a citation gives: that of :func:`date_released`."""
    return int(date_released()[:4])


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


def author() -> str:
    return config()["author"]


def edition_url(released: bool | None = None) -> str:
    """Root URL of this build's edition, ending with ``/``.

    A released edition lives at ``<site>/v<version>/`` for good; a development build is the
    latest, at ``<site>``.  ``released`` overrides :func:`is_release`.
    """
    released = is_release() if released is None else released
    return f"{base_url()}v{version()}/" if released else base_url()


def page_url(chapter: str, anchor: str | None = None, released: bool | None = None) -> str:
    """URL of a chapter page (``chapter`` is its stem) in this edition, optionally with ``#anchor``."""
    return f"{edition_url(released)}chapters/{chapter}.html" + (f"#{anchor}" if anchor else "")


def figure_url(label: str, fmt: str = "svg", released: bool | None = None) -> str:
    """URL of an exported figure file in this edition (versioned once released)."""
    return f"{edition_url(released)}_static/figures/{label}.{fmt}"


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """A BibTeX entry with aligned fields (values are written inside braces as given)."""
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name:<{width}} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def edition_fields() -> list[tuple[str, str]]:
    """The BibTeX fields every citation of the book carries: version, commit, DOI or URL, licence."""
    fields = [("edition", edition()), ("version", version()), ("commit", commit())]
    if doi():
        fields.append(("doi", doi()))
    return fields


def bibtex_book() -> str:
    """BibTeX entry for the whole book (this edition)."""
    return bibtex_entry("book", "trademigrationbook", [
        ("title", title()),
        ("author", "{" + author() + "}"),
        ("year", str(year())),
        *edition_fields(),
        ("url", edition_url()),
        ("note", f"Jupyter Book, version {edition()}, commit {commit()}; code at {repo_url()}; "
                 f"text and figures {CONTENT_LICENSE_NAME}, code {CODE_LICENSE}"),
    ])


def bibtex_chapter(chapter: str, chapter_title: str, key: str) -> str:
    """BibTeX entry for one chapter (``@incollection`` within the book, this edition)."""
    return bibtex_entry("incollection", key, [
        ("title", chapter_title),
        ("booktitle", title()),
        ("author", "{" + author() + "}"),
        ("year", str(year())),
        *edition_fields(),
        ("url", page_url(chapter)),
    ])


def footer_html() -> str:
    """The line under every page: edition, commit, licences and the papers' copyright."""
    c = commit()
    if c == "unknown":
        built = "built from an unknown commit"
    else:
        sha = c.removesuffix("-dirty")
        built = (f'built from commit <a href="{html.escape(repo_url())}/commit/{sha}">'
                 f"<code>{html.escape(short_commit())}</code></a>")
    where = (f'<a href="{html.escape(edition_url())}">this edition</a>' if is_release()
             else "the latest (unreleased) build")
    doi_part = (f' · DOI <a href="https://doi.org/{html.escape(doi())}">{html.escape(doi())}</a>'
                if doi() else "")
    return (
        f'<p class="book-edition">Version <span class="book-version">{html.escape(edition())}</span>'
        f" ({where}), {built}{doi_part}. "
        f'Text and figures: <a href="{CONTENT_LICENSE_URL}" rel="license">{CONTENT_LICENSE_NAME}</a>; '
        f"code: {CODE_LICENSE}. {html.escape(PAPERS_COPYRIGHT)}</p>"
    )
