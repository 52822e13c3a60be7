#!/usr/bin/env python3
"""Self-check of the blind7 evaluation set (stdlib only).

Run:  python3 verify.py          (from anywhere; exit status 0 = all checks pass)

Checks
- every .jsonl file parses, one JSON object a line, with exactly the expected fields;
- every article file and every gold file is UTF-8 and NFC;
- every gold id (article) exists, and every article has a seed_articles.jsonl line;
- every statement quote (and every unattributed quote) occurs, after NFC, in the article BODY:
  not in the title, the byline, a photo caption, the front matter or the TIN LIÊN QUAN block;
- the mention (when given) occurs in the same body paragraph as the quote;
- kinds / dates are well formed; a `direct` quote lies inside quotation marks, an `indirect`
  one does not;
- dates are not after the article's date, unless the text itself gives that year; in an
  undated article a date needs its year written in the quote's paragraph;
- every speaker is listed in the article's people; every person is found in the body (by a
  name token or a known transliteration); venues use the canonical English spelling;
- gold/paragraphs.jsonl agrees with the body paragraph where each quote is found.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
ART = ROOT / "articles"
GOLD = ROOT / "gold"

STATEMENT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_FIELDS = ["article", "date", "people", "venues"]
NEWS_FIELDS = ["id", "title", "date", "source", "url", "text"]
UNATTR_FIELDS = ["article", "speaker_type", "mention", "kind", "cue", "date", "quote"]
PARA_FIELDS = ["article", "speaker", "quote", "paragraph"]
KINDS = {"direct", "indirect", "mixed"}
VENUES = {"Istanbul", "Antalya", "Ankara", "Riyadh", "Alaska", "Geneva", "Abu Dhabi", "Moscow",
          "Kyiv", "Budapest", "Washington", "Miami", "Florida", "Bishkek", "Belarus", "Saint Petersburg"}
# transliterations used by the hyphenated (older-outlet) or Sino-Vietnamese spellings
ALIASES = {
    "Vladimir Putin": ["pu-tin"], "Volodymyr Zelensky": ["de-len-xki"],
    "Cyril Ramaphosa": ["ra-ma-pho-xa"], "Dmitry Peskov": ["pe-xcop"],
    "Macky Sall": ["m.xan"], "Hakainde Hichilema": ["hi-chi-le-ma"],
    "Azali Assoumani": ["a-xu-ma-ni"], "He Lifeng": ["ha lap phong"],
    "Dmytro Kuleba": ["cu-le-ba"],
}
CAPTION = re.compile(r"(\(Ảnh:[^)]*\)\.?|[.)]\s*Ảnh:\s*[^.]{1,80})$")
BYLINE = re.compile(r"^[^\n|]{1,40} \|$")
QUOTED = re.compile(r"[“\"«]([^“”\"«»]*)[”\"»]")
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def is_caption(block: str) -> bool:
    lines = [l.strip() for l in block.split("\n") if l.strip()]
    return bool(lines) and all(len(l) < 260 and CAPTION.search(l) for l in lines)


def blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def parse_txt(raw: str) -> dict:
    m = re.match(r" date (\d{4}-\d{2}-\d{2}) ", raw)
    if m:  # layout A: " date YYYY-MM-DD " + caption or lead, then blank-line paragraphs
        parts = blocks(raw[m.end():])
        return {"layout": "A", "date": m.group(1), "title": None,
                "body": [p for p in parts if not is_caption(p)],
                "excluded": [p for p in parts if is_caption(p)]}
    # layout B: title, "Name |", lead, body, closing byline, optional TIN LIÊN QUAN block
    main, sep, related = raw.partition("\nTIN LIÊN QUAN")
    parts = blocks(main)
    title, rest = parts[0], parts[1:]
    excluded = [title]
    body = []
    for i, p in enumerate(rest):
        last = i == len(rest) - 1
        if BYLINE.match(p) or is_caption(p) or (last and len(p) < 40 and not re.search(r"[.!?”\"]$", p)):
            excluded.append(p)
        else:
            body.append(p)
    return {"layout": "B", "date": None, "title": title, "body": body,
            "excluded": excluded + ([related] if sep else [])}


def parse_md(raw: str) -> dict:
    m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
    if not m:
        err("md without front matter")
        return {"layout": "md", "date": None, "title": None, "body": [], "excluded": []}
    meta = {}
    for line in m.group(1).split("\n"):
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip().strip('"')
    for k in ("title", "date", "source"):
        if k not in meta:
            err(f"md front matter lacks {k}")
    return {"layout": "md", "date": meta.get("date") or None, "title": meta.get("title"),
            "body": blocks(raw[m.end():]), "excluded": [m.group(0)]}


def read_jsonl(path: Path, fields: list[str]) -> list[dict]:
    rows = []
    raw = path.read_text(encoding="utf-8")
    if raw != nfc(raw):
        err(f"{path.name}: not NFC")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            err(f"{path.name}:{n}: empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"{path.name}:{n}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict) or list(obj) != fields:
            err(f"{path.name}:{n}: fields {list(obj) if isinstance(obj, dict) else obj} != {fields}")
        rows.append(obj)
    return rows


def load_articles() -> dict[str, dict]:
    arts: dict[str, dict] = {}
    for path in sorted(ART.iterdir()):
        raw = path.read_bytes().decode("utf-8")
        if raw != nfc(raw):
            err(f"{path.name}: not NFC")
        if path.suffix == ".txt":
            arts[path.stem] = parse_txt(raw)
        elif path.suffix == ".md":
            arts[path.stem] = parse_md(raw)
        elif path.suffix == ".jsonl":
            for rec in read_jsonl(path, NEWS_FIELDS):
                if not re.match(r"^\d{4}-\d{2}-\d{2}$", rec.get("date") or ""):
                    err(f"{rec.get('id')}: bad date {rec.get('date')}")
                arts[rec["id"]] = {"layout": "jsonl", "date": rec["date"], "title": rec["title"],
                                   "body": blocks(rec["text"]), "excluded": [rec["title"]]}
        else:
            err(f"unexpected file {path.name}")
    return arts


def find_para(art: dict, quote: str) -> list[int]:
    q = nfc(quote)
    return [i for i, p in enumerate(art["body"], 1) if q in nfc(p)]


def in_quotes(par: str, quote: str) -> bool:
    return any(quote in m.group(1) for m in QUOTED.finditer(par))


def check_date(where: str, art: dict, date, par: str) -> None:
    if date is None:
        return
    if not isinstance(date, str) or not DATE_RE.match(date):
        err(f"{where}: bad date {date!r}")
        return
    adate = art["date"]
    body = " ".join(art["body"])
    if adate is None:
        if date[:4] not in par:
            err(f"{where}: undated article but date {date} has no year in the paragraph")
    elif date > adate[: len(date)] and date[:4] not in body:
        err(f"{where}: date {date} after article date {adate}")


def main() -> int:
    arts = load_articles()
    seeds = {r["article"]: r for r in read_jsonl(GOLD / "seed_articles.jsonl", ARTICLE_FIELDS)}
    for a in arts:
        if a not in seeds:
            err(f"{a}: no seed_articles line")
    for a, r in seeds.items():
        if a not in arts:
            err(f"seed_articles: unknown article {a}")
            continue
        art = arts[a]
        if r["date"] != art["date"]:
            err(f"{a}: seed date {r['date']} != article date {art['date']}")
        folded = fold(" ".join(art["body"]))
        for person in r["people"]:
            keys = [fold(t) for t in person.split() if len(t) > 2] + ALIASES.get(person, [])
            if not any(k in folded for k in keys):
                err(f"{a}: person {person} not found in body")
        for v in r["venues"]:
            if v not in VENUES:
                err(f"{a}: venue {v} not canonical")
        if len(set(r["people"])) != len(r["people"]) or len(set(r["venues"])) != len(r["venues"]):
            err(f"{a}: duplicate people/venues")

    stmts = read_jsonl(GOLD / "seed_statements.jsonl", STATEMENT_FIELDS)
    computed = []
    for n, s in enumerate(stmts, 1):
        where = f"seed_statements:{n} ({s['article']}, {s['speaker']})"
        art = arts.get(s["article"])
        if art is None:
            err(f"{where}: unknown article")
            continue
        if s["speaker"] not in seeds.get(s["article"], {}).get("people", []):
            err(f"{where}: speaker not in people")
        if s["kind"] not in KINDS:
            err(f"{where}: bad kind")
        hits = find_para(art, s["quote"])
        if len(hits) != 1:
            err(f"{where}: quote found in {len(hits)} body paragraphs: {s['quote']!r}")
            continue
        par = nfc(art["body"][hits[0] - 1])
        for ex in art["excluded"]:
            if nfc(s["quote"]) in nfc(ex):
                err(f"{where}: quote also occurs outside the body")
        if s["mention"] is not None and fold(s["mention"]) not in fold(par):
            err(f"{where}: mention {s['mention']!r} not in paragraph {hits[0]}")
        if s["kind"] == "direct" and not in_quotes(par, nfc(s["quote"])):
            err(f"{where}: direct quote not inside quotation marks")
        if s["kind"] == "indirect" and in_quotes(par, nfc(s["quote"])):
            err(f"{where}: indirect quote inside quotation marks")
        if s["kind"] == "mixed" and not QUOTED.search(par):
            err(f"{where}: mixed but no quotation marks in paragraph")
        check_date(where, art, s["date"], par)
        computed.append({"article": s["article"], "speaker": s["speaker"], "quote": s["quote"],
                         "paragraph": hits[0]})

    paras = read_jsonl(GOLD / "paragraphs.jsonl", PARA_FIELDS)
    if paras != computed:
        err("paragraphs.jsonl does not match the statements / body paragraphs")

    for n, u in enumerate(read_jsonl(GOLD / "unattributed.jsonl", UNATTR_FIELDS), 1):
        where = f"unattributed:{n} ({u['article']})"
        art = arts.get(u["article"])
        if art is None:
            err(f"{where}: unknown article")
            continue
        if u["speaker_type"] not in {"organization", "unnamed"}:
            err(f"{where}: bad speaker_type")
        hits = find_para(art, u["quote"])
        if len(hits) != 1:
            err(f"{where}: quote found in {len(hits)} body paragraphs")
            continue
        check_date(where, art, u["date"], art["body"][hits[0] - 1])

    per = {}
    for s in stmts:
        per[s["article"]] = per.get(s["article"], 0) + 1
    for e in errors:
        print("FAIL", e)
    print(f"{len(arts)} articles, {len(stmts)} statements: "
          + ", ".join(f"{a[7:9]}={per.get(a, 0)}" for a in sorted(arts)))
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
