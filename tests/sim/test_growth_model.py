"""The core teaches its model (issue 9): phases per relation, arcs, fit-driven consequences,
readiness that can really fail, channels per purpose, predictions that count, and explanations
that agree with their numbers."""

from __future__ import annotations

import pytest

from game.domain import CitizenRelation, GrowthPhase, Indicator, MunicipalRole, Prediction
from game.scenario.errors import ScenarioError
from game.scenario.loader import read_scenario
from game.sim import Decisions, InitiativeDecision, new_game, resolve_round
from game.sim.engine import (
    execution_risk,
    judge,
    purpose_fit,
    relations_needed,
    role_options,
)
from game.sim.phases import overall_level, overall_phase, relations_in_play
from game.sim.rules import compile_rules
from game.sim.state import GameState
from tests.conftest import BASE, make_scenario

R = MunicipalRole
C = CitizenRelation


def _decide(state: GameState, role: MunicipalRole, channels=("twitter",), prediction=None):
    return Decisions(
        tuple(InitiativeDecision(i, role, channels, prediction) for i in state.current_initiatives)
    )


def _effects(state: GameState, scenario, role: MunicipalRole, **kwargs):
    new, effects = resolve_round(state, _decide(state, role, **kwargs), scenario, state.rng())
    return new, effects


def _pulled(effects, target, prefix: str = "") -> float:
    return sum(e.delta for e in effects if e.target == target and e.key.startswith(prefix))


# --- 1. Phases per relation ----------------------------------------------------------------


def test_each_relation_in_the_scenario_has_its_own_phase() -> None:
    state = new_game(make_scenario(), 1)
    assert set(state.relation_phase) == {C.RESIDENT, C.CUSTOMER, C.SUBJECT}
    assert set(state.relation_interaction) == set(state.relation_phase)


def test_the_overall_phase_follows_most_relations_and_the_weakest_holds_back_collaborating() -> (
    None
):
    """Phases 2 and 3 follow most relations (half or more); collaborating also needs every
    relation past discovering (issue 18: one lagging relation does not lock the whole)."""
    scenario = make_scenario()
    rules = compile_rules(scenario)
    state = new_game(scenario, 1)
    assert relations_needed(0.5, 3) == 2 and relations_needed(1.0, 3) == 3
    phases = GrowthPhase
    state.relation_phase = {C.RESIDENT: phases.CONVERSING, C.CUSTOMER: phases.CONVERSING}
    state.relation_phase[C.SUBJECT] = phases.DISCOVERING
    assert overall_phase(state, rules) is phases.CONVERSING
    state.relation_phase = dict.fromkeys(state.relation_phase, phases.COLLABORATING)
    state.relation_phase[C.SUBJECT] = phases.DISCOVERING
    assert overall_phase(state, rules) is phases.CONVERSING
    state.relation_phase[C.SUBJECT] = phases.EXPERIMENTING
    assert overall_phase(state, rules) is phases.COLLABORATING
    state.relation_phase[C.RESIDENT] = phases.EXPERIMENTING
    state.relation_phase[C.CUSTOMER] = phases.EXPERIMENTING
    assert overall_phase(state, rules) is phases.EXPERIMENTING


def test_overall_level_in_numbers() -> None:
    assert overall_level([], 0.5) == 1
    assert overall_level([4, 4, 1], 0.5) == 3  # collaborating waits for the weakest
    assert overall_level([4, 4, 2], 0.5) == 4
    assert overall_level([3, 1, 1], 0.5) == 1  # one relation is not most of three
    assert overall_level([3, 3, 1, 1], 0.5) == 3
    assert overall_level([3, 3, 1], 1.0) == 1  # a scenario can ask every relation


