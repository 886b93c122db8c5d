"""How an article is named where the report counts sources, and how it is named to a reader.

One rule, used by every table and chart that names a source: "carried by 3
outlets" must count the same labels on the claims page, the timeline and the
casualties page. An article whose outlet could not be read is counted under its
file name (two such articles are two sources, not one "unknown"): :func:`outlet_label`.

That label is a key, not a name: shown as an outlet, "anadolu.txt" reads as if a
file were a newspaper. Every table, chart legend and sentence that names a source
to a reader goes through :func:`source_name`, which keeps the labels distinct
(counts do not change) and says what is known: the outlet, or that it is unknown
and which file the text is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from briefbook.resources import load_yaml


def outlet_label(outlet: object, file: object, doc_id: object = "") -> str:
    """The outlet's name, else the file name, else the doc id."""
    for value in (outlet, file, doc_id):
        if isinstance(value, str) and value.strip():
            return value
    return ""


@lru_cache(maxsize=1)
def wire_agencies() -> dict[str, str]:
    """Each name a news agency is credited by (folded) -> the agency's name (``wire_agencies.yaml``)."""
    return {name.casefold(): agency["name"] for agency in load_yaml("wire_agencies.yaml")["agencies"]
            for name in agency["credited_as"]}


def agency_named(text: str) -> str:
    """The news agency a credit names, whole and alone ("AP", "By-line: Reuters." stripped of its
    punctuation: "Reuters"), else ""; one reading for datelines, bylines and credit lines."""
    return wire_agencies().get(text.strip(" .,:;|/–—-").casefold(), "")


def in_family(documents: pd.DataFrame) -> pd.Series:
    """Which articles share text with another (belong to a syndication family)."""
    if "family" not in documents:
        return pd.Series(False, index=documents.index)
    return documents["family"].fillna("").astype(str) != ""


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: "TASS", "tass", "T.A.S.S." -> "tass"."""
    return "".join(c for c in name.casefold() if c.isalnum())


def one_spelling(names: Iterable[str]) -> dict[str, str]:
    """Each spelling -> the one shown for its outlet: the most used, and among equals the one with
    most capitals ("TASS" over "tass", "Al Jazeera" over "al jazeera"), then the plainest ("TASS" over
    "T.A.S.S."), so one outlet is one source."""
    names = [n for n in names if isinstance(n, str) and n.strip()]
    uses = Counter(names)
    chosen: dict[str, str] = {}
    for name in sorted(uses, key=lambda n: (-uses[n], -sum(c.isupper() for c in n), len(n), n)):
        chosen.setdefault(outlet_key(name), name)
    return {name: chosen[outlet_key(name)] for name in uses}


def outlet_labels(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> :func:`outlet_label`, for a ``documents`` table."""
    return {
        row["doc_id"]: outlet_label(row.get("outlet"), row.get("file"), row["doc_id"])
        for row in documents.to_dict("records")
    }


def with_outlet(frame: pd.DataFrame, documents: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """``frame`` with ``column`` set to its article's :func:`outlet_label` (looked up by ``doc_id``;
    an article missing from ``documents`` keeps the frame's own outlet or file)."""
    labels = outlet_labels(documents)
    out = frame.copy()
    own = out[column] if column in out else [""] * len(out)
    files = out["file"] if "file" in out else [""] * len(out)
    out[column] = [labels.get(d) or outlet_label(o, f, d) for d, o, f in zip(out["doc_id"], own, files)]
    return out


#: What the report says where no outlet was found in an article.
UNKNOWN = "outlet unknown"
#: A family of articles that share text whose origin could not be named (corpus.syndication).
UNKNOWN_ORIGIN = "shared text, origin unknown"


def source_name(outlet: object, file: object, doc_id: object = "") -> str:
    """The outlet's name, else ``outlet unknown (file a.txt)``: the file named as the file."""
    if isinstance(outlet, str) and outlet.strip():
        return outlet
    label = outlet_label("", file, doc_id)
    return f"{UNKNOWN} (file {label})" if label else UNKNOWN


def source_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> :func:`source_name`, for a ``documents`` table."""
    return {row["doc_id"]: source_name(row.get("outlet"), row.get("file"), row["doc_id"])
            for row in documents.to_dict("records")}


def with_source_name(frame: pd.DataFrame, documents: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """``frame`` with ``column`` set to its article's :func:`source_name`: the label of
    :func:`~briefbook.corpus.outlets.with_outlet` where it is an outlet, else that label named as the file."""
    outlets = {o for o in documents.get("outlet", []) if isinstance(o, str) and o.strip()}
    outlets |= {o for o in (frame[column] if column in frame else []) if isinstance(o, str) and o.strip()}
    out = with_outlet(frame, documents, column)
    out[column] = [label if label in outlets else source_name("", label) for label in out[column]]
    return out


#: The most files of unknown outlet a list names; the rest are counted.
MOST_FILES_NAMED = 20


def joined(names, sep: str = ", ") -> str:
    """Source names as one list: the outlets, then one ``outlet unknown (files a.txt, b.txt)`` for the rest.

    A list of six files each called "outlet unknown (…)" says the same words six times;
    one group says it once and still names every file.
    """
    names = sorted(set(names))
    prefix = f"{UNKNOWN} (file "
    known = [n for n in names if not n.startswith(prefix)]
    files = [n[len(prefix):-1] for n in names if n.startswith(prefix)]
    if len(files) > MOST_FILES_NAMED:  # thousands of files name nothing a reader can take in
        files = files[:MOST_FILES_NAMED] + [f"and {len(files) - MOST_FILES_NAMED:,} more"]
    if len(files) > 1:
        known.append(f"{UNKNOWN} (files {sep.join(files)})")
    elif files:
        known.append(f"{prefix}{files[0]})")
    return sep.join(known)


def origins(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> the independent origin an article's text counts under: where it shares text with other
    articles (a syndication family), the family's origin ("AP"; "text shared by A and B" where the origin
    is unknown), else the article's own source name. Counting these, not mastheads, four reprints of one
    wire story are one report."""
    names = source_names(documents)
    shares = in_family(documents)
    members: dict[str, list[str]] = {}
    for row in documents[shares].to_dict("records"):
        members.setdefault(row["family"], []).append(names[row["doc_id"]])
    shared_by = {family: f"text shared by {joined(names_, ' and ')}" for family, names_ in members.items()}
    out = {}
    for row, family_member in zip(documents.to_dict("records"), shares):
        family = row["family"] if family_member else ""
        origin = row.get("origin") if isinstance(row.get("origin"), str) else ""
        if not family:
            out[row["doc_id"]] = names[row["doc_id"]]
        elif origin and origin != UNKNOWN_ORIGIN:
            out[row["doc_id"]] = origin
        else:
            out[row["doc_id"]] = shared_by[family]
    return out


def origins_words(doc_ids, origin_of: dict[str, str], names: dict[str, str]) -> tuple[int, str]:
    """How many independent origins some articles rest on, and which, with their reprints counted:
    (1, "AP, reprinted by 3"), (2, "Andina; AP, reprinted by 2"). ``origin_of`` is :func:`origins` and
    ``names`` :func:`source_names` of the documents, computed once by the caller for all its rows."""
    mastheads: dict[str, set] = {}
    for doc in doc_ids:
        mastheads.setdefault(origin_of.get(doc, doc), set()).add(names.get(doc, doc))
    words = [origin if len(heads) == 1 and origin in heads else f"{origin}, reprinted by {len(heads)}"
             for origin, heads in sorted(mastheads.items())]
    return len(mastheads), "; ".join(words)
