"""Parsing at scale: each article's parse kept between builds, and parsing on a Dask cluster.

Both must leave the extraction exactly as it is when everything is parsed here in one stream.
"""

from __future__ import annotations

import shutil
import socket

import pytest

import briefbook.parsing as parsing
from briefbook.corpus import load_corpus
from briefbook.errors import BriefbookError
from briefbook.pipeline import extract

from conftest import SEEDS


@pytest.fixture(scope="module")
def in_one_stream():
    corpus = load_corpus(SEEDS)
    return corpus, extract(corpus).tables


def same_tables(a: dict, b: dict) -> list[str]:
    """The tables that differ (by name)."""
    return sorted(name for name in a if not a[name].equals(b[name]))


def test_kept_parses_give_the_same_tables_and_an_added_article_alone_is_parsed(in_one_stream, tmp_path, monkeypatch):
    corpus, tables = in_one_stream
    kept = tmp_path / "parses"
    assert same_tables(tables, extract(corpus, kept).tables) == []
    assert len(list(kept.glob("*.spacy"))) == len(corpus.documents)
    parsed: list[int] = []
    real = parsing.parse_articles
    monkeypatch.setattr(parsing, "parse_articles", lambda chunk: parsed.append(len(chunk)) or real(chunk))
    assert same_tables(tables, extract(corpus, kept).tables) == []       # everything read back
    assert parsed == []
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zz-new.txt").write_text("Port reopens\n\nThe port reopened on Friday, officials said.\n", "utf-8")
    extract(load_corpus(seeds), kept)
    assert parsed == [1]                                                 # the new article alone


def test_old_parses_are_pruned_oldest_first(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.spacy").write_bytes(b"x")
    assert parsing.prune_parses(tmp_path, keep=3) == 2 and len(list(tmp_path.glob("*.spacy"))) == 3


def _trim_threshold() -> str | None:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_a_local_cluster_of_two_workers_gives_byte_identical_tables(in_one_stream):
    from dask.distributed import Client

    corpus, tables = in_one_stream
    with parsing.local_cluster(2, host="127.0.0.1") as cluster:
        on_cluster = extract(corpus, scheduler=cluster.scheduler_address).tables
        with Client(cluster) as client:
            # Dask's default (65536) makes spaCy parse a fifth slower; the workers trim after each chunk
            assert set(client.run(_trim_threshold).values()) == {None}
    assert same_tables(tables, on_cluster) == []


def test_a_scheduler_that_cannot_be_reached_is_one_line(in_one_stream):
    corpus, _ = in_one_stream
    with socket.socket() as probe:          # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BriefbookError) as err:
        extract(corpus, scheduler=f"tcp://127.0.0.1:{port}")
    assert str(err.value).startswith(f"tcp://127.0.0.1:{port}: cannot reach the Dask scheduler")


def test_a_small_corpus_is_parsed_here_and_a_large_one_on_local_workers(monkeypatch):
    went = []
    monkeypatch.setattr(parsing, "_here", lambda articles: went.append("here") or [b""] * len(articles))
    monkeypatch.setattr(parsing, "_on_cluster", lambda articles, address, workers: went.append(address or "local")
                        or [b""] * len(articles))
    small = [["a few words"]] * 3
    large = [["word " * 1000]] * (parsing.LOCAL_CLUSTER_WORDS // 1000 + 1)
    parsing.parse_map(small, workers=2)
    parsing.parse_map(large, workers=2)
    parsing.parse_map(large, workers=1)
    parsing.parse_map(small, scheduler="tcp://127.0.0.1:8786")
    assert went == ["here", "local", "here", "tcp://127.0.0.1:8786"]


def test_the_readmes_worker_config_starts_workers_without_the_trim_threshold():
    """The README tells how to start workers on other machines without Dask's trim threshold."""
    import re
    from pathlib import Path

    import dask
    import yaml
    from distributed.nanny import _get_env_variables

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"briefbook\.yaml`.*?```yaml\n(.*?)```", readme, re.S)
    assert block, "the README's worker configuration is missing"
    with dask.config.set(dask.config.merge(dask.config.config, yaml.safe_load(block.group(1)))):
        assert "MALLOC_TRIM_THRESHOLD_" not in _get_env_variables("distributed.nanny.pre-spawn-environ")
    assert "MALLOC_TRIM_THRESHOLD_" in _get_env_variables("distributed.nanny.pre-spawn-environ")  # Dask's default
