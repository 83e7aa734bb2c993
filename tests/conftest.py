"""Shared pytest set-up: a deterministic hypothesis profile and the book's paths."""

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "book",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", parent=settings.get_profile("book"), max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "book"))


def _import_every_lib_module():
    """Import every module of ``lib`` now, before any test runs.

    Hypothesis (6.1xx) draws about 5% of its floats from a pool of constants it collects from the
    *local* modules in ``sys.modules`` at the time of the draw.  Modules that a test imports
    lazily (``lib.registry.collect`` imports every paper package; ``derivations`` and
    ``lib.live`` load on demand) grew that pool mid-session, so the examples a test drew, even
    under ``derandomize=True``, depended on which tests had run before it (issue #12, item 26:
    ``test_result_12`` drew a near-corner case only after ``test_negotiating_blocs.py``).  With
    every module loaded up front the pool is the same whatever the order or selection of tests;
    ``tests/test_helpers.py::test_every_lib_module_is_loaded_at_start`` checks it.
    """
    import importlib
    import pkgutil

    import lib

    names = [m.name for m in pkgutil.walk_packages(lib.__path__, "lib.")]
    for name in names:
        importlib.import_module(name)
    return tuple(names)


LIB_MODULES = _import_every_lib_module()

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"

import re  # noqa: E402

_FIGURE_DIRECTIVE = re.compile(r"^(`{3,})\{figure\}[ \t]+(\S+)[ \t]*\n((?:[ \t]*:[\w-]+:.*\n)*)", re.M)


def figure_directives(markdown: str) -> list[tuple[str, dict]]:
    """The MyST ``{figure}`` directives of a Markdown text: ``(image path, {option: value})``."""
    out = []
    for m in _FIGURE_DIRECTIVE.finditer(markdown):
        options = dict(re.findall(r"^[ \t]*:([\w-]+):[ \t]*(.*?)[ \t]*$", m.group(3), re.M))
        out.append((m.group(2), options))
    return out


# --- the built book, shared by the book and browser suites -------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402


class BuiltBook:
    """Result of one ``jupyter-book build`` into a temporary folder."""

    def __init__(self, html, log, returncode):
        self.html, self.log, self.returncode = html, log, returncode

    def page(self, stem: str) -> Path:
        return self.html / "chapters" / f"{stem}.html"


#: What a copy of the source tree for a test build leaves out (built, installed or cached files).
SOURCE_COPY_IGNORE = (".git", ".venv", "_build", "__pycache__", ".pytest_cache", ".hypothesis",
                      ".ruff_cache", ".ipynb_checkpoints", ".jupyter_cache", "*.egg-info", "figures")


def copy_source(dest: Path) -> Path:
    """A copy of the book's source tree in ``dest`` (for builds that must not touch the source).

    The chapters export their figures into the book root's ``_static/figures`` as they run; a test
    build of the copy writes there, never into the source tree (issue #15 item 5).
    """
    import shutil

    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(*SOURCE_COPY_IGNORE), symlinks=True)
    return dest


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    """Build the whole book once per session, exactly as ``make book`` does, into a temp folder.

    The build runs on a copy of the source tree, so it never rewrites ``_static/figures`` in the
    source (a concurrent build or test would read partial files).
    """
    out = tmp_path_factory.mktemp("book")
    src = copy_source(out / "src")
    jb = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jb), "build", "--all", "-W", "-n", "--keep-going", "--path-output", str(out), str(src)]
    from lib import book

    env = {k: v for k, v in os.environ.items() if k != "BOOK_FIGURES_DIR"}
    # the copy has no git: stamp the build with the source's commit, as the publishing workflow does
    env |= {"BOOK_COMMIT": book.commit(), "BOOK_RELEASE": "1" if book.is_release() else "0"}
    proc = subprocess.run(cmd, cwd=src, capture_output=True, text=True, timeout=1500, env=env)
    log = proc.stdout + proc.stderr
    (out / "build.log").write_text(log)
    return BuiltBook(out / "_build" / "html", log, proc.returncode)


# --- order independence (issue #12, item 26) ----------------------------------------------------
# pytest-random-order (pinned in requirements-dev.txt) shuffles on request:
#     pytest --random-order-bucket=global [--random-order-seed=N]
# and ``--reverse-order`` below runs the collected tests last to first.


def pytest_addoption(parser):
    parser.addoption("--reverse-order", action="store_true", default=False,
                     help="run the collected tests in reverse order (checks order independence)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--reverse-order"):
        items.reverse()
