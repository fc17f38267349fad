"""Warnings for a scenario that loads but will not play as its writer meant (issue 20).

``validate`` prints them under the file's "valid" line; they never fail it. Each says where,
what happens in the game, and what to change.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from game.said import Given, said
from game.scenario.errors import Problem
from game.scenario.models import Scenario
from game.scenario.yamltree import DataPath, Document, path_text

LANGUAGE_NAMES = {"nl": said("Dutch"), "en": said("English")}


def play_warnings(scenario: Scenario, document: Document) -> list[Problem]:
    """Every warning, in the order of the file."""
    found = [
        *_crowded_rounds(scenario, document),
        *_missing_languages(scenario, document),
        *_starting_phases(scenario, document),
        *_long_titles(document),
    ]
    return sorted(found, key=lambda problem: (problem.line, problem.column))


def _warning(document: Document, path: DataPath, message: str) -> Problem:
    line, column = document.mark(path)
    return Problem(
        document.file,
        line,
        column,
        path_text(path, document.data),
        said("warning: {message}", message=message),
    )


def _crowded_rounds(scenario: Scenario, document: Document) -> list[Problem]:
    """More initiatives fixed in one round than a round deals: every fixed one comes anyway."""
    limit = scenario.tuning.max_initiatives_per_round
    counts = Counter(i.round for i in scenario.initiatives if i.round is not None)
    warnings = []
    for round_, count in sorted(counts.items()):
        if count <= limit:
            continue
        fixed = [n for n, i in enumerate(scenario.initiatives) if i.round == round_]
        warnings.append(
            _warning(
                document,
                ("initiatives", fixed[limit], "round"),
                said(
                    "round {round} has {count} initiatives with a fixed round, but a round deals "
                    "at most {limit} (tuning.max_initiatives_per_round): all {count} come "
                    "anyway. Move one to another round, or raise the limit",
                    round=round_,
                    count=count,
                    limit=limit,
                ),
            )
        )
    return warnings


def _missing_languages(scenario: Scenario, document: Document) -> list[Problem]:
    """A text written per language that lacks one of the scenario's languages, or has only a
    language the scenario does not ship."""
    languages = list(scenario.languages)
    warnings = []
    for path, text in _translations(document.data):
        for lang in languages:
            if lang in text:
                continue
            other = next(iter(text))
            warnings.append(
                _warning(
                    document,
                    path,
                    said(
                        "this text has no {language} ({lang}), though 'languages' lists it: "
                        "groups playing in {language} read the {other} text. Add '{lang}: …'",
                        language=LANGUAGE_NAMES[lang],
                        lang=lang,
                        other=LANGUAGE_NAMES[other],
                    ),
                )
            )
            break
    return warnings


def _translations(value: Any, path: DataPath = ()) -> list[tuple[DataPath, dict]]:
    """Every ``{nl: …, en: …}`` text in the file, with its place."""
    if isinstance(value, dict):
        if (
            value
            and set(value) <= set(LANGUAGE_NAMES)
            and all(isinstance(v, str) for v in value.values())
        ):
            return [(path, value)]
        return [found for k, v in value.items() for found in _translations(v, (*path, k))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _translations(v, (*path, i))]
    return []


def _starting_phases(scenario: Scenario, document: Document) -> list[Problem]:
    """A relation set to start in a phase its starting position does not support falls back in
    round 1, and the group sees it drop before it did anything (issue 20)."""
    from game.sim.engine import new_game  # the core's own rule decides
    from game.sim.phases import starting_phase_drops

    warnings = []
    starts = dict(scenario.start.relations.items())
    for relation, why in starting_phase_drops(scenario, new_game(scenario, 0)).items():
        phase = starts[relation].phase
        warnings.append(
            _warning(
                document,
                ("start", "relations", relation.value, "phase"),
                said(
                    "'{relation}' starts in phase '{phase}', but its starting position does not "
                    "hold that phase ({why}), so it falls back a phase in round 1, before the "
                    "group decides anything. Start it a phase lower, or raise what is missing "
                    "under 'start'",
                    relation=relation.value,
                    phase=phase.value if phase is not None else "?",
                    why=Given(why.nl.rstrip("."), why.en.rstrip(".")),
                ),
            )
        )
    return warnings


TITLE_ROOM = 90
"""Characters a title can have and still be read whole on a button, a card's heading and the
debrief's lists at the type sizes the game offers."""


def _long_titles(document: Document) -> list[Problem]:
    """A title too long to read on a button or a card's heading (a 10 kB title loaded without a
    word, issue 20)."""
    warnings = []
    for path, value in _titles(document.data):
        if len(value) > TITLE_ROOM:
            warnings.append(
                _warning(
                    document,
                    path,
                    said(
                        "this title is {count} characters long; a button or a card's heading "
                        "shows about {room} at most: shorten it, and put the rest in the text",
                        count=len(value),
                        room=TITLE_ROOM,
                    ),
                )
            )
    return warnings


def _titles(value: Any, path: DataPath = ()) -> list[tuple[DataPath, str]]:
    """Every title text in the file (each language of a ``{nl: …, en: …}`` title), with its
    place."""
    found: list[tuple[DataPath, str]] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            here = (*path, key)
            if key == "title" and isinstance(inner, str):
                found.append((here, inner))
            elif key == "title" and isinstance(inner, dict):
                found += [((*here, k), v) for k, v in inner.items() if isinstance(v, str)]
            else:
                found += _titles(inner, here)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _titles(inner, (*path, index))
    return found
