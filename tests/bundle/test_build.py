"""The do-it-yourself build (issue 13): what goes in, and the built Linux game run without Python.

The slow test builds the game as an organisation would (``python main.py build``), unzips it
elsewhere, and runs the executable with nothing on the PATH: a whole game with ``autoplay``,
``validate`` on a dropped-in broken scenario, a dropped-in scenario played, and ``tour`` without
and with a pack put in place by hand, whose title screens must differ.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pygame
import pytest

from game.bundle.contents import FONT_LICENCES, KEPT_FONTS, keep_data
from game.bundle.readme import readme_text
from tests.conftest import ROOT

ZIP_AIM_BYTES = 45_000_000


def test_only_the_fonts_and_locale_data_the_game_uses_are_kept() -> None:
    assert keep_data("pygame_gui/data/NotoSans-Regular.ttf")
    assert keep_data("pygame_gui/data/NotoSans-BoldItalic.ttf")
    assert not keep_data("pygame_gui/data/NotoSansJP-Bold.otf")
    assert not keep_data("pygame_gui/data/NotoSansKR-Regular.ttf")
    assert keep_data("pygame_gui/data/default_theme.json")
    assert keep_data("babel/locale-data/nl.dat") and keep_data("babel/locale-data/en.dat")
    assert not keep_data("babel/locale-data/de.dat")
    assert keep_data("game/ui/locales/nl.po")
    shipped = resources.files("pygame_gui.data")
    for name in (*KEPT_FONTS, *(f"licenses/{n}" for n in FONT_LICENCES)):
        assert shipped.joinpath(name).is_file(), name  # the names are real files
    # The theme asks for no font that the build leaves out.
    theme = json.loads((ROOT / "assets" / "theme.json").read_text(encoding="utf-8"))
    names = {block["font"]["name"] for block in theme.values() if "font" in block}
    assert names == {"noto_sans"}


@pytest.mark.parametrize("system", ["linux", "windows", "macos"])
def test_the_readme_explains_starting_saves_and_scenarios_in_both_languages(system: str) -> None:
    executable = "netwerkende-gemeente.exe" if system == "windows" else "netwerkende-gemeente"
    text = readme_text(executable, system, "Waterschap Rivierland", has_example=False)
    assert text.splitlines()[1] == "Waterschap Rivierland"
    for heading in ("STARTEN", "WAAR BLIJFT WAT?", "EEN SCENARIO TOEVOEGEN", "STARTING"):
        assert heading in text
    for heading in ("WHERE THINGS GO", "ADDING A SCENARIO", "YOUR OWN NAME, LOGO AND COLOURS"):
        assert heading in text
    assert executable in text and "validate scenarios" in text
    assert "__" not in text  # every placeholder filled in
    unbranded = readme_text(executable, system, None, has_example=True)
    assert "pack-example" in unbranded


def _unzip(archive: Path, into: Path) -> None:
    """Unzip keeping permission bits (zipfile's own extractall drops them)."""
    with zipfile.ZipFile(archive) as bundle:
        for info in bundle.infolist():
            path = Path(bundle.extract(info, into))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                path.chmod(mode)


@pytest.fixture(scope="module")
def built_game(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unbranded Linux build, as made by ``python main.py build`` and unzipped elsewhere."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the build test runs the Linux bundle")
    out = tmp_path_factory.mktemp("dist")
    scratch = tmp_path_factory.mktemp("scratch")
    result = subprocess.run(
        [sys.executable, "main.py", "build", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(scratch)},
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [archive] = out.glob("netwerkende-gemeente-linux-*.zip")
    assert archive.stat().st_size <= ZIP_AIM_BYTES
    # Only what was asked for: PyInstaller's working files and log went to a temporary folder,
    # which is gone.
    assert {p.name for p in out.iterdir()} == {"netwerkende-gemeente", archive.name}
    assert list(scratch.iterdir()) == []
    unpacked = tmp_path_factory.mktemp("unzipped")
    _unzip(archive, unpacked)
    return unpacked / "netwerkende-gemeente"


def _run(game: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The built executable with an empty PATH: no Python, no tools, only what it carries."""
    empty = home / "empty-bin"
    empty.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": str(empty),
        "HOME": str(home),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "LANG": "C.UTF-8",
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return subprocess.run(
        [str(game / "netwerkende-gemeente"), *args],
        cwd=game,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_the_built_game_runs_without_python(built_game: Path, tmp_path: Path) -> None:
    game = built_game
    assert (game / "README.txt").is_file() and (game / "pack-example" / "pack.yaml").is_file()
    assert sorted(p.name for p in (game / "_internal" / "pygame_gui" / "data").glob("*.?tf")) == (
        sorted(KEPT_FONTS)
    )

    # A whole game, headless, to the end.
    played = _run(game, "autoplay", "--seed", "7", home=tmp_path)
    assert played.returncode == 0, played.stderr
    assert played.stdout.count("round ") == 12 and "end: phase" in played.stdout

    # The balance simulator in worker processes: a frozen program must not start itself again
    # in every worker (main.py calls freeze_support), and the games are the same as from source.
    simulated = _run(
        game,
        "simulate",
        "gemeente-middelgroot",
        "--runs",
        "2",
        "--strategies",
        "best,random",
        "--jobs",
        "2",
        "--json",
        home=tmp_path,
    )
    assert simulated.returncode == 0, simulated.stderr
    report = json.loads(simulated.stdout)["scenarios"]["gemeente-middelgroot"]["strategies"]
    assert report["best"]["games"] == 2 and report["random"]["games"] == 2
    assert report["best"]["phase"]["mean"] > report["random"]["phase"]["mean"]

    # Issue 12: a results file and the report to take home, with the templates and pygal's
    # stylesheets the build carries.
    results = tmp_path / "rood.json"
    scored = _run(
        game, "autoplay", "--seed", "7", "--team", "Rood", "--results", str(results), home=tmp_path
    )
    assert scored.returncode == 0, scored.stderr
    page = tmp_path / "rood.html"
    reported = _run(game, "report", str(results), "--out", str(page), "--lang", "en", home=tmp_path)
    assert reported.returncode == 0, reported.stderr
    html = page.read_text(encoding="utf-8")
    assert "Debrief of Rood" in html and html.count("<svg") == 2

    # A broken scenario dropped into scenarios/: refused with its file and line.
    (game / "scenarios" / "kapot.yaml").write_text(
        "id: kapot\ntitle: Kapot\nrounds: many\n", encoding="utf-8"
    )
    checked = _run(game, "validate", home=tmp_path)
    assert checked.returncode == 1
    assert f"{game / 'scenarios' / 'kapot.yaml'}:3:9: rounds: expected a whole number" in (
        checked.stdout
    )
    assert "gemeente-middelgroot.yaml: valid" in checked.stdout
    assert "Traceback" not in checked.stdout + checked.stderr
    (game / "scenarios" / "kapot.yaml").unlink()

    # A new scenario made with the game's own command lands in scenarios/ and plays by its id.
    made = _run(game, "new", "eigen", home=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (game / "scenarios" / "eigen.yaml").is_file()
    own = _run(game, "autoplay", "eigen", home=tmp_path)
    assert own.returncode == 0, own.stderr
    assert "(eigen 1.0)" in own.stdout and "end: phase" in own.stdout

    # Portable by default: the game's own folder can be written, so saves go beside it.
    saves = _run(game, "saves", home=tmp_path)
    assert saves.returncode == 0 and f"{game / 'saves'}" in saves.stdout

    # The title screen without a pack, then with the example pack put in place by hand.
    plain = _run(game, "tour", "--out", str(tmp_path / "plain"), "--lang", "en", home=tmp_path)
    assert plain.returncode == 0, plain.stderr
    (game / "pack-example").rename(game / "pack")
    branded = _run(game, "tour", "--out", str(tmp_path / "pack"), "--lang", "en", home=tmp_path)
    assert branded.returncode == 0, branded.stderr
    plain_title = pygame.image.load(str(tmp_path / "plain" / "01-title.png"))
    branded_title = pygame.image.load(str(tmp_path / "pack" / "01-title.png"))
    assert plain_title.get_size() == branded_title.get_size() == (1280, 720)
    assert pygame.image.tobytes(plain_title, "RGB") != pygame.image.tobytes(branded_title, "RGB")
    assert branded_title.get_at((1270, 5))[:3] == (0x00, 0x5A, 0x9C)  # the example pack's band
    assert plain_title.get_at((1270, 5))[:3] != (0x00, 0x5A, 0x9C)
    # No error screen was met on the way (its traceback would be in the tour's log folder).
    logs = tmp_path / "pack" / "logs" / "errors.log"
    text = logs.read_text(encoding="utf-8") if logs.exists() else ""
    assert text.count("Traceback") <= 1  # the tour's own example error, and nothing else
