"""The linker: turn mentions in an article's HTML into links to entity pages.

The HTML is the one our Markdown reader produced, so a tokeniser that splits tags from
text is enough (no parse tree, which would cost more than the rest of the build per
article).  Text is only ever wrapped, never changed: what readers see stays the same
apart from the added links.  Nothing is linked inside an existing link, a heading,
code, or a script or style element, and attributes (``alt``, ``title``…) are never
touched; mentions there still count for the article's entities.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from nashra.mentions import Matcher, Mention

#: Elements whose text is never linked.
NO_LINK_ELEMENTS = frozenset({
    "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script",
    "style", "textarea", "button", "select", "option", "svg", "math", "title", "template",
})
#: Elements whose text is not prose at all: not searched for mentions either.
NOT_TEXT_ELEMENTS = frozenset({"script", "style", "template", "svg", "math"})

_TOKEN_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
_TAG_NAME_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass
class LinkResult:
    """What :func:`link_mentions` did.

    :ivar html: the HTML with links added.
    :ivar mentions: every mention found, in document order (linked or not).
    :ivar linked: ids of the entities that got a link.
    """

    html: str
    mentions: list[Mention] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)


def link_mentions(
    source: str,
    matcher: Matcher,
    href_for: Callable[[str], str | None],
    *,
    first_only: bool = True,
    css_class: str = "mention",
) -> LinkResult:
    """Find mentions in the text of ``source`` and link them.

    :param source: an HTML fragment (an article's content).
    :param matcher: the registry's matcher.
    :param href_for: entity id → URL of its page (or ``None`` to leave it unlinked).
    :param first_only: link only the first linkable mention of each entity.
    :param css_class: ``class`` of the added ``<a>`` elements.
    :returns: the new HTML and the mentions (offsets are into the unescaped text of
        each text node, so only ``entity`` and ``text`` are meaningful to callers).
    """
    result = LinkResult(html="")
    linked: set[str] = set()
    depth = {"no_link": 0, "not_text": 0}
    out: list[str] = []
    position = 0
    for token in _TOKEN_RE.finditer(source):
        out.append(_text(source[position:token.start()], matcher, href_for, first_only,
                         css_class, depth, linked, result))
        out.append(token.group())
        _track(token.group(), depth)
        position = token.end()
    out.append(_text(source[position:], matcher, href_for, first_only, css_class, depth,
                     linked, result))
    result.html = "".join(out)
    return result


def _track(tag: str, depth: dict[str, int]) -> None:
    match = _TAG_NAME_RE.match(tag)
    if not match or tag.endswith("/>"):
        return
    closing, name = match[1] == "/", match[2].lower()
    step = -1 if closing else 1
    if name in NO_LINK_ELEMENTS:
        depth["no_link"] = max(0, depth["no_link"] + step)
    if name in NOT_TEXT_ELEMENTS:
        depth["not_text"] = max(0, depth["not_text"] + step)


def _text(raw, matcher, href_for, first_only, css_class, depth, linked, result) -> str:
    if not raw.strip() or depth["not_text"]:
        return raw
    text = html.unescape(raw) if "&" in raw else raw
    mentions = matcher.find(text)
    if not mentions:
        return raw
    result.mentions.extend(mentions)
    if depth["no_link"]:
        return raw
    pieces, cursor, changed = [], 0, False
    for mention in mentions:
        if first_only and mention.entity in linked:
            continue
        href = href_for(mention.entity)
        if not href:
            continue
        linked.add(mention.entity)
        result.linked.append(mention.entity)
        pieces.append(html.escape(text[cursor:mention.start], quote=False))
        pieces.append(f'<a class="{css_class}" href="{html.escape(href)}" '
                      f'data-entity="{html.escape(mention.entity)}">'
                      f"{html.escape(mention.text, quote=False)}</a>")
        cursor, changed = mention.end, True
    if not changed:
        return raw
    pieces.append(html.escape(text[cursor:], quote=False))
    return "".join(pieces)
