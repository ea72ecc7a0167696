"""Site chrome: the navigation, tickers, buttons and widgets around a story.

Text copied from a web page carries the page's chrome along with the story.  Two kinds
of rule find it, neither written for one outlet:

* **phrases**: lines that, once normalised, are a known chrome phrase in Arabic or
  English (:data:`CHROME_PHRASES`);
* **structure**: short lines before the headline and short trailing lines after the
  last paragraph (:func:`is_short_line`), such as tracking tokens or button labels.
"""

from __future__ import annotations

import re

from nashra.arabic import normalise_for_matching

#: Known chrome phrases, per language, as they appear on pages.  Compared after
#: :func:`normalise_line`, so one spelling covers hamza/alef and case variants.
CHROME_PHRASES: dict[str, tuple[str, ...]] = {
    "ar": (
        "آخر الأخبار", "أحدث الأخبار", "الأخبار العاجلة", "عاجل", "شريط الأخبار",
        "الرئيسية", "الصفحة الرئيسية", "القائمة", "بحث",
        "اظهر المزيد", "عرض المزيد", "المزيد", "اقرأ المزيد", "تحميل المزيد",
        "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "قد يعجبك أيضا",
        "اقرأ أيضا", "اقرأ أيضاً", "شاهد أيضا", "الأكثر قراءة", "الأكثر مشاهدة",
        "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "إلى الأعلى",
        "شارك", "شارك المقال", "مشاركة", "تابعنا", "تابعونا", "اشترك", "اشترك الآن",
        "النشرة البريدية", "إعلان", "مساحة إعلانية", "أضف تعليقا", "التعليقات",
        "إغلاق", "فيسبوك", "تويتر", "واتساب", "تيليجرام",
    ),
    "en": (
        "latest news", "breaking news", "breaking", "news ticker", "home", "menu",
        "search", "show more", "read more", "load more", "more",
        "related articles", "related stories", "related", "you may also like",
        "read also", "see also", "most read", "most popular", "trending",
        "back to top", "scroll to top", "share", "share this article", "share this",
        "follow us", "subscribe", "subscribe now", "sign up for our newsletter",
        "newsletter", "advertisement", "sponsored", "leave a comment", "comments",
        "close", "facebook", "twitter", "whatsapp", "telegram", "email", "print",
    ),
}

_PUNCT_RE = re.compile(r"[^\w\s]+")
_SPACE_RE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """Normalise a line for phrase comparison: Arabic folding, case, no punctuation."""
    folded = normalise_for_matching(line)
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", folded)).strip()


_PHRASES: frozenset[str] = frozenset(
    normalise_line(p) for phrases in CHROME_PHRASES.values() for p in phrases
)


def is_chrome_phrase(line: str) -> bool:
    """True when the whole line is a known chrome phrase of either language."""
    return normalise_line(line) in _PHRASES


#: Fewest words a headline has; shorter lines before it are chrome.
MIN_HEADLINE_WORDS = 4
#: Fewest words a trailing line needs to count as a paragraph when it does not end
#: like a sentence.
MIN_TRAILING_WORDS = 8

_SENTENCE_END_RE = re.compile(r"[.!?؟。…:\"”»)]\s*$")


def word_count(line: str) -> int:
    """Number of white-space separated tokens that contain a letter or digit."""
    return sum(1 for token in line.split() if any(ch.isalnum() for ch in token))


def is_short_line(line: str, min_words: int) -> bool:
    """True for a line of fewer than ``min_words`` words that does not end a sentence."""
    return word_count(line) < min_words and not _SENTENCE_END_RE.search(line)
