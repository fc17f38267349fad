"""The book of scenes the app is handed: the one place that knows every scene class.

A scene's module is imported when the scene is first asked for: importing all thirty took a
fifth of the time to the first frame, which shows only the title (issue 22). The window asks
for the rest in its first idle moment (``load_all``), so that no scene's first opening waits
for its imports either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from game.ui.scene import SceneBook

if TYPE_CHECKING:
    from game.ui.scene import Scene

NAMES = (
    "title",
    "scenario_choice",
    "load",
    "message",
    "choice",
    "settings",
    "help",
    "error",
    "briefing",
    "decision",
    "development",
    "outcome",
    "summary",
    "debrief",
    "exported",
    "turn",
    "pin",
    "facilitator",
    "discuss",
    "inject",
    "workshop_end",
    "compare",
    "play_ahead",
    "outline",
    "ambition",
    "host_setup",
    "host",
    "host_news",
    "join",
    "room_wait",
)


def scene_class(name: str) -> type[Scene]:
    """The scene called ``name`` in the book; each import written out for the build's packer."""
    match name:
        case "title":
            from game.ui.scenes.start.title import TitleScene as scene
        case "scenario_choice":
            from game.ui.scenes.start.scenario_choice import ScenarioChoiceScene as scene
        case "load":
            from game.ui.scenes.start.load import LoadScene as scene
        case "message":
            from game.ui.scenes.start.message import MessageScene as scene
        case "choice":
            from game.ui.scenes.start.choice import ChoiceScene as scene
        case "settings":
            from game.ui.scenes.start.settings import SettingsScene as scene
        case "help":
            from game.ui.scenes.start.help import HelpScene as scene
        case "error":
            from game.ui.scenes.start.error import ErrorScene as scene
        case "briefing":
            from game.ui.scenes.round.briefing import BriefingScene as scene
        case "decision":
            from game.ui.scenes.round.decision import DecisionScene as scene
        case "development":
            from game.ui.scenes.round.development import DevelopmentScene as scene
        case "outcome":
            from game.ui.scenes.round.outcome import OutcomeScene as scene
        case "summary":
            from game.ui.scenes.round.summary import SummaryScene as scene
        case "debrief":
            from game.ui.scenes.debrief.scene import DebriefScene as scene
        case "exported":
            from game.ui.scenes.workshop.exported import ExportedScene as scene
        case "turn":
            from game.ui.scenes.workshop.turn import TurnScene as scene
        case "pin":
            from game.ui.scenes.workshop.pin import PinScene as scene
        case "facilitator":
            from game.ui.scenes.workshop.facilitator import FacilitatorScene as scene
        case "discuss":
            from game.ui.scenes.workshop.discuss import DiscussScene as scene
        case "inject":
            from game.ui.scenes.workshop.inject import InjectScene as scene
        case "workshop_end":
            from game.ui.scenes.workshop.end import WorkshopEndScene as scene
        case "compare":
            from game.ui.scenes.workshop.compare import CompareScene as scene
        case "play_ahead":
            from game.ui.scenes.workshop.play_ahead import PlayAheadScene as scene
        case "outline":
            from game.ui.scenes.start.outline import OutlineScene as scene
        case "ambition":
            from game.ui.scenes.round.ambition import AmbitionScene as scene
        case "host_setup":
            from game.ui.scenes.room.host_setup import HostSetupScene as scene
        case "host":
            from game.ui.scenes.room.host import HostScene as scene
        case "host_news":
            from game.ui.scenes.room.host_news import HostNewsScene as scene
        case "join":
            from game.ui.scenes.room.join import JoinScene as scene
        case "room_wait":
            from game.ui.scenes.room.wait import WaitScene as scene
        case _:
            raise AttributeError(f"the book has no scene {name!r}")
    return scene


class LazyBook:
    """Every scene of the game, each class imported on first use."""

    def __getattr__(self, name: str) -> type[Scene]:
        if name.startswith("__"):
            raise AttributeError(name)
        found = scene_class(name)
        setattr(self, name, found)
        return found

    def load_all(self) -> None:
        for name in NAMES:
            getattr(self, name)


def scene_book() -> SceneBook:
    """Every scene of the game, for the app to hand to its scenes."""
    return cast(SceneBook, LazyBook())
