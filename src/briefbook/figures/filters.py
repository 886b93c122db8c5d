"""Numbers that count people but are not figures of the event.

Ages ("aged 19"), capacities and workforces ("employs 3,000 people"), a place's
own population ("the city's 50,000 residents") and counts of an earlier event
the article recalls ("since 1987, when 52 sailors drowned").
"""

from __future__ import annotations

from spacy.tokens import Token

from briefbook.figures.counted import Counted, anchor_of, governing_verb
from briefbook.figures.lexicon import lexicon
from briefbook.language.speech import is_cue


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100


def is_historical(counted: Counted, number: Token, year: int | None) -> bool:
    """A count of an earlier event the article recalls ("since 1987, when 52 sailors drowned").

    The figure's clause hangs from an explicit year ("…, when"), or names a
    year other than the article's ("In 1987, 52 sailors drowned").
    """
    anchor = anchor_of(counted, number)
    verb = governing_verb(anchor)
    if verb is None:
        return False
    if verb.dep_ in ("relcl", "advcl") and _is_year(verb.head):
        return True  # a clause hanging from a bare year recalls that year
    # "… one that hit the valley in 1998 and killed 46 people": the year of the verb it is joined to
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    years = [g for v in verbs for c in v.children if c.dep_ == "prep" for g in c.children
             if g.dep_ == "pobj" and _is_year(g)]
    return year is not None and any(int(y.text) != year for y in years)


def is_age(number: Token) -> bool:
    """An age, not a count ("aged 19 and 22", "a 14-year-old", "Ana Ruiz, 44, from Peru")."""
    head = number.head
    for token in (number, head, head.head):
        if token.lemma_.lower() in ("age", "aged"):
            return True
    if number.dep_ == "appos" and head.ent_type_ == "PERSON" and number.text.isdigit() and int(number.text) < 120:
        return True
    return number.nbor(1).lower_.startswith("-year") if number.i + 1 < len(number.doc) else False


def is_background(counted: Counted) -> bool:
    """A count that describes a place or organisation, not the event.

    "The plant employs 3,000 people", "licensed for 90 passengers", and a
    possessed total ("the camp's 6,000 residents", "the city's 50,000 residents").
    """
    lex = lexicon()
    phrase = counted.phrase
    if phrase is not None and not counted.borrowed and any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in phrase.children
    ):
        return True
    for token in (counted.noun, counted.quantity, counted.phrase):
        if token is not None and token.lemma_.lower() in lex.background_nouns:
            return True
    # "a nation of 6 million people", "home to 3,000 families": the size of a place
    top = counted.phrase if counted.phrase is not None else counted.noun
    if top is not None and not counted.borrowed and top.dep_ == "pobj" and top.head.lower_ in ("of", "to") \
            and top.head.head.lemma_.lower() in lex.background_of:
        return True
    anchor = counted.phrase if counted.phrase is not None else counted.noun
    verb = governing_verb(anchor) if anchor is not None and not counted.borrowed else None
    held = anchor
    while held is not None and held.dep_ == "conj":
        held = held.head
    if verb is not None and verb.lemma_.lower() == "have" and held.dep_ == "dobj" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.background_of for c in verb.children):
        return True  # "the school has four boarding houses and 530 pupils": what a place holds
    return verb is not None and verb.lemma_.lower() in lex.background_verbs


#: Determiners that make a bare number point back at people already counted ("all three", "the two").
ANAPHORIC_DETERMINERS = frozenset({"all", "the", "these", "those", "both"})


def is_anaphoric(counted: Counted, number: Token) -> bool:
    """A bare number that points back at people the text has already counted ("Three were killed … All
    three had bullet injuries", "the two were taken to hospital"): counting it again would count them
    twice, or as what the later clause says of them (three injured). A number with its own noun ("the
    two students") or one borrowed from an earlier figure ("two … and one …") is read as usual."""
    if counted.noun is not None or counted.borrowed or counted.quantity is not None:
        return False
    return any(c.dep_ in ("det", "predet") and c.lower_ in ANAPHORIC_DETERMINERS for c in number.children)


def is_no_count(number: Token) -> bool:
    """"one another", "one by one": words that are no number of anyone."""
    following = number.nbor(1).lower_ if number.i + 1 < len(number.doc) else ""
    return number.lower_ == "one" and following in ("another", "by")


def is_speaker(counted: Counted, number: Token) -> bool:
    """The count names who is speaking after their words ("…,” said one survivor"): the speaker of
    a quotation, not a figure of the event. ("Three survivors described the scene" still counts
    survivors, and a subject the parser finds inside the quotation is no speaker.)"""
    anchor = number if counted.phrase is None else counted.phrase
    return anchor.dep_ == "nsubj" and is_cue(anchor.head) and anchor.i > anchor.head.i
