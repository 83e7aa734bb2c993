"""Parameters and controls as plain data: the bottom layer of ``lib`` (no UI, no plotting).

A parameter dataclass declares each field with :func:`control`, which stores
the control spec (default, range, step, label, unit) in the field's metadata::

    @dataclass(frozen=True)
    class Params:
        sigma: float = control(4.0, 1.5, 10.0, 0.1, "σ", doc="elasticity of substitution")

        def __post_init__(self):
            require_real(self)
            validate([(self.sigma > 1, "σ must exceed 1 (CES demand)")])

Controls that are not model parameters (the running variable ``phi``, a
toggle, a preset) are :class:`Control` objects.  The caption text
(:func:`lib.figures.format_params`), the kernel-free explorer (:mod:`lib.explorer`) and the
live panel (:mod:`lib.controls`) all read these specs; :func:`reader_moves` is the reader's
session the tests and benchmarks drive the panels through.  The validation helpers
(:func:`as_real`, :func:`as_real_array`, :func:`require_real`, :func:`require_finite`,
:func:`validate`) are the one path every model's input takes.

This module imports neither ipywidgets nor matplotlib, so every ``model.py`` can build on it
(``tests/test_layers.py`` checks that importing a model package loads no UI and no plotting).
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Control", "control", "validate", "as_real", "as_real_array", "require_real", "require_finite",
           "specs", "spec_for", "split_values", "safe_call", "safe_draw", "SUPPORTED_MAGNITUDE",
           "reader_moves"]


@dataclass(frozen=True)
class Control:
    """Spec of one control.

    Parameters
    ----------
    default : float, int, bool or str
        Initial value (and the value *reset* returns to).
    lo, hi, step : float, optional
        Slider range and step (numeric controls).
    label : str
        Short symbol or name shown to the reader, e.g. ``"σ"``.
    unit : str
        Unit shown after the label (``""`` for pure numbers).
    doc : str
        One-line description (tooltip).
    options : sequence, optional
        Choices for a dropdown; ``default`` must be one of them.
    """

    default: Any
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    label: str = ""
    unit: str = ""
    doc: str = ""
    options: tuple | None = None

    def __post_init__(self):
        if self.options is not None:
            object.__setattr__(self, "options", tuple(self.options))
            if self.default not in self.options:
                raise ValueError(f"default {self.default!r} is not one of the options {self.options}")
        elif isinstance(self.default, bool):
            pass
        elif isinstance(self.default, int | float):
            if self.lo is None or self.hi is None:
                raise ValueError("a numeric control needs lo and hi")
            if not self.lo <= self.default <= self.hi:
                raise ValueError(f"default {self.default} outside the control range [{self.lo}, {self.hi}]")
        else:
            raise ValueError(f"unsupported control default {self.default!r}")

    @property
    def kind(self) -> str:
        if self.options is not None:
            return "dropdown"
        if isinstance(self.default, bool):
            return "checkbox"
        if isinstance(self.default, int) and (self.step is None or float(self.step).is_integer()):
            return "int"
        return "float"

    @property
    def description(self) -> str:
        """Label with its unit, e.g. ``"τ (ad valorem)"``."""
        name = self.label or "?"
        return f"{name} ({self.unit})" if self.unit else name

    def check(self, value) -> None:
        """Raise ``ValueError`` if ``value`` is outside what this control allows."""
        if self.kind == "dropdown":
            if value not in self.options:
                raise ValueError(f"{self.label}: {value!r} is not one of {self.options}")
        elif self.kind == "checkbox":
            if not isinstance(value, bool):
                raise ValueError(f"{self.label}: expected True or False, got {value!r}")
        elif not (self.lo <= as_real(value, self.label or "value") <= self.hi):
            raise ValueError(f"{self.label} = {value} is outside the control range [{self.lo}, {self.hi}]")


def control(default, lo=None, hi=None, step=None, label="", unit="", doc="", options=None):
    """A dataclass ``field`` carrying its :class:`Control` spec in ``metadata``."""
    spec = Control(default, lo, hi, step, label, unit, doc, options)
    return field(default=default, metadata={"control": spec, "label": label, "unit": unit, "doc": doc})


#: The magnitudes the book's models are solved for: a parameter is 0 or between these (in
#: absolute value).  Beyond them double precision cannot be trusted to give finite answers.
SUPPORTED_MAGNITUDE = (1e-12, 1e12)


def as_real(value, name: str = "value") -> float:
    """``value`` as a finite ``float``, or ``ValueError`` naming ``name`` and what is wrong.

    The one validation path for every public numerical argument of the book's models:
    any real number (``int``, ``float``, :class:`fractions.Fraction`, numpy scalars) becomes a
    ``float``; a bool, a string, ``None`` or any other non-number, a NaN, an infinity or an
    integer too large for a float raises ``ValueError`` (never ``TypeError``).
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "fiu":
            return as_real(value.item(), name)
        raise ValueError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    try:
        out = float(value)
    except (OverflowError, ValueError, TypeError):
        raise ValueError(f"{name} = {value!r:.40} is too large for a float") from None
    if not math.isfinite(out):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return out


