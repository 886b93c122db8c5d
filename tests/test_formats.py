"""Reading articles as analysts save them: web pages, PDFs, Word files and pasted text.

Each format is checked for the four things the report takes from a file: its text, title, outlet
and date, and for *where* each was found (the Sources page shows it). The articles are invented.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import docx
import pytest

from briefbook.bench.pages import Counts, is_english, score
from briefbook.cli import main
from briefbook.corpus import load_corpus, read_document
from briefbook.corpus.pdf import _LIGATURES, paragraphs
from briefbook.corpus.urls import date_in_url, host, outlet_from_url

from pdf_maker import make_pdf

STORY = [
    "The river bridge at Halden was closed on Tuesday after engineers found cracks in two of its "
    "pillars, the roads agency said.",
    "About 40,000 vehicles cross the bridge every day, and traffic will be diverted through the old "
    "town until repairs are done, the agency said in a statement.",
    "\"We will not reopen it until it is safe,\" the mayor, Ines Varga, told reporters on Wednesday.",
]


def wrapped(paragraphs: list[str], width: int = 80) -> list[str]:
    """Paragraphs as a page prints them: lines of ``width`` characters, a line's space between paragraphs."""
    return [line for p in paragraphs for line in [*textwrap.wrap(p, width), ""]][:-1]


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


# --- web pages ---------------------------------------------------------------------------------

def page(head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<html><head><title>Bridge closed | Site</title>{head}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>Bridge closes after storm</h1>{paragraphs}</article>{body_extra}"
            "<footer><p>Copyright 2025 Example Media. All rights reserved.</p>"
            "<ul><li>About us</li><li>Contact</li></ul></footer></body></html>")


def test_a_web_page_is_read_through_trafilatura_and_what_it_cut_is_listed(tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert texts(doc) == ["Bridge closes after storm", *STORY]
    cut = [r.text for r in doc.removed if r.start == -1]
    assert "About us" in cut and not any("Halden" in c for c in cut)


def test_a_date_only_in_json_ld_dates_the_page_and_og_site_name_names_the_outlet(tmp_path):
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "x"},
        {"@type": "NewsArticle", "headline": "Bridge closes after storm damages pillars",
         "datePublished": "2025-01-07T23:10:00+01:00", "publisher": {"@type": "Organization", "name": "Daily Ledger"}}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    (tmp_path / "a.html").write_text(page(head), encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert doc.published == dt.date(2025, 1, 7) and "JSON-LD datePublished" in doc.published_how
    assert doc.outlet == "Daily Ledger" and "JSON-LD publisher" in doc.outlet_how
    assert doc.title == "Bridge closes after storm damages pillars" and "JSON-LD headline" in doc.title_how

    og = ('<meta property="og:site_name" content="The Halden Courier">'
          '<meta property="article:published_time" content="2025-01-08T06:00:00Z">')
    (tmp_path / "b.html").write_text(page(og + head), encoding="utf-8")
    doc = read_document(tmp_path / "b.html")
    assert (doc.outlet, doc.published) == ("The Halden Courier", dt.date(2025, 1, 8))
    assert doc.outlet_how == "page metadata (og:site_name)"
    assert doc.published_how == "page metadata (article:published_time)"


def test_a_date_only_in_the_canonical_address_dates_the_page_and_its_host_names_the_outlet(tmp_path):
    head = '<link rel="canonical" href="https://www.halden-courier.example/news/2025/01/09/bridge-closes">'
    (tmp_path / "a.html").write_text(page(head), encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert doc.url == "https://www.halden-courier.example/news/2025/01/09/bridge-closes"
    assert texts(doc) == ["Bridge closes after storm", *STORY] and doc.title_how == "HTML heading"
    assert doc.published == dt.date(2025, 1, 9) and doc.published_how == "date in the address (page's canonical link)"
    assert (doc.outlet, doc.outlet_how) == ("halden-courier.example", "address's host")


def test_the_manifest_wins_over_the_page_and_its_address_dates_a_text_file(tmp_path):
    og = '<meta property="og:site_name" content="The Halden Courier">'
    (tmp_path / "a.html").write_text(page(og), encoding="utf-8")
    (tmp_path / "b.txt").write_text("Halden bridge shut\n\n" + "\n\n".join(STORY) + "\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,outlet,published\n"
        "a.html,,Courier Online,2025-01-10\n"
        "b.txt,https://www.reuters.com/world/20250111/bridge-closes,,\n", encoding="utf-8")
    docs = {d.file: d for d in load_corpus(tmp_path).documents}
    assert (docs["a.html"].outlet, docs["a.html"].outlet_how) == ("Courier Online", "manifest")
    assert docs["a.html"].published == dt.date(2025, 1, 10)
    assert docs["b.txt"].published == dt.date(2025, 1, 11) and docs["b.txt"].published_how == \
        "date in the address (manifest)"
    assert (docs["b.txt"].outlet, docs["b.txt"].outlet_how) == ("Reuters", "address's host (outlet_hosts.yaml)")


def test_a_page_without_article_text_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><head><script>x()</script></head><body></body></html>")
    corpus = load_corpus(tmp_path)
    assert [(s.file, s.reason) for s in corpus.skipped] == [("empty.html", "web page without article text")]


# --- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url, day", [
    ("https://example.org/2022/01/10/story", dt.date(2022, 1, 10)),
    ("https://example.org/world/2022-01-10-story.html", dt.date(2022, 1, 10)),
    ("https://example.org/a/20220110/12345.html", dt.date(2022, 1, 10)),
    ("https://example.org/world/2022/jan/10/story", dt.date(2022, 1, 10)),
    ("https://example.org/2022/01/story", None),          # a month is no day
    ("https://example.org/a/20221345/story", None),        # no such date
    ("https://example.org/story?date=2022-01-10", None),   # the query is not read
    ("https://example.org/article/600376440", None),
])
def test_the_day_an_address_states(url, day):
    assert date_in_url(url) == day


