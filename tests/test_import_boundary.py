"""The simulation core never imports pygame or the UI (STYLE.md §1)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_sim_runs_a_whole_game_without_importing_pygame() -> None:
    code = (
        "import sys\n"
        "from game.scenario.loader import load_scenario\n"
        "from game.sim import play\n"
        "play(load_scenario(), 3, 'best')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'pygame_gui')"
        " or m.startswith('game.ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_no_sim_module_mentions_pygame_or_the_ui() -> None:
    offenders = []
    for path in (ROOT / "game" / "sim").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and (
                "pygame" in stripped or "game.ui" in stripped
            ):
                offenders.append(f"{path.name}:{number}: {stripped}")
    assert offenders == []
