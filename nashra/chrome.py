"""Site chrome: the navigation, tickers, buttons and widgets around a story.

Text copied from a web page carries the page's chrome along with the story.  Two kinds
of rule find it, neither written for one outlet:

* **phrases**: lines that, once normalised, are a known chrome phrase in Arabic or
  English (:data:`CHROME_PHRASES`);
* **notices**: cookie banners and copyright lines (:func:`is_notice`);
* **structure**: lines before the headline (:func:`is_headline`), short trailing lines
  after the last paragraph (:func:`is_short_line`), such as tracking tokens or button
  labels, and the other stories' headlines listed after a "related stories" heading
  (:func:`opens_link_block`).
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
        "إغلاق", "فيسبوك", "تويتر", "واتساب", "تيليجرام", "تخطى إلى المحتوى",
        "انتقل إلى المحتوى", "قبول", "موافق",
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
        "skip to main content", "skip to content", "accept", "accept all", "cookie settings",
        "manage cookies", "i agree",
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
    """True when the line is a known chrome phrase of either language, or a row of them
    ("Share Facebook Twitter WhatsApp", "الرئيسية | سياسة | اقتصاد" is not: only known
    phrases count)."""
    normalised = normalise_line(line)
    if normalised in _PHRASES:
        return True
    parts = [p.strip() for p in re.split(r"\s*[|·•/]\s*|\s{2,}", line) if p.strip()]
    if len(parts) > 1:
        return all(normalise_line(p) in _PHRASES for p in parts)
    words = normalised.split()
    return len(words) > 1 and all(w in _PHRASES for w in words)


#: A line inside a story that points elsewhere ("Read also: …", "اقرأ أيضا: …").
INLINE_LINK_LINE_RE = re.compile(
    r"^\s*(اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|اقرأ المزيد|شاهد أيضا|شاهد أيضاً|للمزيد|"
    r"read also|read more|also read|see also|related|watch|more on this)\s*[:：\-–]",
    re.I)
#: A line that asks readers to comment.
COMMENT_PROMPT_RE = re.compile(
    r"^\s*(leave a comment|add a comment|join the conversation|comments?|"
    r"أضف تعليقا|أضف تعليقك|اترك تعليقا|التعليقات|شاركنا رأيك)\s*[.:!]?\s*$", re.I)


def is_inline_chrome(line: str) -> bool:
    """A "read also" line or a comment prompt inside a story's body."""
    return bool(INLINE_LINK_LINE_RE.match(line) or COMMENT_PROMPT_RE.match(line))


#: Phrases that open a block of links to other stories: the short lines after them
#: (headlines of other stories) are chrome too, up to the next sentence.
BLOCK_OPENERS: frozenset[str] = frozenset(normalise_line(p) for p in (
    "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "اقرأ أيضا", "اقرأ أيضاً",
    "شاهد أيضا", "الأكثر قراءة", "الأكثر مشاهدة", "قد يعجبك أيضا", "آخر الأخبار",
    "related articles", "related stories", "related", "read also", "see also", "most read",
    "most popular", "trending", "you may also like", "latest news", "more stories",
))


def opens_link_block(line: str) -> bool:
    """True for a heading such as "Related stories" that lists other stories after it."""
    return normalise_line(line) in BLOCK_OPENERS


#: Whole lines that are notices, not news: cookie banners, copyright lines.
_NOTICE_RES = (
    re.compile(r"(?=.*\bcookies?\b)(?=.*\b(site|website|brows\w*|experience|consent|"
               r"privacy)\b)", re.I),  # a banner speaks of the site and its visitor
    re.compile(r"(ملفات تعريف الارتباط|الكوكيز|ملفات الكوكيز)"),
    re.compile(r"^\s*(©|\(c\)\s|copyright\b)|all rights reserved|جميع الحقوق محفوظة|"
               r"حقوق النشر محفوظة", re.I),
)
#: Longest line, in words, that a notice pattern may drop (a paragraph about cookies
#: or copyright in a story is longer, and is kept).
MAX_NOTICE_WORDS = 60


def is_notice(line: str) -> bool:
    """True for a cookie banner or a copyright line (:data:`MAX_NOTICE_WORDS` at most)."""
    return word_count(line) <= MAX_NOTICE_WORDS and any(r.search(line) for r in _NOTICE_RES)


_BYLINE_RE = re.compile(r"^(?:by|written by|بقلم|كتب|كتبت|إعداد)\s*[:：]?\s+(?P<name>\S.{1,60})$",
                        re.I)
#: Most words a byline has, prefix included.
MAX_BYLINE_WORDS = 8


def parse_byline(line: str) -> str | None:
    """The name in a byline (``By Jane Doe``, ``بقلم: سامي``, ``كتب: …``), or ``None``."""
    match = _BYLINE_RE.match(line.strip())
    if not match or word_count(line) > MAX_BYLINE_WORDS or ends_sentence(line):
        return None
    return match["name"].strip()


#: Fewest words a headline has; shorter lines before it are chrome.
MIN_HEADLINE_WORDS = 4
#: Fewest words a trailing line needs to count as a paragraph when it does not end
#: like a sentence.
MIN_TRAILING_WORDS = 8

_SENTENCE_END_RE = re.compile(r"[.!?؟。…:\"”»)]\s*$")
#: A line closed by one full stop (not an ellipsis ".."): a sentence, not a headline.
_FULL_STOP_RE = re.compile(r"(?<![.])[.۔]\s*$")


def word_count(line: str) -> int:
    """Number of white-space separated tokens that contain a letter or digit."""
    return sum(1 for token in line.split() if any(ch.isalnum() for ch in token))


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (full stop, question mark, quote…)."""
    return bool(_SENTENCE_END_RE.search(line))


def is_headline(line: str) -> bool:
    """A line that can be a headline: :data:`MIN_HEADLINE_WORDS` words or more, and not
    closed by a single full stop (headlines are not sentences)."""
    return word_count(line) >= MIN_HEADLINE_WORDS and not _FULL_STOP_RE.search(line)


def is_short_line(line: str, min_words: int) -> bool:
    """True for a line of fewer than ``min_words`` words that does not end a sentence."""
    return word_count(line) < min_words and not _SENTENCE_END_RE.search(line)
