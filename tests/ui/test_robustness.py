"""Random input across every scene must never raise."""

from __future__ import annotations

import random

import pygame
import pytest

from game.saves import SaveStore
from game.sim import Bot
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.round.development import DevelopmentScene
from game.ui.scenes.round.outcome import OutcomeScene
from game.ui.scenes.round.summary import SummaryScene
from game.ui.scenes.start.help import HelpScene
from game.ui.scenes.start.load import LoadScene
from game.ui.scenes.start.scenario_choice import ScenarioChoiceScene
from game.ui.scenes.start.settings import SettingsScene
from game.ui.scenes.start.title import TitleScene
from tests.helpers.ui import play_rounds, start_app

KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_SPACE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_F1,
    pygame.K_F2,
    pygame.K_a,
    *(getattr(pygame, f"K_{i}") for i in range(1, 10)),
]


def monkey(pilot, rng: random.Random, count: int, per_frame: int = 1, closes: bool = False) -> int:
    """Send ``count`` random inputs, ``per_frame`` of them before each frame; return the count.

    Keys (with Shift now and then), clicks anywhere, typing, window resizes; with ``closes`` also
    F11 and the window's close button. A "quit" that goes through is undone, as a person would
    start the game again. (The long run is issue 11's monkey, below.)
    """
    width, height = pilot.app.screen.get_size()
    for sent in range(1, count + 1):
        roll = rng.random()
        if roll < 0.45:
            key = rng.choice(KEYS)
            mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
            pygame.event.post(
                pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
            )
        elif roll < 0.9:
            pos = (rng.randrange(width), rng.randrange(height))
            pygame.event.post(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
                )
            )
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
            )
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
            )
        elif roll < 0.97:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("ab1 é\x00")))
        elif not closes or roll < 0.99:
            size = rng.choice([(1280, 720), (1920, 1080), (1024, 600)])
            pygame.event.post(
                pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
            )
        elif roll < 0.995:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0))
        else:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
        if sent % per_frame == 0 or sent == count:
            pilot.advance(1)
            width, height = pilot.app.screen.get_size()
        if not pilot.app.running:  # someone pressed "quit": carry on, as a person would restart
            pilot.app.running = True
    return count


def test_random_events_in_every_scene(monkeypatch, tmp_path):
    """A short burst of random input, started in each scene of a game half-way through."""
    pilot = start_app(monkeypatch, tmp_path, lang="nl")
    app = pilot.app
    try:
        from game.scenario.loader import load_scenario

        scenario = load_scenario()
        app.controller.start(scenario, 3)
        bot = Bot("best", 3)
        for _ in range(4):
            app.controller.apply(bot.decide(app.controller.state, scenario))
            app.controller.resolve()
        rng = random.Random(9)
        scenes = [
            (TitleScene, ()),
            (BriefingScene, ()),
            (DecisionScene, (0,)),
            (DevelopmentScene, ()),
            (OutcomeScene, ()),
            (SummaryScene, ()),
            (SettingsScene, (TitleScene,)),
            (HelpScene, (TitleScene,)),
        ]
        for scene, args in scenes:
            if app.controller.state is None or app.controller.state.finished:
                break
            app.go(scene, *args)
            pilot.advance(2)
            monkey(pilot, rng, 60)
        app.go(DebriefScene)
        pilot.advance(2)
        monkey(pilot, rng, 60)
        assert app.errors == [], app.errors[:1]
    finally:
        app.close()


@pytest.mark.filterwarnings("error::UserWarning")
@pytest.mark.slow
def test_twenty_thousand_random_events_across_all_scenes(monkeypatch, tmp_path):
    """The monkey: keys, clicks, typing, resizes, F11 and window closes in every scene, with
    saves on disk, over many games; nothing raises and the app always answers."""
    store = SaveStore(tmp_path / "saves")
    pilot = start_app(monkeypatch, tmp_path, lang="nl", saves=store)
    app = pilot.app
    rng = random.Random(11)
    scenes = [
        (TitleScene, ()),
        (LoadScene, ()),
        (ScenarioChoiceScene, ()),
        (BriefingScene, ()),
        (DecisionScene, (0,)),
        (DevelopmentScene, ()),
        (OutcomeScene, ()),
        (SummaryScene, ()),
        (SettingsScene, (TitleScene,)),
        (HelpScene, (TitleScene,)),
        (DebriefScene, ()),
    ]
    try:
        sent = 0
        while sent < 20_000:
            scene, args = scenes[(sent // 500) % len(scenes)]
            in_round = scene in (BriefingScene, DecisionScene, DevelopmentScene, OutcomeScene)
            if in_round and (app.controller.state is None or app.controller.state.finished):
                play_rounds(app, rng.randrange(0, 5), rng.randrange(100))
            if scene is DebriefScene and (
                app.controller.state is None or not app.controller.state.finished
            ):
                play_rounds(app, 12, rng.randrange(100))
            if scene is DecisionScene and not app.controller.state.current_initiatives:
                scene, args = BriefingScene, ()  # the game opens no card in a round without one
            app.go(scene, *args)
            pilot.advance(1)
            sent += monkey(pilot, rng, 500, per_frame=16, closes=True)
        assert app.errors == [], app.errors[:1]
    finally:
        app.close()
