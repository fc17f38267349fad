"""What the decision card shows of the channels (``game.sim.channel_preview``) is the engine's
own number: per channel its purpose fit, for the chosen ones ``channels_fit``, and what the
round then records for the initiative."""

from __future__ import annotations

from itertools import combinations

import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.sim.channel_preview import channel_fits, chosen_fit, percent
from game.sim.engine import channels_fit, new_game, purpose_fit, resolve_round
from game.sim.rules import compile_rules
from game.sim.state import Decisions, InitiativeDecision

SHIPPED = (
    "gemeente-middelgroot",
    "raadsgriffie",
    "grote-stad",
    "politieregio",
    "provincie-weidemark",
)


def _states(scenario, rounds: int = 8):
    """The first round's state, and later ones that the best bot reached: relations that are
    conversing (others' platforms count extra) and development that raised a purpose."""
    state = new_game(scenario, 5)
    bot = Bot("best", 5)
    yield state
    for _ in range(rounds):
        if state.finished:
            return
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, state.rng())
        yield state


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_each_channel_shows_the_engines_purpose_fit(scenario_id: str) -> None:
    """For every initiative of the scenario and every channel, in the first round and later
    ones, the fit the card shows equals the engine's purpose fit of that channel alone, and
    ``channels_fit`` of that one channel; for pairs, the card's together is ``channels_fit``."""
    scenario = load_scenario(scenario_id)
    rules = compile_rules(scenario)
    ids = [c.id for c in scenario.channels]
    conversing_seen = False
    for state in _states(scenario):
        conversing_seen |= any(p.level >= 3 for p in state.relation_phase.values())
        for initiative in scenario.initiatives:
            info = rules.initiatives[initiative.id]
            fits = channel_fits(state, scenario, initiative.id)
            if not info.purposes:
                assert fits == {}
                assert chosen_fit(state, scenario, initiative.id, (ids[0],)) is None
                continue
            assert set(fits) == set(ids)
            for cid, shown in fits.items():
                engine = purpose_fit(state, rules, info.purposes, (cid,), info.relation)
                assert shown.fit == engine
                assert shown.fit == pytest.approx(channels_fit(state, rules, info, (cid,))[0])
                assert [p for p, _ in shown.per_purpose] == list(info.purposes)
            for pair in combinations(ids, 2):
                together = chosen_fit(state, scenario, initiative.id, pair)
                assert together == channels_fit(state, rules, info, pair)[0]
            assert chosen_fit(state, scenario, initiative.id, ()) == 0.0
    assert conversing_seen, "no state with a conversing relation: the bonus went untested"


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_the_round_records_the_fit_the_card_showed(scenario_id: str) -> None:
    """The card's number for the chosen channels is what the outcome then counts and shows."""
    scenario = load_scenario(scenario_id)
    state = new_game(scenario, 2)
    ids = [c.id for c in scenario.channels if c.requires is None][:2]
    bot = Bot("best", 2)
    planned = bot.decide(state, scenario)
    decisions = Decisions(
        initiatives=tuple(
            InitiativeDecision(d.initiative, d.role, tuple(ids[: 1 + i % 2]), None)
            for i, d in enumerate(planned.initiatives)
        ),
        actions=(),
    )
    shown = {
        d.initiative: chosen_fit(state, scenario, d.initiative, d.channels)
        for d in decisions.initiatives
    }
    after, _ = resolve_round(state, decisions, scenario, state.rng())
    for outcome in after.history[-1].outcomes:
        assert outcome.channel_fit == shown[outcome.initiative]
        if outcome.channel_fit is not None:
            assert percent(outcome.channel_fit) == int(outcome.channel_fit * 100 + 0.5)


def test_one_channel_for_everything_falls_short() -> None:
    """The lesson the card makes visible: somewhere in a game, the channel that serves one
    purpose best leaves another purpose short, and a second channel lifts the together."""
    scenario = load_scenario("grote-stad")
    state = new_game(scenario, 1)
    lifted = 0
    for initiative in scenario.initiatives:
        fits = channel_fits(state, scenario, initiative.id)
        if len(initiative.purposes) < 2 or not fits:
            continue
        best = max(fits.values(), key=lambda f: f.fit)
        pairs = [
            chosen_fit(state, scenario, initiative.id, (best.channel, other))
            for other in fits
            if other != best.channel
        ]
        lifted += max(pairs) > best.fit
    assert lifted > 0
