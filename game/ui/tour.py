"""The screenshot tour: the ``best`` bot plays a scenario in the real app, headless, and every
scene is saved as a PNG — for trainers' handouts and for looking at what the game shows.

The bot is the player here: its decisions go through the controller like a team's would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.domain import GameLength, Language
from game.packs import Pack
from game.sim import Bot
from game.ui.app import App, headless_environment
from game.ui.harness import Harness
from game.ui.settings import Settings


class TourStopped(RuntimeError):
    """The game showed its error screen during the tour: the tour says so instead of a
    traceback (the details are in the error log)."""


def run_tour(
    out: Path,
    size: tuple[int, int] = (1280, 720),
    lang: Language = "en",
    scenario: str | None = None,
    seed: int = 1,
    log_dir: Path | None = None,
    pack: Pack | None = None,
    font_scale: float = 1.0,
    inspect: Callable[[str, App], None] | None = None,
    pictures: bool = True,
    length: GameLength = GameLength.FULL,
) -> list[Path]:
    """Play the scenario with the best bot and save a PNG of every scene; returns the files.

    With ``pack``, the title shows its branding and the scenario list its choice.
    ``font_scale`` is the type size (1.0, 1.2, 1.4: a projector room's settings);
    ``inspect(name, app)`` is called at every scene (the layout test checks it there);
    ``pictures`` False takes no PNGs (the test only inspects); ``length``: the game's length
    (the scenario choice shows the short one chosen first)."""
    from game.ui import scenes

    headless_environment()
    app = App(
        size,
        Settings(language=lang, font_scale=font_scale),
        scenario=scenario,
        seed=seed,
        log_dir=log_dir or out / "logs",
        pack=pack,
        results_dir=out / "results",
    )
    pilot = Harness(app)
    saved: list[Path] = []

    count = 0

    def shot(name: str) -> None:
        nonlocal count
        pilot.settle(1.0)
        if isinstance(app.scene, scenes.ErrorScene) and name != "error":
            where = app.log_dir / "errors.log"
            raise TourStopped(
                f"the game showed its error screen before '{name}': {app.last_error} "
                f"(details in {where})"
            )
        count += 1
        if inspect is not None:
            inspect(name, app)
        if pictures:
            saved.append(pilot.screenshot(out / f"{count:02d}-{name}.png"))

    try:
        pilot.advance(2)
        shot("title")
        app.go(scenes.ScenarioChoiceScene)
        pilot.advance(2)
        shot("scenario-choice")
        choice = app.scene
        assert isinstance(choice, scenes.ScenarioChoiceScene)
        choice.team_entry.set_text("Team Tour")
        choice.choose_length(GameLength.SHORT)
        pilot.advance(2)
        shot("scenario-length")
        choice.choose_length(GameLength(length))
        pilot.advance(2)
        choice.start()
        pilot.advance(2)
        controller = app.controller
        assert controller.scenario is not None and controller.state is not None
        bot = Bot("best", seed)
        last = controller.scenario.rounds
        interesting = {1, (last + 1) // 2, last}
        moment_seen = False
        while controller.state is not None and not controller.state.finished:
            number = controller.state.round
            if number in interesting:
                shot(f"round{number:02d}-briefing")
            controller.apply(bot.decide(controller.state, controller.scenario))
            if number == 1:
                for i, initiative in enumerate(controller.state.current_initiatives):
                    controller.predict(initiative, "well")
                    app.go(scenes.DecisionScene, i)
                    pilot.advance(2)
                    shot(f"round{number:02d}-decision-{i + 1}")
            app.go(scenes.DevelopmentScene)
            pilot.advance(2)
            if number in interesting:
                shot(f"round{number:02d}-development")
            app.scene.resolve()  # type: ignore[union-attr]
            pilot.advance(2)
            outcome = app.scene
            kinds = [step.kind for step in getattr(outcome, "steps", [])]
            if not moment_seen and "milestone" in kinds:
                # The first new phase or stage: its moment, as the room sees it.
                moment_seen = True
                while outcome.revealed < kinds.index("milestone") + 1:  # type: ignore[union-attr]
                    outcome.reveal()  # type: ignore[union-attr]
                pilot.advance(2)
                shot(f"round{number:02d}-outcome-moment")
            if number in interesting:
                pilot.press(pygame.K_SPACE)
                pilot.press(pygame.K_SPACE)
                shot(f"round{number:02d}-outcome-step")
                app.scene.reveal_all()  # type: ignore[union-attr]
                shot(f"round{number:02d}-outcome")
            app.go(scenes.SummaryScene)
            pilot.advance(2)
            if number in interesting:
                shot(f"round{number:02d}-summary")
            app.scene.next()  # type: ignore[union-attr]
            pilot.advance(2)
        app.go(scenes.DebriefScene)
        pilot.advance(2)
        for tab in app.scene.tabs:  # type: ignore[union-attr]
            app.go(scenes.DebriefScene, tab)
            pilot.advance(2)
            shot(f"debrief-{tab}")
        app.go(scenes.DebriefScene, "decisions", 1)
        pilot.advance(2)
        shot("debrief-decisions-page2")
        app.go(scenes.TitleScene)
        pilot.advance(2)
        shot("title-game-over")
        app.go(scenes.SettingsScene, scenes.TitleScene)
        pilot.advance(2)
        shot("settings")
        from game.ui.scenes.menu import confirm_quit

        for page in range(5):
            app.go(scenes.HelpScene, scenes.TitleScene, page)
            pilot.advance(2)
            shot(f"help-{page + 1}")
        _workshop(app, pilot, shot, seed, GameLength(length))
        app.go(confirm_quit(app))
        pilot.advance(2)
        shot("confirm-quit")
        app.fail(RuntimeError("an example error, made by the tour"))
        pilot.advance(2)
        shot("error")
    finally:
        app.close()
    return saved


def _workshop(
    app: App, pilot: Harness, shot: Callable[[str], None], seed: int, length: GameLength
) -> None:
    """Workshop mode (issue 12): three teams taking turns, the facilitator's screens over a
    round, the end of the workshop and the teams side by side."""
    from game.ui import scenes
    from game.ui.workshop import (
        CompareScene,
        DiscussScene,
        FacilitatorScene,
        InjectScene,
        TurnScene,
        WorkshopEndScene,
    )

    controller = app.controller
    scenario = controller.scenario
    assert scenario is not None
    teams = ["Team Rood", "Team Blauw", "Team Groen"]
    controller.start_teams(scenario, seed, teams, length=length.value)
    app.go(TurnScene)
    pilot.advance(2)
    shot("workshop-turn")
    app.go(scenes.BriefingScene)
    pilot.advance(2)
    over = app.scene
    for name, scene in (
        ("facilitator", FacilitatorScene),
        ("facilitator-discuss", DiscussScene),
        ("facilitator-inject", InjectScene),
    ):
        app.go(scene(app, over))
        pilot.advance(2)
        shot(name)
    app.go(over)
    bots = [Bot(name, seed) for name in ("best", "random", "participating")]
    while (turn := controller.next_turn()) is not None:
        controller.switch_to(turn)
        controller.apply(bots[turn].decide(controller.state, scenario))
        controller.resolve()
    files = []
    for index in range(len(teams)):
        controller.switch_to(index)
        written = controller.results_file or controller.write_results()
        if written is not None:
            files.append(written)
    app.go(WorkshopEndScene)
    pilot.advance(2)
    shot("workshop-end")
    app.go(CompareScene(app, files))
    pilot.advance(2)
    shot("compare")
