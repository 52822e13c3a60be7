from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from legacy import cp1258

from negotiations_cli.corpus import decode, is_caption, load_corpus, parse_record, parse_text

DATED = """ date 2025-03-14 Ông Marco Rubio tại Jeddah (Ảnh: Reuters).

Ngoại trưởng Mỹ Marco Rubio cho biết hai bên đã đạt tiến triển.



"Chúng tôi sẵn sàng", ông nói.
"""

TITLED = """Mỹ và Ukraine họp tại Jeddah

Hồng Nhung |

Phái đoàn hai nước gặp nhau tại Ả Rập Xê Út.

Ông Rubio phát biểu tại sân bay. Ảnh: AFP
Ông Rubio phát biểu tại sân bay. Ảnh: AFP

Cuộc gặp kéo dài tám tiếng.

Hồng Nhung
Tin liên quan:

Ông Nguyễn Văn A nói về bóng đá

Minh Anh |

"Một trích dẫn không thuộc bài", ông A nói.
"""


def test_dated_layout_splits_caption_date_and_paragraphs() -> None:
    article = parse_text(DATED, "x")
    assert article.date == dt.date(2025, 3, 14)
    assert article.captions == ("Ông Marco Rubio tại Jeddah (Ảnh: Reuters).",)
    assert article.paragraphs == (
        "Ngoại trưởng Mỹ Marco Rubio cho biết hai bên đã đạt tiến triển.",
        '"Chúng tôi sẵn sàng", ông nói.',
    )
    assert article.title == "Ông Marco Rubio tại Jeddah"  # the caption without its credit


def test_dated_layout_with_a_lead_instead_of_a_caption() -> None:
    article = parse_text(
        " date 2025-11-20 Theo AFP, hai bên đã gặp nhau. Cuộc gặp kéo dài.\n\nThêm.", "x"
    )
    assert article.captions == ()
    assert article.paragraphs[0].startswith("Theo AFP")
    assert article.title == "Theo AFP, hai bên đã gặp nhau"


def test_titled_layout_drops_bylines_duplicate_caption_and_related_block() -> None:
    article = parse_text(TITLED, "y")
    assert article.title == "Mỹ và Ukraine họp tại Jeddah"
    assert article.byline == "Hồng Nhung"
    assert article.date is None
    assert article.captions == ("Ông Rubio phát biểu tại sân bay. Ảnh: AFP",)
    assert article.paragraphs == (
        "Phái đoàn hai nước gặp nhau tại Ả Rập Xê Út.",
        "Cuộc gặp kéo dài tám tiếng.",
    )


def test_nfd_input_is_stored_as_nfc() -> None:
    article = parse_text(unicodedata.normalize("NFD", DATED), "x")
    assert all(unicodedata.is_normalized("NFC", p) for p in article.paragraphs)
    assert article.paragraphs == parse_text(DATED, "x").paragraphs


def test_soft_wrapped_lines_join_but_sentence_lines_split() -> None:
    text = " date 2025-01-02 Dẫn.\n\nMột câu bị ngắt\ndòng giữa chừng.\nCâu thứ hai."
    assert parse_text(text, "x").paragraphs == (
        "Dẫn.",
        "Một câu bị ngắt dòng giữa chừng.",
        "Câu thứ hai.",
    )


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Ngoại trưởng Nga Sergei Lavrov (Ảnh: RBC).", True),
        ("Phái đoàn tại Istanbul, tháng 3.2022. Ảnh: AFP", True),
        ("Hai nhà lãnh đạo tại Alaska (Ảnh minh họa)", True),
        ("Ông nói rằng ảnh hưởng của Nga là lớn.", False),
        ("Bức ảnh: không phải chú thích, chỉ là câu văn có chữ ảnh.", False),
        ("Ông Zelensky tại Kyiv Ảnh: Reuters", True),
    ],
)
def test_is_caption(paragraph: str, expected: bool) -> None:
    assert is_caption(paragraph) is expected


