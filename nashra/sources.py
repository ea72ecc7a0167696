"""Source readers: turn the text of a source article into its parts.

For now one reader: text copied from a web page (``.txt``), one paragraph a line, with
the page's chrome mixed in.  See :mod:`nashra.chrome` for the chrome rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from nashra.chrome import (
    MIN_HEADLINE_WORDS,
    MIN_TRAILING_WORDS,
    ends_sentence,
    is_chrome_phrase,
    is_headline,
    is_inline_chrome,
    is_notice,
    is_short_line,
    opens_link_block,
    parse_byline,
    word_count,
)
from nashra.dates import parse_date
from nashra.errors import SourceError

#: Most words an "outlet – dateline" line has.
MAX_CREDIT_WORDS = 8
#: Most words a date line ("نشر في 28 ديسمبر 2021", "Published Tue 28 Dec 2021") has.
MAX_DATE_LINE_WORDS = 10
#: A list of tags shown under a story ("Tags: …", "الوسوم: …").
_TAG_LIST_RE = re.compile(r"^\s*(tags|topics|keywords|الوسوم|وسوم|كلمات مفتاحية|الكلمات المفتاحية|"
                          r"مواضيع)\s*[:：]", re.I)

#: "Outlet – Dateline": the two parts around one spaced dash or bar.
_CREDIT_RE = re.compile(r"^(?P<outlet>[^–—|]+?)\s+[-–—|]\s+(?P<dateline>[^–—|]+)$")


@dataclass
class Extracted:
    """What a source reader found in a source article.

    :ivar title: the headline.
    :ivar paragraphs: body paragraphs in reading order, text as in the source.
    :ivar outlet: the outlet named in the credit line, or ``""``.
    :ivar dateline: the dateline named in the credit line, or ``""``.
    :ivar byline: the author named in a byline (``By …``, ``بقلم …``), or ``""``.
    :ivar dropped: the lines recognised as chrome (for reports and tests).
    :ivar blocks: sanitised HTML blocks of the body (HTML pages), or ``[]`` when the
        body is the plain-text ``paragraphs``.
    :ivar date: the publication date found in the source, or ``None``.
    :ivar modified: the date of the last update found in the source, or ``None``.
    :ivar lang: the language the source declares (``"ar"``, ``"en"``…), or ``""``.
    :ivar source_url: the source's canonical URL, or ``""``.
    """

    title: str
    paragraphs: list[str]
    outlet: str = ""
    dateline: str = ""
    byline: str = ""
    dropped: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    date: dt.date | None = None
    modified: dt.date | None = None
    lang: str = ""
    source_url: str = ""


def parse_credit_line(line: str) -> tuple[str, str] | None:
    """Split an ``outlet – dateline`` line (``"مرصد مينا – روسيا"``).

    :returns: ``(outlet, dateline)``, or ``None`` when the line is not one: too long,
        ending like a sentence, or without exactly one spaced dash (-, –, —) or bar.
    """
    if word_count(line) > MAX_CREDIT_WORDS or not is_short_line(line, MAX_CREDIT_WORDS + 1):
        return None
    match = _CREDIT_RE.match(line.strip())
    if not match:
        return None
    return match["outlet"].strip(), match["dateline"].strip()


def read_copied_text(text: str, path: str | Path) -> Extracted:
    """Read text copied from a news page: headline, credit line, body; drop chrome.

    Rules, in order: known chrome phrases, cookie and copyright notices, and the
    headlines listed under a "related stories" heading are dropped; lines before the
    first line that can be a headline (:func:`~nashra.chrome.is_headline`) are
    dropped; that line is the title; a short ``outlet – dateline`` line, a byline and a
    date line right after it become metadata; tag lists are dropped; short trailing
    lines that do not end a sentence are dropped; every other line is a paragraph.

    :param text: decoded text (see :func:`nashra.encoding.decode_source`).
    :param path: the source's path, for error messages.
    :raises SourceError: no headline, or no body paragraph after it, naming the line.
    """
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), 1)]
    lines = [(number, line) for number, line in lines if line]
    dropped: list[str] = []
    kept: list[tuple[int, str]] = []
    in_link_block = seen_headline = False
    for number, line in lines:
        if in_link_block and not ends_sentence(line) and word_count(line) < 20:
            dropped.append(line)  # another story's headline under "Related stories"
            continue
        # before the headline, a "latest news" label is a ticker, not a list of links
        in_link_block = seen_headline and opens_link_block(line)
        if in_link_block or is_chrome_phrase(line) or is_notice(line) or (
                seen_headline and is_inline_chrome(line)):
            dropped.append(line)
        else:
            kept.append((number, line))
            seen_headline = seen_headline or is_headline(line)

    while kept and not is_headline(kept[0][1]):
        dropped.append(kept.pop(0)[1])
    if not kept:
        raise SourceError(path, "no headline found (a line of "
                                f"{MIN_HEADLINE_WORDS} words or more, not ending in a "
                                "full stop)")
    title_line, title = kept.pop(0)

    outlet = dateline = byline = ""
    date = None
    for _ in range(3):  # credit line, byline and date line, in any order, after the headline
        if not kept:
            break
        line = kept[0][1]
        if not outlet and (credit := parse_credit_line(line)):
            outlet, dateline = credit
        elif not byline and (name := parse_byline(line)):
            byline = name
        elif (date is None and word_count(line) <= MAX_DATE_LINE_WORDS
              and (date := parse_date(line))):
            pass
        else:
            break
        dropped.append(kept.pop(0)[1])
    tag_lists = [line for _, line in kept
                 if _TAG_LIST_RE.match(line) and not ends_sentence(line)]
    kept = [(number, line) for number, line in kept if line not in tag_lists]
    dropped.extend(tag_lists)

    while kept and is_short_line(kept[-1][1], MIN_TRAILING_WORDS):
        dropped.append(kept.pop()[1])
    if not kept:
        raise SourceError(path, "no body text after the headline", line=title_line)

    return Extracted(
        title=title,
        paragraphs=[line for _, line in kept],
        outlet=outlet,
        dateline=dateline,
        byline=byline,
        dropped=dropped,
        date=date,
    )
