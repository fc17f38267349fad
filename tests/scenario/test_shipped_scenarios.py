"""The shipped scenarios as content: complete in both languages and faithful to the model (issue 5).

These read the files as a workshop would meet them: every text in Dutch and English, an outcome
text for every role of every initiative, consequences for every event, a recommendation for
every line, and the mix of relations, owners and roles the model asks for.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import mean
from typing import Any

import pytest
from pydantic import BaseModel

from game.domain import CitizenRelation, GrowthPhase, InitiativeOwner, MunicipalRole
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.scenario.models import Scenario, Text
from game.sim import Decisions, InitiativeDecision, new_game, resolve_round
from game.sim.rules import compile_rules

SCENARIOS = sorted(path.stem for path in SCENARIO_DIR.glob("*.yaml"))
# A plain string serves both languages only for a short name ("Twitter", "Burgernet").
NAME_LENGTH = 40


@pytest.fixture(scope="module", params=SCENARIOS)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return load_scenario(request.param)


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every text in a content model, with where it sits."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            item_id = getattr(item, "id", index)
            yield from _texts(item, f"{path}[{item_id}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}")


def test_every_text_is_written_in_dutch_and_english(scenario: Scenario) -> None:
    texts = list(_texts(scenario))
    assert len(texts) > 100
    for path, text in texts:
        if isinstance(text.root, str):
            assert len(text.root) <= NAME_LENGTH, f"{scenario.id}{path}: give nl and en"
            continue
        assert text.has("nl") and text.has("en"), f"{scenario.id}{path}"
        nl, en = text.get("nl"), text.get("en")
        if len(en) > NAME_LENGTH:
            assert nl != en, f"{scenario.id}{path}: the Dutch text is the English one"
        assert "  " not in nl + en, f"{scenario.id}{path}: double space"


def test_every_initiative_has_an_outcome_text_per_role_that_differs(scenario: Scenario) -> None:
    for initiative in scenario.initiatives:
        for lang in ("nl", "en"):
            texts = []
            for role in MunicipalRole:
                text = initiative.outcomes.for_role(role)
                assert text is not None, (scenario.id, initiative.id, role)
                assert text.has(lang), (scenario.id, initiative.id, role, lang)
                texts.append(text.get(lang))
            assert len(set(texts)) == len(texts), (scenario.id, initiative.id, lang)


def test_the_best_role_text_says_it_fits_best(scenario: Scenario) -> None:
    """The outcome text of a best-fitting role explains the fit in the model's words."""
    rules = compile_rules(scenario)
    for initiative in scenario.initiatives:
        for role in rules.initiatives[initiative.id].best:
            text = initiative.outcomes.for_role(role)
            assert text is not None
            assert "het best" in text.get("nl"), (scenario.id, initiative.id, role)
            assert "fits best" in text.get("en"), (scenario.id, initiative.id, role)


def test_every_initiatives_decision_changes_the_outcome(scenario: Scenario) -> None:
    """No initiative where every role gives the same result: the choice always matters."""
    base = new_game(scenario, 1)
    for initiative in scenario.initiatives:
        base.current_initiatives = (initiative.id,)
        results = set()
        for role in MunicipalRole:
            decisions = Decisions((InitiativeDecision(initiative.id, role, ()),))
            after, _ = resolve_round(base, decisions, scenario, base.rng())
            results.add(tuple(round(v, 6) for v in after.targets.values()))
        assert len(results) > 1, (scenario.id, initiative.id)


def test_initiatives_cover_every_relation_owner_and_best_role(scenario: Scenario) -> None:
    rules = compile_rules(scenario)
    infos = rules.initiatives.values()
    assert {info.relation for info in infos} == set(CitizenRelation), scenario.id
    assert {info.owner for info in infos} == set(InitiativeOwner), scenario.id
    assert {role for info in infos for role in info.best} == set(MunicipalRole), scenario.id
    assert all(initiative.purposes for initiative in scenario.initiatives if initiative.weight > 1)


