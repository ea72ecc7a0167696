"""Editorial and build tasks (invoke).  ``invoke --list`` shows them; see README.md."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
SETTINGS = {False: ROOT / "pelicanconf.py", True: ROOT / "publishconf.py"}


def _editions() -> list[str]:
    """The edition codes, in order, from pelicanconf.EDITIONS."""
    sys.path.insert(0, str(ROOT))
    try:
        import pelicanconf
    finally:
        sys.path.pop(0)
    return list(pelicanconf.EDITIONS)


def _pelican_command(settings: Path, content: Path, output: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-s", str(settings),
            "-o", str(output), "--fatal", "errors", *extra]


@task(name="import", help={
    "path": "a source file, or a folder of sources (e.g. seeds/)",
    "lang": "language of the source: ar or en (default: manifest, then detected)",
    "date": "publication date, YYYY-MM-DD (default: the folder's manifest.toml)",
    "source_url": "canonical URL of the source page",
    "force": "overwrite an existing post",
    "content": "content folder (default: content)",
})
def import_(c, path, lang=None, date=None, source_url=None, force=False, content="content"):
    """Import source articles into Markdown posts; prints each written post's path."""
    from nashra.cli import main

    argv = [path, "--content", content]
    for flag, value in (("--lang", lang), ("--date", date), ("--source-url", source_url)):
        if value:
            argv += [flag, value]
    if force:
        argv.append("--force")
    status = main(argv)
    if status:
        raise Exit(code=status)


#: A Pelican log record (rich's layout, one record a line at LOG_COLUMNS): level, message.
_RECORD_RE = re.compile(r"\b(WARNING|ERROR|CRITICAL)\s+(.+?)(?:\s{2,}\S+\.py:\d+)?\s*$")
#: The last line of a Python traceback: the exception and its message.
_EXCEPTION_RE = re.compile(r"^\s*(?:\w+\.)*(\w*(?:Error|Exception)): (.+)$")
#: What Pelican's --fatal raises after the first error: says nothing about the cause.
_FATAL_MARK = "Warning or error encountered"
LOG_COLUMNS = "400"


