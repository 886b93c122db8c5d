"""Untrusted text stays text (issue 7.2): a seed full of markup, script and MyST syntax is
built into a book, and a headless browser checks every page: nothing from the seed ran,
no element from it was created, and its text is shown, escaped, on its article page.

Every payload assigns a different number to ``window.__pwned``; a trap installed
before any page script records each assignment, so a test can say which payload ran.
"""

from __future__ import annotations

import pytest

from briefbook.corpus import load_corpus
from conftest import run_build
from fixtures.hostile import (
    FENCE, FORBIDDEN, HEADLINE_PAYLOAD, HEADLINE_RUNS, HOSTILE_FILE, PAYLOADS, hostile_article, hostile_folder,
)

@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory):
    return hostile_folder(tmp_path_factory.mktemp("hostile") / "seeds")


def test_the_loader_keeps_hostile_text_verbatim(hostile_seeds):
    """The text is data: the loader neither strips nor interprets markup in a .txt seed."""
    corpus = load_corpus(hostile_seeds)
    hostile = next(d for d in corpus.documents if d.file == HOSTILE_FILE)
    assert hostile.text == hostile_article()
    for payload in PAYLOADS:
        assert payload in hostile.text


@pytest.fixture(scope="module")
def hostile_site(hostile_seeds, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-book")
    result = run_build(hostile_seeds, out)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return out / "html"


BODY_MARKERS = ("<script>window.__pwned=1<", "<img src=x", "<iframe src=\"javascript", "<svg onload",
                "ontoggle=\"window", "<b id=pwn-role", "<div id=\"pwn-fence\"", "<script>window.__pwned=9<",
                "<script>window.__pwned=10<", "<script>window.__pwned=11<")


def _raw_markers(site, markers):
    from sitecheck import pages

    return [(p.relative_to(site).as_posix(), m) for p in pages(site) for m in markers
            if m in p.read_text(encoding="utf-8")]


@pytest.mark.book
def test_no_payload_of_the_body_reaches_a_page_as_markup(hostile_site):
    """The served HTML holds the body's payloads only escaped (as text) or as JSON data."""
    assert _raw_markers(hostile_site, BODY_MARKERS) == []


@pytest.mark.book

def test_no_payload_of_the_headline_reaches_a_page_as_markup(hostile_site):
    assert _raw_markers(hostile_site, (HEADLINE_PAYLOAD,)) == []


TRAP = """
window.__ran = [];
window.__alerts = [];
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get() { return window.__ran.length ? window.__ran[window.__ran.length - 1] : undefined; },
  set(value) { window.__ran.push(String(value)); },
});
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...args) => { window.__alerts.push(name + ':' + args.join(' ')); };
}
"""

PROBE = """(selectors) => ({
    ran: window.__ran || [],
    alerts: window.__alerts || [],
    elements: selectors.filter(s => document.querySelector(s) !== null),
    seedScripts: Array.from(document.scripts).map(s => s.textContent.trim()).filter(t => /^window\\.__pwned/.test(t)),
    text: document.body.innerText,
})"""


@pytest.fixture(scope="module")
def visited(hostile_site, tmp_path_factory) -> dict[str, dict]:
    """What every page showed and ran in headless chromium, hovering over the page and its charts."""
    from browser import browser, serve
    from sitecheck import pages

    seen = {}
    with serve(hostile_site) as base, browser(tmp_path_factory.mktemp("chromium")) as chromium:
        context = chromium.new_context()
        context.add_init_script(TRAP)
        page = context.new_page()
        for path in pages(hostile_site):
            relative = path.relative_to(hostile_site).as_posix()
            page.goto(f"{base}/{relative}", wait_until="load")
            page.wait_for_timeout(300)  # let charts draw and any injected handler fire
            for mark in page.locator(".briefbook-chart svg path, .briefbook-chart svg rect").all()[:40]:
                try:
                    mark.hover(timeout=500)  # tooltips show seed text; they must stay text too
                except Exception:  # a mark hidden or covered: nothing to hover
                    pass
            seen[relative] = page.evaluate(PROBE, list(FORBIDDEN))
        context.close()
    assert seen, "the site has pages"
    return seen


@pytest.mark.book
@pytest.mark.browser
def test_no_script_from_the_body_runs_on_any_page(visited):
    ran = {page: [r for r in probe["ran"] if r != HEADLINE_RUNS] for page, probe in visited.items()}
    assert {page: r for page, r in ran.items() if r} == {}
    assert {page: p["alerts"] for page, p in visited.items() if p["alerts"]} == {}


@pytest.mark.book
@pytest.mark.browser

def test_no_script_from_the_headline_runs_on_any_page(visited):
    assert {page: p["ran"] for page, p in visited.items() if HEADLINE_RUNS in p["ran"]} == {}


@pytest.mark.book
@pytest.mark.browser
def test_no_element_from_the_seed_exists_on_any_page(visited):
    assert {page: p["elements"] for page, p in visited.items() if p["elements"]} == {}
    body_scripts = {page: [t for t in p["seedScripts"] if t != _headline_script()] for page, p in visited.items()}
    assert {page: t for page, t in body_scripts.items() if t} == {}


def _headline_script() -> str:
    return HEADLINE_PAYLOAD.removeprefix("<script>").removesuffix("</script>")


@pytest.mark.book
@pytest.mark.browser
def test_the_seed_text_is_shown_escaped_on_its_article_page(visited, hostile_seeds):
    hostile = next(d for d in load_corpus(hostile_seeds).documents if d.file == HOSTILE_FILE)
    article = visited[f"book/articles/{hostile.doc_id}.html"]["text"]
    for payload in PAYLOADS:
        assert payload in article, payload
    assert FENCE.splitlines()[1] in article
    assert HOSTILE_FILE in article
