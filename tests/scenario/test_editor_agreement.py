"""The game and a schema-guided editor accept the same scenario files (issue 20, item 8).

A trainer's editor (yaml-language-server with ``scenarios/scenario.schema.json``) underlined
values the game took (``in_use: yes``, ``title: 2024``) and took values the game refused. Each
case of ``tests/helpers/editor_corpus.py`` goes through the loader and through the JSON Schema,
on the values as YAML 1.2 reads them (as the editor does); both must give the case's verdict.
``test_editor_language_server.py`` puts the same cases to the real editor server.
"""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest

from game.scenario.errors import ScenarioError
from game.scenario.json_schema import scenario_json_schema
from game.scenario.loader import read_scenario
from game.scenario.schema import reference_markdown
from tests.helpers.editor_corpus import BEYOND_THE_SCHEMA, CASES, Case, editor_view

FINDINGS = (
    "in_use_yes",
    "online_no",
    "round_in_quotes",
    "rounds_in_quotes",
    "weight_in_quotes",
    "title_a_number",
    "version_a_number",
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = scenario_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _loader_problems(case: Case) -> list[str]:
    try:
        read_scenario(case.text.encode("utf-8"), case.name)
    except ScenarioError as error:
        return [str(problem) for problem in error.problems]
    return []


def _schema_problems(case: Case, validator: jsonschema.Draft202012Validator) -> list[str]:
    view = editor_view(case.text)
    if view is None:
        return ["the YAML itself is refused"]
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(view)]


def test_the_corpus_holds_the_trainers_findings_and_both_verdicts() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)) >= 30
    assert set(FINDINGS) <= set(names)
    assert {case.valid for case in CASES} == {True, False}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_loader_and_the_schema_agree(
    case: Case, validator: jsonschema.Draft202012Validator
) -> None:
    loader = _loader_problems(case)
    schema = _schema_problems(case, validator)
    assert (not loader, not schema) == (case.valid, case.valid), (
        f"loader: {loader or 'valid'}\nschema: {schema or 'valid'}"
    )


@pytest.mark.parametrize("case", BEYOND_THE_SCHEMA, ids=lambda case: case.name)
def test_what_only_the_game_sees_is_refused_by_the_game(
    case: Case, validator: jsonschema.Draft202012Validator
) -> None:
    """A reference to nothing, an id used twice, a round after the last, an alias: a JSON
    Schema checks values one by one and cannot see these; ``validate`` must. (Should the schema
    learn one, move the case to ``CASES``.)"""
    assert _loader_problems(case)
    assert _schema_problems(case, validator) == []


def test_a_number_in_quotes_is_refused_with_the_way_to_write_it() -> None:
    (case,) = [c for c in CASES if c.name == "weight_in_quotes"]
    (problem,) = _loader_problems(case)
    assert problem.endswith(
        'initiatives[tuin].weight: "1.3" is in quotes, so YAML and your editor read it as '
        "text: write the number without quotes, weight: 1.3"
    )


def test_a_version_that_yaml_reads_as_a_number_asks_for_quotes() -> None:
    (case,) = [c for c in CASES if c.name == "version_a_number"]
    (problem,) = _loader_problems(case)
    assert problem.endswith(
        "version: YAML (and your editor) reads 1.0 as a number, not as text: put it in quotes, "
        'version: "1.0"'
    )


# --- What the editor shows ----------------------------------------------------------------------


def _schemas(node: Any) -> list[dict[str, Any]]:
    """Every schema object inside ``node``."""
    if isinstance(node, list):
        return [found for item in node for found in _schemas(item)]
    if not isinstance(node, dict):
        return []
    return [node, *(found for value in node.values() for found in _schemas(value))]


def test_every_value_of_every_closed_set_has_a_meaning_of_its_own() -> None:
    enums = [s for s in _schemas(scenario_json_schema()) if "enum" in s]
    assert len(enums) >= 9  # relations, owners, roles, phases, stages, levels, purposes, …
    for schema in enums:
        meanings = schema.get("enumDescriptions")
        assert meanings is not None, f"no meanings for {schema['enum']}"
        assert len(meanings) == len(schema["enum"]) == len(set(meanings)), schema["enum"]
        assert all(meaning.strip() for meaning in meanings), meanings


def test_the_six_relations_are_told_apart() -> None:
    relation = scenario_json_schema()["$defs"]["CitizenRelation"]
    said = dict(zip(relation["enum"], relation["enumDescriptions"], strict=True))
    assert said["subject"].startswith("People as subjects")
    assert "enforcement" in said["subject"] and "enforcement" not in said["customer"]


def test_titles_read_as_words() -> None:
    titles = [
        s["title"] for s in _schemas(scenario_json_schema()) if isinstance(s.get("title"), str)
    ]
    assert "Citizen relation" in titles and "Round at least" in titles
    assert [t for t in titles if re.search(r"[a-z][A-Z]|_", t)] == []


def test_no_field_that_may_be_left_out_is_an_alternative_of_anyof() -> None:
    """The editor's hover lists the titles of every alternative of an ``anyOf`` that fits:
    "Round At Least || Round At Least" for a number that may be left empty."""
    assert all(
        {"type": "null"} not in s["anyOf"] for s in _schemas(scenario_json_schema()) if "anyOf" in s
    )


REFERENCES = {
    ("Unfolding", "grows"): "an initiative",
    ("Unfolding", "withers"): "an initiative",
    ("EventEffects", "add_initiatives"): "an initiative",
    ("EventEffects", "mitigated_by"): "a development action",
    ("ActionEffects", "open_channels"): "a channel",
    ("Condition", "action_done"): "a development action",
    ("Condition", "action_not_done"): "a development action",
    ("Condition", "event_happened"): "an event",
    ("Condition", "event_not_happened"): "an event",
    ("Condition", "channel_in_use"): "a channel",
    ("CouncilAccount", "channel"): "a channel",
    ("LengthPlan", "initiatives"): "an initiative",
}


@pytest.mark.parametrize(("model", "field"), REFERENCES, ids="{0[0]}.{0[1]}".format)
def test_a_reference_is_described_as_the_id_of_what_it_names(model: str, field: str) -> None:
    prop = scenario_json_schema()["$defs"][model]["properties"][field]
    what = REFERENCES[(model, field)]
    ids = [s for s in _schemas(prop) if "string" in str(s.get("type")) and "pattern" in s]
    assert ids, f"{model}.{field} is not typed as an id"
    noun = what.split(" ", 1)[1]
    for schema in [*ids, prop]:
        said = schema["description"]
        assert said.startswith(("The id", "These", "None of", "Per id")), said
        assert noun in said and "in this file" in said, said


def test_the_field_reference_names_what_each_reference_points_at() -> None:
    docs = reference_markdown()
    assert "| `grows` | id of an [initiative](#initiative) |" in docs
    assert "| `open_channels` | list of ids of [channels](#channel) |" in docs
    assert "| `event_happened` | id of an [event](#event), or a list of them |" in docs
    assert "| `mitigated_by` | list of ids of [development actions](#development-action) |" in docs
    assert "| `subject` | People as subjects" in docs
