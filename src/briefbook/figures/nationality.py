"""Whose nationals a "foreign nationals" figure counts, read back from its sentence.

Extraction marks people counted by another nationality than the corpus's as
foreign nationals, but not which one. Reconciliation needs it: Veldonia's count of
Veldonians and Ostmark's count of Ostmarker travellers are two different quantities,
and a low/best/high over both (3 to 62) adds up nothing an analyst could
quote. So each figure's nationality is read from the words at its number (the
demonym of "62 Veldonians", "three Ostmarker travellers"), else from whom it is
credited to ("Veldonia said 37 of its citizens died"), and figures are reconciled
per nationality.
"""

from __future__ import annotations

import re

from briefbook.language.attribution import demonym_shaped
from briefbook.language.names import fold, roles, same_place
from briefbook.schema import missing

#: The label of a foreign-nationals figure whose nationality the text does not show.
UNNAMED = "nationality not stated"

_WORD = re.compile(r"[A-Z][\w’'-]*")
#: How far after the number the nationality may stand ("five Ostmarker travellers in all").
_AFTER = 40


def _text(value) -> str:
    return "" if missing(value) else str(value)


def _capitalised(words: str, skip_first: bool = False) -> list[str]:
    found = [m for m in _WORD.finditer(words)]
    if skip_first and found and found[0].start() == 0:
        found = found[1:]  # a sentence's first word is capitalised whatever it is
    return [m.group(0) for m in found]


def _singular(word: str) -> str:
    """"Veldonians" -> "Veldonian": the nationality, not the people counted."""
    return word[:-1] if word.endswith("ns") or word.endswith("is") else word


def _demonyms(words: str) -> list[str]:
    """Capitalised words written like a nationality ("Ostmarker", "Veldonian"), not a sentence's first word."""
    return [w for w in _capitalised(words, skip_first=True) if demonym_shaped(w) or fold(w) in roles().demonyms]


def written_nationality(text: str, counted: str, sentence: str, attribution: str = "") -> str:
    """The nationality a figure counts as the text writes it, or :data:`UNNAMED`.

    Looked for, in order: the counted noun itself when it is a name ("Veldonians");
    a capitalised word between the number and its noun ("three Ostmarker travellers");
    a demonym in whom the figure is credited to ("a senior Ostmarker official"),
    then in its sentence ("five Ostmarker travellers … and nine others"); a country
    credited with the count of its own ("Veldonia said 37 of its citizens died").
    """
    counted, sentence, text = _text(counted).strip(), _text(sentence), _text(text)
    attribution = _text(attribution).strip()
    if counted[:1].isupper():
        return _singular(counted.split()[-1])
    at = sentence.find(text) if text else -1
    if at >= 0 and counted:
        after = sentence[at + len(text): at + len(text) + _AFTER]
        noun = after.find(counted)
        names = _capitalised(after[:noun]) if noun >= 0 else []
        if names:
            return _singular(names[0])
    for words in (" " + attribution, sentence):
        names = _demonyms(words)
        if names:
            return _singular(names[0])
    if re.fullmatch(r"[A-Z][\w-]+", attribution):
        return attribution
    return UNNAMED


def nationality_labels(written: list[str]) -> list[str]:
    """One label per figure, spellings of one country joined ("Veldonia", "Veldonian" -> "Veldonian").

    The label of a country is its longest spelling among the figures, usually
    the demonym, so that the same figures always get the same label.
    """
    clusters: list[list[str]] = []
    for word in written:
        if word == UNNAMED:
            continue
        cluster = next((c for c in clusters if any(same_place(word, w) for w in c)), None)
        if cluster is None:
            clusters.append([word])
        elif word not in cluster:
            cluster.append(word)
    names = {w: max(c, key=lambda s: (len(s), s)) for c in clusters for w in c}
    return [names.get(w, UNNAMED) for w in written]
