"""Closed-class word lists shared by the language layer, read from ``data/language.yaml``.

Determiners were written out in six places and the title words rebuilt in five;
one editable file and one function per list keep them the same everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefbook.resources import load_yaml

DATA_FILE = "language.yaml"


@lru_cache(maxsize=None)
def determiners(*groups: str) -> tuple[str, ...]:
    """The determiners of the named groups (``articles``, ``possessives``, ``first_person``,
    ``demonstratives``), in the order the groups are named."""
    table = load_yaml(DATA_FILE)["determiners"]
    return tuple(word for group in groups for word in table[group])


def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words`` (``the|a|an``), in their order."""
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def transliteration() -> tuple[tuple[str, str], ...]:
    """(from, to) spelling rules applied before two given names are compared."""
    return tuple((rule["from"], rule["to"]) for rule in load_yaml(DATA_FILE).get("transliteration") or [])


@lru_cache(maxsize=1)
def organisation_kinds() -> frozenset[str]:
    """Words naming a kind of organisation ("news", "agency"): "X News Agency" is "X" in full."""
    return frozenset(load_yaml(DATA_FILE).get("organisation_kinds") or [])


@lru_cache(maxsize=1)
def spelling_variants() -> dict[str, str]:
    """British spelling -> American ("defence" -> "defense"), for comparing organisation names."""
    return dict(load_yaml(DATA_FILE).get("spelling_variants") or {})


@lru_cache(maxsize=1)
def outlet_nouns() -> frozenset[str]:
    """Nouns a news outlet is called by in passing ("the newspaper", "the daily", "the broadcaster")."""
    return frozenset(load_yaml(DATA_FILE).get("outlet_nouns") or [])


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for what an organisation issues ("the report", "the statement"): the organisation speaking."""
    return frozenset(load_yaml(DATA_FILE).get("document_nouns") or [])


@lru_cache(maxsize=1)
def part_of_group() -> frozenset[str]:
    """Words for a part of a group written before "of" ("some", "many", "most"): the group speaks."""
    return frozenset(load_yaml(DATA_FILE).get("part_of_group") or [])
