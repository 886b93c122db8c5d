"""The happening a date belongs to: the clause (or event noun) the date modifies.

A date expression is an adverbial: it hangs, in the dependency parse, under the
verb whose happening it dates ("protests *spread* … two days later") or, for a
bare month, under a noun naming a happening ("the *unrest* in January"). We
climb from the date up the parse, stepping over the prepositions and time nouns
that wrap it ("by the evening of March 12"), until a verb or an event noun is
reached, and take that word's phrase as the event: its subject and complements,
but not clauses coordinated with it ("… and the crowd began to leave"),
which state other happenings.

Only the shared parse is read here; nothing is parsed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefbook.nlp import tokens_in

#: Dependencies that join a separate happening to a clause; cut from its span.
SEPARATE = {"conj", "cc", "parataxis"}
#: A verb in one of these roles states its happening through its head ("began to withdraw").
CLIMB_VERB = {"xcomp", "aux", "auxpass"}
SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
#: An adjective in one of these roles has no happening of its own: the date dates the verb it
#: completes ("remained closed on Monday", "found him guilty on Friday"), and a name the tagger took
#: for an adjective lands here too.
ADJECTIVE_COMPLEMENTS = {"ccomp", "acomp", "oprd", "dobj"}


@dataclass(frozen=True)
class Clause:
    """Character offsets (into the paragraph) of an event's words, and who did what."""

    start: int
    end: int
    head: Token | None
    actor: str
    verb: str
    future: bool  # the clause looks forward: "will meet on Monday", "set for Nov. 1"
    nominal: bool = False  # the event is a noun phrase ("the unrest in January"), not a clause


