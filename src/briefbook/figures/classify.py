"""What a number counts, what happened to them, and how the figure is hedged.

Everything here reads the dependency parse of one sentence (spaCy tokens), so
the same rules cover "225 people were killed", "hundreds of security guards
were injured", "250 pieces of equipment" and the split phrasing "the number of
officers who were killed ... has risen to 17". The words themselves (who
nouns, category verbs, hedges) come from ``data/figures_lexicon.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefbook.figures.lexicon import Lexicon, lexicon

#: Dependencies through which a noun phrase hangs from the verb that governs it.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "appos", "dative", "agent", "oprd", "npadvmod"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}


@dataclass(frozen=True)
class Counted:
    """The noun a number counts, and the "number of"/"toll" noun when the count is split off."""

    noun: Token | None
    quantity: Token | None = None  # "number", "toll" … when the figure is its value
    borrowed: bool = False  # noun taken from an earlier figure of the sentence ("two … and one …")
    phrase: Token | None = None  # head of the figure's own noun phrase ("members" in "16 members of …")


def span_head(tokens: list[Token]) -> Token:
    """The token of a multi-token number whose head lies outside it."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1]


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _through_partitive(noun: Token, lex: Lexicon) -> Token:
    """Follow "pieces of equipment", "members of the security forces" to what is really counted."""
    seen = 0
    while noun.lemma_.lower() in lex.partitive and seen < 3:
        inner = _of_object(noun)
        if inner is None:
            break
        noun, seen = inner, seen + 1
    return noun


