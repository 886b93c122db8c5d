"""Stable row ids: a row is named by its place in its article, not by its rank.

A statement, an event and a figure are each a span of one article; hashing
(article, start, end) gives an id that survives adding or removing other
articles, so a brief that cites ``#st-…`` keeps pointing at the same words.
The prefix says which table the id belongs to.
"""

from __future__ import annotations

import hashlib

#: Prefix of each table's ids.
STATEMENT, EVENT, FIGURE = "st", "ev", "fg"


def span_id(prefix: str, doc_id: str, start: int, end: int) -> str:
    """``<prefix>-`` and ten hex digits of the SHA-256 of ``doc_id:start:end``."""
    return f"{prefix}-" + hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:10]
