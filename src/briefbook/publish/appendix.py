"""The appendix: every source article as its own page, paragraphs numbered and anchored.

Analyses link each finding to ``articles/<doc_id>.html#<doc_id>-p<n>``. The
article text is untrusted, so each paragraph is written as an HTML block with
its text escaped: MyST passes an HTML block through without parsing Markdown,
roles or directives inside it, and escaping stops any tag from forming.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from briefbook.corpus.outlets import source_names
from briefbook.publish.render import esc, safe_id

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|$~:^=@&])")


def md_escape(text: str) -> str:
    """Escape text for a Markdown heading (no markup, role or directive can form)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _shared_note(rows: pd.DataFrame, names: dict[str, str]) -> str:
    """Where else a paragraph's text stands: links to the other articles' paragraphs (corpus.syndication)."""
    links = [f'<a href="{safe_id(r.other_doc_id)}.html#{safe_id(r.other_doc_id)}-p{int(r.other_paragraph)}">'
             f'{esc(names.get(r.other_doc_id, r.other_doc_id))} ¶{int(r.other_paragraph)}</a> ({float(r.share):.0%})'
             for r in rows.itertuples()]
    return f' <span class="briefbook-shared">shared text: also in {", ".join(links)}</span>'


def article_page(document: pd.Series, paragraphs: pd.DataFrame, removed: pd.DataFrame,
                 shared: pd.DataFrame | None = None, names: dict[str, str] | None = None) -> str:
    """The MyST page of one article; ``shared`` (this article's rows of the shared table) marks each
    paragraph whose text another article carries, linked to it (``names``: doc_id -> source name)."""
    shared = pd.DataFrame(columns=["paragraph"]) if shared is None else shared
    doc_id = safe_id(document["doc_id"])
    title = document["title"] or document["file"]
    facts = [
        ("File", document["file"]),
        ("Outlet", f"{document['outlet'] or 'unknown'} ({document['outlet_how']})"),
        ("Published", f"{document['published'] or 'unknown'} ({document['published_how']})"),
        ("Words", document["words"]),
        ("Document id", document["doc_id"]),
    ]
    if document.get("url"):
        facts.append(("Address", document["url"]))
    lines = [
        f"({doc_id})=",
        f"# {md_escape(title)}",
        "",
        f"Cited in this report as {{cite:p}}`{doc_id}`; the paragraph numbers are the anchors the findings link to.",
        "",
        '<dl class="briefbook-facts">'
        + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
        + "</dl>",
        "",
    ]
    ordered = paragraphs.sort_values("paragraph")  # an integer column, as the table declares it
    for row in ordered.itertuples():
        anchor = safe_id(row.anchor)
        also = shared[shared["paragraph"] == row.paragraph]
        lines.append(
            f'<p class="briefbook-paragraph briefbook-{esc(row.role)}" id="{anchor}">'
            f'<a class="briefbook-pnum" href="#{anchor}">{int(row.paragraph)}</a> {esc(row.text)}'
            f'{_shared_note(also, names or {}) if len(also) else ""}</p>'
        )
        lines.append("")
    if not removed.empty:
        lines.append('<details class="briefbook-removed"><summary>Boilerplate removed from this page</summary><ul>')
        lines.append("".join(f"<li>{esc(r.text)} <em>({esc(r.reason)})</em></li>" for r in removed.itertuples()))
        lines.append("</ul></details>")
        lines.append("")
    return "\n".join(lines)


def index_page(documents: pd.DataFrame) -> str:
    lines = [
        "(articles)=",
        "# Appendix: the articles",
        "",
        "Every article of the corpus as it was read, boilerplate left out, with its paragraphs numbered. "
        "The findings of each chapter link to these paragraphs.",
        "",
        "<ul>",
    ]
    for row in documents.sort_values(["published", "file"]).itertuples():
        label = f"{row.title or row.file} ({row.outlet or 'outlet unknown'}, {row.published or 'date unknown'})"
        lines.append(f'<li><a href="{esc(safe_id(row.doc_id))}.html">{esc(label)}</a></li>')
    lines += ["</ul>", "", "## Bibliography", "", "```{bibliography}", ":all:", "```", ""]
    return "\n".join(lines)


def write_appendix(tables: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Write the index and one page per article into ``folder``; pages of other corpora are removed.

    Unchanged pages are not rewritten, so an incremental build does not re-read them.
    """
    documents, paragraphs, removed = tables["documents"], tables["paragraphs"], tables["removed"]
    shared = tables.get("shared", pd.DataFrame(columns=["doc_id", "paragraph"]))
    names = source_names(documents)
    pages = {"index.md": index_page(documents)}
    for _, document in documents.iterrows():
        pages[f"{safe_id(document['doc_id'])}.md"] = article_page(
            document,
            paragraphs[paragraphs["doc_id"] == document["doc_id"]],
            removed[removed["doc_id"] == document["doc_id"]] if not removed.empty else removed,
            shared[shared["doc_id"] == document["doc_id"]], names,
        )
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    written = []
    for name, page in pages.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != page:
            path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
