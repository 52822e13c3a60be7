#!/usr/bin/env python3
"""Self-check of the blind10 set (stdlib only).

    python3 verify.py          # prints per-article counts, then "OK" (exit 0) or the problems (exit 1)
    python3 verify.py --show   # prints every article's body paragraphs with their 0-based index

Checks: encoding (UTF-8, LF, NFC -- NFD for the one decomposed article), the four layouts, that
every gold quote occurs verbatim (after NFC of the article) in exactly one body paragraph of its
article and nowhere in the excluded parts (captions, title, bylines, related block), that
paragraphs.jsonl agrees, that mention and cue stand in that paragraph, field sets, kinds, dates
(well-formed, not after the article's date), that every speaker is among the article's people,
and that every person and venue of seed_articles.jsonl is named in the body.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"
NFD_ARTICLES = {"blind10_04_thuong_dinh_alaska"}

STATEMENT_KEYS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
UNATTRIBUTED_KEYS = ["article", "speaker", "speaker_type", "mention", "kind", "cue", "date",
                     "quote", "paragraph"]
ARTICLE_KEYS = ["article", "date", "people", "venues"]
PARAGRAPH_KEYS = ["statement", "article", "paragraph", "text"]
KINDS = {"direct", "indirect", "mixed"}

# spellings under which a canonical person / venue may appear in the body
PERSON_ALIASES = {
    "Vladimir Putin": ["Putin", "Pu-tin"],
    "Volodymyr Zelensky": ["Zelensky", "Dê-len-xki"],
    "Yury Ushakov": ["Ushakov", "U-sa-cốp"],
    "Sergei Lavrov": ["Lavrov", "La-vrốp"],
    "Kirill Dmitriev": ["Dmitriev", "Đmi-tri-ép"],
    "Wang Yi": ["Vương Nghị"],
    "Li Hui": ["Lý Huy"],
    "Xi Jinping": ["Tập Cận Bình"],
    "Pope Leo XIV": ["Leo XIV"],
    "Donald Trump": ["Trump"],
    "Donald Trump Jr.": ["Trump Jr."],
    "Oleksiy Kuleba": ["Oleksiy Kuleba"],
    "Dmytro Kuleba": ["Dmytro Kuleba"],
}
VENUE_ALIASES = {
    "Moscow": ["Moscow", "Mátxcơva", "Moskva", "Mát-xcơ-va", "Điện Kremlin ở Moskva"],
    "Kyiv": ["Kyiv", "Kiev", "Ki-ép", "Kiep"],
    "Washington": ["Washington", "Oa-sinh-tơn", "Nhà Trắng"],
    "Alaska": ["Alaska", "A-lát-xca"],
    "Malta": ["Malta"],
    "Belarus": ["Belarus"],
}

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def blocks_of(text: str) -> list[str]:
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def is_caption(block: str) -> bool:
    return "Ảnh:" in block


def check_caption(block: str, where: str) -> None:
    for line in block.split("\n"):
        if not re.search(r"(\(Ảnh: [^()]+\)\.?|Ảnh: [^\n]+)$", line):
            problem(f"{where}: odd caption line {line!r}")


def parse_file(path: Path) -> list[dict]:
    """Return article dicts: id, date, layout, body (list of NFC paragraphs), excluded (NFC text)."""
    raw = path.read_bytes()
    if b"\r" in raw:
        problem(f"{path.name}: CR found (must be LF)")
    text = raw.decode("utf-8")
    stem = path.stem
    if stem in NFD_ARTICLES:
        if not unicodedata.is_normalized("NFD", text) or unicodedata.is_normalized("NFC", text):
            problem(f"{path.name}: must be written in NFD")
    elif not unicodedata.is_normalized("NFC", text):
        problem(f"{path.name}: not NFC")
    text = nfc(text)
    if not text.endswith("\n"):
        problem(f"{path.name}: no final newline")
    out = []
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.splitlines()):
            rec = json.loads(line)
            if list(rec) != ["id", "title", "date", "source", "url", "text"]:
                problem(f"{path.name}:{n}: record keys {list(rec)}")
            paras = rec["text"].split("\n\n")
            body = [p for p in paras if not is_caption(p)]
            for p in paras:
                if is_caption(p):
                    check_caption(p, rec["id"])
                if p != p.strip() or not p:
                    problem(f"{rec['id']}: paragraph with stray whitespace")
            out.append(dict(id=rec["id"], date=rec["date"], layout="jsonl", body=body,
                            excluded=rec["title"] + "\n" + "\n".join(p for p in paras if is_caption(p))))
        return out
    if path.suffix == ".md":
        m = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if not m:
            problem(f"{path.name}: no YAML front matter")
            return out
        front = dict(line.split(": ", 1) for line in m.group(1).split("\n"))
        if set(front) != {"title", "date", "source"}:
            problem(f"{path.name}: front matter keys {sorted(front)}")
        blocks = blocks_of(text[m.end():])
        for b in blocks:
            if is_caption(b):
                check_caption(b, stem)
        out.append(dict(id=stem, date=front["date"], layout="md",
                        body=[b for b in blocks if not is_caption(b)],
                        excluded=m.group(1) + "\n" + "\n".join(b for b in blocks if is_caption(b))))
        return out
    if text.startswith(" date "):
        header, _, rest = text.partition("\n")
        m = re.match(r" date (\d{4}-\d{2}-\d{2}) (.+)$", header)
        if not m:
            problem(f"{path.name}: bad header {header!r}")
            return out
        check_caption(m.group(2), stem)
        if not rest.startswith("\n"):
            problem(f"{path.name}: no blank line after the header")
        blocks = blocks_of(rest)
        for b in blocks:
            if is_caption(b):
                check_caption(b, stem)
        out.append(dict(id=stem, date=m.group(1), layout="A",
                        body=[b for b in blocks if not is_caption(b)],
                        excluded=m.group(2) + "\n" + "\n".join(b for b in blocks if is_caption(b))))
        return out
    # layout B
    blocks = blocks_of(text)
    title, byline = blocks[0], blocks[1]
    if not byline.endswith(" |") or "\n" in title:
        problem(f"{path.name}: layout B needs title, blank line, 'Name |'")
        return out
    name = byline[:-2].strip()
    end = next((k for k in range(2, len(blocks)) if blocks[k].split("\n")[0] == name), None)
    if end is None:
        problem(f"{path.name}: no closing byline {name!r}")
        return out
    tail = "\n\n".join(blocks[end:])
    first = blocks[end].split("\n")
    if len(first) > 1 and first[1] != "TIN LIÊN QUAN":
        problem(f"{path.name}: unexpected text after the closing byline")
    body_blocks = blocks[2:end]
    for b in body_blocks:
        if is_caption(b):
            check_caption(b, stem)
    out.append(dict(id=stem, date=None, layout="B",
                    body=[b for b in body_blocks if not is_caption(b)],
                    excluded=title + "\n" + byline + "\n" + tail + "\n"
                    + "\n".join(b for b in body_blocks if is_caption(b))))
    return out


def read_jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes()
    if b"\r" in raw:
        problem(f"{path.name}: CR found")
    text = raw.decode("utf-8")
    if not unicodedata.is_normalized("NFC", text):
        problem(f"{path.name}: not NFC")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def parse_date(value: str | None, where: str) -> tuple | None:
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = dt.date.fromisoformat(value)
        return (d.year, d.month, d.day)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        y, m = map(int, value.split("-"))
        if not 1 <= m <= 12:
            problem(f"{where}: bad month {value}")
        return (y, m, 0)
    problem(f"{where}: bad date {value!r}")
    return None


def locate(quote: str, art: dict) -> list[int]:
    return [i for i, p in enumerate(art["body"]) if quote in p]


def named_in(name: str, text: str, aliases: dict) -> bool:
    forms = aliases.get(name, [name, name.split()[-1]])
    return any(f in text for f in forms)


def main() -> int:
    articles: dict[str, dict] = {}
    for path in sorted(ARTICLES.iterdir()):
        for art in parse_file(path):
            if art["id"] in articles:
                problem(f"duplicate article id {art['id']}")
            articles[art["id"]] = art

    if "--show" in sys.argv:
        for aid, art in articles.items():
            print(f"=== {aid} ({art['layout']}, {art['date']})")
            for i, p in enumerate(art["body"]):
                print(f"[{i}] {p}")
        return 0

    statements = read_jsonl(GOLD / "seed_statements.jsonl")
    arts_gold = read_jsonl(GOLD / "seed_articles.jsonl")
    paragraphs = read_jsonl(GOLD / "paragraphs.jsonl")
    unattributed = read_jsonl(GOLD / "unattributed.jsonl")

    meta = {}
    for row in arts_gold:
        if list(row) != ARTICLE_KEYS:
            problem(f"seed_articles: keys {list(row)}")
        aid = row["article"]
        if aid not in articles:
            problem(f"seed_articles: unknown article {aid}")
            continue
        if aid in meta:
            problem(f"seed_articles: {aid} twice")
        meta[aid] = row
        art = articles[aid]
        if row["date"] != art["date"]:
            problem(f"{aid}: date {row['date']} != article date {art['date']}")
        body = "\n".join(art["body"])
        for key, aliases in (("people", PERSON_ALIASES), ("venues", VENUE_ALIASES)):
            if len(set(row[key])) != len(row[key]):
                problem(f"{aid}: duplicate in {key}")
            for name in row[key]:
                if not named_in(name, body, aliases):
                    problem(f"{aid}: {key[:-1]} {name!r} not named in the body")
    for aid in articles:
        if aid not in meta:
            problem(f"seed_articles: no row for {aid}")

    if len(paragraphs) != len(statements):
        problem(f"paragraphs.jsonl has {len(paragraphs)} rows for {len(statements)} statements")

    counts: dict[str, int] = {aid: 0 for aid in articles}
    seen = set()
    for n, st in enumerate(statements):
        where = f"statement {n}"
        if list(st) != STATEMENT_KEYS:
            problem(f"{where}: keys {list(st)}")
            continue
        aid = st["article"]
        if aid not in articles:
            problem(f"{where}: unknown article {aid}")
            continue
        art = articles[aid]
        counts[aid] += 1
        if st["kind"] not in KINDS:
            problem(f"{where}: kind {st['kind']!r}")
        for key in ("speaker", "mention", "cue", "quote"):
            if not isinstance(st[key], str) or not st[key].strip() or st[key] != nfc(st[key]):
                problem(f"{where}: empty or non-NFC {key}")
        d = parse_date(st["date"], where)
        if d and art["date"]:
            ad = dt.date.fromisoformat(art["date"])
            if d > (ad.year, ad.month, ad.day):
                problem(f"{where}: date {st['date']} after the article's {art['date']}")
        hits = locate(st["quote"], art)
        if len(hits) != 1:
            problem(f"{where} ({aid}): quote found in {len(hits)} body paragraphs: {st['quote']!r}")
            continue
        if st["quote"] in art["excluded"]:
            problem(f"{where}: quote also in excluded text")
        para = art["body"][hits[0]]
        if st["mention"] not in para:
            problem(f"{where}: mention {st['mention']!r} not in paragraph {hits[0]}")
        if st["cue"].lower() not in para.lower():
            problem(f"{where}: cue {st['cue']!r} not in paragraph {hits[0]}")
        if aid in meta and st["speaker"] not in meta[aid]["people"]:
            problem(f"{where}: speaker {st['speaker']!r} not among the people of {aid}")
        key = (aid, st["speaker"], st["quote"])
        if key in seen:
            problem(f"{where}: duplicate statement")
        seen.add(key)
        if n < len(paragraphs):
            row = paragraphs[n]
            if list(row) != PARAGRAPH_KEYS:
                problem(f"paragraphs {n}: keys {list(row)}")
            elif (row["statement"], row["article"], row["paragraph"], row["text"]) != (n, aid, hits[0], para):
                problem(f"paragraphs {n}: does not match statement {n} (paragraph {hits[0]})")

    for n, un in enumerate(unattributed):
        where = f"unattributed {n}"
        if list(un) != UNATTRIBUTED_KEYS:
            problem(f"{where}: keys {list(un)}")
            continue
        if un["speaker_type"] not in {"organization", "unnamed"}:
            problem(f"{where}: speaker_type {un['speaker_type']!r}")
        if un["kind"] not in KINDS:
            problem(f"{where}: kind {un['kind']!r}")
        art = articles.get(un["article"])
        if art is None:
            problem(f"{where}: unknown article")
            continue
        parse_date(un["date"], where)
        hits = locate(un["quote"], art)
        if hits != [un["paragraph"]]:
            problem(f"{where}: quote in paragraphs {hits}, row says {un['paragraph']}")
            continue
        para = art["body"][hits[0]]
        for key in ("mention", "cue"):
            if un[key].lower() not in para.lower():
                problem(f"{where}: {key} {un[key]!r} not in paragraph")
        for st in statements:
            if st["article"] == un["article"] and (st["quote"] in un["quote"] or un["quote"] in st["quote"]):
                problem(f"{where}: overlaps a person-level statement")

    for aid, c in counts.items():
        print(f"{aid:40s} {c:3d} statements, {len(meta.get(aid, {}).get('people', [])):2d} people, "
              f"{len(meta.get(aid, {}).get('venues', [])):2d} venues")
    print(f"total: {len(statements)} statements, {len(unattributed)} unattributed, "
          f"{len({s['speaker'] for s in statements})} speakers, "
          f"{len({p for r in arts_gold for p in r['people']})} people, {len(articles)} articles")
    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
