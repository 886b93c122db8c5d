"""When was each article written? The date relative expressions count from.

The loader already reads what the article says about itself (a dateline, a
dated photo caption, a "Published:" line); that is trusted first. For an
undated article two readings of its text are tried, in this order:

1. *Same happening dated in another article.* A news lead reports the day's
   news. When a lead sentence states a happening another article dates ("the
   minister said on Monday …" against a dated "… the minister said on Monday"), the article is
   taken to be from that day or, when the weekdays it names say so, a few days
   after — and a weekday or "yesterday" in the lead must agree with it.
2. *Latest date mentioned.* An article is written no earlier than the latest
   day it reports; that lower bound is used as its date, with low confidence.

Otherwise the date is left empty with ``how = "not inferred"``, and the
relative dates that need it stay unresolved.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from briefbook.chronology.events import deck_paragraphs, document_events, paragraph_mentions
from briefbook.chronology.schema import ARTICLE_DATES
from briefbook.corpus import metadata
from briefbook.corpus.model import Document
from briefbook.language.dates import WRITTEN, lexicon
from briefbook.language.reading import CorpusReading, content_lemmas
from briefbook.language.similarity import cosine, similar_candidates, weighted_words, word_index
from briefbook.language.years import OWN_DATES, corpus_year_of, fallback_years

#: How an article's date was found: the codes article_dates.csv stores, and the words the report shows.
DATELINE = "dateline"
PHOTO_CAPTION = "photo_caption"
PUBLICATION_LINE = "publication_line"
MANIFEST = "manifest"
OWN_METADATA = "own_metadata"
SAME_HAPPENING = "same_happening"
LATEST_MENTIONED = "latest_mentioned"
NOT_INFERRED = "not_inferred"
HOW_LABELS = {
    DATELINE: "dateline",
    PHOTO_CAPTION: "photo caption",
    PUBLICATION_LINE: "publication line",
    MANIFEST: "manifest",
    OWN_METADATA: "the page's own metadata",
    SAME_HAPPENING: "same happening dated in another article",
    LATEST_MENTIONED: "latest date mentioned",
    NOT_INFERRED: "not inferred",
}

#: How many body paragraphs make the lead an article's news peg is looked for in.
LEAD_PARAGRAPHS = 2
#: Weighted-word cosine a lead sentence must reach with another article's dated event.
LEAD_MATCH = 0.3
#: What a lead's weekday agreeing with the other article's date adds to the score.
AGREEING_DAY = 0.15
#: A weekday named as past moves an article's date past the latest written day only when it falls at
#: most this many days after it, or stands in the lead (the news peg); elsewhere a weekday nearer
#: before that day ("April 3 … on Thursday", April 2) reports what the written day looks back on.
WEEKDAY_REACH = 3
#: The lead's weekday (the news peg) reaches further, but not to six days on: a weekday one day before
#: the latest written day ("on Sunday" … "Aug 4", a Monday) is that day before, not the Sunday after.
LEAD_REACH = 5
#: The lead is the first body paragraph of at least this many words (a byline is not one).
LEAD_WORDS = 12
#: How many days before the corpus's earliest surely dated article a lower bound may put an article.
BEFORE_THE_CORPUS = 3
#: How many passes: an article dated in one pass can date another in the next.
PASSES = 2

COLUMNS = ARTICLE_DATES.names


def _from_document(document: Document) -> tuple[str, str] | None:
    """How and how sure, for a date the loader found in the article's own text."""
    how = document.published_how
    if document.published is None:
        return None
    if how.startswith(metadata.FROM_DATELINE):
        return DATELINE, "high" if how == metadata.FROM_DATELINE else "medium"
    if how == metadata.FROM_CAPTION:
        return PHOTO_CAPTION, "high"
    if how in (metadata.FROM_PUBLICATION_LINE, metadata.FROM_DATE_UNDER_TITLE):
        return PUBLICATION_LINE, "high"
    if how == metadata.FROM_MANIFEST:
        return MANIFEST, "high"
    return OWN_METADATA, "high"


