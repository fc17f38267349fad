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
from game.ui.app import App
from game.ui.harness import Harness
from game.ui.pin_guard import PinGuard
from game.ui.scenes.round.ambition import asks_ambition
from game.ui.scenes.start.choice import confirm_quit
from game.ui.settings import Settings
from game.ui.window import headless_environment

# shot(name) saves a picture of the scene (and checks it); shot(name, False) only checks it.
Shot = Callable[..., None]


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
    start_round: int | None = None,
) -> list[Path]:
    """Play the scenario with the best bot and save a PNG of every scene; returns the files.

    With ``pack``, the title shows its branding and the scenario list its choice.
    ``font_scale`` is the type size (1.0, 1.2, 1.4: a projector room's settings);
    ``inspect(name, app)`` is called at every scene (the layout test checks it there);
    ``pictures`` False takes no PNGs (the test only inspects); ``length``: the game's length
    (the scenario choice shows the short one chosen first); ``start_round``: the bot plays the
    rounds before it without pictures, and the tour starts there."""

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

    def shot(name: str, picture: bool = True) -> None:
        nonlocal count
        pilot.settle(1.0)
        if isinstance(app.scene, app.scenes.error) and name != "error":
            where = f"details in {app.last_log}" if app.last_log else "no error log written"
            raise TourStopped(
                f"the game showed its error screen before '{name}': {app.last_error} ({where})"
            )
        if inspect is not None:
            inspect(name, app)
        if pictures and picture:
            count += 1
            saved.append(pilot.screenshot(out / f"{count:02d}-{name}.png"))

    try:
        _new_game(app, pilot, shot, GameLength(length))
        if scenario is not None:
            _check_scenario(app, scenario)
        if start_round is not None:  # the rounds before it played unseen (a late event)
            app.controller.play_ahead(start_round)
            app.go(app.scenes.briefing)
            pilot.advance(2)
        _rounds(app, pilot, shot, seed)
        _after_the_game(app, pilot, shot)
        _workshop(app, pilot, shot, seed, GameLength(length))
        _room(app, pilot, shot)
        app.go(confirm_quit(app))
        pilot.advance(2)
        shot("confirm-quit")
        app.fail(RuntimeError("an example error, made by the tour"))
        pilot.advance(2)
        shot("error")
    finally:
        app.close()
    return saved


def _new_game(app: App, pilot: Harness, shot: Shot, length: GameLength) -> None:
    """The title, and the new-game screen with the team's name and the length chosen."""
    pilot.advance(2)
    shot("title")
    app.go(app.scenes.scenario_choice)
    pilot.advance(2)
    shot("scenario-choice")
    choice = app.scene
    assert isinstance(choice, app.scenes.scenario_choice)
    choice.team_entry.set_text("Team Tour")
    choice.choose_length(GameLength.SHORT)
    pilot.advance(2)
    shot("scenario-length")
    choice.choose_length(length)
    pilot.advance(2)
    choice.show_outline()
    pilot.advance(2)
    shot("outline")
    while app.scene.pager.turn(1) and app.scene.pager.page:  # every page is checked
        app.scene.rebuild()
        pilot.advance(2)
        shot(f"outline-{app.scene.pager.page + 1}", picture=False)
    app.scene.back()
    pilot.advance(2)
    choice.start()
    pilot.advance(2)


def _check_scenario(app: App, wanted: str) -> None:
    """The tour plays the scenario it was given, or stops: it once checked 40 screens of the
    default scenario for a trainer who named a file by a relative path (issue 20)."""
    from game.scenario.loader import scenario_info, scenario_path

    played = app.controller.scenario
    info = scenario_info(scenario_path(wanted))
    if played is None or info.scenario is None or played.id != info.id:
        raise TourStopped(
            f"the tour was asked for {wanted!r} but the game started "
            f"{played.id if played else 'nothing'!r}"
            + ("" if info.scenario is not None else f" ({wanted!r} has problems: run validate)")
        )


