"""Who is speaking: speaker mentions, role and pronoun resolution, and name merging.

Three problems, each solved from the corpus itself rather than from a list of
names, so the method carries over to articles it has never seen:

* **Mentions.** The subject of a verb of saying is a name ("Ana Ruiz"), a
  role ("the Chilean leader"), a pronoun ("he"), an organisation or a group noun
  ("Chilean authorities"). :func:`mention` classifies the subject phrase.
* **Roles.** Wire copy introduces a person with a title ("Finance Minister Ana
  Ruiz") and later uses the title alone. :class:`RoleBook` records every
  title-before-name pattern of the corpus, so "the finance minister" or "his
  Chilean counterpart" resolves to the person the corpus itself ties to it.
* **Variants.** Transliterations and abbreviations differ between outlets.
  :func:`merge_names` joins person names with the same surname and similar given
  names, and organisation names with their abbreviations (defined in the text as
  "Long Name (ABBR)", or spelled by initials), plus any hand entries of
  ``aliases.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from briefbook.language.words import (
    determiners, document_nouns, organisation_kinds, outlet_nouns, part_of_group, spelling_variants, transliteration,
)
from briefbook.resources import load_yaml

#: Subject dependents that describe rather than name the speaker.
NOT_NAME = {"relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "parataxis"}
#: Dependents of a name that say who the person is (an apposition, a relative clause, "of the union").
DESCRIBING = frozenset({"appos", "relcl", "acl", "prep", "npadvmod"})
SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "la", "du", "des", "&"}


@dataclass(frozen=True)
class Roles:
    titles: tuple[str, ...]
    leader_words: frozenset[str]
    top_offices: frozenset[str]
    speaker_nouns: frozenset[str]
    not_speakers: frozenset[str]
    national_nouns: frozenset[str]
    honorifics: dict[str, str | None]
    pronouns: dict[str, str]
    demonyms: dict[str, str]
    reporter_nouns: frozenset[str] = frozenset()
    body_synonyms: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def roles() -> Roles:
    """The editable role words of ``claims_roles.yaml``."""
    data = load_yaml("claims_roles.yaml")
    return Roles(
        tuple(t.lower() for t in data["titles"]), frozenset(data["leader_words"]),
        frozenset(data.get("top_offices") or []),
        frozenset(data["speaker_nouns"]), frozenset(data.get("not_speakers") or []),
        frozenset(data.get("national_nouns") or []), dict(data["honorifics"]), dict(data["pronouns"]),
        {k.lower(): v.lower() for k, v in (data.get("demonyms") or {}).items()},
        frozenset(data.get("reporter_nouns") or []),
        {k.lower(): v.lower() for k, v in (data.get("body_synonyms") or {}).items()},
    )


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of every title ("foreign", "minister", …): built once, read in many places."""
    return frozenset(w for title in roles().titles for w in title.split())


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, possessives, brackets or hyphens: the form names are compared in."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’']s\b", "", text.lower())
    text = re.sub(r"[\[\]()\"“”‘’']", " ", text)
    text = re.sub(r"[-‐–]", " ", text)
    return " ".join(text.split())


def place_key(word: str) -> str:
    word = fold(word).strip(". ")
    return roles().demonyms.get(word, word)


def same_place(a: str, b: str) -> bool:
    """Whether a demonym and a place name ("Chilean", "Chile") refer to one place."""
    a, b = place_key(a), place_key(b)
    if not a or not b:
        return False
    if a == b or a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 3
    common = len(_common_prefix(a, b))
    return common >= 4 and common >= min(len(a), len(b)) - 3


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# --------------------------------------------------------------------------- mentions

@dataclass(frozen=True)
class Mention:
    """A speaker as written, and what kind of thing it names.

    ``kind`` is person, org, group, place, role or pronoun; ``name`` is the
    cleaned surface (a name without titles, or the role phrase); ``places`` and
    ``title`` describe a role mention; ``pronoun`` is the pronoun's category.
    """

    text: str
    kind: str
    name: str
    title: str = ""
    places: tuple[str, ...] = ()
    pronoun: str = ""
    #: the name is followed by words that describe who this is ("Ana Ruiz, a farmer,", "Ana Ruiz of the
    #: union", "Ana Ruiz, who farms nearby,"), which :func:`speaker_tokens` leaves out of ``text``
    described: bool = False


