"""Records → table, JSON, JSON Lines or CSV. The only module that knows output formats.

Machine formats bypass rich entirely. Article text is untrusted: table cells are
``rich.text.Text`` (never parsed as markup) and CSV cells that a spreadsheet would
run as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from .text import strip_controls

__all__ = ["FORMATS", "Column", "article", "document", "progress", "records"]

FORMATS = ("table", "json", "jsonl", "csv")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    max_width: int | None = None
    justify: Literal["left", "right"] = "left"
    highlight: str | None = None  # the row key holding (start, end) spans to emphasise


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def csv_safe(value: Any) -> str:
    text = _cell(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _json_dump(value: Any, out: TextIO, indent: int | None = 2) -> None:
    json.dump(value, out, ensure_ascii=False, indent=indent)
    out.write("\n")


def records(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    columns: Sequence[Column],
    *,
    color: bool | None = None,
) -> None:
    """Write ``rows``: all keys in the machine formats, ``columns`` in the table."""
    if fmt == "json":
        # one record a line: the C encoder writes it (an indented dump goes through the slow
        # pure-Python one), and `jq`, `grep` and a reader's eye all cope
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        out.write("[\n" + ",\n".join(dumps(row) for row in rows) + "\n]\n" if rows else "[]\n")
    elif fmt == "jsonl":
        for row in rows:
            _json_dump(row, out, indent=None)
    elif fmt == "csv":
        keys = list(rows[0]) if rows else [c.key for c in columns]
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(keys)
        for row in rows:
            writer.writerow([csv_safe(row.get(k)) for k in keys])
    else:
        _table(rows, out, columns, color=color)


def _console(out: TextIO, color: bool | None) -> Any:
    from rich.console import Console

    return Console(
        file=out,
        highlight=False,
        markup=False,
        emoji=False,
        no_color=color is False,
        force_terminal=color or None,
    )


def _text(value: Any, spans: Sequence[Sequence[int]] = ()) -> Any:
    from rich.text import Text

    text = Text(strip_controls(_cell(value)))
    for start, end in spans:
        text.stylize("bold yellow", start, end)
    return text


def _table(
    rows: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[Column], color: bool | None
) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(
            column.header, max_width=column.max_width, justify=column.justify, overflow="fold"
        )
    for row in rows:
        table.add_row(
            *(
                _text(row.get(c.key), row.get(c.highlight, ()) if c.highlight else ())
                for c in columns
            )
        )
    _console(out, color).print(table)


def hits(rows: Sequence[dict[str, Any]], out: TextIO, *, color: bool | None = None) -> None:
    """Search hits for a reader: where (article ¶, date, score) on one line, then the passage
    across the whole width with the matches highlighted, like grep's lines (a table column
    would squeeze it into a third of the screen)."""
    from rich.text import Text

    page = Text()
    for n, row in enumerate(rows):
        where = f"¶{row['paragraph']}" if row["part"] == "paragraph" else f"({row['part']})"
        page.append("\n" if n else "")
        page.append(strip_controls(f"{row['article']} {where}"), style="bold")
        page.append(f"  {row['date'] or 'undated'}  {row['score']}", "dim")
        page.append("\n")
        page.append_text(_text(row["text"], row["highlights"]))
        page.append("\n")
    _console(out, color).print(page, end="")


def article(doc: dict[str, Any], fmt: str, out: TextIO, *, color: bool | None = None) -> None:
    """One article (`neg show`): a readable page, one JSON object, or CSV rows of its parts."""
    if fmt == "json":
        _json_dump(doc, out)
    elif fmt == "jsonl":
        _json_dump(doc, out, indent=None)
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["article", "part", "number", "text"])
        for part, key in (("caption", "captions"), ("paragraph", "paragraphs")):
            for number, text in enumerate(doc[key], 1):
                writer.writerow([csv_safe(doc["id"]), part, number, csv_safe(text)])
    else:
        _article_page(doc, out, color)


def _article_page(doc: dict[str, Any], out: TextIO, color: bool | None) -> None:
    from rich.text import Text

    console = _console(out, color)
    console.print(Text(strip_controls(doc["title"]), style="bold"))
    meta = [("id", doc["id"]), ("date", doc["date"] or "undated"), ("path", doc["path"])]
    meta += [(k, doc[k]) for k in ("byline", "source", "url") if doc.get(k)]
    for key, value in meta:
        console.print(Text.assemble((f"{key}: ", "dim"), strip_controls(str(value))))
    for caption in doc["captions"]:
        console.print(Text.assemble(("caption: ", "dim italic"), strip_controls(caption)))
    for key in ("people", "venues"):
        if doc.get(key):
            console.print(Text.assemble((f"{key}: ", "dim"), ", ".join(doc[key])))
    width = len(str(len(doc["paragraphs"])))
    for number, paragraph in enumerate(doc["paragraphs"], 1):
        console.print()
        console.print(Text.assemble((f"[{number:>{width}}] ", "cyan"), strip_controls(paragraph)))


def document(doc: dict[str, Any], out: TextIO) -> None:
    """One JSON document (`neg export`)."""
    _json_dump(doc, out)


@contextmanager
def progress(
    label: str, *, enabled: bool, threshold: int = 0
) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on standard error, shown only when ``enabled`` and the work counts at
    least ``threshold`` items: yields ``update(done, total)``."""
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if total < threshold:
                return
            bar = Progress(
                f"[progress.description]{label}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task(label, total=total)
        assert task is not None
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
