"""The base of the facilitator's screens: each is opened over a round and goes back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.scene import Scene

if TYPE_CHECKING:
    pass


class OverScene(Scene):
    """A facilitator's screen opened over a round scene (``over``), which it goes back to."""

    over: Scene

    def back_to_over(self) -> None:
        """Return to the scene under the panel exactly as it was (no ``on_enter``; its widgets
        are built again)."""
        scene = self.over
        scene.resuming = True
        self.app.go(lambda: scene)
