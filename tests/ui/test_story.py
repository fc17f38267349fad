"""The outcome screen's story (``game.ui.story``), worked out without a window (issue 10).

The scenario's own words as the headline, nothing dropped, drift folded into one line, signs by
meaning, and a prediction judged in words that fit."""

from __future__ import annotations

import pytest

from game.domain import Prediction
from game.sim import Bot, Effect, new_game, resolve_round
from game.sim.engine import action_available
from game.ui.i18n import Translator
from game.ui.story import build_story, prediction_line, tone

EN = Translator("en")


def _rounds(scenario, seed: int, strategy: str, count: int):
    state = new_game(scenario, seed)
    rng = state.rng()
    bot = Bot(strategy, seed)
    for _ in range(count):
        before = state
        state, effects = resolve_round(state, bot.decide(state, scenario), scenario, rng)
        yield before, state, effects


def test_signs_follow_the_meaning_not_the_number() -> None:
    risk = Effect("action", "sponsor", "risk", -0.2, "action_risk", {"action": "x"})
    rework = Effect("initiative", "a", "rework", -4.0, "misfit_rework", {})
    grown = Effect("initiative", "a", "b", 0.0, "arc_grows", {})
    drift = Effect("drift", "trust", "trust", -1.0, "drift_trust", {})
    assert tone(risk) == "good"  # "less chance of stumbling" is good news
    assert tone(rework) == "bad"
    assert tone(grown) == "good"
    assert tone(drift) == "bad"


@pytest.mark.parametrize("strategy", ["best", "random"])
def test_the_story_drops_nothing_and_uses_the_scenarios_words(
    default_scenario, strategy: str
) -> None:
    for _, state, effects in _rounds(default_scenario, 3, strategy, 12):
        outcomes = state.history[-1].outcomes
        steps = build_story(effects, outcomes, default_scenario, "en", EN)
        told = [e for step in steps for e in step.effects]
        assert sorted(map(id, told)) == sorted(map(id, effects)), "every effect, exactly once"
        for outcome, step in zip(outcomes, steps, strict=False):
            own = default_scenario.initiative(outcome.initiative).outcomes.for_role(outcome.role)
            assert step.kind == "initiative"
            if own is None:
                assert step.headline is None
            else:  # the scenario's words; "how it could have gone" after a stumble
                said = own.get("en")
                assert step.headline is not None and step.headline.endswith(said[1:])
        drift = [step for step in steps if step.kind == "drift"]
        assert len(drift) <= 1 and (not drift or len(drift[0].lines) == 1), "drift is one line"
        kinds = [step.kind for step in steps]
        if "milestone" in kinds:
            assert kinds[-1] == "milestone" and kinds.count("milestone") == 1


def test_a_trap_says_why_in_the_scenarios_words(default_scenario) -> None:
    trap = next(a for a in default_scenario.actions if a.trap is not None)
    state = new_game(default_scenario, 1)
    rng = state.rng()
    bot = Bot("best", 1)
    while not action_available(state, trap):
        state, _ = resolve_round(state, bot.decide(state, default_scenario), default_scenario, rng)
    decisions = bot.decide(state, default_scenario)
    decisions = type(decisions)(decisions.initiatives, (trap.id,))
    after, effects = resolve_round(state, decisions, default_scenario, rng, check=False)
    steps = build_story(effects, after.history[-1].outcomes, default_scenario, "nl", EN)
    step = next(s for s in steps if s.kind == "action")
    assert step.headline == trap.trap.get("nl")  # type: ignore[union-attr]
    assert step.tone == "bad"


def test_an_opposite_prediction_is_not_called_close() -> None:
    outcome = type("O", (), {})()
    for predicted, verdict, word in (
        (Prediction.WELL, Prediction.BADLY, "opposite"),
        (Prediction.BADLY, Prediction.WELL, "opposite"),
        (Prediction.WELL, Prediction.MIXED, "close"),
        (Prediction.MIXED, Prediction.MIXED, "right"),
    ):
        outcome.prediction, outcome.verdict = predicted, verdict
        line = prediction_line(outcome, EN)  # type: ignore[arg-type]
        assert line is not None and word in line.text
