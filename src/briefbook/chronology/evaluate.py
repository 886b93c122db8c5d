"""Accuracy of the Chronology analysis against hand annotations.

Measures (one :class:`~briefbook.scoring.Metric` each):

* ``event+date`` — an event is right when its clause overlaps a gold clause
  (:data:`briefbook.scoring.SPAN_OVERLAP`) *and* its date is the gold date: the
  same day, the same month, or, for a gold approximate range, a day or range
  overlapping it. Unresolved rows make no date claim and are not counted as
  predictions; the gold events they leave unmatched lower recall.
* ``event span`` — the same matching without the date, to tell finding from dating.
* ``timeline merge`` — pairwise F1 of the timeline grouping over matched events
  against the gold ``happening`` labels.
* ``article dates found`` — share of annotated articles whose inferred date is
  the gold date.

``briefbook evaluate --only chronology`` prints this analysis's rows: the tables scored are
those the book's pipeline makes (:mod:`briefbook.pipeline`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from briefbook.scoring import Metric, locate, match, pairwise_f1, prf, span_overlap

ANALYSIS = "chronology"


def gold_range(value) -> tuple[dt.date, dt.date, str]:
    """A gold date as (first, last, precision): a day, a month (``YYYY-MM``) or ``FIRST/LAST``."""
    if isinstance(value, dt.date):
        return value, value, "day"
    text = str(value).strip()
    if "/" in text:
        first, last = (dt.date.fromisoformat(part.strip()) for part in text.split("/", 1))
        return first, last, "range"
    if len(text) == 7:
        first = dt.date.fromisoformat(text + "-01")
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, following - dt.timedelta(days=1), "month"
    day = dt.date.fromisoformat(text)
    return day, day, "day"


def predicted_range(row: dict) -> tuple[dt.date, dt.date, str] | None:
    if not row["date"]:
        return None
    first = dt.date.fromisoformat(row["date"] if len(row["date"]) == 10 else row["date"] + "-01")
    return first, dt.date.fromisoformat(row["date_end"]), row["precision"]


def date_right(predicted: tuple[dt.date, dt.date, str] | None, gold: tuple[dt.date, dt.date, str]) -> bool:
    """Same day, same month, or overlapping an approximate gold range (see the module docstring)."""
    if predicted is None:
        return False
    if gold[2] == "range":
        return predicted[2] in ("day", "range") and predicted[0] <= gold[1] and gold[0] <= predicted[1]
    return predicted[2] == gold[2] and predicted[0] == gold[0] and predicted[1] == gold[1]


def load_gold(data: dict, corpus) -> tuple[list[dict], dict[str, dt.date]]:
    """Gold events (with offsets) and article dates, keyed to the corpus's doc ids."""
    data = data or {}
    by_file = {d.file: d for d in corpus.documents}
    events = []
    for item in data.get("events", []):
        document = by_file[item["file"]]
        start, end = locate(document.text, item["text"], item.get("occurrence", 1))
        events.append({
            "doc_id": document.doc_id, "start": start, "end": end, "date": gold_range(item["date"]),
            "happening": item.get("happening", ""),
        })
    articles = {
        by_file[item["file"]].doc_id: gold_range(item["date"])[0]
        for item in data.get("articles", [])
        if item.get("date")
    }
    return events, articles


def _same_span(p: dict, g: dict) -> float:
    return span_overlap((p["start"], p["end"]), (g["start"], g["end"])) if p["doc_id"] == g["doc_id"] else 0.0


def score(events: pd.DataFrame, dates: pd.DataFrame, gold_events: list[dict],
          gold_articles: dict[str, dt.date], corpus_name: str) -> list[Metric]:
    """The measures of the module docstring for one corpus's extraction."""
    predicted = [r for r in events.to_dict("records") if not r["unresolved"]]

    def same_dated(p: dict, g: dict) -> float:
        return _same_span(p, g) if date_right(predicted_range(p), g["date"]) else 0.0

    dated_pairs = match(predicted, gold_events, same_dated)
    span_pairs = match(predicted, gold_events, _same_span)
    metrics = [
        Metric(corpus_name, ANALYSIS, "event+date", *prf(len(dated_pairs), len(predicted), len(gold_events)),
               len(gold_events)),
        Metric(corpus_name, ANALYSIS, "event span", *prf(len(span_pairs), len(predicted), len(gold_events)),
               len(gold_events)),
    ]
    all_rows = events.to_dict("records")
    merge_pairs = match(all_rows, gold_events, _same_span)
    predicted_groups = {j: all_rows[i]["timeline_id"] for i, j in merge_pairs}
    gold_groups = {j: (gold_events[j]["happening"] or f"solo-{j}") for _, j in merge_pairs}
    metrics.append(Metric(corpus_name, ANALYSIS, "timeline merge", *pairwise_f1(predicted_groups, gold_groups),
                          len(merge_pairs)))
    found = {r["doc_id"]: r["date"] for r in dates.to_dict("records")}
    right = sum(1 for doc_id, date in gold_articles.items() if found.get(doc_id) == date.isoformat())
    share = right / len(gold_articles) if gold_articles else None
    metrics.append(Metric(corpus_name, ANALYSIS, "article dates found", None, None, None, len(gold_articles), share))
    return metrics


def evaluate(corpus, tables: dict[str, pd.DataFrame], gold: dict, corpus_name: str,
             annotations: Path | None = None) -> list[Metric]:
    """Score the pipeline's events and article dates of ``corpus`` against the gold (parsed YAML)."""
    gold_events, gold_articles = load_gold(gold, corpus)
    return score(tables["events"], tables["article_dates"], gold_events, gold_articles, corpus_name)
