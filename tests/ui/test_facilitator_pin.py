"""The facilitator's PIN guards the panel and the facilitator's settings (issue 17): Settings
asks for it before it shows or changes the PIN or the prediction step, the PIN is never shown
in clear, and wrong tries cost time. Driven through the real app with synthetic events."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton, UILabel, UITextEntryLine

from game.ui.settings import Settings, read_settings, write_settings
from tests.helpers.ui import drawn, start_app

PIN = "2468"


def _in_clear(app, pin: str) -> list[str]:
    """Where ``pin`` can be read on the screen: a line the scene draws, a label or button, or
    a text field that does not hide what it holds."""
    found = [f"drawn: {line}" for line in drawn(app) if pin in line]
    for widget in app.ui.get_sprite_group().sprites():
        if isinstance(widget, UITextEntryLine):
            if pin in widget.get_text() and not widget.is_text_hidden:
                found.append(f"text field: {widget.get_text()}")
        elif isinstance(widget, UIButton | UILabel) and pin in widget.text:
            found.append(f"{type(widget).__name__}: {widget.text}")
    return found


def _enabled(pilot) -> set[str]:
    return {button.text for button in pilot.buttons() if button.is_enabled}


def _start_round(pilot, settings_file: Path) -> None:
    """A game in progress, its briefing on screen, with a PIN kept in the settings file."""
    app = pilot.app
    app.settings_file = settings_file
    app.apply_settings(app.settings.with_(facilitator_pin=PIN))
    pilot.click_button("New game")
    pilot.click_button("Start the game")
    assert pilot.scene == "briefing"


def test_settings_during_a_round_keep_the_pin_and_the_prediction_step_locked(
    monkeypatch, tmp_path: Path
) -> None:
    """F2 during a round: the PIN is not shown, and neither it nor the prediction step can be
    changed without it; language, type size, screen, colours and sound can."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        kept = tmp_path / "settings.json"
        _start_round(pilot, kept)
        pilot.press(pygame.K_F2)
        assert pilot.scene == "settings"
        assert _in_clear(app, PIN) == []
        usable = _enabled(pilot)
        assert "No PIN" not in usable and "Set" not in usable
        assert not any(isinstance(w, UITextEntryLine) for w in app.ui.get_sprite_group().sprites())
        # The prediction step is shown, but only the facilitator changes it.
        predict = [b for b in pilot.buttons() if b.text in ("On", "Off")][-2:]
        assert [b.is_enabled for b in predict] == [False, False]
        # What a team needs at the laptop works without the PIN, and the lock stays.
        pilot.click_button("140%")
        pilot.click_button("On")  # full screen
        pilot.click_button("Nederlands")
        assert (app.settings.font_scale, app.settings.language) == (1.4, "nl")
        assert app.settings.fullscreen
        assert "Geen pincode" not in _enabled(pilot)
        assert "Pincode invoeren…" in _enabled(pilot)
        assert read_settings(kept)[0].facilitator_pin == PIN
        assert app.errors == []
    finally:
        app.close()


