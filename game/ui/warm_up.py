"""What the window's first frame does without, done in its first idle moment (issue 22).

The first frame shows only the title. The scenario list (read and checked in the background:
0.3 s of CPU), every scene's module and the sound mixer wait until the title has shown and the
window is idle, when nobody waits for a frame; what asks for them earlier gets them then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.memory import freeze_start_up

if TYPE_CHECKING:
    from game.ui.scenes.start.scenario_list import ReadAhead, ScenarioCache


class WarmUp:
    """The window's warm-up; ``app`` is the window (its scenario folder, scenes and sounds)."""

    def __init__(self, app: object) -> None:
        from game.ui.scenes.start.scenario_list import SCENARIOS_READ

        self.app = app
        self.reading: ReadAhead | None = None
        # The scenario files read in this process, by path, with their time and size.
        self.cache: ScenarioCache = SCENARIOS_READ
        self.settled = False

    @property
    def done(self) -> bool:
        return self.reading is not None

    def run(self) -> None:
        app = self.app
        self._start_reading()
        load_all = getattr(app.scenes, "load_all", None)  # type: ignore[attr-defined]
        if load_all is not None:
            load_all()
        if app.settings.sound:  # type: ignore[attr-defined]
            app.sounds.warm_up()  # type: ignore[attr-defined]

    def settle(self) -> None:
        """On the title, once the list is read: keep what the session loaded (every module, the
        scenarios read) out of later collections, which then scan a third as much (a collection
        in a frame that drops widgets took 13 ms without this, 4 with it).

        Only on the title, and the title is made again after it: a scene sits in a cycle with
        its widgets' actions, so a frozen one would keep its widgets for the session (20 MB at
        1920×1080 and 140%). The new title is the same picture."""
        app = self.app
        reading = self.reading
        title = app.scenes.title  # type: ignore[attr-defined]
        if self.settled or reading is None or not reading.done:
            return
        if not isinstance(app.scene, title):  # type: ignore[attr-defined]
            return
        self.settled = True
        app.scene = None  # type: ignore[attr-defined]
        app.ui.clear_and_reset()  # type: ignore[attr-defined]
        freeze_start_up()
        app.go(title)  # type: ignore[attr-defined]
        app._switch()  # type: ignore[attr-defined]  # now: no frame ever finds no scene

    def scenarios_read(self) -> None:
        """Wait for the scenario list read in the background (started now if it was not)."""
        self._start_reading().wait()

    def _start_reading(self) -> ReadAhead:
        if self.reading is None:
            from game.ui.scenes.start.scenario_list import ReadAhead

            app = self.app
            self.reading = ReadAhead(
                app.scenario_dir,  # type: ignore[attr-defined]
                app.preselected_scenario,  # type: ignore[attr-defined]
                app.scenario_cache,  # type: ignore[attr-defined]
                app.pack,  # type: ignore[attr-defined]
            )
        return self.reading
