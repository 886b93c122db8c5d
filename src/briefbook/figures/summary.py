"""Plain sentences from the computed figures, for the report's prose.

Every number in a sentence comes from the reconciled table or the figures
frame; nothing is written by hand, so the prose changes when the seeds do.
"""

from __future__ import annotations

import pandas as pd

from briefbook.corpus.outlets import UNKNOWN, origins, origins_words, source_name, source_names
from briefbook.figures.classify import FOREIGN
from briefbook.figures.dates import inferred
from briefbook.language.dates import date_words as day_words

_WHAT = {
    "killed": "killed",
    "injured": "injured",
    "detained": "detained",
    "deployed": "deployed",
    "equipment": "pieces of materiel reported",
    "other": "otherwise counted",
}
_WHO = {
    "people": "people",
    "civilians": "civilians",
    "security_forces": "members of the security forces",
    "children": "children",
    "protesters": "protesters",
    "attackers": "attackers",
    "troops": "troops",
    "other": "others",
    FOREIGN: "foreign nationals",
}


def _n(value) -> str:
    return f"{int(value):,}"


def range_words(low, high) -> str:
    """A reconciled range in words: "84 to 95", "at least 700", "up to 30"."""
    if pd.notna(low) and pd.isna(high):
        return f"at least {_n(low)}"
    if pd.isna(low) and pd.notna(high):
        return f"up to {_n(high)}"
    if pd.isna(low):
        return "an unknown number"
    return _n(low) if int(low) == int(high) else f"{_n(low)} to {_n(high)}"


