"""Actors and events on the built site: links in articles, entity pages, feeds, related."""

from __future__ import annotations

import json
import re
import shutil

import feedparser
import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, article_pages, build_site, invoke, page_file, resolve, soup

from nashra.linker import link_mentions
from nashra.mentions import Matcher
from nashra.registry import load_registry

EDITIONS = ("ar", "en")
SEED_ENTITIES = {"lavrov", "ryabkov", "nato", "osce", "biden", "putin", "geneva"}


@pytest.mark.parametrize("lang", EDITIONS)
def test_seed_article_links_entities_to_pages_that_link_back(site, lang):
    article = article_pages(site, lang)[0]
    links = soup(article).select(".article__body a.mention")
    by_entity = {a["data-entity"]: a for a in links}
    assert set(by_entity) >= SEED_ENTITIES
    assert len(links) == len(by_entity)  # first mention only
    for entity, anchor in by_entity.items():
        target = resolve(site, article, anchor["href"])
        assert target.is_file(), anchor["href"]
        assert target.relative_to(site).parts[:2] in ((lang, "actor"), (lang, "event"))
        back = [resolve(site, target, a["href"]) for a in soup(target).select(".coverage a")]
        assert article in back, entity


@pytest.mark.parametrize("lang", EDITIONS)
def test_links_never_land_in_headings_or_other_links(site, lang):
    for page in sorted((site / lang).rglob("index.html")):
        parsed = soup(page)
        for heading in parsed.find_all(re.compile(r"^h[1-6]$")):
            assert heading.find("a", class_="mention") is None, page
        for anchor in parsed.find_all("a"):
            assert anchor.find("a") is None, page


@pytest.mark.parametrize("lang", EDITIONS)
def test_visible_text_is_unchanged_by_linking(site, lang):
    post = next((ROOT / "content" / lang / "2021").glob("*.md"))
    expected = BeautifulSoup(markdown.Markdown(extensions=["meta"]).convert(
        post.read_text(encoding="utf-8")), "html.parser").get_text()
    body = soup(article_pages(site, lang)[0]).find(class_="article__body").get_text()
    assert " ".join(body.split()) == " ".join(expected.split())


@pytest.mark.parametrize("lang", EDITIONS)
def test_entity_feeds_parse_and_hold_the_coverage(site, lang):
    feeds = sorted((site / lang).glob("*/*/atom.xml"))
    assert len(feeds) >= 20
    article = article_pages(site, lang)[0]
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, path
        assert feed.feed.language == lang
        for entry in feed.entries:
            assert page_file(site, entry.link.split("localhost:8000", 1)[1]) == article
    lavrov = feedparser.parse((site / lang / "actor" / "lavrov" / "atom.xml").read_bytes())
    assert len(lavrov.entries) == 1


def test_actor_page_shows_names_description_wikidata_co_mentions_and_events(site):
    page = soup(page_file(site, "ar/actor/putin/"))
    assert page.find("h1").get_text() == "فلاديمير بوتين"
    assert page.find(class_="other-name").get_text() == "Vladimir Putin"
    assert "رئيس روسيا" in page.find(class_="standfirst").get_text()
    assert page.find("a", href="https://www.wikidata.org/wiki/Q7747")
    sections = {s.h2.get_text(): s for s in page.select("article section")}
    assert "يُذكر كثيراً إلى جانب" in sections and "الأحداث" in sections
    co = [a.get_text() for a in sections["يُذكر كثيراً إلى جانب"].find_all("a")]
    assert "سيرغي لافروف" in co and len(co) == 8 and "فلاديمير بوتين" not in co
    events = [a.get_text() for a in sections["الأحداث"].find_all("a")]
    assert "قمة بايدن وبوتين في جنيف (يونيو 2021)" in events
    assert "28 ديسمبر 2021" in sections["التغطية"].get_text()


def test_indexes_group_actors_by_type_and_list_events_as_a_timeline(site):
    actors = soup(page_file(site, "en/actors/"))
    groups = [h.get_text() for h in actors.select(".entity-group h2")]
    assert groups == ["People", "Organisations", "Countries", "Places"]
    events = soup(page_file(site, "en/events/"))
    dates = [t["datetime"] for t in events.select(".timeline time")]
    starts = dates[::1]
    assert starts == sorted(starts, reverse=True)
    event = soup(page_file(site, "en/event/nato-russia-council-2022-01-12/"))
    assert "January 12, 2022" in event.find(class_="meta").get_text()
    assert event.find("a", string="Brussels")
    assert {a.get_text() for a in event.select("section .entity-links a")} >= {"NATO", "Russia"}


