"""Which year a date written without one belongs to, when the article's own date is unknown.

"January 2" needs a year. The article's date gives the best one (see
:func:`briefbook.chronology.dates.nearest_year`); without it, in this order:

1. the latest year the article itself writes ("… in March 2023", "the 2010
   floods"): reports look back, so the latest year written is the article's own
   in most cases;
2. the year of the dated article most like it (the same story from another
   outlet, in a folder that may hold several stories);
3. the corpus's year (:func:`briefbook.chronology.events.corpus_year_of`).
"""

from __future__ import annotations

import datetime as dt
import re

from briefbook.corpus.model import Corpus, Document
from briefbook.nlp import Parsed

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
OWN_TEXT = "the article's text"
SIMILAR_ARTICLE = "the most similar dated article"
CORPUS_SPAN = "the corpus's time span"
#: How alike (weighted-word cosine of whole articles) another article must be to lend its year.
SIMILAR_ENOUGH = 0.2


def latest_year_written(document: Document) -> int | None:
    """The latest four-digit year in the article's running text."""
    years = [int(y) for p in document.paragraphs if p.role == "body" for y in YEAR.findall(p.text)]
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
    from briefbook.chronology.timeline import cosine

    if vectors is None:
        vectors = article_vectors(corpus, parsed)
    years: dict[str, tuple[int, str]] = {}
    for document in corpus.documents:
        own = latest_year_written(document)
        if own is not None:
            years[document.doc_id] = (own, OWN_TEXT)
            continue
        similar = [
            (cosine(vectors[document.doc_id], vectors[other]), date.year)
            for other, date in known.items()
            if date is not None and other != document.doc_id
        ]
        best = max(similar, default=None)
        if best is not None and best[0] >= SIMILAR_ENOUGH:
            years[document.doc_id] = (best[1], SIMILAR_ARTICLE)
        elif corpus_year is not None:
            years[document.doc_id] = (corpus_year, CORPUS_SPAN)
    return years


def article_vectors(corpus: Corpus, parsed: Parsed) -> dict[str, dict[str, float]]:
    """Every article's running text as weighted content words."""
    from briefbook.chronology.events import article_vector, paragraph_idf

    idf = paragraph_idf(parsed)
    return {d.doc_id: article_vector(d, parsed[d.doc_id], idf) for d in corpus.documents}
