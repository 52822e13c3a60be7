#!/usr/bin/env python3
"""Consistency check for the held-out gold set (standard library only).

Checks, for every gold statement:
  * the article exists (a corpus/*.txt stem or an `id` in corpus/feed.jsonl);
  * the fields are exactly article, speaker, mention, kind, cue, date, quote;
  * kind is direct / indirect / mixed;
  * the quote occurs verbatim, after Unicode NFC, in the article's body (files decoded
    as strict UTF-8; the TIN LIÊN QUAN block and everything after it is not body) and
    is 4-15 words long;
  * the date is null, a real YYYY-MM-DD day or a YYYY-MM month, and is not after the
    article's own date;
  * the speaker is listed in the article's people.
and, for every article: a seed_articles line exists, its date equals the date in the
file (layout A first line / feed `date`; null for layout B), people and venues are
non-empty lists without duplicates.

Run: python3 tests/data/heldout/verify.py   (exit status 1 on any error)
"""

import datetime
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
GOLD = os.path.join(HERE, "gold")
STATEMENT_FIELDS = {"article", "speaker", "mention", "kind", "cue", "date", "quote"}
ARTICLE_FIELDS = {"article", "date", "people", "venues"}
RELATED = "TIN LIÊN QUAN"
MODERN = re.compile(r"(?:[òóỏõọ]a|[òóỏõọ]e|[ùúủũụ]y)(?!\w)", re.I)
OLD = re.compile(r"(?:o[àáảãạ]|o[èéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])(?!\w)", re.I)  # not "quỹ"

errors = []


def err(msg):
    errors.append(msg)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def load_articles():
    """Return {id: dict(body, date, layout, raw_is_nfc, source)}."""
    arts = {}
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name)
        if name.endswith(".txt"):
            with open(path, "rb") as f:
                raw = f.read().decode("utf-8")  # strict: fails loudly on bad bytes
            text = nfc(raw)
            m = re.match(r" date (\d{4}-\d{2}-\d{2}) ", text)
            layout = "A" if m else "B"
            body = text
            if layout == "B":
                cut = body.find("\n" + RELATED)
                if cut >= 0:
                    body = body[:cut]
            arts[name[:-4]] = dict(
                body=body,
                full=text,
                date=m.group(1) if m else None,
                layout=layout,
                raw_is_nfc=(raw == text),
                source=name,
            )
        elif name.endswith(".jsonl"):
            with open(path, "rb") as f:
                for n, line in enumerate(f.read().decode("utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    missing = {"id", "title", "date", "url", "source", "text"} - set(rec)
                    if missing:
                        err(f"{name}:{n}: missing fields {sorted(missing)}")
                        continue
                    body = nfc(rec["title"] + "\n\n" + rec["text"])
                    arts[rec["id"]] = dict(
                        body=body,
                        full=body,
                        date=rec["date"][:10],
                        layout="jsonl",
                        raw_is_nfc=(rec["text"] == nfc(rec["text"])),
                        source=f"{name}:{n}",
                    )
    return arts


def parse_date(value):
    """Return (kind, date-string) or raise ValueError."""
    if value is None:
        return None, None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        datetime.date.fromisoformat(value)
        return "day", value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        datetime.date.fromisoformat(value + "-01")
        return "month", value
    raise ValueError(value)


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                out.append((n, json.loads(line)))
    return out


def main():
    arts = load_articles()
    meta = {}
    for n, rec in read_jsonl(os.path.join(GOLD, "seed_articles.jsonl")):
        if set(rec) != ARTICLE_FIELDS:
            err(f"seed_articles:{n}: fields {sorted(rec)}")
            continue
        a = rec["article"]
        if a in meta:
            err(f"seed_articles:{n}: duplicate article {a}")
        meta[a] = rec
        if a not in arts:
            err(f"seed_articles:{n}: no article file for {a}")
            continue
        if rec["date"] != arts[a]["date"]:
            err(f"{a}: gold date {rec['date']} != file date {arts[a]['date']}")
        for key in ("people", "venues"):
            vals = rec[key]
            if not isinstance(vals, list) or not vals:
                err(f"{a}: {key} must be a non-empty list")
            elif len(set(vals)) != len(vals):
                err(f"{a}: duplicate {key}: {[v for v, c in Counter(vals).items() if c > 1]}")
    for a in arts:
        if a not in meta:
            err(f"{a}: article has no seed_articles line")

    counts = Counter()
    kinds = Counter()
    dated = Counter()
    for n, st in read_jsonl(os.path.join(GOLD, "seed_statements.jsonl")):
        where = f"seed_statements:{n}"
        if set(st) != STATEMENT_FIELDS:
            err(f"{where}: fields {sorted(st)}")
            continue
        a = st["article"]
        if a not in arts:
            err(f"{where}: unknown article {a}")
            continue
        counts[a] += 1
        kinds[st["kind"]] += 1
        if st["kind"] not in ("direct", "indirect", "mixed"):
            err(f"{where}: bad kind {st['kind']}")
        quote = nfc(st["quote"])
        words = len(quote.split())
        if not 4 <= words <= 15:
            err(f"{where}: quote has {words} words: {quote!r}")
        body = arts[a]["body"]
        hits = body.count(quote)
        if hits == 0:
            extra = " (only in the related-news block)" if quote in arts[a]["full"] else ""
            err(f"{where}: quote not in {a}{extra}: {quote!r}")
        elif hits > 1:
            print(f"note  {where}: quote occurs {hits} times in {a}: {quote!r}")
        try:
            kind, d = parse_date(st["date"])
        except ValueError:
            err(f"{where}: invalid date {st['date']!r}")
            kind, d = None, None
        dated[kind or "null"] += 1
        art_date = arts[a]["date"]
        if d and art_date:
            if (kind == "day" and d > art_date) or (kind == "month" and d > art_date[:7]):
                err(f"{where}: date {d} is after the article date {art_date}")
        if a in meta and st["speaker"] not in meta[a]["people"]:
            err(f"{where}: speaker {st['speaker']!r} not in people of {a}")

    print("Articles (id, source, layout, article date, encoding/tone notes, statements):")
    for a in sorted(arts):
        info = arts[a]
        notes = []
        if not info["raw_is_nfc"]:
            notes.append("stored NFD/not NFC")
        modern, old = len(MODERN.findall(info["body"])), len(OLD.findall(info["body"]))
        if old and not modern:
            notes.append(f"old tone placement only ({old} forms)")
        elif old:
            notes.append(f"tone placement mixed: {modern} modern, {old} old")
        print(
            f"  {a:28} {info['source']:28} {info['layout']:5} {info['date']!s:10} "
            f"{', '.join(notes) or '-':32} {counts[a]:3d}"
        )
    print(f"Total statements: {sum(counts.values())}  kinds: {dict(kinds)}  dates: {dict(dated)}")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all quotes found, dates valid and not after the article date, speakers in people.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