def test_article_json_ld_names_its_entities_with_wikidata(site):
    page = soup(article_pages(site, "en")[0])
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "en"
    named = {thing["name"]: thing for thing in data["about"] + data["mentions"]}
    assert named["Vladimir Putin"]["sameAs"] == "https://www.wikidata.org/wiki/Q7747"
    assert named["NATO"]["@type"] == "Organization"


def test_unknown_id_in_metadata_fails_the_build_naming_the_post(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    post = content / "en" / "2021" / "unknown.md"
    post.write_text("Title: Unknown actor\nDate: 2021-12-29\nActors: lavrov, nobody-at-all\n"
                    "\nText.\n", encoding="utf-8")
    result = invoke("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "unknown.md" in result.stderr and "nobody-at-all" in result.stderr


def test_related_coverage_ranks_by_shared_entities_then_recency(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    stories = {
        "two-shared": ("2021-12-20", "Lavrov meets NATO envoys."),
        "one-shared-new": ("2022-01-05", "Putin spoke by phone."),  # the newest of all
        "one-shared-old": ("2021-11-01", "Biden travelled home."),
        "unrelated": ("2021-01-06", "Rain fell on the coast."),  # newest is related
    }
    for slug, (date, text) in stories.items():
        (content / "en" / "2021" / f"{slug}.md").write_text(
            f"Title: Story {slug}\nDate: {date}\nSlug: {slug}\n\n{text}\n", encoding="utf-8")
    output = build_site(tmp_path / "output", content=content)
    seed = next(p for p in article_pages(output, "en") if "lavrov-pre-empts" in str(p))
    related = [resolve(output, seed, a["href"]).parent.name
               for a in soup(seed).select(".related a")]
    assert related == ["two-shared", "one-shared-new", "one-shared-old"]
    other = soup(page_file(output, "en/2021/12/two-shared/"))
    assert "lavrov-pre-empts" in other.select(".related a")[0]["href"]
    assert all("two-shared" not in a["href"] for a in other.select(".related a"))


@pytest.fixture(scope="module")
def matcher():
    return Matcher.from_registry(load_registry(ROOT / "content" / "registry"))


def test_linker_skips_headings_code_links_and_attributes(matcher):
    html = ('<h2>Putin in Geneva</h2><p><img alt="Putin" src="p.jpg"> '
            '<a href="/x">Putin</a> <code>Putin</code> said Putin &amp; Biden met.</p>')
    result = link_mentions(html, matcher, lambda e: f"/e/{e}/")
    parsed = BeautifulSoup(result.html, "html.parser")
    assert parsed.h2.find("a") is None
    assert parsed.img["alt"] == "Putin"
    assert parsed.code.find("a") is None
    mentions = parsed.find_all("a", class_="mention")
    assert [(a.get_text(), a["href"]) for a in mentions] == [
        ("Putin", "/e/putin/"), ("Biden", "/e/biden/")]
    assert parsed.get_text() == BeautifulSoup(html, "html.parser").get_text()
    assert {m.entity for m in result.mentions} == {"putin", "geneva", "biden"}


@pytest.mark.parametrize("lang", EDITIONS)
def test_feed_entry_content_links_are_absolute(production_site, lang):
    from conftest import PRODUCTION_SITEURL
    edition = feedparser.parse((production_site / lang / "atom.xml").read_bytes()).entries[0]
    entity = feedparser.parse((production_site / lang / "actor" / "lavrov" / "atom.xml")
                              .read_bytes()).entries[0]
    assert "content" not in entity  # entity feeds: the summary, the story is on the site
    for html, minimum in ((edition.content[0].value, len(SEED_ENTITIES)), (entity.summary, 1)):
        hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
        assert len(hrefs) >= minimum
        for href in hrefs:
            assert href.startswith(PRODUCTION_SITEURL + f"/{lang}/")
            assert page_file(production_site, href.removeprefix(PRODUCTION_SITEURL)).is_file()


@pytest.mark.parametrize("html, linked", [
    ('<p><span title="x>y">Vienna tail</span> end.</p>', ["Vienna"]),
    ("<script>var a = 1 < 2; if (a</b) {}</script><p>The Kremlin met.</p>", ["Kremlin"]),
    ("<p>He met the United</p><p>States envoy.</p>", []),
    ("<p><strong>Sergei</strong> <em>Lavrov</em> spoke.</p>", ["Lavrov"]),
    ("<table><tr><td>Sergei</td><td>Lavrov</td></tr></table>", ["Lavrov"]),
])
def test_linker_respects_element_boundaries_and_raw_text(matcher, html, linked):
    result = link_mentions(html, matcher, lambda e: f"/e/{e}/")
    assert [a.get_text() for a in BeautifulSoup(result.html, "html.parser")
            .find_all("a", class_="mention")] == linked
    unlinked = re.sub(r'<a class="mention"[^>]*>(.*?)</a>', r"\1", result.html)
    assert unlinked == html
