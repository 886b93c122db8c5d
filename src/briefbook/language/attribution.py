"""Turn speaker mentions into canonical speakers, across the whole corpus.

Roles and name variants are learnt from every article at once (one outlet
writes "Chilean President X", another only "the Chilean leader"), then each
article is read in order so that a pronoun or a quotation without attribution
goes to the most recent compatible speaker of *that* article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefbook.corpus.metadata import dateline_end
from briefbook.corpus.model import Corpus
from briefbook.language.names import (
    Mention,
    RoleBook,
    abbreviations,
    clean_org,
    find_title,
    fold,
    is_full_name,
    leads,
    merge_names,
    person_name,
    person_shaped,
    roles,
    same_person,
    same_place,
    written_in_full,
)
from briefbook.language.words import determiners, document_nouns, outlet_nouns
from briefbook.nlp import Parsed


@dataclass
class Found:
    """A statement before speaker resolution; offsets are into the seed file."""

    doc_id: str
    paragraph: int
    start: int
    end: int
    kind: str
    cue: str
    mention: Mention | None  # None: continues the previous speaker's words
    position: int  # where the speaker is named (for recency), or the statement start
    close_lost: bool = False


@dataclass(frozen=True)
class Sighting:
    """A speaker named as the subject of a verb of saying (used to resolve later pronouns)."""

    position: int
    mention: Mention


@dataclass(frozen=True)
class Speaker:
    canonical: str
    kind: str  # person, org, group, place, unknown
    gender: str | None = None


@dataclass
class Names:
    """Everything learnt from the corpus about who is who."""

    rolebook: RoleBook
    canonical: dict[tuple[str, str], str]
    aliases: dict[str, set[str]]

    def person(self, name: str) -> str:
        return self.canonical.get(("person", name), name)

    def org(self, name: str) -> str:
        return self.canonical.get(("org", name), name)

    def titled_spellings(self, canonical: str) -> list[str]:
        """The spellings of one person that the corpus wrote with a title (keys of ``rolebook.titles_of``)."""
        return [n for n in self.rolebook.titles_of if self.person(n) == canonical]

    #: (name, full names only) -> the person names of the corpus that :func:`same_person` matches
    _persons_like: dict[tuple[str, bool], list[str]] = field(default_factory=dict, repr=False, compare=False)

    _orgs_with: dict[frozenset[str], list[str]] = field(default_factory=dict, repr=False, compare=False)

    def orgs_with(self, words: frozenset[str]) -> list[str]:
        """Canonical organisations whose name holds all these (folded) words; memoised like :meth:`persons_like`."""
        if words not in self._orgs_with:
            self._orgs_with[words] = sorted({self.org(n) for (kind, n) in self.canonical
                                             if kind == "org" and words <= set(fold(n).split())})
        return self._orgs_with[words]

    def persons_like(self, name: str, full_names_only: bool = False) -> list[str]:
        """Known person names (in :attr:`canonical` order) that may be the same person as ``name``.

        Memoised per name: attribution asks this for every statement, so the
        cost should grow with the number of distinct names, not with statements.
        """
        key = (name, full_names_only)
        if key not in self._persons_like:
            self._persons_like[key] = [
                n for (kind, n) in self.canonical
                if kind == "person" and (not full_names_only or is_full_name(n)) and same_person(name, n)]
        return self._persons_like[key]


#: Most words an organisation's name runs to; a longer "organisation" is a headline the recogniser read.
ORG_WORDS = 8


def _organisation_shaped(ent, role: str) -> bool:
    """An ORG entity that can be an organisation's name: not from a Title Case headline (where the
    recogniser reads "Group Claims Harwick Fire Attack, Clues Point to …" as one name), no comma,
    at most :data:`ORG_WORDS` words."""
    return role != "title" and "," not in ent.text and len(ent) <= ORG_WORDS


def times_written(names: list[str], text: str) -> Counter:
    """How often each name is written in ``text`` (as ``str.count`` counts it), in one scan per first word.

    Counting each name over the whole corpus is names x text: quadratic, since a larger corpus
    names more people. Each name is looked for only where its first word stands.
    """
    by_first: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        by_first.setdefault(name.split()[0], []).append(name)
    counts: Counter = Counter({name: 0 for name in by_first.get("", [])})
    for first, group in by_first.items():
        ends = {name: -1 for name in group}  # a count does not overlap itself (str.count)
        position = text.find(first)
        while position != -1:
            for name in group:
                if position >= ends[name] and text.startswith(name, position):
                    counts[name] += 1
                    ends[name] = position + len(name)
            position = text.find(first, position + 1)
        for name in group:
            counts[name] += 0
    return counts


def learn_names(corpus: Corpus, parsed: Parsed, found: list[Found]) -> Names:
    """Roles, person names and organisation names of the corpus, merged into canonical forms."""
    rolebook = RoleBook()
    persons: Counter = Counter()
    orgs: Counter = Counter()
    abbrs: dict[str, str] = {}
    for document in corpus.documents:
        abbrs.update(abbreviations(document.text))
        for paragraph, doc in zip(document.paragraphs, parsed[document.doc_id]):
            rolebook.learn(doc)
            titled = set(rolebook.learn_appositions(doc))
            dateline = dateline_end(paragraph.text)  # the parse's text, without rebuilding it
            for ent in doc.ents:
                if ent.start_char < dateline:
                    continue  # "HARWICK // Survivors": the recogniser ran the dateline into a name
                if ent.label_ == "PERSON" or person_name(doc, ent.start, ent.end) in titled:
                    persons[person_name(doc, ent.start, ent.end)] += 1
                elif ent.label_ == "ORG" and _organisation_shaped(ent, paragraph.role):
                    ranks = [t for t in ent if fold(t.text) in roles().titles]
                    if ranks and ranks[-1].i + 1 < ent.end:
                        persons[person_name(doc, ranks[-1].i + 1, ent.end)] += 1
                    else:
                        orgs[clean_org(ent.text)] += 1
    for f in found:
        if f.mention is not None and f.mention.kind == "person":
            persons[f.mention.name] += 1
        elif f.mention is not None and f.mention.kind == "org":
            orgs[f.mention.name] += 1
    # a place glued to the front of a name by the recogniser ("… of Chile Ana Ruiz") is not part of it
    places = {e.text for document in corpus.documents for doc in parsed[document.doc_id] for e in doc.ents
              if e.label_ in ("GPE", "NORP")}
    renamed: dict[str, str] = {}
    for name in list(persons):
        words = name.split()
        while len(words) > 2 and words[0] in places:
            words = words[1:]
        if len(words) < len(name.split()):
            renamed[name] = " ".join(words)
            persons[renamed[name]] += persons.pop(name)
    # how often each spelling is actually written decides the canonical form, whatever the tagger saw
    # one text with the paragraphs joined by newlines (a name, its spaces normalised, never spans one),
    # so counting a name is one scan rather than one per paragraph
    text = "\n".join(" ".join(p.text.replace("\u00a0", " ").split()) for d in corpus.documents for p in d.paragraphs)
    written = times_written([n for n in persons if len(n.split()) > 1 and "\n" not in n], text)
    for name, count in written.items():
        persons[name] = max(persons[name], count)
    docs = (doc for document in corpus.documents for doc in parsed[document.doc_id])
    for name, count in written_in_full([n for n in persons if len(n.split()) == 1], docs).items():
        persons[name] = max(persons[name], count)
    for abbr, long_name in abbrs.items():
        orgs[abbr] += 0
        orgs[long_name] += 0
    canonical = merge_names(persons, orgs, abbrs)
    for original, cleaned in renamed.items():
        canonical[("person", original)] = canonical[("person", cleaned)]
    aliases: dict[str, set[str]] = {}
    for (_, surface), name in canonical.items():
        aliases.setdefault(name, {name}).add(surface)
    for f in found:
        # "Kethra's foreign ministry" is named "Foreign Ministry of Kethra"; the spelling written is one of it
        written = _possessive_spelling(f.mention) if f.mention is not None else None
        if written is not None:
            aliases.setdefault(canonical[("org", f.mention.name)], set()).add(written)
    return Names(rolebook, canonical, aliases)


def _possessive_spelling(m: Mention) -> str | None:
    """An organisation's name as written with a possessive ("Kethra's foreign ministry"), where
    :func:`clean_org` wrote it as "Foreign Ministry of Kethra"; None for any other mention."""
    if m.kind != "org" or not re.search(r"\w[’']s ", m.text):
        return None
    words = m.text.split()
    while words and words[0].lower() in determiners("articles", "possessives"):
        words = words[1:]
    written = " ".join(words)
    return written if written != m.name and clean_org(written) == m.name else None


def _gender(text: str) -> str | None:
    first = fold(text).split()[:1]
    return roles().honorifics.get(first[0].rstrip(".")) if first else None


def learn_genders(articles: list[tuple[list[Found], list[Sighting]]], names: Names) -> dict[str, str]:
    """Person -> "m" or "f", from the pronouns the corpus uses for them where that is clear.

    A "she said" in the same paragraph as the statement just attributed to a
    person by name is clear evidence; one outlet's clear "she" then keeps
    another outlet's ambiguous "he" away from her. A person with evidence both
    ways gets none.
    """
    votes: dict[str, set[str]] = {}
    for found, sightings in articles:
        resolve(found, sightings, names, votes=votes)
    return {name: next(iter(said)) for name, said in votes.items() if len(said) == 1}


def resolve(found: list[Found], sightings: list[Sighting], names: Names, known_genders: dict[str, str] | None = None,
            votes: dict[str, set[str]] | None = None, nationality: str | None = None) -> list[tuple[Found, Speaker]]:
    """Each statement of one article with its canonical speaker (articles are resolved independently).

    ``known_genders`` (from :func:`learn_genders`) start the article's genders;
    ``votes``, when given, collects the clear pronoun evidence of this article.
    """
    events: list[tuple[int, int, object]] = [(s.position, 0, s) for s in sightings]
    events += [(f.position if f.mention is not None else f.start, 1, f) for f in found]
    events.sort(key=lambda e: (e[0], e[1]))
    recent: list[Speaker] = []
    genders: dict[str, str] = dict(known_genders or {})
    last_paragraph: dict[str, int] = {}  # speaker -> paragraph of their latest statement
    resolved: dict[int, Speaker] = {}
    named: list[tuple[object, Mention, Speaker]] = []
    for _, _, item in events:
        m = item.mention if isinstance(item, (Found, Sighting)) else None
        if isinstance(item, Found) and m is None:
            speaker = recent[-1] if recent else Speaker("unknown", "unknown")
        elif m is None:
            continue
        else:
            speaker = _speaker(m, names, recent, genders)
            named.append((item, m, speaker))
        if speaker.kind != "unknown":
            if m is not None and m.kind == "pronoun" and m.pronoun in ("person-m", "person-f"):
                genders.setdefault(speaker.canonical, m.pronoun[-1])
                if votes is not None and isinstance(item, Found) and recent and recent[-1] == speaker \
                        and last_paragraph.get(speaker.canonical) == item.paragraph:
                    votes.setdefault(speaker.canonical, set()).add(m.pronoun[-1])
            recent.append(speaker)
        if isinstance(item, Found):
            resolved[id(item)] = speaker
            last_paragraph[speaker.canonical] = item.paragraph
    _resolve_forward(named, resolved, names)
    _introduced_next(named, resolved, names)
    return [(f, vetted(resolved[id(f)], nationality)) for f in found]


def _resolve_forward(named: list[tuple[object, Mention, Speaker]], resolved: dict[int, Speaker], names: Names) -> None:
    """A role no earlier speaker fits goes to the nearest person named *later* whose title fits it.

    Leads often describe before they name ("the dockers' leader vowed to keep
    the port closed. ... union chief Ana Ruiz told a rally"); reading in order
    alone leaves such a role unresolved. ``named``: every mention of the
    article in reading order with the speaker it was resolved to.
    """
    later: list[tuple[str, list[str]]] = []  # (person, the phrases naming them), nearest last
    for item, m, speaker in reversed(named):
        if speaker.kind == "person" and m.kind in ("person", "name", "org"):
            later.append((speaker.canonical, [m.text]))
        elif isinstance(item, Found) and m.kind == "role" and resolved[id(item)].kind == "group":
            for canonical, phrases in reversed(later):
                if names.rolebook.fits(m, names.titled_spellings(canonical), phrases):
                    resolved[id(item)] = Speaker(canonical, "person")
                    break


def _introduced_next(named: list[tuple[object, Mention, Speaker]], resolved: dict[int, Speaker], names: Names) -> None:
    """A role no one fits goes to the person the article names right after it, bare, for the first time.

    A lead describes ("the culture minister said most of the missing had died"), and the next
    paragraph names without describing again ("“…,” Ana Ruiz said"): the writer gave the
    description once. Only where nothing else is named in between, the person is named in the same
    or the next paragraph, for the first time in the article, with no title there or anywhere in the
    corpus (a titled person was fitted by :func:`_resolve_forward`, or does not fit) and no other
    description. Later roles with the same title and place go to the same person.
    """
    first_named: dict[str, int] = {}
    for k, (_, m, speaker) in enumerate(named):
        if speaker.kind == "person":
            first_named.setdefault(speaker.canonical, k)
    introduced: list[tuple[Mention, str]] = []  # (role, the person it introduced)
    for k, (item, m, _) in enumerate(named):
        if not isinstance(item, Found) or m.kind != "role" or resolved[id(item)].kind != "group":
            continue
        same = next((person for role, person in introduced if role.title == m.title and _same_places(role, m)), None)
        if same is not None:
            resolved[id(item)] = Speaker(same, "person")
            continue
        # who is named after the role (as the subject of a verb, of saying or not) up to the next statement
        rest = [(j, entry) for j, entry in enumerate(named[k + 1:], k + 1) if entry[1].kind != "pronoun"]
        upto = next((n for n, (_, entry) in enumerate(rest) if isinstance(entry[0], Found)), None)
        if upto is None:
            continue
        first, (_, mention_, speaker) = rest[0]
        statement = rest[upto][1][0]
        if speaker.kind == "person" and {entry[2].canonical for _, entry in rest[:upto + 1]} == {speaker.canonical} \
                and statement.paragraph - item.paragraph <= 1 and first_named.get(speaker.canonical) == first \
                and mention_.kind in ("person", "name") and mention_.text == mention_.name and not mention_.described \
                and not names.titled_spellings(speaker.canonical) and speaker.canonical not in names.rolebook.words_of:
            resolved[id(item)] = Speaker(speaker.canonical, "person")
            introduced.append((m, speaker.canonical))


def _same_places(a: Mention, b: Mention) -> bool:
    """Two role mentions of one place, or where one names none ("Veldonia's tourism minister", "the minister")."""
    return not a.places or not b.places or any(same_place(p, q) for p in a.places for q in b.places)


def _body_of(place: Speaker, recent: list[Speaker], names: Names) -> Speaker:
    """What "it" stands for after a country spoke: the country's own body that spoke before it, where one
    did ("Chile's Interior Ministry said … Chile added … “…,” it said": the ministry), else the country."""
    for s in reversed(recent):
        if s.kind == "org" and any(same_place(place.canonical, word) for spelling in names.aliases.get(
                s.canonical, {s.canonical}) for word in re.findall(r"[A-Z][\w-]+", spelling)):
            return s
    return place


def _named_in_full(name: str, names: Names, recent: list[Speaker], corpus: bool = True) -> str | None:
    """The person a lone name stands for ("Brenner said", "Lin said"): the person of this article
    so named, most recent first ("Lin" with "Lin Mei" and "Lin Hao" in the corpus), else
    (``corpus``) the one the corpus names in full. The one rule for every kind the recogniser
    gives a lone surname: a person it could not complete, a plural, an organisation, a place."""
    folded = fold(name)
    for s in reversed(recent):
        if s.kind == "person" and is_full_name(s.canonical) and folded in (fold(s.canonical).split()[0],
                                                                             fold(s.canonical).split()[-1]):
            return s.canonical
    known = names.persons_like(name, full_names_only=True) if corpus else []
    return names.person(known[0]) if known else None


def _speaker(m, names: Names, recent: list[Speaker], genders: dict[str, str]) -> Speaker:
    lone = len(m.name.split()) == 1 and m.name[:1].isupper()
    if m.kind in ("group", "name", "org", "place") and lone:
        # a lone surname the tagger read as a plural, an organisation or a place, or missed
        person = _named_in_full(m.name, names, recent)
        if person:
            return Speaker(person, "person")
    if m.kind == "person":
        name = names.person(m.name)
        if len(name.split()) == 1:
            # a name the corpus could not complete
            name = _named_in_full(name, names, recent, corpus=False) or name
        gender = _gender(m.text)
        if gender:
            genders.setdefault(name, gender)
        return Speaker(name, "person", gender)
    if m.kind == "role":
        holder = names.rolebook.resolve(m) if m.places else None
        if holder is None:
            # "the union leader", "the minister": a speaker of this article whose title matches,
            # first by descriptive words ("union"), then by the title itself, most recent first
            persons = [s.canonical for s in reversed(recent) if s.kind == "person"]
            variants = {c: names.titled_spellings(c) for c in persons}
            for canonical in persons:
                if names.rolebook.by_words(m, variants[canonical]):
                    return Speaker(canonical, "person")
            # "the leader" may be the president; "the former army chief" is not (descriptive words)
            for canonical in persons:
                titles = {t for n in variants[canonical] for t in names.rolebook.titles_of[n]}
                if m.title in titles or (not m.places and leads(m, titles)):
                    return Speaker(canonical, "person")
            if m.places:
                holder = None
            else:
                holder = names.rolebook.resolve(m) if m.title not in roles().leader_words else None
        if holder is not None:
            return Speaker(names.person(holder), "person")
        return Speaker(clean_org(m.name), "group")
    if m.kind == "pronoun":
        want = m.pronoun
        if want in ("person-m", "person-f") and recent and recent[-1].kind == "org" and \
                person_shaped(recent[-1].canonical):
            # "cotton grower Baran Oskay said … “…,” he said": the recogniser took the name for an organisation
            return Speaker(recent[-1].canonical, "person")
        for s in reversed(recent):
            if want in ("person-m", "person-f", "person"):
                known = genders.get(s.canonical)
                if s.kind == "person" and (want == "person" or known in (None, want[-1])):
                    return s
            elif s.kind in ("org", "group", "place"):
                return _body_of(s, recent, names) if s.kind == "place" else s
        return Speaker("unknown", "unknown")
    if m.kind in ("org", "place"):
        if m.kind == "place":
            return Speaker(m.name, m.kind)
        return Speaker(names.org(m.name), "org")
    if m.kind == "name":
        known = names.persons_like(m.name)
        if known:
            return Speaker(names.person(known[0]), "person")
        if m.text.endswith(m.name) and find_title(fold(m.text[:-len(m.name)]).split()):
            # "union chief Ana Ruiz": a title before a name the recogniser missed names a person
            return Speaker(names.person(m.name), "person")
        return Speaker(names.org(clean_org(m.name)), "org")
    if m.kind == "group":
        # "the ministry", "the hospitals trust": the organisation of this article so named, most recent first,
        # or the body it named in more words ("the directorate" after "the civil defence directorate")
        words = set(fold(m.name).split())
        for s in reversed(recent):
            named = set(fold(s.canonical).split())
            if (s.kind == "org" and words <= named) or (s.kind == "group" and words < named):
                return s
        if words and (words <= outlet_nouns() or words <= document_nouns()):
            # "according to the newspaper" after "according to Example Daily, the local daily": the outlet
            # the article last named; "the report said", "said the statement": the body that issued it
            outlet = next((s for s in reversed(recent) if s.kind == "org"), None)
            if outlet is not None:
                return outlet
        # or the one organisation of the corpus so named (another outlet named it in full)
        named_so = names.orgs_with(frozenset(words))
        if len(named_so) == 1:
            return Speaker(named_so[0], "org")
    return Speaker(m.name, m.kind)


#: Speakers that are no one: a statement resolved to these credits nothing to a figure.
NO_SPEAKER = frozenset({"", "unknown", "unattributed"})
#: What the report says for a statement whose speaker could not be told (counted, never charted as a person).
UNATTRIBUTED = Speaker("unattributed", "unknown")


def corpus_nationality(parsed: Parsed) -> tuple[Counter, str | None]:
    """The corpus's demonyms as written (counted) and the country it is about (:func:`nationality_of`
    over every article): what an article that names no country is read with, and whose nationals are
    the corpus's own. Claims and figures both ask; one definition."""
    docs = [doc for article in parsed.values() for doc in article]
    demonyms = Counter(e.text for doc in docs for e in doc.ents if e.label_ == "NORP")
    return demonyms, nationality_of(docs, demonyms)


