"""Load a seeds folder into a :class:`Corpus`: read, clean, identify, describe.

Files that cannot be articles (binary, empty, exact copies) are not errors:
they are listed as skipped, with the reason, and the report is built from the
rest. Only a folder that yields no article at all is refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefbook.corpus import metadata
from briefbook.corpus.clean import repair, split_article
from briefbook.corpus.duplicates import doc_id, near_duplicates
from briefbook.corpus.html import html_to_text
from briefbook.corpus.manifest import MANIFEST_NAMES, find_manifest, read_manifest
from briefbook.corpus.model import Corpus, Document, Duplicate, Paragraph, Skipped
from briefbook.corpus.outlets import one_spelling
from briefbook.corpus.read import Unreadable, decode
from briefbook.corpus.syndication import syndicate
from briefbook.errors import BriefbookError

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Article text longer than this is not an article but a dump (a book, a log, a
#: concatenated feed): the longest news features run to some 60,000 characters.
#: Parsing costs memory in proportion to a paragraph's length (spaCy refuses
#: texts above 1,000,000 characters), so such a file is skipped with its reason
#: instead of stalling or crashing the build.
MAX_ARTICLE_CHARS = 500_000
#: Files larger than this are not even read into memory (HTML pages carry markup,
#: so the byte limit is well above the text limit).
MAX_FILE_BYTES = 20_000_000


def seed_files(folder: Path) -> list[Path]:
    """The seed files of ``folder``, sorted by name (refuses a missing folder)."""
    if not folder.exists():
        raise BriefbookError(str(folder), "seeds folder does not exist")
    if not folder.is_dir():
        raise BriefbookError(str(folder), "is a file, not a seeds folder")
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


def fingerprint(folder: Path) -> str:
    """A hash of every file's name and bytes in the seeds folder (manifest included)."""
    digest = hashlib.sha256()
    names = [p for p in seed_files(folder)]
    names += [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]
    for path in sorted(names, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def read_document(path: Path) -> Document:
    """One seed file as a :class:`Document` (raises :class:`Unreadable`)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Unreadable(f"too large for an article ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
    decoded = decode(path.read_bytes())
    text, html_title = decoded.text, ""
    if path.suffix.lower() in (".html", ".htm"):
        text, html_title = html_to_text(text)
    text = repair(text)
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unreadable(
            f"too large for an article ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
        )
    kept, removed = split_article(text)
    if not kept:
        raise Unreadable("no article text after removing boilerplate")
    ident = doc_id(text)
    title, title_how = (html_title, "HTML heading") if html_title else metadata.find_title(kept)
    outlet, outlet_how = metadata.find_outlet(kept, removed, title)
    published, _, published_how = metadata.find_published(kept)
    paragraphs = [
        Paragraph(ident, number, line.start, line.end, line.text, _role(line.text, title, number))
        for number, line in enumerate(kept, start=1)
    ]
    notes = [decoded.warning] if decoded.warning else []
    return Document(
        doc_id=ident, file=path.name, text=text, paragraphs=paragraphs, removed=removed,
        encoding=decoded.encoding, title=title, title_how=title_how, outlet=outlet,
        outlet_how=outlet_how, published=published, published_how=published_how, notes=notes,
    )


def _role(text: str, title: str, number: int) -> str:
    if number == 1 and text == title:
        return "title"
    if metadata.AGENCY_CREDIT.match(text):
        return "credit"
    if metadata.CAPTION.search(text):
        return "caption"
    return "body"


def load_corpus(folder: str | Path) -> Corpus:
    """Every readable article of ``folder``, with what was skipped and why."""
    folder = Path(folder)
    files = seed_files(folder)
    if not files:
        raise BriefbookError(str(folder), f"no seed files ({', '.join(SEED_SUFFIXES)}) in the folder")
    documents: list[Document] = []
    skipped: list[Skipped] = []
    duplicates: list[Duplicate] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            document = read_document(path)
        except Unreadable as why:
            skipped.append(Skipped(path.name, str(why)))
            continue
        except OSError as err:
            skipped.append(Skipped(path.name, f"cannot be read ({err.strerror or err})"))
            continue
        if document.doc_id in seen:
            duplicates.append(Duplicate(path.name, seen[document.doc_id], "exact", 1.0))
            skipped.append(Skipped(path.name, f"exact duplicate of {seen[document.doc_id]}"))
            continue
        seen[document.doc_id] = path.name
        documents.append(document)
    if not documents:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in skipped[:3])
        raise BriefbookError(str(folder), f"no readable article ({reasons})")
    _complete_years(documents)
    _apply_manifest(folder, documents)
    spelling = one_spelling(d.outlet for d in documents)
    for document in documents:
        if document.outlet and spelling[document.outlet] != document.outlet:
            document.notes.append(f"outlet written \"{document.outlet}\", shown as \"{spelling[document.outlet]}\" "
                                  "as in the other articles")
            document.outlet = spelling[document.outlet]
    by_file = {d.file: d for d in documents}
    for a, b, similarity in near_duplicates({d.file: " ".join(p.text for p in d.paragraphs) for d in documents}):
        duplicates.append(Duplicate(b, a, "near", similarity))
        by_file[b].notes.append(f"near duplicate of {a} ({similarity:.0%} shared)")
    families, shared = syndicate(documents)
    return Corpus(str(folder), documents, skipped, duplicates, fingerprint(folder), families=families, shared=shared)


def _complete_years(documents: list[Document]) -> None:
    """Give year-less datelines the year of the dates the article writes, else the corpus's year.

    Only the text kept as the article counts: a removed site notice ("Since July 1, 2024, we have
    disabled all ads") gave a 2022 dateline the year 2024.
    """
    def kept(document: Document) -> str:
        return "\n".join(p.text for p in document.paragraphs)

    corpus = None
    for document in documents:
        if document.published is None and document.published_how == metadata.FROM_DATELINE:
            _, month_day, _ = metadata.find_published(document.paragraphs)
            own = metadata.corpus_year([kept(document)], bare_years=False)
            if own is None and corpus is None:
                corpus = metadata.corpus_year([kept(d) for d in documents]) or 0
            year, how = (own, metadata.DATELINE_YEAR_FROM_OWN_DATES) if own else \
                (corpus, metadata.DATELINE_YEAR_FROM_CORPUS)
            found = metadata.year_for(month_day, year) if month_day else None
            if found:
                document.published = found
                document.published_how = how
            else:
                document.published_how = "not found (dateline without a year)"


def _apply_manifest(folder: Path, documents: list[Document]) -> None:
    path = find_manifest(folder)
    if path is None:
        return
    entries = read_manifest(path, {p.name for p in seed_files(folder)})
    for document in documents:
        entry = entries.get(document.file)
        if entry is None:
            continue
        for name in ("url", "outlet", "published", "title"):
            value = getattr(entry, name)
            if value:
                setattr(document, name, value)
                if name != "url":
                    setattr(document, f"{name}_how", metadata.FROM_MANIFEST)
