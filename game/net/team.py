"""One team's game in a networked workshop, played by a bot without a window.

This is ``main.py autoplay --join``: the same steps a team's window takes, so a whole workshop
can be played by processes on one machine. The game is the team's own (its own generator and
autosave, under the game id the host gave it, so a restarted process picks up where it was). It
decides a round only when the host has opened it, brings in the news the host sent, skips or
ends when told, and sends its results after every round. When the host has been gone longer than
``alone_after`` seconds, it plays on alone and keeps its results file to hand in.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from game.net.link import TeamLink
from game.net.messages import Ready, Welcome
from game.scenario.models import Scenario
from game.sim import GameState, resolve_round
from game.sim.bots import Bot
from game.sim.facilitator import end_early, had_news, inject_event, skip_round
from game.sim.length import start_game


def token_path(saves: Path, team: str) -> Path:
    """Where a team's laptop keeps the host's token (beside its autosave, not a ``.json``)."""
    from game.saves.names import clean_name, slug

    return saves / f"workshop-{slug(clean_name(team, 40)) or 'team'}.token"


def remembered_token(saves: Path, address: str, port: int, code: str, team: str) -> str:
    """The token this laptop was given by the same host for ``team``, or "" (a rejoin after a
    crash proves it is the same team, even while the host still thinks the old line is open)."""
    path = token_path(saves, team)
    try:
        if not path.is_file() or path.stat().st_size > 4096:
            return ""
        document = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(document, dict):
        return ""
    if (document.get("host"), document.get("code")) != (f"{address}:{port}", code.upper()):
        return ""
    token = document.get("token")
    return token if isinstance(token, str) and re.fullmatch(r"[0-9a-f]{1,64}", token) else ""


def remember_token(saves: Path, link: TeamLink, asked_as: str) -> None:
    """Keep the host's token for ``remembered_token`` (nothing lost if it cannot be written)."""
    document = {"host": f"{link.address}:{link.port}", "code": link.code, "token": link.token}
    try:
        saves.mkdir(parents=True, exist_ok=True)
        token_path(saves, asked_as).write_text(json.dumps(document), "utf-8")
    except OSError:
        pass


class JoinFailed(RuntimeError):
    """The workshop could not be joined; ``reason`` is a Refused reason or ``unreachable``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class TeamRun:
    """How a team's game went: its last state, and whether it finished alone."""

    state: GameState
    scenario: Scenario
    team: str
    game_id: str
    alone: bool


def check_welcome(welcome: Welcome, scenario: Scenario) -> None:
    """The host's scenario must be the one on this laptop, in the same version."""
    info = welcome.workshop
    if (info.scenario_id, info.scenario_version) != (scenario.id, scenario.version):
        raise JoinFailed("scenario")


class NetworkedTeam:
    """Plays ``scenario`` (the whole one, as loaded) for one team, in step with the host."""

    def __init__(
        self,
        link: TeamLink,
        scenario: Scenario,
        strategy: str = "best",
        saves: Path | None = None,
        alone_after: float = 60.0,
    ) -> None:
        self.link = link
        self.whole = scenario
        self.strategy = strategy
        self.store = None
        self.saves = saves
        if saves is not None:
            from game.saves import SaveStore

            self.store = SaveStore(saves)
        self.alone_after = alone_after
        self.alone = False

    def run(self, join_seconds: float = 15.0, deadline: float | None = None) -> TeamRun:
        """Join, play to the end (in step, or alone once the host is gone), return the game."""
        asked_as = self.link.team  # the host may write the name more neatly
        welcome = self.link.wait_welcome(join_seconds)
        if welcome is None:
            self.link.close()
            raise JoinFailed(self.link.refused or "unreachable")
        check_welcome(welcome, self.whole)
        if self.saves is not None:
            remember_token(self.saves, self.link, asked_as)
        scenario, state = self._game(welcome)
        rng = state.rng()
        bot = Bot(self.strategy, welcome.workshop.seed)
        while not state.finished:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError("the workshop took too long")
            if not self.alone and self.link.lost_for() > self.alone_after:
                self.alone = True
                self.link.close()
            state, acted = self._step(state, scenario, rng, bot)
            if acted:
                self._keep(state, scenario, welcome)
            else:
                time.sleep(0.02)
        self._keep(state, scenario, welcome)
        if not self.alone:
            time.sleep(0.2)  # let the last results leave before the line closes
            self.link.close()
        return TeamRun(state, scenario, welcome.team, welcome.game_id, self.alone)

    def _game(self, welcome: Welcome) -> tuple[Scenario, GameState]:
        """This team's game: from its autosave when it was here before, else a new one."""
        if self.store is not None:
            for info in self.store.list():
                if info.game_id == welcome.game_id and not info.aside:
                    loaded = self.store.load(info.path, lambda _id: self.whole)
                    return loaded.scenario, loaded.state
        info = welcome.workshop
        return start_game(self.whole, info.seed, info.length)

    def _step(self, state: GameState, scenario: Scenario, rng, bot: Bot) -> tuple[GameState, bool]:
        """One thing the room allows now (news, the end, a skip, a decision); False: wait."""
        if self.alone:
            state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
            return state, True
        pace = self.link.pace
        if pace.ended:
            return end_early(state), True
        for round_, event in pace.news_for(state.round):
            if not had_news(state, event, round_) and any(e.id == event for e in scenario.events):
                state, _ = inject_event(state, scenario, event)
                return state, True
        if state.round > pace.opened or pace.paused:
            return state, False
        if state.round in pace.skips:
            state, _ = skip_round(state, scenario, rng)
        else:
            state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
        return state, True

    def _keep(self, state: GameState, scenario: Scenario, welcome: Welcome) -> None:
        """Autosave, and send the results so far to the host."""
        if self.store is not None:
            self.store.autosave(state, scenario, welcome.team, welcome.game_id)
        if self.alone:
            return
        from game.results import build_results

        document = build_results(
            state, scenario, welcome.team, welcome.game_id, welcome.workshop.length
        )
        decided = state.round - 1 if not state.finished else max(state.round, 1)
        self.link.send_ready(
            Ready(
                round=max(0, min(decided, 99)),
                finished=state.finished,
                results=json.dumps(document, ensure_ascii=False),
            )
        )