def test_only_the_relations_the_game_is_sure_of_count_for_the_whole() -> None:
    """A relation only a chance card meets is shown and grows, but does not hold the whole back."""
    chance = dict(BASE["initiatives"][0], id="chance", relation="partner", round=None)
    chance["when"] = {"round_at_least": 2}
    scenario = make_scenario(initiatives=[*BASE["initiatives"], chance])
    rules = compile_rules(scenario)
    assert C.PARTNER in rules.relations and C.PARTNER not in rules.core_relations
    state = new_game(scenario, 1)
    state.relation_phase = dict.fromkeys(state.relation_phase, GrowthPhase.CONVERSING)
    state.relation_phase[C.PARTNER] = GrowthPhase.DISCOVERING
    assert C.PARTNER not in relations_in_play(state, rules)
    assert overall_phase(state, rules) is GrowthPhase.CONVERSING


def test_a_scenario_sets_the_starting_phase_and_interaction_per_relation() -> None:
    scenario = make_scenario(
        start={
            "capacity": 40,
            "relations": {"customer": {"phase": "experimenting", "interaction": 40}},
        }
    )
    state = new_game(scenario, 1)
    assert state.relation_phase[C.CUSTOMER] is GrowthPhase.EXPERIMENTING
    assert state.relation_interaction[C.CUSTOMER] == 40
    assert state.relation_phase[C.RESIDENT] is GrowthPhase.DISCOVERING


def test_a_relation_that_starts_further_along_keeps_its_phase_after_one_misfit() -> None:
    """Starting in a phase means fitting work was already done: one misfit does not undo it."""
    scenario = make_scenario(
        start={
            "capacity": 40,
            "relations": {"resident": {"phase": "experimenting", "interaction": 40}},
            "indicators": {"awareness": 40},
        },
        tuning={"max_risk": 0},
    )
    state = new_game(scenario, 1)
    assert state.relation_fit_record(C.RESIDENT) == 80
    assert state.relation_decisions[C.CUSTOMER] == 0
    missed, _ = _effects(state, scenario, R.DIRECTING)
    assert missed.relation_phase[C.RESIDENT] is GrowthPhase.EXPERIMENTING
    assert missed.decisions_total == 1 and missed.decisions_fitting == 0


def test_stretching_teaches_only_in_a_role_that_fits() -> None:
    """A role the organisation is not ready for teaches extra only when it is the right one."""
    scenario = make_scenario(tuning={"max_risk": 0, "drift": {}})
    state = new_game(scenario, 1)
    rules = compile_rules(scenario)
    (initiative,) = state.current_initiatives
    info = rules.initiatives[initiative]
    stretched = [
        role
        for role in MunicipalRole
        if execution_risk(state, rules, role, info.relation).readiness < rules.roles[role].readiness
    ]
    assert stretched, "the base scenario should have roles the organisation is not ready for"
    for role in stretched:
        _, effects = _effects(state, scenario, role)
        keys = {e.key for e in effects if e.target == Indicator.SKILL}
        if info.fit[role] >= scenario.tuning.grow_fit:
            assert "learning_stretch" in keys
        else:
            assert keys <= {"learning_by_doing"}  # nothing at all at fit 0
            # No more than learning by doing (less as skill saturates), however far the stretch.
            assert _pulled(effects, Indicator.SKILL) <= (
                scenario.tuning.gains.learning * info.fit[role] * info.weight + 1e-9
            )


def test_interaction_grows_only_in_the_initiatives_relation() -> None:
    scenario = make_scenario(tuning={"max_risk": 0, "drift": {}})
    state = new_game(scenario, 1)
    new, _ = _effects(state, scenario, R.LETTING_GO)
    assert new.relation_targets[C.RESIDENT] > state.relation_targets[C.RESIDENT]
    assert new.relation_targets[C.CUSTOMER] == state.relation_targets[C.CUSTOMER]


