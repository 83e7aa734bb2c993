"""README.md's table of chapters, generated from the papers' declarations.

The table between :data:`BEGIN` and :data:`END` in ``README.md`` is
:func:`lib.registry.readme_table`: one row per paper package that declares ``PAPER`` (in the
chapters' order), so a new paper appears once its package exists.  Rewrite it with::

    python -m lib.readme            # or: make readme
    python -m lib.readme --check    # exit status 1 if README.md's table is out of date

``tests/test_repo.py`` fails, naming this command, while README.md's table differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .book import book_root

BEGIN = "<!-- chapters: generated from the papers' declarations by `python -m lib.readme`; do not edit -->"
END = "<!-- end of chapters -->"
COMMAND = "python -m lib.readme"


def block() -> str:
    """The generated block, markers included."""
    from . import registry

    return f"{BEGIN}\n{registry.readme_table()}\n{END}"


def current_block(text: str) -> str:
    """The block between the markers of README text ``text`` (markers included)."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start or text.count(BEGIN) != 1 or text.count(END) != 1:
        raise ValueError(f"README.md must hold the chapter table once, between {BEGIN!r} and {END!r}")
    return text[start:end + len(END)]


def rendered(text: str) -> str:
    """README text ``text`` with its chapter table regenerated."""
    return text.replace(current_block(text), block(), 1)


def path(root: str | Path | None = None) -> Path:
    return Path(root or book_root()) / "README.md"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only check: exit status 1 if README.md's table is out of date")
    parser.add_argument("--root", help="book root (default: this book)")
    a = parser.parse_args(argv)
    readme = path(a.root)
    old = readme.read_text(encoding="utf-8")
    new = rendered(old)
    if a.check:
        if new != old:
            print(f"{readme}: the chapter table is out of date; run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    if new != old:
        readme.write_text(new, encoding="utf-8")
        print(f"rewrote the chapter table of {readme}")
    else:
        print(f"{readme}: the chapter table is up to date")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
