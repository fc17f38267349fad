"""The list of saved games to load."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.look import (
    text_block,
)
from game.ui.scene import Scene
from game.ui.scenes.start.loading import load_into


class LoadScene(Scene):
    """The saved games, newest first, with the reason for any file that cannot be used."""

    name = "load"

    def on_enter(self) -> None:
        from game.saves import Listing

        store = self.app.saves
        listing = store.scan() if store is not None else Listing([], [])
        self.saves = listing.saves
        self.broken = listing.broken
        self.problem = listing.problem

    def build(self) -> None:
        t, lang = self.t, self.lang
        self.label(self.r(40, 24, 900, 48), t("Load a saved game"), "#heading")
        y = 90
        for info in self.saves[:9]:
            when = info.created.astimezone().strftime("%d-%m %H:%M")
            team = info.team or t("no team name")
            state = t("finished") if info.finished else t("round {n}").format(n=info.round)
            caption = f"{when} · {team} · {info.title(lang)} · {state}"
            if info.aside:
                caption += " · " + t("set aside")
            elif info.from_backup:
                caption += " · " + t("backup")
            self.button(
                self.r(40, y, 1200, 50),
                caption,
                lambda path=info.path: self.load(path),
                kind="@left_button",
            )
            y += 58
        if self.problem is not None:
            self.label(self.r(40, 100, 1200, 40), t("The saves folder cannot be read."), "#warning")
        elif not self.saves:
            self.label(self.r(40, 100, 1200, 40), t("There are no saved games yet."))
        self.button(self.r(40, 650, 200, 52), t("Back"), self.back)
        self.move_focus(1)

    def load(self, path: Path) -> None:
        load_into(self.app, path, self.app.scenes.load)

    def back(self) -> None:
        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        if self.problem is not None:
            area = self.r(40, 150, 1200, 200)
            text_block(surface, fonts.get(18), self.problem.explain(self.lang), palette.text, area)
            return
        if not self.broken:
            return
        area = self.r(40, 90 + 58 * min(9, len(self.saves)) + 10, 1200, 120)
        if area.top > self.r(0, 620, 0, 0).top:
            return
        for error in self.broken[:3]:
            line = error.explain(self.lang)
            if error.path is not None:
                line = f"{error.path.name}: {line}"
            used = text_block(surface, fonts.get(16), line, palette.bad, area, max_lines=2)
            area.top += used + self.u(4)
