"""An analyst's corrections (corrections.yaml): validated, applied the same way every time, shown.

The unit tests apply corrections to small invented tables; the seeds tests pick their row ids from the
machine's own extraction (never written here), so they hold whatever the extraction finds.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from briefbook.corpus import load_corpus
from briefbook.corpus.corrections import Corrections, fix_line, group_line, read_corrections
from briefbook.corrected import apply
from briefbook.errors import BriefbookError
from briefbook.extract import extract_corrected, stale_corrections, write_tables
from briefbook.figures.reconcile import reconcile
from briefbook.pipeline import extract
from briefbook.review import suggestions

from conftest import SEEDS, run_build


def fixes(**sections) -> Corrections:
    return Corrections.model_validate(sections)


def statements() -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": ["st-a1", "st-b2", "st-c3", "st-d4"],
        "doc_id": ["doc-1", "doc-2", "doc-2", "doc-3"],
        "speaker": ["Ana Ruiz", "Ana Ruiz", "unattributed", "Port Authority"],
        "speaker_kind": ["person", "person", "unknown", "org"],
        "speaker_text": ["Ruiz", "she", "", "the authority"],
        "speaker_aliases": ["Ana Ruiz", "Ana Ruiz", "", "Port Authority"],
        "text": ["the port will reopen", "the port will reopen soon", "ships wait", "the port is closed"],
        "claim_id": ["cl-a1", "cl-a1", "cl-c3", "cl-d4"],
        "occasion": ["2031-03-01"] * 4,
    })


def figures() -> pd.DataFrame:
    return pd.DataFrame({
        "figure_id": ["fg-1a", "fg-2b", "fg-3c"], "doc_id": ["doc-1", "doc-2", "doc-3"],
        "file": ["a.txt", "b.txt", "c.txt"], "outlet": ["A", "B", "C"], "paragraph": [1, 1, 1],
        "anchor": ["doc-1-p1", "doc-2-p1", "doc-3-p1"], "start": [0, 0, 0], "end": [2, 2, 2],
        "text": ["12", "15", "40"], "category": ["killed", "killed", "injured"], "who": ["people"] * 3,
        "low": pd.array([12, 15, 40], dtype="Int64"), "high": pd.array([12, 15, 40], dtype="Int64"),
        "vague": [False] * 3, "qualifier": ["", "", ""], "modifier": ["none"] * 3, "counted": ["people"] * 3,
        "attribution": ["", "", ""], "reported_on": ["2031-03-01", "2031-03-02", "2031-03-01"],
        "reported_on_how": [""] * 3, "category_how": ["verb", "verb", "default"], "part_of": ["", "", ""],
        "sentence": ["12 people were killed", "15 people were killed", "40 were hurt"],
    })


def events() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["ev-1a", "ev-2b", "ev-3c"], "doc_id": ["doc-1", "doc-2", "doc-3"],
        "date": ["2031-03-01", "2031-03-01", ""], "date_end": ["2031-03-01", "2031-03-01", ""],
        "precision": ["day", "day", ""], "how": ["written", "written", "unresolved"],
        "text": ["the port closed", "the port shut", "ships waited"], "unresolved": [False, False, True],
        "timeline_id": ["tl-1a", "tl-1a", "tl-3c"],
    })


# --- applying -------------------------------------------------------------------------------------

def test_a_corrected_speaker_leaves_its_claim_and_is_marked():
    tables, log = apply({"statements": statements()}, fixes(statements=[
        {"id": "st-a1", "speaker": "Port Authority", "reason": "the authority's notice"}]))
    s = tables["statements"].set_index("statement_id")
    assert s.at["st-a1", "speaker"] == "Port Authority" and s.at["st-a1", "speaker_kind"] == "org"
    assert s.at["st-a1", "claim_id"] != s.at["st-b2", "claim_id"]   # grouped for the old speaker
    assert s.at["st-b2", "claim_id"] == "cl-b2"                     # the rest renamed after its first row
    assert s.at["st-a1", "corrected"] == "speaker" and s.at["st-b2", "corrected"] == ""
    assert log.iloc[0][["change", "machine", "correction", "status"]].tolist() == [
        "speaker", "Ana Ruiz", "Port Authority", "applied"]


def test_claims_merge_split_and_not_same():
    tables, _ = apply({"statements": statements()}, fixes(claims=[
        {"merge": ["st-a1", "st-d4"], "reason": "one announcement"},
        {"not_same": ["st-a1", "st-b2"], "reason": "two remarks"}]))
    s = tables["statements"].set_index("statement_id")
    assert s.at["st-d4", "claim_id"] == "cl-a1" and s.at["st-b2", "claim_id"] == "cl-b2"
    tables, log = apply({"statements": statements()}, fixes(claims=[{"split": "st-b2", "reason": "a later remark"},
                                                                     {"not_same": ["st-a1", "st-d4"], "reason": "x y"}]))
    assert tables["statements"].set_index("statement_id").at["st-b2", "claim_id"] == "cl-b2"
    assert log["machine"].tolist() == ["cl-a1", "already apart"]


def test_dropped_rows_are_gone_and_listed_with_what_the_machine_said():
    tables, log = apply({"statements": statements(), "figures": figures(), "events": events()}, fixes(
        statements=[{"id": "st-c3", "drop": True, "reason": "a caption"}],
        figures=[{"id": "fg-3c", "drop": True, "reason": "a population"}],
        events=[{"id": "ev-3c", "drop": True, "reason": "no happening"}]))
    assert "st-c3" not in set(tables["statements"]["statement_id"])
    assert "fg-3c" not in set(tables["figures"]["figure_id"]) and "ev-3c" not in set(tables["events"]["event_id"])
    assert log[["id", "machine"]].values.tolist() == [["st-c3", "ships wait"], ["fg-3c", "40"], ["ev-3c", "ships waited"]]


def test_a_figure_marked_standing_is_its_groups_best_and_values_are_set():
    documents = pd.DataFrame({"doc_id": ["doc-1", "doc-2", "doc-3"], "outlet": ["A", "B", "C"],
                              "file": ["a.txt", "b.txt", "c.txt"], "title": ["", "", ""],
                              "published": ["2031-03-01", "2031-03-02", "2031-03-01"]})
    machine = reconcile(apply({"figures": figures()}, Corrections())[0]["figures"], documents)
    assert machine.set_index("category").at["killed", "best"] == 15     # the most recent report
    tables, _ = apply({"figures": figures()}, fixes(figures=[
        {"id": "fg-1a", "standing": True, "reason": "the official toll"},
        {"id": "fg-3c", "category": "killed", "low": 38, "high": 40, "reason": "the sentence says killed"}]))
    groups = reconcile(tables["figures"], documents).set_index("category")
    assert groups.at["killed", "best"] == 12 and "analyst" in groups.at["killed", "rule"]
    f = tables["figures"].set_index("figure_id")
    assert (f.at["fg-3c", "category"], f.at["fg-3c", "low"]) == ("killed", 38)
    assert f.at["fg-3c", "corrected"] == "category, low, high" and f.at["fg-3c", "category_how"] == "corrected"


def test_a_corrected_date_leaves_its_timeline_entry_and_timeline_merges_and_splits():
    tables, _ = apply({"events": events()}, fixes(events=[{"id": "ev-3c", "date": "2031-03-04", "reason": "Tuesday"}],
                                                  timeline=[{"merge": ["ev-3c", "ev-1a"], "reason": "one closure"}]))
    e = tables["events"].set_index("event_id")
    assert (e.at["ev-3c", "date"], e.at["ev-3c", "precision"], e.at["ev-3c", "unresolved"]) == ("2031-03-04", "day", False)
    assert e.at["ev-1a", "timeline_id"] == e.at["ev-2b", "timeline_id"] == "tl-3c"
    tables, _ = apply({"events": events()}, fixes(events=[{"id": "ev-1a", "date": "2031-02-27", "reason": "earlier"}]))
    e = tables["events"].set_index("event_id")
    assert e.at["ev-1a", "timeline_id"] == "tl-1a" and e.at["ev-2b", "timeline_id"] == "tl-2b"


def test_an_id_that_is_gone_is_listed_as_not_applied_and_nothing_else_changes():
    tables, log = apply({"statements": statements()}, fixes(
        statements=[{"id": "st-ff", "speaker": "Someone", "reason": "stale"}],
        claims=[{"merge": ["st-a1", "st-ee"], "reason": "stale too"}]))
    assert tables["statements"].drop(columns="corrected").equals(statements())
    assert all(s.startswith("not applied: no such statement") for s in log["status"])
    assert stale_corrections({"corrections": log}) == [
        "note: corrections.yaml: st-ff: " + log["status"][0], "note: corrections.yaml: st-a1 + st-ee: " + log["status"][1]]


EMPTY_SPEAKER = 'speaker: ""'


def filled(line: str) -> str:
    """A line the report offers, with its reason written in (as an analyst pastes it)."""
    return line.replace('reason: ""', "reason: checked by hand")


# --- reading the file -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, line, problem", [
    ("statements:\n  - id: st-a1\n    speakr: Ana\n    reason: typo\n", 3, "statements.0.speakr: unknown key 'speakr'"),
    ("figures:\n  - {id: fg-1a, low: 40, high: 12, reason: swapped}\n", 2, "low (40) is above high (12)"),
    ("figures:\n  - {id: fg-1a, category: dead, reason: wrong word}\n", 2, "figures.0.category: Input should be"),
    ("events:\n  - {id: ev-1a, date: 2031-02-30, reason: no such day}\n", 2, "not a date"),
    ("events:\n  - {id: ev-1a, date: 'next week', reason: not a day}\n", 2, "events.0.date: Input should be a valid date"),
    ("statements:\n  - {id: st-a1, reason: says nothing}\n", 2, "says nothing to change"),
    ("statements:\n  - {id: fg-1a, drop: true, reason: wrong section}\n", 2, "String should match pattern"),
    ("claims:\n  - {merge: [st-a1, ev-1a], reason: mixed}\n", 2, "'ev-1a' is not a statement id"),
    ("statements:\n  - {id: st-a1, drop: true}\n", 2, "statements.0.reason: Field required"),
    ("statements: []\nfigures: []\nstatements: []\n", 3, "section 'statements' is given twice"),
    ("statements:\n  - id: st-a1\n   drop: true\n", 3, "not valid YAML"),
    ("- just a list\n", 1, "expected sections"),
    ("speakers:\n  - {id: st-a1, drop: true, reason: x y z}\n", 1, "unknown key 'speakers'"),
])
def test_a_bad_corrections_file_is_one_line_naming_file_line_and_problem(tmp_path, text, line, problem):
    (tmp_path / "corrections.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(BriefbookError) as err:
        read_corrections(tmp_path)
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'corrections.yaml'}:{line}: "), message
    assert problem in message and "\n" not in message


def test_every_line_the_report_offers_reads_back_once_filled_in(tmp_path):
    lines = [fix_line("st-a1", speaker="Ana Ruiz: \"the port\""), fix_line("fg-1a", category="killed", low=3, high=4),
             fix_line("ev-1a", date="2031-03-01"), group_line("claims", "merge", ["st-a1", "st-b2"])]
    sections = {"statements": lines[0], "figures": lines[1], "events": lines[2], "claims": lines[3]}
    text = "".join(f"{name}:\n  {filled(line)}\n" for name, line in sections.items())
    (tmp_path / "corrections.yaml").write_text(text, encoding="utf-8")
    read = read_corrections(tmp_path)
    assert read.statements[0].speaker == 'Ana Ruiz: "the port"' and read.figures[0].high == 4
    assert read.events[0].date == dt.date(2031, 3, 1) and read.claims[0].merge == ("st-a1", "st-b2")


# --- on the seeds ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def machine():
    corpus = load_corpus(SEEDS)
    return corpus, extract(corpus).tables


@pytest.fixture(scope="module")
def corrected_seeds(machine, tmp_path_factory):
    """The seeds with a corrections file using every kind of correction, ids taken from the machine's tables."""
    corpus, tables = machine
    folder = tmp_path_factory.mktemp("corrected-seeds")
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    s, f, e = tables["statements"], tables["figures"], tables["events"]
    shared_claim = s[s.duplicated("claim_id", keep=False)].sort_values("statement_id")
    two_claims = s.drop_duplicates("claim_id").sort_values("statement_id")["statement_id"].tolist()
    shared_entry = e[e.duplicated("timeline_id", keep=False)].sort_values("event_id")
    two_entries = e.drop_duplicates("timeline_id").sort_values("event_id")["event_id"].tolist()
    doc = corpus.documents[0]
    spec = {
        "statements": [{"id": s["statement_id"].iloc[0], "speaker": "A Corrected Speaker", "reason": "checked"},
                       {"id": s["statement_id"].iloc[1], "drop": True, "reason": "not a statement"},
                       {"id": "st-0000000000", "speaker": "Nobody", "reason": "a row no longer there"}],
        "claims": [{"merge": two_claims[2:4], "reason": "one remark"},
                   {"split": shared_claim["statement_id"].iloc[-1], "reason": "another remark"}],
        "figures": [{"id": f["figure_id"].iloc[0], "category": "injured", "low": 7, "high": 9, "reason": "checked"},
                    {"id": f["figure_id"].iloc[1], "drop": True, "reason": "not a count"},
                    {"id": f["figure_id"].iloc[2], "standing": True, "reason": "the official figure"}],
        "events": [{"id": e["event_id"].iloc[0], "date": dt.date(2022, 1, 3), "reason": "the text says Monday"},
                   {"id": e["event_id"].iloc[1], "drop": True, "reason": "a forecast"}],
        "timeline": [{"merge": two_entries[2:4], "reason": "one happening"},
                     {"split": shared_entry["event_id"].iloc[-1], "reason": "another happening"}],
        "articles": [{"id": doc.doc_id, "outlet": "Corrected Outlet", "published": dt.date(2022, 1, 12),
                      "title": "A corrected title", "reason": "from the print edition"}],
    }
    (folder / "corrections.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return folder, spec


def test_the_seeds_with_every_kind_of_correction(corrected_seeds, machine):
    folder, spec = corrected_seeds
    _, before = machine
    tables = extract_corrected(load_corpus(folder)).tables
    s, f, e = (tables[n].set_index(k) for n, k in (("statements", "statement_id"), ("figures", "figure_id"),
                                                     ("events", "event_id")))
    first = spec["statements"][0]["id"]
    assert s.at[first, "speaker"] == "A Corrected Speaker" and s.at[first, "corrected"] == "speaker"
    assert spec["statements"][1]["id"] not in s.index
    merged = spec["claims"][0]["merge"]
    assert s.at[merged[0], "claim_id"] == s.at[merged[1], "claim_id"]
    figure = spec["figures"][0]["id"]
    assert (f.at[figure, "category"], f.at[figure, "low"], f.at[figure, "high"]) == ("injured", 7, 9)
    assert spec["figures"][1]["id"] not in f.index and f.at[spec["figures"][2]["id"], "standing"]
    assert e.at[spec["events"][0]["id"], "date"] == "2022-01-03" and spec["events"][1]["id"] not in e.index
    entries = spec["timeline"][0]["merge"]
    assert e.at[entries[0], "timeline_id"] == e.at[entries[1], "timeline_id"]
    d = tables["documents"].set_index("doc_id").loc[spec["articles"][0]["id"]]
    assert (d["outlet"], d["published"], d["title"]) == ("Corrected Outlet", "2022-01-12", "A corrected title")
    assert d["outlet_how"] == "corrections.yaml" and d["corrected"] == "outlet, published, title"
    log = tables["corrections"]
    assert (log["status"] == "applied").sum() == len(log) - 1
    assert log.loc[log["id"] == "st-0000000000", "status"].str.startswith("not applied").all()
    assert len(s) == len(before["statements"]) - 1   # the machine's tables are untouched by the file


def test_two_builds_write_identical_tables_and_removing_the_file_gives_the_machines_back(corrected_seeds, machine,
                                                                                       tmp_path):
    folder, _ = corrected_seeds
    write_tables(extract_corrected(load_corpus(folder)), tmp_path / "one")
    write_tables(extract_corrected(load_corpus(folder)), tmp_path / "two")
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert one == {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    plain = tmp_path / "plain"
    shutil.copytree(folder, plain)
    (plain / "corrections.yaml").unlink()
    without = extract_corrected(load_corpus(plain)).tables
    _, before = machine
    for name in ("statements", "figures", "events"):
        assert without[name].drop(columns=["corrected", "standing"], errors="ignore").reset_index(drop=True).equals(
            before[name].drop(columns=["corrected", "standing"], errors="ignore").reset_index(drop=True)), name
        assert (without[name]["corrected"] == "").all()
    assert without["corrections"].empty


def test_the_review_lists_unsure_rows_with_lines_that_read_back(machine, tmp_path):
    _, tables = machine
    suggested = suggestions(tables)
    assert len(suggested) > 0 and list(suggested["rank"]) == list(range(1, len(suggested) + 1))
    by_what = {what: line for what, line in zip(suggested["what"], suggested["line"])}
    section = {"statement": "statements", "figure": "figures", "event": "events", "claim": "claims"}
    text = "".join(f"{section[w]}:\n  {filled(line)}\n"
                   for w, line in by_what.items() if "YYYY" not in line and EMPTY_SPEAKER not in line)
    (tmp_path / "corrections.yaml").write_text(text, encoding="utf-8")
    assert not read_corrections(tmp_path).empty


# --- the built report --------------------------------------------------------------------------------

def _text(path: Path) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.book
def test_a_corrected_report_marks_its_rows_and_lists_every_correction(corrected_seeds, tmp_path):
    folder, spec = corrected_seeds
    result = run_build(folder, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "briefbook: note: corrections.yaml: st-0000000000: not applied" in result.stderr
    book = tmp_path / "out" / "html" / "book"
    corrections = _text(book / "corrections.html")
    for section, entries in spec.items():
        for entry in entries:
            assert entry["reason"] in corrections, entry
    claims = (book / "claims.html").read_text(encoding="utf-8")
    first = spec["statements"][0]["id"]
    row = re.search(rf'<tr id="{first}"[^>]*>.*?</tr>', claims, flags=re.S).group()
    assert "corrected: speaker" in row and "A Corrected Speaker" in row and "data-fix=" in row
    assert "corrected: category, low, high" in (book / "casualties.html").read_text(encoding="utf-8")
    assert "corrected: date" in (book / "chronology.html").read_text(encoding="utf-8")
    review = _text(book / "review.html")
    assert "Line for corrections.yaml" in review and "# under " in review


@pytest.mark.book
def test_a_bad_corrections_file_stops_the_build_with_one_line_and_keeps_the_last_good_site(built_site, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "corrections.yaml").write_text("figures:\n  - {id: fg-1a, categroy: killed, reason: typo}\n", "utf-8")
    out = tmp_path / "out"
    shutil.copytree(built_site, out / "html")
    before = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    result = run_build(seeds, out)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"briefbook: error: {seeds / 'corrections.yaml'}:2: figures.0.categroy: unknown key 'categroy'")
    assert {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()} == before


def test_the_front_page_says_how_many_rows_an_analyst_corrected_and_nothing_when_none():
    _, log = apply({"statements": statements()}, fixes(statements=[
        {"id": "st-a1", "speaker": "Port Authority", "reason": "the notice"},
        {"id": "st-ff", "speaker": "Nobody", "reason": "gone since"}]))
    from briefbook.corrected import front_page_sentences, summary_sentences

    assert front_page_sentences(log) == ["An analyst corrected 1 row of this report (1 correction in corrections.yaml); "
                                         "each corrected row is marked, and the Corrections page lists them with "
                                         "their reasons."]
    assert summary_sentences(log)[1].startswith("1 could not be applied")
    _, none = apply({"statements": statements()}, Corrections())
    assert front_page_sentences(none) == [] and "the machine's" in summary_sentences(none)[0]


def test_the_review_puts_a_guessed_toll_before_a_guessed_other_figure():
    frame = figures().assign(category=["killed", "other", "injured"], category_how=["default"] * 3)
    documents = pd.DataFrame({"doc_id": ["doc-1", "doc-2", "doc-3"], "outlet": ["A", "B", "C"],
                              "file": ["a.txt", "b.txt", "c.txt"], "title": ["", "", ""],
                              "published": ["2031-03-01", "2031-03-02", "2031-03-01"]})
    suggested = suggestions({"figures": frame, "documents": documents, "statements": statements()})
    order = list(suggested["id"])
    assert order.index("fg-1a") < order.index("st-b2") < order.index("fg-2b")   # toll, pronoun speaker, other
    assert order.index("fg-3c") < order.index("st-b2")


def test_near_claims_are_found_through_shared_words_as_comparing_every_pair_finds_them(monkeypatch):
    """The review compares a statement only with its speaker's statements sharing a word with it (no other
    can be alike); with fewer than the cap of such statements it finds exactly what every pair finds."""
    import random

    from briefbook import review

    rng = random.Random(4)
    words = "troops crossed the border at dawn officials said talks would resume soon".split()
    n = 40
    statements = pd.DataFrame({
        "statement_id": [f"st-{i:03d}" for i in range(n)],
        "text": [" ".join(rng.sample(words, 5)) for _ in range(n)],
        "speaker": [rng.choice(["Ana Ruiz", "Bo Lind"]) for _ in range(n)],
        "claim_id": [f"cl-{i:03d}" for i in range(n)], "doc_id": [f"doc-{i % 7}" for i in range(n)],
        "occasion": [""] * n,
    })
    found = review._near_claims(statements)
    monkeypatch.setattr(review, "_sharing_words",  # every later statement of the speaker
                        lambda vector, index, after: range(after + 1, 1 + max(j for js in index.values() for j in js)))
    every_pair = [r for r in review._near_claims(statements)]
    assert found and sorted(r["id"] for r in found) == sorted(r["id"] for r in every_pair)
