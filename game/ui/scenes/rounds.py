"""The scenes of a round: briefing and dashboard, initiatives, development, outcome, summary."""

from __future__ import annotations

import html
from collections.abc import Callable

import pygame

from game.domain import Indicator, MunicipalRole, Prediction
from game.labels import label
from game.sim import GameState, next_phase_gaps, score
from game.sim.effects import signed
from game.ui.controller import PREDICTIONS
from game.ui.dashboard import (
    competence_grid,
    line_values,
    lines_panel,
    mix,
    panel,
    relation_phases,
    resources,
)
from game.ui.look import text, text_block, wrap
from game.ui.network import Network, build_network, draw_network
from game.ui.scene import Scene
from game.ui.words import ROLE_ORDER, indicator_word, prediction_name, role_meaning

ROLE_KEYS = {
    pygame.K_1: 0,
    pygame.K_2: 1,
    pygame.K_3: 2,
    pygame.K_4: 3,
    pygame.K_5: 4,
    pygame.K_KP1: 0,
    pygame.K_KP2: 1,
    pygame.K_KP3: 2,
    pygame.K_KP4: 3,
    pygame.K_KP5: 4,
}
DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}


class RoundScene(Scene):
    """Shared by the round's scenes: the top bar, F1 help and F2 settings."""

    @property
    def state(self) -> GameState:
        state = self.controller.state
        assert state is not None, "a round scene needs a game in progress"
        return state

    def top_bar(self, surface: pygame.Surface, step: str) -> None:
        """Organisation, team, round and the step of the round, across the top."""
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        scenario = self.controller.scenario
        assert scenario is not None
        bar = self.r(0, 0, 1280, 52)
        bar.left, bar.width = 0, surface.get_width()
        pygame.draw.rect(surface, palette.panel, bar)
        pygame.draw.line(surface, palette.panel_edge, bar.bottomleft, bar.bottomright, 2)
        name = scenario.organisation.name.get(self.lang)
        team = self.controller.team
        if team:
            # "Team Rood" needs no second "team" in front of it.
            prefix = "" if team.casefold().startswith(t("team").casefold()) else t("team") + " "
            name += " · " + prefix + team
        font = fonts.get(20, True)
        limit = self.u(440)
        if font.size(name)[0] > limit:
            while name and font.size(name + "…")[0] > limit:
                name = name[:-1]
            name += "…"
        text(surface, font, name, palette.text, self.r(20, 26, 0, 0).topleft, "midleft")
        state = self.state
        shown_round = min(state.round, scenario.rounds)
        unit = scenario.round_name.get(self.lang) if scenario.round_name else t("round")
        counter = f"{unit.capitalize()} {shown_round} / {scenario.rounds}"
        text(
            surface,
            fonts.get(20, True),
            counter,
            palette.accent,
            self.r(1260, 26, 0, 0).topleft,
            "midright",
        )
        text(
            surface, fonts.get(18), step, palette.text_dim, self.r(640, 26, 0, 0).topleft, "center"
        )

    def network(self, pending: bool = True) -> Network:
        """The network picture's model for the current state (built once per state)."""
        cached = getattr(self, "_network", None)
        if cached is None or cached[0] is not self.state or cached[1] != pending:
            assert self.controller.scenario is not None
            cached = (
                self.state,
                pending,
                build_network(self.state, self.controller.scenario, pending),
            )
            self._network = cached
        return cached[2]

    def draw_network_panel(
        self, surface: pygame.Surface, rect: pygame.Rect, highlight: bool = False
    ) -> None:
        """The network; ``highlight`` marks the links the round just played made (the outcome)."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        panel(surface, rect, palette, self.u(10))
        inner = rect.inflate(-self.u(16), -self.u(16))
        head = text(surface, fonts.get(17, True), t("The network"), palette.text_dim, inner.topleft)
        legend_h = fonts.get(14).get_linesize() + self.u(6)
        picture = pygame.Rect(
            inner.left, head.bottom, inner.width, inner.bottom - head.bottom - legend_h
        )
        labels = {"townhall": t("Town hall")}
        scenario = self.controller.scenario
        assert scenario is not None
        shown = self.state.current_initiatives
        if highlight:
            shown = self.state.history[-1].initiatives if self.state.history else ()
        for initiative_id in shown:
            title = scenario.initiative(initiative_id).title.get(self.lang)
            labels[initiative_id] = title if len(title) <= 26 else title[:25] + "…"
        network = self.network(pending=not highlight)
        draw_network(surface, picture, network, palette, fonts, labels, highlight)
        small = fonts.get(14)
        x = inner.left
        y = inner.bottom - small.get_linesize()
        for role in MunicipalRole:
            colour = palette.role(role)
            pygame.draw.line(
                surface,
                colour,
                (x, y + small.get_linesize() // 2),
                (x + self.u(18), y + small.get_linesize() // 2),
                max(3, self.u(4)),
            )
            x = text(
                surface, small, label(role, self.lang), palette.text_dim, (x + self.u(22), y)
            ).right + self.u(10)


# --- Briefing ---------------------------------------------------------------------------------


class BriefingScene(RoundScene):
    """The dashboard at the start of a round, with this round's news."""

    name = "briefing"

    def build(self) -> None:
        t = self.t
        self.news = self.text_box(self.r(16, 548, 1000, 160), self._news_html())
        label_text = (
            t("To the initiatives") if self.state.current_initiatives else t("To development")
        )
        self.button(self.r(1030, 600, 234, 58), label_text, self.next, kind="@big_button")
        saves = self.app.saves
        self.button(
            self.r(1030, 552, 234, 40),
            t("Save"),
            self.save,
            enabled=saves is not None,
            tooltip=self.saved or (None if saves is not None else t("This window keeps no saves.")),
            kind="@small_button",
        )
        self.button(
            self.r(1030, 664, 110, 40),
            t("Help"),
            lambda: self.handle_event(_key(pygame.K_F1)),
            kind="@small_button",
        )
        self.button(
            self.r(1154, 664, 110, 40),
            t("Settings"),
            lambda: self.handle_event(_key(pygame.K_F2)),
            kind="@small_button",
        )
        self.move_focus(1)

    def on_enter(self) -> None:
        self.saved: str | None = None

    def save(self) -> None:
        """Save a named slot with a small picture of the screen, for the list of saves."""
        import io

        from game.saves import SaveError

        store, controller = self.app.saves, self.controller
        if store is None or controller.scenario is None:
            return
        picture = pygame.transform.smoothscale(self.app.screen, (320, 180))
        buffer = io.BytesIO()
        pygame.image.save(picture, buffer, "png")
        name = f"{controller.team} {self.t('round')} {self.state.round}"
        try:
            store.save_slot(
                name,
                self.state,
                controller.scenario,
                controller.team,
                buffer.getvalue(),
                game_id=controller.game_id,
                scenario_file=controller.scenario_file,
            )
            self.saved = self.t("Saved as {name}.").format(name=name)
        except (SaveError, OSError) as error:
            explain = getattr(error, "explain", None)
            self.saved = explain(self.lang) if callable(explain) else str(error)
        self.app.play("confirm")
        self.rebuild()

    def _news_html(self) -> str:
        scenario = self.controller.scenario
        assert scenario is not None
        state, lang, t = self.state, self.lang, self.t
        e = html.escape
        parts = []
        if state.round == 1 and not state.history:
            heading = e(t("The situation"))
            parts.append(f"<b>{heading}</b><br>{e(scenario.briefing.get(lang))}<br><br>")
        if state.news:
            parts.append("<b>" + e(t("News this round")) + "</b><br>")
            for event_id in state.news:
                event = scenario.event(event_id)
                parts.append(f"<b>{e(event.title.get(lang))}</b> — {e(event.text.get(lang))}<br>")
            for effect in state.news_effects:
                parts.append(f"<i>{e(effect.explain(lang))}</i><br>")
        elif state.round > 1:
            parts.append(
                "<b>"
                + e(t("News this round"))
                + "</b><br>"
                + e(t("A quiet round: no news."))
                + "<br>"
            )
        count = len(state.current_initiatives)
        parts.append("<br>" + e(t("Initiatives on the table:")) + f" {count}")
        if self.saved:
            parts.append("<br><b>" + e(self.saved) + "</b>")
        problem = self.controller.autosave_error
        if problem is not None:
            explain = getattr(problem, "explain", None)
            reason = explain(lang) if callable(explain) else str(problem)
            warning = e(t("The game could not be saved automatically:")) + " " + e(reason)
            parts.append(f"<br><font color='#ff9d8f'><b>{warning}</b></font>")
        return "".join(parts)

    def next(self) -> None:
        if self.state.finished:
            from game.ui.scenes.debrief import DebriefScene

            self.app.go(DebriefScene)
        elif self.state.current_initiatives:
            self.app.go(DecisionScene, 0)
        else:
            self.app.go(DevelopmentScene)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.app.go(TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        self.top_bar(surface, t("Briefing"))
        left = self.r(16, 64, 300, 476)
        panel(surface, left, palette, self.u(10))
        inner = left.inflate(-self.u(24), -self.u(20))
        ladder = pygame.Rect(inner.left, inner.top, inner.width, round(inner.height * 0.58))
        relation_phases(surface, ladder, self.state, palette, fonts, t, self.lang)
        grid = pygame.Rect(
            inner.left,
            ladder.bottom + self.u(14),
            inner.width,
            inner.bottom - ladder.bottom - self.u(14),
        )
        competence_grid(surface, grid, self.state.stage, palette, fonts, t)
        self.draw_network_panel(surface, self.r(328, 64, 620, 476))
        right = self.r(960, 64, 304, 476)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(20))
        res_h = self.u(62)
        lines_panel(
            surface,
            pygame.Rect(inner.left, inner.top, inner.width, inner.height - res_h - self.u(8)),
            self.state,
            palette,
            fonts,
            t,
            self.lang,
        )
        state = self.state
        resources(
            surface,
            pygame.Rect(inner.left, inner.bottom - res_h, inner.width, res_h),
            state.capacity_this_round,
            state.capacity_this_round,
            state.budget,
            palette,
            fonts,
            t,
        )