def speaker_tokens(head: Token) -> list[Token]:
    """The subject phrase without relative clauses, appositions or asides.

    When the subject is a description with a named apposition ("The factory's
    owner, Acme Ltd, said", "one of the nurses, Ana Ruiz, said"), the name is the speaker.
    """
    for child in head.children:
        # "one of the nurses, Ana Ruiz, said": a number is no name either
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG") and head.ent_type_ in ("", "CARDINAL"):
            return speaker_tokens(child)
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and _one_name(head, child):
            out.extend(t for t in head.doc[head.i + 1:child.right_edge.i + 1])
            continue
        if child.dep_ in NOT_NAME:
            continue
        out.extend(speaker_tokens(child))
    return sorted(set(out), key=lambda t: t.i)


def _one_name(head: Token, conj: Token) -> bool:
    """"the Herald and Lantern": two capitalised proper nouns joined by "and", neither a person or a
    place the recogniser knows, make one organisation's name ("Ruiz and Brandt", "Veldonia and Ostmark"
    are two speakers)."""
    names = (head, conj)
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in ("", "ORG") for t in names) \
        and not any(c.dep_ == "det" for c in conj.children) \
        and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children)


def find_title(words: list[str]) -> str:
    """The first title of the editable list written in ``words`` (folded), or ""."""
    joined = " " + " ".join(words) + " "
    for title in roles().titles:
        if f" {title} " in joined:
            return title
    return ""


def _title_of_place_name(doc: Doc, ent: Span) -> bool:
    """Whether an entity reads "PLACE FIRST LAST" right after "title of" (agency style: "President of X Y Z")."""
    return (ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and fold(doc[ent.start - 2].text) in roles().titles
            and len(ent) >= 3 and all(t.pos_ == "PROPN" for t in ent))


def leads(m: Mention, titles: set[str]) -> bool:
    """Whether a leader word ("the leader", "the dockers' chief") fits a person with these titles.

    A bare one ("the leader", "the head of state") fits a person called a leader too or holding a
    top office (president, prime minister); one with descriptive words of its own ("the dockers'
    leader", "the former army chief", :func:`own_words`) fits only a person called a leader or a
    chief, never the holder of a top office.
    """
    top = roles().leader_words
    if m.title not in top:
        return False
    return bool(titles & top) if own_words(m) else bool(titles & (top | roles().top_offices))


def person_name(doc: Doc, start: int, end: int) -> str:
    """A person entity's name, widened over capitalised name tokens the tagger split off.

    Scraped text often has non-breaking spaces inside names, which the tokenizer
    keeps as separate tokens and the recogniser then cuts the name at.
    """
    titles = title_words()

    def is_name(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper() and fold(t.text) not in titles and t.ent_type_ in ("", "PERSON")

    while start > 0 and (doc[start - 1].is_space or is_name(doc[start - 1])):
        start -= 1
    while end < len(doc) and (doc[end].is_space or is_name(doc[end])):
        end += 1
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "NORP")}
    # "Inspector General of Police Ivo Brandt": the body a title is of is no part of the name either
    bodies = roles().speaker_nouns
    while start < end and (doc[start].is_space or fold(doc[start].text) in titles | {"of", "the"}
                           or doc[start].ent_type_ in ("GPE", "NORP") or doc[start].text in places
                           or doc[start].text in "[]" or (fold(doc[start].text) in bodies and end - start > 2)):
        start += 1
    if start >= end:
        return ""
    return clean_name(" ".join(doc[start:end].text.replace("\u00a0", " ").split()))


def _whole_name(entity: Span, first: int) -> Span:
    """An organisation's name with the capitalised words the tagger left out before it ("Example" of
    "Example Daily", tagged "Daily"): proper nouns joined to it as compounds, back to ``first``."""
    start = entity.start
    doc = entity.doc
    def joins(token: Token) -> bool:  # a title or honorific before a name is no part of it ("Dr Varga")
        word = token.lower_.rstrip(".")
        return token.pos_ == "PROPN" and token.dep_ == "compound" and entity.start <= token.head.i < entity.end \
            and word not in roles().honorifics and word not in title_words()

    while start - 1 >= first and joins(doc[start - 1]):
        start -= 1
    return doc[start:entity.end]


