"""Questions asked of a loaded corpus. Returns models, never formatted text."""

from __future__ import annotations

from collections.abc import Sequence

from .corpus import Corpus
from .dates import Period
from .errors import NotFound
from .models import Article

__all__ = ["articles", "find_article"]


def articles(
    corpus: Corpus, since: Period | None = None, until: Period | None = None
) -> list[Article]:
    """Articles in id order; with a date range, undated articles are left out."""
    if since is None and until is None:
        return list(corpus.articles)
    start = since.start if since else None
    end = until.end if until else None
    return [a for a in corpus.articles if a.date and Period.of(a.date).overlaps(start, end)]


def closest(word: str, choices: Sequence[str], limit: int = 3) -> list[str]:
    """The choices nearest to ``word`` (rapidfuzz), best first."""
    from rapidfuzz import fuzz, process

    found = process.extract(word, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
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
