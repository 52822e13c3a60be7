#!/usr/bin/env python3
"""Score `neg statements -f json` and `neg articles -f json` against gold files.

Gold files are in the shared-gold format (tests/data/gold/README.md):
``seed_statements.jsonl`` and ``seed_articles.jsonl``.

    python benchmarks/score_extraction.py                          # bundled corpus
    python benchmarks/score_extraction.py --corpus tests/data/generalisation/corpus \
        --gold tests/data/generalisation/gold --verbose
    python benchmarks/score_extraction.py --check                  # exit 1 below targets

A gold statement is found when a predicted statement of the same article and speaker has a
text containing the gold quote (both NFC). Statements typed organization/unnamed count
neither for nor against precision. Names are compared without case and diacritics, and two
transliterations of one person's given names are one speaker ("Yury"/"Yuri Ushakov",
"Sergiy"/"Serhiy Kyslytsya"; same surname, given names at least 70 % alike).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "statement precision": 0.95,
    "statement recall": 0.95,
    "speaker accuracy": 0.97,
    "date accuracy": 0.90,
    "people precision": 0.95,
    "people recall": 0.95,
    "venue recall": 0.90,
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def neg_json(corpus: Path, *args: str) -> list[dict]:
    cmd = [
        sys.executable,
        "-m",
        "negotiations_cli",
        "--no-cache",
        "--corpus",
        str(corpus),
        *args,
        "-f",
        "json",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1, 3):
        sys.exit(f"neg failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout or "[]")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


_STROKES = str.maketrans("đĐłŁøØ", "dDlLoO")


def name_key(name: str) -> str:
    """A name without case and diacritics: "Phạm Thu Hằng" and "Pham Thu Hang", "Erdoğan"
    and "Erdogan", "Radosław" and "Radoslaw" are one person spelt two ways."""
    plain = unicodedata.normalize("NFD", name.translate(_STROKES))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"\w+", plain))


def same_name(a: str, b: str) -> bool:
    """One person: the same name, or the same surname with given names in two
    transliterations ("Yury"/"Yuri", "Sergiy"/"Serhiy"; not "Oleksiy"/"Dmytro" Kuleba)."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if ka == kb:
        return True
    return (
        len(ka) == len(kb) >= 2
        and ka[-1] == kb[-1]
        and all(
            SequenceMatcher(None, x, y).ratio() >= 0.7
            for x, y in zip(ka[:-1], kb[:-1], strict=True)
        )
    )


def _matched(names: set[str], others: set[str]) -> set[str]:
    return {n for n in names if any(same_name(n, o) for o in others)}


def ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def score(corpus: Path, gold_dir: Path, verbose: bool = False) -> dict[str, float]:
    gold = read_jsonl(gold_dir / "seed_statements.jsonl")
    gold_articles = read_jsonl(gold_dir / "seed_articles.jsonl")
    predicted = neg_json(corpus, "statements")
    articles = {a["id"]: a for a in neg_json(corpus, "articles")}
    persons = [p for p in predicted if p["speaker_type"] == "person"]

    def matches(p: dict, g: dict) -> bool:
        return p["article"] == g["article"] and nfc(g["quote"]) in nfc(p["text"])

    found = dated = dated_right = dated_lenient = texts = right_speaker = 0
    misses = []
    for g in gold:
        same_text = [p for p in predicted if matches(p, g)]
        texts += bool(same_text)
        hit = [p for p in same_text if same_name(p["speaker"], g["speaker"])]
        right_speaker += bool(hit)
        if not hit:
            misses.append((g, same_text))
            continue
        found += 1
        if g["date"] is not None:
            dated += 1
            dated_right += hit[0]["date"] == g["date"]
            dated_lenient += (hit[0]["date"] or "").startswith(g["date"])
            if verbose and hit[0]["date"] != g["date"]:
                print(
                    f"  date {g['article']}: {g['speaker']}: gold {g['date']} "
                    f"got {hit[0]['date']} ({hit[0]['date_source']}) | {g['quote'][:50]}"
                )
    correct = [
        p
        for p in persons
        if any(matches(p, g) and same_name(p["speaker"], g["speaker"]) for g in gold)
    ]
    wrong = [p for p in persons if p not in correct]

    people_right = people_found = people_pred = people_gold = 0
    venue_hit = venue_gold = venue_pred = 0
    for ga in gold_articles:
        pa = articles.get(ga["article"], {})
        predicted_people = {name_key(n) for n in pa.get("people", [])}
        gold_people = {name_key(n) for n in ga["people"]}
        people_right += len(_matched(predicted_people, gold_people))
        people_found += len(_matched(gold_people, predicted_people))
        people_pred += len(predicted_people)
        people_gold += len(gold_people)
        venue_hit += len(set(ga["venues"]) & set(pa.get("venues", [])))
        venue_gold += len(ga["venues"])
        predicted_venues, gold_venues = set(pa.get("venues", [])), set(ga["venues"])
        venue_pred += len(predicted_venues)
        if verbose and (predicted_people != gold_people or predicted_venues != gold_venues):
            print(
                f"  people/venues {ga['article']}: "
                f"extra {sorted(predicted_people - _matched(predicted_people, gold_people))} "
                f"missing {sorted(gold_people - _matched(gold_people, predicted_people))} "
                f"venues missing {sorted(gold_venues - predicted_venues)} "
                f"extra {sorted(predicted_venues - gold_venues)}"
            )
    if verbose:
        for g, same_text in misses:
            got = ", ".join(sorted({p["speaker"] for p in same_text})) or "no statement"
            print(
                f"  miss {g['article']}: {g['speaker']} ({g['mention']} {g['cue']}) got {got}"
                f" | {g['quote'][:60]}"
            )
        for p in wrong:
            print(
                f"  extra {p['article']} ¶{p['paragraph']}: {p['speaker']} "
                f"({p['speaker_mention']} {p['cue']}) | {p['text'][:60]}"
            )
    return {
        "gold statements": len(gold),
        "statement precision": ratio(len(correct), len(persons)),
        "statement recall": ratio(found, len(gold)),
        "speaker accuracy": ratio(right_speaker, texts),
        "date accuracy": ratio(dated_right, dated),
        "date accuracy (at gold precision)": ratio(dated_lenient, dated),
        "people precision": ratio(people_right, people_pred),
        "people recall": ratio(people_found, people_gold),
        "venue precision": ratio(venue_hit, venue_pred),
        "venue recall": ratio(venue_hit, venue_gold),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--check", action="store_true", help="exit 1 when below a target")
    args = parser.parse_args()
    figures = score(args.corpus, args.gold, args.verbose)
    failed = []
    for name, value in figures.items():
        target = TARGETS.get(name)
        mark = "" if target is None else (" ok" if value >= target else f" BELOW {target:.2f}")
        print(
            f"{name:36} {value:8.3f}{mark}" if isinstance(value, float) else f"{name:36} {value:8}"
        )
        if target is not None and value < target:
            failed.append(name)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
