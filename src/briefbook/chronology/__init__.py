"""Chronology: dated events, relative dates resolved, merged across sources.

The public interface the report notebook and the other analyses use.
"""

from briefbook.chronology.article_dates import article_dates, dates_by_doc
from briefbook.chronology.events import extract_events
from briefbook.chronology.timeline import date_conflicts, timeline

__all__ = ["article_dates", "dates_by_doc", "extract_events", "timeline", "date_conflicts"]
