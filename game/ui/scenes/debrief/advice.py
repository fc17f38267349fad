"""The debrief's advice in words: each point the review found (``game.sim.review.advice``) as
a sentence, and the scenario's own advice for the weakest line where it still applies."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from game.domain import Language
from game.labels import OrgWords, label
from game.scenario.models import Scenario
from game.sim import GameState, weakest_line
from game.sim.effects import RELATION_PHRASES
from game.sim.fit import FitClass, fit_class
from game.sim.review import Advice
from game.ui.words import line_name, listed

Translate = Callable[[str], str]


def advice_lines(
    points: Iterable[Advice],
    scenario: Scenario,
    state: GameState,
    t: Translate,
    lang: Language,
    words: OrgWords,
) -> list[str]:
    """Every point worded, in the review's order; the scenario's own advice third."""
    wording = _Wording(scenario, t, lang, words)
    lines = [line for point in points if (line := wording.line(point)) is not None]
    own = scenario_advice(scenario, state, lang)
    if own:
        lines.insert(min(2, len(lines)), own)
    return lines


def scenario_advice(scenario: Scenario, state: GameState, lang: Language) -> str | None:
    """The scenario's own advice for the weakest line, unless it names an action the team
    already did (it was written before anyone played)."""
    weakest = weakest_line(state)
    advice_text = getattr(scenario.recommendations, weakest.value)
    if advice_text is None:
        return None
    message = advice_text.get(lang)
    lowered = message.casefold()
    for action_id in state.actions_done:
        for language in ("nl", "en"):
            name = scenario.action(action_id).title.get(language).casefold()  # type: ignore[arg-type]
            if name and name in lowered:
                return None
    return message


class _Wording:
    """Words a point of advice, by its kind, in the scenario's own names."""

    def __init__(self, scenario: Scenario, t: Translate, lang: Language, words: OrgWords) -> None:
        self.scenario, self.t, self.lang, self.words = scenario, t, lang, words

    def line(self, point: Advice) -> str | None:
        worded = {
            "misfit": self._misfit,
            "stumble": self._stumble,
            "channels": self._channel_choice,
            "quiet_relation": self._quiet_relation,
            "invest": self._invest,
            "predict_more": self._predict_more,
        }.get(point.kind)
        return worded(point, point.facts) if worded is not None else None

    def _title(self, initiative_id: str) -> str:
        return self.scenario.initiative(initiative_id).title.get(self.lang)

    def _channels(self, ids) -> str:
        return listed((self.scenario.channel(c).name.get(self.lang) for c in ids), self.lang)

    def _actions(self, ids) -> str:
        return listed((f"‘{self.scenario.action(a).title.get(self.lang)}’" for a in ids), self.lang)

    def _misfit(self, point: Advice, f: dict[str, Any]) -> str:
        t, lang = self.t, self.lang
        # "de gemeente", "het waterschap", "de gemeenschap": who took it, with its article.
        owner = self.words.org if f["owner"].value == "municipality" else t("the community")
        message = t(
            "{title}: you chose {role}. For an initiative of {owner}, with {relation}, {best} fits."
        )
        fit = f.get("fit")
        if fit is not None and fit_class(f["role"], fit, f["best"]) is FitClass.ALSO:
            message = t(
                "{title}: you chose {role}, which fits too ({fit}%). For an initiative of "
                "{owner}, with {relation}, {best} fits best."
            )
        return message.format(
            title=self._title(f["initiative"]),
            role=label(f["role"], lang),
            owner=owner,
            relation=RELATION_PHRASES[f["relation"]].get(lang),
            best=listed((label(r, lang) for r in f["best"]), lang, either=True),
            fit=round(100 * (fit or 0)),
        )

    def _stumble(self, point: Advice, f: dict[str, Any]) -> str:
        t, lang = self.t, self.lang
        line = t(
            "{title}: {role} fitted, but the organisation was not ready for it "
            "(readiness {have} of {needs})."
        ).format(
            title=self._title(f["initiative"]),
            role=label(f["role"], lang),
            have=round(f["readiness"]),
            needs=round(f["demand"]),
        )
        if f["actions"]:
            line += " " + t("With {actions}, the organisation would have been readier.").format(
                actions=self._actions(f["actions"])
            )
        return line

    def _channel_choice(self, point: Advice, f: dict[str, Any]) -> str:
        t, lang = self.t, self.lang
        values = {
            "title": self._title(f["initiative"]),
            "n": f["round"],
            "purposes": listed((label(p, lang) for p in f["purposes"]), lang),
            "chosen": self._channels(f["chosen"]),
            "fit": round(100 * f["chosen_fit"]),
            "better": self._channels(f["better"]),
            "better_fit": round(100 * f["better_fit"]),
        }
        message = (
            t(
                "{title} (round {n}): {chosen} served the purposes ({purposes}) for {fit}%; "
                "{better}, open to you then, would have served them for {better_fit}%."
            )
            if f["chosen"]
            else t(
                "{title} (round {n}): no channel for the purposes ({purposes}); {better}, "
                "open to you then, would have served them for {better_fit}%."
            )
        )
        return message.format(**values)

    def _quiet_relation(self, point: Advice, f: dict[str, Any]) -> str:
        return self.t(
            "With {relation}, you stayed at phase {level} (interaction {value}): "
            "growth differs per relation."
        ).format(
            relation=RELATION_PHRASES[f["relation"]].get(self.lang),
            level=f["phase"].level,
            value=round(f["interaction"]),
        )

    def _invest(self, point: Advice, f: dict[str, Any]) -> str:
        return self.t("{line}: not done yet, and open to you: {actions}.").format(
            line=line_name(point.line, self.t), actions=self._actions(f["actions"])
        )

    def _predict_more(self, point: Advice, f: dict[str, Any]) -> str:
        return self.t(
            "You predicted {made} of {decisions} outcomes. Predicting first shows "
            "whether you know why a choice works."
        ).format(made=f["made"], decisions=f["decisions"])
