"""Reconcile the figures of each (category, who): which reports still stand, and one low/best/high.

Articles repeat, update and contradict each other's counts. The rules are
deliberately simple and stated in :data:`RECONCILIATION_RULES` so the Methods
chapter can print them and a reader can redo the arithmetic by hand from the
mentions table.
"""

from __future__ import annotations

import bisect

import pandas as pd

from briefbook.corpus.outlets import joined, origins, origins_words, source_names, with_source_name
from briefbook.figures.classify import FOREIGN, materiel_kind
from briefbook.figures.nationality import nationality_labels, written_nationality
from briefbook.resources import load_yaml
from briefbook.schema import missing

#: How far from the median of the other standing reports a figure must be to be an outlier (either way).
OUTLIER_FACTOR = 10

RECONCILIATION_RULES: list[str] = [
    "Figures are grouped by what happened (category) and to whom (who); each group is reconciled on its own.",
    "People counted by another nationality than the corpus's are grouped by that nationality: one country's count "
    "of its nationals is reconciled with other counts of the same nationals, never with another country's.",
    "An update replaces the earlier figure from the same source: within one article, a figure the text gives as "
    "an update ('has risen to', 'now') replaces that article's other figures for the group unless they are dated "
    "later; across articles, a figure credited to the same source replaces that source's earlier-dated figure; a "
    "figure the text itself calls earlier ('earlier it was reported') is replaced by any other figure of the group; "
    "a rounded figure ('nearly 4,000', 'about 500') is replaced by an exact count of the same group within a "
    "tenth of it in the same sentence.",
    "Unconfirmed reports ('according to unconfirmed reports', 'could not be verified') are listed and explain "
    "disagreements but do not set the low, best or high.",
    "Low is the smallest lower bound among the standing closed reports (a count, a range, 'about N'). An "
    "open-ended report ('more than N', 'at least N') does not say the count is N, only that it is not less, so "
    "it sets the low only where no closed report is given ('more than 100' beside counts of 412 and 455 "
    "disagrees with neither). High is the largest upper bound, left open when an open-ended report goes beyond "
    "every closed one.",
    "Best is the figure of the most recent standing report (by the date it refers to; an update ranks first among "
    "reports of the same or unknown date, then an exact count before a range); for an open-ended or vague report "
    "the best is its lower bound, the smallest number the words allow, and a floor below the closed counts is "
    "never the best.",
    "A vague magnitude ('scores', 'hundreds') is listed but sets neither the range nor the best where the group "
    "has a figure written as a number. Among people otherwise counted (crowds, pilgrims, survivors) a vague "
    "magnitude ('millions of pilgrims') never sets them: it sizes a crowd, not a count of the event.",
    f"An outlier is shown and flagged, not ranged: a figure written as a number that is more than {OUTLIER_FACTOR} "
    "times larger or smaller than the median of the group's other standing figures, and than the median of those "
    "given within a day of it (a toll that grows tenfold over a week has no outlier). It takes at least three "
    "figures and one other within a day, and the outliers must be fewer than half of them: with two reports, or "
    "no majority that agrees, nothing is set aside.",
    "Open-ended figures count as a floor: 'more than 500' gives low 500 and no high; 'up to N' gives a high "
    "and no low; 'about'/'nearly' keep the stated number and are shown as qualifiers.",
    "A figure that counts part of another ('30 of them remain in hospital', 'four in critical condition') is "
    "listed with its whole and not compared with it.",
    "A group is flagged as a disagreement when its reports' ranges do not all overlap; the explanation says "
    "which differences the text explains (an update, an earlier figure, an unconfirmed report, a projection, a "
    "different date or a different group counted).",
]


def vague_convention() -> list[str]:
    """The vague-magnitude convention, in words, from ``data/figures_numbers.yaml``."""
    data = load_yaml("figures_numbers.yaml")
    lines = [f"'{v['phrase']}' = {v['low']:,} to {v['high']:,}" for v in data["vague"]]
    return lines + ["'several'/'a few' + hundred/thousand… = the same range as the plural"]


