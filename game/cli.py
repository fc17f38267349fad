"""The command line: ``python main.py [command] …``.

Every command returns an exit code; only ``main.py`` turns it into the process's exit status.
Bad arguments print the usage and a one-line reason and exit with 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from game.domain import Indicator, Language
from game.labels import label

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad command-line arguments: shown with the usage, exit status 2."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _HelpShown(Exception):
    """``--help`` was printed; the command is done."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting, so ``main`` decides what happens."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _HelpShown()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python main.py",
        description="Netwerkende Gemeente: a serious game about growing into a networking "
        "municipality. Without a command, the game window opens.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="open the game window (the default)")
    play.add_argument("scenario", nargs="?", help="scenario id or YAML file")

    from game.sim.bots import STRATEGIES

    autoplay = commands.add_parser(
        "autoplay",
        help="play a whole game headless with a bot and print the result",
        description="Play a whole game without a window, with a bot deciding every round.",
    )
    autoplay.add_argument(
        "scenario", nargs="?", default=None, help="scenario id or YAML file (default: the default)"
    )
    autoplay.add_argument(
        "--strategy", choices=STRATEGIES, default="best", help="which bot plays (default: best)"
    )
    autoplay.add_argument("--seed", type=int, default=1, help="the game seed (default: 1)")
    autoplay.add_argument(
        "--json", action="store_true", help="print one JSON document instead of a summary"
    )
    autoplay.add_argument(
        "--lang", choices=("nl", "en"), default="en", help="language of the summary (default: en)"
    )
    for sub in (play, autoplay):
        sub.set_defaults(usage=sub.format_usage())
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _HelpShown:
        return EXIT_OK
    except UsageError as error:
        sys.stderr.write(error.usage)
        sys.stderr.write(f"{parser.prog}: error: {error}\n")
        return EXIT_USAGE
    handler = COMMANDS.get(args.command or "play")
    assert handler is not None
    try:
        return handler(args, out)
    except UsageError as error:
        sys.stderr.write(error.usage)
        sys.stderr.write(f"{parser.prog}: error: {error}\n")
        return EXIT_USAGE


def _load(name: str | None, usage: str) -> Any:
    """The scenario by id or path; a missing file is a usage error."""
    from game.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_path

    path = scenario_path(name or DEFAULT_SCENARIO)
    if not path.is_file():
        raise UsageError(f"no scenario {name!r} (looked for {path})", usage)
    return load_scenario(path)


def cmd_play(args: argparse.Namespace, out: TextIO) -> int:
    out.write(
        "The game window is not available yet. Play a game headless with:\n"
        "  python main.py autoplay --strategy best --seed 7\n"
    )
    return EXIT_OK


def cmd_autoplay(args: argparse.Namespace, out: TextIO) -> int:
    from game.sim import play, score, weakest_line
    from game.sim.council import council_ranking

    scenario = _load(args.scenario, args.usage)
    state = play(scenario, args.seed, args.strategy)
    card = score(state)
    ranking = council_ranking(state, scenario)
    if args.json:
        document = {
            "scenario": scenario.id,
            "scenario_version": scenario.version,
            "seed": args.seed,
            "strategy": args.strategy,
            "rounds": [_round_json(record) for record in state.history],
            "final": {
                "phase": state.phase.value,
                "phase_level": state.phase.level,
                "stage": state.stage.value,
                "stage_level": state.stage.level,
                "indicators": _indicators_json(state.indicators),
                "fit_record": round(state.fit_record, 2),
                "fit_rate": round(state.fit_rate, 4),
                "roles_mastered": [r.value for r in state.roles_mastered],
                "weakest_line": weakest_line(state).value,
                "score": card.total,
                "score_detail": card.to_dict(),
            },
        }
        if ranking is not None:
            document["final"]["council_ranking"] = ranking.to_dict()
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    lang: Language = args.lang
    out.write(
        f"{scenario.title.get(lang)} ({scenario.id} {scenario.version}); "
        f"strategy {args.strategy}, seed {args.seed}\n"
    )
    for record in state.history:
        roles = ", ".join(
            f"{d.initiative}={label(d.role, lang)}" for d in record.decisions.initiatives
        )
        actions = ", ".join(record.decisions.actions) or "-"
        out.write(
            f"round {record.round:>2}  {label(record.phase, lang):<14} "
            f"{label(record.stage, lang):<26} {_indicators_line(record.indicators)}\n"
            f"          roles: {roles}\n          actions: {actions}\n"
        )
    out.write(
        f"\nend: phase {state.phase.level} ({label(state.phase, lang)}), "
        f"stage {label(state.stage, lang)}\n"
        f"     {_indicators_line(state.indicators)}\n"
        f"     score {card.total} / 1000: {card.title.get(lang)}; "
        f"fitting role chosen {card.fit_rate:.0%} of the time\n"
    )
    if ranking is not None:
        figures = ranking.figures
        out.write(
            f"     council account: {figures.followers} followers ({figures.followers_pct}%), "
            f"following {figures.following} ({figures.following_pct}%), "
            f"{figures.tweets} tweets ({figures.tweets_pct}%); "
            f"place {ranking.position} of {len(ranking.rows)} against the survey's top ten\n"
        )
    return EXIT_OK


def _indicators_json(values: dict[Indicator, float]) -> dict[str, float]:
    return {ind.value: round(values[ind], 2) for ind in Indicator}


def _indicators_line(values: dict[Indicator, float]) -> str:
    return " ".join(f"{ind.value[:4]} {values[ind]:>3.0f}" for ind in Indicator)


def _round_json(record: Any) -> dict[str, Any]:
    return {
        "round": record.round,
        "events": list(record.events),
        "initiatives": list(record.initiatives),
        "decisions": record.decisions.to_dict(),
        "outcomes": [
            {
                "initiative": o.initiative,
                "role": o.role.value,
                "fit": round(o.fit, 2),
                "best_roles": [r.value for r in o.best_roles],
                "succeeded": o.succeeded,
            }
            for o in record.outcomes
        ],
        "indicators": _indicators_json(record.indicators),
        "fit_record": round(record.fit_record, 2),
        "phase": record.phase.value,
        "stage": record.stage.value,
    }


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "play": cmd_play,
    "autoplay": cmd_autoplay,
}
