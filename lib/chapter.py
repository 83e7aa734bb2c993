"""One call per figure in a chapter: the numbered static figure, its explorers and its live panel.

A chapter shows a figure with a Markdown cell (the prose and MyST's ``{figure}`` directive of the
exported ``../_static/figures/<label>.svg`` with its caption, which MyST must read as Markdown:
the numbered figure in the book and in JupyterLab alike, :mod:`lib.figures`) and one code cell::

    chapter.figure("fig-bo-1")

which reads the figure's :class:`lib.contract.FigureSpec` (declared in the paper's
``figures.py``) and

1. draws the numbered figure at the declared parameters, exports it and glues its caption text
   (:func:`lib.figures.publish`: SVG + PNG, ``<label>-params``);
2. shows its kernel-free explorers (:func:`lib.explorer.explorer`, frames computed while the book
   is built);
3. shows its live panel (:class:`lib.controls.LivePanel`) when the notebook runs in Jupyter or
   Binder.  In the book's own build (the :envvar:`TRADE_BOOK_STATIC` variable, set by the local
   Sphinx extension ``_ext/book_html.py``) it shows one line saying how to get the live version
   instead, so the static pages carry no widget.

The ``{figure}`` cell comes before the call that exports the file and glues its caption text:
the book reads glue keys from the whole executed notebook and finds the file once the notebook
has run, and in JupyterLab Run All evaluates the caption's ``{eval}`` and draws the picture after
the code cells have run.  :func:`export_all` (``python -m lib.chapter``; Binder's ``postBuild``
and ``make lab`` run it) writes every numbered figure beforehand, the same bytes, so a chapter
shows its figures as soon as it opens.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from lib.book import STATIC_ENV, static_build  # noqa: F401 (re-exported)
from lib.contract import FigureSpec

__all__ = ["figure", "live_panel", "spec", "export_all", "static_build", "STATIC_ENV", "LIVE_NOTE"]


#: What a static page shows where a live panel would be.
LIVE_NOTE = ("The frames above were computed when the book was built. For every parameter value, "
             "open this page in Binder or Jupyter with the launch (rocket) button at the top of the "
             "page: this cell then shows a live panel.")


def spec(label: str | FigureSpec) -> FigureSpec:
    """The :class:`FigureSpec` of ``label`` (from the declaring paper's ``FIGURES``)."""
    if isinstance(label, FigureSpec):
        return label
    from lib import registry

    found = registry.figure_specs()
    if label not in found:
        raise KeyError(f"no figure {label!r} is declared in any paper's FIGURES")
    return found[label]


@dataclass
class FigureBlock:
    """What :func:`figure` shows: explorers, then the live panel (or the note that replaces it)."""

    spec: FigureSpec
    explorers: list = field(default_factory=list)
    live: bool = False
    note: bool = True

    def _ipython_display_(self):
        from IPython.display import display

        for ex in self.explorers:
            display(ex)
        if self.live:
            display(_panel_or_note(self.spec, self.note))


def _panel_or_note(s: FigureSpec, note: bool = True):
    from IPython.display import HTML

    if static_build():
        return HTML(f'<p class="bk-live-note">{html.escape(LIVE_NOTE)}</p>' if note else "")
    from lib.controls import LivePanel

    return LivePanel.from_spec(s).show()


def figure(label: str | FigureSpec, *, live: bool | None = None, note: bool = True) -> FigureBlock:
    """Publish a chapter's figure and show its explorers and live panel (see the module docstring).

    Parameters
    ----------
    label : str or FigureSpec
        The figure's label, e.g. ``"fig-bo-1"``.
    live : bool, optional
        Show the live panel here (default: whether the spec declares one).  ``False`` when the
        chapter places the panel elsewhere (:func:`live_panel`).
    note : bool
        On static pages, the line pointing to the live version (``False`` when the chapter's
        prose says it in its own words).

    Returns
    -------
    FigureBlock
        Displays as the explorers and the live panel.
    """
    from lib.explorer import explorer

    s = spec(label)
    _export(s)
    explorers = [explorer(s.draw, s.params, e.grid, extras=s.extras, dpi=e.dpi, title=e.title,
                          alt=e.alt) for e in s.explore]
    return FigureBlock(s, explorers, s.live if live is None else live, note)


def _export(s: FigureSpec, folder=None) -> None:
    from lib.figures import publish

    publish(s.make(), s.label, params=s.params, extra=s.caption, names=s.names, folder=folder)


def export_all(folder=None, labels=None) -> list[str]:
    """Export every numbered figure as the chapters' Run All does, before any notebook runs.

    Every declared figure (:func:`figure`) and every claim map (:func:`lib.claim_maps.figure`) at
    its declared parameters: SVG, PNG and the citation record, the same bytes as Run All writes
    (``tests/test_notebooks.py``).  The chapters show each figure with a ``{figure}`` of its
    exported SVG, so after this a reader who opens a chapter in JupyterLab (Binder runs it in
    ``binder/postBuild``; ``make lab`` too) sees the figures before running anything.

    Parameters
    ----------
    folder : path-like, optional
        Where to write (default :func:`lib.book.export_folder`, as :func:`lib.figures.publish`).
    labels : iterable of str, optional
        Only these figures (default: all).

    Returns
    -------
    list of str
        The labels exported, in order.

    Raises
    ------
    ValueError
        A label in ``labels`` is neither a declared figure nor a claim map.
    """
    from lib import claim_maps, registry

    specs, maps = registry.figure_specs(), {cm.label: cm for cm in claim_maps.collect()}
    wanted = [*specs, *maps] if labels is None else [labels] if isinstance(labels, str) else list(labels)
    unknown = [lb for lb in wanted if lb not in specs and lb not in maps]
    if unknown:
        raise ValueError(f"no declared figure or claim map is labelled {', '.join(map(repr, unknown))}")
    done = []
    for label in [*specs, *maps]:
        if label in wanted:
            if label in specs:
                _export(specs[label], folder)
            else:
                claim_maps.export_map(maps[label], maps[label].params, folder)
            done.append(label)
    return done


def live_panel(label: str | FigureSpec, *, note: bool = True):
    """The live panel of a figure, on its own (the note that replaces it on static pages)."""
    s = spec(label)
    if not s.live:
        raise ValueError(f"{s.label} declares no live panel")
    return _panel_or_note(s, note)


if __name__ == "__main__":  # python -m lib.chapter: export every numbered figure (export_all)
    import sys

    labels = export_all(sys.argv[1] if len(sys.argv) > 1 else None)
    print(f"exported {len(labels)} figures")