def test_the_fit_record_weighs_recent_choices_most() -> None:
    """Each choice moves the relation's record 40% of the way to 100 (the fitting role), 50 (a
    role that also fits) or 0 (a misfit): recent choices weigh most, so a mistake can be made
    good (issue 18)."""
    scenario = make_scenario(tuning={"max_risk": 0})
    state = new_game(scenario, 1)
    assert state.relation_fit_record(C.RESIDENT) == 50
    fitted, _ = _effects(state, scenario, R.LETTING_GO)  # fits 100%
    also, _ = _effects(state, scenario, R.FACILITATING)  # fits 70%: also fits
    missed, _ = _effects(state, scenario, R.DIRECTING)  # fits 10%
    assert (fitted.relation_decisions[C.RESIDENT], fitted.relation_fitting[C.RESIDENT]) == (1, 1)
    assert fitted.relation_fit_record(C.RESIDENT) == pytest.approx(70)
    assert also.relation_fit_record(C.RESIDENT) == pytest.approx(50)
    assert missed.relation_fit_record(C.RESIDENT) == pytest.approx(30)
    # Only the best fit is "the fitting role" for the score's share.
    assert missed.decisions_fitting == 0 and also.decisions_fitting == 0
    assert fitted.decisions_fitting == 1
    # A misfit made good: two fitting choices later the record is above where it started.
    again = missed
    for _ in range(2):
        again = again.clone()
        again.current_initiatives = ("garden",)
        again, _ = _effects(again, scenario, R.LETTING_GO)
    assert again.relation_fit_record(C.RESIDENT) == pytest.approx(58 + 0.4 * (100 - 58))


# --- 2. Initiatives that unfold ------------------------------------------------------------

ARC = [
    dict(BASE["initiatives"][0], unfolds={"after": 1, "grows": "project", "withers": "lot"}),
    {
        "id": "project",
        "title": "Garden project",
        "text": "x",
        "owner": "community",
        "relation": "partner",
        "purposes": ["discuss"],
        "unfolds": {"after": 1, "grows": "rules"},
    },
    {
        "id": "lot",
        "title": "Empty lot",
        "text": "x",
        "owner": "community",
        "relation": "subject",
    },
    {
        "id": "rules",
        "title": "Garden rules",
        "text": "x",
        "owner": "community",
        "relation": "subject",
    },
]


def test_a_fitting_role_lets_an_initiative_grow_into_its_next_stage() -> None:
    scenario = make_scenario(initiatives=ARC, tuning={"max_risk": 0})
    rules = compile_rules(scenario)
    assert [rules.initiatives[i].stage for i in ("garden", "project", "rules", "lot")] == [
        1,
        2,
        3,
        2,
    ]
    state = new_game(scenario, 1)
    grown, effects = _effects(state, scenario, R.LETTING_GO)
    assert grown.current_initiatives == ("project",)
    assert any(e.key == "arc_grows" for e in effects)
    assert grown.history[0].outcomes[0].next_stage == "project"
    # The next stage is a different relation, where a different role fits.
    assert rules.initiatives["project"].best == (R.PARTICIPATING,)


def test_a_misfit_sours_an_initiative_or_ends_it() -> None:
    scenario = make_scenario(initiatives=ARC, tuning={"max_risk": 0})
    state = new_game(scenario, 1)
    soured, effects = _effects(state, scenario, R.DIRECTING)
    assert soured.current_initiatives == ("lot",)
    assert any(e.key == "arc_withers" for e in effects)
    grown, _ = _effects(state, scenario, R.LETTING_GO)
    ended, effects = _effects(grown, scenario, R.DIRECTING)
    assert ended.current_initiatives == () and ended.unfolding == ()
    assert any(e.key == "arc_ends" for e in effects)


def test_unfolds_is_checked_with_file_and_line() -> None:
    import yaml

    broken = [
        dict(ARC[0], unfolds={"grows": "projekt"}),
        dict(ARC[1], round=2),
    ]
    text = yaml.safe_dump(dict(BASE, initiatives=broken), sort_keys=False, allow_unicode=True)
    with pytest.raises(ScenarioError) as caught:
        read_scenario(text.encode(), "test.yaml")
    messages = str(caught.value).splitlines()
    (typo,) = [m for m in messages if "'projekt'" in m]
    assert typo.startswith("test.yaml:") and "initiatives[garden].unfolds.grows" in typo
    assert "did you mean 'project'" in typo


