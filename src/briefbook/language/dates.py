"""Find date expressions in a paragraph and resolve them to calendar dates.

Finding is cheap regular-expression work over the paragraph text (the parse is
only needed later, to find the clause a date belongs to). Every expression is
one of five shapes, because each shape needs a different anchor to resolve:

* ``absolute`` — "January 2nd", "10 January 2022", "Jan. 5": complete, or missing
  only the year, which comes from the article's date or the corpus's time span;
* ``month`` — "in January", "mid-March 2021": month precision (or a part of it);
* ``weekday`` — "on Monday": counted back (or forward, in a future clause) from
  the article's date;
* ``deictic`` — "yesterday", "two weeks ago": counted from the article's date;
* ``anaphoric`` — "two days later", "the next day": counted from the date
  written just before it in the text.

A resolution says *how* it was reached, so a reader can weigh it; when the
anchor is missing the expression stays unresolved and says why, never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from briefbook.corpus.metadata import MONTHS
from briefbook.language.speech import lexicon as speech_lexicon
from briefbook.language.words import alternation, determiners
from briefbook.resources import load_yaml

DATA_FILE = "chronology_dates.yaml"

#: How a date was resolved: the codes events.csv stores (code branches on them, never on
#: the words shown); :data:`HOW_LABELS` holds what the report says for each.
WRITTEN = "written"
YEAR_FROM_ARTICLE = "written.year_from_article"
YEAR_FROM = "written.year_from_"  # + the code of where the year came from (briefbook.language.years)
FROM_ARTICLE = "from_article"
FROM_PARAGRAPH = "from_paragraph"
FROM_TEXT = "from_text"
FROM_MAIN_CLAUSE = "from_main_clause"
FROM_NAMED_HAPPENING = "from_named_happening"
NO_NAMED_HAPPENING = "unresolved.happening_undated"
NO_ARTICLE_DATE = "unresolved.article_date"
NO_EARLIER_DATE = "unresolved.earlier_date"
NO_YEAR = "unresolved.year"
NO_SUCH_DAY = "unresolved.no_such_day"

#: Where a missing year came from (:mod:`briefbook.language.years`): codes, and their words.
OWN_TEXT = "own_text"
OWN_DATES = "own_dates"
SIMILAR_ARTICLE = "similar_article"
CORPUS_SPAN = "corpus_span"
SOURCE_LABELS = {
    OWN_TEXT: "the article's text",
    OWN_DATES: "the dates the article writes",
    SIMILAR_ARTICLE: "the most similar dated article",
    CORPUS_SPAN: "the corpus's time span",
}

HOW_LABELS = {
    WRITTEN: "written out",
    YEAR_FROM_ARTICLE: "written out; year from the article's date",
    FROM_ARTICLE: "counted from the article's date",
    FROM_PARAGRAPH: "counted from an earlier date in the same paragraph",
    FROM_TEXT: "counted from an earlier date in the text",
    FROM_MAIN_CLAUSE: "counted from the date of the clause it is set against",
    FROM_NAMED_HAPPENING: "counted from the date of the happening it names",
    NO_NAMED_HAPPENING: "unresolved: the happening it counts from is not dated",
    NO_ARTICLE_DATE: "unresolved: article date unknown",
    NO_EARLIER_DATE: "unresolved: no earlier date to count from",
    NO_YEAR: "unresolved: year unknown",
    NO_SUCH_DAY: "unresolved: no such day",
}


def how_label(code: str) -> str:
    """What the report says for a ``how`` code of events.csv."""
    if code.startswith(YEAR_FROM) and code not in HOW_LABELS:
        source = code[len(YEAR_FROM):]
        return f"written out; year from {SOURCE_LABELS.get(source, source)}"
    return HOW_LABELS.get(code, code)


@dataclass(frozen=True)
class Mention:
    """One date expression, with character offsets into its paragraph's text."""

    start: int
    end: int
    text: str
    shape: str  # absolute | month | weekday | deictic | anaphoric | interval | after_noun
    month: int | None = None
    day: int | None = None
    year: int | None = None
    part: str | None = None  # early | mid | late, or "first:N" / "last:N" days of the month
    weekday: int | None = None
    direction: str | None = None  # last | next | None (weekdays)
    offset: tuple = (0, 0)  # days from the anchor (low, high), or a calendar unit ("week", -1)
    noun: str | None = None  # after_noun: the words naming the happening counted from


