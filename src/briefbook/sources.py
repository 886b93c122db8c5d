"""The Sources chapter and the corpus at a glance: tables, a chart and sentences.

All functions take the tables written by :mod:`briefbook.extract` (as
DataFrames), so the chapter can be rebuilt from the published CSV files alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from briefbook.publish import render

ARTICLE_COLUMNS = {
    "article": "Article",
    "file": "File",
    "outlet": "Outlet",
    "outlet_how": "Outlet found by",
    "published": "Published",
    "published_how": "Date found by",
    "words": "Words",
    "removed_lines": "Lines removed",
    "notes": "Notes",
}


def date_span(documents: pd.DataFrame) -> tuple[str, str]:
    dates = sorted(d for d in documents.get("published", pd.Series(dtype=str)) if isinstance(d, str) and d)
    return (dates[0], dates[-1]) if dates else ("", "")


def articles_table(documents: pd.DataFrame, prefix: str = "articles/") -> pd.DataFrame:
    """One row per article, with a link to its page in the appendix."""
    frame = documents.copy()
    frame["article"] = [
        render.link(render.article_href(row.doc_id, prefix=prefix), row.title or row.file)
        for row in frame.itertuples()
    ]
    frame["outlet"] = frame["outlet"].replace("", "unknown")
    frame["published"] = frame["published"].replace("", "unknown")
    return frame.sort_values(["published", "file"]).reset_index(drop=True)


def length_chart(documents: pd.DataFrame, removed: pd.DataFrame) -> alt.Chart:
    """Words of article text and of boilerplate removed, per article."""
    removed_words = (
        removed.assign(words=removed["text"].str.split().str.len()).groupby("doc_id")["words"].sum()
        if not removed.empty else pd.Series(dtype=int)
    )
    rows = []
    for row in documents.itertuples():
        label = f"{row.file} ({row.outlet or 'outlet unknown'})"
        rows.append({"article": label, "part": "article text", "words": int(row.words)})
        rows.append({"article": label, "part": "boilerplate removed", "words": int(removed_words.get(row.doc_id, 0))})
    data = pd.DataFrame(rows)
    return (
        alt.Chart(data, title="Length of each article, and what cleaning removed")
        .mark_bar()
        .encode(
            y=alt.Y("article:N", title=None, sort=None),
            x=alt.X("words:Q", title="words", stack="zero"),
            color=alt.Color("part:N", title=None, scale=alt.Scale(range=["#4c78a8", "#e45756"])),
            tooltip=["article:N", "part:N", "words:Q"],
        )
        .properties(width=520)
    )


def length_title(documents: pd.DataFrame, removed: pd.DataFrame) -> str:
    """The finding of the length chart: how long the articles are and how much cleaning took out."""
    if documents.empty:
        return "No articles"
    words = documents["words"].astype(int)
    cut = removed.assign(words=removed["text"].str.split().str.len()) if not removed.empty else removed
    spread = f"{int(words.min()):,}" if words.min() == words.max() else f"{int(words.min()):,} to {int(words.max()):,}"
    head = f"Articles run from {spread} words" if words.min() != words.max() else f"Every article has {spread} words"
    if cut.empty:
        return f"{head}; cleaning removed nothing"
    return (f"{head}; cleaning removed {int(cut['words'].sum()):,} words of boilerplate from "
            f"{cut['doc_id'].nunique()} of {len(documents)}")


def summary_sentences(documents: pd.DataFrame, removed: pd.DataFrame, skipped: pd.DataFrame) -> list[str]:
    """Sentences about the corpus, computed from its tables."""
    n = len(documents)
    outlets = sorted({o for o in documents["outlet"] if o})
    unknown = int((documents["outlet"] == "").sum())
    dated = int((documents["published"] != "").sum())
    first, last = date_span(documents)
    sentences = [
        f"The report rests on {n} article{'s' if n != 1 else ''} totalling {int(documents['words'].sum()):,} words.",
    ]
    if outlets:
        sentences.append(
            f"The text itself names the outlet of {n - unknown} of them ({', '.join(outlets)})"
            + (f"; for {unknown} the outlet could not be found in the text." if unknown else ".")
        )
    else:
        sentences.append("No article names its outlet in its text.")
    if dated:
        span = f"between {first} and {last}" if first != last else f"on {first}"
        sentences.append(f"{dated} of {n} state when they were published, {span}.")
    else:
        sentences.append("No article states when it was published.")
    if not removed.empty:
        sentences.append(
            f"Cleaning set aside {len(removed)} line{'s' if len(removed) != 1 else ''} of web boilerplate "
            f"({removed['text'].str.split().str.len().sum():,} words); each is listed below with the reason."
        )
    if not skipped.empty:
        sentences.append(f"{len(skipped)} file{'s were' if len(skipped) != 1 else ' was'} not used, as listed at the end.")
    return sentences
