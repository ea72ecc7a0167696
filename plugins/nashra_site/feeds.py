"""Feed fixes that Pelican 4.12's writer leaves out."""

from __future__ import annotations


def declare_language(context: dict, feed) -> None:
    """``feed_generated`` handler: declare the edition's language in the feed.

    feedgenerator writes it as ``xml:lang`` on Atom's ``<feed>`` (RFC 4287 §2) and as
    ``<language>`` in RSS 2.0's ``<channel>``.
    """
    feed.feed["language"] = context["DEFAULT_LANG"]
