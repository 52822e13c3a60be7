"""The `neg` command line: parse options, call the library, render. No logic here."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from . import __version__, query, render
from .corpus import Corpus, bundled_corpus_path, load_corpus
from .dates import Period, parse_user_date
from .errors import NegError, NotFound

F = TypeVar("F", bound=Callable[..., Any])

ARTICLE_COLUMNS = (
    render.Column("id", "id"),
    render.Column("date", "date"),
    render.Column("paragraph_count", "¶", justify="right"),
    render.Column("title", "title", max_width=60),
)

EXIT_PARTIAL = 3  # results were produced, but some input files or records were skipped


class DateParam(click.ParamType):  # type: ignore[type-arg]  # generic only in click ≥ 8.2
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Period):
            return value
        try:
            return parse_user_date(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class State:
    """What every command shares; the corpus is read only when a command needs it."""

    def __init__(self, corpus_path: Path | None) -> None:
        self.corpus_path = corpus_path
        self.problems_reported = False

    @functools.cached_property
    def corpus(self) -> Corpus:
        corpus = load_corpus(self.corpus_path or bundled_corpus_path())
        for problem in corpus.problems:
            click.echo(f"neg: warning: skipped {problem}", err=True)
        if not corpus.articles:
            raise NegError(f"no readable articles in {corpus.root}")
        return corpus

    @property
    def partial(self) -> bool:
        return "corpus" in self.__dict__ and bool(self.corpus.problems)


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
) -> None:
    """Render ``rows``; no rows is exit 1 (machine formats still print a valid empty result)."""
    with opened(output, fmt) as out:
        if rows or fmt != "table":
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
        except BrokenPipeError:
            raise
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
@click.version_option(__version__, prog_name="neg")
@click.pass_context
def cli(ctx: click.Context, corpus: Path | None) -> None:
    """Who said what, when and where: Vietnamese news about the Russia–Ukraine–US talks.

    Point neg at a folder of articles (.txt, .md, .jsonl, .json) with --corpus or
    NEG_CORPUS; without one it uses the five bundled sample articles.

    \b
    Exit codes: 0 success, 1 nothing found, 2 bad usage or unusable corpus,
    3 results printed but some input files were skipped (see the warnings).

    \b
        neg articles --since 2025-10
        neg show 002_061c0b6f4e783336
        neg --corpus ~/news articles -f json | jq '.[].title'
    """
    ctx.obj = State(corpus)


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
    found = query.articles(state.corpus, since=since, until=until)
    emit([a.to_summary() for a in found], fmt, output, ARTICLE_COLUMNS, "articles")


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
    found = query.find_article(state.corpus, article_id)
    with opened(output, fmt) as out:
        render.article(found.to_dict(), fmt, out)


def main() -> None:
    try:
        cli(prog_name="neg")
    except BrokenPipeError:
        # The reader went away (`neg … | head`): not an error. Silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
