"""Plain-language findings of the chronology, for the report's text.

Each sentence is built from the tables only (events.csv and the timeline), so
the report says nothing the data does not show, and says what is missing.
"""

from __future__ import annotations


import pandas as pd

from briefbook.chronology.timeline import as_read, planned_entries
from briefbook.language.dates import date_words, how_label


def _day(label: str) -> str:
    """"2022-01-02" -> "2 January 2022"; "2022-01" -> "January 2022"."""
    return date_words(label) or "an unknown date"


def summary_sentences(events: pd.DataFrame, timeline: pd.DataFrame) -> list[str]:
    """A few sentences: how much was dated, the span, what several sources agree on,
    where they disagree, and what could not be placed."""
    if events.empty:
        return ["No dated events were found in the articles."]
    events = as_read(events)
    sentences = []
    dated = timeline[timeline["date"] != ""]
    n_docs = events["doc_id"].nunique()
    placed = int((events["date"] != "").sum())
    sentences.append(
        f"{len(events)} date mentions in {n_docs} article{'s' if n_docs != 1 else ''}, "
        f"{placed} of them placed on the calendar, make {len(dated)} dated timeline "
        f"entr{'ies' if len(dated) != 1 else 'y'}."
        if placed else
        f"{len(events)} date mentions in {n_docs} article{'s' if n_docs != 1 else ''}, none of which could be "
        f"placed on the calendar: no article's date could be read or inferred, so weekdays and dates without a "
        f"year stay undated rather than guessed (a manifest with each article's date places them)."
    )
    # the span is that of what happened: an entry only planned or forecast ("the curfew will stay in force on
    # Saturday") is not where the timeline ends
    happened = dated[~dated["timeline_id"].isin(planned_entries(events))]
    if len(happened):
        first, last = happened.iloc[0], happened.iloc[-1]
        sentences.append(
            f"The timeline runs from {_day(first['date'])} ({first['label']}) "
            f"to {_day(last['date'])} ({last['label']})."
        )
    shared = dated[dated["n_sources"] > 1]
    if len(shared):
        best = shared.sort_values(["n_sources", "date"], ascending=[False, True]).iloc[0]
        sentences.append(
            f"{len(shared)} entr{'ies are' if len(shared) != 1 else 'y is'} reported by more than one source; "
            f"the most widely reported is {best['label']} ({_day(best['date'])}, {best['n_sources']} sources: "
            f"{best['sources']})."
        )
    conflicts = timeline[timeline["conflict"]]
    for entry in conflicts.to_dict("records"):
        dates = ", ".join(_day(d) for d in entry["dates"].split(";") if d)
        sentences.append(f"Sources disagree on the date of {entry['label']}: {dates} ({entry['sources']}).")
    unresolved = events[events["unresolved"]]
    if len(unresolved):
        sentences.append(
            f"{len(unresolved)} relative date{'s' if len(unresolved) != 1 else ''} could not be placed "
            f"(for example {unresolved.iloc[0]['date_text']!r}: {how_label(unresolved.iloc[0]['how'])})."
        )
    planned = events[events["planned"] & (events["date"] != "")]
    if len(planned):
        what = "mentions are plans or forecasts" if len(planned) != 1 else "mention is a plan or a forecast"
        sentences.append(f"{len(planned)} dated {what}, not a reported happening.")
    return sentences
