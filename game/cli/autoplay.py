"""``autoplay``: play a whole game headless with a bot and print the result."""

from __future__ import annotations

import argparse
import sys

from game.cli.options import (
    COMMAND_HELP,
    Commands,
    given_name,
    given_path,
    length_option,
    seed,
    team_name,
)
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from game.domain import Indicator, Language

# Each indicator in four letters, for the summary's one line per round.
# (By the indicators' values: the domain is not loaded for --help.)
_SHORT: dict[str, tuple[str, str]] = {
    "awareness": ("bewu", "awar"),
    "skill": ("vaar", "skil"),
    "embedding": ("vera", "embe"),
    "ownership_breadth": ("eige", "owne"),
    "interaction": ("inte", "inte"),
    "trust": ("vert", "trus"),
    "community_energy": ("ener", "comm"),
}


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    from game.strategy_names import STRATEGIES

    autoplay = commands.add_parser(
        "autoplay",
        help=COMMAND_HELP["autoplay"],
        description="Play a whole game without a window, with a bot deciding every round.",
    )
    autoplay.add_argument(
        "scenario",
        nargs="?",
        type=given_name,
        default=None,
        help="scenario id or YAML file (default: the default)",
    )
    autoplay.add_argument(
        "--strategy", choices=STRATEGIES, default="best", help="which bot plays (default: best)"
    )
    autoplay.add_argument("--seed", type=seed, default=1, help="the game seed (default: 1)")
    autoplay.add_argument(
        "--json", action="store_true", help="print one JSON document instead of a summary"
    )
    autoplay.add_argument(
        "--lang", choices=("nl", "en"), default="en", help="language of the summary (default: en)"
    )
    autoplay.add_argument(
        "--save",
        metavar="FILE",
        type=given_path,
        help="also write the finished game as a save file",
    )
    autoplay.add_argument(
        "--team",
        type=team_name,
        default="autoplay",
        help="team name in the save and results (default: autoplay)",
    )
    autoplay.add_argument(
        "--results",
        metavar="FILE",
        type=given_path,
        help="also write the team's results file (JSON) for compare and report",
    )
    length_option(autoplay)
    _join_options(autoplay)
    autoplay.set_defaults(usage=autoplay.format_usage())
    return autoplay


def _join_options(autoplay: argparse.ArgumentParser) -> None:
    autoplay.add_argument(
        "--join",
        metavar="HOST:PORT",
        type=_address,
        default=None,
        help="play one team of a workshop hosted there (python main.py host), in step with it",
    )
    autoplay.add_argument("--code", default="", help="the workshop's join code (with --join)")
    autoplay.add_argument(
        "--alone-after",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --join: play on alone when the host has been gone this long (default: 60)",
    )
    autoplay.add_argument(
        "--saves",
        metavar="DIR",
        type=given_path,
        default=None,
        help="with --join: keep the game's autosave here, so a restart rejoins where it was",
    )


def _address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"{value!r} is not HOST:PORT, such as 127.0.0.1:8470")
    return host.strip("[]"), int(port)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from game.cli.checks import load_named_scenario, writable_file
    from game.scenario.errors import ScenarioError
    from game.sim.council import council_ranking
    from game.sim.score import score

    try:
        scenario = load_named_scenario(args.scenario, args.usage)
    except ScenarioError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_FAILED
    if args.save is not None and args.save.is_dir():
        raise UsageError(f"--save {str(args.save)!r} is a folder; give a file name", args.usage)
    if args.results is not None:
        writable_file(args.results, args.usage, "--results")
    played = _played(args, scenario, out)
    if played is None:
        return EXIT_FAILED
    state, args.game_id = played
    card = score(state, scenario.organisation.kind)
    ranking = council_ranking(state, scenario)
    if args.save is not None and _write_save(args, state, scenario) != EXIT_OK:
        return EXIT_FAILED
    if args.results is not None and _write_results(args, state, scenario) != EXIT_OK:
        return EXIT_FAILED
    if args.json:
        document = _json_document(args, state, scenario, card, ranking)
        # Escaped where the terminal cannot show every character: the JSON stays exact.
        import json

        json.dump(document, out, ensure_ascii=not _shows_unicode(out), indent=2)
        out.write("\n")
        return EXIT_OK
    _write_summary(args, state, scenario, card, ranking, out)
    return EXIT_OK


