#!/usr/bin/env python3
"""Self-check of the blind13 set (standard library only).

    python3 verify.py          -> prints a summary and "OK", or the list of problems
    python3 verify.py --show   -> prints every article's body paragraphs with their 0-based index

What is checked:
  * files: UTF-8, NFC, LF only, final newline; the expected article files and ids;
  * parsing of the four layouts (A, B, markdown, JSONL) into body paragraphs, with the header,
    title, bylines, photo captions and the TIN LIÊN QUAN block kept apart as excluded text;
  * gold/seed_articles.jsonl: one row per article, exact fields, the article date as printed in the
    header / front matter / record (null for layout B), every person and venue named in the body
    (through the surface forms below), and the names that occur only outside the body absent;
  * gold/seed_statements.jsonl: exact fields and field order, kind / cue / date values, the speaker
    among the article's people and not among the people who only act, the quote NFC and found in
    exactly one body paragraph and in no excluded text, the mention and the cue in that paragraph,
    no date after the article's date, statements in reading order, the per-article counts;
  * gold/paragraphs.jsonl: one row per statement, the paragraph index and text as parsed here;
  * gold/unattributed.jsonl: exact fields, speaker_type, the speaker words and the quote in the
    given paragraph.
"""
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ART = os.path.join(HERE, "articles")
GOLD = os.path.join(HERE, "gold")

ARTICLE_FILES = [
    "blind13_01_gomel_vong_mot.txt",
    "blind13_02_ngu_coc_i_xtan_bun.txt",
    "blind13_03_malta_gia_da.txt",
    "blind13_04_burgenstock.txt",
    "blind13_05_riyadh_nga_my.txt",
    "blind13_06_a_bu_da_bi_ba_ben.txt",
    "blind13_07_istanbul_tu_binh.txt",
    "blind13_08_orban_su_menh.txt",
    "blind13_09_phai_doan_chau_phi.md",
    "blind13_news.jsonl",
]

EXPECTED_LAYOUT = {
    "blind13_01_gomel_vong_mot": "A",
    "blind13_02_ngu_coc_i_xtan_bun": "A",
    "blind13_03_malta_gia_da": "A",
    "blind13_04_burgenstock": "A",
    "blind13_05_riyadh_nga_my": "A",
    "blind13_06_a_bu_da_bi_ba_ben": "A",
    "blind13_07_istanbul_tu_binh": "B",
    "blind13_08_orban_su_menh": "B",
    "blind13_09_phai_doan_chau_phi": "MD",
    "blind13_10_ly_huy_kiev": "JSONL",
    "blind13_11_trao_doi_tu_binh_2022": "JSONL",
    "blind13_12_kursk_dong_bang": "JSONL",
}

EXPECTED_STATEMENTS = {
    "blind13_01_gomel_vong_mot": 8,
    "blind13_02_ngu_coc_i_xtan_bun": 8,
    "blind13_03_malta_gia_da": 8,
    "blind13_04_burgenstock": 10,
    "blind13_05_riyadh_nga_my": 11,
    "blind13_06_a_bu_da_bi_ba_ben": 10,
    "blind13_07_istanbul_tu_binh": 11,
    "blind13_08_orban_su_menh": 9,
    "blind13_09_phai_doan_chau_phi": 8,
    "blind13_10_ly_huy_kiev": 4,
    "blind13_11_trao_doi_tu_binh_2022": 6,
    "blind13_12_kursk_dong_bang": 5,
}
EXPECTED_UNATTRIBUTED = 12

STATEMENT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_FIELDS = ["article", "date", "people", "venues"]
PARAGRAPH_FIELDS = ["statement", "article", "paragraph", "text"]
UNATTRIBUTED_FIELDS = ["article", "speaker", "speaker_type", "cue", "date", "quote", "paragraph"]
KINDS = {"direct", "indirect", "mixed"}
CUES = {
    "nói", "nói thêm", "cho biết", "cho biết thêm", "cho rằng", "nhấn mạnh", "khẳng định",
    "tuyên bố", "viết", "gọi", "theo", "bày tỏ", "kêu gọi", "nhận định", "đánh giá", "xác nhận",
    "bác bỏ", "đề nghị", "đề xuất", "thông báo", "thừa nhận",
}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")

