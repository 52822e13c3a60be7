"""Errors the library raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

__all__ = ["CorpusError", "InputProblem", "NegError", "NotFound", "UsageError"]


class NegError(Exception):
    """Base class: a problem with a readable, one-line message."""

    exit_code = 1


class NotFound(NegError):
    """The query was fine but matched nothing (exit 1)."""

    exit_code = 1


class UsageError(NegError):
    """A bad option value or an unusable corpus path (exit 2)."""

    exit_code = 2


class CorpusError(UsageError):
    """The corpus path does not exist or holds no readable articles (exit 2)."""


class InputProblem(NegError):
    """One input file or record could not be used (``skipped``; the rest of the corpus still
    loads), was used with a caveat (``warning``), or is worth a word with ``-v`` (``note``)."""

    def __init__(self, path: str, reason: str, kind: str = "skipped") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind
