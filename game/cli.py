"""The command line: ``python main.py [command] …``.

Every command returns an exit code; only ``main.py`` turns it into the process's exit status.
Bad arguments, and paths that cannot be used (missing, a folder where a file belongs, a pipe, no
permission), print the usage and a one-line reason and exit with 2, never a traceback. Output
survives any terminal encoding: what the terminal cannot show becomes '?', never a crash.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
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


def _lang_option(parser: argparse.ArgumentParser, default: str, shown: str | None = None) -> None:
    """``shown``: the default as the help says it, when it is worked out later (from a pack)."""
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=default if shown is None else None,
        help=f"language (default: {shown or default})",
    )


def _pack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pack",
        metavar="DIR",
        type=Path,
        default=None,
        help="a branding pack folder (default: a built game's own pack/ folder, if any)",
    )


def _length_option(parser: argparse.ArgumentParser, what: str = "") -> None:
    parser.add_argument(
        "--length",
        choices=("short", "standard", "full"),
        default="full",
        help=(what or "the workshop length, kept in the results") + " (default: full)",
    )


def _saves_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--saves",
        metavar="DIR",
        type=Path,
        default=None,
        help="the saves folder (default: saves/ beside main.py; in a built game the user's "
        "data folder unless it is portable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_program_name(),
        description="Netwerkende Gemeente: a serious game about growing into a networking "
        "municipality. Without a command, the game window opens.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="open the game window (the default)")
    play.add_argument("scenario", nargs="?", help="scenario id or YAML file to preselect")
    play.add_argument("--seed", type=int, default=1, help="the game seed (default: 1)")
    _lang_option(play, "nl", "the pack's language, else nl")
    _pack_option(play)
    play.add_argument(
        "--size", type=_size, default=(1280, 720), help="window size (default 1280x720)"
    )
    play.add_argument(
        "--fullscreen", action="store_true", help="start in full screen (F11 toggles)"
    )
    _saves_option(play)
    play.add_argument(
        "--results",
        metavar="DIR",
        type=Path,
        default=None,
        help="where results files and reports go (default: results/ beside the saves)",
    )
    play.add_argument("--quit-after-first-frame", action="store_true", help=argparse.SUPPRESS)

    tour = commands.add_parser(
        "tour",
        help="play a scenario headless with the best bot and save a PNG of every scene",
        description="Save a screenshot of every scene (title to debrief) while the best bot plays.",
    )
    tour.add_argument("scenario", nargs="?", default=None, help="scenario id or YAML file")
    tour.add_argument("--out", required=True, help="folder for the PNG files")
    tour.add_argument("--size", type=_size, default=(1280, 720), help="e.g. 1920x1080")
    _lang_option(tour, "en", "the pack's language, else en")
    _pack_option(tour)
    tour.add_argument("--seed", type=int, default=1, help="the game seed (default: 1)")
    tour.add_argument(
        "--scale",
        type=_type_scale,
        default=1.0,
        help="type size as a projector room sets it: 1.0, 1.2 or 1.4 (default: 1.0)",
    )
    tour.add_argument(
        "--length",
        choices=("short", "standard", "full"),
        default="full",
        help="how much of the scenario the tour plays (default: full)",
    )
    tour.add_argument(
        "--check",
        action="store_true",
        help="also check that every text fits (exit 1 and a list of what does not)",
    )

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
    autoplay.add_argument(
        "--save", metavar="FILE", type=Path, help="also write the finished game as a save file"
    )
    autoplay.add_argument(
        "--team", default="autoplay", help="team name in the save and results (default: autoplay)"
    )
    autoplay.add_argument(
        "--results",
        metavar="FILE",
        type=Path,
        help="also write the team's results file (JSON) for compare and report",
    )
    _length_option(autoplay)

    compare = commands.add_parser(
        "compare",
        help="put several teams' results files side by side in one HTML page",
        description="Compare teams: read results files (or every *.json in folders given) and "
        "write one self-contained HTML page with the teams side by side. Files that cannot be "
        "read, and files of another scenario, seed or length, are listed with the reason and "
        "left out.",
    )
    compare.add_argument(
        "results", nargs="+", type=Path, metavar="RESULTS", help="files or folders"
    )
    compare.add_argument("--out", required=True, type=Path, help="the HTML file to write")
    _lang_option(compare, "nl", "the pack's language, else nl")
    _pack_option(compare)

    report = commands.add_parser(
        "report",
        help="write a team's debrief report (HTML, prints on A4) from a results file or a save",
        description="Write the debrief report to take home: one self-contained HTML file with "
        "the charts over the rounds, the decisions against the best fit with the scenario's "
        "outcome texts, the model in brief, recommendations and the prediction score.",
    )
    report.add_argument(
        "file", type=Path, metavar="RESULTS_OR_SAVE", help="a results file or a save"
    )
    report.add_argument("--out", required=True, type=Path, help="the HTML file to write")
    report.add_argument(
        "--scenario",
        metavar="FILE",
        type=Path,
        default=None,
        help="for a save: the scenario file (default: the installed one with the save's id)",
    )
    _length_option(report, "for a save: the workshop length it was played at")
    _lang_option(report, "nl", "the pack's language, else nl")
    _pack_option(report)

    simulate = commands.add_parser(
        "simulate",
        help="play many seeded games per strategy and report the scenario's balance",
        description="The balance simulator: play N seeded games per strategy on each scenario, "
        "in several processes, and report per strategy the end phases (overall and per "
        "relation), stages and scores, which strategy dominates, and what never matters "
        "(initiatives, actions, events), with warnings in plain words.",
    )
    simulate.add_argument(
        "scenarios",
        nargs="*",
        metavar="SCENARIO",
        help="scenario ids or YAML files (default: every shipped scenario)",
    )
    simulate.add_argument(
        "--runs", type=_positive, default=200, help="games per strategy (default: 200)"
    )
    simulate.add_argument(
        "--strategies",
        type=_strategy_list,
        default=None,
        metavar="A,B,…",
        help="which built-in strategies, comma-separated (default: all): " + ", ".join(STRATEGIES),
    )
    simulate.add_argument(
        "--strategy-file",
        metavar="FILE.py",
        default=None,
        help="also play a custom strategy: a Python file with decide(view) "
        "(see docs/strategies.md)",
    )
    simulate.add_argument(
        "--jobs", type=_positive, default=None, help="processes to use (default: every core)"
    )
    simulate.add_argument("--seed", type=int, default=0, help="the first seed (default: 0)")
    simulate.add_argument("--json", action="store_true", help="print one JSON document")
    _lang_option(simulate, "en")

    saves = commands.add_parser(
        "saves",
        help="list the saved games",
        description="List the saves with team, scenario, round and time, newest first, and "
        "any save file that cannot be used, with the reason.",
    )
    _saves_option(saves)
    _lang_option(saves, "en")

    load = commands.add_parser(
        "load",
        help="check a save file",
        description="Check a save: the file is whole, its format is known (older formats are "
        "upgraded), its checksum matches, its scenario is installed in a compatible version, "
        "and replaying its decisions from its seed gives exactly the saved game.",
    )
    load.add_argument("file", type=Path, help="the save file")
    load.add_argument(
        "--check", action="store_true", help="only verify: exit 0 when valid, 1 with the reason"
    )
    load.add_argument(
        "--scenario",
        metavar="FILE",
        type=Path,
        default=None,
        help="the scenario file to check against (default: the installed one with the save's id)",
    )
    _lang_option(load, "en")

    validate = commands.add_parser(
        "validate",
        help="check scenario files and print every problem with its line",
        description="Check scenario files (or every scenario in a folder) and print each "
        "problem as file:line:column: field.path: message. Exit status 0 when all are valid, "
        "1 otherwise.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="scenario files or folders, or branding pack folders (default: the game's "
        "scenarios folder)",
    )

    new = commands.add_parser(
        "new",
        help="write a commented starter scenario to change",
        description="Write a small, commented scenario that validates and plays, as a start "
        "for your own. It never overwrites a file.",
    )
    new.add_argument("name", help="the new scenario's id: lower-case letters, digits, - and _")
    new.add_argument("--out", default=None, help="where to write it (default: scenarios/NAME.yaml)")

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of scenario files (for editors)",
        description="Print the JSON Schema of scenario files, or write it to a file; "
        "optionally refresh the field reference in the trainers' documentation.",
    )
    schema.add_argument("--out", default=None, help="write the schema to this file")
    schema.add_argument(
        "--docs", default=None, help="refresh the field reference section of this Markdown file"
    )
    from game.bundle.commands import add_build_parser
    from game.packs.commands import add_pack_parser

    extra = [add_build_parser(commands), *add_pack_parser(commands)]
    for sub in (
        play,
        autoplay,
        simulate,
        tour,
        saves,
        load,
        validate,
        new,
        schema,
        compare,
        report,
        *extra,
    ):
        sub.set_defaults(usage=sub.format_usage())
    return parser


def _program_name() -> str:
    """How a person starts this: ``python main.py`` from source, the executable when built."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
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


