"""Find an article's title, outlet and publication date in its own text.

Each finder returns the value and *how* it was found, because a reader of the
Sources page must be able to tell a dateline from a guess. Nothing here knows
any outlet by name: outlets are read from the shapes newsrooms use to name
themselves (wire datelines, bylines, agency credits, calls to subscribe).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from briefbook.corpus.clean import Line
from briefbook.corpus.model import Paragraph, Removed
from briefbook.corpus.outlets import agency_named

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

#: "MOSCOW, January 10. /TASS/" and "KYIV, Jan 5 (Reuters) -"
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40})(?:,\s+[A-Z][\w .'’-]{1,30}?)?,\s+" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"[.,]?\s*(?:/\s*(?P<agency>[A-Za-z][\w.& -]{1,30}?)\s*/|\((?P<agency2>[A-Za-z][\w.& -]{1,30})\)|(?=[—–-]\s))",
    re.IGNORECASE,
)
#: "Xinhua, April 3, 2015" or "By Ana Ruiz | 3 April 2015" under the title: a short line (not a sentence)
#: whose date has a year.
DATE_UNDER_TITLE_WORDS = 12
#: The place (and agency) a wire story opens with, before the first word of the news: "SANTA CRUZ,
#: Peru —", "LIMA (Andina) –", "Cusco, Peru -", "OSLO:", "HARWICK //". A capitalised place
#: alone needs capitals throughout or a region after a comma, so "Police -" is no dateline.
_PLACE_CAPS = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
_PLACE_TITLE = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
_REGION = r"(?:,\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}){1,2}"
_AGENCY = r"(?:\s*\((?P<agency>[A-Z][\w.&/ -]{0,30})\))?"
_DATELINE_LEAD = re.compile(
    r"^(?:" + _PLACE_CAPS + r"(?:" + _REGION + r")?|" + _PLACE_TITLE + _REGION + r")" + _AGENCY
    + r"(?:\s*[—–-]{1,2}\s+|\s*//\s+|:\s+(?=[A-Z]))"
)


def dateline_end(text: str) -> int:
    """Where a paragraph's opening dateline ends (0 when it has none): the place, region, agency
    and date a wire story starts with ("SANTA CRUZ, Peru —", "OSLO, January 10. /NTB/."). It is
    no speaker, no event and no part of a statement."""
    for pattern in (DATELINE, _DATELINE_LEAD):
        match = pattern.match(text)
        if match:
            end = match.end()
            rest = _DATELINE_LEAD.match(text[end:].lstrip(" .")) if pattern is DATELINE else None
            while end < len(text) and text[end] in " .-—–:":
                end += 1
            return end + (rest.end() if rest else 0)
    return 0


#: "February 10, 2022" and "10 February 2022" — a full date inside a caption or byline. Its year is one
#: of 1800-2099, as the language layer reads dates (briefbook.language.dates): "On July 12, 1500 people
#: were killed" writes a count, not the year 1500.
FULL_DATE = re.compile(
    r"\b(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:1[89]|20)\d\d)"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]+)\.?\s+(?P<year2>(?:1[89]|20)\d\d))\b",
    re.IGNORECASE,
)
#: "(With input from Xinhua)", "(Source: AFP)"
AGENCY_CREDIT = re.compile(r"^\(\s*(?:with input from|with inputs from|source:|via)\s+(?P<name>[^)]{2,40})\)$", re.I)
#: "Subscribe to Example.com Telegram channel" names the site.
SELF_NAMING = re.compile(r"\b(?:subscribe to|follow)\s+(?P<name>[A-Z][\w]*(?:\.[A-Za-z]{2,})+|[A-Z][\w]*[A-Z][\w]*)", re.I)
#: A photo caption credit: "… Moscow, Russia, February 10, 2022. /Reuters", "… in Harwick on Thursday. AFP",
#: "… on Sunday. [Photo/Agency]", "… in Harwick, Eastland, May 3. — Agency" (the place and day the photo
#: was taken, then a dash and the credit; a story's own closing credit, "… the ministry said. — Agency",
#: writes no day before the dash).
CAPTION = re.compile(r"/\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?\)?\s*$|^\((?:cover|photo|file photo)\b"
                     r"|\.\s+(?-i:[A-Z]{2,12}(?:/[A-Z][\w ]{1,20})?)\s*$|\[\s*photo\b"
                     r"|,\s*" + _MONTH.replace("(?P<month>", "(?:") + r"\s+\d{1,2}(?:,\s*\d{4})?\.\s*[—–-]{1,2}\s*"
                     r"(?-i:[A-Z][\w.]+(?: [A-Z][\w.]+)?)\s*$", re.I)
#: "Published: 10 January 2022" and similar, also after a credit ("Xinhua | Updated: 2031-05-14 21:39",
#: "By: A Wire | City | Published on:August 9, 2031", "AFP Published May 12, 2031 Updated …").
PUBLISHED_LINE = re.compile(r"^(?:(?:[^|.]{1,40}\|\s*){1,3}|(?-i:(?:[A-Z][\w&-]*\s+){1,3}))?"
                            r"(?:published|posted|updated|date)\s*(?:on)?\s*:?\s*(?P<rest>.{6,60})$", re.I)
#: A machine-written date on a page's date stamp ("2031-05-14 21:39") or in a page's metadata
#: ("2031-05-14T21:39:00+03:00"), never in running text.
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
#: Where an article's date was found (``Document.published_how``): the Sources page shows these
#: words, and the chronology compares against these names, never against the words themselves.
FROM_DATELINE = "dateline"
FROM_PUBLICATION_LINE = "publication line"
FROM_CAPTION = "dated photo caption"
FROM_MANIFEST = "manifest"
FROM_DATE_UNDER_TITLE = "dated line under the title"
DATELINE_YEAR_FROM_OWN_DATES = "dateline; year from the dates the article writes"
DATELINE_YEAR_FROM_CORPUS = "dateline; year from the corpus"
#: Words before a bare year that make it a year looked ahead to, not the year of the news.
_LOOKS_AHEAD = re.compile(r"\b(?:ahead of|upcoming|until|till|due in|scheduled for|planned for|set for|"
                          r"in the run-up to|by the end of|next)\s+(?:the\s+)?$", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[dt.date]:
    """Every full date (day, month and year) written in ``text``, in order."""
    found = []
    for match in FULL_DATE.finditer(text):
        if match.group("month"):
            month = MONTHS[match.group("month").lower()]
            date = _date(int(match.group("year")), month, int(match.group("day")))
        else:
            month = MONTHS.get(match.group("month2").lower())
            date = month and _date(int(match.group("year2")), month, int(match.group("day2")))
        if date:
            found.append(date)
    return found


def parse_full_date(text: str) -> dt.date | None:
    """The first full date (day, month and year) written in ``text``."""
    return next(iter(full_dates(text)), None)


def parse_iso_date(text: str) -> dt.date | None:
    """The first machine-written date ("2031-05-14") of a date stamp."""
    match = ISO_DATE.search(text)
    return _date(int(match.group("year")), int(match.group("month")), int(match.group("day"))) if match else None


def find_title(lines: list[Line]) -> tuple[str, str]:
    """The headline: the first line that reads like one.

    A page's date stamp ("13 Mar 2029"), a menu or a site's call ("Get all your news in one place.")
    can come first; a headline has four words or more, is no date line or menu and does not end with a
    full stop, so such lines are passed over (among the first five), and the first plausible line is
    taken only when none reads so."""
    plausible = [line for line in lines[:5] if 2 <= len(line.text.split()) <= 30 and not DATELINE.match(line.text)]
    for line in plausible:
        # a sentence that closes a quotation ("… told AFP: “The court has ruled.”") ends with its full stop too
        text = line.text.rstrip().rstrip("\"'”’»)")
        # a menu ("China / Society", "Edition: English | Español") or a button ("Start reading") is none
        if len(text.split()) >= 4 and not is_date_line(text) and not re.search(r"\s[|/]\s|\|", text) \
                and not text.endswith("?") and not (text.endswith(".") and not text.endswith("..")):
            return line.text, "first line"
    first = next((line for line in lines[:3] if line in plausible), None)
    return (first.text, "first line") if first is not None else ("", "not found")


def find_outlet(lines: list[Line], removed: list[Removed], title: str) -> tuple[str, str]:
    """The outlet that published the article, from the text's own words."""
    for line in lines:
        match = DATELINE.match(line.text)
        if match and (match.group("agency") or match.group("agency2")):
            return (match.group("agency") or match.group("agency2")).strip(), "dateline"
        lead = _DATELINE_LEAD.match(line.text)
        if lead and lead.group("agency") and not lead.group("agency").isdigit():
            return lead.group("agency").strip(), "dateline"  # "LIMA (Andina) – …"
    for item in removed:
        match = SELF_NAMING.search(item.text)
        if match:
            return match.group("name"), "site names itself in a call to subscribe"
    titles = [i for i, line in enumerate(lines) if line.text == title]
    if titles and titles[0] + 1 < len(lines):
        byline = lines[titles[0] + 1].text
        if _looks_like_masthead(byline):
            return byline, "byline under the title"
    for line in lines:
        match = AGENCY_CREDIT.match(line.text)
        if match:
            return match.group("name").strip(), "agency credit"
    for line in lines[:LEAD_LINES]:
        agency = _agency_line(line.text)
        if agency:
            return agency, "agency byline"
    return "", "not found"


