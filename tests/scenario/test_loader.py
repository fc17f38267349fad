"""The scenario loader: exact lines and paths for broken files, safe YAML, shipped content valid.

The broken-file corpus lives in ``tests/scenarios/broken``: each file says in ``# expect:``
comments which problems it must give, as ``LINE:COLUMN PATH | MESSAGE`` (PATH ``-`` when the
problem has none), and must give exactly those.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.scenario.errors import Problem, ScenarioError
from game.scenario.loader import (
    DEFAULT_SCENARIO,
    SCENARIO_DIR,
    list_scenarios,
    load_scenario,
    read_scenario,
    scenario_stamp,
)
from game.scenario.models import Scenario
from game.scenario.schema import REFERENCE_BEGIN, REFERENCE_END, reference_markdown, schema_text
from game.scenario.starter import starter_text
from game.scenario.yamltree import MAX_BYTES
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "scenarios"
BROKEN = sorted((CORPUS / "broken").glob("*.yaml"))
SHIPPED = sorted(SCENARIO_DIR.glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (\S+) \| (.+)$", re.MULTILINE)

MINIMAL = """\
id: {id}
title: T
description: D
briefing: B
rounds: 2
organisation: {{name: Dorp, inhabitants: 5000}}
initiatives:
  - {{id: tuin, round: 1, title: Tuin, text: Een tuin., owner: community, relation: resident}}
"""


def _problems(path: Path | str) -> tuple[Problem, ...]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value.problems


# --- Shipped content ---------------------------------------------------------------------------


def test_the_shipped_scenarios_folder_is_not_empty() -> None:
    assert SCENARIO_DIR / f"{DEFAULT_SCENARIO}.yaml" in SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_validates_and_names_the_schema(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.id == path.stem
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=scenario.schema.json"


def test_the_shipped_json_schema_is_current() -> None:
    shipped = (SCENARIO_DIR / "scenario.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), (
        "run: python main.py schema --out scenarios/scenario.schema.json"
    )


def _editor_view_problems(text: str) -> list[str]:
    """What an editor checking against the shipped schema would underline in ``text``."""
    schema = json.loads((SCENARIO_DIR / "scenario.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = yaml.safe_load(text)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_editors_accept_every_shipped_scenario_against_the_schema(path: Path) -> None:
    assert _editor_view_problems(path.read_text(encoding="utf-8")) == []


def test_editors_accept_the_starter_and_reject_a_broken_file() -> None:
    assert _editor_view_problems(starter_text("dorp", SCENARIO_DIR / "dorp.yaml")) == []
    broken = (CORPUS / "broken" / "unknown_keys.yaml").read_text(encoding="utf-8")
    assert any("'tittle' was unexpected" in p for p in _editor_view_problems(broken))


def test_every_field_in_the_schema_has_a_description() -> None:
    """Editors show these while typing; a field that points at a model may use the model's."""
    schema = json.loads(schema_text())
    definitions = schema["$defs"]

    def described(prop: dict[str, object]) -> bool:
        ref = str(prop.get("$ref", "")).removeprefix("#/$defs/")
        return bool(prop.get("description") or definitions.get(ref, {}).get("description"))

    models = {"Scenario": schema, **definitions}
    missing = [
        f"{model}.{name}"
        for model, definition in models.items()
        for name, prop in definition.get("properties", {}).items()
        if not described(prop)
    ]
    assert missing == []


# --- Documentation -----------------------------------------------------------------------------

DOCS = ROOT / "docs" / "scenarios.md"


def test_the_field_reference_in_the_docs_is_current() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(REFERENCE_BEGIN), text.index(REFERENCE_END) + len(REFERENCE_END) + 1
    assert text[start:end] == reference_markdown(), (
        "run: python main.py schema --docs docs/scenarios.md"
    )


def test_the_docs_name_every_field_of_the_schema() -> None:
    """Checked against the JSON Schema itself, not against the generator that wrote the docs."""
    text = DOCS.read_text(encoding="utf-8")
    schema = json.loads(schema_text())
    names = set(schema["properties"])
    for definition in schema["$defs"].values():
        names |= set(definition.get("properties", {}))
    assert sorted(n for n in names if f"`{n}`" not in text) == []


