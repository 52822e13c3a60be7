"""A messy folder — legacy encodings, files that are not articles, untrusted text — and a
cache that breaks: nothing crashes, nothing is lost, the corpus is never written to."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from legacy import cp1258

from negotiations_cli.cli import cli

BODY = (
    "Người phát ngôn Điện Kremlin Dmitry Peskov ngày 11/11 cho biết Nga sẵn sàng "
    "đàm phán tại Istanbul."
)
GOOD = {
    "good": " date 2025-11-12 Ảnh minh họa.\n\nBài tốt.\n\n" + BODY + "\n",
    "sub/same": " date 2025-11-10 Bài trong sub.\n\nNội dung ở sub về Geneva.\n",
    "other/same": " date 2025-11-10 Bài trong other.\n\nNội dung ở other về Geneva.\n",
}
SKIPPED = {  # file → what its message says
    "empty.txt": "no article text",
    "blank.txt": "no article text",
    "binary.txt": "binary file (a PNG image), not text",
    "noise.txt": "binary file, not text",
    "pipe.txt": "not a regular file (a named pipe)",
    "dangling.txt": "broken symbolic link",
    "loop1.txt": "symbolic link loop",
    "loop2.txt": "symbolic link loop",
    "big.txt": "larger than the 1.0 MB limit",
}


def build_hostile(root: Path) -> Path:
    """Every kind of file a real folder holds, next to a few good articles."""
    for name, text in GOOD.items():
        path = root / f"{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "legacy.txt").write_bytes(
        cp1258(" date 2025-11-12 Bài mã cũ.\n\nBài cũ về hòa bình và đàm phán.\n\n" + BODY)
    )
    nfd = " date 2025-11-12 Bài NFD.\n\nTổng thống Zelensky nói sẽ tới Giơ-ne-vơ để đàm phán.\n"
    (root / "nfd.txt").write_text(unicodedata.normalize("NFD", nfd), encoding="utf-8")
    (root / "crlf.txt").write_bytes(
        " date 2025-11-12 CRLF.\r\n\r\nDòng một.\r\n\r\nDòng hai về Ankara.\r".encode()
    )
    (root / "bom16.txt").write_bytes(
        " date 2025-11-12 UTF-16.\n\nNội dung về Riyadh.\n".encode("utf-16")
    )
    (root / "utf16-no-bom.txt").write_bytes(
        " date 2025-11-12 Không BOM.\n\nBài viết về đàm phán tại Doha.\n".encode("utf-16-le")
    )
    stray = " date 2025-11-12 Lỗi.\n\nNội dung có byte lạ ở giữa câu tiếng Việt đầy đủ dấu.\n"
    (root / "stray.txt").write_bytes(stray.encode().replace("lạ".encode(), b"l\xff"))
    (root / "baddate.txt").write_text(" date 2025-13-45 Ngày sai.\n\nBài ngày sai.\n")
    (root / "markup.txt").write_text(
        " date 2025-11-12 [bold red]Markup[/] \x1b[31mđỏ\x1b[0m\x9b2J.\n\n"
        '[link=http://evil]bấm[/link] \x1b]0;title\x07 Ông Lavrov nói: "=1+1 là hai".\n\n'
        '"@SUM(A1) -2+3", ông Peskov nói.\n'
    )
    (root / "records.jsonl").write_text(
        '{"id": "r1", "title": "Bản ghi", "date": "2025-13-01", "text": "Một bài về Minsk."}\n'
        "{bad json\n"
        '{"id": "r2", "text": ""}\n',
        encoding="utf-8",
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\n \t\n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "noise.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (root / "big.txt").write_text(
        " date 2025-11-12 Lớn.\n\n" + ("Câu dài về Istanbul. " * 50 + "\n\n") * 1100
    )
    (root / "notes.docx").write_bytes(b"PK\x03\x04 not an article name: ignored")
    os.mkfifo(root / "pipe.txt")
    (root / "dangling.txt").symlink_to("missing.txt")
    (root / "loop1.txt").symlink_to("loop2.txt")
    (root / "loop2.txt").symlink_to("loop1.txt")
    (root / "linked").symlink_to(root / "sub")  # a link to a folder inside: read once
    return root


def fingerprint(root: Path) -> dict[str, str]:
    """Every entry under ``root``: kind, mode, mtime and content (links: their target)."""
    seen: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                what = "link:" + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                what = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                what = f"mode:{stat.S_IFMT(info.st_mode)}"
            seen[str(path.relative_to(root))] = f"{what}:{info.st_mode}:{info.st_mtime_ns}"
    return seen


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return build_hostile(tmp_path / "corpus")


def run(root: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(
        cli,
        ["--corpus", str(root), "--max-file-size", "1M", *args],
        env={"COLUMNS": "200", "NEG_MAX_FILE_SIZE": ""},
    )


def articles(root: Path, *extra: str) -> dict[str, dict[str, object]]:
    result = run(root, *extra, "articles", "-f", "json")
    assert result.exit_code == 3, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


COMMANDS = [
    ["articles"],
    ["show", "good"],
    ["show", "markup"],
    ["statements"],
    ["statements", "--speaker", "peskov"],
    ["people"],
    ["venues"],
    ["search", "Istanbul"],
    ["search", "hòa bình"],
    ["search", "khong co tu nay"],
    ["index"],
]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_every_command_finishes_and_leaves_the_corpus_untouched(hostile: Path, fmt: str) -> None:
    before = fingerprint(hostile)
    for command in COMMANDS:
        args = [*command] if command[0] == "show" and fmt == "csv" else [*command, "-f", fmt]
        for extra in ([], ["--no-cache"]):
            result = run(hostile, *extra, *args)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                command,
                result.exception,
            )
            assert result.exit_code in (0, 1, 3), (command, result.stderr)
            assert "Traceback" not in result.stdout + result.stderr
    run(hostile, "export", "-o", str(hostile.parent / "export.json"))
    assert fingerprint(hostile) == before


def test_every_skipped_file_is_named_with_its_reason_then_a_summary(hostile: Path) -> None:
    result = run(hostile, "articles")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    for name, reason in SKIPPED.items():
        assert any(line.startswith(f"neg: skipped {name}: {reason}") for line in lines), name
    assert "neg: skipped records.jsonl: line 2: invalid JSON" in result.stderr
    assert "neg: skipped records.jsonl: record 3: record has no 'text'" in result.stderr
    assert lines[-1] == (
        f"neg: {len(articles(hostile))} articles loaded, {len(SKIPPED)} files skipped, "
        "2 records skipped, 3 warnings"
    )
    assert not any("notes.docx" in line for line in lines)


def test_the_good_articles_all_load_correctly(hostile: Path) -> None:
    found = articles(hostile)
    others = ["legacy", "nfd", "crlf", "bom16", "utf16-no-bom", "stray", "baddate", "markup", "r1"]
    assert sorted(found) == sorted([*GOOD, *others])
    shown = json.loads(run(hostile, "show", "legacy", "-f", "json").stdout)
    assert "Bài cũ về hòa bình và đàm phán." in shown["paragraphs"]
    assert "Dmitry Peskov" in found["legacy"]["people"]  # type: ignore[operator]
    assert json.loads(run(hostile, "show", "crlf", "-f", "json").stdout)["paragraphs"] == [
        "CRLF.",
        "Dòng một.",
        "Dòng hai về Ankara.",
    ]
    assert found["bom16"]["title"] == "UTF-16"
    assert found["utf16-no-bom"]["title"] == "Không BOM"
    assert found["sub/same"]["title"] != found["other/same"]["title"]


def test_nfd_and_legacy_articles_are_found_by_nfc_queries(hostile: Path) -> None:
    for query, article in (("Giơ-ne-vơ", "nfd"), ("hòa bình", "legacy")):
        result = run(hostile, "search", "--exact", query, "-f", "json")
        assert article in {hit["article"] for hit in json.loads(result.stdout)}, query


def test_stray_bytes_and_impossible_dates_are_warnings_not_losses(hostile: Path) -> None:
    result = run(hostile, "articles", "-f", "json")
    assert "neg: warning: stray.txt: 1 invalid UTF-8 byte(s) replaced" in result.stderr
    assert "neg: warning: baddate.txt: impossible date '2025-13-45'" in result.stderr
    assert "neg: warning: records.jsonl: record 1: impossible date" in result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["baddate"]["date"] is None and rows["r1"]["date"] is None
    shown = json.loads(run(hostile, "show", "stray", "-f", "json").stdout)
    assert any("l\ufffd ở giữa" in paragraph for paragraph in shown["paragraphs"])


def test_verbose_also_names_legacy_encodings(hostile: Path) -> None:
    assert "legacy.txt: read as Windows-1258" not in run(hostile, "articles").stderr
    result = run(hostile, "-v", "articles")
    assert "neg: note: legacy.txt: read as Windows-1258" in result.stderr
    assert "neg: note: bom16.txt: read as UTF-16" in result.stderr


def test_the_size_limit_is_an_option_and_a_change_rereads(hostile: Path) -> None:
    assert "big" not in articles(hostile)
    result = CliRunner().invoke(
        cli,
        ["--corpus", str(hostile), "--max-file-size", "4M", "articles", "-f", "json"],
        env={"NEG_MAX_FILE_SIZE": ""},
    )
    assert "big" in {row["id"] for row in json.loads(result.stdout)}
    assert "big" not in articles(hostile)  # and back: the cached index follows the limit
    bad = CliRunner().invoke(cli, ["--max-file-size", "lots", "articles"])
    assert bad.exit_code == 2 and "not a size" in bad.stderr


def test_markup_and_escapes_in_article_text_are_shown_literally(hostile: Path) -> None:
    for args in (["show", "markup"], ["articles"], ["search", "bấm"], ["statements"]):
        out = run(hostile, *args).stdout
        assert not any(c in out for c in "\x1b\x07\x9b"), args
    shown = run(hostile, "show", "markup").stdout
    assert "[bold red]Markup[/]" in shown and "[link=http://evil]bấm[/link]" in shown


def test_csv_cells_never_start_like_a_formula(hostile: Path) -> None:
    for args in (["statements"], ["search", "Lavrov OR Peskov"], ["articles"]):
        result = run(hostile, *args, "-f", "csv")
        cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
        assert cells, args
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], args
    statements = run(hostile, "statements", "-f", "csv").stdout
    assert "'=1+1 là hai" in statements or "'@SUM(A1)" in statements


# --- the cache ------------------------------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "small"
    root.mkdir()
    for name, word in (("a", "alpha"), ("b", "beta")):
        (root / f"{name}.txt").write_text(
            f' date 2025-11-12 Bài {name}.\n\nTừ khóa {word} ở đây. Ông Peskov nói: "{word}".\n'
        )
    return root


def hits(root: Path, word: str, *extra: str) -> set[str]:
    result = CliRunner().invoke(cli, ["--corpus", str(root), *extra, "search", word, "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return {hit["article"] for hit in json.loads(result.stdout)}


def test_a_truncated_cache_is_rebuilt_with_a_warning(small: Path, private_cache: Path) -> None:
    assert hits(small, "alpha") == {"a"}
    (database,) = private_cache.glob("*.sqlite")
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    result = CliRunner().invoke(cli, ["--corpus", str(small), "search", "alpha"])
    assert result.exit_code == 0
    assert "truncated" in result.stderr and "rebuilding" in result.stderr
    assert hits(small, "beta") == {"b"}


def test_a_garbage_or_foreign_cache_is_rebuilt_with_a_warning(
    small: Path, private_cache: Path
) -> None:
    assert hits(small, "alpha") == {"a"}
    (database,) = private_cache.glob("*.sqlite")
    database.write_bytes(os.urandom(8192))
    result = CliRunner().invoke(cli, ["--corpus", str(small), "search", "alpha"])
    assert (result.exit_code, "damaged" in result.stderr) == (0, True)


def test_an_index_from_another_version_is_rebuilt_with_a_warning(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from negotiations_cli import index as index_module

    assert hits(small, "alpha") == {"a"}
    monkeypatch.setattr(index_module, "_fingerprint", lambda: "a later neg")
    result = CliRunner().invoke(cli, ["--corpus", str(small), "search", "alpha"])
    assert result.exit_code == 0
    assert "made by another version of neg; rebuilding it" in result.stderr
    assert "rebuilding" not in CliRunner().invoke(cli, ["--corpus", str(small), "articles"]).stderr


def _edit_in_place(path: Path, text: str) -> None:
    """Change a file the way the quick check cannot see: its folder's mtime stays."""
    folder = path.parent.stat()
    path.write_text(text)
    os.utime(path.parent, ns=(folder.st_atime_ns, folder.st_mtime_ns))


