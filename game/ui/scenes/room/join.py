"""A team joins the facilitator's workshop: found on the network, or by address and join code."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pygame

from game.net import DEFAULT_PORT
from game.saves.names import clean_name
from game.ui.look import fit_text_block
from game.ui.scene import Host, Scene

# How long joining may take before the screen says the venue's network may be in the way.
JOIN_SECONDS = 8.0
TEAM_LIMIT = 40


def parse_address(typed: str) -> tuple[str, int] | None:
    """``192.168.1.20:8470`` (or without the port) as (host, port); None when it is no address."""
    typed = typed.strip()
    host, colon, port = typed.rpartition(":")
    if not colon:
        host, port = typed, str(DEFAULT_PORT)
    host = host.strip("[] ")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    if any(c.isspace() or c in "/\\@?#" for c in host):
        return None
    return host, int(port)


class JoinScene(Scene):
    """Team name, join code and the host's address (typed, or picked from what was found)."""

    name = "join"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.team = ""
        self.code = ""
        self.address = ""
        self.asked_as = ""
        self.message = ""
        self.offer_alone = False
        self.found: list = []
        self.looking = False
        self.link = None
        self.started = 0.0

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def on_enter(self) -> None:
        """Look for workshops at once: most teams then only pick theirs and type the code."""
        if self.app.network.discovery and not self.found and not self.looking:
            self._look()

    def build(self) -> None:
        t, u, fonts = self.t, self.u, self.app.fonts
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        y = self.heading(t("Join a workshop"), left, self.r(0, 24, 0, 0).top, right).bottom
        y += u(16)
        label_h = fonts.get(20).get_linesize()
        entry_h = max(u(46), fonts.get(22).get_linesize() + u(12))
        column = (right - left - 2 * u(20)) // 3
        fields = []
        for i, (caption, value, hint) in enumerate(
            (
                (t("Team name"), self.team, None),
                (t("Join code"), self.code, None),
                (t("Address"), self.address, None),
            )
        ):
            x = left + i * (column + u(20))
            self.label(pygame.Rect(x, y, column, label_h), caption, "#dim", grow=False)
            field = self.entry(pygame.Rect(x, y + label_h + u(4), column, entry_h), value, hint)
            fields.append(field)
        self.team_field, self.code_field, self.address_field = fields
        self.address_field.set_text_length_limit(80)
        y += label_h + u(4) + entry_h + u(20)
        height = max(u(52), self._button_height(None))
        x = left
        if self.app.network.discovery:
            caption = t("Looking…") if self.looking else t("Look for workshops")
            width = self.fitted(caption, None, 300)
            self.button(
                pygame.Rect(x, y, width, height), caption, self.look, enabled=not self.looking
            )
            x += width + u(12)
        for host in self.found[:4]:
            caption = f"{host.title} ({host.address})"
            width = min(self.fitted(caption, None, 200), right - x)
            if width < u(160):
                break
            self.button(pygame.Rect(x, y, width, height), caption, lambda h=host: self.pick(h))
            x += width + u(12)
        self.message_top = y + height + u(16)
        big = max(u(60), self._button_height("@big_button"))
        bottom = self.r(0, 706, 0, 0).top - big - u(10)
        self.message_bottom = bottom - u(12)
        caption = t("Join")
        width = self.fitted(caption, "@big_button", 260)
        self.button(pygame.Rect(left, bottom, width, big), caption, self.join, kind="@big_button")
        x = left + width + u(12)
        if self.offer_alone:
            caption = t("Play without the network")
            alone_w = self.fitted(caption, None, 300)
            self.button(pygame.Rect(x, bottom, alone_w, big), caption, self.without_network)
            x += alone_w + u(12)
        caption = t("Back")
        width = self.fitted(caption, None, 200)
        self.button(pygame.Rect(right - width, bottom, width, big), caption, self.back)
        if self._focus is None:
            self.move_focus(1)

    def default_action(self) -> None:
        """Enter in a field joins: name, Tab, code, Tab, address, Enter."""
        self.join()

    def _keep_typed(self) -> None:
        self.team = self.team_field.get_text()
        self.code = self.code_field.get_text()
        self.address = self.address_field.get_text()

    def look(self) -> None:
        """Look for workshops on the network for a moment, without freezing the screen."""
        self._keep_typed()
        self._look()
        self.rebuild()

    def _look(self) -> None:
        from game.net.discovery import find_hosts

        self.looking = True

        def work() -> None:
            self.found = find_hosts(2.0)
            self.looking = False

        threading.Thread(target=work, name="find-workshops", daemon=True).start()

    def pick(self, host) -> None:
        self._keep_typed()
        self.address = f"{host.address}:{host.port}"
        self.rebuild()

    def join(self) -> None:
        from game.net.link import TeamLink
        from game.net.team import remembered_token

        self._keep_typed()
        t = self.t
        team = clean_name(self.team, TEAM_LIMIT)
        where = parse_address(self.address)
        code = self.code.strip().upper()
        if not team:
            return self._say(t("Type your team's name."))
        if not code:
            return self._say(t("Type the join code the projector shows."))
        if where is None:
            return self._say(t("Type the address the projector shows, such as 192.168.1.20:8470."))
        self._close_link()
        # The token this laptop was given before by the same host keeps the team's place after
        # a restart, also while the host still thinks the old connection is open.
        saves = self.app.saves.directory if self.app.saves is not None else None
        token = remembered_token(saves, where[0], where[1], code, team) if saves else ""
        self.asked_as = team
        self.link = TeamLink(where[0], where[1], code, team, token).start()
        self.started = time.monotonic()
        self.offer_alone = False
        self._say(t("Joining…"))

    def _say(self, message: str) -> None:
        self.message = message
        self.rebuild()

    def update(self, dt: float) -> None:
        link = self.link
        if self.looking is False and getattr(self, "_was_looking", False):
            self._keep_typed()  # what a team typed while looking stays
            self.rebuild()
        self._was_looking = self.looking
        if link is None:
            return
        if link.status == "refused":
            self.link = None
            self._say(self._refused(link.refused))
        elif link.pace.welcome is not None:
            self.link = None
            self.enter(link)
        elif time.monotonic() - self.started > JOIN_SECONDS:
            self._close_link()
            self.offer_alone = True
            self._say(
                self.t(
                    "The facilitator's laptop cannot be reached. Check the address and that both "
                    "laptops are on the same network. Venue Wi-Fi often keeps laptops from "
                    "reaching each other: then play without the network, and hand in your "
                    "results file at the end (the facilitator compares the files)."
                )
            )

    def _refused(self, reason: str) -> str:
        t = self.t
        return {
            "code": t("The join code is not right. Look at the projector and try again."),
            "protocol": t("The facilitator's laptop runs another version of the game."),
            "name_taken": t("Another laptop plays under this team name. Choose another name."),
            "full": t("This workshop has all its teams."),
            "ended": t("This workshop is over."),
        }.get(reason, t("The facilitator's laptop did not let this team in."))

    def enter(self, link) -> None:
        """Joined: this team's game (its autosave when it was here before), then wait or play."""
        from game.ui.room import TeamRoom, room_gate

        welcome = link.pace.welcome
        scenario = self.app.find_scenario(welcome.workshop.scenario_id)
        if scenario is None or scenario.version != welcome.workshop.scenario_version:
            link.close()
            return self._say(
                self.t(
                    "This laptop does not have the workshop's scenario ({id}, version {version})."
                ).format(id=welcome.workshop.scenario_id, version=welcome.workshop.scenario_version)
            )
        if not self._rejoin(welcome, scenario):
            self.controller.start(
                scenario,
                welcome.workshop.seed,
                welcome.team,
                length=welcome.workshop.length,
                game_id=welcome.game_id,
            )
        if self.app.saves is not None:
            from game.net.team import remember_token

            remember_token(self.app.saves.directory, link, self.asked_as)
        self.app.close_room()
        self.app.room = TeamRoom(link, self.address.strip())
        self.app.timer.stop()
        if not room_gate(self.app):
            self.app.go(self.app.scenes.briefing)

    def _rejoin(self, welcome, scenario) -> bool:
        """Back in after a restart: the game from this team's autosave in this workshop."""
        store = self.app.saves
        if store is None:
            return False
        try:
            for info in store.list():
                if info.game_id == welcome.game_id and not info.aside:
                    loaded = store.load(info.path, lambda _id: scenario)
                    self.controller.resume(
                        loaded.scenario,
                        loaded.state,
                        loaded.team,
                        loaded.game_id,
                        plan=loaded.plan,
                    )
                    return True
        except Exception:  # a broken save: a new game under the same id is better than none
            return False
        return False

    def without_network(self) -> None:
        self._close_link()
        self.app.go(self.app.scenes.scenario_choice)

    def _close_link(self) -> None:
        if self.link is not None:
            self.link.close()
            self.link = None

    def back(self) -> None:
        self._close_link()
        self.app.go(self.app.scenes.title)

    def draw(self, surface: pygame.Surface) -> None:
        left, right = self.r(60, 0, 0, 0).left, self.r(1220, 0, 0, 0).left
        area = pygame.Rect(
            left, self.message_top, right - left, self.message_bottom - self.message_top
        )
        hint = self.t(
            "Type your team's name, and the join code and the address that the facilitator's "
            "projector shows (such as 192.168.1.20:8470). Every team plays its own game on its "
            "own laptop; the facilitator opens the rounds."
        )
        palette = self.app.palette
        colour = palette.text if self.message else palette.text_dim
        fit_text_block(
            surface, self.app.fonts, self.message or hint, colour, area, (22, 20, 18, 16)
        )
