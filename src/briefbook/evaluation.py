"""Accuracy of every analysis against the hand annotations kept in ``tests/``.

Each analysis scores itself (``briefbook.<analysis>.evaluate.evaluate``) on
two kinds of corpus: the project's annotated seeds, and short articles about
other events written and annotated to check that the method generalises.
This module runs them all, prints one table, and caches it for the Methods
chapter (keyed by the code and the annotations, so it is recomputed only when
either changes).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from importlib import import_module
from pathlib import Path

import pandas as pd

from briefbook.extract import code_version
from briefbook.scoring import Metric

#: (analysis package, annotation file): seeds annotations live in
#: tests/annotations/seeds/<file>; other-event articles in tests/corpora/<package>/
#: with annotations in tests/annotations/<package>/<file>; articles written and
#: annotated blind (before the method was run on them, never used to change it)
#: in tests/corpora/<package>_heldout/ with tests/annotations/<package>_heldout/<file>.
HELD_OUT = "_heldout"
SUITES = (
    ("claims", "statements.yaml"),
    ("figures", "figures.yaml"),
    ("chronology", "events.yaml"),
)

#: The measures each analysis is judged by first (the rest are diagnostics).
HEADLINE = {
    "claims": ("content+speaker", "claim grouping (pairwise)", "claim grouping: second annotator vs first"),
    "figures": ("figure+category", "low/high right"),
    "chronology": ("event+date", "article dates found"),
}

COLUMNS = ["analysis", "corpus", "measure", "precision", "recall", "f1", "share", "support"]


def _evaluator(package: str):
    try:
        return import_module(f"briefbook.{package}.evaluate").evaluate
    except (ImportError, AttributeError):
        return None


def evaluate_all(tests_dir: Path, seeds_dir: Path, only: tuple[str, ...] | None = None) -> list[Metric]:
    """Every analysis's (or those in ``only``) metrics on the seeds, other-event and held-out articles."""
    metrics: list[Metric] = []
    for package, file in SUITES:
        if only is not None and package not in only:
            continue
        evaluate = _evaluator(package)
        if evaluate is None:
            continue
        seeds_annotations = tests_dir / "annotations" / "seeds" / file
        if seeds_annotations.is_file():
            metrics += evaluate(seeds_dir, seeds_annotations, "seeds")
        for folder, corpus_name in ((package, "other events"), (package + HELD_OUT, "held-out")):
            other_annotations = tests_dir / "annotations" / folder / file
            other_corpus = tests_dir / "corpora" / folder
            if other_annotations.is_file() and other_corpus.is_dir():
                metrics += evaluate(other_corpus, other_annotations, corpus_name)
    return metrics


def metrics_frame(metrics: list[Metric]) -> pd.DataFrame:
    """The metrics as a table, numbers rounded to three places."""
    frame = pd.DataFrame([asdict(m) for m in metrics], columns=[
        "corpus", "analysis", "measure", "precision", "recall", "f1", "support", "share"])
    frame = frame[COLUMNS]
    for column in ("precision", "recall", "f1", "share"):
        frame[column] = frame[column].astype(float).round(3)
    return frame


def print_metrics(only: tuple[str, ...] | None = None) -> None:
    """Print the metrics of a source checkout (its ``tests/`` and ``seeds/``), as ``briefbook evaluate`` does.

    ``python -m briefbook.<analysis>.evaluate`` prints its own rows through
    this, so every way of asking shows the same corpora under the same names.
    """
    root = Path(__file__).resolve().parents[2]
    frame = metrics_frame(evaluate_all(root / "tests", root / "seeds", only))
    with pd.option_context("display.width", 200):
        print(frame.to_string(index=False, na_rep=""))


def _annotations_hash(tests_dir: Path, seeds_dir: Path) -> str:
    digest = hashlib.sha256(code_version().encode())
    for folder in (tests_dir / "annotations", tests_dir / "corpora", seeds_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cached_metrics(tests_dir: Path, seeds_dir: Path, cache_dir: Path) -> pd.DataFrame:
    """The metrics table, computed once per version of code and annotations."""
    tests_dir, seeds_dir = Path(tests_dir), Path(seeds_dir)
    if not (tests_dir / "annotations").is_dir():
        return pd.DataFrame(columns=COLUMNS)
    path = Path(cache_dir) / f"accuracy-{_annotations_hash(tests_dir, seeds_dir)}.csv"
    if path.is_file():
        return pd.read_csv(path)
    frame = metrics_frame(evaluate_all(tests_dir, seeds_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return frame
