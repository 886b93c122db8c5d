"""Merge the same happening reported by several articles into one timeline entry.

Two events are taken for one happening when their clauses share the words that
say what happened (content lemmas weighted by how rare they are in the corpus,
so that names every article repeats count little), and either their dates agree
or the wording is close enough that a date disagreement is worth flagging rather
than a reason to split. Entries whose sources give different dates are the
*conflicts* the report lists.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from briefbook.chronology.schema import EVENTS
from briefbook.corpus.outlets import joined, source_names
from briefbook.language.similarity import (
    candidate_pairs,
    cosine_with_norms,
    vector_norm,
    weighted_words,
)

#: Cosine similarity of weighted content words above which two events are one happening
#: whatever their dates (a disagreement is then flagged as a conflict) …
SAME_WORDING = 0.55
#: … above which they are one happening when their dates overlap (months, ranges) …
SIMILAR_WORDING = 0.25
#: … and above which they are when both name the very same day: outlets word one
#: happening very differently, and a shared day is strong evidence on its own.
SAME_DAY_WORDING = 0.15


def _range(row) -> tuple[dt.date, dt.date] | None:
    if not row["date"]:
        return None
    first = dt.date.fromisoformat(row["date"] if len(row["date"]) == 10 else row["date"] + "-01")
    return first, dt.date.fromisoformat(row["date_end"])


def dates_agree(a, b) -> bool:
    """Two date readings agree when their days or ranges overlap (a month holds its days)."""
    if a is None or b is None:
        return False
    return a[0] <= b[1] and b[0] <= a[1]


def same_happening(row_a, row_b, similarity: float) -> bool:
    if row_a["doc_id"] == row_b["doc_id"] and row_a["paragraph"] == row_b["paragraph"]:
        return False  # one paragraph dating two clauses states two happenings
    if similarity >= SAME_WORDING:
        return True
    a, b = _range(row_a), _range(row_b)
    if a is not None and a == b and row_a["precision"] == row_b["precision"] == "day":
        return similarity >= SAME_DAY_WORDING
    if similarity >= SIMILAR_WORDING and _next_day(a, b, row_a, row_b):
        return True  # one day apart and alike: the commonest disagreement between outlets
    # A month or a range holds many days: overlapping one says little, so only like
    # precisions merge on overlap (a month with a day needs :data:`SAME_WORDING`).
    return similarity >= SIMILAR_WORDING and row_a["precision"] == row_b["precision"] and dates_agree(a, b)


def _next_day(a, b, row_a, row_b) -> bool:
    if a is None or b is None or not (row_a["precision"] == row_b["precision"] == "day"):
        return False
    return abs((a[0] - b[0]).days) == 1 and row_a["doc_id"] != row_b["doc_id"]


#: No two events whose cosine is below this are ever one happening (see :func:`same_happening`).
LEAST_WORDING = min(SAME_WORDING, SIMILAR_WORDING, SAME_DAY_WORDING)
#: The most days the dates of one entry may span: outlets disagree by a day or two about one
#: happening, never by eleven ("protests erupted … January 2" is not the withdrawal of the 13th),
#: and a chain of pairwise merges must not stretch one entry across a week.
MOST_SPREAD_DAYS = 1


def _joined(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """The span two groups' dates would cover together (None when neither is dated)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


#: In a corpus of thousands of articles about one story, a day holds thousands of events, nearly all
#: alike enough to be compared: each is compared with at most this many others of its day (those
#: sharing its rarest words first), so merging stays near-linear. Fewer, and every pair is compared.
MOST_COMPARED = 50


