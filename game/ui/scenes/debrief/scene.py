"""The debrief: its tabs, its buttons, and the game's facts every tab reads."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

import pygame

from game.sim.council import CouncilRanking, council_ranking
from game.sim.review import Advice, advice, round_states
from game.ui.scene import Scene
from game.ui.scenes.debrief.council import CouncilTab
from game.ui.scenes.debrief.decisions import DecisionsTab
from game.ui.scenes.debrief.growth import GrowthTab
from game.ui.scenes.debrief.result import ResultTab

TABS = ("result", "growth", "decisions", "council")


class DebriefScene(ResultTab, GrowthTab, DecisionsTab, CouncilTab):
    """The result, growth, the decisions (and the council account); then play again."""

    name = "debrief"

    def __init__(self, app, tab: str = "result", page: int = 0) -> None:
        super().__init__(app)
        self.tab = tab if tab != "trajectory" else "growth"
        self.page = page

    @property
    def tabs(self) -> tuple[str, ...]:
        """The council-account page only where the scenario ranks a council account."""
        if self.ranking is None:
            return TABS[:3]
        return TABS

    @cached_property
    def ranking(self) -> CouncilRanking | None:
        """Worked out once: the game is over, so the ranking cannot change on this page."""
        scenario = self.controller.scenario
        return None if scenario is None else council_ranking(self.state, scenario)

    @cached_property
    def starts(self):
        """The state at the start of every round (the decision log played again): what was
        possible when the team decided."""
        scenario = self.controller.scenario
        assert scenario is not None
        return round_states(scenario, self.state)

    @cached_property
    def points(self) -> list[Advice]:
        scenario = self.controller.scenario
        assert scenario is not None
        return advice(scenario, self.state)

    # --- widgets --------------------------------------------------------------------------------

    def build(self) -> None:
        t = self.t
        names = {
            "result": t("Result"),
            "growth": t("Growth"),
            "decisions": t("Decisions"),
            "council": t("Council account"),
        }
        x = self.r(16, 0, 0, 0).left
        top = self.r(0, 62, 0, 0).top
        height = max(self.u(44), self._button_height(None))
        for tab in self.tabs:
            width = self.fitted(names[tab], None, 190)
            self.button(
                pygame.Rect(x, top, width, height),
                names[tab],
                lambda tab=tab: self.show(tab),
                selected=tab == self.tab,
            )
            x += width + self.u(10)
        self.content_top = top + height + self.u(10)
        left: list[tuple[str, Callable[[], None], dict]] = [
            (
                t("Export"),
                self.export,
                {"tooltip": t("Save this debrief as a web page to take home (prints on A4).")},
            )
        ]
        if self.tab == "decisions":
            self.pages = self._paginate()
            self.page = max(0, min(self.page, len(self.pages) - 1))
            left += [
                (t("Earlier"), lambda: self.turn(-1), {"enabled": self.page > 0, "minimum": 130}),
                (
                    t("Later"),
                    lambda: self.turn(1),
                    {"enabled": self.page < len(self.pages) - 1, "minimum": 130},
                ),
            ]
        self.free = self.bottom_bar(left, (t("Play again"), self.play_again, {}))
        self.title_button()
        if self._focus is None:
            self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        tab, page = self.tab, self.page
        return lambda: self.app.scenes.debrief(self.app, tab, page)

    def show(self, tab: str) -> None:
        self.tab = tab
        self.page = 0
        self.rebuild()

    def turn(self, step: int) -> None:
        """Another page of decisions."""
        pages = getattr(self, "pages", [])
        page = max(0, min(len(pages) - 1, self.page + step))
        if page != self.page:
            self.page = page
            self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            tabs = self.tabs
            self.show(tabs[(tabs.index(self.tab) + step) % len(tabs)])
            return
        if event.key in (pygame.K_PAGEDOWN, pygame.K_DOWN) and self.tab == "decisions":
            self.turn(1)
            return
        if event.key in (pygame.K_PAGEUP, pygame.K_UP) and self.tab == "decisions":
            self.turn(-1)
            return
        super().on_key(event)

    def export(self) -> None:
        """The team's report, written beside its results file (issue 12)."""
        from game.ui.scenes.workshop.exported import export_report

        try:
            path, problem = export_report(self.app), None
        except Exception as error:  # a full USB stick: say so, keep the debrief
            explain = getattr(error, "explain", None)
            path, problem = None, explain(self.lang) if callable(explain) else str(error)
        self.app.go(self.app.scenes.exported(self.app, path, problem, self.reopen()))

    def play_again(self) -> None:

        self.app.go(self.app.scenes.scenario_choice)

    def back(self) -> None:

        self.app.go(self.app.scenes.title)

    def on_exit(self) -> None:
        """The game is over: nothing of a round to keep."""

    def default_action(self) -> None:
        tabs = self.tabs
        self.show(tabs[(tabs.index(self.tab) + 1) % len(tabs)])

    @property
    def area(self) -> pygame.Rect:
        """Where a page's content goes, under the tabs and above the buttons."""
        top = getattr(self, "content_top", self.r(0, 122, 0, 0).top)
        bottom = self.r(0, 644, 0, 0).top
        left = self.r(16, 0, 0, 0).left
        return pygame.Rect(left, top, self.r(1264, 0, 0, 0).left - left, bottom - top)

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        t = self.t
        self.top_bar(surface, t("Debrief"))
        if self.tab == "result":
            self._draw_result(surface)
        elif self.tab == "growth":
            self._draw_growth(surface)
        elif self.tab == "decisions":
            self._draw_decisions(surface)
        elif self.tab == "council":
            self._draw_council(surface)

    # --- result -------------------------------------------------------------------------------

    # --- growth ---------------------------------------------------------------------------------

    # --- decisions ----------------------------------------------------------------------------

    # --- council --------------------------------------------------------------------------------
