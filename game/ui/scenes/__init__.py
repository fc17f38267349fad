"""Every scene of the game. The app starts at the title."""

from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menu import (
    ErrorScene,
    HelpScene,
    LoadScene,
    MessageScene,
    ScenarioChoiceScene,
    SettingsScene,
    TitleScene,
)
from game.ui.scenes.rounds import (
    BriefingScene,
    DecisionScene,
    DevelopmentScene,
    OutcomeScene,
    SummaryScene,
)

__all__ = [
    "BriefingScene",
    "DebriefScene",
    "DecisionScene",
    "DevelopmentScene",
    "ErrorScene",
    "HelpScene",
    "LoadScene",
    "MessageScene",
    "OutcomeScene",
    "ScenarioChoiceScene",
    "SettingsScene",
    "SummaryScene",
    "TitleScene",
]