def _span_root(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[0] if tokens else None


def _possessive(token: Token) -> bool:
    """"Monday's raid", and "a Monday's raid", which the parser hangs on the noun as a
    modifier marked with "'s" rather than as a possessor."""
    return token.dep_ == "poss" or (token.dep_ == "nmod" and any(c.tag_ == "POS" for c in token.children))


def _dated_by_another(noun: Token, ids: set[int]) -> bool:
    """Whether a noun names its happening with a day of its own ("Wednesday's jump"), not the
    date at ``ids``."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        _possessive(c) and c.ent_type_ == "DATE" and c.i not in ids for c in noun.children)


def _event_noun_before(root: Token, event_nouns: frozenset[str]) -> Token | None:
    """The happening noun right before a month's preposition ("the unrest | in January")."""
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.i == 0:
        return None
    before = prep.doc[prep.i - 1]
    return before if before.pos_ == "NOUN" and before.lower_ in event_nouns else None


def _with_absolute(token: Token) -> Token:
    """"…, with buildings getting ransacked a few days later": the participle describes the
    circumstances of the clause the ``with`` phrase hangs on, so that clause is the event."""
    noun = token.head
    if token.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        head = noun.head.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return token


def event_head(
    doc: Doc,
    start: int,
    end: int,
    time_nouns: frozenset[str],
    month_only: bool,
    event_nouns: frozenset[str] = frozenset(),
) -> Token | None:
    """The verb (or, for a month, the event noun) the date at ``start:end`` modifies."""
    inside = tokens_in(doc, start, end)
    root = _span_root(inside)
    if root is None:
        return None
    noun = _event_noun_before(root, event_nouns)
    if noun is not None and (month_only or root.head.head.i == noun.i):
        # "the unrest in January"; "the blackout since Thursday" when the parse hangs the day on the noun
        return noun
    if root.head.pos_ == "NOUN" and (_possessive(root) or (root.dep_ == "compound" and
                                                           root.head.lemma_.lower() in event_nouns)):
        # "Tuesday's fire", "Sunday's election", "the Thursday stampede": the noun names the happening
        return root.head
    ids = {t.i for t in inside}
    token = root
    preposition = None  # the last preposition climbed over
    while token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.pos_ == "ADP" and token.i not in ids:
            preposition = token
        if token.i in ids or token.pos_ in ("ADP", "SCONJ", "ADV", "DET", "NUM", "PART", "CCONJ", "PUNCT"):
            continue
        if token.dep_ == "prep":
            continue  # "including 1,100 on Thursday", "following the meeting": a preposition, not a happening
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in time_nouns:
            continue
        break
    if token.i in ids:
        return None
    if preposition is not None and _dated_by_another(token, ids):
        # "Monday's rise in the price from 3.10 late Sunday": the noun's happening has its own
        # day; this one dates only the phrase it is written in (where the price stood before)
        return preposition
    if token.pos_ in ("NOUN", "PROPN", "PRON"):
        # A date on a subject or object belongs to the clause, unless only a month names when.
        if month_only and token.dep_ not in SUBJECTS:
            return token
        while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return token
    if token.pos_ == "ADJ" and token.dep_ in ADJECTIVE_COMPLEMENTS and token.head.pos_ in ("VERB", "AUX"):
        token = token.head  # "told the agency Harlo on Monday that …" with the name read as an adjective
    while token.dep_ in CLIMB_VERB and token.head.i != token.i:
        if token.head.pos_ in ("VERB", "AUX"):
            token = token.head
        elif token.head.pos_ == "ADJ" and token.head.dep_ == "acomp":  # "is due to open on Saturday"
            token = token.head.head
        else:
            break
    return _opening_adjunct(_with_absolute(token))


def _opening_adjunct(token: Token) -> Token:
    """"Speaking at the funeral on Friday, the president warned …", "In a statement published
    Thursday, the group said …": a participle that opens the sentence sets the time of its main
    clause, and the main clause is the happening a reader dates."""
    head = token.head
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.left_edge.i == token.sent.start \
            and token.i < head.i and head.pos_ in ("VERB", "AUX"):
        return head
    if token.dep_ == "acl" and token.tag_ == "VBN" and head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep = head.head
        if prep.i == token.sent.start and prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i:
            return prep.head
    return token


COMPLEMENTS = {"ccomp", "dobj", "xcomp", "attr", "dative"}


def reported_clause(head: Token, reporting_verbs: frozenset[str]) -> Token:
    """The clause a bare reporting verb reports ("X happened, officials said on Monday").

    The parser often attaches such a verb as coordinated with the statement it
    reports; with no complement of its own, the statement is what the date dates.
    """
    if (
        head.dep_ == "conj"
        and head.lemma_.lower() in reporting_verbs
        and not any(c.dep_ in COMPLEMENTS for c in head.children)
        and head.head.i < head.i
    ):
        return head.head
    return head


#: What a comma after the date may introduce that describes the happening rather than states it
#: ("…, with bunkers set up", "…, including a ferry pilot", "…, where …", "…, but …"). A participle
#: telling its result ("…, sending water into the streets") is the happening itself and stays, unless
#: it says the happening caused another (:func:`_tells_a_consequence`).
TRAILING = {"advcl", "acl", "relcl", "prep", "npadvmod", "appos", "cc", "conj", "parataxis"}
#: Subordinators of a clause that tells another happening than the dated one ("… on Tuesday after the
#: army chief said …", "… on Wednesday as rescuers found …").
OTHER_HAPPENING = {"after", "as", "before", "while", "when", "since", "until", "because", "though", "although"}


def _tells_a_consequence(participle: Token, cause_verbs: frozenset[str]) -> bool:
    """"…, sparking a strike", "…, flooding roads and triggering an evacuation": a participle
    phrase one of whose verbs says the happening caused another states that other happening, which
    has a date of its own (or none), not the dated one's result."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in cause_verbs for t in participle.subtree)


def _goes_on_with_the_noun(top: Token, comma: Token, date_end: int) -> bool:
    """"… cut the fees charged to some traders, including the owners of market stalls": what
    the comma opens hangs on the noun written right before it, after the date, so it goes on with
    that noun (the object of the happening) rather than adding circumstances to the dated clause.
    ("Forty workers were hurt … on Monday, including a driver" hangs on the subject, far before.)"""
    noun = top.head
    return top.dep_ in ("prep", "appos", "acl") and noun.pos_ in ("NOUN", "PROPN") \
        and noun.i == comma.i - 1 and noun.idx >= date_end


def _without_what_follows(words: list[Token], head: Token, date_end: int,
                          cause_verbs: frozenset[str] = frozenset()) -> list[Token]:
    """The clause's words up to where, after both its verb and its date, it goes on to another
    happening or to circumstances: a comma opening an adjunct, or a subordinate clause. Annotators
    and readers take the happening as the main clause ("Nine people drowned off the pier … on Thursday")."""
    ids = {t.i for t in words}
    for k, token in enumerate(words):
        if token.i <= head.i or token.idx < date_end or k + 1 >= len(words):
            continue
        if token.text in (",", ";", "–", "—"):
            first = words[k + 1]
            top = first
            while top.head.i in ids and top.head.i != top.i and top.head.left_edge.i >= first.i:
                top = top.head
            participle = top.dep_ == "advcl" and top.tag_ == "VBG"
            if top is not head and top.dep_ in TRAILING and not _goes_on_with_the_noun(top, token, date_end) \
                    and (not participle or _tells_a_consequence(top, cause_verbs)):
                return words[:k]
        elif token.dep_ == "mark" and token.lower_ in OTHER_HAPPENING and token.head.dep_ == "advcl" \
                and token.head.left_edge.i == token.i:
            return words[:k]
    return words


def _without_what_precedes(words: list[Token], head: Token, date_start: int) -> list[Token]:
    """The clause's words from its subject on when a subordinate clause or a participle phrase opens
    it, ends in a comma, and holds no date ("As the strike turned bitter, the council declared
    a curfew last Friday", "After forging the papers, he left the city two days before"): the
    opener tells another happening."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return words
    for child in head.children:
        if child.i >= subject.left_edge.i or child.dep_ not in ("advcl", "prep"):
            continue
        opener = list(child.subtree)
        after = opener[-1].i + 1
        if opener[0].i != words[0].i or after >= len(head.doc) or head.doc[after].text != "," \
                or opener[-1].idx + len(opener[-1]) > date_start:
            continue
        if child.dep_ == "prep" and not any(g.dep_ == "pcomp" for g in child.children):
            continue  # "In Harwick, police fired …": a place or a time, not another happening
        return [t for t in words if t.i > after]
    return words


def clause_of(head: Token, date_end: int | None = None, date_start: int | None = None,
              cause_verbs: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character span of ``head``'s phrase without coordinated clauses (and, given where the date
    is, without what follows it or opens it on another happening: :func:`_without_what_follows`,
    :func:`_without_what_precedes`)."""
    cut: set[int] = set()
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in SEPARATE:
                cut.update(t.i for t in child.subtree)
    words = [t for t in head.subtree if t.i not in cut]
    if head.pos_ == "NOUN" and date_end is not None and date_end <= head.idx:
        # "the Thursday crush in Harwick", "Sunday's 5.4 magnitude tremor in the hill district": the date
        # names the happening with the noun; what follows the noun tells where, not when
        words = [t for t in words if t.i <= head.i]
    if date_end is not None and words:
        words = sorted(words, key=lambda t: t.i)
        words = _without_what_follows(words, head, date_end, cause_verbs)
    if date_start is not None and words:
        words = _without_what_precedes(sorted(words, key=lambda t: t.i), head, date_start)
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "the protests that started on January 2", "an offer put to them last week": take in the noun
        noun = head.head
        words = [t for t in noun.subtree if t.i < head.i and t.i >= noun.left_edge.i] + words
    words = [t for t in words if not t.is_punct or (words[0].i < t.i < words[-1].i)]
    while len(words) > 1 and words[0].lower_ in OTHER_HAPPENING and words[0].dep_ in ("mark", "advmod") \
            and words[0].head.i == head.i:
        # "when a violent storm struck …": the subordinator ties the event to another, it is not of it
        words = words[1:]
    if not words:
        return head.idx, head.idx + len(head)
    first = min(words, key=lambda t: t.i)
    last = max(words, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def actor_of(head: Token, start: int = 0) -> str:
    """Who did it: the subject of the event's verb (words from character ``start`` on, so
    that a dateline the parser took for a subject is left out)."""
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words = [
                t for t in child.subtree
                if t.dep_ not in ("relcl", "acl", "appos") and not t.is_punct and t.idx >= start
            ]
            if words:
                return " ".join(t.text for t in words[:8])
    if head.dep_ == "relcl":
        return head.head.text
    return ""


def looks_forward(head: Token, future_markers: frozenset[str]) -> bool:
    """"will meet on Monday"; and an infinitive under such a verb ("a plane will be sent to fly
    them home on Sunday": the flight is as much to come as the sending)."""
    def marked(token: Token) -> bool:
        return any(c.lower_ in future_markers for c in token.children if c.dep_ in ("aux", "auxpass"))

    infinitive = head.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    return marked(head) or (infinitive and head.head.i != head.i and marked(head.head))


def is_plan(head: Token, plan_words: frozenset[str]) -> bool:
    """"set for Nov. 1", "is due to open on Saturday", "expect the rain to ease by Thursday"."""
    words = [head] + [c for c in head.children if c.dep_ in ("acomp", "aux", "auxpass")]
    # "was due to engineers leaving": "due to" before a noun gives a cause, not a plan
    words = [t for t in words if not (t.lower_ == "due" and any(c.dep_ == "prep" and c.lower_ == "to"
                                                                 for c in t.children))]
    if head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i:
        words.append(head.head)
    return any(t.lemma_.lower() in plan_words or t.lower_ in plan_words for t in words)


def clause_for_date(
    doc: Doc,
    start: int,
    end: int,
    time_nouns: frozenset[str],
    future_markers: frozenset[str],
    month_only: bool,
    reporting_verbs: frozenset[str] = frozenset(),
    event_nouns: frozenset[str] = frozenset(),
    plan_words: frozenset[str] = frozenset(),
    cause_verbs: frozenset[str] = frozenset(),
) -> Clause:
    """The event clause of the date at ``start:end`` in a parsed paragraph.

    Falls back to the date's sentence when the parse gives no verb (headlines,
    fragments), so every date still yields an event a reader can check.
    """
    head = event_head(doc, start, end, time_nouns, month_only, event_nouns)
    if head is None:
        inside = tokens_in(doc, start, end)
        sent = inside[0].sent if inside else doc[:]
        return Clause(sent.start_char, sent.end_char, None, "", "", False)
    reported = reported_clause(head, reporting_verbs)
    if reported is not head:
        words = [t for t in doc[reported.left_edge.i: head.right_edge.i + 1]]
        while len(words) > 1 and words[-1].is_punct:
            words.pop()
        span_start, span_end = words[0].idx, words[-1].idx + len(words[-1])
    else:
        span_start, span_end = clause_of(head, end, start, cause_verbs)
    future = looks_forward(head, future_markers) or is_plan(head, plan_words)
    verb = head.lemma_.lower()  # the happening word as a lemma, noun ("fires" -> fire) or verb
    nominal = head.pos_ not in ("VERB", "AUX")
    return Clause(min(span_start, start), max(span_end, end), head, actor_of(head), verb, future, nominal)


def interval_clause(doc: Doc, start: int, end: int) -> Clause | None:
    """The clause "N days after" introduces ("two days after *the river burst its banks*").

    Only a clause counts (the parse marks "after" as its subordinator); "two
    days after the vote" names a happening without a clause and is left alone.
    """
    inside = tokens_in(doc, start, end)
    if not inside or inside[-1].dep_ != "mark":
        return None
    verb = inside[-1].head
    words = [t for t in doc[inside[-1].i + 1: verb.right_edge.i + 1]]
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return None
    return Clause(words[0].idx, words[-1].idx + len(words[-1]), verb, actor_of(verb), verb.lemma_.lower(), False)
