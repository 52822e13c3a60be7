"""Person mentions → people: one canonical name per person, with aliases and roles.

Within an article a surname alone ("ông Peskov") joins the full name it shares
("Dmitry Peskov"); close spellings of one full name (Andriy/Andrii) merge. The lexicon of
well-known people maps other spellings and transliterations (Pê-xcốp) to one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..text import fold, fold_key, looks_vietnamese, plain_latin, words
from .vocab import vocab

__all__ = ["NAME_SUFFIXES", "ArticlePeople", "PersonFacts"]


@dataclass
class PersonFacts:
    name: str
    surfaces: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    mentions: int = 0


@cache
def _given_names() -> dict[str, str]:
    from ..lexicon import load_lines

    return {
        fold(name): gender
        for name, _tab, gender in (line.partition("\t") for line in load_lines("given_names.txt"))
    }


def likely_gender(name: str) -> str | None:
    """ "f" or "m" from a Latin given name (Maria, Jeanne / Nikita), when the article gives
    no honorific; None when the name says nothing."""
    parts = words(name)
    if len(parts) < 2 or looks_vietnamese(parts[0]) or "-" in parts[0]:
        return None
    given = fold(parts[0])
    listed = _given_names().get(given)
    if listed:
        return listed.strip()
    return "f" if given.endswith("a") and len(given) > 2 else None


def last_name(name: str) -> str:
    """The last word of a name as written: "Pê-xcốp" in "Đ.Pê-xcốp"."""
    parts = re.split(r"[\s.]+", name.strip())
    return parts[-1] if parts else name


def lexicon_name(name: str) -> str | None:
    """The well-known person a name or its surname spells, if the lexicon knows it — also
    through an older Vietnamese transliteration the lexicon does not list ("Gờ-rô-xi")."""
    v = vocab()
    return (
        v.is_person_alias(name)
        or _by_surname(name)
        or (transliteration_match(name) if transliterated(name) else None)
    )


def _by_surname(name: str) -> str | None:
    """The lexicon's person with this surname, unless the name gives other given names:
    "D. Kuleba" and "Kuleba" are Dmytro Kuleba, "Oleksiy Kuleba" is someone else."""
    surname = last_name(name)
    if surname == name:
        return None
    known = vocab().is_person_alias(surname)
    if known is None:
        return None
    given = [w for w in words(name)[:-1] if len(w.rstrip(".")) > 1]
    if given and not transliterated(name) and not same_person(name, known):
        return None
    return known


def transliterated(name: str) -> bool:
    """Written as hyphenated Vietnamese syllables: "Ra-pha-en Gờ-rô-xi", "Đ. Plét-ten-chúc"."""
    parts = [w for w in words(name) if "-" in w]
    return bool(parts) and all(looks_vietnamese(w) or w[0].isupper() for w in parts)


_SCHWA = re.compile(r"(?<![a-z])([bcdfghklmnpqrstvxz]h?)ờ?ơ?-")  # "Gờ-rô" → "G-rô"


def sound_key(text: str, vietnamese: bool) -> str:
    """A rough key of how a name sounds, shared by its Latin spelling and its Vietnamese
    transliteration: Pê-xcốp ~ Peskov, Gờ-rô-xi ~ Grossi, Dê-len-xki ~ Zelensky."""
    text = text.lower()
    if vietnamese:
        text = _SCHWA.sub(r"\1-", text.replace("ờ", "ơ"))
        text = text.replace("d", "z").replace("đ", "d")
    text = fold(text)
    text = re.sub(r"[^a-z]+", " ", text)
    for old, new in (
        ("ph", "f"),
        ("kh", "k"),
        ("ch", "c"),
        ("q", "k"),
        ("c", "k"),
        ("x", "s"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
    ):
        text = text.replace(old, new)
    if vietnamese:
        text = re.sub(r"p$", "v", text.strip())  # a final -p: "Pê-xcốp" ends in -ov
        text = text.replace(" ", "")
    else:
        text = text.replace(" ", "")
    return re.sub(r"(.)\1+", r"\1", text)  # double letters: Grossi ~ Gờ-rô-xi


@cache
def _sound_keys() -> dict[str, list[tuple[str, str]]]:
    """Surname sound key → (full-name sound key, canonical name) of the lexicon's people."""
    keys: dict[str, list[tuple[str, str]]] = {}
    for canonical in set(vocab().people.values()):
        parts = words(canonical)
        if len(parts) < 2:
            continue
        surname = sound_key(parts[-1], vietnamese=False)
        keys.setdefault(surname[:1], []).append((sound_key(canonical, False), canonical))
    return keys


def transliteration_match(name: str) -> str | None:
    """The lexicon's person whose Latin name sounds like this transliteration, if exactly
    one comes close."""
    from rapidfuzz import fuzz

    parts = words(name)
    surname = sound_key(parts[-1], vietnamese=True)
    full = sound_key(name, vietnamese=True)
    scored = []
    for key, canonical in _sound_keys().get(surname[:1], []):
        latin_surname = sound_key(words(canonical)[-1], vietnamese=False)
        if fuzz.ratio(surname, latin_surname) < 75:
            continue
        score = fuzz.ratio(full, key) if len(parts) > 1 and not _initials(parts) else 100.0
        if score >= 70:
            scored.append((score, canonical))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 5:
        return None  # two people sound alike: do not guess
    return scored[0][1]


def _initials(parts: list[str]) -> bool:
    return all(len(p) <= 2 for p in parts[:-1])


NAME_SUFFIXES = ("Jr", "Sr", "Jnr", "Snr")  # "Donald Trump Jr."
_SUFFIX = re.compile(rf"\s+({'|'.join(NAME_SUFFIXES)})\.?$")


def _same_suffixed(known: str, name: str) -> bool:
    """ "Trump Jr." is the "Donald Trump Jr." named before: surname and suffix agree."""
    a, b = _SUFFIX.search(known), _SUFFIX.search(name)
    if a is None or b is None or a.group(1) != b.group(1):
        return False
    ka, kb = words(known[: a.start()]), words(name[: b.start()])
    return bool(ka) and bool(kb) and fold_key(ka[-1]) == fold_key(kb[-1])


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
        for known in list(self._canonical.values()):
            if _same_suffixed(known, name):
                return known  # "Trump Jr." after "Donald Trump Jr."
        alias = lexicon_name(name)
        if alias:
            return alias
        for known in list(self._canonical.values()):
            if same_person(known, name):
                return known
        return plain_latin(name)

    def _single(self, name: str) -> str:
        key = fold_key(name)
        # against the names as written too: "ông Tập" is "Tập Cận Bình" (Xi Jinping)
        for surface, known in reversed(list(self._canonical.items())):
            parts = [fold_key(w) for w in words(known)] + surface.split()
            if key in parts:
                return known
        return lexicon_name(name) or plain_latin(name)

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
        facts.gender = facts.gender or gender or likely_gender(name)
        facts.country = facts.country or vocab().people_country.get(canonical) or country
        return facts
