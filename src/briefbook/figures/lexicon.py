"""The figures lexicon (``data/figures_lexicon.yaml``) in the shapes the code looks words up in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefbook.language.speech import lexicon as speech_lexicon
from briefbook.resources import load_yaml


@dataclass(frozen=True)
class Lexicon:
    who: dict[str, str]  # noun or "modifier noun" -> who
    who_modifiers: dict[str, str]  # modifier -> who
    equipment: frozenset[str]
    partitive: frozenset[str]
    quantity_nouns: frozenset[str]
    category_cues: dict[str, str]  # lemma -> category (first category listed wins)
    category_order: tuple[str, ...]
    update_verbs: frozenset[str]
    qualifiers: tuple[tuple[str, str], ...]  # (phrase, qualifier), longest phrase first
    update_words: tuple[str, ...]
    earlier_words: tuple[str, ...]
    unconfirmed_words: tuple[str, ...]
    reporting_verbs: frozenset[str]
    according_to: tuple[str, ...]
    quantity_who: dict[str, str]
    responders: frozenset[str]
    light_verbs: frozenset[str]
    background_verbs: frozenset[str]
    background_nouns: frozenset[str]
    background_of: frozenset[str]
    equipment_kinds: dict[str, str]  # materiel word -> kind (aircraft, vehicles …)
    protest_verbs: frozenset[str]
    projection_words: frozenset[str]
    subset_verbs: frozenset[str]
    anaphoric_quantities: frozenset[str]
    subset_prepositions: frozenset[str]
    passive_cues: dict[str, str]


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, words in groups.items():
        for word in words:
            out.setdefault(str(word).lower(), key)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml("figures_lexicon.yaml")
    speech = speech_lexicon()  # verbs of saying and crediting words: the shared lexicon
    qualifiers = sorted(
        ((phrase.lower(), key) for key, phrases in data["qualifiers"].items() for phrase in phrases),
        key=lambda pair: -len(pair[0]),
    )
    return Lexicon(
        who=_invert(data["who"]),
        who_modifiers=_invert(data["who_modifiers"]),
        equipment=frozenset(w.lower() for w in data["equipment"]),
        partitive=frozenset(w.lower() for w in data["partitive"]),
        quantity_nouns=frozenset(w.lower() for w in data["quantity_nouns"]),
        category_cues=_invert(data["category_cues"]),
        category_order=tuple(data["category_cues"]),
        update_verbs=frozenset(data["update_verbs"]),
        qualifiers=tuple(qualifiers),
        update_words=tuple(w.lower() for w in data["update_words"]),
        earlier_words=tuple(w.lower() for w in data["earlier_words"]),
        unconfirmed_words=tuple(w.lower() for w in data["unconfirmed_words"]),
        reporting_verbs=speech.reporting,
        according_to=tuple(" ".join(p) for p in speech.according_to) + speech.citing,
        quantity_who=dict(data.get("quantity_who") or {}),
        responders=frozenset(data.get("responders") or []),
        light_verbs=frozenset(data.get("light_verbs") or []),
        background_verbs=frozenset(data.get("background_verbs") or []),
        background_nouns=frozenset(data.get("background_nouns") or []),
        background_of=frozenset(w.lower() for w in data.get("background_of") or []),
        equipment_kinds=_invert(data.get("equipment_kinds") or {}),
        protest_verbs=frozenset(data.get("protest_verbs") or []),
        projection_words=frozenset(data.get("projection_words") or []),
        subset_verbs=frozenset(data.get("subset_verbs") or []),
        anaphoric_quantities=frozenset(data.get("anaphoric_quantities") or []),
        subset_prepositions=frozenset(data.get("subset_prepositions") or []),
        passive_cues=dict(data.get("passive_cues") or {}),
    )
