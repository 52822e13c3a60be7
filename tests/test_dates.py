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


# --- Vietnamese date expressions in article text ------------------------------------------

from negotiations_cli.dates import find_dates  # noqa: E402

ARTICLE_DAY = dt.date(2025, 11, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nói với báo giới hôm 11/11.", ["2025-11-11"]),
        ("Ngày 3 tháng 4 năm 2024, ông nói", ["2024-04-03"]),
        ("vào tối 27.10", ["2025-10-27"]),
        ("phát biểu ngày 22-11", ["2024-11-22"]),  # after the article's date: the year before
        ("Hôm thứ Ba (4/11), bà cho biết", ["2025-11-04"]),
        ("Tháng trước, ông cho biết", ["2025-10"]),
        ("Đầu tháng này, Tổng thống tuyên bố", ["2025-11"]),
        ("hồi tháng Tám", ["2025-08"]),
        ("gặp nhau vào tháng 6.2021 tại Geneva", ["2021-06"]),
        ("từ tháng 3/2022", ["2022-03"]),
        ("năm ngoái", ["2024"]),
        ("hôm qua", ["2025-11-11"]),
        ("vào năm 2022", ["2022"]),
        ("Trong khi đó, ông nói", []),  # "meanwhile", not "at that time"
        ("tỷ lệ 50/50 và 2-3 ngày", []),
    ],
)
def test_find_dates_resolves_against_the_article_date(text: str, expected: list[str]) -> None:
    assert [str(m.period) for m in find_dates(text, ARTICLE_DAY)] == expected


def test_anaphoric_dates_follow_the_previous_date() -> None:
    found = find_dates("Cuộc điện đàm hôm 16/10 và cuộc gặp một ngày sau", ARTICLE_DAY)
    assert [str(m.period) for m in found] == ["2025-10-16", "2025-10-17"]
    same_day = find_dates("Cùng ngày, bà nói", ARTICLE_DAY, previous=Period.day(2025, 11, 3))
    assert [str(m.period) for m in same_day] == ["2025-11-03"]


def test_undated_article_leaves_relative_dates_unresolved() -> None:
    found = find_dates("Đầu tháng này và ngày 5/3, rồi tháng 6.2021", None)
    assert [m.period.iso() if m.period else None for m in found] == [None, None, "2021-06"]


def test_same_day_needs_a_day_and_a_clause_after_an_event_is_no_date() -> None:
    after_month = find_dates(
        "Cùng ngày, ông nói",
        ARTICLE_DAY,
        previous=Period.month(2025, 8),
        previous_day=Period.day(2025, 10, 16),
    )
    assert [str(m.period) for m in after_month] == ["2025-10-16"]
    # "khi đó" asks for no day: it stays with the month
    then = find_dates(
        "Khi đó, ông nói", ARTICLE_DAY, Period.month(2025, 8), Period.day(2025, 10, 16)
    )
    assert [str(m.period) for m in then] == ["2025-08"]
    clause = find_dates("Ngày 17/6, ông tiếp phái đoàn, một ngày sau khi họ tới Kiev", ARTICLE_DAY)
    assert [str(m.period) for m in clause] == ["2025-06-17"]


def test_undated_article_takes_the_year_nearest_the_last_full_date() -> None:
    found = find_dates("hôm thứ Năm (8/1) và tháng 12", None, previous=Period.day(2026, 1, 6))
    assert [str(m.period) for m in found] == ["2026-01-08", "2025-12"]
