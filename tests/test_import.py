"""The importer on the real seed and on bad input, through the commands editors use."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SEED, invoke, run

from nashra.markdown_writer import escape_markdown, read_metadata
from nashra.slugs import slugify
from nashra.sources import read_copied_text

#: The seed's eleven body paragraphs, by their first words, in order.
SEED_PARAGRAPH_OPENINGS = [
    "قال وزير الخارجية الروسي، سيرغي لافروف",
    "لافروف أضاف في تصريحات نقلتها وسائل إعلام روسية",
    "يشار أن روسيا والولايات المتحدة ستجريان مفاوضات",
    "وكانت روسيا قد اقترحت في وقت سابق",
    "وتهدف هذه الاقتراحات إلى تكثيف التنسيق",
    "بالمقابل قال متحدث باسم مجلس الأمن القومي الأمريكي",
    "وأوضح المتحدث أنه “عندما سنجلس لنتحاور",
    "مسؤول كبير في الإدارة الأمريكية صرح",
    "من جانبه، أكد نائب وزير الخارجية الروسي سيرغي ريابكوف",
    "ويصر الكرملين على أن الغرب وحلف الأطلسي",
    "ومن المزمع أن يشكل الملف الأوكراني محور المحادثات",
]
#: The seed's site chrome: tracking token, ticker label, buttons, widget headings.
SEED_CHROME = ["fbpx", "أخر الأخبار", "اظهر المزيد", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"]
SEED_TITLE = "لافروف يستبق الاجتماع الأمريكي الروسي.. لن نقدم تنازلات من طرف واحد"


def content_folder(path: Path) -> Path:
    """A fresh content folder holding the project's registry, as editors have."""
    shutil.copytree(ROOT / "content" / "registry", path / "registry")
    return path


def posts(content: Path) -> list[Path]:
    return sorted(content.rglob("*.md"))


def import_seed(content: Path, *extra: str, source: Path = SEED):
    if not (content / "registry").exists():
        content_folder(content)
    return run("-m", "nashra.cli", str(source), "--content", str(content), *extra)


def body_paragraphs(post: Path) -> list[str]:
    """The post's body as readers will see it: Markdown → HTML → paragraph texts."""
    html = markdown.Markdown(extensions=["meta"]).convert(post.read_text(encoding="utf-8"))
    return [p.get_text() for p in BeautifulSoup(html, "html.parser").find_all("p")]


@pytest.fixture
def imported(tmp_path) -> Path:
    result = import_seed(tmp_path)
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert len(written) == 1
    return written[0]


def test_seed_metadata(imported):
    meta = read_metadata(imported)
    assert meta["title"] == SEED_TITLE
    assert dt.date.fromisoformat(meta["date"]) == dt.date(2021, 12, 28)
    assert meta["lang"] == "ar"
    assert meta["source"] == "مرصد مينا"
    assert meta["dateline"] == "روسيا"
    assert [t.strip() for t in meta["tags"].split(",")] == [
        "روسيا", "الولايات المتحدة", "الناتو", "أوكرانيا"]
    assert meta["slug"] == "لافروف-يستبق-الاجتماع-الأمريكي-الروسي-لن-نقدم-تنازلات-من-طرف-واحد"
    assert imported.parent.parts[-2:] == ("ar", "2021")


def test_seed_body_every_paragraph_in_order_with_quotes(imported):
    paragraphs = body_paragraphs(imported)
    assert len(paragraphs) == len(SEED_PARAGRAPH_OPENINGS)
    for paragraph, opening in zip(paragraphs, SEED_PARAGRAPH_OPENINGS, strict=True):
        assert paragraph.startswith(opening)
    source_lines = SEED.read_text(encoding="utf-8").splitlines()
    for paragraph in paragraphs:  # each one exactly as in the source, quotes included
        assert paragraph in source_lines
    quotes = "“”"
    assert sum(p.count(q) for p in paragraphs for q in quotes) == sum(
        SEED.read_text(encoding="utf-8").count(q) for q in quotes)


def test_seed_no_chrome_anywhere(imported):
    text = imported.read_text(encoding="utf-8")
    for phrase in SEED_CHROME:
        assert phrase not in text
    assert "fbpx" not in text.lower()


def test_bundled_post_is_what_the_importer_writes(imported):
    bundled = ROOT / "content" / "ar" / "2021" / imported.name
    assert bundled.read_text(encoding="utf-8") == imported.read_text(encoding="utf-8")