def test_decode_accepts_utf8_bom_and_windows_1258() -> None:
    assert decode("\ufeffđàm phán".encode()).text == "đàm phán"
    decoded = decode(cp1258("Cuộc đàm phán ở Istanbul kéo dài"))
    assert unicodedata.normalize("NFC", decoded.text) == "Cuộc đàm phán ở Istanbul kéo dài"
    assert decoded.encoding == "Windows-1258"
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x00\x01abc")


def test_record_with_iso_datetime_and_url() -> None:
    record = {"title": "T", "date": "2025-10-03T08:00:00+07:00", "text": "A.\n\nB.", "url": "u"}
    article = parse_record(record, "f#1", "f.jsonl")
    assert (article.date, article.title, article.paragraphs, article.url) == (
        dt.date(2025, 10, 3),
        "T",
        ("A.", "B."),
        "u",
    )


def test_record_day_first_date() -> None:
    assert parse_record({"text": "x", "date": "03/10/2025"}, "i", "p").date == dt.date(2025, 10, 3)


def write(root: Path, rel: str, content: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def test_load_folder_recursively_with_ids_and_problems(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DATED)
    write(tmp_path, "sub/b.md", "# Tiêu đề\n\nNội dung bài.\n")
    records = [
        {"title": "R1", "date": "2025-01-01", "text": "Một."},
        {"id": "own", "title": "R2", "date": None, "text": "Hai."},
        {"title": "R3", "text": ""},
    ]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n{bad json\n")
    write(tmp_path, "broken.txt", b"\x00\x00\x00")
    write(tmp_path, "notes.csv", "ignored")
    write(tmp_path, ".hidden/c.txt", DATED)
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ["a", "feed#1", "own", "sub/b"]
    assert corpus.get("sub/b").title == "Tiêu đề"
    reasons = sorted(str(p) for p in corpus.problems)
    assert reasons == [
        "broken.txt: binary file, not text",
        "feed.jsonl: line 4: invalid JSON (Expecting property name enclosed in double quotes)",
        "feed.jsonl: record 3: record has no 'text'",
    ]


def test_same_stem_twice_keeps_both_by_path(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DATED)
    write(tmp_path, "a.md", DATED)
    assert load_corpus(tmp_path).ids == ["a.md", "a.txt"]


def test_corpus_is_never_written(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", DATED)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    load_corpus(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_bundled_samples_match_gold_dates_and_junk_is_gone(
    sample_dir: Path, gold_articles: list[dict]
) -> None:
    corpus = load_corpus(sample_dir)
    assert corpus.problems == ()
    for gold in gold_articles:
        article = corpus.get(gold["article"])
        assert article is not None
        assert (article.date.isoformat() if article.date else None) == gold["date"]
        parts = article.paragraphs + article.captions
        body = "\n".join(parts)
        assert "TIN LIÊN QUAN" not in [p.upper() for p in parts]
        assert "Hùng Dũng" not in body and "tàu ngầm" not in body
        assert not any(p.endswith("(Ảnh: AFP).") for p in article.paragraphs)


@pytest.mark.parametrize(
    ("last", "source"),
    [("(Theo RT)", "RT"), ("Theo Reuters", "Reuters"), ("(Theo Sputnik, TASS)", None)],
)
def test_closing_source_credit(last: str, source: str | None) -> None:
    article = parse_text(f" date 2025-01-02 Dẫn.\n\nThân bài.\n\n{last}", "x")
    assert article.source == source
    assert (article.paragraphs[-1] == last) is (source is None)


def test_a_short_last_paragraph_starting_with_theo_is_still_body() -> None:
    text = ' date 2025-01-02 Dẫn.\n\nTheo lời ông Rustem Umerov, phái đoàn "đã làm việc suốt đêm".'
    assert parse_text(text, "x").paragraphs[-1].startswith("Theo lời ông Rustem Umerov")