COLUMNS = [
    "group_id", "category", "who", "nationality", "reports", "outlets", "sources", "low", "best", "high", "best_figure_id",
    "best_reported_on", "rule", "disagreement", "explanation", "accounts", "standing_ids", "outlier_ids", "figure_ids",
]

CATEGORY_ORDER = ["killed", "injured", "detained", "deployed", "equipment", "other"]


def _number(value) -> int | None:
    return None if missing(value) else int(value)


def _fmt(value: int | None) -> str:
    return "?" if value is None else f"{value:,}"


def _range(row) -> str:
    low, high = _number(row["low"]), _number(row["high"])
    if low is not None and high is None:
        return f"{low:,}+"
    if low is None and high is not None:
        return f"up to {high:,}"
    return _fmt(low) if low == high else f"{_fmt(low)}–{_fmt(high)}"


def _date_key(value) -> str:
    return "" if missing(value) else str(value)


#: Modifiers that make a figure an approximation, not a count.
HEDGES = ("about", "nearly", "up_to", "more_than", "at_least")


#: Hedges that round a number ("nearly 4,000", "about 500"), and how far the exact count may be from it.
ROUNDING_HEDGES = ("about", "nearly")
ROUNDING_SHARE = 0.1


def _rounded_beside_exact(row, rows) -> bool:
    """``row`` rounds a count that its own sentence also gives exactly ("nearly 4,000 … 3,940 of them had
    fled"): the exact count of the same group within a tenth of it stands, the rounded one is replaced.
    ``rows``: the group's rows of the same article and sentence (or more)."""
    hedge = getattr(row, "modifier", row.qualifier)
    if hedge not in ROUNDING_HEDGES or missing(row.low) or not getattr(row, "sentence", ""):
        return False
    return any(r.figure_id != row.figure_id and r.doc_id == row.doc_id and r.sentence == row.sentence
               and getattr(r, "modifier", r.qualifier) not in HEDGES and not missing(r.low) and r.low == r.high
               and abs(_number(r.low) - _number(row.low)) <= ROUNDING_SHARE * _number(row.low) for r in rows)


def superseded(group: pd.DataFrame) -> dict[str, str]:
    """figure_id -> why it no longer stands (an update, a later report of the same source, an earlier figure).

    Each rule looks at the rows it can concern only (the same sentence, article or source), found
    through an index: a group of a corpus of thousands of articles holds tens of thousands of rows."""
    out: dict[str, str] = {}
    rows = list(group.itertuples(index=False))
    by_sentence: dict[tuple, list] = {}
    updates_in: dict[str, list] = {}
    by_source: dict[str, list] = {}
    for r in rows:
        by_sentence.setdefault((r.doc_id, getattr(r, "sentence", "")), []).append(r)
        if r.qualifier == "update":
            updates_in.setdefault(r.doc_id, []).append(r)
        by_source.setdefault((r.attribution or "").strip().lower(), []).append(r)
    standing_kinds = sum(1 for r in rows if r.qualifier not in ("earlier", "unconfirmed"))
    later_of: dict[str, object] = {}
    for row in rows:
        if _rounded_beside_exact(row, by_sentence[(row.doc_id, getattr(row, "sentence", ""))]):
            out[row.figure_id] = "given more exactly in the same sentence"
            continue
        if row.qualifier == "earlier" and standing_kinds:  # a row of another kind than "earlier" is another row
            out[row.figure_id] = "given by the text as an earlier figure"
            continue
        updates = [r for r in updates_in.get(row.doc_id, ()) if r.figure_id != row.figure_id
                   and _number(r.low) != _number(row.low)]
        if row.qualifier != "update" and any(_date_key(row.reported_on) <= _date_key(u.reported_on) or
                                             not _date_key(u.reported_on) for u in updates):
            out[row.figure_id] = "replaced by an update in the same article"
            continue
        source = (row.attribution or "").strip().lower()
        if source and _date_key(row.reported_on):
            if source not in later_of:
                later_of[source] = _figures_after(by_source[source])
            after = later_of[source](_date_key(row.reported_on))
            if after - {(_number(row.low), _number(row.high))}:
                out[row.figure_id] = "replaced by a later figure from the same source"
    return out


