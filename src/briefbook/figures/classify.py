"""Who a figure counts and what happened to them (category).

Everything here reads the dependency parse of one sentence (spaCy tokens), so
the same rules cover "80 people were killed", "dozens of firefighters were
injured", "40 pieces of equipment" and the split phrasing "the number of
miners who died ... has risen to 12". The words themselves (who
nouns, category verbs, hedges) come from ``data/figures_lexicon.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from briefbook.figures.counted import Counted, anchor_of, governing_verb
from briefbook.figures.lexicon import Lexicon, lexicon
from briefbook.language.names import same_place


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


#: People counted by a nationality not the corpus's own: a part of the toll, reconciled apart.
FOREIGN = "foreign nationals"


def _foreign(noun: Token, home: str) -> bool:
    """Whether ``noun`` counts people of another country than ``home`` ("Veldonians", "Ostmarker travellers",
    "its citizens": a country's own count of its nationals is a part of the toll, not the toll)."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    for word in words:
        if word.ent_type_ in ("NORP", "GPE") and word.pos_ in ("PROPN", "ADJ", "NOUN"):
            return not same_place(word.text, home)
    return noun.lemma_.lower() in ("citizen", "national") and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)


def who_of(counted: Counted, home: str | None = None) -> str | None:
    """Which group the counted noun names (None when it names no people: "directions", "years").

    Generic "people" who march, rally or strike are protesters; people of another nationality
    than the corpus's ``home`` are :data:`FOREIGN`.
    """
    lex = lexicon()
    noun = counted.noun
    if noun is None:
        if counted.quantity is not None:
            return lex.quantity_who.get(counted.quantity.lemma_.lower())
        return None
    found = _who_of_token(noun, lex)
    if not found:
        found = next((w for w in (_who_of_token(c, lex) for c in noun.conjuncts) if w), None)
    if not found and noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        found = "people"  # "63 Norwegians were killed": people named by their nationality
    if found == "people" and home and _foreign(noun, home):
        return FOREIGN
    if found == "people" and not counted.borrowed:
        verb = governing_verb(counted.phrase if counted.phrase is not None else noun)
        if verb is not None and verb.lemma_.lower() in lex.protest_verbs:
            return "protesters"
    return found


def is_responder(counted: Counted) -> bool:
    """A responder noun, alone or with its modifier ("rescuers", "rescue workers", "health workers")."""
    noun = counted.noun
    if noun is None:
        return False
    lemma, responders = noun.lemma_.lower(), lexicon().responders
    return lemma in responders or any(f"{c.lower_} {lemma}" in responders or f"{c.lemma_.lower()} {lemma}" in responders
                                      for c in noun.children if c.dep_ in ("compound", "amod"))


def own_cues(number: Token) -> list[Token]:
    """What the number itself is said to be, right at it: "over 400 injured", "181 missing",
    "850 injured", "the injured at 179" (a participle or adjective it governs, is the subject of,
    or is put "at", next to it). In a
    headline's list ("Five dead, over 400 injured") this says more than a noun borrowed from before."""
    own = [c for c in number.children if c.dep_ in ("amod", "acl") and c.i == number.i + 1]
    head = number.head
    if number.dep_ in ("nsubj", "nsubjpass") and head.i == number.i + 1 and head.pos_ in ("VERB", "ADJ"):
        own.append(head)
    # "put those killed at 58 and the injured at 92": the word the number is put "at"
    if number.dep_ == "pobj" and head.lower_ == "at" and head.i == number.i - 1 and head.i > 0 \
            and number.doc[head.i - 1].pos_ in ("VERB", "ADJ", "NOUN"):
        own.append(number.doc[head.i - 1])
    return own


def materiel_kind(counted: str) -> str:
    """The kind of materiel a counted noun names (aircraft, vehicles, weapons …, from the lexicon's
    ``equipment_kinds``; a plural is tried without its ending), else "other"."""
    kinds = lexicon().equipment_kinds or {}
    word = counted.lower().strip()
    for form in (word, word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else word):
        if form in kinds:
            return kinds[form]
    return "other"


