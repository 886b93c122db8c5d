"""Loading seeds: decoding, cleaning with offsets, metadata, manifest, duplicates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefbook.corpus import load_corpus, read_document
from briefbook.corpus.clean import boilerplate_reason, split_article
from briefbook.corpus.metadata import find_outlet, find_published, find_title
from briefbook.corpus.read import Unreadable, decode
from briefbook.errors import BriefbookError

from conftest import SEEDS

ARTICLE = """Flood waters reach the old town

RIVERTON, March 3. /Wire Agency/. Flood waters reached the old town on Tuesday, officials said.

"We have never seen the river this high," the mayor told reporters.

Subscribe to Example.com Telegram channel, Facebook, RSS!
"""


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- decoding -------------------------------------------------------------------------------

def test_utf8_is_read_without_warning():
    decoded = decode("Città — “quoted”".encode("utf-8"))
    assert decoded.text == "Città — “quoted”" and decoded.encoding == "utf-8" and not decoded.warning


def test_legacy_encoding_is_decoded_with_a_warning():
    decoded = decode("Le ministère a déclaré que la société était fermée.".encode("latin-1"))
    assert "ministère" in decoded.text and "déclaré" in decoded.text
    assert decoded.warning.startswith("not UTF-8")


def test_utf16_with_bom_is_read():
    decoded = decode("Officials said 12 people died.".encode("utf-16"))
    assert decoded.text == "Officials said 12 people died." and decoded.encoding == "utf-16"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_files_that_are_not_articles_are_unreadable(data, reason):
    with pytest.raises(Unreadable, match=reason):
        decode(data)


# --- cleaning -------------------------------------------------------------------------------

def test_cleaning_keeps_offsets_into_the_text_as_read():
    kept, removed = split_article(ARTICLE)
    for line in kept:
        assert ARTICLE[line.start:line.end] == line.text
    assert [r.reason for r in removed] == ["call to subscribe or follow"]
    assert ARTICLE[removed[0].start:removed[0].end] == removed[0].text


@pytest.mark.parametrize("line", [
    "Exit mobile version", "Search Trends", "All news", "Download", "Read More About: World News",
    "Please switch off your ad blocker so we can keep this page free :)", "X",
    "Home World Floods hit the valley and the mayor: we will rebuild...", "Author`s name Editorial Team",
])
def test_web_boilerplate_is_recognised(line):
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize("line", [
    "The minister said he would download the report and share it with parliament.",
    "Read the statement, the spokesman told reporters.",
    "Protesters followed the march to the square.",
    "Menu prices rose by a third, the bakers' union said.",
])
def test_article_sentences_are_not_boilerplate(line):
    assert boilerplate_reason(line) is None


def test_a_repeated_paragraph_is_removed_once():
    caption = "The mayor (L) meets residents in the flooded street, March 3, 2024. /Photo Agency"
    kept, removed = split_article(f"Title here\n\n{caption}\n\nBody text.\n\n{caption}\n")
    assert [l.text for l in kept].count(caption) == 1
    assert [r.reason for r in removed] == ["repeated paragraph"]


# --- metadata -------------------------------------------------------------------------------

def test_dateline_gives_outlet_and_date(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", ARTICLE))
    assert doc.title == "Flood waters reach the old town" and doc.title_how == "first line"
    assert (doc.outlet, doc.outlet_how) == ("Wire Agency", "dateline")
    assert doc.published is None and doc.published_how == "dateline"  # no year: the corpus completes it


def test_dateline_year_comes_from_the_corpus(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", "Second report\n\nThe river burst its banks on March 1, 2024, residents said.\n")
    corpus = load_corpus(tmp_path)
    doc = next(d for d in corpus.documents if d.file == "a.txt")
    assert doc.published == dt.date(2024, 3, 3) and doc.published_how == "dateline; year from the corpus"


def test_byline_credit_and_caption(tmp_path):
    text = (
        "Storm closes the port\n\nHarbour Daily\n\nThe port closed on Friday, the authority said.\n\n"
        "Ships wait outside the harbour, June 2, 2023. /Photo Agency\n\n(With input from Wire Service)\n"
    )
    doc = read_document(write(tmp_path, "s.txt", text))
    assert (doc.outlet, doc.outlet_how) == ("Harbour Daily", "byline under the title")
    assert (doc.published, doc.published_how) == (dt.date(2023, 6, 2), "dated photo caption")
    assert [p.role for p in doc.paragraphs] == ["title", "body", "body", "caption", "credit"]


def test_agency_credit_names_the_outlet_when_nothing_else_does(tmp_path):
    text = "Storm closes the port\n\nThe port closed on Friday, the authority said in a statement.\n\n(With input from Wire Service)\n"
    doc = read_document(write(tmp_path, "s.txt", text))
    assert (doc.outlet, doc.outlet_how) == ("Wire Service", "agency credit")


def test_site_naming_itself_in_a_call_to_subscribe(tmp_path):
    text = "Storm closes the port\n\nThe port closed on Friday.\n\nSubscribe to Harbour.News Telegram channel!\n"
    doc = read_document(write(tmp_path, "s.txt", text))
    assert (doc.outlet, doc.outlet_how) == ("Harbour.News", "site names itself in a call to subscribe")


def test_nothing_is_invented_when_the_text_is_silent(tmp_path):
    doc = read_document(write(tmp_path, "s.txt", "A quiet day\n\nNothing happened in the town, residents said.\n"))
    assert (doc.outlet, doc.outlet_how, doc.published) == ("", "not found", None)


# --- the project's seeds ---------------------------------------------------------------------

def test_every_seed_loads_with_paragraph_offsets_that_hold(seeds_corpus):
    assert len(seeds_corpus.documents) == len(list(SEEDS.glob("*.txt")))
    for doc in seeds_corpus.documents:
        raw = (SEEDS / doc.file).read_bytes().decode(doc.encoding)
        assert raw == doc.text, "the text must be the file as read"
        for p in doc.paragraphs:
            assert doc.text[p.start:p.end] == p.text
        assert doc.title, doc.file


def test_doc_ids_come_from_content_not_names(tmp_path):
    copy = tmp_path / "renamed"
    copy.mkdir()
    first = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(first, copy / "zz_other_name.txt")
    original = load_corpus(SEEDS).documents[0]
    renamed = load_corpus(copy).documents[0]
    assert original.file == first.name and renamed.doc_id == original.doc_id


# --- folders, duplicates, manifest ------------------------------------------------------------

def test_missing_and_empty_folders_are_refused(tmp_path):
    with pytest.raises(BriefbookError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(BriefbookError, match="no seed files"):
        load_corpus(tmp_path)


def test_a_folder_of_unreadable_files_is_refused_naming_them(tmp_path):
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "   \n")
    with pytest.raises(BriefbookError, match=r"no readable article .*empty\.txt: empty file"):
        load_corpus(tmp_path)


def test_unreadable_files_are_skipped_and_recorded(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(tmp_path, "latin.txt", "Le maire a déclaré que la ville était inondée.".encode("latin-1"))
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["good.txt", "latin.txt"]
    assert [(s.file, s.reason.split(" (")[0]) for s in corpus.skipped] == [("image.txt", "binary file")]
    latin = corpus.documents[1]
    assert "déclaré" in latin.text and latin.notes and "not UTF-8" in latin.notes[0]


def test_exact_duplicates_are_skipped_and_near_duplicates_flagged(tmp_path):
    longer = ARTICLE + "".join(f"\nThe water rose {n} centimetres in the night near bridge number {n}.\n" for n in range(8))
    write(tmp_path, "a.txt", longer)
    write(tmp_path, "b.txt", longer.replace("\n", "\r\n"))
    write(tmp_path, "c.txt", longer.replace("the old town on Tuesday", "the old town on Wednesday"))
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["a.txt", "c.txt"]
    kinds = {(d.file, d.kind) for d in corpus.duplicates}
    assert ("b.txt", "exact") in kinds and ("c.txt", "near") in kinds


def test_html_is_reduced_to_article_text(tmp_path):
    page = (
        "<html><head><title>Site | Flood</title><script>alert(1)</script></head><body>"
        "<nav>Home News Sport</nav><article><h1>Flood reaches town</h1>"
        "<p>Water reached the town on Tuesday, officials said.</p><p>Two people died.</p></article>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    doc = read_document(write(tmp_path, "page.html", page))
    assert doc.title == "Flood reaches town" and doc.title_how == "HTML heading"
    assert [p.text for p in doc.paragraphs] == [
        "Flood reaches town", "Water reached the town on Tuesday, officials said.", "Two people died."]
    assert "alert" not in doc.text and "Sport" not in doc.text


def test_manifest_overrides_detection(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "file,url,outlet,published,title\na.txt,https://example.org/a,The Gazette,2024-03-04,\n")
    doc = load_corpus(tmp_path).documents[0]
    assert (doc.outlet, doc.outlet_how) == ("The Gazette", "manifest")
    assert (doc.published, doc.published_how) == (dt.date(2024, 3, 4), "manifest")
    assert doc.title_how == "first line" and doc.url == "https://example.org/a"


@pytest.mark.parametrize("row,problem", [
    ("ghost.txt,,,,", "names 'ghost.txt', which is not a seed"),
    ("a.txt,,,next Tuesday,", "'published' is 'next Tuesday', not a date"),
])
def test_a_bad_manifest_is_refused_naming_file_and_row(tmp_path, row, problem):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", f"file,url,outlet,published,title\n{row}\n")
    with pytest.raises(BriefbookError, match="manifest.csv: row 1") as err:
        load_corpus(tmp_path)
    assert problem in str(err.value)


def test_finders_on_lines_directly():
    from briefbook.corpus.clean import lines

    found = lines("Quake hits coast\n\nKOBE, Jan. 17, 1995 (Wire) - A quake struck the coast.\n")
    assert find_title(found) == ("Quake hits coast", "first line")
    assert find_outlet(found, [], "Quake hits coast") == ("Wire", "dateline")
    assert find_published(found)[0] == dt.date(1995, 1, 17)


def test_a_quoted_sentence_is_no_headline():
    """A page cut before its headline starts with its deck and running text; a paragraph that ends by
    closing a quotation is a sentence, not the title a citation would give."""
    from briefbook.corpus.clean import lines

    page = ("The harbour board narrows, but keeps, the fee that set off the strike.\n\n"
            "The board ruled on Monday after a week of stoppages.\n\n"
            "Its chair told the Wire agency: \u201cThe old fee was unlawful.\u201d\n\n"
            "He added that dockers would be paid for the lost days.\n")
    assert find_title(lines(page)) == ("The harbour board narrows, but keeps, the fee that set off the strike.",
                                       "first line")
    assert find_title(lines("Chair: \u201cWe will not pay\u201d\n\nThe chair spoke on Monday.\n"))[0] \
        == "Chair: \u201cWe will not pay\u201d"  # a quoted headline, which no full stop ends


def test_the_corpus_year_prefers_full_dates_over_recalled_years():
    from briefbook.corpus.metadata import corpus_year

    texts = ["Floods have hit the valley every spring since 2009, and in 2009 the dam broke.",
             "The river rose on March 1, 2024, officials said.", "Since 2009 the town has grown."]
    assert corpus_year(texts) == 2024
    assert corpus_year(["The 1992 treaty and the 1992 charter."]) == 1992
    assert corpus_year(["No year here."]) is None


def test_an_author_byline_is_not_an_outlet(tmp_path):
    doc = read_document(write(tmp_path, "s.txt", "Storm closes the port\n\nBy Jane Doe\n\nThe port closed on Friday.\n"))
    assert doc.outlet == "" and doc.outlet_how == "not found"


def test_a_dateline_takes_the_year_its_own_article_writes(tmp_path):
    write(tmp_path, "a.txt", "Old story\n\nRIVERTON, March 3 (Wire) - The flood of March 1, 2019 was recalled.\n")
    write(tmp_path, "b.txt", "New story\n\nThe dam failed on May 5, 2024 and again on May 6, 2024.\n")
    doc = next(d for d in load_corpus(tmp_path).documents if d.file == "a.txt")
    assert doc.published == dt.date(2019, 3, 3) and doc.published_how == "dateline; year from the dates the article writes"


def test_one_outlet_however_its_articles_case_or_spell_it(tmp_path):
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,TASS\nb.txt,tass\nc.txt,T.A.S.S.\nd.txt,Tasnim\n",
                                           encoding="utf-8")
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(f"Headline {name}\n\nThe minister spoke on Monday about {name}.\n",
                                              encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.outlet for d in corpus.documents] == ["TASS", "TASS", "TASS", "Tasnim"]
    assert any('outlet written "tass"' in note for note in corpus.documents[1].notes)


def test_a_removed_site_notice_never_gives_a_dateline_its_year(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Since July 1, 2031, we have disabled all ads.\n\nTroops fire on protesters\n\n"
        "ALMATY, Jan 6 (Reuters) - Troops fired on protesters, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Protests spread\n\nThe protests of January 2029 spread to the south.\n",
                                    encoding="utf-8")
    documents = {d.file: d for d in load_corpus(tmp_path).documents}
    assert documents["a.txt"].published.year == 2029


def test_a_byline_that_names_a_news_agency_gives_the_outlet_and_an_author_s_does_not(tmp_path):
    pages = {
        "a.txt": "Students clash with police\n\nBy Reuters\n\nPolice fired tear gas at students on Monday.\n",
        "b.txt": "Five dead in protests\n\nAFP Published July 16, 2031 Updated July 16, 2031 10:41pm\n\n"
                 "Five people were killed on Tuesday, police said.\n",
        "c.txt": "Curfew extended\n\nBy Jane Doe\n\nThe curfew was extended on Friday.\n",
        "d.txt": "Curfew lifted\n\nXinhua\n\nThe curfew was lifted on Sunday, officials said.\n",
        "e.txt": "Curfew eased\n\nJanedoe\n\nThe curfew was eased on Sunday, officials said.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = {d.file: (d.outlet, d.outlet_how) for d in load_corpus(tmp_path).documents}
    assert found["a.txt"] == ("Reuters", "agency byline") and found["b.txt"] == ("AFP", "agency byline")
    assert found["c.txt"][0] == "" and found["e.txt"][0] == ""
    assert found["d.txt"] == ("Xinhua", "agency byline")   # the agency's name alone under the title


def test_a_count_after_a_day_is_no_year_of_the_article():
    from briefbook.corpus import metadata

    assert metadata.corpus_year(["On May 3, 1500 people marched to the square."], bare_years=False) is None
    assert metadata.corpus_year(["On May 3, 2031, people marched to the square."], bare_years=False) == 2031