def test_an_address_names_its_outlet_through_the_list_or_by_its_host():
    assert host("https://www.bbc.co.uk:443/news/x") == "bbc.co.uk"
    assert outlet_from_url("https://amp.theguardian.com/world/x") == ("The Guardian", "address's host (outlet_hosts.yaml)")
    assert outlet_from_url("https://news.example-times.org/x") == ("news.example-times.org", "address's host")
    assert outlet_from_url("") is None


# --- PDF and Word --------------------------------------------------------------------------------

def test_a_printed_page_as_pdf_has_its_paragraphs_rebuilt_and_its_furniture_cut(tmp_path):
    header = ["1/10/25, 9:14 AM Bridge closes after storm | Halden Courier"]
    address = "https://www.halden-courier.example/2025/01/09/bridge-closes"
    lines = ["Bridge closes after storm", ""] + wrapped(STORY)  # the page breaks inside a paragraph
    pdf = make_pdf([header + lines[:3] + [address, "1/2"], header + lines[3:] + [address, "2/2"]],
                   {"Title": "Bridge closes after storm", "CreationDate": "D:20250110091400Z"})
    (tmp_path / "a.pdf").write_bytes(pdf)
    doc = read_document(tmp_path / "a.pdf")
    assert texts(doc) == ["Bridge closes after storm", *STORY]
    assert doc.title == "Bridge closes after storm" and doc.title_how == "PDF properties (title)"
    assert doc.url == address and doc.published == dt.date(2025, 1, 9)
    assert doc.published_how == "date in the address (address printed on the PDF's pages)"
    cut = {r.text for r in doc.removed}
    assert {"1/2", "2/2", header[0], address} <= cut


def test_a_headline_set_large_is_one_paragraph_and_ligatures_are_letters(tmp_path):
    head = [("Bridge closes after storm", 26), ("damages its pillars", 26), ""]
    (tmp_path / "a.pdf").write_bytes(make_pdf([head + wrapped(STORY[:2])]))
    doc = read_document(tmp_path / "a.pdf")
    assert texts(doc) == ["Bridge closes after storm damages its pillars", *STORY[:2]]
    assert "ﬁnd".translate(_LIGATURES) == "find"


def test_a_blank_line_or_a_short_line_ends_a_paragraph():
    assert paragraphs(wrapped(STORY[:2])) == STORY[:2]
    assert paragraphs(["Bridge closes after storm", *wrapped([STORY[0]])]) == ["Bridge closes after storm", STORY[0]]