def test_the_worked_example_in_the_docs_is_a_valid_scenario(tmp_path: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# worked example\n.*?)```", text, re.DOTALL)
    assert example is not None, "docs/scenarios.md lost its worked example"
    scenario = read_scenario(example.group(1).encode(), "example.yaml")
    assert scenario.id == "example"
    assert _editor_view_problems(example.group(1)) == []


# --- The broken-file corpus --------------------------------------------------------------------


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_gives_exactly_its_expected_problems(path: Path) -> None:
    expected = [
        (int(line), int(column), "" if where == b"-" else where.decode(), message.decode())
        for line, column, where, message in _EXPECT.findall(path.read_bytes())
    ]
    assert expected, f"{path.name} says nothing about what it expects"
    problems = _problems(path)
    found = [(p.line, p.column, p.path, p.message) for p in problems]
    assert len(found) == len(expected), "\n".join(str(p) for p in problems)
    for (line, column, where, message), actual in zip(expected, found, strict=True):
        assert actual[:3] == (line, column, where), f"{actual} != {(line, column, where)}"
        assert actual[3].startswith(message)
    for problem in problems:
        assert problem.file == str(path)
        assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")


def test_the_corpus_covers_every_kind_of_refusal() -> None:
    names = {p.stem for p in BROKEN}
    assert {
        "duplicate_key",
        "billion_laughs",
        "custom_tag",
        "not_utf8",
        "top_level_list",
        "asset_paths",
        "asset_missing",
        "type_errors",
        "missing_fields",
        "unknown_keys",
        "bad_references",
    } <= names


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    (problem,) = _problems(path)
    assert (problem.line, problem.column, problem.path) == (1, 1, "")
    assert "at most 1 MB" in problem.message


def test_a_file_with_absurdly_many_values_is_refused_early() -> None:
    data = b"id: many\ninitiatives: [" + b"a, " * 30_000 + b"a]\n"
    with pytest.raises(ScenarioError) as caught:
        read_scenario(data, "many.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 75_000)
    assert problem.message == "more than 25,000 values; no scenario needs that many"


def test_hundreds_of_problems_are_cut_short_with_a_count() -> None:
    data = b"id: many\ninitiatives: [" + b"a, " * 999 + b"a]\n"
    with pytest.raises(ScenarioError) as caught:
        read_scenario(data, "many.yaml")
    problems = caught.value.problems
    assert len(problems) == 201
    assert problems[-1].message.startswith("… and 804 more problems")


def test_a_link_out_of_the_scenario_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"png")
    folder = tmp_path / "scenarios"
    folder.mkdir()
    try:
        (folder / "logo.png").symlink_to(outside)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    path = folder / "linked.yaml"
    path.write_text(MINIMAL.format(id="linked") + "assets: {logo: logo.png}\n", encoding="utf-8")
    (problem,) = _problems(path)
    assert (problem.line, problem.path) == (9, "assets.logo")
    assert "leads outside the scenario's folder" in problem.message


def test_an_existing_asset_inside_the_folder_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"png")
    path = tmp_path / "with_logo.yaml"
    path.write_text(
        MINIMAL.format(id="with_logo") + "assets: {logo: images/logo.png}\n", encoding="utf-8"
    )
    assert load_scenario(path).assets.logo == "images/logo.png"


@pytest.mark.parametrize(
    ("name", "message"),
    [("absent.yaml", "there is no such file"), ("folder.yaml", "this is a folder")],
)
def test_a_file_that_cannot_be_read_is_one_problem_without_a_line(
    tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "folder.yaml").mkdir()
    (problem,) = _problems(tmp_path / name)
    assert (problem.line, problem.column) == (0, 0)
    assert str(problem).startswith(f"{tmp_path / name}: {message}")


# --- YAML 1.1 surprises and values -------------------------------------------------------------


def test_yes_no_on_and_times_stay_text_where_text_is_expected() -> None:
    scenario = load_scenario(CORPUS / "valid" / "yaml_surprises.yaml")
    assert scenario.title.root == "yes"
    assert scenario.description.root == "1:30"
    assert scenario.author == "no"
    assert scenario.round_name is not None and scenario.round_name.root == "on"
    assert scenario.briefing.root == "Null island"
    assert scenario.channels[0].name.root == "off"
    assert scenario.initiatives[0].title.get("en") == "y"
    assert scenario.initiatives[0].text.root == "~text"


def test_numbers_and_truth_values_are_read_where_they_are_expected() -> None:
    scenario = load_scenario(CORPUS / "valid" / "yaml_surprises.yaml")
    assert scenario.rounds == 3
    assert scenario.organisation.inhabitants == 12000
    assert scenario.start.budget == 10.0
    assert scenario.channels[0].in_use is True


