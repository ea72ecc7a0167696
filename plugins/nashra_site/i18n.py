"""Templates in the edition's language: gettext catalogs and Babel dates (and the cache
of compiled templates).

Every visible string of the theme goes through gettext (``{{ _("Tags") }}``); the
catalogs are ``theme/translations/{lang}/LC_MESSAGES/messages.po``, compiled in memory
at build time so no generated ``.mo`` file is kept.  Dates go through Babel with the
edition's locale (:mod:`nashra.dates`), never through the process locale.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
from collections.abc import Callable
from urllib.parse import quote

import jinja2
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemBytecodeCache
from markupsafe import Markup

from nashra.dates import (
    format_date,
    format_month,
    format_year,
    localise_digits,
    text_direction,
)

from . import settings as plugin_settings
from .entities import json_ld


@functools.cache
def load_catalog(theme_path: str, catalog_dir: str, domain: str, lang: str):
    """The theme's compiled catalog for ``lang``; ``NullTranslations`` when it has none.

    :raises babel.messages.pofile.PoFileError: the catalog does not parse.
    """
    po_path = os.path.join(theme_path, catalog_dir, lang, "LC_MESSAGES", f"{domain}.po")
    if not os.path.exists(po_path):
        return NullTranslations()
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale=lang, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=domain)


def edition_info(settings: dict, lang: str) -> dict:
    """What templates know of an edition: ``lang``, ``dir``, ``locale``, ``name``,
    ``sitename``, ``subtitle``, ``og_locale`` and site-relative URLs: ``home_url``
    (``ar/``), ``about_url``, ``actors_url``, ``events_url``."""
    edition = settings["EDITIONS"][lang]
    return {
        **edition,
        "lang": lang,
        "dir": text_direction(edition["locale"]),
        "home_url": f"{lang}/",
        "about_url": settings["PAGE_URL"].format(lang=lang, slug="about"),
        "og_locale": edition.get("og_locale", edition["locale"]),
        "actors_url": plugin_settings.get(settings, "NASHRA_ACTORS_URL").format(lang=lang),
        "events_url": plugin_settings.get(settings, "NASHRA_EVENTS_URL").format(lang=lang),
    }


_FIRST_PARAGRAPH_RE = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)


def standfirst(article, length: int = 200) -> str:
    """The article's first paragraph as plain text, cut at a word before ``length``
    characters (with "…").  For ``<meta name="description">``: Pelican's summary
    parses the whole article's HTML, several times slower."""
    match = _FIRST_PARAGRAPH_RE.search(getattr(article, "_content", "") or "")
    text = " ".join(Markup(match[1]).striptags().split()) if match else ""
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def reading_minutes(article, words_per_minute: int = 200) -> int:
    """Minutes to read the article's body at the edition's ``words_per_minute`` (at
    least 1).  Arabic is read in fewer, longer words than English: editions set it."""
    words = len(Markup(getattr(article, "_content", "") or "").striptags().split())
    return max(1, round(words / words_per_minute))


def cached_gettext(catalog) -> Callable[..., Markup]:
    """A ``_()`` for templates that looks each message up once.

    It behaves as Jinja's "new style" gettext with autoescaping (the message is
    ``Markup``; ``%(name)s`` placeholders are filled with escaped values, and ``%%`` is
    ``%`` even without them), but without Jinja's two context calls per use: a page
    calls ``_()`` some twenty-five times, a build hundreds of thousands of times.  It
    always escapes, as the theme autoescapes everywhere (inside a template's
    ``{% autoescape false %}`` block Jinja's own ``_()`` would not).

    :param catalog: a ``gettext.NullTranslations`` (or Babel ``Translations``).
    :returns: ``_(message: str, **variables) -> Markup``.
    """
    @functools.cache
    def translated(message: str) -> Markup:
        return Markup(catalog.gettext(message))

    @functools.cache
    def constant(message: str) -> Markup:  # no placeholders: formatted once
        return translated(message) % {}

    def gettext(message: str, **variables) -> Markup:
        return translated(message) % variables if variables else constant(message)

    return gettext


