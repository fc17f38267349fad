"""The pages a workshop takes home: a team's debrief report and the comparison of teams.

Each is one self-contained HTML file: the styles, the charts (SVG, ``game.results.charts``) and
the organisation's logo (a data URI) are inside, so it opens offline in any browser, asks
nothing from the internet, and prints on A4. The layout is in Jinja2 templates
(``templates/``), the words in ``report_texts.yaml`` in Dutch and English; this module only
gathers what the templates show. The language is the game's setting (``--lang`` for the
commands).
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

from game.domain import (
    Bilingual,
    CitizenRelation,
    GrowthPhase,
    InitiativeOwner,
    Language,
    MunicipalRole,
    OrganisationKind,
    Prediction,
)
from game.labels import label, org_words, owner_label, score_title
from game.packs import Pack
from game.results import charts
from game.results.models import DecisionResult, ResultsFile, RoundResult
from game.results.texts import with_texts
from game.saves.codec import game_version
from game.scenario.models.tuning import Tuning
from game.sim.channel_preview import percent
from game.sim.compiled import CompiledRules
from game.sim.effects import RELATION_PHRASES, rendered
from game.sim.fit import fit_class
from game.sim.phases import WEAKEST_BEHIND, WEAKEST_FROM, relations_needed
from game.sim.rules import compile_rules

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
TEXTS_FILE = HERE / "report_texts.yaml"
# A larger logo is left out rather than making the page heavy (a last guard: packs scale theirs).
MAX_LOGO_BYTES = 2 * 1024 * 1024
DEFAULT_ACCENT = (0, 84, 147)
DEFAULT_BAND = (0, 60, 110)


@cache
def _all_texts() -> dict[str, dict[str, str]]:
    with TEXTS_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    for key, value in data.items():
        # A comma in an unquoted flow mapping ({nl: a, b, en: c}) silently makes extra keys.
        if not isinstance(value, dict) or set(value) != {"nl", "en"}:
            raise ValueError(f"{TEXTS_FILE.name}: '{key}' must have exactly 'nl' and 'en'")
    return {key: {"nl": str(value["nl"]), "en": str(value["en"])} for key, value in data.items()}


def texts(lang: Language, kind: OrganisationKind | None = None) -> dict[str, str]:
    """Every page text in ``lang``, naming the organisation as ``kind`` calls it: {org} is
    "het waterschap", {Org} the same at a sentence's start, {networking} "netwerkend
    waterschap". Without a kind (a results file from before issue 20), a municipality's."""
    words = org_words(kind, lang)
    networking = score_title(_NETWORKING, kind, lang)
    names = {"{org}": words.org, "{Org}": words.Org, "{networking}": networking}
    shown = {}
    for key, value in _all_texts().items():
        text = value[lang]
        for name, word in names.items():
            text = text.replace(name, word)
        shown[key] = text
    return shown


# What a page calls the organisation all of this is about, in a municipality's words.
_NETWORKING = Bilingual("netwerkende gemeente", "networking municipality")


@cache
def environment() -> jinja2.Environment:
    """Templates from the package's folder; a missing value is an error, never a blank."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


# --- branding -----------------------------------------------------------------------------------


def _luminance(colour: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _on_paper(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """The colour, darkened until text in it reads on white (4.5:1): a pack's accent is chosen
    for the game's dark screen, and may be too light for paper."""
    while _contrast(colour, (255, 255, 255)) < 4.5:
        colour = (round(colour[0] * 0.85), round(colour[1] * 0.85), round(colour[2] * 0.85))
    return colour


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def _logo(pack: Pack | None) -> str | None:
    """The pack's logo as a data URI: the one it was checked and scaled to when it was loaded,
    never read again from its folder. None without one."""
    logo = pack.logo if pack is not None else None
    if logo is None or len(logo.data) > MAX_LOGO_BYTES:
        return None
    return f"data:{logo.mime};base64,{base64.b64encode(logo.data).decode('ascii')}"


