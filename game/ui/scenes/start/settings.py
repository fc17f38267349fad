"""The room's settings: language, type size, full screen, colours, sound, the prediction step
and the facilitator's PIN. While a PIN is set, the last two are the facilitator's: they change
only after the PIN is given, and the PIN itself is never shown (issue 17)."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UITextEntryLine

from game.ui.look import (
    shortened,
    text,
    wrap,
)
from game.ui.scene import Scene
from game.ui.settings import FONT_SCALES, PIN_LENGTH


class SettingsScene(Scene):
    """Language, type size, full screen, colour-blind palette, sound, prediction step."""

    name = "settings"
    offers_help = False

    def __init__(self, app, return_to: Callable[[], Scene] | type[Scene]) -> None:
        super().__init__(app)
        self.return_to = return_to
        # The PIN was given on this visit: the facilitator's settings can be changed.
        self.unlocked = False
        # What the PIN row last said: "digits", "differ", "set" or "removed" (see ``draw``).
        self.pin_note: str | None = None

    def reopen(self) -> Callable[[], Scene]:
        return_to = self.return_to
        return lambda: type(self)(self.app, return_to)

    @property
    def facilitator_may(self) -> bool:
        """Whether the facilitator's settings can be changed here: no PIN is set (the panel
        opens for anyone then), or the PIN was given in this session (asked once per session)."""
        pin = self.app.settings.facilitator_pin
        return self.unlocked or not pin or self.app.pin_guard.knows(pin)

    def build(self) -> None:
        t, s = self.t, self.app.settings
        # As wide as its words (``heading``): beside the round timer, when it runs, not under it.
        self.heading(
            t("Settings"),
            self.r(80, 0, 0, 0).left,
            self.r(0, 30, 0, 0).top,
            self.r(980, 0, 0, 0).left,
        )
        # What a team at the laptop may change, then what only the facilitator may: whether
        # teams predict before the reveal is part of how the workshop is run (the debrief
        # counts the predictions), and so is the PIN.
        rows: list[tuple[str, list[tuple[str, bool, Callable[[], None]]], bool]] = [
            (
                t("Language"),
                [
                    ("Nederlands", s.language == "nl", lambda: self.change(language="nl")),
                    ("English", s.language == "en", lambda: self.change(language="en")),
                ],
                True,
            ),
            (
                t("Type size"),
                [
                    (
                        f"{round(scale * 100)}%",
                        abs(s.font_scale - scale) < 1e-6,
                        lambda scale=scale: self.change(font_scale=scale),
                    )
                    for scale in FONT_SCALES
                ],
                True,
            ),
            (t("Full screen (F11)"), self._on_off("fullscreen"), True),
            (t("Colour-blind safe colours"), self._on_off("colour_blind"), True),
            (t("Sound"), self._on_off("sound"), True),
            (t("Predict before the reveal"), self._on_off("predict"), self.facilitator_may),
        ]
        fonts = self.app.fonts
        pin_name = t("Facilitator PIN (F9)")
        names = [name for name, _, _ in rows] + [pin_name]
        name_w = max(fonts.get(20).size(name)[0] for name in names) + self.u(24)
        left = self.r(80, 0, 0, 0).left
        height = max(self.u(50), self._button_height(None))
        step = height + max(self.u(12), round(self.u(70) - height))
        sample_h = fonts.get(20).get_linesize() + self.u(8)
        kept_h = 3 * fonts.get(15).get_linesize() + self.u(10)
        room = self.r(0, 700, 0, 0).top - kept_h - sample_h - self.r(0, 104, 0, 0).top
        step = min(step, max(height + self.u(6), room // (len(rows) + 1)))
        y = self.r(0, 104, 0, 0).top
        for name, options, enabled in rows:
            self.label(pygame.Rect(left, y, name_w, height), name, grow=False)
            x = left + name_w
            for caption, chosen, action in options:
                width = self.fitted(caption, None, 150)
                rect = pygame.Rect(x, y, width, height)
                self.button(rect, caption, action, selected=chosen, enabled=enabled)
                x += width + self.u(12)
            y += step
        self.label(pygame.Rect(left, y, name_w, height), pin_name, grow=False)
        self._pin_row(left + name_w, y, height)
        y += step
        self.sample_top = y + self.u(4)
        back_w = self.fitted(t("Back"), "@big_button", 220)
        self.back_rect = pygame.Rect(self.r(80, 640, 0, 0).topleft, (back_w, self.u(52)))
        self.button(self.back_rect, t("Back"), self.back, kind="@big_button")
        self.move_focus(1)

    def _pin_row(self, x: int, y: int, height: int) -> None:
        """The facilitator panel's PIN (F9): a new one typed twice, hidden, or none; while a
        PIN is set and not given, only the way to give it. The PIN itself is never shown."""
        t = self.t
        self.pin_entries: tuple[UITextEntryLine, ...] = ()
        if not self.facilitator_may:
            caption = t("Enter the PIN…")
            width = self.fitted(caption, None, 150)
            self.button(pygame.Rect(x, y, width, height), caption, self.ask_pin)
            return
        font = self.app.fonts.get(22)
        entries = []
        for placeholder in (t("PIN"), t("again")):
            width = max(self.u(150), font.size(placeholder)[0] + self.u(24))
            entry = self.secret_entry(pygame.Rect(x, y, width, height), placeholder)
            entry.set_text_length_limit(PIN_LENGTH[1])
            entries.append(entry)
            x += width + self.u(12)
        self.pin_entries = tuple(entries)
        no_pin = not self.app.settings.facilitator_pin
        for caption, action, chosen in (
            (t("Set"), self.set_pin, False),
            (t("No PIN"), self.remove_pin, no_pin),
        ):
            width = self.fitted(caption, None, 150)
            self.button(pygame.Rect(x, y, width, height), caption, action, selected=chosen)
            x += width + self.u(12)

    def _on_off(self, field: str) -> list[tuple[str, bool, Callable[[], None]]]:
        value = getattr(self.app.settings, field)
        return [
            (self.t("On"), value, lambda: self.change(**{field: True})),
            (self.t("Off"), not value, lambda: self.change(**{field: False})),
        ]

    def change(self, **changes: object) -> None:
        self.pin_note = None
        self.app.apply_settings(self.app.settings.with_(**changes))

    def ask_pin(self) -> None:
        """The PIN screen over these settings; the right PIN brings them back unlocked."""
        t = self.t
        captions = (t("Unlock"), t("Back to the settings"))
        self.app.go(self.app.scenes.pin(self.app, self, self._unlocked, captions))

    def _unlocked(self) -> Scene:
        self.unlocked = True
        self.resuming = True
        return self

    def set_pin(self) -> None:
        """Four to eight digits, the same twice; anything else is not taken (the screen says
        why). Who sets the PIN knows it: these settings stay unlocked."""
        first, again = (entry.get_text().strip() for entry in self.pin_entries)
        if not (first.isdigit() and PIN_LENGTH[0] <= len(first) <= PIN_LENGTH[1]):
            self.pin_note = "digits"
        elif first != again:
            self.pin_note = "differ"
        else:
            self.unlocked = True
            self.app.pin_guard.given = first  # who sets it knows it, for the session
            self.change(facilitator_pin=first)
            self.pin_note = "set"
            return
        self.rebuild()

    def remove_pin(self) -> None:
        self.change(facilitator_pin="")
        self.pin_note = "removed"

    def back(self) -> None:
        self.app.go(self.return_to)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        t = self.t
        sample, problem = {
            None: (t("This is how large the text is. Can the back row read it?"), False),
            "digits": (t("A PIN is four to eight digits."), True),
            "differ": (t("The two PINs differ."), True),
            "set": (t("The PIN is set."), False),
            "removed": (t("There is no PIN now: F9 opens the panel for anyone."), False),
        }[self.pin_note]
        colour = palette.bad if problem else palette.text_dim
        left = self.r(80, 0, 0, 0).left
        width = self.r(0, 0, 1160, 0).width
        text(
            surface,
            fonts.get(20),
            shortened(fonts.get(20), sample, width),
            colour,
            (left, self.sample_top),
        )
        explanation, folder = self.where_kept()
        x = self.back_rect.right + self.u(24)
        small, bold = fonts.get(15), fonts.get(15, True)
        room = self.r(1240, 0, 0, 0).left - x
        lines = wrap(small, explanation, room)[:2]
        home = self.app.home
        settings_line = (
            None
            if home.where == "beside"
            else self.t("Settings are kept in {path}").format(path=home.settings_file)
        )
        total = len(lines) * small.get_linesize() + bold.get_linesize()
        total += small.get_linesize() if settings_line else 0
        y = min(self.back_rect.centery - total // 2, self.r(0, 714, 0, 0).top - total)
        for line in lines:
            text(surface, small, line, palette.text_dim, (x, y))
            y += small.get_linesize()
        text(surface, bold, shortened(bold, folder, room), palette.text, (x, y))
        y += bold.get_linesize()
        if settings_line:
            text(surface, small, shortened(small, settings_line, room), palette.text_dim, (x, y))

    def where_kept(self) -> tuple[str, str]:
        """Where saves, settings and results go, and why there (portable or not)."""
        t, home, saves = self.t, self.app.home, self.app.saves
        if saves is not None and saves.directory != home.saves:
            return t("Saves are kept in this folder (chosen with --saves):"), str(saves.directory)
        if home.where == "beside":
            why = t("Saves, settings and results are kept beside the game (portable):")
        elif home.where == "user":
            why = t(
                "The game's folder is read-only, so saves, settings and results are kept in "
                "your own folder:"
            )
        else:
            why = t("Saves and results are kept in the project folder:")
        return why, str(home.root)