def test_a_scanned_pdf_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    (tmp_path / "a.txt").write_text("Bridge closes\n\n" + STORY[0] + "\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a whole zip")
    reasons = {s.file: s.reason for s in load_corpus(tmp_path).skipped}
    assert reasons["scan.pdf"].startswith("PDF without a text layer")
    assert reasons["broken.pdf"].startswith("not a readable PDF")
    assert reasons["old.doc"].startswith("Word 97-2003 file (.doc) is not read")
    assert reasons["broken.docx"].startswith("not a readable Word file")


def word_file(path: Path, lines: list[str], title: str = "", created: dt.datetime | None = None) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.core_properties.title = title
    if created:
        document.core_properties.created = created
    document.save(path)
    return path


def test_a_word_file_gives_its_paragraphs_title_outlet_and_date(tmp_path):
    lines = ["Bridge closes after storm", "HALDEN, Jan 9 (Wire Service) - " + STORY[0], *STORY[1:],
             "Reporting by Ana Ruiz; 9 January 2025"]
    doc = read_document(word_file(tmp_path / "a.docx", lines, "Bridge closes after storm",
                                  dt.datetime(2025, 1, 9, 18, 0)))
    assert texts(doc)[:2] == lines[:2] and texts(doc)[2:4] == STORY[1:]
    assert doc.title_how == "Word properties (title)"
    assert (doc.outlet, doc.outlet_how) == ("Wire Service", "dateline")
    assert doc.published == dt.date(2025, 1, 9)


def test_a_creation_date_dates_an_article_only_where_the_text_agrees(tmp_path):
    agreeing = word_file(tmp_path / "a.docx", ["Bridge closes after storm", STORY[0],
                                               "The bridge opened on 2 January 2025 after a year of work."],
                         created=dt.datetime(2025, 1, 3, 9, 0))
    doc = read_document(agreeing)
    assert doc.published == dt.date(2025, 1, 3)
    assert doc.published_how == "Word properties (creation date), agreeing with the dates the text writes"

    exported_later = word_file(tmp_path / "b.docx", ["Bridge closes after storm", STORY[0],
                                                     "The bridge opened on 2 January 2025 after a year of work."],
                               created=dt.datetime(2026, 11, 3, 9, 0))
    doc = read_document(exported_later)
    assert doc.published is None
    assert any("2026-11-03 not taken as the publication date" in n for n in doc.notes)


# --- pasted text ---------------------------------------------------------------------------------

PASTED = """Skip to main content
Since July 1, 2025, we have disabled all ads
Bridge closes after storm damages pillars
{story}
Enjoying ad-free content?
Share this article
"""


def test_pasted_site_text_never_becomes_title_date_or_statement(tmp_path):
    (tmp_path / "a.txt").write_text(PASTED.format(story="\n".join(STORY)), encoding="utf-8")
    doc = read_document(tmp_path / "a.txt")
    assert doc.title == "Bridge closes after storm damages pillars"
    assert texts(doc) == ["Bridge closes after storm damages pillars", *STORY]
    assert doc.published is None and doc.outlet == ""
    assert {r.text for r in doc.removed} == {"Skip to main content", "Since July 1, 2025, we have disabled all ads",
                                           "Enjoying ad-free content?", "Share this article"}


