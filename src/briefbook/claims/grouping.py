"""Claims across outlets: statements by one speaker that make the same claim share a claim_id.

Method (also stated in the Methods chapter through :data:`GROUPING_METHOD`):
each statement becomes a set of content-word stems (nouns, verbs, adjectives,
proper nouns, numbers; first six letters of the lemma, so "coordinated" and
"coordination" and translation variants meet; near-synonyms from the editable
``claims_concepts.yaml`` also add a shared concept), weighted by inverse
document frequency over all statements of the corpus; a figure ("4,000",
"140") counts :data:`NUMBER_WEIGHT` times, because two outlets rarely print the
same figure by chance. Two statements are as similar as their shared weight
over the geometric mean of their weights (the overlap coefficient, the share
of the shorter one's weight that the other shares, was used before published
articles were annotated: it let a short phrase join every long statement
containing it, at a pairwise precision of 0.27 there). Within one speaker, statements are
joined by average-linkage agglomerative clustering while the similarity
between groups is at least :data:`GROUPING_THRESHOLD`. The threshold is fixed
on purpose: a threshold calibrated on each corpus (a quantile of the
similarities between statements by different speakers, different claims by
definition) was tried and moved between 0.23 and 0.44 with the choice of
articles, so adding one article regrouped unrelated claims. A claim's id is
derived from its smallest member statement id, so adding an article rarely
renames a claim.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from briefbook.language.names import fold
from briefbook.language.similarity import idf_of, ochiai
from briefbook.resources import load_yaml

STEM = 6
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN", "NUM", "X"}  # X: foreign expressions ("coup d'etat")
#: A figure shared by two statements is strong evidence of one claim: its IDF weight counts this many times.
NUMBER_WEIGHT = 2.0
GROUPING_THRESHOLD = 0.3
#: Statements of one speaker given this many days apart or more are two occasions, never one claim.
OCCASION_DAYS = 7
#: Likeness two statements of one speaker in one article need to be one claim (a headline and its lead).
SAME_ARTICLE_THRESHOLD = 0.6
#: A statement of fewer content words than this is a fragment: it joins a claim only at
#: :data:`SAME_ARTICLE_THRESHOLD`.
FRAGMENT_WORDS = 4
GROUPING_METHOD = (
    "Statements by the same canonical speaker are grouped into one claim by average-linkage clustering "
    "of IDF-weighted bags of content-word stems (nouns, verbs, adjectives, proper nouns and numbers, "
    f"lemmas cut to their first {STEM} letters so that translation variants meet, near-synonyms from an "
    f"editable list also counted as one shared concept, figures weighted {NUMBER_WEIGHT:g} times because "
    "outlets rarely share a number by chance); the similarity of two statements is their shared weight "
    "over the geometric mean of their weights (weighted Ochiai coefficient), and two groups merge while "
    f"their average similarity is at least {GROUPING_THRESHOLD}. Precision comes first, because a claim "
    "shown as carried by several outlets when it is not is a false corroboration: statements with no "
    f"speaker are never grouped; statements reported {OCCASION_DAYS} or more days apart are two "
    "occasions, never one claim; two statements that give figures and share none are two claims; a fragment "
    f"of fewer than {FRAGMENT_WORDS} content words joins a claim only where it says nearly the same "
    f"(similarity at least {SAME_ARTICLE_THRESHOLD}); and two "
    "statements of one speaker in one article are one claim only when they say nearly the same "
    f"(similarity at least {SAME_ARTICLE_THRESHOLD}). The claim id is taken from the group's smallest "
    "statement id."
)


@lru_cache(maxsize=1)
def concepts() -> dict[str, str]:
    """lemma -> concept, from the editable ``claims_concepts.yaml`` (near-synonyms)."""
    table = {}
    for concept, lemmas in (load_yaml("claims_concepts.yaml") or {}).items():
        for lemma in lemmas:
            table[lemma.lower()] = "concept:" + concept
    return table


def stems(tokens) -> Counter:
    """Content-word stems of a statement's tokens (spaCy tokens), accents folded, numbers kept.

    Numbers are kept whole ("4,000" is often the very claim two outlets share);
    accents are folded because outlets transliterate place names differently.
    """
    out: Counter = Counter()
    for t in tokens:
        if t.like_num and any(c.isdigit() for c in t.text):
            out[t.text.replace(",", "")] += 1
        elif t.pos_ in CONTENT_POS and not t.is_stop and len(t.text) > 2 and t.is_alpha:
            lemma = fold(t.lemma_)
            out[lemma[:STEM]] += 1
            concept = concepts().get(lemma) or concepts().get(t.lower_)
            if concept:
                out[concept] += 1
    return out


def is_figure(word: str) -> bool:
    """A number kept whole by :func:`stems` (stems of words never start with a digit)."""
    return word[:1].isdigit()


def _weights(bags: Sequence[Counter]) -> list[dict[str, float]]:
    """Each statement's words with their inverse document frequency over all statements.

    Figures weigh :data:`NUMBER_WEIGHT` times their IDF: a shared "140 polling
    stations" says more about a shared claim than a shared common noun.
    """
    idf = idf_of(bags)
    return [{w: idf[w] * (NUMBER_WEIGHT if is_figure(w) else 1.0) for w in bag} for bag in bags]


#: Likeness of two statements (see :func:`briefbook.language.similarity.ochiai`).
similarity = ochiai


def _initial_similarities(members: list[int], vectors: list[dict[str, float]]) -> np.ndarray:
    """Symmetric matrix of :func:`similarity` between the members (``-inf`` on the diagonal).

    Only pairs that share a word are computed (an inverted index finds them):
    the others are exactly 0.0. Each pair is computed once, as
    ``similarity(vectors[i], vectors[j])`` with ``i < j`` would (inlined, with
    each statement's total weight summed once, in the same order), so the
    values are bit for bit those of :func:`similarity`.
    """
    n = len(members)
    sim = np.zeros((n, n))
    postings: dict[str, list[int]] = {}
    for pos, i in enumerate(members):
        for word in vectors[i]:
            postings.setdefault(word, []).append(pos)
    totals = [sum(vectors[i].values()) for i in members]
    for pos, i in enumerate(members):
        a = vectors[i]
        items = list(a.items())
        partners = sorted({other for word in a for other in postings[word] if other > pos})
        for other in partners:
            # similarity(a, b) inlined, same summation order
            b = vectors[members[other]]
            shared = sum([w for word, w in items if word in b])
            sim[pos, other] = sim[other, pos] = shared / math.sqrt(totals[pos] * totals[other])
    np.fill_diagonal(sim, -np.inf)
    return sim


def _average_linkage(members: list[int], vectors: list[dict[str, float]], threshold: float,
                     occasions: Sequence[dt.date | None] | None = None,
                     articles: Sequence[str] | None = None) -> list[list[int]]:
    """Agglomerative clustering, average linkage, stopping below ``threshold``.

    Each merge picks the most similar pair of clusters; on a tie the pair whose
    first cluster comes first in ``members``, then the second (clusters are
    named by their first member, so this is independent of dict or hash
    order). The merged cluster's similarity to every other one is the
    size-weighted mean of the two merged rows (Lance-Williams for average
    linkage, which equals the mean over all member pairs). Instead of a
    search over all pairs after every merge, each row keeps its best partner
    to the right (row-major order is exactly the tie order above); a merge
    only recomputes the rows whose best partner was one of the merged
    clusters, so clustering n statements costs about n^2, not n^3.
    """
    if len(members) < 2:
        return [[i] for i in members]
    sim = _initial_similarities(members, vectors)
    figures = [{w for w in vectors[i] if is_figure(w)} for i in members]
    for a, i in enumerate(members):
        for b in range(a + 1, len(members)):
            j = members[b]
            # cannot-link: a pair that may never be one claim makes every cluster holding both unmergeable
            apart = occasions is not None and occasions[i] and occasions[j] and \
                abs((occasions[i] - occasions[j]).days) >= OCCASION_DAYS
            other_figures = figures[a] and figures[b] and not figures[a] & figures[b]
            same_article = articles is not None and articles[i] == articles[j] and sim[a, b] < SAME_ARTICLE_THRESHOLD
            # a fragment ('a "high human cost"') states no proposition of its own: it joins a claim only
            # where it says nearly what the other says
            fragment = min(len(vectors[i]), len(vectors[j])) < FRAGMENT_WORDS and sim[a, b] < SAME_ARTICLE_THRESHOLD
            if apart or other_figures or same_article or fragment:
                sim[a, b] = sim[b, a] = -np.inf
    clusters = average_linkage_matrix(sim, threshold)
    return [[members[pos] for pos in positions] for positions in clusters]


def average_linkage_matrix(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """:func:`_average_linkage` on a symmetric similarity matrix (changed in place); clusters of row numbers.

    Rows are clusters named by their first row; merges go most similar first,
    ties to the smallest first row, then the smallest second row.
    """
    n = len(sim)
    if n < 2:
        return [[pos] for pos in range(n)]
    np.fill_diagonal(sim, -np.inf)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    right = np.where(upper, sim, -np.inf)  # sim[i, j] for j > i, the pairs in tie order
    best_of_row = right.max(axis=1)
    best_partner = right.argmax(axis=1)  # the first (leftmost) maximum
    del right
    size = [1] * n
    clusters: dict[int, list[int]] = {pos: [pos] for pos in range(n)}  # named by their first row
    alive = np.ones(n, dtype=bool)

    def rescan(rows: np.ndarray) -> None:
        for row in rows:
            tail = sim[row, row + 1:]
            if tail.size:
                k = int(tail.argmax())
                best_of_row[row], best_partner[row] = tail[k], row + 1 + k
            else:
                best_of_row[row] = -np.inf

    while len(clusters) > 1:
        a = int(best_of_row.argmax())  # first row holding the maximum: smallest first cluster
        best = best_of_row[a]
        if best < threshold - 1e-9:  # "at least": a tie must not be lost to rounding
            break
        b = int(best_partner[a])
        na, nb = size[a], size[b]
        clusters[a] += clusters.pop(b)
        size[a] = na + nb
        alive[b] = False
        merged = (na * sim[a] + nb * sim[b]) / (na + nb)
        merged[~alive] = -np.inf
        merged[a] = -np.inf
        sim[a, :] = merged
        sim[:, a] = merged
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        best_of_row[b] = -np.inf
        # rows left of a see a new value in column a and lose column b
        left = np.flatnonzero(alive[:a])
        lost = left[(best_partner[left] == a) | (best_partner[left] == b)]
        kept = left[(best_partner[left] != a) & (best_partner[left] != b)]
        better = kept[(merged[kept] > best_of_row[kept])
                      | ((merged[kept] == best_of_row[kept]) & (best_partner[kept] > a))]
        best_of_row[better] = merged[better]
        best_partner[better] = a
        # rows between a and b only lose column b; row a itself changed entirely
        between = np.flatnonzero(alive[a + 1:b]) + a + 1
        rescan(np.concatenate(([a], lost, between[best_partner[between] == b])))
    return list(clusters.values())




def group_claims(ids: Sequence[str], speakers: Sequence[str], bags: Sequence[Counter],
                 threshold: float = GROUPING_THRESHOLD, occasions: Sequence[dt.date | None] | None = None,
                 no_speaker: frozenset[str] = frozenset(), articles: Sequence[str] | None = None) -> dict[str, str]:
    """statement id -> claim id (``"cl-"`` + smallest member id without its prefix).

    Statements are grouped within one speaker only; a statement with no speaker (``no_speaker``)
    is a claim of its own, since nothing says who made it twice. Two statements whose
    ``occasions`` (the day each was reported) are :data:`OCCASION_DAYS` or more apart are
    never one claim: remarks a month apart are two claims, however alike their words. Two
    statements that both give figures and share none ("612 killed", "655 killed") are two
    claims. Two statements of one speaker in one article (``articles``) are one claim only when
    they say nearly the same (:data:`SAME_ARTICLE_THRESHOLD`): an outlet repeats a claim in its
    headline and lead, but a speaker's successive sentences are successive claims.
    """
    vectors = _weights(bags)
    claim: dict[str, str] = {}
    by_speaker: dict[str, list[int]] = {}
    for i, speaker in enumerate(speakers):
        by_speaker.setdefault(speaker if speaker not in no_speaker else f"\0{i}", []).append(i)
    for members in by_speaker.values():
        for cluster in _average_linkage(members, vectors, threshold, occasions, articles):
            smallest = min(ids[i] for i in cluster)
            for i in cluster:
                claim[ids[i]] = "cl-" + smallest.split("-", 1)[-1]
    return claim
