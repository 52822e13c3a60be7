"""The index: every article, passage, person, statement and venue event of a corpus in one
SQLite database — built once, kept in the user's cache directory, updated file by file.

Search runs on SQLite FTS5 over pre-folded text (its unicode61 tokenizer does not fold
``đ``, so ``text.fold`` runs before indexing and before querying). ``--no-cache`` builds
the same database in memory, so there is one code path.

Freshness: a folder's mtime changes when a file in it is added, removed or renamed (and
when an editor saves by writing a new file and renaming it over the old one). The quick
check stats the folders the index knows and rescans only those that changed; ``neg index``
stats every file (size, mtime, and a content hash when in doubt) and catches in-place edits.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from . import DEFAULT_MAX_SIZE, __version__
from .errors import CorpusError, InputProblem
from .text import fold, fold_key, words

if TYPE_CHECKING:  # the models are made only when rows are read: a search needs none
    from .models import Article, Person, Statement, Venue

__all__ = ["CacheUnavailable", "Index", "IndexStatus", "cache_dir"]

SCHEMA_VERSION = 5
_ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".json"})  # as corpus.py
Progress = Callable[[int, int], None]
# Below this many files the work is done in this process: a pool costs more than it saves.
_POOL_FROM = 64
# Files modified this close to the moment they were indexed are re-hashed next time:
# a second write within the same mtime tick would otherwise go unnoticed.
_RACY_NS = 2_000_000_000
# While a first build runs, it commits this often, so that Ctrl-C loses at most this much.
_COMMIT_EVERY_S = 1.0

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dirs(path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL);
CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                   digest TEXT NOT NULL, indexed_ns INTEGER NOT NULL);
CREATE TABLE problems(path TEXT NOT NULL, reason TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX problems_path ON problems(path);
CREATE TABLE articles(id TEXT PRIMARY KEY, file TEXT NOT NULL, date TEXT, title TEXT NOT NULL,
                      doc TEXT NOT NULL);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE passages(id INTEGER PRIMARY KEY, article TEXT NOT NULL, paragraph INTEGER NOT NULL,
                      part TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX passages_article ON passages(article, paragraph);
CREATE VIRTUAL TABLE fts USING fts5(folded, content = '',
                                    tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE people(article TEXT NOT NULL, name TEXT NOT NULL, surfaces TEXT NOT NULL,
                    roles TEXT NOT NULL, gender TEXT, country TEXT, mentions INTEGER NOT NULL);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_article ON people(article);
CREATE TABLE statements(id TEXT PRIMARY KEY, article TEXT NOT NULL, paragraph INTEGER NOT NULL,
                        start INTEGER NOT NULL, end INTEGER NOT NULL, speaker TEXT NOT NULL,
                        speaker_type TEXT NOT NULL, mention TEXT NOT NULL, role TEXT,
                        kind TEXT NOT NULL, cue TEXT NOT NULL, text TEXT NOT NULL, date TEXT,
                        date_start TEXT, date_end TEXT, date_source TEXT NOT NULL,
                        venues TEXT NOT NULL, passage INTEGER NOT NULL);
-- covering: a speaker's statements by date, and the passages that carry them (search)
CREATE INDEX statements_speaker ON statements(speaker, date_end, passage);
CREATE INDEX statements_article ON statements(article);
CREATE INDEX statements_date ON statements(date_start);
CREATE TABLE events(article TEXT NOT NULL, paragraph INTEGER NOT NULL, venue TEXT NOT NULL,
                    kind TEXT NOT NULL, country TEXT, spelling TEXT NOT NULL, date TEXT,
                    sentence TEXT NOT NULL, passage INTEGER NOT NULL);
CREATE INDEX events_venue ON events(venue, passage);
CREATE INDEX events_article ON events(article);
CREATE TABLE renames(name TEXT PRIMARY KEY, canonical TEXT NOT NULL);
-- how many articles name each person: what the corpus-wide merge of names reads
CREATE TABLE person_names(name TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;
-- row counts of the big tables, kept as rows come and go (count(*) reads the whole table)
CREATE TABLE counts(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX renames_canonical ON renames(canonical);
CREATE TABLE speaker_keys(key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (key, name))
    WITHOUT ROWID;
"""


class CacheUnavailable(CorpusError):
    """The cache folder cannot be written: the caller may work in memory instead."""


