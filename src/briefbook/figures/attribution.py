"""Who a figure is credited to: "according to X", "X said", "X told Y".

A figure is credited to the speaker of the reporting verb that governs it
(walking up the parse from the number), or to the object of "according to" in
its sentence. A bare pronoun speaker ("he claimed") is resolved to the last
person named earlier in the article, because wire copy names the speaker once
and then says "he".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefbook.figures.lexicon import lexicon

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}


def _phrase(token: Token) -> str:
    """The noun phrase of ``token`` without trailing relative clauses or punctuation."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i < token.i]
    keep = {t.i for t in words}
    for t in token.subtree:  # drop the insides of relative clauses
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i == token.i and t.i > token.i:
            keep -= {s.i for s in t.subtree}
    tokens = [t for t in token.doc[token.left_edge.i:token.right_edge.i + 1] if t.i in keep]
    return "".join(t.text_with_ws for t in tokens).strip(" ,.;:\"'“”\n")


def according_to(sentence: Span, number: Token) -> str:
    """The object of "according to …" (or "citing …") nearest the figure in its sentence."""
    lex = lexicon()
    best = None
    for token in sentence:
        if token.lower_ == "according":
            target = next((c for c in token.children if c.lower_ == "to"), None)
            objects = [c for c in target.children if c.dep_ == "pobj"] if target is not None else []
        elif token.lower_ in ("citing", "per") and any(token.lower_ == p for p in lex.according_to):
            objects = [c for c in token.children if c.dep_ in ("dobj", "pobj")]
        else:
            continue
        if objects and (best is None or abs(token.i - number.i) < abs(best[0] - number.i)):
            best = (token.i, _phrase(objects[0]))
    return best[1] if best else ""


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def reporting_source(sentence: Span, number: Token, people_before: list[str]) -> str:
    """The speaker of the reporting verb over the figure, with "told X" kept ("the ministry (told X)")."""
    lex = lexicon()
    candidates = [a for a in number.ancestors if a.lemma_.lower() in lex.reporting_verbs and a.pos_ in ("VERB", "AUX")]
    root = sentence.root
    if root.lemma_.lower() in lex.reporting_verbs and root not in candidates:
        candidates.append(root)
    for verb in candidates:
        speaker = _speaker(verb)
        if speaker is None or (speaker.lower_ == "it" and speaker.dep_ == "nsubj" and verb.lemma_ != "say"):
            continue
        if speaker.lower_ in _PRONOUNS:
            if speaker.lower_ in ("he", "she") and people_before:
                name = people_before[-1]
            else:
                continue
        else:
            name = _phrase(speaker)
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell"
                and c.pos_ == "PROPN"]
        if told:
            name += f" (told {_phrase(told[0])})"
        return name
    return ""


def attribution_of(sentence: Span, number: Token, people_before: list[str]) -> str:
    """The source a figure is credited to, or "" when the sentence credits nobody."""
    return according_to(sentence, number) or reporting_source(sentence, number, people_before)
