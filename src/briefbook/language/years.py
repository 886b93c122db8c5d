"""Which year a date written without one belongs to, when the article's own date is unknown.

"January 2" needs a year. The article's date gives the best one (see
:func:`briefbook.language.dates.nearest_year`); without it, in this order:

1. the latest year the article writes in a day's date ("5 June 2024"):
   reports look back, so the latest dated year is most often the article's own;
2. the year of the dated article most like it (the same story from another
   outlet, in a folder that may hold several stories);
3. the latest year the article writes in a month's date ("in March 2023"):
   history is cited so more often than by the day ("killed in January 2020");
4. the latest bare year the article writes ("the 2024 election") — weaker,
   since bare years are often history ("the worst since 1963");
5. the corpus's year (:func:`corpus_year_of`).

This is the one rule for the year of a date written without one: the
chronology's events, the articles' own dates and the figures' report dates all
take it from here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from briefbook.corpus import metadata
from briefbook.corpus.model import Corpus, Document
from briefbook.language.dates import CORPUS_SPAN, OWN_DATES, OWN_TEXT, SIMILAR_ARTICLE, FallbackYear, find_mentions
from briefbook.language.reading import CorpusReading
from briefbook.language.similarity import cosine_with_norms, nearest_candidates, vector_norm, word_index

#: How alike (weighted-word cosine of whole articles) another article must be to lend its year.
SIMILAR_ENOUGH = 0.2
#: How many articles are asked at most (those sharing the rarest words first): in a corpus of one story
#: every article may be alike enough, and asking them all is quadratic in the corpus.
MOST_LENDERS = 200


def latest_years_written(document: Document) -> tuple[int | None, int | None]:
    """The latest year the article's running text writes in any date, and in a day's date (one read)."""
    dated = [(m.year, m.day is not None) for paragraph in document.paragraphs if paragraph.role == "body"
             for m in find_mentions(paragraph.text) if m.year]
    return max((y for y, _ in dated), default=None), max((y for y, day in dated if day), default=None)


def latest_bare_year(document: Document) -> int | None:
    """The latest year the article's running text writes anywhere ("the 2024 election")."""
    years = [y for paragraph in document.paragraphs if paragraph.role == "body"
             for y in metadata.bare_years_in(paragraph.text)]
    return max(years) if years else None


def corpus_year_of(corpus: Corpus, known: dict[str, dt.date | None]) -> int | None:
    """The year the corpus is about: most of its known article dates, else the year written most."""
    years = Counter(d.year for d in known.values() if d)
    if years:
        return max(years.items(), key=lambda item: (item[1], item[0]))[0]
    return metadata.corpus_year([d.text for d in corpus.documents])


def fallback_years(
    reading: CorpusReading,
    known: dict[str, dt.date | None],
    corpus_year: int | None,
) -> dict[str, FallbackYear]:
    """``{doc_id: FallbackYear}`` for every article (see the module docstring)."""
    readings = _readings(reading)
    years: dict[str, FallbackYear] = {}
    # the corpus's middle known date, in its year: where a year-less day of an unplaced article falls nearest
    in_year = sorted(d for d in known.values() if d is not None and d.year == corpus_year)
    middle = in_year[len(in_year) // 2] if in_year else None
    for document in reading.corpus.documents:
        reading = readings[document.doc_id]
        if reading.own is not None and (reading.own_day is not None or not reading.candidates):
            years[document.doc_id] = FallbackYear(reading.own, OWN_DATES)
            continue
        lenders = [(reading.likeness(other), known[other]) for other in reading.candidates
                   if known.get(other) is not None]
        best = max(lenders, default=None)
        if best is not None and best[0] >= SIMILAR_ENOUGH:
            years[document.doc_id] = FallbackYear(best[1].year, SIMILAR_ARTICLE, best[1])
        elif reading.own is not None:
            years[document.doc_id] = FallbackYear(reading.own, OWN_DATES)
        elif reading.bare is not None:
            years[document.doc_id] = FallbackYear(reading.bare, OWN_TEXT)
        elif corpus_year is not None:
            years[document.doc_id] = FallbackYear(corpus_year, CORPUS_SPAN, middle)
    return years


class _Reading:
    """What one article says of its year, and its likeness to the articles that might lend one.

    None of it depends on which articles are dated yet, so dating the corpus
    (which asks again after each pass) reads each article once; likenesses are
    computed the first time a dated candidate needs one. An article whose own
    dates give its year asks no other article (``candidates`` is empty).
    """

    def __init__(self, document: Document, vectors: dict[str, dict[str, float]], norms: dict[str, float],
                 index: dict[str, list[int]], ids: list[str]):
        self.doc_id = document.doc_id
        self.own, self.own_day = latest_years_written(document)
        self.bare = None
        self.candidates: list[str] = []
        self._vectors, self._norms, self._memo = vectors, norms, {}
        if self.own_day is None:
            self.bare = latest_bare_year(document)
            # Only articles that may reach SIMILAR_ENOUGH can lend a year; the index finds them
            # without comparing every pair of articles (a best below the bound is not used).
            self.candidates = [ids[i] for i in nearest_candidates(vectors[self.doc_id], SIMILAR_ENOUGH, index,
                                                                  MOST_LENDERS + 1)
                               if ids[i] != self.doc_id]

    def likeness(self, other: str) -> float:
        if other not in self._memo:
            self._memo[other] = cosine_with_norms(self._vectors[self.doc_id], self._vectors[other],
                                                  self._norms[self.doc_id], self._norms[other])
        return self._memo[other]


def _readings(reading: CorpusReading) -> dict[str, _Reading]:
    """A :class:`_Reading` per article, made once per corpus reading (the dating passes ask again)."""
    if not reading.year_readings:
        vectors = reading.article_vectors
        ids = list(vectors)
        norms = {doc_id: vector_norm(vector) for doc_id, vector in vectors.items()}
        index = word_index([vectors[doc_id] for doc_id in ids])
        reading.year_readings.update(
            {document.doc_id: _Reading(document, vectors, norms, index, ids) for document in reading.corpus.documents})
    return reading.year_readings
