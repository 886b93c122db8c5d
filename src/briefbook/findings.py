"""Key findings for the first page: numbers and sentences computed from the analyses.

Each finding carries the link to the section and, where one row supports it,
the row (``chapter.html#row-id``), so a reader can check it in one click.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefbook import views
from briefbook.language.attribution import NO_SPEAKER
from briefbook.views import Views


@dataclass(frozen=True)
class Finding:
    text: str
    href: str


def headline_numbers(tables: dict[str, pd.DataFrame], made: Views | None = None) -> dict[str, int]:
    """The counts the first page glues into its text (``made``: the tables' views, when made already)."""
    from briefbook.chronology import date_conflicts

    documents = tables["documents"]
    statements = tables.get("statements", pd.DataFrame())
    figures = tables.get("figures", pd.DataFrame())
    events = tables.get("events", pd.DataFrame())
    made = made or views.make(tables)
    claims, reconciled, entries = made.claims, made.reconciled, made.timeline
    conflicts = date_conflicts(events, documents) if not events.empty else pd.DataFrame()
    return {
        "n_articles": len(documents),
        "n_outlets": documents["outlet"].replace("", pd.NA).dropna().nunique(),
        "n_statements": len(statements),
        "n_speakers": statements.loc[~statements["speaker"].isin(NO_SPEAKER), "speaker"].nunique()
        if not statements.empty else 0,
        "n_claims": len(claims),
        "n_claims_shared": int((claims["n_outlets"] > 1).sum()) if not claims.empty else 0,
        "n_figures": len(figures),
        "n_figure_groups": len(reconciled),
        "n_disagreements": int(reconciled["disagreement"].sum())
        if not reconciled.empty else 0,
        # events placed on the calendar: a date expression that could not be placed dates nothing
        "n_events": int((events["date"].fillna("") != "").sum()) if "date" in events else len(events),
        "n_entries": int((entries["date"].fillna("") != "").sum()) if "date" in entries else len(entries),
        "n_date_conflicts": conflicts["timeline_id"].nunique() if not conflicts.empty and "timeline_id" in conflicts
        else len(conflicts),
    }


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def headline_sentence(numbers: dict[str, int]) -> str:
    """The counts of the front page's key findings as one sentence, each noun agreeing with its number."""
    n = numbers
    return (f"The articles hold {_count(n['n_statements'], 'statement')} by {_count(n['n_speakers'], 'speaker')}, "
            f"grouped into {_count(n['n_claims'], 'claim')}, of which {n['n_claims_shared']} "
            f"{'is' if n['n_claims_shared'] == 1 else 'are'} carried by more than one outlet. They report "
            f"{_count(n['n_figures'], 'casualty or deployment figure')}, reconciled into "
            f"{_count(n['n_figure_groups'], 'group')}, {n['n_disagreements']} of them with sources that disagree. "
            f"{_count(n['n_events'], 'dated event')} make {_count(n['n_entries'], 'entry', 'entries')} of the "
            f"timeline, with {_count(n['n_date_conflicts'], 'date conflict')} between sources.")


def key_findings(tables: dict[str, pd.DataFrame], made: Views | None = None) -> list[Finding]:
    """One or two sentences per analysis, each linked to the rows that support it (``made``: the
    tables' views, when made already)."""
    from briefbook.chronology import summary_sentences as chronology_sentences
    from briefbook.claims import summary_sentences as claims_sentences
    from briefbook.figures import summary_sentences as figures_sentences

    documents = tables["documents"]
    made = made or views.make(tables)
    findings: list[Finding] = []
    statements = tables.get("statements", pd.DataFrame())
    if not statements.empty:
        claims = made.claims
        top = claims.iloc[0]["claim_id"] if not claims.empty else ""
        for sentence in claims_sentences(statements, claims)[:2]:
            findings.append(Finding(sentence, f"claims.html#{top}" if top else "claims.html#claims-table"))
    figures = tables.get("figures", pd.DataFrame())
    if not figures.empty:
        reconciled = made.reconciled
        for sentence in figures_sentences(figures, reconciled, documents)[:2]:
            findings.append(Finding(sentence, "casualties.html#casualties-reconciled"))
    events = tables.get("events", pd.DataFrame())
    if not events.empty:
        entries = made.timeline
        for sentence in chronology_sentences(events, entries)[:2]:
            findings.append(Finding(sentence, "chronology.html#chronology-timeline"))
    return findings
