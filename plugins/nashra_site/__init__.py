"""nashra_site: the Pelican glue that makes one Pelican run build one Nashra edition.

``register()`` connects the handlers of :mod:`.editions` (which articles belong to the
edition, validation, the front door's data), :mod:`.i18n` (gettext catalogs and Babel
dates in templates), :mod:`.feeds` (language, ids and links of the feeds) and
:mod:`.entities` (actors and events: links in articles, entity pages and feeds,
related coverage) and :mod:`.fonts` (self-hosted typefaces).
"""

from pelican import signals

from . import editions, entities, feeds, fonts, i18n


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    editions.cache_content_urls()
    signals.readers_init.connect(editions.use_edition_reader)
    signals.content_object_init.connect(editions.default_translation_key)
    signals.content_object_init.connect(editions.title_as_text)
    signals.article_generator_pretaxonomy.connect(editions.split_edition)
    signals.page_generator_finalized.connect(editions.check_pages)
    signals.generator_init.connect(i18n.install_template_helpers)
    signals.feed_generated.connect(feeds.complete_feed)
    signals.get_generators.connect(entities.get_generators)
    signals.finalized.connect(fonts.copy_fonts)