def _figures_after(rows: list):
    """For one source's rows: a function of one of their date keys giving (up to two of) the distinct
    figures (low, high) the source gave on a later date. Two are enough to tell whether one differs
    from a given figure, and keep the work linear in the source's rows."""
    by_date: dict = {}
    for r in rows:
        by_date.setdefault(_date_key(r.reported_on), set()).add((_number(r.low), _number(r.high)))
    seen: set = set()
    after: dict = {}
    for date in sorted(by_date, reverse=True):  # latest first
        after[date] = frozenset(seen)
        for figure in by_date[date]:
            if len(seen) >= 2:
                break
            seen.add(figure)
    return lambda date: after.get(date, frozenset())


def _best(standing: pd.DataFrame):
    ranked = standing.assign(
        _date=standing["reported_on"].map(_date_key),
        _update=(standing["qualifier"] == "update").astype(int),
        # an exact count beats a hedged one given on one day ("nearly 500" … "480")
        _exact=((standing["low"] == standing["high"]).fillna(False)
                & ~standing.get("modifier", standing["qualifier"]).isin(HEDGES)).astype(int),
    ).sort_values(["_date", "_update", "_exact", "doc_id", "start"], ascending=[False, False, False, True, True])
    ranked = ranked[ranked["low"].notna()]
    return ranked.iloc[0] if len(ranked) else None


def _far(value: float, middle: float | None, factor: float) -> bool:
    """``value`` is more than ``factor`` times larger or smaller than ``middle`` (a median; None: no others)."""
    return middle is not None and middle > 0 and (value > factor * middle or value * factor < middle)


