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
import numpy as np
import pandas as pd

from briefbook.corpus.corrections import fix_line
from briefbook.publish import limits

_ids = count(1)
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute context."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
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
    return f'<a href="{esc(href)}">{breakable(label)}</a>'


#: Longest one-word cell kept on one line: ids, dates and numbers ("fg-b85655573f", "2029-03-13").
TOKEN_CHARS = 16
_LONG_TOKEN = re.compile(r"\S{%d,}" % (TOKEN_CHARS + 1))


def breakable(value: object) -> str:
    """Escaped text in which a long unbroken token (a file name, an address) may wrap after ``_ / . -``.

    A column of "002_ce2ee0da7c7db2d9.txt" is otherwise as wide as the name and pushes its
    table past the page; words are never broken, only such tokens at their separators.
    """
    return _LONG_TOKEN.sub(lambda m: re.sub(r"([_/.\-])(?=\w)", r"\1<wbr>", m.group(0)), esc(value))


def _token_class(value: object) -> str:
    """A short one-word cell is never wrapped at its hyphens ("2015-" / "09-24"); long text wraps at words.

    Only such cells are kept whole: keeping a whole column on one line (as the first
    column once was) made a column of article titles push the table past the page.
    """
    text = esc(value)
    return ' class="briefbook-token"' if text and len(text) <= TOKEN_CHARS and not any(c.isspace() for c in text) else ""


def at_most(items, more: str) -> list:
    """The first :data:`~briefbook.publish.limits.CELL_ITEMS` of ``items``, and "… and N {more}" for the rest."""
    rest = len(items) - limits.CELL_ITEMS
    return list(items[:limits.CELL_ITEMS]) + ([f"… and {rest:,} {more}"] if rest > 0 else [])


def _cell(value: object, header: str, raw: bool, link: str = "") -> str:
    """One table cell, labelled with its column's header so a table too wide for its column can be read as
    a card per row (``data-label``); a list is shown as a list, one line per item; ``link`` (markup) ends it."""
    label = f' data-label="{esc(header)}"'
    if isinstance(value, (bool, np.bool_)):
        value = "yes" if value else "no"  # a reader's words, not Python's True and False
    if raw:
        return f"<td{label}>{value}{link}</td>"
    if isinstance(value, (list, tuple)):
        value = at_most(value, "more (all in the table's download)")
        items = "".join(f"<li>{breakable(item)}</li>" for item in value)
        listed = f'<ul class="briefbook-cell-list">{items}</ul>' if items else ""
        return f"<td{label}>{listed}{link}</td>"
    return f"<td{label}{_token_class(value)}>{breakable(value)}{link}</td>"


def code(text) -> str:
    """Text shown as code (a line to paste into a file), escaped."""
    return f"<code>{esc(text)}</code>" if isinstance(text, str) and text else ""


def corrected_marker(what) -> str:
    """The mark of a row an analyst's correction changed ("corrected: speaker"); "" for an untouched row."""
    if not isinstance(what, str) or not what.strip():
        return ""
    return f' <span class="briefbook-corrected" title="changed by corrections.yaml">corrected: {esc(what)}</span>'