def _quantity_subject(head: Token, lex: Lexicon) -> Token | None:
    """The "number"/"toll" noun whose value this number is ("… has risen to 17", "toll of 40", "toll is 40")."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in lex.quantity_nouns:
        return head.head.head
    verb = head.head if head.dep_ in ("attr", "dobj", "oprd") else None
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("to", "at"):
        verb = head.head.head
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in lex.quantity_nouns:
            return child
    return None


def counted_noun(number: Token, earlier: list[Counted] | None = None) -> Counted:
    """The noun ``number`` counts ("2,030 soldiers" -> soldiers), or where the count is split off."""
    lex = lexicon()
    noun: Token | None = None
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and number.head.pos_ in ("NOUN", "PROPN") \
            and number.head.i > number.i:
        noun = number.head
    elif _of_object(number) is not None:
        noun = _of_object(number)
    if noun is not None:
        phrase = noun if noun.head.i != number.i else number
        if noun.lemma_.lower() in lex.quantity_nouns and _of_object(noun) is not None:
            return Counted(_of_object(noun), quantity=noun, phrase=phrase)
        return Counted(_through_partitive(noun, lex), phrase=phrase)
    quantity = _quantity_subject(number, lex)
    if quantity is not None:
        return Counted(_of_object(quantity), quantity=quantity)
    if number.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") and earlier:
        last = earlier[-1]
        return Counted(last.noun, last.quantity, borrowed=True)
    return Counted(None)


def _who_of_token(noun: Token, lex: Lexicon) -> str | None:
    """The group ``noun`` names; a modifier ("civilian", "police") refines a people noun only."""
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    lemma, lower = noun.lemma_.lower(), noun.lower_
    for modifier in modifiers:
        for phrase in (f"{modifier.lemma_.lower()} {lemma}", f"{modifier.lower_} {lower}"):
            if phrase in lex.who:
                return lex.who[phrase]
        # hyphenated compounds: "law-enforcement officers"
        compound = " ".join(t.lower_ for t in modifier.subtree if t.i < noun.i and t.dep_ != "det").replace(" - ", "-")
        if f"{compound} {lemma}" in lex.who:
            return lex.who[f"{compound} {lemma}"]
    if lemma not in lex.who and lower not in lex.who:
        return None
    for modifier in modifiers:
        compound = " ".join(t.lower_ for t in modifier.subtree if t.i < noun.i and t.dep_ != "det").replace(" - ", "-")
        for key in (modifier.lemma_.lower(), modifier.lower_, compound):
            if key in lex.who_modifiers:
                return lex.who_modifiers[key]
    return lex.who.get(lemma) or lex.who.get(lower)


def who_of(counted: Counted) -> str | None:
    """Which group the counted noun names (None when it names no people: "directions", "years")."""
    lex = lexicon()
    noun = counted.noun
    if noun is None:
        return None
    found = _who_of_token(noun, lex)
    if found:
        return found
    for conj in noun.conjuncts:
        found = _who_of_token(conj, lex)
        if found:
            return found
    return None


def is_equipment(counted: Counted) -> bool:
    lex = lexicon()
    noun = counted.noun
    if noun is None:
        return False
    if noun.lemma_.lower() in lex.equipment or noun.lower_ in lex.equipment:
        return True
    return any(f"{c.lemma_.lower()} {noun.lemma_.lower()}" in lex.equipment for c in noun.children)


def governing_verb(token: Token) -> Token | None:
    """The verb (or predicate adjective) a noun phrase is an argument of, walking up prepositions."""
    current = token
    for _ in range(6):
        if current.dep_ == "conj" and current.head.pos_ in _NOMINAL:
            current = current.head
            continue
        if current.dep_ not in _ARGUMENT_DEPS or current.head.i == current.i:
            return current.head if current.head.pos_ in ("VERB", "AUX") and current.head.i != current.i else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _cue_tokens(counted: Counted, number: Token) -> list[Token]:
    """Words near the figure that may say what happened to the people counted."""
    cues: list[Token] = []
    nouns = []
    if counted.noun is not None:
        nouns = [counted.noun, *counted.noun.conjuncts]
    if counted.quantity is not None:
        nouns.append(counted.quantity)
    for noun in nouns:
        cues.append(noun)
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "acl", "relcl", "oprd"):
                cues.append(child)
                cues.extend(c for c in child.children if c.dep_ in ("acomp", "oprd", "xcomp", "dobj"))
    anchor = counted.quantity if counted.quantity is not None else (
        counted.phrase if counted.phrase is not None and not counted.borrowed else number)
    verb = governing_verb(anchor)
    if verb is not None:
        cues.append(verb)
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "xcomp", "dobj", "attr"):
                cues.append(child)
            if child.dep_ == "prep":
                cues.extend(c for c in child.children if c.dep_ == "pobj")
        if verb.dep_ == "xcomp" or verb.dep_ == "auxpass":
            cues.append(verb.head)
    return cues


def category_of(counted: Counted, number: Token, who: str | None, sentence: Span) -> tuple[str, str]:
    """The category of a figure and why (``"verb"``, ``"noun"``, ``"sentence"``, ``"default"``).

    Cues are looked for on the counted noun, its relative clauses and the verb
    that governs it; when none is there, the nearest cue word of the sentence
    decides (it covers "the death toll ... was not announced, although ... it goes
    about hundreds of people"). Materiel is always ``equipment``; troops with no
    other cue are ``deployed``.
    """
    lex = lexicon()
    if is_equipment(counted):
        return "equipment", "noun"
    found = {lex.category_cues[t.lemma_.lower()] for t in _cue_tokens(counted, number)
             if t.lemma_.lower() in lex.category_cues}
    found |= {lex.category_cues[t.lower_] for t in _cue_tokens(counted, number) if t.lower_ in lex.category_cues}
    for category in lex.category_order:
        if category in found and not (category == "deployed" and who not in ("troops", "security_forces")):
            return category, "verb"
    nearest = sorted(
        (abs(t.i - number.i), lex.category_cues[t.lemma_.lower()]) for t in sentence
        if t.lemma_.lower() in lex.category_cues and t.pos_ in ("VERB", "NOUN", "ADJ")
        and lex.category_cues[t.lemma_.lower()] != "deployed"
    )
    if nearest:
        return nearest[0][1], "sentence"
    if who == "troops":
        return "deployed", "default"
    return "other", "default"


def modifier_before(text: str, start: int) -> str:
    """The hedge written just before a number ("more than", "at least", "up to" …), or ``"none"``."""
    before = text[max(0, start - 40):start].lower()
    for phrase, key in lexicon().qualifiers:
        if re.search(r"(?:^|[^\w])" + re.escape(phrase) + r"\s+(?:a\s+total\s+of\s+)?$", before):
            return key
    return "none"


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def qualifier_of(number: Token, counted: Counted, modifier: str, sentence: Span) -> str:
    """The figure's qualifier: unconfirmed > update > earlier > the hedge before the number.

    An update is a number that is the new value of a count ("has risen to 17",
    "now stands at 30", "the toll climbed to 40"); an earlier figure is one the
    text itself presents as superseded ("earlier it was reported that …").
    """
    lex = lexicon()
    lower = sentence.text.lower()
    if any(_contains(lower, w) for w in lex.unconfirmed_words):
        return "unconfirmed"
    head = number
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "at"):
        verb = head.head.head
    elif head.dep_ in ("dobj", "attr"):
        verb = head.head
    else:
        verb = None
    if verb is not None and verb.lemma_.lower() in lex.update_verbs:
        return "update"
    window = sentence.doc[max(sentence.start, number.i - 6):number.i]
    if any(t.lower_ in lex.update_words for t in window):
        return "update"
    for token in sentence:
        if token.lower_ in lex.earlier_words and (
            token.head.lemma_.lower() in lex.reporting_verbs or token.head.dep_ == "ROOT"
            or token.head.lemma_.lower() in lex.quantity_nouns or token.head.lemma_.lower() in ("report", "estimate")
        ):
            return "earlier"
    if any(" " in w and _contains(lower, w) for w in lex.earlier_words):
        return "earlier"
    return modifier
