"""The inverted index that replaces all-pairs comparisons finds exactly the pairs brute force finds."""

from __future__ import annotations

import random

import pandas as pd

from briefbook.chronology.timeline import (
    LEAST_WORDING, MOST_SPREAD_DAYS, SIMILAR_WORDING, _joined, _range, assign_timelines, same_happening,
)
from briefbook.language.similarity import (
    candidate_pairs, cosine, nearest_candidates, probe_words, similar_candidates, weighted_words, word_index,
)

WORDS = ["say", "police", "protest", "fire", "mill", "vote", "count", "strike", "port", "flood", "river", "rescue"]


def _random_vectors(seed: int, n: int) -> list[dict[str, float]]:
    rng = random.Random(seed)
    vectors = []
    for _ in range(n):
        # "say" in nearly every vector, like a reporting verb every article repeats.
        words = (["say"] if rng.random() < 0.9 else []) + rng.sample(WORDS[1:], rng.randint(0, 4))
        vectors.append({w: rng.choice([1.0, 1.5, 2.0, 3.5]) for w in words})
    return vectors


def _brute_pairs(vectors, threshold):
    return [
        (i, j) for i in range(len(vectors)) for j in range(i + 1, len(vectors))
        if cosine(vectors[i], vectors[j]) >= threshold
    ]


def test_candidate_pairs_hold_every_pair_brute_force_finds():
    for seed in range(20):
        vectors = _random_vectors(seed, 60)
        for threshold in (0.15, 0.25, 0.55):
            brute = _brute_pairs(vectors, threshold)
            indexed = [(i, j) for i, j in candidate_pairs(vectors, threshold)
                       if cosine(vectors[i], vectors[j]) >= threshold]
            assert indexed == brute
            assert brute  # the example is not vacuous


def test_similar_candidates_hold_every_vector_brute_force_finds():
    vectors = _random_vectors(7, 80)
    index = word_index(vectors)
    for query in _random_vectors(8, 30):
        brute = [i for i, v in enumerate(vectors) if cosine(query, v) >= 0.15]
        assert [i for i in similar_candidates(query, 0.15, index) if cosine(query, vectors[i]) >= 0.15] == brute


def test_nearest_candidates_are_all_candidates_when_few_else_a_bounded_set_through_the_rarest_words():
    vectors = _random_vectors(7, 80)
    index = word_index(vectors)
    for query in _random_vectors(8, 30):
        everyone = similar_candidates(query, 0.15, index)
        assert nearest_candidates(query, 0.15, index, len(everyone) + 1) == everyone
    index = {"say": list(range(1000)), "mill": [500, 900]}
    bounded = nearest_candidates({"say": 3.0, "mill": 3.0}, 0.15, index, 10)
    assert len(bounded) == 10 and {500, 900} <= set(bounded)  # the rare word's holders first


def test_common_light_word_is_not_probed_but_a_heavy_one_is():
    index = {"say": list(range(100)), "fire": [3], "mill": [4]}
    # "say" weighs little against the rest: sharing only it cannot reach the threshold.
    assert probe_words({"say": 1.0, "fire": 5.0, "mill": 5.0}, 0.25, index) == ["fire", "mill"]
    # Alone, or heavy, it must be probed.
    assert probe_words({"say": 1.0}, 0.25, index) == ["say"]
    assert "say" in probe_words({"say": 5.0, "fire": 1.0}, 0.25, index)


