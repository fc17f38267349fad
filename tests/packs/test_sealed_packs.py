"""Packs are sealed (issue 17): a pack's files are read only from inside its folder, as plain
files within a size limit, and pictures only once decoded within pixel limits.

Every hostile pack of ``tests.helpers.packs`` goes through ``validate``, ``play`` (given with
``--pack``, and as a built game's own pack, whose title then says why it runs unbranded),
``report`` and ``build``: each refuses it with the file (and the line in ``pack.yaml``) and the
reason, reads nothing from outside, and never hangs. Once, a scenario linked to /etc/passwd
showed its first line, a logo elsewhere went into the report, a ``scenarios/assets`` link put a
SECRET.txt into the build, a FIFO hung the game and a 20,000 × 20,000 logo took 2.8 GB.
"""

from __future__ import annotations

import base64
import io
import re
import sys
import threading
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.cli import main
from game.cli.checks import pack_for_run
from game.packs import PackError, check_pack, load_pack
from game.packs.logo import SHOWN_HEIGHT, SHOWN_WIDTH
from tests.helpers.packs import (
    CASES,
    GOOD_PACK,
    SECRET,
    culprit,
    every_case_at_once,
    hostile,
    png_bytes,
    with_logo,
    write_pack,
)
from tests.helpers.results import write_team_results
from tests.helpers.ui import drawn, start_app

LEAKS = (SECRET, "root:x:0:0", "Traceback")


def _in_time(call: Any, seconds: float = 20.0) -> Any:
    """Run ``call`` in a thread; fail the test (instead of hanging it) if it blocks. What it
    raises is raised here."""
    result: list[Any] = []

    def run() -> None:
        try:
            result.append(("returned", call()))
        except BaseException as error:  # handed to the test's own thread
            result.append(("raised", error))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"blocked for more than {seconds} s (a FIFO read?)"
    how, value = result[0]
    if how == "raised":
        raise value
    return value


