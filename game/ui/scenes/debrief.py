"""The end of the game: the trajectory as charts, every decision against the best fit, the score."""

from __future__ import annotations

import html
from collections.abc import Callable

import pygame

from game.domain import Indicator
from game.labels import label
from game.sim import line_strengths, score, weakest_line
from game.ui.charts import line_chart
from game.ui.dashboard import panel
from game.ui.look import text, text_block
from game.ui.scene import Scene
from game.ui.scenes.rounds import RoundScene
from game.ui.words import builtin_recommendation, line_name

TABS = ("result", "trajectory", "decisions")


class DebriefScene(RoundScene):
    """Three pages: the result, the trajectory and the decisions; then play again."""

    name = "debrief"

    def __init__(self, app, tab: str = "result") -> None:
        super().__init__(app)
        self.tab = tab

    def build(self) -> None:
        t = self.t
        names = {"result": t("Result"), "trajectory": t("Trajectory"), "decisions": t("Decisions")}
        x = 16
        for tab in TABS:
            self.button(
                self.r(x, 64, 200, 46),
                names[tab],
                lambda tab=tab: self.show(tab),
                selected=tab == self.tab,
            )
            x += 210
        if self.tab == "decisions":
            self.text_box(self.r(16, 122, 1248, 520), self._decisions_html())
        elif self.tab == "result":
            self.text_box(self.r(636, 122, 628, 520), self._advice_html())
        self.button(
            self.r(1000, 656, 264, 54), t("Play again"), self.play_again, kind="@big_button"
        )
        self.button(
            self.r(730, 656, 260, 54),
            t("Export"),
            lambda: None,
            enabled=False,
            tooltip=t("Exporting the debrief comes in a later version."),
        )
        self.button(self.r(16, 656, 240, 54), t("Title screen"), self.back)
        if self._focus is None:
            self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        tab = self.tab
        return lambda: DebriefScene(self.app, tab)

    def show(self, tab: str) -> None:
        self.tab = tab
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if event.key == pygame.K_RIGHT else -1
            self.show(TABS[(TABS.index(self.tab) + step) % len(TABS)])
            return
        super().on_key(event)

    def play_again(self) -> None:
        from game.ui.scenes.menu import ScenarioChoiceScene

        self.app.go(ScenarioChoiceScene)

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(TitleScene)

    def default_action(self) -> None:
        self.show(TABS[(TABS.index(self.tab) + 1) % len(TABS)])

    # --- pages --------------------------------------------------------------------------------

    def _decisions_html(self) -> str:
        scenario = self.controller.scenario
        assert scenario is not None
        t, lang, e = self.t, self.lang, html.escape
        good = "#{:02x}{:02x}{:02x}".format(*self.app.palette.good)
        bad = "#{:02x}{:02x}{:02x}".format(*self.app.palette.bad)
        words = {
            "round": e(t("Round")),
            "fits": e(t("fits")),
            "misses": e(t("misses")),
            "stumbled": e(t("stumbled")),
            "you": e(t("you")),
            "best": e(t("best")),
            "channels": e(t("channels")),
        }
        rows = []
        for record in self.state.history:
            rows.append(f"<b>{words['round']} {record.round}</b><br>")
            for outcome in record.outcomes:
                title = scenario.initiative(outcome.initiative).title.get(lang)
                fits = outcome.role in outcome.best_roles
                mark = (
                    f"<font color='{good}'><b>{words['fits']}</b></font>"
                    if fits
                    else f"<font color='{bad}'><b>{words['misses']}</b></font>"
                )
                best = ", ".join(label(r, lang) for r in outcome.best_roles)
                channels = ", ".join(
                    scenario.channel(c).name.get(lang) for c in outcome.channels
                ) or t("none")
                cfit = "–" if outcome.channel_fit is None else f"{outcome.channel_fit * 100:.0f}%"
                serves = e(t("serves the purposes for {share}").format(share=cfit))
                stumble = "" if outcome.succeeded else f" · <i>{words['stumbled']}</i>"
                rows.append(
                    f"{mark} {e(title)}: {words['you']} <b>{e(label(outcome.role, lang))}</b> "
                    f"({outcome.fit * 100:.0f}%) · {words['best']}: {e(best)} · "
                    f"{words['channels']}: {e(channels)} ({serves}){stumble}<br>"
                )
            if record.decisions.actions:
                names = ", ".join(
                    scenario.action(a).title.get(lang) for a in record.decisions.actions
                )
                rows.append(f"&nbsp;&nbsp;+ {e(names)}<br>")
        return "".join(rows) or e(t("No decisions were made."))

    def _advice_html(self) -> str:
        scenario = self.controller.scenario
        assert scenario is not None
        t, lang, e = self.t, self.lang, html.escape
        weakest = weakest_line(self.state)
        advice = scenario.recommendations.__getattribute__(weakest.value)
        message = advice.get(lang) if advice is not None else builtin_recommendation(weakest, t)
        strengths = line_strengths(self.state)
        weakest_word = e(t("weakest"))
        parts = ["<b>" + e(t("The three lines at the end")) + "</b><br>"]
        for line, value in strengths.items():
            marker = f" <i>({weakest_word})</i>" if line == weakest else ""
            parts.append(f"{e(line_name(line, t))}: <b>{value:.0f}</b>{marker}<br>")
        heading = e(t("Weakest line")) + ": " + e(line_name(weakest, t))
        parts.append(f"<br><b>{heading}</b><br>{e(message)}")
        return "".join(parts)

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        t = self.t
        self.top_bar(surface, t("Debrief"))
        if self.tab == "result":
            self._draw_result(surface)
        elif self.tab == "trajectory":
            self._draw_trajectory(surface)

    def _draw_result(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        card = score(state)
        box = self.r(16, 122, 608, 520)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(32), -self.u(28))
        y = inner.top
        text(surface, fonts.get(18, True), t("Final score"), palette.text_dim, (inner.left, y))
        y += self.u(26)
        y = text(
            surface, fonts.get(60, True), f"{card.total}", palette.accent, (inner.left, y)
        ).bottom
        y += text_block(
            surface,
            fonts.get(26, True),
            card.title.get(lang),
            palette.text,
            pygame.Rect(inner.left, y, inner.width, self.u(80)),
        ) + self.u(12)
        rows = [
            (
                t("Growth phase"),
                f"{state.phase.level} · {label(state.phase, lang)}",
                card.phase_points,
            ),
            (
                t("Competence"),
                f"{state.stage.level} · {label(state.stage, lang)}",
                card.stage_points,
            ),
            (
                label(Indicator.TRUST, lang).capitalize(),
                f"{state.indicators[Indicator.TRUST]:.0f}",
                card.trust_points,
            ),
            (
                label(Indicator.COMMUNITY_ENERGY, lang).capitalize(),
                f"{state.indicators[Indicator.COMMUNITY_ENERGY]:.0f}",
                card.energy_points,
            ),
            (t("Fitting role chosen"), f"{card.fit_rate * 100:.0f}%", card.fit_points),
        ]
        body, bold = fonts.get(17), fonts.get(17, True)
        column = max(body.size(name)[0] for name, _, _ in rows) + self.u(16)
        for name, value, points in rows:
            text(surface, body, name, palette.text_dim, (inner.left, y))
            text(surface, bold, value, palette.text, (inner.left + column, y))
            text(
                surface,
                bold,
                f"{points:.0f} " + t("pts"),
                palette.accent,
                (inner.right, y),
                "topright",
            )
            y += body.get_linesize() + self.u(6)

    def _draw_trajectory(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        history = self.state.history
        top = self.r(16, 122, 1248, 250)
        panel(surface, top, palette, self.u(10))
        levels = [
            (t("Growth phase"), palette.accent, [r.phase.level for r in history]),
            (t("Competence"), palette.community, [r.stage.level for r in history]),
        ]
        ticks = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]
        line_chart(
            surface,
            top.inflate(-self.u(28), -self.u(20)),
            t("Phase and competence per round"),
            levels,
            palette,
            fonts,
            1,
            4,
            ticks,
            step=True,
        )
        bottom = self.r(16, 384, 1248, 260)
        panel(surface, bottom, palette, self.u(10))
        colours = [
            palette.good,
            palette.accent,
            palette.community,
            palette.business,
            palette.department,
            palette.role(next(iter(palette.roles))),
            palette.text_dim,
        ]
        series = [
            (label(ind, lang), colours[i % len(colours)], [r.indicators[ind] for r in history])
            for i, ind in enumerate(Indicator)
        ]
        line_chart(
            surface,
            bottom.inflate(-self.u(28), -self.u(20)),
            t("Indicators per round"),
            series,
            palette,
            fonts,
        )
