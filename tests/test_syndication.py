"""Syndicated and copied text: families of articles that share text, and the origin each counts under."""

from __future__ import annotations

from briefbook.corpus import load_corpus
from briefbook.corpus.syndication import (
    UNKNOWN_ORIGIN, candidate_pairs, families, narrative, shared_paragraphs, shingles, signature,
)

#: An invented wire story, one paragraph a line.
WIRE = [
    "Floodwaters swept through the river town of Marlow Bend on Tuesday after three days of rain broke an old "
    "earthen levee north of the market square, forcing hundreds of families onto rooftops and the upper floors "
    "of the grain depot.",
    "Rescue crews in flat-bottomed boats worked through the night to reach people stranded along the eastern "
    "bank, where the water rose faster than anywhere else in the valley and cut the only road to the hospital.",
    "The regional emergency office said 14 people had died and 52 were injured, and warned that the toll could "
    "rise once teams reached the low-lying farms beyond the railway embankment.",
    "Engineers had warned two years ago that the levee, built in the 1950s from packed clay and gravel, was "
    "weakened by burrowing animals and would not hold against a long spell of heavy rain.",
    "Residents who fled to the hills above the town described watching the river carry away cars, fences and "
    "whole sheds as the evening light faded and the power failed across the district.",
    "The governor flew over the flooded valley by helicopter on Wednesday morning and promised money to rebuild "
    "the levee and to repair the bridge that links the town with the provincial capital.",
]


def _write(folder, name: str, title: str, paragraphs: list[str], top: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n\n".join([title, *([top] if top else []), *paragraphs]) + "\n", encoding="utf-8")


def _families(folder):
    corpus = load_corpus(folder)
    files = {d.doc_id: d.file for d in corpus.documents}
    return [({files[m] for m in f.members}, f.origin) for f in corpus.families], corpus


def test_a_trimmed_reprint_under_a_new_headline_and_a_resplit_reprint_are_one_family_with_the_credited_origin(tmp_path):
    _write(tmp_path, "wire.txt", "Levee breaks in Marlow Bend", WIRE, top="MARLOW BEND (AP) — Floods kill 14.")
    _write(tmp_path, "trimmed.txt", "Town under water after levee fails", WIRE[:3] + WIRE[4:5])
    resplit = [WIRE[0] + " " + WIRE[1], *WIRE[2].split(", and "), WIRE[3]]
    _write(tmp_path, "resplit.txt", "Deadly floods in the valley", resplit)
    found, _ = _families(tmp_path)
    assert found == [({"wire.txt", "trimmed.txt", "resplit.txt"}, "AP")]


def test_two_independent_reports_of_the_same_facts_and_quotes_are_not_joined(tmp_path):
    quote = "“We watched the river take everything we had built in twenty years,” said farmer Ilse Varga."
    _write(tmp_path, "one.txt", "Floods in Marlow Bend", [WIRE[0], quote, WIRE[2]])
    _write(tmp_path, "two.txt", "Valley counts its dead", [
        "Fourteen people were killed and 52 hurt when a clay levee gave way in Marlow Bend on Tuesday, the "
        "regional emergency office said, after three days of rain.",
        quote,
        "Boats ferried families from rooftops near the grain depot while the hospital road stayed cut off.",
    ])
    found, corpus = _families(tmp_path)
    assert found == [] and corpus.shared == []


def test_an_uncredited_reprint_of_an_undated_pair_has_no_named_origin(tmp_path):
    _write(tmp_path, "a.txt", "Levee breaks", WIRE)
    _write(tmp_path, "b.txt", "Levee fails", WIRE[1:])
    found, corpus = _families(tmp_path)
    assert found == [({"a.txt", "b.txt"}, UNKNOWN_ORIGIN)]
    family = corpus.families[0]
    assert all(0.5 < share <= 1.0 for share in family.shares.values())


def test_paragraphs_are_compared_near_linearly(tmp_path):
    """500 articles, each with its own text and one in ten reprinting another: the pass finds exactly the
    reprints, and the paragraphs compared are a few per paragraph, not every pair (2,000 paragraphs would
    make two million pairs)."""
    import random

    from briefbook.corpus.model import Document, Paragraph

    vocabulary = [f"w{i}" for i in range(3000)]
    documents = []
    for n in range(500):
        pick = random.Random(n).choice
        own = [" ".join(pick(vocabulary) for _ in range(40)) for _ in range(4)]
        documents.append(own if n % 10 else None)

    docs = []
    for n, paragraphs in enumerate(documents):
        paragraphs = paragraphs or documents[n + 1]  # every tenth article reprints the next one's text
        docs.append(Document(f"doc-{n}", f"{n}.txt", "", [Paragraph(f"doc-{n}", k + 1, 0, 0, text)
                                                          for k, text in enumerate(paragraphs)]))
    signatures = [signature(shingles(narrative(p.text))) for d in docs for p in d.paragraphs]
    assert len(candidate_pairs(signatures)) < 2 * len(signatures), "paragraphs meet only those they collide with"
    found = families(docs, shared_paragraphs(docs))
    assert sorted(tuple(f.members) for f in found) == sorted((f"doc-{n}", f"doc-{n + 1}") for n in range(0, 500, 10))


def test_an_exact_reprint_is_one_article_and_the_copy_is_listed_as_such(tmp_path):
    _write(tmp_path, "wire.txt", "Levee breaks in Marlow Bend", WIRE)
    _write(tmp_path, "copy.txt", "Levee breaks in Marlow Bend", WIRE)
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["copy.txt"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [("wire.txt", "exact duplicate of copy.txt")]


def test_a_lone_agency_credit_line_set_aside_as_interface_text_still_names_the_origin(tmp_path):
    _write(tmp_path, "wire.txt", "Levee breaks in Marlow Bend", [*WIRE, "AP"])
    _write(tmp_path, "trimmed.txt", "Town under water after levee fails", WIRE[:4])
    found, _ = _families(tmp_path)
    assert found == [({"wire.txt", "trimmed.txt"}, "AP")]