def _brute_timelines(events: pd.DataFrame, idf) -> list[str]:
    rows = events.to_dict("records")
    vectors = [weighted_words(r["keywords"], idf) for r in rows]
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    spans = {i: _range(r) if r["precision"] == "day" else None for i, r in enumerate(rows)}
    spans_of = dict(spans)  # each event's own day (``spans`` becomes each group's)
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            a, b = find(i), find(j)
            if a != b and same_happening(rows[i], rows[j], cosine(vectors[i], vectors[j])):
                joined = _joined(spans[a], spans[b])
                if joined is not None and (joined[1] - joined[0]).days > MOST_SPREAD_DAYS:
                    continue
                # one article's two days: its members on each day must include a pair worded alike
                members_a = [k for k in range(len(rows)) if find(k) == a and spans_of[k] is not None]
                members_b = [k for k in range(len(rows)) if find(k) == b and spans_of[k] is not None]
                split = False
                for doc in {rows[k]["doc_id"] for k in members_a} & {rows[k]["doc_id"] for k in members_b}:
                    days_a = {spans_of[k][0] for k in members_a if rows[k]["doc_id"] == doc}
                    days_b = {spans_of[k][0] for k in members_b if rows[k]["doc_id"] == doc}
                    for da in days_a:
                        for db in days_b - {da}:
                            if not any(cosine(vectors[k], vectors[m]) >= SIMILAR_WORDING
                                       for k in members_a if rows[k]["doc_id"] == doc and spans_of[k][0] == da
                                       for m in members_b if rows[m]["doc_id"] == doc and spans_of[m][0] == db):
                                split = True
                if split:
                    continue
                parent[a] = b
                spans[b] = joined if joined is not None else spans[a] or spans[b]
    smallest = {}
    for i, row in enumerate(rows):
        smallest[find(i)] = min(smallest.get(find(i), row["event_id"]), row["event_id"])
    return ["tl-" + smallest[find(i)].removeprefix("ev-") for i in range(len(rows))]


MANY_WORDS = [f"{a}{b}" for a in ("fire", "vote", "flood", "strike", "port") for b in ("", "s", "d", "r", "n", "ing")]


def test_assign_timelines_groups_as_brute_force():
    rng = random.Random(3)
    days = ["2020-03-01", "2020-03-02", "2020-03-05", "2020-04", ""]
    rows = []
    for n in range(40):
        date = rng.choice(days)
        precision = "" if not date else ("month" if len(date) == 7 else "day")
        date_end = "" if not date else ("2020-04-30" if precision == "month" else date)
        words = ["say"] * rng.randint(0, 2) + rng.sample(MANY_WORDS, rng.randint(1, 3))
        rows.append({"event_id": f"ev-{n:04d}", "doc_id": f"d{n % 7}", "paragraph": n % 5, "date": date,
                     "date_end": date_end, "precision": precision, "keywords": " ".join(words)})
    events = pd.DataFrame(rows)
    idf = {"say": 1.0, **{w: 1.0 + rng.random() * 3 for w in MANY_WORDS}}
    expected = _brute_timelines(events, idf)
    assert assign_timelines(events, idf) == expected
    # Some events merge and some stay apart: the comparison is not vacuous.
    assert 1 < len(set(expected)) < len(expected)
    assert LEAST_WORDING > 0


def test_one_article_s_two_days_are_two_happenings_however_other_articles_chain_them():
    """"Wednesday's blasts" and "on Thursday the minister revised the toll" in one article: another
    article's wording alike to both (and a day off from one) must not join them into one entry."""
    def row(n, doc, date, words):
        return {"event_id": f"ev-{n}", "doc_id": doc, "paragraph": n, "date": date, "date_end": date,
                "precision": "day", "keywords": words}

    events = pd.DataFrame([
        row(1, "a", "2031-05-07", "blast crowd memorial"),
        row(2, "a", "2031-05-08", "minister revise toll figure official blast"),
        row(3, "b", "2031-05-08", "blast crowd memorial minister toll"),
    ])
    idf = {w: 2.0 for w in "blast crowd memorial minister revise toll figure official".split()}
    ids = assign_timelines(events, idf)
    assert ids[0] != ids[1]  # article a's two days stay two entries
    assert ids[2] in (ids[0], ids[1])  # article b still joins one of them
    # worded alike, the article's own two days are one happening it dates two ways (a disagreement)
    alike = events.assign(keywords=["blast crowd memorial", "blast crowd memorial", "blast crowd memorial"])
    assert len(set(assign_timelines(alike, idf))) == 1
