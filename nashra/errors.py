"""Errors that name the file (and line) they are about."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """A source file or post that cannot be used, with the reason.

    ``str(error)`` reads ``path:line: message`` (or ``path: message`` with no line),
    the format compilers use, so editors' tools can jump to the place.

    :param path: the file the error is about.
    :param message: what is wrong, in a sentence an editor can act on.
    :param line: 1-based line number, when there is one.
    """

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}")