def _candidate_pairs(rows: list[dict], vectors: list[dict[str, float]]) -> list[tuple[int, int]]:
    """The pairs of events that may be one happening (:func:`same_happening`), in (i, j) order,
    found without comparing every pair of the corpus.

    Alike enough to be one whatever their dates (:data:`SAME_WORDING`): through the index over all
    events. Less alike, two events are one only when their dates agree or are a day apart, so they
    are looked for among the events of one day and the next, of one month (months), or of one
    month a range touches (ranges).
    """
    pairs = set(candidate_pairs(vectors, SAME_WORDING, MOST_COMPARED))
    blocks: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        span = _range(row)
        if span is None:
            continue
        if row["precision"] == "day":  # block d holds the events of day d and of the day after
            keys = [("day", span[0]), ("day", span[0] - dt.timedelta(days=1))]
        else:
            months = (span[1].year - span[0].year) * 12 + span[1].month - span[0].month
            keys = [(row["precision"], (span[0].year * 12 + span[0].month - 1 + k) // 12,
                     (span[0].month - 1 + k) % 12) for k in range(months + 1)]
        for key in keys:
            blocks.setdefault(key, []).append(i)
    for members in blocks.values():
        if len(members) > 1:
            for a, b in candidate_pairs([vectors[i] for i in members], LEAST_WORDING, MOST_COMPARED):
                pairs.add((min(members[a], members[b]), max(members[a], members[b])))
    return sorted(pairs)


def _one_day_each(a: dict[str, dict[dt.date, list[int]]], b: dict[str, dict[dt.date, list[int]]], alike) -> bool:
    """Whether two groups may be one happening as far as their articles' days go.

    Outlets that disagree by a day about one happening are different articles. One article that
    puts two of its clauses on different days ("Wednesday's blasts", "on Thursday the minister
    revised the toll") tells two happenings, and joining them through other articles' wordings
    would chain the day after onto the day itself: the groups stay apart unless the article's own
    clauses on the two days are worded alike (``alike``), as when it reports the disagreement
    itself ("the blaze started late on Monday"; "the fire began on Sept. 14", officials said)."""
    for doc_id, here in a.items():
        there = b.get(doc_id)
        if not there:
            continue
        for day, members in here.items():
            for other_day, others in there.items():
                if other_day != day and not any(alike(i, j) for i in members for j in others):
                    return False
    return True


def assign_timelines(events: pd.DataFrame, idf: dict[str, float]) -> list[str]:
    """A timeline id per event row: ``"tl-"`` + the smallest event id of its group.

    Groups are the connected components of :func:`same_happening`, so adding an
    article only changes an id when it brings a member that sorts first.
    """
    rows = events.to_dict("records")
    vectors = [weighted_words(r["keywords"], idf) for r in rows]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    norms = [vector_norm(v) for v in vectors]
    # each group's span of days (first, last: day-dated members only), kept at its root
    spans: dict[int, tuple[dt.date, dt.date] | None] = {
        i: _range(r) if r["precision"] == "day" else None for i, r in enumerate(rows)}
    # each group's days by article (day-dated members only), kept at its root: see _one_day_each
    days: dict[int, dict[str, dict[dt.date, list[int]]]] = {
        i: {r["doc_id"]: {spans[i][0]: [i]}} if spans[i] is not None else {} for i, r in enumerate(rows)}

    def alike(i: int, j: int) -> bool:
        return cosine_with_norms(vectors[i], vectors[j], norms[i], norms[j]) >= SIMILAR_WORDING
    for i, j in _candidate_pairs(rows, vectors):
        a, b = find(i), find(j)
        if a == b:
            continue  # already one group: the comparison could not change it
        similarity = cosine_with_norms(vectors[i], vectors[j], norms[i], norms[j])
        # Below LEAST_WORDING same_happening is False whatever the dates: skip its date work.
        if similarity >= LEAST_WORDING and same_happening(rows[i], rows[j], similarity):
            joined = _joined(spans[a], spans[b])
            if joined is not None and (joined[1] - joined[0]).days > MOST_SPREAD_DAYS:
                continue  # two happenings days apart, however alike their words
            if not _one_day_each(days[a], days[b], alike):
                continue
            parent[a] = b
            spans[b] = joined if joined is not None else spans[a] or spans[b]
            for doc_id, seen in days.pop(a).items():
                for day, members in seen.items():
                    days[b].setdefault(doc_id, {}).setdefault(day, []).extend(members)
    smallest: dict[int, str] = {}
    for i, row in enumerate(rows):
        root = find(i)
        smallest[root] = min(smallest.get(root, row["event_id"]), row["event_id"])
    return ["tl-" + smallest[find(i)].removeprefix("ev-") for i in range(len(rows))]


