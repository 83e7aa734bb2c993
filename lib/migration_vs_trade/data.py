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
#: A plain decimal number in ASCII digits (no ``_`` separators, no other scripts' digits).
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
#: Largest field accepted (characters); the longest in the shipped file is a few hundred.
MAX_FIELD = 10_000
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
        raise ClaimsFormatError(f"{source}, line 1: missing required column(s) {missing}")
    out: dict[str, Claim] = {}
    for n, row in enumerate(rows, start=2):  # line 1 is the header
        n = row.pop(_LINE, n) if isinstance(row, dict) else n
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
        if not _NUMBER.match(raw):
            raise ClaimsFormatError(f"{where}: value {raw!r} is not a plain decimal number in ASCII "
                                    "digits (such as 4.3 or 1e6)")
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


_LINE = object()  # key under which _read passes each row's line number to parse_claims


def _read(p: Path) -> dict[str, Claim]:
    """Read ``p`` strictly: every way the file can be corrupt is a :class:`ClaimsFormatError`.

    UTF-8 (a byte-order mark is skipped), no NUL bytes, standard CSV quoting with no field
    spanning lines and no quote character inside a field, one header with distinct names, every row exactly as many fields as the
    header, no blank lines, fields of at most :data:`MAX_FIELD` characters; then
    :func:`parse_claims`.  The message names the file, the line and the problem.
    """
    try:
        data = p.read_bytes()
    except OSError as err:
        raise ClaimsFormatError(f"{p}: cannot read the claims file ({err.strerror or err})") from None
    name = p.name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ClaimsFormatError(f"{name}, line {line}: not UTF-8 text (byte {data[err.start]:#04x} "
                                f"at offset {err.start}; save the file as UTF-8)") from None
    if "\x00" in text:
        raise ClaimsFormatError(f"{name}, line {text[:text.index(chr(0))].count(chr(10)) + 1}: "
                                "NUL byte (a binary or UTF-16 file?)")
    if not text.strip():
        raise ClaimsFormatError(f"{name}, line 1: the file is empty (no header, no rows)")
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    header: list[str] | None = None
    rows: list[dict] = []
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            where = f"{name}, line {start}"
            if end != start:
                raise ClaimsFormatError(f"{where}: a quoted field runs over lines {start}-{end} "
                                        "(a stray or unbalanced quote)")
            if not record:
                raise ClaimsFormatError(f"{where}: blank line")
            long = [i for i, f in enumerate(record) if len(f) > MAX_FIELD]
            if long:
                raise ClaimsFormatError(f"{where}: field {long[0] + 1} has {len(record[long[0]])} "
                                        f"characters (at most {MAX_FIELD})")
            quoted = [i for i, f in enumerate(record) if '"' in f]
            if quoted:
                raise ClaimsFormatError(f"{where}: field {quoted[0] + 1} contains a quote character "
                                        "(a stray quote?)")
            if header is None:
                header = [h.strip() for h in record]
                dup = sorted({h for h in header if header.count(h) > 1})
                if dup:
                    raise ClaimsFormatError(f"{where}: duplicate column(s) {dup} in the header")
                continue
            if len(record) != len(header):
                raise ClaimsFormatError(f"{where}: {len(record)} fields, the header has {len(header)}")
            rows.append(dict(zip(header, record, strict=True)) | {_LINE: start})
    except csv.Error as err:
        raise ClaimsFormatError(f"{name}, line {reader.line_num}: malformed CSV ({err})") from None
    if not rows:
        raise ClaimsFormatError(f"{name}, line 2: no rows after the header")
    return parse_claims(rows, source=name)


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


#: The claim ids each data figure draws (the tests check every value drawn against these rows).
DATA_ROWS: dict[str, tuple[str, ...]] = {
    "d1": ("Q04", "Q05", "Q07", "Q08", "Q09", "Q20"),
    "d2": ("Q22", "Q23", "Q25", "Q34", "Q32", "Q33", "Q35", "Q37", "Q44", "Q45", "Q56",
           "Q63", "Q64", "Q65", "Q69", "Q71"),
    "d3": ("Q35", "Q36", "Q25", "Q69", "Q71"),
    "d4": ("Q26", "Q27", "Q28", "Q29", "Q30", "Q31", "Q41", "Q42", "Q43", "Q74", "Q19",
           "Q72", "Q73", "Q77", "Q75"),
    "d5": ("Q12", "Q14", "Q81", "Q11"),
    "d6": ("Q88", "Q87", "Q85", "Q86", "Q90", "Q83", "Q84", "Q89"),
    "d7": ("Q20", "Q32", "Q24", "Q33", "Q40", "Q47", "Q57", "Q80", "Q50", "Q18", "Q76",
           "Q51", "Q66", "Q69", "Q52", "Q54", "Q55", "Q17", "Q07"),
}
