from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from negotiations_cli.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_IDS = [
    "000_cd89bfe6552e52d2",
    "001_e0e308906b95cf95",
    "002_061c0b6f4e783336",
    "003_6255338c2fb240fd",
    "004_0cedeae0ea18887b",
]


def run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(
        cli, list(args), env={"NEG_CORPUS": "", "COLUMNS": "120", **(env or {})}
    )


def test_articles_json_lists_the_bundled_samples() -> None:
    result = run("articles", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == SAMPLE_IDS
    assert [r["date"] for r in rows] == [
        "2025-11-12",
        "2025-10-03",
        None,
        "2025-10-28",
        "2025-11-20",
    ]
    assert rows[2]["title"] == "Nga tiết lộ khả năng đàm phán giữa hai Tổng thống Nga-Mỹ"
    assert set(rows[0]) >= {"id", "path", "date", "title", "byline", "paragraph_count"}


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2025-10", None, ["000", "001", "003", "004"]),
        ("2025-10-04", "2025-11-12", ["000", "003"]),
        ("03/10/2025", "03/10/2025", ["001"]),  # day first
        ("2025-11", "2025-11", ["000", "004"]),
    ],
)
def test_articles_date_range_leaves_out_undated(
    since: str, until: str | None, expected: list[str]
) -> None:
    args = ["articles", "-f", "json", "--since", since] + (["--until", until] if until else [])
    rows = json.loads(run(*args).stdout)
    assert [r["id"][:3] for r in rows] == expected


