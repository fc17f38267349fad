"""Settings in the window: kept for the next launch, a broken file means defaults and a note, and
the settings screen says where files are kept."""

from __future__ import annotations

import json

import pytest

from game.places import DataHome
from game.saves import SaveStore
from game.ui.scenes.start.settings import SettingsScene
from game.ui.settings import Settings, read_settings, write_settings
from tests.helpers.ui import drawn, start_app


@pytest.mark.filterwarnings("error::UserWarning")
def test_settings_are_kept_and_a_broken_file_means_defaults_and_a_note(monkeypatch, tmp_path):
    """Asked for by issue 10."""
    path = tmp_path / "config" / "settings.json"
    write_settings(Settings(language="en", font_scale=1.4, colour_blind=True), path)
    kept, note = read_settings(path)
    assert note is None
    assert (kept.language, kept.font_scale, kept.colour_blind) == ("en", 1.4, True)
    assert not list(path.parent.glob("*.tmp")), "written atomically, nothing left behind"

    path.write_text("{not json", encoding="utf-8")
    kept, note = read_settings(path)
    assert kept == Settings() and note is not None and str(path) in note

    path.write_text(
        json.dumps({"format": "netwerkende-gemeente-settings", "language": "fr", "sound": False}),
        encoding="utf-8",
    )
    kept, note = read_settings(path)
    assert kept.language == "nl" and kept.sound is False
    assert note is not None and "language" in note

    # The window keeps a changed setting for the next launch, and shows a note on the title.
    pilot = start_app(monkeypatch, tmp_path, settings_file=path, settings_problem=note)
    try:
        assert any("Settings:" in line for line in drawn(pilot.app))
        pilot.app.apply_settings(pilot.app.settings.with_(font_scale=1.2))
        assert read_settings(path)[0].font_scale == 1.2
    finally:
        pilot.app.close()


@pytest.mark.parametrize(
    ("home", "saves", "expected"),
    [
        ("beside", None, "kept beside the game (portable)"),
        ("user", None, "The game's folder is read-only"),
        ("beside", "elsewhere", "chosen with --saves"),
    ],
)
def test_the_settings_screen_says_where_files_are_kept(
    monkeypatch, tmp_path, home, saves, expected
) -> None:
    store = SaveStore(tmp_path / saves) if saves else None
    pilot = start_app(monkeypatch, tmp_path, saves=store)
    try:
        pilot.app.home = DataHome(tmp_path / "home", home)
        pilot.app.go(SettingsScene, lambda: None)
        pilot.advance(2)
        why, folder = pilot.app.scene.where_kept()
        assert expected in why
        assert folder == str(tmp_path / saves if saves else tmp_path / "home")
    finally:
        pilot.app.close()


def test_remembered_teams_and_length_that_do_not_fit_fall_back(tmp_path) -> None:
    """Issue 19: the last teams and length are kept; a hand-edited file cannot slip in five
    teams, a control character or an unknown length."""
    path = tmp_path / "settings.json"
    write_settings(Settings(last_teams=("Rood", "Blauw"), last_length="standard"), path)
    settings, problem = read_settings(path)
    assert (settings.last_teams, settings.last_length, problem) == (
        ("Rood", "Blauw"),
        "standard",
        None,
    )
    for teams, length in ((["a", "b", "c", "d", "e"], "short"), (["Ro\x00od"], "forever")):
        document = json.loads(path.read_text())
        document.update(last_teams=teams, last_length=length)
        path.write_text(json.dumps(document))
        settings, problem = read_settings(path)
        assert settings.last_teams == () and problem is not None
    assert settings.last_length == "full"
