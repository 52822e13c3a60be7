"""Person mentions → people: one canonical name per person, with aliases and roles.

Within an article a surname alone ("ông Peskov") joins the full name it shares
("Dmitry Peskov"); close spellings of one full name (Andriy/Andrii) merge. The lexicon of
well-known people maps other spellings and transliterations (Pê-xcốp) to one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text import fold_key, words
from .vocab import vocab

__all__ = ["ArticlePeople", "PersonFacts"]


@dataclass
class PersonFacts:
    name: str
    surfaces: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    mentions: int = 0


def last_name(name: str) -> str:
    """The last word of a name as written: "Pê-xcốp" in "Đ.Pê-xcốp"."""
    parts = re.split(r"[\s.]+", name.strip())
    return parts[-1] if parts else name


def lexicon_name(name: str) -> str | None:
    """The well-known person a name or its surname spells, if the lexicon knows it."""
    v = vocab()
    return v.is_person_alias(name) or (
        v.is_person_alias(last_name(name)) if last_name(name) != name else None
    )


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same surname (or nearly), nearly the same given name."""
    from rapidfuzz import fuzz

    wa, wb = words(a), words(b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    if fuzz.ratio(fold_key(wa[-1]), fold_key(wb[-1])) < 85:
        return False
    return fuzz.ratio(fold_key(" ".join(wa[:-1])), fold_key(" ".join(wb[:-1]))) >= 80


class ArticlePeople:
    """Resolves the names of one article's person mentions to canonical names."""

    def __init__(self, names: Iterable[str]) -> None:
        self.people: dict[str, PersonFacts] = {}
        self._canonical: dict[str, str] = {}
        full = [n for n in names if len(words(n)) >= 2 or lexicon_name(n)]
        for name in full:
            self._canonical[fold_key(name)] = self._full(name)
        for name in names:
            key = fold_key(name)
            if key not in self._canonical:
                self._canonical[key] = self._single(name)

    def _full(self, name: str) -> str:
        alias = lexicon_name(name)
        if alias:
            return alias
        for known in list(self._canonical.values()):
            if same_person(known, name):
                return known
        return name

    def _single(self, name: str) -> str:
        key = fold_key(name)
        # against the names as written too: "ông Tập" is "Tập Cận Bình" (Xi Jinping)
        for surface, known in reversed(list(self._canonical.items())):
            parts = [fold_key(w) for w in words(known)] + surface.split()
            if key in parts:
                return known
        return lexicon_name(name) or name

    def canonical(self, name: str) -> str:
        return self._canonical.get(fold_key(name)) or name

    def record(
        self, name: str, role: str | None, gender: str | None, country: str | None
    ) -> PersonFacts:
        canonical = self.canonical(name)
        facts = self.people.setdefault(canonical, PersonFacts(canonical))
        facts.mentions += 1
        if name not in facts.surfaces:
            facts.surfaces.append(name)
        if role and role not in facts.roles:
            facts.roles.append(role)
        facts.gender = facts.gender or gender
        facts.country = facts.country or vocab().people_country.get(canonical) or country
        return facts
