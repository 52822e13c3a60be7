"""Dates at a precision (a day, a month, a year) and the user's date input.

A statement made "Tháng trước" is known to the month only; ``Period`` keeps that, and
date filters keep a record whose period overlaps the range asked for.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

__all__ = ["DateMention", "Period", "find_dates", "parse_user_date"]

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A closed range of days: one day, a whole month or a whole year."""

    start: dt.date
    end: dt.date
    precision: Precision

    @classmethod
    def day(cls, year: int, month: int, day: int) -> Period:
        d = dt.date(year, month, day)
        return cls(d, d, "day")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), "month")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def of(cls, date: dt.date) -> Period:
        return cls(date, date, "day")

    @classmethod
    def from_iso(cls, text: str) -> Period:
        """``2025-10-03``, ``2025-10`` or ``2025``."""
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 3:
            return cls.day(*parts)
        if len(parts) == 2:
            return cls.month(*parts)
        return cls.year(parts[0])

    def iso(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        return f"{self.start.year:04d}"

    def __str__(self) -> str:
        return self.iso()

    def overlaps(self, since: dt.date | None, until: dt.date | None) -> bool:
        return (since is None or self.end >= since) and (until is None or self.start <= until)


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.](\d{4})$")


def parse_user_date(text: str) -> Period:
    """A date typed by a user: ``2025-10-03``, ``2025-10``, ``2025``, ``03/10/2025``
    (day first, as Vietnamese write it), ``10/2025``. ISO is never read day-first.

    Other forms (``3 Oct 2025``) go to python-dateutil, day first. Raises ``ValueError``.
    """
    value = text.strip()
    try:
        if m := _ISO.match(value):
            year, month, day = (int(g) if g else None for g in m.groups())
            assert year is not None
            if day is not None and month is not None:
                return Period.day(year, month, day)
            return Period.month(year, month) if month is not None else Period.year(year)
        if m := _DMY.match(value):
            day, month, year = (int(g) for g in m.groups())
            return Period.day(year, month, day)
        if m := _MY.match(value):
            month, year = (int(g) for g in m.groups())
            return Period.month(year, month)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    return _parse_with_dateutil(value)