# Surface forms by which each canonical name occurs in the bodies of this set.
PEOPLE_FORMS = {
    "Mykhailo Podolyak": ["Podolyak", "M.Pô-đô-li-ắc"],
    "Vladimir Medinsky": ["Medinsky"],
    "Oleksii Reznikov": ["Oleksii Reznikov"],
    "David Arakhamia": ["David Arakhamia"],
    "Rustem Umerov": ["Rustem Umerov", "R.U-mê-rốp"],
    "Andrei Rudenko": ["Andrei Rudenko"],
    "Alexander Fomin": ["Alexander Fomin"],
    "Volodymyr Zelensky": ["Zelensky", "V.Dê-len-xki", "Dê-len-xki"],
    "Alexander Lukashenko": ["Lukashenko"],
    "Dmitry Peskov": ["Dmitry Peskov", "Đ.Pê-xcốp"],
    "Recep Tayyip Erdogan": ["Erdogan", "R.T.Éc-đô-gan"],
    "António Guterres": ["An-tô-ni-ô Gu-tê-rét"],
    "Sergei Shoigu": ["X.Sôi-gu"],
    "Oleksandr Kubrakov": ["Ô.Cu-bra-cốp"],
    "Dmytro Kuleba": ["Dmytro Kuleba", "Đ.Cu-lê-ba", "Kuleba"],
    "Hulusi Akar": ["H.A-ca"],
    "Andriy Yermak": ["Andriy Yermak", "A.Y-éc-mác"],
    "Li Hui": ["Lý Huy"],
    "Musaed al-Aiban": ["Musaed al-Aiban"],
    "Lại Quốc Hưng": ["Lại Quốc Hưng"],
    "Viola Amherd": ["Viola Amherd"],
    "Vladimir Putin": ["Putin", "V.Pu-tin"],
    "Kamala Harris": ["Kamala Harris"],
    "Ignazio Cassis": ["Ignazio Cassis"],
    "Faisal bin Farhan": ["Faisal bin Farhan"],
    "Trịnh Minh Khuê": ["Trịnh Minh Khuê"],
    "Marco Rubio": ["Marco Rubio"],
    "Sergei Lavrov": ["Sergei Lavrov"],
    "Yury Ushakov": ["Yury Ushakov", "I-u-ri U-sa-cốp"],
    "Donald Trump": ["Donald Trump", "Trump", "Đ.Trăm"],
    "Mike Waltz": ["Mike Waltz"],
    "Steve Witkoff": ["Steve Witkoff", "S.Uýt-cốp"],
    "Kirill Dmitriev": ["Kirill Dmitriev"],
    "Igor Kostyukov": ["I.Cô-xchi-u-cốp"],
    "Jared Kushner": ["J.Cu-sơ-nơ"],
    "Dan Driscoll": ["Đ.Đrít-xcôn"],
    "Kyrylo Budanov": ["K.Bu-đa-nốp"],
    "Nghiêm Xuân Lực": ["Nghiêm Xuân Lực"],
    "Hakan Fidan": ["Hakan Fidan"],
    "Andrii Sybiha": ["Andrii Sybiha"],
    "Lindsey Graham": ["Lindsey Graham"],
    "Dmytro Lubinets": ["Dmytro Lubinets"],
    "Viktor Orban": ["Viktor Orban", "Thủ tướng Orban"],
    "Balazs Orban": ["Balazs Orban"],
    "Charles Michel": ["Charles Michel"],
    "Xi Jinping": ["Tập Cận Bình"],
    "Cyril Ramaphosa": ["Cyril Ramaphosa"],
    "Macky Sall": ["Macky Sall"],
    "Azali Assoumani": ["Azali Assoumani"],
    "Mao Ning": ["Mao Ninh"],
    "Viktor Medvedchuk": ["Viktor Medvedchuk"],
    "Mohammed bin Salman": ["Mohammed bin Salman"],
    "Roman Abramovich": ["Roman Abramovich"],
    "Vasyl Maliuk": ["Vasyl Maliuk"],
}

