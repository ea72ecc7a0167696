"""Mention matching: find the registry's actors and events in Arabic and English text.

One Aho-Corasick automaton (pyahocorasick) holds every alias form of both languages,
normalised for matching; text is normalised the same way, with a map back to the
original offsets so that links land on the characters readers see.

Rules (measured on a public Arabic NER corpus, see design.md):

* normalisation: alef forms → ا, ى/ی → ي, ة → ه, ک → ك, Arabic-Indic digits → ASCII,
  harakat, tatweel and bidi/zero-width marks dropped, white space → space,
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
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from nashra.arabic import HARAKAT_RE, TATWEEL
from nashra.registry import Alias, Registry

#: Characters dropped before matching: harakat, tatweel, bidi and zero-width marks,
#: soft hyphens.
#: (White space is folded to one space character for one, not collapsed: a name broken
#: across a line still matches, and the usual text has nothing to drop, which keeps
#: the offset map trivial.)
_DROP_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]"
)
#: Combining marks and tatweel that belong to the letter before them.
_TRAILING_MARKS_RE = re.compile(f"(?:{HARAKAT_RE.pattern}|{TATWEEL})*")


def _fold_pairs() -> tuple[tuple[str, str], ...]:
    """Character replacements applied after ``str.lower()`` (which folds Latin case)."""
    pairs = [(c, "ا") for c in "أإآٱ"]
    pairs += [("ى", "ي"), ("ی", "ي"), ("ة", "ه"), ("ک", "ك")]
    pairs += [(chr(0x0660 + d), str(d)) for d in range(10)]
    pairs += [(chr(0x06F0 + d), str(d)) for d in range(10)]
    pairs += [(c, "'") for c in "’‘ʼ′`"]
    pairs += [(c, "-") for c in "‐‑‒–—―"]
    pairs += [(c, " ") for c in "\t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f\u3000"]
    return tuple(pairs)


#: One-for-one replacements, so offsets are kept.  A chain of ``str.replace`` runs at
#: memory speed; ``str.translate`` with a dict looks every character up (3× slower).
_FOLD_PAIRS = _fold_pairs()


def _fold_kept_length(text: str) -> str:
    """Fold case and letter variants, one character for one (offsets are kept)."""
    # "İ".lower() is two characters, the only such case in Unicode: keep it one.
    text = (text.replace("İ", "I") if "İ" in text else text).lower()
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


#: Arabic proclitics (conjunctions و ف, prepositions ب ل) and their combinations.
PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
#: Fewest letters an Arabic alias needs before proclitic forms are generated.
MIN_CLITIC_ALIAS_LETTERS = 3


def fold(text: str) -> str:
    """Normalise text for matching (see the module's rules); offsets are not kept."""
    return _fold_kept_length(_DROP_RE.sub("", text))


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
        text = _fold_kept_length(_DROP_RE.sub("", original) if positions else original)
        return cls(original, text, tuple(positions), tuple(cumulative))

    def start(self, index: int) -> int:
        """Original offset of the character at normalised ``index``."""
        if not self._dropped_at:
            return index
        k = bisect.bisect_right(self._dropped_at, index)
        return index + (self._dropped_before[k - 1] if k else 0)

    def end(self, index: int) -> int:
        """Original offset just after normalised ``index - 1``, with the marks it carries."""
        if not self._dropped_at:  # nothing dropped: no harakat or tatweel to carry
            return index
        last = self.start(index - 1) + 1
        return _TRAILING_MARKS_RE.match(self.original, last).end()


class Mention(NamedTuple):
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


class _Form(NamedTuple):
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
            plain = next((f for f in payload if not f.proclitic and not f.case_sensitive), None)
            proclitic = next((f for f in payload if f.proclitic), None)
            cased = tuple(f for f in payload if f.case_sensitive)
            self._automaton.add_word(form, (len(form), plain, proclitic, cased))
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

        :param text: plain text (not HTML), any mix of Arabic and English.  Matching a
            whole article at once is faster than matching it paragraph by paragraph.
        """
        if self._empty or not text:
            return []
        norm = Normalised.of(text)
        folded = norm.text
        size = len(folded)
        exact: list[tuple[int, int, _Form]] = []
        clitic: list[tuple[int, int, _Form]] = []
        for end, (length, plain, proclitic, cased) in self._automaton.iter(folded):
            start, stop = end - length + 1, end + 1
            if (start and folded[start - 1].isalnum()) or (
                    stop < size and folded[stop].isalnum()):
                continue
            if plain:
                exact.append((start, stop, plain))
            if proclitic:
                clitic.append((start, stop, proclitic))
            for form in cased:  # exact aliases: the original must read as written
                if fold_marks_only(text[norm.start(start):norm.end(stop)]) == form.case_sensitive:
                    exact.append((start, stop, form))
        chosen = _resolve_with_clitics(exact, clitic, size) if clitic else _greedy(exact)
        # Mentions are built with tuple.__new__: a NamedTuple's own constructor is a
        # Python function, and building mentions was a quarter of the matcher's time.
        if not norm._dropped_at:  # nothing dropped: offsets are the same in both texts
            return [_new_tuple(Mention, (form.entity, start, stop, text[start:stop],
                                         form.proclitic))
                    for start, stop, form in chosen]
        mentions = []
        for start, stop, form in chosen:
            begin, finish = norm.start(start), norm.end(stop)
            mentions.append(_new_tuple(Mention, (form.entity, begin, finish,
                                                 text[begin:finish], form.proclitic)))
        return mentions


_new_tuple = tuple.__new__
_START, _STOP = itemgetter(0), itemgetter(1)


def _in_text_order(candidates: list) -> list:
    """Sort ``(start, stop, form)`` candidates in place, leftmost first, then longest
    (two sorts on C keys: faster than one on a Python key)."""
    candidates.sort(key=_STOP, reverse=True)
    candidates.sort(key=_START)
    return candidates


def _greedy(candidates):
    """Leftmost-longest, for candidates that may overlap one another: in text order."""
    chosen, last_end = [], -1
    for candidate in _in_text_order(candidates):
        if candidate[0] >= last_end:
            chosen.append(candidate)
            last_end = candidate[1]
    return chosen


def _resolve_with_clitics(exact, clitic, size):
    """Exact readings first, then proclitic ones; a longer proclitic reading that
    contains an exact one wins over it (see the module's rules).  In text order."""
    exact.sort(key=_START)
    starts = [c[0] for c in exact]
    dominated: set[int] = set()
    for start, stop, _ in clitic:  # exact readings inside a longer proclitic reading
        for k in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)):
            if exact[k][1] <= stop and exact[k][1] - exact[k][0] < stop - start:
                dominated.add(k)
    if not dominated:
        return _select([exact, clitic], size)
    return _select([[c for k, c in enumerate(exact) if k not in dominated], clitic,
                    [exact[k] for k in sorted(dominated)]], size)


def _select(groups, size):
    """Leftmost-longest within each group, earlier groups first; none overlapping.

    Covered positions (of a text of ``size`` characters) are marked in a bytearray,
    so an overlap test is one C call.
    """
    taken = bytearray(size)
    chosen = []
    for group in groups:
        for candidate in _in_text_order(group):
            start, stop = candidate[0], candidate[1]
            if taken.find(1, start, stop) == -1:
                taken[start:stop] = b"\x01" * (stop - start)
                chosen.append(candidate)
    chosen.sort(key=_START)
    return chosen


def fold_marks_only(text: str) -> str:
    """Drop harakat, tatweel and bidi marks, collapse white space: case is kept."""
    return " ".join(_DROP_RE.sub("", text).split())


