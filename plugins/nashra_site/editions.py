"""One Pelican run, one edition: keep the edition's articles, check every post's language.

Each run reads all content (both languages) so that Pelican links every article to
its translations (``ARTICLE_TRANSLATION_ID``); then, before tags, categories and
archives are computed (``article_generator_pretaxonomy``), only the articles in the
run's language (``DEFAULT_LANG``) are kept for writing.  Articles of the other
languages stay reachable through ``article.translations`` for the language switcher,
and in ``EDITION_ARTICLES`` for the bilingual front door.
"""

from __future__ import annotations

import logging
import os

from markdown import Markdown
from markupsafe import Markup
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import order_content, pelican_open

from nashra.markdown_writer import parse_header

from . import settings as plugin_settings

logger = logging.getLogger(__name__)

#: The generator lists that hold articles, in Pelican 4.12's ArticlesGenerator.
_ORIGINAL_LISTS = ("articles", "drafts", "hidden_articles")
_TRANSLATION_LISTS = ("translations", "drafts_translations", "hidden_translations")


class EditionMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader that reads only the metadata of other editions' posts,
    converts the edition's posts with one reused ``Markdown`` instance, and splits
    lists on the Arabic comma too.

    A run writes one edition; of the other editions' posts it needs only what the
    language switcher, the front door and the sitemap show (title, date, slug,
    language, key), so only their metadata block is read (the Markdown ``meta`` format:
    ``Key: value`` lines, indented continuation lines), which halves the reading of a
    two-edition build.
    A post's edition is the first folder of its path below ``PATH``.

    Pelican builds a new ``Markdown`` instance (all of ``MARKDOWN``'s extensions) for
    every post; building one costs about as much as converting a 300-word story.  This
    reader keeps one and calls ``Markdown.reset()`` before each post, which is how
    Python-Markdown converts several documents with one instance (``Markdown.reset``,
    "should be called manually between calls to ``Markdown.convert``"); formatted
    metadata (``Summary:``) goes through a second instance without the ``meta``
    extension, as Pelican's reader does by deregistering it.
    """

    _body_md: Markdown | None = None
    _fields_md: Markdown | None = None

    def process_metadata(self, name, value):
        """Lists (``Tags:``, ``Actors:``, ``Events:``) may be separated by the Arabic
        comma ، (U+060C) as well as by ``,``."""
        if name in ("tags", "actors", "events") and isinstance(value, str):
            value = value.replace("،", ",")
        return super().process_metadata(name, value)

    def read(self, source_path):
        relative = os.path.relpath(source_path, self.settings["PATH"])
        folder = relative.split(os.sep, 1)[0]
        if folder == self.settings["DEFAULT_LANG"] or folder not in self.settings["EDITIONS"]:
            return self._read_in_full(source_path)
        self._source_path = source_path
        with pelican_open(source_path) as text:
            header = text.split("\n\n", 1)[0]
        metadata = {}
        for key, value in parse_header(header):
            name = key.lower()
            if name not in metadata and name not in self.settings["FORMATTED_FIELDS"]:
                metadata[name] = self.process_metadata(name, value)
        return "", metadata

    def _read_in_full(self, source_path):
        """Content and metadata of a post, as Pelican's ``MarkdownReader.read``."""
        self._source_path = source_path
        if self._body_md is None:
            self._body_md = Markdown(**self.settings["MARKDOWN"])
        self._md = self._body_md.reset()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        return content, self._parse_metadata(getattr(self._md, "Meta", {}))

    def _parse_metadata(self, meta):
        """Pelican's ``MarkdownReader._parse_metadata`` (4.12), with formatted fields
        converted by a reused instance that has no ``meta`` extension."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if name in formatted_fields:
                output[name] = self.process_metadata(
                    name, self._fields_markdown().reset().convert("\n".join(value)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.",
                                   name, self._source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output

    def _fields_markdown(self) -> Markdown:
        if self._fields_md is None:
            config = dict(self.settings["MARKDOWN"])
            meta = ("markdown.extensions.meta", "meta")
            config["extensions"] = [e for e in config.get("extensions", []) if e not in meta]
            config["extension_configs"] = {
                k: v for k, v in config.get("extension_configs", {}).items() if k not in meta}
            self._fields_md = Markdown(**config)
        return self._fields_md


def use_edition_reader(readers) -> None:
    """``readers_init`` handler: read Markdown with :class:`EditionMarkdownReader`."""
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = EditionMarkdownReader


class InvalidContent(ValueError):
    """A post that must fail the build; the message names its source file."""


def default_translation_key(instance) -> None:
    """``content_object_init`` handler: give posts without ``Translation_key:`` their own.

    Pelican raises ``AttributeError`` when an item lacks the ``ARTICLE_TRANSLATION_ID``
    attribute.  The default is unique per source file, so such a post has no
    translation.  Setting it here is safe with Pelican's content cache: the attribute
    is part of the cached object.
    """
    if not hasattr(instance, "translation_key") and instance.source_path:
        instance.translation_key = "source:" + os.path.normpath(instance.source_path)


def title_as_text(instance) -> None:
    """``content_object_init`` handler: a title in Nashra's posts is plain text.

    Pelican treats titles as HTML (it strips tags for feeds, so ``<script>`` in a
    headline about web attacks would vanish from feeds but show on pages).  Escaping
    the title once, as ``Markup``, makes pages, feeds and JSON-LD all show the text as
    written.  Cached content keeps the escaped title, so this runs once per post.
    """
    title = getattr(instance, "title", None)
    if isinstance(title, str) and not isinstance(title, Markup):
        instance.title = Markup.escape(title)


def check_language(item, settings: dict) -> None:
    """Check that ``item.lang`` is an edition and matches its ``content/{lang}/`` folder.

    :raises InvalidContent: naming the file, the language and the known editions.
    """
    editions = settings["EDITIONS"]
    if item.lang not in editions:
        raise InvalidContent(
            f"{item.source_path}: Lang: {item.lang!r} is not an edition "
            f"(known: {', '.join(editions)})"
        )
    relative = os.path.relpath(item.source_path, settings["PATH"])
    folder = relative.split(os.sep, 1)[0]
    if folder in editions and folder != item.lang:
        raise InvalidContent(
            f"{item.source_path}: Lang: {item.lang!r} but the file is in the "
            f"{folder!r} edition's folder"
        )


def split_edition(generator) -> None:
    """``article_generator_pretaxonomy`` handler: keep the run's edition only.

    Puts ``EDITION_ARTICLES`` (language → published articles, newest first, at most
    ``NASHRA_FRONT_DOOR_ITEMS`` each) in the context for the front door, and
    ``SITE_ARTICLES`` (every published article of every edition) for the sitemap.

    :raises InvalidContent: a post of any status has an unknown language, or two
        posts of the edition would be written to the same URL.
    """
    settings = generator.settings
    edition = settings["DEFAULT_LANG"]
    for name in _ORIGINAL_LISTS + _TRANSLATION_LISTS:
        for item in getattr(generator, name):
            check_language(item, settings)

    published = generator.articles + generator.translations
    generator.context["SITE_ARTICLES"] = sorted(published, key=lambda a: a.date, reverse=True)
    limit = plugin_settings.get(settings, "NASHRA_FRONT_DOOR_ITEMS")
    generator.context["EDITION_ARTICLES"] = {
        lang: sorted((a for a in published if a.lang == lang),
                     key=lambda a: a.date, reverse=True)[:limit]
        for lang in settings["EDITIONS"]
    }

    written: dict[str, str] = {}
    for originals, translations in zip(_ORIGINAL_LISTS, _TRANSLATION_LISTS, strict=True):
        items = getattr(generator, originals) + getattr(generator, translations)
        kept = [item for item in items if item.lang == edition]
        for item in kept:
            other = written.setdefault(item.save_as, item.source_path)
            if item.save_as and other != item.source_path:
                raise InvalidContent(f"{item.source_path}: same URL as {other} "
                                     f"({item.save_as}): give one of them another Slug:")
        setattr(generator, originals, order_content(kept, settings["ARTICLE_ORDER_BY"]))
        setattr(generator, translations, [])


def check_pages(generator) -> None:
    """``page_generator_finalized`` handler: check pages' languages, keep the edition's.

    :raises InvalidContent: a page has an unknown language.
    """
    settings = generator.settings
    edition = settings["DEFAULT_LANG"]
    for originals, translations in (("pages", "translations"),
                                    ("hidden_pages", "hidden_translations"),
                                    ("draft_pages", "draft_translations")):
        items = getattr(generator, originals) + getattr(generator, translations)
        for item in items:
            check_language(item, settings)
        kept = order_content([item for item in items if item.lang == edition],
                             settings["PAGE_ORDER_BY"])
        setattr(generator, originals, kept)
        setattr(generator, translations, [])
        generator.context[originals] = kept


class _Cached:
    """A stand-in for one of ``Content``'s URL properties (``url``, ``save_as``) that
    computes a post's value once.

    Pelican formats them from its settings at every access (about 0.1 ms each); a build
    reads ``url`` tens of thousands of times (lists, feeds, hreflang, sitemap, JSON-LD)
    and ``save_as`` several times a post (validation, writing).  Both depend only on
    the post's metadata and the settings, fixed once the post is read.
    """

    def __init__(self, original: property, name: str) -> None:
        self.original = original
        self.key = f"_nashra_{name}"

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            return instance.__dict__[self.key]
        except KeyError:
            value = instance.__dict__[self.key] = self.original.__get__(instance, owner)
            return value


def cache_content_urls() -> None:
    """Install :class:`_Cached` on Pelican's ``Content.url`` and ``Content.save_as``
    (once)."""
    from pelican.contents import Content

    for name in ("url", "save_as"):
        if not isinstance(Content.__dict__.get(name), _Cached):
            setattr(Content, name, _Cached(Content.__dict__[name], name))
