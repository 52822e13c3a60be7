from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from negotiations_cli.cli import cli
from negotiations_cli.errors import UsageError
from negotiations_cli.search import find_matches, parse_query, trim
from negotiations_cli.text import fold

ARTICLES = {
    "a.txt": " date 2025-10-20 Phái đoàn tại Mátxcơva (Ảnh: AFP).\n\n"
    "Ông Yuri Ushakov cho biết đàm phán hòa bình sẽ diễn ra tại Mátxcơva.\n\n"
    "Điện Kremlin khẳng định lập trường không đổi.",
    "b.txt": " date 2025-11-05 Dẫn.\n\n"
    '"Chúng tôi muốn hoà bình", Ngoại trưởng Mỹ Marco Rubio nói về cuộc gặp ở Moscow.\n\n'
    "Cuộc đàm phán tại Istanbul kết thúc.",
    "c.txt": "Tin không ngày\n\nHồng Nhung |\n\nHai bên đàm phán ở Moskva.\n\nHồng Nhung\n"
    "TIN LIÊN QUAN\n\nCầu thủ Hùng Dũng ghi bàn ở Moskva.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(corpus: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--corpus", str(corpus), *args])


def hits(corpus: Path, *args: str) -> list[dict]:
    result = run(corpus, "search", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dam phan", {"a", "b", "c"}),
        ("ĐÀM PHÁN", {"a", "b", "c"}),
        ("hoà bình", {"a", "b"}),  # either tone placement
        (unicodedata.normalize("NFD", "hòa bình"), {"a", "b"}),
        ("Matxcova", {"a", "b", "c"}),
        ("Moskva", {"a", "b", "c"}),  # known spellings of one place are searched together
        ('"Điện Kremlin"', {"a"}),
        ('"kremlin dien"', set()),
        ("Istanbul OR Ushakov", {"a", "b"}),
        ("dam phan -Istanbul", {"a", "c"}),
        ("Hùng Dũng", set()),  # the related-news block is not searched
    ],
)
def test_search_folds_and_combines(corpus: Path, query: str, expected: set[str]) -> None:
    assert {h["article"] for h in hits(corpus, query)} == expected


def test_exact_matches_accents_as_typed(corpus: Path) -> None:
    assert {h["article"] for h in hits(corpus, "hòa bình", "--exact")} == {"a", "b"}
    assert hits(corpus, "hoa binh", "--exact") == []


def test_hit_record_and_highlights(corpus: Path) -> None:
    found = hits(corpus, "Moskva", "--full")
    assert found and all(
        list(h) == ["article", "paragraph", "part", "score", "date", "title", "text", "highlights"]
        for h in found
    )
    spellings = {fold(h["text"][s:e]) for h in found for s, e in h["highlights"]}
    assert spellings == {"matxcova", "moscow", "moskva"}
    assert [h["score"] for h in found] == sorted((h["score"] for h in found), reverse=True)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--since", "2025-11"], {"b"}),  # the undated article is left out
        (["--until", "2025-10-31"], {"a"}),
        (["--speaker", "ushakov"], {"a"}),
        (["--venue", "Mátxcơva"], {"a", "b", "c"}),
        (["--article", "c"], {"c"}),
    ],
)
def test_search_filters(corpus: Path, args: list[str], expected: set[str]) -> None:
    assert {h["article"] for h in hits(corpus, '"dam phan" OR Moscow', *args)} == expected


def test_no_match_exits_1_and_suggests(corpus: Path) -> None:
    result = run(corpus, "search", "Istambul")
    assert result.exit_code == 1
    assert "did you mean istanbul?" in result.stderr
    fuzzy = run(corpus, "search", "Istambul", "--fuzzy", "-f", "json")
    assert fuzzy.exit_code == 0
    assert {h["article"] for h in json.loads(fuzzy.stdout)} == {"b"}


def test_a_short_unknown_word_gets_no_far_fetched_suggestion(corpus: Path) -> None:
    result = run(corpus, "search", "tàu")  # one letter from "tai", "tin" …: no guess
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr


def test_hits_read_as_a_list_with_where_date_score_and_passage(corpus: Path) -> None:
    result = run(corpus, "search", "Moskva")
    assert result.exit_code == 0
    blocks = [b.splitlines() for b in result.stdout.strip().split("\n\n")]
    heads = {b[0].split()[0]: b[0].split()[1:] for b in blocks}
    assert heads["c"][-2] == "undated" and heads["b"][1] == "2025-11-05"
    assert all(float(words[-1]) > 0 for words in heads.values())
    passage = next(" ".join(b[1:]) for b in blocks if b[0].startswith("c "))
    assert "Hai bên đàm phán ở Moskva" in passage and "Hùng Dũng" not in result.stdout


def test_limit_and_context(corpus: Path) -> None:
    assert len(hits(corpus, "dam phan", "--limit", "1")) == 1
    short = hits(corpus, "Ushakov", "--context", "10")[0]
    assert short["text"].startswith("Ông Yuri Ushakov") and short["text"].endswith("…")


@pytest.mark.parametrize("query", ["-Istanbul", "OR", "Istanbul OR", "  "])
def test_queries_that_cannot_run(query: str) -> None:
    with pytest.raises(UsageError):
        parse_query(query)


def test_trim_keeps_highlight_offsets() -> None:
    text = "một " * 40 + "Mátxcơva" + " hai" * 40
    start = text.index("Mátxcơva")
    cut, spans = trim(text, find_matches(text, parse_query("Moskva")), 20)
    assert [cut[s:e] for s, e in spans] == ["Mátxcơva"]
    assert cut.startswith("…") and cut.endswith("…") and len(cut) < len(text)
    assert start > 0
