"""The lexicon files compiled into phrase tables the extractor looks words up in.

Phrases are compared word by word on ``tone_key`` (lower case, tone placement ignored,
marks kept), so ``hòa``/``hoà`` and NFC/NFD agree while ``ba``/``bà`` stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

from ..lexicon import load_json, load_lines
from ..text import fold, fold_key, tone_key

__all__ = ["PhraseTable", "Place", "Token", "Vocab", "person_aliases", "tokenize", "vocab"]

V = TypeVar("V")

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark of a text (a tuple: cheap to make by the million)."""

    text: str
    start: int
    end: int
    key: str  # tone_key(text)
    is_word: bool
    capitalised: bool


_WORDS: dict[str, tuple[str, bool, bool]] = {}  # word → (key, is_word, capitalised)


def tokenize(text: str) -> list[Token]:
    new = tuple.__new__  # Token(...) goes through a Python-level __new__: this does not
    words = _WORDS
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        word = m.group()
        known = words.get(word)
        if known is None:
            first = word[0]
            known = (tone_key(word), first.isalnum() or first == "_", first.isupper())
            if len(words) < 500_000:  # a vocabulary, not every string a file could hold
                words[word] = known
        start, end = m.span()
        append(new(Token, (word, start, end, *known)))
    return tokens


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(phrase))


@dataclass
class PhraseTable(Generic[V]):
    """Longest-match lookup of word sequences."""

    entries: dict[tuple[str, ...], V] = field(default_factory=dict)
    capitalised: set[tuple[str, ...]] = field(default_factory=set)
    lowercase_ok: set[tuple[str, ...]] = field(default_factory=set)
    # first word → the lengths of the phrases it starts, longest first (the hot path)
    starts: dict[str, list[int]] = field(default_factory=dict)
    hyphen_free: bool = False  # also match a one-word entry written with or without hyphens
    # phrases that hide the entries inside them: "tiếp" (receives) is no meeting inside
    # "tiếp tục" or "trực tiếp"; first word → (phrase keys, ...)
    blocked: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def add(self, phrase: str, value: V) -> None:
        keys = _phrase_keys(phrase)
        if not keys:
            return
        if self.hyphen_free and "-" in phrase:
            # "Da-pô-rô-giê" and "Dapôrôgiê": one spelling with or without hyphens
            self.add(phrase.replace("-", ""), value)
        self.entries.setdefault(keys, value)
        (self.capitalised if phrase[:1].isupper() else self.lowercase_ok).add(keys)
        lengths = self.starts.setdefault(keys[0], [])
        if len(keys) not in lengths:
            lengths.append(len(keys))
            lengths.sort(reverse=True)

    def block(self, phrase: str) -> None:
        keys = _phrase_keys(phrase)
        if keys:
            self.blocked.setdefault(keys[0], []).append(keys)

    def add_line(self, line: str, value: V) -> None:
        """A lexicon line: "!phrase" hides the entries inside that phrase, else an entry."""
        if line.startswith("!"):
            self.block(line[1:])
        else:
            self.add(line, value)

    def _inside_blocked(self, tokens: list[Token], i: int, length: int) -> bool:
        """A blocked phrase overlaps ``tokens[i : i + length]``."""
        for start in range(max(0, i - 2), i + length):
            for keys in self.blocked.get(tokens[start].key, ()):
                end = start + len(keys)
                if end > i and tuple(t.key for t in tokens[start:end]) == keys:
                    return True
        return False

    def ending_at(self, tokens: list[Token], end: int, floor: int = 0, longest: int = 3) -> int:
        """How many tokens the longest phrase that ends just before ``tokens[end]`` (and
        starts no earlier than ``floor``) takes; 0 when none does."""
        for length in range(min(longest, end - floor), 0, -1):
            keys = tuple(t.key for t in tokens[end - length : end])
            if keys in self.entries and not (
                self.blocked and self._inside_blocked(tokens, end - length, length)
            ):
                return length  # (exactly these words: "cũng" before "chỉ trích", though
                # "cũng chỉ" is a longer entry)
        return 0

    def match(self, tokens: list[Token], i: int, *, proper: bool = False) -> tuple[int, V] | None:
        """(number of tokens, value) of the longest phrase starting at ``tokens[i]``.

        With ``proper``, a phrase listed with a capital must be capitalised in the text
        too ("Anh" the country, not "anh" the pronoun)."""
        lengths = self.starts.get(tokens[i].key) if i < len(tokens) else None
        if not lengths:
            if self.hyphen_free and i < len(tokens) and "-" in tokens[i].text:
                joined = tone_key(tokens[i].text.replace("-", ""))
                if (value := self.entries.get((joined,))) is not None:
                    return 1, value
            return None
        for length in lengths:
            if i + length > len(tokens):
                continue
            keys = tuple(t.key for t in tokens[i : i + length])
            value = self.entries.get(keys)
            if value is None:
                continue
            if (
                proper
                and keys in self.capitalised
                and keys not in self.lowercase_ok
                and not tokens[i].capitalised
            ):
                continue
            if self.blocked and self._inside_blocked(tokens, i, length):
                return None
            return length, value
        return None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # city | region | country
    country: str | None
    capital: bool
    within: str | None