@dataclass(frozen=True)
class Resolved:
    """A mention's calendar reading: a day, a month or an approximate range."""

    first: dt.date | None
    last: dt.date | None
    precision: str  # day | month | range | "" when unresolved
    how: str

    @property
    def ok(self) -> bool:
        return self.first is not None

    @property
    def label(self) -> str:
        """``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, the first day for a range."""
        if self.first is None:
            return ""
        if self.precision == "month":
            return self.first.strftime("%Y-%m")
        return self.first.isoformat()


@dataclass(frozen=True)
class Lexicon:
    weekdays: tuple[str, ...]
    numbers: dict[str, tuple[int, int]]
    units: dict[str, float]  # days one unit counts: 1, 7, or 1/24 for an hour
    deictic: dict[str, tuple]
    anaphoric: dict[str, tuple]
    after_words: frozenset[str]
    before_words: frozenset[str]
    ago_words: frozenset[str]
    month_lead_ins: frozenset[str]
    month_parts: dict[str, tuple[int, int]]
    future_markers: frozenset[str]
    time_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    event_nouns: frozenset[str]
    plan_words: frozenset[str]
    cause_verbs: frozenset[str]
    move_verbs: frozenset[str]
    count_adjectives: frozenset[str]
    month_part_phrases: dict[str, str]
    span_lead_ins: frozenset[str]
    span_forward: frozenset[str]
    span_backward: frozenset[str]


def _offset(entry: dict) -> tuple[int, int] | tuple[str, int]:
    """Days from the anchor, or a calendar unit: ("week", -1) is last week."""
    for unit in ("week", "weekend", "rest_of_week", "month", "month_so_far"):
        if unit in entry:
            return unit, int(entry[unit])
    low = int(entry.get("offset", 0))
    return low, low + int(entry.get("span", 0))


def calendar_range(unit: str, n: int, article_date: dt.date) -> tuple[dt.date, dt.date]:
    """A calendar week (Monday-Sunday), weekend or month relative to ``article_date``; "month_so_far"
    is this month up to the day before the article ("earlier this month")."""
    if unit in ("month", "month_so_far"):
        month_index = article_date.year * 12 + article_date.month - 1 + n
        year, month = divmod(month_index, 12)
        first = dt.date(year, month + 1, 1)
        if unit == "month_so_far":
            return first, max(first, article_date - dt.timedelta(days=1))
        return first, dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    if unit == "rest_of_week":
        sunday = article_date + dt.timedelta(days=6 - article_date.weekday())
        return article_date + dt.timedelta(days=1), max(sunday, article_date + dt.timedelta(days=1))
    if unit == "week":
        monday = article_date - dt.timedelta(days=article_date.weekday()) + dt.timedelta(weeks=n)
        return monday, monday + dt.timedelta(days=6)
    saturday = article_date - dt.timedelta(days=(article_date.weekday() - 5) % 7) + dt.timedelta(weeks=n)
    return saturday, saturday + dt.timedelta(days=1)


