"""Each article's results kept between extractions (briefbook.language.kept).

What is kept must be exactly what reading the article again gives: the same tables from kept
results, an article read again when it or what it is read with changed, and nothing a caller
does to a result reaching what is kept.
"""

from __future__ import annotations

import shutil

import pytest

from briefbook.corpus import load_corpus
from briefbook.extract import code_version
from briefbook.language.kept import Kept
from briefbook.pipeline import extract

from conftest import SEEDS


def _words(document, docs) -> int:
    return len(document.text.split()) - 1  # the headline's word left out


def make_doc(text: str, folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "one.txt").write_text("Headline\n\n" + text + "\n", encoding="utf-8")
    return load_corpus(folder).documents[0]


@pytest.fixture(scope="module")
def seeds_tables():
    corpus = load_corpus(SEEDS)
    return corpus, extract(corpus).tables


def test_kept_results_give_the_same_tables_and_a_second_extraction_reads_no_article(seeds_tables, tmp_path):
    corpus, tables = seeds_tables
    first = Kept(tmp_path / "results", "v1")
    assert all(extract(corpus, kept=first).tables[name].equals(table) for name, table in tables.items())
    assert first.misses > 0 and first.save() == len(corpus.documents)
    second = Kept(tmp_path / "results", "v1")
    again = extract(corpus, kept=second).tables
    assert sorted(name for name in tables if not again[name].equals(tables[name])) == []
    assert second.misses == 0 and second.hits > 0
    assert second.save() == 0                                  # nothing changed: no file written


def test_an_added_article_is_read_and_the_others_are_taken_as_kept(seeds_tables, tmp_path):
    corpus, _ = seeds_tables
    kept = Kept(tmp_path / "results", "v1")
    extract(corpus, kept=kept)
    kept.save()
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zz-new.txt").write_text("Port reopens\n\nThe port reopened on Friday, officials said.\n", "utf-8")
    grown = load_corpus(seeds)
    after = Kept(tmp_path / "results", "v1")
    tables = extract(grown, kept=after).tables
    fresh = extract(grown).tables
    assert sorted(name for name in fresh if not tables[name].equals(fresh[name])) == []
    assert 0 < after.misses < after.hits


def test_another_code_version_keeps_nothing(seeds_tables, tmp_path):
    corpus, _ = seeds_tables
    kept = Kept(tmp_path / "results", "v1")
    extract(corpus, kept=kept)
    kept.save()
    other = Kept(tmp_path / "results", "v2")
    extract(corpus, kept=other)
    assert other.misses == kept.misses                          # every article read again, as the first time


def test_a_call_with_other_inputs_reads_again_and_what_a_caller_changes_is_not_kept(tmp_path):
    document = make_doc("Ten people were hurt, police said.", tmp_path / "seeds")
    calls: list[tuple] = []

    def read(doc, docs, bound):
        calls.append((doc.doc_id, bound))
        return [{"words": _words(doc, docs), "bound": bound}]

    kept = Kept(tmp_path / "kept", "v1")
    got = kept(read, document, [], 3)
    got[0]["words"] = -1                                        # a caller changes what it got
    assert kept(read, document, [], 3) == [{"words": 6, "bound": 3}]
    assert kept(read, document, [], 4) == [{"words": 6, "bound": 4}]
    assert calls == [(document.doc_id, 3), (document.doc_id, 4)]
    kept.save()
    later = Kept(tmp_path / "kept", "v1")
    assert later(read, document, [], 4) == [{"words": 6, "bound": 4}] and len(calls) == 2
    later.save()                                                # this run made only the call with 4
    last = Kept(tmp_path / "kept", "v1")
    last(read, document, [], 3)
    assert len(calls) == 3                                      # the call with 3 was dropped with its run


def test_a_damaged_file_is_read_again_not_an_error(tmp_path):
    document = make_doc("Ten people were hurt, police said.", tmp_path / "seeds")
    kept = Kept(tmp_path / "kept", "v1")
    kept(_words, document, [])
    kept.save()
    for path in (tmp_path / "kept").glob("*.pickle"):
        path.write_bytes(path.read_bytes()[:5])                 # a build stopped while writing
    again = Kept(tmp_path / "kept", "v1")
    assert again(_words, document, []) == 6 and again.misses == 1


def test_a_users_own_lexicon_changes_the_code_version(tmp_path, monkeypatch):
    before = code_version()
    monkeypatch.setenv("BRIEFBOOK_DATA", str(tmp_path))
    assert code_version() == before                             # an empty folder replaces nothing
    (tmp_path / "frames.yaml").write_text("{}\n", encoding="utf-8")
    edited = code_version()
    assert edited != before
    (tmp_path / "frames.yaml").write_text("{} # changed\n", encoding="utf-8")
    assert code_version() not in (before, edited)


def test_a_build_keeps_each_articles_results_beside_its_parses(seeds_tables, tmp_path):
    from briefbook.extract import RESULTS, cached_extract

    corpus, _ = seeds_tables
    cached_extract(SEEDS, tmp_path)
    assert len(list((tmp_path / RESULTS).glob("*.pickle"))) == len(corpus.documents)
