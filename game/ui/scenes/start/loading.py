"""Opening a game: the one in the controller, or a save loaded from disk.

A save that cannot be used says why and offers what can: its backup, or the game in the
scenario's new version."""

from __future__ import annotations

from pathlib import Path

from game.ui.scene import Scene


def open_game(app) -> None:
    """The game in the controller, where it stands: its round, or the debrief when it is over;
    a hot-seat workshop whose teams have all played, its end screen.

    The game is locked for this window first; when locks cannot be written here, that is said
    once (the game goes on all the same)."""

    controller = app.controller
    state = controller.state
    if state is None:
        app.go(app.scenes.title)
        return
    app.hold_games()
    problem = app.locks.unsaid_problem() if app.locks is not None else None
    if problem is not None:
        t = app.t
        message = t(
            "Another window on the same saves folder will not see that this game is open: "
            "the lock file cannot be written ({reason}). The game goes on."
        ).format(reason=problem)
        app.go(app.scenes.message, t("This game is not locked"), message, None, t("To the game"))
        return
    if controller.hot_seat and all(seat.state.finished for seat in controller.seats):
        app.go(app.scenes.workshop_end)
        return
    app.go(app.scenes.debrief if state.finished else app.scenes.briefing)


def load_into(app, path: Path, came_from: type[Scene]) -> None:
    """Load the save at ``path`` and open it; when it cannot be used, say why and offer what can.

    - it loads: the game opens where it stands;
    - it does not, but its backup does: offer to continue from the backup;
    - its scenario changed since: say what changed, offer to continue in the new version or to
      keep the old game aside;
    - otherwise: the reason, and back.
    """
    from game.saves import CHANGED_KINDS, SaveError

    store, t, lang = app.saves, app.t, app.settings.language
    try:
        loaded = store.load(path, app.find_scenario)
    except SaveError as error:
        backup = store.usable_backup(path, app.find_scenario)
        if backup is not None:
            app.go(backup_offer(app, path, error, backup, came_from))
        elif error.kind in CHANGED_KINDS:
            app.go(changed_scenario(app, path, error, came_from))
        else:
            app.go(
                app.scenes.message, t("This save cannot be used"), error.explain(lang), came_from
            )
        return
    if loaded.info.from_backup:
        # Continuing from a backup because its save is damaged: keep the damaged file aside, so
        # the next autosave does not make it the backup in place of the good one.
        _set_aside_quietly(store, loaded.info.path.with_name(loaded.info.path.name[:-4]), False)
    resume_loaded(app, loaded, came_from=came_from)


def resume_loaded(app, loaded, save_now: bool = False, came_from: type[Scene] | None = None):
    """Put a loaded game in the controller and open it.

    When another window has this very game open (its lock), ask first: look at it read-only,
    or continue as a copy under a new id (``game.ui.scenes.start.locked``).
    """
    from game.saves import new_game_id
    from game.ui.scenes.start.locked import held_elsewhere, locked_choice, read_only_note

    def resume(game_id: str, read_only: bool = False, now: bool = save_now) -> None:
        app.controller.resume(
            loaded.scenario,
            loaded.state,
            loaded.team,
            game_id,
            loaded.scenario_file,
            save_now=now and not read_only,
            plan=loaded.plan,
        )
        app.controller.read_only = read_only
        if read_only:
            app.hold_games()
            read_only_note(app)
        else:
            open_game(app)

    holder = held_elsewhere(app, [loaded.game_id])
    if holder is None:
        resume(loaded.game_id)
        return
    app.go(
        locked_choice(
            app,
            holder,
            lambda: resume(loaded.game_id, read_only=True),
            lambda: resume(new_game_id(), now=True),
            came_from or app.scenes.title,
        )
    )


def _set_aside_quietly(store, path: Path, with_backup: bool = True) -> Path | None:
    """Set a save aside if it is there; a failure only means it stays where it is."""
    from game.saves import SaveError

    if not path.exists():
        return None
    try:
        return store.set_aside(path, with_backup=with_backup)
    except SaveError:
        return None


def backup_offer(app, path: Path, error, backup, came_from: type[Scene]) -> Scene:
    """The save at ``path`` fails, but its backup (the round before) loads whole: offer it."""
    t, lang = app.t, app.settings.language
    message = (
        error.explain(lang)
        + "\n\n"
        + t("Its backup, from round {n}, is intact: the game can go on from there.").format(
            n=backup.info.round
        )
    )

    def take_backup() -> None:
        if backup.info.kind.value == "autosave":
            # The damaged file is kept aside; the backup stays where the next autosave keeps it.
            _set_aside_quietly(app.saves, path, with_backup=False)
        resume_loaded(app, backup)

    return app.scenes.choice(
        app,
        "backup_offer",
        t("This save cannot be used"),
        message,
        [(t("Continue from the backup"), take_backup), (t("Back"), lambda: app.go(came_from))],
        lambda: app.go(came_from),
    )


def changed_scenario(app, path: Path, error, came_from: type[Scene]) -> Scene:
    """The save's scenario (or the game's rules) changed: say what, and let the team choose."""
    from game.saves import SaveError

    t, lang, store = app.t, app.settings.language, app.saves
    message = (
        error.explain(lang)
        + "\n\n"
        + t(
            "Continue with the new version: your decisions are played again in the scenario as "
            "it is now, and the game goes on from there. Keep the old game aside: the save stays "
            "as it is, in the list of saves, and can be continued once the old version is back; "
            "Continue no longer picks it."
        )
    )

    def keep_aside() -> None:
        moved = _set_aside_quietly(store, path)
        note = (
            t("The old game is kept as {name}.").format(name=moved.name)
            if moved is not None
            else t("The old game stays where it was.")
        )
        app.go(app.scenes.message, t("The old game is kept aside"), note, came_from)

    def new_version() -> None:
        try:
            loaded = store.continue_in_new_version(path, app.find_scenario)
        except SaveError as failure:
            app.go(
                app.scenes.message, t("This save cannot be used"), failure.explain(lang), came_from
            )
            return
        if loaded.info.kind.value == "autosave":
            _set_aside_quietly(store, path)  # the old game stays whole, beside the new one
        resume_loaded(app, loaded, save_now=True)
        if loaded.mismatch is not None:
            note = (
                loaded.mismatch.explain(lang)
                + " "
                + t("The game goes on from the start of that round.")
            )
            app.go(
                app.scenes.message,
                t("Continued in the new version"),
                note,
                None,
                t("To the game"),
            )

    return app.scenes.choice(
        app,
        "scenario_changed",
        t("The scenario has changed"),
        message,
        [
            (t("Continue with the new version"), new_version),
            (t("Keep the old game aside"), keep_aside),
            (t("Back"), lambda: app.go(came_from)),
        ],
        lambda: app.go(came_from),
    )
