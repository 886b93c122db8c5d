"""What an analysis declares to the pipeline: its steps, the tables they write and what they need.

Each analysis package lists its :class:`Step` objects in ``STEPS`` (claims,
figures, chronology); the pipeline (:mod:`briefbook.pipeline`) orders them by
``needs``, passes one :class:`Context` and writes each step's declared table.
An analysis imports this module and the language layer, never the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from briefbook.language.reading import CorpusReading
from briefbook.schema import Table


@dataclass
class Context:
    """What a step reads: the corpus reading (corpus, parse, shared views) and the tables made so far."""

    reading: CorpusReading
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def corpus(self):
        return self.reading.corpus

    @property
    def parsed(self):
        return self.reading.parsed


@dataclass(frozen=True)
class Step:
    """One step of an analysis: it makes the table ``table`` from a :class:`Context`.

    ``needs`` names the tables it reads (made by other steps, which run first).
    """

    table: Table
    run: Callable[[Context], pd.DataFrame]
    needs: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.table.name
