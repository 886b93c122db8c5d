"""The source articles as a BibTeX bibliography, so the report can cite them.

Entries come from the manifest and the detected metadata. Seed text is
untrusted, so braces and backslashes are dropped and BibTeX's special
characters escaped: a title cannot break out of its field.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from briefbook.language.dates import date_words

_SPECIAL = re.compile(r"[%&#$_^~]")


def bibtex_text(value: object) -> str:
    text = " ".join(str(value or "").split())
    text = text.replace("{", "").replace("}", "").replace("\\", "")
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def _published(value: object) -> pd.Timestamp | None:
    return pd.Timestamp(str(value)) if value is not None and not pd.isna(value) and str(value) else None


def _short(title: object, words: int = 4) -> str:
    parts = str(title or "").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def entry(row: pd.Series) -> str:
    """One ``@misc`` entry keyed by the article's doc_id.

    The title is braced twice, so the bibliography style keeps the article's capitals instead of
    lower-casing them; the month is a name and the full date is in the note, since the styles print
    a month number as "1 2022" and no day at all.
    """
    day = _published(row.get("published"))
    published = f"published {date_words(row.get('published'))}; " if day is not None else ""
    note = f"{published}seed file {row['file']}; document {row['doc_id']}"
    fields = {
        "title": "{" + bibtex_text(row.get("title") or row.get("file")) + "}",
        "author": "{" + bibtex_text(row["outlet"]) + "}" if row.get("outlet") else "",
        "howpublished": bibtex_text(row.get("outlet") or "Outlet unknown"),
        "year": str(day.year) if day is not None else "",
        "month": day.strftime("%B") if day is not None else "",
        "url": str(row.get("url") or "").replace("{", "").replace("}", ""),
        "note": bibtex_text(note[:1].upper() + note[1:]),
        # what the citation label shows where no outlet is known: the headline's first words, not "doc"
        "key": "" if row.get("outlet") else bibtex_text(_short(row.get("title") or row.get("file"))),
    }
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items() if v)
    return f"@misc{{{row['doc_id']},\n{body}\n}}\n"


def write_bibliography(documents: pd.DataFrame, path: Path) -> Path:
    text = "\n".join(entry(row) for _, row in documents.sort_values("doc_id").iterrows())
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
