from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = Path(__file__).resolve().parent / "data" / "gold"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch the user's cache folder: each test gets its own."""
    folder = tmp_path / "neg-cache"
    monkeypatch.setenv("NEG_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def sample_dir() -> Path:
    return DATA


@pytest.fixture
def gold_articles() -> list[dict]:
    return read_jsonl(GOLD / "seed_articles.jsonl")


@pytest.fixture
def gold_statements() -> list[dict]:
    return read_jsonl(GOLD / "seed_statements.jsonl")
