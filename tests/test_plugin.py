"""The Pelican plugin's pieces on their own: the edition reader and the templates' gettext."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from jinja2 import DictLoader, Environment, FileSystemBytecodeCache
from markupsafe import Markup
from nashra_site.editions import EditionMarkdownReader
from nashra_site.i18n import cached_gettext, compiled_template_cache, load_catalog
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

# Posts that leave state in a Markdown instance (footnotes, reference links,
# abbreviations, metadata) next to posts that would pick it up if it leaked.
POSTS = {
    "a.md": ("Title: A\nDate: 2022-01-10\nLang: en\nSummary: The *talks* open.\n"
             "Tags: NATO, Russia\n\nNATO met[^1] in [Geneva][g].\n\n"
             "[^1]: On 12 January.\n[g]: https://example.org/geneva\n"
             "*[NATO]: North Atlantic Treaty Organization\n"),
    "b.md": "Title: B\nDate: 2022-01-11\nLang: en\n\nNATO met[^1] in [Geneva][g].\n",
    "c.md": ("Title: C\nDate: 2022-01-12\nLang: en\nTags: one,\n    two\n"
             "Author: X\nAuthor: Y\n\nNote: a colon.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
    "d.md": "Just text: no metadata block.\n\nSecond paragraph.\n",
    "e.md": ("Title: ألف\nDate: 2022-01-13\nLang: ar\nTags: روسيا، الناتو\n"
             "Summary: قال **لافروف**\n\nنص.\n"),
}


@pytest.fixture
def reader_settings(tmp_path):
    folder = tmp_path / "en"
    folder.mkdir()
    for name, text in POSTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return read_settings(str(ROOT / "pelicanconf.py"),
                         override={"PATH": str(tmp_path), "DEFAULT_LANG": "en"})


def test_one_reused_markdown_instance_reads_each_post_as_pelican_does(reader_settings):
    """The edition reader converts every post with one ``Markdown`` instance; each
    post must read exactly as with Pelican's reader (a new instance per post), in any
    order, with nothing of one post (footnotes, links, abbreviations, metadata) in
    the next."""
    ours = EditionMarkdownReader(reader_settings)
    folder = reader_settings["PATH"] + "/en/"
    order = ["a.md", "b.md", "c.md", "a.md", "d.md", "e.md", "b.md", "a.md"]
    results = {}
    for name in order:
        expected = MarkdownReader(reader_settings).read(folder + name)
        content, metadata = ours.read(folder + name)
        expected_content, expected_metadata = expected
        if name == "e.md":  # ours also splits lists on the Arabic comma
            assert [str(t) for t in metadata["tags"]] == ["روسيا", "الناتو"]
            expected_metadata["tags"] = metadata["tags"]
        assert (content, metadata) == (expected_content, expected_metadata), name
        results[name] = content, metadata
    a, b = results["a.md"][0], results["b.md"][0]
    assert "https://example.org/geneva" in a and "<abbr" in a and "footnote" in a
    assert "example.org" not in b and "<abbr" not in b and "footnote" not in b
    assert results["a.md"][1]["summary"] == "<p>The <em>talks</em> open.</p>"
    assert results["e.md"][1]["summary"] == "<p>قال <strong>لافروف</strong></p>"
    assert "title" not in results["d.md"][1] and "<table>" in results["c.md"][0]


def test_other_editions_posts_are_read_by_their_metadata_block(reader_settings):
    """In the Arabic run, the English posts give their metadata and no content."""
    reader_settings["DEFAULT_LANG"] = "ar"
    content, metadata = EditionMarkdownReader(reader_settings).read(
        reader_settings["PATH"] + "/en/a.md")
    assert content == "" and metadata["title"] == "A" and "summary" not in metadata
    assert [str(t) for t in metadata["tags"]] == ["NATO", "Russia"]


def catalog_messages(lang: str) -> list[str]:
    from babel.messages.pofile import read_po

    path = ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as handle:
        return [m.id for m in read_po(handle) if m.id and isinstance(m.id, str)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_cached_gettext_renders_as_jinjas_newstyle_gettext(lang):
    """Every message of the theme, with a hostile value for its placeholders, renders
    the same through :func:`cached_gettext` as through Jinja's own gettext."""
    catalog = load_catalog(str(ROOT / "theme"), "translations", "messages", lang)
    jinja = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    jinja.install_gettext_translations(catalog, newstyle=True)
    fast = cached_gettext(catalog)
    value = '<b>"x" & 5%</b>'
    messages = [*catalog_messages("ar"), "100%% sure", "Plain"]
    assert len(messages) > 20
    for message in messages:
        names = dict.fromkeys(re.findall(r"%\((\w+)\)", message), value)
        for _ in range(2):  # the second time from the cache
            expected = jinja.from_string("{{ _(m, **v) }}").render(m=message, v=names)
            assert str(fast(message, **names)) == expected, message
            if "%(" not in message:
                expected = jinja.from_string("{{ _(m) }}").render(m=message)
                assert isinstance(fast(message), Markup) and fast(message) == expected
    if lang == "ar":
        assert fast("Tags") == "الوسوم"


def test_compiled_templates_are_cached_per_environment_options(tmp_path):
    """A template compiled without autoescaping must not be reused by an environment
    that autoescapes (Jinja's own cache keys know only the template's source)."""
    hostile = "<img src=x onerror=alert(1)>"

    def render(cache_dir, autoescape, cache=compiled_template_cache):
        env = Environment(loader=DictLoader({"tag.html": "<li>{{ tag }}</li>"}),
                          autoescape=autoescape, trim_blocks=True)
        env.bytecode_cache = cache(env)
        env.bytecode_cache.directory = str(cache_dir)
        return env.get_template("tag.html").render(tag=hostile)

    ours = tmp_path / "ours"
    ours.mkdir()
    assert render(ours, autoescape=False) == f"<li>{hostile}</li>"
    assert render(ours, autoescape=True) == "<li>&lt;img src=x onerror=alert(1)&gt;</li>"
    assert render(ours, autoescape=True) == "<li>&lt;img src=x onerror=alert(1)&gt;</li>"
    assert len(list(ours.iterdir())) == 2  # one compiled template per set of options
    # The hazard: Jinja's cache without the options in its key serves the first one.
    plain = tmp_path / "plain"
    plain.mkdir()
    render(plain, autoescape=False, cache=lambda env: FileSystemBytecodeCache())
    assert render(plain, autoescape=True,
                  cache=lambda env: FileSystemBytecodeCache()) == f"<li>{hostile}</li>"
