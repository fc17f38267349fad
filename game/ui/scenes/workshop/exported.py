"""Export: the team's report (HTML) to take home, and the screen that says where it went."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ui.look import text_block
from game.ui.scene import Host, Scene

if TYPE_CHECKING:
    pass


def export_report(app: Host) -> Path:
    """Write this team's report (and its results file) into the results folder; its path."""
    from game.results.files import build_results, decode, encode
    from game.results.report import report_html, write_page
    from game.saves.names import slug

    controller = app.controller
    scenario, state = controller.scenario, controller.state
    if scenario is None or state is None:
        raise RuntimeError("no game to export")
    controller.write_results()
    document = build_results(
        state, scenario, controller.team, controller.game_id, controller.length
    )
    results = decode(encode(document))
    readable = slug(controller.team)
    name = f"report-{readable + '-' if readable else ''}{controller.game_id}.html"
    return write_page(app.results_dir / name, report_html(results, app.settings.language, app.pack))


class ExportedScene(Scene):
    """The report was written: where it is, and a way to open it in the browser."""

    name = "exported"

    def __init__(
        self, app: Host, path: Path | None, problem: str | None, back: Callable[[], Scene]
    ):
        super().__init__(app)
        self.path = path
        self.problem = problem
        self.back_to = back

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def build(self) -> None:
        t = self.t
        heading = t("The report is saved") if self.path else t("The report could not be saved")
        self.label(self.r(80, 60, 1100, 56), heading, "#heading")
        self.button(
            self.r(80, 560, 520, 58), t("Back to the debrief"), self.back, kind="@big_button"
        )
        if self.path is not None:
            self.button(self.r(620, 560, 520, 58), t("Open it in the browser"), self.open)
        self.move_focus(1)

    def open(self) -> None:
        if self.path is not None:
            webbrowser.open(self.path.resolve().as_uri())

    def back(self) -> None:
        self.app.go(self.back_to)

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        area = self.r(80, 150, 1100, 380)
        if self.path is None:
            text_block(surface, fonts.get(22), self.problem or "", palette.bad, area)
            return
        used = text_block(
            surface,
            fonts.get(22),
            t(
                "One page with the charts, every decision against the best fit, the model in "
                "brief and the recommendations. It opens in any browser without internet and "
                "prints on A4."
            ),
            palette.text,
            area,
        )
        area.top += used + self.u(20)
        text_block(surface, fonts.get(22, True), str(self.path), palette.accent, area)
