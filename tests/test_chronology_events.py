"""Events, article dates, timeline merging and conflicts, on small articles written here."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from briefbook.language.reading import CorpusReading

from briefbook.chronology import (
    article_dates, date_conflicts, extract_events, sources_chart, summary_sentences, timeline, timeline_chart,
)
from briefbook.language import dates as dates_mod
from briefbook.chronology.article_dates import DATELINE, LATEST_MENTIONED, NOT_INFERRED, SAME_HAPPENING
from briefbook.language.dates import lexicon
from briefbook.corpus import load_corpus
from briefbook.corpus.metadata import MONTHS
from briefbook.nlp import parse_corpus

WIRE = """Crowds fill the square as tax protest grows

RIVERTON, May 10, 2019 (Wire Service) - Thousands of people marched through the city centre on Thursday, two days after the council approved the new tax.

Protests first broke out on May 2, escalating into clashes with police a few days later.

The mayor will meet union leaders on Monday, a spokesman said.
"""

FOLLOW_UP = """Marchers demand repeal

Thousands of people marched through the city centre on Thursday against the new tax, organisers said.

Shops stayed closed along the route.
"""

UNDATED = """Residents worried

Officials said on Tuesday that the water was safe to drink.

Residents remain unconvinced.
"""


def _events(corpus, parsed):
    """Events as the pipeline makes them: the article dates first, then the events."""
    reading = CorpusReading(corpus, parsed)
    return extract_events(reading, article_dates(reading))


def build(tmp_path: Path, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    return corpus, parse_corpus(corpus)


def by_file(corpus, frame: pd.DataFrame, name: str) -> pd.DataFrame:
    doc_id = next(d.doc_id for d in corpus.documents if d.file == name)
    return frame[frame["doc_id"] == doc_id]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    corpus, parsed = build(tmp_path_factory.mktemp("small"), {"a.txt": WIRE, "b.txt": FOLLOW_UP, "c.txt": UNDATED})
    dates = article_dates(CorpusReading(corpus, parsed))
    events = extract_events(CorpusReading(corpus, parsed), dates)
    return corpus, parsed, dates, events


def test_each_date_gets_its_clause_and_its_resolved_day(small):
    corpus, _, _, events = small
    wire = by_file(corpus, events, "a.txt").set_index("date_text")
    assert wire.loc["Thursday", "date"] == "2019-05-09"
    assert wire.loc["Thursday", "text"].startswith("Thousands of people marched")
    assert "RIVERTON" not in wire.loc["Thursday", "text"]  # the dateline is not part of the event
    assert "approved" not in wire.loc["Thursday", "text"]  # the "two days after" clause is its own event
    assert wire.loc["two days after", "text"] == "the council approved the new tax"
    assert wire.loc["two days after", "date"] == "2019-05-07"
    assert wire.loc["May 2", "text"] == "Protests first broke out on May 2"
    assert (wire.loc["a few days later", "precision"], wire.loc["a few days later", "date"]) == ("range", "2019-05-04")
    assert wire.loc["a few days later", "how"] == dates_mod.FROM_PARAGRAPH
    assert wire.loc["Monday", "date"] == "2019-05-13" and bool(wire.loc["Monday", "planned"])


def test_rows_link_back_to_the_seed_text_and_paragraph(small):
    corpus, _, _, events = small
    texts = {d.doc_id: d for d in corpus.documents}
    for row in events.to_dict("records"):
        document = texts[row["doc_id"]]
        assert document.text[row["start"]:row["end"]] == row["text"]
        paragraph = document.paragraphs[row["paragraph"] - 1]
        assert paragraph.start <= row["start"] < paragraph.end and row["anchor"] == paragraph.anchor
    assert list(events.sort_values(["doc_id", "start"]).index) == list(events.index)


def test_undated_article_is_dated_by_the_same_happening_or_left_alone(small):
    corpus, _, dates, events = small
    follow_up = by_file(corpus, dates, "b.txt").iloc[0]
    assert (follow_up["date"], follow_up["how"]) == ("2019-05-09", SAME_HAPPENING)
    undated = by_file(corpus, dates, "c.txt").iloc[0]
    assert (undated["date"], undated["how"]) == ("", NOT_INFERRED)
    tuesday = by_file(corpus, events, "c.txt").iloc[0]
    assert tuesday["date"] == "" and bool(tuesday["unresolved"]) and tuesday["how"] == dates_mod.NO_ARTICLE_DATE
    wire = by_file(corpus, dates, "a.txt").iloc[0]
    assert (wire["how"], wire["confidence"]) == (DATELINE, "high")


def test_latest_date_mentioned_is_a_low_confidence_lower_bound(tmp_path):
    text = "Court rules on appeal\n\nThe appeal was lodged on 4 March 2020. The court heard it on April 2, 2020.\n"
    corpus, parsed = build(tmp_path, {"x.txt": text})
    row = article_dates(CorpusReading(corpus, parsed)).iloc[0]
    assert (row["date"], row["how"], row["confidence"]) == ("2020-04-02", LATEST_MENTIONED, "low")


def test_one_happening_in_two_articles_is_one_timeline_entry(small):
    corpus, _, _, events = small
    wire = by_file(corpus, events, "a.txt").set_index("date_text")
    follow_up = by_file(corpus, events, "b.txt").iloc[0]
    assert follow_up["timeline_id"] == wire.loc["Thursday", "timeline_id"]
    assert wire.loc["May 2", "timeline_id"] != wire.loc["Thursday", "timeline_id"]


def test_ids_come_from_content_so_another_article_does_not_change_them(tmp_path, small):
    corpus, _, _, events = small
    alone_corpus, alone_parsed = build(tmp_path, {"a.txt": WIRE})
    alone = _events(alone_corpus, alone_parsed)
    both = by_file(corpus, events, "a.txt")
    assert list(alone["event_id"]) == list(both["event_id"])
    kept = alone.set_index("event_id")["timeline_id"]
    assert sum(kept[e] == t for e, t in zip(both["event_id"], both["timeline_id"])) >= len(both) - 1


def make_events(rows: list[dict]) -> pd.DataFrame:
    base = {"paragraph": 1, "precision": "day", "how": "written out", "date_text": "x", "unresolved": False,
            "planned": False, "kind": "protest", "start": 0, "end": 5}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["date_end"] = frame["date_end"].fillna(frame["date"]) if "date_end" in frame else frame["date"]
    frame["anchor"] = frame["doc_id"] + "-p1"
    return frame


DOCS = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["Outlet One", "Outlet Two"], "title": ["", ""],
                     "file": ["1.txt", "2.txt"], "published": [None, None]})


def test_sources_giving_different_days_are_flagged_with_their_wording():
    events = make_events([
        {"event_id": "ev-1", "doc_id": "d1", "date": "2020-03-11", "text": "the dam gave way on March 11",
         "timeline_id": "tl-1"},
        {"event_id": "ev-2", "doc_id": "d2", "date": "2020-03-12", "text": "the dam broke on March 12",
         "timeline_id": "tl-1"},
        {"event_id": "ev-3", "doc_id": "d2", "date": "2020-03", "precision": "month", "date_end": "2020-03-31",
         "text": "rain in March", "timeline_id": "tl-3"},
        {"event_id": "ev-4", "doc_id": "d1", "date": "2020-03-20", "text": "rain stopped", "timeline_id": "tl-3"},
    ])
    entries = timeline(events, DOCS).set_index("timeline_id")
    assert bool(entries.loc["tl-1", "conflict"]) and entries.loc["tl-1", "n_sources"] == 2
    assert entries.loc["tl-1", "sources"] == "Outlet One; Outlet Two"
    assert not entries.loc["tl-3", "conflict"]  # a day inside the month another source gives agrees with it
    conflicts = date_conflicts(events, DOCS)
    assert list(conflicts["date"]) == ["2020-03-11", "2020-03-12"]
    assert set(conflicts["outlet"]) == {"Outlet One", "Outlet Two"}
    sentences = summary_sentences(events, timeline(events, DOCS))
    assert any("disagree" in s and "11 March 2020" in s and "12 March 2020" in s for s in sentences)


def test_the_timeline_s_span_ends_with_what_happened_not_with_a_plan():
    events = make_events([
        {"event_id": "ev-1", "doc_id": "d1", "date": "2020-03-11", "text": "the dam gave way on March 11",
         "timeline_id": "tl-1"},
        {"event_id": "ev-2", "doc_id": "d2", "date": "2020-03-14", "text": "the curfew will stay in force on Saturday",
         "timeline_id": "tl-2", "planned": True},
    ])
    text = " ".join(summary_sentences(events, timeline(events, DOCS)))
    assert "runs from 11 March 2020" in text and "to 11 March 2020" in text and "14 March" not in text.split(
        "runs from")[1].split(".")[0]
    assert "1 dated mention is a plan or a forecast" in text


def test_charts_encode_date_kind_and_sources(small):
    corpus, _, _, events = small
    docs = pd.DataFrame([{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file,
                          "published": d.published} for d in corpus.documents])
    spec = timeline_chart(timeline(events, docs)).to_dict()
    layers = spec["layer"]
    assert {layer["encoding"]["x"]["field"] for layer in layers} == {"start_day"}
    assert any(layer["encoding"].get("color", {}).get("field") == "kind" for layer in layers)
    assert {layer["encoding"]["y"]["field"] for layer in layers} == {"row"}, "the entries' wording is the axis"
    rows = spec["datasets"][next(iter(spec["datasets"]))]
    assert all(r["row"].split(" · ", 1)[1].startswith(r["label"][:20]) for r in rows), "each row names its entry"
    assert len({r["row"] for r in rows}) == len(rows)
    assert any(t["field"] == "sources" for t in layers[0]["encoding"]["tooltip"])
    assert sources_chart(events, docs).to_dict()["encoding"]["y"]["field"] == "source"


def test_no_word_of_the_seeds_is_written_into_the_code_or_data(seeds_parsed):
    """Proper names of the seeds (people, places, organisations) must not appear in the method."""
    general = set(MONTHS) | {w.lower() for w in lexicon().weekdays}
    names = {
        t.text.lower() for docs in seeds_parsed.values() for doc in docs for t in doc
        if t.pos_ == "PROPN" and t.is_alpha and len(t.text) > 3 and t.text.lower() not in general
        and (t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "FAC") or (t.ent_type_ == "ORG" and t.text.isupper()))
    }
    root = Path(__file__).resolve().parents[1] / "src" / "briefbook"
    sources = list((root / "chronology").glob("*.py")) + list((root / "data").glob("chronology_*.yaml"))
    words = {w.lower() for path in sources for w in re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8"))}
    assert names, "the seeds' proper names were not found"
    assert not (names & words), sorted(names & words)


def test_an_article_without_dates_gives_empty_tables_that_still_chart(tmp_path):
    corpus, parsed = build(tmp_path, {"q.txt": "A quiet day\n\nNothing happened in the town, residents said.\n"})
    events = _events(corpus, parsed)
    docs = pd.DataFrame([{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file,
                          "published": d.published} for d in corpus.documents])
    entries = timeline(events, docs)
    assert events.empty and entries.empty and date_conflicts(events, docs).empty
    assert summary_sentences(events, entries) == ["No dated events were found in the articles."]
    assert "layer" in timeline_chart(entries).to_dict()


def _one_article_events(tmp_path, text: str) -> pd.DataFrame:
    """The events of one article, by date text."""
    corpus, parsed = build(tmp_path, {"f.txt": text})
    return _events(corpus, parsed).set_index("date_text")


def test_a_count_from_a_named_happening_takes_that_happening_s_date(tmp_path):
    events = _one_article_events(tmp_path, (
        "Mill fire\n\nLORENT, Sept. 16, 2021 (Agency) - The blaze broke out on Sept. 14 in a storage area. "
        "Crews brought the fire under control on Sept. 15.\n\n"
        "The governor ordered an inquiry the day after the fire. Tuesday's fire was the worst in a decade.\n"
    ))
    assert events.loc["the day after the fire", "date"] == "2021-09-15"
    assert events.loc["the day after the fire", "how"] == dates_mod.FROM_NAMED_HAPPENING
    assert events.loc["Tuesday", "text"] == "Tuesday's fire" and events.loc["Tuesday", "date"] == "2021-09-14"


def test_a_count_after_a_named_happening_counts_forward_past_a_measure_on_its_noun(tmp_path):
    """"two days after the 12-hour blaze" is two days after the blaze (not before it), and the
    measure written on the noun does not hide the word that names the happening."""
    events = _one_article_events(tmp_path, (
        "Mill fire\n\nLORENT, Sept. 20, 2021 (Agency) - The blaze broke out on Sept. 14 in a storage area.\n\n"
        "Crews found a body two days after the 12-hour blaze. The mayor visited the site three days after the fire.\n"
    ))
    assert events.loc["two days after the 12-hour blaze", "date"] == "2021-09-16"
    assert events.loc["three days after the fire", "date"] == "2021-09-17"


def test_a_stretch_from_one_day_until_another_is_one_event_dated_by_both_ends(tmp_path):
    """"beginning Monday and ending on June 9" bounds one closure: one row from the first day to the
    last, and the Monday is the one after the Sunday article's day, since the stretch ends ahead."""
    events = _one_article_events(tmp_path, (
        "Bridge shut\n\nTARSK, June 1, 2025 (Agency) - The city ordered a closure of the old bridge beginning "
        "Monday and ending on June 9 for repairs.\n\nThe talks ran from March 2 to March 5, officials said.\n"
    ))
    assert "June 9" not in events.index and "March 5" not in events.index
    closure, talks = events.loc["Monday"], events.loc["March 2"]
    assert (closure["date"], closure["date_end"], closure["precision"]) == ("2025-06-02", "2025-06-09", "range")
    assert "beginning Monday and ending on June 9" in closure["text"]
    assert (talks["date"], talks["date_end"]) == ("2025-03-02", "2025-03-05")