def _tolerant_streams() -> None:
    """Let a terminal that cannot show a character (ASCII, Latin-1, cp1252) show '?' instead.

    Names, titles and Dutch text hold characters like 'ë', '—' and '→'; on such a terminal
    Python would otherwise stop with ``UnicodeEncodeError`` halfway through the output.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream already closed or detached keeps what it had.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _shows_unicode(stream: TextIO) -> bool:
    """Whether ``stream`` can show any character (a UTF encoding, or a string buffer)."""
    encoding = getattr(stream, "encoding", None)
    return encoding is None or encoding.lower().replace("-", "").startswith("utf")


def _usable_folder(path: Path, usage: str, what: str) -> None:
    """A folder given on the command line: fine if it is one or can be made; else exit 2."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what} {str(path)!r} is a file, not a folder", usage)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"{what} {str(path)!r} cannot be made: {error.strerror or error}", usage
        ) from error


def _load(name: str | None, usage: str) -> Any:
    """The scenario by id or path; a missing file is a usage error."""
    from game.scenario.loader import DEFAULT_SCENARIO, load_scenario, scenario_path

    path = scenario_path(name or DEFAULT_SCENARIO)
    if not path.is_file():
        raise UsageError(f"no scenario {name or DEFAULT_SCENARIO!r} (looked for {path})", usage)
    return load_scenario(path)


