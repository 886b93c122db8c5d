"""When was each article written? The date relative expressions count from.

The loader already reads what the article says about itself (a dateline, a
dated photo caption, a "Published:" line); that is trusted first. For an
undated article two readings of its text are tried, in this order:

1. *Same happening dated in another article.* A news lead reports the day's
   news. When a lead sentence states a happening another article dates ("Putin
   said on Monday …" against a dated "… Putin said on Monday"), the article is
   taken to be from that day — and a weekday or "yesterday" in the lead must
   agree with it.
2. *Latest date mentioned.* An article is written no earlier than the latest
   day it reports; that lower bound is used as its date, with low confidence.

Otherwise the date is left empty with ``how = "not inferred"``, and the
relative dates that need it stay unresolved.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from briefbook.chronology.dates import lexicon, resolve
from briefbook.chronology.events import (
    content_lemmas, corpus_year_of, document_events, paragraph_idf, paragraph_mentions,
)
from briefbook.chronology.timeline import _vector, cosine
from briefbook.corpus.model import Corpus, Document
from briefbook.nlp import Parsed

DATELINE = "dateline"
PHOTO_CAPTION = "photo caption"
PUBLICATION_LINE = "publication line"
SAME_HAPPENING = "same happening dated in another article"
LATEST_MENTIONED = "latest date mentioned"
NOT_INFERRED = "not inferred"

#: How many body paragraphs make the lead an article's news peg is looked for in.
LEAD_PARAGRAPHS = 2
#: Weighted-word cosine a lead sentence must reach with another article's dated event.
LEAD_MATCH = 0.3
#: What a lead's weekday agreeing with the other article's date adds to the score.
AGREEING_DAY = 0.15
#: How many passes: an article dated in one pass can date another in the next.
PASSES = 2

COLUMNS = ["doc_id", "date", "how", "confidence", "evidence"]


def _from_document(document: Document) -> tuple[str, str] | None:
    """How and how sure, for a date the loader found in the article's own text."""
    how = document.published_how
    if document.published is None:
        return None
    if how.startswith("dateline"):
        return DATELINE, "high" if how == "dateline" else "medium"
    if "caption" in how:
        return PHOTO_CAPTION, "high"
    if how.startswith("publication"):
        return PUBLICATION_LINE, "high"
    return how, "high"


def dates_by_doc(dates: pd.DataFrame) -> dict[str, dt.date | None]:
    """``{doc_id: date}`` from :func:`article_dates`'s table (None where not inferred)."""
    return {
        row["doc_id"]: dt.date.fromisoformat(row["date"]) if row["date"] else None
        for row in dates.to_dict("records")
    }


def _lead_sentences(document: Document, docs) -> list:
    body = [(p, d) for p, d in zip(document.paragraphs, docs) if p.role == "body"]
    return [(p, sent) for p, d in body[:LEAD_PARAGRAPHS] for sent in d.sents]


def _lead_agrees(paragraph, sent, candidate: dt.date) -> tuple[bool | None, dt.date]:
    """Whether the lead's own relative date fits ``candidate``, and the article date that follows.

    Returns None for "the lead gives no relative date to check". A lead's "on
    Monday" must name ``candidate``'s weekday (the article is then dated that
    day, the earliest it can be); "yesterday" makes the article a day later
    than the happening.
    """
    mentions = [
        m for m in paragraph_mentions(paragraph)
        if sent.start_char <= m.start < sent.end_char and m.shape in ("weekday", "deictic")
    ]
    if not mentions:
        return None, candidate
    mention = mentions[0]
    if mention.shape == "weekday":
        return mention.weekday == candidate.weekday(), candidate
    low, high = mention.offset
    return low == high, candidate - dt.timedelta(days=low)


def _same_happening(document, docs, dated_events: list[dict], idf) -> tuple[dt.date, str] | None:
    """The best match of a lead sentence with another article's dated event.

    A weekday (or "yesterday") in the lead that agrees with the other article's
    date is a second, independent cue, so it adds :data:`AGREEING_DAY` to the
    word similarity; one that disagrees rules the match out.
    """
    best = None
    for paragraph, sent in _lead_sentences(document, docs):
        lemmas = content_lemmas(sent.doc, sent.start_char, sent.end_char)
        vector = _vector(" ".join(lemmas), idf)
        for event in dated_events:
            if event["doc_id"] == document.doc_id:
                continue
            similarity = cosine(vector, _vector(event["keywords"], idf))
            agrees, date = _lead_agrees(paragraph, sent, dt.date.fromisoformat(event["date"]))
            if agrees is False:
                continue
            score = similarity + (AGREEING_DAY if agrees else 0.0)
            if score >= LEAD_MATCH and (best is None or score > best[0]):
                best = (score, date, event)
    if best is None:
        return None
    event = best[2]
    return best[1], f"{event['anchor']}: {event['text'][:120]} (score {best[0]:.2f})"


def _latest_mentioned(document: Document, year: int | None) -> tuple[dt.date, str] | None:
    latest = None
    for paragraph in document.paragraphs:
        if paragraph.role != "body":
            continue
        for mention in paragraph_mentions(paragraph):
            if mention.shape != "absolute":
                continue
            resolved = resolve(mention, None, year)
            if resolved.ok and (latest is None or resolved.first > latest[0]):
                latest = (resolved.first, f"{paragraph.anchor}: {mention.text}")
    return latest


def article_dates(corpus: Corpus, parsed: Parsed) -> pd.DataFrame:
    """One row per article: doc_id, date (ISO or empty), how, confidence, evidence."""
    lexicon()  # fail early on a broken data file
    found: dict[str, dict] = {}
    for document in corpus.documents:
        own = _from_document(document)
        if own:
            found[document.doc_id] = {
                "doc_id": document.doc_id, "date": document.published.isoformat(), "how": own[0],
                "confidence": own[1], "evidence": document.published_how,
            }
    idf = paragraph_idf(parsed)
    for _ in range(PASSES):
        known = {doc_id: dt.date.fromisoformat(row["date"]) for doc_id, row in found.items()}
        year = corpus_year_of(corpus, known)
        dated_events = [
            event
            for document in corpus.documents
            if document.doc_id in known
            for event in document_events(document, parsed[document.doc_id], known[document.doc_id], year)
            if event["precision"] == "day"
        ]
        inferred = {}
        for document in corpus.documents:
            if document.doc_id in found:
                continue
            peg = _same_happening(document, parsed[document.doc_id], dated_events, idf)
            latest = _latest_mentioned(document, year)
            if peg and (latest is None or peg[0] >= latest[0]):
                inferred[document.doc_id] = (peg[0], SAME_HAPPENING, "medium", peg[1])
        if not inferred:
            break
        for doc_id, (date, how, confidence, evidence) in inferred.items():
            found[doc_id] = {"doc_id": doc_id, "date": date.isoformat(), "how": how,
                             "confidence": confidence, "evidence": evidence}
    # A lower bound is a weaker reading: only for articles no happening could date.
    year = corpus_year_of(corpus, {k: dt.date.fromisoformat(v["date"]) for k, v in found.items()})
    for document in corpus.documents:
        if document.doc_id not in found and (latest := _latest_mentioned(document, year)):
            found[document.doc_id] = {"doc_id": document.doc_id, "date": latest[0].isoformat(),
                                      "how": LATEST_MENTIONED, "confidence": "low", "evidence": latest[1]}
    rows = [
        found.get(d.doc_id) or {"doc_id": d.doc_id, "date": "", "how": NOT_INFERRED, "confidence": "", "evidence": ""}
        for d in corpus.documents
    ]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("doc_id").reset_index(drop=True)