def _count(value) -> tuple[int, int]:
    return (int(value[0]), int(value[1])) if isinstance(value, list) else (int(value), int(value))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The date words of ``chronology_dates.yaml``."""
    data = load_yaml(DATA_FILE)
    return Lexicon(
        weekdays=tuple(data["weekdays"]),
        numbers={k.lower(): _count(v) for k, v in data["number_words"].items()},
        units={k.lower(): float(Fraction(str(v))) for k, v in data["units"].items()},
        deictic={k.lower(): _offset(v) for k, v in data["deictic"].items()},
        anaphoric={k.lower(): _offset(v) for k, v in data["anaphoric"].items()},
        after_words=frozenset(w.lower() for w in data["after_words"]),
        before_words=frozenset(w.lower() for w in data["before_words"]),
        ago_words=frozenset(w.lower() for w in data["ago_words"]),
        month_lead_ins=frozenset(w.lower() for w in data["month_lead_ins"]),
        month_parts={k.lower(): (int(v[0]), int(v[1])) for k, v in data["month_parts"].items()},
        future_markers=frozenset(w.lower() for w in data["future_markers"]),
        time_nouns=frozenset(w.lower() for w in data["time_nouns"]),
        reporting_verbs=speech_lexicon().reporting,
        event_nouns=frozenset(w.lower() for w in data.get("event_nouns", [])),
        plan_words=frozenset(w.lower() for w in data.get("plan_words", [])),
        cause_verbs=frozenset(w.lower() for w in data.get("cause_verbs", [])),
        move_verbs=frozenset(w.lower() for w in data.get("move_verbs", [])),
        count_adjectives=frozenset(w.lower() for w in data.get("count_adjectives", [])),
        month_part_phrases={k.lower(): v.lower() for k, v in data.get("month_part_phrases", {}).items()},
        span_lead_ins=frozenset(w.lower() for w in data.get("span_lead_ins", [])),
        span_forward=frozenset(w.lower() for w in data.get("span_forward", [])),
        span_backward=frozenset(w.lower() for w in data.get("span_backward", [])),
    )


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    absolute_mdy: re.Pattern
    absolute_dmy: re.Pattern
    month_edge: re.Pattern
    month: re.Pattern
    weekday: re.Pattern
    counted: re.Pattern
    interval: re.Pattern
    span: re.Pattern
    after_noun: re.Pattern
    phrase: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicon()
    # Month names are matched capitalised only ("May", not the modal "may").
    month = r"(?P<month>" + _alternation(m.capitalize() for m in MONTHS) + r")\.?"
    part = (
        r"(?:(?P<part>" + _alternation(lex.month_parts) + r")[- ](?:of\s+)?"
        r"|(?P<phrase_part>" + _alternation(lex.month_part_phrases or {"\0": ""}) + r")\s+)?"
    )
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?"
    numbers = _alternation(lex.numbers)
    units = _alternation(lex.units)
    if lex.count_adjectives:
        units = r"(?:(?:" + _alternation(lex.count_adjectives) + r")\s+)?(?P<unit>" + units + ")"
    else:
        units = r"(?P<unit>" + units + ")"
    # "after"/"before" followed by a noun phrase count from that happening, not from a date.
    bare = _alternation((lex.after_words | lex.before_words | lex.ago_words) - {"after", "before"})
    det = alternation(determiners("articles", "possessives"))
    det_all = alternation(determiners("articles", "possessives", "demonstratives"))
    directions = bare + r"|(?:after|before)(?!\s+(?:" + det + r")\b)(?!\s+(?-i:[A-Z]))"
    return _Patterns(
        absolute_mdy=re.compile(r"\b" + month + r"\s+" + day + r"\b(?!\s*(?:%|per|years?)\b)" + year),
        absolute_dmy=re.compile(r"\b" + day + r"\s+(?:of\s+)?" + month + r"\b" + year),
        month_edge=re.compile(
            r"\b(?:the\s+)?(?P<edge>first|last|final)\s+(?:(?P<number>\d+|" + numbers + r")\s+)?"
            + units + r"s?\s+of\s+" + month + r"\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?",
            re.IGNORECASE,
        ),
        month=re.compile(r"\b" + part + month + r"\b(?:\s+(?P<year>(?:1[89]|20)\d\d))?"),
        weekday=re.compile(
            r"\b(?:(?P<direction>last|next|this)\s+)?(?P<weekday>" + _alternation(lex.weekdays) + r")\b"
        ),
        counted=re.compile(
            r"\b(?P<number>\d+|" + numbers + r")\s+" + units + r"s?\s+(?P<direction>" + directions + r")\b",
            re.IGNORECASE,
        ),
        interval=re.compile(
            r"\b(?P<number>\d+|" + numbers + r")\s+" + units + r"s?\s+(?P<direction>after|before)\b"
            r"(?=\s+(?:" + det + r"|(?-i:[A-Z])|more\b|at\s+least\b|about\b|some\b|nearly\b|over\b|\d))",
            re.IGNORECASE,
        ),
        span=re.compile(
            r"\b(?P<lead>" + _alternation(lex.span_lead_ins) + r")\s+the\s+(?P<way>"
            + _alternation(lex.span_forward | lex.span_backward) + r")\s+(?:(?P<number>\d+|" + numbers + r")\s+)?"
            + units + r"s?\b",
            re.IGNORECASE,
        ),
        after_noun=re.compile(
            r"\b(?:the\s+(?P<unit_day>day)|(?P<number>\d+|" + numbers + r")\s+" + units + r"s?"
            r"|the\s+(?:first|initial)\s+(?P<first_unit>" + _alternation(lex.units) + r")s?)\s+"
            r"(?P<direction>after|before)\s+(?P<det>" + det_all + r")\s+" + MEASURE + r"(?P<noun>[a-z][\w-]*"
            r"(?:\s+(?!(?:and|or|but|to|in|on|at|of|for|with|by|as|was|were|is|had|has)\b)[a-z][\w-]*)?)",
        ),
        phrase=re.compile(r"\b(?P<phrase>" + _alternation(set(lex.deictic) | set(lex.anaphoric)) + r")\b", re.IGNORECASE),
    )


#: A measure written on a happening noun ("the 12-hour blaze", "the 40-metre wave"): it tells
#: how big or long, so the words naming the happening are looked for after it.
MEASURE = r"(?:\d[\d.,]*-[a-z]+\s+)?"


def whole_days(count: int, unit: float) -> int:
    """How many whole days ``count`` units make. Hours round to the nearest day: "ten hours after the
    crash" is most likely the crash's day, "36 hours later" the second day after."""
    return round(count * unit)


