#!/usr/bin/env python3
"""Self-check for the blind5 evaluation set (stdlib only).

    python3 verify.py          # run every check, exit 1 on the first failing group
    python3 verify.py --show   # print every article's body paragraphs, numbered

Paragraph counting (the gold README does not define one, see README.md "Judgement calls"):
body paragraphs are the blank-line-separated blocks of an article's body, numbered from 1.
Not body, never counted:
  layout A (.txt, first line " date YYYY-MM-DD <caption>"): the whole first line;
  layout B (.txt without that header): the title line, the "Name |" byline, photo captions
    (a line ending in "Ảnh: <agency>", printed twice = one caption), the closing byline and
    everything from the "TIN LIÊN QUAN" line on;
  .md: the YAML front matter;
  .jsonl: only `text` is body; its paragraphs are separated by "\\n\\n".
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")
ARTICLES = os.path.join(HERE, "articles")
STATEMENT_KEYS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_KEYS = ["article", "date", "people", "venues"]
JSONL_KEYS = ["id", "title", "date", "source", "url", "text"]
KINDS = {"direct", "indirect", "mixed"}
OPEN_Q = "\"“«‘"
CLOSE_Q = "\"”»’"

HEADER_RE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) (\S.*)$")
BYLINE_RE = re.compile(r"^[^\n.!?\"“”]{1,40} \|$")
CAPTION_RE = re.compile(r"Ảnh: [^\s.]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def parse_txt(path: str) -> dict:
    raw = open(path, encoding="utf-8").read()
    first, _, rest = raw.partition("\n")
    m = HEADER_RE.match(first)
    if m:
        return {"layout": "A", "date": m.group(1), "paragraphs": blocks(rest), "excluded": first, "raw": raw}
    # layout B
    title, _, rest = raw.partition("\n")
    excluded = [title]
    lines = rest.split("\n")
    if "TIN LIÊN QUAN" in lines:
        i = lines.index("TIN LIÊN QUAN")
        excluded.append("\n".join(lines[i:]))
        lines = lines[:i]
    kept_lines = []
    for ln in lines:
        if CAPTION_RE.search(ln.strip()):
            excluded.append(ln)
        else:
            kept_lines.append(ln)
    paras = blocks("\n".join(kept_lines))
    if paras and BYLINE_RE.match(paras[0]):
        excluded.append(paras.pop(0))
    else:
        fail(f"{os.path.basename(path)}: layout B without a 'Name |' byline")
    if paras and len(paras[-1]) <= 40 and not re.search(r"[.!?\"”]$", paras[-1]):
        excluded.append(paras.pop())
    else:
        fail(f"{os.path.basename(path)}: layout B without a closing byline")
    return {"layout": "B", "date": None, "paragraphs": paras, "excluded": "\n".join(excluded), "raw": raw}


def parse_md(path: str) -> dict:
    raw = open(path, encoding="utf-8").read()
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m:
        fail(f"{os.path.basename(path)}: no YAML front matter")
        return {"layout": "md", "date": None, "paragraphs": [], "excluded": "", "raw": raw}
    meta = {}
    for ln in m.group(1).split("\n"):
        k, _, v = ln.partition(":")
        meta[k.strip()] = v.strip()
    for k in ("title", "date", "source"):
        if not meta.get(k):
            fail(f"{os.path.basename(path)}: front matter lacks {k}")
    return {"layout": "md", "date": meta.get("date"), "paragraphs": blocks(m.group(2)),
            "excluded": m.group(1), "raw": raw}


def load_articles() -> dict[str, dict]:
    arts: dict[str, dict] = {}
    for path in sorted(glob.glob(os.path.join(ARTICLES, "blind5_*.txt"))):
        arts[os.path.splitext(os.path.basename(path))[0]] = parse_txt(path)
    for path in sorted(glob.glob(os.path.join(ARTICLES, "blind5_*.md"))):
        arts[os.path.splitext(os.path.basename(path))[0]] = parse_md(path)
    jl = os.path.join(ARTICLES, "blind5_news.jsonl")
    raw = open(jl, encoding="utf-8").read()
    if not raw.endswith("\n"):
        fail("blind5_news.jsonl: last line lacks a newline")
    for n, line in enumerate(raw.splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"blind5_news.jsonl line {n}: invalid JSON ({e})")
            continue
        if list(rec) != JSONL_KEYS:
            fail(f"blind5_news.jsonl line {n}: keys {list(rec)} != {JSONL_KEYS}")
        if not all(isinstance(rec.get(k), str) and rec.get(k) for k in JSONL_KEYS):
            fail(f"blind5_news.jsonl line {n}: every field must be a non-empty string")
            continue
        try:
            dt.date.fromisoformat(rec["date"])
        except ValueError:
            fail(f"blind5_news.jsonl line {n}: bad date {rec['date']!r}")
        if "\n\n\n" in rec["text"]:
            fail(f"blind5_news.jsonl line {n}: text has a triple newline")
        arts[rec["id"]] = {"layout": "jsonl", "date": rec["date"], "raw": line,
                           "paragraphs": [p.strip() for p in rec["text"].split("\n\n")],
                           "excluded": rec["title"]}
    return arts


def inside_quotes(par: str, pos: int) -> bool:
    """True when position `pos` of `par` lies between an opening and a closing quotation mark."""
    depth = False
    for ch in par[:pos]:
        if ch == '"':
            depth = not depth
        elif ch in "“«":
            depth = True
        elif ch in "”»":
            depth = False
    return depth


def check_files(arts: dict[str, dict]) -> None:
    for path in sorted(glob.glob(os.path.join(ARTICLES, "blind5_*")) + glob.glob(os.path.join(GOLD, "*"))):
        data = open(path, "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{path}: not UTF-8")
            continue
        if text != nfc(text):
            fail(f"{path}: not NFC")
        if "\r" in text:
            fail(f"{path}: contains CR")
    layouts = [a["layout"] for a in arts.values()]
    if layouts.count("A") < 3 or layouts.count("B") < 2 or layouts.count("md") != 1 or layouts.count("jsonl") != 2:
        fail(f"layout mix is {sorted(layouts)}")
    for aid, a in arts.items():
        n = len(a["paragraphs"])
        if not 6 <= n <= 14:
            fail(f"{aid}: {n} body paragraphs (want 6-14)")


def parse_date(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in s.split("-"))


def check_gold(arts: dict[str, dict]) -> None:
    st_path = os.path.join(GOLD, "seed_statements.jsonl")
    pa_path = os.path.join(GOLD, "paragraphs.jsonl")
    ar_path = os.path.join(GOLD, "seed_articles.jsonl")
    statements = [json.loads(x) for x in open(st_path, encoding="utf-8").read().splitlines()]
    paragraphs = [json.loads(x) for x in open(pa_path, encoding="utf-8").read().splitlines()]
    articles = [json.loads(x) for x in open(ar_path, encoding="utf-8").read().splitlines()]
    if len(statements) != len(paragraphs):
        fail(f"{len(statements)} statements but {len(paragraphs)} paragraph rows")

    # seed_articles
    by_article = {}
    for a in articles:
        if list(a) != ARTICLE_KEYS:
            fail(f"seed_articles: keys {list(a)} != {ARTICLE_KEYS}")
        if a["article"] in by_article:
            fail(f"seed_articles: {a['article']} twice")
        by_article[a["article"]] = a
        if a["article"] not in arts:
            fail(f"seed_articles: unknown article {a['article']}")
            continue
        if a["date"] != arts[a["article"]]["date"]:
            fail(f"seed_articles: {a['article']} date {a['date']} != article date {arts[a['article']]['date']}")
        for key in ("people", "venues"):
            if len(set(a[key])) != len(a[key]) or not all(isinstance(x, str) and x for x in a[key]):
                fail(f"seed_articles: {a['article']} {key} has duplicates or empty names")
    for aid in arts:
        if aid not in by_article:
            fail(f"seed_articles: article {aid} missing")

    # statements
    for i, (s, p) in enumerate(zip(statements, paragraphs), 1):
        tag = f"statement {i} ({s.get('article')} / {s.get('speaker')})"
        if list(s) != STATEMENT_KEYS:
            fail(f"{tag}: keys {list(s)} != {STATEMENT_KEYS}")
            continue
        if s["article"] not in arts:
            fail(f"{tag}: unknown article")
            continue
        if (p.get("article"), p.get("quote")) != (s["article"], s["quote"]):
            fail(f"{tag}: paragraphs.jsonl row {i} does not match")
            continue
        if s["kind"] not in KINDS:
            fail(f"{tag}: kind {s['kind']!r}")
        if s["date"] is not None:
            if not DATE_RE.match(s["date"]):
                fail(f"{tag}: date {s['date']!r}")
            else:
                try:
                    dt.date(*(parse_date(s["date"]) + (1,))[:3])
                except ValueError:
                    fail(f"{tag}: impossible date {s['date']}")
                ad = arts[s["article"]]["date"]
                if ad and s["date"] > ad[: len(s["date"])]:
                    fail(f"{tag}: date {s['date']} after the article's date {ad}")
        art = arts[s["article"]]
        n = p["paragraph"]
        if not isinstance(n, int) or not 1 <= n <= len(art["paragraphs"]):
            fail(f"{tag}: paragraph {n} out of range")
            continue
        par = art["paragraphs"][n - 1]
        quote = nfc(s["quote"])
        pos = par.find(quote)
        if pos < 0:
            fail(f"{tag}: quote not in paragraph {n}: {quote!r}")
            continue
        body = "\n\n".join(art["paragraphs"])
        if body.count(quote) != 1:
            fail(f"{tag}: quote occurs {body.count(quote)} times in the body (ambiguous)")
        if quote in art["excluded"]:
            fail(f"{tag}: quote also occurs in non-body text")
        if s["mention"] not in par:
            fail(f"{tag}: mention {s['mention']!r} not in paragraph {n}")
        if s["cue"].lower() not in par.lower():
            fail(f"{tag}: cue {s['cue']!r} not in paragraph {n}")
        in_q = inside_quotes(par, pos)
        if s["kind"] == "direct" and not in_q:
            fail(f"{tag}: direct but the quote is not inside quotation marks")
        if s["kind"] == "indirect" and in_q:
            fail(f"{tag}: indirect but the quote is inside quotation marks")
        if s["kind"] == "mixed" and not any(c in par for c in OPEN_Q):
            fail(f"{tag}: mixed but the paragraph has no quoted fragment")
        people = by_article.get(s["article"], {}).get("people", [])
        if s["speaker"] not in people:
            fail(f"{tag}: speaker not in the article's people")


def show(arts: dict[str, dict]) -> None:
    for aid, a in arts.items():
        print(f"=== {aid} [{a['layout']}] date={a['date']} paragraphs={len(a['paragraphs'])}")
        for n, par in enumerate(a["paragraphs"], 1):
            print(f"  {n:2d}: {par[:110]}")


def main() -> int:
    arts = load_articles()
    if "--show" in sys.argv:
        show(arts)
        return 0
    check_files(arts)
    check_gold(arts)
    if failures:
        for f in failures:
            print("FAIL", f)
        print(f"{len(failures)} problem(s)")
        return 1
    n = sum(1 for _ in open(os.path.join(GOLD, "seed_statements.jsonl"), encoding="utf-8"))
    print(f"OK: {len(arts)} articles, {n} gold statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
