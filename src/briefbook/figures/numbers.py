"""Find number phrases in text and turn them into a low/high range.

Figures are written many ways ("3,400", "two", "10 thousand", "a dozen",
"dozens", "between 20 and 30"). This module only reads the *number*: whether
it counts casualties is decided later from the parse. It works on plain text
with regular expressions, not on spaCy tokens, because the tokenizer splits
"twenty-five" and "5,000-strong" differently from how a reader groups them.
Number words and the vague-magnitude convention live in
``data/figures_numbers.yaml`` so they can be edited without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefbook.resources import load_yaml

#: Qualifiers that leave the top of the range open (``high`` is None).
OPEN_ABOVE = {"more_than", "at_least"}
#: Qualifiers that leave the bottom of the range open (``low`` is None).
OPEN_BELOW = {"up_to"}


@dataclass(frozen=True)
class NumberPhrase:
    """A number as written, with offsets into the text it was found in."""

    start: int
    end: int
    text: str
    low: float
    high: float
    vague: bool = False  # an order of magnitude ("hundreds"), not a count

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, int]  # units and tens
    scales: dict[str, int]
    vague: list[tuple[str, int, int, bool]]  # phrase, low, high, needs "of"
    determiners: list[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_yaml("figures_numbers.yaml")
    words = {**data["units"], **data["tens"]}
    vague = sorted(
        ((v["phrase"].lower(), int(v["low"]), int(v["high"]), bool(v.get("needs_of"))) for v in data["vague"]),
        key=lambda v: -len(v[0]),
    )
    determiners = sorted((d.lower() for d in data.get("vague_determiners", [])), key=len, reverse=True)
    return _Lexicon(words, dict(data["scales"]), vague, determiners)


# A digit group not glued to letters ("2nd", "p3") or to other digits by a dot/slash (dates, versions).
_TOKEN = re.compile(r"(?<![\w.,/])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/]|\.\d|,\d)|(?<![\w.,/])\d+(?:\.\d+)?(?![\w/]|\.\d|,\d)|[A-Za-z]+(?:'[a-z]+)?")
_GAP_JOIN = re.compile(r"[ \t]+|[ \t]*-[ \t]*|\u00a0")
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|to|or)\s*$", re.I)


def _number_value(token: str, lex: _Lexicon) -> float | None:
    if token[0].isdigit():
        return float(token.replace(",", ""))
    return lex.words.get(token.lower())


def _words_value(parts: list[str], lex: _Lexicon) -> float:
    """Value of a run such as ["three", "hundred", "and", "ten"] or ["1.5", "million"]."""
    total, current = 0.0, 0.0
    for part in parts:
        low = part.lower()
        if low in ("and", "a", "an"):
            continue
        if low in lex.scales:
            scale = lex.scales[low]
            if scale < 1000:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            current += _number_value(part, lex) or 0.0
    return total + current


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase in ``text``, left to right, ranges merged."""
    lex = lexicon()
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    found: list[NumberPhrase] = []
    i = 0
    while i < len(tokens):
        vague = _vague_at(text, tokens, i, lex)
        if vague:
            phrase, i = vague
            found.append(phrase)
            continue
        run = _count_at(text, tokens, i, lex)
        if run:
            phrase, i = run
            found.append(phrase)
            continue
        i += 1
    return _merge_ranges(text, found)


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether two tokens are adjacent words of one phrase (space or hyphen between)."""
    return bool(_GAP_JOIN.fullmatch(text[a[1]:b[0]]))


def _vague_at(text: str, tokens, i: int, lex: _Lexicon):
    """A vague magnitude ("dozens", "tens of thousands", "several hundred") starting at token i."""
    lower = text.lower()
    start = tokens[i][0]
    for phrase, low, high, needs_of in lex.vague:
        if not lower.startswith(phrase, start):
            continue
        end = start + len(phrase)
        if end < len(text) and text[end].isalpha():
            continue
        if needs_of and not re.match(r"[\"'\u201d\u2019]?\s+of\b", lower[end:]):
            continue
        j = i
        while j < len(tokens) and tokens[j][1] <= end:
            j += 1
        return NumberPhrase(start, end, text[start:end], low, high, True), j
    for det in lex.determiners:
        if lower.startswith(det, start):
            rest = re.match(r"\s+([a-z]+)\b", lower[start + len(det):])
            if rest and rest.group(1) in lex.scales:
                scale = lex.scales[rest.group(1)]
                end = start + len(det) + rest.end()
                plural = next((v for v in lex.vague if v[0].rstrip("s") == rest.group(1)), None)
                low, high = (plural[1], plural[2]) if plural else (2 * scale, 10 * scale - 1)
                j = i
                while j < len(tokens) and tokens[j][1] <= end:
                    j += 1
                return NumberPhrase(start, end, text[start:end], low, high, True), j
    return None


def _count_at(text: str, tokens, i: int, lex: _Lexicon):
    """An exact count (digits, number words, "a dozen", "10 thousand") starting at token i."""
    first = tokens[i][2].lower()
    parts = [tokens[i]]
    if first in ("a", "an"):
        if i + 1 < len(tokens) and tokens[i + 1][2].lower() in lex.scales and _joined(text, tokens[i], tokens[i + 1]):
            parts = [tokens[i], tokens[i + 1]]
        else:
            return None
    elif _number_value(tokens[i][2], lex) is None:
        return None
    j = i + len(parts)
    while j < len(tokens):
        word = tokens[j][2].lower()
        prev = parts[-1]
        if not _joined(text, prev, tokens[j]):
            break
        if word in lex.scales:
            parts.append(tokens[j])
        elif word == "and" and prev[2].lower() in lex.scales and j + 1 < len(tokens) \
                and tokens[j + 1][2].lower() in lex.words and _joined(text, tokens[j], tokens[j + 1]):
            parts.append(tokens[j])
        elif word in lex.words and not prev[2][0].isdigit() and lex.words.get(prev[2].lower(), 0) % 10 == 0 \
                and (prev[2].lower() in lex.scales or prev[2].lower() == "and" or lex.words.get(prev[2].lower(), 0) >= 20):
            parts.append(tokens[j])
        else:
            break
        j += 1
    start, end = parts[0][0], parts[-1][1]
    value = _words_value([p[2] for p in parts], lex)
    return NumberPhrase(start, end, text[start:end], value, value, False), j


def after_from(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows "from" ("rose from 410 to 589"): the older value of a change."""
    return re.search(r"\bfrom\s+$", text[max(0, start - 12):start], re.I) is not None


