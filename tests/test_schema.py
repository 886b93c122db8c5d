"""Declared tables: what extract writes matches its declaration, datapackage.json says so, reading types it."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from briefbook.cli import main
from briefbook.extract import DATAPACKAGE, read_tables
from briefbook.pipeline import tables_declared
from briefbook.schema import PANDAS, table


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "a.txt").write_text("Flood in Halberg\nPublished: March 14, 2023\n\nAt least 12 people were killed on "
                                 "Tuesday, the mayor said. \u201cWe need help,\u201d Ana Ruiz said.\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(seeds), "--out", str(out)]) == 0
    return out


def test_every_table_written_is_declared_column_for_column(written):
    declared = {t.name: t for t in tables_declared()}
    for path in written.glob("*.csv"):
        header = next(csv.reader(path.open(encoding="utf-8")))
        assert header == declared[path.stem].names + ["seeds_fingerprint"], path.name


def test_datapackage_json_declares_each_csv_with_its_types(written):
    package = json.loads((written / DATAPACKAGE).read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {p.name for p in written.glob("*.csv")}
    for path, resource in resources.items():
        header = next(csv.reader((written / path).open(encoding="utf-8")))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header
        assert all(f["type"] in PANDAS or f["name"] == "seeds_fingerprint" for f in fields)
        assert all(f["description"] for f in fields)


def test_reading_back_gives_each_column_its_declared_type(written):
    tables = read_tables(written)
    figures, events = tables["figures"], tables["events"]
    assert str(figures["low"].dtype) == "Int64" and figures["vague"].dtype == bool
    assert events["unresolved"].dtype == bool and str(events["start"].dtype) == "Int64"
    assert tables["documents"]["published"].iloc[0] == "2023-03-14"


def test_a_frame_that_does_not_match_its_declaration_is_refused():
    declared = table("demo", "a row", [("a", "string", "first"), ("b", "integer", "second")])
    assert list(declared.conform(pd.DataFrame({"b": [1], "a": ["x"]})).columns) == ["a", "b"]
    with pytest.raises(ValueError, match="missing"):
        declared.conform(pd.DataFrame({"a": ["x"]}))
    with pytest.raises(ValueError):
        table("demo", "a row", [("a", "text", "no such type")])
