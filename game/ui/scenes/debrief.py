"""The end of the game: the result with advice worked out from the game itself, growth per
relation and the three lines as charts a room can read, every decision (page by page), and the
council account where the scenario ranks one.

Nothing here is a fixed text about the team: advice comes from ``game.sim.review`` (what the
team did, and what it could have done at that moment), and a scenario's own recommendation is
shown only when it does not name something the team already did.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cached_property
from typing import NamedTuple

import pygame

from game.domain import GameLength, GrowthPhase, Indicator, Prediction
from game.labels import label
from game.sim import Line, line_strengths, score, weakest_line
from game.sim.council import CouncilRanking, council_ranking
from game.sim.review import Advice, advice, best_available_channels, round_states
from game.ui.charts import small_multiple
from game.ui.dashboard import mix, panel
from game.ui.look import block_height, shortened, text, text_block, wrap
from game.ui.scene import Scene
from game.ui.scenes.rounds import RoundScene
from game.ui.story import verdict_name
from game.ui.words import line_name, number, prediction_name


class Piece(NamedTuple):
    """A round's decisions on a page of the debrief: its lines ``start`` to ``end`` (all of
    them, unless the round is taller than a column), in ``column``."""

    round: int
    start: int
    end: int
    column: int


TABS = ("result", "growth", "decisions", "council")


class DebriefScene(RoundScene):
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
        return lambda: DebriefScene(self.app, tab, page)

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

    def _draw_result(self, surface: pygame.Surface) -> None:
        palette = self.app.palette
        area = self.area
        grow = 1 + (self.fs - 1) * 0.6
        box = pygame.Rect(area.left, area.top, round(self.u(560) * grow), area.height)
        panel(surface, box, palette, self.u(10))
        self._draw_score(surface, box.inflate(-self.u(32), -self.u(24)))
        side = pygame.Rect(
            box.right + self.u(12), area.top, area.right - box.right - self.u(12), area.height
        )
        panel(surface, side, palette, self.u(10))
        self._draw_advice(surface, side.inflate(-self.u(28), -self.u(24)))

    def _draw_score(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        card = score(state)
        y = inner.top
        big = fonts.get(52, True)
        number_rect = text(surface, big, f"{card.total}", palette.accent, (inner.left, y))
        head = fonts.get(17, True)
        text(
            surface,
            head,
            t("Final score"),
            palette.text_dim,
            (number_rect.right + self.u(14), y + self.u(6)),
        )
        title_font = fonts.get(22, True)
        text_block(
            surface,
            title_font,
            card.title.get(lang),
            palette.text,
            pygame.Rect(
                number_rect.right + self.u(14),
                y + self.u(6) + head.get_linesize(),
                inner.right - number_rect.right - self.u(14),
                block_height(title_font, 2),
            ),
            max_lines=2,
        )
        y = number_rect.bottom + self.u(6)
        body, bold = fonts.get(17), fonts.get(17, True)
        made = state.predictions_made
        predictions = (
            t("{right} of {made} ({pct}%)").format(
                right=state.predictions_right,
                made=made,
                pct=round(100 * state.predictions_right / made),
            )
            if made
            else t("none made")
        )
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
            (t("Predictions right"), predictions, card.prediction_points),
        ]
        points_w = bold.size("300 " + t("pts"))[0]
        name_w = max(body.size(name)[0] for name, _, _ in rows)
        for name, value, points in rows:
            text(surface, body, name, palette.text_dim, (inner.left, y))
            text(
                surface,
                bold,
                f"{points:.0f} " + t("pts"),
                palette.accent,
                (inner.right, y),
                "topright",
            )
            x = inner.left + name_w + self.u(12)
            if x + bold.size(value)[0] > inner.right - points_w - self.u(12):
                y += body.get_linesize()  # a long value goes on a line of its own
                x = inner.left + self.u(16)
            room = inner.right - points_w - self.u(12) - x
            text(surface, bold, shortened(bold, value, room), palette.text, (x, y))
            y += body.get_linesize() + self.u(4)
        y += self.u(8)
        length = state.length
        scenario = self.controller.scenario
        assert scenario is not None
        played = {
            GameLength.SHORT: t("Played: a short game, {n} rounds."),
            GameLength.STANDARD: t("Played: a standard game, {n} rounds."),
            GameLength.FULL: t("Played: the whole scenario, {n} rounds."),
        }[length].format(n=scenario.rounds)
        small = fonts.get(16)
        room = inner.bottom - y
        lines = min(2, max(0, room // round(small.get_linesize() * 1.15)))
        if lines:
            area = pygame.Rect(inner.left, y, inner.width, room)
            y += text_block(surface, small, played, palette.text_dim, area, max_lines=lines)
        y += self.u(6)
        if made:
            judged = t(
                "Predicted right: {pct}% of {made}. Knowing why a choice works is part of being "
                "competent."
            ).format(pct=round(100 * state.predictions_right / made), made=made)
            room = inner.bottom - y
            lines = max(0, room // round(small.get_linesize() * 1.15))
            if lines:
                text_block(
                    surface,
                    small,
                    judged,
                    palette.text,
                    pygame.Rect(inner.left, y, inner.width, room),
                    max_lines=lines,
                )

    def _advice_lines(self) -> list[str]:
        """The advice, worded: the weakest line's first."""
        scenario = self.controller.scenario
        assert scenario is not None
        t, lang = self.t, self.lang
        lines: list[str] = []

        def title(initiative_id: str) -> str:
            return scenario.initiative(initiative_id).title.get(lang)

        def channels(ids) -> str:
            return ", ".join(scenario.channel(c).name.get(lang) for c in ids)

        def actions(ids) -> str:
            return ", ".join(f"‘{scenario.action(a).title.get(lang)}’" for a in ids)

        for point in self.points:
            f = point.facts
            if point.kind == "misfit":
                owner = (
                    self.words.own
                    if f["owner"].value == "municipality"
                    else label(f["owner"], lang)
                )
                lines.append(
                    t(
                        "{title}: you chose {role}. For {owner} with residents as {relation}, "
                        "{best} fits."
                    ).format(
                        title=title(f["initiative"]),
                        role=label(f["role"], lang),
                        owner=owner,
                        relation=label(f["relation"], lang),
                        best=" / ".join(label(r, lang) for r in f["best"]),
                    )
                )
            elif point.kind == "stumble":
                line = t(
                    "{title}: {role} fitted, but the organisation was not ready for it "
                    "(readiness {have} of {needs})."
                ).format(
                    title=title(f["initiative"]),
                    role=label(f["role"], lang),
                    have=round(f["readiness"]),
                    needs=round(f["demand"]),
                )
                if f["actions"]:
                    line += " " + t("{actions} would have made it readier.").format(
                        actions=actions(f["actions"])
                    )
                lines.append(line)
            elif point.kind == "channels":
                values = {
                    "title": title(f["initiative"]),
                    "n": f["round"],
                    "purposes": ", ".join(label(p, lang) for p in f["purposes"]),
                    "chosen": channels(f["chosen"]),
                    "fit": round(100 * f["chosen_fit"]),
                    "better": channels(f["better"]),
                    "better_fit": round(100 * f["better_fit"]),
                }
                message = (
                    t(
                        "{title} (round {n}): {chosen} served {purposes} for {fit}%; {better}, "
                        "open to you then, would have served {better_fit}%."
                    )
                    if f["chosen"]
                    else t(
                        "{title} (round {n}): no channel for {purposes}; {better}, open to you "
                        "then, would have served {better_fit}%."
                    )
                )
                lines.append(message.format(**values))
            elif point.kind == "quiet_relation":
                lines.append(
                    t(
                        "Residents as {relation} stayed at phase {level} (interaction {value}): "
                        "growth differs per relation."
                    ).format(
                        relation=label(f["relation"], lang),
                        level=f["phase"].level,
                        value=round(f["interaction"]),
                    )
                )
            elif point.kind == "invest":
                lines.append(
                    t("{line}: not done yet, and open to you: {actions}.").format(
                        line=line_name(point.line, t), actions=actions(f["actions"])
                    )
                )
            elif point.kind == "predict_more":
                lines.append(
                    t(
                        "You predicted {made} of {decisions} outcomes. Predicting first shows "
                        "whether you know why a choice works."
                    ).format(made=f["made"], decisions=f["decisions"])
                )
        own = self._scenario_advice()
        if own:
            lines.insert(min(2, len(lines)), own)
        return lines

    def _scenario_advice(self) -> str | None:
        """The scenario's own advice for the weakest line, unless it names an action the team
        already did (it was written before anyone played)."""
        scenario = self.controller.scenario
        assert scenario is not None
        weakest = weakest_line(self.state)
        advice_text = getattr(scenario.recommendations, weakest.value)
        if advice_text is None:
            return None
        message = advice_text.get(self.lang)
        lowered = message.casefold()
        for action_id in self.state.actions_done:
            for lang in ("nl", "en"):
                name = scenario.action(action_id).title.get(lang).casefold()  # type: ignore[arg-type]
                if name and name in lowered:
                    return None
        return message

    def _draw_advice(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        state = self.state
        strengths = line_strengths(state)
        weakest = weakest_line(state)
        head, body, bold = fonts.get(18, True), fonts.get(16), fonts.get(16, True)
        y = inner.top
        text(surface, head, t("The three lines at the end"), palette.text_dim, (inner.left, y))
        y += head.get_linesize() + self.u(2)
        value_w = bold.size("100")[0]
        for line in Line:
            colour = palette.bad if line is weakest else palette.text
            name = line_name(line, t) + (" · " + t("weakest") if line is weakest else "")
            text(
                surface,
                body,
                shortened(body, name, inner.width - value_w - self.u(12)),
                colour,
                (inner.left, y),
            )
            text(surface, bold, f"{strengths[line]:.0f}", colour, (inner.right, y), "topright")
            y += body.get_linesize()
        y += self.u(10)
        text(surface, head, t("What to do differently"), palette.text_dim, (inner.left, y))
        y += head.get_linesize() + self.u(4)
        lines = self._advice_lines()
        if not lines:
            text_block(
                surface,
                body,
                t("Nothing stands out: every choice fitted and went well."),
                palette.good,
                pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            )
            return
        for message in lines:
            needed = block_height(body, len(wrap(body, "• " + message, inner.width)))
            if y + needed > inner.bottom:
                break  # the most important points come first
            y += text_block(
                surface,
                body,
                "• " + message,
                palette.text,
                pygame.Rect(inner.left, y, inner.width, needed),
            ) + self.u(6)

    # --- growth ---------------------------------------------------------------------------------

    def _draw_growth(self, surface: pygame.Surface) -> None:
        """The growth phase per relation, round by round, and the three lines as small charts."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        area = self.area
        history = self.state.history
        rows_count = len(self.state.relation_phase) + 1
        needed = (rows_count + 2) * fonts.get(15).get_linesize() + fonts.get(
            18, True
        ).get_linesize()
        share = max(0.45, min(0.62, (needed + self.u(30)) / area.height))
        top = pygame.Rect(area.left, area.top, area.width, round(area.height * share))
        panel(surface, top, palette, self.u(10))
        inner = top.inflate(-self.u(28), -self.u(20))
        head = fonts.get(18, True)
        text(
            surface,
            head,
            t("Growth phase per relation, round by round"),
            palette.text_dim,
            inner.topleft,
        )
        grid_top = inner.top + head.get_linesize() + self.u(6)
        relations = list(self.state.relation_phase)
        rows = [(t("Overall"), [r.phase.level for r in history], True)]
        rows += [
            (
                label(rel, lang).capitalize(),
                [r.relation_phase.get(rel, r.phase).level for r in history],
                False,
            )
            for rel in relations
        ]
        small, bold = fonts.get(15), fonts.get(15, True)
        name_w = max(bold.size(name)[0] for name, _, _ in rows) + self.u(12)
        legend = "   ".join(f"{phase.level} {label(phase, lang)}" for phase in GrowthPhase)
        legend_h = small.get_linesize() if small.size(legend)[0] <= inner.width else 0
        count = max(1, len(history))
        cell_w = (inner.width - name_w) / count
        number_h = small.get_linesize()
        cell_h = (inner.bottom - grid_top - number_h - legend_h - self.u(4)) / len(rows)
        for i in range(count):
            if count > 16 and i % 2:
                continue
            x = inner.left + name_w + (i + 0.5) * cell_w
            text(surface, small, str(history[i].round), palette.text_dim, (x, grid_top), "midtop")
        y0 = grid_top + number_h
        for row, (name, levels, overall) in enumerate(rows):
            y = y0 + row * cell_h
            font = bold if overall else small
            text(
                surface,
                font,
                name,
                palette.text if overall else palette.text_dim,
                (inner.left, y + cell_h / 2),
                "midleft",
            )
            for i, level in enumerate(levels):
                box = pygame.Rect(
                    round(inner.left + name_w + i * cell_w + 1),
                    round(y + 1),
                    max(1, math.floor(cell_w) - 2),
                    max(1, math.floor(cell_h) - 2),
                )
                shade = 0.18 + 0.82 * (level - 1) / 3
                pygame.draw.rect(
                    surface,
                    mix(palette.accent, palette.panel, shade),
                    box,
                    border_radius=max(2, self.u(3)),
                )
                digit = fonts.get(14, True)
                if box.width >= digit.size("4")[0] + 4 and box.height >= digit.get_linesize() - 2:
                    ink = palette.background if level >= 3 else palette.text
                    text(surface, digit, str(level), ink, box.center, "center")
        if legend_h:
            text(surface, small, legend, palette.text_dim, (inner.left, inner.bottom - legend_h))
        bottom = pygame.Rect(
            area.left, top.bottom + self.u(10), area.width, area.bottom - top.bottom - self.u(10)
        )
        width = (bottom.width - 2 * self.u(10)) // 3
        for i, line in enumerate(Line):
            values = [_line_value(record, line) for record in history]
            box = pygame.Rect(
                bottom.left + i * (width + self.u(10)), bottom.top, width, bottom.height
            )
            panel(surface, box, palette, self.u(10))
            small_multiple(
                surface,
                box.inflate(-self.u(24), -self.u(16)),
                line_name(line, t),
                values,
                palette.accent,
                palette,
                fonts,
                [r.round for r in history],
            )

    # --- decisions ----------------------------------------------------------------------------

    def _items(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every round's decisions as text: (heading, [(style, line)])."""
        scenario = self.controller.scenario
        assert scenario is not None
        t, lang = self.t, self.lang
        items = []
        for index, record in enumerate(self.state.history):
            at = self.starts[index] if index < len(self.starts) else None
            lines: list[tuple[str, str]] = []
            for outcome in record.outcomes:
                title = scenario.initiative(outcome.initiative).title.get(lang)
                mark = "fits" if outcome.fitting else "misses"
                lines.append((mark, f"{title} · {verdict_name(outcome.verdict, t)}"))
                best = " / ".join(label(r, lang) for r in outcome.best_roles)
                you = t("You: {role} ({fit}%) · fits best: {best}").format(
                    role=label(outcome.role, lang), fit=round(outcome.fit * 100), best=best
                )
                if not outcome.succeeded:
                    you += " · " + t("stumbled (readiness {have} of {needs})").format(
                        have=round(outcome.readiness), needs=round(outcome.demand)
                    )
                lines.append(("plain", you))
                chosen = ", ".join(
                    scenario.channel(c).name.get(lang) for c in outcome.channels
                ) or t("none")
                cfit = "–" if outcome.channel_fit is None else f"{outcome.channel_fit * 100:.0f}%"
                channel_line = t("Channels: {chosen} ({fit})").format(chosen=chosen, fit=cfit)
                if at is not None and outcome.channel_fit is not None:
                    better = best_available_channels(scenario, at, outcome.initiative)
                    if better and set(better) != set(outcome.channels):
                        channel_line += " · " + t("best open then: {channels}").format(
                            channels=", ".join(scenario.channel(c).name.get(lang) for c in better)
                        )
                lines.append(("plain", channel_line))
                if outcome.prediction is not None:
                    lines.append(
                        ("plain", _prediction_words(outcome.prediction, outcome.verdict, t))
                    )
            if record.decisions.actions:
                names = ", ".join(
                    scenario.action(a).title.get(lang) for a in record.decisions.actions
                )
                lines.append(("action", "+ " + names))
            unit = scenario.round_name.get(lang) if scenario.round_name else t("round")
            items.append((f"{unit.capitalize()} {record.round}", lines))
        return items

    def _item_height(self, item, width: int) -> int:
        fonts = self.app.fonts
        head, body = fonts.get(18, True), fonts.get(16)
        height = head.get_linesize() + self.u(4)
        for style, line in item[1]:
            font = fonts.get(16, True) if style in ("fits", "misses") else body
            indent = self.u(24) if style == "plain" else 0
            height += len(wrap(font, line, width - indent)) * font.get_linesize()
        return height + self.u(12)

    def _columns(self) -> tuple[pygame.Rect, int, int]:
        """The list's area, how many columns side by side, and each column's width."""
        area = self.area.inflate(-self.u(28), -self.u(20))
        gap = self.u(24)
        columns = 2 if (area.width - gap) // 2 >= self.u(520) * self.fs else 1
        width = (area.width - gap * (columns - 1)) // columns
        return area, columns, width

    def _paginate(self) -> list[list[Piece]]:
        """What each page shows: as many whole rounds as fit, column by column (one round per
        page at the least). A round taller than a column (many decisions at a large type size)
        goes on over the next columns and pages, split between its decisions, its heading
        repeated."""
        area, columns, width = self._columns()
        head = self.app.fonts.get(16, True)
        room = area.height - head.get_linesize() - self.u(8)
        items = self._items()
        self._decision_items = items
        pages: list[list[Piece]] = [[]]
        used, column = 0, 0

        def next_column() -> None:
            nonlocal used, column
            column, used = column + 1, 0
            if column >= columns:
                pages.append([])
                column = 0

        def height(index: int, start: int, end: int) -> int:
            heading, lines = items[index]
            return self._item_height((heading, lines[start:end]), width)

        for index, (_, lines) in enumerate(items):
            whole = height(index, 0, len(lines))
            if whole <= room:
                if used and used + whole > room:
                    next_column()
                pages[-1].append(Piece(index, 0, len(lines), column))
                used += whole
                continue
            # Whole decisions (a verdict and its lines; the investments) stay together.
            ends = [i for i, (style, _) in enumerate(lines) if i and style != "plain"]
            ends.append(len(lines))
            start = 0
            while start < len(lines):
                fitting = [e for e in ends if e > start and used + height(index, start, e) <= room]
                if not fitting and used:
                    next_column()
                    continue
                end = fitting[-1] if fitting else min(end for end in ends if end > start)
                pages[-1].append(Piece(index, start, end, column))
                used += height(index, start, end)
                start = end
                if start < len(lines):
                    next_column()
        return pages

    def _draw_decisions(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        box = self.area
        panel(surface, box, palette, self.u(10))
        inner, _, width = self._columns()
        pages = getattr(self, "pages", None) or [[]]
        items = getattr(self, "_decision_items", [])
        head = fonts.get(16, True)
        page_note = t("Page {n} of {total}").format(n=self.page + 1, total=len(pages))
        note = text(
            surface, head, page_note, palette.text_dim, (inner.right, inner.top), "topright"
        )
        caption = t("Every decision against the best fit, and the best channels open then")
        room = note.left - self.u(20) - inner.left
        text(surface, head, shortened(head, caption, room), palette.text_dim, inner.topleft)
        top = inner.top + head.get_linesize() + self.u(8)
        title_font, body, bold = fonts.get(18, True), fonts.get(16), fonts.get(16, True)
        if not items:
            text(surface, body, t("No decisions were made."), palette.text, (inner.left, top))
            return
        y, column = top, 0
        for piece in pages[min(self.page, len(pages) - 1)]:
            heading, lines = items[piece.round]
            if piece.column != column:
                column, y = piece.column, top
            x = inner.left + column * (width + self.u(24))
            text(surface, title_font, heading, palette.accent, (x, y))
            y += title_font.get_linesize() + self.u(4)
            for style, line in lines[piece.start : piece.end]:
                if style in ("fits", "misses"):
                    colour = palette.good if style == "fits" else palette.bad
                    font, indent = bold, 0
                elif style == "action":
                    colour, font, indent = palette.accent, body, 0
                else:
                    colour, font, indent = palette.text, body, self.u(24)
                for part in wrap(font, line, width - indent):
                    text(surface, font, part, colour, (x + indent, y))
                    y += font.get_linesize()
            y += self.u(12)

    # --- council --------------------------------------------------------------------------------

    def _council_sizes(
        self, inner: pygame.Rect, rows: int, title: str, note: str
    ) -> tuple[int, int]:
        """How many points smaller than normal the council page's type must be, and how far
        apart the table's rows, for the title, the note and every row to fit: the rows close
        up first, then the type steps down (at most 3 points)."""
        fonts = self.app.fonts
        for smaller, apart in ((0, 3), (0, 1), (1, 1), (2, 1), (3, 1)):
            big, small = fonts.get(22 - smaller, True), fonts.get(15 - smaller)
            head, body = fonts.get(15 - smaller, True), fonts.get(16 - smaller, True)
            height = len(wrap(big, title, inner.width)) * big.get_linesize() + self.u(4)
            height += len(wrap(small, note, inner.width)) * round(small.get_linesize() * 1.15)
            height += self.u(8) + head.get_linesize() + self.u(4)
            height += rows * (body.get_linesize() + self.u(apart)) - self.u(apart)
            if height <= inner.height:
                break
        return smaller, apart

    def _draw_council(self, surface: pygame.Surface) -> None:
        """The council's account among the survey's ten best (table 14): lowest rank sum wins.
        Measured: where the table would run off the panel, the page's type steps down."""
        ranking = self.ranking
        if ranking is None:
            return
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        box = self.area
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(32), -self.u(24))
        title = t("Your council account is number {position} of {count}").format(
            position=ranking.position, count=len(ranking.rows)
        )
        note = t(
            "Followers, following and tweets as % of inhabitants; each ranked, the ranks added "
            "up: the lowest sum wins (council clerks' survey 2014, the ten best accounts)."
        )
        smaller, apart = self._council_sizes(inner, len(ranking.rows), title, note)
        big = fonts.get(22 - smaller, True)
        y = inner.top
        for line in wrap(big, title, inner.width):
            text(surface, big, line, palette.accent, (inner.left, y))
            y += big.get_linesize()
        small = fonts.get(15 - smaller)
        lines = len(wrap(small, note, inner.width))
        y += self.u(4) + text_block(
            surface,
            small,
            note,
            palette.text_dim,
            pygame.Rect(inner.left, y, inner.width, block_height(small, lines)),
        )
        headers = ("#", t("Account"), t("followers"), t("following"), t("tweets"), t("sum"))
        head = fonts.get(15 - smaller, True)
        body, bold = fonts.get(16 - smaller), fonts.get(16 - smaller, True)
        numbers_w = [max(head.size(h)[0], bold.size("10,0%")[0]) for h in headers[2:]]
        gap = self.u(16)
        positions = [inner.left, inner.left + bold.size("10")[0] + gap]
        x = inner.right
        right_edges = []
        for w in reversed(numbers_w):
            right_edges.append(x)
            x -= w + gap
        right_edges.reverse()
        name_room = x - positions[1]
        y += self.u(8)
        for i, header in enumerate(headers):
            if i < 2:
                text(surface, head, header, palette.text_dim, (positions[i], y))
            else:
                text(surface, head, header, palette.text_dim, (right_edges[i - 2], y), "topright")
        y += head.get_linesize() + self.u(4)

        def pct(value: float) -> str:
            return number(value, lang, 1) + "%"

        for row in ranking.rows:
            font = bold if row.is_player else body
            colour = palette.accent if row.is_player else palette.text
            text(surface, font, f"{row.position}", colour, (positions[0], y))
            text(
                surface,
                font,
                shortened(font, row.name.get(lang), name_room),
                colour,
                (positions[1], y),
            )
            for edge, cell in zip(
                right_edges,
                (
                    pct(row.followers_pct),
                    pct(row.following_pct),
                    pct(row.tweets_pct),
                    f"{row.rank_sum}",
                ),
                strict=True,
            ):
                text(surface, font, cell, colour, (edge, y), "topright")
            y += font.get_linesize() + self.u(apart)


def _line_value(record, line: Line) -> float:
    """A line's value after a round, from the round's record (as ``line_strengths`` counts)."""
    ind = record.indicators
    if line is Line.INTERACTION:
        return ind[Indicator.INTERACTION]
    if line is Line.INITIATIVE_OWNERSHIP:
        return (record.fit_record + ind[Indicator.COMMUNITY_ENERGY]) / 2
    return (ind[Indicator.OWNERSHIP_BREADTH] + ind[Indicator.EMBEDDING] + ind[Indicator.SKILL]) / 3


def _prediction_words(predicted: Prediction, verdict: Prediction, t) -> str:
    """What the team predicted against how it went: right, close, or the opposite."""
    said, went = prediction_name(predicted, t), verdict_name(verdict, t)
    if predicted is verdict:
        return t("Predicted '{said}': right.").format(said=said)
    if {predicted, verdict} == {Prediction.WELL, Prediction.BADLY}:
        return t("Predicted '{said}': the opposite, it {went}.").format(said=said, went=went)
    return t("Predicted '{said}': close, it {went}.").format(said=said, went=went)
