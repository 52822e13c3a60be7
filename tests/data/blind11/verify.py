#!/usr/bin/env python3
"""Self-check of the blind11 evaluation set (stdlib only).

    python3 verify.py          -> prints "OK" (and a summary) or the list of problems
    python3 verify.py --show   -> prints every article's body paragraphs with their index

Checks: file encodings (UTF-8, LF / CRLF, NFC / NFD as declared), the four article layouts,
the gold fields, that every gold quote occurs verbatim (after NFC of the article) in exactly
one body paragraph and nowhere in the excluded parts (header, captions, title, bylines,
related block), that mention and cue stand in that paragraph, dates, speakers among the
article's people, people and venues against an alias table (both directions), paragraphs.jsonl
and unattributed.jsonl against the parsed bodies, and the counts stated in README.md.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

NFD_FILES = {"blind11_04_thuong_dinh_budapest.txt"}
CRLF_FILES = {"blind11_03_nha_trang_18_8.txt"}

STATEMENT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_FIELDS = ["article", "date", "people", "venues"]
PARAGRAPH_FIELDS = ["statement", "article", "paragraph", "text"]
UNATTRIBUTED_FIELDS = ["article", "speaker", "speaker_type", "cue", "date", "quote", "paragraph"]
JSONL_FIELDS = ["id", "title", "date", "source", "url", "text"]
KINDS = {"direct", "indirect", "mixed"}
QUOTE_CHARS = "\"“”«»"

# canonical name -> surface forms that name the person in a text (matched on word boundaries)
PEOPLE = {
    "Vladimir Putin": ["Putin", "Pu-tin"],
    "Volodymyr Zelensky": ["Zelensky", "Dê-len-xki"],
    "Donald Trump": ["Trump"],
    "Joe Biden": ["Biden"],
    "Dmitry Peskov": ["Peskov"],
    "Sergei Lavrov": ["Lavrov"],
    "Yury Ushakov": ["Ushakov"],
    "Vladimir Medinsky": ["Medinsky"],
    "Alexander Fomin": ["Fomin"],
    "David Arakhamia": ["Arakhamia"],
    "Mykhailo Podolyak": ["Podolyak"],
    "Recep Tayyip Erdogan": ["Erdogan", "Ơ-đô-gan"],
    "Mevlut Cavusoglu": ["Cavusoglu"],
    "Dmytro Kuleba": ["Kuleba"],
    "Roman Abramovich": ["Abramovich"],
    "Rustem Umerov": ["Umerov"],
    "Andrii Sybiha": ["Sybiha", "Xi-bi-ha"],
    "Hakan Fidan": ["Fidan"],
    "Marco Rubio": ["Rubio"],
    "Mohamed bin Zayed": ["Mohamed bin Zayed"],
    "Maria Zakharova": ["Zakharova"],
    "Friedrich Merz": ["Merz"],
    "Emmanuel Macron": ["Macron"],
    "Giorgia Meloni": ["Meloni"],
    "Alexander Stubb": ["Stubb"],
    "JD Vance": ["Vance"],
    "Steve Witkoff": ["Witkoff"],
    "Jared Kushner": ["Kushner"],
    "Ursula von der Leyen": ["von der Leyen"],
    "Mark Rutte": ["Rutte"],
    "Keir Starmer": ["Starmer"],
    "Viktor Orban": ["Orban"],
    "Péter Szijjártó": ["Szijjártó"],
    "Robert Fico": ["Fico"],
    "Kirill Dmitriev": ["Dmitriev"],
    "Kaja Kallas": ["Kallas"],
    "Grigory Karasin": ["Karasin"],
    "Tucker Carlson": ["Tucker Carlson"],
    "Faisal bin Farhan": ["Faisal bin Farhan"],
    "Andriy Yermak": ["Yermak"],
    "Dan Driscoll": ["Driscoll"],
    "Antonio Guterres": ["Guterres"],
    "Sergei Shoigu": ["Shoigu"],
    "Hulusi Akar": ["Akar"],
    "Oleksandr Kubrakov": ["Kubrakov"],
    "Karoline Leavitt": ["Leavitt"],
    "Giovanni Battista Re": ["Giovanni Battista Re"],
    "Pope Francis": ["Giáo hoàng Francis"],
    "Pope Leo XIV": ["Leo XIV"],
    "Donald Tusk": ["Tusk"],
    "Xi Jinping": ["Tập Cận Bình", "Xi Jinping"],
    "Wang Yi": ["Vương Nghị", "Wang Yi"],
    "Mao Ning": ["Mao Ninh", "Mao Ning"],
    "Annalena Baerbock": ["Baerbock"],
    "Antony Blinken": ["Blinken"],
    "Jens Stoltenberg": ["Stoltenberg"],
    "Narendra Modi": ["Mô-đi", "Modi"],
    "Alexander Lukashenko": ["Lu-ca-sen-cô", "Lukashenko"],
    "Valentina Matviyenko": ["Mát-vi-en-cô", "Matviyenko"],
    "Abdullah bin Zayed": ["Abdullah bin Zayed"],
    "Igor Kostyukov": ["Kostyukov"],
    "Rafael Grossi": ["Grossi"],
    "Yulia Svyrydenko": ["Svyrydenko"],
    "Olha Stefanishyna": ["Stefanishyna"],
    "Hà Thanh Sơn": ["Hà Thanh Sơn"],
    "Tạ Minh Khuê": ["Tạ Minh Khuê"],
    "Vũ Quốc Bảo": ["Vũ Quốc Bảo"],
    "Đinh Xuân Lộc": ["Đinh Xuân Lộc"],
}

# canonical venue -> spellings; a venue must be spelled somewhere in the body
VENUES = {
    "Istanbul": ["Istanbul", "I-xtan-bun"],
    "Antalya": ["Antalya"],
    "Belarus": ["Belarus"],
    "Washington": ["Nhà Trắng", "Washington", "Oa-sinh-tơn"],
    "Alaska": ["Alaska"],
    "Anchorage": ["Anchorage"],
    "Geneva": ["Geneva", "Giơ-ne-vơ"],
    "Budapest": ["Budapest", "Bu-đa-pét"],
    "Riyadh": ["Riyadh", "Ri-át"],
    "Jeddah": ["Jeddah"],
    "Kyiv": ["Kyiv", "Kiev", "Ki-ép"],
    "Abu Dhabi": ["Abu Dhabi"],
    "Vatican": ["Vatican"],
    "Moscow": ["Moscow", "Moskva", "Mátxcơva", "Mát-xcơ-va"],
    "Berlin": ["Berlin", "Béc-lin"],
    "London": ["London"],
    "Miami": ["Miami"],
    "Minsk": ["Minsk", "Min-xcơ"],
    "Doha": ["Doha", "Đô-ha"],
    "Paris": ["Paris"],
}

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def contains_word(text: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None


CAPTION_LINE = re.compile(r"(?:\(Ảnh: [^()]+\)\.?|Ảnh: \S.*)$")


def is_caption(block: str) -> bool:
    lines = [l for l in block.split("\n") if l.strip()]
    return bool(lines) and all(len(l) < 300 and CAPTION_LINE.search(l.strip()) for l in lines)


class Article:
    def __init__(self, aid: str, date: str | None, body: list[str], excluded: list[str], layout: str):
        self.id, self.date, self.body, self.excluded, self.layout = aid, date, body, excluded, layout


def blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def parse_layout_a(aid: str, text: str) -> Article:
    first, _, rest = text.partition("\n")
    m = re.match(r" date (\d{4}-\d{2}-\d{2}) (.+)$", first)
    if not m:
        problem(f"{aid}: layout A header malformed: {first!r}")
        return Article(aid, None, [], [], "A")
    body, excluded = [], [first]
    for b in blocks(rest):
        if is_caption(b):
            excluded.append(b)
        else:
            if "\n" in b:
                problem(f"{aid}: body paragraph with an inner line break: {b[:60]!r}")
            body.append(b)
    if not is_caption(m.group(2)):
        problem(f"{aid}: header caption does not look like a caption: {m.group(2)!r}")
    return Article(aid, m.group(1), body, excluded, "A")


def parse_layout_b(aid: str, text: str) -> Article:
    head, sep, related = text.partition("\nTIN LIÊN QUAN")
    bl = blocks(head)
    title, byline = bl[0], bl[1]
    if not byline.endswith(" |"):
        problem(f"{aid}: layout B byline malformed: {byline!r}")
    name = byline[:-2].strip()
    if bl[-1].strip() != name:
        problem(f"{aid}: closing byline {bl[-1]!r} does not repeat {name!r}")
    body, excluded = [], [title, byline, bl[-1]]
    for b in bl[2:-1]:
        if is_caption(b):
            excluded.append(b)
        else:
            if "\n" in b:
                problem(f"{aid}: body paragraph with an inner line break: {b[:60]!r}")
            body.append(b)
    if sep:
        excluded.append("TIN LIÊN QUAN" + related)
    return Article(aid, None, body, excluded, "B")


def parse_markdown(aid: str, text: str) -> Article:
    m = re.match(r"---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        problem(f"{aid}: no YAML front matter")
        return Article(aid, None, [], [], "md")
    meta = dict(line.split(": ", 1) for line in m.group(1).split("\n"))
    if set(meta) != {"title", "date", "source"}:
        problem(f"{aid}: front matter keys {sorted(meta)}")
    body, excluded = [], [m.group(1)]
    for b in blocks(m.group(2)):
        (excluded if is_caption(b) else body).append(b)
    return Article(aid, meta.get("date"), body, excluded, "md")


def load_articles() -> dict[str, Article]:
    arts: dict[str, Article] = {}
    for path in sorted(ARTICLES.iterdir()):
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problem(f"{path.name}: BOM")
        text = raw.decode("utf-8")
        if path.name in CRLF_FILES:
            if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
                problem(f"{path.name}: declared CRLF but line endings are not all CRLF")
            text = text.replace("\r\n", "\n")
        elif "\r" in text:
            problem(f"{path.name}: CR found in an LF file")
        if path.name in NFD_FILES:
            if text != unicodedata.normalize("NFD", text) or text == nfc(text):
                problem(f"{path.name}: declared NFD but is not (entirely) decomposed")
        elif text != nfc(text):
            problem(f"{path.name}: not NFC")
        text = nfc(text)
        if path.suffix == ".jsonl":
            for n, line in enumerate(text.splitlines()):
                rec = json.loads(line)
                if list(rec) != JSONL_FIELDS:
                    problem(f"{path.name}:{n}: fields {list(rec)}")
                paras = rec["text"].split("\n\n")
                if any("\n" in p or not p.strip() or p != p.strip() for p in paras):
                    problem(f"{rec['id']}: text paragraphs are not cleanly joined by \\n\\n")
                arts[rec["id"]] = Article(rec["id"], rec["date"], paras, [rec["title"]], "jsonl")
        elif path.suffix == ".md":
            arts[path.stem] = parse_markdown(path.stem, text)
        elif path.suffix == ".txt":
            parse = parse_layout_a if text.startswith(" date ") else parse_layout_b
            arts[path.stem] = parse(path.stem, text)
        else:
            problem(f"{path.name}: unexpected file")
    return arts


def read_jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes().decode("utf-8")
    if "\r" in raw or raw != nfc(raw):
        problem(f"{path.name}: gold files must be LF and NFC")
    return [json.loads(l) for l in raw.splitlines() if l.strip()]


def valid_date(s: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            dt.date.fromisoformat(s)
            return True
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return 1 <= int(s[5:]) <= 12
    except ValueError:
        return False
    return False


def where(art: Article, quote: str) -> list[int]:
    return [i for i, p in enumerate(art.body) if quote in p]


def main() -> int:
    arts = load_articles()
    if "--show" in sys.argv:
        for aid, a in arts.items():
            print(f"===== {aid}  ({a.layout}, {a.date})")
            for i, p in enumerate(a.body):
                print(f"[{i}] {p}\n")
        return 0
    if len(arts) != 12:
        problem(f"expected 12 articles, found {len(arts)}")

    rows = read_jsonl(GOLD / "seed_articles.jsonl")
    meta = {}
    for r in rows:
        if list(r) != ARTICLE_FIELDS:
            problem(f"seed_articles: fields {list(r)}")
        if r["article"] in meta:
            problem(f"seed_articles: duplicate {r['article']}")
        meta[r["article"]] = r
    if set(meta) != set(arts):
        problem(f"seed_articles ids differ from articles: {set(meta) ^ set(arts)}")
    for aid, r in meta.items():
        a = arts.get(aid)
        if not a:
            continue
        if r["date"] != a.date:
            problem(f"{aid}: seed_articles date {r['date']} != article date {a.date}")
        body = "\n".join(a.body)
        if len(set(r["people"])) != len(r["people"]) or len(set(r["venues"])) != len(r["venues"]):
            problem(f"{aid}: duplicate people or venues")
        for p in r["people"]:
            if p not in PEOPLE:
                problem(f"{aid}: person {p!r} not in the alias table")
            elif not any(contains_word(body, al) for al in PEOPLE[p]):
                problem(f"{aid}: person {p!r} not named in the body")
        for p, aliases in PEOPLE.items():
            if any(contains_word(body, al) for al in aliases) and p not in r["people"]:
                problem(f"{aid}: {p!r} is named in the body but missing from people")
        for v in r["venues"]:
            if v not in VENUES:
                problem(f"{aid}: venue {v!r} not canonical")
            elif not any(contains_word(body, al) for al in VENUES[v]):
                problem(f"{aid}: venue {v!r} not spelled in the body")

    stmts = read_jsonl(GOLD / "seed_statements.jsonl")
    para_rows = read_jsonl(GOLD / "paragraphs.jsonl")
    if len(para_rows) != len(stmts):
        problem(f"paragraphs.jsonl has {len(para_rows)} rows for {len(stmts)} statements")
    seen = set()
    for n, s in enumerate(stmts):
        tag = f"statement {n} ({s.get('article')}, {s.get('speaker')})"
        if list(s) != STATEMENT_FIELDS:
            problem(f"{tag}: fields {list(s)}")
            continue
        a = arts.get(s["article"])
        if not a:
            problem(f"{tag}: unknown article")
            continue
        if s["speaker"] not in meta[s["article"]]["people"]:
            problem(f"{tag}: speaker not among the article's people")
        if s["kind"] not in KINDS:
            problem(f"{tag}: kind {s['kind']!r}")
        for f in ("quote", "mention", "cue", "speaker"):
            if not isinstance(s[f], str) or not s[f].strip() or s[f] != nfc(s[f]) or s[f] != s[f].strip():
                problem(f"{tag}: {f} empty, padded or not NFC")
        if s["date"] is not None:
            if not valid_date(s["date"]):
                problem(f"{tag}: bad date {s['date']!r}")
            elif a.date and s["date"] > a.date:
                problem(f"{tag}: date {s['date']} after the article date {a.date}")
        hits = where(a, s["quote"])
        if len(hits) != 1:
            problem(f"{tag}: quote found in {len(hits)} body paragraphs: {s['quote']!r}")
            continue
        para = a.body[hits[0]]
        if any(s["quote"] in x for x in a.excluded):
            problem(f"{tag}: quote also occurs in an excluded part")
        if s["mention"] not in para:
            problem(f"{tag}: mention {s['mention']!r} not in its paragraph")
        cue = "theo" if s["cue"] == "theo" else s["cue"]
        if cue.lower() not in para.lower():
            problem(f"{tag}: cue {s['cue']!r} not in its paragraph")
        if s["kind"] in ("direct", "mixed") and not any(c in para for c in QUOTE_CHARS):
            problem(f"{tag}: kind {s['kind']} but no quotation mark in the paragraph")
        key = (s["article"], s["quote"])
        if key in seen:
            problem(f"{tag}: duplicate quote piece")
        seen.add(key)
        if n < len(para_rows):
            pr = para_rows[n]
            if list(pr) != PARAGRAPH_FIELDS or pr["statement"] != n or pr["article"] != s["article"] \
                    or pr["paragraph"] != hits[0] or pr["text"] != para:
                problem(f"paragraphs.jsonl row {n} does not match statement {n} (paragraph {hits[0]})")
        # every pair of statements of one article must have distinct quotes that do not nest
    by_art: dict[str, list[dict]] = {}
    for s in stmts:
        by_art.setdefault(s["article"], []).append(s)
    for aid, ss in by_art.items():
        for i, x in enumerate(ss):
            for y in ss[i + 1:]:
                if x["quote"] in y["quote"] or y["quote"] in x["quote"]:
                    problem(f"{aid}: quote pieces nest: {x['quote']!r} / {y['quote']!r}")

    unat = read_jsonl(GOLD / "unattributed.jsonl")
    for n, u in enumerate(unat):
        tag = f"unattributed {n} ({u.get('article')})"
        if list(u) != UNATTRIBUTED_FIELDS:
            problem(f"{tag}: fields {list(u)}")
            continue
        a = arts.get(u["article"])
        if not a:
            problem(f"{tag}: unknown article")
            continue
        if u["speaker_type"] not in ("organization", "unnamed"):
            problem(f"{tag}: speaker_type {u['speaker_type']!r}")
        if u["date"] is not None and not valid_date(u["date"]):
            problem(f"{tag}: bad date")
        hits = where(a, u["quote"])
        if hits != [u["paragraph"]]:
            problem(f"{tag}: quote in paragraphs {hits}, declared {u['paragraph']}")
        elif u["speaker"] not in a.body[u["paragraph"]]:
            problem(f"{tag}: speaker words {u['speaker']!r} not in the paragraph")
        if any(u["quote"] in s["quote"] or s["quote"] in u["quote"]
               for s in by_art.get(u["article"], [])):
            problem(f"{tag}: overlaps a person statement")

    # summary and README counts
    per = Counter(s["article"] for s in stmts)
    order = sorted(arts)
    people = {p for r in meta.values() for p in r["people"]}
    speakers = {s["speaker"] for s in stmts}
    venues = {v for r in meta.values() for v in r["venues"]}
    full = sum(1 for s in stmts if s["date"] and len(s["date"]) == 10)
    month = sum(1 for s in stmts if s["date"] and len(s["date"]) == 7)
    null = sum(1 for s in stmts if s["date"] is None)
    kinds = Counter(s["kind"] for s in stmts)
    summary = {
        "per_article": ", ".join(f"{a.split('_')[1]} → {per[a]}" for a in order),
        "total": len(stmts),
        "unattributed": len(unat),
        "people": len(people),
        "speakers": len(speakers),
        "venues": len(venues),
        "dates": (full, month, null),
        "kinds": (kinds["mixed"], kinds["direct"], kinds["indirect"]),
    }
    readme_path = HERE / "README.md"
    readme_raw = readme_path.read_text(encoding="utf-8") if readme_path.exists() else ""
    if not readme_raw:
        problem("README.md missing or empty")
    readme = re.sub(r"\s+", " ", readme_raw)
    expected = [
        f"Statements per article: {summary['per_article']} ({summary['total']})",
        f"Unattributed: {summary['unattributed']}.",
        f"People: {summary['people']} distinct ({summary['speakers']} of them speak).",
        f"Venues: {summary['venues']} distinct.",
        "Statement dates: {} full dates, {} month-only, {} null.".format(*summary["dates"]),
        "Kinds: {} mixed, {} direct, {} indirect.".format(*summary["kinds"]),
    ]
    for e in expected:
        if e not in readme:
            problem(f"README.md does not state: {e}")
    if "**BLIND: never tune on it, never read it while writing rules, only measure.**" not in readme:
        problem("README.md lacks the BLIND line")
    if not readme_raw.rstrip().endswith(
            "## Runs (note from the extractor's maintainer)"):
        problem("README.md must end with the empty Runs section")

    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print("\n".join(expected))
        return 1
    print("\n".join(expected))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
