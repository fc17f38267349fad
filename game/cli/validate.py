"""``validate``: check scenario files and branding packs, every problem with its line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from game.cli.options import Commands, given_path
from game.cli.usage import EXIT_FAILED, EXIT_OK, UsageError
from game.packs import PackError, check_pack, is_pack, pack_file


def add_parser(commands: Commands) -> argparse.ArgumentParser:
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
        type=given_path,
        metavar="PATH",
        help="scenario files or folders, or branding pack folders (default: the game's "
        "scenarios folder)",
    )
    validate.set_defaults(usage=validate.format_usage())
    return validate


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Every problem of every file, then one line that sums it up; 1 if anything is wrong."""
    from game.scenario.errors import ScenarioError
    from game.scenario.loader import SCENARIO_DIR, SUFFIXES, load_scenario

    files: list[Path] = []
    failed = packs = problems = valid = 0
    bad_paths: list[str] = []
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

        for warning in scenario_warnings(path, scenario):
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


def validate_pack(path: Path, out: TextIO) -> tuple[bool, int]:
    """Print every problem of the pack (and its own scenarios); (valid, number of problems)."""
    try:
        pack = check_pack(path)
    except PackError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        return False, len(error.problems)
    own = len(pack.own_scenarios())
    games = len(pack.game_scenarios())
    out.write(
        f"{pack_file(path)}: valid — pack '{pack.id}' for {pack.name.get('en')}: "
        f"{games} of the game's scenarios and {own} of its own\n"
    )
    return True, 0
