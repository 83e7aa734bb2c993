"""Audit of issue #15: feed bad inputs to every public entry point and count the bad outcomes.

A *good* outcome is a ``ValueError`` (``ClaimsFormatError`` is one) or a correct answer: every
number in the result finite, except the keys a ``results()`` docstring names as possibly
non-finite.  A *bad* outcome is any other exception, a silent NaN/inf, a non-number accepted
without complaint, or a call that takes longer than :data:`BOUND` seconds.

Run ``python benchmarks/bad_input_audit.py`` (add ``-v`` to list every bad outcome).  It prints
one line per kind of input with the number of calls and of bad outcomes, then the total.
Deterministic: the inputs are a fixed list; no randomness.
"""

from __future__ import annotations

import dataclasses
import math
import signal
import sys
import tempfile
import time
import warnings
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib import customs_unions as cu  # noqa: E402
from lib import negotiating_blocs as nb  # noqa: E402
from lib import offshoring as bo  # noqa: E402
from lib.migration_vs_trade import data as gdata  # noqa: E402
from lib.migration_vs_trade import model as gm  # noqa: E402
from lib.negotiating_blocs import hos as nbh  # noqa: E402
from lib.negotiating_blocs import model as nbm  # noqa: E402

#: Seconds a single call may take.
BOUND = 10.0

#: The kinds of bad values, by name.
VALUES = {
    "nan": math.nan,
    "+inf": math.inf,
    "-inf": -math.inf,
    "huge": 1e300,
    "max": 1.79e308,
    "-huge": -1e300,
    "tiny": 5e-324,
    "small": 1e-300,
    "zero": 0.0,
    "negative": -1.0,
    "near-one": 1.0000000000000002,
    "fraction": Fraction(1, 2),
    "numpy-float32": np.float32(0.5),
    "bigint": 10**400,
    "string": "0.5",
    "none": None,
}
NOT_NUMBERS = {"nan", "+inf", "-inf", "string", "none"}  # never a correct input

#: results() keys documented as possibly non-finite.
DOCUMENTED_NONFINITE = {
    "offshoring": {"atilde_south"},      # nan beyond phi_S (no Southern firms)
    "migration_vs_trade": {"crossing_tau"},  # inf when the gap curves never cross
}


class Timeout(Exception):
    pass


def _alarm(*_):
    raise Timeout


def _numbers(obj, depth=0):
    """Every float in a result (dicts, dataclasses, arrays, tuples)."""
    if depth > 4:
        return
    if isinstance(obj, bool):
        return
    if isinstance(obj, int | float | np.floating | np.integer):
        yield "", float(obj)
    elif isinstance(obj, np.ndarray):
        if obj.dtype.kind in "fiu":
            for v in obj.ravel():
                yield "", float(v)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            for kk, x in _numbers(v, depth + 1):
                yield f"{k}{kk}", x
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            for kk, x in _numbers(getattr(obj, f.name), depth + 1):
                yield f".{f.name}{kk}", x
    elif isinstance(obj, tuple | list):
        for i, v in enumerate(obj):
            for kk, x in _numbers(v, depth + 1):
                yield f"[{i}]{kk}", x


