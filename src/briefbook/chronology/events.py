"""Dated events: each date expression of an article, resolved, with the clause it dates.

An *event* is one date expression in the article's running text (not its
headline, the deck set under it, photo captions or dateline, which restate the
story or date the article or the photo) and the clause stating the happening
that date belongs to; two dates bounding one stretch ("from Friday until April
16") make one event. Relative dates are
resolved in reading order, so "two days later" counts from the date written
just before it; a date that depends on an unknown article date is kept, with an
empty date and ``how`` saying why, so the report can list what it could not place.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import pandas as pd
from spacy.tokens import Doc

from briefbook.chronology.clauses import Clause, actor_of, clause_for_date, interval_clause, tokens_in
from briefbook.chronology.schema import EVENTS
from briefbook.chronology.timeline import assign_timelines
from briefbook.corpus import metadata
from briefbook.corpus.model import Document, Paragraph
from briefbook.language import dates as dates_mod
from briefbook.language.dates import Mention, Resolved, dates_by_doc, find_mentions, lexicon, resolve
from briefbook.language.ids import EVENT, span_id
from briefbook.language.reading import CorpusReading, content_lemmas
from briefbook.language.similarity import synonym_groups
from briefbook.language.words import alternation, determiners
from briefbook.language.years import corpus_year_of, fallback_years
from briefbook.resources import load_yaml

KINDS_FILE = "chronology_kinds.yaml"
COLUMNS = EVENTS.names
EVENT_ROLES = ("body",)
#: How far back (in paragraphs) "two days later" may look for the date it counts from.
ANCHOR_REACH = 2



@lru_cache(maxsize=1)
def kind_lexicon() -> dict[str, frozenset[str]]:
    """Kind -> marker lemmas, in the file's order (which breaks ties)."""
    return {kind: frozenset(w.lower() for w in words) for kind, words in load_yaml(KINDS_FILE)["kinds"].items()}


def kind_of(lemmas: list[str]) -> str:
    """The kind whose marker words occur most often among ``lemmas`` ("other" if none)."""
    counts = Counter()
    for kind, words in kind_lexicon().items():
        counts[kind] = sum(1 for lemma in lemmas if lemma in words)
    best = max(kind_lexicon(), key=lambda k: counts[k], default=None)
    return best if best and counts[best] else "other"


def event_id(doc_id: str, start: int, end: int) -> str:
    """A stable id from the row's place in its article (see :mod:`briefbook.language.ids`)."""
    return span_id(EVENT, doc_id, start, end)


def dateline_end(paragraph: Paragraph) -> int:
    """Where a dateline ("CITY, January 10. /AGENCY/.") ends in the paragraph, else 0."""
    return metadata.dateline_end(paragraph.text)


#: How many paragraphs after the headline the page's head (a deck, then the date or place line
#: the story opens under) may take.
HEAD_PARAGRAPHS = 3
#: A line that is only the place a story is filed from and its region: "HARWICK, Eastland" (a
#: capitalised word alone, "EASTLAND", could be a section or a label).
_PLACE_LINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}){1,2}$")
#: A byline on its own line: "By Ana Ruiz", "By Ana Ruiz and Li Wei (Agency)"; names and marks, never
#: a sentence ("By Friday, police had left").
_BYLINE = re.compile(r"^By:?\s+[A-Z][^\s,]*(?:\s+(?:[A-Z0-9(|][^\s,]*|and|of|de|van|von)){0,7}$")


def _opens_the_story(paragraph: Paragraph) -> bool:
    """A date line, a publication line, a byline, a dateline or a place line alone: where a page's
    story starts."""
    text = paragraph.text.strip()
    return metadata.is_publication_line(text) or metadata.is_date_line(text) or dateline_end(paragraph) > 0 \
        or bool(_PLACE_LINE.match(text) or _BYLINE.match(text))


def deck_paragraphs(document: Document) -> set[int]:
    """The numbers of the paragraphs between the headline and the line the story opens under.

    A page's head sets a summary (the deck, standfirst) under the headline and above the date,
    byline or dateline; like the headline it restates the story, so it is not running text, and its
    dates would count a happening twice. Only a line within :data:`HEAD_PARAGRAPHS` of the
    headline opens the story; further down, a dated line is part of the text.
    """
    after_title = [p for p in document.paragraphs if p.role != "title"][:HEAD_PARAGRAPHS + 1]
    opener = next((k for k, p in enumerate(after_title) if _opens_the_story(p)), None)
    return {p.number for p in after_title[:opener]} if opener else set()


