"""Small Markdown tables for the chapters (the book's environment has no pandas).

One way of writing a table, used by every chapter and by the registry: a header, rows of
values, floats formatted with one format string.  ``results_table`` shows a model's
``results()`` dict (the chapter's key numbers) with an optional meaning per key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np


def _cell(value, fmt: str) -> str:
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, float | np.floating):
        return fmt.format(float(value))
    return str(value).replace("\n", " ").replace("|", "\\|")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence], fmt: str = "{:.4g}") -> str:
    """A Markdown table: ``header`` cells, then one line per row (floats through ``fmt``)."""
    lines = ["| " + " | ".join(_cell(h, fmt) for h in header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"row {row!r} has {len(row)} cells, the header {len(header)}")
        lines.append("| " + " | ".join(_cell(v, fmt) for v in row) + " |")
    return "\n".join(lines)


def table(header: Sequence[str], rows: Iterable[Sequence], fmt: str = "{:.4g}"):
    """:func:`markdown_table`, displayed as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(markdown_table(header, rows, fmt))


def results_markdown(results: Mapping[str, float], meanings: Mapping[str, str] | None = None,
                     fmt: str = "{:.6g}") -> str:
    """A model's ``results()`` as a table: key, value and (when given) its meaning."""
    if meanings is None:
        return markdown_table(["Key", "Value"], [[f"`{k}`", v] for k, v in results.items()], fmt)
    return markdown_table(["Key", "Value", "Meaning"],
                          [[f"`{k}`", v, meanings.get(k, "")] for k, v in results.items()], fmt)


def results_table(results: Mapping[str, float], meanings: Mapping[str, str] | None = None,
                  fmt: str = "{:.6g}"):
    """:func:`results_markdown`, displayed as Markdown in a notebook."""
    from IPython.display import Markdown

    return Markdown(results_markdown(results, meanings, fmt))