def demonym_shaped(word: str) -> bool:
    """Written like a nationality ("Chilean", "Peruvian", "Norwegian", "Thai"), not a place or a group's name."""
    return re.search(r"(?:an|ese|i|ish|ic|ch)$", fold(word)) is not None


#: A nation with a demonym stands for the article's country only where it is named at least a third as
#: often as the most named place.
NATION_SHARE = 3


def nationality_of(docs, demonyms: Counter | None = None, nations_only: bool = False) -> str | None:
    """The country an article is about, written as its demonym where the corpus writes one ("Chilean"),
    else as the place ("Peru"). The place is the article's most named one (its demonyms counted for
    it; only places the corpus writes a demonym for, where one is named twice), when it is named twice
    and half as often again as the next place; None otherwise (and, with ``nations_only``, when no
    place with a demonym is named twice: an article about a town is read with its corpus's country)."""
    places = Counter(e.text for doc in docs for e in doc.ents if e.label_ == "GPE")
    for doc in docs:
        for e in doc.ents:
            if e.label_ == "NORP":
                # counted for its place where the article names it, else as itself ("Veldonian" x2)
                places[next((p for p in places if same_place(e.text, p)), e.text)] += 1
    if not places:
        return None
    # a country has a demonym, a town has none ("Peruvian officials", not "Harwick officials"): where the
    # corpus writes demonyms, the places it writes them for are the candidates
    nations = Counter({p: n for p, n in places.items()
                       if any(same_place(name, p) and demonym_shaped(name) and fold(name) != fold(p)
                              for name in (demonyms or Counter()))})
    if nations and max(nations.values()) >= 2:
        if NATION_SHARE * max(nations.values()) < max(places.values()):
            # the place the article is about has no demonym in the corpus, and the nation that has one is
            # named in passing ("fought for Norwegian forces" in a story about Harwick): the country is not known
            return None
        places = nations
    elif nations_only:
        return None
    (place, n), *rest = places.most_common(2)
    if n < 2 or rest and n < 1.5 * rest[0][1]:
        return None
    written = [(count, name) for name, count in (demonyms or Counter()).items() if same_place(name, place)]
    return max(written)[1] if written else place


