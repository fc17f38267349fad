"""The list of saved games to load.

A hot-seat workshop is one entry ("Workshop: Team Rood, Team Blauw"): loading it brings every team
back, as Continue does. Its teams' autosaves are not listed apart while the workshop file is
whole; when it cannot be used, it is listed with the reason and its teams' games show one by one.
"""

from __future__ import annotations

from collections.abc import Callable
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
        from game.saves import Listing, SaveError

        store = self.app.saves
        listing = store.scan() if store is not None else Listing([], [])
        self.broken = list(listing.broken)
        self.problem = listing.problem
        # (order, workshop file, its teams' saves) for every workshop whose file is whole.
        self.workshops: list[tuple[tuple, Path, object, list]] = []
        grouped: set[str] = set()
        for path, workshop in store.workshops() if store is not None else []:
            if isinstance(workshop, SaveError):
                self.broken.append(workshop)
                continue
            ids = {team.game_id for team in workshop.teams}
            teams = [i for i in listing.saves if i.kind.value == "autosave" and i.game_id in ids]
            teams = [i for i in teams if not i.aside]
            grouped |= {i.game_id for i in teams}
            order = max((i.order for i in teams), default=(0, 0, path.name))
            self.workshops.append((order, path, workshop, teams))
        self.saves = [
            i
            for i in listing.saves
            if not (i.kind.value == "autosave" and not i.aside and i.game_id in grouped)
        ]

    def build(self) -> None:
        t = self.t
        self.label(self.r(40, 24, 900, 48), t("Load a saved game"), "#heading")
        y = 90
        for caption, action in self._entries()[:9]:
            self.button(self.r(40, y, 1200, 50), caption, action, kind="@left_button")
            y += 58
        if self.problem is not None:
            self.label(self.r(40, 100, 1200, 40), t("The saves folder cannot be read."), "#warning")
        elif not self.saves and not self.workshops:
            self.label(self.r(40, 100, 1200, 40), t("There are no saved games yet."))
        self.button(self.r(40, 650, 200, 52), t("Back"), self.back)
        self.move_focus(1)

    def _entries(self) -> list[tuple[str, Callable[[], None]]]:
        """Every line of the list, newest first: the workshops and the games on their own."""
        t, lang = self.t, self.lang
        rows: list[tuple[tuple, str, Callable[[], None]]] = []
        for info in self.saves:
            when = info.created.astimezone().strftime("%d-%m %H:%M")
            team = info.team or t("no team name")
            state = t("finished") if info.finished else t("round {n}").format(n=info.round)
            caption = f"{when} · {team} · {info.title(lang)} · {state}"
            if info.aside:
                caption += " · " + t("set aside")
            elif info.from_backup:
                caption += " · " + t("backup")
            rows.append((info.order, caption, lambda path=info.path: self.load(path)))
        for order, path, workshop, teams in self.workshops:
            when = workshop.saved.astimezone().strftime("%d-%m %H:%M")
            names = ", ".join(team.team for team in workshop.teams)
            title = teams[0].title(lang) if teams else workshop.scenario_id
            unfinished = [team.round for team in workshop.teams if not team.finished]
            state = t("every team has played")
            if unfinished:
                state = t("round {n}").format(n=min(unfinished))
            workshop_word = t("Workshop")  # outside the f-string, so ``make messages`` finds it
            # Where it stands before the names, which a long list of teams may cut off.
            caption = f"{when} · {workshop_word} · {state} · {names} · {title}"
            rows.append((order, caption, lambda path=path: self.load_workshop(path)))
        rows.sort(key=lambda row: row[0], reverse=True)
        return [(caption, action) for _, caption, action in rows]

    def load(self, path: Path) -> None:
        load_into(self.app, path, self.app.scenes.load)

    def load_workshop(self, path: Path) -> None:
        from game.ui.scenes.start.workshop_open import load_workshop_into

        load_workshop_into(self.app, path, self.app.scenes.load)

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
        shown = min(9, len(self.saves) + len(self.workshops))
        area = self.r(40, 90 + 58 * shown + 10, 1200, 120)
        if area.top > self.r(0, 620, 0, 0).top:
            return
        for error in self.broken[:3]:
            line = error.explain(self.lang)
            if error.path is not None:
                line = f"{error.path.name}: {line}"
            used = text_block(surface, fonts.get(16), line, palette.bad, area, max_lines=2)
            area.top += used + self.u(4)