def is_equipment(counted: Counted) -> bool:
    lex = lexicon()
    noun = counted.noun
    if noun is None:
        return False
    if noun.lemma_.lower() in lex.equipment or noun.lower_ in lex.equipment:
        return True
    return any(f"{c.lemma_.lower()} {noun.lemma_.lower()}" in lex.equipment for c in noun.children)


def cue_tiers(counted: Counted, number: Token) -> tuple[list[Token], list[Token]]:
    """Words that may say what happened to the people a figure counts: (near, far).

    Near: the counted noun and its conjuncts with their modifiers and relative
    clauses ("officers who were killed", "injured miners", "bodies"), the
    quantity noun ("death toll"), the noun a figure is in apposition to
    ("bodies …, among them three women") and the number's own modifiers
    ("dozens still missing", "four in stable condition"). Far: the verb
    that governs the figure with its complements and prepositional objects
    ("remains in stable condition"). Near words win, because a relative clause
    says more about the people counted than the verb of the sentence does.
    """
    lex = lexicon()
    near: list[Token] = []
    far: list[Token] = []
    nouns = []
    if counted.noun is not None:
        nouns = [counted.noun, *counted.noun.conjuncts]
    if counted.quantity is not None:
        nouns.append(counted.quantity)
    anchor = anchor_of(counted, number)
    if anchor.dep_ == "appos":
        nouns.append(anchor.head)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
            anchor.head.head.pos_ == "NOUN" or anchor.head.head.tag_ == "VBG"):
        nouns.append(anchor.head.head)  # "the bodies of 40 people", "the killing of 40": what the noun over them says
    if anchor.dep_ == "pobj" and anchor.head.lower_ in lex.subset_prepositions and anchor.head.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head.head  # "14 people, including three officers": the part shares the whole's verb
        nouns.append(anchor)
    for noun in nouns:
        near.append(noun)
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "acl", "relcl", "oprd"):
                near.append(child)
                # "officers who suffered injuries" tells their fate; "gunmen who had seized the depot"
                # tells what they did to others
                near.extend(c for c in child.children if c.dep_ in ("acomp", "oprd", "xcomp", "dobj", "prt")
                            and not (c.dep_ == "dobj" and _cue_category(c, lex) == "other"))
    for child in number.children:
        if child.dep_ in ("amod", "acl", "relcl"):
            near.append(child)
        if child.dep_ == "prep" and child.lower_ not in ("of", "among"):
            near.extend(c for c in child.children if c.dep_ == "pobj")
    verb = governing_verb(anchor)
    if verb is not None:
        # "were trapped and burned to death": a verb joined to the governing one with no subject
        # of its own tells more of what happened to the same people
        joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        for head in (verb, *joined):
            far.append(head)
            for child in head.children:
                if child.dep_ in ("acomp", "oprd", "xcomp", "dobj", "attr") or (child.dep_ == "advcl" and child.pos_ == "ADJ"):
                    far.append(child)
                if child.dep_ == "prep":
                    far.extend(c for c in child.children if c.dep_ == "pobj")
        if verb.dep_ in ("xcomp", "auxpass") or (verb.dep_ == "ccomp" and not any(
                c.dep_ == "dobj" for c in verb.head.children)):
            # "detained a dozen officers complicit in the scheme": a small clause the parser made of the
            # object takes what the verb above did to its subject
            far.append(verb.head)
        if verb.lemma_.lower() in lex.subset_verbs and anchor.dep_ in ("dobj", "attr"):
            # "the dead include a family of four": a part shares what the whole suffered
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    far.append(child)
                    far.extend(c for c in child.children if c.dep_ in ("amod", "compound", "acl", "relcl"))
    return near, far


def direct_cues(counted: Counted, number: Token) -> list[Token]:
    """All cue words of :func:`cue_tiers`, near and far."""
    near, far = cue_tiers(counted, number)
    return near + far