def as_of(value, how: object = "") -> str:
    """ "as of 15 March 2029", "as of 15 March 2029, date inferred" where the day is an
    article date the chronology only inferred (``how``: the figure's reported_on_how), or "undated"."""
    if not day_words(value):
        return "undated"
    return f"as of {day_words(value)}" + (", date inferred" if inferred(how) else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _clause(sentence: str, number: str, width: int = 60) -> str:
    """The words around a figure in its sentence, so a count by nationality says whose it is."""
    at = sentence.find(number)
    if at < 0:
        return sentence[:width]
    start = max(0, at - width // 2)
    # the caller quotes it: the sentence's own quotation marks at its ends would double them (““…)
    words = sentence[start:start + width].strip().strip("“”\"'‘’")
    return ("…" if start else "") + words + ("…" if start + width < len(sentence) else "")


def subject(category: str, who: str) -> str:
    """What a group counts, in words: "people killed", "troops deployed"."""
    what = _WHAT.get(category, category)
    whom = _WHO.get(who, str(who).replace("_", " "))
    return f"{whom} {what}" if category != "equipment" else what


def standing_articles(row, figures: pd.DataFrame) -> int:
    """How many articles a reconciled group's standing reports (outliers left out) come from: reports
    that agree within one article (a headline, its lead, a quotation) are one account, not a confirmation."""
    off = set(row.get("outlier_ids", []) or [])
    standing = [i for i in (row.get("standing_ids", []) or []) if i not in off]
    return int(figures.loc[figures["figure_id"].isin(standing), "doc_id"].nunique())


def ranges_title(reconciled: pd.DataFrame, figures: pd.DataFrame | None = None) -> str:
    """The finding of the reconciled-ranges chart: the leading group's best figure and its reports' range
    (with ``figures``, reports that agree all within one article are said to be one article's)."""
    if reconciled.empty:
        return "The articles give no figure to reconcile"
    row = reconciled.iloc[0]  # the first category's most reported group
    what = subject(row["category"], row["who"])
    what = what[:1].upper() + what[1:]
    if pd.isna(row["best"]):
        return f"{what}: reported as {range_words(row['low'], row['high'])}"
    if pd.notna(row["low"]) and pd.notna(row["high"]) and row["low"] == row["high"]:
        if figures is not None and len(row.get("standing_ids", []) or []) > 1 and standing_articles(row, figures) == 1:
            return f"{what}: {_n(row['best'])}, as every standing report gives it, all in one article"
        return f"{what}: {_n(row['best'])}, and every standing report agrees"
    return f"{what}: {_n(row['best'])} by the most recent report; reports range from {range_words(row['low'], row['high'])}"


def by_source_title(figures: pd.DataFrame) -> str:
    """The finding of the figures-by-source chart: how many figures, from how many articles, most of what."""
    if figures.empty:
        return "The articles give no figures"
    groups = figures.groupby(["category", "who"]).size().sort_values(ascending=False)
    (category, who), most = groups.index[0], int(groups.iloc[0])
    return (f"{_plural(len(figures), 'figure')} in {_plural(figures['doc_id'].nunique(), 'article')}; "
            f"the most given is the number of {subject(category, who)} ({_plural(most, 'report')})")


def who_labels(reconciled: pd.DataFrame) -> list[str]:
    """The Who column of the reconciled table: a count by nationality says whose ("foreign nationals: Veldonian")."""
    nationality = reconciled.get("nationality", pd.Series("", index=reconciled.index)).fillna("")
    return [f"{who}: {n}" if n else who for who, n in zip(reconciled["who"], nationality)]


def group_label(category: str, who: str, nationality: str = "") -> str:
    """What a reconciled group counts, as a row's label: "People killed", "Ostmarker nationals killed"."""
    words = subject(category, who)
    if who == FOREIGN and nationality:
        words = words.replace(_WHO[FOREIGN], f"{nationality} nationals", 1)
    return words[:1].upper() + words[1:]


def reconciled_view(reconciled: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reconciled table as a reader scans it: what is counted, the best figure, the range and its date,
    then each report's figure and fate (one line each) and why the reports differ.

    With ``figures``, a best figure that is a vague magnitude is shown as written ("hundreds"), not as
    the lower bound it is read as: "200" would be precision the text never gave.
    """
    nationality = reconciled.get("nationality", pd.Series("", index=reconciled.index)).fillna("")
    how_of = {} if figures is None or "reported_on_how" not in figures else dict(
        zip(figures["figure_id"], figures["reported_on_how"]))
    vague = {} if figures is None or "vague" not in figures else dict(
        zip(figures["figure_id"], [str(t) if v else "" for t, v in zip(figures["text"], figures["vague"].fillna(False))]))
    return reconciled.assign(
        figure=[group_label(c, w, n) for c, w, n in zip(reconciled["category"], reconciled["who"], nationality)],
        best_words=["" if pd.isna(b) else vague.get(f) or _n(b) for b, f in zip(reconciled["best"], reconciled["best_figure_id"])],
        range_words=[range_words(lo, hi) for lo, hi in zip(reconciled["low"], reconciled["high"])],
        as_of=[(day_words(d) + (" (inferred)" if inferred(how_of.get(f)) else "")) if day_words(d)
               else "undated" for d, f in zip(reconciled["best_reported_on"], reconciled["best_figure_id"])],
    )


def mentions_view(figures: pd.DataFrame) -> pd.DataFrame:
    """Every mention as a reader scans it: the reading in words ("at least 700", "200 to 999") in one column
    where two columns of bounds would widen the table, and codes ("security_forces") as words."""
    return figures.assign(
        reading=[range_words(lo, hi) for lo, hi in zip(figures["low"], figures["high"])],
        who_words=figures["who"].astype(str).str.replace("_", " "),
        qualifier_words=figures["qualifier"].astype(str).str.replace("_", " "),
    )


def _by_nationality(figures: pd.DataFrame, reconciled: pd.DataFrame, category: str, said: str) -> str:
    """One sentence for a category's counts of foreign nationals: each nationality with its own figure.

    One country's count of its nationals is a part of the toll; two countries' counts are two
    quantities, so they are listed side by side and never ranged together.
    """
    parts = []
    rows = reconciled[(reconciled["category"] == category) & (reconciled["who"] == FOREIGN)]
    for row in rows.itertuples(index=False):
        members = figures[figures["figure_id"].isin(list(row.standing_ids))]
        best = members[members["figure_id"] == row.best_figure_id]
        quoted = next(iter(best.itertuples(index=False)), None) or next(members.itertuples(index=False), None)
        one = pd.isna(row.best) or range_words(row.low, row.high) in (_n(row.best), f"at least {_n(row.best)}")
        count = range_words(row.low, row.high) if one else f"{_n(row.best)} (range {range_words(row.low, row.high)})"
        where = "" if quoted is None else f" ({source_name(quoted.outlet, quoted.file)}: “{_clause(quoted.sentence, quoted.text)}”)"
        parts.append(f"{row.nationality}: {count}{where}")
    return (f"Counts of {said} by nationality, each a part of the toll and one country's never set against "
            f"another's: {'; '.join(parts)}.")


def _sources(figures: pd.DataFrame, figure_ids, origin_maps: tuple[dict, dict] | None = None) -> str:
    """The sources of some figures in words: the outlets by name, the articles of unknown outlet counted
    ("Andina and 6 articles of unknown outlet"), so a sentence never lists file names; with ``origin_maps``
    (the documents' :func:`origins` and :func:`source_names`), also the independent origins they rest on
    where reprints make them fewer ("… (4 independent origins)")."""
    members = figures[figures["figure_id"].isin(list(figure_ids))]
    names = {source_name(o, f) for o, f in zip(members.get("outlet", members["file"]), members["file"])}
    known = sorted(n for n in names if not n.startswith(UNKNOWN))
    unknown = len(names) - len(known)
    parts = known + ([f"{_plural(unknown, 'article')} of unknown outlet"] if unknown else [])
    words = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
    if origin_maps is not None:
        n_origins, _ = origins_words(members["doc_id"].unique(), *origin_maps)
        if n_origins < len(names):
            words += f" ({n_origins} independent origin{'s' if n_origins > 1 else ''}: some reprint others' text)"
    return words


def summary_sentences(figures: pd.DataFrame, reconciled: pd.DataFrame, documents: pd.DataFrame | None = None) -> list[str]:
    """One sentence per reconciled group, plus an opening count of figures and sources (with ``documents``,
    the independent origins of each group's reports too)."""
    if figures.empty:
        return ["The articles report no casualty or force figures."]
    outlets = {o or f for o, f in zip(figures.get("outlet", figures["file"]), figures["file"])}
    sentences = [
        f"The articles give {_plural(len(figures), 'figure')} from {_plural(figures['doc_id'].nunique(), 'article')} "
        f"({_plural(len(outlets), 'source')}), in {_plural(len(reconciled), 'group')} of what happened and to whom."
    ]
    foreign_said: set[str] = set()
    how_of = dict(zip(figures["figure_id"], figures["reported_on_how"])) if "reported_on_how" in figures else {}
    origin_maps = (origins(documents), source_names(documents)) if documents is not None and "family" in documents \
        else None
    for row in reconciled.itertuples(index=False):
        said = subject(row.category, row.who)
        reports = _plural(int(row.reports), "report")
        if row.who == FOREIGN:
            if row.category not in foreign_said:
                foreign_said.add(row.category)
                sentences.append(_by_nationality(figures, reconciled, row.category, said))
            continue
        if pd.isna(row.low) and pd.isna(row.high):
            text = f"Number of {said}: {reports}, only vague magnitudes, listed and not ranged."
        elif pd.isna(row.best):
            text = f"Number of {said}: {reports}, none with a lower bound; reported range {range_words(row.low, row.high)}."
        elif row.reports == 1:
            text = f"Number of {said}: {range_words(row.low, row.high)} (one report, {row.outlets}, {as_of(row.best_reported_on, how_of.get(row.best_figure_id, ''))})."
        else:
            text = (f"Number of {said}: best figure {_n(row.best)} ({as_of(row.best_reported_on, how_of.get(row.best_figure_id, ''))}), "
                    f"range {range_words(row.low, row.high)}, from {reports} in "
                    f"{_sources(figures, row.figure_ids, origin_maps)}.")
        if row.disagreement:
            text += " The reports disagree"
            text += f": {row.explanation}." if row.explanation else "."
        elif row.explanation:
            text += f" Note: {row.explanation}."
        sentences.append(text)
    return sentences