def test_every_event_has_consequences(scenario: Scenario) -> None:
    for event in scenario.events:
        fx = event.effects
        assert (
            fx.indicators.items()
            or fx.budget
            or fx.budget_per_round
            or fx.capacity
            or fx.capacity_this_round
            or fx.add_initiatives
        ), (scenario.id, event.id)


def test_briefing_and_recommendations_for_every_line(scenario: Scenario) -> None:
    for text in (scenario.briefing, scenario.description, scenario.title):
        assert text.has("nl") and text.has("en")
    assert len(scenario.briefing.get("en")) > 400
    for line in ("interaction", "initiative_ownership", "organisation_ownership"):
        text = getattr(scenario.recommendations, line)
        assert text is not None and text.has("nl") and text.has("en"), (scenario.id, line)


# --- What the issue asks of each scenario -------------------------------------------------------


def test_the_default_scenario_is_the_one_the_issue_describes() -> None:
    scenario = load_scenario("gemeente-middelgroot")
    state = new_game(scenario, 1)
    assert 50_000 <= scenario.organisation.inhabitants <= 70_000
    assert scenario.rounds == 12
    assert state.phase is GrowthPhase.DISCOVERING and state.stage.level == 1
    actions = {a.id for a in scenario.actions}
    assert {
        "webcare",
        "training",
        "startnotitie",
        "sponsor",
        "structureel_budget",
        "monitoring",
        "richtlijnen",
        "open_data",
        "co_creatieplatform",
    } <= actions
    effects = [event.effects for event in scenario.events]
    crisis = {
        i.id
        for i in scenario.initiatives
        if "crisis_communication" in [p.value for p in i.purposes]
    }
    assert any(set(fx.add_initiatives) & crisis for fx in effects)  # a storm
    assert any(fx.budget_per_round < 0 for fx in effects)  # budget cuts
    assert any(fx.scale_by is not None for fx in effects)  # an enthusiast leaves
    assert any(fx.mitigated_by for fx in effects)  # a viral post


def test_the_clerks_office_is_small_short_of_hours_and_ranked() -> None:
    scenario = load_scenario("raadsgriffie")
    others = [load_scenario(name) for name in SCENARIOS if name != "raadsgriffie"]
    assert scenario.organisation.inhabitants < 25_000
    assert scenario.council_account is not None
    assert scenario.start.capacity < min(other.start.capacity for other in others)
    profiles = {c.survey_profile for c in scenario.channels}
    assert {"twitter", "facebook", "linkedin"} <= profiles


def test_the_big_city_starts_experimenting_with_much_to_let_go() -> None:
    """It experiments in every relation but policy, where it is still discovering: most of its
    relations carry the city as a whole into experimenting (issue 18)."""
    scenario = load_scenario("grote-stad")
    start = new_game(scenario, 1)
    phases = start.relation_phase
    assert phases[CitizenRelation.PARTNER] is GrowthPhase.DISCOVERING
    assert sum(p is GrowthPhase.EXPERIMENTING for p in phases.values()) == len(phases) - 1
    assert start.phase is GrowthPhase.EXPERIMENTING
    rules = compile_rules(scenario)
    letting_go = [i for i in rules.initiatives.values() if MunicipalRole.LETTING_GO in i.best]
    community = [i for i in rules.initiatives.values() if i.community]
    assert len(letting_go) >= 4
    assert len(community) > len(rules.initiatives) / 2


def test_the_police_region_weighs_the_subject_relation_more() -> None:
    police = load_scenario("politieregio")
    default = load_scenario("gemeente-middelgroot")

    def subject(s: Scenario) -> list[float]:
        return [i.weight for i in s.initiatives if i.relation is CitizenRelation.SUBJECT]

    def others(s: Scenario) -> list[float]:
        return [i.weight for i in s.initiatives if i.relation is not CitizenRelation.SUBJECT]

    assert police.organisation.kind.value in ("police", "water_board")
    assert mean(subject(police)) > mean(others(police))
    assert len(subject(police)) / len(police.initiatives) > len(subject(default)) / len(
        default.initiatives
    )
