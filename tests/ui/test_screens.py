"""Golden screenshots, compared with a tolerance.

The goldens are updated only on purpose, after a person has looked at the new pictures:
``UPDATE_GOLDEN=1 pytest tests/ui/test_screens.py``."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.scenario.loader import load_scenario
from game.sim import Bot
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.start.title import TitleScene
from tests.helpers.ui import start_app

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "golden"


UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


# Rendering differs a little between FreeType builds; a moved widget or a missing panel does not.
MEAN_TOLERANCE = 3.0


SHARE_TOLERANCE = 0.02


def _difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, float]:
    """Mean absolute channel difference, and the share of clearly different pixels, at 1/4 size."""
    size = (a.get_width() // 4, a.get_height() // 4)
    small_a = pygame.image.tobytes(pygame.transform.smoothscale(a, size), "RGB")
    small_b = pygame.image.tobytes(pygame.transform.smoothscale(b, size), "RGB")
    total = 0
    different = 0
    for i in range(0, len(small_a), 3):
        delta = (
            abs(small_a[i] - small_b[i])
            + abs(small_a[i + 1] - small_b[i + 1])
            + abs(small_a[i + 2] - small_b[i + 2])
        )
        total += delta
        if delta > 90:
            different += 1
    pixels = len(small_a) // 3
    return total / (3 * pixels), different / pixels


def _check(pilot, name: str) -> None:
    pilot.settle(1.0)
    pilot.app.draw()
    shot = pilot.app.screen.copy()
    path = GOLDEN_DIR / f"{name}.png"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no golden {path.name}; look at the scene, then run with UPDATE_GOLDEN=1")
        GOLDEN_DIR.mkdir(exist_ok=True)
        pygame.image.save(shot, str(path))
        return
    golden = pygame.image.load(str(path))
    assert golden.get_size() == shot.get_size()
    mean, share = _difference(shot.convert_alpha(), golden.convert_alpha())
    if mean > MEAN_TOLERANCE or share > SHARE_TOLERANCE:
        failed = path.with_name(f"{name}.actual.png")
        pygame.image.save(shot, str(failed))
        pytest.fail(
            f"{name} differs from its golden (mean {mean:.2f}, share {share:.3f}); see {failed}"
        )


@pytest.fixture
def game_pilot(monkeypatch, tmp_path):
    pilot = start_app(monkeypatch, tmp_path, lang="en")
    scenario = load_scenario()
    pilot.app.controller.start(scenario, 1, "Golden")
    yield pilot, scenario
    pilot.app.close()


def test_golden_title(game_pilot):
    pilot, _ = game_pilot
    pilot.app.go(TitleScene)
    pilot.advance(2)
    _check(pilot, "title-en-1280x720")


def test_golden_briefing_and_decision(game_pilot):
    pilot, scenario = game_pilot
    controller = pilot.app.controller
    bot = Bot("best", 1)
    for _ in range(5):
        controller.apply(bot.decide(controller.state, scenario))
        controller.resolve()
    pilot.app.go(BriefingScene)
    pilot.advance(2)
    _check(pilot, "briefing-round6-en-1280x720")
    controller.apply(bot.decide(controller.state, scenario))
    pilot.app.go(DecisionScene, 0)
    pilot.advance(2)
    _check(pilot, "decision-round6-en-1280x720")


def test_golden_debrief(game_pilot):
    pilot, scenario = game_pilot
    controller = pilot.app.controller
    bot = Bot("best", 1)
    while not controller.state.finished:
        controller.apply(bot.decide(controller.state, scenario))
        controller.resolve()
    pilot.app.go(DebriefScene, "growth")
    pilot.advance(2)
    _check(pilot, "debrief-growth-en-1280x720")


def test_the_comparison_tells_scenes_apart():
    """The tolerance lets font rendering vary, not a different screen."""
    title = pygame.image.load(str(GOLDEN_DIR / "title-en-1280x720.png"))
    briefing = pygame.image.load(str(GOLDEN_DIR / "briefing-round6-en-1280x720.png"))
    decision = pygame.image.load(str(GOLDEN_DIR / "decision-round6-en-1280x720.png"))
    assert _difference(title, title) == (0.0, 0.0)
    for a, b in ((title, briefing), (briefing, decision)):
        mean, share = _difference(a, b)
        assert mean > MEAN_TOLERANCE or share > SHARE_TOLERANCE