def mention(tokens: list[Token] | Span) -> Mention | None:
    """Classify a subject phrase; None when it cannot be a speaker ("reports", a dummy "it")."""
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return None
    doc = tokens[0].doc
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    if len(tokens) == 1 and is_acronym(tokens[0]):
        return Mention(text, "name", text)  # "WHO said", "IS claimed": initials, not a pronoun or a verb
    if len(tokens) == 1 and tokens[0].pos_ == "PRON":
        category = roles().pronouns.get(tokens[0].lower_)
        return Mention(text, "pronoun", text, pronoun=category) if category else None
    if any(t.dep_ == "conj" and _one_name(t.head, t) for t in tokens):
        return Mention(text, "org", clean_org(text))  # "the Herald and Lantern of Veldonia"
    group = _group_of_part(tokens)
    if group is not None:
        return group
    span_ents = [e for e in doc.ents if e.start >= tokens[0].i and e.end <= tokens[-1].i + 1]
    words = [fold(t.text) for t in tokens]
    title = find_title(words)
    title_at = max((t.i for t in tokens if fold(t.text) in title.split()), default=-1) if title else -1
    places = tuple(t.text for t in tokens if t.ent_type_ in ("GPE", "NORP") or (t.i < title_at and (
                   t.ent_type_ in ("PERSON", "ORG") or t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper()
                   and fold(t.text) not in title.split())))
    # a name written after its title ("Finance Minister Ana Ruiz") names a person;
    # an entity before the title ("the Chilean president") only says whose president
    named = [t for t in tokens if t.i > title_at and (t.ent_type_ == "PERSON" or
             (t.ent_type_ == "ORG" and title and t.pos_ == "PROPN"))]
    root = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[0])
    if root.ent_type_ != "PERSON" and not title:
        # "Survivors of Thursday's X attack": a name inside the noun's modifier is not who speaks
        named = [t for t in named if not _under_preposition(t, root)]
        if root.tag_ == "NNS":
            # "Ruiz administration officials", "Ruiz's lawyers": the plural speaks, the name only says whose
            named = []
    if len(named) == 1 and named[0].dep_ == "pobj" and named[0].head.lower_ == "of" and \
            fold(named[0].head.head.text) in title.split():
        # "President of Kethra": the one word after "title of" says whose president, whatever the tagger thought
        return Mention(text, "role", text, title=title, places=places + (named[0].text,))
    if named and not title and _outlet_in_apposition(root):
        # "according to Example Daily, the local daily": the recogniser's person is the newspaper
        return Mention(text, "org", clean_org(text))
    if named and not (title and fold(root.text) in roles().speaker_nouns):
        if _title_of_place_name(doc, doc[named[0].i:named[-1].i + 1]):
            named = named[1:]  # "the President of Norland Ivo Brandt": Norland is whose president
        described = any(c.dep_ in DESCRIBING and c.i > root.i and c not in tokens for c in root.children)
        return Mention(text, "person", person_name(doc, named[0].i, named[-1].i + 1), described=described)
    if title and (fold(root.text) in title.split() or fold(root.text) in roles().leader_words) and \
            not any(e.label_ == "ORG" and e.start > title_at for e in span_ents):
        return Mention(text, "role", text, title=title, places=places)
    orgs = [e for e in span_ents if e.label_ in ("ORG", "FAC")]
    root_word = fold(root.text)
    if orgs and root_word not in roles().speaker_nouns:
        # the organisation the speakers are described by ("survivors of the X attack") is not who speaks
        speaking = [e for e in orgs if e.start <= root.i < e.end or not _under_preposition(e.root, root)]
        if speaking:
            return Mention(text, "org", clean_org(_whole_name(speaking[-1], tokens[0].i).text))
    if (root_word in roles().speaker_nouns or root_word.rstrip("s") in roles().speaker_nouns) \
            and root_word not in roles().not_speakers:  # "a source" speaks, "sources" name no one
        owner = next((e for e in orgs + [e for e in span_ents if e.label_ in ("GPE", "NORP")]
                      if e.root.dep_ == "poss" and e.root.head == root), None)
        if owner is not None:  # "Kethra's foreign ministry": the ministry of Kethra, not Kethra
            return Mention(text, "org", clean_org(doc[owner.start:root.i + 1].text))
        # "officials of the Interior Ministry" speak for it; "survivors of the X attack" do not for X,
        # which only names the attack they survived
        bodies = [e for e in orgs
                  if not (_under_preposition(e.root, root) and e.root.dep_ in ("compound", "amod", "nmod"))]
        if bodies:
            return Mention(text, "org", clean_org(bodies[-1].text))
        # "the survivors of Thursday's attack on the college": the group is the noun and its own modifiers
        return Mention(text, "group", clean_org(doc[tokens[0].i:root.i + 1].text))
    if root.ent_type_ == "GPE" or (len(span_ents) == 1 and span_ents[0].label_ == "GPE"):
        return Mention(text, "place", clean_org(text))
    if root.ent_type_ == "NORP":
        return Mention(text, "group", clean_org(text))
    # a plural (capitalised at a sentence's start, "Survivors of the attack", the tagger may call it a name)
    # (an entity that began before the phrase, in a dateline cut from it, says nothing of the plural)
    borrowed_type = root.ent_iob_ == "I" and root.i == tokens[0].i
    if (root.tag_ == "NNS" or root.tag_ == "NNPS" and (not root.ent_type_ or borrowed_type)) \
            and root_word not in roles().not_speakers:
        # "Survivors of Thursday's attack on the college": the group is the plural and its own modifiers
        own = doc[tokens[0].i:root.i + 1].text
        return Mention(text, "group", clean_org(own))
    if root_word in document_nouns() and root.tag_ == "NN" and len(tokens) == 2 and \
            tokens[0].lower_ in ("the", "its", "their"):
        # "the report said", "said the statement": the body that issued it, found in resolution
        return Mention(text, "group", root_word)
    if root.text[:1].isupper() and root.pos_ in ("PROPN", "NOUN") and len(tokens) <= 4:
        # a capitalised word the recogniser missed: decided against the corpus's names later
        return Mention(text, "name", clean_name(" ".join(t.text for t in tokens if t.text[:1].isupper())))
    return None


