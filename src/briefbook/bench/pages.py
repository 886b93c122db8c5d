"""``briefbook bench-pages``: how well the reader keeps a web page's article and leaves its furniture.

The yardstick is trafilatura's evaluation format (``evaldata.json``): for each
saved page, a few snippets that belong to the article (``with``) and a few that
do not (``without``). A snippet counts as kept when its words, white space
normalised, stand in the text the reader made of the page. Kept ``with``
snippets are true positives, kept ``without`` snippets false positives, lost
``with`` snippets false negatives; F1 is ``2tp / (2tp + fp + fn)``, as in
trafilatura's own ``tests/eval_common.py``, so the two scores printed side by
side are measured the same way.

Nothing of the evaluation set is shipped: the command takes its path (the
``tests/`` folder of trafilatura's repository, or any folder laid out alike).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefbook.errors import BriefbookError

#: Function words of English and of the other languages of the set: a page is English when English
#: ones make at least :data:`ENGLISH_SHARE` of its article snippets' words and outnumber the others
#: two to one. A simple test, stated so the page count can be checked.
ENGLISH = frozenset(("the and of to a in is that for it on with as was are be this by from at or an have has "
                     "not but they their which you we his her its were been will would there").split())
OTHER = frozenset(("der die das und ist nicht mit sich auf für ein eine den dem des le la les et est une un du "
                   "que qui dans pour pas el los las y en por con una para lo il di che è e per non sono het een "
                   "van op ik je de za na se što").split())
ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass
class Counts:
    """True and false positives and negatives over the snippets of many pages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    seconds: float = 0.0
    failed: int = 0

    def add(self, item: dict, text: str | None) -> None:
        found = _norm(text or "")
        kept = sum(1 for s in item["with"] if _norm(s) in found)
        leaked = sum(1 for s in item["without"] if _norm(s) in found)
        self.tp += kept
        self.fn += len(item["with"]) - kept
        self.fp += leaked
        self.tn += len(item["without"]) - leaked

    @property
    def kept(self) -> float:
        """Share of article snippets kept (recall)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def left_out(self) -> float:
        """Share of boilerplate snippets left out."""
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def is_english(item: dict) -> bool:
    """The stop-word test of :data:`ENGLISH` on a page's article snippets."""
    words = [w.lower() for w in _WORD.findall(" ".join(item["with"]))]
    if not words:
        return False
    english = sum(w in ENGLISH for w in words)
    return english / len(words) >= ENGLISH_SHARE and english >= 2 * sum(w in OTHER for w in words)


def load_evaldata(path: Path) -> tuple[dict[str, dict], list[Path]]:
    """The annotations and the folders the pages may be in (``eval/`` and ``cache/`` beside the file)."""
    path = Path(path)
    file = path / "evaldata.json" if path.is_dir() else path
    if not file.is_file():
        raise BriefbookError(str(path), "no evaldata.json here (give the file or the folder that holds it)")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BriefbookError(str(file), f"not JSON ({err})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) and "file" in v for v in data.values()):
        raise BriefbookError(str(file), "not in trafilatura's evaluation format (url: {file, with, without})")
    return data, [file.parent / "eval", file.parent / "cache", file.parent]


def _page(folders: list[Path], name: str) -> bytes | None:
    for folder in folders:
        if (folder / name).is_file():
            return (folder / name).read_bytes()
    return None


def briefbook_reader(markup: bytes, url: str) -> str:
    """The article text briefbook analyses from a page: its reader, then the loader's repair and cleaning."""
    from briefbook.corpus.formats import read_bytes
    from briefbook.corpus.load import make_document

    document = make_document("page.html", read_bytes(markup, ".html", url=url))
    return "\n".join(p.text for p in document.paragraphs)


def trafilatura_reader(markup: bytes, url: str) -> str:
    """trafilatura's own extraction with the settings of its evaluation (tables in, comments out)."""
    from trafilatura import extract

    return extract(markup, url=url, include_comments=False, include_tables=True, include_formatting=False) or ""


READERS: dict[str, Callable[[bytes, str], str]] = {"briefbook": briefbook_reader, "trafilatura": trafilatura_reader}


def score(path: Path, english_only: bool = True) -> tuple[int, dict[str, Counts]]:
    """Pages scored and each reader's counts over them."""
    data, folders = load_evaldata(path)
    counts = {name: Counts() for name in READERS}
    pages = 0
    for url, item in sorted(data.items()):
        if english_only and not is_english(item):
            continue
        markup = _page(folders, item["file"])
        if markup is None:
            continue
        pages += 1
        for name, reader in READERS.items():
            began = time.perf_counter()
            try:
                text = reader(markup, url)
            except Exception:  # a reader that fails on a page loses its snippets, as in trafilatura's scoring
                text = None
                counts[name].failed += 1
            counts[name].seconds += time.perf_counter() - began
            counts[name].add(item, text)
    if not pages:
        raise BriefbookError(str(path), "none of the pages named in evaldata.json is in eval/ or cache/ beside it")
    return pages, counts


def table(pages: int, counts: dict[str, Counts]) -> str:
    """The result as a Markdown table."""
    lines = [f"{pages} pages", "",
             "| reader | article snippets kept | boilerplate left out | precision | F1 | seconds | failed |",
             "|---|---|---|---|---|---|---|"]
    for name, c in counts.items():
        lines.append(f"| {name} | {c.kept:.1%} | {c.left_out:.1%} | {c.precision:.3f} | **{c.f1:.3f}** | "
                     f"{c.seconds:.1f} | {c.failed} |")
    return "\n".join(lines)
