"""One measurement in its own process, printed as one line of JSON.

Run as ``python -m briefbook.bench.child extract SEEDS``, ``... parse SEEDS WORKERS`` or ``... build SEEDS OUT``.
A fresh process per measurement makes ``ru_maxrss`` (the peak resident memory)
that measurement's own, and keeps the spaCy model load out of the timings
(it is loaded before the clock starts, as in a long-running build).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_memory_mb(status: Path = Path("/proc/self/status")) -> float:
    """Peak resident memory of this process's own address space so far.

    Linux's ``VmHWM`` where there is one. ``ru_maxrss`` is kept across ``fork`` and ``exec``: a Dask
    worker, spawned from a process that held the whole corpus, reported that process's size as its
    own peak (702 MB "per worker" at 10,000 articles, where a worker's own peak is near 230 MB).
    """
    try:
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_extract(seeds: Path) -> dict:
    """Load, raw spaCy throughput and extraction throughput on the same paragraphs."""
    from briefbook.corpus import load_corpus
    from briefbook.extract import extract
    from briefbook.nlp import pipeline

    nlp = pipeline()
    _load_model()
    base_memory = peak_memory_mb()
    start = time.perf_counter()
    corpus = load_corpus(seeds)
    load = time.perf_counter() - start
    texts = [p.text for d in corpus.documents for p in d.paragraphs]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    raw = time.perf_counter() - start
    extraction = extract(corpus)
    analyses = {k: v for k, v in extraction.timings.items() if k != "load"}
    return {
        "articles": len(corpus.documents), "paragraphs": len(texts), "words": words,
        "load": load, "raw_nlp": raw, "timings": extraction.timings,
        "extract": sum(analyses.values()),
        "raw_words_per_s": words / raw, "extract_words_per_s": words / sum(analyses.values()),
        "model_memory_mb": base_memory, "peak_memory_mb": peak_memory_mb(),
    }


def measure_parse(seeds: Path, workers: int) -> dict:
    """Parsing throughput of the corpus's paragraphs: here (``workers`` 1) or on a local cluster of
    ``workers`` processes (its start, each worker loading the model, included), and each worker's peak memory."""
    from briefbook import parsing
    from briefbook.corpus import load_corpus

    corpus = load_corpus(seeds)
    articles = [[p.text for p in d.paragraphs] for d in corpus.documents]
    words = sum(len(t.split()) for texts in articles for t in texts)
    worker_memory: list[float] = []
    started = 0.0
    if workers == 1:
        _load_model()
        start = time.perf_counter()
        parsing.parse_map(articles, workers=1)  # one worker: parsed here
        seconds = time.perf_counter() - start
        worker_memory = [peak_memory_mb()]
    else:
        from dask.distributed import Client

        start = time.perf_counter()
        with parsing.local_cluster(workers, host="127.0.0.1") as cluster, Client(cluster) as client:
            client.run(_load_model)  # the start: each worker loads the model, as its first chunk would
            started = time.perf_counter() - start
            parsing.parse_map(articles, scheduler=cluster.scheduler_address)
            seconds = time.perf_counter() - start
            worker_memory = sorted(client.run(peak_memory_mb).values())
    return {"articles": len(articles), "words": words, "seconds": seconds, "words_per_s": words / seconds,
            "worker_peak_mb": worker_memory, "start_seconds": started}


def _load_model() -> None:
    """Load the model and run it once, so that its first call is not timed (here or on a worker)."""
    from briefbook.nlp import pipeline

    list(pipeline().pipe(["A warm-up sentence so the model's first call is not timed."]))


def measure_build(seeds: Path, out: Path) -> dict:
    """``briefbook build`` end to end, with the stage timings it reports."""
    import briefbook
    from briefbook.publish.build import build

    root = Path.cwd() if (Path.cwd() / "_config.yml").is_file() else Path(briefbook.__file__).resolve().parents[2]
    from briefbook.extract import code_version

    version = code_version()
    start = time.perf_counter()
    result = build(seeds, root, out)
    return {"wall": time.perf_counter() - start, "timings": result.timings, "peak_memory_mb": peak_memory_mb(),
            "code_version": version}


def main(argv: list[str]) -> int:
    from briefbook.errors import BriefbookError

    try:
        if argv[0] == "extract":
            result = measure_extract(Path(argv[1]))
        elif argv[0] == "parse":
            result = measure_parse(Path(argv[1]), int(argv[2]))
        elif argv[0] == "build":
            result = measure_build(Path(argv[1]), Path(argv[2]))
        else:
            print(f"unknown measurement {argv[0]!r}", file=sys.stderr)
            return 2
    except BriefbookError as err:
        print(f"briefbook: error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