def _positive(value: str) -> int:
    """A whole number of at least 1; argparse turns the ValueError into a usage error."""
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _strategy_list(value: str) -> list[str]:
    from game.sim.bots import STRATEGIES

    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in STRATEGIES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown strategy {', '.join(unknown) or value!r}; choose from {', '.join(STRATEGIES)}"
        )
    return names


def _type_scale(value: str) -> float:
    """A type size: 0.85 to 1.4 (as a number, or as a percentage like 140%)."""
    text = value.strip().rstrip("%")
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a type size such as 1.2") from None
    if number > 5:
        number /= 100
    if not 0.85 <= number <= 1.4:
        raise argparse.ArgumentTypeError(f"'{value}': a type size is between 0.85 and 1.4")
    return number


def _size(value: str) -> tuple[int, int]:
    """``1280x720`` → (1280, 720); argparse turns the ValueError into a usage error."""
    width, _, height = value.lower().partition("x")
    size = (int(width), int(height))
    if not (320 <= size[0] <= 8192 and 240 <= size[1] <= 8192):
        raise ValueError(value)
    return size


def _quiet_pygame() -> None:
    """pygame greets on import; a workshop's terminal does not need it."""
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def cmd_play(args: argparse.Namespace, out: TextIO) -> int:
    _quiet_pygame()
    from game.saves import SaveStore
    from game.scenario.loader import scenario_path
    from game.ui.app import App
    from game.ui.settings import Settings
    from game.ui.window import NoDisplayError

    scenario = getattr(args, "scenario", None)
    if scenario is not None and not scenario_path(scenario).is_file():
        # A wrong name is a usage error before any window opens; a file with mistakes opens
        # the window, whose scenario list shows every problem with its line.
        raise UsageError(
            f"no scenario {scenario!r} (looked for {scenario_path(scenario)})", args.usage
        )
    saves_dir = getattr(args, "saves", None)
    if saves_dir is not None and saves_dir.exists() and not saves_dir.is_dir():
        raise UsageError(f"the saves folder {str(saves_dir)!r} is a file, not a folder", args.usage)
    from game.packs.commands import pack_for_run

    chosen = pack_for_run(getattr(args, "pack", None), args.usage if "usage" in args else "")
    if chosen.failed:
        return EXIT_FAILED
    from game.places import data_home
    from game.ui.settings import read_settings

    settings_file = data_home().settings_file
    kept, settings_problem = read_settings(
        settings_file, Settings(language=chosen.pack.language if chosen.pack else "nl")
    )
    # What the command line says wins over what was kept.
    settings = kept.with_(
        language=getattr(args, "lang", None) or kept.language,
        fullscreen=getattr(args, "fullscreen", False) or kept.fullscreen,
    )
    try:
        app = App(
            getattr(args, "size", (1280, 720)),
            settings,
            scenario=scenario,
            seed=getattr(args, "seed", 1),
            saves=SaveStore(saves_dir),
            pack=chosen.pack,
            pack_problem=chosen.problem,
            settings_file=settings_file,
            settings_problem=settings_problem,
            results_dir=getattr(args, "results", None),
        )
    except NoDisplayError as error:
        sys.stderr.write(
            f"No display available ({error}).\n"
            "The game window needs a screen. Without one, play a whole game headless with:\n"
            "  python main.py autoplay --strategy best --seed 7\n"
            "or save every scene as a picture with:\n"
            "  python main.py tour --out screenshots\n"
        )
        return EXIT_FAILED
    try:
        return app.run(quit_after_first_frame=getattr(args, "quit_after_first_frame", False))
    finally:
        app.close()


