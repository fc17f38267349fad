"""The trainers' commands: validate, new and schema, and autoplay on a broken scenario."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import loader
from game.scenario.schema import schema_text
from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "scenarios" / "broken"
PROBLEM_LINE = re.compile(r"^.+\.yaml:\d+:\d+: .+$")


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _main(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out)
    return status, out.getvalue()


def test_validate_passes_the_shipped_scenarios() -> None:
    status, text = _main("validate")
    assert status == 0
    assert "gemeente-middelgroot.yaml: valid — Municipality of Middelgroot, 12 rounds" in text
    assert text.splitlines()[-1].endswith("valid")


def test_validate_prints_every_problem_of_the_corpus_without_a_traceback() -> None:
    result = _run("validate", str(BROKEN))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    *problems, summary = result.stdout.splitlines()
    files = sorted(BROKEN.glob("*.yaml"))
    assert summary.startswith(f"{len(files)} files checked: 0 valid, ")
    for line in problems:
        assert PROBLEM_LINE.match(line), line
    for path in files:
        assert any(line.startswith(f"{path}:") for line in problems), path.name


def test_validate_of_one_broken_file_gives_its_exact_lines() -> None:
    status, text = _main("validate", str(BROKEN / "duplicate_key.yaml"))
    assert status == 1
    assert text.splitlines() == [
        f"{BROKEN / 'duplicate_key.yaml'}:9:1: rounds: 'rounds' appears twice here "
        "(first on line 8); remove one of them",
        f"{BROKEN / 'duplicate_key.yaml'}:10:47: organisation.name: 'name' appears twice here "
        "(first on line 10); remove one of them",
        "1 file checked: 0 valid, 2 problems to fix",
    ]


def test_validate_fails_for_paths_that_are_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A path that is not there is a bad argument: exit 2, with the reason (issue 11).
    status, text = _main("validate", str(tmp_path / "nothing.yaml"), str(tmp_path))
    assert status == 2
    assert (
        f"{tmp_path / 'nothing.yaml'}: there is no such file or folder" in capsys.readouterr().err
    )
    assert f"{tmp_path}: no scenario files (.yaml) in this folder" in text
    # A folder without scenarios is a finding, not a bad path: exit 1.
    assert _main("validate", str(tmp_path))[0] == 1


# Per kind ``new --kind`` takes: the kind the file says, and the words its texts and its end
# title use for the organisation, in Dutch and English.
STARTER_KINDS = {
    "municipality": ("municipality", "gemeente", "municipality"),
    "water_board": ("water_board", "waterschap", "water board"),
    "province": ("province", "provincie", "province"),
    "police": ("police", "politie", "police"),
    "clerk": ("council_clerk", "griffie", "clerk's office"),
}


@pytest.mark.parametrize("kind", STARTER_KINDS)
def test_new_writes_a_starter_that_validates_and_plays(kind: str, tmp_path: Path) -> None:
    """Every kind's starter (issue 20): written, valid without a warning, played to its end by
    the best bot, and about that kind of organisation, in both languages."""
    value, dutch, english = STARTER_KINDS[kind]
    path = tmp_path / "mijn-start.yaml"
    status, text = _main("new", "mijn-start", "--out", str(path), "--kind", kind)
    assert status == 0, text
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=")
    assert "__" not in written  # every placeholder filled in
    status, checked = _main("validate", str(path))
    assert status == 0 and "warning" not in checked, checked
    scenario = loader.load_scenario(path)
    assert scenario.organisation.kind.value == value
    about = [scenario.organisation.name, scenario.description, scenario.briefing]
    assert all(dutch in t.get("nl").lower() and english in t.get("en").lower() for t in about)
    status, played = _main("autoplay", str(path), "--strategy", "best", "--seed", "7")
    assert status == 0
    assert played.count("round ") == 4 and "score" in played
    title = played.split("/ 1000: ", 1)[1].split(";", 1)[0]  # "Learning water board"
    assert english in title.lower() or title in ("Cautious experimenter", "Explorer at the start")


def test_new_with_a_kind_it_has_no_starter_for_lists_the_kinds(tmp_path: Path) -> None:
    """Issue 20: 'new --kind water_board NAME' once gave the main usage line."""
    result = _run("new", "zuid", "--kind", "waterschapp")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: ") and " new " in result.stderr.splitlines()[0]
    assert "'waterschapp' has no starter" in result.stderr
    assert "municipality, water_board, province, police, clerk" in result.stderr
    # The value in scenario files and the Dutch word name the same kind.
    for name, kind in (("council_clerk", "council_clerk"), ("Waterschap", "water_board")):
        path = tmp_path / f"{kind}.yaml"
        assert _main("new", kind, "--out", str(path), "--kind", name)[0] == 0
        assert loader.load_scenario(path).organisation.kind.value == kind


def test_new_writes_into_the_scenarios_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "SCENARIO_DIR", tmp_path)
    assert _main("new", "dorp")[0] == 0
    assert loader.load_scenario(tmp_path / "dorp.yaml").id == "dorp"


def test_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "bestaand.yaml"
    path.write_text("mine", encoding="utf-8")
    status, text = _main("new", "bestaand", "--out", str(path))
    assert status == 1
    assert "already exists; not overwritten" in text
    assert path.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "args",
    [["new", "Gemeente Zuid"], ["new", "zuid", "--out", "elders.yaml"], ["new"]],
)
def test_new_with_a_bad_name_is_a_usage_error(args: list[str]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


def test_schema_prints_the_shipped_schema() -> None:
    status, text = _main("schema")
    assert status == 0
    assert text == schema_text()
    assert json.loads(text)["properties"]["rounds"]["maximum"] == 40


def test_schema_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "scenario.schema.json"
    assert _main("schema", "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == schema_text()


def test_schema_docs_needs_the_reference_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "guide.md"
    target.write_text("# A guide without markers\n", encoding="utf-8")
    status, text = _main("schema", "--docs", str(target))
    assert status == 1 and text == ""
    assert "no field reference section" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# A guide without markers\n"


def test_schema_docs_on_a_file_that_is_not_utf8_says_where_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It showed Python's raw codec message ("'utf-8' codec can't decode byte 0xe9 in position
    19: invalid continuation byte"), issue 17."""
    target = tmp_path / "gids.md"
    latin = "# Gids\n\nDe café is open.\n".encode("latin-1")
    target.write_bytes(latin)
    status, _ = _main("schema", "--docs", str(target))
    err = capsys.readouterr().err
    assert status == 1
    assert f"{target}:3:7: not UTF-8 text (the byte 0xe9)" in err
    assert "codec" not in err and "position" not in err
    assert target.read_bytes() == latin