def _remove_leftovers(output: Path) -> None:
    """Delete what earlier builds into ``output`` left next to it: the staging folder
    of a build that was killed (``.{output}.nashra-build-{pid}-*``, its process gone)
    and an old site whose background deletion was interrupted
    (``.{output}.nashra-old-*``, holding nothing but the old site).  Nothing else is
    touched, not even a look-alike name.
    """
    staging = f".{output.name}.nashra-build-"
    for folder in output.parent.glob(staging + "*"):
        pid = folder.name.removeprefix(staging).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
    for folder in output.parent.glob(f".{output.name}.nashra-old-*"):
        try:  # it may vanish meanwhile: the previous build's deletion may be finishing
            if {p.name for p in folder.iterdir()} <= {output.name}:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists (signal 0 checks without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _swap_into_place(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames, so no half-built site is left.

    The previous site is moved aside into a hidden ``.{output}.nashra-old-*`` folder
    and deleted by a detached process (a site of thousands of pages takes a second or
    more to delete, and the new one is already in place); if that deletion is
    interrupted, the next build finishes it (:func:`_remove_leftovers`).
    """
    if not output.exists():
        staging.rename(output)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}.nashra-old-", dir=output.parent))
    output.rename(old / output.name)
    staging.rename(output)
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1])",
                      str(old)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def _problems(log: str) -> tuple[list[str], list[str]]:
    """The errors (each with its cause) and warnings of one Pelican run's log."""
    errors, warnings, lines = [], [], log.splitlines()
    for number, line in enumerate(lines):
        match = _RECORD_RE.search(line)
        if not match or _FATAL_MARK in match[2]:
            continue
        level, message = match[1], match[2].strip()
        if level == "WARNING":  # its continuation lines (paths) follow, indented
            for more in lines[number + 1:number + 6]:
                if not more.strip() or not more.startswith(" ") or _RECORD_RE.search(more):
                    break
                message += " " + more.strip()
            warnings.append(message)
            continue
        causes = [m for m in map(_EXCEPTION_RE.match, lines[number + 1:]) if m
                  and _FATAL_MARK not in m[2]]
        if level == "ERROR" and causes:  # "Could not process X": say why
            message += f": {causes[0][2].strip()}"
        errors.append(message)
    return errors, warnings


def _build_search_indexes(site: Path, editions: list[str], verbose: bool) -> list[str]:
    """Index each edition's articles with Pagefind into ``{lang}/pagefind/``, in parallel.

    :returns: error messages (empty when every index was built).
    """
    runs = {lang: subprocess.Popen(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--glob",
         f"{lang}/[0-9]*/**/*.html", "--output-subdir", f"{lang}/pagefind"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for lang in editions}
    errors = []
    for lang, process in runs.items():
        log, _ = process.communicate()
        if verbose or process.returncode:
            print("\n".join(f"[{lang} search] {line}" for line in log.splitlines()))
        if process.returncode:
            errors.append(f"the {lang} search index (Pagefind) could not be built")
    return errors


@task(help={
    "production": "use publishconf.py: absolute URLs, no drafts",
    "output": "output folder (default: output)",
    "content": "content folder (default: content)",
    "verbose": "print Pelican's whole log",
    "search": "build the search index (default; --no-search for a quicker preview)",
})
def build(c, production=False, output="output", content="content", verbose=False,
          search=True):
    """Build every edition (one Pelican process each, in parallel), the front door and
    the search index (Pagefind).

    The site is built in a staging folder next to ``output`` and moved into place only
    when every edition succeeded.  Fails, naming the post, when any post cannot be read
    or is invalid (Pelican's ``--fatal errors``).
    """
    output_path, content_path = Path(output).resolve(), Path(content).resolve()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output_path)
    staging = Path(tempfile.mkdtemp(
        prefix=f".{output_path.name}.nashra-build-{os.getpid()}-", dir=output_path.parent))
    started = time.perf_counter()
    runs = {}
    for edition in _editions():
        env = {**os.environ, "NASHRA_EDITION": edition, "PYTHONIOENCODING": "utf-8",
               "COLUMNS": LOG_COLUMNS}
        runs[edition] = subprocess.Popen(
            _pelican_command(SETTINGS[production], content_path, staging),
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
    errors: dict[str, None] = {}
    warnings: dict[str, None] = {}
    for edition, process in runs.items():
        log, _ = process.communicate()
        if verbose or process.returncode:
            for line in log.splitlines():
                print(f"[{edition}] {line.rstrip()}")
        found, warned = _problems(log)
        warnings.update(dict.fromkeys(warned))
        if process.returncode:
            errors.update(dict.fromkeys(found or [f"the {edition} edition failed"]))
    for message in warnings:
        print(f"warning: {message}", file=sys.stderr)
    if not errors and search:
        errors.update(dict.fromkeys(_build_search_indexes(staging, list(runs), verbose)))
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        for message in errors:
            print(f"error: {message}", file=sys.stderr)
        raise Exit(f"build failed; {output_path} is unchanged", code=1)
    _swap_into_place(staging, output_path)
    print(f"built {', '.join(runs)} into {output_path} in {time.perf_counter() - started:.1f} s")


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=8000):
    """Build, then serve output/ on localhost and rebuild each edition when files change."""
    build(c)
    watchers = [
        subprocess.Popen(_pelican_command(SETTINGS[False], ROOT / "content", ROOT / "output",
                                          "--autoreload", "--ignore-cache"),
                         cwd=ROOT, env={**os.environ, "NASHRA_EDITION": edition})
        for edition in _editions()
    ]
    try:
        subprocess.run([sys.executable, "-m", "pelican", "--listen", "--port", str(port),
                        "-s", str(SETTINGS[False]), "-o", str(ROOT / "output")], cwd=ROOT)
    finally:
        for watcher in watchers:
            watcher.terminate()


@task
def clean(c):
    """Remove the generated output/ and cache/ folders."""
    for name in ("output", "cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)


@task
def lint(c):
    """Run ruff over the project."""
    c.run(f"{sys.executable} -m ruff check {ROOT}", pty=False)


@task(help={"pytest_args": "extra arguments for pytest, e.g. '-k feeds'"})
def test(c, pytest_args=""):
    """Run the linter and every test."""
    lint(c)
    c.run(f"{sys.executable} -m pytest {pytest_args}", pty=False)


@task(help={
    "sizes": "corpus sizes in articles, comma-separated (default 1000,5000)",
    "megabytes": "Arabic text for the matcher benchmark (default 10)",
    "runs": "rounds of builds, vanilla and Nashra in turn; best and median (default 3)",
    "pages": "HTML pages for the import benchmark (default 1000)",
})
def bench(c, sizes="1000,5000", megabytes=10.0, runs=3, pages=1000):
    """Benchmark the build against vanilla Pelican, the matcher and the importer
    (see docs/performance.md)."""
    c.run(f"{sys.executable} {ROOT / 'benchmarks' / 'bench.py'} --sizes {sizes} "
          f"--megabytes {megabytes} --runs {runs} --pages {pages}", pty=False)


@task
def i18n(c):
    """Extract the theme's strings and update every edition's catalog (Babel)."""
    pot = ROOT / "theme" / "translations" / "messages.pot"
    c.run(f"{sys.executable} -m babel.messages.frontend extract -F {ROOT / 'babel.cfg'} "
          f"-o {pot} --no-location --omit-header {ROOT}")
    for po in sorted((ROOT / "theme" / "translations").glob("*/LC_MESSAGES/messages.po")):
        lang = po.parent.parent.name
        c.run(f"{sys.executable} -m babel.messages.frontend update -i {pot} "
              f"-d {ROOT / 'theme' / 'translations'} -l {lang} --no-fuzzy-matching")
