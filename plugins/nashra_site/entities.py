"""Actors and events in the edition: links in articles, entity pages, related coverage.

:class:`EntityGenerator` runs once per Pelican run, after the articles are read (its
``generate_context`` comes after the ArticlesGenerator's) and before anything is
written.  It loads the registry, links every article's first mention of each entity to
that entity's page in the same edition, merges the ``Actors:``/``Events:`` metadata,
builds an inverted index (entity → articles) for entity pages and for "related
coverage" (ranked by shared entities, then recency), and writes the actors and
events indexes, a page and an Atom feed per entity.

Links in article content are relative to the article's own URL, so they are right
under any ``SITEURL``; feeds make them absolute (:mod:`.feeds`).  (Pelican's
``{filename}`` links would also work, but re-resolving some fifteen links every time
content is rendered cost about 1 ms an article.)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from urllib.parse import quote

from markupsafe import Markup
from pelican.generators import Generator

from nashra.arabic import strip_bidi_marks
from nashra.linker import link_mentions
from nashra.mentions import Matcher
from nashra.registry import ACTOR_TYPES, Actor, Entity, Event, Registry, load_registry

from . import settings as plugin_settings
from .editions import InvalidContent

logger = logging.getLogger(__name__)

_ID_SPLIT_RE = re.compile(r"[,،]")


@dataclass(eq=False)
class EntityPage:
    """An actor's or event's page in one edition; what templates get as ``entity_page``.

    :ivar entity: the registry entry.
    :ivar lang: the edition.
    :ivar url: site-relative URL; ``save_as``: output path; ``feed_url``/``feed_save_as``
        the same for its Atom feed.
    :ivar articles: coverage in this edition, newest first.
    :ivar feed_articles: the newest ``NASHRA_ENTITY_FEED_ITEMS`` articles, for its feed.
    :ivar co_actors: ``[(EntityPage, count)]`` of actors most often in the same articles.
    :ivar events: event pages linked to this actor (participant or co-mentioned).
    :ivar participants: for an event, its participants' pages; ``place`` its place's page.
    """

    entity: Entity
    lang: str
    url: str
    save_as: str
    feed_url: str
    feed_save_as: str
    articles: list = field(default_factory=list)
    feed_articles: list = field(default_factory=list)
    co_actors: list = field(default_factory=list)
    events: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    place: EntityPage | None = None

    @property
    def name(self) -> str:
        return self.entity.name(self.lang)

    @property
    def description(self) -> str:
        return self.entity.description.get(self.lang, "")

    @property
    def kind(self) -> str:
        return self.entity.kind

    def __str__(self) -> str:
        return self.name


@functools.cache
def _load(registry_path: str, stamp: tuple) -> tuple[Registry, Matcher]:
    registry = load_registry(registry_path)
    return registry, Matcher.from_registry(registry)


def registry_and_matcher(settings: dict) -> tuple[Registry, Matcher]:
    """The registry below ``PATH`` and its matcher, built once per process and registry.

    :raises nashra.registry.RegistryError: the registry is invalid.
    """
    folder = os.path.join(settings["PATH"], plugin_settings.get(settings,
                                                                "NASHRA_REGISTRY_PATH"))
    stamp = tuple(os.stat(os.path.join(folder, name)).st_mtime_ns
                  for name in ("actors.toml", "events.toml")
                  if os.path.exists(os.path.join(folder, name)))
    return _load(folder, stamp)


def explicit_ids(article, key: str, registry: Registry, kind: type) -> list[str]:
    """Ids listed in an article's ``Actors:`` or ``Events:`` metadata (``,`` or ``،``).

    :raises InvalidContent: an id is not in the registry as that kind, naming the post.
    """
    value = getattr(article, key, "") or ""
    if isinstance(value, list | tuple):
        value = ",".join(value)
    ids = [part.strip() for part in _ID_SPLIT_RE.split(value) if part.strip()]
    table = registry.actors if kind is Actor else registry.events
    ids = [strip_bidi_marks(i) for i in ids]
    for entity_id in ids:
        if entity_id not in table:
            other = registry.get(entity_id)
            why = (f"is an {other.kind}, not an {kind.__name__.lower()}" if other
                   else "is not in the registry")
            raise InvalidContent(f"{article.source_path}: {key.capitalize()}: "
                                 f"{entity_id!r} {why}")
    return ids


class EntityGenerator(Generator):
    """Pelican generator of the actors and events of one edition (see module doc)."""

    def generate_context(self) -> None:
        settings = self.settings
        self.lang = lang = settings["DEFAULT_LANG"]
        registry, matcher = registry_and_matcher(settings)
        self.registry = registry
        pattern = functools.partial(plugin_settings.get, settings)
        first_only = pattern("NASHRA_LINK_FIRST_MENTION_ONLY")

        pages: dict[str, EntityPage] = {}
        for entity in registry.entities():
            fields = {"lang": lang, "id": entity.id, "kind": entity.kind}
            url = pattern("NASHRA_ENTITY_URL").format(**fields)
            feed = pattern("NASHRA_ENTITY_FEED_URL").format(**fields)
            pages[entity.id] = EntityPage(entity, lang, url, url + "index.html", feed, feed)
        self.pages = pages

        articles = list(self.context.get("articles", []))
        others = list(self.context.get("drafts", [])) + list(
            self.context.get("hidden_articles", []))
        for article in articles + others:
            article.related_coverage = []
            about = (explicit_ids(article, "actors", registry, Actor)
                     + explicit_ids(article, "events", registry, Event))
            url = article.url
            base = url if url.endswith("/") else posixpath.dirname(url) + "/"
            result = link_mentions(article._content or "", matcher,
                                   functools.partial(_relative_url, base, pages),
                                   first_only=first_only)
            article._content = result.html
            found = list(dict.fromkeys(m.entity for m in result.mentions))
            ids = list(dict.fromkeys(about + found))
            article.entity_about = [pages[i] for i in about]
            article.entity_mentions = [pages[i] for i in found if i not in about]
            article.actors_pages = [pages[i] for i in ids if pages[i].kind == "actor"]
            article.events_pages = [pages[i] for i in ids if pages[i].kind == "event"]
            article.entity_ids = ids

        # The inverted index: entity id → article numbers, newest first.  Articles are
        # numbered newest first, so a smaller number is a more recent story.
        articles.sort(key=lambda a: a.date, reverse=True)
        postings: dict[str, list[int]] = defaultdict(list)
        for number, article in enumerate(articles):
            for entity_id in article.entity_ids:
                postings[entity_id].append(number)

        related_count = pattern("NASHRA_RELATED_ITEMS")
        for number, article in enumerate(articles):
            # Count shared entities per article number, first seen in ascending order
            # (newest first), so most_common's stable sort breaks ties by recency.
            shared = Counter(sorted(chain.from_iterable(
                postings[entity_id] for entity_id in article.entity_ids)))
            shared.pop(number, None)
            article.related_coverage = [articles[n] for n, _ in
                                        shared.most_common(related_count)]

        co_count = pattern("NASHRA_CO_MENTIONS")
        feed_items = pattern("NASHRA_ENTITY_FEED_ITEMS")
        for entity_id, page in pages.items():
            numbers = postings.get(entity_id, [])
            page.articles = [articles[n] for n in numbers]
            page.feed_articles = [articles[n] for n in numbers[:feed_items]]
            co = Counter(chain.from_iterable(articles[n].entity_ids for n in numbers))
            co.pop(entity_id, None)
            page.co_actors = [(pages[i], n) for i, n in co.most_common()
                              if pages[i].kind == "actor"][:co_count]
            if isinstance(page.entity, Event):
                page.participants = [pages[i] for i in page.entity.participants]
                page.place = pages.get(page.entity.place)
        for event_page in (p for p in pages.values() if p.kind == "event"):
            linked = {p.entity.id for p in event_page.participants}
            linked.update(chain.from_iterable(
                articles[n].entity_ids for n in postings.get(event_page.entity.id, [])))
            for actor_id in linked:
                if pages[actor_id].kind == "actor":
                    pages[actor_id].events.append(event_page)
        for page in pages.values():
            page.events.sort(key=lambda p: p.entity.start, reverse=True)

        actor_pages = [p for p in pages.values() if p.kind == "actor"]
        self.context["actors_by_type"] = [
            (kind, sorted((p for p in actor_pages if p.entity.type == kind),
                          key=lambda p: p.name))
            for kind in ACTOR_TYPES
        ]
        self.context["events_timeline"] = sorted(
            (p for p in pages.values() if p.kind == "event"),
            key=lambda p: (p.entity.start, p.entity.end), reverse=True)
        self.context["entity_pages"] = pages

    def generate_output(self, writer) -> None:
        settings = self.settings
        lang = self.lang
        pattern = functools.partial(plugin_settings.get, settings)
        for name, template in (("NASHRA_ACTORS_URL", "actors"), ("NASHRA_EVENTS_URL", "events")):
            url = pattern(name).format(lang=lang)
            writer.write_file(url + "index.html", self.get_template(template), self.context,
                              relative_urls=settings["RELATIVE_URLS"], url=url)
        for page in self.pages.values():
            writer.write_file(page.save_as, self.get_template(page.kind), self.context,
                              relative_urls=settings["RELATIVE_URLS"], url=page.url,
                              entity_page=page)
        self.context["NASHRA_SUMMARY_FEED"] = True  # see feeds.complete_feed
        try:
            for page in self.pages.values():
                writer.write_feed(page.feed_articles, self.context, page.feed_save_as,
                                  page.feed_url, feed_title=page.name)
        finally:
            self.context["NASHRA_SUMMARY_FEED"] = False


def _relative_url(base: str, pages: dict, entity_id: str) -> str:
    """URL of an entity's page relative to the folder ``base`` (both site-relative, so
    going up to the site's root and down again is right, and cheap)."""
    return "../" * base.count("/") + pages[entity_id].url


