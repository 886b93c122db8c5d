"""The Methods chapter's first-and-now table of the published set."""

import pandas as pd

from briefbook.methods import first_and_now


def test_first_and_now_pairs_each_headline_measure_with_its_current_score():
    first = pd.DataFrame([
        {"analysis": "claims", "corpus": "published", "measure": "claim grouping (pairwise)", "precision": 0.26,
         "recall": 0.32, "f1": 0.29, "share": None, "support": 200},
        {"analysis": "claims", "corpus": "published", "measure": "content", "precision": 0.9, "recall": 0.8,
         "f1": 0.85, "share": None, "support": 300},
    ])
    now = first.assign(precision=[0.73, 0.9], f1=[0.26, 0.85], corpus=["published", "published"])
    table = first_and_now(first, now)
    assert list(table["measure"]) == ["claim grouping (pairwise)"]  # "content" is no headline measure
    row = table.iloc[0]
    assert (row["first"], row["now"], row["first_precision"], row["now_precision"]) == (0.29, 0.26, 0.26, 0.73)
