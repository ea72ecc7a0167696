"""Arabic orthographic normalisers: small pure functions, one rule each.

Each function takes and returns a ``str``.  They fall in two groups:

* **display-safe** rules (``strip_tatweel``, ``strip_harakat``, ``strip_bidi_marks``)
  remove characters that carry no meaning for a reader's identification of a word;
  they are used for slugs and for comparing chrome phrases;
* **matching-only** rules (``fold_alef``, ``fold_yeh``, ``fold_teh_marbuta``,
  ``fold_arabic_digits``) conflate letters that writers use interchangeably.  They
  must never change text that readers see.

Character classes come from the Unicode Standard, chapter 9.2 (Arabic) and the
code charts for blocks U+0600–U+06FF and U+0750–U+077F.
"""

from __future__ import annotations

import re

#: ARABIC TATWEEL (U+0640), the kashida used to stretch words.
TATWEEL = "\u0640"

#: Harakat and other Arabic combining marks: U+0610–U+061A (honorific signs),
#: U+064B–U+065F (fathatan … wavy hamza below), U+0670 (superscript alef),
#: U+06D6–U+06ED (Quranic annotation marks).
HARAKAT_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")

#: Bidirectional controls and zero-width characters (Unicode Standard Annex #9,
#: section 2): ALM, LRM, RLM, LRE…RLO, LRI…PDI, ZWSP, ZWNJ, ZWJ, BOM.
BIDI_MARKS_RE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_ALEF_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_YEH_TABLE = str.maketrans({"ى": "ي", "ی": "ي"})
_TEH_MARBUTA_TABLE = str.maketrans({"ة": "ه"})
_KAF_TABLE = str.maketrans({"ک": "ك"})
_DIGIT_TABLE = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"
)

#: Arabic letters proper (U+0621–U+064A) and the Persian/Urdu extensions we meet in news.
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def strip_tatweel(text: str) -> str:
    """Remove ARABIC TATWEEL (U+0640): ``"مـــصر"`` → ``"مصر"``."""
    return text.replace(TATWEEL, "")


def strip_harakat(text: str) -> str:
    """Remove the combining vowel and annotation marks listed in :data:`HARAKAT_RE`."""
    return HARAKAT_RE.sub("", text)


def strip_bidi_marks(text: str) -> str:
    """Remove bidi controls and zero-width characters listed in :data:`BIDI_MARKS_RE`."""
    return BIDI_MARKS_RE.sub("", text)


def fold_alef(text: str) -> str:
    """Fold hamzated and madda alef forms (أ إ آ ٱ) into bare alef (ا). Matching only."""
    return text.translate(_ALEF_TABLE)


def fold_yeh(text: str) -> str:
    """Fold alef maksura (ى) and Farsi yeh (ی) into Arabic yeh (ي). Matching only."""
    return text.translate(_YEH_TABLE)


def fold_teh_marbuta(text: str) -> str:
    """Fold teh marbuta (ة) into heh (ه). Matching only."""
    return text.translate(_TEH_MARBUTA_TABLE)


def fold_kaf(text: str) -> str:
    """Fold keheh (ک, U+06A9) into Arabic kaf (ك). Matching only."""
    return text.translate(_KAF_TABLE)


def fold_arabic_digits(text: str) -> str:
    """Map Arabic-Indic (U+0660–9) and Eastern Arabic-Indic (U+06F0–9) digits to ASCII."""
    return text.translate(_DIGIT_TABLE)


def normalise_for_matching(text: str) -> str:
    """All rules above plus case folding, for comparing phrases; never for display.

    The result may be shorter than ``text`` (removed marks), so it cannot be used
    to compute offsets into the original.
    """
    text = strip_bidi_marks(strip_tatweel(strip_harakat(text)))
    text = fold_kaf(fold_teh_marbuta(fold_yeh(fold_alef(text))))
    return fold_arabic_digits(text).casefold()


def arabic_letter_ratio(text: str) -> float:
    """Share of Arabic letters among all letters of ``text`` (0.0 when it has none)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ARABIC_LETTER_RE.match(ch)) / len(letters)
