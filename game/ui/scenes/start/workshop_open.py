"""Opening a saved hot-seat workshop: every team back, the right team's turn, the timer.

Continue (and the workshop's entry under Load) brings the workshop back as a whole, from its file
beside the autosaves (``game.saves.workshop``): the teams in their turn order, the hand-over card
of the team whose turn it is, the round timer as it stood; the end screen when every team has
played. When the workshop file or one team's game cannot be used, it says why; the teams' games
stay in the list of saves, loadable one by one.
"""

from __future__ import annotations

from pathlib import Path

from game.ui.scene import Scene


def load_workshop_into(app, path: Path, came_from: type[Scene]) -> None:
    """Load the workshop at ``path`` and open it (or say why not)."""
    from game.saves import SaveError
    from game.ui.scenes.start.locked import held_elsewhere, locked_choice

    t, lang = app.t, app.settings.language
    try:
        workshop, games = app.saves.load_workshop(path, app.find_scenario)
    except SaveError as error:
        app.go(
            app.scenes.message, t("This workshop cannot be used"), error.explain(lang), came_from
        )
        return
    ids = [workshop.workshop_id, *(team.game_id for team in workshop.teams)]
    holder = held_elsewhere(app, ids)
    if holder is None:
        _open(app, workshop, games)
        return
    app.go(
        locked_choice(
            app,
            holder,
            lambda: _open(app, workshop, games, read_only=True),
            lambda: _open(app, workshop, games, copy=True),
            came_from,
            workshop=True,
        )
    )


def _open(app, workshop, games, read_only: bool = False, copy: bool = False) -> None:
    from game.ui.hot_seat_saves import copy_workshop, resume_teams
    from game.ui.scenes.start.loading import open_game
    from game.ui.scenes.start.locked import read_only_note

    controller = app.controller
    turn = resume_teams(controller, workshop, games)
    app.timer.stop()
    if workshop.timer is not None and turn is not None:
        clock = workshop.timer
        app.timer.restore(clock.seconds, clock.left, clock.running)
    controller.read_only = read_only
    _find_results(app)
    if copy:
        copy_workshop(controller)
    app.hold_games()
    if read_only:
        read_only_note(app)
    elif turn is None:
        open_game(app)  # every team has played: the workshop's end
    else:
        app.go(app.scenes.turn)


def _find_results(app) -> None:
    """The results files the teams that finished wrote, for the end screen's comparison."""
    from game.results.files import results_name

    for seat in app.controller.seats:
        if seat.state.finished and seat.results_file is None:
            path = app.results_dir / results_name(seat.team, seat.game_id)
            seat.results_file = path if path.is_file() else None
    controller = app.controller
    controller.results_file = controller.seats[controller.seat].results_file  # the team playing