def _parse_with_dateutil(value: str) -> Period:
    from dateutil import parser  # imported here: most runs never need it

    try:
        parsed = parser.parse(value, dayfirst=True, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        raise ValueError(
            f"{value!r} is not a date (use 2025-10-03, 2025-10, 2025 or 03/10/2025)"
        ) from None
    if parsed.year == 1:
        raise ValueError(f"{value!r} has no year (use 2025-10-03, 2025-10 or 03/10/2025)")
    return Period.of(parsed.date())


# --- Vietnamese date expressions in article text -----------------------------------------

MONTH_WORDS = {
    "giêng": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_MONTH_WORD = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_DAY_PREFIX = r"(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|khuya)"

Kind = Literal["absolute", "relative", "anaphoric", "vague"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text: where it is and what it means (None: unresolvable)."""

    start: int
    end: int
    period: Period | None
    kind: Kind


def _shift(period: Period, days: int) -> Period:
    if period.precision != "day":
        return period
    return Period.of(period.start + dt.timedelta(days=days))


def _month_back(anchor: dt.date, months: int) -> Period:
    index = anchor.year * 12 + anchor.month - 1 - months
    return Period.month(index // 12, index % 12 + 1)


def _infer_day(
    day: int, month: int, anchor: dt.date | None, near: dt.date | None = None
) -> Period | None:
    if anchor is None:
        return _nearest(lambda year: Period.day(year, month, day), near)
    period = Period.day(anchor.year, month, day)
    return Period.day(anchor.year - 1, month, day) if period.start > anchor else period


def _infer_month(month: int, anchor: dt.date | None, near: dt.date | None = None) -> Period | None:
    if anchor is None:
        return _nearest(lambda year: Period.month(year, month), near)
    period = Period.month(anchor.year, month)
    return Period.month(anchor.year - 1, month) if period.start > anchor else period


def _nearest(make: Callable[[int], Period], near: dt.date | None) -> Period | None:
    """In an undated article, a day or month without a year is the one nearest the last
    date the text gave with its year ("ngày 6/1/2026 … hôm thứ Năm (8/1)": 8/1/2026)."""
    if near is None:
        return None
    return min(
        (make(year) for year in (near.year - 1, near.year, near.year + 1)),
        key=lambda p: abs((p.start - near).days),
    )


_RELATIVE: dict[str, Callable[[dt.date], Period]] = {
    "hôm nay": Period.of,
    "sáng nay": Period.of,
    "trưa nay": Period.of,
    "chiều nay": Period.of,
    "tối nay": Period.of,
    "hôm qua": lambda a: Period.of(a - dt.timedelta(days=1)),
    "tối qua": lambda a: Period.of(a - dt.timedelta(days=1)),
    "đêm qua": lambda a: Period.of(a - dt.timedelta(days=1)),
    "sáng qua": lambda a: Period.of(a - dt.timedelta(days=1)),
    "chiều qua": lambda a: Period.of(a - dt.timedelta(days=1)),
    "hôm kia": lambda a: Period.of(a - dt.timedelta(days=2)),
    "tuần trước": lambda a: _month_back(a - dt.timedelta(days=7), 0),
    "tuần này": lambda a: _month_back(a, 0),
    "tháng trước": lambda a: _month_back(a, 1),
    "tháng này": lambda a: _month_back(a, 0),
    "năm ngoái": lambda a: Period.year(a.year - 1),
    "năm trước": lambda a: Period.year(a.year - 1),
    "năm nay": lambda a: Period.year(a.year),
}
_ANAPHORIC = {
    "cùng ngày": 0,
    "ngày hôm đó": 0,
    "hôm đó": 0,
    "khi đó": 0,
    "lúc đó": 0,
    "vào thời điểm đó": 0,
    "thời điểm đó": 0,
    "một ngày sau": 1,
    "một ngày sau đó": 1,
    "ngày hôm sau": 1,
    "hôm sau": 1,
    "hai ngày sau": 2,
    "một ngày trước đó": -1,
    "một ngày trước": -1,
    "trước đó một ngày": -1,
    "sau đó một ngày": 1,
    "trước đó hai ngày": -2,
    "sau đó hai ngày": 2,
}
_DAY_ANAPHORIC = frozenset(k for k in _ANAPHORIC if "ngày" in k or "hôm" in k)
_VAGUE = (
    "những ngày sau",
    "vài ngày sau",
    "ít ngày sau",
    "mấy ngày sau",
    "những ngày sau đó",
    "ít lâu sau",
    "không lâu sau",
    "những tuần sau",
)


# Kinds whose text always carries the year: only these (and what is counted from them)
# may resolve after the article's date.
_GIVE_A_YEAR = frozenset({"dmy", "my", "y"})
_YEAR_GROUP = {"dmy_words": 3, "m_word": 2}  # kinds where the year is optional: its group


def _words(options: Iterable[str]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


@cache
def _patterns() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    """(pattern by kind, all kinds in one pattern, where a date can start) — compiled on
    first use, so commands that never read article text do not pay for them."""
    by_kind = {
        "dmy_words": re.compile(
            rf"\b{_DAY_PREFIX}\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?", re.I
        ),
        "dmy": re.compile(r"(?<![\d.,/-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"),
        "dm_prefixed": re.compile(
            rf"(?:\b{_DAY_PREFIX}\s+(?:thứ\s+\w+\s+|chủ nhật\s+)?\(?|\()(\d{{1,2}})[/.-](\d{{1,2}})"
            r"(?![\d]|[/.-]\d)",
            re.I,
        ),
        "dm_slash": re.compile(r"(?<![\w/.,-])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d)"),
        "my": re.compile(r"\btháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)(\d{4})\b", re.I),
        "m_rel_year": re.compile(r"\btháng\s+(\d{1,2})\s+(năm ngoái|năm trước|năm nay)", re.I),
        "m_word": re.compile(rf"\btháng\s+({_MONTH_WORD})\b(?:\s+năm\s+(\d{{4}}))?", re.I),
        "m": re.compile(r"\btháng\s+(\d{1,2})(?![\d]|[/.-]\d)", re.I),
        "y": re.compile(r"\bnăm\s+(\d{4})\b", re.I),
        "relative": re.compile(rf"\b(?:đầu |giữa |cuối )?({_words(_RELATIVE)})\b", re.I),
        # "một ngày sau khi phái đoàn hội đàm …" places the clause's own date, given
        # elsewhere, after an event: no date of its own
        "anaphoric": re.compile(rf"(?<![Tt]rong )\b({_words(_ANAPHORIC)})\b(?!\s+khi\b)", re.I),
        "vague": re.compile(rf"\b({_words(_VAGUE)})\b", re.I),
    }
    # One pass over the text: the kinds in order of preference, the longer forms first.
    order = (
        "dmy_words",
        "dmy",
        "my",
        "m_rel_year",
        "m_word",
        "dm_prefixed",
        "dm_slash",
        "m",
        "y",
        "relative",
        "anaphoric",
        "vague",
    )
    combined = re.compile(
        "|".join(f"(?P<{kind}>{by_kind[kind].pattern})" for kind in order), re.IGNORECASE
    )
    # Where a date expression can start: a digit, "(", or one of these words. Trying the full
    # pattern only there is many times faster than scanning every position with it.
    candidate = re.compile(
        r"[\d(]|\b(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng|khuya|tháng|năm|đầu|giữa|cuối|tuần"
        r"|cùng|khi|lúc|vào|thời|một|hai|những|vài|ít|mấy|không|trước|sau)\b",
        re.IGNORECASE,
    )
    return by_kind, combined, candidate


def _resolve(
    kind: str,
    m: re.Match[str],
    anchor: dt.date | None,
    previous: Period | None,
    previous_day: Period | None = None,
) -> tuple[Period | None, Kind]:
    near = previous.start if anchor is None and previous is not None else None
    g = m.groups()
    if kind == "dmy_words":
        day, month = int(g[0]), int(g[1])
        if g[2]:
            return Period.day(int(g[2]), month, day), "absolute"
        return _infer_day(day, month, anchor, near), "absolute"
    if kind == "dmy":
        return Period.day(int(g[2]), int(g[1]), int(g[0])), "absolute"
    if kind in ("dm_prefixed", "dm_slash"):
        return _infer_day(int(g[0]), int(g[1]), anchor, near), "absolute"
    if kind == "my":
        return Period.month(int(g[1]), int(g[0])), "absolute"
    if kind == "m_rel_year":
        if anchor is None:
            return None, "relative"
        year = anchor.year if g[1].lower() == "năm nay" else anchor.year - 1
        return Period.month(year, int(g[0])), "relative"
    if kind == "m_word":
        month = MONTH_WORDS[g[0].lower()]
        if g[1]:
            return Period.month(int(g[1]), month), "absolute"
        return _infer_month(month, anchor, near), "absolute"
    if kind == "m":
        return _infer_month(int(g[0]), anchor, near), "absolute"
    if kind == "y":
        return Period.year(int(g[0])), "absolute"
    if kind == "relative":
        return (_RELATIVE[g[0].lower()](anchor) if anchor else None), "relative"
    if kind == "anaphoric":
        phrase = g[0].lower()
        if phrase in _DAY_ANAPHORIC and (previous is None or previous.precision != "day"):
            # "cùng ngày" needs a day: after "hồi tuần trước" it is still the day last named
            previous = previous_day or previous
        return (_shift(previous, _ANAPHORIC[phrase]) if previous else None), "anaphoric"
    if previous is None:
        return None, "vague"
    return Period.month(previous.start.year, previous.start.month), "vague"


_EVENT_AFTER = re.compile(r"\s+(?!đó\b|nữa\b)\w", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _relative_to_event(text: str, m: re.Match[str], before: list[DateMention]) -> bool:
    """ "một ngày sau cuộc điện đàm" after a date in the same sentence places that date
    relative to an event; it is no new day."""
    if _ANAPHORIC.get(m.group(1).lower(), 0) == 0 or not before:
        return False
    if not _EVENT_AFTER.match(text, m.end()):
        return False  # "Một ngày sau, …", "một ngày sau đó": a new day
    return not _SENTENCE_BREAK.search(text, before[-1].end, m.start())


def find_dates(
    text: str,
    anchor: dt.date | None,
    previous: Period | None = None,
    previous_day: Period | None = None,
) -> list[DateMention]:
    """Date expressions in ``text``, left to right, resolved against the article's date.

    A day or month without a year takes the anchor's year unless that lands after the
    anchor, then the year before. Anaphoric expressions (``cùng ngày``, ``một ngày sau``,
    ``khi đó``) resolve against ``previous``, and against each date found before them;
    those that need a day (``cùng ngày``) against ``previous_day`` when ``previous`` is no
    day. Without an anchor, a day or month takes the year that puts it nearest ``previous``.
    """
    by_kind, combined, candidates = _patterns()
    mentions: list[DateMention] = []
    end = 0
    for candidate in candidates.finditer(text):
        if candidate.start() < end:
            continue
        hit = combined.match(text, candidate.start())
        if hit is None:
            continue
        end = hit.end()
        kind = hit.lastgroup
        assert kind is not None
        m = by_kind[kind].match(text, hit.start())
        if m is None:  # pragma: no cover - the combined pattern matched this kind here
            continue
        if kind == "anaphoric" and _relative_to_event(text, m, mentions):
            continue  # "Ngày 20/5, …, một ngày sau cuộc điện đàm": 20/5 is the day it tells
        try:
            period, meaning = _resolve(kind, m, anchor, previous, previous_day)
        except ValueError:
            continue  # 31/2, month 13: not a date
        if (
            period is not None
            and anchor is not None
            and period.start > anchor
            and kind not in _GIVE_A_YEAR
            and not (kind in _YEAR_GROUP and m.group(_YEAR_GROUP[kind]))
            and not (previous is not None and previous.start > anchor)
        ):
            period = None  # "một ngày sau" the article's own day: not a date it can report
        mentions.append(DateMention(m.start(), m.end(), period, meaning))
        if period is not None and meaning != "vague":
            previous = period
            if period.precision == "day":
                previous_day = period
    return mentions
