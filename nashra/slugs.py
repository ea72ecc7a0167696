"""Slugs that keep Arabic words readable.

Pelican's own ``pelican.utils.slugify`` makes every slug on the site (articles, tags,
categories), so posts use it too, with the substitutions below.  With
``SLUGIFY_USE_UNICODE = True`` it keeps Arabic letters (as major Arabic outlets do in
their URLs) instead of a lossy ASCII transliteration; its default substitutions drop
harakat (they are not ``\\w``) but keep tatweel, which the first rule here removes.
"""

from __future__ import annotations

import hashlib

from pelican.utils import slugify as pelican_slugify

from nashra.arabic import TATWEEL

#: Regex substitutions for ``SLUG_REGEX_SUBSTITUTIONS`` (pelicanconf imports this list).
#: Pelican's defaults, preceded by the removal of tatweel and bidi/zero-width marks.
SLUG_REGEX_SUBSTITUTIONS: list[tuple[str, str]] = [
    (TATWEEL, ""),
    ("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", ""),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

#: Longest slug we write, in characters; cut at a word boundary.
MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return the URL slug for a title, Arabic letters kept, never empty.

    :param text: a title in any script (``str``).
    :param max_length: maximum length in characters; the slug is cut at the last
        hyphen before it, or hard-cut when there is none.
    :returns: lower-case words joined by ``-``.  A title with no letters or digits
        (only punctuation or emoji) gets ``post-`` and 8 hex digits of its SHA-256.
    """
    slug = pelican_slugify(
        text, regex_subs=SLUG_REGEX_SUBSTITUTIONS, preserve_case=False, use_unicode=True
    ).strip("-_")
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[: cut if cut > 0 else max_length]
    if not slug:
        slug = "post-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return slug
