"""Reported speech: verbs of saying, their speakers and what they report, from the parse.

A cue is a token whose lemma is in ``speech_verbs.yaml``. What was said is read
off the dependency tree rather than from word windows, because wire copy puts
the attribution anywhere: before ("X said that …"), after ("…, X said."), in the
middle ("The militants, X said, wanted …") or as "according to X, …".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from briefbook.language.names import is_acronym, roles
from briefbook.resources import load_yaml

#: Dependents of a cue that are never part of the message.
NOT_MESSAGE = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "conj", "advmod", "npadvmod",
               "mark", "prt", "advcl", "expl", "dep", "intj", "meta", "agent"}


@dataclass(frozen=True)
class VerbRule:
    deps: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    particle: str = ""
    #: prepositions of which one must be there for the verb to report anything ("dismissed the claims
    #: as lies" reports; "dismissed a district court appeal" is an act of a court, not words)
    requires: frozenset[str] = frozenset()
    #: relations whose clause is the message only when it opens with a question word ("described how
    #: her husband died"); a quotation the parser hangs on the verb ("described X as Y: “…”") is not
    wh_deps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    reported: dict[str, VerbRule] = field(default_factory=dict)
    direct_only: frozenset[str] = frozenset()
    according_to: tuple[tuple[str, ...], ...] = ()
    #: verbs that credit what they govern to their subject (figures, dated reports)
    reporting: frozenset[str] = frozenset()
    #: crediting words read only for figures ("citing", "per")
    citing: tuple[str, ...] = ()
    #: participles with which the writer glosses a quotation just closed ("…,” referring to …")
    glosses: frozenset[str] = frozenset()
    #: verbs whose message alone loses the speaker's stance ("denied any collusion")
    stance: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The verbs of saying from the editable ``speech_verbs.yaml``."""
    data = load_yaml("speech_verbs.yaml")
    reported = {
        lemma: VerbRule(frozenset(rule.get("deps", [])), frozenset(rule.get("preps", [])), rule.get("particle", ""),
                        frozenset(rule.get("requires", [])), frozenset(rule.get("wh_deps", [])))
        for lemma, rule in (data.get("reported") or {}).items()
    }
    return Lexicon(reported, frozenset(data.get("direct_only") or []),
                   tuple(tuple(p.lower().split()) for p in data.get("according_to") or []),
                   frozenset(w.lower() for w in data.get("reporting") or []),
                   tuple(w.lower() for w in data.get("citing") or []),
                   frozenset(w.lower() for w in data.get("glosses") or []),
                   frozenset(w.lower() for w in data.get("stance") or []))


