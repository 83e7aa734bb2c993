"""How to cite one figure of the book: generated from the registry, never written by hand.

When a chapter publishes a figure (:func:`lib.figures.publish`), :func:`call_record`
works out how to redraw it from ``lib`` -- the figure function (by the label's convention
``fig-<paper>-<x>`` -> ``lib.<package>.fig_<x>``), its parameter dataclass and the keyword
values shown in the caption -- and the record is saved next to the exported files as
``<label>.json``.  From that record, the registry (:mod:`lib.registry`) and the edition
(:mod:`lib.book`) this module builds

* :func:`bibtex` -- a BibTeX entry naming the edition, version, commit (or DOI), the
  figure number and the original paper's key;
* :func:`text_citation` -- the same in one line;
* :func:`cite_block_html` -- the "Cite this figure" block shown under every numbered
  figure (plain HTML ``<details>``: no JavaScript);
* :func:`figure_record` -- the figure's entry in ``figures.json`` (schema in
  ``schemas/figures.schema.json``);
* :func:`file_metadata` -- the provenance written into the exported SVG and PNG.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import importlib
import inspect
import json
import math
import numbers
from collections.abc import Mapping
from pathlib import Path

from . import book, registry

#: Version of the ``figures.json`` format (its JSON Schema is ``schemas/figures.schema.json``).
INDEX_FORMAT = 1

#: What a figure that rebuilds nothing of the paper is, in its record and its citation.
OWN = "the book's own figure (not in the paper)"
OWN_STATUS = "book's own"


# --- what the figure is -----------------------------------------------------------------------


def paper_of(label: str) -> str:
    """The paper key of a figure label (``fig-bo-1`` -> ``"bo"``)."""
    registry.figure_number(label)  # ValueError for a malformed label
    return label.split("-")[1]


def item_for(label: str) -> registry.Item | None:
    """The registry item a figure rebuilds, or None for the book's own figures."""
    for it in registry.collect([paper_of(label)]):
        if it.ours == label:
            return it
    return None


def paper_info(label: str) -> dict:
    """Paper key, short citation, BibTeX key and chapter of the figure's paper."""
    key = paper_of(label)
    _, chapter, short, bibkey = registry.PAPERS[key]
    return {"key": key, "short": short, "bibkey": bibkey, "chapter": chapter}


def _claim_map(label: str):
    """The claim map (:mod:`lib.claim_maps`) a ``fig-<paper>-map-<claim>`` label names, or None."""
    if "-map-" not in label:
        return None
    return registry.claim_map(label)


def describe(label: str) -> dict:
    """Number, title, original and status of a figure, from its label and the registry."""
    item = item_for(label)
    info = paper_info(label)
    number = registry.figure_number(label)
    cm = _claim_map(label)
    if cm is not None:
        try:
            status = registry.find(cm.paper, cm.item).status
        except ValueError:
            status = cm.grade or OWN_STATUS
        title, original = f"Claim map of {cm.item}: {cm.title}", f"{cm.item} (claim map)"
        rebuilds = f"maps {info['short']}, {cm.item}, over its parameters (the book's figure)"
    elif item is not None:
        title, original, status = item.title, item.id, item.status
        own = item.kind in getattr(registry, "BOOK_KINDS", ())
        rebuilds = (item.rebuilds if own else f"rebuilds {item.rebuilds}") if hasattr(item, "rebuilds") \
            else f"rebuilds {info['short']}, {item.id}"
    else:
        title, original, status = f"Supplementary figure to {info['short']}", OWN, OWN_STATUS
        rebuilds = f"{OWN}, supplementing {info['short']}"
    return {"label": label, "number": number, "title": title, "original": original,
            "status": status, "rebuilds": rebuilds, "paper": info}


# --- how to redraw it ---------------------------------------------------------------------------


