"""What a chapter notebook needs, in a few calls: the data, safe tables, charts, sentences.

Notebooks stay thin: they load a :class:`Report`, call the analyses' own
functions on its tables and show the result with :func:`show_table`,
:func:`show_chart` and :func:`say`. Everything shown is escaped here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import pandas as pd
from IPython.display import HTML, display

from briefbook.extract import cached_extract, read_tables
from briefbook.publish import limits, render
from briefbook.publish.downloads import frame_to_files

#: Set by ``briefbook build``: the folder of the site where shown tables are saved as CSV and JSON.
DOWNLOADS_ENV = "BRIEFBOOK_DOWNLOADS"

@dataclass
class Report:
    """The tables of one build, as DataFrames, and the build's metadata."""

    data_dir: Path
    tables: dict[str, pd.DataFrame]
    meta: dict = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        """A table by name (an empty DataFrame when the analysis did not run)."""
        return self.tables.get(name, pd.DataFrame()).copy()

    @property
    def documents(self) -> pd.DataFrame:
        return self.table("documents")


def load_report(seeds_dir: str | Path, cache_dir: str | Path) -> Report:
    """Load the tables of ``seeds_dir`` and turn on offline charts.

    ``cache_dir`` is either the cache root (tables are extracted there if they
    are not cached yet: a notebook run by hand) or one extraction's folder, as
    ``briefbook build`` passes it, so every chapter of a build reads the same
    extraction.
    """
    folder = Path(cache_dir)
    if not (folder / "COMPLETE").is_file():
        folder, _, _ = cached_extract(Path(seeds_dir), folder)
    tables = read_tables(folder)  # each column as its table declares it
    meta = json.loads((folder / "COMPLETE").read_text(encoding="utf-8"))
    render.enable_offline_charts()
    return Report(folder, tables, meta)


def show_html(markup: str) -> None:
    display(HTML(markup))


def say(*sentences: str) -> None:
    """Show sentences computed from the data as one escaped paragraph."""
    text = " ".join(s.strip() for s in sentences if s and s.strip())
    if text:
        show_html(f'<p class="briefbook-finding">{render.esc(text)}</p>')


def say_summary(sentences: list[str]) -> None:
    """An opening sentence, then one bullet per finding: a chapter's summary an analyst can scan
    (one paragraph of nine groups and their disagreements could not be read)."""
    say(*sentences[:1])
    say_list(sentences[1:])


def say_list(items: Iterable[str]) -> None:
    """Show computed sentences as an escaped bullet list."""
    items = [i for i in items if i]
    if items:
        show_html("<ul>" + "".join(f"<li>{render.esc(i)}</li>" for i in items) + "</ul>")


def show_findings(findings) -> None:
    """Key findings as a list, each sentence linking to what supports it (hrefs built by the package)."""
    if findings:
        show_html('<ul class="briefbook-findings">' + "".join(
            f"<li>{render.esc(f.text)} {render.link(f.href, 'See the evidence.')}</li>" for f in findings) + "</ul>")


def show_facts(facts, empty: str = "The articles report no casualty, detention or deployment figure.") -> None:
    """The brief's infobox: each reconciled figure, its range, source and date, linked to its row and paragraph."""
    if not facts:
        say(empty)
        return
    rows = []
    for f in facts:
        links = [render.link(f.href, "how it was reconciled")]
        if f.evidence:
            links.append(render.link(f.evidence, "the report it comes from"))
        details = "".join(f"<li>{render.esc(d)}</li>" for d in f.details)  # one line, dot-separated (CSS)
        rows.append(
            f'<tr id="brief-{render.safe_id(f.href.rsplit("#", 1)[-1])}"><th scope="row">{render.esc(f.label)}</th>'
            f'<td><span class="briefbook-brief-value">{render.esc(f.value)}</span>'
            f'<ul class="briefbook-brief-details">{details}</ul>'
            f'<p class="briefbook-brief-links">{" · ".join(links)}</p></td></tr>')
    show_html('<table class="briefbook-infobox" id="brief-figures"><tbody>' + "".join(rows) + "</tbody></table>")


def _show_list(items, list_id: str, empty: str, item) -> None:
    """A list of the brief (``item`` renders one entry as escaped HTML), or ``empty`` as a sentence."""
    if not items:
        say(empty)
        return
    show_html(f'<ul class="briefbook-brief-list" id="{list_id}">' + "".join(f"<li>{item(i)}</li>" for i in items) + "</ul>")