def outcome(fn, value_kind: str | None, allowed_nonfinite=frozenset()) -> str | None:
    """Run ``fn()``; return ``None`` for a good outcome, else a short description."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, BOUND)
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = fn()
    except Timeout:
        return f"hang > {BOUND:g} s"
    except ValueError:
        return None
    except Exception as err:  # noqa: BLE001 - this is what we count
        return f"{type(err).__name__}: {str(err)[:80]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        plt.close("all")
    if time.perf_counter() - t0 > BOUND:
        return f"slow > {BOUND:g} s"
    if value_kind in NOT_NUMBERS:
        return f"accepted {value_kind}"
    if isinstance(res, matplotlib.figure.Figure):
        return None
    bad = [k for k, x in _numbers(res) if not math.isfinite(x) and k.split(".")[0] not in allowed_nonfinite]
    if bad:
        return f"non-finite {bad[:3]}{'…' if len(bad) > 3 else ''}"
    return None


# --- parameter classes: every numeric field at every bad value, then results() --------------------

PARAM_CLASSES = [
    ("offshoring", bo.Params, lambda p: bo.results(p)),
    ("customs_unions", cu.TwoCountryParams, lambda p: cu.results(two=p)),
    ("customs_unions", cu.ThreeCountryParams, lambda p: cu.results(p)),
    ("negotiating_blocs", nb.Params, lambda p: nb.results(p)),
    ("migration_vs_trade", gm.HOSParams, lambda p: gm.results(p)),
    ("migration_vs_trade", gm.TechParams, lambda p: gm.results(p)),
    ("migration_vs_trade", gm.GainsParams, lambda p: gm.results(p)),
    ("migration_vs_trade", gm.BargainParams, lambda p: gm.results(p)),
]

#: Combinations named in the issue (accepted parameters at the edge of floating point).
EDGE_CASES = [
    ("offshoring", lambda: bo.results(bo.Params(kappa=1.0000000000000002, sigma=2))),
    ("offshoring", lambda: bo.results(bo.Params(), phi=1e-170)),
    ("offshoring", lambda: bo.results(bo.Params(kappa=12, fI=0.01, sigma=1.2, f=5))),
    ("offshoring", lambda: bo.results(bo.Params(kappa=1e-3, sigma=1.0001, fI=1e-3, f=5))),
    ("offshoring", lambda: bo.results(bo.Params(f=1.79e308))),
    ("migration_vs_trade", lambda: gm.results(gm.HOSParams(beta=1e-300))),
    ("migration_vs_trade", lambda: gm.results(gm.GainsParams(a=5e-324))),
    ("migration_vs_trade", lambda: gm.results(gm.GainsParams(L_D=1e307, LO_ratio=100))),
    ("migration_vs_trade", lambda: gm.results(gm.GainsParams(L_D=1.79e308))),
    ("migration_vs_trade", lambda: gm.results(gm.BargainParams(G=1e308, R=1e308, theta=0, rho=1))),
    ("negotiating_blocs", lambda: nb.results(nb.Params(N=1e300))),
    ("negotiating_blocs", lambda: nb.results(nb.Params(rho=5e-324))),
    ("customs_unions", lambda: cu.results(cu.ThreeCountryParams(sB_s=1e-300))),
    ("customs_unions", lambda: cu.results(two=cu.TwoCountryParams(s_s=1e300))),
    ("customs_unions", lambda: cu.three_country(cu.ThreeCountryParams(), math.inf)),
]


def _extras():
    """(package, name, fn(v)) for each public function's extra arguments."""
    P, P2, P3, PN = bo.Params(), cu.TwoCountryParams(), cu.ThreeCountryParams(), nb.Params()
    G, H, T, B = gm.GainsParams(), gm.HOSParams(), gm.TechParams(), gm.BargainParams()
    return [
        ("offshoring", "check_phi(v)", lambda v: bo.check_phi(v)),
        ("offshoring", "results(P, phi=v)", lambda v: bo.results(P, phi=v)),
        ("offshoring", "hft(P, v)", lambda v: bo.hft(P, v)),
        ("offshoring", "relocation_equilibrium(P, v)", lambda v: bo.relocation_equilibrium(P, v)),
        ("offshoring", "relocation_gains(P, v, 0.5)", lambda v: bo.relocation_gains(P, v, 0.5)),
        ("offshoring", "relocation_gains(P, 0.3, v)", lambda v: bo.relocation_gains(P, 0.3, v)),
        ("offshoring", "hft_relocation_gains(P, 0.3, v)", lambda v: bo.hft_relocation_gains(P, 0.3, v)),
        ("offshoring", "south_welfare(P, 0.5, mu=v)", lambda v: bo.south_welfare(P, 0.5, mu=v)),
        ("offshoring", "with_beta(P, v)", lambda v: bo.results(bo.with_beta(P, v))),
        ("offshoring", "welfare_metric(P, 0.5, v)", lambda v: bo.welfare_metric(P, 0.5, v)),
        ("offshoring", "fig_1(P, phi=v)", lambda v: bo.fig_1(P, phi=v)),
        ("customs_unions", "two_country(P2, v)", lambda v: cu.two_country(P2, v)),
        ("customs_unions", "three_country(P3, v)", lambda v: cu.three_country(P3, v)),
        ("customs_unions", "omega_star(P2, 1, v)", lambda v: cu.omega_star(P2, 1.0, v)),
        ("customs_unions", "omega_star(P2, v, 0.1)", lambda v: cu.omega_star(P2, v, 0.1)),
        ("customs_unions", "northern_welfare(P3, v)", lambda v: cu.northern_welfare(P3, v)),
        ("customs_unions", "demand(P3, v)", lambda v: cu.demand(P3, v)),
        ("customs_unions", "fig_s1(P2, tau_max=v)", lambda v: cu.fig_s1(P2, tau_max=v)),
        ("negotiating_blocs", "average_benefit(PN, v)", lambda v: nbm.average_benefit(PN, v)),
        ("negotiating_blocs", "n_no_fee(PN, alpha=v)", lambda v: nbm.n_no_fee(PN, alpha=v)),
        ("negotiating_blocs", "value_fee(PN, x=v)", lambda v: nbm.value_fee(PN, x=v)),
        ("negotiating_blocs", "alpha_of_M(PN, v)", lambda v: nbm.alpha_of_M(PN, v)),
        ("negotiating_blocs", "optimal_migration(PN, 'star', c=v)",
         lambda v: nbm.optimal_migration(PN, "star", c=v)),
        ("negotiating_blocs", "optimal_migration(PN, 'E', alpha0=v)",
         lambda v: nbm.optimal_migration(PN, "E", alpha0=v)),
        ("negotiating_blocs", "ho_equilibrium(PN, v)", lambda v: nbh.ho_equilibrium(PN, v)),
        ("negotiating_blocs", "ho_equilibrium(PN, 1.8, t=v)", lambda v: nbh.ho_equilibrium(PN, 1.8, t=v)),
        ("migration_vs_trade", "migration_gains(G, v)", lambda v: gm.migration_gains(G, v)),
        ("migration_vs_trade", "tau_sweep(H, [v])", lambda v: gm.tau_sweep(H, [v])),
        ("migration_vs_trade", "gap_difference(T, v)", lambda v: gm.gap_difference(T, v)),
        ("migration_vs_trade", "deal_feasible(B, theta=v)", lambda v: gm.deal_feasible(B, theta=v)),
        ("migration_vs_trade", "boundary_rho(B, v)", lambda v: gm.boundary_rho(B, v)),
    ]


