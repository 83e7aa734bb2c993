"""Median clean-build time of the book, and each notebook's execution time.

Run with the project's virtualenv:  .venv/bin/python benchmarks/build_time.py [--repeat N]

A clean build is ``jupyter-book build --all -W -n --keep-going`` into a fresh temporary folder
(every notebook executed).  Notebook times come from executing each notebook with nbclient in
``chapters/`` (as the notebook tests do).  Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"


def clean_build_seconds() -> float:
    jb = Path(sys.executable).parent / "jupyter-book"
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        proc = subprocess.run([str(jb), "build", "--all", "-W", "-n", "--keep-going",
                               "--path-output", out, str(ROOT)], capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return elapsed


def notebook_seconds(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(CHAPTERS)}}).execute()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="clean builds to time (default 3)")
    parser.add_argument("--notebook-repeat", type=int, default=3)
    args = parser.parse_args()

    print(f"notebook execution (median of {args.notebook_repeat} runs, includes kernel start-up):")
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        times = [notebook_seconds(path) for _ in range(args.notebook_repeat)]
        print(f"  {path.stem:28s} {statistics.median(times):7.1f} s")
    builds = [clean_build_seconds() for _ in range(args.repeat)]
    print(f"clean build (median of {args.repeat}): {statistics.median(builds):.1f} s "
          f"(runs: {', '.join(f'{b:.1f}' for b in builds)})")


if __name__ == "__main__":
    main()
