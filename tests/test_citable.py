"""Citable output: stable identifiers, cite blocks, provenance, downloads, CITATION.cff, PDF."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from briefbook.publish.build import stage_source
from briefbook.publish.sphinx_ext import cite_block, page_url

from conftest import CORPORA, ROOT, SEEDS
from sitecheck import pages, read_page

ID_COLUMNS = {"statements": ["statement_id", "claim_id"], "figures": ["figure_id"], "events": ["event_id", "timeline_id"]}


def extract(seeds: Path, out: Path) -> dict[str, pd.DataFrame]:
    result = subprocess.run([sys.executable, "-m", "briefbook.cli", "extract", str(seeds), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {p.stem: pd.read_csv(p, dtype=str, keep_default_na=False) for p in out.glob("*.csv")}


def test_identifiers_survive_rebuilds_and_an_added_seed(tmp_path):
    first = extract(SEEDS, tmp_path / "first")
    second = extract(SEEDS, tmp_path / "second")
    grown = tmp_path / "grown"
    shutil.copytree(SEEDS, grown)
    extra = sorted(CORPORA.rglob("*.txt"))[0]
    shutil.copy(extra, grown / f"zz_{extra.name}")
    third = extract(grown, tmp_path / "third")
    seed_docs = set(first["documents"]["doc_id"])
    assert set(third["documents"]["doc_id"]) > seed_docs
    for table, columns in ID_COLUMNS.items():
        if table not in first:
            continue
        for column in ["doc_id", *columns]:
            a = first[table][column].tolist()
            assert a == second[table][column].tolist(), f"{table}.{column} changed between identical builds"
        primary = columns[0]
        mine = third[table][third[table]["doc_id"].isin(seed_docs)]
        assert sorted(mine[primary]) == sorted(first[table][primary]), f"{table} ids changed when a seed was added"
    assert (tmp_path / "first" / "documents.csv").read_bytes() == (tmp_path / "second" / "documents.csv").read_bytes()


def test_citation_cff_validates():
    cffconvert = Path(sys.executable).with_name("cffconvert")
    result = subprocess.run([str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.book
def test_every_page_has_a_cite_block_and_provenance(built_site):
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' in text or page.name in ("search.html", "genindex.html"):
            continue
        ids = read_page(page).ids
        assert {"cite-this-page", "provenance"} <= ids, page
        assert "@misc{" in text and "seeds fingerprint" in text


@pytest.mark.book
def test_every_shown_table_has_csv_and_json_beside_it(built_site):
    for page in pages(built_site):
        collector = read_page(page)
        text = page.read_text(encoding="utf-8")
        tables = text.count('<table class="briefbook-table"') + text.count('<figure class="briefbook-figure"')
        # (the page's download menu offers the same CSV files again)
        csv_links = sorted({l for l in collector.links if l.endswith(".csv")})
        json_links = sorted({l for l in collector.links if l.endswith(".json")})
        assert len(csv_links) == len(json_links) == tables, page  # every table and every chart
        for link in csv_links + json_links:
            assert (page.parent / link).resolve().is_file(), link
    data = {p.name for p in (built_site / "_static" / "data").iterdir()}
    assert {"documents.csv", "documents.json"} <= data


def test_a_baseurl_is_in_every_cite_block_and_none_means_relative_addresses(tmp_path):
    base = "https://reports.example.net/kz/"
    info = {"version": "1", "build_date": "2030-01-02", "seeds_fingerprint": "f", "commit": ""}
    stage_source(ROOT, tmp_path / "with", "A report", info, base)
    stage_source(ROOT, tmp_path / "without", "A report", info)
    for folder, expected in (("with", base + "book/claims.html"), ("without", "book/claims.html")):
        config = yaml.safe_load((tmp_path / folder / "_config.yml").read_text(encoding="utf-8"))
        url = page_url(config["html"]["baseurl"] or "", "book/claims")
        block = cite_block("Claims", "A report", "briefbook", url, info, "book/claims")
        assert url == expected and block.count(expected) == 2  # the reference and the BibTeX url
        assert "://" in block if folder == "with" else "://" not in block


@pytest.mark.book
def test_no_page_names_a_placeholder_domain(built_site):
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert "example.org" not in text and "example.com" not in text, page


@pytest.mark.book
def test_every_table_row_is_addressable(built_site):

    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        for body in re.findall(r'<table class="briefbook-table".*?<tbody>(.*?)</tbody>', text, flags=re.S):
            rows = re.findall(r"<tr([^>]*)>", body)
            assert rows and all(' id="' in attrs for attrs in rows), page
            ids = re.findall(r'<tr id="([^"]+)"', body)
            assert len(ids) == len(set(ids)), f"duplicate row ids on {page}"


@pytest.mark.book
@pytest.mark.browser
def test_the_pdf_holds_every_chapter_with_its_charts_drawn(built_site):
    from briefbook.publish.pdf import print_pdf

    pdf = print_pdf(built_site.parent)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("About this report", "Claims", "Casualties", "Chronology", "Sources", "Methods"):
        assert heading in text
    # Charts are drawn as SVG, so their titles are text in the PDF; a chart that failed says so instead.
    assert "Accuracy against hand annotations" in text
    titles = [t for page in pages(built_site) for t in re.findall(
        r'<p class="briefbook-chart-title">(.*?)<a', page.read_text(encoding="utf-8"))]
    assert titles and all(" ".join(html.unescape(t).split()[:3]) in " ".join(text.split()) for t in titles)
    assert "Chart library missing" not in text and "Chart error" not in text


def test_the_download_menu_offers_the_page_as_pdf_and_its_data_never_the_notebook(built_site):
    page = (built_site / "book" / "casualties.html").read_text(encoding="utf-8")
    menu = page[page.index("dropdown-download-buttons"):]
    menu = menu[:menu.index("</ul>")]
    assert ".ipynb" not in menu and "_sources" not in menu
    assert "PDF of this page" in menu
    data = re.findall(r'href="([^"]+\.csv)"', menu)
    assert "../_static/downloads/casualties-reconciled.csv" in data
    assert all((built_site / "book" / href).resolve().is_file() for href in data)
