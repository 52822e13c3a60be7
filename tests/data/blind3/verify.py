#!/usr/bin/env python3
"""Sanity checks for the blind3 gold set (standard library only).

Checks: every article loads (layout A / layout B .txt, .jsonl records); every gold quote is a
verbatim 4-15-word piece of its article's body (NFC, related-news block excluded, no quotation
marks inside the piece); statement fields are exactly the gold schema; kinds are valid; dates
are YYYY-MM-DD / YYYY-MM / null, valid, and not after the article's date; speakers are listed in
the article's people; people and venues are plain ASCII; every article has a seed_articles row.
Exit status 0 when everything passes.
"""
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
KINDS = {"direct", "indirect", "mixed"}
QUOTE_CHARS = "\"“”‘’«»"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def load_articles():
    arts = {}
    for p in sorted((HERE / "articles").iterdir()):
        if p.suffix == ".txt":
            raw = nfc(p.read_text(encoding="utf-8"))
            lines = raw.split("\n")
            if lines[0].startswith(" date "):
                m = re.match(r" date (\d{4}-\d{2}-\d{2}) ", lines[0])
                if not m:
                    raise SystemExit(f"{p.name}: bad layout-A first line")
                arts[p.stem] = {"date": m.group(1), "body": raw, "layout": "A"}
            else:
                if not (len(lines) > 2 and lines[2].rstrip().endswith("|")):
                    raise SystemExit(f"{p.name}: layout B needs 'Byline |' on line 3")
                body = raw.split("\nTIN LIÊN QUAN")[0]
                arts[p.stem] = {"date": None, "body": body, "layout": "B"}
        elif p.suffix == ".jsonl":
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                need = {"id", "title", "date", "source", "url", "text"}
                if set(r) != need:
                    raise SystemExit(f"{p.name}:{n}: fields {sorted(r)} != {sorted(need)}")
                d = dt.datetime.fromisoformat(r["date"]).date().isoformat()
                arts[r["id"]] = {"date": d, "body": nfc(r["title"] + "\n\n" + r["text"]), "layout": "jsonl"}
    return arts


def parse_date(s):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s), "day"
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        return dt.date(y, m, 1), "month"
    raise ValueError(s)


def main():
    errs = []
    arts = load_articles()
    meta = {}
    for n, line in enumerate((HERE / "gold/seed_articles.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        r = json.loads(line)
        if set(r) != {"article", "date", "people", "venues"}:
            errs.append(f"seed_articles:{n}: bad fields {sorted(r)}")
        if r["article"] not in arts:
            errs.append(f"seed_articles:{n}: unknown article {r['article']}")
            continue
        if r["date"] != arts[r["article"]]["date"]:
            errs.append(f"seed_articles:{n}: date {r['date']} != article date {arts[r['article']]['date']}")
        for x in r["people"] + r["venues"]:
            if not x.isascii():
                errs.append(f"seed_articles:{n}: non-ASCII name {x!r}")
        if len(set(r["people"])) != len(r["people"]):
            errs.append(f"seed_articles:{n}: duplicate people")
        meta[r["article"]] = r
    for a in arts:
        if a not in meta:
            errs.append(f"article {a} has no seed_articles row")

    counts = {a: 0 for a in arts}
    for n, line in enumerate((HERE / "gold/seed_statements.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        r = json.loads(line)
        where = f"seed_statements:{n}"
        if list(r) != FIELDS:
            errs.append(f"{where}: fields {list(r)} != {FIELDS}")
            continue
        a = r["article"]
        if a not in arts:
            errs.append(f"{where}: unknown article {a}")
            continue
        counts[a] += 1
        if r["kind"] not in KINDS:
            errs.append(f"{where}: bad kind {r['kind']}")
        q = nfc(r["quote"])
        if any(c in q for c in QUOTE_CHARS):
            errs.append(f"{where}: quote contains quotation marks")
        if not 4 <= len(q.split()) <= 15:
            errs.append(f"{where}: quote has {len(q.split())} words")
        if q not in arts[a]["body"]:
            errs.append(f"{where}: quote not found verbatim: {q!r}")
        if nfc(r["mention"]) not in arts[a]["body"]:
            errs.append(f"{where}: mention not found: {r['mention']!r}")
        if r["speaker"] not in meta.get(a, {}).get("people", []):
            errs.append(f"{where}: speaker {r['speaker']} not in people")
        if not r["speaker"].isascii():
            errs.append(f"{where}: speaker not ASCII")
        if r["date"] is not None:
            try:
                d, gran = parse_date(r["date"])
            except ValueError:
                errs.append(f"{where}: invalid date {r['date']}")
                continue
            ad = arts[a]["date"]
            if ad is not None:
                ad = dt.date.fromisoformat(ad)
                if (gran == "day" and d > ad) or (gran == "month" and (d.year, d.month) > (ad.year, ad.month)):
                    errs.append(f"{where}: date {r['date']} after article date {ad}")

    for a in sorted(arts):
        print(f"{a:28s} layout={arts[a]['layout']:5s} date={arts[a]['date']}  statements={counts[a]}  people={len(meta.get(a, {}).get('people', []))}")
    print(f"total statements: {sum(counts.values())}")
    if errs:
        print("\n".join("ERROR " + e for e in errs))
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
