"""Claims: who said what, in which words, with which framing, and which outlets carry each claim.

An analysis of layer 4: it finds statements (quotations, reported speech, headlines) and composes the
shared language layer for the rest: verbs of saying (:mod:`briefbook.language.speech`), speaker
resolution (:mod:`briefbook.language.attribution`) and likeness (:mod:`briefbook.language.similarity`).

Public interface used by the report:

* :func:`extract_statements` — the ``statements.csv`` table (one row per statement);
* :func:`claims_table`, :func:`wordings`, :func:`frame_counts` — views for the chapter;
* :func:`summary_sentences` — sentences written from the numbers;
* :data:`GROUPING_METHOD`, :data:`GROUPING_THRESHOLD` — the claim grouping, for Methods;
* charts in :mod:`briefbook.claims.charts`; accuracy in :mod:`briefbook.claims.evaluate`.
"""

from briefbook.claims.extract import COLUMNS, extract_statements
from briefbook.claims.grouping import GROUPING_METHOD, GROUPING_THRESHOLD
from briefbook.claims.summary import summary_sentences
from briefbook.claims.tables import claims_table, frame_counts, wordings

__all__ = [
    "COLUMNS", "GROUPING_METHOD", "GROUPING_THRESHOLD", "claims_table", "extract_statements", "frame_counts",
    "summary_sentences", "wordings",
]