def test_reimport_is_idempotent_and_never_overwrites(tmp_path, imported):
    before = imported.read_bytes()
    again = import_seed(tmp_path)
    assert again.returncode == 0
    assert again.stdout == ""
    assert "already imported" in again.stderr
    assert imported.read_bytes() == before

    edited = before.decode("utf-8").replace("Dateline: روسيا", "Dateline: موسكو")
    imported.write_text(edited, encoding="utf-8")
    kept = import_seed(tmp_path)  # the editor's change survives a re-import
    assert kept.returncode == 0 and kept.stdout == ""
    assert imported.read_text(encoding="utf-8") == edited


def test_other_story_with_same_slug_gets_its_own(tmp_path, imported):
    before = imported.read_bytes()
    other = tmp_path / "other" / "copy.txt"
    other.parent.mkdir()
    extra = "\nفقرة إضافية في نهاية الخبر تكفي لتغيير المصدر والنص معا.\n"
    other.write_text(SEED.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = import_seed(tmp_path, "--date", "2021-12-28", "--lang", "ar", source=other)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written != imported and written.stem == imported.stem + "-2"
    assert read_metadata(written)["slug"] == imported.stem + "-2"
    assert imported.read_bytes() == before


def test_force_refreshes_the_body_and_keeps_the_editors_metadata(tmp_path, imported):
    text = imported.read_text(encoding="utf-8")
    head, body = text.split("\n\n", 1)
    head = head.replace("Tags: روسيا,", "Tags: دبلوماسية, روسيا,")
    head = head.replace("Dateline: روسيا", "Dateline: موسكو")
    imported.write_text(f"{head}\nSummary: ملخص كتبه المحرر\n\nنص قديم.\n", encoding="utf-8")
    result = import_seed(tmp_path, "--force")
    assert result.returncode == 0 and Path(result.stdout.strip()) == imported
    meta = read_metadata(imported)
    assert meta["summary"] == "ملخص كتبه المحرر"
    assert meta["dateline"] == "موسكو"
    assert meta["tags"].split(", ")[0] == "دبلوماسية"
    assert "روسيا" in meta["tags"]
    assert imported.read_text(encoding="utf-8").endswith(body)
    assert "نص قديم" not in imported.read_text(encoding="utf-8")


def test_invoke_import_folder(tmp_path):
    result = invoke("import", str(ROOT / "seeds"), "--content", str(content_folder(tmp_path)))
    assert result.returncode == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert len(written) == 1 and written[0].is_file()
    assert read_metadata(written[0])["title"] == SEED_TITLE


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n \t\n"),
    ("image.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4),
    ("random.txt", bytes((i * 131 + 7) % 256 for i in range(4096))),
])
def test_bad_input_fails_naming_the_file_and_writes_nothing(tmp_path, name, data):
    source = tmp_path / "seeds" / name
    source.parent.mkdir()
    source.write_bytes(data)
    content = content_folder(tmp_path / "content")
    for command in (("-m", "nashra.cli", str(source), "--content", str(content),
                     "--date", "2021-12-28"),
                    ("-m", "invoke", "import", str(source), "--content", str(content),
                     "--date", "2021-12-28")):
        result = run(*command)
        assert result.returncode != 0
        assert str(source) in result.stderr
        assert result.stdout == ""
        assert posts(content) == []


