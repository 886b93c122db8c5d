"""Altair charts and the mentions table of the figures analysis.

Each function takes the plain frames :func:`~briefbook.figures.extract_figures`
and :func:`~briefbook.figures.reconcile.reconcile` return and gives back a
chart (or a frame) ready for a notebook cell; tooltips carry the quote, the
source and the paragraph anchor so every mark can be traced to the text.
Numbers are on a log scale because counts of a few children and of thousands
of troops sit in the same chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from briefbook.charting import corrected_words, top_or_other
from briefbook.corpus.outlets import source_name
from briefbook.figures.reconcile import CATEGORY_ORDER
from briefbook.figures.summary import who_labels

UNDATED = "undated"


def _value(low, high) -> float | None:
    """The point a figure is drawn at: its lower bound, or its upper bound when only that is known."""
    if pd.notna(low):
        return float(low)
    if pd.notna(high):
        return float(high)
    return None


def _range_label(low, high) -> str:
    if pd.isna(low) and pd.isna(high):
        return "vague, not ranged"
    if pd.notna(low) and pd.isna(high):
        return f"{int(low):,} or more"
    if pd.isna(low) and pd.notna(high):
        return f"up to {int(high):,}"
    if int(low) == int(high):
        return f"{int(low):,}"
    return f"{int(low):,}–{int(high):,}"


def chart_data(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure with what the charts plot: value, range end, label, source, report date."""
    frame = figures.copy()
    frame["value"] = [_value(lo, hi) for lo, hi in zip(frame["low"], frame["high"])]
    frame["top"] = [float(hi) if pd.notna(hi) else None for hi in frame["high"]]
    frame["range"] = [_range_label(lo, hi) for lo, hi in zip(frame["low"], frame["high"])]
    frame["source"] = [source_name(o, f, d) for o, f, d in zip(frame.get("outlet", frame["file"]), frame["file"], frame["doc_id"])]
    frame["colour"] = top_or_other(frame["source"], other="other outlets")  # the legend; the tooltip names each
    frame["report_date"] = [str(d) if pd.notna(d) and d else UNDATED for d in frame["reported_on"]]
    frame["group"] = frame["category"] + " · " + frame["who"].str.replace("_", " ")
    frame["corrected"] = corrected_words(frame)
    keep = ["figure_id", "doc_id", "file", "paragraph", "anchor", "text", "category", "who", "qualifier",
            "attribution", "sentence", "value", "top", "range", "source", "colour", "report_date", "group",
            "corrected"]
    frame = frame[frame["value"].notna()][keep].reset_index(drop=True)
    frame["paragraph"] = frame["paragraph"].astype(int)
    for column in ("top", "value"):  # JSON has no NaN: open ends must be null
        frame[column] = pd.Series([None if pd.isna(v) else float(v) for v in frame[column]], dtype=object)
    return frame


