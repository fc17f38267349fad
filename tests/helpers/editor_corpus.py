"""Small scenario files on which the game and a schema-guided editor must agree (issue 20).

Each case is the base scenario below with one change, and says whether it is valid. The same
cases go through the loader, through the JSON Schema (Python's ``jsonschema``, on the values as
YAML 1.2 reads them) and through the real yaml-language-server; all three must say the same.
The first seven are the trainer's findings: values the game took that the editor underlined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from game.scenario.errors import ScenarioError
from game.scenario.scalars import yaml12_value
from game.scenario.yamltree import DataPath, read_yaml

BASE = """\
id: dorp
title: Dorp
description: Een dorp aan de rivier.
briefing: Welkom in het dorp.
rounds: 4
organisation: {name: Dorp, inhabitants: 5000}
start:
  budget: 20
channels:
  - id: web
    name: Website
    in_use: true
    online: true
initiatives:
  - id: tuin
    round: 1
    title: Tuin
    text: Een moestuin.
    owner: community
    relation: resident
    weight: 1
    unfolds: {grows: tuin_groeit}
  - id: tuin_groeit
    title: De tuin groeit
    text: Hij groeit.
    owner: community
    relation: user
actions:
  - id: training
    title: Training
    text: Leren.
    effects: {open_channels: [web]}
events:
  - id: storm
    title: Storm
    text: Het stormt.
    round: 2
    effects: {mitigated_by: [training]}