def cmd_tour(args: argparse.Namespace, out: TextIO) -> int:
    _quiet_pygame()
    from pathlib import Path

    from game.domain import GameLength
    from game.packs.commands import pack_for_run
    from game.scenario.errors import ScenarioError
    from game.ui.tour import TourStopped, run_tour

    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang = args.lang or (chosen.pack.language if chosen.pack else "en")
    if args.scenario is not None:
        try:
            _load(args.scenario, args.usage)
        except ScenarioError as error:
            sys.stderr.write(f"{error}\n")
            return EXIT_FAILED
    folder = Path(args.out)
    _usable_folder(folder, args.usage, "the --out folder")
    import pygame

    findings: list[str] = []

    def inspect(name: str, app: Any) -> None:
        from game.ui.fit import check

        report = check(app)
        findings.extend(f"{name}: {problem}" for problem in report.problems)

    try:
        saved = run_tour(
            folder,
            args.size,
            lang,
            args.scenario,
            args.seed,
            pack=chosen.pack,
            font_scale=args.scale,
            inspect=inspect if args.check else None,
            length=GameLength(args.length),
        )
    except (OSError, pygame.error) as error:
        sys.stderr.write(f"the tour could not save its pictures in {folder}: {error}\n")
        return EXIT_FAILED
    except TourStopped as error:
        sys.stderr.write(f"the tour stopped: {error}\n")
        return EXIT_FAILED
    for path in saved:
        out.write(f"{path}\n")
    out.write(f"{len(saved)} screenshots in {args.out}\n")
    for finding in findings:
        out.write(f"does not fit: {finding}\n")
    if args.check:
        out.write(f"{len(findings)} layout problem{'s' if len(findings) != 1 else ''}\n")
    return EXIT_FAILED if findings else EXIT_OK


