"""Bad input on the command line: every command survives any terminal encoding, and every bad
argument or path gives the usage or a reason with exit status 2, never a traceback.

Guards against what issue 11 found: with a terminal that is not UTF-8 (``PYTHONIOENCODING=ascii``,
latin-1) ``validate``, ``saves`` and ``load --lang nl`` crashed with a UnicodeEncodeError;
``tour --out README.md`` and ``tour --out /proc/nope/x`` gave tracebacks; an unreadable saves
folder was reported as "No saves".
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.saves import SaveStore, new_game_id
from game.scenario.loader import load_scenario
from tests.conftest import ROOT
from tests.helpers.saves import EXAMPLES, played


def _run(*args: str, encoding: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING=encoding, SDL_VIDEODRIVER="dummy")
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def saves_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Saves with Dutch names and titles, a broken one, and a save file of a finished game."""
    folder = tmp_path_factory.mktemp("saves")
    scenario = load_scenario()
    store = SaveStore(folder)
    store.autosave(played(scenario, 1, 2, "best"), scenario, "Team Één — oost", new_game_id())
    (folder / "slot-kapot.json").write_text("{", encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_every_command_survives_a_terminal_that_is_not_utf8(
    encoding: str, saves_folder: Path, tmp_path: Path
) -> None:
    save = next(saves_folder.glob("autosave-*.json"))
    commands = [
        ["validate"],
        ["saves", "--saves", str(saves_folder)],
        ["saves", "--saves", str(saves_folder), "--lang", "nl"],
        ["load", str(save), "--check", "--lang", "nl"],
        ["load", str(saves_folder / "slot-kapot.json"), "--check", "--lang", "nl"],
        ["autoplay", "--seed", "3", "--lang", "nl"],
        ["autoplay", "raadsgriffie", "--seed", "3", "--json"],
        ["schema"],
        ["new", "zuid", "--out", str(tmp_path / encoding / "zuid.yaml")],
        ["--help"],
    ]
    for command in commands:
        result = _run(*command, encoding=encoding)
        output = (result.stdout + result.stderr).decode(encoding)
        assert "Traceback" not in output and "UnicodeEncodeError" not in output, (command, output)
        assert result.returncode in (0, 1), (command, result.returncode, output)
        assert result.stdout or result.stderr, command
        if command[0] == "autoplay" and "--json" in command:
            document = json.loads(result.stdout.decode(encoding))  # escaped, still exact JSON
            assert document["final"]["council_ranking"]
    dutch = _run("saves", "--saves", str(saves_folder), "--lang", "nl", encoding=encoding)
    shown = dutch.stdout.decode(encoding)
    assert ("Team Één" if encoding == "latin-1" else "Team ??n") in shown


def _status(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args, io.StringIO())
    return status, capsys.readouterr().err


def _bad_paths(tmp_path: Path) -> list[tuple[list[str], str]]:
    """Every subcommand, with a path it cannot use, and words the reason must contain."""
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    a_folder = tmp_path / "a-folder"
    a_folder.mkdir()
    missing = tmp_path / "missing"
    nowhere = "/proc/nope/deeper"
    save = str(EXAMPLES / "format-5.json")
    cases = [
        (["play", str(missing / "x.yaml")], "no scenario"),
        (["play", "--saves", str(a_file)], "is a file, not a folder"),
        (["tour", "--out", str(a_file)], "is a file, not a folder"),
        (["tour", "--out", f"{nowhere}/shots"], "cannot be made"),
        (["tour", str(missing / "x.yaml"), "--out", str(tmp_path / "shots")], "no scenario"),
        (["autoplay", str(missing / "x.yaml")], "no scenario"),
        (["autoplay", str(a_folder)], "no scenario"),
        (["autoplay", "--save", str(a_folder)], "is a folder"),
        (["autoplay", "--save", f"{nowhere}/a.json"], "could not be saved"),
        (["saves", "--saves", str(a_file)], "is a file, not a folder"),
        (["load", str(missing / "a.json"), "--check"], "does not exist"),
        (["load", str(a_folder), "--check"], "a folder, not a save file"),
        (["load", save, "--scenario", str(missing / "x.yaml")], "no scenario file"),
        (["validate", str(missing / "x.yaml")], "there is no such file"),
        (["new", "zuid", "--out", f"{nowhere}/zuid.yaml"], "cannot be written"),
        (["schema", "--out", f"{nowhere}/s.json"], "No such file"),
        (["schema", "--out", str(a_folder)], "is a folder"),
        (["schema", "--docs", str(missing / "guide.md")], "No such file"),
        (["simulate", str(missing / "x.yaml")], "no scenario"),
        (["outline", str(missing / "x.yaml")], "no scenario"),
        (["outline", str(a_folder)], "no scenario"),
        (["simulate", "--strategy-file", str(missing / "s.py")], "no such strategy file"),
        (["pack", "new", str(a_file)], "is a file, not a folder"),
        (["pack", "new", f"{nowhere}/pack"], "cannot be written"),
        (["build", "--pack", str(missing)], "no pack folder"),
        (["build", "--out", str(a_file)], "is a file, not a folder"),
        # Issue 12: results, comparisons and reports.
        (["autoplay", "--results", str(a_folder)], "is a folder"),
        (["compare", str(missing / "r.json"), "--out", str(tmp_path / "c.html")], "no such file"),
        (["compare", save, "--out", str(a_folder)], "is a folder"),
        (["compare", save, "--out", f"{nowhere}/c.html"], "cannot be made"),
        (["report", str(missing / "r.json"), "--out", str(tmp_path / "r.html")], "no such file"),
        (["report", str(a_folder), "--out", str(tmp_path / "r.html")], "not a plain file"),
        (["report", save, "--out", f"{nowhere}/r.html"], "cannot be made"),
        (["report", save, "--out", "r.html", "--scenario", str(missing / "x.yaml")], "no scenario"),
        # Issue 19: the workshop host.
        (["host", str(missing / "x.yaml"), "--headless", "--teams", "2"], "no scenario"),
        (
            ["host", "--headless", "--teams", "2", "--results", str(a_file)],
            "is a file, not a folder",
        ),
        (["host", "--headless", "--teams", "2", "--results", f"{nowhere}/r"], "cannot be made"),
    ]
    if Path("/dev/zero").exists():
        cases += [
            (["load", "/dev/zero", "--check"], "a device, not a save file"),
            (["validate", "/dev/zero"], "not a scenario file"),
            (["report", "/dev/zero", "--out", str(tmp_path / "r.html")], "not a plain file"),
        ]
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        cases += [
            (["load", str(fifo), "--check"], "a pipe (FIFO), not a save file"),
            (["validate", str(fifo)], "not a scenario file"),
            (["report", str(fifo), "--out", str(tmp_path / "r.html")], "not a plain file"),
        ]
    return cases


def test_every_subcommand_with_a_bad_path_exits_2_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    commands: set[str] = set()
    for args, reason in _bad_paths(tmp_path):
        commands.add(args[0])
        status, err = _status(args, capsys)
        assert status == 2, (args, status, err)
        assert reason in err, (args, err)
        assert "Traceback" not in err
    from game.cli import COMMANDS

    assert commands == set(COMMANDS)  # every subcommand was tried


def _bad_values(tmp_path: Path) -> list[tuple[list[str], str]]:
    """Every subcommand with a value it cannot take, and the plain words the reason must hold."""
    out = str(tmp_path / "shots")
    save = str(EXAMPLES / "format-5.json")
    seed = "is not a seed: give a whole number from 0 to 18446744073709551615"
    empty = "an empty path: give a file or folder name"
    return [
        (["simulate", "--runs", "0"], "'0' is not a number of games: give a whole number from 1"),
        (["simulate", "--runs", "many"], "'many' is not a number of games"),
        (["simulate", "--jobs", "0"], "'0' is not a number of processes"),
        (["simulate", "--jobs", "100000"], "give a whole number from 1 to 256"),
        (["simulate", "--seed", "x"], f"'x' {seed}"),
        (["simulate", "--strategy-file", ""], empty),
        (["simulate", ""], "an empty name: give a scenario id or file"),
        (["outline", ""], "an empty name: give a scenario id or file"),
        (["outline", "--length", "long"], "invalid choice: 'long'"),
        (["tour", "--out", out, "--size", "10x10"], "a size is from 320x240 to 8192x8192"),
        (["tour", "--out", out, "--size", "wide"], "'wide' is not a size: give width x height"),
        (["tour", "--out", out, "--seed", "1.5"], f"'1.5' {seed}"),
        (["tour", "--out", ""], empty),
        (["tour", "", "--out", out], "an empty name"),
        (["play", "--size", "0x0"], "a size is from 320x240"),
        (["play", "--seed", "-1"], f"'-1' {seed}"),
        (["play", "--saves", ""], empty),
        (["play", "--round", "0"], "'0' is not a number of rounds: give a whole number from 1"),
        (["tour", "--out", out, "--round", "40"], "--round 40: gemeente-middelgroot has 12"),
        (["autoplay", "--seed", "1" + "0" * 45], seed),
        (
            ["autoplay", "--team", "x" * 81],
            "a team name is at most 80 characters (this one has 81)",
        ),
        (["autoplay", "--team", " "], "a team name cannot be empty"),
        (["autoplay", "--save", ""], empty),
        (["compare", "", "--out", str(tmp_path / "c.html")], empty),
        (["report", save, "--out", ""], empty),
        (["saves", "--saves", ""], empty),
        (["load", ""], empty),
        (["validate", ""], empty),
        (["new", "zuid", "--out", ""], empty),
        (["schema", "--docs", ""], empty),
        (["build", "--out", ""], empty),
        (["pack", "new", ""], empty),
        (["host", "--headless", "--port", "80"], "'80' is not a port: give 1024 to 65535"),
        (["host", "--headless", "--teams", "0"], "'0' is not a number of teams"),
        (["host", "--code", "a b"], "is not a join code: 4 to 8 letters or digits"),
        (["host", "--headless"], "--headless needs --teams N"),
        (["host", "--headless", "--teams", "2", "--news", "9:storm"], "a round from 1 to"),
        (["host", "--headless", "--teams", "2", "--news", "1:nosuch"], "no event 'nosuch'"),
        (["autoplay", "--join", "nohost"], "'nohost' is not HOST:PORT"),
    ]


def test_every_subcommand_with_a_bad_value_exits_2_with_the_usage_and_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``simulate --runs 0`` said "invalid _positive value", the name of a function inside the
    game; an empty path meant the current folder without saying so (``new zuid --out ''`` wrote
    into the game's own scenarios, ``tour --out ''`` filled the current folder); a seed of 46
    digits made a save that the game then refused to read (issue 17)."""
    commands: set[str] = set()
    for args, reason in _bad_values(tmp_path):
        commands.add(args[0])
        status, err = _status(args, capsys)
        assert status == 2, (args, status, err)
        assert err.startswith("usage: "), (args, err)
        assert reason in err, (args, err)
        for internal in ("_positive", "_size", "invalid int value", "Traceback"):
            assert internal not in err, (args, err)
    from game.cli import COMMANDS

    assert commands == set(COMMANDS)  # every subcommand was tried
    assert list(tmp_path.iterdir()) == []  # nothing was made of a bad value


def test_bad_paths_in_a_fresh_process_never_hang_or_trace(tmp_path: Path) -> None:
    """The same from a real process: a FIFO or a device is refused before it is read."""
    fifo = tmp_path / "autosave-pipe.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    for args in (
        ["load", str(fifo), "--check"],
        ["tour", "--out", str(ROOT / "README.md")],
        ["tour", "--out", "/proc/nope/x"],
        ["saves", "--saves", str(tmp_path)],
    ):
        result = _run(*args, encoding="utf-8", timeout=60)
        err = result.stderr.decode("utf-8")
        assert "Traceback" not in err, (args, err)
        if args[0] == "saves":  # the folder is fine; the pipe in it is listed with its reason
            assert result.returncode == 0
            if hasattr(os, "mkfifo"):
                assert "autosave-pipe.json: This is a pipe (FIFO)" in result.stdout.decode()
        else:
            assert result.returncode == 2 and "usage:" in err, (args, err)


def test_an_unreadable_saves_folder_is_said_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    real = os.scandir

    def refused(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refused)
    out = io.StringIO()
    assert main(["saves", "--saves", str(folder)], out) == 2
    assert out.getvalue() == ""  # not "No saves"
    assert "cannot be read (Permission denied)" in capsys.readouterr().err


def test_an_unknown_option_shows_its_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 20: ``new --kind water_board zuid`` showed the main usage line (``new`` has
    ``--kind`` since; an option it does not know still gets its own usage)."""
    status, err = _status(["new", "zuid", "--colour", "blue"], capsys)
    assert status == 2
    assert err.startswith("usage: ") and " new " in err.splitlines()[0]
    assert "unrecognized arguments: --colour blue" in err