def _lead_sentences(document: Document, docs) -> tuple[list, list]:
    """The sentences of the lead, and those of the rest of the body. The lead is the first body
    paragraphs long enough to be prose (a photo credit, a byline or a dateline standing on its
    own line is not the lead)."""
    body = [(p, d) for p, d in zip(document.paragraphs, docs) if p.role == "body" and len(p.text.split()) >= LEAD_WORDS]
    return ([(p, sent) for p, d in body[:LEAD_PARAGRAPHS] for sent in d.sents],
            [(p, sent) for p, d in body[LEAD_PARAGRAPHS:] for sent in d.sents])


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
    if isinstance(low, str):  # a calendar unit ("last week") names no day to check against
        return None, candidate
    return low == high, candidate - dt.timedelta(days=low)


class DatedEvents:
    """Other articles' day-dated events with their word vectors, indexed by word.

    A lead sentence is compared only with the events that share a word with it,
    found through the index instead of a scan over every event of the corpus.
    """

    def __init__(self, events: list[dict], idf: dict[str, float]):
        self.events = events
        self.vectors = [weighted_words(event["keywords"], idf) for event in events]
        self.index = word_index(self.vectors)

    def near(self, vector: dict[str, float], threshold: float) -> list[int]:
        """Ascending indices of the events that may reach cosine ``threshold`` with ``vector``."""
        return similar_candidates(vector, threshold, self.index)


def _same_happening(document, docs, dated_events: DatedEvents, idf, events: list[dict]) -> tuple[dt.date, str] | None:
    """The best match of a lead sentence (else of a later sentence whose weekday agrees, see
    :func:`_best_match`) with another article's dated event.

    A weekday (or "yesterday") in the lead that agrees with the other article's
    date is a second, independent cue, so it adds :data:`AGREEING_DAY` to the
    word similarity; one that disagrees rules the match out. "Yesterday" pins the
    article's day; a weekday, or no day at all, only bounds it from below: the
    article is written on the happening's day or later, and the weekdays it names
    as past move it on (:func:`_weekdays_after`; "the quake struck on Sunday" in an
    article that says what the agency reported "early Monday"). ``events``: the article's own
    events read without a date for it (:func:`_undated_events`).
    """
    lead, rest = _lead_sentences(document, docs)
    best = _best_match(lead, document, dated_events, idf, events=events) or _best_match(
        rest, document, dated_events, idf, agreeing_only=True)
    if best is None:
        return None
    score, date, event, pinned = best
    evidence = f"{event['anchor']}: {event['text'][:120]} (score {score:.2f})"
    if pinned:
        return date, evidence
    # the lead's weekday names the happening's day: the article reports it on that day or after,
    # as the weekdays it names say ("the quake struck on Sunday" … "the agency reported early Monday")
    # (the lead's weekdays reach no further than the rest: the happening it matched is the news peg)
    return _weekdays_after(document, events, date, evidence, lead_reach=WEEKDAY_REACH)


def _wordings(paragraph, sent, idf, events: list[dict]) -> list[dict[str, float]]:
    """The sentence's words, then those of each event its dates state: a long lead sentence ("Survivors
    of Thursday's raid on the depot described …") tells its news peg in the dated clause alone."""
    lemmas = content_lemmas(sent.doc, sent.start_char, sent.end_char)
    start, end = paragraph.start + sent.start_char, paragraph.start + sent.end_char
    return [weighted_words(" ".join(lemmas), idf)] + [
        weighted_words(event["keywords"], idf) for event in events if start <= event["date_start_offset"] < end]


def _best_match(sentences: list, document: Document, dated_events: DatedEvents, idf,
                agreeing_only: bool = False, events: list[dict] = ()) -> tuple | None:
    """(score, date, event, pinned) of the sentence (or of an event a lead sentence dates, ``events``)
    most like another article's dated event, or None.

    ``agreeing_only``: outside the lead a match counts only when the sentence's own weekday
    (or "yesterday") agrees with the event's date ("the Thursday stampede" against a stampede dated
    on a Thursday): the body tells of many days, the lead of the news peg.
    """
    best = None
    for paragraph, sent, vector in ((p, s, v) for p, s in sentences for v in _wordings(p, s, idf, events)):
        # Only events alike enough to reach LEAD_MATCH with an agreeing day are looked at;
        # ascending indices keep the reading order that breaks ties.
        for i in dated_events.near(vector, LEAD_MATCH - AGREEING_DAY):
            event = dated_events.events[i]
            if event["doc_id"] == document.doc_id:
                continue
            similarity = cosine(vector, dated_events.vectors[i])
            agrees, date = _lead_agrees(paragraph, sent, dt.date.fromisoformat(event["date"]))
            if agrees is False or (agreeing_only and not agrees):
                continue
            score = similarity + (AGREEING_DAY if agrees else 0.0)
            if score >= LEAD_MATCH and (best is None or score > best[0]):
                best = (score, date, event, agrees is not None and date != dt.date.fromisoformat(event["date"]))
    return best


