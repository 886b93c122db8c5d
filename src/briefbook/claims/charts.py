"""Altair charts for the Claims chapter (each returns an ``alt.Chart`` with tooltips)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from briefbook.charting import MAX_COLOURS, subset_note, top_or_other
from briefbook.language.attribution import NO_SPEAKER

#: Altair refuses to embed more rows than this by default; charts aggregate below it.
MAX_ROWS = 5000


def frames_heatmap(counts: pd.DataFrame, by: str = "speaker", top: int = 12) -> alt.Chart:
    """Frames (rows) by speaker or outlet (columns), coloured by the number of statements.

    ``counts`` is :func:`frame_counts`; only the ``top`` busiest speakers/outlets are shown.
    """
    data = counts.astype({"count": "int64"}).groupby(["frame", by], as_index=False)["count"].sum()
    keep = data.groupby(by)["count"].sum().nlargest(top).index
    data = data[data[by].isin(keep)].head(MAX_ROWS)
    return alt.Chart(data, title=f"Frames by {by}").mark_rect().encode(
        x=alt.X(f"{by}:N", title=by.capitalize(), sort="-color"),
        y=alt.Y("frame:N", title="Frame"),
        color=alt.Color("count:Q", title="Statements", scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("frame:N", title="Frame"), alt.Tooltip(f"{by}:N", title=by.capitalize()),
                 alt.Tooltip("count:Q", title="Statements")],
    )


def frames_subset(counts: pd.DataFrame, by: str = "speaker", top: int = 12) -> str:
    """What a frames heatmap leaves out, for its caption: "the 12 busiest speakers of 22 (10 not shown …)"."""
    total = counts[by].nunique()
    return subset_note(min(top, total), total, "speakers" if by == "speaker" else "outlets")


def outlets_caption(claims: pd.DataFrame) -> str:
    """The caption of the claims-by-outlets chart, saying which speakers have a colour of their own."""
    total = claims["speaker"].nunique()
    if total <= MAX_COLOURS:
        return f"Claims counted by how many outlets carry them, coloured by speaker (all {total})."
    return (f"Claims counted by how many outlets carry them, coloured by speaker: the {MAX_COLOURS - 1} with most "
            f"claims by name, the other {total - MAX_COLOURS + 1} as “other speakers”.")


def outlets_title(claims: pd.DataFrame) -> str:
    """The finding of the claims-by-outlets chart: how many claims more than one outlet carries."""
    shared = int((claims["n_outlets"] > 1).sum())
    if not shared:
        return f"Each of the {len(claims)} claims is carried by one outlet only"
    return (f"{shared} of {len(claims)} claims are carried by more than one outlet; "
            f"the most widely carried by {int(claims['n_outlets'].max())}")


def frames_title(counts: pd.DataFrame, by: str) -> str:
    """The finding of a frames heatmap: the most evoked frame and who evokes it most."""
    totals = counts.astype({"count": "int64"}).groupby("frame")["count"].sum().sort_values(ascending=False)
    frame = totals.index[0]
    top = counts[counts["frame"] == frame].groupby(by)["count"].sum().sort_values(ascending=False)
    return (f"“{frame}” is the most evoked frame ({int(totals.iloc[0])} statements), "
            f"most often by {top.index[0]} ({int(top.iloc[0])})")


def claims_by_outlets(claims: pd.DataFrame) -> alt.Chart:
    """How many claims are carried by 1, 2, 3 … outlets, split by speaker (the busiest by name, the
    rest as "other speakers", so the colours stay distinct)."""
    claims = claims.assign(speaker=top_or_other(claims["speaker"], other="other speakers"))
    data = claims.groupby(["n_outlets", "speaker"], as_index=False).size().rename(columns={"size": "claims"})
    data = data.head(MAX_ROWS)
    return alt.Chart(data, title="Claims by the number of outlets carrying them").mark_bar().encode(
        x=alt.X("n_outlets:O", title="Outlets carrying the claim"),
        y=alt.Y("claims:Q", title="Claims"),
        color=alt.Color("speaker:N", title="Speaker"),
        tooltip=[alt.Tooltip("speaker:N", title="Speaker"), alt.Tooltip("n_outlets:O", title="Outlets"),
                 alt.Tooltip("claims:Q", title="Claims")],
    )


def statements_by_speaker(statements: pd.DataFrame, top: int = 12) -> alt.Chart:
    """Direct and reported statements per speaker (the busiest ``top`` speakers)."""
    statements = statements[~statements["speaker"].isin(NO_SPEAKER)]  # counted in the text, never charted as a person
    data = statements.groupby(["speaker", "kind"], as_index=False).size().rename(columns={"size": "statements"})
    keep = data.astype({"statements": "int64"}).groupby("speaker")["statements"].sum().nlargest(top).index
    data = data[data["speaker"].isin(keep)].head(MAX_ROWS)
    return alt.Chart(data, title="Statements by speaker").mark_bar().encode(
        y=alt.Y("speaker:N", title="Speaker", sort="-x"),
        x=alt.X("statements:Q", title="Statements"),
        color=alt.Color("kind:N", title="Kind"),
        tooltip=["speaker:N", "kind:N", "statements:Q"],
    )
