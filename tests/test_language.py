"""The shared language layer on invented published-copy furniture: datelines, full names, dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace

import pandas as pd
import pytest
from spacy.tokens import Span

from briefbook.corpus import load_corpus
from briefbook.corpus.metadata import dateline_end
from briefbook.language.names import written_in_full
from briefbook.nlp import pipeline
from briefbook.pipeline import extract


@pytest.mark.parametrize("text, rest", [
    ("OSTRAVA, Veldonia — Troops moved in", "Troops moved in"),
    ("VELDA (Agencia) – The ministry said", "The ministry said"),
    ("Port Amel, Veldonia - The group said", "The group said"),
    ("KERRIN: The police said", "The police said"),
    ("HALBERG // Survivors described", "Survivors described"),
    ("SALTON, March 3 (Wirenews) - Rescuers said", "Rescuers said"),
])
def test_a_wire_dateline_is_found_in_its_published_forms(text, rest):
    assert text[dateline_end(text):] == rest


@pytest.mark.parametrize("text", [
    "Police - who had arrived late - said nothing.",
    "The high court trims the levy – a ruling.",
    "Veldonia: a country in crisis",
])
def test_a_sentence_that_only_looks_like_one_has_no_dateline(text):
    assert dateline_end(text) == 0


def test_a_surname_is_matched_to_the_full_name_the_articles_write():
    doc = pipeline()("Pilgrim leader Tomas Verhaegen spoke first. Interior Minister Ilse van Dorn-Marek arrived. "
                     "Later Verhaegen said the gates were shut.")
    found = written_in_full(["Verhaegen", "Dorn-Marek"], [doc])
    assert found["Tomas Verhaegen"] >= 1
    assert not any(name.startswith(("Interior", "Minister")) for name in found)


def _write(tmp_path, text: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return extract(load_corpus(tmp_path)).tables


def _speakers(tmp_path, text: str) -> list[str]:
    """The speakers of one invented article's statements, in reading order."""
    return list(_write(tmp_path, text)["statements"]["speaker"])


def test_a_dateline_is_never_a_speaker(tmp_path):
    tables = _write(tmp_path, "Unrest in Veldonia\n\nPort Amel, Veldonia - The rebel council said on Tuesday that "
                              "it had taken the airport.\n")
    speakers = set(tables["statements"]["speaker"])
    assert speakers and not speakers & {"Port Amel", "Veldonia", "Port Amel, Veldonia"}


def test_a_speaker_named_by_surname_takes_the_full_name_written_in_the_lead(tmp_path):
    assert list(_speakers(tmp_path, "Crush at the gate\n\nThe pilgrim Tomas Verhaegen was near the gate when it closed.\n\n"
                                    "\u201cEveryone was pushing towards the exit,\u201d Verhaegen said.\n")) == ["Tomas Verhaegen"]


@pytest.mark.parametrize("speaker, nationality, shown", [
    (("unknown", "unknown"), "Veldonian", "unattributed"),
    (("reports", "group"), "Veldonian", "unattributed"),
    (("testimonies", "group"), "Veldonian", "unattributed"),
    (("Veldonian", "group"), "Veldonian", "unattributed"),
    (("government", "group"), "Veldonian", "Veldonian government"),
    (("Officials", "group"), "Veldonian", "Veldonian officials"),
    (("police", "group"), None, "unattributed"),
    (("flood crush", "org"), None, "unattributed"),
    (("health ministry", "org"), None, "health ministry"),
    (("Ana Ruiz", "person"), "Veldonian", "Ana Ruiz"),
    (("Rebels Claim Port Attack, Clues Point North", "org"), None, "unattributed"),
    (("Ana Ruiz 丨Wirenews", "person"), None, "unattributed"),
    (("flood crush", "person"), None, "unattributed"),
    (("Health Ministry of Veldonia", "org"), None, "Health Ministry of Veldonia"),
    (("Veldonia speaks of a \u201ccoup\u201d and Ruiz", "org"), None, "unattributed"),
])
def test_a_speaker_the_report_cannot_name_is_unattributed(speaker, nationality, shown):
    from briefbook.language.attribution import Speaker, vetted

    assert vetted(Speaker(*speaker), nationality).canonical == shown


def test_an_article_is_about_the_country_it_names_most(tmp_path):
    from briefbook.language.attribution import nationality_of

    docs = [pipeline()("Veldonian police fired on crowds in Port Amel. Veldonia's president spoke. "
                       "A Veldonian minister resigned.")]
    assert nationality_of(docs) in ("Veldonia", "Veldonian")


def test_a_nation_named_in_passing_is_not_the_country_of_an_article_about_another(tmp_path):
    from briefbook.language.attribution import nationality_of

    def ents(*pairs):  # the entities a parse of the article finds, as (text, label)
        return SimpleNamespace(ents=[SimpleNamespace(text=t, label_=label) for t, label in pairs])

    # an article about Veldonia (named seven times, its demonym never written) that mentions a war against
    # Ostrava ("Ostravan forces"): Ostrava is a nation with a demonym, but not the article's country
    about = [("Veldonia", "GPE")] * 7 + [("Ostrava", "GPE"), ("Ostravan", "NORP")]
    assert nationality_of([ents(*about)], Counter({"Ostravan": 1})) is None
    # named as often as the article's other places, the nation with a demonym is its country
    assert nationality_of([ents(*about[2:], ("Ostrava", "GPE"))], Counter({"Ostravan": 1})) == "Ostravan"


def test_a_bare_state_body_takes_the_nationality_of_its_article(tmp_path):
    tables = _write(tmp_path, "Crackdown in Veldonia\n\nVeldonian students marched in Port Amel on Monday. "
                              "The Veldonian army was deployed across Veldonia.\n\n"
                              "The government said the curfew would stay in place.\n")
    assert "Veldonian government" in set(tables["statements"]["speaker"])


def test_a_dateline_with_region_and_dash_dates_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Siege ends\n\nHALBERG, Veldonia, Mar 5 – At least 40 people were killed in "
                                    "Thursday's attack, officials said. It is the worst attack since 2009.\n",
                                    encoding="utf-8")
    document = load_corpus(tmp_path).documents[0]
    assert (document.published.month, document.published.day) == (3, 5)


def test_a_dated_line_under_the_title_dates_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Grief grips the valley\nWirenews, March 6, 2026 Adjust font size:\n"
                                    "Grief has gripped the valley after the attack on Thursday.\n", encoding="utf-8")
    assert load_corpus(tmp_path).documents[0].published.isoformat() == "2026-03-06"


def test_a_weekday_deep_in_the_text_that_falls_just_before_the_latest_date_does_not_move_the_article(tmp_path):
    # "March 6, 2026" (a Friday) is the latest day written; "Thursday" in the third paragraph is March 5,
    # the day of the attack, not March 12.
    (tmp_path / "a.txt").write_text(
        "Mourning in Halberg\n\nThe valley mourned the dead of the attack.\n\n"
        "Schools closed on March 6, 2026 across the valley, the ministry said.\n\n"
        "The gunmen struck the college on Thursday before dawn.\n", encoding="utf-8")
    dates = extract(load_corpus(tmp_path)).tables["article_dates"]
    assert dates["date"].iloc[0] == "2026-03-06"