def test_the_language_code_no_is_reported_as_written() -> None:
    text = MINIMAL.format(id="lang") + "languages: [nl, no]\n"
    with pytest.raises(ScenarioError) as caught:
        read_scenario(text.encode(), "lang.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.path) == (9, 17, "languages[2]")
    assert problem.message == "expected one of: nl, en; got 'no'"


def test_infinity_is_not_a_number_a_trainer_means() -> None:
    text = MINIMAL.format(id="inf") + "start: {budget: inf}\n"
    with pytest.raises(ScenarioError) as caught:
        read_scenario(text.encode(), "inf.yaml")
    (problem,) = caught.value.problems
    assert problem.path == "start.budget"
    assert problem.message == "expected an ordinary number, got 'inf'"


def test_a_byte_order_mark_is_accepted() -> None:
    text = "\ufeff" + MINIMAL.format(id="bom")
    assert read_scenario(text.encode("utf-8"), "bom.yaml").id == "bom"


def test_validate_checks_each_length_as_it_checks_the_whole_game(monkeypatch) -> None:
    """Issue 17: a short game that kept an ``unfolds`` into a stage it left out passed
    ``validate`` and crashed in play. Each length is now checked as the whole game is, and its
    problems point at the line they come from. (The derivation no longer leaves such a
    reference, so it is put back here, as it was.)"""
    import game.scenario.references as references
    from game.cli import main
    from game.cli.usage import EXIT_FAILED

    made = references.shorter_scenario

    def as_before(scenario: Scenario, length):
        played = made(scenario, length)
        whole = {i.id: i for i in scenario.initiatives}
        kept = [i.model_copy(update={"unfolds": whole[i.id].unfolds}) for i in played.initiatives]
        return played.model_copy(update={"initiatives": kept})

    monkeypatch.setattr(references, "shorter_scenario", as_before)
    path = SCENARIO_DIR / "raadsgriffie.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = 1 + next(n for n, text in enumerate(lines) if "grows: inzamelactie" in text)
    problems = [str(p) for p in _problems(path)]
    expected = (
        f"{path}:{line}:32: initiatives[extra_raad_brand].unfolds.grows: in a short game "
        "(rounds 1, 2, 4, 6, 8, 10 of 10): it leaves out the initiative 'inzamelactie' that "
        "this refers to"
    )
    assert expected in problems
    assert any("in a standard game" in p and "'geruchten_dorpsstraat'" in p for p in problems)
    assert main(["validate", str(path)], out := io.StringIO()) == EXIT_FAILED
    assert expected in out.getvalue().splitlines()


def test_problems_print_as_file_line_column_path_message() -> None:
    problem = Problem("s.yaml", 12, 5, "initiatives[storm].owner", "expected one of: a, b")
    assert str(problem) == "s.yaml:12:5: initiatives[storm].owner: expected one of: a, b"
    assert str(Problem("s.yaml", 3, 1, "", "the file is empty")) == "s.yaml:3:1: the file is empty"


def test_all_errors_of_a_file_come_at_once_in_line_order() -> None:
    problems = _problems(CORPUS / "broken" / "type_errors.yaml")
    assert len(problems) == 11
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    error = ScenarioError(list(reversed(problems)))
    assert error.problems == problems
    assert str(error).splitlines() == [str(p) for p in problems]


# --- Listing and reloading for the game ----------------------------------------------------------


def test_list_scenarios_gives_metadata_and_the_problems_of_broken_files(tmp_path: Path) -> None:
    shutil.copy(SCENARIO_DIR / f"{DEFAULT_SCENARIO}.yaml", tmp_path)
    shutil.copy(CORPUS / "broken" / "type_errors.yaml", tmp_path)
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    good, bad = list_scenarios(tmp_path)
    assert (good.id, good.valid, good.rounds, good.languages) == (
        DEFAULT_SCENARIO,
        True,
        12,
        ("nl", "en"),
    )
    assert good.title.en == "Municipality of Middelgroot"
    assert good.organisation.nl == "Gemeente Middelgroot"
    assert good.kind == "municipality" and good.description.en.startswith("A municipality")
    assert isinstance(good.scenario, Scenario)
    assert (bad.id, bad.valid, bad.scenario) == ("type_errors", False, None)
    assert bad.error is not None and len(bad.error.problems) == 11


def test_loading_again_picks_up_a_trainers_edit(tmp_path: Path) -> None:
    path = tmp_path / "edited.yaml"
    path.write_text(MINIMAL.format(id="edited"), encoding="utf-8")
    before = scenario_stamp(path)
    assert load_scenario(path).title.root == "T"
    path.write_text(MINIMAL.format(id="edited").replace("title: T", "title: Nieuw!"), "utf-8")
    os.utime(path, ns=(before[0] + 1_000_000_000, before[0] + 1_000_000_000))  # type: ignore[index]
    assert scenario_stamp(path) != before
    assert load_scenario(path).title.root == "Nieuw!"
    assert scenario_stamp(tmp_path / "gone.yaml") is None


def test_a_number_too_long_to_read_is_refused_at_its_line() -> None:
    """A number of thousands of digits (Python reads at most 4,300 as an integer) is refused at
    its line like any number out of range, not a ValueError with a traceback (the mutation test
    found it: ``awareness: 999…``)."""
    path = SCENARIO_DIR / f"{DEFAULT_SCENARIO}.yaml"
    source = path.read_bytes().replace(b"awareness: 15", b"awareness: " + b"9" * 5000, 1)
    with pytest.raises(ScenarioError) as caught:
        read_scenario(source, path, folder=SCENARIO_DIR)
    assert [p.path for p in caught.value.problems] == ["start.indicators.awareness"]
    assert caught.value.problems[0].line > 0
