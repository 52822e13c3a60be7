#!/usr/bin/env python3
"""Self-check of the blind9 set (standard library only): `python3 verify.py` prints OK.

Checks the encoding of every file (UTF-8, NFC, LF), splits each article into body paragraphs
the way README.md describes (layout A / layout B / markdown / JSONL; captions, title, bylines,
the front matter and the TIN LIÊN QUAN block left out), and then checks the gold:

* seed_statements.jsonl: exact field set, known article, kind, date form, the date not after the
  article's date, the speaker listed among the article's people, the quote NFC and found in
  exactly one body paragraph, the mention found in that same paragraph;
* paragraphs.jsonl: one line per statement, the right paragraph index and text;
* unattributed.jsonl: fields, speaker_type, quote in exactly the given paragraph, and no overlap
  with a person statement's quote;
* seed_articles.jsonl: one row per article, the article's date, people and venues as unique
  lists, every person and venue findable in the body under one of its spellings, and none of
  them only in text that is not body (title, captions, bylines, related block);
* the counts stated in README.md.
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(ROOT, "articles")
GOLD = os.path.join(ROOT, "gold")

STATEMENT_FIELDS = {"article", "speaker", "mention", "kind", "cue", "date", "quote"}
UNATTRIBUTED_FIELDS = {"article", "speaker", "speaker_type", "mention", "cue", "quote", "paragraph"}
KINDS = {"direct", "indirect", "mixed"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
CAPTION_RE = re.compile(r"(\(Ảnh:[^()]*\)|\bẢnh:\s*\S[^.]*)\.?$")
BYLINE_RE = re.compile(r"^(.+) \|$")
PARA_SPLIT = re.compile(r"\n[ \t]*\n")

EXPECTED = {"statements": 91, "unattributed": 8, "articles": 10}

# Spellings under which a canonical person / venue is written in the articles (the canonical
# form itself is always tried, and so is its last word for people).
PERSON_ALIASES = {
    "Sergei Lavrov": ["Láp-rốp"],
    "Dmytro Kuleba": ["Cu-lê-ba"],
    "Mevlut Cavusoglu": ["Ca-vu-xô-lu"],
    "Recep Tayyip Erdogan": ["Ê-cđô-gan"],
    "Vladimir Putin": ["Pu-tin"],
    "Volodymyr Zelensky": ["Dê-len-xki"],
    "Jens Stoltenberg": ["Xtôn-ten-bớc"],
    "Antony Blinken": ["Blin-kén"],
    "Dmitry Peskov": ["Pê-xcốp"],
    "Wang Yi": ["Vương Nghị"],
    "Li Hui": ["Lý Huy"],
    "Pope Francis": ["Giáo hoàng Francis"],
}
VENUE_ALIASES = {
    "Moscow": ["Mátxcơva", "Moskva", "Mát-xcơ-va", "Moscow"],
    "Kyiv": ["Kiev", "Kyiv", "Ki-ép"],
    "Geneva": ["Giơ-ne-vơ", "Geneva"],
    "Antalya": ["An-ta-li-a"],
    "Istanbul": ["Istanbul", "I-xtan-bun"],
    "Ankara": ["Ăng-ca-ra", "Ankara"],
    "Belarus": ["Belarus", "Bê-la-rút"],
    "Saudi Arabia": ["Ả Rập Xê Út"],
    "Beijing": ["Bắc Kinh"],
}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def check_text(name: str, text: str) -> None:
    if not unicodedata.is_normalized("NFC", text):
        err(f"{name}: not NFC")
    if "\r" in text:
        err(f"{name}: CR found (must be LF only)")
    if not text.endswith("\n"):
        err(f"{name}: no final newline")


def read(path: str) -> str:
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # raises if not UTF-8
    check_text(os.path.relpath(path, ROOT), text)
    return text


def split_body(body: str) -> tuple[list[str], list[str]]:
    """Blank-line paragraphs of a body, captions removed. Returns (paragraphs, captions)."""
    paras, caps = [], []
    for block in PARA_SPLIT.split(body.strip("\n")):
        block = block.strip()
        if not block:
            continue
        (caps if CAPTION_RE.search(block) else paras).append(block)
    return paras, caps


def load_articles() -> dict[str, dict]:
    arts: dict[str, dict] = {}
    for fn in sorted(os.listdir(ARTICLES)):
        path = os.path.join(ARTICLES, fn)
        text = read(path)
        if fn.endswith(".jsonl"):
            for i, line in enumerate(text.splitlines()):
                rec = json.loads(line)
                if set(rec) != {"id", "title", "date", "source", "url", "text"}:
                    err(f"{fn}:{i}: fields {sorted(rec)}")
                for k, v in rec.items():
                    if not unicodedata.is_normalized("NFC", v):
                        err(f"{fn}:{i}: field {k} not NFC")
                paras, caps = split_body(rec["text"])
                arts[rec["id"]] = dict(layout="jsonl", date=rec["date"], paras=paras,
                                       other=[rec["title"], *caps])
            continue
        stem = fn.rsplit(".", 1)[0]
        if fn.endswith(".md"):
            m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
            if not m:
                err(f"{fn}: no YAML front matter")
                continue
            meta = dict(l.split(": ", 1) for l in m.group(1).splitlines())
            paras, caps = split_body(text[m.end():])
            arts[stem] = dict(layout="md", date=meta.get("date"), paras=paras,
                              other=[meta.get("title", ""), *caps])
        elif text.startswith(" date "):
            header, _, body = text.partition("\n")
            date = header[6:16]
            paras, caps = split_body(body)
            arts[stem] = dict(layout="A", date=date, paras=paras,
                              other=[header[17:], *caps])
        else:
            lines = text.split("\n")
            title = lines[0]
            bm = BYLINE_RE.match(lines[2]) if len(lines) > 2 else None
            if lines[1] != "" or not bm:
                err(f"{fn}: layout B needs title, blank line, 'Name |'")
                continue
            author = bm.group(1)
            try:
                end = lines.index(author, 3)
            except ValueError:
                err(f"{fn}: closing byline {author!r} missing")
                continue
            paras, caps = split_body("\n".join(lines[3:end]))
            rest = "\n".join(lines[end + 1:])
            arts[stem] = dict(layout="B", date=None, paras=paras,
                              other=[title, *caps, rest])
    return arts


def load_jsonl(name: str) -> list[dict]:
    text = read(os.path.join(GOLD, name))
    return [json.loads(l) for l in text.splitlines()]


def where(arts: dict, article: str, piece: str) -> list[int]:
    return [i for i, p in enumerate(arts[article]["paras"]) if piece in p]


def main() -> int:
    arts = load_articles()
    if len(arts) != EXPECTED["articles"]:
        err(f"{len(arts)} articles, expected {EXPECTED['articles']}")
    for a in arts.values():
        if any(p.startswith(" date ") for p in a["paras"]):
            err("header line leaked into body")

    rows = load_jsonl("seed_articles.jsonl")
    meta = {}
    for r in rows:
        if set(r) != {"article", "date", "people", "venues"}:
            err(f"seed_articles: fields {sorted(r)}")
        if r["article"] in meta:
            err(f"seed_articles: duplicate {r['article']}")
        meta[r["article"]] = r
    if set(meta) != set(arts):
        err(f"seed_articles vs articles: {sorted(set(meta) ^ set(arts))}")
    for aid, r in meta.items():
        a = arts.get(aid)
        if a is None:
            continue
        if r["date"] != a["date"]:
            err(f"{aid}: date {r['date']} != article {a['date']}")
        body = "\n".join(a["paras"])
        for key, aliases in (("people", PERSON_ALIASES), ("venues", VENUE_ALIASES)):
            vals = r[key]
            if len(vals) != len(set(vals)):
                err(f"{aid}: duplicate {key}")
            for v in vals:
                forms = [v, *aliases.get(v, [])]
                if key == "people":
                    forms.append(v.split()[-1])
                if not any(f in body for f in forms):
                    err(f"{aid}: {key[:-1]} {v!r} not found in the body")

    stmts = load_jsonl("seed_statements.jsonl")
    if len(stmts) != EXPECTED["statements"]:
        err(f"{len(stmts)} statements, expected {EXPECTED['statements']}")
    found_par = []
    for n, s in enumerate(stmts):
        tag = f"statement {n} ({s.get('article')}, {s.get('speaker')})"
        if set(s) != STATEMENT_FIELDS:
            err(f"{tag}: fields {sorted(s)}")
            found_par.append(None)
            continue
        if s["article"] not in arts:
            err(f"{tag}: unknown article")
            found_par.append(None)
            continue
        if s["kind"] not in KINDS:
            err(f"{tag}: kind {s['kind']}")
        if s["date"] is not None:
            if not DATE_RE.match(s["date"]):
                err(f"{tag}: date {s['date']}")
            adate = arts[s["article"]]["date"]
            if adate and s["date"] > adate:
                err(f"{tag}: date {s['date']} after the article's {adate}")
        for k in ("speaker", "mention", "cue", "quote"):
            if not s[k] or not unicodedata.is_normalized("NFC", s[k]):
                err(f"{tag}: {k} empty or not NFC")
        if s["speaker"] not in meta.get(s["article"], {}).get("people", []):
            err(f"{tag}: speaker not in the article's people")
        hits = where(arts, s["article"], s["quote"])
        if len(hits) != 1:
            err(f"{tag}: quote in {len(hits)} body paragraphs: {s['quote']!r}")
            found_par.append(None)
            continue
        par = arts[s["article"]]["paras"][hits[0]]
        if s["mention"] not in par:
            err(f"{tag}: mention {s['mention']!r} not in the quote's paragraph")
        if par.startswith("PV:"):
            err(f"{tag}: quote taken from an interviewer's question")
        for other in arts[s["article"]]["other"]:
            if s["quote"] in other:
                err(f"{tag}: quote also occurs outside the body")
        found_par.append(hits[0])

    pars = load_jsonl("paragraphs.jsonl")
    if len(pars) != len(stmts):
        err(f"paragraphs.jsonl: {len(pars)} lines for {len(stmts)} statements")
    for n, (p, s, idx) in enumerate(zip(pars, stmts, found_par)):
        if set(p) != {"n", "article", "paragraph", "text"}:
            err(f"paragraphs {n}: fields {sorted(p)}")
            continue
        if p["n"] != n or p["article"] != s.get("article") or p["paragraph"] != idx:
            err(f"paragraphs {n}: n/article/paragraph mismatch ({p['paragraph']} vs {idx})")
        elif p["text"] != arts[p["article"]]["paras"][idx]:
            err(f"paragraphs {n}: text mismatch")

    unat = load_jsonl("unattributed.jsonl")
    if len(unat) != EXPECTED["unattributed"]:
        err(f"{len(unat)} unattributed, expected {EXPECTED['unattributed']}")
    for n, u in enumerate(unat):
        tag = f"unattributed {n} ({u.get('article')})"
        if set(u) != UNATTRIBUTED_FIELDS:
            err(f"{tag}: fields {sorted(u)}")
            continue
        if u["article"] not in arts:
            err(f"{tag}: unknown article")
            continue
        if u["speaker_type"] not in {"organization", "unnamed"}:
            err(f"{tag}: speaker_type {u['speaker_type']}")
        hits = where(arts, u["article"], u["quote"])
        if hits != [u["paragraph"]]:
            err(f"{tag}: quote found in paragraphs {hits}, listed {u['paragraph']}")
        for s in stmts:
            if s.get("article") == u["article"] and (s["quote"] in u["quote"] or u["quote"] in s["quote"]):
                err(f"{tag}: overlaps a person statement's quote")

    # counts stated in README.md
    readme = read(os.path.join(ROOT, "README.md"))
    if "**BLIND: never tune on it, never read it while writing rules, only measure.**" not in readme:
        err("README: BLIND line missing")
    if not readme.rstrip("\n").endswith("## Runs (note from the extractor's maintainer)"):
        err("README: must end with the empty Runs section")
    per = {}
    for s in stmts:
        per[s["article"]] = per.get(s["article"], 0) + 1
    for aid, k in per.items():
        short = aid.split("_")[1]
        if f"{short} → {k}" not in readme:
            err(f"README: count '{short} → {k}' missing")
    if f"({len(stmts)})" not in readme or f"Unattributed: {len(unat)}." not in readme:
        err("README: totals missing")

    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        return 1
    n_people = sum(len(r["people"]) for r in rows)
    n_venues = sum(len(r["venues"]) for r in rows)
    print(f"{len(arts)} articles, {len(stmts)} statements, {len(unat)} unattributed, "
          f"{n_people} people rows, {n_venues} venue rows")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
