from __future__ import annotations

import datetime as dt

import pytest

from negotiations_cli.dates import Period, parse_user_date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2025-10-03", dt.date(2025, 10, 3), dt.date(2025, 10, 3), "day"),
        ("2025-02-01", dt.date(2025, 2, 1), dt.date(2025, 2, 1), "day"),  # never day-first
        ("2025-10", dt.date(2025, 10, 1), dt.date(2025, 10, 31), "month"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"),
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year"),
        ("03/10/2025", dt.date(2025, 10, 3), dt.date(2025, 10, 3), "day"),  # day first
        ("3.10.2025", dt.date(2025, 10, 3), dt.date(2025, 10, 3), "day"),
        ("10/2025", dt.date(2025, 10, 1), dt.date(2025, 10, 31), "month"),
        ("3 Oct 2025", dt.date(2025, 10, 3), dt.date(2025, 10, 3), "day"),
    ],
)
def test_parse_user_date(text: str, start: dt.date, end: dt.date, precision: str) -> None:
    period = parse_user_date(text)
    assert (period.start, period.end, period.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["2025-13", "31/02/2025", "yesterday-ish", "Oct 3", ""])
def test_parse_user_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_user_date(text)


def test_period_iso_keeps_precision() -> None:
    assert Period.month(2025, 10).iso() == "2025-10"
    assert Period.from_iso("2025-10").end == dt.date(2025, 10, 31)
    assert Period.from_iso("2025-10-28").iso() == "2025-10-28"


def test_period_overlap_at_its_own_precision() -> None:
    october = Period.month(2025, 10)
    assert october.overlaps(dt.date(2025, 10, 20), None)
    assert october.overlaps(None, dt.date(2025, 10, 1))
    assert not october.overlaps(dt.date(2025, 11, 1), None)
