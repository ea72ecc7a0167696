"""The allow-list sanitiser for HTML that comes from scraped pages (nh3, i.e. ammonia).

Scraped HTML is hostile: only the elements and attributes below survive, URLs only
with the schemes below; everything else (``script``, ``style``, ``iframe``, event
handlers such as ``onerror``, ``javascript:`` and ``data:`` URLs, ``style`` attributes)
is removed.  The text inside removed elements is kept unless the element is one whose
content is never text (``script``, ``style``…), which nh3 drops whole.
"""

from __future__ import annotations

import nh3

#: Elements a post body may keep.
ALLOWED_TAGS: frozenset[str] = frozenset({
    "p", "br", "a", "img", "figure", "figcaption", "blockquote", "q", "cite", "em",
    "strong", "b", "i", "ul", "ol", "li", "h2", "h3", "h4", "table", "thead", "tbody", "tr",
    "th", "td", "sub", "sup", "abbr", "bdi", "span",
})
#: Attributes per element.
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "*": {"lang", "dir"},
}
#: URL schemes links and images may use.
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})


def sanitise_html(html: str) -> str:
    """Clean an HTML fragment with the allow-lists above.

    Links get ``rel="noopener noreferrer nofollow"`` (nh3's ``link_rel``).
    """
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