def verb_forms(lemma: str) -> set[str]:
    """The regular English forms of a verb: deny -> denies, denied, denying; praise -> praises,
    praised, praising; slam -> slams, slammed, slamming (enough to know a cue's verb without the
    parser). A short final syllable may double its consonant or not ("slammed", "visited"): both."""
    vowels = "aeiou"
    if lemma.endswith("y") and lemma[-2:-1] not in vowels:
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing"}
    forms = {lemma, lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"), lemma + "ed", lemma + "ing"}
    if len(lemma) > 2 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels and lemma[-3] not in vowels:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def _stance_forms() -> frozenset[str]:
    return frozenset(form for lemma in lexicon().stance for form in verb_forms(lemma))


def keeps_its_verb(cue: str) -> bool:
    """Whether a reported statement's wording must keep its verb (``stance`` in ``speech_verbs.yaml``)."""
    return str(cue).strip().lower() in _stance_forms()


def is_cue(token: Token, lex: Lexicon | None = None) -> bool:
    """A verb of saying (reported or quotation-only), with its particle when one is required."""
    lex = lex or lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and not (token.pos_ in ("NOUN", "PROPN") and token.dep_ == "ROOT"):
        return False
    if lemma in lex.reported:
        rule = lex.reported[lemma]
        return not rule.particle or any(c.dep_ == "prt" and c.lower_ == rule.particle for c in token.children)
    return lemma in lex.direct_only


def subject(cue: Token) -> Token | None:
    """The speaker token of a cue: its own subject, or that of the verb of saying it hangs off.

    "X thanked Y and said …" and "X said …, adding that …" give the second verb no
    subject of its own, so it is inherited from the nearest verb-of-saying ancestor
    (not from any ancestor: in "X claimed that Y will act, adding …" the parser may
    attach "adding" to "act", whose subject Y did not speak). Passive "it was
    reported" has no speaker.
    """
    quoted = _quoted_as_saying(cue)
    if quoted is not None and quoted.lower_ not in roles().not_speakers:
        return quoted
    if quoted is not None:
        # "the agency cited informed sources as saying …": sources that name no one; the agency vouches
        verb = cue.head.head if cue.dep_ == "pcomp" else cue
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for child in cue.children:
        if child.dep_ == "nsubj":
            return _antecedent(child, cue) or child
        if child.dep_ in ("nsubjpass", "expl"):
            return None
    acronym = next((c for c in cue.children if c.dep_ in ("aux", "auxpass") and c.i == cue.i - 1
                    and is_acronym(c)), None)
    if acronym is not None:
        return acronym  # "IS said": the group's initials, not "is"
    stranded = _stranded_subject(cue)
    if stranded is not None:
        return stranded
    if cue.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    token = cue
    while (token.dep_ in ("conj", "advcl", "xcomp") or token is not cue and token.dep_ == "ccomp") \
            and token.head is not token:
        token = token.head
        # a verb of saying inside another's message ("X said that Y responded …, adding …") passes
        # the participle on to the speaker whose message it is
        if is_cue(token) and not nested(token):
            return subject(token)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.head.dep_ == "relcl":
        # "Protesters argued X benefits Y, whose party led Z, saying …": hung off the relative clause,
        # the participle goes on with the verb of saying the sentence is about, when there is one
        said = next((t for t in cue.head.ancestors if is_cue(t) and t.dep_ == "ROOT"), None)
        if said is not None:
            return subject(said)
    if cue.dep_ == "advcl" and cue.tag_ == "VBG":
        # a participle clause ("…, saying that …") has the subject of the clause it hangs off; after
        # "the agency quoted X as saying …, adding that …" that is X going on, not the agency
        quoted_on = _quoted_as_saying(cue.head)
        if quoted_on is not None:
            return quoted_on
        return next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if cue.dep_ == "conj" and cue.head.dep_ == "ROOT" and cue.head.pos_ == "VERB":
        # "Ruiz fired Brenner and announced a new chief …": two acts of one subject (of a main clause
        # only: inside a message the subject may be someone the speaker talks about)
        return next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    return None


#: Relative pronouns a verb of saying may have for its subject ("Ruiz, who said …", "the ministry, which said …").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _antecedent(subj: Token, cue: Token) -> Token | None:
    """The noun a relative clause's verb of saying hangs off, when its subject is the relative pronoun:
    in "… for Ruiz, who claimed that …" Ruiz claimed it."""
    if cue.dep_ == "relcl" and subj.tag_ in ("WP", "WDT") and subj.lower_ in RELATIVE_PRONOUNS:
        return cue.head
    return None


def _stranded_subject(cue: Token) -> Token | None:
    """The name right before a subjectless main verb of saying that the parser hung elsewhere
    ("… smashed through the gates of the harbour office and President Ana Ruiz said the nation would
    not bow": "Ruiz" parsed as a second gate). Only a proper noun joined to a noun before it counts."""
    if cue.dep_ != "ROOT" or cue.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    if before.text == "," and cue.i >= 2:
        # "…, Ana Ruiz, who leads the union, said": the name before the aside that closes at the comma
        aside = next((t for t in cue.doc[cue.sent.start:cue.i - 1]
                      if t.dep_ in ("relcl", "appos") and t.right_edge.i == cue.i - 2), None)
        if aside is not None and aside.head.i < aside.i:
            before = aside.head
    if before.pos_ == "PROPN" and before.dep_ in ("conj", "appos") and before.head.i < before.i \
            and before.head.pos_ in ("NOUN", "PROPN"):
        return before
    return None


#: Words that open a reported question or manner clause ("described how …", "explained why …").
QUESTION_WORDS = frozenset({"how", "what", "why", "where", "when", "whether", "who", "which"})

#: "The agency quoted/cited X as saying …": the verbs whose object, not their subject, is the speaker.
QUOTING = frozenset({"quote", "cite"})


def _quoted_as_saying(cue: Token) -> Token | None:
    """X in "Xinhua quoted local official X as saying …" (the cue being "quoted" or "saying"):
    the agency passes the words on, X said them."""
    verb = cue.head.head if cue.dep_ == "pcomp" and cue.head.lower_ == "as" else cue
    if verb.lemma_.lower() not in QUOTING:
        return None
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
                    for c in verb.children)
    return next((c for c in verb.children if c.dep_ == "dobj"), None) if as_saying else None


