"""Strategies that play like workshop groups, not like a perfect bot.

The balance rules ask more than "thinking beats every simple rule": the end result must rise
with how well a group plays, and a group that learns must see it pay. These strategies stand for
the groups a facilitator meets:

- ``table``: a group that follows the help page's owner × relation table and nothing else (no
  per-initiative exceptions), with sensible channels and development;
- ``group``: ``table``, but one role in five is wrong, at random (seeded per game): a workshop
  gets most roles right and some wrong;
- ``learner``: a group that knows no table at all. It learns only from what the screens showed
  after earlier rounds: the verdict and outcome text of each card ("… fits best"), and the lines
  that name the role that would have fitted. For a kind of card it has not seen, it guesses from
  what fitted other cards with the same owner; with nothing to go on, from the help page's one
  sentence on roles (own initiative: directing; the community's: facilitating, taking part or
  letting go; rules broken: normative). Like any group, it slips now and then.

Each keeps a generator of its own, so it never touches the game's dice.

Pure Python: nothing here imports pygame.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

from game.domain import CitizenRelation, InitiativeOwner, MunicipalRole, Prediction
from game.scenario.models import Scenario
from game.sim.review import role_fit_table
from game.sim.rules import CompiledRules, InitiativeInfo, compile_rules
from game.sim.state import GameState

# How often ``group`` picks a wrong role.
GROUP_MISTAKE_SHARE = 0.2
# How often ``learner`` slips from what it has learned.
LEARNER_SLIP_SHARE = 0.2

Pair = tuple[InitiativeOwner, CitizenRelation]

_SUBJECT = CitizenRelation.SUBJECT
_NORMATIVE = MunicipalRole.NORMATIVE

# What the help page's page on roles says in one sentence, per owner.
_HELP_HINT: dict[InitiativeOwner, tuple[MunicipalRole, ...]] = {
    InitiativeOwner.MUNICIPALITY: (MunicipalRole.DIRECTING,),
    InitiativeOwner.COMMUNITY: (
        MunicipalRole.FACILITATING,
        MunicipalRole.PARTICIPATING,
        MunicipalRole.LETTING_GO,
    ),
}


def table_role(scenario: Scenario, info: InitiativeInfo) -> MunicipalRole:
    """The role the help page's table puts first for this owner and relation (the table is
    worked out once per scenario, kept with its compiled rules)."""
    memo = compile_rules(scenario).bot_memo
    table = memo.get(_TABLE)
    if table is None:
        table = memo[_TABLE] = role_fit_table(scenario)
    row = table[(info.owner, info.relation)]
    return max(MunicipalRole, key=lambda role: (row[role], -list(MunicipalRole).index(role)))


_TABLE = ("role_fit_table",)


class GroupMistakes:
    """``table`` with one role in five wrong: a wrong role is any of the other four."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"group:{seed}")

    def role(self, scenario: Scenario, info: InitiativeInfo) -> MunicipalRole:
        right = table_role(scenario, info)
        if self._rng.random() >= GROUP_MISTAKE_SHARE:
            return right
        return self._rng.choice([r for r in MunicipalRole if r is not right])


class Memory:
    """What a group learned from the outcome screens: per owner × relation, the roles it saw
    fit best and the roles it saw fall short."""

    def __init__(self) -> None:
        self.fitted: dict[Pair, set[MunicipalRole]] = {}
        self.failed: dict[Pair, set[MunicipalRole]] = {}
        self.rounds_read = 0

    def read(self, state: GameState, rules: CompiledRules) -> None:
        """Read the rounds played since the last time (what the screens showed)."""
        for record in state.history[self.rounds_read :]:
            named = _named_best(record.effects)
            for outcome in record.outcomes:
                info = rules.initiatives[outcome.initiative]
                pair = (info.owner, info.relation)
                if outcome.fitting:  # the outcome text says this role fits best
                    self.fitted.setdefault(pair, set()).add(outcome.role)
                else:
                    self.failed.setdefault(pair, set()).add(outcome.role)
                    for role in named.get(outcome.initiative, ()):
                        self.fitted.setdefault(pair, set()).add(role)
        self.rounds_read = len(state.history)

    def guess(self, info: InitiativeInfo, rng: random.Random) -> tuple[MunicipalRole, bool]:
        """The role to try, and whether the group is sure of it."""
        pair = (info.owner, info.relation)
        known = self.fitted.get(pair)
        if known:
            return min(known, key=list(MunicipalRole).index), True
        wrong = self.failed.get(pair, set())
        # Nothing seen for this kind of card: what fitted cards of the same owner.
        votes = Counter(
            role
            for (owner, _), roles in self.fitted.items()
            if owner is info.owner
            for role in roles
            if role not in wrong
        )
        if votes:
            return max(votes, key=lambda r: (votes[r], -list(MunicipalRole).index(r))), False
        # Nothing learned yet: the help page's one sentence on roles (own initiative: mostly
        # directing; the community's: facilitating, taking part or letting go; rules broken:
        # normative), which is not the table.
        hint = _HELP_HINT[info.owner] if info.relation is not _SUBJECT else (_NORMATIVE,)
        untried = [r for r in hint if r not in wrong]
        untried = untried or [r for r in MunicipalRole if r not in wrong] or list(MunicipalRole)
        return rng.choice(untried), False


def _named_best(effects: Iterable) -> dict[str, tuple[MunicipalRole, ...]]:
    """Per initiative, the roles a line on the outcome screen named as fitting best."""
    named: dict[str, tuple[MunicipalRole, ...]] = {}
    for effect in effects:
        if effect.source == "initiative" and "best" in effect.params:
            best = effect.params["best"]
            if isinstance(best, tuple) and best and isinstance(best[0], MunicipalRole):
                named[effect.source_id] = best
    return named


class Learner:
    """A group without a table that learns from the screens after each round."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"learner:{seed}")
        self.memory = Memory()
        self._sure: dict[str, bool] = {}

    def observe(self, state: GameState, scenario: Scenario) -> None:
        self.memory.read(state, compile_rules(scenario))
        self._sure = {}

    def role(self, info: InitiativeInfo) -> MunicipalRole:
        role, sure = self.memory.guess(info, self._rng)
        if self._rng.random() < LEARNER_SLIP_SHARE:
            # A group slips now and then, whatever it has learned.
            role = self._rng.choice([r for r in MunicipalRole if r is not role])
            sure = False
        self._sure[info.id] = sure
        return role

    def sure_of(self, initiative_id: str) -> bool:
        return self._sure.get(initiative_id, False)


def unsure_prediction(*_: object) -> Prediction:
    """A group trying a role it has not seen work expects a mixed result."""
    return Prediction.MIXED
