"""The host's side of a networked workshop: who is in, which round is open, what was revealed.

Pure bookkeeping, no sockets: ``server.HostServer`` feeds it checked messages and sends what it
returns, a window or the headless host calls its steps (open, reveal, news, pause, timer, skip,
end). Every call returns the messages to send, as ``(team, message)`` with ``team`` None for every
team. It holds one lock, so the server's thread and the window's can both use it.

Each team's results flow in with every round (``Ready``); they are read as a results file is,
checked against this workshop (its game id, scenario, seed, length), and written into the results
folder under a name the host makes itself, never one the network sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from game.net.messages import (
    PROTOCOL,
    End,
    Hello,
    News,
    Opened,
    Pause,
    Ready,
    Refused,
    Reveal,
    Skip,
    Timer,
    Welcome,
    WorkshopInfo,
    _Message,
)
from game.results.models import ResultsFile
from game.saves.names import clean_name

log = logging.getLogger("netwerkende_gemeente.host")

# At most this many teams in one workshop (the comparison's limit).
MAX_TEAMS = 12
NAME_LIMIT = 40
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
Outgoing = tuple[str | None, _Message]


def workshop_folder(base: Path, scenario_id: str, when: datetime | None = None) -> Path:
    """A results folder of its own per workshop, named by date, time and scenario."""
    moment = when or datetime.now()
    return base / f"{moment:%Y-%m-%d-%H%M}-{scenario_id}"


def new_code(length: int = 6) -> str:
    """A join code for the projector: six letters and digits that cannot be misread."""
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(length))


def team_game_id(workshop_id: str, team: str) -> str:
    """A team's game id in this workshop: the same after a restart, so its autosave is found."""
    return hashlib.sha256(f"{workshop_id}\n{team.casefold()}".encode()).hexdigest()[:16]


@dataclass
class NetTeam:
    """One team as the host knows it."""

    name: str
    game_id: str
    token: str
    connected: bool = True
    decided: int = 0  # the last round it has decided (or skipped)
    finished: bool = False
    revealed: int = 0
    results: ResultsFile | None = None
    results_file: Path | None = None
    news: list[str] = field(default_factory=list)  # events it was sent, for the comparison