def _rounds(app: App, pilot: Harness, shot: Shot, seed: int) -> None:
    """Every round, played by the best bot: the first, middle and last round in full, every
    card of the first round, and the first new phase or stage as its moment. Every card and
    every development screen of the other rounds is checked too, without a picture: a card
    of round 4 has its own text to fit."""
    controller = app.controller
    assert controller.scenario is not None and controller.state is not None
    bot = Bot("best", seed)
    last = controller.scenario.rounds
    first = controller.state.round
    interesting = {first, (first + last) // 2, last}
    moment_seen = False
    while controller.state is not None and not controller.state.finished:
        number = controller.state.round
        if number in interesting:
            shot(f"round{number:02d}-briefing")
        else:
            shot(f"round{number:02d}-briefing", False)
        if asks_ambition(app):
            _ambition(app, pilot, shot)
        controller.apply(bot.decide(controller.state, controller.scenario))
        for i, initiative in enumerate(controller.state.current_initiatives):
            if number == first:
                controller.predict(initiative, "well")
            app.go(app.scenes.decision, i)
            pilot.advance(2)
            shot(f"round{number:02d}-decision-{i + 1}", number == first)
        app.go(app.scenes.development)
        pilot.advance(2)
        shot(f"round{number:02d}-development", number in interesting)
        app.scene.resolve()  # type: ignore[union-attr]
        pilot.advance(2)
        moment_seen = _outcome(app, pilot, shot, number, number in interesting, moment_seen)
        app.go(app.scenes.summary)
        pilot.advance(2)
        if number in interesting:
            shot(f"round{number:02d}-summary")
        app.scene.next()  # type: ignore[union-attr]
        pilot.advance(2)


def _ambition(app: App, pilot: Harness, shot: Shot) -> None:
    """The group's aims before round 1: collaborating in the first relations, a phase less in
    the rest, so the debrief shows aims reached and aims missed."""
    from game.domain import GrowthPhase

    app.go(app.scenes.ambition)
    pilot.advance(2)
    scene = app.scene
    for i, relation in enumerate(scene.relations()):  # type: ignore[union-attr]
        aim = GrowthPhase.COLLABORATING if i < 2 else GrowthPhase.CONVERSING
        scene.choose(relation, aim)  # type: ignore[union-attr]
    pilot.advance(2)
    shot("round01-ambition")
    scene._keep()  # type: ignore[union-attr]


def _outcome(
    app: App, pilot: Harness, shot: Shot, number: int, interesting: bool, moment_seen: bool
) -> bool:
    """The round's outcome: its first moment (a new phase or stage) as the room sees it, and
    step by step in an interesting round. Returns whether a moment has been seen."""
    outcome = app.scene
    kinds = [step.kind for step in getattr(outcome, "steps", [])]
    if not moment_seen and "milestone" in kinds:
        moment_seen = True
        while outcome.revealed < kinds.index("milestone") + 1:  # type: ignore[union-attr]
            outcome.reveal()  # type: ignore[union-attr]
        pilot.advance(2)
        shot(f"round{number:02d}-outcome-moment")
    if interesting:
        pilot.press(pygame.K_SPACE)
        pilot.press(pygame.K_SPACE)
        shot(f"round{number:02d}-outcome-step")
        app.scene.reveal_all()  # type: ignore[union-attr]
        shot(f"round{number:02d}-outcome")
    return moment_seen


def _after_the_game(app: App, pilot: Harness, shot: Shot) -> None:
    """The debrief's tabs, the title after the game, settings and the help's pages."""
    app.go(app.scenes.debrief)
    pilot.advance(2)
    for tab in app.scene.tabs:  # type: ignore[union-attr]
        app.go(app.scenes.debrief, tab)
        pilot.advance(2)
        shot(f"debrief-{tab}")
    app.go(app.scenes.debrief, "decisions", 1)
    pilot.advance(2)
    shot("debrief-decisions-page2")
    app.go(app.scenes.title)
    pilot.advance(2)
    shot("title-game-over")
    app.go(app.scenes.settings, app.scenes.title)
    pilot.advance(2)
    shot("settings")
    for page in range(5):
        app.go(app.scenes.help, app.scenes.title, page)
        pilot.advance(2)
        shot(f"help-{page + 1}")


def _workshop(app: App, pilot: Harness, shot: Shot, seed: int, length: GameLength) -> None:
    """Workshop mode (issue 12): three teams taking turns, the facilitator's screens over a
    round, the end of the workshop and the teams side by side."""

    controller = app.controller
    scenario = controller.scenario
    assert scenario is not None
    teams = ["Team Rood", "Team Blauw", "Team Groen"]
    controller.start_teams(scenario, seed, teams, length=length.value)
    app.go(app.scenes.turn)
    pilot.advance(2)
    shot("workshop-turn")
    app.go(app.scenes.briefing)
    pilot.advance(2)
    over = app.scene
    # The round timer runs over the facilitator's screens (on a clock that stands still, so the
    # pictures do not depend on the machine's speed): nothing may touch it.
    clock = app.timer.clock
    app.timer.clock = lambda: 0.0
    app.timer.start(5 * 60)
    for name, scene in (
        ("facilitator", app.scenes.facilitator),
        ("facilitator-discuss", app.scenes.discuss),
        ("facilitator-inject", app.scenes.inject),
        ("facilitator-play-ahead", app.scenes.play_ahead),
    ):
        app.go(scene(app, over))
        pilot.advance(2)
        shot(name)
    _pin_screens(app, pilot, shot, over)
    _news_brought_in(app, pilot, shot)
    app.timer.stop()
    app.timer.clock = clock
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
    app.go(app.scenes.workshop_end)
    pilot.advance(2)
    shot("workshop-end")
    app.go(app.scenes.compare(app, files))
    pilot.advance(2)
    shot("compare")


def _news_brought_in(app: App, pilot: Harness, shot: Shot) -> None:
    """News the facilitator brings in, on the briefing of a first round: with the situation,
    it must be read whole, page by page if need be."""
    from game.sim.facilitator import injectable_events

    controller = app.controller
    assert controller.state is not None and controller.scenario is not None
    events = injectable_events(controller.state, controller.scenario)
    if not events:
        return
    controller.inject(max(events, key=lambda e: len(e.text.get(app.settings.language))).id)
    app.go(app.scenes.briefing)
    pilot.advance(2)
    shot("workshop-briefing-news")


def _pin_screens(app: App, pilot: Harness, shot: Shot, over) -> None:
    """With a PIN set: the PIN screen, its wait after three wrong tries (on a clock that stands
    still, so the picture does not depend on the machine's speed), and settings locked."""
    app.settings = app.settings.with_(facilitator_pin="2468")
    app.go(app.scenes.pin(app, over))
    pilot.advance(2)
    shot("facilitator-pin")
    app.pin_guard = PinGuard(clock=lambda: 0.0)
    for _ in range(3):
        app.pin_guard.check("0000", "2468")
    app.go(app.scenes.pin(app, over))
    pilot.advance(2)
    shot("facilitator-pin-wait")
    app.go(app.scenes.settings, lambda: over)
    pilot.advance(2)
    shot("settings-locked")
    app.pin_guard = PinGuard()
    app.settings = app.settings.with_(facilitator_pin="")


ROOM_TEAMS = ("Wijkteam Noordoost en Buitengebied", "Team Blauw")


def _room(app: App, pilot: Harness, shot: Shot) -> None:
    """A workshop over the network (issue 19), on 127.0.0.1 only: the host's setup, its screen
    with two bot teams that joined (one still deciding, one ready), its news screen, and a
    team's join screen. Waits are bounded: a slow machine gets fewer teams, never a hang."""
    import threading
    import time

    from game.net.link import TeamLink
    from game.net.team import NetworkedTeam

    app.go(app.scenes.host_setup)
    pilot.advance(2)
    app.scene.choose_length(GameLength.SHORT)
    shot("room-host-setup")
    app.scene.start()
    pilot.advance(2)
    room = app.room
    if room is None or not hasattr(room, "workshop"):
        return
    workshop, scenario = room.workshop, room.scenario
    port = int(room.address.rsplit(":", 1)[1])
    # The first team plays on its own; the second only joins, so it is still deciding.
    links = [TeamLink("127.0.0.1", port, workshop.code, name).start() for name in ROOM_TEAMS]
    player = NetworkedTeam(links[0], scenario, "best")
    threading.Thread(target=player.run, kwargs={"join_seconds": 10}, daemon=True).start()
    try:
        deadline = time.monotonic() + 10
        while len(workshop.teams) < len(ROOM_TEAMS) and time.monotonic() < deadline:
            pilot.advance(1)
            time.sleep(0.02)
        app.scene.open_round()
        teams = workshop.teams.values
        while not any(workshop.decided(t) for t in teams()) and time.monotonic() < deadline + 10:
            pilot.advance(1)
            time.sleep(0.02)
        shot("room-host")
        app.go(app.scenes.host_news)
        pilot.advance(2)
        shot("room-host-news")
    finally:
        for link in links:
            link.close()
        app.close_room()
    app.go(app.scenes.join)
    pilot.advance(2)
    shot("room-join")