"""


@dataclass(frozen=True)
class Case:
    name: str
    valid: bool
    text: str


def case(name: str, valid: bool, *changes: tuple[str, str]) -> Case:
    """The base with each ``(old, new)`` replaced; ``old`` must be in it exactly once."""
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, f"{name}: {old!r} is not in the base once"
        text = text.replace(old, new)
    return Case(name, valid, text)


CASES: tuple[Case, ...] = (
    # The trainer's findings: each now either valid on both sides or refused on both.
    case("in_use_yes", True, ("in_use: true", "in_use: yes")),
    case("online_no", True, ("online: true", "online: no")),
    case("round_in_quotes", False, ("round: 1", 'round: "1"')),
    case("rounds_in_quotes", False, ("rounds: 4", 'rounds: "6"')),
    case("weight_in_quotes", False, ("weight: 1", 'weight: "1.3"')),
    case("title_a_number", True, ("title: Dorp", "title: 2024")),
    case("version_a_number", False, ("rounds: 4", "rounds: 4\nversion: 1.0")),
    # Valid, written as YAML allows.
    case("base", True),
    case("version_in_quotes", True, ("rounds: 4", 'rounds: 4\nversion: "1.10"')),
    case("truth_capitalised_in_quotes", True, ("in_use: true", 'in_use: "Off"')),
    case("truth_capitals", True, ("online: true", "online: ON")),
    case(
        "text_yes_no_and_time",
        True,
        ("title: Dorp", "title: no\nauthor: yes"),
        ("text: Hij groeit.", "text: 1:30"),
    ),
    case(
        "number_as_yaml_writes_it",
        True,
        ("rounds: 4", "rounds: 0x4"),
        ("budget: 20", "budget: 1e1"),
    ),
    case("whole_number_with_point", True, ("round: 1", "round: 1.0")),
    case("weight_plain_decimal", True, ("weight: 1", "weight: 1.3")),
    case("one_id_for_a_list", True, ("round: 2\n", "when: {action_done: training}\n")),
    case("empty_optional_value", True, ("round: 1", "round: 1\n    image:")),
    case("one_language", True, ("title: Tuin", "title: {nl: Tuin}")),
    case(
        "stage_withers_only",
        True,
        ("unfolds: {grows: tuin_groeit}", "unfolds: {grows: ~, withers: tuin_groeit}"),
    ),
    case("picture_inside_the_folder", True, ("round: 1", "round: 1\n    image: images/tuin.png")),
    # Refused on both sides.
    case("truth_as_a_digit", False, ("in_use: true", "in_use: 1")),
    case("truth_in_dutch", False, ("online: true", "online: ja")),
    case("truth_as_a_letter", False, ("online: true", "online: y")),
    case("truth_left_empty", False, ("in_use: true", "in_use:")),
    case("misspelt_field", False, ("briefing:", "breifing:")),
    case("unknown_key", False, ("rounds: 4", "rounds: 4\ncolour: red")),
    case("wrong_relation", False, ("relation: resident", "relation: residents")),
    case(
        "owner_capitalised",
        False,
        ("owner: community\n    relation: resident", "owner: Community\n    relation: resident"),
    ),
    case("wrong_kind", False, ("inhabitants: 5000}", "inhabitants: 5000, kind: gemeente}")),
    case("words_for_a_number", False, ("rounds: 4", "rounds: twelve")),
    case("decimal_comma", False, ("budget: 20", "budget: 12,5")),
    case("number_with_underscore", False, ("budget: 20", "budget: 1_000")),
    case("empty_title", False, ("title: Dorp", 'title: ""')),
    case("blank_title", False, ("title: Dorp", 'title: "   "')),
    case("title_without_language", False, ("title: Tuin", "title: {}")),
    case("title_language_left_empty", False, ("title: Tuin", "title: {nl: ~}")),
    case("id_with_capital", False, ("- id: storm", "- id: Storm")),
    case("id_with_space", False, ("- id: storm", "- id: grote storm")),
    case("id_read_as_truth", False, ("- id: storm", "- id: true")),
    case("reference_not_an_id", False, ("open_channels: [web]", "open_channels: [Web site]")),
    case("rounds_too_many", False, ("rounds: 4", "rounds: 41")),
    case("round_zero", False, ("round: 1", "round: 0")),
    case("round_with_fraction", False, ("round: 1", "round: 1.5")),
    case("weight_too_small", False, ("weight: 1", "weight: 0.1")),
    case("probability_above_one", False, ("round: 2\n", "round: 2\n    probability: 1.5\n")),
    case("budget_infinite", False, ("budget: 20", "budget: .inf")),
    case("budget_absurd", False, ("budget: 20", "budget: 1e9")),
    case(
        "event_round_and_when", False, ("round: 2\n", "round: 2\n    when: {round_at_least: 2}\n")
    ),
    case("event_neither_round_nor_when", False, ("    round: 2\n", "")),
    case(
        "initiative_round_and_when", False, ("round: 1", "round: 1\n    when: {round_at_least: 2}")
    ),
    case("unfolds_nowhere", False, ("unfolds: {grows: tuin_groeit}", "unfolds: {after: 2}")),
    case("picture_outside_the_folder", False, ("round: 1", "round: 1\n    image: ../tuin.png")),
    case("picture_absolute", False, ("round: 1", "round: 1\n    image: /home/tuin.png")),
    case("list_where_text_goes", False, ("title: Tuin", "title: [Tuin]")),
    case(
        "one_purpose_without_list",
        False,
        ("relation: resident", "relation: resident\n    purposes: discuss"),
    ),
    case("no_languages", False, ("rounds: 4", "rounds: 4\nlanguages: []")),
    case("duplicate_key", False, ("rounds: 4", "rounds: 4\nrounds: 5")),
)
"""Agreement expected on every case: the loader, the schema and the editor."""

BEYOND_THE_SCHEMA: tuple[Case, ...] = (
    case("reference_to_nothing", False, ("open_channels: [web]", "open_channels: [webste]")),
    case(
        "duplicate_id",
        False,
        ("    online: true\n", "    online: true\n  - id: web\n    name: Tweede website\n"),
    ),
    case("round_after_the_last", False, ("round: 2\n", "round: 9\n")),
    case("repeated_value", False, ("title: Dorp", "title: &t Dorp\nauthor: *t")),
)
"""What only the game can see (a JSON Schema checks each value on its own, not the file as a
whole): it refuses these, the schema cannot; ``validate`` says them at their line."""


def editor_view(text: str) -> Any:
    """The values an editor checks against the schema: YAML 1.2's reading of ``text``.

    None when the YAML itself is refused (a syntax error, a duplicate key), which the editor
    underlines without a schema.
    """
    try:
        document = read_yaml(text.encode("utf-8"), "case.yaml")
    except ScenarioError:
        return None
    if any("twice" in problem.message for problem in document.problems):
        return None
    lines = re.split(r"\r\n|\r|\n", text)

    def read(value: Any, path: DataPath) -> Any:
        if isinstance(value, dict):
            return {key: read(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [read(item, (*path, i)) for i, item in enumerate(value)]
        if not isinstance(value, str):
            return value
        line, column = document.mark(path)
        quoted = lines[line - 1][column - 1 : column] in ("'", '"', "|", ">")
        return value if quoted else yaml12_value(value)

    return read(document.data, ())
