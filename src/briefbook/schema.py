"""Declared tables: every column of every table the extraction writes, with its type and meaning.

A table is declared once, beside the code that makes it (``corpus/tables.py``,
``entities.py``, ``claims/schema.py``, ``figures/schema.py``,
``chronology/schema.py``). Writing puts the columns in the declared order;
reading gives each column its declared type, so no reader retypes columns by
guessing; and ``briefbook extract`` writes the same declarations as a
Frictionless data package (``datapackage.json``, a Table Schema per CSV) so
pandas, R or DuckDB read the right types too.

Types are Table Schema's: ``string``, ``integer`` (nullable: an empty cell is
missing), ``number``, ``boolean`` (written ``True``/``False``) and ``date``
(ISO ``YYYY-MM-DD``; kept as text in pandas, where an empty string means
unknown, as every analysis compares ISO strings). A ``date`` column may hold a
month (``YYYY-MM``) where its description says so; such columns are declared
``string`` with ``format`` noted in the description.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

#: pandas dtype each declared type is read as.
PANDAS = {"string": object, "date": object, "integer": "Int64", "number": "float64", "boolean": bool}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str

    def __post_init__(self):
        if self.type not in PANDAS:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Table:
    """One declared table: its name (the CSV's stem), columns in order, and what a row is."""

    name: str
    row: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def empty(self) -> pd.DataFrame:
        return pd.DataFrame(columns=self.names)

    def conform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with exactly the declared columns, in order (a missing or extra column is a bug)."""
        missing = [c for c in self.names if c not in frame.columns]
        extra = [c for c in frame.columns if c not in self.names]
        if missing or extra:
            raise ValueError(f"table {self.name}: columns missing {missing}, not declared {extra}")
        return frame[self.names]

    def typed(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A frame read from CSV as text, with each column given its declared type."""
        frame = frame.copy()
        for column in self.columns:
            if column.name not in frame:
                continue
            values = frame[column.name]
            if column.type == "integer":
                frame[column.name] = pd.to_numeric(values.replace("", None), errors="coerce").astype("Int64")
            elif column.type == "number":
                frame[column.name] = pd.to_numeric(values.replace("", None), errors="coerce").astype("float64")
            elif column.type == "boolean":
                frame[column.name] = values.astype(str).str.lower().isin(["true", "1"])
            else:
                frame[column.name] = values.fillna("").astype(str)
        return frame

    def resource(self, path: str) -> dict:
        """This table as a Frictionless data resource (a CSV with its Table Schema)."""
        fields = [{"name": c.name, "type": c.type, "description": c.description} for c in self.columns]
        fields.append({"name": FINGERPRINT, "type": "string",
                       "description": "fingerprint of the seeds folder the table was extracted from"})
        schema: dict = {"fields": fields, "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        return {"name": self.name.replace("_", "-"), "path": path, "profile": "tabular-data-resource",
                "format": "csv", "encoding": "utf-8", "description": self.row, "schema": schema}


#: The column every written table carries: which seeds folder it came from.
FINGERPRINT = "seeds_fingerprint"


def missing(value) -> bool:
    """A cell that holds no value: None, NaN, pandas' NA or NaT (an empty integer or date of a table)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def table(name: str, row: str, columns: Iterable[tuple[str, str, str]], primary_key: tuple[str, ...] = ()) -> Table:
    """A :class:`Table` from ``(name, type, description)`` triples (declarations read as a list)."""
    return Table(name, row, tuple(Column(*c) for c in columns), primary_key)


def datapackage(tables: Iterable[Table], name: str = "briefbook-extraction") -> dict:
    """A Frictionless data package describing the CSVs of ``tables``."""
    return {"name": name, "profile": "tabular-data-package",
            "resources": [t.resource(f"{t.name}.csv") for t in tables]}
