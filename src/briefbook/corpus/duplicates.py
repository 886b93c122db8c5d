"""Content identity: stable document ids and exact or near duplicates.

The id is a hash of the text with white space folded, so renaming, reordering
or re-saving a file with other line endings keeps its id, and two copies of
one article share one id (an exact duplicate). Near duplicates (the same wire
copy lightly edited by two outlets) are found by word-shingle overlap and only
reported: they are separate sources.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from itertools import combinations

NEAR_DUPLICATE_THRESHOLD = 0.8
_SHINGLE = 5
_WORD = re.compile(r"\w+")


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def doc_id(text: str) -> str:
    """``doc-`` and the first 10 hex digits of the SHA-256 of the normalized text."""
    return "doc-" + hashlib.sha256(normalized(text).encode("utf-8")).hexdigest()[:10]


def shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < _SHINGLE:
        return frozenset({hash(tuple(words))})
    return frozenset(hash(tuple(words[i : i + _SHINGLE])) for i in range(len(words) - _SHINGLE + 1))


def near_duplicates(texts: dict[str, str], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[tuple[str, str, float]]:
    """Pairs of keys whose texts share at least ``threshold`` of their shingles (Jaccard)."""
    sets = {key: shingles(text) for key, text in texts.items()}
    pairs = []
    for a, b in combinations(sorted(sets), 2):
        sa, sb = sets[a], sets[b]
        small, large = sorted((len(sa), len(sb)))
        if not small or small / large < threshold:
            continue  # Jaccard cannot reach the threshold
        similarity = len(sa & sb) / len(sa | sb)
        if similarity >= threshold:
            pairs.append((a, b, round(similarity, 3)))
    return pairs