#: A capitalised word right before (no punctuation between): a capitalised "Today" after it is a name's.
_IN_A_NAME = re.compile(r"\b[A-Z][\w&]*[ \u00a0]+$")


def find_mentions(text: str) -> list[Mention]:
    """Every date expression of ``text``, left to right, never overlapping.

    Longer, more complete shapes win over the shorter ones they contain
    ("January 2, 2022" is one absolute date, not a month).
    """
    return list(_find_mentions(text))


@lru_cache(maxsize=4096)
def _find_mentions(text: str) -> tuple[Mention, ...]:
    lex = lexicon()
    pats = _patterns()
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in found)

    for pattern in (pats.absolute_mdy, pats.absolute_dmy):
        for m in pattern.finditer(text):
            day = int(m.group("day"))
            if not 1 <= day <= 31 or not free(m.start(), m.end()):
                continue
            year = int(m.group("year")) if m.group("year") else None
            found.append(Mention(m.start(), m.end(), m.group(0), "absolute", MONTHS[m.group("month").lower()], day, year))
    for m in pats.month_edge.finditer(text):
        # "the first two weeks of March": a range at the start (or end) of the month.
        if not free(m.start(), m.end()) or not m.group("month")[0].isupper():
            continue
        count = lex.numbers.get((m.group("number") or "one").lower()) or (int(m.group("number")),) * 2
        days = whole_days(count[1], lex.units[m.group("unit").lower()])
        edge = "first" if m.group("edge").lower() == "first" else "last"
        year = int(m.group("year")) if m.group("year") else None
        found.append(Mention(m.start(), m.end(), m.group(0), "month", MONTHS[m.group("month").lower()], year=year,
                             part=f"{edge}:{days}"))
    for m in pats.month.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before = text[: m.start()].split()
        lead_in = before[-1].lower().strip("(\"'“‘") if before else ""
        if not (m.group("part") or m.group("phrase_part") or m.group("year") or lead_in in lex.month_lead_ins):
            continue
        year = int(m.group("year")) if m.group("year") else None
        part = m.group("part").lower() if m.group("part") else None
        if m.group("phrase_part"):
            part = lex.month_part_phrases[" ".join(m.group("phrase_part").lower().split())]
        found.append(Mention(m.start(), m.end(), m.group(0), "month", MONTHS[m.group("month").lower()], year=year, part=part))
    for m in pats.interval.finditer(text):
        # "…on Tuesday, two days after the river burst its banks": the clause after
        # "after" is dated by counting back from the date of the clause it is set against.
        if not free(m.start(), m.end()):
            continue
        low, high = lex.numbers.get(m.group("number").lower(), None) or (int(m.group("number")),) * 2
        unit = lex.units[m.group("unit").lower()]
        sign = -1 if m.group("direction").lower() == "after" else 1
        low, high = sorted((sign * whole_days(low, unit), sign * whole_days(high, unit)))
        found.append(Mention(m.start(), m.end(), m.group(0), "interval", offset=(low, high)))
    for m in pats.counted.finditer(text):
        if not free(m.start(), m.end()):
            continue
        low, high = lex.numbers.get(m.group("number").lower(), None) or (int(m.group("number")),) * 2
        unit = lex.units[m.group("unit").lower()]
        direction = m.group("direction").lower()
        sign = 1 if direction in lex.after_words else -1
        low, high = sorted((sign * whole_days(low, unit), sign * whole_days(high, unit)))
        shape = "deictic" if direction in lex.ago_words else "anaphoric"
        found.append(Mention(m.start(), m.end(), m.group(0), shape, offset=(low, high)))
    for m in pats.span.finditer(text):
        # "over the next three weeks": a stretch from (or back to) the article's date.
        if not free(m.start(), m.end()):
            continue
        count = lex.numbers.get((m.group("number") or "one").lower()) or (int(m.group("number")),) * 2
        days = whole_days(count[1], lex.units[m.group("unit").lower()])
        if days < 1:
            continue  # "over the next few hours": a stretch shorter than a day names no day to come or past
        offset = (1, days) if m.group("way").lower() in lex.span_forward else (-days, 0)
        found.append(Mention(m.start(), m.end(), m.group(0), "deictic", offset=offset))
    for m in pats.after_noun.finditer(text):
        # "the day after the fire": counted from the date of the happening the noun names.
        if not free(m.start(), m.start() + len(m.group(0)) - len(m.group("noun"))):
            continue
        sign = 1 if m.group("direction") == "after" else -1
        if m.group("first_unit"):
            # "in the initial hours after the flood": the stretch that starts with the happening
            if sign < 0:
                continue
            low, high = 0, whole_days(1, lex.units[m.group("first_unit").lower()])
        else:
            number = "one" if m.group("unit_day") else m.group("number")
            low, high = lex.numbers.get(number.lower(), None) or (int(number),) * 2
            unit = 1 if m.group("unit_day") else lex.units[m.group("unit").lower()]
            low, high = sorted((sign * whole_days(low, unit), sign * whole_days(high, unit)))
        end = m.start("noun") + len(m.group("noun"))
        found[:] = [f for f in found if not (f.start >= m.start() and f.end <= end)]
        found.append(Mention(m.start(), end, text[m.start():end], "after_noun", offset=(low, high),
                             noun=m.group("noun").lower()))
    for m in pats.phrase.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group(0)[0].isupper() and _IN_A_NAME.search(text, 0, m.start()):
            continue  # "USA Today", "Morning Star Yesterday": a word of a name, not a day
        phrase = m.group("phrase").lower()
        shape = "deictic" if phrase in lex.deictic else "anaphoric"
        offset = lex.deictic.get(phrase) or lex.anaphoric[phrase]
        found.append(Mention(m.start(), m.end(), m.group(0), shape, offset=offset))
    for m in pats.weekday.finditer(text):
        if not free(m.start(), m.end()):
            continue
        # "Monday, January 10" says the same day twice: the written date is enough.
        after = text[m.end(): m.end() + 3]
        if after.startswith(",") and any(f.start >= m.end() and f.start <= m.end() + 3 and f.shape == "absolute" for f in found):
            continue
        direction = (m.group("direction") or "").lower() or None
        found.append(
            Mention(m.start(), m.end(), m.group(0), "weekday", weekday=lex.weekdays.index(m.group("weekday")),
                    direction=direction if direction != "this" else None)
        )
    return tuple(sorted(found, key=lambda f: f.start))


