"""Turn tables and charts into HTML that is safe to publish and works offline.

Seed text is untrusted: it may hold ``<script>``, ``onerror=`` attributes,
``javascript:`` links or Markdown directives. Every string that reaches a page
goes through :func:`html.escape`, and chart specs are embedded as JSON with
``<``, ``>`` and ``&`` written as unicode escapes, so no seed can close the
script element or open a tag. Charts are drawn by the vega bundle the site
serves itself (see :mod:`briefbook.publish.static`): nothing comes from a CDN.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from itertools import count

import altair as alt
import pandas as pd

_ids = count(1)
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute context."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def safe_id(value: str) -> str:
    """An HTML id made only of letters, digits, ``-`` and ``_``."""
    return _SAFE_ID.sub("-", str(value))


def article_href(doc_id: str, anchor: str = "", prefix: str = "articles/") -> str:
    """Relative link from a chapter page to an article page (and paragraph)."""
    target = f"{prefix}{safe_id(doc_id)}.html"
    return f"{target}#{safe_id(anchor)}" if anchor else target


def link(href: str, label: object) -> str:
    """An ``<a>`` element; ``href`` must be built by this module (never from seed text)."""
    return f'<a href="{esc(href)}">{esc(label)}</a>'


#: Longest one-word cell kept on one line: ids, dates and numbers ("fg-b85655573f", "2015-09-24").
TOKEN_CHARS = 16


def _token_class(value: object) -> str:
    """A short one-word cell is never wrapped at its hyphens ("2015-" / "09-24"); long text wraps at words.

    Only such cells are kept whole: keeping a whole column on one line (as the first
    column once was) made a column of article titles push the table past the page.
    """
    text = esc(value)
    return ' class="briefbook-token"' if text and len(text) <= TOKEN_CHARS and not any(c.isspace() for c in text) else ""


def html_table(
    frame: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    row_id: str | None = None,
    html_columns: Iterable[str] = (),
    table_id: str = "",
    caption: str = "",
) -> str:
    """An HTML table of ``frame``.

    ``columns`` maps column names to headers (and chooses and orders them).
    ``row_id`` names the column whose value becomes each row's ``id`` so a URL
    fragment can point at the row; without one, rows are numbered
    ``<table_id>-<n>`` (addressable, but only as stable as the row order).
    Cells are escaped except those of ``html_columns``, which hold HTML this
    package built (links).
    """
    columns = dict(columns or {c: c for c in frame.columns})
    raw = set(html_columns)
    out = ['<div class="briefbook-table-wrap">',
           f'<table class="briefbook-table"{f" id={chr(34)}{safe_id(table_id)}{chr(34)}" if table_id else ""}>']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in columns.values()) + "</tr></thead><tbody>")
    for number, (_, row) in enumerate(frame.iterrows(), start=1):
        if row_id:
            rid = f' id="{safe_id(row[row_id])}"'
        elif table_id:
            rid = f' id="{safe_id(table_id)}-{number}"'
        else:
            rid = ""
        cells = "".join(
            f"<td>{row[c]}</td>" if c in raw else f"<td{_token_class(row[c])}>{esc(row[c])}</td>" for c in columns
        )
        out.append(f"<tr{rid}>{cells}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def spec_json(spec: Mapping) -> str:
    """JSON of a chart spec that is safe inside a ``<script>`` element."""
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def chart_html(spec: Mapping, chart_id: str | None = None) -> str:
    """The HTML that draws ``spec`` with the site's own vega-embed."""
    div = safe_id(chart_id or f"briefbook-chart-{next(_ids)}")
    return (
        f'<div class="briefbook-chart" id="{div}"></div>'
        f'<script type="text/javascript">(function(){{'
        f'var el=document.getElementById("{div}");'
        f'if(!window.vegaEmbed){{el.textContent="Chart library missing: this page was built without the vega bundle.";return;}}'
        f'window.vegaEmbed(el,{spec_json(spec)},{{"actions":false,"renderer":"svg"}})'
        f'.catch(function(e){{el.textContent="Chart error: "+e.message;}});'
        f'}})();</script>'
    )


def _renderer(spec: dict, **kwargs) -> dict[str, str]:
    return {"text/html": chart_html(spec), "text/plain": "<briefbook chart>"}


def enable_offline_charts() -> None:
    """Make Altair draw every chart with the site's own vega bundle (no CDN)."""
    alt.renderers.register("briefbook", _renderer)
    alt.renderers.enable("briefbook")
    alt.data_transformers.disable_max_rows()
