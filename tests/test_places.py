"""Where a built game keeps its files (issue 13): beside itself when it can, else the user's."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from game.places import (
    APP_NAME,
    SOURCE_ROOT,
    data_home,
    game_scenario_dir,
    install_dir,
    installed_pack_dir,
)


def _frozen(monkeypatch: pytest.MonkeyPatch, executable: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_from_source_everything_is_in_the_project_folder() -> None:
    home = data_home()
    assert home.where == "source" and home.root == SOURCE_ROOT
    assert home.saves == SOURCE_ROOT / "saves"
    assert game_scenario_dir() == SOURCE_ROOT / "scenarios"
    assert installed_pack_dir() is None


def test_a_built_game_in_a_writable_folder_is_portable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _frozen(monkeypatch, tmp_path / "netwerkende-gemeente")
    home = data_home()
    assert home.where == "beside" and home.portable
    assert (home.saves, home.results, home.settings_file) == (
        tmp_path / "saves",
        tmp_path / "results",
        tmp_path / "settings.json",
    )
    assert game_scenario_dir() == tmp_path / "scenarios"
    assert list(tmp_path.iterdir()) == []  # trying whether it can write leaves nothing behind


def test_a_built_game_in_a_folder_it_cannot_write_uses_the_users_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, so permission bits would not stop a write: a folder that is not
    # there cannot be written either, and takes the same path through the code.
    _frozen(monkeypatch, tmp_path / "gone" / "netwerkende-gemeente")
    home = data_home()
    assert home.where == "user" and not home.portable
    assert home.root == platformdirs.user_data_path(APP_NAME, appauthor=False)
    # portable.txt (or portable=True) insists on beside the game.
    assert data_home(portable=True).root == tmp_path / "gone"


def test_a_saves_folder_that_cannot_be_written_also_means_the_users_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _frozen(monkeypatch, tmp_path / "netwerkende-gemeente")
    (tmp_path / "saves").write_text("a file where the folder should be", encoding="utf-8")
    assert data_home().where == "user"


def test_a_mac_app_bundle_keeps_its_files_beside_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    macos = tmp_path / "Netwerkende Gemeente.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    _frozen(monkeypatch, macos / "netwerkende-gemeente")
    assert install_dir() == tmp_path
    assert data_home().root == tmp_path


def test_a_built_game_finds_its_own_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _frozen(monkeypatch, tmp_path / "netwerkende-gemeente")
    assert installed_pack_dir() is None
    (tmp_path / "pack").mkdir()
    assert installed_pack_dir() is None  # a folder without pack.yaml is not a pack
    (tmp_path / "pack" / "pack.yaml").write_text("id: p\nname: P\n", encoding="utf-8")
    assert installed_pack_dir() == tmp_path / "pack"


@pytest.mark.filterwarnings("error::UserWarning")
def test_settings_live_in_the_config_folder_unless_portable(tmp_path) -> None:
    """Asked for by issue 10."""
    from game.places import DataHome

    assert DataHome(tmp_path, "beside").settings_file == tmp_path / "settings.json"
    for where in ("source", "user"):
        kept = DataHome(tmp_path, where).settings_file  # type: ignore[arg-type]
        assert kept.name == "settings.json" and tmp_path not in kept.parents
