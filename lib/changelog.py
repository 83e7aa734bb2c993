"""The book's changelog (``CHANGELOG.md``), parsed: its sections, and since which version a verdict stands.

The bottom of the release machinery (:mod:`lib.release` does the rest): it reads only the book's
files (:mod:`lib.book`), so the registry can show since which version each verdict stands without
importing the release procedure, which reads the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import book
from .book import book_root

UNRELEASED = "unreleased"
_HEADING = re.compile(r"^## (?:(Unreleased)|(\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2}))\s*$")
_ENTRY = re.compile(r"^- `([a-z]+)` `([^`]+)` (verdict|numbers|added|removed)\b:?(.*)$")


@dataclass
class Section:
    """One section of ``CHANGELOG.md``: a release (or Unreleased) and its change lines."""

    version: str  # "x.y.z", or UNRELEASED
    date: str = ""
    entries: list[tuple[str, str, str, str]] = field(default_factory=list)  # paper, id, kind, text


def parse_changelog(text: str) -> list[Section]:
    """The sections of a changelog, newest first, with their ``- `paper` `id` kind: ...`` lines.

    Raises ``ValueError`` for a second Unreleased section or a release heading out of order.
    """
    sections: list[Section] = []
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m:
            if m.group(1):
                if sections:
                    raise ValueError("CHANGELOG.md: 'Unreleased' must be the first section, once")
                sections.append(Section(UNRELEASED))
            else:
                book.check_version(m.group(2))
                sections.append(Section(m.group(2), m.group(3)))
            continue
        e = _ENTRY.match(line)
        if e and sections:
            sections[-1].entries.append((e.group(1), e.group(2), e.group(3), e.group(4).strip()))
    released = [_key(s.version) for s in sections if s.version != UNRELEASED]
    if released != sorted(released, reverse=True) or len(set(released)) != len(released):
        raise ValueError("CHANGELOG.md: releases must be listed newest first, each once")
    return sections


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in book.check_version(version).split("."))


@cache
def changelog(root: str | None = None) -> tuple[Section, ...]:
    """The parsed ``CHANGELOG.md`` of the book."""
    path = Path(root) if root else book_root()
    return tuple(parse_changelog((path / "CHANGELOG.md").read_text(encoding="utf-8")))


def first_version() -> str:
    """The first edition listed in the changelog."""
    released = [s.version for s in changelog() if s.version != UNRELEASED]
    return released[-1] if released else book.version()


def verdict_since(paper: str, id: str) -> str:
    """The version since which item ``id`` of ``paper`` has its current verdict.

    The newest section with a ``verdict`` or ``added`` line for it ("unreleased" if that is the
    Unreleased section), else the first edition.
    """
    for section in changelog():
        if any(p == paper and i == id and kind in ("verdict", "added")
               for p, i, kind, _ in section.entries):
            return section.version
    return first_version()


# --- the release procedure ---------------------------------------------------------------------


