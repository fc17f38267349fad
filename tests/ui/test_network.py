"""The network picture (``game.ui.network``): hub and spokes at the start, a web in phase four."""

from __future__ import annotations

from game.scenario.loader import load_scenario
from game.sim import play


def test_the_network_in_phase_four_is_a_web() -> None:
    """Asked for by issue 10."""
    from collections import Counter

    from game.ui.network_layout import build_network

    scenario = load_scenario("grote-stad")
    state = play(scenario, 1, "best")
    assert state.phase.level == 4
    links = build_network(state, scenario, pending=False).links
    degree: Counter[str] = Counter()
    for link in links:
        degree[link.a] += 1
        degree[link.b] += 1
    hub = degree["townhall"]
    busiest = max(v for k, v in degree.items() if k != "townhall")
    assert hub <= busiest + 2, "the town hall is one node among many, not the hub"
    assert hub / len(links) < 0.15
    early = play(scenario, 1, "directing")  # stays in phase 1: hub and spokes
    start_links = build_network(early, scenario, pending=False).links
    assert sum(1 for lk in start_links if "townhall" in (lk.a, lk.b)) > hub
