"""Published news copy as it comes: every development folder extracts with no manifest, and no
speaker the report names is a dateline, a demonym, a bare state noun or 'unknown'.

The articles live in ``../shared/corpora/published`` (other people's words: read, never copied).
Where that folder is absent, these tests are skipped with a one-line reason.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefbook.corpus import load_corpus
from briefbook.corpus.load import seed_files
from briefbook.corpus.metadata import dateline_end
from briefbook.language.names import roles
from briefbook.pipeline import extract
from conftest import ROOT

PUBLISHED = ROOT.parent / "shared" / "corpora" / "published"
EVENTS = sorted(p.name for p in PUBLISHED.iterdir() if p.is_dir()) if PUBLISHED.is_dir() else []
pytestmark = pytest.mark.skipif(not EVENTS, reason=f"no published development articles in {PUBLISHED}")


@pytest.fixture(scope="module", params=EVENTS or ["none"])
def without_manifest(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    for path in seed_files(PUBLISHED / request.param):
        shutil.copy2(path, folder / path.name)
    corpus = load_corpus(folder)
    return corpus, extract(corpus)


def test_every_published_folder_extracts_with_no_manifest(without_manifest):
    corpus, extraction = without_manifest
    assert not (Path(corpus.folder) / "manifest.csv").exists()
    assert not extraction.failures, [f.reason for f in extraction.failures]
    tables = extraction.tables
    assert len(tables["documents"]) == len(corpus.documents) and len(tables["statements"]) > 0


def test_no_named_speaker_is_a_dateline_a_demonym_a_bare_state_noun_or_unknown(without_manifest):
    corpus, extraction = without_manifest
    datelines = set()
    for document in corpus.documents:
        for paragraph in document.paragraphs:
            end = dateline_end(paragraph.text)
            if end:  # the place the story was filed from: the dateline up to its first comma, bracket or dash
                datelines.add(re.split(r"\s*[,(—–/:-]", paragraph.text[:end])[0].strip().lower())
    named = set(extraction.tables["statements"]["speaker"]) - {"unattributed"}
    wrong = {s for s in named if s == "unknown" or s.lower() in roles().national_nouns or s.lower() in datelines
             or s.lower() in roles().demonyms}
    assert not wrong
