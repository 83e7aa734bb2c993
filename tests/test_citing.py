"""What a citer relies on, without building the book: one version, editions, citations, provenance.

(The built book's numbers, citation blocks and ``figures.json`` are checked in ``test_book.py``.)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

import jsonschema
import pytest
import yaml
from pybtex.database import parse_string

import lib
from lib import book, citation, figures, registry, release

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "figures.schema.json").read_text())


# --- one version, everywhere -------------------------------------------------------------------


def test_every_place_that_shows_the_version_agrees():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    zenodo = json.loads((ROOT / ".zenodo.json").read_text())
    v = lib.__version__
    assert book.version() == v and re.fullmatch(r"\d+\.\d+\.\d+", v)
    assert cff["version"] == v
    assert zenodo["version"] == v
    assert str(cff["date-released"]) == zenodo["publication_date"] == book.date_released()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "lib.__version__"}
    # the newest release in the changelog is this version, on that date
    newest = next(s for s in release.changelog() if s.version != release.UNRELEASED)
    assert (newest.version, newest.date) == (v, book.date_released())
    # and everything a reader sees carries it
    assert v in book.footer_html() and v in book.bibtex_book()
    assert f"version   = {{{v}}}" in citation.bibtex("fig-bo-1", {})
    assert v in citation.text_citation("fig-bo-1", {})
    assert citation.file_metadata("fig-bo-1")["Version"].startswith(v)


def test_version_must_be_semantic():
    for bad in ["1.0", "v1.0.0", "1.0.0-rc1", "01.0.0", ""]:
        with pytest.raises(ValueError, match="semantic"):
            book.check_version(bad)


def test_commit_from_environment_or_git_or_unknown(monkeypatch):
    book.commit.cache_clear()
    monkeypatch.setenv("BOOK_COMMIT", "0123456789abcdef0123456789abcdef01234567")
    assert book.commit() == "0123456789abcdef0123456789abcdef01234567"
    assert book.short_commit() == "0123456"
    book.commit.cache_clear()
    monkeypatch.delenv("BOOK_COMMIT")
    monkeypatch.setattr(book, "_git", lambda *a: None)  # no git, or not a repository
    assert book.commit() == "unknown" and book.short_commit() == "unknown"
    book.is_release.cache_clear()
    monkeypatch.delenv("BOOK_RELEASE", raising=False)
    assert book.is_release() is False
    book.commit.cache_clear()
    book.is_release.cache_clear()


def test_edition_urls_are_versioned_once_released(monkeypatch):
    v = book.version()
    assert book.edition_url(released=True) == f"{book.base_url()}v{v}/"
    assert book.edition_url(released=False) == book.base_url()
    assert book.figure_url("fig-bo-1", "png", released=True).endswith(f"/v{v}/_static/figures/fig-bo-1.png")
    book.is_release.cache_clear()
    monkeypatch.setenv("BOOK_RELEASE", "1")
    assert book.edition() == v and book.is_release()
    block = citation.cite_block_html("fig-bo-1", {})
    assert f"/v{v}/_static/figures/fig-bo-1.svg" in block
    book.is_release.cache_clear()


def test_doi_is_used_when_configured(monkeypatch):
    monkeypatch.setitem(book.config(), "doi", "10.5281/zenodo.1234567")
    entry = parse_string(citation.bibtex("fig-fas-1", {}), "bibtex").entries["tmb-FAS-1"]
    assert entry.fields["doi"] == "10.5281/zenodo.1234567"
    assert "doi:10.5281/zenodo.1234567" in citation.text_citation("fig-fas-1", {})
    monkeypatch.setitem(book.config(), "doi", "not a doi")
    with pytest.raises(ValueError, match="doi"):
        book.doi()


# --- changelog and release ---------------------------------------------------------------------


def test_changelog_lines_name_registry_items_and_match_their_verdicts():
    sections = release.changelog()
    assert sections[0].version == release.UNRELEASED
    latest_verdict = {}
    for section in reversed(sections):  # oldest first, so the newest line wins
        for paper, id, kind, text in section.entries:
            if id.startswith("fig-"):  # a figure, by its label
                assert registry.figure_number(id).startswith(registry.NUMBER_PREFIX[paper] + "-"), id
            elif kind != "removed":
                registry.find(paper, id)  # ValueError if the line names no item
            if kind == "verdict":
                m = re.search(r"->\s*([a-z][a-z ]*[a-z])\s*\.?\s*(?:$|\.)", text) or re.search(
                    r"→\s*([a-z][a-z ]*[a-z])", text)
                assert m, f"CHANGELOG: verdict line for {paper} {id} must say '<old> -> <new>'"
                latest_verdict[(paper, id)] = m.group(1)
    for (paper, id), status in latest_verdict.items():
        assert registry.find(paper, id).status == status, (paper, id)


def test_verdict_since_reads_the_changelog(monkeypatch):
    text = ("## Unreleased\n\n- `bo` `Result 7` verdict: differs -> partial. Why.\n\n"
            "## 0.2.0 — 2026-12-01\n\n- `bo` `Result 6` verdict: partial -> replicated. Why.\n"
            "- `bo` `Fig. 3` numbers: a_X moved.\n\n## 0.1.0 — 2026-11-28\n\nFirst.\n")
    from lib import changelog  # where the changelog is read (lib.release re-exports its names)

    monkeypatch.setattr(changelog, "changelog", lambda root=None: tuple(release.parse_changelog(text)))
    assert release.verdict_since("bo", "Result 7") == release.UNRELEASED
    assert release.verdict_since("bo", "Result 6") == "0.2.0"
    assert release.verdict_since("bo", "Fig. 3") == "0.1.0"  # numbers only: the verdict stands
    with pytest.raises(ValueError, match="newest first"):
        release.parse_changelog("## 0.1.0 — 2026-01-01\n\n## 0.2.0 — 2026-02-01\n")


def test_release_dry_run_changes_nothing_and_a_release_commits_and_tags(tmp_path):
    for name in ["CITATION.cff", ".zenodo.json", "CHANGELOG.md", "_config.yml", "_toc.yml"]:
        (tmp_path / name).write_text((ROOT / name).read_text())
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "__init__.py").write_text((ROOT / "lib" / "__init__.py").read_text())
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=tmp_path, check=True)
    major, minor, _ = book.version().split(".")
    new = f"{major}.{int(minor) + 1}.0"
    before = {p: p.read_text() for p in tmp_path.rglob("*") if p.is_file() and ".git" not in p.parts}

    class Out(list):
        def write(self, s):
            self.append(s)

        def flush(self):
            pass

    out = Out()
    release.release(new, "2027-01-15", dry_run=True, root=tmp_path, out=out)
    printed = "".join(out)
    assert f'+__version__ = "{new}"' in printed and f"v{new}" in printed and "DRY RUN" in printed
    assert {p: p.read_text() for p in before} == before  # nothing written
    with pytest.raises(ValueError, match="above"):
        release.release(book.version(), dry_run=True, root=tmp_path, out=Out())
    subprocess.run([*git, "config", "user.name", "t"], cwd=tmp_path, check=True)
    subprocess.run([*git, "config", "user.email", "t@example.org"], cwd=tmp_path, check=True)
    release.release(new, "2027-01-15", root=tmp_path, out=Out())
    assert f'__version__ = "{new}"' in (tmp_path / "lib" / "__init__.py").read_text()
    cff = yaml.safe_load((tmp_path / "CITATION.cff").read_text())
    assert cff["version"] == new and str(cff["date-released"]) == "2027-01-15"
    assert json.loads((tmp_path / ".zenodo.json").read_text())["version"] == new
    sections = release.parse_changelog((tmp_path / "CHANGELOG.md").read_text())
    assert sections[0].version == release.UNRELEASED and not sections[0].entries
    assert (sections[1].version, sections[1].date) == (new, "2027-01-15")
    tags = subprocess.run(["git", "tag"], cwd=tmp_path, capture_output=True, text=True).stdout.split()
    assert f"v{new}" in tags


# --- citations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("label", sorted(registry.figure_labels()))
def test_cite_block_bibtex_parses_and_matches_the_registry(label):
    it = next(i for i in registry.collect() if i.ours == label)
    block = citation.cite_block_html(label, {"parameters_text": "a = 1", "redraw": "from lib import x\nfig = x()"})
    assert block.startswith("<details") and "<script" not in block and "http://" not in block
    bib = re.search(r'<pre class="cite-bibtex"><code>(.*?)</code></pre>', block, re.S).group(1)
    import html

    entry = parse_string(html.unescape(bib), "bibtex").entries[f"tmb-{it.number}"]
    f = entry.fields
    assert f["number"] == it.number and f["related"] == registry.PAPERS[it.paper][3]
    assert f["version"] == book.version() and f["edition"] == book.edition()
    assert f["commit"] == book.commit()
    assert f["title"].startswith(f"Figure {it.number}: ")
    assert f["url"] == book.page_url(it.chapter, label)
    assert "a = 1" in f["note"] and book.CONTENT_LICENSE_NAME in f["note"]
    assert book.CONTENT_LICENSE_URL in block and "copyright of their authors" in block
    assert "fig = x()" in html.unescape(block)


def test_redraw_call_reproduces_the_published_figure(tmp_path):
    from lib import offshoring as bo

    P = bo.Params(sigma=1.8)
    figures.publish(bo.fig_2(P, phi0=0.4, phi1=0.6), "fig-bo-2", params=P,
                    extra={"φ₀": 0.4, "φ₁": 0.6}, folder=tmp_path / "a")
    rec = citation.load_published("fig-bo-2", tmp_path / "a")
    assert rec["redraw"] == ("from lib.offshoring import Params, fig_2\n"
                             "fig = fig_2(Params(sigma=1.8), phi0=0.4, phi1=0.6)")
    assert rec["kwargs"] == {"phi0": 0.4, "phi1": 0.6} and rec["params"]["sigma"] == 1.8
    scope: dict = {}
    exec(rec["redraw"], scope)
    figures.export(scope["fig"], "fig-bo-2", folder=tmp_path / "b", parameters_text=rec["parameters_text"])
    for ext in ("svg", "png"):
        assert (tmp_path / "a" / f"fig-bo-2.{ext}").read_bytes() == (tmp_path / "b" / f"fig-bo-2.{ext}").read_bytes()


def test_caption_only_values_are_not_passed_to_the_figure():
    from lib import migration_vs_trade as g

    rec = citation.call_record("fig-gordon-f2", g.TechParams(), {"endowments": "H = (L 100, K 200)"})
    assert rec["kwargs"] == {} and rec["redraw"].endswith("fig = fig_f2(TechParams())")
    assert citation.call_record("fig-gordon-d3")["redraw"] == (
        "from lib.migration_vs_trade import fig_d3\nfig = fig_d3()")


# --- files that carry their provenance ------------------------------------------------------------


_EXPORT = """
import sys
import matplotlib
matplotlib.use("Agg")
from lib import figures, offshoring as bo, migration_vs_trade as g
P = bo.Params()
figures.publish(bo.fig_1(P, phi=0.5), "fig-bo-1", params=P, extra={"φ": 0.5}, folder=sys.argv[1])
figures.publish(g.fig_d3(), "fig-gordon-d3", folder=sys.argv[1])
"""


def test_exports_carry_provenance_and_are_byte_identical_across_processes(tmp_path):
    env = {"BOOK_COMMIT": book.commit(), "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg",
           "HOME": str(tmp_path)}
    for run in ("one", "two"):
        subprocess.run([sys.executable, "-c", _EXPORT, str(tmp_path / run)], cwd=ROOT, env=env,
                       check=True, timeout=300)
    for name in ["fig-bo-1.svg", "fig-bo-1.png", "fig-bo-1.json", "fig-gordon-d3.svg", "fig-gordon-d3.png"]:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    svg = ET.parse(tmp_path / "one" / "fig-bo-1.svg").getroot()
    ns = {"s": "http://www.w3.org/2000/svg", "dc": "http://purl.org/dc/elements/1.1/"}
    title = svg.find("s:title", ns).text
    desc = svg.find("s:desc", ns).text
    assert title.startswith("Figure BO-1: ")
    for want in ["Figure BO-1", "Baldwin & Okubo (2014)", "Fig. 1", "baldwin2014offshoring",
                 book.version(), book.commit(), "φ = 0.5", "σ = 2"]:
        assert want in desc, want
    meta = ET.tostring(svg.find("s:metadata", ns), encoding="unicode")
    assert "CC BY 4.0" in meta and book.commit() in meta and "Figure BO-1" in meta
    from PIL import Image

    with Image.open(tmp_path / "one" / "fig-bo-1.png") as im:
        text = dict(im.text)
    assert text["Figure"] == "BO-1" and text["Commit"] == book.commit()
    assert text["Version"] == book.edition() and text["License"] == "CC-BY-4.0"
    assert "φ = 0.5" in text["Parameters"] and "baldwin2014offshoring" in text["Paper"]
    assert text["Title"] == title


def test_figures_index_follows_its_schema_and_the_files(tmp_path):
    subprocess.run([sys.executable, "-c", _EXPORT, str(tmp_path)], cwd=ROOT, check=True, timeout=300,
                   env={"BOOK_COMMIT": book.commit(), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    index = citation.figures_index(["fig-bo-1", "fig-gordon-d3"], tmp_path, {"fig-bo-1": "caption"})
    jsonschema.validate(index, SCHEMA)
    rec = index["figures"][0]
    assert rec["number"] == "BO-1" and rec["paper"]["bibtex_key"] == "baldwin2014offshoring"
    assert rec["original"] == "Fig. 1" and rec["parameters"]["keywords"] == {"phi": 0.5}
    assert rec["files"]["svg"]["sha256"] == citation.sha256(tmp_path / "fig-bo-1.svg")
    bad = json.loads(json.dumps(index))
    bad["figures"][0]["files"]["png"]["sha256"] = "xyz"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


# --- licences ----------------------------------------------------------------------------------


def test_licences_are_stated_everywhere():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    cc = (ROOT / "LICENSE-CC-BY-4.0.txt").read_text()
    assert "Attribution 4.0 International" in cc and "copyright of their authors" in cc
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["license"] == {"text": "MIT"}
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert set(cff["license"]) == {"MIT", "CC-BY-4.0"} and "copyright" in cff["message"]
    assert json.loads((ROOT / ".zenodo.json").read_text())["license"] == "cc-by-4.0"
    footer = book.footer_html()
    assert "CC BY 4.0" in footer and "MIT" in footer and "copyright of their authors" in footer
    assert citation.file_metadata("fig-schiff-1")["License"] == "CC-BY-4.0"


# --- editions: the publishing workflow keeps each release at its versioned address --------------

EDITIONS = ROOT / ".github" / "editions.sh"


def test_workflow_keeps_released_editions_and_serves_them_next_to_latest():
    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text())
    build = wf["jobs"]["build"]
    steps = build["steps"]
    runs = [s.get("run", "") for s in steps]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # tags and the editions branch
    assert build["permissions"]["contents"] == "write"
    i_book = runs.index("make book")
    i_keep = next(i for i, r in enumerate(runs) if "editions.sh keep" in r)
    i_assemble = next(i for i, r in enumerate(runs) if "editions.sh assemble" in r)
    i_upload = next(i for i, s in enumerate(steps) if "upload-pages-artifact" in s.get("uses", ""))
    assert i_book < i_keep < i_assemble < i_upload
    assert "book.is_release()" in runs[i_keep] and "book.version()" in runs[i_keep]


def _git(cwd, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_editions_script_keeps_each_release_once_and_assembles_them(tmp_path):
    _git(tmp_path, "init", "-q", "--bare", "origin.git")
    _git(tmp_path, "clone", "-q", "origin.git", "a")
    a = tmp_path / "a"
    (a / "f").write_text("x")
    _git(a, "add", "f")
    _git(a, "commit", "-qm", "init")
    _git(a, "push", "-q", "origin", "HEAD:main")
    html = a / "_build" / "html"
    html.mkdir(parents=True)

    def run(cwd, *args):
        return subprocess.run(["bash", str(EDITIONS), *args], cwd=cwd, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                   "GIT_AUTHOR_NAME": "t", "GIT_COMMITTER_NAME": "t",
                                   "GIT_AUTHOR_EMAIL": "t@example.org",
                                   "GIT_COMMITTER_EMAIL": "t@example.org"})

    (html / "index.html").write_text("edition 1.2.0")
    assert run(a, "keep", "1.2.0").returncode == 0
    (html / "index.html").write_text("changed")
    again = run(a, "keep", "1.2.0")
    assert again.returncode == 1 and "never replaced" in again.stdout
    assert run(a, "keep", "").returncode == 0  # not a release build: nothing kept
    (html / "index.html").write_text("edition 1.3.0")
    assert run(a, "keep", "1.3.0").returncode == 0
    _git(tmp_path, "clone", "-q", "origin.git", "b")
    b = tmp_path / "b"
    (b / "_build" / "html").mkdir(parents=True)
    (b / "_build" / "html" / "index.html").write_text("latest")
    assert run(b, "assemble").returncode == 0
    site = b / "_build" / "html"
    assert (site / "index.html").read_text() == "latest"
    assert (site / "v1.2.0" / "index.html").read_text() == "edition 1.2.0"
    assert (site / "v1.3.0" / "index.html").read_text() == "edition 1.3.0"


def test_a_regrade_without_a_changelog_line_is_caught():
    verdicts = release.current_verdicts()
    assert release.unlisted_verdict_changes(verdicts=verdicts) == []
    key = next(k for k in verdicts if k.startswith("schiff|"))
    changed = {**verdicts, key: "differs" if verdicts[key] != "differs" else "partial"}
    paper, _, id = key.partition("|")
    assert release.unlisted_verdict_changes(verdicts=changed) == [f"{paper} {id}: "
                                                                   f"{verdicts[key]} -> {changed[key]}"]
    added = {**verdicts, "schiff|Prop. 99": "replicated"}
    assert release.unlisted_verdict_changes(verdicts=added) == ["schiff Prop. 99: new -> replicated"]


def test_a_figure_whose_numbers_changed_needs_a_changelog_line():
    old = json.loads((ROOT / release.RELEASED_VERDICTS).read_text())["figures"]
    assert "fig-bo-1" in old and "fig-bo-map-fn11" not in old  # maps came after 0.1.0
    same = dict(old)
    assert release.unlisted_figure_changes(digests=same) == []
    changed = {**old, "fig-bo-1": "0" * 16, "fig-bo-map-fn11": "1" * 16, "fig-bo-s9": "2" * 16}
    missing = release.unlisted_figure_changes(digests=changed)
    assert missing == ["fig-bo-1 (numbers changed)", "fig-bo-s9 (new)"]  # the map has its line
    assert release.unlisted_figure_changes(digests={}) is None  # no build: nothing to compare


def test_figure_digest_follows_the_numbers_not_the_layout():
    import matplotlib.pyplot as plt

    from lib import offshoring as bo

    a = bo.fig_2(bo.Params(), phi0=0.4, phi1=0.55)
    b = bo.fig_2(bo.Params(), phi0=0.4, phi1=0.55)
    b.set_size_inches(3, 2)
    b.axes[0].set_title("restyled")
    c = bo.fig_2(bo.Params(), phi0=0.4, phi1=0.6)
    try:
        assert release.figure_digest(a) == release.figure_digest(b) != release.figure_digest(c)
    finally:
        for f in (a, b, c):
            plt.close(f)


@pytest.mark.parametrize("label", sorted(registry.figure_specs()))
def test_every_figure_cite_block_redraw_reproduces_what_the_chapter_publishes(label):
    """The two lines of a figure's citation draw the same numbers as the chapter's own call."""
    import matplotlib.pyplot as plt

    s = registry.figure_specs()[label]
    rec = citation.call_record(label, s.params, s.caption)
    scope: dict = {}
    exec(rec["redraw"], scope)
    try:
        assert release.figure_digest(scope["fig"]) == release.figure_digest(s.make()), rec["redraw"]
    finally:
        plt.close("all")