def get_generators(pelican) -> type[Generator]:
    """``get_generators`` handler: add :class:`EntityGenerator` to the run."""
    return EntityGenerator


def json_ld(article, settings: dict) -> str:
    """The article's JSON-LD: a schema.org ``NewsArticle`` with its dates (with zone),
    author, publisher, language, its translations (``workTranslation``, or
    ``translationOfWork`` for a post with a ``Translator:``) and the entities it is
    ``about`` or ``mentions``, with ``sameAs`` to Wikidata where known.

    Safe to put inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&``
    are written as JSON escapes.
    """
    site = settings.get("SITE_ABSOLUTE_URL", "")

    def url(item) -> str:
        return f"{site}/{quote(item.url, safe='/')}"

    def thing(page: EntityPage) -> dict:
        entity = page.entity
        kinds = {"person": "Person", "organisation": "Organization", "country": "Country",
                 "place": "Place"}
        node = {"@type": kinds.get(getattr(entity, "type", ""), "Event"), "name": page.name}
        if getattr(entity, "wikidata", ""):
            node["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
        return node

    def work(item) -> dict:
        return {"@type": "NewsArticle", "url": url(item), "inLanguage": item.lang}

    def moment(value):
        if getattr(value, "tzinfo", None) is None and hasattr(value, "hour"):
            return value.replace(tzinfo=dt.UTC).isoformat()
        return value.isoformat()

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Markup(article.title).unescape(),
        "url": url(article),
        "mainEntityOfPage": url(article),
        "inLanguage": article.lang,
        "datePublished": moment(article.date),
        "dateModified": moment(getattr(article, "modified", None) or article.date),
        "author": ({"@type": "Person", "name": article.byline}
                   if getattr(article, "byline", "") else
                   {"@type": "Organization", "name": getattr(article, "source", "")
                    or settings["SITENAME"]}),
        "publisher": {"@type": "Organization", "name": settings["SITENAME"], "url": site + "/"},
        "about": [thing(p) for p in getattr(article, "entity_about", [])],
        "mentions": [thing(p) for p in getattr(article, "entity_mentions", [])],
    }
    translations = getattr(article, "translations", [])
    if translations:
        key = "translationOfWork" if getattr(article, "translator", "") else "workTranslation"
        data[key] = [work(t) for t in translations]
    text = json.dumps(data, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