def as_read(events: pd.DataFrame) -> pd.DataFrame:
    """events.csv with its declared types, whether it comes straight from the extractor or back from a CSV."""
    return EVENTS.typed(events)


def _label(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _conflicting(group: pd.DataFrame) -> bool:
    ranges = [_range(r) for r in group.to_dict("records")]
    ranges = [r for r in ranges if r is not None]
    return any(not dates_agree(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1:])


def timeline(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per timeline entry, in date order (undated entries last).

    Columns: timeline_id, date (the date most sources give, earliest on a tie),
    date_end, dates (every distinct date, ";"-joined), precision, label, kind,
    sources (outlets), n_sources, conflict, anchor (the paragraph the label
    quotes), anchors (every member's paragraph, ";"-joined, for the links of
    the entries table), event_ids.
    """
    outlets = source_names(documents)
    events = as_read(events)
    entries = []
    for timeline_id, group in events.groupby("timeline_id", sort=False):
        dated = group[group["date"] != ""]
        if len(dated):
            counts = Counter(dated["date"])
            date = min(counts, key=lambda d: (-counts[d], d))
            same = dated[dated["date"] == date]
            # The tersest wording makes the best label; ties go to the first in reading order.
            first = same.assign(_len=same["text"].str.len()).sort_values(["_len", "doc_id", "start"]).iloc[0]
        else:
            date, first = "", group.sort_values(["doc_id", "start"]).iloc[0]
        sources = sorted({outlets.get(d, d) for d in group["doc_id"]})
        entries.append({
            "timeline_id": timeline_id,
            "date": date,
            "date_end": first["date_end"],
            "dates": ";".join(sorted(set(dated["date"]))),
            "precision": first["precision"],
            "label": _label(first["text"]),
            "kind": Counter(group["kind"]).most_common(1)[0][0],
            "sources": joined(sources, "; "),
            "n_sources": group["doc_id"].nunique(),
            "conflict": _conflicting(group),
            "anchor": first["anchor"],
            "anchors": ";".join(dict.fromkeys(group.sort_values(["doc_id", "start"])["anchor"])),
            "event_ids": ";".join(sorted(group["event_id"])),
        })
    frame = pd.DataFrame(entries, columns=[
        "timeline_id", "date", "date_end", "dates", "precision", "label", "kind", "sources", "n_sources",
        "conflict", "anchor", "anchors", "event_ids",
    ])
    frame["_undated"] = frame["date"] == ""
    return frame.sort_values(["_undated", "date", "timeline_id"]).drop(columns="_undated").reset_index(drop=True)


def date_conflicts(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Timeline entries whose sources disagree on the date: one row per source's wording."""
    outlets = source_names(documents)
    events = as_read(events)
    entries = timeline(events, documents)
    flagged = entries[entries["conflict"]]
    rows = []
    for entry in flagged.to_dict("records"):
        members = events[(events["timeline_id"] == entry["timeline_id"]) & (events["date"] != "")]
        for member in members.sort_values(["date", "doc_id", "start"]).to_dict("records"):
            rows.append({
                "timeline_id": entry["timeline_id"],
                "label": entry["label"],
                "doc_id": member["doc_id"],
                "outlet": outlets.get(member["doc_id"], member["doc_id"]),
                "date": member["date"],
                "date_end": member["date_end"],
                "precision": member["precision"],
                "how": member["how"],
                "date_text": member["date_text"],
                "text": member["text"],
                "anchor": member["anchor"],
            })
    return pd.DataFrame(rows, columns=[
        "timeline_id", "label", "doc_id", "outlet", "date", "date_end", "precision", "how", "date_text",
        "text", "anchor",
    ])


def planned_entries(events: pd.DataFrame) -> set[str]:
    """Timeline entries every member of which is a plan or forecast: no happening to date the story by,
    nor to end its span."""
    if "planned" not in events or events.empty:
        return set()
    return {t for t, group in events.groupby("timeline_id") if group["planned"].fillna(False).astype(bool).all()}
