"""Feed fixes that Pelican 4.12's writer leaves out."""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin

#: A start tag (text between tags cannot match: there "<" is escaped as "&lt;").
_TAG_RE = re.compile(r"""<[a-zA-Z][^\s>/]*(?:[^>"']|"[^"]*"|'[^']*')*>""")
#: A URL attribute whose value is not absolute (no scheme, not a fragment).
_RELATIVE_URL_RE = re.compile(
    r"""(?P<attr>\s(?:href|src|poster|cite)\s*=\s*)(?P<quote>["'])"""
    r"""(?P<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|//)[^"']*)(?P=quote)""")


@functools.lru_cache(maxsize=4096)
def absolutize(html: str, base: str) -> str:
    """Make every relative URL in ``href``/``src``/``poster``/``cite`` attributes of
    tags absolute (text that shows HTML, as in ``<code>``, is left alone).

    Feed readers resolve relative links against the feed's URL (or ``xml:base``), not
    the entry's page, so feed content must carry absolute URLs.  Cached: an article
    appears in its edition's feeds and in the feed of every entity it mentions.
    """
    if not html:
        return html

    def tag(match: re.Match[str]) -> str:
        return _RELATIVE_URL_RE.sub(
            lambda m: f"{m['attr']}{m['quote']}{urljoin(base, m['url'])}{m['quote']}",
            match.group())

    return _TAG_RE.sub(tag, html)


def complete_feed(context: dict, feed) -> None:
    """``feed_generated`` handler: language, identity and links of every feed.

    * the edition's language: ``xml:lang`` on Atom's ``<feed>`` (RFC 4287 §2),
      ``<language>`` in RSS 2.0's ``<channel>``;
    * the feed's ``<id>`` is its own URL (RFC 4287 §4.2.6: permanent and unique; Pelican
      gives every feed of a site the same one), and its ``alternate`` link is the page it
      mirrors: a feed sits in that page's folder (``ar/atom.xml`` → ``ar/``);
    * RSS ``<guid>``s are Pelican's ``tag:`` URIs, so ``isPermaLink="false"``
      (RSS 2.0, "guid");
    * URLs inside entry content are absolute (:func:`absolutize`, against the entry's
      own link);
    * feeds written while ``context["NASHRA_SUMMARY_FEED"]`` is true (entity feeds)
      carry each story's summary, not its full text (a story shorter than its summary
      would be carries its text as the summary).
    """
    feed.feed["language"] = context["DEFAULT_LANG"]
    feed_url = feed.feed.get("feed_url")
    if feed_url:
        feed.feed["id"] = feed_url
        feed.feed["link"] = feed_url.rsplit("/", 1)[0] + "/"
    summary_only = context.get("NASHRA_SUMMARY_FEED", False)
    for item in feed.items:
        item["unique_id_is_permalink"] = False
        if summary_only:  # entity feeds: summary and link, the story is on the site
            # Pelican leaves the summary out when it is the whole story (a short one).
            item["description"] = item.get("description") or item.get("content")
            item["content"] = None
        for key in ("content", "description"):
            if item.get(key):
                item[key] = absolutize(item[key], item["link"])
