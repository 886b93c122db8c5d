"""The words the report shows for the chronology's ``how`` codes, and its dates as a reader quotes them.

The tables store codes (``from_paragraph``, ``same_happening``) that code can
branch on; these functions put the readable words in for a page, a chart's
tooltip or a sentence, so rewording a label never changes what is computed.
"""

from __future__ import annotations

import pandas as pd

from briefbook.chronology.article_dates import HOW_LABELS as ARTICLE_DATE_LABELS
from briefbook.language.dates import how_label


def events_shown(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` (or any frame with an events ``how`` column) with the words for each code, and each
    date as it is to be quoted in a ``when`` column (:func:`when`)."""
    shown = events.assign(how=[how_label(str(h)) for h in events["how"]]) if "how" in events else events
    return with_when(shown)


def when(date: str, date_end: str = "") -> str:
    """A date as a reader quotes it: the day or month, or a span's first and last days ("2024-07-01 to
    2024-07-10"), never a span's first day alone, which reads as the day it happened."""
    date, date_end = str(date or ""), str(date_end or "")
    if len(date) == 10 and len(date_end) == 10 and date_end != date:
        return f"{date} to {date_end}"
    return date


def with_when(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (events or timeline entries) with a ``when`` column (:func:`when`)."""
    if "date" not in frame:
        return frame
    ends = frame["date_end"].fillna("") if "date_end" in frame else [""] * len(frame)
    return frame.assign(when=[when(d, e) for d, e in zip(frame["date"].fillna(""), ends)])


def article_dates_shown(dates: pd.DataFrame) -> pd.DataFrame:
    """``article_dates`` with the words for each ``how`` code."""
    return dates.assign(how=[ARTICLE_DATE_LABELS.get(str(h), str(h)) for h in dates["how"]])
