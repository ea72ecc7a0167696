"""Registry validation: every error names the file, the entry and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from nashra.registry import RegistryError, load_registry

GOOD_ACTOR = '''
[{id}]
type = "person"
name = {{ ar = "{ar}", en = "{en}" }}
'''


def registry(tmp_path: Path, actors: str, events: str = "") -> Path:
    (tmp_path / "actors.toml").write_text(actors, encoding="utf-8")
    (tmp_path / "events.toml").write_text(events, encoding="utf-8")
    return tmp_path


def test_project_registry_is_valid_and_covers_the_seed():
    reg = load_registry(ROOT / "content" / "registry")
    for actor in ("lavrov", "ryabkov", "biden", "putin", "us-national-security-council",
                  "nato", "osce", "tass", "afp", "russia", "united-states", "ukraine",
                  "geneva", "moscow", "washington", "kremlin"):
        assert actor in reg.actors
        assert set(reg.actors[actor].names) == {"ar", "en"}
    nato_ar = {a.text for a in reg.actors["nato"].aliases if a.lang == "ar"}
    assert {"الناتو", "حلف شمال الأطلسي", "حلف الأطلسي"} <= nato_ar
    assert {a.text for a in reg.actors["osce"].aliases} >= {"منظمة الأمن والتعاون في أوروبا"}
    events = reg.events
    assert events["us-russia-strategic-stability-talks-2022"].start.isoformat() == "2022-01-10"
    assert events["nato-russia-council-2022-01-12"].start.isoformat() == "2022-01-12"
    assert events["osce-permanent-council-2022-01-13"].start.isoformat() == "2022-01-13"
    summit = events["biden-putin-geneva-summit-2021"]
    assert (summit.start.year, summit.start.month, summit.place) == (2021, 6, "geneva")


@pytest.mark.parametrize("actors, events, expected", [
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + GOOD_ACTOR.format(id="a", ar="ب", en="B"),
     "", ["actors.toml", "line"]),
    (GOOD_ACTOR.format(id="a", ar="لافروف", en="Lavrov"), '''
[a]
name = { en = "Event A" }
start = 2022-01-01''', ["events.toml", "'a'", "already used"]),
    (GOOD_ACTOR.format(id="a", ar="لافروف", en="Lavrov")
     + GOOD_ACTOR.format(id="b", ar="لاڤروف", en="S. Lavrov")
     + 'aliases = { ar = ["لافروفْ"] }\n', "", ["actors.toml", "'b'", "'aliases'", "'a'"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha"), '''
[talks]
name = { en = "Talks" }
start = 2022-01-10
participants = ["a", "nobody"]''', ["events.toml", "'talks'", "'participants'", "'nobody'"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha"), '''
[talks]
name = { en = "Talks" }
start = 2022-01-10
end = 2022-01-09''', ["events.toml", "'talks'", "'end'", "before"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha"), '''
[talks]
name = { en = "Talks" }
start = "next Tuesday"''', ["events.toml", "'talks'", "'start'", "date"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + 'aliases = { en = ["US"] }\n', "",
     ["actors.toml", "'a'", "'aliases'", "function word", "exact"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + 'aliases = { ar = ["مِن"] }\n', "",
     ["actors.toml", "'a'", "function word"]),
    ('[a]\ntype = "person"\nname = { ar = "أ", fr = "A" }\n', "",
     ["actors.toml", "'a'", "'name'", "'fr'"]),
    ('[a]\ntype = "robot"\nname = { en = "A" }\n', "", ["actors.toml", "'type'", "robot"]),
    ('[Bad_Id]\ntype = "person"\nname = { en = "A" }\n', "", ["actors.toml", "Bad_Id"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + 'wikidata = "7747"\n', "",
     ["actors.toml", "'wikidata'"]),
])
def test_invalid_registry_names_file_entry_and_field(tmp_path, actors, events, expected):
    with pytest.raises(RegistryError) as error:
        load_registry(registry(tmp_path, actors, events))
    for part in expected:
        assert part in str(error.value)


def test_exact_function_word_alias_is_accepted_in_english(tmp_path):
    reg = load_registry(registry(
        tmp_path, GOOD_ACTOR.format(id="usa", ar="أمريكا", en="America")
        + 'exact = { en = ["US"] }\n'))
    assert any(a.exact and a.text == "US" for a in reg.actors["usa"].aliases)


def test_invalid_registry_fails_the_build_naming_the_file(tmp_path):
    from conftest import invoke
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    with open(content / "registry" / "events.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[bad-event]\nname = { en = "Bad" }\nstart = 2022-01-01\n'
                     'participants = ["nobody"]\n')
    result = invoke("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "events.toml" in result.stderr and "bad-event" in result.stderr


TALKS = '[talks]\nname = { en = "Talks" }\nstart = 2022-01-10\n'


@pytest.mark.parametrize("actors, events, expected", [
    ('["abc\\n"]\ntype = "person"\nname = { en = "Abc Person" }\n', "", ["actors.toml", "abc"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + 'exact = { en = ["The"] }\n', "",
     ["actors.toml", "'a'", "function word"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha") + 'aliases = { en = ["-"] }\n', "",
     ["actors.toml", "'a'", "no letter"]),
    (GOOD_ACTOR.format(id="a", ar="وفي", en="Alpha"), "", ["actors.toml", "'a'", "proclitic"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha")
     + GOOD_ACTOR.format(id="b", ar="بيتا", en="Beta") + 'aliases = { en = ["ألفا"] }\n', "",
     ["actors.toml", "'b'", "already an alias of 'a'"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha-Beta")
     + GOOD_ACTOR.format(id="b", ar="بيتا", en="Alpha–Beta"), "",
     ["actors.toml", "'b'", "already an alias of 'a'"]),
    (GOOD_ACTOR.format(id="a", ar="ألفا", en="Alpha"), TALKS + 'participants = ["a", "a"]\n',
     ["events.toml", "'talks'", "'participants'", "twice"]),
])
def test_aliases_that_would_match_everywhere_or_twice_are_refused(tmp_path, actors, events,
                                                                 expected):
    with pytest.raises(RegistryError) as error:
        load_registry(registry(tmp_path, actors, events))
    for part in expected:
        assert part in str(error.value)


def test_an_acronym_named_entity_may_be_exact(tmp_path):
    reg = load_registry(registry(tmp_path, GOOD_ACTOR.format(
        id="who", ar="منظمة الصحة العالمية", en="WHO") + 'exact = { en = ["WHO"] }\n'))
    assert [a.exact for a in reg.actors["who"].aliases if a.text == "WHO"] == [True]