#: How far down a page an agency byline is looked for (the headline, a standfirst, the byline).
LEAD_LINES = 8
_BYLINE_AGENCY = re.compile(r"^(?:by|from)\s+(?P<name>.{2,40}?)\s*$|^(?P<lead>[\w.-]+(?: [\w.-]+){0,3}?)\s+"
                            r"(?:published|updated|posted)\b", re.I)


def _agency_line(text: str) -> str:
    """The agency a byline credits the text to: "By Reuters", "AFP Published July 16, 2024 …", "AP"; ""
    where the line names no agency of ``wire_agencies.yaml`` (an author's byline is no outlet)."""
    match = _BYLINE_AGENCY.match(text.strip())
    if not match:
        return agency_named(text)  # a credit line that is the agency's name alone ("AP")
    return agency_named(match.group("name") or match.group("lead") or "")


def _looks_like_masthead(text: str) -> bool:
    """A short line of capitalised names with no sentence in it ("ABC", "The Daily Star")."""
    words = text.split()
    if words and words[0].lower() in ("by", "from", "photo", "photos", "video"):
        return False  # "By Jane Doe" names the author, not the outlet
    return (
        1 <= len(words) <= 3
        and len(text) <= 30
        and not text.endswith((".", "!", "?", ":", ","))
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and any(ch.isupper() for ch in text[1:] if ch.isalpha()) | (len(words) > 1)
    )


