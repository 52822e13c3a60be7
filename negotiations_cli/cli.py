"""The `neg` command line: parse options, call the library, render. No logic here."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

from . import DEFAULT_MAX_SIZE, __version__, bundled_corpus_path, query, render
from .errors import NegError, NotFound
from .index import CacheUnavailable, Index
from .search import parse_query

if TYPE_CHECKING:
    from .dates import Period

F = TypeVar("F", bound=Callable[..., Any])

ARTICLE_COLUMNS = (
    render.Column("id", "id"),
    render.Column("date", "date"),
    render.Column("paragraph_count", "¶", justify="right"),
    render.Column("title", "title", max_width=50),
    render.Column("people", "people", max_width=30),
    render.Column("venues", "venues", max_width=20),
)
STATEMENT_COLUMNS = (
    render.Column("date", "date"),
    render.Column("speaker", "speaker", max_width=22),
    render.Column("kind", "kind"),
    render.Column("cue", "cue"),
    render.Column("text", "text", max_width=70),
    render.Column("where", "article ¶"),
)
PEOPLE_COLUMNS = (
    render.Column("name", "name"),
    render.Column("aliases", "aliases", max_width=24),
    render.Column("country", "country"),
    render.Column("role_list", "roles", max_width=40),
    render.Column("article_count", "articles", justify="right"),
    render.Column("mentions", "mentions", justify="right"),
    render.Column("statements", "statements", justify="right"),
)
VENUE_COLUMNS = (
    render.Column("name", "venue"),
    render.Column("spellings", "spellings", max_width=24),
    render.Column("article_count", "articles", justify="right"),
    render.Column("event_dates", "events (dates)", max_width=50),
)
INDEX_COLUMNS = (
    render.Column("key", "index"),
    render.Column("value", ""),
)
SCHEMA_VERSION = 1

PROGRESS_FROM = 200  # files: below this, reading the corpus is too quick for a bar
EXIT_PARTIAL = 3  # results were produced, but some input files or records were skipped


class DateParam(click.ParamType):  # type: ignore[type-arg]  # generic only in click ≥ 8.2
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from .dates import Period, parse_user_date  # only when a date was given

        if isinstance(value, Period):
            return value
        try:
            return parse_user_date(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2}
_UNITS |= {"G": 1024**3, "GB": 1024**3}


class SizeParam(click.ParamType):  # type: ignore[type-arg]  # generic only in click ≥ 8.2
    """A size in bytes: 32M, 500K, 1G or a plain number of bytes."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper()
        number = text.rstrip("KMGB")
        try:
            size = int(float(number) * _UNITS[text[len(number) :]])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size such as 32M, 500K or 1G", param, ctx)
        if size <= 0:
            self.fail(f"{value!r} is not a positive size", param, ctx)
        return size


T = TypeVar("T")


