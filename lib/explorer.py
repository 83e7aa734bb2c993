"""Kernel-free figure explorers: frames precomputed at build time, swapped in the page.

A reader of the online book has no kernel, so a live ipywidgets panel cannot
redraw there.  :func:`explorer` draws a figure function over a grid of one
control (or two, on a small grid) while the book is built, embeds every frame
inline (base64 images, CSS and a few lines of plain JavaScript: no require.js,
no CDN, no external file) and lets a slider per explored control swap frames.
Frames come from exactly the same lib figure function as the static figure
and the live panel, so what the reader explores is what the model draws.

The markup is stable for tests: the root has ``class="bk-explorer"`` and a
``data-explorer`` id; each slider is an ``input[type=range]`` with
``data-control``; each value readout has ``data-readout``; the image has
``data-frame`` (the key of the frame shown) and each frame's key is
``i`` or ``i-j`` (grid indices).  The frames themselves live in a JSON script
block, ``script[type="application/json"][data-frames]``.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import json
import re
from collections.abc import Callable, Mapping

import numpy as np

from . import params as _controls
from . import registry as _registry

_counter = itertools.count(1)

_CSS = """
.bk-explorer{border:1px solid #d0d7de;border-radius:6px;padding:.6em .8em;margin:.8em 0;max-width:760px;background:#fcfcfd;color:#1f2328}
.bk-explorer .bk-title{font-weight:600;margin-bottom:.3em}
.bk-explorer .bk-row{display:flex;align-items:center;gap:.6em;margin:.25em 0;flex-wrap:wrap}
.bk-explorer label{min-width:9em;font-family:var(--pst-font-family-monospace,monospace);font-size:.9em}
.bk-explorer input[type=range]{flex:1 1 260px;min-width:180px;cursor:pointer}
.bk-explorer output{min-width:5.5em;font-variant-numeric:tabular-nums;font-size:.9em}
.bk-explorer .bk-stage{position:relative;margin-top:.4em}
.bk-explorer img{width:100%;max-width:680px;height:auto;display:block}
.bk-explorer .bk-msg{color:#a00000;font-size:.9em;padding:1em 0;display:none}
.bk-explorer .bk-hint{color:#57606a;font-size:.8em;margin-top:.3em}
"""

# Plain JavaScript, no dependencies.  One function, run once per explorer.
_JS = """
(function(){
  var root=document.querySelector('[data-explorer="%(id)s"]');
  if(!root||root.dataset.ready){return;}
  root.dataset.ready='1';
  var frames=JSON.parse(root.querySelector('script[data-frames]').textContent);
  var img=root.querySelector('img'), msg=root.querySelector('.bk-msg');
  var sliders=root.querySelectorAll('input[type=range]');
  function show(){
    var idx=[], i;
    for(i=0;i<sliders.length;i++){
      var s=sliders[i], vals=JSON.parse(s.dataset.values), k=parseInt(s.value,10);
      idx.push(k);
      var text=vals[k]+(s.dataset.unit?' '+s.dataset.unit:'');
      root.querySelector('output[data-readout="'+s.dataset.control+'"]').textContent=text;
      s.setAttribute('aria-valuetext',text);
    }
    var key=idx.join('-'), f=frames[key];
    img.dataset.frame=key;
    if(f.src){img.src=f.src;img.alt=f.alt;img.style.display='';msg.style.display='none';}
    else{img.removeAttribute('src');img.style.display='none';msg.textContent=f.message;msg.style.display='block';}
  }
  for(var i=0;i<sliders.length;i++){sliders[i].addEventListener('input',show);}
  show();
})();
"""


class Explorer:
    """A rendered explorer: displays as HTML in notebooks and in the built book.

    Attributes
    ----------
    html : str
        The complete self-contained markup.
    frames : dict
        Frame key (``"i"`` or ``"i-j"``) -> ``{"src": data URI, "alt": str}``
        or ``{"message": str}`` where the model rejected the values.
    grid : dict
        Control name -> list of grid values.
    """

    def __init__(self, html_text: str, frames: dict, grid: dict):
        self.html, self.frames, self.grid = html_text, frames, grid

    def _repr_html_(self) -> str:
        return self.html


#: Characters that must not appear raw in JSON inside a ``<script>`` block: ``<``, ``>`` and ``&``
#: (``</script>``, ``<!--`` and ``<script`` change how the HTML parser reads the block) and the
#: line separators U+2028/U+2029 (line breaks to older JavaScript parsers).
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(obj) -> str:
    """``obj`` as JSON safe to embed in a ``<script>`` block (any strings, markup included).

    ``json.loads`` / ``JSON.parse`` of the result gives ``obj`` back unchanged.
    """
    text = json.dumps(obj)
    for raw, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def _fig_to_uri(fig, fmt: str, dpi: int) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    if fmt == "svg":
        fig.savefig(buf, format="svg", metadata={"Date": None})
        mime = "image/svg+xml"
    elif fmt == "png":
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
        mime = "image/png"
    else:
        raise ValueError(f"fmt must be 'png' or 'svg', got {fmt!r}")
    plt.close(fig)
    return f"data:{mime};base64," + base64.b64encode(buf.getvalue()).decode()


def _fmt_value(v) -> str:
    if isinstance(v, bool | str):
        return str(v)
    v = float(v)
    return f"{v:.4g}"


def explorer(draw: Callable, params, grid: Mapping[str, object],
             extras: Mapping[str, _controls.Control] | None = None,
             default: Mapping[str, object] | None = None, fmt: str = "png", dpi: int = 72,
             title: str | None = None, alt: str | None = None, progress: bool = False) -> Explorer:
    """Precompute ``draw`` over ``grid`` and return a kernel-free explorer.

    Parameters
    ----------
    draw : callable
        A lib figure function ``draw(params, **extras) -> Figure``.
    params : dataclass instance
        Parameters held fixed except for the grid controls.
    grid : mapping of str to array_like
        One or two control names (dataclass fields or keys of ``extras``) and
        the values to precompute.  Each control must have a spec (range, label,
        unit) and every grid value must lie in its range.
    extras : mapping of str to Control, optional
        The non-field controls ``draw`` takes; those not in ``grid`` stay at
        their defaults.
    default : mapping, optional
        Starting values; snapped to the nearest grid point (default: the
        current parameter / extra value).
    fmt : {"png", "svg"}
        Frame format.  PNG keeps pages small; SVG is sharp but larger.
    dpi : int
        Resolution of PNG frames.
    title : str, optional
        Heading shown above the sliders.  It names the figure by its book number
        (:func:`lib.registry.numbered_title`: "Figure 1 at ..." -> "Figure BO-1 at ...").
    alt : str, optional
        Alt-text prefix of every frame (the values are appended).
    progress : bool
        Print a line per frame (for long grids).

    Returns
    -------
    Explorer
    """
    extras = dict(extras or {})
    title = _registry.numbered_title(title, draw)
    if not 1 <= len(grid) <= 2:
        raise ValueError("an explorer explores one or two controls")
    names = list(grid)
    values = {n: list(np.atleast_1d(np.asarray(grid[n], dtype=object))) for n in names}
    specs = {n: _controls.spec_for(n, params, extras) for n in names}
    for n in names:
        if not values[n]:
            raise ValueError(f"grid for {n!r} is empty")
        for v in values[n]:
            specs[n].check(v)
        if specs[n].kind in ("float", "int"):
            values[n] = [float(v) for v in values[n]]
    if len(names) == 2 and len(values[names[0]]) * len(values[names[1]]) > 100:
        raise ValueError("a two-control explorer is limited to 100 frames")

    start = {}
    for n in names:
        if default and n in default:
            target = default[n]
        elif n in extras:
            target = extras[n].default
        else:
            target = getattr(params, n)
        if specs[n].kind in ("float", "int"):
            start[n] = int(np.argmin([abs(v - float(target)) for v in values[n]]))
        else:
            start[n] = values[n].index(target) if target in values[n] else 0

    frames: dict[str, dict] = {}
    alt_prefix = alt or (title or "Figure")
    for idx in itertools.product(*(range(len(values[n])) for n in names)):
        point = {n: values[n][i] for n, i in zip(names, idx, strict=True)}
        key = "-".join(str(i) for i in idx)
        fig, message = _controls.safe_draw(draw, params, point, extras)
        described = ", ".join(f"{specs[n].label or n} = {_fmt_value(point[n])}" for n in names)
        if fig is None:
            frames[key] = {"message": f"{described}: {message}"}
        else:
            frames[key] = {"src": _fig_to_uri(fig, fmt, dpi), "alt": f"{alt_prefix} at {described}"}
        if progress:
            print(f"frame {key}: {described}", flush=True)

    ident = f"bkx{next(_counter)}-{re.sub('[^a-z0-9]', '', getattr(draw, '__name__', 'fig').lower())}"
    rows = []
    for n in names:
        spec = specs[n]
        shown = [_fmt_value(v) for v in values[n]]
        unit = (" " + html.escape(spec.unit)) if spec.unit else ""
        rows.append(
            f'<div class="bk-row"><label for="{ident}-{n}">{html.escape(spec.description)}</label>'
            f'<input type="range" id="{ident}-{n}" min="0" max="{len(shown) - 1}" step="1" '
            f'value="{start[n]}" data-control="{html.escape(n)}" '
            f"data-values='{html.escape(json.dumps(shown), quote=True)}' "
            f'data-unit="{html.escape(spec.unit)}" aria-label="{html.escape(spec.description)}" '
            f'aria-valuetext="{html.escape(shown[start[n]])}{unit}" '
            f'title="{html.escape(spec.doc or n)}">'
            f'<output data-readout="{html.escape(n)}" for="{ident}-{n}">'
            f"{html.escape(shown[start[n]])}{unit}"
            f"</output></div>"
        )
    first = "-".join(str(start[n]) for n in names)
    f0 = frames[first]
    img_attrs = (f'src="{f0["src"]}" alt="{html.escape(f0["alt"])}"' if "src" in f0
                 else 'alt="" style="display:none"')
    frames_json = script_json(frames)
    markup = (
        f"<style>{_CSS}</style>"
        f'<div class="bk-explorer" data-explorer="{ident}">'
        + (f'<div class="bk-title">{html.escape(title)}</div>' if title else "")
        + "".join(rows)
        + f'<div class="bk-stage"><img {img_attrs} data-frame="{first}">'
        f'<div class="bk-msg" role="status"></div></div>'
        # "drag" holds everywhere; in JupyterLab the notebook takes the arrow keys (issue #11)
        f'<div class="bk-hint">Precomputed frames: drag the slider (on the book\'s web page, the '
        f"arrow keys work too). "
        f"Values between grid points need the live version (launch button).</div>"
        f'<script type="application/json" data-frames>{frames_json}</script>'
        f"<script>{_JS % {'id': ident}}</script>"
        "</div>"
    )
    return Explorer(markup, frames, {n: values[n] for n in names})
