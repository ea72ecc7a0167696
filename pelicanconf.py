"""Pelican settings of the Nashra site (development).

One Pelican run builds one edition: the ``NASHRA_EDITION`` environment variable names
it (``invoke build`` runs one process per edition).  Every URL of an edition starts
with its language code: ``/ar/…``, ``/en/…`` (URL contract in design.md).
"""

import os

from nashra.slugs import SLUG_REGEX_SUBSTITUTIONS  # noqa: F401 (a Pelican setting)

#: The editions, in the order the front door and the language switcher show them.
EDITIONS = {
    "ar": {
        "locale": "ar",  # Babel locale: "ar" names months يناير; "ar_SY" كانون الثاني
        "name": "العربية",
        "sitename": "نشرة",
        "subtitle": "موجز إخباري بالعربية والإنجليزية",
        "default_category": "أخبار",
        "og_locale": "ar_AR",
        "digits": "latn",  # or "arab" for ٠١٢٣ (CLDR numbering systems)
        "words_per_minute": 160,
    },
    "en": {
        "locale": "en",
        "name": "English",
        "sitename": "Nashra",
        "subtitle": "A news digest in Arabic and English",
        "default_category": "News",
        "og_locale": "en_GB",
        "digits": "latn",
        "words_per_minute": 230,
    },
}
#: The edition whose run writes the bilingual front door and the theme's static files.
FRONT_DOOR_EDITION = "ar"

EDITION = os.environ.get("NASHRA_EDITION", FRONT_DOOR_EDITION)
if EDITION not in EDITIONS:
    raise ValueError(f"NASHRA_EDITION={EDITION!r} is not one of {', '.join(EDITIONS)}")
_E = EDITION

AUTHOR = "Nashra"
SITENAME = EDITIONS[_E]["sitename"]
SITESUBTITLE = EDITIONS[_E]["subtitle"]
# Pages link relatively (RELATIVE_URLS); feeds, which need absolute links
# (RFC 4287 §4.2.7), take SITEURL: in development, the address of `invoke serve`.
SITEURL = "http://localhost:8000"
FEED_DOMAIN = SITEURL
#: The site's absolute address, for canonical URLs, hreflang, Open Graph and the
#: sitemap (pages take a relative SITEURL when RELATIVE_URLS is on).
SITE_ABSOLUTE_URL = SITEURL
RELATIVE_URLS = True
DEFAULT_LANG = _E
TIMEZONE = "UTC"

PATH = "content"
# Every run reads every edition (the others' metadata only), for translations.
PAGE_PATHS = [f"{lang}/pages" for lang in EDITIONS]  # about, 404: content/{lang}/pages/
ARTICLE_PATHS = list(EDITIONS)
ARTICLE_EXCLUDES = PAGE_PATHS
STATIC_PATHS = []
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # two runs share output/
CACHE_PATH = f"cache/{_E}"
PATH_METADATA = r"(?P<lang>[a-z]{2})/.*"  # content/ar/… is Arabic unless Lang: says else

THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"] if _E == FRONT_DOOR_EDITION else []
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["nashra_site"]
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"
SLUGIFY_SOURCE = "title"
SLUGIFY_USE_UNICODE = True
DEFAULT_CATEGORY = EDITIONS[_E]["default_category"]
USE_FOLDER_AS_CATEGORY = False
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# URL layout (design.md): /{lang}/{yyyy}/{mm}/{slug}/ and the edition's indexes.
ARTICLE_URL = "{lang}/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
DRAFT_URL = "{lang}/drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = DRAFT_URL
DRAFT_LANG_SAVE_AS = DRAFT_SAVE_AS
PAGE_URL = "{lang}/{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
DRAFT_PAGE_URL = "{lang}/drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
DRAFT_PAGE_LANG_URL = DRAFT_PAGE_URL
DRAFT_PAGE_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS

INDEX_SAVE_AS = f"{_E}/index.html"
TAG_URL = f"{_E}/tag/{{slug}}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = f"{_E}/tags/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
CATEGORY_URL = f"{_E}/category/{{slug}}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = f"{_E}/categories/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
ARCHIVES_URL = f"{_E}/archives/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = f"{_E}/{{date:%Y}}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = f"{_E}/{{date:%Y}}/{{date:%m}}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "search", "frontdoor", "sitemap",
                    "robots"]
SEARCH_URL = f"{_E}/search/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
TEMPLATE_EXTENSIONS = [".html", ".xml", ".txt"]
FRONTDOOR_SAVE_AS = "index.html" if _E == FRONT_DOOR_EDITION else ""
SITEMAP_SAVE_AS = "sitemap.xml" if _E == FRONT_DOOR_EDITION else ""
ROBOTS_SAVE_AS = "robots.txt" if _E == FRONT_DOOR_EDITION else ""

# Feeds: this edition's stories only.  A feed sits in the folder of the page it
# mirrors (the edition's index here, an actor's page for an actor's feed).
FEED_ATOM = f"{_E}/atom.xml"
FEED_RSS = f"{_E}/rss.xml"
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = f"{_E}/category/{{slug}}/atom.xml"
CATEGORY_FEED_RSS = f"{_E}/category/{{slug}}/rss.xml"
TAG_FEED_ATOM = f"{_E}/tag/{{slug}}/atom.xml"
TAG_FEED_RSS = f"{_E}/tag/{{slug}}/rss.xml"
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50
