"""The starters ``new --kind`` writes (``game.scenario.starter``, issue 20): one per kind of
organisation, each written in both languages, accepted by editors, and with initiatives whose
fitting roles teach the model in that organisation's own world.

That every starter validates and plays to its end with a bot is tested through the command
(``tests/cli/test_scenario_commands.py``)."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from game.domain import CitizenRelation, MunicipalRole, OrganisationKind
from game.scenario.loader import SCENARIO_DIR, read_scenario
from game.scenario.models import Scenario
from game.scenario.models.texts import Text
from game.scenario.starter import STARTER_KINDS, STARTERS, starter_template, starter_text
from game.sim.fit import FitClass, fit_class
from game.sim.rules import compile_rules

NAME_LENGTH = 40  # a plain string serves both languages only for a short name
SOUNDS_FITTING = ("past goed", "past redelijk", "fits well", "fits reasonably")


def _starter(kind: OrganisationKind) -> tuple[str, Scenario]:
    path = SCENARIO_DIR / "starter-check.yaml"
    text = starter_text("starter-check", path, kind)
    return text, read_scenario(text.encode("utf-8"), path)


def _texts(scenario: Scenario) -> list[tuple[str, Text]]:
    """Every text of the scenario with where it sits (ids of channels, initiatives …)."""
    found: list[tuple[str, Text]] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, Text):
            found.append((where, node))
        elif hasattr(type(node), "model_fields"):
            for name in type(node).model_fields:
                walk(getattr(node, name), f"{where}.{name}")
        elif isinstance(node, list | tuple):
            for index, item in enumerate(node):
                walk(item, f"{where}[{getattr(item, 'id', index)}]")

    walk(scenario, "")
    return found


@pytest.mark.parametrize("kind", STARTER_KINDS, ids=str)
def test_every_starter_is_written_in_dutch_and_english(kind: OrganisationKind) -> None:
    _, scenario = _starter(kind)
    texts = _texts(scenario)
    assert len(texts) > 25
    for where, text in texts:
        if isinstance(text.root, str):
            assert len(text.root) <= NAME_LENGTH, f"{kind}{where}: give nl and en"
            continue
        nl, en = text.get("nl"), text.get("en")
        assert text.has("nl") and text.has("en"), f"{kind}{where}"
        if len(en) > NAME_LENGTH:  # "Storm" is Dutch and English; a sentence never is
            assert nl != en, f"{kind}{where}: the Dutch text is the English one"
        assert "  " not in nl + en, f"{kind}{where}: double space"


@pytest.mark.parametrize("kind", STARTER_KINDS, ids=str)
def test_editors_accept_every_starter_against_the_schema(kind: OrganisationKind) -> None:
    schema = json.loads((SCENARIO_DIR / "scenario.schema.json").read_text(encoding="utf-8"))
    text, _ = _starter(kind)
    errors = jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(text))
    assert [error.message for error in errors] == []


@pytest.mark.parametrize("kind", STARTER_KINDS, ids=str)
def test_every_starter_shows_several_fitting_roles_and_explains_one(
    kind: OrganisationKind,
) -> None:
    """A starter teaches the model: owner and relation decide the role, so its initiatives ask
    for different roles; its one ``outcomes`` example says why the fitting role fits, and
    never calls a role that does not fit a fit."""
    _, scenario = _starter(kind)
    rules = compile_rules(scenario)
    best = {role for i in rules.initiatives.values() for role in i.best}
    assert len(best) >= 3, best
    explained = [i for i in scenario.initiatives if i.outcomes.model_dump(exclude_none=True)]
    assert len(explained) == 1
    info = rules.initiatives[explained[0].id]
    told = {role: explained[0].outcomes.for_role(role) for role in MunicipalRole}
    told_roles = {role for role, text in told.items() if text is not None}
    assert told_roles & set(info.best) and told_roles - set(info.best)
    for role in told_roles:
        if fit_class(role, info.fit[role], info.best) is FitClass.MISFIT:
            for lang in ("nl", "en"):
                said = told[role].get(lang).lower()  # type: ignore[union-attr]
                assert not any(w in said for w in SOUNDS_FITTING), (role, said)


def test_a_clerks_office_is_never_cast_as_the_enforcer() -> None:
    """The clerk serves the council and has no power to enforce: no initiative of its starter
    puts residents in the subject relation, and normative never fits best."""
    _, scenario = _starter(OrganisationKind.COUNCIL_CLERK)
    rules = compile_rules(scenario)
    assert all(i.relation is not CitizenRelation.SUBJECT for i in scenario.initiatives)
    assert all(MunicipalRole.NORMATIVE not in i.best for i in rules.initiatives.values())
    assert scenario.organisation.inhabitants == 32000  # "23 raadsleden" in its briefing:
    assert "23" in scenario.briefing.get("nl")  # 30,001–35,000 inhabitants (Gemeentewet art. 8)


def test_the_police_does_not_set_its_priorities_with_voters() -> None:
    """The triangle of mayor, public prosecutor and police decides what comes first."""
    _, scenario = _starter(OrganisationKind.POLICE)
    assert all(i.relation is not CitizenRelation.VOTER for i in scenario.initiatives)
    assert "driehoek" in scenario.briefing.get("nl") and "triangle" in scenario.briefing.get("en")


def test_a_kind_without_a_starter_is_refused() -> None:
    with pytest.raises(ValueError, match="no starter scenario for a city"):
        starter_template(OrganisationKind.CITY)
    assert {path.stem for path in STARTERS.glob("*.yaml")} == {k.value for k in STARTER_KINDS}
