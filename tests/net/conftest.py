"""Shared pieces of the network tests: a workshop's info, a played team's results, a free port.

Every network test talks only to 127.0.0.1; discovery is never switched on (``test_discovery``
uses fake zeroconf classes), so no multicast packet leaves the machine.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable

import pytest

from game.net.messages import WorkshopInfo
from game.net.workshop import team_game_id
from game.results import build_results
from game.saves.migrations import document_checksum
from game.scenario.models import Scenario
from game.sim import resolve_round
from game.sim.bots import Bot
from game.sim.length import rounds_played, start_game

LOCAL = "127.0.0.1"
SCENARIO = "gemeente-middelgroot"


def free_port() -> int:
    """A port free on 127.0.0.1 just now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOCAL, 0))
        return probe.getsockname()[1]


def wait_for(check: Callable[[], object], seconds: float, step: float = 0.02) -> object:
    """``check()`` once it is true; fails the test when it is not within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(step)
    value = check()
    assert value, f"not so within {seconds} s: {getattr(check, '__name__', check)}"
    return value


def make_info(scenario: Scenario, seed: int = 7, length: str = "short") -> WorkshopInfo:
    return WorkshopInfo(
        workshop_id="0123456789abcdef",
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed,
        length=length,
    )


def team_results(whole: Scenario, info: WorkshopInfo, team: str, rounds: int = 1, **changes) -> str:
    """``team``'s results after ``rounds`` rounds of this workshop's game, as a Ready carries
    them (JSON text); ``changes`` overwrite fields of the document (game_id, seed, …)."""
    played, state = start_game(whole, info.seed, info.length)
    rng, bot = state.rng(), Bot("best", info.seed)
    for _ in range(min(rounds, rounds_played(whole, info.length))):
        state, _ = resolve_round(state, bot.decide(state, played), played, rng)
    game_id = team_game_id(info.workshop_id, team)
    document = build_results(state, played, team, game_id, info.length)
    document.update(changes)
    if changes:
        document["checksum"] = document_checksum(document)
    return json.dumps(document, ensure_ascii=False)


@pytest.fixture(scope="session")
def info(default_scenario: Scenario) -> WorkshopInfo:
    return make_info(default_scenario)
