"""Shared helpers of the UI tests: an app on SDL's dummy drivers, and a pilot for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.app import App
from game.ui.harness import Harness
from game.ui.settings import Settings


def start_app(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    lang: str = "en",
    size: tuple[int, int] = (1280, 720),
    **options: object,
) -> Harness:
    """A real app, headless; close it with ``pilot.app.close()``."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    settings = Settings(language=lang, sound=False)  # type: ignore[arg-type]
    app = App(size, settings, log_dir=tmp_path / "logs", **options)  # type: ignore[arg-type]
    pilot = Harness(app)
    pilot.advance(2)
    return pilot
