"""Who and where the corpus is about: named entities counted across articles.

Used for the corpus at a glance on the first page and for the report's title,
so that a report on other seeds is titled after its own subject.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import pandas as pd

from briefbook.corpus import Corpus
from briefbook.schema import table

if TYPE_CHECKING:  # importing spaCy costs a second the report's title does not need
    from briefbook.nlp import Parsed

ENTITIES = table("entities", "one named person, place, organisation or group, counted across the corpus", [
    ("entity", "string", "the name as written most often, without a leading 'the' or a possessive"),
    ("kind", "string", "person, place, organisation, group or other: the kind the recogniser gives the name most "
                       "often (a one-word person no full name of the corpus holds is other; a one-word organisation that is a "
                       "full name's surname is a person)"),
    ("mentions", "integer", "times it is named in running text (captions and credits left out)"),
    ("articles", "integer", "articles that name it"),
], primary_key=("entity",))

#: spaCy labels worth counting, and the words the report uses for them.
KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "organisation", "NORP": "group"}


def _name(text: str) -> str:
    text = " ".join(text.split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.removesuffix("’s").removesuffix("'s")


def settle_kinds(kinds: dict[str, Counter]) -> dict[str, str]:
    """Each name's kind: the one the recogniser gives it most often; but a one-word "person" that no
    longer person name of the corpus holds ("Carnival", "Malecon") is no person the articles name in full,
    and is listed as "other" rather than charted as someone; and a one-word "organisation" that is the
    surname of a person the corpus names in full ("Ruiz" of "Ana Ruiz") is that person."""
    chosen = {name: min(counts, key=lambda k: (-counts[k], k)) for name, counts in kinds.items()}
    full_names = [name.split() for name, kind in chosen.items() if kind == "person" and " " in name]
    words_of_persons = {w for words in full_names for w in words}
    surnames = {words[-1] for words in full_names}

    def settled(name: str, kind: str) -> str:
        if " " in name:
            return kind
        if kind == "person" and name not in words_of_persons:
            return "other"
        return "person" if kind == "organisation" and name in surnames else kind

    return {name: settled(name, kind) for name, kind in chosen.items()}


def entity_counts(corpus: Corpus, parsed: "Parsed") -> pd.DataFrame:
    """Mentions and articles per named entity, most mentioned first."""
    mentions: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document in corpus.documents:
        for paragraph, doc in zip(document.paragraphs, parsed[document.doc_id]):
            if paragraph.role in ("caption", "credit"):
                continue
            for ent in doc.ents:
                kind = KINDS.get(ent.label_)
                if kind:
                    key = (_name(ent.text), kind)
                    mentions[key] += 1
                    articles[key].add(document.doc_id)
    # one row per name: the recogniser tags one word differently from sentence to sentence ("Harwick" a
    # place eleven times, an organisation three), so the name takes the kind it is given most often
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, kind), n in mentions.items():
        kinds[name][kind] += n
    settled = settle_kinds(kinds)
    rows = [
        {"entity": name, "kind": settled[name], "mentions": sum(counts.values()),
         "articles": len(set().union(*(articles[(name, k)] for k in counts)))}
        for name, counts in kinds.items()
    ]
    frame = pd.DataFrame(rows, columns=ENTITIES.names)
    return frame.sort_values(["articles", "mentions", "entity"], ascending=[False, False, True]).reset_index(drop=True)


def subject(entities: pd.DataFrame) -> str:
    """The place the corpus is most about (else its most mentioned entity), or empty."""
    if entities.empty:
        return ""
    places = entities[entities["kind"] == "place"]
    top = places if not places.empty else entities
    return str(top.iloc[0]["entity"])


def report_title(entities: pd.DataFrame) -> str:
    """A title for the report that follows the corpus's main subject.

    The title is printed in every page's header, so it leaves out what changes with each added article
    (their count, which the front page gives): a title that changed would make Sphinx rewrite every page
    of the site for one new article.
    """
    about = subject(entities)
    return f"{about}: claims, figures and chronology from the news" if about else "Claims, figures and chronology from the news"
