"""The book of scenes the app is handed: the one place that knows every scene class."""

from __future__ import annotations

from game.ui.scene import SceneBook
from game.ui.scenes.debrief.scene import DebriefScene
from game.ui.scenes.room.host import HostScene
from game.ui.scenes.room.host_news import HostNewsScene
from game.ui.scenes.room.host_setup import HostSetupScene
from game.ui.scenes.room.join import JoinScene
from game.ui.scenes.room.wait import WaitScene
from game.ui.scenes.round.ambition import AmbitionScene
from game.ui.scenes.round.briefing import BriefingScene
from game.ui.scenes.round.decision import DecisionScene
from game.ui.scenes.round.development import DevelopmentScene
from game.ui.scenes.round.outcome import OutcomeScene
from game.ui.scenes.round.summary import SummaryScene
from game.ui.scenes.start.choice import ChoiceScene
from game.ui.scenes.start.error import ErrorScene
from game.ui.scenes.start.help import HelpScene
from game.ui.scenes.start.load import LoadScene
from game.ui.scenes.start.message import MessageScene
from game.ui.scenes.start.outline import OutlineScene
from game.ui.scenes.start.scenario_choice import ScenarioChoiceScene
from game.ui.scenes.start.settings import SettingsScene
from game.ui.scenes.start.title import TitleScene
from game.ui.scenes.workshop.compare import CompareScene
from game.ui.scenes.workshop.discuss import DiscussScene
from game.ui.scenes.workshop.end import WorkshopEndScene
from game.ui.scenes.workshop.exported import ExportedScene
from game.ui.scenes.workshop.facilitator import FacilitatorScene
from game.ui.scenes.workshop.inject import InjectScene
from game.ui.scenes.workshop.pin import PinScene
from game.ui.scenes.workshop.play_ahead import PlayAheadScene
from game.ui.scenes.workshop.turn import TurnScene


def scene_book() -> SceneBook:
    """Every scene of the game, for the app to hand to its scenes."""
    return SceneBook(
        title=TitleScene,
        scenario_choice=ScenarioChoiceScene,
        load=LoadScene,
        message=MessageScene,
        choice=ChoiceScene,
        settings=SettingsScene,
        help=HelpScene,
        error=ErrorScene,
        briefing=BriefingScene,
        decision=DecisionScene,
        development=DevelopmentScene,
        outcome=OutcomeScene,
        summary=SummaryScene,
        debrief=DebriefScene,
        exported=ExportedScene,
        turn=TurnScene,
        pin=PinScene,
        facilitator=FacilitatorScene,
        discuss=DiscussScene,
        inject=InjectScene,
        workshop_end=WorkshopEndScene,
        compare=CompareScene,
        play_ahead=PlayAheadScene,
        outline=OutlineScene,
        ambition=AmbitionScene,
        host_setup=HostSetupScene,
        host=HostScene,
        host_news=HostNewsScene,
        join=JoinScene,
        room_wait=WaitScene,
    )