def _played(args: argparse.Namespace, scenario: Any, out: TextIO) -> tuple[Any, str] | None:
    """The finished game and its id: played alone, or as one team of a hosted workshop."""
    from game.domain import GameLength
    from game.said import said
    from game.saves import new_game_id
    from game.sim import play
    from game.sim.length import played_scenario

    length = GameLength(getattr(args, "length", "full"))
    if getattr(args, "join", None) is None:
        state = play(played_scenario(scenario, length), args.seed, args.strategy)
        state.length = length
        return state, new_game_id()
    from game.net.link import TeamLink
    from game.net.team import JoinFailed, NetworkedTeam, remembered_token

    address, port = args.join
    token = (
        "" if args.saves is None else remembered_token(args.saves, *args.join, args.code, args.team)
    )
    link = TeamLink(address, port, args.code, args.team, token).start()
    team = NetworkedTeam(link, scenario, args.strategy, args.saves, args.alone_after)
    try:
        run = team.run()
    except JoinFailed as error:
        sys.stderr.write(_join_failed(error.reason, address, port).into(args.lang) + "\n")
        return None
    args.seed, args.length = run.state.seed, run.state.length.value
    if run.alone:
        gone = said("the host was gone: this team finished alone; hand in its results file")
        out.write(gone.into(args.lang) + "\n")
    return run.state, run.game_id


def _join_failed(reason: str, address: str, port: int) -> Any:
    """Why joining failed, plainly, and what to do instead (a message in both languages)."""
    from game.said import said

    where = f"{address}:{port}"
    if reason == "unreachable":
        return said(
            "could not reach the workshop at {where}. Venue networks often keep laptops from "
            "reaching each other: play without --join and hand in the results file (--results) "
            "for compare.",
            where=where,
        )
    why = {
        "code": said("the join code is wrong"),
        "protocol": said("the host runs another version of the game"),
        "name_taken": said("another laptop plays under this team name"),
        "full": said("the workshop has all its teams"),
        "ended": said("the workshop is over"),
        "scenario": said("the host plays a scenario (or version) this laptop does not have"),
    }.get(reason, reason)
    return said("the workshop at {where} did not let this team in: {why}", where=where, why=why)


