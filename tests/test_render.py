"""Untrusted seed text stays text in every HTML the report writes."""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import pandas as pd

from briefbook.publish.appendix import article_page, md_escape
from briefbook.publish.render import chart_html, html_table, spec_json

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) {eval}`x` ```{raw} html'


def test_table_cells_are_escaped_and_rows_addressable():
    frame = pd.DataFrame({"id": ["st-1"], "text": [HOSTILE]})
    markup = html_table(frame, row_id="id")
    assert "<script>" not in markup and "<img" not in markup and "&lt;script&gt;" in markup
    assert '<tr id="st-1"' in markup and 'href="#st-1"' in markup


def test_a_correctable_row_carries_its_corrections_line_and_a_corrected_row_says_what_changed():
    frame = pd.DataFrame({"id": ["st-1a", "cl-2b"], "text": ["x", "y"], "corrected": ["speaker", ""]})
    markup = html_table(frame, row_id="id", columns={"text": "Text"})
    first, second = markup.split("<tr id=")[1:]
    assert 'data-fix="- {id: st-1a, speaker: &quot;&quot;, reason: &quot;&quot;}  # under statements:' in first
    assert 'class="briefbook-corrected-row"' in first and "corrected: speaker</span>" in first
    assert "data-fix" not in second and "corrected:" not in second   # a claim id takes no line; nothing changed


def test_chart_spec_cannot_close_its_script():
    spec = alt.Chart(pd.DataFrame({"label": ["</script><script>alert(1)</script>"], "n": [1]})).mark_bar().encode(
        x="n:Q", y="label:N", tooltip=["label:N"]).to_dict()
    markup = chart_html(spec, "c1")
    assert markup.count("</script>") == 1 and "<script>alert" not in markup
    embedded = spec_json(spec)
    assert json.loads(embedded) == json.loads(json.dumps(spec))  # same data once parsed


def test_article_page_escapes_text_and_heading():
    document = pd.Series({"doc_id": "doc-1", "title": "**bold** {sub}`x` <b>t</b>", "file": "a.txt", "outlet": "",
                          "outlet_how": "not found", "published": "", "published_how": "not found", "words": 3})
    paragraphs = pd.DataFrame({"paragraph": [1], "anchor": ["doc-1-p1"], "role": ["body"], "text": [HOSTILE]})
    page = article_page(document, paragraphs, pd.DataFrame())
    assert "<script>" not in page and "<img" not in page
    assert '<p class="briefbook-paragraph briefbook-body" id="doc-1-p1">' in page
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert heading.startswith("# ") and "**" not in heading and "`" not in heading.replace("\\`", "")
    assert md_escape("a*b") == "a\\*b"


def test_only_short_one_word_cells_are_kept_on_one_line():
    frame = pd.DataFrame({"title": ["A long headline about a crush at a crossing"], "day": ["2001-02-03"],
                          "file": ["a-rather-long-file-name-of-an-article.txt"]})
    cells = html_table(frame).split("<td")[1:]
    kept = ['class="briefbook-token"' in cell for cell in cells]
    assert kept == [False, True, False]  # a column of titles wraps at words; a date never at its hyphens


def test_a_chart_figure_states_its_finding_source_data_and_address():
    from briefbook.publish.render import chart_figure, drawn_data

    chart = alt.Chart(pd.DataFrame({"day": ["d1", "d2"], "n": [3, 5]}), title="Counts").mark_bar().encode(x="day", y="n")
    spec = chart.to_dict()
    markup = chart_figure(spec, "chart-x", title="Five <b>on d2</b>", caption="Bars.", source="2 articles",
                          data_href="../d/chart-x")
    assert 'id="chart-x-figure"' in markup and 'href="#chart-x-figure"' in markup
    assert "Five &lt;b&gt;on d2&lt;/b&gt;" in markup and "Source: 2 articles" in markup
    assert '"../d/chart-x.csv"' in markup and '"../d/chart-x.json"' in markup
    assert '"Counts"' not in markup  # the finding replaces the spec's own title
    assert list(drawn_data(spec)["n"]) == [3, 5]


def test_a_list_cell_is_a_list_each_cell_names_its_column_and_a_missing_value_is_blank():
    frame = pd.DataFrame({"n": pd.array([3, None], dtype="Int64"), "lines": [["612 <a>", "655"], []]})
    out = html_table(frame, columns={"n": "Count", "lines": "Reports"})
    assert '<td data-label="Reports"><ul class="briefbook-cell-list"><li>612 &lt;a&gt;</li><li>655</li></ul></td>' in out
    assert '<td data-label="Count"></td>' in out and "NA" not in out


def test_a_true_or_false_cell_reads_yes_or_no():
    frame = pd.DataFrame({"conflict": [True, False]})
    out = html_table(frame, columns={"conflict": "Dates disagree"})
    assert ">yes</td>" in out and ">no</td>" in out and "True" not in out and "False" not in out


def test_a_file_name_may_wrap_at_its_separators_and_words_never_break():
    from briefbook.publish.render import breakable

    assert breakable("file 005_e98d1df2631c614d.txt, authorities") == "file 005_<wbr>e98d1df2631c614d.<wbr>txt, authorities"
    assert breakable("2029-03-13 <b>") == "2029-03-13 &lt;b&gt;"


def test_a_bibliography_entry_keeps_the_title_s_capitals_and_the_full_date():
    from briefbook.publish.bibliography import entry

    row = pd.Series({"doc_id": "doc-1", "file": "a_1.txt", "title": "Veldonia Says KF Bombed Harwick", "outlet": "",
                     "published": "2031-01-06", "url": ""})
    text = entry(row)
    assert "title = {{Veldonia Says KF Bombed Harwick}}" in text
    assert "month = {January}" in text and "year = {2031}" in text
    assert "note = {Published 6 January 2031; seed file a\\_1.txt; document doc-1}" in text
    assert "key = {Veldonia Says KF Bombed…}" in text


def test_a_chart_keeps_ten_colours_the_busiest_by_name_and_says_what_it_leaves_out():
    from briefbook.charting import subset_note, top_or_other

    speakers = pd.Series([f"s{i}" for i in range(12) for _ in range(12 - i)])  # s0 most often, s11 least
    coloured = top_or_other(speakers, other="other speakers")
    assert coloured.nunique() == 10 and set(coloured) == {f"s{i}" for i in range(9)} | {"other speakers"}
    few = pd.Series(["a", "b", "a"])
    assert list(top_or_other(few)) == ["a", "b", "a"]
    assert subset_note(12, 22, "speakers").startswith("the 12 busiest speakers of 22 (10 not shown")
    assert subset_note(5, 5, "outlets") == "all 5 outlets"


def test_an_article_page_marks_a_paragraph_another_article_carries_and_links_it():
    document = pd.Series({"doc_id": "doc-a", "file": "a.txt", "title": "Floods", "outlet": "", "outlet_how": "not found",
                          "published": "", "published_how": "not found", "words": 9, "url": ""})
    paragraphs = pd.DataFrame({"paragraph": [1, 2], "anchor": ["doc-a-p1", "doc-a-p2"], "role": ["body", "body"],
                               "text": ["Rain fell.", "The levee broke."]})
    shared = pd.DataFrame({"doc_id": ["doc-a"], "paragraph": [2], "other_doc_id": ["doc-b"], "other_paragraph": [5],
                           "share": [0.9]})
    page = article_page(document, paragraphs, pd.DataFrame(), shared, {"doc-b": "Wire <Daily>"})
    first, second = page.split('id="doc-a-p2"')
    assert "shared text" not in first
    assert 'also in <a href="doc-b.html#doc-b-p5">Wire &lt;Daily&gt; ¶5</a> (90%)' in second


def _documents(n: int) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"doc-{i}" for i in range(n)], "file": [f"{i}.txt" for i in range(n)],
        "title": [f"Story <{i}>" for i in range(n)], "outlet": ["Gazette"] * n, "outlet_how": ["manifest"] * n,
        "published": [f"2031-05-{i + 1:02d}" for i in range(n)], "published_how": ["manifest"] * n,
        "words": [10] * n, "url": [""] * n,
    })


def _tables(n: int) -> dict[str, pd.DataFrame]:
    paragraphs = pd.DataFrame({"doc_id": [f"doc-{i}" for i in range(n)], "paragraph": [1] * n,
                               "anchor": [f"doc-{i}-p1" for i in range(n)], "role": ["body"] * n,
                               "text": [HOSTILE] * n})
    return {"documents": _documents(n), "paragraphs": paragraphs,
            "removed": pd.DataFrame(columns=["doc_id", "text", "reason"])}


def test_a_table_longer_than_a_page_shows_its_head_and_the_rows_other_pages_link_to():
    from briefbook.report import anchors, rows_shown

    frame = pd.DataFrame({"claim_id": [f"cl-{i}" for i in range(10)], "n": range(10)})
    assert rows_shown(frame, "claim_id", limit=10) is frame
    linked = anchors([type("Item", (), {"href": "claims.html#cl-8"})()])
    shown = rows_shown(frame, "claim_id", linked, limit=3)
    assert list(shown["claim_id"]) == ["cl-0", "cl-1", "cl-2", "cl-8"]  # the frame's order kept


def test_a_size_limit_set_wrongly_is_told_in_one_line(monkeypatch):
    import pytest

    from briefbook.errors import BriefbookError
    from briefbook.publish import limits

    monkeypatch.setenv("BRIEFBOOK_ROWS_SHOWN", "many")
    with pytest.raises(BriefbookError, match="BRIEFBOOK_ROWS_SHOWN: must be a whole number"):
        limits.rows_shown()
    monkeypatch.setenv("BRIEFBOOK_ROWS_SHOWN", "40")
    assert limits.rows_shown() == 40


def test_past_the_limit_only_linked_articles_are_book_pages_and_the_rest_plain_pages(tmp_path, monkeypatch):
    from briefbook.publish import appendix

    monkeypatch.setenv("BRIEFBOOK_ARTICLE_PAGES", "3")
    assert appendix.paged_articles(_documents(3), set()) is None  # a small corpus: every article a page
    chapter = tmp_path / "claims.ipynb"
    # a table's link makes a book page; a chart's data naming an article (a mark's click) does not
    chapter.write_text('{"text": "<a href=\\"articles/doc-1.html#doc-1-p1\\"> {\\"href\\": \\"articles/doc-3.html\\"}"}',
                       encoding="utf-8")
    paged = appendix.paged_articles(_documents(4), appendix.linked_articles([chapter]))
    assert paged == {"doc-1"}
    book, extra = tmp_path / "articles", tmp_path / "_extra" / "book" / "articles"
    appendix.write_appendix(_tables(4), book, paged, extra=extra)
    assert sorted(p.name for p in book.glob("*.md")) == ["doc-1.md", "index.md"]
    assert sorted(p.name for p in extra.glob("*.html")) == ["doc-0.html", "doc-2.html", "doc-3.html"]
    plain = (extra / "doc-2.html").read_text(encoding="utf-8")
    assert '<p class="briefbook-paragraph briefbook-body" id="doc-2-p1">' in plain
    assert "<script" not in plain and "Story &lt;2&gt;" in plain
    index = (book / "index.md").read_text(encoding="utf-8")
    assert all(f'href="doc-{i}.html"' in index for i in range(4)) and 'id="articles-index"' in index
    # one article more linked: its plain page goes, its book page comes
    appendix.write_appendix(_tables(4), book, {"doc-1", "doc-2"}, extra=extra)
    assert (book / "doc-2.md").is_file() and not (extra / "doc-2.html").exists()


def test_a_chart_of_more_rows_than_a_page_can_draw_keeps_its_title_caption_and_data_but_is_not_drawn(
        monkeypatch, tmp_path):
    from briefbook import report

    shown: list[str] = []
    monkeypatch.setattr(report, "show_html", shown.append)
    monkeypatch.setenv(report.DOWNLOADS_ENV, str(tmp_path))
    monkeypatch.setenv("BRIEFBOOK_CHART_ROWS", "3")
    chart = alt.Chart(pd.DataFrame({"x": range(4), "y": range(4)})).mark_point().encode(x="x", y="y")
    report.show_chart(chart, "chart-many", title="Four points", caption="One per day.")
    few_points = alt.Chart(pd.DataFrame({"x": range(3), "y": range(3)})).mark_point().encode(x="x", y="y")
    report.show_chart(few_points, "chart-few", title="Three points")
    many, few = shown
    assert "Not drawn: this chart would draw 4 rows" in many and "<script" not in many
    assert "Four points" in many and "One per day." in many and "chart-many.csv" in many
    assert (tmp_path / "chart-many.csv").is_file()
    assert "<script" in few and "Not drawn" not in few


def test_a_cell_lists_twenty_items_and_counts_the_rest():
    from briefbook.corpus.outlets import UNKNOWN, joined

    markup = html_table(pd.DataFrame({"reports": [[f"report {i}" for i in range(25)]]}))
    assert "report 19" in markup and "report 20" not in markup and "and 5 more" in markup
    files = joined([f"{UNKNOWN} (file {i:02d}.txt)" for i in range(23)])
    assert "19.txt" in files and "20.txt" not in files and files.endswith("and 3 more)")




def test_article_pages_are_orphans_the_table_of_contents_does_not_list():
    """Listed in _toc.yml, 500 article pages made Sphinx resolve 500 entries for every page it wrote."""
    import yaml

    from briefbook.publish.appendix import article_page

    toc = yaml.safe_dump(yaml.safe_load((Path(__file__).parents[1] / "_toc.yml").read_text(encoding="utf-8")))
    assert "articles/index" in toc and "articles/doc-" not in toc
    page = article_page(pd.Series({"doc_id": "doc-1", "file": "a.txt", "title": "A", "outlet": "", "outlet_how": "",
                                   "published": "", "published_how": "", "words": 3}),
                        pd.DataFrame(columns=["paragraph", "anchor", "role", "text"]), pd.DataFrame())
    assert page.startswith("---\norphan: true\n---\n")