def _values(frame: pd.DataFrame) -> dict:
    """Inline chart data with real nulls (JSON has no NaN; open-ended figures have no top).

    A plain ``{"values": [...]}``: Altair moves it to the spec's ``datasets`` as it is. Wrapped in
    ``alt.Data`` it was validated and copied record by record, a second for a few thousand figures."""
    records = [
        {k: (None if (v is None or (isinstance(v, float) and v != v) or v is pd.NA) else v) for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]
    return {"values": records}


_TOOLTIP = [
    alt.Tooltip("range:N", title="figure"),
    alt.Tooltip("group:N", title="counts"),
    alt.Tooltip("qualifier:N"),
    alt.Tooltip("source:N", title="outlet"),
    alt.Tooltip("attribution:N", title="credited to"),
    alt.Tooltip("report_date:N", title="reported on"),
    alt.Tooltip("sentence:N", title="text"),
    alt.Tooltip("anchor:N", title="paragraph"),
    alt.Tooltip("corrected:N", title="corrected"),
]


def undated_count(figures: pd.DataFrame) -> int:
    """How many figures the by-source chart leaves out because no date is known for them (those with
    a number to draw, as :func:`chart_data` keeps them)."""
    if figures.empty:
        return 0
    drawn = figures["low"].notna() | figures["high"].notna()
    undated = figures["reported_on"].isna() | (figures["reported_on"].astype(str) == "")
    return int((drawn & undated).sum())


def by_source_caption(figures: pd.DataFrame) -> str:
    """The caption of the figures-by-source chart, counting the undated figures it leaves out."""
    undated = undated_count(figures)
    return ("Each figure as reported, by the day it refers to, one panel per kind of figure; a bar is a range. "
            "Log scale: a count of a few and one of thousands share a panel."
            + (f" {undated} undated figure(s) have no place on the time axis and are in the table below."
               if undated else ""))


def figures_by_source_chart(figures: pd.DataFrame) -> alt.FacetChart | alt.Chart:
    """Every figure by report date and outlet, one panel per category (ranges drawn as bars)."""
    data = chart_data(figures)
    # time is the quantity: a time axis (an evenly spaced list of dates put 15 January next to 10 February);
    # undated figures have no place on it and are counted in the caption (undated_count)
    data = data[data["report_date"] != UNDATED]
    if data.empty:
        return alt.Chart(pd.DataFrame({"note": ["no dated figures"]})).mark_text().encode(text="note:N")
    base = alt.Chart().encode(
        x=alt.X("report_date:T", title="reported on", axis=alt.Axis(format="%-d %b %Y", labelAngle=-30, tickCount=6)),
        color=alt.Color("colour:N", title="outlet"),
        tooltip=_TOOLTIP,
    )
    bars = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        y=alt.Y("value:Q", scale=alt.Scale(type="log"), title="number"), y2="top:Q"
    ).transform_filter("datum.top != null")
    points = base.mark_point(filled=True, size=80, opacity=0.8).encode(
        y=alt.Y("value:Q", scale=alt.Scale(type="log"), title="number"),
        shape=alt.Shape("who:N", title="who"),
    )
    categories = [c for c in CATEGORY_ORDER if c in set(data["category"])]
    return alt.layer(bars, points, data=_values(data)).properties(width=420, height=150).facet(
        row=alt.Row("category:N", sort=categories, title=None)
    ).resolve_scale(y="independent").properties(title="Reported figures by outlet and date")


#: Room left on a log axis beyond the smallest and largest figure it must show.
_MARGIN = 1.5
OUTLIER = "outlier, not ranged"


def _reports_and_domain(reconciled: pd.DataFrame, figures: pd.DataFrame, rec: pd.DataFrame, order: list[str]):
    """Every report on its group's line with its status, and the axis's domain: the figures that are not
    outliers decide it, so one absurd report ('19,000,000') cannot squeeze every range into a corner; an
    outlier is drawn clamped at the axis's edge, its value in the tooltip."""
    reports = chart_data(figures)
    # each report sits on its own group's line (a count by nationality on its nationality's)
    group_of = {fid: group for group, ids in zip(rec["group"], reconciled["figure_ids"]) for fid in ids}
    reports["group"] = [group_of.get(f, g) for f, g in zip(reports["figure_id"], reports["group"])]
    reports = reports[reports["group"].isin(order)].copy()
    standing = {fid for ids in reconciled["standing_ids"] for fid in ids}
    off = {fid for ids in reconciled.get("outlier_ids", pd.Series(dtype=object)) for fid in ids}
    compared = {fid for ids in reconciled["figure_ids"] for fid in ids}
    reports["status"] = [
        OUTLIER if fid in off else "standing" if fid in standing else
        ("replaced or unconfirmed" if fid in compared else "part of another figure")
        for fid in reports["figure_id"]
    ]
    kept = [float(v) for v in list(reports.loc[reports["status"] != OUTLIER, "value"])
            + list(rec["low_v"]) + list(rec["high_v"]) + list(rec["best_v"]) if v is not None and v == v and v > 0]
    domain = [min(kept) / _MARGIN, max(kept) * _MARGIN] if kept and off else None
    return reports, domain