#: Shapes that name one day (or a few), and so can open or close a stretch of days.
DAY_SHAPES = ("absolute", "weekday", "deictic", "anaphoric")
#: How far apart (in characters) the two ends of a stretch may be written.
STRETCH_GAP = 100
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


@lru_cache(maxsize=1)
def _stretch_words() -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml(DATA_FILE)
    opens = r"\b(?:" + _alternation(data.get("stretch_opens", ["\0"])) + r")(?:\s+on)?\s+$"
    closes = r"\b(?:" + _alternation(data.get("stretch_closes", ["\0"])) + r")(?:\s+on)?\s+$"
    return re.compile(opens, re.IGNORECASE), re.compile(closes, re.IGNORECASE)


def stretches(text: str, mentions: list[Mention]) -> dict[int, Mention]:
    """Where a stretch of days opens -> the mention that closes it: "from Monday … until June 9",
    "beginning Monday and ending on June 9". The two dates bound one happening (a ban, a
    closure) rather than date two, so the happening is dated by both ends. Only two day-naming
    mentions written next to each other in one sentence, the first after an opening word and the
    second after a closing word (``stretch_opens`` / ``stretch_closes``), make a stretch."""
    opens, closes = _stretch_words()
    ordered = sorted((m for m in mentions if m.shape in DAY_SHAPES), key=lambda m: m.start)
    found = {}
    for first, second in itertools.pairwise(ordered):
        between = text[first.end:second.start]
        if len(between) > STRETCH_GAP or _SENTENCE_END.search(text, first.end, second.start + 1) \
                or any(first.end <= m.start < second.start for m in mentions):
            continue
        if opens.search(text, 0, first.start) and closes.search(text, 0, second.start):
            found[first.start] = second
    return found


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last_day = calendar.monthrange(year, month)[1]
    if part and ":" in part:  # "first:14" = the first 14 days, "last:7" = the last 7
        edge, days = part.split(":")
        days = min(int(days), last_day)
        if edge == "first":
            return dt.date(year, month, 1), dt.date(year, month, days)
        return dt.date(year, month, last_day - days + 1), dt.date(year, month, last_day)
    if part:
        low, high = lexicon().month_parts[part]
        return dt.date(year, month, low), dt.date(year, month, min(high, last_day))
    return dt.date(year, month, 1), dt.date(year, month, last_day)