def test_a_date_moved_from_one_day_to_another_is_no_stretch(tmp_path):
    events = _one_article_events(tmp_path, (
        "Vote moved\n\nTARSK, June 1, 2025 (Agency) - The council vote was moved from May 5 to May 9, "
        "officials said.\n"
    ))
    assert set(events["precision"]) == {"day"}  # the old day and the new one, no range between


DECKED = """Valley floods leave 12 missing

Rescuers are still searching for a dozen people missing since the river flooded the valley on Sunday.

{opener}

Twelve people have been missing since the river flooded the Marna valley on Sunday, officials said on Tuesday.
"""


@pytest.mark.parametrize("opener", ["Published June 4, 2019", "TARSK, Eastland", "By Ana Ruiz"])
def test_the_deck_above_the_line_a_story_opens_under_is_not_running_text(tmp_path, opener):
    events = _one_article_events(tmp_path, DECKED.format(opener=opener))
    assert len(events.loc[["Sunday"]]) == 1 and "Marna" in events.loc["Sunday", "text"]


def test_a_caption_its_credit_follows_is_not_running_text(tmp_path):
    events = _one_article_events(tmp_path, (
        "Flood toll rises\n\nTARSK, June 4, 2019 (Agency) - The river burst its banks on Sunday, officials said.\n\n"
        "Rescuers carry a boy through the water on Monday after the river rose.\n\n(Ana Ruiz / Agency)\n\n"
        "Rescuers searched the valley on Monday for the missing.\n"
    ))
    assert len(events.loc[["Monday"]]) == 1 and events.loc["Monday", "text"].startswith("Rescuers searched")