def _merge_ranges(text: str, found: list[NumberPhrase]) -> list[NumberPhrase]:
    """Join "20 to 30", "20-30", "two or three" and "between 20 and 30" into one range.

    "from 30 to 45" is a change, not a range, and stays two numbers.
    """
    merged: list[NumberPhrase] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if b and not a.vague and not b.vague and a.high < b.low:
            gap = text[a.end:b.start]
            before = text[max(0, a.start - 12):a.start].lower()
            between = re.search(r"\bbetween\s+$", before) and re.fullmatch(r"\s+and\s+", gap)
            joined = _RANGE_JOIN.match(gap) and _RANGE_JOIN.match(gap).end() == len(gap) and gap.strip()
            if (between or joined) and not after_from(text, a.start):
                merged.append(NumberPhrase(a.start, b.end, text[a.start:b.end], a.low, b.high, False))
                k += 2
                continue
        merged.append(a)
        k += 1
    return merged


def bounds(phrase: NumberPhrase, modifier: str) -> tuple[float | None, float | None]:
    """The low/high a reader may take from a number and the hedge before it.

    "more than N" and "at least N" keep N as the floor and leave the top open;
    "up to N" caps at N and leaves the bottom open. "about"/"nearly" are kept as
    a qualifier but do not widen the range: how loose "about" is depends on the
    writer, so the stated number is the honest reading.
    """
    if modifier in OPEN_ABOVE:
        return phrase.low, None
    if modifier in OPEN_BELOW:
        return None, phrase.high
    return phrase.low, phrase.high
