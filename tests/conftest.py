"""Shared fixtures: the project's paths and built sites (built once per test session)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f094823fc1d7721a.txt"
PRODUCTION_SITEURL = "https://nashra.example.org"


def run(*args: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    """Run ``python args…`` and capture its output as text."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          **kwargs)


def invoke(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run an invoke task of the project, as an editor would."""
    return run("-m", "invoke", *args, **kwargs)


def build_site(output: Path, *extra: str, content: Path | None = None) -> Path:
    result = invoke("build", "--output", str(output),
                    *(["--content", str(content)] if content else []), *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The bundled content built with the development settings."""
    return build_site(tmp_path_factory.mktemp("dev") / "output")


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The bundled content built with publishconf.py."""
    return build_site(tmp_path_factory.mktemp("prod") / "output", "--production")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(output: Path, url_path: str) -> Path:
    """The file a site-relative URL path is served from (``x/`` → ``x/index.html``)."""
    path = unquote(url_path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return output / path


def resolve(output: Path, page: Path, href: str) -> Path:
    """The output file a link on ``page`` (a file below ``output``) points at."""
    base = "http://site/" + page.relative_to(output).as_posix()
    return page_file(output, urlsplit(urljoin(base, href)).path)


def article_pages(output: Path, lang: str) -> list[Path]:
    """Article pages of an edition: ``{lang}/{yyyy}/{mm}/{slug}/index.html``."""
    return sorted(output.glob(f"{lang}/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
