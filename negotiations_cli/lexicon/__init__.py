"""Word lists the extractor reads as data: one entry a line, ``#`` starts a comment.

Kept out of the code so that a new title, cue verb or spelling is a one-line change
to a text file, not a new rule.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from ..text import nfc

__all__ = ["load_json", "load_lines"]


_HERE = Path(__file__).parent  # the word lists travel in the package (wheel or checkout)


def _read(name: str) -> str:
    return nfc((_HERE / name).read_text(encoding="utf-8"))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``lexicon/<name>``, NFC-normalised."""
    lines = (line.split("#", 1)[0].strip() for line in _read(name).splitlines())
    return tuple(line for line in lines if line)


@cache
def load_json(name: str) -> Any:
    return json.loads(_read(name))
