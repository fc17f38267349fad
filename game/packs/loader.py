"""Loading a branding pack: safe YAML, the pydantic models, then what needs the folder.

A pack is read with the scenario loader's YAML reader and its messages, so a mistake in
``pack.yaml`` reads ``pack.yaml:7:11: colours.accent: …`` exactly like a mistake in a scenario.
The second pass checks what the models cannot: the logo (decoded, ``game.packs.logo``), the
accent colour's contrast on the game's background, and that every scenario named exists. Every
file is read sealed (``game.packs.files``): only from inside the pack's folder, plain, bounded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from game.domain import Bilingual, Language
from game.packs.files import held_files, read_pack_file, refusal
from game.packs.logo import MAX_LOGO_BYTES, Logo, LogoProblem, read_logo
from game.packs.models import PackContent
from game.places import PACK_FILE
from game.scenario.errors import Problem, ScenarioError, did_you_mean
from game.scenario.loader import SCENARIO_DIR, SUFFIXES, load_scenario
from game.scenario.messages import validation_problems
from game.scenario.yamltree import MAX_BYTES, Document, read_yaml
from game.untrusted import Refused

Colour = tuple[int, int, int]

MIN_ACCENT_CONTRAST = 3.0
"""WCAG's minimum for large text, which is what the accent colours (titles, headings)."""
GAME_BACKGROUND: Colour = (0x10, 0x1C, 0x2B)
"""The game's background (``game.ui.palette.DEFAULT``); the accent must read on it."""
_SCENARIO_WORDING = {
    "the file is empty; a scenario starts with 'id:' and 'title:'": (
        "the file is empty; a pack starts with 'id:' and 'name:'"
    ),
}


class PackError(ScenarioError):
    """A pack could not be loaded; ``problems`` lists everything wrong with it at once."""


@dataclass(frozen=True, slots=True)
class Pack:
    """A loaded, checked pack: the organisation's branding and where its files are.

    ``logo`` is the logo decoded, checked and scaled to what is shown; ``files`` every file of
    the pack that was accepted (``pack.yaml``, the logo, what ``scenarios/`` holds): what a build
    copies, and nothing else.
    """

    folder: Path
    content: PackContent
    logo: Logo | None = None
    files: tuple[Path, ...] = ()

    @property
    def id(self) -> str:
        return self.content.id

    @property
    def file(self) -> Path:
        return self.folder / PACK_FILE

    @property
    def name(self) -> Bilingual:
        return self.content.name.pair()

    @property
    def tagline(self) -> Bilingual | None:
        return self.content.tagline.pair() if self.content.tagline is not None else None

    @property
    def language(self) -> Language:
        return self.content.language

    @property
    def logo_file(self) -> Path | None:
        """Where the logo is, as ``pack.yaml`` names it."""
        return self.folder / self.content.logo if self.content.logo else None

    @property
    def band(self) -> Colour | None:
        return hex_colour(self.content.colours.band) if self.content.colours.band else None

    @property
    def accent(self) -> Colour | None:
        return hex_colour(self.content.colours.accent) if self.content.colours.accent else None

    @property
    def scenario_dir(self) -> Path:
        """The pack's own scenarios."""
        return self.folder / "scenarios"

    def own_scenarios(self) -> list[Path]:
        """The pack's own scenario files, by name."""
        return _scenario_files(self.scenario_dir)

    def game_scenarios(self, game_dir: Path = SCENARIO_DIR) -> list[Path]:
        """The game's own scenario files the pack includes, in the pack's order."""
        available = {path.stem: path for path in _scenario_files(game_dir)}
        chosen = self.content.scenarios
        if chosen is None:
            return list(available.values())
        return [available[name] for name in chosen if name in available]

    def scenario_order(self) -> list[str]:
        """Scenario ids in the order the pack lists them (the scenario list shows these first)."""
        return list(self.content.scenarios or ())


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def contrast(a: Colour, b: Colour) -> float:
    """WCAG 2 contrast ratio between two colours, 1 (none) to 21 (black on white)."""

    def luminance(colour: Colour) -> float:
        channels = []
        for value in colour:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(background: Colour) -> Colour:
    """White or near-black, whichever reads better on ``background``."""
    white, black = (255, 255, 255), (16, 16, 16)
    return white if contrast(white, background) >= contrast(black, background) else black