def branding(pack: Pack | None, lang: Language) -> dict[str, Any]:
    """What the page header shows: the organisation's name, tagline, logo and colours."""
    band = pack.band if pack is not None and pack.band else DEFAULT_BAND
    accent = pack.accent if pack is not None and pack.accent else DEFAULT_ACCENT
    band_text = "#000000" if _luminance(band) > 0.4 else "#ffffff"
    return {
        "name": pack.name.get(lang) if pack is not None else texts(lang)["app_name"],
        "tagline": pack.tagline.get(lang) if pack is not None and pack.tagline else "",
        "logo": _logo(pack),
        "band": _hex(band),
        "band_text": band_text,
        "accent": _hex(_on_paper(accent)),
        "branded": pack is not None,
    }


# --- the debrief report -------------------------------------------------------------------------


def _length(value: str, t: dict[str, str]) -> str:
    return t.get(f"length_{value}", value)


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def _channel_percent(fit: float | None) -> str:
    """A channel fit as the decision card and the outcome's story round it (0.425 is 43%)."""
    return "–" if fit is None else f"{percent(fit)}%"


def _prediction(value: Prediction | None, t: dict[str, str]) -> str:
    return t["no_prediction"] if value is None else t[f"prediction_{value.value}"]


def _roles(roles: list[MunicipalRole] | tuple[MunicipalRole, ...], lang: Language) -> str:
    return ", ".join(label(r, lang) for r in roles)


def _relations(results: ResultsFile) -> list[CitizenRelation]:
    first = results.rounds[0].relation_phase if results.rounds else results.final.relation_phase
    return list(first)


def _intervention_rows(results: ResultsFile, t: dict[str, str], lang: Language) -> list[dict]:
    rows = []
    names = {e.id: e.name.get(lang) for r in results.rounds for e in r.events}
    for step in results.interventions:
        kind, detail = step.kind.value, step.subject
        if kind == "timer" and detail.isdigit():
            detail = t["minutes"].format(n=round(int(detail) / 60))
        elif kind == "inject":
            detail = names.get(detail, detail)
        elif detail:  # a fixed word in the save ("one", "all", "stop"): worded, never raw
            detail = t.get(f"step_{kind}_{detail}", "")
        rows.append({"round": step.round, "what": t[f"step_{kind}"], "detail": detail})
    return rows


def report_context(results: ResultsFile, lang: Language, pack: Pack | None) -> dict[str, Any]:
    """Everything the report template shows, worked out and in ``lang``."""
    results, have_texts = with_texts(results)
    kind = results.scenario.kind
    t = texts(lang, kind)
    final = results.final
    weakest = final.weakest_line
    own_advice = getattr(results.recommendations, weakest)
    score = final.score
    return {
        "lang": lang,
        "t": t,
        "brand": branding(pack, lang),
        "team": results.team,
        "scenario_title": results.scenario.title.get(lang),
        "organisation": results.scenario.organisation.get(lang),
        "seed": results.seed,
        "length": _length(results.length, t),
        "rounds_played": results.rounds_played,
        "rounds_text": _rounds_text(results, t),
        "held_back": held_back_text(results, lang),
        "texts_elsewhere": None
        if have_texts
        else t["texts_elsewhere"].format(
            scenario=results.scenario.id, version=results.scenario.version
        ),
        "finished": results.finished,
        "ended_early": results.ended_early,
        "created": results.created.astimezone().strftime("%Y-%m-%d %H:%M"),
        "game_id": results.game_id,
        "score": score.total,
        "score_title": score.title.get(lang),
        "score_parts": [
            (t["part_phase"], score.phase_points, 300),
            (t["part_stage"], score.stage_points, 100),
            (t["part_trust"], score.trust_points, 100),
            (t["part_energy"], score.energy_points, 100),
            (t["part_fit"], score.fit_points, 200),
            (t["part_channels"], score.channel_points, 100),
            (t["part_prediction"], score.prediction_points, 100),
        ],
        "phase": label(final.phase, lang),
        "phase_level": final.phase.level,
        "stage": label(final.stage, lang),
        "stage_level": final.stage.level,
        "fit_share": t["fit_share"].format(share=_percent(final.fit_rate)),
        "predictions": _predictions(results, t),
        "rounds_header": [r.round for r in results.rounds],
        "grid": _phase_grid(results, lang),
        "aims": bool(final.ambition),
        "chart_lines": charts.lines_chart(results, t) if results.rounds else "",
        "chart_indicators": charts.indicators_chart(results, lang, t) if results.rounds else "",
        "rounds": [_round_rows(record, t, lang, kind) for record in results.rounds],
        "lines": [
            {"name": t[f"line_{line}"], "value": round(value), "weakest": line == weakest}
            for line, value in final.lines.items()
        ],
        "weakest": t["weakest_line"].format(line=t[f"line_{weakest}"]),
        "advice": t[f"advice_{weakest}"],
        "own_advice": charts.words(own_advice, lang),
        "phases": [(label(p, lang), t[f"model_phase_{p.value}"]) for p in GrowthPhase],
        "model_lines": [(t[f"line_{line}"], t[f"model_line_{line}"]) for line in charts.LINES],
        "roles": [(label(r, lang), t[f"model_role_{r.value}"]) for r in MunicipalRole],
        "interventions": _intervention_rows(results, t, lang),
        "version": game_version(),
        "made": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
    }