@dataclass
class Vocab:
    titles: PhraseTable[str]
    qualifiers: PhraseTable[str]
    honorifics: PhraseTable[str]
    honorific_exceptions: PhraseTable[bool]
    pronouns: PhraseTable[str]
    unnamed: PhraseTable[str]
    institutions: PhraseTable[str]
    institution_country: dict[str, Place]  # "Nhà Trắng" → United States
    institution_seat: dict[str, Place]  # "Nhà Trắng" → Washington
    org_heads: PhraseTable[str]
    media: PhraseTable[str]
    places: PhraseTable[Place]
    cues: PhraseTable[tuple[str, str]]
    time_words: PhraseTable[str]
    meeting_words: PhraseTable[str]
    meeting_frames: PhraseTable[str]  # value: "alone" when no meeting word need follow
    speech_events: PhraseTable[str]  # "họp báo": a meeting whose date is when words were said
    epithets: PhraseTable[str]  # "kỳ cựu" after "nhà ngoại giao": still the diplomat
    vietnamese_surnames: PhraseTable[str]
    background_markers: PhraseTable[str]
    conflict_words: frozenset[tuple[str, ...]]  # keys of "xung đột", "hòa bình" …
    capitals: dict[str, Place]  # country → its capital city ("thủ đô Hungary": Budapest)
    place_nouns: PhraseTable[str]
    name_blockers: PhraseTable[str]
    host_words: PhraseTable[str]
    not_speakers: PhraseTable[str]
    topic_markers: PhraseTable[str]
    people: dict[str, str]  # fold_key(alias) → canonical name
    people_country: dict[str, str | None]
    english_words: frozenset[str]
    plain_words: frozenset[str]
    role_classes: dict[str, tuple[str, ...]]
    role_wholes: tuple[str, ...]  # titles whose inner words are no titles of their own
    generic_roles: tuple[str, ...]
    posted_titles: tuple[str, ...]  # "Đại sứ Mỹ tại Kiev": "tại <place>" is part of the role

    @property
    def starters(self) -> frozenset[str]:
        """First words of every phrase the mention scan looks up."""
        cached = self.__dict__.get("_starters")
        if cached is None:
            tables = (
                self.unnamed,
                self.pronouns,
                self.honorifics,
                self.titles,
                self.institutions,
                self.org_heads,
                self.media,
                self.places,
            )
            cached = frozenset(k for t in tables for k in t.starts)
            self.__dict__["_starters"] = cached
        return cached

    def is_person_alias(self, name: str) -> str | None:
        return self.people.get(fold_key(name))


def _table(lines: Any, value: Any = None) -> PhraseTable[Any]:
    """A table of ``lines``; a line "!phrase" hides the entries inside that phrase."""
    table: PhraseTable[Any] = PhraseTable()
    for line in lines:
        table.add_line(line, line if value is None else value)
    return table


def _table_of(rows: list[tuple[str, str]]) -> PhraseTable[str]:
    table: PhraseTable[str] = PhraseTable()
    for phrase, flag in rows:
        table.add_line(phrase, flag)
    return table


