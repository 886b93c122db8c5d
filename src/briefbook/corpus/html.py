"""Read a saved web page: its article text through trafilatura, its metadata where publishers put it.

trafilatura finds the main text of a page (menus, footers, comments, related
links left out) better than a hand-written reduction: on the English pages of
its public evaluation set it keeps more of the article and less of the
furniture (``briefbook bench-pages`` measures both). The text as read is the
page's headline, then trafilatura's paragraphs, one a line.

Metadata is read from the places publishers fill in for search engines and
social networks, most explicit first, and each value says where it was found:

* date: ``article:published_time`` and its kin in ``<meta>``, JSON-LD
  ``datePublished``, ``itemprop="datePublished"``, then htmldate's reading of
  the markup (``<time>``, date classes), never of the running text;
* outlet: ``og:site_name``, then JSON-LD ``publisher``;
* title: ``og:title``, JSON-LD ``headline``, ``<title>``, the first heading;
* address: ``<link rel="canonical">`` or ``og:url`` (its date and host are
  used by :mod:`briefbook.corpus.urls` where the page names no date or outlet).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache

from briefbook.corpus.metadata import parse_iso_date
from briefbook.corpus.page import Found, Page
from briefbook.corpus.urls import date_in_url

#: ``<meta>`` names and properties that carry the date of first publication, most explicit first.
DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "publishdate",
             "publish-date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
             "citation_publication_date", "parsely-pub-date", "sailthru.date", "og:published_time")
#: Blocks of a page whose text the page reduction may cut (for the list of what was left out).
_BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "td", "dd", "dt", "a", "span", "div")
#: Cut blocks listed on the Sources page, at most (a page's menus can run to hundreds of links).
MAX_CUT = 200


def read_html(markup: str, url: str = "") -> Page:
    """A page's article text and metadata; the text is empty when the page holds no article."""
    import lxml.html
    from trafilatura import extract

    try:
        tree = lxml.html.fromstring(markup.encode("utf-8", "surrogatepass")) if markup.strip() else None
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is None:
        return Page(text="")
    body = extract(markup, url=url or None, include_comments=False, include_tables=True,
                   include_formatting=False, deduplicate=False, config=_config()) or ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    meta, ld = list(_meta(tree)), _json_ld(tree)  # read once, asked by every finder below
    title = _title(tree, meta, ld)
    if title and (not paragraphs or paragraphs[0] != title.value):
        paragraphs.insert(0, str(title.value))
    text = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
    canonical = _canonical(tree, meta)
    page = Page(text=text, title=title, outlet=_outlet(meta, ld), published=_published(tree, meta, ld, canonical),
                url=canonical)
    lxml.etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    page.cut = _cut(tree, paragraphs)  # last: the metadata above reads the scripts (JSON-LD) this drops
    return page


#: Below this many characters of main text trafilatura falls back to reading the whole page, menus and
#: all; its default (250) is a short news item's length, so briefbook asks less (measured with
#: ``briefbook bench-pages``: F1 0.937 with the default, 0.935 with this, on its evaluation set).
MIN_MAIN_TEXT = 25


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = str(MIN_MAIN_TEXT)
    return config


def _meta(tree) -> Iterator[tuple[str, str]]:
    """Every ``<meta>`` as (lower-case name or property, content)."""
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            yield key, content


def _json_ld(tree) -> list[dict]:
    """The JSON-LD objects of the page, ``@graph`` members and lists unfolded; unreadable ones skipped."""
    found: list[dict] = []

    def walk(item) -> None:
        if isinstance(item, list):
            for member in item:
                walk(member)
        elif isinstance(item, dict):
            found.append(item)
            if "@graph" in item:
                walk(item["@graph"])

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                walk(json.loads(script.text))
            except ValueError:
                continue
    return found


def _published(tree, meta: list[tuple[str, str]], ld: list[dict], canonical: Found | None) -> Found | None:
    first = dict(reversed(meta))  # the first of a repeated name wins
    for key in DATE_META:
        if key in first and (day := parse_iso_date(first[key])):
            return Found(day, f"page metadata ({key})")
    for item in ld:
        if isinstance(item.get("datePublished"), str) and (day := parse_iso_date(item["datePublished"])):
            return Found(day, "page metadata (JSON-LD datePublished)")
    for element in tree.iterfind('.//*[@itemprop="datePublished"]'):
        if day := parse_iso_date(element.get("content") or element.get("datetime") or ""):
            return Found(day, "page metadata (itemprop datePublished)")
    if canonical and date_in_url(str(canonical.value)):
        return None  # the loader reads the address's date, and says so
    from htmldate import find_date

    try:  # the markup only: htmldate's extensive search reads running text and copyright lines
        found = find_date(tree, extensive_search=False, original_date=True, url=None, verbose=False)
    except Exception:  # htmldate fails on some malformed trees; a page without a date is no error
        found = None
    day = parse_iso_date(found) if found else None
    return Found(day, "page markup (htmldate)") if day else None


def _outlet(meta: list[tuple[str, str]], ld: list[dict]) -> Found | None:
    for key, content in meta:
        if key in ("og:site_name", "application-name") and content:
            return Found(" ".join(content.split()), f"page metadata ({key})")
    for item in ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and name.strip():
            return Found(" ".join(name.split()), "page metadata (JSON-LD publisher)")
    return None


def _title(tree, meta: list[tuple[str, str]], ld: list[dict]) -> Found | None:
    for key, content in meta:
        if key in ("og:title", "twitter:title"):
            return Found(" ".join(content.split()), f"page metadata ({key})")
    for item in ld:
        if isinstance(item.get("headline"), str) and item["headline"].strip():
            return Found(" ".join(item["headline"].split()), "page metadata (JSON-LD headline)")
    for tag, how in (("h1", "HTML heading"), ("title", "HTML title")):
        element = next(tree.iter(tag), None)
        if element is not None and (text := " ".join(element.text_content().split())):
            return Found(text, how)
    return None


def _canonical(tree, meta: list[tuple[str, str]]) -> Found | None:
    for element in tree.iter("link"):
        if (element.get("rel") or "").strip().lower() == "canonical" and (element.get("href") or "").startswith("http"):
            return Found(element.get("href").strip(), "page's canonical link")
    for key, content in meta:
        if key == "og:url" and content.startswith("http"):
            return Found(content, "page metadata (og:url)")
    return None


def _cut(tree, kept: list[str]) -> list[str]:
    """Text blocks of the page that are not in the text as read (menus, footers, related links):
    innermost blocks only, each once, at most :data:`MAX_CUT`."""
    kept_text = " ".join(kept)
    outer: set = set()  # blocks holding another block, found in one pass up from every block
    for element in tree.iter(*_BLOCKS):
        parent = element.getparent()
        while parent is not None and parent not in outer:
            if parent.tag in _BLOCKS:
                outer.add(parent)
            parent = parent.getparent()
    cut: list[str] = []
    seen: set[str] = set()
    for element in tree.iter(*_BLOCKS):
        if element in outer:
            continue
        text = " ".join(element.text_content().split())
        if len(text) < 3 or text in seen or text in kept_text:
            continue
        seen.add(text)
        cut.append(text)
        if len(cut) >= MAX_CUT:
            break
    return cut
