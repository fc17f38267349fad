"""The second pass over a scenario whose shape is right: do its ids and references add up?

Pydantic checks each value on its own; this pass checks the scenario as a whole: ids unique per
kind, every id referred to exists (with "did you mean …?"), every initiative can arrive, every
scheduled round is within the scenario's rounds, and every asset file exists inside the
scenario's folder. Each finding points at the value in the file that is wrong. The games a
short and a standard length make of a sound scenario are checked the same way
(``length_problems``).
"""

from __future__ import annotations

from pathlib import Path

from game.said import said
from game.scenario.asset_files import asset_problem, assets
from game.scenario.errors import Problem, did_you_mean
from game.scenario.models import Condition, Scenario
from game.scenario.reference_words import (
    A_KIND,
    EACH_KIND,
    KIND_NAMES,
    NO_KIND,
    THE_KIND,
    known,
    never_comes,
)
from game.scenario.shorter import SHORTER, selection, shorter_scenario
from game.scenario.yamltree import DataPath, Document, path_text

_LISTS = {
    "channel": "channels",
    "initiative": "initiatives",
    "action": "actions",
    "event": "events",
}
_CONDITION_REFERENCES = (
    ("action_done", "action"),
    ("action_not_done", "action"),
    ("event_happened", "event"),
    ("event_not_happened", "event"),
    ("channel_in_use", "channel"),
)


