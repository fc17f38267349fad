"""A team waits for the facilitator: to open the round, to reveal the outcome, or in a pause."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.look import fit_text_block, text
from game.ui.room import TeamRoom, joined
from game.ui.scene import Host, Scene

# After this long without the host, the team may play on alone.
ALONE_AFTER_SECONDS = 20.0


class WaitScene(Scene):
    """Waiting for the host; goes on by itself as soon as the host allows it.

    ``over``: the scene a pause interrupted, to go back to (as it was) when the pause ends.
    """

    name = "room_wait"
    offers_help = False

    def __init__(self, app: Host, over: Scene | None = None) -> None:
        super().__init__(app)
        self.over = over
        self.then = "briefing"
        self.shown: tuple | None = None

    @property
    def room(self) -> TeamRoom | None:
        return joined(self.app)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def _now(self) -> tuple:
        room = self.room
        if room is None:
            return (None, "closed", False)
        reason = room.waiting_for(self.controller)
        lost = room.link.status != "connected" and room.link.lost_for() > ALONE_AFTER_SECONDS
        return (reason, room.link.status, lost)

    def build(self) -> None:
        t = self.t
        self.shown = self._now()
        reason, _, lost = self.shown
        if reason in ("reveal", "open"):
            self.then = "outcome" if reason == "reveal" else "briefing"
        height = max(self.u(56), self._button_height("@big_button"))
        top = self.r(0, 706, 0, 0).top - height - self.u(10)
        left = self.r(60, 0, 0, 0).left
        if lost:
            caption = t("Play on alone")
            width = self.fitted(caption, "@big_button", 360)
            self.button(
                pygame.Rect(left, top, width, height), caption, self.alone, kind="@big_button"
            )
            left += width + self.u(12)
        caption = t("Title screen")
        width = self.fitted(caption, None, 240)
        self.button(pygame.Rect(left, top, width, height), caption, self.to_title)
        # No focus: Enter while waiting must not leave the workshop for the title screen.

    def update(self, dt: float) -> None:
        now = self._now()
        reason = now[0]
        # The wait is over when what it waited for came: a pause gives back the scene it
        # covered; a revealed outcome is shown (even while the next round is not open yet).
        if self.over is not None:
            done = reason != "paused"
        elif self.then == "outcome":
            done = reason not in ("reveal", "paused")
        else:
            done = reason is None
        if done:
            self.go_on()
        elif now != self.shown:
            self.rebuild()

    def go_on(self) -> None:
        """The host allows the team on: back to what the pause interrupted, or the next step."""
        state = self.controller.state
        if self.over is not None:
            scene = self.over
            scene.resuming = True
            self.app.go(lambda: scene)
        elif state is not None and state.finished and self.then != "outcome":
            self.app.go(self.app.scenes.debrief)
        else:
            self.app.go(getattr(self.app.scenes, self.then))

    def alone(self) -> None:
        room = self.room
        if room is not None:
            room.play_alone()
        self.go_on()

    def to_title(self) -> None:
        self.app.go(self.app.scenes.title)

    def back(self) -> None:
        """Escape does nothing here: the team waits for the room (the title is a button)."""

    def draw(self, surface: pygame.Surface) -> None:
        t, fonts, palette = self.t, self.app.fonts, self.app.palette
        state, scenario = self.controller.state, self.controller.scenario
        reason, status, _ = self.shown or self._now()
        room = self.room
        area = self.r(60, 40, 1160, 0)
        team = self.controller.team
        if state is not None and scenario is not None:
            decided = state.history[-1].round if state.history else 0
            shown = decided if reason == "reveal" or state.finished else state.round
            where = t("{team} · round {n} of {total}").format(
                team=team, n=min(shown, scenario.rounds), total=scenario.rounds
            )
            text(surface, fonts.get(22), where, palette.text_dim, (area.left, area.top))
        headings = {
            "paused": t("Pause: the facilitator has the floor"),
            "reveal": t("Your choices are in"),
            "open": t("Waiting for the next round"),
        }
        bodies = {
            "paused": t("The game goes on when the facilitator ends the pause."),
            "reveal": t(
                "The facilitator shows the outcome when every team is ready. Meanwhile: what "
                "do you expect, and why?"
            ),
            "open": t(
                "The facilitator opens round {n} when every team is ready. Look back at the "
                "last round together: what worked, what would you do differently?"
            ).format(n=state.round if state is not None else 1),
        }
        if state is None or not state.history:  # nothing to look back on before round 1
            bodies["open"] = t(
                "The facilitator opens round 1 when every team is here. Meanwhile, agree who "
                "reads the cards aloud and who keeps an eye on the time."
            )
        top = area.top + fonts.get(22).get_linesize() + self.u(24)
        box = pygame.Rect(area.left, top, area.width, self.r(0, 560, 0, 0).top - top)
        heading = headings.get(reason or "", "")
        if heading:
            used = fit_text_block(surface, fonts, heading, palette.accent, box, (44, 36, 30), True)
            box.top += used + self.u(20)
            box.height = max(0, box.height - used - self.u(20))
        body = bodies.get(reason or "", "")
        fit_text_block(surface, fonts, body, palette.text, box, (28, 24, 20, 18))
        if room is not None:
            if status == "connected":
                line = t("Connected to the facilitator's laptop ({address}).")
            else:
                line = t(
                    "The facilitator's laptop ({address}) cannot be reached; trying again. If "
                    "it stays away, play on alone and hand in your results file."
                )
            status_box = self.r(60, 570, 1160, 60)
            fit_text_block(
                surface,
                fonts,
                line.format(address=room.address),
                palette.text_dim,
                status_box,
                (18, 16, 14),
            )
