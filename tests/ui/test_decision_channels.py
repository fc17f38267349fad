"""The decision card's channels, chosen with open eyes (issue 18, finding 7): beside each
channel how well it serves this initiative's purposes, and the chosen ones together, before the
round; by mouse and by keyboard, at a projector's type size, without touching the game state.

Every test drives the real app headless (SDL's dummy driver) with synthetic input."""

from __future__ import annotations

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.sim.channel_preview import channel_fits, percent
from game.sim.engine import channels_fit
from game.sim.rules import compile_rules
from game.ui.fit import check
from game.ui.scenes.round.decision import DecisionScene
from tests.helpers.ui import drawn, start_app

# pygame_gui warns when a text does not fit its widget: in front of a group that is a bug.
pytestmark = pytest.mark.filterwarnings("error::UserWarning")


def _open_card(app, scenario_id: str):
    """The first card of round 1 whose initiative has purposes, opened; (scenario, index)."""
    scenario = load_scenario(scenario_id)
    app.controller.start(scenario, 1, "T")
    ids = app.controller.state.current_initiatives
    index = next(
        i
        for i, iid in enumerate(ids)
        if compile_rules(scenario).initiatives[iid].purposes  # a card that needs channels
    )
    app.go(DecisionScene, index)
    return scenario, index


def _together(app, scenario, initiative: str) -> str:
    chosen = tuple(app.controller.plan.channels.get(initiative, ()))
    rules = compile_rules(scenario)
    fit = channels_fit(app.controller.state, rules, rules.initiatives[initiative], chosen)[0]
    return f"Together: {percent(fit)}%"


def _channel_button(pilot, name: str):
    return next(b for b in pilot.buttons() if b.text.startswith(name))


def test_each_channel_shows_its_fit_and_the_chosen_ones_together(monkeypatch, tmp_path):
    """Before any choice every channel shows the engine's fit for this initiative, and
    together 0%; a click on one, then Tab and Enter on another, show the engine's
    ``channels_fit`` of what is chosen. The game state stays as it was: the card only plans."""
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario, _index = _open_card(app, "grote-stad")
        pilot.advance(2)
        state = app.controller.state
        before = state.to_dict()
        initiative = app.scene.initiative.id
        fits = channel_fits(state, scenario, initiative)
        lines = drawn(app)
        assert "Together: 0%" in lines
        marks = [line for line in lines if line.endswith("%") and line[:-1].isdigit()]
        assert sorted(marks) == sorted(f"{percent(f.fit)}%" for f in fits.values())

        usable = [c for c, ok, _ in app.controller.channels() if ok]
        ranked = sorted(usable, key=lambda c: fits[c.id].fit, reverse=True)
        first, second = ranked[0], ranked[-1]
        pilot.click(_channel_button(pilot, first.name.get("en")).get_abs_rect().center)
        pilot.advance(2)
        assert app.controller.plan.channels[initiative] == [first.id]
        assert f"Together: {percent(fits[first.id].fit)}%" in drawn(app)

        for _ in range(40):  # the keyboard reaches every button
            focused = app.scene.focused
            if focused is not None and focused.text.startswith(second.name.get("en")):
                break
            pilot.press(pygame.K_TAB)
        pilot.press(pygame.K_RETURN)
        pilot.advance(2)
        assert app.controller.plan.channels[initiative] == [first.id, second.id]
        assert _together(app, scenario, initiative) in drawn(app)

        assert app.controller.state is state
        assert state.to_dict() == before
    finally:
        app.close()


def test_a_channels_tooltip_names_each_purpose(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path)
    app = pilot.app
    try:
        scenario, _index = _open_card(app, "politieregio")
        pilot.advance(2)
        initiative = app.scene.initiative
        fits = channel_fits(app.controller.state, scenario, initiative.id)
        channel = next(c for c, ok, _ in app.controller.channels() if ok)
        tip = _channel_button(pilot, channel.name.get("en")[:6]).tool_tip_text
        assert f"Serves these purposes for {percent(fits[channel.id].fit)}%" in tip
        for _purpose, fit in fits[channel.id].per_purpose:
            assert f"{percent(fit)}%" in tip
    finally:
        app.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "scenario_id", ["grote-stad", "politieregio", "waterschap-drie-waarden", "provincie-weidemark"]
)
def test_the_card_with_many_channels_fits_at_140_percent(monkeypatch, tmp_path, lang, scenario_id):
    """Nine channels, each with its mark, and the together: nothing cut off or overlapping at
    140% type on 1280×720, before and after a choice; a name too long for its button keeps its
    hours (the whole name is in the tooltip)."""
    pilot = start_app(monkeypatch, tmp_path, lang=lang)
    app = pilot.app
    try:
        app.apply_settings(app.settings.with_(font_scale=1.4))
        _open_card(app, scenario_id)
        pilot.advance(2)
        assert check(app).problems == []
        channel = next(c for c, ok, _ in app.controller.channels() if ok)
        app.scene.toggle(channel.id)
        pilot.advance(2)
        assert check(app).problems == []
        unit = "u" if lang == "nl" else "h"
        for button in pilot.buttons():
            if "·" in button.text and button.text.rstrip().endswith(f" {unit}"):
                hours = button.text.rsplit("·", 1)[1].strip()
                assert hours.split()[0].isdigit(), button.text
    finally:
        app.close()