@pytest.mark.parametrize("line", ["By Tuesday, the water had fallen by a metre.", "EASTLAND"])
def test_a_sentence_opening_with_by_or_a_capitalised_word_alone_opens_no_story(tmp_path, line):
    events = _one_article_events(tmp_path, DECKED.format(opener=line))
    assert len(events.loc[["Sunday"]]) == 2


def test_a_story_s_own_credit_does_not_make_its_last_paragraph_a_caption(tmp_path):
    events = _one_article_events(tmp_path, (
        "Flood toll rises\n\nTARSK, June 4, 2019 (Agency) - The river burst its banks on Sunday, officials said.\n\n"
        "Rescuers searched the valley on Monday for the missing.\n\n(Reporting by Ana Ruiz / Agency)\n"
    ))
    assert "Monday" in events.index


def test_a_dated_line_far_down_the_page_makes_no_deck(tmp_path):
    text = DECKED.format(opener="Residents were told to stay indoors.\n\nSchools closed.\n\nRoads were shut.\n\n"
                                "Published June 4, 2019")
    events = _one_article_events(tmp_path, text)
    assert len(events.loc[["Sunday"]]) == 2


def test_the_first_hours_after_a_happening_are_its_day(tmp_path):
    """"In the initial hours after the earthquake" counts from the tremor written earlier (a near-synonym)."""
    events = _one_article_events(tmp_path, (
        "Valley tremor\n\nTARSK, Oct. 8, 2021 (Agency) - A tremor shook the Marna valley on Sunday.\n\n"
        "In the initial hours after the earthquake, neighbours pulled two children from the rubble.\n"
    ))
    assert events.loc["the initial hours after the earthquake", "date"] == "2021-10-03"


