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

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"


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


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    """Build the whole book once per session, exactly as ``make book`` does, into a temp folder."""
    out = tmp_path_factory.mktemp("book")
    jb = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jb), "build", "--all", "-W", "-n", "--keep-going", "--path-output", str(out), str(ROOT)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1500)
    log = proc.stdout + proc.stderr
    (out / "build.log").write_text(log)
    return BuiltBook(out / "_build" / "html", log, proc.returncode)
