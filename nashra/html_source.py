"""The HTML page reader: a saved news page becomes a headline, metadata and a clean body.

The body comes from trafilatura (links and images kept, comments left out); our own
chrome rules then drop what it keeps too often (inline "read also" lines, comment
prompts, bylines and date lines, which become metadata), and every block goes through
the allow-list sanitiser (:mod:`nashra.sanitize`).

Metadata, first found wins:

* JSON-LD ``NewsArticle`` (also inside ``@graph`` or a list): headline,
  ``datePublished`` with its time and zone, ``dateModified``, author, publisher,
  ``inLanguage``, ``url``;
* Open Graph and ``article:`` meta tags, ``<link rel="canonical">``, ``<html lang>``;
* ``<time datetime>`` in the page;
* a visible date line or byline, read by :func:`nashra.dates.parse_date`;
* last, trafilatura's own metadata (htmldate's guess for the date, distrusted when it
  is a bare 1 January); the outlet falls back to the canonical URL's host name.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup

from nashra.chrome import (
    is_chrome_phrase,
    is_inline_chrome,
    is_notice,
    parse_byline,
    word_count,
)
from nashra.dates import parse_date
from nashra.errors import SourceError
from nashra.sanitize import sanitise_html
from nashra.sources import Extracted

#: JSON-LD types that describe a news story.
ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle",
                           "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle"})
#: Most words a date line has.
MAX_DATE_LINE_WORDS = 10
_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table",
               "figure", "pre")


def _types(node: dict) -> set[str]:
    kind = node.get("@type", [])
    return set(kind if isinstance(kind, list) else [kind])


def _walk(data):
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"])


def find_news_article(soup: BeautifulSoup) -> dict:
    """The first JSON-LD node of a news type in the page (``{}`` when there is none).

    Looks inside ``@graph`` and lists; ignores scripts that are not valid JSON.
    """
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for node in _walk(data):
            if _types(node) & ARTICLE_TYPES:
                return node
    return {}


def _name(value) -> str:
    """A JSON-LD person or organisation (object, string, or a list of them) as text."""
    if isinstance(value, list):
        return ", ".join(filter(None, (_name(v) for v in value)))
    if isinstance(value, dict):
        return str(value.get("name", "")).strip()
    return str(value or "").strip()


def _datetime(value) -> dt.date | None:
    """An ISO 8601 date or date-time (with its zone), or a date a person wrote."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(text)
    return parsed.date() if len(text) <= len("2021-12-28") else parsed


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    values: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        if key and tag.get("content") and key.lower() not in values:
            values[key.lower()] = tag["content"].strip()
    return values


def _lang(code: str) -> str:
    return re.split(r"[-_]", code.strip().lower())[0] if code else ""


def read_html_page(text: str, path: str | Path) -> Extracted:
    """Read a saved news page (see the module's rules for what comes from where).

    :param text: the page's decoded HTML.
    :param path: the page's file, for error messages.
    :returns: an :class:`~nashra.sources.Extracted` with ``blocks`` (sanitised HTML,
        one a paragraph, heading, list, quote, table or figure), ``paragraphs`` (their
        text), and the metadata found.
    :raises SourceError: the page has no headline or no body text.
    """
    soup = BeautifulSoup(text, "lxml")
    article = find_news_article(soup)
    meta = _meta(soup)
    canonical_tag = soup.find("link", rel="canonical")
    source_url = next((u for u in (
        _name(article.get("url")) if isinstance(article.get("url"), str) else "",
        canonical_tag.get("href", "") if canonical_tag else "",
        meta.get("og:url", "")) if u.startswith(("http://", "https://"))), "")

    body_html = trafilatura.extract(
        text, url=source_url or None, output_format="html", include_links=True,
        include_images=True, include_comments=False, include_tables=True,
        favor_precision=True) or ""
    trafilatura_meta = trafilatura.extract_metadata(text)

    title = next((t for t in (
        _name(article.get("headline")), meta.get("og:title", ""),
        getattr(trafilatura_meta, "title", "") or "",
        soup.h1.get_text(" ", strip=True) if soup.h1 else "",
        soup.title.get_text(" ", strip=True) if soup.title else "") if t), "")
    title = " ".join(title.split())
    if not title:
        raise SourceError(path, "no headline found (no JSON-LD headline, og:title, "
                                "<h1> or <title>)")

    date = (_datetime(article.get("datePublished"))
            or _datetime(meta.get("article:published_time"))
            or _datetime(meta.get("datepublished")))
    if date is None:
        time_tag = soup.find("time", datetime=True)
        date = _datetime(time_tag["datetime"]) if time_tag else None
    byline = (_name(article.get("author")) or meta.get("author", "")
              or meta.get("article:author", ""))
    if byline.startswith(("http://", "https://")):
        byline = ""

    blocks, paragraphs, dropped = [], [], []
    body = BeautifulSoup(body_html, "lxml").body
    for element in body.find_all(_BLOCK_TAGS, recursive=False) if body else []:
        line = " ".join(element.get_text(" ", strip=True).split())
        if not line and not element.find("img"):
            continue
        if element.name in ("h1", "h2") and line == title:
            continue
        if is_chrome_phrase(line) or is_notice(line) or is_inline_chrome(line):
            dropped.append(line)
            continue
        if (name := parse_byline(line)) is not None:
            byline = byline or name
            dropped.append(line)
            continue
        if word_count(line) <= MAX_DATE_LINE_WORDS and (found := parse_date(line)):
            date = date or found
            dropped.append(line)
            continue
        cleaned = sanitise_html(str(element))
        if cleaned.strip():
            blocks.append(cleaned)
            paragraphs.append(line)
    if not blocks:
        raise SourceError(path, "no body text found in the page")

    if date is None and trafilatura_meta is not None and trafilatura_meta.date:
        guess = _datetime(trafilatura_meta.date)
        if guess and (guess.month, guess.day) != (1, 1):  # htmldate's fallback
            date = guess
    outlet = (_name(article.get("publisher")) or meta.get("og:site_name", "")
              or (getattr(trafilatura_meta, "sitename", "") or "")
              or urlsplit(source_url).hostname or "").removeprefix("www.")
    html_tag = soup.find("html")
    lang = _lang(_name(article.get("inLanguage")) or (html_tag.get("lang", "") if html_tag
                                                      else "") or meta.get("og:locale", ""))
    return Extracted(
        title=title, paragraphs=paragraphs, outlet=outlet, byline=parse_byline(byline) or
        byline, dropped=dropped, blocks=blocks, date=date,
        modified=_datetime(article.get("dateModified"))
        or _datetime(meta.get("article:modified_time")),
        lang=lang, source_url=source_url)
