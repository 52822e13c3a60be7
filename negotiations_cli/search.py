"""Search queries: parsing, spelling variants, and finding the matches in a passage.

A query is words and ``"quoted phrases"``, all required; ``OR`` between two items makes
either do; ``-word`` leaves out passages with it. Matching folds case, accents, tone
placement and ``đ`` (``dam phan`` finds ``đàm phán``) unless ``exact``, which compares
accents as typed (tone placement still free: ``hoà`` = ``hòa``). Known spellings of one
place or person are searched together (``Moskva`` also finds ``Mátxcơva`` and ``Moscow``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .errors import UsageError
from .lexicon import load_json
from .text import fold, fold_key, looks_vietnamese, tone_key

__all__ = ["Query", "Term", "find_matches", "parse_query", "trim"]

_ITEM = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of the query and the spellings it stands for (folded words)."""

    raw: str
    alternatives: tuple[tuple[str, ...], ...]

    def fts(self) -> str:
        phrases = ['"' + " ".join(words) + '"' for words in self.alternatives]
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


@dataclass(frozen=True, slots=True)
class Query:
    groups: tuple[tuple[Term, ...], ...]  # all groups required; any term of a group will do
    excluded: tuple[Term, ...]
    exact: bool

    def fts(self) -> str:
        """The FTS5 MATCH expression (over folded text)."""
        required = " AND ".join(
            terms[0].fts() if len(terms) == 1 else "(" + " OR ".join(t.fts() for t in terms) + ")"
            for terms in self.groups
        )
        for term in self.excluded:
            required += f" NOT {term.fts()}"
        return required

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(t for group in self.groups for t in group)

    def words(self) -> list[str]:
        """Every folded word the query asks for (for "did you mean")."""
        return [w for t in self.terms for w in t.alternatives[0]]

    def replace_words(self, corrections: dict[str, str]) -> Query:
        def fix(term: Term) -> Term:
            words = tuple(corrections.get(w, w) for w in term.alternatives[0])
            return _term(" ".join(words), self.exact)

        return Query(
            tuple(tuple(fix(t) for t in g) for g in self.groups),
            tuple(fix(t) for t in self.excluded),
            self.exact,
        )


_NON_WORD = re.compile(r"[^\w\n]+")


@cache
def _variants() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Folded spelling → every distinctive folded spelling of the same place or person."""
    groups: list[list[str]] = [
        [name, *entry["spellings"]] for name, entry in load_json("places.json")["places"].items()
    ]
    groups += [
        [name, *entry["aliases"]] for name, entry in load_json("people.json")["people"].items()
    ]
    # fold every spelling in one pass (folding is length-preserving, so lines stay lines)
    folded = _NON_WORD.sub(" ", fold("\n".join(s for g in groups for s in g))).split("\n")
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    at = 0
    for spellings in groups:
        own, at = folded[at : at + len(spellings)], at + len(spellings)
        keys = {tuple(k.split()): s for s, k in zip(spellings, own, strict=True) if k.strip()}
        distinctive = tuple(sorted(k for k, s in keys.items() if _distinctive(k, s)))
        for key in keys:
            table[key] = distinctive
    return table


def _distinctive(key: tuple[str, ...], spelling: str) -> bool:
    """Worth searching as another spelling: not a short word that folding would confuse
    with everyday Vietnamese ("Mỹ" ~ "my", "Viên" ~ "viên", "Trăm" ~ "trăm")."""
    if len(key) > 1:
        return True
    return len(key[0]) >= 6 or (len(key[0]) >= 4 and not looks_vietnamese(spelling))


def _term(raw: str, exact: bool) -> Term:
    words = tuple(fold_key(raw).split())
    if not words:
        raise UsageError(f"nothing to search for in {raw!r}")
    if exact:
        return Term(raw, (words,))
    alternatives = _variants().get(words, ())
    return Term(raw, (words, *[a for a in alternatives if a != words]))


def parse_query(text: str, *, exact: bool = False) -> Query:
    """``"Điện Kremlin" Peskov OR Lavrov -Trump`` → a Query. Raises ``UsageError``."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for item in _ITEM.findall(text):
        if item == "OR":
            if not groups:
                raise UsageError("OR needs a word on each side")
            join_next = True
            continue
        negative = item.startswith("-") and len(item) > 1
        raw = item[1:] if negative else item
        raw = raw.strip('"')
        if not fold_key(raw):
            continue
        term = _term(raw, exact)
        if negative:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if join_next:
        raise UsageError("OR needs a word on each side")
    if not groups:
        raise UsageError("a search needs at least one word to find (not only -words)")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded), exact)


def find_matches(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's words and phrases stand in ``text`` (NFC), as (start, end) pairs;
    empty when an ``exact`` query's accents do not match as typed."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    keyed = [fold(w) for _s, _e, w in words]
    spans: list[tuple[int, int]] = []
    for group in query.groups:
        found: list[tuple[int, int]] = []
        for term in group:
            for alternative in term.alternatives:
                found += _occurrences(words, keyed, alternative, term.raw if query.exact else None)
        if query.exact and not found:
            return []
        spans += found
    return _merge(spans)


def _occurrences(
    words: list[tuple[int, int, str]],
    keyed: list[str],
    wanted: tuple[str, ...],
    exact_raw: str | None,
) -> list[tuple[int, int]]:
    n = len(wanted)
    exact = [tone_key(w) for w in _WORD.findall(exact_raw)] if exact_raw else None
    spans = []
    for i in range(len(words) - n + 1):
        if tuple(keyed[i : i + n]) != wanted:
            continue
        if exact and [tone_key(w) for _s, _e, w in words[i : i + n]] != exact:
            continue
        spans.append((words[i][0], words[i + n - 1][1]))
    return spans


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def trim(
    text: str, spans: list[tuple[int, int]], context: int
) -> tuple[str, list[tuple[int, int]]]:
    """The passage cut to ``context`` characters around the first match (at word
    boundaries, "…" where cut), and the match offsets in the cut text."""
    if not spans or len(text) <= 2 * context + (spans[0][1] - spans[0][0]):
        return text, spans
    first_start, first_end = spans[0]
    start = max(0, first_start - context)
    end = min(len(text), first_end + context)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first_start else start
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space > first_end else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return prefix + text[start:end] + suffix, kept
