"""Defaults of the nashra_site plugin; pelicanconf.py may override each one.

``EDITIONS`` (required, in pelicanconf.py): language code → edition settings:

* ``locale``: Babel locale for dates and text direction (``"ar"``, ``"ar_SY"``, ``"en"``);
* ``name``: the language's name in itself, for the language switcher;
* ``sitename``, ``subtitle``: the edition's name and strapline.
"""

#: How many of each edition's latest stories the bilingual front door lists.
NASHRA_FRONT_DOOR_ITEMS = 10

#: Folder of the theme's gettext catalogs, relative to the theme: ``{lang}/LC_MESSAGES/``.
NASHRA_CATALOG_DIR = "translations"

#: Gettext domain of the theme's catalogs.
NASHRA_CATALOG_DOMAIN = "messages"


def get(settings: dict, name: str):
    """A plugin setting: pelicanconf's value, or this module's default."""
    return settings.get(name, globals()[name])
