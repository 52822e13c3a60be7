"""Text as legacy Vietnamese files store it (tests' helper)."""

from __future__ import annotations

import unicodedata

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def cp1258(text: str) -> bytes:
    """``text`` in Windows-1258 as Vietnamese software wrote it: letters the code page has
    precomposed (â, ơ, đ …) as one byte, tone marks as separate combining bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)
