"""The front page's brief: figures, key dates and claims an analyst quotes, from invented tables and the seeds."""

from __future__ import annotations

import datetime as dt
import html
import re

import pandas as pd
import pytest

from briefbook.briefing import facts, key_claims, key_dates, story_span
from briefbook.corpus.outlets import source_name
from briefbook.extract import read_tables
from briefbook.figures import reconcile
from briefbook.figures.summary import day_words, range_words


def _figure(fid, doc, low, high, day, category="killed", who="people", attribution="", text=None):
    return {"figure_id": fid, "doc_id": doc, "file": f"{doc}.txt", "outlet": "", "paragraph": 2,
            "anchor": f"{doc}-p2", "start": 0, "end": 1, "text": text or str(low), "category": category,
            "who": who, "low": low, "high": high, "qualifier": "none", "attribution": attribution,
            "reported_on": dt.date(2001, 1, day), "counted": "people", "part_of": "", "vague": False}


def _documents(outlets: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d, "outlet": o, "title": "", "file": f"{d}.txt", "published": None}
                         for d, o in outlets.items()])


DOCUMENTS = _documents({"a": "Wire One", "b": "Daily Two", "c": ""})


@pytest.fixture
def invented():
    figures = pd.DataFrame([
        _figure("f1", "a", 40, 40, 2), _figure("f2", "b", 52, 52, 3, attribution="the health ministry"),
        _figure("f3", "c", 50, None, 3), _figure("f4", "c", 3, 3, 3, who="children"),
        _figure("f5", "b", 12, 12, 3, category="detained"),
    ]).astype({"low": "Int64", "high": "Int64"})
    return figures, reconcile(figures, DOCUMENTS)


def test_the_toll_leads_with_its_best_figure_range_source_and_date(invented):
    figures, reconciled = invented
    toll = facts(figures, reconciled, DOCUMENTS)[0]
    assert (toll.label, toll.value) == ("People killed", "52")
    assert "range 40 to 52 (3 standing reports)" in toll.details
    assert "credited to the health ministry; reported in Daily Two" in toll.details
    assert "as of 3 January 2001" in toll.details
    assert any("children killed: 3" in d for d in toll.details)
    assert toll.href == "casualties.html#killed-people" and toll.evidence == "articles/b.html#b-p2"


def test_each_kind_of_figure_the_tables_have_and_only_those(invented):
    figures, reconciled = invented
    assert [f.label for f in facts(figures, reconciled, DOCUMENTS)] == ["People killed", "People detained"]


def test_a_source_without_an_outlet_is_named_as_a_file_of_unknown_outlet(invented):
    figures, reconciled = invented
    only_c = figures[figures["doc_id"] == "c"]
    toll = facts(only_c, reconcile(only_c, DOCUMENTS), DOCUMENTS)[0]
    assert "reported in outlet unknown (file c.txt)" in toll.details


def _entries(*rows):
    return pd.DataFrame([{"timeline_id": t, "date": d, "date_end": d if len(d) == 10 else d + "-28",
                          "label": f"happening {t}", "n_sources": n} for t, d, n in rows])


def test_key_dates_are_the_ends_and_the_most_reported_between_them_within_the_story():
    entries = _entries(("t0", "1990-05-01", 1), ("t1", "2001-01-02", 1), ("t2", "2001-01-03", 4),
                       ("t3", "2001-01-04", 1), ("t4", "2001-01-05", 2), ("t5", "2001-01-09", 1))
    events = pd.DataFrame({"timeline_id": ["t5"], "planned": [True]})  # a forecast dates nothing
    span = story_span([dt.date(2001, 1, 4), dt.date(2001, 1, 8)])
    chosen = key_dates(entries, events, span)
    assert [d.href.rsplit("#", 1)[1] for d in chosen] == ["t1", "t2", "t4"]
    assert chosen[1].day == "3 January 2001" and chosen[1].sources == "4 sources"


