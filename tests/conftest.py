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


def run_build(seeds: Path, out: Path, root: Path = ROOT, *extra: str, env: dict[str, str] | None = None):
    """Run ``briefbook build`` as a user would (``env``: variables to set); returns the finished process."""
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "briefbook.cli", "build", "--seeds", str(seeds), "--out", str(out),
         "--root", str(root), *extra],
        capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The report built from the project's seeds (every notebook, the whole book)."""
    out = tmp_path_factory.mktemp("build")
    result = run_build(SEEDS, out)
    assert result.returncode == 0, result.stderr
    return out / "html"