def show_key_dates(dates, empty: str = "No happening could be placed on the calendar.") -> None:
    """The brief's key dates, each linked to its timeline entry."""
    _show_list(dates, "brief-dates", empty, lambda d: (
        f'<span class="briefbook-brief-day">{render.esc(d.day)}</span> {render.esc(d.what)} '
        f'({render.esc(d.sources)}, {render.link(d.href, "entry")})'))


def show_key_claims(claims, empty: str = "No statement could be attributed to a speaker.") -> None:
    """The brief's most carried claims, each with its speaker and linked to its row on the claims page."""
    if claims and all(c.carried <= 1 for c in claims):
        say("No claim is carried by more than one outlet; these are the claims of the speakers quoted most, "
            "each resting on one outlet alone.")
    # a reported statement is the writer's words: shown as such, never in quotation marks to be misquoted
    _show_list(claims, "brief-claims", empty, lambda c: (
        (f'<strong>{render.esc(c.speaker)}</strong>: “{render.esc(c.wording)}” ' if c.quoted else
         f'<strong>{render.esc(c.speaker)}</strong> (reported): {render.esc(c.wording)} ')
        + f'({render.esc(c.outlets)}; {render.link(c.href, "claim")})'))


def glue_numbers(numbers: dict[str, int]) -> None:
    """Glue counts for the page's text (``{glue:text}`name` ``): numbers computed, not typed."""
    from myst_nb import glue

    for name, value in numbers.items():
        glue(name, int(value), display=False)


def with_source_links(frame: pd.DataFrame, label_column: str | None = None, prefix: str = "articles/") -> pd.DataFrame:
    """Add a ``source`` column of links to each row's article paragraph (needs doc_id and anchor)."""
    frame = frame.copy()

    def cell(row) -> str:
        label = f"¶{int(row['paragraph'])}" if pd.notna(row.get("paragraph")) else "article"
        if label_column:
            label = f"{row[label_column]} {label}"
        return render.link(render.article_href(row["doc_id"], row.get("anchor", ""), prefix), label)

    frame["source"] = [cell(row) for row in frame.to_dict("records")] if len(frame) else []
    return frame


def with_member_links(
    frame: pd.DataFrame, members: pd.DataFrame, key: str, label_column: str | None = None, prefix: str = "articles/",
) -> pd.DataFrame:
    """Add a ``source`` column linking each row to every paragraph its members come from.

    For a table of groups (claims, timeline entries) whose member rows (statements,
    events) carry ``doc_id``, ``paragraph`` and ``anchor``: one link per distinct paragraph.
    """
    frame = frame.copy()
    links: dict[str, list[str]] = {}
    if not members.empty:
        ordered = members.sort_values(["doc_id", "paragraph"], kind="stable")
        cells: dict[str, dict[str, str]] = {}  # group -> anchor -> link, in (doc_id, paragraph) order
        labels = ordered[label_column] if label_column else [""] * len(ordered)
        for value, doc_id, paragraph, anchor, name in zip(ordered[key], ordered["doc_id"], ordered["paragraph"],
                                                          ordered["anchor"], labels):
            seen = cells.setdefault(value, {})
            if anchor not in seen:
                label = f"{(name or 'article') if label_column else ''} ¶{int(paragraph)}".strip()
                seen[anchor] = render.link(render.article_href(doc_id, anchor, prefix), label)
        links = {value: render.at_most(list(seen.values()), "more paragraphs") for value, seen in cells.items()}
    frame["source"] = [" ".join(links.get(v, [])) for v in frame[key]] if len(frame) else []
    return frame


def show_table(
    frame: pd.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    row_id: str | None = None,
    html_columns: Iterable[str] = ("source",),
    table_id: str = "",
    caption: str = "",
    empty: str = "Nothing to show.",
    data_columns: Mapping[str, str] | None = None,
    keep: Iterable[str] = (),
) -> None:
    """Show a DataFrame as an escaped HTML table (rows addressable by ``row_id``).

    ``data_columns`` are written to the table's download only: the numbers behind a column
    the page shows in words ("612 to 2,000") stay numbers for whoever computes with them.
    A table longer than :func:`briefbook.publish.limits.rows_shown` rows shows its first rows, in its own order, and the
    rows of ``keep`` (``row_id`` values another page links to), and says so; the download holds
    every row (see :func:`rows_shown`).
    """
    if frame is None or frame.empty:
        say(empty)
        return
    downloads = _download_links(frame, {**(columns or {c: c for c in frame.columns}), **(data_columns or {})},
                                html_columns, table_id)
    shown = rows_shown(frame, row_id, keep) if downloads else frame
    markup = render.html_table(shown, columns=columns, row_id=row_id, html_columns=html_columns,
                               table_id=table_id, caption=caption)
    note = "" if len(shown) == len(frame) else (
        f'<p class="briefbook-rows-note">{len(shown):,} of {len(frame):,} rows are shown: the first in this '
        "table's order, and any a finding on another page links to. Every row is in the download.</p>")
    show_html(note + markup + downloads)


