"""The screenshot tour (``game.ui.tour``): every scene saved, and a failure said in a sentence."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest


@pytest.mark.slow
@pytest.mark.parametrize(("size", "lang"), [((1280, 720), "nl"), ((1920, 1080), "en")])
def test_tour_saves_every_scene(tmp_path, monkeypatch, size, lang):
    from game.ui.tour import run_tour

    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    saved = run_tour(tmp_path / "tour", size, lang)
    names = {p.stem.split("-", 1)[1] for p in saved}
    for scene in (
        "title",
        "scenario-choice",
        "round01-briefing",
        "round01-decision-1",
        "round01-development",
        "round01-outcome",
        "round01-summary",
        "scenario-length",
        "debrief-result",
        "debrief-growth",
        "debrief-decisions",
        "debrief-decisions-page2",
        "title-game-over",
        "settings",
        "settings-locked",
        "facilitator-pin",
        "facilitator-pin-wait",
        "help-1",
        "help-4",
        "confirm-quit",
        "error",
    ):
        assert scene in names
    for path in saved:
        assert pygame.image.load(str(path)).get_size() == size
    # The only error logged is the example the tour makes for the error screen's picture.
    log = (tmp_path / "tour" / "logs" / "errors.log").read_text(encoding="utf-8")
    assert log.count("\n--- ") + log.startswith("--- ") == 1
    assert "an example error" in log


@pytest.mark.filterwarnings("error::UserWarning")
def test_the_tour_stops_with_a_sentence_not_a_traceback(tmp_path: Path, monkeypatch):
    """Asked for by issue 10."""
    import game.ui.scenes.round.briefing as briefing
    from game.ui.tour import TourStopped, run_tour

    def boom(self, surface):
        raise RuntimeError("a text the game cannot draw")

    monkeypatch.setattr(briefing.BriefingScene, "draw", boom)
    with pytest.raises(TourStopped, match="error screen"):
        run_tour(tmp_path / "shots", pictures=False)