def test_a_stale_cache_never_answers_from_a_changed_file(small: Path) -> None:
    assert hits(small, "alpha") == {"a"}
    statements = ["--corpus", str(small), "statements", "--speaker", "peskov", "-f", "json"]
    before = json.loads(CliRunner().invoke(cli, statements).stdout)
    assert {s["text"] for s in before} == {"alpha", "beta"}
    changed = ' date 2025-11-12 Bài a.\n\nTừ khóa gamma. Ông Peskov nói: "gamma".\n'
    _edit_in_place(small / "a.txt", changed)
    assert hits(small, "alpha") == set()
    after = json.loads(CliRunner().invoke(cli, statements).stdout)
    assert {s["text"] for s in after} == {"gamma", "beta"}


def test_a_stale_cache_never_answers_from_a_removed_file(small: Path) -> None:
    assert hits(small, "alpha") == {"a"}
    folder = small.stat()
    (small / "a.txt").unlink()
    os.utime(small, ns=(folder.st_atime_ns, folder.st_mtime_ns))
    assert hits(small, "alpha") == set()
    shown = CliRunner().invoke(cli, ["--corpus", str(small), "show", "a"])
    assert shown.exit_code == 1


def neg(*args: str) -> list[str]:
    return [sys.executable, "-m", "negotiations_cli", *args]


