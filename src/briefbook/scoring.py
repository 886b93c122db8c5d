"""Precision, recall and F1 against hand annotations, shared by every analysis.

Gold annotations are written as exact quotes of the seed text (easier to read
and review than offsets); :func:`locate` turns them into offsets. A predicted
span matches a gold span when they overlap by at least half of their union
(:data:`SPAN_OVERLAP`), and each gold span can be matched once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

SPAN_OVERLAP = 0.5

P = TypeVar("P")
G = TypeVar("G")


@dataclass(frozen=True)
class Metric:
    """One line of the accuracy table."""

    corpus: str
    analysis: str
    measure: str
    precision: float | None
    recall: float | None
    f1: float | None
    support: int
    share: float | None = None  # for "share right" measures (e.g. low/high right)


def prf(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positives / predicted if predicted else (1.0 if not gold else 0.0)
    recall = true_positives / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two character spans over their union (0 … 1)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(
    predicted: Sequence[P],
    gold: Sequence[G],
    same: Callable[[P, G], float],
    threshold: float = SPAN_OVERLAP,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by descending score; returns (pred index, gold index) pairs."""
    scored = sorted(
        ((same(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th exact ``quote`` in ``text`` (ValueError if absent)."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ValueError(f"annotation quote not found in text: {quote[:60]!r}")
    return start, start + len(quote)


def pairwise_f1(predicted_groups: dict, gold_groups: dict) -> tuple[float, float, float]:
    """Pairwise precision/recall/F1 of a clustering over the same items.

    Keys are item ids (matched gold items, or any sortable key); values are cluster labels. A pair of
    items is positive when both sit in one cluster.
    """
    items = sorted(set(predicted_groups) & set(gold_groups))
    pred_pairs = {(a, b) for a, b in combinations(items, 2) if predicted_groups[a] == predicted_groups[b]}
    gold_pairs = {(a, b) for a, b in combinations(items, 2) if gold_groups[a] == gold_groups[b]}
    return prf(len(pred_pairs & gold_pairs), len(pred_pairs), len(gold_pairs))
