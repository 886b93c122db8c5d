"""Content identity: stable document ids and exact or near duplicates.

The id is a hash of the text with white space folded, so renaming, reordering
or re-saving a file with other line endings keeps its id, and two copies of
one article share one id (an exact duplicate). Near duplicates (the same wire
copy lightly edited by two outlets) are found by word-shingle overlap and noted
on the Sources page; as reprints they also form a family of
:mod:`briefbook.corpus.syndication`, counted as one independent origin.
"""

from __future__ import annotations

import hashlib
import unicodedata

import numpy as np

from briefbook.corpus.syndication import candidate_pairs, shingles, signature

NEAR_DUPLICATE_THRESHOLD = 0.8
_EMPTY = np.array([0], dtype=np.int64)


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def doc_id(text: str) -> str:
    """``doc-`` and the first 10 hex digits of the SHA-256 of the normalized text."""
    return "doc-" + hashlib.sha256(normalized(text).encode("utf-8")).hexdigest()[:10]


def near_duplicates(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[tuple[str, str, float]]:
    """Pairs of keys whose texts share at least ``threshold`` of their word 5-grams (Jaccard).

    Only texts whose MinHash signatures collide in the LSH index of
    :mod:`briefbook.corpus.syndication` are compared, so the pass grows with the corpus,
    not with its square.
    """
    keys = sorted(texts)
    sets = [shingles(texts[key].casefold()) for key in keys]
    pairs = []
    for i, j in sorted(candidate_pairs([signature(values) if len(values) else signature(_EMPTY) for values in sets])):
        a, b = sets[i], sets[j]
        if not len(a) or not len(b):
            continue
        common = len(np.intersect1d(a, b, assume_unique=True))
        similarity = common / (len(a) + len(b) - common)
        if similarity >= threshold:
            pairs.append((*sorted((keys[i], keys[j])), round(similarity, 3)))
    return sorted(pairs)