def _plain(value):
    """A JSON value for a parameter value (numbers, strings, booleans; others as their repr)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        v = float(value)
        return v if math.isfinite(v) else repr(v)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return repr(value)


def _exported_from(obj, module_name: str) -> str:
    """The shortest module a user imports ``obj`` from: the paper package if it re-exports it."""
    package = ".".join(module_name.split(".")[:2])
    try:
        if getattr(importlib.import_module(package), obj.__name__, None) is obj:
            return package
    except ImportError:  # pragma: no cover - the package imported the object
        pass
    return module_name


def figure_function(label: str):
    """The lib function that draws a figure: ``fig-bo-s2`` -> ``lib.offshoring.fig_s2``."""
    package = registry.PAPERS[paper_of(label)][0]
    name = "fig_" + label.split("-", 2)[2].replace("-", "_")
    module = importlib.import_module(f"lib.{package}")
    fn = getattr(module, name, None)
    if fn is None:
        figures = importlib.import_module(f"lib.{package}.figures")
        fn = getattr(figures, name, None)
    if fn is None:
        raise ValueError(f"{label}: no figure function {name} in lib.{package}")
    return fn


def _keyword_names(fn, shown: Mapping) -> dict[str, str]:
    """Map each caption name in ``shown`` (a control label such as ``"φ₀"``) to ``fn``'s keyword.

    A name is a keyword of ``fn`` itself, or the label of a :class:`lib.controls.Control`
    declared for that keyword in the figure's module (``FIG2_EXTRAS = {"phi0": PHI0}``).
    Names matching no keyword, and values their control would reject, only describe the
    figure and are not passed.
    """
    from .params import Control

    keywords = [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name != "ax"]
    by_label: dict[str, str] = {}
    module = importlib.import_module(fn.__module__)
    for value in vars(module).values():
        if isinstance(value, Mapping):
            for name, spec in value.items():
                if isinstance(spec, Control) and name in keywords and spec.label:
                    by_label.setdefault(spec.label, name)
    controls = {name: spec for value in vars(module).values() if isinstance(value, Mapping)
                for name, spec in value.items() if isinstance(spec, Control) and name in keywords}
    out = {}
    for shown_name, value in shown.items():
        name = shown_name if shown_name in keywords else by_label.get(shown_name)
        if name is None:
            continue
        if name in controls:
            try:
                controls[name].check(value)
            except (ValueError, TypeError):
                continue  # a description of the value ("H = (L 100, K 200)"), not the value
        out[shown_name] = name
    return out


def call_record(label: str, params=None, extra: Mapping | None = None) -> dict:
    """How to redraw a published figure: function, parameter class and values, keywords, code.

    Parameters
    ----------
    label : str
        The figure label; its function is :func:`figure_function`.
    params : dataclass instance, optional
        The parameters the figure was drawn at.
    extra : mapping, optional
        The caption's extra values (``{"φ": 0.5}``); those naming a keyword of the figure
        function are passed to it, the others only describe the figure.

    Returns
    -------
    dict
        ``function``, ``params_class``, ``params`` (every field), ``params_changed`` (fields
        off their defaults), ``kwargs`` and ``redraw`` (two lines of Python).
    """
    cm = _claim_map(label)
    if cm is not None:
        fn = cm.figure_function
        fn_module = fn.__module__
        imports = {fn_module: [fn.__name__, "get"]}
        args = [f"get({label!r})"]
    else:
        fn = figure_function(label)
        fn_module = _exported_from(fn, fn.__module__)
        imports = {fn_module: [fn.__name__]}
        args = []
    params_class, values, changed = None, {}, {}
    if params is not None:
        if not dataclasses.is_dataclass(params) or isinstance(params, type):
            raise ValueError(f"{label}: params must be a parameter dataclass instance, got {params!r}")
        cls = type(params)
        cls_module = _exported_from(cls, cls.__module__)
        params_class = f"{cls_module}.{cls.__name__}"
        imports.setdefault(cls_module, []).append(cls.__name__)
        for f in dataclasses.fields(params):
            v = getattr(params, f.name)
            values[f.name] = _plain(v)
            if f.default is dataclasses.MISSING or v != f.default:
                changed[f.name] = v
        args.append(f"{cls.__name__}(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")")
    kwargs = {}
    for shown, name in _keyword_names(fn, extra or {}).items():
        kwargs[name] = extra[shown]
        args.append(f"{name}={extra[shown]!r}")
    shown = {}
    if cm is not None and params is None:
        shown["parameters_text"] = cm.fixed_text()
    line1 = "; ".join(f"from {m} import {', '.join(sorted(set(names)))}"
                      for m, names in sorted(imports.items()))
    line2 = f"fig = {fn.__name__}({', '.join(args)})"
    return {
        "function": f"{fn_module}.{fn.__name__}",
        "params_class": params_class,
        "params": values,
        "params_changed": {k: _plain(v) for k, v in changed.items()},
        "kwargs": {k: _plain(v) for k, v in kwargs.items()},
        "redraw": f"{line1}\n{line2}",
        **shown,
    }


def record_path(label: str, folder: str | Path | None = None) -> Path:
    """Where :func:`lib.figures.publish` saves the figure's record (next to its SVG and PNG)."""
    from .book import export_folder

    out = Path(folder) if folder is not None else export_folder()
    return out / f"{label}.json"


