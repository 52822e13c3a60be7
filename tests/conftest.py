from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
GOLD = Path(__file__).resolve().parent / "data" / "gold"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture
def sample_dir() -> Path:
    return DATA


@pytest.fixture
def gold_articles() -> list[dict]:
    return read_jsonl(GOLD / "seed_articles.jsonl")


@pytest.fixture
def gold_statements() -> list[dict]:
    return read_jsonl(GOLD / "seed_statements.jsonl")