class State:
    """What every command shares; the corpus is indexed only when a command needs it."""

    def __init__(
        self,
        corpus_path: Path | None,
        no_cache: bool,
        no_refresh: bool,
        verbose: bool = False,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> None:
        self.corpus_path = corpus_path
        self.no_cache = no_cache
        self.no_refresh = no_refresh
        self.verbose = verbose
        self.max_size = max_size

    def open_index(self, *, full: bool = False, rebuild: bool = False) -> Index:
        root = self.corpus_path or bundled_corpus_path()
        show = sys.stderr.isatty()
        with render.progress("Indexing", enabled=show, threshold=PROGRESS_FROM) as update:
            index = None
            if not self.no_cache:
                try:
                    index = Index.open(
                        root,
                        refresh=not self.no_refresh,
                        full=full,
                        rebuild=rebuild,
                        progress=update,
                        max_size=self.max_size,
                    )
                except CacheUnavailable as exc:
                    click.echo(f"neg: warning: {exc}; working in memory", err=True)
            if index is None:
                index = Index.memory(root, progress=update, max_size=self.max_size)
        self.report(index)
        if not index.has_articles():
            raise NegError(f"no readable articles in {root}")
        return index

    def report(self, index: Index) -> None:
        """Name every skipped file and every warning on stderr, then one summary line."""
        for message in index.notices:
            click.echo(f"neg: warning: {message}", err=True)
        problems = index.problems()
        skipped_files: set[str] = set()
        records = warnings = 0
        for problem in problems:
            if problem.kind == "skipped":
                click.echo(f"neg: skipped {problem}", err=True)
                if problem.reason.startswith(("record ", "line ")):  # inside a .jsonl file
                    records += 1
                else:
                    skipped_files.add(problem.path)
            elif problem.kind == "warning":
                warnings += 1
                click.echo(f"neg: warning: {problem}", err=True)
            elif self.verbose:
                click.echo(f"neg: note: {problem}", err=True)
        if skipped_files or records or warnings or self.verbose:
            parts = [f"{index.article_count():,} articles loaded"]
            parts.append(f"{len(skipped_files):,} files skipped")
            if records:
                parts.append(f"{records:,} records skipped")
            if warnings:
                parts.append(f"{warnings:,} warnings")
            click.echo(f"neg: {', '.join(parts)}", err=True)

    @functools.cached_property
    def index(self) -> Index:
        return self.open_index()

    def answer(self, ask: Callable[[Index], T]) -> T:
        """``ask`` the index; if a file the answer came from changed on disk since it was
        indexed, re-read that file and ask again (unless --no-refresh)."""
        index = self.index
        found = ask(index)
        if not self.no_refresh and index.recheck():
            found = ask(index)
        return found

    @property
    def partial(self) -> bool:
        return "index" in self.__dict__ and any(p.kind == "skipped" for p in self.index.problems())


def output_options(func: F) -> F:
    """``-f/--format`` and ``-o/--output``, shared by every listing command."""
    func = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help="Write to FILE instead of standard output (UTF-8).",
    )(func)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(render.FORMATS),
        default="table",
        show_default=True,
        help="Output format: a table to read, or JSON / JSON Lines / CSV.",
    )(func)


def date_range_options(func: F) -> F:
    func = click.option(
        "--until", type=DateParam(), help="Up to this date, inclusive (same forms as --since)."
    )(func)
    return click.option(
        "--since",
        type=DateParam(),
        help="From this date: 2025-10-03, 2025-10, 2025 or 03/10/2025 (day first).",
    )(func)


@contextmanager
def opened(output: Path | None, fmt: str) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="" if fmt == "csv" else None) as handle:
        yield handle
    click.echo(f"neg: wrote {output}", err=True)


def emit(
    rows: list[dict[str, Any]],
    fmt: str,
    output: Path | None,
    columns: tuple[render.Column, ...],
    what: str,
    page: Callable[[list[dict[str, Any]], TextIO], None] | None = None,
) -> None:
    """Render ``rows`` (``page`` writes the table format instead of a table of ``columns``);
    no rows is exit 1 (machine formats still print a valid empty result)."""
    with opened(output, fmt) as out:
        if rows and fmt == "table" and page is not None:
            page(rows, out)
        elif rows or fmt != "table":
            render.records(rows, fmt, out, columns)
    if not rows:
        raise NotFound(f"no {what} found")


