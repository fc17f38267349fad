"""``validate``: check scenario files and branding packs, every problem with its line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.options import COMMAND_HELP, Commands, given_path, lang_option
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError

# typing's TYPE_CHECKING without importing typing: this command's --help stays lean.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from game.domain import Language
    from game.said import Said


def add_parser(commands: Commands) -> argparse.ArgumentParser:
    validate = commands.add_parser(
        "validate",
        help=COMMAND_HELP["validate"],
        description="Check scenario files (or every scenario in a folder) and print each "
        "problem as file:line:column: field.path: message. Exit status 0 when all are valid, "
        "1 otherwise.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=given_path,
        metavar="PATH",
        help="scenario files or folders, or branding pack folders (default: the game's "
        "scenarios folder)",
    )
    lang_option(validate, "en")
    validate.set_defaults(usage=validate.format_usage())
    return validate


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Every problem of every file, then one line that sums it up; 1 if anything is wrong."""
    from game.packs import is_pack
    from game.said import said
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, SUFFIXES, load_scenario

    lang: Language = args.lang
    files: list[Path] = []
    failed = packs = problems = valid = 0
    bad_paths: list[Said] = []
    for given in args.paths or [str(SCENARIO_DIR)]:
        path = Path(given)
        if is_pack(path):
            packs += 1
            ok, count = validate_pack(path, out, lang)
            valid += ok
            problems += count
            failed += not ok
            continue
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            except OSError as error:
                why = error.strerror or str(error)
                bad_paths.append(
                    said("{path}: this folder cannot be read ({why})", path=path, why=why)
                )
                continue
            if not found:
                out.write(
                    said("{path}: no scenario files (.yaml) in this folder", path=path).into(lang)
                    + "\n"
                )
                failed += 1
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            bad_paths.append(said("{path}: not a scenario file (a pipe, a device?)", path=path))
        else:
            bad_paths.append(said("{path}: there is no such file or folder", path=path))
    for path in files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            failed += 1
            problems += len(error.problems)
            for problem in error.problems:
                out.write(problem.text(lang) + "\n")
            continue
        valid += 1
        count = len(scenario.initiatives)
        summary = said(
            "{path}: valid — {title}, {rounds} rounds, {initiatives}",
            path=path,
            title=scenario.title.get(lang),
            rounds=scenario.rounds,
            initiatives=said("1 initiative")
            if count == 1
            else said("{count} initiatives", count=count),
        )
        out.write(summary.into(lang) + "\n")
        from game.scenario.glyphs import scenario_warnings

        for warning in scenario_warnings(path, scenario):
            out.write(warning.text(lang) + "\n")
    out.write(_summary(len(files) + packs, valid, problems).into(lang) + "\n")
    if bad_paths:
        for line in bad_paths:
            sys.stderr.write(line.into(lang) + "\n")
        raise UsageError(
            said("{count} of the paths given cannot be checked", count=len(bad_paths)).into(lang),
            args.usage,
        )
    return EXIT_OK if failed == 0 else EXIT_FAILED


def _summary(checked: int, valid: int, problems: int) -> str:
    """ "3 files checked: 2 valid, 4 problems to fix", with singulars where they belong."""
    from game.said import said

    files = (
        said("1 file checked: {valid} valid", valid=valid)
        if checked == 1
        else said("{checked} files checked: {valid} valid", checked=checked, valid=valid)
    )
    if not problems:
        return files
    if problems == 1:
        return said("{files}, 1 problem to fix", files=files)
    return said("{files}, {problems} problems to fix", files=files, problems=problems)


def validate_pack(path: Path, out: TextIO, lang: Language = "en") -> tuple[bool, int]:
    """Print every problem of the pack (and its own scenarios); (valid, number of problems)."""
    from game.packs import PackError, check_pack, pack_file
    from game.said import said

    try:
        pack = check_pack(path)
    except PackError as error:
        for problem in error.problems:
            out.write(problem.text(lang) + "\n")
        return False, len(error.problems)
    line = said(
        "{file}: valid — pack '{id}' for {name}: {games} of the game's scenarios and {own} of "
        "its own",
        file=pack_file(path),
        id=pack.id,
        name=pack.name.get(lang),
        games=len(pack.game_scenarios()),
        own=len(pack.own_scenarios()),
    )
    out.write(line.into(lang) + "\n")
    return True, 0
