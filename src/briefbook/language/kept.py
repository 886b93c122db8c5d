"""Each article's results, kept: an article is read again only when it, or what it is read with, changed.

Most of an extraction is spent on one article at a time: its statements, its dated events, its figures.
The corpus-wide passes (names and genders, article dates, grouping, reconciliation, the timeline) then
join those per-article results. Such a reading is a pure function of the article, its parse and a few
plain values the corpus-wide passes hand it (the article's date, the year its year-less dates take,
who spoke its statements). :class:`Kept` keys each call by

* the article: everything the loader made of it (its text, paragraphs and their roles, title, dates,
  outlet: the :class:`~briefbook.corpus.model.Document`'s ``repr``), and so its parse;
* the function, by its qualified name, and the values it is given (their ``repr``);
* the code version: briefbook's code and data files, a user's own lexicons and the installed packages
  (:func:`briefbook.extract.code_version`), so a kept result is what calling again would give.

Within one extraction the results are kept in memory (article dating asks for an article's events on
every pass, and the events step asks again with the date it settled on); with a folder, on disk between
extractions, one file per article, so a rebuild after one article is added or edited reads that article,
and those whose date or speakers the new one changed, and takes the rest as they were. Results are kept
pickled: every caller gets its own copy, so changing what it got changes nothing kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from briefbook.corpus.model import Document


class Kept:
    """Per-article results of one extraction, and (with ``folder``) of the extractions before it."""

    def __init__(self, folder: Path | None = None, version: str = ""):
        self.folder = folder
        self.version = version
        self._article_keys: dict[int, tuple[Document, str]] = {}
        self._entries: dict[str, dict[str, bytes]] = {}  # article key -> call key -> pickled result
        self._used: dict[str, set[str]] = {}
        self._changed: set[str] = set()
        #: calls answered from what was kept, and calls that had to read the article (for tests and timings)
        self.hits = 0
        self.misses = 0

    def __call__(self, read: Callable[..., Any], document: Document, docs: list[Doc], *inputs: Any) -> Any:
        """``read(document, docs, *inputs)``, from what was kept when the same call was made before."""
        article = self._article_key(document)
        entries = self._article_entries(article)
        call = hashlib.sha256(f"{read.__module__}.{read.__qualname__}\0{inputs!r}".encode()).hexdigest()[:24]
        blob = entries.get(call)
        if blob is None:
            blob = pickle.dumps(read(document, docs, *inputs), protocol=pickle.HIGHEST_PROTOCOL)
            entries[call] = blob
            self._changed.add(article)
            self.misses += 1
        else:
            self.hits += 1
        self._used.setdefault(article, set()).add(call)
        return pickle.loads(blob)

    def _article_key(self, document: Document) -> str:
        known = self._article_keys.get(id(document))
        if known is not None and known[0] is document:
            return known[1]
        digest = hashlib.sha256(self.version.encode() + b"\0" + repr(document).encode("utf-8"))
        key = digest.hexdigest()[:24]
        self._article_keys[id(document)] = (document, key)  # the document held: its id is not reused
        return key

    def _article_entries(self, article: str) -> dict[str, bytes]:
        if article not in self._entries:
            self._entries[article] = self._read(article)
        return self._entries[article]

    def _path(self, article: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{article}.pickle"

    def _read(self, article: str) -> dict[str, bytes]:
        if self.folder is None:
            return {}
        try:
            entries = pickle.loads(self._path(article).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return {}  # none kept, or a file cut short by a stopped build: read the article again
        return entries if isinstance(entries, dict) else {}

    def save(self) -> int:
        """Write what this extraction used, per article, where it differs from what was kept; returns how
        many articles' files were written. Calls this extraction did not make are dropped (an article's
        old date, its speakers before the corpus changed), so a file holds one extraction's worth."""
        if self.folder is None:
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for article, used in self._used.items():
            entries = self._entries[article]
            if article not in self._changed and set(entries) == used:
                try:
                    os.utime(self._path(article))  # in use: kept files are pruned oldest first
                except OSError:
                    pass
                continue
            kept = {call: entries[call] for call in sorted(used)}
            partial = self._path(article).with_name(f"{article}.partial-{os.getpid()}")
            partial.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(self._path(article))
            written += 1
        return written

