"""A game (or workshop) that another window has open: look at it read-only, or go on as a copy.

Two windows on one saves folder must never play the same game: the second would overwrite the
first one's autosave without a word (issue 19). So before a game is opened its lock is looked
at (``game.saves.locks``); when another live window holds it, the people choose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.ui.scene import Scene


def held_elsewhere(app, lock_ids: Iterable[str]):
    """Who else holds one of ``lock_ids`` (a ``Holder``), or None when this window may take
    them all. A lock that cannot be read never stops the game."""
    locks = app.locks
    if locks is None:
        return None
    for lock_id in lock_ids:
        try:
            holder = locks.holder(lock_id)
        except Exception:  # a lock must never stop a game
            holder = None
        if holder is not None:
            return holder
    return None


def locked_choice(
    app,
    holder,
    read_only: Callable[[], None],
    copy: Callable[[], None],
    came_from: type[Scene],
    workshop: bool = False,
) -> Scene:
    """The question when another window holds the game: read-only, a copy, or back."""
    t = app.t
    since = holder.started.astimezone().strftime("%H:%M")
    heading = t("This workshop is open in another window") if workshop else None
    heading = heading or t("This game is open in another window")
    message = (
        t("Another window plays it (process {pid} on {host}, since {time}).").format(
            pid=holder.pid, host=holder.host, time=since
        )
        + "\n\n"
        + t(
            "Two windows on one game would overwrite each other's saves. Look at it read-only: "
            "nothing is saved and no round can be played here. Or continue as a copy: a new "
            "game of its own, from where it stands; the other window's game stays as it is."
        )
    )
    return app.scenes.choice(
        app,
        "locked",
        heading,
        message,
        [
            (t("Look at it read-only"), read_only),
            (t("Continue as a copy"), copy),
            (t("Back"), lambda: app.go(came_from)),
        ],
        lambda: app.go(came_from),
    )


def read_only_note(app) -> None:
    """Say once that this window only looks, then open the game."""
    t = app.t
    app.go(
        app.scenes.message,
        t("Opened read-only"),
        t(
            "You can look at this game: its rounds, its dashboard and, when it is over, its "
            "debrief. No round can be played and nothing is saved in this window. To play on "
            "here, load it again and continue as a copy."
        ),
        None,
        t("To the game"),
    )
