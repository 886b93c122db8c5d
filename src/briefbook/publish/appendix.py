"""The appendix: every source article as its own page, paragraphs numbered and anchored.

Analyses link each finding to ``articles/<doc_id>.html#<doc_id>-p<n>``. The
article text is untrusted, so each paragraph is written as an HTML block with
its text escaped: MyST passes an HTML block through without parsing Markdown,
roles or directives inside it, and escaping stops any tag from forming. Article
pages stand outside the table of contents, listed on the appendix's index: in
it, every page Sphinx writes resolves every article's entry.

A corpus of thousands of articles is not read page by page: past
:func:`briefbook.publish.limits.article_pages` articles only those a chapter links to are pages of the
book; every other article is a plain page at the same address, written beside
the book (Sphinx copies it, reading nothing), and the appendix's index becomes a
table a reader can filter. Every link still reaches its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from briefbook.corpus.outlets import source_names
from briefbook.publish import limits
from briefbook.publish.render import esc, html_table, link, safe_id

#: Where plain pages are staged: Sphinx copies this folder's tree into the site (``html_extra_path``).
EXTRA = "_extra"
#: A link of a page's HTML to an article (``href="articles/doc-….html"``, its quote escaped inside a notebook's
#: JSON). A chart's data names articles too (a click on a mark opens one): those may be plain pages.
_LINKED = re.compile(r'href=\\?"articles/(doc-[A-Za-z0-9_-]+)\.html')

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:^=@&])")


def md_escape(text: str) -> str:
    """Escape text for a Markdown heading (no markup, role or directive can form)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _shared_note(rows: list[dict], names: dict[str, str]) -> str:
    """Where else a paragraph's text stands: links to the other articles' paragraphs (corpus.syndication)."""
    links = [f'<a href="{safe_id(r["other_doc_id"])}.html#{safe_id(r["other_doc_id"])}-p{int(r["other_paragraph"])}">'
             f'{esc(names.get(r["other_doc_id"], r["other_doc_id"]))} ¶{int(r["other_paragraph"])}</a> '
             f'({float(r["share"]):.0%})'
             for r in rows]
    return f' <span class="briefbook-shared">shared text: also in {", ".join(links)}</span>'


def article_page(document: pd.Series, paragraphs: pd.DataFrame, removed: pd.DataFrame,
                 shared: pd.DataFrame | None = None, names: dict[str, str] | None = None) -> str:
    """The MyST page of one article; ``shared`` (this article's rows of the shared table) marks each
    paragraph whose text another article carries, linked to it (``names``: doc_id -> source name).

    The page is an orphan, a page of the book outside its table of contents (see ``_toc.yml``):
    the appendix's index lists it."""
    doc_id = safe_id(document["doc_id"])
    lines = [
        "---", "orphan: true", "---", "",
        f"({doc_id})=",
        f"# {md_escape(document['title'] or document['file'])}",
        "",
        f"Cited in this report as {{cite:p}}`{doc_id}`; the paragraph numbers are the anchors the findings link to.",
        "",
        *_body(document, paragraphs, removed, shared, names),
    ]
    return "\n".join(lines)


def _body(document: pd.Series, paragraphs: pd.DataFrame, removed: pd.DataFrame,
          shared: pd.DataFrame | None = None, names: dict[str, str] | None = None) -> list[str]:
    """An article's facts, numbered paragraphs and removed boilerplate, as HTML blocks (one per line
    and a blank line after each): the same on a page of the book and on a plain page."""
    also: dict[int, list[dict]] = {}  # paragraph -> the shared table's rows for it (plain rows: one pass)
    for row in ([] if shared is None or shared.empty else shared.to_dict("records")):
        also.setdefault(int(row["paragraph"]), []).append(row)
    facts = [
        ("File", document["file"]),
        ("Outlet", f"{document['outlet'] or 'unknown'} ({document['outlet_how']})"),
        ("Published", f"{document['published'] or 'unknown'} ({document['published_how']})"),
        ("Words", document["words"]),
        ("Document id", document["doc_id"]),
    ]
    if document.get("url"):
        facts.append(("Address", document["url"]))
    lines = ['<dl class="briefbook-facts">' + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
             + "</dl>", ""]
    ordered = paragraphs.sort_values("paragraph")  # an integer column, as the table declares it
    for row in ordered.itertuples():
        anchor = safe_id(row.anchor)
        here = also.get(int(row.paragraph), [])
        lines.append(
            f'<p class="briefbook-paragraph briefbook-{esc(row.role)}" id="{anchor}">'
            f'<a class="briefbook-pnum" href="#{anchor}">{int(row.paragraph)}</a> {esc(row.text)}'
            f'{_shared_note(here, names or {}) if here else ""}</p>'
        )
        lines.append("")
    if not removed.empty:
        lines.append('<details class="briefbook-removed"><summary>Boilerplate removed from this page</summary><ul>')
        lines.append("".join(f"<li>{esc(r.text)} <em>({esc(r.reason)})</em></li>" for r in removed.itertuples()))
        lines.append("</ul></details>")
        lines.append("")
    return lines


