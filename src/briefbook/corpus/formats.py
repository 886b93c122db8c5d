"""Which reader reads which file: one function per format, chosen by the file's suffix.

Each reader takes the file's bytes and returns a :class:`~briefbook.corpus.page.Page`,
or raises :class:`~briefbook.corpus.read.Unreadable` with a one-line reason.
Plain text and Markdown are decoded (:mod:`briefbook.corpus.read`); web pages
go through trafilatura (:mod:`briefbook.corpus.html`); PDFs through pypdf
(:mod:`briefbook.corpus.pdf`); Word files through python-docx
(:mod:`briefbook.corpus.word`). A new format is one entry in :data:`READERS`.
"""

from __future__ import annotations

from collections.abc import Callable

from briefbook.corpus.html import read_html
from briefbook.corpus.page import Page
from briefbook.corpus.pdf import read_pdf
from briefbook.corpus.read import Unreadable, decode
from briefbook.corpus.word import read_docx


def read_text(data: bytes, url: str = "") -> Page:
    decoded = decode(data)
    return Page(text=decoded.text, encoding=decoded.encoding, notes=[decoded.warning] if decoded.warning else [])


def read_web_page(data: bytes, url: str = "") -> Page:
    decoded = decode(data)
    page = read_html(decoded.text, url)
    page.encoding = decoded.encoding
    page.notes[:0] = [decoded.warning] if decoded.warning else []
    if not page.text.strip():
        raise Unreadable("web page without article text")
    return page


def _refuse_doc(data: bytes, url: str = "") -> Page:
    raise Unreadable("Word 97-2003 file (.doc) is not read; save it as .docx, PDF or text")


READERS: dict[str, Callable[..., Page]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_web_page,
    ".htm": read_web_page,
    ".pdf": lambda data, url="": read_pdf(data),
    ".docx": lambda data, url="": read_docx(data),
    ".doc": _refuse_doc,
}
#: The suffixes of seed files (a file with any other suffix is not an article and is not listed).
SEED_SUFFIXES = tuple(READERS)


def read_bytes(data: bytes, suffix: str, url: str = "") -> Page:
    """A file's bytes read by the reader of its suffix (raises :class:`Unreadable`)."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise Unreadable(f"not a format briefbook reads ({', '.join(SEED_SUFFIXES)})")
    try:
        return reader(data, url)
    except Unreadable:
        raise
    except Exception as err:  # a parser's fault on one odd file must not take down the build
        raise Unreadable(f"the {suffix.lower()} reader failed on it ({type(err).__name__}: {str(err)[:80]})") from None
