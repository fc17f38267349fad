"""Branding packs (issue 13): the starter pack, every mistake with its line, the scenario choice."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.packs import PackError, check_pack, contrast, load_pack
from game.packs.shelf import pack_scenarios
from game.scenario.loader import SCENARIO_DIR
from tests.conftest import ROOT

PROBLEM = re.compile(
    r"^(?P<file>.+\.yaml):(?P<line>\d+):(?P<column>\d+): (?P<path>[^:]+): (?P<msg>.+)$"
)
PNG_1X1 = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _main(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


def _pack(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[re.Match[str]]:
    with pytest.raises(PackError) as caught:
        check_pack(folder)
    lines = str(caught.value).splitlines()
    matches = [PROBLEM.match(line) for line in lines]
    assert all(matches), lines
    return matches  # type: ignore[return-value]


def test_pack_new_writes_a_starter_that_validates_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "Waterschap Rivierland"
    status, text = _main("pack", "new", str(folder))
    assert status == 0, text
    pack = load_pack(folder)
    assert pack.id == "waterschap-rivierland"  # made from the folder's name
    assert pack.name.get("nl") == "Gemeente Voorbeeld"
    assert pack.language == "nl"
    assert (folder / "scenarios").is_dir()
    starter = (folder / "pack.yaml").read_text(encoding="utf-8")
    assert "# NL " in starter and "# EN " in starter  # explained in both languages
    assert f"validate {folder.as_posix()}" in starter
    status, text = _main("validate", str(folder))
    assert status == 0 and "valid — pack 'waterschap-rivierland'" in text
    before = (folder / "pack.yaml").read_bytes()
    status, text = _main("pack", "new", str(folder))
    assert status == 1 and "not overwritten" in text
    assert (folder / "pack.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["pack"],
        ["pack", "new"],
        ["pack", "new", "x", "--id", "Not An Id"],
        ["pack", "open", "x"],
        ["build", "--pack", "/no/such/pack"],
        ["build", "--out"],
        ["tour", "--pack", "/no/such/pack", "--out", "x"],
        ["play", "--pack", "/no/such/pack"],
    ],
)
def test_bad_pack_and_build_arguments_give_usage_and_exit_2(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_mistake_in_a_pack_is_reported_with_its_line_and_field(tmp_path: Path) -> None:
    folder = _pack(
        tmp_path / "p",
        "id: Waterschap\n"
        "name: {nl: Waterschap, en: Water board}\n"
        "colour:\n"
        "  band: '#005a9c'\n"
        "colours:\n"
        "  band: blue\n"
        "language: de\n",
    )
    found = {(m["line"], m["path"]): m["msg"] for m in _problems(folder)}
    assert "did you mean 'waterschap'" in found[("1", "id")]
    assert "unknown field 'colour' — did you mean 'colours'?" in found[("3", "colour")]
    assert "'blue' is not a colour" in found[("6", "colours.band")]
    assert "'#005a9c'" in found[("6", "colours.band")]
    assert "expected one of: nl, en; got 'de'" in found[("7", "language")]


def test_the_folder_checks_logo_contrast_and_scenario_names(tmp_path: Path) -> None:
    folder = _pack(
        tmp_path / "p",
        "id: p\n"
        "name: P\n"
        "logo: logo.png\n"
        "colours:\n"
        "  accent: '#1a2a3a'\n"
        "scenarios: [gemeente-middelgrot, politieregio, politieregio]\n",
    )
    (folder / "logo.png").write_text("not a picture", encoding="utf-8")
    found = {(m["line"], m["column"], m["path"]): m["msg"] for m in _problems(folder)}
    assert "is not a PNG or JPEG picture" in found[("3", "7", "logo")]
    assert "too dark to read" in found[("5", "11", "colours.accent")]
    assert "did you mean 'gemeente-middelgroot'?" in found[("6", "13", "scenarios[1]")]
    assert "listed twice" in found[("6", "48", "scenarios[3]")]
    (folder / "logo.png").unlink()
    found = {m["path"]: m["msg"] for m in _problems(folder)}
    assert "there is no file 'logo.png'" in found["logo"]


def test_an_unquoted_colour_is_not_silently_dropped(tmp_path: Path) -> None:
    # YAML reads `#8fd3ff` without quotes as a comment: the pack would lose its colour unseen.
    folder = _pack(tmp_path / "p", "id: p\nname: P\ncolours:\n  accent: #8fd3ff\n")
    [problem] = _problems(folder)
    assert problem["path"] == "colours.accent" and problem["line"] == "4"
    assert "in quotes" in problem["msg"]


def test_an_empty_pack_file_and_a_missing_one_say_so(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "p", "")
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert str(caught.value) == (
        f"{folder / 'pack.yaml'}:1:1: the file is empty; a pack starts with 'id:' and 'name:'"
    )
    status, text = _main("validate", str(tmp_path / "p" / "pack.yaml"))
    assert status == 1 and text.endswith("1 file checked: 0 valid, 1 problem to fix\n")
    with pytest.raises(PackError, match=r"there is no pack\.yaml here"):
        load_pack(tmp_path / "nothing")


def test_the_packs_own_scenarios_are_checked_and_may_not_clash(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "p", "id: p\nname: P\n")
    own = folder / "scenarios"
    own.mkdir()
    (own / "kapot.yaml").write_text("id: kapot\ntitle: Kapot\nrounds: many\n", encoding="utf-8")
    load_pack(folder)  # branding alone is fine: a broken scenario shows in the list instead
    lines = [str(m.string) for m in _problems(folder)]
    assert any(line.startswith(f"{own / 'kapot.yaml'}:3:9: rounds:") for line in lines), lines
    (own / "kapot.yaml").unlink()
    (own / "raadsgriffie.yaml").write_text(
        (SCENARIO_DIR / "raadsgriffie.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(PackError, match="the game already has a scenario 'raadsgriffie'"):
        load_pack(folder)


def test_accent_contrast_follows_wcag() -> None:
    assert contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert contrast((16, 28, 43), (16, 28, 43)) == pytest.approx(1.0)
    # The game's own accent passes the rule the pack's must pass.
    assert contrast((0xFF, 0xC8, 0x57), (0x10, 0x1C, 0x2B)) > 3


def test_the_scenario_list_follows_the_pack(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "p", "id: p\nname: P\nscenarios: [raadsgriffie, politieregio]\n")
    own = folder / "scenarios"
    own.mkdir()
    text = (SCENARIO_DIR / "gemeente-middelgroot.yaml").read_text(encoding="utf-8")
    (own / "eigen.yaml").write_text(
        text.replace("id: gemeente-middelgroot", "id: eigen"), encoding="utf-8"
    )
    pack = load_pack(folder)
    # From source: what a build with this pack would hold, in the pack's order, own ones after.
    assert [i.id for i in pack_scenarios(pack, whole_folder=False)] == [
        "raadsgriffie",
        "politieregio",
        "eigen",
    ]
    # A built game shows its whole scenarios folder: files trainers dropped in appear too.
    game = tmp_path / "game-scenarios"
    game.mkdir()
    for name in ("raadsgriffie", "politieregio"):
        (game / f"{name}.yaml").write_bytes((SCENARIO_DIR / f"{name}.yaml").read_bytes())
    (game / "dropped.yaml").write_text("id: dropped\n", encoding="utf-8")
    shown = pack_scenarios(pack, game, whole_folder=True)
    assert [i.id for i in shown] == ["raadsgriffie", "politieregio", "dropped", "eigen"]
    assert not shown[2].valid  # a broken one is listed, with its problems


def test_build_refuses_a_broken_pack_before_building(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "p", "id: p\nname: P\nlanguage: fr\n")
    out = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "main.py", "build", "--pack", str(folder), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert f"{folder / 'pack.yaml'}:3:11: language:" in result.stderr
    assert "nothing was built" in result.stderr
    assert not out.exists()


def test_a_broken_pack_given_on_the_command_line_stops_the_tour_with_its_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _pack(tmp_path / "p", "id: p\nnaam: P\n")
    status, _ = _main("tour", "--pack", str(folder), "--out", str(tmp_path / "shots"))
    assert status == 1
    err = capsys.readouterr().err
    assert f"{folder / 'pack.yaml'}:2:1: naam: unknown field 'naam' — did you mean 'name'?" in err
    assert not (tmp_path / "shots").exists()  # no window was opened, nothing was written