def cmd_autoplay(args: argparse.Namespace, out: TextIO) -> int:
    from game.scenario.errors import ScenarioError
    from game.sim import play, score, weakest_line
    from game.sim.council import council_ranking

    try:
        scenario = _load(args.scenario, args.usage)
    except ScenarioError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_FAILED
    if args.save is not None and args.save.is_dir():
        raise UsageError(f"--save {str(args.save)!r} is a folder; give a file name", args.usage)
    if args.results is not None:
        _writable_file(args.results, args.usage, "--results")
    from game.domain import GameLength
    from game.sim.length import played_scenario

    length = GameLength(getattr(args, "length", "full"))
    state = play(played_scenario(scenario, length), args.seed, args.strategy)
    state.length = length
    card = score(state)
    ranking = council_ranking(state, scenario)
    if args.save is not None and _write_autoplay_save(args, state, scenario) != EXIT_OK:
        return EXIT_USAGE
    if args.results is not None and _write_autoplay_results(args, state, scenario) != EXIT_OK:
        return EXIT_USAGE
    if args.json:
        document = {
            "scenario": scenario.id,
            "scenario_version": scenario.version,
            "seed": args.seed,
            "strategy": args.strategy,
            "length": length.value,
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
        # Escaped where the terminal cannot show every character: the JSON stays exact.
        json.dump(document, out, ensure_ascii=not _shows_unicode(out), indent=2)
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
    if args.save is not None:
        out.write(f"saved to {args.save}\n")
    if args.results is not None:
        out.write(f"results written to {args.results}\n")
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace, out: TextIO) -> int:
    """Play the games, then print the report per scenario (text or JSON)."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, scenario_path
    from game.sim.balance import (
        Run,
        StrategyFileError,
        analyse,
        default_jobs,
        load_strategy_file,
        render_text,
        simulate,
        to_json,
    )
    from game.sim.bots import STRATEGIES

    paths = [str(scenario_path(name)) for name in args.scenarios] or [
        str(p) for p in sorted(SCENARIO_DIR.glob("*.yaml"))
    ]
    scenarios = {}
    for path in paths:
        if not Path(path).is_file():
            raise UsageError(f"no scenario {path!r}", args.usage)
        try:
            scenarios[path] = _load(path, args.usage)
        except ScenarioError as error:
            sys.stderr.write(f"{error}\n")
            return EXIT_FAILED
    if args.strategy_file is not None:
        try:
            load_strategy_file(args.strategy_file)
        except StrategyFileError as error:
            raise UsageError(str(error), args.usage) from None
    strategies = args.strategies or list(STRATEGIES)
    run = Run(
        scenarios=paths,
        runs=args.runs,
        strategies=strategies,
        jobs=args.jobs or default_jobs(),
        strategy_file=str(Path(args.strategy_file).resolve()) if args.strategy_file else None,
        first_seed=args.seed,
    )
    total = args.runs * len(paths) * (len(strategies) + (1 if args.strategy_file else 0))
    from tqdm import tqdm

    # A bar on long runs in a terminal; tqdm leaves it out when stderr is not one.
    with tqdm(total=total, unit="game", disable=None if total >= 500 else True, leave=False) as bar:
        results = simulate(run, progress=bar.update)
    lang: Language = args.lang
    reports = [analyse(scenarios[path], results[path], lang) for path in paths]
    if args.json:
        json.dump(to_json(reports, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(render_text(report, lang) for report in reports) + "\n")
    return EXIT_OK


def _write_autoplay_save(args: argparse.Namespace, state: Any, scenario: Any) -> int:
    from game.saves import SaveError, write_save

    try:
        write_save(args.save, state, scenario, args.team)
    except SaveError as error:
        sys.stderr.write(f"{args.save}: {error.explain(args.lang)}\n")
        return EXIT_FAILED
    return EXIT_OK


def _write_autoplay_results(args: argparse.Namespace, state: Any, scenario: Any) -> int:
    from game.results import ResultsError, build_results, write_results
    from game.saves import new_game_id

    try:
        document = build_results(state, scenario, args.team, new_game_id(), args.length)
        write_results(args.results, document)
    except ResultsError as error:
        sys.stderr.write(f"{args.results}: {error.explain(args.lang)}\n")
        return EXIT_FAILED
    return EXIT_OK


def _writable_file(path: Path, usage: str, what: str) -> None:
    """An output file given on the command line: not a folder, and its folder can be made."""
    if path.is_dir():
        raise UsageError(f"{what} {str(path)!r} is a folder; give a file name", usage)
    if path.exists() and not path.is_file():
        raise UsageError(f"{what} {str(path)!r} is not a plain file", usage)
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise UsageError(f"{what} {str(path)!r}: {str(parent)!r} is a file, not a folder", usage)
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            f"{what} {str(path)!r}: its folder cannot be made ({error.strerror or error})", usage
        ) from error
    if not os.access(parent, os.W_OK):
        raise UsageError(f"{what} {str(path)!r}: its folder cannot be written", usage)


def cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    """The teams side by side: every file read, the comparable ones compared, one page out."""
    from game.packs.commands import pack_for_run
    from game.results.compare import compare_files
    from game.results.report import compare_html, write_page

    missing = [str(p) for p in args.results if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}", args.usage)
    _writable_file(args.out, args.usage, "--out")
    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang: Language = args.lang or (chosen.pack.language if chosen.pack else "nl")
    comparison = compare_files(args.results)
    for item in comparison.left_out:
        sys.stderr.write(f"left out: {item.path}: {item.explain('en')}\n")
    try:
        write_page(args.out, compare_html(comparison, lang, chosen.pack))
    except OSError as error:
        raise UsageError(
            f"--out {str(args.out)!r}: {error.strerror or error}", args.usage
        ) from error
    names = ", ".join(team.name for team in comparison.teams) or "none"
    out.write(
        f"wrote {args.out}: {len(comparison.teams)} teams ({names}), "
        f"{len(comparison.left_out)} files left out\n"
    )
    return EXIT_OK if comparison.teams else EXIT_FAILED


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    """A team's debrief report, from its results file or from a save (replayed and checked)."""
    from game.packs.commands import pack_for_run
    from game.results.report import report_html, write_page

    if not args.file.exists():
        raise UsageError(f"no such file: {str(args.file)!r}", args.usage)
    if not args.file.is_file():  # a folder, a pipe, a device: never read
        raise UsageError(f"{str(args.file)!r} is not a plain file", args.usage)
    if args.scenario is not None and not args.scenario.is_file():
        raise UsageError(f"no scenario file {str(args.scenario)!r}", args.usage)
    _writable_file(args.out, args.usage, "--out")
    chosen = pack_for_run(args.pack, args.usage)
    if chosen.failed:
        return EXIT_FAILED
    lang: Language = args.lang or (chosen.pack.language if chosen.pack else "nl")
    results, problem = _results_for_report(args)
    if results is None:
        sys.stderr.write(f"{args.file}: {problem}\n")
        return EXIT_FAILED
    try:
        write_page(args.out, report_html(results, lang, chosen.pack))
    except OSError as error:
        raise UsageError(
            f"--out {str(args.out)!r}: {error.strerror or error}", args.usage
        ) from error
    out.write(f"wrote {args.out}: the report of {results.team} ({results.scenario.id})\n")
    return EXIT_OK