VENUE_FORMS = {
    "Gomel": ["Gomel"], "Brest": ["Brest"], "Minsk": ["Minsk", "Min-xcơ"], "Warsaw": ["Warsaw"],
    "Istanbul": ["Istanbul", "I-xtan-bun"], "Baku": ["Baku"], "Malta": ["Malta"],
    "Jeddah": ["Gia-đa"], "Copenhagen": ["Copenhagen"], "Bürgenstock": ["Bürgenstock"],
    "Riyadh": ["Riyadh", "Ri-át"], "Ankara": ["Ankara"], "Turkey": ["Thổ Nhĩ Kỳ"],
    "Moscow": ["Moskva", "Mátxcơva", "Mát-xcơ-va", "Moscow"], "Abu Dhabi": ["A-bu Đa-bi"],
    "Alaska": ["A-la-xca"], "Geneva": ["Giơ-ne-vơ", "Geneva"], "Miami": ["Mai-a-mi"],
    "Budapest": ["Bu-đa-pét"], "Kyiv": ["Kiev", "Kyiv", "Ki-ép"], "Beijing": ["Bắc Kinh"],
    "Florida": ["Florida"], "Saint Petersburg": ["St. Petersburg"], "Doha": ["Doha"],
    "Vatican": ["Vatican"],
}

# Real people who are named only outside the body (caption, title, related block): not people.
NOT_PEOPLE = {
    "blind13_07_istanbul_tu_binh": ["Recep Tayyip Erdogan", "Vladimir Putin", "Donald Trump",
                                    "Vasyl Maliuk"],
}
# Places named only outside the body, or named in the body but not as venues.
NOT_VENUES = {
    "blind13_01_gomel_vong_mot": ["Kharkiv", "Kyiv", "Moscow", "Belarus", "Poland"],
    "blind13_02_ngu_coc_i_xtan_bun": ["Odesa", "Moscow", "Kyiv", "Ankara", "Turkey"],
    "blind13_03_malta_gia_da": ["Rome", "Riyadh", "Beijing", "Saudi Arabia", "Gaza", "Kyiv"],
    "blind13_04_burgenstock": ["Moscow", "Italy", "Switzerland", "Kyiv"],
    "blind13_05_riyadh_nga_my": ["Florida", "Mar-a-Lago", "Saudi Arabia", "Kyiv", "Washington"],
    "blind13_06_a_bu_da_bi_ba_ben": ["Minsk", "Anchorage", "Washington", "Kyiv", "Hungary",
                                     "United Arab Emirates", "Donbass"],
    "blind13_07_istanbul_tu_binh": ["Vilnius", "Moscow", "Kyiv", "Ankara", "Vatican", "Geneva",
                                    "Washington", "Saudi Arabia", "Turkey"],
    "blind13_08_orban_su_menh": ["Brussels", "Washington", "Hungary", "Mar-a-Lago"],
    "blind13_09_phai_doan_chau_phi": ["Bucha"],
    "blind13_10_ly_huy_kiev": ["Beijing"],
    "blind13_11_trao_doi_tu_binh_2022": ["Riyadh", "New York", "Mariupol", "Turkey"],
    "blind13_12_kursk_dong_bang": ["Kursk", "Moscow", "Qatar", "Kyiv"],
}
# People who are named in the body but only act (or are only mentioned): never speakers here.
NON_SPEAKERS = {
    "blind13_01_gomel_vong_mot": ["Oleksii Reznikov", "David Arakhamia", "Rustem Umerov",
                                  "Andrei Rudenko", "Alexander Fomin"],
    "blind13_02_ngu_coc_i_xtan_bun": ["Oleksandr Kubrakov"],
    "blind13_03_malta_gia_da": ["Li Hui"],
    "blind13_04_burgenstock": ["Faisal bin Farhan"],
    "blind13_05_riyadh_nga_my": ["Steve Witkoff"],
    "blind13_06_a_bu_da_bi_ba_ben": ["Igor Kostyukov", "Steve Witkoff", "Jared Kushner",
                                     "Dan Driscoll", "Vladimir Putin", "Andriy Yermak"],
    "blind13_07_istanbul_tu_binh": ["Hakan Fidan", "Lindsey Graham"],
    "blind13_08_orban_su_menh": ["Volodymyr Zelensky", "Xi Jinping", "Donald Trump"],
    "blind13_09_phai_doan_chau_phi": [],
    "blind13_10_ly_huy_kiev": ["Li Hui", "Volodymyr Zelensky", "Sergei Lavrov"],
    "blind13_11_trao_doi_tu_binh_2022": ["Viktor Medvedchuk", "Mohammed bin Salman",
                                         "Roman Abramovich"],
    "blind13_12_kursk_dong_bang": [],
}

