"""Where the method is unsure: rows an analyst should look at first, each with its corrections line.

The extraction states what it found; some of it rests on weaker evidence than
the rest. This module lists those rows, ranked by what a wrong answer would
change on the front page, each with the line to paste into
``corrections.yaml`` (:func:`briefbook.corpus.corrections.fix_line`):

1. a figure that sets its group's best number and whose category was a guess
   (no verb or noun of the lexicon placed it), then other guessed figures of
   people killed or injured, largest first (a guessed "other" figure, which the
   front page does not give, comes after the statements and claims below);
2. a statement whose speaker was resolved from a pronoun ("he", "they"),
   ranked by how many statements that speaker has;
3. two statements of one speaker, in different articles and within a week,
   whose likeness is near the grouping's threshold but were not grouped;
4. events dated from an article date that was itself inferred;
5. unattributed statements.

Nothing here changes a table: the review is advice, the corrections file is
the analyst's decision.
"""

from __future__ import annotations

import re

import pandas as pd

from briefbook.claims.grouping import GROUPING_THRESHOLD, OCCASION_DAYS
from briefbook.corpus.corrections import fix_line, group_line
from briefbook.figures.reconcile import reconcile
from briefbook.language.similarity import holders, idf_of, ochiai, weighted_words, word_index

#: Categories whose best number leads the front page.
TOLL = ("killed", "injured")
#: Cues that set a category only by default or from the sentence around the number.
WEAK_CATEGORY = ("default", "sentence", "antecedent")
#: A speaker's mention that is a pronoun: resolved to the person the sentences before name, the weakest
#: of the attribution's rules (a title or a role names its holder in the article itself).
_PRONOUN = re.compile(r"^(?:he|she|they|him|her|them|it)$", re.I)
#: How far below the grouping threshold two statements of one speaker still make a pair to review.
NEAR_CLAIM_MARGIN = 0.1

COLUMNS = ["rank", "what", "id", "why", "consequence", "line"]


def _corrected(row) -> bool:
    """Whether an analyst already corrected the row (its ``corrected`` column set)."""
    value = getattr(row, "corrected", "")
    return isinstance(value, str) and bool(value)


def suggestions(tables: dict[str, pd.DataFrame], limit: int = 60) -> pd.DataFrame:
    """The rows to review, most consequential first (at most ``limit``), with their corrections lines."""
    rows: list[dict] = []
    rows += _figures(tables.get("figures", pd.DataFrame()), tables.get("documents", pd.DataFrame()))
    statements = tables.get("statements", pd.DataFrame())
    rows += _speakers(statements)
    rows += _near_claims(statements)
    rows += _events(tables.get("events", pd.DataFrame()), tables.get("article_dates", pd.DataFrame()))
    rows += _unattributed(statements)
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame(rows).sort_values(["_weight", "id"], ascending=[False, True]).head(limit)
    frame["rank"] = range(1, len(frame) + 1)
    return frame[COLUMNS].reset_index(drop=True)


def _figures(figures: pd.DataFrame, documents: pd.DataFrame) -> list[dict]:
    if figures.empty:
        return []
    best = set(reconcile(figures, documents)["best_figure_id"].dropna()) if not documents.empty else set()
    rows = []
    for f in figures.itertuples():
        if f.category_how not in WEAK_CATEGORY or _corrected(f):
            continue
        value = int(f.low) if pd.notna(f.low) else 0
        sets_best = f.figure_id in best
        if not sets_best and f.category not in TOLL:
            continue
        # the front page gives each category's best figure but "other"'s: a guess there changes less
        weight = 60 if f.category == "other" else 300 if sets_best else 200
        rows.append({
            "_weight": weight + min(value, 99_999) / 100_000, "what": "figure", "id": f.figure_id,
            "why": f"category '{f.category}' is a guess ({f.category_how}): \u201c{f.sentence[:140]}\u201d",
            "consequence": (f"sets the best figure of {f.category} ({f.who})" if sets_best
                            else f"counts toward {f.category} ({f.who})"),
            "line": fix_line(f.figure_id, category=f.category, low=value, high=int(f.high) if pd.notna(f.high) else ""),
        })
    return rows


def _speakers(statements: pd.DataFrame) -> list[dict]:
    if statements.empty:
        return []
    counts = statements["speaker"].value_counts()
    rows = []
    for s in statements.itertuples():
        if s.speaker == "unattributed" or _corrected(s) or not _PRONOUN.match(str(s.speaker_text)):
            continue
        n = int(counts.get(s.speaker, 0))
        rows.append({
            "_weight": 100 + min(n, 99), "what": "statement", "id": s.statement_id,
            "why": f"speaker '{s.speaker}' resolved from \u201c{s.speaker_text}\u201d",
            "consequence": f"one of {n} statement{'s' if n != 1 else ''} credited to {s.speaker}",
            "line": fix_line(s.statement_id, speaker=s.speaker),
        })
    return rows