def load_published(label: str, folder: str | Path | None = None) -> dict:
    """The record :func:`lib.figures.publish` saved for ``label`` (``FileNotFoundError`` if none)."""
    return json.loads(record_path(label, folder).read_text(encoding="utf-8"))


# --- the citation -----------------------------------------------------------------------------

_TEX = str.maketrans({"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$"})


def tex(text: str) -> str:
    """``text`` with the characters BibTeX/LaTeX treat specially escaped (``&``, ``%``, ``_``...)."""
    return str(text).translate(_TEX)


def citation_key(label: str) -> str:
    """The BibTeX key of a figure: ``tmb-BO-1``."""
    return f"tmb-{registry.figure_number(label)}"


def _parameters_text(published: Mapping | None) -> str:
    text = (published or {}).get("parameters_text", "")
    return text or "no parameters (the figure charts fixed numbers)"


def bibtex(label: str, published: Mapping | None = None) -> str:
    """A BibTeX entry for one figure of this edition.

    Fields: ``title`` (figure number and what it shows), ``booktitle``, ``author``, ``year``,
    ``edition``, ``version``, ``commit``, ``doi`` (once the release has one), ``number`` (the
    figure number), ``related`` (the BibTeX key of the original paper, in ``references.bib``),
    ``url`` (the figure's anchor in this edition), ``note`` (what it rebuilds, the parameter
    values, the files and the licence).
    """
    if published is None:
        published = _maybe_published(label)
    d = describe(label)
    info = d["paper"]
    note = (f"Figure {d['number']}, {d['rebuilds']} (BibTeX key {info['bibkey']}); "
            f"drawn at {_parameters_text(published)}; licence {book.CONTENT_LICENSE_NAME}")
    return book.bibtex_entry("incollection", citation_key(label), [
        ("title", tex(f"Figure {d['number']}: {d['title']}")),
        ("booktitle", tex(book.title())),
        ("author", "{" + tex(book.author()) + "}"),
        ("year", str(book.year())),
        *book.edition_fields(),
        ("number", d["number"]),
        ("related", info["bibkey"]),
        ("url", book.page_url(info["chapter"], label)),
        ("note", tex(note)),
    ])


def text_citation(label: str, published: Mapping | None = None) -> str:
    """One line: authors (year), Figure N: title. In: book, version, commit or DOI. URL. Licence."""
    if published is None:
        published = _maybe_published(label)
    d = describe(label)
    ident = f"doi:{book.doi()}" if book.doi() else f"commit {book.short_commit()}"
    return (f"{book.author()} ({book.year()}). Figure {d['number']}: {d['title']} "
            f"({d['rebuilds']}; at {_parameters_text(published)}). In: {book.title()}, "
            f"version {book.edition()}, {ident}. {book.page_url(d['paper']['chapter'], label)} "
            f"({book.CONTENT_LICENSE_NAME}).")


def _maybe_published(label: str) -> dict | None:
    try:
        return load_published(label)
    except FileNotFoundError:
        return None