def as_real_array(value, name: str = "value", lo: float | None = None, hi: float | None = None, *,
                  lo_open: bool = False, hi_open: bool = False, why: str = "") -> np.ndarray:
    """``value`` (a real number or an array_like of them) as a float array of finite numbers.

    Same promise as :func:`as_real`: anything else is a ``ValueError`` naming ``name``.  With
    ``lo``/``hi``, every value must also lie in that interval (closed unless ``lo_open`` /
    ``hi_open``); the message names the interval and ``why`` (e.g. "a share").
    """
    if isinstance(value, numbers.Real) or value is None or isinstance(value, str | bytes):
        arr = np.asarray(as_real(value, name))
    elif isinstance(value, np.ndarray) and value.dtype.kind in "fiu":
        arr = value.astype(float)
    else:
        try:
            arr = np.asarray([as_real(v, name) for v in np.asarray(value, dtype=object).ravel()],
                             dtype=float).reshape(np.shape(value))
        except (TypeError, ValueError) as err:
            raise ValueError(str(err) if str(err).startswith(name) else
                             f"{name} must be real numbers, got {value!r:.60}") from None
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite numbers, got {arr[~np.isfinite(arr)].ravel()[0]}")
    if lo is not None or hi is not None:
        low = -np.inf if lo is None else lo
        high = np.inf if hi is None else hi
        ok = (arr > low if lo_open else arr >= low) & (arr < high if hi_open else arr <= high)
        if not np.all(ok):
            interval = (("(" if lo_open else "[") + f"{low:g}, {high:g}" + (")" if hi_open else "]"))
            raise ValueError(f"{name} = {arr[~ok].ravel()[0]:g} must lie in {interval}"
                             + (f" ({why})" if why else ""))
    return arr


def require_real(params, names: Sequence[str] | None = None, magnitude=SUPPORTED_MAGNITUDE) -> None:
    """Check and convert the numeric fields of a (frozen) parameter dataclass.

    Each named field must be a finite real number (:func:`as_real`); it is stored back as a
    ``float``.  The models are solved in double precision, and far outside the following range
    their answers are not finite numbers, so it is the supported numerical range of every
    parameter (``magnitude``, default :data:`SUPPORTED_MAGNITUDE`; ``None`` for no bound):

    * ``|value| <= magnitude[1]``;
    * a field whose control range lies above zero (a positive parameter) is ``0`` or at least
      ``magnitude[0]`` (``0`` is then left to the class's own conditions).

    ``names`` defaults to every field whose default is a number (not a bool or a string).  Each
    parameter dataclass calls this first in ``__post_init__``, so its own conditions compare
    floats and a NaN never slips through a comparison.

    Raises
    ------
    ValueError
        Naming the first offending field and the condition.
    """
    fields = {f.name: f for f in dataclasses.fields(params)}
    if names is None:
        names = [n for n, f in fields.items()
                 if isinstance(f.default, int | float) and not isinstance(f.default, bool)]
    for name in names:
        v = as_real(getattr(params, name), name)
        if magnitude is not None:
            lo, hi = magnitude
            spec = fields[name].metadata.get("control") if name in fields else None
            positive = spec is not None and spec.lo is not None and spec.lo > 0
            if abs(v) > hi or (positive and 0 < abs(v) < lo):
                need = (f"0 or between {lo:g} and {hi:g} in absolute value" if positive
                        else f"at most {hi:g} in absolute value")
                raise ValueError(f"{name} = {v:g} is outside the supported numerical range: "
                                 f"it must be {need}")
        object.__setattr__(params, name, v)


def require_finite(values: Mapping[str, Any], what: str = "the result", allowed=()) -> None:
    """Raise ``ValueError`` if a number in ``values`` (floats or arrays) is NaN or infinite.

    The last line of the promise "finite or ``ValueError``": a model that reaches the edge of
    double precision says so instead of returning NaN.  ``allowed`` names keys documented as
    possibly non-finite.
    """
    bad = [k for k, v in values.items() if k not in allowed
           and not np.all(np.isfinite(np.asarray(v, dtype=float)))]
    if bad:
        raise ValueError(f"{what} is not finite ({', '.join(bad)}) at these parameters: they are "
                         "outside the range the model can be solved for in double precision")


