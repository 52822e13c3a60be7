"""Folder of files → clean articles.

Two plain-text layouts are recognised (see README, "Corpus format"): a first line
`` date YYYY-MM-DD <caption or lead>`` followed by paragraphs, and a title line with a
byline (``Ngọc Vân |``), body, closing byline and a related-news block that is cut off.
``.jsonl``/``.json`` files hold scraper records with ``title``, ``date`` and ``text``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import CorpusError, InputProblem
from .lexicon import load_lines
from .models import Article
from .text import clean, fold

__all__ = [
    "ARTICLE_SUFFIXES",
    "Corpus",
    "bundled_corpus_path",
    "decode",
    "load_corpus",
    "load_file",
    "parse_record",
    "parse_text",
    "title_is_derived",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})  # index.py keeps a copy of all five
RECORD_SUFFIXES = frozenset({".jsonl", ".json"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?P<name>[^\W\d_][\w.'’ \-]{0,48}?)\s*\|\s*$")
_CLOSING_CREDIT = re.compile(
    r"^(?:\(\s*theo\s+(?P<bracketed>[^(),]{1,40}?)\s*\)|theo\s+(?P<bare>[^\s,.]+(?:\s+[^\s,.]+){0,3}))"
    r"\s*\.?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»’)]\s*$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?…])(?=\s+[\"“«A-ZĐÀ-Ỹ]|\s*$)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_MAX = 250


@dataclass(slots=True)
class Corpus:
    """The loaded articles, in id order, and the files or records that could not be used."""

    root: Path
    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...] = ()
    _by_id: dict[str, Article] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.articles}

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]


def bundled_corpus_path() -> Path:
    """The sample articles: inside the installed package, or ``data/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise CorpusError("the bundled sample corpus is missing from this installation")


# --- decoding -------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Legacy Vietnamese files: tone marks stored as combining characters; NFC fixes that.
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 or Windows-1258 text (byte {exc.start})") from None


# --- paragraphs, captions, bylines ------------------------------------------------------


@cache
def _caption_patterns() -> tuple[re.Pattern[str], ...]:
    words = "|".join(
        re.escape(w) for w in sorted(load_lines("photo_credits.txt"), key=len, reverse=True)
    )
    return (
        # "… (Ảnh: AFP)." / "… (Ảnh minh họa)"
        re.compile(rf"\(\s*(?:{words})\s*(?::[^()]*)?\)\s*\.?\s*$", re.IGNORECASE),
        # "… tháng 3.2022. Ảnh: AFP": a credit after a finished sentence
        re.compile(
            rf"(?:^|(?<=[.!?…)])\s+)(?:{words})\s*:\s*[^.:()]{{1,80}}\.?\s*$", re.IGNORECASE
        ),
        # "… tại Kyiv Ảnh: Reuters": a short, capitalised credit with no full stop before it
        re.compile(rf"\s(?:{words})\s*:\s*[^.:()\s][^.:()]{{0,39}}$"),
    )


def is_caption(paragraph: str) -> bool:
    return any(p.search(paragraph) for p in _caption_patterns())


def caption_text(caption: str) -> str:
    """A caption without its photo credit."""
    for pattern in _caption_patterns():
        caption = pattern.sub("", caption)
    return caption.strip().rstrip(".,;: ")


@cache
def _related_markers() -> frozenset[str]:
    return frozenset(fold(m) for m in load_lines("related_markers.txt"))


def _is_related_marker(line: str) -> bool:
    return fold(line.strip().rstrip(":").strip()) in _related_markers()