def test_lines_an_outlet_prints_on_every_page_are_learnt_across_its_articles(tmp_path):
    slogan = "Halden Courier: the valley's paper since 1921, read by 40,000 households"
    other = ["Floods close the school in Varby on Monday, the council said.",
             "The school's roof gave way after a week of rain, officials said."]
    manifest = "file,url,outlet,published\na.txt,,Halden Courier,\nb.txt,,Halden Courier,\nc.txt,,Varby Times,\n"
    (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bridge closes after storm\n" + "\n".join(STORY) + f"\n{slogan}\n", "utf-8")
    (tmp_path / "b.txt").write_text("School closes after floods\n" + "\n".join(other) + f"\n{slogan}\n", "utf-8")
    (tmp_path / "c.txt").write_text("Roof falls in\n" + "\n".join(other) + f"\n{slogan}\n", "utf-8")
    docs = {d.file: d for d in load_corpus(tmp_path).documents}
    for file in ("a.txt", "b.txt"):
        assert slogan not in texts(docs[file])
        assert [r.reason for r in docs[file].removed if r.text == slogan] == ["printed on other pages of the same outlet"]
    assert slogan in texts(docs["c.txt"])   # one article of its outlet: nothing to learn from


def test_two_versions_of_one_story_keep_their_shared_lines(tmp_path):
    manifest = "file,url,outlet,published\na.txt,,Halden Courier,\nb.txt,,Halden Courier,\n"
    (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Bridge closes after storm\n" + "\n".join(STORY) + "\n", "utf-8")
    (tmp_path / "b.txt").write_text("Bridge closes after storm (updated)\n" + "\n".join(STORY[:2]) + "\n", "utf-8")
    docs = {d.file: d for d in load_corpus(tmp_path).documents}
    assert texts(docs["b.txt"])[1:] == STORY[:2]


# --- the page-reader benchmark --------------------------------------------------------------------

def test_bench_pages_scores_snippets_kept_and_left_out(tmp_path, capsys):
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "eval" / "de.html").write_text("<html><body><p>Die Brücke ist zu.</p></body></html>", "utf-8")
    data = {"https://example.org/a": {"file": "a.html", "with": [STORY[0][:60], "the mayor, Ines Varga"],
                                      "without": ["About us", "All rights reserved"]},
            "https://example.org/de": {"file": "de.html", "with": ["Die Brücke ist zu und die der"],
                                       "without": ["Impressum"]}}
    (tmp_path / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    pages, counts = score(tmp_path)
    assert pages == 1
    assert (counts["briefbook"].tp, counts["briefbook"].fn, counts["briefbook"].fp) == (2, 0, 0)
    assert main(["bench-pages", str(tmp_path)]) == 0
    assert "| briefbook | 100.0% | 100.0% |" in capsys.readouterr().out
    assert main(["bench-pages", str(tmp_path / "missing")]) == 2


def test_snippet_counts_give_trafilaturas_f1():
    counts = Counts()
    counts.add({"with": ["a b", "c d", "e"], "without": ["x", "y"]}, "a  b\nc d x")
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)
    assert counts.f1 == pytest.approx(4 / 6)
    assert is_english({"with": ["the bridge was closed by the agency"]})
    assert not is_english({"with": ["die Brücke ist für den Verkehr gesperrt und der Fluss"]})


def test_a_host_of_the_outlet_list_wins_over_a_site_name_that_is_a_section(tmp_path):
    head = ('<meta property="og:site_name" content="World">'
            '<link rel="canonical" href="https://www.reuters.com/article/bridge-closes-idUS123">')
    (tmp_path / "a.html").write_text(page(head), encoding="utf-8")
    doc = read_document(tmp_path / "a.html")
    assert (doc.outlet, doc.outlet_how) == ("Reuters", "address's host (outlet_hosts.yaml)")


def test_the_sources_page_counts_what_was_cut_by_article_and_rule_with_examples(tmp_path):
    from briefbook.corpus.tables import removed_frame
    from briefbook.sources import removed_summary

    menu = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(12))
    (tmp_path / "a.html").write_text(page(body_extra=f"<ul>{menu}</ul>"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(PASTED.format(story="\n".join(STORY)), encoding="utf-8")
    summary = removed_summary(removed_frame(load_corpus(tmp_path)))
    cut = summary[(summary["file"] == "a.html") & (summary["reason"].str.contains("web page reduction"))].iloc[0]
    assert cut["lines"] >= 12 and len(cut["examples"]) == 4 and cut["examples"][-1] == f"and {cut['lines'] - 3} more"
    pasted = summary[summary["file"] == "b.txt"]
    assert pasted["lines"].sum() == 4 and set(pasted["reason"]) >= {"site navigation", "site notice"}


def test_a_reader_that_fails_on_one_file_skips_that_file_only(tmp_path, monkeypatch):
    import briefbook.corpus.formats as formats

    def broken(data, url=""):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setitem(formats.READERS, ".pdf", broken)
    (tmp_path / "odd.pdf").write_bytes(make_pdf([wrapped(STORY)]))
    (tmp_path / "a.txt").write_text("Bridge closes\n\n" + STORY[0] + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["a.txt"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [
        ("odd.pdf", "the .pdf reader failed on it (RecursionError: maximum recursion depth exceeded)")]
