"""Article text → people, venues and statements. No I/O: models in, models out.

The submodules load on first use (``extract_article`` included), so commands that only
read the index never pay for compiling the extractor's patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import ArticleFacts, extract_article

__all__ = ["ArticleFacts", "extract_article"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import article

        return getattr(article, name)
    raise AttributeError(name)
