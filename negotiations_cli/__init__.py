"""neg: who said what, when and where in Vietnamese news about the Russia–Ukraine–US talks."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

__all__ = ["DEFAULT_MAX_SIZE", "__version__", "bundled_corpus_path"]

# Larger files are skipped (``--max-file-size``): admits a 20 MB article with room to spare.
# In a .jsonl file the limit applies to each record, so a big scraper dump still loads.
DEFAULT_MAX_SIZE = 32 * 1024 * 1024


def bundled_corpus_path() -> Path:
    """The sample articles: inside the installed package, or ``data/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    from .errors import CorpusError

    raise CorpusError("the bundled sample corpus is missing from this installation")