def test_folder_with_one_bad_file_imports_the_rest(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("-m", "nashra.cli", str(seeds), "--content",
                 str(content_folder(tmp_path / "content")))
    assert result.returncode == 1
    assert "broken.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_missing_date_is_an_error(tmp_path):
    source = tmp_path / "story.txt"
    shutil.copy(SEED, source)
    result = import_seed(tmp_path / "content", source=source)
    assert result.returncode == 1
    assert str(source) in result.stderr and "date" in result.stderr
    assert posts(tmp_path / "content") == []


def test_english_copied_text_chrome_is_dropped():
    text = "\n".join([
        "utm_x9",
        "Skip to main content",
        "We use cookies to improve your experience on our site. By continuing you accept.",
        "Accept",
        "Home",
        "Latest news",
        "Breaking",
        "Oil prices climb as OPEC+ extends output cuts into spring",
        "Example Wire - Vienna",
        "By Jane Doe",
        "Oil prices rose on Monday after producers agreed to extend cuts.",
        "Share",
        "Analysts said the decision was “widely expected” by markets.",
        "Related stories",
        "Gas prices fall to a two-year low in Europe",
        "Central bank holds rates steady",
        "Traders expect the cuts to hold until April, two analysts said.",
        "Read more",
        "Back to top",
        "Cookie settings",
        "© 2023 Example News. All rights reserved.",
    ])
    extracted = read_copied_text(text, "wire.txt")
    assert extracted.title == "Oil prices climb as OPEC+ extends output cuts into spring"
    assert (extracted.outlet, extracted.dateline) == ("Example Wire", "Vienna")
    assert extracted.byline == "Jane Doe"
    assert extracted.paragraphs == [
        "Oil prices rose on Monday after producers agreed to extend cuts.",
        "Analysts said the decision was “widely expected” by markets.",
        "Traders expect the cuts to hold until April, two analysts said.",
    ]


def test_arabic_copied_text_chrome_is_dropped():
    text = "\n".join([
        "تخطى إلى المحتوى",
        "الرئيسية",
        "عاجل",
        "مصر تعلن خطة جديدة لدعم الزراعة في الصعيد",
        "وكالة الأنباء – القاهرة",
        "بقلم: سامي عبد الله",
        "أعلنت الحكومة المصرية اليوم خطة لدعم المزارعين في محافظات الصعيد.",
        "شارك",
        "اقرأ أيضا",
        "ارتفاع أسعار القطن في الأسواق العالمية",
        "وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة.",
        "مقالات ذات صلة",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
        "جميع الحقوق محفوظة © 2024",
    ])
    extracted = read_copied_text(text, "masr.txt")
    assert extracted.title == "مصر تعلن خطة جديدة لدعم الزراعة في الصعيد"
    assert (extracted.outlet, extracted.dateline, extracted.byline) == (
        "وكالة الأنباء", "القاهرة", "سامي عبد الله")
    assert extracted.paragraphs == [
        "أعلنت الحكومة المصرية اليوم خطة لدعم المزارعين في محافظات الصعيد.",
        "وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة.",
    ]


def test_a_story_about_cookies_keeps_its_paragraphs():
    paragraph = ("Bakers said cookie sales rose by a third this winter, and that customers "
                 "accept higher prices for butter cookies made with local flour, the trade "
                 "association's survey of 400 shops found.")
    extracted = read_copied_text(f"Cookie sales soar in a cold winter\n{paragraph}\n", "c.txt")
    assert extracted.paragraphs == [paragraph]


def test_text_without_headline_is_refused(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text("Menu\nThe minister said on Monday that talks would resume.\n",
                      encoding="utf-8")
    result = import_seed(tmp_path / "content", "--date", "2024-01-01", source=source)
    assert result.returncode == 1 and "no headline" in result.stderr
    assert str(source) in result.stderr


def test_manifest_value_with_line_break_is_refused(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    (seeds / "manifest.toml").write_text(
        f'["{SEED.name}"]\ndate = 2021-12-28\ntags = ["روسيا", "x\\nStatus: draft"]\n',
        encoding="utf-8")
    result = import_seed(tmp_path / "content", source=seeds / SEED.name)
    assert result.returncode == 1 and "line break" in result.stderr
    assert posts(tmp_path / "content") == []


@pytest.mark.parametrize("text", [
    "<script>alert('x')</script> and <b>bold</b>",
    "# not a heading",
    "- not a list",
    "1. not an ordered list",
    "*not emphasis* and _not either_ and `not code`",
    "[not a link](javascript:alert(1))",
    "AT&T &amp; Co",
    "قال: “نعم” – و*لا*",
])
def test_escaped_text_renders_as_itself(text):
    html = markdown.markdown(escape_markdown(text))
    parsed = BeautifulSoup(html, "html.parser")
    assert parsed.get_text().strip() == text
    assert [tag.name for tag in parsed.find_all(True)] == ["p"]


def test_slugs_keep_arabic_words():
    assert slugify("مُحَمَّد يزور القـــاهرة") == "محمد-يزور-القاهرة"
    assert slugify("Lavrov's \u200fwarning: “no concessions”") == "lavrovs-warning-no-concessions"
    assert slugify("!!! ؟؟") .startswith("post-")
    assert len(slugify("كلمة " * 40)) <= 80


def test_source_url_must_be_http(tmp_path):
    result = import_seed(tmp_path, "--source-url", "javascript:alert(1)")
    assert result.returncode == 1 and "http" in result.stderr
    assert posts(tmp_path) == []
    result = import_seed(tmp_path, "--source-url", "https://mena-monitor.example/?p=1")
    assert result.returncode == 0
    assert read_metadata(Path(result.stdout.strip()))["source_url"] == (
        "https://mena-monitor.example/?p=1")


def test_import_fills_actors_and_events_from_the_registry(imported):
    meta = read_metadata(imported)
    actors = [i.strip() for i in meta["actors"].split(",")]
    events = [i.strip() for i in meta["events"].split(",")]
    assert set(actors) >= {"lavrov", "ryabkov", "nato", "osce", "biden", "putin", "geneva",
                           "tass", "afp", "kremlin", "us-national-security-council"}
    assert actors[0] == "lavrov"  # in order of first mention
    assert set(events) == {"us-russia-strategic-stability-talks-2022",
                           "nato-russia-council-2022-01-12",
                           "osce-permanent-council-2022-01-13",
                           "biden-putin-geneva-summit-2021"}


@pytest.mark.parametrize("lang, text, names", [
    ("ar", "تركيا ترحب بالمحادثات الأمريكية الروسية في جنيف\n"
           "قال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده ترحب بالمحادثات في جنيف، "
           "وأضاف أن الأمين العام لحلف الناتو ينس ستولتنبرغ سيزور أنقرة.\n",
     ["مولود جاويش أوغلو", "ينس ستولتنبرغ"]),
    ("en", "Turkey welcomes the US-Russia talks in Geneva\n"
           "Turkish Foreign Minister Mevlut Cavusoglu said on Monday that Ankara welcomed "
           "the talks in Geneva, and that NATO chief Jens Stoltenberg would visit Ankara.\n",
     ["Turkish Foreign Minister Mevlut Cavusoglu", "Ankara", "Jens Stoltenberg"]),
])
def test_import_lists_names_the_registry_lacks(tmp_path, lang, text, names):
    source = tmp_path / "story.txt"
    source.write_text(text, encoding="utf-8")
    result = import_seed(tmp_path / "content", "--date", "2022-01-09", "--lang", lang,
                         source=source)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "not in the registry" in line)
    assert line.split(": ", 1)[1].split(" | ") == names
    meta = read_metadata(Path(result.stdout.strip()))
    assert {"geneva", "nato"} <= {i.strip() for i in meta["actors"].split(",")}


def test_another_language_is_a_clear_error(tmp_path):
    source = tmp_path / "fr.txt"
    source.write_text(
        "Le gouvernement annonce un plan pour les transports publics\n"
        "Le gouvernement a présenté lundi un plan de rénovation des lignes de train "
        "et de bus dans les grandes villes du pays, selon le ministre.\n", encoding="utf-8")
    result = import_seed(tmp_path / "content", "--date", "2024-01-01", source=source)
    assert result.returncode == 1
    assert str(source) in result.stderr and "language" in result.stderr
    assert posts(tmp_path / "content") == []


def test_same_page_saved_twice_is_found_by_its_canonical_url(tmp_path):
    page = ROOT / "tests" / "fixtures" / "import" / "02-jsonld-graph.html"
    first = import_seed(tmp_path / "content", source=page)
    assert first.returncode == 0, first.stderr
    resaved = tmp_path / "resaved.html"
    resaved.write_text(page.read_text(encoding="utf-8").replace(
        "<footer>", "<div>Subscribe now</div><footer>"), encoding="utf-8")
    again = import_seed(tmp_path / "content", source=resaved)
    assert again.returncode == 0 and again.stdout == ""
    assert "already imported" in again.stderr
    assert len(posts(tmp_path / "content")) == 1


def test_arabic_comma_separates_tags_in_a_post(tmp_path):
    from conftest import build_site, page_file, soup
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "ar" / "2021" / "tags.md").write_text(
        "Title: خبر بوسوم مفصولة بفاصلة عربية\nDate: 2021-12-30\nSlug: وسوم\n"
        "Tags: اقتصاد، طاقة، نفط\n\nنص الخبر.\n", encoding="utf-8")
    output = build_site(tmp_path / "output", content=content)
    page = soup(page_file(output, "ar/2021/12/وسوم/"))
    assert [a.get_text() for a in page.select("ul.tags a")] == ["اقتصاد", "طاقة", "نفط"]


def test_arabic_page_with_an_english_template_declaration_is_arabic(tmp_path):
    page = tmp_path / "page.html"
    fixture = ROOT / "tests" / "fixtures" / "import" / "06-byline-prefix.html"
    page.write_text(fixture.read_text(encoding="utf-8").replace('lang="ar"', 'lang="en"'),
                    encoding="utf-8")
    result = import_seed(tmp_path / "content", source=page)
    assert result.returncode == 0, result.stderr
    assert read_metadata(Path(result.stdout.strip()))["lang"] == "ar"


def test_refresh_merges_lists_whatever_the_case_of_their_keys():
    import datetime as dt

    from nashra.markdown_writer import refresh_post
    from nashra.post import Post

    post = Post(title="T", date=dt.date(2021, 12, 28), lang="en", slug="t",
                paragraphs=["New body."], tags=["Russia"], seed_sha256="b" * 64)
    text = refresh_post("Title: Edited\ntags: Ukraine\nSeed_sha256: aaa\n\nOld body.\n", post)
    assert text == ("Title: Edited\ntags: Ukraine, Russia\nSeed_sha256: " + "b" * 64
                    + "\n\nNew body.\n")