def _outlet_in_apposition(root: Token) -> bool:
    """Whether a name stands in apposition to a noun a news outlet is called by ("X, the local daily",
    "X, a state broadcaster"): then it names the outlet, whatever the recogniser took it for."""
    return any(c.dep_ == "appos" and fold(c.text) in outlet_nouns() for c in root.children)


def _group_of_part(tokens: list[Token]) -> Mention | None:
    """"Some of the evacuated nurses", "many of the climbers": the group (a plural) a part of it speaks for."""
    root = next((t for t in tokens if t.head not in tokens or t.head is t), tokens[0])
    if root.lower_ not in part_of_group():
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.tag_ not in ("NNS", "NNPS"):
        return None
    inner = mention(speaker_tokens(whole))
    return inner if inner is not None and inner.kind in ("group", "org") else None


def is_acronym(token: Token) -> bool:
    """Initials the parser read as a function word ("IS", "WHO", "US"): two capitals or more, parsed as
    a pronoun, an auxiliary or a determiner, which no English function word is written in, in a
    sentence not written all in capitals (a shouting headline's "IS" is the verb)."""
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper() and \
        token.pos_ in ("PRON", "AUX", "VERB", "DET", "ADP", "SCONJ", "CCONJ", "PART") and \
        any(c.islower() for c in token.sent.text)


def _under_preposition(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs under ``root`` through a preposition ("survivors *of* … X …")."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def clean_name(text: str) -> str:
    """A person's name without honorifics, titles, possessives or brackets."""
    # a photo credit glued on by the recogniser ("Ana Ruiz | Agency", "Ana Ruiz丨Agency") is no part of it
    text = re.split(r"[|丨/•]", text)[0]
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"[\[\]]", "", text)
    words = text.split()
    titles = title_words()
    while words and (fold(words[0]).rstrip(".") in roles().honorifics or fold(words[0]) in titles):
        words = words[1:]
    return " ".join(words) or text


def clean_org(text: str) -> str:
    """An organisation's name without articles, a trailing possessive, and with "X's Y" written "Y of X"
    ("Kethra's foreign ministry" and "the Foreign Ministry of Kethra" are one name)."""
    text = re.sub(r"[’']s$", "", text.strip())
    words = text.split()
    while words and words[0].lower() in determiners("articles", "possessives"):
        words = words[1:]
    text = " ".join(words)
    owned = re.fullmatch(r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})[’']s ((?:[\w-]+ ){0,3}([\w-]+))", text)
    if owned and (fold(owned[3]) in roles().speaker_nouns or fold(owned[3]).rstrip("s") in roles().speaker_nouns):
        body = owned[2] if any(c.isupper() for c in owned[2]) else owned[2].title()
        return f"{body} of {owned[1]}"
    return text


# --------------------------------------------------------------------------- roles

def person_shaped(name: str) -> bool:
    """Two or three capitalised words, none of them a word organisations are named with ("Marta Quell",
    not "Interior Ministry", "NATO" or "Kethra")."""
    words = name.split()
    naming_words = roles().speaker_nouns | title_words()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() and
                                        fold(w) not in naming_words and fold(w).rstrip("s") not in naming_words
                                        for w in words)


