"""The Markdown writer: a :class:`~nashra.post.Post` becomes a Pelican Markdown article.

The file starts with Pelican's ``Key: value`` metadata block (the Python-Markdown
``meta`` extension format), then a blank line, then one paragraph per block.  Body text
is escaped so that it renders as the same text: no Markdown syntax and no raw HTML in a
source can reach a page.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

import markdown

from nashra.post import Post
from nashra.sanitize import sanitise_html

#: Metadata keys in the order they are written.  Pelican lower-cases keys.
METADATA_ORDER: tuple[str, ...] = (
    "Title", "Date", "Lang", "Slug", "Translation_key", "Tags", "Actors", "Events",
    "Modified", "Source", "Dateline", "Byline", "Source_url", "Seed", "Seed_sha256",
    "Body_sha256",
)

_INLINE_SPECIALS_RE = re.compile(r"([\\`*_\[\]{}])")
_ENTITY_RE = re.compile(r"&(?=#?\w+;)")
_BLOCK_START_RE = re.compile(r"^(#|\+|-|\d+\.)")


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match[1]
    return f"{marker[:-1]}\\." if marker.endswith(".") else f"\\{marker}"


def escape_markdown(text: str) -> str:
    """Escape one line of plain text so Python-Markdown renders it unchanged.

    Backslash-escapes the inline syntax characters (``\\ ` * _ [ ] { }``), turns
    ``<`` and ``>`` into entities (so no raw HTML, autolink or blockquote passes),
    escapes ``&`` where it would start an entity, and escapes a block marker at the
    start (``#`` heading, ``+``/``-`` list item, ``1.`` ordered list item).  Other
    text, Arabic included, is left as it is.
    """
    text = _ENTITY_RE.sub("&amp;", text)
    text = _INLINE_SPECIALS_RE.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _BLOCK_START_RE.sub(_escape_block_start, text)


def render_post(post: Post) -> str:
    """Return the Markdown text of ``post`` (metadata block, blank line, body).

    :raises nashra.post.InvalidPost: the post does not pass :meth:`Post.validate`.
    """
    post.validate()
    values = {
        "Title": post.title,
        "Date": post.date.isoformat(),
        "Lang": post.lang,
        "Slug": post.slug,
        "Translation_key": post.translation_key,
        "Tags": ", ".join(post.tags),
        "Actors": ", ".join(post.actors),
        "Events": ", ".join(post.events),
        "Source": post.outlet,
        "Modified": post.modified.isoformat() if post.modified else "",
        "Dateline": post.dateline,
        "Byline": post.byline,
        "Source_url": post.source_url,
        "Seed": post.seed,
        "Seed_sha256": post.seed_sha256,
        "Body_sha256": post.body_sha256,
    }
    header = "".join(f"{key}: {values[key]}\n" for key in METADATA_ORDER if values[key])
    return f"{header}\n{render_body(post)}\n"


def render_body(post: Post) -> str:
    """The post's body: its sanitised HTML blocks (sanitised again here, the last step
    before disk), or its plain-text paragraphs escaped (:func:`escape_markdown`)."""
    if post.blocks:
        return "\n\n".join(sanitise_html(block).strip() for block in post.blocks)
    return "\n\n".join(escape_markdown(p.strip()) for p in post.paragraphs if p.strip())


#: Header keys a refresh takes from the new import; every other key keeps the
#: editor's value.  List keys are merged (the editor's items first).
REFRESHED_KEYS = ("Seed_sha256", "Body_sha256", "Modified")
MERGED_KEYS = ("Tags", "Actors", "Events")


def parse_header(text: str) -> list[tuple[str, str]]:
    """The metadata block at the start of a post's text as ``[(key, value)]``, keys as
    written, up to the first blank line (Python-Markdown's ``meta`` format; indented
    lines continue the value before them)."""
    header: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep and not line[:1].isspace() and key.strip():
            header.append((key.strip(), value.strip()))
        elif header:  # a continuation line
            header[-1] = (header[-1][0], f"{header[-1][1]} {line.strip()}")
        else:
            break  # not a metadata block
    return header


def read_header(path: str | Path) -> list[tuple[str, str]]:
    """:func:`parse_header` of a post file, reading only up to the first blank line.

    :raises OSError: the file cannot be read.
    """
    lines = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                break
            lines.append(line.rstrip("\n"))
    return parse_header("\n".join(lines))


def refresh_post(existing_text: str, post: Post) -> str:
    """A post's new text after re-importing its source: the new body under the old
    header, with :data:`REFRESHED_KEYS` updated and :data:`MERGED_KEYS` merged.

    Everything else the editor wrote or changed in the header is kept as it is.
    """
    lines = [[key, value] for key, value in parse_header(existing_text)]
    fresh = {"Seed_sha256": post.seed_sha256, "Body_sha256": post.body_sha256,
             "Modified": post.modified.isoformat() if post.modified else "",
             "Tags": post.tags, "Actors": post.actors, "Events": post.events}
    canonical = {key.lower(): key for key in fresh}  # keys as editors may case them
    seen = set()
    for item in lines:
        key = canonical.get(item[0].lower())
        if key in REFRESHED_KEYS and fresh[key]:
            item[1] = fresh[key]
        elif key in MERGED_KEYS:
            old = [v.strip() for v in re.split("[,،]", item[1]) if v.strip()]
            item[1] = ", ".join(dict.fromkeys(old + list(fresh[key])))
        seen.add(key)
    for key in REFRESHED_KEYS + MERGED_KEYS:
        value = fresh[key]
        if key not in seen and value:
            lines.append([key, value if isinstance(value, str) else ", ".join(value)])
    header = "\n".join(f"{k}: {v}" for k, v in lines)
    return f"{header}\n\n{render_body(post)}\n"


def read_metadata(path: str | Path) -> dict[str, str]:
    """Read the metadata block of a Markdown post, keys lower-cased as Pelican does.

    :returns: key → value (several lines of one key joined by a newline).
    :raises OSError: the file cannot be read.
    """
    md = markdown.Markdown(extensions=["meta"])
    md.convert(Path(path).read_text(encoding="utf-8"))
    return {key: "\n".join(values) for key, values in md.Meta.items()}


def write_post_file(text: str, target: Path, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``target`` atomically: readers never see half a file.

    The text goes to a temporary file in the target's folder first, then is linked
    (no overwrite) or renamed (overwrite) into place.

    :param overwrite: replace an existing file; without it an existing file is kept.
    :raises FileExistsError: ``target`` exists and ``overwrite`` is false.
    :raises OSError: the folder cannot be created or written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        if overwrite:
            os.replace(tmp_name, target)
        else:
            os.link(tmp_name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
