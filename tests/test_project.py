"""The project's own promises: quick start, CI, translation catalogs."""

from __future__ import annotations

import re

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)[1]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_has_two_quick_start_commands_and_ci_runs_the_test_one():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "invoke build" in commands[0] and "invoke test" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci


def test_every_template_string_has_an_arabic_translation():
    templates = ROOT / "theme" / "templates"
    extracted = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(templates),
            method_map=[("**.html", "jinja2")],
            options_map={"**.html": {"extensions": "jinja2.ext.i18n",
                                     "trim_blocks": "True", "lstrip_blocks": "True"}},
        )
    }
    in_templates = set()
    for path in templates.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        in_templates.update(re.findall(r"\b_\('([^']+)'", text))
        in_templates.update(re.findall(r"\bngettext\('([^']+)',\s*'([^']+)'", text))
    assert extracted == in_templates  # the extractor skipped no template
    with open(ROOT / "theme/translations/ar/LC_MESSAGES/messages.po", "rb") as handle:
        catalog = read_po(handle, locale="ar")
    def translated(msgid) -> bool:
        message = catalog.get(msgid)
        if message is None:
            return False
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        return all(forms) and "fuzzy" not in message.flags

    missing = sorted(str(m) for m in extracted if not translated(m))
    assert missing == []
