"""Results files: made from a game, written atomically, read back with every check.

Reading never trusts the file: it may come from another laptop, a USB stick, an older or newer
game, or be something else named ``*.json``. Whatever is wrong ends in a ``ResultsError`` with
the reason in Dutch and English, so a comparison lists the file with its reason and goes on.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.domain import OrganisationKind
from game.results.errors import ResultsError, control_character, file_problem, not_results
from game.results.models import DEFAULT_LENGTH, FORMAT_NAME, FORMAT_VERSION, LENGTHS, ResultsFile
from game.results.texts import Key, decision_texts, fingerprint, installed_texts
from game.saves.atomic import write_atomic
from game.saves.codec import first_problem, game_version
from game.saves.migrations import document_checksum
from game.saves.names import clean_name, has_forbidden, slug
from game.saves.reading import read_regular
from game.scenario.models import Scenario
from game.sim.facilitator import ended_early, skipped_rounds
from game.sim.score import line_strengths, score, weakest_line
from game.sim.state import GameState, InitiativeOutcome, RoundRecord

# A 40-round game's results are a few hundred kilobytes; nothing sensible is larger.
MAX_RESULTS_BYTES = 4 * 1024 * 1024
MAX_NUMBER_CHARS = 40
MAX_DEPTH = 20
PREFIX = "results-"


def _from_format_1(document: dict[str, Any]) -> dict[str, Any]:
    """Format 1 kept every text in the file, as format 2 does for a trainer's own scenario."""
    return {**document, "format_version": 2}


# Upgrades from older results formats, version N to N+1.
MIGRATIONS: dict[int, Any] = {1: _from_format_1}


# --- making ---------------------------------------------------------------------------------------


def _words(pair: Any) -> dict[str, str]:
    return {"nl": pair.nl, "en": pair.en}


def build_results(
    state: GameState,
    scenario: Scenario,
    team: str,
    game_id: str,
    length: str = DEFAULT_LENGTH,
    created: datetime | None = None,
) -> dict[str, Any]:
    """The results document of ``state``: finished, or as far as it got (written on request)."""
    if state.scenario_id != scenario.id:
        raise ResultsError(
            "wrong_scenario",
            f"This game is of scenario '{state.scenario_id}', not '{scenario.id}'.",
            f"Dit spel hoort bij scenario '{state.scenario_id}', niet bij '{scenario.id}'.",
        )
    if length not in LENGTHS:
        raise ValueError(f"unknown workshop length {length!r}")
    team = clean_name(team, 80) or "Team"
    skipped = set(skipped_rounds(state))
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "game_version": game_version(),
        "created": (created or datetime.now(UTC)).isoformat(),
        "game_id": game_id,
        "team": team,
        "scenario": _scenario_part(scenario),
        "seed": state.seed,
        "length": length,
        "finished": state.finished,
        "ended_early": ended_early(state),
        "rounds_played": len(state.history),
        "rounds": [_round_part(record, scenario, skipped) for record in state.history],
        "final": _final_part(state, scenario.organisation.kind),
        "recommendations": _recommendations_part(scenario),
        "interventions": [i.to_dict() for i in state.interventions],
    }
    _texts_by_reference(document, scenario)
    document["checksum"] = document_checksum(document)
    return document


def _scenario_part(scenario: Scenario) -> dict[str, Any]:
    """What a comparison or report needs to know of the scenario, without having it."""
    return {
        "id": scenario.id,
        "version": scenario.version,
        "title": _words(scenario.title.pair()),
        "organisation": _words(scenario.organisation.name.pair()),
        "kind": scenario.organisation.kind.value,
        "rounds": scenario.rounds,
        "round_name": _words(scenario.round_name.pair()) if scenario.round_name else None,
    }


def _round_part(record: RoundRecord, scenario: Scenario, skipped: set[int]) -> dict[str, Any]:
    """One round: its news, decisions and actions, and where the game stood after it."""
    return {
        "round": record.round,
        "events": [
            {"id": e, "name": _words(scenario.event(e).title.pair())} for e in record.events
        ],
        "decisions": [_decision_part(outcome, scenario) for outcome in record.outcomes],
        "actions": [
            {"id": a, "name": _words(scenario.action(a).title.pair())}
            for a in record.decisions.actions
        ],
        "skipped": record.round in skipped,
        "indicators": {k.value: round(v, 3) for k, v in record.indicators.items()},
        "relation_phase": {k.value: v.value for k, v in record.relation_phase.items()},
        "relation_interaction": {
            k.value: round(v, 3) for k, v in record.relation_interaction.items()
        },
        "fit_record": round(record.fit_record, 3),
        "phase": record.phase.value,
        "stage": record.stage.value,
    }


