"""The command line: data files for a seeds folder, and one-line errors for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from briefbook.extract import read_tables

from conftest import SEEDS

DOCUMENT_COLUMNS = {"doc_id", "file", "outlet", "published", "published_how", "title", "words"}


def briefbook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefbook.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_extract_writes_documents_csv(tmp_path):
    result = briefbook("extract", str(SEEDS), "--out", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    documents = pd.read_csv(tmp_path / "data" / "documents.csv", dtype=str, keep_default_na=False)
    assert DOCUMENT_COLUMNS <= set(documents.columns)
    assert sorted(documents["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert documents["published"].str.fullmatch(r"(\d{4}-\d\d-\d\d)?").all()
    assert documents["seeds_fingerprint"].nunique() == 1


def _bad(tmp_path: Path, case: str) -> Path:
    folder = tmp_path / case
    if case == "missing":
        return folder
    folder.mkdir()
    if case == "empty files":
        (folder / "a.txt").write_text("")
        (folder / "b.txt").write_text("  \n")
    elif case == "binary":
        (folder / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 10)
    elif case == "bad manifest date":
        (folder / "a.txt").write_text("Title\n\nOfficials said the bridge was closed.\n")
        (folder / "manifest.yaml").write_text("- file: a.txt\n  published: last spring\n")
    return folder


@pytest.mark.parametrize("case,words", [
    ("missing", "seeds folder does not exist"),
    ("empty", "no seed files"),
    ("empty files", "no readable article"),
    ("binary", "binary file"),
    ("bad manifest date", "not a date"),
])
def test_bad_seeds_give_one_line_naming_the_problem(tmp_path, case, words):
    folder = _bad(tmp_path, case)
    result = briefbook("extract", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefbook: error: ") and words in lines[0], result.stderr
    assert str(folder.name) in lines[0] and "Traceback" not in result.stderr


def test_an_analysis_that_fails_on_one_article_leaves_that_article_out_and_goes_on(tmp_path, monkeypatch, capsys):
    """A step that raises on one article drops that article's rows of that step only, names it on a
    warning line and in skipped.csv (the Sources page), and the extraction exits 0."""
    from briefbook import pipeline
    from briefbook.analysis import Step
    from briefbook.claims.schema import STATEMENTS
    from briefbook.claims.steps import statements
    from briefbook.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "calm.txt").write_text('Calm day\n\n"All is quiet," the mayor said.\n')
    (seeds / "odd.txt").write_text('Odd day\n\n"A strange thing happened," the mayor said.\n')

    def fragile(ctx):
        if any("strange" in d.text for d in ctx.corpus.documents):
            raise ValueError("cannot read this")
        return statements(ctx)

    steps = tuple(Step(STATEMENTS, fragile, s.needs) if s.name == "statements" else s for s in pipeline.STEPS)
    ordered = pipeline.ordered
    monkeypatch.setattr(pipeline, "ordered", lambda wanted=None: ordered(steps, wanted))
    out = tmp_path / "out"
    assert main(["extract", str(seeds), "--out", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["briefbook: warning: odd.txt: statements analysis failed on this article and left it out "
                   "(ValueError: cannot read this)"]
    tables = read_tables(out)
    documents = tables["documents"].set_index("file")
    assert set(tables["statements"]["doc_id"]) == {documents.loc["calm.txt", "doc_id"]}
    assert documents.loc["odd.txt", "doc_id"] in set(tables["events"]["doc_id"]) | set(tables["article_dates"]["doc_id"])
    skipped = tables["skipped"]
    assert list(skipped["file"]) == ["odd.txt"] and "statements analysis failed" in skipped["reason"].iloc[0]


def test_a_step_that_fails_on_no_single_article_stops_with_one_line(tmp_path, monkeypatch, capsys):
    from briefbook import pipeline
    from briefbook.analysis import Step
    from briefbook.claims.schema import STATEMENTS
    from briefbook.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "calm.txt").write_text("Calm day\n\nNothing happened.\n")

    def broken(ctx):
        raise KeyError("bug")

    steps = (Step(STATEMENTS, broken),)
    monkeypatch.setattr(pipeline, "ordered", lambda steps=steps, wanted=None: list(steps))
    assert main(["extract", str(seeds), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == f"briefbook: error: {seeds}: statements extraction failed: KeyError: 'bug'"


def test_the_cache_keeps_only_the_latest_extractions(tmp_path):
    import os

    from briefbook.extract import prune_cache

    for n in range(6):
        entry = tmp_path / f"key{n}"
        entry.mkdir()
        (entry / "COMPLETE").write_text("{}")
        os.utime(entry / "COMPLETE", (1000 + n, 1000 + n))
    removed = prune_cache(tmp_path, keep=tmp_path / "key0", most=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key0", "key4", "key5"]
    assert sorted(p.name for p in removed) == ["key1", "key2", "key3"]


def test_the_site_is_rebuilt_when_its_pages_or_the_code_change(tmp_path):
    """A warm build skips jupyter-book only when neither the staged pages nor the package changed:
    the Sphinx extension shapes every page without being staged."""
    from briefbook.publish.build import site_digest

    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# Intro\n", encoding="utf-8")
    first = site_digest(tmp_path, "code-a")
    assert site_digest(tmp_path, "code-a") == first
    assert site_digest(tmp_path, "code-b") != first
    (tmp_path / "book" / "intro.md").write_text("# Intro, changed\n", encoding="utf-8")
    assert site_digest(tmp_path, "code-a") != first


def test_an_upgraded_dependency_invalidates_the_cache(monkeypatch):
    """The cache key covers the installed packages: a new spaCy or model extracts differently."""
    from briefbook import extract

    before = extract.code_version()
    assert extract.code_version() == before
    installed = extract.installed_distributions()
    assert ("spacy" in dict(installed)) and installed == sorted(installed)
    upgraded = [(name, version + ".post1" if name == "spacy" else version) for name, version in installed]
    monkeypatch.setattr(extract, "installed_distributions", lambda: upgraded)
    assert extract.code_version() != before


def test_a_cut_off_vega_bundle_is_written_again(tmp_path):
    """A build stopped while writing the bundle must not leave a file a later build keeps."""
    from briefbook.publish.static import FOOTER, write_vega_bundle

    path = write_vega_bundle(tmp_path)
    whole = path.read_text(encoding="utf-8")
    assert whole.endswith(FOOTER) and len(whole) > 100_000
    path.write_text(whole[: len(whole) // 2], encoding="utf-8")  # right header, no end
    assert write_vega_bundle(tmp_path).read_text(encoding="utf-8") == whole
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_each_analysis_prints_its_own_rows_of_briefbook_evaluate(tmp_path):
    """`briefbook evaluate --only claims` shows the claims rows of `briefbook evaluate`, same corpora, same numbers."""
    whole = briefbook("evaluate", "--csv", str(tmp_path / "metrics.csv"))
    assert whole.returncode == 0, whole.stderr
    metrics = pd.read_csv(tmp_path / "metrics.csv")
    claims = briefbook("evaluate", "--only", "claims")
    assert claims.returncode == 0, claims.stderr
    lines = claims.stdout.splitlines()[1:]
    assert len(lines) == (metrics["analysis"] == "claims").sum()
    assert all(line.split()[0] == "claims" for line in lines)
    printed_corpora = {corpus for corpus in ("seeds", "other events", "held-out", "published")
                       if any(corpus in line for line in lines)}
    assert printed_corpora == set(metrics.loc[metrics["analysis"] == "claims", "corpus"])


def test_sphinx_keeps_its_environment_only_while_the_code_is_the_same(tmp_path):
    """Sphinx cannot see a change in the extension or renderers: a new code version empties its environment."""
    from briefbook.publish.build import fresh_environment

    work = tmp_path / ".work"
    fresh_environment(work, "code-a")
    (work / "_build").mkdir()
    (work / "_build" / "environment.pickle").write_bytes(b"kept")
    fresh_environment(work, "code-a")
    assert (work / "_build" / "environment.pickle").read_bytes() == b"kept"
    fresh_environment(work, "code-b")
    assert not (work / "_build").exists()
