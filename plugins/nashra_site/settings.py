"""Defaults of the nashra_site plugin; pelicanconf.py may override each one.

``EDITIONS`` (required, in pelicanconf.py): language code → edition settings:

* ``locale``: Babel locale for dates and text direction (``"ar"``, ``"ar_SY"``, ``"en"``);
* ``name``: the language's name in itself, for the language switcher;
* ``sitename``, ``subtitle``: the edition's name and strapline;
* ``og_locale``: the Open Graph locale (``ar_AR``, ``en_GB``);
* ``digits``: ``latn`` (0–9) or ``arab`` (٠–٩) for dates and numbers;
* ``words_per_minute``: reading speed for the reading time shown on articles.
"""

#: How many of each edition's latest stories the bilingual front door lists.
NASHRA_FRONT_DOOR_ITEMS = 10

#: Folder of the theme's gettext catalogs, relative to the theme: ``{lang}/LC_MESSAGES/``.
NASHRA_CATALOG_DIR = "translations"

#: Gettext domain of the theme's catalogs.
NASHRA_CATALOG_DOMAIN = "messages"

#: Keep compiled templates between builds (Jinja's bytecode cache, in the user's
#: temporary folder; see ``i18n.compiled_template_cache``).
NASHRA_TEMPLATE_CACHE = True


def get(settings: dict, name: str):
    """A plugin setting: pelicanconf's value, or this module's default."""
    return settings.get(name, globals()[name])

#: Folder of the registry (actors.toml, events.toml), relative to PATH.
NASHRA_REGISTRY_PATH = "registry"

#: Link only the first mention of each entity in an article (else every mention).
NASHRA_LINK_FIRST_MENTION_ONLY = True

#: URL patterns of entity pages and their Atom feeds; fields: lang, kind, id.
NASHRA_ENTITY_URL = "{lang}/{kind}/{id}/"
NASHRA_ENTITY_FEED_URL = "{lang}/{kind}/{id}/atom.xml"
#: URL patterns of the actors index and the events timeline; field: lang.
NASHRA_ACTORS_URL = "{lang}/actors/"
NASHRA_EVENTS_URL = "{lang}/events/"

#: How many articles "related coverage" lists.
NASHRA_RELATED_ITEMS = 5

#: How many co-mentioned actors an entity page lists.
NASHRA_CO_MENTIONS = 8

#: How many of the newest stories an entity's Atom feed holds (a summary each).
NASHRA_ENTITY_FEED_ITEMS = 10

#: Font files to self-host: Python package → resource paths inside it.  Copied to
#: ``{THEME_STATIC_DIR}/fonts/`` and declared with ``@font-face`` in the theme's CSS.
NASHRA_FONTS = {
    "fontpkg_amiri": ["files/Amiri-Regular.ttf", "files/Amiri-Bold.ttf"],
}
