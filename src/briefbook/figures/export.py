"""Write the figures and the reconciled table as CSV files for readers and other tools."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: The columns the issue asks ``figures.csv`` to start with; the rest follow.
CSV_FIRST = ["figure_id", "doc_id", "category", "who", "low", "high", "qualifier", "attribution",
             "reported_on", "text", "start", "end", "paragraph", "anchor", "sentence"]


def write_figures_csv(figures: pd.DataFrame, path: str | Path) -> Path:
    """``figures.csv``: one row per figure, open ends left empty, dates as ISO text."""
    path = Path(path)
    ordered = CSV_FIRST + [c for c in figures.columns if c not in CSV_FIRST]
    figures[[c for c in ordered if c in figures.columns]].to_csv(path, index=False)
    return path


def write_reconciled_csv(reconciled: pd.DataFrame, path: str | Path) -> Path:
    """``figures_reconciled.csv``: id lists joined with spaces so the file stays one row per group."""
    path = Path(path)
    frame = reconciled.copy()
    for column in ("standing_ids", "outlier_ids", "figure_ids"):
        if column in frame:
            frame[column] = frame[column].map(" ".join)
    if "accounts" in frame:
        frame["accounts"] = frame["accounts"].map(" | ".join)
    frame.to_csv(path, index=False)
    return path
