"""Read an article saved as PDF: the text layer, paragraphs rebuilt from its lines, the page furniture cut.

A PDF holds lines, not paragraphs: a browser's "Print to PDF" or a newspaper's
e-paper breaks every line at the column's edge and repeats a header and a
footer (the page's title and print time, its address, "1/3") on every page.
This module rebuilds paragraphs (a line that ends a sentence short of the
column's width ends its paragraph; a blank line always does), cuts the lines
that repeat on most pages and the page numbers, and keeps a printed address as
the article's address. One article per file. A PDF without a text layer (a
scan) is refused with its reason: there is no text to quote.

Library: pypdf (pure Python, maintained, the PDF reader most projects of the
field depend on); its ``extract_text`` follows the content stream's order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter

from briefbook.corpus.metadata import parse_iso_date
from briefbook.corpus.page import Found, Page
from briefbook.corpus.read import Unreadable

#: A line that is a page number or a print counter ("3", "Page 3 of 7", "3/7", "- 3 -").
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–\s]*\d{1,3}\s*(?:(?:/|of)\s*\d{1,3})?[-–\s]*$", re.I)
_ADDRESS = re.compile(r"https?://\S+")
#: A line ends its paragraph when it is shorter than this share of the column.
SHORT_LINE = 0.8
#: Space above a line wider than this many times the page's usual line spacing starts a paragraph.
PARAGRAPH_GAP = 1.5
#: Lines on at least this share of the pages (and on two or more) are a running header or footer.
RUNNING_SHARE = 0.5


def read_pdf(data: bytes) -> Page:
    """The article of a PDF (raises :class:`Unreadable` for an encrypted or scanned file)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted PDF (it needs a password)")
        pages = [_positioned_lines(page) for page in reader.pages]
        info = reader.metadata or {}
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise Unreadable(f"not a readable PDF ({str(err)[:80] or type(err).__name__})") from None
    if not any(text.strip() for lines in pages for text, _, _ in lines):
        raise Unreadable("PDF without a text layer (a scanned page?); run OCR or save the article as text")
    lines, cut, address = _page_lines(pages)
    text = "\n\n".join(paragraphs(lines)) + "\n"
    title = _property(info, "/Title")
    created = _property_date(info.get("/CreationDate"))
    return Page(
        text=text,
        title=Found(title, "PDF properties (title)") if title else None,
        url=Found(address, "address printed on the PDF's pages") if address else None,
        created=Found(created, "PDF properties (creation date)") if created else None,
        cut=cut,
    )


#: Type ligatures a PDF's text layer keeps as one character ("ﬁnd"), and the letters they stand for.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def _positioned_lines(page) -> list[tuple[str, float | None, float]]:
    """A page's lines in reading order, each with its height on the page (None where unknown) and its
    type size (0 where unknown)."""
    chunks: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        chunks.append((text, tm[5] * cm[3] + cm[5], abs(font_size * tm[3] * cm[3]) or abs(font_size or 0)))

    plain = page.extract_text(visitor_text=visit) or ""
    lines: list[tuple[str, float | None, float]] = []
    current, height, size = "", None, 0.0
    for text, at, text_size in chunks:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if not current.strip() and part.strip():
                height, size = at, text_size
            current += part
            if i < len(parts) - 1:
                lines.append((current.translate(_LIGATURES), height, size))
                current, height, size = "", None, 0.0
    if current.strip():
        lines.append((current.translate(_LIGATURES), height, size))
    if not any(text.strip() for text, _, _ in lines):  # a visitor that saw nothing: the text without heights
        lines = [(line.translate(_LIGATURES), None, 0.0) for line in plain.splitlines()]
    return lines


def _with_gaps(lines: list[tuple[str, float | None, float]]) -> list[str]:
    """A page's lines with a blank one where the space above a line, in lines of its own type size, is
    wider than the page's usual spacing (:data:`PARAGRAPH_GAP` times it): the space a page puts between
    paragraphs. Measured in type sizes, a headline set large is not three paragraphs."""
    def spacing(i: int) -> float | None:
        (_, above, _), (_, below, size) = lines[i - 1], lines[i]
        if above is None or below is None or above <= below:
            return None
        return (above - below) / size if size else above - below

    spacings = [spacing(i) for i in range(1, len(lines))]
    known = sorted(x for x in spacings if x is not None)
    usual = known[len(known) // 2] if known else 0.0
    out: list[str] = []
    for i, (text, _, _) in enumerate(lines):
        if i and usual and (gap := spacings[i - 1]) is not None and gap > PARAGRAPH_GAP * usual:
            out.append("")
        out.append(" ".join(text.split()))
    return out


def _page_lines(pages: list[list[tuple[str, float | None, float]]]) -> tuple[list[str], list[str], str]:
    """The article's lines, the lines cut as furniture, and a printed address."""
    per_page = [_with_gaps(lines) for lines in pages]
    furniture = Counter(_shape(line) for lines in per_page for line in set(lines) if line)
    running = {shape for shape, n in furniture.items() if n >= 2 and n >= RUNNING_SHARE * len(pages)}
    kept: list[str] = []
    cut: list[str] = []
    address = ""
    for lines in per_page:
        for line in lines:
            found = _ADDRESS.search(line)
            if found and len(line.split()) <= 3:
                address = address or found.group().rstrip(".,;)")
                cut.append(line)
            elif line and (_shape(line) in running or _PAGE_NUMBER.match(line)):
                cut.append(line)
            else:
                kept.append(line)  # no break at the page's end: a paragraph runs on over the page
    return kept, list(dict.fromkeys(cut)), address


def _shape(line: str) -> str:
    """A line with its digits blanked: "Page 2 of 5" and "Page 3 of 5" are one running footer."""
    return re.sub(r"\d+", "#", line)


def paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs: a blank line ends one, and so does a line that stops well short of
    the column (a paragraph's last line; the column is the 90th percentile of the line lengths): on a
    page that spaces its paragraphs, only where it ends a sentence; else unless it ends on a comma or
    a hyphen (a headline)."""
    lengths = sorted(len(line) for line in lines if line)
    column = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    # where space between lines marks paragraphs, a short line ends one only at a sentence's end:
    # a headline set large breaks short, then runs on
    spaced = "" in lines
    found: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                found.append(_join(current))
                current = []
            continue
        current.append(line)
        ends = line.endswith((".", "!", "?", '"', "”", ":")) if spaced else not line.endswith((",", "-", "–"))
        if len(line) < SHORT_LINE * column and ends:
            found.append(_join(current))
            current = []
    if current:
        found.append(_join(current))
    return found


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text += line if text.endswith("-") and line[:1].islower() else " " + line
    return text


def _property(info, key: str) -> str:
    value = info.get(key)
    text = " ".join(str(value).split()) if value else ""
    # a file name or an application's placeholder is no title
    return "" if not text or re.search(r"\.(docx?|pdf|html?|txt)$|^untitled$|^microsoft word", text, re.I) else text


def _property_date(value) -> dt.date | None:
    """The day of a PDF date string ("D:20220110093000+06'00'")."""
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(value or ""))
    return parse_iso_date("-".join(match.groups())) if match else None