@dataclass
class RoleBook:
    """Which person the corpus ties to which (place, title), learnt from "Title Name" patterns."""

    holders: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    titles_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    words_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def learn(self, doc: Doc) -> None:
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            if ent.label_ == "ORG":
                # the recogniser sometimes tags "Chilean President Ana Ruiz" as one organisation
                inner = [t for t in ent if fold(t.text) in roles().titles]
                if inner and inner[-1].i + 1 < ent.end:
                    ent = doc[inner[-1].i + 1:ent.end]
                elif _title_of_place_name(doc, ent):
                    # "the President of Kethra Selim Haratov" tagged "Kethra Selim Haratov": place, then name
                    ent = doc[ent.start + 1:ent.end]
                else:
                    continue
            first = ent.start
            while first > 0 and (doc[first - 1].is_space or doc[first - 1].ent_type_ == "PERSON" and
                                 fold(doc[first - 1].text) not in roles().titles):
                first -= 1
            left = doc[max(0, first - 6):first]
            words = [fold(t.text) for t in left]
            # only the title words directly before the name: stop at a verb or a comma
            while left and (left[0].pos_ in ("VERB", "AUX", "PUNCT", "ADP") and left[0].lower_ != "of"
                            or left[0].text in ","):
                left = left[1:]
            cut = [i for i, t in enumerate(left) if t.pos_ in ("VERB", "AUX") or t.text in ",;:"]
            if cut:
                left = left[cut[-1] + 1:]
            words = [fold(t.text) for t in left]
            title = find_title(words)
            if not title:
                continue
            places = [t.text for t in left if t.ent_type_ in ("GPE", "NORP") or
                      (t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() and t.is_alpha and len(t.text) > 2
                       and fold(t.text) not in roles().titles and fold(t.text) not in title.split())]
            name = person_name(doc, ent.start, ent.end)
            if not name:
                continue
            self.titles_of[name].add(title)
            self.words_of[name].update(role_words(left))
            for place in places or [""]:
                self.holders[(place_key(place), title)][name] += 1

    def learn_appositions(self, doc: Doc) -> list[str]:
        """"Ana Ruiz, head of the dockers' union, said": an apposition after the name is a title too.

        Returns the names so titled. A name the recogniser took for an organisation
        ("Emil Kolat, head of the travellers' directorate") counts when it is shaped
        like a person's (:func:`person_shaped`): an organisation is not the head of one.
        """
        titled = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" and not (ent.label_ == "ORG" and person_shaped(ent.text)):
                continue
            for appos in (c for c in ent.root.children if c.dep_ == "appos"):
                phrase = list(appos.subtree)
                title = find_title([fold(t.text) for t in phrase])
                if title and fold(appos.text) in title.split():
                    name = person_name(doc, ent.start, ent.end)
                    self.titles_of[name].add(title)
                    self.words_of[name].update(role_words(phrase))
                    titled.append(name)
        return titled

    def by_words(self, m: Mention, candidates: list[str]) -> str | None:
        """The candidate whose title phrase shares a descriptive word with the role mention."""
        wanted = set(role_words(m.text.split()))
        scored = [(len(wanted & _stems(self.words_of.get(n, set()))), i, n) for i, n in enumerate(candidates)]
        scored = [x for x in scored if x[0] > 0]
        return max(scored)[2] if scored else None

    def fits(self, m: Mention, variants: list[str], phrases: Sequence[str] = ()) -> bool:
        """Whether one person may hold the role ``m``.

        ``variants`` are the spellings of their name (their titles were learnt
        from the corpus), ``phrases`` the words that named them in this article
        ("union chief Ana Ruiz"). The role's descriptive words meet the
        person's (stems of four letters, so "dockers'" meets "Dockworkers'"),
        or the titles agree: the same title, or two words for the top office
        ("leader", "chief"), or a leader word and a top office (:func:`leads`).
        """
        words = {w for n in variants for w in self.words_of.get(n, set())}
        titles = {t for n in variants for t in self.titles_of.get(n, set())}
        for phrase in phrases:
            tokens = phrase.split()
            words |= role_words(tokens)
            titles |= {find_title([fold(t) for t in tokens])} - {""}
        wanted = {w[:4] for w in role_words(m.text.split())}
        if wanted & {w[:4] for w in words}:
            return True
        # "the leader" may be the president; "the former army chief" is not
        return m.title in titles or leads(m, titles)

    def resolve(self, m: Mention) -> str | None:
        """The person the corpus ties to a role mention, if it ties one."""
        places = [p for p in m.places if fold(p) not in m.title.split()] or [""]
        leader = m.title in roles().leader_words or fold(m.name).split()[-1:] and \
            fold(m.name).split()[-1] in roles().leader_words
        best: Counter = Counter()
        for (place, title), names in self.holders.items():
            if not any(same_place(place, p) or (not place and not p) for p in places):
                continue
            if title == m.title:
                best.update({n: c * 10 for n, c in names.items()})
            elif leader:
                rank = len(roles().titles) - roles().titles.index(title) if title in roles().titles else 1
                best.update({n: c * rank for n, c in names.items()})
        if not best:
            return None
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def own_words(m: Mention) -> set[str]:
    """A role's descriptive words once its title and leader phrases are taken off ("the former army
    chief": former, army; "the head of state": none), stemmed as :func:`role_words`."""
    said = f" {fold(m.text)} "
    for phrase in sorted(roles().leader_words | {m.title}, key=len, reverse=True):
        said = said.replace(f" {phrase} ", " ")
    return role_words(said.split())


