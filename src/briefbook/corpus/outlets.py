"""How an article is named where the report counts sources: its outlet, else its file.

One rule, used by every table and chart that names a source: "carried by 3
outlets" must count the same labels on the claims page, the timeline and the
casualties page. An article whose outlet could not be read is counted under its
file name (two such articles are two sources, not one "unknown").
"""

from __future__ import annotations

import pandas as pd


def outlet_label(outlet: object, file: object, doc_id: object = "") -> str:
    """The outlet's name, else the file name, else the doc id."""
    for value in (outlet, file, doc_id):
        if isinstance(value, str) and value.strip():
            return value
    return ""


def outlet_labels(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> :func:`outlet_label`, for a ``documents`` table."""
    return {
        row["doc_id"]: outlet_label(row.get("outlet"), row.get("file"), row["doc_id"])
        for row in documents.to_dict("records")
    }


def with_outlet(frame: pd.DataFrame, documents: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """``frame`` with ``column`` set to its article's :func:`outlet_label` (looked up by ``doc_id``;
    an article missing from ``documents`` keeps the frame's own outlet or file)."""
    labels = outlet_labels(documents)
    out = frame.copy()
    own = out[column] if column in out else [""] * len(out)
    files = out["file"] if "file" in out else [""] * len(out)
    out[column] = [labels.get(d) or outlet_label(o, f, d) for d, o, f in zip(out["doc_id"], own, files)]
    return out