def _key(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="")


# --- Initiative decision ------------------------------------------------------------------------


class DecisionScene(RoundScene):
    """One initiative as a card: the team picks a role (1–5), channels and maybe a prediction."""

    name = "decision"

    def __init__(self, app, index: int = 0) -> None:
        super().__init__(app)
        self.index = index

    def on_enter(self) -> None:
        count = len(self.state.current_initiatives)
        self.index = max(0, min(self.index, count - 1))

    def reopen(self) -> Callable[[], Scene]:
        index = self.index
        return lambda: DecisionScene(self.app, index)

    @property
    def initiative(self):
        return self.controller.initiatives()[self.index]

    def build(self) -> None:
        t, lang = self.t, self.lang
        initiative = self.initiative
        chosen = self.controller.plan.roles.get(initiative.id)
        hours_unit = t("h")
        y = 96
        for number, role in enumerate(ROLE_ORDER, start=1):
            hours = self.controller.role_cost(role)
            self.button(
                self.r(560, y, 250, 48),
                f"{number}  {label(role, lang)}",
                lambda role=role: self.choose(role),
                selected=role == chosen,
                tooltip=f"{role_meaning(role, t)} ({hours} {hours_unit})",
                kind="@left_button",
            )
            y += 56
        picked = self.controller.plan.channels.get(initiative.id, [])
        x, y = 560, 420
        for channel, usable, hours in self.controller.channels():
            name = channel.name.get(lang)
            tip = channel.description.get(lang) if channel.description else None
            if not usable:
                tip = t("Not available yet.")
            self.button(
                self.r(x, y, 344, 44),
                f"{name} · {hours} {hours_unit}",
                lambda cid=channel.id: self.toggle(cid),
                enabled=usable,
                selected=channel.id in picked,
                tooltip=tip,
                kind="@small_button",
            )
            x += 352
            if x > 1000:
                x = 560
                y += 50
        if self.app.settings.predict:
            current = self.controller.plan.predictions.get(initiative.id)
            px = 160
            for prediction in PREDICTIONS:
                self.button(
                    self.r(px, 560, 116, 40),
                    prediction_name(prediction, t),
                    lambda p=prediction: self.predict(p),
                    selected=current == prediction,
                    kind="@small_button",
                )
                px += 122
        count = len(self.state.current_initiatives)
        last = self.index == count - 1
        forward = t("To development") if last else t("Next initiative")
        ok = chosen is not None
        why = None if ok else t("Choose a role first (keys 1–5).")
        self.button(
            self.r(1000, 656, 264, 54),
            forward,
            self.next,
            enabled=ok,
            tooltip=why,
            kind="@big_button",
        )
        self.button(self.r(16, 656, 160, 54), t("Back"), self.back)

    def choose(self, role: MunicipalRole) -> None:
        self.controller.choose_role(self.initiative.id, role)
        self.rebuild()

    def toggle(self, channel_id: str) -> None:
        self.controller.toggle_channel(self.initiative.id, channel_id)
        self.rebuild()

    def predict(self, prediction: Prediction) -> None:
        current = self.controller.plan.predictions.get(self.initiative.id)
        self.controller.predict(self.initiative.id, None if current == prediction else prediction)
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in ROLE_KEYS:
            self.choose(ROLE_ORDER[ROLE_KEYS[event.key]])
            return
        super().on_key(event)

    def next(self) -> None:
        if self.initiative.id not in self.controller.plan.roles:
            return
        self.app.play("confirm")
        if self.index + 1 < len(self.state.current_initiatives):
            self.app.go(DecisionScene, self.index + 1)
        else:
            self.app.go(DevelopmentScene)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        if self.index > 0:
            self.app.go(DecisionScene, self.index - 1)
        else:
            self.app.go(BriefingScene)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        count = len(self.state.current_initiatives)
        self.top_bar(surface, t("Initiative {n} of {total}").format(n=self.index + 1, total=count))
        initiative = self.initiative
        card = self.r(16, 64, 520, 480)
        panel(surface, card, palette, self.u(12))
        stripe = card.copy()
        stripe.width = self.u(10)
        pygame.draw.rect(
            surface,
            palette.owners[initiative.owner],
            stripe,
            border_top_left_radius=self.u(12),
            border_bottom_left_radius=self.u(12),
        )
        inner = card.inflate(-self.u(52), -self.u(36))
        inner.left += self.u(8)
        title_font = fonts.get(26, True)
        y = inner.top
        for line in wrap(title_font, initiative.title.get(lang), inner.width)[:2]:
            text(surface, title_font, line, palette.accent, (inner.left, y))
            y += title_font.get_linesize()
        y += self.u(6)
        small_bold, small = fonts.get(17, True), fonts.get(17)
        facts = [
            (t("Initiative of"), label(initiative.owner, lang)),
            (t("Residents as"), label(initiative.relation, lang)),
        ]
        if initiative.purposes:
            facts.append(
                (t("Channels for"), ", ".join(label(p, lang) for p in initiative.purposes))
            )
        col = max(small_bold.size(k)[0] for k, _ in facts) + self.u(12)
        for key, value in facts:
            text(surface, small_bold, key, palette.text_dim, (inner.left, y))
            used = text_block(
                surface,
                small,
                value,
                palette.text,
                pygame.Rect(inner.left + col, y, inner.width - col, self.u(60)),
            )
            y += max(used, small.get_linesize()) + self.u(2)
        y += self.u(10)
        text_block(
            surface,
            fonts.get(20),
            initiative.text.get(lang),
            palette.text,
            pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
        )

        if self.app.settings.predict:
            text(
                surface,
                fonts.get(17, True),
                t("Your prediction"),
                palette.text_dim,
                self.r(16, 580, 0, 0).topleft,
                "midleft",
            )
        text(
            surface,
            fonts.get(20, True),
            t("Role of the municipality (keys 1–5)"),
            palette.text_dim,
            self.r(560, 64, 0, 0).topleft,
        )
        meaning_font = fonts.get(18)
        hours_unit = t("h")
        for i, role in enumerate(ROLE_ORDER):
            y = 96 + i * 56
            hours = self.controller.role_cost(role)
            area = self.r(824, y + 2, 440, 48)
            pygame.draw.line(
                surface,
                palette.role(role),
                (area.left, area.top + self.u(4)),
                (area.left, area.bottom - self.u(8)),
                max(4, self.u(6)),
            )
            area.left += self.u(14)
            area.width -= self.u(14)
            text_block(
                surface,
                meaning_font,
                f"{role_meaning(role, t)} · {hours} {hours_unit}",
                palette.text,
                area,
                line_gap=1.0,
                max_lines=2,
            )
        text(
            surface,
            fonts.get(20, True),
            t("Channels (hours per initiative, opening included)"),
            palette.text_dim,
            self.r(560, 388, 0, 0).topleft,
        )

        cost = self.controller.cost()
        left = cost.hours_available - cost.hours
        colour = palette.bad if left < 0 else palette.text
        summary = t("This round so far: {used} of {available} hours").format(
            used=cost.hours, available=cost.hours_available
        )
        text(
            surface, fonts.get(19, True), summary, colour, self.r(200, 683, 0, 0).topleft, "midleft"
        )
        if left < 0:
            text(
                surface,
                fonts.get(16),
                t("Too many hours: drop a channel or choose a lighter role."),
                palette.bad,
                self.r(200, 706, 0, 0).topleft,
                "midleft",
            )