def role_words(tokens) -> set[str]:
    """Descriptive words of a title phrase ("union", "infrastructure"), stemmed, no titles or stop words."""
    out = set()
    for t in tokens:
        word = fold(t if isinstance(t, str) else t.text).strip(".,'’")
        if len(word) > 2 and word not in SMALL_WORDS and word not in roles().leader_words and \
                word not in title_words() and \
                word not in determiners("articles", "possessives", "first_person"):
            out.add(word[:5])
    return out


def _stems(words: set[str]) -> set[str]:
    return {w[:5] for w in words}


# --------------------------------------------------------------------------- merging

def _given_and_surname(name: str) -> tuple[str, str]:
    """Given names and surname, folded; a particle before the surname belongs to it ("al-Nadi" is
    one surname, and "Karim al-Nadi" has the given name "karim", not "karim al")."""
    words = fold(name).split()
    if not words:
        return "", ""
    cut = len(words) - 1
    while cut > 0 and words[cut - 1] in NAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def is_full_name(name: str) -> bool:
    """A given name as well as a surname: "Ana Ruiz", "Karim al-Nadi"; not "al-Nadi" or "Al Kethra",
    whose words are a surname with its particle (and, as often, a group's name)."""
    return bool(_given_and_surname(name)[0])


#: Lower-case particles inside a full name ("Yusuf bin Karim", "Tomas de la Vega").
NAME_PARTICLES = ("bin", "ibn", "al", "el", "de", "del", "da", "di", "van", "von", "la")


def written_in_full(surnames: Sequence[str], docs: Iterable[Doc]) -> Counter:
    """The full spellings the articles write for names a speaker is called by alone ("Ruiz" ->
    "Ana Ruiz"), with how often each is written: the proper nouns (and name particles)
    right before the name, titles and honorifics left off (:func:`person_name`). A speaker named
    in full once, in a caption or a lead, and by surname after is then one person under the full name."""
    wanted = {n.replace(" ", ""): n for n in surnames if any(c.isupper() for c in n) and len(n) > 1}
    longest = max((len(re.findall(r"\w+|[^\w\s]", n)) for n in wanted.values()), default=0)
    # a name ending at a token ends with the token's text: most tokens end no name and are passed over
    endings = {key[i:] for key in wanted for i in range(len(key))}
    found: Counter = Counter()
    for doc in docs:
        for token in doc:
            if token.text not in endings:
                continue
            # the name may be several tokens ("al-Nadi" is al, -, Nadi): it ends at this token
            first = next((token.i - k for k in range(min(longest, token.i + 1))
                          if doc[token.i - k:token.i + 1].text.replace(" ", "") in wanted), None)
            if first is None or first == 0:
                continue
            start = first
            while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
                                 or doc[start - 1].lower_ in NAME_PARTICLES and start - 1 > 0
                                 # a hyphenated given name ("Anna-Lena") is one word of it
                                 or doc[start - 1].text == "-" and start > 1 and not doc[start - 2].whitespace_
                                 and doc[start - 2].text[:1].isupper()):
                start -= 1
            # a capitalised sentence opener ("Farmer Ana Ruiz") is no part of the name
            while start < first and doc[start].is_sent_start and doc[start].ent_type_ != "PERSON":
                start += 1
            if start < first:
                name = person_name(doc, start, token.i + 1)
                words = name.split()
                titled = [k for k, w in enumerate(words[:-1]) if fold(w) in title_words()]
                name = " ".join(words[titled[-1] + 1:]) if titled else name
                surname = wanted[doc[first:token.i + 1].text.replace(" ", "")]
                if len(name.split()) > 1 and name.endswith(surname):
                    found[name] += 1
    return found


@lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> bool:
    """Same surname (allowing transliteration) and compatible given names.

    Cached: attribution asks this for every statement against every known
    name, so without a cache the difflib cost grows with statements x names.
    """
    ga, sa = _given_and_surname(a)
    gb, sb = _given_and_surname(b)
    if not sa or not sb or SequenceMatcher(None, sa, sb).ratio() < 0.8:
        return False
    if not ga or not gb:
        return True
    return SequenceMatcher(None, _skeleton(ga), _skeleton(gb)).ratio() >= 0.5


def _skeleton(text: str) -> str:
    """Given names reduced to what survives transliteration (no doubled letters, no vowels after the first)."""
    for before, after in transliteration():
        text = text.replace(before, after)
    text = re.sub(r"(.)\1", r"\1", text)
    return " ".join(w[:1] + re.sub(r"[aeiou]", "", w[1:]) for w in text.split())


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in SMALL_WORDS).upper()


def abbreviations(text: str) -> dict[str, str]:
    """ABBR -> long name, from "Long Name (ABBR)" in the text.

    The long name is the run of words before the bracket whose initials spell the
    abbreviation; when none does (an abbreviation from another language), the run
    of capitalised words before the bracket, on its line and up to a comma, for a
    bracketed word with two capitals or more (a credit, "LIMA (Andina)", is none).
    """
    found = {}
    for m in re.finditer(r"\((\w{2,10})\)", text):
        abbr = m.group(1)
        if not abbr[:1].isupper():
            continue
        before = text[max(0, m.start() - 160):m.start()]
        words = before[before.rfind("\n") + 1:].split()  # a name does not run across lines
        best = ""
        for k in range(1, min(len(words), 12) + 1):
            candidate = " ".join(words[-k:])
            if initials(candidate) == abbr.upper() and words[-k][:1].isupper():
                best = candidate
        if not best and sum(c.isupper() for c in abbr) >= 2:
            # an abbreviation from another language ("KDF"); "LIMA (Andina)" is an agency's credit
            run = []
            for word in reversed(words):
                if word.endswith((",", ";", ":")):
                    break  # a name has no comma in it: the run ends at the phrase before
                if word[:1].isupper() or word.lower() in SMALL_WORDS and run:
                    run.insert(0, word)
                else:
                    break
            while run and run[0].lower() in SMALL_WORDS:
                run.pop(0)
            best = " ".join(run)
        best_words = best.strip(",;:").split()
        while best_words and best_words[0].lower() in SMALL_WORDS:
            best_words.pop(0)
        if best_words:
            found[abbr] = " ".join(best_words)
    return found


def _load_aliases() -> dict[str, str]:
    table = {}
    for entry in load_yaml("aliases.yaml") or []:
        for variant in entry.get("variants", []) + [entry["canonical"]]:
            table[fold(variant)] = entry["canonical"]
    return table


