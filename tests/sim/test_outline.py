"""The scenario outline for trainers (``game/sim/outline.py``): what a game of a length brings."""

from __future__ import annotations

import re

import pytest

from game.labels import label
from game.scenario.condition_words import condition_words
from game.scenario.loader import load_scenario, scenario_path
from game.scenario.models import Condition, Scenario
from game.sim.length import played_scenario, rounds_played
from game.sim.outline import outline
from game.sim.rules import compile_rules


@pytest.fixture(scope="module")
def middelgroot() -> Scenario:
    return load_scenario(scenario_path("gemeente-middelgroot"))


@pytest.fixture(scope="module")
def grote_stad() -> Scenario:
    return load_scenario(scenario_path("grote-stad"))


def _listed_ids(text: str) -> set[str]:
    """The ids of the cards the outline lists as items (``  - 'Title' [id]``)."""
    return set(re.findall(r"^  - '.*' \[([a-z][a-z0-9_-]*)\]$", text, re.MULTILINE))


def _item(text: str, thing_id: str) -> list[str]:
    """The lines under the item that lists ``thing_id`` (``  - 'Title' [id]``), stripped."""
    found = re.search(rf"^  - '.*' \[{re.escape(thing_id)}\]\n((?:      .*\n?)*)", text, re.M)
    assert found is not None, thing_id
    return [line.strip() for line in found.group(1).splitlines()]


def test_a_short_game_lists_every_card_it_plays_and_none_it_leaves_out(
    middelgroot: Scenario,
) -> None:
    played = played_scenario(middelgroot, "short")
    text = outline(middelgroot, "short", "en")
    listed = _listed_ids(text)
    kept = {i.id for i in played.initiatives}
    left_out = {i.id for i in middelgroot.initiatives} - kept
    assert left_out, "the short game should leave some initiatives out"
    assert kept <= listed
    assert not left_out & listed
    for initiative in played.initiatives:
        assert f"'{initiative.title.get('en')}' [{initiative.id}]" in text
    rounds = rounds_played(middelgroot, "short")
    assert rounds < middelgroot.rounds
    assert f"{rounds} rounds, each a quarter" in text
    assert f"\nQuarter {rounds} (" in text and f"\nQuarter {rounds + 1}" not in text


def test_each_card_names_the_best_role_the_rules_compute(middelgroot: Scenario) -> None:
    text = outline(middelgroot, "full", "en")
    rules = compile_rules(middelgroot).initiatives
    for initiative in middelgroot.initiatives:
        best = " / ".join(label(role, "en") for role in rules[initiative.id].best)
        line = _item(text, initiative.id)[0]
        assert line.endswith((f"best role: {best}", f"best roles: {best}")), line


def test_a_card_with_its_own_role_fit_says_so(grote_stad: Scenario) -> None:
    text = outline(grote_stad, "full", "en")
    own = [i for i in grote_stad.initiatives if i.role_fit is not None]
    table = [i for i in grote_stad.initiatives if i.role_fit is None]
    assert own and table
    for initiative in own:
        line = _item(text, initiative.id)[0]
        assert line.endswith("(own role fit, not the table)"), line
    assert "own role fit" not in _item(text, table[0].id)[0]


def test_stages_show_what_they_grow_or_wither_from(middelgroot: Scenario) -> None:
    text = outline(middelgroot, "full", "en")
    assert (
        "grows into 'The garden wants the green strip too' [moestuin_groen], withers into "
        "'The vacant lot becomes a dumping ground' [veldje_stort]" in text
    )
    garden = "'A vegetable garden in the Bird Quarter' [buurtmoestuin]"
    assert f"stage 2 of an arc, if {garden} grows" in text


def test_news_lists_its_condition_its_effects_and_what_it_brings(middelgroot: Scenario) -> None:
    text = outline(middelgroot, "full", "en")
    news = text.split("News that may come\n", 1)[1]
    event = middelgroot.event("vertrek_enthousiasteling")
    assert event.when is not None and event.when.round_at_least is not None
    assert f"from quarter {event.when.round_at_least} on; chance {event.probability:.0%}" in news
    assert "skill -8" in news
    assert _item(text, "storm")[1] == (
        "brings 'Crisis communication after the storm' [storm_communicatie]"
    )


def test_channels_and_actions_say_what_opens_them_and_what_they_cost(
    middelgroot: Scenario,
) -> None:
    text = outline(middelgroot, "full", "en")
    channels = text.split("\nChannels\n", 1)[1].split("\nDevelopment actions\n", 1)[0]
    assert "opens for 6 h, when: relation resident at least experimenting" in channels
    assert "opened by the action 'Co-creation' [co_creatieplatform]" in channels
    actions = text.split("\nDevelopment actions\n", 1)[1]
    assert "'Online customer care team' [webcare]: costs 6 h and €10,000" in actions
    assert (
        "can be bought when: competence stage at least consciously incompetent or bought: "
        "'Start memo with the management team'" in actions
    )


def test_the_outline_in_dutch(middelgroot: Scenario) -> None:
    text = outline(middelgroot, "standard", "nl")
    assert "rondes, elk een kwartaal" in text
    assert "\nKwartaal 1 (kwartaal 1 van het hele spel)\n  Initiatieven:" in text
    assert "\nOntwikkelacties\n" in text and "\nKanalen\n" in text
    assert "beste rol: " in text and "best role" not in text


def test_condition_words_join_parts_and_keep_alternatives_apart(middelgroot: Scenario) -> None:
    condition = Condition.model_validate(
        {
            "round_at_least": 3,
            "indicator_below": {"trust": 40},
            "any_of": [{"action_done": "startnotitie"}, {"phase_at_least": "experimenting"}],
        }
    )
    assert condition_words(condition, middelgroot, "en") == (
        "from quarter 3 on and trust below 40 and (bought: 'Start memo with the management "
        "team' or growth phase at least experimenting)"
    )
    assert condition_words(None, middelgroot, "nl") == "altijd"
