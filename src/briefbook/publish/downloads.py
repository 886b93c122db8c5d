"""Every data table of the build, downloadable from the site as CSV and JSON.

The extracted tables (documents, statements, figures, events …) are copied
into the site's ``_static/data/``; the tables shown on pages are written beside
them by :func:`briefbook.report.show_table`. JSON is written as records, with
the seeds fingerprint, so a download can be traced to its build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd


def frame_to_files(frame: pd.DataFrame, folder: Path, name: str, fingerprint: str = "") -> tuple[Path, Path]:
    """Write ``frame`` as ``name.csv`` and ``name.json`` in ``folder`` (unchanged files are not rewritten)."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = frame.copy()
    for column in frame.columns:  # a list cell (one line per item on the page) is one text field
        if frame[column].map(lambda v: isinstance(v, (list, tuple))).any():
            frame[column] = frame[column].map(lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    if fingerprint and "seeds_fingerprint" not in frame:
        frame["seeds_fingerprint"] = fingerprint
    csv_path, json_path = folder / f"{name}.csv", folder / f"{name}.json"
    _write(csv_path, frame.to_csv(index=False, lineterminator="\n"))
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    _write(json_path, json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return csv_path, json_path


def _write(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_data_files(cache_folder: Path, folder: Path) -> list[Path]:
    """The build's data tables as CSV and JSON in ``folder``."""
    written = []
    for csv_path in sorted(cache_folder.glob("*.csv")):
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        written += frame_to_files(frame, folder, csv_path.stem)
    return written
