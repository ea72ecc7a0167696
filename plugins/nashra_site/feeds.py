"""Feed fixes that Pelican 4.12's writer leaves out."""

from __future__ import annotations


def complete_feed(context: dict, feed) -> None:
    """``feed_generated`` handler: language, identity and links of every feed.

    * the edition's language: ``xml:lang`` on Atom's ``<feed>`` (RFC 4287 §2),
      ``<language>`` in RSS 2.0's ``<channel>``;
    * the feed's ``<id>`` is its own URL (RFC 4287 §4.2.6: permanent and unique; Pelican
      gives every feed of a site the same one), and its ``alternate`` link is the page it
      mirrors: a feed sits in that page's folder (``ar/atom.xml`` → ``ar/``);
    * RSS ``<guid>``s are Pelican's ``tag:`` URIs, so ``isPermaLink="false"``
      (RSS 2.0, "guid").
    """
    feed.feed["language"] = context["DEFAULT_LANG"]
    feed_url = feed.feed.get("feed_url")
    if feed_url:
        feed.feed["id"] = feed_url
        feed.feed["link"] = feed_url.rsplit("/", 1)[0] + "/"
    for item in feed.items:
        item["unique_id_is_permalink"] = False
