"""The real editor agrees with the game: yaml-language-server on the corpus (issue 20, item 8).

``test_editor_agreement.py`` checks the schema with Python's ``jsonschema``; trainers use
yaml-language-server (VS Code's YAML extension and others), which reads YAML and JSON Schema in
its own way. Here one server process (the version ``.ci/run`` installs from npm) gets every
case of the corpus, each naming the schema in its first line as a trainer's file does, and must
underline exactly the cases the game refuses; its hovers and completions must read as words.

Without the server the tests are skipped with the reason, except in CI (``CI=true``), where
``.ci/run`` installs it: there a missing server is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.loader import read_scenario
from game.scenario.schema import schema_text
from tests.conftest import ROOT
from tests.helpers.editor_corpus import CASES, Case
from tests.helpers.lsp import LanguageServer, find_yaml_language_server

MODELINE = "# yaml-language-server: $schema=scenario.schema.json\n"
WAIT = 30.0
"""Seconds to wait for the server's verdict on all cases (it takes about one)."""


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory):
    command = find_yaml_language_server()
    if command is None:
        if os.environ.get("CI") == "true":
            pytest.fail("yaml-language-server is not installed; .ci/run should have installed it")
        pytest.skip(
            "yaml-language-server is not installed "
            "(npm install --prefix .ci/node yaml-language-server, as .ci/run does)"
        )
    project = tmp_path_factory.mktemp("project")  # the game's folder, as a trainer opens it
    folder = project / "scenarios"
    folder.mkdir()
    (folder / "scenario.schema.json").write_text(schema_text(), encoding="utf-8")
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    server = LanguageServer(
        command,
        project,
        {
            "yaml": {
                "validate": True,
                "hover": True,
                "completion": True,
                "schemas": settings["yaml.schemas"],
            }
        },
    )
    try:
        yield server, folder
    finally:
        server.close()


@pytest.fixture(scope="module")
def underlined(editor) -> dict[str, list[dict[str, Any]]]:
    """Per case, what the editor underlines in it."""
    server, folder = editor
    uris = {case.name: (folder / f"{case.name}.yaml").as_uri() for case in CASES}
    for case in CASES:
        server.open(uris[case.name], MODELINE + case.text)
    published = server.wait_for_diagnostics(list(uris.values()), WAIT)
    missing = [name for name, uri in uris.items() if uri not in published]
    assert not missing, f"no verdict from the editor within {WAIT} s for {missing}"
    return {name: published[uri] for name, uri in uris.items()}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_editor_underlines_exactly_what_the_game_refuses(
    case: Case, underlined: dict[str, list[dict[str, Any]]]
) -> None:
    try:
        read_scenario(case.text.encode("utf-8"), case.name)
        game_refuses = False
    except ScenarioError:
        game_refuses = True
    said = [f"{d['range']['start']['line']}: {d['message']}" for d in underlined[case.name]]
    assert (game_refuses, bool(said)) == (not case.valid, not case.valid), said


def _open(editor, name: str, text: str) -> tuple[LanguageServer, str, list[str]]:
    server, folder = editor
    uri = (folder / f"{name}.yaml").as_uri()
    server.open(uri, MODELINE + text)
    server.wait_for_diagnostics([uri], WAIT)
    return server, uri, (MODELINE + text).splitlines()


def _at(lines: list[str], text: str) -> tuple[int, int]:
    """The 0-based line and character where ``text`` first appears."""
    for number, line in enumerate(lines):
        if text in line:
            return number, line.index(text)
    raise AssertionError(f"{text!r} is not in the document")


def test_each_relation_shows_its_own_meaning_while_typing_and_on_hover(editor) -> None:
    base = next(case for case in CASES if case.name == "base").text
    server, uri, lines = _open(editor, "relations", base)
    line, character = _at(lines, "relation: resident")
    offered = server.completion(uri, line, character + len("relation: "))
    meanings = {item["label"]: _documentation(item) for item in offered}
    assert set(meanings) >= {"customer", "voter", "subject", "user", "partner", "resident"}
    assert len({meanings[r] for r in ("customer", "voter", "subject", "user", "partner")}) == 5
    assert meanings["subject"].startswith("People as subjects")
    hover = server.hover(uri, line, character + len("relation: "))
    assert hover.startswith("#### Relation\n")
    assert "* `resident`: People as residents" in hover


def test_a_hover_is_headed_by_the_field_in_words_with_its_description(editor) -> None:
    text = next(case for case in CASES if case.name == "base").text
    text = text.replace("round: 2\n", "when: {round_at_least: 2}\n")
    server, uri, lines = _open(editor, "hover", text)
    hover = server.hover(uri, *_at(lines, "round_at_least"))
    assert hover.startswith("#### Round at least\n\nFrom this round on.")
    hover = server.hover(uri, *_at(lines, "grows"))
    assert hover.startswith("#### Grows\n\nThe id of the initiative in this file")


def test_a_relative_schema_path_is_read_from_the_files_own_folder(editor, tmp_path: Path) -> None:
    """Why ``new`` writes a path relative to the file, and ``validate`` checks it: the editor
    resolves ``$schema=`` against the folder of the YAML file, not the project's."""
    server, folder = editor
    invalid = next(case for case in CASES if case.name == "round_in_quotes").text
    (folder / "sub").mkdir(exist_ok=True)
    here = (folder / "sub" / "here.yaml").as_uri()
    up = (folder / "sub" / "up.yaml").as_uri()
    server.open(here, MODELINE + invalid)
    server.open(up, MODELINE.replace("=", "=../") + invalid)
    published = server.wait_for_diagnostics([here, up], WAIT)
    assert any("Unable to load schema" in d["message"] for d in published[here])
    assert any("whole number" in d["message"] for d in published[up])


def test_the_projects_editor_settings_find_the_schema_for_a_file_without_its_line(
    editor,
) -> None:
    """``.vscode/settings.json`` gives the schema to every file under a scenarios folder, at any
    depth, when it has no first line of its own; a file elsewhere is left alone."""
    server, folder = editor
    invalid = next(case for case in CASES if case.name == "round_in_quotes").text
    (folder / "moved" / "deeper").mkdir(parents=True)
    (folder.parent / "notes").mkdir()
    moved = (folder / "moved" / "deeper" / "moved.yaml").as_uri()
    elsewhere = (folder.parent / "notes" / "notes.yaml").as_uri()
    server.open(moved, invalid)
    server.open(elsewhere, invalid)
    published = server.wait_for_diagnostics([moved, elsewhere], WAIT)
    assert any("whole number" in d["message"] for d in published[moved])
    assert published[elsewhere] == []


def _documentation(item: dict[str, Any]) -> str:
    documentation = item.get("documentation") or ""
    return documentation.get("value", "") if isinstance(documentation, dict) else documentation
