"""The repository keeps its promises: pins, Binder, one URL, citation files, cleared notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from lib import book, registry

from .conftest import CHAPTERS, ROOT

NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))


def _requirements(name):
    lines = (ROOT / name).read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt", "requirements-model.txt",
                                  "requirements-front.txt", "binder/requirements.txt"])
def test_requirements_are_exact_pins(name):
    for line in _requirements(name):
        if line.startswith(("-e ", "-r ")):
            continue
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.\-+]*", line), line


def test_requirements_have_the_book_stack():
    names = {ln.split("==")[0].lower() for ln in _requirements("requirements-model.txt")}
    assert "jupyter-book==1.0.4.post1" in _requirements("requirements.txt")
    for pkg in ["numpy", "scipy", "sympy", "matplotlib", "ipywidgets", "ipykernel",
                "jupyterlab_widgets", "widgetsnbextension"]:
        assert pkg in names
    assert "-r requirements-model.txt" in _requirements("requirements.txt")
    assert "-e ." in _requirements("requirements.txt")
    assert "-r requirements.txt" in _requirements("requirements-dev.txt")
    assert "-r requirements-front.txt" in _requirements("requirements-dev.txt")


def _pins(*files):
    pins = {}
    for name in files:
        for line in _requirements(name):
            if "==" in line:
                pkg, version = line.split("==")
                assert pkg.lower() not in pins, f"{pkg} pinned twice: one source of truth"
                pins[pkg.lower()] = version
    return pins


def test_model_versions_have_one_source_of_truth():
    """The model stack is pinned once (requirements-model.txt), read by the book and by Binder."""
    pins = _pins("requirements-model.txt", "requirements.txt", "requirements-front.txt",
                 "requirements-dev.txt", "binder/requirements.txt")
    assert pins["ipywidgets"] == "8.1.9"


def test_widget_front_ends_match_ipywidgets():
    """ipywidgets' own requirements on its front-end packages hold for the pinned versions."""
    from importlib.metadata import requires, version

    pins = _pins("requirements-model.txt")
    assert version("ipywidgets") == pins["ipywidgets"]
    for pkg in ("jupyterlab_widgets", "widgetsnbextension"):
        assert version(pkg) == pins[pkg]
        req = next(r for r in requires("ipywidgets") if r.replace("-", "_").startswith(pkg))
        spec = req.split(pkg.replace("_", "-") if pkg.replace("_", "-") in req else pkg)[1]
        assert spec.strip().startswith("~="), req
        wanted = spec.strip()[2:].split(",")[0].strip()
        assert pins[pkg].split(".")[:2] == wanted.split(".")[:2] and \
            tuple(map(int, pins[pkg].split("."))) >= tuple(map(int, wanted.split("."))), (req, pins[pkg])


def test_pyproject_installs_lib():
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["tool"]["setuptools"]["packages"] == ["lib"]
    assert data["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests"]


def test_binder_installs_what_readers_need_and_no_book_toolchain():
    lines = _requirements("binder/requirements.txt")
    assert lines == ["-r ../requirements-model.txt", "-r ../requirements-front.txt", "-e ."]
    front = {ln.split("==")[0].lower() for ln in _requirements("requirements-front.txt")}
    assert {"jupyterlab", "jupyterlab-myst"} <= front
    assert not front & {"jupyter-book", "sphinx", "myst-nb"}
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "egg-info" in post and (ROOT / "binder" / "postBuild").stat().st_mode & 0o111


