"""Reduce an HTML page to its article text, one paragraph a line.

Offsets of an HTML seed refer to this extracted text (the page's markup has
no place in a quotation), which the appendix shows as the article as read.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button")
_BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "pre")


def html_to_text(markup: str) -> tuple[str, str]:
    """The article text of a page and its ``<title>`` (or first heading)."""
    soup = BeautifulSoup(markup, "html.parser")
    title_tag = soup.find("h1") or soup.find("title")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else ""
    for tag in soup(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for element in root.find_all(_BLOCKS):
        if element.find(_BLOCKS):
            continue  # keep the innermost block only
        text = " ".join(element.get_text(" ").split())
        if text:
            blocks.append(text)
    if not blocks:
        text = root.get_text("\n")
        blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return "\n\n".join(blocks) + "\n", title
