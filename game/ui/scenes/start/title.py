"""The title screen: new game, continue, load, compare teams, settings, help, quit."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.branding import BAND_HEIGHT
from game.ui.look import (
    shortened,
    text,
    text_block,
)
from game.ui.scene import Scene
from game.ui.scenes.start.choice import confirm_quit
from game.ui.scenes.start.loading import load_into, open_game


class TitleScene(Scene):
    """New game, continue, load, settings, help, quit."""

    name = "title"

    def build(self) -> None:
        t = self.t
        fonts = self.app.fonts
        # A pack's band (or, when the pack cannot be used, the reason) takes the top; the title
        # and the menu move down under it. Heights follow the type size.
        banded = self.app.branding is not None or bool(self.app.pack_problem)
        top = self.r(0, 112 if banded else 40, 0, 0).top
        notes = len(self._notes())
        bottom = self.r(0, 662, 0, 0).top - (notes + 1) * fonts.get(15).get_linesize() - self.u(8)
        title_h = fonts.get(58, True).get_linesize()
        subtitle_h = fonts.get(24).get_linesize()
        h = max(self.u(50), self._button_height("@big_button") + self.u(6))
        gap = self.u(10)
        saves = self.app.saves
        if saves is None:
            no_load = t("This window keeps no saves.")
        elif self.app.safe_title:
            no_load = t("After an error the saves are not read until the game starts again.")
        else:
            no_load = None
        resume, why = self._continue_target()
        menu: list[tuple[str, Callable[[], None], dict]] = [
            (t("New game"), self.new_game, {}),
            (t("Continue"), self.resume, {"enabled": resume, "tooltip": why}),
            (
                t("Load"),
                lambda: self.app.go(self.app.scenes.load),
                {"enabled": no_load is None, "tooltip": no_load},
            ),
            (t("Workshop over the network"), self.room, {}),
            (t("Compare teams"), self.compare, {}),
            (t("Settings"), self.settings, {}),
            (t("How the model works"), self.help, {}),
            (t("Quit"), self.quit, {}),
        ]
        # One column of buttons, or two where a large type size leaves no room for one.
        head = title_h + subtitle_h + self.u(20)
        columns = 1 if head + len(menu) * (h + gap) - gap <= bottom - top else 2
        rows = -(-len(menu) // columns)
        total = head + rows * (h + gap) - gap
        y = top + max(0, (bottom - top - total) // 2)
        full = self.r(0, 0, 1280, 0)
        self.label(
            pygame.Rect(full.left, y, full.width, title_h), "Netwerkende Gemeente", "#title", False
        )
        y += title_h
        self.label(
            pygame.Rect(full.left, y, full.width, subtitle_h),
            t("A game about growing into a networking municipality"),
            "#subtitle",
            False,
        )
        y += subtitle_h + self.u(20)
        w = max(self.u(440), max(self.needed(caption, "@big_button") for caption, _, _ in menu))
        middle = self.r(640, 0, 0, 0).left
        lefts = [middle - w // 2] if columns == 1 else [middle - w - self.u(8), middle + self.u(8)]
        buttons = []
        for index, (caption, action, options) in enumerate(menu):
            column, row = divmod(index, rows)
            rect = pygame.Rect(lefts[column], y + row * (h + gap), w, h)
            buttons.append(self.button(rect, caption, action, kind="@big_button", **options))
        continue_button = buttons[1]
        if self._focus is None:
            if self.controller.in_progress:
                self._focus_on(continue_button)  # back to the game is the likely step
            else:
                self.move_focus(1)

    def on_enter(self) -> None:
        """Look once for the game last played, so "continue" knows whether it can.

        A saves folder that cannot be read is said in the tooltip, not fatal. After the title
        itself failed once, it does not read the saves at all (``App.safe_title``).
        """
        from game.saves import SaveError

        self.autosave = None
        # The hot-seat workshop the game last played belongs to: Continue brings it all back.
        self.workshop = None
        self.saves_problem: str | None = None
        store = self.app.saves
        if store is None or self.app.safe_title or self.controller.state is not None:
            return
        try:
            self.autosave = store.latest_autosave()
        except SaveError as error:
            self.saves_problem = error.explain(self.lang)
        if self.autosave is not None and self.autosave.game_id:
            self.workshop = store.workshop_of(self.autosave.game_id)

    def _continue_target(self) -> tuple[bool, str | None]:
        if self.controller.state is not None or self.autosave is not None:
            return True, None
        if self.saves_problem:
            return False, self.saves_problem
        return False, self.t("No game in progress and no autosave yet.")

    def _notes(self) -> list[tuple[str, bool]]:
        """Lines over the hint at the bottom: (message, bad news?)."""
        t = self.t
        notes: list[tuple[str, bool]] = []
        if self.app.safe_title and self.app.saves is not None:
            notes.append(
                (t("After an error the saves are not read until the game starts again."), True)
            )
        if self.app.settings_problem:
            notes.append((t("Settings:") + " " + self.app.settings_problem, True))
        locks = self.app.locks
        if locks is not None and locks.problem:
            message = t("Games are not locked against a second window here: {reason}")
            notes.append((message.format(reason=locks.problem), True))
        state = self.controller.state
        if state is not None and self.controller.scenario is not None:
            scenario = self.controller.scenario
            title = scenario.title.get(self.lang)
            if state.finished:
                message = t("Game over: {title}. Continue opens its debrief.").format(title=title)
            else:
                where = t("round {n}").format(n=state.round)
                message = t("Game in progress: {title}, {where}. Continue picks it up.").format(
                    title=title, where=where
                )
            notes.append((message, False))
        elif self.workshop is not None and self.app.saves is not None:
            teams = self._workshop_teams()
            if teams:
                message = t("Workshop in progress: {teams}. Continue brings every team back.")
                notes.append((message.format(teams=", ".join(teams)), False))
        return notes[:2]

    def _workshop_teams(self) -> list[str]:
        """The saved workshop's teams, for the note; none when its file cannot be read."""
        from game.saves.workshop import read_workshop

        try:
            return [
                team.team for team in read_workshop(self.workshop, self.app.saves.directory).teams
            ]
        except Exception:  # the note is a courtesy: Continue itself says what is wrong
            return []

    def room(self) -> None:
        """Host a workshop (the facilitator's laptop) or join one (a team's laptop)."""
        t, app = self.t, self.app

        def back() -> None:
            app.go(app.scenes.title)

        app.go(
            app.scenes.choice(
                app,
                "room_choice",
                t("Workshop over the network"),
                t(
                    "Every team plays on its own laptop, in step with the facilitator's: the "
                    "facilitator opens each round and shows the outcomes, and the teams' results "
                    "come in by themselves.\n\nOn the facilitator's laptop: Host. On each "
                    "team's laptop: Join, with the join code and address the projector shows."
                ),
                # Nothing here is risky, and most laptops in the room are teams': Join first.
                [
                    (t("Join (team)"), lambda: app.go(app.scenes.join)),
                    (t("Host (facilitator)"), lambda: app.go(app.scenes.host_setup)),
                    (t("Back"), back),
                ],
                back,
            )
        )

    def new_game(self) -> None:
        """A new game; when the game in progress cannot be kept (this window keeps no saves),
        ask first: starting over would lose it."""
        controller = self.controller
        if controller.in_progress and self.app.saves is None:
            t = self.app.t
            self.app.go(
                self.app.scenes.choice(
                    self.app,
                    "confirm_new_game",
                    t("Start a new game?"),
                    t(
                        "This window keeps no saves: the game in progress is lost when a new "
                        "one starts."
                    ),
                    [
                        (t("Keep playing"), lambda: open_game(self.app)),
                        (
                            t("Start a new game"),
                            lambda: self.app.go(self.app.scenes.scenario_choice),
                        ),
                    ],
                    lambda: self.app.go(self.app.scenes.title),
                )
            )
            return
        self.app.go(self.app.scenes.scenario_choice)

    def resume(self) -> None:
        if self.controller.state is None and self.workshop is not None:
            from game.ui.scenes.start.workshop_open import load_workshop_into

            load_workshop_into(self.app, self.workshop, self.app.scenes.title)
            return
        if self.controller.state is None and self.autosave is not None:
            load_into(self.app, self.autosave.path, self.app.scenes.title)
            return
        if self.controller.state is not None:
            open_game(self.app)

    def compare(self) -> None:
        """The teams side by side, from the results folder (issue 12)."""

        self.app.go(self.app.scenes.compare(self.app))

    def settings(self) -> None:
        self.app.go(self.app.scenes.settings, self.app.scenes.title)

    def help(self) -> None:
        self.app.go(self.app.scenes.help, self.app.scenes.title)

    def quit(self) -> None:
        """The quit button: at once, unless a game is in progress (its round would be lost)."""
        if self.controller.in_progress:
            self.app.go(confirm_quit(self.app))
        else:
            self.app.quit()

    def back(self) -> None:
        """Escape on the title asks first: two Escapes from a round must not close the game."""
        self.app.go(confirm_quit(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        branding = self.app.branding
        if branding is not None:
            band = self.r(0, 0, 1280, BAND_HEIGHT)
            branding.draw_band(surface, band, fonts, palette, self.lang)
        if self.app.pack_problem:
            message = self.t("The branding pack cannot be used:") + " " + self.app.pack_problem
            area = self.r(60, 14, 1160, 86)
            text_block(surface, fonts.get(16), message, palette.bad, area, max_lines=3)
        y = self.r(0, 662, 0, 0).top
        small = fonts.get(15)
        for message, bad in self._notes():
            shown = shortened(small, message, self.r(0, 0, 1200, 0).width)
            colour = palette.bad if bad else palette.text_dim
            text(surface, small, shown, colour, (self.r(640, 0, 0, 0).left, y), "midbottom")
            y -= small.get_linesize()
        hint = self.t("Tab and Enter work everywhere · F11 full screen · F1 help")
        text(
            surface,
            fonts.get(15),
            hint,
            palette.text_dim,
            self.r(640, 690, 0, 0).topleft,
            "midbottom",
        )