def test_slider_arrow_keys_are_not_notebook_shortcuts():
    """Binder's setting overrides keep the arrow keys of a focused slider for the slider.

    Notebook 7 handles keyboard shortcuts while the key event goes down to its target (JupyterLab
    when it comes back up), so its command-mode bindings of the arrow keys matched a focused
    slider handle and the slider never saw the key.  Each such default binding of the pinned
    JupyterLab is disabled and bound again for any focused element but a slider handle
    (``.noUi-handle``); Binder installs the overrides, ``make lab``/``make notebook`` read them.
    """
    import sys

    schema = (Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas" / "@jupyterlab"
              / "notebook-extension" / "tracker.json")
    if not schema.exists():
        pytest.skip(f"JupyterLab's schemas are not installed ({schema})")
    slider_keys = {"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp",
                   "PageDown"}  # the keys a noUiSlider handle takes, unmodified
    defaults = [b for b in json.loads(schema.read_text())["jupyter.lab.shortcuts"]
                if set(b["keys"]) & slider_keys and "jp-mod-commandMode" in b["selector"]]
    assert defaults, "no command-mode arrow-key bindings found: has JupyterLab changed?"
    path = ROOT / "binder" / "jupyter" / "labconfig" / "default_setting_overrides.json"
    overrides = json.loads(path.read_text())["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    for b in defaults:
        same = [o for o in overrides if o["command"] == b["command"] and o["keys"] == b["keys"]]
        assert {**b, "disabled": True} in same, f"default binding left on: {b}"
        assert {**b, "selector": b["selector"] + ":not(.noUi-handle)"} in same, f"not bound again: {b}"
    assert len(overrides) == 2 * len(defaults)
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "binder/jupyter/labconfig/default_setting_overrides.json" in post
    assert '"$prefix/etc/jupyter/labconfig/"' in post
    make = (ROOT / "Makefile").read_text()
    for target in ("lab", "notebook"):
        body = make.split(f"\n{target}: ")[1].split("\n\n")[0]
        assert "JUPYTER_CONFIG_PATH=$(CURDIR)/binder/jupyter" in body, target


def test_binder_badge_opens_the_first_chapter():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    first = toc["parts"][0]["chapters"][0]["file"]
    readme = (ROOT / "README.md").read_text()
    assert f"]({book.binder_url(first + '.ipynb')})" in readme
    assert book.binder_url("chapters/x.ipynb").endswith("?urlpath=lab/tree/chapters/x.ipynb")


def test_config_build_settings():
    cfg = book.config()
    assert cfg["only_build_toc_files"] is True
    assert cfg["execute"]["execute_notebooks"] == "force"
    assert cfg["execute"]["raise_on_error"] is True
    assert cfg["sphinx"]["config"]["intersphinx_mapping"] == {}
    assert cfg["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert cfg["launch_buttons"]["notebook_interface"] == "jupyterlab"


def test_one_repository_url_everywhere():
    slug = book.repo_slug()
    owner, name = slug.split("/")
    assert book.base_url() == f"https://{owner}.github.io/{name}/"
    readme = (ROOT / "README.md").read_text()
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^/]+/[^/]+)/", readme)
    assert badge and badge.group(1) == slug
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["repository-code"] == book.repo_url()
    assert cff["url"] == book.base_url()


def test_citation_cff_is_valid():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0"
    for key in ["message", "title", "authors", "type"]:
        assert cff[key]
    assert len(cff["references"]) == len(registry.PAPERS)
    for ref in cff["references"]:
        assert ref["type"] in {"article", "report"} and ref["title"] and ref["authors"]
        assert isinstance(ref["year"], int)


def test_references_bib_has_every_paper():
    """Each declared paper (``PAPER`` in its package) has its BibTeX entry, with its year."""
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "references.bib"))
    assert registry.PAPERS
    for paper in registry.PAPERS.values():
        assert paper.bibtex in bib.entries, paper.bibtex
        assert bib.entries[paper.bibtex].fields["year"] == str(paper.year), paper.bibtex


def test_toc_lists_every_chapter_notebook():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = {c["file"] for part in toc["parts"] for c in part["chapters"]}
    for nb in NOTEBOOKS:
        assert f"chapters/{nb.stem}" in files


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_are_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a code cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a code cell has an execution count"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


def test_ci_runs_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text()
    assert "make test" in run
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make book" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if re.search(
    r"chapter\.(figure|live_panel)\(", p.read_text(encoding="utf-8"))], ids=lambda p: p.stem)
def test_chapter_with_live_panels_starts_by_saying_run_all(path):
    """Outputs are cleared in git: a Binder reader's notebook starts empty (issue #11, item 6)."""
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "Run → Run All Cells" in first.source
    assert "remove-cell" in first.metadata.get("tags", [])  # for notebook readers, not the web page


def test_readme_table_of_chapters_is_generated_from_the_declarations():
    """README.md's table of chapters is lib.registry.readme_table (lib/readme.py), not hand-written."""
    from lib import readme

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.current_block(text) == readme.block(), (
        f"README.md's table of chapters differs from the papers' declarations: run `make readme` "
        f"(`{readme.COMMAND}`)")
    assert readme.main(["--check"]) == 0
