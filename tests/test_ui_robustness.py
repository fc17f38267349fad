"""Random input across every scene must never raise; catalogues must cover every UI string."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
from babel.messages.extract import extract_from_dir

from game.sim import Bot
from game.ui.i18n import LOCALE_DIR, Translator
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.round.development import DevelopmentScene
from game.ui.scenes.round.outcome import OutcomeScene
from game.ui.scenes.round.summary import SummaryScene
from game.ui.scenes.start.help import HelpScene
from game.ui.scenes.start.settings import SettingsScene
from game.ui.scenes.start.title import TitleScene
from tests.uitools import start_app

UI_DIR = Path(__file__).resolve().parent.parent / "game" / "ui"

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
    start the game again. (The long run is issue 11's monkey, in ``test_issue11_ui.py``.)
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


def test_every_ui_string_has_a_dutch_translation():
    found = {
        message
        for _, _, message, *_ in extract_from_dir(
            UI_DIR, method_map=[("**.py", "python")], keywords={"t": None}, comment_tags=()
        )
    }
    assert len(found) > 100
    dutch = Translator("nl")
    missing = sorted(m for m in found if isinstance(m, str) and m not in dutch._messages)
    assert missing == [], f"add these to {LOCALE_DIR / 'nl.po'} (make messages): {missing}"


def test_translations_keep_their_placeholders():
    dutch = Translator("nl")
    import re

    for english, translated in dutch._messages.items():
        assert set(re.findall(r"{\w+}", english)) == set(re.findall(r"{\w+}", translated)), english
