"""A pack's branding in the window (issue 13): the title band, the accent, the scenario list and a
built game's broken pack."""

from __future__ import annotations

import sys
from pathlib import Path

import pygame
import pytest

from game.cli.checks import pack_for_run
from game.packs import load_pack, text_colour_on
from game.ui.palette import COLOUR_BLIND, DEFAULT
from tests.helpers.ui import start_app

BAND = (0x00, 0x5A, 0x9C)


ACCENT = (0x8F, 0xD3, 0xFF)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    logo = pygame.Surface((40, 20))
    logo.fill((250, 30, 30))
    pygame.image.save(logo, str(folder / "logo.png"))
    (folder / "pack.yaml").write_text(
        "id: waterschap\n"
        "name: {nl: Waterschap Rivierland, en: Rivierland Water Board}\n"
        "tagline: Workshop\n"
        "logo: logo.png\n"
        "colours: {band: '#005a9c', accent: '#8fd3ff'}\n"
        "language: en\n"
        "scenarios: [raadsgriffie, gemeente-middelgroot]\n",
        encoding="utf-8",
    )
    return folder


def _title(pilot) -> pygame.Surface:
    pilot.settle(0.5)
    pilot.app.invalidate()
    pilot.app.draw()
    return pilot.app.screen.copy()


def test_the_title_shows_the_packs_band_logo_and_name(monkeypatch, tmp_path, pack_dir) -> None:
    plain = start_app(monkeypatch, tmp_path / "a")
    try:
        unbranded = _title(plain)
    finally:
        plain.app.close()
    pilot = start_app(monkeypatch, tmp_path / "b", pack=load_pack(pack_dir))
    try:
        branded = _title(pilot)
        assert pilot.scene == "title"
        assert branded.get_at((1270, 5))[:3] == BAND  # the band spans the window's top
        assert branded.get_at((2, 50))[:3] == BAND
        # The red logo sits at the band's left, scaled to the band's height.
        assert any(branded.get_at((x, 50))[:3] == (250, 30, 30) for x in range(20, 120))
        assert unbranded.get_at((1270, 5))[:3] == DEFAULT.background
        assert pilot.app.palette.accent == ACCENT  # titles and headings
        # The menu moved under the band and still fits above the hint line.
        buttons = pilot.buttons()
        assert buttons[0].get_abs_rect().top > 200
        assert buttons[-1].get_abs_rect().bottom < 660
        pilot.click_button("New game")
        assert [entry.id for entry in pilot.app.scene.entries] == [
            "raadsgriffie",
            "gemeente-middelgroot",
        ]
    finally:
        pilot.app.close()


def test_the_colour_blind_palette_keeps_its_own_accent(monkeypatch, tmp_path, pack_dir) -> None:
    pilot = start_app(monkeypatch, tmp_path, pack=load_pack(pack_dir))
    try:
        pilot.app.apply_settings(pilot.app.settings.with_(colour_blind=True))
        assert pilot.app.palette is COLOUR_BLIND
        pilot.app.apply_settings(pilot.app.settings.with_(colour_blind=False))
        assert pilot.app.palette.accent == ACCENT
    finally:
        pilot.app.close()


def test_band_text_is_white_on_dark_and_black_on_light() -> None:
    assert text_colour_on(BAND) == (255, 255, 255)
    assert text_colour_on((255, 230, 0)) == (16, 16, 16)


def test_a_built_games_broken_pack_leaves_the_game_unbranded_and_says_why(
    monkeypatch, tmp_path, capsys
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "netwerkende-gemeente"))
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "pack.yaml").write_text("id: p\nname: P\nlanguage: fr\n", "utf-8")
    chosen = pack_for_run(None, "usage")
    assert chosen.pack is None and not chosen.failed
    assert chosen.problem is not None and "pack.yaml:3:11: language:" in chosen.problem
    assert "starts without the pack's branding" in capsys.readouterr().err
    monkeypatch.setattr(sys, "frozen", False)
    pilot = start_app(monkeypatch, tmp_path, pack_problem=chosen.problem)
    try:
        shot = _title(pilot)
        bad = pilot.app.palette.bad
        # The problem is written in the warning colour where the band would be, above the title.
        assert any(shot.get_at((x, y))[:3] == bad for x in range(60, 1200) for y in range(20, 40))
        assert pilot.buttons()[0].get_abs_rect().top > 200  # the menu moved down to make room
    finally:
        pilot.app.close()
