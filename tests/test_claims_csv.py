"""The claims CSV loader reads the shipped file or raises ClaimsFormatError naming the line (issue #15).

Each corruption found by the audit has a regression test; a fuzz test mutates copies of the real
file (byte flips, inserted quotes, duplicated header columns and rows, other encodings) and
asserts that the loader returns the original data or raises ``ClaimsFormatError``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.migration_vs_trade.data import CLAIMS_PATH, ClaimsFormatError, load_claims

RAW = CLAIMS_PATH.read_bytes()
TEXT = RAW.decode("utf-8")
LINES = TEXT.splitlines(keepends=True)
ORIGINAL = load_claims()


def _with_line(i: int, new: str) -> str:
    return "".join(LINES[:i] + [new] + LINES[i + 1:])


CORRUPTIONS = {
    # a quote opening the third field of Q01 runs into Q02: the old loader merged the rows
    "stray quote merges rows": (_with_line(1, LINES[1].replace("Ratio", '"Ratio', 1)), 2, "quote|CSV"),
    "quote inside a field": (_with_line(1, LINES[1].replace("Ratio", 'Ra"tio', 1)), 2, "quote"),
    "duplicated header column": ("".join([LINES[0].rstrip("\r\n") + ",value\n"]
                                         + [ln.rstrip("\r\n") + ",1\n" for ln in LINES[1:]]),
                                 1, "duplicate column"),
    "extra field": (_with_line(2, LINES[2].rstrip("\r\n") + ",extra\n"), 3, "8 fields"),
    "missing fields": (_with_line(2, "Q02,Part I\n"), 3, "2 fields"),
    "NUL byte": (_with_line(3, LINES[3].replace("15", "1\x005", 1)), 4, "NUL"),
    "underscore in a number": (_with_line(4, LINES[4].replace(",4.3,", ",4_3,", 1)), 5, "decimal"),
    "non-ASCII digit": (_with_line(4, LINES[4].replace(",4.3,", ",٤.3,", 1)), 5, "ASCII"),
    "field over the csv limit": (_with_line(2, LINES[2].replace("Period", "P" * 200_000, 1)), 3, "field"),
    "long field": (_with_line(2, LINES[2].replace("Period", "P" * 20_000, 1)), 3, "characters"),
    "blank line": (_with_line(2, "\n" + LINES[2]), 3, "blank"),
    "empty file": ("", 1, "empty"),
    "header only": (LINES[0], 2, "no rows"),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_corrupt_claims_file_raises_naming_line(tmp_path, name):
    text, line, what = CORRUPTIONS[name]
    p = tmp_path / "claims.csv"
    p.write_bytes(text.encode("utf-8"))
    with pytest.raises(ClaimsFormatError, match=rf"line {line}\b.*({what})"):
        load_claims(p)


@pytest.mark.parametrize("encoding,line", [("latin-1", 2), ("utf-16", 1), ("binary", 2)])
def test_wrong_encoding_raises_claims_format_error(tmp_path, encoding, line):
    p = tmp_path / "claims.csv"
    if encoding == "binary":
        p.write_bytes(bytes(range(256)) * 4)
    else:
        p.write_bytes(TEXT.replace("Part I", "Part Ié", 1).encode(encoding))
    with pytest.raises(ClaimsFormatError, match=rf"line {line}\b.*not UTF-8"):
        load_claims(p)


def test_directory_or_missing_path_raises_claims_format_error(tmp_path):
    with pytest.raises(ClaimsFormatError, match="cannot read"):
        load_claims(tmp_path)
    with pytest.raises(ClaimsFormatError, match="cannot read"):
        load_claims(tmp_path / "absent.csv")


def test_utf8_bom_is_read_correctly(tmp_path):
    p = tmp_path / "claims.csv"
    p.write_bytes(b"\xef\xbb\xbf" + RAW)
    assert load_claims(p) == ORIGINAL


# --- fuzz: mutated copies of the real file ------------------------------------------------------

def _line_of(data: bytes, pos: int) -> int:
    return data[:pos].count(b"\n") + 1


@st.composite
def mutated(draw):
    """``(bytes, lines touched)``: the shipped file with one mutation (None: any line)."""
    kind = draw(st.sampled_from(["flip", "quote", "dup_header", "dup_row", "delete", "encoding"]))
    if kind == "flip":
        pos = draw(st.integers(0, len(RAW) - 1))
        byte = draw(st.integers(0, 255))
        return RAW[:pos] + bytes([byte]) + RAW[pos + 1:], {_line_of(RAW, pos)}
    if kind == "quote":
        pos = draw(st.integers(0, len(RAW)))
        return RAW[:pos] + b'"' + RAW[pos:], {_line_of(RAW, pos)}
    if kind == "delete":
        pos = draw(st.integers(0, len(RAW) - 1))
        return RAW[:pos] + RAW[pos + 1:], {_line_of(RAW, pos), _line_of(RAW, pos) + 1}
    if kind == "dup_header":
        col = draw(st.sampled_from(LINES[0].rstrip("\r\n").split(",")))
        body = [LINES[0].rstrip("\r\n") + f",{col}\n"] + [ln.rstrip("\r\n") + ",x\n" for ln in LINES[1:]]
        return "".join(body).encode(), None
    if kind == "dup_row":
        i = draw(st.integers(1, len(LINES) - 1))
        j = draw(st.integers(1, len(LINES)))
        return "".join(LINES[:j] + [LINES[i]] + LINES[j:]).encode(), None
    enc = draw(st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"]))
    return TEXT.encode(enc, errors="replace"), None


@given(mutated())
def test_fuzz_mutated_claims_file(tmp_path_factory, case):
    data, touched = case
    p = tmp_path_factory.mktemp("fuzz") / "claims.csv"
    p.write_bytes(data)
    try:
        got = load_claims(p)
    except ClaimsFormatError as err:
        assert re.search(r"line \d+|cannot read", str(err)), err
        return
    # read: every row the mutation did not touch is the original, and no row vanished or merged
    assert len(got) == len(ORIGINAL)
    if touched is None:
        assert got == ORIGINAL
        return
    original_lines = {cid: n for n, cid in enumerate(ORIGINAL, start=2)}
    for cid, c in ORIGINAL.items():
        if original_lines[cid] not in touched:
            assert got.get(cid) == c, cid