def nested(cue: Token) -> bool:
    """A verb of saying inside another one's message ("said the mission had noted …"): part of that message.

    Not a full attribution before a trailing one ("A said the blasts were terror, IRNA reported"):
    those are A's words, which IRNA passes on."""
    token = cue
    if token.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        token = token.head
    passed_on = token.i < token.head.i and any(c.dep_ == "nsubj" for c in token.children)
    return token.dep_ == "ccomp" and token.head is not token and is_cue(token.head) and not passed_on


def message_tokens(cue: Token, lex: Lexicon | None = None) -> list[Token]:
    """Tokens of what the cue reports (empty when it has no message of its own)."""
    lex = lex or lexicon()
    rule = lex.reported.get(cue.lemma_.lower(), VerbRule(frozenset({"ccomp"})))
    tokens: list[Token] = []
    children = list(cue.children)
    # the required preposition hangs off the verb or off its object ("dismissed [the reports as lies]")
    if rule.requires and not any(t.dep_ == "prep" and t.lower_ in rule.requires
                                 for c in children for t in (c, *(c.children if c.dep_ == "dobj" else ()))):
        return []
    own = next((c for c in children if c.dep_ == "nsubj"), None)
    joined = own is not None and own.left_edge.i > 0 and cue.doc[own.left_edge.i - 1].pos_ == "CCONJ"
    # a message on both sides of its verb: the one after it is the message ("While … remains unknown,
    # the minister said 80 percent … died": the opening clause is the writer's)
    both_sides = own is not None and any(c.dep_ in rule.deps and c.i > cue.i for c in children)
    if _stranded_subject(cue) is not None or joined or both_sides:
        # "… rammed the doors of the palace and President X said …": what went before the speaker
        # is another clause joined to the sentence, not the message
        children = [c for c in children if c.i > cue.i]
    # object control ("warned residents to stay away", "urged people to leave"): the object belongs to the message
    controls = any(c.dep_ == "xcomp" for c in children) and "xcomp" in rule.deps
    for child in children:
        if child.dep_ == "dobj" and controls:
            tokens.extend(child.subtree)
            continue
        if child.dep_ == "xcomp" and controls:
            # "urged people to stay calm and appointed a new police chief": a finite verb joined to the
            # infinitive is the speaker's next act, not part of what they urged
            acts = [c for c in child.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ")]
            drop = {t.i for c in acts for t in c.subtree} | {c.i for c in child.children
                                                            if c.dep_ == "cc" and acts and c.i < acts[0].i}
            tokens.extend(t for t in child.subtree if t.i not in drop)
            continue
        if child.dep_ == "conj" and is_cue(child, lex) and _no_speaker(child):
            # "stated that more had been questioned, and findings indicate that …": one message
            joins = [c.i for c in children if c.dep_ == "cc" and c.i < child.i]
            tokens.extend(cue.doc[(joins[-1] if joins else child.left_edge.i):child.right_edge.i + 1])
            continue
        if child.dep_ in NOT_MESSAGE or child.dep_ in ("nsubj", "nsubjpass"):
            continue
        if child.dep_ == "ccomp" and is_cue(child, lex) and not nested(child):
            continue  # "A said the blasts were terror, IRNA reported": the words are A's, IRNA passes them on
        if child.dep_ in rule.deps or child.dep_ in rule.wh_deps and child.left_edge.lower_ in QUESTION_WORDS:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in rule.preps:
            tokens.extend(child.subtree if tokens or any(c.dep_ == "dobj" for c in children)
                          else [t for t in child.subtree if t is not child])
        elif child.dep_ in ("oprd", "attr") and ("oprd" in rule.deps or "dobj" in rule.deps):
            tokens.extend(child.subtree)
    if not tokens:
        # "said in a statement that …": the clause hangs off the noun, not the verb
        for prep in (c for c in children if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for clause in obj.children:
                    if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        tokens = list(clause.subtree)
    if not tokens and cue.head is not cue and any(c.dep_ == "nsubj" for c in cue.children) and (
            cue.dep_ in ("parataxis", "ccomp") or (cue.dep_ == "conj" and cue.i > cue.head.i and not is_cue(cue.head))):
        # "…, X said." or "The militants, X said, wanted …": the head clause minus the attribution
        own = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in own]
    # a nested verb of saying starts a statement of its own ("…, adding that …")
    for token in list(tokens):
        relative = token.dep_ == "relcl" and any(_antecedent(c, token) for c in token.children if c.dep_ == "nsubj")
        if token is not cue and token.lemma_.lower() in lex.reported and is_cue(token, lex) \
                and (token.dep_ in ("advcl", "conj") or relative) and token in tokens and not nested(token) \
                and not _no_speaker(token):
            drop = {t.i for t in token.subtree}
            tokens = [t for t in tokens if t.i not in drop]
    return _trim_message(tokens, cue)


def _no_speaker(cue: Token) -> bool:
    """A verb of saying whose subject is no one who speaks ("…, and findings indicate that …"):
    it goes on with the message it stands in, it starts no statement of its own."""
    subj = subject(cue)
    return subj is not None and subj.lower_ in roles().not_speakers


def _trim_message(tokens: list[Token], cue: Token) -> list[Token]:
    """Keep a contiguous message: drop complementizers, trailing appositions and punctuation."""
    if not tokens:
        return []
    tokens = sorted(set(tokens), key=lambda t: t.i)
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if")
                      or tokens[0].is_punct and tokens[0].text not in "“\"«‘'"):
        tokens = tokens[1:]
    # a comma-led noun phrase at the end ("…, a phrase often used to …") is the writer's gloss;
    # the parser calls it an apposition or a second object
    for t in tokens:
        if t.i == 0 or t.doc[t.left_edge.i - 1].text not in (",", "—", "–", "-", "--") or t.right_edge.i < tokens[-1].i:
            continue
        second_object = t.dep_ in ("dobj", "npadvmod") and any(
            c.dep_ == t.dep_ and c.i < t.i for c in t.head.children)
        if t.dep_ == "appos" or second_object:
            tokens = [x for x in tokens if x.i < t.left_edge.i - 1]
            break
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"»’'" or tokens[-1].dep_ == "cc"
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def according_to(doc: Doc, lex: Lexicon | None = None) -> list[tuple[Span, list[Token]]]:
    """("according to X" speaker span, message tokens) pairs.

    Placed first ("According to X, …") the phrase attributes the rest of its
    sentence; placed last ("…, according to X.") the part of the sentence before
    it. Word order is used rather than the parse, which often attaches the
    phrase to the nearest noun.
    """
    lex = lex or lexicon()
    found = []
    lowers = [t.lower_ for t in doc]  # once per paragraph: slicing the Doc per token and phrase was a hot spot
    for token in doc:
        for phrase in lex.according_to:
            n = len(phrase)
            if tuple(lowers[token.i:token.i + n]) != phrase:
                continue
            objects = [c for c in doc[token.i + n - 1].children if c.dep_ == "pobj"] or \
                      [c for c in token.children if c.dep_ == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            speaker = doc[token.i + n:obj.right_edge.i + 1]
            sent = token.sent
            before = [t for t in sent if t.i < token.i and not t.is_punct and not t.is_space]
            if len(before) <= 1:  # sentence-initial (allowing a conjunction or adverb)
                clause = [t for t in sent if t.i >= speaker.end]
            else:
                clause = [t for t in sent if t.i < token.i]
            found.append((speaker, _trim_message(clause, token)))
    return found