def _main(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = _in_time(lambda: main(list(args), out))
    return status, out.getvalue()


def _refused(text: str, pack: Path, name: str) -> None:
    """The refusal names the file (and the line of pack.yaml) and the reason; nothing leaked."""
    where = re.escape(culprit(pack, name))
    assert re.search(rf"^{where}(:\d+:\d+)?: .*{re.escape(CASES[name].reason)}", text, re.M), text
    for leak in LEAKS:
        assert leak not in text


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> str:
    return request.param


def test_validate_refuses_every_hostile_pack_with_its_file_and_reason(
    case: str, tmp_path: Path
) -> None:
    pack = hostile(tmp_path, case)
    status, text = _main("validate", str(pack))
    assert status == 1
    _refused(text, pack, case)
    assert text.endswith("problem to fix\n") or text.endswith("problems to fix\n")


def test_play_with_a_hostile_pack_stops_before_the_window_with_its_reason(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = hostile(tmp_path, case)
    status, _ = _main("play", "--pack", str(pack))
    assert status == 1
    _refused(capsys.readouterr().err, pack, case)


def test_a_built_games_hostile_pack_runs_unbranded_and_the_title_says_why(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    game = tmp_path / "game"
    game.mkdir()
    outside = tmp_path / "outside"
    hostile(tmp_path / "made", case)  # the secrets beside it
    (tmp_path / "made" / "outside").rename(outside)
    CASES[case].make(game / "pack", outside)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(game / "netwerkende-gemeente"))
    chosen = _in_time(lambda: pack_for_run(None, "usage"))
    assert chosen.pack is None and not chosen.failed and chosen.problem is not None
    err = capsys.readouterr().err
    _refused(err, game / "pack", case)
    assert "starts without the pack's branding" in err
    monkeypatch.setattr(sys, "frozen", False)
    pilot = start_app(monkeypatch, tmp_path, pack_problem=chosen.problem)
    try:
        assert pilot.scene == "title" and pilot.app.branding is None
        shown = " ".join(drawn(pilot.app))
        assert "The branding pack cannot be used:" in shown
        assert CASES[case].reason in shown
    finally:
        pilot.app.close()


@pytest.fixture(scope="module")
def results_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from game.scenario.loader import load_scenario
    from game.sim import play

    scenario = load_scenario()
    folder = tmp_path_factory.mktemp("results")
    return write_team_results(folder, play(scenario, 7, "best"), scenario, "Rood")


def test_report_with_a_hostile_pack_refuses_and_writes_nothing(
    case: str, tmp_path: Path, results_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = hostile(tmp_path, case)
    page = tmp_path / "rood.html"
    status, _ = _main("report", str(results_file), "--out", str(page), "--pack", str(pack))
    assert status == 1
    _refused(capsys.readouterr().err, pack, case)
    assert not page.exists()


def test_build_with_a_hostile_pack_refuses_before_building(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = hostile(tmp_path, case)
    out = tmp_path / "dist"
    status, _ = _main("build", "--pack", str(pack), "--out", str(out))
    assert status == 1
    err = capsys.readouterr().err
    _refused(err, pack, case)
    assert "nothing was built" in err
    assert not out.exists()


def test_a_pack_holding_every_hostile_case_at_once_is_refused_for_each(tmp_path: Path) -> None:
    pack, names = every_case_at_once(tmp_path)
    with pytest.raises(PackError) as caught:
        _in_time(lambda: check_pack(pack))
    for name in names:
        _refused(str(caught.value), pack, name)


# --- what a sealed pack still allows ------------------------------------------------------------


def test_a_link_to_a_file_inside_the_pack_is_read_as_that_file(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", with_logo())
    (pack / "art").mkdir()
    (pack / "art" / "logo.png").write_bytes(png_bytes(40, 20))
    (pack / "logo.png").symlink_to(Path("art") / "logo.png")
    (pack / "scenarios" / "assets").mkdir(parents=True)
    (pack / "scenarios" / "assets" / "icon.png").write_bytes(png_bytes(8, 8))
    (pack / "scenarios" / "assets" / "same-icon.png").symlink_to("icon.png")
    loaded = check_pack(pack)
    assert loaded.logo is not None and loaded.logo.size == (40, 20)
    assert pack / "scenarios" / "assets" / "same-icon.png" in loaded.files


def test_a_logo_larger_than_shown_is_scaled_once_when_the_pack_is_loaded(
    tmp_path: Path, results_file: Path
) -> None:
    from game.results import read_results
    from game.results.report import report_html
    from game.ui.branding import Branding

    pack = write_pack(tmp_path / "pack", with_logo())
    (pack / "logo.png").write_bytes(png_bytes(3000, 1000))
    loaded = load_pack(pack)
    assert loaded.logo is not None
    assert loaded.logo.size == (768, SHOWN_HEIGHT)  # 3:1 kept, within the shown size
    # The window keeps only the scaled picture…
    assert Branding(loaded).logo.get_size() == (768, SHOWN_HEIGHT)
    # … and the report embeds it, not the file in the pack's folder.
    html = report_html(read_results(results_file), "en", loaded)
    uri = re.search(r'src="data:image/png;base64,([^"]+)"', html)
    assert uri is not None
    embedded = pygame.image.load(io.BytesIO(base64.b64decode(uri[1])), "logo.png")
    assert embedded.get_size() == (768, SHOWN_HEIGHT)
    assert embedded.get_width() <= SHOWN_WIDTH


def test_a_jpeg_logo_is_checked_and_kept(tmp_path: Path) -> None:
    from tests.helpers.packs import jpeg_bytes

    pack = write_pack(tmp_path / "pack", GOOD_PACK + "logo: logo.jpg\n")
    (pack / "logo.jpg").write_bytes(jpeg_bytes(120, 60))
    loaded = load_pack(pack)
    assert loaded.logo is not None and loaded.logo.mime == "image/jpeg"
    assert loaded.logo.size == (120, 60)


@pytest.mark.parametrize("given", ["a file", "a pipe"])
@pytest.mark.parametrize("command", ["report", "tour", "build", "play"])
def test_a_pack_option_that_is_not_a_folder_gives_usage_and_exit_2(
    command: str, given: str, tmp_path: Path, results_file: Path
) -> None:
    import os
    import subprocess

    from tests.conftest import ROOT

    path = tmp_path / "pack.txt"
    if given == "a file":
        path.write_text("not a pack\n", encoding="utf-8")
    else:
        os.mkfifo(path)
    args = {
        "report": ["report", str(results_file), "--out", str(tmp_path / "r.html")],
        "tour": ["tour", "--out", str(tmp_path / "shots")],
        "build": ["build", "--out", str(tmp_path / "dist")],
        "play": ["play"],
    }[command]
    result = subprocess.run(
        [sys.executable, "main.py", *args, "--pack", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("usage:")
    assert f"--pack {str(path)!r} is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_transparent_logo_stays_transparent_when_scaled(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", with_logo())
    surface = pygame.Surface((2000, 500), pygame.SRCALPHA)
    surface.fill((250, 30, 30, 255), pygame.Rect(1000, 0, 1000, 500))  # the left half see-through
    pygame.image.save(surface, str(pack / "logo.png"))
    logo = load_pack(pack).logo
    assert logo is not None and logo.size == (SHOWN_WIDTH, SHOWN_HEIGHT)
    scaled = pygame.image.load(io.BytesIO(logo.data), "logo.png")
    assert scaled.get_at((10, 10)).a == 0
    assert scaled.get_at((SHOWN_WIDTH - 10, 10)).a > 240  # smoothscale rounds a little
