"""How much of a large corpus the book shows on its pages; the rest is in its downloads.

A corpus of thousands of articles gives tens of thousands of statements, figures
and events. A page of them all is megabytes nobody reads, and a page per article
a site nobody reads, which Sphinx takes hours to write. Two limits keep the book
what a reader needs, each with its default here and an environment variable to
set it for one build:

* ``BRIEFBOOK_ROWS_SHOWN`` (:data:`ROWS_SHOWN`): the most rows a page shows of one
  table (its head, and any row a finding on another page links to); the table's
  download holds every row.
* ``BRIEFBOOK_ARTICLE_PAGES`` (:data:`ARTICLE_PAGES`): up to this many articles,
  every article is a page of the book; past it only the articles a chapter
  links to, the rest being plain pages beside the book (``publish/appendix.py``).
"""

from __future__ import annotations

import os

from briefbook.errors import BriefbookError

ROWS_SHOWN = 500
ARTICLE_PAGES = 500


def _setting(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise BriefbookError(name, f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def rows_shown() -> int:
    """The most rows a page shows of one table."""
    return _setting("BRIEFBOOK_ROWS_SHOWN", ROWS_SHOWN)


def article_pages() -> int:
    """Up to how many articles every article is a page of the book."""
    return _setting("BRIEFBOOK_ARTICLE_PAGES", ARTICLE_PAGES)