def _results_for_report(args: argparse.Namespace) -> tuple[Any, str]:
    """The results of the file given: read as a results file, or made from a save."""
    from game.results import ResultsError, build_results, read_results
    from game.results.files import decode, encode
    from game.saves import SaveError, find_installed_scenario, load_save
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import load_scenario

    try:
        return read_results(args.file), ""
    except ResultsError as error:
        if error.kind != "unknown_format" or "save" not in error.reason:
            return None, error.explain("en")

    def find_scenario(scenario_id: str) -> Any:
        if args.scenario is None:
            return find_installed_scenario(scenario_id)
        return load_scenario(args.scenario)

    try:
        game = load_save(args.file, find_scenario, use_hint=args.scenario is None)
        # A save knows the length it was played at (issue 10); --length is for older saves.
        length = game.state.length.value if game.state.length.value != "full" else args.length
        document = build_results(
            game.state, game.scenario, game.team, game.info.game_id or game.game_id, length
        )
        return decode(encode(document)), ""
    except (SaveError, ResultsError) as error:
        return None, error.explain("en")
    except ScenarioError as error:
        return None, str(error)


def cmd_saves(args: argparse.Namespace, out: TextIO) -> int:
    from game.saves import SaveStore

    store = SaveStore(args.saves)
    lang: Language = args.lang
    listing = store.scan()
    if listing.problem is not None:
        sys.stderr.write(f"{listing.problem.explain(lang)}\n")
        return EXIT_USAGE
    infos, broken = listing.saves, listing.broken
    if not infos and not broken:
        out.write(f"No saves in {store.directory}\n")
        return EXIT_OK
    out.write(f"Saves in {store.directory}:\n")
    for info in infos:
        what = "autosave" if info.kind == "autosave" else f"slot {info.name!r}"
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        where = "finished" if info.finished else f"round {info.round}"
        backup = "  (backup: the save itself is damaged)" if info.from_backup else ""
        if info.aside:
            backup = "  (set aside)"
        out.write(
            f"  {when}  {info.team:<16} {where:<9} {info.title(lang)} "
            f"({info.scenario_id} {info.scenario_version})  {what}  {info.path.name}{backup}\n"
        )
    if broken:
        out.write("Cannot be used:\n")
        for error in broken:
            name = error.path.name if error.path else "?"
            out.write(f"  {name}: {error.explain(lang)}\n")
    return EXIT_OK


