"""The extraction pipeline: parse the corpus once, run every analysis step in the order its needs set.

Each analysis declares its steps (``briefbook.<analysis>.steps.STEPS``): the
table a step writes, the tables it needs, and the function that makes it from a
:class:`~briefbook.analysis.Context`. This module orders them (a step runs after
every step whose table it needs), passes one context holding the corpus reading
and the tables made so far, and gives each table its declared columns. An
analysis that cannot be imported fails loudly here, at import time: it never
silently vanishes from the book.

**One bad article does not take the build down.** When a step raises on the
corpus, the article it fails on alone is found, that article's rows of that
step are left out, the step is run again on the rest, and the Sources page
lists the article, the step and the error (through ``skipped.csv``). A step
that fails with no single article to blame is a bug and stops the extraction
with one line naming the folder.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from dataclasses import dataclass, field

import pandas as pd

from briefbook.analysis import Context, Step
from briefbook.chronology.steps import STEPS as CHRONOLOGY
from briefbook.claims.steps import STEPS as CLAIMS
from briefbook.corrected import CORRECTIONS
from briefbook.corpus import Corpus
from briefbook.corpus.tables import (
    DOCUMENTS,
    PARAGRAPHS,
    REMOVED,
    SHARED,
    SKIPPED,
    documents_frame,
    paragraphs_frame,
    removed_frame,
    shared_frame,
    skipped_frame,
)
from briefbook.entities import ENTITIES, entity_counts
from briefbook.errors import BriefbookError
from briefbook.figures.steps import STEPS as FIGURES
from briefbook.language.kept import Kept
from briefbook.language.reading import CorpusReading
from briefbook.schema import Table

#: Every analysis step, in the order they are listed when needs leave a choice.
STEPS: tuple[Step, ...] = CLAIMS + CHRONOLOGY + FIGURES

#: The tables written before any analysis runs.
CORPUS_TABLES: tuple[Table, ...] = (DOCUMENTS, PARAGRAPHS, REMOVED, SHARED, SKIPPED, ENTITIES)


def tables_declared() -> tuple[Table, ...]:
    """Every table an extraction writes, declared (for datapackage.json and for reading back)."""
    return CORPUS_TABLES + tuple(step.table for step in STEPS) + (CORRECTIONS,)


def ordered(steps: tuple[Step, ...] = STEPS, wanted: set[str] | None = None) -> list[Step]:
    """``steps`` in an order where every step follows the steps it needs.

    ``wanted`` narrows the run to those tables and what they need. A need no
    step makes, or needs that go round in a circle, are a programming error.
    """
    by_name = {step.name: step for step in steps}
    chosen: set[str] = set()

    def take(name: str, path: tuple[str, ...] = ()) -> None:
        if name in path:
            raise ValueError(f"analysis steps need each other in a circle: {' -> '.join(path + (name,))}")
        if name not in by_name:
            raise ValueError(f"no analysis step makes the table {name!r} (needed by {path[-1] if path else 'the run'})")
        for need in by_name[name].needs:
            take(need, path + (name,))
        chosen.add(name)

    for step in steps:
        if wanted is None or step.name in wanted:
            take(step.name)
    order: list[Step] = []
    done: set[str] = set()
    while len(order) < len(chosen):
        for step in steps:
            if step.name in chosen and step.name not in done and all(n in done for n in step.needs):
                order.append(step)
                done.add(step.name)
                break
    return order


def wanted_tables() -> set[str] | None:
    """Tables named in ``BRIEFBOOK_ANALYSES`` (comma-separated), to run only those; None for all."""
    value = os.environ.get("BRIEFBOOK_ANALYSES")
    return {name.strip() for name in value.split(",") if name.strip()} if value else None


@dataclass
class Failure:
    """An analysis step that failed on one article: that article's rows of that step are left out."""

    file: str
    step: str
    error: str

    @property
    def reason(self) -> str:
        return f"{self.step} analysis failed on this article and left it out ({self.error})"


@dataclass
class Extraction:
    """Every table of one corpus, how long each stage took (seconds), and what failed."""

    fingerprint: str
    tables: dict[str, pd.DataFrame]
    timings: dict[str, float] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)


def _error(err: Exception) -> str:
    return f"{type(err).__name__}: {err}"


def _subset(ctx: Context, documents: list) -> Context:
    corpus = ctx.corpus
    part = Corpus(corpus.folder, documents, fingerprint=corpus.fingerprint)
    reading = CorpusReading(part, {d.doc_id: ctx.parsed[d.doc_id] for d in documents})
    return Context(reading, ctx.tables)


def run_step(step: Step, ctx: Context, failures: list[Failure]) -> pd.DataFrame:
    """``step`` on the corpus; on an exception, on the corpus less the articles it fails on alone."""
    try:
        return step.table.conform(step.run(ctx))
    except BriefbookError:
        raise
    except Exception as err:  # a bug meets an unusual article: find the article, leave it out
        first = err
    culprits = []
    for document in ctx.corpus.documents:
        try:
            step.run(_subset(ctx, [document]))
        except BriefbookError:
            raise
        except Exception as err:
            culprits.append((document, err))
    if not culprits:
        raise BriefbookError(str(ctx.corpus.folder), f"{step.name} extraction failed: {_error(first)}") from None
    bad = {d.doc_id for d, _ in culprits}
    rest = _subset(ctx, [d for d in ctx.corpus.documents if d.doc_id not in bad])
    try:
        frame = step.table.conform(step.run(rest))
    except BriefbookError:
        raise
    except Exception as err:
        raise BriefbookError(str(ctx.corpus.folder), f"{step.name} extraction failed: {_error(err)}") from None
    failures += [Failure(d.file, step.name, _error(e)) for d, e in culprits]
    return frame


def extract(corpus: Corpus, parses: Path | None = None, scheduler: str | None = None,
            kept: Kept | None = None) -> Extraction:
    """Parse the corpus once and run every analysis step on it.

    ``parses`` is a folder where each article's parse is kept between extractions, ``scheduler`` a Dask
    scheduler's address to parse on (:func:`briefbook.parsing.parse_corpus`) and ``kept`` each article's
    results of earlier extractions (:mod:`briefbook.language.kept`); the tables are the same."""
    from briefbook.parsing import parse_corpus  # spaCy's import costs a second a warm rebuild does not need

    timings: dict[str, float] = {}
    start = time.perf_counter()
    tables = {
        "documents": documents_frame(corpus),
        "paragraphs": paragraphs_frame(corpus),
        "removed": removed_frame(corpus),
        "shared": shared_frame(corpus),
    }
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    reading = CorpusReading(corpus, parse_corpus(corpus, parses, scheduler), kept=kept or Kept())
    tables["entities"] = entity_counts(corpus, reading.parsed)
    timings["parse"] = time.perf_counter() - start
    ctx = Context(reading, tables)
    failures: list[Failure] = []
    for step in ordered(wanted=wanted_tables()):
        start = time.perf_counter()
        tables[step.name] = run_step(step, ctx, failures)
        timings[step.name] = time.perf_counter() - start
    skipped = skipped_frame(corpus)
    if failures:
        skipped = pd.concat([skipped, pd.DataFrame([{"file": f.file, "reason": f.reason} for f in failures],
                                                   columns=SKIPPED.names)], ignore_index=True)
    tables["skipped"] = skipped
    return Extraction(corpus.fingerprint, tables, timings, failures)
