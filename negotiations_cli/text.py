"""Text normalisation for Vietnamese: NFC, control characters, accent folding.

Article text arrives precomposed (NFC) or decomposed (NFD), with either tone-mark
placement (``hòa``/``hoà``). Everything the program stores is NFC; everything it
*compares* is folded: lower case, no tone or vowel marks, ``đ`` → ``d``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "clean",
    "fold",
    "fold_key",
    "nfc",
    "strip_controls",
]

# C0 and C1 control characters except TAB and LF, plus DEL. Article text is
# untrusted: an ESC sequence in a file must never reach the terminal.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_controls(text: str) -> str:
    """Remove control characters (keeps newlines and tabs)."""
    return _CONTROLS.sub("", text)


def clean(text: str) -> str:
    """NFC, unified line endings, no control characters, single spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(nfc(text))
    return _SPACES.sub(" ", text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
    ).lower()
    # Keep folding length-preserving so offsets in folded text are offsets in the original.
    return base if len(base) == 1 else char.lower()[:1] or char


def fold(text: str) -> str:
    """Fold for comparison: lower case, no diacritics, đ → d; same length as ``nfc(text)``.

    ``fold("Mátxcơva") == "matxcova"``, ``fold("hoà") == fold("hòa") == "hoa"``.
    """
    return "".join(_fold_char(c) for c in nfc(text))


_NON_WORD = re.compile(r"[^\w]+")


def fold_key(text: str) -> str:
    """Folded text with punctuation and hyphens collapsed to single spaces: a lookup key."""
    return _NON_WORD.sub(" ", fold(text)).strip()
