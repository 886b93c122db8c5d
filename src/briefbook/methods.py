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
    """One sentence per analysis: its headline F1 on the seeds and on other events."""
    if accuracy.empty:
        return []
    sentences = []
    for analysis, rows in accuracy.groupby("analysis", sort=False):
        parts = []
        for corpus, group in rows.groupby("corpus", sort=False):
            scored = group.dropna(subset=["f1"])
            if scored.empty:
                continue
            best = scored.iloc[-1] if len(scored) > 1 else scored.iloc[0]
            parts.append(f"F1 {best['f1']:.2f} for {best['measure']} on {corpus} ({int(best['support'])} annotated)")
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
