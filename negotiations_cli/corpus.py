"""Folder of files → clean articles.

Two plain-text layouts are recognised (see README, "Corpus format"): a first line
`` date YYYY-MM-DD <caption or lead>`` followed by paragraphs, and a title line with a
byline (``Ngọc Vân |``), body, closing byline and a related-news block that is cut off.
``.jsonl``/``.json`` files hold scraper records with ``title``, ``date`` and ``text``.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from . import DEFAULT_MAX_SIZE, bundled_corpus_path
from .errors import CorpusError, InputProblem
from .lexicon import load_lines
from .models import Article
from .text import clean, fold

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_SIZE",
    "Corpus",
    "Decoded",
    "bundled_corpus_path",
    "decode",
    "links_inside",
    "load_corpus",
    "load_file",
    "parse_record",
    "parse_text",
    "title_is_derived",
    "too_large",
    "unusable",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})  # index.py keeps a copy of all five
RECORD_SUFFIXES = frozenset({".jsonl", ".json"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES

_DATE_LINE = re.compile(r"^\s*date\s+(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\b[ \t]*(.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?P<name>[^\W\d_][\w.'’ \-]{0,48}?)\s*\|\s*$")
_CLOSING_CREDIT = re.compile(
    r"^(?:\(\s*theo\s+(?P<bracketed>[^(),]{1,40}?)\s*\)|theo\s+(?P<bare>[^\s,.]+(?:\s+[^\s,.]+){0,3}))"
    r"\s*\.?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»’)]\s*$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?…])(?=\s+[\"“«A-ZĐÀ-Ỹ]|\s*$)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_WORD = re.compile(r"[^\W_]")  # a letter or digit: a file without one has no text
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


# --- decoding -------------------------------------------------------------------------


_BOMS = (  # byte order mark, codec, name
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# What a few common non-text files begin with, to name them in the message.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)
# Encodings a detector may prefer over Windows-1258 on a short text; for Vietnamese
# text (our input) Windows-1258 is the likelier reading when it scores nearly as well.
_VIETNAMESE_LEGACY = "cp1258"
_NAMES = {"cp1258": "Windows-1258", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text; ``encoding`` when it was not UTF-8, ``replaced`` invalid bytes."""

    text: str
    encoding: str = "utf-8"
    replaced: int = 0


def decode(data: bytes) -> Decoded:
    """Bytes → text. UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as
    such; UTF-8 with a few stray invalid bytes is read with U+FFFD in their place;
    anything else goes to charset-normalizer (Windows-1258, the legacy Vietnamese code
    page, is preferred when it reads nearly as well). Raises ``ValueError`` for binary
    files and text in no recognisable encoding."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError:
                break  # a BOM followed by something else: let the detector look
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({what}), not text")
    if b"\x00" not in data:
        try:
            return Decoded(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
        lenient = data.decode("utf-8", errors="replace")
        replaced = lenient.count("\ufffd") - data.count("\ufffd".encode())
        valid = sum(1 for c in lenient if c > "\x7f" and c != "\ufffd")
        if valid >= 4 * replaced:  # real UTF-8 text with a few damaged bytes
            return Decoded(lenient, "utf-8", replaced)
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 file

    matches = list(from_bytes(data))
    if not matches:
        if b"\x00" in data:
            raise ValueError("binary file, not text")
        raise ValueError("not text in any encoding neg recognises")
    best = matches[0]
    for match in matches:
        if match.encoding == _VIETNAMESE_LEGACY and match.chaos <= best.chaos + 0.1:
            best = match
            break
    text = str(best)
    if not _looks_like_text(text):
        raise ValueError("binary file, not text")
    return Decoded(text, _NAMES.get(best.encoding, best.encoding))


def _looks_like_text(text: str) -> bool:
    """Prose has spaces and next to no control characters; decoded noise has neither."""
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t")
    spaces = sum(1 for c in text if c.isspace())
    return controls * 100 <= len(text) and spaces * 50 >= len(text) > 0


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
    title = (match.group(1) if match else text).rstrip(".") or text
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
    warnings: list[str] = field(default_factory=list)


def _date_or_warning(value: Any, parts: _Parts) -> dt.date | None:
    try:
        return parse_record_date(value)
    except ValueError as exc:
        parts.warnings.append(f"{exc}; the article is undated")
        return None


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
            parts.date = _date_or_warning(value, parts)
        elif key in ("author", "byline"):
            parts.byline = value
        elif key in ("source", "url"):
            setattr(parts, key, value)
    return lines[end + 1 :]


def _parse_body(text: str, parts: _Parts, *, expect_title: bool) -> None:
    lines = clean(text).split("\n")
    lines = _front_matter(lines, parts)
    if lines and (m := _DATE_LINE.match(lines[0])):
        parts.date = _date_or_warning(m.group(1), parts)
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
    texts = [*parts.paragraphs, *(caption_text(c) for c in parts.captions)]
    if not any(_WORD.search(t) for t in texts):
        raise ValueError("no article text")
    title = parts.title
    if not title:
        lead = caption_text(parts.captions[0]) if parts.captions else ""
        title = _short_title(lead or parts.paragraphs[0])
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


def parse_text(
    text: str, article_id: str, path: str = "", warnings: list[str] | None = None
) -> Article:
    """Parse one plain-text or Markdown article. Raises ``ValueError`` when there is no text;
    what was read with a caveat (an impossible date: the article is undated) goes to
    ``warnings``."""
    parts = _Parts(warnings=[] if warnings is None else warnings)
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


def parse_record(
    record: Any, article_id: str, path: str, warnings: list[str] | None = None
) -> Article:
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
        warnings=[] if warnings is None else warnings,
    )
    parts.date = _date_or_warning(record.get("date"), parts)
    _parse_body(text, parts, expect_title=False)
    return _finish(parts, article_id, path)


# --- walking the folder -----------------------------------------------------------------


def unusable(path: Path) -> str | None:
    """Why a folder entry with an article's name is no file to read (a named pipe, a
    broken link …), or None when it is a regular file or a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return "broken symbolic link (its target is missing)"
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return f"not a regular file ({kind})"


