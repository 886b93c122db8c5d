"""What a number counts: the noun of its phrase, a "number of"/"toll" noun, or an earlier figure.

Reads the dependency parse of one sentence. "600 soldiers" counts soldiers;
"dozens of firefighters" and "40 pieces of equipment" count what follows "of";
"the number of miners who died ... has risen to 12" counts miners through the
quantity noun; "two miners died and one is missing" and "30 of them" borrow
the noun of a figure read before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from briefbook.figures.lexicon import Lexicon, lexicon

#: Dependencies through which a noun phrase hangs from the verb that governs it.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "appos", "dative", "agent", "oprd", "npadvmod"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}


@dataclass(frozen=True)
class Counted:
    """The noun a number counts, and the "number of"/"toll" noun when the count is split off."""

    noun: Token | None
    quantity: Token | None = None  # "number", "toll" … when the figure is its value
    borrowed: bool = False  # noun taken from an earlier figure ("two … and one …", "30 of them")
    phrase: Token | None = None  # head of the figure's own noun phrase ("members" in "9 members of …")
    previous_value: bool = False  # "up from 35": the older value of a count given in the same sentence
    antecedent: "Counted | None" = None  # the earlier figure a borrowed noun comes from
    partitive: bool = False  # "30 of them": a part of the antecedent figure


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
    """Follow "pieces of equipment", "members of the rescue teams" to what is really counted."""
    seen = 0
    while noun.lemma_.lower() in lex.partitive and seen < 3:
        inner = _of_object(noun)
        if inner is None:
            break
        noun, seen = inner, seen + 1
    return noun


def _quantity_of(number: Token, lex: Lexicon) -> Token | None:
    """The "number"/"toll" noun whose value ``number`` is, or "it" standing for one.

    Covers "the toll of 40", "the number … has risen to 12", "put the turnout at
    5,000", "estimated it at 9,000", "the number … was nearer to 70" and the
    headline fragment "Death toll climbs to 64".
    """
    head = number.head
    if number.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.quantity_nouns:
        return head.head
    if number.dep_ == "pobj" and head.dep_ in ("prep", "advmod", "ROOT") and head.lower_ in ("to", "at", "as", "around", "about", "near"):
        verb = head.head
        if verb.lemma_.lower() in lex.quantity_nouns:
            return verb
        of = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "pobj" else None
        if of is not None and of.lower_ == "of" and of.head.lemma_.lower() in lex.quantity_nouns:
            return of.head  # "put the count of those killed at 58"
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("acomp", "advmod", "attr", "prep", "oprd"):
                break
            verb = verb.head
    elif number.dep_ in ("attr", "dobj", "oprd"):
        verb = head
    else:
        return None
    nearby = list(verb.children) + [g for c in verb.children if c.dep_ in ("advmod", "acomp") for g in c.children]
    for child in nearby:  # "put the death toll higher, at 71" hangs the toll from "higher"
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod") and child.lemma_.lower() in lex.quantity_nouns:
            return child
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ == "it":
            return child
    return None


#: Dependencies of a bare number that stands for a noun said just before ("and one is missing").
ELLIPTIC_DEPS = {"nsubj", "nsubjpass", "dobj", "conj", "npadvmod", "appos", "dep"}


def counted_noun(number: Token, in_sentence: list[Counted] | None = None, in_document: list[Counted] | None = None) -> Counted:
    """The noun ``number`` counts ("600 soldiers" -> soldiers), or where the count is split off.

    ``in_sentence`` and ``in_document`` are the figures already read, most
    recent last: "one" in "two miners died and one is missing" and
    "30 of them" count what an earlier figure counted.
    """
    lex = lexicon()
    in_sentence = in_sentence or []
    in_document = in_document or []
    head = number.head
    noun: Token | None = None
    phrase: Token | None = None
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and head.i > number.i and (
        head.pos_ in ("NOUN", "PROPN") or head.lemma_.lower() in lex.who
    ):
        noun = phrase = head
    elif any(c.dep_ in ("amod", "acomp", "acl") and c.lemma_.lower() in lex.who and c.i > number.i for c in number.children):
        noun = phrase = next(c for c in number.children if c.dep_ in ("amod", "acomp", "acl") and c.lemma_.lower() in lex.who
                             and c.i > number.i)  # "one dead", "eight wounded"
        return Counted(noun, phrase=number)
    elif _of_object(number) is not None:
        noun, phrase = _of_object(number), number
        if noun.pos_ == "PRON":
            same_paragraph = [c for c in in_document if c.phrase is not None and c.phrase.doc is number.doc]
            if not same_paragraph:
                return Counted(None)  # "them" with no figure before it in the paragraph: leave unresolved
            last = same_paragraph[-1]
            return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last, partitive=True)
    elif number.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
            and head.head.lemma_.lower() in lex.who:
        noun = phrase = head.head  # "a family of four", "a crowd of 8,000"
    if noun is not None and noun.lower_ in ("others", "other") and in_document:
        last = in_document[-1]  # "three died and dozens of others were hurt": more of the same group
        return Counted(last.noun, last.quantity, borrowed=True, phrase=phrase, antecedent=last)
    if noun is not None:
        if noun.lemma_.lower() in lex.quantity_nouns and _of_object(noun) is not None:
            return Counted(_of_object(noun), quantity=noun, phrase=phrase)
        return Counted(_through_partitive(noun, lex), phrase=phrase)
    quantity = _quantity_of(number, lex)
    if quantity is not None:
        if quantity.pos_ == "PRON":
            if not in_sentence:
                return Counted(None)
            last = in_sentence[-1]
            return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last)
        if _of_object(quantity) is None and quantity.lemma_.lower() in lex.anaphoric_quantities and (in_sentence or in_document):
            last = (in_sentence or in_document)[-1]  # "the number was nearer 900": the count just given
            return Counted(last.noun, last.quantity, borrowed=True, phrase=quantity, antecedent=last)
        return Counted(_of_object(quantity), quantity=quantity, phrase=quantity)
    fronted = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "among")
               and any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in c.children)]
    if fronted and in_document and number.dep_ in ("nsubj", "nsubjpass", "dobj") and number.pos_ == "NUM":
        last = in_document[-1]  # "Of those, 70 walked out": a part of the figure before
        return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last, partitive=True)
    if in_sentence and number.dep_ == "pobj" and head.lower_ == "from":
        subjects = [c for c in in_sentence if c.phrase is not None and c.phrase.dep_ in ("nsubj", "nsubjpass")]
        last = subjects[0] if subjects else in_sentence[-1]  # "500 medics …, up from 350"
        return Counted(last.noun, last.quantity, borrowed=True, phrase=number, previous_value=True, antecedent=last)
    if in_sentence and number.dep_ == "pobj" and head.lower_ in lex.subset_prepositions and number.pos_ == "NUM":
        last = in_sentence[-1]  # "arrested 5,500 people, including 1,100 on Thursday": a part of them
        return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last, partitive=True)
    if in_sentence and number.dep_ in ELLIPTIC_DEPS and number.pos_ == "NUM":
        parallel = [c for c in in_sentence if c.phrase is not None and c.phrase.dep_ == number.dep_]
        last = (parallel or in_sentence)[-1]  # "killing 14 people, including …, and wounding 40"
        if last.noun is not None and last.noun.pos_ in ("ADJ", "VERB"):
            # "Five dead, over 400 injured": the figure before counts a state, not a group; there is
            # no noun to share, and "dead" would name the group of the injured
            return Counted(None)
        # a part of it, or, like it, one place's share ("…, 52 in Oskar, and 41 in Veld")
        local = any(c.dep_ == "prep" and c.lower_ == "in" for c in number.children)
        return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last,
                       partitive=number.dep_ in ("npadvmod", "appos", "dep") or (number.dep_ == "conj" and local))
    return Counted(None)


def anchor_of(counted: Counted, number: Token) -> Token:
    """Where the figure's phrase hangs in the sentence: its own phrase, or the bare number when it
    borrows its noun; "181 others are missing" borrows the people of "175 people were killed" but
    hangs from "missing" through its own "others"."""
    if counted.phrase is None or (counted.borrowed and counted.phrase.lower_ not in ("others", "other")):
        return number
    return counted.phrase


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
