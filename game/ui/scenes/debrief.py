"""The end of the game: the trajectory as charts, every decision against the best fit, the score."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cached_property

import pygame

from game.domain import Indicator
from game.labels import label
from game.sim import line_strengths, score, weakest_line
from game.sim.council import CouncilRanking, council_ranking
from game.sim.rules import best_channels, compile_rules
from game.ui.charts import line_chart
from game.ui.dashboard import panel, relation_phases
from game.ui.look import text, text_block
from game.ui.scene import Scene
from game.ui.scenes.rounds import RoundScene
from game.ui.words import builtin_recommendation, line_name

TABS = ("result", "trajectory", "decisions", "council")


class DebriefScene(RoundScene):
    """The result, the trajectory, the decisions (and the council account); then play again."""

    name = "debrief"

    def __init__(self, app, tab: str = "result") -> None:
        super().__init__(app)
        self.tab = tab

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

    def build(self) -> None:
        t = self.t
        names = {
            "result": t("Result"),
            "trajectory": t("Trajectory"),
            "decisions": t("Decisions"),
            "council": t("Council account"),
        }
        x = 16
        for tab in self.tabs:
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
            self.export,
            tooltip=t("Save this debrief as a web page to take home (prints on A4)."),
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
            tabs = self.tabs
            self.show(tabs[(tabs.index(self.tab) + step) % len(tabs)])
            return
        super().on_key(event)

    def export(self) -> None:
        """The team's report, written beside its results file (issue 12)."""
        from game.ui.workshop import ExportedScene, export_report

        try:
            path, problem = export_report(self.app), None
        except Exception as error:  # a full USB stick: say so, keep the debrief
            explain = getattr(error, "explain", None)
            path, problem = None, explain(self.lang) if callable(explain) else str(error)
        self.app.go(ExportedScene(self.app, path, problem, self.reopen()))

    def play_again(self) -> None:
        from game.ui.scenes.menu import ScenarioChoiceScene

        self.app.go(ScenarioChoiceScene)

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(TitleScene)

    def default_action(self) -> None:
        tabs = self.tabs
        self.show(tabs[(tabs.index(self.tab) + 1) % len(tabs)])

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
        rules = compile_rules(scenario)
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
                fitting = best_channels(rules, outcome.initiative)
                if fitting:
                    best += " · " + ", ".join(scenario.channel(c).name.get(lang) for c in fitting)
                channels = ", ".join(
                    scenario.channel(c).name.get(lang) for c in outcome.channels
                ) or t("none")
                cfit = "–" if outcome.channel_fit is None else f"{outcome.channel_fit * 100:.0f}%"
                serves = e(t("serves the purposes for {share}").format(share=cfit))
                stumble = "" if outcome.succeeded else f" · <i>{words['stumbled']}</i>"
                rows.append(
                    f"{mark} {e(title)}: {words['you']} <b>{e(label(outcome.role, lang))}</b> "
                    f"({outcome.fit * 100:.0f}%), {words['channels']}: {e(channels)} "
                    f"({serves}){stumble} · {words['best']}: {e(best)}<br>"
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
        elif self.tab == "council":
            self._draw_council(surface)

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
            (
                t("Predictions right"),
                "–" if card.prediction_rate is None else f"{card.prediction_rate * 100:.0f}%",
                card.prediction_points,
            ),
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
        y += self.u(8)
        y = text(surface, bold, t("Growth phase per relation"), palette.text_dim, (inner.left, y))
        relation_phases(
            surface,
            pygame.Rect(inner.left, y.bottom + self.u(4), inner.width, inner.bottom - y.bottom),
            state,
            palette,
            fonts,
            t,
            lang,
            columns=2,
            heading=False,
        )

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

    def _draw_council(self, surface: pygame.Surface) -> None:
        """The council's account among the survey's ten best (table 14): lowest rank sum wins."""
        ranking = self.ranking
        if ranking is None:
            return
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        box = self.r(16, 122, 1248, 520)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(32), -self.u(24))
        title = t("Your council account is number {position} of {count}").format(
            position=ranking.position, count=len(ranking.rows)
        )
        y = text(surface, fonts.get(22, True), title, palette.accent, inner.topleft).bottom
        note = t(
            "Followers, following and tweets as % of inhabitants; each ranked, the ranks added "
            "up: the lowest sum wins (council clerks' survey 2014, the ten best accounts)."
        )
        y += self.u(4) + text_block(
            surface,
            fonts.get(15),
            note,
            palette.text_dim,
            pygame.Rect(inner.left, y + self.u(4), inner.width, self.u(44)),
        )
        headers = ("#", t("Account"), t("followers"), t("following"), t("tweets"), t("sum"))
        columns = (0.0, 0.06, 0.55, 0.68, 0.81, 0.93)
        head, body, bold = fonts.get(15, True), fonts.get(16), fonts.get(16, True)
        y += self.u(10)
        for header, share in zip(headers, columns, strict=True):
            text(surface, head, header, palette.text_dim, (inner.left + inner.width * share, y))
        y += head.get_linesize() + self.u(4)
        line = body.get_linesize() + self.u(3)

        def pct(value: float) -> str:
            shown = f"{value:.1f}%"
            return shown.replace(".", ",") if lang == "nl" else shown

        for row in ranking.rows:
            font = bold if row.is_player else body
            colour = palette.accent if row.is_player else palette.text
            cells = (
                f"{row.position}",
                row.name.get(lang),
                pct(row.followers_pct),
                pct(row.following_pct),
                pct(row.tweets_pct),
                f"{row.rank_sum}",
            )
            for cell, share in zip(cells, columns, strict=True):
                text(surface, font, cell, colour, (inner.left + inner.width * share, y))
            y += line
