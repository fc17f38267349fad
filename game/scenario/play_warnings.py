"""Warnings for a scenario that loads but will not play as its writer meant (issue 20).

``validate`` prints them under the file's "valid" line; they never fail it. Each says where,
what happens in the game, and what to change.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from game.said import said
from game.scenario.errors import Problem
from game.scenario.models import Scenario
from game.scenario.yamltree import DataPath, Document, path_text

LANGUAGE_NAMES = {"nl": said("Dutch"), "en": said("English")}


def play_warnings(scenario: Scenario, document: Document) -> list[Problem]:
    """Every warning, in the order of the file."""
    found = [*_crowded_rounds(scenario, document), *_missing_languages(scenario, document)]
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