def merge_names(persons: Counter, orgs: Counter, abbrs: dict[str, str]) -> dict[tuple[str, str], str]:
    """(kind, surface name) -> canonical name, for every person and organisation seen."""
    aliases = _load_aliases()
    canonical: dict[tuple[str, str], str] = {}
    # persons: cluster full names, then attach surname-only forms to the biggest matching cluster
    # a full name has a given name: "al-Nadi" is a surname alone, "Karim al-Nadi" is full
    full = sorted((n for n in persons if _given_and_surname(n)[0]), key=lambda n: (-persons[n], n))
    clusters: list[list[str]] = []
    for name in full:
        for cluster in clusters:
            if same_person(name, cluster[0]):
                cluster.append(name)
                break
        else:
            clusters.append([name])
    for name in persons:
        if not _given_and_surname(name)[0]:
            matches = [c for c in clusters if same_person(name, c[0])]
            if not matches:
                # family name first ("Lin" for "Lin Hao"), or a given name with a patronymic ("Yusuf" for
                # "Yusuf bin Karim"): a single full name that opens with it
                matches = [c for c in clusters if fold(c[0]).split()[:1] == [fold(name)] and (
                    len(c[0].split()) == 2 or fold(c[0]).split()[1:2] in (["bin"], ["ibn"]))]
                matches = matches if len(matches) == 1 else []
            if matches:
                max(matches, key=lambda c: sum(persons[n] for n in c)).append(name)
            else:
                clusters.append([name])
    for cluster in clusters:
        # most written full form; on a tie the one with diacritics, which keeps more of the original
        best = sorted(cluster, key=lambda n: (not _given_and_surname(n)[0], -persons[n],
                                              -sum(not c.isascii() for c in n), n))[0]
        for name in cluster:
            canonical[("person", name)] = aliases.get(fold(name), aliases.get(fold(best), best))
    # organisations: abbreviation -> long form; "X of Place" -> "X"
    for name in orgs:
        target = abbrs.get(name, name)
        for abbr, long_name in abbrs.items():
            if fold(long_name) == fold(name):
                target = long_name
            if name.upper() == name and initials(long_name) == name:
                target = long_name
        canonical[("org", name)] = target
    # a name cut short by the recogniser ("the Organization for Security") -> the defined long name
    for key, value in list(canonical.items()):
        if key[0] == "org":
            longer = [n for n in abbrs.values() if fold(n).startswith(fold(value) + " ")]
            if longer:
                canonical[key] = max(longer, key=len)
    # "the US-led Example Treaty Organization" is the named organisation with a gloss in front
    names_now = {v for (k, _), v in canonical.items() if k == "org"}
    for key, value in list(canonical.items()):
        if key[0] == "org":
            inner = [n for n in names_now if len(n.split()) > 1 and fold(value).endswith(" " + fold(n))]
            if inner:
                canonical[key] = max(inner, key=len)
    forms = sorted({v for (k, _), v in canonical.items() if k == "org"}, key=lambda n: (len(n), n))
    for key, value in list(canonical.items()):
        if key[0] != "org":
            continue
        for shorter in forms:
            if shorter != value and fold(value).startswith(fold(shorter) + " of "):
                value = shorter
                break
        canonical[key] = aliases.get(fold(key[1]), aliases.get(fold(value), value))
    return _join_org_spellings(canonical, orgs)


#: Words that only order an organisation's name ("Ministry of the Interior" / "Interior Ministry").
_ORDER_WORDS = frozenset({"of", "for", "the", "and"})


def org_key(name: str) -> str:
    """An organisation name as its spellings share it: folded, without dots, spaces or hyphens, doubled
    letters single ("U.S. Example Survey" / "US Example Survey", "Al-Kethra" / "Al Kethra"),
    one spelling of each word and any word order without "of"/"for" ("Civil Defence Directorate" /
    "Directorate for Civil Defense")."""
    return re.sub(r"(.)\1", r"\1", "".join(sorted(org_words(name))))


def org_words(name: str) -> list[str]:
    """An organisation name's words as its spellings share them (:func:`org_key`): folded, without
    dots, one spelling of each word, no "of"/"for"/"the"/"and"."""
    variants = spelling_variants()
    return [variants.get(w, w) for w in fold(name).replace(".", "").split() if w not in _ORDER_WORDS]



def _join_org_spellings(canonical: dict[tuple[str, str], str], orgs: Counter) -> dict[tuple[str, str], str]:
    """One canonical name for an organisation's spellings (:func:`org_key`) and for its name with or
    without the words saying what kind it is ("Xinhua" / "Xinhua News Agency", the full one kept).
    Among spellings, the most written is kept."""
    written: Counter = Counter()
    for (kind, surface), value in canonical.items():
        if kind == "org":
            written[value] += orgs.get(surface, 0) + 1
    by_key: dict[str, list[str]] = defaultdict(list)
    for value in written:
        by_key[org_key(value)].append(value)
    chosen = {value: max(group, key=lambda v: (written[v], len(v), v)) for group in by_key.values() for value in group}
    kinds = organisation_kinds()
    names = sorted(set(chosen.values()), key=len)
    by_first: dict[str, list[str]] = defaultdict(list)  # compared within a first word only: linear, not all pairs
    for name in names:
        by_first[fold(name).split()[0] if fold(name) else ""].append(name)
    for name in names:
        words = fold(name).split()
        if not words:
            continue
        longer = [other for other in by_first[words[0]] if len(fold(other).split()) > len(words)
                  and fold(other).split()[:len(words)] == words
                  and all(w in kinds for w in fold(other).split()[len(words):])]
        if len(longer) == 1:
            for value, target in chosen.items():
                if target == name:
                    chosen[value] = longer[0]
    return {key: chosen.get(value, value) if key[0] == "org" else value for key, value in canonical.items()}