def test_a_named_happening_told_in_a_clause_of_a_dated_sentence_takes_its_date(tmp_path):
    """The collapse is told in the clause joined to Saturday's giving way, which the event leaves out:
    the sentence still dates it."""
    events = _one_article_events(tmp_path, (
        "Stand gives way\n\nTARSK, Oct. 11, 2021 (Agency) - A stand gave way at the north end on Saturday, and "
        "dozens of fans were hurt in the collapse.\n\nEngineers inspected the ground five hours after the collapse.\n"
    ))
    assert events.loc["five hours after the collapse", "date"] == "2021-10-09"


def test_a_named_happening_is_found_under_a_near_synonym(tmp_path):
    """"The explosions" name the bombings written earlier: an explosion's words are one group, and the
    claim dated later whose words say "explosions" is not what the count starts from."""
    events = _one_article_events(tmp_path, (
        "Market bombings\n\nTARSK, Oct. 8, 2021 (Agency) - Wednesday's bombings tore through the old market.\n\n"
        "A militant group said on Friday that it was behind the explosions.\n\n"
        "Officials named the dead the day after the explosions.\n"
    ))
    assert events.loc["Wednesday", "date"] == "2021-10-06"
    assert events.loc["the day after the explosions", "date"] == "2021-10-07"


def test_tables_read_back_from_csv_give_the_same_timeline(small, tmp_path):
    corpus, _, _, events = small
    docs = pd.DataFrame([{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file,
                          "published": d.published} for d in corpus.documents])
    events.to_csv(tmp_path / "events.csv", index=False)
    read = pd.read_csv(tmp_path / "events.csv")  # empty dates come back as NaN
    assert timeline(read, docs)["timeline_id"].tolist() == timeline(events, docs)["timeline_id"].tolist()
    assert summary_sentences(read, timeline(read, docs)) == summary_sentences(events, timeline(events, docs))