def _decision_part(outcome: InitiativeOutcome, scenario: Scenario) -> dict[str, Any]:
    """One decision with its fit and verdict, and the scenario's texts for it and the best role."""
    initiative = scenario.initiative(outcome.initiative)
    outcome_text, best_text = decision_texts(scenario, _key(outcome))
    return {
        "initiative": outcome.initiative,
        "title": _words(initiative.title.pair()),
        "owner": initiative.owner.value,
        "relation": outcome.relation.value,
        "role": outcome.role.value,
        "best_roles": [r.value for r in outcome.best_roles],
        "fit": round(min(1.0, max(0.0, outcome.fit)), 4),
        "channels": [
            {"id": c, "name": _words(scenario.channel(c).name.pair())} for c in outcome.channels
        ],
        "channel_fit": None
        if outcome.channel_fit is None
        else round(min(1.0, max(0.0, outcome.channel_fit)), 4),
        "prediction": None if outcome.prediction is None else outcome.prediction.value,
        "verdict": outcome.verdict.value,
        "succeeded": outcome.succeeded,
        "outcome_text": outcome_text,
        "best_text": best_text,
    }


def _key(outcome: InitiativeOutcome) -> Key:
    return (outcome.initiative, outcome.role.value, tuple(r.value for r in outcome.best_roles))


def _texts_by_reference(document: dict[str, Any], scenario: Scenario) -> None:
    """Leave the outcome texts out when the installed scenario gives the very same ones
    (``game.results.texts``): the file keeps their fingerprint instead."""
    decisions = [d for record in document["rounds"] for d in record["decisions"]]
    keys = [(d["initiative"], d["role"], tuple(d["best_roles"])) for d in decisions]
    texts = [(d["outcome_text"], d["best_text"]) for d in decisions]
    installed = installed_texts(scenario.id, scenario.version, tuple(keys))
    if installed is None or installed != texts:
        return
    document["scenario"]["texts_fingerprint"] = fingerprint(keys, texts)
    for decision in decisions:
        del decision["outcome_text"], decision["best_text"]


def _final_part(state: GameState, kind: OrganisationKind) -> dict[str, Any]:
    """Where the game ended: phase, stage, lines, predictions and the score with its parts;
    the title in the organisation's words, so every page made from the file says them."""
    card = score(state, kind)
    strengths = line_strengths(state)
    return {
        "phase": state.phase.value,
        "stage": state.stage.value,
        "relation_phase": {k.value: v.value for k, v in state.relation_phase.items()},
        "ambition": {k.value: v.value for k, v in state.ambition.items()},
        "indicators": {k.value: round(v, 3) for k, v in state.indicators.items()},
        "lines": {k.value: round(v, 3) for k, v in strengths.items()},
        "weakest_line": weakest_line(state).value,
        "fit_rate": round(state.fit_rate, 4),
        "decisions": state.decisions_total,
        "decisions_fitting": state.decisions_fitting,
        "predictions_made": state.predictions_made,
        "predictions_right": state.predictions_right,
        "prediction_rate": None
        if state.prediction_rate is None
        else round(state.prediction_rate, 4),
        "score": {
            "total": card.total,
            "phase_points": round(card.phase_points, 2),
            "stage_points": round(card.stage_points, 2),
            "trust_points": round(card.trust_points, 2),
            "energy_points": round(card.energy_points, 2),
            "fit_points": round(card.fit_points, 2),
            "channel_points": round(card.channel_points, 2),
            "prediction_points": round(card.prediction_points, 2),
            "title": _words(card.title),
        },
    }


def _recommendations_part(scenario: Scenario) -> dict[str, Any]:
    """The scenario's own advice per weakest line (None where it gives none)."""
    advice = scenario.recommendations
    return {
        line: (None if text is None else _words(text.pair()))
        for line, text in (
            ("interaction", advice.interaction),
            ("initiative_ownership", advice.initiative_ownership),
            ("organisation_ownership", advice.organisation_ownership),
        )
    }


def results_name(team: str, game_id: str) -> str:
    """``results-<team>-<game id>.json``: one file per game, whatever the team is called."""
    readable = slug(team)
    return f"{PREFIX}{readable + '-' if readable else ''}{game_id}.json"


