"""Issue 10: outcomes that tell the story, advice that is true, and the small things.

The outcome screen's story and the debrief's advice are worked out without a window; these
tests hold them to what the issue asks: the scenario's own words as the headline, nothing
dropped, drift folded, signs by meaning; advice never naming what the team already did or what
was locked at that moment.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.domain import GameLength, InitiativeOwner, MunicipalRole, Prediction
from game.scenario.glyphs import missing, text_warnings
from game.scenario.loader import load_scenario
from game.scenario.yamltree import read_yaml
from game.sim import Bot, Effect, new_game, play, resolve_round
from game.sim.engine import action_available, channel_available
from game.sim.length import played_scenario
from game.sim.review import advice, round_states
from game.sim.rules import compile_rules
from game.ui.i18n import Translator
from game.ui.story import build_story, prediction_line, tone
from game.ui.words import number, org_words
from tests.conftest import ROOT

EN = Translator("en")


def _rounds(scenario, seed: int, strategy: str, count: int):
    state = new_game(scenario, seed)
    rng = state.rng()
    bot = Bot(strategy, seed)
    for _ in range(count):
        before = state
        state, effects = resolve_round(state, bot.decide(state, scenario), scenario, rng)
        yield before, state, effects


def test_issue10_signs_follow_the_meaning_not_the_number() -> None:
    risk = Effect("action", "sponsor", "risk", -0.2, "action_risk", {"action": "x"})
    rework = Effect("initiative", "a", "rework", -4.0, "misfit_rework", {})
    grown = Effect("initiative", "a", "b", 0.0, "arc_grows", {})
    drift = Effect("drift", "trust", "trust", -1.0, "drift_trust", {})
    assert tone(risk) == "good"  # "less chance of stumbling" is good news
    assert tone(rework) == "bad"
    assert tone(grown) == "good"
    assert tone(drift) == "bad"


@pytest.mark.parametrize("strategy", ["best", "random"])
def test_issue10_the_story_drops_nothing_and_uses_the_scenarios_words(
    default_scenario, strategy: str
) -> None:
    for _, state, effects in _rounds(default_scenario, 3, strategy, 12):
        outcomes = state.history[-1].outcomes
        steps = build_story(effects, outcomes, default_scenario, "en", EN)
        told = [e for step in steps for e in step.effects]
        assert sorted(map(id, told)) == sorted(map(id, effects)), "every effect, exactly once"
        for outcome, step in zip(outcomes, steps, strict=False):
            own = default_scenario.initiative(outcome.initiative).outcomes.for_role(outcome.role)
            assert step.kind == "initiative"
            assert step.headline == (own.get("en") if own is not None else None)
        drift = [step for step in steps if step.kind == "drift"]
        assert len(drift) <= 1 and (not drift or len(drift[0].lines) == 1), "drift is one line"
        kinds = [step.kind for step in steps]
        if "milestone" in kinds:
            assert kinds[-1] == "milestone" and kinds.count("milestone") == 1


def test_issue10_a_trap_says_why_in_the_scenarios_words(default_scenario) -> None:
    trap = next(a for a in default_scenario.actions if a.trap is not None)
    state = new_game(default_scenario, 1)
    rng = state.rng()
    bot = Bot("best", 1)
    while not action_available(state, trap):
        state, _ = resolve_round(state, bot.decide(state, default_scenario), default_scenario, rng)
    decisions = bot.decide(state, default_scenario)
    decisions = type(decisions)(decisions.initiatives, (trap.id,))
    after, effects = resolve_round(state, decisions, default_scenario, rng, check=False)
    steps = build_story(effects, after.history[-1].outcomes, default_scenario, "nl", EN)
    step = next(s for s in steps if s.kind == "action")
    assert step.headline == trap.trap.get("nl")  # type: ignore[union-attr]
    assert step.tone == "bad"


def test_issue10_an_opposite_prediction_is_not_called_close() -> None:
    outcome = type("O", (), {})()
    for predicted, verdict, word in (
        (Prediction.WELL, Prediction.BADLY, "opposite"),
        (Prediction.BADLY, Prediction.WELL, "opposite"),
        (Prediction.WELL, Prediction.MIXED, "close"),
        (Prediction.MIXED, Prediction.MIXED, "right"),
    ):
        outcome.prediction, outcome.verdict = predicted, verdict
        line = prediction_line(outcome, EN)  # type: ignore[arg-type]
        assert line is not None and word in line.text


@pytest.mark.parametrize("scenario_id", ["gemeente-middelgroot", "grote-stad", "raadsgriffie"])
@pytest.mark.parametrize("strategy", ["random", "directing", "best"])
def test_issue10_advice_never_names_what_was_done_or_locked(scenario_id, strategy) -> None:
    scenario = load_scenario(scenario_id)
    rules = compile_rules(scenario)
    for seed in (1, 2):
        state = play(scenario, seed, strategy)
        starts = round_states(scenario, state)
        assert starts[-1].round == state.history[-1].round
        for point in advice(scenario, state):
            facts = point.facts
            for action_id in facts.get("actions", ()):
                assert action_id not in state.actions_done, (point, "already bought")
                action = scenario.action(action_id)
                assert any(action_available(at, action) for at in starts), (point, "never open")
            if point.kind == "channels":
                index = next(i for i, r in enumerate(state.history) if r.round == facts["round"])
                for channel_id in facts["better"]:
                    assert channel_available(starts[index], rules, channel_id), (
                        point,
                        "locked then",
                    )


def test_issue10_the_scenarios_own_advice_is_left_out_when_it_names_a_bought_action(
    monkeypatch, tmp_path
) -> None:
    from tests.uitools import start_app

    scenario = load_scenario()
    pilot = start_app(monkeypatch, tmp_path)
    try:
        app = pilot.app
        app.controller.start(scenario, 2, "T")
        bot = Bot("best", 2)
        while not app.controller.state.finished:
            app.controller.apply(bot.decide(app.controller.state, scenario))
            app.controller.resolve()
        from game.ui.scenes.debrief.scene import DebriefScene

        app.go(DebriefScene)
        pilot.advance(2)
        scene = app.scene
        done = [scenario.action(a).title.get("en") for a in app.controller.state.actions_done]
        own = scene._scenario_advice()
        if own is not None:
            assert not any(name.casefold() in own.casefold() for name in done)
        for line in scene._advice_lines():
            for name in done:
                assert f"‘{name}’" not in line, line
    finally:
        pilot.app.close()


def test_issue10_validator_refuses_escaped_control_characters(tmp_path: Path) -> None:
    for escape in ("\\0", "\\a", "\\x1b", "\\u0007"):
        document = read_yaml(f'id: x\ntitle: "A{escape}B"\n'.encode(), "x.yaml")
        assert any("control character" in p.message for p in document.problems), escape
    # A line break in a text stays allowed.
    assert not read_yaml(b'id: x\ntitle: "A\\nB"\n', "x.yaml").problems


def test_issue10_emoji_are_warned_about_and_shipped_texts_have_none(tmp_path: Path) -> None:
    assert missing("Team 🚀") == ["🚀"]
    assert missing("Gemeente Middelgroot · € 20k – ‘60.000’ …") == []
    document = read_yaml("id: x\ntitle: Feest 🎉\n".encode(), "x.yaml")
    warnings = text_warnings(document)
    assert len(warnings) == 1 and "U+1F389" in warnings[0].message
    source = (ROOT / "scenarios" / "gemeente-middelgroot.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "emoji.yaml"
    broken.write_text(
        source.replace("id: gemeente-middelgroot", "id: emoji", 1).replace(
            "Middelgroot", "Middelgroot 🚀", 1
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "main.py", "validate", str(broken), "scenarios"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    lines = [line for line in result.stdout.splitlines() if "warning:" in line]
    assert len(lines) == 1 and str(broken) in lines[0] and "U+1F680" in lines[0]


def test_issue10_every_ui_string_can_be_drawn_by_the_font() -> None:
    from babel.messages.pofile import read_po

    path = ROOT / "game" / "ui" / "locales" / "nl.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    for message in catalogue:
        if message.id:
            assert not missing(str(message.id)), message.id
            assert not missing(str(message.string)), message.string


def test_issue10_numbers_follow_the_language() -> None:
    assert number(60000, "en") == "60,000"
    assert number(60000, "nl") == "60.000"
    assert number(2.5, "nl", 1) == "2,5"


def test_issue10_62_of_62_is_never_shown_as_still_to_do() -> None:
    from game.ui.scenes.round.summary import _shown_progress

    assert _shown_progress(61.7, 62, "en") == ("61.7", "62")
    assert _shown_progress(61.96, 62, "nl") == ("61,9", "62")
    assert _shown_progress(40.4, 62, "en") == ("40", "62")


@pytest.mark.parametrize(
    ("kind", "org", "building"),
    [
        ("municipality", "the municipality", "Town hall"),
        ("police", "the police", "Police station"),
        ("council_clerk", "the clerk's office", "Clerk's office"),
        ("water_board", "the water board", "Water board office"),
        ("province", "the province", "Provincial house"),
    ],
)
def test_issue10_words_follow_the_kind_of_organisation(kind, org, building) -> None:
    from game.domain import OrganisationKind

    words = org_words(OrganisationKind(kind), "en")
    assert (words.org, words.building) == (org, building)
    assert org_words(OrganisationKind(kind), "nl").org != org


def test_issue10_the_network_in_phase_four_is_a_web() -> None:
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


def test_issue10_owner_label_follows_the_kind() -> None:
    assert InitiativeOwner.MUNICIPALITY.value == "municipality"
    assert MunicipalRole.DIRECTING in MunicipalRole


def test_issue10_a_short_game_of_every_shipped_scenario_plays_its_story() -> None:
    for scenario_id in ("gemeente-middelgroot", "raadsgriffie", "grote-stad", "politieregio"):
        played = played_scenario(load_scenario(scenario_id), GameLength.SHORT)
        state = play(played, 5, "best")
        assert state.finished and len(state.history) == played.rounds
        stages = [o.next_stage for r in state.history for o in r.outcomes if o.next_stage]
        assert stages, f"{scenario_id}: a short game keeps an initiative that unfolds"
