"""The Sources chapter and the corpus at a glance: tables, a chart and sentences.

All functions take the tables written by :mod:`briefbook.extract` (as
DataFrames), so the chapter can be rebuilt from the published CSV files alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from briefbook.corpus.outlets import in_family, origins, source_names
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


FAMILY_COLUMNS = {
    "origin": "Origin",
    "origin_how": "Origin found by",
    "members": "Articles, and the share of each one's text found in another",
    "n_shared": "Paragraphs shared",
}


def families_table(documents: pd.DataFrame, shared: pd.DataFrame) -> pd.DataFrame:
    """One row per family of articles that share text: its origin, how that was found, each article
    with the share of its text that stands in another, and how many paragraphs they share."""
    shares = in_family(documents)
    if not shares.any():
        return pd.DataFrame(columns=["family", *FAMILY_COLUMNS])
    names = source_names(documents)
    rows = []
    for family, group in documents[shares].groupby("family", sort=False):
        members = [f"{names[r.doc_id]}: {float(r.shared_share):.0%}" for r in group.itertuples()]
        n_shared = int(shared["doc_id"].isin(group["doc_id"]).sum()) if not shared.empty else 0
        rows.append({"family": family, "origin": group["origin"].iloc[0], "origin_how": group["origin_how"].iloc[0],
                     "members": members, "n_shared": n_shared, "_size": len(group)})
    return pd.DataFrame(rows).sort_values(["_size", "origin"], ascending=[False, True]).drop(columns="_size")


def origins_chart(documents: pd.DataFrame) -> alt.Chart:
    """Mastheads against independent origins: one bar per origin, as long as the articles that carry its
    text (a wire story reprinted by four outlets is one bar of four)."""
    origin_of = origins(documents)
    names = source_names(documents)
    data = pd.DataFrame({"origin": [origin_of[d] for d in documents["doc_id"]],
                         "article": [names[d] for d in documents["doc_id"]]})
    counts = data.groupby("origin", as_index=False).agg(articles=("article", "size"),
                                                          mastheads=("article", lambda a: "; ".join(sorted(a))))
    return (
        alt.Chart(counts).mark_bar().encode(
            y=alt.Y("origin:N", title=None, sort="-x"),
            x=alt.X("articles:Q", title="articles carrying its text", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.condition("datum.articles > 1", alt.value("#e45756"), alt.value("#4c78a8")),
            tooltip=["origin:N", "articles:Q", "mastheads:N"],
        ).properties(width=480)
    )


def origins_title(documents: pd.DataFrame) -> str:
    """The finding of the origins chart: how many independent origins the articles rest on."""
    n = len(documents)
    independent = len(set(origins(documents).values()))
    if independent == n:
        return f"Each of the {n} articles is its own source: no two share their text"
    return f"The {n} articles rest on {independent} independent origins: some reprint the same text"


#: Lines quoted per article and rule in :func:`removed_summary` (the article's page lists them all).
REMOVED_EXAMPLES = 3


def removed_summary(removed: pd.DataFrame) -> pd.DataFrame:
    """What cleaning set aside, one row per article and rule: how many lines and words, and the first
    few lines as examples. A web page's menus run to dozens of lines; the article's own page in the
    appendix lists every one."""
    if removed.empty:
        return pd.DataFrame(columns=["file", "reason", "lines", "words", "examples"])
    frame = removed.assign(words=removed["text"].str.split().str.len())
    rows = []
    for (file, reason), group in frame.groupby(["file", "reason"], sort=True):
        examples = [text if len(text) <= 80 else text[:79] + "…" for text in group["text"].head(REMOVED_EXAMPLES)]
        more = len(group) - len(examples)
        rows.append({"file": file, "reason": reason, "lines": len(group), "words": int(group["words"].sum()),
                     "examples": examples + ([f"and {more} more"] if more > 0 else [])})
    return pd.DataFrame(rows)


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
            f"The outlet of {n - unknown} of them is known ({', '.join(outlets)})"
            + (f"; for {unknown} nothing in the file or the manifest names it." if unknown else ".")
        )
    else:
        sentences.append("No article's outlet is known: neither the files nor a manifest name one.")
    if dated:
        span = f"between {first} and {last}" if first != last else f"on {first}"
        sentences.append(f"{dated} of {n} state when they were published, {span}.")
    else:
        sentences.append("No article states the full date it was published (day, month and year).")
    if in_family(documents).any():
        fams = documents[in_family(documents)]
        sentences.append(
            f"{len(fams)} articles share text with another, in {fams['family'].nunique()} "
            f"famil{'y' if fams['family'].nunique() == 1 else 'ies'}; every count of outlets in the report also "
            f"gives the independent origins ({len(set(origins(documents).values()))} for the {n} articles)."
        )
    if not removed.empty:
        sentences.append(
            f"Cleaning set aside {len(removed)} line{'s' if len(removed) != 1 else ''} of web boilerplate "
            f"({removed['text'].str.split().str.len().sum():,} words), counted below by rule and listed on each "
            "article's page."
        )
    if not skipped.empty:
        sentences.append(f"{len(skipped)} file{'s were' if len(skipped) != 1 else ' was'} not used, as listed at the end.")
    return sentences
