"""The essay's numbers: loading and validating ``gordon_claims.csv``.

Gordon (2010) is an essay without a model; every quantitative statement in its
text and footnotes is one row of ``data/gordon_claims.csv`` (see
``data/PROVENANCE.md``).  Charts select rows **by id** through :func:`claim`,
never by retyping numbers, so the tests can check that every data figure shows
exactly the rows it cites.

Only the standard library is used (``csv``); pandas is not a dependency.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: The shipped claims table.
CLAIMS_PATH = Path(__file__).resolve().parent / "data" / "gordon_claims.csv"

#: Columns the file must have, in any order.
REQUIRED_COLUMNS = ("id", "section_or_footnote", "quantity", "value", "unit", "year", "cited_source")

#: The essay's hedges, kept in ``quantity`` as ``[hedge]``, by what they make of the number.
LOWER_BOUND_HEDGES = frozenset({"over", "well over", "more than", "at least"})
UPPER_BOUND_HEDGES = frozenset({"nearly", "almost", "less than", "as high as", "up to"})
APPROX_HEDGES = frozenset({"about", "approximately"})
HEDGES = LOWER_BOUND_HEDGES | UPPER_BOUND_HEDGES | APPROX_HEDGES

_ID = re.compile(r"^Q\d{2}$")
_HEDGE = re.compile(r"\[([a-z ]+)\]")


class ClaimsFormatError(ValueError):
    """The claims file is malformed (the message names the row and the problem)."""


@dataclass(frozen=True)
class Claim:
    """One quantitative statement of the essay.

    Attributes
    ----------
    id : str
        ``"Q01"`` … ``"Q93"``.
    section : str
        Where in the essay (part and footnote), e.g. ``"Part I, fn 17"``.
    quantity : str
        What the number measures, with the essay's hedge in brackets.
    value : float
    unit, year, source : str
        ``year`` is the year or period the number refers to (``""`` if the essay gives none).
    """

    id: str
    section: str
    quantity: str
    value: float
    unit: str
    year: str
    source: str

    @property
    def hedge(self) -> str | None:
        """The essay's hedge (``"well over"``, ``"nearly"`` …) or ``None`` for a plain number."""
        found = _HEDGE.search(self.quantity)
        return found.group(1) if found else None

    @property
    def bound(self) -> str:
        """``"lower"``, ``"upper"``, ``"approx"`` or ``"point"``: how a chart must draw it."""
        h = self.hedge
        if h in LOWER_BOUND_HEDGES:
            return "lower"
        if h in UPPER_BOUND_HEDGES:
            return "upper"
        if h in APPROX_HEDGES:
            return "approx"
        return "point"

    @property
    def footnotes(self) -> str:
        """The footnote part of :attr:`section` (``"fn 17"``), or the section itself."""
        found = re.search(r"fns? [\d\-–, ]+\d", self.section)
        return found.group(0) if found else self.section


def parse_claims(rows, source: str = "<rows>") -> dict[str, Claim]:
    """Validate rows (dicts from :class:`csv.DictReader`) and build the claims.

    Raises
    ------
    ClaimsFormatError
        Missing columns, a malformed or duplicate id, a non-numeric value, an
        empty quantity or unit, or an unknown bracketed hedge.
    """
    rows = list(rows)
    if not rows:
        raise ClaimsFormatError(f"{source}: no rows")
    missing = [c for c in REQUIRED_COLUMNS if c not in rows[0]]
    if missing:
        raise ClaimsFormatError(f"{source}: missing required column(s) {missing}")
    out: dict[str, Claim] = {}
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        cid = (row.get("id") or "").strip()
        where = f"{source}, line {n} (id {cid or '?'})"
        if not _ID.match(cid):
            raise ClaimsFormatError(f"{where}: id must look like 'Q01'")
        if cid in out:
            raise ClaimsFormatError(f"{where}: duplicate id {cid}")
        raw = (row.get("value") or "").strip()
        try:
            value = float(raw)
        except ValueError:
            raise ClaimsFormatError(f"{where}: value {raw!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ClaimsFormatError(f"{where}: value {raw!r} is not a finite number")
        quantity = (row.get("quantity") or "").strip()
        unit = (row.get("unit") or "").strip()
        if not quantity or not unit:
            raise ClaimsFormatError(f"{where}: quantity and unit must be non-empty")
        hedge = _HEDGE.search(quantity)
        if hedge and hedge.group(1) not in HEDGES:
            raise ClaimsFormatError(f"{where}: unknown hedge [{hedge.group(1)}]")
        out[cid] = Claim(cid, (row.get("section_or_footnote") or "").strip(), quantity, value,
                         unit, (row.get("year") or "").strip(),
                         (row.get("cited_source") or "").strip())
    return out


def load_claims(path: str | Path | None = None) -> dict[str, Claim]:
    """Read and validate a claims CSV (default: the shipped ``gordon_claims.csv``).

    Returns
    -------
    dict
        Claim id -> :class:`Claim`, in file order.
    """
    p = Path(path) if path is not None else CLAIMS_PATH
    if path is None:
        return dict(_cached())
    return _read(p)


def _read(p: Path) -> dict[str, Claim]:
    with open(p, newline="", encoding="utf-8") as fh:
        return parse_claims(csv.DictReader(fh), source=p.name)


@lru_cache(maxsize=1)
def _cached() -> dict[str, Claim]:
    return _read(CLAIMS_PATH)


def claim(cid: str) -> Claim:
    """The shipped row ``cid`` (``KeyError`` with a clear message if absent)."""
    rows = _cached()
    if cid not in rows:
        raise KeyError(f"no claim {cid!r} in {CLAIMS_PATH.name}")
    return rows[cid]


def value(cid: str) -> float:
    """Shortcut: the number of row ``cid``."""
    return claim(cid).value
