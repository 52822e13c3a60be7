#!/usr/bin/env python3
"""Sanity checks for the blind4 evaluation set (standard library only).

Checks: gold fields, quote verbatim (NFC) in the article body (caption, byline and any
TIN LIÊN QUAN block excluded), quote length 4-15 words and free of quotation marks,
dates valid (YYYY-MM-DD / YYYY-MM / null) and not after the article date, speakers listed
in the article's people, ASCII canonical names, every article has a gold record."""
import datetime, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NFC = lambda s: unicodedata.normalize("NFC", s)
QMARKS = '"“”‘’«»'
errors = []


def err(msg):
    errors.append(msg)


def load_articles():
    arts = {}
    adir = os.path.join(HERE, "articles")
    for fn in sorted(os.listdir(adir)):
        path = os.path.join(adir, fn)
        if fn.endswith(".txt"):
            text = NFC(open(path, encoding="utf-8").read())
            lines = text.split("\n")
            if lines[0].startswith(" date "):  # layout A
                m = re.match(r" date (\d{4}-\d{2}-\d{2}) ", lines[0])
                if not m:
                    err(f"{fn}: bad layout-A first line")
                    continue
                date, body = m.group(1), "\n".join(lines[1:])
            else:  # layout B: title, byline, lead, body, closing byline, TIN LIÊN QUAN
                date = None
                body = text.split("TIN LIÊN QUAN")[0]
                if not re.search(r"^\S.* \|$", body, re.M):
                    err(f"{fn}: layout B without 'Byline |' line")
            arts[fn[:-4]] = (date, body)
        elif fn.endswith(".jsonl"):
            for i, line in enumerate(open(path, encoding="utf-8")):
                r = json.loads(line)
                for k in ("id", "title", "date", "source", "url", "text"):
                    if k not in r:
                        err(f"{fn}:{i+1} missing {k}")
                datetime.datetime.fromisoformat(r["date"])
                arts[r["id"]] = (r["date"][:10], NFC(r["text"]))
    return arts


def main():
    arts = load_articles()
    gold_a = {}
    for line in open(os.path.join(HERE, "gold", "seed_articles.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if set(r) != {"article", "date", "people", "venues"}:
            err(f"seed_articles: bad fields {sorted(r)}")
        gold_a[r["article"]] = r
        if r["article"] not in arts:
            err(f"seed_articles: unknown article {r['article']}")
            continue
        if r["date"] != arts[r["article"]][0]:
            err(f"{r['article']}: gold date {r['date']} != article date {arts[r['article']][0]}")
        for n in r["people"] + r["venues"]:
            if not n.isascii():
                err(f"{r['article']}: non-ASCII name {n!r}")
        if len(set(r["people"])) != len(r["people"]):
            err(f"{r['article']}: duplicate people")
    for a in arts:
        if a not in gold_a:
            err(f"article {a} has no seed_articles record")

    counts = {a: 0 for a in arts}
    fields = {"article", "speaker", "mention", "kind", "cue", "date", "quote"}
    for i, line in enumerate(open(os.path.join(HERE, "gold", "seed_statements.jsonl"), encoding="utf-8")):
        s = json.loads(line)
        where = f"statement {i+1} ({s.get('article')}, {s.get('speaker')})"
        if set(s) != fields:
            err(f"{where}: fields {sorted(s)}")
            continue
        if s["article"] not in arts:
            err(f"{where}: unknown article")
            continue
        counts[s["article"]] += 1
        adate, body = arts[s["article"]]
        q = NFC(s["quote"])
        if q not in body:
            err(f"{where}: quote not verbatim in body: {q!r}")
        if any(c in q for c in QMARKS):
            err(f"{where}: quote contains quotation marks")
        if not 4 <= len(q.split()) <= 15:
            err(f"{where}: quote has {len(q.split())} words")
        if NFC(s["mention"]) not in body:
            err(f"{where}: mention not in body: {s['mention']!r}")
        if s["kind"] not in ("direct", "indirect", "mixed"):
            err(f"{where}: bad kind {s['kind']}")
        if s["speaker"] not in gold_a.get(s["article"], {}).get("people", []):
            err(f"{where}: speaker not in people")
        d = s["date"]
        if d is not None:
            try:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                    datetime.date.fromisoformat(d)
                elif re.fullmatch(r"\d{4}-\d{2}", d):
                    datetime.date.fromisoformat(d + "-01")
                else:
                    raise ValueError
            except ValueError:
                err(f"{where}: bad date {d!r}")
                continue
            if adate and d > adate[: len(d)]:
                err(f"{where}: date {d} after article date {adate}")
    for a, n in sorted(counts.items()):
        print(f"{a}: {n} statements, {len(gold_a.get(a, {}).get('people', []))} people, venues {gold_a.get(a, {}).get('venues')}")
    print(f"total: {sum(counts.values())} statements in {len(arts)} articles")
    if errors:
        print(f"{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
