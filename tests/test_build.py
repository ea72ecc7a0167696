"""Build the bundled content and read the site back, as readers and feed readers do."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import (
    PRODUCTION_SITEURL,
    ROOT,
    article_pages,
    build_site,
    invoke,
    page_file,
    resolve,
    soup,
)

EDITIONS = {"ar": "rtl", "en": "ltr"}
MONTH_HEADINGS = {"ar": "ديسمبر 2021", "en": "December 2021"}
TAGS = {"ar": {"روسيا", "الولايات المتحدة", "الناتو", "أوكرانيا"},
        "en": {"Russia", "United States", "NATO", "Ukraine"}}


def the_article(site: Path, lang: str) -> Path:
    pages = article_pages(site, lang)
    assert len(pages) == 1, pages
    return pages[0]


@pytest.mark.parametrize("lang", EDITIONS)
def test_article_page_language_direction_and_url(site, lang):
    page = the_article(site, lang)
    assert re.fullmatch(rf"{lang}/2021/12/[^/]+/index\.html", page.relative_to(site).as_posix())
    html = soup(page).html
    assert html["lang"] == lang
    assert html["dir"] == EDITIONS[lang]
    assert soup(page).find("article", class_="article").h1.get_text(strip=True)


def test_language_switcher_links_translations_both_ways(site):
    ar, en = the_article(site, "ar"), the_article(site, "en")
    for page, counterpart in ((ar, en), (en, ar)):
        links = soup(page).select(".language-switcher a.translation-link")
        assert len(links) == 1
        target = resolve(site, page, links[0]["href"])
        assert target == counterpart
        assert links[0]["hreflang"] == soup(target).html["lang"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_link_on_article_page_resolves(site, lang):
    page = the_article(site, lang)
    for anchor in soup(page).find_all("a", href=True):
        if anchor["href"].startswith("#"):
            continue
        assert resolve(site, page, anchor["href"]).is_file(), anchor["href"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_tag_links_resolve_to_pages_listing_the_article(site, lang):
    page = the_article(site, lang)
    title = soup(page).find("article").h1.get_text(strip=True)
    tags = soup(page).select("ul.tags a[rel=tag]")
    assert {a.get_text(strip=True) for a in tags} == TAGS[lang]
    for anchor in tags:
        tag_page = resolve(site, page, anchor["href"])
        assert tag_page.is_file()
        assert tag_page.relative_to(site).parts[0] == lang
        listed = [a.get_text(strip=True) for a in soup(tag_page).select(".article-list h2 a")]
        assert listed == [title]
    tags_index = page_file(site, f"{lang}/tags/")
    assert {a.get_text(strip=True) for a in soup(tags_index).select(".tag-index a")} == TAGS[lang]


@pytest.mark.parametrize("lang", EDITIONS)
def test_year_and_month_archives_list_the_article(site, lang):
    page = the_article(site, lang)
    title = soup(page).find("article").h1.get_text(strip=True)
    for url, heading in ((f"{lang}/2021/", "2021"), (f"{lang}/2021/12/", MONTH_HEADINGS[lang])):
        archive = soup(page_file(site, url))
        assert heading in archive.h1.get_text()
        links = archive.select(".article-list h2 a")
        assert [a.get_text(strip=True) for a in links] == [title]
        assert resolve(site, page_file(site, url), links[0]["href"]) == page


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_page_announces_its_edition_feeds(site, lang):
    pages = sorted((site / lang).rglob("index.html"))
    assert len(pages) >= 10
    for page in pages:
        links = soup(page).select('head link[rel=alternate][type^="application/"]')
        targets = {link["type"]: resolve(site, page, link["href"]) for link in links
                   if resolve(site, page, link["href"]).parent == site / lang}
        assert set(targets) == {"application/atom+xml", "application/rss+xml"}, page
        for link in links:  # entity pages add their own feed, in the same edition
            target = resolve(site, page, link["href"])
            assert target.is_file() and target.relative_to(site).parts[0] == lang


def test_front_door_lists_both_editions(site):
    door = soup(site / "index.html")
    sections = door.select("section.edition")
    assert [(s["lang"], s["dir"]) for s in sections] == list(EDITIONS.items())
    for section in sections:
        links = section.select(".article-list a")
        assert len(links) == 1
        target = resolve(site, site / "index.html", links[0]["href"])
        assert target == the_article(site, section["lang"])
        # the front door is written by one edition's run, which reads only the other
        # edition's metadata: titles and dates must still be there
        assert links[0].get_text(strip=True) == soup(target).find("article").h1.get_text()
        assert section.find("time").get_text(strip=True)


def test_arabic_interface_strings_come_from_the_catalog(site):
    page = soup(the_article(site, "ar"))
    nav = [a.get_text(strip=True) for a in page.select(".site-nav a")]
    assert nav == ["الأحدث", "الفاعلون", "الأحداث", "الوسوم", "الأرشيف", "بحث", "الخلاصة"]
    assert "ديسمبر" in page.find("time", class_="published").get_text()


def test_theme_css_uses_logical_properties_only():
    css = (ROOT / "theme" / "static" / "css" / "nashra.css").read_text(encoding="utf-8")
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)|\b(?:left|right)\s*:"
                          r"|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)", css)
    assert physical == []


def read_feeds(output: Path, lang: str) -> list:
    paths = sorted((output / lang).glob("*.xml"))
    assert {p.name for p in paths} == {"atom.xml", "rss.xml"}
    return [feedparser.parse(p.read_bytes()) for p in paths]


@pytest.mark.parametrize("lang", EDITIONS)
def test_feeds_parse_and_hold_one_language(site, lang):
    for feed in read_feeds(site, lang):
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.feed.language == lang
        assert feed.feed.get("subtitle") or feed.feed.get("description")
        assert len(feed.entries) == 1
        for entry in feed.entries:
            assert f"/{lang}/" in entry.link
            assert entry.link.split("/")[3] == lang


@pytest.mark.parametrize("lang", EDITIONS)
def test_production_feeds_and_pages_use_absolute_links(production_site, lang):
    for feed in read_feeds(production_site, lang):
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.feed.link.startswith(PRODUCTION_SITEURL + "/")
        self_links = [link.href for link in feed.feed.links if link.rel == "self"]
        for href in self_links:
            assert href == f"{PRODUCTION_SITEURL}/{lang}/{href.rsplit('/', 1)[1]}"
        for entry in feed.entries:
            assert entry.link.startswith(f"{PRODUCTION_SITEURL}/{lang}/2021/12/")
    page = the_article(production_site, lang)
    for link in soup(page).select("head link[href], .language-switcher a, ul.tags a"):
        assert link["href"].startswith(PRODUCTION_SITEURL + "/"), link


@pytest.mark.parametrize("post, expected", [
    ("Title: Bad\nDate: 2021-12-29\nLang: fr\n\nBonjour.\n", "'fr' is not an edition"),
    ("Title: No date\nLang: en\n\nHello.\n", "'date'"),
    ("Date: 2021-12-29\nLang: en\n\nHello.\n", "'title'"),
    ("Title: Bad date\nDate: 2021-13-45\nLang: en\n\nHello.\n", "not a valid date"),
    ("Title: Wrong folder\nDate: 2021-12-29\nLang: ar\n\nHello.\n", "folder"),
])
@pytest.mark.parametrize("production", [False, True])
def test_build_fails_naming_invalid_post_and_keeps_output(tmp_path, post, expected, production):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = build_site(tmp_path / "output", content=content)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    bad = content / "en" / "2021" / "bad.md"
    bad.write_text(post, encoding="utf-8")
    result = invoke("build", "--content", str(content), "--output", str(output),
                    *(["--production"] if production else []))
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors and all(str(bad.relative_to(content)) in e for e in errors), result.stderr
    assert any(expected in e for e in errors), errors
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output")]


def test_feeds_have_their_own_ids_and_link_to_the_page_they_mirror(production_site):
    ids = set()
    feeds = [p for p in production_site.rglob("*.xml") if p.name in ("atom.xml", "rss.xml")]
    for path in sorted(feeds):
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, path
        url = f"{PRODUCTION_SITEURL}/{path.relative_to(production_site).as_posix()}"
        if path.name == "atom.xml":
            assert unquote(feed.feed.id) == url
            ids.add(feed.feed.id)
        alternate = [unquote(link.href) for link in feed.feed.links if link.rel == "alternate"]
        assert alternate == [url.rsplit("/", 1)[0] + "/"]
        assert page_file(production_site, alternate[0].removeprefix(PRODUCTION_SITEURL)).is_file()
    assert len(ids) >= 2 * 20  # the two editions' feeds and every entity's
    rss = (production_site / "en" / "rss.xml").read_text(encoding="utf-8")
    assert '<guid isPermaLink="false">' in rss


def test_two_posts_with_one_url_fail_naming_both(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for name in ("one", "two"):
        (content / "en" / "2021" / f"{name}.md").write_text(
            f"Title: Story {name}\nDate: 2024-05-01\nSlug: same\n\nText.\n", encoding="utf-8")
    result = invoke("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "one.md" in result.stderr and "two.md" in result.stderr
    assert not (tmp_path / "out").exists()


def test_markup_in_a_title_is_text_on_pages_and_in_feeds(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    title = "Attackers hide <script>alert(1)</script> & <b>tags</b> in news"
    (content / "en" / "2021" / "xss.md").write_text(
        f"Title: {title}\nDate: 2021-12-30\nSlug: xss\n\nBody.\n", encoding="utf-8")
    output = build_site(tmp_path / "output", content=content)
    page = soup(page_file(output, "en/2021/12/xss/"))
    assert page.find("article").h1.get_text() == title
    assert page.title.get_text().startswith(title)
    scripts = page.find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert json.loads(scripts[0].string)["headline"] == title
    assert page.find("b") is None
    for feed_path in (output / "en" / "atom.xml", output / "en" / "rss.xml"):
        titles = [e.title for e in feedparser.parse(feed_path.read_bytes()).entries]
        assert title in titles


def test_dates_and_numbers_follow_the_editions_settings(site):
    from nashra.dates import format_date, localise_digits
    assert localise_digits(format_date(dt.date(2021, 12, 28), "ar"), "arab") == "٢٨ ديسمبر ٢٠٢١"
    assert format_date(dt.date(2022, 1, 13), "ar_SY") == "13 كانون الثاني 2022"
    ar = soup(the_article(site, "ar")).find(class_="reading-time").get_text()
    en = soup(the_article(site, "en")).find(class_="reading-time").get_text()
    assert ar == "3 دقائق للقراءة" and en == "3 minutes read"


def test_edition_digits_setting_reaches_templates():
    from jinja2 import Environment
    from nashra_site.i18n import install_template_helpers

    generator = SimpleNamespace(env=Environment(autoescape=True), settings={
        "DEFAULT_LANG": "ar", "THEME": str(ROOT / "theme"), "PAGE_URL": "{lang}/{slug}/",
        "EDITIONS": {"ar": {"locale": "ar_SY", "digits": "arab", "name": "ع",
                            "sitename": "نشرة", "subtitle": ""}}})
    install_template_helpers(generator)
    template = generator.env.from_string("{{ d|nashra_date }} · {{ 12|nashra_number }}")
    assert template.render(d=dt.date(2022, 1, 13)) == "١٣ كانون الثاني ٢٠٢٢ · ١٢"


def test_indexes_paginate_and_feed_ids_survive_a_title_edit(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for number in range(25):
        (content / "en" / "2021" / f"s{number}.md").write_text(
            f"Title: Story {number}\nDate: 2021-11-{number + 1:02d}\nSlug: s{number}\n"
            f"Summary: The standfirst of story {number}.\n\nText of story {number}.\n",
            encoding="utf-8")
    output = build_site(tmp_path / "output", content=content)
    pages = [page_file(output, "en/"), page_file(output, "en/page/2/"),
             page_file(output, "en/page/3/")]
    listed = [a for p in pages for a in soup(p).select(".article-list h2 a")]
    assert len(listed) == 26 and not page_file(output, "en/page/4/").exists()
    next_link = soup(pages[0]).select_one(".pagination a[rel=next]")
    assert resolve(output, pages[0], next_link["href"]) == pages[1]
    story = soup(page_file(output, "en/2021/11/s3/"))
    assert story.select_one(".standfirst").get_text() == "The standfirst of story 3."

    ids = {e.link: e.id for e in feedparser.parse((output / "en" / "atom.xml").read_bytes())
           .entries}
    post = content / "en" / "2021" / "s24.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Story 24", "Story 24, updated"),
                    encoding="utf-8")
    keep = tmp_path / ".output.nashra-old-editors-copy"  # not the build's: left alone
    keep.mkdir()
    (keep / "notes.txt").write_text("mine", encoding="utf-8")
    output = build_site(tmp_path / "output", content=content)
    entries = feedparser.parse((output / "en" / "atom.xml").read_bytes()).entries
    edited = next(e for e in entries if e.title == "Story 24, updated")
    assert ids[edited.link] == edited.id
    # The rebuilt site replaced the old one, which a detached process deletes.
    for _ in range(100):
        if len(list(tmp_path.glob(".output*"))) == 1:
            break
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [keep.name, "content", "output"]
    assert (keep / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("lang", EDITIONS)
def test_feed_summaries_open_the_story_with_absolute_links(site, lang):
    """A feed entry's summary is the story's opening words (Pelican's summary: 50
    words), with its mention links made absolute."""
    page = soup(the_article(site, lang))
    body = " ".join(page.select_one(".article__body").get_text().split())
    entry = feedparser.parse((site / lang / "atom.xml").read_bytes()).entries[0]
    summary = BeautifulSoup(entry.summary, "html.parser")
    words = summary.get_text().split()
    assert len(words) >= 40 and body.startswith(" ".join(words[:-1]))
    links = [a["href"] for a in summary.find_all("a")]
    assert links and all(h.startswith("http://localhost:8000/") for h in links)


def test_a_short_story_keeps_its_text_in_entity_feeds(tmp_path):
    """Pelican leaves an entry's summary out when it is the whole story; entity feeds,
    which carry no content, must still give a short story's text."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    posts = {"en": ("Lavrov brief", "Lavrov spoke to reporters in Moscow."),
             "ar": ("موجز لافروف", "تحدث لافروف إلى الصحفيين في موسكو.")}
    for lang, (title, text) in posts.items():
        (content / lang / "2021" / "brief.md").write_text(
            f"Title: {title}\nDate: 2021-12-30\nSlug: brief\n\n{text}\n", encoding="utf-8")
    output = build_site(tmp_path / "output", "--no-search", content=content)
    for lang, (title, text) in posts.items():
        raw = (output / lang / "actor" / "lavrov" / "atom.xml").read_text(encoding="utf-8")
        entry = raw[raw.index(f"<title>{title}</title>"):].split("</entry>", 1)[0]
        assert "<summary" in entry and "<content" not in entry
        summary = feedparser.parse(raw.encode("utf-8")).entries[0].summary
        assert BeautifulSoup(summary, "html.parser").get_text() == text


def test_leftovers_survive_an_old_site_vanishing_meanwhile(tmp_path, monkeypatch):
    """The previous build's background deletion may finish while the next build
    looks at what it left: that build must go on."""
    import tasks

    output = tmp_path / "site"
    vanishing = tmp_path / ".site.nashra-old-abc"
    (vanishing / "site").mkdir(parents=True)
    iterdir = Path.iterdir

    def deleted_meanwhile(self):
        if self == vanishing:
            shutil.rmtree(vanishing)
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", deleted_meanwhile)
    tasks._remove_leftovers(output)
    assert list(iterdir(tmp_path)) == []


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path):
    """Staging folders are named after their build's process: the next build deletes
    those whose process is gone, and leaves a running build's alone."""
    stale = tmp_path / ".output.nashra-build-999999999-abcd1234"  # no such process
    running = tmp_path / f".output.nashra-build-{os.getpid()}-efgh5678"
    for folder in (stale, running):
        (folder / "en").mkdir(parents=True)
        (folder / "en" / "index.html").write_text("half built", encoding="utf-8")
    build_site(tmp_path / "output", "--no-search")
    assert not stale.exists() and (running / "en" / "index.html").exists()
