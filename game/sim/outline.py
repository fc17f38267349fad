"""A scenario's outline for a trainer: what comes up in each round of a game of some length.

Per round, the initiatives that can come in it (with owner, relation, the role that fits best
by the game's own rule, and what they unfold into) and the news; then what may come up when a
condition holds, the news that may come, the channels and what opens them, and the development
actions with their cost and condition. A short or standard game is outlined as it plays: the
scenario ``game.sim.length.played_scenario`` works out, its rounds numbered 1, 2, 3 again.

Pure data in, text out: nothing here imports pygame, and nothing is random.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.domain import GameLength, Language
from game.labels import label, owner_label
from game.scenario.condition_words import condition_words, round_word
from game.scenario.models import Event, EventEffects, Initiative, Scenario, Text
from game.sim.effects import money
from game.sim.length import played_scenario, selection
from game.sim.rules import compile_rules

# Dutch words for a round that take 'het' (and so 'dit'): the rest take 'de' ('deze').
_NEUTER_ROUND_WORDS = frozenset({"kwartaal", "jaar", "halfjaar", "trimester", "semester"})

# (Dutch, English) per word of the outline itself; the scenario brings its own texts.
_WORDS: dict[str, tuple[str, str]] = {
    "heading": ("{title} ({id}), {length}", "{title} ({id}), {length}"),
    "short": ("kort spel", "short game"),
    "standard": ("standaardspel", "standard game"),
    "full": ("het hele spel", "the full game"),
    "rounds": ("{count} rondes, elk een {round}", "{count} rounds, each a {round}"),
    "of_full": (" ({round} {number} van het hele spel)", " ({round} {number} of the full game)"),
    "initiatives": ("Initiatieven", "Initiatives"),
    "news": ("Nieuws", "News"),
    "nothing": ("niets vast", "nothing fixed"),
    "owner": ("eigenaar {owner}, relatie {relation}", "owner {owner}, relation {relation}"),
    "best": ("beste rol: {roles}", "best role: {roles}"),
    "bests": ("beste rollen: {roles}", "best roles: {roles}"),
    "own_fit": (" (eigen rolfit, niet de tabel)", " (own role fit, not the table)"),
    "stage": ("stap {stage} van een verloop", "stage {stage} of an arc"),
    "after": ("na {after} ronde: ", "{after} round later: "),
    "afters": ("na {after} rondes: ", "{after} rounds later: "),
    "grows": ("groeit uit tot {x}", "grows into {x}"),
    "withers": ("verwelkt tot {x}", "withers into {x}"),
    "grows_from": ("als {x} groeit", "if {x} grows"),
    "withers_from": ("als {x} verwelkt", "if {x} withers"),
    "brought": ("komt met het nieuws {x}", "comes with the news {x}"),
    "brings": ("brengt {x}", "brings {x}"),
    "when": ("komt als: {x}", "comes when: {x}"),
    "chance": ("kans {chance:.0%} per {round}", "chance {chance:.0%} per {round}"),
    "may_come": ("Kan opkomen (niet vast)", "May come up (not fixed)"),
    "may_news": ("Nieuws dat kan komen", "News that may come"),
    "again": ("kan vaker gebeuren", "can happen again"),
    "does": ("doet: {x}", "does: {x}"),
    "no_effect": ("niets aan de cijfers", "nothing to the figures"),
    "budget": ("budget {x}", "budget {x}"),
    "budget_per_round": ("budget per {round} {x}", "budget per {round} {x}"),
    "capacity": ("capaciteit {x:+d} u per {round}", "capacity {x:+d} h per {round}"),
    "capacity_now": ("capaciteit {x:+d} u {this} {round}", "capacity {x:+d} h this {round}"),
    "only": ("(interactie alleen: {x})", "(interaction only: {x})"),
    "scaled": ("naar {x}", "scaled by {x}"),
    "inverse": ("naar {x}, omgekeerd", "scaled by {x}, inversely"),
    "softened": ("verzacht door {x}", "softened by {x}"),
    "channels": ("Kanalen", "Channels"),
    "in_use": ("in gebruik vanaf de start", "in use from the start"),
    "opens": ("te openen voor {hours} u, als: {x}", "opens for {hours} h, when: {x}"),
    "opened_by": ("geopend door de actie {x}", "opened by the action {x}"),
    "use": ("{level}, {hours} u per gebruik", "{level}, {hours} h per use"),
    "actions": ("Ontwikkelacties", "Development actions"),
    "cost": ("kost {hours} u en {budget}", "costs {hours} h and {budget}"),
    "requires": ("te kopen als: {x}", "can be bought when: {x}"),
    "repeatable": ("vaker te kopen", "can be bought again"),
    "trap": ("een val: {x}", "a trap: {x}"),
}


def outline(scenario: Scenario, length: GameLength | str, lang: Language) -> str:
    """The outline of ``scenario`` as a game of ``length`` plays it, in ``lang``."""
    length = GameLength(length)
    played = played_scenario(scenario, length)
    return "\n".join(_Outline(played, selection(scenario, length).rounds, length, lang).lines())


class _Outline:
    """The played scenario and what the outline works out from it once."""

    def __init__(
        self, played: Scenario, full_rounds: tuple[int, ...], length: GameLength, lang: Language
    ) -> None:
        self.s = played
        self.full_rounds = full_rounds
        self.length = length
        self.lang = lang
        self.round = round_word(played, lang)
        # The game's own rule: best roles and arc stages as the rounds compile them.
        self.rules = compile_rules(played).initiatives
        self.brought: dict[str, list[str]] = {}
        for event in played.events:
            for added in event.effects.add_initiatives:
                self.brought.setdefault(added, []).append(event.id)
        self.parents: dict[str, tuple[str, str]] = {}
        for initiative in played.initiatives:
            if initiative.unfolds is not None:
                for way in ("grows", "withers"):
                    stage = getattr(initiative.unfolds, way)
                    if stage is not None:
                        self.parents[stage] = (initiative.id, way)
        self.arrives = _first_rounds(played)

    def _money(self, thousands: float, signed: bool = False) -> str:
        """An amount as the language writes money; a change to the budget with its sign."""
        shown = money(thousands, self.lang)
        return "+" + shown if signed and thousands > 0 else shown

    def w(self, key: str, **values: object) -> str:
        nl, en = _WORDS[key]
        return (nl if self.lang == "nl" else en).format(**values)

    def lines(self) -> Iterator[str]:
        s = self.s
        length = self.w(self.length.value)
        yield self.w("heading", title=s.title.get(self.lang), id=s.id, length=length)
        yield self.w("rounds", count=s.rounds, round=self.round)
        for number in range(1, s.rounds + 1):
            yield from self._round(number)
        conditional = [i for i in s.initiatives if i.id not in self.arrives]
        if conditional:
            yield ""
            yield self.w("may_come")
            for initiative in conditional:
                yield from self._initiative(initiative)
        news = [e for e in s.events if e.round is None]
        if news:
            yield ""
            yield self.w("may_news")
            for event in news:
                yield from self._event(event)
        yield from self._channels()
        yield from self._actions()

    def _round(self, number: int) -> Iterator[str]:
        yield ""
        heading = f"{self.round[:1].upper()}{self.round[1:]} {number}"
        full = self.full_rounds[number - 1] if number <= len(self.full_rounds) else number
        if self.length is not GameLength.FULL:
            heading += self.w("of_full", round=self.round, number=full)
        yield heading
        coming = [i for i in self.s.initiatives if self.arrives.get(i.id) == number]
        yield f"  {self.w('initiatives')}:" + ("" if coming else f" {self.w('nothing')}")
        for initiative in coming:
            yield from self._initiative(initiative)
        news = [e for e in self.s.events if e.round == number]
        if news:
            yield f"  {self.w('news')}:"
            for event in news:
                yield from self._event(event)

    def _initiative(self, i: Initiative) -> Iterator[str]:
        lang = self.lang
        yield f"  - {self._initiative_name(i.id)}"
        roles = self.rules[i.id].best
        said = " / ".join(label(role, lang) for role in roles)
        best = self.w("bests" if len(roles) > 1 else "best", roles=said)
        own = self.w("own_fit") if i.role_fit is not None else ""
        who = owner_label(i.owner, self.s.organisation.kind, lang)  # "waterschap", not "gemeente"
        owner = self.w("owner", owner=who, relation=label(i.relation, lang))
        yield f"      {owner}; {best}{own}"
        for way in self._ways_in(i):
            yield f"      {way}"
        if i.unfolds is not None:
            after = self.w("afters" if i.unfolds.after > 1 else "after", after=i.unfolds.after)
            ways = [
                self.w(way, x=self._initiative_name(getattr(i.unfolds, way)))
                for way in ("grows", "withers")
                if getattr(i.unfolds, way) is not None
            ]
            yield f"      {after}{', '.join(ways)}"

    def _ways_in(self, i: Initiative) -> Iterator[str]:
        """How an initiative comes, beyond a fixed round: as a stage, with news, by condition."""
        parent = self.parents.get(i.id)
        if parent is not None:
            stage = self.rules[i.id].stage
            origin = self.w(f"{parent[1]}_from", x=self._initiative_name(parent[0]))
            yield f"{self.w('stage', stage=stage)}, {origin}"
        for event_id in self.brought.get(i.id, ()):
            yield self.w("brought", x=self._title(self.s.event(event_id).title, event_id))
        if i.when is not None:
            chance = self.w("chance", chance=i.probability, round=self.round)
            yield f"{self.w('when', x=condition_words(i.when, self.s, self.lang))}; {chance}"

    def _event(self, event: Event) -> Iterator[str]:
        yield f"  - {self._title(event.title, event.id)}"
        if event.when is not None:
            chance = self.w("chance", chance=event.probability, round=self.round)
            when = self.w("when", x=condition_words(event.when, self.s, self.lang))
            again = "" if event.once else f"; {self.w('again')}"
            yield f"      {when}; {chance}{again}"
        yield f"      {self.w('does', x=self._effects(event.effects))}"
        for added in event.effects.add_initiatives:
            yield f"      {self.w('brings', x=self._initiative_name(added))}"

    def _effects(self, e: EventEffects) -> str:
        lang, r = self.lang, self.round
        parts = [f"{label(ind, lang)} {value:+g}" for ind, value in e.indicators.items()]
        if e.relations:
            parts.append(self.w("only", x=", ".join(label(rel, lang) for rel in e.relations)))
        if e.scale_by is not None:
            key = "inverse" if e.scale_by.inverse else "scaled"
            parts.append(self.w(key, x=label(e.scale_by.indicator, lang)))
        if e.budget:
            parts.append(self.w("budget", x=self._money(e.budget, signed=True)))
        if e.budget_per_round:
            parts.append(
                self.w("budget_per_round", x=self._money(e.budget_per_round, signed=True), round=r)
            )
        if e.capacity:
            parts.append(self.w("capacity", x=e.capacity, round=r))
        if e.capacity_this_round:
            # 'dit kwartaal', 'deze ronde': a Dutch word for a round takes its own article.
            this = "dit" if r in _NEUTER_ROUND_WORDS else "deze"
            parts.append(self.w("capacity_now", x=e.capacity_this_round, round=r, this=this))
        if e.mitigated_by:
            titles = ", ".join(self._title(self.s.action(a).title, a) for a in e.mitigated_by)
            parts.append(self.w("softened", x=titles))
        return ", ".join(parts) if parts else self.w("no_effect")

    def _channels(self) -> Iterator[str]:
        if not self.s.channels:
            return
        yield ""
        yield self.w("channels")
        opened_by: dict[str, list[str]] = {}
        for action in self.s.actions:
            for channel_id in action.effects.open_channels:
                opened_by.setdefault(channel_id, []).append(action.id)
        for c in self.s.channels:
            use = self.w("use", level=label(c.interaction, self.lang), hours=c.cost)
            yield f"  - {self._title(c.name, c.id)}: {use}"
            if c.in_use:
                yield f"      {self.w('in_use')}"
            else:
                when = condition_words(c.requires, self.s, self.lang)
                yield f"      {self.w('opens', hours=c.open_cost, x=when)}"
            for action_id in opened_by.get(c.id, ()):
                action = self._title(self.s.action(action_id).title, action_id)
                yield f"      {self.w('opened_by', x=action)}"

    def _actions(self) -> Iterator[str]:
        if not self.s.actions:
            return
        yield ""
        yield self.w("actions")
        for a in self.s.actions:
            cost = self.w("cost", hours=a.cost.capacity, budget=self._money(a.cost.budget))
            yield f"  - {self._title(a.title, a.id)}: {cost}"
            yield f"      {self.w('requires', x=condition_words(a.requires, self.s, self.lang))}"
            if a.repeatable:
                yield f"      {self.w('repeatable')}"
            if a.trap is not None:
                yield f"      {self.w('trap', x=a.trap.get(self.lang))}"

    def _initiative_name(self, initiative_id: str) -> str:
        return self._title(self.s.initiative(initiative_id).title, initiative_id)

    def _title(self, text: Text, thing_id: str) -> str:
        return f"'{text.get(self.lang)}' [{thing_id}]"


def _first_rounds(played: Scenario) -> dict[str, int]:
    """The first round each initiative can come in, where that is fixed ahead of play.

    A fixed ``round``; the round of scripted news that brings it; for a next stage, the round
    its initiative can first come plus ``after`` (if that is within the game). Initiatives that
    come by condition, with conditional news, or as their stages, are not fixed ahead.
    """
    first: dict[str, int] = {}
    for initiative in played.initiatives:
        if initiative.round is not None:
            first[initiative.id] = initiative.round
    for event in played.events:
        for added in event.effects.add_initiatives if event.round is not None else ():
            first[added] = min(first.get(added, event.round), event.round)
    changed = True
    while changed:  # stages of stages: an arc is a few steps long and never loops (the loader)
        changed = False
        for initiative in played.initiatives:
            unfolds = initiative.unfolds
            if initiative.id not in first or unfolds is None:
                continue
            at = first[initiative.id] + unfolds.after
            for stage in (unfolds.grows, unfolds.withers):
                if stage is not None and at <= played.rounds and first.get(stage, at + 1) > at:
                    first[stage] = at
                    changed = True
    return first
