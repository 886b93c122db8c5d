"""The optional manifest: what the analyst knows better than the detector.

A ``manifest.csv`` or ``manifest.yaml`` in the seeds folder lists, per file,
any of ``url``, ``outlet``, ``published`` (YYYY-MM-DD) and ``title``. A value
given there replaces what was detected, and the Sources page says so. A
manifest that names a missing file or gives a date that is not a date is
refused, naming the manifest, its row and the problem.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefbook.errors import BriefbookError

MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")
FIELDS = ("url", "outlet", "published", "title")


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None
    title: str = ""


class _DatesAsText(yaml.SafeLoader):
    """YAML that leaves dates as text, so :func:`_date` judges them and names the row.

    PyYAML turns ``2020-13-45`` into a date itself and fails with a bare
    ``ValueError`` (a traceback, not a message); parsing here keeps one path
    for CSV and YAML.
    """


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_manifest(path: Path, seed_files: set[str]) -> dict[str, ManifestEntry]:
    """Entries keyed by file name; raises :class:`BriefbookError` on a bad row."""
    rows = _rows(path)
    entries: dict[str, ManifestEntry] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{path}: row {number}"
        if not isinstance(row, dict) or not str(row.get("file") or "").strip():
            raise BriefbookError(str(path), f"row {number} has no 'file'")
        file = str(row["file"]).strip()
        if file not in seed_files:
            raise BriefbookError(where, f"names '{file}', which is not a seed in {path.parent}")
        published = _date(row.get("published"), where)
        entries[file] = ManifestEntry(
            file=file,
            url=str(row.get("url") or "").strip(),
            outlet=str(row.get("outlet") or "").strip(),
            published=published,
            title=str(row.get("title") or "").strip(),
        )
    return entries


def _rows(path: Path) -> list:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BriefbookError(str(path), "manifest is not UTF-8 text") from None
    if path.suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    try:
        data = yaml.load(text, Loader=_DatesAsText) or []
    except yaml.YAMLError:
        raise BriefbookError(str(path), "manifest is not valid YAML") from None
    if isinstance(data, dict):
        data = data.get("articles", data.get("files", []))
    if not isinstance(data, list):
        raise BriefbookError(str(path), "manifest must be a list of rows with a 'file' each")
    return data


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BriefbookError(where, f"'published' is '{value}', not a date (YYYY-MM-DD)") from None
