"""Messages for trainers in Dutch and English (issue 20, item 6): every message has its Dutch,
keeps its placeholders, and a message put inside another follows the reader's language."""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from game.said import LOCALE_DIR, Aside, catalogue, said
from game.scenario.errors import ScenarioError
from game.scenario.glyphs import missing
from game.scenario.loader import load_scenario
from tests.conftest import ROOT

SOURCES = [ROOT / "game" / "scenario", ROOT / "game" / "cli"]
BROKEN = ROOT / "tests" / "scenarios" / "broken"
_PLACEHOLDER = re.compile(r"(?<!{){(\w+)(?::[^}]*)?}(?!})")


def _said_in_code() -> set[str]:
    found = {
        message
        for folder in SOURCES
        for _, _, message, *_ in extract_from_dir(
            folder, method_map=[("**.py", "python")], keywords={"said": None}, comment_tags=()
        )
        if isinstance(message, str)
    }
    return found


def test_every_message_for_trainers_has_its_dutch() -> None:
    found = _said_in_code()
    assert len(found) > 100
    untranslated = sorted(found - set(catalogue("nl")))
    assert untranslated == [], f"add these to {LOCALE_DIR / 'nl.po'} (make messages)"


def test_the_dutch_keeps_every_placeholder_and_the_font_draws_it() -> None:
    for english, dutch in catalogue("nl").items():
        assert set(_PLACEHOLDER.findall(english)) == set(_PLACEHOLDER.findall(dutch)), english
        assert not missing(dutch), dutch


def test_a_message_inside_a_message_follows_the_language() -> None:
    hint = said(" — did you mean '{name}'?", name="title")
    message = said("unknown field '{name}'{hint}", name="titel", hint=hint)
    assert message == "unknown field 'titel' — did you mean 'title'?"
    assert message.into("nl") == "onbekend veld 'titel' — bedoel je 'title'?"
    for copied in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert copied.into("nl") == message.into("nl")


def test_an_english_aside_is_left_out_of_a_dutch_message() -> None:
    message = said(
        "'{name}' is required but missing{meaning}",
        name="title",
        meaning=Aside(" — {meaning}", meaning="The scenario's title."),
    )
    assert message.endswith("missing — The scenario's title.")
    assert message.into("nl") == "'title' is verplicht, maar ontbreekt"


@pytest.mark.parametrize("source", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_message_of_the_broken_corpus_is_said_in_dutch(source: Path) -> None:
    """No English sentence in a Dutch message: each problem of every broken file in the corpus
    comes out of the catalogue, not out of the parser or pydantic."""
    try:
        load_scenario(source)
    except ScenarioError as error:
        problems = error.problems
    else:
        pytest.skip("loads")
    for problem in problems:
        english, dutch = problem.text("en"), problem.text("nl")
        assert dutch != english, english
        for word in (" the ", " is required", " must ", " expected ", " cannot "):
            assert word not in dutch.split(": ", 1)[-1], dutch


def test_the_scenario_list_shows_a_broken_file_in_the_interfaces_language() -> None:
    from game.ui.scenes.start.scenario_list import problem_lines

    with pytest.raises(ScenarioError) as refused:
        load_scenario(BROKEN / "misspelt_field.yaml")
    (english,) = problem_lines(refused.value, "en")
    (dutch,) = problem_lines(refused.value, "nl")
    assert "unknown field 'intiatives' — did you mean 'initiatives'?" in english
    assert "onbekend veld 'intiatives' — bedoel je 'initiatives'?" in dutch
    assert english.split(": ")[:2] == dutch.split(": ")[:2]  # the same line and field


def test_every_message_of_the_editor_corpus_is_said_in_dutch() -> None:
    """The cases an editor and the game must agree on (quoted numbers, truth values, versions
    as numbers …) are refused in Dutch too, never with an English sentence."""
    from game.scenario.loader import read_scenario
    from tests.helpers.editor_corpus import CASES

    refused = 0
    for case in CASES:
        if case.valid:
            continue
        try:
            read_scenario(case.text.encode("utf-8"), Path(f"{case.name}.yaml"))
        except ScenarioError as error:
            refused += 1
            for problem in error.problems:
                assert problem.text("nl") != problem.text("en"), (case.name, str(problem))
    assert refused > 20


def test_new_speaks_dutch(tmp_path: Path) -> None:
    import io

    from game.cli import main

    out = io.StringIO()
    target = tmp_path / "dijken.yaml"
    assert (
        main(["new", "dijken", "--kind", "water_board", "--out", str(target), "--lang", "nl"], out)
        == 0
    )
    assert out.getvalue().startswith(
        f"{target} geschreven\n  controleren:  python main.py validate"
    )
    out = io.StringIO()
    assert main(["new", "dijken", "--out", str(target), "--lang", "nl"], out) == 1
    assert "bestaat al; niet overschreven" in out.getvalue()