def test_the_summary_says_when_no_date_could_be_placed():
    events = pd.DataFrame([{
        "event_id": "ev-1", "doc_id": "d1", "paragraph": 1, "anchor": "d1-p1", "date": "", "date_end": "",
        "precision": "", "how": "unresolved.article_date", "date_text": "Wednesday", "date_start_offset": 0,
        "text": "troops moved in on Wednesday", "start": 0, "end": 10, "actor": "", "verb": "move", "kind": "other",
        "keywords": "troop move", "unresolved": True, "planned": False, "timeline_id": "tl-1"}])
    documents = pd.DataFrame([{"doc_id": "d1", "file": "a.txt", "outlet": ""}])
    text = " ".join(summary_sentences(events, timeline(events, documents)))
    assert "none of which could be placed on the calendar" in text


@pytest.mark.parametrize("sentence, date, event", [
    # circumstances after a comma and a clause telling another happening are left out
    ("Nine people drowned off the pier in Halberg on Thursday, including a ferry pilot.",
     "Thursday", "Nine people drowned off the pier in Halberg on Thursday"),
    ("There was a large police presence in Halberg on Tuesday, with barriers set up at crossroads.",
     "Tuesday", "There was a large police presence in Halberg on Tuesday"),
    ("The walkout began on May 20, after the port operator offered a small pay rise.",
     "May 20", "The walkout began on May 20"),
    ("The roadblocks stayed up on Tuesday after the police chief said calm had returned.",
     "Tuesday", "The roadblocks stayed up on Tuesday"),
    # ... but what hangs on the noun right before the comma goes on with that noun
    ("On Sunday, the council cut the fees charged to some traders, including the owners of market stalls.",
     "Sunday", "On Sunday, the council cut the fees charged to some traders, including the owners of market stalls"),
    # a participle telling the happening's result is the happening
    ("The river broke through a levee on March 12, sending water into the streets.",
     "March 12", "The river broke through a levee on March 12, sending water into the streets"),
    # ... but not one saying it caused another happening
    ("Hundreds of dockers walked off the job on Monday, sparking a wider strike across the region.",
     "Monday", "Hundreds of dockers walked off the job on Monday"),
    ("A storm hit the coast of Varna on Friday, flooding roads and triggering an evacuation of the island.",
     "Friday", "A storm hit the coast of Varna on Friday"),
])
def test_an_event_is_its_main_clause_without_what_follows_the_date(sentence, date, event):
    from briefbook.chronology.clauses import clause_for_date
    from briefbook.nlp import pipeline

    doc = pipeline()(sentence)
    start = sentence.index(date)
    clause = clause_for_date(doc, start, start + len(date), frozenset(), frozenset(), False,
                             cause_verbs=lexicon().cause_verbs)
    assert sentence[clause.start:clause.end] == event