class _Check:
    """Collects findings for one scenario, placed in the file through its document.

    ``game`` is set when the scenario is the one a shorter game plays: its findings are placed
    at the values they come from in the file, and say which game they are about.
    """

    def __init__(
        self, scenario: Scenario, document: Document, game: _ShorterGame | None = None
    ) -> None:
        self.scenario = scenario
        self.document = document
        self.game = game
        self.problems: list[Problem] = []
        self.ids: dict[str, dict[str, int]] = {}

    def add(self, path: DataPath, message: str, at_key: bool = False) -> None:
        document = self.document
        if self.game is not None:
            path = self.game.place(path)
            message = said("{game}: {message}", game=self.game.name, message=message)
        line, column = document.key_mark(path) if at_key else document.mark(path)
        self.problems.append(
            Problem(self.document.file, line, column, path_text(path, self.document.data), message)
        )

    def line_of(self, path: DataPath) -> int:
        return self.document.mark(path)[0]

    def unique_ids(self) -> None:
        for kind, key in _LISTS.items():
            first: dict[str, int] = {}
            for index, item in enumerate(getattr(self.scenario, key)):
                if item.id in first:
                    earlier = self.line_of((key, first[item.id], "id"))
                    self.add(
                        (key, index, "id"),
                        said(
                            "the {kind} id '{id}' is already used on line {line}; give {each} an "
                            "id of its own",
                            kind=KIND_NAMES[kind],
                            id=item.id,
                            line=earlier,
                            each=EACH_KIND[kind],
                        ),
                    )
                else:
                    first[item.id] = index
            self.ids[kind] = first

    def reference(self, path: DataPath, ref: str, kind: str, at_key: bool = False) -> None:
        """``at_key``: the id is a mapping's key, so point at the key rather than its value."""
        if ref in self.ids[kind]:
            return
        if self.game is not None and ref in self.game.whole_ids[kind]:
            self.add(
                path,
                said(
                    "it leaves out {the} '{ref}' that this refers to", the=THE_KIND[kind], ref=ref
                ),
                at_key,
            )
            return
        elsewhere = [other for other, ids in self.ids.items() if ref in ids]
        if elsewhere:
            self.add(
                path,
                said(
                    "'{ref}' is {other}, not {kind}",
                    ref=ref,
                    other=A_KIND[elsewhere[0]],
                    kind=A_KIND[kind],
                ),
                at_key,
            )
            return
        hint = did_you_mean(ref, self.ids[kind])
        listed = "" if hint else known(kind, list(self.ids[kind]))
        self.add(
            path,
            said(
                "there is {none} with the id '{ref}'{hint}{known}",
                none=NO_KIND[kind],
                ref=ref,
                hint=hint,
                known=listed,
            ),
            at_key,
        )

    def condition(self, path: DataPath, condition: Condition) -> None:
        rounds = self.scenario.rounds
        for name, kind in _CONDITION_REFERENCES:
            for index, ref in enumerate(getattr(condition, name) or ()):
                self.reference((*path, name, index), ref, kind)
        first = condition.round_at_least
        if first is not None and first > rounds:
            self.add(
                (*path, "round_at_least"),
                never_comes(first, rounds),
            )
        last = condition.round_at_most
        if first is not None and last is not None and last < first:
            self.add(
                (*path, "round_at_most"),
                said(
                    "never holds: round_at_most ({last}) is before round_at_least ({first})",
                    last=last,
                    first=first,
                ),
            )
        self.contradictions(path, condition)
        for index, part in enumerate(condition.any_of or ()):
            self.condition((*path, "any_of", index), part)

    def contradictions(self, path: DataPath, condition: Condition) -> None:
        """Parts of one condition that cannot hold together (every part must hold)."""
        for yes, no, what in _OPPOSITES:
            both = set(getattr(condition, yes) or ()) & set(getattr(condition, no) or ())
            for ref in sorted(both):
                index = list(getattr(condition, no)).index(ref)
                self.add(
                    (*path, no, index),
                    said(
                        "never holds: '{ref}' is in both {yes} and {no}; {what}",
                        ref=ref,
                        yes=yes,
                        no=no,
                        what=what,
                    ),
                )
        for least, below, what in (
            ("phase_at_least", "phase_below", said("growth phase")),
            ("stage_at_least", "stage_below", said("competence stage")),
        ):
            low, high = getattr(condition, least), getattr(condition, below)
            if low is not None and high is not None and high.level <= low.level:
                self.add(
                    (*path, below),
                    said(
                        "never holds: a {what} of at least '{low}' is never below '{high}'; "
                        "remove one of the two, or put them under any_of",
                        what=what,
                        low=low.value,
                        high=high.value,
                    ),
                )

    def requirement_loops(self) -> None:
        """An action that (through others) requires itself is never bought; a channel that
        requires itself in use never opens."""
        needs = {
            action.id: list((action.requires.action_done or ()) if action.requires else ())
            for action in self.scenario.actions
        }
        for i, action in enumerate(self.scenario.actions):
            loop = _loop_back(action.id, needs)
            if loop is None:
                continue
            where = needs[action.id].index(loop[1])
            self.add(
                ("actions", i, "requires", "action_done", where),
                said("'{id}' can never be bought: it requires itself; remove it here", id=action.id)
                if len(loop) == 2
                else said(
                    "'{id}' can never be bought: its requirements go round in a circle "
                    "({circle}); remove one of them",
                    id=action.id,
                    circle=" → ".join(loop),
                ),
            )
        for i, channel in enumerate(self.scenario.channels):
            used = list((channel.requires.channel_in_use or ()) if channel.requires else ())
            if channel.id in used and not channel.in_use:
                self.add(
                    ("channels", i, "requires", "channel_in_use", used.index(channel.id)),
                    said(
                        "channel '{id}' never opens: it requires itself in use; remove it here, "
                        "or let an action open it with open_channels",
                        id=channel.id,
                    ),
                )

    def unfolding(self) -> set[str]:
        """Check every ``unfolds``: its stages exist, arrive only that way, and never loop.

        Returns the ids of the initiatives that arrive as a next stage.
        """
        initiatives = self.scenario.initiatives
        index = {item.id: i for i, item in enumerate(initiatives)}
        stages: dict[str, str] = {}
        for i, initiative in enumerate(initiatives):
            unfolds = initiative.unfolds
            if unfolds is None:
                continue
            for branch in ("grows", "withers"):
                ref = getattr(unfolds, branch)
                if ref is None:
                    continue
                path = ("initiatives", i, "unfolds", branch)
                if ref not in index:
                    self.reference(path, ref, "initiative")
                    continue
                stage = initiatives[index[ref]]
                if ref == initiative.id:
                    self.add(path, said("'{ref}' cannot unfold into itself", ref=ref))
                elif stage.round is not None or stage.when is not None:
                    self.add(
                        path,
                        said(
                            "'{ref}' arrives by itself (it has 'round' or 'when'); a next stage "
                            "arrives only through 'unfolds': remove its 'round' or 'when'",
                            ref=ref,
                        ),
                    )
                elif ref in stages and stages[ref] != initiative.id:
                    self.add(
                        path,
                        said(
                            "'{ref}' is already the next stage of '{other}'; give each stage one "
                            "initiative it comes from",
                            ref=ref,
                            other=stages[ref],
                        ),
                    )
                else:
                    stages[ref] = initiative.id
        for i, initiative in enumerate(initiatives):
            seen = {initiative.id}
            current = initiative.id
            while current in stages:
                current = stages[current]
                if current in seen:
                    self.add(
                        ("initiatives", i, "unfolds"),
                        said(
                            "the stages of '{id}' come back to it in a loop; an initiative's "
                            "stages must end somewhere",
                            id=initiative.id,
                        ),
                    )
                    break
                seen.add(current)
        return set(stages)

    def lengths(self) -> None:
        """A shorter game's rounds lie within the scenario, in order, fewer than the whole; its
        initiatives exist and come in a given round; a standard game is longer than a short one."""
        rounds = self.scenario.rounds
        counts: dict[str, int] = {}
        for name in ("short", "standard"):
            plan = getattr(self.scenario.lengths, name)
            if plan is None:
                continue
            base = ("lengths", name)
            if plan.rounds is not None:
                counts[name] = len(plan.rounds)
                for index, number in enumerate(plan.rounds):
                    if number > rounds:
                        self.add(
                            (*base, "rounds", index),
                            never_comes(number, rounds),
                        )
                    elif index and number <= plan.rounds[index - 1]:
                        self.add(
                            (*base, "rounds", index),
                            said("list the rounds in order, each once (e.g. [1, 2, 4, 6])"),
                        )
                if len(plan.rounds) >= rounds:
                    self.add(
                        (*base, "rounds"),
                        said(
                            "a short game plays fewer rounds than the whole scenario ({rounds})",
                            rounds=rounds,
                        )
                        if name == "short"
                        else said(
                            "a standard game plays fewer rounds than the whole scenario ({rounds})",
                            rounds=rounds,
                        ),
                    )
            for index, ref in enumerate(plan.initiatives or ()):
                path = (*base, "initiatives", index)
                if ref not in self.ids["initiative"]:
                    self.reference(path, ref, "initiative")
                elif self.scenario.initiative(ref).round is None:
                    self.add(
                        path,
                        said(
                            "'{ref}' has no 'round': list only initiatives that come in a given "
                            "round (next stages and news come with them by themselves)",
                            ref=ref,
                        ),
                    )
        if "short" in counts and "standard" in counts and counts["standard"] <= counts["short"]:
            self.add(
                ("lengths", "standard", "rounds"),
                said(
                    "a standard game plays more rounds than a short one ({rounds})",
                    rounds=counts["short"],
                ),
            )

    def scheduled_round(self, path: DataPath, round_: int | None) -> None:
        if round_ is not None and round_ > self.scenario.rounds:
            self.add(
                path,
                said(
                    "round {round} never comes: the scenario has {rounds} rounds (raise 'rounds' "
                    "or pick an earlier round)",
                    round=round_,
                    rounds=self.scenario.rounds,
                ),
            )