def _lead_writes_its_day(document: Document, docs, events: list[dict]) -> bool:
    """Whether the lead's first sentence writes out the day of what it reports ("… died after
    explosions on Wednesday (January 3)"): then the article is dated from its own words
    (:func:`_latest_mentioned`), not from a sentence of another article it resembles."""
    lead, _ = _lead_sentences(document, docs)
    if not lead:
        return False
    paragraph, sent = lead[0]
    start, end = paragraph.start + sent.start_char, paragraph.start + sent.end_char
    return any(e["how"].startswith(WRITTEN) and e["precision"] == "day" and not e["planned"]
               and start <= e["date_start_offset"] < end
               for e in events)


def _undated_events(reading: CorpusReading, document: Document, years: dict[str, tuple[int, str]]) -> list[dict]:
    """The article's events read with no date for it yet: what the three readings of an undated
    article (:func:`_latest_mentioned`, :func:`_lead_writes_its_day`, :func:`_same_happening`) share,
    read once per pass."""
    return reading.kept(document_events, document, reading.parsed[document.doc_id], None, years.get(document.doc_id))


def _latest_mentioned(document: Document, events: list[dict]) -> tuple[dt.date, str] | None:
    """The latest day the article reports as past, pushed on to the weekdays it names.

    An article is written no earlier than the latest written-out day it
    reports (plans — "set for Nov. 1", "will meet on March 20" — do not count);
    :func:`_weekdays_after` then moves that bound on to the weekdays it names.
    """
    written = [e for e in events if e["how"].startswith(WRITTEN) and e["precision"] == "day" and not e["planned"]]
    if not written:
        return None
    latest = max(written, key=lambda e: e["date"])
    return _weekdays_after(document, events, dt.date.fromisoformat(latest["date"]),
                           f"{latest['anchor']}: {latest['date_text']}")


def _weekdays_after(document: Document, events: list[dict], bound: dt.date, evidence: str,
                    lead_reach: int = LEAD_REACH) -> tuple[dt.date, str]:
    """A lower bound on the article's date moved on to the weekdays it names as past.

    Weekdays the article names as past ("gathered on Saturday") are read as the first
    such day on or after ``bound`` when it falls within :data:`WEEKDAY_REACH` days
    (``lead_reach`` in the lead) of it, and the article is dated the latest of them. A plain
    weekday the article also names as "last" ("a blackout last Friday" … "said early Friday") is
    the one a week after the "last" one, however far that is.
    ``events``: the article's events, to tell plans ("will meet on Monday") apart.
    """
    date = bound
    lead = next((p for p in document.paragraphs if p.role == "body" and len(p.text.split()) >= LEAD_WORDS), None)
    deck = deck_paragraphs(document)
    past = [
        (paragraph, mention)
        for paragraph in document.paragraphs if paragraph.role == "body" and paragraph.number not in deck
        for mention in paragraph_mentions(paragraph)
        if mention.shape == "weekday" and mention.direction != "next"
        and not _in_a_plan(events, paragraph.start + mention.start)
    ]
    # "last Friday" beside a plain "Friday" names the week before: the plain one is this week's
    last_week = {}
    for paragraph, mention in past:
        ahead = (mention.weekday - bound.weekday()) % 7
        if mention.direction == "last" and ahead <= (lead_reach if paragraph is lead else WEEKDAY_REACH):
            last_week.setdefault(mention.weekday, bound + dt.timedelta(days=ahead))
    for paragraph, mention in past:
        ahead = (mention.weekday - bound.weekday()) % 7
        if mention.direction is None and mention.weekday in last_week:
            day = last_week[mention.weekday] + dt.timedelta(days=7)
        elif ahead > (lead_reach if paragraph is lead else WEEKDAY_REACH):
            continue
        else:
            # "last Saturday" is behind the article's day: written on that Saturday it would be "today"
            day = bound + dt.timedelta(days=ahead + (mention.direction == "last"))
        if day > date:
            date, evidence = day, f"{evidence}; then {paragraph.anchor}: {mention.text}"
    return date, evidence


