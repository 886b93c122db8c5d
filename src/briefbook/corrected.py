"""Apply an analyst's corrections (``corrections.yaml``) to the extracted tables, and say what changed.

The machine's tables come first (:func:`briefbook.pipeline.extract`, which the
accuracy scores of the Methods chapter always measure); the corrections are
applied to a copy, the same way on every build, so two builds with the same
seeds and corrections give the same tables and removing the file gives the
machine's report back. Every corrected row carries in its ``corrected``
column what was changed ("speaker", "category, low"), and the ``corrections``
table lists each correction with what the machine had said and whether it
applied. An id that no longer exists (its article removed, or its text
changed) is listed as stale, never an error.

Grouping corrections are kept simple and predictable: a statement whose
speaker is corrected, or an event whose date is, leaves its claim or timeline
entry (it was grouped for the old value); ``merge`` puts the second row's
group under the first's; ``split`` and ``not_same`` give a row a group of its
own.
"""

from __future__ import annotations

import pandas as pd

from briefbook.corpus.corrections import STALE, Corrections, words
from briefbook.schema import table

CORRECTIONS = table("corrections", "one correction of corrections.yaml, what the machine had said and whether it applied", [
    ("section", "string", "statements, claims, figures, events, timeline or articles"),
    ("id", "string", "the row (or rows, ' + '-joined) it applies to"),
    ("change", "string", "what it changes (speaker, drop, merge, category, date, …)"),
    ("machine", "string", "what the machine had said"),
    ("correction", "string", "what the correction says"),
    ("reason", "string", "the analyst's reason"),
    ("status", "string", "applied, or why not (an id no longer in the report)"),
])

#: The ``corrected`` column every correctable table carries (empty: as extracted).
COLUMN = "corrected"


def _mark(frame: pd.DataFrame, index, fields: list[str]) -> None:
    old = frame.at[index, COLUMN] if COLUMN in frame else ""
    frame.at[index, COLUMN] = ", ".join(dict.fromkeys([*(old.split(", ") if old else []), *fields]))


def _own_group(frame: pd.DataFrame, index, key: str, prefix: str, id_column: str) -> None:
    """Give the row at ``index`` a group of its own; the rest of its old group keep theirs (renamed after
    their first row when the old name was this row's)."""
    ident = frame.at[index, id_column]
    own = prefix + ident.split("-", 1)[1]
    old = frame.at[index, key]
    rest = frame.index[(frame[key] == old) & (frame.index != index)]
    if old == own and len(rest):
        first = frame.loc[rest, id_column].sort_values().iloc[0]
        frame.loc[rest, key] = prefix + first.split("-", 1)[1]
    frame.at[index, key] = own


def apply(tables: dict[str, pd.DataFrame], corrections: Corrections,
          articles: list[dict] = ()) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The tables with ``corrections`` applied (copies), and the ``corrections`` table. ``articles`` are the
    rows of the articles' corrections, which the loader applied (``Corpus.article_corrections``)."""
    tables = {name: frame.copy() for name, frame in tables.items()}
    for name in ("statements", "figures", "events", "documents"):
        if name in tables:
            frame = tables[name]
            frame[COLUMN] = [v if isinstance(v, str) else "" for v in frame[COLUMN]] if COLUMN in frame else ""
    if "figures" in tables:
        figures = tables["figures"]
        # the machine's tables leave the column empty (NaN): only an analyst's True stands
        figures["standing"] = [v == True for v in figures["standing"]] if "standing" in figures else False  # noqa: E712
    rows: list[dict] = []

    def log(section, ident, change, machine, corrected, reason, status="applied"):
        rows.append({"section": section, "id": ident, "change": change, "machine": words(machine),
                     "correction": words(corrected), "reason": reason, "status": status})

    _statements(tables, corrections, log)
    _claims(tables, corrections, log)
    _figures(tables, corrections, log)
    _events(tables, corrections, log)
    _timeline(tables, corrections, log)
    rows += [dict(row) for row in articles]
    documents = tables.get("documents")
    for row in articles:
        at = _index(documents, "doc_id", row["id"])
        if at is not None and row["status"] == "applied":
            _mark(documents, at, [row["change"]])
    return tables, CORRECTIONS.conform(pd.DataFrame(rows, columns=CORRECTIONS.names))


def _index(frame: pd.DataFrame | None, id_column: str, ident: str):
    if frame is None or frame.empty:
        return None
    hits = frame.index[frame[id_column] == ident]
    return hits[0] if len(hits) else None


def _row_fixes(tables, name: str, id_column: str, fixes, what: str, log, edit) -> None:
    """Apply one section's row corrections to the table ``name``: a stale id is listed, ``drop`` removes
    the row, anything else is ``edit(frame, index, fix)``, which returns the fields it changed."""
    frame = tables.get(name)
    drop = []
    for fix in fixes:
        at = _index(frame, id_column, fix.id)
        if at is None:
            log(name, fix.id, ", ".join(fix.changes()), "", "", fix.reason, STALE.format(what=what))
        elif fix.drop:
            log(name, fix.id, "drop", frame.at[at, "text"], f"not a {what}", fix.reason)
            drop.append(at)
        else:
            _mark(frame, at, edit(frame, at, fix))
    if drop:
        tables[name] = frame.drop(index=drop)


