"""Altair charts of the chronology: the merged timeline, and who reported what when.

Charts take the plain tables (:func:`briefbook.chronology.timeline.timeline`,
events.csv) and return Altair charts the notebook displays or saves; no data
is computed here beyond turning date labels into plottable days.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from briefbook.corpus.outlets import source_names
from briefbook.language.dates import how_label


def _first_day(label: str) -> str:
    """``YYYY-MM`` (month precision) plots at the month's first day."""
    return label if len(label) == 10 else f"{label}-01"


def _plottable(entries: pd.DataFrame) -> pd.DataFrame:
    entries = entries.assign(
        date=entries["date"].fillna("").astype(str), date_end=entries["date_end"].fillna("").astype(str)
    )
    dated = entries[entries["date"] != ""].copy()
    dated["start_day"] = dated["date"].map(_first_day)
    dated["end_day"] = [
        end if end else start for start, end in zip(dated["start_day"], dated["date_end"].fillna(""))
    ]
    # A range is drawn to the end of its last day, so a one-day range still shows.
    dated["end_day"] = [
        (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat() if end != start else end
        for start, end in zip(dated["start_day"], dated["end_day"])
    ]
    return dated


def timeline_chart(entries: pd.DataFrame, width: int = 640) -> alt.LayerChart:
    """The timeline: one row per entry in date order, a dot at its date (a bar over a range
    or month), labelled, coloured by kind, with its sources and any date conflict on hover."""
    data = _plottable(entries)
    data["conflict_note"] = ["sources disagree on the date" if c else "" for c in data["conflict"]]
    order = list(data.sort_values(["start_day", "timeline_id"])["timeline_id"])
    y = alt.Y("timeline_id:N", sort=order, axis=None)
    tooltip = [
        alt.Tooltip("date:N", title="date"),
        alt.Tooltip("dates:N", title="dates given"),
        alt.Tooltip("label:N", title="event"),
        alt.Tooltip("kind:N", title="kind"),
        alt.Tooltip("sources:N", title="sources"),
        alt.Tooltip("n_sources:Q", title="number of sources"),
        alt.Tooltip("conflict_note:N", title="conflict"),
    ]
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    span = base.mark_bar(height=6, opacity=0.5).encode(
        x=alt.X("start_day:T", title="date"), x2="end_day:T", color=alt.Color("kind:N", title="kind", legend=alt.Legend(orient="bottom"))
    )
    dots = base.mark_point(filled=True, size=90).encode(
        x="start_day:T",
        color="kind:N",
        shape=alt.Shape("conflict:N", title="date conflict", legend=alt.Legend(orient="bottom")),
    )
    labels = base.mark_text(align="left", dx=8, fontSize=11).encode(x="start_day:T", text="label:N")
    height = max(120, 22 * len(data))
    return alt.layer(span, dots, labels).properties(width=width, height=height, title="Timeline")


def _day_words(day: str) -> str:
    """"2015-09-24" -> "24 September 2015"; "2015-09" -> "September 2015"."""
    parts = [int(p) for p in day.split("-")]
    named = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return named.strftime("%-d %B %Y" if len(parts) == 3 else "%B %Y" if len(parts) == 2 else "%Y")


def timeline_title(entries: pd.DataFrame) -> str:
    """The finding of the timeline chart: how many dated entries, over which span, how many dates disputed."""
    data = _plottable(entries)
    if data.empty:
        return "No event could be placed on the calendar"
    first, last = min(data["date"]), max(data["date"])
    span = _day_words(first) if first == last else f"from {_day_words(first)} to {_day_words(last)}"
    disputed = int(data["conflict"].fillna(False).astype(bool).sum()) if "conflict" in data else 0
    return (f"{len(data)} dated {'entry' if len(data) == 1 else 'entries'} {span}; "
            + (f"sources disagree on the date of {disputed}" if disputed else "no source contradicts another's date"))


def sources_title(events: pd.DataFrame, documents: pd.DataFrame) -> str:
    """The finding of the events-by-source chart: which source dates the most events."""
    data = _plottable(events)
    if data.empty:
        return "No source dates an event on the calendar"
    outlets = source_names(documents)
    counts = data["doc_id"].map(lambda d: outlets.get(d, d)).value_counts()
    return (f"{counts.index[0]} dates the most events ({counts.iloc[0]} of {len(data)}); "
            f"{len(counts)} {'source dates' if len(counts) == 1 else 'sources date'} at least one")


def sources_chart(events: pd.DataFrame, documents: pd.DataFrame, width: int = 640) -> alt.Chart:
    """Who reported what when: one row per source, a mark per dated event, coloured by
    kind; marks of one timeline entry share a tooltip id so disagreements stand out."""
    outlets = source_names(documents)
    data = _plottable(events)
    data["source"] = data["doc_id"].map(lambda d: outlets.get(d, d))
    data["how"] = [how_label(str(h)) for h in data["how"]]
    return (
        alt.Chart(data)
        .mark_tick(thickness=3, size=18)
        .encode(
            x=alt.X("start_day:T", title="date"),
            y=alt.Y("source:N", title="source"),
            color=alt.Color("kind:N", title="kind"),
            tooltip=[
                alt.Tooltip("date:N"), alt.Tooltip("text:N", title="event"), alt.Tooltip("date_text:N", title="wording"),
                alt.Tooltip("how:N"), alt.Tooltip("timeline_id:N"),
            ],
        )
        .properties(width=width, title="Dated events by source")
    )
