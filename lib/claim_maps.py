"""Claim maps: where each paper's claim holds over the admissible parameter space.

A replication verdict ("replicated", "partial", "differs") is a statement about one point or
about the whole space.  A *claim map* shows the whole picture: over the two parameters that
matter most, where the claim holds, where it fails and where the model has no admissible
equilibrium, with the chapter's defaults (and the paper's own example, where it has one)
marked.  A *share* gives one number: the share of the admissible parameter space where the
claim holds.

Every claim is **one declaration**, a :class:`ClaimMap`, in its paper's ``checks`` module
(``CLAIM_MAPS``).  Its ``margin`` is the claim's one vectorised predicate: it takes the
parameters as broadcastable arrays (keyword arguments named like the fields of the paper's
parameter dataclass) and returns an array whose sign is the verdict -- positive where the
claim holds, zero or negative where it fails, ``nan`` where the model has no admissible
equilibrium.  The chapter's map, the share, the atlas page and the tests all call that one
function.

Shares are computed on a fixed-seed uniform sample over the documented control ranges of the
claim's parameters (the ranges of the sliders, :func:`lib.controls.specs`), restricted to the
admissible points; maps on a regular grid.  Both are deterministic.
"""

from __future__ import annotations

import dataclasses
import textwrap
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from . import params as _controls
from . import registry as _registry

#: Size of the share sample (uniform draws over the control box, before admissibility).
SHARE_POINTS = 40_000
#: Seed of the share sample (issue 16); the tests draw their Monte Carlo check with another.
SHARE_SEED = 16
#: Grid of a static map (``MAP_N x MAP_N`` points) and of an explorer frame.
MAP_N = 200
FRAME_N = 120

#: Colours of the three verdicts (colour-blind safe: blue / orange / grey).
VERDICT_COLORS = {"holds": "#4a7fb5", "fails": "#e08a2c", "none": "#d9d9d9"}



@dataclass(frozen=True)
class ClaimMap:
    """One claim of a paper, mapped over its parameter space.

    Parameters
    ----------
    paper : str
        Paper key (``"bo"``, ``"schiff"``, ``"fas"``, ``"gordon"``).
    slug : str
        Short name; the map's figure label is ``fig-<paper>-map-<slug>``.
    item : str
        The registry id of the claim (``"Result 5 (North, DD)"``).
    title : str
        What "holds" means, in a few words (the map's title and the atlas row).
    margin : callable
        The claim's vectorised predicate ``margin(**params) -> array``: > 0 holds, <= 0 fails,
        ``nan`` no admissible equilibrium.
    params : dataclass instance
        The chapter's defaults; its fields' controls give the documented ranges.
    x, y : str
        The two parameters of the map (field names of ``params``).
    z : str, optional
        A third parameter for the kernel-free explorer.
    z_values : tuple, optional
        The explorer's values of ``z``.
    names : tuple of str, optional
        The parameters the share samples (default: every field of ``params`` with a control);
        the others stay at ``params``.
    example : mapping, optional
        The paper's own example (field -> value), marked on the map.
    fixed : mapping, optional
        Values of other fields at which the map is drawn, if not the defaults.
    why : str
        Why ``x`` and ``y`` are the two parameters that matter most (shown in the chapter).
    grade : str
        The registry grade of the claim when it was mapped (a fallback: tables show the
        registry's current grade, :func:`grade`).
    proved : bool
        True if the paper proves the claim in general (under its stated conditions): its map
        must show no failures (a test checks it).
    ranges : mapping, optional
        Ranges that replace a control's range for sampling and mapping (name -> (lo, hi)).
    none_label : str
        What a ``nan`` margin means for this claim (the map's grey), by default
        "no admissible equilibrium".
    """

    paper: str
    slug: str
    item: str
    title: str
    margin: Callable[..., np.ndarray]
    params: object
    x: str
    y: str
    z: str | None = None
    z_values: tuple = ()
    names: tuple | None = None
    example: Mapping | None = None
    fixed: Mapping | None = None
    why: str = ""
    grade: str = ""
    proved: bool = False
    ranges: Mapping = field(default_factory=dict)
    none_label: str = "no admissible equilibrium"

    def __post_init__(self):
        fields = _controls.specs(self.params)
        for n in (self.x, self.y, *((self.z,) if self.z else ()), *(self.names or ())):
            if n not in fields:
                raise ValueError(f"{self.label}: {n!r} is not a parameter with a control range")
        if self.x == self.y:
            raise ValueError(f"{self.label}: the two axes must differ")

    @property
    def label(self) -> str:
        """The static map's figure label, ``fig-<paper>-map-<slug>``."""
        return f"fig-{self.paper}-map-{self.slug}"

    @property
    def sampled(self) -> tuple:
        """The parameters drawn for the share."""
        return tuple(self.names or _controls.specs(self.params))

    def range_of(self, name: str) -> tuple[float, float]:
        """The documented range of ``name`` (its control's, unless overridden)."""
        if name in self.ranges:
            return tuple(map(float, self.ranges[name]))
        spec = _controls.specs(self.params)[name]
        return float(spec.lo), float(spec.hi)

    def base(self, params=None, **override) -> dict:
        """Field values of ``params`` (default: the chapter's), with ``fixed`` and ``override``."""
        p = params if params is not None else self.params
        out = {f.name: getattr(p, f.name) for f in dataclasses.fields(p)}
        out.update(self.fixed or {})
        out.update(override)
        return out

    def evaluate(self, **values) -> np.ndarray:
        """The margin at ``values`` (missing fields at the chapter's values)."""
        kw = self.base()
        kw.update(values)
        shape = np.broadcast_shapes(*(np.shape(v) for v in kw.values()))
        kw = {k: (np.broadcast_to(np.asarray(v, dtype=float), shape) if isinstance(v, int | float | np.ndarray)
                  and not isinstance(v, bool) else v) for k, v in kw.items()}
        with np.errstate(all="ignore"):
            return np.asarray(self.margin(**kw), dtype=float)

    def verdict(self, params=None) -> str:
        """``"holds"``, ``"fails"`` or ``"none"`` at ``params`` (default: the chapter's)."""
        p = params if params is not None else self.params
        m = float(self.evaluate(**{f.name: getattr(p, f.name) for f in dataclasses.fields(p)}))
        return "none" if np.isnan(m) else ("holds" if m > 0 else "fails")

    @property
    def figure_function(self):
        """The function that draws the map (:func:`fig_map`): how a record says to redraw it."""
        return fig_map

    def fixed_text(self, params=None) -> str:
        """The values of the parameters held fixed on the map (:func:`fixed_text`)."""
        return fixed_text(self, params)


