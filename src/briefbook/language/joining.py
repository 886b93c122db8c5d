"""One speaker however the articles of a corpus write it: resolved speakers joined across articles.

:func:`~briefbook.language.names.merge_names` joins the organisation names the
recogniser tagged. The speakers a reader sees are more: a bare "police said"
becomes "Chilean police" (:func:`~briefbook.language.attribution.vetted`), a body
the recogniser missed is a group ("the Peruvian coast guard directorate"), a
name it took for a place stays a place ("according to Xinhua"). One outlet
writes "Chile Police", another "Chilean police"; one "Peruvian officials", another
"Peruvian authorities". This module joins those spellings once every article is
resolved, so that a body is one speaker of the report and of its claims:

* a nation is the same written as its demonym or as its name, before or after
  ("Chilean police" / "Chile Police", "Coast Guard Directorate of Peru"
  / "Peruvian coast guard directorate"); the nations are those the corpus writes
  both ways (:func:`corpus_nations`);
* words are compared as organisations' names are (case, spelling, word order,
  "of"/"for", :func:`~briefbook.language.names.org_words`), with a state's
  plural nouns for its people read as one body (``body_synonyms`` of
  ``claims_roles.yaml``: "officials" and "authorities");
* a name without its nation joins the one spelling with a nation that has the
  same words ("Directorate for Coast Guard"), and a name joins the one name
  that is it with words of kind after it ("Xinhua" / "Xinhua News Agency"),
  as :func:`~briefbook.language.names.merge_names` does for tagged names.

Persons are never joined here (their spellings are merged by name). Where a
join is not unique it is not made: a wrong speaker is worse than two spellings.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from briefbook.language.attribution import demonym_shaped
from briefbook.language.names import fold, org_words, roles, same_place
from briefbook.language.words import organisation_kinds

#: Most words a nation's name runs to ("South Africa", "United Arab Emirates").
NATION_WORDS = 3


def corpus_nations(docs: Iterable) -> dict[str, str]:
    """Folded nation phrase -> one key per nation, for the nations the parsed ``docs`` write both as a
    demonym and as a place ("Chilean" and "Chile", "South African" and "South Africa"): a place named without
    a demonym anywhere (a town, "Xinhua" read as a place) is not taken for a nation."""
    demonyms, places = set(), set()
    for doc in docs:
        for e in doc.ents:
            if e.label_ == "NORP" and demonym_shaped(e.text):
                demonyms.add(fold(e.text))
            elif e.label_ == "GPE" and fold(e.text):
                places.add(fold(e.text))
    # a demonym may fit several spellings of its place ("chilean": "chile", "chile's"): one nation each,
    # whatever order the sets are read in, keyed by its shortest spelling
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for demonym in sorted(demonyms):
        for place in sorted(places):
            if place != demonym and same_place(demonym, place):
                a, b = sorted((root(demonym), root(place)), key=lambda n: (len(n), n))
                parent[b] = a
    return {phrase: root(phrase) for phrase in parent.keys() | set(parent.values())}


def _shape(name: str, nations: dict[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """A name's words (:func:`org_words`, body synonyms read as one) and the nations it names, apart."""
    words = fold(name).split()
    found: set[str] = set()
    rest: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(NATION_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in nations:
                found.add(nations[phrase])
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    synonyms = roles().body_synonyms
    words = (re.sub(r"(.)\1", r"\1", synonyms.get(w, w)) for w in org_words(" ".join(rest)))
    return frozenset(words), frozenset(found)


def join_speakers(speakers: Iterable[tuple[str, str]], nations: dict[str, str]) -> dict[str, str]:
    """Speaker name -> the name of the speaker it is one with, for the ``(name, kind)`` of every resolved
    statement of the corpus (repeats count: of the organisations' spellings, or else of all, the most
    said names the joined speaker).

    Only organisations, groups and places are joined; a name that is only a nation ("Chile") or a
    person is left alone. Names that join nothing map to themselves.
    """
    said: Counter = Counter()
    kinds: dict[str, set[str]] = defaultdict(set)
    for name, kind in speakers:
        if kind in ("org", "group", "place"):
            said[name] += 1
            kinds[name].add(kind)
    shapes = {name: _shape(name, nations) for name in said}
    by_shape: dict[tuple[frozenset[str], frozenset[str]], list[str]] = defaultdict(list)
    for name, shape in shapes.items():
        if shape[0]:
            by_shape[shape].append(name)
    # a shape -> the shape it is one with: without a nation, the one shape with a nation and the same words;
    # the one shape that adds only words of kind ("news agency") to its words, under the same nations
    into: dict[tuple, tuple] = {}
    kind_words = organisation_kinds()
    for shape in by_shape:
        words, places = shape
        if not places:
            placed = [s for s in by_shape if s[0] == words and s[1]]
            if len(placed) == 1:
                into[shape] = placed[0]
                continue
        longer = [s for s in by_shape if s[1] == places and words < s[0] and s[0] - words <= kind_words]
        if len(longer) == 1:
            into[shape] = longer[0]

    def final(shape):
        seen = set()
        while shape in into and shape not in seen:
            seen.add(shape)
            shape = into[shape]
        return shape

    groups: dict[tuple, list[str]] = defaultdict(list)
    for shape, names in by_shape.items():
        groups[final(shape)].extend(names)
    joined = {name: name for name in said}
    for names in groups.values():
        if len(names) < 2 or all("place" in kinds[n] and len(kinds[n]) == 1 for n in names):
            continue
        # a name the recogniser read as an organisation's (written as one) over a group's or a place's,
        # then the most said spelling
        best = max(names, key=lambda n: ("org" in kinds[n], said[n], any(c.isupper() for c in n), len(n), n))
        for name in names:
            joined[name] = best
    return joined
