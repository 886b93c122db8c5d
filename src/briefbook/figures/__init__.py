"""Casualty and force figures: every reported number, normalised, attributed and reconciled.

An analysis of layer 4: numbers, what they count and the hedges are its own; who a figure is credited to
comes from the shared speaker resolver (a figure in a statement takes its speaker) and its date from
the shared date reader.

``extract_figures`` reads the shared parses into one row per figure;
``reconcile`` compares the reports of each (category, who) under the rules in
``RECONCILIATION_RULES``; ``charts`` and ``summary_sentences`` present them.
``python -m briefbook.figures.evaluate`` scores the extractor against the hand
annotations.
"""

from briefbook.figures.charts import figures_by_source_chart, mentions_table, ranges_chart
from briefbook.figures.export import write_figures_csv, write_reconciled_csv
from briefbook.figures.extract import COLUMNS, extract_figures, figure_id
from briefbook.figures.numbers import NumberPhrase, bounds, find_numbers
from briefbook.figures.reconcile import RECONCILIATION_RULES, documents_frame, reconcile, vague_convention
from briefbook.figures.summary import summary_sentences, who_labels

__all__ = [
    "COLUMNS", "NumberPhrase", "RECONCILIATION_RULES", "bounds", "documents_frame", "extract_figures",
    "figure_id", "figures_by_source_chart", "find_numbers", "mentions_table", "ranges_chart", "reconcile",
    "summary_sentences", "vague_convention", "who_labels", "write_figures_csv", "write_reconciled_csv",
]
