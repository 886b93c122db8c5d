"""The date a figure was reported on, from the words around it.

Date expressions are found and resolved by the shared reader
(:mod:`briefbook.language.dates`), so a figure and an event of the same
sentence are dated alike; a written date without a year takes the one year
rule of the language layer (the article's date, else
:mod:`briefbook.language.years`). What is the figures' own is the choice
among the sentence's dates: a date that starts a period ("since March 1") is
not when the figure was given, and a date on a verb above the figure wins over
one in a relative clause. Only day-precise readings date a figure; otherwise it
takes the article's date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from briefbook.language.dates import find_mentions, resolve

#: A date after these words starts a period ("since March 1"), it is not when the figure was given.
_PERIOD_START = re.compile(r"\b(since|from|until|till|began|begun|started|erupted|broke out)\s*(on\s+)?$", re.I)

#: How a figure's day was found when it is the article's date and that date was only inferred.
INFERRED_ARTICLE_DATE = "article date (inferred by the chronology)"


def inferred(how: object) -> bool:
    """Whether a figure's day (its ``reported_on_how``) is an article date the chronology only inferred."""
    return how == INFERRED_ARTICLE_DATE


#: reported_on_how values, by the shape of the date expression read.
HOW = {
    "absolute": "date in the sentence",
    "weekday": "weekday in the sentence, resolved against the article date",
    "deictic": "relative day in the sentence, resolved against the article date",
}


def dates_in(sentence: str, article_date: dt.date | None,
             fallback_year: tuple[int, str] | None) -> list[tuple[int, dt.date, str]]:
    """Every day named in ``sentence``: (offset, date, how it was resolved)."""
    found: list[tuple[int, dt.date, str]] = []
    for mention in find_mentions(sentence):
        if mention.shape not in HOW or _PERIOD_START.search(sentence[:mention.start]):
            continue
        if mention.shape != "absolute" and article_date is None:
            continue
        resolved = resolve(mention, article_date, fallback_year)
        if resolved.ok and resolved.precision == "day":
            found.append((mention.start, resolved.first, HOW[mention.shape]))
    return found


def _nearest(found: list[tuple[int, dt.date, str]], offset: int) -> tuple[dt.date | None, str]:
    if not found:
        return None, ""
    before = [f for f in found if f[0] <= offset]
    chosen = max(before, key=lambda f: f[0]) if before else min(found, key=lambda f: f[0])
    return chosen[1], chosen[2]


def _clause_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _names_the_happening(token: Token) -> bool:
    """A day that names which happening is meant ("injured in Sunday's quake", "Thursday morning's
    crush"): the count is of that happening's toll as the article gives it, not a count made that
    day; taken for the figure's day, an update of days later read as the first day's toll."""
    for t in (token, token.head):
        if t.dep_ == "poss" or (t.dep_ == "nmod" and any(c.tag_ == "POS" for c in t.children)):
            return t.head.pos_ in ("NOUN", "PROPN")
        if t.dep_ != "compound":
            return False
    return False


def date_for(
    sentence: Span, number: Token, offset: int, article_date: dt.date | None,
    fallback_year: tuple[int, str] | None,
) -> tuple[dt.date | None, str]:
    """The date a figure was given on, from its sentence.

    A date that hangs from a verb above the figure ("… has risen to 48, the
    agency said on Thursday") wins over one inside a relative clause that only
    describes something ("the earthquake that struck on Tuesday"); otherwise the
    nearest date before the figure, else after it.
    """
    found = dates_in(sentence.text, article_date, fallback_year)
    if not found:
        return None, ""
    above = {number.i} | {a.i for a in number.ancestors}
    preferred, usable = [], []
    for item in found:
        token = next((t for t in sentence if t.idx - sentence.start_char >= item[0]), None)
        if token is not None and _names_the_happening(token):
            continue
        verb = _clause_verb(token) if token is not None else None
        if verb is not None and verb.i in above:
            preferred.append(item)
        elif verb is None or verb.dep_ not in ("relcl", "acl"):
            usable.append(item)
    return _nearest(preferred or usable, offset)
