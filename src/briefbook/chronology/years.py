"""Which year a date written without one belongs to, when the article's own date is unknown.

"January 2" needs a year. The article's date gives the best one (see
:func:`briefbook.chronology.dates.nearest_year`); without it, in this order:

1. the latest year the article writes in a date ("5 June 2024", "in March
   2023"): reports look back, so the latest dated year is most often the
   article's own;
2. the year of the dated article most like it (the same story from another
   outlet, in a folder that may hold several stories);
3. the latest bare year the article writes ("the 2024 election") — weaker,
   since bare years are often history ("the worst since 1963");
4. the corpus's year (:func:`briefbook.chronology.events.corpus_year_of`).
"""

from __future__ import annotations

import datetime as dt
import re

from briefbook.corpus.model import Corpus, Document
from briefbook.nlp import Parsed

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
OWN_TEXT = "the article's text"
OWN_DATES = "the dates the article writes"
SIMILAR_ARTICLE = "the most similar dated article"
CORPUS_SPAN = "the corpus's time span"
#: How alike (weighted-word cosine of whole articles) another article must be to lend its year.
SIMILAR_ENOUGH = 0.2


def latest_year_written(document: Document, in_dates: bool = True) -> int | None:
    """The latest year in the article's running text: in a written date, or (``in_dates=False``) anywhere."""
    from briefbook.chronology.dates import find_mentions

    years = []
    for paragraph in document.paragraphs:
        if paragraph.role != "body":
            continue
        if in_dates:
            years += [m.year for m in find_mentions(paragraph.text) if m.year]
        else:
            years += [int(y) for y in YEAR.findall(paragraph.text)]
    return max(years) if years else None


def fallback_years(
    corpus: Corpus,
    parsed: Parsed,
    known: dict[str, dt.date | None],
    corpus_year: int | None,
    vectors: dict[str, dict[str, float]] | None = None,
) -> dict[str, tuple[int, str]]:
    """``{doc_id: (year, where it comes from)}`` for every article (see the module docstring).

    ``vectors`` (doc_id -> weighted words, :func:`article_vectors`) can be passed
    in when already computed.
    """
    if vectors is None:
        vectors = article_vectors(corpus, parsed)
    readings = _readings(corpus, vectors)
    years: dict[str, tuple[int, str]] = {}
    for document in corpus.documents:
        own, bare, alike = readings[document.doc_id]
        if own is not None:
            years[document.doc_id] = (own, OWN_DATES)
            continue
        # ``alike`` runs from the most alike article down: the first known one lends its
        # year (on a tie in likeness, the latest year of the tied ones).
        lenders = [(likeness, known[other].year) for likeness, other in alike if known.get(other) is not None]
        if lenders:
            top = lenders[0][0]
            years[document.doc_id] = (max(year for likeness, year in lenders if likeness == top), SIMILAR_ARTICLE)
        elif bare is not None:
            years[document.doc_id] = (bare, OWN_TEXT)
        elif corpus_year is not None:
            years[document.doc_id] = (corpus_year, CORPUS_SPAN)
    return years


def _readings(corpus: Corpus, vectors: dict[str, dict[str, float]]) -> dict[str, tuple[int | None, int | None, list]]:
    """Per article: the latest year in its dates, the latest bare year, and the articles alike enough
    to lend a year as ``(likeness, doc_id)``, most alike first.

    None of this depends on which articles are dated yet, so dating the corpus
    (which asks again after each pass) computes it once per corpus and vectors.
    """
    from briefbook.chronology.timeline import cosine_with_norms, similar_candidates, vector_norm, word_index

    if _READINGS_CACHE and _READINGS_CACHE[0][0] is corpus and _READINGS_CACHE[0][1] is vectors:
        return _READINGS_CACHE[0][2]
    ids = list(vectors)
    norms = {doc_id: vector_norm(vector) for doc_id, vector in vectors.items()}
    index = word_index([vectors[doc_id] for doc_id in ids])
    readings = {}
    for document in corpus.documents:
        doc_id = document.doc_id
        own = latest_year_written(document)
        alike = []
        if own is None and doc_id in vectors:
            # Only articles that may reach SIMILAR_ENOUGH can lend a year; the index finds them
            # without comparing every pair of articles.
            for other in (ids[i] for i in similar_candidates(vectors[doc_id], SIMILAR_ENOUGH, index)):
                if other != doc_id:
                    likeness = cosine_with_norms(vectors[doc_id], vectors[other], norms[doc_id], norms[other])
                    if likeness >= SIMILAR_ENOUGH:
                        alike.append((likeness, other))
            alike.sort(key=lambda pair: -pair[0])  # stable: ties keep reading order
        bare = None if own is not None else latest_year_written(document, in_dates=False)
        readings[doc_id] = (own, bare, alike)
    _READINGS_CACHE[:] = [(corpus, vectors, readings)]
    return readings


def article_vectors(corpus: Corpus, parsed: Parsed) -> dict[str, dict[str, float]]:
    """Every article's running text as weighted content words."""
    from briefbook.chronology.events import article_vector, paragraph_idf

    if _VECTORS_CACHE and _VECTORS_CACHE[0][0] is corpus and _VECTORS_CACHE[0][1] is parsed:
        return _VECTORS_CACHE[0][2]
    idf = paragraph_idf(parsed)
    vectors = {d.doc_id: article_vector(d, parsed[d.doc_id], idf) for d in corpus.documents}
    _VECTORS_CACHE[:] = [(corpus, parsed, vectors)]
    return vectors


#: Dating the articles and extracting events both need the same parse's vectors: the last is kept.
_VECTORS_CACHE: list[tuple[Corpus, Parsed, dict[str, dict[str, float]]]] = []
#: (corpus, vectors, readings) of the last corpus dated (see :func:`_readings`).
_READINGS_CACHE: list[tuple[Corpus, dict, dict]] = []