# ---------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------
def collect(papers=None) -> list[ClaimMap]:
    """Every declared claim map (of ``papers``, default all), in paper order.

    Each paper package declares its maps in ``checks.CLAIM_MAPS``; the registry finds them
    (:func:`lib.registry.claim_maps`), as it finds the papers.
    """
    return _registry.claim_maps(papers)


def get(label: str) -> ClaimMap:
    """The claim map with figure label ``label``."""
    return _registry.claim_map(label)


# ---------------------------------------------------------------------------
# Shares
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Share:
    """Share of the admissible sample where a claim holds.

    Attributes
    ----------
    share : float
        Holds / admissible (``nan`` if no point is admissible).
    holds, admissible, points : int
        Counts: points where it holds, admissible points, points drawn.
    se : float
        Binomial standard error of ``share``.
    seconds : float
        Wall time of the computation.
    """

    share: float
    holds: int
    admissible: int
    points: int
    se: float
    seconds: float

    def text(self) -> str:
        """``"holds in 18.3 % of the admissible space (7,312 of 40,000 draws admissible)"``."""
        if self.admissible == 0:
            return f"no admissible point among {self.points:,} draws"
        return (f"holds in {100 * self.share:.1f} % of the admissible space (± {100 * self.se:.1f}; "
                f"{self.admissible:,} admissible of {self.points:,} uniform draws)")


def sample(cm: ClaimMap, n: int = SHARE_POINTS, seed: int = SHARE_SEED) -> dict[str, np.ndarray]:
    """``n`` uniform draws over the documented ranges of ``cm.sampled`` (others at ``cm.base()``)."""
    rng = np.random.default_rng(seed)
    vals = {}
    for name in cm.sampled:
        lo, hi = cm.range_of(name)
        vals[name] = rng.uniform(lo, hi, n)
    return vals


def share_of(margin: np.ndarray, seconds: float = float("nan")) -> Share:
    """Summarise a margin array as a :class:`Share`."""
    m = np.asarray(margin, dtype=float).ravel()
    adm = ~np.isnan(m)
    k, n = int(np.sum(m[adm] > 0)), int(adm.sum())
    p = k / n if n else float("nan")
    se = float(np.sqrt(p * (1 - p) / n)) if n else float("nan")
    return Share(p, k, n, m.size, se, seconds)