class Workshop:
    """One networked workshop, from the first team joining to the comparison."""

    def __init__(
        self,
        info: WorkshopInfo,
        code: str,
        rounds: int,
        *,
        teams: int | None = None,
        results_dir: Path | None = None,
        events: tuple[str, ...] = (),
    ) -> None:
        self.info = info
        self.code = code
        self.rounds = rounds
        self.expected = teams
        self.results_dir = results_dir
        self.events = set(events)
        self.teams: dict[str, NetTeam] = {}
        self.opened = 0
        self.paused = False
        self.ended = False
        self.timer = 0
        self.news: list[News] = []
        self.refusals: list[str] = []
        self.lock = threading.RLock()

    # --- joining -------------------------------------------------------------------------------

    def join(self, hello: Hello, peer: str = "") -> Welcome | Refused:
        """Take a team in (or back in); a wrong code, another protocol or a full room is refused."""
        with self.lock:
            refused = self._refusal(hello)
            if refused is not None:
                self.refuse(f"{peer}: join refused ({refused})")
                return Refused(reason=refused)
            name = clean_name(hello.team, NAME_LIMIT)
            team = self._team(name)
            if team is None:
                team = NetTeam(
                    name, team_game_id(self.info.workshop_id, name), secrets.token_hex(16)
                )
                self.teams[name] = team
            team.connected = True
            log.info("%s joined as %r", peer, name)
            return Welcome(
                team=team.name,
                token=team.token,
                game_id=team.game_id,
                workshop=self.info,
                opened=self.opened,
                revealed=team.revealed,
                news=[n for n in self.news if not n.teams or team.name in n.teams],
                paused=self.paused,
                ended=self.ended,
            )

    def _refusal(self, hello: Hello) -> str | None:
        if not hmac.compare_digest(hello.code.strip().upper().encode(), self.code.encode()):
            return "code"
        if hello.protocol != PROTOCOL:
            return "protocol"
        name = clean_name(hello.team, NAME_LIMIT)
        if not name:
            return "bad_message"
        team = self._team(name)
        if team is not None:
            # The same team back (a restart, a dropped line); someone else with its name is not.
            same = bool(hello.token) and hmac.compare_digest(hello.token, team.token)
            return None if same or not team.connected else "name_taken"
        if self.ended:
            return "ended"
        limit = self.expected or MAX_TEAMS
        return "full" if len(self.teams) >= min(limit, MAX_TEAMS) else None

    def _team(self, name: str) -> NetTeam | None:
        return next((t for t in self.teams.values() if t.name.casefold() == name.casefold()), None)

    def left(self, name: str) -> None:
        """A team's connection closed (it may come back)."""
        with self.lock:
            if name in self.teams:
                self.teams[name].connected = False

    def refuse(self, why: str) -> None:
        """Note a refused connection or message (shown on the host, never to the teams)."""
        with self.lock:
            self.refusals.append(why[:300])
            del self.refusals[:-50]
        log.warning("refused: %s", why)

    # --- results flowing in ---------------------------------------------------------------------

    def ready(self, name: str, message: Ready) -> list[Outgoing]:
        """A team decided a round: keep its results (checked) and write them to the folder."""
        from game.results.files import ResultsError, decode, results_name, write_results

        with self.lock:
            team = self.teams.get(name)
            if team is None:
                return []
            try:
                results = decode(message.results.encode("utf-8", "surrogatepass"))
            except ResultsError as error:
                self.refuse(f"{name}: results refused ({error.reason})")
                return []
            problem = self._mismatch(team, results)
            if problem:
                self.refuse(f"{name}: results refused ({problem})")
                return []
            team.decided = max(team.decided, message.round)
            team.finished = team.finished or message.finished or results.finished
            team.results = results
            if self.results_dir is not None:
                path = self.results_dir / results_name(team.name, team.game_id)
                try:
                    team.results_file = write_results(path, json.loads(message.results))
                except ResultsError as error:
                    log.error("results of %s not written: %s", name, error.reason)
            return []

    def _mismatch(self, team: NetTeam, results: ResultsFile) -> str:
        info = self.info
        if results.game_id != team.game_id:
            return "another game"
        if (results.scenario.id, results.scenario.version) != (
            info.scenario_id,
            info.scenario_version,
        ):
            return "another scenario"
        if (results.seed, results.length) != (info.seed, info.length):
            return "another seed or length"
        return ""

    # --- the round ------------------------------------------------------------------------------

    def decided(self, team: NetTeam) -> bool:
        return team.finished or team.decided >= self.opened

    def all_here(self) -> bool:
        """Every expected team has joined (any number when none was given, at least one)."""
        return len(self.teams) >= (self.expected or 1)

    def everyone_decided(self) -> bool:
        with self.lock:
            return self.all_here() and all(self.decided(t) for t in self.teams.values())

    def all_finished(self) -> bool:
        with self.lock:
            return self.all_here() and all(t.finished for t in self.teams.values())

    def open_next(self, news: tuple[str, ...] = ()) -> list[Outgoing]:
        """Open the next round (the outcomes so far are revealed), with the news given for it."""
        with self.lock:
            if self.ended or self.opened >= self.rounds:
                return []
            out = self.reveal() if self.opened else []
            self.opened += 1
            # The news first: a team then has it before the round opens to decide in.
            for event in news:
                out += self.inject(event)
            out.append((None, Opened(round=self.opened)))
            return out

    def reveal(self, name: str | None = None) -> list[Outgoing]:
        """Show the decided round's outcome: to every team, or to one (team by team)."""
        with self.lock:
            out: list[Outgoing] = []
            for team in self.teams.values():
                if name is not None and team.name != name:
                    continue
                if team.decided > team.revealed:
                    team.revealed = team.decided
                    out.append((team.name, Reveal(round=team.revealed)))
            return out

    def inject(self, event: str, teams: tuple[str, ...] = ()) -> list[Outgoing]:
        """Bring a scenario event into the open round's news, for every team or the ones named."""
        with self.lock:
            if event not in self.events or self.ended or not self.opened:
                return []
            chosen = [t for t in teams if t in self.teams]
            if teams and not chosen:
                return []  # for teams not here: never for every team instead
            message = News(round=self.opened, event=event, teams=chosen)
            self.news.append(message)
            for team in self.teams.values():
                if not chosen or team.name in chosen:
                    team.news.append(event)
            if not chosen:
                return [(None, message)]
            return [(name, message) for name in chosen]

    def pause(self, paused: bool) -> list[Outgoing]:
        with self.lock:
            self.paused = paused
            return [(None, Pause(paused=paused))]

    def set_timer(self, seconds: int) -> list[Outgoing]:
        with self.lock:
            self.timer = max(0, int(seconds))
            return [(None, Timer(seconds=self.timer))]

    def skip(self) -> list[Outgoing]:
        """The open round passes without decisions in every team's game."""
        with self.lock:
            return [(None, Skip(round=self.opened))] if self.opened and not self.ended else []

    def end(self) -> list[Outgoing]:
        """End every team's game now, into the debrief."""
        with self.lock:
            self.ended = True
            return [(None, End())]

    def comparison(self):
        """The teams side by side, from the results that came in (``compare_results``)."""
        from game.results.compare import compare_results

        with self.lock:
            readable = [(t.results_file, t.results) for t in self.teams.values() if t.results]
        return compare_results(readable)
