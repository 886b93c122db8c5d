"""The plain data every step of briefbook passes around.

A :class:`Document` keeps the seed's text exactly as it was decoded, and every
span the pipeline reports (a paragraph, a quotation, a figure, a date) is a
pair of character offsets into that text. Cleaning never rewrites the text: it
only decides which stretches are article paragraphs and which are web
boilerplate, so offsets stay valid all the way to the published report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefbook.corpus.corrections import Corrections


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of article text, numbered from 1 in reading order.

    ``role`` is ``"title"`` for the headline, ``"caption"`` for a photo caption,
    ``"credit"`` for an agency credit line and ``"body"`` for everything else, so
    an analysis can decide whether a headline's wording counts as a claim.
    """

    doc_id: str
    number: int
    start: int
    end: int
    text: str
    role: str = "body"

    @property
    def anchor(self) -> str:
        """The HTML id of this paragraph on its source page (``<doc_id>-p<n>``)."""
        return paragraph_anchor(self.doc_id, self.number)


def paragraph_anchor(doc_id: str, number: int) -> str:
    """The HTML id a paragraph gets in the appendix, used by every analysis's links."""
    return f"{doc_id}-p{number}"


@dataclass(frozen=True)
class Removed:
    """A stretch of the seed that cleaning left out, and why.

    ``start`` and ``end`` are -1 for text a reader cut before the text as read existed (a web page's
    menus and footers, a PDF's running header): it is listed, but has no place in the text.
    """

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Document:
    """One article of the corpus, its text as read and what was found about it.

    ``*_how`` fields record how each piece of metadata was found (``"dateline"``,
    ``"manifest"``, ``"first line"`` …), or ``"not found"``; the Sources chapter
    shows them so a reader can judge each one.
    """

    doc_id: str
    file: str
    text: str
    paragraphs: list[Paragraph]
    removed: list[Removed] = field(default_factory=list)
    encoding: str = "utf-8"
    title: str = ""
    title_how: str = "not found"
    outlet: str = ""
    outlet_how: str = "not found"
    published: dt.date | None = None
    published_how: str = "not found"
    url: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        """Words of article text (boilerplate excluded)."""
        return sum(len(p.text.split()) for p in self.paragraphs)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph that holds character ``offset``, if any."""
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None


@dataclass(frozen=True)
class Skipped:
    """A file of the seeds folder that was not used, and why (shown on the Sources page)."""

    file: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    """Two articles that are the same (``exact``) or nearly so (``near``, with similarity)."""

    file: str
    same_as: str
    kind: str
    similarity: float


@dataclass
class Corpus:
    """Everything loaded from one seeds folder."""

    folder: str
    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    fingerprint: str = ""
    #: articles that share text (:mod:`briefbook.corpus.syndication`): its families and shared paragraphs
    families: list = field(default_factory=list)
    shared: list = field(default_factory=list)
    #: the analyst's corrections of this folder (``corrections.yaml``), and one row per article correction
    #: as the loader applied it (section, id, change, machine, corrected, reason, status)
    corrections: Corrections | None = None
    article_corrections: list[dict] = field(default_factory=list)

    def by_id(self) -> dict[str, Document]:
        return {d.doc_id: d for d in self.documents}
