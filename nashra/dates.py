"""Dates for readers, through Babel's CLDR data (never the process locale).

Babel prints Latin digits for ``ar`` locales; month names differ by region (يناير in
``ar``/``ar_EG``, كانون الثاني in ``ar_SY``/``ar_LB``), so each edition names the Babel
locale it formats with (``EDITIONS[lang]["locale"]`` in pelicanconf.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton

from nashra.arabic import normalise_for_matching


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


#: Digit sets an edition may print numbers with (CLDR numbering system ids).
DIGITS: dict[str, str] = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


def localise_digits(text: str, numbering: str = "latn") -> str:
    """Write the ASCII digits of ``text`` in a CLDR numbering system (``latn``,
    ``arab`` for Arabic-Indic ٠–٩, ``arabext`` for Eastern Arabic-Indic ۰–۹).

    Babel prints Latin digits for every ``ar`` locale; editions choose.
    :raises KeyError: an unknown numbering system.
    """
    if numbering == "latn":
        return text
    return text.translate(str.maketrans("0123456789", DIGITS[numbering]))


def text_direction(locale: str) -> str:
    """``"rtl"`` or ``"ltr"``, from CLDR's character order for the locale's script."""
    return Locale.parse(locale).text_direction


# --- Parsing dates written by people -------------------------------------------------

#: Babel locales whose month and weekday names the parser knows: every Arabic naming
#: system (يناير in ar/ar_EG, كانون الثاني in ar_SY/ar_LB/ar_IQ, جانفي in ar_TN/ar_DZ,
#: يوليوز/غشت in ar_MA) and English.
PARSE_LOCALES: tuple[str, ...] = ("ar", "ar_SY", "ar_LB", "ar_IQ", "ar_JO", "ar_TN", "ar_DZ",
                                  "ar_MA", "ar_EG", "ar_SA", "en")

#: Words that introduce a date on news pages ("نشر في", "Published", "Updated").
DATE_PREFIXES: tuple[str, ...] = (
    "نشر في", "نشر بتاريخ", "تاريخ النشر", "نشر", "آخر تحديث", "تم التحديث", "تحديث",
    "published on", "published", "posted on", "posted", "updated on", "updated", "on",
)


def _fold_date_text(text: str) -> str:
    return " ".join(normalise_for_matching(text).replace(".", " ").replace(",", " ")
                    .replace("،", " ").split())


@functools.cache
def _calendar_words() -> tuple[dict[str, int], frozenset[str]]:
    """Month names (wide and abbreviated, format and stand-alone) → month number, and
    weekday names, from Babel's CLDR data for :data:`PARSE_LOCALES`, folded."""
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for code in PARSE_LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    months.setdefault(_fold_date_text(name), number)
                weekdays.update(_fold_date_text(n) for n in locale.days[context][width].values())
    months.update(_EXTRA_MONTHS)
    return months, frozenset(weekdays)


_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
#: Spellings CLDR lacks: "Sept", and Maghrebi فاتح ("the first", as in فاتح يوليوز).
_EXTRA_MONTHS = {"sept": 9}
_FIRST_DAY_WORDS = frozenset({"فاتح"})
_ORDINAL_RE = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_YEAR_RE = re.compile(r"^(19|20)\d\d$")


def parse_date(text: str) -> dt.date | None:
    """Read a date as news pages write it, in Arabic or English.

    Handles ``2021-12-28``, ``28/12/2021`` (day first), ``28 ديسمبر 2021``,
    ``الثلاثاء 28 كانون الأول/ديسمبر 2021``, ``٢٨ جانفي ٢٠٢٢``, ``December 28, 2021``,
    ``Tue 28 Dec. 2021``, with prefixes such as ``نشر في`` or ``Published``.  Month and
    weekday names come from Babel's CLDR data (:data:`PARSE_LOCALES`).

    :returns: the date, or ``None`` when the text holds no complete, valid date.
    """
    folded = _fold_date_text(text)
    match = _NUMERIC_DATE_RE.search(folded)
    if match:
        year, month, day = ((match[1], match[2], match[3]) if match[1]
                            else (match[6], match[5], match[4]))
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
    months, _ = _calendar_words()
    tokens = folded.replace("/", " / ").split()
    day = month = year = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if ordinal := _ORDINAL_RE.match(token):
            token = ordinal[1]
        if token in _FIRST_DAY_WORDS and day is None:
            token = "1"
        two = " ".join(tokens[index:index + 2])
        if month is None and two in months:  # كانون الثاني
            month, index = months[two], index + 2
            continue
        if month is None and token in months:
            month = months[token]
        elif token.isdigit() and _YEAR_RE.match(token) and year is None:
            year = int(token)
        elif token.isdigit() and len(token) <= 2 and day is None:
            day = int(token)
        index += 1
    if None in (day, month, year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
