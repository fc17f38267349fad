"""What every screen of a round shares: the top bar, the bottom bar, the network panel and the
way back to the title."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.domain import MunicipalRole
from game.labels import OrgWords, label, org_words
from game.sim import GameState
from game.ui.dashboard import (
    panel,
)
from game.ui.look import (
    shortened,
    text,
)
from game.ui.network import draw_network
from game.ui.network_layout import Network, build_network
from game.ui.scene import Scene


class RoundScene(Scene):
    """Shared by the round's scenes: the top bar, F1 help and F2 settings."""

    offers_facilitator = True

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

        self.controller.save_plan()
        self.app.go(self.app.scenes.title)

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
        organisation = scenario.organisation.name.get(self.lang)
        team = self.controller.team
        if team:
            # "Team Rood" needs no second "team" in front of it.
            prefix = "" if team.casefold().startswith(t("team").casefold()) else t("team") + " "
            team = prefix + team
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
            room = slot.left - self.u(12) - left
            step_left = slot.right + self.u(12)
            if team and font.size(team)[0] > room:
                # The team right of the timer, in the step's place: whose turn it is matters more.
                name, step, step_font = shortened(font, organisation, room), team, font
            else:
                name = self._name_and_team(font, organisation, team, room)
        else:
            whole = font.size(f"{organisation} · {team}" if team else organisation)[0]
            if whole > step_left - self.u(16) - left:
                # The step (a word or two) moves right so the name stays whole, as far as the
                # step itself still fits before the round counter.
                furthest = right.left - self.u(12) - step_w
                step_left = max(step_left, min(left + whole + self.u(16), furthest))
            if team and font.size(team)[0] > step_left - self.u(16) - left:
                # The team's whole name before the step, which is shortened instead.
                step_left = min(left + font.size(team)[0] + self.u(16), right.left - self.u(60))
            name = self._name_and_team(font, organisation, team, step_left - self.u(16) - left)
        text(surface, font, name, palette.text, (left, self.r(0, 26, 0, 0).top), "midleft")
        step = shortened(step_font, step, right.left - self.u(12) - step_left)
        text(surface, step_font, step, palette.text_dim, (step_left, right.centery), "midleft")

    def _name_and_team(
        self, font: pygame.font.Font, organisation: str, team: str, width: int
    ) -> str:
        """The organisation and the team in ``width``; the team's name goes first when both do
        not fit (issue 19: at 140% the bar was cut before the team, and hot-seat teams could not
        tell whose turn it was): the organisation is shortened, or left out, before the team."""
        if not team:
            return shortened(font, organisation, width)
        whole = f"{organisation} · {team}"
        if font.size(whole)[0] <= width:
            return whole
        room = width - font.size(f" · {team}")[0]
        if room >= font.size("Wxyz…")[0]:
            return shortened(font, organisation, room) + f" · {team}"
        return shortened(font, team, width)

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
