"""The facilitator's laptop while it hosts: join code and address for the projector, who is
still deciding and who is ready, and the steps that act on every team at once."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.dashboard import panel
from game.ui.look import fit_text_block, shortened, text, wrap
from game.ui.room import HostRoom, hosted
from game.ui.scene import Host, Scene

TIMER_MINUTES = (5, 10)


class HostScene(Scene):
    """The host's screen: the room at a glance, and the round's steps."""

    name = "host"
    follows_room = True  # built again when a team joins, leaves or gets ready
    offers_help = False

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.armed = ""

    @property
    def room(self) -> HostRoom | None:
        return hosted(self.app)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    # --- layout ------------------------------------------------------------------------------

    def build(self) -> None:
        room = self.room
        if room is None:
            return
        t, u = self.t, self.u
        self.split = self.r(470, 0, 0, 0).left
        left, right = self.split + u(20), self.r(1220, 0, 0, 0).left
        height = max(u(50), self._button_height(None))
        y = self.band().bottom + u(16)
        self.list_top = y
        workshop = room.workshop
        opened, rounds = workshop.opened, workshop.rounds
        waiting = [t for t in workshop.teams.values() if t.decided > t.revealed]
        sure = t("Sure? Press again")
        rows: list[tuple[str, list[tuple[str, Callable[[], None], bool]]]] = [
            (
                t("Round"),
                [
                    (
                        t("Not everyone is ready: press again")
                        if self.armed == "open"
                        else t("Open round {n}").format(n=opened + 1),
                        self.open_round,
                        bool(workshop.teams) and opened < rounds and not workshop.ended,
                    )
                ],
            ),
            (
                t("Outcomes"),
                [
                    (t("Show all"), self.reveal_all, bool(waiting)),
                    (t("Next team"), self.reveal_next, bool(waiting)),
                ],
            ),
            (
                t("The room"),
                [
                    (t("News…"), self.news, opened > 0 and not workshop.ended),
                    (t("End the pause") if workshop.paused else t("Pause"), self.pause, True),
                ],
            ),
            (
                t("Round timer"),
                [(t("{n} min").format(n=m), lambda m=m: self.timer(m), True) for m in TIMER_MINUTES]
                + [(t("Stop"), self.stop_timer, self.app.timer.visible)],
            ),
            (
                t("The game"),
                [
                    (sure if self.armed == "skip" else t("Skip round"), self.skip, opened > 0),
                    (sure if self.armed == "end" else t("End game"), self.end, not workshop.ended),
                ],
            ),
        ]
        # Each row: its name on the left, its buttons beside it (a projector's type stays large).
        font = self.app.fonts.get(18)
        name_w = min((right - left) * 2 // 5, max(font.size(name)[0] for name, _ in rows) + u(12))
        for name, buttons in rows:
            self.label(pygame.Rect(left, y, name_w, height), name, "#dim", grow=False)
            x = left + name_w
            width = (right - x - (len(buttons) - 1) * u(10)) // len(buttons)
            for i, (caption, action, enabled) in enumerate(buttons):
                rect = pygame.Rect(x + i * (width + u(10)), y, width, height)
                button = self.button(rect, caption, action, enabled=enabled)
                if action == self.open_round:
                    self.open_button = button
            y += height + u(10)
        big = max(u(56), self._button_height(None))
        bottom = self.r(0, 706, 0, 0).top - big - u(4)
        self.list_bottom = bottom - u(10)
        caption = t("Teams side by side")
        width = self.fitted(caption, None, 300)
        self.button(
            pygame.Rect(self.r(60, 0, 0, 0).left, bottom, width, big), caption, self.compare
        )
        caption = sure if self.armed == "stop" else t("Stop hosting")
        width = self.fitted(caption, None, 260)
        self.button(pygame.Rect(right - width, bottom, width, big), caption, self.stop)
        if self._focus is None:
            self.move_focus(1)

    def room_moved(self) -> None:
        """The room moved on (a team joined or got ready): once the next round can open for
        every team, it has the focus, so Enter opens it."""
        room, button = self.room, getattr(self, "open_button", None)
        if room is None or button is None or not button.is_enabled:
            return
        if not room.workshop.opened or room.workshop.everyone_decided():
            self._focus_on(button)

    # --- steps ---------------------------------------------------------------------------------

    def _act(self, outgoing) -> None:
        room = self.room
        if room is not None:
            room.act(outgoing)
        self.armed = ""
        self.rebuild()

    def open_round(self) -> None:
        """Open the next round; while a team is still deciding, only on a second press (that
        team then finishes its round and goes straight on to the next, with less time)."""
        workshop = self.room.workshop
        if workshop.opened and not workshop.everyone_decided() and not self.pressed_twice("open"):
            return
        self.app.timer.stop()
        self._act(self.room.workshop.open_next())

    def reveal_all(self) -> None:
        self._act(self.room.workshop.reveal())

    def reveal_next(self) -> None:
        workshop = self.room.workshop
        following = next((t.name for t in workshop.teams.values() if t.decided > t.revealed), None)
        self._act(workshop.reveal(following) if following else [])

    def news(self) -> None:
        self.app.go(self.app.scenes.host_news)

    def pause(self) -> None:
        workshop = self.room.workshop
        self._act(workshop.pause(not workshop.paused))

    def timer(self, minutes: int) -> None:
        self.app.timer.start(minutes * 60)
        self._act(self.room.workshop.set_timer(minutes * 60))

    def stop_timer(self) -> None:
        self.app.timer.stop()
        self._act(self.room.workshop.set_timer(0))

    def skip(self) -> None:
        if not self.pressed_twice("skip"):
            return
        self._act(self.room.workshop.skip())

    def end(self) -> None:
        if not self.pressed_twice("end"):
            return
        self.app.timer.stop()
        self._act(self.room.workshop.end())

    def compare(self) -> None:
        folder = self.room.workshop.results_dir
        self.app.go(self.app.scenes.compare, None, self.app.scenes.host, str(folder))

    def stop(self) -> None:
        if not self.pressed_twice("stop"):
            return
        self.app.close_room()
        self.app.go(self.app.scenes.title)

    def back(self) -> None:
        """Escape keeps the room open (stopping is a button, asked twice)."""
        self.armed = ""
        self.rebuild()

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        room = self.room
        if room is None:
            return
        t, fonts, palette, u = self.t, self.app.fonts, self.app.palette, self.u
        workshop = room.workshop
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        top = self.r(0, 14, 0, 0).top
        scenario = getattr(room, "scenario", None)
        title = scenario.title.get(self.lang) if scenario is not None else workshop.info.scenario_id
        if workshop.opened:
            where = t("{title} · round {n} of {total} · seed {seed}").format(
                title=title, n=workshop.opened, total=workshop.rounds, seed=workshop.info.seed
            )
        else:
            where = t("{title} · {total} rounds, not begun · seed {seed}").format(
                title=title, total=workshop.rounds, seed=workshop.info.seed
            )
        small = fonts.get(18)
        text(surface, small, shortened(small, where, right - left), palette.text_dim, (left, top))
        top += small.get_linesize() + u(4)
        band = self.band()
        panel(surface, band, palette, u(10))
        inner = band.inflate(-u(28), -u(12))
        label_font, value_font = fonts.get(20), fonts.get(52, True)
        half = inner.width // 2
        for i, (name, value) in enumerate(
            ((t("Join code"), workshop.code), (t("Address"), room.address))
        ):
            x = inner.left + i * half
            text(surface, label_font, name, palette.text_dim, (x, inner.top))
            font = value_font if value_font.size(value)[0] <= half - u(12) else fonts.get(36, True)
            y = inner.top + label_font.get_linesize()
            text(surface, font, value, palette.accent if i == 0 else palette.text, (x, y))
        teams = pygame.Rect(left, self.list_top, self.split - left - u(12), 0)
        teams.height = self.list_bottom - teams.top
        self._draw_teams(surface, teams)

    def band(self) -> pygame.Rect:
        """The projector's band: the join code and the address, large."""
        fonts, u = self.app.fonts, self.u
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        top = self.r(0, 14, 0, 0).top + fonts.get(18).get_linesize() + u(4)
        height = fonts.get(20).get_linesize() + fonts.get(52, True).get_linesize() + u(16)
        return pygame.Rect(left, top, right - left, height)

    def _draw_teams(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        t, fonts, palette, u = self.t, self.app.fonts, self.app.palette, self.u
        workshop = self.room.workshop
        teams = list(workshop.teams.values())
        ready = sum(1 for team in teams if workshop.decided(team)) if workshop.opened else 0
        heading = fonts.get(22, True)
        line = t("Teams: {n} · ready: {ready}").format(n=len(teams), ready=ready)
        if workshop.paused:
            line += " · " + t("paused")
        text(surface, heading, shortened(heading, line, area.width), palette.text, area.topleft)
        y = area.top + heading.get_linesize() + u(6)
        if not teams:
            fit_text_block(
                surface,
                fonts,
                t(
                    "No team has joined yet. On each team's laptop: Workshop over the network, "
                    "Join, then the team's name, the join code and the address above."
                ),
                palette.text_dim,
                pygame.Rect(area.left, y, area.width, area.bottom - y),
                (20, 18, 16),
            )
            return
        name_font, state_font = fonts.get(22, True), fonts.get(18)
        bottom = area.bottom - (state_font.get_linesize() if workshop.refusals else 0)
        for team in teams:
            status = wrap(state_font, self._status(team), area.width)
            names = wrap(name_font, team.name, area.width)
            needed = len(names) * name_font.get_linesize() + len(status) * state_font.get_linesize()
            if y + needed > bottom:
                more = t("and {n} more").format(n=len(teams) - teams.index(team))
                text(surface, state_font, more, palette.text_dim, (area.left, y))
                break
            colour = palette.text if team.connected else palette.text_dim
            for name in names:
                text(surface, name_font, name, colour, (area.left, y))
                y += name_font.get_linesize()
            for line in status:
                text(surface, state_font, line, palette.text_dim, (area.left, y))
                y += state_font.get_linesize()
            y += u(8)
        if workshop.refusals:
            note = t("Refused: {n} (the last: {why})").format(
                n=len(workshop.refusals), why=workshop.refusals[-1]
            )
            text(
                surface,
                state_font,
                shortened(state_font, note, area.width),
                palette.text_dim,
                (area.left, area.bottom - state_font.get_linesize()),
            )

    def _status(self, team) -> str:
        t, workshop = self.t, self.room.workshop
        # Short enough for one line at 140%: five teams fit the list; "away" stands out.
        parts = [] if team.connected else [t("away")]
        if team.finished:
            parts.append(t("game over"))
        elif workshop.opened == 0:
            parts.append(t("waiting for round 1"))
        elif workshop.decided(team):
            parts.append(t("ready"))
        else:
            parts.append(t("deciding round {n}").format(n=team.decided + 1))
        if team.decided > team.revealed:
            parts.append(t("outcome waits"))
        return " · ".join(parts)