def test_jsonl_and_csv_parse_with_standard_tools() -> None:
    lines = run("articles", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == SAMPLE_IDS
    table = list(csv.DictReader(io.StringIO(run("articles", "-f", "csv").stdout)))
    assert [r["id"] for r in table] == SAMPLE_IDS
    assert table[0]["paragraph_count"] == "14"


def test_show_json_is_the_clean_article() -> None:
    result = run("show", "002_061c0b6f4e783336", "-f", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) >= {"id", "path", "date", "title", "byline", "captions", "paragraphs"}
    text = json.dumps(doc, ensure_ascii=False)
    assert "Hùng Dũng" not in text and "tàu ngầm" not in text
    assert len(doc["captions"]) == 1 and doc["captions"][0].endswith("Ảnh: AFP")
    assert doc["byline"] == "Ngọc Vân"
    assert doc["paragraphs"][-1].startswith("Vào thời điểm đó, Mátxcơva")


def test_show_accepts_a_unique_prefix_and_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    result = run("show", "003", "-f", "json", "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "003_6255338c2fb240fd"


def test_show_table_numbers_paragraphs() -> None:
    out = run("show", "000").stdout
    assert "[ 1] " in out and "[14] " in out and "caption: Đàm phán" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "nope"], 1, "no article with id 'nope'"),
        (["show", "00"], 1, "did you mean 000_cd89bfe6552e52d2"),
        (["--corpus", "/does/not/exist", "articles"], 2, "corpus not found: /does/not/exist"),
        (["articles", "--since", "2025-13"], 2, "is not a real date"),
        (["articles", "--since", "2031"], 1, "no articles found"),
        (["articles", "-f", "xml"], 2, "'xml' is not one of"),
        (["nonsense"], 2, "No such command"),
    ],
)
def test_errors_are_one_line_with_exit_codes(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_empty_json_result_is_still_valid_json() -> None:
    result = run("articles", "--since", "2031", "-f", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (1, [])


def test_unreadable_file_is_skipped_with_warning_and_exit_3(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(" date 2025-01-02 Một bài.\n\nNội dung.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    result = run("--corpus", str(tmp_path), "articles", "-f", "json")
    assert result.exit_code == 3
    assert [r["id"] for r in json.loads(result.stdout)] == ["good"]
    assert "bad.txt: binary file, not text" in result.stderr


def test_corpus_from_environment(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# Tiêu đề\n\nThân bài.", encoding="utf-8")
    rows = json.loads(run("articles", "-f", "json", env={"NEG_CORPUS": str(tmp_path)}).stdout)
    assert [(r["id"], r["title"]) for r in rows] == [("x", "Tiêu đề")]


def test_article_text_is_never_markup_or_terminal_escapes(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        " date 2025-01-02 [bold red]Tiêu đề[/bold red] \x1b]0;pwned\x07 (Ảnh: X)\n\n"
        '=HYPERLINK("x")',
        encoding="utf-8",
    )
    table = run("--corpus", str(tmp_path), "articles").stdout
    assert "[bold red]Tiêu đề[/bold red]" in table and "\x1b" not in table
    page = run("--corpus", str(tmp_path), "show", "evil").stdout
    assert "=HYPERLINK" in page and "\x1b" not in page
    rows = list(
        csv.reader(io.StringIO(run("--corpus", str(tmp_path), "show", "evil", "-f", "csv").stdout))
    )
    assert rows[-1][-1] == '\'=HYPERLINK("x")'


def all_commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert f"neg {name}" in result.stdout  # an example line
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"neg {name}" in readme


# --- statements, people, venues, export ------------------------------------------------------


def statements_json(*args: str) -> list[dict]:
    result = run("statements", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("spelling", ["peskov", "Peskof", "Pê-xcốp", "DMITRY PESKOV"])
def test_statements_by_speaker_any_spelling(spelling: str) -> None:
    rows = statements_json("--speaker", spelling)
    assert rows and {r["speaker"] for r in rows} == {"Dmitry Peskov"}
    assert {r["article"][:3] for r in rows} == {"001", "002"}


def test_statements_in_october_only() -> None:
    rows = statements_json("--since", "2025-10-01", "--until", "2025-10-31")
    assert rows
    for r in rows:
        assert r["date"][:7] == "2025-10", r
    assert not [r for r in rows if r["article"].startswith("001") and "Peskov" in r["speaker"]]


def test_statements_are_oldest_first_with_undated_last() -> None:
    dates = [r["date"] for r in statements_json()]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    assert dates[len(dated) :] == [None] * (len(dates) - len(dated))


def test_statement_record_schema_and_offsets() -> None:
    rows = statements_json("--article", "003")
    assert rows
    for r in rows:
        assert list(r) == [
            "id",
            "article",
            "paragraph",
            "start",
            "end",
            "speaker",
            "speaker_type",
            "speaker_mention",
            "role",
            "kind",
            "cue",
            "text",
            "date",
            "date_source",
            "venues",
        ]
        paragraph = json.loads(run("show", r["article"], "-f", "json").stdout)["paragraphs"][
            r["paragraph"] - 1
        ]
        assert paragraph[r["start"] : r["end"]] == r["text"]


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--kind", "direct"], lambda r: r["kind"] == "direct"),
        (["--venue", "Moskva"], lambda r: "Moscow" in r["venues"]),
        (["--contains", "dam phan"], lambda r: "đàm phán" in r["text"].lower()),
    ],
)
def test_statement_filters(args: list[str], check: object) -> None:
    rows = statements_json(*args)
    assert rows and all(check(r) for r in rows)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["statements", "--speaker", "Vladimir"], 2, "ambiguous"),
        (["statements", "--speaker", "Nobody Atall"], 1, "no speaker matches"),
        (["statements", "--venue", "Atlantis"], 1, "no venue matches"),
        (["statements", "--kind", "rumour"], 2, "'rumour' is not one of"),
    ],
)
def test_statement_errors(args: list[str], code: int, message: str) -> None:
    result = run(*args)
    assert (result.exit_code, message in result.stderr) == (code, True), result.stderr


def test_people_and_venues_json() -> None:
    people = json.loads(run("people", "-f", "json").stdout)
    peskov = next(p for p in people if p["name"] == "Dmitry Peskov")
    assert "Peskov" in peskov["aliases"] and peskov["country"] == "Russia"
    assert {r["article"] for r in peskov["roles"]} == {
        "001_e0e308906b95cf95",
        "002_061c0b6f4e783336",
    }
    assert peskov["statements"] == len(statements_json("--speaker", "peskov"))
    venues = json.loads(run("venues", "-f", "json").stdout)
    istanbul = next(v for v in venues if v["name"] == "Istanbul")
    assert set(istanbul["articles"]) >= {"000_cd89bfe6552e52d2", "001_e0e308906b95cf95"}
    assert all(set(e) == {"article", "paragraph", "date", "sentence"} for e in istanbul["events"])


def test_articles_carry_people_and_venues(gold_articles: list[dict]) -> None:
    rows = {r["id"]: r for r in json.loads(run("articles", "-f", "json").stdout)}
    for gold in gold_articles:
        assert set(rows[gold["article"]]["people"]) == set(gold["people"])
        assert set(gold["venues"]) <= set(rows[gold["article"]]["venues"])


def test_export_everything_and_filtered(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert run("export", "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc) == ["schema_version", "articles", "people", "venues", "statements"]
    assert len(doc["articles"]) == 5 and doc["statements"]
    filtered = json.loads(run("export", "--speaker", "lavrov").stdout)
    assert {s["speaker"] for s in filtered["statements"]} == {"Sergei Lavrov"}
    assert [a["id"] for a in filtered["articles"]] == ["003_6255338c2fb240fd"]
    assert [p["name"] for p in filtered["people"]] == ["Sergei Lavrov"]


def test_statements_csv_has_no_formulas(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        ' date 2025-01-02 Dẫn.\n\n"=1+1 là công thức", ông Yuri Ushakov nói.', encoding="utf-8"
    )
    rows = list(
        csv.DictReader(
            io.StringIO(run("--corpus", str(tmp_path), "statements", "-f", "csv").stdout)
        )
    )
    assert rows[0]["text"] == "'=1+1 là công thức"


def test_a_well_known_surname_prefers_its_owner_and_names_the_namesakes(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        " date 2025-10-20 Dẫn.\n\n"
        "Người phát ngôn Điện Kremlin Dmitry Peskov cho biết Nga sẵn sàng đàm phán.\n\n"
        "Nhà báo Alexander Peskov nói cuộc gặp khó diễn ra sớm.\n\n"
        "Ông Oleksiy Kuleba và ông Andrii Kuleba cho biết việc sơ tán vẫn tiếp tục.",
        encoding="utf-8",
    )
    env = {"NEG_CACHE_DIR": str(tmp_path / "cache")}
    result = run(
        "--corpus", str(folder), "statements", "--speaker", "peskov", "-f", "json", env=env
    )
    assert result.exit_code == 0, result.stderr
    assert {r["speaker"] for r in json.loads(result.stdout)} == {"Dmitry Peskov"}
    assert "also named so: Alexander Peskov" in result.stderr
    # a surname whose well-known owner (Dmytro Kuleba) is not among them stays ambiguous
    vague = run("--corpus", str(folder), "statements", "--speaker", "Kuleba", env=env)
    assert vague.exit_code == 2 and "ambiguous" in vague.stderr
