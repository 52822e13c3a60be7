"""The records neg works with. ``to_dict()`` of each is its JSON schema (see README)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["Article"]


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

    def to_summary(self) -> dict[str, Any]:
        """One row of `neg articles`."""
        return {
            "id": self.id,
            "path": self.path,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "byline": self.byline,
            "paragraph_count": len(self.paragraphs),
        }
