"""The window's side of a networked workshop: a team's laptop in step with the host, and the host.

``TeamRoom`` is what a team's window has while it plays in a hosted workshop. Each frame (``poll``)
it brings in what the host sent (news for this round, a skip, the end, the timer), and sends the
team's results whenever its game changed. Scenes ask ``room_gate`` before the next round and
before an outcome: while the host has not opened the round (or not revealed the outcome, or has
paused the room), the team waits on the wait screen. A team whose host is gone can play on alone
(``play_alone``); its results file is then handed in as without a network.

``HostRoom`` is the facilitator's laptop: the server, the workshop's bookkeeping and the
announcement, kept until the host stops.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.net import DEFAULT_PORT

if TYPE_CHECKING:
    from game.net.discovery import Announcement
    from game.net.link import TeamLink
    from game.net.server import HostServer
    from game.net.workshop import Workshop
    from game.ui.controller import GameController

# The scenes a team decides in: news that comes in there sends the team back to the briefing.
DECIDING = ("briefing", "decision", "development")
# The scenes of a round: a pause from the host covers them (the wait screen, then back).
ROUND_SCENES = (*DECIDING, "outcome", "summary")


@dataclass(frozen=True, slots=True)
class RoomPlan:
    """Where this window hosts a workshop, and whether it announces it and looks for others.
    The default (tests, the tour) stays on this laptop: 127.0.0.1, any free port, no
    announcement and no looking, so nothing ever leaves the machine."""

    address: str = "127.0.0.1"
    port: int = 0
    discovery: bool = False
    code: str | None = None

    @classmethod
    def open(cls) -> RoomPlan:
        """A real workshop: every network of this laptop, the usual port, found by teams."""
        return cls("0.0.0.0", DEFAULT_PORT, True)


class TeamRoom:
    """A team's window in a hosted workshop."""

    def __init__(self, link: TeamLink, address: str) -> None:
        self.link = link
        self.address = address  # as typed or found, for the wait screen
        self.alone = False
        self._sent: tuple | None = None

    @property
    def pace(self):
        return self.link.pace

    def waiting_for(self, controller: GameController) -> str | None:
        """What the team waits for now: "paused", "reveal", "open", or None (it may go on)."""
        state = controller.state
        if self.alone or state is None:
            return None
        pace = self.pace
        if pace.ended:
            return None
        if pace.paused:
            return "paused"
        decided = state.history[-1].round if state.history else 0
        if decided > pace.revealed:
            return "reveal"
        if not state.finished and state.round > pace.opened:
            return "open"
        if not state.finished and self.news_waiting(controller):
            return "open"  # the round's news first: it is taken in before the team decides
        return None

    def news_waiting(self, controller: GameController) -> list[str]:
        """The news the host sent for this team's round that its game has not taken in yet."""
        from game.sim.facilitator import had_news

        state, scenario = controller.state, controller.scenario
        if state is None or scenario is None:
            return []
        events = {e.id for e in scenario.events}
        return [
            event
            for round_, event in self.pace.news_for(state.round)
            if event in events and not had_news(state, event, round_)
        ]

    def play_alone(self) -> None:
        """The host is gone: this team plays on by itself (and hands in its results file)."""
        self.alone = True
        self.link.close()

    def pending(self) -> bool:
        """Whether the host sent something the window has not looked at yet."""
        return not self.link.inbox.empty()

    def poll(self, app) -> None:
        """Take in what the host sent; send the results when the game changed."""
        from game.net.messages import Timer

        while not self.link.inbox.empty():
            message = self.link.inbox.get_nowait()
            if isinstance(message, Timer) and not self.alone:
                if message.seconds:
                    app.timer.start(message.seconds)
                else:
                    app.timer.stop()
            app.invalidate()
        if self.alone:
            return
        self._follow(app)
        self._send(app.controller)

    def _follow(self, app) -> None:
        """News for this round, a skip, or the end, as the host said."""
        controller, pace = app.controller, self.pace
        state = controller.state
        if state is None or state.finished or controller.scenario is None:
            return
        scene = app.scene.name if app.scene is not None else ""
        if pace.paused and scene in ROUND_SCENES:
            app.go(app.scenes.room_wait(app, app.scene))  # back to it when the pause ends
            return
        if pace.ended:
            app.timer.stop()
            controller.end_early()
            app.go(app.scenes.debrief)
            return
        for event in self.news_waiting(controller):
            # controller.inject never brings the same event twice (it asks had_news too).
            controller.inject(event, every_team=False)
            if scene in DECIDING:
                app.go(app.scenes.briefing)  # the news is read before deciding on
        decided = state.history[-1].round if state.history else 0
        if state.round in pace.skips and decided < state.round and state.round <= pace.opened:
            controller.skip()
            app.go(app.scenes.room_wait)

    def _send(self, controller: GameController) -> None:
        """The results so far to the host, whenever the game moved on (a round, news, the end)."""
        from game.net.messages import Ready
        from game.results import build_results

        state, scenario = controller.state, controller.scenario
        if state is None or scenario is None:
            return
        key = (state.round, len(state.history), len(state.interventions), state.finished)
        if key == self._sent:
            return
        self._sent = key
        document = build_results(
            state, scenario, controller.team, controller.game_id, controller.length
        )
        decided = state.history[-1].round if state.history else 0
        self.link.send_ready(
            Ready(
                round=min(decided, 99),
                finished=state.finished,
                results=json.dumps(document, ensure_ascii=False),
            )
        )

    def close(self) -> None:
        self.link.close()


class HostRoom:
    """The facilitator's laptop while it hosts a workshop."""

    def __init__(
        self,
        workshop: Workshop,
        server: HostServer,
        address: str,
        announcement: Announcement | None = None,
    ) -> None:
        self.workshop = workshop
        self.server = server
        self.address = address  # shown on the projector with the port and the code
        self.announcement = announcement
        self._seen: tuple | None = None

    def act(self, outgoing) -> None:
        """Send what a step of the workshop returned."""
        self.server.send(outgoing)

    def snapshot(self) -> tuple:
        workshop = self.workshop
        with workshop.lock:
            teams = tuple(
                (t.name, t.connected, t.decided, t.finished, t.revealed)
                for t in workshop.teams.values()
            )
            return (teams, workshop.opened, len(workshop.refusals), workshop.paused)

    def pending(self) -> bool:
        return self.snapshot() != self._seen

    def poll(self, app) -> None:
        """Draw the host's screen again when a team joined, left or got ready."""
        now = self.snapshot()
        if now != self._seen:
            self._seen = now
            scene = app.scene
            if scene is not None and getattr(scene, "follows_room", False):
                scene.rebuild()
                moved = getattr(scene, "room_moved", None)
                if moved is not None:
                    moved()
            app.invalidate()

    def close(self) -> None:
        self.server.stop()
        if self.announcement is not None:
            self.announcement.stop()


def hosted(app) -> HostRoom | None:
    """The workshop this window hosts, if it hosts one."""
    room = getattr(app, "room", None)
    return room if isinstance(room, HostRoom) else None


def joined(app) -> TeamRoom | None:
    """The workshop this window plays in as a team, if it joined one."""
    room = getattr(app, "room", None)
    return room if isinstance(room, TeamRoom) else None


def room_gate(app) -> bool:
    """Send a team that must wait for the host to the wait screen; True when it went there."""
    room = joined(app)
    if room is None or room.waiting_for(app.controller) is None:
        return False
    app.go(app.scenes.room_wait)
    return True
