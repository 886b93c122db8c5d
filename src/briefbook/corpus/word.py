"""Read an article saved as a Word file (``.docx``): its paragraphs in order, and its properties.

News databases export articles as Word files, and analysts keep clippings in
them. The paragraphs (and the cells of any table, in the order they stand) are
the text as read, one a line; the file's core properties give a title and a
creation date that the loader uses only where the text's own dates
agree with it (an export's date is as often the day it was exported).

Library: python-docx, the maintained reader and writer of the format. The old
binary ``.doc`` is refused with a one-line reason.
"""

from __future__ import annotations

import io
import zipfile

from briefbook.corpus.page import Found, Page
from briefbook.corpus.read import Unreadable


def read_docx(data: bytes) -> Page:
    """The article of a ``.docx`` file (raises :class:`Unreadable` for a file that is not one)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise Unreadable(f"not a readable Word file ({str(err)[:80] or type(err).__name__})") from None
    lines = [" ".join(text.split()) for text in _texts(document)]
    lines = [line for line in lines if line]
    properties = document.core_properties
    title = " ".join((properties.title or "").split())
    return Page(
        text="\n\n".join(lines) + "\n" if lines else "",
        title=Found(title, "Word properties (title)") if title else None,
        created=Found(properties.created.date(), "Word properties (creation date)") if properties.created else None,
    )


def _texts(document):
    """The text of each paragraph and table cell, in the order they stand in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(block, document).text
        elif tag == "tbl":
            for row in Table(block, document).rows:
                for cell in row.cells:
                    yield cell.text
