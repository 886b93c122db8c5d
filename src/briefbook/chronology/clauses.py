"""The happening a date belongs to: the clause (or event noun) the date modifies.

A date expression is an adverbial: it hangs, in the dependency parse, under the
verb whose happening it dates ("protests *spread* … two days later") or, for a
bare month, under a noun naming a happening ("the *unrest* in January"). We
climb from the date up the parse, stepping over the prepositions and time nouns
that wrap it ("by the morning of January 7"), until a verb or an event noun is
reached, and take that word's phrase as the event: its subject and complements,
but not clauses coordinated with it ("… and the troops began to withdraw"),
which state other happenings.

Only the shared parse is read here; nothing is parsed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

#: Dependencies that join a separate happening to a clause; cut from its span.
SEPARATE = {"conj", "cc", "parataxis"}
#: A verb in one of these roles states its happening through its head ("began to withdraw").
CLIMB_VERB = {"xcomp", "aux", "auxpass"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}


@dataclass(frozen=True)
class Clause:
    """Character offsets (into the paragraph) of an event's words, and who did what."""

    start: int
    end: int
    head: Token | None
    actor: str
    verb: str
    future: bool


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx < end and t.idx + len(t) > start]


def _span_root(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[0] if tokens else None


def event_head(doc: Doc, start: int, end: int, time_nouns: frozenset[str], month_only: bool) -> Token | None:
    """The verb (or, for a month, the event noun) the date at ``start:end`` modifies."""
    inside = tokens_in(doc, start, end)
    root = _span_root(inside)
    if root is None:
        return None
    ids = {t.i for t in inside}
    token = root
    while token.head.i != token.i:
        token = token.head
        if token.i in ids or token.pos_ in ("ADP", "DET", "NUM", "PART", "CCONJ", "PUNCT"):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in time_nouns:
            continue
        break
    if token.i in ids:
        return None
    if token.pos_ in ("NOUN", "PROPN", "PRON"):
        # A date on a subject or object belongs to the clause, unless only a month names when.
        if month_only and token.dep_ not in SUBJECTS:
            return token
        while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return token
    while token.dep_ in CLIMB_VERB and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return token


def clause_of(head: Token) -> tuple[int, int]:
    """Character span of ``head``'s phrase without coordinated clauses."""
    cut: set[int] = set()
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in SEPARATE:
                cut.update(t.i for t in child.subtree)
    words = [t for t in head.subtree if t.i not in cut]
    if head.dep_ == "relcl":  # "the protests that started on January 2": take in what started
        noun = head.head
        words = [t for t in noun.subtree if t.i < head.i and t.i >= noun.left_edge.i] + words
    words = [t for t in words if not t.is_punct or (words[0].i < t.i < words[-1].i)]
    if not words:
        return head.idx, head.idx + len(head)
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _actor(head: Token) -> str:
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words = [t for t in child.subtree if t.dep_ not in ("relcl", "acl", "appos") and not t.is_punct]
            text = " ".join(t.text for t in words[:8])
            return text
    if head.dep_ == "relcl":
        return head.head.text
    return ""


def clause_for_date(
    doc: Doc, start: int, end: int, time_nouns: frozenset[str], future_markers: frozenset[str], month_only: bool
) -> Clause:
    """The event clause of the date at ``start:end`` in a parsed paragraph.

    Falls back to the date's sentence when the parse gives no verb (headlines,
    fragments), so every date still yields an event a reader can check.
    """
    head = event_head(doc, start, end, time_nouns, month_only)
    if head is None:
        inside = tokens_in(doc, start, end)
        sent = inside[0].sent if inside else doc[:]
        return Clause(sent.start_char, sent.end_char, None, "", "", False)
    span_start, span_end = clause_of(head)
    future = any(c.lower_ in future_markers for c in head.children if c.dep_ in ("aux", "auxpass"))
    verb = head.lemma_.lower() if head.pos_ in ("VERB", "AUX") else head.text.lower()
    return Clause(min(span_start, start), max(span_end, end), head, _actor(head), verb, future)