# --- Development --------------------------------------------------------------------------------


class DevelopmentScene(RoundScene):
    """Investments in the organisation, then the confirm that resolves the round."""

    name = "development"

    def on_enter(self) -> None:
        self.detail: str | None = None

    def build(self) -> None:
        t, lang = self.t, self.lang
        planned = self.controller.plan.actions
        hours_unit = t("h")
        self.offers = [(a, ok) for a, ok in self.controller.actions() if ok or a.id in planned]
        y = 100
        step = self.row_height
        for number, (action, _) in enumerate(self.offers[:9], start=1):
            cost = action.cost
            caption = f"{number}  {action.title.get(lang)}"
            self.button(
                self.r(16, y, 540, 44),
                caption,
                lambda aid=action.id: self.toggle(aid),
                selected=action.id in planned,
                tooltip=action.text.get(lang)
                + f" ({cost.capacity} {hours_unit}, € {cost.budget:.0f}k)",
                kind="@left_button",
            )
            y += step
        problems = self.controller.problems()
        ok = not problems
        why = None if ok else problems[0].explain(lang)
        self.button(
            self.r(960, 650, 304, 58),
            t("Resolve the round"),
            self.resolve,
            enabled=ok,
            tooltip=why,
            kind="@big_button",
        )
        self.button(self.r(16, 656, 160, 52), t("Back"), self.back)

    @property
    def row_height(self) -> int:
        """Room for a line of description under each action, when there are few enough."""
        return 50 if len(self.offers) > 6 else 84

    def toggle(self, action_id: str) -> None:
        self.controller.toggle_action(action_id)
        self.detail = action_id
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        number = DIGITS.get(event.key)
        if number is not None and number <= len(self.offers):
            self.toggle(self.offers[number - 1][0].id)
            return
        super().on_key(event)

    def resolve(self) -> None:
        if self.controller.problems():
            self.rebuild()
            return
        self.controller.resolve()
        self.app.play("reveal")
        self.app.go(OutcomeScene)

    def default_action(self) -> None:
        self.resolve()

    def back(self) -> None:
        count = len(self.state.current_initiatives)
        if count:
            self.app.go(DecisionScene, count - 1)
        else:
            self.app.go(BriefingScene)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        self.top_bar(surface, t("Development of the organisation"))
        text(
            surface,
            fonts.get(20, True),
            t("Invest in the organisation (keys 1–9)"),
            palette.text_dim,
            self.r(16, 64, 0, 0).topleft,
        )
        small = fonts.get(16)
        hours_unit = t("h")
        step = self.row_height
        for i, (action, _) in enumerate(self.offers[:9]):
            y = 100 + i * step
            if step > 50:
                line = action.text.get(lang)
                area = self.r(24, y + 46, 660, 30)
                text_block(surface, small, line, palette.text_dim, area, max_lines=1)
            cost = action.cost
            label_text = f"{cost.capacity} {hours_unit} · € {cost.budget:.0f}k"
            text(
                surface,
                small,
                label_text,
                palette.text_dim,
                self.r(568, y + 22, 0, 0).topleft,
                "midleft",
            )
        locked = sum(1 for _, ok in self.controller.actions() if not ok)
        if not self.offers:
            text(
                surface,
                fonts.get(18),
                t("Nothing to invest in this round."),
                palette.text,
                self.r(16, 110, 0, 0).topleft,
            )
        if locked:
            text(
                surface,
                small,
                t("{n} more become available as the municipality grows.").format(n=locked),
                palette.text_dim,
                self.r(16, 100 + min(9, len(self.offers)) * step + 6, 0, 0).topleft,
            )

        side = self.r(700, 64, 564, 570)
        panel(surface, side, palette, self.u(10))
        inner = side.inflate(-self.u(28), -self.u(24))
        y = inner.top
        text(
            surface,
            fonts.get(18, True),
            t("Your plan for this round"),
            palette.text_dim,
            (inner.left, y),
        )
        y += self.u(30)
        scenario = self.controller.scenario
        assert scenario is not None
        body = fonts.get(17)
        for decision in self.controller.decisions().initiatives:
            title = scenario.initiative(decision.initiative).title.get(lang)
            channels = ", ".join(
                scenario.channel(c).name.get(lang) for c in decision.channels
            ) or t("no channels")
            line = f"{title}: {label(decision.role, lang)} · {channels}"
            pygame.draw.circle(
                surface,
                palette.role(decision.role),
                (inner.left + self.u(6), y + body.get_linesize() // 2),
                self.u(6),
            )
            y += text_block(
                surface,
                body,
                line,
                palette.text,
                pygame.Rect(inner.left + self.u(20), y, inner.width - self.u(20), self.u(60)),
                max_lines=2,
            ) + self.u(4)
        for action_id in self.controller.plan.actions:
            action = scenario.action(action_id)
            y += text_block(
                surface,
                body,
                "+ " + action.title.get(lang),
                palette.accent,
                pygame.Rect(inner.left, y, inner.width, self.u(50)),
                max_lines=1,
            ) + self.u(2)
        cost = self.controller.cost()
        y = max(y + self.u(12), inner.top + self.u(250))
        resources(
            surface,
            pygame.Rect(inner.left, y, inner.width, self.u(60)),
            cost.hours_available - cost.hours,
            cost.hours_available,
            cost.budget_available - cost.budget,
            palette,
            fonts,
            t,
        )
        y += self.u(72)
        if self.detail:
            action = scenario.action(self.detail)
            y += text_block(
                surface,
                fonts.get(16),
                action.text.get(lang),
                palette.text_dim,
                pygame.Rect(inner.left, y, inner.width, self.u(70)),
                max_lines=3,
            ) + self.u(8)
        problems = self.controller.problems()
        for problem in problems[:3]:
            y += text_block(
                surface,
                fonts.get(17, True),
                problem.explain(lang),
                palette.bad,
                pygame.Rect(inner.left, y, inner.width, self.u(56)),
                max_lines=2,
            ) + self.u(4)
        if not problems:
            text_block(
                surface,
                fonts.get(17),
                t("All set. Resolve the round when the group agrees."),
                palette.good,
                pygame.Rect(inner.left, y, inner.width, self.u(50)),
            )


# --- Outcome ----------------------------------------------------------------------------------


ANIMATION_SECONDS = 0.8


class OutcomeScene(RoundScene):
    """The round's effects one by one (Space reveals the next); the bars move, then stand still."""

    name = "outcome"

    def on_enter(self) -> None:
        lang = self.lang
        self.entries: list[tuple[str, float]] = [
            (effect.explain(lang), effect.delta) for effect in self.controller.effects
        ]
        self.revealed = 0
        self.clock = 0.0
        previous = self.controller.previous
        self.before = line_values(previous) if previous is not None else None

    def build(self) -> None:
        t = self.t
        done = self.revealed >= len(self.entries)
        self.button(
            self.r(16, 656, 250, 52),
            t("Reveal next (Space)"),
            self.reveal,
            enabled=not done,
            kind="@small_button",
        )
        self.button(
            self.r(276, 656, 170, 52),
            t("Show all"),
            self.reveal_all,
            enabled=not done,
            kind="@small_button",
        )
        self.button(self.r(1000, 656, 264, 54), t("Continue"), self.next, kind="@big_button")
        self.move_focus(1)

    @property
    def animating(self) -> bool:
        return self.clock < ANIMATION_SECONDS

    def update(self, dt: float) -> None:
        if self.clock < ANIMATION_SECONDS:
            self.clock = min(ANIMATION_SECONDS, self.clock + dt)

    def reveal(self) -> None:
        if self.revealed < len(self.entries):
            self.revealed += 1
            self.app.play("reveal")
            if self.revealed == len(self.entries):
                self.rebuild()

    def reveal_all(self) -> None:
        self.revealed = len(self.entries)
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_SPACE:
            self.reveal()
            return
        super().on_key(event)

    def next(self) -> None:
        self.app.go(SummaryScene)

    def default_action(self) -> None:
        if self.revealed < len(self.entries):
            self.reveal()
        else:
            self.next()

    def back(self) -> None:
        self.next()

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        state = self.state
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Outcome of round {n}").format(n=played))
        box = self.r(16, 64, 640, 580)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(28), -self.u(24))
        header = t("Effect {n} of {total}").format(n=self.revealed, total=len(self.entries))
        text(surface, fonts.get(18, True), header, palette.text_dim, inner.topleft)
        area = pygame.Rect(
            inner.left, inner.top + self.u(32), inner.width, inner.height - self.u(32)
        )
        shown = self.entries[: self.revealed]
        font = fonts.get(17)
        step = font.get_linesize()
        blocks = []
        for i, (message, delta) in enumerate(shown):
            lines = wrap(font, message, area.width - self.u(28))
            blocks.append((i, lines, delta))
        total = sum(len(b[1]) * step + self.u(8) for b in blocks)
        while blocks and total > area.height:
            dropped = blocks.pop(0)
            total -= len(dropped[1]) * step + self.u(8)
        y = area.top
        for i, lines, delta in blocks:
            latest = i == self.revealed - 1
            colour = palette.good if delta > 0 else palette.bad if delta < 0 else palette.neutral
            sign = "+" if delta > 0 else "−" if delta < 0 else "•"
            text(surface, fonts.get(18, True), sign, colour, (area.left, y))
            ink = palette.text if latest else mix(palette.text, palette.panel, 0.7)
            for line in lines:
                text(surface, font, line, ink, (area.left + self.u(24), y))
                y += step
            y += self.u(8)
        if not self.entries:
            text(surface, font, t("Nothing changed this round."), palette.text, area.topleft)
        if self.revealed == 0 and self.entries:
            hint = t("Press Space or Enter to reveal the first effect.")
            text_block(surface, fonts.get(20), hint, palette.accent, area)

        self.draw_network_panel(surface, self.r(668, 64, 596, 280), highlight=True)
        right = self.r(668, 352, 596, 292)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(16))
        progress = 1.0 if self.before is None else min(1.0, self.clock / ANIMATION_SECONDS)
        shown_state = self._tweened(progress)
        lines_panel(surface, inner, shown_state, palette, fonts, t, self.lang, before=self.before)

    def _tweened(self, progress: float) -> GameState:
        """A copy of the state with the indicators part-way from before to after (display only)."""
        previous = self.controller.previous
        state = self.state
        if previous is None or progress >= 1.0:
            return state
        eased = 1 - (1 - progress) ** 3
        shown = state.clone()
        for ind in Indicator:
            shown.indicators[ind] = (
                previous.indicators[ind]
                + (state.indicators[ind] - previous.indicators[ind]) * eased
            )
        return shown


