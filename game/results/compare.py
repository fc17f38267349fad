"""Putting several teams' results side by side, and leaving out what cannot be compared.

The trainer collects results files from several laptops (or one, for hot-seat play) and drops
them in a folder or names them. Teams can only be compared when they played the same scenario
(id and version), the same seed and the same workshop length: those files are the comparison.
Every other file is listed with its reason and left out: one that cannot be read, one of another
scenario, seed or length, and a second copy of a game already in (the file of the game that got
furthest is kept). Nothing here raises for a bad file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from game.domain import Language, MunicipalRole
from game.results.errors import ResultsError
from game.results.files import read_results
from game.results.models import DecisionResult, ResultsFile
from game.sim.interventions import InterventionKind

# At most this many teams side by side: more do not fit a projector or an A4 page.
MAX_TEAMS = 12


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A file that is not in the comparison, and why."""

    path: Path
    reason: str
    reason_nl: str

    def explain(self, lang: Language) -> str:
        return self.reason_nl if lang == "nl" else self.reason


@dataclass(frozen=True, slots=True)
class Team:
    """One team in the comparison: the name shown (made unique) and its results."""

    name: str
    results: ResultsFile
    path: Path | None


@dataclass(frozen=True, slots=True)
class InitiativeRow:
    """One initiative across the teams: what fitted, and what each team chose (None: not met)."""

    initiative: str
    round: int
    title_nl: str
    title_en: str
    best_roles: tuple[MunicipalRole, ...]
    choices: tuple[DecisionResult | None, ...]

    def title(self, lang: Language) -> str:
        return self.title_nl if lang == "nl" else self.title_en

    @property
    def differed(self) -> bool:
        """True when the teams that met this initiative did not all choose the same role."""
        roles = {c.role for c in self.choices if c is not None}
        return len(roles) > 1


class NewsCell(StrEnum):
    """How one piece of news reached one team in one round."""

    BROUGHT = "brought"  # the facilitator brought it in
    CAME = "came"  # the game's own news (the dice)
    NONE = "none"  # the team played the round without it
    NOT_REACHED = "not_reached"  # the team's game never got to the round


@dataclass(frozen=True, slots=True)
class NewsRow:
    """One piece of news in one round, across the teams: who had it, and how."""

    round: int
    event: str
    title_nl: str
    title_en: str
    cells: tuple[NewsCell, ...]

    def title(self, lang: Language) -> str:
        return self.title_nl if lang == "nl" else self.title_en

    @property
    def differed(self) -> bool:
        """True when some teams that played the round had this news and others did not."""
        had = {c is not NewsCell.NONE for c in self.cells if c is not NewsCell.NOT_REACHED}
        return len(had) > 1

    @property
    def brought(self) -> bool:
        return NewsCell.BROUGHT in self.cells

    @property
    def unequal(self) -> bool:
        """True when the facilitator brought this news in for some teams and not for others.
        News of the game itself may differ too, but then the teams' own choices made it."""
        return self.brought and self.differed

    def teams_with_it(self, names: Sequence[str]) -> list[str]:
        return [
            name
            for name, cell in zip(names, self.cells, strict=True)
            if cell in (NewsCell.BROUGHT, NewsCell.CAME)
        ]


