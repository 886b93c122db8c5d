"""Turn a seed file's bytes into text, or say plainly why it cannot be read.

Decoding order: a byte-order mark wins; then strict UTF-8; then the best guess
of ``charset_normalizer`` among legacy encodings, recorded as a warning so the
Sources page can show that the text went through a guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control characters that never occur in an article (tab, newline, CR, FF excluded).
#: A regular expression, not a per-character loop: a multi-megabyte file is judged in milliseconds.
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if c not in (9, 10, 12, 13)) + "]")


class Unreadable(ValueError):
    """The file is not text an article could be made of (binary, empty)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str = ""


def decode(data: bytes) -> Decoded:
    """Decode a seed's bytes; raise :class:`Unreadable` for empty or binary files."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data.decode(encoding)
            return _checked(Decoded(text, encoding))
    if b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    return _checked(Decoded(text, encoding, f"not UTF-8; decoded as {encoding}"))


#: Legacy encodings of news sites, most common first. Short texts fit several code
#: pages almost equally well; among near-ties the more common one is the better bet.
PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "koi8_r", "iso8859_9", "cp1254")
NEAR_TIE = 0.05


def _guess_encoding(data: bytes) -> str:
    """The most likely legacy encoding: ``charset_normalizer``'s candidates, near-ties broken by commonness."""
    candidates = list(from_bytes(data))
    if not candidates:
        return "cp1252"
    best = min(m.chaos for m in candidates)
    close = {m.encoding for m in candidates if m.chaos <= best + NEAR_TIE}
    for encoding in PREFERRED:
        if encoding in close:
            return encoding
    return min(candidates, key=lambda m: m.chaos).encoding


def _checked(decoded: Decoded) -> Decoded:
    text = decoded.text
    if not text.strip():
        raise Unreadable("empty file" if not text else "only white space")
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > max(2, len(text) // 100):
        raise Unreadable("binary file (control characters)")
    return decoded
