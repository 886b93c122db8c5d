"""Split a seed into paragraphs and set web boilerplate aside, without touching the text.

Every line of the seed is a candidate paragraph, identified by its offsets in
the text as read. A line is boilerplate when it matches a pattern of the
editable lexicon ``data/boilerplate.yaml``, when it repeats an earlier line
word for word (a photo caption printed twice), or when it is a lone interface
glyph. Everything set aside is kept as :class:`Removed` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefbook.corpus.model import Removed
from briefbook.corpus.site_lines import SITE_LINE, is_site_line, line_key
from briefbook.resources import load_yaml

_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The lexicon's patterns, compiled to match a whole (stripped) line."""
    spec = load_yaml("boilerplate.yaml")
    return tuple(
        (re.compile(rf"(?:{item['regex']})[\s.:!|»>-]*", re.IGNORECASE), item["reason"])
        for item in spec["patterns"]
    )


#: HTML entities the page lost its markup around ("103&nbsp;people", or "103nbsp;people" and
#: "Veldoniarsquo;s" with the ampersand gone too), and the characters they stand for.
_ENTITIES = {"nbsp": " ", "rsquo": "\u2019", "lsquo": "\u2018", "ldquo": "\u201c", "rdquo": "\u201d",
             "ndash": "\u2013", "mdash": "\u2014", "hellip": "\u2026", "quot": '"', "amp": "&"}
_ENTITY = re.compile(r"&?(" + "|".join(_ENTITIES) + r");")
#: Two sentences glued by a lost space ("…, civil defense said.Two survivors …"); a word before the
#: period that starts its token, so web addresses ("example.com.Today") and initials stay whole.
_GLUED = re.compile(r"(?<![\w./@])([a-z]{2,})\.([A-Z][a-z]+)\b")


#: A link line the page glued to the paragraph after it ("SEE ALSO: Veldonia Says Fire Toll Rises To 37The ministry
#: noted …"): the link ends where a capital follows a digit or small letter with no space.
_GLUED_LINK = re.compile(r"(?m)^((?i:see also|read more|read also|also read|related)\s*:[^\n]*?[a-z0-9])(?=[A-Z][a-z]+\s)")


def repair(text: str) -> str:
    """Text as the page meant it: leftover entities are their characters, glued sentences are parted,
    and a link line glued to the next paragraph is put on a line of its own (where the boilerplate
    patterns take it out)."""
    text = _GLUED.sub(r"\1. \2", _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text))
    return _GLUED_LINK.sub("\\1\n", text)


def lines(text: str) -> list[Line]:
    """Non-blank lines with offsets of their stripped content."""
    found = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        found.append(Line(start, start + len(stripped), stripped))
    return found


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is boilerplate, or None when it is article text."""
    if len(line) <= 2 and not line.isdigit():
        return "interface fragment"
    for pattern, reason in boilerplate_patterns():
        if pattern.fullmatch(line):
            return reason
    return None


def split_article(text: str, site: frozenset[str] = frozenset()) -> tuple[list[Line], list[Removed]]:
    """The article's lines and the boilerplate removed from it; ``site`` holds the lines its outlet prints
    on its other pages (:func:`briefbook.corpus.site_lines.site_lines`), which are removed too."""
    kept: list[Line] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    for line in lines(text):
        reason = SITE_LINE if is_site_line(line.text, site) else boilerplate_reason(line.text)
        key = line_key(line.text)
        if reason is None and key in seen and len(key) > 40:
            reason = "repeated paragraph"
        if reason is None:
            kept.append(line)
            seen.add(key)
        else:
            removed.append(Removed(line.start, line.end, line.text, reason))
    return kept, removed
