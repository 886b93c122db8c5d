"""Chart conventions every analysis follows, so the report's charts read alike.

Our World in Data's rules for a chart a reader can take in: no more colours than
an eye can tell apart (the busiest categories by name, the rest as one "other"),
and a chart that shows a subset says which part it shows. Pure functions over
plain tables; the analyses' chart modules call them.
"""

from __future__ import annotations

import pandas as pd

#: Most colours one chart uses: beyond about ten, categories can no longer be told apart.
MAX_COLOURS = 10


def top_or_other(values: pd.Series, weights: pd.Series | None = None, most: int = MAX_COLOURS,
                 other: str = "others") -> pd.Series:
    """``values`` with all but the ``most - 1`` heaviest (by ``weights``, else by count) replaced by
    ``other``: a chart coloured by speaker or outlet keeps its colours distinct. Fewer than ``most``
    distinct values are kept as they are."""
    values = pd.Series(values).astype(str)
    weight = (pd.Series(weights, index=values.index) if weights is not None else pd.Series(1, index=values.index))
    totals = weight.groupby(values).sum().sort_values(ascending=False, kind="stable")
    if len(totals) <= most:
        return values
    keep = set(totals.index[: most - 1])
    return values.where(values.isin(keep), other)


def subset_note(shown: int, total: int, noun: str) -> str:
    """What a chart that shows a subset leaves out: "the 12 busiest speakers of 22 (10 not shown)"."""
    if shown >= total:
        return f"all {total} {noun}"
    return f"the {shown} busiest {noun} of {total} ({total - shown} not shown; every one is in the tables)"


def corrected_words(frame: pd.DataFrame) -> list[str]:
    """Each row's tooltip line for an analyst's correction ("speaker", "date"), "as extracted" where none."""
    values = frame["corrected"] if "corrected" in frame else pd.Series("", index=frame.index)
    return [v if isinstance(v, str) and v else "as extracted" for v in values]
