"""``new``: write a commented starter scenario, never over an existing file."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from game.cli.options import COMMAND_HELP, Commands, given_path, lang_option
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.cli.writing import write_once

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from game.domain import Language, OrganisationKind

# The kinds with a starter (game/scenario/starters/), by the names trainers use: the short
# English name, the value in scenario files, and the Dutch word; each to its value (an
# ``OrganisationKind`` once read: the domain is not loaded for --help).
KINDS: dict[str, str] = {
    "municipality": "municipality",
    "gemeente": "municipality",
    "water_board": "water_board",
    "waterschap": "water_board",
    "province": "province",
    "provincie": "province",
    "police": "police",
    "politie": "police",
    "clerk": "council_clerk",
    "council_clerk": "council_clerk",
    "griffie": "council_clerk",
}
_SHOWN_KINDS = "municipality,water_board,province,police,clerk"


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    new = commands.add_parser(
        "new",
        help=COMMAND_HELP["new"],
        description="Write a small, commented scenario that validates and plays, as a start "
        "for your own. It never overwrites a file.",
    )
    new.add_argument("name", help="the new scenario's id: lower-case letters, digits, - and _")
    new.add_argument(
        "--out",
        type=given_path,
        default=None,
        help="where to write it (default: scenarios/NAME.yaml)",
    )
    new.add_argument(
        "--kind",
        type=_kind,
        default="municipality",  # argparse reads it with _kind, as it reads what is given
        metavar="{" + _SHOWN_KINDS + "}",
        help="the kind of organisation, for purposes, relations and channels that fit it "
        "(default: municipality; council_clerk and the Dutch names work too)",
    )
    lang_option(new, "en")
    new.set_defaults(usage=new.format_usage())
    return new


def _kind(value: str) -> OrganisationKind:
    """The kind by any of its names; a wrong one is a usage error that lists the choices."""
    from game.domain import OrganisationKind

    kind = KINDS.get(value.strip().lower().replace("-", "_"))
    if kind is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} has no starter; choose one of {_SHOWN_KINDS.replace(',', ', ')}"
        )
    return OrganisationKind(kind)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """A starter scenario, never over an existing file; it is checked before it is written."""
    from game.said import said
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, read_scenario
    from game.scenario.models import CONTENT_ID_PATTERN
    from game.scenario.starter import starter_text

    lang: Language = args.lang
    if not re.fullmatch(CONTENT_ID_PATTERN, args.name):
        raise UsageError(
            said(
                "{name} cannot be a scenario id: use lower-case letters, digits, '-' and '_', "
                "starting with a letter (e.g. 'gemeente-zuid')",
                name=repr(args.name),
            ).into(lang),
            args.usage,
        )
    path = Path(args.out) if args.out else SCENARIO_DIR / f"{args.name}.yaml"
    if path.suffix not in (".yaml", ".yml"):
        raise UsageError(said("{path} must end in .yaml", path=path).into(lang), args.usage)
    if path.stem != args.name:
        raise UsageError(
            said(
                "the file must be called {name}.yaml, so the game finds the scenario by its id",
                name=args.name,
            ).into(lang),
            args.usage,
        )
    exists = said(
        "{path}: already exists; not overwritten (choose another name or --out)", path=path
    )
    if path.exists():
        out.write(exists.into(lang) + "\n")
        return EXIT_FAILED
    text = starter_text(args.name, path, args.kind)
    try:
        read_scenario(text.encode("utf-8"), path)
    except ScenarioError as error:  # the template itself is wrong: a bug, said plainly
        out.write(said("the starter scenario does not validate:").into(lang) + "\n")
        out.write("".join(problem.text(lang) + "\n" for problem in error.problems))
        return EXIT_FAILED
    try:
        # Whole or not at all: a full disk leaves no empty scenario behind.
        write_once(path, text.encode("utf-8"), args.usage)
    except FileExistsError:
        out.write(exists.into(lang) + "\n")
        return EXIT_FAILED
    wrote = said(
        "wrote {path}\n  check it:  python main.py validate {path}\n"
        "  play it:   python main.py autoplay {path}",
        path=path,
    )
    out.write(wrote.into(lang) + "\n")
    return EXIT_OK