def vetted(speaker: Speaker, nationality: str | None) -> Speaker:
    """The speaker the report may name, or :data:`UNATTRIBUTED` (a wrong speaker is worse than none).

    No one ("unknown"), a demonym alone ("Veldonian"), a plural that names no speaker ("reports"), a
    name with no capital letter and no speaker noun, or with a comma, a bar, a slash or quotation marks
    in it (a headline's words or a photo credit taken for one) are unattributed;
    a bare state body ("government", "Officials") takes the article's nationality ("Veldonian
    government") or, with none, is unattributed.
    """
    name = speaker.canonical
    words = fold(name).split()
    while words and words[0] in determiners("articles"):
        words = words[1:]
    bare = " ".join(words)
    if name in NO_SPEAKER or not words or bare in roles().not_speakers:
        return UNATTRIBUTED
    if len(words) == 1 and (bare in roles().demonyms or nationality and bare == fold(nationality)
                            and not speaker.kind == "place"):
        return UNATTRIBUTED
    if bare in roles().national_nouns:
        return Speaker(f"{nationality} {bare}", "group") if nationality else UNATTRIBUTED
    if any(c in name for c in ",|丨/“”\"«»") or len(words) > 8:
        # a headline, a photo credit or a list taken for a name ("X Claims Y, Z", "X speaks of a “coup” and Y")
        return UNATTRIBUTED
    if speaker.kind in ("org", "name", "group", "person") and not any(c.isupper() for c in name) and \
            not any(w.rstrip("s") in roles().speaker_nouns or w in roles().speaker_nouns for w in words) and \
            not (speaker.kind == "group" and words[-1].endswith("s")):
        return UNATTRIBUTED  # "flood crush": a headline's words taken for an organisation
    return speaker