def nearest_year(month: int, day: int, around: dt.date) -> int:
    """The year that puts (month, day) closest to ``around``, a little in its past preferred.

    News reports mostly look back: "December 28" in a January article is last
    December. Ties go to the past.
    """
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        candidate = _safe(year, month, min(day, 28) if _safe(year, month, day) is None else day)
        distance = (candidate - around).days
        score = abs(distance) * (1 if distance <= 0 else 2)
        if best is None or score < best[0]:
            best = (score, year)
    return best[1]


class FallbackYear(NamedTuple):
    """The year for an article's year-less dates, where it comes from (a code of
    :mod:`briefbook.language.years`), and (when the year was lent by a dated article, or is the
    corpus's) the date it was lent from: "December 19" in a story whose like was published on
    January 4, 2024 is December 19, 2023, not 2024 (:func:`nearest_year`)."""

    year: int
    how: str
    around: dt.date | None = None


def resolve(
    mention: Mention,
    article_date: dt.date | None,
    fallback_year: tuple[int, str] | None,
    anchor: tuple[dt.date, str] | None = None,
    future: bool = False,
) -> Resolved:
    """Resolve one mention.

    ``fallback_year`` (a :class:`FallbackYear`, or a plain ``(year, how)``) is the year for a date written
    without one when the article's date is unknown; ``anchor`` is the earlier date the text counts from (with the *how* to
    report: same paragraph or earlier in the text); ``future`` says the clause
    looks forward ("will meet on Monday").
    """
    shape = mention.shape
    if shape in ("absolute", "month"):
        how = WRITTEN
        year = mention.year
        if year is None:
            if article_date is not None:
                year = nearest_year(mention.month, mention.day or 15, article_date)
                how = YEAR_FROM_ARTICLE
            elif fallback_year is not None:
                fallback = FallbackYear(*fallback_year)
                year, how = fallback.year, YEAR_FROM + fallback.how
                if fallback.around is not None:  # lent with a date: the year that puts the day nearest it
                    year = nearest_year(mention.month, mention.day or 15, fallback.around)
            else:
                return Resolved(None, None, "", NO_YEAR)
        if shape == "month":
            first, last = _month_range(year, mention.month, mention.part)
            return Resolved(first, last, "range" if mention.part else "month", how)
        day = _safe(year, mention.month, mention.day)
        return Resolved(day, day, "day", how) if day else Resolved(None, None, "", NO_SUCH_DAY)
    if shape in ("anaphoric", "interval", "after_noun"):
        if anchor is None:
            return Resolved(None, None, "", NO_EARLIER_DATE)
        base, how = anchor
        return _counted(base, mention.offset, how)
    if article_date is None:
        return Resolved(None, None, "", NO_ARTICLE_DATE)
    if shape == "deictic":
        if isinstance(mention.offset[0], str):
            first, last = calendar_range(mention.offset[0], mention.offset[1], article_date)
            return Resolved(first, last, "month" if mention.offset[0] == "month" else "range", FROM_ARTICLE)
        return _counted(article_date, mention.offset, FROM_ARTICLE)
    forward = mention.direction == "next" or (future and mention.direction != "last")
    if forward:
        # a plain weekday ahead that is the article's own day is that day (news copy names the day,
        # "will speak Friday", rather than "today"); "next Friday" is a week on
        delta = (mention.weekday - article_date.weekday()) % 7 or (7 if mention.direction == "next" else 0)
    else:
        delta = -((article_date.weekday() - mention.weekday) % 7)
        if mention.direction == "last" and delta == 0:
            delta = -7
    day = article_date + dt.timedelta(days=delta)
    return Resolved(day, day, "day", FROM_ARTICLE)


