"""Every casualty or force figure of a corpus, one row per number phrase.

The pipeline per paragraph: find number phrases in the text
(:mod:`~briefbook.figures.numbers`), map each to its tokens in the shared
spaCy parse, decide what it counts (:mod:`~briefbook.figures.counted`), drop
numbers that are no figure of the event (:mod:`~briefbook.figures.filters`),
keep it only when it counts people or materiel and say what happened to them
(:mod:`~briefbook.figures.classify`); then add the hedge
(:mod:`~briefbook.figures.qualifiers`), the source
(:mod:`~briefbook.figures.attribution`) and the date
(:mod:`~briefbook.figures.dates`). No text is parsed again here.
"""

from __future__ import annotations


import datetime as dt

import pandas as pd
from spacy.tokens import Doc, Span, Token

from briefbook.corpus.model import Document, Paragraph
from briefbook.figures import classify, filters
from briefbook.figures.attribution import attribution_of
from briefbook.figures.counted import ELLIPTIC_DEPS, Counted, counted_noun, span_head
from briefbook.figures.dates import INFERRED_ARTICLE_DATE, date_for
from briefbook.figures.numbers import NumberPhrase, after_from, bounds, find_numbers
from briefbook.figures.qualifiers import modifier_before, qualifier_of
from briefbook.figures.schema import COLUMNS
from briefbook.language.attribution import credited_speaker
from briefbook.language.attribution import corpus_nationality
from briefbook.language.dates import dates_by_doc
from briefbook.language.ids import FIGURE, span_id
from briefbook.language.reading import CorpusReading
from briefbook.language.years import corpus_year_of, fallback_years

#: Paragraph roles figures are read from (agency credit lines carry none).
ROLES = ("title", "body", "caption")


def figure_id(doc_id: str, start: int, end: int) -> str:
    """A stable id from the row's place in its article (see :mod:`briefbook.language.ids`)."""
    return span_id(FIGURE, doc_id, start, end)


def _tokens_of(doc: Doc, phrase: NumberPhrase) -> list[Token]:
    return [t for t in doc if t.idx < phrase.end and t.idx + len(t) > phrase.start]


def _sentence_figures(
    sentence: Span, phrases: list[NumberPhrase], paragraph: Paragraph, statements: list[tuple[int, int, str]],
    article_date: dt.date | None, date_how: str, fallback_year: tuple[int, str] | None, in_document: list[Counted],
    ids: dict[int, str], categories: dict[str, str], home: str | None = None,
) -> list[dict]:
    """The figures among the number ``phrases`` of one sentence.

    ``in_document`` grows as figures are read (later figures may borrow their
    noun: "30 of them"); ``ids``/``categories`` remember each figure's id and
    category so a part ("four of them seriously") can point at its whole.
    """
    year = article_date.year if article_date else (fallback_year[0] if fallback_year else None)
    kept: list[tuple[NumberPhrase, Token, Counted, str | None]] = []
    in_sentence: list[Counted] = []
    # "rose from 410 to 589": the older value is read after the count it is the older value of
    text = paragraph.text
    phrases = sorted(phrases, key=lambda p: after_from(text, p.start))
    for phrase in phrases:
        tokens = _tokens_of(sentence.doc, phrase)
        if not tokens:
            continue
        number = span_head(tokens)
        counted = counted_noun(number, in_sentence, in_document)
        if filters.is_age(number) or filters.is_no_count(number) or filters.is_background(counted) \
                or filters.is_historical(counted, number, year) or filters.is_anaphoric(counted, number):
            continue
        who = "other" if classify.is_equipment(counted) else classify.who_of(counted, home)
        if who is None and phrase.vague and counted.noun is None and number.dep_ in {*ELLIPTIC_DEPS, "pobj"}:
            who = "people"  # "drove thousands from the valley": a bare magnitude counts people
        if who is None and counted.borrowed:
            # "214 had been detained in Amel, 52 in Oskar": a bare count that stands in for a kept one
            who = next((w for _, _, c, w in kept if c is counted.antecedent), None)
        if who is None:
            # a bare count ("at least 12 died") is a figure only when the sentence says what
            # happened to those counted and the number is an argument of that verb
            category, how = classify.category_of(counted, number, who, sentence)
            named = category in ("killed", "injured", "detained") or (category == "other" and how == "verb")
            bare = counted.noun is None and number.lower_ != "one" and named \
                and (counted.quantity is not None or number.dep_ in ("nsubj", "nsubjpass", "dobj")
                     or bool(classify.own_cues(number)))  # a headline's "More than 700 killed"
            if not bare:
                continue
            who = "people"
        in_sentence.append(counted)
        in_document.append(counted)
        kept.append((phrase, number, counted, who))
    cues = {id(c): {t.i for t in classify.direct_cues(c, n)} for _, n, c, _ in kept}
    rows: list[dict] = []
    for phrase, number, counted, who in kept:
        ids[id(counted)] = figure_id(paragraph.doc_id, paragraph.start + phrase.start, paragraph.start + phrase.end)
        taken = set().union(*(v for k, v in cues.items() if k != id(counted))) if len(cues) > 1 else set()
        category, category_how = classify.category_of(counted, number, who, sentence, taken)
        inherited = categories.get(ids.get(id(counted.antecedent), ""))
        if counted.borrowed and not counted.previous_value and category_how == "default" and inherited:
            category, category_how = inherited, "antecedent"  # "five were airlifted": part of the injured
        modifier = modifier_before(paragraph.text, phrase.start)
        qualifier = qualifier_of(number, counted, modifier, sentence)
        if qualifier == "up_to" and modifier == "none":
            modifier = "up_to"
        low, high = bounds(phrase, modifier)
        when, how = date_for(sentence, number, phrase.start - sentence.start_char, article_date, fallback_year)
        if when is None and article_date is not None:
            when, how = article_date, date_how
        antecedent = ids.get(id(counted.antecedent)) if counted.partitive and counted.antecedent is not None else None
        if antecedent and categories.get(antecedent) != category:
            antecedent = None  # "two were detained … two of them were released": a different count
        if category == "other" and (category_how == "default" and low == high == 1 or filters.is_speaker(counted, number)):
            continue  # "said one survivor": those who speak, or one person to whom nothing happens, are no figure
        categories[ids[id(counted)]] = category
        rows.append({
            "doc_id": paragraph.doc_id,
            "paragraph": paragraph.number,
            "anchor": paragraph.anchor,
            "start": paragraph.start + phrase.start,
            "end": paragraph.start + phrase.end,
            "text": phrase.text,
            "category": category,
            "who": who,
            "low": None if low is None else round(low),
            "high": None if high is None else round(high),
            "vague": phrase.vague,
            "qualifier": qualifier,
            "modifier": modifier,
            "counted": _counted_text(counted),
            "attribution": attribution_of(sentence, number, credited_speaker(
                statements, paragraph.start + phrase.start, paragraph.start + phrase.end,
                (paragraph.start + sentence.start_char, paragraph.start + sentence.end_char))),
            "reported_on": when,
            "reported_on_how": how or "not found",
            "category_how": category_how,
            "part_of": antecedent or "",
            "sentence": sentence.text.strip(),
        })
    return sorted(rows, key=lambda row: row["start"])