#: Extra arguments whose default is ``None`` (meaning: take the value from the parameters).
NONE_MEANS_DEFAULT = {
    "n_no_fee(PN, alpha=v)", "value_fee(PN, x=v)", "optimal_migration(PN, 'star', c=v)",
    "optimal_migration(PN, 'E', alpha0=v)", "migration_gains(G, v)", "deal_feasible(B, theta=v)",
}


# --- the claims CSV: corruptions of the shipped file ----------------------------------------------

def _corruptions() -> dict[str, bytes]:
    raw = gdata.CLAIMS_PATH.read_bytes()
    text = raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    header = lines[0].rstrip("\r\n")
    out = {
        "stray quote": "".join(lines[:1] + [lines[1].replace("Ratio", 'Ra"tio', 1)] + lines[2:]),
        "duplicated header column": "".join([header + ",value\n"] + [ln.rstrip("\r\n") + ",1\n" for ln in lines[1:]]),
        "extra field": "".join(lines[:2] + [lines[2].rstrip("\r\n") + ",extra\n"] + lines[3:]),
        "NUL byte": "".join(lines[:3] + [lines[3].replace("15", "1\x005", 1)] + lines[4:]),
        "underscore digits": "".join(lines[:4] + [lines[4].replace(",4.3,", ",4_3,", 1)] + lines[5:]),
        "non-ASCII digit": "".join(lines[:4] + [lines[4].replace(",4.3,", ",٤.3,", 1)] + lines[5:]),
        "huge field": "".join(lines[:2] + [lines[2].replace("Period", "P" * 200_000, 1)] + lines[3:]),
        "short row": "".join(lines[:2] + ["Q02,Part I\n"] + lines[3:]),
        "blank line": "".join(lines[:2] + ["\n"] + lines[2:]),
        "empty file": "",
        "header only": lines[0],
    }
    out = {k: v.encode("utf-8") for k, v in out.items()}
    out["latin-1"] = text.replace("Part I", "Part Ié", 1).encode("latin-1")
    out["utf-16"] = text.encode("utf-16")
    out["binary"] = bytes(range(256)) * 4
    out["BOM (must read correctly)"] = b"\xef\xbb\xbf" + raw
    return out