class NegGroup(click.Group):
    """Turns library errors into one-line messages and exit codes; never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NegError as exc:
            fail(ctx, str(exc), exc.exit_code)
        except sqlite3.Error as exc:  # a cache file that broke under us, a full disk …
            fail(ctx, f"the index could not be used ({exc}); `neg index --rebuild` rebuilds it", 1)
        except BrokenPipeError:
            # The reader went away (`neg … | head -1`): not an error. Silence the final flush.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("\nneg: interrupted", err=True)
            ctx.exit(130)
        except OSError as exc:  # e.g. -o into a folder that does not exist
            fail(ctx, f"{exc.filename or ''}: {exc.strerror}", 2)


def fail(ctx: click.Context, message: str, code: int) -> NoReturn:
    click.echo(f"neg: error: {message}", err=True)
    ctx.exit(code)


@click.group(cls=NegGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    envvar="NEG_CORPUS",
    show_envvar=True,
    help="Folder (or single file) of articles. Default: the bundled sample articles.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Work in memory: neither read nor write the index in the cache folder.",
)
@click.option(
    "--no-refresh",
    is_flag=True,
    help="Use the cached index as it stands, without looking at the corpus for changes.",
)
@click.option(
    "--max-file-size",
    "max_size",
    type=SizeParam(),
    default=DEFAULT_MAX_SIZE,
    envvar="NEG_MAX_FILE_SIZE",
    show_envvar=True,
    help="Skip article files larger than this (32M by default; in .jsonl, per record).",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Also say which files were read in a legacy encoding."
)
@click.version_option(__version__, prog_name="neg")
@click.pass_context
def cli(
    ctx: click.Context,
    corpus: Path | None,
    no_cache: bool,
    no_refresh: bool,
    max_size: int,
    verbose: bool,
) -> None:
    """Who said what, when and where: Vietnamese news about the Russia–Ukraine–US talks.

    Point neg at a folder of articles (.txt, .md, .jsonl, .json) with --corpus or
    NEG_CORPUS; without one it uses the five bundled sample articles.

    \b
    Exit codes: 0 success, 1 nothing found, 2 bad usage or unusable corpus,
    3 results printed but some input files were skipped (each is named on
    stderr, then a summary line), 130 interrupted.

    The first command on a folder builds an index in the cache folder
    (~/.cache/neg, or NEG_CACHE_DIR); later commands reuse it and pick up added,
    changed and removed files.

    \b
        neg search Istanbul
        neg statements --speaker peskov --since 2025-10
        neg --corpus ~/news articles -f json | jq '.[].title'
    """
    ctx.obj = State(corpus, no_cache, no_refresh, verbose, max_size)


@cli.result_callback()
@click.pass_obj
def _finish(state: State, *_args: Any, **_kwargs: Any) -> None:
    if state.partial:
        sys.exit(EXIT_PARTIAL)


@cli.command()
@date_range_options
@output_options
@click.pass_obj
def articles(
    state: State, since: Period | None, until: Period | None, fmt: str, output: Path | None
) -> None:
    """List the articles: id, date, title, paragraph count.

    \b
        neg articles
        neg articles --since 2025-10 --until 2025-10-31
        neg articles --since 03/10/2025 -f csv -o articles.csv
    """

    def ask(index: Index) -> list[dict[str, Any]]:
        found = query.articles(index, since=since, until=until)
        people_of, venues_of = index.article_people(), index.article_venues()
        return [a.to_summary(people_of.get(a.id, ()), venues_of.get(a.id, ())) for a in found]

    emit(state.answer(ask), fmt, output, ARTICLE_COLUMNS, "articles")


@cli.command()
@click.argument("article_id", metavar="ID")
@output_options
@click.pass_obj
def show(state: State, article_id: str, fmt: str, output: Path | None) -> None:
    """Show one clean article: metadata, captions and numbered paragraphs.

    ID is an article id from `neg articles` (a unique prefix is enough).

    \b
        neg show 002_061c0b6f4e783336
        neg show 002 -f json | jq -r '.paragraphs[]'
    """
    found = state.answer(lambda index: query.find_article(index, article_id))
    doc = found.to_dict()
    if fmt == "table":
        doc["people"] = state.index.article_people(found.id).get(found.id, ())
        doc["venues"] = state.index.article_venues(found.id).get(found.id, ())
    with opened(output, fmt) as out:
        render.article(doc, fmt, out)


def statement_filters(func: F) -> F:
    """The filters `statements` and `export` share, handed to the command as one
    ``where: query.StatementFilter``."""

    @functools.wraps(func)
    def gather(
        *args: Any,
        speaker: str | None,
        since: Period | None,
        until: Period | None,
        venue: str | None,
        kind: str | None,
        article_id: str | None,
        contains: str | None,
        **kwargs: Any,
    ) -> Any:
        where = query.StatementFilter(speaker, since, until, venue, kind, article_id, contains)
        return func(*args, where=where, **kwargs)

    options = [
        click.option(
            "--contains",
            metavar="TEXT",
            help="Only statements whose text contains TEXT (accents optional).",
        ),
        click.option("--article", "article_id", metavar="ID", help="Only this article."),
        click.option(
            "--kind",
            type=click.Choice(["direct", "indirect", "mixed"]),
            help="direct (in quotation marks), indirect (reported) or mixed.",
        ),
        click.option(
            "--venue",
            metavar="PLACE",
            help="Only statements that name this venue, any spelling: Moskva, Geneva.",
        ),
    ]
    wrapped: Any = gather
    for option in options:
        wrapped = option(wrapped)
    wrapped = date_range_options(wrapped)
    return click.option(  # type: ignore[no-any-return]
        "--speaker",
        metavar="NAME",
        help="Who said it: any name, alias or spelling (peskov, Peskof, Pê-xcốp).",
    )(wrapped)


@cli.command()
@statement_filters
@output_options
@click.pass_obj
def statements(state: State, where: query.StatementFilter, fmt: str, output: Path | None) -> None:
    """List who said what, oldest first.

    A date range keeps a statement whose date, at its own precision (a day, a month),
    overlaps the range.

    \b
        neg statements --speaker peskov
        neg statements --since 2025-10-01 --until 2025-10-31 -f json
        neg statements --venue Istanbul --kind direct
        neg statements --speaker Pê-xcốp -f csv -o peskov.csv
    """
    found = state.answer(lambda index: query.statements(index, where))
    rows = [s.to_dict() | {"where": f"{s.article} ¶{s.paragraph}"} for s in found]
    if fmt != "table":
        rows = [s.to_dict() for s in found]
    emit(rows, fmt, output, STATEMENT_COLUMNS, "statements")


@cli.command()
@click.option("--speaker", metavar="NAME", help="Only this person (any spelling).")
@output_options
@click.pass_obj
def people(state: State, speaker: str | None, fmt: str, output: Path | None) -> None:
    """List the people the articles mention: name, aliases, roles, counts.

    \b
        neg people
        neg people --speaker zelenskyy -f json | jq '.[0].roles'
    """
    found = state.answer(lambda index: query.people(index, speaker))
    rows = [p.to_dict() for p in found]
    if fmt == "table":
        rows = [
            r
            | {
                "role_list": sorted({x["role"] for x in r["roles"]}),
                "article_count": len(r["articles"]),
            }
            for r in rows
        ]
    emit(rows, fmt, output, PEOPLE_COLUMNS, "people")


@cli.command()
@output_options
@click.pass_obj
def venues(state: State, fmt: str, output: Path | None) -> None:
    """List the venues of talks and meetings, with the dates the articles give.

    \b
        neg venues
        neg venues -f json | jq '.[] | {name, events: [.events[].date]}'
    """
    rows = [v.to_dict() for v in state.answer(query.venues)]
    if fmt == "table":
        rows = [
            r
            | {
                "article_count": len(r["articles"]),
                "event_dates": sorted({e["date"] for e in r["events"] if e["date"]}),
            }
            for r in rows
        ]
    emit(rows, fmt, output, VENUE_COLUMNS, "venues")


@cli.command()
@statement_filters
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to FILE instead of standard output.",
)
@click.pass_obj
def export(state: State, where: query.StatementFilter, output: Path | None) -> None:
    """Export one JSON document: articles, people, venues and statements.

    Without filters, everything; with filters, the statements they select and the
    articles, people and venues those statements refer to.

    \b
        neg export -o corpus.json
        neg export --speaker peskov --since 2025-09 -o peskov.json
    """
    doc = state.answer(lambda index: query.export(index, where))
    with opened(output, "json") as out:
        render.document({"schema_version": SCHEMA_VERSION, **doc}, out)
    if not doc["statements"] and not where.empty:
        raise NotFound("no statements found")


@cli.command()
@click.argument("words", nargs=-1, required=True)
@date_range_options
@click.option(
    "--speaker", metavar="NAME", help="Only paragraphs carrying this speaker's statements."
)
@click.option("--venue", metavar="PLACE", help="Only paragraphs telling of talks at this venue.")
@click.option("--article", "article_id", metavar="ID", help="Only this article.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="At most this many hits.",
)
@click.option(
    "--context",
    type=click.IntRange(min=0),
    default=80,
    show_default=True,
    help="Characters of passage shown on each side of the first match.",
)
@click.option("--full", is_flag=True, help="Show whole paragraphs.")
@click.option("--exact", is_flag=True, help="Match accents as typed (tone placement still free).")
@click.option("--fuzzy", is_flag=True, help="Correct words the corpus never uses, then search.")
@output_options
@click.pass_obj
def search(
    state: State,
    words: tuple[str, ...],
    since: Period | None,
    until: Period | None,
    speaker: str | None,
    venue: str | None,
    article_id: str | None,
    limit: int,
    context: int,
    full: bool,
    exact: bool,
    fuzzy: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Search paragraphs, captions and titles; best passages first.

    Case, accents, tone placement and đ are ignored (`dam phan` finds `đàm phán`) unless
    --exact. All words are required; "quoted phrases", OR between two words, -word to
    leave out. Known spellings are searched together: Moskva also finds Mátxcơva and
    Moscow. Exit code 1 when nothing matches, like grep.

    \b
        neg search Istanbul
        neg search '"Điện Kremlin" Peskov OR Lavrov -Trump'
        neg search "dam phan" --since 2025-10 --speaker peskov
        neg search Moskva -f json | jq '.[] | {article, paragraph, text}'
    """
    index = state.index
    text = " ".join(words)
    options = query.SearchOptions(
        since, until, speaker, venue, article_id, limit, context, full, exact
    )
    parsed = parse_query(text, exact=exact)
    corrections = query.suggest(index, parsed) if fuzzy else {}
    searched = parsed.replace_words(corrections) if corrections else parsed
    hits = state.answer(lambda index: query.search(index, searched, options))
    if corrections:
        click.echo(
            "neg: searched for " + ", ".join(f"{w} → {c}" for w, c in corrections.items()), err=True
        )
    if not hits and not fuzzy and (corrections := query.suggest(index, parsed)):
        click.echo(
            f"neg: did you mean {' '.join(corrections.get(w, w) for w in parsed.words())}? "
            "(--fuzzy searches for it)",
            err=True,
        )
    rows = [h.to_dict() for h in hits]
    emit(rows, fmt, output, (), "matches", page=render.hits)


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Throw the index away and build it again.")
@output_options
@click.pass_obj
def index_command(state: State, rebuild: bool, fmt: str, output: Path | None) -> None:
    """Check every file of the corpus, update the index, and show its status.

    The everyday check before other commands only looks at folders (cheap on large
    corpora); this one stats every file and catches in-place edits.

    \b
        neg index
        neg --corpus ~/news index --rebuild
        neg index -f json | jq .articles
    """
    if state.no_cache:
        raise NegError("neg index works on the cached index; drop --no-cache")
    status = state.open_index(full=True, rebuild=rebuild).status().to_dict()
    rows = (
        [status]
        if fmt != "table"
        else [{"key": key, "value": value} for key, value in status.items()]
    )
    emit(rows, fmt, output, INDEX_COLUMNS, "index")


def main() -> None:
    try:
        cli(prog_name="neg")
    except KeyboardInterrupt:
        click.echo("neg: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`neg … | head`): not an error. Silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
