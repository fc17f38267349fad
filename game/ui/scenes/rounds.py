"""The scenes of a round: briefing and dashboard, initiatives, development, outcome, summary."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import pygame

from game.domain import Indicator, MunicipalRole, Prediction
from game.labels import label
from game.sim import GameState, next_phase_gaps, score
from game.ui.controller import PREDICTIONS
from game.ui.dashboard import (
    competence_grid,
    line_values,
    lines_panel,
    mix,
    panel,
    relation_phases,
    resources,
    resources_height,
)
from game.ui.look import (
    block_height,
    fit_text_block,
    note,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.network import Network, build_network, draw_network
from game.ui.scene import Scene
from game.ui.words import (
    ROLE_ORDER,
    OrgWords,
    indicator_word,
    number,
    org_words,
    prediction_name,
    role_meaning,
    signed_number,
)

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

    @property
    def words(self) -> OrgWords:
        """How the screens name the organisation: the scenario's kind."""
        scenario = self.controller.scenario
        kind = scenario.organisation.kind if scenario is not None else None
        return org_words(kind, self.lang)

    def title_button(self) -> None:
        """ "Title screen", top left on every screen of a round: the game stays where it is,
        and its choices so far go into the autosave, so Continue brings the team back."""
        caption = self.t("Title screen")
        width = self.fitted(caption, "@small_button", 150)
        self.button(
            pygame.Rect(self.r(8, 8, 0, 36).topleft, (width, self.u(36))),
            caption,
            self.to_title,
            kind="@small_button",
            tooltip=self.t("The game stays as it is: Continue brings you back here."),
        )

    def title_width(self) -> int:
        """Room the "Title screen" button takes at the top left (pixels, with its margin)."""
        return self.u(8) + self.fitted(self.t("Title screen"), "@small_button", 150) + self.u(12)

    def bottom_bar(
        self,
        left: list[tuple[str, Callable[[], None], dict]],
        main: tuple[str, Callable[[], None], dict] | None,
        height: float = 54,
    ) -> tuple[int, int]:
        """Buttons along the bottom: ``left`` from the left edge, ``main`` (the step forward) at
        the right, each as wide as its label needs at this type size. Returns the free span
        (from, to) in pixels between them, for a line of text."""
        top = self.r(0, 656, 0, 0).top
        x = self.r(16, 0, 0, 0).left
        gap = self.u(10)
        for caption, action, options in left:
            kind = options.get("kind")
            minimum = options.pop("minimum", 150)
            width = self.fitted(caption, kind, minimum)
            self.button(pygame.Rect(x, top, width, self.u(height)), caption, action, **options)
            x += width + gap
        right = self.r(1264, 0, 0, 0).left
        if main is not None:
            caption, action, options = main
            options.setdefault("kind", "@big_button")
            minimum = options.pop("minimum", 264)
            width = self.fitted(caption, options["kind"], minimum)
            self.main = self.button(
                pygame.Rect(right - width, top, width, self.u(height)), caption, action, **options
            )
            right -= width + gap
        return x, right

    def to_title(self) -> None:
        from game.ui.scenes.menu import TitleScene

        self.controller.save_plan()
        self.app.go(TitleScene)

    def on_exit(self) -> None:
        # Leaving a screen of the round keeps its choices in the autosave (a few milliseconds),
        # so a crash or a closed laptop does not lose them.
        self.controller.save_plan()

    def top_bar(self, surface: pygame.Surface, step: str) -> None:
        """Organisation, team, round and the step of the round, across the top; room on the
        left for the "Title screen" button. What does not fit is shortened with "…"."""
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        scenario = self.controller.scenario
        assert scenario is not None
        bar = self.r(0, 0, 1280, 52)
        bar.left, bar.width = 0, surface.get_width()
        pygame.draw.rect(surface, palette.panel, bar)
        pygame.draw.line(surface, palette.panel_edge, bar.bottomleft, bar.bottomright, 2)
        state = self.state
        shown_round = min(state.round, scenario.rounds)
        unit = scenario.round_name.get(self.lang) if scenario.round_name else t("round")
        counter = f"{unit.capitalize()} {shown_round} / {scenario.rounds}"
        right = text(
            surface,
            fonts.get(20, True),
            counter,
            palette.accent,
            self.r(1264, 26, 0, 0).topleft,
            "midright",
        )
        name = scenario.organisation.name.get(self.lang)
        team = self.controller.team
        if team:
            # "Team Rood" needs no second "team" in front of it.
            prefix = "" if team.casefold().startswith(t("team").casefold()) else t("team") + " "
            name += " · " + prefix + team
        left = self.title_width()
        step_font = fonts.get(18)
        step_w = min(step_font.size(step)[0], self.u(330))
        middle = (left + right.left) // 2
        step_left = max(middle - step_w // 2, left + self.u(200))
        font = fonts.get(20, True)
        if self.shows_timer and self.app.timer.visible:
            # The facilitator's round timer takes the middle: the name left of it, the step
            # right of it.
            slot = self.app.timer.box(self.app)
            name = shortened(font, name, slot.left - self.u(12) - left)
            step_left = slot.right + self.u(12)
        else:
            name = shortened(font, name, step_left - self.u(16) - left)
        text(surface, font, name, palette.text, (left, self.r(0, 26, 0, 0).top), "midleft")
        step = shortened(step_font, step, right.left - self.u(12) - step_left)
        text(surface, step_font, step, palette.text_dim, (step_left, right.centery), "midleft")

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
        labels = {"townhall": self.words.building}
        scenario = self.controller.scenario
        assert scenario is not None
        shown = self.state.current_initiatives
        if highlight:
            shown = self.state.history[-1].initiatives if self.state.history else ()
        for initiative_id in shown:
            title = scenario.initiative(initiative_id).title.get(self.lang)
            labels[initiative_id] = title if len(title) <= 26 else title[:25] + "…"
        small = fonts.get(14)
        # The legend: one entry per role, in as many rows as the width needs.
        entries = []
        for role in MunicipalRole:
            name = label(role, self.lang)
            entries.append((role, name, self.u(22) + small.size(name)[0] + self.u(10)))
        rows: list[list[tuple[MunicipalRole, str, int]]] = [[]]
        used = 0
        for entry in entries:
            if rows[-1] and used + entry[2] > inner.width:
                rows.append([])
                used = 0
            rows[-1].append(entry)
            used += entry[2]
        line = small.get_linesize()
        legend_h = len(rows) * line + self.u(6)
        picture = pygame.Rect(
            inner.left, head.bottom, inner.width, inner.bottom - head.bottom - legend_h
        )
        network = self.network(pending=not highlight)
        draw_network(surface, picture, network, palette, fonts, labels, highlight)
        y = inner.bottom - len(rows) * line
        for row in rows:
            x = inner.left
            for role, name, width in row:
                pygame.draw.line(
                    surface,
                    palette.role(role),
                    (x, y + line // 2),
                    (x + self.u(18), y + line // 2),
                    max(3, self.u(4)),
                )
                text(surface, small, name, palette.text_dim, (x + self.u(22), y))
                x += width
            y += line


# --- Briefing ---------------------------------------------------------------------------------


class BriefingScene(RoundScene):
    """The dashboard at the start of a round, with this round's news."""

    name = "briefing"

    def columns(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The dashboard's three panels; the side ones widen with the type size (their words
        must fit), the network in the middle takes what is left."""
        grow = 1 + (self.fs - 1) * 0.8
        left_w, right_w = round(300 * grow), round(304 * grow)
        left = self.r(16, 64, left_w, 476)
        right = self.r(1264 - right_w, 64, right_w, 476)
        middle = self.r(16 + left_w + 12, 64, 1264 - right_w - 12 - (16 + left_w + 12), 476)
        return left, middle, right

    def build(self) -> None:
        t = self.t
        label_text = (
            t("To the initiatives") if self.state.current_initiatives else t("To development")
        )
        saves = self.app.saves
        side = [t("Help"), t("Settings")]
        width = max(
            self.fitted(label_text, "@big_button", 234),
            self.fitted(t("Save"), "@small_button", 234),
            sum(self.fitted(c, "@small_button", 100) for c in side) + self.u(14),
        )
        right = self.r(1264, 0, 0, 0).left
        left = right - width
        small_h = max(self.u(40), self._button_height("@small_button"))
        big_h = max(self.u(58), self._button_height("@big_button"))
        top = self.r(0, 552, 0, 0).top
        bottom = self.r(0, 708, 0, 0).top
        gap = max(self.u(4), (bottom - top - 2 * small_h - big_h) // 2)
        self.news = self.text_box(
            pygame.Rect(
                self.r(16, 0, 0, 0).left, self.r(0, 548, 0, 0).top, left - self.u(30), self.u(160)
            ),
            self._news_html(),
        )
        self.button(
            pygame.Rect(left, top, width, small_h),
            t("Save"),
            self.save,
            enabled=saves is not None,
            tooltip=self.saved or (None if saves is not None else t("This window keeps no saves.")),
            kind="@small_button",
        )
        self.main = self.button(
            pygame.Rect(left, top + small_h + gap, width, big_h),
            label_text,
            self.next,
            kind="@big_button",
        )
        half = (width - self.u(14)) // 2
        for i, (caption, key) in enumerate(zip(side, (pygame.K_F1, pygame.K_F2), strict=True)):
            self.button(
                pygame.Rect(left + i * (half + self.u(14)), bottom - small_h, half, small_h),
                caption,
                lambda key=key: self.handle_event(_key(key)),
                kind="@small_button",
            )
        self.title_button()
        if self._focus is None:
            self._focus_on(self.main)

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
        # The main step has the focus again: Enter must not save a second time.
        self._focus_on(self.main)

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
        left, middle, right = self.columns()
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
        self.draw_network_panel(surface, middle)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(20))
        res_h = resources_height(fonts, inner.width, t)
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
    """One initiative as a card: the team picks a role (1–5), channels and maybe a prediction.

    Before choosing, each role shows what it costs in hours, the readiness it asks against the
    organisation's readiness now, and the chance of stumbling that follows: a fitting role can
    still go wrong, and the team should see that coming. The card says in a line what the
    relation means for the organisation. The layout is worked out from the type size, so it
    holds at 140%.
    """

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

    def options(self):
        """Per role: hours, readiness asked and present, risk (from the core)."""
        from game.sim.engine import role_options

        scenario = self.controller.scenario
        assert scenario is not None
        return {o.role: o for o in role_options(self.state, scenario, self.initiative.id)}

    # --- layout -------------------------------------------------------------------------------

    def geometry(self) -> dict[str, object]:
        """Where everything goes, in pixels, from the window and the type size: first what
        each part needs at least, then the room that is left goes to the roles' rows."""
        fonts, u = self.app.fonts, self.u
        column = self.r(552, 64, 712, 580)
        heading = fonts.get(19, True).get_linesize()
        sub = fonts.get(17, True).get_linesize()
        channels = self.controller.channels()
        channel_rows = -(-len(channels) // 2)
        predict = self.app.settings.predict
        small_h = self._button_height("@small_button")
        channel_row = max(u(40), small_h + u(4))
        predict_row = channel_row if predict else 0
        gaps = u(6) + u(4) + u(10) + (u(10) if predict else 0)
        fixed = heading + sub + channel_rows * channel_row + predict_row + gaps
        role_min = self._button_height("@left_button") + u(4)
        if fixed + 5 * role_min > column.height:
            channel_row = small_h + u(2)
            predict_row = channel_row if predict else 0
            fixed = heading + sub + channel_rows * channel_row + predict_row + gaps
        role_row = max(role_min, min(u(60), (column.height - fixed) // 5))
        meaning, stats = fonts.get(17), fonts.get(15)
        two_lines = meaning.get_linesize() + stats.get_linesize() + u(6)
        roles_top = column.top + heading + u(6)
        channels_top = roles_top + 5 * role_row + u(10)
        grid_top = channels_top + sub + u(4)
        predict_top = grid_top + channel_rows * channel_row + u(10)
        return {
            "column": column,
            "roles_top": roles_top,
            "role_row": role_row,
            "two_lines": role_row >= two_lines,
            "channels_top": channels_top,
            "grid_top": grid_top,
            "channel_row": channel_row,
            "predict_top": predict_top,
            "predict_row": predict_row,
        }

    def build(self) -> None:
        t, lang = self.t, self.lang
        initiative = self.initiative
        chosen = self.controller.plan.roles.get(initiative.id)
        hours_unit = t("h")
        g = self.geometry()
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        row: int = g["role_row"]  # type: ignore[assignment]
        y: int = g["roles_top"]  # type: ignore[assignment]
        button_w = self.u(232)
        for key, role in enumerate(ROLE_ORDER, start=1):
            hours = self.controller.role_cost(role)
            self.button(
                pygame.Rect(column.left, y, button_w, row - self.u(6)),
                f"{key}  {label(role, lang)}",
                lambda role=role: self.choose(role),
                selected=role == chosen,
                tooltip=f"{role_meaning(role, t)} ({hours} {hours_unit})",
                kind="@left_button",
            )
            y += row
        picked = self.controller.plan.channels.get(initiative.id, [])
        top: int = g["grid_top"]  # type: ignore[assignment]
        height: int = g["channel_row"]  # type: ignore[assignment]
        half = (column.width - self.u(8)) // 2
        for i, (channel, usable, hours) in enumerate(self.controller.channels()):
            name = channel.name.get(lang)
            tip = channel.description.get(lang) if channel.description else None
            if not usable:
                tip = t("Not available yet.")
            col, line = i % 2, i // 2
            self.button(
                pygame.Rect(
                    column.left + col * (half + self.u(8)),
                    top + line * height,
                    half,
                    height - self.u(6),
                ),
                f"{name} · {hours} {hours_unit}",
                lambda cid=channel.id: self.toggle(cid),
                enabled=usable,
                selected=channel.id in picked,
                tooltip=tip,
                kind="@small_button",
            )
        if self.app.settings.predict:
            current = self.controller.plan.predictions.get(initiative.id)
            label_w = self.prediction_label_width()
            ptop: int = g["predict_top"]  # type: ignore[assignment]
            prow: int = g["predict_row"]  # type: ignore[assignment]
            x = column.left + label_w
            width = (column.right - x - 2 * self.u(8)) // 3
            for prediction in PREDICTIONS:
                self.button(
                    pygame.Rect(x, ptop, width, prow - self.u(6)),
                    prediction_name(prediction, t),
                    lambda p=prediction: self.predict(p),
                    selected=current == prediction,
                    kind="@small_button",
                    tooltip=t("Optional: what do you expect? Said before, judged after."),
                )
                x += width + self.u(8)
        count = len(self.state.current_initiatives)
        last = self.index == count - 1
        forward = t("To development") if last else t("Next initiative")
        ok = chosen is not None
        why = None if ok else t("Choose a role first (keys 1–5).")
        self.free = self.bottom_bar(
            [(t("Back"), self.back, {})],
            (forward, self.next, {"enabled": ok, "tooltip": why}),
        )
        self.title_button()

    def prediction_label_width(self) -> int:
        font = self.app.fonts.get(17, True)
        return font.size(self.t("Prediction"))[0] + self.u(14)

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

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        count = len(self.state.current_initiatives)
        self.top_bar(surface, t("Initiative {n} of {total}").format(n=self.index + 1, total=count))
        self._draw_card(surface)
        g = self.geometry()
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        heading = t("Role of {org} (keys 1–5)").format(org=self.words.org)
        text(
            surface,
            fonts.get(19, True),
            shortened(fonts.get(19, True), heading, column.width),
            palette.text_dim,
            column.topleft,
        )
        self._draw_roles(surface, g)
        sub = fonts.get(17, True)
        channels_head = t("Channels (hours, opening included)")
        text(
            surface,
            sub,
            shortened(sub, channels_head, column.width),
            palette.text_dim,
            (column.left, g["channels_top"]),  # type: ignore[arg-type]
        )
        if self.app.settings.predict:
            ptop: int = g["predict_top"]  # type: ignore[assignment]
            prow: int = g["predict_row"]  # type: ignore[assignment]
            text(
                surface,
                sub,
                t("Prediction"),
                palette.text_dim,
                (column.left, ptop + (prow - self.u(6)) // 2),
                "midleft",
            )
        self._draw_hours(surface)

    def _draw_card(self, surface: pygame.Surface) -> None:
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        initiative = self.initiative
        card = self.r(16, 64, 520, 580)
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
        inner = card.inflate(-self.u(52), -self.u(32))
        inner.left += self.u(8)
        title_font = fonts.get(26, True)
        y = inner.top
        for line in wrap(title_font, initiative.title.get(lang), inner.width)[:2]:
            text(surface, title_font, line, palette.accent, (inner.left, y))
            y += title_font.get_linesize()
        y += self.u(4)
        words = self.words
        owner = (
            words.own if initiative.owner.value == "municipality" else label(initiative.owner, lang)
        )
        facts = [
            t("Initiative of {owner}").format(owner=owner),
            relation_line(initiative.relation, words, t),
        ]
        if initiative.purposes:
            facts.append(
                t("Channels for {purposes}").format(
                    purposes=", ".join(label(p, lang) for p in initiative.purposes)
                )
            )
        small = fonts.get(17)
        for fact in facts:
            y += text_block(
                surface,
                small,
                fact,
                palette.text_dim,
                pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            ) + self.u(2)
        y += self.u(8)
        fit_text_block(
            surface,
            fonts,
            initiative.text.get(lang),
            palette.text,
            pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
            sizes=(20, 18, 17, 16, 15),
        )

    def _draw_roles(self, surface: pygame.Surface, g: dict[str, object]) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        column: pygame.Rect = g["column"]  # type: ignore[assignment]
        row: int = g["role_row"]  # type: ignore[assignment]
        y: int = g["roles_top"]  # type: ignore[assignment]
        two: bool = g["two_lines"]  # type: ignore[assignment]
        meaning, stats, bold = fonts.get(17), fonts.get(15), fonts.get(15, True)
        options = self.options()
        hours_unit = t("h")
        left = column.left + self.u(232) + self.u(12)
        width = column.right - left - self.u(14)
        for role in ROLE_ORDER:
            option = options[role]
            box = pygame.Rect(left, y, width, row - self.u(6))
            pygame.draw.line(
                surface,
                palette.role(role),
                (box.left, box.top + self.u(4)),
                (box.left, box.bottom - self.u(4)),
                max(4, self.u(6)),
            )
            x = box.left + self.u(14)
            room = box.right - x
            lines_h = meaning.get_linesize() + stats.get_linesize() if two else stats.get_linesize()
            top = box.top + (box.height - lines_h) // 2
            if two:
                shown = shortened(meaning, role_meaning(role, t), room)
                text(surface, meaning, shown, palette.text, (x, top))
                top += meaning.get_linesize()
            ready = t("readiness {have} of {needs}").format(
                have=round(option.readiness), needs=round(option.demand)
            )
            first = f"{option.hours} {hours_unit} · {ready} · "
            if option.risk <= 0:
                risk, colour = t("no risk"), palette.good
            else:
                risk = t("risk {pct}%").format(pct=max(1, round(option.risk * 100)))
                colour = palette.bad if option.risk >= 0.2 else palette.neutral
            if stats.size(first + risk)[0] > room:
                have, needs = round(option.readiness), round(option.demand)
                first = f"{option.hours} {hours_unit} · {have}/{needs} · "
            drawn = text(surface, stats, first, palette.text_dim if two else palette.text, (x, top))
            text(
                surface,
                bold,
                shortened(bold, risk, box.right - drawn.right),
                colour,
                (drawn.right, top),
            )
            y += row

    def _draw_hours(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        cost = self.controller.cost()
        left = cost.hours_available - cost.hours
        colour = palette.bad if left < 0 else palette.text
        summary = t("This round so far: {used} of {available} hours").format(
            used=cost.hours, available=cost.hours_available
        )
        start, end = self.free
        area = pygame.Rect(
            start + self.u(6), self.r(0, 656, 0, 54).top, end - start - self.u(6), self.u(54)
        )
        big = fonts.get(19, True)
        if left < 0:
            warn = fonts.get(15)
            total = big.get_linesize() + warn.get_linesize()
            top = area.centery - total // 2
            text(surface, big, shortened(big, summary, area.width), colour, (area.left, top))
            message = t("Too many hours: drop a channel or choose a lighter role.")
            text(
                surface,
                warn,
                shortened(warn, message, area.width),
                palette.bad,
                (area.left, top + big.get_linesize()),
            )
        else:
            text(surface, big, shortened(big, summary, area.width), colour, area.midleft, "midleft")


def relation_line(relation, words: OrgWords, t) -> str:
    """The relation in a line, and what it makes of the organisation (MODEL.md §3)."""
    return {
        "customer": t("Residents as customers: they use a service; {org} provides it."),
        "voter": t("Residents as voters: they want a say; {org} serves democracy."),
        "subject": t("Residents as subjects: rules apply to them; {org} upholds them."),
        "user": t("Residents as users: they use public space; {org} manages it."),
        "partner": t("Residents as partners: they make plans together with {org}, as equals."),
        "resident": t(
            "Residents as residents: they organise their own street; {org} is a neighbour."
        ),
    }[relation.value].format(org=words.org)


# --- Development --------------------------------------------------------------------------------


class DevelopmentScene(RoundScene):
    """Investments in the organisation, then the confirm that resolves the round.

    The rows are as tall as the type size needs; a line of description under each action when
    there is room for all of them (the whole text is always in the action's tooltip, and on the
    right once it is chosen)."""

    name = "development"

    def on_enter(self) -> None:
        self.detail: str | None = None

    def rows(self) -> tuple[int, int, int, bool]:
        """(top, row height, button height, with descriptions) in pixels."""
        fonts = self.app.fonts
        top = self.r(0, 64, 0, 0).top + fonts.get(20, True).get_linesize() + self.u(8)
        bottom = self.r(0, 644, 0, 0).top - fonts.get(16).get_linesize() - self.u(6)
        button_h = max(self.u(42), self._button_height("@left_button"))
        count = max(1, min(9, len(self.offers)))
        described = button_h + fonts.get(16).get_linesize() + self.u(8)
        if count * described <= bottom - top:
            return top, described, button_h, True
        plain = max(button_h + self.u(4), min(self.u(50), (bottom - top) // count))
        return top, plain, min(button_h, plain - self.u(2)), False

    def columns(self) -> tuple[pygame.Rect, int]:
        """The plan's panel on the right, and where the cost column starts."""
        width = round(564 - (self.fs - 1) * 100)
        side = self.r(1264 - width, 64, width, 570)
        cost_w = self.app.fonts.get(16).size("88 " + self.t("h") + " · € 888k")[0]
        return side, side.left - self.u(16) - cost_w

    def build(self) -> None:
        t, lang = self.t, self.lang
        planned = self.controller.plan.actions
        hours_unit = t("h")
        self.offers = [(a, ok) for a, ok in self.controller.actions() if ok or a.id in planned]
        top, step, button_h, _ = self.rows()
        _, cost_x = self.columns()
        left = self.r(16, 0, 0, 0).left
        y = top
        for key, (action, _) in enumerate(self.offers[:9], start=1):
            cost = action.cost
            caption = f"{key}  {action.title.get(lang)}"
            self.button(
                pygame.Rect(left, y, cost_x - self.u(10) - left, button_h),
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
        self.bottom_bar(
            [(t("Back"), self.back, {})],
            (t("Resolve the round"), self.resolve, {"enabled": ok, "tooltip": why}),
        )
        self.title_button()

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
        side, cost_x = self.columns()
        left = self.r(16, 0, 0, 0).left
        head = fonts.get(20, True)
        text(
            surface,
            head,
            shortened(
                head, t("Invest in the organisation (keys 1–9)"), side.left - left - self.u(12)
            ),
            palette.text_dim,
            (left, self.r(0, 64, 0, 0).top),
        )
        small = fonts.get(16)
        hours_unit = t("h")
        top, step, button_h, described = self.rows()
        for i, (action, _) in enumerate(self.offers[:9]):
            y = top + i * step
            if described:
                room = side.left - left - self.u(20)
                line = shortened(small, action.text.get(lang), room)
                text(
                    surface,
                    small,
                    line,
                    palette.text_dim,
                    (left + self.u(8), y + button_h + self.u(2)),
                )
            cost = action.cost
            label_text = f"{cost.capacity} {hours_unit} · € {cost.budget:.0f}k"
            text(
                surface, small, label_text, palette.text_dim, (cost_x, y + button_h // 2), "midleft"
            )
        locked = sum(1 for _, ok in self.controller.actions() if not ok)
        if not self.offers:
            text(
                surface,
                fonts.get(18),
                t("Nothing to invest in this round."),
                palette.text,
                (left, top),
            )
        if locked:
            message = t("{n} more become available as {org} grows.").format(
                n=locked, org=self.words.org
            )
            y = top + min(9, len(self.offers)) * step + self.u(4)
            text(
                surface,
                small,
                shortened(small, message, side.left - left - self.u(12)),
                palette.text_dim,
                (left, y),
            )
        self._draw_plan(surface, side)

    def _plan_entries(
        self, size: int, detail: bool, limit: bool, decisions, problems
    ) -> tuple[list, list]:
        """The plan's texts at body size ``size``, before and after the resources: each
        (message, colour, font, indent, most lines or None, dot colour or None, gap after).
        ``detail``: the chosen action's description too; ``limit``: long texts end in "…"."""
        palette, fonts, lang, t = self.app.palette, self.app.fonts, self.lang, self.t
        scenario = self.controller.scenario
        assert scenario is not None
        body, bold = fonts.get(size), fonts.get(size, True)
        before: list[tuple] = []
        for decision in decisions.initiatives:
            title = scenario.initiative(decision.initiative).title.get(lang)
            channels = ", ".join(
                scenario.channel(c).name.get(lang) for c in decision.channels
            ) or t("no channels")
            line = f"{title}: {label(decision.role, lang)} · {channels}"
            dot = palette.role(decision.role)
            before.append((line, palette.text, body, self.u(20), 2 if limit else None, dot, 4))
        for action_id in self.controller.plan.actions:
            title = "+ " + scenario.action(action_id).title.get(lang)
            before.append((title, palette.accent, body, 0, 1 if limit else None, None, 2))
        after: list[tuple] = []
        if detail and self.detail:
            message = scenario.action(self.detail).text.get(lang)
            after.append((message, palette.text_dim, fonts.get(size - 1), 0, 3, None, 8))
        for problem in problems[:3]:
            message = problem.explain(lang)
            after.append((message, palette.bad, bold, 0, 2 if limit else None, None, 4))
        return before, after

    def _entry_lines(self, entry: tuple, width: int) -> int:
        message, _, font, indent, most, _, _ = entry
        lines = len(wrap(font, message, width - indent))
        return lines if most is None else min(lines, most)

    def _plan_fits(self, inner: pygame.Rect, top: int, res_h: int, entries) -> bool:
        """Whether the plan's texts, measured, fit between ``top`` and the panel's bottom."""
        y = top
        before, after = entries
        for i, group in enumerate((before, after)):
            for entry in group:
                font = entry[2]
                lines = self._entry_lines(entry, inner.width)
                if y + block_height(font, lines) > inner.bottom + 2:
                    return False
                y += lines * round(font.get_linesize() * 1.15) + self.u(entry[6])
            if i == 0:
                y += self.u(10) + res_h
                if y > inner.bottom:
                    return False
                y += self.u(10)
        return True

    def _draw_plan(self, surface: pygame.Surface, side: pygame.Rect) -> None:
        """The team's plan: decisions, investments, what is left, and what is still wrong.
        Measured: at a large type size a long plan drops the chosen action's description
        first, then steps down a size, and only then ends long lines in "…"."""
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        panel(surface, side, palette, self.u(10))
        inner = side.inflate(-self.u(28), -self.u(24))
        y = inner.top
        heading = fonts.get(18, True)
        text(surface, heading, t("Your plan for this round"), palette.text_dim, (inner.left, y))
        y += heading.get_linesize() + self.u(4)
        res_h = resources_height(fonts, inner.width, t)
        tries = ((17, True, False), (17, False, False), (16, False, False), (15, False, False))
        decisions, problems = self.controller.decisions(), self.controller.problems()
        size, entries = 15, self._plan_entries(15, False, True, decisions, problems)
        for option in tries:
            candidate = self._plan_entries(*option, decisions, problems)
            if self._plan_fits(inner, y, res_h, candidate):
                size, entries = option[0], candidate
                break
        body = fonts.get(size)

        def block(entry: tuple, reserve: int = 0) -> None:
            nonlocal y
            message, colour, font, indent, most, dot, gap = entry
            lines = self._entry_lines(entry, inner.width)
            if y + block_height(font, lines) + reserve > inner.bottom + 2:
                return  # the last resort's leftovers: never drawn over the edge
            if dot is not None:
                centre = (inner.left + self.u(6), y + font.get_linesize() // 2)
                pygame.draw.circle(surface, dot, centre, self.u(6))
            area = pygame.Rect(
                inner.left + indent, y, inner.width - indent, block_height(font, lines)
            )
            y += text_block(surface, font, message, colour, area, max_lines=most) + self.u(gap)

        before, after = entries
        for entry in before:
            block(entry, reserve=self.u(10) + res_h)
        cost = self.controller.cost()
        y += self.u(10)
        resources(
            surface,
            pygame.Rect(inner.left, y, inner.width, res_h),
            cost.hours_available - cost.hours,
            cost.hours_available,
            cost.budget_available - cost.budget,
            palette,
            fonts,
            t,
        )
        y += res_h + self.u(10)
        for entry in after:
            block(entry)
        if not problems:
            message = t("All set. Resolve the round when the group agrees.")
            lines = len(wrap(body, message, inner.width))
            if y + block_height(body, lines) <= inner.bottom + 2:  # a hint: only when it fits
                block((message, palette.good, body, 0, None, None, 0))


# --- Outcome ----------------------------------------------------------------------------------


ANIMATION_SECONDS = 0.8
# How long a milestone's moment pulses after it is revealed.
MOMENT_SECONDS = 1.6


class OutcomeScene(RoundScene):
    """The round as a story, one step at a time (Space reveals the next): per decision the
    scenario's own words and what it did, the routine in one line, and a moment of its own for
    a new phase or stage. The list scrolls (wheel, arrow keys, the ˄ ˅ buttons); nothing is
    dropped. The bars move, then stand still."""

    name = "outcome"

    def on_enter(self) -> None:
        from game.ui.story import build_story

        state = self.state
        scenario = self.controller.scenario
        assert scenario is not None
        outcomes = state.history[-1].outcomes if state.history else ()
        self.steps = build_story(self.controller.effects, outcomes, scenario, self.lang, self.t)
        self.revealed = 0
        self.clock = 0.0
        self.moment = MOMENT_SECONDS
        # Where the list is scrolled to (layout pixels from its top), or None to follow the
        # newest step.
        self.scroll: int | None = None
        previous = self.controller.previous
        self.before = line_values(previous) if previous is not None else None

    def build(self) -> None:
        t = self.t
        done = self.revealed >= len(self.steps)
        small = "@small_button"
        self.bottom_bar(
            [
                (
                    t("Next step"),
                    self.reveal,
                    {"enabled": not done, "kind": small, "tooltip": t("Space"), "minimum": 170},
                ),
                (t("Show all"), self.reveal_all, {"enabled": not done, "kind": small}),
                ("", lambda: self.scroll_by(-1), {"tooltip": t("Scroll up"), "minimum": 56}),
                ("", lambda: self.scroll_by(1), {"tooltip": t("Scroll down"), "minimum": 56}),
            ],
            (t("Continue"), self.next, {}),
        )
        self.arrows = (self._focusable[2], self._focusable[3])
        self.title_button()
        if self._focus is None:
            self.move_focus(1)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """The scroll buttons' arrows (the text font has no arrow signs)."""
        colour = self.app.palette.text
        for widget, up in zip(self.arrows, (True, False), strict=True):
            rect = widget.get_abs_rect()
            half = max(5, min(rect.width, rect.height) // 5)
            cx, cy = rect.center
            tip = -half if up else half
            points = [(cx - half, cy - tip // 2), (cx + half, cy - tip // 2), (cx, cy + tip)]
            pygame.draw.polygon(surface, colour, points)
        super().draw_overlay(surface)

    @property
    def entries(self) -> list:
        """The steps to reveal (the facilitator panel asks how many are left)."""
        return self.steps

    @property
    def animating(self) -> bool:
        return self.clock < ANIMATION_SECONDS or self.moment < MOMENT_SECONDS

    def update(self, dt: float) -> None:
        if self.clock < ANIMATION_SECONDS:
            self.clock = min(ANIMATION_SECONDS, self.clock + dt)
        if self.moment < MOMENT_SECONDS:
            self.moment = min(MOMENT_SECONDS, self.moment + dt)

    def reveal(self) -> None:
        if self.revealed < len(self.steps):
            self.revealed += 1
            self.scroll = None
            if self.steps[self.revealed - 1].kind == "milestone":
                self.moment = 0.0
                self.app.play("phase")
            else:
                self.app.play("reveal")
            if self.revealed == len(self.steps):
                self.rebuild()

    def reveal_all(self) -> None:
        milestone = any(s.kind == "milestone" for s in self.steps[self.revealed :])
        self.revealed = len(self.steps)
        self.scroll = None
        if milestone:
            self.moment = 0.0
            self.app.play("phase")
        self.rebuild()

    # --- scrolling ----------------------------------------------------------------------------

    def story_area(self) -> pygame.Rect:
        box = self.r(16, 64, 700, 580)
        inner = box.inflate(-self.u(28), -self.u(24))
        head = self.app.fonts.get(18, True).get_linesize() + self.u(10)
        return pygame.Rect(inner.left, inner.top + head, inner.width, inner.height - head)

    def _layout(self, width: int) -> list[tuple[int, int, str, pygame.font.Font, object, int]]:
        """The revealed steps as lines: (step, x offset, text, font, colour, height)."""
        from game.ui.story import MARKS

        fonts, palette = self.app.fonts, self.app.palette
        title_font, badge_font = fonts.get(20, True), fonts.get(16)
        head_font, body = fonts.get(18), fonts.get(16)
        indent = self.u(22)
        rows: list[tuple[int, int, str, pygame.font.Font, object, int]] = []
        for index, step in enumerate(self.steps[: self.revealed]):
            colour = {"good": palette.good, "bad": palette.bad}.get(step.tone, palette.neutral)
            for line in wrap(title_font, step.title, width - indent):
                rows.append(
                    (index, indent, line, title_font, palette.accent, title_font.get_linesize())
                )
            if step.badge:
                for line in wrap(badge_font, step.badge, width - indent):
                    rows.append(
                        (index, indent, line, badge_font, colour, badge_font.get_linesize())
                    )
            if step.headline:
                for line in wrap(head_font, step.headline, width - indent):
                    rows.append(
                        (index, indent, line, head_font, palette.text, head_font.get_linesize())
                    )
            for item in step.lines:
                ink = {"good": palette.good, "bad": palette.bad}.get(item.tone, palette.neutral)
                mark = MARKS[item.tone]
                for n, line in enumerate(wrap(body, item.text, width - 2 * indent)):
                    rows.append(
                        (
                            index,
                            2 * indent,
                            line,
                            body,
                            ("mark", mark, ink) if n == 0 else None,
                            body.get_linesize(),
                        )
                    )
            rows.append((index, 0, "", body, None, self.u(12)))
        return rows

    def _offset(self) -> int:
        """How far the list is scrolled: the team's choice, or so the newest step shows from
        its headline down (all of it when it fits under the ones before)."""
        area = self.story_area()
        rows = self._layout(area.width)
        total = sum(row[5] for row in rows)
        most = max(0, total - area.height)
        if self.scroll is None:
            latest = self.revealed - 1
            start = 0
            for index, *_rest, height in rows:
                if index == latest:
                    break
                start += height
            return min(most, start)
        return max(0, min(most, self.u(self.scroll)))

    def scroll_by(self, steps: int) -> None:
        line = self.app.fonts.get(16).get_linesize() * 3
        current = self._offset() / max(0.01, self.app.scale)
        self.scroll = max(0, round(current + steps * line / max(0.01, self.app.scale)))
        self.app.invalidate()

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-int(event.y))
            return
        super().handle_event(event)

    def on_key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_SPACE:
            self.reveal()
        elif key in (pygame.K_UP, pygame.K_PAGEUP):
            self.scroll_by(-1 if key == pygame.K_UP else -4)
        elif key in (pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.scroll_by(1 if key == pygame.K_DOWN else 4)
        elif key == pygame.K_HOME:
            self.scroll = 0
            self.app.invalidate()
        elif key == pygame.K_END:
            self.scroll = None
            self.app.invalidate()
        else:
            super().on_key(event)

    def next(self) -> None:
        self.app.go(SummaryScene)

    def default_action(self) -> None:
        if self.revealed < len(self.steps):
            self.reveal()
        else:
            self.next()

    def back(self) -> None:
        self.next()

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts, t = self.app.palette, self.app.fonts, self.t
        state = self.state
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Outcome of round {n}").format(n=played))
        box = self.r(16, 64, 700, 580)
        panel(surface, box, palette, self.u(10))
        inner = box.inflate(-self.u(28), -self.u(24))
        header = t("Step {n} of {total}").format(n=self.revealed, total=len(self.steps))
        text(surface, fonts.get(18, True), header, palette.text_dim, inner.topleft)
        area = self.story_area()
        if not self.steps:
            text_block(surface, fonts.get(18), t("Nothing changed this round."), palette.text, area)
        elif self.revealed == 0:
            hint = t("Press Space or Enter to reveal the first step.")
            text_block(surface, fonts.get(20), hint, palette.accent, area)
        else:
            self._draw_story(surface, area)
        latest = self.steps[self.revealed - 1] if self.revealed else None
        if latest is not None and latest.kind == "milestone":
            self._draw_moment(surface, latest)
        else:
            self.draw_network_panel(surface, self.r(728, 64, 536, 280), highlight=True)
        right = self.r(728, 352, 536, 292)
        panel(surface, right, palette, self.u(10))
        inner = right.inflate(-self.u(24), -self.u(16))
        progress = 1.0 if self.before is None else min(1.0, self.clock / ANIMATION_SECONDS)
        shown_state = self._tweened(progress)
        lines_panel(surface, inner, shown_state, palette, fonts, t, self.lang, before=self.before)

    def _draw_story(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        palette, fonts = self.app.palette, self.app.fonts
        rows = self._layout(area.width)
        offset = self._offset()
        latest = self.revealed - 1
        mark_font = fonts.get(18, True)
        y = area.top - offset
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for index, x, line, font, colour, height in rows:
            top = y
            y += height
            starts.setdefault(index, top)
            ends[index] = top + height
            if top < area.top or top + font.get_linesize() > area.bottom or not line:
                continue  # only whole lines show; the list scrolls
            fade = index != latest
            if isinstance(colour, tuple) and colour and colour[0] == "mark":
                _, mark, ink = colour
                text(surface, mark_font, mark, ink, (area.left + x - self.u(20), top - self.u(1)))
                colour = palette.text
            elif colour is None:
                colour = palette.text
            ink = mix(colour, palette.panel, 0.62) if fade else colour
            text(surface, font, line, ink, (area.left + x, top))
        # A bar beside each step in its tone, so a glance tells good from bad news.
        for index, top in starts.items():
            step = self.steps[index]
            colour = {"good": palette.good, "bad": palette.bad}.get(step.tone, palette.neutral)
            if index != latest:
                colour = mix(colour, palette.panel, 0.5)
            bottom = ends[index] - self.u(12)
            top, bottom = max(top, area.top), min(bottom, area.bottom)
            if bottom > top:
                pygame.draw.rect(
                    surface,
                    colour,
                    pygame.Rect(area.left, top, self.u(6), bottom - top),
                    border_radius=self.u(3),
                )
        total = y + offset - area.top
        if total > area.height:
            # Where the view is in the list: a thin bar on the right edge.
            track = pygame.Rect(area.right + self.u(6), area.top, self.u(5), area.height)
            pygame.draw.rect(
                surface, mix(palette.text, palette.panel, 0.15), track, border_radius=self.u(2)
            )
            share = area.height / total
            thumb = track.copy()
            thumb.height = max(self.u(20), round(track.height * share))
            thumb.top = track.top + round(
                (track.height - thumb.height) * offset / max(1, total - area.height)
            )
            pygame.draw.rect(surface, palette.text_dim, thumb, border_radius=self.u(2))

    def _draw_moment(self, surface: pygame.Surface, step) -> None:
        """A new phase or stage: a card over the network, big enough for the back row."""
        palette, fonts = self.app.palette, self.app.fonts
        card = self.r(728, 64, 536, 280)
        colour = palette.good if step.tone == "good" else palette.bad
        pulse = 1.0 - min(1.0, self.moment / MOMENT_SECONDS)
        pygame.draw.rect(surface, palette.background, card, border_radius=self.u(14))
        note("panel", card)
        edge = max(3, self.u(4 + round(6 * pulse)))
        pygame.draw.rect(surface, colour, card, width=edge, border_radius=self.u(14))
        inner = card.inflate(-self.u(36), -self.u(28))
        big = fonts.get(30, True)
        y = inner.top
        for line in wrap(big, step.title, inner.width):
            text(surface, big, line, colour, (inner.left, y))
            y += big.get_linesize()
        y += self.u(6)
        y += self.u(4)
        items = step.moment or step.lines
        room = inner.bottom - y
        for size in (22, 20, 18, 16, 15, 14, 13):
            font = fonts.get(size, True)
            widest = max(font.size(item.text)[0] for item in items)
            if len(items) * font.get_linesize() <= room and widest <= inner.width - self.u(28):
                break
        shown = max(1, min(len(items), room // font.get_linesize()))
        mark = fonts.get(size, True)
        for item in items[:shown]:
            ink = {"good": palette.good, "bad": palette.bad}.get(item.tone, palette.text)
            sign = "+" if item.tone == "good" else "−" if item.tone == "bad" else "•"
            text(surface, mark, sign, ink, (inner.left, y))
            text(
                surface,
                font,
                shortened(font, item.text, inner.width - self.u(28)),
                palette.text,
                (inner.left + self.u(28), y),
            )
            y += font.get_linesize()

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
        self.bottom_bar([], (caption, self.next, {}))
        self.title_button()
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
        palette, t = self.app.palette, self.t
        state = self.state
        played = state.history[-1].round if state.history else state.round
        self.top_bar(surface, t("Round {n} in numbers").format(n=played))
        grow = 1 + (self.fs - 1) * 0.5
        width = round(700 * grow)
        box = self.r(16, 64, width, 580)
        panel(surface, box, palette, self.u(10))
        self._draw_numbers(surface, box.inflate(-self.u(28), -self.u(24)))
        side = self.r(16 + width + 12, 64, 1264 - (16 + width + 12), 580)
        panel(surface, side, palette, self.u(10))
        self._draw_next(surface, side.inflate(-self.u(28), -self.u(24)))

    def _draw_numbers(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """Each indicator now, its change this round and its words; then phase and stage."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        previous = self.controller.previous
        bold, body, small = fonts.get(18, True), fonts.get(18), fonts.get(16)
        names = {ind: label(ind, lang).capitalize() for ind in Indicator}
        gap = self.u(18)
        name_w = max(
            max(body.size(n)[0] for n in names.values()),
            body.size(t("Growth phase"))[0],
            body.size(t("Competence"))[0],
            bold.size(t("Indicator"))[0],
        )
        now_x = inner.left + name_w + gap
        now_w = max(bold.size("100")[0], bold.size(t("now"))[0])
        change_x = now_x + now_w + gap
        change_w = max(bold.size("+10")[0], bold.size(t("change"))[0])
        word_x = change_x + change_w + gap
        word_w = inner.right - word_x
        text(surface, bold, t("Indicator"), palette.text_dim, inner.topleft)
        text(surface, bold, t("now"), palette.text_dim, (now_x, inner.top))
        text(surface, bold, t("change"), palette.text_dim, (change_x, inner.top))
        y = inner.top + bold.get_linesize() + self.u(6)
        for ind in Indicator:
            now = state.indicators[ind]
            delta = now - previous.indicators[ind] if previous is not None else 0.0
            text(surface, body, names[ind], palette.text, (inner.left, y))
            text(surface, bold, f"{now:.0f}", palette.text, (now_x, y))
            colour = (
                palette.good if delta >= 0.5 else palette.bad if delta <= -0.5 else palette.neutral
            )
            text(surface, bold, signed_number(delta, lang), colour, (change_x, y))
            used = text_block(
                surface,
                small,
                indicator_word(ind, now, t),
                palette.text_dim,
                pygame.Rect(word_x, y + self.u(2), word_w, 3 * small.get_linesize()),
                line_gap=1.0,
            )
            y += max(body.get_linesize(), used + self.u(2)) + self.u(6)
        y += self.u(12)
        for name, level, term, before in (
            (
                t("Growth phase"),
                state.phase.level,
                state.phase,
                previous.phase if previous else None,
            ),
            (t("Competence"), state.stage.level, state.stage, previous.stage if previous else None),
        ):
            text(surface, body, name, palette.text_dim, (inner.left, y))
            changed = before is not None and before != term
            colour = palette.accent if changed else palette.text
            shown = f"{level} · {label(term, lang)}" + ("  " + t("(new)") if changed else "")
            used = text_block(
                surface,
                bold,
                shown,
                colour,
                pygame.Rect(now_x, y, inner.right - now_x, 2 * bold.get_linesize()),
                line_gap=1.0,
            )
            y += max(body.get_linesize(), used) + self.u(8)

    def _draw_next(self, surface: pygame.Surface, inner: pygame.Rect) -> None:
        """The score so far, and what stands between the team and the next phase."""
        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        state = self.state
        bold, body = fonts.get(18, True), fonts.get(18)
        card = score(state)
        big = fonts.get(34, True)
        number = text(surface, big, f"{card.total}", palette.accent, inner.topright, "topright")
        text(
            surface,
            bold,
            shortened(bold, t("Score so far"), number.left - inner.left - self.u(8)),
            palette.text_dim,
            (inner.left, number.centery),
            "midleft",
        )
        y = number.bottom + self.u(10)
        scenario = self.controller.scenario
        assert scenario is not None

        def block(message: str, font, colour) -> int:
            lines = len(wrap(font, message, inner.width))
            area = pygame.Rect(
                inner.left, y, inner.width, lines * round(font.get_linesize() * 1.15) + 2
            )
            return text_block(surface, font, message, colour, area)

        if state.phase.level >= 4:
            heading = t("{Org} works together: the highest phase.").format(Org=self.words.Org)
            block(heading, bold, palette.good)
            return
        y += block(t("What stands between you and the next phase"), bold, palette.text) + self.u(6)
        gaps = next_phase_gaps(state, scenario)
        if not gaps:
            block(
                t("Nothing: the phase moves up when the next round confirms it."),
                body,
                palette.good,
            )
            return
        # Measured: a long list steps down a size or two rather than running off the panel.
        lines = ["• " + _gap_text(gap, t, lang) for gap in gaps[:6]]
        for size in (18, 17, 16, 15):
            body = fonts.get(size)
            if self._fits(body, lines, inner.width, inner.bottom - y, self.u(4)):
                break
        for line in lines:
            if y + block_height(body, len(wrap(body, line, inner.width))) > inner.bottom + 2:
                break  # only whole requirements show
            y += block(line, body, palette.text) + self.u(4)

    @staticmethod
    def _fits(font, messages: list[str], width: int, room: int, gap: int) -> bool:
        """Whether ``messages``, wrapped one under another, fit ``room`` pixels."""
        step = round(font.get_linesize() * 1.15)
        used = 0
        for message in messages:
            lines = len(wrap(font, message, width))
            if used + block_height(font, lines) > room + 2:
                return False
            used += lines * step + gap
        return True


def _shown_progress(value: float, needed: float, lang) -> tuple[str, str]:
    """Where the team stands against a threshold, never rounded up to look reached: 61.7 of
    62 reads "61,7 of 62", not "62 of 62"."""
    needed_shown = number(needed, lang, 0 if float(needed).is_integer() else 1)
    if value < needed and round(value) >= round(needed):
        return number(math.floor(value * 10) / 10, lang, 1), needed_shown
    return number(math.floor(value) if value < needed else round(value), lang), needed_shown


def _gap_text(gap, t, lang) -> str:
    """One requirement of the next phase, in words, with where the team stands now.

    Interaction and the track record are a relation's own: the line names the relation.
    """
    requirement, value = gap.requirement, gap.value
    now, needed = _shown_progress(value, requirement.value, lang)
    if gap.relation is not None:
        who = label(gap.relation, lang).capitalize()
        if requirement.kind == "fit_record":
            return t("{who}: roles that fit (track record) {now} of {needed}").format(
                who=who, now=now, needed=needed
            )
        return t("{who}: interaction {now} of {needed}").format(who=who, now=now, needed=needed)
    if requirement.kind == "indicator" and requirement.indicator is not None:
        return t("{what}: {now} of {needed}").format(
            what=label(requirement.indicator, lang).capitalize(), now=now, needed=needed
        )
    if requirement.kind == "stage" and requirement.stage is not None:
        return t("Competence: the organisation must be {stage}").format(
            stage=label(requirement.stage, lang)
        )
    return t("Roles played well: {now} of {needed}").format(now=now, needed=needed)