def test_a_year_the_text_looks_ahead_to_is_not_the_year_of_the_news():
    from briefbook.corpus.metadata import bare_years_in, corpus_year

    text = "He claimed the president wanted a boost ahead of 2027 elections. The 2019 vote was disputed."
    assert bare_years_in(text) == [2019]
    assert corpus_year(["Troops moved in ahead of 2027 elections."]) is None


def test_a_statement_the_page_cut_off_mid_word_is_no_statement(tmp_path):
    tables = _write(tmp_path, "Talks fail\n\n\u201cWe will not sign,\u201d Ana Ruiz said.\n\n"
                              "The minister told reporters that more t")
    assert "more t" not in set(tables["statements"]["text"])
    assert len(tables["statements"]) == 1


def test_a_site_notice_is_boilerplate_and_dates_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("Flood in Halberg\n\nSince July 1, 2031, we have disabled all ads on our site.\n\n"
                                    "The river burst its banks on Tuesday, officials said.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert any("disabled all ads" in r.text for r in corpus.documents[0].removed)
    events = extract(corpus).tables["events"]
    assert not any(str(d).startswith("2031") for d in events["date"])


@pytest.mark.parametrize("line, stamp", [
    ("Wirenews, March 6, 2026 Adjust font size:", True),
    ("Thursday March 05 2026", True),
    ("By Petar Iliev | 6 March 2026", True),
    ("| Sunday, Aug. 3, 2031, 11:22 p.m.", True),
    ("Schools closed on March 6, 2026 across the valley.", False),
    ("On March 6, 2026 the gunmen attacked", False),
    ("Gunmen stormed the depot at dawn on March 5, 2026 and killed", False),
])
def test_a_date_stamp_line_is_told_from_a_sentence(line, stamp):
    from briefbook.corpus.metadata import is_date_line

    assert is_date_line(line) is stamp


def test_a_date_stamp_line_is_no_event(tmp_path):
    (tmp_path / "a.txt").write_text("Grief in Halberg\nWirenews, March 6, 2026 Adjust font size:\n"
                                    "Gunmen attacked the college on Thursday, police said.\n", encoding="utf-8")
    events = extract(load_corpus(tmp_path)).tables["events"]
    assert list(events["date_text"]) == ["Thursday"] and events["date"].iloc[0] == "2026-03-05"


@pytest.mark.parametrize("line, date", [
    ("Wirenews | Updated: 2031-01-04 21:39", "2031-01-04"),
    ("Published: 4 January 2031", "2031-01-04"),
    ("By: A Wire | Halberg | Published on:August 6, 2031 12:46 pm", "2031-08-06"),
    ("AWN Published January 4, 2031 Updated January 4, 2031 10:41pm", "2031-01-04"),
])
def test_a_machine_written_date_stamp_dates_the_article(tmp_path, line, date):
    from briefbook.corpus.metadata import is_date_line

    from briefbook.corpus.metadata import is_publication_line

    (tmp_path / "a.txt").write_text(f"Blasts in Halberg\n{line}\nTwo blasts struck the square on Wednesday.\n",
                                    encoding="utf-8")
    assert load_corpus(tmp_path).documents[0].published.isoformat() == date
    assert is_date_line(line) or is_publication_line(line)
    events = extract(load_corpus(tmp_path)).tables["events"]
    assert list(events["date_text"]) == ["Wednesday"]


def test_a_sentence_that_says_what_was_updated_is_no_publication_line():
    from briefbook.corpus.metadata import is_publication_line

    assert not is_publication_line("Officials updated the toll on August 4, 2031")


def test_history_cited_by_month_does_not_give_an_undated_article_its_year(tmp_path):
    # b.txt writes no day's date with a year; its only year is history ("in January 2027"). The same
    # story from a dated outlet lends the year, so "January 19" is 2031, not 2027.
    story = ("Police in Halberg arrested eleven suspects over the fire at the harbour warehouse "
             "beside the old customs house, the interior ministry said. ")
    (tmp_path / "a.txt").write_text(f"Arrests after fire\nWirenews | Updated: 2031-01-12 09:10\n{story}\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        f"More arrests after fire\n\n{story}The warehouse was first damaged by a flood in January 2027.\n\n"
        "Police said on January 19 that two more suspects were held.\n", encoding="utf-8")
    tables = extract(load_corpus(tmp_path)).tables
    files = {d.doc_id: d.file for d in load_corpus(tmp_path).documents}
    dates = {files[r["doc_id"]]: r["date"] for r in tables["article_dates"].to_dict("records")}
    assert dates["b.txt"] == "2031-01-19"


def test_a_lead_weekday_one_day_before_the_written_day_is_that_day_before(tmp_path):
    # June 9, 2025 is a Monday: the lead's "Sunday" is June 8, not June 15.
    (tmp_path / "a.txt").write_text(
        "Flood in the valley\n\nA flash flood swept through the river valley on Sunday, killing dozens of "
        "villagers and washing away bridges.\n\nBy June 9, 2025 rescuers had reached the worst-hit villages.\n",
        encoding="utf-8")
    dates = extract(load_corpus(tmp_path)).tables["article_dates"]
    assert dates["date"].iloc[0] == "2025-06-09"


def test_names_lose_ranks_and_photo_credits_and_keep_their_particles():
    from briefbook.language.names import clean_name, merge_names, same_person

    assert clean_name("Maj. Gen. Ivo al-Marek") == "Ivo al-Marek"
    assert clean_name("Ana Ruiz 丨Wirenews") == "Ana Ruiz"
    assert same_person("al-Marek", "Ivo al-Marek")
    canonical = merge_names(Counter({"Ivo al-Marek": 2, "al-Marek": 1, "Tarek bin Halun": 1, "Tarek": 2}),
                            Counter(), {})
    assert canonical[("person", "al-Marek")] == "Ivo al-Marek"
    assert canonical[("person", "Tarek")] == "Tarek bin Halun"


@pytest.mark.parametrize("kind", ["place", "org"])
def test_a_lone_surname_the_tagger_took_for_a_place_or_an_organisation_is_the_person(kind):
    from briefbook.language.attribution import Names, _speaker
    from briefbook.language.names import Mention, RoleBook

    names = Names(RoleBook(), {("person", "Tomas Verhaegen"): "Tomas Verhaegen"}, {})
    speaker = _speaker(Mention("Verhaegen", kind, "Verhaegen"), names, [], {})
    assert (speaker.canonical, speaker.kind) == ("Tomas Verhaegen", "person")
    assert _speaker(Mention("Halberg", kind, "Halberg"), names, [], {}).kind == kind


def test_an_organisation_s_spellings_and_its_name_in_full_are_one_organisation():
    from briefbook.language.names import merge_names

    canonical = merge_names(Counter(), Counter({"Al-Shirqa": 2, "Al Shirqaa": 1, "U.S. Survey Office": 1,
                                                "US Survey Office": 2, "Wirenews": 3, "Wirenews News Agency": 1}), {})
    assert canonical[("org", "Al Shirqaa")] == canonical[("org", "Al-Shirqa")] == "Al-Shirqa"
    assert canonical[("org", "U.S. Survey Office")] == "US Survey Office"
    assert canonical[("org", "Wirenews")] == "Wirenews News Agency"
    # British and American spellings, and the order of the words
    canonical = merge_names(Counter(), Counter({"Halberg Civil Defence Directorate": 2,
                                                "Directorate for Civil Defense of Halberg": 1}), {})
    assert canonical[("org", "Directorate for Civil Defense of Halberg")] == "Halberg Civil Defence Directorate"


def test_a_name_inside_what_describes_the_speakers_is_not_the_speaker():
    from briefbook.language.names import mention

    doc = pipeline()("Survivors of Thursday's Ivo Brandt attack on the college described the scene.")
    subject = [t for t in doc if t.dep_ == "nsubj"][0]
    found = mention(list(subject.subtree))
    assert found is not None and found.kind != "person" and "Ivo Brandt" != found.name


def test_an_article_about_a_town_takes_its_corpus_s_country_for_bare_officials(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Crush at the festival\n\nNorwegian authorities opened an inquiry into the crush, the Norwegian minister "
        "said. Norway sent doctors to Norway.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Pilgrims die in crush\n\nThe crush in the town of Larvik killed dozens in Larvik. "
        "Officials said the count might still go up in Larvik.\n", encoding="utf-8")
    speakers = set(extract(load_corpus(tmp_path)).tables["statements"]["speaker"])
    assert "Norwegian officials" in speakers and "Larvik officials" not in speakers


def test_a_role_with_words_of_its_own_is_not_the_leader():
    from briefbook.language.attribution import Names, Speaker, _speaker
    from briefbook.language.names import Mention, RoleBook

    book = RoleBook()
    book.titles_of["Ana Ruiz"] = {"president"}
    names = Names(book, {("person", "Ana Ruiz"): "Ana Ruiz"}, {})
    recent = [Speaker("Ana Ruiz", "person")]
    assert _speaker(Mention("the leader", "role", "the leader", title="leader"), names, recent, {}).canonical == "Ana Ruiz"
    former = _speaker(Mention("The former army chief", "role", "The former army chief", title="chief"), names, recent, {})
    assert former.canonical != "Ana Ruiz"


def test_a_surname_tagged_as_a_plural_is_the_person():
    from briefbook.language.attribution import Names, _speaker
    from briefbook.language.names import Mention, RoleBook

    names = Names(RoleBook(), {("person", "Ivo Garrales"): "Ivo Garrales"}, {})
    assert _speaker(Mention("Garrales", "group", "Garrales"), names, [], {}).canonical == "Ivo Garrales"


def test_what_the_speaker_did_next_is_not_what_they_urged():
    from briefbook.language.speech import message_tokens

    doc = pipeline()("He urged Veldonians to stay calm and appointed a new police chief.")
    cue = next(t for t in doc if t.lemma_ == "urge")
    assert " ".join(t.text for t in message_tokens(cue)) == "Veldonians to stay calm"


def test_a_reported_statement_ends_where_the_next_sentence_begins(tmp_path):
    tables = _write(tmp_path, "Curfew eased\n\nThe minister said the curfew will be eased between 7 a.m. and 6 p.m. "
                              "He also said schools stay shut.\n")
    texts = list(tables["statements"]["text"])
    assert any(t.startswith("the curfew will be eased") and t.endswith("6 p.m") for t in texts)
    assert not any("p.m. He" in t for t in texts)



@pytest.mark.parametrize("lines, title", [
    (["16 Mar 2031", "More than 70 killed in crush at the gate", "The death toll rose."], "More than 70 killed in crush at the gate"),
    (["Get all your news in one place.", "Start reading", "Crush at the gate kills dozens"], "Crush at the gate kills dozens"),
    (["Edition: English | Español", "World / Society", "Crush at the gate kills dozens"], "Crush at the gate kills dozens"),
    (["Crush kills 40", "Officials said 40 died."], "Crush kills 40"),
])
def test_the_headline_is_no_date_stamp_menu_or_site_call(tmp_path, lines, title):
    (tmp_path / "a.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert load_corpus(tmp_path).documents[0].title == title


def test_a_surname_with_its_particle_is_no_full_name():
    from briefbook.language.names import merge_names

    canonical = merge_names(Counter({"al-Marek": 3, "Ivo bin Sami al-Marek": 1}), Counter(), {})
    assert canonical[("person", "al-Marek")] == "Ivo bin Sami al-Marek"


def test_a_surname_two_people_share_goes_to_the_one_named_in_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Quake\n\nLin Hao, a farmer, said the road was gone.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quake\n\nLin Mei, a resident, told reporters that the walls fell.\n\n"
                                    "\u201cI have never felt such tremors,\u201d Lin said.\n", encoding="utf-8")
    tables = extract(load_corpus(tmp_path)).tables
    quote = tables["statements"][tables["statements"]["text"].str.contains("tremors")]
    assert list(quote["speaker"]) == ["Lin Mei"]


def test_one_of_a_group_named_in_apposition_is_the_speaker(tmp_path):
    assert list(_speakers(tmp_path, "Fire at the depot\n\n\u201cWe were pushing against one another,\u201d said one of the "
                                    "survivors, Tomas Verhaegen, 44, from Veldonia.\n")) == ["Tomas Verhaegen"]


def test_a_role_with_words_of_its_own_does_not_fit_a_later_president():
    from briefbook.language.names import Mention, RoleBook

    book = RoleBook()
    book.titles_of["Ana Ruiz"] = {"president"}
    chief = Mention("The former army chief", "role", "The former army chief", title="chief")
    leader = Mention("the head of state", "role", "the head of state", title="head")
    assert not book.fits(chief, ["Ana Ruiz"]) and book.fits(leader, ["Ana Ruiz"])


def test_a_name_the_recogniser_tags_two_ways_is_one_entity_of_its_commonest_kind(tmp_path):
    from briefbook.entities import entity_counts
    from briefbook.nlp import parse_corpus

    (tmp_path / "a.txt").write_text("Crush in Larvik\n\nThe crush in the town of Larvik killed dozens in Larvik. "
                                    "Officials said the count might still go up in Larvik.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    entities = entity_counts(corpus, parse_corpus(corpus))
    assert entities["entity"].is_unique
    assert entities.set_index("entity").loc["Larvik", "kind"] == "place"


def test_a_name_the_recogniser_took_for_an_organisation_is_a_person_when_it_heads_something():
    from briefbook.language.names import RoleBook

    doc = pipeline()("Emil Kolat, head of the Travellers Directorate, corrected the toll.")
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert RoleBook().learn_appositions(doc) == ["Emil Kolat"]
    doc = pipeline()("Veldonia Airways, operator of the Port Amel route, cancelled flights.")
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert RoleBook().learn_appositions(doc) == []


def test_a_quotation_written_twice_in_one_article_is_one_speaker_s():
    from briefbook.language.attribution import Speaker, same_words_same_speaker

    quote = "If you ran, you were shot at the gate"
    ivo, group = Speaker("Ivo Brandt", "person"), Speaker("one survivor", "group")
    assert same_words_same_speaker([(quote, group), ("short words", group), (quote + ",", ivo)]) == [ivo, group, ivo]
    lin = Speaker("Lin Mei", "person")
    assert same_words_same_speaker([(quote, group), (quote, ivo), (quote, lin)])[0] == group


def test_a_standfirst_quotation_takes_the_speaker_the_body_names(tmp_path):
    assert set(_speakers(tmp_path, "Survivors recount the attack\n\n'If you ran, you were shot at the gate,' said one survivor."
                                   "\n\nIvo Brandt, head of the student union, heard the gunmen arrive.\n\n"
                                   "\u201cIf you ran, you were shot at the gate,\u201d Brandt said.\n")) == {"Ivo Brandt"}


def test_a_name_that_is_a_particle_and_a_surname_is_no_full_name_to_complete_a_group_with():
    from briefbook.language.attribution import Names, _speaker
    from briefbook.language.names import Mention, RoleBook, is_full_name

    assert is_full_name("Karim al-Nadi") and not is_full_name("Al Kethra")
    names = Names(RoleBook(), {("person", "Al Kethra"): "Al Kethra"}, {})
    said = _speaker(Mention("The militant Al-Kethra group", "group", "Al-Kethra"), names, [], {})
    assert said.kind != "person"


def test_a_lone_surname_tagged_an_organisation_is_the_person_of_this_article_first():
    from briefbook.language.attribution import Names, Speaker, _speaker
    from briefbook.language.names import Mention, RoleBook

    names = Names(RoleBook(), {("person", "Lin Hao"): "Lin Hao", ("person", "Lin Mei"): "Lin Mei"}, {})
    said = _speaker(Mention("Lin", "org", "Lin"), names, [Speaker("Lin Mei", "person")], {})
    assert said == Speaker("Lin Mei", "person")


@pytest.mark.parametrize("caption", [
    "Dockers scuffle with guards in Amel on Thursday. AWN",
    "A minister comforts an injured boy on Aug 4, 2031.  [Photo/Wirenews]",
    "Riot police and marchers face each other near the Old Bridge, in Amel, Veldonia, January 8. — Wirenews",
])
def test_a_photo_caption_with_its_agency_credit_is_a_caption_and_no_event(tmp_path, caption):
    (tmp_path / "a.txt").write_text(f"Clashes in Amel\n\nPublished: 9 January 2031\n\n{caption}\n\n"
                                    "Dockers fought with guards in Amel on Wednesday, officials said.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [p.role for p in corpus.documents[0].paragraphs if p.text == caption] == ["caption"]
    assert list(extract(corpus).tables["events"]["date_text"]) == ["Wednesday"]


def test_a_story_s_closing_credit_after_a_dash_leaves_its_paragraph_running_text(tmp_path):
    closing = "Students clashed with the police in Amel on Wednesday, officials said. — Wirenews"
    (tmp_path / "a.txt").write_text(f"Clashes in Amel\n\nPublished: 9 January 2031\n\n{closing}\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [p.role for p in corpus.documents[0].paragraphs if p.text == closing] == ["body"]


@pytest.mark.parametrize("page, repaired", [
    ("At least 103nbsp;people died", "At least 103 people died"),
    ("near the grave of General&nbsp;Ivo Brandt", "near the grave of General Ivo Brandt"),
    ("Veldoniarsquo;s state TV called it ldquo;an attackrdquo;", "Veldonia\u2019s state TV called it \u201can attack\u201d"),
    ("the civil defence said.Two survivors spoke", "the civil defence said. Two survivors spoke"),
    ("see example.com.Today and the U.S.Army", "see example.com.Today and the U.S.Army"),
])
def test_lost_markup_is_repaired_before_the_text_is_read(page, repaired):
    from briefbook.corpus.clean import repair

    assert repair(page) == repaired


def test_a_directorate_speaks_for_itself_and_a_later_bare_mention_is_the_same_body(tmp_path):
    assert set(_speakers(tmp_path, "Toll rises\n\nThe Veldonian civil defence directorate said the toll had reached 284.\n\n"
                                   "At least 412 people were hurt, the directorate said.\n")) == {"Veldonian civil defence directorate"}


def test_a_dateline_hung_on_the_subject_is_cut_and_a_sentence_initial_plural_is_a_group(tmp_path):
    # the group is the plural, not the attack it is described by, nor the dateline the recogniser ran into it
    assert list(_speakers(tmp_path, "Terror at the depot\n\nHALBERG // Survivors of Thursday's Kethra Front attack on "
                                    "the depot described a chaotic morning in which guards were shot at.\n")) == ["Survivors"]


def test_local_media_report_what_they_saw(tmp_path):
    tables = _write(tmp_path, "Trucks in the square\n\nOn Wednesday, local media reported the arrival of "
                              "armoured trucks at the central square.\n")
    assert list(zip(tables["statements"]["speaker"], tables["statements"]["text"])) == [
        ("local media", "the arrival of armoured trucks at the central square")]


def test_the_body_a_title_is_of_is_no_part_of_the_holder_s_name():
    from briefbook.language.names import person_name

    doc = pipeline()("Inspector General of Police Ivo Brandt told journalists a curfew would be imposed.")
    doc.ents = [Span(doc, 3, 6, label="PERSON")]
    assert person_name(doc, 3, 6) == "Ivo Brandt"


def test_a_present_tense_sub_heading_does_not_carry_its_verb_into_the_next_paragraph(tmp_path):
    tables = _write(tmp_path, "Adviser on the unrest\n\nIvo Brandt speaks\n\nThe minister's son and adviser, Ivo Brandt, "
                              "went on social media to defend the ministry's budget plans.\n")
    assert tables["statements"].empty


@pytest.mark.parametrize("paragraph, speaker", [
    ("\u201cToo many buildings were damaged,\u201d the agency quoted local official Ivo Brandt as saying.", "Ivo Brandt"),
    ("The state news agency cited Lin Mei as saying that the police had enough information.", "Lin Mei"),
])
def test_whom_an_agency_quotes_as_saying_is_the_speaker(tmp_path, paragraph, speaker):
    assert list(_speakers(tmp_path, f"Quake toll\n\n{paragraph}\n")) == [speaker]


def test_adding_after_an_agency_quotes_someone_is_the_quoted_person_s(tmp_path):
    speakers = _speakers(tmp_path, "Arrests made\n\n\u201cTwelve officers have been detained,\u201d the state news "
                                   "agency cited Lin Mei as saying, adding that the police knew who had planned "
                                   "the raid.\n")
    assert speakers == ["Lin Mei", "Lin Mei"]


def test_adding_after_a_reported_clause_is_the_reporter_s(tmp_path):
    assert set(_speakers(tmp_path, "Toll rises\n\nIvo Brandt said that Veldonia met the flood with every crew it "
                                   "had, adding that about 9,000 volunteers helped the evacuees this year.\n")) == {"Ivo Brandt"}


def test_a_sentence_after_an_abbreviation_s_period_is_a_statement_of_its_own(tmp_path):
    tables = _write(tmp_path, "Curfew eased\n\nIvo Brandt said the curfew would be eased between 7 a.m. and 6 p.m. "
                              "He added that other cities would decide on curfews.\n")
    assert list(tables["statements"]["cue"]) == ["said", "added"]
    assert set(tables["statements"]["speaker"]) == {"Ivo Brandt"}


@pytest.mark.parametrize("paragraph, cue", [
    ("A day later, Ana Ruiz fired the police chief and announced a new chief for the coast guard.", "announced"),
    ("The raid involved an effort to storm the depot, Ana Ruiz informed the press.", "informed"),
])
def test_a_second_act_of_the_subject_and_informing_the_press_are_statements(tmp_path, paragraph, cue):
    tables = _write(tmp_path, f"Coup attempt\n\n{paragraph}\n")
    assert list(zip(tables["statements"]["speaker"], tables["statements"]["cue"])) == [("Ana Ruiz", cue)]


def test_a_second_verb_inside_a_message_does_not_take_the_subject_the_speaker_talks_about(tmp_path):
    assert set(_speakers(tmp_path, "Coup attempt\n\nAna Ruiz said that the general seized the palace and announced a "
                                   "new government.\n")) == {"Ana Ruiz"}


def test_a_speaker_the_parser_hung_on_a_noun_before_the_verb_of_saying_is_still_the_speaker(tmp_path):
    tables = _write(tmp_path, "Mutiny\n\nA mutiny broke out on Wednesday in Veldonia, where rebel "
                              "sailors smashed through the gates of the harbour office and President Ana Ruiz said the "
                              "nation would not bow to threats against its courts.\n")
    assert list(zip(tables["statements"]["speaker"], tables["statements"]["text"])) == [
        ("Ana Ruiz", "the nation would not bow to threats against its courts")]


def test_an_agency_credit_in_brackets_is_no_abbreviation_and_a_headline_no_organisation():
    from briefbook.language.names import abbreviations

    assert abbreviations("Kethra Claims Attack, Clues Point to Halberg\nHALBERG (Wirenews) – The group said") == {}
    assert abbreviations("soldiers of the Veldonia Defence Forces (VDF) arrived") == {"VDF": "Veldonia Defence Forces"}
    assert abbreviations("the party, Narodni Blok (NB), said") == {"NB": "Narodni Blok"}


@pytest.mark.parametrize("paragraph, text", [
    ("Ruiz vowed that Veldonia \u201cwill rebuild every bridge,\u201d referring to the flooded valley.",
     "Veldonia \u201cwill rebuild every bridge,\u201d"),
    ("Ruiz said the shafts had become \u201ca bottomless pit\u201d, losing upwards of \u20ac40m in two years.",
     "the shafts had become \u201ca bottomless pit\u201d, losing upwards of \u20ac40m in two years"),
    ("Ruiz told reporters that the fire was \u201cdeliberate sabotage\u201d, although she did not name a suspect.",
     "the fire was \u201cdeliberate sabotage\u201d"),
    ("Ruiz dubbed the protesters \u201ctraitors,\u201d a term used for collaborators.", "the protesters \u201ctraitors,\u201d"),
])
def test_the_writer_s_gloss_or_concession_after_a_closed_quotation_is_not_the_speaker_s(tmp_path, paragraph, text):
    tables = _write(tmp_path, f"Vow\n\nAna {paragraph}\n")
    assert list(tables["statements"]["text"]) == [text]


def test_words_an_agency_passes_on_are_the_speaker_s_and_what_no_one_indicates_goes_on_the_message(tmp_path):
    tables = _write(tmp_path, "Fires\n\nIvo Brandt, deputy mayor of the city, said the fires were set "
                              "by arsonists, the agency reported.\n\nThe minister stated that more suspects had been "
                              "questioned, and findings indicate that the fraud had been running since March.\n")
    statements = list(zip(tables["statements"]["speaker"], tables["statements"]["text"]))
    assert statements[0] == ("Ivo Brandt", "the fires were set by arsonists")
    assert len(statements) == 2 and statements[1][1].endswith("the fraud had been running since March")


@pytest.mark.parametrize("paragraph, cue, text", [
    ("Officials said on Saturday, confirming the crush as the worst disaster in 25 years.", "confirming",
     "the crush as the worst disaster in 25 years"),
    ("The protests grew after Ana Ruiz dubbed the protesters \u201ctraitors\u201d.", "dubbed",
     "the protesters \u201ctraitors\u201d"),
])
def test_confirming_as_and_dubbing_report_what_is_said(tmp_path, paragraph, cue, text):
    tables = _write(tmp_path, f"Crush\n\n{paragraph}\n")
    rows = tables["statements"][tables["statements"]["cue"] == cue]
    assert list(rows["text"]) == [text]


def test_one_leader_rule_a_described_leader_is_a_chief_never_the_president():
    from briefbook.language.attribution import Names, Speaker, _speaker
    from briefbook.language.names import Mention, RoleBook, leads

    union = Mention("the union leader", "role", "the union leader", title="leader")
    bare = Mention("the leader", "role", "the leader", title="leader")
    assert leads(bare, {"president"}) and not leads(union, {"president"}) and leads(union, {"chief"})
    book = RoleBook()
    book.titles_of["Ana Ruiz"] = {"chief"}
    names = Names(book, {("person", "Ana Ruiz"): "Ana Ruiz"}, {})
    assert _speaker(union, names, [Speaker("Ana Ruiz", "person")], {}).canonical == "Ana Ruiz"


@pytest.mark.parametrize("lead, outlet", [
    ("HALBERG (Wirenews) \u2013 The group said it had taken the airport.", "Wirenews"),
    ("PORT AMEL, Veldonia (AWN) \u2014 The council met on Monday.", "AWN"),
])
def test_the_agency_in_a_wire_dateline_is_the_outlet(tmp_path, lead, outlet):
    (tmp_path / "a.txt").write_text(f"Airport taken\n\n{lead}\n", encoding="utf-8")
    document = load_corpus(tmp_path).documents[0]
    assert (document.outlet, document.outlet_how) == (outlet, "dateline")


def test_a_quotation_within_a_longer_one_of_one_person_is_that_person_s():
    from briefbook.language.attribution import Speaker, same_words_same_speaker

    extract_, whole = "people were pushing past each other just to reach the stairs", \
        "I saw a man fall. People were pushing past each other just to reach the stairs"
    group, ivo = Speaker("survivor", "group"), Speaker("Ivo Brandt", "person")
    assert same_words_same_speaker([(extract_, group), (whole, ivo)]) == [ivo, ivo]


def test_a_singular_speaker_noun_is_a_group_named_by_its_own_words(tmp_path):
    assert list(_speakers(tmp_path, "At the clinic\n\n\u201cNobody can breathe in here. Take them to the other clinic,\u201d a "
                                    "security officer shouted as three more fire engines pulled up.\n\nThe survivors of Sunday's "
                                    "fire at the depot described a chaotic escape.\n")) == ["security officer", "survivors"]


def test_a_message_on_both_sides_of_its_verb_is_the_one_after_it(tmp_path):
    tables = _write(tmp_path, "Missing climbers\n\nHALBERG (Wirenews) \u2013 While because of the slow search the "
                              "fate of dozens of the missing is still unclear, the tourism minister said some 60 "
                              "percent of the missing have likely died.\n")
    assert list(tables["statements"]["text"]) == ["some 60 percent of the missing have likely died"]


def test_two_capitalised_names_joined_by_and_are_one_organisation_but_two_people_are_two(tmp_path):
    tables = _write(tmp_path, "Curfew\n\nPolice set a curfew for the next three weeks, the Herald and Lantern of "
                              "Veldonia reported from the scene.\n")
    assert list(tables["statements"]["speaker"]) == ["Herald and Lantern of Veldonia"]
    from briefbook.language.names import _one_name

    doc = pipeline()("Ana Ruiz and Ivo Brandt said the talks had failed.")
    assert not any(t.dep_ == "conj" and _one_name(t.head, t) for t in doc)


def test_the_newspaper_is_the_outlet_the_article_last_named():
    from briefbook.language.attribution import Names, Speaker, _speaker
    from briefbook.language.names import Mention, RoleBook

    names = Names(RoleBook(), {}, {})
    recent = [Speaker("Halberg Times", "org"), Speaker("Ana Ruiz", "person")]
    assert _speaker(Mention("the newspaper", "group", "newspaper"), names, recent, {}) == Speaker("Halberg Times", "org")
    assert _speaker(Mention("the newspaper", "group", "newspaper"), names, recent[1:], {}).kind == "group"


def test_a_link_line_glued_to_the_next_paragraph_is_navigation(tmp_path):
    (tmp_path / "a.txt").write_text("Suspects held\n\nSEE ALSO: Veldonia Says Toll From Depot Fire Rises To 37The ministry "
                                    "noted in its statement that a forger was among those held.\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [p.text[:12] for p in corpus.documents[0].paragraphs if p.role == "body"] == ["The ministry"]
    assert any(r.reason == "site navigation" for r in corpus.documents[0].removed)


def test_a_one_word_person_no_full_name_holds_is_listed_as_other():
    from briefbook.entities import settle_kinds

    kinds = settle_kinds({"Jubilee": Counter({"person": 9}), "Ivo Brandt": Counter({"person": 3}),
                          "Brandt": Counter({"person": 2}), "Halberg": Counter({"place": 5, "person": 1})})
    assert kinds == {"Jubilee": "other", "Ivo Brandt": "person", "Brandt": "person", "Halberg": "place"}


def test_a_one_word_organisation_that_is_a_full_name_s_surname_is_that_person():
    from briefbook.entities import settle_kinds

    kinds = settle_kinds({"Luis Ortega": Counter({"person": 4}), "Ortega": Counter({"organisation": 6}),
                          "Luis": Counter({"organisation": 1}), "Senate": Counter({"organisation": 3})})
    assert kinds == {"Luis Ortega": "person", "Ortega": "person", "Luis": "organisation", "Senate": "organisation"}


def test_a_court_dismissing_an_order_is_an_act_and_a_minister_dismissing_reports_as_lies_is_a_statement(tmp_path):
    tables = _write(tmp_path, "Levy ruling\n\nThe Supreme Court dismissed a district court appeal that had frozen "
                              "the levy.\n\nInterior Minister Ana Ruiz dismissed the reports as propaganda.\n")
    statements = tables["statements"]
    assert list(zip(statements["speaker"], statements["text"])) == [("Ana Ruiz", "the reports as propaganda")]


def test_an_outlet_s_correspondent_reporting_is_the_outlet_speaking(tmp_path):
    speakers = _speakers(tmp_path, "Clashes on campus\n\nHarbor Ledger’s Port Amel University correspondent "
                                   "reported that the students had gathered at the gate.\n")
    assert speakers == ["Harbor Ledger"]


@pytest.mark.parametrize("value, words", [
    ("2029-03-13", "13 March 2029"), ("2029-03", "March 2029"), ("2029", "2029"),
    (dt.date(2022, 1, 2), "2 January 2022"), ("", ""), (None, ""), (float("nan"), ""),
])
def test_a_date_is_worded_as_precisely_as_it_is(value, words):
    from briefbook.language.dates import date_words

    assert date_words(value) == words


# ------------------------------------------------------------------ one speaker however the outlets write it

def _nations():
    from briefbook.language.joining import corpus_nations

    return corpus_nations([pipeline()("Chilean troops crossed into Chile on Monday. Peruvian police "
                                      "watched from Peru. Relief reached the port of Halberg.")])


def test_a_nation_is_one_written_as_its_demonym_or_its_name():
    nations = _nations()
    assert nations["chilean"] == nations["chile"] and nations["peruvian"] == nations["peru"]
    assert "halberg" not in nations  # a place the corpus never writes a demonym for is no nation


@pytest.mark.parametrize("spellings", [
    [("Chile Police", "org"), ("Chilean police", "group")],
    [("Chilean officials", "group"), ("Chilean authorities", "group")],
    [("Flood Relief Directorate of Chile", "org"), ("Chilean flood relief directorate", "group"),
     ("Directorate for Flood Relief", "org")],
    [("Wirenews", "place"), ("Wirenews News Agency", "org")],
])
def test_the_spellings_of_one_body_are_one_speaker(spellings):
    from briefbook.language.joining import join_speakers

    joined = join_speakers(spellings, _nations())
    assert len({joined[name] for name, _ in spellings}) == 1


@pytest.mark.parametrize("spellings", [
    [("Chilean police", "group"), ("Peruvian police", "group")],  # two nations' police
    [("Interior Ministry", "org"), ("Chilean Interior Ministry", "org"), ("Peruvian Interior Ministry", "org")],
    [("Chile", "place"), ("Chilean government", "group")],  # a nation is not its government
    [("Chilean official", "group"), ("Chilean authorities", "group")],  # one official is not the body
    [("Ana Ruiz", "person"), ("Ana Ruiz News Agency", "org")],
])
def test_bodies_that_may_differ_are_not_joined(spellings):
    from briefbook.language.joining import join_speakers

    joined = join_speakers(spellings, _nations())
    assert len({joined.get(name, name) for name, _ in spellings}) == len(spellings)


def _statements_of_two(tmp_path, first: str, second: str, saying: str) -> pd.DataFrame:
    """The statements matching ``saying`` of two articles extracted together."""
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    statements = extract(load_corpus(tmp_path)).tables["statements"]
    return statements[statements["text"].str.contains(saying)]


def test_a_body_written_two_ways_by_two_outlets_is_one_speaker(tmp_path):
    police = _statements_of_two(
        tmp_path, "Raid in Chile\n\nChilean troops moved into Valparaiso, Chile, on Monday. "
                  "The Chile Police said 12 people were arrested.\n",
        "Arrests in Valparaiso\n\nChilean soldiers patrolled Chile's capital. "
        "Chilean police said the curfew would last a week.\n", "arrested|curfew")
    assert len(police) == 2 and police["speaker"].nunique() == 1


# ------------------------------------------------------------------ a quotation reprinted is its one speaker's

def test_a_quotation_run_into_a_headline_s_words_is_the_speaker_s_who_says_it():
    from briefbook.language.attribution import Speaker, same_words_same_speaker

    lead = "Dam bursts above Tesh; 'the river came through the kitchen wall at midnight,' farmer says"
    body = "We had no warning. The river came through the kitchen wall at midnight"
    group, ana = Speaker("farmer", "group"), Speaker("Ana Ruiz", "person")
    assert same_words_same_speaker([(lead, group), (body, ana)]) == [ana, ana]


def test_a_quotation_another_outlet_credits_by_name_is_that_person_s():
    from briefbook.language.attribution import Speaker, quoted_persons, same_words_same_speaker

    said = "I have never seen the river so high in forty years"
    ana, lin = Speaker("Ana Ruiz", "person"), Speaker("Lin Mei", "person")
    group = Speaker("Another Tesh resident", "group")
    elsewhere = quoted_persons([(said + ". We lost everything.", ana), ("The bridge is gone and the road too", lin)])
    assert same_words_same_speaker([(said, group)], elsewhere) == [ana]
    # the words credited to two people across the corpus: no one
    both = quoted_persons([(said, ana), (said, lin)])
    assert same_words_same_speaker([(said, group)], both) == [group]
    # the article's own credit comes first
    assert same_words_same_speaker([(said, group), (said, lin)], elsewhere) == [lin, lin]


def test_a_wire_quotation_reprinted_without_the_name_takes_it_from_the_outlet_that_names_it(tmp_path):
    (tmp_path / "a.txt").write_text("Flood in Tesh\n\n\u201cI have never seen the river so high in forty years,\u201d "
                                    "farmer Maria Lopez told the agency.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tesh under water\n\nAnother resident described the damage. \u201cI have never "
                                    "seen the river so high in forty years,\u201d the resident said.\n",
                                    encoding="utf-8")
    statements = extract(load_corpus(tmp_path)).tables["statements"]
    quoted = statements[statements["text"].str.contains("so high in forty years")]
    assert len(quoted) == 2 and set(quoted["speaker"]) == {"Maria Lopez"}


# ------------------------------------------------------------------ a lead's description, then the name

def test_a_role_the_lead_describes_is_the_person_named_bare_right_after(tmp_path):
    text = ("Dam row\n\nThe Chilean water minister said the dam gates would be opened within a week.\n\n"
            "\u201cWe cannot wait for the rains,\u201d Maria Lopez said on Monday.\n\n"
            "The Chilean minister also said the farmers had been warned in March.\n")
    assert set(_speakers(tmp_path, text)) == {"Maria Lopez"}


@pytest.mark.parametrize("named", [
    "Maria Lopez, a farmer near the dam, said",  # described: someone else
    "Mayor Maria Lopez said",  # a title of her own
])
def test_a_role_is_not_given_to_a_person_named_after_it_as_someone_else(tmp_path, named):
    text = ("Dam row\n\nThe Chilean water minister said the dam gates would be opened within a week.\n\n"
            f"\u201cWe cannot wait for the rains,\u201d {named} on Monday.\n")
    statements = _write(tmp_path, text)["statements"]
    gates = statements[statements["text"].str.contains("dam gates")]
    assert list(gates["speaker"]) != ["Maria Lopez"]


def test_a_relative_clause_s_verb_of_saying_is_its_antecedent_s_statement(tmp_path):
    statements = _write(tmp_path, "Strike ends\n\nUnion leaders said they would seek talks with Maria Lopez, who "
                                  "claimed on Monday that the company had cut wages twice this year.\n")["statements"]
    by_text = dict(zip(statements["text"], statements["speaker"]))
    assert by_text.get("the company had cut wages twice this year") == "Maria Lopez"
    assert not any("cut wages" in text for text, who in by_text.items() if who != "Maria Lopez")


@pytest.mark.parametrize("subject", ["Maria Lopez administration officials", "Maria Lopez's lawyers"])
def test_a_plural_a_name_only_modifies_is_the_speaker_not_the_name(tmp_path, subject):
    speakers = _speakers(tmp_path, f"Talks fail\n\n{subject} said on Monday that the talks with the union had failed.\n")
    assert speakers and "Maria Lopez" not in speakers


def test_an_unnamed_source_is_a_speaker_and_what_it_goes_on_to_say_is_its_own(tmp_path):
    speakers = _speakers(tmp_path, "Blast at the depot\n\nThe Fire Brigade Union said the depot had been closed. "
                                   "Earlier, an unnamed source told a radio station that a faulty valve caused the "
                                   "blast.\n\n\u201cThe second fire had the same cause,\u201d it said.\n")
    assert speakers[-2:] == ["unnamed source", "unnamed source"]


def test_sources_an_agency_cites_name_no_one_and_the_agency_vouches(tmp_path):
    speakers = _speakers(tmp_path, "Blast at the depot\n\nThe Wirenews agency cited informed sources as saying that "
                                   "the depot had been closed for a week before the blast.\n")
    assert speakers and not any("sources" in s for s in speakers) and "unattributed" not in speakers


def test_a_name_in_apposition_to_an_outlet_noun_is_the_outlet(tmp_path):
    statements = _write(tmp_path, "Arrests\n\nThe toll has risen to 40, according to Maria Lopez, the local daily. "
                                  "Police have arrested 300 people, according to the newspaper.\n")["statements"]
    assert list(statements["speaker"]) == ["Maria Lopez", "Maria Lopez"]
    assert set(statements["speaker_kind"]) == {"org"}


def test_a_name_the_parser_hangs_elsewhere_before_an_aside_is_the_subject():
    """The parse a long opener can get ("Addressing strikers outside Bell Hall, Ana Ruiz, who leads the
    dockers' union, said work stopped."): "Ruiz" a second thing outside the hall, "said" with no subject."""
    from spacy.tokens import Doc

    from briefbook.language.speech import subject

    rows = [  # word, head, dep, pos
        ("Addressing", 16, "advcl", "VERB"), ("strikers", 0, "dobj", "NOUN"), ("outside", 1, "prep", "ADP"),
        ("Bell", 4, "compound", "PROPN"), ("Hall", 2, "pobj", "PROPN"), (",", 4, "punct", "PUNCT"),
        ("Ana", 7, "compound", "PROPN"), ("Ruiz", 4, "conj", "PROPN"), (",", 7, "punct", "PUNCT"),
        ("who", 10, "nsubj", "PRON"), ("leads", 7, "relcl", "VERB"), ("the", 14, "det", "DET"),
        ("dockers", 14, "poss", "NOUN"), ("’", 12, "case", "PART"), ("union", 10, "dobj", "NOUN"),
        (",", 16, "punct", "PUNCT"), ("said", 16, "ROOT", "VERB"), ("work", 18, "nsubj", "NOUN"),
        ("stopped", 16, "ccomp", "VERB"), (".", 16, "punct", "PUNCT"),
    ]
    doc = Doc(pipeline().vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], sent_starts=[True] + [False] * (len(rows) - 1))
    said = next(t for t in doc if t.text == "said")
    assert subject(said).text == "Ruiz"


def test_a_participle_hung_off_a_relative_clause_goes_on_with_the_sentence_s_verb_of_saying():
    """The parse "Farmers argued the plan helps friends of Lopez, whose party ran the board, saying it
    should go." can get: "saying" under "ran", whose subject is the party, not who is arguing."""
    from spacy.tokens import Doc

    from briefbook.language.speech import subject

    rows = [  # word, head, dep, pos, tag, lemma
        ("Farmers", 1, "nsubj", "NOUN", "NNS", "farmer"), ("argued", 1, "ROOT", "VERB", "VBD", "argue"),
        ("the", 3, "det", "DET", "DT", "the"), ("plan", 4, "nsubj", "NOUN", "NN", "plan"),
        ("helps", 1, "ccomp", "VERB", "VBZ", "help"), ("friends", 4, "dobj", "NOUN", "NNS", "friend"),
        ("of", 5, "prep", "ADP", "IN", "of"), ("Lopez", 6, "pobj", "PROPN", "NNP", "Lopez"),
        (",", 7, "punct", "PUNCT", ",", ","), ("whose", 10, "poss", "DET", "WP$", "whose"),
        ("party", 11, "nsubj", "NOUN", "NN", "party"), ("ran", 7, "relcl", "VERB", "VBD", "run"),
        ("the", 13, "det", "DET", "DT", "the"), ("board", 11, "dobj", "NOUN", "NN", "board"),
        (",", 11, "punct", "PUNCT", ",", ","), ("saying", 11, "advcl", "VERB", "VBG", "say"),
        ("it", 18, "nsubj", "PRON", "PRP", "it"), ("should", 18, "aux", "AUX", "MD", "should"),
        ("go", 15, "ccomp", "VERB", "VB", "go"), (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = Doc(pipeline().vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    saying = next(t for t in doc if t.text == "saying")
    assert subject(saying).text == "Farmers"


def test_a_description_whose_quotation_another_outlet_credits_by_name_is_that_person(tmp_path):
    (tmp_path / "a.txt").write_text("Flood in Tesh\n\n\u201cI have never seen the river so high in forty years,\u201d "
                                    "farmer Maria Lopez told the agency.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tesh under water\n\nAnother resident described the flood as a wall of "
                                    "water, telling the agency: \u201cI have never seen the river so high in forty "
                                    "years.\u201d\n", encoding="utf-8")
    statements = extract(load_corpus(tmp_path)).tables["statements"]
    described = statements[statements["text"].str.contains("wall of water|so high")]
    assert len(described) == 3 and set(described["speaker"]) == {"Maria Lopez"}


def test_an_organisation_written_with_a_possessive_keeps_that_spelling_among_its_aliases(tmp_path):
    statements = _write(tmp_path, "Dam row\n\nChile\u2019s water directorate said the gates would stay shut "
                                  "until Friday.\n")["statements"]
    (row,) = statements.to_dict("records")
    assert row["speaker"] == "Water Directorate of Chile"
    assert "Chile\u2019s water directorate" in row["speaker_aliases"].split(";")


@pytest.mark.parametrize("sentence", [
    "In a statement on Monday, WHO said the outbreak in the north was under control.",
    "Police have been searching the port since IS claimed that its members had planted the bomb.",
])
def test_initials_the_parser_reads_as_a_function_word_are_the_speaker(tmp_path, sentence):
    speakers = _speakers(tmp_path, f"Outbreak\n\n{sentence}\n")
    assert speakers and set(speakers) <= {"WHO", "IS"} and "unattributed" not in speakers


def test_a_headline_in_capitals_has_no_initials_for_a_speaker(tmp_path):
    statements = _write(tmp_path, "TOLL IS SAID TO RISE AFTER FLOOD\n\nThe river burst its banks on Monday.\n")["statements"]
    assert "IS" not in set(statements["speaker"])


def test_the_report_or_the_statement_is_the_body_the_article_last_named(tmp_path):
    speakers = _speakers(tmp_path, "Port closed\n\nThe toll rose to 40, according to the Harbour Workers Union. "
                                   "The report said that 200 homes had been lost along the quay.\n")
    assert speakers == ["Harbour Workers Union", "Harbour Workers Union"]
    (tmp_path / "alone").mkdir()
    alone = _write(tmp_path / "alone", "Port closed\n\nThe report said that 200 homes had been lost.\n")["statements"]
    assert set(alone["speaker"]) <= {"unattributed"}


@pytest.mark.parametrize("subject, group", [
    ("Some of the rescued miners", "rescued miners"),
    ("Many of the pilgrims", "pilgrims"),
])
def test_a_part_of_a_group_speaks_for_the_group(tmp_path, subject, group):
    assert _speakers(tmp_path, f"Mine flooded\n\n{subject} said the water had risen within minutes.\n") == [group]


def test_one_of_a_group_is_not_the_group(tmp_path):
    assert "officials" not in " ".join(_speakers(
        tmp_path, "Mine flooded\n\nOne of the officials said the water had risen within minutes.\n"))


def test_recounted_introduces_a_quotation_and_deplored_reports(tmp_path):
    statements = _write(tmp_path, "Flood\n\nMaria Lopez lost her farm. \u201cThe water came at night and took the "
                                  "barn,\u201d she recounted, noting that the dam had been cracked for years.\n\n"
                                  "Mayor Jonas Eklund deplored the regional government for its slow relief.\n")["statements"]
    by_text = dict(zip(statements["text"], statements["speaker"]))
    assert by_text.get("the dam had been cracked for years") == "Maria Lopez"
    assert any("slow relief" in text and who == "Jonas Eklund" for text, who in by_text.items())


def test_a_quotation_credited_in_brackets_after_it_is_the_credited_source_s(tmp_path):
    text = ("Valley cut off\n\nRescue teams reached the valley on Monday, Maria Lopez told reporters.\n\n"
            "\u201cThe road is gone and the bridge is gone too. Nobody can get in.\u201d (Via Harbour TV)\n")
    statements = _write(tmp_path, text)["statements"]
    quoted = statements[statements["text"].str.contains("The road is gone")]
    assert list(quoted["speaker"]) == ["Harbour TV"]


@pytest.mark.parametrize("sentence, message", [
    ("Maria Lopez described how the water rose through the floor of her house.", "how the water rose"),
    ("Governor Jonas Eklund pledged a full inquiry into the collapse of the dam.", "a full inquiry"),
    ("Three farmers questioned how the dam could have been left unrepaired for years.", "how the dam could"),
])
def test_describing_how_pledging_a_thing_and_questioning_how_are_statements(tmp_path, sentence, message):
    statements = _write(tmp_path, f"Dam inquiry\n\n{sentence}\n")["statements"]
    assert any(text.startswith(message) for text in statements["text"])


def test_a_civil_defence_body_speaks_and_is_one_with_its_directorate(tmp_path):
    body = _statements_of_two(
        tmp_path, "Quake in Chile\n\nChilean troops reached Valparaiso, Chile, on Monday. The "
                  "Civil Defence Directorate of Chile said 40 homes had collapsed.\n",
        "Homes lost\n\nChilean rescuers searched Chile's coast. A further 12 people "
        "were hurt, Chilean civil defence said.\n", "homes had collapsed|were hurt")
    assert len(body) == 2 and body["speaker"].nunique() == 1


def test_it_after_a_country_spoke_is_the_country_s_body_that_spoke_before(tmp_path):
    statements = _write(tmp_path, "Arrests\n\nChile\u2019s Interior Ministry said 12 people were being held in "
                                  "Valparaiso.\n\nChile added that the northern border would stay closed.\n\n"
                                  "\u201cThe suspects entered through the northern pass,\u201d it said.\n")["statements"]
    quoted = statements[statements["text"].str.contains("northern pass")]
    assert list(quoted["speaker"]) == ["Interior Ministry of Chile"]


def test_names_are_counted_as_written_in_one_scan_per_first_word():
    import random

    from briefbook.language.attribution import times_written

    rng = random.Random(3)
    names = ["Ana Ruiz", "Bo Bo", "Li Na", "Bo Bo Bo", "Ruiz Ana"]
    for _ in range(200):
        text = " ".join(rng.choice(["Ana", "Ruiz", "Bo", "Na", "Li", "x", "AnaRuiz", "\n"]) for _ in range(40))
        counts = times_written(names, text)
        assert {n: counts[n] for n in names} == {n: text.count(n) for n in names}
