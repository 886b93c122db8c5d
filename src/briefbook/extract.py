"""Keep an extraction (:mod:`briefbook.pipeline`) as plain CSV tables with their declared schema.

Tables are written in their declared column order and a fixed row order, so
two runs over the same seeds give byte-identical files, and each carries the
seeds folder's fingerprint so a table found in a brief can be traced to the
exact build it came from. ``datapackage.json`` beside them declares every
column's type and meaning (Frictionless Table Schema), and reading back gives
each column that type.

A cache keyed by the seeds' fingerprint and the code's own hash lets a warm
rebuild skip extraction entirely.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd

import briefbook
from briefbook.corpus import Corpus, load_corpus
from briefbook.corpus.corrections import CORRECTIONS_NAME, Corrections
from briefbook.corrected import apply as apply_corrections
from briefbook.language.kept import Kept
from briefbook.parsing import prune_parses
from briefbook.pipeline import Extraction, extract, tables_declared
from briefbook.schema import FINGERPRINT, datapackage

#: The file beside the CSVs that declares their columns (Frictionless data package).
DATAPACKAGE = "datapackage.json"

def installed_distributions() -> list[tuple[str, str]]:
    """(name, version) of every installed distribution, sorted (read from their metadata, no import)."""
    found = {(d.metadata["Name"] or "").lower(): d.version for d in metadata.distributions()}
    return sorted(found.items())


def code_version() -> str:
    """A hash of the package's code and data files and of the installed packages' versions.

    A change to any of them invalidates the cache and the site: a lock that
    upgrades spaCy, its model or the book's theme changes what is extracted or
    built as surely as an edit of the package does, and so does a user's own
    lexicon (:func:`user_data_files`).
    """
    root = Path(briefbook.__file__).parent
    digest = hashlib.sha256(briefbook.__version__.encode())
    for name, version in installed_distributions():
        digest.update(f"{name}=={version}\n".encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    for path in user_data_files():
        digest.update(b"BRIEFBOOK_DATA/" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def user_data_files() -> list[Path]:
    """The user's own copies of packaged data files in ``BRIEFBOOK_DATA`` (:mod:`briefbook.resources`),
    which replace the packaged ones: an edited lexicon changes what is extracted as an edited package does."""
    override = os.environ.get("BRIEFBOOK_DATA")
    if not override or not Path(override).is_dir():
        return []
    packaged = Path(briefbook.__file__).parent / "data"
    return [p for p in sorted(Path(override).iterdir()) if p.is_file() and (packaged / p.name).is_file()]


def write_tables(extraction: Extraction, out_dir: Path) -> list[Path]:
    """Write each table as ``<name>.csv`` with a ``seeds_fingerprint`` column, and ``datapackage.json``
    declaring them; returns the CSV paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    declared = {t.name: t for t in tables_declared()}
    written = []
    for name, table in sorted(extraction.tables.items()):
        frame = declared[name].conform(table).copy() if name in declared else table.copy()
        frame[FINGERPRINT] = extraction.fingerprint
        path = out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    package = datapackage(declared[name] for name in sorted(extraction.tables) if name in declared)
    (out_dir / DATAPACKAGE).write_text(json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return written


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables written by :func:`write_tables`, each column read as its declared type."""
    declared = {t.name: t for t in tables_declared()}
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=[FINGERPRINT], errors="ignore")
        tables[path.stem] = declared[path.stem].typed(frame) if path.stem in declared else frame
    return tables


def warn_failures(extraction: Extraction, stream=None) -> None:
    """One line per article an analysis failed on and left out (the build goes on)."""
    for failure in extraction.failures:
        print(f"briefbook: warning: {failure.file}: {failure.reason}", file=stream or sys.stderr)


def stale_corrections(tables: dict[str, pd.DataFrame]) -> list[str]:
    """One note per correction whose row is not in this build (the build goes on without it)."""
    corrections = tables.get("corrections")
    if corrections is None or corrections.empty:
        return []
    return [f"note: {CORRECTIONS_NAME}: {row.id}: {row.status}"
            for row in corrections[corrections["status"] != "applied"].itertuples()]


def extract_corrected(corpus: Corpus, parses: Path | None = None, scheduler: str | None = None,
                      kept: Kept | None = None) -> Extraction:
    """The machine's extraction of ``corpus`` with the analyst's corrections applied (:mod:`briefbook.corrected`);
    the ``corrections`` table lists them, and is empty when the folder has none. ``parses``, ``scheduler``
    and ``kept`` are :func:`briefbook.pipeline.extract`'s."""
    extraction = extract(corpus, parses, scheduler, kept)
    tables, corrections = apply_corrections(extraction.tables, corpus.corrections or Corrections(),
                                            corpus.article_corrections)
    tables["corrections"] = corrections
    return Extraction(extraction.fingerprint, tables, extraction.timings, extraction.failures)


def cache_folder(seeds_dir: Path, cache_root: Path, code: str) -> Path:
    """Where the tables of these seeds, extracted by this code version, are cached (complete when it
    holds a ``COMPLETE`` file)."""
    from briefbook.corpus import fingerprint

    seeds_dir = Path(seeds_dir)
    return cache_root / (f"{fingerprint(seeds_dir)}-{code}" if seeds_dir.is_dir() else "missing")


def cached_extract(seeds_dir: Path, cache_root: Path, code: str | None = None,
                   scheduler: str | None = None) -> tuple[Path, Corpus | None, dict[str, float]]:
    """The folder holding this corpus's tables, extracting only when seeds or code changed.

    ``code`` is :func:`code_version` when the caller has it already (it reads
    every installed package's metadata). Each article's parse is kept in
    ``cache_root/parses`` and its results in ``cache_root/results``, so an
    extraction after one article was added or edited parses and reads that
    article alone (and those whose corpus-wide inputs it changed);
    ``scheduler`` is a Dask scheduler to parse on. Returns the folder, the corpus when it had to be loaded (None on a cache
    hit) and the timings of the stages that ran.
    """
    seeds_dir = Path(seeds_dir)
    code = code or code_version()
    folder = cache_folder(seeds_dir, cache_root, code)
    if (folder / "COMPLETE").is_file():
        return folder, None, {}
    corpus = load_corpus(seeds_dir)
    kept = Kept(cache_root / RESULTS, code)
    extraction = extract_corrected(corpus, cache_root / PARSES, scheduler, kept)
    kept.save()
    prune_parses(cache_root / PARSES, keep=CACHE_KEEP * len(corpus.documents))
    prune_parses(cache_root / RESULTS, keep=CACHE_KEEP * len(corpus.documents), pattern="*.pickle")
    warn_failures(extraction)
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


#: Extractions kept in the cache: enough to switch between a few seeds folders warm (and as many
#: corpora's worth of kept parses).
CACHE_KEEP = 4
#: The cache's folder of kept article parses (:mod:`briefbook.parsing`).
PARSES = "parses"
#: The cache's folder of each article's kept results (:mod:`briefbook.language.kept`).
RESULTS = "results"


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
