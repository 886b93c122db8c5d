"""Syndicated and copied text: articles that share text, grouped into families with a named origin.

Much of what an analyst collects is one wire story under several mastheads. Counted
masthead by masthead, a claim "carried by four outlets" may rest on one reporter's
sentence. This module finds the paragraphs an article shares with another article,
joins articles that share enough text into *families*, and names where each family's
text came from, so the analyses can count independent origins instead of mastheads.

How, and why so:

- **Narrative text only.** Quotations are taken out before comparing: two reporters who
  quote one speaker's sentence wrote two reports, not one. Letters are folded to their
  base form ("Núñez" = "Nunez"), since one outlet's copy desk strips accents.
- **Paragraph against paragraph**, by word shingles, so a reprint that trims the story,
  changes the headline or splits and joins paragraphs is still found: a paragraph is
  shared when most of its shingles stand in one paragraph of the other article.
- **Near-linear.** Candidate pairs come from MinHash signatures in banded LSH buckets
  (a paragraph meets only paragraphs that collide with it); only candidates are compared
  exactly. No article is compared with every other.
- **Precision first.** Two articles join a family only when they share at least
  :data:`MIN_FAMILY_SHINGLES` shingles of narrative text: a shared stock phrase or one
  common clause is not a reprint.

The origin of a family is an agency one of its articles credits (a dateline "(AP)", a
credit line, an outlet that is itself the agency; the editable list ``wire_agencies.yaml``),
else its earliest article when every member is dated and one is dated before the others,
else "shared text, origin unknown".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from briefbook.corpus.model import Document
from briefbook.corpus.outlets import UNKNOWN_ORIGIN, agency_named

#: Words in a shingle.
SHINGLE = 5
#: Share of a paragraph's shingles that must stand in one paragraph of another article for it to be shared.
PARAGRAPH_SHARE = 0.5
#: Fewest shingles a shared paragraph must have in common with the other (a short clause is no reprint).
MIN_PARAGRAPH_SHINGLES = 6
#: Fewest narrative shingles two articles must share to be one family (about two long sentences).
MIN_FAMILY_SHINGLES = 15
#: MinHash signature length and its LSH banding (32 bands of 2 rows: pairs from a Jaccard of about 0.2 meet).
PERMUTATIONS, BANDS = 64, 32
_PRIME = (1 << 31) - 1
_RNG = np.random.RandomState(20240626)
_A = _RNG.randint(1, _PRIME, size=PERMUTATIONS, dtype=np.int64)
_B = _RNG.randint(0, _PRIME, size=PERMUTATIONS, dtype=np.int64)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''.*?''|‘‘.*?’’|«[^»]*»")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SharedParagraph:
    """A paragraph of one article that stands, for ``share`` of its shingles, in a paragraph of another."""

    doc_id: str
    paragraph: int
    other_doc_id: str
    other_paragraph: int
    share: float


@dataclass
class Family:
    """Articles that share text, and where it came from (``origin``, found as ``origin_how``)."""

    family_id: str
    members: list[str]
    origin: str = UNKNOWN_ORIGIN
    origin_how: str = ""
    shares: dict[str, float] = field(default_factory=dict)  # doc_id -> share of its text shared with the family


def narrative(text: str) -> str:
    """The text with its quotations taken out and its letters folded to their base form."""
    text = _QUOTED.sub(" ", text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def shingles(text: str) -> np.ndarray:
    """The distinct word shingles of ``text`` as stable 31-bit integers (the same in every process)."""
    words = _WORD.findall(text)
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return np.array(sorted(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") & _PRIME
                           for g in grams), dtype=np.int64)


#: Each article's paragraphs' narrative shingles: doc_id -> paragraph number -> shingles.
Shingled = dict[str, dict[int, np.ndarray]]


def narrative_shingles(documents: list[Document]) -> Shingled:
    """The narrative shingles of every paragraph, read once for both passes (pairs, then families)."""
    return {d.doc_id: {p.number: shingles(narrative(p.text)) for p in d.paragraphs} for d in documents}


def signature(values: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of shingles."""
    return ((np.outer(values, _A) + _B) % _PRIME).min(axis=0)


def candidate_pairs(signatures: list[np.ndarray]) -> set[tuple[int, int]]:
    """Pairs of items whose signatures agree on a whole band: each item meets its bucket's first item."""
    rows = PERMUTATIONS // BANDS
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        buckets: dict[tuple, int] = {}
        for item, sig in enumerate(signatures):
            key = tuple(sig[band * rows:(band + 1) * rows])
            first = buckets.setdefault(key, item)
            if first != item:
                pairs.add((first, item))
    return pairs


