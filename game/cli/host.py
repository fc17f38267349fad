"""``host``: the facilitator's laptop hosts a workshop, one laptop per team.

With ``--headless`` it runs without a window, so a whole workshop can be played by processes on
one machine: it waits for ``--teams`` teams, opens each round when every team is ready (with the
news it was given for that round), and at the end writes every team's results and the
comparison (``compare.html``) into the results folder. Without ``--headless`` the game window
opens on its host screen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from game.cli.checks import load_named_scenario, usable_folder
from game.cli.options import COMMAND_HELP, Commands, given_name, given_path, positive_number, seed
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.net import DEFAULT_PORT

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    host = commands.add_parser(
        "host",
        help=COMMAND_HELP["host"],
        description="Host a workshop on the local network. Teams join from their own laptops "
        "(python main.py, Join a workshop; or autoplay --join). With --headless no window "
        "opens: rounds open when every team is ready, and the results and compare.html are "
        "written at the end.",
    )
    host.add_argument(
        "scenario", nargs="?", type=given_name, default=None, help="scenario id or YAML file"
    )
    host.add_argument("--headless", action="store_true", help="host without a window")
    host.add_argument(
        "--teams", type=positive_number("teams", 12), default=None, help="teams to wait for"
    )
    host.add_argument("--code", type=_code, default=None, help="the join code (default: drawn)")
    host.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    host.add_argument(
        "--address",
        default="0.0.0.0",
        help="the address to listen on (default: every network of this laptop)",
    )
    host.add_argument(
        "--length", choices=("short", "standard", "full"), default="short", help="default: short"
    )
    host.add_argument("--seed", type=seed, default=None, help="default: drawn at random")
    host.add_argument(
        "--results",
        metavar="DIR",
        type=given_path,
        default=None,
        help="where the teams' results and compare.html go (default: a new folder named by "
        "date and scenario under results/)",
    )
    host.add_argument(
        "--news",
        action="append",
        default=[],
        metavar="ROUND:EVENT",
        help="bring the scenario's EVENT into every team's news at ROUND (may repeat)",
    )
    host.add_argument("--no-discovery", action="store_true", help="do not announce on the network")
    host.add_argument(
        "--minutes",
        type=positive_number("minutes", 24 * 60),
        default=240,
        help="stop after this long, whatever happens (default: 240)",
    )
    host.add_argument(
        "--round-seconds",
        type=_seconds,
        default=0.0,
        metavar="SECONDS",
        help="with --headless: keep each round open at least this long (default: 0)",
    )
    host.add_argument("--lang", choices=("nl", "en"), default="nl", help="of compare.html")
    host.set_defaults(usage=host.format_usage())
    return host


def _code(value: str) -> str:
    import re

    from game.net.messages import CODE_PATTERN

    code = value.strip().upper()
    if not re.match(CODE_PATTERN, code):
        raise argparse.ArgumentTypeError(f"{value!r} is not a join code: 4 to 8 letters or digits")
    return code


def _port(value: str) -> int:
    if not value.isdigit() or not 1024 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port: give 1024 to 65535")
    return int(value)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds from 0 to 3600")
    return seconds


def news_plan(given: list[str], events: set[str], rounds: int, usage: str) -> dict[int, list[str]]:
    """``--news 2:storm`` as {2: ["storm"]}; a round or event the game lacks is a usage error."""
    plan: dict[int, list[str]] = {}
    for item in given:
        round_, _, event = item.partition(":")
        if not round_.isdigit() or not 1 <= int(round_) <= rounds:
            raise UsageError(
                f"--news {item!r}: give ROUND:EVENT, a round from 1 to {rounds}", usage
            )
        if event not in events:
            known = ", ".join(sorted(events))
            raise UsageError(f"--news {item!r}: no event {event!r} (there are: {known})", usage)
        plan.setdefault(int(round_), []).append(event)
    return plan


def run(args: argparse.Namespace, out: TextIO) -> int:
    if not args.headless:
        from game.cli.play import run as play

        args.host = True
        return play(args, out)
    if args.teams is None:
        raise UsageError("--headless needs --teams N: how many teams to wait for", args.usage)
    from game.scenario.errors import ScenarioError

    try:
        scenario = load_named_scenario(args.scenario, args.usage)
    except ScenarioError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_FAILED
    return _host(args, scenario, out)


def _host(args: argparse.Namespace, scenario, out: TextIO) -> int:
    from game.net.server import HostServer
    from game.net.workshop import Workshop, new_code, workshop_folder
    from game.places import data_home
    from game.sim.length import rounds_played

    rounds = rounds_played(scenario, args.length)
    events = {e.id for e in scenario.events}
    plan = news_plan(args.news, events, rounds, args.usage)
    folder = args.results or workshop_folder(data_home().results, scenario.id)
    usable_folder(folder, args.usage, "the results folder")
    info = _info(scenario, args.seed, args.length)
    code = args.code or new_code()
    workshop = Workshop(
        info, code, rounds, teams=args.teams, results_dir=folder, events=tuple(events)
    )
    server = HostServer(workshop, args.address, args.port)
    try:
        port = server.start()
    except OSError as error:
        sys.stderr.write(f"cannot listen on {args.address}:{args.port}: {error}\n")
        return EXIT_FAILED
    announcement = _announce(args, scenario, port)
    out.write(
        f"hosting {scenario.id} ({args.length}, seed {info.seed}) on {args.address}:{port}, "
        f"join code {code}; waiting for {args.teams} teams\n"
    )
    out.flush()
    try:
        deadline = time.monotonic() + args.minutes * 60
        finished = _rounds(workshop, server, plan, deadline, args.round_seconds)
    finally:
        server.send(workshop.reveal())
        time.sleep(0.2)
        server.stop()
        if announcement is not None:
            announcement.stop()
    return _finish(args, workshop, folder, finished, out)


def _info(scenario, given_seed: int | None, length: str):
    """What every team plays; the seed drawn at random (1 to 999999) unless given."""
    import secrets

    from game.net.messages import WorkshopInfo

    seed_ = given_seed if given_seed is not None else 1 + secrets.randbelow(999_999)
    return WorkshopInfo(
        workshop_id=secrets.token_hex(8),
        scenario_id=scenario.id,
        scenario_version=scenario.version,
        seed=seed_,
        length=length,
    )


def _announce(args: argparse.Namespace, scenario, port: int):
    if args.no_discovery:
        return None
    from game.net.discovery import Announcement, local_address

    address = args.address if args.address != "0.0.0.0" else local_address()
    announcement = Announcement(scenario.title.get(args.lang), address, port)
    return announcement if announcement.start() else None


def _rounds(
    workshop, server, plan: dict[int, list[str]], deadline: float, hold: float = 0.0
) -> bool:
    """Open each round when every team is ready (and the last one has been open ``hold``
    seconds); True when every team's game is over."""
    opened_at = -hold
    while time.monotonic() < deadline:
        if workshop.all_finished():
            return True
        held = time.monotonic() - opened_at >= hold
        if workshop.everyone_decided() and workshop.opened < workshop.rounds and held:
            server.send(workshop.open_next(tuple(plan.get(workshop.opened + 1, ()))))
            opened_at = time.monotonic()
        elif workshop.everyone_decided():
            server.send(workshop.reveal())
        time.sleep(0.05)
    return False


def _finish(args: argparse.Namespace, workshop, folder: Path, finished: bool, out: TextIO) -> int:
    from game.results.compare_page import compare_html
    from game.results.report import write_page

    comparison = workshop.comparison()
    page = folder / "compare.html"
    try:
        write_page(page, compare_html(comparison, args.lang))
    except OSError as error:
        sys.stderr.write(f"compare.html not written in {folder}: {error}\n")
        return EXIT_FAILED
    for why in workshop.refusals:
        sys.stderr.write(f"refused: {why}\n")
    names = ", ".join(team.name for team in comparison.teams) or "none"
    out.write(
        f"{'finished' if finished else 'stopped before the end'}: {len(comparison.teams)} teams "
        f"({names}); results and {page.name} in {folder}\n"
    )
    return EXIT_OK if finished else EXIT_FAILED
