"""Bad input (issue 7.1): every case is either handled and shown on the Sources page,
or refused with one line naming the file; never a traceback, never a half-built site.

Refused cases and the loader's handling are checked quickly (no book). One book is
built from a single folder holding every handled case together, and checked once per
case; the same build's tables are compared with a separate extraction (determinism).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from briefbook.corpus import load_corpus
from briefbook.corpus.load import MAX_ARTICLE_CHARS
from conftest import SEEDS, run_build
from fixtures.bad_input import ARTICLE_TITLES, HANDLED, LATIN, REFUSED, handled_cases, huge_article, refused_case


def briefbook(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefbook.cli", *args], capture_output=True, text=True, env=env)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single ``briefbook: error:`` line of a refused run (asserting there is nothing else)."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefbook: error: ")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == errors[0]
    return errors[0]


# --- refused: one line naming the file (fast, no book) ----------------------------------------

@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("command", ["extract", "build"])
def test_refused_input_gives_one_line_naming_the_file(tmp_path, case, command):
    seeds, named = refused_case(tmp_path / "seeds", case)
    out = tmp_path / "out"
    if command == "extract":
        result = briefbook("extract", str(seeds), "--out", str(out))
    else:
        result = run_build(seeds, out)
    line = one_error_line(result)
    assert named in line and REFUSED[case] in line
    assert not (out / "html").exists(), "a refused build must not leave a site behind"


# --- handled: the loader reads or skips each file with a reason --------------------------------

@pytest.fixture(scope="module")
def handled_folder(tmp_path_factory) -> Path:
    return handled_cases(tmp_path_factory.mktemp("handled") / "seeds")


@pytest.fixture(scope="module")
def handled_corpus(handled_folder):
    return load_corpus(handled_folder)


def test_each_unusable_file_is_skipped_with_its_reason(handled_corpus):
    reasons = {s.file: s.reason for s in handled_corpus.skipped}
    assert set(reasons) == set(HANDLED)
    for file, words in HANDLED.items():
        assert words in reasons[file], (file, reasons[file])


def test_each_usable_file_becomes_one_article(handled_corpus):
    titles = {d.file: d.title for d in handled_corpus.documents}
    assert titles == ARTICLE_TITLES


def test_legacy_and_utf16_text_reads_back_letter_for_letter(handled_corpus):
    by_file = {d.file: d for d in handled_corpus.documents}
    assert LATIN in by_file["latin1.txt"].text and by_file["latin1.txt"].notes  # the guess is recorded
    assert "Zo\u00eb Ko\u0142odziej" in by_file["utf16.txt"].text and not by_file["utf16.txt"].text.startswith("\ufeff")


def test_html_page_keeps_the_article_and_drops_scripts_and_navigation(handled_corpus):
    page = next(d for d in handled_corpus.documents if d.file == "page.html")
    text = "\n".join(p.text for p in page.paragraphs)
    assert "3,000 dock workers" in text and "\u201cIt is over,\u201d" in text
    for dropped in ("tracker", "Home | World", "color:red", "<"):
        assert dropped not in text


def test_an_oversized_article_is_skipped_before_it_reaches_the_parser(tmp_path):
    (tmp_path / "big.txt").write_text(huge_article(MAX_ARTICLE_CHARS + 1000), encoding="utf-8")
    (tmp_path / "small.txt").write_text("Short piece\n\nOfficials said the road was closed.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["small.txt"]
    assert corpus.skipped[0].file == "big.txt" and "too large" in corpus.skipped[0].reason
    # just under the limit is still an article
    (tmp_path / "big.txt").write_text(huge_article(MAX_ARTICLE_CHARS - 1000), encoding="utf-8")
    assert sorted(d.file for d in load_corpus(tmp_path).documents) == ["big.txt", "small.txt"]


# --- extraction over every handled case, and determinism (issue 7.3) ---------------------------

@pytest.fixture(scope="module")
def extracted(handled_folder, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("extract") / "data"
    result = briefbook("extract", str(handled_folder), "--out", str(out))
    return result, out


def test_extract_takes_every_handled_case_and_notes_each_skip(extracted):
    result, out = extracted
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("briefbook: note: ")]
    assert sorted(line.split(": ")[2] for line in notes) == sorted(HANDLED)
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(documents["file"]) == sorted(ARTICLE_TITLES)


def _data_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def test_two_extractions_under_other_hash_seeds_are_byte_identical(tmp_path):
    """Python salts string hashes per process; nothing written may depend on that order."""
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": hash_seed}
        result = briefbook("extract", str(SEEDS), "--out", str(tmp_path / hash_seed), env=env)
        assert result.returncode == 0, result.stderr
        outputs.append(_data_files(tmp_path / hash_seed))
    assert outputs[0].keys() == outputs[1].keys() and len(outputs[0]) >= 5
    changed = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert changed == []


# --- one book from every handled case -------------------------------------------------------

def _visible_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module")
def handled_book(handled_folder, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("handled-book")
    return run_build(handled_folder, out), out


@pytest.mark.book
def test_the_book_builds_and_its_sources_page_reports_every_case(handled_book):
    result, out = handled_book
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    sources = _visible_text(out / "html" / "book" / "sources.html")
    for file, reason in HANDLED.items():
        assert re.search(rf"{re.escape(file)} [^.]*{re.escape(reason)}", sources), file
    for title in ARTICLE_TITLES.values():
        assert title in sources, title
    assert "not UTF-8; decoded as" in sources  # the encoding guess is shown beside its article


@pytest.mark.book
def test_each_article_page_shows_its_file_name_and_text(handled_book, handled_corpus):
    _, out = handled_book
    for document in handled_corpus.documents:
        page = _visible_text(out / "html" / "book" / "articles" / f"{document.doc_id}.html")
        assert document.file in page, document.file
        for paragraph in document.paragraphs:
            assert " ".join(paragraph.text.split()) in page, (document.file, paragraph.number)


@pytest.mark.book
def test_the_build_caches_the_same_bytes_a_separate_extraction_writes(handled_book, extracted):
    _, out = handled_book
    _, data = extracted
    cached = [p for p in (out / "cache").iterdir() if (p / "COMPLETE").is_file()]
    assert len(cached) == 1
    assert _data_files(cached[0]) == _data_files(data)


@pytest.mark.book
@pytest.mark.parametrize("case", ["manifest date is not a date (csv)", "only unreadable files"])
def test_a_refused_build_leaves_the_last_good_site_byte_identical(handled_book, tmp_path, case):
    _, built = handled_book
    out = tmp_path / "out"
    shutil.copytree(built / "html", out / "html")
    before = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    seeds, named = refused_case(tmp_path / "seeds", case)
    line = one_error_line(run_build(seeds, out))
    assert named in line
    after = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    assert after == before