def plain_page(document: pd.Series, paragraphs: pd.DataFrame, removed: pd.DataFrame,
               shared: pd.DataFrame | None = None, names: dict[str, str] | None = None) -> str:
    """A standalone HTML page of one article no chapter links to, at the address its book page would
    have (``book/articles/<doc_id>.html``): the same text and anchors, the site's style sheet, no script."""
    doc_id = safe_id(document["doc_id"])
    title = esc(" ".join(str(document["title"] or document["file"]).split()))
    return "\n".join([
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        '<link rel="stylesheet" href="../../_static/briefbook.css"></head>',
        '<body class="briefbook-plain-article"><main>',
        '<p class="briefbook-plain-nav"><a href="index.html">Appendix: the articles</a> · '
        '<a href="../intro.html">the report</a></p>',
        f'<h1 id="{doc_id}">{title}</h1>',
        "<p>No row the report's chapters show links to this article, so it stands here as it was read, "
        "outside the book's pages; its statements, figures and events are in the chapters' downloads.</p>",
        *_body(document, paragraphs, removed, shared, names),
        "</main></body></html>",
        "",
    ])


def index_page(documents: pd.DataFrame, paged: set[str] | None = None) -> str:
    """The appendix's first page: a list of the articles, or past a size (``paged``: the
    doc ids that are pages of the book) a table of them all to filter and sort."""
    lines = [
        "(articles)=",
        "# Appendix: the articles",
        "",
        "Every article of the corpus as it was read, boilerplate left out, with its paragraphs numbered. "
        "The findings of each chapter link to these paragraphs.",
        "",
    ]
    ordered = documents.sort_values(["published", "file"])
    if paged is None:
        lines.append("<ul>")
        for row in ordered.itertuples():
            label = f"{row.title or row.file} ({row.outlet or 'outlet unknown'}, {row.published or 'date unknown'})"
            lines.append(f'<li><a href="{esc(safe_id(row.doc_id))}.html">{esc(label)}</a></li>')
        lines.append("</ul>")
    else:
        lines += [
            f"The {len(paged):,} articles the rows of the chapters link to are pages of this book; the other "
            f"{len(documents) - len(paged):,} are plain pages, each reached from this table. Type in the box to "
            "filter it; click a header to sort.",
            "",
            html_table(ordered.assign(
                article=[link(f"{safe_id(d)}.html", t or f) for d, t, f in zip(ordered.doc_id, ordered.title, ordered.file)],
                in_findings=["yes" if d in paged else "no" for d in ordered.doc_id],
            ), columns={"article": "Article", "outlet": "Outlet", "published": "Published", "words": "Words",
                        "in_findings": "Linked from a chapter"},
                html_columns=("article",), table_id="articles-index"),
        ]
    lines += ["", "## Bibliography", "", "```{bibliography}", ":all:", "```", ""]
    return "\n".join(lines)


def linked_articles(pages: Iterable[Path]) -> set[str]:
    """The doc ids of the articles the executed chapter notebooks ``pages`` link to."""
    found: set[str] = set()
    for page in pages:
        found.update(_LINKED.findall(page.read_text(encoding="utf-8")))
    return found


def paged_articles(documents: pd.DataFrame, linked: set[str]) -> set[str] | None:
    """The doc ids that are pages of the book: None (all of them) up to
    :func:`~briefbook.publish.limits.article_pages` articles, else those ``linked`` from a chapter."""
    if len(documents) <= limits.article_pages():
        return None
    return {d for d in documents["doc_id"] if safe_id(d) in linked}


def write_appendix(tables: dict[str, pd.DataFrame], folder: Path, paged: set[str] | None = None,
                   extra: Path | None = None) -> list[Path]:
    """Write the index and one page per article into ``folder``; pages of other corpora are removed.

    ``paged`` (see :func:`paged_articles`): the articles that are pages of the book, None for all;
    the others are written as plain pages into ``extra`` (the same path under the site's root).
    Unchanged pages are not rewritten, so an incremental build does not re-read them.
    """
    documents, paragraphs, removed = tables["documents"], tables["paragraphs"], tables["removed"]
    shared = tables.get("shared", pd.DataFrame(columns=["doc_id", "paragraph"]))
    names = source_names(documents)
    by_doc = {d: g for d, g in paragraphs.groupby("doc_id", sort=False)}
    removed_by_doc = {d: g for d, g in removed.groupby("doc_id", sort=False)} if not removed.empty else {}
    shared_by_doc = {d: g for d, g in shared.groupby("doc_id", sort=False)} if not shared.empty else {}
    pages = {"index.md": index_page(documents, paged)}
    plain: dict[str, str] = {}
    for _, document in documents.iterrows():
        doc_id = document["doc_id"]
        parts = (document, by_doc.get(doc_id, paragraphs.iloc[:0]), removed_by_doc.get(doc_id, removed.iloc[:0]),
                 shared_by_doc.get(doc_id, shared.iloc[:0]), names)
        if paged is None or doc_id in paged:
            pages[f"{safe_id(doc_id)}.md"] = article_page(*parts)
        else:
            plain[f"{safe_id(doc_id)}.html"] = plain_page(*parts)
    written = _write_folder(folder, pages, "*.md")
    if extra is not None:
        written += _write_folder(extra, plain, "*.html")
    return written


def _write_folder(folder: Path, pages: dict[str, str], pattern: str) -> list[Path]:
    """Write ``pages`` (name -> text) into ``folder``, leaving unchanged files untouched and
    removing the files of ``pattern`` no longer among them."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(pattern):
        if stale.name not in pages:
            stale.unlink()
    written = []
    for name, page in pages.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != page:
            path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
