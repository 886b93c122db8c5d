"""One reading of a corpus: its parse and what every analysis derives from it once.

The analyses need the same derived views of a parsed corpus (paragraph IDF
weights, each article as a weighted word vector, what each article says of its
year). They were kept in module-level caches keyed by object identity; a
:class:`CorpusReading` is passed instead, computes each view the first time it
is asked for, and goes away with the extraction that made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from briefbook.corpus import metadata
from briefbook.corpus.model import Corpus, Document
from briefbook.language.dates import lexicon
from briefbook.language.kept import Kept
from briefbook.language.similarity import idf_of, weighted_words
from briefbook.nlp import Parsed, tokens_in


def content_lemmas(doc: Doc, start: int, end: int) -> list[str]:
    """The words that say what happened: lemmas of content words in ``doc``'s characters
    ``start``..``end``, date words (weekdays, months, time nouns) left out."""
    lex = lexicon()
    skip = {w.lower() for w in lex.weekdays} | set(metadata.MONTHS) | lex.time_nouns
    return [
        t.lemma_.lower()
        for t in tokens_in(doc, start, end)
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and t.lower_ not in skip
    ]


def body_lemmas(document: Document, docs: list[Doc]) -> list[str]:
    """The content lemmas of the article's running text, in order (:func:`content_lemmas`)."""
    return [
        lemma
        for paragraph, doc in zip(document.paragraphs, docs)
        if paragraph.role == "body"
        for lemma in content_lemmas(doc, 0, len(paragraph.text))
    ]


def paragraph_words(document: Document, docs: list[Doc]) -> list[set[str]]:
    """Each paragraph's lemmas, as a set (what inverse paragraph frequency counts)."""
    return [{t.lemma_.lower() for t in doc if t.is_alpha} for doc in docs]


def article_vector(document: Document, docs: list[Doc], idf: dict[str, float],
                   lemmas: list[str] | None = None) -> dict[str, float]:
    """The article's running text as weighted content words (for likeness between articles); ``lemmas``
    are its :func:`body_lemmas` when they were read already."""
    words = body_lemmas(document, docs) if lemmas is None else lemmas
    return weighted_words(" ".join(words), idf)


@dataclass
class CorpusReading:
    """A corpus, its parse, and the views of it that several steps share (computed once, on demand)."""

    corpus: Corpus
    parsed: Parsed
    #: Each article's results, kept within this extraction and (with a folder) between extractions:
    #: ``reading.kept(read, document, docs, *inputs)`` is ``read(document, docs, *inputs)``.
    kept: Kept = field(default_factory=Kept, repr=False)
    #: Memo for :mod:`briefbook.language.years` (what each article says of its year).
    year_readings: dict = field(default_factory=dict, repr=False)

    def of_articles(self, read, *inputs) -> dict[str, object]:
        """``read(document, docs, *inputs)`` for every article, by doc_id, kept (see :attr:`kept`)."""
        return {d.doc_id: self.kept(read, d, self.parsed[d.doc_id], *inputs) for d in self.corpus.documents}

    @cached_property
    def idf(self) -> dict[str, float]:
        """Inverse paragraph frequency of lemmas: words every article repeats weigh little."""
        return idf_of(words for paragraphs in self.of_articles(paragraph_words).values() for words in paragraphs)

    @cached_property
    def article_vectors(self) -> dict[str, dict[str, float]]:
        """Every article's running text as weighted content words, by doc_id."""
        lemmas = self.of_articles(body_lemmas)
        return {d.doc_id: article_vector(d, self.parsed[d.doc_id], self.idf, lemmas[d.doc_id])
                for d in self.corpus.documents}