@pytest.mark.parametrize("sentence, date, event", [
    # "a Monday's raid": the parser hangs the day on the noun as a modifier marked "'s", not a possessor
    ("Anger grew over a Monday’s raid on the offices of the union.", "Monday", "a Monday’s raid"),
    # a day inside the phrase of a noun another day names dates only that phrase
    ("Monday’s rise in the price – from 3.10 late Sunday – came as traders rushed to buy.",
     "Sunday", "from 3.10 late Sunday"),
    # an adjective completing a verb has no happening of its own: the verb's clause is the event
    ("The shops remained closed on Monday.", "Monday", "The shops remained closed on Monday"),
])
def test_a_date_dates_the_happening_word_above_it(sentence, date, event):
    from briefbook.chronology.clauses import clause_for_date
    from briefbook.nlp import pipeline

    doc = pipeline()(sentence)
    start = sentence.index(date)
    lex = lexicon()
    clause = clause_for_date(doc, start, start + len(date), lex.time_nouns, lex.future_markers, False,
                             event_nouns=lex.event_nouns)
    assert sentence[clause.start:clause.end] == event


def test_a_chain_of_alike_wordings_does_not_stretch_one_entry_over_days():
    from briefbook.chronology.timeline import assign_timelines

    def row(n, date, words):
        return {"event_id": f"ev-{n}", "doc_id": f"doc-{n}", "paragraph": 1, "date": date, "date_end": date,
                "precision": "day", "keywords": words}

    events = pd.DataFrame([
        row(1, "2031-01-02", "protest erupt square city troops"),
        row(2, "2031-01-03", "protest erupt square city troops"),  # an outlet a day off: one happening
        row(3, "2031-01-04", "protest erupt square city troops"),  # alike again, but two days from the first
    ])
    ids = assign_timelines(events, {})
    assert len(set(ids)) == 2  # two of them, a day apart, are one entry; never all three
    for entry in set(ids):
        days = [dt.date.fromisoformat(d) for d, i in zip(events["date"], ids) if i == entry]
        assert (max(days) - min(days)).days <= 1


NEXT_DAY = """Marchers count the cost

Thousands of people marched through the city centre on Thursday against the new tax, organisers said.

The marchers' own count was published early Friday, a spokesman said.
"""


def test_a_lead_s_weekday_names_the_happening_and_a_later_weekday_the_article_s_day(tmp_path):
    """The lead dates what it matched (Thursday's march); the article reports it on that day or after,
    and "early Friday" says after. A weekday further on than three days is not pulled in."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": NEXT_DAY})
    dates = article_dates(CorpusReading(corpus, parsed))
    follow_up = by_file(corpus, dates, "b.txt").iloc[0]
    assert (follow_up["date"], follow_up["how"]) == ("2019-05-10", SAME_HAPPENING)


LATER_BODY = """Shops count the cost

Shopkeepers along the route counted their losses, a trade group said on Saturday.

The group speaks for more than two hundred small businesses in the old town and its suburbs.

Thousands of people marched through the city centre on Thursday against the new tax.
"""


def test_a_later_sentence_whose_weekday_agrees_with_a_dated_happening_bounds_the_article(tmp_path):
    """The lead matches nothing; the body's "Thursday" march is the one another article dates
    (9 May), so the article is from that day on, and its "on Saturday" makes it the 11th."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": LATER_BODY})
    dates = article_dates(CorpusReading(corpus, parsed))
    later = by_file(corpus, dates, "b.txt").iloc[0]
    assert (later["date"], later["how"]) == ("2019-05-11", SAME_HAPPENING)


DECKED_FOLLOW_UP = """Marchers count the cost

Organisers will hold another march on Sunday, a spokesman said.

RIVERTON, Eastland

Thousands of people marched through the city centre on Thursday against the new tax, organisers said.
"""


def test_a_weekday_of_the_deck_does_not_move_the_article_s_date(tmp_path):
    """The deck is not running text (its plan to march "on Sunday" is no event), so its weekday is
    no day the article was written after either: the article is from the Thursday it matched."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": DECKED_FOLLOW_UP})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert by_file(corpus, dates, "b.txt").iloc[0]["date"] == "2019-05-09"


def test_a_weekday_named_last_is_before_the_article_s_day(tmp_path):
    """The march matched is Thursday 9 May; "last Saturday" names a day the article is written after,
    not on (on that day it would say "today"), so the article is from Sunday 12 May at the earliest."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": FOLLOW_UP.replace(
        "Shops stayed closed along the route.", "Police made more arrests last Saturday.")})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert by_file(corpus, dates, "b.txt").iloc[0]["date"] == "2019-05-12"