def test_settings_change_the_pin_only_after_it_is_given(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        kept = tmp_path / "settings.json"
        _start_round(pilot, kept)
        pilot.press(pygame.K_F2)
        pilot.click_button("Enter the PIN…")
        assert pilot.scene == "facilitator_pin"
        pilot.type_text("1111")
        pilot.press(pygame.K_RETURN)
        assert pilot.scene == "facilitator_pin" and app.scene.wrong
        pilot.type_text(PIN)
        pilot.click_button("Unlock")
        assert pilot.scene == "settings"
        # Unlocked: the PIN still is not shown; a new one is typed twice, hidden.
        assert _in_clear(app, PIN) == []
        first, again = app.scene.pin_entries
        assert first.get_text() == again.get_text() == ""
        assert first.is_text_hidden and again.is_text_hidden
        first.set_text("1357")
        again.set_text("1375")
        pilot.click_button("Set")
        assert app.settings.facilitator_pin == PIN, "two different PINs are not taken"
        assert any("The two PINs differ." in line for line in drawn(app))
        first, again = app.scene.pin_entries
        first.set_text("1357")
        again.set_text("1357")
        pilot.click_button("Set")
        assert read_settings(kept)[0].facilitator_pin == "1357"
        assert _in_clear(app, "1357") == []
        # The prediction step is the facilitator's now, and so is "No PIN".
        predict_off = [b for b in pilot.buttons() if b.text == "Off"][-1]
        pilot.click(predict_off.get_abs_rect().center)
        assert app.settings.predict is False
        pilot.click_button("No PIN")
        assert read_settings(kept)[0].facilitator_pin == ""
        # Leaving settings locks them again.
        app.apply_settings(app.settings.with_(facilitator_pin=PIN))
        pilot.click_button("Back")
        pilot.press(pygame.K_F2)
        assert "No PIN" not in _enabled(pilot)
        assert app.errors == []
    finally:
        app.close()


def test_settings_without_a_pin_let_anyone_set_one(monkeypatch, tmp_path: Path) -> None:
    """No PIN set: the panel opens for anyone, so its settings are open too."""
    kept = tmp_path / "settings.json"
    write_settings(Settings(), kept)
    pilot = start_app(monkeypatch, tmp_path, settings_file=kept)
    app = pilot.app
    try:
        pilot.press(pygame.K_F2)
        assert pilot.scene == "settings"
        assert {"Set", "No PIN"} <= _enabled(pilot)
        first, again = app.scene.pin_entries
        first.set_text(PIN)
        again.set_text(PIN)
        pilot.click_button("Set")
        assert read_settings(kept)[0].facilitator_pin == PIN
        # Who set it knows it: open for the rest of this session (issue 19) …
        pilot.click_button("Back")
        pilot.press(pygame.K_F2)
        assert "No PIN" in _enabled(pilot)
    finally:
        app.close()
    # … and asked for in the next one.
    pilot = start_app(monkeypatch, tmp_path, settings_file=kept)
    try:
        pilot.app.apply_settings(read_settings(kept)[0])
        pilot.press(pygame.K_F2)
        assert "Enter the PIN…" in _enabled(pilot) and "No PIN" not in _enabled(pilot)
    finally:
        pilot.app.close()


def test_the_pin_screen_hides_what_is_typed(monkeypatch, tmp_path: Path) -> None:
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        _start_round(pilot, tmp_path / "settings.json")
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator_pin"
        pilot.type_text(PIN)
        assert app.scene.pin.get_text() == PIN
        assert _in_clear(app, PIN) == []
    finally:
        app.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _try(pilot, pin: str) -> None:
    pilot.app.scene.pin.set_text(pin)
    pilot.press(pygame.K_RETURN)


def test_after_three_wrong_pins_even_the_right_one_waits(monkeypatch, tmp_path: Path) -> None:
    """Guesses are not free: 69 tries took 3 s before the wait."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        _start_round(pilot, tmp_path / "settings.json")
        pilot.press(pygame.K_F9)
        for guess in ("1111", "2222", "3333"):
            _try(pilot, guess)
        _try(pilot, PIN)
        assert pilot.scene == "facilitator_pin"
        pilot.click_button("Back to the game")
        pilot.press(pygame.K_F9)
        _try(pilot, PIN)
        assert pilot.scene == "facilitator_pin"
    finally:
        app.close()


@pytest.mark.parametrize(
    ("lang", "waiting"),
    [
        ("en", "Too many wrong tries. Try again in {n} s."),
        ("nl", "Te veel foute pogingen. Probeer het over {n} s opnieuw."),
    ],
)
def test_wrong_pins_make_the_panel_wait_longer_each_time(
    monkeypatch, tmp_path: Path, lang: str, waiting: str
) -> None:
    """Three wrong tries, then a wait of 5 s, 10 s, 20 s…: even the right PIN waits, and
    opening the PIN screen again (F9) does not start the count afresh."""
    from game.ui.pin_guard import PinGuard

    pilot = start_app(monkeypatch, tmp_path, lang=lang)
    app = pilot.app
    clock = FakeClock()
    app.pin_guard = PinGuard(clock)
    try:
        app.settings = app.settings.with_(facilitator_pin=PIN)
        app.controller.start(app.find_scenario("gemeente-middelgroot"), 3, "Team Rood")
        app.go(app.scenes.briefing)
        pilot.advance(2)
        pilot.press(pygame.K_F9)
        for _ in range(2):
            _try(pilot, "1111")
        assert app.pin_guard.wait_left() == 0
        _try(pilot, "1111")
        assert any(waiting.format(n=5) in line for line in drawn(app))
        assert not app.scene.open_button.is_enabled
        _try(pilot, PIN)
        assert pilot.scene == "facilitator_pin", "the right PIN waits too"
        # Back to the game and F9 again: still waiting, the count kept.
        pilot.click_button(app.t("Back to the game"))
        assert pilot.scene == "briefing"
        pilot.press(pygame.K_F9)
        clock.now += 3
        pilot.advance(2)
        assert any(waiting.format(n=2) in line for line in drawn(app))
        clock.now += 2
        pilot.advance(2)
        assert app.scene.open_button.is_enabled
        _try(pilot, "1111")
        assert app.pin_guard.wait_left() == 10
        clock.now += 10
        pilot.advance(2)
        _try(pilot, "1111")
        assert app.pin_guard.wait_left() == 20
        clock.now += 20
        pilot.advance(2)
        _try(pilot, PIN)
        assert pilot.scene == "facilitator"
        # The right PIN starts the count afresh.
        assert app.pin_guard.wrong_tries == 0
        assert app.errors == []
    finally:
        app.close()


def test_the_pin_is_asked_once_per_session(monkeypatch, tmp_path: Path) -> None:
    """Issue 19: the PIN was asked again at every F9. Once given, F9 and the facilitator's
    settings open without it; a changed PIN, or a new session, asks again."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        _start_round(pilot, tmp_path / "settings.json")
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator_pin"
        pilot.type_text(PIN)
        pilot.click_button("Open the panel")
        assert pilot.scene == "facilitator"
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene == "briefing"
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator"
        pilot.press(pygame.K_ESCAPE)
        pilot.press(pygame.K_F2)
        assert {"Set", "No PIN"} <= _enabled(pilot)
        pilot.click_button("Back")
        # Another PIN set (say, in another window's settings file): asked again.
        app.apply_settings(app.settings.with_(facilitator_pin="1357"))
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator_pin"
    finally:
        app.close()
    pilot = start_app(monkeypatch, tmp_path)
    try:
        _start_round(pilot, tmp_path / "settings.json")
        pilot.press(pygame.K_F9)
        assert pilot.scene == "facilitator_pin", "a new session asks again"
    finally:
        pilot.app.close()