#: The most words a photo credit standing on its own line has: "(Ana Ruiz / Agency / Photo Desk)".
CREDIT_WORDS = 8


def _credit_alone(paragraph: Paragraph) -> bool:
    """A caption line that is only the photo's credit in brackets, names alone: "(Ana Ruiz / Agency)"
    (not a story's "(Reporting by Ana Ruiz / Agency)", which follows its last paragraph)."""
    text = paragraph.text.strip()
    words = [w for w in re.split(r"[\s/()]+", text) if w]
    return paragraph.role == "caption" and text.startswith("(") and text.endswith(")") \
        and len(words) <= CREDIT_WORDS and all(w[0].isupper() or not w[0].isalpha() for w in words)


def credited_captions(document: Document) -> set[int]:
    """The numbers of the paragraphs a photo credit on its own line follows: the photo's caption.

    A page sets a caption and then, on the next line, its credit; the credit is read as a caption,
    and the caption's words, written like a sentence, would otherwise pass for running text though
    they tell what a photo shows (the module docstring: captions date the photo, not events).
    """
    return {before.number for before, after in itertools.pairwise(document.paragraphs)
            if before.role == "body" and _credit_alone(after)}


def paragraph_mentions(paragraph: Paragraph) -> list[Mention]:
    """The paragraph's date expressions, its dateline or "Published:" line left out (they date the article)."""
    if metadata.is_publication_line(paragraph.text) or metadata.is_date_line(paragraph.text):
        return []
    skip = dateline_end(paragraph)
    return [m for m in find_mentions(paragraph.text) if m.start >= skip]


def document_events(
    document: Document,
    docs: list[Doc],
    article_date: dt.date | None,
    fallback_year: tuple[int, str] | None,
) -> list[dict]:
    """Every dated event of one article, in reading order (see the module docstring)."""
    lex = lexicon()
    rows: list[dict] = []
    last: tuple[dt.date, int] | None = None  # the latest resolved day and its paragraph number
    said_with: dict[int, set[str]] = {}  # an event's start -> the words of the sentence its date is in
    skipped = deck_paragraphs(document) | credited_captions(document)
    for paragraph, doc in zip(document.paragraphs, docs):
        if paragraph.role not in EVENT_ROLES or paragraph.number in skipped:
            continue
        mentions = [
            _as_after_noun(m, paragraph.text) if m.shape == "interval" and interval_clause(doc, m.start, m.end) is None
            else m
            for m in paragraph_mentions(paragraph)
        ]
        clauses = [
            interval_clause(doc, m.start, m.end) if m.shape == "interval" else clause_for_date(
                doc, m.start, m.end, lex.time_nouns, lex.future_markers, m.shape == "month",
                lex.reporting_verbs, lex.event_nouns, lex.plan_words, lex.cause_verbs,
            )
            for m in mentions
        ]
        untrimmed = [(m, c) for m, c in zip(mentions, clauses) if c is not None]
        floor = dateline_end(paragraph)
        pairs = [(m, trim_nested(c, m, untrimmed, paragraph.text, floor)) for m, c in untrimmed]
        resolved_here: dict[int, Resolved] = {}
        closing = {start: end for start, end in dates_mod.stretches(paragraph.text, [m for m, _ in pairs]).items()
                   if not any(m.start == start and c.verb in lex.move_verbs for m, c in pairs)}
        here: list[dict] = []
        for mention, clause in sorted(pairs, key=lambda pair: pair[0].shape == "interval"):
            anchor = None
            if mention.shape == "interval":
                main = _main_clause_date(mention, untrimmed, resolved_here)
                anchor = (main, dates_mod.FROM_MAIN_CLAUSE) if main else None
            elif mention.shape == "after_noun":
                named = _named_happening_date(mention, doc, rows, said_with)
                anchor = (named, dates_mod.FROM_NAMED_HAPPENING) if named else None
            elif last is not None and paragraph.number - last[1] <= ANCHOR_REACH:
                how = dates_mod.FROM_PARAGRAPH if last[1] == paragraph.number else dates_mod.FROM_TEXT
                anchor = (last[0], how)
            future = clause.future or _stretch_ends_ahead(closing.get(mention.start), article_date, fallback_year)
            resolved = resolve(mention, article_date, fallback_year, anchor, future)
            if mention.shape == "after_noun" and not resolved.ok:
                resolved = replace(resolved, how=dates_mod.NO_NAMED_HAPPENING)
            resolved_here[mention.start] = resolved
            if resolved.ok and resolved.precision != "month" and mention.shape not in ("interval", "after_noun"):
                last = (resolved.first, paragraph.number)
            here.append(_row(document, paragraph, doc, mention, resolved, clause, article_date))
            said_with[here[-1]["start"]] = _sentence_words(doc, mention)
        rows += _joined_stretches(here, closing, paragraph.start, document)
    return _one_per_clause(rows)


