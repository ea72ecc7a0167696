"""Mention matching: find the registry's actors and events in Arabic and English text.

One Aho-Corasick automaton (pyahocorasick) holds every alias form of both languages,
normalised for matching; text is normalised the same way, with a map back to the
original offsets so that links land on the characters readers see.

Rules (measured on a public Arabic NER corpus, see design.md):

* normalisation: alef forms → ا, ى/ی → ي, ة → ه, ک → ك, Arabic-Indic digits → ASCII,
  harakat, tatweel and bidi/zero-width marks dropped, white space runs → one space,
  curly apostrophes → ``'``, dashes → ``-``, case folded (Latin);
* names are not stemmed; instead each Arabic alias of three letters or more is
  expanded with the proclitics و ف ب ل (and their pairs), ال-aliases taking لل for ل
  (للناتو); ك is never expanded;
* a mention starts and ends at a word boundary: a word that merely contains an
  alias is not a mention (``Russian`` is not ``Russia``, ``الروسية`` is not ``روسيا``);
* leftmost-longest among exact forms first, then proclitic readings that overlap
  no exact mention (``بين`` is never ``ب`` + ``ين``), except that a longer
  proclitic reading wins over an exact form it contains (``لوكالة تاس`` ⊃ ``تاس``);
* ``exact`` aliases match only as written: same case, no proclitic.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from nashra.arabic import HARAKAT_RE, TATWEEL
from nashra.registry import Alias, Registry

#: Characters dropped before matching: harakat, tatweel, bidi and zero-width marks,
#: and every white-space character after the first of a run.
_DROP_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|(?<=\\s)\\s+"
)
#: Combining marks and tatweel that belong to the letter before them.
_TRAILING_MARKS_RE = re.compile(f"(?:{HARAKAT_RE.pattern}|{TATWEEL})*")


def _fold_table() -> dict[int, str]:
    table = {}
    for code in range(0x20, 0x250):  # Basic Latin to Latin Extended-B: lower case, 1:1
        lower = chr(code).lower()
        if len(lower) == 1 and lower != chr(code):
            table[code] = lower
    table.update({ord(c): "ا" for c in "أإآٱ"})
    table.update({ord("ى"): "ي", ord("ی"): "ي", ord("ة"): "ه", ord("ک"): "ك"})
    table.update({0x0660 + d: str(d) for d in range(10)})
    table.update({0x06F0 + d: str(d) for d in range(10)})
    table.update({ord(c): "'" for c in "’‘ʼ′`"})
    table.update({ord(c): "-" for c in "‐‑‒–—―"})
    table.update({ord(c): " " for c in "\t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f\u3000"})
    return table


_FOLD = _fold_table()

#: Arabic proclitics (conjunctions و ف, prepositions ب ل) and their combinations.
PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: Fewest letters an Arabic alias needs before proclitic forms are generated.
MIN_CLITIC_ALIAS_LETTERS = 3


def fold(text: str) -> str:
    """Normalise text for matching (see the module's rules); offsets are not kept."""
    return _DROP_RE.sub("", text).translate(_FOLD)


@dataclass(frozen=True)
class Normalised:
    """Text normalised for matching, with the way back to the original offsets.

    :ivar original: the text as given.
    :ivar text: the normalised text.
    """

    original: str
    text: str
    _dropped_at: tuple[int, ...]  # normalised positions where characters were dropped
    _dropped_before: tuple[int, ...]  # cumulative count of dropped characters there

    @classmethod
    def of(cls, original: str) -> Normalised:
        """Normalise ``original`` (linear time; the common no-drop case stays in C)."""
        positions, cumulative, total = [], [], 0
        for match in _DROP_RE.finditer(original):
            positions.append(match.start() - total)
            total += match.end() - match.start()
            cumulative.append(total)
        text = (_DROP_RE.sub("", original) if positions else original).translate(_FOLD)
        return cls(original, text, tuple(positions), tuple(cumulative))

    def start(self, index: int) -> int:
        """Original offset of the character at normalised ``index``."""
        k = bisect.bisect_right(self._dropped_at, index)
        return index + (self._dropped_before[k - 1] if k else 0)

    def end(self, index: int) -> int:
        """Original offset just after normalised ``index - 1``, with the marks it carries."""
        last = self.start(index - 1) + 1
        return _TRAILING_MARKS_RE.match(self.original, last).end()


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in a text.

    :ivar entity: the actor's or event's id.
    :ivar start: offset of the first character in the original text.
    :ivar end: offset after the last character (with its harakat).
    :ivar text: ``original[start:end]``.
    :ivar proclitic: the proclitic read before the alias (``"و"``), or ``""``.  The
        link covers it too, as major Arabic outlets do.
    """

    entity: str
    start: int
    end: int
    text: str
    proclitic: str = ""


@dataclass(frozen=True)
class _Form:
    entity: str
    proclitic: str
    case_sensitive: str  # the alias as written, for exact aliases; "" otherwise


def alias_forms(alias: Alias) -> list[tuple[str, str]]:
    """The normalised forms of an alias: ``[(form, proclitic), …]``, exact form first.

    Arabic aliases of :data:`MIN_CLITIC_ALIAS_LETTERS` letters or more, unless exact,
    also give every proclitic form; ``ل`` + ``ال…`` is written ``لل…``.
    """
    base = fold(alias.text)
    forms = [(base, "")]
    letters = sum(ch.isalpha() for ch in base)
    if alias.lang == "ar" and not alias.exact and letters >= MIN_CLITIC_ALIAS_LETTERS:
        for proclitic in PROCLITICS:
            if proclitic.endswith("ل") and base.startswith("ال"):
                forms.append((proclitic + base[1:], proclitic))  # ل + الناتو → للناتو
            else:
                forms.append((proclitic + base, proclitic))
    return forms


class Matcher:
    """Finds mentions of registry entities in text, both languages at once.

    Build it once per run (building costs about as much as matching a few hundred
    articles) and call :meth:`find` per text.
    """

    def __init__(self, aliases: Iterable[tuple[str, Alias]]) -> None:
        """:param aliases: ``(entity id, alias)`` pairs."""
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Form]] = {}
        for entity_id, alias in aliases:
            for form, proclitic in alias_forms(alias):
                if form.strip():
                    table.setdefault(form, []).append(_Form(
                        entity_id, proclitic, alias.text if alias.exact else ""))
        for form, payload in table.items():
            self._automaton.add_word(form, (len(form), tuple(payload)))
        if table:
            self._automaton.make_automaton()
        self._empty = not table

    @classmethod
    def from_registry(cls, registry: Registry) -> Matcher:
        """A matcher over every alias of every actor and event of ``registry``."""
        return cls((entity.id, alias) for entity in registry.entities()
                   for alias in entity.aliases)

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in text order, none overlapping.

        :param text: plain text (not HTML), any mix of Arabic and English.
        """
        if self._empty or not text:
            return []
        norm = Normalised.of(text)
        folded = norm.text
        exact: list[tuple[int, int, _Form]] = []
        clitic: list[tuple[int, int, _Form]] = []
        for end, (length, payload) in self._automaton.iter(folded):
            start, stop = end - length + 1, end + 1
            if (start > 0 and folded[start - 1].isalnum()) or (
                    stop < len(folded) and folded[stop].isalnum()):
                continue
            for form in payload:
                if form.case_sensitive and fold_marks_only(
                        text[norm.start(start):norm.end(stop)]) != form.case_sensitive:
                    continue
                (clitic if form.proclitic else exact).append((start, stop, form))
        # An exact reading wins over a proclitic one it overlaps (بين is not ب + ين),
        # unless the proclitic reading contains it and is longer (لوكالة تاس ⊃ تاس).
        dominated = [c for c in exact if any(
            s <= c[0] and c[1] <= e and e - s > c[1] - c[0] for s, e, _ in clitic)]
        chosen = _leftmost_longest([c for c in exact if c not in dominated], [])
        chosen = _leftmost_longest(clitic, chosen)
        chosen = _leftmost_longest(dominated, chosen)
        mentions = []
        for start, stop, form in sorted(chosen, key=lambda c: c[0]):
            begin, finish = norm.start(start), norm.end(stop)
            mentions.append(Mention(form.entity, begin, finish, text[begin:finish],
                                    form.proclitic))
        return mentions


def fold_marks_only(text: str) -> str:
    """Drop harakat, tatweel and bidi marks, collapse white space: case is kept."""
    return " ".join(_DROP_RE.sub("", text).split())


def _leftmost_longest(candidates, chosen):
    """Add to ``chosen`` the candidates that overlap nothing chosen, leftmost-longest."""
    taken = sorted((start, stop) for start, stop, _ in chosen)
    result = list(chosen)
    for start, stop, form in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        k = bisect.bisect_left(taken, (start, stop))
        if (k > 0 and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < stop):
            continue
        taken.insert(k, (start, stop))
        result.append((start, stop, form))
    return result