def _counted_text(counted: Counted) -> str:
    for token in (counted.noun, counted.quantity):
        if token is not None:
            return token.text
    return ""


def document_figures(document: Document, docs: list[Doc], article_date: dt.date | None, date_how: str,
                     fallback_year: tuple[int, str] | None = None,
                     statements: list[tuple[int, int, str]] = (), home: str | None = None) -> list[dict]:
    """The figures of one article, in text order.

    ``home`` is the country the corpus is about (:func:`briefbook.language.attribution.corpus_nationality`):
    people counted by another nationality ("62 Veldonians", "37 of its citizens") are a group of their own.

    ``statements`` are the article's resolved statements ``(start, end, speaker)``:
    a figure they cover is credited to their speaker.
    """
    rows: list[dict] = []
    in_document: list[Counted] = []
    ids: dict[int, str] = {}
    categories: dict[str, str] = {}
    for paragraph, doc in zip(document.paragraphs, docs):
        if paragraph.role not in ROLES:
            continue
        phrases = find_numbers(paragraph.text)
        for sentence in doc.sents:
            inside = [p for p in phrases if sentence.start_char <= p.start < sentence.end_char]
            if inside:
                rows += _sentence_figures(sentence, inside, paragraph, list(statements), article_date, date_how,
                                          fallback_year, in_document, ids, categories, home)
    for row in rows:
        row["figure_id"] = figure_id(row["doc_id"], row["start"], row["end"])
        row["file"] = document.file
        row["outlet"] = document.outlet
    return rows


def extract_figures(reading: CorpusReading, article_dates: pd.DataFrame | None = None,
                    statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure of the corpus as a DataFrame (columns :data:`COLUMNS`), ordered by (doc_id, start).

    ``article_dates`` (the chronology's table) overrides each document's own
    ``published`` date, which is used for figures whose sentence names no date;
    ``statements`` (the claims table) credits figures through the shared speaker resolver.
    """
    corpus, parsed = reading.corpus, reading.parsed
    known = dates_by_doc(article_dates)
    everyone = dates_by_doc(article_dates, corpus)
    years = fallback_years(reading, everyone, corpus_year_of(corpus, everyone))
    spoken: dict[str, list[tuple[int, int, str]]] = {}
    if statements is not None:
        for row in statements.to_dict("records"):
            spoken.setdefault(row["doc_id"], []).append((int(row["start"]), int(row["end"]), row["speaker"]))
    rows: list[dict] = []
    _, home = corpus_nationality(parsed)
    # an article date the chronology only inferred (from another article's report of the same happening,
    # or the latest day the article names) is said to be one: "as of" it is an estimate, not a dateline
    sure = {} if article_dates is None or "confidence" not in article_dates else {
        row["doc_id"]: row["confidence"] == "high" for row in article_dates.to_dict("records")}
    for document in corpus.documents:
        if known.get(document.doc_id):
            date = known[document.doc_id]
            how = "article date" if sure.get(document.doc_id, False) else INFERRED_ARTICLE_DATE
        else:
            date, how = document.published, "article date"
        rows += reading.kept(document_figures, document, parsed[document.doc_id], date, how,
                             years.get(document.doc_id), spoken.get(document.doc_id, []), home)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["low"] = frame["low"].astype("Int64")
    frame["high"] = frame["high"].astype("Int64")
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
