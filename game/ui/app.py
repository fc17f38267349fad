"""The app loop: poll events, hand them to the current scene, draw only when needed, flip.

Only this module polls events and flips the display. A scene that raises does not take the
workshop down: every call into a scene (opening it, building it after a resize, F11 or a new
setting, its events, updates and drawing) goes through one guard, ``_guard``. The traceback goes
to a log file, the error screen offers a way back, and the controller (with the game) is
untouched because scenes never change it half-way. A way back that fails in its turn is not
offered again: "back to the game" that cannot open the game leaves "back to the title", and a
title that fails comes back without reading the saves (``safe_title``).
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.domain import GameLength
from game.places import data_home
from game.saves import SaveStore
from game.saves.locks import Locks
from game.saves.names import strip_unprintable
from game.ui import live_reload
from game.ui.controller import GameController
from game.ui.error_log import default_log_dir, write_error_log
from game.ui.memory import freeze_start_up
from game.ui.pin_guard import PinGuard
from game.ui.room import RoomPlan
from game.ui.scene import Scene, SceneBook
from game.ui.scenes.book import scene_book
from game.ui.settings import Settings
from game.ui.sound import Sounds
from game.ui.timer import RoundTimer
from game.ui.warm_up import WarmUp
from game.ui.window import Window, open_display

if TYPE_CHECKING:
    from game.packs import Pack

FPS = 60
# After input, keep drawing this long so hover states and tooltips settle.
ACTIVE_AFTER_INPUT = 1.2
# While idle, look for input this often (s), and run a frame at least this often (ms) so a
# text cursor can blink; nothing is drawn unless something changed.
IDLE_SLICE = 0.03
IDLE_WAIT_MS = 1000


# The key that opens the facilitator panel (behind the PIN set in settings, if any).
FACILITATOR_KEY = pygame.K_F9


class App(Window):
    """The game window with its scenes. ``step`` runs one frame; ``run`` loops until quit."""

    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        settings: Settings | None = None,
        *,
        scenario_dir: Path | None = None,
        scenario: str | None = None,
        seed: int | None = None,
        log_dir: Path | None = None,
        saves: SaveStore | None = None,
        pack: Pack | None = None,
        pack_problem: str | None = None,
        settings_file: Path | None = None,
        settings_problem: str | None = None,
        results_dir: Path | None = None,
        scenes: SceneBook | None = None,
        network: RoomPlan | None = None,
    ) -> None:
        """``saves`` None keeps no saves (tests, tour); ``play`` passes the saves folder's store.

        ``pack`` brands the title screen and the accent colour; ``pack_problem`` is shown on the
        title when a built game's own pack could not be used (the game then runs unbranded).
        ``settings_file``: where a changed setting is kept (None keeps nothing: tests, tour);
        ``settings_problem``: why the kept settings could not be used whole, for the title.
        ``scenes``: the book of scenes (every scene of the game by default).
        ``seed``: every new game's seed; None (the default) draws a new one for each new game or
        workshop, so that workshops do not all bring the same news (issue 19).
        """
        self.settings = settings or Settings()
        self.seed = seed
        self.scenario_dir = scenario_dir
        self.preselected_scenario = scenario
        self.log_dir = log_dir or default_log_dir()
        self.saves = saves
        self.pack = pack
        self.pack_problem = pack_problem
        self.settings_file = settings_file
        self.settings_problem = settings_problem
        self.home = data_home()
        # Results and reports (issue 12): --results, else results/ beside the saves folder.
        if results_dir is None:
            results_dir = saves.directory.parent / "results" if saves else self.home.results
        self.results_dir = results_dir
        self.warmth = WarmUp(self)  # what the first frame does without (``game.ui.warm_up``)
        self.scenario_cache = self.warmth.cache  # scenario files read, with time and size
        open_display()
        self.sounds = Sounds()
        self._open(size)
        # The games (and workshop) this window plays, locked against a second window.
        self.locks = Locks(saves.directory) if saves is not None else None
        self.workshop_error: Exception | None = None
        self.controller = GameController(
            autosave=self._autosave if saves is not None else None,
            results=self._write_results if saves is not None or results_dir is not None else None,
        )
        self.controller.keep_workshop = self.keep_workshop
        self.timer = RoundTimer()
        self.scenario_watch = live_reload.ScenarioWatch()
        # Wrong facilitator PINs, counted for the whole session (not per visit to the screen).
        self.pin_guard = PinGuard()
        self.scenes = scenes if scenes is not None else scene_book()
        # A networked workshop (``game.ui.room``): hosted here, or joined. ``network`` says
        # where to host and whether to announce; the default (tests, the tour) stays on
        # 127.0.0.1 with no announcement and no looking for hosts.
        self.room: object | None = None
        self.network = network or RoomPlan()
        # The length the last new game was started with: the next one starts with it too.
        self.chosen_length = GameLength(self.settings.last_length)
        self._style()
        freeze_start_up()
        self.scene: Scene | None = None
        self._pending: Callable[[], Scene] | None = None
        self.running = True
        self.dirty = True
        self.frames_drawn = 0
        self.errors: list[str] = []
        self.last_error: str | None = None
        # Where the last error's details were written; None when the log could not be written.
        self.last_log: Path | None = None
        # Set when the title screen failed: it then opens without reading the saves folder.
        self.safe_title = False
        # The way back just taken from the error screen ("game" or "title") and whether the game
        # was offered there, until the scene it opened has drawn one frame without failing.
        self._came_back: tuple[str, bool] | None = None
        self._active_until = 0.0
        self._layer: pygame.Surface | None = None
        self._layer_stale = True
        self.clock = pygame.time.Clock()
        self.go(self.scenes.title)
        self._switch()

    def find_scenario(self, scenario_id: str):
        """The scenario a save belongs to: from the app's scenario folder, else the shipped one."""
        from game.saves import find_installed_scenario
        from game.scenario.loader import load_scenario

        folders = [(self.scenario_dir, None)]
        if self.pack is not None:  # a pack's scenario is read only from inside the pack
            folders.append((self.pack.scenario_dir, self.pack.folder))
        for folder, within in folders:
            path = folder / f"{scenario_id}.yaml" if folder is not None else None
            if path is not None and path.is_file():
                return load_scenario(path, within)
        return find_installed_scenario(scenario_id)

    def _autosave(self, *args: object, **options: object) -> Path:
        """The saves folder's autosave, with the game locked for this window first."""
        assert self.saves is not None
        self.hold_games()
        return self.saves.autosave(*args, **options)  # type: ignore[arg-type]

    def hold_games(self) -> None:
        """Lock this window's games (and workshop); never fails (``game.ui.hot_seat_saves``)."""
        from game.ui.hot_seat_saves import hold_games

        hold_games(self.locks, self.controller)

    def keep_workshop(self) -> None:
        """Write the hot-seat workshop's file (teams, turn, timer) beside the autosaves."""
        from game.ui.hot_seat_saves import keep_workshop

        if self.saves is not None:
            self.workshop_error = keep_workshop(self.saves, self.controller, self.timer)

    def _write_results(self, state, scenario, team: str, game_id: str, length: str) -> Path:
        from game.results import write_game_results

        return write_game_results(self.results_dir, state, scenario, team, game_id, length)

    # --- sound ----------------------------------------------------------------------------------

    def play(self, name: str) -> None:
        """A short tone on a step forward (reveal, confirm); silent if sound is off or absent."""
        if self.settings.sound:
            self.sounds.play(name)

    # --- scenes -------------------------------------------------------------------------------

    def go(self, factory: Callable[[], Scene] | type[Scene] | Scene, *args: object) -> None:
        """Switch to another scene once the current event has been handled.

        ``factory`` is a scene class (made with ``args``), a function that makes the scene, or a
        scene already made (a question whose answers are closures).
        """
        if isinstance(factory, Scene):
            made = factory
            self._pending = lambda: made
        elif isinstance(factory, type):
            scene_type = factory
            self._pending = lambda: scene_type(self, *args)  # type: ignore[call-arg]
        else:
            self._pending = factory
        self.dirty = True

    def _switch(self) -> None:
        """Leave the current scene and open the pending one, all or nothing.

        Whatever fails on the way (leaving, making, entering or building the new scene), the
        error screen replaces it whole: no half-built scene stays behind, and nothing is built
        over the error screen afterwards.
        """
        factory, self._pending = self._pending, None
        if factory is None:
            return
        leaving = self.scene
        scene: Scene | None = None
        try:
            if leaving is not None:
                leaving.on_exit()
            scene = factory()
            self.scene = scene
            self.ui.clear_and_reset()
            if scene.resuming:
                scene.resuming = False  # back from the facilitator: it stays as it was
            else:
                scene.on_enter()
            scene.rebuild()
        except Exception as error:
            self.fail(error, leaving=leaving, opening=scene)
            return
        if isinstance(leaving, self.scenes.error) and leaving.chosen is not None:
            self._came_back = (leaving.chosen, leaving.offer_game)
        self.dirty = True
        self._layer_stale = True

    def _guard(self, call: Callable[[], object]) -> None:
        """Run a scene's code; an exception becomes the error screen, never a crash."""
        try:
            call()
        except Exception as error:
            self.fail(error)

    def fail(
        self,
        error: BaseException,
        leaving: Scene | None = None,
        opening: Scene | None = None,
    ) -> None:
        """Log the traceback and show the error screen. The game state stays as it was.

        ``leaving`` and ``opening`` are set when the error came while switching scenes: leaving
        the error screen for a way back that fails means that way is not offered again.
        """
        details = "".join(traceback.format_exception(error))
        self.errors.append(details)
        log_file = self.last_log = write_error_log(self.log_dir, details)
        self.last_error = f"{type(error).__name__}: {error}"
        culprit = opening if opening is not None else (self.scene if leaving is None else None)
        if isinstance(culprit, self.scenes.error) and opening is None:
            return  # the error screen itself failed while showing; its buttons still work
        offer_game = self.controller.state is not None
        if isinstance(culprit, self.scenes.title):
            self.safe_title = True
        came_back = self._came_back
        if isinstance(leaving, self.scenes.error) and leaving.chosen is not None:
            came_back = (leaving.chosen, leaving.offer_game)
        self._came_back = None
        if came_back is not None:
            # The way back just taken failed too: do not offer it again.
            chosen, offered = came_back
            offer_game = offered and chosen != "game"
            if chosen == "title":
                self.safe_title = True
        self._pending = None
        self.scene = None
        self.ui.clear_and_reset()
        scene = self.scenes.error(self, self.last_error, log_file, offer_game=offer_game)
        self.scene = scene
        try:
            scene.rebuild()
        except Exception as second:  # pragma: no cover - last resort
            write_error_log(self.log_dir, "".join(traceback.format_exception(second)))
        self.dirty = True
        self._layer_stale = True

    def request_quit(self) -> None:
        """The window's close button: quit, but ask first while a game is in progress.

        Asked twice (closing again while the question shows), it quits: the person means it.
        """
        from game.ui.scenes.start.choice import confirm_quit

        scene = self.scene
        asking = scene is not None and scene.name == "confirm_quit"
        if asking or not self.controller.in_progress or isinstance(scene, self.scenes.error):
            self.quit()
            return
        self.go(confirm_quit(self))

    # --- the loop -----------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        animating = self.scene is not None and self.scene.animating
        ticking = self.timer.needs_frame(self.scene)
        # A networked workshop: what the host (or a team) sent is looked at at once.
        heard = self.room is not None and self.room.pending()
        busy = self.dirty or animating or ticking or heard
        return not (busy or time.monotonic() < self._active_until)

    def step(self, events: Sequence[pygame.event.Event] | None = None, dt: float = 1 / FPS) -> bool:
        """One frame: handle events, update, draw if something changed. Returns True if drawn."""
        if events is None:
            events = pygame.event.get()
        for event in events:
            self._handle(event)
            if self._pending is not None:
                self._switch()
        if self.timer.ran_out():
            self._guard(lambda: self.timer.signal(self))
        room = self.room
        if room is not None:
            self._guard(lambda: room.poll(self))
        self._guard(lambda: live_reload.watch(self))
        if self.scene is not None:
            scene = self.scene
            self._guard(lambda: scene.update(dt))
            if scene.animating:
                self._layer_stale = True
        if self._pending is not None:
            self._switch()
        # Last before drawing: pygame_gui sorts out which widgets are visible in its update.
        self._guard(lambda: self.ui.update(dt))
        if self.idle:
            self.warm_up()  # the title has shown a while: nobody is waiting
            self.warmth.settle()
            return False
        self.draw()
        return True

    def warm_up(self) -> None:
        """What the first frame did without, done now (``game.ui.warm_up``)."""
        if not self.warmth.done:
            self.warmth.run()

    def read_scenarios_ahead(self) -> None:
        self.warmth.scenarios_read()

    def _handle(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.NOEVENT:
            return
        self.dirty = True
        self._layer_stale = True
        self._active_until = time.monotonic() + ACTIVE_AFTER_INPUT
        if kind == pygame.QUIT:
            self._guard(self.request_quit)
            return
        if kind == pygame.VIDEORESIZE:
            if not self.settings.fullscreen and event.size != self.screen.get_size():
                size = event.size
                self._guard(lambda: self.resize(size))
            return
        if kind == pygame.WINDOWSIZECHANGED:
            size = (event.x, event.y)
            if not self.settings.fullscreen and size != self.ui.window_resolution:
                self._guard(lambda: self.resize(size))
            return
        if kind == pygame.TEXTINPUT:
            # Typed or pasted text reaches the text fields without control characters: a NUL
            # in a team name cannot be drawn, and would fail every screen that shows it.
            typed = strip_unprintable(getattr(event, "text", ""))
            if typed != getattr(event, "text", ""):
                if not typed:
                    return
                event = pygame.event.Event(pygame.TEXTINPUT, text=typed)
        if kind == pygame.KEYDOWN and event.key == pygame.K_F11:
            self._guard(self.toggle_fullscreen)
            return
        if live_reload.handle_key(self, event):  # F5: read the scenario again
            return
        if kind == pygame.KEYDOWN and event.key == FACILITATOR_KEY:
            from game.ui.scenes.workshop.facilitator import open_facilitator

            self._guard(lambda: open_facilitator(self))
            return
        scene = self.scene
        if scene is None:
            return

        def handle() -> None:
            self.ui.process_events(event)
            scene.handle_event(event)

        self._guard(handle)

    def draw(self) -> None:
        """Paint the current scene, its widgets and the focus ring, then flip.

        What the scene paints under its widgets is kept as a layer and painted again only after
        input, a change of scene or style, or while the scene animates: hover effects and
        tooltips then cost a blit, not a whole dashboard.
        """
        surface = self.screen
        scene = self.scene
        layer = self._layer
        if layer is None or self._layer_stale or layer.get_size() != surface.get_size():
            if layer is None or layer.get_size() != surface.get_size():
                layer = pygame.Surface(surface.get_size()).convert()
            layer.fill(self.palette.background)
            if scene is not None:

                def paint() -> None:
                    scene.draw_boxes(layer)
                    scene.draw(layer)

                self._guard(paint)
            self._layer = layer
            self._layer_stale = False
        surface.blit(layer, (0, 0))
        self._guard(lambda: self.ui.draw_ui(surface))
        if scene is not None and scene is self.scene:
            self._guard(lambda: scene.draw_overlay(surface))
        if self.timer.visible and scene is not None and scene.shows_timer:
            self._guard(lambda: self.timer.draw(surface, self))
        if scene is self.scene:
            self._came_back = None  # the scene came back whole: its way back worked
        pygame.display.flip()
        self.dirty = False
        self.frames_drawn += 1

    def run(self, quit_after_first_frame: bool = False, until: float | None = None) -> int:
        """Loop until the window is closed (or the monotonic clock reaches ``until``, for the
        benchmark). Idle frames wait for input instead of spinning."""
        quiet_since = time.monotonic()
        while self.running and (until is None or time.monotonic() < until):
            if self.idle:
                # pygame's event.wait polls SDL every millisecond (about 2% of a core); a short
                # sleep between looks costs a tenth of that and answers within IDLE_SLICE.
                time.sleep(IDLE_SLICE)
                events = pygame.event.get()
                now = time.monotonic()
                if not events and now - quiet_since < IDLE_WAIT_MS / 1000:
                    continue
                quiet_since = now
                dt = self.clock.tick() / 1000
            else:
                dt = self.clock.tick(FPS) / 1000
                events = pygame.event.get()
            self.step(events, min(dt, 0.1))
            if quit_after_first_frame and self.frames_drawn:
                break
        return 0

    def quit(self) -> None:
        """Stop after this frame; the round's choices so far go into the autosave first."""
        try:
            self.controller.save_plan()
            self.keep_workshop()  # the timer as it stands
        except Exception:  # quitting must never fail
            logging.getLogger(__name__).exception("could not keep the round's choices")
        self.close_room()
        self.running = False
        self.release_locks()

    def release_locks(self) -> None:
        """Let go of this window's games: another window may open them now."""
        if self.locks is not None:
            try:
                self.locks.release_all()
            except Exception:  # quitting must never fail
                logging.getLogger(__name__).exception("could not release the locks")

    def close_room(self) -> None:
        """Leave the networked workshop (a host stops listening; a team's line closes)."""
        room, self.room = self.room, None
        if room is not None:
            try:
                room.close()
            except Exception:  # leaving must never fail
                logging.getLogger(__name__).exception("could not close the workshop's line")

    def close(self) -> None:
        self.release_locks()
        if self.warmth.reading is not None:
            self.warmth.reading.wait()
        pygame.display.quit()
        pygame.mixer.quit()
