"""Scenes outside a round: title, scenario choice, settings, help and the error screen."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pygame

from game.domain import CitizenRelation, CompetenceStage, GrowthPhase, MunicipalRole
from game.labels import label
from game.packs import Pack
from game.scenario.loader import ScenarioInfo
from game.ui.branding import BAND_HEIGHT
from game.ui.look import text, text_block
from game.ui.scene import Scene
from game.ui.settings import FONT_SCALES
from game.ui.words import role_meaning

ScenarioCache = dict[Path, tuple[tuple[int, int] | None, ScenarioInfo]]


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
        # A pack's band (or, when the pack cannot be used, the reason) takes the top; the title
        # and the menu move down under it.
        banded = self.app.branding is not None or bool(self.app.pack_problem)
        top = 112 if banded else 0
        title_y, subtitle_y, y = (120, 200, 280) if top == 0 else (top, top + 76, top + 124)
        self.label(self.r(0, title_y, 1280, 80), "Netwerkende Gemeente", "#title")
        self.label(
            self.r(0, subtitle_y, 1280, 40),
            t("A game about growing into a networking municipality"),
            "#subtitle",
        )
        x, w, h, gap = 420, 440, 50, 10
        self.button(self.r(x, y, w, h), t("New game"), self.new_game, kind="@big_button")
        resume, why = self._continue_target()
        y += h + gap
        self.button(
            self.r(x, y, w, h),
            t("Continue"),
            self.resume,
            enabled=resume,
            tooltip=why,
            kind="@big_button",
        )
        y += h + gap
        saves = self.app.saves
        if saves is None:
            no_load = t("This window keeps no saves.")
        elif self.app.safe_title:
            no_load = t("After an error the saves are not read until the game starts again.")
        else:
            no_load = None
        self.button(
            self.r(x, y, w, h),
            t("Load"),
            lambda: self.app.go(LoadScene),
            enabled=no_load is None,
            tooltip=no_load,
            kind="@big_button",
        )
        y += h + gap
        self.button(self.r(x, y, w, h), t("Compare teams"), self.compare, kind="@big_button")
        y += h + gap
        self.button(self.r(x, y, w, h), t("Settings"), self.settings, kind="@big_button")
        y += h + gap
        self.button(self.r(x, y, w, h), t("How the model works"), self.help, kind="@big_button")
        y += h + gap
        self.button(self.r(x, y, w, h), t("Quit"), self.quit, kind="@big_button")
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

    def new_game(self) -> None:
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
        if self.app.safe_title and self.app.saves is not None:
            note = self.t("After an error the saves are not read until the game starts again.")
            where = self.r(640, 662, 0, 0).topleft
            text(surface, fonts.get(15), note, palette.bad, where, "midbottom")
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
        message = t(
            "The game is saved at the start of every round: Continue picks it up there. What "
            "you chose in this round so far is not kept."
        )
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
    """Pick a scenario (title, organisation, description, length, languages) and name the team."""

    name = "scenario_choice"

    def on_enter(self) -> None:
        self.load_list()
        self.team = self.controller.team
        # Team names (issue 12): one, or two to four for hot-seat play.
        self.teams = [s.team for s in self.controller.seats] or [self.team]
        # The workshop length; issue 10 offers the choice in a block of its own.
        self.length = "full"

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

    def build(self) -> None:
        t = self.t
        self.label(self.r(40, 24, 800, 48), t("Choose a scenario"), "#heading")
        y = 90
        for i, entry in enumerate(self.entries):
            name = entry.title.get(self.lang) if entry.valid else "! " + entry.path.name
            self.button(
                self.r(40, y, 380, 48),
                name,
                lambda i=i: self.select(i),
                selected=i == self.index,
                kind="@left_button",
            )
            y += 56
            if y > 380:
                break
        self.build_teams(self.r(40, 450, 380, 190))
        entry = self.current
        can_start = entry is not None and entry.scenario is not None
        start = self.button(
            self.r(900, 650, 340, 52),
            t("Start the game"),
            self.start,
            enabled=can_start,
            kind="@big_button",
        )
        self.button(self.r(40, 650, 200, 52), t("Back"), self.back)
        self.button(
            self.r(250, 650, 170, 52),
            t("Reload"),
            self.reload,
            tooltip=t("Read the scenario files again, after editing one."),
        )
        if not self.entries:
            self.label(self.r(460, 100, 780, 40), t("No scenario files found."), "#warning")
        if self._focus is None:
            self._focus_on(start)  # Enter starts: the most common step from here

    def build_teams(self, rect: pygame.Rect) -> None:
        """The team-names block: its own block, so the length choice can stand beside it."""
        from game.ui.controller import MAX_TEAMS
        from game.ui.workshop import team_block

        # The buttons first: Shift+Tab from "start" then lands in the (last) team name.
        x = (rect.left - self.app.origin[0]) / self.app.scale
        y = (rect.top - self.app.origin[1]) / self.app.scale + 138
        self.button(
            self.r(x, y, 186, 40),
            self.t("+ team"),
            self.add_team,
            enabled=len(self.teams) < MAX_TEAMS,
            kind="@small_button",
        )
        self.button(
            self.r(x + 192, y, 186, 40),
            self.t("− team"),
            self.remove_team,
            enabled=len(self.teams) > 1,
            kind="@small_button",
        )
        self.team_entries = team_block(self, rect, self.teams)

    @property
    def team_entry(self):
        """The first team's name field (one team: the only one)."""
        return self.team_entries[0]

    def _keep_names(self) -> None:
        from game.ui.workshop import team_names

        self.teams = team_names(self.team_entries)
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
        if entry is None:
            return
        fonts, palette, t = self.app.fonts, self.app.palette, self.t
        box = self.r(450, 90, 790, 540)
        pygame.draw.rect(surface, palette.panel, box, border_radius=self.u(10))
        inner = box.inflate(-self.u(40), -self.u(36))
        if entry.scenario is None:
            y = text(
                surface,
                fonts.get(22, True),
                t("This scenario cannot be loaded"),
                palette.bad,
                inner.topleft,
            ).bottom + self.u(6)
            y = text(
                surface, fonts.get(17), str(entry.path), palette.text_dim, (inner.left, y)
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
        y = text(
            surface, fonts.get(28, True), scenario.title.get(lang), palette.accent, inner.topleft
        ).bottom + self.u(8)
        org = scenario.organisation
        facts = [
            (
                t("Organisation"),
                f"{org.name.get(lang)} · {org.inhabitants:,}".replace(",", ".")
                + " "
                + t("inhabitants"),
            ),
            (
                t("Length"),
                t("{n} rounds").format(n=scenario.rounds)
                + (f" ({scenario.round_name.get(lang)})" if scenario.round_name else ""),
            ),
            (
                t("Languages"),
                ", ".join({"nl": "Nederlands", "en": "English"}[x] for x in scenario.languages),
            ),
        ]
        if scenario.author:
            facts.append((t("Author"), scenario.author))
        small = fonts.get(18)
        bold = fonts.get(18, True)
        for key, value in facts:
            text(surface, bold, key, palette.text_dim, (inner.left, y))
            text(surface, small, value, palette.text, (inner.left + self.u(170), y))
            y += small.get_linesize() + self.u(4)
        y += self.u(12)
        area = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
        text_block(surface, fonts.get(20), scenario.description.get(lang), palette.text, area)


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
        y = 100
        for name, options in rows:
            self.label(self.r(80, y, 420, 50), name)
            x = 520
            for caption, chosen, action in options:
                self.button(self.r(x, y, 150, 50), caption, action, selected=chosen)
                x += 162
            y += 64
        # The facilitator panel's PIN (F9), so a team cannot open it (issue 12).
        self.label(self.r(80, y, 420, 50), t("Facilitator PIN (F9)"))
        self.pin_entry = self.entry(self.r(520, y, 150, 50), s.facilitator_pin)
        self.pin_entry.set_text_length_limit(8)
        self.button(self.r(682, y, 150, 50), t("Set"), self.set_pin)
        self.button(self.r(844, y, 150, 50), t("No PIN"), lambda: self.change(facilitator_pin=""))
        self.button(self.r(80, 640, 220, 52), t("Back"), self.back, kind="@big_button")
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
        text(surface, fonts.get(20), sample, palette.text_dim, self.r(80, 570, 0, 0).topleft)
        explanation, folder = self.where_kept()
        area = self.r(330, 626, 910, 92)
        used = text_block(surface, fonts.get(15), explanation, palette.text_dim, area, max_lines=2)
        area.top += used
        text_block(surface, fonts.get(15, True), folder, palette.text, area, max_lines=1)

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
            why = t("Saves, settings and results are kept in the project folder:")
        return why, str(home.root)


def model_pages(t: Callable[[str], str], lang: str) -> list[tuple[str, str]]:
    """The help screen's pages: the model in plain words, as pygame_gui's HTML subset.

    In pages, not one long text: a page fits the screen without scrolling, and laying out one
    page costs a third of the whole (opening help stays well under a tenth of a second).
    """
    e = html.escape
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
            "The municipality is one partner among many. For every initiative it takes the "
            "role that fits, with whatever means suit."
        ),
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
        CitizenRelation.SUBJECT: t("has to keep the rules the municipality upholds."),
        CitizenRelation.USER: t("uses public space the municipality manages."),
        CitizenRelation.PARTNER: t("makes policy or plans together with the municipality."),
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
    roles_page = ["<b>" + e(t("Five roles for the municipality")) + "</b><br>"]
    for i, role in enumerate(MunicipalRole, start=1):
        roles_page.append(f"<b>{i}. {e(label(role, lang))}</b> — {e(role_meaning(role, t))}<br>")
    roles_page.append(
        "<br>"
        + e(
            t(
                "Who took the initiative decides which roles fit. The municipality's own "
                "initiative: mostly directing. The community's initiative: facilitating, taking "
                "part or letting go. Rules broken: normative."
            )
        )
    )
    lines_page = ["<b>" + e(t("How residents meet the municipality")) + "</b><br>"]
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
    """The four phases, the four stages, the five roles and the citizen relations, plainly,
    on pages (←/→ or the page buttons)."""

    name = "help"
    offers_help = False

    def __init__(self, app, return_to: Callable[[], Scene] | type[Scene], page: int = 0) -> None:
        super().__init__(app)
        self.return_to = return_to
        self.page = page

    def reopen(self) -> Callable[[], Scene]:
        return_to, page = self.return_to, self.page
        return lambda: HelpScene(self.app, return_to, page)

    def build(self) -> None:
        t = self.t
        pages = model_pages(t, self.lang)
        self.page %= len(pages)
        self.label(self.r(60, 20, 1000, 50), t("How the model works"), "#heading")
        x = 60
        for number, (title, _) in enumerate(pages):
            self.button(
                self.r(x, 78, 370, 46),
                title,
                lambda number=number: self.show(number),
                selected=number == self.page,
            )
            x += 382
        self.text_box(self.r(60, 134, 1160, 496), pages[self.page][1])
        self.button(self.r(60, 645, 220, 52), t("Back"), self.back, kind="@big_button")
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