def test_a_key_date_read_as_a_range_is_shown_as_the_range():
    entries = _entries(("t1", "2001-01-02", 1), ("t2", "2001-01-08", 1)).assign(
        precision=["range", "day"], date_end=["2001-01-07", "2001-01-08"])
    chosen = key_dates(entries, pd.DataFrame({"timeline_id": [], "planned": []}), None)
    assert [d.day for d in chosen] == ["2\u20137 January 2001", "8 January 2001"]


def test_the_claims_most_carried_come_first_at_most_two_a_speaker():
    claims = pd.DataFrame([
        {"claim_id": f"c{i}", "speaker": s, "n_outlets": n, "n_origins": n, "origins": "A; B", "n_statements": n,
         "outlets": "A; B", "wording": "w " * 60}
        for i, (s, n) in enumerate([("Ann", 4), ("Ann", 3), ("Ann", 3), ("Bo", 2), ("unattributed", 5), ("Cy", 1)])])
    chosen = key_claims(claims)
    assert [c.speaker for c in chosen] == ["Ann", "Ann", "Bo"]
    assert "unattributed" not in [c.speaker for c in chosen]
    assert chosen[0].wording.endswith("…") and chosen[0].href == "claims.html#c0"


def test_reprints_of_one_wire_story_count_as_one_origin(tmp_path):
    """Three outlets reprinting one credited wire story carry a claim once; two outlets reporting it
    independently carry it twice, and rank first."""
    from test_syndication import WIRE, _write

    from briefbook.claims import claims_table
    from briefbook.corpus import load_corpus
    from briefbook.pipeline import extract

    said = "Mayor Tomas Reyes said the town would rebuild the levee before winter."
    _write(tmp_path, "w1.txt", "Levee breaks", [*WIRE, said], top="MARLOW BEND (AP) — Floods kill 14.")
    _write(tmp_path, "w2.txt", "Levee fails", [*WIRE[:4], said])
    _write(tmp_path, "w3.txt", "Town flooded", [*WIRE[1:5], said])
    own = "Mayor Tomas Reyes said the regional office had ignored warnings about the levee."
    _write(tmp_path, "x.txt", "Anger in Marlow Bend", ["Residents gathered at the school gym on Wednesday.", own])
    _write(tmp_path, "y.txt", "Questions over warnings", ["The inquiry will begin next month.", own])
    tables = extract(load_corpus(tmp_path)).tables
    claims = claims_table(tables["statements"], tables["documents"]).set_index("wording")
    rebuild = claims.loc[[w for w in claims.index if "rebuild" in w][0]]
    assert (rebuild.n_outlets, rebuild.n_origins, rebuild.origins) == (3, 1, "AP, reprinted by 3")
    chosen = key_claims(claims.reset_index())
    assert "ignored warnings" in chosen[0].wording
    carried = next(c.outlets for c in chosen if "rebuild" in c.wording)
    assert carried.startswith("carried by 3 outlets, one origin: AP, reprinted by 3")
    # the words shown are one outlet's; the others carry the claim, perhaps otherwise worded
    assert carried.endswith(f"; these words from {rebuild.wording_outlet}") and rebuild.wording_outlet


def test_a_reported_claim_is_never_shown_in_quotation_marks(monkeypatch):
    from briefbook import report

    pages = []
    monkeypatch.setattr(report, "show_html", pages.append)

    claims = pd.DataFrame([{"claim_id": "c0", "speaker": "Ann", "n_outlets": 2, "n_origins": 2, "n_statements": 2,
                            "outlets": "A; B", "origins": "A; B", "wording": "at least 700 pilgrims were killed",
                            "kind": "reported"},
                           {"claim_id": "c1", "speaker": "Bo", "n_outlets": 2, "n_origins": 2, "n_statements": 2,
                            "outlets": "A; B", "origins": "A; B", "wording": "we will rebuild", "kind": "direct"}])
    chosen = key_claims(claims)
    assert [c.quoted for c in chosen] == [False, True]
    report.show_key_claims(chosen)
    shown = "".join(pages)
    assert "\u201cat least 700" not in shown and "(reported): at least 700" in shown and "\u201cwe will rebuild" in shown


