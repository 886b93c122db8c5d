"""Casualty and force figures: every reported number, normalised, attributed and reconciled.

``extract_figures`` reads the shared parses into one row per figure;
``reconcile`` compares the reports of each (category, who); ``charts`` and
``summary_sentences`` present them. ``python -m briefbook.figures.evaluate``
scores the extractor against the hand annotations.
"""

from briefbook.figures.extract import COLUMNS, extract_figures, figure_id
from briefbook.figures.numbers import NumberPhrase, bounds, find_numbers

__all__ = ["COLUMNS", "NumberPhrase", "bounds", "extract_figures", "figure_id", "find_numbers"]
