"""A synthetic corpus for benchmarks: a registry and news articles in translation pairs.

Deterministic for a given seed.  Names are built from syllables with matching Arabic
and Latin spellings (كا/ka, لي/li…), so every actor has an Arabic name, an English name
and aliases in both; Arabic sentences attach proclitics (و، ب، ل) to names as news
writing does, so the matcher meets the forms it meets in real text.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

_SYLLABLES = [("كا", "ka"), ("لي", "li"), ("مو", "mo"), ("رو", "ro"), ("سا", "sa"),
              ("دي", "di"), ("نو", "no"), ("تي", "ti"), ("با", "ba"), ("زو", "zo"),
              ("فا", "fa"), ("جي", "gi")]
_ENDINGS = [("ف", "v"), ("نوف", "nov"), ("سكي", "ski"), ("يان", "yan"), ("ني", "ni")]
_FIRST = [("أحمد", "Ahmed"), ("سامي", "Sami"), ("ليلى", "Layla"), ("يوسف", "Youssef"),
          ("مريم", "Maryam"), ("كريم", "Karim"), ("هدى", "Huda"), ("عمر", "Omar")]

AR_FILLER = [
    "وتهدف هذه الاقتراحات إلى تخفيف التوترات العسكرية في المنطقة خلال الأشهر المقبلة.",
    "ولم يتضح بعد موعد الجولة التالية من المحادثات بين الطرفين.",
    "وأشار مراقبون إلى أن المفاوضات تواجه صعوبات كبيرة بسبب الخلافات حول الضمانات.",
    "ويأتي ذلك في وقت تشهد فيه الأسواق تقلبات حادة في أسعار الطاقة والغذاء.",
    "وتطالب المعارضة بإجراء تحقيق مستقل في ملابسات الحادث الذي وقع الأسبوع الماضي.",
    "وأكدت مصادر مطلعة أن الاتفاق قد يوقع قبل نهاية العام الجاري إذا استمر التقدم.",
]
EN_FILLER = [
    "The proposals aim to ease military tensions in the region over the coming months.",
    "It is not yet clear when the next round of talks between the two sides will be held.",
    "Observers said the negotiations face serious difficulties over the guarantees.",
    "This comes as markets see sharp swings in energy and food prices.",
    "The opposition is demanding an independent inquiry into last week's incident.",
    "Sources said the agreement could be signed before the end of the year.",
]
AR_TEMPLATES = [
    "قال {person} إن {country} لن تقدم تنازلات في المفاوضات مع {place}.",
    "وأكد {person} خلال لقائه ب{person2} في {place} أن الحوار مستمر.",
    "وكانت {country} قد اقترحت على {org} توقيع اتفاقية جديدة للتعاون.",
    "وقال متحدث باسم {org} للصحفيين إن الاجتماع المقبل سيعقد في {place}.",
    "ويندرج اللقاء ضمن {event} الذي انطلق العام الماضي.",
    "ونقلت وكالات الأنباء عن {person} قوله إن ل{country} مصالح يجب احترامها.",
]
EN_TEMPLATES = [
    "{person} said {country} would make no concessions in the talks with {place}.",
    "{person} told {person2} in {place} that the dialogue would continue.",
    "{country} had proposed that {org} sign a new cooperation agreement.",
    "A spokesperson for {org} told reporters the next meeting would be held in {place}.",
    "The meeting is part of the {event}, launched last year.",
    "Agencies quoted {person} as saying that {country}'s interests must be respected.",
]


@dataclass
class SyntheticEntity:
    """One generated entry: id, kind (person, organisation, country, place, event), names."""

    id: str
    kind: str
    ar: str
    en: str
    ar_aliases: list[str]
    en_aliases: list[str]


def _name(rng: random.Random, used: set[str], syllables: int) -> tuple[str, str]:
    while True:
        parts = [rng.choice(_SYLLABLES) for _ in range(syllables)]
        ending = rng.choice(_ENDINGS)
        ar = "".join(p[0] for p in parts) + ending[0]
        en = ("".join(p[1] for p in parts) + ending[1]).capitalize()
        if ar not in used and en not in used:
            used.update((ar, en))
            return ar, en


def generate_entities(count: int, seed: int = 1) -> list[SyntheticEntity]:
    """``count`` entities, a fifth of each kind, each with two or three aliases a language."""
    rng = random.Random(seed)
    used: set[str] = set()
    kinds = ["person", "organisation", "country", "place", "event"]
    entities = []
    for index in range(count):
        kind = kinds[index % len(kinds)]
        ar, en = _name(rng, used, 3)
        if kind == "person":
            first = rng.choice(_FIRST)
            entity = SyntheticEntity(f"p{index}", kind, f"{first[0]} {ar}", f"{first[1]} {en}",
                                     [ar], [en])
        elif kind == "organisation":
            entity = SyntheticEntity(f"o{index}", kind, f"هيئة {ar} للتنمية",
                                     f"{en} Development Authority", [f"هيئة {ar}"],
                                     [f"{en} Authority"])
        elif kind == "event":
            entity = SyntheticEntity(f"e{index}", kind, f"مؤتمر {ar} للسلام",
                                     f"{en} Peace Conference", [f"مؤتمر {ar}"],
                                     [f"{en} conference"])
        else:
            entity = SyntheticEntity(f"{kind[0]}{index}", kind, ar, en, [], [])
        entities.append(entity)
    return entities


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def write_registry(folder: Path, entities: list[SyntheticEntity]) -> None:
    """Write ``actors.toml`` and ``events.toml`` for the entities into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    actors, events = [], []
    for e in entities:
        block = (f'[{e.id}]\nname = {{ ar = "{e.ar}", en = "{e.en}" }}\n'
                 f"aliases = {{ ar = {_toml_list(e.ar_aliases)}, "
                 f"en = {_toml_list(e.en_aliases)} }}\n")
        if e.kind == "event":
            events.append(block + "start = 2021-06-16\n")
        else:
            actors.append(block + f'type = "{e.kind}"\n')
    (folder / "actors.toml").write_text("\n".join(actors), encoding="utf-8")
    (folder / "events.toml").write_text("\n".join(events), encoding="utf-8")


