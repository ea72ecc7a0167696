"""The importer over a fixture set of pages and texts of our own making, both languages.

Each fixture (tests/fixtures/import/) states its expected title, date, language and
metadata, the text that must be kept and the text that must be dropped; the kept-text
recall and the dropped-text precision over the whole set must reach 0.95.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, build_site, run, soup

from nashra.markdown_writer import read_metadata

FIXTURES = ROOT / "tests" / "fixtures" / "import"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
METADATA = ("outlet", "dateline", "byline", "source_url")
KEY_OF = {"outlet": "source"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> dict[str, Path]:
    content = tmp_path_factory.mktemp("fixtures") / "content"
    shutil.copytree(ROOT / "content", content)
    result = run("-m", "nashra.cli", str(FIXTURES), "--content", str(content))
    assert result.returncode == 0, result.stderr
    posts = [Path(line) for line in result.stdout.splitlines()]
    by_source = {}
    for post in posts:
        by_source[read_metadata(post)["seed"]] = post
    return by_source


def test_fixture_set_is_large_and_bilingual():
    langs = [e["lang"] for e in EXPECTED.values()]
    assert len(EXPECTED) >= 12 and langs.count("ar") >= 5 and langs.count("en") >= 5
    assert set(EXPECTED) == {p.name for p in FIXTURES.iterdir()
                             if p.suffix in (".html", ".txt")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_metadata(imported, name):
    expected = EXPECTED[name]
    meta = read_metadata(imported[name])
    assert meta["title"] == expected["title"]
    assert meta["date"][:10] == expected["date"]
    assert meta["lang"] == expected["lang"]
    assert imported[name].relative_to(imported[name].parents[2]).parts[0] == expected["lang"]
    for key in METADATA:
        if key in expected:
            assert meta.get(KEY_OF.get(key, key)) == expected[key], key


def test_kept_text_recall_and_dropped_text_precision(imported):
    kept = kept_total = dropped = dropped_total = 0
    misses = []
    for name, expected in EXPECTED.items():
        text = imported[name].read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1]
        for phrase in expected["keep"]:
            kept_total += 1
            kept += phrase in body
            if phrase not in body:
                misses.append((name, "lost", phrase))
        for phrase in expected["drop"]:
            dropped_total += 1
            dropped += phrase not in body
            if phrase in body:
                misses.append((name, "kept", phrase))
    recall, precision = kept / kept_total, dropped / dropped_total
    assert recall >= 0.95 and precision >= 0.95, (recall, precision, misses)


def test_hostile_fixture_builds_to_a_clean_page(imported, tmp_path):
    content = imported["04-hostile-body.html"].parents[2]
    output = build_site(tmp_path / "output", content=content)
    page = soup(output / "en" / "2023" / "09" / "hospital-opens-new-cancer-ward" / "index.html")
    body = page.find(class_="article__body")
    assert body.find(["script", "iframe", "style"]) is None
    for tag in body.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on")], tag
        for attr in ("href", "src"):
            assert not str(tag.get(attr, "")).lower().startswith(("javascript:", "data:"))
    assert body.find("img")["src"] == "https://citypost.example/health/ward.jpg"
    for feed in (output / "en" / "atom.xml", output / "en" / "rss.xml"):
        xml = feed.read_text(encoding="utf-8")
        assert "document.cookie" not in xml and "onerror" not in xml