CAPTION_RE = re.compile(r"(?:\(Ảnh: [^()]{1,40}\)\.?|Ảnh: [^.()]{1,40})$")

problems = []


def problem(msg):
    problems.append(msg)


def split_paras(text):
    out = []
    for block in re.split(r"\n[ \t]*\n", text):
        block = block.strip()
        if block:
            out.append(block)
    return out


def is_caption(par):
    return "\n" not in par and bool(CAPTION_RE.search(par))


def parse_txt(stem, text):
    lines = text.split("\n")
    if lines[0].startswith(" date "):
        m = re.match(r"^ date (\d{4}-\d{2}-\d{2}) (.+)$", lines[0])
        if not m:
            problem(f"{stem}: bad layout-A header")
            return None
        date, header_caption = m.group(1), m.group(2)
        rest = "\n".join(lines[1:])
        related = ""
        idx = rest.find("\nĐỌC THÊM")
        if idx >= 0:
            rest, related = rest[:idx], rest[idx:]
        paras = split_paras(rest)
        body = [p for p in paras if not is_caption(p)]
        captions = [p for p in paras if is_caption(p)]
        return {"id": stem, "layout": "A", "date": date, "body": body,
                "excluded": [header_caption] + captions + ([related] if related else [])}
    # layout B: title, byline "Name |", body, closing byline "Name", then maybe TIN LIÊN QUAN
    title = lines[0]
    j = next((i for i, l in enumerate(lines) if l.endswith(" |")), None)
    if j is None:
        problem(f"{stem}: no byline")
        return None
    name = lines[j][:-2].strip()
    k = next((i for i in range(j + 1, len(lines)) if lines[i].strip() == name), None)
    if k is None:
        problem(f"{stem}: no closing byline")
        return None
    paras = split_paras("\n".join(lines[j + 1:k]))
    body = [p for p in paras if not is_caption(p)]
    captions = [p for p in paras if is_caption(p)]
    after = "\n".join(lines[k:])
    return {"id": stem, "layout": "B", "date": None, "body": body,
            "excluded": [title, lines[j]] + captions + [after]}


def parse_md(stem, text):
    if not text.startswith("---\n"):
        problem(f"{stem}: no front matter")
        return None
    end = text.index("\n---\n", 4)
    front = {}
    for line in text[4:end].split("\n"):
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        front[key.strip()] = value
    paras = split_paras(text[end + 5:])
    body = [p for p in paras if not is_caption(p)]
    captions = [p for p in paras if is_caption(p)]
    return {"id": stem, "layout": "MD", "date": front.get("date"), "body": body,
            "excluded": [front.get("title", "")] + captions, "front": front}


def load_articles():
    arts = {}
    present = sorted(os.listdir(ART))
    if present != sorted(ARTICLE_FILES):
        problem(f"article files differ: {present}")
    for fn in ARTICLE_FILES:
        path = os.path.join(ART, fn)
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problem(f"{fn}: not UTF-8")
            continue
        if "\r" in text:
            problem(f"{fn}: CR found")
        if not unicodedata.is_normalized("NFC", text):
            problem(f"{fn}: not NFC")
        if not text.endswith("\n"):
            problem(f"{fn}: no final newline")
        stem, ext = os.path.splitext(fn)
        if ext == ".txt":
            a = parse_txt(stem, text)
            if a:
                arts[stem] = a
        elif ext == ".md":
            a = parse_md(stem, text)
            if a:
                arts[stem] = a
        elif ext == ".jsonl":
            for n, line in enumerate(text.split("\n")[:-1]):
                rec = json.loads(line)
                if list(rec) != ["id", "title", "date", "source", "url", "text"]:
                    problem(f"{fn}:{n}: record fields {list(rec)}")
                if "\n\n\n" in rec["text"] or rec["text"] != rec["text"].strip():
                    problem(f"{fn}:{n}: paragraph joins")
                body = rec["text"].split("\n\n")
                arts[rec["id"]] = {"id": rec["id"], "layout": "JSONL", "date": rec["date"],
                                   "body": body, "excluded": [rec["title"]]}
    if list(arts) != list(EXPECTED_LAYOUT):
        problem(f"article ids differ: {list(arts)}")
    for aid, lay in EXPECTED_LAYOUT.items():
        if aid in arts and arts[aid]["layout"] != lay:
            problem(f"{aid}: layout {arts[aid]['layout']} != {lay}")
    return arts


