"""What an article's address says: the day it was published and the site that published it.

Newsrooms put the publication day in their addresses (``/2022/01/10/``,
``/2022-01-10/``, ``/20220110/``, ``/2022/jan/10/``) and the address's host
names the site. Both are used only where the page or the manifest says nothing
better (:func:`briefbook.corpus.load.load_corpus` ranks them). The host is
turned into the outlet's name through the editable list ``outlet_hosts.yaml``,
and is shown as it is (``example-news.com``) when the list does not know it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

from briefbook.resources import load_yaml

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: A day in a path: year, month and day as path segments or joined by hyphens, or eight digits alone.
_DATE_PATH = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>\d{1,2}|" + "|".join(_MONTH_WORDS) + r")(?P=sep)"
    r"(?P<d>\d{1,2})(?![\d])"
    r"|(?<![\d])(?P<y8>(?:19|20)\d\d)(?P<m8>[01]\d)(?P<d8>[0-3]\d)(?![\d])",
    re.IGNORECASE,
)
#: Sub-domains that name a version of the site, not the site (``www.``, ``amp.``, ``m.``, ``en.``).
_VERSION_PREFIXES = ("www", "www1", "amp", "m", "mobile", "en", "english", "edition", "beta")

HOW_URL_DATE = "date in the address"
HOW_HOST_LISTED = "address's host (outlet_hosts.yaml)"
HOW_HOST = "address's host"


def date_in_url(url: str) -> dt.date | None:
    """The publication day an address's path states, or None (query strings and hosts are not read)."""
    if not url:
        return None
    path = urlsplit(url).path
    for match in _DATE_PATH.finditer(path):
        year, month, day = (match.group("y"), match.group("m"), match.group("d")) if match.group("y") \
            else (match.group("y8"), match.group("m8"), match.group("d8"))
        month_number = int(month) if month.isdigit() else _MONTH_WORDS.index(month.lower()[:3]) + 1
        try:
            return dt.date(int(year), month_number, int(day))
        except ValueError:
            continue
    return None


def host(url: str) -> str:
    """An address's host without port or version prefix (``www.example.com:443`` → ``example.com``)."""
    name = (urlsplit(url).hostname or "").lower().rstrip(".")
    parts = name.split(".")
    while len(parts) > 2 and parts[0] in _VERSION_PREFIXES:
        parts = parts[1:]
    return ".".join(parts)


@lru_cache(maxsize=1)
def _listed() -> dict[str, str]:
    spec = load_yaml("outlet_hosts.yaml") or {}
    return {str(h).lower().removeprefix("www."): str(name) for name, hosts in (spec.get("outlets") or {}).items()
            for h in ([hosts] if isinstance(hosts, str) else hosts)}


def outlet_from_url(url: str) -> tuple[str, str] | None:
    """The outlet an address's host names, and how: the list's name for the host (or for the domain it
    belongs to), else the host itself; None for an address without a host."""
    name = host(url)
    if not name:
        return None
    listed = _listed()
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in listed:
            return listed[".".join(parts[i:])], HOW_HOST_LISTED
    return name, HOW_HOST
