"""New game: the scenario, the team's names and the length of the game."""

from __future__ import annotations

import html

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextBox

from game.domain import (
    GameLength,
)
from game.saves.names import clean_name
from game.scenario.loader import ScenarioInfo
from game.sim.dice import choose_seed
from game.ui.controller import TEAM_NAME_LIMIT
from game.ui.look import (
    fits_block,
)
from game.ui.scenes.start.scenario_list import absolute_path, is_wanted, scenario_list
from game.ui.scenes.start.scenario_panels import DESCRIPTION_SIZES, ScenarioPanels


class ScenarioChoiceScene(ScenarioPanels):
    """Pick a scenario (title, organisation, description, languages), name the team, and
    choose how long the workshop plays: a short, a standard or the whole game, each with the
    minutes it takes about.

    The team and the length are two blocks of their own at the bottom: the team's names on the
    left (where more teams can come), the length on the right.
    """

    name = "scenario_choice"

    def on_enter(self) -> None:
        self.load_list()
        self.team = self.controller.team
        # Team names (issue 12): one, or two to four for hot-seat play.
        # The last new game's teams (kept in the settings, issue 19), else this game's team.
        remembered = list(self.app.settings.last_teams)
        self.teams = remembered or [s.team for s in self.controller.seats] or [self.team]
        self.team = self.teams[0]
        self.length = self.app.chosen_length

    def load_list(self) -> None:
        """Read the scenario files (again: a trainer may have just fixed one)."""
        wanted = self.app.preselected_scenario
        self.app.read_scenarios_ahead()
        self.entries = scenario_list(
            self.app.scenario_dir, wanted, self.app.scenario_cache, self.app.pack
        )
        self.index = 0
        for i, entry in enumerate(self.entries):
            if is_wanted(entry, wanted):
                self.index = i

    def build(self) -> None:
        t = self.t
        fonts = self.app.fonts
        self.label(self.r(40, 24, 800, 48), t("Choose a scenario"), "#heading")
        _, team, length = self.blocks()
        y = self.r(0, 90, 0, 0).top
        row = max(self.u(48), self._button_height("@left_button"))
        for i, entry in enumerate(self.entries):
            if y + row > team.top - self.u(8):
                break
            name = entry.title.get(self.lang) if entry.valid else "! " + entry.path.name
            self.button(
                pygame.Rect(team.left, y, team.width, row),
                name,
                lambda i=i: self.select(i),
                selected=i == self.index,
                kind="@left_button",
            )
            y += row + self.u(8)
        inset = self.u(14)
        label_h = fonts.get(18).get_linesize()
        # The length block (its buttons first, so Shift+Tab from Start reaches the team).
        current = self.current
        self.length_top = length.top + self.u(16) + label_h
        button_h = max(self.u(44), self._button_height(None))
        width = (length.width - 2 * inset - 2 * self.u(12)) // 3
        names = {
            GameLength.SHORT: t("Short"),
            GameLength.STANDARD: t("Standard"),
            GameLength.FULL: t("Whole game"),
        }
        x = length.left + inset
        for choice in GameLength:
            self.button(
                pygame.Rect(x, self.length_top, width, button_h),
                names[choice],
                lambda choice=choice: self.choose_length(choice),
                selected=choice == self.length,
                enabled=current is not None and current.scenario is not None,
            )
            x += width + self.u(12)
        self.length_bottom = self.length_top + button_h + self.u(4)
        self.build_teams(team, inset, label_h)
        can_start = current is not None and current.scenario is not None
        bottom_top = self.r(0, 650, 0, 0).top
        start_w = self.fitted(t("Start the game"), "@big_button", 340)
        start = self.button(
            pygame.Rect(self.r(1240, 0, 0, 0).left - start_w, bottom_top, start_w, self.u(52)),
            t("Start the game"),
            self.start,
            enabled=can_start,
            kind="@big_button",
        )
        back_w = self.fitted(t("Back"), None, 180)
        self.button(pygame.Rect(team.left, bottom_top, back_w, self.u(52)), t("Back"), self.back)
        reload_w = self.fitted(t("Reload"), None, 170)
        self.button(
            pygame.Rect(team.left + back_w + self.u(10), bottom_top, reload_w, self.u(52)),
            t("Reload"),
            self.reload,
            tooltip=t("Read the scenario files again, after editing one."),
        )
        outline_w = self.fitted(t("Outline"), None, 170)
        self.button(
            pygame.Rect(
                team.left + back_w + reload_w + 2 * self.u(10), bottom_top, outline_w, self.u(52)
            ),
            t("Outline"),
            self.show_outline,
            enabled=can_start,
            tooltip=t("Every round of the scenario at this length: what comes up, and what fits."),
        )
        if not self.entries:
            self.label(self.r(460, 100, 780, 40), t("No scenario files found."), "#warning")
        self.description_box = self._description_box()
        if self._focus is None:
            self._focus_on(start)  # Enter starts: the most common step from here

    def _description_box(self) -> UITextBox | None:
        """A description too long for its room even in the smallest size (a long title, a
        large type size) scrolls, in a text box of that size: it is never cut off."""
        entry = self.current
        if entry is None or entry.scenario is None:
            return None
        area = self.description_area(entry.scenario)
        message = entry.scenario.description.get(self.lang)
        font = self.app.fonts.get(DESCRIPTION_SIZES[-1])
        if fits_block(font, message, area):
            return None
        return UITextBox(
            html.escape(message).replace("\n", "<br>"),
            area,
            manager=self.app.ui,
            object_id=ObjectID(class_id="@plain_text", object_id="#description"),
        )

    def on_key(self, event: pygame.event.Event) -> None:
        """Page Up and Page Down scroll a description that scrolls."""
        bar = getattr(self.description_box, "scroll_bar", None)
        if bar is not None and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
            bar.set_scroll_from_start_percentage(bar.start_percentage + step)
            return
        super().on_key(event)

    def build_teams(self, block: pygame.Rect, inset: int, label_h: int) -> None:
        """The team-names block (issue 12): one name, or two to four teams taking turns on
        one laptop, with + and − to add or drop one. Its buttons come first, so Shift+Tab
        from Start lands in the (last) team name."""
        from game.ui.hot_seat import MAX_TEAMS

        t = self.t
        small_h = max(self.u(40), self._button_height("@small_button"))
        half = (block.width - 2 * inset - self.u(8)) // 2
        bottom = block.bottom - self.u(10) - small_h
        self.button(
            pygame.Rect(block.left + inset, bottom, half, small_h),
            t("+ team"),
            self.add_team,
            enabled=len(self.teams) < MAX_TEAMS,
            kind="@small_button",
        )
        self.button(
            pygame.Rect(block.left + inset + half + self.u(8), bottom, half, small_h),
            t("− team"),
            self.remove_team,
            enabled=len(self.teams) > 1,
            kind="@small_button",
        )
        heading = t("Team name (optional)") if len(self.teams) == 1 else t("Teams (2–4 take turns)")
        self.label(
            pygame.Rect(
                block.left + inset, block.top + self.u(10), block.width - 2 * inset, label_h
            ),
            heading,
            "#dim",
            False,
        )
        entry_h = self._entry_height()
        top = block.top + self.u(16) + label_h
        self.team_entries = []
        for i, name in enumerate(self.teams):
            if len(self.teams) == 1:
                rect = pygame.Rect(block.left + inset, top, block.width - 2 * inset, entry_h)
            else:
                column, row = i % 2, i // 2
                rect = pygame.Rect(
                    block.left + inset + column * (half + self.u(8)),
                    top + row * (entry_h + self.u(6)),
                    half,
                    entry_h,
                )
            self.team_entries.append(self.entry(rect, name))

    @property
    def team_entry(self):
        """The first team's name field (one team: the only one)."""
        return self.team_entries[0]

    def _keep_names(self) -> None:
        self.teams = [entry.get_text() for entry in self.team_entries]
        self.team = self.teams[0] if self.teams else ""

    def add_team(self) -> None:
        self._keep_names()
        self.teams.append("")
        self.rebuild()

    def remove_team(self) -> None:
        self._keep_names()
        if len(self.teams) > 1:
            self.teams.pop()
        self.rebuild()

    def choose_length(self, length: GameLength) -> None:
        self._keep_names()
        self.length = length
        self.app.chosen_length = length  # the next game starts with the same choice
        self.rebuild()

    def show_outline(self) -> None:
        entry = self.current
        if entry is None or entry.scenario is None:
            return
        self._keep_names()
        self.app.go(self.app.scenes.outline(self.app, entry.scenario, self.length, self))

    def reload(self) -> None:
        self._keep_names()
        self.app.scenario_cache.clear()  # "reload" reads every file, edited or not
        chosen = self.current.path if self.current else None
        self.load_list()
        for i, entry in enumerate(self.entries):
            if entry.path == chosen:
                self.index = i
        self.rebuild()

    @property
    def current(self) -> ScenarioInfo | None:
        return self.entries[self.index] if self.entries else None

    def select(self, index: int) -> None:
        self._keep_names()
        self.index = index
        self.rebuild()

    def start(self) -> None:
        entry = self.current
        if entry is None or entry.scenario is None:
            return

        self._keep_names()
        named = [name for name in self.teams if name.strip()]
        seed = choose_seed(self.app.seed)
        kept = tuple(clean_name(name, TEAM_NAME_LIMIT) for name in named)
        self.app.remember(last_teams=kept, last_length=self.length.value)
        if len(named) > 1:
            self.controller.start_teams(
                entry.scenario,
                seed,
                named,
                scenario_file=absolute_path(entry.path),
                length=self.length,
            )
        else:
            self.controller.start(
                entry.scenario,
                seed,
                named[0] if named else "",
                scenario_file=absolute_path(entry.path),
                length=self.length,
            )
        self.app.play("confirm")
        self.app.go(self.app.scenes.turn if self.controller.hot_seat else self.app.scenes.briefing)

    def default_action(self) -> None:
        self.start()

    def back(self) -> None:
        self.app.go(self.app.scenes.title)