# --- Round summary -------------------------------------------------------------------------------


class SummaryScene(RoundScene):
    """The round in numbers, what stands between the team and the next phase, the score so far."""

    name = "summary"

    def build(self) -> None:
        t = self.t
        finished = self.state.finished
        caption = t("To the debrief") if finished else t("Next round")
        if self.controller.hot_seat:
            caption = t("Next team")
        self.button(self.r(1000, 656, 264, 54), caption, self.next, kind="@big_button")
        self.move_focus(1)

    def next(self) -> None:
        if self.controller.hot_seat:
            from game.ui.workshop import after_turn

            after_turn(self.app)  # the next team takes the laptop
        elif self.state.finished:
            from game.ui.scenes.debrief import DebriefScene

            self.app.go(DebriefScene)
        else:
            self.app.go(BriefingScene)

    def default_action(self) -> None:
        self.next()

    def back(self) -> None:
        self.app.go(OutcomeScene)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        previous = self.controller.previous
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Round {n} in numbers").format(n=played))
        box = self.r(16, 64, 700, 580)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(28), -self.u(24))
        bold, body = fonts.get(18, True), fonts.get(18)
        text(surface, bold, t("Indicator"), palette.text_dim, inner.topleft)
        cols = (inner.left + self.u(280), inner.left + self.u(360), inner.left + self.u(440))
        text(surface, bold, t("now"), palette.text_dim, (cols[0], inner.top))
        text(surface, bold, t("change"), palette.text_dim, (cols[1], inner.top))
        y = inner.top + self.u(34)
        for ind in Indicator:
            now = state.indicators[ind]
            delta = now - previous.indicators[ind] if previous is not None else 0.0
            text(surface, body, label(ind, lang).capitalize(), palette.text, (inner.left, y))
            text(surface, bold, f"{now:.0f}", palette.text, (cols[0], y))
            colour = (
                palette.good if delta >= 0.5 else palette.bad if delta <= -0.5 else palette.neutral
            )
            text(surface, bold, signed(delta), colour, (cols[1], y))
            text(
                surface,
                fonts.get(16),
                indicator_word(ind, now, t),
                palette.text_dim,
                (cols[2], y + self.u(2)),
            )
            y += body.get_linesize() + self.u(8)
        y += self.u(12)
        for name, now_value, before_value in (
            (
                t("Growth phase"),
                f"{state.phase.level} · {label(state.phase, lang)}",
                previous.phase if previous else None,
            ),
            (
                t("Competence"),
                f"{state.stage.level} · {label(state.stage, lang)}",
                previous.stage if previous else None,
            ),
        ):
            text(surface, body, name, palette.text_dim, (inner.left, y))
            current = state.phase if name == t("Growth phase") else state.stage
            changed = before_value is not None and before_value != current
            colour = palette.accent if changed else palette.text
            text(
                surface,
                bold,
                now_value + ("  " + t("(new)") if changed else ""),
                colour,
                (cols[0], y),
            )
            y += body.get_linesize() + self.u(8)

        side = self.r(728, 64, 536, 580)
        panel(surface, side, palette, self.u(10))
        inner = side.inflate(-self.u(28), -self.u(24))
        y = inner.top
        card = score(state)
        text(surface, bold, t("Score so far"), palette.text_dim, (inner.left, y))
        text(
            surface,
            fonts.get(34, True),
            f"{card.total}",
            palette.accent,
            (inner.right, y - self.u(6)),
            "topright",
        )
        y += self.u(48)
        scenario = self.controller.scenario
        assert scenario is not None
        gaps = next_phase_gaps(state, scenario)
        if state.phase.level >= 4:
            heading = t("The municipality works together: the highest phase.")
            y += text_block(
                surface,
                bold,
                heading,
                palette.good,
                pygame.Rect(inner.left, y, inner.width, self.u(60)),
            )
        else:
            heading = t("What stands between you and the next phase")
            y += text_block(
                surface,
                bold,
                heading,
                palette.text,
                pygame.Rect(inner.left, y, inner.width, self.u(60)),
            ) + self.u(6)
            for gap in gaps[:6]:
                line = _gap_text(gap, t, lang)
                y += text_block(
                    surface,
                    body,
                    "• " + line,
                    palette.text,
                    pygame.Rect(inner.left, y, inner.width, self.u(60)),
                    max_lines=2,
                ) + self.u(4)
            if not gaps:
                y += text_block(
                    surface,
                    body,
                    t("Nothing: the phase moves up when the next round confirms it."),
                    palette.good,
                    pygame.Rect(inner.left, y, inner.width, self.u(60)),
                )


def _gap_text(gap, t, lang) -> str:
    """One requirement of the next phase, in words, with where the team stands now.

    Interaction and the track record are a relation's own: the line names the relation.
    """
    requirement, value = gap.requirement, gap.value
    if gap.relation is not None:
        who = label(gap.relation, lang).capitalize()
        if requirement.kind == "fit_record":
            return t("{who}: roles that fit (track record) {now} of {needed}").format(
                who=who, now=round(value), needed=round(requirement.value)
            )
        return t("{who}: interaction {now} of {needed}").format(
            who=who, now=round(value), needed=round(requirement.value)
        )
    if requirement.kind == "indicator" and requirement.indicator is not None:
        return t("{what}: {now} of {needed}").format(
            what=label(requirement.indicator, lang).capitalize(),
            now=round(value),
            needed=round(requirement.value),
        )
    if requirement.kind == "stage" and requirement.stage is not None:
        return t("Competence: the organisation must be {stage}").format(
            stage=label(requirement.stage, lang)
        )
    return t("Roles played well: {now} of {needed}").format(
        now=round(value), needed=round(requirement.value)
    )