def pack_file(folder_or_file: str | Path) -> Path:
    """``pack.yaml`` in a folder, or the file itself when given."""
    path = Path(folder_or_file)
    return path if path.suffix in SUFFIXES else path / PACK_FILE


def is_pack(path: Path) -> bool:
    """A pack folder (one holding a pack.yaml, even one that is not a plain file: it is then
    refused as a pack, with the reason), or a pack.yaml itself."""
    if path.name == PACK_FILE:
        return os.path.lexists(path)
    return path.is_dir() and os.path.lexists(path / PACK_FILE)


def load_pack(folder_or_file: str | Path, game_dir: Path = SCENARIO_DIR) -> Pack:
    """Read and check a pack (its folder, or its ``pack.yaml``); raises ``PackError``.

    The pack's own scenarios are not loaded here: a broken one shows in the scenario list like
    any scenario. ``check_pack`` checks them too.
    """
    file = pack_file(folder_or_file)
    name = str(file)
    document = _read_document(file)
    problems = list(document.problems)
    try:
        content = PackContent.model_validate(document.data)
    except ValidationError as error:
        problems += [_plainer(p) for p in validation_problems(error, PackContent, document)]
        if not problems:
            problems.append(Problem(name, 1, 1, "", "the pack is not valid"))
        raise PackError(problems) from None
    folder = file.parent
    held = held_files(folder)
    logo = None
    if content.logo is not None:
        logo = _logo(folder, content.logo)
        if isinstance(logo, str):
            line, column = document.mark(("logo",))
            problems.append(Problem(name, line, column, "logo", logo))
            logo = None
    files = (file, *((folder / content.logo,) if logo else ()), *held.files)
    pack = Pack(folder, content, logo, files)
    problems += held.problems
    problems += _folder_problems(pack, document, game_dir)
    if problems:
        raise PackError(problems)
    return pack


def check_pack(folder_or_file: str | Path, game_dir: Path = SCENARIO_DIR) -> Pack:
    """``load_pack``, and every one of the pack's own scenarios must load too."""
    problems: list[Problem] = []
    try:
        pack = load_pack(folder_or_file, game_dir)
    except PackError as error:
        problems += error.problems
        pack = None
    folder = pack_file(folder_or_file).parent
    held = held_files(folder)
    if pack is None:  # the pack's own files are refused the same without a usable pack.yaml
        problems += [problem for problem in held.problems if problem not in problems]
    for path in held.files:
        if path.parent == folder / "scenarios" and path.suffix in SUFFIXES:
            try:
                load_scenario(path, within=folder)
            except ScenarioError as error:
                problems += error.problems
    if problems:
        raise PackError(problems)
    assert pack is not None
    return pack


def _read_document(file: Path) -> Document:
    """``pack.yaml``, read sealed: a plain file inside the pack's folder, within MAX_BYTES."""
    name = str(file)
    try:
        data = read_pack_file(file.parent, file, MAX_BYTES)
    except Refused as refused:
        if refused.kind == "not_found":
            message = f"there is no {PACK_FILE} here; 'python main.py pack new FOLDER' makes one"
        elif refused.kind == "not_a_file" and refused.detail[0] == "a folder":
            message = "this is a folder, not a file"
        else:
            message = refusal(refused)
        raise PackError([Problem(name, 0, 0, "", message)]) from None
    try:
        return read_yaml(data, name)
    except ScenarioError as error:
        raise PackError([_reworded(problem) for problem in error.problems]) from None


def _reworded(problem: Problem) -> Problem:
    """The YAML reader speaks of scenarios; in a pack, say pack."""
    message = _SCENARIO_WORDING.get(problem.message, problem.message)
    message = message.replace("a scenario is a set of", "a pack is a set of")
    message = message.replace("(id:, title:, rounds:, …)", "(id:, name:, colours:, …)")
    return Problem(problem.file, problem.line, problem.column, problem.path, message)


