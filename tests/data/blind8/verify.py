#!/usr/bin/env python3
"""Self-check of the blind8 evaluation set (stdlib only).

    python3 tests/data/blind8/verify.py

Parses the three article layouts on its own (it shares no code with the extractor) and checks
that the gold is well formed and consistent with the texts:

* every file is UTF-8 and NFC; every .jsonl line is a JSON object;
* gold rows carry exactly the seed fields, valid kinds and date formats;
* every gold article id exists, and each article has exactly one seed_articles row whose date
  is the article's own date (null for layout B);
* every quote (and every mention) occurs in the article *body* - not only in the title, byline,
  photo captions or the TIN LIÊN QUAN block - and in exactly one body paragraph, the same one
  for quote and mention;
* `direct` quotes lie inside quotation marks, `mixed` statements carry a quoted fragment;
* statement dates are not after the article's date unless the text spells out that year
  (for undated articles: the year must be written in the body);
* every speaker is in the article's people list; every person is named in the body;
* paragraphs.jsonl and unattributed.jsonl agree with the texts;
* the layout mix is the one the brief asks for.
Exit status 0 when everything passes.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold"

STATEMENT_FIELDS = ["article", "speaker", "mention", "kind", "cue", "date", "quote"]
ARTICLE_FIELDS = ["article", "date", "people", "venues"]
KINDS = {"direct", "indirect", "mixed"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
CAPTION_RE = re.compile(r"(\(Ảnh: [^)]*\)\.?|Ảnh: [^.]+)$")
OPEN_Q = "“\"«‘"
CLOSE_Q = "”\"»’"
VENUES = {"Istanbul", "Alaska", "Geneva", "Moscow", "Hungary", "Kyiv", "Abu Dhabi", "Budapest",
          "Washington", "Riyadh", "Jeddah", "Vatican", "Brussels", "Paris", "London", "Florida",
          "Miami", "Belarus", "Antalya"}
# how the body may name a person when the surname is not written in Latin letters
ALIASES = {
    "Dmitry Peskov": ["Peskov", "Pê-xcốp"],
    "Vladimir Putin": ["Putin", "Pu-tin"],
    "Volodymyr Zelensky": ["Zelensky", "Dê-len-xki"],
    "Wang Yi": ["Vương Nghị"],
    "Pope Leo XIV": ["Leo XIV"],
    "Mohamed bin Zayed Al Nahyan": ["bin Zayed"],
    "Mohammed bin Salman": ["bin Salman"],
    "Ursula von der Leyen": ["von der Leyen"],
    "Bart De Wever": ["De Wever"],
    "Antonio Guterres": ["Guterres"],
}

errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def is_caption(p: str) -> bool:
    return len(p) < 160 and bool(CAPTION_RE.search(p.strip()))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{path.name}: not UTF-8")
        return raw.decode("utf-8", "replace")
    if not unicodedata.is_normalized("NFC", text):
        fail(f"{path.name}: not NFC")
    if "\r" in text:
        fail(f"{path.name}: CR line endings")
    return text


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            fail(f"{path.name}:{n}: blank line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            fail(f"{path.name}:{n}: invalid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            fail(f"{path.name}:{n}: not an object")
            continue
        rows.append(obj)
    return rows


# ---------------------------------------------------------------- articles
class Article:
    def __init__(self, aid: str, layout: str, date: str | None, body: list[str], other: str):
        self.id, self.layout, self.date, self.body, self.other = aid, layout, date, body, other

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)


def parse_txt(path: Path) -> Article:
    text = read_text(path)
    if text.startswith(" date "):
        m = re.match(r" date (\d{4}-\d{2}-\d{2}) (.*)", text.split("\n", 1)[0])
        if not m:
            fail(f"{path.name}: bad layout-A header")
            return Article(path.stem, "A", None, [], "")
        rest = text.split("\n", 1)[1] if "\n" in text else ""
        paras = paragraphs(rest)
        caps = [p for p in paras if is_caption(p)]
        body = [p for p in paras if not is_caption(p)]
        return Article(path.stem, "A", m.group(1), body, m.group(2) + "\n" + "\n".join(caps))
    paras = paragraphs(text)
    title, byline = paras[0], paras[1]
    if not byline.endswith(" |"):
        fail(f"{path.name}: layout B without 'Name |' byline")
    name = byline[:-2].strip()
    end = next((i for i in range(2, len(paras)) if paras[i].split("\n")[0].strip() == name), None)
    if end is None:
        fail(f"{path.name}: no closing byline")
        end = len(paras)
    tail = "\n\n".join(paras[end:])
    if "TIN LIÊN QUAN" in "\n\n".join(paras[:end]):
        fail(f"{path.name}: TIN LIÊN QUAN before the closing byline")
    block = paras[2:end]
    caps = [p for p in block if is_caption(p)]
    body = [p for p in block if not is_caption(p)]
    if re.search(r"\b\d{4}-\d{2}-\d{2}\b", title + byline):
        fail(f"{path.name}: layout B should carry no date")
    return Article(path.stem, "B", None, body, "\n".join([title, byline, tail] + caps))


def parse_md(path: Path) -> Article:
    text = read_text(path)
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        fail(f"{path.name}: no YAML front matter")
        return Article(path.stem, "MD", None, [], "")
    meta = dict(line.split(": ", 1) for line in m.group(1).splitlines())
    for key in ("title", "date", "source"):
        if key not in meta:
            fail(f"{path.name}: front matter lacks {key}")
    paras = paragraphs(text[m.end():])
    return Article(path.stem, "MD", meta.get("date"), [p for p in paras if not is_caption(p)],
                   meta.get("title", ""))


def parse_jsonl(path: Path) -> list[Article]:
    out = []
    for r in read_jsonl(path):
        if sorted(r) != sorted(["id", "title", "date", "source", "url", "text"]):
            fail(f"{path.name}: record fields {sorted(r)}")
        if not re.match(r"^blind8_(08|09|10)_[a-z0-9_]+$", r.get("id", "")):
            fail(f"{path.name}: bad id {r.get('id')}")
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(r.get("date"))):
            fail(f"{path.name}: bad date {r.get('date')}")
        if "\n\n" not in r.get("text", ""):
            fail(f"{path.name}: {r.get('id')} text without blank-line paragraphs")
        paras = paragraphs(r.get("text", ""))
        out.append(Article(r["id"], "JSONL", r["date"], [p for p in paras if not is_caption(p)],
                           r.get("title", "")))
    return out


def load_articles() -> dict[str, Article]:
    arts: dict[str, Article] = {}
    files = sorted(ART.iterdir())
    txt = [f for f in files if f.suffix == ".txt"]
    md = [f for f in files if f.suffix == ".md"]
    jl = [f for f in files if f.suffix == ".jsonl"]
    for f in txt:
        arts[f.stem] = parse_txt(f)
    for f in md:
        arts[f.stem] = parse_md(f)
    for f in jl:
        for a in parse_jsonl(f):
            arts[a.id] = a
    # the layout mix asked for
    layouts = [a.layout for a in arts.values()]
    if (len(txt), layouts.count("A"), layouts.count("B"), len(md), len(jl)) != (6, 4, 2, 1, 1):
        fail(f"layout mix: {len(txt)} txt ({layouts.count('A')} A, {layouts.count('B')} B), "
             f"{len(md)} md, {len(jl)} jsonl")
    if layouts.count("JSONL") != 3:
        fail("blind8_news.jsonl must hold 3 records")
    related = [f.name for f in txt if "\nTIN LIÊN QUAN\n" in f.read_text(encoding="utf-8")]
    if len(related) != 1:
        fail(f"exactly one layout-B article should end with TIN LIÊN QUAN, got {related}")
    for aid, a in arts.items():
        if not re.match(r"^blind8_\d{2}_[a-z0-9_]+$", aid):
            fail(f"bad article id {aid}")
        if not 5 <= len(a.body) <= 14:
            fail(f"{aid}: {len(a.body)} body paragraphs (want 5-14)")
    return arts


# ---------------------------------------------------------------- checks
def quoted_spans(p: str) -> list[tuple[int, int]]:
    """Character spans between an opening and the next closing quotation mark."""
    spans, start = [], None
    for i, ch in enumerate(p):
        if start is None and ch in OPEN_Q:
            start = i
        elif start is not None and ch in CLOSE_Q and i > start:
            spans.append((start, i))
            start = None
    return spans


def year_given(a: Article, year: str) -> bool:
    return re.search(rf"\b{year}\b", a.body_text) is not None


def check_date(where: str, a: Article, d: str | None) -> None:
    if d is None:
        return
    if not DATE_RE.match(d):
        fail(f"{where}: bad date {d!r}")
        return
    if a.date is None:
        if not year_given(a, d[:4]):
            fail(f"{where}: {d} in an undated article whose body never gives {d[:4]}")
    elif d > a.date[: len(d)] and not year_given(a, d[:4]):
        fail(f"{where}: {d} after the article date {a.date}")


def names_person(a: Article, person: str) -> bool:
    forms = ALIASES.get(person, []) + [person.split()[-1]]
    return any(nfc(f) in a.body_text for f in forms)


def main() -> int:
    arts = load_articles()
    for p in [HERE / "README.md", HERE / "verify.py"]:
        read_text(p)

    st = read_jsonl(GOLD / "seed_statements.jsonl")
    meta = read_jsonl(GOLD / "seed_articles.jsonl")
    paras = read_jsonl(GOLD / "paragraphs.jsonl")
    unatt = read_jsonl(GOLD / "unattributed.jsonl")

    people: dict[str, set[str]] = {}
    for r in meta:
        if list(r) != ARTICLE_FIELDS:
            fail(f"seed_articles: fields {list(r)}")
        aid = r.get("article")
        if aid not in arts:
            fail(f"seed_articles: unknown article {aid}")
            continue
        if aid in people:
            fail(f"seed_articles: {aid} twice")
        a = arts[aid]
        if r["date"] != a.date:
            fail(f"seed_articles: {aid} date {r['date']} != article {a.date}")
        people[aid] = set(r["people"])
        if len(people[aid]) != len(r["people"]):
            fail(f"{aid}: duplicate people")
        for person in r["people"]:
            if not names_person(a, person):
                fail(f"{aid}: person {person} is not named in the body")
        for v in r["venues"]:
            if v not in VENUES:
                fail(f"{aid}: venue {v!r} not in the canonical list")
    for aid in arts:
        if aid not in people:
            fail(f"seed_articles: no row for {aid}")

    per_article: dict[str, int] = {}
    for n, r in enumerate(st):
        where = f"seed_statements:{n + 1}"
        if list(r) != STATEMENT_FIELDS:
            fail(f"{where}: fields {list(r)}")
            continue
        aid = r["article"]
        if aid not in arts:
            fail(f"{where}: unknown article {aid}")
            continue
        a = arts[aid]
        per_article[aid] = per_article.get(aid, 0) + 1
        if r["kind"] not in KINDS:
            fail(f"{where}: kind {r['kind']}")
        for key in ("speaker", "mention", "cue", "quote"):
            if not isinstance(r[key], str) or not r[key].strip():
                fail(f"{where}: empty {key}")
        if r["speaker"] not in people.get(aid, set()):
            fail(f"{where}: speaker {r['speaker']} missing from the people of {aid}")
        check_date(where, a, r["date"])
        q, men = nfc(r["quote"]), nfc(r["mention"])
        hits = [i for i, p in enumerate(a.body) if q in nfc(p)]
        if not hits:
            where_else = " (found in title/byline/caption/related block)" if q in nfc(a.other) else ""
            fail(f"{where}: quote not in the body{where_else}: {q!r}")
            continue
        if len(hits) > 1:
            fail(f"{where}: quote occurs in {len(hits)} paragraphs")
        if q in nfc(a.other):
            fail(f"{where}: quote also occurs outside the body")
        p = nfc(a.body[hits[0]])
        if men.lower() not in p.lower():
            fail(f"{where}: mention {men!r} not in the quote's paragraph")
        pos = p.index(q)
        inside = any(s < pos and pos + len(q) <= e for s, e in quoted_spans(p))
        if r["kind"] == "direct" and not inside:
            fail(f"{where}: direct quote not inside quotation marks")
        if r["kind"] == "mixed" and not quoted_spans(p):
            fail(f"{where}: mixed statement without a quoted fragment")
        pr = paras[n] if n < len(paras) else None
        if not pr or pr.get("statement") != n or pr.get("article") != aid \
                or pr.get("paragraph") != hits[0] or nfc(pr.get("text", "")) != p:
            fail(f"paragraphs.jsonl: row {n + 1} disagrees with the statement")
    if len(paras) != len(st):
        fail("paragraphs.jsonl: one row per statement expected")
    for aid in arts:
        if not per_article.get(aid):
            fail(f"{aid}: no gold statement")

    for n, r in enumerate(unatt):
        where = f"unattributed:{n + 1}"
        aid = r.get("article")
        if aid not in arts:
            fail(f"{where}: unknown article {aid}")
            continue
        if r.get("speaker_type") not in {"organization", "unnamed"}:
            fail(f"{where}: speaker_type {r.get('speaker_type')}")
        check_date(where, arts[aid], r.get("date"))
        hits = [i for i, p in enumerate(arts[aid].body) if nfc(r["quote"]) in nfc(p)]
        if hits != [r.get("paragraph")]:
            fail(f"{where}: quote/paragraph mismatch {hits}")
        for s in st:
            if s["article"] == aid and nfc(s["quote"]) == nfc(r["quote"]):
                fail(f"{where}: also in the person-level gold")

    total = len(st)
    print(f"{len(arts)} articles, {total} statements, {len(unatt)} unattributed")
    for aid in sorted(arts):
        print(f"  {aid:40s} {arts[aid].layout:5s} {str(arts[aid].date):10s} "
              f"{per_article.get(aid, 0):2d} statements, {len(arts[aid].body):2d} paragraphs")
    if not 70 <= total <= 90:
        fail(f"{total} statements (want 70-90)")
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
