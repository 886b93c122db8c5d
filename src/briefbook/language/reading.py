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


def article_vector(document: Document, docs: list[Doc], idf: dict[str, float]) -> dict[str, float]:
    """The article's running text as weighted content words (for likeness between articles)."""
    words = [
        lemma
        for paragraph, doc in zip(document.paragraphs, docs)
        if paragraph.role == "body"
        for lemma in content_lemmas(doc, 0, len(doc.text))
    ]
    return weighted_words(" ".join(words), idf)


@dataclass
class CorpusReading:
    """A corpus, its parse, and the views of it that several steps share (computed once, on demand)."""

    corpus: Corpus
    parsed: Parsed
    #: Memo for :mod:`briefbook.language.years` (what each article says of its year).
    year_readings: dict = field(default_factory=dict, repr=False)

    @cached_property
    def idf(self) -> dict[str, float]:
        """Inverse paragraph frequency of lemmas: words every article repeats weigh little."""
        return idf_of({t.lemma_.lower() for t in doc if t.is_alpha} for docs in self.parsed.values() for doc in docs)

    @cached_property
    def article_vectors(self) -> dict[str, dict[str, float]]:
        """Every article's running text as weighted content words, by doc_id."""
        return {d.doc_id: article_vector(d, self.parsed[d.doc_id], self.idf) for d in self.corpus.documents}