def _cue_category(token: Token, lex: Lexicon) -> str | None:
    """The category a cue word names; a verb with its particle is tried first ("rounded up", "taken in")."""
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle and f"{lemma} {particle}" in lex.category_cues:
        return lex.category_cues[f"{lemma} {particle}"]
    for child in token.children:  # "intensive care"
        if child.dep_ in ("amod", "compound") and f"{child.lower_} {lemma}" in lex.category_cues:
            return lex.category_cues[f"{child.lower_} {lemma}"]
    passive = token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)
    if passive and lemma in lex.passive_cues:
        return lex.passive_cues[lemma]  # "migrants held after the clash"
    return lex.category_cues.get(lemma) or lex.category_cues.get(token.lower_)


def _negated(token: Token) -> bool:
    """"were not killed", "no one was injured": the word is denied, not reported."""
    return any(c.dep_ == "neg" for c in token.children) or \
        (token.dep_ in ("acomp", "attr", "xcomp") and any(c.dep_ == "neg" for c in token.head.children))


def category_of(
    counted: Counted, number: Token, who: str | None, sentence: Span, taken: set[int] | frozenset[int] = frozenset()
) -> tuple[str, str]:
    """The category of a figure and why (``"verb"``, ``"noun"``, ``"sentence"``, ``"default"``).

    Cues are looked for with :func:`direct_cues`; when none is there and the
    governing verb carries no event of its own ("are", "stands at"), the
    nearest cue word of the sentence decides, unless it already explains another
    figure of the sentence (``taken``: token indices). Materiel is always
    ``equipment``; troops, security forces and responders with no other cue are
    ``deployed``.
    """
    lex = lexicon()
    if is_equipment(counted):
        return "equipment", "noun"
    deployable = who in ("troops", "security_forces") or is_responder(counted)
    said_at = {_cue_category(t, lex) for t in own_cues(number) if not _negated(t)} - {None, "deployed"}
    for category in lex.category_order:
        if category in said_at:
            return category, "verb"
    if counted.quantity is not None:
        # a toll's own modifier says whose toll it is: "injured toll", "arrest tally" (not "toll": killed)
        own = {_cue_category(c, lex) for c in counted.quantity.children if c.dep_ in ("amod", "compound")} - {None}
        for category in lex.category_order:
            if category in own and (category != "deployed" or deployable):
                return category, "noun"
    near, far = cue_tiers(counted, number)
    # "the two other passengers were not killed in the collision": a cue the sentence denies says nothing
    denied = [t for t in near + far if _negated(t) and _cue_category(t, lex) not in (None, "other")]
    near, far = [t for t in near if not _negated(t)], [t for t in far if not _negated(t)]
    noun = counted.noun
    # "rescue workers": a kind of worker, not a rescue that happened to them
    near = [t for t in near if not (noun is not None and t.head.i == noun.i and t.dep_ == "compound"
                                    and _cue_category(t, lex) == "other")]
    # "two hostages were killed", "one survivor was injured": what the verb says happened to them beats
    # the "other" their noun names (hostage, survivor)
    if noun is not None and _cue_category(noun, lex) == "other":
        said = {_cue_category(t, lex) for t in far} & {"killed", "injured", "detained"}
        if said:
            near = [t for t in near if t.i != noun.i]
    for tier in (near, far):
        found = {_cue_category(t, lex) for t in tier} - {None}
        if not deployable:
            found.discard("deployed")
        for category in lex.category_order:
            if category in found:
                return category, "verb"
    anchor = anchor_of(counted, number)
    verb = governing_verb(anchor)
    light = verb is None or verb.lemma_.lower() in lex.light_verbs or verb.lemma_.lower() in lex.reporting_verbs
    if denied:
        return "other", "negated"
    if light:
        nearest = sorted(
            (abs(t.i - number.i), _cue_category(t, lex)) for t in sentence
            if t.i not in taken and _cue_category(t, lex) not in (None, "deployed", "other")
            and t.pos_ in ("VERB", "NOUN", "ADJ")
        )
        if nearest:
            return nearest[0][1], "sentence"
    if deployable:
        return "deployed", "default"
    return "other", "default"