def read_jsonl(name):
    path = os.path.join(GOLD, name)
    raw = open(path, "rb").read().decode("utf-8")
    if "\r" in raw or not raw.endswith("\n"):
        problem(f"{name}: line endings")
    if not unicodedata.is_normalized("NFC", raw):
        problem(f"{name}: not NFC")
    return [json.loads(l) for l in raw.split("\n") if l.strip()]


def occurs(form, text):
    return re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text) is not None


def main():
    arts = load_articles()
    if "--show" in sys.argv:
        for aid, a in arts.items():
            print(f"=== {aid} ({a['layout']}, {a['date']})")
            for i, p in enumerate(a["body"]):
                print(f"[{i}] {p}")
            print()
        return

    # ---- seed_articles
    rows = read_jsonl("seed_articles.jsonl")
    by_art = {}
    for r in rows:
        if list(r) != ARTICLE_FIELDS:
            problem(f"seed_articles: fields {list(r)}")
        by_art[r["article"]] = r
    if [r["article"] for r in rows] != list(EXPECTED_LAYOUT):
        problem("seed_articles: article order/ids differ")
    for aid, a in arts.items():
        r = by_art.get(aid)
        if not r:
            continue
        if r["date"] != a["date"]:
            problem(f"{aid}: seed_articles date {r['date']} != {a['date']}")
        body = "\n".join(a["body"])
        if len(set(r["people"])) != len(r["people"]):
            problem(f"{aid}: duplicate people")
        for p in r["people"]:
            forms = PEOPLE_FORMS.get(p)
            if not forms:
                problem(f"{aid}: no surface forms for {p}")
            elif not any(occurs(f, body) for f in forms):
                problem(f"{aid}: person {p} not in body")
        for p in NOT_PEOPLE.get(aid, []):
            if p in r["people"]:
                problem(f"{aid}: {p} must not be a person here")
            if any(occurs(f, body) for f in PEOPLE_FORMS[p]):
                problem(f"{aid}: {p} occurs in the body")
            if not any(any(occurs(f, x) for f in PEOPLE_FORMS[p]) for x in a["excluded"]):
                problem(f"{aid}: {p} not in the excluded parts either")
        for v in r["venues"]:
            forms = VENUE_FORMS.get(v)
            if not forms:
                problem(f"{aid}: no surface forms for venue {v}")
            elif not any(occurs(f, body) for f in forms):
                problem(f"{aid}: venue {v} not in body")
        for v in NOT_VENUES.get(aid, []):
            if v in r["venues"]:
                problem(f"{aid}: {v} must not be a venue")

    # ---- statements
    sts = read_jsonl("seed_statements.jsonl")
    counts = {}
    last_pos = {}
    for n, s in enumerate(sts):
        tag = f"statement {n}"
        if list(s) != STATEMENT_FIELDS:
            problem(f"{tag}: fields {list(s)}")
            continue
        aid = s["article"]
        counts[aid] = counts.get(aid, 0) + 1
        a = arts.get(aid)
        if not a:
            problem(f"{tag}: unknown article {aid}")
            continue
        if s["kind"] not in KINDS:
            problem(f"{tag}: kind {s['kind']}")
        if s["cue"] not in CUES:
            problem(f"{tag}: cue {s['cue']}")
        if s["date"] is not None:
            if not DATE_RE.match(s["date"]):
                problem(f"{tag}: date {s['date']}")
            elif a["date"]:
                d = s["date"] if len(s["date"]) == 10 else s["date"] + "-01"
                if datetime.date.fromisoformat(d) > datetime.date.fromisoformat(a["date"]):
                    problem(f"{tag}: date after the article")
        people = by_art.get(aid, {}).get("people", [])
        if s["speaker"] not in people:
            problem(f"{tag}: speaker {s['speaker']} not among the people of {aid}")
        if s["speaker"] in NON_SPEAKERS.get(aid, []):
            problem(f"{tag}: {s['speaker']} only acts in {aid}")
        for fld in ("speaker", "mention", "quote"):
            if not unicodedata.is_normalized("NFC", s[fld]):
                problem(f"{tag}: {fld} not NFC")
        hits = [i for i, p in enumerate(a["body"]) if s["quote"] in p]
        if len(hits) != 1:
            problem(f"{tag}: quote found in paragraphs {hits}: {s['quote']!r}")
            continue
        if any(s["quote"] in x for x in a["excluded"]):
            problem(f"{tag}: quote also in excluded text")
        par = a["body"][hits[0]]
        if par.count(s["quote"]) != 1:
            problem(f"{tag}: quote twice in its paragraph")
        if s["mention"] not in par:
            problem(f"{tag}: mention {s['mention']!r} not in paragraph {hits[0]}")
        if s["cue"].lower() not in par.lower():
            problem(f"{tag}: cue {s['cue']!r} not in paragraph {hits[0]}")
        pos = (hits[0], par.index(s["quote"]))
        if aid in last_pos and pos < last_pos[aid]:
            problem(f"{tag}: not in reading order")
        last_pos[aid] = pos
        s["_paragraph"] = hits[0]
    if counts != EXPECTED_STATEMENTS:
        problem(f"statement counts {counts}")
    if [s["article"] for s in sts] != sorted((s["article"] for s in sts),
                                             key=list(EXPECTED_LAYOUT).index):
        problem("statements not grouped in article order")

    # ---- paragraphs
    pars = read_jsonl("paragraphs.jsonl")
    if len(pars) != len(sts):
        problem(f"paragraphs.jsonl has {len(pars)} rows for {len(sts)} statements")
    for n, row in enumerate(pars):
        if list(row) != PARAGRAPH_FIELDS:
            problem(f"paragraphs {n}: fields {list(row)}")
            continue
        if row["statement"] != n or n >= len(sts):
            problem(f"paragraphs {n}: statement index {row['statement']}")
            continue
        s = sts[n]
        if row["article"] != s["article"] or row["paragraph"] != s.get("_paragraph"):
            problem(f"paragraphs {n}: article/paragraph mismatch")
            continue
        if arts[row["article"]]["body"][row["paragraph"]] != row["text"]:
            problem(f"paragraphs {n}: text differs from the parsed paragraph")

    # ---- unattributed
    uns = read_jsonl("unattributed.jsonl")
    if len(uns) != EXPECTED_UNATTRIBUTED:
        problem(f"unattributed: {len(uns)} rows")
    for n, u in enumerate(uns):
        if list(u) != UNATTRIBUTED_FIELDS:
            problem(f"unattributed {n}: fields {list(u)}")
            continue
        if u["speaker_type"] not in ("organization", "unnamed"):
            problem(f"unattributed {n}: speaker_type")
        if u["cue"] not in CUES:
            problem(f"unattributed {n}: cue {u['cue']}")
        if u["date"] is not None and not DATE_RE.match(u["date"]):
            problem(f"unattributed {n}: date")
        a = arts.get(u["article"])
        if not a:
            problem(f"unattributed {n}: article")
            continue
        par = a["body"][u["paragraph"]]
        if u["speaker"] not in par or u["quote"] not in par:
            problem(f"unattributed {n}: speaker/quote not in paragraph {u['paragraph']}")
        if sum(u["quote"] in p for p in a["body"]) != 1:
            problem(f"unattributed {n}: quote not unique")
        if u["cue"].lower() not in par.lower():
            problem(f"unattributed {n}: cue not in paragraph")
        for s in sts:
            if s["article"] == u["article"] and s.get("_paragraph") == u["paragraph"] \
                    and (s["quote"] in u["quote"] or u["quote"] in s["quote"]):
                problem(f"unattributed {n}: overlaps a person statement")

    # ---- summary
    speakers = {s["speaker"] for s in sts}
    people = {p for r in rows for p in r["people"]}
    venues = {v for r in rows for v in r["venues"]}
    full = sum(1 for s in sts if s["date"] and len(s["date"]) == 10)
    month = sum(1 for s in sts if s["date"] and len(s["date"]) == 7)
    kinds = {k: sum(1 for s in sts if s["kind"] == k) for k in ("mixed", "indirect", "direct")}
    print(f"articles {len(arts)}, statements {len(sts)}, unattributed {len(uns)}")
    print(f"people {len(people)} distinct ({len(speakers)} speak), venues {len(venues)} distinct")
    print(f"dates: {full} full, {month} month-only, {len(sts) - full - month} null; kinds {kinds}")
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
