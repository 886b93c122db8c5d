"""Run every analysis over a corpus once, and keep the result as plain CSV tables.

The corpus is parsed once and each analysis reads the same parses. Tables are
written in a fixed column and row order so that two runs over the same seeds
give byte-identical files, and each carries the seeds folder's fingerprint so
a table found in a brief can be traced to the exact build it came from.

A cache keyed by the seeds' fingerprint and the code's own hash lets a warm
rebuild skip extraction entirely.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module, metadata
from pathlib import Path

import pandas as pd

import briefbook
from briefbook.corpus import Corpus, load_corpus
from briefbook.errors import BriefbookError

#: Columns of documents.csv, in order.
DOCUMENT_COLUMNS = [
    "doc_id", "file", "outlet", "outlet_how", "published", "published_how", "title", "title_how",
    "words", "paragraphs", "encoding", "url", "removed_lines", "removed_words", "notes",
]


@dataclass(frozen=True)
class Analysis:
    """One analysis: the table it writes and the function (``module:function``) that makes it."""

    table: str
    function: str
    needs_dates: bool = False


#: The analyses, in the order they run. Chronology runs first: its article dates
#: anchor the figures' report dates.
ANALYSES = (
    Analysis("events", "briefbook.chronology:extract_events"),
    Analysis("statements", "briefbook.claims:extract_statements"),
    Analysis("figures", "briefbook.figures:extract_figures", needs_dates=True),
)


@dataclass
class Extraction:
    """Every table of one corpus, and how long each stage took (seconds)."""

    fingerprint: str
    tables: dict[str, pd.DataFrame]
    timings: dict[str, float] = field(default_factory=dict)


def documents_frame(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for d in corpus.documents:
        rows.append({
            "doc_id": d.doc_id, "file": d.file, "outlet": d.outlet, "outlet_how": d.outlet_how,
            "published": d.published.isoformat() if d.published else "", "published_how": d.published_how,
            "title": d.title, "title_how": d.title_how, "words": d.words, "paragraphs": len(d.paragraphs),
            "encoding": d.encoding, "url": d.url, "removed_lines": len(d.removed),
            "removed_words": sum(len(r.text.split()) for r in d.removed), "notes": "; ".join(d.notes),
        })
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)


def removed_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [
        {"doc_id": d.doc_id, "file": d.file, "start": r.start, "end": r.end, "reason": r.reason, "text": r.text}
        for d in corpus.documents for r in d.removed
    ]
    return pd.DataFrame(rows, columns=["doc_id", "file", "start", "end", "reason", "text"])


def skipped_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [{"file": s.file, "reason": s.reason} for s in corpus.skipped]
    rows += [
        {"file": d.file, "reason": f"near duplicate of {d.same_as} ({d.similarity:.0%} shared); kept"}
        for d in corpus.duplicates if d.kind == "near"
    ]
    return pd.DataFrame(rows, columns=["file", "reason"])


def paragraphs_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [
        {"doc_id": p.doc_id, "paragraph": p.number, "anchor": p.anchor, "role": p.role,
         "start": p.start, "end": p.end, "text": p.text}
        for d in corpus.documents for p in d.paragraphs
    ]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "anchor", "role", "start", "end", "text"])


def _function(spec: str) -> Callable | None:
    module, name = spec.split(":")
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


def available_analyses() -> list[Analysis]:
    """The analyses to run: those installed, narrowed by ``BRIEFBOOK_ANALYSES`` (comma-separated tables) if set."""
    wanted = os.environ.get("BRIEFBOOK_ANALYSES")
    chosen = [a for a in ANALYSES if wanted is None or a.table in wanted.split(",")]
    return [a for a in chosen if _function(a.function) is not None]


def extract(corpus: Corpus) -> Extraction:
    """Parse the corpus once and run every analysis on it."""
    from briefbook.entities import entity_counts
    from briefbook.nlp import parse_corpus

    timings: dict[str, float] = {}
    start = time.perf_counter()
    tables = {
        "documents": documents_frame(corpus),
        "paragraphs": paragraphs_frame(corpus),
        "removed": removed_frame(corpus),
        "skipped": skipped_frame(corpus),
    }
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    parsed = parse_corpus(corpus)
    tables["entities"] = entity_counts(corpus, parsed)
    timings["parse"] = time.perf_counter() - start
    article_dates = None
    for analysis in available_analyses():
        start = time.perf_counter()
        try:
            article_dates = _run_analysis(analysis, corpus, parsed, tables, article_dates)
        except BriefbookError:
            raise
        except Exception as err:  # a bug meets an unusual article: name the article
            where = _culprit(analysis, corpus, parsed) or str(corpus.folder)
            raise BriefbookError(where, f"{analysis.table} extraction failed: {type(err).__name__}: {err}") from None
        timings[analysis.table] = time.perf_counter() - start
    return Extraction(corpus.fingerprint, tables, timings)


def _run_analysis(analysis: Analysis, corpus: Corpus, parsed, tables: dict, article_dates):
    """Run one analysis into ``tables``; returns the article dates (set by the chronology)."""
    function = _function(analysis.function)
    if analysis.table == "events":
        # Article dates anchor relative dates ("on Monday") here and the figures' report dates.
        dates_frame = _function("briefbook.chronology:article_dates")(corpus, parsed)
        tables["article_dates"] = dates_frame
        article_dates = _function("briefbook.chronology:dates_by_doc")(dates_frame)
        tables["events"] = function(corpus, parsed, dates=dates_frame)
    elif analysis.needs_dates:
        tables[analysis.table] = function(corpus, parsed, article_dates=article_dates)
    else:
        tables[analysis.table] = function(corpus, parsed)
    return article_dates


def _culprit(analysis: Analysis, corpus: Corpus, parsed) -> str | None:
    """The first seed file on which ``analysis`` fails alone, to name it in the error."""
    for document in corpus.documents:
        single = Corpus(corpus.folder, [document], fingerprint=corpus.fingerprint)
        try:
            _run_analysis(analysis, single, {document.doc_id: parsed[document.doc_id]}, {}, None)
        except Exception:
            return str(Path(corpus.folder) / document.file)
    return None


def installed_distributions() -> list[tuple[str, str]]:
    """(name, version) of every installed distribution, sorted (read from their metadata, no import)."""
    found = {(d.metadata["Name"] or "").lower(): d.version for d in metadata.distributions()}
    return sorted(found.items())


def code_version() -> str:
    """A hash of the package's code and data files and of the installed packages' versions.

    A change to any of them invalidates the cache and the site: a lock that
    upgrades spaCy, its model or the book's theme changes what is extracted or
    built as surely as an edit of the package does.
    """
    root = Path(briefbook.__file__).parent
    digest = hashlib.sha256(briefbook.__version__.encode())
    for name, version in installed_distributions():
        digest.update(f"{name}=={version}\n".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def write_tables(extraction: Extraction, out_dir: Path) -> list[Path]:
    """Write each table as ``<name>.csv`` with a ``seeds_fingerprint`` column; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in sorted(extraction.tables.items()):
        frame = table.copy()
        frame["seeds_fingerprint"] = extraction.fingerprint
        path = out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables written by :func:`write_tables`, read back with text kept as text."""
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        tables[path.stem] = frame.drop(columns=["seeds_fingerprint"], errors="ignore")
    return tables


def cached_extract(seeds_dir: Path, cache_root: Path,
                   code: str | None = None) -> tuple[Path, Corpus | None, dict[str, float]]:
    """The folder holding this corpus's tables, extracting only when seeds or code changed.

    ``code`` is :func:`code_version` when the caller has it already (it reads
    every installed package's metadata). Returns the folder, the corpus when it
    had to be loaded (None on a cache hit) and the timings of the stages that ran.
    """
    from briefbook.corpus import fingerprint

    seeds_dir = Path(seeds_dir)
    code = code or code_version()
    key = f"{fingerprint(seeds_dir)}-{code}" if seeds_dir.is_dir() else "missing"
    folder = cache_root / key
    if (folder / "COMPLETE").is_file():
        return folder, None, {}
    corpus = load_corpus(seeds_dir)
    extraction = extract(corpus)
    # Another process (a notebook run by hand, a second build) may fill the same
    # cache at once: each writes its own folder and the first complete one wins.
    partial = folder.with_name(f"{folder.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    write_tables(extraction, partial)
    meta = {"fingerprint": extraction.fingerprint, "code_version": code,
            "seeds": str(seeds_dir), "timings": extraction.timings}
    (partial / "COMPLETE").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    try:
        partial.rename(folder)
    except OSError:  # already there, complete, from the other process
        shutil.rmtree(partial, ignore_errors=True)
    prune_cache(cache_root, keep=folder)
    return folder, corpus, extraction.timings


#: Extractions kept in the cache: enough to switch between a few seeds folders warm.
CACHE_KEEP = 4


def prune_cache(cache_root: Path, keep: Path, most: int = CACHE_KEEP) -> list[Path]:
    """Remove all but the ``most`` most recent extractions (never ``keep``); returns what went."""
    entries = sorted(
        (p for p in cache_root.iterdir() if p.is_dir() and (p / "COMPLETE").is_file() and p != keep),
        key=lambda p: (p / "COMPLETE").stat().st_mtime, reverse=True,
    )
    removed = entries[most - 1:]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed
