"""The corpus's own tables (documents, paragraphs, removed lines, skipped files), declared and built.

They say what was read before any analysis ran: each article with where its
outlet, date and title were found, its paragraphs with their roles, the lines
set aside as boilerplate, and the files that could not be read.
"""

from __future__ import annotations

import pandas as pd

from briefbook.corpus.model import Corpus
from briefbook.schema import table

DOCUMENTS = table("documents", "one article of the corpus and what was read about it", [
    ("doc_id", "string", "stable id of the article (from its text)"),
    ("file", "string", "the article's file name in the seeds folder"),
    ("outlet", "string", "the outlet that published it (empty: not found)"),
    ("outlet_how", "string", "where the outlet was found (manifest, byline, dateline, …)"),
    ("published", "date", "publication date (empty: not found)"),
    ("published_how", "string", "where the date was found"),
    ("title", "string", "the article's title"),
    ("title_how", "string", "where the title was found"),
    ("words", "integer", "words of article text after boilerplate was set aside"),
    ("paragraphs", "integer", "paragraphs of article text"),
    ("encoding", "string", "the file's text encoding as read"),
    ("url", "string", "the article's address (manifest)"),
    ("removed_lines", "integer", "lines set aside as boilerplate"),
    ("removed_words", "integer", "words in those lines"),
    ("notes", "string", "what the reader noticed about the file, '; '-separated"),
    ("family", "string", "the family of articles it shares text with (empty: none)"),
    ("origin", "string", "where that family's text came from (an agency, the earliest article, or unknown)"),
    ("origin_how", "string", "how the origin was found"),
    ("shared_share", "number", "share of its narrative text that stands in another article of the family"),
    ("corrected", "string", "what an analyst's correction changed in this row (empty: as extracted)"),
], primary_key=("doc_id",))

SHARED = table("shared", "one paragraph that stands, for most of its text, in a paragraph of another article", [
    ("doc_id", "string", "the article"),
    ("paragraph", "integer", "its paragraph"),
    ("other_doc_id", "string", "the article that has the same text"),
    ("other_paragraph", "integer", "the paragraph there"),
    ("share", "number", "share of this paragraph's narrative shingles found in the other"),
])

PARAGRAPHS = table("paragraphs", "one paragraph (line) of an article's text", [
    ("doc_id", "string", "the article"),
    ("paragraph", "integer", "paragraph number, from 1"),
    ("anchor", "string", "id of the paragraph on the article's page"),
    ("role", "string", "title, body, caption or credit"),
    ("start", "integer", "character offset in the article as read"),
    ("end", "integer", "character offset just past the paragraph"),
    ("text", "string", "the paragraph's text"),
], primary_key=("doc_id", "paragraph"))

REMOVED = table("removed", "one line of an article set aside as boilerplate", [
    ("doc_id", "string", "the article"),
    ("file", "string", "the article's file name"),
    ("start", "integer", "character offset in the article as read (-1: cut from a web page before it was read)"),
    ("end", "integer", "character offset just past the line (-1: cut from a web page before it was read)"),
    ("reason", "string", "why it was set aside (lexicon boilerplate.yaml, repeated line, web page reduction, …)"),
    ("text", "string", "the line"),
])

SKIPPED = table("skipped", "one file not read, or read with a warning, or an analysis that failed on it", [
    ("file", "string", "the file in the seeds folder"),
    ("reason", "string", "what was wrong, in one line"),
])


def documents_frame(corpus: Corpus) -> pd.DataFrame:
    family_of = {m: f for f in corpus.families for m in f.members}
    rows = []
    for d in corpus.documents:
        family = family_of.get(d.doc_id)
        rows.append({
            "family": family.family_id if family else "", "origin": family.origin if family else "",
            "origin_how": family.origin_how if family else "",
            "shared_share": family.shares.get(d.doc_id, 0.0) if family else 0.0,
            "doc_id": d.doc_id, "file": d.file, "outlet": d.outlet, "outlet_how": d.outlet_how,
            "published": d.published.isoformat() if d.published else "", "published_how": d.published_how,
            "title": d.title, "title_how": d.title_how, "words": d.words, "paragraphs": len(d.paragraphs),
            "encoding": d.encoding, "url": d.url, "removed_lines": len(d.removed),
            "removed_words": sum(len(r.text.split()) for r in d.removed), "notes": "; ".join(d.notes),
        })
    return pd.DataFrame(rows, columns=DOCUMENTS.names)


def removed_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [
        {"doc_id": d.doc_id, "file": d.file, "start": r.start, "end": r.end, "reason": r.reason, "text": r.text}
        for d in corpus.documents for r in d.removed
    ]
    return pd.DataFrame(rows, columns=REMOVED.names)


def skipped_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [{"file": s.file, "reason": s.reason} for s in corpus.skipped]
    rows += [
        {"file": d.file, "reason": f"near duplicate of {d.same_as} ({d.similarity:.0%} shared); kept"}
        for d in corpus.duplicates if d.kind == "near"
    ]
    return pd.DataFrame(rows, columns=SKIPPED.names)


def paragraphs_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [
        {"doc_id": p.doc_id, "paragraph": p.number, "anchor": p.anchor, "role": p.role,
         "start": p.start, "end": p.end, "text": p.text}
        for d in corpus.documents for p in d.paragraphs
    ]
    return pd.DataFrame(rows, columns=PARAGRAPHS.names)


def shared_frame(corpus: Corpus) -> pd.DataFrame:
    rows = [{"doc_id": s.doc_id, "paragraph": s.paragraph, "other_doc_id": s.other_doc_id,
             "other_paragraph": s.other_paragraph, "share": s.share} for s in corpus.shared]
    return pd.DataFrame(rows, columns=SHARED.names)