def _stretch_ends_ahead(closing: Mention | None, article_date: dt.date | None, fallback_year) -> bool:
    """Whether the stretch a weekday opens ends after the article's day: "a closure beginning Monday
    and ending on June 9" in an article of Sunday, June 1 begins the next day, not six days before."""
    if closing is None or article_date is None:
        return False
    end = resolve(closing, article_date, fallback_year)
    return end.ok and end.first > article_date


def _joined_stretches(rows: list[dict], closing: dict[int, Mention], offset: int, document: Document) -> list[dict]:
    """One row for each stretch of days (:func:`briefbook.language.dates.stretches`): the opening
    date's row, its clause widened over the closing date's, dated from the first day to the last.
    Ends that are not both days, or run backwards, stay two rows."""
    by_start = {row["date_start_offset"] - offset: row for row in rows}
    dropped = set()
    for start, end_mention in closing.items():
        first, last = by_start.get(start), by_start.get(end_mention.start)
        if first is None or last is None or first["precision"] != "day" or last["precision"] != "day" \
                or last["date_end"] < first["date"]:
            continue
        lo, hi = min(first["start"], last["start"]), max(first["end"], last["end"])
        first.update(start=lo, end=hi, text=document.text[lo:hi], date_end=last["date_end"], precision="range",
                     event_id=event_id(document.doc_id, lo, hi),
                     keywords=" ".join(dict.fromkeys(f"{first['keywords']} {last['keywords']}".split())))
        dropped.add(id(last))
    return [row for row in rows if id(row) not in dropped]


_AFTER_NOUN = re.compile(
    r"\s*(?:" + alternation(determiners("articles", "possessives", "demonstratives")) + r")\s+" + dates_mod.MEASURE
    + r"(?P<noun>[A-Za-z][\w-]*)")


def _as_after_noun(mention: Mention, text: str) -> Mention:
    """"Two days after the vote": no clause follows, so count from the happening the noun names.

    An interval counts back from the clause it is set against ("on Friday, two days after …" is
    Wednesday); counted from the named happening the same words count forward, so the offset turns.
    """
    match = _AFTER_NOUN.match(text, mention.end)
    if not match:
        return mention
    low, high = mention.offset
    return replace(mention, shape="after_noun", end=match.end(), text=text[mention.start:match.end()],
                   noun=match.group("noun").lower(), offset=(-high, -low))


def _sentence_words(doc: Doc, mention: Mention) -> set[str]:
    """The content words of the sentence a date is written in."""
    inside = tokens_in(doc, mention.start, mention.end)
    if not inside:
        return set()
    sent = inside[0].sent
    return set(content_lemmas(doc, sent.start_char, sent.end_char))


def _named_happening_date(mention: Mention, doc: Doc, rows: list[dict],
                          said_with: dict[int, set[str]] | None = None) -> dt.date | None:
    """The date of the latest earlier event of the article whose words name the same happening.

    "ordered an inquiry the day after the fire": the fire is the last dated event
    whose clause says "fire" (or a near-synonym, ``chronology_happenings.yaml``).
    Failing a clause, a sentence does (``said_with``: an event's start -> its sentence's words):
    "a stand gave way on Saturday, and dozens were hurt in the collapse" dates the collapse, told
    in a clause of its own the date's clause leaves out.
    """
    groups = synonym_groups()
    noun_words = mention.noun.split()
    tail = tokens_in(doc, mention.end - len(mention.noun), mention.end)
    wanted = {groups.get(w, w) for w in [t.lemma_.lower() for t in tail] + noun_words}
    dated = [row for row in reversed(rows) if row["date"] and row["precision"] == "day"]

    def names(words: str) -> set[str]:
        return {groups.get(w, w) for w in words.lower().split()}

    # The happening itself is what its clause is about (its subject, or the event noun),
    # not a later clause that mentions it ("brought the fire under control").
    for row in dated:
        if wanted & names(f"{row['actor']} {row['verb']}"):
            return dt.date.fromisoformat(row["date"])
    for row in dated:
        if wanted & names(row["keywords"]):
            return dt.date.fromisoformat(row["date"])
    for row in dated:
        if wanted & names(" ".join((said_with or {}).get(row["start"], ()))):
            return dt.date.fromisoformat(row["date"])
    return None


