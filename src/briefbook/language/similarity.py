"""Likeness of two texts as weighted words: IDF weights, cosine, overlap and candidate pairs.

Timeline merging (events), article likeness (undated articles) and claim
grouping (statements) all compare bags of words weighted by how rare each word
is in the corpus, so that names every article repeats count little. They share
one IDF formula, one cosine and one inverted index, so that a pair search that
scales (no all-pairs loop) is written once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from briefbook.resources import load_yaml


def smooth_idf(document_frequency: Counter, total: int) -> dict[str, float]:
    """Smoothed inverse document frequency, ``log((1 + N) / (1 + df)) + 1``, per word."""
    return {word: math.log((1 + total) / (1 + n)) + 1.0 for word, n in document_frequency.items()}


def idf_of(bags: Iterable[Iterable[str]]) -> dict[str, float]:
    """:func:`smooth_idf` over documents given as their (distinct) words."""
    df: Counter = Counter()
    total = 0
    for bag in bags:
        total += 1
        df.update(set(bag))
    return smooth_idf(df, total)


HAPPENINGS_FILE = "chronology_happenings.yaml"


@lru_cache(maxsize=1)
def synonym_groups() -> dict[str, str]:
    """Lemma -> the group of near-synonyms it counts as (``chronology_happenings.yaml``)."""
    groups = load_yaml(HAPPENINGS_FILE)["groups"]
    return {word.lower(): group.upper() for group, words in groups.items() for word in words}


def weighted_words(keywords: str, idf: dict[str, float]) -> dict[str, float]:
    """Weighted words; a word of a near-synonym group counts as the group, with the
    weight of its rarest member, so different wordings of one happening meet."""
    groups = synonym_groups()
    vector: dict[str, float] = {}
    for word in keywords.split():
        key = groups.get(word, word)
        weight = idf.get(word, 1.0)
        vector[key] = vector.get(key, 0.0) + weight
    return vector


def ochiai(a: dict[str, float], b: dict[str, float]) -> float:
    """Shared weight over the geometric mean of the two vectors' weights (a weighted Ochiai coefficient).

    Stricter than the overlap coefficient (the share of the lighter vector's weight the
    other shares) when one text is short: a four-word phrase shared by a long
    paragraph no longer makes the two alike.
    """
    if not a or not b:
        return 0.0
    shared = sum(w for word, w in a.items() if word in b)
    return shared / math.sqrt(sum(a.values()) * sum(b.values()))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return cosine_with_norms(a, b, vector_norm(a), vector_norm(b))


def vector_norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def cosine_with_norms(a: dict[str, float], b: dict[str, float], norm_a: float, norm_b: float) -> float:
    """:func:`cosine` with the norms computed once per vector, for comparing one vector with many."""
    # Words missing from ``b`` would add exact zeros: skipping them gives the very same float.
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = norm_a * norm_b
    return dot / norm if norm else 0.0


def word_index(vectors: list[dict[str, float]]) -> dict[str, list[int]]:
    """Inverted index: word -> the indices of the vectors holding it, ascending."""
    index: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        for word in vector:
            index.setdefault(word, []).append(i)
    return index


def probe_words(vector: dict[str, float], threshold: float, index: dict[str, list[int]]) -> list[str]:
    """The words of ``vector`` a vector must share one of to reach cosine ``threshold`` with it.

    Weights are positive, so a vector sharing none of ``vector``'s words has a
    cosine of 0 with it; sharing only words whose weights have a norm below
    ``threshold`` times ``vector``'s norm, its cosine stays below ``threshold``
    (Cauchy-Schwarz). So the words found in most vectors (the longest index
    lists) are left out while they fit under that bound: a word every article
    repeats no longer makes every pair a candidate. A small margin keeps float
    rounding on the safe side (leaving out fewer words is always safe).
    """
    total = sum(v * v for v in vector.values())
    budget = (threshold * (1 - 1e-6)) ** 2 * total
    left_out = 0.0
    kept = []
    for word in sorted(vector, key=lambda w: (-len(index.get(w, ())), w)):
        weight = vector[word] ** 2
        if left_out + weight < budget:
            left_out += weight
        else:
            kept.append(word)
    return kept


def similar_candidates(
    vector: dict[str, float], threshold: float, index: dict[str, list[int]]
) -> list[int]:
    """Ascending indices of the indexed vectors that may reach cosine ``threshold`` with ``vector``."""
    return sorted({i for word in probe_words(vector, threshold, index) for i in index.get(word, ())})


def nearest_candidates(
    vector: dict[str, float], threshold: float, index: dict[str, list[int]], most: int
) -> list[int]:
    """Ascending indices of at most ``most`` indexed vectors that may reach cosine ``threshold`` with
    ``vector``: all of :func:`similar_candidates` when there are no more, else those found first through
    the vector's rarest words.

    In a corpus that tells one story nearly every pair of articles may reach the threshold, and
    looking at all of them is quadratic: 10,000 articles make 50 million comparisons. Those that
    share the rarest words are the likeliest to be most alike, and the work per vector stays bounded.
    """
    return holders(probe_words(vector, threshold, index), index, most)


def holders(words, index: dict[str, list[int]], most: int, after: int = -1) -> list[int]:
    """Ascending indices above ``after`` of at most ``most`` vectors holding one of ``words``, found
    through the rarest words first (those shared by few are the likeliest to be alike)."""
    found: set[int] = set()
    for word in sorted(words, key=lambda w: (len(index.get(w, ())), w)):
        for i in index.get(word, ()):
            if i > after:
                found.add(i)
                if len(found) >= most:
                    return sorted(found)
    return sorted(found)


def candidate_pairs(vectors: list[dict[str, float]], threshold: float, most: int | None = None) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, that may reach cosine ``threshold``, in (i, j) order.

    A superset of the pairs at or above ``threshold`` (see :func:`probe_words`),
    found through an inverted index instead of comparing all n² pairs. With ``most``,
    each vector is paired with at most that many others (:func:`nearest_candidates`):
    the same pairs while no vector has more candidates, a bounded number when all are alike.
    """
    index = word_index(vectors)
    pairs: set[tuple[int, int]] = set()
    for i, vector in enumerate(vectors):
        near = similar_candidates(vector, threshold, index) if most is None else \
            nearest_candidates(vector, threshold, index, most)
        for j in near:
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)
