"""Framing: which ways of presenting events each statement uses, and the words that show it.

The lexicon lives in the editable ``frames.yaml``; matching is plain regular
expressions over the statement's content, so every frame assignment can be
traced to the words that triggered it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefbook.resources import load_yaml


@dataclass(frozen=True)
class Frame:
    key: str
    label: str
    patterns: tuple[re.Pattern[str], ...]
    #: All the patterns as one alternation: a statement that it misses cannot carry the frame, so
    #: the patterns (whose separate matches give the trigger words) are tried only after it hits.
    any: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        inner = [p.pattern for p in self.patterns]
        if inner and all(p.startswith(_BEFORE) and p.endswith(_AFTER) for p in inner):
            # the word boundaries once around the alternation, not in each of its branches: the
            # regex engine then tests the boundary once per position (five times faster on statements)
            either = _BEFORE + "(?:" + "|".join(p[len(_BEFORE):-len(_AFTER)] for p in inner) + ")" + _AFTER
        else:
            either = "|".join(f"(?:{p})" for p in inner) or r"(?!)"  # no patterns: never
        object.__setattr__(self, "any", re.compile(either, re.IGNORECASE))


#: What :func:`compile_pattern` puts around a pattern so it matches whole words only.
_BEFORE, _AFTER = r"(?<!\w)", r"(?!\w)"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``terror*`` -> any ending, a lone ``*`` -> one word, spaces -> any non-word run."""
    parts = []
    for word in pattern.lower().split():
        if word == "*":
            parts.append(r"\w+")
        elif word.endswith("*"):
            parts.append(word[:-1] + r"\w*")
        else:
            parts.append(word)
    return re.compile(_BEFORE + r"\W+".join(parts) + _AFTER, re.IGNORECASE)


@lru_cache(maxsize=1)
def frames() -> tuple[Frame, ...]:
    """The frames of ``frames.yaml``, compiled once."""
    data = load_yaml("frames.yaml") or {}
    return tuple(
        Frame(key, spec.get("label", key), tuple(compile_pattern(p) for p in spec.get("patterns", [])))
        for key, spec in data.items()
    )


def assign_frames(text: str) -> dict[str, list[str]]:
    """Frame label -> the distinct words of ``text`` that triggered it (in order of appearance)."""
    found: dict[str, list[str]] = {}
    for frame in frames():
        if not frame.any.search(text):
            continue
        hits: list[tuple[int, str]] = []
        for pattern in frame.patterns:
            hits += [(m.start(), m.group(0).lower()) for m in pattern.finditer(text)]
        if hits:
            words: list[str] = []
            for _, word in sorted(hits):
                if word not in words:
                    words.append(word)
            found[frame.label] = words
    return dict(sorted(found.items()))


def frame_columns(text: str) -> tuple[str, str]:
    """(frames, frame_triggers) as the ``;``-joined strings of ``statements.csv``."""
    found = assign_frames(text)
    return ";".join(found), ";".join(f"{label}: {', '.join(words)}" for label, words in found.items())
