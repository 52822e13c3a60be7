#!/usr/bin/env python3
"""Self-check of the blind2 evaluation set (standard library only).

Checks that the gold files are consistent with the articles:
  * every article file has a gold record and vice versa; article dates agree
    with what the file itself states (layout A date line / jsonl `date`);
  * statement records have exactly the expected fields and allowed values;
  * every quote occurs verbatim (after NFC) in its article's body text
    (the TIN LIÊN QUAN block is excluded), is 4-15 words, has no quotation marks;
  * every non-null mention occurs verbatim in the article body;
  * dates are valid YYYY-MM-DD / YYYY-MM and not after the article date;
  * every speaker is listed in the article's people.

Usage:  python3 verify.py            (exit status 0 when everything passes)
"""
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ART_DIR = os.path.join(HERE, "articles")
GOLD_DIR = os.path.join(HERE, "gold")

STMT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ART_FIELDS = ["article", "date", "people", "venues"]
KINDS = {"direct", "indirect", "mixed"}
QUOTE_CHARS = "\"'“”‘’«»„"
RELATED = "TIN LIÊN QUAN"


def nfc(s):
    return unicodedata.normalize("NFC", s)


def decode(raw):
    """utf-8 first, then Windows-1258; returns (text NFC, encoding, was_nfc)."""
    try:
        text, enc = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = raw.decode("cp1258"), "cp1258"
    if text.startswith("\ufeff"):
        text = text[1:]
    return nfc(text), enc, unicodedata.is_normalized("NFC", text)


def body_of(text):
    """Article text without the related-news block."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == RELATED:
            return "\n".join(lines[:i])
    return text


def load_articles():
    arts = {}
    for name in sorted(os.listdir(ART_DIR)):
        path = os.path.join(ART_DIR, name)
        stem, ext = os.path.splitext(name)
        with open(path, "rb") as f:
            raw = f.read()
        if ext == ".jsonl":
            for line in raw.decode("utf-8").splitlines():
                if not line.strip():
                    continue
                rec = json.loads(line)
                text = nfc(rec["title"] + "\n\n" + rec["text"])
                date = rec.get("date")
                arts[rec["id"]] = {
                    "file": name, "enc": "utf-8 (jsonl)", "nfc": True,
                    "text": text, "body": text,
                    "date": date[:10] if date else None,
                }
        elif ext in (".txt", ".md"):
            text, enc, was_nfc = decode(raw)
            m = re.match(r"^ date (\d{4}-\d{2}-\d{2}) ", text)
            arts[stem] = {
                "file": name, "enc": enc, "nfc": was_nfc,
                "text": text, "body": body_of(text),
                "date": m.group(1) if m else None,
            }
    return arts


def parse_date(s):
    """Return (first_day, last_day) of a YYYY-MM-DD or YYYY-MM string, or None."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            d = datetime.date.fromisoformat(s)
        except ValueError:
            return None
        return d, d
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = int(s[:4]), int(s[5:])
        if not 1 <= m <= 12:
            return None
        return datetime.date(y, m, 1), datetime.date(y, m, 1)
    return None


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    errors = []
    arts = load_articles()
    gold_arts = read_jsonl(os.path.join(GOLD_DIR, "seed_articles.jsonl"))
    stmts = read_jsonl(os.path.join(GOLD_DIR, "seed_statements.jsonl"))

    ga = {}
    for rec in gold_arts:
        if list(rec) != ART_FIELDS:
            errors.append(f"article record fields {list(rec)} for {rec.get('article')}")
        ga[rec["article"]] = rec
    for aid in arts:
        if aid not in ga:
            errors.append(f"{aid}: article file without gold record")
    for aid, rec in ga.items():
        if aid not in arts:
            errors.append(f"{aid}: gold record without article")
            continue
        if rec["date"] != arts[aid]["date"]:
            errors.append(f"{aid}: gold date {rec['date']} != date in file {arts[aid]['date']}")
        if rec["date"] is not None and not parse_date(rec["date"]):
            errors.append(f"{aid}: bad article date {rec['date']}")
        if len(set(rec["people"])) != len(rec["people"]):
            errors.append(f"{aid}: duplicate people")
        if len(set(rec["venues"])) != len(rec["venues"]):
            errors.append(f"{aid}: duplicate venues")

    per_article = {aid: 0 for aid in ga}
    for i, s in enumerate(stmts, 1):
        where = f"statement {i} ({s.get('article')}, {s.get('speaker')})"
        if list(s) != STMT_FIELDS:
            errors.append(f"{where}: fields {list(s)}")
            continue
        aid = s["article"]
        if aid not in arts or aid not in ga:
            errors.append(f"{where}: unknown article")
            continue
        per_article[aid] += 1
        body = arts[aid]["body"]
        q = nfc(s["quote"])
        if q not in body:
            errors.append(f"{where}: quote not found verbatim: {q!r}")
        if any(c in q for c in QUOTE_CHARS):
            errors.append(f"{where}: quotation mark inside quote")
        n = len(q.split())
        if not 4 <= n <= 15:
            errors.append(f"{where}: quote has {n} words")
        if s["mention"] is not None and nfc(s["mention"]) not in body:
            errors.append(f"{where}: mention not found: {s['mention']!r}")
        if s["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {s['kind']!r}")
        if s["speaker"] not in ga[aid]["people"]:
            errors.append(f"{where}: speaker not in the article's people")
        if s["date"] is not None:
            pd = parse_date(s["date"])
            if not pd:
                errors.append(f"{where}: bad date {s['date']!r}")
            elif ga[aid]["date"]:
                adate = datetime.date.fromisoformat(ga[aid]["date"])
                if pd[0] > adate:
                    errors.append(f"{where}: date {s['date']} after article date {ga[aid]['date']}")

    print(f"{'article':<22} {'file':<16} {'encoding':<14} {'NFC':<4} {'date':<11} stmts people venues")
    for aid in sorted(arts):
        a, g = arts[aid], ga.get(aid, {"people": [], "venues": []})
        print(f"{aid:<22} {a['file']:<16} {a['enc']:<14} {'yes' if a['nfc'] else 'no':<4} "
              f"{str(a['date']):<11} {per_article.get(aid, 0):>5} {len(g['people']):>6} {len(g['venues']):>6}")
    print(f"total: {len(arts)} articles, {len(stmts)} statements")
    if errors:
        print(f"\nFAIL: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
