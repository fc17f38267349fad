"""The comparison page: the teams side by side, the news each team had, and the files left out,
as one self-contained HTML page (the same templates and words as the report)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from game.domain import CitizenRelation, Language
from game.labels import label
from game.packs import Pack
from game.results import charts
from game.results.compare import Comparison, InitiativeRow, NewsRow
from game.results.models import ResultsFile
from game.results.report import (
    _length,
    _percent,
    _relations,
    _roles,
    branding,
    environment,
    rounds_total,
    texts,
)
from game.saves.codec import game_version
from game.sim.fit import fit_class


def compare_context(comparison: Comparison, lang: Language, pack: Pack | None) -> dict[str, Any]:
    """Everything the comparison template shows, worked out and in ``lang``."""
    reference = comparison.reference
    t = texts(lang, reference.scenario.kind if reference is not None else None)
    teams = [(team.name, team.results) for team in comparison.teams]
    relations = _relations(reference) if reference is not None else []
    return {
        "lang": lang,
        "t": t,
        "brand": branding(pack, lang),
        "scenario_title": reference.scenario.title.get(lang) if reference else "",
        "organisation": reference.scenario.organisation.get(lang) if reference else "",
        "seed": reference.seed if reference else "",
        "length": _length(reference.length, t) if reference else "",
        "teams": [_team_column(name, r, relations, lang) for name, r in teams],
        "relations": [label(rel, lang) for rel in relations],
        "chart_scores": charts.scores_chart(teams, t) if teams else "",
        "chart_growth": charts.growth_chart(teams, lang, t) if teams else "",
        "rows": [_initiative_row(row, lang) for row in comparison.initiative_rows()],
        "news": [_news_row(row, t, lang) for row in comparison.news_rows()],
        "same_news": comparison.same_news,
        "left_out": [
            {"file": item.path.name or str(item.path), "reason": item.explain(lang)}
            for item in comparison.left_out
        ],
        "version": game_version(),
        "made": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
    }


def _team_column(
    name: str, r: ResultsFile, relations: list[CitizenRelation], lang: Language
) -> dict[str, Any]:
    """One team's result: score, title, phase and stage, fit, predictions, phase per relation."""
    return {
        "name": name,
        "score": r.final.score.total,
        "title": r.final.score.title.get(lang),
        "phase": label(r.final.phase, lang),
        "phase_level": r.final.phase.level,
        "stage": label(r.final.stage, lang),
        "fit": _percent(r.final.fit_rate),
        "predicted": "–"
        if not r.final.predictions_made
        else f"{r.final.predictions_right}/{r.final.predictions_made}",
        "rounds": f"{r.rounds_played}/{total}"
        if (total := rounds_total(r))
        else str(r.rounds_played),
        "ended_early": r.ended_early,
        "relations": [
            {
                "name": label(r.final.relation_phase[rel], lang),
                "level": r.final.relation_phase[rel].level,
            }
            if rel in r.final.relation_phase
            else None
            for rel in relations
        ],
    }


def _initiative_row(row: InitiativeRow, lang: Language) -> dict[str, Any]:
    """One initiative across the teams: the best roles, and each team's choice (or none)."""
    return {
        "round": row.round,
        "title": row.title(lang),
        "best": _roles(row.best_roles, lang),
        "cells": [
            None
            if choice is None
            else {
                "role": label(choice.role, lang),
                "fits": choice.role in choice.best_roles,
                "fit_class": fit_class(choice.role, choice.fit, tuple(choice.best_roles)).value,
                "stumbled": not choice.succeeded,
            }
            for choice in row.choices
        ],
        "differed": row.differed,
    }


def _news_row(row: NewsRow, t: dict[str, str], lang: Language) -> dict[str, Any]:
    """One piece of news across the teams: brought in, from the game, not had, not reached."""
    return {
        "round": row.round,
        "title": row.title(lang),
        "cells": [{"kind": cell.value, "text": t[f"news_{cell.value}"]} for cell in row.cells],
        "differed": row.unequal,
    }


def compare_html(comparison: Comparison, lang: Language, pack: Pack | None = None) -> str:
    """The teams side by side, as one self-contained HTML page."""
    context = compare_context(comparison, lang, pack)
    charts.one_style(context, ("chart_scores", "chart_growth"))
    return charts.unindented(environment().get_template("compare.html.j2").render(context))
