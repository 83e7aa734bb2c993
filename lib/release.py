"""Editions of the book: the changelog, and the release procedure (``make release VERSION=x.y.z``).

A release

1. checks that ``x.y.z`` is a semantic version above the current one (:func:`lib.book.version`),
   that every item whose verdict changed since the last release (``lib/released_verdicts.json``)
   and every figure of the last build whose plotted numbers changed (:func:`figure_digest`) has a
   line in the changelog, and, unless it is a dry run, that the working tree is clean;
2. turns the **Unreleased** section of ``CHANGELOG.md`` into ``## x.y.z — <date>`` (which lists
   every figure or result whose numbers or verdict changed) under a new, empty **Unreleased**;
3. writes the version in its one place, ``lib/__init__.py``, the version and date in
   ``CITATION.cff`` and ``.zenodo.json`` (the tests check all of them agree), and the registry's
   verdicts of the release in ``lib/released_verdicts.json``;
4. commits ("Release x.y.z") and tags ``vx.y.z``.

Pushing the tag with the commit (``git push --atomic origin main vx.y.z``) makes the publishing workflow build that
commit as the edition and serve it at ``<site>/vx.y.z/`` for good, next to the latest build at
``<site>``.  ``--dry-run`` (``make release VERSION=x.y.z DRY_RUN=1``) prints every change and
command without doing any.

Usage::

    python -m lib.release 1.0.0 [--dry-run] [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from . import book
from .book import book_root

# The changelog itself is read by lib.changelog (below the registry, which shows since which
# version each verdict stands); its names stay importable from here.
from .changelog import (  # noqa: F401, E402
    _ENTRY,
    _HEADING,
    UNRELEASED,
    Section,
    _key,
    changelog,
    first_version,
    parse_changelog,
    verdict_since,
)


def _replace(text: str, pattern: str, new: str, what: str) -> str:
    out, n = re.subn(pattern, new, text, count=1, flags=re.M)
    if n != 1:
        raise ValueError(f"could not find {what}")
    return out


def planned_files(new: str, date: str, root: Path) -> dict[Path, tuple[str, str]]:
    """Each file the release changes: path -> (old text, new text)."""
    files = {}
    init = root / "lib" / "__init__.py"
    old = init.read_text(encoding="utf-8")
    files[init] = (old, _replace(old, r'^__version__ = "[^"]*"$', f'__version__ = "{new}"',
                                 "__version__ in lib/__init__.py"))
    cff = root / "CITATION.cff"
    old = cff.read_text(encoding="utf-8")
    text = _replace(old, r'^version: .*$', f'version: "{new}"', "version in CITATION.cff")
    files[cff] = (old, _replace(text, r'^date-released: .*$', f'date-released: "{date}"',
                                "date-released in CITATION.cff"))
    zen = root / ".zenodo.json"
    old = zen.read_text(encoding="utf-8")
    text = _replace(old, r'^  "version": "[^"]*",$', f'  "version": "{new}",', "version in .zenodo.json")
    text = _replace(text, r'^  "publication_date": "[^"]*",$', f'  "publication_date": "{date}",',
                    "publication_date in .zenodo.json")
    json.loads(text)
    files[zen] = (old, text)
    log = root / "CHANGELOG.md"
    old = log.read_text(encoding="utf-8")
    sections = parse_changelog(old)
    if not sections or sections[0].version != UNRELEASED:
        raise ValueError("CHANGELOG.md has no 'Unreleased' section to release")
    head, _, rest = old.partition("## Unreleased\n")
    body, sep, tail = rest.partition("\n## ")
    body = body.strip("\n")
    if not sections[0].entries:
        body = (body + "\n\n" if body else "") + "No figure or result changed its numbers or verdict."
    text = f"{head}## Unreleased\n\n## {new} — {date}\n\n{body}\n" + (f"\n## {tail}" if sep else "")
    parse_changelog(text)
    files[log] = (old, text)
    return files


#: The registry's verdicts and the figures' digests at the last release (``make release`` rewrites it).
RELEASED_VERDICTS = Path("lib") / "released_verdicts.json"


def _verdicts_code(path: str) -> str:
    """Python that prints ``{"paper|id": status}`` of the registry of the book at ``path``."""
    return (f"import json, sys; sys.path.insert(0, {path!r}); from lib import registry; "
            "print(json.dumps({f'{i.paper}|{i.id}': i.status for i in registry.collect()}))")


def current_verdicts(root: Path | None = None) -> dict[str, str]:
    """``{"paper|id": status}`` of the registry of the book at ``root`` (read in a fresh interpreter)."""
    root = Path(root) if root else book_root()
    out = subprocess.run([sys.executable, "-c", _verdicts_code(str(root))], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def unlisted_verdict_changes(root: Path | None = None, verdicts: dict | None = None) -> list[str] | None:
    """Items whose verdict changed since the last release but have no line under Unreleased.

    Compares the registry (``verdicts``, default :func:`current_verdicts`) with
    :data:`RELEASED_VERDICTS`; None if the book has no such file.  An item needs a ``verdict``,
    ``added`` or ``removed`` line in the Unreleased section of ``CHANGELOG.md``.
    """
    root = Path(root) if root else book_root()
    path = root / RELEASED_VERDICTS
    if not path.is_file():
        return None
    old = json.loads(path.read_text(encoding="utf-8"))["verdicts"]
    new = verdicts if verdicts is not None else current_verdicts(root)
    listed = {(p, i) for s in parse_changelog((root / "CHANGELOG.md").read_text(encoding="utf-8"))[:1]
              for p, i, kind, _ in s.entries if kind in ("verdict", "added", "removed")}
    missing = []
    for key in sorted(set(old) | set(new)):
        paper, _, id = key.partition("|")
        if old.get(key) != new.get(key) and (paper, id) not in listed:
            missing.append(f"{paper} {id}: {old.get(key, 'new')} -> {new.get(key, 'removed')}")
    return missing


# --- figures whose numbers changed --------------------------------------------------------------


def figure_digest(fig) -> str:
    """A digest of what ``fig`` plots in data coordinates: lines, bars, polygons, points, images.

    Layout, labels, styles and lines placed in axes coordinates (``axvline`` markers) do not
    enter it, so it changes when a figure's *numbers* change, not when it is restyled.
    """
    import numpy as np
    from matplotlib.patches import Polygon, Rectangle

    def r(a) -> str:
        return np.array2string(np.round(np.asarray(a, float), 6), threshold=10**9, precision=6)

    parts = []
    for i, ax in enumerate(fig.axes):
        data = ax.transData
        parts += [f"{i}L{r(ln.get_xydata())}" for ln in ax.get_lines() if ln.get_transform() is data]
        for p in ax.patches:
            if not p.get_transform().contains_branch(data):
                continue
            if isinstance(p, Rectangle):
                parts.append(f"{i}R{r([p.get_x(), p.get_y(), p.get_width(), p.get_height()])}")
            elif isinstance(p, Polygon):
                parts.append(f"{i}P{r(p.get_xy())}")
        for c in ax.collections:
            if len(c.get_offsets()) and c.get_offset_transform() is data:
                parts.append(f"{i}C{r(c.get_offsets())}")
            elif c.get_transform() is data:
                parts += [f"{i}V{r(path.vertices)}" for path in c.get_paths()]
        for im in ax.get_images():
            arr = np.ascontiguousarray(np.asarray(im.get_array(), float))
            parts.append(f"{i}I{hashlib.sha256(arr.tobytes()).hexdigest()}")
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:16]


def figure_digests(folder: str | Path | None = None) -> dict[str, str]:
    """``{label: figure_digest}`` of every figure published in ``folder`` (its ``<label>.json``),
    redrawn from ``lib`` with the record's two lines."""
    import matplotlib.pyplot as plt

    from .book import export_folder

    out = {}
    for path in sorted(Path(folder or export_folder()).glob("fig-*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        scope: dict = {}
        exec(record["redraw"], scope)  # the two lines the citation block shows
        out[record["label"]] = figure_digest(scope["fig"])
        plt.close(scope["fig"])
    return out


def _digests_in(root: Path) -> dict[str, str]:
    code = (f"import json, sys; sys.path.insert(0, {str(root)!r}); from lib import release; "
            "print(json.dumps(release.figure_digests()))")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out)


def unlisted_figure_changes(root: Path | None = None, digests: dict | None = None) -> list[str] | None:
    """Figures whose plotted numbers changed since the last release, or are new, with no line.

    Compares ``digests`` (default: every figure of the last build, :func:`figure_digests`) with the
    ``figures`` of :data:`RELEASED_VERDICTS`.  A figure needs a ``numbers``, ``added`` or
    ``removed`` line under Unreleased naming its label (``- `bo` `fig-bo-2` numbers: ...``) or
    the registry id of the item it rebuilds.  None without a snapshot or without a build.
    """
    from . import registry

    root = Path(root) if root else book_root()
    path = root / RELEASED_VERDICTS
    if not path.is_file():
        return None
    old = json.loads(path.read_text(encoding="utf-8")).get("figures", {})
    new = digests if digests is not None else _digests_in(root)
    if not new:
        return None
    listed = {(p, i) for s in parse_changelog((root / "CHANGELOG.md").read_text(encoding="utf-8"))[:1]
              for p, i, kind, _ in s.entries if kind in ("numbers", "added", "removed")}
    ids = {it.ours: it.id for it in registry.collect() if it.is_figure_label}
    missing = []
    for label in sorted(set(old) | set(new)):
        if old.get(label) == new.get(label):
            continue
        paper = label.split("-")[1]
        if (paper, label) not in listed and (paper, ids.get(label, label)) not in listed:
            what = "new" if label not in old else ("removed" if label not in new else "numbers changed")
            missing.append(f"{label} ({what})")
    return missing


def release(new: str, date: str | None = None, dry_run: bool = False, root: Path | None = None,
            out=sys.stdout) -> list[list[str]]:
    """Make release ``new``: changelog, version files, commit and tag (see the module docstring).

    Returns the git commands run (or, with ``dry_run``, that would run).
    """
    root = Path(root) if root else book_root()
    current = book.version()
    book.check_version(new)
    if _key(new) <= _key(current):
        raise ValueError(f"the new version {new} must be above the current one, {current}")
    date = date or datetime.date.today().isoformat()
    datetime.date.fromisoformat(date)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                            capture_output=True, text=True, check=False)
    if status.returncode != 0:
        raise ValueError(f"not a git repository: {root}")
    if status.stdout.strip() and not dry_run:
        raise ValueError("the working tree has uncommitted changes; commit them first")
    files = planned_files(new, date, root)
    missing = unlisted_verdict_changes(root)
    if missing:
        raise ValueError(f"CHANGELOG.md (Unreleased) lacks a verdict line for {len(missing)} item(s) "
                         f"whose verdict changed since {current}: " + "; ".join(missing))
    figures_missing = unlisted_figure_changes(root) if missing is not None else None
    if figures_missing:
        raise ValueError(f"CHANGELOG.md (Unreleased) lacks a numbers/added line for {len(figures_missing)} "
                         f"figure(s) of the last build changed since {current}: " + "; ".join(figures_missing))
    if missing is not None:
        if figures_missing is None:
            raise ValueError("build the book first (make book): the release records the digest of "
                             "every figure it publishes")
        snap = root / RELEASED_VERDICTS
        old = snap.read_text(encoding="utf-8")
        files[snap] = (old, json.dumps({"version": new, "verdicts": current_verdicts(root),
                                        "figures": _digests_in(root)},
                                       indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    commands = [["git", "add", *(str(p.relative_to(root)) for p in files)],
                ["git", "commit", "-m", f"Release {new}"],
                ["git", "tag", "-a", f"v{new}", "-m", f"Release {new}"]]

    def say(*a):
        print(*a, file=out)

    say(f"{'DRY RUN: would release' if dry_run else 'Releasing'} {new} (current {current}), dated {date}")
    for path, (old, text) in files.items():
        rel = str(path.relative_to(root))
        say("".join(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                         f"a/{rel}", f"b/{rel}")).rstrip("\n"))
        if not dry_run:
            path.write_text(text, encoding="utf-8")
    for cmd in commands:
        say("$ " + " ".join(f"'{c}'" if " " in c else c for c in cmd))
        if not dry_run:
            subprocess.run(cmd, cwd=root, check=True)
    if missing is None:
        say(f"(no {RELEASED_VERDICTS}: the changelog was not checked against the registry's verdicts)")
    say(f"then: git push --atomic origin main v{new}   (the workflow keeps the edition and serves it "
        f"at {book.base_url()}v{new}/)")
    return commands


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.release", description=__doc__.split("\n")[0])
    parser.add_argument("version", help="the new semantic version, x.y.z")
    parser.add_argument("--dry-run", action="store_true", help="print what would change; change nothing")
    parser.add_argument("--date", help="release date YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    try:
        release(args.version, args.date, args.dry_run)
    except (ValueError, subprocess.CalledProcessError) as err:
        print(f"release: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
