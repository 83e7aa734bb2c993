"""How often a live panel's reader meets a rejection: random slider positions, before and after bounding.

*Before* (fixed slider ranges): every control set at random on its own range (uniform on its step
grid; dropdowns and toggles at random), independently of the others; the share of these
combinations the model rejects (its parameter class's validation).

*After* (each numeric slider bounded by the others, as :func:`lib.controls.panel` does with
:func:`lib.controls.admissible_range`): a reader's session of random moves from the chapter's
values, each move putting one control at a random position of its *current* track; the share of
moves the model rejects.  On a subsample both are also drawn, to count failures that only the
figure function detects.

Run: ``python benchmarks/admissible_controls.py [label ...]`` (prints a table; no assertions).
"""

from __future__ import annotations

import random
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from lib import controls, registry  # noqa: E402

PANELS = controls.live_panels(registry.figure_specs())
N = 2000      # random combinations / moves per panel
DRAWN = 20    # of which drawn (the figure function may reject what validation admits)


def _grid_value(spec, u):
    step = spec.step or (spec.hi - spec.lo) / 100
    k = round(u * (spec.hi - spec.lo) / step)
    v = min(spec.hi, spec.lo + k * step)
    return int(round(v)) if spec.kind == "int" else v


def _names(spec):
    names = list(spec.controls if spec.controls is not None else controls.specs(spec.params))
    return names + [k for k in spec.extras if k not in names]


def _rejected(spec, values, draw):
    try:
        p, ex = controls.split_values(spec.params, values, spec.extras)
        if draw:
            plt.close(spec.draw(p, **ex))
    except ValueError:
        return True
    return False


def before(spec, rng):
    names = _names(spec)
    specs = {n: controls.spec_for(n, spec.params, spec.extras) for n in names}
    bad = 0
    for i in range(N):
        values = {}
        for n, c in specs.items():
            if c.kind in ("float", "int"):
                values[n] = _grid_value(c, rng.random())
            elif c.kind == "dropdown":
                values[n] = rng.choice(c.options)
            else:
                values[n] = rng.random() < 0.5
        bad += _rejected(spec, values, draw=i < DRAWN)
    return bad / N


def after(spec, rng):
    names = _names(spec)
    specs = {n: controls.spec_for(n, spec.params, spec.extras) for n in names}
    fields = set(controls.specs(spec.params))
    values = {n: (c.default if n in spec.extras else getattr(spec.params, n)) for n, c in specs.items()}
    bad = 0
    for i in range(N):
        n = rng.choice(names)
        c = specs[n]
        if c.kind in ("float", "int"):
            lo, hi = ((controls.admissible_range(spec.params, values, n, spec.extras)) if n in fields
                      else (c.lo, c.hi))
            bounded = controls.Control(min(max(values[n], lo), hi), lo, hi, c.step, c.label)
            v = _grid_value(bounded, rng.random()) if hi > lo else lo
        elif c.kind == "dropdown":
            v = rng.choice(c.options)
        else:
            v = not values[n]
        trial = {**values, n: v}
        if _rejected(spec, trial, draw=i < DRAWN):
            bad += 1
        else:
            values = trial
    return bad / N


def main(labels):
    rng = random.Random(11)
    print(f"{'panel':16s} {'rejected before':>16s} {'rejected after':>15s}")
    for label in labels or PANELS:
        spec = PANELS[label]
        b, a = before(spec, rng), after(spec, rng)
        print(f"{label:16s} {b:16.1%} {a:15.1%}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