def _counted(base: dt.date, offset: tuple[int, int], how: str) -> Resolved:
    first = base + dt.timedelta(days=offset[0])
    last = base + dt.timedelta(days=offset[1])
    return Resolved(first, last, "day" if first == last else "range", how)


def dates_by_doc(dates, corpus=None) -> dict[str, dt.date | None]:
    """``{doc_id: date}`` from an article-dates table (None where not inferred).

    With ``corpus``, an article the table leaves undated takes the date its page states
    (``Document.published``), and articles missing from the table are included: the one map
    every analysis reads an article's date from.
    """
    found = {} if dates is None else {
        row["doc_id"]: dt.date.fromisoformat(row["date"]) if row["date"] else None
        for row in dates.to_dict("records")
    }
    if corpus is None:
        return found
    return {d.doc_id: found.get(d.doc_id) or d.published for d in corpus.documents}


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_words(value: object) -> str:
    """A date as an analyst writes it, as precise as it is: "13 March 2029", "March 2029",
    "2015"; "" for no date (None, NaN, NaT, ""). Takes ISO text, a ``date`` or a timestamp: the one
    way every page, chart title and citation words a date."""
    match = _ISO.match(str(value)[:10]) if value is not None else None
    if match is None:
        return ""
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return str(year)
    name = dt.date(year, month, 1).strftime("%B")
    return f"{day} {name} {year}" if day else f"{name} {year}"