#: The ``Environment`` attributes that change the code a template compiles to
#: (Jinja 3.1: the lexer's settings, then the compiler's).
_COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string",
    "variable_end_string", "comment_start_string", "comment_end_string",
    "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
    "newline_sequence", "keep_trailing_newline", "optimized", "finalize", "autoescape",
    "is_async", "code_generator_class",
)


def compiled_template_cache(env: Environment) -> FileSystemBytecodeCache:
    """A bytecode cache for ``env``: compiled templates kept between builds.

    Each of a Pelican run's generators has its own Jinja environment and compiles the
    theme again, about 0.1 s a run.  Jinja keys a cached template by its name, path
    and source, not by the environment's options (``autoescape``, ``trim_blocks``…),
    which are compiled in: the file names here carry a digest of those options, of
    the extensions and of Jinja's version, so a change of any of them compiles
    afresh.  The folder is Jinja's default, per user, in the temporary folder.
    """
    options = [(name, repr(getattr(env, name, None))) for name in _COMPILE_OPTIONS]
    options.append(("extensions", sorted(env.extensions)))
    options.append(("jinja", jinja2.__version__))
    digest = hashlib.sha256(repr(options).encode("utf-8")).hexdigest()[:20]
    return FileSystemBytecodeCache(pattern=f"__nashra_{digest}_%s.cache")


def install_template_helpers(generator) -> None:
    """``generator_init`` handler: gettext (:func:`cached_gettext` as ``_``), Babel date
    filters, edition globals, and the compiled-template cache
    (:func:`compiled_template_cache`, unless ``NASHRA_TEMPLATE_CACHE`` is false).

    Filters: ``nashra_date`` (a date, CLDR long form, in the edition's digits),
    ``nashra_number`` (the edition's digits), ``nashra_reading_minutes``
    (:func:`reading_minutes`), ``nashra_period`` (an archive's
    ``period_num``: ``(year,)`` or ``(year, month)``), ``nashra_json_ld`` (an article's
    JSON-LD, see :func:`.entities.json_ld`), ``nashra_standfirst`` (:func:`standfirst`),
    ``nashra_uri`` (an IRI's path percent-encoded to a URI, RFC 3987 §3.1).
    Globals: ``edition`` (this run's edition, see :func:`edition_info`) and ``editions``
    (all of them, in order).
    """
    settings = generator.settings
    lang = settings["DEFAULT_LANG"]
    locale = settings["EDITIONS"][lang]["locale"]
    numbering = settings["EDITIONS"][lang].get("digits", "latn")
    words_per_minute = settings["EDITIONS"][lang].get("words_per_minute", 200)
    env = generator.env
    catalog = load_catalog(settings["THEME"],
                           plugin_settings.get(settings, "NASHRA_CATALOG_DIR"),
                           plugin_settings.get(settings, "NASHRA_CATALOG_DOMAIN"), lang)
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(catalog, newstyle=True)
    env.globals["_"] = cached_gettext(catalog)
    if plugin_settings.get(settings, "NASHRA_TEMPLATE_CACHE"):
        env.bytecode_cache = compiled_template_cache(env)

    def period(period_num: tuple[int, ...]) -> str:
        if len(period_num) == 1:
            return localise_digits(format_year(period_num[0], locale), numbering)
        return localise_digits(format_month(period_num[0], period_num[1], locale), numbering)

    def date(value, locale=locale, form="long") -> str:
        return localise_digits(format_date(value, locale, form), numbering)

    env.filters["nashra_date"] = date
    env.filters["nashra_number"] = lambda value: localise_digits(str(value), numbering)
    env.filters["nashra_reading_minutes"] = functools.partial(
        reading_minutes, words_per_minute=words_per_minute)
    env.filters["nashra_period"] = period
    env.filters["nashra_json_ld"] = functools.partial(json_ld, settings=settings)
    env.filters["nashra_standfirst"] = standfirst
    env.filters["nashra_uri"] = functools.partial(quote, safe="/:@!$&'()*+,;=-._~%")
    env.globals["edition"] = edition_info(settings, lang)
    env.globals["editions"] = [edition_info(settings, code) for code in settings["EDITIONS"]]
