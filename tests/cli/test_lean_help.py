"""``--help`` and every command's usage stay lean (issue 22): they import no pydantic models, no
pygame, no YAML reader, no catalogue reader and no scenario, simulation, pack or save code, so a
trainer asking for help waits for the interpreter and argparse only."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.cli import COMMANDS
from tests.conftest import ROOT

HEAVY = (
    "pydantic",
    "pygame",
    "pygame_gui",
    "yaml",
    "babel",
    "jinja2",
    "websockets",
    "zeroconf",
    "game.scenario",
    "game.sim",
    "game.packs",
    "game.saves",
    "game.results",
    "game.ui",
    "game.bundle",
    # Since the lazy commands (issue 22): no command's usage needs these either; each cost a few
    # milliseconds of the 35 that the bare interpreter with argparse takes.
    "typing",
    "dataclasses",
    "tempfile",
    "game.domain",
    "game.said",
    "game.places",
)

_PROBE = """
import contextlib, io, json, sys
sys.path.insert(0, {root!r})
from game.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    status = main({argv!r}, io.StringIO())
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {top!r} or m.startswith({games!r}))
print(json.dumps([status, heavy]))
"""


def _imports(argv: list[str]) -> tuple[int, list[str]]:
    tops = sorted({name for name in HEAVY if "." not in name})
    games = tuple(name for name in HEAVY if name.startswith("game."))
    code = _PROBE.format(root=str(ROOT), argv=argv, top=tops, games=games)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    status, heavy = json.loads(done.stdout.strip().splitlines()[-1])
    return status, heavy


@pytest.mark.parametrize("argv", [["--help"], *[[name, "--help"] for name in sorted(COMMANDS)]])
def test_help_imports_nothing_heavy(argv: list[str]) -> None:
    status, heavy = _imports(argv)
    assert status == 0
    assert heavy == [], f"{' '.join(argv)} imports {heavy[:8]}"


def test_the_names_the_usage_lists_are_the_domains() -> None:
    """The command line names strategies and kinds without the domain; they must agree."""
    from game.cli.new import KINDS
    from game.domain import MunicipalRole, OrganisationKind
    from game.strategy_names import ROLE_STRATEGIES

    assert tuple(role.value for role in MunicipalRole) == ROLE_STRATEGIES
    assert {OrganisationKind(value) for value in KINDS.values()} <= set(OrganisationKind)
