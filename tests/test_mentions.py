"""Mention matching against a table of sentences of our own, in Arabic and English.

Each row: a sentence and the mentions a reader would mark in it, as (entity id, the
exact characters linked).  Precision and recall over the whole table must reach 0.97.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from nashra.mentions import Matcher, Normalised
from nashra.registry import load_registry

TABLE: list[tuple[str, list[tuple[str, str]]]] = [
    # Arabic: plain names, proclitics (و ف ب ل), ال-aliases with لل
    ("قال لافروف إن موسكو لن تتراجع.", [("lavrov", "لافروف"), ("moscow", "موسكو")]),
    ("التقى بوتين ولافروف في الكرملين.",
     [("putin", "بوتين"), ("lavrov", "ولافروف"), ("kremlin", "الكرملين")]),
    ("ورحب الوزير بلافروف في جنيف.", [("lavrov", "بلافروف"), ("geneva", "جنيف")]),
    ("وجه الرئيس رسالة للناتو.", [("nato", "للناتو")]),
    ("وقال الناتو إن الحلف موحد، والناتو يرفض التهديد.",
     [("nato", "الناتو"), ("nato", "والناتو")]),
    ("اجتمع بايدن وبوتين عبر الفيديو.", [("biden", "بايدن"), ("putin", "وبوتين")]),
    ("فبوتين هو من يقرر.", [("putin", "فبوتين")]),
    ("اتصل الرئيس الفرنسي ببوتين هاتفيا.", [("putin", "ببوتين")]),
    ("تناول اللقاء علاقة أوكرانيا بالناتو.", [("ukraine", "أوكرانيا"), ("nato", "بالناتو")]),
    ("وقدمت روسيا مطالبها للولايات المتحدة.",
     [("russia", "روسيا"), ("united-states", "للولايات المتحدة")]),
    ("وستجري روسيا والولايات المتحدة محادثات.",
     [("russia", "روسيا"), ("united-states", "والولايات المتحدة")]),
    ("وقال إن لروسيا مخاوف مشروعة.", [("russia", "لروسيا")]),
    ("بين روسيا وأوكرانيا حدود طويلة.", [("russia", "روسيا"), ("ukraine", "وأوكرانيا")]),
    # diacritics, tatweel, hamza and alef forms, ة/ه, bidi marks
    ("قالَ لافْرُوفُ إنَّ بلادَه لن تتنازل.", [("lavrov", "لافْرُوفُ")]),
    ("صرح بوتـــين اليوم بأن الوضع خطير.", [("putin", "بوتـــين")]),
    ("زار الوفد اوكرانيا الأسبوع الماضي.", [("ukraine", "اوكرانيا")]),
    ("سافر المبعوث إلى امريكا أمس.", [("united-states", "امريكا")]),
    ("وصل الوزير إلى أميركا فجرا.", [("united-states", "أميركا")]),
    ("اجتمعت منظمه الأمن والتعاون في أوروبا في فيينا.",
     [("osce", "منظمه الأمن والتعاون في أوروبا"), ("vienna", "فيينا")]),
    ("قال \u200fلافروف للصحفيين إن المحادثات صعبة.", [("lavrov", "لافروف")]),
    ("قال بوتن إن بلاده مستعدة.", [("putin", "بوتن")]),
    # longest match, overlapping aliases, multiword names
    ("قال سيرجي لافروف إن الرد سيأتي.", [("lavrov", "سيرجي لافروف")]),
    ("قال سيرغي\nلافروف إن الرد سيأتي.", [("lavrov", "سيرغي\nلافروف")]),
    ("اجتمع حلف شمال الأطلسي في بروكسل.",
     [("nato", "حلف شمال الأطلسي"), ("brussels", "بروكسل")]),
    ("وأصدرت منظمة حلف شمال الأطلسي بيانا.", [("nato", "منظمة حلف شمال الأطلسي")]),
    ("ويصر الكرملين على أن حلف الأطلسي يقترب من حدوده.",
     [("kremlin", "الكرملين"), ("nato", "حلف الأطلسي")]),
    ("توسع حلف الناتو شرقا.", [("nato", "حلف الناتو")]),
    ("سافر الوفد إلى واشنطن العاصمة.", [("washington", "واشنطن العاصمة")]),
    ("قالت وكالة تاس للأنباء إن الموعد تأكد.", [("tass", "وكالة تاس للأنباء")]),
    ("وقال لوكالة تاس إن اليوم الرئيسي هو العاشر.", [("tass", "لوكالة تاس")]),
    ("بحسب فرانس برس فإن المسؤول لم يحدد موعدا.", [("afp", "فرانس برس")]),
    ("قال متحدث باسم مجلس الأمن القومي الأميركي إن الحوار مرحب به.",
     [("us-national-security-council", "مجلس الأمن القومي الأميركي")]),
    ("وقال الاتحاد الروسي في بيان إنه يرفض الاتهامات.", [("russia", "الاتحاد الروسي")]),
    ("أطلق الرئيسان في قمة جنيف حوارا استراتيجيا.",
     [("biden-putin-geneva-summit-2021", "قمة جنيف")]),
    ("ينعقد مجلس الناتو وروسيا في بروكسل.",
     [("nato-russia-council-2022-01-12", "مجلس الناتو وروسيا"), ("brussels", "بروكسل")]),
    ("ويندرج الاجتماع ضمن الحوار الأمني الاستراتيجي بين البلدين.",
     [("us-russia-strategic-stability-talks-2022", "الحوار الأمني الاستراتيجي")]),
    # false friends: words that contain an alias, adjectives, other meanings
    ("قال المسؤول الروسي إن الحكومة الروسية لن ترد.", []),
    ("أكدت الخارجية الأمريكية أن الإدارة الأميركية تدرس الأمر.", []),
    ("عبر المحيط الأطلسي وصلت السفن.", []),
    ("في اليوم التاسع من الشهر صدر القرار.", []),
    ("قالت جنيفر إن الفيلم ناجح.", []),
    ("انتشرت القوات على الحدود الأوكرانية.", []),
    ("قال إن بين الطرفين خلافات كبيرة.", []),
    ("وفي جنيف التقى ريابكوف بنظيرته الأمريكية.",
     [("geneva", "جنيف"), ("ryabkov", "ريابكوف")]),
    ("قال Lavrov إن المحادثات ستبدأ.", [("lavrov", "Lavrov")]),
    # English: case, possessives, apostrophes, hyphens and dashes, variants
    ("Lavrov's remarks angered Washington.", [("lavrov", "Lavrov"), ("washington", "Washington")]),
    ("Lavrov’s deputy, Sergey Ryabkov, said talks would be hard.",
     [("lavrov", "Lavrov"), ("ryabkov", "Sergey Ryabkov")]),
    ("Sergei Lavrov and Sergey Lavrov are the same man.",
     [("lavrov", "Sergei Lavrov"), ("lavrov", "Sergey Lavrov")]),
    ("The NATO-Russia Council will meet on Wednesday.",
     [("nato-russia-council-2022-01-12", "NATO-Russia Council")]),
    ("The NATO–Russia Council met for four hours.",
     [("nato-russia-council-2022-01-12", "NATO–Russia Council")]),
    ("Russian officials said nothing.", []),
    ("The U.S. and Russia disagree.", [("united-states", "U.S."), ("russia", "Russia")]),
    ("Tell us more about the plan.", []),
    ("The US-Russia talks ended without agreement.",
     [("united-states", "US"), ("russia", "Russia")]),
    ("Putin met Biden in Geneva.", [("putin", "Putin"), ("biden", "Biden"), ("geneva", "Geneva")]),
    ("The OSCE Permanent Council met in Vienna.",
     [("osce-permanent-council-2022-01-13", "OSCE Permanent Council"), ("vienna", "Vienna")]),
    ("Members of the Organisation for Security and Co-operation in Europe met.",
     [("osce", "Organisation for Security and Co-operation in Europe")]),
    ("Sergei\nLavrov said the talks were useful.", [("lavrov", "Sergei\nLavrov")]),
    ("A spokesman for the Kremlin said no.", [("kremlin", "Kremlin")]),
    ("The figure was reported by AFP.", [("afp", "AFP")]),
    ("Tass reported the date.", [("tass", "Tass")]),
    ("Genevans voted on Sunday.", []),
    ("Nato allies met.", [("nato", "Nato")]),
    ("Moscow-based analysts were cautious.", [("moscow", "Moscow")]),
    ("Officials in the Biden administration declined to comment.", [("biden", "Biden")]),
    ("The Biden-Putin summit lasted three hours.",
     [("biden-putin-geneva-summit-2021", "Biden-Putin summit")]),
    ("In Brussels, the North Atlantic Treaty Organization met.",
     [("brussels", "Brussels"), ("nato", "North Atlantic Treaty Organization")]),
    ("Vladimir Putin's spokesman spoke.", [("putin", "Vladimir Putin")]),
    ("Ukraine's border is long.", [("ukraine", "Ukraine")]),
    ("Ukrainian troops moved.", []),
    ("Americans are divided.", []),
    ("The United States of America signed.", [("united-states", "United States of America")]),
    ("The National Security Council spokesperson said.",
     [("us-national-security-council", "National Security Council")]),
    ("He flew to Washington, D.C. on Friday.", [("washington", "Washington, D.C.")]),
    ("It is part of the Strategic Stability Dialogue.",
     [("us-russia-strategic-stability-talks-2022", "Strategic Stability Dialogue")]),
    ("The Geneva summit was short.", [("biden-putin-geneva-summit-2021", "Geneva summit")]),
    ("Natori and Moscowitz are surnames.", []),
    ("Trade with Latin America grew.", [("latin-america", "Latin America")]),
    ("وزار الوفد أمريكا اللاتينية.", [("latin-america", "أمريكا اللاتينية")]),
    ("قال لاف\u00adروف إن الوفد جاهز.", [("lavrov", "لاف\u00adروف")]),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.from_registry(load_registry(ROOT / "content" / "registry"))


def test_table_is_large_and_bilingual():
    arabic = [s for s, _ in TABLE if any("\u0600" <= ch <= "\u06ff" for ch in s)]
    assert len(TABLE) >= 60 and len(arabic) >= 30 and len(TABLE) - len(arabic) >= 25


def test_precision_and_recall_over_the_table(matcher):
    found_total = expected_total = hits = 0
    misses = []
    for sentence, expected in TABLE:
        found = [(m.entity, m.text) for m in matcher.find(sentence)]
        for mention in found:
            assert sentence[sentence.index(mention[1]):].startswith(mention[1])
        right = sum(min(found.count(e), expected.count(e)) for e in set(expected))
        hits += right
        found_total += len(found)
        expected_total += len(expected)
        if sorted(found) != sorted(expected):
            misses.append((sentence, found, expected))
    precision = hits / found_total
    recall = hits / expected_total
    assert precision >= 0.97 and recall >= 0.97, (precision, recall, misses)


def test_offsets_point_at_the_original_characters(matcher):
    text = "قالَ لافْرُوفُ و\u200fبوتـــين\nفي جنيف"
    for mention in matcher.find(text):
        assert text[mention.start:mention.end] == mention.text
    # the RLM is invisible: readers see the word وبوتين, proclitic and all
    assert [m.text for m in matcher.find(text)] == ["لافْرُوفُ", "و\u200fبوتـــين", "جنيف"]


def test_normalised_offsets_map_back():
    original = "أَحْمَد  ـ\u200fقال"
    norm = Normalised.of(original)
    assert norm.text == "احمد  قال"
    start = norm.text.index("قال")
    assert original[norm.start(start):norm.end(start + 3)] == "قال"
