"""How the report names an article's source to a reader: its outlet, else "outlet unknown (file …)".

:mod:`briefbook.corpus.outlets` labels an article whose outlet could not be read by
its file name, so that two such articles count as two sources. That label is a key,
not a name: shown as an outlet, "anadolu.txt" reads as if a file were a newspaper.
Every table, chart legend and sentence that names a source goes through
:func:`source_name`, which keeps the labels distinct (counts do not change) and says
what is known: the outlet, or that it is unknown and which file the text is.
"""

from __future__ import annotations

import pandas as pd

from briefbook.corpus.outlets import outlet_label, with_outlet

#: What the report says where no outlet was found in an article.
UNKNOWN = "outlet unknown"


def source_name(outlet: object, file: object, doc_id: object = "") -> str:
    """The outlet's name, else ``outlet unknown (file a.txt)``: the file named as the file."""
    if isinstance(outlet, str) and outlet.strip():
        return outlet
    label = outlet_label("", file, doc_id)
    return f"{UNKNOWN} (file {label})" if label else UNKNOWN


def source_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> :func:`source_name`, for a ``documents`` table."""
    return {row["doc_id"]: source_name(row.get("outlet"), row.get("file"), row["doc_id"])
            for row in documents.to_dict("records")}


def with_source_name(frame: pd.DataFrame, documents: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """``frame`` with ``column`` set to its article's :func:`source_name`: the label of
    :func:`~briefbook.corpus.outlets.with_outlet` where it is an outlet, else that label named as the file."""
    outlets = {o for o in documents.get("outlet", []) if isinstance(o, str) and o.strip()}
    outlets |= {o for o in (frame[column] if column in frame else []) if isinstance(o, str) and o.strip()}
    out = with_outlet(frame, documents, column)
    out[column] = [label if label in outlets else source_name("", label) for label in out[column]]
    return out


def joined(names, sep: str = ", ") -> str:
    """Source names as one list: the outlets, then one ``outlet unknown (files a.txt, b.txt)`` for the rest.

    A list of six files each called "outlet unknown (…)" says the same words six times;
    one group says it once and still names every file.
    """
    names = sorted(set(names))
    prefix = f"{UNKNOWN} (file "
    known = [n for n in names if not n.startswith(prefix)]
    files = [n[len(prefix):-1] for n in names if n.startswith(prefix)]
    if len(files) > 1:
        known.append(f"{UNKNOWN} (files {sep.join(files)})")
    elif files:
        known.append(f"{prefix}{files[0]})")
    return sep.join(known)