# Pairs of condition parts that contradict each other when they name the same id.
_OPPOSITES = (
    ("event_happened", "event_not_happened", said("keep it in one of the two")),
    ("action_done", "action_not_done", said("keep it in one of the two")),
)


def _loop_back(start: str, needs: dict[str, list[str]]) -> list[str] | None:
    """The chain of requirements from ``start`` back to itself, or None (depth-first)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, chain = stack.pop()
        for nxt in needs.get(node, ()):
            if nxt == start:
                return [*chain, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*chain, nxt]))
    return None


def reference_problems(
    scenario: Scenario, document: Document, folder: Path | None = None
) -> list[Problem]:
    """Everything wrong between the parts of a scenario; empty when it all adds up.

    ``folder`` is the scenario file's folder; without it, asset files are not looked for.
    """
    check = _Check(scenario, document)
    _check_game(check)
    check.requirement_loops()
    check.lengths()
    if folder is not None:
        for path, asset in assets(scenario):
            problem = asset_problem(folder, asset)
            if problem:
                check.add(path, problem)
    return check.problems


def length_problems(scenario: Scenario, document: Document) -> list[Problem]:
    """Everything wrong in the games a short and a standard length make of a sound scenario,
    checked as the whole game is; empty when every length adds up.

    Round numbers in conditions are left alone: a shorter game counts them its own way, and a
    round it never reaches simply never comes (news and cards it leaves out never come either).
    What must hold is that every reference is to something the shorter game has: a card whose
    next stage it left out would bring that stage into a game without it.
    """
    problems: list[Problem] = []
    for length in SHORTER:
        played = shorter_scenario(scenario, length)
        rounds = ", ".join(str(r) for r in selection(scenario, length).rounds)
        total = scenario.rounds
        if length.value == "short":
            name = said("in a short game (rounds {rounds} of {total})", rounds=rounds, total=total)
        else:
            name = said(
                "in a standard game (rounds {rounds} of {total})", rounds=rounds, total=total
            )
        check = _Check(played, document, _ShorterGame(name, scenario, played))
        _check_game(check, conditions=False)
        problems += check.problems
    return problems


class _ShorterGame:
    """A shorter game being checked: its name in messages, the whole scenario's ids, and where
    its lists' items sit in the file (it leaves some out, so positions differ)."""

    def __init__(self, name: str, whole: Scenario, played: Scenario) -> None:
        self.name = name
        self.whole_ids = {
            kind: {item.id: i for i, item in enumerate(getattr(whole, key))}
            for kind, key in _LISTS.items()
        }
        self.positions = {
            key: [self.whole_ids[kind][item.id] for item in getattr(played, key)]
            for kind, key in _LISTS.items()
        }

    def place(self, path: DataPath) -> DataPath:
        """The path in the file of the value at ``path`` in the shorter game's scenario."""
        if len(path) > 1 and path[0] in self.positions and isinstance(path[1], int):
            return (path[0], self.positions[str(path[0])][path[1]], *path[2:])
        return path


