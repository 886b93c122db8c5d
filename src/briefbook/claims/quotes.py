"""Direct quotations: find the stretches of a paragraph that sit between quote marks.

Translated and scraped news loses quote marks all the time: an opening mark is
dropped, a closing mark is typed as an opening one, a quotation runs on into the
next paragraph. So instead of a regular expression over balanced pairs, marks are
read left to right as a small state machine that records what it had to guess
(``open_lost`` / ``close_lost``); the extractor then decides, with the parse in
hand, where a quotation whose opening mark was lost really starts.

Only character work happens here; no spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Marks that open a quotation, close one, or may do either (straight quotes).
OPENING = "“„«‹‘"
CLOSING = "”»›’"
STRAIGHT = '"'
STRAIGHT_SINGLE = "'"
PAIRS = {"“": "”", "„": "“", "«": "»", "‹": "›", "‘": "’", '"': '"', "'": "'"}


@dataclass(frozen=True)
class Quotation:
    """Content between quote marks, as offsets into the paragraph text (marks excluded).

    ``open_lost`` means a closing mark was found with no opening one: ``start`` is then
    the paragraph start and the caller must decide where the quotation begins.
    ``close_lost`` means the paragraph ended (or a new quotation opened) before a
    closing mark: the quotation may run on into the next paragraph.
    """

    start: int
    end: int
    open_lost: bool = False
    close_lost: bool = False
    single: bool = False


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between letters ("it’s", "the union's"), or after a plural s is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens(text: str, i: int) -> bool:
    """A straight or single mark opens when it follows a space/bracket/start and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def find_quotations(text: str) -> list[Quotation]:
    """All quotations of one paragraph, in order.

    Double marks take precedence: single marks are only read as quotations when no
    double quotation is open (inside one they are nested quotes or apostrophes).
    """
    found: list[Quotation] = []
    open_at: int | None = None
    open_mark = ""
    last_mark = 0  # just after the last mark read: where a quotation with a lost opening may start
    for i, ch in enumerate(text):
        is_single = ch in "‘’'"
        if ch not in OPENING + CLOSING + STRAIGHT + STRAIGHT_SINGLE:
            continue
        if is_single:
            if open_at is not None and not open_mark in "‘'":
                continue  # nested inside a double quotation
            if _is_apostrophe(text, i):
                continue
            if open_at is None:
                if ch == "’" or (ch == "'" and not _opens(text, i)):
                    continue  # a stray apostrophe ("countries’ leaders"), not a lost opening
                open_at, open_mark = i + 1, ch
                continue
            if ch == "‘" or (ch == "'" and _opens(text, i)):
                continue
            found.append(Quotation(open_at, i, single=True))
            open_at, last_mark = None, i + 1
            continue
        if open_at is None:
            if ch in CLOSING:
                found.append(Quotation(last_mark, i, open_lost=True))
                last_mark = i + 1
            else:
                open_at, open_mark = i + 1, ch
            continue
        # a quotation is open
        rest = text[i + 1:]
        if ch in CLOSING or ch == STRAIGHT or (ch in OPENING and (not rest.strip() or rest[:1] in " .,;:!?")
                                               and text[i - 1:i] in " .,!?"):
            found.append(Quotation(open_at, i))
            open_at, last_mark = None, i + 1
        elif ch in OPENING:
            # a new opening mark while one is open: the closing mark of the first was lost
            found.append(Quotation(open_at, i, close_lost=True))
            open_at, open_mark = i + 1, ch
    if open_at is not None:
        found.append(Quotation(open_at, len(text), close_lost=True, single=open_mark in "‘'"))
    return [q for q in found if text[q.start:q.end].strip()]


def strip_span(text: str, start: int, end: int, chars: str = " \t\n\u00a0,;:") -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and punctuation that belong to no one."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def starts_with_opening(text: str) -> bool:
    """True when a paragraph opens with a quote mark (a multi-paragraph quotation continues)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in OPENING + STRAIGHT
