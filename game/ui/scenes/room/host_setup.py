"""The facilitator starts hosting: which scenario, which length; then the room can join."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import GameLength
from game.ui.look import fit_text_block
from game.ui.scene import Host, Scene


def room_minutes(per_game: int) -> int:
    """About how long a room takes when every team plays on its own laptop at the same time:
    one game, plus the waits for the slowest team at each round (about a fifth more)."""
    return max(5, 5 * round(per_game * 1.2 / 5))


class HostSetupScene(Scene):
    """Scenario and length for a hosted workshop; "Start hosting" opens the room."""

    name = "host_setup"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.scenarios = self._scenarios()
        self.chosen = 0
        self.length = GameLength(app.chosen_length)
        self.message = ""

    def _scenarios(self) -> list:
        from game.scenario.loader import SCENARIO_DIR, list_scenarios, scenario_info, scenario_path
        from game.ui.scenes.start.scenario_list import is_wanted

        wanted = self.app.preselected_scenario
        found, first = {}, None
        for folder in (SCENARIO_DIR, self.app.scenario_dir):
            if folder is None or not folder.is_dir():
                continue
            for info in list_scenarios(folder):
                if info.scenario is not None:
                    found[info.scenario.id] = info.scenario
                    first = info.id if is_wanted(info, wanted) else first
        if first is None and wanted is not None and scenario_path(wanted).is_file():
            # A file outside the scenario folders (``host elsewhere/x.yaml``): read it too.
            named = scenario_info(scenario_path(wanted))
            if named.scenario is not None:
                found.setdefault(named.id, named.scenario)
                first = named.id
        return sorted(found.values(), key=lambda s: s.id != first)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        t, u = self.t, self.u
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        y = self.heading(t("Host a workshop"), left, self.r(0, 24, 0, 0).top, right).bottom + u(16)
        height = max(u(50), self._button_height(None))
        self.label(
            pygame.Rect(left, y, right - left, self.app.fonts.get(20).get_linesize()),
            t("Scenario"),
            "#dim",
            grow=False,
        )
        y += self.app.fonts.get(20).get_linesize() + u(4)
        # Two scenarios a row, or one where a title would not fit half the width.
        half = (right - left - u(12)) // 2
        titles = [scenario.title.get(self.lang) for scenario in self.scenarios[:6]]
        columns = 2 if all(self.needed(title) <= half for title in titles) else 1
        width = half if columns == 2 else right - left
        rows = -(-len(titles) // columns)
        # Rows as tall as the room below allows: the length's row and three lines of what the
        # workshop will be must stay in view (six scenarios at 140% pushed them off, issue 21).
        label_h = self.app.fonts.get(20).get_linesize() + u(4)
        below = label_h + height + u(12) + 3 * self.app.fonts.get(18).get_linesize()
        bottom_line = self.r(0, 706, 0, 0).top - max(u(60), self._button_height("@big_button"))
        room = bottom_line - u(20) - below - y
        gap = u(10) if rows < 5 else u(6)
        row_h = max(min(height, room // max(1, rows) - gap), self.app.fonts.get(18).get_linesize())
        for i, title in enumerate(titles):
            x = left + (i % columns) * (width + u(12))
            top = y + (i // columns) * (row_h + gap)
            self.button(
                pygame.Rect(x, top, width, row_h),
                title,
                lambda i=i: self.choose(i),
                selected=i == self.chosen,
            )
        y += rows * (row_h + gap) + u(10)
        self.label(
            pygame.Rect(left, y, right - left, self.app.fonts.get(20).get_linesize()),
            t("Length of the game"),
            "#dim",
            grow=False,
        )
        y += self.app.fonts.get(20).get_linesize() + u(4)
        names = {
            GameLength.SHORT: t("Short"),
            GameLength.STANDARD: t("Standard"),
            GameLength.FULL: t("Whole game"),
        }
        third = (right - left - 2 * u(12)) // 3
        for i, length in enumerate(GameLength):
            self.button(
                pygame.Rect(left + i * (third + u(12)), y, third, height),
                names[length],
                lambda length=length: self.choose_length(length),
                selected=length == self.length,
            )
        self.info_top = y + height + u(12)
        big = max(u(60), self._button_height("@big_button"))
        bottom = self.r(0, 706, 0, 0).top - big - u(10)
        self.info_bottom = bottom - u(10)
        caption = t("Start hosting")
        start_w = self.fitted(caption, "@big_button", 320)
        self.button(
            pygame.Rect(left, bottom, start_w, big),
            caption,
            self.start,
            kind="@big_button",
            enabled=bool(self.scenarios),
        )
        caption = t("Back")
        back_w = self.fitted(caption, None, 200)
        self.button(pygame.Rect(right - back_w, bottom, back_w, big), caption, self.back)
        if self._focus is None:
            self.move_focus(1)

    def choose(self, index: int) -> None:
        self.chosen = index
        self.rebuild()

    def choose_length(self, length: GameLength) -> None:
        self.length = length
        self.rebuild()

    def start(self) -> None:
        """Listen for teams (every network of this laptop; this laptop only in tests)."""
        from game.ui.scenes.room.hosting import start_hosting

        if not self.scenarios:
            return
        problem = start_hosting(self.app, self.scenarios[self.chosen], self.length)
        if problem:
            self.message = problem
            self.rebuild()
            return
        self.app.go(self.app.scenes.host)

    def back(self) -> None:
        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        from game.sim.length import estimated_minutes, rounds_played

        t = self.t
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        area = pygame.Rect(left, self.info_top, right - left, self.info_bottom - self.info_top)
        if self.message:
            fit_text_block(surface, self.app.fonts, self.message, self.app.palette.text, area)
            return
        if not self.scenarios:
            message = t("No scenario can be played: check the scenarios folder.")
        else:
            scenario = self.scenarios[self.chosen]
            minutes = room_minutes(estimated_minutes(scenario, self.length))
            message = t(
                "{rounds} rounds, about {minutes} minutes: every team plays on its own laptop at "
                "the same time, and the rounds go on when every team is ready. The projector "
                "then shows the address and the join code."
            ).format(rounds=rounds_played(scenario, self.length), minutes=minutes)
        fit_text_block(surface, self.app.fonts, message, self.app.palette.text_dim, area)
