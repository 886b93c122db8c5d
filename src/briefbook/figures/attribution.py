"""Who a figure is credited to, through the shared speaker resolver.

A figure inside a statement, or in a sentence that attributes a statement, is
credited to that statement's resolved speaker
(:func:`briefbook.language.attribution.credited_speaker`): the casualty table
and the claims table then name the same source for the same sentence, pronouns
and roles resolved once. A figure no statement covers is credited by the
shared grammar of :mod:`briefbook.language.speech`: the object of "according
to X" (or "citing X") in its sentence, else the subject of a reporting verb
above it ("the ministry put the toll at 40"). A pronoun there is left
uncredited rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefbook.language.names import roles
from briefbook.language.speech import according_to, lexicon, subject


def _phrase(token: Token) -> str:
    """The noun phrase of ``token`` without trailing relative clauses or punctuation."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i < token.i]
    keep = {t.i for t in words}
    for t in token.subtree:  # drop the insides of relative clauses
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i == token.i and t.i > token.i:
            keep -= {s.i for s in t.subtree}
    tokens = [t for t in token.doc[token.left_edge.i:token.right_edge.i + 1] if t.i in keep]
    return "".join(t.text_with_ws for t in tokens).strip(" ,.;:\"'“”\n")


def according_to_source(sentence: Span, number: Token) -> str:
    """The source "according to X" (or "citing X", "per X") names nearest the figure in its sentence."""
    lex = lexicon()
    best = None
    for speaker, _ in according_to(sentence.doc, lex):
        if sentence.start <= speaker.start < sentence.end and len(speaker):
            if best is None or abs(speaker.start - number.i) < abs(best[0] - number.i):
                best = (speaker.start, _phrase(speaker.root))
    for token in sentence:
        if token.lower_ in lex.citing and token.lower_ != "according":
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
            if objects and (best is None or abs(token.i - number.i) < abs(best[0] - number.i)):
                best = (token.i, _phrase(objects[0]))
    return best[1] if best else ""


def reporting_source(sentence: Span, number: Token) -> str:
    """The subject of the reporting verb over the figure, with "told X" kept ("the ministry (told X)")."""
    lex = lexicon()
    candidates = [a for a in number.ancestors if a.lemma_.lower() in lex.reporting and a.pos_ in ("VERB", "AUX")]
    root = sentence.root
    if root.lemma_.lower() in lex.reporting and root not in candidates:
        candidates.append(root)
    pronouns = roles().pronouns
    for verb in candidates:
        speaker = subject(verb) or next(
            (c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
        if speaker is None or speaker.lower_ in pronouns or speaker.lower_ == "you":
            continue  # a pronoun no statement resolved stays uncredited: no guess
        name = _phrase(speaker)
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell"
                and c.pos_ == "PROPN"]
        if told:
            name += f" (told {_phrase(told[0])})"
        return name
    return ""


def attribution_of(sentence: Span, number: Token, credited: str | None = None) -> str:
    """The source a figure is credited to: ``credited`` (its statement's speaker) when given,
    else what the sentence's grammar names, or "" when the sentence credits nobody."""
    return credited or according_to_source(sentence, number) or reporting_source(sentence, number)