def validate(checks: Sequence[tuple[bool, str]]) -> None:
    """Raise ``ValueError`` with the message of the first ``(condition, message)`` that fails.

    The house way for a parameter class to state its paper's conditions: one table, read top to
    bottom, after :func:`require_real`::

        def __post_init__(self):
            require_real(self)
            validate([
                (self.sigma > 1, "σ must exceed 1 (CES demand)"),
                (self.beta > 1, "β = κ/(σ−1) must exceed 1 (regularity)"),
            ])

    Examples
    --------
    >>> validate([(1 > 0, "fine"), (2 < 1, "2 must be below 1")])
    Traceback (most recent call last):
    ...
    ValueError: 2 must be below 1
    """
    for ok, message in checks:
        if not ok:
            raise ValueError(message)


def specs(params_or_cls) -> dict[str, Control]:
    """The control specs of a parameter dataclass (instance or class), by field name."""
    return {
        f.name: f.metadata["control"]
        for f in dataclasses.fields(params_or_cls)
        if "control" in f.metadata
    }


def spec_for(name: str, params=None, extras: Mapping[str, Control] | None = None) -> Control:
    """The spec of ``name``: an extra control, or a field of ``params``."""
    if extras and name in extras:
        return extras[name]
    if params is not None:
        found = specs(params)
        if name in found:
            return found[name]
    raise KeyError(f"no control named {name!r}")


def split_values(params, values: Mapping[str, Any], extras: Mapping[str, Control] | None = None):
    """Split control values into ``(params with fields replaced, extras dict)``.

    Raises ``ValueError`` (the model's own message) if the parameter dataclass
    rejects the combination.
    """
    extras = extras or {}
    field_names = {f.name for f in dataclasses.fields(params)}
    updates = {k: v for k, v in values.items() if k in field_names}
    rest = {k: v for k, v in values.items() if k in extras}
    unknown = set(values) - field_names - set(extras)
    if unknown:
        raise KeyError(f"unknown controls: {sorted(unknown)}")
    new = dataclasses.replace(params, **updates) if updates else params
    return new, {**{k: c.default for k, c in extras.items()}, **rest}


def safe_call(fn: Callable, params, values: Mapping[str, Any], extras=None):
    """Call ``fn(params with values, **extra values)`` or explain: ``(result, None)`` or ``(None, message)``.

    Each value is first checked against its control's range.  ``ValueError`` carries the
    model's message (a violated condition); any other exception is reported as an unexpected
    failure, still as a message: a reader never sees a traceback.
    """
    try:
        for name, value in values.items():
            spec_for(name, params, extras).check(value)
        p, ex = split_values(params, values, extras)
        return fn(p, **ex), None
    except ValueError as err:
        return None, f"Not admissible: {err}"
    except Exception as err:  # noqa: BLE001 - a reader must never see a traceback
        return None, f"Could not draw this combination ({type(err).__name__}: {err})"


def safe_draw(draw: Callable, params, values: Mapping[str, Any], extras=None):
    """Draw or explain: ``(figure, None)`` or ``(None, message)`` (see :func:`safe_call`)."""
    return safe_call(draw, params, values, extras)


def reader_moves(params, controls=None, extras=None, points: int = 9):
    """A reader's session with a panel: each control in turn swept over its range, then set back.

    Numeric controls take ``points`` evenly spaced values across their range, dropdowns each
    option, checkboxes the other value.  Yields ``(params, extra_values, label)`` for every step
    the model admits (the panel would show a message for the others and keep the figure).
    Used by the tests (a live figure after any such session has the pixels of a fresh one) and
    by the benchmarks (the median update over a session).
    """
    extras = dict(extras or {})
    names = list(controls) if controls is not None else list(specs(params))
    names += [k for k in extras if k not in names]
    start = {n: (extras[n].default if n in extras else getattr(params, n)) for n in names}
    for name in names:
        spec = spec_for(name, params, extras)
        if spec.kind == "dropdown":
            values = list(spec.options)
        elif spec.kind == "checkbox":
            values = [not start[name]]
        else:
            values = np.linspace(spec.lo, spec.hi, points).tolist()
            if spec.kind == "int":
                values = sorted({int(round(v)) for v in values})
        for v in [*values, start[name]]:
            try:
                p, ex = split_values(params, {**start, name: v}, extras)
            except ValueError:
                continue
            yield p, ex, f"{name}={v:.4g}" if isinstance(v, float) else f"{name}={v}"
