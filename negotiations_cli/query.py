"""Questions asked of an index. Returns models and plain records, never formatted text."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import NotFound, UsageError
from .index import Index
from .search import Query, find_matches, parse_query, trim
from .text import fold, fold_key

if TYPE_CHECKING:
    from .dates import Period
    from .models import Article, Person, Statement, Venue

__all__ = [
    "Hit",
    "SearchOptions",
    "StatementFilter",
    "articles",
    "closest",
    "export",
    "find_article",
    "match_speaker",
    "match_venue",
    "people",
    "search",
    "statements",
    "suggest",
    "venues",
]


def closest(word: str, choices: Sequence[str], limit: int = 3, cutoff: float = 50) -> list[str]:
    """The choices nearest to ``word`` (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _score, _index in found]


def _range(since: Period | None, until: Period | None) -> tuple[str | None, str | None]:
    return (since.start.isoformat() if since else None), (until.end.isoformat() if until else None)


# --- articles --------------------------------------------------------------------------------


def articles(
    index: Index, since: Period | None = None, until: Period | None = None
) -> list[Article]:
    """Articles in id order; with a date range, undated articles are left out."""
    start, end = _range(since, until)
    if start is None and end is None:
        return index.articles()
    return index.articles(
        "WHERE date IS NOT NULL AND date >= ? AND date <= ?", (start or "0000", end or "9999")
    )


def find_article(index: Index, article_id: str) -> Article:
    """The article with this id, or the only one whose id starts with it.

    Raises ``NotFound`` naming the closest ids.
    """
    if (article := index.article(article_id)) is not None:
        return article
    ids = index.article_ids()
    prefixed = [i for i in ids if i.startswith(article_id)]
    if len(prefixed) == 1:
        found = index.article(prefixed[0])
        assert found is not None
        return found
    candidates = prefixed or closest(article_id, ids)
    hint = f"; did you mean {', '.join(candidates[:5])}?" if candidates else ""
    raise NotFound(f"no article with id {article_id!r}{hint}")


# --- speakers and venues ---------------------------------------------------------------------


def match_speaker(index: Index, query: str) -> str:
    """The one speaker ``query`` names: any alias or spelling, case- and accent-insensitive,
    with typos. Raises ``UsageError`` when ambiguous, ``NotFound`` when nobody matches."""
    from .extract.people import lexicon_name

    key = fold_key(query)
    if not key:
        raise UsageError("--speaker needs a name")
    found = index.speakers_for([key, key.replace(" ", "")])
    if not found:
        # a spelling the corpus never used: "Pê-xcốp" → Dmitry Peskov, through the lexicon
        # (loaded only now: most names are found in the index directly)
        known = lexicon_name(query)
        found = index.speakers_for([fold_key(known)]) if known else set()
    if not found:
        from rapidfuzz import fuzz, process

        every = index.speaker_key_list()
        scored = process.extract(key, every, scorer=fuzz.WRatio, limit=8, score_cutoff=80)
        best = max((score for _k, score, _i in scored), default=0)
        found = index.speakers_for([k for k, score, _i in scored if score >= best - 3])
        if not found:
            suggestions = sorted(index.speakers_for(closest(query, every)))
            hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
            raise NotFound(f"no speaker matches {query!r}{hint}")
    if len(found) > 1:
        from .extract.vocab import person_aliases

        # "Peskov" is the lexicon's alias of Dmitry Peskov: him, and the namesakes said
        known = person_aliases().get(key)
        if known not in found:
            raise UsageError(f"{query!r} is ambiguous: {', '.join(sorted(found))}")
        others = ", ".join(sorted(found - {known}))
        sys.stderr.write(f"neg: {query!r} taken as {known}; also named so: {others}\n")
        return known
    return next(iter(found))


def match_venue(index: Index, query: str) -> str:
    """The canonical venue that ``query`` names, by any spelling."""
    from .extract.vocab import vocab

    key = fold_key(query)
    names: dict[str, str] = {}
    for keys, place in vocab().places.entries.items():
        names.setdefault(fold_key(" ".join(keys)), place.name)
        names.setdefault(fold_key(place.name), place.name)
    seen = index.venue_spellings()
    for name, spelling in seen:
        names[fold_key(spelling)] = name
        names[fold_key(name)] = name
    if key in names:
        return names[key]
    suggestions = closest(query, sorted({name for name, _spelling in seen}))
    hint = f"; known venues include {', '.join(suggestions)}" if suggestions else ""
    raise NotFound(f"no venue matches {query!r}{hint}")


# --- statements ------------------------------------------------------------------------------


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


def statements(index: Index, where: StatementFilter) -> list[Statement]:
    """Statements that pass every filter, oldest first (undated last). A date range keeps
    a statement whose date, at its own precision, overlaps the range."""
    clauses: list[str] = []
    args: list[Any] = []
    if where.speaker:
        names = index.names_of(match_speaker(index, where.speaker))
        clauses.append(f"speaker IN ({', '.join('?' * len(names))})")
        args += names
    start, end = _range(where.since, where.until)
    if start:
        clauses.append("date_end >= ?")
        args.append(start)
    if end:
        clauses.append("date_start <= ?")
        args.append(end)
    if where.kind:
        clauses.append("kind = ?")
        args.append(where.kind)
    if where.article:
        clauses.append("article = ?")
        args.append(find_article(index, where.article).id)
    if where.venue:
        clauses.append("venues LIKE ?")
        args.append('%"' + match_venue(index, where.venue).replace('"', "") + '"%')
    found = index.statements("WHERE " + " AND ".join(clauses) if clauses else "", args)
    if where.contains:
        needle = fold(where.contains)
        found = [s for s in found if needle in fold(s.text)]
    return found