def _plainer(problem: Problem) -> Problem:
    """A colour in the wrong form gets an example instead of the field's description."""
    marker = " is not in the expected form"
    if problem.path.startswith("colours.") and marker in problem.message:
        value = problem.message.split(marker, 1)[0]
        message = (
            f"{value} is not a colour as the game reads it: write '#' and six hexadecimal "
            "digits, e.g. '#005a9c' (a style guide calls it HEX), in quotes"
        )
        return Problem(problem.file, problem.line, problem.column, problem.path, message)
    return problem


def _folder_problems(pack: Pack, document: Document, game_dir: Path) -> list[Problem]:
    name = str(pack.file)
    problems: list[Problem] = []

    def at(path: tuple[object, ...], field: str, message: str) -> None:
        line, column = document.mark(path)
        problems.append(Problem(name, line, column, field, message))

    content = pack.content
    written = document.data.get("colours") if isinstance(document.data, dict) else None
    for key, value in (written or {}).items() if isinstance(written, dict) else ():
        if value is None:  # `accent: #8fd3ff` without quotes: YAML reads a comment, not a colour
            at(
                ("colours", key),
                f"colours.{key}",
                'no colour here; a colour must be in quotes, e.g. "#005a9c" (without them '
                "everything from '#' on is a comment)",
            )
    accent = pack.accent
    if accent is not None:
        ratio = contrast(accent, GAME_BACKGROUND)
        if ratio < MIN_ACCENT_CONTRAST:
            at(
                ("colours", "accent"),
                "colours.accent",
                f"'{content.colours.accent}' is too dark to read on the game's dark blue "
                f"background (contrast {ratio:.1f} to 1, at least {MIN_ACCENT_CONTRAST:.0f} to 1 "
                "is needed); choose a lighter colour, or leave 'accent' out",
            )
    game_ids = [path.stem for path in _scenario_files(game_dir)]
    own_ids = [path.stem for path in pack.own_scenarios()]
    for clash in sorted(set(own_ids) & set(game_ids)):
        problems.append(
            Problem(
                str(pack.scenario_dir / f"{clash}.yaml"),
                0,
                0,
                "",
                f"the game already has a scenario '{clash}'; give the pack's own scenario "
                "another id (and file name)",
            )
        )
    seen: set[str] = set()
    for index, scenario_id in enumerate(content.scenarios or ()):
        path = ("scenarios", index)
        if scenario_id in seen:
            at(path, f"scenarios[{index + 1}]", f"'{scenario_id}' is listed twice")
        seen.add(scenario_id)
        if scenario_id in own_ids:
            at(
                path,
                f"scenarios[{index + 1}]",
                f"'{scenario_id}' is the pack's own scenario, always included; list only the "
                "game's scenarios here",
            )
        elif scenario_id not in game_ids:
            hint = did_you_mean(scenario_id, game_ids)
            if not hint:
                hint = "; the game has: " + ", ".join(game_ids) if game_ids else ""
            at(path, f"scenarios[{index + 1}]", f"the game has no scenario '{scenario_id}'{hint}")
    return problems


def _logo(folder: Path, logo: str) -> Logo | str:
    """The logo checked and scaled, or why it cannot be used."""
    path = folder / logo
    try:
        return read_logo(read_pack_file(folder, path, MAX_LOGO_BYTES))
    except Refused as refused:
        if refused.kind == "not_found":
            return f"there is no file '{logo}' in the pack's folder ({folder})"
        if refused.kind == "too_large":
            return (
                f"'{logo}' is {refused.detail / 1_048_576:.1f} MB; a logo may be at most "
                f"{MAX_LOGO_BYTES // 1_048_576} MB (save a smaller version, e.g. 400 pixels wide)"
            )
        return f"'{logo}': {refusal(refused, 'logo')}"
    except LogoProblem as problem:
        return f"'{logo}' {problem}"


def _scenario_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def ordered(ids: Iterable[str], order: list[str]) -> list[str]:
    """``ids`` with those in ``order`` first, in that order, then the rest as they came."""
    listed = [i for i in order if i in set(ids)]
    return listed + [i for i in ids if i not in set(order)]
