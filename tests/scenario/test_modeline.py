"""The first line that sends editors to the schema leads there, wherever a scenario lives.

yaml-language-server resolves ``$schema=`` from the scenario file's own folder and then ignores
the editor's settings (``test_editor_language_server.py`` shows it), so: ``new`` writes a path
that leads to the schema from where the file is written, ``validate`` warns when a file's line
leads nowhere (a file moved to another folder) and gives the line to write, and the project's
``.vscode/settings.json`` gives the schema to scenario files that have no such line.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.scenario.glyphs import scenario_warnings
from game.scenario.loader import SCENARIO_DIR, load_scenario
from game.scenario.modeline import _target, schema_modeline, schema_warnings
from game.scenario.starter import SCHEMA_FILE, starter_text
from tests.conftest import ROOT


def _leads_to(path: Path, text: str) -> Path | None:
    found = schema_modeline(text)
    assert found is not None, "no $schema= line"
    return _target(path, found[2])


@pytest.mark.parametrize(
    "where", ["scenarios/x.yaml", "scenarios/eigen/diep/x.yaml", "x.yaml", "docs/x.yaml"]
)
def test_new_names_the_schema_so_that_it_is_found_from_inside_the_game(where: str) -> None:
    path = SCENARIO_DIR.parent / where  # not written: only its place matters
    reference = schema_modeline(starter_text("x", path))
    assert reference is not None and not reference[2].startswith("file:")
    assert _leads_to(path, starter_text("x", path)) == SCHEMA_FILE.resolve()


def test_new_names_the_schema_by_its_full_address_outside_the_game(tmp_path: Path) -> None:
    path = tmp_path / "elders" / "x.yaml"
    text = starter_text("x", path)
    assert schema_modeline(text)[2].startswith("file:///")
    assert _leads_to(path, text) == SCHEMA_FILE.resolve()
    moved = tmp_path / "verhuisd" / "nog" / "x.yaml"  # the full address moves along
    assert _leads_to(moved, text) == SCHEMA_FILE.resolve()


def test_a_line_that_leads_nowhere_is_warned_about_with_the_line_to_write(tmp_path: Path) -> None:
    """A scenario moved one folder deeper in a game's folder: its relative line breaks."""
    game = tmp_path / "game"
    (game / "scenarios" / "eigen").mkdir(parents=True)
    schema = game / "scenarios" / "scenario.schema.json"
    schema.write_text("{}", encoding="utf-8")
    path = game / "scenarios" / "eigen" / "x.yaml"
    text = "# yaml-language-server: $schema=scenario.schema.json\nid: x\n"
    (warning,) = schema_warnings(path, text, schema)
    assert (warning.line, warning.column, warning.path) == (1, 33, "")
    assert warning.message.startswith(
        "warning: editors look for the schema at 'scenario.schema.json' from this file's folder"
    )
    assert warning.message.endswith(
        "write this first line instead: # yaml-language-server: $schema=../scenario.schema.json"
    )
    followed = text.replace("=scenario", "=../scenario")
    assert schema_warnings(path, followed, schema) == []


@pytest.mark.parametrize(
    "text",
    [
        "id: x\n# yaml-language-server: $schema=nowhere.json\n",  # not among the first comments
        "# yaml-language-server: $schema=https://example.org/scenario.schema.json\nid: x\n",
        "# just a comment\nid: x\n",
    ],
)
def test_no_warning_without_a_line_the_editor_reads_or_for_a_web_address(
    tmp_path: Path, text: str
) -> None:
    assert schema_warnings(tmp_path / "x.yaml", text, SCHEMA_FILE) == []


def test_validate_says_it_under_the_files_valid_line(tmp_path: Path) -> None:
    path = tmp_path / "gemeente-middelgroot.yaml"
    shutil.copy(SCENARIO_DIR / "gemeente-middelgroot.yaml", path)  # its line is relative
    warnings = [w for w in scenario_warnings(path, load_scenario(path)) if "schema" in w.message]
    assert len(warnings) == 1
    assert f"$schema={SCHEMA_FILE.resolve().as_uri()}" in warnings[0].message
    out = io.StringIO()
    assert main(["validate", str(path)], out) == 0  # a warning never fails the file
    assert str(warnings[0]) in out.getvalue().splitlines()


def test_the_shipped_scenarios_find_their_schema() -> None:
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert schema_warnings(path, text, SCHEMA_FILE) == [], path.name


def test_the_projects_editor_settings_name_the_shipped_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ((schema, patterns),) = settings["yaml.schemas"].items()
    assert (ROOT / schema).resolve() == SCHEMA_FILE.resolve()
    assert "scenarios/**/*.yaml" in patterns
