"""The records neg works with. ``to_dict()`` of each is its JSON schema (see README)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from .dates import Period

__all__ = ["Article", "Person", "RoleSeen", "Statement", "Venue", "VenueEvent"]

SpeakerType = Literal["person", "organization", "unnamed"]
DateSource = Literal["text", "context", "article"]


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body paragraphs without captions, bylines or related-news junk."""

    id: str
    path: str
    date: dt.date | None
    title: str
    byline: str | None
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]
    url: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The full article, as `neg show` prints it."""
        return {
            "id": self.id,
            "path": self.path,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "byline": self.byline,
            "url": self.url,
            "source": self.source,
            "captions": list(self.captions),
            "paragraphs": list(self.paragraphs),
        }

    def to_summary(
        self, people: tuple[str, ...] = (), venues: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """One row of `neg articles`."""
        return {
            "id": self.id,
            "path": self.path,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "byline": self.byline,
            "paragraph_count": len(self.paragraphs),
            "people": list(people),
            "venues": list(venues),
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what, when: one statement with its provenance in the article."""

    id: str
    article: str
    paragraph: int  # 1-based, as `neg show` numbers them
    start: int  # character offsets of the content in that paragraph
    end: int
    speaker: str
    speaker_type: SpeakerType
    speaker_mention: str  # the words the article uses for the speaker here
    role: str | None
    kind: Literal["direct", "indirect", "mixed"]
    cue: str
    text: str
    date: Period | None
    date_source: DateSource
    venues: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "speaker_mention": self.speaker_mention,
            "role": self.role,
            "kind": self.kind,
            "cue": self.cue,
            "text": self.text,
            "date": self.date.iso() if self.date else None,
            "date_source": self.date_source,
            "venues": list(self.venues),
        }


@dataclass(frozen=True, slots=True)
class RoleSeen:
    role: str
    article: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSeen, ...]
    country: str | None
    articles: tuple[str, ...]
    mentions: int
    statements: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "roles": [{"role": r.role, "article": r.article} for r in self.roles],
            "country": self.country,
            "articles": list(self.articles),
            "mentions": self.mentions,
            "statements": self.statements,
        }


@dataclass(frozen=True, slots=True)
class VenueEvent:
    """A meeting or round of talks at a venue, as one sentence of an article tells it."""

    article: str
    paragraph: int  # 1-based; 0 for a photo caption
    date: Period | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "paragraph": self.paragraph,
            "date": self.date.iso() if self.date else None,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Venue:
    name: str
    kind: str
    country: str | None
    spellings: tuple[str, ...]
    articles: tuple[str, ...]
    events: tuple[VenueEvent, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "spellings": list(self.spellings),
            "articles": list(self.articles),
            "events": [e.to_dict() for e in self.events],
        }