def _near_claims(statements: pd.DataFrame) -> list[dict]:
    """Pairs of one speaker's statements, in two articles within a week, that the grouping's likeness
    (IDF-weighted words, :func:`~briefbook.language.similarity.ochiai`) puts near its threshold but that
    are two claims. Compared within a speaker only, so the pass grows with the busiest speaker, not the
    corpus squared."""
    if statements.empty:
        return []
    words = {r.statement_id: " ".join(re.findall(r"[a-z0-9]+", str(r.text).lower())) for r in statements.itertuples()}
    idf = idf_of(set(text.split()) for text in words.values())
    vectors = {ident: weighted_words(text, idf) for ident, text in words.items()}
    near = GROUPING_THRESHOLD - NEAR_CLAIM_MARGIN
    rows = []
    attributed = statements[statements["speaker"] != "unattributed"]
    for speaker, group in attributed.groupby("speaker", sort=True):
        records = list(group.sort_values("statement_id").itertuples())
        index = word_index([vectors[r.statement_id] for r in records])
        for i, a in enumerate(records):
            for b in (records[j] for j in _sharing_words(vectors[a.statement_id], index, i)):
                if a.claim_id == b.claim_id or a.doc_id == b.doc_id:
                    continue
                if a.occasion and b.occasion and abs((pd.Timestamp(a.occasion) - pd.Timestamp(b.occasion)).days) >= OCCASION_DAYS:
                    continue
                likeness = ochiai(vectors[a.statement_id], vectors[b.statement_id])
                if likeness >= near:
                    rows.append({
                        "_weight": 90 + likeness, "what": "claim", "id": f"{a.statement_id} + {b.statement_id}",
                        "why": f"{speaker}: two wordings alike at {likeness:.2f} on their words (the grouping, "
                               f"on word stems and concepts, joins at {GROUPING_THRESHOLD}) but kept as two claims",
                        "consequence": "one claim carried by more outlets if merged",
                        "line": group_line("claims", "merge", [a.statement_id, b.statement_id]),
                    })
    return rows


#: Each statement is compared with at most this many of its speaker's later ones, those sharing its rarest
#: words first: the busiest speaker of a corpus of thousands of articles has thousands of statements.
MOST_COMPARED = 50


def _sharing_words(vector: dict[str, float], index: dict[str, list[int]], after: int) -> list[int]:
    """Ascending positions after ``after`` of the statements sharing a word with ``vector`` (no other can be
    alike), at most :data:`MOST_COMPARED`, found through its rarest words first."""
    return holders(vector, index, MOST_COMPARED, after)


def _events(events: pd.DataFrame, article_dates: pd.DataFrame) -> list[dict]:
    if events.empty or article_dates.empty:
        return []
    unsure = article_dates[article_dates["confidence"] != "high"].set_index("doc_id")
    rows = []
    for e in events.itertuples():
        if e.doc_id not in unsure.index or not e.date or _corrected(e) or "article" not in str(e.how):
            continue
        rows.append({
            "_weight": 50, "what": "event", "id": e.event_id,
            "why": f"dated {e.date} from its article's date, itself inferred ({unsure.at[e.doc_id, 'how']})",
            "consequence": f"places \u201c{str(e.text)[:80]}\u201d on the timeline",
            "line": fix_line(e.event_id, date=e.date),
        })
    return rows


def _unattributed(statements: pd.DataFrame) -> list[dict]:
    if statements.empty:
        return []
    return [{"_weight": 10, "what": "statement", "id": s.statement_id,
             "why": f"no speaker found for \u201c{str(s.text)[:100]}\u201d", "consequence": "counted as unattributed",
             "line": fix_line(s.statement_id)}
            for s in statements[statements["speaker"] == "unattributed"].itertuples() if not _corrected(s)]


#: The columns of the Review page's table, and their headers.
SHOWN_COLUMNS = {"rank": "#", "what": "Row", "id": "Id", "why": "Why unsure", "consequence": "What it changes",
                 "line": "Line for corrections.yaml"}


def summary_sentences(suggested: pd.DataFrame) -> list[str]:
    if suggested.empty:
        return ["Every figure's category, every speaker and every date in this report rests on direct evidence."]
    counts = suggested["what"].value_counts()
    parts = [f"{n} {what}{'s' if n != 1 else ''}" for what, n in counts.items()]
    return [f"{len(suggested)} rows to review, most consequential first: {', '.join(parts)}."]
