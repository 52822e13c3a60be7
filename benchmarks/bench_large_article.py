#!/usr/bin/env python3
"""Does reading one huge article stay linear? Prints seconds per MB for parsing and
extraction at growing sizes — real paragraphs, one paragraph without line breaks, and
adversarial text (runs of quotation marks, capitalised words, digits and dashes) that
would make a backtracking regular expression explode — and a cold `neg search` over the
largest one.

    python benchmarks/bench_large_article.py               # 1, 5 and 20 MB
    python benchmarks/bench_large_article.py --sizes 1 2   # quicker

Linear means the s/MB column stays flat as the size grows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from negotiations_cli.corpus import load_corpus, parse_text  # noqa: E402
from negotiations_cli.extract import extract_article  # noqa: E402

MB = 1024 * 1024


def paragraphs() -> list[str]:
    corpus = load_corpus(ROOT / "data")
    return [p for a in corpus.articles for p in a.paragraphs]


def shapes(size: int, source: list[str]) -> dict[str, str]:
    """Article texts of about ``size`` bytes, by shape."""
    body = "\n\n".join(source)
    repeat = size // len(body.encode()) + 1
    real = " date 2025-11-12 Bài rất dài.\n\n" + "\n\n".join([body] * repeat)
    one_line = " date 2025-11-12 Một đoạn.\n\n" + " ".join([body.replace("\n", " ")] * repeat)
    unit = '"" “ ” « Ông Dmitry Peskov Pê-xcốp Tổng Thống Nga Mỹ 11/11/ 27.10.- – "nói" '
    adversarial = " date 2025-11-12 Khó.\n\n" + unit * (size // len(unit.encode()) + 1)
    return {
        "paragraphs": real[: size // 2 * 2],
        "one paragraph": one_line[:size],
        "adversarial": adversarial[:size],
    }


def timed(text: str) -> tuple[float, float, int]:
    start = time.perf_counter()
    article = parse_text(text, "big")
    parsed = time.perf_counter()
    facts = extract_article(article)
    return parsed - start, time.perf_counter() - parsed, len(facts.statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="MB")
    args = parser.parse_args()
    source = paragraphs()
    print(f"{'shape':<15} {'MB':>5} {'parse s':>8} {'extract s':>10} {'s/MB':>6} statements")
    largest = ""
    for megabytes in args.sizes:
        for shape, text in shapes(int(megabytes * MB), source).items():
            parse, extract, found = timed(text)
            size = len(text.encode()) / MB
            print(
                f"{shape:<15} {size:5.1f} {parse:8.2f} {extract:10.2f} "
                f"{(parse + extract) / size:6.2f} {found}"
            )
            if shape == "paragraphs":
                largest = text
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "big.txt").write_text(largest, encoding="utf-8")
        env = {**os.environ, "NEG_CACHE_DIR": str(Path(folder, "cache"))}
        for label in ("cold (builds)", "warm"):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "negotiations_cli",
                    "--corpus",
                    str(Path(folder, "big.txt")),
                    "search",
                    "Istanbul",
                    "--limit",
                    "5",
                    "-f",
                    "json",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                check=True,
            )
            print(f"neg search, {label}: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