# --- the rounds and what held the phase back ------------------------------------------------


@cache
def _played_rules(scenario_id: str, version: str, length: str) -> CompiledRules | None:
    """The rules of the game as it was played: the installed scenario of the same id and
    version, at the workshop length. None when it is not installed (a trainer's own file) or
    has changed since."""
    from game.saves import find_installed_scenario
    from game.scenario.errors import ScenarioError
    from game.sim.length import played_scenario

    try:
        whole = find_installed_scenario(scenario_id)
    except (ScenarioError, OSError):
        return None
    if whole is None or whole.version != version:
        return None
    return compile_rules(played_scenario(whole, length))


def _rules_of(results: ResultsFile) -> CompiledRules | None:
    facts = results.scenario
    return _played_rules(facts.id, facts.version, results.length)


def rounds_total(results: ResultsFile) -> int | None:
    """How many rounds the game had at the length it was played: the rounds played when it
    ran to its end; else the length's rounds, when the scenario is known (the file records
    the whole scenario's rounds, which a short game never plays). None when not known."""
    if results.finished and not results.ended_early:
        return results.rounds_played
    if results.length == "full":
        return results.scenario.rounds
    rules = _rules_of(results)
    return None if rules is None else rules.rounds


def _rounds_text(results: ResultsFile, t: dict[str, str]) -> str:
    total = rounds_total(results)
    played = str(results.rounds_played)
    return played if total is None else f"{played} {t['of']} {total}"


def held_back_text(results: ResultsFile, lang: Language) -> str | None:
    """What held the overall phase back at the end, by the rule that makes it
    (``phases.overall_level``, as the debrief says it with ``review.held_back``): too few
    relations in the next phase, one left too far behind for collaborating, or the
    organisation as a whole. None in the highest phase.

    The relations the phase follows are the played scenario's (``relations_in_play``); for a
    scenario that is not installed, the relations the game's decisions met.
    """
    final = results.final
    above = final.phase.level + 1
    if above > len(GrowthPhase):
        return None
    t = texts(lang, results.scenario.kind)
    rules = _rules_of(results)
    if rules is not None:
        playing = [r for r in final.relation_phase if r in rules.core_relations]
        majority = rules.tuning.phase_majority
    else:
        met = {d.relation for r in results.rounds for d in r.decisions}
        playing = [r for r in final.relation_phase if r in met]
        majority = Tuning().phase_majority
    levels = {r: final.relation_phase[r].level for r in playing}
    needed = relations_needed(majority, len(levels))
    below = {r: level for r, level in levels.items() if level < above}
    phases = tuple(GrowthPhase)

    def named(level: int) -> tuple[str, str]:
        lagging = tuple(RELATION_PHRASES[r] for r, held in levels.items() if held == level)
        return rendered(lagging, lang), label(phases[level - 1], lang)

    if below and len(levels) - len(below) < needed:
        relations, phase = named(min(below.values()))
        return t["held_back_few"].format(
            next=label(phases[above - 1], lang),
            count=len(levels) - len(below),
            needed=needed,
            relations=relations,
            phase=phase,
        )
    if above >= WEAKEST_FROM and any(v < above - WEAKEST_BEHIND for v in levels.values()):
        lowest = min(levels.values())
        relations, phase = named(lowest)
        many = sum(1 for v in levels.values() if v == lowest) > 1
        key = "held_back_behind_many" if many else "held_back_behind"
        return t[key].format(relations=relations, phase=phase)
    return t["held_back_whole"]