@pytest.mark.book
def test_the_seeds_front_page_states_the_toll_with_its_range_sources_and_date(built_site):
    """Read against the build's own tables: whatever the seeds say, the front page says it first."""
    folder = next(p for p in (built_site.parent / "cache").iterdir() if (p / "COMPLETE").is_file())
    tables = read_tables(folder)
    reconciled = reconcile(tables["figures"], tables["documents"])
    killed = reconciled[(reconciled["category"] == "killed") & (reconciled["who"] == "people")].iloc[0]
    best = tables["figures"].set_index("figure_id").loc[killed["best_figure_id"]]
    outlet = tables["documents"].set_index("doc_id").loc[best["doc_id"]]
    page = (built_site / "book" / "intro.html").read_text(encoding="utf-8")
    box = html.unescape(re.sub(r"<[^>]+>", " ", re.search(r'<table class="briefbook-infobox".*?</table>', page, re.S)[0]))
    box = " ".join(box.split())
    assert box.startswith(f"People killed {killed['best']:,}")
    assert f"range {range_words(killed['low'], killed['high'])}" in box
    assert f"reported in {source_name(outlet['outlet'], outlet['file'])}" in box
    assert f"as of {day_words(killed['best_reported_on'])}" in box
    assert page.index("briefbook-infobox") < page.index('id="the-corpus-at-a-glance"')
    assert f'href="casualties.html#{killed["group_id"].replace("/", "-")}"' in page


def test_the_front_page_says_when_no_claim_is_carried_by_more_than_one_outlet(monkeypatch):
    from briefbook import report

    shown = []
    monkeypatch.setattr(report, "show_html", shown.append)
    claims = pd.DataFrame([{"claim_id": f"c{i}", "speaker": s, "n_outlets": 1, "n_origins": 1, "origins": "A",
                            "n_statements": 1, "outlets": "A", "wording": "w", "kind": "direct"}
                           for i, s in enumerate(["Ann", "Bo", "Cy"])])
    report.show_key_claims(key_claims(claims))
    assert "No claim is carried by more than one outlet" in "".join(shown)
    shown.clear()
    report.show_key_claims(key_claims(claims.assign(n_outlets=[2, 1, 1], n_origins=[2, 1, 1])))
    assert "No claim is carried" not in "".join(shown)


def test_the_front_page_counts_only_events_placed_on_the_calendar(tmp_path):
    from briefbook.corpus import load_corpus
    from briefbook.findings import headline_numbers, headline_sentence
    from briefbook.pipeline import extract

    (tmp_path / "a.txt").write_text("Floods in the valley\n\nRescuers arrived on Tuesday, officials said.\n",
                                    encoding="utf-8")
    tables = extract(load_corpus(tmp_path)).tables
    assert len(tables["events"]) == 1 and (tables["events"]["date"] == "").all()
    numbers = headline_numbers(tables)
    assert (numbers["n_events"], numbers["n_entries"]) == (0, 0)
    assert "0 dated events make 0 entries of the timeline" in headline_sentence(numbers)


def test_a_chart_s_source_line_credits_an_outlet_only_with_its_own_articles():
    import pandas as pd

    from briefbook.report import source_line

    some = source_line(pd.DataFrame({"outlet": ["Wire One", None, ""]}))
    assert some.startswith("3 news articles (1 from Wire One, 2 whose outlet the text does not name)")
    assert source_line(pd.DataFrame({"outlet": ["Wire One", "Wire Two"]})).startswith("2 news articles from Wire One, Wire Two,")
    assert source_line(pd.DataFrame({"outlet": [None]})).startswith("1 news article whose outlet the text does not name")


def test_reports_that_agree_within_one_article_are_not_called_agreement():
    from briefbook.briefing import spread

    assert spread(14, 14, 3, 4, articles=1) == "range 14 (3 standing reports of 4, all in one article)"
    assert spread(14, 14, 3, 4, articles=2) == "range 14 (3 standing reports of 4 agree)"
