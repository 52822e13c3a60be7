#!/usr/bin/env python3
"""Self-check of the blind6 evaluation set (stdlib only).

    python verify.py                      # check everything, exit 1 on any error
    python verify.py --write-paragraphs   # (re)write gold/paragraphs.jsonl, then check

Checks: every file is UTF-8, NFC, LF-only; layout A files begin with " date YYYY-MM-DD ";
the .md has front matter; blind6_news.jsonl is valid; every gold row has the shared gold's
fields and legal values; every gold article id exists; every gold quote occurs exactly once in
its article's body (never in the title, byline, caption or TIN LIÊN QUAN block); statement
dates are not after the article date; every speaker is listed in the article's people.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

STATEMENT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_FIELDS = ["article", "date", "people", "venues"]
NEWS_FIELDS = ["id", "title", "date", "source", "url", "text"]
KINDS = {"direct", "indirect", "mixed"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
LAYOUT_A_RE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
CAPTION_RE = re.compile(r"(\(Ảnh:[^)]*\)\.?|\bẢnh: [^.]*)$")

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def is_caption(par: str) -> bool:
    lines = [ln.strip() for ln in par.splitlines() if ln.strip()]
    return bool(lines) and all(len(ln) < 250 and CAPTION_RE.search(ln) for ln in lines)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


class Article:
    def __init__(self, aid: str, date: str | None, body: list[str], outside: str, layout: str):
        self.id, self.date, self.body, self.outside, self.layout = aid, date, body, outside, layout


def split_body(pars: list[str]) -> tuple[list[str], list[str]]:
    body, captions = [], []
    for p in pars:
        (captions if is_caption(p) else body).append(p)
    return body, captions


def load_txt(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    m = LAYOUT_A_RE.match(text)
    if m:  # layout A: " date YYYY-MM-DD <caption>" then the body
        first, _, rest = text.partition("\n")
        body, caps = split_body(paragraphs(rest))
        return Article(path.stem, m.group(1), body, "\n".join([first, *caps]), "A")
    # layout B: title, "Name |", lead + body, closing "Name", optional TIN LIÊN QUAN block
    lines = text.split("\n")
    title = lines[0]
    i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    byline = lines[i].strip()
    if not byline.endswith("|"):
        err(f"{path.name}: layout B byline line should end with '|': {byline!r}")
    name = byline.rstrip("|").strip()
    rest = lines[i + 1:]
    end = len(rest)
    for j, ln in enumerate(rest):
        if ln.strip() in {name, "TIN LIÊN QUAN"}:
            end = j
            break
    else:
        err(f"{path.name}: no closing byline {name!r}")
    body, caps = split_body(paragraphs("\n".join(rest[:end])))
    outside = "\n".join([title, byline, *caps, *rest[end:]])
    return Article(path.stem, None, body, outside, "B")


def load_md(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        err(f"{path.name}: missing YAML front matter")
        return Article(path.stem, None, paragraphs(text), "", "md")
    meta = dict(ln.split(": ", 1) for ln in m.group(1).splitlines() if ": " in ln)
    for key in ("title", "date", "source"):
        if key not in meta:
            err(f"{path.name}: front matter lacks {key}")
    body, caps = split_body(paragraphs(text[m.end():]))
    return Article(path.stem, meta.get("date"), body, "\n".join([m.group(1), *caps]), "md")


def load_jsonl(path: Path) -> list[Article]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"{path.name}:{n}: invalid JSON ({e})")
            continue
        if sorted(rec) != sorted(NEWS_FIELDS):
            err(f"{path.name}:{n}: fields {sorted(rec)} != {sorted(NEWS_FIELDS)}")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", rec.get("date") or ""):
            err(f"{path.name}:{n}: bad date {rec.get('date')!r}")
        for k, v in rec.items():
            if isinstance(v, str) and not unicodedata.is_normalized("NFC", v):
                err(f"{path.name}:{n}: field {k} is not NFC")
        body, caps = split_body(paragraphs(rec.get("text", "")))
        out.append(Article(rec["id"], rec.get("date"), body, "\n".join([rec.get("title", ""), *caps]), "jsonl"))
    return out


def check_files() -> None:
    for p in sorted(HERE.rglob("*")):
        if p.is_file() and p.suffix in {".txt", ".md", ".jsonl", ".py"}:
            raw = p.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                err(f"{p.relative_to(HERE)}: not UTF-8")
                continue
            if not unicodedata.is_normalized("NFC", text):
                err(f"{p.relative_to(HERE)}: not NFC")
            if "\r" in text:
                err(f"{p.relative_to(HERE)}: contains CR")


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{path.name}:{n}: invalid JSON ({e})")
    return rows


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def main(argv: list[str]) -> int:
    check_files()
    arts: dict[str, Article] = {}
    for p in sorted(ARTICLES.iterdir()):
        loaded = {".txt": lambda: [load_txt(p)], ".md": lambda: [load_md(p)],
                  ".jsonl": lambda: load_jsonl(p)}.get(p.suffix, lambda: [])()
        for a in loaded:
            if a.id in arts:
                err(f"duplicate article id {a.id}")
            arts[a.id] = a

    layouts = [a.layout for a in arts.values()]
    if layouts.count("A") < 3 or layouts.count("B") < 2 or layouts.count("md") != 1 or layouts.count("jsonl") != 2:
        err(f"layout mix is {sorted(layouts)}")
    if not any(a.layout == "B" and "TIN LIÊN QUAN" in a.outside for a in arts.values()):
        err("no layout-B article ends with a TIN LIÊN QUAN block")
    for a in arts.values():
        if not 6 <= len(a.body) <= 14:
            err(f"{a.id}: {len(a.body)} body paragraphs (want 6-14)")

    statements = read_jsonl(GOLD / "seed_statements.jsonl")
    art_rows = read_jsonl(GOLD / "seed_articles.jsonl")
    people = {r["article"]: set(r["people"]) for r in art_rows}

    for r in art_rows:
        if list(r) != ARTICLE_FIELDS:
            err(f"seed_articles: fields {list(r)} != {ARTICLE_FIELDS}")
        a = arts.get(r["article"])
        if a is None:
            err(f"seed_articles: unknown article {r['article']}")
            continue
        if r["date"] != a.date:
            err(f"seed_articles: {a.id} date {r['date']} != article date {a.date}")
        body = fold("\n".join(a.body))
        for person in r["people"]:
            last = fold(person.split()[-1])
            if last not in body and last in fold(a.outside):
                err(f"{a.id}: {person} appears only outside the body")
    missing = set(arts) - {r["article"] for r in art_rows}
    if missing:
        err(f"seed_articles: no row for {sorted(missing)}")

    where: list[dict] = []
    for n, s in enumerate(statements, 1):
        tag = f"seed_statements:{n}"
        if list(s) != STATEMENT_FIELDS:
            err(f"{tag}: fields {list(s)} != {STATEMENT_FIELDS}")
            continue
        a = arts.get(s["article"])
        if a is None:
            err(f"{tag}: unknown article {s['article']}")
            continue
        if s["kind"] not in KINDS:
            err(f"{tag}: bad kind {s['kind']!r}")
        if s["date"] is not None and not DATE_RE.match(s["date"]):
            err(f"{tag}: bad date {s['date']!r}")
        if s["date"] and a.date and s["date"] > a.date:
            err(f"{tag}: statement date {s['date']} after article date {a.date}")
        if s["speaker"] not in people.get(a.id, set()):
            err(f"{tag}: speaker {s['speaker']} not in people of {a.id}")
        for k in ("speaker", "mention", "cue", "quote"):
            if not unicodedata.is_normalized("NFC", s[k]):
                err(f"{tag}: {k} not NFC")
        q = unicodedata.normalize("NFC", s["quote"])
        hits = [i for i, p in enumerate(a.body, 1) if q in p]
        total = sum(p.count(q) for p in a.body)
        if total != 1:
            err(f"{tag}: quote occurs {total}x in the body of {a.id}: {q!r}")
        if q in a.outside:
            err(f"{tag}: quote also occurs outside the body (title/byline/caption/related): {q!r}")
        if s["mention"] and not any(s["mention"] in p for p in a.body):
            err(f"{tag}: mention not found in body: {s['mention']!r}")
        if hits:
            where.append({"article": a.id, "speaker": s["speaker"], "quote": s["quote"], "paragraph": hits[0]})

    for n, u in enumerate(read_jsonl(GOLD / "unattributed.jsonl"), 1):
        a = arts.get(u.get("article"))
        if a is None or sum(p.count(u["quote"]) for p in a.body) != 1:
            err(f"unattributed:{n}: quote not found exactly once: {u.get('quote')!r}")

    par_path = GOLD / "paragraphs.jsonl"
    if "--write-paragraphs" in argv:
        with par_path.open("w", encoding="utf-8", newline="\n") as f:
            for w in where:
                f.write(json.dumps(w, ensure_ascii=False) + "\n")
    if par_path.exists() and read_jsonl(par_path) != where:
        err("gold/paragraphs.jsonl is stale (run with --write-paragraphs)")

    for e in errors:
        print("ERROR:", e)
    counts: dict[str, int] = {}
    for s in statements:
        counts[s["article"]] = counts.get(s["article"], 0) + 1
    print(f"{len(arts)} articles, {len(statements)} gold statements:")
    for aid in sorted(arts):
        print(f"  {aid:34} {arts[aid].layout:5} paragraphs={len(arts[aid].body):2}  statements={counts.get(aid, 0)}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