def cmd_load(args: argparse.Namespace, out: TextIO) -> int:
    from game.saves import SaveError, find_installed_scenario, load_save
    from game.saves.atomic import backup_path
    from game.scenario.loader import load_scenario

    lang: Language = args.lang

    if args.scenario is not None and not args.scenario.is_file():
        raise UsageError(f"no scenario file {str(args.scenario)!r}", args.usage)

    def find_scenario(scenario_id: str) -> Any:
        if args.scenario is None:
            return find_installed_scenario(scenario_id)
        return load_scenario(args.scenario)

    try:
        game = load_save(args.file, find_scenario, use_hint=args.scenario is None)
    except SaveError as error:
        if error.kind in BAD_PATH_KINDS:
            raise UsageError(f"{args.file}: {error.explain(lang)}", args.usage) from error
        sys.stderr.write(f"invalid: {args.file}: {error.explain(lang)}\n")
        try:
            backup = load_save(
                backup_path(args.file), find_scenario, use_hint=args.scenario is None
            )
        except SaveError:
            return EXIT_FAILED
        sys.stderr.write(
            f"its backup {backup.info.path.name} is valid (round {backup.info.round}): "
            "continue from it in the game\n"
        )
        return EXIT_FAILED
    info = game.info
    upgraded = (
        f", upgraded from format {info.format_version}"
        if info.format_version != _format_version()
        else ""
    )
    where = "finished" if info.finished else f"at round {info.round} of {game.scenario.rounds}"
    out.write(
        f"ok: {args.file}: team {info.team}, {info.title(lang)} ({info.scenario_id} "
        f"{info.scenario_version}), {where}; replaying its decisions gives the saved game "
        f"exactly{upgraded}\n"
    )
    if not args.check:
        out.write("Continuing a save in the game window comes with the window.\n")
    return EXIT_OK


# Why a save could not be read that lies in the path given, not in the file's content.
BAD_PATH_KINDS = ("not_found", "not_a_file", "unreadable")