def test_concurrent_commands_on_a_cold_cache_agree(small: Path) -> None:
    import subprocess

    for i in range(60):
        (small / f"extra{i:02d}.txt").write_text(
            f" date 2025-10-{i % 28 + 1:02d} Bài {i}.\n\nTin số {i} về Istanbul. "
            f'Ông Peskov nói: "câu {i}".\n'
        )
    command = neg("--corpus", str(small), "search", "Istanbul", "--limit", "100", "-f", "json")
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], [e for _o, e in outputs]
    assert len({out for out, _err in outputs}) == 1
    assert len(json.loads(outputs[0][0])) == 60


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess

    with subprocess.Popen(
        neg("statements", "-f", "jsonl"), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # like `| head -1`
        err = process.stderr.read().decode()
        process.wait(timeout=60)
    assert process.returncode == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_ctrl_c_while_indexing_exits_130_and_the_next_command_resumes(
    tmp_path: Path, private_cache: Path
) -> None:
    import signal
    import subprocess
    import time

    root = tmp_path / "many"
    root.mkdir()
    total = 1500
    for i in range(total):
        (root / f"a{i:04d}.txt").write_text(
            f" date 2025-10-{i % 28 + 1:02d} Bài {i}.\n\n" + (BODY + " ") * 20 + "\n"
        )
    process = subprocess.Popen(
        neg("--corpus", str(root), "articles"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not list(private_cache.glob("*.sqlite")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(1.6)  # past the first commit of the build
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the build finished before the interrupt")
    assert process.returncode == 130
    assert "Traceback" not in err and "interrupted" in err
    done = subprocess.run(
        neg("--corpus", str(root), "index", "-f", "json"), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "did not finish; finishing it" in done.stderr
    status = json.loads(done.stdout)[0]
    assert status["articles"] == total
    assert 0 < status["changes"]["added"] < total  # what was stored before Ctrl-C was kept


def test_an_unreadable_file_is_named_and_the_rest_loads(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (small / "secret.txt").write_text(" date 2025-11-12 Bí mật.\n\nNội dung alpha.\n")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "secret.txt":  # (tests run as root, who may read anything)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(cli, ["--corpus", str(small), "search", "alpha", "-f", "json"])
    assert result.exit_code == 3
    assert "neg: skipped secret.txt: Permission denied" in result.stderr
    assert {hit["article"] for hit in json.loads(result.stdout)} == {"a"}


def test_records_with_the_same_id_are_both_kept(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text(
        '{"id": "x", "title": "Một", "date": "2025-11-01", "text": "Bài thứ nhất về Doha."}\n'
        '{"id": "x", "title": "Hai", "date": "2025-11-02", "text": "Bài thứ hai về Doha."}\n',
        encoding="utf-8",
    )
    for extra in ([], ["--no-cache"]):
        result = CliRunner().invoke(
            cli, ["--corpus", str(tmp_path), *extra, "articles", "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert [(row["id"], row["title"]) for row in rows] == [("x", "Một"), ("x#2", "Hai")]
        assert "neg: warning: dump.jsonl: duplicate article id 'x', kept as 'x#2'" in (
            result.stderr
        )


def test_an_unreadable_folder_is_named_and_the_rest_loads(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (small / "locked").mkdir()
    (small / "locked" / "c.txt").write_text(" date 2025-11-12 C.\n\nNội dung alpha.\n")
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> Any:
        if str(path).endswith("locked"):  # (tests run as root, who may read anything)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(cli, ["--corpus", str(small), "search", "alpha", "-f", "json"])
    assert result.exit_code == 3, result.stderr
    assert "neg: skipped locked/: folder cannot be read (Permission denied)" in result.stderr
    assert {hit["article"] for hit in json.loads(result.stdout)} == {"a"}
