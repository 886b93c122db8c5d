"""Score the figures extractor against hand annotations.

Measures:

- ``figure+category``: a predicted figure is right when its number phrase
  overlaps a gold one (:data:`briefbook.scoring.SPAN_OVERLAP`) *and* has the
  same category; precision, recall and F1 over all figures.
- ``figure``: the same, ignoring the category (how well numbers are found).
- ``low/high right``: of the figures matched by span, the share whose low and
  high both equal the gold ones (null meaning open-ended).
- ``who right`` and ``qualifier right``: shares of span-matched figures.

``briefbook evaluate --only figures`` prints this analysis's rows: the tables scored are
those the book's pipeline makes (:mod:`briefbook.pipeline`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from briefbook.corpus import Corpus
from briefbook.schema import missing
from briefbook.scoring import Metric, locate, match, prf, span_overlap

ANALYSIS = "figures"


@dataclass(frozen=True)
class GoldFigure:
    file: str
    start: int
    end: int
    text: str
    category: str
    who: str
    low: int | None
    high: int | None
    qualifier: str


def load_gold(items: list[dict], texts: dict[str, str]) -> list[GoldFigure]:
    """Gold figures with offsets, located from their quotes (``texts``: file name -> seed text)."""
    gold = []
    for item in items or []:
        text = texts[item["file"]]
        if item.get("context"):
            c_start, c_end = locate(text, item["context"], item.get("occurrence", 1))
            start, end = locate(text[c_start:c_end], item["text"])
            start, end = start + c_start, end + c_start
        else:
            start, end = locate(text, item["text"], item.get("occurrence", 1))
        if text[start - 1:start].isdigit() or text[end:end + 1].isdigit():
            # "40" found inside "400", or "19" inside a date: the quote needs a `context`
            # (letters may touch a number in published copy: "103nbsp;people")
            raise ValueError(f"{item['file']}: quote {item['text']!r} lands inside a longer word or number")
        gold.append(GoldFigure(
            item["file"], start, end, item["text"], item["category"], item["who"],
            item.get("low"), item.get("high"), item.get("qualifier", "none"),
        ))
    return gold


def _same_number(a, b) -> bool:
    if missing(a) or missing(b):
        return missing(a) and missing(b)
    return int(a) == int(b)


def score(figures: pd.DataFrame, gold: list[GoldFigure], corpus_name: str) -> list[Metric]:
    """The metrics of ``figures`` (an :func:`extract_figures` frame) against ``gold``."""
    predicted = list(figures.itertuples(index=False))

    def overlap(p, g: GoldFigure) -> float:
        return span_overlap((p.start, p.end), (g.start, g.end)) if p.file == g.file else 0.0

    def overlap_and_category(p, g: GoldFigure) -> float:
        return overlap(p, g) if p.category == g.category else 0.0

    spans = match(predicted, gold, overlap)
    typed = match(predicted, gold, overlap_and_category)
    metrics = []
    for measure, pairs in (("figure+category", typed), ("figure", spans)):
        p, r, f = prf(len(pairs), len(predicted), len(gold))
        metrics.append(Metric(corpus_name, ANALYSIS, measure, p, r, f, len(gold)))
    for measure, right in (
        ("low/high right", lambda p, g: _same_number(p.low, g.low) and _same_number(p.high, g.high)),
        ("who right", lambda p, g: p.who == g.who),
        ("qualifier right", lambda p, g: p.qualifier == g.qualifier),
    ):
        share = sum(right(predicted[i], gold[j]) for i, j in spans) / len(spans) if spans else None
        metrics.append(Metric(corpus_name, ANALYSIS, measure, None, None, None, len(spans), share))
    return metrics


def differences(figures: pd.DataFrame, gold: list[GoldFigure]) -> list[str]:
    """Human-readable misses, spurious figures and wrong fields (for debugging annotations and rules)."""
    predicted = list(figures.itertuples(index=False))
    pairs = match(predicted, gold, lambda p, g: span_overlap((p.start, p.end), (g.start, g.end)) if p.file == g.file else 0.0)
    lines = []
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for j, g in enumerate(gold):
        if j not in matched_g:
            lines.append(f"missed    {g.file} {g.text!r} {g.category}/{g.who}")
    for i, p in enumerate(predicted):
        if i not in matched_p:
            lines.append(f"spurious  {p.file} {p.text!r} {p.category}/{p.who} in: {p.sentence[:90]}")
    for i, j in pairs:
        p, g = predicted[i], gold[j]
        got = (p.category, p.who, None if missing(p.low) else int(p.low), None if missing(p.high) else int(p.high), p.qualifier)
        want = (g.category, g.who, g.low, g.high, g.qualifier)
        if got != want:
            lines.append(f"different {g.file} {g.text!r} got {got} want {want}")
    return lines


def evaluate(corpus: Corpus, tables: dict[str, pd.DataFrame], gold: list[dict], corpus_name: str,
             annotations: Path | None = None) -> list[Metric]:
    """Score the pipeline's figures of ``corpus`` against the gold items (parsed YAML)."""
    return score(tables["figures"], load_gold(gold, {d.file: d.text for d in corpus.documents}), corpus_name)
