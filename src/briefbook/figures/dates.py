"""The date a figure refers to or was reported on, from the words around it.

Looks for a calendar date ("On March 3", "3 March 2019") or a weekday
("on Monday") in the figure's sentence and resolves it against the article's
date; otherwise the figure takes the article's date. Month and weekday names
come from the standard library (English), not from a word list.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter

from spacy.tokens import Span, Token

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\b\.?(?:,?\s+(?P<year2>\d{{4}})\b)?",
    re.I,
)
WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.I)
RELATIVE = re.compile(r"\b(?P<rel>yesterday|today|tonight)\b", re.I)
#: A date after these words starts a period ("since March 1"), it is not when the figure was given.
_PERIOD_START = re.compile(r"\b(since|from|until|till|began|begun|started|erupted|broke out)\s*(on\s+)?$", re.I)


def document_year(text: str, published: dt.date | None) -> int | None:
    """The year month-day dates of an article are in: its date's year, else the year its dates name most."""
    if published:
        return published.year
    years = [int(m.group("year") or m.group("year2")) for m in MONTH_DAY.finditer(text) if m.group("year") or m.group("year2")]
    return Counter(years).most_common(1)[0][0] if years else None


def _calendar_date(match: re.Match, year: int | None) -> dt.date | None:
    month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
    day = int(match.group("day") or match.group("day2"))
    stated = match.group("year") or match.group("year2")
    year = int(stated) if stated else year
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def dates_in(sentence: str, article_date: dt.date | None, year: int | None) -> list[tuple[int, dt.date, str]]:
    """Every date named in ``sentence``: (offset, date, how it was resolved)."""
    found: list[tuple[int, dt.date, str]] = []
    for match in MONTH_DAY.finditer(sentence):
        if _PERIOD_START.search(sentence[:match.start()]):
            continue
        date = _calendar_date(match, year)
        if date:
            found.append((match.start(), date, "date in the sentence"))
    if article_date:
        for match in WEEKDAY.finditer(sentence):
            if _PERIOD_START.search(sentence[:match.start()]):
                continue
            back = (article_date.weekday() - _WEEKDAYS[match.group("weekday").lower()]) % 7
            found.append((match.start(), article_date - dt.timedelta(days=back),
                          "weekday in the sentence, resolved against the article date"))
        for match in RELATIVE.finditer(sentence):
            back = 1 if match.group("rel").lower() == "yesterday" else 0
            found.append((match.start(), article_date - dt.timedelta(days=back),
                          "relative day in the sentence, resolved against the article date"))
    return found


def date_in_sentence(
    sentence: str, offset: int, article_date: dt.date | None, year: int | None
) -> tuple[dt.date | None, str]:
    """The date named in ``sentence`` nearest before the figure at ``offset`` (else after it)."""
    return _nearest(dates_in(sentence, article_date, year), offset)


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


def date_for(
    sentence: Span, number: Token, offset: int, article_date: dt.date | None, year: int | None
) -> tuple[dt.date | None, str]:
    """The date a figure was given on, from its sentence.

    A date that hangs from a verb above the figure ("… has risen to 48, the
    agency said on Thursday") wins over one inside a relative clause that only
    describes something ("the earthquake that struck on Tuesday"); otherwise the
    nearest date before the figure, else after it.
    """
    found = dates_in(sentence.text, article_date, year)
    if not found:
        return None, ""
    above = {number.i} | {a.i for a in number.ancestors}
    preferred, usable = [], []
    for item in found:
        token = next((t for t in sentence if t.idx - sentence.start_char >= item[0]), None)
        verb = _clause_verb(token) if token is not None else None
        if verb is not None and verb.i in above:
            preferred.append(item)
        elif verb is None or verb.dep_ not in ("relcl", "acl"):
            usable.append(item)
    return _nearest(preferred or usable, offset)
