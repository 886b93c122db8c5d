"""How a figure is hedged: the words before the number and the sentence around it.

The hedge just before the number ("more than", "up to") sets the open end of
the range; the qualifier column adds what the sentence says about the figure
as a whole: an unconfirmed report, an update, an earlier figure, a projection.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from briefbook.figures.counted import Counted
from briefbook.figures.lexicon import lexicon


def modifier_before(text: str, start: int) -> str:
    """The hedge written just before a number ("more than", "at least", "up to" …), or ``"none"``."""
    before = text[max(0, start - 40):start].lower()
    for phrase, key in lexicon().qualifiers:
        if re.search(r"(?:^|[^\w])" + re.escape(phrase) + r"\s+(?:a\s+total\s+of\s+)?$", before):
            return key
    return "none"


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def _segment(number: Token, sentence: Span) -> str:
    """The stretch of the sentence around ``number`` between punctuation marks."""
    start, end = number.i, number.i
    while start > sentence.start and not sentence.doc[start - 1].is_punct:
        start -= 1
    while end + 1 < sentence.end and not sentence.doc[end + 1].is_punct:
        end += 1
    return sentence.doc[start:end + 1].text


def qualifier_of(number: Token, counted: Counted, modifier: str, sentence: Span) -> str:
    """The figure's qualifier: unconfirmed > update > earlier > the hedge before the number.

    An update is a number that is the new value of a count ("has risen to 12",
    "now stands at 30", "the toll climbed to 40"); an earlier figure is one the
    text itself presents as superseded ("an earlier report had put it at …").
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
    if counted.previous_value:
        return "earlier"
    if verb is not None and verb.lemma_.lower() in lex.update_verbs:
        modal = [c for c in verb.children if c.dep_ in ("aux", "advmod")] + ([verb.head] if verb.dep_ == "xcomp" else [])
        if any(t.lemma_.lower() in lex.projection_words or t.lower_ in lex.projection_words for t in modal):
            return "up_to"
        return "update"
    window = sentence.doc[max(sentence.start, number.i - 6):number.i]
    if any(t.lower_ in lex.update_words for t in window):
        return "update"
    if any(" " in w and _contains(_segment(number, sentence).lower(), w) for w in lex.update_words):
        return "update"  # "… have been recovered so far"
    close = sentence.doc[max(sentence.start, number.i - 3):number.i]
    if any(t.lemma_.lower() in lex.update_verbs for t in close) and any(t.lower_ in ("to", "at") for t in close):
        return "update"  # headline fragments the parser misreads: "Death toll climbs to 64"
    for token in sentence:
        if token.lower_ in lex.earlier_words and (
            token.head.lemma_.lower() in lex.reporting_verbs or token.head.dep_ == "ROOT"
            or token.head.lemma_.lower() in lex.quantity_nouns or token.head.lemma_.lower() in ("report", "estimate")
        ):
            return "earlier"
    if any(" " in w and _contains(lower, w) for w in lex.earlier_words):
        return "earlier"
    return modifier