def compute_share(cm: ClaimMap, n: int = SHARE_POINTS, seed: int = SHARE_SEED) -> Share:
    """The share of ``n`` fixed-seed uniform draws (admissible ones) where ``cm`` holds."""
    t0 = time.perf_counter()
    m = cm.evaluate(**sample(cm, n, seed))
    return share_of(m, time.perf_counter() - t0)


def _source_key(cm: ClaimMap, n: int, seed: int) -> str:
    """A hash of everything a share depends on: this module, the claim's package sources, n, seed."""
    import hashlib
    import inspect
    from pathlib import Path

    pkg = Path(inspect.getfile(cm.margin)).parent
    h = hashlib.sha256(f"{cm.label}|{n}|{seed}".encode())
    for f in (Path(__file__), *sorted(pkg.glob("*.py"))):
        h.update(f.read_bytes())
    return h.hexdigest()


@cache
def share(label: str) -> Share:
    """The book's share of claim map ``label``: computed once per build.

    The chapters, the atlas and the replication-status page run in separate kernels, so the
    result is also kept beside the exported figures (``<export folder>/.claim_shares/<label>.json``,
    :func:`lib.figures.export_folder`) under a hash of the sources it depends on
    (:func:`_source_key`); a changed model or predicate is recomputed.
    """
    import json

    from .figures import export_folder

    cm = get(label)
    key = _source_key(cm, SHARE_POINTS, SHARE_SEED)
    path = export_folder() / ".claim_shares" / f"{label}.json"
    try:
        data = json.loads(path.read_text())
        if data.get("key") == key:
            return Share(**data["share"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    s = compute_share(cm)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"key": key, "share": dataclasses.asdict(s)}))
        tmp.replace(path)
    except OSError:  # pragma: no cover - a read-only checkout: no cache, same numbers
        pass
    return s


# ---------------------------------------------------------------------------
# Maps
# ---------------------------------------------------------------------------
def grid(cm: ClaimMap, params=None, n: int = MAP_N, **override):
    """``(xs, ys, margin)`` on an ``n x (n+1)`` grid of the map's two parameters.

    The other parameters are those of ``params`` (default: the chapter's), with ``cm.fixed``
    and ``override`` applied (not validated: the margin marks inadmissible points).
    """
    xs = np.linspace(*cm.range_of(cm.x), n)
    ys = np.linspace(*cm.range_of(cm.y), n + 1)  # not n: no grid point where x and y coincide by accident
    kw = cm.base(params, **override)
    kw[cm.x], kw[cm.y] = xs[None, :], ys[:, None]
    return xs, ys, cm.evaluate(**kw)


def codes(margin: np.ndarray) -> np.ndarray:
    """0 = no admissible equilibrium, 1 = fails, 2 = holds."""
    m = np.asarray(margin, dtype=float)
    return np.where(np.isnan(m), 0, np.where(m > 0, 2, 1))


def _label(cm: ClaimMap, name: str) -> str:
    spec = _controls.specs(cm.params)[name]
    return spec.label + (f" ({spec.unit})" if spec.unit else "")