def _format_version() -> int:
    from game.saves import FORMAT_VERSION

    return FORMAT_VERSION


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    """Every problem of every file, then one line that sums it up; 1 if anything is wrong."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, SUFFIXES, load_scenario

    files: list[Path] = []
    failed = packs = problems = valid = 0
    bad_paths: list[str] = []
    from game.packs.commands import is_pack, validate_pack

    for given in args.paths or [str(SCENARIO_DIR)]:
        path = Path(given)
        if is_pack(path):
            packs += 1
            ok, count = validate_pack(path, out)
            valid += ok
            problems += count
            failed += not ok
            continue
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            except OSError as error:
                bad_paths.append(f"{path}: this folder cannot be read ({error.strerror or error})")
                continue
            if not found:
                out.write(f"{path}: no scenario files (.yaml) in this folder\n")
                failed += 1
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            bad_paths.append(f"{path}: not a scenario file (a pipe, a device?)")
        else:
            bad_paths.append(f"{path}: there is no such file or folder")
    for path in files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            failed += 1
            problems += len(error.problems)
            for problem in error.problems:
                out.write(f"{problem}\n")
            continue
        valid += 1
        out.write(
            f"{path}: valid — {scenario.title.get('en')}, {scenario.rounds} rounds, "
            f"{len(scenario.initiatives)} initiatives\n"
        )
        from game.scenario.glyphs import scenario_warnings

        for warning in scenario_warnings(path):
            out.write(f"{warning}\n")
    checked = len(files) + packs
    summary = f"{checked} file{'s' if checked != 1 else ''} checked: {valid} valid"
    if problems:
        summary += f", {problems} problem{'s' if problems != 1 else ''} to fix"
    out.write(summary + "\n")
    if bad_paths:
        for line in bad_paths:
            sys.stderr.write(line + "\n")
        raise UsageError(f"{len(bad_paths)} of the paths given cannot be checked", args.usage)
    return EXIT_OK if failed == 0 else EXIT_FAILED


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    """A starter scenario, never over an existing file; it is checked before it is written."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, read_scenario
    from game.scenario.models import CONTENT_ID_PATTERN
    from game.scenario.starter import starter_text

    if not re.fullmatch(CONTENT_ID_PATTERN, args.name):
        raise UsageError(
            f"{args.name!r} cannot be a scenario id: use lower-case letters, digits, '-' and "
            "'_', starting with a letter (e.g. 'gemeente-zuid')",
            args.usage,
        )
    path = Path(args.out) if args.out else SCENARIO_DIR / f"{args.name}.yaml"
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{path} must end in .yaml", args.usage)
    if path.stem != args.name:
        raise UsageError(
            f"the file must be called {args.name}.yaml, so the game finds the scenario by its id",
            args.usage,
        )
    if path.exists():
        out.write(f"{path}: already exists; not overwritten (choose another name or --out)\n")
        return EXIT_FAILED
    text = starter_text(args.name, path)
    try:
        read_scenario(text.encode("utf-8"), path)
    except ScenarioError as error:  # the template itself is wrong: a bug, said plainly
        out.write(f"the starter scenario does not validate:\n{error}\n")
        return EXIT_FAILED
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise UsageError(
            f"{path}: cannot be written: {error.strerror or error}", args.usage
        ) from error
    out.write(
        f"wrote {path}\n"
        f"  check it:  python main.py validate {path}\n"
        f"  play it:   python main.py autoplay {path}\n"
    )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from game.scenario.schema import schema_text, with_reference

    text = schema_text()
    if args.out is None and args.docs is None:
        out.write(text)
        return EXIT_OK
    try:
        if args.out is not None:
            _write_text(Path(args.out), text)
            out.write(f"wrote {args.out}\n")
        if args.docs is not None:
            docs = Path(args.docs)
            _write_text(docs, with_reference(docs.read_text(encoding="utf-8")))
            out.write(f"refreshed the field reference in {args.docs}\n")
    except OSError as error:
        where = getattr(error, "filename", None) or args.out or args.docs
        raise UsageError(f"{where}: {error.strerror or error}", args.usage) from error
    except (ValueError, UnicodeDecodeError) as error:
        out.write(f"{error}\n")
        return EXIT_FAILED
    return EXIT_OK


def _write_text(path: Path, text: str) -> None:
    """Write through a temporary file, so an interrupted write never leaves half a file."""
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    temporary = path.with_name(path.name + ".new")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


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


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "play": cmd_play,
    "autoplay": cmd_autoplay,
    "simulate": cmd_simulate,
    "tour": cmd_tour,
    "saves": cmd_saves,
    "load": cmd_load,
    "validate": cmd_validate,
    "new": cmd_new,
    "schema": cmd_schema,
    "compare": cmd_compare,
    "report": cmd_report,
    "build": lambda args, out: _lazy("game.bundle.commands", "cmd_build")(args, out),
    "pack": lambda args, out: _lazy("game.packs.commands", "cmd_pack")(args, out),
}


def _lazy(module: str, name: str) -> Callable[[argparse.Namespace, TextIO], int]:
    """A command whose code is imported only when it runs (build needs no pygame, and so on)."""
    import importlib

    return getattr(importlib.import_module(module), name)
