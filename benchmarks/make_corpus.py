#!/usr/bin/env python3
"""Write an N-article benchmark corpus made from the bundled samples.

Paragraphs of the five sample articles (and the test articles under tests/data) are
recombined, with people, venues and dates swapped for others, into articles in the two
plain-text layouts, 1,000 files to a folder — the shape of a scraped news archive.

    python benchmarks/make_corpus.py 10000 /tmp/neg-bench/10k
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from negotiations_cli.corpus import load_corpus  # noqa: E402

SOURCES = [ROOT / "data", ROOT / "tests" / "data" / "generalisation" / "corpus"]
PEOPLE = [
    ("Dmitry Peskov", "Người phát ngôn Điện Kremlin"),
    ("Sergei Lavrov", "Ngoại trưởng Nga"),
    ("Marco Rubio", "Ngoại trưởng Mỹ"),
    ("Yuri Ushakov", "Trợ lý Tổng thống Nga"),
    ("Andrii Sybiha", "Ngoại trưởng Ukraine"),
    ("Kaja Kallas", "Đại diện cấp cao EU"),
    ("Steve Witkoff", "Đặc phái viên Mỹ"),
    ("Rustem Umerov", "Thư ký Hội đồng An ninh Ukraine"),
    ("Hakan Fidan", "Ngoại trưởng Thổ Nhĩ Kỳ"),
    ("Maria Zakharova", "Người phát ngôn Bộ Ngoại giao Nga"),
    ("Keith Kellogg", "Đặc phái viên Mỹ"),
    ("Kirill Dmitriev", "Đặc phái viên Nga"),
]
VENUES = [
    "Istanbul",
    "Geneva",
    "Riyadh",
    "Jeddah",
    "Abu Dhabi",
    "Budapest",
    "Minsk",
    "Doha",
    "Mátxcơva",
    "Moskva",
    "Kiev",
    "Oasinhtơn",
    "Alaska",
    "Giơnevơ",
    "Vatican",
    "Paris",
]
SURNAMES = {
    "Peskov",
    "Lavrov",
    "Galuzin",
    "Ivanov",
    "Ryabkov",
    "Darchiev",
    "Witkoff",
    "Medinsky",
    "Yermak",
}
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")


def paragraphs() -> list[str]:
    found: list[str] = []
    for source in SOURCES:
        for article in load_corpus(source).articles:
            found += [p for p in article.paragraphs if len(p) > 60]
    return found


def vary(text: str, rng: random.Random) -> str:
    name, role = rng.choice(PEOPLE)
    surname = name.split()[-1]
    for old in SURNAMES:
        text = text.replace(old, surname)
    for venue in ("Istanbul", "Alaska", "Geneva", "Moscow", "Mátxcơva", "Moskva", "Kiev"):
        if venue in text:
            text = text.replace(venue, rng.choice(VENUES))
    text = DATE.sub(lambda m: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}", text)
    if rng.random() < 0.3:
        text = f"{role} {name} cho biết {text[0].lower()}{text[1:]}"
    return text


def article(number: int, pool: list[str], rng: random.Random) -> str:
    body = [vary(rng.choice(pool), rng) for _ in range(rng.randint(6, 14))]
    year = rng.choice([2022, 2023, 2024, 2025])
    if rng.random() < 0.8:
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        caption = f"Phái đoàn hai bên tại {rng.choice(VENUES)} (Ảnh: AFP)."
        return f" date {date} {caption}\n\n" + "\n\n".join(body) + "\n"
    title = f"Bài {number}: đàm phán tại {rng.choice(VENUES)}"
    return f"{title}\n\nPhóng viên |\n\n" + "\n\n".join(body) + "\n\nPhóng viên\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()
    for number in range(args.count):
        folder = args.out / f"{number // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:07d}.txt").write_text(article(number, pool, rng), encoding="utf-8")
    print(f"wrote {args.count} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
