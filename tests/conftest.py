"""Shared fixtures: the project's seeds, loaded and parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.corpus import Corpus, load_corpus
from briefbook.nlp import Parsed, parse_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ANNOTATIONS = ROOT / "tests" / "annotations"
CORPORA = ROOT / "tests" / "corpora"


@pytest.fixture(scope="session")
def seeds_corpus() -> Corpus:
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seeds_parsed(seeds_corpus: Corpus) -> Parsed:
    return parse_corpus(seeds_corpus)