def row_link(row_id: str) -> str:
    """The ¶ a reader copies a row's address from, shown on hover as beside a heading."""
    return f'<a class="briefbook-rowlink" href="#{row_id}" title="Link to this row">¶</a>'


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
    package built (links). A row with an id the corrections file takes (``st-…``,
    ``fg-…``, ``ev-…``, ``doc-…``) carries its correction line in ``data-fix``
    (the page's script gives it a copy button), and a row whose ``corrected``
    column is set shows what an analyst changed.
    """
    columns = dict(columns or {c: c for c in frame.columns})
    raw = set(html_columns)
    out = ['<div class="briefbook-table-wrap">',
           f'<table class="briefbook-table"{f" id={chr(34)}{safe_id(table_id)}{chr(34)}" if table_id else ""}>']
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in columns.values()) + "</tr></thead><tbody>")
    for number, (_, row) in enumerate(frame.iterrows(), start=1):
        anchor = safe_id(row[row_id]) if row_id else f"{safe_id(table_id)}-{number}" if table_id else ""
        marker = corrected_marker(row.get("corrected", ""))
        cells = "".join(_cell(row[c], header, c in raw, (row_link(anchor) if anchor else "") + marker if i == 0 else "")
                        for i, (c, header) in enumerate(columns.items()))
        css = ' class="briefbook-corrected-row"' if marker else ""
        fix = fix_line(str(row[row_id])) if row_id else ""
        data = f' data-fix="{esc(fix)}"' if fix else ""
        out.append(f'<tr id="{anchor}"{css}{data}>{cells}</tr>' if anchor else f"<tr{css}>{cells}</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def spec_json(spec: Mapping) -> str:
    """JSON of a chart spec that is safe inside a ``<script>`` element."""
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


#: Fits a drawn chart to its column: where the drawing is wider than its box, the chart is drawn
#: again with its plot (or each facet's) narrower by the excess, and on a narrow column with its
#: legends below the plot (side by side there, so each gets half the column for its labels). The width comes from the layout when the page is read, so one chart
#: fits a laptop's column and a phone's without sideways scrolling.
#: A chart wider than its column is fitted in steps, each drawn and measured again: on a narrow column
#: the legends first move below the plot (and long labels are cut), which alone may make it fit; only
#: what still overflows then comes off the plot's width. Shrinking first, by the legends' width too,
#: left a 50-pixel plot beside legends that were then moved away.
_FIT_JS = (
    'function fit(s,over,narrow){'
    'var below=s.config&&s.config.legend&&s.config.legend.orient==="bottom";'
    'if(narrow&&!below){s.config=s.config||{};s.config.legend=Object.assign({},s.config.legend,'
    '{orient:"bottom",direction:"vertical",columns:1,labelLimit:Math.max(40,Math.round(room()/2)-90)});'
    's.config.axisY=Object.assign({},s.config.axisY,{labelLimit:Math.round(room()/3)});return s;}'
    'var t=s.spec&&s.spec.width!==undefined?s.spec:s;'
    'if(typeof t.width==="number"){kept=t.width;t.width=Math.max(60,t.width-over);}'
    'else if(!t.hconcat&&!t.vconcat&&!t.facet&&!t.spec){t.width=Math.max(60,(r.view.width()||300)-over);}'
    'return s;}'
)


def chart_html(spec: Mapping, chart_id: str | None = None) -> str:
    """The HTML that draws ``spec`` with the site's own vega-embed, fitted to its column."""
    div = safe_id(chart_id or f"briefbook-chart-{next(_ids)}")
    return (
        f'<div class="briefbook-chart" id="{div}"></div>'
        f'<script type="text/javascript">(function(){{'
        f'var el=document.getElementById("{div}"),r=null,kept=null,last=-1,spec={spec_json(spec)},opts={{"actions":false,"renderer":"svg"}};'
        f'if(!window.vegaEmbed){{el.textContent="Chart library missing: this page was built without the vega bundle.";return;}}'
        f'{_FIT_JS}'
        f'function room(){{return el.clientWidth;}}'
        f'function over(){{var g=el.querySelector("svg");return g?Math.ceil(g.getBoundingClientRect().width-room()):0;}}'
        # a shrink that did not lessen the overflow (legends wider than the column) is undone: what
        # overflows is not the plot, and shrinking on would leave no plot at all
        f'function undo(){{var t=spec.spec&&spec.spec.width!==undefined?spec.spec:spec;t.width=kept;kept=null;}}'
        f'function check(n){{var o=over();if(r&&kept!==null&&o>0&&o>=last-2){{r.finalize();r=null;undo();last=-1;return draw(9);}}'
        f'if(o<=0){{kept=null;}}last=o;if(r&&o>0&&n<4){{r.finalize();r=null;spec=fit(spec,o+8,room()<600);return draw(n+1);}}}}'
        f'function draw(n){{return window.vegaEmbed(el,spec,opts).then(function(res){{r=res;return check(n);}});}}'
        # the column may narrow once the page's styles and sidebars are laid out: check again then
        f'window.addEventListener("load",function(){{check(0);}});'
        f'window.addEventListener("resize",function(){{check(0);}});'
        f'draw(0).catch(function(e){{el.textContent="Chart error: "+e.message;}});'
        f'}})();</script>'
    )


def drawn_data(spec: Mapping) -> pd.DataFrame:
    """The rows a chart draws (its largest inline dataset), for the chart's CSV download."""
    sets = list((spec.get("datasets") or {}).values())
    stack = [spec]
    while stack:  # inline ``data.values`` anywhere in a layered or faceted spec
        node = stack.pop()
        if isinstance(node, Mapping):
            values = (node.get("data") or {}).get("values") if isinstance(node.get("data"), Mapping) else None
            if isinstance(values, list):
                sets.append(values)
            stack.extend(v for k, v in node.items() if k not in ("datasets", "data"))
        elif isinstance(node, list):
            stack.extend(node)
    return pd.DataFrame(max(sets, key=len)) if sets else pd.DataFrame()


def chart_figure(spec: Mapping, chart_id: str, *, title: str = "", caption: str = "", source: str = "",
                 data_href: str = "", omitted: str = "") -> str:
    """A chart as a reader quotes it: a title that states its finding, the chart, a caption, the source
    line, the chart's data as CSV and JSON (``data_href`` without its extension) and its own address (a ¶ link, as beside headings) to cite it by.

    With a title given, the spec's own title is dropped: the finding is written once, in the page's text.
    ``omitted``: why the chart is not drawn (too many marks), said in its place; the rest stays.
    """
    div = safe_id(chart_id)
    if title:
        spec = {k: v for k, v in spec.items() if k != "title"}
    parts = ([f'<p class="briefbook-chart-title">{esc(title)}'
              f'<a class="headerlink" href="#{div}-figure" title="Link to this chart">¶</a></p>'] if title else [])
    parts.append(f'<p class="briefbook-chart-omitted">{esc(omitted)}</p>' if omitted else chart_html(spec, div))
    notes = [f"<span>{esc(caption)}</span>"] if caption else []
    if source:
        notes.append(f'<span class="briefbook-source">Source: {esc(source)}</span>')
    links = ([f'Download the data: <a href="{esc(data_href)}.csv">CSV</a> · <a href="{esc(data_href)}.json">JSON</a>']
             if data_href else [])
    links.append(f'Cite this chart as the page (below) with <a href="#{div}-figure">#{div}-figure</a>')
    notes.append('<span class="briefbook-chart-links">' + " · ".join(links) + "</span>")
    return (f'<figure class="briefbook-figure" id="{div}-figure">' + "".join(parts)
            + '<figcaption class="briefbook-chart-caption">' + " ".join(notes) + "</figcaption></figure>")


def _renderer(spec: dict, **kwargs) -> dict[str, str]:
    return {"text/html": chart_html(spec), "text/plain": "<briefbook chart>"}


def enable_offline_charts() -> None:
    """Make Altair draw every chart with the site's own vega bundle (no CDN)."""
    alt.renderers.register("briefbook", _renderer)
    alt.renderers.enable("briefbook")
    alt.data_transformers.disable_max_rows()
