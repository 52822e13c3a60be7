"""Dates at a precision (a day, a month, a year) and the user's date input.

A statement made "Tháng trước" is known to the month only; ``Period`` keeps that, and
date filters keep a record whose period overlaps the range asked for.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Period", "parse_user_date"]

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