def _median_without(ordered: list[float], value: float) -> float | None:
    """The median of ``ordered`` (sorted) with one ``value`` taken out, None when nothing is left: each
    figure's "median of the others" without sorting the others again (a group may hold thousands)."""
    left = len(ordered) - 1
    if left <= 0:
        return None
    at = bisect.bisect_left(ordered, value)

    def rank(k: int) -> float:
        return ordered[k] if k < at else ordered[k + 1]

    return float(rank(left // 2)) if left % 2 else (rank(left // 2 - 1) + rank(left // 2)) / 2


def _day(value) -> pd.Timestamp | None:
    return None if missing(value) or not str(value) else pd.Timestamp(str(value))


def outliers(counts: pd.DataFrame, factor: float = OUTLIER_FACTOR) -> list[str]:
    """figure_ids of the counts far from the others, by the outlier rule of :data:`RECONCILIATION_RULES`.

    ``counts`` are a group's standing figures written as numbers; each is read at its
    lower bound (its upper bound when open below). A figure is an outlier when it is
    more than ``factor`` times from the median of the group's other figures and from
    that of the figures given within a day of it: '2' among tolls of 84 to 95 given the
    same week is one, while a toll that grew from 5 to 204 over a week is not (its
    small early reports are not near the large late ones in time). Fewer than three
    figures, or outliers that would be half of them, keep every figure: then no rule
    can say which one is off.
    """
    values = [(row.figure_id, _number(row.low) if not missing(row.low) else _number(row.high),
               _day(getattr(row, "reported_on", None))) for row in counts.itertuples(index=False)]
    values = [v for v in values if v[1] is not None]
    if len(values) < 3:
        return []
    everything = sorted(v for _, v, _ in values)
    undated = [v for _, v, d in values if d is None]
    by_day: dict = {}
    for _, v, d in values:
        if d is not None:
            by_day.setdefault(d, []).append(v)
    near_day: dict = {}  # day -> the sorted figures given within a day of it, or with no day

    def within_a_day(day) -> list[float]:
        if day not in near_day:
            near_day[day] = sorted(undated + [v for k in (-1, 0, 1)
                                              for v in by_day.get(day + pd.Timedelta(days=k), [])])
        return near_day[day]

    off = []
    for fid, value, day in values:
        near = everything if day is None else within_a_day(day)
        if _far(value, _median_without(everything, value), factor) and _far(value, _median_without(near, value), factor):
            off.append(fid)
    return off if 2 * len(off) < len(values) else []


def _overlap(frame: pd.DataFrame) -> bool:
    lows = [_number(v) for v in frame["low"] if not missing(v)]
    highs = [_number(v) for v in frame["high"] if not missing(v)]
    if not lows or not highs:
        return True
    return max(lows) <= min(highs)


def _days(values) -> str:
    """The days some reports refer to, as an analyst writes them: "13 Mar 2029", "13 to 15 Mar 2029"."""
    days = sorted({_date_key(v) for v in values if _date_key(v)})
    if not days:
        return "undated"
    first, last = pd.Timestamp(days[0]), pd.Timestamp(days[-1])
    end = f"{last.day} {last.strftime('%b %Y')}"
    if first == last:
        return end
    if first.year != last.year:
        return f"{first.day} {first.strftime('%b %Y')} to {end}"
    return f"{first.day}{first.strftime(' %b') if first.month != last.month else ''} to {end}"


#: What became of a report, in the order a reader weighs them: a figure given by several reports is one
#: line, with the status of the report that counts most (a copy that stands outranks a replaced one).
_STANDS = ("the best figure", "stands")


def _status(row, best_id, gone: dict[str, str], ranged_ids: set[str], off, floors: set[str]) -> str:
    if row.figure_id == best_id:
        return "the best figure"
    if row.figure_id in off:
        return f"an outlier (more than {OUTLIER_FACTOR} times from the others): shown, not ranged"
    if row.figure_id in gone:
        return gone[row.figure_id]
    if row.qualifier == "unconfirmed":
        return "unconfirmed: set aside"
    if row.figure_id not in ranged_ids:
        return "a vague magnitude: listed, not ranged"
    if row.qualifier == "up_to":
        return "stands, as a ceiling or projection"
    if row.figure_id in floors:
        return "stands, as a floor the counts agree with"
    return "stands"


def _as_written(row) -> str:
    words = {"about": "about ", "nearly": "nearly "}.get(row.qualifier, "")
    return words + _range(row._asdict())


def accounts(group: pd.DataFrame, gone: dict[str, str], ranged: pd.DataFrame, off, best_id, floors: set[str],
             origin_of: dict[str, str] | None = None, names: dict[str, str] | None = None) -> list[str]:
    """The group's reports, one line per figure they give: the figure, what became of it, who gave it and when.

    "655: the best figure (outlet unknown (file a.txt); 15 Mar 2029)". A figure given by several
    reports is one line naming every source, so a figure is never both an update and an earlier
    figure in one explanation; its status is that of its report that counts most. Where some of its
    sources reprint one another (``origin_of``, ``names``: :func:`~briefbook.corpus.outlets.origins`
    and ``source_names``), they are listed under their origin: "612: stands (3 reports: AP, reprinted by 3; …)".
    """
    ranged_ids = set(ranged["figure_id"])
    lines: dict[str, dict] = {}
    for row in group.itertuples(index=False):
        status = _status(row, best_id, gone, ranged_ids, off, floors)
        line = lines.setdefault(_as_written(row), {"statuses": [], "sources": [], "docs": [], "days": [], "n": 0})
        line["statuses"].append(status)
        line["sources"].append(row.outlet or row.file)
        line["docs"].append(row.doc_id)
        line["days"].append(row.reported_on)
        line["n"] += 1

    def rank(status: str) -> int:
        return _STANDS.index(status) if status in _STANDS else 1 if status.startswith("stands") else 2

    out = []
    for figure, line in lines.items():
        status = min(line["statuses"], key=rank)
        order = rank(status)
        # a copy that stands, beside copies that do not: say so, or "stands (3 reports)" reads as three
        gone = list(dict.fromkeys(s for s in line["statuses"] if rank(s) > 1)) if order <= 1 else []
        if gone:
            count = sum(1 for s in line["statuses"] if rank(s) > 1)
            status += f", {count} of its reports not ({', '.join(gone)})"
        reports = f"{line['n']} reports: " if line["n"] > 1 else ""
        reprinted = origin_of and names and any(origin_of.get(d, d) != names.get(d, d) for d in line["docs"])
        sources = origins_words(dict.fromkeys(line["docs"]), origin_of, names)[1] if reprinted else joined(line["sources"])
        out.append((order, f"{figure}: {status} ({reports}{sources}; {_days(line['days'])})"))
    return [text for _, text in sorted(out, key=lambda pair: pair[0])]


def _explain(group: pd.DataFrame, gone: dict[str, str], standing: pd.DataFrame, parts: pd.DataFrame,
             off: list[str] = ()) -> str:
    """Why the group's reports differ, one clause per reason; the figures themselves are in :func:`accounts`."""
    reasons: list[str] = []
    if off:
        reasons.append(f"{len(off)} outlier{'s' if len(off) > 1 else ''}, more than {OUTLIER_FACTOR} times from "
                       "the median of the other reports, shown but not ranged")
        standing = standing[~standing["figure_id"].isin(off)]
    for why, count in pd.Series(list(gone.values()), dtype=object).value_counts(sort=False).items():
        reasons.append(f"{count} {why}")
    unconfirmed = int((group["qualifier"] == "unconfirmed").sum())
    if unconfirmed:
        reasons.append(f"{unconfirmed} unconfirmed, set aside")
    ceilings = int((group["qualifier"] == "up_to").sum())
    if ceilings:
        reasons.append(f"{ceilings} ceiling{'s' if ceilings > 1 else ''} or projection{'s' if ceilings > 1 else ''}, "
                       "not counts")
    dates = sorted({_date_key(d) for d in standing["reported_on"] if _date_key(d)})
    if len(dates) > 1 and not _overlap(standing):
        reasons.append(f"the standing reports refer to different dates ({_days(dates)})")
    counted = sorted({str(c).lower() for c in standing["counted"] if c})
    if not _overlap(standing) and len(counted) > 1:
        reasons.append("the reports count differently named groups (" + ", ".join(counted) + ")")
    if len(parts):
        reasons.append(f"{len(parts)} figure(s) count a part of another figure ('… of them') and are not "
                       "compared: " + ", ".join(_range(r) for _, r in parts.iterrows()))
    if not _overlap(standing) and not [r for r in reasons if "part of" not in r]:
        reasons.append("the text does not explain the difference")
    return "; ".join(reasons)


def nationalities(frame: pd.DataFrame) -> list[str]:
    """Per figure, the nationality of the foreign nationals it counts ("" for every other group)."""
    foreign = frame["who"] == FOREIGN
    written = [written_nationality(r.text, r.counted, r.sentence, r.attribution)
               for r in frame[foreign].reindex(columns=["text", "counted", "sentence", "attribution"]).itertuples()]
    labels = iter(nationality_labels(written))
    return [next(labels) if is_foreign else "" for is_foreign in foreign]


def reconcile(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (category, who) with reports, outlets, low/best/high, the rule applied and any disagreement.

    ``documents`` (doc_id, outlet, title, file, published) names the outlet of
    each figure when the figures frame does not carry it.
    """
    if figures.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = with_source_name(figures, documents)
    origin_of, names = origins(documents), source_names(documents)
    rows = []
    parts = frame[frame["part_of"].fillna("") != ""] if "part_of" in frame else frame.iloc[0:0]
    frame = frame[~frame.index.isin(parts.index)]
    # materiel is reconciled by kind: planes, seized weapons and vehicles are three figures, not one
    frame = frame.assign(who=[materiel_kind(str(c)) if cat == "equipment" else w
                              for cat, w, c in zip(frame["category"], frame["who"], frame["counted"])])
    frame = frame.assign(nationality=nationalities(frame))
    for (category, who, nationality), group in frame.groupby(["category", "who", "nationality"], sort=False):
        gone = superseded(group)
        standing = group[~group["figure_id"].isin(gone) & (group["qualifier"] != "unconfirmed")]
        if standing.empty:
            standing = group[~group["figure_id"].isin(gone)]
        # a vague magnitude ("scores", "hundreds") is listed, but numbers set the range where there are any;
        # a crowd's size ("millions of pilgrims") never sets one
        counts = standing[~standing["vague"].fillna(False).astype(bool)] if "vague" in standing else standing
        ranged = counts if len(counts) or category == "other" else standing
        off = outliers(ranged)
        ranged = ranged[~ranged["figure_id"].isin(off)]
        closed = [_number(v) for v in ranged["high"] if not missing(v)]
        # a floor below the closed counts agrees with them: it neither widens the range nor is the best,
        # and its line says so
        lows = ([_number(r.low) for r in ranged.itertuples() if not missing(r.low) and not missing(r.high)]
                or [_number(v) for v in ranged["low"] if not missing(v)])
        floors = set(ranged.loc[ranged["low"].notna() & ranged["high"].isna() & (ranged["low"] < min(lows)),
                                "figure_id"]) if lows else set()
        best_row = _best(ranged[~ranged["figure_id"].isin(floors)])
        # an analyst's correction may name the figure the group stands at (corrections.yaml)
        marked = group[[v == True for v in group["standing"]]] if "standing" in group else group.iloc[0:0]  # noqa: E712
        if len(marked) and not missing(marked.iloc[0]["low"]):
            best_row = marked.sort_values(["doc_id", "start"]).iloc[0]
        open_floors = [_number(r.low) for r in ranged.itertuples() if missing(r.high) and not missing(r.low)]
        high = max(closed) if closed else None
        if open_floors and (high is None or max(open_floors) > high):
            high = None
        rule = []
        if gone:
            rule.append(f"{len(gone)} replaced")
        if (group["qualifier"] == "unconfirmed").any():
            rule.append("unconfirmed set aside")
        if len(ranged) + len(off) < len(standing):
            rule.append("vague magnitudes listed, not ranged")
        if off:
            rule.append(f"{len(off)} outlier{'s' if len(off) > 1 else ''} shown, not ranged")
        rule.append("best = marked standing by an analyst's correction" if len(marked) and best_row is not None
                    and best_row["figure_id"] == marked.iloc[0]["figure_id"] else
                    "best = most recent standing report" if len(standing) > 1 else "best = the only standing report")
        if open_floors:
            rule.append("open-ended counts as a floor")
        rows.append({
            # from content, so it survives adding articles
            "group_id": f"{category}/{who}" + (f"/{nationality}" if nationality else ""),
            "category": category,
            "who": who,
            "nationality": nationality,
            "reports": len(group),
            "outlets": joined(group["outlet"]),
            "sources": "; ".join(sorted({a for a in group["attribution"] if a})),
            "low": min(lows) if lows else None,
            "best": None if best_row is None else int(best_row["low"]),
            "high": high,
            "best_figure_id": None if best_row is None else best_row["figure_id"],
            "best_reported_on": None if best_row is None or missing(best_row["reported_on"]) else best_row["reported_on"],
            "rule": "; ".join(rule),
            "disagreement": not _overlap(group.dropna(subset=["low"], how="all")),
            "explanation": _explain(group, gone, standing, parts[parts["part_of"].isin(group["figure_id"])], off),
            "accounts": accounts(group, gone, ranged, off, None if best_row is None else best_row["figure_id"],
                                 floors, origin_of, names),
            "standing_ids": list(standing["figure_id"]),
            "outlier_ids": off,
            "figure_ids": list(group["figure_id"]),
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("low", "best", "high"):
        out[column] = out[column].astype("Int64")
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    out["_order"] = out["category"].map(lambda c: order.get(c, len(order)))
    # within a category the most reported group first: the toll of people, not four attackers, leads
    out["_reports"] = -out["reports"]
    # and counts by nationality, parts of the toll, after every other group of the category
    out["_part"] = out["who"] == FOREIGN
    out = out.sort_values(["_order", "_part", "_reports", "who", "nationality"])
    return out.drop(columns=["_order", "_part", "_reports"]).reset_index(drop=True)


def documents_frame(corpus) -> pd.DataFrame:
    """The ``documents`` table reconcile expects, from a :class:`~briefbook.corpus.Corpus`."""
    return pd.DataFrame(
        [{"doc_id": d.doc_id, "outlet": d.outlet, "title": d.title, "file": d.file, "published": d.published}
         for d in corpus.documents],
        columns=["doc_id", "outlet", "title", "file", "published"],
    )
