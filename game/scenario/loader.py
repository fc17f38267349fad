"""Loading scenario files: safe YAML, the pydantic models, then the cross-reference pass.

Whatever is wrong with a file comes back as one ``ScenarioError`` listing every problem with its
line and column; nothing else escapes for bad content. Nothing is cached: loading a file again
reads it again, which is how trainers reload a scenario they are editing without restarting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.domain import Bilingual, Language, OrganisationKind
from game.places import game_scenario_dir
from game.said import said
from game.scenario.errors import Problem, ScenarioError
from game.untrusted import Refused, read_regular

if TYPE_CHECKING:
    from game.scenario.models import Scenario

SCENARIO_DIR = game_scenario_dir()
"""Beside main.py from source; beside the executable in a built game, where trainers drop files."""
DEFAULT_SCENARIO = "gemeente-middelgroot"
SUFFIXES = (".yaml", ".yml")


def scenario_path(name_or_path: str | Path) -> Path:
    """A scenario file by path, or by id from the shipped scenarios folder."""
    path = Path(name_or_path)
    if path.suffix in SUFFIXES or path.exists():
        return path
    return SCENARIO_DIR / f"{name_or_path}.yaml"


def load_scenario(
    name_or_path: str | Path = DEFAULT_SCENARIO, within: Path | None = None
) -> Scenario:
    """Read and check a scenario file (by path or shipped id); raises ``ScenarioError``.

    ``within``: a folder the file must lie in once links are resolved (a pack's).
    """
    path = scenario_path(name_or_path)
    return read_scenario(_read_bytes(path, within), path, folder=path.parent)


def read_scenario(data: bytes, file: str | Path, folder: Path | None = None) -> Scenario:
    """Check a scenario from its bytes; ``file`` names it in messages and gives its expected id.

    ``folder`` is where its assets are looked for; without one, asset files are not checked.
    """
    # Here, not at the top: a window shows its first frame before it reads any scenario, and
    # the reading steps and models took a fifth of the time to it (issue 22).
    from pydantic import ValidationError

    from game.scenario.messages import validation_problems
    from game.scenario.models import Scenario
    from game.scenario.references import length_problems, reference_problems
    from game.scenario.scalars import editor_values
    from game.scenario.yamltree import read_yaml

    name = str(file)
    document = read_yaml(data, name)
    problems = list(document.problems)
    values, refused = editor_values(document, data.decode("utf-8"), Scenario)
    problems += refused
    try:
        scenario = Scenario.model_validate(values)
    except ValidationError as error:
        told = {(p.line, p.column, p.path) for p in refused}  # one message per value
        problems += [
            problem
            for problem in validation_problems(error, Scenario, document)
            if (problem.line, problem.column, problem.path) not in told
        ]
        if not problems:  # every error sat under a refused alias or tag, already reported
            problems.append(Problem(name, 1, 1, "", said("the scenario is not valid")))
        raise ScenarioError(problems) from None
    if not document.merged:  # ids of items that ran together are not worth checking yet
        problems += reference_problems(scenario, document, folder)
    if not problems:
        # Each length is worked out from a sound whole, then checked as the whole was.
        problems += length_problems(scenario, document)
    stem = Path(name).stem
    if Path(name).suffix in SUFFIXES and scenario.id != stem:
        line, column = document.mark(("id",))
        problems.append(
            Problem(
                name,
                line,
                column,
                "id",
                said(
                    "the id '{id}' must be the file's name without '.yaml' ('{stem}'), so the "
                    "game finds the scenario again; rename the file or change the id",
                    id=scenario.id,
                    stem=stem,
                ),
            )
        )
    if problems:
        raise ScenarioError(problems)
    return scenario


def _read_bytes(path: Path, within: Path | None = None) -> bytes:
    """The file's bytes, or a ``ScenarioError`` that says why they cannot be read.

    Only a regular file is read, opened without blocking: a pipe or a device named ``*.yaml``
    would otherwise hang the game or fill its memory. With ``within`` (a pack's folder), only a
    file inside it once links are resolved.
    """
    from game.scenario.yamltree import MAX_BYTES, too_big

    name = str(path)
    try:
        return read_regular(path, MAX_BYTES, within)[0]
    except Refused as refused:
        if refused.kind == "too_large":
            raise too_big(name, refused.detail) from None
        message: str = str(refused)
        if refused.kind == "not_found":
            message = said("there is no such file")
        elif refused.kind == "outside":
            message = said(
                "this is a link that leads outside the folder {folder}; keep the scenario itself "
                "there",
                folder=str(within),
            )
        elif refused.kind == "not_a_file":
            message = (
                said("this is a folder, not a scenario file")
                if refused.detail[0] == "a folder"
                else said(
                    "this is {what} (not a plain file), not a scenario file",
                    what=refused.detail[0],
                )
            )
    raise ScenarioError([Problem(name, 0, 0, "", message)])


def scenario_stamp(path: str | Path) -> tuple[int, int] | None:
    """When and how big the file was last written, to notice a trainer's edit; None if gone."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass(frozen=True)
class ScenarioInfo:
    """One scenario file for the scenario list: what it is about, or why it does not load."""

    path: Path
    id: str
    title: Bilingual
    organisation: Bilingual
    kind: OrganisationKind | None
    description: Bilingual
    rounds: int
    languages: tuple[Language, ...]
    scenario: Scenario | None
    error: ScenarioError | None

    @property
    def valid(self) -> bool:
        return self.error is None


def list_scenarios(
    folder: str | Path = SCENARIO_DIR, within: Path | None = None
) -> list[ScenarioInfo]:
    """Every scenario file in ``folder`` (valid or not), sorted by id, for the scenario list;
    with ``within``, each is read only if it lies inside that folder."""
    root = Path(folder)
    files = sorted(p for p in root.iterdir() if p.suffix in SUFFIXES and p.is_file())
    return sorted((scenario_info(path, within) for path in files), key=lambda info: info.id)


def scenario_info(path: Path, within: Path | None = None) -> ScenarioInfo:
    """One scenario file for the scenario list: loaded, or with its problems."""
    try:
        scenario = load_scenario(path, within)
    except ScenarioError as error:
        empty = Bilingual("", "")
        return ScenarioInfo(
            path,
            path.stem,
            Bilingual(path.stem, path.stem),
            empty,
            None,
            empty,
            0,
            (),
            None,
            error,
        )
    return ScenarioInfo(
        path,
        scenario.id,
        scenario.title.pair(),
        scenario.organisation.name.pair(),
        scenario.organisation.kind,
        scenario.description.pair(),
        scenario.rounds,
        tuple(scenario.languages),
        scenario,
        None,
    )
