"""Views of the statements table for the Claims chapter: claims, wordings side by side, frame counts.

All functions take the ``statements`` table of :func:`extract_statements` and a
``documents`` table (doc_id, outlet, title, file, published) and return plain
DataFrames; an article without a known outlet is counted under its file name,
so no claim silently loses a source.
"""

from __future__ import annotations

import pandas as pd

from briefbook.corpus.outlets import joined, origins, origins_words, source_names, with_source_name
from briefbook.language.speech import keeps_its_verb


def with_outlets(statements: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    return with_source_name(statements, documents)


def _frames_of(values) -> str:
    return ";".join(sorted({f for v in values for f in str(v).split(";") if f}))


def claims_table(statements: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per claim_id: speaker, frames, outlets and the independent origins they rest on (count and
    list), representative wording, links.

    The representative wording is the longest direct statement of the claim if
    there is one (the speaker's own words), else the longest reported one; ``wording_outlet`` is
    the outlet whose words they are (the others may word the claim otherwise).
    """
    columns = ["claim_id", "speaker", "frames", "n_statements", "n_outlets", "outlets", "n_origins", "origins",
               "single_outlet", "wording", "wording_outlet", "kind", "first_doc_id", "first_paragraph", "first_anchor"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    data = with_outlets(statements, documents).sort_values(["doc_id", "start"])
    origin_of, names = origins(documents), source_names(documents)
    groups: dict[str, list[dict]] = {}
    for row in data[["claim_id", "speaker", "frames", "kind", "cue", "text", "outlet", "doc_id", "paragraph",
                     "anchor"]].to_dict("records"):  # plain rows: a claim is a few, and there are thousands
        groups.setdefault(row["claim_id"], []).append(row)
    rows = []
    for claim_id in sorted(groups):
        group = groups[claim_id]
        pool = [r for r in group if r["kind"] == "direct"] or group
        best = max(pool, key=lambda r: len(r["text"]))  # the first of the longest
        first = group[0]
        outlets = sorted({r["outlet"] for r in group})  # distinct sources, counted
        # and the independent origins they rest on: reprints of one wire story are one
        n_origins, origin_words = origins_words(dict.fromkeys(r["doc_id"] for r in group), origin_of, names)
        rows.append({
            "claim_id": claim_id, "speaker": first["speaker"], "frames": _frames_of([r["frames"] for r in group]),
            "n_statements": len(group), "n_outlets": len(outlets), "outlets": joined(outlets, "; "),
            "n_origins": n_origins, "origins": origin_words,
            "single_outlet": n_origins == 1, "wording": _wording(best), "wording_outlet": best["outlet"],
            "kind": best["kind"],
            "first_doc_id": first["doc_id"], "first_paragraph": int(first["paragraph"]),
            "first_anchor": first["anchor"],
        })
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["n_origins", "n_outlets", "n_statements", "claim_id"], ascending=[False, False, False, True]) \
        .reset_index(drop=True)


def _wording(statement: dict) -> str:
    """A statement's words as its claim shows them: a reported one keeps a verb that carries the
    speaker's stance ("denied any collusion with the general", not "any collusion with the general")."""
    text = str(statement["text"])
    if statement["kind"] == "reported" and keeps_its_verb(statement.get("cue", "")):
        return f"{statement['cue']} {text}"
    return text


def wordings(statements: pd.DataFrame, documents: pd.DataFrame, claim_id: str | None = None) -> pd.DataFrame:
    """Every outlet's wording of a claim (or of all claims), one row per statement, for side-by-side reading."""
    data = with_outlets(statements, documents)
    if claim_id is not None:
        data = data[data["claim_id"] == claim_id]
    columns = ["claim_id", "statement_id", "speaker", "outlet", "doc_id", "paragraph", "anchor", "kind", "cue", "frames", "speaker_text",
               "text", "corrected"]
    data = data.assign(corrected=data["corrected"] if "corrected" in data else "")  # an analyst's correction, marked
    return data.sort_values(["claim_id", "outlet", "doc_id", "start"])[columns].reset_index(drop=True)


def frame_counts(statements: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Long table: frame, speaker, outlet, count (statements carrying the frame)."""
    data = with_outlets(statements, documents)
    rows = [
        {"frame": frame, "speaker": row["speaker"], "outlet": row["outlet"]}
        for _, row in data.iterrows() for frame in str(row["frames"]).split(";") if frame
    ]
    if not rows:
        return pd.DataFrame(columns=["frame", "speaker", "outlet", "count"])
    long = pd.DataFrame(rows)
    return long.groupby(["frame", "speaker", "outlet"]).size().rename("count").reset_index() \
        .sort_values(["frame", "speaker", "outlet"]).reset_index(drop=True)