def shared_paragraphs(documents: list[Document], shingled: Shingled | None = None) -> list[SharedParagraph]:
    """Every paragraph that stands, for at least :data:`PARAGRAPH_SHARE` of its narrative shingles, in a
    paragraph of another article (each direction listed on its own: a trimmed paragraph is all in
    its original, the original only half in it). ``shingled``: :func:`narrative_shingles`, when read."""
    shingled = narrative_shingles(documents) if shingled is None else shingled
    items = [(d.doc_id, p.number, shingled[d.doc_id][p.number])
             for d in documents for p in d.paragraphs if p.role in ("body", "title")]
    items = [item for item in items if len(item[2]) >= MIN_PARAGRAPH_SHINGLES]
    signatures = [signature(values) for _, _, values in items]
    found = []
    for i, j in sorted(candidate_pairs(signatures)):
        (doc_a, par_a, a), (doc_b, par_b, b) = items[i], items[j]
        if doc_a == doc_b:
            continue
        common = len(np.intersect1d(a, b, assume_unique=True))
        if common < MIN_PARAGRAPH_SHINGLES:
            continue
        for doc, par, own, other_doc, other_par in ((doc_a, par_a, a, doc_b, par_b), (doc_b, par_b, b, doc_a, par_a)):
            if common / len(own) >= PARAGRAPH_SHARE:
                found.append(SharedParagraph(doc, par, other_doc, other_par, round(common / len(own), 3)))
    return found


def credited_agency(document: Document) -> str:
    """The agency an article credits for its text: its outlet when that is an agency (read from a dateline
    such as "(AP)", a credit line or the manifest), else a credit line naming one; "" where none."""
    # a credit line kept as one, or set aside as a lone interface word ("AP" on a line of its own)
    lines = [document.outlet] + [p.text for p in document.paragraphs if p.role == "credit"] \
        + [r.text for r in document.removed]
    return next((agency for agency in map(agency_named, lines) if agency), "")


def families(documents: list[Document], shared: list[SharedParagraph],
             shingled: Shingled | None = None) -> list[Family]:
    """Articles joined by the text they share, each family with its origin, biggest first."""
    by_id = {d.doc_id: d for d in documents}
    shingled = narrative_shingles(documents) if shingled is None else shingled
    common: dict[tuple[str, str], set] = defaultdict(set)  # two articles -> the shingles they share
    shared_of: dict[str, set] = defaultdict(set)  # doc_id -> its shingles that stand in another article
    for item in shared:
        own = shingled[item.doc_id][item.paragraph]
        other = shingled[item.other_doc_id][item.other_paragraph]
        both = {int(v) for v in np.intersect1d(own, other, assume_unique=True)}
        common[tuple(sorted((item.doc_id, item.other_doc_id)))] |= both
        shared_of[item.doc_id] |= both
    parent = {d.doc_id: d.doc_id for d in documents}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for (a, b), both in common.items():
        if len(both) >= MIN_FAMILY_SHINGLES:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(parent):
        groups[root(doc)].append(doc)
    out = []
    for members in sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g)):
        total = {m: len(set().union(*(set(map(int, v)) for v in shingled[m].values()))) or 1
                 for m in members}
        family = Family("fam-" + hashlib.sha256(" ".join(members).encode()).hexdigest()[:8], members,
                        shares={m: round(len(shared_of[m]) / total[m], 3) for m in members})
        credits = Counter(a for a in (credited_agency(by_id[m]) for m in members) if a)
        dated = sorted((by_id[m].published, m) for m in members if by_id[m].published)
        if credits:
            agency, count = credits.most_common(1)[0]
            family.origin, family.origin_how = agency, f"credited by {count} of its {len(members)} articles"
        elif len(dated) == len(members) and dated[0][0] < dated[1][0]:
            first = by_id[dated[0][1]]
            family.origin = first.outlet or f"file {first.file}"
            family.origin_how = f"the earliest dated of its {len(members)} articles ({dated[0][0].isoformat()})"
        else:
            # an undated article may be the first; two of the first day cannot say which copied which
            family.origin_how = (f"no article of the {len(members)} credits an agency, and none is surely "
                                 "the first (undated articles, or two of the first day)")
        out.append(family)
    return out


def syndicate(documents: list[Document]) -> tuple[list[Family], list[SharedParagraph]]:
    """The corpus's families and shared paragraphs, every paragraph's shingles read once."""
    shingled = narrative_shingles(documents)
    shared = shared_paragraphs(documents, shingled)
    return families(documents, shared, shingled), shared