def _predictions(results: ResultsFile, t: dict[str, str]) -> str | None:
    """How many predictions came true, in words; None when the team made none."""
    final = results.final
    if not final.predictions_made:
        return None
    return t["predictions_right"].format(
        right=final.predictions_right,
        made=final.predictions_made,
        rate=_percent(final.prediction_rate),
    )


def _phase_grid(results: ResultsFile, lang: Language) -> list[dict[str, Any]]:
    """Per citizen relation: its growth phase in every round, and where it ended."""
    final = results.final
    return [
        {
            "name": label(relation, lang),
            "cells": [
                {
                    "level": r.relation_phase[relation].level,
                    "name": label(r.relation_phase[relation], lang),
                }
                for r in results.rounds
                if relation in r.relation_phase
            ],
            "final": label(final.relation_phase.get(relation, final.phase), lang),
            "final_level": final.relation_phase.get(relation, final.phase).level,
            # The group's aim before round 1, and whether the relation reached it.
            "aim": final.ambition[relation].level if relation in final.ambition else None,
            "aim_name": label(final.ambition[relation], lang) if relation in final.ambition else "",
            "aim_reached": relation in final.ambition
            and final.relation_phase.get(relation, final.phase).level
            >= final.ambition[relation].level,
        }
        for relation in _relations(results)
    ]


def _round_rows(
    record: RoundResult, t: dict[str, str], lang: Language, kind: OrganisationKind | None
) -> dict[str, Any]:
    """One round of the report: its news, actions and every decision against the best fit."""
    return {
        "round": record.round,
        "events": [e.name.get(lang) for e in record.events],
        "actions": [a.name.get(lang) for a in record.actions],
        "skipped": record.skipped,
        "decisions": [_decision_row(d, t, lang, kind) for d in record.decisions],
    }


def _decision_row(
    d: DecisionResult, t: dict[str, str], lang: Language, kind: OrganisationKind | None
) -> dict[str, Any]:
    """One decision: the role chosen and the best ones, channels, prediction and outcome texts;
    the organisation's own initiatives are its own ("waterschap"), not a municipality's."""
    return {
        "title": d.title.get(lang),
        "relation": label(d.relation, lang),
        "owner": owner_label(InitiativeOwner(d.owner), kind, lang),
        "role": label(d.role, lang),
        "fit": _percent(d.fit),
        "fits": d.role in d.best_roles,
        "fit_class": fit_class(d.role, d.fit, tuple(d.best_roles)).value,
        "best": _roles(d.best_roles, lang),
        "channels": ", ".join(c.name.get(lang) for c in d.channels) or t["no_channels"],
        "channel_fit": _channel_percent(d.channel_fit),
        "prediction": _prediction(d.prediction, t),
        "verdict": _prediction(d.verdict, t),
        "predicted_right": None if d.prediction is None else d.prediction == d.verdict,
        "succeeded": d.succeeded,
        "outcome_text": charts.words(d.outcome_text, lang),
        "best_text": charts.words(d.best_text, lang),
    }


def report_html(results: ResultsFile, lang: Language, pack: Pack | None = None) -> str:
    """The debrief report of one team, as one self-contained HTML page."""
    context = report_context(results, lang, pack)
    charts.one_style(context, ("chart_lines", "chart_indicators"))
    return charts.unindented(environment().get_template("report.html.j2").render(context))


# --- the comparison -----------------------------------------------------------------------------


def write_page(path: Path, html: str) -> Path:
    """Write a page atomically (a half-written report never opens in a browser)."""
    from game.saves.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, html.encode("utf-8"), keep_backup=False)
    return path
