"""The source articles as a BibTeX bibliography, so the report can cite them.

Entries come from the manifest and the detected metadata. Seed text is
untrusted, so braces and backslashes are dropped and BibTeX's special
characters escaped: a title cannot break out of its field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_SPECIAL = re.compile(r"[%&#$_^~]")


def bibtex_text(value: object) -> str:
    text = " ".join(str(value or "").split())
    text = text.replace("{", "").replace("}", "").replace("\\", "")
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def entry(row: pd.Series) -> str:
    """One ``@misc`` entry keyed by the article's doc_id."""
    fields = {
        "title": bibtex_text(row.get("title") or row.get("file")),
        "author": "{" + bibtex_text(row["outlet"]) + "}" if row.get("outlet") else "",
        "howpublished": bibtex_text(row.get("outlet") or "Outlet unknown"),
        "year": str(row.get("published") or "")[:4],
        "month": str(int(str(row["published"])[5:7])) if row.get("published") else "",
        "url": str(row.get("url") or "").replace("{", "").replace("}", ""),
        "note": bibtex_text(f"Seed file {row['file']}; document {row['doc_id']}"),
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{row['doc_id']},\n{body}\n}}\n"


def write_bibliography(documents: pd.DataFrame, path: Path) -> Path:
    text = "\n".join(entry(row) for _, row in documents.sort_values("doc_id").iterrows())
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
