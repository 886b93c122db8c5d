"""Finding and resolving date expressions, on sentences written here."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.language import dates
from briefbook.language.dates import find_mentions, nearest_year, resolve

WED = dt.date(2021, 9, 15)  # a Wednesday


def shapes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.shape) for m in find_mentions(text)]


def test_absolute_dates_in_both_orders_with_and_without_year():
    found = shapes("Talks opened on Sept. 3rd and closed on 12 October 2020; voting was on March 4, 2019.")
    assert found == [("Sept. 3rd", "absolute"), ("12 October 2020", "absolute"), ("March 4, 2019", "absolute")]
    years = [m.year for m in find_mentions("on 12 October 2020 and on Sept. 3rd")]
    assert years == [2020, None]


def test_bare_month_needs_a_lead_in_and_a_capital():
    assert shapes("The fire started in August.") == [("August", "month")]
    assert shapes("Officials may resign. April said nothing.") == []
    assert shapes("Prices rose in mid-July.")[0] == ("mid-July", "month")


def test_weekdays_relative_and_counted_phrases():
    found = shapes("He left on Friday; the next day it rained, three weeks later it stopped and two days ago it snowed.")
    assert found == [
        ("Friday", "weekday"), ("the next day", "anaphoric"), ("three weeks later", "anaphoric"),
        ("two days ago", "deictic"),
    ]


def test_after_a_noun_phrase_is_not_a_date_but_after_a_clause_is_an_interval():
    assert shapes("Two days after the vote, crowds gathered.") == [("Two days after", "interval")]
    assert [m.shape for m in find_mentions("He resigned a week after.")] == ["anaphoric"]


def test_written_date_takes_the_article_year_or_says_where_the_year_came_from():
    mention = find_mentions("on June 3")[0]
    assert resolve(mention, WED, None).label == "2021-06-03"
    assert resolve(mention, WED, None).how == dates.YEAR_FROM_ARTICLE
    from_corpus = resolve(mention, None, (2018, "the corpus's time span"))
    assert from_corpus.label == "2018-06-03" and "corpus" in from_corpus.how
    assert not resolve(mention, None, None).ok


def test_year_of_a_year_less_date_is_the_nearest_one_looking_back():
    assert nearest_year(12, 28, dt.date(2022, 1, 5)) == 2021
    assert nearest_year(1, 2, dt.date(2022, 1, 5)) == 2022


def test_weekday_counts_back_from_the_article_unless_the_clause_looks_forward():
    monday = find_mentions("on Monday")[0]
    assert resolve(monday, WED, None).first == dt.date(2021, 9, 13)
    assert resolve(monday, WED, None, future=True).first == dt.date(2021, 9, 20)
    wednesday = find_mentions("on Wednesday")[0]
    assert resolve(wednesday, WED, None).first == WED
    last_wednesday = find_mentions("last Wednesday")[0]
    assert resolve(last_wednesday, WED, None).first == dt.date(2021, 9, 8)
    assert resolve(wednesday, WED, None, future=True).first == WED  # "will speak Wednesday", said that day
    next_wednesday = find_mentions("next Wednesday")[0]
    assert resolve(next_wednesday, WED, None, future=True).first == dt.date(2021, 9, 22)


def test_relative_dates_without_their_anchor_stay_unresolved_and_say_why():
    assert resolve(find_mentions("on Monday")[0], None, (2021, "x")).how == dates.NO_ARTICLE_DATE
    assert resolve(find_mentions("yesterday")[0], None, None).how == dates.NO_ARTICLE_DATE
    later = find_mentions("two days later")[0]
    assert resolve(later, WED, None).how == dates.NO_EARLIER_DATE
    anchored = resolve(later, WED, None, anchor=(dt.date(2021, 9, 1), dates.FROM_PARAGRAPH))
    assert anchored.first == dt.date(2021, 9, 3) and anchored.how == dates.FROM_PARAGRAPH


def test_vague_counts_and_calendar_weeks_resolve_to_ranges():
    few = resolve(find_mentions("a few days later")[0], None, None, anchor=(dt.date(2021, 9, 1), "x"))
    assert (few.precision, few.first, few.last) == ("range", dt.date(2021, 9, 3), dt.date(2021, 9, 5))
    last_week = resolve(find_mentions("last week")[0], WED, None)
    assert (last_week.first, last_week.last) == (dt.date(2021, 9, 6), dt.date(2021, 9, 12))
    weekend = resolve(find_mentions("since the weekend")[0], WED, None)
    assert (weekend.first, weekend.last) == (dt.date(2021, 9, 11), dt.date(2021, 9, 12))
    # the night before the article's day: it runs from the day before into the day itself
    night = resolve(find_mentions("Overnight, the river rose by a metre")[0], WED, None)
    assert (night.precision, night.first, night.last) == ("range", dt.date(2021, 9, 14), WED)


def test_hours_count_as_the_nearest_whole_day_and_a_stretch_of_hours_names_no_day():
    sept_1 = (dt.date(2021, 9, 1), "x")
    later = resolve(find_mentions("ten hours later")[0], None, None, anchor=sept_1)
    next_day = resolve(find_mentions("30 hours later")[0], None, None, anchor=sept_1)
    assert (later.first, next_day.first) == (dt.date(2021, 9, 1), dt.date(2021, 9, 2))
    assert [m.shape for m in find_mentions("Divers found a car six hours after the collapse.")] == ["interval"]
    assert find_mentions("Prices may fall over the next few hours.") == []


@pytest.mark.parametrize(
    "text, label, precision",
    [("in March 2020", "2020-03", "month"), ("in early March 2020", "2020-03-01", "range")],
)
def test_months_have_month_precision_and_their_parts_a_range(text, label, precision):
    result = resolve(find_mentions(text)[0], None, None)
    assert (result.label, result.precision) == (label, precision)


def test_parts_of_months_and_stretches_from_the_article_date():
    end = resolve(find_mentions("published by the end of October")[0], WED, None)
    assert (end.first, end.last, end.precision) == (dt.date(2021, 10, 21), dt.date(2021, 10, 31), "range")
    first_weeks = resolve(find_mentions("in the first two weeks of March 2020")[0], None, None)
    assert (first_weeks.first, first_weeks.last) == (dt.date(2020, 3, 1), dt.date(2020, 3, 14))
    coming = resolve(find_mentions("over the next three weeks")[0], WED, None)
    assert (coming.first, coming.last) == (dt.date(2021, 9, 16), dt.date(2021, 10, 6))


def test_a_count_from_a_named_happening_needs_that_happening_dated():
    mention = find_mentions("He resigned the day after the vote.")[0]
    assert (mention.shape, mention.noun) == ("after_noun", "vote")
    assert not resolve(mention, WED, None).ok
    assert resolve(mention, WED, None, anchor=(dt.date(2021, 9, 5), "x")).first == dt.date(2021, 9, 6)


def test_a_lent_year_puts_a_year_less_day_nearest_the_date_it_was_lent_from():
    from briefbook.language.dates import CORPUS_SPAN
    from briefbook.language.years import FallbackYear

    mention = find_mentions("He crossed the border on December 19.")[0]
    assert resolve(mention, None, FallbackYear(2031, CORPUS_SPAN, dt.date(2031, 1, 4))).first == dt.date(2030, 12, 19)
    assert resolve(mention, None, FallbackYear(2031, CORPUS_SPAN)).first == dt.date(2031, 12, 19)


def test_a_capitalised_today_inside_a_name_is_no_date():
    assert find_mentions("Via The Daily Wire, Veldonia Today") == []
    assert [m.text for m in find_mentions("He spoke on Monday. Today the toll rose.")] == ["Monday", "Today"]


def test_a_count_after_which_a_clause_follows_is_an_interval_whatever_its_first_word():
    found = find_mentions("Six were hurt on Tuesday, medics said, a day after more than 250 others fell ill.")
    assert [(m.text, m.shape, m.offset) for m in found][-1] == ("a day after", "interval", (-1, -1))
    assert [(m.shape, m.offset) for m in find_mentions("The rally began a day after.")] == [("anaphoric", (1, 1))]


@pytest.mark.parametrize("text, phrase", [
    ("Brenner was detained later in the day.", "later in the day"),
    ("An hour later, the mayor named new fire chiefs.", "An hour later"),
    ("The depot had been searched by the police earlier in the day.", "earlier in the day"),
])
def test_the_same_day_said_in_passing_is_the_day_of_the_text_before(text, phrase):
    assert [(m.text, m.shape, m.offset) for m in find_mentions(text)] == [(phrase, "anaphoric", (0, 0))]


@pytest.mark.parametrize("text, label, precision, last", [
    ("the valley floods earlier this month", "2031-07-01", "range", "2031-07-20"),
    ("a district court froze the levy last month", "2031-06", "month", "2031-06-30"),
    ("talks will resume next month", "2031-08", "month", "2031-08-31"),
])
def test_calendar_months_count_from_the_article_s_month(text, label, precision, last):
    (mention,) = find_mentions(text)
    resolved = resolve(mention, dt.date(2031, 7, 21), None)
    assert (resolved.label, resolved.precision, resolved.last.isoformat()) == (label, precision, last)