class _Lock:
    """An exclusive lock on a file, held while one process builds or updates an index."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("a")

    def __enter__(self) -> None:
        import fcntl

        fcntl.flock(self.handle, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        import fcntl

        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def cache_dir() -> Path:
    """``$NEG_CACHE_DIR``, else ``$XDG_CACHE_HOME/neg``, else ``~/.cache/neg``."""
    if explicit := os.environ.get("NEG_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "neg"


@cache
def _fingerprint() -> str:
    """neg's version, lexicon and reading code (their sizes and modification times): when
    any changes, stored extractions may be stale and the index is rebuilt."""
    package = Path(__file__).resolve().parent
    sources = [package / name for name in ("corpus.py", "dates.py", "text.py", "index.py")]
    for folder in ("extract", "lexicon"):
        sources += sorted(
            p for p in (package / folder).iterdir() if p.suffix in (".py", ".txt", ".json")
        )
    stamp = ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)
    return f"{SCHEMA_VERSION}:{__version__}:{zlib.crc32(stamp.encode()):08x}"


# --- reading one file (runs in worker processes) -------------------------------------------


@dataclass(frozen=True, slots=True)
class _FileResult:
    rel: str
    size: int
    mtime_ns: int
    digest: str
    rows: tuple[dict[str, Any], ...]  # one per article: the article and what was extracted
    problems: tuple[tuple[str, str], ...]  # (reason, kind)


def _digest(data: bytes) -> str:
    import hashlib  # only when files are read: a plain query never needs it

    return hashlib.sha1(data).hexdigest()


def _read_file(root: str, rel: str, max_size: int) -> _FileResult:
    from .corpus import load_file, too_large, unusable

    path = Path(root, rel)
    problems: list[tuple[str, str]] = []
    try:
        if rel.endswith("/"):  # a folder _scan could not read
            os.scandir(path).close()
            return _FileResult(rel, 0, 0, "", (), ())
        stat = path.stat(follow_symlinks=False)
        if reason := unusable(path):  # never open a named pipe: it would block
            return _FileResult(rel, stat.st_size, stat.st_mtime_ns, "", (), ((reason, "skipped"),))
        stat = path.stat()
        if reason := too_large(path, stat.st_size, max_size):
            return _FileResult(rel, stat.st_size, stat.st_mtime_ns, "", (), ((reason, "skipped"),))
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if rel.endswith("/"):
            reason = f"folder cannot be read ({reason})"
        return _FileResult(rel, 0, 0, "", (), ((reason, "skipped"),))
    stem_id = str(PurePosixPath(rel).with_suffix(""))
    rows: list[dict[str, Any]] = []
    for item in load_file(path, rel, stem_id, data, max_size):
        if isinstance(item, InputProblem):
            problems.append((item.reason, item.kind))
        else:
            rows.append(_facts_row(item))
    digest = _digest(data)
    return _FileResult(rel, stat.st_size, stat.st_mtime_ns, digest, tuple(rows), tuple(problems))


def _facts_row(article: Article) -> dict[str, Any]:
    from .extract import extract_article  # only building needs the extractor

    facts = extract_article(article)
    return {
        "article": article,
        "people": [
            (p.name, p.surfaces, p.roles, p.gender, p.country, p.mentions)
            for p in facts.people.values()
        ],
        "statements": facts.statements,
        "events": [
            (
                e.paragraph,
                place.name,
                place.kind,
                place.country,
                spelling,
                e.date.iso() if e.date else None,
                e.sentence,
            )
            for place, spelling, e in facts.events
        ],
    }


def _read_many(
    root: Path, rels: Sequence[str], max_size: int, progress: Progress | None
) -> Iterator[_FileResult]:
    if len(rels) < _POOL_FROM or (os.cpu_count() or 1) < 2:
        for done, rel in enumerate(rels, 1):
            yield _read_file(str(root), rel, max_size)
            if progress:
                progress(done, len(rels))
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 2, 8)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    try:
        chunk = max(1, min(64, len(rels) // (workers * 8)))
        results = pool.map(
            _read_file, [str(root)] * len(rels), rels, [max_size] * len(rels), chunksize=chunk
        )
        for done, result in enumerate(results, 1):
            yield result
            if progress:
                progress(done, len(rels))
    finally:  # on Ctrl-C too: the work not yet started is dropped, not waited for
        pool.shutdown(cancel_futures=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --- the index --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexStatus:
    path: str
    corpus: str
    articles: int
    passages: int
    statements: int
    files: int
    problems: int
    size_bytes: int
    built: str
    updated: str
    changes: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "corpus": self.corpus,
            "articles": self.articles,
            "passages": self.passages,
            "statements": self.statements,
            "files": self.files,
            "problems": self.problems,
            "size_bytes": self.size_bytes,
            "built": self.built,
            "updated": self.updated,
            "changes": self.changes,
        }


class Index:
    """A corpus, read and indexed. Open with ``Index.open`` (cached) or ``Index.memory``."""

    def __init__(
        self, db: sqlite3.Connection, root: Path, path: str, max_size: int = DEFAULT_MAX_SIZE
    ) -> None:
        self.db = db
        self.max_size = max_size  # larger files are skipped (corpus.too_large)
        self.root = root  # the corpus: a folder, or one file
        self.base = root.parent if root.is_file() else root  # what file paths are relative to
        self.path = path
        self.changes = {"added": 0, "changed": 0, "removed": 0}
        self.served: set[str] = set()  # ids of the articles answers were read from
        self.served_all = False  # an answer was read from every article
        self.complete = True  # False: the first build was cut short (see _build)
        self.commit_every: float | None = None  # seconds between commits while building
        self.notices: list[str] = []  # what happened to the cache, for the user

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def memory(
        cls, root: Path, progress: Progress | None = None, max_size: int = DEFAULT_MAX_SIZE
    ) -> Index:
        """Built from scratch in memory; nothing is written anywhere."""
        root = _check_root(root)
        index = cls(_connect(":memory:"), root, ":memory:", max_size)
        index._create()
        index.update(full=True, progress=progress)
        return index

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        refresh: bool = True,
        full: bool = False,
        rebuild: bool = False,
        progress: Progress | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> Index:
        """The cached index of ``root``: built when missing, from another version or damaged,
        brought up to date unless ``refresh`` is off."""
        root = _check_root(root)
        folder = cache_dir()
        key = f"{zlib.crc32(str(root).encode()):08x}{zlib.adler32(str(root).encode()):08x}"
        path = folder / f"{key}.sqlite"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock = _Lock(folder / f"{key}.lock")
        except OSError as exc:
            raise CacheUnavailable(
                f"cannot use the cache folder {folder}: {exc.strerror}"
            ) from None
        with lock:  # one neg at a time builds or updates an index; the others wait for it
            found = None if rebuild else cls._existing(path, root, max_size)
            if isinstance(found, Index) and not found.complete:
                # a build cut short (Ctrl-C): what it stored stays, the rest is read now
                found.notices.append("the last index build did not finish; finishing it")
                found._build(progress)
                return found
            if isinstance(found, Index):
                if refresh or full:
                    found.update(full=full, progress=progress)
                return found
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
                stale.unlink(missing_ok=True)
            index = cls(_connect(str(path)), root, str(path), max_size)
            index._create()
            if isinstance(found, str):
                index.notices.append(found)
            index._build(progress)
            return index

    def _build(self, progress: Progress | None) -> None:
        """Read every file the index does not hold yet, committing as it goes, then mark the
        index complete: a build cut short resumes where it stopped."""
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB while the bulk load runs
        self.commit_every = _COMMIT_EVERY_S
        self.update(full=True, progress=progress)
        self.commit_every = None
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
        self.complete = True
        # fold the build's write-ahead log into the database now, not in the next command
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @classmethod
    def _existing(cls, path: Path, root: Path, max_size: int) -> Index | str | None:
        """The usable index at ``path``; else why it must be rebuilt (None: there is none)."""
        if not path.exists():
            return None
        if problem := _truncated(path):
            return f"the index {path} is damaged ({problem}); rebuilding it"
        try:
            db = _connect(str(path))
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("fingerprint") != _fingerprint() or meta.get("corpus") != str(root):
                db.close()
                return "the index was made by another version of neg; rebuilding it"
            db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'x'").fetchone()
            index = cls(db, root, str(path), max_size)
            index.complete = meta.get("complete") == "1"
            return index
        except sqlite3.DatabaseError as exc:
            return f"the index {path} is damaged ({exc}); rebuilding it"

    def _create(self) -> None:
        with self.db:
            self.db.executescript(_SCHEMA)
            now = _now()
            self.db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("corpus", str(self.root)),
                    ("fingerprint", _fingerprint()),
                    ("complete", "0"),  # until the first build has read every file
                    ("max_size", str(self.max_size)),
                    ("built", now),
                    ("updated", now),
                ],
            )

    # -- keeping it fresh ------------------------------------------------------------------

    def update(self, *, full: bool = False, progress: Progress | None = None) -> dict[str, int]:
        """Bring the index in line with the corpus: the quick folder check, or with ``full``
        a check of every file. Returns counts of added, changed and removed files."""
        (limit,) = self.db.execute("SELECT value FROM meta WHERE key = 'max_size'").fetchone()
        moved = int(limit) != self.max_size  # files between the two limits are read again
        if not (full or moved) and not self.root.is_file() and self._folders_unchanged():
            self.changes = {"added": 0, "changed": 0, "removed": 0}
            return self.changes
        known = {
            path: (size, mtime)
            for path, size, mtime in self.db.execute("SELECT path, size, mtime_ns FROM files")
        }
        if self.root.is_file():
            stat = self.root.stat()
            current = {self.root.name: (stat.st_size, stat.st_mtime_ns)}
            dirs: dict[str, int] = {}
        else:
            current, dirs = _scan(self.base)
        added = sorted(current.keys() - known.keys())
        removed = sorted(known.keys() - current.keys())
        suspects = [p for p in current.keys() & known.keys() if current[p] != known[p]]
        if full:
            suspects += self._racy(current, known)
        changed = self._really_changed(suspects)
        if moved:
            low = min(int(limit), self.max_size)
            changed = sorted(
                set(changed) | {p for p in current.keys() & known.keys() if current[p][0] > low}
            )
        self.changes = {"added": len(added), "changed": len(changed), "removed": len(removed)}
        if not (added or changed or removed) and not dirs:
            return self.changes
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._apply(added + changed, removed + changed, progress)
            if dirs:
                self.db.execute("DELETE FROM dirs")
                self.db.executemany("INSERT INTO dirs VALUES (?, ?)", dirs.items())
            if moved:
                self.db.execute(
                    "UPDATE meta SET value = ? WHERE key = 'max_size'", (str(self.max_size),)
                )
        return self.changes

    def _apply(self, read: Sequence[str], forget: Sequence[str], progress: Progress | None) -> None:
        """Inside a transaction: drop what ``forget`` files gave, read ``read`` files."""
        if not (read or forget):
            return
        self._forget(forget)
        self._store(_read_many(self.base, sorted(read), self.max_size, progress))
        self._merge_names()
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'updated'", (_now(),))

    def recheck(self) -> bool:
        """Make sure no answer comes from a file changed or removed since it was indexed
        (the quick folder check cannot see an edit in place): stat the files the answer
        read — every file after ``served_all`` — and re-read those that changed. True when
        something did, and the answer must be asked again."""
        if self.path == ":memory:":
            return False
        if self.served_all:
            self.served_all = False
            self.served.clear()
            self.update(full=True)
            return any(self.changes.values())
        ids, self.served = self.served, set()
        if not ids:
            return False
        rows = self.db.execute(
            "SELECT path, size, mtime_ns FROM files WHERE path IN "
            "(SELECT DISTINCT file FROM articles WHERE id IN (SELECT value FROM json_each(?)))",
            (json.dumps(sorted(ids)),),
        ).fetchall()
        suspects, removed = [], []
        base = str(self.base)
        for rel, size, mtime in rows:
            try:
                stat = os.stat(os.path.join(base, rel))
            except FileNotFoundError:
                removed.append(rel)
                continue
            except OSError:
                pass
            else:
                if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
                    continue
            suspects.append(rel)
        changed = self._really_changed(suspects)
        if not (changed or removed):
            return False
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._apply(changed, changed + removed, None)
        self.changes = {"added": 0, "changed": len(changed), "removed": len(removed)}
        return True

    def _folders_unchanged(self) -> bool:
        """Every folder the index knows still has the mtime it had (nothing was added,
        removed or renamed in it), and none is gone. Costs one stat per folder."""
        stored = self.db.execute("SELECT path, mtime_ns FROM dirs").fetchall()
        if not stored:
            return False
        for rel, mtime in stored:
            try:
                if os.stat(self.base / rel if rel else self.base).st_mtime_ns != mtime:
                    return False
            except OSError:
                return False
        return True

    def _racy(
        self, current: dict[str, tuple[int, int]], known: dict[str, tuple[int, int]]
    ) -> list[str]:
        rows = self.db.execute(
            "SELECT path FROM files WHERE indexed_ns - mtime_ns < ?", (_RACY_NS,)
        )
        return [p for (p,) in rows if p in current and current[p] == known.get(p)]

    def _really_changed(self, suspects: Iterable[str]) -> list[str]:
        """Files whose size or mtime moved, or that were written just as they were indexed:
        changed only if their content hash differs (a ``touch`` re-indexes nothing)."""
        changed = []
        for rel in suspects:
            stored = self.db.execute(
                "SELECT digest, size, mtime_ns FROM files WHERE path = ?", (rel,)
            ).fetchone()
            path = self.base / rel
            try:
                data = path.read_bytes() if path.is_file() else None
            except OSError:
                data = None
            if data is None or stored is None or _digest(data) != stored[0]:
                changed.append(rel)
            else:
                stat = path.stat()
                self.db.execute(
                    "UPDATE files SET size = ?, mtime_ns = ?, indexed_ns = ? WHERE path = ?",
                    (stat.st_size, stat.st_mtime_ns, time.time_ns(), rel),
                )
        if changed or suspects:
            self.db.commit()
        return changed

    def _forget(self, rels: Sequence[str]) -> None:
        for rel in rels:
            ids = [a for (a,) in self.db.execute("SELECT id FROM articles WHERE file = ?", (rel,))]
            for article in ids:
                # the full-text index keeps no copy of the text: deleting a row means
                # handing it the folded text that was indexed
                passages = self.db.execute(
                    "SELECT id, text FROM passages WHERE article = ?", (article,)
                ).fetchall()
                self.db.executemany(
                    "INSERT INTO fts(fts, rowid, folded) VALUES ('delete', ?, ?)",
                    [(rowid, fold(text)) for rowid, text in passages],
                )
                names = [
                    n
                    for (n,) in self.db.execute(
                        "SELECT name FROM people WHERE article = ?", (article,)
                    )
                ]
                self.db.executemany(
                    "UPDATE person_names SET articles = articles - 1 WHERE name = ?",
                    [(n,) for n in names],
                )
                self.db.execute("DELETE FROM person_names WHERE articles <= 0")
                statements = self.db.execute(
                    "SELECT count(*) FROM statements WHERE article = ?", (article,)
                ).fetchone()[0]
                self._count("passages", -len(passages))
                self._count("statements", -statements)
                for table in ("passages", "people", "statements", "events"):
                    self.db.execute(f"DELETE FROM {table} WHERE article = ?", (article,))
                self.db.execute("DELETE FROM articles WHERE id = ?", (article,))
            self.db.execute("DELETE FROM files WHERE path = ?", (rel,))
            self.db.execute("DELETE FROM problems WHERE path = ?", (rel,))

    def _count(self, name: str, delta: int) -> None:
        self.db.execute(
            "INSERT INTO counts VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + ?",
            (name, delta, delta),
        )

    def _store(self, results: Iterable[_FileResult]) -> None:
        db = self.db
        last_commit = time.monotonic()
        for result in results:
            if self.commit_every is not None and time.monotonic() - last_commit > self.commit_every:
                db.execute("COMMIT")  # what is stored survives an interruption
                db.execute("BEGIN IMMEDIATE")
                last_commit = time.monotonic()
            db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                (result.rel, result.size, result.mtime_ns, result.digest, time.time_ns()),
            )
            db.executemany(
                "INSERT INTO problems VALUES (?, ?, ?)",
                [(result.rel, reason, kind) for reason, kind in result.problems],
            )
            for row in result.rows:
                self._store_article(row, result.rel)

    def _store_article(self, row: dict[str, Any], rel: str) -> None:
        from .corpus import TEXT_SUFFIXES, title_is_derived

        db = self.db
        article: Article = row["article"]
        article_id = article.id

        def taken(candidate: str) -> bool:
            row = db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone()
            return row is not None

        if taken(article_id):
            # "a.txt" and "a.md" both say "a": the path keeps them apart; records of a dump
            # that share an id become "x#2", "x#3" — both kept, and said so
            text_file = PurePosixPath(article.path).suffix.lower() in TEXT_SUFFIXES
            candidates = [article.path] if text_file else []
            candidates += [f"{article.id}#{n}" for n in range(2, 10_000)]
            article_id = next(c for c in candidates if not taken(c))
            if not text_file:
                db.execute(
                    "INSERT INTO problems VALUES (?, ?, 'warning')",
                    (rel, f"duplicate article id {article.id!r}, kept as {article_id!r}"),
                )
        doc = article.to_dict() | {"id": article_id}
        db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
            (article_id, rel, doc["date"], article.title, json.dumps(doc, ensure_ascii=False)),
        )
        parts = [] if title_is_derived(article) else [(0, "title", article.title)]
        parts += [(0, "caption", c) for c in article.captions]
        parts += [(n, "paragraph", p) for n, p in enumerate(article.paragraphs, 1)]
        passage_of: dict[int, int] = {}  # paragraph number → passage row (the last caption)
        heads: list[tuple[str, int]] = []  # title and captions: (text, passage row)
        for number, part, text in parts:
            cursor = db.execute(
                "INSERT INTO passages(article, paragraph, part, text) VALUES (?, ?, ?, ?)",
                (article_id, number, part, text),
            )
            rowid = int(cursor.lastrowid or 0)
            db.execute("INSERT INTO fts(rowid, folded) VALUES (?, ?)", (rowid, fold(text)))
            passage_of[number] = rowid
            if number == 0:
                heads.append((text, rowid))

        def passage(number: int, sentence: str = "") -> int:
            """The passage a statement or event stands in (a caption's: by its sentence)."""
            if number == 0:
                return next(
                    (r for text, r in heads if sentence in text), heads[0][1] if heads else 0
                )
            return passage_of.get(number, 0)

        db.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    name,
                    json.dumps(surfaces, ensure_ascii=False),
                    json.dumps(roles, ensure_ascii=False),
                    gender,
                    country,
                    mentions,
                )
                for name, surfaces, roles, gender, country, mentions in row["people"]
            ],
        )
        db.executemany(
            "INSERT OR REPLACE INTO statements VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_statement_row(s, article_id), passage(s.paragraph)) for s in row["statements"]],
        )
        db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, *event, passage(event[0], event[-1])) for event in row["events"]],
        )

        keys = {
            (key, name)
            for name, surfaces, _roles, _gender, _country, _mentions in row["people"]
            for key in _name_keys(name, surfaces)
        }
        keys |= {
            (fold_key(s.speaker), s.speaker)
            for s in row["statements"]
            if s.speaker_type != "person"
        }
        self._count("passages", len(parts))
        self._count("statements", len(row["statements"]))
        db.executemany(
            "INSERT INTO person_names VALUES (?, 1) "
            "ON CONFLICT(name) DO UPDATE SET articles = articles + 1",
            [(name,) for name, *_rest in row["people"]],
        )
        # keys outlive the articles they came from (a name read once stays a name one can
        # type); speakers_for() returns only names the index still holds
        db.executemany(
            "INSERT OR IGNORE INTO speaker_keys VALUES (?, ?)",
            [(key, name) for key, name in keys if key],
        )

    def _merge_names(self) -> None:
        """Corpus-wide renames: a lone surname ("Galuzin") or a variant spelling of a full
        name joins the one full name in the corpus it belongs to (see
        ``extract.people.same_person``: surnames ≥ 85, the rest ≥ 80 alike)."""
        from rapidfuzz import fuzz, process

        names = [n for (n,) in self.db.execute("SELECT name FROM person_names")]
        split = {n: words(n) for n in names}
        by_surname: dict[str, list[str]] = defaultdict(list)
        for name in names:
            if len(split[name]) >= 2:
                by_surname[fold_key(split[name][-1])[:4]].append(name)
        # per bucket, in its order (longer names first): the folded surname and the rest
        lasts: dict[str, list[str]] = {}
        rests: dict[str, list[str]] = {}
        position: dict[str, int] = {}
        for key, group in by_surname.items():
            group.sort(key=lambda n: (-len(split[n]), n))
            lasts[key] = [fold_key(split[n][-1]) for n in group]
            rests[key] = [fold_key(" ".join(split[n][:-1])) for n in group]
            position.update((n, i) for i, n in enumerate(group))
        rename: dict[str, str] = {}
        for name in names:
            parts = split[name]
            if not parts:
                continue
            key = fold_key(parts[-1])
            bucket_key = key[:4]
            bucket = by_surname.get(bucket_key, [])
            if len(parts) >= 2:
                # a full name joins the first one before it in the bucket that is the same
                # person; the given names are compared in one call over the whole bucket
                at = position[name]
                alike = process.extract(
                    rests[bucket_key][at],
                    rests[bucket_key][:at],
                    scorer=fuzz.ratio,
                    score_cutoff=80,
                    limit=None,
                )
                for _choice, _score, k in sorted(alike, key=lambda hit: hit[2]):
                    twin = bucket[k]
                    if twin not in rename and fuzz.ratio(lasts[bucket_key][k], key) >= 85:
                        rename[name] = twin
                        break
                continue
            matches = [
                f for f, last in zip(bucket, lasts.get(bucket_key, []), strict=True) if last == key
            ]
            if len(matches) == 1:
                rename[name] = matches[0]
        self.db.execute("DELETE FROM renames")
        self.db.executemany("INSERT INTO renames VALUES (?, ?)", rename.items())

    # -- reading -----------------------------------------------------------------------------

    def status(self) -> IndexStatus:
        kept = dict(self.db.execute("SELECT name, value FROM counts"))

        def count(table: str) -> int:
            if table in kept:
                return int(kept[table])
            return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        size = Path(self.path).stat().st_size if self.path != ":memory:" else 0
        return IndexStatus(
            self.path,
            str(self.root),
            count("articles"),
            count("passages"),
            count("statements"),
            count("files"),
            count("problems"),
            size,
            meta.get("built", ""),
            meta.get("updated", ""),
            dict(self.changes),
        )

    def problems(self) -> list[InputProblem]:
        """What could not be read (``skipped``), was read with a caveat (``warning``), or
        is worth a word with ``-v`` (``note``), by file."""
        rows = self.db.execute("SELECT path, reason, kind FROM problems ORDER BY path, rowid")
        return [InputProblem(p, r, k) for p, r, k in rows]

    def article_count(self) -> int:
        row = self.db.execute("SELECT value FROM counts WHERE name = 'articles'").fetchone()
        if row is not None:
            return int(row[0])
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def has_articles(self) -> bool:
        return self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def article_ids(self) -> list[str]:
        return [a for (a,) in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def articles(self, where: str = "", args: Sequence[Any] = ()) -> list[Article]:
        rows = self.db.execute(f"SELECT doc FROM articles {where} ORDER BY id", args)
        found = [_article(json.loads(doc)) for (doc,) in rows]
        self.served.update(a.id for a in found)
        return found

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT doc FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        self.served.add(article_id)
        return _article(json.loads(row[0]))

    def renames(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT name, canonical FROM renames"))

    def article_people(self, article: str | None = None) -> dict[str, tuple[str, ...]]:
        """Article id → the people it names (canonical names); one article, or all."""
        where, args = ("WHERE article = ?", (article,)) if article else ("", ())
        rows = self.db.execute(f"SELECT article, name FROM people {where}", args).fetchall()
        rename = self.renamed(sorted({n for _a, n in rows})) if article else self.renames()
        found: dict[str, set[str]] = defaultdict(set)
        for article_id, name in rows:
            found[article_id].add(rename.get(name, name))
        return {a: tuple(sorted(names)) for a, names in found.items()}

    def article_venues(self, article: str | None = None) -> dict[str, tuple[str, ...]]:
        """Article id → the venues it tells of; one article, or all."""
        where, args = ("WHERE article = ?", (article,)) if article else ("", ())
        found: dict[str, set[str]] = defaultdict(set)
        for article_id, venue in self.db.execute(
            f"SELECT DISTINCT article, venue FROM events {where}", args
        ):
            found[article_id].add(venue)
        return {a: tuple(sorted(v)) for a, v in found.items()}

    def people(self) -> list[Person]:
        from .models import Person, RoleSeen

        self.served_all = True
        rename = self.renames()
        said: dict[str, int] = defaultdict(int)
        for speaker, count in self.db.execute(
            "SELECT speaker, count(*) FROM statements WHERE speaker_type = 'person' "
            "GROUP BY speaker"
        ):
            said[rename.get(speaker, speaker)] += count
        # dicts as ordered sets: a person named in 25,000 articles must not cost a scan of
        # the articles seen so far for every row
        entries: dict[str, dict[str, Any]] = {}
        for article, name, surfaces, roles, _gender, country, mentions in self.db.execute(
            "SELECT * FROM people ORDER BY article"
        ):
            canonical = rename.get(name, name)
            entry = entries.setdefault(
                canonical,
                {"aliases": {}, "roles": {}, "country": None, "articles": {}, "mentions": 0},
            )
            for alias in [*json.loads(surfaces), name]:
                if alias != canonical:
                    entry["aliases"][alias] = None
            for role in json.loads(roles):
                entry["roles"][RoleSeen(role, article)] = None
            entry["country"] = entry["country"] or country
            entry["articles"][article] = None
            entry["mentions"] += mentions
        return [
            Person(
                name,
                tuple(e["aliases"]),
                tuple(e["roles"]),
                e["country"],
                tuple(e["articles"]),
                e["mentions"],
                said.get(name, 0),
            )
            for name, e in sorted(entries.items())
        ]

    def speakers_for(self, keys: Sequence[str]) -> set[str]:
        """The speakers (canonical names) that any of these folded keys name."""
        if not keys:
            return set()
        marks = ", ".join("?" * len(keys))
        names = [
            n
            for (n,) in self.db.execute(
                f"SELECT DISTINCT k.name FROM speaker_keys k WHERE k.key IN ({marks}) AND ("
                "EXISTS (SELECT 1 FROM people p WHERE p.name = k.name) OR "
                "EXISTS (SELECT 1 FROM statements s WHERE s.speaker = k.name))",
                list(keys),
            )
        ]
        rename = self.renamed(names)
        return {rename.get(n, n) for n in names}

    def speaker_key_list(self) -> list[str]:
        return [k for (k,) in self.db.execute("SELECT DISTINCT key FROM speaker_keys")]

    def renamed(self, names: Sequence[str]) -> dict[str, str]:
        if not names:
            return {}
        marks = ", ".join("?" * len(names))
        return dict(
            self.db.execute(
                f"SELECT name, canonical FROM renames WHERE name IN ({marks})", list(names)
            )
        )

    def names_of(self, speaker: str) -> list[str]:
        """The names stored for ``speaker``: the canonical one and those renamed to it."""
        return [speaker] + [
            n
            for (n,) in self.db.execute("SELECT name FROM renames WHERE canonical = ?", (speaker,))
        ]

    def venue_spellings(self) -> list[tuple[str, str]]:
        """(venue, spelling) pairs the articles use."""
        return self.db.execute("SELECT DISTINCT venue, spelling FROM events").fetchall()

    def venues(self) -> list[Venue]:
        from .dates import Period
        from .models import Venue, VenueEvent

        self.served_all = True
        grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in self.db.execute("SELECT * FROM events ORDER BY article, paragraph"):
            grouped[row[2]].append(row)
        venues = []
        for name in sorted(grouped):
            rows = grouped[name]
            events = tuple(
                VenueEvent(r[0], r[1], Period.from_iso(r[6]) if r[6] else None, r[7]) for r in rows
            )
            venues.append(
                Venue(
                    name,
                    rows[0][3],
                    rows[0][4],
                    tuple(dict.fromkeys(r[5] for r in rows)),
                    tuple(dict.fromkeys(r[0] for r in rows)),
                    events,
                )
            )
        return venues

    def statements(self, where: str = "", args: Sequence[Any] = ()) -> list[Statement]:
        rename = self.renames()
        rows = self.db.execute(
            f"SELECT * FROM statements {where} "
            "ORDER BY date_start IS NULL, date_start, article, paragraph, start",
            args,
        )
        found = [_statement(row, rename) for row in rows]
        self.served.update(s.article for s in found)
        return found

    def close(self) -> None:
        self.db.close()


# --- helpers --------------------------------------------------------------------------------


def _check_root(root: Path) -> Path:
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    if not (root.is_dir() or root.is_file()):
        raise CorpusError(f"corpus is neither a folder nor a file: {root}")
    return root.resolve()


def _truncated(path: Path) -> str | None:
    """Why the database file at ``path`` cannot be whole, from its 100-byte header (the page
    size and the page count of the last checkpoint), or None. Costs one small read."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the page count is only kept when these agree
    if valid and pages * page_size > path.stat().st_size:
        return "the file is shorter than its header says: truncated"
    return None


def _connect(path: str) -> sqlite3.Connection:
    # autocommit; writes are grouped explicitly (BEGIN IMMEDIATE … inside "with db")
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    if path != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    return db


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _scan(root: Path) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Every entry with an article's name (relative path → (size, mtime)) — also named
    pipes and broken links, which reading then reports — and every folder's mtime.
    Symbolic links to folders are followed, each folder once."""
    from .corpus import links_inside

    files: dict[str, tuple[int, int]] = {}
    dirs: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    stack = [""]
    while stack:
        rel = stack.pop()
        folder = os.path.join(root, rel) if rel else str(root)
        prefix = rel + "/" if rel else ""
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(folder))
            dirs[rel] = info.st_mtime_ns
        except OSError:
            if rel:
                files[prefix] = (0, 0)  # "sub/": a folder that cannot be read, reported
            continue
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                if entry.is_dir():
                    if not (entry.is_symlink() and links_inside(entry.path, str(root))):
                        stack.append(prefix + name)  # (a link into the corpus: seen anyway)
                    continue
            except OSError:
                pass  # a link loop: reported as a file below when it has an article's name
            dot = name.rfind(".")
            if dot > 0 and name[dot:].lower() in _ARTICLE_SUFFIXES:
                try:
                    stat = entry.stat()
                except OSError:
                    stat = entry.stat(follow_symlinks=False)
                files[prefix + name] = (stat.st_size, stat.st_mtime_ns)
    return files, dirs


def _name_keys(name: str, surfaces: Iterable[str]) -> set[str]:
    """Folded keys a user may type for a person: each spelling, and its last word."""
    keys = set()
    for spelling in {name, *surfaces}:
        keys.add(fold_key(spelling))
        parts = words(spelling)
        if parts:
            keys.add(fold_key(parts[-1]))
    return keys


def _statement_row(s: Statement, article_id: str) -> tuple[Any, ...]:
    return (
        s.id if s.article == article_id else s.id.replace(s.article, article_id, 1),
        article_id,
        s.paragraph,
        s.start,
        s.end,
        s.speaker,
        s.speaker_type,
        s.speaker_mention,
        s.role,
        s.kind,
        s.cue,
        s.text,
        s.date.iso() if s.date else None,
        s.date.start.isoformat() if s.date else None,
        s.date.end.isoformat() if s.date else None,
        s.date_source,
        json.dumps(list(s.venues), ensure_ascii=False),
    )


def _statement(row: Sequence[Any], rename: dict[str, str]) -> Statement:
    """A ``statements`` row (see _SCHEMA for the column order) → a Statement."""
    from .dates import Period
    from .models import Statement

    speaker = rename.get(row[5], row[5]) if row[6] == "person" else row[5]
    date = Period.from_iso(row[12]) if row[12] else None
    return Statement(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        speaker,
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        date,
        row[15],
        tuple(json.loads(row[16])),
    )


def _article(doc: dict[str, Any]) -> Article:
    import datetime as dt

    from .models import Article

    return Article(
        id=doc["id"],
        path=doc["path"],
        date=dt.date.fromisoformat(doc["date"]) if doc["date"] else None,
        title=doc["title"],
        byline=doc["byline"],
        captions=tuple(doc["captions"]),
        paragraphs=tuple(doc["paragraphs"]),
        url=doc.get("url"),
        source=doc.get("source"),
    )