#: Words a sentence, not a date stamp, opens with before its date ("On April 3, 2015 gunmen …").
_DATE_LEAD_INS = frozenset({"on", "in", "since", "until", "from", "at", "after", "before", "as", "early", "late"})


def is_date_line(text: str) -> bool:
    """A short line that is no sentence and carries a full date: a page's date stamp or a byline with its
    date ("Xinhua, April 3, 2015 Adjust font size:", "Thursday April 02 2015"). It dates the page, it
    reports no happening."""
    text = text.rstrip()
    words = text.split()
    if not words or len(words) > DATE_UNDER_TITLE_WORDS \
            or (text.endswith((".", "!", "?", '"', "”")) and not text.lower().endswith(("a.m.", "p.m."))) \
            or words[0].lower() in _DATE_LEAD_INS:
        return False
    date = FULL_DATE.search(text)
    if date is None and parse_iso_date(text) is not None:
        date = ISO_DATE.search(text)
        return len((text[:date.start()] + text[date.end():]).split()) <= 5
    return date is not None and parse_full_date(text) is not None \
        and len((text[:date.start()] + text[date.end():]).split()) <= 5


def is_publication_line(text: str) -> bool:
    """A "Published:"/"Updated:" line with the page's date (:data:`PUBLISHED_LINE`): it dates the page."""
    match = PUBLISHED_LINE.match(text)
    if not match:
        return False
    rest = match.group("rest")
    date = FULL_DATE.search(rest) or ISO_DATE.search(rest)
    # the date comes first (a weekday may go before it): "updated the toll on August 4" is a sentence
    return date is not None and date.start() <= len("Wednesday, ") and \
        (parse_full_date(rest) or parse_iso_date(rest)) is not None


def find_published(lines: Sequence[Line | Paragraph]) -> tuple[dt.date | None, tuple[int, int] | None, str]:
    """The publication date, or a year-less (month, day) for the corpus to complete.

    Returns ``(date, month_day, how)``: a dateline without a year gives
    ``month_day`` only, and :func:`complete_years` fills the year from the corpus.
    """
    for line in lines:
        match = DATELINE.match(line.text)
        if match:
            month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
            if match.group("year"):
                return _date(int(match.group("year")), month, day), None, FROM_DATELINE
            return None, (month, day), FROM_DATELINE
    for line in lines:
        if is_publication_line(line.text):
            rest = PUBLISHED_LINE.match(line.text).group("rest")
            return parse_full_date(rest) or parse_iso_date(rest), None, FROM_PUBLICATION_LINE
    for line in lines:
        if CAPTION.search(line.text) and (found := parse_full_date(line.text)):
            return found, None, FROM_CAPTION
    for line in list(lines)[:4]:
        if is_date_line(line.text):
            return parse_full_date(line.text), None, FROM_DATE_UNDER_TITLE
    return None, None, "not found"


def bare_years_in(text: str) -> list[int]:
    """The years a text writes on their own ("the 2024 election"), less those it looks ahead to."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)
            if not _LOOKS_AHEAD.search(text[max(0, m.start() - 30):m.start()])]


def corpus_year(texts: list[str], bare_years: bool = True) -> int | None:
    """The year the corpus is about.

    Years written in full dates ("January 2, 2022") say when things happened;
    bare years are as often history ("since 2009", "the 1992 treaty"), so they
    count only when no full date gives a year (and not at all without ``bare_years``),
    and never a year the text looks ahead to ("ahead of 2025 elections").
    """
    dated = Counter(
        int(m.group("year") or m.group("year2")) for text in texts for m in FULL_DATE.finditer(text)
        if (m.group("month") or MONTHS.get((m.group("month2") or "").lower()))
    )
    counts = dated or (Counter(y for text in texts for y in bare_years_in(text)) if bare_years else Counter())
    if not counts:
        return None
    return max(counts.items(), key=lambda item: (item[1], item[0]))[0]


def year_for(month_day: tuple[int, int], year: int | None) -> dt.date | None:
    """A year-less dateline's date in the corpus's year."""
    return _date(year, *month_day) if year else None
