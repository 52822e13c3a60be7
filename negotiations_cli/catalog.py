"""The corpus, read: every article's people, venues and statements, merged across articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .corpus import Corpus
from .extract import ArticleFacts, extract_article
from .extract.people import same_person, words
from .models import Article, Person, RoleSeen, Statement, Venue, VenueEvent
from .text import fold_key

__all__ = ["Catalog", "build_catalog"]


@dataclass
class Catalog:
    corpus: Corpus
    facts: dict[str, ArticleFacts]
    people: list[Person]
    venues: list[Venue]
    statements: list[Statement]
    article_people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    article_venues: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.corpus.articles


def _merge_names(facts: list[ArticleFacts]) -> dict[str, str]:
    """Corpus-wide renames: a lone surname ("Galuzin") or a variant spelling of a full name
    joins the one full name in the corpus it belongs to."""
    names = sorted({n for f in facts for n in f.people}, key=lambda n: (-len(words(n)), n))
    full = [n for n in names if len(words(n)) >= 2]
    rename: dict[str, str] = {}
    for name in names:
        if len(words(name)) >= 2:
            twin = next(
                (
                    f
                    for f in full
                    if f != name
                    and f not in rename
                    and same_person(f, name)
                    and full.index(f) < full.index(name)
                ),
                None,
            )
            if twin:
                rename[name] = twin
            continue
        key = fold_key(name)
        matches = [f for f in full if fold_key(words(f)[-1]) == key]
        if len(matches) == 1:
            rename[name] = matches[0]
    return rename


def build_catalog(corpus: Corpus, progress: Callable[[int, int], None] | None = None) -> Catalog:
    facts: list[ArticleFacts] = []
    for done, article in enumerate(corpus.articles, 1):
        facts.append(extract_article(article))
        if progress:
            progress(done, len(corpus.articles))
    rename = _merge_names(facts)

    def canon(name: str) -> str:
        return rename.get(name, name)

    statements = [
        replace(s, speaker=canon(s.speaker)) if s.speaker_type == "person" else s
        for f in facts
        for s in f.statements
    ]
    statements.sort(key=_chronological)

    said: dict[str, int] = defaultdict(int)
    for s in statements:
        if s.speaker_type == "person":
            said[s.speaker] += 1
    people: dict[str, dict[str, Any]] = {}
    for f in facts:
        for name, p in f.people.items():
            entry = people.setdefault(
                canon(name),
                {
                    "aliases": [],
                    "roles": [],
                    "country": None,
                    "articles": [],
                    "mentions": 0,
                },
            )
            for alias in [*p.surfaces, name]:
                if alias not in entry["aliases"] and alias != canon(name):
                    entry["aliases"].append(alias)
            entry["roles"] += [RoleSeen(r, f.article.id) for r in p.roles]
            entry["country"] = entry["country"] or p.country
            if f.article.id not in entry["articles"]:
                entry["articles"].append(f.article.id)
            entry["mentions"] += p.mentions
    person_list = [
        Person(
            name,
            tuple(e["aliases"]),
            tuple(e["roles"]),
            e["country"],
            tuple(e["articles"]),
            e["mentions"],
            said.get(name, 0),
        )
        for name, e in sorted(people.items())
    ]

    events: dict[str, list[tuple[str, VenueEvent]]] = defaultdict(list)
    places = {}
    for f in facts:
        for place, spelling, event in f.events:
            events[place.name].append((spelling, event))
            places[place.name] = place
    venue_list = []
    for name in sorted(events):
        spellings = list(dict.fromkeys(s for s, _e in events[name]))
        evs = tuple(e for _s, e in events[name])
        articles = tuple(dict.fromkeys(e.article for e in evs))
        venue_list.append(
            Venue(name, places[name].kind, places[name].country, tuple(spellings), articles, evs)
        )

    return Catalog(
        corpus=corpus,
        facts={f.article.id: f for f in facts},
        people=person_list,
        venues=venue_list,
        statements=statements,
        article_people={f.article.id: tuple(sorted({canon(n) for n in f.people})) for f in facts},
        article_venues={f.article.id: tuple(f.venues) for f in facts},
    )


def _chronological(s: Statement) -> tuple[bool, str, str, int, int]:
    return (
        s.date is None,
        s.date.start.isoformat() if s.date else "",
        s.article,
        s.paragraph,
        s.start,
    )
