"""The words the report shows for the chronology's ``how`` codes.

The tables store codes (``from_paragraph``, ``same_happening``) that code can
branch on; these functions put the readable words in for a page, a chart's
tooltip or a sentence, so rewording a label never changes what is computed.
"""

from __future__ import annotations

import pandas as pd

from briefbook.chronology.article_dates import HOW_LABELS as ARTICLE_DATE_LABELS
from briefbook.language.dates import how_label


def events_shown(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` (or any frame with an events ``how`` column) with the words for each code."""
    return events.assign(how=[how_label(str(h)) for h in events["how"]]) if "how" in events else events


def article_dates_shown(dates: pd.DataFrame) -> pd.DataFrame:
    """``article_dates`` with the words for each ``how`` code."""
    return dates.assign(how=[ARTICLE_DATE_LABELS.get(str(h), str(h)) for h in dates["how"]])