def _in_a_plan(events: list[dict], offset: int) -> bool:
    """Whether the date at ``offset`` is written in a planned event: its own or a clause that holds it
    ("a curfew will remain in effect Friday and Saturday": the Saturday too is ahead)."""
    return any(e["planned"] and (e["date_start_offset"] == offset or e["start"] <= offset < e["end"]) for e in events)


def _own_date(document: Document, years: dict[str, tuple[int, str]]) -> dict | None:
    """The date the loader read in the article; a dateline's borrowed year is checked
    against the article's own text."""
    own = _from_document(document)
    if not own:
        return None
    date, evidence = document.published, document.published_how
    year = years.get(document.doc_id)
    if document.published_how == metadata.DATELINE_YEAR_FROM_CORPUS and year and year[1] == OWN_DATES \
            and year[0] != date.year:
        date = date.replace(year=year[0])
        evidence = "dateline; year from the dates the article writes"
    return {"doc_id": document.doc_id, "date": date.isoformat(), "how": own[0], "confidence": own[1],
            "evidence": evidence}


def article_dates(reading: CorpusReading) -> pd.DataFrame:
    """One row per article: doc_id, date (ISO or empty), how, confidence, evidence."""
    lexicon()  # fail early on a broken data file
    corpus, parsed = reading.corpus, reading.parsed
    own_years = fallback_years(reading, {}, None)
    found: dict[str, dict] = {}
    for document in corpus.documents:
        if (row := _own_date(document, own_years)) is not None:
            found[document.doc_id] = row
    idf = reading.idf

    def years_now() -> dict[str, tuple[int, str]]:
        known = {doc_id: dt.date.fromisoformat(row["date"]) for doc_id, row in found.items()}
        return fallback_years(reading, known, corpus_year_of(corpus, known))

    for _ in range(PASSES):
        years = years_now()
        dated_events = [
            event
            for document in corpus.documents
            if document.doc_id in found
            for event in reading.kept(
                document_events, document, parsed[document.doc_id],
                dt.date.fromisoformat(found[document.doc_id]["date"]), years.get(document.doc_id),
            )
            if event["precision"] == "day"
        ]
        dated_events = DatedEvents(dated_events, idf)
        inferred = {}
        for document in corpus.documents:
            if document.doc_id in found:
                continue
            docs = parsed[document.doc_id]
            events = _undated_events(reading, document, years)
            latest = _latest_mentioned(document, events)
            if _lead_writes_its_day(document, docs, events):
                continue  # the lead's own written date is the news peg; another article's words are not
            peg = _same_happening(document, docs, dated_events, idf, events)
            if peg and (latest is None or peg[0] >= latest[0]):
                inferred[document.doc_id] = (peg[0], SAME_HAPPENING, "medium", peg[1])
        if not inferred:
            break
        for doc_id, (date, how, confidence, evidence) in inferred.items():
            found[doc_id] = {"doc_id": doc_id, "date": date.isoformat(), "how": how,
                             "confidence": confidence, "evidence": evidence}
    # A lower bound is a weaker reading: only for articles no happening could date, and not when it
    # puts the article before every article the corpus dates surely (the background it recalls,
    # "he entered the country on December 19", is then all it found of its date).
    years = years_now()
    sure = [dt.date.fromisoformat(row["date"]) for row in found.values() if row["confidence"] == "high"]
    for document in corpus.documents:
        if document.doc_id in found:
            continue
        latest = _latest_mentioned(document, _undated_events(reading, document, years))
        if latest and not (sure and latest[0] < min(sure) - dt.timedelta(days=BEFORE_THE_CORPUS)):
            found[document.doc_id] = {"doc_id": document.doc_id, "date": latest[0].isoformat(),
                                      "how": LATEST_MENTIONED, "confidence": "low", "evidence": latest[1]}
    rows = [
        found.get(d.doc_id) or {"doc_id": d.doc_id, "date": "", "how": NOT_INFERRED, "confidence": "", "evidence": ""}
        for d in corpus.documents
    ]
    return pd.DataFrame(rows, columns=COLUMNS).sort_values("doc_id").reset_index(drop=True)
