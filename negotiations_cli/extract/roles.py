"""What a role says about a person: its classes (diplomat, spokesperson …) and country."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold
from .vocab import tokenize, vocab

__all__ = ["role_classes"]

_APPOSITION = re.compile(r"\s*[,–—]\s*|\s+-\s+")


@lru_cache(maxsize=4096)
def role_classes(role: str) -> frozenset[str]:
    """Classes of each title in ``role``, read from the title and the words that qualify it,
    up to the next title: "Trợ lý Tổng thống" is an aide, not a head of state."""
    v = vocab()
    found: set[str] = set()
    for part in _APPOSITION.split(role):
        tokens = tokenize(part)
        if not tokens:
            continue
        first = v.titles.match(tokens, 0)
        end = len(tokens)
        if first:
            for k in range(first[0], len(tokens)):
                if v.titles.match(tokens, k, proper=True) and tokens[k].capitalised:
                    end = k
                    break
        segment = fold(part[: tokens[end - 1].end])
        matches = [
            (m.start(), m.end(), name)
            for name, keywords in v.role_classes.items()
            for k in keywords
            for m in re.finditer(rf"\b{re.escape(k)}\b", segment)
        ]
        # a keyword inside a title that is one whole says nothing of its own: "Thủ tướng"
        # is no general ("tướng"), "Phó Tổng thống" no president
        wholes = [
            (m.start(), m.end())
            for w in v.role_wholes
            for m in re.finditer(rf"\b{re.escape(w)}\b", segment)
        ]
        found.update(
            name
            for a, b, name in matches
            if not any(c <= a and b <= d and d - c > b - a for c, d in wholes)
        )
    return frozenset(found)
