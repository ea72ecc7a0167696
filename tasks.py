"""Editorial and build tasks (invoke).  ``invoke --list`` shows them; see README.md."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


@task(help={
    "production": "use publishconf.py: absolute URLs, no drafts",
    "output": "output folder (default: output)",
    "content": "content folder (default: content)",
})
def build(c, production=False, output="output", content="content"):
    """Build every edition (one Pelican process each, in parallel) and the front door.

    Fails, naming the post, when any post cannot be read or is invalid.
    """
    output_path, content_path = Path(output).resolve(), Path(content).resolve()
    output_path.mkdir(parents=True, exist_ok=True)
    runs = {}
    for edition in _editions():
        env = {**os.environ, "NASHRA_EDITION": edition, "PYTHONIOENCODING": "utf-8"}
        runs[edition] = subprocess.Popen(
            _pelican_command(SETTINGS[production], content_path, output_path),
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
    failed = []
    for edition, process in runs.items():
        log, _ = process.communicate()
        for line in log.splitlines():
            print(f"[{edition}] {line}")
        if process.returncode:
            failed.append(edition)
    if failed:
        raise Exit(f"build failed for edition(s) {', '.join(failed)}: see the messages above",
                   code=1)
    print(f"built {', '.join(runs)} into {output_path}")


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
