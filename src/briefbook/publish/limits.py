"""How much of a large corpus the book shows on its pages; the rest is in its downloads.

A corpus of thousands of articles gives tens of thousands of statements, figures
and events. A page of them all is megabytes nobody reads, and a page per article
a site nobody reads, which Sphinx takes hours to write. Three limits keep the book
what a reader needs, each with its default here and an environment variable to
set it for one build (and a fourth, :data:`CELL_ITEMS`, fixed):

* ``BRIEFBOOK_ROWS_SHOWN`` (:data:`ROWS_SHOWN`): the most rows a page shows of one
  table (its head, and any row a finding on another page links to); the table's
  download holds every row.
* ``BRIEFBOOK_ARTICLE_PAGES`` (:data:`ARTICLE_PAGES`): up to this many articles,
  every article is a page of the book; past it only the articles a chapter
  links to, the rest being plain pages beside the book (``publish/appendix.py``).
* ``BRIEFBOOK_CHART_ROWS`` (:data:`CHART_ROWS`): the most rows a chart draws. One
  that would draw more (a dot per figure of 10,000 articles) is not drawn: its
  title, caption and data download stay, and a line says why.
"""

from __future__ import annotations

import os

from briefbook.errors import BriefbookError

ROWS_SHOWN = 500
ARTICLE_PAGES = 500
CHART_ROWS = 5000
#: The most items a table's cell lists (a claim's paragraphs, a group's reports); the rest are counted,
#: and the table's download lists them all.
CELL_ITEMS = 20


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


def chart_rows() -> int:
    """The most rows a chart draws."""
    return _setting("BRIEFBOOK_CHART_ROWS", CHART_ROWS)


def check() -> None:
    """Read every setting, so a wrong one stops a build before any work (a one-line error)."""
    rows_shown(), article_pages(), chart_rows()
