"""Which scenarios the scenario list shows when a pack is in use, and in what order.

From source, the list shows what a build with this pack would hold: the game's scenarios the
pack names, then the pack's own. In a built game the build already copied exactly those into the
game's ``scenarios/`` folder, so everything there is shown, including files trainers dropped in
later. Either way the pack's order comes first, the rest follows by id.
"""

from __future__ import annotations

from pathlib import Path

from game.packs.loader import Pack
from game.places import is_frozen
from game.scenario.loader import SCENARIO_DIR, ScenarioInfo, list_scenarios


def pack_scenarios(
    pack: Pack, game_dir: Path = SCENARIO_DIR, whole_folder: bool | None = None
) -> list[ScenarioInfo]:
    """Every scenario the list shows with ``pack``, each loaded or with its problems."""
    if whole_folder is None:
        whole_folder = is_frozen()
    infos: list[ScenarioInfo] = []
    if game_dir.is_dir():
        chosen = None if whole_folder else {p.resolve() for p in pack.game_scenarios(game_dir)}
        infos += [
            info
            for info in list_scenarios(game_dir)
            if chosen is None or info.path.resolve() in chosen
        ]
    if pack.scenario_dir.is_dir():
        infos += list_scenarios(pack.scenario_dir, within=pack.folder)
    order = {name: rank for rank, name in enumerate(pack.scenario_order())}
    return sorted(infos, key=lambda info: (order.get(info.id, len(order)), info.id))