@dataclass(slots=True)
class Comparison:
    """The teams that can be compared, and the files left out."""

    teams: list[Team] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def reference(self) -> ResultsFile | None:
        return self.teams[0].results if self.teams else None

    def initiative_rows(self) -> list[InitiativeRow]:
        """Every initiative any team met, in the order they came up, with each team's choice."""
        order: dict[str, tuple[int, int, DecisionResult]] = {}
        chosen: list[dict[str, DecisionResult]] = []
        for team in self.teams:
            mine: dict[str, DecisionResult] = {}
            for record in team.results.rounds:
                for position, decision in enumerate(record.decisions):
                    mine.setdefault(decision.initiative, decision)
                    key = (record.round, position, decision)
                    if decision.initiative not in order or key[:2] < order[decision.initiative][:2]:
                        order[decision.initiative] = key
            chosen.append(mine)
        rows = []
        for initiative, (round_, _, sample) in sorted(order.items(), key=lambda kv: kv[1][:2]):
            rows.append(
                InitiativeRow(
                    initiative,
                    round_,
                    sample.title.nl,
                    sample.title.en,
                    tuple(sample.best_roles),
                    tuple(mine.get(initiative) for mine in chosen),
                )
            )
        return rows

    def news_rows(self) -> list[NewsRow]:
        """Every piece of news any team had, by round, with how it reached each team: a
        comparison only says "the same chances" when every team had the same news."""
        seen: dict[tuple[int, str], tuple[str, str]] = {}
        for team in self.teams:
            for record in team.results.rounds:
                for event in record.events:
                    seen.setdefault((record.round, event.id), (event.name.nl, event.name.en))
        rows = []
        for (round_, event), (title_nl, title_en) in sorted(seen.items()):
            cells = tuple(_news_cell(team.results, round_, event) for team in self.teams)
            rows.append(NewsRow(round_, event, title_nl, title_en, cells))
        return rows

    @property
    def same_news(self) -> bool:
        """True when the facilitator brought in the same news for every team (or none)."""
        return not any(row.unequal for row in self.news_rows())


def _news_cell(results: ResultsFile, round_: int, event: str) -> NewsCell:
    record = next((r for r in results.rounds if r.round == round_), None)
    if record is None:
        return NewsCell.NOT_REACHED
    if not any(e.id == event for e in record.events):
        return NewsCell.NONE
    brought = any(
        step.kind == InterventionKind.INJECT and step.round == round_ and step.subject == event
        for step in results.interventions
    )
    return NewsCell.BROUGHT if brought else NewsCell.CAME


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[LeftOut]]:
    """Files as given, and the ``*.json`` files in folders given (a USB stick's results/)."""
    files: list[Path] = []
    problems: list[LeftOut] = []
    for path in paths:
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
                found = [p for p in entries if p.suffix.lower() == ".json" and p.is_file()]
                # A folder inside is not read (it may be another workshop's): said, not hidden.
                problems.extend(
                    LeftOut(
                        p,
                        "A folder inside this one: it is not read; name it to compare its files.",
                        "Een map binnen deze map wordt niet gelezen; kies die map zelf om de "
                        "bestanden erin te vergelijken.",
                    )
                    for p in entries
                    if p.is_dir() and any(q.suffix.lower() == ".json" for q in _listed(p))
                )
            except OSError as error:
                reason = error.strerror or str(error)
                problems.append(
                    LeftOut(
                        path,
                        f"This folder cannot be read ({reason}).",
                        f"Deze map kan niet worden gelezen ({reason}).",
                    )
                )
                continue
            files.extend(found)
        else:
            files.append(path)
    return files, problems


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _key(results: ResultsFile) -> tuple[str, str, int, str]:
    return (results.scenario.id, results.scenario.version, results.seed, results.length)


def _furthest(results: ResultsFile) -> tuple[bool, int, int, object]:
    return (results.finished, results.rounds_played, len(results.interventions), results.created)


def compare_files(paths: Sequence[Path], left_out: Sequence[LeftOut] = ()) -> Comparison:
    """Read every file and keep the ones that can be compared (see the module's docstring);
    ``left_out``: what was left out before (a team with no file), listed first."""
    files, problems = expand(paths)
    left_out = [*left_out, *problems]
    readable: list[tuple[Path, ResultsFile]] = []
    seen_paths: set[Path] = set()
    for path in files:
        resolved = path.resolve() if path.exists() else path
        if resolved in seen_paths:
            left_out.append(
                LeftOut(
                    path, "The same file was given twice.", "Hetzelfde bestand staat er twee keer."
                )
            )
            continue
        seen_paths.add(resolved)
        try:
            readable.append((path, read_results(path)))
        except ResultsError as error:
            left_out.append(LeftOut(path, error.reason, error.reason_nl))
    return compare_results(readable, left_out)


