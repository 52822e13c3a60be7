"""Where the quotations and sentences of a paragraph are.

Quotation marks in the Vietnamese press are straight, curly or guillemets, and often
mismatched (``"…”``): any closing mark closes the open quotation. Single quotes are left
alone (they nest inside double ones, and ’ is also an apostrophe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "quote_spans", "sentence_spans"]

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
_BOUNDARY = " \t\n([{-–—:;,"


@dataclass(frozen=True, slots=True)
class Span:
    """A quotation: ``start``/``end`` include the marks; ``inner`` is the text between them."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, max(self.start + 1, self.end - 1)


_MARKS = re.compile('["“”«»„]')


def quote_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    open_at: int | None = None
    for m in _MARKS.finditer(text):
        i = m.start()
        char = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            opens = char in _OPEN or (
                char == _STRAIGHT and (before in _BOUNDARY or not before.strip()) and after.strip()
            )
            if opens:
                open_at = i
        elif char in _CLOSE or char == _STRAIGHT:
            spans.append(Span(open_at, i + 1))
            open_at = None
    if open_at is not None:
        # An unclosed quotation runs to the end of the paragraph (it continues in the next).
        spans.append(Span(open_at, len(text)))
    return spans


_SENTENCE_END = re.compile(r"(?:[.!?…]+|\./\.)(?=\s+|$)")


def sentence_spans(text: str, quotes: list[Span] | None = None) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets; a full stop inside a quotation does not end one
    unless the quotation itself ends there."""
    quotes = quote_spans(text) if quotes is None else quotes

    def inside_quote(pos: int) -> bool:
        return any(q.start < pos < q.end - 1 for q in quotes)

    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        if inside_quote(m.start()):
            continue
        if _after_initial(text, m.start()):
            continue  # "V. Pu-tin", "Đ. Plét-ten-chúc": an initial, not a sentence end
        # "… vẫn mở", Ivanov nói.  — the sentence runs on past a quotation's own full stop.
        if end < len(text) and _next_is_lowercase(text, end):
            continue
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _after_initial(text: str, dot: int) -> bool:
    """The full stop at ``dot`` closes a one-letter initial ("V." in "V. Pu-tin")."""
    return (
        dot >= 1
        and text[dot] == "."
        and text[dot - 1].isupper()
        and (dot == 1 or not text[dot - 2].isalnum())
    )


def _next_is_lowercase(text: str, pos: int) -> bool:
    rest = text[pos:].lstrip()
    return bool(rest) and rest[0].islower()