def _csv_outcome(name: str, data: bytes, folder: Path) -> str | None:
    path = folder / "claims.csv"
    path.write_bytes(data)
    original = gdata.load_claims()
    try:
        got = gdata.load_claims(path)
    except gdata.ClaimsFormatError as err:
        if "BOM" in name:
            return f"BOM rejected: {err}"
        if "line" not in str(err) and "empty" not in str(err) and "no rows" not in str(err):
            return f"message names no line: {err}"
        return None
    except Exception as err:  # noqa: BLE001
        return f"{type(err).__name__}: {str(err)[:80]}"
    if got == original:
        return None
    return "read silently (data differs from the file's)"


HOSTILE = "<!--<script>alert(1)</script>&\u2028\u2029"


def _markup_outcomes():
    """Hostile strings in explorer titles, alt text, model messages and the live panel's message."""
    from lib import controls, explorer

    def rejects(params, **_):
        raise ValueError(HOSTILE)

    def draws(params, **_):
        return plt.figure()

    def frames_block(ex):
        return ex.html.split("data-frames>", 1)[1].split("</script>", 1)[0]

    def script_safe(block):
        return not any(c in block for c in "<>&\u2028\u2029")

    out = []
    ex = explorer.explorer(rejects, bo.Params(), {"sigma": [2.0]})
    out.append(("explorer message", None if script_safe(frames_block(ex)) else "raw markup in frames JSON"))
    ex = explorer.explorer(draws, bo.Params(), {"sigma": [2.0]}, title=HOSTILE, alt=HOSTILE)
    out.append(("explorer alt/title", None if script_safe(frames_block(ex)) else "raw markup in frames JSON"))
    def rejects_moves(params, ax=None, **_):
        if params.sigma != bo.Params().sigma:
            raise ValueError(HOSTILE)
        return bo.fig_1(params, ax=ax)

    box = controls.panel(rejects_moves, bo.Params(), ["sigma"])
    box.controls["sigma"].value = 3.0
    out.append(("panel message", None if "<script>" not in box.message.value else "raw markup in message"))
    plt.close("all")
    return out


def main(verbose: bool = False) -> int:
    counts: dict[str, Counter] = defaultdict(Counter)
    details: list[str] = []

    def record(kind, where, res):
        counts[kind]["calls"] += 1
        if res is not None:
            counts[kind]["bad"] += 1
            details.append(f"[{kind}] {where}: {res}")

    for pkg, cls, run in PARAM_CLASSES:
        for f in dataclasses.fields(cls):
            if not isinstance(f.default, int | float) or isinstance(f.default, bool):
                continue
            for kind, v in VALUES.items():
                def call(cls=cls, f=f, v=v, run=run):
                    return run(cls(**{f.name: v}))
                record(f"param {kind}", f"{pkg}.{cls.__name__}({f.name}={v!r:.30})",
                       outcome(call, kind, DOCUMENTED_NONFINITE.get(pkg, set())))
    for pkg, fn in EDGE_CASES:
        record("param edge combination", pkg, outcome(fn, None, DOCUMENTED_NONFINITE.get(pkg, set())))
    for pkg, name, fn in _extras():
        for kind, v in VALUES.items():
            if kind == "none" and name in NONE_MEANS_DEFAULT:
                continue  # None is the documented "use the parameters' value"
            record(f"extra {kind}", f"{pkg}.{name} v={v!r:.30}", outcome(lambda fn=fn, v=v: fn(v), kind))
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in _corruptions().items():
            record("claims csv", name, _csv_outcome(name, data, Path(tmp)))
        record("claims csv", "directory", outcome(lambda: gdata.load_claims(tmp), None))
        record("claims csv", "missing path", outcome(lambda: gdata.load_claims(Path(tmp) / "nope.csv"), None))

    for where, res in _markup_outcomes():
        record("markup from data", where, res)

    total_calls = sum(c["calls"] for c in counts.values())
    total_bad = sum(c["bad"] for c in counts.values())
    width = max(len(k) for k in counts)
    print(f"{'kind':<{width}}  calls  bad")
    for kind in sorted(counts):
        print(f"{kind:<{width}}  {counts[kind]['calls']:5d}  {counts[kind]['bad']:3d}")
    print(f"{'TOTAL':<{width}}  {total_calls:5d}  {total_bad:3d}")
    if verbose:
        print("\n".join(details))
    return total_bad


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