#: Fewest words two statements must share, in full, to be one quotation written twice.
SAME_WORDS_MIN = 6


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


#: What a quotation is cut off from the words around it by: quotation marks (a straight single one only
#: outside a word, not an apostrophe), a semicolon or a colon ("Over 800 injured; 'People were …,' survivor says").
_QUOTE_CUT = re.compile(r"[“”\"«»‘;:]|(?<!\w)'|'(?!\w)|’(?!\w)")


def _said_parts(text: str) -> list[str]:
    """The word keys a statement may repeat another's by: its whole text, and each part of it between
    quotation marks, semicolons or colons, of :data:`SAME_WORDS_MIN` words or more."""
    parts = [text] + _QUOTE_CUT.split(text)
    keys = [_words_key(p) for p in parts]
    return list(dict.fromkeys(k for k in keys if len(k.split()) >= SAME_WORDS_MIN))


def quoted_persons(statements: list[tuple[str, Speaker]]) -> dict[str, set[Speaker]]:
    """The words each person says (word keys of :data:`SAME_WORDS_MIN` words or more) -> who says them,
    from ``(text, speaker)`` statements: what :func:`same_words_same_speaker` looks words up in."""
    persons: dict[str, set[Speaker]] = {}
    for text, speaker in statements:
        key = _words_key(text)
        if speaker.kind == "person" and len(key.split()) >= SAME_WORDS_MIN:
            persons.setdefault(key, set()).add(speaker)
    return persons


