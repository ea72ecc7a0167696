"""The linker: turn mentions in an article's HTML into links to entity pages.

The HTML is the one our Markdown reader produced, so a tokeniser that splits tags from
text is enough (no parse tree, which would cost more than the rest of the build per
article).  Text is only ever wrapped, never changed: what readers see stays the same
apart from the added links.  Nothing is linked inside an existing link, a heading,
code, or a script or style element, and attributes (``alt``, ``title``…) are never
touched.  Mentions in headings, links and code still count for the article's entities;
text in attributes does not.
"""

from __future__ import annotations

import bisect
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

#: Comments, CDATA, the whole of raw-text elements (script, style: their content is
#: not HTML, and may hold "<" or "</"), and tags (quoted attribute values may hold ">").
_TOKEN_RE = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>"
    r"|<(script|style|textarea|template)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|</?[a-zA-Z](?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<[^>]*>", re.S | re.I)
_RAW_TEXT_ELEMENTS = frozenset({"script", "style", "textarea", "template"})
#: Between text nodes when they are matched together: not white space and not a letter,
#: so no alias spans two nodes ("the United" | "States envoy" is no mention).
NODE_SEPARATOR = "\u2029"
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

    The text nodes are matched in one call (joined by :data:`NODE_SEPARATOR`, which
    no alias spans), which is several times faster than one call per node.

    :param source: an HTML fragment (an article's content).
    :param matcher: the registry's matcher.
    :param href_for: entity id → URL of its page (or ``None`` to leave it unlinked).
    :param first_only: link only the first linkable mention of each entity.
    :param css_class: ``class`` of the added ``<a>`` elements.
    :returns: the new HTML and the mentions (offsets are into the joined text, so
        only ``entity`` and ``text`` are meaningful to callers).
    """
    pieces: list[str] = []  # tags and text nodes, in order
    nodes: list[tuple[int, str, bool]] = []  # (index in pieces, unescaped text, linkable)
    no_link = not_text = 0
    position = 0
    for token in _TOKEN_RE.finditer(source):
        _add_text(source[position:token.start()], pieces, nodes, no_link, not_text)
        pieces.append(token.group())
        no_link, not_text = _track(token.group(), no_link, not_text)
        position = token.end()
    _add_text(source[position:], pieces, nodes, no_link, not_text)

    joined = NODE_SEPARATOR.join(text for _, text, _ in nodes)
    result = LinkResult(html=source, mentions=matcher.find(joined))
    if not result.mentions:
        return result
    offsets, cursor = [], 0
    for _, text, _ in nodes:
        offsets.append(cursor)
        cursor += len(text) + 1
    by_node: dict[int, list] = {}
    linked: set[str] = set()
    for mention in result.mentions:
        k = bisect.bisect_right(offsets, mention.start) - 1
        index, text, linkable = nodes[k]
        if not linkable or mention.end > offsets[k] + len(text):
            continue
        if first_only and mention.entity in linked:
            continue
        href = href_for(mention.entity)
        if not href:
            continue
        linked.add(mention.entity)
        result.linked.append(mention.entity)
        by_node.setdefault(k, []).append((mention.start - offsets[k],
                                          mention.end - offsets[k], mention.entity, href))
    for k, spans in by_node.items():
        index, text, _ = nodes[k]
        # text that came without entities needs no escaping (it has no & or <)
        escape = (lambda t: html.escape(t, quote=False)) if (
            pieces[index] is not text or ">" in text) else str
        out, cursor = [], 0
        for start, end, entity, href in spans:
            out.append(escape(text[cursor:start]))
            out.append(f'<a class="{css_class}" href="{html.escape(href)}" '
                       f'data-entity="{html.escape(entity)}">{escape(text[start:end])}</a>')
            cursor = end
        out.append(escape(text[cursor:]))
        pieces[index] = "".join(out)
    result.html = "".join(pieces)
    return result


def _track(tag: str, no_link: int, not_text: int) -> tuple[int, int]:
    """Depths of no-link and not-text elements after ``tag``."""
    match = _TAG_NAME_RE.match(tag)
    if not match or tag.endswith("/>") or (
            match[1] != "/" and match[2].lower() in _RAW_TEXT_ELEMENTS
            and re.search(rf"</\s*{match[2]}\s*>$", tag, re.I)):
        return no_link, not_text  # a void tag, or a whole script/style element
    step = -1 if match[1] == "/" else 1
    name = match[2].lower()
    if name in NO_LINK_ELEMENTS:
        no_link = max(0, no_link + step)
    if name in NOT_TEXT_ELEMENTS:
        not_text = max(0, not_text + step)
    return no_link, not_text


def _add_text(raw: str, pieces: list[str], nodes: list, no_link: int, not_text: int) -> None:
    if not raw:
        return
    pieces.append(raw)
    if not_text or not raw.strip():
        return
    text = html.unescape(raw) if "&" in raw else raw
    nodes.append((len(pieces) - 1, text, not no_link))