def ranges_chart(reconciled: pd.DataFrame, figures: pd.DataFrame) -> alt.LayerChart | alt.Chart:
    """The reconciled low–high of each (category, who) with its best figure and every report behind it."""
    if reconciled.empty:
        return alt.Chart(pd.DataFrame({"note": ["no figures"]})).mark_text().encode(text="note:N")
    rec = reconciled.copy()
    rec["group"] = rec["category"] + " · " + pd.Series(who_labels(rec), index=rec.index).str.replace("_", " ")
    rec["low_v"] = [float(v) if pd.notna(v) else None for v in rec["low"]]
    rec["high_v"] = [float(h) if pd.notna(h) else (float(lo) * 2 if pd.notna(lo) else None)
                     for lo, h in zip(rec["low"], rec["high"])]
    rec["best_v"] = [float(v) if pd.notna(v) else None for v in rec["best"]]
    rec["open"] = rec["high"].isna()
    rec["range"] = [_range_label(lo, hi) for lo, hi in zip(rec["low"], rec["high"])]
    rec = rec.drop(columns=["standing_ids", "outlier_ids", "figure_ids", "low", "high", "best", "best_reported_on", "best_figure_id"])
    for column in ("low_v", "high_v", "best_v"):
        rec[column] = pd.Series([None if pd.isna(v) else float(v) for v in rec[column]], dtype=object)
    order = list(rec["group"])
    y = alt.Y("group:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("group:N", title="counts"), alt.Tooltip("range:N", title="reconciled range"),
        alt.Tooltip("best_v:Q", title="best", format=","), alt.Tooltip("reports:Q"),
        alt.Tooltip("outlets:N"), alt.Tooltip("rule:N"), alt.Tooltip("explanation:N"),
    ]
    values = _values(rec)
    reports, domain = _reports_and_domain(reconciled, figures, rec, order)
    scale = alt.Scale(type="log", domain=domain, clamp=True) if domain else alt.Scale(type="log")
    span = alt.Chart(values).mark_rule(strokeWidth=8, opacity=0.35).encode(
        y=y, x=alt.X("low_v:Q", scale=scale, title="number (log scale)"), x2="high_v:Q",
        strokeDash=alt.condition("datum.open", alt.value([4, 3]), alt.value([1, 0])), tooltip=tooltip,
    )
    best = alt.Chart(values).mark_tick(thickness=3, size=22, color="black").encode(y=y, x="best_v:Q", tooltip=tooltip)
    dots = alt.Chart(_values(reports)).mark_point(size=70, filled=True, opacity=0.85).encode(
        y=y, x="value:Q", color=alt.Color("colour:N", title="outlet"),
        shape=alt.Shape("status:N", title="report"), tooltip=[*_TOOLTIP, alt.Tooltip("status:N")],
    )
    return alt.layer(span, best, dots).properties(
        title="Reconciled ranges (bar), best figure (tick) and each report (dot)", width=520
    )


def mentions_table(figures: pd.DataFrame, page: str = "") -> pd.DataFrame:
    """Every mention, in reading order, with a Markdown link to its source paragraph.

    ``page`` is the URL of the page that holds the paragraph anchors (the
    appendix); the link is ``{page}#{anchor}``.
    """
    if figures.empty:
        return pd.DataFrame(columns=["figure", "category", "who", "range", "qualifier", "credited to", "outlet",
                                     "reported on", "source"])
    return pd.DataFrame({
        "figure": figures["text"],
        "category": figures["category"],
        "who": figures["who"].str.replace("_", " "),
        "range": [_range_label(lo, hi) for lo, hi in zip(figures["low"], figures["high"])],
        "qualifier": figures["qualifier"],
        "credited to": figures["attribution"],
        "outlet": [source_name(o, f) for o, f in zip(figures.get("outlet", figures["file"]), figures["file"])],
        "reported on": [str(d) if pd.notna(d) and d else "" for d in figures["reported_on"]],
        "source": [f"[{f} ¶{p}]({page}#{a})" for f, p, a in zip(figures["file"], figures["paragraph"], figures["anchor"])],
    })
