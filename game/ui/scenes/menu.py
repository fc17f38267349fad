"""Scenes outside a round: title, scenario choice, settings, help and the error screen."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextBox

from game.domain import (
    CitizenRelation,
    CompetenceStage,
    GameLength,
    GrowthPhase,
    InitiativeOwner,
    MunicipalRole,
)
from game.labels import label
from game.packs import Pack
from game.scenario.loader import ScenarioInfo
from game.ui.branding import BAND_HEIGHT
from game.ui.dashboard import mix
from game.ui.look import (
    block_height,
    fit_text_block,
    fits_block,
    note,
    shortened,
    text,
    text_block,
    wrap,
)
from game.ui.scene import Scene
from game.ui.settings import FONT_SCALES
from game.ui.words import OrgWords, number, org_words, role_meaning

ScenarioCache = dict[Path, tuple[tuple[int, int] | None, ScenarioInfo]]
# The scenario choice's description steps down these sizes to fit; below the last it scrolls.
DESCRIPTION_SIZES = (19, 17, 16, 15, 14, 13)


def scenario_list(
    directory: Path | None,
    extra: str | None = None,
    cache: ScenarioCache | None = None,
    pack: Pack | None = None,
) -> list[ScenarioInfo]:
    """Every scenario in ``directory`` (and ``extra``, a file named on the command line), each
    loaded, or with the loader's problems. With a pack (and no ``directory``): the pack's choice,
    in its order (``game.packs.shelf``).

    With ``cache``, a file is read again only when its time or size changed (a trainer's edit):
    opening the scenario list then costs a look at the folder, not loading every scenario.
    """
    from game.scenario.loader import SCENARIO_DIR, SUFFIXES, scenario_path

    folder = directory or SCENARIO_DIR
    if pack is not None and directory is None:
        from game.packs.shelf import pack_scenarios

        infos = pack_scenarios(pack)
        files = [info.path for info in infos]
    else:
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
        except OSError:
            files = []
        infos = sorted((_scenario_info(path, cache) for path in files), key=_id)
    if extra is not None:
        path = scenario_path(extra)
        if path.is_file() and all(path.resolve() != f.resolve() for f in files):
            infos.append(_scenario_info(path, cache))
    return infos


def _id(info: ScenarioInfo) -> str:
    return info.id


def _scenario_info(path: Path, cache: ScenarioCache | None) -> ScenarioInfo:
    from game.scenario.loader import scenario_info, scenario_stamp

    stamp = scenario_stamp(path)
    if cache is not None:
        known = cache.get(path)
        if known is not None and stamp is not None and known[0] == stamp:
            return known[1]
    info = scenario_info(path)
    if cache is not None:
        cache[path] = (stamp, info)
    return info


def problem_lines(error: Exception | None) -> list[str]:
    """A loader error as lines for the screen: 'line 12, column 3: field.path: message'."""
    if error is None:
        return []
    problems = getattr(error, "problems", None)
    if not problems:
        return str(error).splitlines()
    lines = []
    for problem in problems:
        where = f"{problem.line}:{problem.column}" if problem.line else ""
        parts = [part for part in (where, problem.path, problem.message) if part]
        lines.append(": ".join(parts))
    return lines


def _absolute(path: Path) -> str | None:
    """Where a scenario file is, for its saves to find it again after a restart."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return None


class TitleScene(Scene):
    """New game, continue, load, settings, help, quit."""

    name = "title"

    def build(self) -> None:
        t = self.t
        fonts = self.app.fonts
        # A pack's band (or, when the pack cannot be used, the reason) takes the top; the title
        # and the menu move down under it. Heights follow the type size.
        banded = self.app.branding is not None or bool(self.app.pack_problem)
        top = self.r(0, 112 if banded else 40, 0, 0).top
        notes = len(self._notes())
        bottom = self.r(0, 662, 0, 0).top - (notes + 1) * fonts.get(15).get_linesize() - self.u(8)
        title_h = fonts.get(58, True).get_linesize()
        subtitle_h = fonts.get(24).get_linesize()
        h = max(self.u(50), self._button_height("@big_button") + self.u(6))
        gap = self.u(10)
        saves = self.app.saves
        if saves is None:
            no_load = t("This window keeps no saves.")
        elif self.app.safe_title:
            no_load = t("After an error the saves are not read until the game starts again.")
        else:
            no_load = None
        resume, why = self._continue_target()
        menu: list[tuple[str, Callable[[], None], dict]] = [
            (t("New game"), self.new_game, {}),
            (t("Continue"), self.resume, {"enabled": resume, "tooltip": why}),
            (
                t("Load"),
                lambda: self.app.go(LoadScene),
                {"enabled": no_load is None, "tooltip": no_load},
            ),
            (t("Compare teams"), self.compare, {}),
            (t("Settings"), self.settings, {}),
            (t("How the model works"), self.help, {}),
            (t("Quit"), self.quit, {}),
        ]
        # One column of buttons, or two where a large type size leaves no room for one.
        head = title_h + subtitle_h + self.u(20)
        columns = 1 if head + len(menu) * (h + gap) - gap <= bottom - top else 2
        rows = -(-len(menu) // columns)
        total = head + rows * (h + gap) - gap
        y = top + max(0, (bottom - top - total) // 2)
        full = self.r(0, 0, 1280, 0)
        self.label(
            pygame.Rect(full.left, y, full.width, title_h), "Netwerkende Gemeente", "#title", False
        )
        y += title_h
        self.label(
            pygame.Rect(full.left, y, full.width, subtitle_h),
            t("A game about growing into a networking municipality"),
            "#subtitle",
            False,
        )
        y += subtitle_h + self.u(20)
        w = max(self.u(440), max(self.needed(caption, "@big_button") for caption, _, _ in menu))
        middle = self.r(640, 0, 0, 0).left
        lefts = [middle - w // 2] if columns == 1 else [middle - w - self.u(8), middle + self.u(8)]
        buttons = []
        for index, (caption, action, options) in enumerate(menu):
            column, row = divmod(index, rows)
            rect = pygame.Rect(lefts[column], y + row * (h + gap), w, h)
            buttons.append(self.button(rect, caption, action, kind="@big_button", **options))
        continue_button = buttons[1]
        if self._focus is None:
            if self.controller.in_progress:
                self._focus_on(continue_button)  # back to the game is the likely step
            else:
                self.move_focus(1)

    def on_enter(self) -> None:
        """Look once for the game last played, so "continue" knows whether it can.

        A saves folder that cannot be read is said in the tooltip, not fatal. After the title
        itself failed once, it does not read the saves at all (``App.safe_title``).
        """
        from game.saves import SaveError

        self.autosave = None
        self.saves_problem: str | None = None
        store = self.app.saves
        if store is None or self.app.safe_title or self.controller.state is not None:
            return
        try:
            self.autosave = store.latest_autosave()
        except SaveError as error:
            self.saves_problem = error.explain(self.lang)

    def _continue_target(self) -> tuple[bool, str | None]:
        if self.controller.state is not None or self.autosave is not None:
            return True, None
        if self.saves_problem:
            return False, self.saves_problem
        return False, self.t("No game in progress and no autosave yet.")

    def _notes(self) -> list[tuple[str, bool]]:
        """Lines over the hint at the bottom: (message, bad news?)."""
        t = self.t
        notes: list[tuple[str, bool]] = []
        if self.app.safe_title and self.app.saves is not None:
            notes.append(
                (t("After an error the saves are not read until the game starts again."), True)
            )
        if self.app.settings_problem:
            notes.append((t("Settings:") + " " + self.app.settings_problem, True))
        state = self.controller.state
        if state is not None and self.controller.scenario is not None:
            scenario = self.controller.scenario
            where = t("finished") if state.finished else t("round {n}").format(n=state.round)
            message = t("Game in progress: {title}, {where}. Continue picks it up.")
            notes.append((message.format(title=scenario.title.get(self.lang), where=where), False))
        return notes[:2]

    def new_game(self) -> None:
        """A new game; when the game in progress cannot be kept (this window keeps no saves),
        ask first: starting over would lose it."""
        controller = self.controller
        if controller.in_progress and self.app.saves is None:
            t = self.app.t
            self.app.go(
                ChoiceScene(
                    self.app,
                    "confirm_new_game",
                    t("Start a new game?"),
                    t(
                        "This window keeps no saves: the game in progress is lost when a new "
                        "one starts."
                    ),
                    [
                        (t("Keep playing"), lambda: open_game(self.app)),
                        (t("Start a new game"), lambda: self.app.go(ScenarioChoiceScene)),
                    ],
                    lambda: self.app.go(TitleScene),
                )
            )
            return
        self.app.go(ScenarioChoiceScene)

    def resume(self) -> None:
        if self.controller.state is None and self.autosave is not None:
            load_into(self.app, self.autosave.path, TitleScene)
            return
        if self.controller.state is not None:
            open_game(self.app)

    def compare(self) -> None:
        """The teams side by side, from the results folder (issue 12)."""
        from game.ui.workshop import CompareScene

        self.app.go(CompareScene(self.app))

    def settings(self) -> None:
        self.app.go(SettingsScene, TitleScene)

    def help(self) -> None:
        self.app.go(HelpScene, TitleScene)

    def quit(self) -> None:
        """The quit button: at once, unless a game is in progress (its round would be lost)."""
        if self.controller.in_progress:
            self.app.go(confirm_quit(self.app))
        else:
            self.app.quit()

    def back(self) -> None:
        """Escape on the title asks first: two Escapes from a round must not close the game."""
        self.app.go(confirm_quit(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        branding = self.app.branding
        if branding is not None:
            band = self.r(0, 0, 1280, BAND_HEIGHT)
            branding.draw_band(surface, band, fonts, palette, self.lang)
        if self.app.pack_problem:
            message = self.t("The branding pack cannot be used:") + " " + self.app.pack_problem
            area = self.r(60, 14, 1160, 86)
            text_block(surface, fonts.get(16), message, palette.bad, area, max_lines=3)
        y = self.r(0, 662, 0, 0).top
        small = fonts.get(15)
        for message, bad in self._notes():
            shown = shortened(small, message, self.r(0, 0, 1200, 0).width)
            colour = palette.bad if bad else palette.text_dim
            text(surface, small, shown, colour, (self.r(640, 0, 0, 0).left, y), "midbottom")
            y -= small.get_linesize()
        hint = self.t("Tab and Enter work everywhere · F11 full screen · F1 help")
        text(
            surface,
            fonts.get(15),
            hint,
            palette.text_dim,
            self.r(640, 690, 0, 0).topleft,
            "midbottom",
        )


def open_game(app) -> None:
    """The game in the controller, where it stands: its round, or the debrief when it is over."""
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.rounds import BriefingScene

    state = app.controller.state
    if state is None:
        app.go(TitleScene)
        return
    app.go(DebriefScene if state.finished else BriefingScene)


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
            app.go(MessageScene, t("This save cannot be used"), error.explain(lang), came_from)
        return
    if loaded.info.from_backup:
        # Continuing from a backup because its save is damaged: keep the damaged file aside, so
        # the next autosave does not make it the backup in place of the good one.
        _set_aside_quietly(store, loaded.info.path.with_name(loaded.info.path.name[:-4]), False)
    resume_loaded(app, loaded)


def resume_loaded(app, loaded, save_now: bool = False) -> None:
    """Put a loaded game in the controller and open it."""
    app.controller.resume(
        loaded.scenario,
        loaded.state,
        loaded.team,
        loaded.game_id,
        loaded.scenario_file,
        save_now=save_now,
        plan=loaded.plan,
    )
    open_game(app)


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
        + t("Its backup, from round {n}, is whole: the game can go on from there.").format(
            n=backup.info.round
        )
    )

    def take_backup() -> None:
        if backup.info.kind.value == "autosave":
            # The damaged file is kept aside; the backup stays where the next autosave keeps it.
            _set_aside_quietly(app.saves, path, with_backup=False)
        resume_loaded(app, backup)

    return ChoiceScene(
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
        app.go(MessageScene, t("The old game is kept aside"), note, came_from)

    def new_version() -> None:
        try:
            loaded = store.continue_in_new_version(path, app.find_scenario)
        except SaveError as failure:
            app.go(MessageScene, t("This save cannot be used"), failure.explain(lang), came_from)
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
                MessageScene,
                t("Continued in the new version"),
                note,
                None,
                t("To the game"),
            )

    return ChoiceScene(
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


def confirm_quit(app) -> Scene:
    """Quit or stay; staying goes back to the scene the question came from."""
    t = app.t
    scene = app.scene
    back = scene.reopen() if scene is not None else TitleScene

    def stay() -> None:
        app.go(back)

    if app.controller.in_progress:
        if app.saves is not None and app.controller.save_plan():
            message = t(
                "The game is saved, with what you chose in this round so far: Continue picks "
                "it up there."
            )
        else:
            message = t("This window keeps no saves: the game in progress is gone when it closes.")
        stay_label = t("Keep playing")
    else:
        message = t("Netwerkende Gemeente closes.")
        stay_label = t("Stay")
    return ChoiceScene(
        app,
        "confirm_quit",
        t("Quit the game?"),
        message,
        [(stay_label, stay), (t("Quit"), app.quit)],
        stay,
    )


class ChoiceScene(Scene):
    """A question with its answers, one button each; Escape takes ``cancel``.

    The first answer has the focus, so Enter and Escape both take the safe way (quit asks
    "stay" first).
    """

    offers_help = False

    def __init__(
        self,
        app,
        name: str,
        heading: str,
        message: str,
        choices: list[tuple[str, Callable[[], None]]],
        cancel: Callable[[], None],
    ) -> None:
        super().__init__(app)
        self.name = name
        self.heading = heading
        self.message = message
        self.choices = choices
        self.cancel = cancel

    def build(self) -> None:
        self.label(self.r(80, 60, 1100, 56), self.heading, "#heading")
        y = 650 - 66 * (len(self.choices) - 1)
        for caption, action in self.choices:
            self.button(self.r(80, y, 640, 56), caption, action, kind="@big_button")
            y += 66
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        self.cancel()

    def draw(self, surface: pygame.Surface) -> None:
        bottom = 650 - 66 * (len(self.choices) - 1) - 20
        area = self.r(80, 140, 1120, bottom - 140)
        font, colour = self.app.fonts.get(20), self.app.palette.text
        for paragraph in self.message.split("\n\n"):
            used = text_block(surface, font, paragraph, colour, area)
            area.top += used + self.u(12)
            area.height = max(0, area.height - used - self.u(12))


class LoadScene(Scene):
    """The saved games, newest first, with the reason for any file that cannot be used."""

    name = "load"

    def on_enter(self) -> None:
        from game.saves import Listing

        store = self.app.saves
        listing = store.scan() if store is not None else Listing([], [])
        self.saves = listing.saves
        self.broken = listing.broken
        self.problem = listing.problem

    def build(self) -> None:
        t, lang = self.t, self.lang
        self.label(self.r(40, 24, 900, 48), t("Load a saved game"), "#heading")
        y = 90
        for info in self.saves[:9]:
            when = info.created.astimezone().strftime("%d-%m %H:%M")
            team = info.team or t("no team name")
            state = t("finished") if info.finished else t("round {n}").format(n=info.round)
            caption = f"{when} · {team} · {info.title(lang)} · {state}"
            if info.aside:
                caption += " · " + t("set aside")
            elif info.from_backup:
                caption += " · " + t("backup")
            self.button(
                self.r(40, y, 1200, 50),
                caption,
                lambda path=info.path: self.load(path),
                kind="@left_button",
            )
            y += 58
        if self.problem is not None:
            self.label(self.r(40, 100, 1200, 40), t("The saves folder cannot be read."), "#warning")
        elif not self.saves:
            self.label(self.r(40, 100, 1200, 40), t("There are no saved games yet."))
        self.button(self.r(40, 650, 200, 52), t("Back"), self.back)
        self.move_focus(1)

    def load(self, path: Path) -> None:
        load_into(self.app, path, LoadScene)

    def back(self) -> None:
        self.app.go(TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        if self.problem is not None:
            area = self.r(40, 150, 1200, 200)
            text_block(surface, fonts.get(18), self.problem.explain(self.lang), palette.text, area)
            return
        if not self.broken:
            return
        area = self.r(40, 90 + 58 * min(9, len(self.saves)) + 10, 1200, 120)
        if area.top > self.r(0, 620, 0, 0).top:
            return
        for error in self.broken[:3]:
            line = error.explain(self.lang)
            if error.path is not None:
                line = f"{error.path.name}: {line}"
            used = text_block(surface, fonts.get(16), line, palette.bad, area, max_lines=2)
            area.top += used + self.u(4)


class MessageScene(Scene):
    """A short message with one way on: back to where it came from (the title by default)."""

    name = "message"
    offers_help = False

    def __init__(
        self,
        app,
        heading: str,
        message: str,
        back_to: type[Scene] | None = None,
        button: str | None = None,
    ) -> None:
        super().__init__(app)
        self.heading = heading
        self.message = message
        self.back_to = back_to
        self.caption = button

    def build(self) -> None:
        self.label(self.r(80, 60, 1100, 56), self.heading, "#heading")
        if self.caption is not None:
            caption = self.caption
        elif self.back_to in (None, TitleScene):
            caption = self.t("Back to the title screen")
        else:
            caption = self.t("Back")
        self.button(self.r(80, 600, 460, 56), caption, self.back)
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def back(self) -> None:
        if self.back_to is None and self.caption is not None:
            open_game(self.app)  # "to the game": the game the message was about
        else:
            self.app.go(self.back_to or TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        area = self.r(80, 140, 1120, 400)
        text_block(surface, self.app.fonts.get(20), self.message, self.app.palette.text, area)


class ScenarioChoiceScene(Scene):
    """Pick a scenario (title, organisation, description, languages), name the team, and
    choose how long the workshop plays: a short, a standard or the whole game, each with the
    minutes it takes about.

    The team and the length are two blocks of their own at the bottom: the team's names on the
    left (where more teams can come), the length on the right.
    """

    name = "scenario_choice"

    def on_enter(self) -> None:
        self.load_list()
        self.team = self.controller.team
        # Team names (issue 12): one, or two to four for hot-seat play.
        self.teams = [s.team for s in self.controller.seats] or [self.team]
        self.length = getattr(self.app, "chosen_length", GameLength.FULL)

    def load_list(self) -> None:
        """Read the scenario files (again: a trainer may have just fixed one)."""
        wanted = self.app.preselected_scenario
        self.entries = scenario_list(
            self.app.scenario_dir, wanted, self.app.scenario_cache, self.app.pack
        )
        self.index = 0
        for i, entry in enumerate(self.entries):
            if wanted is not None and wanted in (entry.id, str(entry.path), entry.path.stem):
                self.index = i

    def blocks(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """(the scenario's description, the team block, the length block) in pixels; the
        blocks are as tall as the larger needs at this type size (more teams, more rows)."""
        fonts = self.app.fonts
        entry_h = self._entry_height()
        label_h = fonts.get(18).get_linesize()
        button_h = max(self.u(44), self._button_height(None))
        small_h = max(self.u(40), self._button_height("@small_button"))
        minutes_h = fonts.get(16).get_linesize() * 2
        length_h = label_h + self.u(6) + button_h + self.u(4) + minutes_h + self.u(20)
        rows = -(-len(getattr(self, "teams", [""])) // 2)
        team_h = label_h + self.u(6) + rows * (entry_h + self.u(6)) + small_h + self.u(22)
        height = max(length_h, team_h)
        bottom = self.r(0, 640, 0, 0).top
        top = bottom - height
        team = pygame.Rect(self.r(40, 0, 0, 0).left, top, self.u(380), height)
        length = pygame.Rect(self.r(450, 0, 0, 0).left, top, self.u(790), height)
        info = pygame.Rect(
            self.r(450, 90, 0, 0).topleft,
            (self.u(790), top - self.u(12) - self.r(0, 90, 0, 0).top),
        )
        return info, team, length

    def _entry_height(self) -> int:
        return max(self.u(44), self.app.fonts.get(22).get_linesize() + self.u(10))

    def build(self) -> None:
        t = self.t
        fonts = self.app.fonts
        self.label(self.r(40, 24, 800, 48), t("Choose a scenario"), "#heading")
        _, team, length = self.blocks()
        y = self.r(0, 90, 0, 0).top
        row = max(self.u(48), self._button_height("@left_button"))
        for i, entry in enumerate(self.entries):
            if y + row > team.top - self.u(8):
                break
            name = entry.title.get(self.lang) if entry.valid else "! " + entry.path.name
            self.button(
                pygame.Rect(team.left, y, team.width, row),
                name,
                lambda i=i: self.select(i),
                selected=i == self.index,
                kind="@left_button",
            )
            y += row + self.u(8)
        inset = self.u(14)
        label_h = fonts.get(18).get_linesize()
        # The length block (its buttons first, so Shift+Tab from Start reaches the team).
        current = self.current
        self.length_top = length.top + self.u(16) + label_h
        button_h = max(self.u(44), self._button_height(None))
        width = (length.width - 2 * inset - 2 * self.u(12)) // 3
        names = {
            GameLength.SHORT: t("Short"),
            GameLength.STANDARD: t("Standard"),
            GameLength.FULL: t("Whole game"),
        }
        x = length.left + inset
        for choice in GameLength:
            self.button(
                pygame.Rect(x, self.length_top, width, button_h),
                names[choice],
                lambda choice=choice: self.choose_length(choice),
                selected=choice == self.length,
                enabled=current is not None and current.scenario is not None,
            )
            x += width + self.u(12)
        self.length_bottom = self.length_top + button_h + self.u(4)
        self.build_teams(team, inset, label_h)
        can_start = current is not None and current.scenario is not None
        bottom_top = self.r(0, 650, 0, 0).top
        start_w = self.fitted(t("Start the game"), "@big_button", 340)
        start = self.button(
            pygame.Rect(self.r(1240, 0, 0, 0).left - start_w, bottom_top, start_w, self.u(52)),
            t("Start the game"),
            self.start,
            enabled=can_start,
            kind="@big_button",
        )
        back_w = self.fitted(t("Back"), None, 180)
        self.button(pygame.Rect(team.left, bottom_top, back_w, self.u(52)), t("Back"), self.back)
        reload_w = self.fitted(t("Reload"), None, 170)
        self.button(
            pygame.Rect(team.left + back_w + self.u(10), bottom_top, reload_w, self.u(52)),
            t("Reload"),
            self.reload,
            tooltip=t("Read the scenario files again, after editing one."),
        )
        if not self.entries:
            self.label(self.r(460, 100, 780, 40), t("No scenario files found."), "#warning")
        self.description_box = self._description_box()
        if self._focus is None:
            self._focus_on(start)  # Enter starts: the most common step from here

    def _description_box(self) -> UITextBox | None:
        """A description too long for its room even in the smallest size (a long title, a
        large type size) scrolls, in a text box of that size: it is never cut off."""
        entry = self.current
        if entry is None or entry.scenario is None:
            return None
        area = self.description_area(entry.scenario)
        message = entry.scenario.description.get(self.lang)
        font = self.app.fonts.get(DESCRIPTION_SIZES[-1])
        if fits_block(font, message, area):
            return None
        return UITextBox(
            html.escape(message).replace("\n", "<br>"),
            area,
            manager=self.app.ui,
            object_id=ObjectID(class_id="@plain_text", object_id="#description"),
        )

    def on_key(self, event: pygame.event.Event) -> None:
        """Page Up and Page Down scroll a description that scrolls."""
        bar = getattr(self.description_box, "scroll_bar", None)
        if bar is not None and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = bar.visible_percentage * (1 if event.key == pygame.K_PAGEDOWN else -1)
            bar.set_scroll_from_start_percentage(bar.start_percentage + step)
            return
        super().on_key(event)

    def _facts(self, scenario) -> list[tuple[str, str]]:
        """The scenario's facts beside its description: organisation, languages, author."""
        t, lang = self.t, self.lang
        org = scenario.organisation
        facts = [
            (
                t("Organisation"),
                f"{org.name.get(lang)} · {number(org.inhabitants, lang)} " + t("inhabitants"),
            ),
            (
                t("Languages"),
                ", ".join({"nl": "Nederlands", "en": "English"}[x] for x in scenario.languages),
            ),
        ]
        if scenario.author:
            facts.append((t("Author"), scenario.author))
        return facts

    def _info_inner(self) -> pygame.Rect:
        info, _, _ = self.blocks()
        return info.inflate(-self.u(40), -self.u(32))

    def description_area(self, scenario) -> pygame.Rect:
        """Where the description goes: under the title (two lines at most) and the facts."""
        fonts = self.app.fonts
        inner = self._info_inner()
        title_font, small, bold = fonts.get(28, True), fonts.get(17), fonts.get(17, True)
        lines = len(wrap(title_font, scenario.title.get(self.lang), inner.width)[:2])
        y = inner.top + lines * title_font.get_linesize() + self.u(6)
        facts = self._facts(scenario)
        key_w = max(bold.size(key)[0] for key, _ in facts) + self.u(14)
        step = round(small.get_linesize() * 1.15)
        for _, value in facts:
            used = min(2, len(wrap(small, value, inner.width - key_w))) * step
            y += max(used, small.get_linesize()) + self.u(2)
        y += self.u(8)
        return pygame.Rect(inner.left, y, inner.width, max(0, inner.bottom - y))

    def build_teams(self, block: pygame.Rect, inset: int, label_h: int) -> None:
        """The team-names block (issue 12): one name, or two to four teams taking turns on
        one laptop, with + and − to add or drop one. Its buttons come first, so Shift+Tab
        from Start lands in the (last) team name."""
        from game.ui.controller import MAX_TEAMS

        t = self.t
        small_h = max(self.u(40), self._button_height("@small_button"))
        half = (block.width - 2 * inset - self.u(8)) // 2
        bottom = block.bottom - self.u(10) - small_h
        self.button(
            pygame.Rect(block.left + inset, bottom, half, small_h),
            t("+ team"),
            self.add_team,
            enabled=len(self.teams) < MAX_TEAMS,
            kind="@small_button",
        )
        self.button(
            pygame.Rect(block.left + inset + half + self.u(8), bottom, half, small_h),
            t("− team"),
            self.remove_team,
            enabled=len(self.teams) > 1,
            kind="@small_button",
        )
        heading = t("Team name (optional)") if len(self.teams) == 1 else t("Teams (2–4 take turns)")
        self.label(
            pygame.Rect(
                block.left + inset, block.top + self.u(10), block.width - 2 * inset, label_h
            ),
            heading,
            "#dim",
            False,
        )
        entry_h = self._entry_height()
        top = block.top + self.u(16) + label_h
        self.team_entries = []
        for i, name in enumerate(self.teams):
            if len(self.teams) == 1:
                rect = pygame.Rect(block.left + inset, top, block.width - 2 * inset, entry_h)
            else:
                column, row = i % 2, i // 2
                rect = pygame.Rect(
                    block.left + inset + column * (half + self.u(8)),
                    top + row * (entry_h + self.u(6)),
                    half,
                    entry_h,
                )
            self.team_entries.append(self.entry(rect, name))

    @property
    def team_entry(self):
        """The first team's name field (one team: the only one)."""
        return self.team_entries[0]

    def _keep_names(self) -> None:
        self.teams = [entry.get_text() for entry in self.team_entries]
        self.team = self.teams[0] if self.teams else ""

    def add_team(self) -> None:
        self._keep_names()
        self.teams.append("")
        self.rebuild()

    def remove_team(self) -> None:
        self._keep_names()
        if len(self.teams) > 1:
            self.teams.pop()
        self.rebuild()

    def choose_length(self, length: GameLength) -> None:
        self._keep_names()
        self.length = length
        self.app.chosen_length = length  # the next game starts with the same choice
        self.rebuild()

    def reload(self) -> None:
        self._keep_names()
        self.app.scenario_cache.clear()  # "reload" reads every file, edited or not
        chosen = self.current.path if self.current else None
        self.load_list()
        for i, entry in enumerate(self.entries):
            if entry.path == chosen:
                self.index = i
        self.rebuild()

    @property
    def current(self) -> ScenarioInfo | None:
        return self.entries[self.index] if self.entries else None

    def select(self, index: int) -> None:
        self._keep_names()
        self.index = index
        self.rebuild()

    def start(self) -> None:
        entry = self.current
        if entry is None or entry.scenario is None:
            return
        from game.ui.scenes.rounds import BriefingScene
        from game.ui.workshop import TurnScene

        self._keep_names()
        named = [name for name in self.teams if name.strip()]
        if len(named) > 1:
            self.controller.start_teams(
                entry.scenario,
                self.app.seed,
                named,
                scenario_file=_absolute(entry.path),
                length=self.length,
            )
        else:
            self.controller.start(
                entry.scenario,
                self.app.seed,
                named[0] if named else "",
                scenario_file=_absolute(entry.path),
                length=self.length,
            )
        self.app.play("confirm")
        self.app.go(TurnScene if self.controller.hot_seat else BriefingScene)

    def default_action(self) -> None:
        self.start()

    def back(self) -> None:
        self.app.go(TitleScene)

    def draw(self, surface: pygame.Surface) -> None:
        entry = self.current
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        info, team, length = self.blocks()
        for rect in (team, length):
            pygame.draw.rect(surface, palette.panel, rect, border_radius=self.u(10))
            pygame.draw.rect(surface, palette.panel_edge, rect, width=2, border_radius=self.u(10))
            note("panel", rect)
        self._draw_lengths(surface, length)
        if entry is None:
            return
        box = info
        pygame.draw.rect(surface, palette.panel, box, border_radius=self.u(10))
        note("panel", box)
        inner = box.inflate(-self.u(40), -self.u(32))
        if entry.scenario is None:
            y = text(
                surface,
                fonts.get(22, True),
                t("This scenario cannot be loaded"),
                palette.bad,
                inner.topleft,
            ).bottom + self.u(6)
            y = text(
                surface,
                fonts.get(17),
                shortened(fonts.get(17), str(entry.path), inner.width),
                palette.text_dim,
                (inner.left, y),
            ).bottom
            y += self.u(10)
            area = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
            for line in problem_lines(entry.error):
                used = text_block(surface, fonts.get(16), line, palette.text, area)
                area.top += used + self.u(2)
                area.height = max(0, inner.bottom - area.top)
                if area.height <= 0:
                    break
            return
        scenario = entry.scenario
        lang = self.lang
        title_font = fonts.get(28, True)
        y = inner.top
        for line in wrap(title_font, scenario.title.get(lang), inner.width)[:2]:
            text(surface, title_font, line, palette.accent, (inner.left, y))
            y += title_font.get_linesize()
        y += self.u(6)
        facts = self._facts(scenario)
        small = fonts.get(17)
        bold = fonts.get(17, True)
        key_w = max(bold.size(key)[0] for key, _ in facts) + self.u(14)
        for key, value in facts:
            text(surface, bold, key, palette.text_dim, (inner.left, y))
            used = text_block(
                surface,
                small,
                value,
                palette.text,
                pygame.Rect(inner.left + key_w, y, inner.width - key_w, block_height(small, 2)),
                max_lines=2,
            )
            y += max(used, small.get_linesize()) + self.u(2)
        if getattr(self, "description_box", None) is not None:
            return  # it scrolls, in its text box
        fit_text_block(
            surface,
            fonts,
            scenario.description.get(lang),
            palette.text,
            self.description_area(scenario),
            sizes=DESCRIPTION_SIZES,
        )

    def _draw_lengths(self, surface: pygame.Surface, block: pygame.Rect) -> None:
        """The length block: its heading, and under each choice its minutes and rounds."""
        from game.sim.length import estimated_minutes, rounds_played

        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        inset = self.u(14)
        heading = fonts.get(18)
        text(
            surface,
            heading,
            shortened(heading, t("Length of the game"), block.width - 2 * inset),
            palette.text_dim,
            (block.left + inset, block.top + self.u(10)),
        )
        entry = self.current
        if entry is None or entry.scenario is None:
            return
        scenario = entry.scenario
        small = fonts.get(16)
        width = (block.width - 2 * inset - 2 * self.u(12)) // 3
        x = block.left + inset
        for choice in GameLength:
            minutes = estimated_minutes(scenario, choice)
            rounds = rounds_played(scenario, choice)
            colour = palette.accent if choice == self.length else palette.text_dim
            for i, line in enumerate(
                (
                    t("about {minutes} minutes").format(minutes=minutes),
                    t("{n} rounds").format(n=rounds),
                )
            ):
                text(
                    surface,
                    small,
                    shortened(small, line, width),
                    colour,
                    (x, self.length_bottom + i * small.get_linesize()),
                )
            x += width + self.u(12)


class SettingsScene(Scene):
    """Language, type size, full screen, colour-blind palette, sound, prediction step."""

    name = "settings"
    offers_help = False

    def __init__(self, app, return_to: Callable[[], Scene] | type[Scene]) -> None:
        super().__init__(app)
        self.return_to = return_to

    def reopen(self) -> Callable[[], Scene]:
        return_to = self.return_to
        return lambda: type(self)(self.app, return_to)

    def build(self) -> None:
        t, s = self.t, self.app.settings
        self.label(self.r(80, 30, 900, 50), t("Settings"), "#heading")
        rows: list[tuple[str, list[tuple[str, bool, Callable[[], None]]]]] = [
            (
                t("Language"),
                [
                    ("Nederlands", s.language == "nl", lambda: self.change(language="nl")),
                    ("English", s.language == "en", lambda: self.change(language="en")),
                ],
            ),
            (
                t("Type size"),
                [
                    (
                        f"{round(scale * 100)}%",
                        abs(s.font_scale - scale) < 1e-6,
                        lambda scale=scale: self.change(font_scale=scale),
                    )
                    for scale in FONT_SCALES
                ],
            ),
            (t("Full screen (F11)"), self._on_off("fullscreen")),
            (t("Colour-blind safe colours"), self._on_off("colour_blind")),
            (t("Sound"), self._on_off("sound")),
            (t("Predict before the reveal"), self._on_off("predict")),
        ]
        fonts = self.app.fonts
        pin_name = t("Facilitator PIN (F9)")
        names = [name for name, _ in rows] + [pin_name]
        name_w = max(fonts.get(20).size(name)[0] for name in names) + self.u(24)
        left = self.r(80, 0, 0, 0).left
        height = max(self.u(50), self._button_height(None))
        step = height + max(self.u(12), round(self.u(70) - height))
        sample_h = fonts.get(20).get_linesize() + self.u(8)
        kept_h = 3 * fonts.get(15).get_linesize() + self.u(10)
        room = self.r(0, 700, 0, 0).top - kept_h - sample_h - self.r(0, 104, 0, 0).top
        step = min(step, max(height + self.u(6), room // (len(rows) + 1)))
        y = self.r(0, 104, 0, 0).top
        for name, options in rows:
            self.label(pygame.Rect(left, y, name_w, height), name, grow=False)
            x = left + name_w
            for caption, chosen, action in options:
                width = self.fitted(caption, None, 150)
                self.button(pygame.Rect(x, y, width, height), caption, action, selected=chosen)
                x += width + self.u(12)
            y += step
        # The facilitator panel's PIN (F9), so a team cannot open it (issue 12).
        self.label(pygame.Rect(left, y, name_w, height), pin_name, grow=False)
        x = left + name_w
        self.pin_entry = self.entry(pygame.Rect(x, y, self.u(150), height), s.facilitator_pin)
        self.pin_entry.set_text_length_limit(8)
        x += self.u(150) + self.u(12)
        for caption, action in (
            (t("Set"), self.set_pin),
            (t("No PIN"), lambda: self.change(facilitator_pin="")),
        ):
            width = self.fitted(caption, None, 150)
            self.button(pygame.Rect(x, y, width, height), caption, action)
            x += width + self.u(12)
        y += step
        self.sample_top = y + self.u(4)
        back_w = self.fitted(t("Back"), "@big_button", 220)
        self.back_rect = pygame.Rect(self.r(80, 640, 0, 0).topleft, (back_w, self.u(52)))
        self.button(self.back_rect, t("Back"), self.back, kind="@big_button")
        self.move_focus(1)

    def _on_off(self, field: str) -> list[tuple[str, bool, Callable[[], None]]]:
        value = getattr(self.app.settings, field)
        return [
            (self.t("On"), value, lambda: self.change(**{field: True})),
            (self.t("Off"), not value, lambda: self.change(**{field: False})),
        ]

    def change(self, **changes: object) -> None:
        self.app.apply_settings(self.app.settings.with_(**changes))

    def set_pin(self) -> None:
        """Four to eight digits; anything else is not taken (the row says so)."""
        pin = self.pin_entry.get_text().strip()
        self.pin_problem = not (pin.isdigit() and 4 <= len(pin) <= 8)
        if self.pin_problem:
            self.rebuild()
            return
        self.change(facilitator_pin=pin)

    def back(self) -> None:
        self.app.go(self.return_to)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette = self.app.fonts, self.app.palette
        sample = self.t("This is how large the text is. Can the back row read it?")
        if getattr(self, "pin_problem", False):
            sample = self.t("A PIN is four to eight digits.")
        left = self.r(80, 0, 0, 0).left
        width = self.r(0, 0, 1160, 0).width
        text(
            surface,
            fonts.get(20),
            shortened(fonts.get(20), sample, width),
            palette.text_dim,
            (left, self.sample_top),
        )
        explanation, folder = self.where_kept()
        x = self.back_rect.right + self.u(24)
        small, bold = fonts.get(15), fonts.get(15, True)
        room = self.r(1240, 0, 0, 0).left - x
        lines = wrap(small, explanation, room)[:2]
        home = self.app.home
        settings_line = (
            None
            if home.where == "beside"
            else self.t("Settings are kept in {path}").format(path=home.settings_file)
        )
        total = len(lines) * small.get_linesize() + bold.get_linesize()
        total += small.get_linesize() if settings_line else 0
        y = min(self.back_rect.centery - total // 2, self.r(0, 714, 0, 0).top - total)
        for line in lines:
            text(surface, small, line, palette.text_dim, (x, y))
            y += small.get_linesize()
        text(surface, bold, shortened(bold, folder, room), palette.text, (x, y))
        y += bold.get_linesize()
        if settings_line:
            text(surface, small, shortened(small, settings_line, room), palette.text_dim, (x, y))

    def where_kept(self) -> tuple[str, str]:
        """Where saves, settings and results go, and why there (portable or not)."""
        t, home, saves = self.t, self.app.home, self.app.saves
        if saves is not None and saves.directory != home.saves:
            return t("Saves are kept in this folder (chosen with --saves):"), str(saves.directory)
        if home.where == "beside":
            why = t("Saves, settings and results are kept beside the game (portable):")
        elif home.where == "user":
            why = t(
                "The game's folder is read-only, so saves, settings and results are kept in "
                "your own folder:"
            )
        else:
            why = t("Saves and results are kept in the project folder:")
        return why, str(home.root)


def model_pages(
    t: Callable[[str], str], lang: str, words: OrgWords | None = None
) -> list[tuple[str, str]]:
    """The help screen's pages: the model in plain words, as pygame_gui's HTML subset.

    ``words`` name the organisation (a municipality's when no game is in progress).
    In pages, not one long text: a page fits the screen without scrolling, and laying out one
    page costs a third of the whole (opening help stays well under a tenth of a second).
    """
    e = html.escape
    words = words or org_words(None, lang)  # type: ignore[arg-type]
    phases = {
        GrowthPhase.DISCOVERING: t(
            "A few enthusiasts open accounts and post about their own projects. "
            "Nothing is arranged; it depends on them."
        ),
        GrowthPhase.EXPERIMENTING: t(
            "There is room to try things: webcare, first co-creation, joining residents' "
            "initiatives. A manager or alderman sponsors it; money is ad hoc."
        ),
        GrowthPhase.CONVERSING: t(
            "The whole organisation uses online channels for service, communication and "
            "listening, and goes where the conversation is. Budgets are structural."
        ),
        GrowthPhase.COLLABORATING: t(
            "{Org} is one partner among many. For every initiative it takes the role that "
            "fits, with whatever means suit."
        ).format(Org=words.Org),
    }
    stages = {
        CompetenceStage.UNCONSCIOUSLY_INCOMPETENT: t(
            "does not yet see what online interaction and collaboration could do."
        ),
        CompetenceStage.CONSCIOUSLY_INCOMPETENT: t("sees the chances, but cannot use them yet."),
        CompetenceStage.CONSCIOUSLY_COMPETENT: t("uses them, with effort and attention."),
        CompetenceStage.UNCONSCIOUSLY_COMPETENT: t("works this way without thinking about it."),
    }
    relations = {
        CitizenRelation.CUSTOMER: t("uses its services and expects them to work."),
        CitizenRelation.VOTER: t("chooses the council and wants a say in democracy."),
        CitizenRelation.SUBJECT: t("has to keep the rules {org} upholds.").format(org=words.org),
        CitizenRelation.USER: t("uses public space {org} manages.").format(org=words.org),
        CitizenRelation.PARTNER: t("makes policy or plans together with {org}.").format(
            org=words.org
        ),
        CitizenRelation.RESIDENT: t("lives here and organises things with neighbours."),
    }
    the_organisation = e(t("the organisation"))
    the_resident = e(t("the resident"))
    phases_page = ["<b>" + e(t("Four growth phases")) + "</b><br>"]
    for phase, meaning in phases.items():
        phases_page.append(f"<b>{phase.level}. {e(label(phase, lang))}</b> — {e(meaning)}<br>")
    phases_page.append("<br><b>" + e(t("Four competence stages")) + "</b><br>")
    for stage, meaning in stages.items():
        phases_page.append(
            f"<b>{stage.level}. {e(label(stage, lang))}</b>: {the_organisation} {e(meaning)}<br>"
        )
    roles_page = ["<b>" + e(t("Five roles for {org}").format(org=words.org)) + "</b><br>"]
    for i, role in enumerate(MunicipalRole, start=1):
        roles_page.append(f"<b>{i}. {e(label(role, lang))}</b> — {e(role_meaning(role, t))}<br>")
    roles_page.append(
        "<br>"
        + e(
            t(
                "Who took the initiative decides which roles fit. An initiative of {org}: "
                "mostly directing. The community's initiative: facilitating, taking part or "
                "letting go. Rules broken: normative."
            ).format(org=words.org)
        )
    )
    lines_page = ["<b>" + e(t("How residents meet {org}").format(org=words.org)) + "</b><br>"]
    for relation, meaning in relations.items():
        lines_page.append(f"<b>{e(label(relation, lang))}</b>: {the_resident} {e(meaning)}<br>")
    lines_page.append("<br><b>" + e(t("Three lines")) + "</b><br>")
    lines_page.append(
        e(
            t(
                "Interaction grows from being present, to sending, to real dialogue. Initiative "
                "ownership: choosing the role that fits who took the initiative. Ownership in the "
                "organisation: from a few enthusiasts to everyone. Together they decide the "
                "growth phase."
            )
        )
    )
    return [
        (t("Phases and stages"), "".join(phases_page)),
        (t("Roles"), "".join(roles_page)),
        (t("Residents and lines"), "".join(lines_page)),
    ]


class HelpScene(Scene):
    """How to play, the phases and stages, the roles, which role fits whom (the owner ×
    relation table), and the residents and lines: plainly, on pages (←/→ or the page buttons).
    From a game, the words follow its organisation and the table its scenario."""

    name = "help"
    offers_help = False

    def __init__(self, app, return_to: Callable[[], Scene] | type[Scene], page: int = 0) -> None:
        super().__init__(app)
        self.return_to = return_to
        self.page = page

    def reopen(self) -> Callable[[], Scene]:
        return_to, page = self.return_to, self.page
        return lambda: HelpScene(self.app, return_to, page)

    @property
    def words(self) -> OrgWords:
        scenario = self.controller.scenario
        return org_words(scenario.organisation.kind if scenario else None, self.lang)

    def pages(self) -> list[tuple[str, str | None]]:
        """(title, text) per page; the table page has no text: it is drawn."""
        t = self.t
        model = model_pages(t, self.lang, self.words)
        return [
            (t("How to play"), how_to_play(t, self.words)),
            model[0],
            model[1],
            (t("Which role fits"), None),
            model[2],
        ]

    def build(self) -> None:
        t = self.t
        pages = self.pages()
        self.page %= len(pages)
        self.label(self.r(60, 16, 1000, 50), t("How the model works"), "#heading")
        heading_h = self.app.fonts.get(32, True).get_linesize()
        x = self.r(60, 0, 0, 0).left
        right = self.r(1220, 0, 0, 0).left
        y = self.r(0, 16, 0, 0).top + heading_h + self.u(6)
        height = max(self.u(44), self._button_height(None))
        for index, (title, _) in enumerate(pages):
            width = self.fitted(title, None, 150)
            if x + width > right:
                x = self.r(60, 0, 0, 0).left
                y += height + self.u(8)
            self.button(
                pygame.Rect(x, y, width, height),
                title,
                lambda index=index: self.show(index),
                selected=index == self.page,
            )
            x += width + self.u(10)
        self.content = pygame.Rect(
            self.r(60, 0, 0, 0).left,
            y + height + self.u(12),
            self.u(1160),
            self.r(0, 632, 0, 0).top - (y + height + self.u(12)),
        )
        html_text = pages[self.page][1]
        if html_text is not None:
            self.text_box(self.content, html_text)
        back_w = self.fitted(t("Back"), "@big_button", 220)
        self.button(
            pygame.Rect(self.r(60, 645, 0, 0).topleft, (back_w, self.u(52))),
            t("Back"),
            self.back,
            kind="@big_button",
        )
        if self._focus is None:
            self.move_focus(1)

    def show(self, page: int) -> None:
        self.page = page
        self.rebuild()

    def on_key(self, event: pygame.event.Event) -> None:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.show(self.page + (1 if event.key == pygame.K_RIGHT else -1))

    def back(self) -> None:
        self.app.go(self.return_to)

    def draw(self, surface: pygame.Surface) -> None:
        if self.pages()[self.page % len(self.pages())][1] is None:
            self._draw_table(surface, self.content)

    def _draw_table(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        """Who took the initiative × how residents meet the organisation: the roles that fit
        best, and those that fit well too (the scenario's own table during a game)."""
        from game.sim.review import role_fit_table

        palette, fonts, t, lang = self.app.palette, self.app.fonts, self.t, self.lang
        pygame.draw.rect(surface, palette.panel, box, border_radius=self.u(8))
        pygame.draw.rect(surface, palette.panel_edge, box, width=2, border_radius=self.u(8))
        note("panel", box)
        inner = box.inflate(-self.u(28), -self.u(20))
        table = role_fit_table(self.controller.scenario)
        head, body, bold = fonts.get(17, True), fonts.get(16), fonts.get(17, True)
        owners = list(InitiativeOwner)
        words = self.words
        owner_names = {
            InitiativeOwner.MUNICIPALITY: t("Initiative of {org}").format(org=words.org),
            InitiativeOwner.COMMUNITY: t("Initiative of the community"),
        }
        relation_w = max(bold.size(label(r, lang).capitalize())[0] for r in CitizenRelation)
        relation_w += self.u(20)
        column_w = (inner.width - relation_w) // len(owners)
        y = inner.top
        heights = [len(wrap(head, owner_names[o], column_w - self.u(10))) for o in owners]
        for i, owner in enumerate(owners):
            x = inner.left + relation_w + i * column_w
            line_y = y
            for line in wrap(head, owner_names[owner], column_w - self.u(10)):
                text(surface, head, line, palette.text_dim, (x, line_y))
                line_y += head.get_linesize()
        y += max(heights) * head.get_linesize() + self.u(6)
        rows = list(CitizenRelation)
        note_font = fonts.get(15)
        footer = t("Best fit in bold; 'also' fits well (70% or more). Rules broken: normative.")
        footer_h = block_height(note_font, len(wrap(note_font, footer, inner.width)))
        row_h = (inner.bottom - y - footer_h - self.u(6)) / len(rows)
        for size in (17, 16, 15, 14, 13):
            # Low rows (large type): the table's type steps down so both lines still fit.
            bold, body = fonts.get(size, True), fonts.get(size - 1)
            if bold.get_linesize() + body.get_linesize() <= row_h:
                break
        for index, relation in enumerate(rows):
            top = round(y + index * row_h)
            if index % 2 == 0:
                band = pygame.Rect(inner.left, top, inner.width, round(row_h))
                pygame.draw.rect(surface, mix(palette.text, palette.panel, 0.06), band)
            text(
                surface,
                bold,
                label(relation, lang).capitalize(),
                palette.text,
                (inner.left + self.u(6), top + round(row_h) // 2),
                "midleft",
            )
            for i, owner in enumerate(owners):
                fits = table[(owner, relation)]
                top_fit = max(fits.values())
                best = " / ".join(label(r, lang) for r in MunicipalRole if fits[r] == top_fit)
                also = [label(r, lang) for r in MunicipalRole if 70 <= fits[r] < top_fit]
                x = inner.left + relation_w + i * column_w
                room = column_w - self.u(10)
                lines = [(bold, best, palette.accent)]
                if also:
                    more = t("also: {roles}").format(roles=", ".join(also))
                    if row_h >= bold.get_linesize() + body.get_linesize():
                        lines.append((body, more, palette.text_dim))
                    else:  # a low row: best and also on one line
                        lines = [(bold, f"{best} · {more}", palette.accent)]
                total = sum(f.get_linesize() for f, _, _ in lines)
                line_y = top + (round(row_h) - total) // 2
                for font, message, colour in lines:
                    text(surface, font, shortened(font, message, room), colour, (x, line_y))
                    line_y += font.get_linesize()
        text_block(
            surface,
            note_font,
            footer,
            palette.text_dim,
            pygame.Rect(inner.left, inner.bottom - footer_h, inner.width, footer_h),
        )


def how_to_play(t: Callable[[str], str], words: OrgWords) -> str:
    """The help's first page: a round step by step, in the words of the organisation."""
    e = html.escape
    steps = [
        t("Briefing: the dashboard and this round's news. Discuss where you stand."),
        t(
            "Initiatives, one card at a time. Ask: whose initiative is it, and how do "
            "residents meet {org} here? Choose the role (keys 1–5). Next to each role: the "
            "hours it takes, the readiness it asks against yours, and the risk of stumbling."
        ).format(org=words.org),
        t(
            "Choose the channels that suit the purposes on the card, within your hours. "
            "Say what you expect (goes well, mixed, goes badly): a good guess counts."
        ),
        t("Development: invest hours and budget in the organisation itself."),
        t(
            "Outcome: step by step, in the scenario's own words. A new phase or stage gets "
            "a moment of its own."
        ),
        t("Summary: what stands between you and the next phase."),
    ]
    parts = ["<b>" + e(t("A round, step by step")) + "</b><br>"]
    for number_, step in enumerate(steps, start=1):
        parts.append(f"<b>{number_}.</b> {e(step)}<br>")
    parts.append("<br><b>" + e(t("At the end")) + "</b><br>")
    parts.append(
        e(
            t(
                "The debrief: your score, advice worked out from your own game, growth per "
                "relation, and every decision against the best fit."
            )
        )
        + "<br>"
    )
    parts.append("<br><b>" + e(t("Keys")) + "</b><br>")
    parts.append(
        e(
            t(
                "Tab and Enter everywhere · Escape back · Space reveals the next step · "
                "F1 help · F2 settings · F11 full screen. The mouse alone works too."
            )
        )
    )
    return "".join(parts)


class ErrorScene(Scene):
    """Something unexpected went wrong. The game is intact; the details went to a log file.

    ``offer_game`` is False when there is no game, or when going back to it just failed: then
    only the title is offered, and the screen says why.
    """

    name = "error"
    offers_help = False

    def __init__(
        self, app, message: str, log_file: Path | None, *, offer_game: bool = True
    ) -> None:
        super().__init__(app)
        self.message = message
        self.log_file = log_file
        self.offer_game = offer_game and app.controller.state is not None
        self.game_failed = offer_game is False and app.controller.state is not None
        # Which way back was taken: if opening it fails, the next error screen leaves it out.
        self.chosen: str | None = None

    def build(self) -> None:
        t = self.t
        self.label(self.r(80, 60, 1100, 56), t("Something went wrong"), "#heading")
        y = 560
        if self.offer_game:
            self.button(
                self.r(80, y, 600, 56), t("Back to the game"), self.to_game, kind="@big_button"
            )
            y += 70
        self.button(
            self.r(80, y, 600, 56), t("Back to the title screen"), self.to_title, kind="@big_button"
        )
        self.move_focus(1)

    def reopen(self) -> Callable[[], Scene]:
        return lambda: self

    def to_game(self) -> None:
        self.chosen = "game"
        open_game(self.app)

    def to_title(self) -> None:
        self.chosen = "title"
        self.app.go(TitleScene)

    def back(self) -> None:
        self.to_title()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        area = self.r(80, 140, 1120, 400)
        lines = [
            t("The game itself is safe: nothing of your game was lost."),
            t("What happened:") + " " + self.message,
        ]
        if self.game_failed:
            lines.append(
                t(
                    "The game's screen cannot be opened now. Its autosave is kept: go back to "
                    "the title screen, and continue it after restarting the game."
                )
            )
        where = str(self.log_file) if self.log_file else t("(the log file could not be written)")
        lines.append(t("The details are in the log file:") + " " + where)
        for line in lines:
            used = text_block(surface, fonts.get(20), line, palette.text, area)
            area.top += used + self.u(12)