def encode(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, a line per part and per round: trainers open these files too, and indenting
    every value made a file a quarter bigger (issue 22)."""

    def packed(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    lines = []
    for key, value in document.items():
        if key == "rounds" and value:
            inner = ",\n  ".join(packed(record) for record in value)
            lines.append(f" {packed(key)}: [\n  {inner}\n ]")
        else:
            lines.append(f" {packed(key)}: {packed(value)}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def write_results(path: Path, document: dict[str, Any]) -> Path:
    """Write ``document`` to ``path`` atomically (the previous file is kept as ``.bak``)."""
    if path.is_dir():
        raise ResultsError(
            "is_folder",
            f"{path} is a folder; give a file name.",
            f"{path} is een map; geef een bestandsnaam.",
            path,
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, encode(document))
    except OSError as error:
        reason = error.strerror or str(error)
        raise ResultsError(
            "write_failed",
            f"The results could not be written in {path.parent} ({reason}).",
            f"De resultaten konden niet worden opgeslagen in {path.parent} ({reason}).",
            path,
        ) from error
    return path


def write_game_results(
    folder: Path,
    state: GameState,
    scenario: Scenario,
    team: str,
    game_id: str,
    length: str = DEFAULT_LENGTH,
) -> Path:
    """Write this game's results file into ``folder`` (made if needed); returns its path."""
    document = build_results(state, scenario, team, game_id, length)
    return write_results(folder / results_name(document["team"], game_id), document)


# --- reading --------------------------------------------------------------------------------------


def read_results(path: Path) -> ResultsFile:
    """The checked results file at ``path``; ``ResultsError`` with the reason otherwise."""
    raw = _read_bounded(path)
    try:
        return decode(raw)
    except ResultsError as error:
        error.path = path
        raise
    except (ValueError, TypeError, LookupError, ArithmeticError, RecursionError) as error:
        raise ResultsError(
            "damaged",
            f"This results file is damaged ({type(error).__name__}).",
            f"Dit resultatenbestand is beschadigd ({type(error).__name__}).",
            path,
        ) from error


def _read_bounded(path: Path) -> bytes:
    raw, _ = read_regular(
        path,
        MAX_RESULTS_BYTES,
        lambda kind, detail: file_problem(kind, detail, path, MAX_RESULTS_BYTES),
    )
    return raw


def _bounded(kind: type) -> Any:
    def parse(digits: str) -> Any:
        if len(digits) > MAX_NUMBER_CHARS:
            raise ResultsError(
                "damaged",
                "This results file holds a number far longer than the game writes.",
                "Dit resultatenbestand bevat een getal dat veel langer is dan het spel schrijft.",
            )
        return kind(digits)

    return parse


def _no_constant(name: str) -> Any:
    raise ResultsError(
        "damaged",
        f"This results file holds {name}, which is not a number the game writes.",
        f"Dit resultatenbestand bevat {name}, en dat is geen getal dat het spel schrijft.",
    )


def decode(raw: bytes) -> ResultsFile:
    """Check ``raw`` and bring it to the current format; ``ResultsError`` with the reason."""
    document = _parse(raw)
    _check_tree(document)
    version = _check_format(document)
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    try:
        return ResultsFile.model_validate(document)
    except ValidationError as error:
        where, what = first_problem(error)
        raise ResultsError(
            "invalid",
            f"This results file is damaged: {where}: {what}.",
            f"Dit resultatenbestand is beschadigd: {where}: {what}.",
        ) from error


def _parse(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``, its numbers bounded; a reason when it is none."""
    if not raw.strip():
        raise ResultsError(
            "truncated",
            "This results file is empty (cut off while it was written?).",
            "Dit resultatenbestand is leeg (afgebroken tijdens het opslaan?).",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise not_results(" (it is not text)", " (het is geen tekst)") from error
    try:
        document = json.loads(
            text,
            parse_int=_bounded(int),
            parse_float=_bounded(float),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise ResultsError(
                "truncated",
                "This results file stops in the middle.",
                "Dit resultatenbestand houdt halverwege op.",
            ) from error
        raise ResultsError(
            "damaged",
            f"This results file is damaged (line {error.lineno}: {error.msg}).",
            f"Dit resultatenbestand is beschadigd (regel {error.lineno}: {error.msg}).",
        ) from error
    if not isinstance(document, dict):
        raise not_results()
    return document


def _check_format(document: dict[str, Any]) -> int:
    """The document's format version, once it is a results file this game reads, unchanged."""
    if document.get("format") == "netwerkende-gemeente-save":
        raise not_results(
            " but a save; use 'report' to make a report of a save",
            " maar een opgeslagen spel; maak daar een verslag van met 'report'",
        )
    if document.get("format") != FORMAT_NAME:
        raise not_results()
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise not_results(" (no format version)", " (geen formaatversie)")
    if version > FORMAT_VERSION:
        raise ResultsError(
            "newer_format",
            f"This results file was made by a newer version of the game (format {version}; "
            f"this game reads up to {FORMAT_VERSION}). Update the game to read it.",
            f"Dit resultatenbestand is gemaakt met een nieuwere versie van het spel (formaat "
            f"{version}; deze versie kan tot en met formaat {FORMAT_VERSION} lezen). Werk het "
            "spel bij.",
        )
    if document.get("checksum") != document_checksum(document):
        raise ResultsError(
            "checksum",
            "This results file does not match its checksum: it was changed after it was "
            "written (edited by hand, or damaged).",
            "Het controlegetal van dit resultatenbestand klopt niet: het bestand is na het "
            "opslaan veranderd (met de hand bewerkt, of beschadigd).",
        )
    return version


def _check_tree(document: dict[str, Any]) -> None:
    """No nesting deeper than the format has, no control characters (a stack, not recursion)."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise ResultsError(
                    "damaged",
                    "This results file is nested too deeply.",
                    "Dit resultatenbestand is te diep genest.",
                )
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and has_forbidden(key):
                    raise control_character()
                stack.append((item, depth + 1))
        elif isinstance(value, str) and has_forbidden(value):
            raise control_character()
