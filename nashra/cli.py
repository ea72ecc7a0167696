"""``nashra-import``: the command behind ``invoke import``.

Prints each written post's path on standard output, one per line; reports on standard
error the sources already imported, the names found that the registry does not know
(so the editor can extend it) and failures (``path: reason``); exits 1 when any source
failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from nashra.errors import SourceError
from nashra.importer import READERS, ImportOptions, import_path, iter_sources
from nashra.post import LANGUAGES


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date of the form YYYY-MM-DD"
        raise argparse.ArgumentTypeError(message) from None


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it lies below it."""
    if not path.is_absolute():
        return str(path)
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``nashra-import`` (options as in design.md's contract)."""
    parser = argparse.ArgumentParser(
        prog="nashra-import",
        description="Turn source articles (files or folders) into Markdown posts.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a source file, or a folder of sources")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the source(s)")
    parser.add_argument("--date", type=_date, help="publication date, YYYY-MM-DD")
    parser.add_argument("--source-url", help="canonical URL of the source page")
    parser.add_argument("--force", action="store_true",
                        help="overwrite an existing post at the same path")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="content folder to write posts into (default: content)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the importer; returns the exit status (0 ok, 1 a source failed, 2 usage).

    A folder gets a progress bar (on standard error, when it is a terminal) and ends
    with a summary: imported, already present, failed (each with its reason).
    """
    args = build_parser().parse_args(argv)
    options = ImportOptions(lang=args.lang, date=args.date,
                            source_url=args.source_url, force=args.force)
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    written = present = 0
    failures: list[str] = []
    for path in args.paths:
        try:
            total = len(iter_sources(path))
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True,
                          disable=total < 2 or not console.is_terminal) as bar:
                task = bar.add_task(f"importing {_shown(path)}", total=total)
                results, errors = import_path(path, args.content, options,
                                              progress=lambda _, t=task: bar.advance(t))
        except SourceError as exc:
            failures.append(str(exc))
            console.print(f"error: {exc}", markup=False)
            continue
        if total == 0:
            console.print(f"no source files ({', '.join(sorted(READERS))}) in {_shown(path)}",
                          markup=False)
        for result in results:
            if result.status == "unchanged":
                present += 1
                console.print(f"already imported: {_shown(result.source)} → "
                              f"{_shown(result.post_path)}", markup=False)
            else:
                written += 1
                print(_shown(result.post_path), flush=True)
            if result.unresolved:
                console.print(f"names not in the registry, in {_shown(result.source)}: "
                              + " | ".join(result.unresolved), markup=False)
        for error in errors:
            failures.append(str(error))
            console.print(f"error: {error}", markup=False)
    if written + present + len(failures) > 1:
        console.print(f"{written} imported, {present} already present, "
                      f"{len(failures)} failed", markup=False)
        for failure in failures:
            console.print(f"  failed: {failure}", markup=False)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
