"""What a number counts, what happened to them, and how the figure is hedged.

Everything here reads the dependency parse of one sentence (spaCy tokens), so
the same rules cover "80 people were killed", "dozens of firefighters were
injured", "40 pieces of equipment" and the split phrasing "the number of
miners who died ... has risen to 12". The words themselves (who
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
    """Follow "pieces of equipment", "members of the security forces" to what is really counted."""
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
    if in_sentence and number.dep_ in ELLIPTIC_DEPS and number.pos_ == "NUM":
        parallel = [c for c in in_sentence if c.phrase is not None and c.phrase.dep_ == number.dep_]
        last = (parallel or in_sentence)[-1]  # "killing 14 people, including …, and wounding 40"
        return Counted(last.noun, last.quantity, borrowed=True, phrase=number, antecedent=last,
                       partitive=number.dep_ in ("npadvmod", "appos", "dep"))
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
    """Which group the counted noun names (None when it names no people: "directions", "years").

    Generic "people" who march, rally or strike are protesters.
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
    if found == "people" and not counted.borrowed:
        verb = governing_verb(counted.phrase if counted.phrase is not None else noun)
        if verb is not None and verb.lemma_.lower() in lex.protest_verbs:
            return "protesters"
    return found


def is_responder(counted: Counted) -> bool:
    noun = counted.noun
    return noun is not None and noun.lemma_.lower() in lexicon().responders


def _is_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and 1800 <= int(token.text) <= 2100


def is_historical(counted: Counted, number: Token, year: int | None) -> bool:
    """A count of an earlier event the article recalls ("since 1987, when 52 sailors drowned").

    The figure's clause hangs from an explicit year ("…, when"), or names a
    year other than the article's ("In 1987, 52 sailors drowned").
    """
    anchor = number if counted.borrowed or counted.phrase is None else counted.phrase
    verb = governing_verb(anchor)
    if verb is None:
        return False
    if verb.dep_ in ("relcl", "advcl") and _is_year(verb.head):
        return True  # a clause hanging from a bare year recalls that year
    years = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" and _is_year(g)]
    return year is not None and any(int(y.text) != year for y in years)


def is_age(number: Token) -> bool:
    """An age, not a count ("aged 19 and 22", "a 14-year-old")."""
    head = number.head
    for token in (number, head, head.head):
        if token.lemma_.lower() in ("age", "aged"):
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
    anchor = counted.phrase if counted.phrase is not None else counted.noun
    verb = governing_verb(anchor) if anchor is not None and not counted.borrowed else None
    return verb is not None and verb.lemma_.lower() in lex.background_verbs


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
    anchor = number if counted.borrowed or counted.phrase is None else counted.phrase
    if anchor.dep_ == "appos":
        nouns.append(anchor.head)
    if anchor.dep_ == "pobj" and anchor.head.lower_ in lex.subset_prepositions and anchor.head.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head.head  # "14 people, including three officers": the part shares the whole's verb
        nouns.append(anchor)
    for noun in nouns:
        near.append(noun)
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "acl", "relcl", "oprd"):
                near.append(child)
                near.extend(c for c in child.children if c.dep_ in ("acomp", "oprd", "xcomp", "dobj", "prt"))
    for child in number.children:
        if child.dep_ in ("amod", "acl", "relcl"):
            near.append(child)
        if child.dep_ == "prep" and child.lower_ not in ("of", "among"):
            near.extend(c for c in child.children if c.dep_ == "pobj")
    verb = governing_verb(anchor)
    if verb is not None:
        far.append(verb)
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "xcomp", "dobj", "attr") or (child.dep_ == "advcl" and child.pos_ == "ADJ"):
                far.append(child)
            if child.dep_ == "prep":
                far.extend(c for c in child.children if c.dep_ == "pobj")
        if verb.dep_ in ("xcomp", "auxpass"):
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
    for tier in cue_tiers(counted, number):
        found = {_cue_category(t, lex) for t in tier} - {None}
        if not deployable:
            found.discard("deployed")
        for category in lex.category_order:
            if category in found:
                return category, "verb"
    anchor = number if counted.borrowed or counted.phrase is None else counted.phrase
    verb = governing_verb(anchor)
    light = verb is None or verb.lemma_.lower() in lex.light_verbs or verb.lemma_.lower() in lex.reporting_verbs
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