def test_a_stage_that_arrives_by_itself_is_refused() -> None:
    import yaml

    broken = [dict(ARC[0], unfolds={"grows": "project"}), dict(ARC[1], round=2, unfolds=None)]
    text = yaml.safe_dump(dict(BASE, initiatives=broken), sort_keys=False, allow_unicode=True)
    with pytest.raises(ScenarioError, match="arrives by itself"):
        read_scenario(text.encode(), "test.yaml")


# --- 3. Consequences follow fit, not the role --------------------------------------------


def test_two_roles_with_the_same_fit_bring_the_same() -> None:
    garden = dict(BASE["initiatives"][0], role_fit={"facilitating": 90, "participating": 90})
    scenario = make_scenario(initiatives=[garden], tuning={"max_risk": 0, "drift": {}})
    state = new_game(scenario, 1)
    _, facilitating = _effects(state, scenario, R.FACILITATING)
    _, participating = _effects(state, scenario, R.PARTICIPATING)
    for target in (Indicator.TRUST, Indicator.COMMUNITY_ENERGY, Indicator.INTERACTION):
        assert _pulled(facilitating, target) == pytest.approx(_pulled(participating, target))
    assert _pulled(facilitating, Indicator.OWNERSHIP_BREADTH) == pytest.approx(
        _pulled(participating, Indicator.OWNERSHIP_BREADTH)
    )


def test_a_badly_fitting_cheap_role_costs_hours_next_round() -> None:
    waste = dict(BASE["initiatives"][1], round=1)
    scenario = make_scenario(initiatives=[waste, BASE["initiatives"][2]], tuning={"max_risk": 0})
    state = new_game(scenario, 1)
    # Letting go of the municipality's own service (fit 10%) saves 4 hours now …
    cheap, effects = _effects(state, scenario, R.LETTING_GO)
    fitting, _ = _effects(state, scenario, R.DIRECTING)
    (rework,) = [e for e in effects if e.key == "misfit_rework"]
    assert rework.delta < 0 and cheap.capacity_this_round == state.capacity + rework.delta
    assert fitting.capacity_this_round == state.capacity
    # … and makes up for it in trust and in the hours of the next round.
    saved = scenario.tuning.roles.directing.cost - scenario.tuning.roles.letting_go.cost
    assert -rework.delta + _pulled(effects, Indicator.TRUST) * -1 > saved


# --- 4. Readiness --------------------------------------------------------------------------


def test_letting_go_without_trust_is_risky_and_can_do_harm() -> None:
    low = make_scenario(start={"indicators": {"trust": 15, "community_energy": 15}})
    high = make_scenario(start={"indicators": {"trust": 80, "community_energy": 70}})
    rules = compile_rules(low)
    risky = execution_risk(new_game(low, 1), rules, R.LETTING_GO, C.RESIDENT)
    safe = execution_risk(new_game(high, 1), compile_rules(high), R.LETTING_GO, C.RESIDENT)
    assert risky.chance > 0.4 and safe.chance < 0.05
    harmed = []
    for seed in range(30):
        state = new_game(low, seed)
        _, effects = _effects(state, low, R.LETTING_GO)
        if any(e.key == "execution_harmed" for e in effects):
            harmed.append(effects)
    assert harmed, "a 40%+ risk never came true in 30 games"
    for effects in harmed:
        assert _pulled(effects, Indicator.TRUST, "role_") < 0
        assert _pulled(effects, Indicator.COMMUNITY_ENERGY, "role_") < 0


def test_the_core_shows_readiness_and_risk_per_role_before_the_choice() -> None:
    scenario = make_scenario()
    state = new_game(scenario, 1)
    options = {o.role: o for o in role_options(state, scenario, "garden")}
    assert set(options) == set(MunicipalRole)
    letting_go = options[R.LETTING_GO]
    assert letting_go.hours == scenario.tuning.roles.letting_go.cost
    assert letting_go.demand == scenario.tuning.roles.letting_go.readiness
    assert 0 < letting_go.risk < 1 and letting_go.readiness < letting_go.demand
    assert letting_go.stumble < 0