def test_a_plain_weekday_beside_the_same_weekday_named_last_is_a_week_later(tmp_path):
    """The march matched is Thursday 9 May. "Last Friday" and a plain "Friday" in one article are two
    Fridays: the shops shut on the 10th, and the council met on the 17th, the article's day."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": FOLLOW_UP.replace(
        "Shops stayed closed along the route.",
        "Shops stayed closed last Friday. The council met again on Friday to discuss the tax.")})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert by_file(corpus, dates, "b.txt").iloc[0]["date"] == "2019-05-17"


def test_a_weekday_inside_a_plan_does_not_move_the_article_s_date(tmp_path):
    """"Will stay shut Friday and Saturday" plans both days: the Saturday, inside the plan's clause,
    is no day the article was written after, even beside "last Saturday" (the 11th, so the 12th)."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": FOLLOW_UP.replace(
        "Shops stayed closed along the route.",
        "Police made more arrests last Saturday. Shops will stay closed Friday and Saturday, the council said.")})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert by_file(corpus, dates, "b.txt").iloc[0]["date"] == "2019-05-12"


RAID = """Rebels raid depot

TARSK, May 10, 2019 (Agency) - Rebels raided the fuel depot outside the city on Thursday, officials said.
"""
RAID_RECALLED = """Survivors recall the raid

Survivors of Thursday's raid described hours of gunfire, smoke and shouting, with guards, drivers, clerks and cooks \
hiding in sheds, ditches and lorries until soldiers arrived from the nearby barracks.

Relatives gathered outside the hospital.
"""


def test_a_long_lead_sentence_is_matched_by_the_happening_its_date_states(tmp_path):
    """The lead's long sentence is unlike the raid report as a whole; "Thursday's raid", the event its
    weekday states, is the news peg, and it matches the raid another article dates on Thursday 9 May."""
    corpus, parsed = build(tmp_path, {"a.txt": RAID, "b.txt": RAID_RECALLED})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert tuple(by_file(corpus, dates, "b.txt").iloc[0][["date", "how"]]) == ("2019-05-09", SAME_HAPPENING)


def _wire_events_with(tmp_path, last_paragraphs: str) -> pd.DataFrame:
    """The events of the wire story with its last paragraph replaced, by date text."""
    corpus, parsed = build(tmp_path, {"a.txt": WIRE.replace(
        "The mayor will meet union leaders on Monday, a spokesman said.", last_paragraphs)})
    return _events(corpus, parsed).set_index("date_text")


def test_an_infinitive_under_a_verb_that_looks_forward_is_a_plan(tmp_path):
    events = _wire_events_with(tmp_path, "A plane will be sent to fly the injured home on Sunday, a spokesman said.")
    assert bool(events.loc["Sunday", "planned"])


def test_a_day_written_on_a_happening_noun_dates_that_noun_phrase(tmp_path):
    events = _wire_events_with(
        tmp_path,
        "Some traders have responded bitterly to the Tuesday raid.\n\n"
        "A citywide power blackout since Wednesday has slowed deliveries.\n\n"
        "Forty people died when a violent storm struck the province Sunday.")
    assert events.loc["Tuesday", "text"] == "the Tuesday raid"
    assert events.loc["Wednesday", "text"] == "A citywide power blackout since Wednesday"
    assert events.loc["Sunday", "text"] == "a violent storm struck the province Sunday"


def test_an_opening_participle_dates_its_main_clause_and_due_to_a_noun_is_no_plan(tmp_path):
    events = _wire_events_with(
        tmp_path,
        "Speaking at the funeral of the victims on Wednesday, the mayor warned that the tax would stay.\n\n"
        "In a statement published Tuesday, the union said its members would march again.\n\n"
        "Thursday's jump in the count, from 400 late Monday, was due to marchers arriving from the suburbs.")
    assert events.loc["Wednesday", "text"].startswith("Speaking at the funeral") \
        and events.loc["Wednesday", "text"].endswith("the tax would stay")
    assert events.loc["Tuesday", "text"].endswith("its members would march again")
    assert (events.loc["Monday", "date"], bool(events.loc["Monday", "planned"])) == ("2019-05-06", False)


