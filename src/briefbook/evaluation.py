"""Accuracy of every analysis against hand annotations, scored on the tables the book's pipeline makes.

Each annotated corpus is extracted once by :func:`briefbook.pipeline.extract`,
exactly as ``briefbook build`` extracts it, and each analysis scores its own
tables (``briefbook.<analysis>.evaluate.evaluate``). The corpora:

* ``seeds`` — the project's seeds, annotations in ``<tests>/annotations/seeds/``;
* ``other events`` — short articles about other events written for the tests,
  ``<tests>/corpora/<analysis>/`` with ``<tests>/annotations/<analysis>/``;
* ``held-out`` — articles written and annotated blind, never used to change the
  method, ``<tests>/corpora/<analysis>_heldout/``;
* ``published`` — published news pages as they came (datelines, credits,
  captions, site notices), one folder per event under ``published_dir``,
  annotated in ``<tests>/annotations/published/<event>/``. Each event is
  extracted on its own **without its manifest**, as a user who collected the
  pages would; the events are then scored together.

Where the tests folder is given by the caller (``briefbook evaluate --tests``),
the package itself never reads ``tests/``.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

import pandas as pd
import yaml

from briefbook.chronology import evaluate as chronology_evaluate
from briefbook.claims import evaluate as claims_evaluate
from briefbook.corpus import Corpus, load_corpus
from briefbook.corpus.clean import repair
from briefbook.corpus.load import seed_files
from briefbook.extract import code_version
from briefbook.figures import evaluate as figures_evaluate
from briefbook.pipeline import extract
from briefbook.scoring import Metric

HELD_OUT = "_heldout"
PUBLISHED = "published"

#: analysis -> (annotation file, its scorer)
SUITES: dict[str, tuple[str, Callable[..., list[Metric]]]] = {
    "claims": ("statements.yaml", claims_evaluate.evaluate),
    "figures": ("figures.yaml", figures_evaluate.evaluate),
    "chronology": ("events.yaml", chronology_evaluate.evaluate),
}

#: The measures each analysis is judged by first (the rest are diagnostics).
HEADLINE = {
    "claims": ("content+speaker", "claim grouping (pairwise)", "claim grouping: second annotator vs first"),
    "figures": ("figure+category", "low/high right"),
    "chronology": ("event+date", "article dates found"),
}

COLUMNS = ["analysis", "corpus", "measure", "precision", "recall", "f1", "share", "support"]


def default_published_dir(tests_dir: Path) -> Path:
    """Where the published development articles are on a development machine: ``../shared/corpora/published``
    beside the checkout that holds ``tests_dir``."""
    return Path(tests_dir).resolve().parent.parent / "shared" / "corpora" / PUBLISHED


class _Extractions:
    """One pipeline run per corpus folder, shared by the analyses that score it."""

    def __init__(self):
        self._done: dict[tuple[Path, bool], tuple[Corpus, dict[str, pd.DataFrame]]] = {}

    def get(self, folder: Path, manifest: bool = True) -> tuple[Corpus, dict[str, pd.DataFrame]]:
        key = (Path(folder).resolve(), manifest)
        if key not in self._done:
            if manifest:
                corpus = load_corpus(folder, corrections=False)  # the machine's own accuracy
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    for path in seed_files(Path(folder)):
                        shutil.copy2(path, Path(tmp) / path.name)
                    corpus = load_corpus(tmp)
            self._done[key] = (corpus, extract(corpus).tables)
        return self._done[key]


def _combined(parts: list[tuple[str, Corpus, dict[str, pd.DataFrame]]]) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """Several event folders scored as one corpus: each file named ``<event>/<file>``."""
    documents, tables = [], {}
    for event, corpus, frames in parts:
        documents += [replace(d, file=f"{event}/{d.file}") for d in corpus.documents]
        for name, frame in frames.items():
            if "file" in frame:
                frame = frame.assign(file=[f"{event}/{f}" for f in frame["file"]])
            tables.setdefault(name, []).append(frame)
    merged = {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}
    return Corpus(PUBLISHED, documents), merged


def _prefixed(data, event: str):
    """Annotation data with each ``file`` written ``<event>/<file>`` (lists, and the events file's mapping)."""
    if isinstance(data, dict):
        return {key: _prefixed(value, event) for key, value in data.items()}
    if isinstance(data, list):
        return [{**item, "file": f"{event}/{item['file']}"} if isinstance(item, dict) and "file" in item else item
                for item in data]
    return data


def _read(path: Path):
    """An annotation file, its quotes as the corpus repairs the text they were copied from
    (:func:`briefbook.corpus.clean.repair`: "103nbsp;people" is found as "103 people")."""
    return _repaired(yaml.safe_load(path.read_text(encoding="utf-8")))


def _repaired(data):
    if isinstance(data, dict):
        return {k: repair(v) if k == "text" and isinstance(v, str) else _repaired(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_repaired(item) for item in data]
    return data


def evaluate_corpus(analysis: str, folder: Path, annotations: Path, corpus_name: str) -> list[Metric]:
    """One analysis's metrics on one annotated folder, extracted by the pipeline."""
    corpus, tables = _Extractions().get(folder)
    return SUITES[analysis][1](corpus, tables, _read(annotations), corpus_name, annotations)


def published_events(tests_dir: Path, published_dir: Path) -> list[str]:
    """The annotated events whose articles are present (annotations without articles are skipped)."""
    annotated = Path(tests_dir) / "annotations" / PUBLISHED
    if not annotated.is_dir() or not Path(published_dir).is_dir():
        return []
    return sorted(p.name for p in annotated.iterdir() if p.is_dir() and (Path(published_dir) / p.name).is_dir())


def evaluate_all(tests_dir: Path, seeds_dir: Path, only: tuple[str, ...] | None = None,
                 published_dir: Path | None = None) -> list[Metric]:
    """Every analysis's (or those in ``only``) metrics on the seeds, other-event, held-out and published articles."""
    tests_dir = Path(tests_dir)
    published_dir = Path(published_dir) if published_dir else default_published_dir(tests_dir)
    runs = _Extractions()
    events = published_events(tests_dir, published_dir)
    metrics: list[Metric] = []
    for package, (file, evaluate) in SUITES.items():
        if only is not None and package not in only:
            continue
        seeds_annotations = tests_dir / "annotations" / "seeds" / file
        if seeds_annotations.is_file() and Path(seeds_dir).is_dir():
            corpus, tables = runs.get(seeds_dir)
            metrics += evaluate(corpus, tables, _read(seeds_annotations), "seeds", seeds_annotations)
        for folder, corpus_name in ((package, "other events"), (package + HELD_OUT, "held-out")):
            annotations = tests_dir / "annotations" / folder / file
            corpus_dir = tests_dir / "corpora" / folder
            if annotations.is_file() and corpus_dir.is_dir():
                corpus, tables = runs.get(corpus_dir)
                metrics += evaluate(corpus, tables, _read(annotations), corpus_name, annotations)
        parts, gold = [], None
        for event in events:
            annotations = tests_dir / "annotations" / PUBLISHED / event / file
            if not annotations.is_file():
                continue
            corpus, tables = runs.get(published_dir / event, manifest=False)
            parts.append((event, corpus, tables))
            data = _prefixed(_read(annotations), event)
            if gold is None:
                gold = data
            elif isinstance(data, dict):
                gold = {key: (gold.get(key) or []) + (data.get(key) or []) for key in set(gold) | set(data)}
            else:
                gold = gold + (data or [])
        if parts:
            corpus, tables = _combined(parts)
            metrics += evaluate(corpus, tables, gold, PUBLISHED)
    return metrics


def metrics_frame(metrics: list[Metric]) -> pd.DataFrame:
    """The metrics as a table, numbers rounded to three places."""
    frame = pd.DataFrame([asdict(m) for m in metrics], columns=[
        "corpus", "analysis", "measure", "precision", "recall", "f1", "support", "share"])
    frame = frame[COLUMNS]
    for column in ("precision", "recall", "f1", "share"):
        frame[column] = frame[column].astype(float).round(3)
    return frame


def _annotations_hash(tests_dir: Path, seeds_dir: Path, published_dir: Path) -> str:
    digest = hashlib.sha256(code_version().encode())
    for folder in (tests_dir / "annotations", tests_dir / "corpora", seeds_dir, published_dir):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cached_metrics(tests_dir: Path, seeds_dir: Path, cache_dir: Path, published_dir: Path | None = None) -> pd.DataFrame:
    """The metrics table, computed once per version of code, annotations and articles."""
    tests_dir, seeds_dir = Path(tests_dir), Path(seeds_dir)
    if not (tests_dir / "annotations").is_dir():
        return pd.DataFrame(columns=COLUMNS)
    published_dir = Path(published_dir) if published_dir else default_published_dir(tests_dir)
    path = Path(cache_dir) / f"accuracy-{_annotations_hash(tests_dir, seeds_dir, published_dir)}.csv"
    if path.is_file():
        return pd.read_csv(path)
    frame = metrics_frame(evaluate_all(tests_dir, seeds_dir, published_dir=published_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False)
    return frame