def _saying(text: str, persons: dict[str, set[Speaker]]) -> set[Speaker]:
    """The persons who say the words of ``text`` (its whole or a quoted part), alone or within a longer quotation."""
    return {s for part in _said_parts(text) for said, who in persons.items() if f" {part} " in f" {said} "
            for s in who}


def same_words_same_speaker(statements: list[tuple[str, Speaker]],
                            corpus: dict[str, set[Speaker]] | None = None) -> list[Speaker]:
    """Speakers of one article's statements, with a quotation written twice credited once.

    A standfirst often gives a quotation to "one survivor" that the body gives,
    word for word, to a named person; the same words in one article are the same
    speaker's. ``statements`` are ``(text, speaker)`` in reading order; a statement
    whose speaker is no one or a group takes the one person who says the same
    words (six or more), alone or within a longer quotation, elsewhere in the article.
    The words may be the statement's whole text or a quoted part of it (a headline
    that runs its own words into the quotation). Two people saying them: left as is.

    ``corpus`` (:func:`quoted_persons` of every article) is asked where the article
    names no one saying them: outlets reprint one agency's quotation, one naming the
    speaker ("Ana Ruiz said"), another only describing her ("another resident told
    the agency"); the words are the one person's the corpus credits them to.
    """
    persons = quoted_persons(statements)
    out = []
    for text, speaker in statements:
        if speaker.kind in ("unknown", "group"):
            for said in (persons, corpus or {}):
                named = _saying(text, said)
                if named:
                    speaker = next(iter(named)) if len(named) == 1 else speaker
                    break
        out.append(speaker)
    return out


