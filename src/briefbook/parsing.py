"""Parse a corpus: each article's parse kept, the rest parsed here or on a Dask cluster.

Parsing is the one step of an extraction that reads a single article: the
corpus-wide passes (names, article dates, grouping, reconciliation, timeline
merging) run on the parses afterwards. So each article's parse is kept on disk,
keyed by its paragraphs and the pipeline (:func:`article_key`), and a rebuild
after one article is added or edited parses that article alone.

The articles still to parse (:func:`briefbook.nlp.parse_articles`) go
through ``dask.distributed`` when it pays: on a running cluster whose
scheduler's address is given (``--scheduler tcp://HOST:8786`` or
``BRIEFBOOK_SCHEDULER``), or, with no address, on a local cluster of worker
processes sized to the machine when the corpus is large enough that starting
one is repaid (:data:`LOCAL_CLUSTER_WORDS`, measured by ``make bench``), else in
this process. Each worker loads the spaCy pipeline once and keeps it
(:func:`briefbook.nlp.pipeline` is cached per process). Articles travel in
chunks, a few per worker at a time (:data:`IN_FLIGHT`), and parses come back as
``DocBin`` bytes, identical to the parses made here; a worker gives back the
memory each chunk's parsing freed, so its size stays flat however long the corpus. Progress (articles done of total, rate, time left) is shown on one
updating line when the output is a terminal, and not at all otherwise.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sys
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

from briefbook.corpus.model import Corpus, Document
from briefbook.nlp import Parsed, docs_from_bytes, parse_articles, parse_corpus as parse_here, pipeline_key

#: Where a running Dask scheduler's address may be given instead of ``--scheduler``.
SCHEDULER_ENV = "BRIEFBOOK_SCHEDULER"

#: Below this many words a local cluster's start (worker processes, each loading the model: some 4 s
#: on this 2-core machine) costs more than it saves; measured with ``make bench``.
LOCAL_CLUSTER_WORDS = 150_000
#: How long to wait for a scheduler named by address before saying it cannot be reached.
CONNECT_TIMEOUT = "5s"
#: Articles sent to a worker at once: few enough to balance the workers, enough to batch the parser.
CHUNK_ARTICLES = 16
#: Chunks in flight per worker: one parsing, one waiting, so no worker idles between chunks; the rest
#: are sent as results come back, so neither the scheduler nor a worker holds the corpus at once.
IN_FLIGHT = 2


def parse_corpus(corpus: Corpus, cache: Path | None = None, scheduler: str | None = None) -> Parsed:
    """Every article of the corpus parsed, keyed by ``doc_id``.

    With ``cache``, an article's parse is read from there when its text and the pipeline are unchanged, and
    kept there when it had to be made; the articles to parse go through :func:`parse_map` (``scheduler``:
    a Dask scheduler's address, else chosen by the corpus's size). With neither, all are parsed here in one
    stream, as :func:`briefbook.nlp.parse_corpus` does."""
    if cache is None and scheduler is None and not os.environ.get(SCHEDULER_ENV):
        return parse_here(corpus)
    keys = {d.doc_id: article_key(d) for d in corpus.documents}
    kept = {d.doc_id: _read_parse(cache, keys[d.doc_id]) for d in corpus.documents} if cache else {}
    todo = [d for d in corpus.documents if kept.get(d.doc_id) is None]
    for document, data in zip(todo, parse_map([[p.text for p in d.paragraphs] for d in todo], scheduler)):
        kept[document.doc_id] = data
        if cache:
            _write_parse(cache, keys[document.doc_id], data)
    return {d.doc_id: docs_from_bytes(kept[d.doc_id]) for d in corpus.documents}


def article_key(document: Document) -> str:
    """The name of an article's kept parse: its paragraphs' text and the pipeline."""
    digest = hashlib.sha256(pipeline_key().encode())
    for paragraph in document.paragraphs:
        digest.update(paragraph.text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


def _read_parse(cache: Path, key: str) -> bytes | None:
    path = cache / f"{key}.spacy"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    os.utime(path)  # kept parses are pruned oldest first: this one is in use
    return data


def _write_parse(cache: Path, key: str, data: bytes) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f"{key}.spacy.partial-{os.getpid()}"
    partial.write_bytes(data)
    partial.replace(cache / f"{key}.spacy")


def prune_parses(cache: Path, keep: int, pattern: str = "*.spacy") -> int:
    """Remove all but the ``keep`` most recently used kept parses (or other kept files of ``pattern``:
    each article's results, :mod:`briefbook.language.kept`); returns how many went."""
    if not cache.is_dir():
        return 0
    files = sorted(cache.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in files[keep:]:
        path.unlink(missing_ok=True)
    return max(0, len(files) - keep)


def parse_map(articles: Sequence[list[str]], scheduler: str | None = None, workers: int | None = None) -> list[bytes]:
    """Each article's paragraphs parsed (``DocBin`` bytes, in order): on the cluster at ``scheduler`` (or
    ``BRIEFBOOK_SCHEDULER``), else on a local cluster of ``workers`` processes when the corpus is large,
    else here."""
    if not articles:
        return []
    address = scheduler or os.environ.get(SCHEDULER_ENV) or None
    words = sum(len(t.split()) for texts in articles for t in texts)
    workers = workers or os.cpu_count() or 1
    if address is None and (words < LOCAL_CLUSTER_WORDS or workers < 2):
        return _here(list(articles))
    return _on_cluster(list(articles), address, workers)


def local_cluster(workers: int, **options):
    """A local Dask cluster of ``workers`` processes of one thread each, to parse on.

    Dask starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which makes the C allocator give
    freed memory back to the system at once; spaCy allocates and frees small arrays all the time, and
    parses some 20 % slower so (4,400 -> 3,500 words a second in one process here, and two workers
    1.6 rather than 2.0 times one). Workers here start without it: each gives back what a chunk's
    parsing freed once, after the chunk (:func:`_parse_chunk`), and their memory stays as flat."""
    import dask
    from dask.distributed import LocalCluster

    with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=40, **options)


def _parse_chunk(chunk: list[list[str]]) -> list[bytes]:
    """One chunk parsed on a worker, and the memory its parsing freed given back to the system.

    A worker parses chunk after chunk for as long as the corpus lasts; without giving freed memory
    back, the C allocator keeps what parsing freed (measured on two local workers after 1,500
    generated articles: 278 MB resident each untrimmed, 201 MB trimmed)."""
    made = parse_articles(chunk)
    _trim_memory()
    return made


def _trim_memory() -> None:
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        pass


def _chunks(articles: list[list[str]]) -> list[list[list[str]]]:
    return [articles[i:i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES)]


def _bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="briefbook: parsing", file=sys.stderr, leave=False,
                disable=not sys.stderr.isatty(), dynamic_ncols=True)


