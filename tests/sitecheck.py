"""Reading a built site: its pages, the ids they define and the links they make."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.sources: list[str] = []  # addresses the page loads (not mere links such as rel=canonical)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        loads = tag in ("script", "img", "iframe", "audio", "video", "source") or (
            tag == "link" and (attrs.get("rel") or "").lower() in ("stylesheet", "icon", "preload", "modulepreload",
                                                                   "prefetch", "manifest", "shortcut icon"))
        for key in ("src", "href") if loads else ():
            if attrs.get(key):
                self.sources.append(attrs[key])


def read_page(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def broken_links(site: Path) -> list[str]:
    """Every internal link whose page or fragment does not exist, as 'page -> href'."""
    parsed = {p: read_page(p) for p in pages(site)}
    broken = []
    for page, collector in parsed.items():
        for href in collector.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else read_page(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href}")
    return broken