def rows_shown(frame: pd.DataFrame, row_id: str | None = None, keep: Iterable[str] = (),
               limit: int | None = None) -> pd.DataFrame:
    """The rows of ``frame`` a page shows: all up to ``limit`` (:func:`briefbook.publish.limits.rows_shown`),
    else the first ``limit`` and those whose ``row_id`` is in ``keep``, in the frame's order."""
    limit = limits.rows_shown() if limit is None else limit
    if len(frame) <= limit:
        return frame
    head = pd.Series(range(len(frame)), index=frame.index) < limit
    if row_id and keep:
        head |= frame[row_id].map(render.safe_id).isin({render.safe_id(k) for k in keep})
    return frame[head.to_numpy()]


def anchors(items: Iterable) -> set[str]:
    """The row ids that links (``items`` with an ``href`` such as "claims.html#cl-1") point at."""
    return {item.href.partition("#")[2] for item in items if "#" in item.href}


def _download_links(frame: pd.DataFrame, columns, html_columns, table_id: str) -> str:
    """Write the table as CSV and JSON for the site (when building one) and link them under it.

    ``briefbook build`` sets ``BRIEFBOOK_DOWNLOADS`` to the site's download folder;
    a notebook run by hand shows the table without links.
    """
    folder = os.environ.get(DOWNLOADS_ENV)
    if not folder or not table_id:
        return ""
    keep = [c for c in (columns or frame.columns) if c not in set(html_columns)]
    keep += [c for c in ("doc_id", "anchor", "paragraph") if c in frame.columns and c not in keep]
    data = frame[keep].rename(columns={c: str(columns[c]) for c in keep if columns and c in columns})
    frame_to_files(data, Path(folder), render.safe_id(table_id))
    name = render.safe_id(table_id)
    return (
        f'<p class="briefbook-downloads">Download this table: '
        f'<a href="../_static/downloads/{name}.csv">CSV</a> · <a href="../_static/downloads/{name}.json">JSON</a></p>'
    )


def show_chart(chart: alt.TopLevelMixin, chart_id: str, *, title: str = "", caption: str = "",
               source: str = "") -> None:
    """Draw an Altair chart with the site's own vega bundle, in a figure with a stable id.

    ``title`` states the chart's finding, ``caption`` says how to read it and
    ``source`` where its data come from; the drawn rows are saved as the chart's CSV.
    """
    spec = chart.to_dict()
    folder, name = os.environ.get(DOWNLOADS_ENV), render.safe_id(chart_id)
    href, drawn = "", render.drawn_data(spec)
    if folder:
        frame_to_files(drawn, Path(folder), name)
        href = f"../_static/downloads/{name}"
    omitted = ""
    if len(drawn) > limits.chart_rows():
        omitted = (f"Not drawn: this chart would draw {len(drawn):,} rows, more than a page can show readably "
                   f"(the most is {limits.chart_rows():,}). " + ("Its data is in the download below." if href else ""))
    show_html(render.chart_figure(spec, chart_id, title=title, caption=caption, source=source, data_href=href,
                                  omitted=omitted))


def source_line(documents: pd.DataFrame) -> str:
    """Where a chart's data come from: the articles and their outlets, as read by briefbook."""
    column = documents.get("outlet", pd.Series([None] * len(documents), dtype=object))
    named_rows = [str(o) for o in column if isinstance(o, str) and o.strip()]
    outlets = sorted(set(named_rows))
    unnamed = len(documents) - len(named_rows)
    if not outlets:
        named = "whose outlet the text does not name" if len(documents) == 1 else "whose outlets the text does not name"
    else:
        named = f"from {', '.join(outlets)}" if len(outlets) <= 6 else f"from {len(outlets)} outlets"
        if unnamed:  # "6 articles from X" would credit X with all six
            named = f"({len(named_rows)} {named}, {unnamed} whose outlet the text does not name)"
    return f"{plural(len(documents), 'news article')} {named}, as read by briefbook (see Methods)."


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    """``3 articles``, ``1 article``."""
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"
