"""The facilitator's panel (F9) over a round in progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.sim.interventions import InterventionKind
from game.ui.look import fit_text_block, fold, text
from game.ui.scene import Host, Scene
from game.ui.scenes.workshop.over import OverScene
from game.ui.scenes.workshop.play_ahead import can_play_ahead

if TYPE_CHECKING:
    pass


TIMER_CHOICES = (3, 5, 10)  # minutes


def open_facilitator(app: Host) -> None:
    """F9: the panel over the current round scene (after the PIN, when one is set and was not
    given yet in this session)."""
    scene = app.scene
    if app.controller.state is None or scene is None or not scene.offers_facilitator:
        return
    if app.controller.read_only:
        return  # a window that only looks changes nothing in the game
    pin = app.settings.facilitator_pin
    if pin and not app.pin_guard.knows(pin):  # asked once per session
        app.go(app.scenes.pin(app, scene))
    else:
        app.go(app.scenes.facilitator(app, scene))


class FacilitatorScene(OverScene):
    """The trainer's controls over a round in progress; everything it does is recorded."""

    name = "facilitator"
    offers_help = False

    def __init__(self, app: Host, over: Scene, message: str = "") -> None:
        super().__init__(app)
        self.over = over
        self.message = message
        self.armed: str | None = None

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    @property
    def playing(self) -> bool:
        state = self.controller.state
        return state is not None and not state.finished

    def build(self) -> None:
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        heading = self.heading(t("Facilitator"), left, self.r(0, 20, 0, 0).top, right)
        # The team and round beside the heading, or under it when they do not fit beside it
        # (the round timer, when it runs, is drawn in the middle of the top).
        where_font = fonts.get(20)
        beside = heading.right + u(24)
        if self.app.timer.visible:
            beside = max(beside, self.app.timer.box(self.app).right + u(12))
        y = heading.bottom + u(10)
        if where_font.size(self._where())[0] <= right - beside:
            self.where_at: tuple[int, int, str] = (right, heading.centery, "midright")
        else:
            self.where_at = (left, heading.bottom, "topleft")
            y += where_font.get_linesize()
        y = self._place_groups(self._groups(), left, right - left, y)
        self.area_top = y + u(8)
        back = t("Back to the game (Esc)")
        back_h = max(u(58), self._button_height("@big_button"))
        back_top = min(self.r(0, 640, 0, 0).top, self.r(0, 706, 0, 0).top - back_h)
        self.area_bottom = back_top - u(8)
        back_w = self.fitted(back, "@big_button", 420)
        self.button(
            pygame.Rect(left, back_top, back_w, back_h), back, self.back, kind="@big_button"
        )
        if self._focus is None:
            self.move_focus(1)

    def _groups(self) -> tuple[tuple[str, list[tuple[str, str, Callable[[], None], bool]]], ...]:
        """Each group: its heading and its buttons (caption, other caption it can show, action,
        enabled); the other caption is measured too, so arming a button moves nothing."""
        t = self.t
        over = self.over
        can_reveal = getattr(over, "revealed", None) is not None and over.revealed < len(
            getattr(over, "entries", ())
        )
        sure = t("Sure? Press again")
        return (
            (
                t("The room"),
                [
                    (t("Pause: discuss"), "", self.pause, self.playing),
                    (t("Reveal the next effect"), "", self.reveal_one, can_reveal),
                    (t("Reveal every effect"), "", self.reveal_all, can_reveal),
                ],
            ),
            (
                t("Round timer"),
                [
                    (t("{n} minutes").format(n=minutes), "", lambda m=minutes: self.timer(m), True)
                    for minutes in TIMER_CHOICES
                ]
                + [(t("Stop the timer"), "", self.stop_timer, self.app.timer.visible)],
            ),
            (
                t("The game"),
                [
                    (t("Bring in news…"), "", self.inject, self.playing),
                    (
                        sure if self.armed == "skip" else t("Skip to the next round"),
                        sure,
                        self.skip,
                        self.playing,
                    ),
                    (
                        sure if self.armed == "end" else t("End the game now"),
                        sure,
                        self.end,
                        self.playing,
                    ),
                    (t("Write the results now"), "", self.results, True),
                    (t("Play ahead to round…"), "", self.play_ahead, can_play_ahead(self.app)),
                ],
            ),
        )

    def _place_groups(self, groups, left: int, width: int, y: int) -> int:
        """The groups' buttons from ``y`` down: three columns side by side when every label
        fits one, else (large type) one group under the other, as many buttons a row as fit.
        Returns where they end."""
        u, fonts = self.u, self.app.fonts

        def widest(buttons) -> int:
            return max(self.needed(c) for b in buttons for c in b[:2] if c)

        gap, label_h = u(10), fonts.get(18).get_linesize()
        column_w = (width - 2 * gap) // 3
        columns = max(widest(buttons) for _, buttons in groups) <= column_w
        height = max(u(56) if columns else u(46), self._button_height(None))
        if columns:
            bottom = y
            for i, (name, buttons) in enumerate(groups):
                x = left + i * (column_w + gap)
                self.label(pygame.Rect(x, y, column_w, label_h), name, "#dim", grow=False)
                top = y + label_h + u(4)
                for caption, _, action, enabled in buttons:
                    self.button(
                        pygame.Rect(x, top, column_w, height), caption, action, enabled=enabled
                    )
                    top += height + u(12)
                bottom = max(bottom, top)
            return bottom
        for name, buttons in groups:
            self.label(pygame.Rect(left, y, width, label_h), name, "#dim", grow=False)
            y += label_h + u(4)
            per_row = max(1, min(len(buttons), (width + gap) // (widest(buttons) + gap)))
            button_w = (width - (per_row - 1) * gap) // per_row
            for i, (caption, _, action, enabled) in enumerate(buttons):
                x = left + (i % per_row) * (button_w + gap)
                top = y + (i // per_row) * (height + gap)
                rect = pygame.Rect(x, top, button_w, height)
                self.button(rect, caption, action, enabled=enabled)
            y += -(-len(buttons) // per_row) * (height + gap) + u(4)
        return y

    def _where(self) -> str:
        """The team, the round and the seed, for the top right."""
        state, scenario = self.controller.state, self.controller.scenario
        if state is None or scenario is None:
            return ""
        t = self.t
        where = t("{team} · round {n} of {total}").format(
            team=self.controller.team, n=min(state.round, scenario.rounds), total=scenario.rounds
        )
        if state.finished:
            where += " · " + t("the game is over")
        # The seed, so the facilitator can note it and play the same news again (--seed).
        return where + " · " + t("seed {seed}").format(seed=state.seed)

    # -- the room --

    def pause(self) -> None:
        self.controller.note(InterventionKind.PAUSE)
        self.app.go(self.app.scenes.discuss(self.app, self.over))

    def reveal_one(self) -> None:
        self._reveal("one", "reveal")

    def reveal_all(self) -> None:
        self._reveal("all", "reveal_all")

    def _reveal(self, subject: str, method: str) -> None:
        action = getattr(self.over, method, None)
        if action is None:
            return
        self.controller.note(InterventionKind.REVEAL, subject)
        action()
        self.back_to_over()

    def timer(self, minutes: int) -> None:
        self.app.timer.start(minutes * 60)
        self.controller.note(InterventionKind.TIMER, str(minutes * 60))
        self.back_to_over()

    def stop_timer(self) -> None:
        self.app.timer.stop()
        self.controller.note(InterventionKind.TIMER, "stop")
        self.rebuild()

    # -- the game --

    def inject(self) -> None:
        self.app.go(self.app.scenes.inject(self.app, self.over))

    def play_ahead(self) -> None:
        self.app.go(self.app.scenes.play_ahead(self.app, self.over))

    def skip(self) -> None:
        if not self.pressed_twice("skip"):
            return

        self.controller.skip()
        self.app.go(self.app.scenes.outcome)

    def end(self) -> None:
        if not self.pressed_twice("end"):
            return
        self.app.timer.stop()
        self.controller.end_early()
        if self.controller.hot_seat:
            self.app.go(self.app.scenes.workshop_end)
        else:
            self.app.go(self.app.scenes.debrief)

    def results(self) -> None:
        written = self.controller.write_results()
        t = self.t
        if written is not None:
            self.message = t("Results written: {path}").format(path=written)
        elif self.controller.results_error is not None:
            self.message = t("The results could not be written: {reason}").format(
                reason=_reason(self.controller.results_error, self.lang)
            )
        else:
            self.message = t("This window keeps no results.")
        self.rebuild()

    def back(self) -> None:
        self.back_to_over()

    def draw(self, surface: pygame.Surface) -> None:
        t, palette, fonts = self.t, self.app.palette, self.app.fonts
        where = self._where()
        if where:
            x, y, anchor = self.where_at
            text(surface, fonts.get(20), where, palette.text_dim, (x, y), anchor)
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        area = pygame.Rect(left, self.area_top, right - left, self.area_bottom - self.area_top)
        # What the last step did, or else what every step here does. (A running timer shows
        # at the top, as over the round.)
        if self.message:
            message = fold(fonts.get(18), self.message, area.width)
            fit_text_block(surface, fonts, message, palette.text, area, (18, 16, 14))
        else:
            hint = t("Everything done here is recorded in the save and the results.")
            fit_text_block(surface, fonts, hint, palette.text_dim, area, (16, 14))


def _reason(error: Exception, lang: str) -> str:
    explain = getattr(error, "explain", None)
    return explain(lang) if callable(explain) else str(error)
