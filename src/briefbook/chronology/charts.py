"""Altair charts of the chronology: the merged timeline, and who reported what when.

Charts take the plain tables (:func:`briefbook.chronology.timeline.timeline`,
events.csv) and return Altair charts the notebook displays or saves; no data
is computed here beyond turning date labels into plottable days.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from briefbook.charting import corrected_words
from briefbook.chronology.events import kind_lexicon
from briefbook.corpus.outlets import source_names
from briefbook.language.dates import date_words, how_label


def kind_colour(title: str = "kind") -> alt.Color:
    """One colour per kind of happening, the same in every chart: the scale's domain is the lexicon's
    kinds in its order, not the kinds one chart happens to show (each chart once coloured its own)."""
    return alt.Color("kind:N", title=title, scale=alt.Scale(domain=[*kind_lexicon(), "other"], scheme="tableau10"))


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


#: Longest entry label the timeline's axis shows; the whole wording is in the tooltip and the table.
LABEL_CHARS = 60


def _row_labels(data: pd.DataFrame) -> list[str]:
    """Each entry's axis label: its short date and its wording, cut at a word; made unique, since the
    axis is keyed by its labels and two entries may read alike."""
    seen: dict[str, int] = {}
    out = []
    for date, day, label in zip(data["date"], data["start_day"], data["label"].fillna("").astype(str)):
        text = label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS].rsplit(" ", 1)[0] + "…"
        when = dt.date.fromisoformat(day)
        # as precise as the date is: a month is "Jan 2022", never its first day
        text = f"{when.day} {when.strftime('%b')} · {text}" if len(date) == 10 else f"{when.strftime('%b %Y')} · {text}"
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return out


def timeline_chart(entries: pd.DataFrame, width: int = 420) -> alt.LayerChart:
    """The timeline: one row per entry in date order, labelled on the left with its date and wording, a dot
    at its date on a time axis (a bar over a range or month), coloured by kind, with its sources and any
    date conflict on hover.

    The wording is the axis, not text drawn beside the dot: text beside a late entry's dot ran past the
    plot, and on a phone covered the axis. The page fits the axis labels to the column (render).
    """
    data = _plottable(entries).sort_values(["start_day", "timeline_id"])
    data["conflict_note"] = ["sources disagree on the date" if c else "sources agree" for c in data["conflict"]]
    data["row"] = _row_labels(data)
    y = alt.Y("row:N", sort=list(data["row"]), title=None, axis=alt.Axis(labelFontSize=11))
    tooltip = [
        alt.Tooltip("date:N", title="date"),
        alt.Tooltip("dates:N", title="dates given"),
        alt.Tooltip("label:N", title="event"),
        alt.Tooltip("kind:N", title="kind"),
        alt.Tooltip("sources:N", title="sources"),
        alt.Tooltip("n_sources:Q", title="number of sources"),
        alt.Tooltip("conflict_note:N", title="conflict"),
    ]
    x = alt.X("start_day:T", title="date", axis=alt.Axis(format="%-d %b %Y", labelAngle=-30,
                                                       tickCount=_ticks(data["start_day"], data["end_day"])))
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    # legends stand beside the plot, one entry a line (a row of them ran past the column); on a phone
    # the page moves them below (render's fit)
    span = base.mark_bar(height=6, opacity=0.5).encode(x=x, x2="end_day:T", color=kind_colour())
    disputed = bool(data["conflict"].fillna(False).astype(bool).any())
    dots = base.mark_point(filled=True, size=90).encode(
        x="start_day:T",
        color="kind:N",
        # a marker for disputed dates only where a date is disputed: a legend of "false" says nothing
        **({"shape": alt.Shape("conflict_note:N", title="date")} if disputed else {}),
    )
    height = max(120, 22 * len(data))
    # the label width is config, not the axis's own: on a phone the page narrows it (render's fit)
    return alt.layer(span, dots).properties(width=width, height=height).configure_axisY(labelLimit=320)


def _ticks(starts: pd.Series, ends: pd.Series) -> dict:
    """Ticks at whole days, weeks or months, about six over the span: a time axis left to itself marks
    noon between two days, and labels a week of days twice each."""
    days = [dt.date.fromisoformat(d) for d in list(starts) + list(ends) if d]
    span = (max(days) - min(days)).days if days else 0
    if span <= 42:
        return {"interval": "day", "step": max(1, -(-span // 6))}
    if span <= 300:
        return {"interval": "week", "step": max(1, -(-span // 42))}
    return {"interval": "month", "step": max(1, -(-span // 180))}


def timeline_title(entries: pd.DataFrame) -> str:
    """The finding of the timeline chart: how many dated entries, over which span, how many dates disputed."""
    data = _plottable(entries)
    if data.empty:
        return "No event could be placed on the calendar"
    first, last = min(data["date"]), max(data["date"])
    span = date_words(first) if first == last else f"from {date_words(first)} to {date_words(last)}"
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
    data["corrected"] = corrected_words(data)
    return (
        alt.Chart(data)
        .mark_tick(thickness=3, size=18)
        .encode(
            x=alt.X("start_day:T", title="date", axis=alt.Axis(format="%-d %b %Y", labelAngle=-30,
                                                            tickCount=_ticks(data["start_day"], data["end_day"]))),
            y=alt.Y("source:N", title="source"),
            color=kind_colour(),
            tooltip=[
                alt.Tooltip("date:N"), alt.Tooltip("text:N", title="event"), alt.Tooltip("date_text:N", title="wording"),
                alt.Tooltip("how:N"), alt.Tooltip("timeline_id:N"), alt.Tooltip("corrected:N"),
            ],
        )
        .properties(width=width, title="Dated events by source")
    )