def people(index: Index, speaker: str | None = None) -> list[Person]:
    everyone = index.people()
    if speaker is None:
        return everyone
    name = match_speaker(index, speaker)
    return [p for p in everyone if p.name == name]


def venues(index: Index) -> list[Venue]:
    return index.venues()


def export(index: Index, where: StatementFilter) -> dict[str, list[dict[str, Any]]]:
    """Everything, or what the filters select and what it refers to."""
    chosen = statements(index, where)
    everyone = index.people()
    places = index.venues()
    if where.empty:
        article_ids = set(index.article_ids())
        names = {p.name for p in everyone}
        venue_names = {v.name for v in places}
    else:
        article_ids = {s.article for s in chosen}
        names = {s.speaker for s in chosen if s.speaker_type == "person"}
        venue_names = {v for s in chosen for v in s.venues}
    people_of, venues_of = index.article_people(), index.article_venues()
    return {
        "articles": [
            a.to_dict()
            | {"people": list(people_of.get(a.id, ())), "venues": list(venues_of.get(a.id, ()))}
            for a in index.articles()
            if a.id in article_ids
        ],
        "people": [p.to_dict() for p in everyone if p.name in names],
        "venues": [v.to_dict() for v in places if v.name in venue_names],
        "statements": [s.to_dict() for s in chosen],
    }


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchOptions:
    since: Period | None = None
    until: Period | None = None
    speaker: str | None = None
    venue: str | None = None
    article: str | None = None
    limit: int = 20
    context: int = 80
    full: bool = False
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    article: str
    paragraph: int
    part: str
    score: float
    date: str | None
    title: str
    text: str
    highlights: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "paragraph": self.paragraph,
            "part": self.part,
            "score": self.score,
            "date": self.date,
            "title": self.title,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
        }


def search(index: Index, text: str | Query, options: SearchOptions) -> list[Hit]:
    """Passages (paragraphs, captions, titles) that match, best first (BM25)."""
    query = parse_query(text, exact=options.exact) if isinstance(text, str) else text
    # Each filter is a set of passage rows; the full-text index ranks its matches among
    # them and only the passages shown are joined to their articles. ("+rowid": the filter
    # is checked on each match; handed to FTS5 it would run the MATCH once per passage.)
    filters: list[str] = []
    args: list[Any] = [query.fts()]
    start, end = _range(options.since, options.until)
    if start or end:
        filters.append(
            "SELECT p.id FROM passages p JOIN articles a ON a.id = p.article "
            "WHERE a.date IS NOT NULL AND a.date >= ? AND a.date <= ?"
        )
        args += [start or "0000", end or "9999"]
    if options.article:
        filters.append("SELECT id FROM passages WHERE article = ?")
        args.append(find_article(index, options.article).id)
    if options.speaker:
        names = index.names_of(match_speaker(index, options.speaker))
        filters.append(
            f"SELECT passage FROM statements WHERE speaker IN ({', '.join('?' * len(names))})"
        )
        args += names
    if options.venue:
        filters.append("SELECT passage FROM events WHERE venue = ?")
        args.append(match_venue(index, options.venue))
    # exact matching is checked on the original text, after FTS found the candidates
    limit = -1 if options.exact else options.limit
    sql = (
        "SELECT p.article, p.paragraph, p.part, r.score, a.date, a.title, p.text FROM "
        "(SELECT rowid, bm25(fts) AS score FROM fts WHERE fts MATCH ? "
        + "".join(f"AND +rowid IN ({f}) " for f in filters)
        + "ORDER BY score LIMIT ?) r "
        "JOIN passages p ON p.id = r.rowid JOIN articles a ON a.id = p.article "
        "ORDER BY r.score"
    )
    rows = index.db.execute(sql, [*args, limit])
    hits: list[Hit] = []
    for article, paragraph, part, rank, date, title, passage in rows:
        spans = find_matches(passage, query)
        if options.exact and not spans:
            continue
        shown, spans = (passage, spans) if options.full else trim(passage, spans, options.context)
        hits.append(
            Hit(article, paragraph, part, round(-rank, 3), date, title, shown, tuple(spans))
        )
        if len(hits) >= options.limit:
            break
    index.served.update(hit.article for hit in hits)
    return hits


_LONG_WORD = 6  # letters from which a 70 % likeness is a likely typo


def suggest(index: Index, query: Query) -> dict[str, str]:
    """For each query word the corpus never uses, the closest word it does use."""
    from rapidfuzz import fuzz, process

    db = index.db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, row)")
    unknown = [
        w
        for w in query.words()
        if not db.execute("SELECT 1 FROM temp.vocab WHERE term = ?", (w,)).fetchone()
    ]
    if not unknown:
        return {}
    terms = [t for (t,) in db.execute("SELECT term FROM temp.vocab")]
    corrections = {}
    for word in unknown:
        # a short word is one letter from many others ("tau" → "au"): it must be closer
        cutoff = 70 if len(word) >= _LONG_WORD else 85
        best = process.extractOne(word, terms, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best:
            corrections[word] = best[0]
    return corrections
