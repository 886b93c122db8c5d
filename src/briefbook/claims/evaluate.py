"""Accuracy of the claims analysis against hand annotations.

Measures: "content" (a statement's content span overlaps a gold one by at least
half of their union), "content+speaker" (the same, and the canonical speaker —
or one of the spellings merged into it — is the gold speaker, see
:func:`same_speaker`), and
"claim grouping (pairwise)" (pairwise F1 of claim ids over the gold statements
that were found), and, where a second annotator labelled the same statements,
their agreement with the first (the ceiling for grouping). ``briefbook
evaluate --only claims`` prints these rows: the statements scored are those the
book's pipeline makes (:mod:`briefbook.pipeline`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from briefbook.corpus import Corpus
from briefbook.language.names import clean_org, fold
from briefbook.scoring import Metric, locate, match, pairwise_f1, prf, span_overlap

ANALYSIS = "claims"
#: The second annotator's claim labels of the same statements, beside the first annotation file.
SECOND_ANNOTATOR = "statements.second-annotator.yaml"
AGREEMENT = "claim grouping: second annotator vs first"


def load_gold(items: list[dict], texts: dict[str, str]) -> list[dict]:
    """Gold statements with offsets (``locate`` turns each quoted text into a span; ``texts``: file -> text as read)."""
    gold = []
    for item in items or []:
        start, end = locate(texts[item["file"]], item["text"], item.get("occurrence", 1))
        gold.append({**item, "start": start, "end": end})
    return gold


def same_speaker(row: pd.Series, gold_speaker: str) -> bool:
    """The gold speaker is the canonical speaker, one of the spellings merged into it, or (for
    descriptions such as "the country's main opposition party") contained in it word for word; an
    organisation's possessive spelling counts as its "of" spelling, as the method writes names."""
    names = {fold(row["speaker"])} | {fold(a) for a in str(row["speaker_aliases"]).split(";") if a}
    # the gold name as written, or in the spelling the method writes every organisation in
    # ("Veldonia's Interior Ministry" is "Interior Ministry of Veldonia")
    for gold in {fold(gold_speaker), fold(clean_org(gold_speaker))}:
        if gold in names or any(f" {gold} " in f" {name} " for name in names):
            return True
    return False


def score(statements: pd.DataFrame, gold: list[dict], files: dict[str, str], corpus_name: str) -> list[Metric]:
    """Metrics of one extraction against one gold list (``files``: doc_id -> file name)."""
    predicted = [row for _, row in statements.iterrows()]
    pred_file = [files[r["doc_id"]] for r in predicted]

    def overlap(i: int, g: dict) -> float:
        r = predicted[i]
        return span_overlap((r["start"], r["end"]), (g["start"], g["end"])) if pred_file[i] == g["file"] else 0.0

    index = list(range(len(predicted)))
    content = match(index, gold, overlap)
    with_speaker = match(index, gold, lambda i, g: overlap(i, g) if same_speaker(predicted[i], g["speaker"]) else 0.0)
    metrics = []
    for measure, pairs in (("content", content), ("content+speaker", with_speaker)):
        p, r, f = prf(len(pairs), len(predicted), len(gold))
        metrics.append(Metric(corpus_name, ANALYSIS, measure, p, r, f, len(gold)))
    pred_groups = {j: predicted[i]["claim_id"] for i, j in content}
    gold_groups = {j: gold[j]["claim"] for _, j in content}
    p, r, f = pairwise_f1(pred_groups, gold_groups)
    metrics.append(Metric(corpus_name, ANALYSIS, "claim grouping (pairwise)", p, r, f, len(gold_groups)))
    return metrics


def annotator_agreement(annotations: Path, corpus_name: str) -> Metric | None:
    """Pairwise F1 of a second annotator's claim labels against the first's, on the same statements.

    Grouping statements into claims is a judgement; how far two careful readers
    agree is the ceiling any method can be held to. The second annotator's file
    (:data:`SECOND_ANNOTATOR`, beside the first) labels the same statements
    without having seen the first labels. Articles added after the second pass
    are left out: the agreement is scored on the articles the second annotator
    labelled, and within each of those on exactly the first's statements.
    """
    second = annotations.with_name(SECOND_ANNOTATOR)
    if not second.is_file():
        return None

    def labels(path: Path) -> dict[tuple[str, str, int], str]:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return {(i["file"], i["text"], i.get("occurrence", 1)): i["claim"] for i in items}

    other = labels(second)
    labelled_files = {file for file, _, _ in other}
    first = {key: claim for key, claim in labels(annotations).items() if key[0] in labelled_files}
    if set(first) != set(other):
        raise ValueError(f"{second}: does not label the same statements as {annotations.name} in the same articles")
    p, r, f = pairwise_f1(other, first)
    return Metric(corpus_name, ANALYSIS, AGREEMENT, p, r, f, len(first))


def evaluate(corpus: Corpus, tables: dict[str, pd.DataFrame], gold: list[dict], corpus_name: str,
             annotations: Path | None = None) -> list[Metric]:
    """Score the pipeline's statements of ``corpus`` against the gold items (parsed YAML);
    ``annotations``, the file they came from, finds a second annotator's labels beside it."""
    files = {d.doc_id: d.file for d in corpus.documents}
    texts = {d.file: d.text for d in corpus.documents}
    metrics = score(tables["statements"], load_gold(gold, texts), files, corpus_name)
    agreement = annotator_agreement(annotations, corpus_name) if annotations else None
    return metrics + ([agreement] if agreement else [])
