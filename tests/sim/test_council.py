"""The council account's figures and its place among the survey's ten best (table 14)."""

from __future__ import annotations

import io
import json

from game.cli import main
from game.domain import MunicipalRole
from game.scenario.models import Scenario
from game.sim import Decisions, InitiativeDecision, new_game, resolve_round
from game.sim.council import account_figures, council_ranking
from game.sim.survey import TABLE_14_TOP_TEN
from tests.conftest import make_scenario

MONITORING = {
    "id": "monitoring",
    "title": "Monitoring",
    "text": "Follow what is said.",
    "cost": {"capacity": 1},
}


def _with_account(**account: object) -> Scenario:
    settings = {"channel": "twitter", "followers_at_full_audience": 3.0} | account
    return make_scenario(council_account=settings, actions=[MONITORING])


def test_no_account_no_ranking(small: Scenario) -> None:
    state = new_game(small, 1)
    assert council_ranking(state, small) is None
    assert account_figures(state, small) is None


def test_the_starting_figures_as_share_of_inhabitants() -> None:
    scenario = _with_account(followers=100, following=20, tweets=50)
    figures = account_figures(new_game(scenario, 1), scenario)
    assert figures is not None
    assert (figures.followers, figures.following, figures.tweets) == (100, 20, 50)
    assert (figures.followers_pct, figures.following_pct, figures.tweets_pct) == (1.0, 0.2, 0.5)


def test_using_the_channel_posts_listens_and_gains_followers() -> None:
    scenario = _with_account(
        followers=100,
        tweets=50,
        tweets_per_purpose=30,
        following_per_listen=15,
        follow_actions={"monitoring": 40},
    )
    state = new_game(scenario, 1)
    decisions = Decisions(
        (InitiativeDecision("garden", MunicipalRole.LETTING_GO, ("twitter",)),),
        actions=("monitoring",),
    )
    after, _ = resolve_round(state, decisions, scenario, state.rng())
    figures = account_figures(after, scenario)
    assert figures is not None
    # The garden has one purpose, following residents: one batch of posts and one listen.
    assert figures.tweets == 50 + 30
    assert figures.following == 15 + 40
    grown = after.channels["twitter"] - 50  # the channel's audience in the test scenario
    assert grown > 0
    assert figures.followers == 100 + round(10_000 * 3.0 / 100 * grown / 100)


def test_a_decision_without_the_channel_changes_nothing() -> None:
    scenario = _with_account(followers=100, tweets=50)
    state = new_game(scenario, 1)
    decisions = Decisions((InitiativeDecision("garden", MunicipalRole.LETTING_GO, ("website",)),))
    after, _ = resolve_round(state, decisions, scenario, state.rng())
    before = account_figures(state, scenario)
    assert account_figures(after, scenario) == before


def test_an_empty_account_ends_last_and_buren_wins_as_in_the_survey() -> None:
    scenario = _with_account()
    ranking = council_ranking(new_game(scenario, 1), scenario)
    assert ranking is not None
    assert len(ranking.rows) == len(TABLE_14_TOP_TEN) + 1
    assert ranking.position == 11 and ranking.rows[-1].is_player
    assert ranking.player.ranks == (11, 11, 11)
    first = ranking.rows[0]
    assert first.name.en == "Buren" and first.rank_sum == 8 and first.position == 1
    sums = {row.name.en: row.rank_sum for row in ranking.rows}
    # Hoorn: followers 3rd, following shares 8th, tweets 1st; Haarlemmerliede: 1st, 8th, 3rd.
    assert sums["Hoorn"] == sums["Haarlemmerliede"] == 12
    positions = [row.position for row in ranking.rows]
    assert positions == sorted(positions)


def test_equal_figures_share_ranks_and_position() -> None:
    # Exactly Buren's figures: 1.9% / 0.5% / 6.9% of 10,000 inhabitants.
    scenario = _with_account(followers=190, following=50, tweets=690)
    ranking = council_ranking(new_game(scenario, 1), scenario)
    assert ranking is not None
    buren = next(row for row in ranking.rows if row.name.en == "Buren")
    assert ranking.player.ranks == buren.ranks
    assert ranking.position == buren.position == 1
    assert ranking.rows[0] is buren and ranking.rows[1].is_player


def test_the_account_name_defaults_to_the_organisation() -> None:
    scenario = _with_account()
    ranking = council_ranking(new_game(scenario, 1), scenario)
    assert ranking is not None and ranking.player.name.nl == "Testdorp"
    named = _with_account(name={"nl": "Raad van Testdorp", "en": "Testdorp council"})
    ranking = council_ranking(new_game(named, 1), named)
    assert ranking is not None and ranking.player.name.en == "Testdorp council"


def test_autoplay_json_ranks_the_council_account_only_where_there_is_one() -> None:
    out = io.StringIO()
    assert main(["autoplay", "raadsgriffie", "--seed", "4", "--json"], out) == 0
    final = json.loads(out.getvalue())["final"]
    ranking = final["council_ranking"]
    assert len(ranking["rows"]) == 11 and 1 <= ranking["position"] <= 11
    assert sum(row["is_player"] for row in ranking["rows"]) == 1
    assert ranking["survey_average"] == {"followers": 673, "following": 145, "tweets": 555}
    out = io.StringIO()
    assert main(["autoplay", "--seed", "4", "--json"], out) == 0
    assert "council_ranking" not in json.loads(out.getvalue())["final"]
