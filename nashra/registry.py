"""The registry: actors and events that editors keep in ``content/registry/``.

Two TOML files, ``actors.toml`` and ``events.toml``, one table per entry named by its id
(the format is documented at the top of each file).  :func:`load_registry` reads and
validates them; every error names the file, the entry and the field.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nashra.arabic import normalise_for_matching
from nashra.errors import SourceError
from nashra.post import LANGUAGES

#: Actor types, in the order the actors index shows them.
ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "country", "place")
ACTORS_FILE = "actors.toml"
EVENTS_FILE = "events.toml"

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # used with fullmatch
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")

#: Function words per language (after :func:`~nashra.arabic.normalise_for_matching`).
#: An alias equal to one would match everywhere: it is refused, or (English only) must
#: be listed under ``exact`` so that it matches only with its case (``US`` vs ``us``).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(normalise_for_matching(w) for w in (
        "في", "من", "على", "إلى", "الى", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "التي",
        "الذي", "الذين", "أن", "إن", "أنه", "لا", "ما", "لم", "لن", "بين", "كل", "قد",
        "هو", "هي", "هم", "نحن", "أو", "ثم", "بعد", "قبل", "عند", "حتى", "كان", "كانت",
        "يكون", "ليس", "غير", "أي", "إذا", "لكن", "منذ", "خلال", "حول", "ضد", "دون",
        "لدى", "أمام", "وفق", "عبر", "نحو", "بين", "أيضا", "فقط", "به", "بها", "له", "لها",
    )),
    "en": frozenset((
        "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "by",
        "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its",
        "he", "she", "we", "they", "us", "them", "him", "her", "our", "you", "i", "me",
        "my", "this", "that", "these", "those", "who", "whom", "which", "what", "not", "no",
        "may", "will", "can", "new", "said", "says", "up", "out", "over", "after", "all",
        "so", "do", "did", "has", "have", "had", "one", "more", "than", "also", "about",
    )),
}


class RegistryError(SourceError):
    """An invalid registry file; the message names the file, entry and field."""


@dataclass(frozen=True)
class Alias:
    """One way of writing an entity's name.

    :ivar text: the alias as editors wrote it.
    :ivar lang: ``"ar"`` or ``"en"``.
    :ivar exact: match only as written: case-sensitive, no proclitic forms.
    """

    text: str
    lang: str
    exact: bool = False


@dataclass
class Entity:
    """What actors and events share.

    :ivar id: the entry's id (lower-case ASCII words joined by hyphens).
    :ivar kind: ``"actor"`` or ``"event"``.
    :ivar names: language → display name.
    :ivar aliases: every alias, names included, both languages.
    :ivar description: language → one-paragraph description (may be empty).
    """

    id: str
    kind: str
    names: dict[str, str]
    aliases: list[Alias]
    description: dict[str, str] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        """The name in ``lang``, or in any language the entry has."""
        return self.names.get(lang) or next(iter(self.names.values()))


@dataclass
class Actor(Entity):
    """A person, organisation, country or place.

    :ivar type: one of :data:`ACTOR_TYPES`.
    :ivar wikidata: Wikidata item id (``"Q7747"``) or ``""``.
    """

    type: str = "person"
    wikidata: str = ""


@dataclass
class Event(Entity):
    """Something that happened, from ``start`` to ``end`` (dates, inclusive).

    :ivar place: id of an actor of type place, or ``""``.
    :ivar participants: actor ids.
    """

    start: dt.date = dt.date.min
    end: dt.date = dt.date.min
    place: str = ""
    participants: list[str] = field(default_factory=list)


@dataclass
class Registry:
    """All actors and events, by id."""

    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def get(self, entity_id: str) -> Entity | None:
        """The actor or event with that id, or ``None``."""
        return self.actors.get(entity_id) or self.events.get(entity_id)

    def entities(self) -> Iterator[Entity]:
        """Every actor, then every event."""
        yield from self.actors.values()
        yield from self.events.values()


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise RegistryError(path, f"invalid TOML: {exc}",
                            line=int(line[1]) if line else None) from None


class _Entry:
    """Typed access to one TOML table, raising errors that name file, entry, field."""

    def __init__(self, path: Path, entry_id: str, data: object) -> None:
        self.path, self.id = path, entry_id
        if not isinstance(data, dict):
            self.fail("", "is not a table")
        self.data: dict = data  # type: ignore[assignment]

    def fail(self, name: str, message: str):
        where = f"entry {self.id!r}" + (f", field {name!r}" if name else "")
        raise RegistryError(self.path, f"{where}: {message}")

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.fail(key, f"unknown field (known: {', '.join(sorted(allowed))})")

    def text(self, name: str, required: bool = False) -> str:
        value = self.data.get(name, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(name, "must be a non-empty string" if required else "must be a string")
        return value.strip()

    def per_language(self, name: str, required: bool = False) -> dict[str, object]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            self.fail(name, "must be a table of languages, e.g. { ar = …, en = … }")
        for lang in value:
            if lang not in LANGUAGES:
                self.fail(name, f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})")
        if required and not value:
            self.fail(name, "is required")
        return value

    def strings(self, name: str, required: bool = False) -> dict[str, str]:
        result = {}
        for lang, text in self.per_language(name, required).items():
            if not isinstance(text, str) or not text.strip():
                self.fail(name, f"{lang}: must be a non-empty string")
            result[lang] = text.strip()
        return result

    def string_lists(self, name: str) -> dict[str, list[str]]:
        result = {}
        for lang, items in self.per_language(name).items():
            if not isinstance(items, list) or not all(
                    isinstance(i, str) and i.strip() for i in items):
                self.fail(name, f"{lang}: must be a list of non-empty strings")
            result[lang] = [i.strip() for i in items]
        return result

    def id_list(self, name: str) -> list[str]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
            self.fail(name, "must be a list of ids")
        return value

    def date(self, name: str, required: bool = False) -> dt.date | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(name, "is required (a date, YYYY-MM-DD)")
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.fail(name, f"must be a date without time (YYYY-MM-DD), not {value!r}")
        return value

    def aliases(self, names: dict[str, str]) -> list[Alias]:
        exact_lists = self.string_lists("exact")
        aliases: dict[tuple[str, str, bool], Alias] = {}
        for lang, name in names.items():
            if name not in exact_lists.get(lang, []):  # "WHO" named and listed as exact
                aliases.setdefault((lang, name, False), Alias(name, lang))
        for lang, items in self.string_lists("aliases").items():
            for text in items:
                aliases.setdefault((lang, text, False), Alias(text, lang))
        for lang, items in exact_lists.items():
            for text in items:
                aliases[(lang, text, True)] = Alias(text, lang, exact=True)
        for alias in aliases.values():
            self.check_alias(alias)
        return list(aliases.values())

    def check_alias(self, alias: Alias) -> None:
        """Refuse aliases that would match everywhere: no letter or digit, a function
        word (English ones may be listed as ``exact`` when written in capitals, such as
        ``US``), or an Arabic proclitic plus a function word (وفي)."""
        field_name = "exact" if alias.exact else "aliases"
        folded = normalise_for_matching(alias.text)
        if not any(ch.isalnum() for ch in folded):
            self.fail(field_name, f"alias {alias.text!r} has no letter or digit")
        words = FUNCTION_WORDS[alias.lang]
        acronym = alias.exact and alias.lang == "en" and alias.text.isupper() and len(
            alias.text) > 1
        if folded in words and not acronym:
            hint = ("list it under 'exact', in capitals, so it matches only as written"
                    if alias.lang == "en" else "it would match everywhere")
            self.fail(field_name, f"alias {alias.text!r} is the function word {folded!r}: "
                                  f"{hint}")
        if alias.lang == "ar" and any(folded.startswith(p) and folded[len(p):] in words
                                      for p in ("و", "ف", "ب", "ل", "ك")):
            self.fail(field_name, f"alias {alias.text!r} is a proclitic and a function word")


ACTOR_FIELDS = {"type", "name", "aliases", "exact", "wikidata", "description"}
EVENT_FIELDS = {"name", "aliases", "exact", "description", "start", "end", "place",
                "participants"}


def _parse_actor(path: Path, entry_id: str, data: object) -> Actor:
    entry = _Entry(path, entry_id, data)
    entry.check_keys(ACTOR_FIELDS)
    kind = entry.text("type", required=True)
    if kind not in ACTOR_TYPES:
        entry.fail("type", f"{kind!r} is not one of {', '.join(ACTOR_TYPES)}")
    wikidata = entry.text("wikidata")
    if wikidata and not _WIKIDATA_RE.match(wikidata):
        entry.fail("wikidata", f"{wikidata!r} is not a Wikidata item id such as 'Q7747'")
    names = entry.strings("name", required=True)
    return Actor(id=entry_id, kind="actor", names=names, aliases=entry.aliases(names),
                 description=entry.strings("description"), type=kind, wikidata=wikidata)


def _parse_event(path: Path, entry_id: str, data: object) -> Event:
    entry = _Entry(path, entry_id, data)
    entry.check_keys(EVENT_FIELDS)
    names = entry.strings("name", required=True)
    start = entry.date("start", required=True)
    end = entry.date("end") or start
    if end < start:
        entry.fail("end", f"{end} is before the start, {start}")
    return Event(id=entry_id, kind="event", names=names, aliases=entry.aliases(names),
                 description=entry.strings("description"), start=start, end=end,
                 place=entry.text("place"), participants=entry.id_list("participants"))


def load_registry(folder: str | Path) -> Registry:
    """Read and validate ``actors.toml`` and ``events.toml`` in ``folder``.

    A missing file counts as empty; a missing folder gives an empty registry.

    :raises RegistryError: invalid TOML (with its line), an invalid id, an unknown or
        ill-typed field, an id used twice, an alias claimed by two entries (compared
        after the matcher's normalisation, across languages), an unknown place or
        participant id, a participant listed twice, an event ending before it starts,
        an alias that would match everywhere (see ``_Entry.check_alias``).
    """
    folder = Path(folder)
    registry = Registry()
    origin: dict[str, Path] = {}
    for filename, parse, target in ((ACTORS_FILE, _parse_actor, registry.actors),
                                    (EVENTS_FILE, _parse_event, registry.events)):
        path = folder / filename
        for entry_id, data in _read_toml(path).items():
            if not _ID_RE.fullmatch(entry_id):
                raise RegistryError(path, f"entry {entry_id!r}: an id is lower-case ASCII "
                                          "letters and digits joined by hyphens")
            if entry_id in origin:
                raise RegistryError(path, f"entry {entry_id!r}: id already used in "
                                          f"{origin[entry_id]}")
            origin[entry_id] = path
            target[entry_id] = parse(path, entry_id, data)

    from nashra.mentions import fold  # the matcher's own normalisation

    claimed: dict[str, str] = {}
    for entity in registry.entities():
        for alias in entity.aliases:
            key = fold(alias.text)  # both languages: one automaton holds them all
            other = claimed.setdefault(key, entity.id)
            if other != entity.id:
                raise RegistryError(origin[entity.id], f"entry {entity.id!r}, field "
                                    f"'aliases': {alias.text!r} is already an alias of {other!r}")

    for event in registry.events.values():
        path = origin[event.id]
        if event.place and registry.actors.get(event.place, Actor("", "", {}, [])).type != "place":
            raise RegistryError(path, f"entry {event.id!r}, field 'place': {event.place!r} "
                                      "is not an actor of type place")
        if len(set(event.participants)) != len(event.participants):
            raise RegistryError(path, f"entry {event.id!r}, field 'participants': "
                                      "an actor is listed twice")
        for participant in event.participants:
            if participant not in registry.actors:
                raise RegistryError(path, f"entry {event.id!r}, field 'participants': "
                                          f"unknown actor id {participant!r}")
    return registry