def _check_game(check: _Check, conditions: bool = True) -> None:
    """The checks a game must pass: ids, references, arrivals, rounds (and, with
    ``conditions``, the ids and rounds in conditions)."""
    scenario = check.scenario
    check.unique_ids()
    for i, channel in enumerate(scenario.channels):
        if conditions and channel.requires is not None:
            check.condition(("channels", i, "requires"), channel.requires)
    brought: set[str] = set()
    for i, event in enumerate(scenario.events):
        check.scheduled_round(("events", i, "round"), event.round)
        if conditions and event.when is not None:
            check.condition(("events", i, "when"), event.when)
        for j, ref in enumerate(event.effects.add_initiatives):
            check.reference(("events", i, "effects", "add_initiatives", j), ref, "initiative")
            brought.add(ref)
        for j, ref in enumerate(event.effects.mitigated_by):
            check.reference(("events", i, "effects", "mitigated_by", j), ref, "action")
    for i, action in enumerate(scenario.actions):
        if conditions and action.requires is not None:
            check.condition(("actions", i, "requires"), action.requires)
        for j, ref in enumerate(action.effects.open_channels):
            check.reference(("actions", i, "effects", "open_channels", j), ref, "channel")
    stages = check.unfolding()
    for i, initiative in enumerate(scenario.initiatives):
        check.scheduled_round(("initiatives", i, "round"), initiative.round)
        if initiative.when is not None:
            if conditions:
                check.condition(("initiatives", i, "when"), initiative.when)
        elif initiative.round is None and initiative.id not in brought | stages:
            check.add(
                ("initiatives", i),
                said(
                    "initiative '{id}' never arrives: give it a 'round', a 'when' condition, let "
                    "an event bring it with 'add_initiatives', or make it the next stage of "
                    "another initiative with 'unfolds'",
                    id=initiative.id,
                ),
            )
    account = scenario.council_account
    if account is not None:
        check.reference(("council_account", "channel"), account.channel, "channel")
        for ref in account.follow_actions:
            check.reference(("council_account", "follow_actions", ref), ref, "action", True)
