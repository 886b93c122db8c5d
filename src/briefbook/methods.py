"""The Methods chapter: the pipeline in words and the accuracy table in sentences and a chart."""

from __future__ import annotations

import altair as alt
import pandas as pd
import spacy

from briefbook.nlp import MODEL


def pipeline_description() -> str:
    """Which NLP pipeline and versions this build used."""
    from briefbook.nlp import pipeline

    meta = pipeline().meta
    return (
        f"This build parsed the articles with spaCy {spacy.__version__} and its model "
        f"{meta.get('lang', 'en')}_{meta.get('name', MODEL)} {meta.get('version', '')} "
        f"(packaged as {MODEL})."
    )


def accuracy_sentences(accuracy: pd.DataFrame) -> list[str]:
    """One sentence per analysis: its headline measures on each annotated corpus."""
    from briefbook.evaluation import HEADLINE

    if accuracy.empty:
        return []
    sentences = []
    for analysis, rows in accuracy.groupby("analysis", sort=False):
        parts = []
        for corpus, group in rows.groupby("corpus", sort=False):
            for measure in HEADLINE.get(str(analysis), ()):
                row = group[group["measure"] == measure]
                if row.empty:
                    continue
                row = row.iloc[0]
                value = f"F1 {row['f1']:.2f}" if pd.notna(row["f1"]) else f"{row['share']:.0%}"
                parts.append(f"{value} for {measure} on {corpus} ({int(row['support'])} annotated)")
        if parts:
            sentences.append(f"{str(analysis).capitalize()}: " + "; ".join(parts) + ".")
    return sentences


def accuracy_chart(accuracy: pd.DataFrame) -> alt.Chart:
    """F1 (or share right) per measure, seeds beside other events."""
    data = accuracy.copy()
    data["score"] = data["f1"].fillna(data["share"])
    data["label"] = data["analysis"] + ": " + data["measure"]
    return (
        alt.Chart(data.dropna(subset=["score"]), title="Accuracy against hand annotations")
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None),
            yOffset="corpus:N",
            x=alt.X("score:Q", title="F1 (or share right)", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("corpus:N", title="Corpus"),
            tooltip=["analysis:N", "measure:N", "corpus:N", "precision:Q", "recall:Q", "f1:Q", "share:Q", "support:Q"],
        )
        .properties(width=480)
    )


#: Where the published set's first score (before any method change) is kept, under the tests folder.
FIRST_SCORE = "annotations/published/first-score.csv"


def first_scores(tests_dir) -> pd.DataFrame:
    """The published set's first score, as recorded before any change was made on it (empty if absent)."""
    from pathlib import Path

    path = Path(tests_dir) / FIRST_SCORE
    return pd.read_csv(path) if path.is_file() else pd.DataFrame()


def first_and_now(first: pd.DataFrame, accuracy: pd.DataFrame) -> pd.DataFrame:
    """One row per headline measure of the published set: its first score and its score now (F1, or the
    share right), with precision beside them (claim grouping is judged by its precision first)."""
    from briefbook.evaluation import HEADLINE

    def value(row) -> float | None:
        return row["f1"] if pd.notna(row["f1"]) else row["share"]

    now = {(r["analysis"], r["measure"]): r for _, r in accuracy[accuracy["corpus"] == "published"].iterrows()}
    rows = []
    for _, row in first.iterrows():
        if row["measure"] not in HEADLINE.get(row["analysis"], ()):
            continue
        current = now.get((row["analysis"], row["measure"]))
        rows.append({"analysis": row["analysis"], "measure": row["measure"], "first": round(value(row), 3),
                     "now": None if current is None else round(value(current), 3),
                     "first_precision": row["precision"], "now_precision": None if current is None
                     else current["precision"], "support": int(row["support"])})
    return pd.DataFrame(rows, columns=["analysis", "measure", "first", "now", "first_precision", "now_precision",
                                       "support"])
