"""The comparison of teams (``game.results.compare``): who is compared, and who is left out and why
(issue 12)."""

from __future__ import annotations

from pathlib import Path

from game.results.compare import compare_files, compare_results
from game.saves import new_game_id
from game.scenario.models import Scenario
from game.sim import play
from game.sim.state import GameState
from tests.helpers.results import write_team_results
from tests.helpers.saves import played


def test_compare_leaves_out_bad_files_and_other_games_with_the_reason(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    scenario = default_scenario
    rood = write_team_results(tmp_path, games["best"], scenario, "Team Rood")
    blauw = write_team_results(tmp_path, games["random"], scenario, "Team Blauw")
    groen = write_team_results(tmp_path, games["participating"], scenario, "Team Rood")  # same name
    other_seed = write_team_results(tmp_path, play(scenario, 8, "best"), scenario, "Team Zaad")
    short = write_team_results(tmp_path, games["best"], scenario, "Team Kort", length="short")
    broken = tmp_path / "broken.json"
    broken.write_text("{ nope")
    game_id = new_game_id()
    halfway = write_team_results(
        tmp_path, played(scenario, 7, 4, "best"), scenario, "Team Geel", game_id=game_id
    )
    whole = write_team_results(
        tmp_path / "usb", games["best"], scenario, "Team Geel", game_id=game_id
    )
    comparison = compare_files([rood, blauw, groen, other_seed, short, broken, halfway, whole])
    names = [team.name for team in comparison.teams]
    assert names == ["Team Rood", "Team Blauw", "Team Rood (2)", "Team Geel"]
    assert comparison.teams[-1].path == whole  # the copy that got furthest
    reasons = {item.path.name: item.explain("en") for item in comparison.left_out}
    assert "seed" in reasons[other_seed.name]
    assert "length" in reasons[short.name]
    assert "damaged" in reasons[broken.name]
    assert "same game" in reasons[halfway.name]
    assert all(item.explain("nl") for item in comparison.left_out)
    rows = comparison.initiative_rows()
    assert rows and all(len(row.choices) == 4 for row in rows)
    assert any(row.differed for row in rows)
    # A folder (a USB stick's results/) is read whole; another scenario is left out.
    raad = play_other(tmp_path)
    folder = compare_files([tmp_path / "usb", raad])
    assert [t.name for t in folder.teams] == ["Team Geel"]
    assert "scenario" in folder.left_out[0].explain("en")
    assert compare_results([]).teams == []


def play_other(tmp_path: Path) -> Path:
    from game.scenario.loader import load_scenario, scenario_path

    scenario = load_scenario(scenario_path("raadsgriffie"))
    return write_team_results(tmp_path, play(scenario, 7, "best"), scenario, "Griffie")


def test_a_folder_says_what_it_did_not_read(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    """Issue 19: files left out without a word. A folder inside (another workshop's) is listed,
    and a results file whose name a USB stick wrote in capitals is read."""
    rood = write_team_results(tmp_path, games["best"], default_scenario, "Team Rood")
    blauw = write_team_results(tmp_path, games["random"], default_scenario, "Team Blauw")
    blauw.rename(blauw.with_suffix(".JSON"))
    write_team_results(tmp_path / "vorige-week", games["best"], default_scenario, "Team Oud")
    (tmp_path / "leeg").mkdir()
    comparison = compare_files([tmp_path])
    assert sorted(t.name for t in comparison.teams) == ["Team Blauw", "Team Rood"]
    assert [item.path.name for item in comparison.left_out] == ["vorige-week"]
    assert "not read" in comparison.left_out[0].explain("en")
    assert "niet gelezen" in comparison.left_out[0].explain("nl")
    assert rood.is_file()


def _with_news_at(scenario: Scenario, seed: int, at_round: int) -> tuple[GameState, str]:
    """A whole game of the best bot with one piece of news brought in at ``at_round``."""
    from game.sim import Bot, new_game, resolve_round
    from game.sim.facilitator import inject_event, injectable_events

    state = new_game(scenario, seed)
    rng, bot = state.rng(), Bot("best", seed)
    brought = ""
    while not state.finished:
        if state.round == at_round and not brought:
            brought = injectable_events(state, scenario)[0].id
            state, _ = inject_event(state, scenario, brought)
        state, _ = resolve_round(state, bot.decide(state, scenario), scenario, rng)
    return state, brought


def test_the_comparison_says_who_got_which_news(
    games: dict[str, GameState], default_scenario: Scenario, tmp_path: Path
) -> None:
    """Issue 19: news brought in for one team only made the page still say "the same chances"."""
    from game.results.compare import NewsCell
    from game.results.compare_page import compare_html

    scenario = default_scenario
    with_news, event = _with_news_at(scenario, 7, 2)
    rood = write_team_results(tmp_path, with_news, scenario, "Team Rood")
    blauw = write_team_results(tmp_path, games["best"], scenario, "Team Blauw")
    comparison = compare_files([rood, blauw])
    assert not comparison.same_news
    row = next(r for r in comparison.news_rows() if r.event == event)
    assert (row.round, row.cells) == (2, (NewsCell.BROUGHT, NewsCell.NONE))
    assert row.differed and row.teams_with_it(["Team Rood", "Team Blauw"]) == ["Team Rood"]
    page = compare_html(comparison, "en")
    assert "but not the same news" in page and "News per team" in page
    assert "✚ brought in" in page and "– not had" in page
    assert "the same chances" not in page
    # The game's own news, had by both, is no difference; the same news for both says so.
    same = compare_files([blauw, write_team_results(tmp_path, games["random"], scenario, "Groen")])
    if any(record.events for record in same.teams[0].results.rounds):
        assert same.news_rows() and all(not r.differed for r in same.news_rows())
    assert same.same_news
    dutch = compare_html(same, "nl")
    assert "dezelfde kansen" in dutch and "Nieuws per team" in dutch
