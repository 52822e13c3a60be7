#!/usr/bin/env python3
"""Self-check of the blind12 evaluation set (stdlib only).

    python3 verify.py          -> checks everything, prints a summary and "OK"
    python3 verify.py --show   -> also prints every article's body paragraphs with their index

What is checked (see README.md):
  * every article file is UTF-8 (no BOM), LF only, NFC, ends with a newline;
  * the body of each article is cut out exactly as the README says (layout A / B, markdown,
    JSONL; captions, title, bylines, front matter and the TIN LIÊN QUAN / ĐỌC THÊM blocks
    removed);
  * gold/seed_statements.jsonl: exact field set, kinds, date syntax (and not after the
    article's date), the quote piece is NFC and occurs in exactly one body paragraph and in
    none of the excluded parts, the mention occurs in that paragraph, the speaker is one of
    the article's people, no duplicate pieces;
  * gold/paragraphs.jsonl: one row per statement, same article, right index, same text;
  * gold/seed_articles.jsonl: one row per article, the date equals the article's own date,
    every person has a surface form in the body, every known surface form found in the body
    belongs to a listed person (so nobody named only in a title, caption or related block is
    listed, and nobody named in the body is forgotten), every venue has a surface form in the
    body;
  * gold/unattributed.jsonl: field set, speaker types, the piece occurs in exactly one body
    paragraph (the one given) and the speaker words occur in it.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

RELATED_HEADINGS = ("TIN LIÊN QUAN", "ĐỌC THÊM")
CAPTION_RE = re.compile(r"(\(Ảnh: [^()]*\)\.?|(?:- )?Ảnh: [^.()]*\.?)$")
STATEMENT_FIELDS = {"article", "speaker", "mention", "kind", "cue", "date", "quote"}
ARTICLE_FIELDS = {"article", "date", "people", "venues"}
PARAGRAPH_FIELDS = {"statement", "article", "paragraph", "text"}
UNATTRIBUTED_FIELDS = {"article", "speaker", "speaker_type", "cue", "date", "quote", "paragraph"}
KINDS = {"direct", "indirect", "mixed"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")

# Surface forms used to check the people lists in both directions (body only).
PEOPLE_FORMS = {
    "Vladimir Putin": ["Putin", "Pu-tin"],
    "Dmitry Peskov": ["Peskov"],
    "Sergei Lavrov": ["Lavrov", "Láp-rốp"],
    "Yury Ushakov": ["Ushakov", "U-sa-cốp"],
    "Kirill Dmitriev": ["Dmitriev"],
    "Vladimir Medinsky": ["Medinsky"],
    "Maria Zakharova": ["Zakharova", "Da-kha-rô-va"],
    "Vasily Nebenzia": ["Nebenzia"],
    "Mikhail Galuzin": ["Galuzin"],
    "Sergei Ryabkov": ["Ryabkov"],
    "Sergei Shoigu": ["Shoigu"],
    "Volodymyr Zelensky": ["Zelensky", "Dê-len-xki"],
    "Andriy Yermak": ["Yermak", "Y-éc-mác"],
    "Rustem Umerov": ["Umerov"],
    "Andrii Sybiha": ["Sybiha"],
    "Sergiy Kyslytsya": ["Kyslytsya"],
    "Mykhailo Podolyak": ["Podolyak"],
    "Dmytro Lubinets": ["Lubinets"],
    "Dmytro Kuleba": ["Kuleba"],
    "Donald Trump": ["Trump", "Đ.Trăm"],
    "JD Vance": ["Vance"],
    "Marco Rubio": ["Rubio", "Ru-bi-ô"],
    "Steve Witkoff": ["Witkoff", "Uýt-cốp"],
    "Jared Kushner": ["Kushner"],
    "Karoline Leavitt": ["Leavitt"],
    "Scott Bessent": ["Bessent"],
    "Mike Waltz": ["Waltz"],
    "Dan Driscoll": ["Driscoll", "Đrít-xcôn"],
    "Emmanuel Macron": ["Macron", "Ma-crông"],
    "Friedrich Merz": ["Merz"],
    "Giorgia Meloni": ["Meloni"],
    "Donald Tusk": ["Tusk"],
    "Kaja Kallas": ["Kallas"],
    "Ursula von der Leyen": ["von der Leyen"],
    "Mark Rutte": ["Rutte"],
    "Alexander Stubb": ["Stubb"],
    "Viktor Orban": ["Orban"],
    "Peter Szijjarto": ["Szijjarto"],
    "Robert Fico": ["Fico"],
    "Recep Tayyip Erdogan": ["Erdogan"],
    "Hakan Fidan": ["Fidan"],
    "Xi Jinping": ["Tập Cận Bình", "Xi Jinping"],
    "Rafael Grossi": ["Grossi"],
    "António Guterres": ["Guterres"],
    "Pope Leo XIV": ["Leo XIV"],
    "Tatiana Stanovaya": ["Stanovaya"],
    "Samuel Charap": ["Charap"],
    "Roman Abramovich": ["Abramovich"],
    "Trần Văn Lộc": ["Trần Văn Lộc"],
    "Ngô Thị Bích Hạnh": ["Ngô Thị Bích Hạnh"],
    "Lê Thế Quyền": ["Lê Thế Quyền"],
    "Đặng Minh Khoa": ["Đặng Minh Khoa"],
}

VENUE_FORMS = {
    "Istanbul": ["Istanbul", "I-xtan-bun"],
    "Antalya": ["Antalya"],
    "Doha": ["Doha"],
    "Geneva": ["Geneva", "Giơ-ne-vơ"],
    "Washington": ["Washington", "Oa-sinh-tơn", "Nhà Trắng"],
    "Alaska": ["Alaska", "A-lát-xca"],
    "Abu Dhabi": ["Abu Dhabi", "A-bu Đa-bi"],
    "Moscow": ["Moskva", "Mát-xcơ-va"],
    "Budapest": ["Budapest", "Bu-đa-pét"],
    "Riyadh": ["Riyadh", "Ri-át"],
    "Jeddah": ["Jeddah"],
    "Vatican": ["Vatican"],
    "Helsinki": ["Helsinki"],
    "Rome": ["Rome"],
    "Turkey": ["Thổ Nhĩ Kỳ"],
    "Switzerland": ["Thụy Sĩ"],
    "Florida": ["Florida"],
    "Berlin": ["Berlin"],
    "Paris": ["Paris"],
    "Miami": ["Miami"],
    "Minsk": ["Minsk", "Min-xcơ"],
    "Beijing": ["Bắc Kinh"],
    "Kyiv": ["Kiev", "Ki-ép"],
    "Saudi Arabia": ["Ả Rập Xê Út"],
    "Munich": ["Munich"],
}

ERRORS: list[str] = []


def err(msg: str) -> None:
    ERRORS.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def is_caption(p: str) -> bool:
    return len(p) < 300 and "\n" not in p and bool(CAPTION_RE.search(p))


def split_captions(paras: list[str]) -> tuple[list[str], list[str]]:
    body, caps = [], []
    for p in paras:
        (caps if is_caption(p) else body).append(p)
    return body, caps


def parse_layout_a(text: str) -> dict:
    first, _, rest = text.partition("\n")
    m = re.match(r"^ date (\d{4}-\d{2}-\d{2}) (.*)$", first)
    if not m:
        raise ValueError("layout A header line missing")
    excluded = [m.group(2)]
    paras = blocks(rest)
    for i, p in enumerate(paras):
        if p.split("\n", 1)[0].strip() in RELATED_HEADINGS:
            excluded += paras[i:]
            paras = paras[:i]
            break
    body, caps = split_captions(paras)
    return {"date": m.group(1), "title": None, "body": body, "excluded": excluded + caps,
            "layout": "A"}


def parse_layout_b(text: str) -> dict:
    paras = blocks(text)
    title, byline = paras[0], paras[1]
    if not byline.endswith("|"):
        raise ValueError("layout B byline missing")
    name = byline[:-1].strip()
    end = None
    for i in range(2, len(paras)):
        if paras[i].split("\n", 1)[0].strip() == name:
            end = i
            break
    if end is None:
        raise ValueError("layout B closing byline missing")
    body, caps = split_captions(paras[2:end])
    return {"date": None, "title": title, "body": body,
            "excluded": [title, byline] + caps + paras[end:], "layout": "B"}


def parse_markdown(text: str) -> dict:
    if not text.startswith("---\n"):
        raise ValueError("front matter missing")
    end = text.index("\n---\n", 4)
    meta = {}
    for line in text[4:end].splitlines():
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip().strip('"')
    body, caps = split_captions(blocks(text[end + 5:]))
    return {"date": meta.get("date"), "title": meta.get("title"), "body": body,
            "excluded": [meta.get("title", "")] + caps, "layout": "markdown"}


def check_raw(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{path.name}: BOM")
    if b"\r" in raw:
        err(f"{path.name}: CR characters")
    text = raw.decode("utf-8")
    if nfc(text) != text:
        err(f"{path.name}: not NFC")
    if not text.endswith("\n"):
        err(f"{path.name}: no final newline")
    return text


def load_articles() -> dict[str, dict]:
    arts: dict[str, dict] = {}
    for path in sorted(ARTICLES.iterdir()):
        text = check_raw(path)
        if path.suffix == ".jsonl":
            for n, line in enumerate(text.splitlines()):
                rec = json.loads(line)
                if set(rec) != {"id", "title", "date", "source", "url", "text"}:
                    err(f"{path.name}:{n}: record fields {sorted(rec)}")
                if "\r" in rec["text"] or nfc(rec["text"]) != rec["text"]:
                    err(f"{path.name}:{n}: text not LF/NFC")
                body, caps = split_captions(rec["text"].split("\n\n"))
                arts[rec["id"]] = {"date": rec["date"], "title": rec["title"], "body": body,
                                   "excluded": [rec["title"]] + caps, "layout": "jsonl"}
        elif path.suffix == ".md":
            arts[path.stem] = parse_markdown(text)
        elif path.suffix == ".txt":
            arts[path.stem] = (parse_layout_a(text) if text.startswith(" date ")
                               else parse_layout_b(text))
        else:
            err(f"unexpected file {path.name}")
    return arts


def read_jsonl(path: Path) -> list[dict]:
    text = check_raw(path)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def valid_date(d: str | None, art_date: str | None, where: str) -> None:
    if d is None:
        return
    if not isinstance(d, str) or not DATE_RE.match(d):
        err(f"{where}: bad date {d!r}")
        return
    try:
        _dt.date.fromisoformat(d if len(d) == 10 else d + "-01")
    except ValueError:
        err(f"{where}: impossible date {d!r}")
    if art_date and d > art_date:
        err(f"{where}: date {d} after the article's date {art_date}")


def find_paragraphs(art: dict, piece: str) -> list[int]:
    return [i for i, p in enumerate(art["body"]) if piece in nfc(p)]


def main() -> int:
    show = "--show" in sys.argv[1:]
    arts = load_articles()
    if show:
        for aid, art in arts.items():
            print(f"=== {aid} ({art['layout']}, {art['date']})")
            for i, p in enumerate(art["body"]):
                print(f"[{i}] {p}")
            print()

    statements = read_jsonl(GOLD / "seed_statements.jsonl")
    articles = read_jsonl(GOLD / "seed_articles.jsonl")
    paragraphs = read_jsonl(GOLD / "paragraphs.jsonl")
    unattributed = read_jsonl(GOLD / "unattributed.jsonl")

    # seed_articles
    meta: dict[str, dict] = {}
    for row in articles:
        if set(row) != ARTICLE_FIELDS:
            err(f"seed_articles: fields {sorted(row)}")
            continue
        aid = row["article"]
        if aid in meta:
            err(f"seed_articles: {aid} twice")
        meta[aid] = row
    if set(meta) != set(arts):
        err(f"seed_articles vs articles: {sorted(set(meta) ^ set(arts))}")
    for aid, row in meta.items():
        art = arts.get(aid)
        if art is None:
            continue
        if row["date"] != art["date"]:
            err(f"{aid}: seed date {row['date']} != article date {art['date']}")
        body = nfc("\n".join(art["body"]))
        people = row["people"]
        if len(set(people)) != len(people):
            err(f"{aid}: duplicate people")
        for person in people:
            forms = PEOPLE_FORMS.get(person)
            if forms is None:
                err(f"{aid}: no surface forms known for {person}")
            elif not any(f in body for f in forms):
                err(f"{aid}: person {person} not named in the body")
        for person, forms in PEOPLE_FORMS.items():
            if person not in people and any(f in body for f in forms):
                err(f"{aid}: {person} is named in the body but not listed")
        for venue in row["venues"]:
            forms = VENUE_FORMS.get(venue)
            if forms is None:
                err(f"{aid}: no surface forms known for venue {venue}")
            elif not any(f in body for f in forms):
                err(f"{aid}: venue {venue} not named in the body")
        if len(set(row["venues"])) != len(row["venues"]):
            err(f"{aid}: duplicate venues")

    # seed_statements
    seen: set[tuple[str, str]] = set()
    located: list[int | None] = []
    for n, st in enumerate(statements):
        where = f"statement {n}"
        if set(st) != STATEMENT_FIELDS:
            err(f"{where}: fields {sorted(st)}")
            located.append(None)
            continue
        aid = st["article"]
        art = arts.get(aid)
        if art is None:
            err(f"{where}: unknown article {aid}")
            located.append(None)
            continue
        if st["kind"] not in KINDS:
            err(f"{where}: kind {st['kind']}")
        if not st["cue"] or not st["mention"] or not st["speaker"]:
            err(f"{where}: empty cue/mention/speaker")
        valid_date(st["date"], art["date"], where)
        q = st["quote"]
        if nfc(q) != q:
            err(f"{where}: quote not NFC")
        if (aid, q) in seen:
            err(f"{where}: duplicate quote piece")
        seen.add((aid, q))
        hits = find_paragraphs(art, q)
        if len(hits) != 1:
            err(f"{where}: quote found in {len(hits)} body paragraphs: {q!r}")
            located.append(None)
            continue
        for part in art["excluded"]:
            if q in nfc(part):
                err(f"{where}: quote also occurs in an excluded part")
        para = nfc(art["body"][hits[0]])
        if st["mention"] not in para:
            err(f"{where}: mention {st['mention']!r} not in paragraph {hits[0]}")
        if aid in meta and st["speaker"] not in meta[aid]["people"]:
            err(f"{where}: speaker {st['speaker']} not among the people of {aid}")
        located.append(hits[0])

    # paragraphs.jsonl
    if len(paragraphs) != len(statements):
        err(f"paragraphs.jsonl: {len(paragraphs)} rows for {len(statements)} statements")
    for n, row in enumerate(paragraphs):
        if set(row) != PARAGRAPH_FIELDS:
            err(f"paragraphs row {n}: fields {sorted(row)}")
            continue
        if row["statement"] != n:
            err(f"paragraphs row {n}: statement index {row['statement']}")
        if n >= len(statements) or n >= len(located):
            continue
        if row["article"] != statements[n].get("article"):
            err(f"paragraphs row {n}: article differs")
        if located[n] is not None:
            if row["paragraph"] != located[n]:
                err(f"paragraphs row {n}: paragraph {row['paragraph']} != {located[n]}")
            elif row["text"] != arts[row["article"]]["body"][located[n]]:
                err(f"paragraphs row {n}: text differs")

    # unattributed.jsonl
    for n, row in enumerate(unattributed):
        where = f"unattributed {n}"
        if set(row) != UNATTRIBUTED_FIELDS:
            err(f"{where}: fields {sorted(row)}")
            continue
        art = arts.get(row["article"])
        if art is None:
            err(f"{where}: unknown article")
            continue
        if row["speaker_type"] not in {"organization", "unnamed"}:
            err(f"{where}: speaker_type {row['speaker_type']}")
        valid_date(row["date"], art["date"], where)
        hits = find_paragraphs(art, row["quote"])
        if hits != [row["paragraph"]]:
            err(f"{where}: quote in paragraphs {hits}, gold says {row['paragraph']}")
        elif row["speaker"] not in nfc(art["body"][row["paragraph"]]):
            err(f"{where}: speaker words not in the paragraph")
        for st in statements:
            if st.get("article") == row["article"] and st.get("quote") == row["quote"]:
                err(f"{where}: same piece as a person statement")

    # summary
    per_article: dict[str, int] = {}
    for st in statements:
        per_article[st.get("article", "?")] = per_article.get(st.get("article", "?"), 0) + 1
    kinds: dict[str, int] = {}
    for st in statements:
        kinds[st.get("kind", "?")] = kinds.get(st.get("kind", "?"), 0) + 1
    full = sum(1 for st in statements if st.get("date") and len(st["date"]) == 10)
    month = sum(1 for st in statements if st.get("date") and len(st["date"]) == 7)
    null = sum(1 for st in statements if st.get("date") is None)
    people = {p for row in articles for p in row.get("people", [])}
    speakers = {st.get("speaker") for st in statements}
    venues = {v for row in articles for v in row.get("venues", [])}
    print(f"articles: {len(arts)}  statements: {len(statements)}  unattributed: {len(unattributed)}")
    print("per article: " + ", ".join(f"{a[8:10]}→{c}" for a, c in sorted(per_article.items())))
    print(f"kinds: {dict(sorted(kinds.items()))}  dates: {full} full, {month} month, {null} null")
    print(f"people: {len(people)} distinct ({len(speakers)} speak)  venues: {len(venues)} distinct")
    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e)
        print(f"{len(ERRORS)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
