"""Three teams on one laptop play every shipped scenario at every length to a sound end, through
the controller as the tour and the scenes drive it (issue 17: the tour's workshop part crashed in
a short game of the clerk's office, and was refused "29 hours; this round has 24" in a standard
game of Middelgroot).

As the tour does, a game is played first and the teams then start from the scenario the
controller holds, which is the one the first game played; then the facilitator brings in news
for the first team, and every team's bot plans within the hours the core gives.
"""

from __future__ import annotations

import pytest

from game.domain import GameLength
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.scenario.models import Scenario
from game.sim import STRATEGIES, Bot
from game.sim.facilitator import injectable_events
from game.sim.length import played_scenario
from game.ui.controller import GameController
from tests.helpers.games import assert_sound_end

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
TEAMS = ["Team Rood", "Team Blauw", "Team Groen"]
# The tour's three teams first, then every other strategy, three at a time.
TOURS_TEAMS = ("best", "random", "participating")
OTHERS = [s for s in STRATEGIES if s not in TOURS_TEAMS]
# The tour's line-up with several seeds (the tour plays seed 1), every other with one.
GAMES = [(TOURS_TEAMS, seed) for seed in (1, 2, 3)] + [
    (tuple(OTHERS[i : i + 3]), 4) for i in range(0, len(OTHERS), 3)
]


@pytest.fixture(scope="module")
def shipped() -> dict[str, Scenario]:
    return {scenario_id: load_scenario(scenario_id) for scenario_id in SCENARIOS}


def first_game(controller: GameController, whole: Scenario, seed: int, length: str) -> None:
    """The tour's own game, before the workshop: the best bot plays it to the end."""
    controller.start(whole, seed, "Team Tour", length=length)
    bot = Bot("best", seed)
    while controller.in_progress:
        controller.apply(bot.decide(controller.state, controller.scenario))
        controller.resolve()


def workshop(controller: GameController, seed: int, line_up: tuple[str, ...], length: str) -> None:
    """Three teams, started from the scenario the controller holds; in round 1 the facilitator
    brings every piece of news with a card into the first team's game."""
    scenario = controller.scenario
    assert scenario is not None
    controller.start_teams(scenario, seed, TEAMS, length=length)
    assert controller.hot_seat
    for event in injectable_events(controller.state, controller.scenario):
        if event.effects.add_initiatives:
            controller.inject(event.id)
    bots = [Bot(name, seed) for name in line_up]
    while (turn := controller.next_turn()) is not None:
        controller.switch_to(turn)
        decisions = bots[turn % len(bots)].decide(controller.state, controller.scenario)
        controller.apply(decisions)
        assert controller.problems() == [], (line_up[turn % len(bots)], controller.state.round)
        controller.resolve()


@pytest.mark.parametrize("length", list(GameLength), ids=lambda length: length.value)
@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_three_teams_play_every_length_to_a_sound_end(
    shipped: dict[str, Scenario], scenario_id: str, length: GameLength
) -> None:
    whole = shipped[scenario_id]
    played = played_scenario(whole, length)
    for line_up, seed in GAMES:
        controller = GameController()
        first_game(controller, whole, seed, length.value)
        workshop(controller, seed, line_up, length.value)
        assert controller.scenario is played, "the teams play the length chosen, once"
        assert len({seat.game_id for seat in controller.seats}) == len(TEAMS)
        for index in range(len(TEAMS)):
            controller.switch_to(index)
            assert controller.length == length.value
            assert controller.state.length is length
            assert_sound_end(controller.state, played)
