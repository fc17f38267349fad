"""A hot-seat workshop saved as a whole, and put back: the file beside the teams' autosaves
(``game.saves.workshop``) made from the controller and the round timer, a saved workshop resumed
at the right team's turn, and a workshop continued as a copy under new ids."""

from __future__ import annotations

import logging

from game.saves import LoadedGame, SaveStore
from game.saves.locks import Locks
from game.saves.names import new_game_id
from game.saves.workshop import WorkshopModel, WorkshopTeam, WorkshopTimer, build_workshop
from game.ui.controller import GameController
from game.ui.hot_seat import Seat, whose_turn
from game.ui.timer import RoundTimer


def workshop_record(controller: GameController, timer: RoundTimer | None) -> WorkshopModel:
    """The workshop as its file keeps it: the teams in turn order, whose turn, the timer."""
    teams = [
        WorkshopTeam(
            team=seat.team,
            game_id=seat.game_id,
            round=min(max(seat.state.round, 1), 100),
            finished=seat.state.finished,
        )
        for seat in controller.seats
    ]
    shown = timer.snapshot() if timer is not None else None
    clock = None
    if shown is not None:
        seconds, left, running = shown
        clock = WorkshopTimer(seconds=seconds, left=left, running=running)
    assert controller.scenario is not None
    return build_workshop(
        controller.workshop_id,
        controller.scenario.id,
        teams,
        controller.seat,
        clock,
        controller.news_to_every_team,
    )


def resume_teams(
    controller: GameController, workshop: WorkshopModel, games: list[LoadedGame]
) -> int | None:
    """Put a saved workshop back in the controller: every team's game (``games``, in the
    workshop's turn order), the same workshop id and news setting. Returns whose turn it is
    (the team that had the laptop, unless its round is done and another team is behind), or
    None when every team's game is over."""
    seats = []
    for loaded in games:
        controller.resume(
            loaded.scenario,
            loaded.state,
            loaded.team,
            loaded.game_id,
            loaded.scenario_file,
            plan=loaded.plan,
        )
        assert controller.state is not None and controller._rng is not None
        seat = Seat(controller.team, controller.game_id, controller.state, controller._rng)
        seat.plan = controller.plan
        seats.append(seat)
    controller.seats = seats
    controller.workshop_id = workshop.workshop_id
    controller.news_to_every_team = workshop.news_to_every_team
    turn = whose_turn(seats)
    playing = workshop.playing
    same_round = turn is not None and seats[playing].state.round == seats[turn].state.round
    if same_round and not seats[playing].state.finished:
        turn = playing
    controller._load(turn if turn is not None else 0)
    return turn


def copy_workshop(controller: GameController) -> None:
    """Go on with the workshop in the controller as a copy: a new workshop id and a new game id
    for every team, each saved at once, so the window the workshop came from keeps its own."""
    keep, controller.keep_workshop = controller.keep_workshop, None
    playing = controller.seat
    try:
        controller.workshop_id = new_game_id()
        for index, seat in enumerate(controller.seats):
            controller.switch_to(index)
            seat.game_id = controller.game_id = new_game_id()
            controller._autosave()
        controller.switch_to(playing)
    finally:
        controller.keep_workshop = keep
    controller._keep_workshop()


def hold_games(locks: Locks | None, controller: GameController) -> None:
    """Lock the games (and the workshop) in the controller for this window, and let go of any
    other; a window that only looks holds none. Never fails: a folder where locks cannot be
    written leaves ``locks.problem`` to say so."""
    if locks is None:
        return
    if controller.read_only or controller.state is None:
        locks.release_all()
        return
    ids = {seat.game_id for seat in controller.seats} or {controller.game_id}
    if controller.workshop_id:
        ids.add(controller.workshop_id)
    try:
        locks.keep_only(ids)
        for lock_id in sorted(ids):
            locks.take(lock_id)
    except Exception as error:  # a lock must never stop a game
        logging.getLogger(__name__).warning("could not lock the game: %s", error)


def keep_workshop(
    saves: SaveStore, controller: GameController, timer: RoundTimer
) -> Exception | None:
    """Write the hot-seat workshop's file beside the autosaves; the error if it could not be
    written (a full disk must not stop the workshop), else None."""
    if not controller.hot_seat or controller.read_only:
        return None
    try:
        saves.write_workshop(workshop_record(controller, timer))
    except Exception as error:
        logging.getLogger(__name__).warning("could not keep the workshop: %s", error)
        return error
    return None