def _tabbed(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in load_lines(name):
        phrase, _, extra = line.partition("\t")
        rows.append((phrase.strip(), extra.strip()))
    return rows


@cache
def person_aliases() -> dict[str, str]:
    """fold_key(alias) → canonical name, for every well-known person (cheap: a query that
    only needs to know who "Peskov" is does not compile the whole lexicon)."""
    people: dict[str, str] = {}
    for canonical, entry in load_json("people.json")["people"].items():
        for alias in [canonical, *entry["aliases"]]:
            people.setdefault(fold_key(alias), canonical)
    return people


@cache
def vocab() -> Vocab:
    """The compiled lexicon (built once per process)."""
    orgs = load_json("organizations.json")
    places: PhraseTable[Place] = PhraseTable(hyphen_free=True)
    capitals: dict[str, Place] = {}
    for name, entry in load_json("places.json")["places"].items():
        place = Place(
            name,
            entry["kind"],
            entry.get("country"),
            bool(entry.get("capital")),
            entry.get("within"),
        )
        for spelling in [name, *entry["spellings"]]:
            places.add(spelling, place)
        if place.capital and place.country:
            capitals[place.country] = place
    people = person_aliases()
    countries: dict[str, str | None] = {
        canonical: entry.get("country")
        for canonical, entry in load_json("people.json")["people"].items()
    }
    honorifics: PhraseTable[str] = PhraseTable()
    exceptions: PhraseTable[bool] = PhraseTable()
    for phrase, gender in _tabbed("honorifics.txt"):
        if phrase.startswith("!"):
            exceptions.add(phrase[1:], True)
        else:
            honorifics.add(phrase, gender)
    cues: PhraseTable[tuple[str, str]] = PhraseTable()
    for phrase, flag in _tabbed("cues.txt"):
        cues.add_line(phrase, (phrase, flag))  # "!nói chuyện": no "nói" inside
    classes = load_json("role_classes.json")
    by_name = {place.name: place for place in places.entries.values()}
    return Vocab(
        titles=_table(load_lines("titles.txt")),
        qualifiers=_table(load_lines("role_qualifiers.txt")),
        honorifics=honorifics,
        honorific_exceptions=exceptions,
        pronouns=_table(load_lines("pronouns.txt")),
        unnamed=_table(orgs["unnamed"]),
        institutions=_table(orgs["institution"]),
        institution_country={k: by_name[c] for k, c in orgs["countries"].items()},
        institution_seat={k: by_name[c] for k, c in orgs["seats"].items()},
        org_heads=_table(orgs["heads"]),
        media=_table(orgs["media"]),
        places=places,
        capitals=capitals,
        cues=cues,
        time_words=_table(load_lines("time_words.txt")),
        meeting_words=_table(load_lines("meeting_words.txt")),
        meeting_frames=_table_of(_tabbed("meeting_frames.txt")),
        speech_events=_table(load_lines("speech_events.txt")),
        epithets=_table(load_lines("epithets.txt")),
        vietnamese_surnames=_table(load_lines("vietnamese_surnames.txt")),
        background_markers=_table(load_lines("background_markers.txt")),
        conflict_words=frozenset(_phrase_keys(w) for w in load_lines("conflict_words.txt")),
        place_nouns=_table(load_lines("place_nouns.txt")),
        name_blockers=_table(load_lines("name_blockers.txt")),
        host_words=_table_of(_tabbed("host_words.txt")),
        not_speakers=_table(load_lines("speaker_frames.txt")),
        topic_markers=_table(load_lines("topic_markers.txt")),
        people=people,
        people_country=countries,
        english_words=frozenset(w.lower() for w in orgs["english_words"]),
        plain_words=frozenset(fold(w) for w in load_lines("plain_words.txt")),
        role_classes={k: tuple(fold(w) for w in v) for k, v in classes["classes"].items()},
        role_wholes=tuple(fold(w) for w in classes["wholes"]),
        generic_roles=tuple(fold(w) for w in classes["generic"]),
        posted_titles=tuple(fold(w) for w in classes["posted"]),
    )