def compare_results(
    readable: Sequence[tuple[Path | None, ResultsFile]], left_out: list[LeftOut] | None = None
) -> Comparison:
    """The comparison of results already read (the game's own hot-seat teams, or files)."""
    left_out = list(left_out or [])
    if not readable:
        return Comparison([], left_out)
    counts = Counter(_key(r) for _, r in readable)
    first_key = _key(readable[0][1])
    # The group most files share; on a tie, the first file's.
    best = max(counts.values())
    key = first_key if counts[first_key] == best else next(k for k in counts if counts[k] == best)
    reference = next(r for _, r in readable if _key(r) == key)
    by_game: dict[str, tuple[Path | None, ResultsFile]] = {}
    for path, results in readable:
        why = _different(results, reference)
        if why is not None:
            left_out.append(LeftOut(path or Path(results.team), *why))
            continue
        kept = by_game.get(results.game_id)
        if kept is None:
            by_game[results.game_id] = (path, results)
            continue
        newer, older = (
            ((path, results), kept)
            if _furthest(results) > _furthest(kept[1])
            else (kept, (path, results))
        )
        by_game[results.game_id] = newer
        left_out.append(
            LeftOut(
                older[0] or Path(older[1].team),
                f"Another file of the same game ({older[1].team}); the one that got furthest is "
                f"used ({newer[0].name if newer[0] else newer[1].team}).",
                f"Nog een bestand van hetzelfde spel ({older[1].team}); het bestand dat het verst "
                f"is gekomen, wordt gebruikt ({newer[0].name if newer[0] else newer[1].team}).",
            )
        )
    kept_files = list(by_game.values())
    if len(kept_files) > MAX_TEAMS:
        for path, results in kept_files[MAX_TEAMS:]:
            left_out.append(
                LeftOut(
                    path or Path(results.team),
                    f"More than {MAX_TEAMS} teams do not fit side by side; compare in two groups.",
                    f"Meer dan {MAX_TEAMS} teams passen niet naast elkaar; vergelijk in twee "
                    "groepen.",
                )
            )
        kept_files = kept_files[:MAX_TEAMS]
    names = _unique_names([r.team for _, r in kept_files])
    teams = [
        Team(name, results, path) for name, (path, results) in zip(names, kept_files, strict=True)
    ]
    return Comparison(teams, left_out)


def _different(results: ResultsFile, reference: ResultsFile) -> tuple[str, str] | None:
    """Why ``results`` cannot stand beside ``reference`` (English, Dutch), or None."""
    mine, theirs = results.scenario, reference.scenario
    if mine.id != theirs.id:
        return (
            f"Another scenario ({mine.title.en}, '{mine.id}'); the comparison is of '{theirs.id}'.",
            f"Een ander scenario ({mine.title.nl}, '{mine.id}'); de vergelijking gaat over "
            f"'{theirs.id}'.",
        )
    if mine.version != theirs.version:
        return (
            f"Another version of the scenario ({mine.version}; the comparison is of "
            f"{theirs.version}): its numbers may differ.",
            f"Een andere versie van het scenario ({mine.version}; de vergelijking gaat over "
            f"{theirs.version}): de getallen kunnen verschillen.",
        )
    if results.seed != reference.seed:
        return (
            f"Another seed ({results.seed}; the comparison is of seed {reference.seed}): its "
            "rounds brought other news.",
            f"Een ander startgetal ({results.seed}; de vergelijking gaat over {reference.seed}): "
            "de rondes brachten ander nieuws.",
        )
    if results.length != reference.length:
        return (
            f"Another workshop length ({results.length}; the comparison is of {reference.length}).",
            f"Een andere lengte van de workshop ({_length_nl(results.length)}; de vergelijking "
            f"gaat over {_length_nl(reference.length)}).",
        )
    return None


def _length_nl(length: str) -> str:
    return {"short": "kort", "standard": "standaard", "full": "hele spel"}.get(length, length)


def _unique_names(names: list[str]) -> list[str]:
    """Two teams both called 'Team Rood' become 'Team Rood' and 'Team Rood (2)'."""
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        seen[name.casefold()] += 1
        count = seen[name.casefold()]
        out.append(name if count == 1 else f"{name} ({count})")
    return out
