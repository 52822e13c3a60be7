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
    "latin_name",
    "looks_vietnamese",
    "nfc",
    "plain_latin",
    "strip_controls",
    "tone_key",
    "vietnamese_syllable",
    "words",
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
    text = nfc(strip_controls(text))  # a control between a letter and its mark hid the pair
    return _SPACES.sub(" ", text)


# Latin letters with a stroke or slash, which Unicode does not decompose: "Radosław" is
# typed "Radoslaw", "Støre" "Store".
_STROKES = {"đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "ħ": "h"}


def _fold_char(char: str) -> str:
    if char in _STROKES:
        return _STROKES[char]
    base = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
    ).lower()
    # Keep folding length-preserving so offsets in folded text are offsets in the original.
    return base if len(base) == 1 else char.lower()[:1] or char


class _FoldTable(dict[int, str]):
    """str.translate table that works out each character's fold the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Fold for comparison: lower case, no diacritics, đ → d; same length as ``nfc(text)``.

    ``fold("Mátxcơva") == "matxcova"``, ``fold("hoà") == fold("hòa") == "hoa"``.
    """
    return nfc(text).translate(_FOLD)


_NON_WORD = re.compile(r"[^\w]+")


def fold_key(text: str) -> str:
    """Folded text with punctuation and hyphens collapsed to single spaces: a lookup key."""
    return _NON_WORD.sub(" ", fold(text)).strip()


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VIETNAMESE_MARKS = frozenset("\u0302\u0306\u031b\u0303\u0309\u0323")  # â ă ơ/ư, ngã, hỏi, nặng


@lru_cache(maxsize=65536)
def tone_key(word: str) -> str:
    """Lower-case word with its tone mark moved to the end: ``hòa`` and ``hoà`` share a key,
    ``ba`` and ``bà`` do not. For comparing Vietnamese words without folding them away."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


_VOWELS = frozenset("aeiouyAEIOUY")


@lru_cache(maxsize=65536)
def looks_vietnamese(word: str) -> bool:
    """True when the word carries a letter or mark that only Vietnamese uses here: đ, or
    â ă ê ô ơ ư / hỏi, ngã, nặng on a vowel. Foreign names (Peskov, José, Erdoğan) do not."""
    if "đ" in word.lower():
        return True
    base = ""
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c):
            if c in _VIETNAMESE_MARKS and base in _VOWELS:
                return True
        else:
            base = c
    return False


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?"
    r"(?:[aeiouy]{1,3})(?:ng|nh|ch|[cmnpt])?"
)


@lru_cache(maxsize=65536)
def vietnamese_syllable(word: str) -> bool:
    """Could ``word`` be one Vietnamese syllable? ("Gia", "Côn", "Phát" yes; "Pedro",
    "Sánchez", "Euroclear" no.) Hyphenated transliterations are not single syllables."""
    return bool(_SYLLABLE.fullmatch(fold(word)))


def latin_name(name: str) -> bool:
    """A name in Latin script, not in Vietnamese: some word is neither Vietnamese-marked
    nor a possible Vietnamese syllable."""
    parts = [w for w in re.split(r"[\s.]+", name) if w]
    return any(
        not looks_vietnamese(w) and not vietnamese_syllable(w) and "-" not in w for w in parts
    )


def plain_latin(name: str) -> str:
    """A Latin-script name without its accents ("Pedro Sánchez" → "Pedro Sanchez");
    Vietnamese names and transliterations are returned as they are."""
    if not latin_name(name) or looks_vietnamese(name):
        return name
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", stripped)


def words(name: str) -> list[str]:
    """The words of a name as written: ``words("Đ.Pê-xcốp") == ["Đ", "Pê-xcốp"]``."""
    return [w for w in re.split(r"[\s.]+", name.strip()) if w]