def described_then_quoted(found: list[Found], before: list[Speaker], after: list[Speaker]) -> list[Speaker]:
    """Speakers of one article's statements where a description's own quotation was credited by its words.

    "A neighbour described the street as a river, telling the agency: “…”": the quotation
    goes on with the description's speaker (with no speaker of its own, ``mention`` None, or the same
    words for one). Where :func:`same_words_same_speaker` credits those words to a person, the
    description they went on from is that person too: the nearest statement before it, in its
    paragraph, that named the same group so. ``before`` and ``after`` are the speakers of ``found``
    before and after the words were read.
    """
    out = list(after)
    for i, f in enumerate(found):
        if before[i].kind != "group" or after[i].kind != "person":
            continue
        for j in range(i - 1, -1, -1):
            if found[j].paragraph != f.paragraph:
                break
            if found[j].mention is not None and out[j] == before[i] and \
                    (f.mention is None or f.mention.text == found[j].mention.text):
                out[j] = after[i]
                break
    return out


def credited_speaker(statements: list[tuple[int, int, str]], start: int, end: int,
                     sentence: tuple[int, int]) -> str | None:
    """The resolved speaker a span of an article (a figure) is credited to, from the article's statements.

    ``statements`` are ``(start, end, speaker)`` of one article, offsets into its
    text. A statement holding the span gives its speaker; else a statement that
    shares the span's sentence (``sentence`` = its start, end): "12 people died,
    the governor said" reports the figure through the governor even where the
    statement's words stop short of it. None when no statement covers it.
    """
    holding = [s for s in statements if s[0] <= start and end <= s[1] and s[2] not in NO_SPEAKER]
    if holding:
        return min(holding, key=lambda s: s[1] - s[0])[2]
    near = [s for s in statements if s[0] < sentence[1] and sentence[0] < s[1] and s[2] not in NO_SPEAKER]
    if near:
        return min(near, key=lambda s: min(abs(s[0] - start), abs(s[1] - end)))[2]
    return None
