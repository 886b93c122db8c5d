"""Chronology: dated events, relative dates resolved, merged across sources (an analysis of layer 4).

Date expressions are found and resolved by the shared language layer
(:mod:`briefbook.language.dates`, with :mod:`briefbook.language.years` for a
missing year). The steps here, each in its own module: ``clauses`` finds the
happening a date belongs to in the shared parse, ``events`` turns both into
events.csv rows, ``article_dates`` dates the articles relative dates count from,
``timeline`` merges one happening's reports and flags date conflicts, ``charts``
and ``summary`` present them, ``evaluate`` scores them against annotations.
"""

from briefbook.chronology.article_dates import article_dates
from briefbook.chronology.charts import sources_chart, timeline_chart
from briefbook.chronology.events import extract_events
from briefbook.chronology.labels import article_dates_shown, events_shown, with_when
from briefbook.chronology.summary import summary_sentences
from briefbook.chronology.timeline import date_conflicts, timeline
from briefbook.language.dates import dates_by_doc

__all__ = [
    "article_dates", "article_dates_shown", "dates_by_doc", "events_shown", "with_when", "extract_events", "timeline", "date_conflicts",
    "timeline_chart", "sources_chart", "summary_sentences",
]
