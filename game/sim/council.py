"""The council's own account against the survey's ten best (MODEL.md §6, table 14).

The survey of 2014 scored council Twitter accounts on three assumptions: a well-run account
gets followed, an account that wants to know what goes on follows others, and an active account
posts. Each is measured per inhabitant; an account's score is the sum of its ranks on the three
measures, and the lowest sum wins.

The game derives the player's three figures from play (the scenario's ``council_account`` gives
the starting figures and the rates):
- followers grow with the channel's audience, which grows every time the channel serves an
  initiative, and more when it fits the initiative's purposes;
- messages: every initiative the channel served adds a batch per purpose it was used for;
- accounts followed: every use for an initiative that follows council members or residents, and
  the development actions the scenario lists (monitoring, say).

The ranking is computed among eleven accounts: the real top ten and the player's. The survey
ranked all 93 accounts, so the real ten's ranks here are their ranks among each other, which keeps
the table readable on one screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.domain import Bilingual, Purpose
from game.scenario.models import CouncilAccount, Scenario
from game.sim.state import GameState
from game.sim.survey import AVERAGE_ACCOUNT, TABLE_14_TOP_TEN

_LISTENING = frozenset({Purpose.FOLLOW_MEMBERS, Purpose.FOLLOW_RESIDENTS})


@dataclass(frozen=True, slots=True)
class AccountFigures:
    """The council account's three figures, as counts and as % of inhabitants (one decimal)."""

    followers: int
    following: int
    tweets: int
    followers_pct: float
    following_pct: float
    tweets_pct: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "followers": self.followers,
            "following": self.following,
            "tweets": self.tweets,
            "followers_pct": self.followers_pct,
            "following_pct": self.following_pct,
            "tweets_pct": self.tweets_pct,
        }


@dataclass(frozen=True, slots=True)
class RankingRow:
    """One account in the ranking: its figures (% of inhabitants), ranks, their sum, position."""

    name: Bilingual
    followers_pct: float
    following_pct: float
    tweets_pct: float
    ranks: tuple[int, int, int]
    rank_sum: int
    position: int
    is_player: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": {"nl": self.name.nl, "en": self.name.en},
            "followers_pct": self.followers_pct,
            "following_pct": self.following_pct,
            "tweets_pct": self.tweets_pct,
            "ranks": list(self.ranks),
            "rank_sum": self.rank_sum,
            "position": self.position,
            "is_player": self.is_player,
        }


@dataclass(frozen=True, slots=True)
class CouncilRanking:
    """The player's account and its place among the survey's ten best council accounts."""

    figures: AccountFigures
    position: int
    rows: tuple[RankingRow, ...]
    average: tuple[int, int, int] = AVERAGE_ACCOUNT

    @property
    def player(self) -> RankingRow:
        return next(row for row in self.rows if row.is_player)

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": self.figures.to_dict(),
            "position": self.position,
            "of": len(self.rows),
            "rows": [row.to_dict() for row in self.rows],
            "survey_average": dict(
                zip(("followers", "following", "tweets"), self.average, strict=True)
            ),
        }


def account_figures(state: GameState, scenario: Scenario) -> AccountFigures | None:
    """The council account's followers, following and messages so far; None if it has none."""
    account = scenario.council_account
    if account is None:
        return None
    return _figures(state, scenario, account)


def _figures(state: GameState, scenario: Scenario, account: CouncilAccount) -> AccountFigures:
    inhabitants = scenario.organisation.inhabitants
    channel_id = account.channel
    audience = state.channels.get(channel_id)
    followers = account.followers
    if audience is not None:
        # Whether in use at the start or opened later, a channel starts at its scenario audience;
        # only what it grew through use brings followers.
        base = next((c.audience for c in scenario.channels if c.id == channel_id), 0.0)
        grown = max(0.0, audience - base)
        followers += round(inhabitants * account.followers_at_full_audience / 100 * grown / 100)

    tweets = account.tweets
    following = account.following
    for record in state.history:
        for decision in record.decisions.initiatives:
            if channel_id not in decision.channels:
                continue
            purposes = scenario.initiative(decision.initiative).purposes
            tweets += account.tweets_per_purpose * max(1, len(purposes))
            if _LISTENING.intersection(purposes):
                following += account.following_per_listen
    for action_id, accounts in account.follow_actions.items():
        following += accounts * state.actions_done.get(action_id, 0)

    def pct(count: int) -> float:
        return round(100.0 * count / inhabitants, 1)

    return AccountFigures(followers, following, tweets, pct(followers), pct(following), pct(tweets))


def council_ranking(state: GameState, scenario: Scenario) -> CouncilRanking | None:
    """Rank the player's council account against table 14; None when the scenario has none.

    Pure: reads the state (usually at the end of the game, but any round works) and the scenario.
    Ranks are shared on equal values (1, 2, 2, 4); the lowest sum of the three ranks wins, and
    equal sums share a position.
    """
    account = scenario.council_account
    if account is None:
        return None
    figures = _figures(state, scenario, account)
    name = account.name.pair() if account.name is not None else scenario.organisation.name.pair()
    accounts: list[tuple[Bilingual, tuple[float, float, float], bool]] = [
        (Bilingual(town, town), (followers, following, tweets), False)
        for town, followers, following, tweets in TABLE_14_TOP_TEN
    ]
    accounts.append(
        (name, (figures.followers_pct, figures.following_pct, figures.tweets_pct), True)
    )
    ranks = [
        tuple(1 + sum(1 for _, other, _ in accounts if other[m] > values[m]) for m in range(3))
        for _, values, _ in accounts
    ]
    sums = [sum(r) for r in ranks]
    rows = [
        RankingRow(
            name=name_,
            followers_pct=values[0],
            following_pct=values[1],
            tweets_pct=values[2],
            ranks=(rank[0], rank[1], rank[2]),
            rank_sum=total,
            position=1 + sum(1 for other in sums if other < total),
            is_player=is_player,
        )
        for (name_, values, is_player), rank, total in zip(accounts, ranks, sums, strict=True)
    ]
    # Equal sums keep the survey's order, with the player's account after the real ones.
    order = sorted(range(len(rows)), key=lambda i: (rows[i].rank_sum, rows[i].is_player, i))
    ordered = tuple(rows[i] for i in order)
    player = next(row for row in ordered if row.is_player)
    return CouncilRanking(figures=figures, position=player.position, rows=ordered)
