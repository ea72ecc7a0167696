"""Candidate names the registry does not know yet, for editors to add.

* English: runs of capitalised words (``Jens Stoltenberg``, ``Bank of England``),
  allowing lower-case connectors inside (of, for, and, the, de, al, bin); a single
  capitalised word that starts a sentence, and month and weekday names (from Babel's
  CLDR data), are not names.
* Arabic (no capitals): the words after a title such as وزير، الرئيس، الأمين العام،
  المتحدث باسم، مندوب.  Descriptors after the title (definite words: الخارجية، الروسي)
  are skipped; the name is the run of up to three words without the article ال that
  follows, ended by a function word, a reporting verb or, as a third word, a future
  verb (سيزور; names such as ستولتنبرغ start the same way).

Candidates that overlap a mention the matcher found are dropped.
"""

from __future__ import annotations

import re

from babel import Locale

from nashra.arabic import normalise_for_matching
from nashra.mentions import Mention
from nashra.registry import FUNCTION_WORDS

#: Titles that come before a person's or an organisation's name in Arabic news.
ARABIC_TITLES: tuple[str, ...] = (
    "وزير", "وزيرة", "الرئيس", "رئيس", "رئيسة", "الأمين العام", "المتحدث باسم", "متحدث باسم",
    "المتحدثة باسم", "الناطق باسم", "مندوب", "مندوبة", "السفير", "سفير", "نائب", "الملك",
    "الأمير", "الشيخ", "المستشار", "الزعيم", "قائد", "الجنرال", "رئيس وزراء", "رئيس الوزراء",
)
#: Most words an Arabic name candidate has.
MAX_NAME_WORDS = 3
#: Reporting verbs that often follow a name (قال لافروف… / لافروف قال…): they end it.
_ARABIC_VERBS = frozenset(normalise_for_matching(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أوضح", "أوضحت",
    "صرح", "صرحت", "يزور", "تزور", "زار", "زارت", "يقول", "تقول", "دعا", "دعت",
))
#: The future prefix سـ on an imperfect verb (سيزور، ستعقد، سنرد).
_FUTURE_VERB_RE = re.compile("^س[يتنا]")

_CONNECTORS = {"of", "for", "and", "the", "de", "del", "al", "bin", "van", "von", "la"}
_EN_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|[\"“«(‘']\s*|\n\s*)$")
#: Endings of nationality adjectives (Russian, Ukrainian, Chinese, British, American).
_DEMONYM_RE = re.compile(r"(?:ian|ean|ese|ish|can)$")
_PUNCT_END_RE = re.compile(r"[،,.:;!?؟»”\")]$")
_STRIP_RE = re.compile(r"^[«“\"(]+|[،,.:;!?؟»”\")]+$")


def _calendar_words() -> frozenset[str]:
    locale = Locale.parse("en")
    words = set()
    for width in ("wide", "abbreviated"):
        words.update(locale.months["format"][width].values())
        words.update(locale.days["format"][width].values())
    return frozenset(words)


_CALENDAR = _calendar_words()
_TITLES = sorted((normalise_for_matching(t).split() for t in ARABIC_TITLES), key=len,
                 reverse=True)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def english_candidates(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in English text: ``[(start, end, name)]``."""
    words = list(_EN_WORD_RE.finditer(text))
    found, i = [], 0
    while i < len(words):
        if not words[i].group()[0].isupper() or words[i].group().lower() in FUNCTION_WORDS["en"]:
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            gap = text[words[j].end():words[j + 1].start()]
            nxt = words[j + 1].group()
            if gap.strip() or "\n" in gap:  # punctuation or a line break ends the run
                break
            if nxt[0].isupper():
                j += 1
            elif (nxt.lower() in _CONNECTORS and j + 2 < len(words)
                  and words[j + 2].group()[0].isupper()
                  and not text[words[j + 1].end():words[j + 2].start()].strip()):
                j += 2
            else:
                break
        start, end = words[i].start(), words[j].end()
        name = text[start:end].rstrip(".")
        single = i == j
        at_sentence_start = bool(_SENTENCE_START_RE.search(text[:start]))
        if not (single and (at_sentence_start or name in _CALENDAR
                            or _DEMONYM_RE.search(name))):
            found.append((start, start + len(name), name))
        i = j + 1
    return found


def arabic_candidates(text: str) -> list[tuple[int, int, str]]:
    """Names after Arabic titles: ``[(start, end, name)]``."""
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    folded = [normalise_for_matching(_STRIP_RE.sub("", t)) for _, _, t in tokens]
    found = []
    for i in range(len(tokens)):
        for title in _TITLES:
            if folded[i:i + len(title)] != title:
                continue
            j = i + len(title)
            if any(folded[j:j + len(t)] == t for t in _TITLES):
                break  # a title of titles (نائب وزير): the inner one is matched next
            while j < len(tokens) and (folded[j].startswith("ال") or (  # descriptors
                    folded[j][:1] in ("ل", "ب") and j + 1 < len(tokens)
                    and folded[j + 1].startswith("ال")
                    and not _PUNCT_END_RE.search(tokens[j][2]))):
                j += 1
                if _PUNCT_END_RE.search(tokens[j - 1][2]):
                    break
            name_tokens = []
            while j < len(tokens) and len(name_tokens) < MAX_NAME_WORDS:
                word = folded[j]
                if (not word or word.startswith("ال") or not word.isalpha()
                        or word in FUNCTION_WORDS["ar"] or word in _ARABIC_VERBS
                        or (len(name_tokens) >= 2 and _FUTURE_VERB_RE.match(word))):
                    break
                name_tokens.append(tokens[j])
                if _PUNCT_END_RE.search(tokens[j][2]):
                    break
                j += 1
            if name_tokens:
                start, end = name_tokens[0][0], name_tokens[-1][1]
                name = _STRIP_RE.sub("", text[start:end])
                found.append((start, start + len(name), name))
            break
    return found


def unresolved_names(text: str, lang: str, mentions: list[Mention]) -> list[str]:
    """Candidate names in ``text`` that no mention covers, in order, without repeats.

    :param lang: ``"ar"`` or ``"en"``.
    :param mentions: what :meth:`nashra.mentions.Matcher.find` found in ``text``.
    """
    spans = [(m.start, m.end) for m in mentions]
    finder = arabic_candidates if lang == "ar" else english_candidates
    names = [name for start, end, name in finder(text) if not _overlaps(start, end, spans)]
    return list(dict.fromkeys(names))
