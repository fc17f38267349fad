"""The save commands: ``saves``, ``load FILE --check`` and ``autoplay --save FILE``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.saves import FORMAT_VERSION, SaveStore, new_game_id
from game.scenario.models import Scenario
from tests.conftest import ROOT
from tests.helpers.saves import EXAMPLES, forged, played


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_autoplay_save_then_load_check_in_fresh_processes(tmp_path: Path) -> None:
    path = tmp_path / "workshop" / "team-a.json"
    made = _run("autoplay", "--seed", "7", "--save", str(path), "--team", "Team A")
    assert made.returncode == 0, made.stderr
    assert f"saved to {path}" in made.stdout and path.is_file()
    checked = _run("load", str(path), "--check")
    assert checked.returncode == 0, checked.stderr
    assert "ok:" in checked.stdout and "team Team A" in checked.stdout
    assert "finished" in checked.stdout and "exactly" in checked.stdout
    assert checked.stderr == ""


def test_autoplay_json_with_save_prints_only_json(tmp_path: Path) -> None:
    out = io.StringIO()
    path = tmp_path / "a.json"
    assert main(["autoplay", "--seed", "2", "--json", "--save", str(path)], out) == 0
    assert out.getvalue().startswith("{") and path.is_file()


def test_load_check_fails_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    assert main(["autoplay", "--seed", "3", "--save", str(path)], io.StringIO()) == 0
    path.write_bytes(path.read_bytes()[:1000])
    result = _run("load", str(path), "--check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "invalid:" in result.stderr and "incomplete" in result.stderr
    assert "Traceback" not in result.stderr
    dutch = _run("load", str(path), "--check", "--lang", "nl")
    assert dutch.returncode == 1 and "onvolledig" in dutch.stderr


def test_load_check_against_a_given_scenario_file(capsys: pytest.CaptureFixture[str]) -> None:
    example = EXAMPLES / f"format-{FORMAT_VERSION}.json"
    assert main(["load", str(example), "--check"], io.StringIO()) == 1
    assert "'saves-example'" in capsys.readouterr().err
    out = io.StringIO()
    scenario = str(EXAMPLES / "saves-example.yaml")
    assert main(["load", str(example), "--check", "--scenario", scenario], out) == 0


def test_load_check_of_a_save_under_the_old_rules_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Asked for by issue 9."""
    example = EXAMPLES / "format-1.json"
    scenario = str(EXAMPLES / "saves-example.yaml")
    assert main(["load", str(example), "--check", "--scenario", scenario], io.StringIO()) == 1
    assert "older version of the game" in capsys.readouterr().err


def test_load_with_a_missing_scenario_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = str(EXAMPLES / "format-5.json")
    assert main(["load", example, "--scenario", "nope.yaml"], io.StringIO()) == 2
    assert "no scenario file" in capsys.readouterr().err


def test_saves_lists_team_scenario_round_and_time(small: Scenario, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.autosave(played(small, 1, 1), small, "Team Oost", new_game_id())
    store.save_slot("Pauze", played(small, 1, 2), small, "Team West", game_id=new_game_id())
    (tmp_path / "slot-kapot.json").write_text("{", encoding="utf-8")
    out = io.StringIO()
    assert main(["saves", "--saves", str(tmp_path)], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Saves in {tmp_path}:"
    west = next(line for line in lines if "Team West" in line)
    assert "round 3" in west and "slot 'Pauze'" in west and "(test 1.0)" in west
    oost = next(line for line in lines if "Team Oost" in line)
    assert "round 2" in oost and "autosave" in oost
    assert lines.index(west) < lines.index(oost)  # newest first
    assert "Cannot be used:" in lines
    assert any(line.startswith("  slot-kapot.json: ") for line in lines)


def test_saves_in_an_empty_place(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["saves", "--saves", str(tmp_path / "none")], out) == 0
    assert out.getvalue() == f"No saves in {tmp_path / 'none'}\n"
    assert not (tmp_path / "none").exists()


def test_autoplay_save_into_a_folder_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    # A path that cannot be used is a bad argument: exit 2 with the reason (issue 11).
    assert main(["autoplay", "--save", str(blocker / "a.json")], io.StringIO()) == 2
    assert "could not be saved" in capsys.readouterr().err


def test_a_save_with_a_number_of_the_wrong_type_is_refused_and_the_last_good_one_stays(
    default_scenario: Scenario, tmp_path: Path
) -> None:
    """A hand-edited ``"seed": 7.0`` with a recomputed checksum crashed ``load --check`` and
    ``report`` with a TypeError in ``game/sim/dice.py`` (issue 17). Now both refuse it with the
    field and the value; the save before it is still there, whole, to continue from."""
    store = SaveStore(tmp_path)
    game = new_game_id()
    store.autosave(played(default_scenario, 7, 1), default_scenario, "Team A", game)
    path = store.autosave(played(default_scenario, 7, 2), default_scenario, "Team A", game)

    def float_seed(document: dict[str, Any]) -> None:
        document["body"]["seed"] = 7.0

    forged(path, float_seed)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    checked = _run("load", str(path), "--check")
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stderr
    assert "body.seed: Input should be a valid integer, not 7.0" in checked.stderr
    assert "its backup" in checked.stderr and "is valid (round 2)" in checked.stderr
    report = _run("report", str(path), "--out", str(tmp_path / "report.html"))
    assert report.returncode == 1 and "Traceback" not in report.stderr
    assert "body.seed: Input should be a valid integer, not 7.0" in report.stderr
    assert not (tmp_path / "report.html").exists()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