def test_autoplay_on_a_broken_scenario_prints_its_problems_and_exits_1() -> None:
    result = _run("autoplay", str(BROKEN / "missing_fields.yaml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{BROKEN / 'missing_fields.yaml'}:6:1: briefing: 'briefing' is required but missing"
        " — The starting situation, told to the players before round 1. A string, or "
        "{nl: …, en: …}."
    )
    assert len(lines) == 4


CROWDED = """\
id: crowded
title: {nl: Druk, en: Busy}
description: {nl: D}
briefing: B
rounds: 4
languages: [nl, en]
organisation: {name: Dorp, inhabitants: 5000}
channels:
  - id: website
    name: Website
    in_use: true
initiatives:
"""


def test_validate_warns_what_loads_but_will_not_play_as_meant(tmp_path: Path) -> None:
    """Issue 20: four initiatives fixed in a round that deals three, and a text without one of
    the scenario's languages, loaded without a word."""
    text = CROWDED + "".join(
        f"  - id: i{n}\n    round: 1\n    title: T{n}\n    text: X\n"
        "    owner: community\n    relation: resident\n"
        for n in range(4)
    )
    path = tmp_path / "crowded.yaml"
    path.write_text(text, encoding="utf-8")
    status, out = _main("validate", str(path))
    assert status == 0  # warnings never fail it
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}: valid")
    assert lines[1] == (
        f"{path}:3:14: description: warning: this text has no English (en), though "
        "'languages' lists it: groups playing in English read the Dutch text. Add 'en: …'"
    )
    assert lines[2].startswith(f"{path}:32:12: initiatives[i3].round: warning: round 1 has 4 ")
    assert "a round deals at most 3 (tuning.max_initiatives_per_round)" in lines[2]


def test_validate_warns_of_a_starting_phase_that_falls_back_and_a_title_too_long(
    tmp_path: Path,
) -> None:
    """Issue 20: a relation's starting phase that falls back in round 1 was seen only on the
    dashboard, and a 10 kB title loaded without a word. Both in Dutch too."""
    import random

    from game.scenario.loader import load_scenario
    from game.sim import Bot
    from game.sim.engine import new_game, resolve_round

    text = CROWDED.replace("title: {nl: Druk, en: Busy}", f"title: {{nl: Druk, en: {'B' * 400}}}")
    text = text.replace(
        "channels:",
        "start:\n  relations:\n    resident: {phase: collaborating}\nchannels:",
    )
    text += "  - id: i1\n    round: 1\n    title: T\n    text: X\n    owner: community\n"
    text += "    relation: resident\n"
    path = tmp_path / "crowded.yaml"
    path.write_text(text, encoding="utf-8")
    status, out = _main("validate", str(path))
    assert status == 0
    warned = [line for line in out.splitlines() if ": warning: " in line]
    assert warned[0].startswith(f"{path}:2:23: title.en: warning: this title is 400 characters")
    (start,) = [line for line in warned if "start.relations" in line]
    assert start.startswith(f"{path}:10:23: start.relations.resident.phase: warning: ")
    assert "'resident' starts in phase 'collaborating'" in start
    assert "falls back a phase in round 1" in start
    # What the warning says is what the game does: the relation drops in round 1.
    scenario = load_scenario(path)
    state = new_game(scenario, 1)
    assert state.relation_phase["resident"].level == 4
    decisions = Bot("best", 1).decide(state, scenario)
    state, _ = resolve_round(state, decisions, scenario, random.Random(1))
    assert state.relation_phase["resident"].level == 3
    status, dutch = _main("validate", "--lang", "nl", str(path))
    assert "waarschuwing: 'resident' begint in fase 'collaborating'" in dutch
    assert "waarschuwing: deze titel is 400 tekens lang" in dutch
