"""The claims analysis end to end: statements with speakers, frames and claim ids as one table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from briefbook.claims.detect import find_statements
from briefbook.claims.frames import frame_columns
from briefbook.claims.grouping import group_claims, stems
from briefbook.claims.schema import COLUMNS
from briefbook.corpus.model import Corpus, paragraph_anchor
from briefbook.language.dates import dates_by_doc
from briefbook.language.attribution import (
    NO_SPEAKER, Found, Names, Speaker, corpus_nationality, described_then_quoted, learn_genders, learn_names,
    nationality_of, quoted_persons, resolve, same_words_same_speaker,
)
from briefbook.language.ids import STATEMENT, span_id
from briefbook.language.joining import corpus_nations, join_speakers
from briefbook.language.reading import CorpusReading
from briefbook.nlp import Parsed


def statement_id(doc_id: str, start: int, end: int) -> str:
    """A stable id from the row's place in its article (see :mod:`briefbook.language.ids`)."""
    return span_id(STATEMENT, doc_id, start, end)


def credit_speakers(corpus: Corpus, parsed: Parsed, found: dict, names: Names, genders: dict[str, str]
                    ) -> tuple[dict[str, list[tuple[Found, Speaker]]], dict[str, set[str]]]:
    """Each article's statements with their speakers (doc_id -> (statement, speaker) in reading order),
    and the spellings of each speaker joined across the corpus (canonical -> aliases).

    Articles are resolved one by one (:func:`resolve`); then, with every article read, a quotation is
    credited by its words (:func:`same_words_same_speaker`, :func:`described_then_quoted`) and one body's
    spellings are joined (:func:`join_speakers`).
    """
    # an article that names no one country is read as about the corpus's (one event, one country)
    demonyms, everywhere = corpus_nationality(parsed)
    credited = {}
    for document in corpus.documents:
        statements, sightings = found[document.doc_id]
        docs = parsed[document.doc_id]
        nationality = nationality_of(docs, demonyms, nations_only=True) or everywhere or nationality_of(docs, demonyms)
        credited[document.doc_id] = resolve(statements, sightings, names, genders, nationality=nationality)
    texts = {d.doc_id: d.text for d in corpus.documents}
    said = {doc_id: [(texts[doc_id][f.start:f.end], s) for f, s in pairs] for doc_id, pairs in credited.items()}
    # a quotation reprinted from one agency is its one speaker's, whichever outlet names them
    everyone = quoted_persons([pair for pairs in said.values() for pair in pairs])
    for doc_id, pairs in credited.items():
        speakers = same_words_same_speaker(said[doc_id], everyone)
        speakers = described_then_quoted([f for f, _ in pairs], [s for _, s in pairs], speakers)
        credited[doc_id] = [(f, s) for (f, _), s in zip(pairs, speakers)]
    # one body however the outlets write it ("Chile Police" / "Chilean police"), once every article is read
    joined = join_speakers([(s.canonical, s.kind) for pairs in credited.values() for _, s in pairs],
                           corpus_nations(doc for article in parsed.values() for doc in article))
    kind_of = {s.canonical: s.kind for pairs in credited.values() for _, s in pairs}
    aliases: dict[str, set[str]] = {}
    for name, into in joined.items():
        aliases.setdefault(into, set()).update(names.aliases.get(name, {name}))
    for name in {s.canonical for pairs in credited.values() for _, s in pairs} - set(aliases):
        aliases[name] = names.aliases.get(name, {name})
    for doc_id, pairs in credited.items():
        credited[doc_id] = [(f, s if joined.get(s.canonical, s.canonical) == s.canonical else
                             replace(s, canonical=joined[s.canonical], kind=kind_of[joined[s.canonical]]))
                            for f, s in pairs]
    return credited, aliases


def extract_statements(reading: CorpusReading, article_dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per statement (see :data:`COLUMNS`), ordered by doc_id then start.

    ``article_dates`` (the chronology's table) gives each statement its occasion, the day
    its article reports; an article's own date stands in where the table has none. Each
    article's statements are found once and kept (:attr:`CorpusReading.kept`); finding who
    spoke them and grouping them into claims are the corpus-wide passes.
    """
    corpus, parsed = reading.corpus, reading.parsed
    occasion = {doc_id: date.isoformat() if date else ""
                for doc_id, date in dates_by_doc(article_dates, corpus).items()}
    found = reading.of_articles(find_statements)
    names = learn_names(corpus, parsed, [f for fs, _ in found.values() for f in fs])
    genders = learn_genders(list(found.values()), names)
    credited_by_doc, aliases = credit_speakers(corpus, parsed, found, names, genders)
    rows = []
    bags = []
    for document in corpus.documents:
        docs = parsed[document.doc_id]
        for f, speaker in credited_by_doc[document.doc_id]:
            tokens = [t for p, doc in zip(document.paragraphs, docs) if p.start < f.end and f.start < p.end
                      for t in doc if f.start <= p.start + t.idx < f.end]
            text = document.text[f.start:f.end]
            frames, triggers = frame_columns(text)
            rows.append({
                "statement_id": statement_id(document.doc_id, f.start, f.end),
                "doc_id": document.doc_id,
                "paragraph": f.paragraph,
                "anchor": paragraph_anchor(document.doc_id, f.paragraph),
                "speaker": speaker.canonical,
                "speaker_kind": speaker.kind,
                "speaker_text": f.mention.text if f.mention is not None else "",
                "speaker_aliases": ";".join(sorted(aliases[speaker.canonical])),
                "kind": f.kind,
                "cue": f.cue,
                "text": text,
                "start": f.start,
                "end": f.end,
                "frames": frames,
                "frame_triggers": triggers,
                "occasion": occasion[document.doc_id],
            })
            bag = stems(tokens)
            # frames are left out of the bag: they are broad by design and join distinct claims
            bags.append(bag)
    table = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "claim_id"])
    claims = group_claims(list(table["statement_id"]), list(table["speaker"]), bags,
                          occasions=[dt.date.fromisoformat(o) if o else None for o in table["occasion"]],
                          no_speaker=NO_SPEAKER, articles=list(table["doc_id"]))
    table["claim_id"] = table["statement_id"].map(claims)
    table = table.drop_duplicates("statement_id")
    return table.sort_values(["doc_id", "start", "end"]).reset_index(drop=True)[COLUMNS]
