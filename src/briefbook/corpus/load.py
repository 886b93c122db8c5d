"""Load a seeds folder into a :class:`Corpus`: read, clean, identify, describe.

Files that cannot be articles (binary, empty, scanned, exact copies) are not
errors: they are listed as skipped, with the reason, and the report is built
from the rest. Only a folder that yields no article at all is refused.

Each value about an article is taken from the most reliable place that states
it, and says where (:func:`_settle`): the manifest always wins; then what the
file states about itself (a web page's metadata; for the outlet, a host of the
editable list ``outlet_hosts.yaml`` first); then the article's address (a date
in its path, an outlet's host); then the text's own words (a dateline, a
byline, a "Published:" line); a PDF's or Word file's creation date last, and
only where the text's own dates agree with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from briefbook.corpus import metadata
from briefbook.corpus.clean import repair, split_article
from briefbook.corpus.corrections import CORRECTIONS_NAME, STALE, Corrections, read_corrections, words
from briefbook.corpus.duplicates import doc_id, near_duplicates
from briefbook.corpus.formats import SEED_SUFFIXES, read_bytes
from briefbook.corpus.manifest import MANIFEST_NAMES, ManifestEntry, find_manifest, read_manifest
from briefbook.corpus.model import Corpus, Document, Duplicate, Paragraph, Removed, Skipped
from briefbook.corpus.outlets import one_spelling
from briefbook.corpus.page import Page
from briefbook.corpus.read import Unreadable
from briefbook.corpus.site_lines import site_lines
from briefbook.corpus.syndication import syndicate
from briefbook.corpus.urls import HOW_HOST, HOW_URL_DATE, date_in_url, outlet_from_url
from briefbook.errors import BriefbookError

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
    """A hash of every file's name and bytes in the seeds folder (manifest and corrections included)."""
    digest = hashlib.sha256()
    names = [p for p in seed_files(folder)]
    names += [folder / n for n in (*MANIFEST_NAMES, CORRECTIONS_NAME) if (folder / n).is_file()]
    for path in sorted(names, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def read_page(path: Path) -> Page:
    """One seed file read by the reader of its format (raises :class:`Unreadable`)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Unreadable(f"too large for an article ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
    return read_bytes(path.read_bytes(), path.suffix)


def read_document(path: Path) -> Document:
    """One seed file as a :class:`Document`, its values settled without a manifest (raises :class:`Unreadable`)."""
    page = read_page(path)
    document = make_document(path.name, page)
    _settle(document, page, None)
    return document


def make_document(file: str, page: Page, site: frozenset[str] = frozenset()) -> Document:
    """The article of a read file: its text repaired, its boilerplate set aside (the lexicon's lines, and
    ``site``: lines its outlet prints on every page), and what its own text says of its title, outlet and
    date (the file's own metadata is ranked against these by :func:`_settle`)."""
    text = repair(page.text)
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unreadable(
            f"too large for an article ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
        )
    kept, removed = split_article(text, site)
    if not kept:
        raise Unreadable("no article text after removing boilerplate")
    ident = doc_id(text)
    title, title_how = (str(page.title.value), page.title.how) if page.title else metadata.find_title(kept)
    outlet, outlet_how = metadata.find_outlet(kept, removed, title)
    published, _, published_how = metadata.find_published(kept)
    paragraphs = [
        Paragraph(ident, number, line.start, line.end, line.text, _role(line.text, title, number))
        for number, line in enumerate(kept, start=1)
    ]
    cut = [Removed(-1, -1, block, "not article text on the page (web page reduction)") for block in page.cut]
    return Document(
        doc_id=ident, file=file, text=text, paragraphs=paragraphs, removed=cut + removed,
        encoding=page.encoding, title=title, title_how=title_how, outlet=outlet,
        outlet_how=outlet_how, published=published, published_how=published_how, notes=list(page.notes),
    )


def _role(text: str, title: str, number: int) -> str:
    if number == 1 and text == title:
        return "title"
    if metadata.AGENCY_CREDIT.match(text):
        return "credit"
    if metadata.CAPTION.search(text):
        return "caption"
    return "body"


def load_corpus(folder: str | Path, corrections: bool = True) -> Corpus:
    """Every readable article of ``folder``, with what was skipped and why.

    With ``corrections``, the folder's ``corrections.yaml`` is read (a bad one stops the load with one line)
    and its articles' corrections are applied after the manifest's values; the scores of the Methods
    chapter load without, to measure the machine."""
    folder = Path(folder)
    fixes = read_corrections(folder) if corrections else Corrections()
    files = seed_files(folder)
    if not files:
        raise BriefbookError(str(folder), f"no seed files ({', '.join(SEED_SUFFIXES)}) in the folder")
    path = find_manifest(folder)
    entries = read_manifest(path, {p.name for p in files}) if path else {}
    pages: dict[str, Page] = {}
    documents: list[Document] = []
    skipped: list[Skipped] = []
    duplicates: list[Duplicate] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            page = read_page(path)
            document = make_document(path.name, page)
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
        pages[path.name] = page
        documents.append(document)
    if not documents:
        reasons = "; ".join(f"{s.file}: {s.reason}" for s in skipped[:3])
        raise BriefbookError(str(folder), f"no readable article ({reasons})")
    documents = _without_site_lines(documents, pages, entries)
    _complete_years(documents)
    for document in documents:
        _settle(document, pages[document.file], entries.get(document.file))
    corrected = _correct_articles(documents, fixes)
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
    return Corpus(str(folder), documents, skipped, duplicates, fingerprint(folder), families=families, shared=shared,
                  corrections=fixes, article_corrections=corrected)


def _correct_articles(documents: list[Document], fixes: Corrections) -> list[dict]:
    """Apply the articles' corrections (as a manifest's values, and after them); one row per change."""
    by_id = {d.doc_id: d for d in documents}
    rows = []
    for fix in fixes.articles:
        document = by_id.get(fix.id)
        for change, value in fix.changes().items():
            row = {"section": "articles", "id": fix.id, "change": change, "correction": words(value),
                   "reason": fix.reason, "machine": "", "status": "applied"}
            if document is None:
                row["status"] = STALE.format(what="article")
            else:
                row["machine"] = words(getattr(document, change)) or "not found"
                setattr(document, change, value)
                setattr(document, f"{change}_how", FROM_CORRECTIONS)
            rows.append(row)
    return rows


#: How a value set by ``corrections.yaml`` was found (the Sources page shows it).
FROM_CORRECTIONS = "corrections.yaml"


def _without_site_lines(documents: list[Document], pages: dict[str, Page],
                        entries: dict[str, ManifestEntry]) -> list[Document]:
    """The articles again, less the lines their outlet prints on its other stories (:mod:`site_lines`).

    The outlet that groups them is the one each article would be credited to; where the only line
    that named it was such a line (a masthead on every page), the outlet found before is kept."""
    outlet_of = {d.file: _outlet(d, pages[d.file], entries.get(d.file))[0] for d in documents}
    site = site_lines(documents, outlet_of)
    cleaned = []
    for document in documents:
        if document.file not in site:
            cleaned.append(document)
            continue
        again = make_document(document.file, pages[document.file], site[document.file])
        if not again.outlet and document.outlet:
            again.outlet, again.outlet_how = document.outlet, f"{document.outlet_how}; a line printed on every page"
        cleaned.append(again)
    return cleaned


def _address(page: Page, entry: ManifestEntry | None) -> tuple[str, str]:
    """The article's address and where it was found (the manifest's, else the page's own)."""
    if entry and entry.url:
        return entry.url, metadata.FROM_MANIFEST
    return (str(page.url.value), page.url.how) if page.url else ("", "")


def _outlet(document: Document, page: Page, entry: ManifestEntry | None) -> tuple[str, str]:
    """The outlet, ranked: manifest, a host of the editable list, the page's metadata, the text's words,
    the bare host. The list stands above ``og:site_name``, which some sites fill with a section ("U.S.")."""
    if entry and entry.outlet:
        return entry.outlet, metadata.FROM_MANIFEST
    url, _ = _address(page, entry)
    from_host = outlet_from_url(url)
    if from_host and from_host[1] != HOW_HOST:
        return from_host
    if page.outlet:
        return str(page.outlet.value), page.outlet.how
    if document.outlet:
        return document.outlet, document.outlet_how
    return from_host or ("", document.outlet_how)


def _published(document: Document, page: Page, entry: ManifestEntry | None) -> tuple[dt.date | None, str]:
    """The publication date, ranked: manifest, the page's metadata, the address's path, the text's own
    words, and last a file's creation date where the text's own dates agree with it."""
    if entry and entry.published:
        return entry.published, metadata.FROM_MANIFEST
    if page.published:
        return page.published.value, page.published.how
    url, url_how = _address(page, entry)
    if found := date_in_url(url):
        return found, f"{HOW_URL_DATE} ({url_how})"
    if document.published:
        return document.published, document.published_how
    if page.created:
        created = page.created.value
        written = [d for p in document.paragraphs for d in metadata.full_dates(p.text)]
        if written and max(written) <= created <= max(written) + CREATED_WITHIN:
            return created, f"{page.created.how}, agreeing with the dates the text writes"
        document.notes.append(f"{page.created.how} {created.isoformat()} not taken as the publication date: "
                              "the text's own dates do not confirm it")
    return None, document.published_how


#: A file made (printed, exported) this long after the latest date its text writes is taken as
#: published that day; a later one is a copy made afterwards.
CREATED_WITHIN = dt.timedelta(days=3)


def _settle(document: Document, page: Page, entry: ManifestEntry | None) -> None:
    """Give ``document`` the best-placed address, title, outlet and date (see the module's docstring)."""
    document.url, _ = _address(page, entry)
    if entry and entry.title:
        document.title, document.title_how = entry.title, metadata.FROM_MANIFEST
    document.outlet, document.outlet_how = _outlet(document, page, entry)
    document.published, document.published_how = _published(document, page, entry)


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