def too_large(path: Path, size: int, max_size: int) -> str | None:
    """The reason to skip a file of ``size`` bytes, or None (a .jsonl file is read record
    by record, and the limit applies to each record)."""
    if size <= max_size or path.suffix.lower() == ".jsonl":
        return None
    return f"larger than the {_megabytes(max_size)} limit ({_megabytes(size)}; see --max-file-size)"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def links_inside(link: str, root: str) -> bool:
    """The symbolic link ``link`` leads into the (resolved) folder ``root``, or is it."""
    target = os.path.realpath(link)
    return target == root or target.startswith(root + os.sep)


def _walk(root: Path) -> Iterator[Path | InputProblem]:
    """Article files under ``root`` (symbolic links to folders are followed once), and
    what has an article's name but cannot be read."""
    seen: set[tuple[int, int]] = set()
    inside = str(root.resolve())
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        info = os.stat(dirpath)
        if (info.st_dev, info.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".")
            # a link to a folder inside the corpus: that folder is read anyway
            and not (
                os.path.islink(os.path.join(dirpath, d))
                and links_inside(os.path.join(dirpath, d), inside)
            )
        )
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                path = Path(dirpath, name)
                if reason := unusable(path):
                    yield InputProblem(path.relative_to(root).as_posix(), reason)
                else:
                    yield path


def _records(path: Path, text: str, max_size: int) -> Iterator[tuple[int, Any]]:
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if len(line) * 4 > max_size and len(line.encode()) > max_size:
                yield (
                    number,
                    ValueError(
                        f"line {number}: record larger than the {_megabytes(max_size)} limit"
                    ),
                )
            elif line.strip():
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
    path: Path,
    rel: str,
    stem_id: str,
    data: bytes | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Iterator[Article | InputProblem]:
    """The articles of one file (``data``: its bytes, when already read and checked against
    ``max_size``), and its problems: ``skipped`` when the file or a record could not be
    used, ``warning`` when it was used with a caveat, ``note`` for what ``-v`` tells."""
    try:
        if data is None:
            if reason := unusable(path) or too_large(path, path.stat().st_size, max_size):
                yield InputProblem(rel, reason)
                return
            data = path.read_bytes()
        decoded = decode(data)
    except OSError as exc:
        yield InputProblem(rel, exc.strerror or str(exc))
        return
    except ValueError as exc:
        yield InputProblem(rel, str(exc))
        return
    if decoded.replaced:
        yield InputProblem(
            rel, f"{decoded.replaced} invalid UTF-8 byte(s) replaced with \ufffd", "warning"
        )
    elif decoded.encoding != "utf-8":
        yield InputProblem(rel, f"read as {decoded.encoding}", "note")
    text = decoded.text
    warnings: list[str] = []
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            yield parse_text(text, stem_id, rel, warnings)
        except ValueError as exc:
            yield InputProblem(rel, str(exc))
        yield from (InputProblem(rel, w, "warning") for w in warnings)
        return
    try:
        for number, record in _records(path, text, max_size):
            if isinstance(record, ValueError):
                yield InputProblem(rel, str(record))
                continue
            own_id = record.get("id") if isinstance(record, dict) else None
            article_id = str(own_id) if own_id not in (None, "") else f"{stem_id}#{number}"
            try:
                yield parse_record(record, article_id, rel, warnings)
            except ValueError as exc:
                yield InputProblem(rel, f"record {number}: {exc}")
            yield from (InputProblem(rel, f"record {number}: {w}", "warning") for w in warnings)
            warnings.clear()
    except ValueError as exc:
        yield InputProblem(rel, str(exc))


def load_corpus(
    root: Path,
    progress: Callable[[int, int], None] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Corpus:
    """Read every article under ``root`` (a folder, or a single file).

    Files that cannot be used become ``problems``; the rest still load. Raises
    ``CorpusError`` when ``root`` does not exist or is not readable.
    """
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    entries: list[Path | InputProblem]
    if root.is_file():
        entries, base = [root], root.parent
    elif root.is_dir():
        try:
            entries, base = list(_walk(root)), root
        except OSError as exc:
            raise CorpusError(f"cannot read corpus {root}: {exc.strerror}") from None
    else:
        raise CorpusError(f"corpus is neither a folder nor a file: {root}")

    articles: list[Article] = []
    problems = [e for e in entries if isinstance(e, InputProblem)]
    files = [e for e in entries if isinstance(e, Path)]
    for done, path in enumerate(files, 1):
        rel = PurePosixPath(path.relative_to(base).as_posix())
        stem_id = str(rel.with_suffix(""))
        for item in load_file(path, str(rel), stem_id, max_size=max_size):
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
