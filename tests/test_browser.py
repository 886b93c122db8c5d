"""The built site in a real headless browser: every page, every chart drawn, nothing from the network."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import browser, serve
from sitecheck import pages

pytestmark = pytest.mark.browser

CHART_DRAWN = """() => Array.from(document.querySelectorAll('.briefbook-chart')).map(
    el => ({id: el.id, drawn: !!el.querySelector('svg, canvas'), text: el.textContent.slice(0, 200)}))"""


def visit_all(site, tmp_path):
    """Visit every page with requests to other hosts blocked; returns what each page showed."""
    results, foreign, errors = {}, [], []
    with serve(site) as base, browser(tmp_path) as chromium:
        host = urlsplit(base).netloc
        context = chromium.new_context()

        def guard(route):
            if urlsplit(route.request.url).netloc != host:
                foreign.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("pageerror", lambda err: errors.append(str(err)))
        for path in pages(site):
            if 'http-equiv="Refresh"' in path.read_text(encoding="utf-8"):
                continue  # a redirect page (the site's index); its target is visited too
            url = f"{base}/{path.relative_to(site).as_posix()}"
            page.goto(url, wait_until="load")
            if page.locator(".briefbook-chart").count():
                page.wait_for_function(
                    "() => Array.from(document.querySelectorAll('.briefbook-chart'))"
                    ".every(el => el.querySelector('svg, canvas') || el.textContent.length)",
                    timeout=15000,
                )
            results[path.relative_to(site).as_posix()] = page.evaluate(CHART_DRAWN)
        context.close()
    return results, foreign, errors


def test_every_page_draws_its_charts_offline(built_site, tmp_path):
    results, foreign, errors = visit_all(built_site, tmp_path)
    assert foreign == [], "requests left for another host"
    assert errors == [], "script errors on the pages"
    charts = [c for page in results.values() for c in page]
    assert charts, "the report has charts"
    undrawn = [(page, c["id"], c["text"]) for page, cs in results.items() for c in cs if not c["drawn"]]
    assert undrawn == []
    assert "book/sources.html" in results and results["book/sources.html"]


#: Anything of a chapter that reaches past the right edge of the article column, and whether the page scrolls sideways.
OVERFLOW = """() => {
  const right = document.querySelector('article.bd-article').getBoundingClientRect().right + 1;
  const wide = Array.from(document.querySelectorAll(
      'article .briefbook-chart, article .briefbook-table-wrap, article p, article li, article pre, article figure'))
    .filter(el => el.getBoundingClientRect().right > right)
    .map(el => (el.id || el.className || el.tagName) + ' ' + el.textContent.slice(0, 40));
  const page = document.documentElement.scrollWidth > window.innerWidth + 1;
  const clipped = Array.from(document.querySelectorAll('article .briefbook-chart'))
    .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.id);
  const scrolling = Array.from(document.querySelectorAll('article .briefbook-table-wrap'))
    .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.querySelector('table').id);
  return {wide, page, clipped, scrolling};
}"""


@pytest.mark.parametrize("width", [1400, 400])
def test_no_chapter_overflows_its_column(built_site, tmp_path, width):
    """At a laptop's and a phone's width, no chart, table or text block reaches past the column and the
    page never scrolls sideways; no table scrolls inside its box (one too wide is read as cards); at the
    laptop's width every chart is drawn whole within its column."""
    chapters = sorted((built_site / "book").glob("*.html"))
    assert chapters
    problems = {}
    with serve(built_site) as base, browser(tmp_path) as chromium:
        page = chromium.new_page(viewport={"width": width, "height": 900})
        for chapter in chapters:
            page.goto(f"{base}/book/{chapter.name}", wait_until="load")
            if page.locator(".briefbook-chart").count():
                page.wait_for_function("() => Array.from(document.querySelectorAll('.briefbook-chart'))"
                                       ".every(el => el.querySelector('svg'))", timeout=15000)
                page.wait_for_timeout(300)  # a chart wider than its column is drawn again, narrower
            found = page.evaluate(OVERFLOW)
            if width < 1000:
                found["clipped"] = []  # a phone may scroll inside a chart of long labels, never the page
            if found["wide"] or found["page"] or found["clipped"] or found["scrolling"]:
                problems[chapter.name] = found
    assert problems == {}


def test_a_long_table_filters_and_sorts_and_each_row_shows_its_address(built_site, tmp_path):
    """The statements table: words typed keep the rows that hold them; a header sorts, again reverses;
    hovering a row shows the ¶ that links to it."""
    with serve(built_site) as base, browser(tmp_path) as chromium:
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}/book/claims.html", wait_until="load")
        table = page.locator("#claims-statements")
        rows = table.locator("tbody tr")
        total = rows.count()
        speaker = rows.first.locator("td").first.inner_text().rstrip("¶").strip()
        box = page.locator("input.briefbook-filter:has(+ .briefbook-table-wrap #claims-statements)")
        assert box.count() == 1, "the statements table has its filter box right above it"
        box.fill(speaker)
        shown = [r.inner_text() for r in rows.all() if r.is_visible()]
        assert 0 < len(shown) < total and all(speaker.lower() in text.lower() for text in shown)
        box.fill("")
        assert sum(r.is_visible() for r in rows.all()) == total

        header = table.locator("thead th").first
        header.click()
        up = [r.locator("td").first.inner_text() for r in rows.all()]
        header.click()
        down = [r.locator("td").first.inner_text() for r in rows.all()]
        assert header.get_attribute("aria-sort") == "descending" and down == up[::-1] and up != down

        row = rows.first
        row.hover()
        anchor = row.locator("a.briefbook-rowlink")
        assert anchor.is_visible() and anchor.get_attribute("href") == "#" + row.get_attribute("id")


#: Each chart's plot width: the longest axis domain line it draws (0 for a chart with no axis).
PLOT_WIDTHS = """() => Object.fromEntries(Array.from(document.querySelectorAll('.briefbook-chart')).map(el => [el.id,
  Math.round(Math.max(0, ...Array.from(el.querySelectorAll('.role-axis-domain line'))
    .map(l => l.getBoundingClientRect().width)))]))"""


def test_a_chart_fitted_to_a_phone_keeps_a_plot_to_read(built_site, tmp_path):
    """A chart narrowed to a phone's column moves its legends below and gives up plot width only as
    much as it must: its plot keeps at least two fifths of the column (or its laptop width, if less)."""
    widths = {}
    with serve(built_site) as base, browser(tmp_path) as chromium:
        for width in (1400, 400):
            page = chromium.new_page(viewport={"width": width, "height": 900})
            for chapter in ("casualties", "chronology", "claims"):
                page.goto(f"{base}/book/{chapter}.html", wait_until="load")
                page.wait_for_function("() => Array.from(document.querySelectorAll('.briefbook-chart'))"
                                       ".every(el => el.querySelector('svg') || el.textContent.length)", timeout=15000)
                page.wait_for_timeout(500)
                widths.setdefault(width, {}).update(page.evaluate(PLOT_WIDTHS))
            column = page.evaluate("() => document.querySelector('article.bd-article').clientWidth")
    assert any(w > 200 for w in widths[1400].values())  # there are wide plots to narrow
    cramped = {chart: (wide, widths[400].get(chart)) for chart, wide in widths[1400].items()
               if widths[400].get(chart, 0) < min(wide, 0.4 * column)}
    assert cramped == {}
