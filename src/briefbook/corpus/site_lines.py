"""Lines an outlet prints on every page, learnt from the corpus: they are the site, not the article.

A pasted article brings its site's furniture along ("Enjoying ad-free content?",
a newsletter prompt, a masthead slogan), in wordings no lexicon lists. The same
line word for word in two different stories of one outlet is such furniture.
Two *versions* of one story (an update, a reprint) share their sentences, so a
line counts only where the articles that print it share little else, and only
a short line (:data:`MAX_WORDS`): a paragraph of news repeated as background is
article text.
"""

from __future__ import annotations

from collections import defaultdict

from briefbook.corpus.model import Document

#: The reason shown on the Sources page for a line set aside this way.
SITE_LINE = "printed on other pages of the same outlet"
#: Lines longer than this are article text even when repeated.
MAX_WORDS = 30
#: Two articles that share more than this share of their lines are versions of one story.
SAME_STORY = 0.5


def line_key(text: str) -> str:
    """What two printings of one line share: its words, spacing and case aside (also how cleaning finds
    a repeated paragraph)."""
    return " ".join(text.split()).casefold()


def site_lines(documents: list[Document], outlet_of: dict[str, str]) -> dict[str, frozenset[str]]:
    """For each article (by file) the lines of it its outlet prints in another, different story."""
    everything = {d.file: {line_key(p.text) for p in d.paragraphs} for d in documents}
    lines = {file: {k for k in keys if k.count(" ") < MAX_WORDS} for file, keys in everything.items()}
    carriers: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d in documents:
        outlet = outlet_of.get(d.file, "")
        if outlet:
            for line in lines[d.file]:
                carriers[(outlet, line)].append(d.file)
    found: dict[str, set[str]] = defaultdict(set)
    for (_, line), files in carriers.items():
        if len(files) < 2:
            continue
        different = [f for f in files if any(_distinct(everything[f], everything[g]) for g in files if g != f)]
        for file in different:
            found[file].add(line)
    return {file: frozenset(keys) for file, keys in found.items()}


def _distinct(a: set[str], b: set[str]) -> bool:
    return len(a & b) <= SAME_STORY * min(len(a), len(b))


def is_site_line(text: str, site: frozenset[str]) -> bool:
    """Whether ``text`` is one of an article's site lines (compared as :func:`site_lines` keys them)."""
    return bool(site) and line_key(text) in site
