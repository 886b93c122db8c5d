"""What reading one file gives, whatever its format: the text as read and what the file says of itself.

Every format's reader (:mod:`briefbook.corpus.formats`) returns a :class:`Page`.
Its ``text`` is the article as read, one paragraph a line; every offset the
report gives refers to it, and the appendix shows it. What the file states
about itself (a web page's metadata, a PDF's or Word file's properties) is
kept apart from what the text says, each value with *how* it was found, so the
loader can rank them and the Sources page can show the reader which it used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Found:
    """One value a file states about itself, and where it stands ("JSON-LD datePublished", "og:site_name")."""

    value: str | dt.date
    how: str


@dataclass
class Page:
    """One file, read: the article's text and the file's own metadata.

    ``cut`` lists what the reader left out before the text existed (a web page's
    menus and footers): the Sources page and the article's appendix page list it
    beside the lines that cleaning removed from the text.
    """

    text: str
    encoding: str = "utf-8"
    title: Found | None = None
    outlet: Found | None = None
    published: Found | None = None
    url: Found | None = None
    #: when the file says it was made (PDF and Word properties): as often the day it was printed or
    #: exported as the day the article was published, so the loader uses it only where the text agrees
    created: Found | None = None
    cut: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
