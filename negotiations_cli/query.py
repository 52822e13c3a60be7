"""Questions asked of a loaded corpus. Returns models, never formatted text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .catalog import Catalog
from .corpus import Corpus
from .dates import Period
from .errors import NotFound, UsageError
from .extract.people import words
from .extract.vocab import vocab
from .models import Article, Person, Statement, Venue
from .text import fold, fold_key

__all__ = [
    "StatementFilter",
    "articles",
    "closest",
    "export",
    "find_article",
    "match_speaker",
    "match_venue",
    "statements",
]


def _range(since: Period | None, until: Period | None) -> tuple[object, object]:
    return (since.start if since else None), (until.end if until else None)


def articles(
    corpus: Corpus, since: Period | None = None, until: Period | None = None
) -> list[Article]:
    """Articles in id order; with a date range, undated articles are left out."""
    if since is None and until is None:
        return list(corpus.articles)
    start, end = _range(since, until)
    return [a for a in corpus.articles if a.date and Period.of(a.date).overlaps(start, end)]  # type: ignore[arg-type]


def closest(word: str, choices: Sequence[str], limit: int = 3, cutoff: float = 50) -> list[str]:
    """The choices nearest to ``word`` (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _score, _index in found]


def find_article(corpus: Corpus, article_id: str) -> Article:
    """The article with this id, or the only one whose id starts with it.

    Raises ``NotFound`` naming the closest ids.
    """
    if (article := corpus.get(article_id)) is not None:
        return article
    prefixed = [a for a in corpus.articles if a.id.startswith(article_id)]
    if len(prefixed) == 1:
        return prefixed[0]
    candidates = [a.id for a in prefixed] or closest(article_id, corpus.ids)
    hint = f"; did you mean {', '.join(candidates[:5])}?" if candidates else ""
    raise NotFound(f"no article with id {article_id!r}{hint}")


# --- speakers ------------------------------------------------------------------------------


def _speaker_keys(catalog: Catalog) -> dict[str, set[str]]:
    """Folded name, alias, surname and known spellings → the speakers they name."""
    v = vocab()
    lexicon_aliases: dict[str, list[str]] = {}
    for alias_key, canonical in v.people.items():
        lexicon_aliases.setdefault(canonical, []).append(alias_key)
    keys: dict[str, set[str]] = {}

    def add(key: str, name: str) -> None:
        if key:
            keys.setdefault(key, set()).add(name)

    for person in catalog.people:
        for alias in (person.name, *person.aliases):
            add(fold_key(alias), person.name)
            add(fold_key(words(alias)[-1]) if words(alias) else "", person.name)
        for key in lexicon_aliases.get(person.name, []):
            add(key, person.name)
    for s in catalog.statements:
        if s.speaker_type != "person":
            add(fold_key(s.speaker), s.speaker)
    return keys


def match_speaker(catalog: Catalog, query: str) -> str:
    """The one speaker ``query`` names: any alias or spelling, case- and accent-insensitive,
    with typos. Raises ``UsageError`` when ambiguous, ``NotFound`` when nobody matches."""
    keys = _speaker_keys(catalog)
    key = fold_key(query)
    if not key:
        raise UsageError("--speaker needs a name")
    exact = keys.get(key) or keys.get(key.replace(" ", ""))
    if exact is None:
        from rapidfuzz import fuzz, process

        scored = process.extract(key, list(keys), scorer=fuzz.WRatio, limit=8, score_cutoff=80)
        best = max((score for _k, score, _i in scored), default=0)
        exact = {n for k, score, _i in scored if score >= best - 3 for n in keys[k]}
        if not exact:
            suggestions = closest(query, sorted({n for names in keys.values() for n in names}))
            hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
            raise NotFound(f"no speaker matches {query!r}{hint}")
    if len(exact) > 1:
        raise UsageError(f"{query!r} is ambiguous: {', '.join(sorted(exact))}")
    return next(iter(exact))


def match_venue(catalog: Catalog, query: str) -> str:
    """The canonical venue that ``query`` names, by any spelling."""
    key = fold_key(query)
    names: dict[str, str] = {}
    for venue in catalog.venues:
        for spelling in (venue.name, *venue.spellings):
            names[fold_key(spelling)] = venue.name
    for place in _lexicon_places():
        names.setdefault(place[0], place[1])
    if key in names:
        return names[key]
    suggestions = closest(query, sorted({v.name for v in catalog.venues}))
    hint = f"; known venues include {', '.join(suggestions)}" if suggestions else ""
    raise NotFound(f"no venue matches {query!r}{hint}")


def _lexicon_places() -> Iterable[tuple[str, str]]:
    for keys, place in vocab().places.entries.items():
        yield " ".join(fold(k) for k in keys), place.name


# --- statements ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementFilter:
    speaker: str | None = None
    since: Period | None = None
    until: Period | None = None
    venue: str | None = None
    kind: str | None = None
    article: str | None = None
    contains: str | None = None

    @property
    def empty(self) -> bool:
        return all(getattr(self, f) is None for f in self.__slots__)


def statements(catalog: Catalog, where: StatementFilter) -> list[Statement]:
    """Statements that pass every filter, oldest first (undated last)."""
    speaker = match_speaker(catalog, where.speaker) if where.speaker else None
    venue = match_venue(catalog, where.venue) if where.venue else None
    article = find_article(catalog.corpus, where.article).id if where.article else None
    start, end = _range(where.since, where.until)
    dated = where.since is not None or where.until is not None
    needle = fold(where.contains) if where.contains else None
    out = []
    for s in catalog.statements:
        if speaker and s.speaker != speaker:
            continue
        if dated and (s.date is None or not s.date.overlaps(start, end)):  # type: ignore[arg-type]
            continue
        if venue and venue not in s.venues:
            continue
        if where.kind and s.kind != where.kind:
            continue
        if article and s.article != article:
            continue
        if needle and needle not in fold(s.text):
            continue
        out.append(s)
    return out


def people(catalog: Catalog, speaker: str | None = None) -> list[Person]:
    if speaker is None:
        return list(catalog.people)
    name = match_speaker(catalog, speaker)
    return [p for p in catalog.people if p.name == name]


def venues(catalog: Catalog) -> list[Venue]:
    return list(catalog.venues)


def export(catalog: Catalog, where: StatementFilter) -> dict[str, list[dict[str, object]]]:
    """Everything, or what the filters select and what it refers to."""
    chosen = statements(catalog, where)
    if where.empty:
        article_ids = {a.id for a in catalog.articles}
        names = {p.name for p in catalog.people}
        venue_names = {v.name for v in catalog.venues}
    else:
        article_ids = {s.article for s in chosen}
        names = {s.speaker for s in chosen if s.speaker_type == "person"}
        venue_names = {v for s in chosen for v in s.venues}
    return {
        "articles": [
            a.to_dict()
            | {
                "people": list(catalog.article_people[a.id]),
                "venues": list(catalog.article_venues[a.id]),
            }
            for a in catalog.articles
            if a.id in article_ids
        ],
        "people": [p.to_dict() for p in catalog.people if p.name in names],
        "venues": [v.to_dict() for v in catalog.venues if v.name in venue_names],
        "statements": [s.to_dict() for s in chosen],
    }