def fig_map(cm: ClaimMap, params=None, ax=None, n: int = MAP_N, **override):
    """Draw the claim map: holds / fails / no admissible equilibrium over ``(cm.x, cm.y)``.

    The chapter's defaults are marked with a black cross, the paper's own example (if any)
    with a white diamond.  The legend sits under the axes on a white background.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .figures import new_axes

    fig, ax = new_axes(ax, figsize=(6.4, 4.8))
    xs, ys, m = grid(cm, params, n, **override)
    c = codes(m)
    cmap = ListedColormap([VERDICT_COLORS["none"], VERDICT_COLORS["fails"], VERDICT_COLORS["holds"]])
    dx, dy = (xs[1] - xs[0]) / 2, (ys[1] - ys[0]) / 2
    ax.imshow(c, origin="lower", cmap=cmap, vmin=0, vmax=2, aspect="auto", interpolation="nearest",
              extent=(xs[0] - dx, xs[-1] + dx, ys[0] - dy, ys[-1] + dy))
    ax.grid(False)
    base = cm.base(params, **override)
    handles = [Patch(facecolor=VERDICT_COLORS["holds"], label="claim holds"),
               Patch(facecolor=VERDICT_COLORS["fails"], label="claim fails"),
               Patch(facecolor=VERDICT_COLORS["none"], label=cm.none_label)]
    ax.plot([base[cm.x]], [base[cm.y]], marker="X", ms=10, color="black", mec="white", mew=1.2,
            ls="none", clip_on=False)
    handles.append(Line2D([], [], marker="X", ms=9, color="black", mec="white", ls="none",
                          label="chapter's defaults"))
    if cm.example:
        ex = {**base, **cm.example}
        ax.plot([ex[cm.x]], [ex[cm.y]], marker="D", ms=8, color="white", mec="black", mew=1.4,
                ls="none", clip_on=False)
        handles.append(Line2D([], [], marker="D", ms=7, color="white", mec="black", ls="none",
                              label="paper's example"))
    ax.set_xlim(xs[0] - dx, xs[-1] + dx)
    ax.set_ylim(ys[0] - dy, ys[-1] + dy)
    ax.set_xlabel(_label(cm, cm.x))
    ax.set_ylabel(_label(cm, cm.y))
    k = codes(m)
    adm = np.sum(k > 0)
    on = f"{100 * np.sum(k == 2) / adm:.0f} % of this slice's admissible points" if adm else "no admissible point"
    head = textwrap.wrap(f"Where it holds: {cm.title}", 70)
    ax.set_title("\n".join([*head, f"(book's map; holds on {on})"]), fontsize=10)
    wide = max(len(h.get_label()) for h in handles) > 26
    fig.subplots_adjust(left=0.11, right=0.97, top=0.86 - 0.045 * (len(head) - 1),
                        bottom=0.31 if wide else 0.27)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2 if wide else 3,
              frameon=True, facecolor="white", framealpha=1.0, edgecolor="#bbbbbb", fontsize=9)
    return fig


def fixed_text(cm: ClaimMap, params=None) -> str:
    """The values of the parameters held fixed on the map (for the caption)."""
    from .figures import format_params

    p = params if params is not None else cm.params
    if cm.fixed:
        p = dataclasses.replace(p, **cm.fixed)
    names = [f.name for f in dataclasses.fields(p) if f.name not in (cm.x, cm.y)]
    return format_params(p, names=names)


def export_map(cm: ClaimMap, params=None, folder=None) -> None:
    """Draw the static map and publish it (:func:`lib.figures.publish`: SVG, PNG, record, ``-params``).

    ``params`` marks the chapter's values on the map (default ``cm.params``); ``folder`` is where to
    write (default :func:`lib.figures.export_folder`).  The one drawing-and-exporting step of a
    map: the chapter's :func:`figure` and :func:`lib.chapter.export_all` both call it.
    """
    from .figures import publish

    publish(fig_map(cm, params), cm.label, params=params, folder=folder,
            parameters_text=fixed_text(cm, params))


def publish_map(cm: ClaimMap, params=None):
    """Draw, export (SVG + PNG) and glue the static map, its fixed values and its share.

    Exports the map (:func:`export_map`; the chapter's ``{figure}`` shows the SVG) and glues
    ``<label>-params`` (values held fixed),
    ``<label>-share`` (the share sentence), ``<label>-why`` (why these two parameters) and
    ``<label>-verdict`` (the verdict at the defaults).
    """
    from .figures import _Text, glue

    export_map(cm, params)  # glues <label>-params (once: a second glue of a key is a build warning)
    glue(f"{cm.label}-share", _Text(share(cm.label).text()), display=False)
    glue(f"{cm.label}-why", _Text(cm.why), display=False)
    glue(f"{cm.label}-verdict", _Text({"holds": "holds", "fails": "fails",
                                        "none": "has no admissible equilibrium"}[cm.verdict(params)]),
         display=False)


def explore_map(cm: ClaimMap, params=None):
    """A kernel-free explorer of the map over ``cm.z`` (frames at ``cm.z_values``)."""
    from .explorer import explorer

    if not cm.z:
        raise ValueError(f"{cm.label} declares no third parameter to explore")
    spec = _controls.specs(cm.params)[cm.z]
    p = params if params is not None else cm.params
    default = min(cm.z_values, key=lambda v: abs(v - getattr(p, cm.z)))
    extra = {"z": _controls.Control(float(default), float(min(cm.z_values)), float(max(cm.z_values)),
                                    None, spec.label, spec.unit, spec.doc)}

    def draw(params, z):
        return fig_map(cm, params, n=FRAME_N, **{cm.z: z})

    draw.__name__ = f"map_{cm.slug.replace('-', '_')}"
    return explorer(draw, p, grid={"z": list(cm.z_values)}, extras=extra,
                    title=f"Figure {_registry.figure_number(cm.label)} at other values of {spec.label}",
                    alt=f"Claim map of {cm.item}: {cm.title}")


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def grade(cm: ClaimMap) -> str:
    """The claim's grade as the registry has it now (one source for every table)."""
    from . import registry

    for it in registry.collect([cm.paper]):
        if it.id == cm.item:
            return it.status
    return cm.grade


def atlas_markdown(papers=None, thumb_px: int = 180) -> str:
    """The atlas table: paper, claim and grade, what holds, share, points and a linked thumbnail.

    The thumbnail is the map's exported PNG (written by its chapter, :func:`publish_map`).
    """
    from . import registry, tables
    from .figures import export, export_folder

    rows = []
    for cm in collect(papers):
        s = share(cm.label)
        chapter = registry.PAPERS[cm.paper][1]
        if not (export_folder() / f"{cm.label}.png").is_file():
            # Sphinx reads the pages in name order, so on a fresh build the atlas comes before the
            # chapters whose maps it shows: draw the thumbnail's file now (the chapter's publish_map
            # rewrites it, and its record, when it runs).
            fig = fig_map(cm)
            export(fig, cm.label, parameters_text=fixed_text(cm))
            import matplotlib.pyplot as plt

            plt.close(fig)
        # no-scaled-link: Sphinx would otherwise wrap the sized image in a link of its own, nested
        # inside this one, leaving this link empty for screen readers (axe-core: link-name, serious).
        img = (f'<a href="{chapter}.html#{cm.label}"><img class="no-scaled-link" '
               f'src="../_static/figures/{cm.label}.png" '
               f'width="{thumb_px}" alt="Thumbnail of the map of {cm.item}"></a>')
        rows.append([f"{{doc}}`{registry.PAPERS[cm.paper][2]} <{chapter}>`", f"{cm.item} ({grade(cm)})",
                     cm.title, f"**{100 * s.share:.1f} %** ± {100 * s.se:.1f}" if s.admissible else "–",
                     f"{s.admissible:,} / {s.points:,}", f"{{numref}}`{cm.label}`", img])
    return tables.markdown_table(["Paper", "Claim (grade)", "Holds where…", "Share", "Admissible / drawn",
                                  "Map", "Thumbnail"], rows)


def shares_markdown(papers=None, link: bool = True) -> str:
    """A Markdown table: paper, claim, grade, what holds, share, points, map (cross-reference)."""
    from . import registry, tables

    rows = []
    for cm in collect(papers):
        s = share(cm.label)
        rows.append([registry.PAPERS[cm.paper][2], cm.item, cm.title,
                     f"{100 * s.share:.1f} % ± {100 * s.se:.1f}" if s.admissible else "–",
                     f"{s.admissible:,} / {s.points:,}",
                     f"{{numref}}`{cm.label}`" if link else cm.label])
    return tables.markdown_table(["Paper", "Claim", "Holds where…", "Share", "Admissible / drawn",
                                  "Map"], rows)


def key_numbers(paper: str) -> tuple[dict, dict]:
    """``(values, meanings)`` of the paper's claim shares, for its key-numbers table."""
    vals, docs = {}, {}
    for cm in collect([paper]):
        s = share(cm.label)
        key = f"share_{cm.slug.replace('-', '_')}"
        vals[key] = s.share
        docs[key] = (f"share of the admissible space where {cm.item} holds ({cm.title}; "
                     f"{s.admissible:,} admissible uniform draws)")
    return vals, docs


def key_number_rows(paper: str, fmt: str = "{:.4g}") -> str:
    """The rows of :func:`key_numbers` (``| `key` | value | meaning |``), to append to a
    chapter's key-numbers table made by :func:`lib.tables.results_markdown`."""
    from . import tables

    vals, docs = key_numbers(paper)
    return "\n".join(tables.results_markdown(vals, docs, fmt).splitlines()[2:])


def figure(label: str, params=None):
    """A chapter's one call per claim map (as :func:`lib.chapter.figure` for the paper's figures).

    Publishes the static map (:func:`publish_map`: SVG + PNG, its caption values, share, verdict and
    why-text glued) and returns its kernel-free explorer over the third parameter
    (:func:`explore_map`), or an empty display if the map declares none.
    """
    cm = get(label)
    publish_map(cm, params)
    if cm.z:
        return explore_map(cm, params)
    from IPython.display import HTML

    return HTML("")
