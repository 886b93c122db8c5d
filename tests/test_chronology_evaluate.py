"""The issue's accuracy thresholds, against the hand annotations, and the scoring rules."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from briefbook.chronology import article_dates, extract_events
from briefbook.chronology.evaluate import date_right, gold_range, load_gold, score
from briefbook.corpus import load_corpus
from briefbook.language.reading import CorpusReading
from briefbook.nlp import parse_corpus
from conftest import ANNOTATIONS, CORPORA


def measures(metrics) -> dict[str, object]:
    return {m.measure: m for m in metrics}


def _gold(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_seeds_event_with_right_date_f1_at_least_0_90(seeds_corpus, seeds_parsed):
    dates = article_dates(CorpusReading(seeds_corpus, seeds_parsed))
    events = extract_events(CorpusReading(seeds_corpus, seeds_parsed), dates)
    gold_events, gold_articles = load_gold(_gold(ANNOTATIONS / "seeds" / "events.yaml"), seeds_corpus)
    found = measures(score(events, dates, gold_events, gold_articles, "seeds"))
    assert len(gold_events) >= 15 and len(gold_articles) == len(seeds_corpus.documents)
    assert found["event+date"].f1 >= 0.90, found["event+date"]
    assert found["article dates found"].share >= 0.6, found["article dates found"]


def test_own_articles_event_with_right_date_f1_at_least_0_80():
    corpus = load_corpus(CORPORA / "chronology")
    parsed = parse_corpus(corpus)
    dates = article_dates(CorpusReading(corpus, parsed))
    events = extract_events(CorpusReading(corpus, parsed), dates)
    gold_events, gold_articles = load_gold(_gold(ANNOTATIONS / "chronology" / "events.yaml"), corpus)
    assert len(corpus.documents) >= 3 and len(gold_events) >= 20
    found = measures(score(events, dates, gold_events, gold_articles, "chronology"))
    assert found["event+date"].f1 >= 0.80, found["event+date"]
    assert found["article dates found"].share >= 0.5, found["article dates found"]


@pytest.mark.parametrize(
    "gold, predicted, right",
    [
        ("2022-01-02", (dt.date(2022, 1, 2), dt.date(2022, 1, 2), "day"), True),
        ("2022-01-02", (dt.date(2022, 1, 3), dt.date(2022, 1, 3), "day"), False),
        ("2022-01", (dt.date(2022, 1, 1), dt.date(2022, 1, 31), "month"), True),
        ("2022-01", (dt.date(2022, 1, 5), dt.date(2022, 1, 5), "day"), False),
        ("2022-01-04/2022-01-07", (dt.date(2022, 1, 6), dt.date(2022, 1, 8), "range"), True),
        ("2022-01-04/2022-01-07", (dt.date(2022, 1, 9), dt.date(2022, 1, 9), "day"), False),
    ],
)
def test_a_date_is_right_at_the_gold_precision(gold, predicted, right):
    assert date_right(predicted, gold_range(gold)) is right
    assert date_right(None, gold_range(gold)) is False
