"""The role-fit table in the docs is the game's own (issue 20: docs/scenarios.md only pointed
elsewhere): docs/scenarios.md's best and also-fitting roles, and rules.md's numbers."""

from __future__ import annotations

import re

from game.sim.fit import ALSO_FIT
from game.sim.rules import DEFAULT_ROLE_FIT
from tests.conftest import ROOT

ROW = re.compile(r"^\| `(\w+)` \| `(\w+)` \| ([^|]+) \| ([^|]+) \|$", re.MULTILINE)


def _words(cell: str) -> set[str]:
    return {w.strip().replace(" ", "_") for w in cell.split(",") if w.strip() not in ("", "–")}


def test_the_scenario_guide_names_each_cells_best_and_also_fitting_roles() -> None:
    text = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    found = {
        (owner, relation): (_words(best), _words(also))
        for owner, relation, best, also in ROW.findall(text)
    }
    assert len(found) == len(DEFAULT_ROLE_FIT)
    for (owner, relation), row in DEFAULT_ROLE_FIT.items():
        top = max(row.values())
        best = {r.value for r, v in row.items() if v == top}
        also = {r.value for r, v in row.items() if ALSO_FIT * 100 <= v < top}
        assert found[(owner.value, relation.value)] == (best, also), (owner, relation)


def test_the_rules_table_holds_the_games_numbers() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    cells = re.findall(r"^\| (organisation|community) \| (\w+) \|(.+)\|$", text, re.MULTILINE)
    numbers = {
        ("municipality" if owner == "organisation" else owner, relation): [
            int(re.sub(r"\D", "", cell)) for cell in rest.split("|")
        ]
        for owner, relation, rest in cells
    }
    assert len(numbers) == len(DEFAULT_ROLE_FIT)
    for (owner, relation), row in DEFAULT_ROLE_FIT.items():
        assert numbers[(owner.value, relation.value)] == [int(v) for v in row.values()], relation