def cite_block_html(label: str, published: Mapping | None = None) -> str:
    """The "Cite this figure" block under a numbered figure: plain HTML, no script, no CDN."""
    if published is None:
        published = _maybe_published(label)
    d = describe(label)
    esc = html.escape
    svg, png = book.figure_url(label, "svg"), book.figure_url(label, "png")
    redraw = (published or {}).get("redraw", "")
    where = ("the versioned address of this edition: it will keep showing this figure"
             if book.is_release() else
             "the latest build, which later builds replace: cite the commit, or a released "
             "edition's versioned address")
    parts = [
        f'<details class="cite-figure" id="cite-{esc(label)}">',
        f"<summary>Cite this figure (Figure {esc(d['number'])}, version {esc(book.edition())})</summary>",
        f'<p class="cite-text">{esc(text_citation(label, published))}</p>',
        f'<pre class="cite-bibtex"><code>{esc(bibtex(label, published))}</code></pre>',
        "<dl>",
        f"<dt>What it is</dt><dd>Figure {esc(d['number'])}: {esc(d['title'])}; {esc(d['rebuilds'])} "
        f"(BibTeX key <code>{esc(d['paper']['bibkey'])}</code>, cite it too)</dd>",
        f"<dt>Parameter values</dt><dd>{esc(_parameters_text(published))}</dd>",
        f'<dt>Files</dt><dd><a href="{esc(svg)}">{esc(svg)}</a><br>'
        f'<a href="{esc(png)}">{esc(png)}</a><br>({esc(where)})</dd>',
    ]
    if redraw:
        parts.append(f'<dt>Redraw it from <code>lib</code></dt><dd><pre class="cite-redraw"><code>'
                     f"{esc(redraw)}</code></pre></dd>")
    parts.append(f'<dt>Licence</dt><dd><a href="{book.CONTENT_LICENSE_URL}" rel="license">'
                 f"{book.CONTENT_LICENSE_NAME}</a> (the figure; cite the book). "
                 f"{esc(book.PAPERS_COPYRIGHT)}</dd>")
    parts.append("</dl></details>")
    return "\n".join(parts)


# --- provenance in the files, and the index -----------------------------------------------------


def file_metadata(label: str, parameters_text: str = "") -> dict[str, str]:
    """The provenance every exported file carries (SVG ``<title>``/``<desc>``/metadata, PNG text)."""
    d = describe(label)
    return {
        "Title": f"Figure {d['number']}: {d['title']}",
        "Description": (f"Figure {d['number']} ({label}) of '{book.title()}', {d['rebuilds']} "
                        f"[{d['paper']['bibkey']}]. Drawn at {parameters_text or 'no parameters'}. "
                        f"Version {book.edition()}, commit {book.commit()}."),
        "Author": book.author(),
        "Source": book.page_url(d["paper"]["chapter"], label),
        "Copyright": (f"{book.CONTENT_LICENSE_NAME} ({book.CONTENT_LICENSE_URL}), "
                      f"{book.author()}. {book.PAPERS_COPYRIGHT}"),
        "Version": book.edition(),
        "Commit": book.commit(),
        "Figure": d["number"],
        "Paper": f"{d['paper']['short']} [{d['paper']['bibkey']}]",
        "Parameters": parameters_text or "none",
        "License": book.CONTENT_LICENSE,
    }


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def figure_record(label: str, folder: str | Path | None = None, caption: str = "") -> dict:
    """The ``figures.json`` record of one published figure (files read from ``folder``)."""
    from .book import export_folder

    out = Path(folder) if folder is not None else export_folder()
    published = load_published(label, out)
    d = describe(label)
    return {
        "label": label,
        "number": d["number"],
        "title": d["title"],
        "caption": caption,
        "paper": {"key": d["paper"]["key"], "citation": d["paper"]["short"],
                  "bibtex_key": d["paper"]["bibkey"]},
        "original": d["original"],
        "status": d["status"],
        "chapter": d["paper"]["chapter"],
        "parameters": {"text": published.get("parameters_text", ""),
                       "class": published.get("params_class"),
                       "values": published.get("params", {}),
                       "keywords": published.get("kwargs", {})},
        "version": book.version(),
        "edition": book.edition(),
        "commit": book.commit(),
        "doi": book.doi() or None,
        "license": book.CONTENT_LICENSE,
        "files": {fmt: {"url": book.figure_url(label, fmt), "path": f"_static/figures/{label}.{fmt}",
                        "sha256": sha256(out / f"{label}.{fmt}")} for fmt in ("svg", "png")},
        "url": book.page_url(d["paper"]["chapter"], label),
        "redraw": published.get("redraw", ""),
        "bibtex": bibtex(label, published),
    }


def figures_index(labels, folder: str | Path | None = None, captions: Mapping | None = None) -> dict:
    """The whole ``figures.json``: the edition and one record per figure, in book order."""
    captions = captions or {}
    return {
        "format": INDEX_FORMAT,
        "book": book.title(),
        "version": book.version(),
        "edition": book.edition(),
        "commit": book.commit(),
        "doi": book.doi() or None,
        "url": book.edition_url(),
        "license": {"text_and_figures": book.CONTENT_LICENSE, "code": book.CODE_LICENSE},
        "figures": [figure_record(lb, folder, captions.get(lb, "")) for lb in labels],
    }
