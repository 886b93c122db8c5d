"""The corpus-wide views a page reads more than once: claims, reconciled figures, the timeline.

Each is a function of the extraction's tables (:func:`briefbook.claims.claims_table`,
:func:`briefbook.figures.reconcile`, :func:`briefbook.chronology.timeline`), and the front page
needs all three for its brief, its headline numbers and its key findings. Made once here and
handed to each, they cost a page one making instead of three or four (a few seconds of every
build at 500 articles).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefbook.chronology import timeline
from briefbook.claims import claims_table
from briefbook.figures import reconcile


@dataclass(frozen=True)
class Views:
    """The claims table, the reconciled figures and the timeline entries of one report (empty
    DataFrames where the report has no statements, figures or events)."""

    claims: pd.DataFrame
    reconciled: pd.DataFrame
    timeline: pd.DataFrame


def make(tables: dict[str, pd.DataFrame]) -> Views:
    """The :class:`Views` of an extraction's ``tables``."""
    documents = tables["documents"]
    statements = tables.get("statements", pd.DataFrame())
    figures = tables.get("figures", pd.DataFrame())
    events = tables.get("events", pd.DataFrame())
    return Views(
        claims=claims_table(statements, documents) if not statements.empty else pd.DataFrame(),
        reconciled=reconcile(figures, documents) if not figures.empty else pd.DataFrame(),
        timeline=timeline(events, documents) if not events.empty else pd.DataFrame(),
    )
