"""Dates for readers, through Babel's CLDR data (never the process locale).

Babel prints Latin digits for ``ar`` locales; month names differ by region (يناير in
``ar``/``ar_EG``, كانون الثاني in ``ar_SY``/``ar_LB``), so each edition names the Babel
locale it formats with (``EDITIONS[lang]["locale"]`` in pelicanconf.py).
"""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton


def format_date(value: dt.date, locale: str, form: str = "long") -> str:
    """Format a date for readers (see :func:`_format_day`); datetimes by their day."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _format_day(value, locale, form)


@functools.lru_cache(maxsize=8192)
def _format_day(value: dt.date, locale: str, form: str) -> str:
    """Format a date for readers, e.g. ``28 ديسمبر 2021`` (ar) or ``December 28, 2021`` (en).

    :param value: a ``date`` or ``datetime``.
    :param locale: a Babel locale identifier such as ``"ar"`` or ``"ar_SY"``.
    :param form: a CLDR date length: ``"short"``, ``"medium"``, ``"long"``, ``"full"``.
    :raises babel.core.UnknownLocaleError: the locale is not in CLDR.

    Cached: a site shows the same days many times, and Babel takes ~50 µs a call.
    """
    return babel_format_date(value, format=form, locale=locale)


def format_month(year: int, month: int, locale: str) -> str:
    """Name a month with its year, CLDR skeleton ``yMMMM``: ``ديسمبر 2021``, ``December 2021``.

    :raises ValueError: ``month`` is not 1–12.
    """
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=locale)


def format_year(year: int, locale: str) -> str:
    """The year in the locale's numbering, CLDR skeleton ``y``."""
    return format_skeleton("y", dt.date(year, 1, 1), locale=locale)


def text_direction(locale: str) -> str:
    """``"rtl"`` or ``"ltr"``, from CLDR's character order for the locale's script."""
    return Locale.parse(locale).text_direction