def _statements(tables, corrections: Corrections, log) -> None:
    def edit(frame, at, fix) -> list[str]:
        if fix.speaker:
            log("statements", fix.id, "speaker", frame.at[at, "speaker"], fix.speaker, fix.reason)
            others = frame[(frame["speaker"] == fix.speaker) & (frame.index != at)]
            kind = fix.speaker_kind or (others["speaker_kind"].iloc[0] if len(others) else "unknown")
            frame.at[at, "speaker"], frame.at[at, "speaker_kind"] = fix.speaker, kind
            frame.at[at, "speaker_aliases"] = fix.speaker
            _own_group(frame, at, "claim_id", "cl-", "statement_id")
            return ["speaker"]
        log("statements", fix.id, "speaker_kind", frame.at[at, "speaker_kind"], fix.speaker_kind, fix.reason)
        frame.at[at, "speaker_kind"] = fix.speaker_kind
        return ["speaker kind"]

    _row_fixes(tables, "statements", "statement_id", corrections.statements, "statement", log, edit)


def _grouping(tables, fixes, log, section: str, table_name: str, id_column: str, key: str, prefix: str,
              what: str) -> None:
    frame = tables.get(table_name)
    for fix in fixes:
        merge = getattr(fix, "merge", None)
        not_same = getattr(fix, "not_same", None)
        idents = list(merge or not_same or [fix.split])
        found = [_index(frame, id_column, i) for i in idents]
        label = " + ".join(idents)
        if any(at is None for at in found):
            missing = ", ".join(i for i, at in zip(idents, found) if at is None)
            log(section, label, "merge" if merge else "not same" if not_same else "split", "", "", fix.reason,
                STALE.format(what=what) + f": {missing}")
            continue
        if merge:
            first, second = (frame.at[at, key] for at in found)
            log(section, label, "merge", f"{first} and {second}" if first != second else f"already one: {first}",
                first, fix.reason)
            if first != second:
                members = frame.index[frame[key] == second]
                frame.loc[members, key] = first
                for at in members:
                    _mark(frame, at, [f"merged into {first}"])
            continue
        at = found[-1]
        if not_same:
            together = frame.at[found[0], key] == frame.at[at, key]
            log(section, label, "not same", f"one group: {frame.at[at, key]}" if together else "already apart",
                "apart", fix.reason)
            if not together:
                continue
        else:
            log(section, label, "split", frame.at[at, key], "a group of its own", fix.reason)
        _own_group(frame, at, key, prefix, id_column)
        _mark(frame, at, ["split"])


def _claims(tables, corrections: Corrections, log) -> None:
    _grouping(tables, corrections.claims, log, "claims", "statements", "statement_id", "claim_id", "cl-", "statement")


def _timeline(tables, corrections: Corrections, log) -> None:
    _grouping(tables, corrections.timeline, log, "timeline", "events", "event_id", "timeline_id", "tl-", "event")


def _figures(tables, corrections: Corrections, log) -> None:
    def edit(frame, at, fix) -> list[str]:
        changed = []
        for field in ("category", "who", "low", "high"):
            value = getattr(fix, field)
            if value is not None:
                log("figures", fix.id, field, frame.at[at, field], value, fix.reason)
                frame.at[at, field] = value
                changed.append(field)
        if fix.category is not None:
            frame.at[at, "category_how"] = "corrected"
        if fix.standing:
            log("figures", fix.id, "standing", "", "the figure its group stands at", fix.reason)
            frame.at[at, "standing"] = True
            changed.append("standing")
        return changed

    _row_fixes(tables, "figures", "figure_id", corrections.figures, "figure", log, edit)


def _events(tables, corrections: Corrections, log) -> None:
    def edit(frame, at, fix) -> list[str]:
        log("events", fix.id, "date", frame.at[at, "date"] or "undated", fix.date, fix.reason)
        day = fix.date.isoformat()
        frame.loc[at, ["date", "date_end", "precision", "how", "unresolved"]] = [
            day, day, "day", "corrected by the analyst", False]
        _own_group(frame, at, "timeline_id", "tl-", "event_id")
        return ["date"]

    _row_fixes(tables, "events", "event_id", corrections.events, "event", log, edit)


#: The columns of the Corrections page's table, and their headers.
SHOWN_COLUMNS = {"section": "Section", "id": "Row", "change": "Change", "machine": "The machine said",
                 "correction": "Corrected to", "reason": "Reason", "status": "Status"}


def summary_sentences(corrections: pd.DataFrame) -> list[str]:
    """What the Corrections page says first: how many corrections, how many applied, how many stale."""
    if corrections.empty:
        return ["This report is the machine's, as extracted: the seeds folder has no corrections."]
    applied = int((corrections["status"] == "applied").sum())
    stale = len(corrections) - applied
    rows = corrections.loc[corrections["status"] == "applied", "id"].nunique()
    sentences = [f"{len(corrections)} correction{'s' if len(corrections) != 1 else ''} from corrections.yaml: "
                 f"{applied} applied, to {rows} row{'s' if rows != 1 else ''} of the report."]
    if stale:
        sentences.append(f"{stale} could not be applied: their rows are no longer in the report (an article was "
                         "removed or its text changed). They are listed with that status; remove or update them.")
    return sentences


def front_page_sentences(corrections: pd.DataFrame) -> list[str]:
    """The front page's word on corrections: none when the report is the machine's, as extracted."""
    applied = corrections[corrections["status"] == "applied"] if not corrections.empty else corrections
    if applied.empty:
        return []
    rows = applied["id"].nunique()
    return [f"An analyst corrected {rows} row{'s' if rows != 1 else ''} of this report ({len(applied)} "
            f"correction{'s' if len(applied) != 1 else ''} in corrections.yaml); each corrected row is marked, and the "
            "Corrections page lists them with their reasons."]