def _main_clause_date(mention: Mention, pairs, resolved_here: dict[int, Resolved]) -> dt.date | None:
    """The day of the clause an "N days after …" phrase hangs on: the other date whose clause holds it."""
    nearest = None
    for other, clause in pairs:
        if other is mention or other.shape == "interval":
            continue
        result = resolved_here.get(other.start)
        if result is None or result.precision != "day":
            continue
        if clause.start <= mention.start < clause.end:
            return result.first
        if other.end <= mention.start:
            nearest = result.first  # the parse set it apart: fall back on the date just before
    return nearest


def trim_nested(
    clause: Clause, mention: Mention, pairs: list[tuple[Mention, Clause]], text: str, floor: int = 0
) -> Clause:
    """Leave out of a clause the sub-clause another date dates, and the dateline.

    "Protests erupted on January 2, escalating into riots a few days later":
    the escalation has its own date, so the January 2 event ends before it.
    The parser reads a dateline ("CITY, March 14 (Agency) -") as part of the
    first sentence; ``floor`` is where it ends.
    """
    start, end = max(clause.start, floor), clause.end
    for other_mention, other in pairs:
        if other is clause or other.nominal or (other.start, other.end) == (clause.start, clause.end):
            continue
        other_start = min(other.start, other_mention.start)
        if not (clause.start <= other_start and other.end <= clause.end):
            continue
        if other_start >= mention.end and other_start < end:
            end = other_start
        elif other.end <= mention.start and other.end > start:
            start = other.end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    actor = actor_of(clause.head, start) if clause.head is not None else clause.actor
    return replace(clause, start=start, end=end, actor=actor)


def _row(document, paragraph, doc, mention, resolved: Resolved, clause, article_date: dt.date | None = None) -> dict:
    start, end = paragraph.start + clause.start, paragraph.start + clause.end
    # a day after the article's own is still to come ("Tomorrow (Friday) morning … buses"), whatever the verb
    ahead = article_date is not None and resolved.ok and resolved.first is not None and resolved.first > article_date
    lemmas = content_lemmas(doc, clause.start, clause.end)
    return {
        "event_id": event_id(document.doc_id, start, end),
        "doc_id": document.doc_id,
        "paragraph": paragraph.number,
        "anchor": paragraph.anchor,
        "date": resolved.label,
        "date_end": resolved.last.isoformat() if resolved.last else "",
        "precision": resolved.precision,
        "how": resolved.how,
        "date_text": mention.text,
        "date_start_offset": paragraph.start + mention.start,
        "text": document.text[start:end],
        "start": start,
        "end": end,
        "actor": clause.actor,
        "verb": clause.verb,
        "kind": kind_of(lemmas),
        "keywords": " ".join(lemmas),
        "unresolved": not resolved.ok,
        "planned": clause.future or ahead,
    }


_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "": 3}


def _one_per_clause(rows: list[dict]) -> list[dict]:
    """Two dates on one clause ("on Monday, January 10") make one event: keep the sharpest."""
    best: dict[tuple[int, int], dict] = {}
    for row in rows:
        key = (row["start"], row["end"])
        if key not in best or _PRECISION_RANK[row["precision"]] < _PRECISION_RANK[best[key]["precision"]]:
            best[key] = row
    return sorted(best.values(), key=lambda r: (r["start"], r["date_start_offset"]))


def extract_events(reading: CorpusReading, dates: pd.DataFrame) -> pd.DataFrame:
    """events.csv: one row per dated event, ordered by (doc_id, start), with its timeline id.

    ``dates`` is :func:`briefbook.chronology.article_dates.article_dates`'s table:
    the article dates relative dates count from.
    """
    corpus, parsed = reading.corpus, reading.parsed
    known = dates_by_doc(dates)
    years = fallback_years(reading, known, corpus_year_of(corpus, known))
    rows = [
        row
        for document in corpus.documents
        for row in reading.kept(
            document_events, document, parsed[document.doc_id], known.get(document.doc_id), years.get(document.doc_id)
        )
    ]
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "timeline_id"])
    frame = frame.sort_values(["doc_id", "start", "date_start_offset"], kind="stable").reset_index(drop=True)
    frame["timeline_id"] = pd.Series(assign_timelines(frame, reading.idf), index=frame.index, dtype=object)
    return frame[COLUMNS]