def test_an_opening_clause_of_another_happening_is_cut_but_not_a_place(tmp_path):
    events = _wire_events_with(
        tmp_path,
        "As the strike turned bitter, the council closed the schools on Sunday.\n\n"
        "In the old town, police fired tear gas on Monday.")
    assert events.loc["Sunday", "text"] == "the council closed the schools on Sunday"
    assert events.loc["Monday", "text"] == "In the old town, police fired tear gas on Monday"


def test_a_date_under_including_dates_the_clause_it_is_part_of(tmp_path):
    events = _wire_events_with(tmp_path, "Police have detained over 300 people, including 40 on Monday.")
    assert events.loc["Monday", "text"] == "Police have detained over 300 people, including 40 on Monday"


OWN_DAY = """Police fire on marchers

Police fired on marchers in the old town on Tuesday (May 7), a spokesman said.

Thousands of people marched through the city centre against the new tax.
"""


def test_a_lead_that_writes_its_own_day_is_dated_by_it_not_by_a_sentence_like_another_article_s(tmp_path):
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": OWN_DAY})
    dates = article_dates(CorpusReading(corpus, parsed))
    own = by_file(corpus, dates, "b.txt").iloc[0]
    assert (own["date"], own["how"]) == ("2019-05-07", LATEST_MENTIONED)


def test_a_day_after_the_article_s_own_is_still_to_come(tmp_path):
    events = _wire_events_with(tmp_path, "Schools stay shut until May 16, officials said. Buses leave tomorrow morning.")
    assert bool(events.loc["May 16", "planned"]) and bool(events.loc["tomorrow", "planned"])


BACKGROUND = """Suspect named

The organiser crossed the border on March 19 and was taken to the capital, the ministry said.

Its second notice about the marches was published on Thursday.
"""


def test_a_lower_bound_that_puts_an_article_before_the_whole_corpus_is_no_date(tmp_path):
    corpus, parsed = build(tmp_path, {"a.txt": WIRE, "b.txt": BACKGROUND})
    dates = article_dates(CorpusReading(corpus, parsed))
    assert by_file(corpus, dates, "b.txt").iloc[0]["how"] == NOT_INFERRED


def test_time_axes_tick_whole_days_weeks_or_months_over_the_span():
    from briefbook.chronology.charts import _ticks

    def ticks(first, last):
        return _ticks(pd.Series([first]), pd.Series([last]))

    assert ticks("2029-03-13", "2029-03-16") == {"interval": "day", "step": 1}
    assert ticks("2022-01-02", "2022-02-10") == {"interval": "day", "step": 7}
    assert ticks("2022-01-02", "2022-06-30") == {"interval": "week", "step": 5}
    assert ticks("2020-01-01", "2024-07-01")["interval"] == "month"


def test_a_timeline_row_is_labelled_as_precisely_as_its_date():
    from briefbook.chronology.charts import _plottable, _row_labels

    entries = pd.DataFrame({"timeline_id": ["t1", "t2", "t3"], "date": ["2022-01", "2022-01-04", "2022-01-04"],
                            "date_end": ["", "", ""], "label": ["unrest in January", "protests spread", "protests spread"]})
    assert _row_labels(_plottable(entries)) == ["Jan 2022 · unrest in January", "4 Jan · protests spread",
                                                "4 Jan · protests spread (2)"]


def test_a_kind_of_happening_has_one_colour_in_every_chart(small):
    corpus, _, _, events = small
    docs = pd.DataFrame([{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file,
                          "published": d.published} for d in corpus.documents])
    timeline_spec = timeline_chart(timeline(events, docs)).to_dict()
    sources_spec = sources_chart(events, docs).to_dict()
    scales = [timeline_spec["layer"][0]["encoding"]["color"]["scale"], sources_spec["encoding"]["color"]["scale"]]
    assert scales[0] == scales[1] and scales[0]["domain"][-1] == "other"


def test_a_span_is_shown_by_both_its_days_never_its_first_alone():
    """"in early March" stored as its first day would be quoted as the day it happened."""
    from briefbook.chronology.labels import when, with_when

    assert when("2031-03-01", "2031-03-10") == "2031-03-01 to 2031-03-10"
    assert when("2031-03-16", "2031-03-16") == "2031-03-16"
    assert when("2031-03", "2031-03-31") == "2031-03"  # a month says its span itself
    assert when("", "") == ""
    frame = pd.DataFrame({"date": ["2031-03-01", "2031-03-16", ""], "date_end": ["2031-03-07", "", None]},
                         index=[5, 7, 9])
    assert with_when(frame)["when"].tolist() == ["2031-03-01 to 2031-03-07", "2031-03-16", ""]
