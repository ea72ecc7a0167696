"""The Post model: one news story in one language, as the importer produces it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

#: Languages Nashra publishes, as BCP 47 primary language subtags.
LANGUAGES: tuple[str, ...] = ("ar", "en")


#: Line breaks (including U+2028/2029) and C0/C1 control characters.
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class InvalidPost(ValueError):
    """A Post whose fields break a rule of :meth:`Post.validate`."""


@dataclass
class Post:
    """One story, ready to be written as a Pelican Markdown article.

    :ivar title: headline, plain text (not HTML, not Markdown).
    :ivar date: publication date (``datetime.date``, or ``datetime.datetime`` with zone).
    :ivar lang: one of :data:`LANGUAGES`.
    :ivar slug: URL slug (see :func:`nashra.slugs.slugify`).
    :ivar paragraphs: body paragraphs, plain text, in reading order.
    :ivar blocks: the body as sanitised HTML blocks (from HTML pages), or ``[]`` when
        the body is ``paragraphs``.
    :ivar modified: date of the source's last update, or ``None``.
    :ivar outlet: the outlet that published the source (journalism's "source").
    :ivar dateline: place the story was filed from, or ``""``.
    :ivar byline: the author as the source credits them, or ``""``.
    :ivar source_url: canonical URL of the source page, or ``""``.
    :ivar tags: tag names in the post's language.
    :ivar translation_key: shared by a story and its translations.
    :ivar actors: registry ids of the actors the story is about.
    :ivar events: registry ids of the events the story is about.
    :ivar seed: file name of the source in ``seeds/``, or ``""``.
    :ivar seed_sha256: hex SHA-256 of the source's bytes, for idempotent re-import.
    :ivar body_sha256: fingerprint of the body text (the same story saved twice).
    """

    title: str
    date: dt.date
    lang: str
    slug: str
    paragraphs: list[str]
    blocks: list[str] = field(default_factory=list)
    modified: dt.date | None = None
    outlet: str = ""
    dateline: str = ""
    byline: str = ""
    source_url: str = ""
    tags: list[str] = field(default_factory=list)
    translation_key: str = ""
    actors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    seed: str = ""
    seed_sha256: str = ""
    body_sha256: str = ""

    def validate(self) -> None:
        """Check the fields.

        :raises InvalidPost: empty title or body, unknown language, empty slug, a
            line break or control character in a one-line field, a tag or id that is
            empty or contains a comma, a source URL that is not http(s).
        """
        if not self.title.strip():
            raise InvalidPost("no title")
        if self.lang not in LANGUAGES:
            raise InvalidPost(f"language {self.lang!r} is not one of {', '.join(LANGUAGES)}")
        if not self.slug:
            raise InvalidPost("empty slug")
        if not any(p.strip() for p in self.paragraphs):
            raise InvalidPost("no body text")
        for name in ("title", "outlet", "dateline", "byline", "source_url",
                     "translation_key", "slug"):
            if _CONTROL_RE.search(getattr(self, name)):
                raise InvalidPost(f"{name} contains a line break or control character")
        if self.source_url and not re.match(r"https?://[^\s/]+", self.source_url):
            raise InvalidPost(f"source URL {self.source_url!r} is not an http(s) URL")
        for name in ("tags", "actors", "events"):
            for item in getattr(self, name):
                if "," in item or "،" in item or not item.strip() or _CONTROL_RE.search(item):
                    raise InvalidPost(f"{name}: {item!r} is empty or contains a comma, a "
                                      "line break or a control character")

    @property
    def relative_path(self) -> str:
        """Path of the post below ``content/``: ``{lang}/{yyyy}/{slug}.md``."""
        return f"{self.lang}/{self.date:%Y}/{self.slug}.md"
