from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from negotiations_cli import index as index_module
from negotiations_cli.cli import cli

DOC = " date 2025-10-20 Dẫn.\n\nÔng Yuri Ushakov cho biết {word} sẽ diễn ra.\n"


def run(corpus: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--corpus", str(corpus), *args])


def found(corpus: Path, word: str, *flags: str) -> set[str]:
    result = run(corpus, *flags, "search", word, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return {h["article"] for h in json.loads(result.stdout)}


def status(corpus: Path) -> dict:
    result = run(corpus, "index", "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DOC.format(word="alpha"), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(DOC.format(word="beta"), encoding="utf-8")
    return folder


def test_index_lives_in_the_cache_folder_and_the_corpus_stays_untouched(
    corpus: Path, private_cache: Path
) -> None:
    before = sorted(str(p) for p in corpus.rglob("*"))
    assert found(corpus, "alpha") == {"a"}
    assert sorted(str(p) for p in corpus.rglob("*")) == before
    assert list(private_cache.glob("*.sqlite"))
    assert status(corpus)["articles"] == 2


def test_index_is_reused_while_the_corpus_is_unchanged(corpus: Path) -> None:
    first = status(corpus)
    second = status(corpus)
    assert second["built"] == first["built"]
    assert second["changes"] == {"added": 0, "changed": 0, "removed": 0}


def test_added_and_removed_files_are_seen_by_the_quick_check(corpus: Path) -> None:
    assert found(corpus, "gamma") == set()
    (corpus / "sub" / "c.txt").write_text(DOC.format(word="gamma"), encoding="utf-8")
    assert found(corpus, "gamma") == {"sub/c"}
    (corpus / "a.txt").unlink()
    assert found(corpus, "alpha") == set()


def test_in_place_edits_are_seen_by_neg_index(corpus: Path) -> None:
    assert found(corpus, "beta") == {"sub/b"}
    target = corpus / "sub" / "b.txt"
    folder_mtime = (corpus / "sub").stat().st_mtime_ns
    with target.open("w", encoding="utf-8") as handle:  # same file, same folder entry
        handle.write(DOC.format(word="delta"))
    os.utime(corpus / "sub", ns=(folder_mtime, folder_mtime))
    assert status(corpus)["changes"]["changed"] == 1
    assert found(corpus, "delta") == {"sub/b"} and found(corpus, "beta") == set()


def test_touch_without_change_reindexes_nothing(corpus: Path) -> None:
    status(corpus)
    later = time.time_ns() + 5_000_000_000
    os.utime(corpus / "a.txt", ns=(later, later))
    assert status(corpus)["changes"]["changed"] == 0


def test_no_refresh_uses_the_index_as_it_stands(corpus: Path) -> None:
    found(corpus, "alpha")
    (corpus / "new.txt").write_text(DOC.format(word="epsilon"), encoding="utf-8")
    assert found(corpus, "epsilon", "--no-refresh") == set()
    assert found(corpus, "epsilon") == {"new"}


def test_damaged_or_foreign_index_is_rebuilt(corpus: Path, private_cache: Path) -> None:
    found(corpus, "alpha")
    (database,) = private_cache.glob("*.sqlite")
    database.write_bytes(b"this is not a database" * 100)
    assert found(corpus, "alpha") == {"a"}


def test_other_version_is_rebuilt(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = status(corpus)["built"]
    time.sleep(1.1)
    monkeypatch.setattr(index_module, "_fingerprint", lambda: "another version")
    assert status(corpus)["built"] != built


def test_no_cache_writes_nothing(corpus: Path, private_cache: Path) -> None:
    assert found(corpus, "alpha", "--no-cache") == {"a"}
    assert not private_cache.exists() or not list(private_cache.glob("*.sqlite"))


def test_a_build_cut_short_is_rebuilt(
    corpus: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> dict[str, int]:
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module.Index, "update", interrupted)
    with pytest.raises(KeyboardInterrupt):
        index_module.Index.open(corpus)
    monkeypatch.undo()
    monkeypatch.setenv("NEG_CACHE_DIR", str(private_cache))
    assert found(corpus, "alpha") == {"a"}


def test_kept_counts_match_the_tables_after_updates(corpus: Path) -> None:
    (corpus / "sub" / "c.txt").write_text(DOC.format(word="gamma"), encoding="utf-8")
    found(corpus, "gamma")
    (corpus / "a.txt").unlink()
    (corpus / "sub" / "b.txt").write_text(
        DOC.format(word="x") + '\n"Thêm", ông nói.\n', encoding="utf-8"
    )
    shown = status(corpus)
    index = index_module.Index.open(corpus)
    real = {
        t: index.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("passages", "statements", "articles")
    }
    assert {t: shown[t] for t in real} == real


def test_unwritable_cache_falls_back_to_memory(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("NEG_CACHE_DIR", str(blocked / "neg"))
    result = run(corpus, "search", "alpha", "-f", "json")
    assert result.exit_code == 0
    assert "working in memory" in result.stderr
    assert {h["article"] for h in json.loads(result.stdout)} == {"a"}


def test_a_broken_index_is_a_message_not_a_traceback(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    found(corpus, "alpha")
    monkeypatch.setattr(index_module.Index, "statements", broken)
    result = run(corpus, "statements")
    assert result.exit_code == 1
    assert "the index could not be used (database is locked)" in result.stderr
    assert "Traceback" not in result.output + result.stderr
