"""The scenario's outcome texts in a results file: kept by reference when the game has them.

Each decision's text for the chosen role (and for a best-fitting one) was 42% of a results file:
20 KB of a 12-round game, in both languages, each text once. Since format 2 a file whose
scenario is installed with the game (a shipped scenario, same version) leaves those texts out
and keeps a fingerprint of them instead; a page made from the file takes them from the installed
scenario when its texts give the same fingerprint. A trainer's own scenario (or a changed one)
keeps its texts in the file, so its pages never depend on having the scenario at hand.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from game.saves.migrations import canonical_json

if TYPE_CHECKING:
    from game.results.models import ResultsFile
    from game.scenario.models import Scenario

# (initiative id, chosen role, the best roles) of one decision.
Key = tuple[str, str, tuple[str, ...]]
# The outcome text and the best-fitting role's text, each {"nl": …, "en": …} or None.
Texts = tuple[dict[str, str] | None, dict[str, str] | None]


def decision_texts(scenario: Scenario, key: Key) -> Texts:
    """The scenario's texts for one decision: for the role chosen, and for the first
    best-fitting role that has one when another role was chosen."""
    from game.domain import MunicipalRole

    initiative_id, role, best_roles = key
    initiative = scenario.initiative(initiative_id)
    chosen = initiative.outcomes.for_role(MunicipalRole(role))
    best = None
    if role not in best_roles:
        for other in best_roles:
            text = initiative.outcomes.for_role(MunicipalRole(other))
            if text is not None:
                best = text
                break
    return (_words(chosen), _words(best))


def _words(text: Any) -> dict[str, str] | None:
    if text is None:
        return None
    pair = text.pair()
    return {"nl": pair.nl, "en": pair.en}


def fingerprint(keys: list[Key], texts: list[Texts]) -> str:
    """One checksum of every decision's texts, in the order of the decisions."""
    rows = [
        [list(key[:2]), list(key[2]), list(text)] for key, text in zip(keys, texts, strict=True)
    ]
    return "sha256:" + hashlib.sha256(canonical_json({"texts": rows})).hexdigest()


def installed_texts(scenario_id: str, version: str, keys: tuple[Key, ...]) -> list[Texts] | None:
    """The texts for ``keys`` from the installed scenario of that id and version; None when it
    is not installed (a trainer's own file), has another version or lacks an initiative.
    Read afresh each time: the file may have been edited since."""
    from game.saves import find_installed_scenario
    from game.scenario.errors import ScenarioError

    try:
        scenario = find_installed_scenario(scenario_id)
        if scenario is None or scenario.version != version:
            return None
        return [decision_texts(scenario, key) for key in keys]
    except (ScenarioError, OSError, KeyError, ValueError):
        return None


def keys_of(results: ResultsFile) -> tuple[Key, ...]:
    return tuple(
        (d.initiative, d.role.value, tuple(r.value for r in d.best_roles))
        for record in results.rounds
        for d in record.decisions
    )


def with_texts(results: ResultsFile) -> tuple[ResultsFile, bool]:
    """``results`` with every decision's texts in it, and whether they could be had: a file
    that keeps its texts has them; one that refers to its scenario gets them from the
    installed scenario when the fingerprint agrees, else stays without (False)."""
    wanted = results.scenario.texts_fingerprint
    if wanted is None:
        return results, True
    keys = keys_of(results)
    found = installed_texts(results.scenario.id, results.scenario.version, keys)
    if found is None or fingerprint(list(keys), found) != wanted:
        return results, False
    from game.results.models import Words

    filled = iter(found)
    rounds = []
    for record in results.rounds:
        decisions = []
        for decision in record.decisions:
            outcome, best = next(filled)
            decisions.append(
                decision.model_copy(
                    update={
                        "outcome_text": None if outcome is None else Words(**outcome),
                        "best_text": None if best is None else Words(**best),
                    }
                )
            )
        rounds.append(record.model_copy(update={"decisions": decisions}))
    return results.model_copy(update={"rounds": rounds}), True