# --- 5. Channels per purpose ---------------------------------------------------------------


def test_one_channel_for_every_purpose_falls_short(default_scenario) -> None:
    state = new_game(default_scenario, 1)
    rules = compile_rules(default_scenario)
    discuss = rules.initiatives["structuurvisie"].purposes
    facts = rules.initiatives["foutparkeren"].purposes
    twitter_discuss = purpose_fit(state, rules, discuss, ("twitter",))
    assert purpose_fit(state, rules, facts, ("twitter",)) > 2 * twitter_discuss
    assert purpose_fit(state, rules, discuss, ("inloopavond",)) > 2 * twitter_discuss


def test_in_a_conversing_relation_others_platforms_count_extra() -> None:
    channels = [
        *BASE["channels"],
        {
            "id": "groups",
            "name": "Residents' groups",
            "in_use": True,
            "others_platform": True,
            "fit": {"follow_residents": 50},
        },
    ]
    scenario = make_scenario(channels=channels)
    rules = compile_rules(scenario)
    state = new_game(scenario, 1)
    purposes = rules.initiatives["garden"].purposes
    before = purpose_fit(state, rules, purposes, ("groups",), C.RESIDENT)
    state.relation_phase[C.RESIDENT] = GrowthPhase.CONVERSING
    after = purpose_fit(state, rules, purposes, ("groups",), C.RESIDENT)
    assert after - before == pytest.approx(scenario.tuning.others_platform_bonus / 100)


# --- 8. Predictions ------------------------------------------------------------------------


def test_a_prediction_is_part_of_the_decision_and_is_judged() -> None:
    scenario = make_scenario(tuning={"max_risk": 0})
    state = new_game(scenario, 1)
    right, effects = _effects(state, scenario, R.LETTING_GO, prediction=Prediction.WELL)
    outcome = right.history[0].outcomes[0]
    assert outcome.verdict is Prediction.WELL and outcome.predicted_right
    assert right.predictions_made == right.predictions_right == 1
    assert _pulled(effects, Indicator.AWARENESS, "prediction_right") > 0
    decision = right.history[0].decisions.initiatives[0]
    assert InitiativeDecision.from_dict(decision.to_dict()) == decision
    wrong, effects = _effects(state, scenario, R.DIRECTING, prediction=Prediction.WELL)
    assert wrong.history[0].outcomes[0].verdict is Prediction.BADLY
    assert (wrong.predictions_made, wrong.predictions_right) == (1, 0)
    assert any(e.key == "prediction_wrong" for e in effects)
    assert wrong.prediction_rate == 0.0 and new_game(scenario, 1).prediction_rate is None


def test_the_verdict_is_what_happened_not_the_fit() -> None:
    assert judge(1.0, 0.8) is Prediction.WELL
    assert judge(1.0, 0.2) is Prediction.MIXED  # the role fitted, but nobody was reached
    assert judge(-0.5, 0.8) is Prediction.BADLY  # a fitting role that went wrong
    assert judge(0.6, None) is Prediction.MIXED


# --- 9. Explanations true to their numbers ---------------------------------------------------


def test_drift_applies_only_to_what_nothing_fed() -> None:
    scenario = make_scenario(tuning={"max_risk": 0})
    state = new_game(scenario, 1)
    _, effects = _effects(state, scenario, R.LETTING_GO)
    drifted = {
        e.target for e in effects if e.key.startswith("drift_") and e.key != "drift_interaction"
    }
    assert Indicator.TRUST not in drifted and Indicator.COMMUNITY_ENERGY not in drifted
    quiet = {e.source_id for e in effects if e.key == "drift_interaction"}
    assert C.RESIDENT not in quiet and {C.CUSTOMER, C.SUBJECT} <= quiet
