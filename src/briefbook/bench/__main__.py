"""``python -m briefbook.bench``: time every stage on generated corpora of 5, 50 and 500 articles.

For each size: a child process loads and extracts the corpus (stage timings,
raw spaCy throughput on the same paragraphs, peak memory); then a cold
``briefbook build`` into a fresh folder, a warm rebuild into the same folder
(extraction must come from the cache), and a bare ``jupyter-book build`` of the
pages the build staged, into a fresh folder, as the yardstick for the warm
rebuild. The table is printed, written to ``bench/latest.md`` and copied into the
README's Performance section (between its ``bench:start``/``bench:end`` markers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefbook.bench.corpus import write_corpus
from briefbook.bench.table import Row, WorkerRow, markdown, with_table
from briefbook.publish.build import run_jupyter_book

#: The corpus sizes of the full run, the one the README's table stands for.
FULL_RUN = (5, 50, 500)
#: The corpus sizes whose parsing is timed in this process and on local workers (the largest: memory
#: per worker must stay flat as the corpus grows).
WORKER_RUN = (500, 10_000)


def _child(*args: str) -> dict:
    """Run one measurement in a fresh process; its last stdout line is the JSON result."""
    result = subprocess.run([sys.executable, "-m", "briefbook.bench.child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"briefbook bench: {args[0]} failed: {last}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(articles: int, work: Path, builds: bool) -> Row:
    seeds = work / f"seeds-{articles}"
    write_corpus(seeds, articles)
    _say(f"{articles} articles: extraction")
    ex = _child("extract", str(seeds))
    t = ex["timings"]
    row = Row(
        articles=ex["articles"], words=ex["words"], load=ex["load"], parse=t.get("parse", 0.0),
        analyses=ex["extract"] - t.get("parse", 0.0), raw_words_per_s=ex["raw_words_per_s"],
        extract_words_per_s=ex["extract_words_per_s"], peak_memory_mb=ex["peak_memory_mb"],
        model_memory_mb=ex["model_memory_mb"], stages={k: v for k, v in t.items() if k != "load"},
    )
    if not builds:
        return row
    out = work / f"out-{articles}"
    shutil.rmtree(out, ignore_errors=True)
    _say(f"{articles} articles: cold build")
    cold = _child("build", str(seeds), str(out))
    row.cold_build, row.notebooks, row.site = cold["wall"], cold["timings"].get("notebooks"), cold["timings"].get("site")
    _say(f"{articles} articles: warm rebuild")
    warm = _child("build", str(seeds), str(out))
    row.warm_build = warm["wall"]
    row.warm_extract_skipped = "parse" not in warm["timings"]
    row.code_changed = warm["code_version"] != cold["code_version"]
    _say(f"{articles} articles: rebuild after one article is added")
    extra = write_corpus(work / "extra", 1, seed=articles + 1)[0]
    shutil.copy(extra, seeds / "zzzz_added.txt")
    added = _child("build", str(seeds), str(out))
    row.add_one, row.add_one_stages = added["wall"], added["timings"]
    _say(f"{articles} articles: rebuild after one article is edited")
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace(" said", " told reporters", 1), encoding="utf-8")
    edited = _child("build", str(seeds), str(out))
    row.edit_one, row.edit_one_stages = edited["wall"], edited["timings"]
    _say(f"{articles} articles: bare jupyter-book build")
    bare = work / f"bare-{articles}"
    shutil.rmtree(bare, ignore_errors=True)
    start = time.perf_counter()
    run_jupyter_book(out / "source", bare)
    row.bare_jupyter_book = time.perf_counter() - start
    return row


def measure_workers(articles: int, work: Path) -> WorkerRow:
    """Parsing throughput here and on a local cluster of every core, on one generated corpus."""
    seeds = work / f"seeds-{articles}"
    if not seeds.is_dir() or len(list(seeds.glob("*.txt"))) < articles:
        write_corpus(seeds, articles)
    cores = os.cpu_count() or 1
    _say(f"{articles} articles: parsing here, then on {cores} local workers")
    one = _child("parse", str(seeds), "1")
    many = _child("parse", str(seeds), str(cores))
    return WorkerRow(articles=one["articles"], words=one["words"], workers=cores, one_words_per_s=one["words_per_s"],
                     many_words_per_s=many["words_per_s"], many_seconds=many["seconds"],
                     worker_peak_mb=many["worker_peak_mb"], start_seconds=many.get("start_seconds", 0.0))


def _say(message: str) -> None:
    print(f"briefbook bench: {message}", file=sys.stderr, flush=True)


def machine() -> str:
    return f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefbook.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, FULL_RUN)),
                        help="corpus sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--no-build", action="store_true", help="measure extraction only (no book builds)")
    parser.add_argument("--workers", default=",".join(map(str, WORKER_RUN)),
                        help="corpus sizes whose parsing is timed here and on local workers (default: %(default)s; "
                             "'' for none)")
    parser.add_argument("--work", type=Path, help="folder for corpora and builds (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=Path("bench/latest.md"), help="where the table is written")
    parser.add_argument("--readme", type=Path, default=Path("README.md"),
                        help="the README whose Performance section gets the table (default: README.md)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    try:
        rows = [measure(n, work, builds=not args.no_build) for n in sizes]
        workers = [measure_workers(int(n), work) for n in args.workers.split(",") if n.strip()]
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    table = markdown(rows, machine(), workers)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    if tuple(sizes) == FULL_RUN and not args.no_build and workers:  # only the full run stands for the project
        _update_readme(args.readme, table)
    return 0


def _update_readme(readme: Path, table: str) -> None:
    """Copy the table into the README, or say why it was not."""
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    updated = with_table(text, table)
    if updated is None:
        _say(f"{readme}: no bench:start/bench:end markers; the table is in the output only")
    elif updated != text:
        readme.write_text(updated, encoding="utf-8")
        _say(f"{readme}: Performance section updated")


if __name__ == "__main__":
    sys.exit(main())
