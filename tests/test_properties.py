"""Property-based tests: the parser, the folding and the date resolver never crash on any
input, and keep their promises on all of it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiations_cli.corpus import decode, parse_record, parse_text
from negotiations_cli.dates import find_dates, parse_user_date
from negotiations_cli.extract import extract_article
from negotiations_cli.text import clean, fold, fold_key, tone_key

# Text that looks like what articles hold: Vietnamese letters in both forms, quotes, dashes,
# digits, line breaks, controls and escapes — and now and then anything at all.
PIECES = [
    "Ông",
    "bà",
    "Peskov",
    "Pê-xcốp",
    "Điện Kremlin",
    "nói",
    "cho biết",
    "Theo",
    "hòa",
    "hoà",
    "Mátxcơva",
    "Giơ-ne-vơ",
    "ngày",
    "hôm",
    "tháng",
    "năm",
    "11/11",
    "27.10",
    "(15-8)",
    "cùng ngày",
    "một ngày sau",
    "hôm qua",
    '"',
    "“",
    "”",
    "«",
    "»",
    " – ",
    " - ",
    ": ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\r\n",
    " date 2025-11-12 ",
    "TIN LIÊN QUAN",
    "Ngọc Vân |",
    "(Ảnh: AFP)",
    "\x1b[31m",
    "[bold]",
    "\u0301",
    "\ufeff",
    "\x00",
    "  ",
    "Tổng thống",
    "Người phát ngôn",
]
article_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(
    "".join
)
DATE_PIECES = [
    "ngày",
    "hôm",
    "sáng",
    "tối",
    "tháng",
    "năm",
    "thứ Hai",
    "Mười Hai",
    "/",
    ".",
    "-",
    "(",
    ")",
    " ",
    "1",
    "2",
    "9",
    "11",
    "12",
    "13",
    "28",
    "29",
    "30",
    "31",
    "cùng ngày",
    "một ngày sau",
    "hai ngày sau",
    "ngày hôm sau",
    "hôm qua",
    "hôm nay",
    "tháng trước",
    "tháng này",
    "năm ngoái",
    "năm nay",
    "tuần trước",
    "đầu tháng này",
    "khi đó",
    "vài ngày sau",
]
date_text = st.lists(st.sampled_from(DATE_PIECES), max_size=30).map("".join)
anchors = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@given(st.binary(max_size=400))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_decode_returns_text_or_says_why_not(data: bytes) -> None:
    try:
        decoded = decode(data)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(decoded.text, str) and decoded.replaced >= 0


@given(article_text)
@settings(max_examples=300)
def test_parse_text_gives_clean_nfc_paragraphs_or_a_reason(text: str) -> None:
    try:
        article = parse_text(text, "x")
    except ValueError as exc:
        assert str(exc)
        return
    for paragraph in (article.title, *article.paragraphs, *article.captions):
        assert unicodedata.is_normalized("NFC", paragraph)
        assert not CONTROLS.search(paragraph)
        assert paragraph.strip()


@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "date", "text", "url"]), st.from_type(object) | article_text
    )
)
@settings(max_examples=200)
def test_any_json_record_is_an_article_or_a_reason(record: dict[str, object]) -> None:
    try:
        parse_record(record, "r", "r.jsonl", [])
    except ValueError as exc:
        assert str(exc)


@given(article_text, st.one_of(st.none(), anchors))
@settings(max_examples=150, deadline=None)
def test_extraction_never_crashes_and_points_into_its_paragraphs(
    text: str, date: dt.date | None
) -> None:
    try:
        article = parse_text(text, "x")
    except ValueError:
        return
    if date is not None:
        article = article.__class__(**{**_fields(article), "date": date})
    facts = extract_article(article)
    for statement in facts.statements:
        paragraph = article.paragraphs[statement.paragraph - 1]
        assert 0 <= statement.start < statement.end <= len(paragraph)


def _fields(article: object) -> dict[str, object]:
    return {name: getattr(article, name) for name in article.__slots__}  # type: ignore[attr-defined]


@given(st.text())
def test_folding_is_idempotent_and_keeps_length(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert len(folded) == len(unicodedata.normalize("NFC", text))
    assert fold_key(folded) == fold_key(text)


@given(article_text)
def test_folding_ignores_normal_form_and_case_of_vietnamese(text: str) -> None:
    text = clean(text)
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(st.sampled_from(["hòa", "thủy", "khỏe", "hóa", "tòa", "Hoà", "Thuỷ"]))
def test_both_tone_mark_styles_fold_and_key_alike(word: str) -> None:
    moved = {"hòa": "hoà", "thủy": "thuỷ", "khỏe": "khoẻ", "hóa": "hoá", "tòa": "toà"}
    other = moved.get(word, {v: k for k, v in moved.items()}.get(word.lower(), word))
    assert fold(word) == fold(other)
    assert tone_key(word) == tone_key(other)


@given(date_text, anchors)
@settings(max_examples=500)
def test_a_resolved_date_is_never_after_the_article_unless_the_text_gives_the_year(
    text: str, anchor: dt.date
) -> None:
    for mention in find_dates(text, anchor):
        assert 0 <= mention.start < mention.end <= len(text)
        if mention.period is not None and not re.search(r"\d{4}", text):
            assert mention.period.start <= anchor, (text, mention)


@given(st.text(max_size=30))
def test_user_dates_parse_or_say_why_not(text: str) -> None:
    try:
        period = parse_user_date(text)
    except ValueError as exc:
        assert str(exc)
    else:
        assert period.start <= period.end
