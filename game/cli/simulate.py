"""``simulate``: the balance simulator, many seeded games per strategy, and its report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.checks import load_named_scenario
from game.cli.options import (
    COMMAND_HELP,
    Commands,
    given_name,
    given_path,
    lang_option,
    positive_number,
    seed,
    strategy_list,
)
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from game.domain import Language

# Far more than a balance check needs; beyond these a typo would run for days or fork a
# process per number.
MAX_RUNS = 100_000
MAX_JOBS = 256


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    from game.strategy_names import STRATEGIES

    simulate = commands.add_parser(
        "simulate",
        help=COMMAND_HELP["simulate"],
        description="The balance simulator: play N seeded games per strategy on each scenario, "
        "in several processes, and report per strategy the end phases (overall and per "
        "relation), stages and scores, which strategy dominates, and what never matters "
        "(initiatives, actions, events), with warnings in plain words.",
    )
    simulate.add_argument(
        "scenarios",
        nargs="*",
        type=given_name,
        metavar="SCENARIO",
        help="scenario ids or YAML files (default: every shipped scenario)",
    )
    simulate.add_argument(
        "--runs",
        type=positive_number("games", MAX_RUNS),
        default=200,
        help="games per strategy (default: 200)",
    )
    simulate.add_argument(
        "--strategies",
        type=strategy_list,
        default=None,
        metavar="A,B,…",
        help="which built-in strategies, comma-separated (default: all): " + ", ".join(STRATEGIES),
    )
    simulate.add_argument(
        "--strategy-file",
        metavar="FILE.py",
        type=given_path,
        default=None,
        help="also play a custom strategy: a Python file with decide(view) "
        "(see docs/strategies.md)",
    )
    simulate.add_argument(
        "--jobs",
        type=positive_number("processes", MAX_JOBS),
        default=None,
        help="processes to use (default: every core)",
    )
    simulate.add_argument(
        "--length",
        choices=("short", "standard", "full", "all"),  # as length_option names them
        default="full",
        help="the workshop length to play: short, standard, full (the whole scenario) or all "
        "three (default: full)",
    )
    simulate.add_argument("--seed", type=seed, default=0, help="the first seed (default: 0)")
    simulate.add_argument("--json", action="store_true", help="print one JSON document")
    lang_option(simulate, "en")
    simulate.set_defaults(usage=simulate.format_usage())
    return simulate


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Play the games, then print the report per scenario (text or JSON)."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, scenario_path
    from game.sim.balance import (
        Run,
        StrategyFileError,
        default_jobs,
        load_strategy_file,
        simulate,
    )
    from game.sim.balance_report import analyse, render_text, to_json
    from game.strategy_names import STRATEGIES

    paths = [str(scenario_path(name)) for name in args.scenarios] or [
        str(p) for p in sorted(SCENARIO_DIR.glob("*.yaml"))
    ]
    scenarios = {}
    for path in paths:
        if not Path(path).is_file():
            raise UsageError(f"no scenario {path!r}", args.usage)
        try:
            scenarios[path] = load_named_scenario(path, args.usage)
        except ScenarioError as error:
            sys.stderr.write(f"{error}\n")
            return EXIT_FAILED
    if args.strategy_file is not None:
        try:
            load_strategy_file(args.strategy_file)
        except StrategyFileError as error:
            raise UsageError(str(error), args.usage) from None
    strategies = args.strategies or list(STRATEGIES)
    from game.domain import GameLength

    lengths = list(GameLength) if args.length == "all" else [GameLength(args.length)]
    batch = Run(
        scenarios=paths,
        runs=args.runs,
        strategies=strategies,
        jobs=args.jobs or default_jobs(),
        strategy_file=str(Path(args.strategy_file).resolve()) if args.strategy_file else None,
        first_seed=args.seed,
        lengths=lengths,
    )
    total = (
        args.runs * len(paths) * len(lengths) * (len(strategies) + (1 if args.strategy_file else 0))
    )
    from tqdm import tqdm

    # A bar on long runs in a terminal; tqdm leaves it out when stderr is not one.
    with tqdm(total=total, unit="game", disable=None if total >= 500 else True, leave=False) as bar:
        results = simulate(batch, progress=bar.update)
    lang: Language = args.lang
    reports = [
        analyse(scenarios[path], results[(path, length)], lang, length)
        for path in paths
        for length in lengths
    ]
    if args.json:
        import json

        json.dump(to_json(reports, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(render_text(report, lang) for report in reports) + "\n")
    return EXIT_OK
