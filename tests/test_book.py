"""The whole report: every notebook run on the seeds, the book built, links and anchors intact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CORPORA, ROOT, SEEDS, run_build
from sitecheck import broken_links, pages, read_page

pytestmark = pytest.mark.book

CHAPTERS = [p.stem for p in sorted((ROOT / "notebooks").glob("*.ipynb"))]


def test_every_chapter_and_article_has_a_page(built_site, seeds_corpus):
    built = {p.relative_to(built_site).as_posix() for p in pages(built_site)}
    assert (built_site / "index.html").is_file()
    for chapter in CHAPTERS:
        assert f"book/{chapter}.html" in built
    for doc in seeds_corpus.documents:
        assert f"book/articles/{doc.doc_id}.html" in built


def test_articles_are_listed_on_the_appendix_page_not_in_every_sidebar(built_site, seeds_corpus):
    """The sidebar is rendered into every page: listing n articles there costs n x n (see sphinx_ext)."""
    appendix = read_page(built_site / "book" / "articles" / "index.html").links
    chapter = read_page(built_site / "book" / "claims.html").links
    for doc in seeds_corpus.documents:
        assert f"{doc.doc_id}.html" in appendix
        assert not any(link.startswith(f"articles/{doc.doc_id}.html") and "#" not in link for link in chapter)
    assert "articles/index.html" in chapter


def test_every_paragraph_has_its_anchor(built_site, seeds_corpus):
    for doc in seeds_corpus.documents:
        ids = read_page(built_site / "book" / "articles" / f"{doc.doc_id}.html").ids
        assert {p.anchor for p in doc.paragraphs} <= ids


def test_no_internal_link_or_anchor_is_broken(built_site):
    assert broken_links(built_site) == []


def test_nothing_is_loaded_from_another_host(built_site):
    for page in pages(built_site):
        external = [s for s in read_page(page).sources if s.startswith(("http:", "https:", "//"))]
        assert external == [], page


def test_machine_paths_do_not_reach_the_site(built_site):
    for page in pages(built_site):
        assert str(SEEDS.parent) not in page.read_text(encoding="utf-8"), page


def test_other_seeds_build_a_report_about_them(tmp_path):
    other = tmp_path / "other-seeds"
    other.mkdir()
    articles = sorted(CORPORA.rglob("*.txt"))[:2]
    assert len(articles) == 2, "the test corpora hold articles about other events"
    for article in articles:
        shutil.copy(article, other / article.name)
    result = run_build(other, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out" / "html"
    article_pages = list((site / "book" / "articles").glob("doc-*.html"))
    assert len(article_pages) == 2
    sources = (site / "book" / "sources.html").read_text(encoding="utf-8")
    assert all(a.name in sources for a in articles)
    assert broken_links(site) == []


def test_a_failing_notebook_names_itself_and_keeps_the_last_good_site(tmp_path, built_site):
    root = tmp_path / "project"
    root.mkdir()
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "book", root / "book")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    nb = json.loads((root / "notebooks" / "sources.ipynb").read_text())
    nb["cells"].append({"cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
                        "outputs": [], "source": ["raise ValueError('deliberate failure')"]})
    (root / "notebooks" / "sources.ipynb").write_text(json.dumps(nb))
    out = tmp_path / "out"
    shutil.copytree(built_site, out / "html")
    before = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}

    result = run_build(SEEDS, out, root)

    assert result.returncode == 2
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("briefbook: error: ") and "sources.ipynb" in error and "cell" in error
    assert "deliberate failure" in error and "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in (out / "html").rglob("*") if p.is_file()}
    assert after == before


def test_an_added_article_rewrites_only_the_pages_it_changes(tmp_path):
    """A rebuild after one new article keeps Sphinx's environment: an article page whose source is the same
    is not written again (same bytes, same modification time), the new article gets its page, and a page
    that is written names the new build in its footer."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    articles = sorted((CORPORA / "claims").glob("*.txt"))[:3]
    for article in articles[:2]:
        shutil.copy(article, seeds / article.name)
    out = tmp_path / "out"
    assert run_build(seeds, out).returncode == 0

    def pages() -> dict[str, tuple[int, bytes, bytes]]:
        html, source = out / "html" / "book" / "articles", out / "source" / "book" / "articles"
        return {p.stem: (p.stat().st_mtime_ns, p.read_bytes(), (source / f"{p.stem}.md").read_bytes())
                for p in html.glob("doc-*.html")}

    before = pages()
    shutil.copy(articles[2], seeds / articles[2].name)
    result = run_build(seeds, out)
    assert result.returncode == 0, result.stderr
    after = pages()
    assert set(before) < set(after) and len(after) == 3
    unchanged = [name for name in before if after[name][2] == before[name][2]]
    assert unchanged, "an article page whose source is the same after the new article"
    assert all(after[name][:2] == before[name][:2] for name in unchanged)
    new_page = after[next(iter(set(after) - set(before)))][1].decode("utf-8")
    old_page = before[unchanged[0]][1].decode("utf-8")
    assert _footer_fingerprint(new_page) != _footer_fingerprint(old_page)


def _footer_fingerprint(page: str) -> str:
    import re

    return re.search(r"from seeds fingerprint (\w+)\.", page).group(1)


QUIET = """Garden reopens

The old botanical garden reopened its glasshouse to visitors, who admired the ferns and the palms.
"""


def test_past_the_size_limits_a_page_shows_a_table_s_head_and_unlinked_articles_are_plain_pages(tmp_path):
    """With the limits set low (as a corpus of thousands meets them), a chapter's long table shows its head
    and says so, a chart of too many rows says it is not drawn; an article no chapter links to is a plain page at its usual address, outside the book, and
    every link and anchor of the site still holds, with nothing loaded from another host."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in sorted((CORPORA / "claims").glob("*.txt"))[:3]:
        shutil.copy(article, seeds / article.name)
    (seeds / "garden.txt").write_text(QUIET, encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(seeds, out, env={"BRIEFBOOK_ARTICLE_PAGES": "1", "BRIEFBOOK_ROWS_SHOWN": "1",
                                        "BRIEFBOOK_CHART_ROWS": "1"})
    assert result.returncode == 0, result.stderr
    site = out / "html"
    book_pages = {p.stem for p in (out / "source" / "book" / "articles").glob("doc-*.md")}
    plain = {p.stem for p in (out / "source" / "book" / "_extra" / "book" / "articles").glob("doc-*.html")}
    assert book_pages and plain and not book_pages & plain
    for doc_id in book_pages | plain:
        assert (site / "book" / "articles" / f"{doc_id}.html").is_file()
    garden = next(doc_id for doc_id in plain
                  if "glasshouse" in (site / "book" / "articles" / f"{doc_id}.html").read_text(encoding="utf-8"))
    assert f"{garden}.html" in read_page(site / "book" / "articles" / "index.html").links
    claims = (site / "book" / "claims.html").read_text(encoding="utf-8")
    assert "rows are shown" in claims and "Not drawn: this chart would draw" in claims
    assert broken_links(site) == []
    for page in pages(site):
        assert not [s for s in read_page(page).sources if s.startswith(("http:", "https:", "//"))], page