def _fill(template: str, rng: random.Random, pools: dict, lang: str) -> str:
    def pick(kind: str) -> str:
        entity = rng.choice(pools[kind])
        names = [entity.ar, *entity.ar_aliases] if lang == "ar" else [entity.en,
                                                                       *entity.en_aliases]
        return rng.choice(names)

    values = {"person": pick("person"), "person2": pick("person"), "country": pick("country"),
              "place": pick("place"), "org": pick("organisation"), "event": pick("event")}
    return template.format(**values)


def article_text(rng: random.Random, pools: dict, lang: str, sentences: int = 18) -> str:
    """About 300 words of news prose in ``lang``, paragraphs of three sentences."""
    templates, filler = (AR_TEMPLATES, AR_FILLER) if lang == "ar" else (EN_TEMPLATES,
                                                                         EN_FILLER)
    lines = []
    for _ in range(sentences):
        if rng.random() < 0.5:
            lines.append(_fill(rng.choice(templates), rng, pools, lang))
        else:
            lines.append(rng.choice(filler))
    return "\n\n".join(" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3))


def write_corpus(content: Path, articles: int, entities: list[SyntheticEntity],
                 seed: int = 1) -> None:
    """Write ``articles`` posts (``articles // 2`` translation pairs) below ``content``.

    :raises ValueError: ``articles`` is odd.
    """
    if articles % 2:
        raise ValueError("articles come in translation pairs: give an even number")
    rng = random.Random(seed)
    pools: dict[str, list[SyntheticEntity]] = {}
    for e in entities:
        pools.setdefault(e.kind, []).append(e)
    start = dt.date(2020, 1, 1)
    for pair in range(articles // 2):
        date = start + dt.timedelta(days=pair % 1500)
        for lang, title in (("ar", f"خبر رقم {pair} عن المفاوضات"),
                            ("en", f"Story number {pair} on the talks")):
            folder = content / lang / str(date.year)
            folder.mkdir(parents=True, exist_ok=True)
            slug = f"story-{pair}" if lang == "en" else f"خبر-{pair}"
            (folder / f"{slug}.md").write_text(
                f"Title: {title}\nDate: {date.isoformat()}\nLang: {lang}\nSlug: {slug}\n"
                f"Translation_key: pair-{pair}\nTags: {'مفاوضات' if lang == 'ar' else 'Talks'}"
                f"\n\n{article_text(rng, pools, lang)}\n", encoding="utf-8")


_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | {site}</title><meta property="og:site_name" content="{site}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{title}","datePublished":"{date}T09:00:00+00:00","inLanguage":"{lang}",
"author":{{"@type":"Person","name":"{author}"}}}}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<main><article><h1>{title}</h1>{paragraphs}<div class="share">Share</div></article></main>
<aside><h2>Most read</h2><ul><li>Another story</li><li>Yet another story</li></ul></aside>
<footer>© 2024 {site}. All rights reserved.</footer></body></html>"""


def write_pages(folder: Path, count: int, entities: list[SyntheticEntity],
                seed: int = 1) -> None:
    """Write ``count`` saved news pages (HTML, both languages alternating) into ``folder``:
    navigation, JSON-LD, a share row, a "most read" box and a footer around the story."""
    rng = random.Random(seed)
    pools: dict[str, list[SyntheticEntity]] = {}
    for e in entities:
        pools.setdefault(e.kind, []).append(e)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        lang = "ar" if number % 2 else "en"
        title = (f"خبر رقم {number} عن المفاوضات الجارية" if lang == "ar"
                 else f"Story number {number} on the continuing talks")
        paragraphs = "".join(f"<p>{p}</p>" for p in
                             article_text(rng, pools, lang).split("\n\n"))
        page = _PAGE.format(lang=lang, title=title, site="Example News",
                            url=f"https://news.example/{number}", author="Jane Doe",
                            date=(dt.date(2021, 1, 1) + dt.timedelta(days=number % 900))
                            .isoformat(), paragraphs=paragraphs)
        (folder / f"page-{number:05d}.html").write_text(page, encoding="utf-8")