def _json_document(
    args: argparse.Namespace, state: Any, scenario: Any, card: Any, ranking: Any
) -> dict[str, Any]:
    from game.sim import weakest_line

    document = {
        "scenario": scenario.id,
        "scenario_version": scenario.version,
        "seed": args.seed,
        "strategy": args.strategy,
        "length": state.length.value,
        "rounds": [_round_json(record) for record in state.history],
        "final": {
            "phase": state.phase.value,
            "phase_level": state.phase.level,
            "stage": state.stage.value,
            "stage_level": state.stage.level,
            "relation_phase": {k.value: v.value for k, v in state.relation_phase.items()},
            "prediction_rate": state.prediction_rate,
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
    return document


def _write_summary(
    args: argparse.Namespace, state: Any, scenario: Any, card: Any, ranking: Any, out: TextIO
) -> None:
    from game.labels import label
    from game.said import said
    from game.sim.effects import number

    lang: Language = args.lang

    def line(message: Any) -> None:
        out.write(message.into(lang) + "\n")

    line(
        said(
            "{title} ({id} {version}); strategy {strategy}, seed {seed}",
            title=scenario.title.get(lang),
            id=scenario.id,
            version=scenario.version,
            strategy=args.strategy,
            seed=args.seed,
        )
    )
    for record in state.history:
        roles = ", ".join(
            f"{d.initiative}={label(d.role, lang)}" for d in record.decisions.initiatives
        )
        line(
            said(
                "round {n:>2}  {phase:<14} {stage:<26} {indicators}",
                n=record.round,
                phase=label(record.phase, lang),
                stage=label(record.stage, lang),
                indicators=_indicators_line(record.indicators, lang),
            )
        )
        line(said("          roles: {roles}", roles=roles or "-"))
        actions = ", ".join(record.decisions.actions) or "-"
        line(said("          actions: {actions}", actions=actions))
    out.write("\n")
    line(
        said(
            "end: phase {level} ({phase}), stage {stage}",
            level=state.phase.level,
            phase=label(state.phase, lang),
            stage=label(state.stage, lang),
        )
    )
    out.write(f"     {_indicators_line(state.indicators, lang)}\n")
    line(
        said(
            "     score {total} / 1000: {title}; fitting role chosen in {rate}% of the decisions",
            total=card.total,
            title=card.title.get(lang),
            rate=round(card.fit_rate * 100),
        )
    )
    if ranking is not None:
        figures = ranking.figures
        line(
            said(
                "     council account: {followers} followers ({followers_pct}%), following "
                "{following} ({following_pct}%), {tweets} tweets ({tweets_pct}%); place "
                "{position} of {count} against the survey's top ten",
                followers=figures.followers,
                followers_pct=number(figures.followers_pct, lang, 1),
                following=figures.following,
                following_pct=number(figures.following_pct, lang, 1),
                tweets=figures.tweets,
                tweets_pct=number(figures.tweets_pct, lang, 1),
                position=ranking.position,
                count=len(ranking.rows),
            )
        )
    if args.save is not None:
        line(said("saved to {path}", path=str(args.save)))
    if args.results is not None:
        line(said("results written to {path}", path=str(args.results)))


def _write_save(args: argparse.Namespace, state: Any, scenario: Any) -> int:
    from game.saves import SaveError, write_save

    try:
        write_save(args.save, state, scenario, args.team)
    except SaveError as error:
        return _failed(args, f"{args.save}: {error.explain(args.lang)}", error)
    return EXIT_OK


def _write_results(args: argparse.Namespace, state: Any, scenario: Any) -> int:
    from game.results import ResultsError, build_results, write_results

    try:
        document = build_results(state, scenario, args.team, args.game_id, args.length)
        write_results(args.results, document)
    except ResultsError as error:
        return _failed(args, f"{args.results}: {error.explain(args.lang)}", error)
    return EXIT_OK


def _failed(args: argparse.Namespace, message: str, error: Exception) -> int:
    """A file that could not be written: a bad place is a usage error (exit 2), a full disk
    a failure (exit 1); either way the file is whole or not there."""
    from game.cli.writing import bad_place

    if bad_place(error.__cause__):
        raise UsageError(message, args.usage)
    sys.stderr.write(f"{message}\n")
    return EXIT_FAILED


def _shows_unicode(stream: TextIO) -> bool:
    """Whether ``stream`` can show any character (a UTF encoding, or a string buffer)."""
    encoding = getattr(stream, "encoding", None)
    return encoding is None or encoding.lower().replace("-", "").startswith("utf")


def _indicators_json(values: dict[Indicator, float]) -> dict[str, float]:
    from game.domain import Indicator

    return {ind.value: round(values[ind], 2) for ind in Indicator}


def _indicators_line(values: dict[Indicator, float], lang: Language = "en") -> str:
    from game.domain import Indicator

    short = 0 if lang == "nl" else 1
    return " ".join(f"{_SHORT[ind][short]} {values[ind]:>3.0f}" for ind in Indicator)


def _round_json(record: Any) -> dict[str, Any]:
    return {
        "round": record.round,
        "events": list(record.events),
        "initiatives": list(record.initiatives),
        "decisions": record.decisions.to_dict(),
        "outcomes": [
            {
                "initiative": o.initiative,
                "relation": o.relation.value,
                "role": o.role.value,
                "fit": round(o.fit, 2),
                "best_roles": [r.value for r in o.best_roles],
                "risk": round(o.risk, 3),
                "succeeded": o.succeeded,
                "verdict": o.verdict.value,
                "prediction": None if o.prediction is None else o.prediction.value,
                "rework": o.rework,
                "next_stage": o.next_stage,
            }
            for o in record.outcomes
        ],
        "indicators": _indicators_json(record.indicators),
        "relation_interaction": {
            k.value: round(v, 2) for k, v in record.relation_interaction.items()
        },
        "relation_phase": {k.value: v.value for k, v in record.relation_phase.items()},
        "fit_record": round(record.fit_record, 2),
        "phase": record.phase.value,
        "stage": record.stage.value,
    }
