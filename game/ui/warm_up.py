"""What the window's first frame does without, done in its first idle moment (issue 22).

The first frame shows only the title. The scenario list (read and checked in the background:
0.3 s of CPU), every scene's module and the sound mixer wait until the title has shown and the
window is idle, when nobody waits for a frame; what asks for them earlier gets them then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