def _here(articles: list[list[str]]) -> list[bytes]:
    made: list[bytes] = []
    with _bar(len(articles)) as bar:
        for chunk in _chunks(articles):
            made += parse_articles(chunk)
            bar.update(len(chunk))
    return made


def _on_cluster(articles: list[list[str]], address: str | None, workers: int) -> list[bytes]:
    from dask.distributed import Client, as_completed

    from briefbook.errors import BriefbookError

    cluster = None
    try:
        if address is None:
            cluster = local_cluster(workers)
        client = Client(cluster or address, timeout=CONNECT_TIMEOUT)
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise BriefbookError(address or "local cluster", f"cannot reach the Dask scheduler ({err})") from None
    try:
        chunks = _chunks(articles)
        window = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        waiting = iter(range(len(chunks)))
        index: dict[str, int] = {}
        results: list[list[bytes] | None] = [None] * len(chunks)
        pending = as_completed()

        def send(i: int) -> None:
            future = client.submit(_parse_chunk, chunks[i], pure=False)
            index[future.key] = i
            pending.add(future)

        for i in islice(waiting, window):
            send(i)
        with _bar(len(articles)) as bar:
            for future in pending:
                i = index.pop(future.key)
                results[i] = future.result()
                future.release()  # a result leaves its worker once gathered
                bar.update(len(chunks[i]))
                if (following := next(waiting, None)) is not None:
                    send(following)
        return [data for chunk in results for data in chunk]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
