"""Claims across outlets: statements by one speaker that make the same claim share a claim_id.

Method (also stated in the Methods chapter through :data:`GROUPING_METHOD`):
each statement becomes a set of content-word stems (nouns, verbs, adjectives,
proper nouns, numbers; first six letters of the lemma, so "coordinated" and
"coordination" and translation variants meet; near-synonyms from the editable
``claims_concepts.yaml`` also add a shared concept), weighted by inverse
document frequency over all statements of the corpus; a figure ("4,000",
"140") counts :data:`NUMBER_WEIGHT` times, because two outlets rarely print the
same figure by chance. Two statements are as similar as the share of the
shorter one's weight that the other shares (a headline and the paragraph
developing it differ mostly in length). Within one speaker, statements are
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

import math
from collections import Counter
from collections.abc import Sequence

from functools import lru_cache

from briefbook.claims.speakers import fold
from briefbook.resources import load_yaml

STEM = 6
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN", "NUM", "X"}  # X: foreign expressions ("coup d'etat")
#: A figure shared by two statements is strong evidence of one claim: its IDF weight counts this many times.
NUMBER_WEIGHT = 2.0
GROUPING_THRESHOLD = 0.25
GROUPING_METHOD = (
    "Statements by the same canonical speaker are grouped into one claim by average-linkage clustering "
    "of IDF-weighted bags of content-word stems (nouns, verbs, adjectives, proper nouns and numbers, "
    f"lemmas cut to their first {STEM} letters so that translation variants meet, near-synonyms from an "
    f"editable list also counted as one shared concept, figures weighted {NUMBER_WEIGHT:g} times because "
    "outlets rarely share a number by chance); the similarity of two statements is the share of the "
    "shorter one's weight that the other shares (weighted overlap coefficient), and two groups merge while "
    f"their average similarity is at least {GROUPING_THRESHOLD}. The claim id is taken from the "
    "group's smallest statement id."
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
    df = Counter(word for bag in bags for word in bag)
    n = len(bags)
    return [{w: (math.log((1 + n) / (1 + df[w])) + 1) * (NUMBER_WEIGHT if is_figure(w) else 1.0) for w in bag}
            for bag in bags]


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted overlap: the share of the *shorter* statement's weight that the other one shares.

    A headline ("X: attack was well prepared") and the paragraph that develops the
    same claim differ mostly in length; cosine would punish the longer one for
    saying more, the overlap coefficient does not.
    """
    if not a or not b:
        return 0.0
    shared = sum(w for word, w in a.items() if word in b)
    return shared / min(sum(a.values()), sum(b.values()))


def _average_linkage(members: list[int], vectors: list[dict[str, float]], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, stopping below ``threshold``.

    Cluster similarities are updated in place after each merge (the
    size-weighted mean of the two merged rows), so a merge costs one pass over
    the current clusters rather than a recomputation over all member pairs.
    """
    clusters: dict[int, list[int]] = {i: [i] for i in members}
    sim: dict[tuple[int, int], float] = {
        (i, j): similarity(vectors[i], vectors[j]) for i in members for j in members if i < j}
    while len(clusters) > 1:
        (a, b), best = max(sim.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
        if best < threshold - 1e-9:  # "at least": a tie must not be lost to rounding
            break
        na, nb = len(clusters[a]), len(clusters[b])
        clusters[a] += clusters.pop(b)
        for c in clusters:
            if c == a:
                continue
            sac = sim.pop((min(a, c), max(a, c)))
            sbc = sim.pop((min(b, c), max(b, c)))
            sim[(min(a, c), max(a, c))] = (na * sac + nb * sbc) / (na + nb)
        del sim[(a, b)]
    return list(clusters.values())


def group_claims(ids: Sequence[str], speakers: Sequence[str], bags: Sequence[Counter],
                 threshold: float = GROUPING_THRESHOLD) -> dict[str, str]:
    """statement id -> claim id (``"cl-"`` + smallest member id without its prefix)."""
    vectors = _weights(bags)
    claim: dict[str, str] = {}
    by_speaker: dict[str, list[int]] = {}
    for i, speaker in enumerate(speakers):
        by_speaker.setdefault(speaker, []).append(i)
    for members in by_speaker.values():
        for cluster in _average_linkage(members, vectors, threshold):
            smallest = min(ids[i] for i in cluster)
            for i in cluster:
                claim[ids[i]] = "cl-" + smallest.split("-", 1)[-1]
    return claim