def _split_paragraphs(lines: Iterable[str]) -> list[str]:
    """Lines → paragraphs. Blank lines always separate; a single line break separates
    when the line before ends a sentence or is a caption, else it is a soft wrap."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        if current and (_SENTENCE_END.search(current[-1]) or is_caption(current[-1])):
            flush()
        current.append(line)
    flush()
    return paragraphs


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= _TITLE_MAX and not paragraph.rstrip().endswith((".", "|", ":"))


def _short_title(text: str, limit: int = 120) -> str:
    match = _FIRST_SENTENCE.match(text)
    title = (match.group(1) if match else text).rstrip(".")
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut + "…"


@dataclass(slots=True)
class _Parts:
    title: str | None = None
    date: dt.date | None = None
    byline: str | None = None
    source: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _front_matter(lines: list[str], parts: _Parts) -> list[str]:
    """Markdown front matter (``---`` / ``key: value`` / ``---``) → metadata."""
    if not lines or lines[0].strip() != "---":
        return lines
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return lines
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        value = value.strip().strip("'\"")
        if not sep or not value:
            continue
        key = key.strip().lower()
        if key == "title":
            parts.title = value
        elif key == "date":
            parts.date = parse_record_date(value)
        elif key in ("author", "byline"):
            parts.byline = value
        elif key in ("source", "url"):
            setattr(parts, key, value)
    return lines[end + 1 :]


def _parse_body(text: str, parts: _Parts, *, expect_title: bool) -> None:
    lines = clean(text).split("\n")
    lines = _front_matter(lines, parts)
    if lines and (m := _DATE_LINE.match(lines[0])):
        parts.date = dt.date.fromisoformat(m.group(1))
        lines[0] = m.group(2)
        expect_title = False
    for i, line in enumerate(lines):
        if _is_related_marker(line):
            lines = lines[:i]
            break

    paragraphs = _split_paragraphs(lines)
    if paragraphs and _MD_HEADING.match(paragraphs[0]):
        parts.title = parts.title or _MD_HEADING.sub("", paragraphs.pop(0)).strip()
    elif (
        expect_title
        and parts.title is None
        and len(paragraphs) > 1
        and _looks_like_title(paragraphs[0])
    ):
        parts.title = paragraphs.pop(0)

    seen_captions: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        paragraph = _MD_HEADING.sub("", paragraph)
        byline = _BYLINE.match(paragraph)
        if byline and index < 3 and parts.byline is None:
            parts.byline = byline.group("name").strip()
        elif is_caption(paragraph):
            if paragraph not in seen_captions:  # a caption printed twice is one caption
                seen_captions.add(paragraph)
                parts.captions.append(paragraph)
        else:
            parts.paragraphs.append(paragraph)

    body = parts.paragraphs
    if body and parts.byline and fold(body[-1]).strip(" .") == fold(parts.byline):
        body.pop()
    if body and (credit := _CLOSING_CREDIT.match(body[-1])):  # "(Theo RT)"
        parts.source = parts.source or credit.group("bracketed") or credit.group("bare")
        body.pop()


def _finish(parts: _Parts, article_id: str, path: str) -> Article:
    if not parts.paragraphs and not parts.captions:
        raise ValueError("no article text")
    title = parts.title
    if not title:
        lead = caption_text(parts.captions[0]) if parts.captions else parts.paragraphs[0]
        title = _short_title(lead)
    return Article(
        id=article_id,
        path=path,
        date=parts.date,
        title=title,
        byline=parts.byline,
        captions=tuple(parts.captions),
        paragraphs=tuple(parts.paragraphs),
        url=parts.url,
        source=parts.source,
    )


def title_is_derived(article: Article) -> bool:
    """True when the article had no title line and its title was made from its lead."""
    stem = article.title.rstrip("…")
    leads = [caption_text(c) for c in article.captions[:1]] + list(article.paragraphs[:1])
    return any(lead.startswith(stem) for lead in leads)


def parse_text(text: str, article_id: str, path: str = "") -> Article:
    """Parse one plain-text or Markdown article. Raises ``ValueError`` when there is no text."""
    parts = _Parts()
    _parse_body(text, parts, expect_title=True)
    return _finish(parts, article_id, path or article_id)


_RECORD_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_RECORD_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def parse_record_date(value: Any) -> dt.date | None:
    """A record's date: ISO date or datetime, or day-first ``dd/mm/yyyy``; empty is None."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"date is not a string: {value!r}")
    text = value.strip()
    if m := _RECORD_DATE.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _RECORD_DATE_DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise ValueError(f"unreadable date {value!r}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"impossible date {value!r}") from None


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return clean(str(value)).strip() or None if value not in (None, "") else None


def parse_record(record: Any, article_id: str, path: str) -> Article:
    """One scraper record (``title``, ``date``, ``text``; optional ``url``, ``source``)."""
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no 'text'")
    parts = _Parts(
        title=_optional_str(record, "title"),
        byline=_optional_str(record, "byline") or _optional_str(record, "author"),
        url=_optional_str(record, "url"),
        source=_optional_str(record, "source"),
    )
    parts.date = parse_record_date(record.get("date"))
    _parse_body(text, parts, expect_title=False)
    return _finish(parts, article_id, path)


# --- walking the folder -----------------------------------------------------------------


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(dirpath, name)


def _records(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, ValueError(f"line {number}: invalid JSON ({exc.msg})")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON at line {exc.lineno} ({exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    yield from enumerate(data if isinstance(data, list) else [data], 1)


def load_file(
    path: Path, rel: str, stem_id: str, data: bytes | None = None
) -> Iterator[Article | InputProblem]:
    """The articles of one file (``data``: its bytes, when already read), or its problems."""
    try:
        text = decode(path.read_bytes() if data is None else data)
    except OSError as exc:
        yield InputProblem(rel, exc.strerror or str(exc))
        return
    except ValueError as exc:
        yield InputProblem(rel, str(exc))
        return
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            yield parse_text(text, stem_id, rel)
        except ValueError as exc:
            yield InputProblem(rel, str(exc))
        return
    try:
        for number, record in _records(path, text):
            if isinstance(record, ValueError):
                yield InputProblem(rel, str(record))
                continue
            own_id = record.get("id") if isinstance(record, dict) else None
            article_id = str(own_id) if own_id not in (None, "") else f"{stem_id}#{number}"
            try:
                yield parse_record(record, article_id, rel)
            except ValueError as exc:
                yield InputProblem(rel, f"record {number}: {exc}")
    except ValueError as exc:
        yield InputProblem(rel, str(exc))


def load_corpus(root: Path, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Read every article under ``root`` (a folder, or a single file).

    Files that cannot be used become ``problems``; the rest still load. Raises
    ``CorpusError`` when ``root`` does not exist or is not readable.
    """
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    if root.is_file():
        files, base = [root], root.parent
    elif root.is_dir():
        try:
            files, base = list(_walk(root)), root
        except OSError as exc:
            raise CorpusError(f"cannot read corpus {root}: {exc.strerror}") from None
    else:
        raise CorpusError(f"corpus is neither a folder nor a file: {root}")

    articles: list[Article] = []
    problems: list[InputProblem] = []
    for done, path in enumerate(files, 1):
        rel = PurePosixPath(path.relative_to(base).as_posix())
        stem_id = str(rel.with_suffix(""))
        for item in load_file(path, str(rel), stem_id):
            if isinstance(item, InputProblem):
                problems.append(item)
            else:
                articles.append(item)
        if progress:
            progress(done, len(files))

    articles = _unique_ids(articles, problems)
    articles.sort(key=lambda a: a.id)
    return Corpus(root=root, articles=tuple(articles), problems=tuple(problems))


def _unique_ids(articles: list[Article], problems: list[InputProblem]) -> list[Article]:
    """Ids must be unique: ``a.txt`` and ``a.md`` both become ``a``; keep the paths then."""
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.id] = counts.get(article.id, 0) + 1
    unique: list[Article] = []
    seen: set[str] = set()
    for article in articles:
        if counts[article.id] > 1 and "#" not in article.id:
            article = replace(article, id=article.path)
        if article.id in seen:
            problems.append(InputProblem(article.path, f"duplicate article id {article.id!r}"))
            continue
        seen.add(article.id)
        unique.append(article)
    return unique
