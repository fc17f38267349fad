"""The scenarios a new game can start with: read from their folder (or a pack), kept while
their files do not change."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from game.domain import Language
from game.said import into
from game.scenario.loader import ScenarioInfo

if TYPE_CHECKING:
    from game.packs import Pack

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


# The scenario files read in this process, by path, with their time and size: every window
# (and every test's app) finds a file read once, until it changes.
SCENARIOS_READ: ScenarioCache = {}


class ReadAhead:
    """The scenario list, read in the background while the title screen shows (from the first
    moment the window is idle).

    Reading and checking the six shipped scenarios takes 0.3 s of CPU; in the frame that opened
    the list, that stalled the first click on "New game" (issue 22). The list waits for this
    reading instead of doing it twice, and reads again whatever changed since.
    """

    def __init__(
        self, directory: Path | None, extra: str | None, cache: ScenarioCache, pack: Pack | None
    ) -> None:
        self._thread: threading.Thread | None = None
        if pack is not None and directory is None:
            return  # a pack's list is its own, read with the pack
        self._thread = threading.Thread(
            target=self._read,
            args=(directory, extra, cache),
            name="scenario-read-ahead",
            # Not a daemon: a window closed at once waits for it (0.3 s) rather than stopping
            # the interpreter under a thread that is still reading (an abort).
            daemon=False,
        )
        self._thread.start()

    @staticmethod
    def _read(directory: Path | None, extra: str | None, cache: ScenarioCache) -> None:
        try:
            scenario_list(directory, extra, cache)
        except Exception:  # the list reads again when it opens, and says what went wrong
            return

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    @property
    def done(self) -> bool:
        return self._thread is None or not self._thread.is_alive()


def is_wanted(info: ScenarioInfo, wanted: str | None) -> bool:
    """Whether the scenario named on the command line (an id, or a file by any path: relative,
    absolute, through a link) is this entry. A relative path never matched an absolute one, so
    ``play scenarios/x.yaml`` quietly ran the default scenario (issue 20)."""
    if wanted is None:
        return False
    if wanted in (info.id, info.path.stem):
        return True
    from game.scenario.loader import scenario_path

    try:
        return scenario_path(wanted).resolve() == info.path.resolve()
    except OSError:
        return False


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


def problem_lines(error: Exception | None, lang: Language = "en") -> list[str]:
    """A loader error as lines for the screen, in the interface's language:
    '12:3: field.path: message'."""
    if error is None:
        return []
    problems = getattr(error, "problems", None)
    if not problems:
        return str(error).splitlines()
    lines = []
    for problem in problems:
        where = f"{problem.line}:{problem.column}" if problem.line else ""
        parts = [part for part in (where, problem.path, into(problem.message, lang)) if part]
        lines.append(": ".join(parts))
    return lines


def absolute_path(path: Path) -> str | None:
    """Where a scenario file is, for its saves to find it again after a restart."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return None
