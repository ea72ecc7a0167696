"""The importer: source articles in ``seeds/`` become Markdown posts in ``content/``.

A source is read (:mod:`nashra.encoding`), split into its parts
(:mod:`nashra.sources`), completed with what the editor recorded in the folder's
``manifest.toml`` and on the command line, and written (:mod:`nashra.markdown_writer`).

Contract (``../shared/design.md``): an existing post is never overwritten by another
story; re-importing a source (same canonical URL, bytes or text) writes nothing, or
with ``force`` refreshes its body and keeps the editor's metadata; bad input raises
:class:`~nashra.errors.SourceError` naming the file and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nashra.arabic import arabic_letter_ratio
from nashra.encoding import read_source
from nashra.errors import SourceError
from nashra.html_source import read_html_page
from nashra.markdown_writer import read_header, refresh_post, render_post, write_post_file
from nashra.mentions import Matcher
from nashra.names import unresolved_names
from nashra.post import LANGUAGES, InvalidPost, Post
from nashra.registry import FUNCTION_WORDS, Registry, load_registry
from nashra.slugs import slugify
from nashra.sources import read_copied_text

logger = logging.getLogger(__name__)

#: File, in a folder of sources, holding what editors know that the texts do not say.
MANIFEST_NAME = "manifest.toml"

#: Keys a manifest entry may have, with the type of their value.
MANIFEST_FIELDS: dict[str, type | tuple[type, ...]] = {
    "date": (dt.date, dt.datetime),
    "lang": str,
    "outlet": str,
    "dateline": str,
    "tags": list,
    "source_url": str,
    "translation_key": str,
    "actors": list,
    "events": list,
}

#: Folder of the registry, relative to the content folder.
REGISTRY_DIR = "registry"

#: Source file suffixes, and the reader of each: text copied from a page, saved pages.
READERS = {".txt": read_copied_text, ".text": read_copied_text,
           ".html": read_html_page, ".htm": read_html_page}
TEXT_SUFFIXES = frozenset(READERS)

#: Share of Arabic letters above which a text is Arabic, below which (1 - it) English.
LANGUAGE_THRESHOLD = 0.6


@dataclass(frozen=True)
class ImportOptions:
    """What the editor said on the command line; each overrides the manifest.

    :ivar lang: language code, or ``None`` to take the manifest's or detect it.
    :ivar date: publication date, or ``None`` to take the manifest's.
    :ivar source_url: canonical URL of the source, or ``None``.
    :ivar force: refresh the body of a post imported before from the same source.
    """

    lang: str | None = None
    date: dt.date | None = None
    source_url: str | None = None
    force: bool = False


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one source.

    :ivar source: the source file.
    :ivar post_path: the post's path (written, or already there).
    :ivar status: ``"written"``, ``"refreshed"`` (``--force`` on a source imported
        before) or ``"unchanged"`` (imported before; nothing written).
    :ivar unresolved: names found in the text that the registry does not know.
    """

    source: Path
    post_path: Path
    status: str
    unresolved: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    """The registry and its matcher, loaded once per import run."""

    registry: Registry
    matcher: Matcher

    @classmethod
    def load(cls, content_dir: Path) -> Gazetteer:
        """Load ``content_dir/registry``.

        :raises nashra.registry.RegistryError: the registry is invalid.
        """
        registry = load_registry(content_dir / REGISTRY_DIR)
        return cls(registry, Matcher.from_registry(registry))

    def entities(self, paragraphs: list[str], lang: str) -> tuple[list[str], list[str],
                                                                  list[str]]:
        """``(actor ids, event ids, unresolved names)`` found in the paragraphs, in order."""
        ids: list[str] = []
        unresolved: list[str] = []
        for paragraph in paragraphs:
            mentions = self.matcher.find(paragraph)
            ids.extend(m.entity for m in mentions)
            unresolved.extend(unresolved_names(paragraph, lang, mentions))
        ids = list(dict.fromkeys(ids))
        return ([i for i in ids if i in self.registry.actors],
                [i for i in ids if i in self.registry.events],
                list(dict.fromkeys(unresolved)))


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Read and check a ``manifest.toml``: one table per source file name.

    :returns: file name → entry; ``{}`` when the file does not exist.
    :raises SourceError: invalid TOML, an unknown key, or a value of the wrong type,
        naming the manifest and the entry.
    """
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(path, f"invalid manifest: {exc}") from None
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise SourceError(path, f"entry {name!r} is not a table")
        for key, value in entry.items():
            expected = MANIFEST_FIELDS.get(key)
            if expected is None:
                raise SourceError(path, f"entry {name!r}: unknown key {key!r} "
                                        f"(known: {', '.join(MANIFEST_FIELDS)})")
            if not isinstance(value, expected):
                raise SourceError(path, f"entry {name!r}: {key} has the wrong type")
    return data


#: Share of words that must be English function words for Latin-script text to be
#: English (running English prose has 35–50 %; French, Spanish or German under 10 %).
ENGLISH_FUNCTION_WORD_SHARE = 0.15


def detect_language(text: str) -> str | None:
    """Tell Arabic from English: the share of Arabic letters, then, for Latin script,
    the share of English function words (:data:`nashra.registry.FUNCTION_WORDS`).

    :returns: ``"ar"``, ``"en"``, or ``None`` when the text is mixed, in another
        language, or has no letters.
    """
    if not any(ch.isalpha() for ch in text):
        return None
    ratio = arabic_letter_ratio(text)
    if ratio >= LANGUAGE_THRESHOLD:
        return "ar"
    if ratio <= 1 - LANGUAGE_THRESHOLD:
        words = re.findall(r"[a-z']+", text.lower())
        english = sum(1 for w in words if w in FUNCTION_WORDS["en"])
        if words and english / len(words) >= ENGLISH_FUNCTION_WORD_SHARE:
            return "en"
    return None


def build_post(source: Path, options: ImportOptions, entry: dict[str, Any],
               gazetteer: Gazetteer) -> tuple[Post, list[str]]:
    """Read a source file and make its :class:`Post` (nothing is written).

    :param entry: the source's manifest entry (``{}`` when it has none).
    :param gazetteer: finds the post's actors and events, merged after those the
        manifest entry lists.
    :returns: the post and the names found that the registry does not know.
    :raises SourceError: the file cannot be read or parsed, its language is unknown
        or not one Nashra publishes, it has no date, the manifest lists an id the
        registry lacks, or the post is invalid.
    """
    reader = READERS.get(source.suffix.lower())
    if reader is None:
        raise SourceError(source, f"unsupported source type {source.suffix or '(none)'!r}; "
                                  f"expected one of {', '.join(sorted(READERS))}")
    data, text = read_source(source)
    extracted = reader(text, source)

    body_text = " ".join(extracted.paragraphs)
    detected = detect_language(body_text)
    # The text says more than a page's declaration: Arabic sites often keep a
    # template's lang="en"; the declaration decides only when the text is mixed.
    lang = options.lang or entry.get("lang") or detected or extracted.lang
    if lang is None:
        raise SourceError(source, "cannot tell the language of the text (Nashra publishes "
                                  f"{', '.join(LANGUAGES)}); pass --lang if it is one")
    if lang not in LANGUAGES:
        raise SourceError(source, f"language {lang!r} is not one Nashra publishes "
                                  f"({', '.join(LANGUAGES)})")
    date = options.date or entry.get("date") or extracted.date
    if date is None:
        raise SourceError(source, f"no publication date found: pass --date or add it to "
                                  f"{MANIFEST_NAME} in the source's folder")

    slug = slugify(extracted.title)
    actors, events, unresolved = gazetteer.entities(extracted.paragraphs, lang)
    for key, found, table in (("actors", actors, gazetteer.registry.actors),
                              ("events", events, gazetteer.registry.events)):
        listed = [str(i) for i in entry.get(key, [])]
        unknown = [i for i in listed if i not in table]
        if unknown:
            raise SourceError(source.parent / MANIFEST_NAME, f"entry {source.name!r}: "
                              f"{key}: unknown id(s) {', '.join(unknown)} (not in the registry)")
        found[:] = dict.fromkeys(listed + found)
    post = Post(
        title=extracted.title,
        date=date,
        lang=lang,
        slug=slug,
        paragraphs=extracted.paragraphs,
        blocks=extracted.blocks,
        modified=extracted.modified,
        outlet=entry.get("outlet") or extracted.outlet,
        dateline=entry.get("dateline") or extracted.dateline,
        byline=extracted.byline,
        source_url=options.source_url or entry.get("source_url", "") or extracted.source_url,
        tags=[str(tag).strip() for tag in entry.get("tags", [])],
        translation_key=entry.get("translation_key", slug),
        actors=actors,
        events=events,
        seed=source.name,
        seed_sha256=hashlib.sha256(data).hexdigest(),
        body_sha256=body_fingerprint(extracted.paragraphs),
    )
    try:
        post.validate()
    except InvalidPost as exc:
        raise SourceError(source, f"invalid post: {exc}") from None
    return post, unresolved


def body_fingerprint(paragraphs: list[str]) -> str:
    """SHA-256 of a body's text, white space and case folded: the same story saved
    twice (another copy of the page, other chrome around it) has the same one."""
    text = " ".join(" ".join(paragraphs).split()).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PostIndex:
    """What the content folder already holds, to find a source imported before.

    Keys: canonical URL, SHA-256 of the source's bytes, fingerprint of its text; and
    every post's URL (language, year, month, slug) and file, to keep new slugs apart.
    """

    def __init__(self, content_dir: Path) -> None:
        self.by_key: dict[str, Path] = {}
        self.urls: set[tuple[str, str, str]] = set()
        for path in sorted(content_dir.glob("*/**/*.md")):
            try:
                header = dict(read_header(path))
            except (OSError, UnicodeDecodeError):
                continue
            meta = {key.lower(): value for key, value in header.items()}
            for key in ("source_url", "seed_sha256", "body_sha256"):
                if meta.get(key):
                    self.by_key.setdefault(f"{key}:{meta[key]}", path)
            self.urls.add((meta.get("lang", ""), meta.get("date", "")[:7], meta.get("slug", "")))

    def find(self, post: Post) -> Path | None:
        """The existing post from the same source (URL, bytes or text), if any."""
        for key in ("source_url", "seed_sha256", "body_sha256"):
            value = getattr(post, key)
            if value and f"{key}:{value}" in self.by_key:
                return self.by_key[f"{key}:{value}"]
        return None

    def free_slug(self, post: Post, content_dir: Path) -> str:
        """``post.slug``, or ``slug-2``, ``slug-3``… when another post has its URL or file."""
        slug, number = post.slug, 1
        while ((post.lang, post.date.isoformat()[:7], slug) in self.urls
               or (content_dir / post.lang / f"{post.date:%Y}" / f"{slug}.md").exists()):
            number += 1
            slug = f"{post.slug}-{number}"
        return slug

    def add(self, post: Post, path: Path) -> None:
        for key in ("source_url", "seed_sha256", "body_sha256"):
            if getattr(post, key):
                self.by_key.setdefault(f"{key}:{getattr(post, key)}", path)
        self.urls.add((post.lang, post.date.isoformat()[:7], post.slug))


def import_file(
    source: Path,
    content_dir: Path,
    options: ImportOptions | None = None,
    entry: dict[str, Any] | None = None,
    gazetteer: Gazetteer | None = None,
    index: PostIndex | None = None,
) -> ImportResult:
    """Import one source into ``content_dir``.

    A source imported before (same canonical URL, same bytes or same text) is reported
    as ``"unchanged"`` and nothing is written; with ``options.force`` its post is
    ``"refreshed"``: new body, the editor's metadata kept (see
    :func:`nashra.markdown_writer.refresh_post`).  A new story whose slug another post
    has gets ``slug-2``, ``slug-3``…; no post is ever overwritten by another story.

    :param entry: the manifest entry; ``None`` to read it from the manifest next to
        the source.
    :param gazetteer: the registry's matcher; ``None`` to load ``content_dir/registry``.
    :param index: the posts already there; ``None`` to scan ``content_dir``.
    :raises SourceError: as :func:`build_post`, or the post cannot be written.
    """
    options = options or ImportOptions()
    if entry is None:
        entry = load_manifest(source.parent / MANIFEST_NAME).get(source.name, {})
    gazetteer = gazetteer or Gazetteer.load(content_dir)
    index = index or PostIndex(content_dir)
    post, unresolved = build_post(source, options, entry, gazetteer)
    found = tuple(unresolved)

    existing = index.find(post)
    if existing is not None:
        if not options.force:
            return ImportResult(source, existing, "unchanged", found)
        try:
            text = refresh_post(existing.read_text(encoding="utf-8"), post)
            write_post_file(text, existing, overwrite=True)
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(existing, f"cannot refresh the post: {exc}") from None
        logger.info("%s → %s (refreshed)", source, existing)
        return ImportResult(source, existing, "refreshed", found)

    post.slug = index.free_slug(post, content_dir)
    target = content_dir / post.relative_path
    try:
        write_post_file(render_post(post), target, overwrite=False)
    except FileExistsError:
        raise SourceError(source, f"a post appeared at {target} while importing") from None
    except OSError as exc:
        raise SourceError(target, f"cannot write: {exc.strerror}") from None
    index.add(post, target)
    logger.info("%s → %s (written)", source, target)
    return ImportResult(source, target, "written", found)


def iter_sources(path: Path) -> list[Path]:
    """The source files at ``path``: the file itself, or a folder's text files sorted by name.

    :raises SourceError: the path does not exist.
    """
    if path.is_dir():
        return sorted(p for p in path.iterdir()
                      if p.is_file() and not p.name.startswith(".")
                      and p.suffix.lower() in TEXT_SUFFIXES)
    if not path.exists():
        raise SourceError(path, "no such file or folder")
    return [path]


def import_path(
    path: Path, content_dir: Path, options: ImportOptions | None = None,
    progress: Callable[[Path], None] | None = None,
) -> tuple[list[ImportResult], list[SourceError]]:
    """Import a file or every source in a folder; one bad file never stops the rest.

    :param progress: called with each source after it is handled (for progress bars).
    :returns: ``(results, errors)``, in source order.
    :raises SourceError: the path does not exist, or its manifest or the registry is
        invalid.
    """
    sources = iter_sources(path)
    gazetteer = Gazetteer.load(content_dir)
    index = PostIndex(content_dir)
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    results: list[ImportResult] = []
    errors: list[SourceError] = []
    for source in sources:
        folder = source.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder / MANIFEST_NAME)
        try:
            results.append(import_file(source, content_dir, options,
                                       manifests[folder].get(source.name, {}), gazetteer,
                                       index))
        except SourceError as exc:
            errors.append(exc)
        if progress:
            progress(source)
    return results, errors
