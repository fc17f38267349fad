"""Every explanation agrees in sign with its number and with what happened (issue 9).

Plays every shipped scenario with every built-in strategy over a few seeds and checks every
effect of every round: its sentence's sign (``effects.SIGNS``) against its number, drift only
where nothing fed the indicator that round, "working online" only with an online channel, a
stumble only after a stumble, repair work only after a badly fitting role or a stumble.
"""

from __future__ import annotations

import string

import pytest

from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.sim import STRATEGIES, play
from game.sim.effects import SIGNS, TEMPLATES
from game.sim.engine import judge
from game.sim.rules import compile_rules

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
SEEDS = range(3)
# Sentences that are parts of other sentences or of rejections, never an effect of their own.
NOT_EFFECTS = {k for k in TEMPLATES if k.startswith(("why_", "reject_"))}


def test_every_effect_template_declares_its_sign() -> None:
    assert set(SIGNS) == set(TEMPLATES) - NOT_EFFECTS
    assert set(SIGNS.values()) <= {"+", "-", "0", "±"}
    for key, (nl, en) in TEMPLATES.items():
        fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}  # noqa: E731
        assert fields(nl) == fields(en), key


@pytest.fixture(scope="module", params=SCENARIOS)
def games(request: pytest.FixtureRequest):
    scenario = load_scenario(request.param)
    return scenario, [play(scenario, seed, s) for s in STRATEGIES for seed in SEEDS]


def test_every_sentence_agrees_in_sign_with_its_number(games) -> None:
    _, states = games
    seen = set()
    for state in states:
        for record in state.history:
            for effect in record.effects:
                seen.add(effect.key)
                sign = SIGNS[effect.key]
                if sign == "+":
                    assert effect.delta > 0, effect
                elif sign == "-":
                    assert effect.delta < 0, effect
                elif sign == "0":
                    assert effect.delta == 0, effect
                nl, en = effect.explain("nl"), effect.explain("en")
                assert nl and en and nl != en and "{" not in nl + en, effect
    assert len(seen) > 20


def test_drift_appears_only_where_nothing_fed_the_indicator(games) -> None:
    _, states = games
    for state in states:
        for record in state.history:
            fed = {
                (e.target, e.params.get("relation")) if e.key.startswith("channels_") else e.target
                for e in record.effects
                if e.delta > 0 and e.source != "drift"
            }
            if any(e.key.startswith("event_interaction") and e.delta > 0 for e in record.effects):
                continue  # news that lifted every relation's interaction fed them all
            for effect in record.effects:
                if effect.source != "drift":
                    continue
                if effect.key == "drift_interaction":
                    key = (effect.target, effect.params["relation"])
                    assert key not in fed, (record.round, effect)
                else:
                    assert effect.target not in fed, (record.round, effect)


def test_the_round_judges_every_outcome_as_judge_does(games) -> None:
    """The round writes judge() out for speed; over many games the two must agree."""
    _, states = games
    outcomes = [o for state in states for record in state.history for o in record.outcomes]
    assert len({o.verdict for o in outcomes}) == 3
    for outcome in outcomes:
        assert outcome.verdict is judge(outcome.quality, outcome.channel_fit), outcome


def test_each_sentence_matches_what_happened_to_its_initiative(games) -> None:
    scenario, states = games
    rules = compile_rules(scenario)
    for state in states:
        for record in state.history:
            outcomes = {o.initiative: o for o in record.outcomes}
            for effect in record.effects:
                outcome = outcomes.get(effect.source_id) if effect.source == "initiative" else None
                if outcome is None:
                    continue
                key = effect.key
                if key.startswith(("execution_", "role_stumble", "stumble_rework")):
                    assert not outcome.succeeded, effect
                if key in ("role_fit_trust_up", "role_fit_energy_up", "ownership_spreads"):
                    assert outcome.succeeded or outcome.quality > 0.5, effect
                if key == "misfit_rework":
                    assert outcome.fit < 0.5 and outcome.rework > 0, effect
                    assert outcome.succeeded, effect
                if key == "misfit_stumble_rework":
                    assert outcome.fit < 0.5 and not outcome.succeeded, effect
                if key == "learning_stretch":
                    assert outcome.fit >= scenario.tuning.grow_fit, effect
                if key == "awareness_online":
                    assert any(rules.channels[c].online for c in outcome.channels), effect
                if key == "arc_grows":
                    assert outcome.succeeded and outcome.next_stage == effect.target, effect
                if key == "arc_withers":
                    assert outcome.next_stage == effect.target, effect
                if key == "prediction_right":
                    assert outcome.prediction is outcome.verdict, effect
                if key == "prediction_wrong":
                    assert outcome.prediction is not outcome.verdict, effect


def test_sentences_write_lists_plurals_and_floors_as_the_language_does() -> None:
    """One round is "1 ronde", a list ends with "en", several channels "pasten", a value just
    under its floor never reads as the floor, and a change too small to show is ±0."""
    from game.domain import Bilingual, MunicipalRole
    from game.sim.effects import render, signed

    arc = {"title": "T", "next": "N", "after": 1}
    assert "Over 1 ronde komt" in render("arc_grows", arc, "nl")
    assert "in 1 round as" in render("arc_grows", arc, "en")
    assert "Over 2 rondes komt" in render("arc_grows", {**arc, "after": 2}, "nl")
    two = (Bilingual("Twitter", "Twitter"), Bilingual("Inloopavond", "Drop-in evening"))
    down = {"title": "T", "channels": two, "purposes": "p", "cfit": 30, "delta": "−1"}
    assert "Twitter en Inloopavond pasten slecht" in render("channels_trust_down", down, "nl")
    one = {**down, "channels": two[:1]}
    assert "Twitter paste slecht" in render("channels_trust_down", one, "nl")
    roles = {"action": "A", "roles": (MunicipalRole.FACILITATING, MunicipalRole.LETTING_GO)}
    assert "de rollen 'faciliterend' en 'loslatend'" in render("action_role_readiness", roles, "nl")
    assert "the facilitating and letting go roles" in render("action_role_readiness", roles, "en")
    floor = render("why_fit_record_low", {"value": 46.9, "floor": 47.0}, "nl")
    assert "staat van dienst 46,9, ondergrens 47" in floor
    assert signed(-0.03, "nl") == "±0" and signed(0.3, "nl") == "+0,3"
